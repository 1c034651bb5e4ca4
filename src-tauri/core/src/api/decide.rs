//! Deciding: checking the wizard's answers and advising on them.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use crate::decide::{self, Advice, Problem, Situation};
use crate::Result;

/// Every problem with the Situation, each naming its field; empty when it is valid.
pub fn check(situation: Value, now: DateTime<FixedOffset>) -> Vec<Problem> {
    Situation::from_value(situation, now)
        .err()
        .unwrap_or_default()
}

/// The advice for a valid Situation, judged at its `now` or at `now`. The Advice says when it
/// was judged (`judged_at`): saving the Situation with that moment stores this same advice.
pub fn advise(situation: Value, now: DateTime<FixedOffset>) -> Result<Advice> {
    let situation = super::situation(situation, now)?;
    Ok(decide::advise(&situation, situation.now_or(now)))
}
