//! `passive-aggressive`: hostility dressed as politeness — pointed reminders ("per my last
//! email", "as I already said", "just resending in case it got lost"), and sarcasm ("only six
//! weeks later, what a speed!", "I'm sure you're very busy", "no worries, I'm used to being
//! ghosted").

use std::sync::LazyLock;

use super::{pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::PASSIVE_AGGRESSIVE;
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(PASSIVE_AGGRESSIVE));

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    pattern_rule(ctx, out, RuleId::PassiveAggressive, &LIST, |words| {
        format!("“{words}” reads as a pointed jab: say what you need plainly, without the edge.")
    });
}
