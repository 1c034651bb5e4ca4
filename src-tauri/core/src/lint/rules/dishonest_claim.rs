//! `dishonest-claim`: the message says another offer was accepted (or a contract signed, a
//! role taken…) when the Situation says there is none: its reasons leave the offer out, or
//! name it without a signed acceptance. A Situation with no reasons says nothing either way. Read by the grammar of decisions
//! (`lint/decision.rs`), so "I have not accepted another offer" is no claim.

use super::{Ctx, Findings};
use crate::decide::situation::Reason;
use crate::lint::decision::Kind;
use crate::lint::{Purpose, RuleId};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.input.situation else {
        return;
    };
    // A signed acceptance makes the claim true; a Situation without reasons says nothing
    // about offers (Decide asks about one only among the reasons).
    if s.offer_accepted || s.reasons.is_empty() {
        return;
    }
    let offer_reason = s.reasons.contains(&Reason::AcceptedOffer);
    let message = if offer_reason {
        "This says you accepted another offer, but Decide says the acceptance is not signed or confirmed yet: say your circumstances changed until it is."
    } else {
        "This says you accepted another offer, but it is not among the reasons you gave in Decide: say only what is true, or add the reason there."
    };
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
            message.to_owned(),
            (act.start, act.end),
        );
    }
}
