//! `protected-attribute`: age, accent or origin, gender, religion, disability or health,
//! pregnancy, family status, orientation — about oneself or anyone else ("the panel were all
//! rather older", "the manager's accent", "it's all blokes", "an interviewer who is not wearing
//! a headscarf"). Names in the Situation ("Age UK") are exempt.

use std::sync::LazyLock;

use super::{find_words, inside_names, pattern_rule, patterns, Ctx, Findings};
use crate::lint::phrases::{PROTECTED, PROTECTED_PATTERNS};
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(PROTECTED_PATTERNS));

const MESSAGE: &str = "touches a protected attribute (age, origin, gender, religion, health, family…): keep reasons about the job.";

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut words_found = Vec::new();
    for phrase in PROTECTED {
        for hit in find_words(&ctx.lower, phrase) {
            if inside_names(ctx.input, hit) {
                continue;
            }
            words_found.push(hit);
            out.body(
                RuleId::ProtectedAttribute,
                format!("“{}” {MESSAGE}", ctx.at(hit)),
                hit,
            );
        }
    }
    // Structures, in sentences the word list has not already flagged.
    let mut rest = Findings(Vec::new());
    pattern_rule(ctx, &mut rest, RuleId::ProtectedAttribute, &LIST, |words| {
        format!("“{words}” {MESSAGE}")
    });
    for f in rest.0 {
        let same_sentence = words_found
            .iter()
            .any(|h| ctx.sentence_at(h.0) == ctx.sentence_at(f.start));
        if !same_sentence {
            out.0.push(f);
        }
    }
}
