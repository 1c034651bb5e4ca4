//! Reminders (filled by the Reminders issue).

use serde::{Deserialize, Serialize};

/// A reminder (filled by Reminders).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// What to do.
    pub kind: String,
    /// Due (UTC).
    pub due_at: String,
    /// `pending`, `notified`, `done` or `dismissed`.
    pub state: String,
    /// When a notification was shown.
    pub notified_at: Option<String>,
    /// Created (UTC).
    pub created_at: String,
}

table_row!(
    "reminders",
    read_reminder,
    insert_reminder,
    Reminder {
        id,
        opportunity_id,
        kind,
        due_at,
        state,
        notified_at,
        created_at
    }
);
