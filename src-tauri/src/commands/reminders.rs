//! Commands of the Reminders screen.

use std::path::PathBuf;

use chrono::{Local, Utc};
use politely_core::api::reminders::{self, Autostart, Item, Page};
use politely_core::reminders::ics::IcsKind;
use politely_core::reminders::Snooze;
use politely_core::store::records::parse_time;
use politely_core::store::reminders::Snapshot;
use politely_core::store::settings::ReminderSettings;
use tauri::{Manager, State};

use super::Reply;
use crate::gui::AppState;

/// The list in its groups, with counts, notification status, settings and start-at-login.
#[tauri::command]
pub(crate) async fn reminders_list<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<Page> {
    let (unavailable, start) = (state.desktop_unavailable(), autostart_status(&app));
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
    let written = state
        .read(move |s| reminders::export_ics(s, &dir, ids.as_deref(), kind, Utc::now()))
        .await?;
    state.remember_export(&written);
    Ok(written)
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
pub(crate) async fn reminders_autostart<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
) -> Reply<bool> {
    state
        .work(move |_| crate::desktop::set_autostart(&app, enabled))
        .await
}

/// Turns "Keep running for reminders" on or off; returns it as now in force.
#[tauri::command]
pub(crate) async fn reminders_keep_running(
    state: State<'_, AppState>,
    enabled: bool,
) -> Reply<bool> {
    state
        .read(move |s| reminders::set_keep_running(s, enabled))
        .await
}

/// Remembers that the user was told why desktop notifications are off (once per reason).
#[tauri::command]
pub(crate) async fn reminders_explained(state: State<'_, AppState>, reason: String) -> Reply<()> {
    state.read(move |s| reminders::explained(s, &reason)).await
}

fn autostart_status<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Autostart {
    use tauri_plugin_autostart::ManagerExt;
    match app.try_state::<tauri_plugin_autostart::AutoLaunchManager>() {
        Some(_) => Autostart {
            supported: true,
            enabled: app.autolaunch().is_enabled().unwrap_or(false),
        },
        None => Autostart {
            supported: false,
            enabled: false,
        },
    }
}
