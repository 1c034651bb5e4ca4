//! `decision-late`: the decision is not in the first or second sentence after the greeting
//! (short small-talk questions on a call do not count).

use super::{Ctx, Findings};
use crate::lint::{Purpose, RuleId};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.purpose == Purpose::FollowUp {
        return;
    }
    if let Some((before, s)) = ctx.decision {
        if before > 1 {
            out.body(
                RuleId::DecisionLate,
                "The decision comes late: put it in the first or second sentence after the greeting.".to_owned(),
                (s.start, s.end),
            );
        }
    }
}
