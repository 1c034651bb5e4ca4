//! Reminders through the real store (a SQLite file): created at the right moments, edited,
//! snoozed, claimed once, held when the desktop cannot show them, and the scheduler's wake-ups.

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};

use super::scheduler::{Event, Scheduler};
use super::{notices, notify_due, Notice, Notifier, Unavailable};
use crate::decide::Situation;
use crate::reminders::ReminderKind;
use crate::store::{Store, DB_FILE};

fn situation(company: &str, invited_at: &str, interview_at: Option<&str>) -> Situation {
    let interview = interview_at
        .map(|t| format!(r#", "interview_at": "{t}", "stage": "scheduled""#))
        .unwrap_or_default();
    let json = format!(
        r#"{{"company": {}, "role": "Data Engineer", "invited_at": "{invited_at}"{interview},
            "reasons": ["logistics"], "checklist": {{"decided": true}}}}"#,
        serde_json::to_string(company).unwrap()
    );
    Situation::from_json(&json, crate::decide::clock()).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    (dir, store)
}

fn kinds(store: &Store, opportunity: i64, state: &str) -> Vec<ReminderKind> {
    store
        .reminders()
        .unwrap()
        .into_iter()
        .filter(|r| r.opportunity_id == Some(opportunity) && r.state == state)
        .map(|r| r.kind)
        .collect()
}

/// The first reminder of `kind`.
fn first_of(store: &Store, kind: ReminderKind) -> crate::store::reminders::ReminderView {
    store
        .reminders()
        .unwrap()
        .into_iter()
        .find(|r| r.kind == kind)
        .unwrap_or_else(|| panic!("a {} reminder", kind.as_str()))
}

#[derive(Default)]
struct Recorder {
    shown: Mutex<Vec<(Notice, Instant)>>,
    unavailable: Mutex<Option<String>>,
}

impl Notifier for Recorder {
    fn show(&self, notice: &Notice) -> Result<(), Unavailable> {
        if let Some(reason) = self.unavailable.lock().unwrap().clone() {
            return Err(Unavailable { reason });
        }
        self.shown
            .lock()
            .unwrap()
            .push((notice.clone(), Instant::now()));
        Ok(())
    }
}

fn soon(seconds: i64) -> String {
    (Utc::now() + Duration::seconds(seconds)).to_rfc3339()
}

#[test]
fn an_invitation_gets_reply_reminders_and_sending_the_decline_replaces_them_with_follow_ups() {
    let (_dir, mut store) = fresh();
    let invited = (Utc::now() - Duration::hours(2)).to_rfc3339();
    let interview = (Utc::now() + Duration::days(5)).to_rfc3339();
    let id = store
        .add_opportunity(
            &situation("Acme Robotics", &invited, Some(&interview)),
            None,
        )
        .unwrap();
    assert_eq!(
        kinds(&store, id, "pending"),
        [
            ReminderKind::RespondIdeal,
            ReminderKind::RespondLastCall,
            ReminderKind::CancelInterview
        ]
    );
    let first = &store.reminders().unwrap()[0];
    assert_eq!(first.summary, "Reply to Acme Robotics today");
    assert_eq!(first.role.as_deref(), Some("Data Engineer"));

    // A phone decline: the reply-by and cancel reminders are met; confirm by email and follow up.
    let call = store
        .add_draft(id, "phone", None, "Hi Priya, I am withdrawing.")
        .unwrap();
    let sent = Utc::now().to_rfc3339();
    store.mark_sent(call, &sent).unwrap();
    assert_eq!(
        kinds(&store, id, "done"),
        [
            ReminderKind::RespondIdeal,
            ReminderKind::RespondLastCall,
            ReminderKind::CancelInterview
        ]
    );
    assert_eq!(
        kinds(&store, id, "pending"),
        [ReminderKind::ConfirmByEmail, ReminderKind::FollowUp]
    );
    let follow = first_of(&store, ReminderKind::FollowUp);
    let months = (follow.due() - Utc::now()).num_days();
    assert!(
        (180..=186).contains(&months),
        "about six months: {months} days"
    );

    // The confirming email meets the confirmation; no second follow-up is planned.
    let email = store
        .add_draft(
            id,
            "email",
            Some("Data Engineer"),
            "Dear Priya, as discussed…",
        )
        .unwrap();
    store.mark_sent(email, &Utc::now().to_rfc3339()).unwrap();
    assert_eq!(kinds(&store, id, "pending"), [ReminderKind::FollowUp]);

    // Changing their mind takes the follow-up away.
    store.reopen(id, "Could we reopen this?").unwrap();
    assert!(kinds(&store, id, "pending").is_empty());
    assert_eq!(kinds(&store, id, "dismissed"), [ReminderKind::FollowUp]);
}

#[test]
fn settings_choose_the_follow_up_delay_and_the_awaiting_reply_reminder() {
    let (_dir, mut store) = fresh();
    let mut settings = store.reminder_settings().unwrap();
    assert_eq!(
        (settings.follow_up_months, settings.awaiting_reply),
        (6, false)
    );
    settings.follow_up_months = 13;
    let err = store.set_reminder_settings(&settings).unwrap_err();
    assert!(err.to_string().starts_with("follow_up_months:"), "{err}");
    settings.follow_up_months = 12;
    settings.awaiting_reply = true;
    store.set_reminder_settings(&settings).unwrap();
    assert_eq!(store.reminder_settings().unwrap(), settings);

    let id = store
        .add_opportunity(&situation("Globex", &soon(-3600), None), None)
        .unwrap();
    let m = store
        .add_draft(id, "email", Some("Hi"), "Dear Sam, I am withdrawing.")
        .unwrap();
    store.mark_sent(m, &Utc::now().to_rfc3339()).unwrap();
    assert_eq!(
        kinds(&store, id, "pending"),
        [ReminderKind::AwaitingReply, ReminderKind::FollowUp]
    );
    let follow = first_of(&store, ReminderKind::FollowUp);
    assert!((follow.due() - Utc::now()).num_days() >= 364);
    store
        .add_reply(id, "Thanks for letting us know.", &Utc::now().to_rfc3339())
        .unwrap();
    assert_eq!(
        kinds(&store, id, "done"),
        [
            ReminderKind::RespondIdeal,
            ReminderKind::RespondLastCall,
            ReminderKind::AwaitingReply
        ]
    );
}

#[test]
fn custom_reminders_edit_snooze_done_dismiss_and_undo() {
    let (_dir, mut store) = fresh();
    let due = Utc::now() + Duration::days(2);
    for bad in ["", "   ", "line one\nline two"] {
        assert!(store.add_reminder(None, due, bad).is_err(), "{bad:?}");
    }
    let long = "x".repeat(501);
    assert!(store
        .add_reminder(None, due, &long)
        .unwrap_err()
        .to_string()
        .contains("500"));
    assert!(store.add_reminder(Some(999), due, "Call Priya").is_err());

    let literal = "{{ 7*7 }} <script>alert(1)</script> 🚀 شركة";
    let r = store.add_reminder(None, due, literal).unwrap();
    assert_eq!(r.summary, literal, "user text is kept as typed");
    assert_eq!(r.kind, ReminderKind::Custom);

    let later = due + Duration::days(1);
    let edited = store
        .edit_reminder(r.id, later, Some("Send the card"))
        .unwrap();
    assert_eq!(
        (edited.summary.as_str(), edited.due()),
        ("Send the card", later.with_nanosecond0())
    );
    assert!(
        store.edit_reminder(r.id, later, Some("")).is_err(),
        "a custom reminder needs words"
    );

    let before = store.reminder(r.id).unwrap();
    let snoozed = store
        .snooze_reminder(r.id, later + Duration::hours(1))
        .unwrap();
    assert_eq!(snoozed.state, "pending");
    let done = store.set_reminder_state(r.id, "done").unwrap();
    assert_eq!(done.state, "done");
    assert!(store.set_reminder_state(r.id, "gone").is_err());
    let undone = store.restore_reminder(&before.snapshot()).unwrap();
    assert_eq!(undone, before, "undo puts it back exactly");

    // Undo of adding it deletes it; a built-in reminder cannot be deleted, only dismissed.
    store.delete_reminder(r.id).unwrap();
    assert!(store.reminder(r.id).is_err());
    let id = store
        .add_opportunity(&situation("Acme", &soon(-3600), None), None)
        .unwrap();
    let built_in = store
        .reminders()
        .unwrap()
        .into_iter()
        .find(|r| r.opportunity_id == Some(id))
        .unwrap();
    assert!(store
        .delete_reminder(built_in.id)
        .unwrap_err()
        .to_string()
        .contains("dismiss"));
}

trait Nanos {
    fn with_nanosecond0(self) -> DateTime<Utc>;
}

impl Nanos for DateTime<Utc> {
    fn with_nanosecond0(self) -> DateTime<Utc> {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap()
    }
}

#[test]
fn due_reminders_are_claimed_once_grouped_and_held_when_the_desktop_cannot_show_them() {
    let (dir, mut store) = fresh();
    let past = Utc::now() - Duration::minutes(5);
    let a = store.add_reminder(None, past, "Reply to Acme").unwrap();
    let b = store
        .add_reminder(None, past - Duration::minutes(1), "Reply to Globex")
        .unwrap();
    store
        .add_reminder(None, Utc::now() + Duration::days(1), "Later")
        .unwrap();

    // No notification service: nothing is lost, both stay pending.
    let desk = Recorder::default();
    *desk.unavailable.lock().unwrap() = Some("no notification service".into());
    let round = notify_due(&mut store, &desk, Utc::now(), &chrono::Utc).unwrap();
    assert_eq!(round.held.len(), 2);
    assert!(round.shown.is_empty());
    assert_eq!(round.unavailable.unwrap().reason, "no notification service");
    assert_eq!(store.reminder(a.id).unwrap().state, "pending");

    // The service is back: one grouped notice for both, then nothing the second time.
    *desk.unavailable.lock().unwrap() = None;
    let round = notify_due(&mut store, &desk, Utc::now(), &chrono::Utc).unwrap();
    assert_eq!(round.shown.len(), 2);
    let shown = desk.shown.lock().unwrap().clone();
    assert_eq!(shown.len(), 1, "grouped into one notification");
    assert_eq!(shown[0].0.summary, "2 reminders are due");
    assert!(
        shown[0].0.body.contains("Reply to Acme") && shown[0].0.body.contains("Reply to Globex")
    );
    assert_eq!(shown[0].0.reminder_ids, [b.id, a.id], "oldest first");
    let again = notify_due(&mut store, &desk, Utc::now(), &chrono::Utc).unwrap();
    assert!(again.shown.is_empty(), "nothing fires twice");

    // A second process (the CLI) cannot claim what the first one claimed.
    let c = store.add_reminder(None, past, "Once only").unwrap();
    let mut other = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    let first = store.claim_due(Utc::now()).unwrap();
    let second = other.claim_due(Utc::now()).unwrap();
    assert_eq!(first.iter().map(|r| r.id).collect::<Vec<_>>(), [c.id]);
    assert!(second.is_empty());
}

#[test]
fn one_due_reminder_names_the_company_and_the_due_time() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_opportunity(
            &situation("Acme Robotics", &soon(-23 * 3600 - 3599), None),
            None,
        )
        .unwrap();
    let due = store
        .reminders()
        .unwrap()
        .into_iter()
        .find(|r| r.opportunity_id == Some(id))
        .unwrap();
    let n = notices(std::slice::from_ref(&due), &chrono_tz::Europe::London);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].summary, "Reply to Acme Robotics today");
    let local = super::local_time(due.due(), &chrono_tz::Europe::London);
    assert!(
        n[0].body
            .starts_with(&format!("Due {local} (Data Engineer).")),
        "{}",
        n[0].body
    );
}

#[test]
fn the_scheduler_sleeps_until_the_next_reminder_and_wakes_when_reminders_change() {
    let (dir, mut store) = fresh();
    let db = dir.path().join(DB_FILE);
    // One fell due while the app was closed: it is caught up at start.
    let missed = store
        .add_reminder(None, Utc::now() - Duration::hours(3), "Missed while closed")
        .unwrap();
    let desk = Arc::new(Recorder::default());
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let mut scheduler = Scheduler::start(db.clone(), desk.clone(), move |e| {
        sink.lock().unwrap().push(e);
    });
    let wait_for = |n: usize| {
        let start = Instant::now();
        while desk.shown.lock().unwrap().len() < n && start.elapsed() < StdDuration::from_secs(10) {
            std::thread::sleep(StdDuration::from_millis(20));
        }
        desk.shown.lock().unwrap().clone()
    };
    let shown = wait_for(1);
    assert_eq!(shown[0].0.summary, "Missed while closed");
    assert_eq!(store.reminder(missed.id).unwrap().state, "notified");

    // A reminder added while it sleeps (with nothing else pending, it sleeps up to an hour):
    // `changed()` makes it look again, and it fires when due — not before.
    let due = (Utc::now() + Duration::milliseconds(1500)).with_nanosecond0();
    store.add_reminder(None, due, "Soon").unwrap();
    scheduler.changed();
    let asked = Utc::now();
    let asked_at = Instant::now();
    let shown = wait_for(2);
    assert_eq!(shown.len(), 2, "fired");
    // When the notifier was called (recorded by it), on the wall clock.
    let fired_at = asked + Duration::from_std(shown[1].1 - asked_at).unwrap();
    assert!(
        fired_at >= due,
        "not before it was due ({fired_at} < {due})"
    );
    eprintln!(
        "scheduler: fired {} ms after the due time",
        (fired_at - due).num_milliseconds()
    );
    assert!(matches!(events.lock().unwrap().first(), Some(Event::Round(r)) if r.shown.len() == 1));
    scheduler.stop();
}

#[test]
fn pausing_lets_go_of_the_database_so_it_can_be_replaced() {
    let (dir, mut store) = fresh();
    let db = dir.path().join(DB_FILE);
    let desk = Arc::new(Recorder::default());
    let mut scheduler = Scheduler::start(db.clone(), desk.clone(), |_| {});
    std::thread::sleep(StdDuration::from_millis(200)); // it has opened the file
    assert!(scheduler.pause(), "the idle scheduler lets go at once");
    // With every connection closed, the file can be moved and a new one put in its place.
    drop(store);
    std::fs::rename(&db, dir.path().join("old.db")).unwrap();
    let _ = std::fs::remove_file(dir.path().join(format!("{DB_FILE}-wal")));
    let _ = std::fs::remove_file(dir.path().join(format!("{DB_FILE}-shm")));
    store = Store::open_file(&db).unwrap();
    store
        .add_reminder(None, Utc::now() - Duration::minutes(1), "In the new file")
        .unwrap();
    scheduler.resume();
    let start = Instant::now();
    while desk.shown.lock().unwrap().is_empty() && start.elapsed() < StdDuration::from_secs(10) {
        std::thread::sleep(StdDuration::from_millis(20));
    }
    assert_eq!(
        desk.shown.lock().unwrap()[0].0.summary,
        "In the new file",
        "it reads the new file"
    );
    scheduler.stop();
}

#[test]
fn a_snooze_between_reading_and_claiming_wins() {
    let (dir, mut store) = fresh();
    let r = store
        .add_reminder(None, Utc::now() - Duration::minutes(1), "Snooze me")
        .unwrap();
    let mut other = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    // The other connection snoozes after this one read the list but before it claims: simulate
    // by snoozing, then claiming with a stale view of the due time.
    let stale = store.reminder(r.id).unwrap();
    other
        .snooze_reminder(r.id, Utc::now() + Duration::hours(1))
        .unwrap();
    assert!(
        store.claim_due(Utc::now()).unwrap().is_empty(),
        "nothing is due any more"
    );
    assert_eq!(store.reminder(r.id).unwrap().state, "pending");
    assert_ne!(store.reminder(r.id).unwrap().due_at, stale.due_at);
}

#[test]
fn editing_only_the_wording_does_not_fire_it_again() {
    let (_dir, mut store) = fresh();
    let due = Utc::now() - Duration::minutes(5) - Duration::milliseconds(400);
    let r = store.add_reminder(None, due, "Call Priya").unwrap();
    store.claim_due(Utc::now()).unwrap();
    let same_time = store
        .edit_reminder(r.id, r.due(), Some("Call Priya back"))
        .unwrap();
    assert_eq!(same_time.state, "notified", "only the words changed");
    let moved = store
        .edit_reminder(
            r.id,
            Utc::now() + Duration::hours(2),
            Some("Call Priya back"),
        )
        .unwrap();
    assert_eq!(moved.state, "pending", "moved: armed again");
}

#[test]
fn an_unreadable_history_is_retried_not_waited_on_forever() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    std::fs::write(&db, b"not a database").unwrap();
    let desk = Arc::new(Recorder::default());
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let mut scheduler = Scheduler::start(db.clone(), desk, move |e| {
        sink.lock().unwrap().push(e);
    });
    let start = Instant::now();
    while events.lock().unwrap().is_empty() && start.elapsed() < StdDuration::from_secs(10) {
        std::thread::sleep(StdDuration::from_millis(20));
    }
    assert!(
        matches!(events.lock().unwrap().first(), Some(Event::Failed(m)) if m.contains("damaged")),
        "the failure is reported"
    );
    // The file is repaired; a change (or the retry a minute later) picks it up.
    std::fs::remove_file(&db).unwrap();
    Store::open_file(&db)
        .unwrap()
        .add_reminder(None, Utc::now(), "After the repair")
        .unwrap();
    scheduler.changed();
    let start = Instant::now();
    while !events
        .lock()
        .unwrap()
        .iter()
        .any(|e| matches!(e, Event::Round(r) if !r.shown.is_empty()))
        && start.elapsed() < StdDuration::from_secs(10)
    {
        std::thread::sleep(StdDuration::from_millis(20));
    }
    assert!(events
        .lock()
        .unwrap()
        .iter()
        .any(|e| matches!(e, Event::Round(r) if r.shown.len() == 1)));
    scheduler.stop();
}
