//! The Situation: everything the user tells Politely about an invitation they want to turn down.
//! It is read from JSON (CLI files, the wizard's form) through one path that names the exact field
//! at fault, then checked for limits and contradictions before any rule looks at it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Error;

/// Longest company or role name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest email address accepted, in characters (RFC 5321's limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest sign-off accepted ("Cheers"), in characters.
pub const MAX_SIGN_OFF_CHARS: usize = 60;
/// Longest phone number accepted, in characters.
pub const MAX_PHONE_CHARS: usize = 40;
/// Largest Situation document accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// Most interview rounds accepted; more is almost certainly a typo.
pub const MAX_ROUNDS: u32 = 30;

/// The person at the company the message goes to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name as it should appear in the greeting.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Job title, e.g. "Talent Partner".
    #[serde(default)]
    pub title: Option<String>,
}

/// The user, as they sign their messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// Name for the signature.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address for the signature.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number for the signature.
    #[serde(default)]
    pub phone: Option<String>,
    /// Their own closing line ("Cheers"), used instead of the template's when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<String>,
}

/// Someone who should hear about the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The company's recruiter.
    Recruiter,
    /// The manager who would have interviewed or hired.
    HiringManager,
    /// An external recruitment agency.
    Agency,
    /// The person who referred the user.
    Referrer,
}

/// How far the process has gone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Invited, nothing scheduled yet.
    #[default]
    Invited,
    /// An interview date is set.
    Scheduled,
    /// At least one interview has taken place.
    Interviewed,
    /// An offer has been made.
    Offer,
}

/// Where the conversation with the company started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginChannel {
    /// Email.
    #[default]
    Email,
    /// A phone call.
    Phone,
    /// LinkedIn messages.
    Linkedin,
    /// Another messaging platform.
    Messaging,
}

/// How well the user knows the people involved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rapport {
    /// No personal relationship.
    #[default]
    None,
    /// Friendly, a few conversations.
    Some,
    /// A real relationship worth a personal call.
    Strong,
}

/// Why the user wants to decline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// They accepted another offer.
    AcceptedOffer,
    /// The job conflicts with something they will not give up.
    NonNegotiables,
    /// Commute, relocation, visa or time zone make it unworkable.
    Logistics,
    /// Overqualified, or the role lacks the growth they need.
    Growth,
    /// Their personal circumstances changed.
    Personal,
    /// They are focusing on another industry or direction.
    Direction,
    /// Interviewing would put their current job at risk.
    CurrentJob,
    /// Another reason.
    Other,
}

/// Which non-negotiable the job conflicts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonNegotiable {
    /// Pay and benefits.
    Compensation,
    /// Hours or schedule.
    Schedule,
    /// Remote-work options.
    Remote,
    /// Core values or culture.
    Values,
}

/// Which logistics make the job unworkable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Logistics {
    /// The commute.
    Commute,
    /// Moving house or country.
    Relocation,
    /// Work authorisation.
    Visa,
    /// Working across time zones.
    TimeZone,
}

/// Sub-choices for some reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// What the job conflicts with, when the reason is `non_negotiables`.
    #[serde(default)]
    pub non_negotiables: Vec<NonNegotiable>,
    /// What is unworkable, when the reason is `logistics`.
    #[serde(default)]
    pub logistics: Vec<Logistics>,
}

/// The confirm-before-you-communicate checklist, as the user answered it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// They re-read the job description and their own motives.
    #[serde(default)]
    pub fit_rechecked: bool,
    /// Remote work, other hours or a changed role would change their mind.
    #[serde(default)]
    pub alternative_would_change_mind: bool,
    /// The decision is made (not "I need more time").
    #[serde(default)]
    pub decided: bool,
    /// They want to keep in touch.
    #[serde(default)]
    pub stay_connected: bool,
    /// They would like to recommend someone else.
    #[serde(default)]
    pub offer_referral: bool,
    /// That person agreed to be recommended.
    #[serde(default)]
    pub referral_permission: bool,
}

/// How formal the wording should be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formality {
    /// Polite, plain business tone.
    #[default]
    Standard,
    /// Cross-border or conservative: full greeting, no contractions, gratitude first.
    Formal,
    /// Real rapport: personal and friendly.
    Warm,
}

/// Everything about one invitation the user is thinking of declining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// The company that invited the user.
    pub company: String,
    /// The role they were invited for.
    pub role: String,
    /// Who the message goes to.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Who signs the message.
    #[serde(default)]
    pub sender: Option<Sender>,
    /// Who should hear about the decision.
    #[serde(default)]
    pub inform: Vec<Audience>,
    /// How far the process has gone.
    #[serde(default)]
    pub stage: Stage,
    /// Interview rounds already done.
    #[serde(default)]
    pub rounds: u32,
    /// Where the conversation started.
    #[serde(default)]
    pub origin_channel: OriginChannel,
    /// How well the user knows the people involved.
    #[serde(default)]
    pub rapport: Rapport,
    /// When the invitation arrived.
    pub invited_at: DateTime<FixedOffset>,
    /// When the interview is (or was) scheduled.
    #[serde(default)]
    pub interview_at: Option<DateTime<FixedOffset>>,
    /// The moment to judge deadlines against; the clock when absent (set in tests).
    #[serde(default)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Why the user wants to decline, most important first.
    #[serde(default)]
    pub reasons: Vec<Reason>,
    /// Sub-choices for some reasons.
    #[serde(default)]
    pub details: Details,
    /// Whether another offer has really been accepted (a signed or binding acceptance).
    #[serde(default)]
    pub offer_accepted: bool,
    /// The confirm-before-you-communicate checklist.
    #[serde(default)]
    pub checklist: Checklist,
    /// How formal the wording should be.
    #[serde(default)]
    pub formality: Formality,
}

/// One thing wrong with a Situation, tied to the field the user must fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Dotted path of the field, e.g. `company` or `contact.email`.
    pub field: String,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::invalid(p.field, p.message)
    }
}
