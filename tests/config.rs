//! Invariants of the Tauri configuration: the window, the CSP, and that every command is both
//! listed in build.rs and granted to the main window, and nothing more.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("parse {path}: {e}"))
}

/// The quoted names inside the `COMMANDS` array of build.rs.
fn manifest_commands() -> Vec<String> {
    let build = read("src-tauri/build.rs");
    let start = build
        .find("COMMANDS: &[&str] = &[")
        .expect("COMMANDS in build.rs");
    let list = &build[start..build[start..].find("];").unwrap() + start];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn one_window_titled_politely_with_a_strict_csp() {
    let conf = json("tauri.conf.json");
    assert_eq!(conf["identifier"], politely_core::data_dir::APP_IDENTIFIER);
    assert_eq!(conf["productName"], "Politely");
    assert_eq!(
        conf["version"],
        env!("CARGO_PKG_VERSION"),
        "one version for app and bundle"
    );
    assert_eq!(conf["build"]["frontendDist"], "ui");
    let windows = conf["app"]["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["label"], "main");
    assert_eq!(windows[0]["title"], "Politely");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert!(
        conf["app"].get("withGlobalTauri").is_none(),
        "the page reaches Tauri only via api.js"
    );
    assert!(
        conf.get("plugins").is_none(),
        "no plugins the app doesn't use"
    );
}

#[test]
fn every_command_is_listed_handled_and_granted_to_main_only() {
    let commands = manifest_commands();
    assert!(commands.contains(&"about".to_string()), "{commands:?}");

    let gui = read("src-tauri/src/gui.rs");
    let handler = &gui[gui.find("generate_handler![").expect("handler list")..];
    let handler = &handler[..handler.find(']').unwrap()];
    let handled: Vec<&str> = handler
        .split([',', '[', ' ', '\n'])
        .filter_map(|s| {
            s.trim()
                .rsplit("::")
                .next()
                .filter(|n| !n.is_empty() && !n.contains('!'))
        })
        .collect();
    assert_eq!(
        handled, commands,
        "handler list and AppManifest::commands must match"
    );

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(files.len(), 1, "one capability file");
    let cap = json("src-tauri/capabilities/main.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    let granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let mut expected: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Listening for the reminder clock's events is the one core permission the page needs.
    expected.extend([
        "core:event:allow-listen".into(),
        "core:event:allow-unlisten".into(),
        // Ctrl + and Ctrl − zoom the page (zoomHotkeysEnabled): Tauri's script asks through this.
        "core:webview:allow-set-webview-zoom".into(),
        // The system's save and open dialogs (History export and import), nothing else of the plugin.
        "dialog:allow-save".into(),
        "dialog:allow-open".into(),
        // Copy in Compose writes the clipboard (never reads it).
        "clipboard-manager:allow-write-text".into(),
    ]);
    assert_eq!(
        granted, expected,
        "grant exactly the app's commands and event listening"
    );
}

#[test]
fn main_only_calls_run_and_only_api_js_touches_tauri() {
    let main = read("src-tauri/src/main.rs");
    let body: Vec<&str> = main
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .collect();
    assert_eq!(body, ["fn main() {", "politely::run()", "}"]);

    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/js");
    for entry in std::fs::read_dir(&js).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        if name != "api.js" {
            assert!(
                !text.contains("__TAURI"),
                "{name} must not touch Tauri; use api.js"
            );
        }
        assert!(
            !text.contains("innerHTML"),
            "{name}: set text with textContent, never innerHTML"
        );
    }
}

/// The command names `ui/js/api.js` passes to `call(…)`.
fn api_js_calls() -> Vec<String> {
    let api = read("ui/js/api.js");
    let mut calls: Vec<String> = api
        .split("call('")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next().map(str::to_owned))
        // Tauri's own event plugin (listening for the reminder clock) is not an app command.
        .filter(|name| !name.starts_with("plugin:"))
        .collect();
    calls.sort();
    calls.dedup();
    calls
}

#[test]
fn api_js_calls_exactly_the_commands_the_window_may_call() {
    let mut commands = manifest_commands();
    commands.sort();
    assert_eq!(
        api_js_calls(),
        commands,
        "every command in build.rs has its one wrapper in ui/js/api.js, and api.js calls no other"
    );
}

#[test]
fn every_error_code_the_core_can_return_has_its_text_in_errors_js() {
    let errors = read("ui/js/errors.js");
    let codes = read("src-tauri/src/error.rs");
    let list = &codes[codes.find("pub enum ErrorCode").expect("ErrorCode")..];
    let list = &list[..list.find('}').unwrap()];
    let variants: Vec<String> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && l.ends_with(','))
        .map(|l| {
            // CamelCase → snake_case, as serde renames them.
            let mut out = String::new();
            for (i, c) in l.trim_end_matches(',').chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        })
        .collect();
    assert!(variants.len() >= 6, "{variants:?}");
    for code in &variants {
        assert!(
            errors.contains(&format!("'{code}'")) && errors.contains(&format!("{code}:")),
            "errors.js lists {code} and says what to do about it"
        );
    }
}

#[test]
fn the_catalogue_fixture_of_the_js_tests_is_the_real_catalogue() {
    let real = serde_json::to_value(politely_core::api::catalog::catalog()).unwrap();
    let path = "tests/js/fixtures/catalog.json";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let text = serde_json::to_string_pretty(&real).unwrap() + "\n";
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(path), text).unwrap();
    }
    assert_eq!(
        json(path),
        real,
        "{path} is what the window receives (UPDATE_GOLDEN=1 cargo test -p politely config rewrites it)"
    );
}
