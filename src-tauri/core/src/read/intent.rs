//! What a recruiter's reply wants. Each intent is a family of phrasings of one idea; a request
//! ends in a question mark or asks outright, so the questions of the new text are read first and
//! the intent is the one that needs an answer from the user (an automatic or misdirected reply,
//! then another role, a request to reconsider, a referral, a reason, a new time). A reply that
//! asks nothing is read as a whole; one that wants nothing is an acknowledgement.

use std::sync::LazyLock;

use regex::Regex;

use super::classify::sentence_at;
use super::Intent;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

static OTHER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:another|other|a different|permanent|part-time) (?:opening|role|position|vacancy|team|opportunity)|we've got (?:a|an) |(?:a|an) [\w ]{2,40} (?:opening|vacancy) (?:on|in|at|for)|something else we|we (?:also )?have (?:an|another|a) (?:opening|part-time|new)|(?:also|just) (?:asked me|briefed us) (?:to recruit|on)|(?:runs|leads) our .{0,40} team|opening for|would that be of any interest|a \w+ (?:opening|post|role) (?:on|in)|send (?:you )?(?:over )?the (?:brief|details|job description)|share your profile with|(?:another|other|different|similar) (?:roles?|positions?|openings?|vacanc(?:y|ies)|opportunit(?:y|ies))|(?:open|interested) (?:to|in) (?:a |an )?(?:other|another|different|similar) |(?:also|currently) hiring (?:for )?(?:a|an) |would you (?:be )?(?:interested|open) (?:in|to) (?:a|an|the) [\w ]{2,40}(?:role|position|opening|vacancy)|(?:we've|we have|i've|i have|they've|they have|we're|i'm) (?:just |also )?(?:got|opened|opening|launched|hiring|recruiting) (?:a |an |another |budget |something )|\b(?:have|got|with) something else\b|\balternatively\b|\b(?:ic|individual contributor|contract|freelance|part-time|junior|senior|lead|principal) (?:track|version|route|role|position|opening)\b|(?:consider|considering|put) (?:you|your name) (?:forward )?for (?:the|a|an|our|their) |same (?:client|company|team) (?:also |are |is )?(?:want|need|hiring|looking)|\b(?:about|going|planning) to (?:open|launch|advertise) (?:a|an)\b|\b(?:have|has|got) (?:also |actually |just )?(?:a|an|another) (?:[\w&,-]+ ){0,5}(?:position|opening|role|vacancy|job|post)\b|\b(?:also|actually) (?:have|has|got) (?:a|an)\b|\b(?:she|he|they)(?:'s| is| are|'re) (?:also )?hiring\b|otra vacante|otra posición|abrir la posición|abierto (?:una|otra) (?:posición|vacante)|outra vaga|un'altra posizione|eine andere stelle|een andere (?:vacature|functie)|un autre poste",
    )
});
static RECONSIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)reconsider|don't walk away|change your mind|keep(?:ing)? (?:monday's|tuesday's|wednesday's|thursday's|friday's|the) (?:interview|conversation|call)|keep you in the running|match it|hear more|before you decide|rule us out|revise the|still (?:keen|interested)\?|give (?:me|us) (?:\d+|a few) minutes|not too late|still be (?:open|interested)|change (?:your|their) mind|leave the door open|think it over|sleep on it|(?:match|beat|improve|increase|raise|revise) (?:the|their|your|our) (?:offer|package|salary|compensation)|(?:remote|hybrid|flexib\w*) (?:is|would be|could be) (?:possible|on the table|an option)|on the table|(?:could|would) you (?:be open to|consider) (?:keeping|still|continuing|staying)|any chance you(?:'d| would)|back to the table|stay in the (?:process|running)|one more (?:conversation|call|chat|look|go)|before you (?:say no|close|walk|go)|close the door|change anything|make (?:it|this|that) work|(?:up for|open to) revisiting|revisit(?:ing)? (?:it|this|that|the)|what if (?:we|i|they)|would (?:that|this|it) (?:change|help|make)|anything (?:else )?(?:we|i|they) (?:could|can) do|(?:get|bring) you back|see it differently|signing bonus|[£$€]\s?\d|\d\s?[kK]\b(?: base)?|(?:extra|more) (?:holiday|leave|days|pay|money|equity)|(?:fully |more )?remote (?:within|from|for you)|still be (?:up for|keen)|speak (?:with|to) you (?:once|one) more|(?:once|one) more (?:time|conversation|chat|call)|another (?:conversation|chat|call|look)\b|hear me out|replantear|reconsiderar|reconsiderare|ripensarci|repensar|noch einmal (?:zu )?überlegen|heroverwegen|reconsidérer",
    )
});
static REFERRAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)anyone (?:you'd|you would|in your network|who might|you (?:could|can|might) (?:recommend|point|suggest))|refer (?:them|someone|anyone)|kindly refer|know (?:of )?anyone|any .{0,40} you rate|recommend (?:anyone|someone)|names? (?:would|comes? to mind)|an intro\b|point me to|(?:know|recommend|suggest|introduce) (?:of )?(?:anyone|someone|somebody|a friend|a colleague|people)|anyone (?:else )?(?:in your network|you know)|\breferrals?\b|share (?:the|this) (?:role|job|opening|details) with|who do you know|\ba name or two\b|\bsend me (?:a|some) names?\b|(?:a |any )?(?:former |old )?(?:colleagues?|friends?|peers?) (?:comes? to mind|who|that)|(?:send|point) (?:them|anyone|someone|people|him|her) (?:my|our) way|\bpass (?:it|this|the (?:role|job|details|spec)) (?:on|along)\b|\blove a name\b|\bintro(?:duction)?s?\b|\b(?:people|anyone|someone|folks|friends|colleagues|peers) (?:from|in) your (?:time|team|course|network|circle|old)|\b(?:you'd|you would) recommend|\brecommend (?:i|we) (?:reach|speak|talk|contact)|\bknow any [\w-]+(?: [\w-]+)? (?:who|that)\b|\bcomes? to mind\b|\b(?:springs?|pops?) (?:to mind|up)\b|\bforward (?:them|him|her) (?:the|my|our) (?:details|spec|brief|link)",
    )
});
static REASON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:ask|know|share|tell me|understand|hear(?:ing)?) (?:why|the (?:exact )?reason|what (?:put|made|changed|drove|led))|can i ask why|may i (?:know|ask)(?: you)? (?:why|what|the reason|which|if)|what's driving|what put you off|was it (?:something|the|related)|(?:the |primary |main )(?:reason|factor)|reason for|why\?|what (?:made|changed)|(?:curious|wondering) (?:what|why|if)|mind (?:sharing|telling|me asking)|(?:what|which) (?:made|led|prompted|drove) you|(?:feedback|insight) on (?:why|what)|anything we could have done (?:differently|better)|was it because|is it because|if you don't mind me asking|(?:could|would) you (?:share|tell me) (?:why|what|the)|what (?:led|made|tipped|swung|changed|put|was behind|drove)|what made the difference|\bwhy\b[^.!?\n]{0,80}\?|\bwas it (?:the|something|about|because|regarding|related|more)|\bis it (?:the|because|about)\b|(?:main|real|biggest) (?:reason|blocker|factor)|\bwhat(?:'s| is) behind|\bgrateful if you could (?:tell|share)|qué te (?:hizo|llevó)|por qué (?:has|decidiste|declinas)|o que pesou|o que te fez|por que você|cosa (?:ti|le) ha (?:fatto|spinto)|perché (?:ha|hai) deciso|warum (?:hast|haben) (?:du|sie)|was hat (?:dich|sie) (?:dazu|bewogen)|waarom (?:heb|hebt|heeft)|qu'est-ce qui (?:t'a|vous a)|pourquoi (?:avez|as)-",
    )
});
static RESCHEDULE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)reschedul|another (?:slot|time|day|date)|new (?:time|slot|date)|instead\?|instead\b|could you do|can we do|push the interview|find another|when would be better|move (?:things|your interview|it)|the following instead|two options|these (?:slots|options)|below slots|any of these would work|would .{0,60} work\b|how's \w+|let me know (?:a|which) (?:day|works)|a few days and times|re-?arrange|postpone|(?:a|an) (?:new|different|alternative|later) (?:time|slot|date|day)|later (?:date|time|this week|next week)|what (?:times|days) (?:work|suit)|when (?:are you|would you be) (?:free|available)|(?:would|could|does) .{0,40} (?:suit|work) (?:instead|better)",
    )
});
static OTHER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)automated (?:message|response)|no longer monitored|cannot process|do not reply|survey|i left \p{Lu}|not handling|out of (?:the )?office|on (?:annual )?leave until|auto(?:matic|mated)?[- ](?:reply|response)|no longer (?:with|at|work(?:s|ing)? (?:at|for))|wrong (?:person|candidate|email|address)|\bthe wrong \p{Lu}\p{L}+|(?:don't|do not) have anything to do with|\bon (?:holiday|vacation|annual leave|leave|parental leave|maternity leave) (?:until|till)\b|\b(?:away|off) (?:until|till) \p{Lu}|\bnot (?:be )?(?:reading|checking) (?:my )?e-?mails?|meant for|feedback form|do not reply|noreply|wrong person|no longer (?:handling|handle|looking after|responsible|involved)|not involved in|(?:handing|handed|passing|passed) (?:the [\w ]{2,40} )?(?:over|on) to (?:my )?(?:colleague|\p{Lu})|(?:passed|forwarded) your (?:message|email|note|reply)|(?:take|pick) (?:it|things) (?:up )?from here|moved (?:across|on|over) to|\bsurvey\b|will be back (?:on|in)|limited access to (?:e-?mail|my inbox)|\bi've left\b|\bi have left\b|\bis your (?:best|main) (?:contact|point of contact)|\b(?:she|he|they)(?:'ll| will) (?:handle|take|pick up) (?:it|this|things|things up) from here|\b(?:ship|send|post) back the\b|\breturn the (?:laptop|equipment|badge|device)",
    )
});

/// A question asking whether the other role appeals ("Want me to send it over?", "Would either be
/// worth a chat?", "Would you like me to put your name forward?").
static OTHER_ROLE_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:want|like) me to (?:send|share|put|forward|pass)|\bworth a (?:chat|look|call|conversation)|\btake a look\b|\bput your name forward|\binterested in (?:that|this|it|either|hearing|having a look|a look|the brief)|\b(?:open|up) (?:to|for) (?:that|this|it|either|hearing)|\bfancy (?:it|that|a look)|\bmake the (?:connection|intro)|\bintroduce you\b|\bthrow your (?:hat|name)|\bif you want,? (?:i|we) can\b|\bintro (?:call|chat) with (?:her|him|them)|\bsend (?:you )?(?:the |both )?(?:specs?|details|jd|brief)",
    )
});
/// A plain request, as a question does ("let me know", "please share", "kindly revert").
static ASKS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\blet (?:me|us) know\b|\bplease (?:share|tell|let|send|confirm|revert|reply)|\bkindly\b|\bgrateful if you could\b|\bdo (?:send|share|tell)\b|\b(?:i|we)(?:'d| would) (?:love|appreciate|welcome|be grateful for) (?:a|an|any|the|your|some|to)\b|\bif (?:anyone|someone|a name|any names?)\b",
    )
});

/// The new text up to its sign-off, cut into sentences (a line break ends one too).
fn sentences(body: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if matches!(c, '.' | '?' | '!' | '\n') {
            let end = i + c.len_utf8();
            let s = &body[start..end];
            if !s.trim().is_empty() {
                out.push((start, s));
            }
            start = end;
        }
    }
    if start < body.len() && !body[start..].trim().is_empty() {
        out.push((start, &body[start..]));
    }
    out
}

/// An answer that is no answer: an automatic reply, someone away, or the message reached the
/// wrong person or someone who has left. Whatever else it says, nothing in it is for the user
/// to answer.
static AWAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)out of (?:the )?office|on (?:annual )?leave until|auto(?:matic|mated)?[- ](?:reply|response)|automated (?:message|response)|no longer (?:with|at|work(?:s|ing)? (?:at|for))|wrong (?:person|candidate|email|address)|\bthe wrong \p{Lu}\p{L}+|meant for|not involved in|(?:don't|do not) have anything to do with|\bi've left\b|\bi have left\b|i left \p{Lu}|\bon (?:holiday|vacation|annual leave|leave|parental leave|maternity leave) (?:until|till)\b|\bnot (?:be )?(?:reading|checking) (?:my )?e-?mails?|will be back (?:on|in)|limited access to (?:e-?mail|my inbox)|no longer (?:handling|handle|looking after|responsible|involved)|(?:handing|handed|passing|passed) (?:the [\w ]{2,40} )?(?:over|on) to (?:my )?(?:colleague|\p{Lu})|(?:take|pick) (?:it|things) (?:up )?from here|\b(?:she|he|they)(?:'ll| will) (?:handle|take|pick up) (?:it|this|things|things up) from here",
    )
});

/// A reason asked outright ("Can I ask what made you change your mind?"): the sentence asks
/// why, whatever else it names.
static ASKS_WHY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:what|which) (?:made|led|prompted|drove|tipped|caused|changed)\b|\bwhy (?:did|have|are|were) you\b|\b(?:ask|know|share|tell me|understand)(?: you)? (?:why|what (?:made|led|changed|happened|tipped|drove))",
    )
});

/// A future possibility, not an offer ("if something else comes up", "keep your details on
/// file").
static SOMEDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bif (?:something|anything)(?: else)?(?: suitable| relevant)? (?:comes? up|opens? up)|\bkeep (?:your (?:details|profile|cv)|you) on (?:file|record)|\bin (?:the )?future\b",
    )
});

/// The text a reply says: up to its sign-off (a postscript below it counts), so a mailbox's
/// footer ("this mailbox is not monitored") or a job advert pasted under the name is not read
/// as what the writer asks.
fn said(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let Some(k) = lines
        .iter()
        .rposition(|l| super::people::is_signoff(l))
        .filter(|&k| lines[..k].iter().any(|l| !l.trim().is_empty()))
    else {
        return body.to_owned();
    };
    let mut out = lines[..k].join("\n");
    for l in &lines[k + 1..] {
        let t = l.trim_start().to_ascii_lowercase();
        if t.starts_with("p.s") || t.starts_with("ps ") || t.starts_with("ps:") {
            out.push('\n');
            out.push_str(l);
        }
    }
    out
}

/// What a reply wants; the one that needs an answer from the user first.
pub fn intent(body: &str, wrong_person: bool) -> (Intent, String) {
    if wrong_person {
        return (Intent::Other, "addressed to someone else".into());
    }
    if let Some(m) = AWAY.find(body) {
        return (Intent::Other, sentence_at(body, m.start()));
    }
    let text = said(body);
    let body = text.as_str();
    let order: [(&LazyLock<Regex>, Intent); 6] = [
        (&OTHER, Intent::Other),
        (&OTHER_ROLE, Intent::OffersOtherRole),
        (&RECONSIDER, Intent::AsksReconsider),
        (&REFERRAL, Intent::AsksReferral),
        (&REASON, Intent::AsksReason),
        (&RESCHEDULE, Intent::ProposesReschedule),
    ];
    let reason = order.len() - 2;
    let matches = |p: &Regex, s: &str, intent: Intent| -> bool {
        p.is_match(s) && !(intent == Intent::OffersOtherRole && SOMEDAY.is_match(s))
    };
    // The requests first: a question, or a sentence that asks outright.
    let offers_role = sentences(body)
        .iter()
        .any(|(_, s)| matches(&OTHER_ROLE, s, Intent::OffersOtherRole));
    let requests: Vec<&str> = sentences(body)
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| s.trim_end().ends_with('?') || ASKS.is_match(s))
        .collect();
    let mut best: Option<(usize, String)> = None;
    for s in &requests {
        let mut k = order.iter().position(|(p, i)| matches(p, s, *i));
        if ASKS_WHY.is_match(s) && k.is_some_and(|k| k > 0) {
            k = Some(reason);
        }
        if offers_role && OTHER_ROLE_QUESTION.is_match(s) {
            k = Some(1);
        }
        if let Some(k) = k {
            if best.as_ref().is_none_or(|(b, _)| k < *b) {
                best = Some((k, s.trim().chars().take(200).collect()));
            }
        }
    }
    if let Some((k, why)) = best {
        return (order[k].1, why);
    }
    for (pattern, intent) in order {
        for m in pattern.find_iter(body) {
            let sentence = sentence_at(body, m.start());
            if intent != Intent::OffersOtherRole || !SOMEDAY.is_match(&sentence) {
                return (intent, sentence);
            }
        }
    }
    (
        Intent::Acknowledged,
        body.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_owned(),
    )
}

/// A reply that greets someone other than the user it was sent to.
pub fn wrong_person(doc: &super::input::Doc, body: &str) -> bool {
    let Some(to) = doc.to.as_ref().and_then(|t| t.name.as_deref()) else {
        return false;
    };
    // "To: me" or an address book's nickname names nobody to compare with.
    if super::words::person_name(to).is_none() {
        return false;
    }
    let Some(first) = to.split_whitespace().next() else {
        return false;
    };
    let Some(greeting) = body.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let g = greeting.trim().trim_end_matches([',', '!', '.']);
    let mut words = g.split_whitespace();
    let hello = words.next().unwrap_or("").to_lowercase();
    if !matches!(hello.as_str(), "hi" | "hello" | "dear" | "hey") {
        return false;
    }
    match words.next() {
        Some(name) if name.chars().next().is_some_and(char::is_uppercase) => {
            super::words::letters(name) != super::words::letters(first)
                && !matches!(name, "Mr" | "Mr." | "Ms" | "Ms." | "Mrs" | "Dr" | "Dr.")
        }
        _ => false,
    }
}
