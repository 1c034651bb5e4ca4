//! Export and import of the whole career folder. JSON is the full-fidelity, versioned format
//! (every table, ids kept; importing an export into an empty folder and exporting again gives the
//! same bytes). CSV is one row per opportunity; Markdown a readable folder to keep or print.

use std::collections::BTreeMap;
use std::fmt::Write;

use rusqlite::Transaction;
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
    /// Ids that already existed, per table; those rows were not touched.
    pub skipped_ids: BTreeMap<&'static str, Vec<i64>>,
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

    /// Imports a JSON export in one transaction; with `dry_run` everything is checked, nothing kept.
    pub fn import(&mut self, text: &str, dry_run: bool) -> Result<ImportSummary> {
        let doc = parse_export(text)?;
        // A large import touches many pages: give SQLite a bigger cache for its duration.
        let cache: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap_or(-2000);
        let _ = self.conn().execute_batch("PRAGMA cache_size = -262144;");
        let result = self.import_in_transaction(&doc, dry_run);
        let _ = self
            .conn()
            .execute_batch(&format!("PRAGMA cache_size = {cache};"));
        result
    }

    fn import_in_transaction(&mut self, doc: &Export, dry_run: bool) -> Result<ImportSummary> {
        let path = self.path().to_path_buf();
        let tx = self
            .conn_mut()
            .transaction()
            .map_err(|e| storage_error(&path, "importing", e))?;
        let mut summary = ImportSummary {
            dry_run,
            ..Default::default()
        };
        // Index once at the end instead of once per row: the search triggers are set aside for the
        // import and put back before commit (DDL is part of the transaction, so a failure restores them).
        let triggers = search_triggers(&tx).map_err(|e| storage_error(&path, "importing", e))?;
        for (name, _) in &triggers {
            tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))
                .map_err(|e| storage_error(&path, "importing", e))?;
        }
        insert_all(&tx, doc, &mut summary).map_err(|e| match e {
            ImportError::Sql(table, id, err) => Error::invalid(
                "input",
                format!(
                    "{table} record {id} cannot be imported ({}); nothing was imported",
                    plain(&err)
                ),
            ),
        })?;
        // New opportunities get their row once; ones that existed before have theirs replaced.
        let skipped: std::collections::BTreeSet<i64> = summary
            .skipped_ids
            .get("opportunities")
            .into_iter()
            .flatten()
            .copied()
            .collect();
        let new: std::collections::BTreeSet<i64> = doc
            .opportunities
            .iter()
            .map(|o| o.id)
            .filter(|id| !skipped.contains(id))
            .collect();
        let existing: std::collections::BTreeSet<i64> = doc
            .messages
            .iter()
            .map(|m| m.opportunity_id)
            .chain(doc.replies.iter().map(|r| r.opportunity_id))
            .chain(doc.notes.iter().map(|n| n.opportunity_id))
            .filter(|id| !new.contains(id))
            .collect();
        let reindex = || -> rusqlite::Result<()> {
            let mut delete = tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = ?1",
            )?;
            for id in &existing {
                delete.execute([id])?;
            }
            for id in new.iter().chain(&existing) {
                insert.execute([id])?;
            }
            for (_, sql) in &triggers {
                tx.execute_batch(sql)?;
            }
            Ok(())
        };
        reindex().map_err(|e| storage_error(&path, "indexing the import", e))?;
        if dry_run {
            tx.rollback()
                .map_err(|e| storage_error(&path, "importing", e))?;
        } else {
            tx.commit()
                .map_err(|e| storage_error(&path, "importing", e))?;
        }
        Ok(summary)
    }

    fn conn_mut(&mut self) -> &mut rusqlite::Connection {
        &mut self.conn
    }
}

/// Name and SQL of every trigger that keeps the search index up to date.
fn search_triggers(tx: &Transaction<'_>) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%INTO search %' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn plain(e: &rusqlite::Error) -> String {
    let text = e.to_string();
    if text.contains("FOREIGN KEY") {
        "it refers to a record that is neither in the file nor in the history".into()
    } else if text.contains("CHECK constraint") {
        "a value is outside what Politely accepts".into()
    } else {
        text
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

enum ImportError {
    Sql(&'static str, i64, rusqlite::Error),
}

/// Inserts each row that is new and reports each id that already existed.
fn import_rows<T>(
    tx: &Transaction<'_>,
    summary: &mut ImportSummary,
    table: &'static str,
    rows: &[T],
    id: fn(&T) -> i64,
    insert: fn(&Transaction<'_>, &T) -> rusqlite::Result<bool>,
) -> std::result::Result<(), ImportError> {
    for row in rows {
        let added = insert(tx, row).map_err(|e| ImportError::Sql(table, id(row), e))?;
        if added {
            *summary.added.entry(table).or_default() += 1;
        } else {
            summary.skipped_ids.entry(table).or_default().push(id(row));
        }
    }
    Ok(())
}

fn insert_all(
    tx: &Transaction<'_>,
    d: &Export,
    s: &mut ImportSummary,
) -> std::result::Result<(), ImportError> {
    import_rows(
        tx,
        s,
        "opportunities",
        &d.opportunities,
        |r| r.id,
        insert_opportunity,
    )?;
    import_rows(tx, s, "decisions", &d.decisions, |r| r.id, insert_decision)?;
    import_rows(tx, s, "messages", &d.messages, |r| r.id, insert_message)?;
    import_rows(tx, s, "replies", &d.replies, |r| r.id, insert_reply)?;
    import_rows(tx, s, "notes", &d.notes, |r| r.id, insert_note)?;
    import_rows(
        tx,
        s,
        "status_events",
        &d.status_events,
        |r| r.id,
        insert_event,
    )?;
    import_rows(
        tx,
        s,
        "practice_runs",
        &d.practice_runs,
        |r| r.id,
        insert_practice,
    )?;
    import_rows(tx, s, "reminders", &d.reminders, |r| r.id, insert_reminder)
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
