//! `terse`: "no thanks", "not interested", "I'll pass" in a short sentence, or a decline under
//! 12 words.

use super::{word_bounded, Ctx, Findings};
use crate::lint::phrases::{CURT_IN_SHORT, TERSE};
use crate::lint::text;
use crate::lint::{Purpose, RuleId};

/// Fewer words than this in the message proper is curt.
const TERSE_WORDS: usize = 12;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    for phrase in TERSE.iter().chain(CURT_IN_SHORT) {
        let always = TERSE.contains(phrase);
        for (at, _) in ctx.lower.match_indices(phrase) {
            let short_sentence = ctx
                .sentence_at(at)
                .is_none_or(|s| text::word_count(s.text) <= 8);
            if word_bounded(&ctx.lower, at, phrase.len())
                && (always || short_sentence || ctx.proper_words < 25)
            {
                let span = (at, at + phrase.len());
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
    let words = ctx.proper_words;
    if words > 0 && words < TERSE_WORDS && ctx.purpose == Purpose::Decline {
        let sentences = &ctx.shape.sentences;
        out.body(
            RuleId::Terse,
            format!("Only {words} words: a decline this short reads as dismissive. Add thanks and a goodwill line."),
            (sentences[0].start, sentences[sentences.len() - 1].end),
        );
    }
}
