//! "Start Politely at login, in the background": an XDG autostart entry
//! (`$XDG_CONFIG_HOME/autostart/app.politely.desktop`) that runs `politely --background`, so
//! reminders still fire after a restart without the window in the way.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// File name of the entry.
pub const FILE: &str = "app.politely.desktop";

/// The autostart folder: `$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`.
pub fn dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))
        .map(|c| c.join("autostart"))
}

/// Quotes one `Exec` argument as the Desktop Entry specification asks: inside double quotes,
/// `"`, `` ` ``, `$` and `\\` take a backslash; then the value, being a string, doubles every
/// backslash (so a backslash in the path is written as four); `%` is written `%%`. A path with a
/// line break or another control character cannot be written in an entry at all.
pub fn quote(arg: &str) -> Result<String> {
    if arg.chars().any(char::is_control) {
        return Err(Error::invalid(
            "autostart",
            "the program's path holds a line break or control character; move Politely to a plain folder",
        ));
    }
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+,@".contains(c));
    if plain {
        return Ok(arg.to_owned());
    }
    let mut out = String::from("\"");
    for c in arg.chars() {
        match c {
            '\\' => out.push_str("\\\\\\\\"),
            '"' | '`' | '$' => {
                out.push_str("\\\\");
                out.push(c);
            }
            '%' => out.push_str("%%"),
            _ => out.push(c),
        }
    }
    out.push('"');
    Ok(out)
}

/// The program to start at login: the AppImage itself when running from one (its mount point
/// is gone after exit), and the installed path rather than " (deleted)" after an upgrade.
pub fn program() -> Result<PathBuf> {
    if let Some(image) = std::env::var_os("APPIMAGE").map(PathBuf::from) {
        if image.is_absolute() && image.is_file() {
            return Ok(image);
        }
    }
    let exe = std::env::current_exe().map_err(|e| Error::Storage {
        action: "turning on start at login".into(),
        reason: format!("the program's own path is unknown: {e}"),
    })?;
    Ok(undeleted(exe))
}

/// `/usr/bin/politely (deleted)` (Linux, after the binary was replaced) → `/usr/bin/politely`.
pub fn undeleted(exe: PathBuf) -> PathBuf {
    match exe.to_str().and_then(|s| s.strip_suffix(" (deleted)")) {
        Some(path) => PathBuf::from(path),
        None => exe,
    }
}

/// The entry's text for the binary at `exe`.
pub fn entry(exe: &Path) -> Result<String> {
    Ok(format!(
        "[Desktop Entry]\nType=Application\nName=Politely\nComment=Reminders for your interview replies and follow-ups\nExec={} --background\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
        quote(&exe.to_string_lossy())?
    ))
}

/// Whether the entry exists in `dir`.
pub fn is_enabled(dir: &Path) -> bool {
    dir.join(FILE).is_file()
}

/// Writes (or with `enabled == false`, removes) the entry in `dir`.
pub fn set(dir: &Path, exe: &Path, enabled: bool) -> Result<()> {
    let path = dir.join(FILE);
    let fail = |e: std::io::Error| Error::Storage {
        action: if enabled {
            "turning on start at login".into()
        } else {
            "turning off start at login".into()
        },
        reason: format!("{}: {e}", path.display()),
    };
    if enabled {
        std::fs::create_dir_all(dir).map_err(fail)?;
        let tmp = dir.join(format!(".{FILE}.tmp"));
        std::fs::write(&tmp, entry(exe)?).map_err(fail)?;
        std::fs::rename(&tmp, &path).map_err(fail)
    } else {
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(e)),
            _ => Ok(()),
        }
    }
}

/// Turns start at login on or off for the running program; returns whether it is on.
pub fn turn(enabled: bool) -> Result<bool> {
    let dir = dir().ok_or_else(|| {
        Error::invalid("autostart", "there is no home folder to write the entry in")
    })?;
    set(&dir, &program()?, enabled)?;
    Ok(is_enabled(&dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_runs_the_binary_in_the_background_with_its_path_quoted() {
        let text = entry(Path::new("/opt/Politely App/bin/politely")).unwrap();
        assert!(text.starts_with("[Desktop Entry]\nType=Application\n"));
        assert!(
            text.contains("\nExec=\"/opt/Politely App/bin/politely\" --background\n"),
            "{text}"
        );
        assert_eq!(quote("/usr/bin/politely").unwrap(), "/usr/bin/politely");
        assert_eq!(
            quote("/a/$HOME\"x\"/100%").unwrap(),
            "\"/a/\\\\$HOME\\\\\"x\\\\\"/100%%\""
        );
        assert_eq!(
            quote("/a\\b").unwrap(),
            "\"/a\\\\\\\\b\"",
            "four backslashes"
        );
        assert!(
            quote("/opt/po\nlitely").is_err(),
            "a line break cannot be written"
        );
        assert_eq!(
            undeleted(PathBuf::from("/usr/bin/politely (deleted)")),
            PathBuf::from("/usr/bin/politely")
        );
    }

    /// `desktop-file-validate` (desktop-file-utils) accepts the entry for awkward paths.
    #[test]
    fn the_entry_passes_desktop_file_validate() {
        let dir = tempfile::tempdir().unwrap();
        for exe in [
            "/usr/bin/politely",
            "/opt/Politely App/bin/politely",
            "/home/zoë/Apps/$weird \"name\" `x` 100% \\ back/politely",
        ] {
            let file = dir.path().join(FILE);
            std::fs::write(&file, entry(Path::new(exe)).unwrap()).unwrap();
            let out = std::process::Command::new("desktop-file-validate")
                .arg(&file)
                .output()
                .expect("desktop-file-validate is installed (apt install desktop-file-utils; make test installs it)");
            assert!(
                out.status.success() && out.stdout.is_empty(),
                "{exe}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    #[test]
    fn turning_it_on_and_off_writes_and_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let auto = dir.path().join("autostart");
        assert!(!is_enabled(&auto));
        set(&auto, Path::new("/usr/bin/politely"), true).unwrap();
        assert!(is_enabled(&auto));
        assert!(std::fs::read_to_string(auto.join(FILE))
            .unwrap()
            .contains("Exec=/usr/bin/politely --background"));
        set(&auto, Path::new("/usr/bin/politely"), false).unwrap();
        assert!(!is_enabled(&auto));
        set(&auto, Path::new("/usr/bin/politely"), false).unwrap(); // already off: fine
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, "").unwrap();
        let err = set(&blocked.join("autostart"), Path::new("/x"), true).unwrap_err();
        assert!(
            err.to_string().contains("turning on start at login"),
            "{err}"
        );
    }
}
