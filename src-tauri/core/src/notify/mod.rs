//! Due reminders as desktop notifications: what each one says, the hand-over to whatever shows
//! it, and the clock that wakes when the next one falls due ([`scheduler`]). The desktop side
//! (notify-rust on the session bus) lives in the app behind [`Notifier`], so the rules — claim
//! once, group, hand back when nothing can show them — are tested here.

pub mod scheduler;

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

use crate::store::reminders::ReminderView;
use crate::store::Store;
use crate::Result;

/// The application name notifications carry.
pub const APP_NAME: &str = "Politely";

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The headline: the company and what to do.
    pub summary: String,
    /// The due time (local) and why it matters.
    pub body: String,
    /// The reminders it stands for (one, or several grouped).
    pub reminder_ids: Vec<i64>,
}

/// Why desktop notifications cannot be shown (no session bus, no notification service…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unavailable {
    /// In plain words, for the one-time explanation.
    pub reason: String,
}

/// Shows notices on the desktop.
pub trait Notifier: Send + Sync {
    /// Shows one notice; `Err` when there is nothing to show it with.
    fn show(&self, notice: &Notice) -> std::result::Result<(), Unavailable>;
}

/// "Thu 26 Nov, 09:30" in `tz`.
pub fn local_time<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.with_timezone(tz).format("%a %-d %b, %H:%M").to_string()
}

/// The notices for reminders that fell due: one each, or a single grouped one when several
/// fall due together (as at launch, after the app was closed).
pub fn notices<Tz: TimeZone>(due: &[ReminderView], tz: &Tz) -> Vec<Notice>
where
    Tz::Offset: std::fmt::Display,
{
    match due {
        [] => Vec::new(),
        [one] => {
            let role = one
                .role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            vec![Notice {
                summary: one.summary.clone(),
                body: format!("Due {}{role}. {}", local_time(one.due(), tz), one.why),
                reminder_ids: vec![one.id],
            }]
        }
        many => {
            let lines: Vec<String> = many
                .iter()
                .map(|r| format!("• {} — due {}", r.summary, local_time(r.due(), tz)))
                .collect();
            vec![Notice {
                summary: format!("{} reminders are due", many.len()),
                body: lines.join("\n"),
                reminder_ids: many.iter().map(|r| r.id).collect(),
            }]
        }
    }
}

/// What one round of notifying did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Round {
    /// Reminders announced (now `notified`).
    pub shown: Vec<ReminderView>,
    /// Reminders that were due but could not be announced (still `pending`).
    pub held: Vec<ReminderView>,
    /// Why they could not be, when they could not.
    pub unavailable: Option<Unavailable>,
}

/// Claims every due reminder, shows it (grouped when several), and hands back the ones that
/// could not be shown so they stay pending. Nothing is announced twice: a claim is atomic.
pub fn notify_due<Tz: TimeZone>(
    store: &mut Store,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Round>
where
    Tz::Offset: std::fmt::Display,
{
    let claimed = store.claim_due(now)?;
    let mut round = Round::default();
    if claimed.is_empty() {
        return Ok(round);
    }
    for notice in notices(&claimed, tz) {
        if let Err(why) = notifier.show(&notice) {
            let ids: Vec<i64> = claimed.iter().map(|r| r.id).collect();
            store.release(&ids)?;
            round.held = claimed
                .into_iter()
                .map(|mut r| {
                    r.state = "pending".into();
                    r.notified_at = None;
                    r
                })
                .collect();
            round.unavailable = Some(why);
            return Ok(round);
        }
    }
    round.shown = claimed;
    Ok(round)
}

#[cfg(test)]
mod tests;
