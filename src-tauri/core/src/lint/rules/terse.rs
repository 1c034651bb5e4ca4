//! `terse`: a curt brush-off. "No thanks", "not interested", "nope", "nah" wherever they
//! stand; "I'll pass", "not for me" in a short sentence or a message without thanks; a decline
//! under 20 words with no thanks in it, or under 12 with only a bare "Thank you."; "That's all."
//! and "Bye." ending a short message. A short decline that thanks them for something ("Thank you
//! for thinking of me, but I'll have to decline.") is polite, and is not terse.

use super::{thanks, word_bounded, Ctx, Findings};
use crate::lint::phrases::{CURT_IN_SHORT, TERSE};
use crate::lint::text;
use crate::lint::tokens::near;
use crate::lint::{Purpose, RuleId};

/// A decline shorter than this (message proper, in words) reads as dismissive.
const TERSE_WORDS: usize = 12;
/// A decline shorter than this with no thanks at all reads as dismissive.
const UNTHANKED_WORDS: usize = 20;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut found = false;
    let short_message = ctx.proper_words < 25 || !ctx.grateful;
    for phrase in TERSE.iter().chain(CURT_IN_SHORT) {
        let always = TERSE.contains(phrase);
        for (at, _) in ctx.lower.match_indices(phrase) {
            let short_sentence = ctx
                .sentence_at(at)
                .is_none_or(|s| text::word_count(s.text) <= 8);
            if word_bounded(&ctx.lower, at, phrase.len())
                && (always || short_sentence || short_message && !ctx.grateful)
            {
                let span = (at, at + phrase.len());
                found = true;
                out.body(
                    RuleId::Terse,
                    format!(
                        "“{}” reads as curt: thank them and say the decision in a full sentence.",
                        ctx.at(span)
                    ),
                    span,
                );
            }
        }
    }
    // "Not intrested": the same brush-off, misspelt.
    for w in text::words(ctx.input.body, 0) {
        let lower = w.text.to_lowercase();
        if lower != "interested" && near(&lower, "interested", 2) && lower.starts_with("in") {
            let before = ctx.input.body[..w.start].trim_end().to_lowercase();
            if before.ends_with("not") && !ctx.grateful {
                found = true;
                out.body(
                    RuleId::Terse,
                    format!("“not {}” reads as curt: thank them and say the decision in a full sentence.", w.text),
                    (w.start, w.end),
                );
            }
        }
    }
    if found || !matches!(ctx.purpose, Purpose::Decline | Purpose::Cancel) {
        return;
    }
    let sentences = &ctx.shape.sentences;
    let words = ctx.proper_words;
    let dismissive = sentences.iter().any(|s| {
        let l = s.text.to_lowercase().replace('’', "'");
        ["that's all", "that's it", "bye", "that is all"]
            .iter()
            .any(|d| l.trim_end_matches(['.', '!']) == *d)
    });
    // "Thank you for thinking of me, but I'll have to decline." is a polite one-liner; a bare
    // "Thank you." before the decision, or a "Bye." after it, is not.
    let warm_thanks = ctx.units.iter().any(|u| {
        let l = u.text.to_lowercase();
        thanks(&l)
            && [" for ", "appreciate", "grateful"]
                .iter()
                .any(|w| l.contains(w))
    });
    let curt = !ctx.grateful && (words < UNTHANKED_WORDS || dismissive && words < 40)
        || words < TERSE_WORDS && (!warm_thanks || dismissive);
    if words > 0 && curt {
        out.body(
            RuleId::Terse,
            format!("Only {words} words: a decline this short reads as dismissive. Add thanks and a goodwill line."),
            (sentences[0].start, sentences[sentences.len() - 1].end),
        );
    }
}
