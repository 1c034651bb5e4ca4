//! The rules of a good decline, each with a stable id. They work on the [`Shape`] of the text and
//! on word lists kept here, so a rule reads as the advice it encodes.

use super::text::{self, Piece};
use super::{Finding, Input, Part, Purpose, Severity};
use crate::decide::{advise, Verdict};
use crate::message::Channel;

/// Email body length (words) past which a decline reads as over-explained.
const EMAIL_MAX_WORDS: usize = 180;
/// LinkedIn message length (words) past which it reads as over-explained.
const LINKEDIN_MAX_WORDS: usize = 100;
/// Phone script length (words): 60 s at 150 words a minute.
const PHONE_MAX_WORDS: usize = 150;
/// One sentence of reason past this many words is over-explaining.
const REASON_MAX_WORDS: usize = 40;
/// Fewer words than this in the message proper is curt.
const TERSE_WORDS: usize = 12;

pub(super) fn run(input: &Input<'_>) -> Vec<Finding> {
    let shape = text::shape(input.body);
    // ASCII lower-casing keeps every byte offset, so spans found in `lower` fit the body.
    let lower = input.body.to_ascii_lowercase();
    let purpose = purpose(input);
    let mut out = Vec::new();
    let mut add = |rule, severity, message: String, piece: (usize, usize)| {
        out.push(Finding {
            rule,
            severity,
            message,
            part: Part::Body,
            start: piece.0,
            end: piece.1,
            suggestion: None,
        });
    };
    let whole = (0, input.body.len());
    let speech = input.channel == Channel::Phone;

    // --- the decision ---
    // Small talk ("Have you got two minutes?") does not delay the decision.
    let counted: Vec<&Piece> = shape
        .sentences
        .iter()
        .filter(|s| !(s.text.ends_with('?') && text::word_count(s.text) <= 8))
        .collect();
    // The decision may itself be a short question ("Is there any flexibility on location?").
    let decision = shape
        .sentences
        .iter()
        .find(|s| states_decision(&s.text.to_lowercase(), purpose))
        .map(|d| (counted.iter().take_while(|s| s.start < d.start).count(), *d));
    let curt = TERSE.iter().any(|t| lower.contains(t));
    let proper_words: usize = shape
        .sentences
        .iter()
        .map(|s| text::word_count(s.text))
        .sum();
    if purpose != Purpose::FollowUp {
        match decision {
            None if !shape.sentences.is_empty() && !curt => add(
                "no-decision",
                Severity::Error,
                match purpose {
                    Purpose::Decline => "No clear decision: say plainly that you are withdrawing or declining (“I am withdrawing my application for …”).",
                    Purpose::AskForTime => "No clear request: ask plainly for the time you need (“Could I have until Friday to decide?”).",
                    Purpose::Negotiate => "No clear request: say what would need to change (“Would a remote arrangement be possible?”).",
                    Purpose::Reopen => "No clear request: ask plainly to be considered again.",
                    Purpose::FollowUp => "",
                }
                .to_owned(),
                shape.sentences.first().map_or(whole, |s| (s.start, s.end)),
            ),
            Some((i, s)) if i > 1 => {
                add(
                    "decision-late",
                    Severity::Warning,
                    "The decision comes late: put it in the first or second sentence after the greeting.".to_owned(),
                    (s.start, s.end),
                );
            }
            _ => {}
        }
    }
    for phrase in HEDGES {
        for (at, _) in lower.match_indices(phrase) {
            let about_decision = shape
                .sentences
                .iter()
                .find(|s| s.start <= at && at < s.end)
                .is_some_and(|s| {
                    DECISION_VERBS
                        .iter()
                        .any(|v| lower[s.start..s.end].contains(v))
                });
            if word_bounded(&lower, at, phrase.len()) && about_decision {
                add(
                    "ambiguous-decision",
                    Severity::Warning,
                    format!(
                        "“{}” leaves the door open: state the decision firmly.",
                        &input.body[at..at + phrase.len()]
                    ),
                    (at, at + phrase.len()),
                );
            }
        }
    }

    // --- tone ---
    for phrase in TERSE.iter().chain(CURT_IN_SHORT) {
        let always = TERSE.contains(phrase);
        for (at, _) in lower.match_indices(phrase) {
            let short_sentence = shape
                .sentences
                .iter()
                .find(|s| s.start <= at && at < s.end)
                .is_none_or(|s| text::word_count(s.text) <= 8);
            if word_bounded(&lower, at, phrase.len())
                && (always || short_sentence || proper_words < 25)
            {
                add(
                    "terse",
                    Severity::Error,
                    format!(
                        "“{}” reads as curt: thank them and say the decision in a full sentence.",
                        &input.body[at..at + phrase.len()]
                    ),
                    (at, at + phrase.len()),
                );
            }
        }
    }
    if proper_words > 0 && proper_words < TERSE_WORDS && purpose == Purpose::Decline {
        let first = shape.sentences[0].start;
        let last = shape.sentences[shape.sentences.len() - 1].end;
        add(
            "terse",
            Severity::Error,
            format!("Only {proper_words} words: a decline this short reads as dismissive. Add thanks and a goodwill line."),
            (first, last),
        );
    }
    let rude_hits =
        RUDE.iter()
            .flat_map(|w| find_words(&lower, w))
            .chain(shape.sentences.iter().flat_map(|s| {
                let sl = &lower[s.start..s.end];
                let about_them = TARGETS.iter().any(|t| !find_words(sl, t).is_empty());
                MILD.iter().filter(move |_| about_them).flat_map(move |w| {
                    find_words(sl, w)
                        .into_iter()
                        .map(move |(a, b)| (a + s.start, b + s.start))
                })
            }));
    for hit in rude_hits.collect::<Vec<_>>() {
        {
            add(
                "rude",
                Severity::Error,
                format!("“{}” disparages the company, the role or people: leave criticism out of a decline.", &input.body[hit.0..hit.1]),
                hit,
            );
        }
    }
    let gratitude = shape
        .sentences
        .iter()
        .chain(shape.greeting.iter())
        .position(|s| thanks(&s.text.to_lowercase()));
    match gratitude {
        None => add(
            "no-gratitude",
            Severity::Error,
            "No thanks anywhere: open by thanking them for the invitation and their time."
                .to_owned(),
            shape.sentences.first().map_or(whole, |s| (s.start, s.end)),
        ),
        Some(i) if i > 0 && i < shape.sentences.len() => {
            let s = shape.sentences[i];
            add(
                "gratitude-late",
                Severity::Info,
                "Thanks come first in a good decline: move this to the opening.".to_owned(),
                (s.start, s.end),
            );
        }
        _ => {}
    }
    let apologies: Vec<(usize, usize)> = APOLOGIES
        .iter()
        .flat_map(|w| find_words(&lower, w))
        .collect();
    if apologies.len() > 1 {
        let mut sorted = apologies;
        sorted.sort();
        add(
            "apology-excess",
            Severity::Warning,
            format!("{} apologies: one is enough, then move on.", sorted.len()),
            sorted[1],
        );
    }
    shouting(input.body, input.situation, &mut add);

    // --- content ---
    placeholders(input.body, &mut add);
    if let Some(s) = input.situation {
        if !s.offer_accepted {
            for phrase in ACCEPTED_OFFER {
                for (at, _) in lower.match_indices(phrase) {
                    let before = lower[..at].replace('’', "'");
                    let clause = before
                        .rsplit([',', '.', ';', '!', '?'])
                        .next()
                        .unwrap_or("");
                    if [" not ", "n't ", " never ", "not yet "]
                        .iter()
                        .any(|n| clause.contains(n))
                    {
                        continue;
                    }
                    add(
                        "dishonest-claim",
                        Severity::Error,
                        "This says you accepted another offer, but the Situation says you have not: say your circumstances changed instead.".to_owned(),
                        (at, at + phrase.len()),
                    );
                }
            }
        }
    }
    for phrase in PROTECTED {
        for hit in find_words(&lower, phrase) {
            if inside_names(input, hit) {
                continue;
            }
            add(
                "protected-attribute",
                Severity::Error,
                format!("“{}” touches a protected attribute (age, health, religion, family status…): keep reasons job-related.", &input.body[hit.0..hit.1]),
                hit,
            );
        }
    }
    for phrase in PERSONAL {
        for hit in find_words(&lower, phrase) {
            if inside_names(input, hit) {
                continue;
            }
            add(
                "oversharing-personal",
                Severity::Warning,
                format!("“{}” shares personal detail the recruiter does not need: a short, neutral reason is enough.", &input.body[hit.0..hit.1]),
                hit,
            );
        }
    }
    let words = text::word_count(input.body);
    let (limit, what) = match input.channel {
        Channel::Email => (EMAIL_MAX_WORDS, "an email"),
        Channel::Linkedin => (LINKEDIN_MAX_WORDS, "a LinkedIn message"),
        Channel::Phone => (PHONE_MAX_WORDS, "a phone script (60 s)"),
    };
    if words > limit {
        add(
            "over-explaining",
            Severity::Warning,
            format!("{words} words: keep {what} under about {limit}; a long explanation invites questions."),
            whole,
        );
    }
    // Many sentences of explanation are over-explaining even in a short message.
    let explaining: Vec<&Piece> = shape
        .sentences
        .iter()
        .filter(|s| {
            let l = &lower[s.start..s.end];
            REASON_MARKERS.iter().any(|m| l.contains(m)) || PERSONAL.iter().any(|p| l.contains(p))
        })
        .collect();
    if explaining.len() >= 3 && words <= limit {
        add(
            "over-explaining",
            Severity::Warning,
            format!(
                "{} sentences of explanation: one short, neutral reason is enough.",
                explaining.len()
            ),
            (explaining[0].start, explaining[explaining.len() - 1].end),
        );
    }
    for s in &shape.sentences {
        let n = text::word_count(s.text);
        let lower = s.text.to_lowercase();
        if n > REASON_MAX_WORDS && REASON_MARKERS.iter().any(|m| lower.contains(m)) {
            add(
                "over-explaining",
                Severity::Warning,
                format!("This reason runs to {n} words: one short, neutral sentence is enough."),
                (s.start, s.end),
            );
        }
    }

    // --- form ---
    if !speech && shape.sign_off.is_none() {
        let end = input.body.trim_end().len();
        let start = input.body[..end].rfind('\n').map_or(0, |i| i + 1);
        add(
            "no-closing",
            Severity::Warning,
            "No sign-off: end with a closing such as “Best regards,” and your name.".to_owned(),
            (start, end),
        );
    } else if !speech && shape.signature.is_empty() {
        let s = shape.sign_off.map_or(whole, |p| (p.start, p.end));
        add(
            "no-closing",
            Severity::Warning,
            "Add your name under the sign-off.".to_owned(),
            s,
        );
    }
    if purpose != Purpose::FollowUp {
        if let Some(s) = input.situation {
            if s.checklist.stay_connected && !FUTURE.iter().any(|f| lower.contains(f)) {
                add(
                    "no-future",
                    Severity::Info,
                    "You wanted to keep in touch: add a line that leaves the door open.".to_owned(),
                    shape.sentences.last().map_or(whole, |p| (p.start, p.end)),
                );
            }
        }
    }
    if let Some(s) = input.situation {
        let hours = (s.now_or(input.now) - s.invited_at).num_hours();
        let owns_up = [
            "sorry",
            "apolog",
            "delay",
            "late reply",
            "slow to reply",
            "slow reply",
            "took me",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if hours > 72 && purpose != Purpose::FollowUp && purpose != Purpose::Reopen && !owns_up {
            add(
                "late-response",
                Severity::Warning,
                format!("The invitation came {} days ago: reply today, and a short apology for the delay is fair.", hours / 24),
                shape.greeting.map_or((0, 0), |g| (g.start, g.end)),
            );
        }
    }

    // --- the subject ---
    if input.channel == Channel::Email {
        subject(input, &mut out);
    }
    out
}

fn purpose(input: &Input<'_>) -> Purpose {
    if let Some(p) = input.purpose {
        return p;
    }
    match input
        .situation
        .map(|s| advise(s, s.now_or(input.now)).verdict)
    {
        Some(Verdict::AskForTime) => Purpose::AskForTime,
        Some(Verdict::Negotiate) => Purpose::Negotiate,
        _ => Purpose::Decline,
    }
}

fn subject(input: &Input<'_>, out: &mut Vec<Finding>) {
    let Some(subject) = input.subject.filter(|s| !s.trim().is_empty()) else {
        out.push(Finding {
            rule: "missing-subject",
            severity: Severity::Warning,
            message: "No subject: say what it is about, e.g. “Data Engineer interview — Sam Lee”."
                .into(),
            part: Part::Subject,
            start: 0,
            end: 0,
            suggestion: None,
        });
        return;
    };
    let lower = subject.trim().to_lowercase();
    let bare = lower
        .trim_start_matches("re:")
        .trim_start_matches("fw:")
        .trim();
    let names_something = input.situation.is_some_and(|s| {
        [&s.role, &s.company]
            .iter()
            .any(|n| !n.is_empty() && lower.contains(&n.to_lowercase()))
    });
    let vague = VAGUE_SUBJECTS.contains(&bare.trim_end_matches(['.', '!', '?']))
        || (text::word_count(bare) < 3 && !names_something);
    if vague {
        out.push(Finding {
            rule: "vague-subject",
            severity: Severity::Warning,
            message: "The subject is vague: name the role and yourself, e.g. “Data Engineer interview — Sam Lee”.".into(),
            part: Part::Subject,
            start: 0,
            end: subject.len(),
            suggestion: input.situation.map(|s| {
                let who = s.sender.as_ref().and_then(|x| x.name.clone()).unwrap_or_default();
                if who.is_empty() {
                    format!("{} interview", s.role)
                } else {
                    format!("{} interview — {who}", s.role)
                }
            }),
        });
    }
    let caps = subject.chars().filter(|c| c.is_uppercase()).count();
    let letters = subject.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 8 && caps * 10 > letters * 7 || subject.contains("!!") {
        out.push(Finding {
            rule: "shouting",
            severity: Severity::Warning,
            message: "The subject shouts: use normal capitals and no exclamation marks.".into(),
            part: Part::Subject,
            start: 0,
            end: subject.len(),
            suggestion: None,
        });
    }
}

/// Whether a sentence states the message's decision or request.
pub(super) fn states_decision(s: &str, purpose: Purpose) -> bool {
    let list: &[&str] = match purpose {
        Purpose::Decline => DECISIONS,
        Purpose::AskForTime => TIME_REQUESTS,
        Purpose::Negotiate => CHANGE_REQUESTS,
        Purpose::Reopen => REOPEN_REQUESTS,
        Purpose::FollowUp => &[],
    };
    let s = s
        .replace('’', "'")
        .replace("won't", "will not")
        .replace("can't", "cannot")
        .replace("n't", " not")
        .replace("i'm", "i am")
        .replace("i'd", "i would")
        .replace("i'll", "i will");
    list.iter().any(|p| s.contains(p)) && !HEDGES.iter().any(|h| s.contains(h))
}

/// Whether a sentence thanks them; a curt "no thanks" is not thanks.
pub(super) fn thanks(s: &str) -> bool {
    let mut s = s.replace('’', "'");
    for t in TERSE {
        s = s.replace(t, " ");
    }
    GRATITUDE.iter().any(|g| s.contains(g))
}

/// Occurrences of `word` (lower-case ASCII) in `lower` (the body, ASCII-lower-cased) that are
/// whole words, as byte spans of the body.
fn find_words(lower: &str, word: &str) -> Vec<(usize, usize)> {
    lower
        .match_indices(word)
        .filter(|(at, _)| word_bounded(lower, *at, word.len()))
        .map(|(at, _)| (at, at + word.len()))
        .collect()
}

fn word_bounded(s: &str, at: usize, len: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at + len..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a span lies inside the company, role or a person's name as the Situation gives them
/// ("Age UK", "Wife & Co") — those are names, not statements.
fn inside_names(input: &Input<'_>, (start, end): (usize, usize)) -> bool {
    let Some(s) = input.situation else {
        return false;
    };
    let mut names = vec![s.company.as_str(), s.role.as_str()];
    if let Some(c) = &s.contact {
        names.extend(c.name.as_deref());
        names.extend(c.title.as_deref());
    }
    names.into_iter().filter(|n| !n.is_empty()).any(|n| {
        input
            .body
            .match_indices(n)
            .any(|(at, _)| at <= start && end <= at + n.len())
    })
}

fn placeholders(body: &str, add: &mut impl FnMut(&'static str, Severity, String, (usize, usize))) {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (open, close) = match bytes[i] {
            b'[' => (b'[', b']'),
            b'{' => (b'{', b'}'),
            b'<' => (b'<', b'>'),
            _ => (0, 0),
        };
        if open != 0 {
            if let Some(len) = body[i + 1..].find(close as char) {
                let inner = &body[i + 1..i + 1 + len];
                let looks = !inner.is_empty()
                    && inner.chars().count() <= 40
                    && !inner.contains('\n')
                    && inner.chars().any(char::is_alphabetic)
                    && (open != b'<'
                        || inner
                            .chars()
                            .all(|c| c.is_alphabetic() || c == ' ' || c == '_'))
                    && !inner.contains('@');
                if looks {
                    let end = i + 1 + len + 1;
                    // `{{ x }}` comes through as `{` + `{ x }` + `}`: report the whole.
                    let (s, e) = if open == b'{' && body[..i].ends_with('{') {
                        (i - 1, (end + 1).min(body.len()))
                    } else {
                        (i, end)
                    };
                    add(
                        "unfilled-placeholder",
                        Severity::Error,
                        format!(
                            "“{}” is a placeholder: fill it in or remove it.",
                            &body[s..e]
                        ),
                        (s, e),
                    );
                    i = e;
                    continue;
                }
            }
        }
        i += 1;
    }
    let lower = body.to_ascii_lowercase();
    for slot in SLOTS {
        let needle = format!("({slot})");
        for (at, _) in lower.match_indices(&needle) {
            add(
                "unfilled-placeholder",
                Severity::Error,
                format!(
                    "“{}” is a placeholder: fill it in or remove it.",
                    &body[at..at + needle.len()]
                ),
                (at, at + needle.len()),
            );
        }
    }
    for (at, run) in runs(body, '_') {
        if run >= 3 {
            add(
                "unfilled-placeholder",
                Severity::Error,
                "A blank to fill in: replace it with the real detail.".into(),
                (at, at + run),
            );
        }
    }
    for w in text::words(body, 0) {
        if w.text.len() >= 2 && w.text.chars().all(|c| c == 'X') {
            add(
                "unfilled-placeholder",
                Severity::Error,
                format!("“{}” stands in for a detail: fill it in.", w.text),
                (w.start, w.end),
            );
        }
    }
}

fn runs(body: &str, ch: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        match (c == ch, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i - s));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, body.len() - s));
    }
    out
}

fn shouting(
    body: &str,
    situation: Option<&crate::decide::Situation>,
    add: &mut impl FnMut(&'static str, Severity, String, (usize, usize)),
) {
    let names: Vec<String> = situation
        .map(|s| vec![s.company.clone(), s.role.clone()])
        .unwrap_or_default();
    let loud: Vec<Piece> = text::words(body, 0)
        .filter(|w| {
            w.text.chars().filter(|c| c.is_alphabetic()).count() >= 5
                && w.text.chars().all(|c| !c.is_lowercase())
                && w.text.chars().any(char::is_uppercase)
                && !names.iter().any(|n| n.contains(w.text))
        })
        .collect();
    if loud.len() >= 2 {
        add(
            "shouting",
            Severity::Warning,
            "Words in capitals read as shouting: write them normally.".into(),
            (loud[0].start, loud[loud.len() - 1].end),
        );
    }
    for (at, _) in body.match_indices("!!") {
        add(
            "shouting",
            Severity::Warning,
            "“!!” reads as shouting: one full stop is enough.".into(),
            (at, at + 2),
        );
    }
    let bangs = body.matches('!').count();
    if bangs >= 3 && !body.contains("!!") {
        let at = body.rfind('!').unwrap_or(0);
        add(
            "shouting",
            Severity::Warning,
            format!("{bangs} exclamation marks: keep a decline calm."),
            (at, at + 1),
        );
    }
}

// --- word lists (lower case; apostrophes straight: sentences are normalised before matching) ---

const DECISIONS: &[&str] = &[
    "withdraw",
    "decline",
    "declining",
    "step back",
    "stepping back",
    "step away",
    "stepping away",
    "not be moving forward",
    "not moving forward",
    "won't be moving forward",
    "will not be moving forward",
    "not proceed",
    "not be proceeding",
    "not to proceed",
    "not going ahead",
    "not go ahead",
    "not to go ahead",
    "not continue",
    "not be continuing",
    "not to continue",
    "no longer",
    "cancel",
    "turn down",
    "turning down",
    "not be attending",
    "won't be attending",
    "not pursue",
    "not to pursue",
    "not be pursuing",
    "my decision stands",
    "decision stands",
    "decision is final",
    "remove myself",
    "bow out",
    "not take this further",
    "not taking this further",
    "not be taking",
    "pass on this",
    "not accept",
    "stands as it is",
    "still stands",
    "has not changed",
    "hasn't changed",
    "remains the same",
    "not reconsider",
    "won't reconsider",
    "not change my decision",
    "not be able to continue",
    "unable to continue",
    "not be available to interview",
    "not be joining",
    "decided against",
    "not be interviewing",
    "not interview",
    "pull out",
    "pulling out",
    "pass on the",
    "not be taking part",
    "not take part",
    "not be going forward",
    "confirm what i said",
    "confirm my decision",
    "confirming my decision",
    "confirm that i",
    "as we discussed",
];

const TIME_REQUESTS: &[&str] = &[
    "more time",
    "a few more days",
    "a few days",
    "until ",
    "by the end of",
    "extra time",
    "a little longer",
    "couple of days",
    "short extension",
    "extension",
    "take some time",
    "get back to you by",
    "back to you on",
    "back to you before",
    "some more time",
];

const CHANGE_REQUESTS: &[&str] = &[
    "would it be possible",
    "flexib",
    "could be adjusted",
    "room to move",
    "any room",
    "could be arranged",
    "could be shaped",
    "could change",
    "could be changed",
    "open to adjusting",
    "could the role",
    "is there room",
    "would you consider",
    "open to discussing",
    "could we discuss",
    "possible to",
    "would there be",
    "could there be",
    "is it possible",
    "able to offer",
    "willing to",
];

const REOPEN_REQUESTS: &[&str] = &[
    "reopen",
    "re-open",
    "be considered again",
    "considered again",
    "reconsider my application",
    "back in the process",
    "rejoin the process",
    "re-join",
    "pick up where we left",
    "resume",
    "still be considered",
    "be considered for the",
    "considered once more",
    "return to the process",
    "take it forward",
    "back into the process",
];

const HEDGES: &[&str] = &[
    "might not",
    "may not be able",
    "probably won't",
    "probably will not",
    "probably not",
    "i'm not sure",
    "i am not sure",
    "not sure if",
    "not sure whether",
    "maybe i",
    "perhaps i",
    "i think i won't",
    "i think i will not",
    "leaning towards",
    "leaning toward",
    "might withdraw",
    "may withdraw",
    "might decline",
    "may decline",
    "could possibly",
    "at least for now",
];

/// Curt wherever they stand.
const TERSE: &[&str] = &[
    "no thanks",
    "no thank you",
    "no, thanks",
    "no, thank you",
    "not interested",
    "thanks but no",
    "thanks, but no",
    "nope",
];

/// Curt in a short sentence or message; fine inside a warm one ("so I'll pass on this one, but…").
const CURT_IN_SHORT: &[&str] = &[
    "i'll pass",
    "i’ll pass",
    "i will pass",
    "not for me",
    "pass on it",
];

/// Words that disparage wherever they stand.
const RUDE: &[&str] = &[
    "waste of time",
    "waste of my time",
    "wasted my time",
    "ridiculous",
    "insulting",
    "lowball",
    "low-ball",
    "lowballed",
    "laughable",
    "a joke",
    "incompetent",
    "unprofessional",
    "toxic",
    "pathetic",
    "scam",
    "clueless",
    "stupid",
    "disorganised",
    "disorganized",
    "shady",
    "amateurish",
    "disgraceful",
    "offensive",
    "poorly run",
    "badly run",
    "arrogant",
    "disrespectful",
    "underpaying",
    "underpaid",
];

/// Words that disparage when said about the company, the role, the pay or people.
const MILD: &[&str] = &[
    "terrible",
    "awful",
    "horrible",
    "mediocre",
    "worst",
    "chaotic",
    "cheap",
    "boring",
    "disappointing",
    "unimpressive",
    "messy",
    "subpar",
    "sub-par",
    "a mess",
];

/// What a decline must not run down.
const TARGETS: &[&str] = &[
    "offer",
    "salary",
    "pay",
    "compensation",
    "package",
    "benefits",
    "role",
    "job",
    "position",
    "process",
    "company",
    "team",
    "culture",
    "management",
    "manager",
    "managers",
    "recruiter",
    "interview",
    "interviewer",
    "interviewers",
    "people",
    "office",
    "product",
];

const GRATITUDE: &[&str] = &[
    "thank",
    "grateful",
    "appreciate",
    "appreciated",
    "gratitude",
    "thanks",
];

const APOLOGIES: &[&str] = &[
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "apology",
    "apologising",
    "apologizing",
];

const ACCEPTED_OFFER: &[&str] = &[
    "accepted another offer",
    "accepted an offer",
    "accepted another position",
    "accepted a position",
    "accepted another role",
    "accepted a role",
    "accepted another job",
    "accepted a job",
    "signed with another",
    "signed an offer",
    "taken another job",
    "taken another position",
    "took another job",
    "took another position",
    "accepted a different offer",
    "accepted a different role",
    "accepted an opportunity",
    "accepted a new role",
    "accepted a new position",
    "committed to another",
    "signed a contract",
    "agreed to join",
    "taken a job",
    "taken a position",
    "taken a role",
    "accepted a contract",
    "going with another offer",
];

const PROTECTED: &[&str] = &[
    "my age",
    "too old",
    "too young",
    "your age",
    "older candidates",
    "younger candidates",
    "pregnant",
    "pregnancy",
    "maternity",
    "paternity",
    "religion",
    "religious",
    "my faith",
    "my church",
    "my mosque",
    "my synagogue",
    "my temple",
    "ramadan",
    "sabbath",
    "disability",
    "disabled",
    "my illness",
    "illness",
    "my health",
    "health issue",
    "health issues",
    "health condition",
    "medical condition",
    "medical reasons",
    "diagnosis",
    "chemotherapy",
    "cancer",
    "ethnicity",
    "ethnic",
    "my race",
    "racial",
    "race of",
    "skin colour",
    "skin color",
    "my nationality",
    "your nationality",
    "marital status",
    "married",
    "divorce",
    "divorced",
    "my husband",
    "my wife",
    "widowed",
    "single mother",
    "single father",
    "sexual orientation",
    "gay",
    "lesbian",
    "transgender",
    "my gender",
    "your gender",
    "too many women",
    "too many men",
    "all-male",
    "all male",
    "all-female",
    "mental health",
    "depression",
    "anxiety disorder",
    "in their twenties",
    "in their thirties",
    "in their forties",
    "in their fifties",
    "in their sixties",
    "young team",
    "younger team",
    "older team",
    "older people",
    "younger people",
];

const PERSONAL: &[&str] = &[
    "my kids",
    "my children",
    "my child",
    "my son",
    "my daughter",
    "my baby",
    "my partner",
    "my family",
    "childcare",
    "my mortgage",
    "my rent",
    "my debt",
    "my debts",
    "my bills",
    "my loan",
    "bankrupt",
    "my savings",
    "my divorce",
    "my therapist",
    "my doctor",
    "my surgery",
    "surgery",
    "my boyfriend",
    "my girlfriend",
    "my landlord",
    "my mother",
    "my father",
    "my mum",
    "my mom",
    "my dad",
    "my parents",
    "break-up",
    "caring for my",
    "breakup",
    "personal finances",
    "money problems",
    "financial trouble",
];

/// Verbs a decision is made of: a hedge matters only next to one of these.
const DECISION_VERBS: &[&str] = &[
    "withdraw",
    "continue",
    "proceed",
    "declin",
    "change my mind",
    "move forward",
    "moving forward",
    "go ahead",
    "interview",
    "pursue",
    "accept",
    "join",
    "attend",
    "take the role",
    "take the position",
    "step back",
];

/// Words that stand for a detail in a template: "(Company Name)".
const SLOTS: &[&str] = &[
    "company name",
    "your name",
    "name",
    "position title",
    "job title",
    "date",
    "hiring manager",
    "recruiter name",
    "recipient",
    "insert name",
    "role name",
    "role title",
    "recruiter's name",
];

const REASON_MARKERS: &[&str] = &[
    "because",
    "since",
    "as i am",
    "as i'm",
    "as i have",
    "due to",
    "reason",
    "the thing is",
];

/// Phrases that keep the door open.
pub(super) const FUTURE: &[&str] = &[
    "in touch",
    "stay connected",
    "keep connected",
    "reconnect",
    "future",
    "cross again",
    "meet again",
    "work together again",
    "paths cross",
    "another time",
    "down the line",
    "later on",
    "remain in contact",
    "stay in contact",
    "hear from you",
    "speak again",
    "talk again",
    "next time",
    "other roles",
    "other opportunities",
    "work together",
];

const VAGUE_SUBJECTS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "question",
    "quick question",
    "update",
    "interview",
    "re",
    "fyi",
    "news",
    "about the interview",
    "interview update",
    "regarding interview",
    "important",
    "urgent",
    "thanks",
    "no subject",
    "(no subject)",
    "application",
    "job",
    "role",
];
