//! Timed phone rehearsals (filled by the Practise issue).

use serde::{Deserialize, Serialize};

/// A timed phone rehearsal (filled by Practise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeRun {
    /// Stable id.
    pub id: i64,
    /// Its opportunity, if linked.
    pub opportunity_id: Option<i64>,
    /// Length of the run.
    pub duration_ms: i64,
    /// Per-beat times as JSON text.
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
