use chrono::DateTime;

use super::*;
use crate::compose::{compose, Request};
use crate::decide::situation::{Formality, Situation};
use crate::message::{Channel, MessageKind};
use crate::speech::*;

fn words(n: usize, word: &str) -> String {
    vec![word; n].join(" ")
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+00:00").unwrap()
}

fn situation() -> Situation {
    Situation::from_json(
        r#"{
            "company": "Northwind Analytics",
            "role": "Senior Data Analyst",
            "contact": {"name": "Dana Okafor"},
            "sender": {"name": "Sam Lee"},
            "stage": "scheduled",
            "invited_at": "2026-03-01T09:00:00+00:00",
            "interview_at": "2026-03-09T14:00:00+00:00",
            "now": "2026-03-02T10:00:00+00:00",
            "reasons": ["accepted_offer"],
            "offer_accepted": true,
            "checklist": {"decided": true, "stay_connected": true, "fit_rechecked": true}
        }"#,
        now(),
    )
    .expect("the test situation is valid")
}

fn beats(texts: &[(&str, String)]) -> Vec<ScriptBeat> {
    texts
        .iter()
        .map(|(name, text)| ScriptBeat {
            name: (*name).to_owned(),
            text: text.clone(),
        })
        .collect()
}

#[test]
fn words_at_the_pace_plus_a_breath_between_beats() {
    let script = beats(&[
        ("greeting", words(25, "hello")),
        ("decision", words(25, "no")),
        ("reason", words(25, "because")),
        ("goodwill", words(25, "thanks")),
    ]);
    let e = estimate_beats(&script, 150).unwrap();
    assert_eq!(e.words, 100);
    let seconds: Vec<f64> = e.beats.iter().map(|b| b.seconds).collect();
    assert_eq!(
        seconds,
        [11.0, 11.0, 11.0, 10.0],
        "25 words = 10 s, plus 1 s before each next beat"
    );
    let starts: Vec<f64> = e.beats.iter().map(|b| b.starts_at).collect();
    assert_eq!(starts, [0.0, 11.0, 22.0, 33.0]);
    assert_eq!(e.seconds, 43.0);
    assert_eq!(e.band, Band::In);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);

    let slow = estimate_beats(&script, 110).unwrap();
    assert_eq!(
        slow.seconds, 57.5,
        "100 words at 110 wpm = 54.5 s + 3 pauses"
    );
    let fast = estimate_beats(&script, 190).unwrap();
    assert_eq!(
        fast.seconds, 34.6,
        "100 words at 190 wpm = 31.6 s + 3 pauses"
    );
}

#[test]
fn pace_outside_110_to_190_is_refused() {
    for wpm in [0, 109, 191, 400] {
        let err = estimate("Hello there. I am withdrawing my application.", wpm).unwrap_err();
        assert!(err.to_string().starts_with("wpm:"), "{wpm}: {err}");
        assert!(err.to_string().contains("110–190"), "{err}");
    }
    assert!(estimate("Hello. I am withdrawing my application.", 110).is_ok());
}

#[test]
fn over_target_names_the_longest_beat_and_under_target_names_what_is_missing() {
    let long = beats(&[
        ("greeting", words(20, "hello")),
        ("decision", words(15, "no")),
        ("reason", words(120, "because")),
        ("goodwill", words(20, "thanks")),
    ]);
    let e = estimate_beats(&long, 150).unwrap();
    assert_eq!(e.band, Band::Over);
    assert_eq!(e.warnings.len(), 1);
    assert!(
        e.warnings[0].contains("over the 60 s target") && e.warnings[0].contains("brief reason"),
        "{:?}",
        e.warnings
    );
    assert!(
        e.warnings[0].contains("49 s"),
        "the reason's own time: {:?}",
        e.warnings
    );

    let short = beats(&[
        ("greeting", words(10, "hello")),
        ("decision", words(10, "no")),
    ]);
    let e = estimate_beats(&short, 150).unwrap();
    assert_eq!(e.band, Band::Under);
    assert!(
        e.warnings[0].contains("under the 30 s target")
            && e.warnings[0].contains("brief reason")
            && e.warnings[0].contains("goodwill close"),
        "{:?}",
        e.warnings
    );
}

#[test]
fn bands_include_both_ends_of_the_target() {
    assert_eq!(Band::of(29.9), Band::Under);
    assert_eq!(Band::of(30.0), Band::In);
    assert_eq!(Band::of(60.0), Band::In);
    assert_eq!(Band::of(60.1), Band::Over);
}

#[test]
fn a_composed_phone_draft_splits_into_its_four_beats() {
    let s = situation();
    let d = compose(
        &s,
        &Request {
            channel: Some(Channel::Phone),
            ..Request::default()
        },
        now(),
    )
    .unwrap();
    let split = split_script(&d.body).unwrap();
    let composed = d.beats.as_ref().unwrap();
    assert_eq!(split.len(), composed.len());
    for (a, b) in split.iter().zip(composed) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.text, b.text);
    }
    // The same script as `politely draft --channel phone` prints it: the trailer is not said.
    let mut printed = d.body.clone();
    printed.push_str("\n\n-- about 42 s\n\n> May I ask why?\nIt is personal.\n");
    assert_eq!(split_script(&printed).unwrap(), split);
}

#[test]
fn a_single_paragraph_is_split_by_sentence_around_the_decision() {
    let script = "Hi Dana, it's Sam Lee. Thanks for taking my call and for your time. \
                  I'm calling to withdraw my application for the analyst role. \
                  I've accepted another offer that fits my plans. It was not an easy choice. \
                  I wish you the best with the search, and thanks again.";
    let split = split_script(script).unwrap();
    let names: Vec<&str> = split.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, BEAT_NAMES, "{split:#?}");
    assert!(split[0].text.starts_with("Hi Dana") && split[0].text.ends_with("your time."));
    assert!(split[2].text.ends_with("It was not an easy choice."));
    assert!(split[3].text.starts_with("I wish you"));
}

#[test]
fn a_script_without_a_clear_decision_is_numbered() {
    let split = split_script("Hello there.\n\nLovely weather today.\n\nBye for now.").unwrap();
    let names: Vec<&str> = split.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["part 1", "part 2", "part 3"]);
}

#[test]
fn empty_huge_and_odd_scripts() {
    for empty in ["", "   \n\n  ", "-- about 40 s", "— … !!"] {
        let err = split_script(empty).unwrap_err().to_string();
        assert!(err.starts_with("script: has no words"), "{empty:?}: {err}");
    }
    let huge = "word ".repeat(MAX_SCRIPT_BYTES / 5 + 1);
    let err = estimate(&huge, 150).unwrap_err().to_string();
    assert!(err.contains("1 MiB"), "{err}");
    // Just under the limit still works and stays linear.
    let big = "word ".repeat(MAX_SCRIPT_BYTES / 5 - 1);
    assert_eq!(estimate(&big, 150).unwrap().words, MAX_SCRIPT_BYTES / 5 - 1);

    let mixed =
        "مرحبا Dana 👋 {{ role }} <script>x</script>\r\n\r\nI'm withdrawing my application.";
    let e = estimate(mixed, 150).unwrap();
    assert_eq!(
        e.beats[0].text,
        "مرحبا Dana 👋 {{ role }} <script>x</script>"
    );
    assert_eq!(e.beats[0].name, "greeting");
    assert_eq!(e.beats[1].name, "decision");
    assert_eq!(e.words, 4 + 4, "emoji and braces are not words");
}

#[test]
fn the_drill_covers_every_question_and_every_pushback_template() {
    let s = situation();
    for formality in [Formality::Standard, Formality::Formal, Formality::Warm] {
        let prompts = drill(&s, None, Some(formality), now()).unwrap();
        let ids: Vec<&str> = prompts.iter().map(|p| p.id).collect();
        for id in ["why", "change_mind", "other_role"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        assert_eq!(
            ids.contains(&"other_offer"),
            s.has(crate::decide::situation::Reason::AcceptedOffer),
            "“who made the other offer?” only when there is one: {ids:?}"
        );
        let pushbacks: Vec<MessageKind> = MessageKind::ALL
            .into_iter()
            .filter(|k| k.as_str().starts_with("pushback_"))
            .collect();
        assert_eq!(pushbacks.len(), 3);
        for kind in pushbacks {
            assert!(
                prompts.iter().any(|p| p.template == kind),
                "{} has no drill question",
                kind.as_str()
            );
        }
        for p in &prompts {
            assert!(p.question.contains('?'), "{}", p.question);
            assert!(
                crate::speech::count_words(&p.reply) >= 8,
                "{}: {:?}",
                p.id,
                p.reply
            );
            assert!(
                !p.reply.contains("{{") && !p.reply.contains('['),
                "{}: {}",
                p.id,
                p.reply
            );
            if formality == Formality::Formal {
                assert!(
                    !p.reply.contains('’') && !p.reply.contains('\''),
                    "formal replies have no contractions: {}",
                    p.reply
                );
            }
        }
        let role = prompts.iter().find(|p| p.id == "other_role").unwrap();
        assert!(role.reply.contains("Northwind Analytics"), "{}", role.reply);
        assert_eq!(
            prompts.iter().find(|p| p.id == "why").unwrap().template,
            MessageKind::AcceptedOffer
        );
    }
}

#[test]
fn drill_replies_keep_user_text_literal_and_refuse_email_only_scenarios() {
    let mut s = situation();
    s.company = "{{ 7*7 }} <script>alert(1)</script> 🚀 شركة".into();
    let prompts = drill(&s, Some(MessageKind::Growth), None, now()).unwrap();
    let role = prompts.iter().find(|p| p.id == "other_role").unwrap();
    assert!(
        role.reply
            .contains("{{ 7*7 }} <script>alert(1)</script> 🚀 شركة"),
        "{}",
        role.reply
    );
    let err = drill(&s, Some(MessageKind::ConfirmCall), None, now()).unwrap_err();
    assert!(err.to_string().contains("email only"), "{err}");
}

#[test]
fn a_script_printed_by_politely_draft_keeps_its_named_beats() {
    let printed = "Hello first.\n\n[greeting · ~13 s]\nHi Dana, this is Sam.\n\n[decision · ~5 s]\nI am withdrawing.\n\n\
                   [reason · ~7 s]\nIt is practical.\nA second line.\n\n[goodwill · ~14 s]\nThanks again.\n\n\
                   About 39 s at 150 words a minute.\n\nIf asked “May I ask why?”\nIt is personal.\n";
    let split = split_script(printed).unwrap();
    let got: Vec<(&str, &str)> = split
        .iter()
        .map(|b| (b.name.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("opening", "Hello first."),
            ("greeting", "Hi Dana, this is Sam."),
            ("decision", "I am withdrawing."),
            ("reason", "It is practical. A second line."),
            ("goodwill", "Thanks again."),
        ]
    );
    // "[Your name]" alone on a line is text, not a heading.
    let split = split_script("[Your name]\n\nI am withdrawing my application.").unwrap();
    assert_eq!(split[0].text, "[Your name]");
}

#[test]
fn quoted_lines_in_a_pasted_script_are_read_not_cut() {
    let script = "Hi Dana, this is Sam. Thanks for your time.\n\n> I am withdrawing my application.\n\nIt is about the commute.\n\nIf asked “why”, I will say it is personal.\n\nI wish you the best.";
    let split = split_script(script).unwrap();
    let all: String = split
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "> I am withdrawing",
        "commute",
        "If asked",
        "I wish you the best.",
    ] {
        assert!(all.contains(part), "{part} kept: {split:#?}");
    }
    assert_eq!(
        split.iter().find(|b| b.name == "decision").unwrap().text,
        "> I am withdrawing my application."
    );
    // "-- about" ends only when it is the estimate line.
    let split =
        split_script("Hello.\n\n-- about the commute: it is long.\n\nI am withdrawing.").unwrap();
    assert_eq!(split[0].text, "Hello. -- about the commute: it is long.");
    assert_eq!(split[1].name, "decision");
}

#[test]
fn every_script_can_be_kept_as_a_run() {
    // 25 sentences and no decision: 25 parts folded into 20, no words lost.
    let script: String = (1..=25)
        .map(|i| format!("Sentence number {i} here. "))
        .collect();
    let split = split_script(&script).unwrap();
    assert_eq!(split.len(), MAX_BEATS);
    assert!(split
        .last()
        .unwrap()
        .text
        .ends_with("Sentence number 25 here."));
    let e = estimate(&script, 150).unwrap();
    assert_eq!(e.words, 25 * 4);
    // A long heading is trimmed to a storable name.
    let long = format!(
        "[{} · ~5 s]\nI am withdrawing my application.",
        "n".repeat(80)
    );
    let split = split_script(&long).unwrap();
    assert_eq!(split[0].name.chars().count(), MAX_BEAT_NAME);
    // And the beats of both make a valid run.
    let beats: Vec<crate::store::practice_runs::BeatTime> = split
        .iter()
        .chain(split_script(&script).unwrap().iter())
        .take(MAX_BEATS)
        .map(|b| crate::store::practice_runs::BeatTime {
            name: b.name.clone(),
            ms: 100,
        })
        .collect();
    crate::store::practice_runs::check_run(60_000, &beats).unwrap();
}

#[test]
fn the_drill_asks_about_another_offer_only_when_there_is_one() {
    let mut s = situation();
    s.reasons = vec![crate::decide::situation::Reason::Logistics];
    s.offer_accepted = false;
    let ids: Vec<&str> = drill(&s, None, None, now())
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert!(!ids.contains(&"other_offer"), "{ids:?}");
    s.reasons = vec![crate::decide::situation::Reason::AcceptedOffer];
    s.offer_accepted = true;
    let ids: Vec<&str> = drill(&s, None, None, now())
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert!(ids.contains(&"other_offer"), "{ids:?}");
}
