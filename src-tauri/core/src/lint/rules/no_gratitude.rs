//! `no-gratitude`: no thanks anywhere ("no thanks" does not count; "Thank you," as the sign-off
//! does). A follow-up note months later owes none.

use super::{thanks, Ctx, Findings};
use crate::lint::{Purpose, RuleId};

/// The index of the first sentence (greeting last) that thanks them.
pub(super) fn first_thanks(ctx: &Ctx<'_>) -> Option<usize> {
    ctx.shape
        .sentences
        .iter()
        .chain(ctx.shape.greeting.iter())
        .position(|s| thanks(&s.text.to_lowercase()))
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    // A note months later owes no thanks for an invitation; "Thank you," as the sign-off is
    // thanks too.
    let signed_with_thanks = ctx
        .shape
        .sign_off
        .is_some_and(|s| thanks(&s.text.to_lowercase()));
    if ctx.purpose == Purpose::FollowUp || signed_with_thanks {
        return;
    }
    if first_thanks(ctx).is_none() {
        let span = ctx
            .shape
            .sentences
            .first()
            .map_or(ctx.whole(), |s| (s.start, s.end));
        out.body(
            RuleId::NoGratitude,
            "No thanks anywhere: open by thanking them for the invitation and their time."
                .to_owned(),
            span,
        );
    }
}
