//! The tray icon (Tauri's tray support; on Linux the AppIndicator library): how many reminders
//! are due, "Open Politely", "New decision…" and "Quit". With "Keep running for reminders" on,
//! closing the window only hides it, and this is the way back to it or out of the app.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The tray icon's id.
const TRAY: &str = "politely";

/// The menu line that counts the due reminders (it is not clickable).
struct DueLine<R: Runtime>(MenuItem<R>);

/// Adds the tray icon. A desktop without a tray (or, on Linux, without the AppIndicator
/// library) gets none, and the app goes on without it.
pub(crate) fn create<R: Runtime>(app: &AppHandle<R>) {
    // The AppIndicator loader panics when the library is missing; a tray is not worth the app.
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(app)));
    match made {
        Ok(Ok(())) => {}
        Ok(Err(error)) => eprintln!("politely: no tray icon: {error}"),
        Err(_) => eprintln!("politely: no tray icon: this desktop has no tray library"),
    }
}

fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let due = MenuItem::with_id(app, "due", due_label(0), false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open Politely", true, None::<&str>)?;
    let new = MenuItem::with_id(app, "new-decision", "New decision…", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &due,
            &PredefinedMenuItem::separator(app)?,
            &open,
            &new,
            &PredefinedMenuItem::separator(app)?,
            &quit,
        ],
    )?;
    let mut tray = TrayIconBuilder::with_id(TRAY)
        .menu(&menu)
        .tooltip("Politely")
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => crate::gui::show_main(app),
            "new-decision" => {
                crate::gui::show_main(app);
                let _ = app.emit("tray-new-decision", ());
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    app.manage(DueLine(due));
    Ok(())
}

/// Shows how many reminders are due (menu line and tooltip).
pub(crate) fn set_due<R: Runtime>(app: &AppHandle<R>, count: usize) {
    let label = due_label(count);
    if let Some(line) = app.try_state::<DueLine<R>>() {
        let _ = line.0.set_text(&label);
    }
    if let Some(tray) = app.tray_by_id(TRAY) {
        let _ = tray.set_tooltip(Some(format!("Politely — {label}")));
    }
}

/// "No reminders due", "1 reminder due", "3 reminders due".
pub(crate) fn due_label(count: usize) -> String {
    match count {
        0 => "No reminders due".to_owned(),
        1 => "1 reminder due".to_owned(),
        n => format!("{n} reminders due"),
    }
}

#[cfg(test)]
mod tests {
    use super::due_label;
    use crate::gui::launched_in_background;

    #[test]
    fn the_due_line_counts_in_words() {
        assert_eq!(due_label(0), "No reminders due");
        assert_eq!(due_label(1), "1 reminder due");
        assert_eq!(due_label(12), "12 reminders due");
    }

    #[test]
    fn a_second_launch_at_login_stays_in_the_background() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(launched_in_background(&args(&[
            "/usr/bin/politely",
            "--background"
        ])));
        assert!(!launched_in_background(&args(&["/usr/bin/politely"])));
        assert!(
            !launched_in_background(&args(&["--background"])),
            "the program's own path is not an argument"
        );
    }
}
