//! The reminder clock of the running app: one thread that sleeps until the next reminder falls
//! due (no polling), wakes early when reminders change, announces what is due, and goes back to
//! sleep. At start it catches up on everything that fell due while the app was closed.
//!
//! It opens its own connection to the history database (SQLite in WAL mode serves the window's
//! connection and this one side by side), so a slow notification never holds the window's lock.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration as StdDuration;

use chrono::{Local, Utc};

use super::{notify_due, Notifier, Round};
use crate::store::Store;

/// Longest single sleep. The wait is measured on the monotonic clock, which stops while the
/// computer is suspended; waking at least hourly bounds how late a reminder can be after a
/// resume or a change of the wall clock.
pub const MAX_SLEEP: StdDuration = StdDuration::from_secs(60 * 60);
/// How long to wait before trying the desktop again after it could not show a notification.
pub const RETRY_UNAVAILABLE: StdDuration = StdDuration::from_secs(10 * 60);
/// First wait after the history could not be read (doubling up to [`MAX_SLEEP`]).
pub const FAILURE_RETRY: StdDuration = StdDuration::from_secs(60);

/// What the scheduler reports to the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// A round ran (woken by a due time, a change or the hourly check): what was shown, or
    /// held because notifications are unavailable — often nothing, which still tells the window
    /// to refresh its badge.
    Round(Round),
    /// The history could not be read; the scheduler waits for the next change.
    Failed(String),
}

#[derive(Default)]
struct Control {
    changed: bool,
    stop: bool,
    /// Asked to let go of the database (it is about to be replaced).
    paused: bool,
    /// The thread has closed its connection and waits for `paused` to clear.
    released: bool,
    /// Bumped by every pause: a connection opened before it is stale.
    generation: u64,
}

/// How long [`Scheduler::pause`] waits for a round in progress to finish.
pub const PAUSE_TIMEOUT: StdDuration = StdDuration::from_secs(10);

/// Handle to the running scheduler; stops it when dropped.
pub struct Scheduler {
    shared: Arc<(Mutex<Control>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Scheduler {
    /// Starts the scheduler on `db` (opened on its own thread); `on_event` is called from that
    /// thread after every round that did something and on failures.
    pub fn start(
        db: PathBuf,
        notifier: Arc<dyn Notifier>,
        on_event: impl Fn(Event) + Send + 'static,
    ) -> Scheduler {
        let shared = Arc::new((Mutex::new(Control::default()), Condvar::new()));
        let inner = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("politely-reminders".into())
            .spawn(move || run(&db, notifier.as_ref(), &on_event, &inner))
            .expect("the reminder thread starts");
        Scheduler {
            shared,
            thread: Some(thread),
        }
    }

    /// Reminders changed (added, snoozed, edited…): recompute the next wake-up now.
    pub fn changed(&self) {
        let (lock, cv) = &*self.shared;
        lock.lock().unwrap_or_else(|p| p.into_inner()).changed = true;
        cv.notify_all();
    }

    /// Closes the scheduler's connection to the database and keeps it closed until
    /// [`Scheduler::resume`] — for restoring a backup or starting a new history, which replace
    /// the file. Returns false if a round in progress did not finish within [`PAUSE_TIMEOUT`].
    pub fn pause(&self) -> bool {
        let (lock, cv) = &*self.shared;
        let mut control = lock.lock().unwrap_or_else(|p| p.into_inner());
        control.paused = true;
        control.released = false;
        control.generation += 1;
        cv.notify_all();
        let (control, timeout) = cv
            .wait_timeout_while(control, PAUSE_TIMEOUT, |c| !c.released && !c.stop)
            .unwrap_or_else(|p| p.into_inner());
        drop(control);
        !timeout.timed_out()
    }

    /// Opens the database again after [`Scheduler::pause`] and looks for due reminders.
    pub fn resume(&self) {
        let (lock, cv) = &*self.shared;
        let mut control = lock.lock().unwrap_or_else(|p| p.into_inner());
        control.paused = false;
        control.changed = true;
        cv.notify_all();
    }

    /// Stops the thread and waits for it.
    pub fn stop(&mut self) {
        {
            let (lock, cv) = &*self.shared;
            lock.lock().unwrap_or_else(|p| p.into_inner()).stop = true;
            cv.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Scheduler {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(
    db: &std::path::Path,
    notifier: &dyn Notifier,
    on_event: &dyn Fn(Event),
    shared: &(Mutex<Control>, Condvar),
) {
    let mut store: Option<Store> = None;
    // The pause generation the open connection belongs to: a pause (a restore, a new history)
    // means the file may have been replaced, so the next round opens it afresh.
    let mut opened_in = 0u64;
    let mut failures = 0u32;
    let mut held: Vec<i64> = Vec::new();
    loop {
        {
            let (lock, cv) = shared;
            let mut control = lock.lock().unwrap_or_else(|p| p.into_inner());
            if control.paused {
                store = None; // closes the connection (and checkpoints its WAL)
                control.released = true;
                cv.notify_all();
                control = cv
                    .wait_while(control, |c| c.paused && !c.stop)
                    .unwrap_or_else(|p| p.into_inner());
            }
            if control.stop {
                return;
            }
            if control.generation != opened_in {
                store = None;
                opened_in = control.generation;
            }
        }
        let wait = match round(db, &mut store, notifier, &mut held) {
            Ok((report, wait)) => {
                failures = 0;
                on_event(Event::Round(report));
                wait
            }
            Err(message) => {
                // Locked, damaged or missing for now: try again later (1, 2, 4… minutes, at
                // most an hour) rather than waiting for a change that may never come.
                store = None;
                failures = failures.saturating_add(1);
                on_event(Event::Failed(message));
                (FAILURE_RETRY * 2u32.saturating_pow(failures.min(6) - 1)).min(MAX_SLEEP)
            }
        };
        let (lock, cv) = shared;
        let mut control = lock.lock().unwrap_or_else(|p| p.into_inner());
        if !control.changed && !control.stop && !control.paused {
            control = match cv.wait_timeout(control, wait) {
                Ok((c, _)) => c,
                Err(p) => p.into_inner().0,
            };
        }
        if control.stop {
            return;
        }
        control.changed = false;
    }
}

/// One round: announce what is due, then how long to sleep. `held` remembers the reminders the
/// desktop could not show, so they are retried every [`RETRY_UNAVAILABLE`] but never make the
/// thread spin, while other reminders still wake it on time.
fn round(
    db: &std::path::Path,
    store: &mut Option<Store>,
    notifier: &dyn Notifier,
    held: &mut Vec<i64>,
) -> Result<(Round, StdDuration), String> {
    if store.is_none() {
        *store = Some(Store::open_file(db).map_err(|e| e.to_string())?);
    }
    let store = store.as_mut().expect("opened above");
    let now = Utc::now();
    let result = notify_due(store, notifier, now, &Local).map_err(|e| e.to_string())?;
    if result.unavailable.is_some() {
        held.clear();
        held.extend(result.held.iter().map(|r| r.id));
    } else if !result.shown.is_empty() {
        held.clear();
    }
    let next = store
        .reminders()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|r| r.state == "pending" && !held.contains(&r.id))
        .map(|r| r.due())
        .min();
    let mut wait = next
        .map(|at| (at - Utc::now()).to_std().unwrap_or(StdDuration::ZERO))
        .unwrap_or(MAX_SLEEP)
        .min(MAX_SLEEP);
    if !held.is_empty() {
        wait = wait.min(RETRY_UNAVAILABLE);
    }
    Ok((result, wait))
}
