//! The pattern tables: decision predicates, noun phrases, fragments, requests and times.

use std::sync::LazyLock;

use super::super::tokens::{Pattern, Tok};
use super::Kind;

pub(super) fn patterns(sources: &[&str]) -> Vec<Pattern> {
    sources.iter().map(|s| Pattern::new(s)).collect()
}

pub(super) fn any(list: &[Pattern], toks: &[Tok]) -> Option<(usize, usize)> {
    list.iter().find_map(|p| p.find(toks))
}

/// How a predicate decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
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
pub(super) static PREDICATES: LazyLock<Vec<(Pattern, Class)>> = LazyLock::new(|| {
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
        ("commit|commits|committed|committing to another ~1 offer|offers|role|position|company|employer|job|organisation|organization|firm|opportunit*|agency|bank", Other),
        ("commit|commits|committed|committing to a|the other|different|new ~1 role|position|offer|company|employer|job|organisation|organization", Other),
        ("join|joins|joined|joining another|the ~1 other|different|company|organisation|organization|firm|team|department|agency|bank", Other),
        ("start|started|starting ~1 somewhere|elsewhere", Affirmed(Decline)),
        ("commit|commits|committed|committing to a|an ~2 fellowship|programme|program|phd|course|degree", Affirmed(Decline)),
        ("chose|chosen|choose another|a ~1 different|offer|opportunit*|position|role", Other),
        ("found|find|got another|a new ~1 job|role|position", Other),
        ("pursue|pursuing|pursued another ~1 offer|opportunit*|position|role|direction|path", Affirmed(Decline)),
        ("pursue|pursuing|pursued a different|new|other ~1 offer|opportunit*|position|role|direction|path", Affirmed(Decline)),
        ("take|takes|took|taken|taking up another|a|an|the ~3 job|position|role|offer|opportunit*|post", Other),
        ("accept|accepts|accepting|accepted ~3 counter-offer|counteroffer|counter", Affirmed(Decline)),
        ("given|made|gave my commitment to", Other),
        // Terms asked for as a need: "I'd need it to be based in Glasgow".
        ("it|this|the ~2 to be ~2 based|remote|hybrid|part-time|flexible|located|closer|nearer|higher|fully", Request(Negotiate)),
        // Requests stated as plans.
        ("move|moving|reschedule|rescheduling|rearrange|rearranging|postpone|postponing|push|pushing|shift|rebook|change ~2 interview|interviews|it|call|meeting|chat|appointment|slot|date|time|tomorrow*|today*|monday*|tuesday*|wednesday*|thursday*|friday*|saturday*|sunday*", Request(Reschedule)),
        ("reschedule|rescheduling|rearrange|rearranging|postpone|postponing", Request(Reschedule)),
        ("a|an|some|more|another|about|around|roughly|at|extra|one|two|three|few|couple|little|bit ~3 time|days|day|week|weeks|month|months|extension", TimeSpan),
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
        ("step|steps|stepping|stepped back|away|aside|down|out", Affirmed(Decline)),
        ("pull|pulling|pulled|back|backing|backed|bow|bowing|bowed|drop|dropping|dropped|opt|opting|opted out", Affirmed(Decline)),
        ("remove|removing myself|me|my", Affirmed(Decline)),
        ("take|taking|took my|our ~1 name|names|application|candidacy|candidature out|off", Affirmed(Decline)),
        ("close|closing my application|candidature", Affirmed(Decline)),
        ("say|saying|said no", Affirmed(Decline)),
        ("decide|decided against", Affirmed(Decline)),
        ("stay|staying|stayed|remain|remaining|remained|continue|continuing|stick|sticking|keep ~5 current|present|existing|where|put|here|decision", Affirmed(Decline)),
        ("stick|sticking with|to it|that", Affirmed(Decline)),
        ("cancel|cancels|cancelling|canceling|cancelled|canceled", Affirmed(Cancel)),
        ("out ,|.|!|—|-", Affirmed(Decline)),
        ("go|going|gone|went in a|another ~1 different|other direction", Affirmed(Decline)),
        ("go|going|gone|went a|another different|other direction", Affirmed(Decline)),
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
        ("apply|applying|appear|appearing", Negated),
        ("go|going for the|this|it|that", Negated),
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
pub(super) fn pass_at(toks: &[Tok], k: usize) -> Option<usize> {
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
pub(super) static DECISION_NOUNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
        "happy|content|settled where i am",
        "a ~1 hard|firm|clear|definite no",
        "go|proceed|move ahead|forward with ~1 other candidates|applicants",
        "proceed with ~1 other candidates|applicants",
    ])
});

/// Sentences that say the decision is open, whatever their verbs ("I could go either way",
/// "part of me wants to…", "I haven't fully decided").
pub(super) static UNDECIDED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
        "probably|possibly|maybe ~2 a no",
        "i am not sure ,|.|!|;|—",
        "not ~1 sure i|we will|would",
        "talked|talk round|around|into",
        "i do not know .|!",
        "not to count on me",
        "see how ~2 goes|go",
        "or maybe not",
        "still figuring|working ~2 out",
    ])
});

pub(super) static FRAGMENTS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
        "not something|what i am ~2 looking for|interested|after|pursuing",
    ])
});

pub(super) static REOPEN: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
        "ask|asking|wondering|wondered|wonder|know ~2 if|whether ~4 still open|available",
        "grateful|glad|happy|welcome|appreciate ~2 an|the|a opportunity|chance to appear|interview",
    ])
});

/// "Last spring", "in March", "six months ago": the sentence tells the past.
pub(super) static PAST_TIME: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
pub(super) static KEEP_IN_TOUCH: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
        "if|when|should|once ~2 anything|something new|else|suitable ~3 come|came|comes|opened|opens|open|available|coming",
        "if|when|should|once ~2 anything|something|role|roles|position|positions|job|jobs|opening|openings|opportunity|vacancy ~6 comes|come|crops|pops|turns up",
        "heads up",
    "heads-up",
        "to hear from you",
    ])
});

pub(super) static GAP: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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

/// Asking after news of an interview already had: a follow-up, not a decision.
pub(super) static STATUS_CHECK: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "follow|following up",
        "check|checking in",
        "check|checking whether|if|on ~4 decision|update|news|timeline|progress|offer|status",
        "any update|updates|news|word|progress",
        "next steps|stage",
        "timeline|timeframe|timescale|timings",
        "hear|heard back",
        "still ~2 interested|keen",
        "confirmed|confirm|reiterate|reaffirm ~1 my ~1 interest",
        "remain ~1 very|keen|interested",
    ])
});

/// Words that ask: "I wanted to ask whether", "I was wondering if", "I'd like to discuss".
pub(super) static ASKING: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "ask|asking|wondering|wonder|wondered|know|enquire|inquire ~6 whether|if|about",
        "discuss",
        "grateful|appreciate ~2 if",
        "hoping for|to",
    ])
});

/// What a request asks for, strongest first.
pub(super) static NEGOTIATE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "salary|pay|rate|base|package|ctc|lpa|remote*|hybrid|four-day|part-time|flexibility|relocation|increase|compensation|bonus|equity|allowance|wage*|hourly|percent|%|$|£|€|match",
        "room to|on|for",
        "any room",
        "start date|on|in|from",
        "starting date|on",
        "days a|per week",
        "day week|basis",
        "working week|pattern|arrangement*|hours",
        "rotation|rota|rotations|shifts|nights|weekends",
        "on days|nights|earlies|lates",
    ])
});

pub(super) static RESCHEDULE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "move|moving|reschedule|rescheduling|rearrange|rebook|postpone|push|shift|instead|alternative",
        "another|different|other|new time|date|day|slot",
        "find a time",
        "see me on",
        "do the interview|call",
        "do it at|on",
    ])
});

pub(super) static TIME: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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

pub(super) static DAYISH: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "monday*|tuesday*|wednesday*|thursday*|friday*|saturday*|sunday*|tomorrow*|week|weekend|morning|afternoon|evening",
        "january|february|march|april|june|july|august|september|october|november|december",
        "1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th|13th|14th|15th|16th|17th|18th|19th|20th|21st|22nd|23rd|24th|25th|26th|27th|28th|29th|30th|31st",
    ])
});

pub(super) static WEAK_NEGOTIATE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "consider|flexible|adjust*|arrangement|possible|differently|hours|location|shaped|arranged",
        "any way",
        "level|scope|scoped|grade|band|title|seniority",
    ])
});

pub(super) static CANCEL_REQUEST: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    patterns(&[
        "cancel|cancelling|canceling",
        "withdraw|remove ~1 my|me",
        "take|taking ~1 my|me ~1 name|application out|off",
    ])
});

/// What a request (a question, "I wanted to ask whether…", an `if` offer) asks for, and
/// whether only weak signs say so.
pub(super) fn request(toks: &[Tok]) -> Option<(Kind, bool)> {
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
pub(super) fn clock_time(toks: &[Tok]) -> bool {
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    toks.windows(2).any(|w| {
        digits(&w[0].w) && (matches!(w[1].w.as_str(), "am" | "pm" | ":") || w[1].w == "o'clock")
    }) || toks.iter().any(|t| {
        t.w.strip_suffix("am")
            .or_else(|| t.w.strip_suffix("pm"))
            .is_some_and(digits)
    })
}

/// The predicates matching at token `k`: their ends and classes, in order.
pub(super) fn predicates(toks: &[Tok], k: usize) -> Vec<(usize, Class)> {
    PREDICATES
        .iter()
        .filter_map(|(p, c)| p.matches_at(toks, k).map(|end| (end, *c)))
        .collect()
}
