//! `dishonest-claim`: the message says another offer was accepted (or a contract signed, a
//! role taken…) when the Situation says there is none. Read by the grammar of decisions
//! (`lint/decision.rs`), so "I have not accepted another offer" is no claim.

use super::{Ctx, Findings};
use crate::lint::decision::Kind;
use crate::lint::{Purpose, RuleId};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.input.situation else {
        return;
    };
    if s.offer_accepted {
        return;
    }
    // Looking back on an earlier decline ("I withdrew last month as I'd accepted another post"),
    // the offer was true then; the Situation tells today.
    let looking_back = matches!(ctx.purpose, Purpose::Reopen | Purpose::FollowUp);
    let told_as_past = |unit: usize| {
        ctx.acts
            .iter()
            .any(|(u, a)| *u == unit && (a.past || a.kind == Kind::PastDecline))
    };
    for (_, act) in ctx
        .acts
        .iter()
        .filter(|(u, a)| a.kind == Kind::OtherOffer && !(looking_back && told_as_past(*u)))
    {
        out.body(
            RuleId::DishonestClaim,
            "This says you accepted another offer, but the Situation says you have not: say your circumstances changed instead.".to_owned(),
            (act.start, act.end),
        );
    }
}
