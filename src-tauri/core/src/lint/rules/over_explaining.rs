//! `over-explaining`: over ~180 words (email), ~100 (LinkedIn), 150 (phone); a reason sentence
//! over 40 words; three or more sentences of explanation.

use super::{Ctx, Findings};
use crate::lint::phrases::{PERSONAL, REASON_MARKERS};
use crate::lint::text::{self, Piece};
use crate::lint::RuleId;
use crate::message::Channel;

/// Email body length (words) past which a decline reads as over-explained.
const EMAIL_MAX_WORDS: usize = 180;
/// LinkedIn message length (words) past which it reads as over-explained.
const LINKEDIN_MAX_WORDS: usize = 100;
/// Phone script length (words): 60 s at 150 words a minute.
const PHONE_MAX_WORDS: usize = 150;
/// One sentence of reason past this many words is over-explaining.
const REASON_MAX_WORDS: usize = 40;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let words = text::word_count(ctx.input.body);
    let (limit, what) = match ctx.input.channel {
        Channel::Email => (EMAIL_MAX_WORDS, "an email"),
        Channel::Linkedin => (LINKEDIN_MAX_WORDS, "a LinkedIn message"),
        Channel::Phone => (PHONE_MAX_WORDS, "a phone script (60 s)"),
    };
    if words > limit {
        out.body(
            RuleId::OverExplaining,
            format!("{words} words: keep {what} under about {limit}; a long explanation invites questions."),
            ctx.whole(),
        );
    }
    // Many sentences of explanation are over-explaining even in a short message.
    let explaining: Vec<&Piece> = ctx
        .shape
        .sentences
        .iter()
        .filter(|s| {
            let l = &ctx.lower[s.start..s.end];
            REASON_MARKERS.iter().any(|m| l.contains(m)) || PERSONAL.iter().any(|p| l.contains(p))
        })
        .collect();
    if explaining.len() >= 3 && words <= limit {
        out.body(
            RuleId::OverExplaining,
            format!(
                "{} sentences of explanation: one short, neutral reason is enough.",
                explaining.len()
            ),
            (explaining[0].start, explaining[explaining.len() - 1].end),
        );
    }
    for s in &ctx.shape.sentences {
        let n = text::word_count(s.text);
        let lower = s.text.to_lowercase();
        if n > REASON_MAX_WORDS && REASON_MARKERS.iter().any(|m| lower.contains(m)) {
            out.body(
                RuleId::OverExplaining,
                format!("This reason runs to {n} words: one short, neutral sentence is enough."),
                (s.start, s.end),
            );
        }
    }
}
