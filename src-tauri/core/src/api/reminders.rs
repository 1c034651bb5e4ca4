//! Reminders as the Reminders screen shows them — in their groups, with counts, whether the
//! desktop can show notifications, the settings and start-at-login — and the user's changes to
//! them, and the calendar export.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

use crate::compose::send;
use crate::reminders::ics::{self, IcsItem, IcsKind};
use crate::reminders::plan::{self, Group, Snooze};
use crate::store::reminders::{ReminderView, Snapshot};
use crate::store::settings::ReminderSettings;
use crate::store::Store;
use crate::{Error, Result};

/// The setting that remembers which reason for missing notifications the user was told.
const EXPLAINED: &str = "notifications_explained";

/// The setting "Keep running for reminders": `1` or `0` once the user chose; unset, it follows
/// whether there is any open reminder (see [`keep_running`]).
const KEEP_RUNNING: &str = "keep_running_for_reminders";

/// A reminder with its place in the view and its local due time.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The reminder.
    #[serde(flatten)]
    pub reminder: ReminderView,
    /// Overdue, today, upcoming or closed.
    pub group: Group,
    /// "Thu 26 Nov 2026, 09:30" in the user's time zone.
    pub due_local: String,
}

/// How many reminders each open group holds.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Counts {
    /// Past due.
    pub overdue: usize,
    /// Due later today.
    pub today: usize,
    /// Due after today.
    pub upcoming: usize,
}

/// Whether desktop notifications work, and whether the user was told why not.
#[derive(Debug, Clone, Serialize)]
pub struct Desktop {
    /// Notifications can be shown.
    pub available: bool,
    /// Why not, when they cannot.
    pub reason: Option<String>,
    /// The reason the user was last told (the view explains once per reason).
    pub explained: Option<String>,
}

/// Start at login.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Autostart {
    /// This system supports it.
    pub supported: bool,
    /// It is on.
    pub enabled: bool,
}

/// Everything the Reminders screen shows.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Every reminder, by due time.
    pub reminders: Vec<Item>,
    /// Counts per group.
    pub counts: Counts,
    /// Desktop notifications.
    pub desktop: Desktop,
    /// Follow-up delay and the "awaiting reply" choice.
    pub settings: ReminderSettings,
    /// Start at login.
    pub autostart: Autostart,
    /// Closing the window hides it and the reminder clock goes on (Quit in the tray ends it).
    pub keep_running: bool,
}

/// A reminder placed in its group for `now` in `tz`.
pub fn item<Tz: TimeZone>(reminder: ReminderView, now: DateTime<Utc>, tz: &Tz) -> Item
where
    Tz::Offset: std::fmt::Display,
{
    Item {
        group: plan::group(reminder.due(), reminder.open(), now, tz),
        due_local: reminder
            .due()
            .with_timezone(tz)
            .format("%a %-d %b %Y, %H:%M")
            .to_string(),
        reminder,
    }
}

/// The screen: every reminder in its group, counts, notification status (`unavailable` is why
/// the desktop cannot show notifications, if it cannot), settings and start-at-login.
pub fn page<Tz: TimeZone>(
    store: &Store,
    unavailable: Option<String>,
    autostart: Autostart,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Page>
where
    Tz::Offset: std::fmt::Display,
{
    let reminders: Vec<Item> = store
        .reminders()?
        .into_iter()
        .map(|r| item(r, now, tz))
        .collect();
    let mut counts = Counts::default();
    for r in &reminders {
        match r.group {
            Group::Overdue => counts.overdue += 1,
            Group::Today => counts.today += 1,
            Group::Upcoming => counts.upcoming += 1,
            Group::Closed => {}
        }
    }
    Ok(Page {
        reminders,
        counts,
        desktop: Desktop {
            available: unavailable.is_none(),
            reason: unavailable,
            explained: store.setting(EXPLAINED)?,
        },
        settings: store.reminder_settings()?,
        autostart,
        keep_running: keep_running(store)?,
    })
}

/// Whether closing the window only hides it, so reminders keep firing: the user's choice once
/// made; until then on exactly when there is an open reminder to fire.
pub fn keep_running(store: &Store) -> Result<bool> {
    match store.setting(KEEP_RUNNING)?.as_deref() {
        Some("1") => Ok(true),
        Some("0") => Ok(false),
        _ => Ok(store.reminders()?.iter().any(ReminderView::open)),
    }
}

/// Saves the user's choice of "Keep running for reminders"; returns it as now in force.
pub fn set_keep_running(store: &mut Store, on: bool) -> Result<bool> {
    store.set_setting(KEEP_RUNNING, Some(if on { "1" } else { "0" }))?;
    keep_running(store)
}

/// How many open reminders are due at `now` (the tray shows it).
pub fn due_count(store: &Store, now: DateTime<Utc>) -> Result<usize> {
    Ok(store
        .reminders()?
        .iter()
        .filter(|r| r.open() && r.due() <= now)
        .count())
}

/// Adds the user's own reminder.
pub fn add<Tz: TimeZone>(
    store: &mut Store,
    opportunity_id: Option<i64>,
    due: DateTime<Utc>,
    title: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Item>
where
    Tz::Offset: std::fmt::Display,
{
    Ok(item(
        store.add_reminder(opportunity_id, due, title)?,
        now,
        tz,
    ))
}

/// Changes a reminder's due time and wording.
pub fn edit<Tz: TimeZone>(
    store: &mut Store,
    id: i64,
    due: DateTime<Utc>,
    title: Option<&str>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Item>
where
    Tz::Offset: std::fmt::Display,
{
    Ok(item(store.edit_reminder(id, due, title)?, now, tz))
}

/// Snoozes: an hour, tomorrow morning, next week, or a picked moment.
pub fn snooze<Tz: TimeZone>(
    store: &mut Store,
    id: i64,
    snooze: Snooze,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Item>
where
    Tz::Offset: std::fmt::Display,
{
    let due = store.reminder(id)?.due();
    let until = plan::snooze_until(snooze, due, now, tz)?;
    Ok(item(store.snooze_reminder(id, until)?, now, tz))
}

/// Marks a reminder done or dismissed (or back to pending).
pub fn set_state<Tz: TimeZone>(
    store: &mut Store,
    id: i64,
    to: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Item>
where
    Tz::Offset: std::fmt::Display,
{
    Ok(item(store.set_reminder_state(id, to)?, now, tz))
}

/// Undo: puts a reminder back as it was.
pub fn restore<Tz: TimeZone>(
    store: &mut Store,
    before: &Snapshot,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Item>
where
    Tz::Offset: std::fmt::Display,
{
    Ok(item(store.restore_reminder(before)?, now, tz))
}

/// Undo of adding: deletes the user's own reminder.
pub fn delete(store: &mut Store, id: i64) -> Result<()> {
    store.delete_reminder(id)
}

/// Saves the follow-up delay and the "awaiting reply" choice.
pub fn save_settings(store: &mut Store, settings: &ReminderSettings) -> Result<ReminderSettings> {
    store.set_reminder_settings(settings)?;
    store.reminder_settings()
}

/// Remembers that the user was told why desktop notifications are off (once per reason).
pub fn explained(store: &mut Store, reason: &str) -> Result<()> {
    store.set_setting(EXPLAINED, Some(reason))
}

/// The reminders to export: these ids, or every open one; refused when there is none.
pub fn chosen(store: &Store, ids: Option<&[i64]>) -> Result<Vec<ReminderView>> {
    let chosen: Vec<ReminderView> = store
        .reminders()?
        .into_iter()
        .filter(|r| ids.map_or(r.open(), |ids| ids.contains(&r.id)))
        .collect();
    if chosen.is_empty() {
        return Err(Error::invalid("reminders", "there is nothing to export"));
    }
    Ok(chosen)
}

/// The iCalendar text for reminders.
pub fn calendar(reminders: &[ReminderView], kind: IcsKind, now: DateTime<Utc>) -> String {
    let items: Vec<IcsItem> = reminders
        .iter()
        .map(|r| IcsItem {
            uid: format!("reminder-{}@politely.app", r.id),
            summary: r.summary.clone(),
            description: match &r.role {
                Some(role) => format!(
                    "{}\n{} — {}",
                    r.why,
                    r.company.as_deref().unwrap_or(""),
                    role
                ),
                None => r.why.to_owned(),
            },
            due: r.due(),
            created: DateTime::parse_from_rfc3339(&r.created_at)
                .map_or(r.due(), |t| t.with_timezone(&Utc)),
            done: !r.open(),
        })
        .collect();
    ics::calendar(&items, kind, now)
}

/// Writes reminders (these ids, or every open one) as an iCalendar file into `dir`; returns
/// its path.
pub fn export_ics(
    store: &Store,
    dir: &Path,
    ids: Option<&[i64]>,
    kind: IcsKind,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    let chosen = chosen(store, ids)?;
    let stem = match chosen.as_slice() {
        [one] => send::file_stem(one.company.as_deref().unwrap_or("reminder"), "reminder"),
        _ => "politely-reminders".to_owned(),
    };
    send::write_export(dir, &stem, "ics", &calendar(&chosen, kind, now))
}
