//! The user's own templates at their worst: 20 KiB templates of the most expensive kinds the
//! language allows, checked and rendered with the longest field values a Situation accepts.
//! Prints the peak extra memory of one check + render (a counting allocator) after the timings.
//! `cargo bench -p politely-core --bench templates`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use politely_core::compose::context;
use politely_core::compose::user::{check_source, render_source, MAX_SOURCE_BYTES};
use politely_core::decide::Situation;
use politely_core::message::Channel;

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout is passed on unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn fill(piece: &str) -> String {
    let mut s = String::new();
    while s.len() + piece.len() <= MAX_SOURCE_BYTES {
        s.push_str(piece);
    }
    s
}

fn worst() -> Vec<(&'static str, String)> {
    vec![
        (
            "filter chains",
            fill(&format!(
                "{{{{ company{} }}}}",
                " | upper | lower | title".repeat(20)
            )),
        ),
        ("prints of the longest field", fill("{{ company }}")),
        (
            "nested ifs",
            fill(
                &("{% if contact.name and not warm or formality == \"formal\" %}".repeat(16)
                    + "x"
                    + &"{% else %}y{% endif %}".repeat(16)),
            ),
        ),
        (
            "plain text",
            "Thank you for thinking of me. ".repeat(MAX_SOURCE_BYTES / 31),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let s = Situation::from_value(
        serde_json::json!({
            "company": "Ω".repeat(200), "role": "r".repeat(200),
            "contact": {"name": "n".repeat(200)}, "sender": {"name": "s".repeat(200)},
            "invited_at": "2026-11-25T09:00:00Z", "now": "2026-11-25T10:00:00Z"
        }),
        politely_core::decide::clock(),
    )
    .expect("valid");
    let ctx = context::build(&s, Channel::Email, s.formality);
    let mut group = c.benchmark_group("user templates (20 KiB)");
    for (name, source) in worst() {
        group.bench_function(format!("check + render: {name}"), |b| {
            b.iter(|| {
                let _ = check_source(black_box(&source));
                let _ = render_source(black_box(&source), &ctx);
            })
        });
    }
    group.finish();
    for (name, source) in worst() {
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let rendered = render_source(&source, &ctx);
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "peak extra memory, {name}: {:.2} MiB ({})",
            peak as f64 / (1 << 20) as f64,
            match rendered {
                Ok(text) => format!("{} bytes out", text.len()),
                Err(p) => format!("refused: {}", p[0].message),
            }
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
