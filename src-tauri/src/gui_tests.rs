//! The wiring on Tauri's mock runtime: the real handler list, context and capability.

use super::*;
use politely_core::api::read::MAX_READ_BYTES;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;

fn call(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    call_with(webview, cmd, serde_json::json!({}))
}

fn call_with(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("static url parses"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize().expect("JSON body"))
}

/// Every command the window calls, with the arguments the window sends, through the real
/// handler list and capability on the mock runtime: names and shapes decode, answers come
/// back, writes land in a real SQLite file.
#[test]
fn the_window_s_calls_decode_and_answer_without_a_desktop() {
    let tmp = std::env::temp_dir().join(format!("politely-mock-ipc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let data_dir = DataDir::resolve(Some(&tmp), None).unwrap();
    let app = wire(mock_builder(), AppState::new(data_dir))
        .build(context())
        .expect("app builds on the mock runtime");
    let main = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("main window");
    let situation = serde_json::json!({
        "company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z",
        "now": "2026-11-25T12:00:00Z", "reasons": ["growth"], "checklist": {"decided": true}
    });
    let ok = |cmd: &str, args: serde_json::Value| {
        call_with(&main, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
    };
    let catalog = ok("catalog", serde_json::json!({}));
    assert_eq!(
        catalog["limits"]["call_seconds"],
        serde_json::json!([30, 60])
    );
    let recorded = ok(
        "history_add",
        serde_json::json!({"situation": situation, "opportunityId": null}),
    );
    let id = recorded["opportunity_id"].as_i64().expect("an id");
    assert_eq!(recorded["advice"]["scenario"], "growth");
    let saved = ok(
        "compose_save",
        serde_json::json!({"draft": {"situation": situation, "opportunity_id": id,
        "channel": "email", "subject": "Engineer interview", "body": "Thank you. I am withdrawing."}}),
    );
    assert_eq!(saved["opportunity_id"], id);
    let run = ok(
        "practice_save_run",
        serde_json::json!({"run": {"situation": situation, "opportunity_id": id,
        "duration_ms": 41000, "beats": [{"name": "greeting", "ms": 9000}]}}),
    );
    assert_eq!(run["opportunity_id"], id);
    ok(
        "history_record_message",
        serde_json::json!({"message": {"opportunity_id": id, "channel": "phone",
        "body": "Called to say no, kindly.", "sent_at": "2026-11-25T13:00:00Z"}}),
    );
    ok(
        "history_add_note",
        serde_json::json!({"id": id, "body": "They took it well."}),
    );
    let list = ok("history_list", serde_json::json!({"query": {}}));
    assert_eq!(
        list["rows"].as_array().map(Vec::len),
        Some(1),
        "one opportunity: {list}"
    );
    assert_eq!(list["total"], 1);
    let profile = ok(
        "profile_save",
        serde_json::json!({"profile": {"name": "Sam", "sign_off": "Cheers"}}),
    );
    assert_eq!(ok("profile_get", serde_json::json!({})), profile);
    let before = ok("history_close", serde_json::json!({"id": id}));
    ok(
        "history_undo_close",
        serde_json::json!({"id": id, "status": before}),
    );
    let out = tmp.join("export.md");
    ok(
        "history_export_to",
        serde_json::json!({"path": out, "format": "md"}),
    );
    let json_out = tmp.join("export.json");
    ok(
        "history_export_to",
        serde_json::json!({"path": json_out, "format": "json"}),
    );
    let dry = ok(
        "history_import_from",
        serde_json::json!({"path": json_out, "dryRun": true}),
    );
    assert_eq!(dry["dry_run"], true, "{dry}");
    let err = call_with(
        &main,
        "history_import_from",
        serde_json::json!({"path": out, "dryRun": false}),
    )
    .expect_err("a Markdown file is not an export");
    assert_eq!(err["code"], "invalid_input", "{err}");
    let detail = ok("history_show", serde_json::json!({"id": id}));
    assert_eq!(detail["messages"].as_array().map(Vec::len), Some(2));
    let lint = ok(
        "lint_draft",
        serde_json::json!({"draft": {"situation": situation, "channel": "email",
        "scenario": "growth", "subject": "Engineer interview", "body": "no thanks", "saved": false}}),
    );
    assert!(
        lint["report"]["summary"]["errors"].as_u64() > Some(0),
        "{lint}"
    );
    let drafts = ok(
        "compose_drafts",
        serde_json::json!({"situation": situation, "scenario": null,
        "formality": null, "choices": {}}),
    );
    assert_eq!(drafts.as_array().map(Vec::len), Some(3));
    ok(
        "practice_estimate",
        serde_json::json!({"script": "Hello. I am calling to decline. Thank you.", "wpm": null}),
    );
    ok(
        "practice_drill",
        serde_json::json!({"situation": situation, "scenario": null, "formality": null}),
    );
    let page = ok("reminders_list", serde_json::json!({}));
    assert!(
        page["reminders"].as_array().is_some_and(|r| !r.is_empty()),
        "{page}"
    );
    let csv = ok("history_export", serde_json::json!({"format": "csv"}));
    assert!(csv.as_str().is_some_and(|t| t.contains("Acme")));
    let checked = ok(
        "templates_user_check",
        serde_json::json!({"template": {"name": "Mine", "channel": "email",
        "subject": "", "body": "Hi {{ company }}"}, "situation": situation}),
    );
    assert_eq!(checked["preview"]["body"], "Hi Acme");
    let invitation = "Subject: Interview for the Data Analyst role\n\nHi Sam,\n\nWe would like to invite you \
        to interview for the Data Analyst role at Acme.\n\nBest,\nHannah Whitcombe\nAcme\nhannah@acme.example\n";
    let read = ok(
        "read_message",
        serde_json::json!({"message": invitation.as_bytes()}),
    );
    assert_eq!(read["kind"], "invitation", "{read}");
    assert_eq!(read["situation"]["company"], "Acme", "{read}");
    let reply = ok(
        "read_reply",
        serde_json::json!({"message": "Subject: Re: Engineer interview\n\nCould you tell me why? Acme".as_bytes()}),
    );
    assert_eq!(reply["matched"]["opportunity_id"], id, "{reply}");
    let err = call_with(
        &main,
        "read_message",
        serde_json::json!({"message": vec![b'a'; MAX_READ_BYTES + 1]}),
    )
    .expect_err("over 1 MiB is refused");
    assert_eq!(err["code"], "invalid_input", "{err}");
    let err = call_with(
        &main,
        "history_restore_backup",
        serde_json::json!({"name": "/etc/hostname"}),
    )
    .expect_err("only a backup from the list, by name");
    assert_eq!(err["code"], "not_found", "{err}");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn only_a_render_node_counts_as_a_gpu() {
    assert!(has_render_node(&["card0".into(), "renderD128".into()]));
    assert!(
        !has_render_node(&["card0".into()]),
        "a display-only card has no render node"
    );
    assert!(!has_render_node(&[]), "no /dev/dri at all");
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

    let situation = serde_json::json!({
        "company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z",
        "now": "2026-11-25T12:00:00Z", "reasons": ["growth"], "checklist": {"decided": true}
    });
    let advice = call_with(
        &main,
        "advise",
        serde_json::json!({ "situation": situation }),
    )
    .expect("advise is granted to main");
    assert_eq!(
        (advice["verdict"].as_str(), advice["scenario"].as_str()),
        (Some("decline"), Some("growth"))
    );
    let problems = call_with(
        &main,
        "check_situation",
        serde_json::json!({ "situation": {"role": ""} }),
    )
    .expect("check_situation answers with a list");
    assert_eq!(
        problems[0]["field"], "company",
        "problems name their field: {problems}"
    );
    let err = call_with(
        &main,
        "advise",
        serde_json::json!({ "situation": {"company": "A"} }),
    )
    .expect_err("an invalid Situation is refused");
    assert_eq!(err["code"], "invalid_input", "error JSON was {err}");

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
