//! Reminders, as plans: the moments the article names (reply within 24–72 hours, cancel a
//! scheduled interview in time, confirm a phone decline by email, reconnect 6–12 months later),
//! planned in the user's time zone and stored in UTC, and the calendar export for when the app is
//! closed. Pure functions: the store calls them when it records what the user did; delivering a
//! due reminder as a desktop notification is the notify module's job.

pub mod ics;
pub mod plan;

pub use plan::{ReminderKind, Snooze};
