//! Commands of the History screen: thin adapters over the career folder in `politely-core`.

use politely_core::decide::{self, Situation};
use politely_core::store::backup::{self, BackupInfo};
use politely_core::store::records::{Detail, ListQuery, Summary};
use serde_json::Value;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

type Reply<T> = Result<T, IpcError>;

/// Records an opportunity with the advice for its Situation; returns its id.
#[tauri::command]
pub(crate) fn history_add(state: State<'_, AppState>, situation: Value) -> Reply<i64> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    let advice = decide::advise(&situation, situation.now_or(clock));
    state.with_store(|s| s.add_opportunity(&situation, Some(&advice)))
}

/// The list, filtered and searched.
#[tauri::command]
pub(crate) fn history_list(state: State<'_, AppState>, query: ListQuery) -> Reply<Vec<Summary>> {
    state.with_store(|s| s.list(&query))
}

/// Everything about one opportunity.
#[tauri::command]
pub(crate) fn history_show(state: State<'_, AppState>, id: i64) -> Reply<Detail> {
    state.with_store(|s| s.show(id))
}

/// Records a reply received at `received_at`.
#[tauri::command]
pub(crate) fn history_add_reply(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    received_at: String,
) -> Reply<i64> {
    state.with_store(|s| s.add_reply(id, &body, &received_at))
}

/// Adds a note.
#[tauri::command]
pub(crate) fn history_add_note(state: State<'_, AppState>, id: i64, body: String) -> Reply<i64> {
    state.with_store(|s| s.add_note(id, &body))
}

/// Saves a message written outside Politely; marks it sent at `sent_at` when given.
#[tauri::command]
pub(crate) fn history_record_message(
    state: State<'_, AppState>,
    id: i64,
    channel: String,
    subject: Option<String>,
    body: String,
    sent_at: Option<String>,
) -> Reply<i64> {
    state.with_store(|s| {
        let message = s.add_draft(
            id,
            &channel,
            subject.as_deref().filter(|t| !t.is_empty()),
            &body,
        )?;
        if let Some(at) = sent_at {
            s.mark_sent(message, &at)?;
        }
        Ok(message)
    })
}

/// Marks a saved message sent at `sent_at`.
#[tauri::command]
pub(crate) fn history_mark_sent(
    state: State<'_, AppState>,
    message_id: i64,
    sent_at: String,
) -> Reply<()> {
    state.with_store(|s| s.mark_sent(message_id, &sent_at))
}

/// The user changed their mind; returns the id of the new draft.
#[tauri::command]
pub(crate) fn history_reopen(state: State<'_, AppState>, id: i64, body: String) -> Reply<i64> {
    state.with_store(|s| s.reopen(id, &body))
}

/// Closes an opportunity.
#[tauri::command]
pub(crate) fn history_close(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_store(|s| s.close(id))
}

/// Moves an opportunity to the trash.
#[tauri::command]
pub(crate) fn history_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_store(|s| s.delete(id))
}

/// Brings an opportunity back from the trash.
#[tauri::command]
pub(crate) fn history_undelete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_store(|s| s.restore_from_trash(id))
}

/// Backups, newest first.
#[tauri::command]
pub(crate) fn history_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    Ok(backup::list(state.data_dir.path())?)
}

/// Replaces the history with a backup (the current file is moved aside).
#[tauri::command]
pub(crate) fn history_restore_backup(state: State<'_, AppState>, path: String) -> Reply<()> {
    state.replace_store(|dir| backup::restore(dir, std::path::Path::new(&path)).map(drop))
}

/// Moves the (damaged) history aside and starts an empty one.
#[tauri::command]
pub(crate) fn history_start_new(state: State<'_, AppState>) -> Reply<()> {
    state.replace_store(|dir| backup::move_aside(dir, "set-aside").map(drop))
}
