//! `blaming`: holding them responsible — their silence ("nobody answered my emails"), their
//! delays ("your team took six weeks"), their disorganisation ("the portal lost my documents",
//! "because of your disorganised process"). Give your own reason instead.

use std::sync::LazyLock;

use super::{pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::BLAMING;
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(BLAMING));

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    pattern_rule(ctx, out, RuleId::Blaming, &LIST, |words| {
        format!("“{words}” blames them for your decision: give your own reason, briefly.")
    });
}
