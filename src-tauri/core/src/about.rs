//! What the About panel and `politely about` report: which build is running and where its data
//! lives. Gathering it also re-checks that the data folder is usable, so a folder that vanished
//! or became read-only while the app ran is reported instead of failing later on a save.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::data_dir::{DataDir, DataDirSource};
use crate::Result;

/// Facts about the running application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    /// Product name.
    pub name: String,
    /// Version of the application package.
    pub version: String,
    /// Absolute path of the data folder.
    pub data_dir: PathBuf,
    /// How the data folder was chosen.
    pub data_dir_source: DataDirSource,
}

impl AppInfo {
    /// Checks the data folder and describes the application `version` running on it.
    pub fn gather(version: &str, data_dir: &DataDir) -> Result<Self> {
        data_dir.ensure_usable()?;
        Ok(AppInfo {
            name: "Politely".into(),
            version: version.into(),
            data_dir: data_dir.path().to_path_buf(),
            data_dir_source: data_dir.source(),
        })
    }
}

impl fmt::Display for AppInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.name, self.version)?;
        write!(
            f,
            "Data folder: {} ({})",
            self.data_dir.display(),
            self.data_dir_source.describe()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn gather_reports_version_and_folder_and_fails_on_a_bad_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::resolve(Some(&tmp.path().join("d")), None).unwrap();
        let info = AppInfo::gather("1.2.3", &dir).unwrap();
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.data_dir, tmp.path().join("d"));
        assert_eq!(
            info.to_string(),
            format!(
                "Politely 1.2.3\nData folder: {} (set by --data-dir)",
                tmp.path().join("d").display()
            )
        );
        let json = serde_json::to_value(&info).unwrap();
        assert_eq!(json["data_dir_source"], "flag");

        std::fs::remove_dir(tmp.path().join("d")).unwrap();
        std::fs::write(tmp.path().join("d"), "").unwrap();
        assert!(
            AppInfo::gather("1.2.3", &dir).is_err(),
            "a file where the folder was must fail"
        );
        assert!(Path::new(&tmp.path().join("d")).is_file());
    }
}
