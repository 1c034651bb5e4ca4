//! The career folder: recording what happened to each invitation, reading it back, and the
//! files it is kept in (export, import, backups).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{stamp, write};
use crate::decide::{self, Advice};
use crate::store::backup::{self, BackupInfo};
use crate::store::detail::Detail;
use crate::store::export::{self, ImportSummary};
use crate::store::list::{ListQuery, Summary};
use crate::store::records::check_time;
use crate::store::{messages, opportunities, Store};
use crate::{Error, Result};

/// A decision recorded in History.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recorded {
    /// The opportunity it belongs to (new, or the one given).
    pub opportunity_id: i64,
    /// The advice stored with it.
    pub advice: Advice,
}

/// Records the wizard's decision: a new opportunity, or, with `opportunity_id`, a new decision
/// on that one (its facts follow the Situation). The advice stored is the one shown when the
/// Situation carries the `judged_at` of the advice the user saw as its `now`. One transaction.
pub fn record_decision(
    store: &mut Store,
    situation: Value,
    opportunity_id: Option<i64>,
    now: DateTime<FixedOffset>,
) -> Result<Recorded> {
    let situation = super::situation(situation, now)?;
    let advice = decide::advise(&situation, situation.now_or(now));
    let at = stamp(now);
    let opportunity_id = write(
        store,
        "saving the decision",
        |tx, path| match opportunity_id {
            Some(id) => {
                opportunities::update(tx, path, id, &situation, Some(&advice), &at).map(|()| id)
            }
            None => opportunities::create(tx, path, &situation, Some(&advice), &at),
        },
    )?;
    Ok(Recorded {
        opportunity_id,
        advice,
    })
}

/// One page of the list, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The opportunities on this page.
    pub rows: Vec<Summary>,
    /// How many the query finds in all.
    pub total: u64,
    /// Rows skipped before this page.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
}

/// The list, filtered and searched: a page of it (`limit`, `offset`) and the true total.
pub fn list(store: &Store, query: &ListQuery) -> Result<Page> {
    let limit = query.limit.unwrap_or(50).clamp(1, 500);
    let offset = query.offset.unwrap_or(0);
    Ok(Page {
        rows: store.list(query)?,
        total: store.count(query)?,
        offset,
        limit,
    })
}

/// Everything about one opportunity.
pub fn show(store: &Store, id: i64) -> Result<Detail> {
    store.show(id)
}

/// A message written outside Politely, or a draft from Compose, to record on an opportunity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageToRecord {
    /// The opportunity.
    pub opportunity_id: i64,
    /// `email`, `phone` or `linkedin`.
    pub channel: String,
    /// Subject (email).
    #[serde(default)]
    pub subject: Option<String>,
    /// The text.
    pub body: String,
    /// When it was sent (RFC 3339); a draft when absent.
    #[serde(default)]
    pub sent_at: Option<String>,
}

/// Records a message (marked sent when `sent_at` is given) in one transaction: a bad `sent_at`
/// stores nothing. Returns the message's id.
pub fn record_message(
    store: &mut Store,
    message: &MessageToRecord,
    now: DateTime<FixedOffset>,
) -> Result<i64> {
    messages::check_message(&message.channel, &message.body)?;
    let sent_at = message
        .sent_at
        .as_deref()
        .map(|t| check_time("sent_at", t))
        .transpose()?;
    let subject = message.subject.as_deref().filter(|s| !s.trim().is_empty());
    let at = stamp(now);
    write(store, "recording the message", |tx, path| {
        let id = messages::insert_draft(
            tx,
            path,
            message.opportunity_id,
            &message.channel,
            subject,
            &message.body,
            &at,
        )?;
        if let Some(sent_at) = &sent_at {
            messages::mark_sent(tx, path, id, sent_at, &at)?;
        }
        Ok(id)
    })
}

/// Marks a saved message sent at `sent_at`.
pub fn mark_sent(store: &mut Store, message_id: i64, sent_at: &str) -> Result<()> {
    store.mark_sent(message_id, sent_at)
}

/// Records a reply received at `received_at`.
pub fn add_reply(store: &mut Store, id: i64, body: &str, received_at: &str) -> Result<i64> {
    store.add_reply(id, body, received_at)
}

/// Adds a note.
pub fn add_note(store: &mut Store, id: i64, body: &str) -> Result<i64> {
    store.add_note(id, body)
}

/// The user changed their mind: returns the id of the new draft taking the decision back.
pub fn reopen(store: &mut Store, id: i64, body: &str) -> Result<i64> {
    store.reopen(id, body)
}

/// Closes an opportunity (one transaction: the status and its moot reminders); returns the
/// status it had, for Undo.
pub fn close(store: &mut Store, id: i64, now: DateTime<FixedOffset>) -> Result<String> {
    let at = stamp(now);
    write(store, "closing the opportunity", |tx, path| {
        let before = opportunities::status(tx, path, id)?;
        opportunities::close(tx, path, id, &at)?;
        Ok(before)
    })
}

/// Undo of [`close`]: back to the status it had.
pub fn undo_close(
    store: &mut Store,
    id: i64,
    status: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let at = stamp(now);
    write(store, "reopening the opportunity", |tx, path| {
        opportunities::unclose(tx, path, id, status, &at)
    })
}

/// Writes the whole history in `format` to `path` (a file the user chose); returns the path.
pub fn export_to(store: &Store, path: &Path, format: ExportFormat) -> Result<PathBuf> {
    let text = export(store, format)?;
    crate::compose::send::write_file(path, &text)?;
    Ok(path.to_path_buf())
}

/// Largest export file read for an import.
pub const MAX_IMPORT_BYTES: u64 = 256 << 20;

/// Imports the export at `path` (a file the user chose), checked by size before it is read.
pub fn import_from(store: &mut Store, path: &Path, dry_run: bool) -> Result<ImportSummary> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::invalid("file", format!("{} cannot be read: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(Error::invalid(
            "file",
            format!("{} is not a file", path.display()),
        ));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is larger than {} MiB",
                path.display(),
                MAX_IMPORT_BYTES >> 20
            ),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::invalid(
            "file",
            format!("{} is not a text export: {e}", path.display()),
        )
    })?;
    import(store, &text, dry_run)
}

/// Moves an opportunity to the trash.
pub fn delete(store: &mut Store, id: i64) -> Result<()> {
    store.delete(id)
}

/// Brings an opportunity back from the trash.
pub fn undelete(store: &mut Store, id: i64) -> Result<()> {
    store.restore_from_trash(id)
}

/// Backups in the data folder, newest first.
pub fn backups(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    backup::list(data_dir)
}

/// The backup called `name` in the backups list (the window restores only those, by name).
pub fn backup_named(data_dir: &Path, name: &str) -> Result<PathBuf> {
    backup::list(data_dir)?
        .into_iter()
        .find(|b| b.path.file_name().is_some_and(|f| f == name))
        .map(|b| b.path)
        .ok_or_else(|| Error::NotFound {
            what: format!("the backup “{name}”"),
        })
}

/// The formats History exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Everything, re-importable.
    Json,
    /// One line per opportunity, for spreadsheets.
    Csv,
    /// A readable document.
    Md,
}

/// The whole history as text in `format`.
pub fn export(store: &Store, format: ExportFormat) -> Result<String> {
    let data = store.export()?;
    Ok(match format {
        ExportFormat::Json => export::to_json(&data),
        ExportFormat::Csv => export::to_csv(&data),
        ExportFormat::Md => export::to_markdown(&data),
    })
}

/// Imports an export (or, with `dry_run`, says what it would add).
pub fn import(store: &mut Store, text: &str, dry_run: bool) -> Result<ImportSummary> {
    store.import(text, dry_run)
}
