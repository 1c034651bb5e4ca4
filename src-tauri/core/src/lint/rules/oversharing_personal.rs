//! `oversharing-personal`: family, health, money or relationship detail ("my kids", "my
//! mortgage", "break-up").

use super::{find_words, inside_names, Ctx, Findings};
use crate::lint::phrases::PERSONAL;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    for phrase in PERSONAL {
        for hit in find_words(&ctx.lower, phrase) {
            if inside_names(ctx.input, hit) {
                continue;
            }
            out.body(
                RuleId::OversharingPersonal,
                format!("“{}” shares personal detail the recruiter does not need: a short, neutral reason is enough.", ctx.at(hit)),
                hit,
            );
        }
    }
}
