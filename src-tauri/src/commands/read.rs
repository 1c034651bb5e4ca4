//! Commands that read what a recruiter sent: pasted text or a dropped .eml/.ics, as bytes.

use politely_core::api::read::{self, Read, ReadReply};
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// The fields an invitation (or a reply) states, each with its evidence; nothing is saved.
#[tauri::command]
pub(crate) async fn read_message(state: State<'_, AppState>, message: Vec<u8>) -> Reply<Read> {
    state.work(move |_| read::read(&message, now())).await
}

/// A reply on its own, and the opportunity it answers; nothing is recorded until the user says so.
#[tauri::command]
pub(crate) async fn read_reply(state: State<'_, AppState>, message: Vec<u8>) -> Reply<ReadReply> {
    state
        .read(move |s| read::read_reply(s, &message, now()))
        .await
}
