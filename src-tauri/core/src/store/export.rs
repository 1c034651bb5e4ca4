//! Export and import of the whole career folder. JSON is the full-fidelity, versioned format
//! (every table, ids kept; importing an export into an empty folder and exporting again gives the
//! same bytes). CSV is one row per opportunity; Markdown a readable folder to keep or print.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::records::*;
use super::{storage_error, Store};
use crate::{Error, Result};

/// `format` value of a JSON export.
pub const FORMAT: &str = "politely-history";
/// Version of the JSON export this build writes.
pub const VERSION: u32 = 1;

/// The JSON export: every table, ordered by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always `politely-history`.
    pub format: String,
    /// Format version.
    pub version: u32,
    /// Opportunities.
    pub opportunities: Vec<Opportunity>,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Messages.
    pub messages: Vec<Message>,
    /// Replies.
    pub replies: Vec<Reply>,
    /// Notes.
    pub notes: Vec<Note>,
    /// Status changes.
    pub status_events: Vec<StatusEvent>,
    /// Practice runs.
    pub practice_runs: Vec<PracticeRun>,
    /// Reminders.
    pub reminders: Vec<Reminder>,
}

/// What an import added and what it left alone, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Nothing was stored (`--dry-run`).
    pub dry_run: bool,
    /// Rows added per table.
    pub added: BTreeMap<&'static str, usize>,
    /// Ids of records already in the history (the same records), per table; not touched.
    pub skipped_ids: BTreeMap<&'static str, Vec<i64>>,
    /// `[id in the file, id given]` of records whose id was taken by a different record of the
    /// user's, per table: stored under a new id, never attached to that record.
    pub remapped: BTreeMap<&'static str, Vec<[i64; 2]>>,
}

impl Store {
    /// The whole folder as the versioned JSON document.
    pub fn export(&self) -> Result<Export> {
        let c = self.conn();
        let e = |err| storage_error(self.path(), "exporting the history", err);
        Ok(Export {
            format: FORMAT.into(),
            version: VERSION,
            opportunities: all(c, "opportunities", read_opportunity).map_err(e)?,
            decisions: all(c, "decisions", read_decision).map_err(e)?,
            messages: all(c, "messages", read_message).map_err(e)?,
            replies: all(c, "replies", read_reply).map_err(e)?,
            notes: all(c, "notes", read_note).map_err(e)?,
            status_events: all(c, "status_events", read_event).map_err(e)?,
            practice_runs: all(c, "practice_runs", read_practice).map_err(e)?,
            reminders: all(c, "reminders", read_reminder).map_err(e)?,
        })
    }
}

/// Parses and checks a JSON export.
pub fn parse_export(text: &str) -> Result<Export> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::invalid("input", format!("is not valid JSON: {e}")))?;
    if value["format"] != FORMAT {
        return Err(Error::invalid(
            "format",
            format!("this is not a Politely history export (expected \"format\": \"{FORMAT}\")"),
        ));
    }
    match value["version"].as_u64() {
        Some(v) if v as u32 == VERSION => {}
        Some(v) if v > VERSION as u64 => {
            return Err(Error::invalid("version", format!("the export is version {v}, written by a newer Politely; this one reads version {VERSION}")))
        }
        _ => return Err(Error::invalid("version", format!("must be {VERSION}"))),
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        Error::invalid(path, e.inner().to_string())
    })
}

/// The JSON export as text (pretty, one trailing newline).
pub fn to_json(export: &Export) -> String {
    let mut text = serde_json::to_string_pretty(export).expect("an export serializes");
    text.push('\n');
    text
}

/// One CSV row per opportunity (RFC 4180). Cells that a spreadsheet would run as a formula
/// (starting with = + - @) get a leading apostrophe; the JSON export keeps the exact text.
pub fn to_csv(export: &Export) -> String {
    let mut out = String::from(
        "id,company,role,contact_name,contact_email,status,stage,origin_channel,invited_at,interview_at,messages,sent,replies,notes,created_at,updated_at,deleted_at\r\n",
    );
    let count = |opp: i64, ids: &mut dyn Iterator<Item = i64>| {
        ids.filter(|id| *id == opp).count().to_string()
    };
    for o in &export.opportunities {
        let cells = [
            o.id.to_string(),
            o.company.clone(),
            o.role.clone(),
            o.contact_name.clone().unwrap_or_default(),
            o.contact_email.clone().unwrap_or_default(),
            o.status.clone(),
            o.stage.clone(),
            o.origin_channel.clone(),
            o.invited_at.clone(),
            o.interview_at.clone().unwrap_or_default(),
            count(o.id, &mut export.messages.iter().map(|m| m.opportunity_id)),
            count(
                o.id,
                &mut export
                    .messages
                    .iter()
                    .filter(|m| m.status == "sent")
                    .map(|m| m.opportunity_id),
            ),
            count(o.id, &mut export.replies.iter().map(|r| r.opportunity_id)),
            count(o.id, &mut export.notes.iter().map(|n| n.opportunity_id)),
            o.created_at.clone(),
            o.updated_at.clone(),
            o.deleted_at.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A readable career folder in Markdown. User text is escaped or fenced so it is shown, never
/// interpreted as Markdown or HTML.
pub fn to_markdown(export: &Export) -> String {
    let mut out = String::from("# Career folder\n\nExported from Politely.\n");
    for o in export
        .opportunities
        .iter()
        .filter(|o| o.deleted_at.is_none())
    {
        let _ = write!(
            out,
            "\n## {} — {}\n\n",
            md_escape(&o.company),
            md_escape(&o.role)
        );
        let _ = writeln!(out, "- Status: {}", o.status);
        let _ = writeln!(out, "- Invited: {}", o.invited_at);
        if let Some(at) = &o.interview_at {
            let _ = writeln!(out, "- Interview: {at}");
        }
        if let Some(name) = &o.contact_name {
            let _ = writeln!(out, "- Contact: {}", md_escape(name));
        }
        for m in export.messages.iter().filter(|m| m.opportunity_id == o.id) {
            let when = m
                .sent_at
                .as_deref()
                .map(|s| format!("sent {s}"))
                .unwrap_or_else(|| format!("draft, {}", m.created_at));
            let _ = write!(out, "\n### Message by {} ({when})\n\n", m.channel);
            if let Some(subject) = &m.subject {
                let _ = writeln!(out, "Subject: {}\n", md_escape(subject));
            }
            out.push_str(&fence(&m.body));
        }
        for r in export.replies.iter().filter(|r| r.opportunity_id == o.id) {
            let _ = write!(out, "\n### Reply received {}\n\n", r.received_at);
            out.push_str(&fence(&r.body));
        }
        for n in export.notes.iter().filter(|n| n.opportunity_id == o.id) {
            let _ = write!(out, "\n### Note, {}\n\n", n.created_at);
            out.push_str(&fence(&n.body));
        }
    }
    out
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-.!|&".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    format!("{ticks}text\n{text}\n{ticks}\n")
}
