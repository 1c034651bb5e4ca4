//! Commands of the proofreader.

use politely_core::api::proofread::{self, DraftToProofread, Proofread};
use politely_core::lint;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Proofreads a draft (rules, spelling and grammar) and ticks the send checklist.
#[tauri::command]
pub(crate) async fn lint_draft(
    state: State<'_, AppState>,
    draft: DraftToProofread,
) -> Reply<Proofread> {
    state.work(move |_| proofread::draft(&draft, now())).await
}

/// Loads the spelling dictionary (most of a second) on a background thread. Compose calls it
/// when it first opens, so neither start-up nor the first proofread waits for it.
#[tauri::command]
pub(crate) fn lint_warm_up() {
    let _ = std::thread::Builder::new()
        .name("dictionary".into())
        .spawn(lint::warm_up);
}
