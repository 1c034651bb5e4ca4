//! `vague-subject`: a subject like "Hi" or "Update", or two words that name neither the role
//! nor the company (suggests "Role interview — Your name").

use super::{Ctx, Findings};
use crate::lint::phrases::VAGUE_SUBJECTS;
use crate::lint::text;
use crate::lint::RuleId;
use crate::message::Channel;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.input.channel != Channel::Email {
        return;
    }
    let Some(subject) = ctx.input.subject.filter(|s| !s.trim().is_empty()) else {
        return;
    };
    let situation = ctx.input.situation;
    let lower = subject.trim().to_lowercase();
    let bare = lower
        .trim_start_matches("re:")
        .trim_start_matches("fw:")
        .trim();
    let names_something = situation.is_some_and(|s| {
        [&s.role, &s.company]
            .iter()
            .any(|n| !n.is_empty() && lower.contains(&n.to_lowercase()))
    });
    let vague = VAGUE_SUBJECTS.contains(&bare.trim_end_matches(['.', '!', '?']))
        || (text::word_count(bare) < 3 && !names_something);
    if vague {
        out.subject(
            RuleId::VagueSubject,
            "The subject is vague: name the role and yourself, e.g. “Data Engineer interview — Sam Lee”.".into(),
            (0, subject.len()),
            situation.map(|s| {
                let who = s.sender.as_ref().and_then(|x| x.name.clone()).unwrap_or_default();
                if who.is_empty() {
                    format!("{} interview", s.role)
                } else {
                    format!("{} interview — {who}", s.role)
                }
            }),
        );
    }
}
