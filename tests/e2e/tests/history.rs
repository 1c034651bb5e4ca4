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
                let t = driver.find(By::Id("notice-text")).await?.text().await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            seen.push(("notice".into(), notice));
            click(&driver, "#notice-action").await?;
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
        "Message sent by email",
        "Reply received: Thanks for telling us",
        "Change-of-mind draft",
        "Status: replied → reopened",
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
            click(&driver, "#notice-action").await?;
            let restored = eventually("restored notice", || async {
                let t = driver.find(By::Id("notice-text")).await?.text().await?;
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
