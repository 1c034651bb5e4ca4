//! What a message is, in the words every part of Politely shares: the channel it goes by and the
//! kind of message it is. The advice picks them, the templates write them, the proofreader reads
//! them, History stores them; they live here, below all of those, so none depends on another
//! for its vocabulary.

use serde::{Deserialize, Serialize};

/// A way to deliver the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An email.
    Email,
    /// A phone call.
    Phone,
    /// A LinkedIn (or other platform) message.
    Linkedin,
}

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

    /// A short label ("Phone call").
    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Phone => "Phone call",
            Channel::Linkedin => "LinkedIn message",
        }
    }
}

/// Which message to write: the ten the advice can pick (see [`MessageKind::advisable`]) and the
/// messages around a decline (withdrawing after rounds, replies to pushback, reopening, the
/// confirmation of a call, the follow-up months later). One enum for the advice, the templates,
/// the proofreader and the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
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

impl MessageKind {
    /// Every kind, in the order the composer lists them.
    pub const ALL: [MessageKind; 18] = [
        MessageKind::AcceptedOffer,
        MessageKind::Logistics,
        MessageKind::NotAFit,
        MessageKind::Growth,
        MessageKind::Direction,
        MessageKind::StayingCurrentJob,
        MessageKind::CircumstancesChanged,
        MessageKind::CancelLastMinute,
        MessageKind::AskForTime,
        MessageKind::Negotiate,
        MessageKind::WithdrawAfterRounds,
        MessageKind::ReferralOffer,
        MessageKind::PushbackReiterate,
        MessageKind::PushbackPrivate,
        MessageKind::PushbackReferral,
        MessageKind::Reopen,
        MessageKind::ConfirmCall,
        MessageKind::FollowUp,
    ];

    /// The name used in JSON, the CLI and template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::AcceptedOffer => "accepted_offer",
            MessageKind::Logistics => "logistics",
            MessageKind::NotAFit => "not_a_fit",
            MessageKind::Growth => "growth",
            MessageKind::Direction => "direction",
            MessageKind::StayingCurrentJob => "staying_current_job",
            MessageKind::CircumstancesChanged => "circumstances_changed",
            MessageKind::CancelLastMinute => "cancel_last_minute",
            MessageKind::AskForTime => "ask_for_time",
            MessageKind::Negotiate => "negotiate",
            MessageKind::WithdrawAfterRounds => "withdraw_after_rounds",
            MessageKind::ReferralOffer => "referral_offer",
            MessageKind::PushbackReiterate => "pushback_reiterate",
            MessageKind::PushbackPrivate => "pushback_private",
            MessageKind::PushbackReferral => "pushback_referral",
            MessageKind::Reopen => "reopen",
            MessageKind::ConfirmCall => "confirm_call",
            MessageKind::FollowUp => "follow_up",
        }
    }

    /// Reads a kind name.
    pub fn parse(s: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A short label for menus.
    pub fn label(self) -> &'static str {
        match self {
            MessageKind::AcceptedOffer => "Withdraw: I accepted another offer",
            MessageKind::Logistics => "Withdraw: location, visa or time zone",
            MessageKind::NotAFit => "Withdraw: it conflicts with a must-have",
            MessageKind::Growth => "Withdraw: not the growth I need",
            MessageKind::Direction => "Withdraw: going in another direction",
            MessageKind::StayingCurrentJob => "Withdraw: staying in my current job",
            MessageKind::CircumstancesChanged => "Withdraw: circumstances changed (kept private)",
            MessageKind::CancelLastMinute => "Cancel an interview that is close",
            MessageKind::AskForTime => "Ask for more time",
            MessageKind::Negotiate => "Ask for a change instead",
            MessageKind::WithdrawAfterRounds => "Withdraw after several rounds",
            MessageKind::ReferralOffer => "Decline and recommend someone",
            MessageKind::PushbackReiterate => "Reply to pushback: the decision stands",
            MessageKind::PushbackPrivate => "Reply to pushback: keep details private",
            MessageKind::PushbackReferral => "Reply to pushback: offer a referral",
            MessageKind::Reopen => "Changed my mind: reopen",
            MessageKind::ConfirmCall => "Confirm a phone call by email",
            MessageKind::FollowUp => "Stay in touch (6–12 months later)",
        }
    }

    /// The group a menu shows it under.
    pub fn group(self) -> &'static str {
        match self {
            MessageKind::AskForTime | MessageKind::Negotiate => "Before deciding",
            MessageKind::PushbackReiterate
            | MessageKind::PushbackPrivate
            | MessageKind::PushbackReferral => "Replies to pushback",
            MessageKind::Reopen | MessageKind::ConfirmCall | MessageKind::FollowUp => {
                "After the decline"
            }
            _ => "Declining",
        }
    }

    /// Whether the advice engine can pick it (the others are chosen by the user).
    pub fn advisable(self) -> bool {
        matches!(
            self,
            MessageKind::AcceptedOffer
                | MessageKind::Logistics
                | MessageKind::NotAFit
                | MessageKind::Growth
                | MessageKind::Direction
                | MessageKind::StayingCurrentJob
                | MessageKind::CircumstancesChanged
                | MessageKind::CancelLastMinute
                | MessageKind::AskForTime
                | MessageKind::Negotiate
        )
    }

    /// The channels this message makes sense on.
    pub fn channels(self) -> &'static [Channel] {
        match self {
            MessageKind::ConfirmCall => &[Channel::Email],
            _ => &Channel::ALL,
        }
    }
}
