//! Commands of the Decide wizard: check a Situation field by field, and advise on it.

use politely_core::decide::{self, Advice, Problem, Situation};
use serde_json::Value;

use crate::IpcError;

/// Every problem with the Situation, each naming its field; empty when it is valid.
#[tauri::command]
pub(crate) fn check_situation(situation: Value) -> Vec<Problem> {
    Situation::from_value(situation, decide::clock())
        .err()
        .unwrap_or_default()
}

/// The advice for a valid Situation.
#[tauri::command]
pub(crate) fn advise(situation: Value) -> Result<Advice, IpcError> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    Ok(decide::advise(&situation, situation.now_or(clock)))
}
