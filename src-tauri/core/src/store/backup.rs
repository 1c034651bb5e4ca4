//! Copies of the database in `backups/` beside it: before every migration, once a day at first
//! launch, and on request. The last [`KEEP`] are kept. Restoring or starting afresh moves the
//! current file aside; nothing here ever deletes the user's database.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{storage_error, Store, DB_FILE};
use crate::{Error, Result};

/// How many backups are kept.
pub const KEEP: usize = 7;

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was made (UTC, from its name), e.g. `20261126-132233`.
    pub stamp: String,
    /// Why it was made: `manual`, `daily` or `before-migration`.
    pub label: String,
    /// Size in bytes.
    pub bytes: u64,
}

fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stamp() -> String {
    chrono::Utc::now().format("%Y%m%d-%H%M%S").to_string()
}

/// Writes a consistent copy of the database file at `db` (SQLite's `VACUUM INTO`), then prunes.
pub fn backup_file(db: &Path, label: &str) -> Result<PathBuf> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| Error::Storage {
        action: "making a backup".into(),
        reason: format!("{} cannot be created ({e})", dir.display()),
    })?;
    let mut target = dir.join(format!("politely-{}-{label}.db", stamp()));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("politely-{}-{label}-{n}.db", stamp()));
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| storage_error(db, "making a backup", e))?;
    crate::data_dir::private_dir(&dir);
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])
        .map_err(|e| storage_error(db, "making a backup", e))?;
    crate::data_dir::private_file(&target);
    prune(&dir)?;
    Ok(target)
}

/// Backups in `data_dir`'s `backups/`, newest first.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = data_dir.join("backups");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<BackupInfo> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix("politely-")?.strip_suffix(".db")?;
            let (date, rest) = rest.split_at_checked(15)?;
            Some(BackupInfo {
                path: entry.path(),
                stamp: date.to_owned(),
                label: rest.trim_start_matches('-').to_owned(),
                bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| b.path.file_name().cmp(&a.path.file_name()));
    Ok(out)
}

fn prune(dir: &Path) -> Result<()> {
    let data_dir = dir.parent().unwrap_or(Path::new("."));
    for old in list(data_dir)?.into_iter().skip(KEEP) {
        std::fs::remove_file(&old.path).map_err(|e| Error::Storage {
            action: "removing an old backup".into(),
            reason: format!("{} ({e})", old.path.display()),
        })?;
    }
    Ok(())
}

impl Store {
    /// A backup now.
    pub fn backup(&self, label: &str) -> Result<PathBuf> {
        backup_file(self.path(), label)
    }

    /// A backup unless one was already made today (UTC); returns it when made.
    pub fn backup_if_due(&self) -> Result<Option<PathBuf>> {
        let today = chrono::Utc::now().format("%Y%m%d").to_string();
        let dir = self.path().parent().unwrap_or(Path::new("."));
        if list(dir)?.iter().any(|b| b.stamp.starts_with(&today)) {
            return Ok(None);
        }
        self.backup("daily").map(Some)
    }
}

/// Moves `politely.db` (and its WAL files) aside as `politely.db.<why>-<stamp>`; returns the new name.
pub fn move_aside(data_dir: &Path, why: &str) -> Result<Option<PathBuf>> {
    let db = data_dir.join(DB_FILE);
    if !db.exists() {
        return Ok(None);
    }
    let aside = data_dir.join(format!("{DB_FILE}.{why}-{}", stamp()));
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", db.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&from, &to).map_err(|e| Error::Storage {
                action: "moving the old database aside".into(),
                reason: format!("{} → {} ({e})", from.display(), to.display()),
            })?;
        }
    }
    Ok(Some(aside))
}

/// The tables every Politely history has; a file without them is not one of ours.
const OUR_TABLES: [&str; 6] = [
    "opportunities",
    "decisions",
    "messages",
    "replies",
    "notes",
    "status_events",
];

/// Checks that `file` is a Politely history this version can read, before anything is moved:
/// an SQLite file (header), whole (`integrity_check`), with our tables, and a schema version no
/// newer than this build's. Reads it only; never changes it.
pub fn check_restorable(file: &Path) -> Result<()> {
    use std::io::Read;
    let refuse = |why: String| {
        Error::invalid(
            "backup",
            format!(
                "{} is not a Politely history ({why}); nothing was changed",
                file.display()
            ),
        )
    };
    let meta = std::fs::metadata(file).map_err(|_| Error::NotFound {
        what: format!("backup {}", file.display()),
    })?;
    if !meta.is_file() {
        return Err(refuse("it is not a file".into()));
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(file)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok();
    if !read || &header != b"SQLite format 3\0" {
        return Err(refuse("it is not an SQLite database".into()));
    }
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| refuse(format!("it cannot be opened: {e}")))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| refuse(format!("it cannot be read: {e}")))?;
    if integrity != "ok" {
        return Err(refuse(format!("it is damaged: {integrity}")));
    }
    for table in OUR_TABLES {
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| refuse(format!("it cannot be read: {e}")))?;
        if found == 0 {
            return Err(refuse(format!("it has no {table} table")));
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| refuse(format!("it cannot be read: {e}")))?;
    if version > super::SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            path: file.to_path_buf(),
            found: version,
            supported: super::SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Replaces the database with a backup, once [`check_restorable`] accepts it; the current file
/// is moved aside, not deleted.
pub fn restore(data_dir: &Path, backup: &Path) -> Result<Option<PathBuf>> {
    check_restorable(backup)?;
    let aside = move_aside(data_dir, "replaced")?;
    std::fs::copy(backup, data_dir.join(DB_FILE)).map_err(|e| Error::Storage {
        action: "restoring the backup".into(),
        reason: e.to_string(),
    })?;
    crate::data_dir::private_file(&data_dir.join(DB_FILE));
    Ok(aside)
}
