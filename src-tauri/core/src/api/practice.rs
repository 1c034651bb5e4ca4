//! Practising the call: the script timed, the follow-ups to rehearse, and runs kept in History.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{ensure_opportunity, existing, stamp, write};
use crate::decide::situation::Formality;
use crate::message::MessageKind;
use crate::practice::{self, Prompt};
use crate::speech::{Estimate, DEFAULT_WPM};
use crate::store::practice_runs::{self, BeatTime, PracticeSummary, RunView};
use crate::store::Store;
use crate::Result;

/// Splits and times a phone script at `wpm` (150 when absent).
pub fn estimate(script: &str, wpm: Option<u32>) -> Result<Estimate> {
    practice::estimate(script, wpm.unwrap_or(DEFAULT_WPM))
}

/// The follow-up questions and replies to rehearse for this Situation.
pub fn drill(
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Prompt>> {
    let situation = super::situation(situation, now)?;
    practice::drill(&situation, scenario, formality, now)
}

/// A timed run to keep.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunToSave {
    /// The Situation the script was written for (a new opportunity when there is no id).
    #[serde(default)]
    pub situation: Option<Value>,
    /// The opportunity it belongs to, when the window already has one.
    #[serde(default)]
    pub opportunity_id: Option<i64>,
    /// Length of the run.
    pub duration_ms: i64,
    /// Time on each beat.
    pub beats: Vec<BeatTime>,
}

/// A kept run, where it went, and the numbers after it.
#[derive(Debug, Clone, Serialize)]
pub struct SavedRun {
    /// The run.
    pub run: RunView,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// Last, best and readiness after it.
    pub summary: PracticeSummary,
}

/// Keeps a run: against its opportunity, else a new one for its Situation (as saving a draft
/// does), else unlinked. One transaction.
pub fn save_run(
    store: &mut Store,
    run: &RunToSave,
    now: DateTime<FixedOffset>,
) -> Result<SavedRun> {
    practice_runs::check_run(run.duration_ms, &run.beats)?;
    let situation = run
        .situation
        .clone()
        .map(|v| super::situation(v, now))
        .transpose()?;
    let at = stamp(now);
    let (kept, opportunity_id) = write(store, "saving the practice run", |tx, path| {
        let opportunity_id = match (run.opportunity_id, &situation) {
            (Some(id), _) => Some(existing(tx, path, id)?),
            (None, Some(s)) => Some(ensure_opportunity(tx, path, None, s, now)?),
            (None, None) => None,
        };
        let kept =
            practice_runs::insert_run(tx, path, opportunity_id, run.duration_ms, &run.beats, &at)?;
        Ok((kept, opportunity_id))
    })?;
    Ok(SavedRun {
        run: kept.view(),
        opportunity_id,
        summary: store.practice_summary(opportunity_id)?,
    })
}

/// Last and best runs, readiness and recent runs of an opportunity (or the unlinked ones).
pub fn runs(store: &Store, opportunity_id: Option<i64>) -> Result<PracticeSummary> {
    store.practice_summary(opportunity_id)
}
