//! Commands about the application itself: the catalogue, the About panel and the page's "I have
//! painted" signal.

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
