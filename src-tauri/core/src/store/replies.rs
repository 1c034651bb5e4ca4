//! Replies received; the first after a decline marks the opportunity replied.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::records::{check_text, check_time, set_status, status_of, touch};
use super::{now_utc, storage_error, Store};
use crate::Result;

/// A reply received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// Text.
    pub body: String,
    /// When it arrived.
    pub received_at: String,
    /// Recorded (UTC).
    pub created_at: String,
}

table_row!(
    "replies",
    read_reply,
    insert_reply,
    Reply {
        id,
        opportunity_id,
        body,
        received_at,
        created_at
    }
);

impl Store {
    /// Records a reply; a declined opportunity becomes `replied`. Returns the reply's id.
    pub fn add_reply(&mut self, opportunity_id: i64, body: &str, received_at: &str) -> Result<i64> {
        check_text("body", body)?;
        let received_at = check_time("received_at", received_at)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the reply", |tx| {
            let current = status_of(tx, &path, opportunity_id)?;
            let run = || -> rusqlite::Result<i64> {
                tx.execute(
                    "INSERT INTO replies (opportunity_id, body, received_at, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![opportunity_id, body, received_at, now],
                )?;
                let id = tx.last_insert_rowid();
                super::reminders::complete_kinds(
                    tx,
                    opportunity_id,
                    &[crate::reminders::plan::ReminderKind::AwaitingReply],
                )?;
                if current == "declined" {
                    set_status(tx, opportunity_id, &current, "replied", &now)?;
                } else {
                    touch(tx, opportunity_id, &now)?;
                }
                Ok(id)
            };
            run().map_err(|e| storage_error(&path, "saving the reply", e))
        })
    }
}
