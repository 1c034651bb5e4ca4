//! Composing: the drafts for the preview, saving one to History, and the ways a draft leaves
//! Politely (the mail program, an .eml or .txt file).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{ensure_opportunity, stamp, write};
use crate::compose::send::{self, Outgoing};
use crate::compose::{self, Draft, TemplateInfo};
use crate::decide::situation::Formality;
use crate::message::{Channel, MessageKind};
use crate::store::{messages, Store};
use crate::{Error, Result};

/// The built-in templates, for the message menu.
pub fn templates() -> Vec<TemplateInfo> {
    compose::builtin_templates()
}

/// Drafts for every channel of `scenario` (the advice's when absent); `choices` holds each
/// channel's picked phrasings.
pub fn drafts(
    situation: Value,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
    choices: &BTreeMap<Channel, BTreeMap<String, usize>>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Draft>> {
    let situation = super::situation(situation, now)?;
    compose::compose_all(&situation, scenario, formality, choices, now)
}

/// A draft to keep in History.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftToSave {
    /// The Situation it was written for.
    pub situation: Value,
    /// The opportunity it belongs to, when the window already has one.
    #[serde(default)]
    pub opportunity_id: Option<i64>,
    /// Its channel.
    pub channel: Channel,
    /// Subject (email).
    #[serde(default)]
    pub subject: Option<String>,
    /// The text.
    pub body: String,
}

/// Where a saved draft went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Saved {
    /// The opportunity (the one given, or a new one).
    pub opportunity_id: i64,
    /// The message.
    pub message_id: i64,
}

/// Saves a draft in History against its opportunity, creating the opportunity for the
/// Situation when there is none yet. One transaction.
pub fn save_draft(
    store: &mut Store,
    draft: &DraftToSave,
    now: DateTime<FixedOffset>,
) -> Result<Saved> {
    let situation = super::situation(draft.situation.clone(), now)?;
    messages::check_message(draft.channel.as_str(), &draft.body)?;
    let subject = draft
        .subject
        .as_deref()
        .filter(|s| draft.channel == Channel::Email && !s.trim().is_empty());
    let at = stamp(now);
    write(store, "saving the draft", |tx, path| {
        let opportunity_id = ensure_opportunity(tx, path, draft.opportunity_id, &situation, now)?;
        let message_id = messages::insert_draft(
            tx,
            path,
            opportunity_id,
            draft.channel.as_str(),
            subject,
            &draft.body,
            &at,
        )?;
        Ok(Saved {
            opportunity_id,
            message_id,
        })
    })
}

/// The file formats a draft exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftFormat {
    /// An unsent email message (RFC 5322).
    Eml,
    /// Plain text.
    Txt,
}

/// Writes the draft as `.eml` or `.txt` into `dir` (a new file named after the company); returns
/// its path.
pub fn export(
    dir: &Path,
    message: &Outgoing,
    format: DraftFormat,
    company: &str,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf> {
    let (ext, content) = match format {
        DraftFormat::Eml => ("eml", send::eml(message, now)?),
        DraftFormat::Txt => ("txt", send::plain(message)),
    };
    send::write_export(dir, &send::file_stem(company, "draft"), ext, &content)
}

/// Opens the draft in the default mail program; returns the `mailto:` URL it used.
pub fn open_mail<E>(
    message: &Outgoing,
    open: impl FnOnce(&str) -> std::result::Result<(), E>,
) -> Result<String> {
    let url = send::mailto(message)?;
    send::open_in_mail_client(&url, open)?;
    Ok(url)
}

/// Reads a format name given on the command line.
pub fn draft_format(name: &str) -> Result<DraftFormat> {
    match name {
        "eml" => Ok(DraftFormat::Eml),
        "txt" => Ok(DraftFormat::Txt),
        other => Err(Error::invalid(
            "format",
            format!("“{other}” is not one of: eml, txt"),
        )),
    }
}
