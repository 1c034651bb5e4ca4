//! How long one call of the advice engine takes (target: ≤ 10 µs), from parsed Situations of
//! increasing complexity.

use chrono::{DateTime, FixedOffset};
use criterion::{criterion_group, criterion_main, Criterion};
use politely_core::decide::{advise, Situation};
use std::hint::black_box;

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T12:00:00+00:00").unwrap()
}

fn situation(json: &str) -> Situation {
    Situation::from_json(json, clock()).expect("bench input is valid")
}

fn bench(c: &mut Criterion) {
    let simple = situation(
        r#"{"company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z",
            "reasons": ["logistics"], "checklist": {"decided": true, "fit_rechecked": true}}"#,
    );
    let busy = situation(
        r#"{"company": "Globex", "role": "Staff Engineer", "invited_at": "2026-11-20T10:00:00Z",
            "interview_at": "2026-11-27T09:00:00Z", "stage": "interviewed", "rounds": 3, "rapport": "strong",
            "origin_channel": "linkedin", "inform": ["recruiter", "hiring_manager", "agency"],
            "reasons": ["accepted_offer", "personal", "current_job", "growth"],
            "checklist": {"decided": true, "fit_rechecked": true, "stay_connected": true, "offer_referral": true},
            "contact": {"name": "Dana Lee", "email": "dana@globex.example", "title": "Recruiter"}}"#,
    );
    let now = clock();
    c.bench_function("advise/simple", |b| {
        b.iter(|| advise(black_box(&simple), now))
    });
    c.bench_function("advise/all-warnings", |b| {
        b.iter(|| advise(black_box(&busy), now))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
