//! Integration tests of the app package, in one binary: the CLI as users script it, and the
//! invariants of the Tauri configuration that a typo would silently break.

mod advise;
mod cli;
mod compose;
mod config;
mod history;
mod hostile;
mod lint;
mod notify_server;
mod notify_server_tests;
mod practice;
mod read;
mod reminders;
mod util;
