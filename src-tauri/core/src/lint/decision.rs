//! What a sentence decides or asks, read from its structure rather than matched as a phrase.
//!
//! A small grammar of first-person statements: a subject (`I`, `we`, or an imperative after
//! "please"/"kindly"), a verb group of auxiliaries, modals, adverbs and negation ("will not be
//! able to", "have decided to", "am going to have to"), then a decision predicate. Predicates come
//! in classes: a *declining* one decides when affirmed ("withdraw", "pass on this", "stay in my
//! current role", "cancel"), a *continuing* one when negated ("not proceed", "unable to attend",
//! "no longer looking"), and an *other offer* one states the reason that is itself the decision
//! ("accepted another position", "signed with another company"). Around that core:
//!
//! - negation is counted and raised through "I don't think I'll…" (firm, as people mean it);
//! - hedges ("may", "might", "maybe I", "probably", "not sure whether", "leaning towards") make
//!   the act hedged, which the proofreader reports as ambiguous;
//! - a question never decides ("Should I withdraw?"); it may *ask* — for more time, a new date,
//!   a change or to be considered again — which its content says;
//! - quoted words, reported speech ("you said I…") and `if`/`unless` clauses are not the
//!   writer's decision;
//! - a simple past ("I declined in March", "I had withdrawn") reports an earlier decision, which
//!   is what reopening and follow-up notes are built on;
//! - a decision may also be a noun phrase ("my decision stands", "my answer is still no") or a
//!   fragment ("Not interested.", "Withdrawing.").
//!
//! The purpose of a message is the strongest act it contains (see [`infer`]).

use std::sync::LazyLock;

use super::tokens::{Pattern, Tok};
use super::Purpose;

/// What a clause does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Declines or withdraws now.
    Decline,
    /// Cancels a scheduled interview.
    Cancel,
    /// Says another offer was accepted (the reason that is itself the decision).
    OtherOffer,
    /// Asks to move an interview.
    Reschedule,
    /// Asks for more time to decide.
    AskForTime,
    /// Asks for a change (pay, hours, start date, place).
    Negotiate,
    /// Asks to be considered again.
    Reopen,
    /// Reports a decline made earlier.
    PastDecline,
    /// Offers to keep in touch ("I'd love to stay on your radar").
    KeepInTouch,
    /// Tells of time gone by since ("it's been six months", "last spring").
    Gap,
}

/// One thing a sentence does, with the words that do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Act {
    /// What it does.
    pub kind: Kind,
    /// Softened by a hedge: not a firm decision.
    pub hedged: bool,
    /// Told as past ("I had accepted…"), not as the news of this message.
    pub past: bool,
    /// A request read only from weak signs (a weekday, "possible"): it yields to a decision.
    pub weak: bool,
    /// Byte offset of its first word.
    pub start: usize,
    /// Byte offset past its last word.
    pub end: usize,
}

impl Act {
    /// Whether this act, firm, states the decision a message for `purpose` must state.
    pub fn serves(&self, purpose: Purpose) -> bool {
        if self.past {
            return false;
        }
        match purpose {
            Purpose::Decline | Purpose::Cancel => {
                matches!(self.kind, Kind::Decline | Kind::Cancel | Kind::OtherOffer)
            }
            Purpose::Reschedule => self.kind == Kind::Reschedule,
            Purpose::AskForTime => self.kind == Kind::AskForTime,
            Purpose::Negotiate => self.kind == Kind::Negotiate,
            Purpose::Reopen => self.kind == Kind::Reopen,
            Purpose::FollowUp => false,
        }
    }
}

/// The purpose a set of acts shows: a request (reopen, reschedule, time, change) over a
/// cancellation over a decline; an earlier decline alone makes a follow-up; nothing, `None`.
pub fn infer<'a>(acts: impl Iterator<Item = &'a Act> + Clone) -> Option<Purpose> {
    const ORDER: [(Kind, Purpose); 7] = [
        (Kind::Reopen, Purpose::Reopen),
        (Kind::Reschedule, Purpose::Reschedule),
        (Kind::AskForTime, Purpose::AskForTime),
        (Kind::Negotiate, Purpose::Negotiate),
        (Kind::Cancel, Purpose::Cancel),
        (Kind::Decline, Purpose::Decline),
        (Kind::OtherOffer, Purpose::Decline),
    ];
    for (hedged, weak) in [(false, false), (false, true), (true, false), (true, true)] {
        for (kind, purpose) in ORDER {
            if acts
                .clone()
                .any(|a| a.kind == kind && a.hedged == hedged && a.weak == weak && !a.past)
            {
                return Some(purpose);
            }
        }
    }
    let has = |k: Kind| acts.clone().any(|a| a.kind == k);
    let earlier =
        has(Kind::PastDecline) || acts.clone().any(|a| a.past && a.kind == Kind::OtherOffer);
    (earlier || has(Kind::KeepInTouch) && has(Kind::Gap)).then_some(Purpose::FollowUp)
}

fn patterns(sources: &[&str]) -> Vec<Pattern> {
    sources.iter().map(|s| Pattern::new(s)).collect()
}

fn any(list: &[Pattern], toks: &[Tok]) -> Option<(usize, usize)> {
    list.iter().find_map(|p| p.find(toks))
}

/// Auxiliaries, modals and verbs of intent: the verb group before the predicate. Each says
/// whether it makes the clause present or future ("will", "am", "need") rather than past.
const AUX: &[(&str, bool)] = &[
    ("am", true),
    ("is", true),
    ("are", true),
    ("was", false),
    ("were", false),
    ("be", true),
    ("been", true),
    ("being", true),
    ("have", true),
    ("has", true),
    ("will", true),
    ("would", true),
    ("shall", true),
    ("should", true),
    ("must", true),
    ("can", true),
    ("could", false),
    ("do", true),
    ("does", true),
    ("did", false),
    ("need", true),
    ("needs", true),
    ("needed", false),
    ("to", false),
    ("going", true),
    ("got", false),
    ("want", true),
    ("wanted", false),
    ("wish", true),
    ("like", true),
    ("love", true),
    ("prefer", true),
    ("rather", true),
    ("decided", false),
    ("decide", true),
    ("chosen", false),
    ("chose", false),
    ("choose", true),
    ("writing", true),
    ("write", true),
    ("calling", true),
    ("ringing", true),
    ("phoning", true),
    ("contacting", true),
    ("ask", true),
    ("asking", true),
    ("able", true),
    ("committed", true),
    ("determined", true),
    ("intend", true),
    ("planning", true),
    ("ready", true),
    ("value", true),
    ("appreciate", true),
    ("request", true),
    ("requesting", true),
    ("hereby", true),
    ("happy", true),
    ("glad", true),
    ("pleased", true),
    ("grateful", true),
];

/// Verbs of wanting: a time span after them is a request ("I'd like a few days").
const WANTING: &[&str] = &[
    "need",
    "needs",
    "like",
    "love",
    "want",
    "wish",
    "value",
    "appreciate",
    "request",
    "ask",
    "prefer",
    "requesting",
    "grateful",
    "asking",
];

/// Adverbs that may stand in a verb group without changing what it decides.
const ADVERBS: &[&str] = &[
    "also",
    "just",
    "actually",
    "already",
    "recently",
    "now",
    "still",
    "really",
    "genuinely",
    "honestly",
    "respectfully",
    "unfortunately",
    "regretfully",
    "reluctantly",
    "sadly",
    "therefore",
    "thus",
    "hence",
    "so",
    "then",
    "kindly",
    "officially",
    "formally",
    "finally",
    "ultimately",
    "definitely",
    "certainly",
    "simply",
    "currently",
    "since",
    "very",
    "much",
    "politely",
    "afraid",
    "sorry",
    "gladly",
    "truly",
    "sincerely",
    "unfortunatly",
    "regrettably",
    "instead",
    "please",
    "at",
    "this",
    "point",
    "stage",
    "time",
];

/// An adverb by its form ("definitely", "regretfully", and the usual misspellings).
fn adverb_like(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !HEDGES.contains(&w)
        || matches!(w, "definately" | "definitly" | "defintely" | "unfortunetly")
}

/// Hedges: the act is not firm.
const HEDGES: &[&str] = &[
    "veering", "inclined", "tempted", "may", "might", "maybe", "perhaps", "probably", "possibly",
    "likely", "unsure", "leaning", "towards", "toward", "whether",
];

/// Verbs whose negation passes to the clause they introduce ("I don't think I will…").
const RAISING: &[&str] = &[
    "think", "believe", "feel", "suppose", "expect", "guess", "reckon", "sure", "certain",
];

/// Past forms of declining verbs: with no auxiliary they report an earlier decision.
const PAST_FORMS: &[&str] = &[
    "withdrew",
    "declined",
    "turned",
    "passed",
    "stepped",
    "pulled",
    "backed",
    "bowed",
    "dropped",
    "opted",
    "said",
    "cancelled",
    "canceled",
    "removed",
];

/// How a predicate decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Decides when affirmed ("withdraw", "cancel").
    Affirmed(Kind),
    /// Declines when negated ("not proceed", "unable to attend").
    Negated,
    /// Another offer accepted.
    Other,
    /// A request stated as a plan ("I need to move the interview", "I'd like a few days").
    Request(Kind),
    /// A span of time wanted ("I'd like a few days to think it over").
    TimeSpan,
    /// A date wanted ("I'd like until Friday").
    Until,
}

/// Predicates, tried in order at the word after the verb group.
static PREDICATES: LazyLock<Vec<(Pattern, Class)>> = LazyLock::new(|| {
    use Class::*;
    use Kind::*;
    let list: &[(&str, Class)] = &[
        // Another offer first: "join another company" is not "join".
        ("accept|accepts|accepting|accepted|acepted another|an|a|their|other|different ~4 offer|offers|ofer|position*|role|roles|job|opportunit*|internship|contract|post|placement", Other),
        ("accept|accepts|accepting|accepted|acepted the other|alternative", Other),
        ("take|takes|took|taken|taking another|a|an ~3 job|position|role|offer|opportunit*|post", Other),
        ("go|going|gone|went ahead|forward with another|the|a ~1 other|different|offer|opportunit*|role|position", Other),
        ("go|going|gone|went with another|the|a ~1 other|different|offer|opportunit*|role|position|company", Other),
        ("sign|signs|signed|signing with|an|a ~3 another|offer|contract|elsewhere|company|organisation|organization|firm", Other),
        ("sign|signs|signed|signing elsewhere", Other),
        ("commit|commits|committed|committing to another", Other),
        ("commit|commits|committed|committing to a|the other|different|new ~1 role|position|offer|company|employer|job|organisation|organization", Other),
        ("join|joining another|the ~1 other|different|company|organisation|organization|firm|team", Other),
        ("chose|chosen|choose another|a ~1 different|offer|opportunit*|position|role", Other),
        ("found|find|got another|a new ~1 job|role|position", Other),
        ("pursue|pursuing|pursued another ~1 offer|opportunit*|position|role|direction|path", Affirmed(Decline)),
        ("pursue|pursuing|pursued a different|new|other ~1 offer|opportunit*|position|role|direction|path", Affirmed(Decline)),
        ("take|takes|took|taken|taking up another|a|an|the ~3 job|position|role|offer|opportunit*|post", Other),
        ("accept|accepts|accepting|accepted ~3 counter-offer|counteroffer|counter", Affirmed(Decline)),
        ("given|made|gave my commitment to", Other),
        // Requests stated as plans.
        ("move|moving|reschedule|rescheduling|rearrange|rearranging|postpone|postponing|push|pushing|shift|rebook|change ~2 interview|interviews|it|call|meeting|chat|appointment|slot|date|time|tomorrow*|today*|monday*|tuesday*|wednesday*|thursday*|friday*|saturday*|sunday*", Request(Reschedule)),
        ("reschedule|rescheduling|rearrange|rearranging|postpone|postponing", Request(Reschedule)),
        ("a|some|more|another|about|around|roughly|at|extra|one|two|three|few|couple|little|bit ~3 time|days|day|week|weeks|month|months|extension", TimeSpan),
        ("give|giving|grant me ~2 time|until|till|a|more|some|another|an", Request(AskForTime)),
        ("until|till|untill", Until),
        ("revert|respond|reply|decide|confirm|answer ~3 by|until|till|before", Request(AskForTime)),
        ("get|come|getting|coming back ~3 by|until|till|before", Request(AskForTime)),
        ("be|being considered|reconsidered ~2 again|once", Request(Reopen)),
        ("be|being reconsidered", Request(Reopen)),
        ("consider|reconsider ~2 me|my ~1 application|candidature|candidacy|profile ~1 again", Request(Reopen)),
        // Declining when affirmed.
        ("withdraw|withdraws|withdrawing|withdrew|withdrawn|withdrawl", Affirmed(Decline)),
        ("decline|declines|declining|declined|declne", Affirmed(Decline)),
        ("turn|turns|turning|turned ~2 down", Affirmed(Decline)),
        ("step|steps|stepping|stepped back|away|aside|down", Affirmed(Decline)),
        ("pull|pulling|pulled|back|backing|backed|bow|bowing|bowed|drop|dropping|dropped|opt|opting|opted out", Affirmed(Decline)),
        ("remove|removing myself|me|my", Affirmed(Decline)),
        ("close|closing my application|candidature", Affirmed(Decline)),
        ("say|saying|said no", Affirmed(Decline)),
        ("decide|decided against", Affirmed(Decline)),
        ("stay|staying|stayed|remain|remaining|remained|continue|continuing|stick|sticking|keep ~5 current|present|existing|where|put|here|decision", Affirmed(Decline)),
        ("stick|sticking with|to it|that", Affirmed(Decline)),
        ("cancel|cancels|cancelling|canceling|cancelled|canceled", Affirmed(Cancel)),
        ("out ,|.|!|—|-", Affirmed(Decline)),
        ("go|going|gone|went in a|another ~1 different|other direction", Affirmed(Decline)),
        ("give|giving ~2 a miss", Affirmed(Decline)),
        ("call|calling ~1 it|this off", Affirmed(Cancel)),
        ("sit|sitting ~2 out", Affirmed(Decline)),
        ("skip|skipping this|it|the ~1 one|interview|round", Affirmed(Decline)),
        // Declining when negated.
        ("proceed*|progress*|continu*|attend*|come|coming|join|joining|pursu*|persu*", Negated),
        ("move|moving|go|going ahead|forward", Negated),
        ("take|taking|taken ~4 forward|further", Negated),
        ("take|taking|taken up ~2 role|position|offer|job|opportunity|post", Negated),
        ("interview|interested|intrested|keen|available|considering|exploring|explore|looking|look|relocat*", Negated),
        ("accept|accepting the|your|this ~1 offer|invitation|role|position", Negated),
        ("accept|accepting it|them", Negated),
        ("accept|accepting ,|.|;|as|because|since|due|at|for", Negated),
        ("go to the|my|an|this|that ~1 interview|assessment|meeting", Negated),
        ("in the running|race", Negated),
        ("make it", Negated),
        ("make the ~2 interview|slot|time|date", Negated),
        ("move|moving to|abroad|there|countries|cities", Negated),
        ("put forward", Negated),
        ("change|changing ~1 my decision|mind|answer", Negated),
        ("reconsider|reconsidering", Negated),
        ("go|going further", Negated),
        ("take|taking ~2 interview|call|role|position|job", Negated),
        ("open to", Negated),
        ("on the market", Negated),
        ("be|being considered", Negated),
        ("consider|considering a|the|any|this|it|moving", Negated),
        ("take|taking part", Negated),
    ];
    list.iter().map(|(s, c)| (Pattern::new(s), *c)).collect()
});

/// "pass", "pass on this one", "pass for now" — not "pass on my thanks".
fn pass_at(toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if !matches!(t.w.as_str(), "pass" | "passing" | "passed") {
        return None;
    }
    let next = toks.get(k + 1).map(|t| t.w.as_str());
    let after = toks.get(k + 2).map(|t| t.w.as_str());
    let ok = match next {
        None => true,
        Some("on") => {
            !matches!(
                after,
                Some("my" | "our" | "your" | "along" | "the" | "a" | "an")
            ) || toks[k + 2..].iter().take(5).any(|t| {
                matches!(
                    t.w.as_str(),
                    "interview"
                        | "role"
                        | "opportunity"
                        | "offer"
                        | "invitation"
                        | "position"
                        | "job"
                        | "chance"
                        | "post"
                        | "process"
                )
            })
        }
        Some(
            "this" | "for" | "but" | "at" | "though" | "thanks" | "," | "." | "!" | "—" | "–" | "-"
            | ";",
        ) => true,
        _ => false,
    };
    ok.then_some(k + 1)
}

/// Sentence-level forms: decision nouns, fragments, requests to reopen.
static DECISION_NOUNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "my|the decision|answer|position|choice ~12 stands|stand",
        "my|the decision|answer|position|choice|mind ~5 final|unchanged|same|firm|made",
        "decision|answer|position|mind ~4 not change|changed",
        "answer is ~1 no",
        "take this as a ~1 no",
        "this ~2 my ~1 formal|official ~1 withdrawal|notice",
        "count me out",
        "no intention of ~2 attending|continuing|proceeding|joining|pursuing|leaving|moving|accepting",
        "no interest in ~2 role|position|opportunity|job|moving|proceeding",
        "confirm|confirming ~1 my withdrawal|decision",
        "notice of my withdrawal",
        "accept ~3 my withdrawal",
        "it is a no",
        "a no from me",
        "a ~1 hard|firm|clear|definite no",
        "go|proceed|move ahead|forward with ~1 other candidates|applicants",
        "proceed with ~1 other candidates|applicants",
    ])
});

/// Sentences that say the decision is open, whatever their verbs ("I could go either way",
/// "part of me wants to…", "I haven't fully decided").
static UNDECIDED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "go either way",
        "part of me",
        "not ~1 fully|quite|totally|entirely|completely|yet decided",
        "not ~2 sure yet|whether|if",
        "on the fence",
        "in two minds",
        "torn between",
        "still deciding|undecided",
        "i ~2 may or may not",
        "could|might ~1 still change",
        "it could|might change",
        "60|70|50 / 40|30|50",
        "fifty-fifty",
    ])
});

static FRAGMENTS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "not ~1 interested|intrested|interessted|looking|exploring|pursuing",
        "no longer ~1 interested|looking|pursuing|available",
        "no thanks|thank",
        "nope|nah",
        "but no .|!",
        "not for me",
        "not the right time|fit|move|step|moment for me",
        "not ~1 right for me",
        "unable to proceed|attend|continue|relocate|join",
    ])
});

static REOPEN: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "be considered ~2 again|once",
        "consider ~2 me ~2 again",
        "consider ~2 my ~1 application|candidature|candidacy|profile ~2 again",
        "still be considered",
        "reconsider|reconsidered ~1 my|me|the ~1 application|candidature|candidacy",
        "be reconsidered",
        "reopen*|re-open*|rejoin*|re-join*",
        "back into|in the process",
        "grateful|glad|happy|welcome|appreciate ~2 the|a chance to interview",
        "back in the running|ring",
        "still be ~2 part of|in the process",
        "ask|asking|wondering|know ~2 if|whether ~4 still open|available",
    ])
});

/// "Last spring", "in March", "six months ago": the sentence tells the past.
static PAST_TIME: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "ago",
        "last week|month|year|spring|summer|autumn|fall|winter|time|monday|tuesday|wednesday|thursday|friday",
        "in january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter",
        "back in",
        "at the|that time",
        "when we ~1 spoke|talked|met",
        "earlier this year",
        "previously",
    ])
});

/// An offer to keep in touch, and time gone by: together, a follow-up note.
static KEEP_IN_TOUCH: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "stay|keep|remain in touch|contact",
        "stay|keep connected",
        "on your radar",
        "keep me in mind",
        "kept in mind",
        "reconnect|catch",
        "hear|hearing ~3 future|opportunities|openings|roles|positions|anything",
        "catching|renew",
        "be considered should|if|when",
        "future opportunities|openings|roles",
        "open to ~2 conversation|opportunities|roles|move|change",
    ])
});

static GAP: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "months|years|year|while ago|back",
        "months have passed",
        "since we ~2 spoke|talked|corresponded|met|were",
        "last year|spring|summer|autumn|fall|winter",
        "it is|has been ~3 months|while|year|years|time",
        "since we ~1 last ~1 spoke|talked|met",
        "back in",
        "earlier this year",
    ])
});

/// Words that ask: "I wanted to ask whether", "I was wondering if", "I'd like to discuss".
static ASKING: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "ask|asking|wondering|wonder|know|enquire|inquire ~6 whether|if|about",
        "discuss",
        "grateful|appreciate ~2 if",
        "hoping for|to",
    ])
});

/// What a request asks for, strongest first.
static NEGOTIATE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "salary|pay|rate|base|package|ctc|lpa|remote*|hybrid|four-day|part-time|flexibility|relocation|increase|compensation|bonus|equity|allowance|wage*|hourly|percent|%|$|£|€|match",
        "room to|on|for",
        "any room",
        "start date|on|in|from",
        "starting date|on",
        "days a|per week",
        "day week|basis",
        "working week|pattern|arrangement*|hours",
    ])
});

static RESCHEDULE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "move|moving|reschedule|rescheduling|rearrange|rebook|postpone|push|shift|instead|alternative",
        "another|different|other|new time|date|day|slot",
        "find a time",
        "see me on",
        "do the interview|call",
        "do it at|on",
    ])
});

static TIME: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "until|untill|till|decide|decision|desicion|decison|descision|answer|revert|respond|extension",
        "confirm*",
        "get|got|come|getting back",
        "let you know by|before|until|on",
        "think it|things over",
        "more time|days",
        "few more|days",
        "a week",
        "a bit|little more|longer",
        "couple of days",
        "hold off",
    ])
});

static DAYISH: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "monday*|tuesday*|wednesday*|thursday*|friday*|saturday*|sunday*|tomorrow*|week|weekend|morning|afternoon|evening",
        "january|february|march|april|june|july|august|september|october|november|december",
        "1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th|13th|14th|15th|16th|17th|18th|19th|20th|21st|22nd|23rd|24th|25th|26th|27th|28th|29th|30th|31st",
    ])
});

static WEAK_NEGOTIATE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "consider|flexible|adjust*|arrangement|possible|differently|hours|location|shaped|arranged",
    ])
});

static CANCEL_REQUEST: LazyLock<Vec<Pattern>> =
    LazyLock::new(|| patterns(&["cancel|cancelling|canceling", "withdraw|remove ~1 my|me"]));

/// What a request (a question, "I wanted to ask whether…", an `if` offer) asks for, and
/// whether only weak signs say so.
fn request(toks: &[Tok]) -> Option<(Kind, bool)> {
    // "before I decide", "help me make up my mind": why it is asked, not what.
    static CONTEXT: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
        patterns(&[
            "before i|we ~2 decide|decision|mind|confirm",
            "help me ~2 decide|decision|mind",
            "make up my mind",
        ])
    });
    let mut skip = vec![false; toks.len()];
    for p in CONTEXT.iter() {
        for (a, b) in p.find_all(toks) {
            skip[a..b].iter_mut().for_each(|s| *s = true);
        }
    }
    let kept: Vec<Tok> = toks
        .iter()
        .zip(&skip)
        .filter(|(_, s)| !**s)
        .map(|(t, _)| t.clone())
        .collect();
    let toks = &kept[..];
    if let Some((a, _)) = any(&CANCEL_REQUEST, toks) {
        let kind = if toks[a].w.starts_with("cancel") {
            Kind::Cancel
        } else {
            Kind::Decline
        };
        Some((kind, false))
    } else if any(&NEGOTIATE, toks).is_some() {
        Some((Kind::Negotiate, false))
    } else if any(&RESCHEDULE, toks).is_some() {
        Some((Kind::Reschedule, false))
    } else if any(&TIME, toks).is_some() {
        Some((Kind::AskForTime, false))
    } else if any(&DAYISH, toks).is_some() || clock_time(toks) {
        Some((Kind::Reschedule, true))
    } else if any(&WEAK_NEGOTIATE, toks).is_some() {
        Some((Kind::Negotiate, true))
    } else {
        None
    }
}

/// A time of day: "10am", "3 pm", "11:00".
fn clock_time(toks: &[Tok]) -> bool {
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    toks.windows(2).any(|w| {
        digits(&w[0].w) && (matches!(w[1].w.as_str(), "am" | "pm" | ":") || w[1].w == "o'clock")
    }) || toks.iter().any(|t| {
        t.w.strip_suffix("am")
            .or_else(|| t.w.strip_suffix("pm"))
            .is_some_and(digits)
    })
}

/// Why a token is not the writer's own statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    Own,
    Quoted,
    Reported,
    Conditional,
}

fn masks(toks: &[Tok]) -> Vec<Mask> {
    let mut out: Vec<Mask> = toks
        .iter()
        .map(|t| if t.quoted { Mask::Quoted } else { Mask::Own })
        .collect();
    let ends = |t: &Tok| t.boundary() || t.w == "," || t.w == "but" || t.w == "then";
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].w.as_str();
        let prev = i.checked_sub(1).map(|p| toks[p].w.as_str());
        let reporting = matches!(
            w,
            "said"
                | "say"
                | "says"
                | "mentioned"
                | "asked"
                | "told"
                | "wrote"
                | "suggested"
                | "claimed"
                | "thought"
                | "think"
                | "wondered"
        ) && matches!(
            prev,
            Some("you" | "he" | "she" | "they" | "someone" | "who" | "recruiter" | "manager")
        );
        let conditional = matches!(w, "if" | "unless")
            && !toks[i.saturating_sub(5)..i]
                .iter()
                .any(|t| matches!(t.w.as_str(), "better" | "best" | "fair" | "right"));
        if reporting || conditional {
            let mask = if reporting {
                Mask::Reported
            } else {
                Mask::Conditional
            };
            let mut j = i + 1;
            while j < toks.len() && !ends(&toks[j]) {
                if out[j] == Mask::Own {
                    out[j] = mask;
                }
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// What the verb group has said so far.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// Negated an odd number of times ("not", "never", "unable", "no longer").
    neg: bool,
    /// A verb of wanting came first ("I'd like", "I need"): a time span after it is asked for.
    want: bool,
    /// Softened ("may", "probably", "not sure whether").
    hedged: bool,
    /// Past perfect ("I had withdrawn").
    had: bool,
    /// An auxiliary came first (so "declined" is a participle, not a simple past).
    aux: bool,
    /// A present or future auxiliary came first ("will", "am", "need").
    present: bool,
}

/// One sentence being read: its tokens and what holds for all of them.
struct Sentence<'t> {
    toks: &'t [Tok],
    mask: Vec<Mask>,
    /// Ends with a question mark: it may ask, never decide.
    question: bool,
    /// Tells of the past ("last spring", "in March").
    past_time: bool,
}

impl<'t> Sentence<'t> {
    fn new(toks: &'t [Tok]) -> Sentence<'t> {
        let question = toks
            .iter()
            .rev()
            .find(|t| !matches!(t.w.as_str(), "\"" | "”" | "’" | ")" | "'"))
            .is_some_and(|t| t.w == "?");
        Sentence {
            toks,
            mask: masks(toks),
            question,
            past_time: any(&PAST_TIME, toks).is_some(),
        }
    }

    /// Whether token `i` is the writer's own words.
    fn own(&self, i: usize) -> bool {
        self.mask.get(i) == Some(&Mask::Own)
    }

    /// The byte span of tokens `a..b`.
    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b.max(a + 1) - 1].end)
    }

    fn act(&self, kind: Kind, (a, b): (usize, usize)) -> Act {
        let (start, end) = self.span(a, b);
        Act {
            kind,
            hedged: false,
            past: false,
            weak: false,
            start,
            end,
        }
    }

    /// Where a clause of the writer's own begins, and the flags it begins with: after `I`/`we`
    /// (hedged by a "maybe" just before), after "please"/"kindly" opening a clause, and after
    /// "and"/"but" carrying on a clause with a new verb group ("…and will not be pursuing it").
    fn clause_start(&self, i: usize, seen_subject: bool) -> Option<Flags> {
        let toks = self.toks;
        let w = toks[i].w.as_str();
        let opens = i == 0
            || toks[i - 1].punct()
            || matches!(
                toks[i - 1].w.as_str(),
                "so" | "and" | "but" | "then" | "therefore"
            );
        match w {
            "i" | "we" => Some(Flags {
                hedged: toks[i.saturating_sub(2)..i]
                    .iter()
                    .any(|t| matches!(t.w.as_str(), "maybe" | "perhaps" | "probably" | "possibly")),
                ..Flags::default()
            }),
            "please" | "kindly" if opens => Some(Flags::default()),
            "and" | "but" | "so"
                if seen_subject
                    && toks.get(i + 1).is_some_and(|t| {
                        matches!(
                            t.w.as_str(),
                            "not" | "will" | "would" | "must" | "am" | "have" | "need" | "can"
                        )
                    }) =>
            {
                Some(Flags::default())
            }
            _ => None,
        }
    }

    /// What the writer's first-person clauses do.
    fn clauses(&self) -> Vec<Act> {
        let mut acts = Vec::new();
        let mut consumed = vec![false; self.toks.len()];
        let mut reported_past = false;
        let mut seen_subject = false;
        for i in 0..self.toks.len() {
            if consumed[i] || !self.own(i) {
                continue;
            }
            let Some(flags) = self.clause_start(i, seen_subject) else {
                continue;
            };
            seen_subject |= matches!(self.toks[i].w.as_str(), "i" | "we");
            if let Some(a) = self.verb_group(i, flags, &mut consumed, &mut reported_past) {
                acts.push(a);
            }
        }
        acts
    }

    /// Reads the verb group after the subject at `subject` up to its predicate, and what the
    /// clause then does. Marks subjects it reads through ("I don't think I…") as consumed, and
    /// notes a past report of one's own words ("I had informed you that I…").
    fn verb_group(
        &self,
        subject: usize,
        mut flags: Flags,
        consumed: &mut [bool],
        reported_past: &mut bool,
    ) -> Option<Act> {
        let toks = self.toks;
        let n = toks.len();
        let mut k = subject + 1;
        while k < n && self.own(k) {
            let t = &toks[k];
            let w = t.w.as_str();
            let comma_goes_on = w == ","
                && matches!(
                    toks.get(k + 1).map(|t| t.w.as_str()),
                    Some("however" | "therefore" | "though")
                );
            if t.boundary() || w == "," && !comma_goes_on {
                return None;
            }
            // A predicate? The first of the matching ones that decides something, in order. One
            // that decides nothing ends the clause, unless the word is also an auxiliary
            // ("going" in "I'm going to decline").
            let matching = predicates(toks, k);
            if !matching.is_empty() {
                let act = matching
                    .into_iter()
                    .find_map(|(end, class)| self.decide(class, subject, end, flags));
                if act.is_some() || !AUX.iter().any(|(a, _)| *a == w) {
                    return act
                        .map(|a| self.as_told(a, w, flags, *reported_past))
                        .filter(|a| !(self.question && deciding(a.kind)));
                }
            }
            if pass_at(toks, k).is_some() {
                if flags.neg || self.question {
                    return None;
                }
                let (start, end) = self.span(subject, k + 1);
                let a = Act {
                    kind: Kind::Decline,
                    hedged: flags.hedged,
                    past: false,
                    weak: false,
                    start,
                    end,
                };
                return Some(self.as_told(a, w, flags, *reported_past));
            }
            match w {
                "not" | "never" | "unable" => flags.neg = !flags.neg,
                "no" if toks.get(k + 1).is_some_and(|t| t.w == "longer") => {
                    flags.neg = !flags.neg;
                    k += 1;
                }
                "had" => {
                    flags.had = true;
                    flags.aux = true;
                }
                _ if HEDGES.contains(&w) => flags.hedged = true,
                _ if RAISING.contains(&w) => {
                    // "I don't think (that) I'll…": the negation belongs to the clause it
                    // introduces. "I feel it would be best not to…": so does the rest.
                    // "I'm not sure whether I…": the clause is left open.
                    if matches!(w, "sure" | "certain") && flags.neg {
                        flags.neg = false;
                        flags.hedged = true;
                    }
                    let mut j = k + 1;
                    while let Some(c) = toks
                        .get(j)
                        .filter(|t| matches!(t.w.as_str(), "that" | "whether" | "if"))
                    {
                        flags.hedged |= c.w != "that";
                        j += 1;
                    }
                    if toks
                        .get(j)
                        .is_some_and(|t| matches!(t.w.as_str(), "i" | "we"))
                    {
                        consumed[j] = true;
                        k = j;
                    } else if toks.get(j).is_some_and(|t| t.w == "it") {
                        // "it would be best/better (for me) (not) to …"
                        let mut m = j + 1;
                        while m < n.min(j + 7)
                            && matches!(
                                toks[m].w.as_str(),
                                "would"
                                    | "is"
                                    | "be"
                                    | "best"
                                    | "better"
                                    | "for"
                                    | "me"
                                    | "both"
                                    | "of"
                                    | "us"
                                    | "wiser"
                            )
                        {
                            m += 1;
                        }
                        k = m - 1;
                    } else {
                        return None;
                    }
                }
                "informed" | "told" | "said" | "mentioned" | "wrote" | "explained" | "emailed"
                    if (flags.had || !flags.aux)
                        && toks.get(k + 1).is_some_and(|t| {
                            matches!(t.w.as_str(), "you" | "that" | "i" | "we")
                        }) =>
                {
                    *reported_past = true;
                    return None;
                }
                // "I would request you to…", "I'm writing to ask you to…"
                "request" | "ask" | "requesting" | "asking"
                    if toks.get(k + 1).is_some_and(|t| t.w == "you")
                        && toks.get(k + 2).is_some_and(|t| t.w == "to") =>
                {
                    k += 2;
                }
                // "ask for a few days", "grateful for a few days"
                "for" if flags.want => {}
                "let" if word_at(toks, k + 1, "you") && word_at(toks, k + 2, "know") => k += 2,
                // "I have made the decision to…", "I've made up my mind to…"
                "made" | "make" | "taken" | "reached" | "come"
                    if toks
                        .get(k + 1)
                        .is_some_and(|t| matches!(t.w.as_str(), "the" | "a" | "my"))
                        && word_at(toks, k + 2, "decision") =>
                {
                    k += 2;
                }
                "made" | "make" if word_at(toks, k + 1, "up") && word_at(toks, k + 3, "mind") => {
                    k += 3;
                }
                "in" if word_at(toks, k + 1, "a") && word_at(toks, k + 2, "position") => k += 2,
                _ => {
                    if let Some(&(_, present)) = AUX.iter().find(|(a, _)| *a == w) {
                        flags.aux = true;
                        flags.present |= present;
                        flags.want |= WANTING.contains(&w);
                    } else if !(ADVERBS.contains(&w) || adverb_like(w)) {
                        return None;
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// What a predicate of `class` (ending at token `end`) does after the verb group's `flags`.
    fn decide(&self, class: Class, subject: usize, end: usize, flags: Flags) -> Option<Act> {
        let act = |kind| Act {
            hedged: flags.hedged,
            ..self.act(kind, (subject, end))
        };
        match class {
            Class::Affirmed(kind) if !flags.neg => Some(act(kind)),
            Class::Negated if flags.neg => Some(act(Kind::Decline)),
            // "Maybe I'll join, maybe not": a decision mentioned, and left open.
            Class::Affirmed(_) | Class::Negated if flags.hedged => Some(act(Kind::Decline)),
            Class::Other if !flags.neg => Some(Act {
                past: flags.had,
                ..act(Kind::OtherOffer)
            }),
            Class::TimeSpan if !flags.neg && flags.want && time_for_deciding(self.toks, end) => {
                Some(act(Kind::AskForTime))
            }
            Class::Request(kind) if !flags.neg => Some(act(kind)),
            Class::Until if flags.want && !flags.neg => Some(act(Kind::AskForTime)),
            _ => None,
        }
    }

    /// A decline told as past — a simple past ("I declined"), a past perfect, one's own past
    /// words reported, or a past verb group in a sentence about the past — is a report of an
    /// earlier decision, not this message's.
    fn as_told(&self, mut a: Act, verb: &str, flags: Flags, reported_past: bool) -> Act {
        let past_form = PAST_FORMS.contains(&verb) && !flags.aux;
        let past_like = past_form || (flags.aux && !flags.present);
        let declining = matches!(a.kind, Kind::Decline | Kind::Cancel);
        if declining && (flags.had || past_form || reported_past || self.past_time && past_like) {
            a.kind = Kind::PastDecline;
            a.hedged = false;
        }
        a
    }

    /// "If nothing changes, I will withdraw": a decision on a condition is not yet one. A
    /// condition governs the clause it stands in ("if X, I will…", "I will… if X"), not one
    /// after "but" ("…, but as it isn't, I'll decline"); "if that's all right" is politeness.
    fn hedge_conditions(&self, acts: &mut [Act]) {
        let toks = self.toks;
        for at in (0..toks.len()).filter(|&i| conditional_if(toks, i)) {
            let if_start = toks[at].start;
            for a in acts
                .iter_mut()
                .filter(|a| matches!(a.kind, Kind::Decline | Kind::Cancel))
            {
                let between = |from: usize, to: usize, words: &[&str]| {
                    toks.iter()
                        .any(|t| t.start >= from && t.start < to && words.contains(&t.w.as_str()))
                };
                let governs = if if_start < a.start {
                    !between(if_start + 1, a.start, &["but", ";", "so"])
                } else {
                    !between(a.end, if_start, &[",", "but", "and", ";", "—", "–"])
                };
                a.hedged |= governs;
            }
        }
    }

    /// Decisions without a first-person verb: "My decision stands.", "Not interested.",
    /// "Withdrawing.", "nah, pass".
    fn nouns_and_fragments(&self) -> Vec<Act> {
        let toks = self.toks;
        let mut acts = Vec::new();
        let affirmed = |&(a, b): &(usize, usize)| {
            self.own(a)
                && (toks[a..b].iter().filter(|t| t.w == "not").count() != 1
                    || toks[a..b].iter().any(|t| t.w.starts_with("chang")))
        };
        if let Some(span) = DECISION_NOUNS
            .iter()
            .find_map(|p| p.find(toks).filter(affirmed))
        {
            acts.push(Act {
                past: self.past_time,
                ..self.act(Kind::Decline, span)
            });
        }
        for (a, b) in FRAGMENTS.iter().flat_map(|p| p.find_all(toks)) {
            let opens = a == 0
                || toks[a - 1].punct()
                || matches!(
                    toks[a - 1].w.as_str(),
                    "and"
                        | "but"
                        | "so"
                        | "yeah"
                        | "look"
                        | "well"
                        | "ok"
                        | "okay"
                        | "honestly"
                        | "just"
                        | "hello"
                        | "yes"
                        | "oh"
                        | "currently"
                        | "really"
                );
            if opens && self.own(a) {
                acts.push(self.act(Kind::Decline, (a, b)));
            }
        }
        if let Some(f) = toks
            .iter()
            .position(|t| !t.punct())
            .filter(|&f| self.own(f))
        {
            match toks[f].w.as_str() {
                "withdrawing" | "declining" | "withdraw" | "cancel" | "remove" => {
                    acts.push(self.act(Kind::Decline, (f, f + 1)));
                }
                "nah" | "pass" => acts.push(self.act(Kind::Decline, (f, toks.len()))),
                _ => {}
            }
        }
        acts
    }

    /// What the sentence asks: to be considered again (wherever it says so), and, when it asks
    /// at all (a question, "I wanted to ask whether…", "I'd be grateful if…") or offers a change
    /// on a condition ("If a hybrid arrangement were possible, I'd love to go ahead"), what.
    fn requests(&self) -> Vec<Act> {
        let toks = self.toks;
        let n = toks.len();
        let mut acts = Vec::new();
        if let Some(span) = any(&REOPEN, toks) {
            acts.push(self.act(Kind::Reopen, span));
        }
        // A question that opens with "I" is a statement with a tag ("I'll let you know, yeah?").
        static INVERTED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
            patterns(&[
                "could|can|would|may|might|will|shall|is|are|do|does i|we|you|it|there|that|this|a|the",
            ])
        });
        let first = toks.iter().find(|t| !t.punct()).map(|t| t.w.as_str());
        let opens_with_i = matches!(first, Some("i" | "we"));
        let inverted = any(&INVERTED, toks).is_some();
        let asking = self.question && (inverted || !opens_with_i) || any(&ASKING, toks).is_some();
        if asking {
            if let Some((kind, weak)) = request(toks) {
                // "Maybe we can talk next week?" asks nothing firmly.
                let hedged = matches!(first, Some("maybe" | "perhaps" | "possibly"));
                acts.push(Act {
                    hedged,
                    weak,
                    ..self.act(kind, (0, n))
                });
            }
            return acts;
        }
        // "I would have accepted if…" looks back; it asks for nothing.
        let looks_back = toks
            .windows(2)
            .any(|w| matches!(w[0].w.as_str(), "would" | "could") && w[1].w == "have");
        let offer = toks.iter().enumerate().position(|(i, t)| {
            matches!(t.w.as_str(), "if" | "unless") && !(i > 0 && toks[i - 1].w == "even")
        });
        if let Some(at) = offer.filter(|_| !looks_back) {
            let clause: Vec<Tok> = toks[at..]
                .iter()
                .take_while(|t| t.w != "," && !t.boundary())
                .cloned()
                .collect();
            if any(&NEGOTIATE, &clause).is_some() {
                acts.push(self.act(Kind::Negotiate, (at, n)));
            }
        }
        acts
    }
}

fn word_at(toks: &[Tok], i: usize, word: &str) -> bool {
    toks.get(i).is_some_and(|t| t.w == word)
}

/// Kinds that decide (and so never come from a question).
fn deciding(kind: Kind) -> bool {
    matches!(kind, Kind::Decline | Kind::Cancel | Kind::OtherOffer)
}

/// Everything a sentence does. `toks` are its tokens (see [`super::tokens::tokens`]).
pub fn analyse(toks: &[Tok]) -> Vec<Act> {
    let s = Sentence::new(toks);
    let mut acts = s.clauses();
    s.hedge_conditions(&mut acts);
    if !s.question {
        acts.extend(s.nouns_and_fragments());
    }
    if let Some(span) = any(&UNDECIDED, toks).filter(|(a, _)| s.own(*a)) {
        acts.push(Act {
            hedged: true,
            ..s.act(Kind::Decline, span)
        });
    }
    acts.extend(s.requests());
    for (list, kind) in [(&KEEP_IN_TOUCH, Kind::KeepInTouch), (&GAP, Kind::Gap)] {
        if let Some(span) = any(list, toks) {
            acts.push(s.act(kind, span));
        }
    }
    acts
}

/// Whether token `i` opens a real condition (not "if that's all right", "even if", "better if I").
fn conditional_if(toks: &[Tok], i: usize) -> bool {
    if !matches!(toks[i].w.as_str(), "if" | "unless") || toks[i].quoted {
        return false;
    }
    let before = |w: &[&str]| {
        toks[i.saturating_sub(5)..i]
            .iter()
            .any(|t| w.contains(&t.w.as_str()))
    };
    if before(&["better", "best", "fair", "right"])
        || i > 0 && matches!(toks[i - 1].w.as_str(), "even" | "as")
    {
        return false;
    }
    static POLITE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
        patterns(&[
            "if that|this|it is|would ~1 ok|okay|alright|fine|acceptable|helpful|easier",
            "if that|this|it is all right",
            "if possible",
            "if that|it|this ~1 helps|help",
            "if you ~1 need|prefer|like|have|ever|want",
            "if anything|something ~3 changes|comes|opens|suitable|similar|relevant",
            "if i am ~1 honest|being|frank|candid",
            "if i may",
        ])
    });
    !POLITE.iter().any(|p| p.matches_at(toks, i).is_some())
}

/// Whether the time span ending at token `end` is wanted for deciding ("a few days to think
/// it over", "a week before I confirm", "more time."), not for something else ("a month to
/// find my passport").
fn time_for_deciding(toks: &[Tok], end: usize) -> bool {
    match toks.get(end).map(|t| t.w.as_str()) {
        None
        | Some(
            "." | "?" | "!" | "," | "—" | "–" | "before" | "until" | "till" | "so" | "if" | "and"
            | "or",
        ) => true,
        Some("to") => toks.get(end + 1).is_some_and(|t| {
            matches!(
                t.w.as_str(),
                "decide"
                    | "think"
                    | "consider"
                    | "confirm"
                    | "review"
                    | "reflect"
                    | "respond"
                    | "reply"
                    | "answer"
                    | "get"
                    | "come"
                    | "discuss"
                    | "talk"
                    | "look"
                    | "go"
                    | "work"
                    | "weigh"
                    | "finalise"
                    | "finalize"
                    | "make"
                    | "give"
                    | "sort"
                    | "evaluate"
                    | "check"
                    | "read"
                    | "sleep"
                    | "revert"
                    | "mull"
                    | "speak"
                    | "reach"
                    | "finish"
                    | "hear"
            )
        }),
        _ => false,
    }
}

/// The predicates matching at token `k`: their ends and classes, in order.
fn predicates(toks: &[Tok], k: usize) -> Vec<(usize, Class)> {
    PREDICATES
        .iter()
        .filter_map(|(p, c)| p.matches_at(toks, k).map(|end| (end, *c)))
        .collect()
}

#[cfg(test)]
mod tests {
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
}
