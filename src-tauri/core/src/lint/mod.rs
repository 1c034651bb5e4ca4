//! Proofread: the pre-send checklist and the common mistakes of a decline, as rules with stable
//! ids that point at byte ranges of the subject or body; plus offline spelling and grammar.
//! Rules read the channel (a phone script is judged as speech) and, when given, the Situation.

pub mod checklist;
#[cfg(test)]
mod corpus_tests;
pub mod decision;
mod language;
mod phrases;
pub mod rule;
mod rules;
pub mod text;
pub mod tokens;

pub use language::{warm_up, MAX_LANGUAGE_BYTES};
pub use rule::{RuleId, RuleInfo};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::decide::Situation;
use crate::message::{Channel, MessageKind};
use crate::{Error, Result};

/// At most this many findings of one rule are reported for one message.
pub const MAX_PER_RULE: usize = 20;

/// Largest text the linter reads, in bytes; more is refused with a message.
pub const MAX_LINT_BYTES: usize = 1 << 20;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before sending.
    Error,
    /// Worth fixing.
    Warning,
    /// A suggestion.
    Info,
}

/// Which part of the message a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The subject line.
    Subject,
    /// The body.
    Body,
}

/// One thing the proofreader found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Which rule, e.g. `no-gratitude`.
    pub rule: RuleId,
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong and what to do, in plain words.
    pub message: String,
    /// Subject or body.
    pub part: Part,
    /// Byte offset where the span starts in that part.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// Replacement text for the span, when there is an obvious one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Findings that must be fixed.
    pub errors: usize,
    /// Findings worth fixing.
    pub warnings: usize,
    /// Suggestions.
    pub infos: usize,
}

/// Everything found in one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Findings, in order of position (subject first).
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub summary: Summary,
}

/// What the message is for, which decides what "a clear decision" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Declining or withdrawing (and replies that hold the decline).
    Decline,
    /// Cancelling a scheduled interview.
    Cancel,
    /// Asking to move an interview to another time.
    Reschedule,
    /// Asking for a few more days.
    AskForTime,
    /// Asking for a change before deciding.
    Negotiate,
    /// Asking to reopen a declined application.
    Reopen,
    /// Reconnecting months later: no decision at all.
    FollowUp,
}

impl From<MessageKind> for Purpose {
    fn from(kind: MessageKind) -> Purpose {
        match kind {
            MessageKind::AskForTime => Purpose::AskForTime,
            MessageKind::Negotiate => Purpose::Negotiate,
            MessageKind::Reopen => Purpose::Reopen,
            MessageKind::FollowUp => Purpose::FollowUp,
            MessageKind::CancelLastMinute => Purpose::Cancel,
            _ => Purpose::Decline,
        }
    }
}

/// A message to proofread.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// Subject line (email), if any.
    pub subject: Option<&'a str>,
    /// The text.
    pub body: &'a str,
    /// How it will be delivered.
    pub channel: Channel,
    /// The Situation it answers, when known.
    pub situation: Option<&'a Situation>,
    /// What the message is for; read from the text when absent (see [`infer_purpose`]).
    pub purpose: Option<Purpose>,
    /// The moment to judge lateness against.
    pub now: DateTime<FixedOffset>,
}

/// Runs every rule (not spelling and grammar: see [`lint_with_language`]).
pub fn lint(input: &Input<'_>) -> Result<Report> {
    check_size(input)?;
    let mut findings = rules::run(input);
    Ok(report(&mut findings))
}

/// Everything [`lint`] does, plus offline spelling and grammar.
pub fn lint_with_language(input: &Input<'_>) -> Result<Report> {
    check_size(input)?;
    let mut findings = rules::run(input);
    findings.extend(language::spelling_and_grammar(input));
    Ok(report(&mut findings))
}

fn check_size(input: &Input<'_>) -> Result<()> {
    let size = input.body.len() + input.subject.map_or(0, str::len);
    if size > MAX_LINT_BYTES {
        return Err(Error::invalid(
            "input",
            format!("is {size} bytes; Politely proofreads messages up to 1 MiB"),
        ));
    }
    Ok(())
}

fn report(findings: &mut Vec<Finding>) -> Report {
    findings.sort_by_key(|f| (f.part == Part::Body, f.start, f.severity, f.rule.as_str()));
    // Two checkers may flag the same span for the same rule (a misspelling and a typo): once.
    findings.dedup_by(|b, a| {
        a.rule == b.rule && a.part == b.part && a.start == b.start && a.end == b.end
    });
    // A mistake repeated thousands of times ("!!!!…") is one problem: keep the first few of each
    // rule, so a hostile text cannot flood the window or the terminal.
    let mut per_rule: std::collections::HashMap<RuleId, usize> = std::collections::HashMap::new();
    findings.retain(|f| {
        let n = per_rule.entry(f.rule).or_default();
        *n += 1;
        *n <= MAX_PER_RULE
    });
    let mut summary = Summary::default();
    for f in findings.iter() {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    Report {
        findings: std::mem::take(findings),
        summary,
    }
}

/// Whether `sentence` states a decision or request for `purpose` firmly (the test the
/// proofreader uses, see [`decision`]), so other features read messages the same way.
pub fn states_decision(sentence: &str, purpose: Purpose) -> bool {
    decision::analyse(&tokens::tokens(sentence, 0))
        .iter()
        .any(|a| !a.hedged && a.serves(purpose))
}

/// What a message is for, read from its text: its strongest request or decision (a decline
/// when it states none). The proofreader uses this when no purpose is given.
pub fn infer_purpose(body: &str) -> Purpose {
    rules::read_purpose(body).unwrap_or(Purpose::Decline)
}

/// Whether `sentence` thanks the reader (a curt "no thanks" does not).
pub fn thanks(sentence: &str) -> bool {
    rules::thanks(&sentence.to_lowercase())
}

/// Splits CLI/text input: an optional first line `Subject: …` is the subject.
pub fn split_subject(text: &str) -> (Option<&str>, &str) {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end_matches('\r');
    match first
        .strip_prefix("Subject:")
        .or_else(|| first.strip_prefix("subject:"))
    {
        Some(subject) => {
            let rest = &text[first_end..];
            let body = rest.trim_start_matches(['\r', '\n']);
            (Some(subject.trim()), body)
        }
        None => (None, text),
    }
}

#[cfg(test)]
mod tests;
