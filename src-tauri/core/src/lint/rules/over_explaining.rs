//! `over-explaining`: over 160 words (email), 100 (LinkedIn), 150 (phone); a sentence over 50
//! words, or a reason sentence over 40; three or more sentences of explanation.

use super::{find_words, Ctx, Findings};
use crate::lint::phrases::{PERSONAL, REASON_MARKERS};
use crate::lint::text::{self, Piece};
use crate::lint::RuleId;
use crate::message::Channel;

/// Email body length (words) past which a decline reads as over-explained.
const EMAIL_MAX_WORDS: usize = 160;
/// LinkedIn message length (words) past which it reads as over-explained.
const LINKEDIN_MAX_WORDS: usize = 100;
/// Phone script length (words): 60 s at 150 words a minute.
const PHONE_MAX_WORDS: usize = 150;
/// One sentence of reason past this many words is over-explaining.
const REASON_MAX_WORDS: usize = 40;
/// Any sentence past this many words is a whole explanation in one breath.
const SENTENCE_MAX_WORDS: usize = 50;

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
            explains(l) || PERSONAL.iter().any(|p| !find_words(l, p).is_empty())
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
        if n > SENTENCE_MAX_WORDS || n > REASON_MAX_WORDS && explains(&lower) {
            out.body(
                RuleId::OverExplaining,
                format!("This reason runs to {n} words: one short, neutral sentence is enough."),
                (s.start, s.end),
            );
        }
    }
}

/// Whether a lower-case sentence gives a reason ("because", "due to", "since I am…"); "since"
/// telling time ("since then", "since we spoke", "I've since") is no reason.
fn explains(lower: &str) -> bool {
    REASON_MARKERS.iter().any(|m| {
        find_words(lower, m).iter().any(|&(at, end)| {
            if *m != "since" {
                return true;
            }
            let after = lower[end..].trim_start();
            let before = lower[..at].trim_end();
            let temporal_after = [
                "then", "we", "our", "last", "january", "the ", "early", "late",
            ]
            .iter()
            .any(|w| after.starts_with(w));
            let temporal_before = ["ever", "have", "has", "had", "'ve", "’ve"]
                .iter()
                .any(|w| before.ends_with(w));
            !(temporal_after || temporal_before)
        })
    })
}
