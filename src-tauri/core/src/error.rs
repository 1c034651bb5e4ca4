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
