//! When each reminder falls due, and what it says. The article's clock: answer an invitation
//! within 24 hours (72 at the latest), cancel a scheduled interview in good time, confirm a phone
//! decline by email, and reconnect 6–12 months later. Times are computed in the user's time zone
//! (so "in six months" and "tomorrow morning" keep their wall-clock meaning across daylight-saving
//! changes) and stored in UTC.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Reply to the invitation: the ideal moment, 24 hours after it arrived.
    RespondIdeal,
    /// Reply to the invitation: the last call, 72 hours after it arrived.
    RespondLastCall,
    /// Cancel a scheduled interview in good time (48 hours before it).
    CancelInterview,
    /// Confirm a phone decline by email, soon after the call.
    ConfirmByEmail,
    /// Reconnect 6–12 months after declining; opens the follow-up template.
    FollowUp,
    /// See whether they replied, a week after sending (optional).
    AwaitingReply,
    /// The user's own reminder.
    Custom,
}

impl ReminderKind {
    /// Every kind.
    pub const ALL: [ReminderKind; 7] = [
        ReminderKind::RespondIdeal,
        ReminderKind::RespondLastCall,
        ReminderKind::CancelInterview,
        ReminderKind::ConfirmByEmail,
        ReminderKind::FollowUp,
        ReminderKind::AwaitingReply,
        ReminderKind::Custom,
    ];

    /// The name stored and used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::RespondIdeal => "respond_ideal",
            ReminderKind::RespondLastCall => "respond_last_call",
            ReminderKind::CancelInterview => "cancel_interview",
            ReminderKind::ConfirmByEmail => "confirm_by_email",
            ReminderKind::FollowUp => "follow_up",
            ReminderKind::AwaitingReply => "awaiting_reply",
            ReminderKind::Custom => "custom",
        }
    }

    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What kind of reminder it is, in a word or two.
    pub fn label(self) -> &'static str {
        match self {
            ReminderKind::RespondIdeal => "Reply within a day",
            ReminderKind::RespondLastCall => "Reply: last call",
            ReminderKind::CancelInterview => "Cancel in good time",
            ReminderKind::ConfirmByEmail => "Confirm by email",
            ReminderKind::FollowUp => "Reconnect",
            ReminderKind::AwaitingReply => "Check for a reply",
            ReminderKind::Custom => "Your own reminder",
        }
    }

    /// What to do, naming the company: the notification's summary.
    pub fn summary(self, company: &str, title: Option<&str>) -> String {
        if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
            return title.trim().to_owned();
        }
        let company = if company.trim().is_empty() {
            "the company"
        } else {
            company.trim()
        };
        match self {
            ReminderKind::RespondIdeal => format!("Reply to {company} today"),
            ReminderKind::RespondLastCall => format!("Last call: reply to {company}"),
            ReminderKind::CancelInterview => format!("Cancel your interview with {company}"),
            ReminderKind::ConfirmByEmail => format!("Confirm your call with {company} by email"),
            ReminderKind::FollowUp => format!("Reconnect with {company}"),
            ReminderKind::AwaitingReply => format!("Check for a reply from {company}"),
            ReminderKind::Custom => format!("Reminder about {company}"),
        }
    }

    /// Why it matters, in a sentence, for the notification's body (empty for the user's own).
    pub fn why(self) -> &'static str {
        match self {
            ReminderKind::RespondIdeal => {
                "A reply within a day of the invitation is the courteous ideal."
            }
            ReminderKind::RespondLastCall => {
                "Three days have passed since the invitation: answer now, even briefly."
            }
            ReminderKind::CancelInterview => {
                "Cancelling two days ahead lets them give the slot to someone else."
            }
            ReminderKind::ConfirmByEmail => {
                "A short email puts the decline from your call on record."
            }
            ReminderKind::FollowUp => {
                "Time to say hello again: the follow-up note is ready in Compose."
            }
            ReminderKind::AwaitingReply => {
                "No reply recorded yet: check your inbox, or close it in History."
            }
            ReminderKind::Custom => "",
        }
    }
}

/// How long after a decline the follow-up falls due, in months (6 unless the user picks 7–12).
pub const FOLLOW_UP_MONTHS: (u32, u32) = (6, 12);
/// Confirm a phone decline by email this long after the call.
pub const CONFIRM_AFTER: Duration = Duration::hours(1);
/// Cancel a scheduled interview this long before it.
pub const CANCEL_BEFORE: Duration = Duration::hours(48);
/// Look for a reply this long after sending.
pub const AWAIT_REPLY: Duration = Duration::days(7);
/// The morning hour that "tomorrow" and "next week" mean.
pub const MORNING: u32 = 9;

/// Checks a follow-up delay in months.
pub fn check_months(months: u32) -> Result<u32> {
    let (low, high) = FOLLOW_UP_MONTHS;
    if (low..=high).contains(&months) {
        Ok(months)
    } else {
        Err(Error::invalid(
            "follow_up_months",
            format!("{months} is outside {low}–{high} months"),
        ))
    }
}

/// `months` calendar months after `at`, at the same wall-clock time in `tz` (the 31st becomes
/// the month's last day; a time that does not exist that day is moved past the gap).
pub fn add_months<Tz: TimeZone>(at: DateTime<Utc>, months: u32, tz: &Tz) -> DateTime<Utc> {
    let local = at.with_timezone(tz).naive_local();
    let total = local.year() * 12 + local.month0() as i32 + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let mut day = local.day();
    let date = loop {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) {
            break d;
        }
        day -= 1;
    };
    resolve(tz, date, local.time())
}

/// The local wall-clock `date` + `time` in `tz` as a UTC instant. In a fall-back overlap the
/// earlier instant is taken; in a spring-forward gap, the first instant after the gap.
pub fn resolve<Tz: TimeZone>(tz: &Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = date.and_time(time);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
        LocalResult::None => {
            // Walk forward a minute at a time (gaps are at most a few hours) to the first valid
            // local time, then keep its offset.
            let mut probe = naive;
            for _ in 0..(24 * 60) {
                probe += Duration::minutes(1);
                if let Some(t) = tz.from_local_datetime(&probe).earliest() {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&naive)
        }
    }
}

/// Where a snooze moves a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "for")]
pub enum Snooze {
    /// An hour from now.
    Hour,
    /// Tomorrow at 09:00 local time.
    Tomorrow,
    /// A week from today at 09:00 local time.
    NextWeek,
    /// A moment the user picked.
    Until {
        /// When (RFC 3339).
        at: DateTime<Utc>,
    },
}

/// The new due time of a reminder due at `due`, snoozed at `now`, days counted in `tz`. A snooze
/// only ever moves a reminder later: "an hour" and "tomorrow" count from its due time when that
/// is still ahead (a follow-up due in June stays in June, an hour later), from now when it is
/// overdue; a picked moment must be after both.
pub fn snooze_until<Tz: TimeZone>(
    snooze: Snooze,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>> {
    let from = due.max(now);
    let day = from.with_timezone(tz).date_naive();
    let morning = NaiveTime::from_hms_opt(MORNING, 0, 0).expect("a valid time");
    let at = match snooze {
        Snooze::Hour => from + Duration::hours(1),
        Snooze::Tomorrow => resolve(tz, day + Duration::days(1), morning),
        Snooze::NextWeek => resolve(tz, day + Duration::days(7), morning),
        Snooze::Until { at } => {
            crate::time::check("until", &at)?;
            if at <= now {
                return Err(Error::invalid(
                    "until",
                    "is in the past; pick a later date and time",
                ));
            }
            if at <= due {
                return Err(Error::invalid(
                    "until",
                    "is before the reminder is due; a snooze moves it later — edit it to bring it forward",
                ));
            }
            at
        }
    };
    Ok(at)
}

/// Where a reminder sits in the Reminders view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Open and past its due time.
    Overdue,
    /// Open and due later today (local time).
    Today,
    /// Open and due after today.
    Upcoming,
    /// Done or dismissed.
    Closed,
}

/// The group of a reminder due at `due` (open or not) at `now`, days counted in `tz`.
pub fn group<Tz: TimeZone>(due: DateTime<Utc>, open: bool, now: DateTime<Utc>, tz: &Tz) -> Group {
    if !open {
        Group::Closed
    } else if due <= now {
        Group::Overdue
    } else if due.with_timezone(tz).date_naive() == now.with_timezone(tz).date_naive() {
        Group::Today
    } else {
        Group::Upcoming
    }
}

/// A reminder to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// What for.
    pub kind: ReminderKind,
    /// When (UTC).
    pub due_at: DateTime<Utc>,
}

/// The reminders a new invitation gets while no decision is sent: reply by +24 h (ideal) and
/// +72 h (last call), and cancel a scheduled interview 48 hours ahead. Moments already past are
/// skipped — but an invitation past both is the most urgent case: its last call falls due now
/// (unless its interview, too, is already over: then it is a record of the past). The
/// cancellation falls due now if the interview is still ahead.
pub fn for_invitation(
    invited_at: DateTime<Utc>,
    interview_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<Planned> {
    let mut out = Vec::new();
    for (kind, after) in [
        (ReminderKind::RespondIdeal, Duration::hours(24)),
        (ReminderKind::RespondLastCall, Duration::hours(72)),
    ] {
        let due_at = invited_at + after;
        if due_at > now {
            out.push(Planned { kind, due_at });
        }
    }
    if out.is_empty() && interview_at.is_none_or(|t| t > now) {
        out.push(Planned {
            kind: ReminderKind::RespondLastCall,
            due_at: now,
        });
    }
    if let Some(interview) = interview_at.filter(|t| *t > now) {
        out.push(Planned {
            kind: ReminderKind::CancelInterview,
            due_at: (interview - CANCEL_BEFORE).max(now),
        });
    }
    out
}

/// The reminders a sent decline starts: confirm by email after a phone call, reconnect after
/// `follow_up_months`, and (if wanted) look for a reply after a week.
pub fn for_decline<Tz: TimeZone>(
    channel: &str,
    sent_at: DateTime<Utc>,
    follow_up_months: u32,
    awaiting_reply: bool,
    tz: &Tz,
) -> Vec<Planned> {
    let mut out = Vec::new();
    if channel == "phone" {
        out.push(Planned {
            kind: ReminderKind::ConfirmByEmail,
            due_at: sent_at + CONFIRM_AFTER,
        });
    }
    out.push(Planned {
        kind: ReminderKind::FollowUp,
        due_at: add_months(sent_at, follow_up_months, tz),
    });
    if awaiting_reply {
        out.push(Planned {
            kind: ReminderKind::AwaitingReply,
            due_at: sent_at + AWAIT_REPLY,
        });
    }
    out
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
