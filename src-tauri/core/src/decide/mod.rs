//! Deciding whether and how to decline: the Situation the user describes, and the advice engine
//! that turns it into a verdict, a channel, a scenario, deadlines and warnings.

pub mod advice;
pub mod labels;
mod roadmap;
pub mod situation;
pub mod text;
mod validate;

pub use advice::{advise, Advice, Verdict};
pub use situation::{Problem, Situation};

use chrono::{DateTime, FixedOffset};

/// The wall clock in the user's time zone: what "now" means when a Situation does not say.
pub fn clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

#[cfg(test)]
mod tests;
