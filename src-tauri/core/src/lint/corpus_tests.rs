//! The proofreader judged on messages nobody here wrote (issue 17): `tests/fixtures/proofread/`
//! holds messages by five independent writers who never saw the rules, split by a hash of each
//! id (scripts/split-corpus.py) into `tune/`, which the rules may be tuned on, and `test/`, which
//! is frozen. Each set is run through [`lint_with_language`] with its context as a Situation and
//! **no purpose** (the linter reads it from the text); this prints, per set, the per-rule counts,
//! the confusion of bad-message tags with the rules that fired, the three headline rates and how
//! often the purpose read from the text is the labelled one. It writes nothing. The test set's
//! numbers are held to the targets; only aggregates of it are ever printed.
//!
//! Definitions (docs/proofread.md): a good message *has no error* when no finding is an error
//! (for `slots` messages `unfilled-placeholder` is ignored); a bad message is *flagged* when it
//! gets an error or a warning; it gets *the right rule* when a rule its tags map to fires.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use serde::Deserialize;
use serde_json::json;

use super::*;

/// The harness's clock: every `invited_at` is this minus the item's hours.
fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+00:00").unwrap()
}

#[derive(Debug, Deserialize)]
struct Item {
    id: String,
    #[serde(default)]
    writer: String,
    label: String,
    channel: String,
    purpose: String,
    tags: Vec<String>,
    #[serde(default)]
    slots: bool,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default)]
    subject: Option<String>,
    text: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Context {
    company: Option<String>,
    role: Option<String>,
    contact_name: Option<String>,
    sender_name: Option<String>,
    accepted_offer: Option<bool>,
    hours_since_invitation: Option<i64>,
}

impl Context {
    /// The Situation the user would have entered (built as the wizard stores it, without the
    /// checks that want a company and a role: writers left some out).
    fn situation(&self) -> Situation {
        let invited = now() - Duration::hours(self.hours_since_invitation.unwrap_or(0));
        // Decide asks about another offer only among the reasons: a writer's "accepted_offer:
        // false" is a user who gave a reason that is not an accepted offer; no value, a user who
        // gave no reasons at all.
        let accepted = self.accepted_offer.unwrap_or(false);
        let reasons = match self.accepted_offer {
            Some(true) => vec!["accepted_offer"],
            Some(false) => vec!["other"],
            None => vec![],
        };
        let value = json!({
            "company": self.company.clone().unwrap_or_default(),
            "role": self.role.clone().unwrap_or_default(),
            "contact": self.contact_name.as_ref().map(|n| json!({"name": n})),
            "sender": self.sender_name.as_ref().map(|n| json!({"name": n})),
            "invited_at": invited.to_rfc3339(),
            "now": now().to_rfc3339(),
            "offer_accepted": accepted,
            "reasons": reasons,
        });
        serde_json::from_value(value).expect("a context makes a Situation")
    }
}

impl Item {
    /// The item run through the proofreader as the harness runs every item: its context as the
    /// Situation, **no purpose**, the harness's clock; with the subject it was given (email only).
    fn lint(&self) -> (Report, Option<&str>) {
        let channel = Channel::parse(&self.channel).expect("a known channel");
        let situation = self.context.as_ref().map(Context::situation);
        let subject = self
            .subject
            .as_deref()
            .filter(|_| channel == Channel::Email);
        let report = lint_with_language(&Input {
            subject,
            body: &self.text,
            channel,
            situation: situation.as_ref(),
            purpose: None,
            now: now(),
        })
        .expect("the corpus lints");
        (report, subject)
    }
}

/// The rules a corpus tag stands for; the first is the rule that should fire, the others are
/// accepted too (an ambiguous decision may be reported as no decision).
fn rules_of(tag: &str) -> &'static [RuleId] {
    match tag {
        "no-decision" => &[RuleId::NoDecision],
        "ambiguous-decision" => &[RuleId::AmbiguousDecision, RuleId::NoDecision],
        "terse" => &[RuleId::Terse],
        "no-gratitude" => &[RuleId::NoGratitude],
        "rude" => &[RuleId::Rude],
        "condescending" => &[RuleId::Condescending],
        "blaming" => &[RuleId::Blaming],
        "passive-aggressive" => &[RuleId::PassiveAggressive],
        "protected-attribute" => &[RuleId::ProtectedAttribute],
        "implausible-excuse" => &[RuleId::ImplausibleExcuse],
        "dishonest-claim" => &[RuleId::DishonestClaim],
        "unfilled-placeholder" => &[RuleId::UnfilledPlaceholder],
        "oversharing" => &[RuleId::OversharingPersonal],
        "over-explaining" => &[RuleId::OverExplaining],
        "shouting" => &[RuleId::Shouting],
        "spelling" => &[RuleId::Spelling],
        other => panic!("unknown corpus tag {other}"),
    }
}

const TAGS: [&str; 16] = [
    "no-decision",
    "ambiguous-decision",
    "terse",
    "no-gratitude",
    "rude",
    "condescending",
    "blaming",
    "passive-aggressive",
    "protected-attribute",
    "implausible-excuse",
    "dishonest-claim",
    "unfilled-placeholder",
    "oversharing",
    "over-explaining",
    "shouting",
    "spelling",
];

fn load(set: &str) -> Vec<Item> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/proofread")
        .join(set);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<Item>(l).expect("a corpus line parses"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The numbers of one set.
#[derive(Debug, Default)]
struct Scores {
    good: usize,
    good_clean: usize,
    /// Good messages the tone model warned about (a tone rule as a warning: the patterns'
    /// findings of those rules are errors).
    good_tone_warned: usize,
    bad: usize,
    bad_flagged: usize,
    bad_right: usize,
    /// rule → (TP, FP, FN)
    rules: BTreeMap<RuleId, (usize, usize, usize)>,
    /// tag → (items, rule → items where it fired)
    confusion: BTreeMap<&'static str, (usize, BTreeMap<RuleId, usize>)>,
    /// Rules no tag stands for: rule → (fired on good, fired on bad).
    others: BTreeMap<RuleId, (usize, usize)>,
    purposes: usize,
    purposes_right: usize,
    /// labelled → inferred → count
    purpose_table: BTreeMap<String, BTreeMap<String, usize>>,
    /// One line per miss (tune only: test items are never shown).
    misses: Vec<String>,
    /// writer → (good, good with no error, bad, bad flagged, bad with the right rule)
    writers: BTreeMap<String, [usize; 5]>,
}

fn score(items: &[Item], show: bool) -> Scores {
    let mut s = Scores::default();
    let tagged: BTreeSet<RuleId> = TAGS
        .iter()
        .flat_map(|t| rules_of(t).iter().copied())
        .collect();
    for item in items {
        let (report, subject) = item.lint();
        let counted = |f: &&Finding| {
            f.severity != Severity::Info && !(item.slots && f.rule == RuleId::UnfilledPlaceholder)
        };
        let fired: BTreeSet<RuleId> = report
            .findings
            .iter()
            .filter(counted)
            .map(|f| f.rule)
            .collect();
        let errors: Vec<&Finding> = report
            .findings
            .iter()
            .filter(counted)
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let expected: BTreeSet<RuleId> = item.tags.iter().map(|t| rules_of(t)[0]).collect();
        let accepted: BTreeSet<RuleId> = item
            .tags
            .iter()
            .flat_map(|t| rules_of(t).iter().copied())
            .collect();
        for &rule in &tagged {
            let e = s.rules.entry(rule).or_default();
            match (fired.contains(&rule), expected.contains(&rule)) {
                (true, true) => e.0 += 1,
                (true, false) if !accepted.contains(&rule) => {
                    e.1 += 1;
                    if show {
                        let at: Vec<String> = report
                            .findings
                            .iter()
                            .filter(|f| f.rule == rule)
                            .map(|f| format!("“{}”", item.text.get(f.start..f.end).unwrap_or("")))
                            .collect();
                        s.misses.push(format!(
                            "{} {:?}: also {rule} {}",
                            item.id,
                            item.tags,
                            at.join(" ")
                        ));
                    }
                }
                (false, true) => e.2 += 1,
                _ => {}
            }
        }
        for &rule in fired.iter().filter(|r| !tagged.contains(r)) {
            let e = s.others.entry(rule).or_default();
            if item.label == "good" {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        let describe = |f: &Finding| {
            let text = if f.part == Part::Subject {
                subject.unwrap_or("")
            } else {
                &item.text
            };
            format!("{} “{}”", f.rule, text.get(f.start..f.end).unwrap_or(""))
        };
        let by_writer = s.writers.entry(item.writer.clone()).or_default();
        if item.label == "good" {
            by_writer[0] += 1;
            by_writer[1] += usize::from(errors.is_empty());
            s.good += 1;
            s.good_tone_warned += usize::from(report.findings.iter().any(|f| {
                f.severity == Severity::Warning
                    && matches!(
                        f.rule,
                        RuleId::Rude
                            | RuleId::Condescending
                            | RuleId::Blaming
                            | RuleId::PassiveAggressive
                            | RuleId::ProtectedAttribute
                    )
            }));
            if errors.is_empty() {
                s.good_clean += 1;
            } else if show {
                let what: Vec<String> = errors.iter().map(|f| describe(f)).collect();
                s.misses
                    .push(format!("{} good, errors: {}", item.id, what.join("; ")));
            }
        } else {
            s.bad += 1;
            let flagged = !fired.is_empty();
            let right = fired.iter().any(|r| accepted.contains(r));
            s.bad_flagged += usize::from(flagged);
            s.bad_right += usize::from(right);
            by_writer[2] += 1;
            by_writer[3] += usize::from(flagged);
            by_writer[4] += usize::from(right);
            for tag in &item.tags {
                let tag: &'static str = TAGS.iter().find(|t| **t == tag).expect("a known tag");
                let row = s.confusion.entry(tag).or_default();
                row.0 += 1;
                for &r in &fired {
                    *row.1.entry(r).or_default() += 1;
                }
            }
            if show && !right {
                let got: Vec<String> = fired.iter().map(|r| r.to_string()).collect();
                s.misses.push(format!(
                    "{} {:?}: fired {}",
                    item.id,
                    item.tags,
                    if got.is_empty() {
                        "nothing".to_owned()
                    } else {
                        got.join(", ")
                    }
                ));
            }
        }
        let inferred = infer_purpose(&item.text);
        let name = serde_json::to_value(inferred).unwrap();
        let name = name.as_str().unwrap().replace('_', "-");
        s.purposes += 1;
        s.purposes_right += usize::from(name == item.purpose);
        *s.purpose_table
            .entry(item.purpose.clone())
            .or_default()
            .entry(name.clone())
            .or_default() += 1;
        if show && name != item.purpose {
            s.misses.push(format!(
                "{} purpose {} read as {name}",
                item.id, item.purpose
            ));
        }
    }
    s
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

fn print(set: &str, s: &Scores) {
    println!("\n## Proofread corpus, {set} set\n");
    println!(
        "- good messages with no error: {} of {} ({:.1}%)",
        s.good_clean,
        s.good,
        pct(s.good_clean, s.good)
    );
    println!(
        "- good messages with a tone-model warning: {} of {} ({:.1}%)",
        s.good_tone_warned,
        s.good,
        pct(s.good_tone_warned, s.good)
    );
    println!(
        "- bad messages flagged: {} of {} ({:.1}%)",
        s.bad_flagged,
        s.bad,
        pct(s.bad_flagged, s.bad)
    );
    println!(
        "- bad messages with the right rule: {} of {} ({:.1}%)",
        s.bad_right,
        s.bad,
        pct(s.bad_right, s.bad)
    );
    println!(
        "- purpose read from the text = labelled purpose: {} of {} ({:.1}%)\n",
        s.purposes_right,
        s.purposes,
        pct(s.purposes_right, s.purposes)
    );
    println!("By writer:\n");
    println!(
        "| Writer | Good | No error | Bad | Flagged | Right rule |\n|---|---:|---:|---:|---:|---:|"
    );
    for (writer, [g, gc, b, bf, br]) in &s.writers {
        println!(
            "| {writer} | {g} | {:.1}% | {b} | {:.1}% | {:.1}% |",
            pct(*gc, *g),
            pct(*bf, *b),
            pct(*br, *b)
        );
    }
    println!();
    println!("| Rule | TP | FP | FN | Precision | Recall |\n|---|---:|---:|---:|---:|---:|");
    for rule in RuleId::ALL {
        if let Some((tp, fp, fn_)) = s.rules.get(&rule) {
            let p = if tp + fp == 0 {
                "–".to_owned()
            } else {
                format!("{:.2}", *tp as f64 / (tp + fp) as f64)
            };
            let r = if tp + fn_ == 0 {
                "–".to_owned()
            } else {
                format!("{:.2}", *tp as f64 / (tp + fn_) as f64)
            };
            println!("| `{rule}` | {tp} | {fp} | {fn_} | {p} | {r} |");
        }
    }
    println!("\nRules no tag stands for (warnings and errors), messages they fired on:\n");
    println!("| Rule | Good | Bad |\n|---|---:|---:|");
    for (rule, (g, b)) in &s.others {
        println!("| `{rule}` | {g} | {b} |");
    }
    let columns: Vec<RuleId> = RuleId::ALL
        .into_iter()
        .filter(|r| s.confusion.values().any(|(_, m)| m.contains_key(r)))
        .collect();
    println!(
        "\nConfusion: bad messages by tag (rows) and the rules that fired on them (columns).\n"
    );
    let head: Vec<String> = columns.iter().map(|r| format!("`{r}`")).collect();
    println!("| Tag | n | {} |", head.join(" | "));
    println!("|---|---:|{}", "---:|".repeat(columns.len()));
    for tag in TAGS {
        if let Some((n, m)) = s.confusion.get(tag) {
            let cells: Vec<String> = columns
                .iter()
                .map(|r| m.get(r).map_or(String::new(), |c| c.to_string()))
                .collect();
            println!("| {tag} | {n} | {} |", cells.join(" | "));
        }
    }
    println!("\nPurpose: labelled (rows) and read from the text (columns).\n");
    let names: BTreeSet<&String> = s.purpose_table.values().flat_map(|m| m.keys()).collect();
    let names: Vec<&String> = names.into_iter().collect();
    println!(
        "| Labelled | {} |",
        names
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---:|".repeat(names.len()));
    for (label, m) in &s.purpose_table {
        let cells: Vec<String> = names
            .iter()
            .map(|n| m.get(*n).map_or(String::new(), |c| c.to_string()))
            .collect();
        println!("| {label} | {} |", cells.join(" | "));
    }
}

/// The tune set: printed in full, misses included (tuning may look at these messages).
#[test]
fn proofread_corpus_tune_set() {
    let items = load("tune");
    assert!(items.len() >= 300, "the tune set is there: {}", items.len());
    let s = score(&items, true);
    print("tune", &s);
    if std::env::var_os("POLITELY_CORPUS_MISSES").is_some() {
        println!("\nMisses:\n{}", s.misses.join("\n"));
    }
}

/// The frozen test set: aggregates only, held to the targets of issue 17 (≥ 95% of good
/// messages with no error, ≥ 90% of bad ones flagged, the right rule for ≥ 85%). Never tune on it.
#[test]
fn proofread_corpus_test_set_meets_the_targets() {
    let items = load("test");
    assert!(items.len() >= 250, "the test set is there: {}", items.len());
    let s = score(&items, false);
    print("test", &s);
    let clean = pct(s.good_clean, s.good);
    let flagged = pct(s.bad_flagged, s.bad);
    let right = pct(s.bad_right, s.bad);
    assert!(
        clean >= 95.0,
        "good messages with no error: {clean:.1}% (target 95%)"
    );
    assert!(
        flagged >= 90.0,
        "bad messages flagged: {flagged:.1}% (target 90%)"
    );
    assert!(
        right >= 85.0,
        "bad messages with the right rule: {right:.1}% (target 85%)"
    );
}

/// A tool for trying the proofreader on one's own messages in the corpus format:
/// `POLITELY_PROBE=file.jsonl cargo test -p politely-core probe_messages -- --ignored --nocapture`
#[test]
#[ignore = "a tool: lints the messages in $POLITELY_PROBE"]
fn probe_messages() {
    let Some(path) = std::env::var_os("POLITELY_PROBE") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let item: Item = serde_json::from_str(line).expect("a probe line parses");
        let (report, subject) = item.lint();
        let fired: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .filter(|f| {
                !matches!(
                    f.rule,
                    RuleId::NoClosing
                        | RuleId::MissingSubject
                        | RuleId::VagueSubject
                        | RuleId::DecisionLate
                )
            })
            .map(|f| {
                let text = if f.part == Part::Subject {
                    subject.unwrap_or("")
                } else {
                    &item.text
                };
                format!(
                    "{}{} “{}”",
                    if f.severity == Severity::Error {
                        "E:"
                    } else {
                        "w:"
                    },
                    f.rule,
                    text.get(f.start..f.end).unwrap_or("")
                )
            })
            .collect();
        let purpose = serde_json::to_value(infer_purpose(&item.text)).unwrap();
        let ok_purpose = purpose.as_str().unwrap().replace('_', "-") == item.purpose;
        let errors = report
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error);
        let flag = match (item.label.as_str(), errors) {
            ("good", true) => "!! ",
            ("bad", _)
                if !report
                    .findings
                    .iter()
                    .any(|f| item.tags.iter().any(|t| rules_of(t).contains(&f.rule))) =>
            {
                "?? "
            }
            _ => "   ",
        };
        if std::env::var_os("POLITELY_PROBE_ACTS").is_some() {
            for piece in super::text::shape(&item.text).sentences {
                let toks = super::tokens::tokens(piece.text, 0);
                for a in super::decision::analyse(&toks) {
                    println!(
                        "      {:?}{}{}{} “{}” in “{}”",
                        a.kind,
                        if a.hedged { " hedged" } else { "" },
                        if a.past { " past" } else { "" },
                        if a.weak { " weak" } else { "" },
                        piece.text.get(a.start..a.end).unwrap_or(""),
                        piece.text
                    );
                }
            }
        }
        println!(
            "{flag}{} {} {:?} purpose {}{}: {}",
            item.id,
            item.label,
            item.tags,
            purpose.as_str().unwrap(),
            if ok_purpose { "" } else { " (WRONG)" },
            fired.join("; ")
        );
    }
}
