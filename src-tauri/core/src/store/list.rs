//! The history list: filtered by status, channel and dates, and searched through the full-text
//! index (every word the user typed quoted, so no search syntax of theirs is ever run).

use serde::{Deserialize, Serialize};

use super::Store;
use crate::{Error, Result};

/// A line of the history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Opportunity id.
    pub id: i64,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Contact's name.
    pub contact_name: Option<String>,
    /// Status.
    pub status: String,
    /// When the invitation arrived.
    pub invited_at: String,
    /// Last change.
    pub updated_at: String,
    /// In the trash since.
    pub deleted_at: Option<String>,
}

/// What the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ListQuery {
    /// Words to find anywhere (company, role, contact, messages, replies, notes).
    pub search: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// Only opportunities with a message on this channel.
    pub channel: Option<String>,
    /// Invited on or after (RFC 3339 or YYYY-MM-DD).
    pub from: Option<String>,
    /// Invited before the end of this day / instant.
    pub to: Option<String>,
    /// The trash instead of the live list.
    pub trash: bool,
    /// Page size (default 50, at most 500).
    pub limit: Option<u32>,
    /// Rows to skip.
    pub offset: Option<u32>,
}

impl Store {
    /// The list, filtered: newest change first; with a search, the newest matching opportunity
    /// first. A search streams matches from the index newest-first and stops at the page's end,
    /// so a word found in every message costs no more than a rare one.
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Summary>> {
        let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
        if q.offset.unwrap_or(0) == 0 {
            // Whole words first: the index streams those lazily. Prefix matching ("robot" for
            // "Robotics") merges every word sharing the prefix, so it runs only when whole words
            // do not fill the page.
            if let Some(words) = q
                .search
                .as_deref()
                .map(|s| fts_query(s, false))
                .filter(|s| !s.is_empty())
            {
                let rows = self.list_matching(q, Some(words), limit)?;
                if rows.len() == limit {
                    return Ok(rows);
                }
            }
        }
        let prefixes = match q
            .search
            .as_deref()
            .filter(|text| words(text).next().is_some())
        {
            Some(text) => match self.prefix_query(text)? {
                Some(query) => Some(query),
                // A word that starts no indexed word: nothing can match.
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        self.list_matching(q, prefixes, limit)
    }

    /// `FROM … WHERE …` for the query's filters (and an FTS match), with its arguments.
    fn filtered(
        q: &ListQuery,
        search: Option<&str>,
    ) -> Result<(String, Vec<Box<dyn rusqlite::ToSql>>)> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut sql = String::from(" FROM ");
        if let Some(search) = search {
            args.push(Box::new(search.to_owned()));
            sql.push_str(
                "search s JOIN opportunities o ON o.id = s.rowid WHERE search MATCH ?1 AND ",
            );
        } else {
            sql.push_str("opportunities o WHERE ");
        }
        sql.push_str(if q.trash {
            "o.deleted_at IS NOT NULL"
        } else {
            "o.deleted_at IS NULL"
        });
        if let Some(status) = &q.status {
            args.push(Box::new(status.clone()));
            sql.push_str(&format!(" AND o.status = ?{}", args.len()));
        }
        if let Some(channel) = &q.channel {
            args.push(Box::new(channel.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM messages m WHERE m.opportunity_id = o.id AND m.channel = ?{})",
                args.len()
            ));
        }
        if let Some(from) = &q.from {
            args.push(Box::new(day_bound("from", from, false)?));
            sql.push_str(&format!(
                " AND unixepoch(o.invited_at) >= unixepoch(?{})",
                args.len()
            ));
        }
        if let Some(to) = &q.to {
            args.push(Box::new(day_bound("to", to, true)?));
            sql.push_str(&format!(
                " AND unixepoch(o.invited_at) < unixepoch(?{})",
                args.len()
            ));
        }
        Ok((sql, args))
    }

    /// How many opportunities the query finds in all (the list shows a page of them).
    pub fn count(&self, q: &ListQuery) -> Result<u64> {
        let search = match q
            .search
            .as_deref()
            .filter(|text| words(text).next().is_some())
        {
            Some(text) => match self.prefix_query(text)? {
                Some(query) => Some(query),
                None => return Ok(0),
            },
            None => None,
        };
        let (from_where, args) = Self::filtered(q, search.as_deref())?;
        let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|a| a.as_ref()).collect();
        self.sql(
            "counting the history",
            self.conn().query_row(
                &format!("SELECT count(*){from_where}"),
                params.as_slice(),
                |r| r.get::<_, i64>(0),
            ),
        )
        .map(|n| n.max(0) as u64)
    }

    fn list_matching(
        &self,
        q: &ListQuery,
        search: Option<String>,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let (from_where, args) = Self::filtered(q, search.as_deref())?;
        let mut sql = format!(
            "SELECT o.id, o.company, o.role, o.contact_name, o.status, o.invited_at, o.updated_at, o.deleted_at{from_where}"
        );
        let offset = q.offset.unwrap_or(0) as usize;
        if search.is_some() {
            sql.push_str(&format!(
                " ORDER BY s.rowid DESC LIMIT {limit} OFFSET {offset}"
            ));
        } else {
            sql.push_str(&format!(
                " ORDER BY o.updated_at DESC, o.id DESC LIMIT {limit} OFFSET {offset}"
            ));
        }
        let mut stmt = self.sql("listing the history", self.conn().prepare_cached(&sql))?;
        let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|a| a.as_ref()).collect();
        let rows = self.sql(
            "listing the history",
            stmt.query_map(params.as_slice(), |r| {
                Ok(Summary {
                    id: r.get(0)?,
                    company: r.get(1)?,
                    role: r.get(2)?,
                    contact_name: r.get(3)?,
                    status: r.get(4)?,
                    invited_at: r.get(5)?,
                    updated_at: r.get(6)?,
                    deleted_at: r.get(7)?,
                })
            }),
        )?;
        self.sql("listing the history", rows.collect())
    }
}

/// The words of a search as the index splits them (anything not a letter or digit separates).
fn words(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
}

/// One word as an FTS5 string: quoted, so no FTS5 syntax from the user is ever run.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Turns what the user typed into a safe FTS5 query: every word must match, whole or (with
/// `prefix`) as the start of a word.
pub fn fts_query(input: &str, prefix: bool) -> String {
    let star = if prefix { "*" } else { "" };
    words(input)
        .map(|w| format!("{}{star}", quoted(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Most indexed words a partial word is expanded into before falling back to a prefix scan.
const MAX_EXPANSION: usize = 32;

impl Store {
    /// The search with each word matching the start of a word. A partial word is expanded to the
    /// indexed words it starts ("reloc" → "relocate" OR "relocation"), which the index streams
    /// lazily; a plain prefix query would first merge every such word's entries. `None` when some
    /// word starts no indexed word at all. `input` holds at least one word.
    fn prefix_query(&self, input: &str) -> Result<Option<String>> {
        let mut parts = Vec::new();
        let mut stmt = self.sql(
            "searching",
            self.conn().prepare_cached(
                "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3",
            ),
        )?;
        for word in words(input) {
            let lower = word.to_lowercase();
            if !lower.is_ascii() {
                // Accents are folded by the index; let SQLite expand those itself.
                parts.push(format!("{}*", quoted(word)));
                continue;
            }
            let upper = format!("{lower}\u{10FFFF}");
            let terms: Vec<String> = self.sql(
                "searching",
                stmt.query_map(
                    rusqlite::params![lower, upper, MAX_EXPANSION as i64 + 1],
                    |r| r.get(0),
                )
                .and_then(|rows| rows.collect()),
            )?;
            match terms.len() {
                0 => return Ok(None),
                n if n > MAX_EXPANSION => parts.push(format!("{}*", quoted(word))),
                _ => parts.push(format!(
                    "({})",
                    terms
                        .iter()
                        .map(|t| quoted(t))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                )),
            }
        }
        Ok(Some(parts.join(" AND ")))
    }
}

fn day_bound(field: &str, value: &str, end: bool) -> Result<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
        return Ok(t.to_rfc3339());
    }
    let day = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("“{value}” is not a date like 2026-11-26")))?;
    let day = if end {
        day.succ_opt().unwrap_or(day)
    } else {
        day
    };
    Ok(format!("{day}T00:00:00Z"))
}
