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

/// Quotes one `Exec` argument as the Desktop Entry specification asks.
pub fn quote(arg: &str) -> String {
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+,@".contains(c));
    if plain {
        return arg.to_owned();
    }
    let mut out = String::from("\"");
    for c in arg.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                out.push_str("\\\\");
                out.push(c);
            }
            '%' => out.push_str("%%"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The entry's text for the binary at `exe`.
pub fn entry(exe: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Politely\nComment=Reminders for your interview replies and follow-ups\nExec={} --background\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
        quote(&exe.to_string_lossy())
    )
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
        std::fs::write(&tmp, entry(exe)).map_err(fail)?;
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
    let exe = std::env::current_exe().map_err(|e| Error::Storage {
        action: "turning on start at login".into(),
        reason: format!("the program's own path is unknown: {e}"),
    })?;
    set(&dir, &exe, enabled)?;
    Ok(is_enabled(&dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_runs_the_binary_in_the_background_with_its_path_quoted() {
        let text = entry(Path::new("/opt/Politely App/bin/politely"));
        assert!(text.starts_with("[Desktop Entry]\nType=Application\n"));
        assert!(
            text.contains("\nExec=\"/opt/Politely App/bin/politely\" --background\n"),
            "{text}"
        );
        assert_eq!(quote("/usr/bin/politely"), "/usr/bin/politely");
        assert_eq!(
            quote("/a/$HOME\"x\"/100%"),
            "\"/a/\\\\$HOME\\\\\"x\\\\\"/100%%\""
        );
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
