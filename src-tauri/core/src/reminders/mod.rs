//! Reminders: the moments the article names (reply within 24–72 hours, cancel a scheduled
//! interview in time, confirm a phone decline by email, reconnect 6–12 months later), planned in
//! the user's time zone and stored in UTC; the notification each one becomes; the scheduler that
//! sleeps until the next one; and the calendar export for when the app is closed.

pub mod ics;
pub mod notify;
pub mod plan;
pub mod scheduler;

pub use notify::{notify_due, Notice, Notifier, Unavailable, APP_NAME};
pub use plan::{Kind, Snooze};

#[cfg(test)]
mod tests;
