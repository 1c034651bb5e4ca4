//! The desktop's programs: links handed to the browser or mail program (tauri-plugin-opener),
//! and reminders as notifications through notify-rust (the freedesktop
//! `org.freedesktop.Notifications` service on the session bus on Linux), with an "Open" action
//! where the notification server supports actions. Used by the window's scheduler and by
//! `politely reminders notify-due`; the rules of what is shown live in the core.

use std::sync::Arc;

use politely_core::notify::{Notice, Notifier, Unavailable, APP_NAME};

/// Called with the reminder ids when the user clicks "Open" on a notification.
pub(crate) type OnOpen = Arc<dyn Fn(Vec<i64>) + Send + Sync>;

/// Shows notices as desktop notifications.
pub(crate) struct DesktopNotifier {
    /// `None` for one-shot use (the CLI exits at once, so nobody would be there to open).
    on_open: Option<OnOpen>,
}

impl DesktopNotifier {
    /// For the command line: notifications without actions.
    pub(crate) fn oneshot() -> Self {
        DesktopNotifier { on_open: None }
    }

    /// For the window: "Open" brings the app to the reminder.
    pub(crate) fn with_open(on_open: OnOpen) -> Self {
        DesktopNotifier {
            on_open: Some(on_open),
        }
    }
}

/// Opens a web page or an email address with the desktop's default program, through
/// tauri-plugin-opener (xdg-open and its fallbacks on Linux, `open` on macOS, the shell on
/// Windows). Only what [`politely_core::links::opens_outside`] allows is handed over.
pub(crate) fn open_outside<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    url: &str,
) -> Result<(), String> {
    use tauri_plugin_opener::OpenerExt;
    if !politely_core::links::opens_outside(url) && !url.starts_with("mailto:") {
        return Err("only https: and mailto: links open outside Politely".into());
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| e.to_string())
}

/// Shows a file this run of Politely exported in the desktop's file manager (tauri-plugin-opener:
/// the FileManager1 service on Linux, Finder on macOS, Explorer on Windows). Any other path is
/// refused, so the page cannot probe the disk.
pub(crate) fn show_in_folder(
    shared: &crate::gui::Shared,
    path: &std::path::Path,
) -> politely_core::Result<()> {
    if !shared.was_exported(path) {
        return Err(politely_core::Error::invalid(
            "path",
            "only a file Politely exported can be shown in its folder",
        ));
    }
    tauri_plugin_opener::reveal_item_in_dir(path).map_err(|e| politely_core::Error::Unavailable {
        what: "showing the file in its folder".into(),
        reason: format!("the desktop has no file manager to show it ({e})"),
    })
}

/// Turns start at login on or off (tauri-plugin-autostart: an XDG autostart entry on Linux, a
/// login item on macOS, the Run key on Windows, each running `politely --background`); returns
/// whether it is on.
pub(crate) fn set_autostart<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    enabled: bool,
) -> politely_core::Result<bool> {
    use tauri_plugin_autostart::ManagerExt;
    let launcher = app.autolaunch();
    let result = if enabled {
        launcher.enable()
    } else {
        launcher.disable()
    };
    let failed = |e: tauri_plugin_autostart::Error| politely_core::Error::Unavailable {
        what: if enabled {
            "turning on start at login".into()
        } else {
            "turning off start at login".into()
        },
        reason: e.to_string(),
    };
    result.map_err(failed)?;
    #[cfg(target_os = "linux")]
    if enabled {
        requote_linux_entry(app)?;
    }
    launcher.is_enabled().map_err(failed)
}

/// The plugin writes `Exec=<path> --background` unquoted (auto-launch 0.6), which runs the
/// wrong program from a folder with a space in its name; this rewrites that line quoted as the
/// Desktop Entry specification asks (`politely_core::autostart::requote_exec`).
#[cfg(target_os = "linux")]
fn requote_linux_entry<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> politely_core::Result<()> {
    use politely_core::autostart::{requote_exec, undeleted};
    use tauri::Manager;
    let fail = |reason: String| politely_core::Error::Unavailable {
        what: "turning on start at login".into(),
        reason,
    };
    // Where auto-launch writes it: ~/.config/autostart/<package name>.desktop.
    let Some(home) = std::env::var_os("HOME").map(std::path::PathBuf::from) else {
        return Ok(());
    };
    let path = home
        .join(".config/autostart")
        .join(format!("{}.desktop", app.package_info().name));
    let text =
        std::fs::read_to_string(&path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    let program = match app.env().appimage {
        Some(image) => std::path::PathBuf::from(image),
        None => undeleted(std::env::current_exe().map_err(|e| fail(e.to_string()))?),
    };
    if let Some(mended) = requote_exec(&text, &program, &["--background"])? {
        let tmp = path.with_extension("desktop.tmp");
        std::fs::write(&tmp, mended)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// Carries start at login over from the entry an earlier Politely wrote by hand: the plugin
/// writes its own, then the old one goes (only once the new one is there).
pub(crate) fn migrate_autostart<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    let Some(old) = politely_core::autostart::legacy_dir()
        .and_then(|dir| politely_core::autostart::legacy_entry(&dir))
    else {
        return;
    };
    match set_autostart(app, true) {
        Ok(true) => {
            if let Err(error) = std::fs::remove_file(&old) {
                eprintln!(
                    "politely: the old start-at-login entry {} stays: {error}",
                    old.display()
                );
            }
        }
        Ok(false) => eprintln!("politely: start at login could not be carried over"),
        Err(error) => eprintln!("politely: start at login could not be carried over: {error}"),
    }
}

/// Why a notification could not be shown, in words a person can act on.
pub(crate) fn explain(error: &str) -> String {
    let lower = error.to_lowercase();
    if lower.contains("serviceunknown")
        || lower.contains("was not provided by any")
        || lower.contains("name has no owner")
    {
        "no notification service is running on this desktop (nothing owns org.freedesktop.Notifications)".to_owned()
    } else if lower.contains("dbus_session_bus_address")
        || lower.contains("no such file")
        || lower.contains("connection refused")
        || lower.contains("address")
        || lower.contains("connect")
    {
        "there is no desktop session bus (D-Bus) to send notifications on".to_owned()
    } else {
        format!("the desktop did not accept the notification ({error})")
    }
}

/// Escapes text for a server that reads the body as markup (`body-markup`): user text such as
/// "AT&T <b>" must show as typed, not as tags.
pub(crate) fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Notifier for DesktopNotifier {
    fn show(&self, notice: &Notice) -> Result<(), Unavailable> {
        let caps = capabilities();
        let body = if caps.iter().any(|c| c == "body-markup") {
            escape_markup(&notice.body)
        } else {
            notice.body.clone()
        };
        let mut n = notify_rust::Notification::new();
        n.appname(APP_NAME)
            .summary(&notice.summary)
            .body(&body)
            .icon("appointment-soon");
        #[cfg(all(unix, not(target_os = "macos")))]
        n.hint(notify_rust::Hint::Category("x-politely.reminder".into()));
        let wants_open = self.on_open.is_some() && caps.iter().any(|c| c == "actions");
        if wants_open {
            n.action("default", "Open").action("open", "Open");
        }
        let handle = n.show().map_err(|e| Unavailable {
            reason: explain(&e.to_string()),
        })?;
        #[cfg(all(unix, not(target_os = "macos")))]
        if let (true, Some(on_open)) = (wants_open, self.on_open.clone()) {
            let ids = notice.reminder_ids.clone();
            // wait_for_action blocks until the notification is closed: one small thread each.
            let _ = std::thread::Builder::new()
                .name("politely-notification".into())
                .spawn(move || {
                    handle.wait_for_action(|action| {
                        if action == "open" || action == "default" {
                            on_open(ids);
                        }
                    });
                });
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let _ = handle;
        Ok(())
    }
}

/// Whether the desktop can show notifications now, asked without showing one: `Some(reason)`
/// when it cannot. Run at start (off the UI thread), so the window never says notifications are
/// on where there is no notification service.
pub(crate) fn probe() -> Option<String> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        notify_rust::get_server_information()
            .err()
            .map(|e| explain(&e.to_string()))
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        None
    }
}

/// What the notification server can do (empty when there is none, or off Linux).
fn capabilities() -> Vec<String> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        notify_rust::get_capabilities().unwrap_or_default()
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_markup, explain};

    #[test]
    fn markup_is_escaped_so_user_text_shows_as_typed() {
        assert_eq!(
            escape_markup("AT&T <b>x</b>"),
            "AT&amp;T &lt;b&gt;x&lt;/b&gt;"
        );
    }

    #[test]
    fn errors_are_explained_in_plain_words() {
        assert!(explain("org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files").starts_with("no notification service"));
        assert!(explain("I/O error: No such file or directory (os error 2)")
            .starts_with("there is no desktop session bus"));
        assert!(explain("something else").contains("(something else)"));
    }
}
