//! Generates Tauri's context and the permission set for the app's own commands. Listing the
//! commands here means none of them is callable unless a capability grants it.

/// Every command the window may call; each is granted in `capabilities/main.json`.
const COMMANDS: &[&str] = &[
    "catalog",
    "about",
    "ui_ready",
    "show_in_folder",
    "check_situation",
    "advise",
    "history_add",
    "history_list",
    "history_show",
    "history_add_reply",
    "history_add_note",
    "history_record_message",
    "history_mark_sent",
    "history_reopen",
    "history_close",
    "history_delete",
    "history_undelete",
    "history_export",
    "history_export_to",
    "history_import_from",
    "history_undo_close",
    "profile_get",
    "profile_save",
    "history_backups",
    "history_restore_backup",
    "history_start_new",
    "compose_drafts",
    "compose_open_mail",
    "compose_export",
    "compose_save",
    "templates_user_list",
    "templates_user_check",
    "templates_user_save",
    "templates_user_delete",
    "templates_user_render",
    "lint_draft",
    "lint_warm_up",
    "practice_estimate",
    "practice_drill",
    "practice_save_run",
    "practice_runs",
    "reminders_list",
    "reminders_add",
    "reminders_edit",
    "reminders_snooze",
    "reminders_set_state",
    "reminders_restore",
    "reminders_delete",
    "reminders_export_ics",
    "reminders_settings",
    "reminders_autostart",
    "reminders_keep_running",
    "reminders_explained",
    "read_message",
    "read_reply",
];

fn main() {
    // Without this, tauri-build's own change tracking reruns the script (and relinks) every build.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
