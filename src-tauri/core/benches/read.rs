//! `read` on one message: a pasted invitation, an HTML e-mail, a 64 KiB e-mail, and 64 KiB of
//! pasted new text in which every sentence reads like a role, a time and a company (the worst
//! case for the phrase searches); the limit is 20 ms per message up to 64 KiB, release.

use chrono::DateTime;
use criterion::{criterion_group, criterion_main, Criterion};
use politely_core::read::read;

const PASTED: &str = "Subject: Interview confirmation – Backend Engineer (Platform)\n\nHi Tom,\n\nI'm pleased to confirm your first-round technical interview for the Backend Engineer (Platform) position at Brackenfold Systems.\n\nDate: Tuesday 10th November\nTime: 2:30pm CET (45 minutes)\n\nBest regards,\n\nCamille Roussel\nTalent Acquisition Partner\nBrackenfold Systems\ncamille.roussel@brackenfold.io\n";

fn html_mail(padding: usize) -> String {
    let mut html = String::from("<html><body><p>Hi Sam,</p><p>We would like to invite you to interview for the <b>Data Analyst</b> position at Quillmere Analytics on Tuesday 15 September 2026 at 10:30 BST.</p><p>Best wishes,<br>Hannah Voss<br>Talent Partner | Quillmere Analytics</p>");
    while html.len() < padding {
        html.push_str("<blockquote><p>On an earlier day someone wrote a long message about nothing in particular, with <a href=\"https://example.com\">links</a> and <i>styles</i>.</p></blockquote>\n");
    }
    html.push_str("</body></html>");
    format!(
        "Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: Hannah Voss <hannah.voss@quillmere-analytics.com>\r\nTo: Sam <sam@example.com>\r\nSubject: Interview: Data Analyst\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}"
    )
}

fn bench(c: &mut Criterion) {
    let now = DateTime::parse_from_rfc3339("2026-11-03T09:00:00+00:00").unwrap();
    let small = html_mail(0);
    let big = html_mail(64 * 1024 - 600);
    c.bench_function("read pasted invitation", |b| {
        b.iter(|| read(PASTED.as_bytes(), now).unwrap())
    });
    c.bench_function("read html e-mail", |b| {
        b.iter(|| read(small.as_bytes(), now).unwrap())
    });
    c.bench_function("read 64 KiB e-mail", |b| {
        b.iter(|| read(big.as_bytes(), now).unwrap())
    });
    let mut dense = String::from("Hi Sam,\n\n");
    while dense.len() < 64 * 1024 - 200 {
        dense.push_str("I spoke to our QA manager at Quenby Labs today and she would like a first interview with you for the role of the Senior Platform Engineer position on Tuesday 10 November at 10:00 in London. ");
    }
    dense.push_str("\n\nBest,\nAmy Hart\nRecruiter | Quenby Labs | +44 20 7946 0321\n");
    c.bench_function("read 64 KiB of dense new text", |b| {
        b.iter(|| read(dense.as_bytes(), now).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
