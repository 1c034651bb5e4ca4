//! Proofreading a draft with its Situation: the findings and the send checklist.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::decide::Situation;
use crate::lint::checklist::{send_checklist, CheckItem};
use crate::lint::{self, Input, Purpose, Report};
use crate::message::{Channel, MessageKind};
use crate::Result;

/// A draft as the window proofreads it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftToProofread {
    /// The Situation it answers, when known.
    #[serde(default)]
    pub situation: Option<Value>,
    /// Its channel.
    pub channel: Channel,
    /// The message it is (decides what "a clear decision" means).
    #[serde(default)]
    pub scenario: Option<MessageKind>,
    /// Subject (email).
    #[serde(default)]
    pub subject: Option<String>,
    /// The text.
    pub body: String,
    /// Whether this text is saved in History.
    #[serde(default)]
    pub saved: bool,
}

/// What the window shows beside a draft.
#[derive(Debug, Clone, Serialize)]
pub struct Proofread {
    /// Findings and counts.
    pub report: Report,
    /// The seven-point send checklist.
    pub checklist: Vec<CheckItem>,
}

/// Proofreads a draft (rules, spelling and grammar) and ticks the send checklist.
pub fn draft(draft: &DraftToProofread, now: DateTime<FixedOffset>) -> Result<Proofread> {
    let situation = draft
        .situation
        .clone()
        .map(|v| super::situation(v, now))
        .transpose()?;
    let text = Text {
        subject: draft.subject.as_deref(),
        body: &draft.body,
        channel: draft.channel,
        purpose: draft.scenario.map(Purpose::from),
    };
    proofread(&text, situation.as_ref(), draft.saved, now)
}

/// A message to proofread, as the command line reads it.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// Subject (email only; ignored on other channels).
    pub subject: Option<&'a str>,
    /// The text.
    pub body: &'a str,
    /// Its channel.
    pub channel: Channel,
    /// What it is for; from the Situation's advice when absent, else a decline.
    pub purpose: Option<Purpose>,
}

/// Proofreads a message against its Situation (if known), judged at the Situation's `now` or
/// `now`: the one path of the window and `politely lint`.
pub fn proofread(
    text: &Text<'_>,
    situation: Option<&Situation>,
    saved: bool,
    now: DateTime<FixedOffset>,
) -> Result<Proofread> {
    let input = Input {
        subject: text.subject.filter(|_| text.channel == Channel::Email),
        body: text.body,
        channel: text.channel,
        situation,
        purpose: text.purpose,
        now: situation.map_or(now, |s| s.now_or(now)),
    };
    let report = lint::lint_with_language(&input)?;
    let checklist = send_checklist(&report, &input, saved);
    Ok(Proofread { report, checklist })
}
