//! The Tauri command layer: one file per area, each command a short adapter into `politely-core`
//! that takes and returns serde types and fails with [`crate::IpcError`].

pub(crate) mod app;
pub(crate) mod compose;
pub(crate) mod decide;
pub(crate) mod history;
pub(crate) mod lint;
pub(crate) mod practice;
pub(crate) mod reminders;
pub(crate) mod templates;
