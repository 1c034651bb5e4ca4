//! Proofreader tests: each rule on its own, the labelled corpus in `tests/fixtures/lint/` with
//! precision and recall per rule, every template draft linting clean, and robustness.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::compose::{compose, Request};
use crate::decide::situation::Formality;

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap()
}

fn situation(json: &str) -> Situation {
    Situation::from_json(json, clock()).expect("test situation is valid")
}

fn rich() -> Situation {
    situation(
        r#"{"company": "Northwind Analytics", "role": "Senior Data Analyst",
            "contact": {"name": "Dana Okafor", "email": "dana@northwind.example"},
            "sender": {"name": "Sam Lee", "phone": "+44 20 7946 0000"},
            "stage": "scheduled", "rounds": 2,
            "invited_at": "2026-11-25T09:00:00+01:00", "interview_at": "2026-12-03T14:00:00+01:00",
            "now": "2026-11-26T10:00:00+01:00", "reasons": ["accepted_offer"], "offer_accepted": true,
            "checklist": {"decided": true, "stay_connected": true, "fit_rechecked": true}}"#,
    )
}

fn run(
    subject: Option<&str>,
    body: &str,
    channel: Channel,
    situation: Option<&Situation>,
) -> Report {
    lint(&Input {
        subject,
        body,
        channel,
        situation,
        purpose: None,
        now: clock(),
    })
    .unwrap()
}

fn rules(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

const GOOD: &str = "Dear Dana,\n\nThank you for inviting me to interview for the Senior Data Analyst role. I am writing to let you know that I am withdrawing my application, as the commute would not work for me.\n\nI wish you the best with the search and hope we stay in touch.\n\nBest regards,\nSam Lee";

#[test]
fn a_good_email_has_nothing_to_fix() {
    let r = run(
        Some("Senior Data Analyst interview — Sam Lee"),
        GOOD,
        Channel::Email,
        None,
    );
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn each_rule_fires_on_its_mistake() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("terse", None, "Hi Dana,\n\nNo thanks, I'll pass on this one.\n\nSam"),
        ("no-gratitude", None, "Dear Dana,\n\nI am writing to let you know that I am withdrawing my application for the analyst role at your company.\n\nBest regards,\nSam"),
        ("no-decision", None, "Dear Dana,\n\nThank you for the invitation to interview for the analyst role. It has been a busy few weeks for me and I have been thinking about it a lot.\n\nBest regards,\nSam"),
        ("unfilled-placeholder", None, "Dear [Name],\n\nThank you for the invitation. I am withdrawing my application for the role.\n\nBest regards,\nSam"),
        ("rude", None, "Dear Dana,\n\nThank you for the invitation. Frankly the salary you offered is insulting, so I am withdrawing my application.\n\nBest regards,\nSam"),
        ("protected-attribute", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing because I am pregnant and the role would be too much.\n\nBest regards,\nSam"),
        ("protected-attribute", None, "Dear Dana,\n\nThank you for the interview. I am withdrawing, as I found the manager's accent hard to follow.\n\nBest regards,\nSam"),
        ("rude", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing, as I have found a company that pays more than you do.\n\nBest regards,\nSam"),
        ("rude", None, "Dear Dana,\n\nThank you for the interview. I am withdrawing: frankly, your offices looked like a warehouse.\n\nBest regards,\nSam"),
        ("condescending", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing, as the role is frankly beneath someone of my calibre.\n\nBest regards,\nSam"),
        ("blaming", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing because your team took six weeks to reply and nobody answered my emails.\n\nBest regards,\nSam"),
        ("passive-aggressive", None, "Dear Dana,\n\nThank you for the invitation. As I already said in my last email, I am withdrawing. I'm sure you're very busy.\n\nBest regards,\nSam"),
        ("implausible-excuse", None, "Dear Dana,\n\nThank you for the invitation. I must withdraw, because a raccoon ran off with my laptop.\n\nBest regards,\nSam"),
        ("terse", None, "Hi Dana,\n\nNot intrested.\n\nSam"),
        ("ambiguous-decision", None, "Dear Dana,\n\nThank you for the invitation. I think I might not continue with the process, probably not.\n\nBest regards,\nSam"),
        ("shouting", None, "Dear Dana,\n\nThank you for the invitation. I am WITHDRAWING my application, PLEASE remove me!!\n\nBest regards,\nSam"),
        ("no-closing", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing my application for the analyst role, and I wish you well with the search."),
        ("apology-excess", None, "Dear Dana,\n\nThank you and sorry. I am so sorry, but I am withdrawing my application. Apologies again.\n\nBest regards,\nSam"),
        ("oversharing-personal", None, "Dear Dana,\n\nThank you for the invitation. I am withdrawing because my kids need me at home and my mortgage is due.\n\nBest regards,\nSam"),
        ("decision-late", None, "Dear Dana,\n\nThank you for the invitation. I enjoyed reading about the team. The product sounds exciting. I am withdrawing my application.\n\nBest regards,\nSam"),
        ("missing-subject", None, GOOD),
        ("vague-subject", Some("Hi"), GOOD),
    ];
    for (rule, subject, body) in cases {
        let r = run(
            subject.or(if *rule == "missing-subject" {
                None
            } else {
                Some("Senior Data Analyst interview — Sam Lee")
            }),
            body,
            Channel::Email,
            None,
        );
        assert!(
            rules(&r).contains(rule),
            "{rule} should fire on {body:?}; got {:?}",
            rules(&r)
        );
        for f in &r.findings {
            let text = if f.part == Part::Subject {
                subject.unwrap_or("")
            } else {
                body
            };
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start <= f.end,
                "{f:?}"
            );
        }
    }
}

#[test]
fn a_short_polite_decline_is_fine_and_a_bare_one_is_curt() {
    for body in [
        "Thank you for thinking of me, but I'll have to decline.",
        "Thanks so much for reaching out, Ingrid — I'm going to pass on this one, but I'd love to stay connected.",
    ] {
        let r = run(None, body, Channel::Linkedin, None);
        assert_eq!(r.summary.errors, 0, "{body}: {:?}", rules(&r));
    }
    for body in [
        "Thank you. I withdraw my application.",
        "Thanks for calling, but I'm going to decline. Bye.",
        "Not interested.",
    ] {
        let r = run(None, body, Channel::Linkedin, None);
        assert!(rules(&r).contains(&"terse"), "{body}: {:?}", rules(&r));
    }
}

#[test]
fn the_users_own_names_are_never_slots_or_misspellings() {
    let mut s = rich();
    s.company = "Qorvexa [UK] Ltd".into();
    s.role = "Dataflow Engineer (XX)".into();
    s.contact = Some(crate::decide::situation::Contact {
        name: Some("Siobhán Ní Bhriain".into()),
        ..Default::default()
    });
    s.sender = Some(crate::decide::situation::Sender {
        name: Some("Ørjan Vålstad".into()),
        ..Default::default()
    });
    let body = "Dear Siobhán Ní Bhriain,\n\nThank you for inviting me to interview for the Dataflow Engineer (XX) role at Qorvexa [UK] Ltd. I have accepted another offer, so I am withdrawing my application, and I hope we stay in touch.\n\nBest regards,\nØrjan Vålstad";
    let r = lint_with_language(&Input {
        subject: Some("Dataflow Engineer (XX) interview — Ørjan Vålstad"),
        body,
        channel: Channel::Email,
        situation: Some(&s),
        purpose: None,
        now: clock(),
    })
    .unwrap();
    assert!(
        r.findings
            .iter()
            .all(|f| !matches!(f.rule, RuleId::UnfilledPlaceholder | RuleId::Spelling)),
        "{:#?}",
        r.findings
    );
}

#[test]
fn every_finding_says_why_in_the_words_of_its_principle() {
    let body = "hi,\n\nno thanks, [Name]. your offices looked like a warehouse and nobody answered my emails!!";
    let r = run(Some("hi"), body, Channel::Email, None);
    assert!(r.findings.len() >= 5, "{:?}", rules(&r));
    for f in &r.findings {
        assert!(
            f.message.ends_with(f.rule.principle()),
            "{}: {}",
            f.rule,
            f.message
        );
    }
}

#[test]
fn the_situation_catches_dishonesty_lateness_and_a_missing_future() {
    let mut s = rich();
    s.offer_accepted = false;
    s.reasons = vec![crate::decide::situation::Reason::Logistics];
    let body = "Dear Dana,\n\nThank you for the invitation. I have accepted another offer, so I am withdrawing my application.\n\nBest regards,\nSam Lee";
    let r = run(
        Some("Senior Data Analyst interview — Sam Lee"),
        body,
        Channel::Email,
        Some(&s),
    );
    assert!(rules(&r).contains(&"dishonest-claim"), "{:?}", rules(&r));
    assert!(
        rules(&r).contains(&"no-future"),
        "the Situation wants to stay connected: {:?}",
        rules(&r)
    );
    s.invited_at = DateTime::parse_from_rfc3339("2026-11-20T09:00:00+01:00").unwrap();
    let r = run(
        Some("Senior Data Analyst interview — Sam Lee"),
        GOOD,
        Channel::Email,
        Some(&s),
    );
    assert!(rules(&r).contains(&"late-response"), "{:?}", rules(&r));
    s.offer_accepted = true;
    let r = run(
        Some("Senior Data Analyst interview — Sam Lee"),
        body,
        Channel::Email,
        Some(&s),
    );
    assert!(
        !rules(&r).contains(&"dishonest-claim"),
        "true when the offer is accepted: {:?}",
        rules(&r)
    );
    // No reasons given: the Situation says nothing about offers.
    s.offer_accepted = false;
    s.reasons.clear();
    let r = run(None, body, Channel::Email, Some(&s));
    assert!(!rules(&r).contains(&"dishonest-claim"), "{:?}", rules(&r));
    // The offer named as the reason but not signed yet: too early to say so.
    s.reasons = vec![crate::decide::situation::Reason::AcceptedOffer];
    let r = run(None, body, Channel::Email, Some(&s));
    let claim = r
        .findings
        .iter()
        .find(|f| f.rule == RuleId::DishonestClaim)
        .expect("an unsigned offer claimed");
    assert!(claim.message.contains("not signed"), "{}", claim.message);
}

#[test]
fn a_phone_script_is_judged_as_speech() {
    let script = "Hi Dana, this is Sam. Thanks for taking my call, and for inviting me to interview for the Senior Data Analyst role. I’m calling to let you know that I’m withdrawing from the process. The commute would not work for me. I really appreciate your time, and I hope we stay in touch. Take care.";
    let r = run(None, script, Channel::Phone, None);
    assert!(
        r.findings.is_empty(),
        "no subject or sign-off needed on the phone: {:#?}",
        r.findings
    );
}

#[test]
fn subject_lines_are_split_from_text_input() {
    assert_eq!(
        split_subject("Subject: Hello there\n\nDear X"),
        (Some("Hello there"), "Dear X")
    );
    assert_eq!(
        split_subject("Dear X,\nSubject: no"),
        (None, "Dear X,\nSubject: no")
    );
    assert_eq!(split_subject("Subject:\r\n\r\nBody"), (Some(""), "Body"));
}

#[test]
fn huge_input_is_refused_with_a_message() {
    let body = "a".repeat(MAX_LINT_BYTES + 1);
    let err = lint(&Input {
        subject: None,
        body: &body,
        channel: Channel::Email,
        situation: None,
        purpose: None,
        now: clock(),
    })
    .unwrap_err()
    .to_string();
    assert!(err.contains("1 MiB"), "{err}");
}

/// A `{{ slot }` with one closing brace, followed by a wide character, was sliced one byte past
/// its `}` (found by the property test below in CI).
#[test]
fn a_placeholder_with_one_closing_brace_ends_at_that_brace() {
    for (body, slot) in [
        ("Dear {{name}\u{2000}, thanks.", "{{name}"),
        ("Dear {{name}é thanks.", "{{name}"),
        ("Dear {{name}", "{{name}"),
        ("Dear {{name}} thanks.", "{{name}}"),
        ("Dear {name}🙂 thanks.", "{name}"),
    ] {
        let r = run(None, body, Channel::Email, None);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == RuleId::UnfilledPlaceholder)
            .unwrap_or_else(|| panic!("no placeholder finding in {body:?}: {:?}", rules(&r)));
        assert_eq!(&body[f.start..f.end], slot, "{body:?}");
    }
}

/// Every draft Politely writes passes its own proofreader: no errors, no warnings — every
/// scenario × channel × formality, and every phrasing of every block (each with the first
/// phrasing of the others), read with the purpose given and with the purpose read from the text.
#[test]
fn every_template_draft_lints_clean() {
    let s = rich();
    let mut failures = Vec::new();
    let mut bodies = Vec::new();
    let mut drafts = 0;
    for kind in crate::message::MessageKind::ALL {
        for &channel in kind.channels() {
            for formality in [Formality::Standard, Formality::Formal, Formality::Warm] {
                let request = |choices: BTreeMap<String, usize>| Request {
                    channel: Some(channel),
                    scenario: Some(kind),
                    formality: Some(formality),
                    choices,
                };
                let base = compose(&s, &request(BTreeMap::new()), clock()).unwrap();
                let mut variants = vec![(String::from("first phrasings"), base.clone())];
                for block in &base.blocks {
                    for choice in 1..block.choices {
                        let choices = BTreeMap::from([(block.name.to_owned(), choice)]);
                        let d = compose(&s, &request(choices), clock()).unwrap();
                        variants.push((format!("{} #{choice}", block.name), d));
                    }
                }
                for (variant, d) in variants {
                    drafts += 1;
                    for purpose in [Some(Purpose::from(kind)), None] {
                        let r = lint_with_language(&Input {
                            subject: d.subject.as_deref(),
                            body: &d.body,
                            channel,
                            situation: Some(&s),
                            purpose,
                            now: clock(),
                        })
                        .unwrap();
                        let before = failures.len();
                        for f in r.findings.iter().filter(|f| f.severity != Severity::Info) {
                            // Read from the text, only errors count: the purpose may be read
                            // as another one with its own warnings (a confirmation as a decline).
                            if purpose.is_none() && f.severity != Severity::Error {
                                continue;
                            }
                            let text = if f.part == Part::Subject {
                                d.subject.as_deref().unwrap_or("")
                            } else {
                                &d.body
                            };
                            failures.push(format!(
                                "{} / {} / {:?} / {variant}{}: {} “{}” — {}",
                                kind.as_str(),
                                channel.as_str(),
                                formality,
                                if purpose.is_none() {
                                    " (purpose from the text)"
                                } else {
                                    ""
                                },
                                f.rule,
                                &text[f.start..f.end],
                                f.message
                            ));
                        }
                        if failures.len() > before && bodies.len() < 3 {
                            bodies.push(d.body.clone());
                        }
                    }
                }
            }
        }
    }
    assert!(drafts > 1000, "every phrasing is drafted: {drafts}");
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} findings on our own drafts:\n{}\n\nThe first drafts with findings:\n\n{}",
        failures.len(),
        failures.join("\n"),
        bodies.join("\n---\n")
    );
}

/// One message of the labelled corpus.
struct Sample {
    name: String,
    channel: Channel,
    purpose: Option<Purpose>,
    situation: Option<Situation>,
    expect: BTreeSet<String>,
    subject: Option<String>,
    body: String,
}

fn corpus() -> Vec<Sample> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/lint");
    let mut out = Vec::new();
    for group in ["good", "bad"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut channel = Channel::Email;
            let mut purpose = None;
            let mut situation_file = None;
            let mut expect = BTreeSet::new();
            let mut rest = text.as_str();
            while let Some(line) = rest.strip_prefix("#! ") {
                let (header, tail) = line.split_once('\n').unwrap_or((line, ""));
                rest = tail;
                let (key, value) = header
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{}: bad header {header:?}", path.display()));
                let value = value.trim();
                match key.trim() {
                    "channel" => {
                        channel = Channel::parse(value)
                            .unwrap_or_else(|| panic!("{}: channel {value}", path.display()))
                    }
                    "purpose" => {
                        purpose = Some(
                            serde_json::from_value(serde_json::json!(value))
                                .unwrap_or_else(|_| panic!("{}: purpose {value}", path.display())),
                        )
                    }
                    "situation" => situation_file = Some(value.to_owned()),
                    "expect" => expect.extend(
                        value
                            .split(',')
                            .map(|r| r.trim().to_owned())
                            .filter(|r| !r.is_empty()),
                    ),
                    other => panic!("{}: unknown header {other}", path.display()),
                }
            }
            assert_eq!(
                group == "bad",
                !expect.is_empty(),
                "{}: bad samples name the rule they must trigger, good ones none",
                path.display()
            );
            let situation = situation_file.map(|f| {
                let json = std::fs::read_to_string(root.join("situations").join(&f))
                    .unwrap_or_else(|_| panic!("{}: situation {f}", path.display()));
                situation(&json)
            });
            let (subject, body) = split_subject(rest);
            out.push(Sample {
                name: format!("{group}/{}", path.file_name().unwrap().to_string_lossy()),
                channel,
                purpose,
                situation,
                expect,
                subject: subject.map(str::to_owned),
                body: body.to_owned(),
            });
        }
    }
    out
}

/// Precision and recall per rule over the corpus; prints the table (`--nocapture`) for the
/// issue note, and holds every rule to at least 0.9 of each.
#[test]
fn labelled_corpus_precision_and_recall() {
    let samples = corpus();
    let good = samples.iter().filter(|s| s.expect.is_empty()).count();
    assert!(
        good >= 40 && samples.len() - good >= 40,
        "at least 40 good and 40 bad samples: {good} good, {} bad",
        samples.len() - good
    );
    // rule → (true positives, false positives, false negatives)
    let mut table: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    for s in &samples {
        let r = lint_with_language(&Input {
            subject: s.subject.as_deref(),
            body: &s.body,
            channel: s.channel,
            situation: s.situation.as_ref(),
            purpose: s.purpose,
            now: clock(),
        })
        .unwrap();
        let fired: BTreeSet<String> = r
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info || s.expect.contains(f.rule.as_str()))
            .map(|f| f.rule.as_str().to_owned())
            .collect();
        for rule in fired.union(&s.expect) {
            let e = table.entry(rule.clone()).or_default();
            match (fired.contains(rule), s.expect.contains(rule)) {
                (true, true) => e.0 += 1,
                (true, false) => {
                    e.1 += 1;
                    problems.push(format!("{}: {rule} fired but was not expected", s.name));
                }
                (false, true) => {
                    e.2 += 1;
                    problems.push(format!(
                        "{}: {rule} expected but did not fire (got {fired:?})",
                        s.name
                    ));
                }
                (false, false) => {}
            }
        }
    }
    println!("| Rule | TP | FP | FN | Precision | Recall |\n|---|---:|---:|---:|---:|---:|");
    let mut weak = Vec::new();
    for (rule, (tp, fp, fn_)) in &table {
        let precision = if tp + fp == 0 {
            1.0
        } else {
            *tp as f64 / (tp + fp) as f64
        };
        let recall = if tp + fn_ == 0 {
            1.0
        } else {
            *tp as f64 / (tp + fn_) as f64
        };
        println!("| `{rule}` | {tp} | {fp} | {fn_} | {precision:.2} | {recall:.2} |");
        if precision < 0.9 || recall < 0.9 {
            weak.push(rule.clone());
        }
    }
    assert!(
        weak.is_empty(),
        "rules under 0.9 precision or recall: {weak:?}\n{}",
        problems.join("\n")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
        #[test]
        fn any_text_lints_and_spans_land_on_char_boundaries(body in "\\PC{0,400}", subject in proptest::option::of("\\PC{0,60}"), phone in any::<bool>()) {
            let channel = if phone { Channel::Phone } else { Channel::Email };
            let r = lint_with_language(&Input { subject: subject.as_deref(), body: &body, channel, situation: None, purpose: None, now: clock() }).unwrap();
            for f in &r.findings {
                let text = if f.part == Part::Subject { subject.as_deref().unwrap_or("") } else { body.as_str() };
                prop_assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{f:?}");
            }
        }

        #[test]
        fn mixed_scripts_and_marks_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("Dear Dana,\n".to_owned()), Just("שלום עולם. ".to_owned()), Just("🚀🎉 ".to_owned()),
            Just("e\u{301}\u{302} ".to_owned()), Just("Thank you! ".to_owned()), Just("[Name] ".to_owned()),
            Just("NO THANKS!! ".to_owned()), Just("\r\n".to_owned()), Just("İSTANBUL ".to_owned()), Just("ß ".to_owned()),
        ], 0..40)) {
            let body: String = parts.concat();
            let r = lint_with_language(&Input { subject: Some(&body), body: &body, channel: Channel::Linkedin, situation: None, purpose: None, now: clock() }).unwrap();
            for f in &r.findings {
                prop_assert!(body.is_char_boundary(f.start) && body.is_char_boundary(f.end));
            }
        }
    }
}

#[test]
fn a_megabyte_of_text_is_linted_by_the_rules() {
    let unit =
        "Thank you for the invitation, İstanbul 🚀 שלום. I am withdrawing my application today. ";
    let body: String = unit.repeat(MAX_LINT_BYTES / unit.len() - 1);
    let r = lint_with_language(&Input {
        subject: None,
        body: &body,
        channel: Channel::Email,
        situation: None,
        purpose: None,
        now: clock(),
    })
    .unwrap();
    assert!(
        r.findings.iter().any(|f| f.rule == RuleId::OverExplaining),
        "a megabyte is far too long"
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == RuleId::Spelling && f.severity == Severity::Info),
        "harper is skipped past its limit, and says so"
    );
}

#[test]
fn every_rule_is_one_function_in_a_file_named_after_its_id() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/lint/rules");
    for id in RuleId::ALL {
        if matches!(id, RuleId::Spelling | RuleId::Grammar) {
            continue; // harper-core, behind lint/language.rs
        }
        assert!(
            super::rules::check_of(id).is_some(),
            "{id} is in the list of rules"
        );
        let file = dir.join(format!("{}.rs", id.as_str().replace('-', "_")));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} exists", file.display()));
        assert!(
            text.starts_with(&format!("//! `{id}`")),
            "{} opens by naming its rule",
            file.display()
        );
        assert_eq!(RuleId::parse(id.as_str()), Some(id));
        assert!(!id.title().is_empty() && id.principle().ends_with('.'));
    }
}

#[test]
fn no_decision_is_an_error_when_the_purpose_is_known_and_a_warning_when_only_guessed() {
    let body = "Hi Dana,\n\nThank you for your email about the analyst role. I have been thinking about it a lot this week.\n\nBest,\nSam";
    let severity = |purpose: Option<Purpose>| {
        let r = lint(&Input {
            subject: None,
            body,
            channel: Channel::Linkedin,
            situation: None,
            purpose,
            now: clock(),
        })
        .unwrap();
        r.findings
            .iter()
            .find(|f| f.rule == RuleId::NoDecision)
            .map(|f| (f.severity, f.message.clone()))
    };
    let (told, _) = severity(Some(Purpose::Decline)).expect("a decline without a decision");
    assert_eq!(told, Severity::Error);
    let (guessed, message) = severity(None).expect("still reported when guessed");
    assert_eq!(guessed, Severity::Warning);
    assert!(
        message.contains("found no decision or request"),
        "{message}"
    );
    // A hedged decline read from the text is a decision the reader can see: still an error.
    let hedged = run(
        None,
        "Hi Dana, thanks for the invitation. I might not be able to continue, I think.",
        Channel::Linkedin,
        None,
    );
    assert!(hedged.findings.iter().any(|f| f.severity == Severity::Error
        && matches!(f.rule, RuleId::NoDecision | RuleId::AmbiguousDecision)));
}

#[test]
fn the_tone_model_reads_blame_the_patterns_do_not_name_and_never_twice() {
    // A dig at the process and the people in words no pattern lists: the model reports it, as
    // a warning on the sentence that carries it.
    let body = "I'm withdrawing. Three panels, two take-home tasks and not one word of feedback in eight weeks told me a lot about how the team treats people.";
    let r = run(None, body, Channel::Email, None);
    let tone: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.rule,
                RuleId::Blaming | RuleId::Rude | RuleId::PassiveAggressive
            )
        })
        .collect();
    assert!(
        tone.iter().any(|f| f.severity == Severity::Warning
            && f.message.contains("A judgement of how the message reads")),
        "{:?}",
        tone
    );
    // Each rule at most once: a rule its patterns already found is not reported again.
    let mut seen = BTreeSet::new();
    assert!(r
        .findings
        .iter()
        .all(|f| seen.insert((f.rule, f.start)) || f.rule == RuleId::Spelling));
    let polite = "Hi Dana,\n\nThank you for inviting me to the final round. After a lot of thought I've decided to withdraw, as I've accepted a role closer to home. I enjoyed meeting the team and wish you all the best.\n\nBest,\nSam";
    let r = run(None, polite, Channel::Email, None);
    assert!(
        r.findings.iter().all(|f| !matches!(
            f.rule,
            RuleId::Blaming
                | RuleId::Rude
                | RuleId::PassiveAggressive
                | RuleId::Condescending
                | RuleId::ProtectedAttribute
        )),
        "{:?}",
        rules(&r)
    );
}
