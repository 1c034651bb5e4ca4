//! Commands of the Compose screen: drafts for the preview, and the ways a draft leaves the app.

use std::collections::BTreeMap;
use std::path::PathBuf;

use politely_core::api::compose::{self, DraftFormat, DraftToSave, Saved};
use politely_core::compose::send::Outgoing;
use politely_core::compose::Draft;
use politely_core::decide::situation::Formality;
use politely_core::message::{Channel, MessageKind};
use serde_json::Value;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Drafts for every channel of the scenario (the advice's when absent).
#[tauri::command]
pub(crate) async fn compose_drafts(
    state: State<'_, AppState>,
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
    choices: BTreeMap<Channel, BTreeMap<String, usize>>,
) -> Reply<Vec<Draft>> {
    let drafts = move |_: &_| compose::drafts(situation, scenario, formality, &choices, now());
    state.work(drafts).await
}

/// Opens the draft in the default mail program; returns the `mailto:` URL it used.
#[tauri::command]
pub(crate) async fn compose_open_mail<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    message: Outgoing,
) -> Reply<String> {
    let open = move |url: &str| crate::desktop::open_outside(&app, url);
    state
        .work(move |_| compose::open_mail(&message, open))
        .await
}

/// Writes the draft as `.eml` or `.txt` to the Downloads folder (or the data folder's
/// `exports/`); returns the file's path.
#[tauri::command]
pub(crate) async fn compose_export(
    state: State<'_, AppState>,
    message: Outgoing,
    format: DraftFormat,
    company: String,
) -> Reply<PathBuf> {
    let export = move |s: &politely_core::data_dir::DataDir| {
        compose::export(&s.exports_dir(), &message, format, &company, now())
    };
    let written = state.work(move |s| export(&s.data_dir)).await?;
    state.remember_export(&written);
    Ok(written)
}

/// Saves the draft in History against its opportunity (a new one when there is none yet).
#[tauri::command]
pub(crate) async fn compose_save(state: State<'_, AppState>, draft: DraftToSave) -> Reply<Saved> {
    state
        .write(move |s| compose::save_draft(s, &draft, now()))
        .await
}
