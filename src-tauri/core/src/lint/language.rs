//! Offline spelling and grammar through harper-core, behind this one module: its API changes
//! between releases (the version is pinned), and its dictionary costs most of a second to load,
//! so it is built once, lazily, and the app warms it up off the UI thread after the first paint.

use std::sync::{Arc, LazyLock, Mutex};

use harper_core::linting::{LintGroup, LintKind, Linter, Suggestion};
use harper_core::spell::{Dictionary, FstDictionary};
use harper_core::{Dialect, Document};

use super::{Finding, Input, Part, RuleId, Severity};
use crate::message::Channel;

/// Longest text harper reads; past it, spelling and grammar are skipped with a note (its time
/// grows with the text; the rules still run on everything).
pub const MAX_LANGUAGE_BYTES: usize = 16 * 1024;

struct Checker {
    dictionary: Arc<FstDictionary>,
    group: LintGroup,
}

static CHECKER: LazyLock<Mutex<Checker>> = LazyLock::new(|| {
    let dictionary = FstDictionary::curated();
    let group = LintGroup::new_curated(dictionary.clone(), Dialect::American);
    Mutex::new(Checker { dictionary, group })
});

/// Whether `text` reads as prose: at least half of its visible characters are letters, and no
/// character repeats more than 40 times in a row.
fn prose(text: &str) -> bool {
    let mut visible = 0usize;
    let mut letters = 0usize;
    let mut run = (None, 0usize);
    for c in text.chars() {
        run = if run.0 == Some(c) {
            (run.0, run.1 + 1)
        } else {
            (Some(c), 1)
        };
        if run.1 > 40 && !c.is_whitespace() {
            return false;
        }
        if !c.is_whitespace() {
            visible += 1;
            if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    visible < 20 || letters * 2 >= visible
}

/// Loads the dictionary and rules now (call from a background thread at start-up).
pub fn warm_up() {
    LazyLock::force(&CHECKER);
}

/// Spelling and grammar findings for the subject and body.
pub(super) fn spelling_and_grammar(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if input.body.len() > MAX_LANGUAGE_BYTES {
        out.push(Finding {
            rule: RuleId::Spelling,
            severity: Severity::Info,
            message: format!(
                "Spelling and grammar are checked on messages up to {} KiB; this one is longer, so only the other rules ran.",
                MAX_LANGUAGE_BYTES / 1024
            ),
            part: Part::Body,
            start: 0,
            end: 0,
            suggestion: None,
        });
        return out;
    }
    if !prose(input.body) || input.subject.is_some_and(|s| !prose(s)) {
        // Long runs of symbols ("!!!!…", a pasted table) are not prose to check, and harper's
        // time on them grows far faster than on sentences.
        out.push(Finding {
            rule: RuleId::Spelling,
            severity: Severity::Info,
            message: "Spelling and grammar are checked on sentences; this text is mostly symbols or repeats one character, so only the other rules ran.".into(),
            part: Part::Body,
            start: 0,
            end: 0,
            suggestion: None,
        });
        return out;
    }
    let names = names(input);
    let Ok(mut checker) = CHECKER.lock() else {
        return out;
    };
    if let Some(subject) = input.subject {
        check(
            &mut checker,
            subject,
            Part::Subject,
            &names,
            input.channel,
            &mut out,
        );
    }
    check(
        &mut checker,
        input.body,
        Part::Body,
        &names,
        input.channel,
        &mut out,
    );
    out
}

/// Words from the Situation (company, role, people): never spelling mistakes.
fn names(input: &Input<'_>) -> Vec<String> {
    let Some(s) = input.situation else {
        return Vec::new();
    };
    let mut all = vec![s.company.clone(), s.role.clone()];
    if let Some(c) = &s.contact {
        all.extend(c.name.clone());
        all.extend(c.title.clone());
    }
    if let Some(c) = &s.sender {
        all.extend(c.name.clone());
    }
    all.iter()
        .flat_map(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn check(
    checker: &mut Checker,
    text: &str,
    part: Part,
    names: &[String],
    channel: Channel,
    out: &mut Vec<Finding>,
) {
    if text.trim().is_empty() {
        return;
    }
    let document = Document::new_plain_english(text, checker.dictionary.as_ref());
    let lints = checker.group.lint(&document);
    // Harper counts in chars; findings are byte offsets.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len());
    for lint in lints {
        let (start, end) = (at(lint.span.start), at(lint.span.end));
        if start >= end {
            continue;
        }
        let word = &text[start..end];
        let rule = match lint.lint_kind {
            LintKind::Spelling | LintKind::Typo => RuleId::Spelling,
            // Other English spellings (organise/organize) are the writer's choice, not mistakes.
            LintKind::Regionalism => continue,
            // Style advice is not a mistake in a short letter; speech has no formatting.
            LintKind::Style | LintKind::Enhancement | LintKind::Readability => continue,
            LintKind::Formatting | LintKind::Punctuation if channel == Channel::Phone => continue,
            _ => RuleId::Grammar,
        };
        if rule == RuleId::Grammar && known_false_alarm(&lint.message, word, text, start) {
            continue;
        }
        if rule == RuleId::Spelling && EXTRA_WORDS.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        if rule == RuleId::Spelling {
            let lower = word.to_lowercase();
            let proper = word.chars().next().is_some_and(char::is_uppercase);
            if proper || names.contains(&lower) || checker.dictionary.contains_word_str(word) {
                continue;
            }
        }
        let suggestion = lint.suggestions.first().map(|s| match s {
            Suggestion::ReplaceWith(chars) => chars.iter().collect::<String>(),
            Suggestion::InsertAfter(chars) => format!("{word}{}", chars.iter().collect::<String>()),
            Suggestion::Remove => String::new(),
        });
        out.push(Finding {
            rule,
            severity: Severity::Warning,
            message: format!("{} {}", lint.message.trim_end(), rule.principle()),
            part,
            start,
            end,
            suggestion,
        });
    }
}

/// Real words of working life that harper's dictionary lacks.
const EXTRA_WORDS: &[&str] = &[
    "chartership",
    "onboarding",
    "upskilling",
    "hybrid",
    "recruiter",
    "recruiters",
    "offboarding",
    "fintech",
    "proptech",
    "edtech",
    "healthtech",
    "cv",
    "cvs",
    "linkedin",
    "counter-offer",
    "counteroffer",
    "telephonically",
    "bargepole",
    "co-op",
    "ji",
    "lakh",
    "lakhs",
    "crore",
];

/// Harper's checks that misread letters of this kind (measured on our corpus): "it's" before a
/// name on the phone ("Hi Amara, it's Sven"), names taken for acronyms, "your kind note" read as
/// "you're kind", and a few more. Dropping them loses little in short, careful messages.
fn known_false_alarm(message: &str, word: &str, text: &str, start: usize) -> bool {
    let lower = message.to_lowercase();
    let next_is_name = text[start + word.len()..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    (word.eq_ignore_ascii_case("it's") || word.eq_ignore_ascii_case("it’s")) && next_is_name
        || lower.contains("all-caps")
        || lower.contains("all caps")
        || (word.eq_ignore_ascii_case("your") && lower.contains("you're"))
        || lower.contains("therein")
        || lower.contains("preposition")
        || lower.contains("response phrase")
        || (word.chars().next().is_some_and(char::is_uppercase) && lower.contains("capitaliz"))
}
