//! Commands of the Practise screen.

use politely_core::api::practice::{self, RunToSave, SavedRun};
use politely_core::decide::situation::Formality;
use politely_core::message::MessageKind;
use politely_core::practice::Prompt;
use politely_core::speech::Estimate;
use politely_core::store::practice_runs::PracticeSummary;
use serde_json::Value;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Splits and times a phone script at `wpm` (150 when absent).
#[tauri::command]
pub(crate) async fn practice_estimate(
    state: State<'_, AppState>,
    script: String,
    wpm: Option<u32>,
) -> Reply<Estimate> {
    state.work(move |_| practice::estimate(&script, wpm)).await
}

/// The follow-up questions and replies to rehearse for this Situation.
#[tauri::command]
pub(crate) async fn practice_drill(
    state: State<'_, AppState>,
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
) -> Reply<Vec<Prompt>> {
    state
        .work(move |_| practice::drill(situation, scenario, formality, now()))
        .await
}

/// Keeps a run: against its opportunity, else a new one for its Situation, else unlinked.
#[tauri::command]
pub(crate) async fn practice_save_run(
    state: State<'_, AppState>,
    run: RunToSave,
) -> Reply<SavedRun> {
    state
        .write(move |s| practice::save_run(s, &run, now()))
        .await
}

/// Last and best runs, readiness and recent runs of an opportunity (or the unlinked ones).
#[tauri::command]
pub(crate) async fn practice_runs(
    state: State<'_, AppState>,
    opportunity_id: Option<i64>,
) -> Reply<PracticeSummary> {
    state.read(move |s| practice::runs(s, opportunity_id)).await
}
