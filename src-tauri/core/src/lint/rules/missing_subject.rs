//! `missing-subject`: an email without a subject.

use super::{Ctx, Findings};
use crate::lint::RuleId;
use crate::message::Channel;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.input.channel == Channel::Email && ctx.input.subject.is_none_or(|s| s.trim().is_empty())
    {
        out.subject(
            RuleId::MissingSubject,
            "No subject: say what it is about, e.g. “Data Engineer interview — Sam Lee”.".into(),
            (0, 0),
            None,
        );
    }
}
