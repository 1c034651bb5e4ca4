//! `dishonest-claim`: the message claims an accepted offer (or a signed contract…) when the
//! Situation says there is none; negations are understood.

use super::{Ctx, Findings};
use crate::lint::phrases::ACCEPTED_OFFER;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.input.situation else {
        return;
    };
    if s.offer_accepted {
        return;
    }
    for phrase in ACCEPTED_OFFER {
        for (at, _) in ctx.lower.match_indices(phrase) {
            let before = ctx.lower[..at].replace('’', "'");
            let clause = before
                .rsplit([',', '.', ';', '!', '?'])
                .next()
                .unwrap_or("");
            if [" not ", "n't ", " never ", "not yet "]
                .iter()
                .any(|n| clause.contains(n))
            {
                continue;
            }
            out.body(
                RuleId::DishonestClaim,
                "This says you accepted another offer, but the Situation says you have not: say your circumstances changed instead.".to_owned(),
                (at, at + phrase.len()),
            );
        }
    }
}
