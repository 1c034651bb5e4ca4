//! What a user does, one function per use case: record a decision, save a draft, record a sent
//! message, save a practice run, build the reminders page, proofread a draft with its Situation,
//! export a draft or the calendar… The window's commands and the CLI both call these and only
//! these, so a rule is decided in one place and every write a user makes is one transaction.
//!
//! A use case takes plain values (a Situation as the JSON the window or a file sent) and `now`,
//! the moment it should see: the callers pass the clock, tests pass a fixed time.

pub mod catalog;
pub mod compose;
pub mod decide;
pub mod history;
pub mod practice;
pub mod profile;
pub mod proofread;
pub mod read;
pub mod reminders;
pub mod templates;

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use crate::decide::{Problem, Situation};
use crate::store::records::status_of;
use crate::store::{opportunities, Store};
use crate::{Error, Result};

/// Reads a Situation the window or a file sent; `now` judges it when it carries no `now`.
/// Every problem is reported, each naming its field.
pub fn situation(value: Value, now: DateTime<FixedOffset>) -> Result<Situation> {
    Situation::from_value(value, now).map_err(problems)
}

/// Several validation problems as one error naming the first field and listing all of them.
pub fn problems(problems: Vec<Problem>) -> Error {
    let field = problems
        .first()
        .map_or_else(|| "situation".to_owned(), |p| p.field.clone());
    let message = problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                p.message.clone()
            } else {
                format!("{}: {}", p.field, p.message)
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    Error::invalid(field, message)
}

/// The stored form of `now`: RFC 3339 in UTC with seconds, as every table keeps its times.
pub(crate) fn stamp(now: DateTime<FixedOffset>) -> String {
    now.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The opportunity an action belongs to: `id` when the window already has one (it must exist
/// and not be in the trash), else a new one for `situation`, judged as the advice was. Decide,
/// Compose and Practise share the id this returns, so one invitation is one opportunity however
/// many times and in whatever order they save.
pub(crate) fn ensure_opportunity(
    tx: &rusqlite::Transaction<'_>,
    store_path: &std::path::Path,
    id: Option<i64>,
    situation: &Situation,
    now: DateTime<FixedOffset>,
) -> Result<i64> {
    match id {
        Some(id) => existing(tx, store_path, id),
        None => {
            let advice = crate::decide::advise(situation, situation.now_or(now));
            opportunities::create(tx, store_path, situation, Some(&advice), &stamp(now))
        }
    }
}

/// `id`, when it names a live opportunity (not in the trash); `NotFound` otherwise.
pub(crate) fn existing(
    tx: &rusqlite::Transaction<'_>,
    store_path: &std::path::Path,
    id: i64,
) -> Result<i64> {
    status_of(tx, store_path, id).map(|_| id)
}

/// Runs `f` as one write of `store`.
pub(crate) fn write<T>(
    store: &mut Store,
    action: &str,
    f: impl FnOnce(&rusqlite::Transaction<'_>, &std::path::Path) -> Result<T>,
) -> Result<T> {
    let path = store.path().to_path_buf();
    store.write(action, |tx| f(tx, &path))
}

#[cfg(test)]
mod tests;
