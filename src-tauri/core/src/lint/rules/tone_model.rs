//! The tone model: a second reader for the tone and fairness rules (`rude`, `condescending`,
//! `blaming`, `passive-aggressive`, `protected-attribute`). Their
//! patterns name the forms they know; people write the same fault in many more ways. One
//! logistic regression per rule over the words and word pairs of the message, trained by
//! `scripts/train-tone.py` on the tune set only (never the frozen test set), scores the
//! message; past the threshold, and when the rule's patterns found nothing, it reports the
//! sentence that weighs most — as a **warning**, since it is a judgement of how the message
//! reads, not a phrase found.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::{inside_names, Ctx, Findings};
use crate::lint::RuleId;

const SOURCE: &str = include_str!("../tone_model.tsv");

struct Model {
    /// rule, its threshold, its bias, feature → weight
    rules: Vec<Weights>,
}

struct Weights {
    rule: RuleId,
    threshold: f64,
    bias: f64,
    weights: HashMap<String, f64>,
}

static MODEL: LazyLock<Model> = LazyLock::new(|| parse(SOURCE));

fn rule_of(tag: &str) -> Option<RuleId> {
    Some(match tag {
        "rude" => RuleId::Rude,
        "condescending" => RuleId::Condescending,
        "blaming" => RuleId::Blaming,
        "passive-aggressive" => RuleId::PassiveAggressive,
        "protected-attribute" => RuleId::ProtectedAttribute,
        _ => return None,
    })
}

fn parse(source: &str) -> Model {
    let mut model = Model { rules: Vec::new() };
    for line in source.lines().filter(|l| !l.starts_with('#')) {
        let [tag, feature, value] = line.split('\t').collect::<Vec<_>>()[..] else {
            continue;
        };
        let (Some(rule), Ok(value)) = (rule_of(tag), value.parse::<f64>()) else {
            continue;
        };
        if model.rules.last().is_none_or(|w| w.rule != rule) {
            model.rules.push(Weights {
                rule,
                // A rule whose threshold is missing never reports.
                threshold: f64::INFINITY,
                bias: 0.0,
                weights: HashMap::new(),
            });
        }
        let Some(last) = model.rules.last_mut() else {
            continue;
        };
        match feature {
            "<threshold>" => last.threshold = value,
            "" => last.bias = value,
            _ => {
                last.weights.insert(feature.to_owned(), value);
            }
        }
    }
    model
}

/// The words and word pairs of `text`, as the training script reads them.
fn features(text: &str) -> HashSet<String> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[a-z0-9]+(?:'[a-z]+)?").expect("a valid pattern"));
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = WORD.find_iter(&lower).map(|m| m.as_str()).collect();
    let mut out: HashSet<String> = words.iter().map(|w| (*w).to_owned()).collect();
    out.extend(words.windows(2).map(|p| format!("{} {}", p[0], p[1])));
    out
}

fn score(bias: f64, weights: &HashMap<String, f64>, features: &HashSet<String>) -> f64 {
    bias + features.iter().filter_map(|f| weights.get(f)).sum::<f64>()
}

fn message(rule: RuleId) -> &'static str {
    match rule {
        RuleId::Rude => "This sentence reads as disparaging them, even without a rude word: say no without judging the company, the people or the role.",
        RuleId::Condescending => "This sentence reads as talking down to the reader: leave rank and advice out, and simply decline.",
        RuleId::Blaming => "This sentence reads as blaming them for your decision: a short neutral reason is enough.",
        RuleId::PassiveAggressive => "This sentence reads as sarcastic or pointed: say it plainly or leave it out.",
        _ => "This sentence touches on someone's age, origin, gender, faith, health or family: leave it out of the reason.",
    }
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let model = &*MODEL;
    let whole = features(ctx.input.body);
    for w in &model.rules {
        let (rule, weights) = (&w.rule, &w.weights);
        if out.has(*rule) || score(w.bias, weights, &whole) <= w.threshold {
            continue;
        }
        // The sentence that weighs most for the rule is the one to show.
        let best = ctx
            .shape
            .sentences
            .iter()
            .filter(|s| !inside_names(ctx.input, (s.start, s.end)))
            .map(|s| (score(0.0, weights, &features(s.text)), s))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, sentence)) = best {
            out.body_unsure(
                *rule,
                format!(
                    "{} (A judgement of how the message reads, not a phrase Politely knows: ignore it if it is wrong.)",
                    message(*rule)
                ),
                (sentence.start, sentence.end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_loads_every_tone_rule_with_a_threshold() {
        let model = &*MODEL;
        assert!(model
            .rules
            .iter()
            .all(|w| w.threshold.is_finite() && w.threshold > 0.0));
        let rules: Vec<RuleId> = model.rules.iter().map(|w| w.rule).collect();
        assert_eq!(
            rules,
            [
                RuleId::Rude,
                RuleId::Condescending,
                RuleId::Blaming,
                RuleId::PassiveAggressive,
                RuleId::ProtectedAttribute
            ]
        );
        assert!(model.rules.iter().all(|w| w.weights.len() > 100));
    }

    #[test]
    fn features_are_words_and_pairs_as_the_script_reads_them() {
        let f = features("I’m SURE you'll find someone — eventually!");
        for w in [
            "i'm",
            "sure",
            "you'll",
            "find",
            "someone",
            "eventually",
            "i'm sure",
            "someone eventually",
        ] {
            assert!(f.contains(w), "{w}: {f:?}");
        }
        assert_eq!(f.len(), 11, "{f:?}");
    }
}
