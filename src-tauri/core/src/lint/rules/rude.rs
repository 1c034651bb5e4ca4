//! `rude`: disparaging words ("insulting", "unprofessional"…), or "terrible/awful/boring…" about
//! the offer, the role, the process, the company or people.

use super::{find_words, Ctx, Findings};
use crate::lint::phrases::{MILD, RUDE, TARGETS};
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let lower = &ctx.lower;
    let mut hits: Vec<(usize, usize)> = RUDE.iter().flat_map(|w| find_words(lower, w)).collect();
    for s in &ctx.shape.sentences {
        let sentence = &lower[s.start..s.end];
        if TARGETS.iter().any(|t| !find_words(sentence, t).is_empty()) {
            for w in MILD {
                hits.extend(
                    find_words(sentence, w)
                        .into_iter()
                        .map(|(a, b)| (a + s.start, b + s.start)),
                );
            }
        }
    }
    for hit in hits {
        out.body(
            RuleId::Rude,
            format!(
                "“{}” disparages the company, the role or people: leave criticism out of a decline.",
                ctx.at(hit)
            ),
            hit,
        );
    }
}
