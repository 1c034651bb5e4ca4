//! The word lists the rules match against (lower case, straight apostrophes: sentences are
//! normalised before matching). Kept apart from the rules so a rule reads as the advice it encodes.

mod content;
mod stance;
mod tone;

pub(super) use content::*;
pub(super) use stance::*;
pub(super) use tone::*;
