//! A bare Tauri 2 window with one command, `painted`, so `make bench` can time its first paint
//! exactly as it times Politely's.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

struct Started(Instant);

#[tauri::command]
fn painted(started: tauri::State<'_, Started>, page_ms: u64) {
    eprintln!(
        "politely: first paint after {} ms (page: {page_ms} ms)",
        started.0.elapsed().as_millis()
    );
}

fn main() {
    tauri::Builder::default()
        .manage(Started(Instant::now()))
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .expect("error while running the hello window");
}
