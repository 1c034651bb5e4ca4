//! Desktop notifications without a desktop: a private D-Bus session bus and a fake
//! `org.freedesktop.Notifications` server on it that records every `Notify` call.
//!
//! A test starts a [`PrivateBus`], serves [`FakeNotifications`] on it, runs the client with
//! `DBUS_SESSION_BUS_ADDRESS` set to [`PrivateBus::address`] (on the child's `Command`, never on
//! this process: the tests of this binary run in parallel threads), then reads the calls:
//!
//! ```ignore
//! let bus = PrivateBus::start().expect("dbus-daemon is needed: apt-get install dbus-daemon");
//! let server = FakeNotifications::serve(&bus, &["body", "actions"]);
//! politely(home).args(["reminders", "notify-due"]).env("DBUS_SESSION_BUS_ADDRESS", &bus.address) …;
//! let calls = server.wait_for(1, Duration::from_secs(5));
//! assert_eq!(calls[0].summary, "…");
//! ```
//!
//! The bus runs with a configuration of its own, not the system's `session.conf`: that one reads
//! the installed service files, and a machine with a notification daemon installed (dunst is,
//! here) would start the real daemon for a call that no fake answers. On this bus nothing is ever
//! activated, so "no notification server" is an immediate `ServiceUnknown` error.

#![allow(dead_code)] // Helpers for the notification tests of other modules, not all used here.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

/// The well-known name, object path and interface of the Desktop Notifications specification.
pub const NAME: &str = "org.freedesktop.Notifications";
pub const PATH: &str = "/org/freedesktop/Notifications";
pub const INTERFACE: &str = "org.freedesktop.Notifications";

/// A private session bus (`dbus-daemon --nofork --print-address`), killed on drop.
pub struct PrivateBus {
    child: Child,
    /// Kept open so the daemon never writes into a closed pipe.
    _stdout: BufReader<ChildStdout>,
    dir: PathBuf,
    /// The address to put in `DBUS_SESSION_BUS_ADDRESS`, e.g. `unix:path=/tmp/…/dbus-Ab12,guid=…`.
    pub address: String,
}

impl PrivateBus {
    /// Starts one; None (with a message on stderr) when dbus-daemon is not installed, so callers
    /// can fail with a clear message. Returns once the bus accepts connections.
    pub fn start() -> Option<PrivateBus> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("politely-dbus-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the private bus's folder");
        let config = dir.join("bus.conf");
        std::fs::write(&config, bus_config(&dir)).expect("write the private bus's configuration");
        let log = dir.join("dbus-daemon.log");

        let spawned = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("create the dbus-daemon log"))
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!(
                    "dbus-daemon is not installed, so no private session bus can be started \
                     (Debian/Ubuntu: apt-get install dbus-daemon)"
                );
                let _ = std::fs::remove_dir_all(&dir);
                return None;
            }
            Err(e) => panic!("cannot run dbus-daemon: {e}"),
        };

        // The daemon prints its address once it listens, so the bus is ready when the line comes.
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut address = String::new();
        let read = stdout.read_line(&mut address);
        let address = address.trim().to_string();
        if read.is_err() || address.is_empty() {
            let _ = child.kill();
            let status = child.wait();
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            let _ = std::fs::remove_dir_all(&dir);
            panic!("dbus-daemon printed no address ({read:?}, {status:?}); its stderr: {log}");
        }
        Some(PrivateBus {
            child,
            _stdout: stdout,
            dir,
            address,
        })
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A session bus that listens in `dir`, lets anyone send, receive and own anything, and has no
/// service directories, so no call ever starts a program.
fn bus_config(dir: &std::path::Path) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        dir.display()
    )
}

/// One Notify call as the server received it.
#[derive(Debug, Clone)]
pub struct NotifyCall {
    pub app_name: String,
    pub replaces_id: u32,
    pub app_icon: String,
    pub summary: String,
    pub body: String,
    /// Pairs flattened as the spec sends them: `[key, label, key, label, …]`.
    pub actions: Vec<String>,
    /// E.g. `u8::try_from(&*call.hints["urgency"])` for notify-rust's `.urgency(…)`.
    pub hints: HashMap<String, OwnedValue>,
    pub expire_timeout: i32,
    /// The id we returned: `replaces_id` when that is not 0, else 1, 2, 3… in order of arrival.
    pub id: u32,
}

impl NotifyCall {
    /// The action keys (`actions` without their labels).
    pub fn action_keys(&self) -> Vec<&str> {
        self.actions.iter().step_by(2).map(String::as_str).collect()
    }
}

#[derive(Default)]
struct Record {
    calls: Vec<NotifyCall>,
    closed: Vec<u32>,
    last_id: u32,
}

#[derive(Default)]
struct Shared {
    record: Mutex<Record>,
    changed: Condvar,
}

struct Server {
    shared: Arc<Shared>,
    capabilities: Vec<String>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedValue>,
        expire_timeout: i32,
    ) -> u32 {
        let mut record = self.shared.record.lock().unwrap();
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            record.last_id += 1;
            record.last_id
        };
        record.calls.push(NotifyCall {
            app_name,
            replaces_id,
            app_icon,
            summary,
            body,
            actions,
            hints,
            expire_timeout,
            id,
        });
        self.shared.changed.notify_all();
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        self.capabilities.clone()
    }

    #[zbus(out_args("name", "vendor", "version", "spec_version"))]
    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "politely-fake-notifications".into(),
            "politely tests".into(),
            env!("CARGO_PKG_VERSION").into(),
            "1.2".into(),
        )
    }

    /// Records the id and emits NotificationClosed(id, 3), "closed by a call to CloseNotification".
    async fn close_notification(
        &self,
        id: u32,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<()> {
        {
            let mut record = self.shared.record.lock().unwrap();
            record.closed.push(id);
            self.shared.changed.notify_all();
        }
        Self::notification_closed(&emitter, id, 3).await?;
        Ok(())
    }

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// A fake notification daemon on `bus`, owning org.freedesktop.Notifications, recording calls.
/// Stopped on drop (its name is released and its connection closed).
pub struct FakeNotifications {
    conn: Option<zbus::Connection>,
    shared: Arc<Shared>,
}

impl FakeNotifications {
    /// Serves on the bus; `capabilities` is what GetCapabilities returns (e.g. &["body", "actions"]).
    /// Returns once the name is owned, so a client started right after sees the server.
    pub fn serve(bus: &PrivateBus, capabilities: &[&str]) -> FakeNotifications {
        let shared = Arc::new(Shared::default());
        let server = Server {
            shared: Arc::clone(&shared),
            capabilities: capabilities.iter().map(|c| c.to_string()).collect(),
        };
        // `build` requests the name and waits for the bus's reply; DoNotQueue (zbus's default)
        // turns "someone else owns it" into an error instead of a silent wait in the queue.
        let conn = zbus::block_on(async {
            zbus::connection::Builder::address(bus.address.as_str())?
                .serve_at(PATH, server)?
                .name(NAME)?
                .build()
                .await
        })
        .unwrap_or_else(|e| panic!("serve {NAME} on {}: {e}", bus.address));
        // After block_on returns, a zbus helper thread keeps serving the connection.
        FakeNotifications {
            conn: Some(conn),
            shared,
        }
    }

    /// Calls so far.
    pub fn calls(&self) -> Vec<NotifyCall> {
        self.shared.record.lock().unwrap().calls.clone()
    }

    /// Ids passed to CloseNotification so far.
    pub fn closed(&self) -> Vec<u32> {
        self.shared.record.lock().unwrap().closed.clone()
    }

    /// Waits up to `timeout` for at least `n` calls; returns them (fewer than `n` on timeout).
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<NotifyCall> {
        let deadline = Instant::now() + timeout;
        let mut record = self.shared.record.lock().unwrap();
        while record.calls.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            record = self.shared.changed.wait_timeout(record, left).unwrap().0;
        }
        record.calls.clone()
    }

    /// Emits ActionInvoked(id, action_key) as a user's click on the action would (signal on
    /// /org/freedesktop/Notifications, interface org.freedesktop.Notifications), then
    /// NotificationClosed(id, 2) ("dismissed by the user"). Returns once both are sent to the bus.
    ///
    /// Signals are broadcast: only a client already listening gets them. notify-rust's
    /// `wait_for_action` starts listening only after its Notify call has returned, so a test
    /// cannot know when a click will be seen: repeat [`Self::emit_action_invoked`] until the
    /// client has acted (a repeated `invoke_action` can hand it the NotificationClosed alone,
    /// which notify-rust reports as "__closed").
    pub fn invoke_action(&self, id: u32, action_key: &str) {
        self.emit(Some((id, action_key)), Some((id, 2)));
    }

    /// Emits ActionInvoked(id, action_key) alone.
    pub fn emit_action_invoked(&self, id: u32, action_key: &str) {
        self.emit(Some((id, action_key)), None);
    }

    /// Emits NotificationClosed(id, reason) alone (1 expired, 2 dismissed by the user,
    /// 3 closed by CloseNotification, 4 undefined).
    pub fn emit_notification_closed(&self, id: u32, reason: u32) {
        self.emit(None, Some((id, reason)));
    }

    fn emit(&self, action: Option<(u32, &str)>, closed: Option<(u32, u32)>) {
        let conn = self.conn.as_ref().expect("serving");
        zbus::block_on(async {
            let iface = conn.object_server().interface::<_, Server>(PATH).await?;
            let emitter = iface.signal_emitter();
            if let Some((id, key)) = action {
                Server::action_invoked(emitter, id, key).await?;
            }
            if let Some((id, reason)) = closed {
                Server::notification_closed(emitter, id, reason).await?;
            }
            zbus::Result::Ok(())
        })
        .unwrap_or_else(|e| panic!("emit {action:?} {closed:?}: {e}"));
    }
}

impl Drop for FakeNotifications {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // The bus may be gone already (dropped first): nothing to release then.
            let _ = zbus::block_on(async move {
                let _ = conn.release_name(NAME).await;
                conn.close().await
            });
        }
    }
}
