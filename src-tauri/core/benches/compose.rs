//! How long one draft takes to render (target: ≤ 100 µs), per channel, from a parsed Situation:
//! block lookup, every Tera render, layout and the counts the preview shows.

use std::collections::BTreeMap;
use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{criterion_group, criterion_main, Criterion};
use politely_core::compose::{compose, compose_all, Request};
use politely_core::decide::Situation;
use politely_core::message::{Channel, MessageKind};

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T12:00:00+00:00").unwrap()
}

const SITUATION: &str = r#"{"company": "Northwind Analytics", "role": "Senior Data Analyst", "invited_at": "2026-11-25T10:00:00Z",
    "contact": {"name": "Dana Okafor", "email": "dana@northwind.example"},
    "sender": {"name": "Sam Lee", "phone": "+44 20 7946 0000"},
    "reasons": ["logistics"], "details": {"logistics": ["commute", "time_zone"]},
    "checklist": {"decided": true, "fit_rechecked": true, "stay_connected": true}}"#;

fn bench(c: &mut Criterion) {
    let situation = Situation::from_json(SITUATION, clock()).expect("bench input is valid");
    // The first call builds the template library; measure the steady state.
    let _ = compose(&situation, &Request::default(), clock());
    for channel in Channel::ALL {
        let request = Request {
            channel: Some(channel),
            scenario: Some(MessageKind::Logistics),
            ..Request::default()
        };
        c.bench_function(&format!("compose/{}", channel.as_str()), |b| {
            b.iter(|| compose(black_box(&situation), black_box(&request), clock()))
        });
    }
    let choices = BTreeMap::new();
    c.bench_function("compose/all-three (one keystroke in the preview)", |b| {
        b.iter(|| {
            compose_all(
                black_box(&situation),
                Some(MessageKind::Logistics),
                None,
                &choices,
                clock(),
            )
        })
    });
}

/// Practise re-times the script on every pace change and the drill renders seven replies.
fn practise(c: &mut Criterion) {
    let situation = Situation::from_json(SITUATION, clock()).expect("bench input is valid");
    let phone = compose(
        &situation,
        &Request {
            channel: Some(Channel::Phone),
            ..Request::default()
        },
        clock(),
    )
    .expect("a phone draft");
    c.bench_function("practice/estimate (a composed script)", |b| {
        b.iter(|| politely_core::practice::estimate(black_box(&phone.body), 150))
    });
    c.bench_function("practice/drill (seven replies)", |b| {
        b.iter(|| politely_core::practice::drill(black_box(&situation), None, None, clock()))
    });
}

criterion_group!(benches, bench, practise);
criterion_main!(benches);
