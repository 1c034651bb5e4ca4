//! Commands of the Decide wizard.

use politely_core::api;
use politely_core::decide::{Advice, Problem};
use serde_json::Value;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Every problem with the Situation, each naming its field; empty when it is valid.
#[tauri::command]
pub(crate) async fn check_situation(situation: Value) -> Vec<Problem> {
    api::decide::check(situation, now())
}

/// The advice for a valid Situation (it says when it was judged: `judged_at`).
#[tauri::command]
pub(crate) async fn advise(state: State<'_, AppState>, situation: Value) -> Reply<Advice> {
    state
        .work(move |_| api::decide::advise(situation, now()))
        .await
}
