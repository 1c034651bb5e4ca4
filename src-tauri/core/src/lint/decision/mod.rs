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

use super::tokens::Tok;
use super::Purpose;

mod lexicon;
mod patterns;
mod read;
mod sentence;
#[cfg(test)]
mod tests;

use patterns::{any, GAP, KEEP_IN_TOUCH, STATUS_CHECK, UNDECIDED};
use sentence::Sentence;

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
    /// Asks after news of an interview had ("just following up on next steps").
    StatusCheck,
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
/// cancellation over a decline; an earlier decline alone, or asking after news of an interview,
/// makes a follow-up; nothing, `None`.
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
    (earlier || has(Kind::StatusCheck) || has(Kind::KeepInTouch) && has(Kind::Gap))
        .then_some(Purpose::FollowUp)
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
    // The writer asking after news, not thanking them for theirs ("thanks for following up")
    // or musing on their own ("my next steps").
    let theirs = |a: usize| {
        a > 0
            && matches!(
                toks[a - 1].w.as_str(),
                "for" | "you" | "your" | "my" | "our"
            )
    };
    if let Some(span) = STATUS_CHECK
        .iter()
        .flat_map(|p| p.find_all(toks))
        .find(|&(a, _)| !theirs(a))
    {
        acts.push(s.act(Kind::StatusCheck, span));
    }
    acts
}
