//! Typed reads and writes of the career folder's tables, and the opportunity lifecycle:
//! `open` → `declined` (a message marked sent) → `replied` → `closed`, and `reopened` when the user
//! changes their mind. Every change is timestamped in `status_events`.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

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

/// The Situation and Advice at the time of a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// The Situation as JSON text.
    pub situation: String,
    /// The Advice as JSON text.
    pub advice: Option<String>,
    /// Recorded (UTC).
    pub created_at: String,
}

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

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// Status before (none when created).
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: String,
    /// When (UTC).
    pub at: String,
}

/// A timed phone rehearsal (filled by Practise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeRun {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// Length of the run.
    pub duration_ms: i64,
    /// Per-beat times as JSON text.
    pub beats: String,
    /// When (UTC).
    pub created_at: String,
}

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

/// A line of the history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Opportunity id.
    pub id: i64,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Contact's name.
    pub contact_name: Option<String>,
    /// Status.
    pub status: String,
    /// When the invitation arrived.
    pub invited_at: String,
    /// Last change.
    pub updated_at: String,
    /// In the trash since.
    pub deleted_at: Option<String>,
}

/// What the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ListQuery {
    /// Words to find anywhere (company, role, contact, messages, replies, notes).
    pub search: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// Only opportunities with a message on this channel.
    pub channel: Option<String>,
    /// Invited on or after (RFC 3339 or YYYY-MM-DD).
    pub from: Option<String>,
    /// Invited before the end of this day / instant.
    pub to: Option<String>,
    /// The trash instead of the live list.
    pub trash: bool,
    /// Page size (default 50, at most 500).
    pub limit: Option<u32>,
    /// Rows to skip.
    pub offset: Option<u32>,
}

/// An opportunity with everything recorded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// The opportunity.
    pub opportunity: Opportunity,
    /// Decisions, oldest first.
    pub decisions: Vec<Decision>,
    /// Messages, oldest first.
    pub messages: Vec<Message>,
    /// Replies, oldest first.
    pub replies: Vec<Reply>,
    /// Notes, oldest first.
    pub notes: Vec<Note>,
    /// Status changes, oldest first.
    pub events: Vec<StatusEvent>,
    /// Reminders, by due time.
    pub reminders: Vec<Reminder>,
    /// Everything above as one timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// When.
    pub at: String,
    /// `invitation`, `decision`, `status`, `message`, `sent`, `reply`, `note` or `reminder`.
    pub kind: &'static str,
    /// What happened, in words.
    pub text: String,
}

const MAX_TEXT: usize = 100_000;

fn check_text(field: &str, text: &str) -> Result<()> {
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

fn check_time(field: &str, value: &str) -> Result<String> {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
        .map_err(|_| {
            Error::invalid(
                field,
                format!("“{value}” is not a date-time like 2026-11-26T14:30:00+01:00"),
            )
        })
}

macro_rules! row_reader {
    ($name:ident, $ty:ident { $($field:ident),* $(,)? }) => {
        pub(crate) fn $name(row: &Row<'_>) -> rusqlite::Result<$ty> {
            Ok($ty { $($field: row.get(stringify!($field))?),* })
        }
    };
}

row_reader!(
    read_opportunity,
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
row_reader!(
    read_decision,
    Decision {
        id,
        opportunity_id,
        situation,
        advice,
        created_at
    }
);
row_reader!(
    read_message,
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
row_reader!(
    read_reply,
    Reply {
        id,
        opportunity_id,
        body,
        received_at,
        created_at
    }
);
row_reader!(
    read_note,
    Note {
        id,
        opportunity_id,
        body,
        created_at
    }
);
row_reader!(
    read_event,
    StatusEvent {
        id,
        opportunity_id,
        from_status,
        to_status,
        at
    }
);
row_reader!(
    read_practice,
    PracticeRun {
        id,
        opportunity_id,
        duration_ms,
        beats,
        created_at
    }
);
row_reader!(
    read_reminder,
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

fn set_status(
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

fn status_of(tx: &Transaction<'_>, id: i64) -> Result<String> {
    tx.query_row(
        "SELECT status FROM opportunities WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| Error::Storage {
        action: "reading the opportunity".into(),
        reason: e.to_string(),
    })?
    .ok_or_else(|| Error::NotFound {
        what: format!("opportunity {id}"),
    })
}

impl Store {
    fn sql<T>(&self, action: &str, r: rusqlite::Result<T>) -> Result<T> {
        r.map_err(|e| storage_error(self.path(), action, e))
    }

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
                Ok(id)
            };
            run().map_err(|e| storage_error(&path, "saving the opportunity", e))
        })
    }

    /// Saves a draft message; returns its id.
    pub fn add_draft(
        &mut self,
        opportunity_id: i64,
        channel: &str,
        subject: Option<&str>,
        body: &str,
    ) -> Result<i64> {
        if !["email", "phone", "linkedin"].contains(&channel) {
            return Err(Error::invalid(
                "channel",
                format!("“{channel}” is not one of: email, phone, linkedin"),
            ));
        }
        check_text("body", body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the draft", |tx| {
            status_of(tx, opportunity_id)?;
            tx.execute(
                "INSERT INTO messages (opportunity_id, channel, subject, body, status, created_at) VALUES (?1, ?2, ?3, ?4, 'draft', ?5)",
                params![opportunity_id, channel, subject, body, now],
            )
            .map_err(|e| storage_error(&path, "saving the draft", e))?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Marks a message sent at `sent_at` (RFC 3339); an open or reopened opportunity becomes
    /// `declined`, except when the message is the one taking a decline back.
    pub fn mark_sent(&mut self, message_id: i64, sent_at: &str) -> Result<()> {
        let sent_at = check_time("sent_at", sent_at)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("marking the message sent", |tx| {
            let found: Option<(i64, String, Option<i64>)> = tx
                .query_row(
                    "SELECT opportunity_id, status, reopens_message_id FROM messages WHERE id = ?1",
                    [message_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()
                .map_err(|e| storage_error(&path, "marking the message sent", e))?;
            let (opp, status, takes_back) = found.ok_or_else(|| Error::NotFound {
                what: format!("message {message_id}"),
            })?;
            if status == "sent" {
                return Err(Error::invalid(
                    "message",
                    format!("message {message_id} is already marked sent"),
                ));
            }
            let current = status_of(tx, opp)?;
            let run = || -> rusqlite::Result<()> {
                tx.execute(
                    "UPDATE messages SET status = 'sent', sent_at = ?2 WHERE id = ?1",
                    params![message_id, sent_at],
                )?;
                // Sending the change-of-mind message keeps the opportunity reopened.
                if takes_back.is_none() && (current == "open" || current == "reopened") {
                    set_status(tx, opp, &current, "declined", &now)?;
                } else {
                    tx.execute(
                        "UPDATE opportunities SET updated_at = ?2 WHERE id = ?1",
                        params![opp, now],
                    )?;
                }
                Ok(())
            };
            run().map_err(|e| storage_error(&path, "marking the message sent", e))
        })
    }

    /// Records a reply; a declined opportunity becomes `replied`. Returns the reply's id.
    pub fn add_reply(&mut self, opportunity_id: i64, body: &str, received_at: &str) -> Result<i64> {
        check_text("body", body)?;
        let received_at = check_time("received_at", received_at)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the reply", |tx| {
            let current = status_of(tx, opportunity_id)?;
            let run = || -> rusqlite::Result<i64> {
                tx.execute(
                    "INSERT INTO replies (opportunity_id, body, received_at, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![opportunity_id, body, received_at, now],
                )?;
                let id = tx.last_insert_rowid();
                if current == "declined" {
                    set_status(tx, opportunity_id, &current, "replied", &now)?;
                } else {
                    tx.execute("UPDATE opportunities SET updated_at = ?2 WHERE id = ?1", params![opportunity_id, now])?;
                }
                Ok(id)
            };
            run().map_err(|e| storage_error(&path, "saving the reply", e))
        })
    }

    /// Adds a note; returns its id.
    pub fn add_note(&mut self, opportunity_id: i64, body: &str) -> Result<i64> {
        check_text("body", body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the note", |tx| {
            status_of(tx, opportunity_id)?;
            let run = || -> rusqlite::Result<i64> {
                tx.execute(
                    "INSERT INTO notes (opportunity_id, body, created_at) VALUES (?1, ?2, ?3)",
                    params![opportunity_id, body, now],
                )?;
                tx.execute(
                    "UPDATE opportunities SET updated_at = ?2 WHERE id = ?1",
                    params![opportunity_id, now],
                )?;
                Ok(tx.last_insert_rowid())
            };
            run().map_err(|e| storage_error(&path, "saving the note", e))
        })
    }

    /// Closes an opportunity (nothing more to do).
    pub fn close(&mut self, opportunity_id: i64) -> Result<()> {
        self.transition(
            opportunity_id,
            "closed",
            &["open", "declined", "replied", "reopened"],
        )
    }

    /// The user changed their mind: the opportunity becomes `reopened` and a draft taking back the
    /// last sent message is created with `body`. Returns the draft's id.
    pub fn reopen(&mut self, opportunity_id: i64, body: &str) -> Result<i64> {
        check_text("body", body)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("reopening the opportunity", |tx| {
            let current = status_of(tx, opportunity_id)?;
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
                Ok(draft)
            };
            run().map_err(|e| storage_error(&path, "reopening the opportunity", e))
        })
    }

    fn transition(&mut self, id: i64, to: &str, allowed_from: &[&str]) -> Result<()> {
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("changing the status", |tx| {
            let current = status_of(tx, id)?;
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

    /// The list, filtered: newest change first; with a search, the newest matching opportunity
    /// first. A search streams matches from the index newest-first and stops at the page's end,
    /// so a word found in every message costs no more than a rare one.
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Summary>> {
        let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
        if q.offset.unwrap_or(0) == 0 {
            // Whole words first: the index streams those lazily. Prefix matching ("robot" for
            // "Robotics") merges every word sharing the prefix, so it runs only when whole words
            // do not fill the page.
            if let Some(words) = q
                .search
                .as_deref()
                .map(|s| fts_query(s, false))
                .filter(|s| !s.is_empty())
            {
                let rows = self.list_matching(q, Some(words), limit)?;
                if rows.len() == limit {
                    return Ok(rows);
                }
            }
        }
        let prefixes = q
            .search
            .as_deref()
            .map(|s| fts_query(s, true))
            .filter(|s| !s.is_empty());
        self.list_matching(q, prefixes, limit)
    }

    fn list_matching(
        &self,
        q: &ListQuery,
        search: Option<String>,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut sql = String::from(
            "SELECT o.id, o.company, o.role, o.contact_name, o.status, o.invited_at, o.updated_at, o.deleted_at FROM ",
        );
        if let Some(search) = &search {
            args.push(Box::new(search.clone()));
            sql.push_str(
                "search s JOIN opportunities o ON o.id = s.rowid WHERE search MATCH ?1 AND ",
            );
        } else {
            sql.push_str("opportunities o WHERE ");
        }
        sql.push_str(if q.trash {
            "o.deleted_at IS NOT NULL"
        } else {
            "o.deleted_at IS NULL"
        });
        if let Some(status) = &q.status {
            args.push(Box::new(status.clone()));
            sql.push_str(&format!(" AND o.status = ?{}", args.len()));
        }
        if let Some(channel) = &q.channel {
            args.push(Box::new(channel.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM messages m WHERE m.opportunity_id = o.id AND m.channel = ?{})",
                args.len()
            ));
        }
        if let Some(from) = &q.from {
            args.push(Box::new(day_bound("from", from, false)?));
            sql.push_str(&format!(
                " AND unixepoch(o.invited_at) >= unixepoch(?{})",
                args.len()
            ));
        }
        if let Some(to) = &q.to {
            args.push(Box::new(day_bound("to", to, true)?));
            sql.push_str(&format!(
                " AND unixepoch(o.invited_at) < unixepoch(?{})",
                args.len()
            ));
        }
        let offset = q.offset.unwrap_or(0) as usize;
        if search.is_some() {
            sql.push_str(&format!(
                " ORDER BY s.rowid DESC LIMIT {limit} OFFSET {offset}"
            ));
        } else {
            sql.push_str(&format!(
                " ORDER BY o.updated_at DESC, o.id DESC LIMIT {limit} OFFSET {offset}"
            ));
        }
        let mut stmt = self.sql("listing the history", self.conn().prepare_cached(&sql))?;
        let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|a| a.as_ref()).collect();
        let rows = self.sql(
            "listing the history",
            stmt.query_map(params.as_slice(), |r| {
                Ok(Summary {
                    id: r.get(0)?,
                    company: r.get(1)?,
                    role: r.get(2)?,
                    contact_name: r.get(3)?,
                    status: r.get(4)?,
                    invited_at: r.get(5)?,
                    updated_at: r.get(6)?,
                    deleted_at: r.get(7)?,
                })
            }),
        )?;
        self.sql("listing the history", rows.collect())
    }

    /// Everything about one opportunity (also when it is in the trash).
    pub fn show(&self, id: i64) -> Result<Detail> {
        let conn = self.conn();
        let opportunity = self
            .sql(
                "reading the opportunity",
                conn.query_row(
                    "SELECT * FROM opportunities WHERE id = ?1",
                    [id],
                    read_opportunity,
                )
                .optional(),
            )?
            .ok_or_else(|| Error::NotFound {
                what: format!("opportunity {id}"),
            })?;
        fn of<T>(
            conn: &Connection,
            table: &str,
            order: &str,
            id: i64,
            read: fn(&Row<'_>) -> rusqlite::Result<T>,
        ) -> rusqlite::Result<Vec<T>> {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT * FROM {table} WHERE opportunity_id = ?1 ORDER BY {order}, id"
            ))?;
            let rows = stmt.query_map([id], read)?;
            rows.collect()
        }
        let decisions = self.sql(
            "reading decisions",
            of(conn, "decisions", "created_at", id, read_decision),
        )?;
        let messages = self.sql(
            "reading messages",
            of(conn, "messages", "created_at", id, read_message),
        )?;
        let replies = self.sql(
            "reading replies",
            of(conn, "replies", "received_at", id, read_reply),
        )?;
        let notes = self.sql(
            "reading notes",
            of(conn, "notes", "created_at", id, read_note),
        )?;
        let events = self.sql(
            "reading the timeline",
            of(conn, "status_events", "at", id, read_event),
        )?;
        let reminders = self.sql(
            "reading reminders",
            of(conn, "reminders", "due_at", id, read_reminder),
        )?;
        let timeline = timeline(
            &opportunity,
            &decisions,
            &messages,
            &replies,
            &notes,
            &events,
            &reminders,
        );
        Ok(Detail {
            opportunity,
            decisions,
            messages,
            replies,
            notes,
            events,
            reminders,
            timeline,
        })
    }
}

fn timeline(
    o: &Opportunity,
    decisions: &[Decision],
    messages: &[Message],
    replies: &[Reply],
    notes: &[Note],
    events: &[StatusEvent],
    reminders: &[Reminder],
) -> Vec<TimelineEntry> {
    let mut out = vec![TimelineEntry {
        at: o.invited_at.clone(),
        kind: "invitation",
        text: format!("Invited to interview for {} at {}", o.role, o.company),
    }];
    for d in decisions {
        let verdict = d
            .advice
            .as_deref()
            .and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok())
            .and_then(|a| a["verdict"].as_str().map(str::to_owned));
        let text = match verdict {
            Some(v) => format!("Decision recorded (advice: {})", v.replace('_', " ")),
            None => "Decision recorded".to_owned(),
        };
        out.push(TimelineEntry {
            at: d.created_at.clone(),
            kind: "decision",
            text,
        });
    }
    for e in events.iter().filter(|e| e.from_status.is_some()) {
        out.push(TimelineEntry {
            at: e.at.clone(),
            kind: "status",
            text: format!(
                "Status: {} → {}",
                e.from_status.as_deref().unwrap_or(""),
                e.to_status
            ),
        });
    }
    for m in messages {
        let what = if m.reopens_message_id.is_some() {
            "Change-of-mind draft"
        } else {
            "Draft"
        };
        out.push(TimelineEntry {
            at: m.created_at.clone(),
            kind: "message",
            text: format!("{what} ({}) saved", m.channel),
        });
        if let Some(sent) = &m.sent_at {
            out.push(TimelineEntry {
                at: sent.clone(),
                kind: "sent",
                text: format!("Message sent by {}", m.channel),
            });
        }
    }
    for r in replies {
        out.push(TimelineEntry {
            at: r.received_at.clone(),
            kind: "reply",
            text: format!("Reply received: {}", preview(&r.body)),
        });
    }
    for n in notes {
        out.push(TimelineEntry {
            at: n.created_at.clone(),
            kind: "note",
            text: format!("Note: {}", preview(&n.body)),
        });
    }
    for r in reminders {
        out.push(TimelineEntry {
            at: r.due_at.clone(),
            kind: "reminder",
            text: format!("Reminder ({}): {}", r.state, r.kind.replace('_', " ")),
        });
    }
    // Sort by instant, whatever the offsets; ties keep insertion order.
    out.sort_by_key(|e| {
        chrono::DateTime::parse_from_rfc3339(&e.at)
            .map(|t| t.timestamp())
            .unwrap_or(i64::MAX)
    });
    out
}

fn preview(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let short: String = line.chars().take(80).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Turns what the user typed into a safe FTS5 query: every word must match, whole or (with
/// `prefix`) as the start of a word. Each word is quoted with its quotes doubled, so no FTS5
/// syntax from the user is ever run.
pub fn fts_query(input: &str, prefix: bool) -> String {
    let star = if prefix { "*" } else { "" };
    input
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '@' && c != '.' && c != '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{}\"{star}", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn day_bound(field: &str, value: &str, end: bool) -> Result<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
        return Ok(t.to_rfc3339());
    }
    let day = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("“{value}” is not a date like 2026-11-26")))?;
    let day = if end {
        day.succ_opt().unwrap_or(day)
    } else {
        day
    };
    Ok(format!("{day}T00:00:00Z"))
}
