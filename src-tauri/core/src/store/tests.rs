//! Store tests, each on a fresh database file in a temporary folder.

use std::path::Path;

use super::export::{parse_export, to_csv, to_json, to_markdown};
use super::list::ListQuery;
use super::*;
use crate::decide::Situation;

fn situation(company: &str) -> Situation {
    let json = format!(
        r#"{{"company": {}, "role": "Data Engineer", "invited_at": "2026-11-20T09:00:00+01:00",
            "contact": {{"name": "Priya Natarajan", "email": "priya@acme.example"}}, "reasons": ["logistics"],
            "checklist": {{"decided": true}}}}"#,
        serde_json::to_string(company).unwrap()
    );
    Situation::from_json(&json, crate::decide::clock()).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    (dir, store)
}

fn ids(rows: &[list::Summary]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn migrations_are_valid() {
    MIGRATIONS
        .validate()
        .expect("migrations apply cleanly to an empty database");
}

#[test]
fn the_connection_is_set_up_for_safety() {
    let (_dir, store) = fresh();
    let c = store.conn();
    let get = |pragma: &str| -> String {
        c.query_row(&format!("PRAGMA {pragma}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
    };
    assert_eq!(get("journal_mode"), "wal");
    assert_eq!(get("foreign_keys"), "1");
    assert_eq!(get("synchronous"), "2", "FULL");
    assert_eq!(get("busy_timeout"), "5000");
    assert_eq!(get("user_version"), SCHEMA_VERSION.to_string());
}

#[test]
fn lifecycle_open_declined_replied_closed_and_reopened_with_every_change_timestamped() {
    let (_dir, mut store) = fresh();
    let id = store.add_opportunity(&situation("Acme"), None).unwrap();
    assert_eq!(store.show(id).unwrap().opportunity.status, "open");

    let draft = store
        .add_draft(
            id,
            "email",
            Some("Interview"),
            "Thank you, but I will withdraw.",
        )
        .unwrap();
    assert_eq!(
        store.show(id).unwrap().opportunity.status,
        "open",
        "a draft changes nothing"
    );
    store.mark_sent(draft, "2026-11-21T10:15:00+01:00").unwrap();
    let d = store.show(id).unwrap();
    assert_eq!(d.opportunity.status, "declined");
    assert_eq!(
        d.messages[0].sent_at.as_deref(),
        Some("2026-11-21T09:15:00Z"),
        "the real sent time, in UTC"
    );
    assert!(
        store.mark_sent(draft, "2026-11-21T10:15:00+01:00").is_err(),
        "sent twice is refused"
    );

    store
        .add_reply(id, "Thanks for letting us know.", "2026-11-22T08:00:00Z")
        .unwrap();
    assert_eq!(store.show(id).unwrap().opportunity.status, "replied");
    store
        .add_note(id, "They were gracious; reconnect in spring.")
        .unwrap();
    store.close(id).unwrap();
    assert_eq!(store.show(id).unwrap().opportunity.status, "closed");

    let again = store
        .reopen(
            id,
            "I have reconsidered and would like to interview after all.",
        )
        .unwrap();
    let d = store.show(id).unwrap();
    assert_eq!(d.opportunity.status, "reopened");
    let reopen_draft = d.messages.iter().find(|m| m.id == again).unwrap();
    assert_eq!(
        reopen_draft.reopens_message_id,
        Some(draft),
        "the reopen draft links to the original"
    );
    assert_eq!(reopen_draft.status, "draft");

    store.mark_sent(again, "2026-11-24T09:00:00Z").unwrap();
    let d = store.show(id).unwrap();
    assert_eq!(
        d.opportunity.status, "reopened",
        "sending the change-of-mind message keeps it reopened"
    );
    let path: Vec<_> = d.events.iter().map(|e| e.to_status.as_str()).collect();
    assert_eq!(path, ["open", "declined", "replied", "closed", "reopened"]);
    assert!(d
        .events
        .iter()
        .all(|e| chrono::DateTime::parse_from_rfc3339(&e.at).is_ok()));
    let kinds: Vec<_> = d.timeline.iter().map(|t| t.kind).collect();
    for kind in [
        "invitation",
        "decision",
        "message",
        "sent",
        "reply",
        "note",
        "status",
    ] {
        assert!(kinds.contains(&kind), "timeline has {kind}: {kinds:?}");
    }
    assert_eq!(
        d.timeline[0].kind, "invitation",
        "the invitation comes first"
    );
}

#[test]
fn bad_input_is_refused_with_the_field_named_and_nothing_stored() {
    let (_dir, mut store) = fresh();
    let id = store.add_opportunity(&situation("Acme"), None).unwrap();
    for (result, needle) in [
        (store.add_note(id, "   ").map(|_| ()), "body: is empty"),
        (
            store.add_draft(id, "fax", None, "x").map(|_| ()),
            "channel:",
        ),
        (
            store.add_reply(id, "ok", "tomorrow").map(|_| ()),
            "received_at:",
        ),
        (
            store.add_note(999, "x").map(|_| ()),
            "opportunity 999 was not found",
        ),
        (
            store.reopen(id, "changed my mind").map(|_| ()),
            "no decision to take back",
        ),
    ] {
        let err = result.expect_err(needle).to_string();
        assert!(err.contains(needle), "{err}");
    }
    let d = store.show(id).unwrap();
    assert!(d.notes.is_empty() && d.messages.is_empty() && d.replies.is_empty());
}

#[test]
fn trash_hides_and_restores() {
    let (_dir, mut store) = fresh();
    let a = store.add_opportunity(&situation("Acme"), None).unwrap();
    let b = store.add_opportunity(&situation("Globex"), None).unwrap();
    store.delete(a).unwrap();
    assert_eq!(ids(&store.list(&ListQuery::default()).unwrap()), [b]);
    let trash = ListQuery {
        trash: true,
        ..Default::default()
    };
    assert_eq!(ids(&store.list(&trash).unwrap()), [a]);
    assert!(store.delete(a).is_err(), "already in the trash");
    store.restore_from_trash(a).unwrap();
    assert_eq!(store.list(&ListQuery::default()).unwrap().len(), 2);
    assert!(store.list(&trash).unwrap().is_empty());
}

#[test]
fn search_finds_company_contact_bodies_replies_and_notes_and_user_syntax_is_inert() {
    let (_dir, mut store) = fresh();
    let acme = store
        .add_opportunity(&situation("Acme Robotics"), None)
        .unwrap();
    let globex = store
        .add_opportunity(&situation("Globex Café"), None)
        .unwrap();
    let other = store
        .add_opportunity(&situation("Initech \"quoted\" {{ 7*7 }}"), None)
        .unwrap();
    store
        .add_draft(
            acme,
            "email",
            None,
            "The commute would be ninety minutes each way.",
        )
        .unwrap();
    store
        .add_reply(
            globex,
            "We understand completely, best of luck.",
            "2026-11-22T08:00:00Z",
        )
        .unwrap();
    store
        .add_note(other, "Recruiter mentioned a platform team opening")
        .unwrap();
    let find = |q: &str| {
        ids(&store
            .list(&ListQuery {
                search: Some(q.into()),
                ..Default::default()
            })
            .unwrap())
    };
    assert_eq!(find("robot"), [acme], "prefix match on company");
    assert_eq!(find("commute"), [acme], "message body");
    assert_eq!(find("luck"), [globex], "reply");
    assert_eq!(find("platform"), [other], "note");
    assert_eq!(find("cafe"), [globex], "diacritics folded");
    assert_eq!(find("priya").len(), 3, "contact name");
    assert_eq!(find("ninety minutes"), [acme], "all words must match");
    for hostile in [
        "\"",
        "NEAR(",
        "a OR b",
        "*",
        "{{ 7*7 }}",
        "'); DROP TABLE notes; --",
        "^",
        "\u{202e}",
    ] {
        let _ = find(hostile);
    }
    assert_eq!(find("quoted"), [other]);
    assert_eq!(
        find("priya@acme.example").len(),
        3,
        "an email address searches as its words"
    );
    assert_eq!(
        find("comm"),
        [acme],
        "a partial word expands to the words it starts"
    );
    assert_eq!(
        find("ninety min"),
        [acme],
        "whole words and a partial last word"
    );
    assert!(
        find("zzqx").is_empty(),
        "a partial word that starts nothing finds nothing"
    );
    assert_eq!(find("").len(), 3, "an empty search lists everything");
}

#[test]
fn filters_by_status_channel_and_date() {
    let (_dir, mut store) = fresh();
    let a = store.add_opportunity(&situation("Acme"), None).unwrap();
    let b = store.add_opportunity(&situation("Globex"), None).unwrap();
    let m = store.add_draft(a, "phone", None, "Script").unwrap();
    store.mark_sent(m, "2026-11-21T10:00:00Z").unwrap();
    let q = |f: fn(&mut ListQuery)| {
        let mut query = ListQuery::default();
        f(&mut query);
        ids(&store.list(&query).unwrap())
    };
    assert_eq!(q(|x| x.status = Some("declined".into())), [a]);
    assert_eq!(q(|x| x.status = Some("open".into())), [b]);
    assert_eq!(q(|x| x.channel = Some("phone".into())), [a]);
    assert_eq!(q(|x| x.from = Some("2026-11-20".into())).len(), 2);
    assert!(q(|x| x.from = Some("2026-11-21".into())).is_empty());
    assert_eq!(
        q(|x| x.to = Some("2026-11-20".into())).len(),
        2,
        "`to` includes that whole day"
    );
    assert!(q(|x| x.to = Some("2026-11-19".into())).is_empty());
    let bad = store.list(&ListQuery {
        from: Some("last week".into()),
        ..Default::default()
    });
    assert!(bad.unwrap_err().to_string().starts_with("from:"));
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_newer_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let store = Store::open_file(&path).unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open_file(&path).unwrap_err();
    assert!(
        matches!(
            err,
            Error::DatabaseTooNew {
                found: 99,
                supported: SCHEMA_VERSION,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("newer version of Politely"));
    assert_eq!(bytes(&path), before, "the file is untouched");
}

#[test]
fn a_damaged_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    std::fs::write(
        &path,
        b"this is not a database, just some bytes that happen to be here ...............",
    )
    .unwrap();
    let before = bytes(&path);
    let err = Store::open_file(&path).unwrap_err();
    assert!(matches!(err, Error::DatabaseDamaged { .. }), "{err}");
    assert_eq!(bytes(&path), before);

    let aside = backup::move_aside(dir.path(), "damaged")
        .unwrap()
        .expect("moved");
    assert_eq!(
        bytes(&aside),
        before,
        "start-new keeps the damaged file aside"
    );
    let mut store = Store::open_file(&path).expect("a new history starts");
    store.add_opportunity(&situation("Acme"), None).unwrap();
}

#[test]
fn backups_daily_keep_seven_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let mut store = Store::open_file(&path).unwrap();
    store.add_opportunity(&situation("Acme"), None).unwrap();
    let first = store
        .backup_if_due()
        .unwrap()
        .expect("the first launch of the day backs up");
    assert!(store.backup_if_due().unwrap().is_none(), "once a day");
    for _ in 0..9 {
        store.backup("manual").unwrap();
    }
    let list = backup::list(dir.path()).unwrap();
    assert_eq!(list.len(), backup::KEEP);
    assert!(!first.exists(), "the oldest were pruned");

    store.add_opportunity(&situation("Globex"), None).unwrap();
    drop(store);
    let aside = backup::restore(dir.path(), &list[0].path)
        .unwrap()
        .expect("current file moved aside");
    assert!(aside.exists());
    let store = Store::open_file(&path).unwrap();
    assert_eq!(
        store.list(&ListQuery::default()).unwrap().len(),
        1,
        "restored to the backup's content"
    );
    store.integrity_check().unwrap();
}

#[test]
fn export_import_round_trip_is_byte_identical_on_a_thousand_records() {
    let (_a, mut source) = fresh();
    source
        .import(&to_json(&synthetic::history(1000, 7)), false)
        .unwrap();
    let id = source
        .add_opportunity(&situation("Zoë’s <b>{{ 7*7 }}</b> Café"), None)
        .unwrap();
    source
        .add_note(id, "מתכנתת 👩‍💻 — ```fenced``` text")
        .unwrap();
    let first = to_json(&source.export().unwrap());

    let (_b, mut target) = fresh();
    let summary = target.import(&first, false).unwrap();
    assert_eq!(summary.added["opportunities"], 1001);
    assert_eq!(summary.added["messages"], 3000);
    assert!(summary.skipped_ids.is_empty());
    let second = to_json(&target.export().unwrap());
    assert!(
        first == second,
        "export → import → export must give the same bytes"
    );

    let again = target.import(&first, false).unwrap();
    assert!(again.added.is_empty(), "nothing duplicated");
    assert_eq!(
        again.skipped_ids["opportunities"].len(),
        1001,
        "existing ids are reported"
    );
}

#[test]
fn import_is_all_or_nothing_and_dry_run_stores_nothing() {
    let (_dir, mut store) = fresh();
    let mut doc = synthetic::history(5, 1);
    let dry = store.import(&to_json(&doc), true).unwrap();
    assert!(dry.dry_run && dry.added["opportunities"] == 5);
    assert!(
        store.list(&ListQuery::default()).unwrap().is_empty(),
        "dry run keeps nothing"
    );

    doc.messages[7].opportunity_id = 4242;
    let err = store.import(&to_json(&doc), false).unwrap_err().to_string();
    assert!(
        err.contains("messages[7].opportunity_id") && err.contains("nothing was imported"),
        "{err}"
    );
    assert!(
        store.list(&ListQuery::default()).unwrap().is_empty(),
        "one bad row rolls back everything"
    );

    let newer = to_json(&doc).replacen("\"version\": 1", "\"version\": 2", 1);
    assert!(store
        .import(&newer, false)
        .unwrap_err()
        .to_string()
        .contains("newer Politely"));
    assert!(parse_export("{\"format\": \"other\"}").is_err());
}

#[test]
fn csv_and_markdown_are_safe_renderings() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_opportunity(&situation("=HYPERLINK(\"x\"), \"Quoted\" Inc"), None)
        .unwrap();
    store
        .add_note(id, "line one\n```\n<script>alert(1)</script>")
        .unwrap();
    let export = store.export().unwrap();
    let csv = to_csv(&export);
    assert!(csv.starts_with("id,company,role,"));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"Quoted\"\" Inc\""),
        "formula defused and quoted: {csv}"
    );
    assert_eq!(csv.lines().count(), 2, "one row per opportunity");
    let md = to_markdown(&export);
    assert!(
        md.contains("## =HYPERLINK\\(\"x\"\\), \"Quoted\" Inc — Data Engineer"),
        "{md}"
    );
    assert!(
        md.contains("````text\nline one\n```\n<script>alert(1)</script>\n````"),
        "bodies are fenced: {md}"
    );
}

/// Child-process side of the kill test: writes notes until killed, printing each id once committed.
#[test]
fn kill_test_writer() {
    let Some(path) = std::env::var_os("POLITELY_KILL_TEST_DB") else {
        return;
    };
    use std::io::Write;
    let mut store = Store::open_file(Path::new(&path)).unwrap();
    let opp = store.list(&ListQuery::default()).unwrap()[0].id;
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let id = store
            .add_note(opp, &format!("note {i} {}", "x".repeat(i % 500)))
            .unwrap();
        writeln!(out, "{id}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killing_a_writer_at_random_moments_never_loses_a_committed_record() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let opp = Store::open_file(&path)
        .unwrap()
        .add_opportunity(&situation("Acme"), None)
        .unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x5eed_u64;
    let mut committed: Vec<i64> = Vec::new();
    for run in 0..200 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = std::time::Duration::from_millis(5 + (seed >> 33) % 60);
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "store::tests::kill_test_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("POLITELY_KILL_TEST_DB", &path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        let mut text = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        child.wait().unwrap();
        committed.extend(text.lines().filter_map(|l| l.trim().parse::<i64>().ok()));

        let store =
            Store::open_file(&path).unwrap_or_else(|e| panic!("run {run}: reopening failed: {e}"));
        store
            .integrity_check()
            .unwrap_or_else(|e| panic!("run {run}: {e}"));
        let present: std::collections::HashSet<i64> = store
            .show(opp)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.id)
            .collect();
        let missing: Vec<_> = committed
            .iter()
            .filter(|id| !present.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "run {run}: committed notes lost: {missing:?}"
        );
    }
    assert!(
        committed.len() > 200,
        "the writers did commit work before being killed ({} notes)",
        committed.len()
    );
}

#[test]
fn a_full_disk_or_read_only_database_is_a_clear_error_and_earlier_data_stays() {
    let (_dir, mut store) = fresh();
    let id = store.add_opportunity(&situation("Acme"), None).unwrap();
    store.add_note(id, "kept").unwrap();

    // A full disk, as SQLite sees it: no page may be added.
    let pages: i64 = store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .execute_batch(&format!("PRAGMA max_page_count = {pages};"))
        .unwrap();
    let err = store.add_note(id, &"y".repeat(90_000)).unwrap_err();
    assert!(
        err.to_string()
            .contains("the disk is full; nothing was changed"),
        "{err}"
    );
    assert!(matches!(err, Error::Storage { .. }));
    store
        .conn()
        .execute_batch("PRAGMA max_page_count = 1073741823;")
        .unwrap();

    // A read-only database.
    store
        .conn()
        .execute_batch("PRAGMA query_only = ON;")
        .unwrap();
    let err = store.add_note(id, "refused").unwrap_err();
    assert!(
        err.to_string()
            .contains("saving the note failed: the database file is read-only"),
        "{err}"
    );
    store
        .conn()
        .execute_batch("PRAGMA query_only = OFF;")
        .unwrap();

    let notes: Vec<_> = store
        .show(id)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.body)
        .collect();
    assert_eq!(notes, ["kept"], "earlier data intact, nothing half-written");
    store.integrity_check().unwrap();
}

#[test]
fn an_older_database_is_backed_up_then_migrated_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        // A history as the first release wrote it: schema 1 only.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        rusqlite_migration::Migrations::new(vec![rusqlite_migration::M::up(include_str!(
            "migrations/0001_initial.sql"
        ))])
        .to_latest(&mut conn)
        .unwrap();
        conn.execute(
            "INSERT INTO opportunities (company, role, stage, origin_channel, status, invited_at, created_at, updated_at) \
             VALUES ('Acme', 'Engineer', 'invited', 'email', 'open', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')",
            [],
        )
        .unwrap();
    }
    let store = Store::open_file(&path).unwrap();
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION, "migrated to the current schema");
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("a backups folder")
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(backups.len(), 1, "one backup: {backups:?}");
    assert!(backups[0].ends_with("-before-migration.db"), "{backups:?}");
    let old = rusqlite::Connection::open(dir.path().join("backups").join(&backups[0])).unwrap();
    let old_version: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old_version, 1, "the backup is the database as it was");
    let companies: Vec<String> = store
        .list(&ListQuery::default())
        .unwrap()
        .into_iter()
        .map(|s| s.company)
        .collect();
    assert_eq!(companies, ["Acme"], "the data survived the migration");
    assert!(
        store.user_templates().unwrap().is_empty(),
        "the new table is there and empty"
    );
}

#[test]
fn user_templates_are_checked_saved_renamed_and_deleted() {
    use super::user_templates::TemplateDraft;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    let draft = |name: &str, body: &str| TemplateDraft {
        id: None,
        name: name.into(),
        channel: "email".into(),
        subject: "About {{ role }}".into(),
        body: body.into(),
    };
    let saved = store
        .save_user_template(&draft(
            "Short no",
            "Dear {{ contact.name }},\nThanks from {{ sender.name }}",
        ))
        .unwrap();
    assert_eq!(saved.subject, "About {{ role }}");
    let err = store
        .save_user_template(&draft("Short no", "Hi"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("name:") && err.contains("already exists"),
        "{err}"
    );
    let err = store
        .save_user_template(&draft("Broken", "Hi\n{{ company"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("body: line 2, column"),
        "syntax errors name line and column: {err}"
    );
    let err = store
        .save_user_template(&draft("Env", "{{ get_env(name=\"HOME\") }}"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("body:"), "{err}");
    let err = store
        .save_user_template(&draft("  ", "Hi"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("name:"), "{err}");
    let mut renamed = draft("A short no", "Hello");
    renamed.id = Some(saved.id);
    let updated = store.save_user_template(&renamed).unwrap();
    assert_eq!(
        (updated.id, updated.name.as_str(), updated.body.as_str()),
        (saved.id, "A short no", "Hello")
    );
    assert_eq!(
        store.user_templates().unwrap().len(),
        1,
        "an update, not a copy"
    );
    let gone = store.delete_user_template(saved.id).unwrap();
    assert_eq!(
        gone.name, "A short no",
        "delete hands the template back for Undo"
    );
    assert!(store.user_templates().unwrap().is_empty());
    assert!(matches!(
        store.delete_user_template(saved.id),
        Err(Error::NotFound { .. })
    ));
}

fn beat_times(parts: &[(&str, i64)]) -> Vec<practice_runs::BeatTime> {
    parts
        .iter()
        .map(|(name, ms)| practice_runs::BeatTime {
            name: (*name).to_owned(),
            ms: *ms,
        })
        .collect()
}

#[test]
fn practice_runs_are_kept_with_last_best_and_ready_and_show_in_the_timeline() {
    let (dir, mut store) = fresh();
    let id = store
        .add_opportunity(&situation("Northwind"), None)
        .unwrap();
    let empty = store.practice_summary(Some(id)).unwrap();
    assert_eq!((empty.count, empty.ready), (0, false));
    assert!(empty.last.is_none() && empty.best.is_none());

    let beats = beat_times(&[
        ("greeting", 9_000),
        ("decision", 5_000),
        ("reason", 12_000),
        ("goodwill", 9_500),
    ]);
    let first = store.add_practice_run(Some(id), 71_000, &beats).unwrap();
    let second = store.add_practice_run(Some(id), 52_400, &beats).unwrap();
    let s = store.practice_summary(Some(id)).unwrap();
    assert_eq!(s.count, 2);
    assert_eq!(s.last.as_ref().unwrap().id, second.id, "newest first");
    assert_eq!(
        s.best.as_ref().unwrap().id,
        second.id,
        "inside the target beats over it"
    );
    assert!(!s.ready, "one of the last two runs was over 60 s");
    assert_eq!(s.runs[1].id, first.id);
    assert_eq!(s.runs[1].band, crate::speech::Band::Over);
    assert_eq!(s.runs[0].beats, beats, "per-beat times read back");

    let third = store.add_practice_run(Some(id), 44_000, &beats).unwrap();
    let s = store.practice_summary(Some(id)).unwrap();
    assert!(
        s.ready,
        "the last two runs (52.4 s, 44 s) are inside 30–60 s"
    );
    assert_eq!(
        s.best.unwrap().id,
        third.id,
        "the shorter of two runs inside the target"
    );

    // A run with no opportunity is kept apart.
    store.add_practice_run(None, 20_000, &[]).unwrap();
    let unlinked = store.practice_summary(None).unwrap();
    assert_eq!(unlinked.count, 1);
    assert_eq!(unlinked.last.unwrap().band, crate::speech::Band::Under);
    assert_eq!(store.practice_summary(Some(id)).unwrap().count, 3);

    // History shows them, and they survive closing and reopening the file.
    drop(store);
    let store = Store::open_file(&dir.path().join(DB_FILE)).unwrap();
    let detail = store.show(id).unwrap();
    assert_eq!(detail.practice_runs.len(), 3);
    let entries: Vec<&str> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == "practice")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        entries,
        [
            "Practised the call: 1:11 (over the 30–60 s target)",
            "Practised the call: 0:52 (inside the 30–60 s target)",
            "Practised the call: 0:44 (inside the 30–60 s target)",
        ]
    );
    let export = store.export().unwrap();
    assert_eq!(export.practice_runs.len(), 4, "export carries every run");
}

#[test]
fn bad_practice_runs_are_refused_and_nothing_is_stored() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_opportunity(&situation("Northwind"), None)
        .unwrap();
    let cases: Vec<(i64, Vec<practice_runs::BeatTime>, &str)> = vec![
        (500, vec![], "duration_ms"),
        (4_000_000, vec![], "duration_ms"),
        (40_000, beat_times(&[("", 1_000)]), "beats"),
        (40_000, beat_times(&[("greeting", -1)]), "beats"),
        (
            40_000,
            beat_times(&[("greeting", 30_000), ("decision", 30_000)]),
            "beats",
        ),
        (40_000, beat_times(&[("x", 1); 21]), "beats"),
    ];
    for (duration, beats, field) in cases {
        let err = store
            .add_practice_run(Some(id), duration, &beats)
            .unwrap_err();
        assert!(
            err.to_string().starts_with(field),
            "{duration} {beats:?}: {err}"
        );
    }
    let err = store.add_practice_run(Some(9999), 40_000, &[]).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
    store.delete(id).unwrap();
    assert!(
        store.add_practice_run(Some(id), 40_000, &[]).is_err(),
        "not against an opportunity in the trash"
    );
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM practice_runs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);
}

#[test]
fn import_refuses_what_the_window_would_refuse_and_names_where() {
    let (_dir, mut store) = fresh();
    let mut base = synthetic::history(12, 2);
    base.decisions.push(super::records::Decision {
        id: 1,
        opportunity_id: base.opportunities[0].id,
        situation: "{}".into(),
        advice: None,
        created_at: "2026-11-26T10:00:00Z".into(),
    });
    assert!(!base.notes.is_empty() && !base.messages.is_empty());
    type Edit = Box<dyn Fn(&mut super::export::Export)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|d| d.opportunities[0].invited_at = "next tuesday".into()),
            "opportunities[0].invited_at",
        ),
        (
            Box::new(|d| d.opportunities[1].created_at = "２０２６-11-26T10:00:00Z".into()),
            "opportunities[1].created_at",
        ),
        (
            Box::new(|d| d.opportunities[2].updated_at = "9999-12-31T23:59:59-14:00".into()),
            "1970 to 2200",
        ),
        (
            Box::new(|d| {
                d.reminders.push(super::records::Reminder {
                    id: 1,
                    opportunity_id: Some(d.opportunities[0].id),
                    kind: "launch_missiles".into(),
                    due_at: "2027-01-01T09:00:00Z".into(),
                    state: "pending".into(),
                    notified_at: None,
                    created_at: "2026-11-26T10:00:00Z".into(),
                    title: None,
                })
            }),
            "reminders[0].kind",
        ),
        (
            Box::new(|d| d.notes[0].body = "n".repeat(100_001)),
            "notes[0].body: is longer than 100000",
        ),
        (
            Box::new(|d| d.opportunities[0].company = "Acme\u{1b}]0;owned\u{7}".into()),
            "must be one line",
        ),
        (
            Box::new(|d| d.messages[0].body = "hi \u{1b}[2J".into()),
            "control characters",
        ),
        (
            Box::new(|d| d.messages[0].status = "queued".into()),
            "messages[0].status",
        ),
        (
            Box::new(|d| d.decisions[0].situation = "{not json".into()),
            "is not JSON",
        ),
    ];
    for (edit, wanted) in cases {
        let mut doc = base.clone();
        edit(&mut doc);
        for dry in [true, false] {
            let err = store.import(&to_json(&doc), dry).unwrap_err().to_string();
            assert!(
                err.contains(wanted),
                "dry run {dry}: {err} should name {wanted}"
            );
        }
        assert!(
            store.list(&ListQuery::default()).unwrap().is_empty(),
            "nothing kept"
        );
    }
}

#[test]
fn colliding_ids_never_attach_imported_rows_to_the_user_s_own_records() {
    // The user's history has opportunity 1 (Globex) with a note; the file's opportunity 1 is a
    // different one (Acme) with its own note and message.
    let (_dir, mut store) = fresh();
    let mine = store.add_opportunity(&situation("Globex"), None).unwrap();
    store.add_note(mine, "my own note").unwrap();
    let (_other, mut source) = fresh();
    let theirs = source.add_opportunity(&situation("Acme"), None).unwrap();
    source.add_note(theirs, "imported note").unwrap();
    source
        .add_draft(theirs, "email", Some("Hi"), "Thank you, but no.")
        .unwrap();
    assert_eq!((mine, theirs), (1, 1), "the ids collide");
    let file = to_json(&source.export().unwrap());

    let summary = store.import(&file, false).unwrap();
    assert_eq!(summary.remapped["opportunities"], vec![[1, 2]]);
    let globex = store.show(1).unwrap();
    assert_eq!(globex.opportunity.company, "Globex");
    assert_eq!(
        globex.notes.len(),
        1,
        "nothing attached to the user's record"
    );
    assert!(globex.messages.is_empty());
    let acme = store.show(2).unwrap();
    assert_eq!(acme.opportunity.company, "Acme");
    assert_eq!(acme.notes[0].body, "imported note");
    assert_eq!(acme.messages.len(), 1);
    assert_eq!(
        store
            .list(&ListQuery {
                search: Some("imported".into()),
                ..Default::default()
            })
            .unwrap()[0]
            .id,
        2,
        "the search index follows the new id"
    );
    // The same file again: now every record is already there.
    let again = store.import(&file, false).unwrap();
    assert!(
        again.added.is_empty() && again.remapped.is_empty(),
        "{again:?}"
    );
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_every_file_in_it_are_the_user_s_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = crate::data_dir::DataDir::resolve(Some(&dir.path().join("data")), None).unwrap();
    let mut store = Store::open(&data).unwrap();
    let id = store.add_opportunity(&situation("Acme"), None).unwrap();
    store.add_note(id, "private").unwrap();
    let backup = store.backup("manual").unwrap();
    let export = crate::compose::send::write_export(data.path(), "acme", "txt", "x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(data.path()), 0o700, "data folder");
    assert_eq!(mode(&data.path().join("backups")), 0o700, "backups folder");
    for file in [
        data.path().join(DB_FILE),
        data.path().join(format!("{DB_FILE}-wal")),
        backup,
        export,
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
