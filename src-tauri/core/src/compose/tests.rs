//! Compose tests: every built-in template on every channel and formality, golden files, the
//! limits each channel promises, and user text staying data.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::library::{self, Library, Renderer};
use super::*;
use crate::decide::situation::{Formality, Situation};
use crate::message::{Channel, MessageKind};

const FORMALITIES: [Formality; 3] = [Formality::Standard, Formality::Formal, Formality::Warm];

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap()
}

/// A complete Situation: names for everyone, a phone number, stay in touch.
fn situation() -> Situation {
    Situation::from_json(
        r#"{
            "company": "Northwind Analytics",
            "role": "Senior Data Analyst",
            "contact": {"name": "Dana Okafor", "email": "dana@northwind.example", "title": "Talent Partner"},
            "sender": {"name": "Sam Lee", "email": "sam@example.org", "phone": "+44 20 7946 0000"},
            "stage": "scheduled",
            "rounds": 2,
            "invited_at": "2026-11-25T09:00:00+01:00",
            "interview_at": "2026-12-03T14:00:00+01:00",
            "now": "2026-11-26T10:00:00+01:00",
            "reasons": ["accepted_offer"],
            "offer_accepted": true,
            "checklist": {"decided": true, "stay_connected": true, "fit_rechecked": true}
        }"#,
        clock(),
    )
    .expect("the test situation is valid")
}

fn draft(s: &Situation, kind: MessageKind, channel: Channel, formality: Formality) -> Draft {
    compose(
        s,
        &Request {
            channel: Some(channel),
            scenario: Some(kind),
            formality: Some(formality),
            choices: BTreeMap::new(),
        },
        clock(),
    )
    .unwrap_or_else(|e| {
        panic!(
            "{} / {} / {formality:?}: {e}",
            kind.as_str(),
            channel.as_str()
        )
    })
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/compose")
}

fn formality_name(f: Formality) -> &'static str {
    library::formality_str(f)
}

/// Every combination the app offers.
fn combinations() -> Vec<(MessageKind, Channel, Formality)> {
    let mut out = Vec::new();
    for kind in MessageKind::ALL {
        for &channel in kind.channels() {
            for formality in FORMALITIES {
                out.push((kind, channel, formality));
            }
        }
    }
    out
}

#[test]
fn every_template_file_is_embedded_and_every_kind_has_one() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let mut on_disk = Vec::new();
    for sub in ["", "scenarios/"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".tera") {
                on_disk.push(format!("{sub}{name}"));
            }
        }
    }
    on_disk.sort();
    let mut embedded: Vec<String> = library::FILES
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    embedded.sort();
    assert_eq!(
        embedded, on_disk,
        "library::FILES must list exactly the .tera files in templates/"
    );
    for kind in MessageKind::ALL {
        assert!(
            library::BUILTIN.knows(kind),
            "{} has no template file",
            kind.as_str()
        );
    }
}

#[test]
fn every_combination_renders_and_keeps_the_channel_promises() {
    let s = situation();
    for (kind, channel, formality) in combinations() {
        let d = draft(&s, kind, channel, formality);
        let what = format!(
            "{} / {} / {}",
            kind.as_str(),
            channel.as_str(),
            formality_name(formality)
        );
        let answers: Vec<&str> = d
            .answers
            .iter()
            .flatten()
            .map(|a| a.text.as_str())
            .collect();
        let all = format!(
            "{}\n{}\n{}",
            d.subject.clone().unwrap_or_default(),
            d.body,
            answers.join("\n")
        );
        for must in ["Northwind Analytics", "Senior Data Analyst"] {
            assert!(
                all.contains(must),
                "{what}: the draft must name “{must}”:\n{all}"
            );
        }
        assert!(
            all.contains("Dana"),
            "{what}: the draft must greet the contact by name:\n{all}"
        );
        if channel != Channel::Phone || kind != MessageKind::FollowUp {
            assert!(
                all.contains("Sam"),
                "{what}: the draft must carry the sender's name:\n{all}"
            );
        }
        for leftover in ["{{", "}}", "{%", "%}", "{#", "#}", "[Your name]"] {
            assert!(
                !all.contains(leftover),
                "{what}: “{leftover}” left in the draft:\n{all}"
            );
        }
        assert!(
            !d.body.contains("  ") && !d.body.contains(" ,") && !d.body.contains(" ."),
            "{what}: stray spaces:\n{}",
            d.body
        );
        match channel {
            Channel::Email => assert!(
                d.subject.as_deref().is_some_and(|t| !t.is_empty()),
                "{what}: email needs a subject"
            ),
            Channel::Phone => {
                let beats = d.beats.as_ref().unwrap();
                let names: Vec<_> = beats.iter().map(|b| b.name).collect();
                assert_eq!(
                    names.first(),
                    Some(&"greeting"),
                    "{what}: a call opens with the greeting"
                );
                assert!(
                    names.contains(&"decision"),
                    "{what}: a call states the decision"
                );
                assert_eq!(
                    names.last(),
                    Some(&"goodwill"),
                    "{what}: a call closes with goodwill"
                );
                let answers = d.answers.as_ref().unwrap();
                let names: Vec<&str> = answers.iter().map(|a| a.name).collect();
                assert_eq!(
                    names,
                    ["why", "change_mind", "other_role", "other_offer"],
                    "{what}: answers to “why?”, “would anything change your mind?”, “another role?” and “who made the offer?”"
                );
            }
            Channel::Linkedin => {}
        }
        if formality == Formality::Formal {
            let contraction = contractions(&all);
            assert!(
                contraction.is_none(),
                "{what}: formal wording has no contractions, found “{}”:\n{all}",
                contraction.unwrap_or_default()
            );
        }
    }
}

/// The first contraction in `text`, if any.
fn contractions(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace('’', "'");
    for word in lower.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let word = word.trim_matches('\'');
        if let Some((_, tail)) = word.split_once('\'') {
            if ["m", "re", "ve", "ll", "d", "t"].contains(&tail)
                || [
                    "it's", "that's", "there's", "here's", "what's", "let's", "who's", "he's",
                    "she's",
                ]
                .contains(&word)
            {
                return Some(word.to_owned());
            }
        }
    }
    None
}

/// Every phrasing of every block, combined with the first phrasing of the others.
fn each_choice(
    s: &Situation,
    kind: MessageKind,
    channel: Channel,
    formality: Formality,
) -> Vec<Draft> {
    let base = draft(s, kind, channel, formality);
    let mut out = vec![base.clone()];
    for block in &base.blocks {
        for choice in 1..block.choices {
            let mut choices = BTreeMap::new();
            choices.insert(block.name.to_owned(), choice);
            out.push(
                compose(
                    s,
                    &Request {
                        channel: Some(channel),
                        scenario: Some(kind),
                        formality: Some(formality),
                        choices,
                    },
                    clock(),
                )
                .unwrap(),
            );
        }
    }
    out
}

#[test]
fn phone_scripts_take_30_to_60_seconds_and_linkedin_fits_600_characters() {
    let mut s = situation();
    // Shortest (no stay-in-touch line, no contact name) and longest (a referral offer) variants.
    for (referral, stay, contact) in [
        (false, false, false),
        (false, true, true),
        (true, true, true),
    ] {
        s.checklist.offer_referral = referral;
        s.checklist.referral_permission = referral;
        s.checklist.stay_connected = stay;
        if !contact {
            s.contact = None;
        } else {
            s.contact = situation().contact;
        }
        for (kind, channel, formality) in combinations() {
            if channel == Channel::Email {
                continue;
            }
            for d in each_choice(&s, kind, channel, formality) {
                let what = format!(
                    "{} / {} / {} / referral {referral}",
                    kind.as_str(),
                    channel.as_str(),
                    formality_name(formality)
                );
                match channel {
                    Channel::Phone => {
                        let secs = d.estimated_seconds.unwrap();
                        assert!(
                            (30..=60).contains(&secs),
                            "{what}: {secs} s ({} words) is outside 30–60 s:\n{}",
                            d.words,
                            d.body
                        );
                        let pasted = crate::practice::estimate(&d.body, 150).unwrap();
                        assert_eq!(
                            secs,
                            pasted.seconds.round() as u32,
                            "{what}: the draft's estimate and the estimate of its text pasted into Practise agree"
                        );
                        let names: Vec<&str> =
                            pasted.beats.iter().map(|b| b.name.as_str()).collect();
                        assert_eq!(
                            names,
                            crate::speech::BEAT_NAMES,
                            "{what}: pasted back, the script splits into its four beats"
                        );
                    }
                    _ => assert!(
                        d.chars <= draft::LINKEDIN_LIMIT,
                        "{what}: {} characters:\n{}",
                        d.chars,
                        d.body
                    ),
                }
            }
        }
    }
}

#[test]
fn golden_files_hold_every_combination() {
    let s = situation();
    let dir = golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (kind, channel, formality) in combinations() {
        let d = draft(&s, kind, channel, formality);
        let mut text = draft::plain_text(&d);
        if let Some(answers) = &d.answers {
            text.push_str(&format!("\n-- about {} s\n", d.estimated_seconds.unwrap()));
            for a in answers {
                text.push_str(&format!("\n> {}\n{}\n", a.question, a.text));
            }
        }
        let path = dir.join(kind.as_str()).join(format!(
            "{}-{}.txt",
            channel.as_str(),
            formality_name(formality)
        ));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == text => {}
            Ok(_) => failures.push(format!("{} differs", path.display())),
            Err(_) => failures.push(format!("{} is missing", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "golden files out of date (run with UPDATE_GOLDEN=1 and read the diff):\n{}",
        failures.join("\n")
    );
}

#[test]
fn user_text_is_printed_never_evaluated() {
    let mut s = situation();
    let nasty = [
        "{{ 7*7 }}",
        "{% if true %}x{% endif %}",
        "<script>alert(1)</script>",
        "Ωmega 🚀 Ltd",
        "شركة الأفق",
    ];
    for text in nasty {
        s.company = text.to_owned();
        s.role = format!("{text} role");
        s.contact.as_mut().unwrap().name = Some(text.to_owned());
        for channel in Channel::ALL {
            let d = draft(&s, MessageKind::Logistics, channel, Formality::Standard);
            assert!(
                d.body.contains(text),
                "{} must show {text:?} literally:\n{}",
                channel.as_str(),
                d.body
            );
            assert!(
                !d.body.contains("49"),
                "{{{{ 7*7 }}}} must not be evaluated"
            );
        }
    }
}

#[test]
fn over_long_names_are_refused_with_the_field() {
    let mut json: serde_json::Value = serde_json::to_value(situation()).unwrap();
    json["company"] = serde_json::Value::String("x".repeat(10_000));
    let problems = Situation::from_value(json, clock()).unwrap_err();
    assert_eq!(problems[0].field, "company", "{problems:?}");
}

#[test]
fn missing_names_fall_back_and_say_so() {
    let mut s = situation();
    s.contact = None;
    s.sender = None;
    let d = draft(
        &s,
        MessageKind::Logistics,
        Channel::Email,
        Formality::Standard,
    );
    assert!(
        d.body.starts_with("Hello Northwind Analytics team,"),
        "{}",
        d.body
    );
    assert!(
        d.body.contains("[Your name]"),
        "the signature keeps a visible placeholder: {}",
        d.body
    );
    assert_eq!(d.notes.len(), 2, "one note per missing name: {:?}", d.notes);
}

#[test]
fn choices_swap_one_block_and_wrap_around() {
    let s = situation();
    let base = draft(
        &s,
        MessageKind::AcceptedOffer,
        Channel::Email,
        Formality::Standard,
    );
    let gratitude = base.blocks.iter().find(|b| b.name == "gratitude").unwrap();
    assert!(gratitude.choices >= 3, "gratitude has several phrasings");
    let with = |n: usize| {
        let mut choices = BTreeMap::new();
        choices.insert("gratitude".to_owned(), n);
        compose(
            &s,
            &Request {
                channel: Some(Channel::Email),
                scenario: Some(MessageKind::AcceptedOffer),
                formality: None,
                choices,
            },
            clock(),
        )
        .unwrap()
    };
    let swapped = with(1);
    let text = |d: &Draft, name: &str| {
        d.blocks
            .iter()
            .find(|b| b.name == name)
            .unwrap()
            .text
            .clone()
    };
    assert_ne!(
        text(&swapped, "gratitude"),
        text(&base, "gratitude"),
        "choice 1 is another phrasing"
    );
    assert_eq!(
        text(&swapped, "decision"),
        text(&base, "decision"),
        "other blocks stay put"
    );
    assert_eq!(
        with(gratitude.choices).body,
        base.body,
        "choices wrap around"
    );
}

#[test]
fn bad_requests_name_what_is_wrong() {
    let s = situation();
    let err = compose(
        &s,
        &Request {
            channel: Some(Channel::Phone),
            scenario: Some(MessageKind::ConfirmCall),
            ..Request::default()
        },
        clock(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("channel:") && err.contains("email only"),
        "{err}"
    );
    let mut choices = BTreeMap::new();
    choices.insert("farewell".to_owned(), 1);
    let err = compose(
        &s,
        &Request {
            choices,
            ..Request::default()
        },
        clock(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("choices:") && err.contains("farewell"),
        "{err}"
    );
}

#[test]
fn default_scenario_and_formality_come_from_the_situation() {
    let mut s = situation();
    s.formality = Formality::Warm;
    let d = compose(&s, &Request::default(), clock()).unwrap();
    assert_eq!(
        (d.channel, d.scenario, d.formality),
        (Channel::Email, MessageKind::AcceptedOffer, Formality::Warm)
    );
    s.reasons.clear();
    let d = compose(&s, &Request::default(), clock()).unwrap();
    assert_eq!(
        d.scenario,
        MessageKind::CircumstancesChanged,
        "no reason → the general decline"
    );
    assert!(
        d.notes.iter().any(|n| n.contains("thinking it over")),
        "{:?}",
        d.notes
    );
}

/// Renders every block as its own name, to test layout without our wording.
struct Names;
impl Renderer for Names {
    fn render(&self, name: &str, _: &tera::Context) -> crate::Result<String> {
        Ok(format!("<{}>", name.split('#').next().unwrap()))
    }
}

#[test]
fn layout_puts_blocks_in_paragraphs_and_beats() {
    let lib = Library::from_files(library::FILES)
        .unwrap()
        .with_renderer(Box::new(Names));
    let s = situation();
    let req = |channel| Request {
        channel: Some(channel),
        scenario: Some(MessageKind::AcceptedOffer),
        formality: Some(Formality::Standard),
        choices: BTreeMap::new(),
    };
    let email = draft::compose_with(&lib, &s, &req(Channel::Email), clock()).unwrap();
    assert_eq!(email.body, "<common/greeting@email>\n\n<common/gratitude>\n\n<accepted_offer/decision> <accepted_offer/reason>\n\n<common/goodwill>\n\n<common/closing@email>");
    assert_eq!(email.subject.as_deref(), Some("<accepted_offer/subject>"));
    let phone = draft::compose_with(&lib, &s, &req(Channel::Phone), clock()).unwrap();
    let beats: Vec<_> = phone
        .beats
        .unwrap()
        .into_iter()
        .map(|b| (b.name, b.text))
        .collect();
    assert_eq!(
        beats,
        vec![
            (
                "greeting",
                "<common/greeting@phone> <common/gratitude@phone>".to_owned()
            ),
            ("decision", "<accepted_offer/decision>".to_owned()),
            ("reason", "<accepted_offer/reason>".to_owned()),
            (
                "goodwill",
                "<common/goodwill@phone> <common/closing@phone>".to_owned()
            ),
        ]
    );
    let linkedin = draft::compose_with(&lib, &s, &req(Channel::Linkedin), clock()).unwrap();
    assert!(
        linkedin
            .body
            .contains("<common/goodwill> <common/email_note>"),
        "LinkedIn points to the email: {}",
        linkedin.body
    );
}

#[test]
fn template_files_with_mistakes_are_refused_at_load() {
    for (text, says) in [
        ("Hello\n{# beat: x #}\nHi", "text before the first"),
        ("{# beat: x @ fax #}\nHi", "neither a channel"),
        ("{# beat: x #}\nHi\n{# beat: x #}\nHo", "appears twice"),
        ("{# beat: x #}\n{{ unclosed", "template"),
    ] {
        let err = Library::from_files(&[("t.tera", text)])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(says), "{text:?} → {err}");
    }
}

#[test]
fn templates_list_covers_every_kind() {
    let list = builtin_templates();
    assert_eq!(list.len(), MessageKind::ALL.len());
    assert!(list
        .iter()
        .all(|t| !t.channels.is_empty() && t.formalities.len() == 3));
}

#[test]
fn all_channels_share_the_advised_scenario_and_its_notes() {
    let mut s = situation();
    let drafts = compose_all(&s, None, None, &BTreeMap::new(), clock()).unwrap();
    let seen: Vec<_> = drafts.iter().map(|d| (d.channel, d.scenario)).collect();
    // This Situation is advised a call confirmed by email: the script leads, the email confirms.
    assert_eq!(
        seen,
        vec![
            (Channel::Phone, MessageKind::AcceptedOffer),
            (Channel::Email, MessageKind::ConfirmCall),
            (Channel::Linkedin, MessageKind::AcceptedOffer)
        ]
    );
    s.reasons.clear();
    let drafts = compose_all(&s, None, None, &BTreeMap::new(), clock()).unwrap();
    assert!(
        drafts[0]
            .notes
            .iter()
            .any(|n| n.contains("thinking it over")),
        "{:?}",
        drafts[0].notes
    );
    let confirm = compose_all(
        &s,
        Some(MessageKind::ConfirmCall),
        None,
        &BTreeMap::new(),
        clock(),
    )
    .unwrap();
    assert_eq!(confirm.len(), 1, "a call is confirmed by email only");
    let mut choices = BTreeMap::new();
    choices.insert(
        Channel::Phone,
        BTreeMap::from([("gratitude".to_owned(), 1)]),
    );
    let drafts = compose_all(&s, Some(MessageKind::Growth), None, &choices, clock()).unwrap();
    let pick = |c: Channel| {
        drafts
            .iter()
            .find(|d| d.channel == c)
            .unwrap()
            .blocks
            .iter()
            .find(|b| b.name == "gratitude")
            .unwrap()
            .choice
    };
    assert_eq!(
        (pick(Channel::Email), pick(Channel::Phone)),
        (0, 1),
        "choices are per channel"
    );
}

#[test]
fn every_beat_offers_several_phrasings() {
    let s = situation();
    let mut single = Vec::new();
    for (kind, channel, formality) in combinations() {
        let d = draft(&s, kind, channel, formality);
        for b in &d.blocks {
            if ["gratitude", "decision", "reason", "goodwill", "closing"].contains(&b.name)
                && b.choices < 2
            {
                single.push(format!(
                    "{} / {} / {} / {}",
                    kind.as_str(),
                    channel.as_str(),
                    formality_name(formality),
                    b.name
                ));
            }
        }
    }
    assert!(
        single.is_empty(),
        "{} blocks with one phrasing only:\n{}",
        single.len(),
        single.join("\n")
    );
}

#[test]
fn a_call_confirmed_by_email_leads_with_the_script_and_the_confirmation() {
    let s = Situation::from_value(
        serde_json::json!({
            "company": "Globex", "role": "Staff Engineer", "stage": "interviewed", "rounds": 3,
            "invited_at": "2026-11-24T10:00:00Z", "now": "2026-11-25T10:00:00Z",
            "reasons": ["accepted_offer"], "offer_accepted": true,
            "checklist": {"decided": true, "fit_rechecked": true}
        }),
        DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z").unwrap(),
    )
    .unwrap();
    let advice = crate::decide::advise(&s, s.now.unwrap());
    assert_eq!(
        (advice.channel.primary, advice.channel.confirm_by_email),
        (Channel::Phone, true)
    );
    let drafts = compose_all(&s, None, None, &BTreeMap::new(), s.now.unwrap()).unwrap();
    let shape: Vec<(Channel, MessageKind)> =
        drafts.iter().map(|d| (d.channel, d.scenario)).collect();
    assert_eq!(
        shape,
        [
            (Channel::Phone, MessageKind::AcceptedOffer),
            (Channel::Email, MessageKind::ConfirmCall),
            (Channel::Linkedin, MessageKind::AcceptedOffer),
        ]
    );
}
