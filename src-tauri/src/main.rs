//! Politely's executable: the window when started without arguments, the CLI otherwise.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    politely::run()
}
