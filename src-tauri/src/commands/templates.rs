//! Commands of "Your own templates": thin adapters over the store and the sandbox.

use politely_core::compose::user::{self, Checked, Rendered};
use politely_core::decide::{self, Situation};
use politely_core::store::user_templates::{TemplateDraft, UserTemplate};
use serde_json::Value;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

type Reply<T> = Result<T, IpcError>;

/// Every saved template.
#[tauri::command]
pub(crate) fn templates_user_list(state: State<'_, AppState>) -> Reply<Vec<UserTemplate>> {
    state.with_store(|s| s.user_templates())
}

/// Problems with a template being edited, and its preview with the Situation when it is valid.
#[tauri::command]
pub(crate) fn templates_user_check(template: TemplateDraft, situation: Option<Value>) -> Checked {
    let clock = decide::clock();
    let situation = situation.and_then(|v| Situation::from_value(v, clock).ok());
    user::check(&template, situation.as_ref())
}

/// Saves a template (new, or an update when it has an id).
#[tauri::command]
pub(crate) fn templates_user_save(
    state: State<'_, AppState>,
    template: TemplateDraft,
) -> Reply<UserTemplate> {
    state.with_store(|s| s.save_user_template(&template))
}

/// Deletes a template; returns it so the window can offer Undo.
#[tauri::command]
pub(crate) fn templates_user_delete(state: State<'_, AppState>, id: i64) -> Reply<UserTemplate> {
    state.with_store(|s| s.delete_user_template(id))
}

/// A saved template filled in with a Situation.
#[tauri::command]
pub(crate) fn templates_user_render(
    state: State<'_, AppState>,
    id: i64,
    situation: Value,
) -> Reply<Rendered> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    let t = state.with_store(|s| s.user_template(id))?;
    let draft = TemplateDraft {
        id: Some(t.id),
        name: t.name,
        channel: t.channel,
        subject: t.subject,
        body: t.body,
    };
    Ok(user::render_or_error(&draft, &situation)?)
}
