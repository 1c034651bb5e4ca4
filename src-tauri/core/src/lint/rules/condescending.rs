//! `condescending`: talking down to the reader — ranking oneself above the role ("beneath my
//! level", "someone of my calibre", "I've outgrown…"), unsolicited advice ("a word of advice:
//! read a candidate's profile"), lecturing on how hiring should be done, or wishing them luck
//! "getting the hang of it".

use std::sync::LazyLock;

use super::{pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::CONDESCENDING;
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(CONDESCENDING));

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    pattern_rule(ctx, out, RuleId::Condescending, &LIST, |words| {
        format!(
            "“{words}” talks down to the reader: leave advice and rank out, and simply decline."
        )
    });
}
