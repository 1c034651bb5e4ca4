//! `implausible-excuse`: a reason nobody would believe — an animal making off with the laptop,
//! a secret mission, a fortune cookie, a solar flare wiping the inbox — or one built from
//! several stretches at once (jury duty for fourteen months with no phone, a fourth summons this
//! month). A short, true reason ("something has come up", "for personal reasons") is enough.

use std::sync::LazyLock;

use super::{inside_names, pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::{IMPLAUSIBLE, IMPLAUSIBLE_CUES};
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(IMPLAUSIBLE));
static CUES: LazyLock<Vec<(&'static str, Pattern)>> = LazyLock::new(|| {
    IMPLAUSIBLE_CUES
        .iter()
        .map(|(kind, p)| (*kind, Pattern::new(p)))
        .collect()
});

const MESSAGE: &str = "reads as an excuse nobody would believe: give a short, true reason instead (“something has come up”).";

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let before = out.0.len();
    pattern_rule(ctx, out, RuleId::ImplausibleExcuse, &LIST, |words| {
        format!("“{words}” {MESSAGE}")
    });
    if out.0.len() > before {
        return;
    }
    // Several stretches together: two kinds of cue or more anywhere in the message.
    let mut kinds: Vec<&str> = Vec::new();
    let mut first = None;
    for (kind, p) in CUES.iter() {
        for (unit, toks) in ctx.toks.iter().enumerate() {
            if let Some((a, b)) = p.find(toks) {
                let span = (toks[a].start, toks[b - 1].end);
                if inside_names(ctx.input, span) {
                    continue;
                }
                if !kinds.contains(kind) {
                    kinds.push(kind);
                }
                first = first.min(Some((unit, span))).or(Some((unit, span)));
            }
        }
    }
    if kinds.len() >= 2 {
        if let Some((unit, _)) = first {
            let s = ctx.units[unit];
            out.body(
                RuleId::ImplausibleExcuse,
                format!("This excuse stacks {} unlikely things: give a short, true reason instead (“something has come up”).", kinds.len()),
                (s.start, s.end),
            );
        }
    }
}
