//! The user's notes on an opportunity.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::records::{check_text, status_of, touch};
use super::{now_utc, storage_error, Store};
use crate::Result;

/// A note of the user's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// Text.
    pub body: String,
    /// Written (UTC).
    pub created_at: String,
}

table_row!(
    "notes",
    read_note,
    insert_note,
    Note {
        id,
        opportunity_id,
        body,
        created_at
    }
);

impl Store {
    /// Adds a note; returns its id.
    pub fn add_note(&mut self, opportunity_id: i64, body: &str) -> Result<i64> {
        check_text("body", body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the note", |tx| {
            status_of(tx, &path, opportunity_id)?;
            let run = || -> rusqlite::Result<i64> {
                tx.execute(
                    "INSERT INTO notes (opportunity_id, body, created_at) VALUES (?1, ?2, ?3)",
                    params![opportunity_id, body, now],
                )?;
                touch(tx, opportunity_id, &now)?;
                Ok(tx.last_insert_rowid())
            };
            run().map_err(|e| storage_error(&path, "saving the note", e))
        })
    }
}
