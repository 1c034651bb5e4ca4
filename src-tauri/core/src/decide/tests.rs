//! Table-driven tests of every advice rule, its precedence and each warning, plus property tests
//! that any valid Situation is advised without a panic.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use super::advice::{StepState, LAST_MINUTE_HOURS};
use super::situation::*;
use super::*;
use crate::message::{Channel, MessageKind};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const INVITED: &str = "2026-11-20T09:00:00+01:00";

/// A decided decline for logistics, two hours after the invitation.
fn base() -> Situation {
    Situation {
        company: "Acme".into(),
        role: "Data Engineer".into(),
        contact: None,
        sender: None,
        inform: vec![],
        stage: Stage::Invited,
        rounds: 0,
        origin_channel: OriginChannel::Email,
        rapport: Rapport::None,
        invited_at: t(INVITED),
        interview_at: None,
        now: Some(t(INVITED) + Duration::hours(2)),
        reasons: vec![Reason::Logistics],
        details: Details::default(),
        offer_accepted: false,
        checklist: Checklist {
            fit_rechecked: true,
            decided: true,
            ..Checklist::default()
        },
        formality: Formality::Standard,
    }
}

fn run(s: &Situation) -> Advice {
    advise(s, s.now.unwrap())
}

fn warning_ids(a: &Advice) -> Vec<&'static str> {
    a.warnings.iter().map(|w| w.id).collect()
}

#[test]
fn verdict_rules_and_their_precedence() {
    type Edit = fn(&mut Situation);
    let cases: &[(&str, Edit, Verdict, Option<MessageKind>)] = &[
        (
            "no reason",
            |s| s.reasons.clear(),
            Verdict::Reconsider,
            None,
        ),
        (
            "no reason beats an alternative",
            |s| {
                s.reasons.clear();
                s.checklist.alternative_would_change_mind = true;
            },
            Verdict::Reconsider,
            None,
        ),
        (
            "an alternative beats a decision",
            |s| s.checklist.alternative_would_change_mind = true,
            Verdict::Negotiate,
            Some(MessageKind::Negotiate),
        ),
        (
            "not decided",
            |s| s.checklist.decided = false,
            Verdict::AskForTime,
            Some(MessageKind::AskForTime),
        ),
        (
            "alternative beats undecided",
            |s| {
                s.checklist.decided = false;
                s.checklist.alternative_would_change_mind = true;
            },
            Verdict::Negotiate,
            Some(MessageKind::Negotiate),
        ),
        (
            "decided",
            |_| {},
            Verdict::Decline,
            Some(MessageKind::Logistics),
        ),
    ];
    for (name, edit, verdict, scenario) in cases {
        let mut s = base();
        edit(&mut s);
        let a = run(&s);
        assert_eq!(a.verdict, *verdict, "{name}: verdict");
        assert_eq!(a.scenario, *scenario, "{name}: scenario");
        assert_eq!(
            a.explanations[0].rule, "verdict",
            "{name}: the verdict is explained first"
        );
        assert!(!a.explanations[0].why.is_empty());
    }
}

#[test]
fn channel_rules_and_their_precedence() {
    use OriginChannel::*;
    let cases = [
        // (rounds, rapport, origin) → (primary, confirm_by_email)
        (0, Rapport::None, Email, Channel::Email, false),
        (0, Rapport::Some, Phone, Channel::Email, false),
        (1, Rapport::Some, Email, Channel::Email, false),
        (2, Rapport::None, Email, Channel::Phone, true),
        (5, Rapport::None, Linkedin, Channel::Phone, true),
        (0, Rapport::Strong, Email, Channel::Phone, true),
        (1, Rapport::Strong, Messaging, Channel::Phone, true),
        (0, Rapport::None, Linkedin, Channel::Linkedin, true),
        (1, Rapport::Some, Messaging, Channel::Linkedin, true),
    ];
    for (rounds, rapport, origin, primary, confirm) in cases {
        let mut s = base();
        s.rounds = rounds;
        s.rapport = rapport;
        s.origin_channel = origin;
        let a = run(&s);
        let case = format!("rounds {rounds}, rapport {rapport:?}, origin {origin:?}");
        assert_eq!(a.channel.primary, primary, "{case}");
        assert_eq!(a.channel.confirm_by_email, confirm, "{case}");
        assert!(a
            .explanations
            .iter()
            .any(|e| e.rule == "channel" && e.why == a.channel.why));
    }
}

#[test]
fn scenario_follows_the_reason_order() {
    use Reason::*;
    let cases: &[(&[Reason], bool, MessageKind)] = &[
        (&[AcceptedOffer], true, MessageKind::AcceptedOffer),
        (
            &[Logistics, AcceptedOffer],
            true,
            MessageKind::AcceptedOffer,
        ),
        (&[Growth, Logistics], false, MessageKind::Logistics),
        (
            &[Direction, CurrentJob],
            false,
            MessageKind::StayingCurrentJob,
        ),
        (&[NonNegotiables, Direction], false, MessageKind::Direction),
        (&[NonNegotiables, Growth], false, MessageKind::Growth),
        (&[NonNegotiables], false, MessageKind::NotAFit),
        (&[Personal, NonNegotiables], false, MessageKind::NotAFit),
        (&[Personal], false, MessageKind::CircumstancesChanged),
        (&[Other], false, MessageKind::CircumstancesChanged),
        (&[AcceptedOffer], false, MessageKind::CircumstancesChanged),
        (
            &[Logistics, AcceptedOffer],
            false,
            MessageKind::CircumstancesChanged,
        ),
    ];
    for (reasons, offer_accepted, expected) in cases {
        let mut s = base();
        s.reasons = reasons.to_vec();
        s.offer_accepted = *offer_accepted;
        let a = run(&s);
        assert_eq!(
            a.scenario,
            Some(*expected),
            "reasons {reasons:?}, offer accepted {offer_accepted}"
        );
        let unconfirmed = reasons.contains(&AcceptedOffer) && !offer_accepted;
        assert_eq!(
            warning_ids(&a).contains(&"offer-not-confirmed"),
            unconfirmed,
            "honesty warning for {reasons:?}"
        );
    }
}

#[test]
fn last_minute_wins_for_a_decline_and_only_within_48_hours_ahead() {
    let now = base().now.unwrap();
    let cases = [
        (Duration::hours(1), true),
        (Duration::hours(LAST_MINUTE_HOURS), true),
        (
            Duration::hours(LAST_MINUTE_HOURS) + Duration::minutes(1),
            false,
        ),
        (Duration::zero(), true),
        (-Duration::minutes(1), false),
    ];
    for (ahead, last_minute) in cases {
        let mut s = base();
        s.reasons = vec![Reason::AcceptedOffer];
        s.offer_accepted = true;
        s.stage = Stage::Scheduled;
        s.interview_at = Some(now + ahead);
        let a = run(&s);
        assert_eq!(a.last_minute, last_minute, "interview {ahead} ahead");
        let expected = if last_minute {
            MessageKind::CancelLastMinute
        } else {
            MessageKind::AcceptedOffer
        };
        assert_eq!(a.scenario, Some(expected), "interview {ahead} ahead");
        assert_eq!(warning_ids(&a).contains(&"last-minute"), last_minute);
    }

    let mut s = base();
    s.interview_at = Some(now + Duration::hours(3));
    s.checklist.alternative_would_change_mind = true;
    assert_eq!(
        run(&s).scenario,
        Some(MessageKind::Negotiate),
        "last-minute picks among declines only; a negotiation stays a negotiation"
    );
}

#[test]
fn deadlines_are_24_and_72_hours_after_the_invitation() {
    let invited = t(INVITED);
    for (after, overdue) in [
        (Duration::hours(2), false),
        (Duration::hours(72), false),
        (Duration::hours(72) + Duration::seconds(1), true),
        (Duration::days(30), true),
    ] {
        let mut s = base();
        s.now = Some(invited + after);
        let a = run(&s);
        assert_eq!(a.ideal_by, invited + Duration::hours(24));
        assert_eq!(a.respond_by, invited + Duration::hours(72));
        assert_eq!(a.overdue, overdue, "{after} after the invitation");
        assert_eq!(warning_ids(&a).contains(&"overdue"), overdue);
        let step = &a.roadmap[1];
        assert_eq!(step.id, "respond-promptly");
        let state = if overdue {
            StepState::Attention
        } else {
            StepState::Todo
        };
        assert_eq!(step.state, state);
    }
}

#[test]
fn include_and_referral_permission() {
    let cases = [
        // (stay_connected, offer_referral, permission) → (include.stay, include.referral, warning)
        (false, false, false, false, false, false),
        (true, false, false, true, false, false),
        (false, true, false, false, false, true),
        (false, true, true, false, true, false),
        (true, true, true, true, true, false),
        (false, false, true, false, false, false),
    ];
    for (stay, offer, permission, inc_stay, inc_ref, warn) in cases {
        let mut s = base();
        s.checklist.stay_connected = stay;
        s.checklist.offer_referral = offer;
        s.checklist.referral_permission = permission;
        let a = run(&s);
        let case = format!("stay {stay}, offer {offer}, permission {permission}");
        assert_eq!(
            (a.include.stay_connected, a.include.referral),
            (inc_stay, inc_ref),
            "{case}"
        );
        assert_eq!(
            warning_ids(&a).contains(&"referral-without-permission"),
            warn,
            "{case}"
        );
        let step = &a.roadmap[5];
        let state = if inc_stay || inc_ref {
            StepState::Todo
        } else {
            StepState::Skipped
        };
        assert_eq!(step.state, state, "{case}");
    }
}

#[test]
fn each_warning_fires_on_its_condition_only() {
    type Edit = fn(&mut Situation);
    let cases: &[(&str, Edit)] = &[
        ("no-valid-reason", |s| s.reasons.clear()),
        ("offer-not-confirmed", |s| {
            s.reasons = vec![Reason::AcceptedOffer]
        }),
        ("referral-without-permission", |s| {
            s.checklist.offer_referral = true
        }),
        ("overdue", |s| {
            s.now = Some(s.invited_at + Duration::days(4))
        }),
        ("last-minute", |s| {
            s.interview_at = Some(s.now.unwrap() + Duration::hours(5))
        }),
        ("personal-details-private", |s| {
            s.reasons = vec![Reason::Personal]
        }),
        ("current-job-confidential", |s| {
            s.reasons = vec![Reason::CurrentJob]
        }),
        ("late-stage", |s| s.rounds = 2),
        ("late-stage", |s| s.stage = Stage::Interviewed),
        ("late-stage", |s| s.stage = Stage::Offer),
    ];
    assert!(
        run(&base()).warnings.is_empty(),
        "the base situation raises no warning"
    );
    for (id, edit) in cases {
        let mut s = base();
        edit(&mut s);
        let a = run(&s);
        assert_eq!(warning_ids(&a), vec![*id], "only {id} fires");
        assert!(a.warnings[0].message.len() > 20, "{id} explains itself");
    }
}

#[test]
fn roadmap_has_seven_steps_with_states_for_this_situation() {
    let a = run(&base());
    let ids: Vec<_> = a.roadmap.iter().map(|s| (s.step, s.id)).collect();
    assert_eq!(
        ids,
        [
            (1, "confirm"),
            (2, "respond-promptly"),
            (3, "channel"),
            (4, "gratitude-and-decision"),
            (5, "short-reason"),
            (6, "stay-connected"),
            (7, "save-copy"),
        ]
    );
    assert_eq!(a.roadmap[0].state, StepState::Done);
    assert_eq!(a.roadmap[2].note, "Use email.");

    let mut s = base();
    s.checklist.fit_rechecked = false;
    assert_eq!(
        run(&s).roadmap[0].state,
        StepState::Attention,
        "fit not re-checked"
    );
    s = base();
    s.rounds = 3;
    assert_eq!(run(&s).roadmap[2].note, "Use a phone call, then an email.");
}

#[test]
fn inform_defaults_to_the_recruiter_and_keeps_order_without_duplicates() {
    assert_eq!(run(&base()).inform, vec![Audience::Recruiter]);
    let mut s = base();
    s.inform = vec![Audience::Agency, Audience::HiringManager, Audience::Agency];
    assert_eq!(
        run(&s).inform,
        vec![Audience::Agency, Audience::HiringManager]
    );
}

#[test]
fn advice_json_uses_the_documented_field_names() {
    let json = serde_json::to_value(run(&base())).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    for key in [
        "verdict",
        "channel",
        "scenario",
        "respond_by",
        "ideal_by",
        "overdue",
        "last_minute",
        "include",
        "warnings",
        "roadmap",
        "inform",
        "explanations",
    ] {
        assert!(keys.contains(&key.to_string()), "missing {key} in {keys:?}");
    }
    assert_eq!(json["verdict"], "decline");
    assert_eq!(json["channel"]["primary"], "email");
    assert_eq!(json["channel"]["confirm_by_email"], false);
    assert_eq!(json["scenario"], "logistics");
    assert_eq!(json["respond_by"], "2026-11-23T09:00:00+01:00");
    assert_eq!(json["ideal_by"], "2026-11-21T09:00:00+01:00");
    assert_eq!(
        json["include"],
        serde_json::json!({"stay_connected": false, "referral": false})
    );
    assert_eq!(json["inform"], serde_json::json!(["recruiter"]));
}

// ---- reading and validating a Situation ----

const CLOCK: &str = "2026-11-26T12:00:00+00:00";

fn parse(text: &str) -> Result<Situation, Vec<Problem>> {
    Situation::from_json(text, t(CLOCK))
}

fn first_problem(text: &str) -> (String, String) {
    let problems = parse(text).expect_err("input must be rejected");
    (problems[0].field.clone(), problems[0].message.clone())
}

#[test]
fn a_minimal_situation_parses_with_defaults() {
    let s =
        parse(r#"{"company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z"}"#)
            .unwrap();
    assert_eq!(s.stage, Stage::Invited);
    assert_eq!(s.origin_channel, OriginChannel::Email);
    assert_eq!(s.formality, Formality::Standard);
    assert!(s.reasons.is_empty() && !s.checklist.decided);
    assert_eq!(s.now_or(t(CLOCK)), t(CLOCK), "no `now` → the clock");
}

#[test]
fn invalid_input_names_the_field() {
    let ok = r#""company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z""#;
    let long = "x".repeat(201);
    let cases: Vec<(String, &str, &str)> = vec![
        (format!("{{{ok}, \"compnay\": 1}}"), "compnay", "did you mean `company`"),
        (format!("{{{ok}, \"contact\": {{\"nmae\": \"Jo\"}}}}"), "contact.nmae", "did you mean `name`"),
        (r#"{"role": "Engineer", "invited_at": "2026-11-25T10:00:00Z"}"#.into(), "company", "is required"),
        (r#"{"company": "Acme", "role": "Engineer"}"#.into(), "invited_at", "is required"),
        (
            r#"{"company": "Acme", "role": "Engineer", "invited_at": "yesterday"}"#.into(),
            "invited_at",
            "RFC 3339",
        ),
        (format!("{{{ok}, \"interview_at\": \"2026-13-01T10:00:00Z\"}}"), "interview_at", "RFC 3339"),
        (
            r#"{"company": "Acme", "role": "Engineer", "invited_at": "2026-11-27T10:00:00Z"}"#.into(),
            "invited_at",
            "after now",
        ),
        (format!("{{\"company\": \"{long}\", \"role\": \"r\", \"invited_at\": \"2026-11-25T10:00:00Z\"}}"), "company", "201 characters"),
        (format!("{{{ok}, \"stage\": \"hired\"}}"), "stage", "invited, scheduled, interviewed, offer"),
        (format!("{{{ok}, \"reasons\": [\"logistics\", \"boredom\"]}}"), "reasons[1]", "accepted_offer"),
        (format!("{{{ok}, \"rounds\": -1}}"), "rounds", "whole number from 0 to 30"),
        (format!("{{{ok}, \"rounds\": 2.5}}"), "rounds", "whole number from 0 to 30"),
        (format!("{{{ok}, \"rounds\": 31}}"), "rounds", "0 to 30"),
        (format!("{{{ok}, \"contact\": {{\"email\": \"jo at acme\"}}}}"), "contact.email", "not an email"),
        (r#"{"company": "Acme\nBcc: x@y.z", "role": "r", "invited_at": "2026-11-25T10:00:00Z"}"#.into(), "company", "single line"),
        (r#"{"company": "   ", "role": "r", "invited_at": "2026-11-25T10:00:00Z"}"#.into(), "company", "is required"),
        (format!("{{{ok}, \"interview_at\": \"2026-11-24T10:00:00Z\"}}"), "interview_at", "before the invitation"),
        ("".into(), "input", "is empty"),
        ("  \n".into(), "input", "is empty"),
        ("{\"company\": ".into(), "input", "not valid JSON"),
        ("[1, 2]".into(), "input", "must be a JSON object"),
        (format!("{{{ok}}} trailing"), "input", "after the JSON object"),
    ];
    for (text, field, needle) in cases {
        let (got_field, message) = first_problem(&text);
        assert_eq!(got_field, field, "field for {text:.80}: {message}");
        assert!(
            message.contains(needle),
            "message for {field} should contain {needle:?}: {message}"
        );
    }
}

#[test]
fn huge_input_is_refused_before_parsing() {
    let huge = format!(
        "{{\"company\": \"{}\", \"role\": \"r\", \"invited_at\": \"2026-11-25T10:00:00Z\"}}",
        "a".repeat(MAX_INPUT_BYTES)
    );
    let (field, message) = first_problem(&huge);
    assert_eq!(field, "input");
    assert!(message.contains("1 MiB"), "{message}");
}

#[test]
fn user_text_is_kept_literally() {
    let s = parse(
        r#"{"company": "{{ 7*7 }} <script>alert(1)</script>", "role": "مهندس 👩‍💻 {% if %}",
            "invited_at": "2026-11-25T10:00:00Z", "contact": {"name": "Zoë O’Brien"}}"#,
    )
    .unwrap();
    assert_eq!(s.company, "{{ 7*7 }} <script>alert(1)</script>");
    assert_eq!(s.role, "مهندس 👩‍💻 {% if %}");
    assert_eq!(s.contact.unwrap().name.as_deref(), Some("Zoë O’Brien"));
}

#[test]
fn all_problems_are_reported_together() {
    let problems =
        parse(r#"{"company": "", "role": "", "invited_at": "2026-11-28T10:00:00Z"}"#).unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["company", "role", "invited_at"]);
}

// ---- properties ----

fn any_situation() -> impl Strategy<Value = Situation> {
    use proptest::sample::{select, subsequence};
    let reasons = subsequence(
        vec![
            Reason::AcceptedOffer,
            Reason::NonNegotiables,
            Reason::Logistics,
            Reason::Growth,
            Reason::Personal,
            Reason::Direction,
            Reason::CurrentJob,
            Reason::Other,
        ],
        0..=8,
    )
    .prop_shuffle();
    let audience = subsequence(
        vec![
            Audience::Recruiter,
            Audience::HiringManager,
            Audience::Agency,
            Audience::Referrer,
        ],
        0..=4,
    );
    (
        ("\\PC{1,40}", "\\PC{1,40}"),
        (
            select(vec![
                Stage::Invited,
                Stage::Scheduled,
                Stage::Interviewed,
                Stage::Offer,
            ]),
            0u32..=MAX_ROUNDS,
            select(vec![
                OriginChannel::Email,
                OriginChannel::Phone,
                OriginChannel::Linkedin,
                OriginChannel::Messaging,
            ]),
            select(vec![Rapport::None, Rapport::Some, Rapport::Strong]),
        ),
        (
            0i64..10_000_000,
            0i64..100_000_000,
            proptest::option::of(-1_000_000i64..10_000_000),
        ),
        (reasons, audience, any::<[bool; 7]>()),
    )
        .prop_map(
            |(
                (company, role),
                (stage, rounds, origin_channel, rapport),
                (back, invited, interview),
                (reasons, inform, b),
            )| {
                let invited_at = t("2020-01-01T00:00:00+00:00") + Duration::seconds(invited);
                Situation {
                    company,
                    role,
                    contact: None,
                    sender: None,
                    inform,
                    stage,
                    rounds,
                    origin_channel,
                    rapport,
                    invited_at,
                    interview_at: interview.map(|i| invited_at + Duration::seconds(i.abs())),
                    now: Some(invited_at + Duration::seconds(back)),
                    reasons,
                    details: Details::default(),
                    offer_accepted: b[0],
                    checklist: Checklist {
                        fit_rechecked: b[1],
                        alternative_would_change_mind: b[2],
                        decided: b[3],
                        stay_connected: b[4],
                        offer_referral: b[5],
                        referral_permission: b[6],
                    },
                    formality: Formality::Standard,
                }
            },
        )
}

proptest! {
    #[test]
    fn any_valid_situation_is_advised_consistently(s in any_situation()) {
        prop_assume!(s.validate(s.now.unwrap()).is_ok());
        let a = run(&s);
        prop_assert_eq!(a.scenario.is_none(), a.verdict == Verdict::Reconsider);
        prop_assert_eq!(a.roadmap.len(), 7);
        prop_assert!(a.ideal_by < a.respond_by);
        prop_assert!(!a.include.referral || s.checklist.referral_permission);
        prop_assert!(!a.inform.is_empty());
        let text = serde_json::to_string(&a).unwrap();
        prop_assert!(text.contains("\"verdict\""));
    }

    #[test]
    fn any_text_is_rejected_or_accepted_without_panic(text in "\\PC{0,300}") {
        let _ = parse(&text);
    }

    #[test]
    fn any_json_object_is_rejected_or_accepted_without_panic(
        company in "\\PC{0,250}", stage in "[a-z_]{0,12}", rounds in any::<i64>(), date in "[0-9T:+Z-]{0,30}"
    ) {
        let doc = serde_json::json!({"company": company, "role": "r", "stage": stage, "rounds": rounds, "invited_at": date});
        let _ = parse(&doc.to_string());
    }
}

#[test]
fn text_report_covers_every_part_of_the_advice() {
    let mut s = base();
    s.rounds = 2;
    s.checklist.stay_connected = true;
    s.inform = vec![Audience::Recruiter, Audience::HiringManager];
    let text = text::render(&run(&s));
    for needle in [
        "Verdict:  Decline",
        "Channel:  Phone call, then a confirming email",
        "Message:  Withdraw: location, visa or time zone",
        "Reply by: ideally Sat 21 Nov 2026 09:00 +01:00, at the latest Mon 23 Nov 2026 09:00 +01:00",
        "Include:  a line about keeping in touch",
        "Tell:     the recruiter, the hiring manager",
        "  ! late-stage: ",
        "  [x] 1. Confirm your decision",
        "  [ ] 6. Offer to stay in touch or refer someone",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    let text = text::render(&run(&base()));
    assert!(
        text.contains("  [-] 6."),
        "nothing to offer: step 6 is skipped:\n{text}"
    );
    assert!(
        !text.contains("Warnings:"),
        "no warnings section without warnings"
    );
}
