//! `politely reminders` against a real D-Bus: a private session bus with a fake
//! `org.freedesktop.Notifications` that records every Notify call, and the no-bus and
//! no-service cases. The reminders live in a real SQLite file in a temporary data folder.

use std::process::Command;
use std::time::Duration;

use crate::notify_server::{FakeNotifications, PrivateBus};
use crate::util::{politely, run, TempDir};

fn bus() -> PrivateBus {
    PrivateBus::start()
        .expect("dbus-daemon is needed for these tests (apt-get install dbus-daemon)")
}

fn cmd(home: &TempDir, bus_address: &str) -> Command {
    let mut c = politely(home.path());
    c.env("DBUS_SESSION_BUS_ADDRESS", bus_address)
        .env("TZ", "Europe/London");
    c
}

fn add(home: &TempDir, title: &str, due: &str) -> i64 {
    let (code, out, err) = run(cmd(home, "unix:path=/nonexistent").args([
        "reminders",
        "add",
        "--title",
        title,
        "--due",
        due,
        "--json",
    ]));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn listed(home: &TempDir, args: &[&str]) -> Vec<serde_json::Value> {
    let (code, out, err) = run(cmd(home, "unix:path=/nonexistent")
        .args(["reminders", "list", "--json"])
        .args(args));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<Vec<serde_json::Value>>(&out).unwrap()
}

fn situation(home: &TempDir, invited: chrono::DateTime<chrono::Utc>) -> std::path::PathBuf {
    let path = home.path().join("situation.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"company": "Acme Robotics", "role": "Data Engineer", "invited_at": "{}",
                "contact": {{"name": "Priya Natarajan"}}, "reasons": ["logistics"], "checklist": {{"decided": true}}}}"#,
            invited.to_rfc3339()
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_due_reminder_becomes_one_notify_call_naming_the_company_and_never_fires_twice() {
    let home = TempDir::new("reminders-notify");
    let bus = bus();
    let server = FakeNotifications::serve(&bus, &["body", "actions"]);
    // An invitation that arrived 23 h 59 min 40 s ago: "reply today" falls due in 20 s, room
    // for the runs below on a loaded machine (a debug run can take seconds) before it is due.
    let lead = Duration::from_secs(20);
    let started = std::time::Instant::now();
    let file = situation(
        &home,
        chrono::Utc::now() - chrono::Duration::seconds(24 * 3600 - 20),
    );
    let (code, _, err) = run(cmd(&home, &bus.address).args([
        "history",
        "add",
        "--situation",
        file.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    let kinds: Vec<String> = listed(&home, &[])
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["respond_ideal", "respond_last_call"]);
    assert!(listed(&home, &["--due"]).is_empty(), "not due yet");

    // Not yet due: nothing is sent.
    let (code, _, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 0, "{err}");
    assert!(server.calls().is_empty());

    std::thread::sleep((lead + Duration::from_millis(500)).saturating_sub(started.elapsed()));
    let due = listed(&home, &["--due"]);
    assert_eq!(due.len(), 1);
    let r = &due[0];
    for field in ["id", "kind", "due_at", "opportunity_id", "company", "state"] {
        assert!(r.get(field).is_some(), "{field} in {r}");
    }
    assert_eq!(r["company"], "Acme Robotics");
    assert_eq!(r["state"], "pending");

    let (code, out, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "notified: Reply to Acme Robotics today");
    let calls = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(calls.len(), 1, "{calls:?}");
    let call = &calls[0];
    assert_eq!(call.app_name, "Politely");
    assert_eq!(call.summary, "Reply to Acme Robotics today");
    let due_local = chrono::DateTime::parse_from_rfc3339(r["due_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono_tz::Europe::London)
        .format("%a %-d %b, %H:%M")
        .to_string();
    assert!(
        call.body
            .starts_with(&format!("Due {due_local} (Data Engineer).")),
        "body names the due time in local time: {:?}",
        call.body
    );
    assert!(
        call.actions.is_empty(),
        "the CLI exits at once: no Open button it could not honour"
    );

    assert_eq!(listed(&home, &[])[0]["state"], "notified");
    let (code, out, _) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!((code, out.as_str()), (0, ""));
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(server.calls().len(), 1, "nothing fires twice");
}

#[test]
fn several_due_reminders_are_grouped_into_one_notification() {
    let home = TempDir::new("reminders-group");
    let bus = bus();
    let server = FakeNotifications::serve(&bus, &["body"]);
    let past = (chrono::Utc::now() - chrono::Duration::minutes(10)).to_rfc3339();
    add(&home, "Call Priya back", &past);
    add(&home, "Send the thank-you card {{ 7*7 }} <b>🚀</b>", &past);
    let (code, out, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    let calls = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].summary, "2 reminders are due");
    assert!(calls[0].body.contains("Call Priya back"));
    assert!(
        calls[0]
            .body
            .contains("Send the thank-you card {{ 7*7 }} <b>🚀</b>"),
        "user text as typed: {}",
        calls[0].body
    );
}

#[test]
fn without_a_notification_service_it_says_so_once_leaves_them_pending_and_exits_3() {
    let home = TempDir::new("reminders-nobus");
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    let id = add(&home, "Call Priya back", &past);
    // No session bus at all.
    let (code, out, err) =
        run(cmd(&home, "unix:path=/nonexistent/bus").args(["reminders", "notify-due"]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert!(
        err.starts_with(
            "politely: desktop notifications are unavailable: there is no desktop session bus"
        ) && err.trim_end().ends_with("1 reminder left pending"),
        "{err}"
    );
    // A bus, but nothing owns org.freedesktop.Notifications.
    let bus = bus();
    let (code, _, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("no notification service is running"), "{err}");
    let r = &listed(&home, &[])[0];
    assert_eq!(
        (r["id"].as_i64(), r["state"].as_str()),
        (Some(id), Some("pending"))
    );
    // The service comes back: it is delivered then.
    let server = FakeNotifications::serve(&bus, &[]);
    let (code, _, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        server.wait_for(1, Duration::from_secs(5))[0].summary,
        "Call Priya back"
    );
}

#[test]
fn list_add_and_export_ics_for_a_calendar() {
    let home = TempDir::new("reminders-ics");
    assert!(
        listed(&home, &[]).is_empty(),
        "no database yet: nothing, and none is created"
    );
    let db = home
        .path()
        .join(".local/share/app.politely.desktop/politely.db");
    assert!(
        !db.exists(),
        "listing created no database at {}",
        db.display()
    );
    let due = "2030-03-31T09:00:00+01:00";
    let id = add(&home, "Reconnect with Priya; ask about Q3, maybe", due);
    let (code, out, err) =
        run(cmd(&home, "unix:path=/nonexistent").args(["reminders", "export-ics"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("BEGIN:VCALENDAR\r\n") && out.ends_with("END:VCALENDAR\r\n"),
        "{out}"
    );
    assert!(out.contains(&format!("UID:reminder-{id}@politely.app\r\n")));
    assert!(
        out.contains("BEGIN:VTODO\r\n") && out.contains("DUE:20300331T080000Z\r\n"),
        "{out}"
    );
    assert!(
        out.contains("SUMMARY:Reconnect with Priya\\; ask about Q3\\, maybe\r\n"),
        "{out}"
    );
    assert!(out.contains("BEGIN:VALARM\r\n"));
    let file = home.path().join("reminders.ics");
    let (code, _, err) = run(cmd(&home, "unix:path=/nonexistent").args([
        "reminders",
        "export-ics",
        "--events",
        "--out",
        file.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 1 reminder to"), "{err}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("BEGIN:VEVENT\r\n") && text.contains("DTSTART:20300331T080000Z\r\n"));
    for (args, expect) in [
        (
            vec!["reminders", "add", "--title", "x", "--due", "tomorrow"],
            "due: “tomorrow” is not a date-time",
        ),
        (
            vec!["reminders", "add", "--title", " ", "--due", due],
            "title: is empty",
        ),
        (
            vec![
                "reminders",
                "add",
                "--title",
                "x",
                "--due",
                due,
                "--opportunity",
                "99",
            ],
            "opportunity 99 was not found",
        ),
    ] {
        let (code, _, err) = run(cmd(&home, "unix:path=/nonexistent").args(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
    }
}

#[test]
fn a_server_that_reads_markup_gets_user_text_escaped() {
    let home = TempDir::new("reminders-markup");
    let bus = bus();
    let server = FakeNotifications::serve(&bus, &["body", "body-markup"]);
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    add(&home, "Ask AT&T <b>why</b>", &past);
    add(&home, "Call Priya", &past);
    let (code, _, err) = run(cmd(&home, &bus.address).args(["reminders", "notify-due"]));
    assert_eq!(code, 0, "{err}");
    let calls = server.wait_for(1, Duration::from_secs(5));
    assert!(
        calls[0]
            .body
            .contains("Ask AT&amp;T &lt;b&gt;why&lt;/b&gt;"),
        "shown as typed, not as tags: {}",
        calls[0].body
    );
}
