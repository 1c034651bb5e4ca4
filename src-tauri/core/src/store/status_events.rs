//! Every status change, with its time: the backbone of the timeline.

use serde::{Deserialize, Serialize};

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// Stable id.
    pub id: i64,
    /// Its opportunity.
    pub opportunity_id: i64,
    /// Status before (none when created).
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: String,
    /// When (UTC).
    pub at: String,
}

table_row!(
    "status_events",
    read_event,
    insert_event,
    StatusEvent {
        id,
        opportunity_id,
        from_status,
        to_status,
        at
    }
);
