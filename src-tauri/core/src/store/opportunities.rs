//! One invitation the user is handling: recording it, closing it, taking a decision back, the trash.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::records::{check_text, set_status, status_of};
use super::reminders::{insert_planned, plan_invitation};
use super::{now_utc, storage_error, Store};
use crate::decide::{Advice, Situation};
use crate::{Error, Result};

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

impl Store {
    /// Records a new opportunity from a Situation (and the Advice given, if any); returns its id.
    pub fn add_opportunity(
        &mut self,
        situation: &Situation,
        advice: Option<&Advice>,
    ) -> Result<i64> {
        let now = now_utc();
        let situation_json = serde_json::to_string(situation).expect("a Situation serializes");
        let advice_json = advice.map(|a| serde_json::to_string(a).expect("an Advice serializes"));
        let contact = situation.contact.clone().unwrap_or_default();
        let enum_text = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        let stage = enum_text(serde_json::to_value(situation.stage).expect("enum"));
        let origin = enum_text(serde_json::to_value(situation.origin_channel).expect("enum"));
        let path = self.path().to_path_buf();
        self.write("saving the opportunity", |tx| {
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
                        stage,
                        origin,
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
                tx.execute(
                    "INSERT INTO decisions (opportunity_id, situation, advice, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![id, situation_json, advice_json, now],
                )?;
                // Reply within 24 h (72 at the latest), cancel a scheduled interview in time.
                let planned = plan_invitation(
                    &situation.invited_at.to_rfc3339(),
                    situation.interview_at.map(|t| t.to_rfc3339()).as_deref(),
                    chrono::Utc::now(),
                );
                insert_planned(tx, id, &planned, &now)?;
                Ok(id)
            };
            run().map_err(|e| storage_error(&path, "saving the opportunity", e))
        })
    }

    /// Closes an opportunity (nothing more to do).
    pub fn close(&mut self, opportunity_id: i64) -> Result<()> {
        self.transition(
            opportunity_id,
            "closed",
            &["open", "declined", "replied", "reopened"],
        )?;
        // Nothing more to answer: the reply-by and cancel reminders are moot (the follow-up
        // months later still stands).
        let path = self.path().to_path_buf();
        self.write("closing the opportunity", |tx| {
            super::reminders::complete_kinds(
                tx,
                opportunity_id,
                &[
                    crate::reminders::ReminderKind::RespondIdeal,
                    crate::reminders::ReminderKind::RespondLastCall,
                    crate::reminders::ReminderKind::CancelInterview,
                    crate::reminders::ReminderKind::AwaitingReply,
                ],
            )
            .map_err(|e| storage_error(&path, "closing the opportunity", e))
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

    fn transition(&mut self, id: i64, to: &str, allowed_from: &[&str]) -> Result<()> {
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("changing the status", |tx| {
            let current = status_of(tx, &path, id)?;
            if !allowed_from.contains(&current.as_str()) {
                return Err(Error::invalid(
                    "status",
                    format!("the opportunity is already {current}"),
                ));
            }
            set_status(tx, id, &current, to, &now)
                .map_err(|e| storage_error(&path, "changing the status", e))
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
