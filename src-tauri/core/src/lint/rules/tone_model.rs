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

/// The rules' weights side by side: one lookup per word or word pair scores every rule.
struct Model {
    rules: Vec<RuleId>,
    thresholds: Vec<f64>,
    biases: Vec<f64>,
    /// feature → its weight for each rule (0 where a rule has none)
    weights: HashMap<String, Vec<f64>>,
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
    let mut rules: Vec<RuleId> = Vec::new();
    let mut entries: Vec<(usize, &str, f64)> = Vec::new();
    for line in source
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.starts_with('#'))
    {
        let [tag, feature, value] = line.split('\t').collect::<Vec<_>>()[..] else {
            continue;
        };
        let (Some(rule), Ok(value)) = (rule_of(tag), value.parse::<f64>()) else {
            continue;
        };
        if !value.is_finite() {
            continue;
        }
        let at = rules.iter().position(|r| *r == rule).unwrap_or_else(|| {
            rules.push(rule);
            rules.len() - 1
        });
        entries.push((at, feature, value));
    }
    let n = rules.len();
    let mut model = Model {
        rules,
        // A rule whose threshold is missing never reports.
        thresholds: vec![f64::INFINITY; n],
        biases: vec![0.0; n],
        weights: HashMap::new(),
    };
    for (at, feature, value) in entries {
        match feature {
            "<threshold>" => model.thresholds[at] = value,
            "" => model.biases[at] = value,
            _ => {
                model
                    .weights
                    .entry(feature.to_owned())
                    .or_insert_with(|| vec![0.0; n])[at] = value;
            }
        }
    }
    model
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9]+(?:'[a-z]+)?").expect("a valid pattern"));

/// `text` as the training script reads it before finding words: lower case, ’ as '.
fn lowered(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

impl Model {
    /// Each rule's score for `text` without its bias: the weights of its distinct words and
    /// word pairs, read as the training script reads them (lower case, ’ as ', the same
    /// word pattern).
    fn scores(&self, text: &str) -> Vec<f64> {
        let mut out = vec![0.0; self.rules.len()];
        let lower = lowered(text);
        let words: Vec<&str> = WORD.find_iter(&lower).map(|m| m.as_str()).collect();
        let mut add = |weights: &Vec<f64>| {
            for (o, w) in out.iter_mut().zip(weights) {
                *o += w;
            }
        };
        let mut seen: HashSet<&str> = HashSet::new();
        for w in &words {
            if seen.insert(w) {
                if let Some(weights) = self.weights.get(*w) {
                    add(weights);
                }
            }
        }
        let mut pair = String::new();
        let mut pairs: HashSet<String> = HashSet::new();
        for p in words.windows(2) {
            pair.clear();
            pair.push_str(p[0]);
            pair.push(' ');
            pair.push_str(p[1]);
            if let Some(weights) = self.weights.get(pair.as_str()) {
                if pairs.insert(pair.clone()) {
                    add(weights);
                }
            }
        }
        out
    }
}

fn message(rule: RuleId) -> &'static str {
    match rule {
        RuleId::Rude => "This sentence reads as disparaging them, even without a rude word: say no without judging the company, the people or the role.",
        RuleId::Condescending => "This sentence reads as talking down to the reader: leave rank and advice out, and simply decline.",
        RuleId::Blaming => "This sentence reads as blaming them for your decision: a short neutral reason is enough.",
        RuleId::PassiveAggressive => "This sentence reads as sarcastic or pointed: say it plainly or leave it out.",
        _ => "This sentence may touch on someone's age, origin, gender, faith, health or family: leave that out of the reason.",
    }
}

/// A sentence's scores for each rule, and its span.
type Scored = (Vec<f64>, (usize, usize));

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    let model = &*MODEL;
    let whole = model.scores(ctx.input.body);
    let mut per_sentence: Option<Vec<Scored>> = None;
    for (i, rule) in model.rules.iter().enumerate() {
        if out.has(*rule) || model.biases[i] + whole[i] <= model.thresholds[i] {
            continue;
        }
        // The sentence that weighs most for the rule is the one to show — and it must pass the
        // threshold on its own: a score gathered from many small words across the message points
        // at no sentence, and is not reported.
        let sentences = per_sentence.get_or_insert_with(|| {
            ctx.shape
                .sentences
                .iter()
                .map(|s| (model.scores(s.text), (s.start, s.end)))
                .collect()
        });
        let best = sentences
            .iter()
            .max_by(|a, b| a.0[i].total_cmp(&b.0[i]))
            .filter(|(scores, span)| {
                model.biases[i] + scores[i] > model.thresholds[i] && !inside_names(ctx.input, *span)
            })
            .map(|(_, span)| *span);
        if let Some(span) = best {
            out.body_unsure(
                *rule,
                format!(
                    "{} (A judgement of how the message reads, not a phrase Politely knows: ignore it if it is wrong.)",
                    message(*rule)
                ),
                span,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words and word pairs of `text`, as the training script reads them.
    fn features(text: &str) -> HashSet<String> {
        let lower = lowered(text);
        let words: Vec<&str> = WORD.find_iter(&lower).map(|m| m.as_str()).collect();
        let mut out: HashSet<String> = words.iter().map(|w| (*w).to_owned()).collect();
        out.extend(words.windows(2).map(|p| format!("{} {}", p[0], p[1])));
        out
    }

    #[test]
    fn the_model_loads_every_tone_rule_with_a_threshold() {
        let model = &*MODEL;
        assert_eq!(
            model.rules,
            [
                RuleId::Rude,
                RuleId::Condescending,
                RuleId::Blaming,
                RuleId::PassiveAggressive,
                RuleId::ProtectedAttribute
            ]
        );
        assert!(model.thresholds.iter().all(|t| t.is_finite() && *t > 0.0));
        for i in 0..model.rules.len() {
            let n = model.weights.values().filter(|w| w[i] != 0.0).count();
            assert!(n > 100, "{:?}: {n} weights", model.rules[i]);
        }
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

    #[test]
    fn a_score_counts_each_distinct_word_and_pair_once() {
        let model = &*MODEL;
        let text = "Thanks, thanks again. I'm sure you'll find someone who enjoys waiting, I'm sure. Ça va? 🙂 שלום";
        let fast = model.scores(text);
        let mut slow = vec![0.0; model.rules.len()];
        for f in features(text) {
            if let Some(w) = model.weights.get(&f) {
                for (s, w) in slow.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        for (a, b) in fast.iter().zip(&slow) {
            assert!((a - b).abs() < 1e-9, "{fast:?} vs {slow:?}");
        }
        assert!(model.scores("").iter().all(|s| *s == 0.0));
    }
}
