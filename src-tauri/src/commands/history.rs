//! Commands of the History screen.

use std::path::PathBuf;

use politely_core::api::history::{self, ExportFormat, MessageToRecord, Page, Recorded};
use politely_core::api::profile::{self, Profile};
use politely_core::store::backup::{self, BackupInfo};
use politely_core::store::detail::Detail;
use politely_core::store::export::ImportSummary;
use politely_core::store::list::ListQuery;
use serde_json::Value;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Records the wizard's decision: a new opportunity, or a new decision on `opportunity_id`.
#[tauri::command]
pub(crate) async fn history_add(
    state: State<'_, AppState>,
    situation: Value,
    opportunity_id: Option<i64>,
) -> Reply<Recorded> {
    let write = move |s: &mut _| history::record_decision(s, situation, opportunity_id, now());
    state.write(write).await
}

/// The list, filtered and searched.
#[tauri::command]
pub(crate) async fn history_list(state: State<'_, AppState>, query: ListQuery) -> Reply<Page> {
    state.read(move |s| history::list(s, &query)).await
}

/// Everything about one opportunity.
#[tauri::command]
pub(crate) async fn history_show(state: State<'_, AppState>, id: i64) -> Reply<Detail> {
    state.read(move |s| history::show(s, id)).await
}

/// Records a reply received at `received_at`.
#[tauri::command]
pub(crate) async fn history_add_reply(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    received_at: String,
) -> Reply<i64> {
    state
        .write(move |s| history::add_reply(s, id, &body, &received_at))
        .await
}

/// Adds a note.
#[tauri::command]
pub(crate) async fn history_add_note(
    state: State<'_, AppState>,
    id: i64,
    body: String,
) -> Reply<i64> {
    state.write(move |s| history::add_note(s, id, &body)).await
}

/// Records a message written outside Politely (sent when it has `sent_at`), in one write.
#[tauri::command]
pub(crate) async fn history_record_message(
    state: State<'_, AppState>,
    message: MessageToRecord,
) -> Reply<i64> {
    state
        .write(move |s| history::record_message(s, &message, now()))
        .await
}

/// Marks a saved message sent at `sent_at`.
#[tauri::command]
pub(crate) async fn history_mark_sent(
    state: State<'_, AppState>,
    message_id: i64,
    sent_at: String,
) -> Reply<()> {
    state
        .write(move |s| history::mark_sent(s, message_id, &sent_at))
        .await
}

/// The user changed their mind; returns the id of the new draft.
#[tauri::command]
pub(crate) async fn history_reopen(
    state: State<'_, AppState>,
    id: i64,
    body: String,
) -> Reply<i64> {
    state.write(move |s| history::reopen(s, id, &body)).await
}

/// Closes an opportunity; returns the status it had (for Undo).
#[tauri::command]
pub(crate) async fn history_close(state: State<'_, AppState>, id: i64) -> Reply<String> {
    state.write(move |s| history::close(s, id, now())).await
}

/// Undo of closing: back to `status`.
#[tauri::command]
pub(crate) async fn history_undo_close(
    state: State<'_, AppState>,
    id: i64,
    status: String,
) -> Reply<()> {
    state
        .write(move |s| history::undo_close(s, id, &status, now()))
        .await
}

/// Writes the whole history as json, csv or md to `path` (chosen in the save dialog).
#[tauri::command]
pub(crate) async fn history_export_to(
    state: State<'_, AppState>,
    path: PathBuf,
    format: ExportFormat,
) -> Reply<PathBuf> {
    let written = state
        .read(move |s| history::export_to(s, &path, format))
        .await?;
    state.remember_export(&written);
    Ok(written)
}

/// Imports the export at `path` (chosen in the open dialog); `dry_run` says what it would add.
#[tauri::command]
pub(crate) async fn history_import_from(
    state: State<'_, AppState>,
    path: PathBuf,
    dry_run: bool,
) -> Reply<ImportSummary> {
    state
        .write(move |s| history::import_from(s, &path, dry_run))
        .await
}

/// The user's own details (name, email, phone, sign-off).
#[tauri::command]
pub(crate) async fn profile_get(state: State<'_, AppState>) -> Reply<Profile> {
    state.read(|s| profile::get(s)).await
}

/// Saves the user's own details; returns them as stored.
#[tauri::command]
pub(crate) async fn profile_save(state: State<'_, AppState>, profile: Profile) -> Reply<Profile> {
    state.read(move |s| profile::save(s, &profile)).await
}

/// Moves an opportunity to the trash.
#[tauri::command]
pub(crate) async fn history_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.write(move |s| history::delete(s, id)).await
}

/// Brings an opportunity back from the trash.
#[tauri::command]
pub(crate) async fn history_undelete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.write(move |s| history::undelete(s, id)).await
}

/// The whole history as json, csv or md text (the window saves it where the user chooses).
#[tauri::command]
pub(crate) async fn history_export(
    state: State<'_, AppState>,
    format: ExportFormat,
) -> Reply<String> {
    state.read(move |s| history::export(s, format)).await
}

/// Backups, newest first.
#[tauri::command]
pub(crate) async fn history_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    state.work(|s| history::backups(s.data_dir.path())).await
}

/// Replaces the history with the backup called `name` in the backups list (the current file
/// is moved aside).
#[tauri::command]
pub(crate) async fn history_restore_backup(state: State<'_, AppState>, name: String) -> Reply<()> {
    let restore =
        move |dir: &std::path::Path| backup::restore(dir, &history::backup_named(dir, &name)?);
    state.replace_store(move |dir| restore(dir).map(drop)).await
}

/// Moves the (damaged) history aside and starts an empty one.
#[tauri::command]
pub(crate) async fn history_start_new(state: State<'_, AppState>) -> Reply<()> {
    state
        .replace_store(|dir| backup::move_aside(dir, "set-aside").map(drop))
        .await
}
