//! One opportunity with everything recorded about it, and the timeline that puts it in order.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use super::records::{
    read_decision, read_event, read_message, read_note, read_opportunity, read_practice,
    read_reminder, read_reply, Decision, Message, Note, Opportunity, PracticeRun, Reminder, Reply,
    RunView, StatusEvent,
};
use super::Store;
use crate::speech::Band;
use crate::{Error, Result};

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

impl Store {
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
