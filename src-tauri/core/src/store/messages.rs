//! Messages drafted or sent; marking one sent declines the opportunity.

use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::records::{check_text, check_time, set_status, status_of, touch};
use super::reminders::{complete_kinds, insert_planned};
use super::settings::read_reminder_settings;
use super::{now_utc, storage_error, Store};
use crate::message::Channel;
use crate::reminders::plan::{self, ReminderKind};
use crate::{Error, Result};

/// A message drafted or sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// `email`, `phone` or `linkedin`.
    pub channel: String,
    /// Subject (email).
    pub subject: Option<String>,
    /// Text.
    pub body: String,
    /// `draft` or `sent`.
    pub status: String,
    /// Created (UTC).
    pub created_at: String,
    /// When it was really sent.
    pub sent_at: Option<String>,
    /// For a change-of-mind draft: the message it takes back.
    pub reopens_message_id: Option<i64>,
}

table_row!(
    "messages",
    read_message,
    insert_message,
    Message {
        id,
        opportunity_id,
        channel,
        subject,
        body,
        status,
        created_at,
        sent_at,
        reopens_message_id
    }
);

/// Checks a message's channel and text before it is stored.
pub(crate) fn check_message(channel: &str, body: &str) -> Result<()> {
    if Channel::parse(channel).is_none() {
        return Err(Error::invalid(
            "channel",
            format!("“{channel}” is not one of: email, phone, linkedin"),
        ));
    }
    check_text("body", body)
}

/// Saves a draft message (checked with [`check_message`]); returns its id.
pub(crate) fn insert_draft(
    tx: &Transaction<'_>,
    path: &Path,
    opportunity_id: i64,
    channel: &str,
    subject: Option<&str>,
    body: &str,
    now: &str,
) -> Result<i64> {
    check_message(channel, body)?;
    status_of(tx, path, opportunity_id)?;
    tx.execute(
        "INSERT INTO messages (opportunity_id, channel, subject, body, status, created_at) VALUES (?1, ?2, ?3, ?4, 'draft', ?5)",
        params![opportunity_id, channel, subject, body, now],
    )
    .map_err(|e| storage_error(path, "saving the draft", e))?;
    Ok(tx.last_insert_rowid())
}

/// Marks a message sent at `sent_at` (checked RFC 3339); an open or reopened opportunity becomes
/// `declined`, except when the message is the one taking a decline back.
pub(crate) fn mark_sent(
    tx: &Transaction<'_>,
    path: &Path,
    message_id: i64,
    sent_at: &str,
    now: &str,
) -> Result<()> {
    let found: Option<(i64, String, Option<i64>, String)> = tx
        .query_row(
            "SELECT opportunity_id, status, reopens_message_id, channel FROM messages WHERE id = ?1",
            [message_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .map_err(|e| storage_error(path, "marking the message sent", e))?;
    let (opp, status, takes_back, channel) = found.ok_or_else(|| Error::NotFound {
        what: format!("message {message_id}"),
    })?;
    if status == "sent" {
        return Err(Error::invalid(
            "message",
            format!("message {message_id} is already marked sent"),
        ));
    }
    let current = status_of(tx, path, opp)?;
    let run = || -> rusqlite::Result<()> {
        tx.execute(
            "UPDATE messages SET status = 'sent', sent_at = ?2 WHERE id = ?1",
            params![message_id, sent_at],
        )?;
        // Sending the change-of-mind message keeps the opportunity reopened.
        let declines = takes_back.is_none() && (current == "open" || current == "reopened");
        if declines {
            set_status(tx, opp, &current, "declined", now)?;
        } else {
            touch(tx, opp, now)?;
        }
        // They have their answer: the reply-by and cancel reminders are met, and an email
        // after a phone decline is the confirmation.
        let mut met = vec![
            ReminderKind::RespondIdeal,
            ReminderKind::RespondLastCall,
            ReminderKind::CancelInterview,
        ];
        if channel == "email" {
            met.push(ReminderKind::ConfirmByEmail);
        }
        complete_kinds(tx, opp, &met)?;
        if declines {
            plan_decline(tx, opp, &channel, sent_at, now)?;
        } else {
            plan_awaiting_reply(tx, opp, sent_at, now)?;
        }
        Ok(())
    };
    run().map_err(|e| storage_error(path, "marking the message sent", e))
}

impl Store {
    /// Saves a draft message; returns its id.
    pub fn add_draft(
        &mut self,
        opportunity_id: i64,
        channel: &str,
        subject: Option<&str>,
        body: &str,
    ) -> Result<i64> {
        check_message(channel, body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the draft", |tx| {
            insert_draft(tx, &path, opportunity_id, channel, subject, body, &now)
        })
    }

    /// Marks a message sent at `sent_at` (RFC 3339).
    pub fn mark_sent(&mut self, message_id: i64, sent_at: &str) -> Result<()> {
        let sent_at = check_time("sent_at", sent_at)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("marking the message sent", |tx| {
            mark_sent(tx, &path, message_id, &sent_at, &now)
        })
    }
}

/// The reminders a sent decline starts (confirm by email after a call, the follow-up months
/// later, "awaiting reply" if wanted), unless the opportunity already has an open follow-up.
fn plan_decline(
    tx: &rusqlite::Transaction<'_>,
    opportunity_id: i64,
    channel: &str,
    sent_at: &str,
    now: &str,
) -> rusqlite::Result<()> {
    let Ok(sent) = chrono::DateTime::parse_from_rfc3339(sent_at) else {
        return Ok(());
    };
    let settings = read_reminder_settings(tx)?;
    let open: i64 = tx.query_row(
        "SELECT count(*) FROM reminders WHERE opportunity_id = ?1 AND kind = 'follow_up'
           AND state IN ('pending', 'notified')",
        [opportunity_id],
        |r| r.get(0),
    )?;
    let planned: Vec<_> = plan::for_decline(
        channel,
        sent.with_timezone(&chrono::Utc),
        settings.follow_up_months,
        settings.awaiting_reply,
        &chrono::Local,
    )
    .into_iter()
    .filter(|p| open == 0 || p.kind != ReminderKind::FollowUp)
    .collect();
    insert_planned(tx, opportunity_id, &planned, now)
}

/// After any other message is sent: the optional "awaiting reply" reminder, a week later.
fn plan_awaiting_reply(
    tx: &rusqlite::Transaction<'_>,
    opportunity_id: i64,
    sent_at: &str,
    now: &str,
) -> rusqlite::Result<()> {
    let Ok(sent) = chrono::DateTime::parse_from_rfc3339(sent_at) else {
        return Ok(());
    };
    if !read_reminder_settings(tx)?.awaiting_reply {
        return Ok(());
    }
    insert_planned(
        tx,
        opportunity_id,
        &[plan::Planned {
            kind: ReminderKind::AwaitingReply,
            due_at: sent.with_timezone(&chrono::Utc) + plan::AWAIT_REPLY,
        }],
        now,
    )
}
