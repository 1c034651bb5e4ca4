//! Politely as a desktop citizen, through the real app on a private session bus with a fake
//! notification daemon: one instance (a second launch comes to the running window, or stays in
//! the background with `--background`, and never starts a second reminder clock), and "Keep
//! running for reminders" (closing the window hides it and reminders keep firing); start at
//! login carried over from the entry an earlier version wrote by hand; the tray, read and
//! clicked through a fake tray host (StatusNotifierWatcher) as a desktop panel does.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use politely_e2e::*;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask, MapState};

use crate::notify_server::{FakeNotifications, PrivateBus};

/// The X window titled "Politely" on `display`, as `xwininfo` lists it: the one on screen when
/// there are several of that name.
fn window_id(display: &str) -> Option<u32> {
    let out = Command::new("xwininfo")
        .args(["-root", "-tree"])
        .env("DISPLAY", display)
        .output()
        .ok()?;
    let ids: Vec<u32> = String::from_utf8_lossy(&out.stdout)
        .lines()
        // `0x… "Politely": ("politely" "Politely") …`: the window named so, not one of its class.
        .filter(|l| l.split_whitespace().nth(1) == Some("\"Politely\":"))
        .filter_map(|l| l.split_whitespace().next())
        .filter_map(|id| u32::from_str_radix(id.trim_start_matches("0x"), 16).ok())
        .collect();
    ids.iter()
        .copied()
        .find(|&id| mapped(display, id))
        .or(ids.first().copied())
}

/// Whether that window is on screen (mapped), asked of the X server.
fn mapped(display: &str, window: u32) -> bool {
    let (conn, _) = x11rb::connect(Some(display)).expect("X connection");
    conn.get_window_attributes(window)
        .ok()
        .and_then(|c| c.reply().ok())
        .is_some_and(|a| a.map_state == MapState::VIEWABLE)
}

/// Asks the window to close as a window manager does when the user clicks its close button.
fn close_window(display: &str, window: u32) {
    let (conn, _) = x11rb::connect(Some(display)).expect("X connection");
    let atom = |name: &[u8]| conn.intern_atom(false, name).unwrap().reply().unwrap().atom;
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, event)
        .unwrap();
    conn.flush().unwrap();
}

/// Closes the window as a person would, until `done`: the request is sent again every three
/// seconds, up to `timeout`. Under WebDriver (never in a plain session, see issue 19's note) GTK
/// now and then drops a WM_DELETE_WINDOW that arrives while the machine is busy; a person whose
/// click did nothing clicks again. Each request the app acts on is one hide or one exit, so a
/// request sent again can only do what the first one would have done.
fn close_until(display: &str, window: u32, timeout: Duration, done: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    let mut sent = 0;
    while start.elapsed() < timeout {
        close_window(display, window);
        sent += 1;
        if poll(Duration::from_secs(3), &done) {
            if sent > 1 {
                eprintln!("the close was acted on at request {sent}");
            }
            return true;
        }
    }
    eprintln!("timed out: {sent} close requests, none acted on");
    false
}

/// Whether `ok` holds within `timeout`, asked every 100 ms.
fn poll(timeout: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// [`poll`], saying on stderr what did not happen in time.
fn wait_until(what: &str, timeout: Duration, ok: impl FnMut() -> bool) -> bool {
    let held = poll(timeout, ok);
    if !held {
        eprintln!("timed out waiting for {what}");
    }
    held
}

/// Start at login as the earlier, hand-written version left it, in the home above `data_dir`.
fn leave_hand_written_autostart(data_dir: &std::path::Path) {
    let autostart = data_dir.parent().unwrap().join(".config/autostart");
    std::fs::create_dir_all(&autostart).unwrap();
    std::fs::write(
        autostart.join("app.politely.desktop"),
        "[Desktop Entry]\nType=Application\nName=Politely\nExec=/usr/bin/politely --background\n",
    )
    .unwrap();
}

/// Once the running app has carried the hand-written entry over (or after 10 s): the plugin's
/// entry, and whether the old one is still there.
fn autostart_carried_over(home: &std::path::Path) -> (String, bool) {
    let autostart = home.join(".config/autostart");
    let (new, old) = (
        autostart.join("Politely.desktop"),
        autostart.join("app.politely.desktop"),
    );
    wait_until(
        "start at login carried over",
        Duration::from_secs(10),
        || new.exists() && !old.exists(),
    );
    (
        std::fs::read_to_string(&new).unwrap_or_default(),
        old.exists(),
    )
}

/// Starts `politely` a second time, as a person or the login session would; returns its exit
/// code and how long it ran (None if it was still running after 20 s, then killed).
fn launch_again(app: &App, bus: &str, args: &[&str]) -> (Option<i32>, Duration) {
    let start = Instant::now();
    let mut child = Command::new(app_binary())
        .arg("--data-dir")
        .arg(&app.data_dir)
        .args(args)
        .env("DISPLAY", app.display())
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("HOME", app.home())
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("politely starts");
    while start.elapsed() < Duration::from_secs(20) {
        if let Ok(Some(status)) = child.try_wait() {
            return (status.code(), start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, start.elapsed())
}

#[derive(Debug, Default)]
struct Seen {
    first_notifications: usize,
    hidden_after_close: bool,
    page_alive_after_close: bool,
    background_launch: Option<i32>,
    still_hidden_after_background_launch: bool,
    second_launch: Option<i32>,
    second_launch_took: Duration,
    shown_by_second_launch: bool,
    fired_while_hidden: Vec<String>,
    after_all: Vec<String>,
    autostart_entry: String,
    legacy_left: bool,
}

/// One due reminder and one falling due while the window is hidden; the app started twice more.
/// The window is closed as a window manager asks (a WM_DELETE_WINDOW message: Xvfb has none).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instance_one_clock_and_closing_only_hides_while_reminders_are_kept() {
    let bus = PrivateBus::start().expect("dbus-daemon is needed (apt-get install dbus-daemon)");
    let server = FakeNotifications::serve(&bus, &["body"]);
    let soon = chrono::Utc::now() + chrono::Duration::seconds(25);
    let app = App::launch_with(
        "desktop-single",
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())],
        |dir| {
            leave_hand_written_autostart(dir);
            add_reminder(dir, "Call Priya back", &minutes_ago(90));
            add_reminder(dir, "Thank Globex", &soon.to_rfc3339());
        },
    )
    .await;
    let display = app.display().to_owned();
    let address = bus.address.clone();
    let (server, app_ref) = (&server, &app);
    let seen = async {
        let mut seen = Seen::default();
        let driver = &app_ref.driver;
        wait_for_screen(driver, "home").await?;
        seen.first_notifications = server.wait_for(1, Duration::from_secs(15)).len();
        let window = window_id(&display).expect("a window titled Politely");
        (seen.autostart_entry, seen.legacy_left) = autostart_carried_over(app_ref.home());

        // Closing the window (an open reminder: "Keep running" is on by default) hides it.
        seen.hidden_after_close = close_until(&display, window, Duration::from_secs(12), || {
            !mapped(&display, window)
        });
        seen.page_alive_after_close = js_text(driver, "return document.title").await? == "Politely";

        // Started again at login: the running app takes it and stays in the background.
        seen.background_launch = launch_again(app_ref, &address, &["--background"]).0;
        std::thread::sleep(Duration::from_millis(500));
        seen.still_hidden_after_background_launch = !mapped(&display, window);

        // The reminder falling due while the window is hidden still reaches the desktop.
        let wait =
            (soon - chrono::Utc::now()).to_std().unwrap_or_default() + Duration::from_secs(20);
        seen.fired_while_hidden = server
            .wait_for(2, wait)
            .iter()
            .map(|c| format!("{} / {}", c.summary, c.body))
            .collect();

        // Started again by the user: the running window comes forward, the new process ends.
        let (code, took) = launch_again(app_ref, &address, &[]);
        (seen.second_launch, seen.second_launch_took) = (code, took);
        seen.shown_by_second_launch =
            wait_until("the window to show", Duration::from_secs(10), || {
                mapped(&display, window)
            });

        // No second clock: nothing more is announced.
        std::thread::sleep(Duration::from_secs(3));
        seen.after_all = server.calls().iter().map(|c| c.summary.clone()).collect();
        WebDriverResult::Ok(seen)
    }
    .await;
    let _ = app.driver.clone().quit().await;
    drop(app);
    let seen = seen.unwrap_or_else(|e| panic!("a WebDriver step failed: {e}"));

    assert!(
        seen.autostart_entry
            .lines()
            .any(|l| l.starts_with("Exec=") && l.ends_with(" --background")),
        "the plugin's entry replaced the hand-written one: {seen:?}"
    );
    assert!(!seen.legacy_left, "the old entry is gone: {seen:?}");
    assert_eq!(seen.first_notifications, 1, "{seen:?}");
    assert!(seen.hidden_after_close, "closing hid the window: {seen:?}");
    assert!(
        seen.page_alive_after_close,
        "the app still runs behind the hidden window: {seen:?}"
    );
    assert_eq!(
        seen.background_launch,
        Some(0),
        "a --background second launch exits: {seen:?}"
    );
    assert!(
        seen.still_hidden_after_background_launch,
        "a --background second launch leaves the window hidden: {seen:?}"
    );
    assert_eq!(
        seen.fired_while_hidden.len(),
        2,
        "the reminder due while hidden was announced: {seen:?}"
    );
    assert_eq!(
        seen.second_launch,
        Some(0),
        "the second launch exits: {seen:?}"
    );
    assert!(
        seen.second_launch_took < Duration::from_secs(10),
        "and does so at once: {seen:?}"
    );
    assert!(
        seen.shown_by_second_launch,
        "the running window came back: {seen:?}"
    );
    assert_eq!(
        seen.after_all.len(),
        2,
        "exactly one notification per reminder: one clock, never two: {seen:?}"
    );
}

/// A stand-in for the desktop's file manager: `org.freedesktop.FileManager1`, recording the
/// items it is asked to show (what tauri-plugin-opener's "reveal" calls on Linux).
struct FakeFileManager {
    shown: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.freedesktop.FileManager1")]
impl FakeFileManager {
    fn show_items(&self, uris: Vec<String>, _startup_id: String) {
        self.shown.lock().unwrap().extend(uris);
    }
}

/// "Show in folder" beside an exported calendar file opens the file manager on that file, and
/// a path Politely did not export is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_in_folder_reveals_the_exported_file_and_nothing_else() {
    let bus = PrivateBus::start().expect("dbus-daemon is needed (apt-get install dbus-daemon)");
    let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let manager = FakeFileManager {
        shown: std::sync::Arc::clone(&shown),
    };
    let _conn = zbus::block_on(async {
        zbus::connection::Builder::address(bus.address.as_str())?
            .serve_at("/org/freedesktop/FileManager1", manager)?
            .name("org.freedesktop.FileManager1")?
            .build()
            .await
    })
    .expect("the fake file manager is on the bus");
    let app = App::launch_with(
        "desktop-reveal",
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())],
        |dir| add_reminder(dir, "Call Priya back", &days_ahead(2)),
    )
    .await;
    let (notice, refused) = app
        .run(|driver, _shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=reminders]").await?;
            wait_for_screen(&driver, "reminders").await?;
            click(&driver, "#rem-export-all").await?;
            let notice = eventually("the export's notice", || async {
                let t = js_text(&driver, "return document.querySelector('#rem-feedback.shown .feedback-text')?.textContent ?? ''").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            notice_action(&driver).await?;
            let refused = js_text(
                &driver,
                "return window.__TAURI_INTERNALS__.invoke('show_in_folder', { path: '/etc/passwd' }).then(() => 'shown', (e) => JSON.stringify(e))",
            )
            .await?;
            Ok((notice, refused))
        })
        .await;
    let path = notice
        .trim_start_matches("Exported to ")
        .split(". Open it")
        .next()
        .unwrap()
        .to_owned();
    let start = Instant::now();
    while shown.lock().unwrap().is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let shown = shown.lock().unwrap().clone();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with("file://") && shown[0].ends_with(".ics"),
        "the file manager was asked for the exported file {path}: {shown:?}"
    );
    assert!(refused.contains("invalid_input"), "{refused}");
}

/// The window's size is remembered (tauri-plugin-window-state): resized, closed (no reminders,
/// so closing ends the app), and started again from the same home, it opens at that size.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_opens_again_at_the_size_it_was_closed_at() {
    let app = App::launch("desktop-window-state").await;
    let display = app.display().to_owned();
    let home = app.home().to_path_buf();
    let resized = async {
        wait_for_screen(&app.driver, "home").await?;
        resize(&app.driver, (900, 640)).await?;
        WebDriverResult::Ok(())
    }
    .await;
    let window = window_id(&display).expect("a window titled Politely");
    let ended = close_until(&display, window, Duration::from_secs(15), || {
        window_id(&display).is_none()
    });
    let saved =
        std::fs::read_to_string(home.join(".config/app.politely.desktop/.window-state.json"))
            .unwrap_or_default();

    // Started again as a person would, with the same home.
    let mut again = Command::new(app_binary())
        .arg("--data-dir")
        .arg(&app.data_dir)
        .env("DISPLAY", &display)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/politely-e2e-bus",
        )
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.join("again.log")).expect("log"))
        .spawn()
        .expect("politely starts");
    let mut geometry = String::new();
    wait_until("the window again", Duration::from_secs(60), || {
        let Some(id) = window_id(&display) else {
            return false;
        };
        let out = Command::new("xwininfo")
            .args(["-id", &format!("{id:#x}")])
            .env("DISPLAY", &display)
            .output()
            .expect("xwininfo");
        let text = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_owned()))
                .unwrap_or_default()
        };
        geometry = format!("{}x{}", field("Width:"), field("Height:"));
        mapped(&display, id)
    });
    let _ = again.kill();
    let _ = again.wait();
    let log = std::fs::read_to_string(home.join("again.log")).unwrap_or_default();
    drop(app);

    resized.unwrap_or_else(|e| panic!("a WebDriver step failed: {e}"));
    assert!(ended, "with no reminders, closing the window ends the app");
    assert!(
        saved.contains("\"width\": 900") && saved.contains("\"height\": 640"),
        "the size was saved at exit: {saved}"
    );
    assert_eq!(
        geometry, "900x640",
        "the window opened at the saved size; its log: {log}"
    );
}

/// One instance, one clock: with one due reminder, the app started twice more (at login with
/// `--background`, then by the user) announces it exactly once, and each second launch hands
/// over to the running app and exits at once. Start at login written by the earlier version is
/// carried over to the plugin's entry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_hands_over_and_exits_and_the_due_reminder_is_announced_once() {
    let bus = PrivateBus::start().expect("dbus-daemon is needed (apt-get install dbus-daemon)");
    let server = FakeNotifications::serve(&bus, &["body"]);
    let app = App::launch_with(
        "desktop-once",
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())],
        |dir| {
            leave_hand_written_autostart(dir);
            add_reminder(dir, "Call Priya back", &minutes_ago(90));
        },
    )
    .await;
    let address = bus.address.clone();
    let (server, app_ref) = (&server, &app);
    let seen = async {
        wait_for_screen(&app_ref.driver, "home").await?;
        let first = server.wait_for(1, Duration::from_secs(15)).len();
        let (entry, legacy_left) = autostart_carried_over(app_ref.home());
        let background = launch_again(app_ref, &address, &["--background"]);
        let again = launch_again(app_ref, &address, &[]);
        std::thread::sleep(Duration::from_secs(3));
        let title = js_text(&app_ref.driver, "return document.title").await?;
        let calls: Vec<String> = server.calls().iter().map(|c| c.summary.clone()).collect();
        WebDriverResult::Ok((first, entry, legacy_left, background, again, title, calls))
    }
    .await;
    let _ = app.driver.clone().quit().await;
    drop(app);
    let (first, entry, legacy_left, background, again, title, calls) =
        seen.unwrap_or_else(|e| panic!("a WebDriver step failed: {e}"));
    assert_eq!(first, 1, "the due reminder was announced: {calls:?}");
    assert!(
        entry
            .lines()
            .any(|l| l.starts_with("Exec=") && l.ends_with(" --background")),
        "the plugin's entry replaced the hand-written one: {entry}"
    );
    assert!(!legacy_left, "the old entry is gone");
    assert_eq!(
        background.0,
        Some(0),
        "a --background second launch exits: {background:?}"
    );
    assert_eq!(again.0, Some(0), "a second launch exits: {again:?}");
    assert!(again.1 < Duration::from_secs(10), "at once: {again:?}");
    assert_eq!(title, "Politely", "the first app still runs");
    assert_eq!(
        calls.len(),
        1,
        "announced once: one clock, never two: {calls:?}"
    );
}

/// A stand-in for the desktop's tray host: `org.kde.StatusNotifierWatcher`, recording which
/// connection registered which item (what the AppIndicator library calls when a tray is shown).
struct FakeTrayWatcher {
    items: std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl FakeTrayWatcher {
    fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        self.items.lock().unwrap().push((sender, service));
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items
            .lock()
            .unwrap()
            .iter()
            .map(|(_, s)| s.clone())
            .collect()
    }
}

/// The tray item's menu (com.canonical.dbusmenu) on the connection that registered it.
fn tray_menu_proxy<'a>(
    conn: &zbus::blocking::Connection,
    owner: &str,
    item: &str,
) -> zbus::Result<zbus::blocking::Proxy<'a>> {
    let item = zbus::blocking::Proxy::new(
        conn,
        owner.to_owned(),
        item.to_owned(),
        "org.kde.StatusNotifierItem",
    )?;
    let menu: zbus::zvariant::OwnedObjectPath = item.get_property("Menu")?;
    zbus::blocking::Proxy::new(conn, owner.to_owned(), menu, "com.canonical.dbusmenu")
}

/// The tray's menu as the desktop's tray host reads it: each entry's id and label, separators
/// left out; None while it cannot be read (polled).
fn tray_menu(
    conn: &zbus::blocking::Connection,
    owner: &str,
    item: &str,
) -> Option<Vec<(i32, String)>> {
    let menu = tray_menu_proxy(conn, owner, item).ok()?;
    // The entries' ids are small numbers given in order; asking for more than exist is fine.
    let ids: Vec<i32> = (0..64).collect();
    let entries: Vec<(
        i32,
        std::collections::HashMap<String, zbus::zvariant::OwnedValue>,
    )> = menu
        .call("GetGroupProperties", &(ids, vec!["label", "type"]))
        .ok()?;
    let mut out: Vec<(i32, String)> = entries
        .into_iter()
        .filter(|(_, p)| {
            p.get("type")
                .and_then(|t| String::try_from(t.clone()).ok())
                .is_none_or(|t| t != "separator")
        })
        .filter_map(|(id, p)| {
            let label = String::try_from(p.get("label")?.clone()).ok()?;
            Some((id, label.replace('_', "")))
        })
        .collect();
    out.sort();
    Some(out)
}

/// Presses a menu entry as the tray host does when the user clicks it.
fn click_tray(conn: &zbus::blocking::Connection, owner: &str, item: &str, id: i32) {
    let menu = tray_menu_proxy(conn, owner, item).expect("the tray's menu");
    let _: () = menu
        .call(
            "Event",
            &(id, "clicked", zbus::zvariant::Value::from(0i32), 0u32),
        )
        .expect("the click is taken");
}

#[derive(Debug, Default)]
struct TraySeen {
    registered: Vec<(String, String)>,
    menu: Vec<(i32, String)>,
    hidden_after_close: bool,
    shown_by_open: bool,
    new_decision_screen: String,
    ended_by_quit: bool,
}

/// The tray, through the real app and a tray host on the session bus: it counts the due
/// reminder and offers Open Politely, New decision… and Quit; with the window closed (a reminder
/// is kept, so it only hides), "Open Politely" brings it back and "Quit" ends the app.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tray_counts_due_reminders_opens_the_window_and_quits() {
    let bus = PrivateBus::start().expect("dbus-daemon is needed (apt-get install dbus-daemon)");
    let _notifications = FakeNotifications::serve(&bus, &["body"]);
    let items = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let watcher = FakeTrayWatcher {
        items: std::sync::Arc::clone(&items),
    };
    let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .and_then(|b| b.serve_at("/StatusNotifierWatcher", watcher))
        .and_then(|b| b.name("org.kde.StatusNotifierWatcher"))
        .and_then(|b| b.build())
        .expect("the fake tray host is on the bus");
    let app = App::launch_with(
        "desktop-tray",
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())],
        |dir| add_reminder(dir, "Call Priya back", &minutes_ago(30)),
    )
    .await;
    let display = app.display().to_owned();
    let mut seen = TraySeen::default();
    let step = async {
        wait_for_screen(&app.driver, "home").await?;
        WebDriverResult::Ok(())
    }
    .await;
    wait_until("the tray item", Duration::from_secs(15), || {
        !items.lock().unwrap().is_empty()
    });
    seen.registered = items.lock().unwrap().clone();
    if let Some((owner, item)) = seen.registered.first().cloned() {
        // The count comes after the reminder clock's first round.
        wait_until("the due count in the menu", Duration::from_secs(15), || {
            seen.menu = tray_menu(&conn, &owner, &item).unwrap_or_default();
            seen.menu.iter().any(|(_, l)| l == "1 reminder due")
        });
        let window = window_id(&display).expect("a window titled Politely");
        seen.hidden_after_close = close_until(&display, window, Duration::from_secs(12), || {
            !mapped(&display, window)
        });
        let id = |label: &str| {
            seen.menu
                .iter()
                .find(|(_, l)| l == label)
                .map(|(id, _)| *id)
        };
        if let Some(open) = id("Open Politely") {
            click_tray(&conn, &owner, &item, open);
            seen.shown_by_open = wait_until("the window to show", Duration::from_secs(10), || {
                mapped(&display, window)
            });
        }
        if let Some(new) = id("New decision…") {
            click_tray(&conn, &owner, &item, new);
            seen.new_decision_screen = wait_for_screen(&app.driver, "decide")
                .await
                .map(|()| "decide".to_owned())
                .unwrap_or_else(|e| e.to_string());
        }
        if let Some(quit) = id("Quit") {
            click_tray(&conn, &owner, &item, quit);
            seen.ended_by_quit = wait_until("the app to end", Duration::from_secs(15), || {
                window_id(&display).is_none()
            });
        }
    }
    drop(app);
    step.unwrap_or_else(|e| panic!("a WebDriver step failed: {e}"));

    assert_eq!(
        seen.registered.len(),
        1,
        "one tray item (none: is the AppIndicator library installed? scripts/deps.sh build): {seen:?}"
    );
    let labels: Vec<&str> = seen.menu.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        ["1 reminder due", "Open Politely", "New decision…", "Quit"],
        "{seen:?}"
    );
    assert!(seen.hidden_after_close, "closing hid the window: {seen:?}");
    assert!(seen.shown_by_open, "Open Politely showed it: {seen:?}");
    assert_eq!(
        seen.new_decision_screen, "decide",
        "New decision… opened Decide: {seen:?}"
    );
    assert!(seen.ended_by_quit, "Quit ended the app: {seen:?}");
}
