//! The rules of a good decline, one function per [`RuleId`] in a file named after it. Each reads
//! the message through one shared [`Ctx`] — its [`Shape`], the purpose, where the decision is —
//! so no rule splits or re-reads the text its own way and every finding points at the same places.

mod ambiguous_decision;
mod apology_excess;
mod decision_late;
mod dishonest_claim;
mod gratitude_late;
mod late_response;
mod missing_subject;
mod no_closing;
mod no_decision;
mod no_future;

pub(super) use no_future::offers_future;
mod no_gratitude;
mod over_explaining;
mod oversharing_personal;
mod protected_attribute;
mod rude;
mod shouting;
mod terse;
mod unfilled_placeholder;
mod vague_subject;

use super::phrases::{
    CHANGE_REQUESTS, DECISIONS, GRATITUDE, HEDGES, REOPEN_REQUESTS, TERSE, TIME_REQUESTS,
};
use super::text::{self, Piece, Shape};
use super::{Finding, Input, Part, Purpose, RuleId};
use crate::decide::{advise, Verdict};
use crate::message::Channel;

/// One rule: reads the context, adds its findings.
type Check = fn(&Ctx<'_>, &mut Findings);

/// Every rule of the text, in the order they run (spelling and grammar are `language.rs`).
const RULES: [(RuleId, Check); 19] = [
    (RuleId::NoDecision, no_decision::check),
    (RuleId::DecisionLate, decision_late::check),
    (RuleId::AmbiguousDecision, ambiguous_decision::check),
    (RuleId::Terse, terse::check),
    (RuleId::Rude, rude::check),
    (RuleId::NoGratitude, no_gratitude::check),
    (RuleId::GratitudeLate, gratitude_late::check),
    (RuleId::ApologyExcess, apology_excess::check),
    (RuleId::Shouting, shouting::check),
    (RuleId::UnfilledPlaceholder, unfilled_placeholder::check),
    (RuleId::DishonestClaim, dishonest_claim::check),
    (RuleId::ProtectedAttribute, protected_attribute::check),
    (RuleId::OversharingPersonal, oversharing_personal::check),
    (RuleId::OverExplaining, over_explaining::check),
    (RuleId::NoClosing, no_closing::check),
    (RuleId::NoFuture, no_future::check),
    (RuleId::LateResponse, late_response::check),
    (RuleId::MissingSubject, missing_subject::check),
    (RuleId::VagueSubject, vague_subject::check),
];

/// What every rule may read about the message, computed once.
pub(super) struct Ctx<'a> {
    /// The message and its Situation.
    pub input: &'a Input<'a>,
    /// The body, split.
    pub shape: Shape<'a>,
    /// The body lower-cased ASCII-wise, so byte offsets found in it fit the body.
    pub lower: String,
    /// What the message is for.
    pub purpose: Purpose,
    /// A phone script (judged as speech: no subject, no sign-off).
    pub speech: bool,
    /// Words in the message proper (greeting and sign-off aside).
    pub proper_words: usize,
    /// The sentence stating the decision, and how many counted sentences come before it.
    pub decision: Option<(usize, Piece<'a>)>,
    /// The message contains a curt phrase ("no thanks").
    pub curt: bool,
}

impl<'a> Ctx<'a> {
    fn new(input: &'a Input<'a>) -> Ctx<'a> {
        let shape = text::shape(input.body);
        let lower = input.body.to_ascii_lowercase();
        let purpose = purpose(input);
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
        let proper_words = shape
            .sentences
            .iter()
            .map(|s| text::word_count(s.text))
            .sum();
        Ctx {
            input,
            lower,
            purpose,
            speech: input.channel == Channel::Phone,
            proper_words,
            decision,
            curt,
            shape,
        }
    }

    /// The whole body as a span.
    pub fn whole(&self) -> (usize, usize) {
        (0, self.input.body.len())
    }

    /// The text of a body span.
    pub fn at(&self, (start, end): (usize, usize)) -> &'a str {
        &self.input.body[start..end]
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&Piece<'a>> {
        self.shape
            .sentences
            .iter()
            .find(|s| s.start <= at && at < s.end)
    }
}

/// Findings as a rule adds them.
pub(super) struct Findings(Vec<Finding>);

impl Findings {
    /// A finding of `rule` (at its usual severity) on a span of the body.
    pub fn body(&mut self, rule: RuleId, message: String, (start, end): (usize, usize)) {
        self.0.push(Finding {
            rule,
            severity: rule.severity(),
            message,
            part: Part::Body,
            start,
            end,
            suggestion: None,
        });
    }

    /// A finding on the subject line.
    pub fn subject(
        &mut self,
        rule: RuleId,
        message: String,
        (start, end): (usize, usize),
        suggestion: Option<String>,
    ) {
        self.0.push(Finding {
            rule,
            severity: rule.severity(),
            message,
            part: Part::Subject,
            start,
            end,
            suggestion,
        });
    }
}

/// Runs every rule on `input`.
pub(super) fn run(input: &Input<'_>) -> Vec<Finding> {
    let ctx = Ctx::new(input);
    let mut out = Findings(Vec::new());
    for (_, check) in RULES {
        check(&ctx, &mut out);
    }
    out.0
}

/// The function of a rule, for tests that run one rule alone.
#[cfg(test)]
pub(super) fn check_of(rule: RuleId) -> Option<Check> {
    RULES.iter().find(|(id, _)| *id == rule).map(|(_, c)| *c)
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
pub(super) fn find_words(lower: &str, word: &str) -> Vec<(usize, usize)> {
    lower
        .match_indices(word)
        .filter(|(at, _)| word_bounded(lower, *at, word.len()))
        .map(|(at, _)| (at, at + word.len()))
        .collect()
}

/// Whether `s[at..at + len]` is a whole word (or phrase).
pub(super) fn word_bounded(s: &str, at: usize, len: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at + len..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a span lies inside the company, role or a person's name as the Situation gives them
/// ("Age UK", "Wife & Co") — those are names, not statements.
pub(super) fn inside_names(input: &Input<'_>, (start, end): (usize, usize)) -> bool {
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
