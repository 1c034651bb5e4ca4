//! The rules of a good decline, one function per [`RuleId`] in a file named after it. Each reads
//! the message through one shared [`Ctx`] — its [`Shape`], the purpose, where the decision is —
//! so no rule splits or re-reads the text its own way and every finding points at the same places.

mod ambiguous_decision;
mod apology_excess;
mod blaming;
mod condescending;
mod decision_late;
mod dishonest_claim;
mod gratitude_late;
mod implausible_excuse;
mod late_response;
mod missing_subject;
mod no_closing;
mod no_decision;
mod no_future;

pub(super) use no_future::offers_future;
mod no_gratitude;
mod over_explaining;
mod oversharing_personal;
mod passive_aggressive;
mod protected_attribute;
mod rude;
mod shouting;
mod terse;
mod tone_model;
mod unfilled_placeholder;
mod vague_subject;

use std::collections::HashSet;

use super::decision::{self, Act};
use super::phrases::{GRATITUDE, TERSE};
use super::text::{self, Piece, Shape};
use super::tokens::{self, near, Pattern, Tok};
use super::{Finding, Input, Part, Purpose, RuleId, Severity};
use crate::message::Channel;

/// One rule: reads the context, adds its findings.
type Check = fn(&Ctx<'_>, &mut Findings);

/// Every rule of the text, in the order they run (spelling and grammar are `language.rs`).
const RULES: [(RuleId, Check); 23] = [
    (RuleId::NoDecision, no_decision::check),
    (RuleId::DecisionLate, decision_late::check),
    (RuleId::AmbiguousDecision, ambiguous_decision::check),
    (RuleId::Terse, terse::check),
    (RuleId::Rude, rude::check),
    (RuleId::Condescending, condescending::check),
    (RuleId::Blaming, blaming::check),
    (RuleId::PassiveAggressive, passive_aggressive::check),
    (RuleId::ImplausibleExcuse, implausible_excuse::check),
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

/// The units a message is read in: a greeting that is a sentence of its own ("Hi Dana, I'm
/// calling about Monday.") and then the sentences of the message proper, with their tokens.
struct Units<'a> {
    pieces: Vec<Piece<'a>>,
    toks: Vec<Vec<Tok>>,
    /// Index of the first sentence proper (1 when the greeting is a unit).
    first: usize,
}

fn units<'a>(shape: &Shape<'a>) -> Units<'a> {
    let greeting = shape.greeting.filter(|g| !g.text.trim_end().ends_with(','));
    let pieces: Vec<Piece<'a>> = greeting.iter().chain(&shape.sentences).copied().collect();
    let toks = pieces
        .iter()
        .map(|p| tokens::tokens(p.text, p.start))
        .collect();
    Units {
        pieces,
        toks,
        first: usize::from(greeting.is_some()),
    }
}

fn acts_of(toks: &[Vec<Tok>]) -> Vec<(usize, Act)> {
    toks.iter()
        .enumerate()
        .flat_map(|(i, t)| decision::analyse(t).into_iter().map(move |a| (i, a)))
        .collect()
}

/// The purpose the text shows, if it shows one.
pub(super) fn read_purpose(body: &str) -> Option<Purpose> {
    let shape = text::shape(body);
    let units = units(&shape);
    let acts = acts_of(&units.toks);
    decision::infer(acts.iter().map(|(_, a)| a))
}

/// What every rule may read about the message, computed once.
pub(super) struct Ctx<'a> {
    /// The message and its Situation.
    pub input: &'a Input<'a>,
    /// The body, split.
    pub shape: Shape<'a>,
    /// The body lower-cased ASCII-wise, so byte offsets found in it fit the body.
    pub lower: String,
    /// What the message is for: as given, else read from the text.
    pub purpose: Purpose,
    /// A phone script (judged as speech: no subject, no sign-off).
    pub speech: bool,
    /// Words in the message proper (greeting and sign-off aside).
    pub proper_words: usize,
    /// The greeting when it is a sentence, then the sentences of the message proper.
    pub units: Vec<Piece<'a>>,
    /// The tokens of each unit.
    pub toks: Vec<Vec<Tok>>,
    /// The words of each unit outside quotation marks, to skip at once the patterns whose
    /// required words are not there.
    pub words: Vec<HashSet<String>>,
    /// What each unit decides or asks: (unit index, act).
    pub acts: Vec<(usize, Act)>,
    /// The sentence stating the decision, and how many counted sentences come before it.
    pub decision: Option<(usize, Piece<'a>)>,
    /// The message contains a curt phrase ("no thanks").
    pub curt: bool,
    /// The message thanks them somewhere.
    pub grateful: bool,
}

impl<'a> Ctx<'a> {
    fn new(input: &'a Input<'a>) -> Ctx<'a> {
        let shape = text::shape(input.body);
        let lower = input.body.to_ascii_lowercase();
        let Units {
            pieces,
            toks,
            first,
        } = units(&shape);
        let acts = acts_of(&toks);
        let purpose = input
            .purpose
            .or_else(|| decision::infer(acts.iter().map(|(_, a)| a)))
            .unwrap_or(Purpose::Decline);
        // Small talk ("Have you got two minutes?", "Could I ask you something?") does not
        // delay the decision.
        let asks_nothing = |s: &Piece| {
            let u = pieces.iter().position(|p| p == s);
            u.is_none_or(|u| acts.iter().all(|(i, _)| *i != u))
        };
        let counted: Vec<&Piece> = shape
            .sentences
            .iter()
            .filter(|s| {
                !(s.text.ends_with('?') && (text::word_count(s.text) <= 8 || asks_nothing(s)))
            })
            .collect();
        // The decision may itself be a short question ("Is there any flexibility on location?").
        let decision = acts
            .iter()
            .find(|(_, a)| !a.hedged && a.serves(purpose))
            .map(|&(u, _)| {
                let d = pieces[u];
                let before = if u < first {
                    0
                } else {
                    counted.iter().take_while(|s| s.start < d.start).count()
                };
                (before, d)
            });
        let curt = TERSE.iter().any(|t| lower.contains(t));
        let proper_words = shape
            .sentences
            .iter()
            .map(|s| text::word_count(s.text))
            .sum();
        let grateful = pieces
            .iter()
            .chain(shape.sign_off.iter())
            .any(|s| thanks(&s.text.to_lowercase()));
        Ctx {
            input,
            lower,
            purpose,
            speech: input.channel == Channel::Phone,
            proper_words,
            units: pieces,
            words: toks
                .iter()
                .map(|t| {
                    t.iter()
                        .filter(|t| !t.quoted)
                        .map(|t| t.w.clone())
                        .collect()
                })
                .collect(),
            toks,
            acts,
            decision,
            curt,
            grateful,
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
        self.units.iter().find(|s| s.start <= at && at < s.end)
    }

    /// Every match of the patterns in the message's units, as byte spans of the body (one per
    /// unit and pattern at most), with the unit index.
    pub fn matches(&self, patterns: &[Pattern]) -> Vec<(usize, (usize, usize))> {
        let mut out = Vec::new();
        for (u, (toks, words)) in self.toks.iter().zip(&self.words).enumerate() {
            for p in patterns.iter().filter(|p| p.possible_with(words)) {
                if let Some((a, b)) = p.find(toks) {
                    out.push((u, (toks[a].start, toks[b - 1].end)));
                }
            }
        }
        out
    }
}

/// A rule made of token patterns: one finding per sentence that matches any of them (names
/// from the Situation aside), with `message` saying what the matched words do.
pub(super) fn pattern_rule(
    ctx: &Ctx<'_>,
    out: &mut Findings,
    rule: RuleId,
    list: &[Pattern],
    message: impl Fn(&str) -> String,
) {
    let mut seen = Vec::new();
    for (unit, span) in ctx.matches(list) {
        if seen.contains(&unit) || inside_names(ctx.input, span) {
            continue;
        }
        seen.push(unit);
        out.body(rule, message(ctx.at(span)), span);
    }
}

/// Patterns from their sources (see [`Pattern`]).
pub(super) fn patterns(sources: &[&str]) -> Vec<Pattern> {
    sources.iter().map(|s| Pattern::new(s)).collect()
}

/// Findings as a rule adds them. Each message says what is wrong and what to do; the principle
/// the rule protects is added as the last sentence, so every finding says why it matters.
pub(super) struct Findings(Vec<Finding>);

impl Findings {
    /// A finding of `rule` (at its usual severity) on a span of the body.
    pub fn body(&mut self, rule: RuleId, message: String, span: (usize, usize)) {
        self.body_at(rule, rule.severity(), message, span);
    }

    /// A finding of `rule` as a warning, whatever its usual severity: the rule is not sure
    /// (`no-decision` when the purpose was only guessed, the tone model).
    pub fn body_unsure(&mut self, rule: RuleId, message: String, span: (usize, usize)) {
        self.body_at(rule, Severity::Warning, message, span);
    }

    fn body_at(
        &mut self,
        rule: RuleId,
        severity: Severity,
        message: String,
        (start, end): (usize, usize),
    ) {
        self.0.push(Finding {
            rule,
            severity,
            message: explained(rule, message),
            part: Part::Body,
            start,
            end,
            suggestion: None,
        });
    }

    /// Whether `rule` has found something already.
    pub fn has(&self, rule: RuleId) -> bool {
        self.0.iter().any(|f| f.rule == rule)
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
            message: explained(rule, message),
            part: Part::Subject,
            start,
            end,
            suggestion,
        });
    }
}

/// `message` followed by the principle of `rule`: what to fix, then why.
pub(super) fn explained(rule: RuleId, message: String) -> String {
    format!("{} {}", message.trim_end(), rule.principle())
}

/// Runs every rule on `input`.
pub(super) fn run(input: &Input<'_>) -> Vec<Finding> {
    let ctx = Ctx::new(input);
    let mut out = Findings(Vec::new());
    for (_, check) in RULES {
        check(&ctx, &mut out);
    }
    tone_model::check(&ctx, &mut out);
    out.0
}

/// The function of a rule, for tests that run one rule alone.
#[cfg(test)]
pub(super) fn check_of(rule: RuleId) -> Option<Check> {
    RULES.iter().find(|(id, _)| *id == rule).map(|(_, c)| *c)
}

/// Whether a sentence thanks them; a curt "no thanks" is not thanks.
pub(super) fn thanks(s: &str) -> bool {
    let mut s = s.replace('’', "'");
    for t in TERSE {
        s = s.replace(t, " ");
    }
    // Misspelt thanks are still thanks ("apreciate", "greatful", "thnaks").
    GRATITUDE.iter().any(|g| s.contains(g))
        || text::words(&s, 0).any(|w| {
            w.text.len() >= 6
                && ["thanks", "appreciate", "grateful", "gratitude", "thankful"]
                    .iter()
                    .any(|g| near(w.text, g, 1))
        })
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
    if let Some(c) = &s.sender {
        names.extend(c.name.as_deref());
    }
    names.into_iter().filter(|n| !n.is_empty()).any(|n| {
        input
            .body
            .match_indices(n)
            .any(|(at, _)| at <= start && end <= at + n.len())
    })
}
