//! Politely's domain logic: every rule, template, store and schedule lives here, never in the
//! window. The crate has no Tauri dependency so `cargo test -p politely-core` runs in seconds
//! and the compiler keeps rules independent of the GUI.
#![deny(missing_docs)]

pub mod about;
pub mod api;
pub mod autostart;
pub mod compose;
pub mod data_dir;
pub mod decide;
pub mod error;
pub mod links;
pub mod lint;
pub mod message;
pub mod notify;
pub mod practice;
pub mod read;
pub mod reminders;
pub mod speech;
pub mod store;
pub mod time;

pub use error::{Error, Result};

#[cfg(test)]
mod layering_tests;
