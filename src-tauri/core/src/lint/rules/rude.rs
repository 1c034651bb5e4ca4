//! `rude`: disparaging the company, the role, the pay or people — with rude words
//! ("insulting", "unprofessional"…), with "terrible/awful/boring…" about the offer, the role or
//! the company, or without any rude word at all: ridicule by comparison ("your offices looked
//! like a warehouse"), surprise that anyone works there, "a company that pays more", "I wouldn't
//! touch it with a bargepole".

use std::sync::LazyLock;

use super::{find_words, inside_names, patterns, Ctx, Findings};
use crate::lint::phrases::{DISPARAGING, MILD, RUDE, RUDE_PATTERNS, TARGETS};
use crate::lint::tokens::Pattern;
use crate::lint::RuleId;

static LIST: LazyLock<Vec<Pattern>> = LazyLock::new(|| patterns(RUDE_PATTERNS));

/// Words of praise: a comparison that praises is no ridicule.
const PRAISE: &[&str] = &[
    "great",
    "lovely",
    "fantastic",
    "wonderful",
    "fun",
    "brilliant",
    "exciting",
    "good",
    "nice",
    "amazing",
    "perfect",
    "excellent",
    "fascinating",
    "friendly",
    "welcoming",
    "dynamic",
    "strong",
    "vibrant",
    "inspiring",
    "happy",
    "interesting",
    "really",
    "very",
    "genuinely",
];

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let lower = &ctx.lower;
    let mut hits: Vec<(usize, usize)> = RUDE.iter().flat_map(|w| find_words(lower, w)).collect();
    for s in &ctx.shape.sentences {
        let sentence = &lower[s.start..s.end];
        if TARGETS.iter().any(|t| !find_words(sentence, t).is_empty()) {
            for w in MILD.iter().chain(DISPARAGING) {
                hits.extend(
                    find_words(sentence, w)
                        .into_iter()
                        .map(|(a, b)| (a + s.start, b + s.start)),
                );
            }
        }
    }
    for (unit, toks) in ctx.toks.iter().enumerate() {
        let covered = hits
            .iter()
            .any(|h| ctx.sentence_at(h.0) == Some(&ctx.units[unit]));
        if covered {
            continue;
        }
        // "The office looked like a great place to work" is praise, not ridicule.
        let words = &ctx.words[unit];
        let found = LIST
            .iter()
            .filter(|p| p.possible_with(words))
            .find_map(|p| {
                p.find(toks).filter(|&(_, b)| {
                    !toks[b..]
                        .iter()
                        .take(3)
                        .any(|t| PRAISE.contains(&t.w.as_str()))
                })
            });
        if let Some((a, b)) = found {
            hits.push((toks[a].start, toks[b - 1].end));
        }
    }
    hits.sort();
    for hit in hits {
        if inside_names(ctx.input, hit) {
            continue;
        }
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
