//! The career folder: an embedded SQLite database (`politely.db` in the data folder) holding every
//! opportunity, decision, message, reply, note and status change. Opening it never changes a file
//! it cannot understand: a damaged file or one from a newer Politely is reported and left as is.

/// For one table: a typed reader of its rows by column name, and an insert that keeps a row's id
/// and leaves an existing id alone (used by import). Both come from the one list of columns.
macro_rules! table_row {
    ($table:literal, $read:ident, $insert:ident, $ty:ident { $($field:ident),* $(,)? }) => {
        pub(crate) fn $read(row: &rusqlite::Row<'_>) -> rusqlite::Result<$ty> {
            Ok($ty { $($field: row.get(stringify!($field))?),* })
        }

        /// Inserts `row` under its own id unless that id exists; returns whether it was added.
        pub(crate) fn $insert(tx: &rusqlite::Transaction<'_>, row: &$ty) -> rusqlite::Result<bool> {
            static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
            let sql = SQL.get_or_init(|| {
                let columns = [$(stringify!($field)),*];
                let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
                format!(
                    "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING",
                    $table,
                    columns.join(", "),
                    marks.join(", ")
                )
            });
            Ok(tx.prepare_cached(sql)?.execute(rusqlite::params![$(row.$field),*])? > 0)
        }
    };
}

pub mod backup;
pub mod decisions;
pub mod detail;
pub mod export;
mod import;
mod import_check;
pub mod list;
pub mod messages;
pub mod notes;
pub mod opportunities;
pub mod practice_runs;
pub mod records;
pub mod reminders;
pub mod replies;
pub mod settings;
pub mod status_events;
pub mod synthetic;
pub mod user_templates;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use rusqlite_migration::{Migrations, M};

use crate::data_dir::DataDir;
use crate::{Error, Result};

/// File name of the database inside the data folder.
pub const DB_FILE: &str = "politely.db";

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_initial.sql")),
        M::up(include_str!("migrations/0002_user_templates.sql")),
        M::up(include_str!("migrations/0003_reminders.sql")),
    ])
});

/// Schema version this build writes (SQLite `user_version`).
pub const SCHEMA_VERSION: i64 = 3;

/// An open career folder.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating or migrating as needed) the database in `data_dir`.
    pub fn open(data_dir: &DataDir) -> Result<Store> {
        data_dir.ensure_usable()?;
        Self::open_file(&data_dir.path().join(DB_FILE))
    }

    /// Opens the database at `path`; see [`Store::open`].
    pub fn open_file(path: &Path) -> Result<Store> {
        let existing = path.exists();
        if existing {
            // Look before touching: read-only, so a damaged or newer file stays byte-identical.
            let found = read_only_version(path)?;
            if found > SCHEMA_VERSION {
                return Err(Error::DatabaseTooNew {
                    path: path.to_path_buf(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            if found > 0 && found < SCHEMA_VERSION {
                backup::backup_file(path, "before-migration")?;
            }
        }
        let mut conn =
            Connection::open(path).map_err(|e| storage_error(path, "opening the history", e))?;
        // Before WAL mode: SQLite gives its -wal and -shm files the database file's permissions.
        crate::data_dir::private_file(path);
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )
        .map_err(|e| storage_error(path, "preparing the history", e))?;
        MIGRATIONS.to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => {
                storage_error(path, "updating the history", err)
            }
            other => Error::Storage {
                action: "updating the history".into(),
                reason: other.to_string(),
            },
        })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one transaction: all of it is stored, or none of it.
    pub fn write<T>(
        &mut self,
        action: &str,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| storage_error(&path, action, e))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| storage_error(&path, action, e))?;
        Ok(value)
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check`: `Ok` when SQLite finds nothing wrong.
    pub fn integrity_check(&self) -> Result<()> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| storage_error(&self.path, "checking the history", e))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(Error::DatabaseDamaged {
                path: self.path.clone(),
                detail: result,
            })
        }
    }
}

fn read_only_version(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| storage_error(path, "opening the history", e))?;
    let version: Option<i64> = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .optional()
        .map_err(|e| storage_error(path, "opening the history", e))?;
    // Reading the schema proves the file is a database, not just that it has a header.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| storage_error(path, "opening the history", e))?;
    Ok(version.unwrap_or(0))
}

/// Maps a SQLite failure to an error a person can act on.
pub(crate) fn storage_error(path: &Path, action: &str, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(failure, detail) = &e {
        let reason = match failure.code {
            C::DatabaseCorrupt | C::NotADatabase => {
                return Error::DatabaseDamaged {
                    path: path.to_path_buf(),
                    detail: detail
                        .clone()
                        .unwrap_or_else(|| "not a valid database".into()),
                }
            }
            C::DiskFull => "the disk is full; nothing was changed".to_owned(),
            C::ReadOnly => "the database file is read-only; nothing was changed".to_owned(),
            C::CannotOpen | C::PermissionDenied => {
                "the database file cannot be opened (check its permissions)".to_owned()
            }
            C::DatabaseBusy | C::DatabaseLocked => {
                "another program is using the history; try again".to_owned()
            }
            _ => e.to_string(),
        };
        return Error::Storage {
            action: action.to_owned(),
            reason,
        };
    }
    Error::Storage {
        action: action.to_owned(),
        reason: e.to_string(),
    }
}

/// The current time as stored: RFC 3339 in UTC with seconds.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests;
