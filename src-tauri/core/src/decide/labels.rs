//! The words the window and the CLI show for each answer of the Situation and each part of the
//! Advice. One place, read by `decide::text` (the CLI), the advice's explanations and the window's
//! catalogue (`api::catalog`), so the same choice is never named two ways.

use super::advice::{StepState, Verdict};
use super::situation::{
    Audience, Formality, Logistics, NonNegotiable, OriginChannel, Rapport, Reason, Stage,
};

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 4] = [
        Verdict::Reconsider,
        Verdict::Negotiate,
        Verdict::AskForTime,
        Verdict::Decline,
    ];

    /// The advice's headline.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Reconsider => "Reconsider before you decline",
            Verdict::Negotiate => "Negotiate instead of declining",
            Verdict::AskForTime => "Ask for more time",
            Verdict::Decline => "Decline — politely",
        }
    }
}

impl StepState {
    /// Every state.
    pub const ALL: [StepState; 4] = [
        StepState::Done,
        StepState::Todo,
        StepState::Attention,
        StepState::Skipped,
    ];

    /// How a roadmap step's state is shown.
    pub fn label(self) -> &'static str {
        match self {
            StepState::Done => "Done",
            StepState::Todo => "To do",
            StepState::Attention => "Needs attention",
            StepState::Skipped => "Not needed",
        }
    }
}

impl Audience {
    /// Every audience.
    pub const ALL: [Audience; 4] = [
        Audience::Recruiter,
        Audience::HiringManager,
        Audience::Agency,
        Audience::Referrer,
    ];

    /// "The recruiter" (lower-cased where it is read inside a sentence).
    pub fn label(self) -> &'static str {
        match self {
            Audience::Recruiter => "The recruiter",
            Audience::HiringManager => "The hiring manager",
            Audience::Agency => "A recruitment agency",
            Audience::Referrer => "Whoever referred you",
        }
    }
}

impl Reason {
    /// Every reason, in the wizard's order.
    pub const ALL: [Reason; 8] = [
        Reason::AcceptedOffer,
        Reason::NonNegotiables,
        Reason::Logistics,
        Reason::Growth,
        Reason::Personal,
        Reason::Direction,
        Reason::CurrentJob,
        Reason::Other,
    ];

    /// The reason in the user's words ("I accepted another offer").
    pub fn label(self) -> &'static str {
        self.text().0
    }

    /// What it covers, under the label.
    pub fn hint(self) -> &'static str {
        self.text().1
    }

    /// The reason as the advice names it ("you accepted another offer").
    pub fn phrase(self) -> &'static str {
        self.text().2
    }

    fn text(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Reason::AcceptedOffer => (
                "I accepted another offer",
                "The other job is agreed and binding.",
                "you accepted another offer",
            ),
            Reason::NonNegotiables => (
                "It clashes with a non-negotiable",
                "Pay, schedule, remote work or values.",
                "the job conflicts with a non-negotiable",
            ),
            Reason::Logistics => (
                "The logistics don’t work",
                "Commute, relocation, visa or time zone.",
                "the logistics do not work",
            ),
            Reason::Growth => (
                "It isn’t the growth I need",
                "Overqualified, or the role leads nowhere for you.",
                "the role lacks the growth you need",
            ),
            Reason::Personal => (
                "My circumstances changed",
                "Family, health, study: stays private.",
                "personal circumstances",
            ),
            Reason::Direction => (
                "I’m heading in another direction",
                "A different industry or kind of work.",
                "you are heading in another direction",
            ),
            Reason::CurrentJob => (
                "It would put my current job at risk",
                "Or you have decided to stay.",
                "you are staying in your current job",
            ),
            Reason::Other => (
                "Something else",
                "A reason you would rather not spell out.",
                "another reason",
            ),
        }
    }
}

impl NonNegotiable {
    /// Every non-negotiable.
    pub const ALL: [NonNegotiable; 4] = [
        NonNegotiable::Compensation,
        NonNegotiable::Schedule,
        NonNegotiable::Remote,
        NonNegotiable::Values,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            NonNegotiable::Compensation => "Pay",
            NonNegotiable::Schedule => "Schedule",
            NonNegotiable::Remote => "Remote work",
            NonNegotiable::Values => "Values",
        }
    }
}

impl Logistics {
    /// Every logistics problem.
    pub const ALL: [Logistics; 4] = [
        Logistics::Commute,
        Logistics::Relocation,
        Logistics::Visa,
        Logistics::TimeZone,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Logistics::Commute => "Commute",
            Logistics::Relocation => "Relocation",
            Logistics::Visa => "Visa",
            Logistics::TimeZone => "Time zone",
        }
    }
}

impl Stage {
    /// Every stage.
    pub const ALL: [Stage; 4] = [
        Stage::Invited,
        Stage::Scheduled,
        Stage::Interviewed,
        Stage::Offer,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Invited => "Invited, nothing scheduled",
            Stage::Scheduled => "Interview scheduled",
            Stage::Interviewed => "Already interviewed",
            Stage::Offer => "Offer made",
        }
    }
}

impl OriginChannel {
    /// Every origin.
    pub const ALL: [OriginChannel; 4] = [
        OriginChannel::Email,
        OriginChannel::Phone,
        OriginChannel::Linkedin,
        OriginChannel::Messaging,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            OriginChannel::Email => "Email",
            OriginChannel::Phone => "Phone",
            OriginChannel::Linkedin => "LinkedIn",
            OriginChannel::Messaging => "Another messaging app",
        }
    }
}

impl Rapport {
    /// Every level.
    pub const ALL: [Rapport; 3] = [Rapport::None, Rapport::Some, Rapport::Strong];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Rapport::None => "No personal contact",
            Rapport::Some => "Friendly, a few conversations",
            Rapport::Strong => "Real rapport",
        }
    }
}

impl Formality {
    /// Every level.
    pub const ALL: [Formality; 3] = [Formality::Standard, Formality::Formal, Formality::Warm];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Formality::Standard => "Standard: polite and plain",
            Formality::Formal => "Formal: cross-border, no contractions",
            Formality::Warm => "Warm: you know them well",
        }
    }
}
