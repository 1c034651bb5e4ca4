//! `no-future`: the Situation wants to stay in touch and nothing in the message says so.

use super::{Ctx, Findings};
use crate::lint::phrases::FUTURE;
use crate::lint::{Purpose, RuleId};

/// Whether the text offers to keep in touch.
pub(crate) fn offers_future(lower: &str) -> bool {
    FUTURE.iter().any(|f| lower.contains(f))
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.purpose == Purpose::FollowUp {
        return;
    }
    let Some(s) = ctx.input.situation else {
        return;
    };
    if s.checklist.stay_connected && !offers_future(&ctx.lower) {
        let span = ctx
            .shape
            .sentences
            .last()
            .map_or(ctx.whole(), |p| (p.start, p.end));
        out.body(
            RuleId::NoFuture,
            "You wanted to keep in touch: add a line that leaves the door open.".to_owned(),
            span,
        );
    }
}
