//! The one error type that crosses IPC. It serializes as `{"code": "...", "message": "..."}`;
//! the codes are a closed list the front end branches on, the message is for people.

use politely_core::decide::Problem;
use politely_core::Error;
use serde::Serialize;

/// The fixed list of error codes the window can receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Something the user entered must be corrected; the message names the field.
    InvalidInput,
    /// The data folder cannot be created or written.
    DataDir,
    /// The history database is damaged: offer restore-from-backup or start-new.
    DatabaseDamaged,
    /// The history database comes from a newer Politely and was left untouched.
    DatabaseTooNew,
    /// Reading or writing the history failed (disk full, read-only, busy…).
    Storage,
    /// The record asked for does not exist.
    NotFound,
    /// A program or service on the computer is missing (mail program, notifications).
    Unavailable,
}

/// A failed command as the window sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// Machine-readable category.
    pub code: ErrorCode,
    /// Readable explanation, shown to the user as is.
    pub message: String,
}

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        let code = match &error {
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::DataDir { .. } => ErrorCode::DataDir,
            Error::DatabaseDamaged { .. } => ErrorCode::DatabaseDamaged,
            Error::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            Error::Storage { .. } => ErrorCode::Storage,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Unavailable { .. } => ErrorCode::Unavailable,
        };
        IpcError {
            code,
            message: error.to_string(),
        }
    }
}

impl From<Vec<Problem>> for IpcError {
    /// Several validation problems become one message, each naming its field.
    fn from(problems: Vec<Problem>) -> Self {
        let message = problems
            .iter()
            .map(|p| format!("{}: {}", p.field, p.message))
            .collect::<Vec<_>>()
            .join("\n");
        IpcError {
            code: ErrorCode::InvalidInput,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn ipc_error_json_is_code_and_message_only() {
        let json = serde_json::to_value(IpcError::from(Error::invalid("company", "is required")))
            .expect("IpcError serializes");
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "company: is required"})
        );
        let json = serde_json::to_value(IpcError::from(Error::DataDir {
            path: PathBuf::from("/x"),
            reason: "the disk is full".into(),
        }))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "data_dir", "message": "the data folder /x cannot be used: the disk is full"})
        );
    }
}
