//! Builder wiring only: managed state, the command handler list and the context. Shared by the
//! real window and by the mock-runtime smoke test so both exercise the same wiring.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use politely_core::data_dir::DataDir;
use politely_core::notify::scheduler::Scheduler;
use politely_core::store::Store;
use tauri::{Builder, Manager, Runtime};

use crate::IpcError;

use crate::commands;

/// State every command can reach: cheap to clone (one `Arc`), so a command hands it to a
/// blocking thread and the UI thread never waits for SQLite, a template, the proofreader, a
/// file or another program.
#[derive(Clone)]
pub(crate) struct AppState(Arc<Shared>);

/// What [`AppState`] shares.
pub(crate) struct Shared {
    pub(crate) data_dir: DataDir,
    pub(crate) started: Instant,
    /// `POLITELY_REPORT_PAINT` is set: print the time to first paint (used by `make bench`).
    pub(crate) report_paint: bool,
    /// The career folder, opened on first use so start-up never waits for it.
    store: Mutex<Option<Store>>,
    /// The daily backup has been started (it waits for the first paint).
    backup_started: std::sync::atomic::AtomicBool,
    /// The reminder clock, once the window runs (not in the mock-runtime tests).
    pub(crate) scheduler: std::sync::OnceLock<Scheduler>,
    /// Why desktop notifications could not be shown the last time, if they could not.
    desktop: Mutex<Option<String>>,
    /// Files exported in this run: the only ones "Show in folder" may show.
    exported: Mutex<Vec<std::path::PathBuf>>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

type Reply<T> = Result<T, IpcError>;

impl Shared {
    /// Remembers a file just exported, so "Show in folder" may show it.
    pub(crate) fn remember_export(&self, path: &Path) {
        let mut list = self.exported.lock().unwrap_or_else(|p| p.into_inner());
        if !list.iter().any(|p| p == path) {
            list.push(path.to_path_buf());
        }
    }

    /// Whether `path` is a file exported in this run.
    pub(crate) fn was_exported(&self, path: &Path) -> bool {
        let list = self.exported.lock().unwrap_or_else(|p| p.into_inner());
        list.iter().any(|p| p == path)
    }
}

impl AppState {
    pub(crate) fn new(data_dir: DataDir) -> Self {
        AppState(Arc::new(Shared {
            data_dir,
            started: Instant::now(),
            report_paint: std::env::var_os("POLITELY_REPORT_PAINT").is_some(),
            store: Mutex::new(None),
            backup_started: std::sync::atomic::AtomicBool::new(false),
            scheduler: std::sync::OnceLock::new(),
            desktop: Mutex::new(None),
            exported: Mutex::new(Vec::new()),
        }))
    }

    /// Runs `f` on a blocking thread, off the UI thread and the async workers.
    pub(crate) async fn off_ui<T: Send + 'static>(
        &self,
        f: impl FnOnce(&AppState) -> Reply<T> + Send + 'static,
    ) -> Reply<T> {
        let state = self.clone();
        tauri::async_runtime::spawn_blocking(move || f(&state))
            .await
            .unwrap_or_else(|e| {
                Err(politely_core::Error::Storage {
                    action: "finishing the task".into(),
                    reason: format!("it stopped unexpectedly ({e})"),
                }
                .into())
            })
    }

    /// A change to the history, off the UI thread; the reminder clock looks again after it.
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> politely_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        self.off_ui(move |s| s.with_store(f)).await
    }

    /// A read of the history (or a setting no reminder depends on), off the UI thread.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> politely_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        self.off_ui(move |s| s.with_store_quietly(f)).await
    }

    /// Plain work (a template, the proofreader, a file, the mail program) off the UI thread.
    pub(crate) async fn work<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Shared) -> politely_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        self.off_ui(move |s| Ok(f(s)?)).await
    }

    /// Why desktop notifications are off, when the last try failed.
    pub(crate) fn desktop_unavailable(&self) -> Option<String> {
        self.desktop
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Records whether the last notification could be shown.
    pub(crate) fn set_desktop_unavailable(&self, reason: Option<String>) {
        *self.desktop.lock().unwrap_or_else(|p| p.into_inner()) = reason;
    }

    /// Starts the daily backup once, after the window has painted, so a large history never
    /// slows the start.
    pub(crate) fn start_daily_backup(&self) {
        if !self
            .backup_started
            .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            backup_in_background(self.data_dir.clone());
        }
    }

    /// Runs `f` on the store, opening it first if needed. A store that cannot be opened
    /// (damaged, newer, unwritable) reports why every time, until the user repairs it.
    ///
    /// Anything done here may add or change reminders (a new invitation, a sent decline, an
    /// import…), so the reminder clock is told to look again afterwards.
    pub(crate) fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> politely_core::Result<T>,
    ) -> Reply<T> {
        let result = self.with_store_quietly(f);
        if let Some(scheduler) = self.scheduler.get() {
            scheduler.changed();
        }
        result
    }

    /// [`AppState::with_store`] for reads and settings that cannot change a reminder.
    pub(crate) fn with_store_quietly<T>(
        &self,
        f: impl FnOnce(&mut Store) -> politely_core::Result<T>,
    ) -> Reply<T> {
        let mut guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_none() {
            *guard = Some(Store::open(&self.data_dir)?);
        }
        Ok(f(guard.as_mut().expect("opened above"))?)
    }

    /// Closes the store, lets `change` replace its file, and opens it again (off the UI thread:
    /// it may wait for the reminder clock).
    pub(crate) async fn replace_store(
        &self,
        change: impl FnOnce(&Path) -> politely_core::Result<()> + Send + 'static,
    ) -> Reply<()> {
        self.off_ui(move |s| s.replace_store_now(change)).await
    }

    fn replace_store_now(
        &self,
        change: impl FnOnce(&Path) -> politely_core::Result<()>,
    ) -> Reply<()> {
        let mut guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = None;
        // The reminder clock has its own connection: close it too, so the file moves whole.
        let scheduler = self.scheduler.get();
        if let Some(s) = scheduler {
            if !s.pause() {
                s.resume();
                *guard = Some(Store::open(&self.data_dir)?);
                return Err(politely_core::Error::Storage {
                    action: "replacing the history".into(),
                    reason: "a reminder is being sent right now; nothing was changed — try again in a moment".into(),
                }
                .into());
            }
        }
        let result = change(self.data_dir.path())
            .and_then(|()| Store::open(&self.data_dir))
            .map(|store| *guard = Some(store));
        if let Some(s) = scheduler {
            s.resume();
        }
        Ok(result?)
    }
}

/// The daily backup, off the UI thread so start-up never waits for it.
fn backup_in_background(data_dir: DataDir) {
    std::thread::spawn(move || {
        let result = Store::open(&data_dir).and_then(|store| store.backup_if_due());
        if let Err(error) = result {
            eprintln!("politely: the daily backup was not made: {error}");
        }
    });
}

pub(crate) fn wire<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        // Start at login runs the app hidden, for reminders.
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .args(["--background"])
                .build(),
        )
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app::catalog,
            commands::app::about,
            commands::app::ui_ready,
            commands::app::show_in_folder,
            commands::decide::check_situation,
            commands::decide::advise,
            commands::history::history_add,
            commands::history::history_list,
            commands::history::history_show,
            commands::history::history_add_reply,
            commands::history::history_add_note,
            commands::history::history_record_message,
            commands::history::history_mark_sent,
            commands::history::history_reopen,
            commands::history::history_close,
            commands::history::history_delete,
            commands::history::history_undelete,
            commands::history::history_export,
            commands::history::history_export_to,
            commands::history::history_import_from,
            commands::history::history_undo_close,
            commands::history::profile_get,
            commands::history::profile_save,
            commands::history::history_backups,
            commands::history::history_restore_backup,
            commands::history::history_start_new,
            commands::compose::compose_drafts,
            commands::compose::compose_open_mail,
            commands::compose::compose_export,
            commands::compose::compose_save,
            commands::templates::templates_user_list,
            commands::templates::templates_user_check,
            commands::templates::templates_user_save,
            commands::templates::templates_user_delete,
            commands::templates::templates_user_render,
            commands::lint::lint_draft,
            commands::lint::lint_warm_up,
            commands::practice::practice_estimate,
            commands::practice::practice_drill,
            commands::practice::practice_save_run,
            commands::practice::practice_runs,
            commands::reminders::reminders_list,
            commands::reminders::reminders_add,
            commands::reminders::reminders_edit,
            commands::reminders::reminders_snooze,
            commands::reminders::reminders_set_state,
            commands::reminders::reminders_restore,
            commands::reminders::reminders_delete,
            commands::reminders::reminders_export_ics,
            commands::reminders::reminders_settings,
            commands::reminders::reminders_autostart,
            commands::reminders::reminders_keep_running,
            commands::reminders::reminders_explained,
            commands::read::read_message,
            commands::read::read_reply
        ])
}

pub(crate) fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Opens the main window (hidden with `background`, as at login) and blocks until the app ends;
/// returns the process exit code. The reminder clock runs as long as the app does.
///
/// One Politely runs at a time: a second launch hands its arguments to the running one (which
/// comes forward, unless the second was a `--background` start at login) and exits before it
/// builds a window or starts a second reminder clock.
pub(crate) fn open(state: AppState, background: bool) -> i32 {
    prefer_plain_renderer_without_gpu();
    // First of all plugins, so a second instance stops before any other is set up.
    let single = tauri_plugin_single_instance::init(|app, args, _cwd| {
        if !launched_in_background(&args) {
            show_main(app);
        }
    });
    // Size, position and maximised state between runs; never whether it is shown (a start at
    // login stays hidden).
    let window_state = tauri_plugin_window_state::Builder::default()
        .with_state_flags(
            tauri_plugin_window_state::StateFlags::SIZE
                | tauri_plugin_window_state::StateFlags::POSITION
                | tauri_plugin_window_state::StateFlags::MAXIMIZED,
        )
        .build();
    let builder = wire(
        Builder::default().plugin(single).plugin(window_state),
        state,
    )
    .setup(move |app| {
        // The tray first: the reminder clock's first round counts the due reminders into it.
        crate::tray::create(app.handle());
        crate::reminders::start(app.handle());
        let handle = app.handle().clone();
        std::thread::spawn(move || crate::desktop::migrate_autostart(&handle));
        // The window is created hidden (tauri.conf.json) so a start at login never flashes it.
        let window = main_window(app.handle())?;
        if !background {
            let _ = window.show();
        }
        Ok(())
    })
    .on_window_event(|window, event| {
        // With "Keep running for reminders" on, closing the window only hides it: the
        // reminder clock goes on, and the tray brings the window back or quits.
        if let tauri::WindowEvent::CloseRequested { api, .. } = event {
            if window.label() == "main" && keeps_running(window.app_handle()) {
                api.prevent_close();
                let _ = window.hide();
            }
        }
    });
    match builder.run(context()) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("politely: the window could not be opened: {error}");
            1
        }
    }
}

/// Whether a (second) launch asked for the background: its arguments after the program's path.
pub(crate) fn launched_in_background(args: &[String]) -> bool {
    args.iter().skip(1).any(|a| a == "--background")
}

/// Brings the main window forward: shown, restored and focused.
pub(crate) fn show_main<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// "Keep running for reminders" as now in force; off when the history cannot be read (then
/// closing the window ends the app, as the user would expect of a window).
fn keeps_running<R: Runtime>(app: &tauri::AppHandle<R>) -> bool {
    let state = app.state::<AppState>();
    state
        .with_store_quietly(|s| politely_core::api::reminders::keep_running(s))
        .unwrap_or(false)
}

/// The one window, from its settings in tauri.conf.json, held to the app: it cannot navigate
/// away from Politely's own pages or open new windows. A link the user follows to a web page or
/// an email address opens in the system's browser or mail program instead.
fn main_window<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<tauri::WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let opener = app.clone();
    tauri::WebviewWindowBuilder::from_config(app, &config)?
        .on_navigation(move |url| {
            if politely_core::links::is_app_page(url.as_str()) {
                return true;
            }
            if politely_core::links::opens_outside(url.as_str()) {
                let (url, opener) = (url.to_string(), opener.clone());
                std::thread::spawn(move || {
                    if let Err(error) = crate::desktop::open_outside(&opener, &url) {
                        eprintln!("politely: opening {url}: {error}");
                    }
                });
            }
            false
        })
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .build()
}

/// WebKitGTK's DMA-BUF renderer wants a GPU render node. Without one (virtual machines, remote
/// desktops, Xvfb) it falls back to software GL and the first frame appears ~100 ms later than
/// with the plain renderer, so Politely picks the plain one there. A value the user set wins.
/// (WebKitGTK is Linux's webview; macOS and Windows have nothing to choose.)
#[cfg(not(target_os = "linux"))]
fn prefer_plain_renderer_without_gpu() {}

#[cfg(target_os = "linux")]
fn prefer_plain_renderer_without_gpu() {
    const VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let nodes: Vec<String> = std::fs::read_dir("/dev/dri")
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if !has_render_node(&nodes) {
        // Still single-threaded here: nothing else reads the environment yet.
        std::env::set_var(VAR, "1");
    }
}

#[cfg(any(target_os = "linux", test))]
fn has_render_node(dri_entries: &[String]) -> bool {
    dri_entries.iter().any(|name| name.starts_with("renderD"))
}

#[cfg(test)]
#[path = "gui_tests.rs"]
mod tests;
