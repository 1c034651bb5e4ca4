//! The fake notification server answers real, independent clients: gdbus, notify-rust (the
//! crate the app sends with) and a zbus client listening for its signals.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::notify_server::*;

const CHILD_ENV: &str = "POLITELY_NOTIFY_CHILD";

fn start_bus() -> PrivateBus {
    PrivateBus::start()
        .expect("dbus-daemon is needed for the notification tests (apt-get install dbus-daemon)")
}

/// `gdbus call --session` against the notification server on `address`.
fn gdbus(address: &str, method: &str, args: &[&str]) -> Output {
    Command::new("gdbus")
        .args(["call", "--session", "--dest", NAME, "--object-path", PATH])
        .args(["--method", &format!("{INTERFACE}.{method}")])
        // After `--`, so that a negative number (an expire_timeout of -1) is not read as an option.
        .arg("--")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .stdin(Stdio::null())
        .output()
        .expect("gdbus is needed for the notification tests (apt-get install libglib2.0-bin)")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// This test binary again, running only `notify_server_tests::notify_rust_child` with `mode`, with
/// its session bus at `address`: notify-rust reads DBUS_SESSION_BUS_ADDRESS from the process
/// environment, which these parallel tests must not change in their own process.
fn notify_rust_client(mode: &str, address: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("the test binary's path"));
    cmd.args([
        "--exact",
        "notify_server_tests::notify_rust_child",
        "--nocapture",
        "--test-threads=1",
        "--quiet",
    ])
    .env(CHILD_ENV, mode)
    .env("DBUS_SESSION_BUS_ADDRESS", address)
    .stdin(Stdio::null());
    cmd
}

/// The `key=value` lines the child printed, in order.
fn child_lines(out: &Output) -> Vec<String> {
    text(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("child:"))
        .map(|l| l["child:".len()..].to_string())
        .collect()
}

/// Not a test of its own: the client half of the notify-rust tests, which run this binary again
/// with POLITELY_NOTIFY_CHILD set. Without it, it returns at once.
#[test]
fn notify_rust_child() {
    let Ok(mode) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut notification = notify_rust::Notification::new();
    notification
        .appname("Politely")
        .summary("Follow up with Acme")
        .body("You said you'd write back to Dana today.")
        .icon("dialog-information")
        .action("default", "Open")
        .action("snooze", "Snooze 1 h")
        .urgency(notify_rust::Urgency::Critical)
        .timeout(notify_rust::Timeout::Milliseconds(6000));
    match mode.as_str() {
        "info" => {
            let caps = notify_rust::get_capabilities().expect("GetCapabilities");
            println!("child:capabilities={}", caps.join(","));
            let info = notify_rust::get_server_information().expect("GetServerInformation");
            println!("child:server={} {}", info.name, info.spec_version);
        }
        "show" => match notification.show() {
            Ok(handle) => println!("child:id={}", handle.id()),
            Err(e) => println!("child:error={e}"),
        },
        "wait" => {
            let handle = notification.show().expect("show");
            println!("child:id={}", handle.id());
            handle.wait_for_action(|action| println!("child:action={action}"));
        }
        other => panic!("unknown {CHILD_ENV} mode {other:?}"),
    }
}

#[test]
fn gdbus_notify_is_recorded() {
    let bus = start_bus();
    let server = FakeNotifications::serve(&bus, &["body", "actions"]);
    let out = gdbus(
        &bus.address,
        "Notify",
        &[
            "'Politely'",
            "0",
            "'dialog-information'",
            "'Follow up with Acme'",
            "'Write back to Dana today.'",
            "['snooze', 'Snooze 1 h']",
            "{'urgency': <byte 2>}",
            "5000",
        ],
    );
    assert!(out.status.success(), "gdbus Notify: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "(uint32 1,)");

    let calls = server.wait_for(1, Duration::from_secs(2));
    assert_eq!(calls.len(), 1, "{calls:?}");
    let call = &calls[0];
    assert_eq!(call.app_name, "Politely");
    assert_eq!(call.replaces_id, 0);
    assert_eq!(call.app_icon, "dialog-information");
    assert_eq!(call.summary, "Follow up with Acme");
    assert_eq!(call.body, "Write back to Dana today.");
    assert_eq!(call.actions, ["snooze", "Snooze 1 h"]);
    assert_eq!(call.action_keys(), ["snooze"]);
    assert_eq!(u8::try_from(&*call.hints["urgency"]).unwrap(), 2);
    assert_eq!(call.expire_timeout, 5000);
    assert_eq!(call.id, 1);

    // A second call gets the next id; one that replaces keeps the id it replaces.
    let again = |replaces: &str| {
        let out = gdbus(
            &bus.address,
            "Notify",
            &["'Politely'", replaces, "''", "'s'", "'b'", "[]", "{}", "-1"],
        );
        assert!(out.status.success(), "gdbus Notify: {}", text(&out.stderr));
        text(&out.stdout).trim().to_string()
    };
    assert_eq!(again("0"), "(uint32 2,)");
    assert_eq!(again("1"), "(uint32 1,)");
    let calls = server.calls();
    assert_eq!(
        calls
            .iter()
            .map(|c| (c.replaces_id, c.id))
            .collect::<Vec<_>>(),
        [(0, 1), (0, 2), (1, 1)]
    );
    assert_eq!(calls[1].expire_timeout, -1);
}

#[test]
fn gdbus_sees_capabilities_server_information_and_close() {
    let bus = start_bus();
    let server = FakeNotifications::serve(&bus, &["body", "actions"]);
    let out = gdbus(&bus.address, "GetCapabilities", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "(['body', 'actions'],)");

    let out = gdbus(&bus.address, "GetServerInformation", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    assert!(
        info.starts_with("('politely-fake-notifications', 'politely tests', '")
            && info.trim().ends_with("', '1.2')"),
        "{info}"
    );

    let out = gdbus(&bus.address, "CloseNotification", &["7"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "()");
    assert_eq!(server.closed(), [7]);

    // Another server with other capabilities on another bus: nothing is shared.
    let bus2 = start_bus();
    let _server2 = FakeNotifications::serve(&bus2, &[]);
    let out = gdbus(&bus2.address, "GetCapabilities", &[]);
    assert_eq!(text(&out.stdout).trim(), "(@as [],)");
    assert!(server.calls().is_empty());
}

#[test]
fn notify_rust_sends_to_the_fake_server() {
    let bus = start_bus();
    let server = FakeNotifications::serve(&bus, &["body", "actions", "persistence"]);

    let out = notify_rust_client("info", &bus.address).output().unwrap();
    assert!(
        out.status.success(),
        "child: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(
        child_lines(&out),
        [
            "capabilities=body,actions,persistence",
            "server=politely-fake-notifications 1.2"
        ]
    );

    let out = notify_rust_client("show", &bus.address).output().unwrap();
    assert!(
        out.status.success(),
        "child: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(child_lines(&out), ["id=1"]);

    let calls = server.calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    let call = &calls[0];
    assert_eq!(call.app_name, "Politely");
    assert_eq!(call.summary, "Follow up with Acme");
    assert_eq!(call.body, "You said you'd write back to Dana today.");
    assert_eq!(call.app_icon, "dialog-information");
    assert_eq!(call.actions, ["default", "Open", "snooze", "Snooze 1 h"]);
    assert_eq!(call.expire_timeout, 6000);
    assert_eq!(call.replaces_id, 0);
    // notify-rust sends Urgency::Critical as the spec's byte 2.
    assert_eq!(u8::try_from(&*call.hints["urgency"]).unwrap(), 2);
}

#[test]
fn notify_rust_wait_for_action_gets_the_invoked_action() {
    let bus = start_bus();
    let server = FakeNotifications::serve(&bus, &["body", "actions"]);
    let mut child = notify_rust_client("wait", &bus.address)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let calls = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(calls.len(), 1, "the child's Notify never came");
    // notify-rust listens for the signals only after Notify has returned, so a click sent at
    // once could come before that: click again until the child has taken one. ActionInvoked
    // alone, since a NotificationClosed that came through after a lost click would end the wait.
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        server.emit_action_invoked(calls[0].id, "snooze");
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the notify-rust child never saw ActionInvoked");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().unwrap();
    assert!(
        status.success(),
        "child: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(child_lines(&out), ["id=1", "action=snooze"]);
}

#[test]
fn invoke_action_reaches_a_subscribed_zbus_client() {
    use futures_lite::StreamExt;

    let bus = start_bus();
    let server = FakeNotifications::serve(&bus, &["actions"]);
    // The subscription is in place on the bus once for_match_rule returns.
    let mut stream = zbus::block_on(async {
        let conn = zbus::connection::Builder::address(bus.address.as_str())?
            .build()
            .await?;
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .sender(NAME)?
            .path(PATH)?
            .interface(INTERFACE)?
            .build();
        zbus::MessageStream::for_match_rule(rule, &conn, None).await
    })
    .expect("subscribe to the notification signals");

    server.invoke_action(42, "snooze");

    // Read on a thread of its own so a missing signal fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        zbus::block_on(async {
            for _ in 0..2 {
                let msg = stream
                    .next()
                    .await
                    .expect("stream open")
                    .expect("a message");
                let header = msg.header();
                let member = header.member().map(|m| m.to_string()).unwrap_or_default();
                let body = match member.as_str() {
                    "ActionInvoked" => format!("{:?}", msg.body().deserialize::<(u32, String)>()),
                    _ => format!("{:?}", msg.body().deserialize::<(u32, u32)>()),
                };
                let path = header.path().map(|p| p.to_string()).unwrap_or_default();
                let _ = tx.send(format!("{path} {member} {body}"));
            }
        })
    });
    let got: Vec<String> = (0..2)
        .map(|_| {
            rx.recv_timeout(Duration::from_secs(2))
                .expect("a signal within 2 s")
        })
        .collect();
    assert_eq!(
        got,
        [
            format!("{PATH} ActionInvoked Ok((42, \"snooze\"))"),
            format!("{PATH} NotificationClosed Ok((42, 2))"),
        ]
    );
}

#[test]
fn no_bus_and_no_server_fail_at_once() {
    // No bus at the address: what a session without D-Bus looks like to a client.
    let started = Instant::now();
    let out = gdbus("unix:path=/nonexistent", "GetCapabilities", &[]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("Could not connect"), "{err}");
    // notify-rust's `show()` returns an error there too, at once.
    let out = notify_rust_client("show", "unix:path=/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "child: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let lines = child_lines(&out);
    assert!(
        lines.len() == 1 && lines[0].starts_with("error="),
        "{lines:?}"
    );
    eprintln!("notify-rust with no bus: {}", lines[0]);

    // A bus but no notification server: ServiceUnknown, and nothing is started in its place.
    let bus = start_bus();
    let out = gdbus(
        &bus.address,
        "Notify",
        &["'Politely'", "0", "''", "'s'", "'b'", "[]", "{}", "-1"],
    );
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("org.freedesktop.DBus.Error.ServiceUnknown"),
        "{err}"
    );

    // The same through notify-rust: `show()` returns an error, it does not panic or hang.
    let out = notify_rust_client("show", &bus.address).output().unwrap();
    assert!(
        out.status.success(),
        "child: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let lines = child_lines(&out);
    assert!(
        lines.len() == 1 && lines[0].starts_with("error=") && lines[0].contains("ServiceUnknown"),
        "{lines:?}"
    );
    eprintln!("notify-rust with no server: {}", lines[0]);

    // A server that is dropped is gone from the bus at once.
    let server = FakeNotifications::serve(&bus, &["body"]);
    drop(server);
    let out = gdbus(&bus.address, "GetCapabilities", &[]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
