//! `shouting`: two or more words in capitals (five letters or more: acronyms are fine), "!!",
//! three or more "!"; in the subject, mostly capitals or "!!".

use super::{Ctx, Findings};
use crate::lint::text::{self, Piece};
use crate::lint::RuleId;
use crate::message::Channel;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let body = ctx.input.body;
    let names: Vec<&str> = ctx
        .input
        .situation
        .map(|s| vec![s.company.as_str(), s.role.as_str()])
        .unwrap_or_default();
    let loud: Vec<Piece> = text::words(body, 0)
        .filter(|w| {
            w.text.chars().filter(|c| c.is_alphabetic()).count() >= 5
                && w.text.chars().all(|c| !c.is_lowercase())
                && w.text.chars().any(char::is_uppercase)
                && !names.iter().any(|n| n.contains(w.text))
        })
        .collect();
    if loud.len() >= 2 {
        out.body(
            RuleId::Shouting,
            "Words in capitals read as shouting: write them normally.".into(),
            (loud[0].start, loud[loud.len() - 1].end),
        );
    }
    for (at, _) in body.match_indices("!!") {
        out.body(
            RuleId::Shouting,
            "“!!” reads as shouting: one full stop is enough.".into(),
            (at, at + 2),
        );
    }
    let bangs = body.matches('!').count();
    if bangs >= 3 && !body.contains("!!") {
        let at = body.rfind('!').unwrap_or(0);
        out.body(
            RuleId::Shouting,
            format!("{bangs} exclamation marks: keep a decline calm."),
            (at, at + 1),
        );
    }
    if ctx.input.channel != Channel::Email {
        return;
    }
    let Some(subject) = ctx.input.subject.filter(|s| !s.trim().is_empty()) else {
        return;
    };
    let caps = subject.chars().filter(|c| c.is_uppercase()).count();
    let letters = subject.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 8 && caps * 10 > letters * 7 || subject.contains("!!") {
        out.subject(
            RuleId::Shouting,
            "The subject shouts: use normal capitals and no exclamation marks.".into(),
            (0, subject.len()),
            None,
        );
    }
}
