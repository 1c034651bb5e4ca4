//! Reminders in the real window with a real D-Bus: a reminder that fell due while the app was
//! closed becomes a desktop notification at start (on a private session bus with a fake
//! notification daemon that records every call), "Open" brings the window to it, the view
//! snoozes / completes / dismisses with Undo, and a new reminder fires when due. Without a
//! notification service the banner and the badge carry it and the user is told why, once.

use std::time::{Duration, Instant};

use politely_e2e::*;

use crate::compose::notice;
use crate::notify_server::{FakeNotifications, NotifyCall, PrivateBus};

/// The app's time zone in these tests. Whatever zone the tests themselves run in (make
/// test-clock moves it), a time typed into the window is written in this one.
const APP_ZONE: chrono_tz::Tz = chrono_tz::Europe::London;

async fn calls_now(server: &FakeNotifications, n: usize) -> Vec<NotifyCall> {
    let start = Instant::now();
    loop {
        let calls = server.calls();
        if calls.len() >= n || start.elapsed() > Duration::from_secs(15) {
            return calls;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn group_of(driver: &WebDriver, id: i64) -> WebDriverResult<String> {
    js_text(
        driver,
        &format!("const li = document.querySelector('#rem-groups [data-id=\"{id}\"]'); return li ? li.dataset.group : ''"),
    )
    .await
}

async fn wait_group(driver: &WebDriver, id: i64, group: &str) -> WebDriverResult<String> {
    eventually(&format!("reminder {id} in {group}"), || async {
        let g = group_of(driver, id).await?;
        Ok((g == group).then_some(g))
    })
    .await
}

#[derive(Debug, Default)]
struct Seen {
    first_call: Option<NotifyCall>,
    badge: String,
    opened_screen: String,
    flashed: Vec<String>,
    snoozed_to: String,
    snooze_notice: String,
    after_undo: String,
    done_group: String,
    after_done_undo: String,
    dismissed_group: String,
    status_line: String,
    new_call: Option<NotifyCall>,
    fired_after_ms: i64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missed_reminder_notifies_at_start_opens_the_app_and_the_view_changes_it_with_undo() {
    let bus = PrivateBus::start().expect("dbus-daemon is needed (apt-get install dbus-daemon)");
    let server = FakeNotifications::serve(&bus, &["body", "actions"]);
    let mut ids = Vec::new();
    let app = App::launch_with(
        "reminders-flow",
        &[
            ("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str()),
            ("TZ", APP_ZONE.name()),
        ],
        |dir| {
            for (title, due) in [
                ("Call Priya back", minutes_ago(90)),
                ("Send the thank-you card", days_ahead(3)),
                ("Ask Globex for feedback", days_ahead(5)),
            ] {
                let out = cli(
                    dir,
                    &[
                        "reminders",
                        "add",
                        "--title",
                        title,
                        "--due",
                        &due,
                        "--json",
                    ],
                );
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                ids.push(v["id"].as_i64().unwrap());
            }
        },
    )
    .await;
    let (missed, card, globex) = (ids[0], ids[1], ids[2]);
    let server = &server;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Seen::default();
            wait_for_screen(&driver, "home").await?;
            // Caught up at start: the reminder that fell due while the app was closed.
            seen.first_call = calls_now(server, 1).await.first().cloned();
            let id = seen.first_call.as_ref().map_or(0, |c| c.id);
            seen.badge = eventually("the badge", || async {
                let b = js_text(&driver, "const b = document.getElementById('nav-rem-badge'); return b.hidden ? '' : b.textContent").await?;
                Ok((!b.is_empty()).then_some(b))
            })
            .await?;

            // "Open" on the notification brings the app to that reminder. (A click can land
            // before notify-rust listens for it; a person would click again, and so do we.)
            for _ in 0..20 {
                server.emit_action_invoked(id, "open");
                tokio::time::sleep(Duration::from_millis(250)).await;
                if visible_screen(&driver).await? == "reminders" {
                    break;
                }
            }
            seen.opened_screen = visible_screen(&driver).await?;
            seen.flashed = texts(&driver, "#rem-groups .rem-item.flash .rem-summary").await?;
            seen.status_line = js_text(&driver, "return document.getElementById('rem-desktop').textContent").await?;
            shots.take(&driver, "reminders").await?;

            // Snooze an hour, then Undo.
            set_value(&driver, &format!("#rem-groups [data-id=\"{missed}\"] select[data-action=snooze]"), "0").await?;
            seen.snoozed_to = eventually("snoozed", || async {
                let g = group_of(&driver, missed).await?;
                Ok((g == "today" || g == "upcoming").then_some(g))
            })
            .await?;
            seen.snooze_notice = notice(&driver).await?;
            notice_action(&driver).await?;
            seen.after_undo = wait_group(&driver, missed, "overdue").await?;

            // Done, then Undo; Dismiss.
            click(&driver, &format!("#rem-groups [data-id=\"{card}\"] [data-action=done]")).await?;
            seen.done_group = wait_group(&driver, card, "closed").await?;
            notice(&driver).await?;
            notice_action(&driver).await?;
            seen.after_done_undo = wait_group(&driver, card, "upcoming").await?;
            click(&driver, &format!("#rem-groups [data-id=\"{globex}\"] [data-action=dismiss]")).await?;
            seen.dismissed_group = wait_group(&driver, globex, "closed").await?;

            // A new reminder due in three seconds fires while the app runs.
            click(&driver, "#rem-new").await?;
            type_into(&driver, "#rem-title", "Ring Dana at five").await?;
            // Whole seconds: that is what the field holds.
            // In the app's zone, not this process's: the field holds the app's local time.
            let due = chrono::Timelike::with_nanosecond(&(chrono::Utc::now().with_timezone(&APP_ZONE) + chrono::Duration::seconds(4)), 0).unwrap();
            set_value(&driver, "#rem-due", &due.format("%Y-%m-%dT%H:%M:%S").to_string()).await?;
            click(&driver, "#rem-save").await?;
            let before = server.calls().len();
            let calls = calls_now(server, before + 1).await;
            let fired = chrono::Utc::now();
            seen.new_call = calls.get(before).cloned();
            seen.fired_after_ms = (fired - due.with_timezone(&chrono::Utc)).num_milliseconds();
            shots.take(&driver, "reminders-after").await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    let first = seen.first_call.expect("a notification at start");
    assert_eq!(first.app_name, "Politely");
    assert_eq!(first.summary, "Call Priya back");
    assert!(
        first.body.starts_with("Due "),
        "the due time: {}",
        first.body
    );
    assert!(
        first.action_keys().contains(&"open"),
        "an Open action: {:?}",
        first.actions
    );
    assert_eq!(seen.badge, "1", "one reminder due");
    assert_eq!(
        seen.opened_screen, "reminders",
        "Open brings the app to the reminder"
    );
    assert_eq!(seen.flashed, ["Call Priya back"]);
    assert!(
        seen.status_line.starts_with("Desktop notifications are on"),
        "{}",
        seen.status_line
    );
    assert!(
        seen.snooze_notice
            .starts_with("Snoozed: “Call Priya back” until "),
        "{}",
        seen.snooze_notice
    );
    assert_eq!(seen.after_undo, "overdue");
    assert_eq!(
        (seen.done_group.as_str(), seen.after_done_undo.as_str()),
        ("closed", "upcoming")
    );
    assert_eq!(seen.dismissed_group, "closed");
    let new = seen.new_call.expect("the new reminder fired");
    assert_eq!(new.summary, "Ring Dana at five");
    assert!(
        seen.fired_after_ms >= 0,
        "not before it was due (seconds are whole): {} ms",
        seen.fired_after_ms
    );
    eprintln!(
        "reminder fired {} ms after its due time (observed by the fake daemon's poller)",
        seen.fired_after_ms
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_notification_service_the_banner_and_badge_carry_it_and_say_why() {
    let app = App::launch_with("reminders-nobus", &[], |dir| {
        add_reminder(dir, "Call Priya back", &minutes_ago(30));
    })
    .await;
    let data_dir = app.data_dir.clone();
    let ((banner, explained, badge, status), home) = app
        .run_keeping(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            let banner = eventually("the reminder banner", || async {
                let b = js_text(&driver, "const b = document.getElementById('reminder-banner'); return b.hidden ? '' : document.getElementById('reminder-banner-text').textContent").await?;
                Ok((!b.is_empty()).then_some(b))
            })
            .await?;
            let explained = notice(&driver).await?;
            let badge = js_text(&driver, "return document.getElementById('nav-rem-badge').textContent").await?;
            shots.take(&driver, "reminders-no-notifications").await?;
            click(&driver, "#reminder-banner-open").await?;
            wait_for_screen(&driver, "reminders").await?;
            let status = eventually("the status line", || async {
                let s = js_text(&driver, "return document.getElementById('rem-desktop').textContent").await?;
                Ok((!s.is_empty()).then_some(s))
            })
            .await?;
            // Start at login: the setting writes the XDG autostart entry (tauri-plugin-autostart).
            click(&driver, "#rem-settings > summary").await?;
            click(&driver, "#rem-autostart").await?;
            eventually("the setting saved", || async {
                let n = js_text(&driver, "return document.getElementById('rem-settings-note').textContent").await?;
                Ok(n.contains("start in the background").then_some(()))
            })
            .await?;
            Ok((banner, explained, badge, status))
        })
        .await;
    let entry = std::fs::read_to_string(home.path().join(".config/autostart/Politely.desktop"))
        .expect("the autostart entry is written in ~/.config/autostart");
    assert!(
        entry
            .lines()
            .any(|l| l.starts_with("Exec=") && l.ends_with(" --background")),
        "{entry}"
    );
    assert_eq!(banner, "Reminder due: Call Priya back");
    assert!(
        explained.starts_with("Desktop notifications are off: there is no desktop session bus"),
        "told why: {explained}"
    );
    assert_eq!(badge, "1");
    assert!(
        status.starts_with("Desktop notifications are off ("),
        "{status}"
    );
    let listed = cli(&data_dir, &["reminders", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(
        v[0]["state"], "pending",
        "it stays pending for when notifications work"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_reminder_opens_the_follow_up_note_in_compose() {
    let app = App::launch_with("reminders-follow-up", &[], |dir| {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
        cli(
            dir,
            &[
                "history",
                "add",
                "--situation",
                &format!("{fixtures}/email-decline.json"),
            ],
        );
        // Months later: the stay-in-touch reminder of a sent decline (added through an import,
        // the way a history moves between computers).
        let mut export: serde_json::Value =
            serde_json::from_str(&cli(dir, &["history", "export", "--format", "json"])).unwrap();
        export["reminders"] = serde_json::json!([{
            "id": 100, "opportunity_id": export["opportunities"][0]["id"], "kind": "follow_up",
            "due_at": minutes_ago(60), "state": "pending", "notified_at": null,
            "created_at": minutes_ago(60 * 24 * 180), "title": null
        }]);
        let file = dir.join("with-follow-up.json");
        std::fs::write(&file, export.to_string()).unwrap();
        cli(dir, &["history", "import", file.to_str().unwrap()]);
    })
    .await;
    let seen = app
        .run(|driver, _shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=reminders]").await?;
            wait_for_screen(&driver, "reminders").await?;
            let summary = eventually("the follow-up", || async {
                let t = texts(&driver, "#rem-groups [data-kind=follow_up] .rem-summary").await?;
                Ok(t.into_iter().next())
            })
            .await?;
            click(
                &driver,
                "#rem-groups [data-kind=follow_up] [data-action=compose]",
            )
            .await?;
            wait_for_screen(&driver, "compose").await?;
            let scenario = eventually("the follow-up note", || async {
                let s = js_text(
                    &driver,
                    "return document.getElementById('compose-scenario').value",
                )
                .await?;
                Ok((s == "follow_up").then_some(s))
            })
            .await?;
            let company = js_text(
                &driver,
                "return document.querySelector('#compose-form [name=company]').value",
            )
            .await?;
            let origin = js_text(
                &driver,
                "return document.getElementById('compose-origin').textContent",
            )
            .await?;
            Ok((summary, scenario, company, origin))
        })
        .await;
    let (summary, scenario, company, origin) = seen;
    assert_eq!(summary, "Reconnect with Acme Robotics");
    assert_eq!(scenario, "follow_up");
    assert_eq!(company, "Acme Robotics");
    assert!(
        origin.starts_with("Writing the follow-up to Acme Robotics"),
        "Compose says the reminder asked for it: {origin}"
    );
}

/// Calendar export makes events by default (many calendars ignore tasks) and says where the
/// file went beside the button.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_export_defaults_to_events_and_says_where_beside_the_button() {
    let app = App::launch_with("reminders-ics", &[], |dir| {
        add_reminder(dir, "Call Priya back", &days_ahead(2));
    })
    .await;
    let ((kind, notice), _home) = app
        .run_keeping(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=reminders]").await?;
            wait_for_screen(&driver, "reminders").await?;
            let kind = js_text(&driver, "return document.getElementById('rem-ics-kind').value").await?;
            click(&driver, "#rem-export-all").await?;
            let notice = eventually("the export's notice", || async {
                let t = js_text(&driver, "return document.querySelector('#rem-feedback.shown .feedback-text')?.textContent ?? ''").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            shots.take(&driver, "reminders-exported").await?;
            Ok((kind, notice))
        })
        .await;
    assert_eq!(kind, "event", "events by default");
    let path = notice
        .trim_start_matches("Exported to ")
        .split(". Open it")
        .next()
        .unwrap()
        .to_owned();
    let ics = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{notice}: {e}"));
    assert!(
        ics.contains("BEGIN:VEVENT") && !ics.contains("BEGIN:VTODO"),
        "{ics}"
    );
}
