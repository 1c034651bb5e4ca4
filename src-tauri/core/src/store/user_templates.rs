//! The user's own templates, kept in the history database; checked by `compose::user` before
//! they are stored.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{now_utc, storage_error, Store};
pub use crate::compose::user::TemplateDraft;
use crate::{Error, Result};

/// A template the user wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserTemplate {
    /// Stable id.
    pub id: i64,
    /// Unique name, shown in menus.
    pub name: String,
    /// `email`, `phone` or `linkedin`.
    pub channel: String,
    /// Subject line source (email; empty otherwise).
    pub subject: String,
    /// Body source.
    pub body: String,
    /// Created (UTC).
    pub created_at: String,
    /// Last saved (UTC).
    pub updated_at: String,
}

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserTemplate> {
    Ok(UserTemplate {
        id: row.get("id")?,
        name: row.get("name")?,
        channel: row.get("channel")?,
        subject: row.get("subject")?,
        body: row.get("body")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

impl Store {
    /// Every user template, by name.
    pub fn user_templates(&self) -> Result<Vec<UserTemplate>> {
        let run = || -> rusqlite::Result<Vec<UserTemplate>> {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT * FROM user_templates ORDER BY name COLLATE NOCASE, id")?;
            let rows = stmt.query_map([], read)?;
            rows.collect()
        };
        run().map_err(|e| storage_error(self.path(), "reading your templates", e))
    }

    /// One user template.
    pub fn user_template(&self, id: i64) -> Result<UserTemplate> {
        self.conn()
            .query_row("SELECT * FROM user_templates WHERE id = ?1", [id], read)
            .optional()
            .map_err(|e| storage_error(self.path(), "reading the template", e))?
            .ok_or_else(|| Error::NotFound {
                what: format!("template {id}"),
            })
    }

    /// Checks and saves a template (new, or an update of `draft.id`); returns it as stored.
    pub fn save_user_template(&mut self, draft: &TemplateDraft) -> Result<UserTemplate> {
        if let Some((field, p)) = draft.problems().into_iter().next() {
            return Err(Error::invalid(
                field,
                format!("line {}, column {}: {}", p.line, p.column, p.message),
            ));
        }
        let name = draft.name.trim();
        let subject = if draft.channel == "email" {
            draft.subject.as_str()
        } else {
            ""
        };
        let now = now_utc();
        let path = self.path().to_path_buf();
        let id = self.write("saving the template", |tx| {
            let clash: Option<i64> = tx
                .query_row(
                    "SELECT id FROM user_templates WHERE name = ?1 AND id IS NOT ?2",
                    params![name, draft.id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| storage_error(&path, "saving the template", e))?;
            if clash.is_some() {
                return Err(Error::invalid(
                    "name",
                    format!("a template called “{name}” already exists; choose another name"),
                ));
            }
            match draft.id {
                Some(id) => {
                    let changed = tx
                        .execute(
                            "UPDATE user_templates SET name = ?2, channel = ?3, subject = ?4, body = ?5, updated_at = ?6 WHERE id = ?1",
                            params![id, name, draft.channel, subject, draft.body, now],
                        )
                        .map_err(|e| storage_error(&path, "saving the template", e))?;
                    if changed == 0 {
                        return Err(Error::NotFound {
                            what: format!("template {id}"),
                        });
                    }
                    Ok(id)
                }
                None => {
                    tx.execute(
                        "INSERT INTO user_templates (name, channel, subject, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        params![name, draft.channel, subject, draft.body, now],
                    )
                    .map_err(|e| storage_error(&path, "saving the template", e))?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })?;
        self.user_template(id)
    }

    /// Deletes a template and returns it, so the window can offer Undo.
    pub fn delete_user_template(&mut self, id: i64) -> Result<UserTemplate> {
        let template = self.user_template(id)?;
        let path = self.path().to_path_buf();
        self.write("deleting the template", |tx| {
            tx.execute("DELETE FROM user_templates WHERE id = ?1", [id])
                .map_err(|e| storage_error(&path, "deleting the template", e))?;
            Ok(())
        })?;
        Ok(template)
    }
}
