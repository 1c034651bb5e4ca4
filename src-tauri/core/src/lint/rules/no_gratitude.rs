//! `no-gratitude`: no thanks anywhere ("no thanks" does not count).

use super::{thanks, Ctx, Findings};
use crate::lint::RuleId;

/// The index of the first sentence (greeting last) that thanks them.
pub(super) fn first_thanks(ctx: &Ctx<'_>) -> Option<usize> {
    ctx.shape
        .sentences
        .iter()
        .chain(ctx.shape.greeting.iter())
        .position(|s| thanks(&s.text.to_lowercase()))
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
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
