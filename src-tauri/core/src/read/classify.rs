//! What the message is (an invitation, a reply to the user's decline, or something else), what
//! a reply wants, whether the interview time is settled, and the channel it came by. Each is a
//! list of phrases; the reply's intent is the one that needs an answer from the user.

use std::sync::LazyLock;

use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

/// Phrases of a reply to a decline, withdrawal or cancellation.
static REPLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)thanks? (?:you )?(?:so much )?for (?:letting (?:me|us) know|the (?:heads[- ]up|update|note|honest note)|being (?:so )?(?:honest|straight|clear)|informing us|your (?:prompt reply|mail|email|message|note)|flagging|the quick heads[- ]up)|sorry to (?:hear|see you go|learn|get your note)|(?:your|the) decision|withdr[ae]w|not (?:be )?proceeding|no longer (?:works|possible)|(?:respect|understand) (?:your|the) decision|totally (?:understand|get it)|completely understood|\bunderstood\b|\bnoted\b|no (?:problem|worries|drama|stress) (?:at all|cancelling)?|don't (?:give|worry|apologise)|heads[- ]up(?:!| that)|cancel(?:led|ed|ling)? (?:the|your|today|thursday|tomorrow|our)|will not be attending|unable to attend|can't make it|congratulations on the offer|don't walk away|counter offer|the cancellation|decline[ds]? the interview|off (?:everyone's|the) calendars?|this mailbox|automated (?:message|response)|that's a shame|best of luck|put you off|what's driving|(?:totally|completely) fine|things come up|family comes first|hope (?:she|he|you)(?:'s| is| are)? (?:feeling|on the mend)|under the weather|got it\b|the clash|sorry (?:that )?(?:it|this|things) (?:didn't|did not|hasn't) work|appreciate (?:you letting|the (?:update|heads|honesty|note|candou?r)|your (?:honesty|candou?r|transparency))|thanks? (?:you )?for (?:your|the) (?:honesty|candou?r|transparency)|removed you from|closed (?:out )?your application|(?:i|we)(?:'ve| have) (?:let|informed|updated|told) (?:the|our)|no hard feelings|(?:the )?door is (?:always )?open|wish you (?:all the best|every success|the (?:very )?best|well|luck)|sorry you (?:won't|will not|can't|cannot)|your (?:withdrawal|cancellation)|(?:accepted|accepting) (?:another|a different|an other) (?:offer|role|position)|counter[- ]offer|regret to (?:hear|learn)|shame (?:to hear|it didn't)|understand completely|makes (?:total |complete )?sense|sorry to (?:lose|miss) you|we understand that|(?:is|was) not (?:suitable|right) for you",
    )
});
static REPLY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^re:.*(withdraw|cancel|declin|not proceeding|not interested|regret|can't make it|conflict|tomorrow's interview|loop|interview|\bpass(?:ing)?\b|reschedul|another (?:time|day|slot)|\bmove\b|\bpush\b|\bturn(?:ing)? down\b|\bstep(?:ping)? (?:back|away)\b)",
    )
});
static INVITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)invite you|invited you|pleased to (?:confirm|invite|inform)|confirms? your|your [\w-]+(?: [\w-]+)? interview|interview (?:schedule|confirmation|invitation|request)|like to (?:invite|meet|interview|speak|have|set up|arrange)|'d (?:like|love) to|has been scheduled|are you (?:available|free)|when would suit|move you forward|invitation to|would (?:like|love) to (?:invite|meet|interview|speak|have|set up|get|bring|arrange|move|talk)|(?:your|the) (?:interview|entretien|entrevue|gespräch|interview loop)|interview (?:is|has been) (?:confirmed|scheduled|booked)|booked you|put you down|(?:is|are) (?:now )?(?:confirmed|booked|scheduled|locked in)|following (?:times|slots)|available times|(?:these|the following|two|three) (?:times|slots|options)|first (?:conversation|interview|chat)|(?:open|free) (?:to|for) (?:a )?(?:relaxed |quick )?(?:video |phone )?(?:call|chat|conversation)|let's talk|would .{0,40}work for you|einladen|invitación|vous (?:confirme|proposons)|nous aimerions vous rencontrer|wants to interview|choose your interview|interview invitation|interview request|meet (?:you|with you)|speak with you|you're confirmed|you are confirmed|all set|locked in|have you in for|get you in|would you be (?:available|free|open)|(?:schedule|arrange|set up|book) (?:a|an|your) (?:call|interview|chat|meeting|conversation|video call|phone screen)|shortlisted|next (?:stage|round|step) (?:of|in) (?:the|our)|like to (?:chat|talk|connect)|invitation (?:to|for) (?:an? )?(?:interview|assessment|call)|phone screen|(?:video|phone) interview|(?:would|'d) love to (?:chat|talk|speak|meet|connect|catch up|hear)|\bfancy (?:a|grabbing|having|hopping|jumping)\b|hop on a (?:call|chat)|(?:sent|send|sending) (?:you )?(?:over )?(?:a |the )?(?:calendar )?invite\b|booked (?:you )?in\b|(?:proposer|propose) (?:un|une)|disponible|einladung|vorstellungsgespräch|entrevista|invitarte|invitarle|(?:te|le) queda bien|how about (?:a |an )?(?:quick |short )?(?:call|chat|coffee)|can you do (?:mon|tue|wed|thu|fri|sat|sun|\d)|(?:could|can|would) you (?:come|pop) (?:in|over|by) (?:on|for|at)\b|inbjudan till (?:en )?intervju|träffa dig (?:för|på) (?:en )?intervju|invitere dig til (?:en |et )?(?:samtale|jobsamtale|intervju)|invitasjon til (?:intervju|samtale)|uitnodiging voor (?:een |het )?(?:sollicitatie|kennismakings|tweede |eerste )?gesprek|nodigen (?:we |wij )?(?:je|u) (?:graag )?uit|convidar (?:você |o senhor |a senhora )?para (?:uma )?entrevista|convite para (?:a |uma )?entrevista|confirmo (?:a )?sua entrevista|undangan (?:wawancara|interview)|mengundang (?:anda|saudara|saudari|bapak|ibu) (?:untuk )?(?:mengikuti )?(?:wawancara|interview)",
    )
});
static NOT_INVITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)not an interview invitation|we've received your application|we have received your application|received your application|registration form|complete (?:our|the|your) (?:online )?(?:registration|pre-screening|questionnaire)|jobs you may be interested in|new jobs matching|job alert|market update|salary guide|newsletter|weekly\b.*issue|issue \d+|your receipt|order receipt|order #|your order|(?:not|n't) (?:been )?(?:selected|successful|shortlisted|progress(?:ing)?)|(?:decided|chosen) (?:not )?to (?:move forward|proceed) with other|(?:decided|chosen) not to (?:progress|proceed with|move forward with|take forward) your|\bunsuccessful on this occasion|thank you for (?:applying|your application)[^.]*\. (?:we|our team) will (?:review|be in touch)",
    )
});
/// What a message that is no invitation says (an online test to take, an application received,
/// an offer's paperwork) — unless it also asks for an interview: "before the interview, please
/// complete the online assessment", "nous avons bien reçu votre candidature … nous souhaiterions
/// vous rencontrer".
static OTHER_UNLESS_INVITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:invited you to|next step is|complete|begin|start|take) (?:\w+ ){0,4}?(?:online|coding|take-home|psychometric) (?:assessments?|tests?|challenge)\b|hemos recibido (?:tu|su) (?:candidatura|solicitud)|nous avons bien reçu votre candidature|(?:deine|ihre) bewerbung (?:ist bei uns eingegangen|erhalten)|abbiamo ricevuto la tua candidatura|recebemos a (?:sua|tua) candidatura|offer letter|letter of offer|joining formalities",
    )
});
static INVITED_TOO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:before|ahead of|prior to) (?:the|your) (?:\w+ )?(?:interview|entretien|gespräch|entrevista|call)|souhaiterions vous rencontrer|seriez-vous disponible|(?:would|'d) (?:like|love) to (?:invite you to|meet|interview|speak)|invite you (?:to|for) (?:an? )?(?:\w+ )?(?:interview|call)|möchten (?:wir )?(?:dich|sie) (?:gerne )?(?:kennenlernen|einladen)|nos gustaría (?:conocerte|invitarte)",
    )
});
static BULK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)unsubscribe|you(?:'re| are) receiving (?:this|job alert)|jobs you may be interested in|new jobs matching|\border #|dear candidate|hello reader|hi there|manage (?:your )?(?:job )?alerts|cancelar (?:la )?suscripci[oó]n|darte de baja|recibes este correo|administrar alertas|d[ée]sabonner|d[ée]sinscri|g[ée]rer (?:mes|vos) alertes|abbestellen|abmelden|uitschrijven|afmelden|avregistrera|avsluta prenumeration|annulla (?:l'iscrizione|iscrizione)|cancelar (?:a )?inscri[cç][aã]o",
    )
});

/// Words that react to the user's "no" (a decline, a withdrawal, a cancellation): only a reply
/// says them. Grouped by idea: hearing the decision, its wording, regret, pushing back on it,
/// passing the message on.
/// The parts of [`REACTION`] an invitation says too.
static WEAK_REACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:instead|sorry (?:to|that|you)|(?:doesn't|does not|won't|will not) work for you|(?:move|moving|shift|push|reschedule|rearrange)\b.*)$",
    )
});
static REACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:i|we)?\s*(?:totally |completely |fully |really |absolutely )?(?:hear|understand|respect|get|appreciate) (?:you|that|it|where you're coming from|your (?:reasons?|position|concerns?|point|call|choice))\b",
        r"|\b(?:totally |completely |fully |really |absolutely )?(?:hear|understand|respect|get) (?:the|your) (?:concern|reasons?|point|worry|hesitation)",
        r"|\bfair enough\b|\bfair (?:play|point|shout)\b|\b(?:totally|completely|that's|that is|very|more than) fair\b|\b(?:totally|completely|perfectly) (?:reasonable|understandable)|\b(?:is|are|was|were) not (?:possible|workable|feasible) for you|\b(?:doesn't|does not|won't|will not) work for you|\bisn't for (?:you|everyone)",
        r"|\b(?:not|never) wanting to\b|\bdon't want to (?:move|relocate|commute|manage|go back)|\bno longer (?:looking|interested|available|on the market)|\boff the market|\b(?:say|said|saying) no\b|\bstill a no\b|\bmade up your mind|\bwalk(?:ing)? away|back to the table|stay in the (?:process|running)|close (?:it|this|the door) off|\bturn(?:ed|ing)? (?:it|us|this|the \w+) down|\bpass(?:ed|ing)? on (?:this|the|it|us)\b|\bstep(?:ping)? (?:back|away) from",
        r"|\b(?:bummer|gutted|pity|a shame|such a shame|disappointing|disappointed)\b|\bsad (?:to|that)\b|\bshame\b[,.!—–-]",
        r"|\b(?:thanks?(?: you)?|cheers|ta)(?: \w+){0,3} for (?:letting (?:me|us) know|telling (?:me|us)|explaining|the (?:honest|candid|quick|kind|frank) (?:reply|answer|note|response|feedback)|your (?:honest|candid|frank) (?:reply|answer|feedback)|being (?:upfront|open|honest|clear|straight))|\bappreciate (?:you (?:telling|letting|explaining|being)|the (?:quick |honest |candid )?(?:reply|response|answer|explanation))",
        r"|\bwrong person|\bno longer (?:handling|handle|looking after|working on|responsible|with|at|work(?:s|ing)? (?:at|for|on))|\bmoved (?:across|on|over) to|\bpassed (?:your|this|the) (?:message|email|note|reply) (?:on|to|along)|\bforwarded your (?:message|email|note|reply)|\bout of (?:the )?office\b|\bon (?:annual |parental |maternity |paternity )?leave\b",
        r"|\b(?:can|could|may) (?:i|we) ask (?:why|what)|\bwhat(?:'s| has)? changed\b|\breconsider\b|\bhear me out\b|\bbefore you pass\b|\bout of curiosity\b|\bbefore you (?:say no|decide|close|go)|\bon another (?:offer|role)|\banother offer\b|\bthe other offer\b|\bcounter[- ]?offer|\bgo (?:up )?to [£$€]|\b(?:raise|increase|bump|move) the (?:base|salary|offer|package|rate)\b",
        r"|\binstead\b|\b(?:move|moving|shift|push|reschedule|rearrange) (?:your|the|our|it|this|things)\b[^.?!\n]{0,40}\b(?:to|till|until) |\bcongratulations on (?:your|the) (?:other |new )?(?:offer|role|job|position|promotion)|\byour (?:other|new) (?:offer|role|job)|\b(?:about|of|on|with) your decision|\bdecision to (?:not|decline|withdraw|stay|accept)",
        r"|\bsorry (?:to|that|you)\b|\bno (?:problem|worries|issues?|stress|bother)\b.{0,60}\b(?:instead|shift|move|another|rearrange|reschedul)",
        // The same reactions in Spanish, Portuguese, Italian, French, German and Dutch.
        r"|\bgracias por (?:tu|su) (?:sinceridad|honestidad|franqueza)|\bgracias por avisar|\blo entendemos\b|\bentendemos perfectamente\b|\bentiendo (?:tu|su) decisión|\bqué pena\b|\bobrigad[ao] pelo retorno|\bque pena\b|\bentendo (?:a )?sua decisão|\bgrazie per avermi avvisat[oa]|\bcapisco perfettamente\b|\bla (?:sua|tua) scelta\b|\bmerci de m'avoir prévenu|\bje comprends (?:tout à fait )?(?:votre|ta) décision|\bdanke für (?:die|deine|ihre) (?:offene |ehrliche )?(?:rückmeldung|absage)|\b(?:verstehe|verstehen) (?:deine|ihre) entscheidung|\bbedankt voor het laten weten|\bjammer\b.{0,40}\b(?:besluit|keuze)|\bik begrijp (?:je|uw) (?:besluit|keuze)",
    ))
});

/// What a quoted mail of the user's says when it declines, withdraws or asks to move.
static QUOTED_DECLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)withdraw|declin|cancel|rinunci|prefiero no continuar|no continuar en el proceso|retirarme|retirar mi candidatura|desisto|não vou (?:seguir|continuar)|abzusagen|absagen|zurückziehen|afzeggen|terugtrekken|(?:ho accettato|he aceptado|aceitei) (?:un'altra|otra|outra)|not (?:be )?(?:able|proceeding|attend)|accepted (?:another|an) offer|stay put|can't make|unable|\bpass(?:ing)? on\b|\b(?:i'm|i am|i'll be|i will be) passing\b|reschedul|(?:find|another|a different) (?:time|day|slot)|\bmove (?:the|our|it|tomorrow|today)|\bpush (?:it|the|our) back",
    )
});

/// The kind of a message, and whether the rules are sure of it: a calendar invite, a newsletter,
/// or a reply that reacts to the user's "no" in so many words (a reaction, a `Re:` subject about
/// it, a quoted decline). `has_time` tells whether the new text offers or fixes an
/// interview-like date with a time, which an invitation does; it is asked only when needed (it
/// reads every date).
pub fn kind(
    subject: &str,
    body: &str,
    quoted: &str,
    has_event: bool,
    has_time: &dyn Fn() -> bool,
) -> (super::Kind, bool) {
    use super::Kind;
    if has_event {
        return (Kind::Invitation, true);
    }
    // Read once: they decide the kind and whether the rules are sure of it.
    let signs = Signs::read(subject, body);
    let k = kind_of(subject, body, quoted, has_time, &signs);
    (k, signs.sure(k))
}

/// Whether the rules are sure that a message of this subject and new text is of `kind` (as
/// [`kind`] says it). For the model's trainer.
#[cfg(test)]
pub(super) fn rules_are_sure(
    kind: super::Kind,
    subject: &str,
    body: &str,
    has_event: bool,
) -> bool {
    has_event || Signs::read(subject, body).sure(kind)
}

/// What decides the kind and the rules' certainty about it.
struct Signs {
    /// A newsletter: it can be unsubscribed from and greets nobody.
    newsletter: bool,
    /// A reaction to the user's "no" in so many words.
    reacts: bool,
    /// ... in words that say nothing else: not only "instead", "sorry to", "doesn't work for
    /// you" or "move it to", which an invitation says as well ("grab a time on my calendar
    /// instead", "if the new slot does not work for you").
    reacts_firmly: bool,
    /// A `Re:` subject about a decline.
    reply_subject: bool,
}

impl Signs {
    fn read(subject: &str, body: &str) -> Signs {
        Signs {
            newsletter: SUBSCRIBED.is_match(body) && !is_personal(body),
            reacts: REACTION
                .find_iter(body)
                .any(|m| !good_news(body, m.start(), m.as_str())),
            reacts_firmly: REACTION.find_iter(body).any(|m| {
                !good_news(body, m.start(), m.as_str()) && !WEAK_REACTION.is_match(m.as_str())
            }),
            reply_subject: REPLY_SUBJECT.is_match(subject),
        }
    }

    fn sure(&self, kind: super::Kind) -> bool {
        use super::Kind;
        match kind {
            Kind::Reply => self.reacts_firmly || self.reply_subject,
            Kind::Other => self.newsletter,
            Kind::Invitation => false,
        }
    }
}

/// "Great to hear you're open to moves": hearing good news is no reaction to a "no".
fn good_news(text: &str, at: usize, matched: &str) -> bool {
    let lower = matched.to_lowercase();
    if !lower.contains("hear") {
        return false;
    }
    let mut from = at.saturating_sub(20);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..at].to_lowercase();
    [
        "great to",
        "good to",
        "glad to",
        "nice to",
        "lovely to",
        "happy to",
        "pleased to",
        "excited to",
        "thrilled to",
    ]
    .iter()
    .any(|w| before.contains(w))
}

fn kind_of(
    subject: &str,
    body: &str,
    quoted: &str,
    has_time: &dyn Fn() -> bool,
    signs: &Signs,
) -> super::Kind {
    use super::Kind;
    let text = format!("{subject}\n{body}");
    // A newsletter is no reply to the user, whatever reader's story it tells.
    if signs.newsletter && !INVITE.is_match(&text) {
        return Kind::Other;
    }
    let quoted_decline = QUOTED_DECLINE.is_match(quoted);
    // "Re: Interview – Senior Python Developer" over a quoted mail that declines nothing (the
    // recruiter chasing their own invitation, the user accepting a time): no reply to a "no".
    let reply_subject = signs.reply_subject && (quoted.trim().is_empty() || quoted_decline);
    let not_invite = NOT_INVITE.is_match(&text)
        || OTHER_UNLESS_INVITED.is_match(&text) && !INVITED_TOO.is_match(&text);
    if not_invite && !reply_subject && !signs.reacts {
        return Kind::Other;
    }
    // "As per your request, your interview … has been cancelled. We can reschedule …": the user's
    // own request to move or withdraw, answered.
    static AT_YOUR_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:\b(?:as per|at|following|per) your request|\bas you (?:requested|asked))\b[^.]{0,140}\b(?:cancel|withdr|reschedul|moved|postpon)",
        )
    });
    let declined_or_asked = quoted_decline || AT_YOUR_REQUEST.is_match(body);
    let personal = { static R: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"(?im)^\s*[\x22“]?(?:hi|hiya|hello|dear|hey|morning|good (?:morning|afternoon|evening|day)|bonjour|hallo|hola|hej|estimad[oa]|sehr geehrte)\b").expect("valid")); &R }
    .is_match(body);
    // An invitation that thanks for a reply ("Thank you for your reply. I am pleased to
    // confirm…") is still an invitation.
    let confirms = { static R: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)pleased to (?:confirm|invite)|would like to invite|invite you|your interview (?:is|has been) (?:confirmed|scheduled)|we've scheduled your interview").expect("valid")); &R }.is_match(body);
    let strong_reply = signs.reacts || reply_subject || declined_or_asked;
    // "No problem", "noted", "understood" open invitations too; other reply phrases do not.
    static WEAK: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:no (?:problem|worries|drama|stress)(?: at all)?|understood|noted|got it|thanks? (?:you )?for (?:the update|the note|your (?:mail|email|message|note|prompt reply)))$",
        )
    });
    let reply_phrases: Vec<&str> = REPLY.find_iter(body).map(|m| m.as_str()).collect();
    let weak_reply = !reply_phrases.is_empty();
    let strong_reply = strong_reply || reply_phrases.iter().any(|p| !WEAK.is_match(p));
    let invites = INVITE.is_match(&text) || ((personal || !BULK.is_match(body)) && has_time());
    if strong_reply || weak_reply {
        let scheduled_invite = SCHEDULED.is_match(body) && !reply_subject && !declined_or_asked;
        let invitation_wins = (confirms || scheduled_invite || (invites && !strong_reply))
            && !(reply_subject && subject.to_lowercase().contains("withdraw"));
        if !invitation_wins {
            return Kind::Reply;
        }
        return Kind::Invitation;
    }
    if invites && (personal || !BULK.is_match(body)) {
        return Kind::Invitation;
    }
    Kind::Other
}

static SUBSCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bunsubscribe\b|\byou subscribed\b|\bupdate (?:your )?preferences\b|\bread the full issue\b",
    )
});

fn is_personal(body: &str) -> bool {
    static R: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?im)^\s*[\x22“]?(?:hi|hiya|hello|dear|hey|morning|bonjour|hallo|hola|hej|estimad[oa]|sehr geehrte)\b",
        )
    });
    R.is_match(body)
}

/// A bulk message (newsletter, alert, receipt): nothing in it is about one opportunity.
pub fn is_bulk(body: &str) -> bool {
    BULK.is_match(body) && !{ static R: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)invited you|has invited|would like to interview|wants to interview|your interview|messaged you|sent you a (?:new )?message").expect("valid")); &R }.is_match(body)
}

pub(super) fn sentence_at(text: &str, at: usize) -> String {
    let start = text[..at].rfind(['.', '?', '!', '\n']).map_or(0, |i| i + 1);
    let end = text[at..]
        .find(['.', '?', '!', '\n'])
        .map_or(text.len(), |i| at + i + 1);
    text[start..end].trim().chars().take(200).collect()
}

static SCHEDULED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:pleased|happy|delighted|glad) to confirm|(?:is|are|been|now|you're|you are|it's|it is) (?:now )?(?:confirmed|booked|scheduled|locked in)|confirms your|booked you|put you down|(?:we|i) have booked|we've booked|i've booked|locked in|you're all set|we've scheduled|has been scheduled|je vous confirme|interview booked|interview confirmed|interview confirmation|onsite confirmed|^confirmed:|^confirmation\b|thanks? (?:you )?for confirming|ha(?:s|ve) confirmed (?:the|your) (?:\w+ )?(?:interview|call|meeting|slot|time)|interview scheduled|confirmed for|booked (?:in |you in )?(?:for|with)\b|(?:you're|you are) booked in|(?:i've|i have|we've|we have) (?:just )?(?:sent|sent over|sent you|put) (?:you )?(?:a |the )?(?:calendar )?invite|calendar invite (?:is|has been) (?:on its way|sent)|(?:see|speak to|talk to|speak with) you (?:then|(?:on |next )?(?:mon|tue|wed|thu|fri|sat|sun))|invite\b[^.\n]{0,60}\b(?:has been|is|was|have been) (?:sent|on its way|in your (?:inbox|calendar))|\b(?:i|we)(?:'ve| have)? (?:just |now |already )?(?:went ahead and |gone ahead and )?(?:scheduled|booked|arranged|set up) (?:your|you|a|an|the)\b|(?:te|le|les) confirmamos|eingeplant|bestätigen (?:wir|ich)|wir bestätigen|(?:queda|está) (?:confirmad[oa]|agendad[oa])|est (?:bien )?(?:confirmé|prévu)",
    )
});

/// Whether the interview time is settled (scheduled) or still to be agreed (invited).
pub fn scheduled(subject: &str, body: &str) -> Option<String> {
    for text in [body, subject] {
        for m in SCHEDULED.find_iter(text) {
            // "once the interview is booked" is not a booking.
            let before = &text[..m.start()];
            let clause = before
                .rsplit(['.', '?', '!', '\n', ','])
                .next()
                .unwrap_or("")
                .to_lowercase();
            if [
                "once ", "when ", "if ", "after ", "until ", "before ", "will be", "can be",
                // A wish or a proposal ("They'd like to see you Friday") books nothing yet.
                "like to", "love to", "want to", "wants to", "hope to", "could ", "would ",
            ]
            .iter()
            .any(|w| clause.contains(w))
            {
                continue;
            }
            return Some(sentence_at(text, m.start()));
        }
    }
    None
}

static EMAIL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:this|your|my|the|an?) (?:e-?mail|mail|mailbox)\b|reply to this|by return|wrote:|calendar invite(?:ation)? (?:is )?attached|attached to this email",
    )
});
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?m)^\s*(?:Dear|Hi|Hello|Hey|Hiya|G'day|G’day|Good (?:morning|afternoon|day)|Kia ora|Bonjour|Hallo|Hola|Guten Tag|Sehr geehrte[rs]?|Estimad[oa]|Hej|Ciao|Olá|Caro|Cara|Beste)\b[^\n]{0,60}[,:!]\s*$",
    )
});
static LINKEDIN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\binmail\b|be an early applicant|actively recruiting|connection request|linkedin")
});

/// The channel: an .eml is e-mail (LinkedIn's own mail aside); pasted text tells by its header.
pub fn channel(
    doc: &super::input::Doc,
    body: &str,
    quoted: &str,
    invitation: bool,
) -> Option<(super::OriginChannel, String)> {
    use super::input::Format;
    use super::OriginChannel;
    match doc.format {
        Format::Ics => None,
        Format::Eml if doc.linkedin => Some((OriginChannel::Linkedin, "From: LinkedIn".into())),
        Format::Eml => Some((OriginChannel::Email, "an e-mail message (.eml)".into())),
        Format::Text => {
            if doc.linkedin {
                return Some((OriginChannel::Linkedin, "a LinkedIn message header".into()));
            }
            if let Some(m) = LINKEDIN_WORDS.find(body) {
                return Some((OriginChannel::Linkedin, sentence_at(body, m.start())));
            }
            // A copied chat: its earlier messages are the same conversation ("thanks for
            // accepting my connection request"); without such a word, its channel is unknown.
            if doc.chat {
                return LINKEDIN_WORDS
                    .find(quoted)
                    .map(|m| (OriginChannel::Linkedin, sentence_at(quoted, m.start())));
            }
            if doc.mail_headers {
                return Some((
                    OriginChannel::Email,
                    "mail header lines (From:/Subject:)".into(),
                ));
            }
            if doc.forward.is_some() {
                return Some((OriginChannel::Email, "a forwarded e-mail".into()));
            }
            if let Some(m) = EMAIL_WORDS.find(body) {
                return Some((OriginChannel::Email, sentence_at(body, m.start())));
            }
            if !quoted.is_empty() && quoted.contains('@') {
                return Some((OriginChannel::Email, "a quoted e-mail".into()));
            }
            // A mail signature: the writer's address under their name.
            let sig = super::people::signature(body);
            if sig.name.is_some() && sig.email.is_some() {
                return Some((OriginChannel::Email, sig.text.clone()));
            }
            // An invitation written as a letter: a salutation line and a sign-off with a name
            // under it (LinkedIn's messages were told apart above, by header and wording). A
            // reply's channel is the opportunity's, already recorded: not guessed from its form.
            if let Some(m) = SALUTATION.find(body).filter(|_| invitation) {
                if sig.name.is_some() {
                    return Some((OriginChannel::Email, sentence_at(body, m.start())));
                }
            }
            None
        }
    }
}

/// A platform's receipt for an application ("Application submitted: Bike Mechanic at …",
/// "Thanks for applying to …"): it names the company and the role it is about.
pub fn is_receipt(subject: &str, body: &str) -> bool {
    static RECEIPT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:application (?:submitted|received|sent)|thanks? (?:you )?for (?:applying|your application)|we(?:'ve| have) received your application|your application (?:to|for|has been))").expect("valid")
    });
    RECEIPT.is_match(subject) || RECEIPT.is_match(body)
}

/// A job alert or a digest of openings: many jobs, none of them the user's.
static JOB_ALERT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b\d+\s+(?:new|more|nuevas?|nuevos|neue|nouvelles|nouveaux|nye|nya|nieuwe|novas?|novos)\b|\bjob alerts?\b|\bjobs? (?:matching|for you|you might|you may)\b|\broles? (?:matching|for you)\b|\brecommended (?:jobs|roles|for you)\b|\bvacantes\b|\bstellenangebote\b|\boffres d'emploi\b|\bnew (?:jobs|roles|openings) (?:at|in|for|this)\b",
    )
});

/// Whether a bulk message lists openings rather than speaks of one job.
pub fn is_job_alert(subject: &str, body: &str) -> bool {
    let mut end = body.len().min(400);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    JOB_ALERT.is_match(subject) || JOB_ALERT.is_match(&body[..end])
}
