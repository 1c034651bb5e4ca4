//! The catalogue: every label and limit the window shows, sent once when it starts. The window
//! keeps no copy of its own, so the wizard, the advice, Compose, Practise, History and Reminders
//! name each thing exactly as the core (and the CLI) does.

use serde::Serialize;

use crate::compose::draft::LINKEDIN_LIMIT;
use crate::compose::user::{MAX_OUTPUT_BYTES, MAX_SOURCE_BYTES};
use crate::decide::advice::{StepState, Verdict, IDEAL_HOURS, LAST_MINUTE_HOURS, RESPOND_HOURS};
use crate::decide::situation::{
    Audience, Formality, Logistics, NonNegotiable, OriginChannel, Rapport, Reason, Stage,
    MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_PHONE_CHARS, MAX_ROUNDS,
};
use crate::lint::{RuleId, RuleInfo};
use crate::message::{Channel, MessageKind};
use crate::read::{Intent, MAX_READ_BYTES};
use crate::reminders::plan::FOLLOW_UP_MONTHS;
use crate::reminders::ReminderKind;
use crate::speech::{self, BEAT_NAMES, DEFAULT_WPM, MAX_WPM, MIN_WPM, TARGET_SECONDS};
use crate::store::opportunities::STATUSES;

/// An id and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The value used in JSON (`accepted_offer`).
    pub id: String,
    /// What the user reads.
    pub label: String,
    /// A line under the label, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<&'static str>,
}

/// A message kind as menus show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindEntry {
    /// `accepted_offer`.
    pub id: MessageKind,
    /// Its label.
    pub label: &'static str,
    /// The menu group.
    pub group: &'static str,
    /// Channels it is written for.
    pub channels: &'static [Channel],
    /// Whether the advice can pick it.
    pub advisable: bool,
}

/// The numbers the window shows or checks against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// The phone call's target, `[min, max]` seconds.
    pub call_seconds: [u32; 2],
    /// Speaking pace, words a minute.
    pub wpm: [u32; 3],
    /// Longest LinkedIn note, in characters.
    pub linkedin_chars: usize,
    /// Hours after the invitation by which an answer is ideal.
    pub ideal_hours: i64,
    /// Hours after the invitation by which an answer is due.
    pub respond_hours: i64,
    /// An interview closer than this many hours is a last-minute cancellation.
    pub last_minute_hours: i64,
    /// Longest company or role name.
    pub name_chars: usize,
    /// Longest email address.
    pub email_chars: usize,
    /// Longest phone number.
    pub phone_chars: usize,
    /// Most interview rounds.
    pub max_rounds: u32,
    /// Follow-up delay, `[min, max]` months.
    pub follow_up_months: [u32; 2],
    /// Largest template source and rendered output, in bytes.
    pub template_bytes: [usize; 2],
    /// Largest message (pasted or dropped) the reader takes, in bytes.
    pub read_bytes: usize,
}

/// Everything the window names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalog {
    /// Verdicts (the advice's headline).
    pub verdicts: Vec<Label>,
    /// Roadmap step states.
    pub step_states: Vec<Label>,
    /// Channels.
    pub channels: Vec<Label>,
    /// Message kinds.
    pub message_kinds: Vec<KindEntry>,
    /// Who should hear about the decision.
    pub audiences: Vec<Label>,
    /// Reasons to decline, with their hints.
    pub reasons: Vec<Label>,
    /// Non-negotiables.
    pub non_negotiables: Vec<Label>,
    /// Logistics.
    pub logistics: Vec<Label>,
    /// How far the process has gone.
    pub stages: Vec<Label>,
    /// Where the conversation started.
    pub origin_channels: Vec<Label>,
    /// How well the user knows them.
    pub rapport: Vec<Label>,
    /// Tone.
    pub formality: Vec<Label>,
    /// An opportunity's status in History.
    pub statuses: Vec<Label>,
    /// Proofreading rules, with the principle each protects.
    pub rules: Vec<RuleInfo>,
    /// Reminder kinds, with why each matters.
    pub reminder_kinds: Vec<Label>,
    /// The beats of a phone call.
    pub beats: Vec<Label>,
    /// What a recruiter's reply wants, as the reader tells it.
    pub intents: Vec<Label>,
    /// Numbers.
    pub limits: Limits,
}

fn label<T: Serialize + Copy>(value: T, text: &str, hint: Option<&'static str>) -> Label {
    Label {
        id: serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        label: text.to_owned(),
        hint,
    }
}

fn labels<T: Serialize + Copy>(all: &[T], text: impl Fn(T) -> &'static str) -> Vec<Label> {
    all.iter().map(|&v| label(v, text(v), None)).collect()
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The catalogue.
pub fn catalog() -> Catalog {
    Catalog {
        verdicts: labels(&Verdict::ALL, Verdict::label),
        step_states: labels(&StepState::ALL, StepState::label),
        channels: labels(&Channel::ALL, Channel::label),
        message_kinds: MessageKind::ALL
            .iter()
            .map(|&k| KindEntry {
                id: k,
                label: k.label(),
                group: k.group(),
                channels: k.channels(),
                advisable: k.advisable(),
            })
            .collect(),
        audiences: labels(&Audience::ALL, Audience::label),
        reasons: Reason::ALL
            .iter()
            .map(|&r| label(r, r.label(), Some(r.hint())))
            .collect(),
        non_negotiables: labels(&NonNegotiable::ALL, NonNegotiable::label),
        logistics: labels(&Logistics::ALL, Logistics::label),
        stages: labels(&Stage::ALL, Stage::label),
        origin_channels: labels(&OriginChannel::ALL, OriginChannel::label),
        rapport: labels(&Rapport::ALL, Rapport::label),
        formality: labels(&Formality::ALL, Formality::label),
        statuses: STATUSES
            .iter()
            .map(|(id, text)| Label {
                id: (*id).to_owned(),
                label: (*text).to_owned(),
                hint: None,
            })
            .collect(),
        rules: RuleId::ALL.iter().map(|r| r.info()).collect(),
        reminder_kinds: ReminderKind::ALL
            .iter()
            .map(|&k| label(k, k.label(), Some(k.why())))
            .collect(),
        beats: BEAT_NAMES
            .iter()
            .map(|b| Label {
                id: (*b).to_owned(),
                label: upper_first(speech::label(b)),
                hint: None,
            })
            .collect(),
        intents: labels(&Intent::ALL, Intent::label),
        limits: Limits {
            call_seconds: [TARGET_SECONDS.0, TARGET_SECONDS.1],
            wpm: [MIN_WPM, DEFAULT_WPM, MAX_WPM],
            linkedin_chars: LINKEDIN_LIMIT,
            ideal_hours: IDEAL_HOURS,
            respond_hours: RESPOND_HOURS,
            last_minute_hours: LAST_MINUTE_HOURS,
            name_chars: MAX_NAME_CHARS,
            email_chars: MAX_EMAIL_CHARS,
            phone_chars: MAX_PHONE_CHARS,
            max_rounds: MAX_ROUNDS,
            follow_up_months: [FOLLOW_UP_MONTHS.0, FOLLOW_UP_MONTHS.1],
            template_bytes: [MAX_SOURCE_BYTES, MAX_OUTPUT_BYTES],
            read_bytes: MAX_READ_BYTES,
        },
    }
}
