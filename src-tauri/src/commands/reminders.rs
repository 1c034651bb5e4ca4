//! Commands of the Reminders screen: the list in its groups, the user's changes (add, edit,
//! snooze, done, dismiss, undo), the calendar export, the settings and start-at-login.

use std::path::PathBuf;

use chrono::{DateTime, Local, Utc};
use politely_core::autostart;
use politely_core::compose::send;
use politely_core::reminders::ics::{self, IcsItem, IcsKind};
use politely_core::reminders::plan::{self, Group, Snooze};
use politely_core::store::records::parse_time;
use politely_core::store::reminders::{ReminderView, Snapshot};
use politely_core::store::settings::ReminderSettings;
use politely_core::Error;
use serde::Serialize;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

type Reply<T> = Result<T, IpcError>;

/// A reminder with its place in the view and its local due time.
#[derive(Debug, Serialize)]
pub(crate) struct Item {
    #[serde(flatten)]
    reminder: ReminderView,
    group: Group,
    /// "Thu 26 Nov, 09:30" in the computer's time zone.
    due_local: String,
}

/// How many reminders each group holds.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Counts {
    overdue: usize,
    today: usize,
    upcoming: usize,
}

/// Whether desktop notifications work, and whether the user was told why not.
#[derive(Debug, Serialize)]
pub(crate) struct Desktop {
    available: bool,
    reason: Option<String>,
    /// The reason the user was last told (the view explains once per reason).
    explained: Option<String>,
}

/// Start at login.
#[derive(Debug, Serialize)]
pub(crate) struct Autostart {
    supported: bool,
    enabled: bool,
}

/// Everything the Reminders screen shows.
#[derive(Debug, Serialize)]
pub(crate) struct Page {
    reminders: Vec<Item>,
    counts: Counts,
    desktop: Desktop,
    settings: ReminderSettings,
    autostart: Autostart,
}

fn item(reminder: ReminderView, now: DateTime<Utc>) -> Item {
    Item {
        group: plan::group(reminder.due(), reminder.open(), now, &Local),
        due_local: reminder
            .due()
            .with_timezone(&Local)
            .format("%a %-d %b %Y, %H:%M")
            .to_string(),
        reminder,
    }
}

/// The list in its groups, with counts, notification status, settings and start-at-login.
#[tauri::command]
pub(crate) fn reminders_list(state: State<'_, AppState>) -> Reply<Page> {
    let now = Utc::now();
    let (views, settings, explained) = state.with_store_quietly(|s| {
        Ok((
            s.reminders()?,
            s.reminder_settings()?,
            s.setting("notifications_explained")?,
        ))
    })?;
    let reminders: Vec<Item> = views.into_iter().map(|r| item(r, now)).collect();
    let mut counts = Counts::default();
    for r in &reminders {
        match r.group {
            Group::Overdue => counts.overdue += 1,
            Group::Today => counts.today += 1,
            Group::Upcoming => counts.upcoming += 1,
            Group::Closed => {}
        }
    }
    let reason = state.desktop_unavailable();
    Ok(Page {
        reminders,
        counts,
        desktop: Desktop {
            available: reason.is_none(),
            reason,
            explained,
        },
        settings,
        autostart: Autostart {
            supported: cfg!(target_os = "linux") && autostart::dir().is_some(),
            enabled: autostart::dir().is_some_and(|d| autostart::is_enabled(&d)),
        },
    })
}

/// Adds the user's own reminder.
#[tauri::command]
pub(crate) fn reminders_add(
    state: State<'_, AppState>,
    opportunity_id: Option<i64>,
    due_at: String,
    title: String,
) -> Reply<Item> {
    let due = parse_time("due_at", &due_at)?;
    let r = state.with_store(|s| s.add_reminder(opportunity_id, due, &title))?;
    Ok(item(r, Utc::now()))
}

/// Changes a reminder's due time and wording.
#[tauri::command]
pub(crate) fn reminders_edit(
    state: State<'_, AppState>,
    id: i64,
    due_at: String,
    title: Option<String>,
) -> Reply<Item> {
    let due = parse_time("due_at", &due_at)?;
    let r = state.with_store(|s| s.edit_reminder(id, due, title.as_deref()))?;
    Ok(item(r, Utc::now()))
}

/// Snoozes: an hour, tomorrow morning, next week, or a picked moment.
#[tauri::command]
pub(crate) fn reminders_snooze(state: State<'_, AppState>, id: i64, snooze: Snooze) -> Reply<Item> {
    let until = plan::snooze_until(snooze, Utc::now(), &Local)?;
    let r = state.with_store(|s| s.snooze_reminder(id, until))?;
    Ok(item(r, Utc::now()))
}

/// Marks a reminder done or dismissed (or back to pending).
#[tauri::command]
pub(crate) fn reminders_set_state(state: State<'_, AppState>, id: i64, to: String) -> Reply<Item> {
    let r = state.with_store(|s| s.set_reminder_state(id, &to))?;
    Ok(item(r, Utc::now()))
}

/// Undo of adding: deletes the user's own reminder.
#[tauri::command]
pub(crate) fn reminders_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_store(|s| s.delete_reminder(id))
}

/// Undo: puts a reminder back as it was.
#[tauri::command]
pub(crate) fn reminders_restore(state: State<'_, AppState>, before: Snapshot) -> Reply<Item> {
    let r = state.with_store(|s| s.restore_reminder(&before))?;
    Ok(item(r, Utc::now()))
}

/// Writes reminders (these ids, or every open one) as an iCalendar file to the Downloads
/// folder (or the data folder's `exports/`); returns its path.
#[tauri::command]
pub(crate) fn reminders_export_ics(
    state: State<'_, AppState>,
    ids: Option<Vec<i64>>,
    kind: IcsKind,
) -> Reply<PathBuf> {
    let all = state.with_store_quietly(|s| s.reminders())?;
    let chosen: Vec<&ReminderView> = match &ids {
        Some(ids) => all.iter().filter(|r| ids.contains(&r.id)).collect(),
        None => all.iter().filter(|r| r.open()).collect(),
    };
    if chosen.is_empty() {
        return Err(Error::invalid("reminders", "there is nothing to export").into());
    }
    let text = calendar(&chosen, kind);
    let stem = if chosen.len() == 1 {
        send::file_stem(
            chosen[0].company.as_deref().unwrap_or("reminder"),
            "reminder",
        )
    } else {
        "politely-reminders".to_owned()
    };
    Ok(send::write_export(
        &state.data_dir.exports_dir(),
        &stem,
        "ics",
        &text,
    )?)
}

/// The iCalendar text for reminders (shared with `politely reminders export-ics`).
pub(crate) fn calendar(reminders: &[&ReminderView], kind: IcsKind) -> String {
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
    ics::calendar(&items, kind, Utc::now())
}

/// Saves the follow-up delay and the "awaiting reply" choice.
#[tauri::command]
pub(crate) fn reminders_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Reply<ReminderSettings> {
    state.with_store_quietly(|s| {
        s.set_reminder_settings(&settings)?;
        s.reminder_settings()
    })
}

/// Turns start-at-login on or off.
#[tauri::command]
pub(crate) fn reminders_autostart(enabled: bool) -> Reply<bool> {
    let dir = autostart::dir().ok_or_else(|| {
        Error::invalid("autostart", "there is no home folder to write the entry in")
    })?;
    let exe = std::env::current_exe().map_err(|e| Error::Storage {
        action: "turning on start at login".into(),
        reason: format!("the program's own path is unknown: {e}"),
    })?;
    autostart::set(&dir, &exe, enabled)?;
    Ok(autostart::is_enabled(&dir))
}

/// Remembers that the user was told why desktop notifications are off (once per reason).
#[tauri::command]
pub(crate) fn reminders_explained(state: State<'_, AppState>, reason: String) -> Reply<()> {
    state.with_store_quietly(|s| s.set_setting("notifications_explained", Some(&reason)))
}
