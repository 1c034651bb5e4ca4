//! Start at login is tauri-plugin-autostart's job (an XDG autostart entry on Linux, a login
//! item on macOS, the Run key on Windows). This module knows the entry that Politely wrote
//! itself before it used the plugin, so the shell can carry the user's choice over, and mends
//! the `Exec` line of the plugin's Linux entry, which it writes unquoted (auto-launch 0.6:
//! `Exec=/opt/Politely App/politely --background` would run `/opt/Politely`).

use std::path::{Path, PathBuf};

use crate::{Error, Result};

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

/// `/usr/bin/politely (deleted)` (Linux, after the binary was replaced) → `/usr/bin/politely`.
pub fn undeleted(exe: PathBuf) -> PathBuf {
    match exe.to_str().and_then(|s| s.strip_suffix(" (deleted)")) {
        Some(path) => PathBuf::from(path),
        None => exe,
    }
}

/// `text` (a desktop entry) with its `Exec` line rewritten to run `program` with `args`, each
/// quoted; `None` when it has no `Exec` line or already says exactly that.
pub fn requote_exec(text: &str, program: &Path, args: &[&str]) -> Result<Option<String>> {
    let mut exec = format!("Exec={}", quote(&program.to_string_lossy())?);
    for arg in args {
        exec.push(' ');
        exec.push_str(&quote(arg)?);
    }
    let mut found = false;
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.starts_with("Exec=") && !found {
                found = true;
                exec.as_str()
            } else {
                l
            }
        })
        .collect();
    let mut out = lines.join("\n");
    out.push('\n');
    Ok((found && out != text).then_some(out))
}

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
    fn quoting_follows_the_desktop_entry_specification() {
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

    /// The plugin's entry for a program in a folder with a space, mended; and
    /// `desktop-file-validate` (desktop-file-utils) accepts the mended entry for awkward paths.
    #[test]
    fn the_plugins_entry_gets_its_exec_line_quoted_and_validates() {
        let plugin = "[Desktop Entry]\nType=Application\nVersion=1.0\nName=politely\nComment=politely startup script\nExec=/opt/Politely App/politely --background\nStartupNotify=false\nTerminal=false";
        let mended = requote_exec(
            plugin,
            Path::new("/opt/Politely App/politely"),
            &["--background"],
        )
        .unwrap()
        .unwrap();
        assert!(
            mended.contains("\nExec=\"/opt/Politely App/politely\" --background\n"),
            "{mended}"
        );
        assert!(mended.contains("\nStartupNotify=false\nTerminal=false\n"));
        assert_eq!(
            requote_exec(
                &mended,
                Path::new("/opt/Politely App/politely"),
                &["--background"]
            )
            .unwrap(),
            None,
            "already right: nothing to write"
        );
        assert_eq!(
            requote_exec("[Desktop Entry]\n", Path::new("/x"), &[]).unwrap(),
            None
        );
        let dir = tempfile::tempdir().unwrap();
        for exe in [
            "/usr/bin/politely",
            "/opt/Politely App/bin/politely",
            "/home/zoë/Apps/$weird \"name\" `x` 100% \\ back/politely",
        ] {
            let file = dir.path().join("politely.desktop");
            let text = plugin.replace("/opt/Politely App/politely", exe);
            let text = requote_exec(&text, Path::new(exe), &["--background"])
                .unwrap()
                .unwrap_or(text);
            std::fs::write(&file, text).unwrap();
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
