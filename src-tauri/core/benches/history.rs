//! The career folder at scale: synthetic histories of 10k and 100k opportunities (3 messages each).
//! Targets: search p95 ≤ 20 ms, first page of the list ≤ 5 ms, import of 100k ≤ 10 s.
//! Criterion reports medians; the p95 of 200 varied searches is printed before each search bench.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use politely_core::store::export::to_json;
use politely_core::store::list::ListQuery;
use politely_core::store::{synthetic, Store, DB_FILE};

/// Partial words: the prefix path, for words not yet typed out.
const PARTIAL: &[&str] = &["umbre", "reloc", "pri", "tyr", "comm", "sched gro"];
const SEARCHES: &[&str] = &[
    "acme",
    "globex labs",
    "commute",
    "relocation offer",
    "priya",
    "kind regards",
    "staff engineer",
    "wishes future",
    "tyrell",
    "schedule growth",
];

fn p95(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[(samples.len() * 95).div_ceil(100) - 1]
}

fn bench(c: &mut Criterion) {
    // POLITELY_BENCH_SIZES=100000 measures one size only.
    let sizes: Vec<usize> = std::env::var("POLITELY_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
        let text = to_json(&synthetic::history(n, 42));
        let started = Instant::now();
        black_box(politely_core::store::export::parse_export(&text).unwrap());
        println!("parse only: {:.2?}", started.elapsed());
        let started = Instant::now();
        store.import(&text, false).unwrap();
        println!(
            "import of {n} opportunities ({} MB of JSON): {:.2?}",
            text.len() / 1_000_000,
            started.elapsed()
        );

        let query = |words: &str| ListQuery {
            search: Some(words.into()),
            ..Default::default()
        };
        let p95_of = |queries: &[&str], runs: usize| {
            let times = (0..runs)
                .map(|i| {
                    let q = if queries.is_empty() {
                        ListQuery::default()
                    } else {
                        query(queries[i % queries.len()])
                    };
                    let t = Instant::now();
                    black_box(store.list(&q).unwrap());
                    t.elapsed()
                })
                .collect();
            p95(times)
        };
        println!(
            "search p95 over 200 queries at {n}: {:.2?}",
            p95_of(SEARCHES, 200)
        );
        println!(
            "partial-word search p95 over 60 queries at {n}: {:.2?}",
            p95_of(PARTIAL, 60)
        );
        println!("first page p95 over 200 at {n}: {:.2?}", p95_of(&[], 200));
        for q in SEARCHES.iter().chain(PARTIAL) {
            let t = Instant::now();
            let rows = store.list(&query(q)).unwrap();
            println!("  {q:>18}: {:>9.2?} ({} rows)", t.elapsed(), rows.len());
        }

        let mut group = c.benchmark_group("history");
        group.sample_size(30);
        group.bench_with_input(BenchmarkId::new("search", n), &n, |b, _| {
            let mut i = 0;
            b.iter(|| {
                i += 1;
                let q = ListQuery {
                    search: Some(SEARCHES[i % SEARCHES.len()].into()),
                    ..Default::default()
                };
                black_box(store.list(&q).unwrap())
            })
        });
        group.bench_with_input(BenchmarkId::new("first_page", n), &n, |b, _| {
            b.iter(|| black_box(store.list(&ListQuery::default()).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("open", n), &n, |b, _| {
            b.iter(|| black_box(Store::open_file(&dir.path().join(DB_FILE)).unwrap()))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
