//! The user's choices that belong with their history (follow-up delay, the optional "awaiting
//! reply" reminder) and what Politely has already told them, as key/value text.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{storage_error, Store};
use crate::reminders::plan::{check_months, FOLLOW_UP_MONTHS};
use crate::Result;

/// Reminder settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderSettings {
    /// Months after a decline that the follow-up falls due (6–12).
    pub follow_up_months: u32,
    /// Whether sending a message adds an "awaiting reply" reminder a week later.
    pub awaiting_reply: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            follow_up_months: FOLLOW_UP_MONTHS.0,
            awaiting_reply: false,
        }
    }
}

/// The reminder settings as `conn` sees them — also inside a write transaction, where the
/// store plans the reminders of a sent message (defaults where unset or unreadable).
pub(crate) fn read_reminder_settings(conn: &Connection) -> rusqlite::Result<ReminderSettings> {
    let setting = |key: &str| -> rusqlite::Result<Option<String>> {
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()
    };
    let defaults = ReminderSettings::default();
    Ok(ReminderSettings {
        follow_up_months: setting("follow_up_months")?
            .and_then(|v| v.parse().ok())
            .and_then(|m| check_months(m).ok())
            .unwrap_or(defaults.follow_up_months),
        awaiting_reply: setting("awaiting_reply")?.map_or(defaults.awaiting_reply, |v| v == "true"),
    })
}

impl Store {
    /// A setting's text, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.sql(
            "reading settings",
            self.conn()
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional(),
        )
    }

    /// Sets (or with `None`, clears) a setting.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write("saving settings", |tx| {
            let r = match value {
                Some(v) => tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, v],
                ),
                None => tx.execute("DELETE FROM settings WHERE key = ?1", [key]),
            };
            r.map(drop)
                .map_err(|e| storage_error(&path, "saving settings", e))
        })
    }

    /// The reminder settings (defaults where unset or unreadable).
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        self.sql("reading settings", read_reminder_settings(self.conn()))
    }

    /// Saves the reminder settings (the months are checked first).
    pub fn set_reminder_settings(&mut self, settings: &ReminderSettings) -> Result<()> {
        check_months(settings.follow_up_months)?;
        self.set_setting(
            "follow_up_months",
            Some(&settings.follow_up_months.to_string()),
        )?;
        self.set_setting(
            "awaiting_reply",
            Some(if settings.awaiting_reply {
                "true"
            } else {
                "false"
            }),
        )
    }
}
