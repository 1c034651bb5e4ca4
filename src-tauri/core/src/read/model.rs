//! A second reader for what a message is and what a reply wants: a multinomial logistic
//! regression over the words and word pairs of the text (and the words of its questions),
//! trained by `scripts/train-read.py` on the tune corpus only (never the frozen test set), from
//! the features this file computes (`features`), so training and reading see the same thing.
//! The rules name the phrasings they know; the model has read more ways of saying the same
//! thing. `read` (mod.rs) decides when it is listened to.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Intent, Kind};

const SOURCE: &str = include_str!("read_model.tsv");

/// One classifier: classes, their biases, and each feature's weight per class.
struct Classifier {
    classes: Vec<String>,
    biases: Vec<f64>,
    weights: HashMap<String, Vec<f64>>,
}

struct Models {
    kind: Classifier,
    intent: Classifier,
}

static MODELS: LazyLock<Models> = LazyLock::new(|| parse(SOURCE));

/// Per model: a `<classes>` line naming its classes, a `<bias>` line, then one line per feature
/// with a weight for each class in that order. A line that does not fit is skipped; a model
/// without classes reads nothing.
fn parse(source: &str) -> Models {
    let mut kind = Classifier::empty();
    let mut intent = Classifier::empty();
    for line in source
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.starts_with('#'))
    {
        let [model, feature, values] = line.split('\t').collect::<Vec<_>>()[..] else {
            continue;
        };
        let target = match model {
            "kind" => &mut kind,
            "intent" => &mut intent,
            _ => continue,
        };
        if feature == "<classes>" {
            target.classes = values.split(' ').map(str::to_owned).collect();
            target.biases = vec![0.0; target.classes.len()];
            continue;
        }
        let Ok(weights) = values
            .split(' ')
            .map(str::parse::<f64>)
            .collect::<Result<Vec<f64>, _>>()
        else {
            continue;
        };
        if weights.len() != target.classes.len() || !weights.iter().all(|w| w.is_finite()) {
            continue;
        }
        if feature == "<bias>" {
            target.biases = weights;
        } else {
            target.weights.insert(feature.to_owned(), weights);
        }
    }
    Models { kind, intent }
}

impl Classifier {
    fn empty() -> Self {
        Classifier {
            classes: Vec::new(),
            biases: Vec::new(),
            weights: HashMap::new(),
        }
    }

    /// Each class with its probability, most likely first; empty when there is no model.
    fn score(&self, features: &[String]) -> Vec<(&str, f64)> {
        if self.classes.is_empty() {
            return Vec::new();
        }
        let mut z = self.biases.clone();
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (zi, wi) in z.iter_mut().zip(w) {
                    *zi += wi;
                }
            }
        }
        let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
        let sum: f64 = exp.iter().sum();
        let mut out: Vec<(&str, f64)> = self
            .classes
            .iter()
            .map(String::as_str)
            .zip(exp.iter().map(|e| e / sum))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }
}

/// The features of a text: lower-cased words (digits as 0, curly apostrophes straight) and
/// adjacent word pairs, and the words of its questions again with `q:` — deduplicated.
pub fn features(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sentence in text.split_inclusive(['.', '!', '?', '\n']) {
        let question = sentence.trim_end().ends_with('?');
        let words: Vec<String> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|w| {
                w.trim_matches(['\'', '’'])
                    .chars()
                    .map(|c| match c {
                        '’' => '\'',
                        c if c.is_numeric() => '0',
                        c => c,
                    })
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            out.push(format!("w:{w}"));
            if question {
                out.push(format!("q:{w}"));
            }
            if let Some(next) = words.get(i + 1) {
                out.push(format!("b:{w} {next}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "invitation" => Kind::Invitation,
        "reply" => Kind::Reply,
        "other" => Kind::Other,
        _ => return None,
    })
}

fn intent_of(name: &str) -> Option<Intent> {
    Intent::ALL.into_iter().find(|i| i.as_str() == name)
}

/// The model's kind for a text (subject and new content) with its probability.
pub fn kind(text: &str) -> Option<(Kind, f64)> {
    let scores = MODELS.kind.score(&features(text));
    let (name, p) = scores.first()?;
    Some((kind_of(name)?, *p))
}

/// The model's intent for a reply's new text with its probability.
pub fn intent(text: &str) -> Option<(Intent, f64)> {
    let scores = MODELS.intent.score(&features(text));
    let (name, p) = scores.first()?;
    Some((intent_of(name)?, *p))
}

/// The sentence of `text` that weighs most for `intent`: the evidence shown when the model's
/// reading is taken.
pub fn intent_evidence(text: &str, intent: Intent) -> String {
    let model = &MODELS.intent;
    let Some(at) = model.classes.iter().position(|c| c == intent.as_str()) else {
        return String::new();
    };
    text.split_inclusive(['.', '!', '?', '\n'])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let weight: f64 = features(s)
                .iter()
                .filter_map(|f| model.weights.get(f).map(|w| w[at]))
                .sum();
            (s.trim(), weight)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or_else(String::new, |(s, _)| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_words_pairs_and_question_words() {
        let f = features("Thanks, Sam.\nWhat changed? Call 0207 ’ok’");
        for want in [
            "w:thanks",
            "b:thanks sam",
            "w:what",
            "q:what",
            "q:changed",
            "b:what changed",
            "w:0000",
            "w:ok",
        ] {
            assert!(f.contains(&want.to_owned()), "{want} in {f:?}");
        }
        // A pair never spans two sentences; words outside a question are not question words.
        assert!(!f.contains(&"b:sam what".to_owned()), "{f:?}");
        assert!(!f.contains(&"q:thanks".to_owned()), "{f:?}");
    }

    #[test]
    fn a_model_scores_classes_and_a_broken_line_is_skipped() {
        let m = parse(
            "# c\nintent\t<classes>\tacknowledged asks_reason\nintent\t<bias>\t0.5 -1\n\
             intent\tq:why\t0 3\nintent\tw:x\t1 nan-ish\nintent\tw:y\t1\nbad line\n",
        );
        let s = m.intent.score(&features("Why?"));
        assert_eq!(s[0].0, "asks_reason");
        let s = m.intent.score(&features("Thanks."));
        assert_eq!(s[0].0, "acknowledged");
        assert!(m.kind.score(&features("x")).is_empty());
        // The broken lines were skipped, not read as zeros.
        assert!(!m.intent.weights.contains_key("w:x") && !m.intent.weights.contains_key("w:y"));
    }
}
