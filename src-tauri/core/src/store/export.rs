//! Export and import of the whole career folder. JSON is the full-fidelity, versioned format
//! (every table, ids kept; importing an export into an empty folder and exporting again gives the
//! same bytes). CSV is one row per opportunity; Markdown a readable folder to keep or print.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use rusqlite::{OptionalExtension, Transaction};
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

    /// Imports a JSON export in one transaction; with `dry_run` everything is checked, nothing kept.
    pub fn import(&mut self, text: &str, dry_run: bool) -> Result<ImportSummary> {
        let doc = parse_export(text)?;
        super::import_check::check(&doc)?;
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
        let opportunities = insert_all(&tx, doc, &mut summary).map_err(|e| match e {
            ImportError::Sql(table, id, err) => Error::invalid(
                "input",
                format!(
                    "{table} record {id} cannot be imported ({}); nothing was imported",
                    plain(&err)
                ),
            ),
        })?;
        // Opportunities added get their row once; ones that were there have theirs replaced.
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
            .filter(|o| !skipped.contains(&o.id))
            .filter_map(|o| opportunities.get(&o.id).copied())
            .collect();
        let to = |id: i64| opportunities.get(&id).copied().unwrap_or(id);
        let existing: std::collections::BTreeSet<i64> = doc
            .messages
            .iter()
            .map(|m| to(m.opportunity_id))
            .chain(doc.replies.iter().map(|r| to(r.opportunity_id)))
            .chain(doc.notes.iter().map(|n| to(n.opportunity_id)))
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

/// Ids already taken in a table (by the history or the file) and the next free one.
struct Ids {
    next: i64,
}

impl Ids {
    fn new(tx: &Transaction<'_>, table: &'static str, file_max: i64) -> Result<Ids, ImportError> {
        let max: i64 = tx
            .query_row(
                &format!("SELECT coalesce(max(id), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )
            .map_err(|e| ImportError::Sql(table, 0, e))?;
        Ok(Ids {
            next: max.max(file_max) + 1,
        })
    }

    fn take(&mut self) -> i64 {
        self.next += 1;
        self.next - 1
    }
}

/// One table's import: each row is new (kept under its id), already there (the same record:
/// skipped), or collides with a different record of the user's (stored under a new id, and
/// every reference to it follows). Returns old id → id in the history.
#[allow(clippy::too_many_arguments)]
fn import_table<T: Clone>(
    tx: &Transaction<'_>,
    summary: &mut ImportSummary,
    table: &'static str,
    rows: &[T],
    id: fn(&T) -> i64,
    set_id: fn(&mut T, i64),
    relink: &dyn Fn(&mut T),
    same: fn(&T, &T) -> bool,
    find: &str,
    key: fn(&T) -> Vec<rusqlite::types::Value>,
    read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    insert: fn(&Transaction<'_>, &T) -> rusqlite::Result<bool>,
) -> std::result::Result<HashMap<i64, i64>, ImportError> {
    let mut ids = Ids::new(tx, table, rows.iter().map(id).max().unwrap_or(0))?;
    let mut map = HashMap::with_capacity(rows.len());
    let mut existing = tx
        .prepare_cached(&format!("SELECT * FROM {table} WHERE id = ?1"))
        .map_err(|e| ImportError::Sql(table, 0, e))?;
    let mut same_elsewhere = tx
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE {find} ORDER BY id LIMIT 1"
        ))
        .map_err(|e| ImportError::Sql(table, 0, e))?;
    for row in rows {
        let old = id(row);
        let mut row = row.clone();
        relink(&mut row);
        let found = existing
            .query_row([old], read)
            .optional()
            .map_err(|e| ImportError::Sql(table, old, e))?;
        let new = match found {
            Some(there) if same(&there, &row) => {
                summary.skipped_ids.entry(table).or_default().push(old);
                map.insert(old, old);
                continue;
            }
            Some(_) => {
                // Imported before under another id?
                let before: Option<i64> = same_elsewhere
                    .query_row(rusqlite::params_from_iter(key(&row)), |r| r.get(0))
                    .optional()
                    .map_err(|e| ImportError::Sql(table, old, e))?;
                if let Some(there) = before {
                    summary.skipped_ids.entry(table).or_default().push(old);
                    map.insert(old, there);
                    continue;
                }
                let new = ids.take();
                set_id(&mut row, new);
                summary.remapped.entry(table).or_default().push([old, new]);
                new
            }
            None => old,
        };
        insert(tx, &row).map_err(|e| ImportError::Sql(table, old, e))?;
        *summary.added.entry(table).or_default() += 1;
        map.insert(old, new);
    }
    Ok(map)
}

/// Imports every table; returns the opportunities' old id → id in the history.
fn insert_all(
    tx: &Transaction<'_>,
    d: &Export,
    s: &mut ImportSummary,
) -> std::result::Result<HashMap<i64, i64>, ImportError> {
    let opp = import_table(
        tx,
        s,
        "opportunities",
        &d.opportunities,
        |r| r.id,
        |r, id| r.id = id,
        &|_| {},
        // created_at never changes: with the same company, role and invitation it is the same record.
        |a, b| {
            (&a.company, &a.role, &a.invited_at, &a.created_at)
                == (&b.company, &b.role, &b.invited_at, &b.created_at)
        },
        "company = ?1 AND role = ?2 AND invited_at = ?3 AND created_at = ?4",
        |r| {
            vec![
                r.company.clone().into(),
                r.role.clone().into(),
                r.invited_at.clone().into(),
                r.created_at.clone().into(),
            ]
        },
        read_opportunity,
        insert_opportunity,
    )?;
    let to = |old: i64| opp.get(&old).copied().unwrap_or(old);
    import_table(
        tx,
        s,
        "decisions",
        &d.decisions,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = to(r.opportunity_id),
        |a, b| {
            (a.opportunity_id, &a.created_at, &a.situation)
                == (b.opportunity_id, &b.created_at, &b.situation)
        },
        "opportunity_id = ?1 AND created_at = ?2 AND situation = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.created_at.clone().into(),
                r.situation.clone().into(),
            ]
        },
        read_decision,
        insert_decision,
    )?;
    // Messages first without their "takes back" link, so a remapped message can be pointed at.
    let messages = import_table(
        tx,
        s,
        "messages",
        &d.messages,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = to(r.opportunity_id),
        |a, b| {
            (a.opportunity_id, &a.created_at, &a.body) == (b.opportunity_id, &b.created_at, &b.body)
        },
        "opportunity_id = ?1 AND created_at = ?2 AND body = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.created_at.clone().into(),
                r.body.clone().into(),
            ]
        },
        read_message,
        insert_message,
    )?;
    for m in &d.messages {
        if let (Some(back), Some(&now)) = (m.reopens_message_id, messages.get(&m.id)) {
            let target = messages.get(&back).copied().unwrap_or(back);
            if target != back || now != m.id {
                tx.execute(
                    "UPDATE messages SET reopens_message_id = ?2 WHERE id = ?1",
                    rusqlite::params![now, target],
                )
                .map_err(|e| ImportError::Sql("messages", m.id, e))?;
            }
        }
    }
    import_table(
        tx,
        s,
        "replies",
        &d.replies,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = to(r.opportunity_id),
        |a, b| {
            (a.opportunity_id, &a.received_at, &a.body)
                == (b.opportunity_id, &b.received_at, &b.body)
        },
        "opportunity_id = ?1 AND received_at = ?2 AND body = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.received_at.clone().into(),
                r.body.clone().into(),
            ]
        },
        read_reply,
        insert_reply,
    )?;
    import_table(
        tx,
        s,
        "notes",
        &d.notes,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = to(r.opportunity_id),
        |a, b| {
            (a.opportunity_id, &a.created_at, &a.body) == (b.opportunity_id, &b.created_at, &b.body)
        },
        "opportunity_id = ?1 AND created_at = ?2 AND body = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.created_at.clone().into(),
                r.body.clone().into(),
            ]
        },
        read_note,
        insert_note,
    )?;
    import_table(
        tx,
        s,
        "status_events",
        &d.status_events,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = to(r.opportunity_id),
        |a, b| (a.opportunity_id, &a.at, &a.to_status) == (b.opportunity_id, &b.at, &b.to_status),
        "opportunity_id = ?1 AND at = ?2 AND to_status = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.at.clone().into(),
                r.to_status.clone().into(),
            ]
        },
        read_event,
        insert_event,
    )?;
    import_table(
        tx,
        s,
        "practice_runs",
        &d.practice_runs,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = r.opportunity_id.map(to),
        |a, b| {
            (a.opportunity_id, &a.created_at, a.duration_ms)
                == (b.opportunity_id, &b.created_at, b.duration_ms)
        },
        "opportunity_id IS ?1 AND created_at = ?2 AND duration_ms = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.created_at.clone().into(),
                r.duration_ms.into(),
            ]
        },
        read_practice,
        insert_practice,
    )?;
    import_table(
        tx,
        s,
        "reminders",
        &d.reminders,
        |r| r.id,
        |r, id| r.id = id,
        &|r| r.opportunity_id = r.opportunity_id.map(to),
        |a, b| {
            (a.opportunity_id, &a.kind, &a.created_at) == (b.opportunity_id, &b.kind, &b.created_at)
        },
        "opportunity_id IS ?1 AND kind = ?2 AND created_at = ?3",
        |r| {
            vec![
                r.opportunity_id.into(),
                r.kind.clone().into(),
                r.created_at.clone().into(),
            ]
        },
        read_reminder,
        insert_reminder,
    )?;
    Ok(opp)
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
