//! `gratitude-late`: there are thanks, but not in the opening.

use super::no_gratitude::first_thanks;
use super::{Ctx, Findings};
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if let Some(i) = first_thanks(ctx) {
        if i > 0 && i < ctx.shape.sentences.len() {
            let s = ctx.shape.sentences[i];
            out.body(
                RuleId::GratitudeLate,
                "Thanks come first in a good decline: move this to the opening.".to_owned(),
                (s.start, s.end),
            );
        }
    }
}
