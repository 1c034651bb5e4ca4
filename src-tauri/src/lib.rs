//! The Politely application: command-line dispatch, Tauri wiring and the thin command layer over
//! `politely-core`. Nothing here decides anything about declining an interview; that is the core's job.

mod cli;
mod commands;
mod desktop;
mod error;
mod gui;
mod reminders;
mod tray;

pub use error::{ErrorCode, IpcError};

/// Runs the CLI when given a subcommand, otherwise opens the window; exits with the outcome's code.
pub fn run() {
    std::process::exit(cli::main())
}
