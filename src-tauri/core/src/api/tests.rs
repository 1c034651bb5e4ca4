//! The use cases through a real SQLite file, each with the `now` it should see.

use chrono::{DateTime, Duration, FixedOffset};
use serde_json::json;

use super::*;
use crate::message::Channel;
use crate::store::list::ListQuery;
use crate::store::DB_FILE;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const NOW: &str = "2026-11-25T15:00:00+01:00";

fn situation() -> serde_json::Value {
    json!({
        "company": "Acme Robotics", "role": "Data Engineer",
        "contact": {"name": "Priya Natarajan", "email": "priya@acme.example"},
        "invited_at": "2026-11-25T09:30:00+01:00",
        "reasons": ["logistics"], "details": {"logistics": ["commute"]},
        "checklist": {"decided": true, "fit_rechecked": true}
    })
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    (dir, store)
}

fn opportunities(store: &Store) -> usize {
    history::list(store, &ListQuery::default()).unwrap().total as usize
}

fn draft(id: Option<i64>) -> compose::DraftToSave {
    compose::DraftToSave {
        situation: situation(),
        opportunity_id: id,
        channel: Channel::Email,
        subject: Some("Data Engineer interview".into()),
        body: "Thank you for the invitation. I am withdrawing my application.".into(),
    }
}

fn run(id: Option<i64>) -> practice::RunToSave {
    practice::RunToSave {
        situation: Some(situation()),
        opportunity_id: id,
        duration_ms: 42_000,
        beats: vec![],
    }
}

#[test]
fn decide_compose_and_practise_share_one_opportunity_in_any_order() {
    let now = t(NOW);
    // Compose first, then Practise and Decide with the id Compose returned, each twice.
    let (_d, mut store) = fresh();
    let first = compose::save_draft(&mut store, &draft(None), now).unwrap();
    let id = Some(first.opportunity_id);
    for _ in 0..2 {
        compose::save_draft(&mut store, &draft(id), now).unwrap();
        practice::save_run(&mut store, &run(id), now).unwrap();
        history::record_decision(&mut store, situation(), id, now).unwrap();
    }
    assert_eq!(opportunities(&store), 1, "one invitation, one opportunity");
    let detail = history::show(&store, first.opportunity_id).unwrap();
    assert_eq!(detail.messages.len(), 3);
    assert_eq!(detail.practice_runs.len(), 2);
    assert_eq!(detail.decisions.len(), 3, "the first and two more");

    // Decide first, then Practise, then Compose.
    let (_d, mut store) = fresh();
    let decided = history::record_decision(&mut store, situation(), None, now).unwrap();
    let id = Some(decided.opportunity_id);
    let saved = practice::save_run(&mut store, &run(id), now).unwrap();
    assert_eq!(saved.opportunity_id, id);
    assert_eq!(
        compose::save_draft(&mut store, &draft(id), now)
            .unwrap()
            .opportunity_id,
        decided.opportunity_id
    );
    assert_eq!(opportunities(&store), 1);
}

#[test]
fn an_unknown_or_deleted_opportunity_is_refused_and_nothing_is_written() {
    let now = t(NOW);
    let (_d, mut store) = fresh();
    let err = compose::save_draft(&mut store, &draft(Some(99)), now).unwrap_err();
    assert!(matches!(err, crate::Error::NotFound { .. }), "{err}");
    let id = compose::save_draft(&mut store, &draft(None), now)
        .unwrap()
        .opportunity_id;
    history::delete(&mut store, id).unwrap();
    assert!(practice::save_run(&mut store, &run(Some(id)), now).is_err());
    assert!(history::record_decision(&mut store, situation(), Some(id), now).is_err());
    assert_eq!(history::show(&store, id).unwrap().practice_runs.len(), 0);
}

#[test]
fn a_message_with_a_bad_sent_time_leaves_no_draft_behind() {
    let now = t(NOW);
    let (_d, mut store) = fresh();
    let id = history::record_decision(&mut store, situation(), None, now)
        .unwrap()
        .opportunity_id;
    let mut message = history::MessageToRecord {
        opportunity_id: id,
        channel: "email".into(),
        subject: None,
        body: "Thank you, but I am withdrawing.".into(),
        sent_at: Some("yesterday-ish".into()),
    };
    assert!(history::record_message(&mut store, &message, now).is_err());
    assert!(
        history::show(&store, id).unwrap().messages.is_empty(),
        "no orphan draft"
    );
    message.sent_at = Some("2026-11-25T14:00:00Z".into());
    let m = history::record_message(&mut store, &message, now).unwrap();
    let detail = history::show(&store, id).unwrap();
    assert_eq!(detail.messages.len(), 1);
    assert_eq!(detail.messages[0].id, m);
    assert_eq!(detail.opportunity.status, "declined", "sending declines");
}

#[test]
fn the_advice_stored_is_the_advice_shown() {
    // The advice is judged at 15:00; the user saves it an hour and two days later. Saved with
    // the advice's `judged_at` as its `now`, the stored advice is the one that was shown.
    let shown = decide::advise(situation(), t(NOW)).unwrap();
    assert_eq!(shown.judged_at, t(NOW));
    let mut saved_situation = situation();
    saved_situation["now"] = json!(shown.judged_at.to_rfc3339());
    let (_d, mut store) = fresh();
    let later = t(NOW) + Duration::days(2) + Duration::hours(1);
    let recorded = history::record_decision(&mut store, saved_situation, None, later).unwrap();
    assert_eq!(recorded.advice, shown);
    let stored = &history::show(&store, recorded.opportunity_id)
        .unwrap()
        .decisions[0];
    let stored: serde_json::Value =
        serde_json::from_str(stored.advice.as_deref().unwrap()).unwrap();
    assert_eq!(stored, serde_json::to_value(&shown).unwrap());
}

#[test]
fn the_opportunity_follows_a_new_decision_and_its_reply_by_reminders_follow_the_times() {
    let now = t(NOW);
    let (_d, mut store) = fresh();
    let id = history::record_decision(&mut store, situation(), None, now)
        .unwrap()
        .opportunity_id;
    let reply_by = |store: &Store| -> Vec<String> {
        store
            .reminders()
            .unwrap()
            .into_iter()
            .filter(|r| r.opportunity_id == Some(id) && r.state == "pending")
            .map(|r| r.due_at)
            .collect()
    };
    let before = reply_by(&store);
    assert_eq!(before.len(), 2, "reply within 24 h and by 72 h: {before:?}");
    let mut changed = situation();
    changed["company"] = json!("Acme Robotics Ltd");
    changed["invited_at"] = json!("2026-11-25T12:30:00+01:00");
    history::record_decision(&mut store, changed, Some(id), now).unwrap();
    let detail = history::show(&store, id).unwrap();
    assert_eq!(detail.opportunity.company, "Acme Robotics Ltd");
    let after = reply_by(&store);
    assert_eq!(after.len(), 2);
    assert_ne!(before, after, "moved with the invitation time");
}

#[test]
fn closing_is_one_write_with_its_reminders() {
    let now = t(NOW);
    let (_d, mut store) = fresh();
    let id = history::record_decision(&mut store, situation(), None, now)
        .unwrap()
        .opportunity_id;
    history::close(&mut store, id, now).unwrap();
    let detail = history::show(&store, id).unwrap();
    assert_eq!(detail.opportunity.status, "closed");
    assert!(
        detail.reminders.iter().all(|r| r.state != "pending"),
        "{:?}",
        detail.reminders
    );
    assert!(
        history::close(&mut store, id, now).is_err(),
        "already closed"
    );
}

#[test]
fn proofreading_uses_the_situation_and_its_now() {
    let req = proofread::DraftToProofread {
        situation: Some(situation()),
        channel: Channel::Email,
        scenario: None,
        subject: Some("Data Engineer interview — Sam".into()),
        body: "Dear Priya,\n\nThank you for the invitation. I am withdrawing my application.\n\nBest regards,\nSam".into(),
        saved: false,
    };
    let on_time = proofread::draft(&req, t(NOW)).unwrap();
    assert!(!on_time
        .report
        .findings
        .iter()
        .any(|f| f.rule == crate::lint::RuleId::LateResponse));
    let late = proofread::draft(&req, t(NOW) + Duration::days(4)).unwrap();
    assert!(late
        .report
        .findings
        .iter()
        .any(|f| f.rule == crate::lint::RuleId::LateResponse));
}

#[test]
fn the_catalogue_names_every_kind_and_rule_once() {
    let c = catalog::catalog();
    assert_eq!(
        c.message_kinds.len(),
        crate::message::MessageKind::ALL.len()
    );
    assert_eq!(c.message_kinds.iter().filter(|k| k.advisable).count(), 10);
    assert_eq!(c.rules.len(), crate::lint::RuleId::ALL.len());
    assert_eq!(c.limits.call_seconds, [30, 60]);
    assert_eq!(c.limits.linkedin_chars, 600);
    let audiences: Vec<&str> = c.audiences.iter().map(|a| a.label.as_str()).collect();
    assert!(audiences.contains(&"Whoever referred you"), "{audiences:?}");
    for list in [
        &c.reasons,
        &c.verdicts,
        &c.channels,
        &c.stages,
        &c.statuses,
        &c.beats,
    ] {
        assert!(
            list.iter().all(|l| !l.id.is_empty() && !l.label.is_empty()),
            "{list:?}"
        );
    }
}

#[test]
fn close_can_be_undone_to_the_status_it_had() {
    let now = t(NOW);
    let (_d, mut store) = fresh();
    let id = history::record_decision(&mut store, situation(), None, now)
        .unwrap()
        .opportunity_id;
    let before = history::close(&mut store, id, now).unwrap();
    assert_eq!(before, "open");
    history::undo_close(&mut store, id, &before, now).unwrap();
    assert_eq!(
        history::show(&store, id).unwrap().opportunity.status,
        "open"
    );
    assert!(
        history::undo_close(&mut store, id, "open", now).is_err(),
        "not closed now"
    );
}

#[test]
fn the_whole_history_goes_to_a_chosen_file_and_comes_back() {
    let now = t(NOW);
    let (dir, mut store) = fresh();
    history::record_decision(&mut store, situation(), None, now).unwrap();
    let file = dir.path().join("chosen folder/my history.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    history::export_to(&store, &file, history::ExportFormat::Json).unwrap();
    let (_e, mut empty) = fresh();
    let summary = history::import_from(&mut empty, &file, false).unwrap();
    assert_eq!(summary.added["opportunities"], 1);
    for format in [history::ExportFormat::Csv, history::ExportFormat::Md] {
        let out = dir.path().join("out");
        history::export_to(&store, &out, format).unwrap();
        assert!(std::fs::read_to_string(&out)
            .unwrap()
            .contains("Acme Robotics"));
    }
    assert!(
        history::import_from(&mut empty, dir.path(), false).is_err(),
        "a folder"
    );
}

#[test]
fn the_user_s_details_are_kept_and_checked() {
    let (_d, mut store) = fresh();
    assert!(profile::is_empty(&profile::get(&store).unwrap()));
    let saved = profile::save(
        &mut store,
        &profile::Profile {
            name: Some("  Sam Lee ".into()),
            email: Some("sam@example.com".into()),
            phone: Some("".into()),
            sign_off: Some("Cheers".into()),
        },
    )
    .unwrap();
    assert_eq!(saved.name.as_deref(), Some("Sam Lee"));
    assert_eq!(saved.phone, None, "empty fields are dropped");
    assert_eq!(profile::get(&store).unwrap(), saved);
    let bad = profile::save(
        &mut store,
        &profile::Profile {
            email: Some("not an address".into()),
            ..Default::default()
        },
    );
    assert!(bad.unwrap_err().to_string().contains("sender.email"));
}

#[test]
fn the_sign_off_replaces_the_closing_line_and_keeps_the_name() {
    let mut s = situation();
    s["sender"] = json!({"name": "Sam Lee", "sign_off": "Cheers"});
    let drafts = compose::drafts(s, None, None, &Default::default(), t(NOW)).unwrap();
    let email = drafts.iter().find(|d| d.channel == Channel::Email).unwrap();
    assert!(email.body.ends_with("Cheers,\nSam Lee"), "{}", email.body);
}

#[test]
fn a_saved_template_the_language_now_refuses_is_kept_and_says_why() {
    // Written by an earlier version that allowed loops: stored as it is, listed with the reason,
    // never deleted; filling it in says why instead of running it.
    let (_d, store) = fresh();
    store
        .conn()
        .execute(
            "INSERT INTO user_templates (name, channel, subject, body, created_at, updated_at)
             VALUES ('Old loop', 'email', '', '{% for i in range(end=3) %}x{% endfor %}', ?1, ?1)",
            ["2026-01-01T00:00:00Z"],
        )
        .unwrap();
    let listed = templates::list(&store).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].problems[0]
            .message
            .contains("loops are not available"),
        "{:?}",
        listed[0].problems
    );
    let err = templates::render(&store, listed[0].template.id, situation(), t(NOW)).unwrap_err();
    assert!(err.to_string().contains("loops are not available"), "{err}");
    assert_eq!(templates::list(&store).unwrap().len(), 1, "still there");
}

#[test]
fn keep_running_follows_open_reminders_until_the_user_chooses_and_the_tray_counts_the_due() {
    let (_dir, mut store) = fresh();
    let now = t("2026-11-25T12:00:00Z").with_timezone(&chrono::Utc);
    assert!(
        !reminders::keep_running(&store).unwrap(),
        "nothing to remind of: off"
    );
    assert_eq!(reminders::due_count(&store, now).unwrap(), 0);
    let due = store
        .add_reminder(None, now - Duration::hours(1), "Call back")
        .unwrap();
    store
        .add_reminder(None, now + Duration::days(2), "Later")
        .unwrap();
    assert!(
        reminders::keep_running(&store).unwrap(),
        "an open reminder: on by default"
    );
    assert_eq!(
        reminders::due_count(&store, now).unwrap(),
        1,
        "only the one due by now"
    );
    assert!(!reminders::set_keep_running(&mut store, false).unwrap());
    assert!(
        !reminders::keep_running(&store).unwrap(),
        "the user's choice wins"
    );
    assert!(
        !reminders::page(
            &store,
            None,
            reminders::Autostart {
                supported: true,
                enabled: false
            },
            now,
            &chrono::Utc
        )
        .unwrap()
        .keep_running
    );
    assert!(reminders::set_keep_running(&mut store, true).unwrap());
    store.set_reminder_state(due.id, "done").unwrap();
    assert_eq!(
        reminders::due_count(&store, now).unwrap(),
        0,
        "done is not due"
    );
    assert!(reminders::keep_running(&store).unwrap());
}
