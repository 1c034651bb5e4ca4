//! Commands of "Your own templates".

use politely_core::api::templates::{self, Listed};
use politely_core::compose::user::{Checked, Rendered, TemplateDraft};
use politely_core::store::user_templates::UserTemplate;
use serde_json::Value;
use tauri::State;

use super::{now, Reply};
use crate::gui::AppState;

/// Every saved template, each with what stops it being used (if anything).
#[tauri::command]
pub(crate) async fn templates_user_list(state: State<'_, AppState>) -> Reply<Vec<Listed>> {
    state.read(|s| templates::list(s)).await
}

/// Problems with a template being edited, and its preview with the Situation when it is valid.
#[tauri::command]
pub(crate) async fn templates_user_check(
    state: State<'_, AppState>,
    template: TemplateDraft,
    situation: Option<Value>,
) -> Reply<Checked> {
    state
        .work(move |_| Ok(templates::check(&template, situation, now())))
        .await
}

/// Saves a template (new, or an update when it has an id).
#[tauri::command]
pub(crate) async fn templates_user_save(
    state: State<'_, AppState>,
    template: TemplateDraft,
) -> Reply<UserTemplate> {
    state.write(move |s| templates::save(s, &template)).await
}

/// Deletes a template; returns it so the window can offer Undo.
#[tauri::command]
pub(crate) async fn templates_user_delete(
    state: State<'_, AppState>,
    id: i64,
) -> Reply<UserTemplate> {
    state.write(move |s| templates::delete(s, id)).await
}

/// A saved template filled in with a Situation.
#[tauri::command]
pub(crate) async fn templates_user_render(
    state: State<'_, AppState>,
    id: i64,
    situation: Value,
) -> Reply<Rendered> {
    state
        .read(move |s| templates::render(s, id, situation, now()))
        .await
}
