//! Importing a JSON export: checked first (`import_check`), then written in one transaction,
//! each record kept under its id, recognised when it is already there, or given a new id when
//! its id belongs to a different record of the user's — never attached to it.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction};

use super::export::{parse_export, Export, ImportSummary};
use super::records::*;
use super::{storage_error, Store};
use crate::{Error, Result};

impl Store {
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
