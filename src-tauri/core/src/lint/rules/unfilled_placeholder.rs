//! `unfilled-placeholder`: `[Name]`, `{company}`, `{{ x }}`, `<role>`, `(Company Name)`, `____`,
//! `XX` left in the text.

use super::{inside_names, Ctx, Findings};
use crate::lint::phrases::SLOTS;
use crate::lint::text;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let body = ctx.input.body;
    // The user's own company, role and names ("Acme [UK]", "Analyst (XX)") are never slots.
    let input = ctx.input;
    let mut add = |message: String, span| {
        if !inside_names(input, span) {
            out.body(RuleId::UnfilledPlaceholder, message, span);
        }
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let close = match bytes[i] {
            b'[' => ']',
            b'{' => '}',
            b'<' => '>',
            _ => {
                i += 1;
                continue;
            }
        };
        let open = bytes[i];
        if let Some(len) = body[i + 1..].find(close) {
            let inner = &body[i + 1..i + 1 + len];
            // The innermost pair is the slot: `{{ x }}` is read from its second `{`.
            let looks = !inner.is_empty()
                && !inner.contains(open as char)
                && inner.chars().count() <= 40
                && !inner.contains('\n')
                && inner.chars().any(char::is_alphabetic)
                && (open != b'<'
                    || inner
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ' || c == '_'))
                && !inner.contains('@');
            if looks {
                let end = i + 1 + len + 1;
                // `{{ x }}` comes through as `{` + `{ x }` + `}`: report the whole
                // (and only the braces that are there: `{{ x }` ends at its one `}`).
                let (s, e) = if open == b'{' && body[..i].ends_with('{') {
                    let tail = usize::from(body[end..].starts_with('}'));
                    (i - 1, end + tail)
                } else {
                    (i, end)
                };
                add(
                    format!(
                        "“{}” is a placeholder: fill it in or remove it.",
                        &body[s..e]
                    ),
                    (s, e),
                );
                i = e;
                continue;
            }
        }
        i += 1;
    }
    for slot in SLOTS {
        let needle = format!("({slot})");
        for (at, _) in ctx.lower.match_indices(&needle) {
            let span = (at, at + needle.len());
            add(
                format!(
                    "“{}” is a placeholder: fill it in or remove it.",
                    ctx.at(span)
                ),
                span,
            );
        }
    }
    for (at, run) in runs(body, '_') {
        if run >= 3 {
            add(
                "A blank to fill in: replace it with the real detail.".into(),
                (at, at + run),
            );
        }
    }
    for w in text::words(body, 0) {
        if w.text.len() >= 2 && w.text.chars().all(|c| c == 'X') {
            add(
                format!("“{}” stands in for a detail: fill it in.", w.text),
                (w.start, w.end),
            );
        }
    }
}

/// Runs of `ch`, as (start, length).
fn runs(body: &str, ch: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        match (c == ch, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i - s));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, body.len() - s));
    }
    out
}
