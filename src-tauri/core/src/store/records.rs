//! What every table module shares: the row types in one place, the checks on text and times,
//! and an opportunity's status. The lifecycle is `open` → `declined` (a message marked sent) →
//! `replied` → `closed`, and `reopened` when the user changes their mind; every change is
//! timestamped in `status_events`. Each table's row type and writes live in its own module; the
//! list is `list.rs`, one opportunity with its timeline `detail.rs`.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

pub use super::decisions::Decision;
pub use super::messages::Message;
pub use super::notes::Note;
pub use super::opportunities::Opportunity;
pub use super::practice_runs::{PracticeRun, RunView};
pub use super::reminders::Reminder;
pub use super::replies::Reply;
pub use super::status_events::StatusEvent;

pub(crate) use super::decisions::{insert_decision, read_decision};
pub(crate) use super::messages::{insert_message, read_message};
pub(crate) use super::notes::{insert_note, read_note};
pub(crate) use super::opportunities::{insert_opportunity, read_opportunity};
pub(crate) use super::practice_runs::{insert_practice, read_practice};
pub(crate) use super::reminders::{insert_reminder, read_reminder};
pub(crate) use super::replies::{insert_reply, read_reply};
pub(crate) use super::status_events::{insert_event, read_event};

use super::{storage_error, Store};
use crate::{Error, Result};

const MAX_TEXT: usize = 100_000;

pub(crate) fn check_text(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(field, "is empty"));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Error::invalid(
            field,
            format!("is longer than {MAX_TEXT} characters"),
        ));
    }
    Ok(())
}

/// Reads an RFC 3339 date-time given for `field`, in range (see [`crate::time`]).
pub fn parse_time(field: &str, value: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    crate::time::parse(field, value)
}

/// [`parse_time`], in the stored form (UTC, whole seconds).
pub(crate) fn check_time(field: &str, value: &str) -> Result<String> {
    crate::time::stored(field, value)
}

/// Every row of one table, by id, for export.
pub(crate) fn all<T>(
    conn: &Connection,
    table: &str,
    read: fn(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id"))?;
    let rows = stmt.query_map([], read)?;
    rows.collect()
}

pub(crate) fn set_status(
    tx: &Transaction<'_>,
    id: i64,
    from: &str,
    to: &str,
    at: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE opportunities SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, to, at],
    )?;
    tx.execute(
        "INSERT INTO status_events (opportunity_id, from_status, to_status, at) VALUES (?1, ?2, ?3, ?4)",
        params![id, from, to, at],
    )?;
    Ok(())
}

/// The status of a live (not deleted) opportunity, or `NotFound`.
pub(crate) fn status_of(tx: &Transaction<'_>, path: &Path, id: i64) -> Result<String> {
    tx.query_row(
        "SELECT status FROM opportunities WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| storage_error(path, "reading the opportunity", e))?
    .ok_or_else(|| Error::NotFound {
        what: format!("opportunity {id}"),
    })
}

/// Marks an opportunity as changed at `at` without changing its status.
pub(crate) fn touch(tx: &Transaction<'_>, id: i64, at: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE opportunities SET updated_at = ?2 WHERE id = ?1",
        params![id, at],
    )
    .map(drop)
}

impl Store {
    pub(crate) fn sql<T>(&self, action: &str, r: rusqlite::Result<T>) -> Result<T> {
        r.map_err(|e| storage_error(self.path(), action, e))
    }
}
