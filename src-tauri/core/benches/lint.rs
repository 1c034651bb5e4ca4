//! Proofreading speed (targets: rules on a 150-word email ≤ 1 ms; with spelling and grammar
//! ≤ 30 ms), plus the one-off cost of loading harper's dictionary and a 1 MiB input.

use std::hint::black_box;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use criterion::{criterion_group, criterion_main, Criterion};
use politely_core::lint::{lint, lint_with_language, warm_up, Input};
use politely_core::message::Channel;

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T12:00:00+00:00").unwrap()
}

/// A realistic 150-word decline.
const EMAIL: &str = "Dear Priya,\n\nThank you very much for inviting me to interview for the Data Engineer role at Acme Robotics, and for the time you and the team have spent on my application so far. I am writing to let you know that I am withdrawing my application. After looking closely at the commute and the hybrid schedule, I have concluded that the role would not work for me at this point, although I was impressed by the projects we discussed and by how openly you described the team. I would be glad to hear about remote roles in the future, and I am happy to recommend a former colleague who has strong experience with streaming pipelines if that would help your search. Thank you again for your understanding and for a very pleasant process. I wish you and the team every success in finding the right person.\n\nBest regards,\nSam Lee\n";

fn bench(c: &mut Criterion) {
    let input = Input {
        subject: Some("Data Engineer interview — Sam Lee"),
        body: EMAIL,
        channel: Channel::Email,
        situation: None,
        purpose: None,
        now: clock(),
    };
    let started = Instant::now();
    warm_up();
    eprintln!(
        "harper dictionary and rules loaded in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    c.bench_function("lint/rules, 150-word email", |b| {
        b.iter(|| lint(black_box(&input)))
    });
    c.bench_function("lint/rules + spelling and grammar, 150-word email", |b| {
        b.iter(|| lint_with_language(black_box(&input)))
    });
    let big = EMAIL.repeat((1 << 20) / EMAIL.len());
    let huge = Input {
        body: &big,
        ..input.clone()
    };
    let mut group = c.benchmark_group("lint/1 MiB");
    group.sample_size(10);
    group.bench_function("rules (harper skipped past 16 KiB)", |b| {
        b.iter(|| lint_with_language(black_box(&huge)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
