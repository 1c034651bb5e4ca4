//! `late-response`: more than 72 h after the invitation (from the Situation), unless the
//! message owns up to the delay.

use super::{Ctx, Findings};
use crate::decide::advice::RESPOND_HOURS;
use crate::lint::{Purpose, RuleId};

const OWNING_UP: [&str; 7] = [
    "sorry",
    "apolog",
    "delay",
    "late reply",
    "slow to reply",
    "slow reply",
    "took me",
];

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.input.situation else {
        return;
    };
    if matches!(ctx.purpose, Purpose::FollowUp | Purpose::Reopen) {
        return;
    }
    let hours = (s.now_or(ctx.input.now) - s.invited_at).num_hours();
    let owns_up = OWNING_UP.iter().any(|w| ctx.lower.contains(w));
    if hours > RESPOND_HOURS && !owns_up {
        out.body(
            RuleId::LateResponse,
            format!("The invitation came {} days ago: reply today, and a short apology for the delay is fair.", hours / 24),
            ctx.shape.greeting.map_or((0, 0), |g| (g.start, g.end)),
        );
    }
}
