//! Commands of the Practise screen: the speaking-time estimate, the pushback drill, and the runs
//! kept in History.

use politely_core::decide::situation::Formality;
use politely_core::decide::{self, Situation};
use politely_core::message::MessageKind;
use politely_core::practice::{self, Prompt};
use politely_core::speech::Estimate;
use politely_core::store::practice_runs::{BeatTime, PracticeSummary, RunView};
use serde::Serialize;
use serde_json::Value;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

type Reply<T> = Result<T, IpcError>;

/// Splits and times a phone script at `wpm` (150 when absent).
#[tauri::command]
pub(crate) fn practice_estimate(script: String, wpm: Option<u32>) -> Reply<Estimate> {
    Ok(practice::estimate(
        &script,
        wpm.unwrap_or(politely_core::speech::DEFAULT_WPM),
    )?)
}

/// The follow-up questions and replies to rehearse for this Situation.
#[tauri::command]
pub(crate) fn practice_drill(
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
) -> Reply<Vec<Prompt>> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    Ok(practice::drill(&situation, scenario, formality, clock)?)
}

/// A kept run, where it went, and the numbers after it.
#[derive(Debug, Serialize)]
pub(crate) struct SavedRun {
    run: RunView,
    opportunity_id: Option<i64>,
    summary: PracticeSummary,
}

/// Keeps a run: against `opportunity_id`, else a new opportunity for `situation` (as saving a
/// draft does), else unlinked.
#[tauri::command]
pub(crate) fn practice_save_run(
    state: State<'_, AppState>,
    situation: Option<Value>,
    opportunity_id: Option<i64>,
    duration_ms: i64,
    beats: Vec<BeatTime>,
) -> Reply<SavedRun> {
    let clock = decide::clock();
    let situation = situation
        .map(|s| Situation::from_value(s, clock))
        .transpose()?;
    state.with_store(|store| {
        politely_core::store::practice_runs::check_run(duration_ms, &beats)?;
        let opportunity_id = match (opportunity_id, &situation) {
            (Some(id), _) => Some(id),
            (None, Some(s)) => {
                Some(store.add_opportunity(s, Some(&decide::advise(s, s.now_or(clock))))?)
            }
            (None, None) => None,
        };
        let run = store.add_practice_run(opportunity_id, duration_ms, &beats)?;
        Ok(SavedRun {
            run: run.view(),
            opportunity_id,
            summary: store.practice_summary(opportunity_id)?,
        })
    })
}

/// Last and best runs, readiness and recent runs of an opportunity (or the unlinked ones).
#[tauri::command]
pub(crate) fn practice_runs(
    state: State<'_, AppState>,
    opportunity_id: Option<i64>,
) -> Reply<PracticeSummary> {
    state.with_store(|store| store.practice_summary(opportunity_id))
}
