//! Start at login is tauri-plugin-autostart's job (an XDG autostart entry on Linux, a login
//! item on macOS, the Run key on Windows). This module only knows the entry that Politely
//! wrote itself before it used the plugin, so the shell can carry the user's choice over.

use std::path::{Path, PathBuf};

/// File name of the entry the earlier, hand-written start at login wrote.
pub const LEGACY_FILE: &str = "app.politely.desktop";

/// The folder that entry was written in: `$XDG_CONFIG_HOME/autostart`, else
/// `~/.config/autostart` (the earlier version wrote one on Linux only).
#[cfg(target_os = "linux")]
pub fn legacy_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))
        .map(|c| c.join("autostart"))
}

/// Elsewhere there was never an entry to carry over.
#[cfg(not(target_os = "linux"))]
pub fn legacy_dir() -> Option<PathBuf> {
    None
}

/// The earlier version's entry in `dir`, when there is one: start at login was on, and the
/// plugin's entry should take its place.
pub fn legacy_entry(dir: &Path) -> Option<PathBuf> {
    let path = dir.join(LEGACY_FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    // Only Politely's own entry: it ran the app in the background.
    (text.starts_with("[Desktop Entry]") && text.contains(" --background")).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_earlier_versions_own_entry_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(legacy_entry(dir.path()), None, "nothing there");
        let path = dir.path().join(LEGACY_FILE);
        std::fs::write(
            &path,
            "[Desktop Entry]\nType=Application\nName=Politely\nExec=\"/opt/Politely App/politely\" --background\n",
        )
        .unwrap();
        assert_eq!(legacy_entry(dir.path()), Some(path.clone()));
        std::fs::write(&path, "[Desktop Entry]\nExec=something-else\n").unwrap();
        assert_eq!(
            legacy_entry(dir.path()),
            None,
            "someone else's file is left alone"
        );
    }
}
