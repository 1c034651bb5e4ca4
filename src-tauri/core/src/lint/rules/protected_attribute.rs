//! `protected-attribute`: age, pregnancy, religion, disability or health, ethnicity, marital
//! status, orientation, gender — about oneself or others; names in the Situation are exempt.

use super::{find_words, inside_names, Ctx, Findings};
use crate::lint::phrases::PROTECTED;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    for phrase in PROTECTED {
        for hit in find_words(&ctx.lower, phrase) {
            if inside_names(ctx.input, hit) {
                continue;
            }
            out.body(
                RuleId::ProtectedAttribute,
                format!("“{}” touches a protected attribute (age, health, religion, family status…): keep reasons job-related.", ctx.at(hit)),
                hit,
            );
        }
    }
}
