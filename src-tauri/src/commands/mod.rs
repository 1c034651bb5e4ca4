//! The Tauri command layer: one file per area, each command an adapter of at most five lines
//! into `politely_core::api` — decode, call the use case off the UI thread, return. Commands
//! take and return serde types and fail with [`crate::IpcError`]. `config.rs` tests keep this
//! list, `build.rs`, the capability and `ui/js/api.js` the same.

pub(crate) mod app;
pub(crate) mod compose;
pub(crate) mod decide;
pub(crate) mod history;
pub(crate) mod lint;
pub(crate) mod practice;
pub(crate) mod read;
pub(crate) mod reminders;
pub(crate) mod templates;

use chrono::{DateTime, FixedOffset};

/// What "now" is for a command: the wall clock in the user's time zone.
pub(crate) fn now() -> DateTime<FixedOffset> {
    politely_core::decide::clock()
}

/// A command's result.
pub(crate) type Reply<T> = Result<T, crate::IpcError>;
