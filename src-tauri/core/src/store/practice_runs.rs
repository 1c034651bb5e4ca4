//! Timed phone rehearsals from Practise: how long each run took and each beat within it, so
//! the view can show the last and best times and say when the user is ready for the call.

use std::path::Path;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::records::{status_of, touch};
use super::{now_utc, storage_error, Store};
use crate::speech::{Band, MAX_BEATS, MAX_BEAT_NAME, TARGET_SECONDS};
use crate::{Error, Result};

/// A timed phone rehearsal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeRun {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// Length of the run.
    pub duration_ms: i64,
    /// Per-beat times as JSON text: `[{"name": "greeting", "ms": 9000}, …]`.
    pub beats: String,
    /// When (UTC).
    pub created_at: String,
}

table_row!(
    "practice_runs",
    read_practice,
    insert_practice,
    PracticeRun {
        id,
        opportunity_id,
        duration_ms,
        beats,
        created_at
    }
);

/// Time spent on one beat during a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeatTime {
    /// Which beat (`greeting`, `decision`, `reason`, `goodwill`, or `part N`).
    pub name: String,
    /// Milliseconds it was on screen while the timer ran.
    pub ms: i64,
}

/// A run as the window shows it: beats parsed, and where it fell against the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunView {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// Length of the run.
    pub duration_ms: i64,
    /// Per-beat times.
    pub beats: Vec<BeatTime>,
    /// When (UTC).
    pub created_at: String,
    /// Under, in or over the 30–60 s target.
    pub band: Band,
}

/// Runs for one opportunity (or the unlinked ones), with the numbers the view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PracticeSummary {
    /// Newest first, at most [`RECENT_RUNS`].
    pub runs: Vec<RunView>,
    /// How many runs there are in all.
    pub count: i64,
    /// The newest run.
    pub last: Option<RunView>,
    /// The best run: the shortest one inside the target, else the one nearest to it.
    pub best: Option<RunView>,
    /// The last two runs were both inside 30–60 s.
    pub ready: bool,
}

/// Runs listed by [`Store::practice_summary`].
pub const RECENT_RUNS: usize = 20;
/// Longest run kept (an hour: the timer was left running).
pub const MAX_RUN_MS: i64 = 60 * 60 * 1000;
/// Shortest run kept: anything under a second was a slip of the key.
pub const MIN_RUN_MS: i64 = 1000;

impl PracticeRun {
    /// The run with its beats parsed (a beat list that does not parse reads as none).
    pub fn view(&self) -> RunView {
        RunView {
            id: self.id,
            opportunity_id: self.opportunity_id,
            duration_ms: self.duration_ms,
            beats: serde_json::from_str(&self.beats).unwrap_or_default(),
            created_at: self.created_at.clone(),
            band: Band::of(self.duration_ms as f64 / 1000.0),
        }
    }
}

/// Checks a run before it is stored.
pub fn check_run(duration_ms: i64, beats: &[BeatTime]) -> Result<()> {
    if !(MIN_RUN_MS..=MAX_RUN_MS).contains(&duration_ms) {
        return Err(Error::invalid(
            "duration_ms",
            format!("{duration_ms} ms is not a run to keep (1 s to 1 hour)"),
        ));
    }
    if beats.len() > MAX_BEATS {
        return Err(Error::invalid(
            "beats",
            format!("{} beats; a script has at most {MAX_BEATS}", beats.len()),
        ));
    }
    for b in beats {
        if b.name.trim().is_empty() || b.name.chars().count() > MAX_BEAT_NAME {
            return Err(Error::invalid(
                "beats",
                "each beat needs a name of 1–40 characters",
            ));
        }
        if !(0..=duration_ms).contains(&b.ms) {
            return Err(Error::invalid(
                "beats",
                format!("“{}” lasted {} ms, outside the run", b.name, b.ms),
            ));
        }
    }
    let total: i64 = beats.iter().map(|b| b.ms).sum();
    // Per-beat times are rounded one by one; allow a few milliseconds each.
    if total > duration_ms + 5 * beats.len() as i64 {
        return Err(Error::invalid(
            "beats",
            format!("add up to {total} ms, longer than the run ({duration_ms} ms)"),
        ));
    }
    Ok(())
}

/// Keeps a practice run (checked with [`check_run`]), linked to a live opportunity or to none.
pub(crate) fn insert_run(
    tx: &Transaction<'_>,
    path: &Path,
    opportunity_id: Option<i64>,
    duration_ms: i64,
    beats: &[BeatTime],
    now: &str,
) -> Result<PracticeRun> {
    check_run(duration_ms, beats)?;
    let beats = serde_json::to_string(beats).map_err(|e| Error::invalid("beats", e.to_string()))?;
    if let Some(id) = opportunity_id {
        status_of(tx, path, id)?;
    }
    let run = || -> rusqlite::Result<i64> {
        tx.execute(
            "INSERT INTO practice_runs (opportunity_id, duration_ms, beats, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![opportunity_id, duration_ms, beats, now],
        )?;
        if let Some(id) = opportunity_id {
            touch(tx, id, now)?;
        }
        Ok(tx.last_insert_rowid())
    };
    let id = run().map_err(|e| storage_error(path, "saving the practice run", e))?;
    Ok(PracticeRun {
        id,
        opportunity_id,
        duration_ms,
        beats,
        created_at: now.to_owned(),
    })
}

impl Store {
    /// Keeps a practice run, linked to a live opportunity or to none.
    pub fn add_practice_run(
        &mut self,
        opportunity_id: Option<i64>,
        duration_ms: i64,
        beats: &[BeatTime],
    ) -> Result<PracticeRun> {
        check_run(duration_ms, beats)?;
        let now = now_utc();
        let path = self.path().to_path_buf();
        self.write("saving the practice run", |tx| {
            insert_run(tx, &path, opportunity_id, duration_ms, beats, &now)
        })
    }

    /// The runs of one opportunity, or those linked to none; newest first.
    pub fn practice_runs(&self, opportunity_id: Option<i64>) -> Result<Vec<PracticeRun>> {
        let mut stmt = self.sql(
            "reading practice runs",
            self.conn().prepare_cached(
                "SELECT * FROM practice_runs WHERE opportunity_id IS ?1
                 ORDER BY created_at DESC, id DESC",
            ),
        )?;
        let rows = self.sql(
            "reading practice runs",
            stmt.query_map([opportunity_id], read_practice),
        )?;
        self.sql("reading practice runs", rows.collect())
    }

    /// Last and best runs, whether the user is ready, and the recent runs.
    pub fn practice_summary(&self, opportunity_id: Option<i64>) -> Result<PracticeSummary> {
        let all: Vec<RunView> = self
            .practice_runs(opportunity_id)?
            .iter()
            .map(PracticeRun::view)
            .collect();
        Ok(summarize(all))
    }
}

/// Last, best and ready from runs listed newest first.
pub fn summarize(all: Vec<RunView>) -> PracticeSummary {
    let (low, high) = (
        i64::from(TARGET_SECONDS.0) * 1000,
        i64::from(TARGET_SECONDS.1) * 1000,
    );
    let distance = |r: &RunView| {
        if r.duration_ms < low {
            low - r.duration_ms
        } else if r.duration_ms > high {
            r.duration_ms - high
        } else {
            0
        }
    };
    let best = all
        .iter()
        .min_by_key(|r| (distance(r), r.duration_ms))
        .cloned();
    let ready = all.len() >= 2 && all[..2].iter().all(|r| r.band == Band::In);
    PracticeSummary {
        count: all.len() as i64,
        last: all.first().cloned(),
        best,
        ready,
        runs: all.into_iter().take(RECENT_RUNS).collect(),
    }
}
