//! The proofreader's rules by id. One enum names every rule: the linter emits it, the send
//! checklist groups by it, the window and the CLI print it (as `no-decision`, …), and each id
//! carries its title and the principle it protects, so a finding can say why it matters.

use serde::{Deserialize, Serialize};

use super::Severity;

/// A proofreading rule. Each has one function in `lint/rules/`, named after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// No sentence states the decision (or the request).
    NoDecision,
    /// The decision comes after the second sentence.
    DecisionLate,
    /// The decision is hedged.
    AmbiguousDecision,
    /// A curt brush-off.
    Terse,
    /// Disparaging the company, the role or people.
    Rude,
    /// Talking down to the reader.
    Condescending,
    /// Holding them responsible for the decision.
    Blaming,
    /// Hostility dressed as politeness.
    PassiveAggressive,
    /// An excuse nobody would believe.
    ImplausibleExcuse,
    /// No thanks anywhere.
    NoGratitude,
    /// Thanks, but not in the opening.
    GratitudeLate,
    /// More than one apology.
    ApologyExcess,
    /// Capitals and exclamation marks.
    Shouting,
    /// A template slot left in.
    UnfilledPlaceholder,
    /// Claims something the Situation says is not so.
    DishonestClaim,
    /// A remark about a protected attribute.
    ProtectedAttribute,
    /// Private detail the recruiter does not need.
    OversharingPersonal,
    /// Too long, or too much explanation.
    OverExplaining,
    /// No sign-off or no name under it.
    NoClosing,
    /// Wanted to keep in touch but does not say so.
    NoFuture,
    /// Later than 72 hours without owning up to it.
    LateResponse,
    /// An email without a subject.
    MissingSubject,
    /// A subject that names nothing.
    VagueSubject,
    /// A misspelt word.
    Spelling,
    /// A grammar mistake.
    Grammar,
}

/// A rule as the window's catalogue lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The id.
    pub id: RuleId,
    /// How much its findings matter.
    pub severity: Severity,
    /// A short title for lists and tooltips ("No clear decision").
    pub title: &'static str,
    /// The principle it protects, in one plain sentence.
    pub principle: &'static str,
}

impl RuleId {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [RuleId; 25] = [
        RuleId::NoDecision,
        RuleId::Terse,
        RuleId::Rude,
        RuleId::Condescending,
        RuleId::Blaming,
        RuleId::PassiveAggressive,
        RuleId::ImplausibleExcuse,
        RuleId::NoGratitude,
        RuleId::UnfilledPlaceholder,
        RuleId::DishonestClaim,
        RuleId::ProtectedAttribute,
        RuleId::DecisionLate,
        RuleId::AmbiguousDecision,
        RuleId::OverExplaining,
        RuleId::OversharingPersonal,
        RuleId::MissingSubject,
        RuleId::VagueSubject,
        RuleId::NoClosing,
        RuleId::ApologyExcess,
        RuleId::Shouting,
        RuleId::LateResponse,
        RuleId::Spelling,
        RuleId::Grammar,
        RuleId::GratitudeLate,
        RuleId::NoFuture,
    ];

    /// The id as written in JSON and the CLI (`no-decision`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::NoDecision => "no-decision",
            RuleId::DecisionLate => "decision-late",
            RuleId::AmbiguousDecision => "ambiguous-decision",
            RuleId::Terse => "terse",
            RuleId::Rude => "rude",
            RuleId::Condescending => "condescending",
            RuleId::Blaming => "blaming",
            RuleId::PassiveAggressive => "passive-aggressive",
            RuleId::ImplausibleExcuse => "implausible-excuse",
            RuleId::NoGratitude => "no-gratitude",
            RuleId::GratitudeLate => "gratitude-late",
            RuleId::ApologyExcess => "apology-excess",
            RuleId::Shouting => "shouting",
            RuleId::UnfilledPlaceholder => "unfilled-placeholder",
            RuleId::DishonestClaim => "dishonest-claim",
            RuleId::ProtectedAttribute => "protected-attribute",
            RuleId::OversharingPersonal => "oversharing-personal",
            RuleId::OverExplaining => "over-explaining",
            RuleId::NoClosing => "no-closing",
            RuleId::NoFuture => "no-future",
            RuleId::LateResponse => "late-response",
            RuleId::MissingSubject => "missing-subject",
            RuleId::VagueSubject => "vague-subject",
            RuleId::Spelling => "spelling",
            RuleId::Grammar => "grammar",
        }
    }

    /// Reads an id (`no-decision`).
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// How much its findings matter (a rule may report a lesser note, e.g. spelling skipped).
    pub fn severity(self) -> Severity {
        match self {
            RuleId::NoDecision
            | RuleId::Terse
            | RuleId::Rude
            | RuleId::Condescending
            | RuleId::Blaming
            | RuleId::PassiveAggressive
            | RuleId::ImplausibleExcuse
            | RuleId::NoGratitude
            | RuleId::UnfilledPlaceholder
            | RuleId::DishonestClaim
            | RuleId::ProtectedAttribute => Severity::Error,
            RuleId::GratitudeLate | RuleId::NoFuture => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// A short title.
    pub fn title(self) -> &'static str {
        self.text().0
    }

    /// The principle it protects, in one sentence.
    pub fn principle(self) -> &'static str {
        self.text().1
    }

    fn text(self) -> (&'static str, &'static str) {
        match self {
            RuleId::NoDecision => ("No clear decision", "The reader should know your answer without having to guess."),
            RuleId::DecisionLate => ("Decision comes late", "Say the decision right after the thanks, where it cannot be missed."),
            RuleId::AmbiguousDecision => ("Hedged decision", "A hedge invites a follow-up; a firm answer closes the process kindly."),
            RuleId::Terse => ("Curt", "A bare “no” reads as dismissive; a full sentence with thanks keeps the relationship."),
            RuleId::Rude => ("Disparaging", "Criticism in a decline costs you the relationship and changes nothing."),
            RuleId::Condescending => ("Condescending", "Talking down to the reader is remembered long after the decline itself."),
            RuleId::Blaming => ("Blaming", "Blaming them for your decision puts them on the defensive and closes the door you may want later."),
            RuleId::PassiveAggressive => ("Passive-aggressive", "Sarcasm and pointed reminders read as anger, however politely they are worded."),
            RuleId::ImplausibleExcuse => ("Implausible excuse", "An excuse nobody believes costs more trust than the plain truth would."),
            RuleId::NoGratitude => ("No thanks", "Thanking them for their time is the first thing a good decline does."),
            RuleId::GratitudeLate => ("Thanks come late", "Opening with thanks sets a warm tone for everything after it."),
            RuleId::ApologyExcess => ("Too many apologies", "One apology is courteous; more make the message sound unsure."),
            RuleId::Shouting => ("Shouting", "Capitals and exclamation marks read as a raised voice."),
            RuleId::UnfilledPlaceholder => ("Placeholder left in", "A slot left in shows the message was not written for them."),
            RuleId::DishonestClaim => ("Not what happened", "Say only what is true: hiring circles are small and a false claim can come back."),
            RuleId::ProtectedAttribute => ("Protected attribute", "Age, health, religion, origin, gender or family have no place in a hiring message."),
            RuleId::OversharingPersonal => ("Personal detail", "A short, neutral reason is enough; private detail is yours to keep."),
            RuleId::OverExplaining => ("Over-explaining", "A long explanation invites questions and negotiation."),
            RuleId::NoClosing => ("No sign-off", "A closing and your name make the message complete and easy to answer."),
            RuleId::NoFuture => ("Door left closed", "If you want to keep in touch, say so."),
            RuleId::LateResponse => ("Late reply", "Answer within 72 hours; later than that, own up to the delay."),
            RuleId::MissingSubject => ("No subject", "A clear subject gets the email read and filed."),
            RuleId::VagueSubject => ("Vague subject", "Name the role and yourself so they know at a glance what it is about."),
            RuleId::Spelling => ("Spelling", "Mistakes pull attention away from what you are saying."),
            RuleId::Grammar => ("Grammar", "Mistakes pull attention away from what you are saying."),
        }
    }

    /// Its catalogue entry.
    pub fn info(self) -> RuleInfo {
        RuleInfo {
            id: self,
            severity: self.severity(),
            title: self.title(),
            principle: self.principle(),
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
