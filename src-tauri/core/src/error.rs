//! The one error type of the core crate. Each variant carries what a person needs to act on it;
//! the app maps variants to a fixed set of IPC codes and CLI exit codes.

use std::path::PathBuf;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input from the user or a file failed validation; `field` names what to fix.
    #[error("{field}: {message}")]
    InvalidInput {
        /// The field or argument that is wrong, as the user knows it.
        field: String,
        /// What is wrong with it and what would be accepted.
        message: String,
    },
    /// The data folder cannot be created, written or read.
    #[error("the data folder {} cannot be used: {reason}", path.display())]
    DataDir {
        /// The folder Politely tried to use.
        path: PathBuf,
        /// Why it cannot be used, in plain words.
        reason: String,
    },
    /// The database file is damaged or is not a database at all.
    #[error("the history database {} is damaged ({detail}); restore a backup or start a new one — the damaged file is kept", path.display())]
    DatabaseDamaged {
        /// The database file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// The database was written by a newer Politely.
    #[error("the history database {} was written by a newer version of Politely (schema {found}, this version knows up to {supported}); it was left untouched — update Politely to open it", path.display())]
    DatabaseTooNew {
        /// The database file.
        path: PathBuf,
        /// Schema version found in the file.
        found: i64,
        /// Newest schema this build understands.
        supported: i64,
    },
    /// Reading or writing stored data failed (disk full, read-only file, locked…).
    #[error("{action} failed: {reason}")]
    Storage {
        /// What was being done, e.g. "saving the note".
        action: String,
        /// Why it failed, in plain words.
        reason: String,
    },
    /// Something on the computer that Politely hands work to is not there (a mail program,
    /// a notification service, a program to open a link).
    #[error("{what}: {reason}")]
    Unavailable {
        /// What could not be done, e.g. "opening your mail program".
        what: String,
        /// Why, and what to do instead, in plain words.
        reason: String,
    },
    /// A record the user referred to does not exist.
    #[error("{what} was not found")]
    NotFound {
        /// What was looked for, e.g. "opportunity 12".
        what: String,
    },
}

/// Result with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_and_the_folder() {
        let e = Error::invalid("company", "is required");
        assert_eq!(e.to_string(), "company: is required");
        let e = Error::DataDir {
            path: PathBuf::from("/nowhere/politely"),
            reason: "it is not a folder".into(),
        };
        assert_eq!(
            e.to_string(),
            "the data folder /nowhere/politely cannot be used: it is not a folder"
        );
    }
}
