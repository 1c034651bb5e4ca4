//! Where Politely keeps the user's data, and the check that it can really write there before
//! anything is stored. The choice is explicit and reported (flag, environment or OS default) so a
//! user who scripts the CLI, and every test, can keep data away from the real home folder.

use std::ffi::OsStr;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Error, Result};

/// The application identifier, shared with `tauri.conf.json`; the OS data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.politely.desktop";

/// Environment variable that overrides the data folder (the `--data-dir` flag wins over it).
pub const DATA_DIR_ENV: &str = "POLITELY_DATA_DIR";

/// How the data folder was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataDirSource {
    /// The `--data-dir` command-line flag.
    Flag,
    /// The `POLITELY_DATA_DIR` environment variable.
    Environment,
    /// The operating system's per-user application data folder.
    Default,
}

impl DataDirSource {
    /// A short phrase for people: where the choice came from.
    pub fn describe(self) -> &'static str {
        match self {
            DataDirSource::Flag => "set by --data-dir",
            DataDirSource::Environment => "set by POLITELY_DATA_DIR",
            DataDirSource::Default => "the system's app-data folder",
        }
    }
}

/// The folder holding the database, backups and exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataDir {
    path: PathBuf,
    source: DataDirSource,
}

impl DataDir {
    /// Chooses the folder: `flag` first, then `env` (an empty value counts as unset), then the OS
    /// default. A relative path is taken from the current folder so it stays the same if the
    /// process later changes directory.
    pub fn resolve(flag: Option<&Path>, env: Option<&OsStr>) -> Result<Self> {
        let (path, source) = if let Some(flag) = flag {
            if flag.as_os_str().is_empty() {
                return Err(Error::invalid(
                    "--data-dir",
                    "needs a folder path, not an empty value",
                ));
            }
            (flag.to_path_buf(), DataDirSource::Flag)
        } else if let Some(env) = env.filter(|v| !v.is_empty()) {
            (PathBuf::from(env), DataDirSource::Environment)
        } else {
            let base = dirs::data_dir().ok_or_else(|| Error::DataDir {
                path: PathBuf::from(APP_IDENTIFIER),
                reason: "the system reports no per-user data folder (is HOME set?); \
                         pass --data-dir or set POLITELY_DATA_DIR"
                    .into(),
            })?;
            (base.join(APP_IDENTIFIER), DataDirSource::Default)
        };
        Ok(DataDir {
            path: absolute(path)?,
            source,
        })
    }

    /// [`DataDir::resolve`] with the value of `POLITELY_DATA_DIR` from this process's environment.
    pub fn from_flag_or_env(flag: Option<&Path>) -> Result<Self> {
        Self::resolve(flag, std::env::var_os(DATA_DIR_ENV).as_deref())
    }

    /// The folder's absolute path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where exported drafts go: the user's Downloads folder when the desktop names one,
    /// else `exports/` in the data folder.
    pub fn exports_dir(&self) -> PathBuf {
        dirs::download_dir()
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| self.path().join("exports"))
    }

    /// How the folder was chosen.
    pub fn source(&self) -> DataDirSource {
        self.source
    }

    /// Creates the folder if needed and proves it is writable by creating and removing a small
    /// probe file. Nothing that was already there is touched.
    pub fn ensure_usable(&self) -> Result<()> {
        let fail = |reason: String| Error::DataDir {
            path: self.path.clone(),
            reason,
        };
        if self.path.exists() && !self.path.is_dir() {
            return Err(fail(
                "a file is in the way: that path is not a folder".into(),
            ));
        }
        fs::create_dir_all(&self.path)
            .map_err(|e| fail(format!("it cannot be created ({})", explain(&e))))?;
        // The history is nobody else's business: the folder is the user's alone.
        private_dir(&self.path);
        let probe = self
            .path
            .join(format!(".politely-write-check-{}", std::process::id()));
        let written = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|mut f| f.write_all(b"ok").and_then(|()| f.sync_all()));
        let removed = fs::remove_file(&probe);
        written.map_err(|e| fail(format!("it cannot be written ({})", explain(&e))))?;
        removed.map_err(|e| {
            fail(format!(
                "a test file could not be removed ({})",
                explain(&e)
            ))
        })
    }
}

/// Makes a folder of Politely's readable by its owner only (0700 on Unix; elsewhere the
/// platform's per-user folders already are). Best effort: a folder we cannot change stays usable.
pub fn private_dir(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Makes a file of Politely's (the database, a backup, an export) readable by its owner only
/// (0600 on Unix). Best effort, as [`private_dir`].
pub fn private_file(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn absolute(path: PathBuf) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path);
    }
    std::env::current_dir()
        .map(|cwd| cwd.join(&path))
        .map_err(|e| Error::DataDir {
            path,
            reason: format!("the current folder is unknown ({})", explain(&e)),
        })
}

/// Plain words for the I/O failures a person can fix; the OS message for the rest.
fn explain(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment_which_wins_over_default() {
        let flag = DataDir::resolve(Some(Path::new("/tmp/a")), Some(OsStr::new("/tmp/b"))).unwrap();
        assert_eq!(
            (flag.path(), flag.source()),
            (Path::new("/tmp/a"), DataDirSource::Flag)
        );

        let env = DataDir::resolve(None, Some(OsStr::new("/tmp/b"))).unwrap();
        assert_eq!(
            (env.path(), env.source()),
            (Path::new("/tmp/b"), DataDirSource::Environment)
        );

        let default = DataDir::resolve(None, Some(OsStr::new(""))).unwrap();
        assert_eq!(
            default.source(),
            DataDirSource::Default,
            "an empty variable counts as unset"
        );
        assert!(
            default.path().ends_with(APP_IDENTIFIER),
            "default is named after the app id"
        );
    }

    #[test]
    fn empty_flag_is_rejected_with_the_flag_named() {
        let err = DataDir::resolve(Some(Path::new("")), None).unwrap_err();
        assert!(err.to_string().starts_with("--data-dir:"), "got {err}");
    }

    #[test]
    fn relative_paths_become_absolute() {
        let dir = DataDir::resolve(Some(Path::new("rel/data")), None).unwrap();
        assert!(dir.path().is_absolute());
        assert!(dir.path().ends_with("rel/data"));
    }

    #[test]
    fn ensure_usable_creates_nested_folders_and_leaves_no_probe() {
        let tmp = tempfile::tempdir().unwrap();
        let keep = tmp.path().join("a/b");
        fs::create_dir_all(&keep).unwrap();
        fs::write(keep.join("existing.txt"), "mine").unwrap();
        let dir = DataDir::resolve(Some(&keep.join("c")), None).unwrap();
        dir.ensure_usable().unwrap();
        assert!(dir.path().is_dir());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            0,
            "probe file must be removed"
        );
        assert_eq!(
            fs::read_to_string(keep.join("existing.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn a_file_in_the_way_is_a_clear_error_and_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("data");
        fs::write(&file, "not a folder").unwrap();

        let at_file = DataDir::resolve(Some(&file), None).unwrap();
        let err = at_file.ensure_usable().unwrap_err().to_string();
        assert!(err.contains("not a folder"), "got {err}");

        let below_file = DataDir::resolve(Some(&file.join("sub")), None).unwrap();
        let err = below_file.ensure_usable().unwrap_err().to_string();
        assert!(err.contains("cannot be created"), "got {err}");
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "not a folder",
            "nothing is deleted"
        );
    }
}
