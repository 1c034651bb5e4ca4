//! `apology-excess`: more than one apology.

use super::{find_words, Ctx, Findings};
use crate::lint::phrases::APOLOGIES;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut apologies: Vec<(usize, usize)> = APOLOGIES
        .iter()
        .flat_map(|w| find_words(&ctx.lower, w))
        .collect();
    if apologies.len() > 1 {
        apologies.sort();
        out.body(
            RuleId::ApologyExcess,
            format!(
                "{} apologies: one is enough, then move on.",
                apologies.len()
            ),
            apologies[1],
        );
    }
}
