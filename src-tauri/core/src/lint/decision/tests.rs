use super::super::tokens::tokens;
use super::*;

fn kinds(s: &str) -> Vec<(Kind, bool)> {
    analyse(&tokens(s, 0))
        .into_iter()
        .map(|a| (a.kind, a.hedged))
        .collect()
}

fn decides(s: &str) -> bool {
    analyse(&tokens(s, 0))
        .iter()
        .any(|a| !a.hedged && a.serves(Purpose::Decline))
}

#[test]
fn first_person_decisions_in_many_forms() {
    for s in [
        "I am withdrawing my application.",
        "I've decided not to move forward.",
        "I don't think I'll be able to move forward with the role.",
        "However, I have already accepted a role elsewhere.",
        "I've recently accepted another position, so I'll need to pass.",
        "I've decided to stay in my current role.",
        "I will not be able to proceed further with the process.",
        "I'm unable to relocate to Castlemere at present.",
        "Kindly withdraw my candidature.",
        "My decision stands.",
        "My position hasn't changed.",
        "I'm going to pass on this one, but I'd love to stay connected.",
        "I've decided to go with another opportunity.",
        "Hence I feel it would be best not to proceed further.",
        "I'm no longer in a position to pursue a move this year.",
        "I need to cancel tomorrow's interview.",
        "Not interested.",
        "I'm happy in my current position and not looking to move.",
        "I therefore request you to kindly withdraw my candidature.",
        "So I believe it is better for both of us if I withdraw now.",
    ] {
        assert!(decides(s), "{s}: {:?}", kinds(s));
    }
}

#[test]
fn negation_questions_quotes_and_conditions_do_not_decide() {
    for s in [
        "I have not decided yet.",
        "I am not withdrawing.",
        "Should I withdraw?",
        "You said “I will withdraw”, but that was a misunderstanding.",
        "You said I would withdraw, which is not so.",
        "If nothing changes, I will withdraw next week.",
        "I'd love to stay in touch.",
        "I'd be happy to proceed.",
        "Could you pass on my thanks to her?",
        "I'd prefer not to go into the details.",
    ] {
        assert!(!decides(s), "{s}: {:?}", kinds(s));
    }
}

#[test]
fn hedges_make_an_act_ambiguous() {
    for s in [
        "I might possibly not continue.",
        "I think I'm probably going to step back.",
        "I may need to step back from the process.",
        "Maybe I'll join, maybe not.",
        "I am not sure whether I should attend or not.",
    ] {
        let k = kinds(s);
        assert!(k.iter().any(|(_, hedged)| *hedged), "{s}: {k:?}");
        assert!(!decides(s), "{s}");
    }
}

#[test]
fn requests_are_read_from_what_they_ask() {
    let cases = [
        ("Could I have until Friday to decide?", Kind::AskForTime),
        (
            "I'd like a few more days before I confirm.",
            Kind::AskForTime,
        ),
        ("Would a remote arrangement be possible?", Kind::Negotiate),
        (
            "Would it be possible to start on the 15th instead of the 1st?",
            Kind::Negotiate,
        ),
        ("Could we move the interview to Thursday?", Kind::Reschedule),
        ("Would next Tuesday work for the team?", Kind::Reschedule),
        ("I need to move tomorrow's interview.", Kind::Reschedule),
        (
            "If the role is still open, I'd be grateful to be considered again.",
            Kind::Reopen,
        ),
        (
            "If there is some flexibility on salary, I would be happy to accept.",
            Kind::Negotiate,
        ),
    ];
    for (s, kind) in cases {
        assert!(
            kinds(s).iter().any(|(k, _)| *k == kind),
            "{s}: {:?}",
            kinds(s)
        );
    }
}

#[test]
fn past_declines_are_reports_not_decisions() {
    for s in [
        "It's been six months since I declined the interview.",
        "Last spring I turned down the chance to interview.",
        "When we spoke in March I decided not to go ahead.",
        "Last week I had informed you that I will not attend the interview.",
    ] {
        let k = kinds(s);
        assert!(k.iter().any(|(k, _)| *k == Kind::PastDecline), "{s}: {k:?}");
        assert!(!decides(s), "{s}: {k:?}");
    }
}

/// `POLITELY_ACTS="some text" cargo test -p politely-core print_acts -- --ignored --nocapture`
#[test]
#[ignore = "a tool: prints what each sentence of $POLITELY_ACTS does"]
fn print_acts() {
    let text = std::env::var("POLITELY_ACTS").unwrap_or_default();
    let shape = super::super::text::shape(&text);
    for s in shape.greeting.iter().chain(&shape.sentences) {
        let toks = tokens(s.text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.w.as_str()).collect();
        println!(
            "{:?}\n  {}\n  {:?}",
            s.text,
            words.join(" "),
            analyse(&toks)
        );
    }
}

#[test]
fn purpose_follows_the_strongest_act() {
    let acts = |s: &str| analyse(&tokens(s, 0));
    let infer_of = |s: &str| infer(acts(s).iter());
    assert_eq!(infer_of("I'm going to cancel."), Some(Purpose::Cancel));
    assert_eq!(
        infer_of("I withdrew last month; I'd like to be considered again."),
        Some(Purpose::Reopen)
    );
    assert_eq!(
        infer_of("I declined the interview in March."),
        Some(Purpose::FollowUp)
    );
    assert_eq!(infer_of("Thanks for the call."), None);
}
