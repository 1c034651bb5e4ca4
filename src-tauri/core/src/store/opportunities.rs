//! One invitation the user is handling: recording it, closing it, taking a decision back, the trash.

use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::records::{check_text, set_status, status_of};
use super::reminders::{insert_planned, plan_invitation};
use super::{now_utc, storage_error, Store};
use crate::decide::{Advice, Situation};
use crate::reminders::ReminderKind;
use crate::{Error, Result};

/// Every status an opportunity can have, with how History shows it.
pub const STATUSES: [(&str, &str); 5] = [
    ("open", "Open"),
    ("declined", "Declined"),
    ("replied", "Replied"),
    ("closed", "Closed"),
    ("reopened", "Reopened"),
];

/// One invitation the user is handling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opportunity {
    /// Stable id.
    pub id: i64,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Contact's name.
    pub contact_name: Option<String>,
    /// Contact's email.
    pub contact_email: Option<String>,
    /// Contact's title.
    pub contact_title: Option<String>,
    /// `invited`, `scheduled`, `interviewed` or `offer`.
    pub stage: String,
    /// `email`, `phone`, `linkedin` or `messaging`.
    pub origin_channel: String,
    /// When the invitation arrived (RFC 3339).
    pub invited_at: String,
    /// When the interview is or was.
    pub interview_at: Option<String>,
    /// `open`, `declined`, `replied`, `closed` or `reopened`.
    pub status: String,
    /// Created (UTC).
    pub created_at: String,
    /// Last changed (UTC).
    pub updated_at: String,
    /// In the trash since (UTC), if deleted.
    pub deleted_at: Option<String>,
}

table_row!(
    "opportunities",
    read_opportunity,
    insert_opportunity,
    Opportunity {
        id,
        company,
        role,
        contact_name,
        contact_email,
        contact_title,
        stage,
        origin_channel,
        invited_at,
        interview_at,
        status,
        created_at,
        updated_at,
        deleted_at
    }
);

/// The Situation's enum fields as stored text (`invited`, `email`…).
fn enum_text<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Records a new opportunity from a Situation, with the Advice given (if any), its first status
/// and its reply-by reminders; returns its id. Part of a larger write: `tx` is the caller's.
pub(crate) fn create(
    tx: &Transaction<'_>,
    path: &Path,
    situation: &Situation,
    advice: Option<&Advice>,
    now: &str,
) -> Result<i64> {
    let contact = situation.contact.clone().unwrap_or_default();
    let run = || -> rusqlite::Result<i64> {
        tx.execute(
            "INSERT INTO opportunities (company, role, contact_name, contact_email, contact_title, stage,
               origin_channel, invited_at, interview_at, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?10)",
            params![
                situation.company,
                situation.role,
                contact.name,
                contact.email,
                contact.title,
                enum_text(situation.stage),
                enum_text(situation.origin_channel),
                situation.invited_at.to_rfc3339(),
                situation.interview_at.map(|t| t.to_rfc3339()),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO status_events (opportunity_id, from_status, to_status, at) VALUES (?1, NULL, 'open', ?2)",
            params![id, now],
        )?;
        Ok(id)
    };
    let id = run().map_err(|e| storage_error(path, "saving the opportunity", e))?;
    add_decision(tx, path, id, situation, advice, now)?;
    plan_reply_by(tx, path, id, situation, now)?;
    Ok(id)
}

/// The user decided again about an opportunity already recorded: its facts follow the new
/// Situation, the decision is added to its history, and its reply-by reminders follow the
/// invitation and interview times.
pub(crate) fn update(
    tx: &Transaction<'_>,
    path: &Path,
    id: i64,
    situation: &Situation,
    advice: Option<&Advice>,
    now: &str,
) -> Result<()> {
    status_of(tx, path, id)?;
    let contact = situation.contact.clone().unwrap_or_default();
    let run = || -> rusqlite::Result<bool> {
        let before: (String, Option<String>) = tx.query_row(
            "SELECT invited_at, interview_at FROM opportunities WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let after = (
            situation.invited_at.to_rfc3339(),
            situation.interview_at.map(|t| t.to_rfc3339()),
        );
        tx.execute(
            "UPDATE opportunities SET company = ?2, role = ?3, contact_name = ?4, contact_email = ?5,
               contact_title = ?6, stage = ?7, origin_channel = ?8, invited_at = ?9, interview_at = ?10,
               updated_at = ?11
             WHERE id = ?1",
            params![
                id,
                situation.company,
                situation.role,
                contact.name,
                contact.email,
                contact.title,
                enum_text(situation.stage),
                enum_text(situation.origin_channel),
                after.0,
                after.1,
                now
            ],
        )?;
        Ok(before != after)
    };
    let moved = run().map_err(|e| storage_error(path, "saving the opportunity", e))?;
    add_decision(tx, path, id, situation, advice, now)?;
    if moved {
        // Reminders not yet announced follow the new times; those already shown stay as they were.
        tx.execute(
            "DELETE FROM reminders WHERE opportunity_id = ?1 AND state = 'pending'
               AND kind IN ('respond_ideal', 'respond_last_call', 'cancel_interview')",
            [id],
        )
        .map_err(|e| storage_error(path, "saving the opportunity", e))?;
        plan_reply_by(tx, path, id, situation, now)?;
    }
    Ok(())
}

fn add_decision(
    tx: &Transaction<'_>,
    path: &Path,
    id: i64,
    situation: &Situation,
    advice: Option<&Advice>,
    now: &str,
) -> Result<()> {
    let situation_json = serde_json::to_string(situation).map_err(|e| Error::Storage {
        action: "saving the decision".into(),
        reason: e.to_string(),
    })?;
    let advice_json = advice.and_then(|a| serde_json::to_string(a).ok());
    tx.execute(
        "INSERT INTO decisions (opportunity_id, situation, advice, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, situation_json, advice_json, now],
    )
    .map(drop)
    .map_err(|e| storage_error(path, "saving the decision", e))
}

/// Reply within 24 h (72 at the latest), cancel a scheduled interview in time.
fn plan_reply_by(
    tx: &Transaction<'_>,
    path: &Path,
    id: i64,
    situation: &Situation,
    now: &str,
) -> Result<()> {
    let at = super::records::parse_time("now", now)?;
    let planned = plan_invitation(
        &situation.invited_at.to_rfc3339(),
        situation.interview_at.map(|t| t.to_rfc3339()).as_deref(),
        at,
    );
    insert_planned(tx, id, &planned, now)
        .map_err(|e| storage_error(path, "saving the opportunity", e))
}

/// Closes an opportunity (nothing more to do): its reply-by and cancel reminders are moot (the
/// follow-up months later still stands).
/// Undo of closing: the opportunity goes back to `to`, the status it had before (its reply-by
/// reminders that closing completed stay done).
pub(crate) fn unclose(
    tx: &Transaction<'_>,
    path: &Path,
    id: i64,
    to: &str,
    now: &str,
) -> Result<()> {
    if !["open", "declined", "replied", "reopened"].contains(&to) {
        return Err(Error::invalid(
            "status",
            format!("“{to}” is not a status to go back to"),
        ));
    }
    transition(tx, path, id, to, &["closed"], now)
}

/// The status of a live opportunity.
pub(crate) fn status(tx: &Transaction<'_>, path: &Path, id: i64) -> Result<String> {
    status_of(tx, path, id)
}

pub(crate) fn close(tx: &Transaction<'_>, path: &Path, id: i64, now: &str) -> Result<()> {
    transition(
        tx,
        path,
        id,
        "closed",
        &["open", "declined", "replied", "reopened"],
        now,
    )?;
    super::reminders::complete_kinds(
        tx,
        id,
        &[
            ReminderKind::RespondIdeal,
            ReminderKind::RespondLastCall,
            ReminderKind::CancelInterview,
            ReminderKind::AwaitingReply,
        ],
    )
    .map_err(|e| storage_error(path, "closing the opportunity", e))
}

fn transition(
    tx: &Transaction<'_>,
    path: &Path,
    id: i64,
    to: &str,
    allowed_from: &[&str],
    now: &str,
) -> Result<()> {
    let current = status_of(tx, path, id)?;
    if !allowed_from.contains(&current.as_str()) {
        return Err(Error::invalid(
            "status",
            format!("the opportunity is already {current}"),
        ));
    }
    set_status(tx, id, &current, to, now).map_err(|e| storage_error(path, "changing the status", e))
}

impl Store {
    /// Records a new opportunity from a Situation (and the Advice given, if any); returns its id.
    pub fn add_opportunity(
        &mut self,
        situation: &Situation,
        advice: Option<&Advice>,
    ) -> Result<i64> {
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the opportunity", |tx| {
            create(tx, &path, situation, advice, &now)
        })
    }

    /// Closes an opportunity (nothing more to do).
    pub fn close(&mut self, opportunity_id: i64) -> Result<()> {
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("closing the opportunity", |tx| {
            close(tx, &path, opportunity_id, &now)
        })
    }

    /// The user changed their mind: the opportunity becomes `reopened` and a draft taking back the
    /// last sent message is created with `body`. Returns the draft's id.
    pub fn reopen(&mut self, opportunity_id: i64, body: &str) -> Result<i64> {
        check_text("body", body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("reopening the opportunity", |tx| {
            let current = status_of(tx, &path, opportunity_id)?;
            if current == "open" || current == "reopened" {
                return Err(Error::invalid("status", format!("the opportunity is {current}; there is no decision to take back")));
            }
            let run = || -> rusqlite::Result<i64> {
                let last: Option<(i64, String)> = tx
                    .query_row(
                        "SELECT id, channel FROM messages WHERE opportunity_id = ?1 AND status = 'sent'
                         ORDER BY sent_at DESC, id DESC LIMIT 1",
                        [opportunity_id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let (original, channel) = match last {
                    Some((id, channel)) => (Some(id), channel),
                    None => (None, "email".to_owned()),
                };
                tx.execute(
                    "INSERT INTO messages (opportunity_id, channel, body, status, created_at, reopens_message_id)
                     VALUES (?1, ?2, ?3, 'draft', ?4, ?5)",
                    params![opportunity_id, channel, body, now, original],
                )?;
                let draft = tx.last_insert_rowid();
                set_status(tx, opportunity_id, &current, "reopened", &now)?;
                // The decline is being taken back: its follow-ups no longer apply.
                tx.execute(
                    "UPDATE reminders SET state = 'dismissed'
                     WHERE opportunity_id = ?1 AND kind IN ('follow_up', 'confirm_by_email', 'awaiting_reply')
                       AND state IN ('pending', 'notified')",
                    [opportunity_id],
                )?;
                Ok(draft)
            };
            run().map_err(|e| storage_error(&path, "reopening the opportunity", e))
        })
    }

    /// Moves an opportunity to the trash.
    pub fn delete(&mut self, id: i64) -> Result<()> {
        self.set_deleted(id, Some(now_utc()))
    }

    /// Brings an opportunity back from the trash.
    pub fn restore_from_trash(&mut self, id: i64) -> Result<()> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: i64, at: Option<String>) -> Result<()> {
        let path = self.path().to_path_buf();
        let in_trash = at.is_none();
        self.write("moving the opportunity", |tx| {
            let changed = tx
                .execute(
                    "UPDATE opportunities SET deleted_at = ?2 WHERE id = ?1 AND (deleted_at IS NULL) = ?3",
                    params![id, at, !in_trash],
                )
                .map_err(|e| storage_error(&path, "moving the opportunity", e))?;
            if changed == 0 {
                let place = if in_trash { "in the trash" } else { "in the list" };
                return Err(Error::NotFound {
                    what: format!("opportunity {id} {place}"),
                });
            }
            Ok(())
        })
    }
}
