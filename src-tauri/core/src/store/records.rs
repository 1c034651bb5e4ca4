//! What the tables add up to: the list (filtered and searched), one opportunity with its timeline,
//! and the checks every table module shares. The lifecycle is `open` → `declined` (a message marked
//! sent) → `replied` → `closed`, and `reopened` when the user changes their mind; every change is
//! timestamped in `status_events`. Each table's row type and writes live in its own module.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

pub use super::decisions::Decision;
pub use super::messages::Message;
pub use super::notes::Note;
pub use super::opportunities::Opportunity;
pub use super::practice_runs::{PracticeRun, RunView};
pub use super::reminders::Reminder;
pub use super::replies::Reply;
pub use super::status_events::StatusEvent;
use crate::speech::Band;

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
    /// Phone rehearsals, oldest first.
    pub practice_runs: Vec<RunView>,
    /// Everything above as one timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// When.
    pub at: String,
    /// `invitation`, `decision`, `status`, `message`, `sent`, `reply`, `note`, `reminder` or
    /// `practice`.
    pub kind: &'static str,
    /// What happened, in words.
    pub text: String,
}

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

/// Reads an RFC 3339 date-time given for `field`, or says what is accepted.
pub fn parse_time(field: &str, value: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| {
            Error::invalid(
                field,
                format!("“{value}” is not a date-time like 2026-11-26T14:30:00+01:00"),
            )
        })
}

/// [`parse_time`], in the stored form (UTC, whole seconds).
pub(crate) fn check_time(field: &str, value: &str) -> Result<String> {
    parse_time(field, value).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
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
        let prefixes = match q
            .search
            .as_deref()
            .filter(|text| words(text).next().is_some())
        {
            Some(text) => match self.prefix_query(text)? {
                Some(query) => Some(query),
                // A word that starts no indexed word: nothing can match.
                None => return Ok(Vec::new()),
            },
            None => None,
        };
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
        let practice_runs: Vec<RunView> = self
            .sql(
                "reading practice runs",
                of(conn, "practice_runs", "created_at", id, read_practice),
            )?
            .iter()
            .map(PracticeRun::view)
            .collect();
        let mut detail = Detail {
            opportunity,
            decisions,
            messages,
            replies,
            notes,
            events,
            reminders,
            practice_runs,
            timeline: Vec::new(),
        };
        detail.timeline = timeline(&detail);
        Ok(detail)
    }
}

fn timeline(d: &Detail) -> Vec<TimelineEntry> {
    let (o, decisions, messages, replies, notes, events, reminders, runs) = (
        &d.opportunity,
        &d.decisions,
        &d.messages,
        &d.replies,
        &d.notes,
        &d.events,
        &d.reminders,
        &d.practice_runs,
    );
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
            text: format!(
                "Reminder ({}): {}",
                r.state,
                crate::reminders::ReminderKind::parse(&r.kind)
                    .unwrap_or(crate::reminders::ReminderKind::Custom)
                    .summary(&o.company, r.title.as_deref())
            ),
        });
    }
    for r in runs {
        let secs = (r.duration_ms + 500) / 1000;
        let band = match r.band {
            Band::Under => "under the 30–60 s target",
            Band::In => "inside the 30–60 s target",
            Band::Over => "over the 30–60 s target",
        };
        out.push(TimelineEntry {
            at: r.created_at.clone(),
            kind: "practice",
            text: format!(
                "Practised the call: {}:{:02} ({band})",
                secs / 60,
                secs % 60
            ),
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

/// The words of a search as the index splits them (anything not a letter or digit separates).
fn words(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
}

/// One word as an FTS5 string: quoted, so no FTS5 syntax from the user is ever run.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Turns what the user typed into a safe FTS5 query: every word must match, whole or (with
/// `prefix`) as the start of a word.
pub fn fts_query(input: &str, prefix: bool) -> String {
    let star = if prefix { "*" } else { "" };
    words(input)
        .map(|w| format!("{}{star}", quoted(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Most indexed words a partial word is expanded into before falling back to a prefix scan.
const MAX_EXPANSION: usize = 32;

impl Store {
    /// The search with each word matching the start of a word. A partial word is expanded to the
    /// indexed words it starts ("reloc" → "relocate" OR "relocation"), which the index streams
    /// lazily; a plain prefix query would first merge every such word's entries. `None` when some
    /// word starts no indexed word at all. `input` holds at least one word.
    fn prefix_query(&self, input: &str) -> Result<Option<String>> {
        let mut parts = Vec::new();
        let mut stmt = self.sql(
            "searching",
            self.conn().prepare_cached(
                "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3",
            ),
        )?;
        for word in words(input) {
            let lower = word.to_lowercase();
            if !lower.is_ascii() {
                // Accents are folded by the index; let SQLite expand those itself.
                parts.push(format!("{}*", quoted(word)));
                continue;
            }
            let upper = format!("{lower}\u{10FFFF}");
            let terms: Vec<String> = self.sql(
                "searching",
                stmt.query_map(
                    rusqlite::params![lower, upper, MAX_EXPANSION as i64 + 1],
                    |r| r.get(0),
                )
                .and_then(|rows| rows.collect()),
            )?;
            match terms.len() {
                0 => return Ok(None),
                n if n > MAX_EXPANSION => parts.push(format!("{}*", quoted(word))),
                _ => parts.push(format!(
                    "({})",
                    terms
                        .iter()
                        .map(|t| quoted(t))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                )),
            }
        }
        Ok(Some(parts.join(" AND ")))
    }
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
