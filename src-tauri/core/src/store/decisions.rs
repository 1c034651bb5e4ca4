//! The Situation and Advice as they were when the user decided.

use serde::{Deserialize, Serialize};

/// The Situation and Advice at the time of a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// The Situation as JSON text.
    pub situation: String,
    /// The Advice as JSON text.
    pub advice: Option<String>,
    /// Recorded (UTC).
    pub created_at: String,
}

table_row!(
    "decisions",
    read_decision,
    insert_decision,
    Decision {
        id,
        opportunity_id,
        situation,
        advice,
        created_at
    }
);
