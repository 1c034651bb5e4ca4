//! Commands of the Compose screen: drafts for the preview, and the ways a draft leaves the app.

use std::collections::BTreeMap;
use std::path::PathBuf;

use politely_core::compose::send::{self, Outgoing};
use politely_core::compose::{self, Draft, TemplateInfo};
use politely_core::decide::situation::Formality;
use politely_core::decide::{self, Situation};
use politely_core::message::{Channel, MessageKind};
use serde::Serialize;
use serde_json::Value;
use tauri::State;

use crate::gui::AppState;
use crate::IpcError;

type Reply<T> = Result<T, IpcError>;

/// The built-in templates, for the scenario menu.
#[tauri::command]
pub(crate) fn compose_templates() -> Vec<TemplateInfo> {
    compose::builtin_templates()
}

/// Drafts for every channel of the scenario (the advice's when absent). Async so it runs off
/// the main thread, which stays free for the webview while the user types.
#[tauri::command]
pub(crate) async fn compose_drafts(
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
    choices: BTreeMap<Channel, BTreeMap<String, usize>>,
) -> Reply<Vec<Draft>> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    Ok(compose::compose_all(
        &situation, scenario, formality, &choices, clock,
    )?)
}

/// Opens the draft in the default mail client; returns the `mailto:` URL it used.
#[tauri::command]
pub(crate) fn compose_open_mail(message: Outgoing) -> Reply<String> {
    let url = send::mailto(&message)?;
    send::open_in_mail_client(&url)?;
    Ok(url)
}

/// Writes the draft as `.eml` or `.txt` to the Downloads folder (or the data folder's
/// `exports/`); returns the file's path.
#[tauri::command]
pub(crate) fn compose_export(
    state: State<'_, AppState>,
    message: Outgoing,
    format: String,
    company: String,
) -> Reply<PathBuf> {
    let (ext, content) = match format.as_str() {
        "eml" => ("eml", send::eml(&message, decide::clock())?),
        "txt" => ("txt", send::plain(&message)),
        other => {
            return Err(politely_core::Error::invalid(
                "format",
                format!("“{other}” is not one of: eml, txt"),
            )
            .into())
        }
    };
    let dir = state.data_dir.exports_dir();
    Ok(send::write_export(
        &dir,
        &send::file_stem(&company, "draft"),
        ext,
        &content,
    )?)
}

/// What saving a draft created.
#[derive(Debug, Serialize)]
pub(crate) struct Saved {
    opportunity_id: i64,
    message_id: i64,
}

/// Saves the draft in History: against `opportunity_id`, or a new opportunity for the Situation.
#[tauri::command]
pub(crate) fn compose_save(
    state: State<'_, AppState>,
    situation: Value,
    opportunity_id: Option<i64>,
    channel: Channel,
    subject: Option<String>,
    body: String,
) -> Reply<Saved> {
    let clock = decide::clock();
    let situation = Situation::from_value(situation, clock)?;
    state.with_store(|store| {
        let opportunity_id = match opportunity_id {
            Some(id) => id,
            None => {
                let advice = decide::advise(&situation, situation.now_or(clock));
                store.add_opportunity(&situation, Some(&advice))?
            }
        };
        let subject = subject.as_deref().filter(|s| !s.trim().is_empty());
        let message_id = store.add_draft(opportunity_id, channel.as_str(), subject, &body)?;
        Ok(Saved {
            opportunity_id,
            message_id,
        })
    })
}
