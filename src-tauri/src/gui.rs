//! Builder wiring only: managed state, the command handler list and the context. Shared by the
//! real window and by the mock-runtime smoke test so both exercise the same wiring.

use std::time::Instant;

use politely_core::data_dir::DataDir;
use tauri::{Builder, Runtime};

use crate::commands;

/// State every command can reach.
pub(crate) struct AppState {
    pub(crate) data_dir: DataDir,
    pub(crate) started: Instant,
    /// `POLITELY_REPORT_PAINT` is set: print the time to first paint (used by `make bench`).
    pub(crate) report_paint: bool,
}

impl AppState {
    pub(crate) fn new(data_dir: DataDir) -> Self {
        AppState {
            data_dir,
            started: Instant::now(),
            report_paint: std::env::var_os("POLITELY_REPORT_PAINT").is_some(),
        }
    }
}

pub(crate) fn wire<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app::about,
            commands::app::ui_ready
        ])
}

pub(crate) fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Opens the main window and blocks until it closes; returns the process exit code.
pub(crate) fn open(state: AppState) -> i32 {
    match wire(Builder::default(), state).run(context()) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("politely: the window could not be opened: {error}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    fn call(
        webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
    ) -> Result<serde_json::Value, serde_json::Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("static url parses"),
                body: InvokeBody::default(),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize().expect("JSON body"))
    }

    #[test]
    fn real_context_and_capability_let_the_main_window_call_about() {
        let tmp = std::env::temp_dir().join(format!("politely-mock-{}", std::process::id()));
        let data_dir = DataDir::resolve(Some(&tmp), None).unwrap();
        let app = wire(mock_builder(), AppState::new(data_dir))
            .build(context())
            .expect("app builds on the mock runtime");
        let main = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("main window");

        let about = call(&main, "about").expect("about is granted to main");
        assert_eq!(about["name"], "Politely");
        assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(about["data_dir"], tmp.to_str().unwrap());
        assert_eq!(about["data_dir_source"], "flag");

        let unknown = call(&main, "drop_database");
        assert!(
            unknown.is_err(),
            "a command not in the handler list must be refused"
        );

        // Break the data folder: the same command must now fail with the fixed error shape.
        std::fs::remove_dir_all(&tmp).unwrap();
        std::fs::write(&tmp, "in the way").unwrap();
        let err = call(&main, "about").expect_err("about fails on a broken data folder");
        std::fs::remove_file(&tmp).unwrap();
        assert_eq!(err["code"], "data_dir", "error JSON was {err}");
        assert!(err["message"].as_str().unwrap().contains("not a folder"));
    }
}
