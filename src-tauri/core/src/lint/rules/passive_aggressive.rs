//! `passive-aggressive`: hostility dressed as politeness — pointed reminders ("per my last
//! email", "as I already said", "just resending in case it got lost"), and sarcasm ("only six
//! weeks later, what a speed!", "I'm sure you're very busy", "no worries, I'm used to being
//! ghosted"), and scare quotes: one or two ordinary lower-case words set in quotation marks
//! ("thanks for the 'quick' process"), which say the writer means the opposite.

use std::sync::LazyLock;

use super::{pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::PASSIVE_AGGRESSIVE;
use crate::lint::tokens::{Pattern, Tok};
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(PASSIVE_AGGRESSIVE));

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    pattern_rule(ctx, out, RuleId::PassiveAggressive, &LIST, |words| {
        format!("“{words}” reads as a pointed jab: say what you need plainly, without the edge.")
    });
    for (unit, toks) in ctx.toks.iter().enumerate() {
        let Some(span) = scare_quotes(ctx.input.body, toks) else {
            continue;
        };
        let taken = out.0.iter().any(|f| {
            f.rule == RuleId::PassiveAggressive && ctx.sentence_at(f.start) == ctx.units.get(unit)
        });
        if !taken {
            out.body(
                RuleId::PassiveAggressive,
                format!(
                    "“{}” in quotation marks reads as sarcasm: say what you mean without them.",
                    ctx.at(span)
                ),
                span,
            );
        }
    }
}

/// One or two ordinary words in quotation marks inside a longer sentence: a quoted title or a
/// name starts with a capital, a quoted sentence is longer, so what is left is irony.
fn scare_quotes(body: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let words = toks.iter().filter(|t| !t.punct()).count();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].quoted {
            i += 1;
            continue;
        }
        let run: Vec<&Tok> = toks[i..]
            .iter()
            .take_while(|t| t.quoted)
            .filter(|t| !t.punct())
            .collect();
        let len = toks[i..].iter().take_while(|t| t.quoted).count();
        i += len;
        let ordinary = |t: &&Tok| {
            body.get(t.start..t.end).is_some_and(|w| {
                w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && w.chars().next().is_some_and(char::is_lowercase)
            })
        };
        if (1..=2).contains(&run.len()) && words > run.len() + 3 && run.iter().all(ordinary) {
            return Some((run[0].start, run[run.len() - 1].end));
        }
    }
    None
}
