//! Commands of the proofreader: findings and the send checklist for a draft in Compose.

use politely_core::decide::{self, Situation};
use politely_core::lint::checklist::{send_checklist, CheckItem};
use politely_core::lint::{self, Input, Purpose, Report};
use politely_core::message::{Channel, MessageKind};
use serde::Serialize;
use serde_json::Value;

use crate::IpcError;

/// What the window shows beside a draft.
#[derive(Debug, Serialize)]
pub(crate) struct Proofread {
    report: Report,
    checklist: Vec<CheckItem>,
}

/// Proofreads a draft (rules, spelling and grammar) and ticks the send checklist. Async: the
/// first call may wait for the dictionary, which must never block the window.
#[tauri::command]
pub(crate) async fn lint_draft(
    situation: Option<Value>,
    channel: Channel,
    scenario: Option<MessageKind>,
    subject: Option<String>,
    body: String,
    saved: bool,
) -> Result<Proofread, IpcError> {
    // Harper is CPU-bound: a blocking thread keeps the async workers free for the previews.
    tauri::async_runtime::spawn_blocking(move || {
        let clock = decide::clock();
        let situation = situation
            .map(|v| Situation::from_value(v, clock))
            .transpose()?;
        let input = Input {
            subject: subject.as_deref().filter(|_| channel == Channel::Email),
            body: &body,
            channel,
            situation: situation.as_ref(),
            purpose: scenario.map(Purpose::from),
            now: situation.as_ref().map_or(clock, |s| s.now_or(clock)),
        };
        let report = lint::lint_with_language(&input)?;
        let checklist = send_checklist(&report, &input, saved);
        Ok(Proofread { report, checklist })
    })
    .await
    .map_err(|e| {
        IpcError::from(politely_core::Error::Storage {
            action: "proofreading".into(),
            reason: e.to_string(),
        })
    })?
}

/// Loads the spelling dictionary (most of a second) on a background thread. Compose calls it
/// when it first opens, so neither start-up nor the first proofread waits for it, and a session
/// that never composes never pays its memory.
#[tauri::command]
pub(crate) fn lint_warm_up() {
    let _ = std::thread::Builder::new()
        .name("dictionary".into())
        .spawn(lint::warm_up);
}
