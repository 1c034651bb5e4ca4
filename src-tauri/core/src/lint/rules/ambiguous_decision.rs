//! `ambiguous-decision`: a hedge ("might not", "probably not", "leaning towards") in a sentence
//! about the decision.

use super::{word_bounded, Ctx, Findings};
use crate::lint::phrases::{DECISION_VERBS, HEDGES};
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let lower = &ctx.lower;
    for phrase in HEDGES {
        for (at, _) in lower.match_indices(phrase) {
            let about_decision = ctx.sentence_at(at).is_some_and(|s| {
                DECISION_VERBS
                    .iter()
                    .any(|v| lower[s.start..s.end].contains(v))
            });
            if word_bounded(lower, at, phrase.len()) && about_decision {
                let span = (at, at + phrase.len());
                out.body(
                    RuleId::AmbiguousDecision,
                    format!(
                        "“{}” leaves the door open: state the decision firmly.",
                        ctx.at(span)
                    ),
                    span,
                );
            }
        }
    }
}
