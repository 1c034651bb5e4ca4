//! Commands of the Reminders screen.

use std::path::PathBuf;

use chrono::{Local, Utc};
use politely_core::api::reminders::{self, Autostart, Item, Page};
use politely_core::autostart;
use politely_core::reminders::ics::IcsKind;
use politely_core::reminders::Snooze;
use politely_core::store::records::parse_time;
use politely_core::store::reminders::Snapshot;
use politely_core::store::settings::ReminderSettings;
use tauri::State;

use super::Reply;
use crate::gui::AppState;

/// The list in its groups, with counts, notification status, settings and start-at-login.
#[tauri::command]
pub(crate) async fn reminders_list(state: State<'_, AppState>) -> Reply<Page> {
    let (unavailable, start) = (state.desktop_unavailable(), autostart_status());
    state
        .read(move |s| reminders::page(s, unavailable, start, Utc::now(), &Local))
        .await
}

/// Adds the user's own reminder.
#[tauri::command]
pub(crate) async fn reminders_add(
    state: State<'_, AppState>,
    opportunity_id: Option<i64>,
    due_at: String,
    title: String,
) -> Reply<Item> {
    let due = parse_time("due_at", &due_at)?;
    let add = move |s: &mut _| reminders::add(s, opportunity_id, due, &title, Utc::now(), &Local);
    state.write(add).await
}

/// Changes a reminder's due time and wording.
#[tauri::command]
pub(crate) async fn reminders_edit(
    state: State<'_, AppState>,
    id: i64,
    due_at: String,
    title: Option<String>,
) -> Reply<Item> {
    let due = parse_time("due_at", &due_at)?;
    let edit = move |s: &mut _| reminders::edit(s, id, due, title.as_deref(), Utc::now(), &Local);
    state.write(edit).await
}

/// Snoozes: an hour, tomorrow morning, next week, or a picked moment.
#[tauri::command]
pub(crate) async fn reminders_snooze(
    state: State<'_, AppState>,
    id: i64,
    snooze: Snooze,
) -> Reply<Item> {
    state
        .write(move |s| reminders::snooze(s, id, snooze, Utc::now(), &Local))
        .await
}

/// Marks a reminder done or dismissed (or back to pending).
#[tauri::command]
pub(crate) async fn reminders_set_state(
    state: State<'_, AppState>,
    id: i64,
    to: String,
) -> Reply<Item> {
    state
        .write(move |s| reminders::set_state(s, id, &to, Utc::now(), &Local))
        .await
}

/// Undo of adding: deletes the user's own reminder.
#[tauri::command]
pub(crate) async fn reminders_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.write(move |s| reminders::delete(s, id)).await
}

/// Undo: puts a reminder back as it was.
#[tauri::command]
pub(crate) async fn reminders_restore(state: State<'_, AppState>, before: Snapshot) -> Reply<Item> {
    state
        .write(move |s| reminders::restore(s, &before, Utc::now(), &Local))
        .await
}

/// Writes reminders (these ids, or every open one) as an iCalendar file to the Downloads
/// folder (or the data folder's `exports/`); returns its path.
#[tauri::command]
pub(crate) async fn reminders_export_ics(
    state: State<'_, AppState>,
    ids: Option<Vec<i64>>,
    kind: IcsKind,
) -> Reply<PathBuf> {
    let dir = state.data_dir.exports_dir();
    state
        .read(move |s| reminders::export_ics(s, &dir, ids.as_deref(), kind, Utc::now()))
        .await
}

/// Saves the follow-up delay and the "awaiting reply" choice.
#[tauri::command]
pub(crate) async fn reminders_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Reply<ReminderSettings> {
    state
        .read(move |s| reminders::save_settings(s, &settings))
        .await
}

/// Turns start-at-login on or off.
#[tauri::command]
pub(crate) async fn reminders_autostart(state: State<'_, AppState>, enabled: bool) -> Reply<bool> {
    state.work(move |_| autostart::turn(enabled)).await
}

/// Remembers that the user was told why desktop notifications are off (once per reason).
#[tauri::command]
pub(crate) async fn reminders_explained(state: State<'_, AppState>, reason: String) -> Reply<()> {
    state.read(move |s| reminders::explained(s, &reason)).await
}

fn autostart_status() -> Autostart {
    let dir = autostart::dir();
    Autostart {
        supported: cfg!(target_os = "linux") && dir.is_some(),
        enabled: dir.is_some_and(|d| autostart::is_enabled(&d)),
    }
}
