//! Compose: turns a Situation into ready drafts for every channel from the Tera templates in
//! `templates/`, shapes them for sending (mailto, .eml, .txt), and renders the user's own
//! templates in a sandbox.

pub mod context;
pub mod draft;
pub mod library;
pub mod sandbox;
pub mod send;
pub mod user;

pub use crate::decide::Channel;
pub use draft::{compose, Block, Draft, Request};

use serde::{Deserialize, Serialize};

use crate::decide::Scenario;

impl Channel {
    /// Every channel, in the order the preview shows them.
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Phone, Channel::Linkedin];

    /// The name used in JSON, the CLI and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Linkedin => "linkedin",
        }
    }

    /// Reads a channel name.
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Which message a draft is: every scenario the advice engine emits, and the follow-up messages
/// around a decline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Withdrawing because another offer was accepted.
    AcceptedOffer,
    /// Commute, relocation, visa or time zone make the job unworkable.
    Logistics,
    /// The job conflicts with a non-negotiable.
    NotAFit,
    /// The role does not offer the growth needed.
    Growth,
    /// Focusing on another direction.
    Direction,
    /// Staying in the current job.
    StayingCurrentJob,
    /// Circumstances changed (kept private).
    CircumstancesChanged,
    /// Cancelling an interview that is less than 48 hours away.
    CancelLastMinute,
    /// Asking for more time to decide.
    AskForTime,
    /// Asking for a change instead of declining.
    Negotiate,
    /// Withdrawing after several interview rounds.
    WithdrawAfterRounds,
    /// Declining and offering to recommend someone.
    ReferralOffer,
    /// Pushback reply: the decision stands.
    PushbackReiterate,
    /// Pushback reply: the details stay private.
    PushbackPrivate,
    /// Pushback reply: a referral instead.
    PushbackReferral,
    /// Change of mind: asking to reopen the application.
    Reopen,
    /// The email that confirms a decline made by phone.
    ConfirmCall,
    /// The stay-in-touch note 6–12 months later.
    FollowUp,
}

impl Kind {
    /// Every kind, in the order the composer lists them.
    pub const ALL: [Kind; 18] = [
        Kind::AcceptedOffer,
        Kind::Logistics,
        Kind::NotAFit,
        Kind::Growth,
        Kind::Direction,
        Kind::StayingCurrentJob,
        Kind::CircumstancesChanged,
        Kind::CancelLastMinute,
        Kind::AskForTime,
        Kind::Negotiate,
        Kind::WithdrawAfterRounds,
        Kind::ReferralOffer,
        Kind::PushbackReiterate,
        Kind::PushbackPrivate,
        Kind::PushbackReferral,
        Kind::Reopen,
        Kind::ConfirmCall,
        Kind::FollowUp,
    ];

    /// The name used in JSON, the CLI and template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AcceptedOffer => "accepted_offer",
            Kind::Logistics => "logistics",
            Kind::NotAFit => "not_a_fit",
            Kind::Growth => "growth",
            Kind::Direction => "direction",
            Kind::StayingCurrentJob => "staying_current_job",
            Kind::CircumstancesChanged => "circumstances_changed",
            Kind::CancelLastMinute => "cancel_last_minute",
            Kind::AskForTime => "ask_for_time",
            Kind::Negotiate => "negotiate",
            Kind::WithdrawAfterRounds => "withdraw_after_rounds",
            Kind::ReferralOffer => "referral_offer",
            Kind::PushbackReiterate => "pushback_reiterate",
            Kind::PushbackPrivate => "pushback_private",
            Kind::PushbackReferral => "pushback_referral",
            Kind::Reopen => "reopen",
            Kind::ConfirmCall => "confirm_call",
            Kind::FollowUp => "follow_up",
        }
    }

    /// Reads a kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A short label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Kind::AcceptedOffer => "Accepted another offer",
            Kind::Logistics => "Location, visa or time zone",
            Kind::NotAFit => "Conflicts with a must-have",
            Kind::Growth => "Not the growth I need",
            Kind::Direction => "Going in another direction",
            Kind::StayingCurrentJob => "Staying in my current job",
            Kind::CircumstancesChanged => "Circumstances changed (kept private)",
            Kind::CancelLastMinute => "Cancel a close interview",
            Kind::AskForTime => "Ask for more time",
            Kind::Negotiate => "Ask for a change instead",
            Kind::WithdrawAfterRounds => "Withdraw after several rounds",
            Kind::ReferralOffer => "Decline and recommend someone",
            Kind::PushbackReiterate => "Reply to pushback: the decision stands",
            Kind::PushbackPrivate => "Reply to pushback: keep details private",
            Kind::PushbackReferral => "Reply to pushback: offer a referral",
            Kind::Reopen => "Changed my mind: reopen",
            Kind::ConfirmCall => "Confirm a phone call by email",
            Kind::FollowUp => "Stay in touch (6–12 months later)",
        }
    }

    /// The group a menu shows it under.
    pub fn group(self) -> &'static str {
        match self {
            Kind::AskForTime | Kind::Negotiate => "Before deciding",
            Kind::PushbackReiterate | Kind::PushbackPrivate | Kind::PushbackReferral => {
                "Replies to pushback"
            }
            Kind::Reopen | Kind::ConfirmCall | Kind::FollowUp => "After the decline",
            _ => "Declining",
        }
    }

    /// The channels this message makes sense on.
    pub fn channels(self) -> &'static [Channel] {
        match self {
            Kind::ConfirmCall => &[Channel::Email],
            _ => &Channel::ALL,
        }
    }
}

impl From<Scenario> for Kind {
    fn from(s: Scenario) -> Kind {
        match s {
            Scenario::AcceptedOffer => Kind::AcceptedOffer,
            Scenario::Logistics => Kind::Logistics,
            Scenario::NotAFit => Kind::NotAFit,
            Scenario::Growth => Kind::Growth,
            Scenario::Direction => Kind::Direction,
            Scenario::StayingCurrentJob => Kind::StayingCurrentJob,
            Scenario::CircumstancesChanged => Kind::CircumstancesChanged,
            Scenario::CancelLastMinute => Kind::CancelLastMinute,
            Scenario::AskForTime => Kind::AskForTime,
            Scenario::Negotiate => Kind::Negotiate,
        }
    }
}

/// Drafts for every channel `scenario` supports, for the side-by-side preview. `choices` holds
/// each channel's picked phrasings.
pub fn compose_all(
    situation: &crate::decide::Situation,
    scenario: Option<Kind>,
    formality: Option<crate::decide::situation::Formality>,
    choices: &std::collections::BTreeMap<Channel, std::collections::BTreeMap<String, usize>>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> crate::Result<Vec<Draft>> {
    // The advice picks the scenario when the user has not; every channel then uses the same one.
    let (scenario, first) = match scenario {
        Some(kind) => (kind, None),
        None => {
            // Let the email draft resolve it, with its note when the advice is to reconsider.
            let email = compose(
                situation,
                &Request {
                    channel: Some(Channel::Email),
                    scenario: None,
                    formality,
                    choices: choices.get(&Channel::Email).cloned().unwrap_or_default(),
                },
                now,
            )?;
            (email.scenario, Some(email))
        }
    };
    let mut first = first;
    scenario
        .channels()
        .iter()
        .map(|&channel| {
            if channel == Channel::Email {
                if let Some(email) = first.take() {
                    return Ok(email);
                }
            }
            compose(
                situation,
                &Request {
                    channel: Some(channel),
                    scenario: Some(scenario),
                    formality,
                    choices: choices.get(&channel).cloned().unwrap_or_default(),
                },
                now,
            )
        })
        .collect()
}

/// One entry of `politely templates list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateInfo {
    /// The scenario name (`accepted_offer` …).
    pub scenario: Kind,
    /// A short label.
    pub label: &'static str,
    /// Its menu group.
    pub group: &'static str,
    /// Channels it can be written for.
    pub channels: Vec<Channel>,
    /// Formality levels (all three for every built-in template).
    pub formalities: Vec<&'static str>,
    /// The file in `templates/`.
    pub file: String,
}

/// The built-in templates.
pub fn builtin_templates() -> Vec<TemplateInfo> {
    Kind::ALL
        .into_iter()
        .map(|k| TemplateInfo {
            scenario: k,
            label: k.label(),
            group: k.group(),
            channels: k.channels().to_vec(),
            formalities: vec!["standard", "formal", "warm"],
            file: format!("templates/scenarios/{}.tera", k.as_str()),
        })
        .collect()
}

#[cfg(test)]
mod tests;
