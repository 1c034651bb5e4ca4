//! Reminders: created for the user at the moments the article names (see
//! [`crate::reminders::plan`]), edited, snoozed, done or dismissed by them, and claimed exactly
//! once for a notification. Times are stored in UTC.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::records::status_of;
use super::{now_utc, storage_error, Store};
use crate::reminders::plan::{self, Planned, ReminderKind};
use crate::{Error, Result};

/// A reminder as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// What to do (see [`Kind`]).
    pub kind: String,
    /// Due (UTC).
    pub due_at: String,
    /// `pending`, `notified`, `done` or `dismissed`.
    pub state: String,
    /// When a notification was shown.
    pub notified_at: Option<String>,
    /// Created (UTC).
    pub created_at: String,
    /// The user's own wording (always set for a custom reminder).
    #[serde(default)]
    pub title: Option<String>,
}

table_row!(
    "reminders",
    read_reminder,
    insert_reminder,
    Reminder {
        id,
        opportunity_id,
        kind,
        due_at,
        state,
        notified_at,
        created_at,
        title
    }
);

/// A reminder with what the list and the notification show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReminderView {
    /// Stable id.
    pub id: i64,
    /// What to do.
    pub kind: ReminderKind,
    /// Due (UTC, RFC 3339).
    pub due_at: String,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// The opportunity's company.
    pub company: Option<String>,
    /// The opportunity's role.
    pub role: Option<String>,
    /// `pending`, `notified`, `done` or `dismissed`.
    pub state: String,
    /// The user's own wording.
    pub title: Option<String>,
    /// What to do, naming the company (the notification's summary).
    pub summary: String,
    /// Why it matters.
    pub why: &'static str,
    /// When a notification was shown.
    pub notified_at: Option<String>,
    /// Created (UTC).
    pub created_at: String,
}

impl ReminderView {
    /// The due time as an instant.
    pub fn due(&self) -> DateTime<Utc> {
        parse_utc(&self.due_at).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// Still to act on (`pending` or `notified`).
    pub fn open(&self) -> bool {
        self.state == "pending" || self.state == "notified"
    }
}

/// What undo puts back: a reminder's due time, state and wording as they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Which reminder.
    pub id: i64,
    /// Due (UTC, RFC 3339).
    pub due_at: String,
    /// `pending`, `notified`, `done` or `dismissed`.
    pub state: String,
    /// When a notification was shown.
    pub notified_at: Option<String>,
    /// The user's own wording.
    pub title: Option<String>,
}

impl ReminderView {
    /// What undo needs to put this reminder back.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            id: self.id,
            due_at: self.due_at.clone(),
            state: self.state.clone(),
            notified_at: self.notified_at.clone(),
            title: self.title.clone(),
        }
    }
}

/// Longest title.
pub const MAX_TITLE: usize = 500;

fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The stored form of an instant.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn check_title(title: Option<&str>) -> Result<Option<String>> {
    let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > MAX_TITLE {
        return Err(Error::invalid(
            "title",
            format!("is longer than {MAX_TITLE} characters"),
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(Error::invalid("title", "must be one line of text"));
    }
    Ok(Some(t.to_owned()))
}

/// Inserts planned reminders for an opportunity.
pub(crate) fn insert_planned(
    tx: &Transaction<'_>,
    opportunity_id: i64,
    planned: &[Planned],
    now: &str,
) -> rusqlite::Result<()> {
    for p in planned {
        tx.execute(
            "INSERT INTO reminders (opportunity_id, kind, due_at, state, created_at)
             VALUES (?1, ?2, ?3, 'pending', ?4)",
            params![opportunity_id, p.kind.as_str(), stamp(p.due_at), now],
        )?;
    }
    Ok(())
}

/// Closes an opportunity's open reminders of these kinds (their moment has been met).
pub(crate) fn complete_kinds(
    tx: &Transaction<'_>,
    opportunity_id: i64,
    kinds: &[ReminderKind],
) -> rusqlite::Result<()> {
    for k in kinds {
        tx.execute(
            "UPDATE reminders SET state = 'done'
             WHERE opportunity_id = ?1 AND kind = ?2 AND state IN ('pending', 'notified')",
            params![opportunity_id, k.as_str()],
        )?;
    }
    Ok(())
}

const VIEW_SQL: &str =
    "SELECT r.id, r.kind, r.due_at, r.opportunity_id, o.company, o.role, r.state,
        r.title, r.notified_at, r.created_at
     FROM reminders r LEFT JOIN opportunities o ON o.id = r.opportunity_id
     WHERE (o.id IS NULL OR o.deleted_at IS NULL)";

fn read_view(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReminderView> {
    let kind_text: String = r.get(1)?;
    let kind = ReminderKind::parse(&kind_text).unwrap_or(ReminderKind::Custom);
    let company: Option<String> = r.get(4)?;
    let title: Option<String> = r.get(7)?;
    Ok(ReminderView {
        id: r.get(0)?,
        kind,
        due_at: r.get(2)?,
        opportunity_id: r.get(3)?,
        summary: kind.summary(company.as_deref().unwrap_or(""), title.as_deref()),
        why: kind.why(),
        company,
        role: r.get(5)?,
        state: r.get(6)?,
        title,
        notified_at: r.get(8)?,
        created_at: r.get(9)?,
    })
}

impl Store {
    /// Every reminder of live opportunities (and unlinked ones), by due time.
    pub fn reminders(&self) -> Result<Vec<ReminderView>> {
        let mut stmt = self.sql("reading reminders", self.conn().prepare_cached(VIEW_SQL))?;
        let rows = self.sql("reading reminders", stmt.query_map([], read_view))?;
        let mut all: Vec<ReminderView> = self.sql("reading reminders", rows.collect())?;
        all.sort_by_key(|r| (r.due(), r.id));
        Ok(all)
    }

    /// One reminder.
    pub fn reminder(&self, id: i64) -> Result<ReminderView> {
        let sql = format!("{VIEW_SQL} AND r.id = ?1");
        let mut stmt = self.sql("reading the reminder", self.conn().prepare(&sql))?;
        let mut rows = self.sql("reading the reminder", stmt.query_map([id], read_view))?;
        match rows.next() {
            Some(r) => self.sql("reading the reminder", r),
            None => Err(Error::NotFound {
                what: format!("reminder {id}"),
            }),
        }
    }

    /// Adds the user's own reminder, linked to a live opportunity or to none.
    pub fn add_reminder(
        &mut self,
        opportunity_id: Option<i64>,
        due_at: DateTime<Utc>,
        title: &str,
    ) -> Result<ReminderView> {
        let title = check_title(Some(title))?
            .ok_or_else(|| Error::invalid("title", "is empty: say what to do"))?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        let id = self.write("saving the reminder", |tx| {
            if let Some(o) = opportunity_id {
                status_of(tx, &path, o)?;
            }
            tx.execute(
                "INSERT INTO reminders (opportunity_id, kind, due_at, state, created_at, title)
                 VALUES (?1, 'custom', ?2, 'pending', ?3, ?4)",
                params![opportunity_id, stamp(due_at), now, title],
            )
            .map_err(|e| storage_error(&path, "saving the reminder", e))?;
            Ok(tx.last_insert_rowid())
        })?;
        self.reminder(id)
    }

    /// Changes a reminder's due time and wording (an empty title restores the built-in one; a
    /// custom reminder needs one). Moving it re-arms it: it becomes pending again.
    pub fn edit_reminder(
        &mut self,
        id: i64,
        due_at: DateTime<Utc>,
        title: Option<&str>,
    ) -> Result<ReminderView> {
        let before = self.reminder(id)?;
        let title = check_title(title)?;
        if before.kind == ReminderKind::Custom && title.is_none() {
            return Err(Error::invalid("title", "is empty: say what to do"));
        }
        // Moved (to the second): it is armed again. Only the wording changed: it stays as it is.
        let moved = stamp(before.due()) != stamp(due_at);
        let path = self.path().to_path_buf();
        self.write("saving the reminder", |tx| {
            tx.execute(
                "UPDATE reminders SET due_at = ?2, title = ?3,
                   state = CASE WHEN ?4 AND state IN ('pending', 'notified') THEN 'pending' ELSE state END,
                   notified_at = CASE WHEN ?4 AND state IN ('pending', 'notified') THEN NULL ELSE notified_at END
                 WHERE id = ?1",
                params![id, stamp(due_at), title, moved],
            )
            .map(drop)
            .map_err(|e| storage_error(&path, "saving the reminder", e))
        })?;
        self.reminder(id)
    }

    /// Moves a reminder to `until` and re-arms it.
    pub fn snooze_reminder(&mut self, id: i64, until: DateTime<Utc>) -> Result<ReminderView> {
        self.reminder(id)?;
        let path = self.path().to_path_buf();
        self.write("snoozing the reminder", |tx| {
            tx.execute(
                "UPDATE reminders SET due_at = ?2, state = 'pending', notified_at = NULL WHERE id = ?1",
                params![id, stamp(until)],
            )
            .map(drop)
            .map_err(|e| storage_error(&path, "snoozing the reminder", e))
        })?;
        self.reminder(id)
    }

    /// Sets a reminder's state: `done`, `dismissed`, or back to `pending`/`notified` (undo).
    pub fn set_reminder_state(&mut self, id: i64, state: &str) -> Result<ReminderView> {
        if !["pending", "notified", "done", "dismissed"].contains(&state) {
            return Err(Error::invalid(
                "state",
                format!("“{state}” is not one of: pending, notified, done, dismissed"),
            ));
        }
        self.reminder(id)?;
        let path = self.path().to_path_buf();
        self.write("updating the reminder", |tx| {
            tx.execute(
                "UPDATE reminders SET state = ?2 WHERE id = ?1",
                params![id, state],
            )
            .map(drop)
            .map_err(|e| storage_error(&path, "updating the reminder", e))
        })?;
        self.reminder(id)
    }

    /// Puts a reminder back exactly as it was (undo of an edit, snooze, done or dismiss).
    pub fn restore_reminder(&mut self, before: &Snapshot) -> Result<ReminderView> {
        self.reminder(before.id)?;
        let Some(due) = parse_utc(&before.due_at) else {
            return Err(Error::invalid("due_at", "is not a date-time"));
        };
        if !["pending", "notified", "done", "dismissed"].contains(&before.state.as_str()) {
            return Err(Error::invalid(
                "state",
                format!("“{}” is not a reminder state", before.state),
            ));
        }
        let title = check_title(before.title.as_deref())?;
        let before = &Snapshot {
            title,
            due_at: stamp(due),
            ..before.clone()
        };
        let path = self.path().to_path_buf();
        self.write("restoring the reminder", |tx| {
            tx.execute(
                "UPDATE reminders SET due_at = ?2, state = ?3, notified_at = ?4, title = ?5 WHERE id = ?1",
                params![
                    before.id,
                    before.due_at,
                    before.state,
                    before.notified_at,
                    before.title
                ],
            )
            .map(drop)
            .map_err(|e| storage_error(&path, "restoring the reminder", e))
        })?;
        self.reminder(before.id)
    }

    /// Deletes the user's own reminder (undo of adding it); built-in ones are dismissed instead.
    pub fn delete_reminder(&mut self, id: i64) -> Result<()> {
        let r = self.reminder(id)?;
        if r.kind != ReminderKind::Custom {
            return Err(Error::invalid(
                "reminder",
                "only your own reminders can be deleted; dismiss this one instead",
            ));
        }
        let path = self.path().to_path_buf();
        self.write("deleting the reminder", |tx| {
            tx.execute("DELETE FROM reminders WHERE id = ?1", [id])
                .map(drop)
                .map_err(|e| storage_error(&path, "deleting the reminder", e))
        })
    }

    /// Pending reminders due at `now`, marked `notified` in one transaction, so two processes
    /// (the window and `politely reminders notify-due`) never both announce one.
    pub fn claim_due(&mut self, now: DateTime<Utc>) -> Result<Vec<ReminderView>> {
        let due: Vec<ReminderView> = self
            .reminders()?
            .into_iter()
            .filter(|r| r.state == "pending" && r.due() <= now)
            .collect();
        if due.is_empty() {
            return Ok(due);
        }
        let at = stamp(now);
        let path = self.path().to_path_buf();
        let claimed = self.write("claiming due reminders", |tx| {
            let mut claimed = Vec::new();
            for r in &due {
                let n = tx
                    .execute(
                        // Unchanged since it was read: a snooze in between wins.
                        "UPDATE reminders SET state = 'notified', notified_at = ?2
                         WHERE id = ?1 AND state = 'pending' AND due_at = ?3",
                        params![r.id, at, r.due_at],
                    )
                    .map_err(|e| storage_error(&path, "claiming due reminders", e))?;
                if n == 1 {
                    claimed.push(r.id);
                }
            }
            Ok(claimed)
        })?;
        Ok(due
            .into_iter()
            .filter(|r| claimed.contains(&r.id))
            .map(|mut r| {
                r.state = "notified".into();
                r.notified_at = Some(at.clone());
                r
            })
            .collect())
    }

    /// Hands claimed reminders back (the notification could not be shown): pending again.
    pub fn release(&mut self, ids: &[i64]) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write("updating reminders", |tx| {
            for id in ids {
                tx.execute(
                    "UPDATE reminders SET state = 'pending', notified_at = NULL
                     WHERE id = ?1 AND state = 'notified'",
                    [id],
                )
                .map_err(|e| storage_error(&path, "updating reminders", e))?;
            }
            Ok(())
        })
    }
}

/// Plans for a new opportunity (used by [`Store::add_opportunity`]).
pub(crate) fn plan_invitation(
    invited_at: &str,
    interview_at: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<Planned> {
    let Some(invited) = parse_utc(invited_at) else {
        return Vec::new();
    };
    plan::for_invitation(invited, interview_at.and_then(parse_utc), now)
}
