//! Commands about the application itself: the About panel and the page's "I have painted" signal.

use politely_core::about::AppInfo;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

/// Version and data folder, re-checking that the folder is still usable.
#[tauri::command]
pub(crate) fn about(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo::gather(env!("CARGO_PKG_VERSION"), &state.data_dir)?)
}

/// Called by the page once its first frame is on screen, `page_ms` after its navigation began;
/// work that can wait (the daily backup) starts here.
#[tauri::command]
pub(crate) fn ui_ready(state: State<'_, AppState>, page_ms: u64) {
    state.start_daily_backup();
    if state.report_paint {
        eprintln!(
            "politely: first paint after {} ms (page: {page_ms} ms)",
            state.started.elapsed().as_millis()
        );
    }
}
