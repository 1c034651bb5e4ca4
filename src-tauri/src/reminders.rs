//! Starts the reminder clock with the window and connects it to the page: each round is sent to
//! the page as a `reminders` event (badge, banner, list), and "Open" on a notification brings
//! the window forward on that reminder (`reminder-open`).

use std::sync::Arc;

use politely_core::notify::scheduler::{Event, Scheduler};
use politely_core::store::DB_FILE;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::desktop::DesktopNotifier;
use crate::gui::AppState;

/// What the page hears after a round.
#[derive(Debug, Clone, Serialize)]
struct Round {
    /// Reminders announced on the desktop.
    shown: Vec<i64>,
    /// Reminders due but not announced (no notification service): the page shows them.
    held: Vec<i64>,
    /// Why desktop notifications are off, if they are.
    unavailable: Option<String>,
    /// The history could not be read.
    failed: Option<String>,
}

/// Starts the scheduler on the data folder's database (once).
pub(crate) fn start(app: &AppHandle) {
    let state = app.state::<AppState>();
    // Open (and if need be migrate) the history here first, so the scheduler's own connection
    // never races the window's to upgrade the file. A failure is reported when the page asks.
    let _ = state.with_store_quietly(|_| Ok(()));
    // Whether notifications can be shown at all, before the first one is due.
    let prober = app.clone();
    std::thread::spawn(move || {
        let state = prober.state::<AppState>();
        state.set_desktop_unavailable(crate::desktop::probe());
    });
    let db = state.data_dir.path().join(DB_FILE);
    let opener = app.clone();
    let notifier = DesktopNotifier::with_open(Arc::new(move |ids: Vec<i64>| {
        crate::gui::show_main(&opener);
        let _ = opener.emit("reminder-open", ids);
    }));
    let events = app.clone();
    let scheduler = Scheduler::start(db, Arc::new(notifier), move |event| {
        let round = match event {
            Event::Round(r) => {
                // Only a round that tried the desktop says whether it works.
                if !r.shown.is_empty() || !r.held.is_empty() {
                    let state = events.state::<AppState>();
                    state.set_desktop_unavailable(r.unavailable.as_ref().map(|u| u.reason.clone()));
                }
                Round {
                    shown: r.shown.iter().map(|x| x.id).collect(),
                    held: r.held.iter().map(|x| x.id).collect(),
                    unavailable: r.unavailable.map(|u| u.reason),
                    failed: None,
                }
            }
            Event::Failed(message) => Round {
                shown: Vec::new(),
                held: Vec::new(),
                unavailable: None,
                failed: Some(message),
            },
        };
        let _ = events.emit("reminders", round);
        // The tray's count of due reminders, after every round (each change starts one). On
        // its own thread: the store's lock may be held by a restore waiting for this clock.
        let tray = events.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let state = tray.state::<AppState>();
            let now = chrono::Utc::now();
            let count = |s: &mut politely_core::store::Store| {
                politely_core::api::reminders::due_count(s, now)
            };
            if let Ok(due) = state.with_store_quietly(count) {
                crate::tray::set_due(&tray, due);
            }
        });
    });
    let _ = state.scheduler.set(scheduler);
}
