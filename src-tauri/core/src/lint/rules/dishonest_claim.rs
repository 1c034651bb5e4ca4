//! `dishonest-claim`: the message says another offer was accepted (or a contract signed, a
//! role taken…) when the Situation says there is none. Read by the grammar of decisions
//! (`lint/decision.rs`), so "I have not accepted another offer" is no claim.

use super::{Ctx, Findings};
use crate::lint::decision::Kind;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.input.situation else {
        return;
    };
    if s.offer_accepted {
        return;
    }
    for (_, act) in ctx.acts.iter().filter(|(_, a)| a.kind == Kind::OtherOffer) {
        out.body(
            RuleId::DishonestClaim,
            "This says you accepted another offer, but the Situation says you have not: say your circumstances changed instead.".to_owned(),
            (act.start, act.end),
        );
    }
}
