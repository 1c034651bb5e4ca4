//! History through the real window: save from the wizard, search, record what happened, change
//! one's mind, delete and restore from the trash.

use politely_e2e::*;

async fn status_badge(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        "return document.getElementById('hd-status').textContent",
    )
    .await
}

async fn wait_badge(driver: &WebDriver, expected: &str) -> WebDriverResult<String> {
    eventually(&format!("status {expected}"), || async {
        let s = status_badge(driver).await?;
        Ok(s.starts_with(expected).then_some(s))
    })
    .await
}

async fn rows(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    texts(driver, "#history-list .history-row strong").await
}

async fn fill_entry(driver: &WebDriver, action: &str, body: &str) -> WebDriverResult<()> {
    click(driver, &format!("#hd-actions [data-action={action}]")).await?;
    let field = driver.find(By::Css("#hd-form textarea[name=body]")).await?;
    field.send_keys(body).await?;
    click(driver, "#hd-form button[type=submit]").await
}

fn seed(data_dir: &std::path::Path) {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
    for name in ["email-decline", "linkedin-undecided"] {
        cli(
            data_dir,
            &[
                "history",
                "add",
                "--situation",
                &format!("{fixtures}/{name}.json"),
            ],
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn save_search_record_reopen_delete_and_restore() {
    let app = App::launch_with("history", &[], seed).await;
    let data_dir = app.data_dir.clone();
    let (seen, _home) = app
        .run_keeping(|driver, shots| async move {
            let mut seen = Vec::<(String, String)>::new();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            driver
                .find(By::Css("[name=company]"))
                .await?
                .send_keys("Umbrella Health")
                .await?;
            driver
                .find(By::Css("[name=role]"))
                .await?
                .send_keys("Nurse Manager")
                .await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name=reasons][value=personal]").await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name='checklist.decided']").await?;
            click(&driver, "#decide-next").await?;
            eventually("advice", || async {
                Ok(driver
                    .find(By::Id("decide-save"))
                    .await?
                    .is_displayed()
                    .await?
                    .then_some(()))
            })
            .await?;
            click(&driver, "#decide-save").await?;
            let notice = eventually("saved notice", || async {
                let t = visible_notice(&driver).await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            seen.push(("notice".into(), notice));
            notice_action(&driver).await?;
            wait_for_screen(&driver, "history").await?;
            seen.push((
                "opened".into(),
                driver.find(By::Id("hd-title")).await?.text().await?,
            ));
            seen.push(("all".into(), rows(&driver).await?.join(" | ")));

            driver
                .find(By::Id("h-search"))
                .await?
                .send_keys("umbrel")
                .await?;
            let found = eventually("search result", || async {
                let r = rows(&driver).await?;
                Ok((r.len() == 1).then_some(r.join(" | ")))
            })
            .await?;
            seen.push(("search".into(), found));
            shots.take(&driver, "history-list").await?;

            click(&driver, "#history-list .history-row").await?;
            fill_entry(
                &driver,
                "message",
                "Thank you for the invitation; I have decided to withdraw.",
            )
            .await?;
            seen.push(("after sent".into(), wait_badge(&driver, "Declined").await?));
            fill_entry(&driver, "reply", "Thanks for telling us, all the best.").await?;
            seen.push(("after reply".into(), wait_badge(&driver, "Replied").await?));
            fill_entry(
                &driver,
                "reopen",
                "I have thought again and would still like to interview.",
            )
            .await?;
            seen.push((
                "after reopen".into(),
                wait_badge(&driver, "Reopened").await?,
            ));
            // The change-of-mind draft is marked sent with the real time; it stays reopened.
            click(&driver, "#hd-drafts button[data-message]").await?;
            eventually("draft sent", || async {
                let shown = driver
                    .find(By::Id("hd-drafts-box"))
                    .await?
                    .is_displayed()
                    .await?;
                Ok((!shown).then_some(()))
            })
            .await?;
            seen.push(("after mark sent".into(), status_badge(&driver).await?));
            seen.push((
                "timeline".into(),
                texts(&driver, "#hd-timeline li span").await?.join(" | "),
            ));
            shots.take(&driver, "history-detail").await?;

            click(&driver, "#hd-actions [data-action=delete]").await?;
            click(&driver, "#hd-confirm-yes").await?;
            let after_delete = eventually("list without it", || async {
                let r = rows(&driver).await?;
                Ok(r.is_empty().then_some("empty".to_owned()))
            })
            .await?;
            seen.push(("after delete".into(), after_delete));
            click(&driver, "#h-trash").await?;
            let trash = eventually("trash", || async {
                let r = rows(&driver).await?;
                Ok((!r.is_empty()).then_some(r.join(" | ")))
            })
            .await?;
            seen.push(("trash".into(), trash));
            click(&driver, "#history-list .history-row").await?;
            shots.take(&driver, "history-trash").await?;
            click(&driver, "#hd-actions [data-action=undelete]").await?;
            click(&driver, "#h-trash").await?;
            let back = eventually("restored", || async {
                let r = rows(&driver).await?;
                Ok((r.len() == 1).then_some(r.join(" | ")))
            })
            .await?;
            seen.push(("restored".into(), back));
            Ok(seen)
        })
        .await;

    let get = |key: &str| {
        seen.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    assert_eq!(get("notice"), "Saved to History as #3.");
    assert_eq!(get("opened"), "Umbrella Health — Nurse Manager");
    assert!(
        get("all").contains("Acme Robotics") && get("all").contains("Initech"),
        "{}",
        get("all")
    );
    assert_eq!(get("search"), "Umbrella Health — Nurse Manager");
    assert!(get("after sent").starts_with("Declined"));
    assert!(get("after reply").starts_with("Replied"));
    assert!(get("after reopen").starts_with("Reopened"));
    assert!(
        get("after mark sent").starts_with("Reopened"),
        "{}",
        get("after mark sent")
    );
    for needle in [
        "Message sent (email): Thank you for the invitation; I have decided to withdraw.",
        "Reply received: Thanks for telling us",
        "Change-of-mind draft saved (email)",
        "Status: Replied → Reopened",
    ] {
        assert!(
            get("timeline").contains(needle),
            "timeline has {needle}: {}",
            get("timeline")
        );
    }
    assert_eq!(
        get("after delete"),
        "empty",
        "deleted from the (still searched) list"
    );
    assert_eq!(get("trash"), "Umbrella Health — Nurse Manager");
    assert_eq!(get("restored"), "Umbrella Health — Nurse Manager");

    let shown = cli(&data_dir, &["history", "show", "3", "--json"]);
    let detail: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        detail["opportunity"]["status"], "reopened",
        "the window wrote to the real database"
    );
    assert_eq!(
        detail["messages"][1]["reopens_message_id"],
        detail["messages"][0]["id"]
    );
    assert!(detail["opportunity"]["deleted_at"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_history_offers_a_new_start_and_keeps_the_file() {
    let app = App::launch_with("history-damaged", &[], |dir| {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("politely.db"), b"definitely not SQLite").unwrap();
    })
    .await;
    let data_dir = app.data_dir.clone();
    let ((panel, after), _home) = app
        .run_keeping(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=history]").await?;
            let panel = eventually("recovery panel", || async {
                let p = driver.find(By::Id("history-recover")).await?;
                Ok(if p.is_displayed().await? {
                    Some(
                        driver
                            .find(By::Id("history-recover-text"))
                            .await?
                            .text()
                            .await?,
                    )
                } else {
                    None
                })
            })
            .await?;
            shots.take(&driver, "history-damaged").await?;
            click(&driver, "#history-recover-new").await?;
            let after = eventually("empty list", || async {
                let t = driver.find(By::Id("history-count")).await?.text().await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            Ok((panel, after))
        })
        .await;
    assert!(
        panel.contains("is damaged") && panel.contains("kept"),
        "{panel}"
    );
    assert_eq!(after, "No opportunities yet: record one from Decide.");
    let kept: Vec<_> = std::fs::read_dir(&data_dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("politely.db.set-aside-")
        })
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    assert_eq!(
        kept,
        vec![b"definitely not SQLite".to_vec()],
        "the damaged file is kept, byte for byte"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_is_restored_from_about_and_the_current_history_is_kept_aside() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
    let app = App::launch_with("history-restore", &[], |dir| {
        cli(
            dir,
            &[
                "history",
                "add",
                "--situation",
                &format!("{fixtures}/email-decline.json"),
            ],
        );
        cli(dir, &["history", "backup"]);
        cli(
            dir,
            &[
                "history",
                "add",
                "--situation",
                &format!("{fixtures}/linkedin-undecided.json"),
            ],
        );
    })
    .await;
    let data_dir = app.data_dir.clone();
    let ((backups, restored, rows), _home) = app
        .run_keeping(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=about]").await?;
            let backups = eventually("backup list", || async {
                let b = texts(&driver, "#about-backups li").await?;
                Ok((!b.is_empty()).then_some(b))
            })
            .await?;
            shots.take(&driver, "about-backups").await?;
            click(&driver, "#about-backups li button").await?;
            notice_action(&driver).await?;
            let restored = eventually("restored notice", || async {
                let t = visible_notice(&driver).await?;
                Ok(t.contains("restored").then_some(t))
            })
            .await?;
            click(&driver, ".nav-item[data-nav=history]").await?;
            let rows = eventually("restored list", || async {
                let r = rows(&driver).await?;
                Ok((!r.is_empty()).then_some(r))
            })
            .await?;
            Ok((backups, restored, rows))
        })
        .await;
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].contains("manual"), "{backups:?}");
    assert_eq!(restored, "The backup was restored.");
    assert_eq!(
        rows,
        ["Acme Robotics — Data Engineer"],
        "only what the backup held"
    );
    let aside = std::fs::read_dir(&data_dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("politely.db.replaced-")
        })
        .count();
    assert_eq!(aside, 1, "the replaced history was kept as a file");
}

/// A JSON export of `n` opportunities (ids from `first`), as `politely history export` writes
/// them; every tenth has a note of several lines.
pub(crate) fn generated_export(first: i64, n: i64) -> serde_json::Value {
    let mut opportunities = Vec::new();
    let mut events = Vec::new();
    let mut notes = Vec::new();
    for i in first..first + n {
        let at = format!(
            "2025-{:02}-{:02}T09:{:02}:00Z",
            i % 12 + 1,
            i % 28 + 1,
            i % 60
        );
        opportunities.push(serde_json::json!({
            "id": i, "company": format!("Company {i}"), "role": "Analyst", "contact_name": null,
            "contact_email": null, "contact_title": null, "stage": "invited", "origin_channel": "email",
            "invited_at": at, "interview_at": null, "status": "open", "created_at": at, "updated_at": at,
            "deleted_at": null
        }));
        events.push(serde_json::json!({"id": i, "opportunity_id": i, "from_status": null, "to_status": "open", "at": at}));
        if i % 10 == 0 {
            notes.push(serde_json::json!({"id": i, "opportunity_id": i, "body": format!("Note {i}.\nSecond line."), "created_at": at}));
        }
    }
    serde_json::json!({
        "format": "politely-history", "version": 1, "opportunities": opportunities, "decisions": [],
        "messages": [], "replies": [], "notes": notes, "status_events": events, "practice_runs": [],
        "reminders": []
    })
}

fn import_generated(dir: &std::path::Path, first: i64, n: i64) {
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("generated.json");
    std::fs::write(&file, generated_export(first, n).to_string()).unwrap();
    cli(dir, &["history", "import", file.to_str().unwrap()]);
    std::fs::remove_file(file).unwrap();
}

const SENT_SUBJECT: &str = "Data Engineer interview — Sam Lee";
const SENT_BODY: &str = "Hello Priya,\n\nThank you for the invitation to interview.\nI have decided to withdraw my application.\n\nBest regards,\nSam Lee";
const DRAFT_BODY: &str = "Hi Priya,\n\nA second thought, on two lines.\nStill no.\n\nSam";
const REPLY_BODY: &str = "Thanks for letting us know, Sam.\n\nAll the best with the new role!";

fn long_note() -> String {
    format!(
        "Called Priya after the email.\n{}\nShe will keep my CV on file.",
        "She was kind about it. ".repeat(12)
    )
}

#[derive(Debug, Default)]
struct Everything {
    count: String,
    page_two: String,
    back: String,
    pager: String,
    drafts: Vec<String>,
    draft_text: String,
    timeline: Vec<String>,
    sent_full: String,
    note_full: String,
    note_summary: String,
    reply: String,
    closed: String,
    close_notice: String,
    after_undo: String,
    undo_notice: String,
    no_question: bool,
}

/// History shows everything it stores: the true total a page at a time, a sent message's
/// subject and body, a reply, a long note whole, a draft with its line breaks; Close asks nothing
/// and offers Undo; nothing shows an internal name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_shows_every_text_it_keeps_pages_through_all_of_it_and_close_can_be_undone() {
    let app = App::launch_with("history-everything", &[], |dir| {
        import_generated(dir, 1000, 120);
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
        cli(dir, &["history", "add", "--situation", &format!("{fixtures}/email-decline.json")]);
        // What the window records (a sent email, a draft, a reply, a note), added the way a
        // history moves between computers: an export with them, imported.
        let mut export: serde_json::Value =
            serde_json::from_str(&cli(dir, &["history", "export", "--format", "json"])).unwrap();
        let acme = export["opportunities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["company"] == "Acme Robotics")
            .unwrap()["id"]
            .clone();
        let at = "2026-11-20T10:00:00Z";
        export["messages"] = serde_json::json!([
            {"id": 9001, "opportunity_id": acme, "channel": "email", "subject": SENT_SUBJECT, "body": SENT_BODY,
             "status": "sent", "created_at": at, "sent_at": "2026-11-20T10:05:00Z", "reopens_message_id": null},
            {"id": 9002, "opportunity_id": acme, "channel": "linkedin", "subject": null, "body": DRAFT_BODY,
             "status": "draft", "created_at": "2026-11-20T10:10:00Z", "sent_at": null, "reopens_message_id": null}
        ]);
        export["replies"] = serde_json::json!([
            {"id": 9001, "opportunity_id": acme, "body": REPLY_BODY, "received_at": "2026-11-21T09:00:00Z", "created_at": "2026-11-21T09:01:00Z"}
        ]);
        export["notes"] = serde_json::json!([
            {"id": 9001, "opportunity_id": acme, "body": long_note(), "created_at": "2026-11-21T12:00:00Z"}
        ]);
        let file = dir.join("with-everything.json");
        std::fs::write(&file, export.to_string()).unwrap();
        cli(dir, &["history", "import", file.to_str().unwrap()]);
        std::fs::remove_file(file).unwrap();
    })
    .await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Everything::default();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=history]").await?;
            wait_for_screen(&driver, "history").await?;
            seen.count = eventually("the count", || async {
                let t = js_text(&driver, "return document.getElementById('history-count').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            seen.pager = js_text(&driver, "return document.getElementById('history-page').textContent").await?;
            click(&driver, "#history-next").await?;
            seen.page_two = eventually("page two", || async {
                let t = js_text(&driver, "return document.getElementById('history-count').textContent").await?;
                Ok(t.starts_with("51").then_some(t))
            })
            .await?;
            shots.take(&driver, "history-pages").await?;
            click(&driver, "#history-prev").await?;
            seen.back = eventually("page one", || async {
                let t = js_text(&driver, "return document.getElementById('history-count').textContent").await?;
                Ok(t.starts_with("1–").then_some(t))
            })
            .await?;

            type_into(&driver, "#h-search", "Acme").await?;
            eventually("the search", || async {
                Ok((rows(&driver).await?.len() == 1).then_some(()))
            })
            .await?;
            click(&driver, "#history-list .history-row").await?;
            seen.drafts = eventually("the draft", || async {
                let d = texts(&driver, "#hd-drafts li strong").await?;
                Ok((!d.is_empty()).then_some(d))
            })
            .await?;
            // innerText: what is on screen, line breaks included.
            seen.draft_text = js_text(&driver, "return document.querySelector('#hd-drafts li .full-body').innerText").await?;
            seen.timeline = texts(&driver, "#hd-timeline li > span, #hd-timeline li summary").await?;
            click(&driver, "#hd-timeline li[data-kind=sent] summary").await?;
            seen.sent_full = js_text(&driver, "return document.querySelector('#hd-timeline li[data-kind=sent] .full-text').innerText").await?;
            seen.note_summary = js_text(&driver, "return document.querySelector('#hd-timeline li[data-kind=note] summary').textContent").await?;
            click(&driver, "#hd-timeline li[data-kind=note] summary").await?;
            seen.note_full = js_text(&driver, "return document.querySelector('#hd-timeline li[data-kind=note] .full-body').innerText").await?;
            click(&driver, "#hd-timeline li[data-kind=reply] summary").await?;
            seen.reply = js_text(&driver, "return document.querySelector('#hd-timeline li[data-kind=reply] .full-body').innerText").await?;
            js(&driver, "document.querySelector('#hd-timeline li[data-kind=note]').scrollIntoView({block: 'center'})", vec![]).await?;
            shots.take(&driver, "history-everything").await?;

            click(&driver, "#hd-actions [data-action=close]").await?;
            seen.closed = wait_badge(&driver, "Closed").await?;
            seen.no_question = js(&driver, "return document.getElementById('hd-confirm').hidden", vec![]).await?.as_bool().unwrap_or(false);
            seen.close_notice = js_text(&driver, "return document.querySelector('#hd-feedback.shown .feedback-text')?.textContent ?? ''").await?;
            shots.take(&driver, "history-closed-undo").await?;
            notice_action(&driver).await?;
            seen.after_undo = wait_badge(&driver, "Open").await?;
            seen.undo_notice = js_text(&driver, "return document.querySelector('#hd-feedback.shown .feedback-text')?.textContent ?? ''").await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    assert_eq!(
        seen.count, "1–50 of 121 opportunities",
        "the true total, not the page"
    );
    assert_eq!(seen.pager, "Page 1 of 3");
    assert_eq!(seen.page_two, "51–100 of 121 opportunities");
    assert_eq!(seen.back, "1–50 of 121 opportunities");
    assert_eq!(seen.drafts, ["Draft (LinkedIn message)"]);
    assert_eq!(
        seen.draft_text, DRAFT_BODY,
        "a draft whole, with its line breaks"
    );
    assert_eq!(
        seen.sent_full.trim_end(),
        format!("Subject: {SENT_SUBJECT}\n{SENT_BODY}"),
        "the sent message: subject and body"
    );
    assert_eq!(seen.note_full, long_note(), "a long note can be read whole");
    assert!(
        seen.note_summary
            .starts_with("Note: Called Priya after the email.…"),
        "{}",
        seen.note_summary
    );
    assert_eq!(seen.reply, REPLY_BODY);
    for line in &seen.timeline {
        assert!(
            !line.contains('_') && !line.contains("(advice:") && !line.contains("(pending)"),
            "no internal name in the timeline: {line}"
        );
    }
    assert!(
        seen.timeline
            .iter()
            .any(|l| l.starts_with("Message sent (email)")),
        "{:?}",
        seen.timeline
    );
    assert!(
        seen.timeline
            .iter()
            .any(|l| l.starts_with("Decision recorded: Decline")),
        "{:?}",
        seen.timeline
    );
    assert!(seen.closed.starts_with("Closed"));
    assert!(seen.no_question, "Close asks nothing");
    assert!(
        seen.close_notice
            .starts_with("Closed “Acme Robotics — Data Engineer”"),
        "{}",
        seen.close_notice
    );
    assert!(
        seen.after_undo.starts_with("Open"),
        "Undo puts back the status it had"
    );
    assert!(
        seen.undo_notice.contains("is open again"),
        "{}",
        seen.undo_notice
    );
}

#[derive(Debug, Default)]
struct Files {
    webdriver: bool,
    notices: Vec<String>,
    asked: Vec<serde_json::Value>,
    csv_error: String,
    csv_error_near: bool,
    confirm: String,
    after_import: String,
    again: String,
    cancelled: String,
}

/// Export and import from the window, to and from files the user chooses (the system's dialogs
/// answered through the page's WebDriver-only hook), written and read by the real commands.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_exports_to_and_imports_from_files_the_user_chooses() {
    let app = App::launch_with("history-files", &[], |dir| import_generated(dir, 1, 3)).await;
    let out = tempfile::tempdir().unwrap();
    let incoming = out.path().join("from-another-computer.json");
    std::fs::write(&incoming, generated_export(500, 4).to_string()).unwrap();
    let paths: Vec<_> = ["json", "csv", "md"]
        .iter()
        .map(|f| out.path().join(format!("mine.{f}")))
        .collect();
    let (paths2, incoming2) = (paths.clone(), incoming.clone());
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Files::default();
            wait_for_screen(&driver, "home").await?;
            seen.webdriver = under_webdriver(&driver).await?;
            click(&driver, ".nav-item[data-nav=history]").await?;
            wait_for_screen(&driver, "history").await?;
            for (format, path) in ["json", "csv", "md"].iter().zip(&paths2) {
                set_value(&driver, "#history-format", format).await?;
                answer_file_dialog(&driver, Some(path)).await?;
                click(&driver, "#history-export").await?;
                let n = eventually("the export's notice", || async {
                    let t = js_text(&driver, "return document.querySelector('#history-tools-feedback.shown .feedback-text')?.textContent ?? ''").await?;
                    Ok(t.ends_with(&path.display().to_string()).then_some(t))
                })
                .await?;
                seen.notices.push(n);
            }
            shots.take(&driver, "history-exported").await?;
            seen.asked = file_dialogs_asked(&driver).await?;

            // A CSV is for reading: importing one says so, beside the button.
            answer_file_dialog(&driver, Some(&paths2[1])).await?;
            click(&driver, "#history-import").await?;
            seen.csv_error = eventually("the import's problem", || async {
                Ok(visible_error(&driver).await?)
            })
            .await?;
            seen.csv_error_near = js(&driver, "return !!document.querySelector('#history-tools-feedback.shown.error')", vec![]).await?.as_bool().unwrap_or(false);

            answer_file_dialog(&driver, Some(&incoming2)).await?;
            click(&driver, "#history-import").await?;
            seen.confirm = eventually("what the import would add", || async {
                let t = js_text(&driver, "return document.getElementById('history-import-confirm').hidden ? '' : document.getElementById('history-import-text').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            shots.take(&driver, "history-import-confirm").await?;
            click(&driver, "#history-import-yes").await?;
            seen.after_import = eventually("the imported list", || async {
                let t = js_text(&driver, "return document.getElementById('history-count').textContent").await?;
                Ok((t == "7 opportunities").then_some(t))
            })
            .await?;
            // The same file again: nothing new.
            answer_file_dialog(&driver, Some(&incoming2)).await?;
            click(&driver, "#history-import").await?;
            seen.again = eventually("nothing to import", || async {
                let t = js_text(&driver, "return document.querySelector('#history-tools-feedback.shown .feedback-text')?.textContent ?? ''").await?;
                Ok(t.starts_with("Nothing to import").then_some(t))
            })
            .await?;
            // Cancel in the dialog: nothing happens, nothing is said.
            js(&driver, "document.querySelector('#history-tools-feedback .feedback-dismiss')?.click()", vec![]).await?;
            answer_file_dialog(&driver, None).await?;
            click(&driver, "#history-export").await?;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            seen.cancelled = visible_notice(&driver).await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    assert!(
        seen.webdriver,
        "the page knows WebDriver drives it (the only time it takes a queued answer)"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&paths[0]).unwrap()).unwrap();
    assert_eq!(json["format"], "politely-history");
    assert_eq!(
        json["opportunities"].as_array().unwrap().len(),
        3,
        "the whole history, written by the real command"
    );
    let csv = std::fs::read_to_string(&paths[1]).unwrap();
    assert!(
        csv.starts_with("id,company,role") && csv.contains("Company 2"),
        "{csv}"
    );
    let md = std::fs::read_to_string(&paths[2]).unwrap();
    assert!(md.contains("Company 3"), "{md}");
    for (notice, path) in seen.notices.iter().zip(&paths) {
        assert_eq!(
            notice,
            &format!("Exported your history to {}", path.display()),
            "said beside the button"
        );
    }
    let defaults: Vec<&str> = seen
        .asked
        .iter()
        .map(|a| a["defaultPath"].as_str().unwrap_or_default())
        .collect();
    for (default, format) in defaults.iter().zip(["json", "csv", "md"]) {
        assert!(
            default.starts_with("politely-history-") && default.ends_with(&format!(".{format}")),
            "{defaults:?}"
        );
    }
    assert!(
        seen.csv_error_near,
        "the problem shows beside the Import button"
    );
    assert!(
        seen.csv_error.starts_with("Couldn’t read that file:")
            && seen.csv_error.contains("JSON export made by Politely"),
        "{}",
        seen.csv_error
    );
    assert!(
        !seen.csv_error.contains("disk"),
        "no advice that does not fit: {}",
        seen.csv_error
    );
    assert_eq!(seen.confirm, "Add 4 opportunities, 1 note and 4 status changes from from-another-computer.json to your history?");
    assert_eq!(seen.after_import, "7 opportunities");
    assert!(
        seen.again.contains("already in your history"),
        "{}",
        seen.again
    );
    assert_eq!(
        seen.cancelled, "",
        "a cancelled dialog changes nothing and says nothing"
    );
}

/// 100,000 opportunities: the list says so and pages quickly (the time a page takes from the
/// click to the list redrawn is printed, and held under 2 s in a debug build).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_thousand_opportunities_show_their_true_total_and_page_quickly() {
    let app = App::launch_with("history-100k", &[], |dir| import_generated(dir, 1, 100_000)).await;
    let (count, times, second) = app
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            let started = std::time::Instant::now();
            click(&driver, ".nav-item[data-nav=history]").await?;
            let count = eventually_within("the count", std::time::Duration::from_secs(20), || async {
                let t = js_text(&driver, "return document.getElementById('history-count').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            let first_ms = started.elapsed().as_millis() as f64;
            shots.take(&driver, "history-100k").await?;
            let mut times = vec![first_ms];
            for expect in ["51–100", "101–150", "151–200"] {
                let ms = js(
                    &driver,
                    "const t = performance.now(); document.getElementById('history-next').click();
                     return new Promise(done => { const wait = () => document.getElementById('history-count').textContent.startsWith(arguments[0])
                       ? done(performance.now() - t) : setTimeout(wait, 5); wait(); })",
                    vec![expect.into()],
                )
                .await?;
                times.push(ms.as_f64().unwrap_or(f64::MAX));
            }
            type_into(&driver, "#h-search", "Company 99999").await?;
            let second = eventually_within("the search", std::time::Duration::from_secs(10), || async {
                let r = rows(&driver).await?;
                Ok(r.iter().any(|t| t.starts_with("Company 99999 ")).then_some(r.join(" | ")))
            })
            .await?;
            Ok((count, times, second))
        })
        .await;
    eprintln!(
        "history at 100,000: first list {:.0} ms (from the click), next pages {:?} ms",
        times[0],
        &times[1..]
    );
    assert_eq!(count, "1–50 of 100,000 opportunities");
    for ms in &times[1..] {
        assert!(*ms < 2000.0, "a page in under 2 s: {times:?}");
    }
    assert!(second.contains("Company 99999"), "{second}");
}
