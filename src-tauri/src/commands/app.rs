//! Commands about the application itself: the catalogue, the About panel, the page's "I have
//! painted" signal, and showing an exported file in its folder.

use std::path::PathBuf;

use politely_core::about::AppInfo;
use politely_core::api::catalog::{self, Catalog};
use tauri::State;

use super::Reply;
use crate::gui::AppState;

/// Every label and limit the window shows (asked once at start).
#[tauri::command]
pub(crate) fn catalog() -> Catalog {
    catalog::catalog()
}

/// Version and data folder, re-checking that the folder is still usable.
#[tauri::command]
pub(crate) async fn about(state: State<'_, AppState>) -> Reply<AppInfo> {
    state
        .work(|s| AppInfo::gather(env!("CARGO_PKG_VERSION"), &s.data_dir))
        .await
}

/// Called by the page once its first frame is on screen, `page_ms` after its navigation began;
/// work that can wait (the daily backup) starts here.
#[tauri::command]
pub(crate) fn ui_ready(state: State<'_, AppState>, page_ms: u64) {
    state.start_daily_backup();
    if state.report_paint {
        let ms = state.started.elapsed().as_millis();
        eprintln!("politely: first paint after {ms} ms (page: {page_ms} ms)");
    }
}

/// Shows a file this run exported in the desktop's file manager (nothing else: see
/// [`crate::desktop::show_in_folder`]).
#[tauri::command]
pub(crate) async fn show_in_folder(state: State<'_, AppState>, path: PathBuf) -> Reply<()> {
    state
        .work(move |s| crate::desktop::show_in_folder(s, &path))
        .await
}
