//! Hostile input in the real window: strings from the hostile corpus typed into the wizard's
//! fields reach History and the drafts exactly as typed and run nothing; the window cannot be
//! navigated away or open windows (a web link goes to the system's opener); and every click is
//! answered while the slowest command runs.

use std::time::{Duration, Instant};

use politely_e2e::*;

/// 25 strings: markup, template syntax, script and SQL lookalikes, right-to-left and bidi text,
/// format strings, quotes, lone entities and long runs.
const HOSTILE: [&str; 25] = [
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned = 1\">",
    "\"><svg onload=window.__pwned=1>",
    "{{ 7*7 }}",
    "{% for i in range(end=999999) %}x{% endfor %}",
    "{{ get_env(name=\"HOME\") }}",
    "javascript:window.__pwned=1",
    "'); DROP TABLE opportunities; --",
    "شركة المستقبل",
    "עברית ועוד",
    "\u{202E}gnp.exe",
    "Ωmega & <Sons>",
    "&lt;b&gt;&amp;",
    "%s%n%x%d",
    "${7*7} #{7*7}",
    "Robert\"); alert(1);//",
    "Zoë O'Brien-Ñúñez",
    "C:\\Windows\\System32",
    "../../etc/passwd",
    "a=1&b=2?c#d",
    "`rm -rf ~`",
    "\\u0000 \\n literal",
    "[Name] {company} <role>",
    "null",
    "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
];

/// The one-line text fields that each take one hostile string per round: the wizard's, and the
/// user's own name in "Your details" (opened from the wizard).
const FIELDS: [&str; 5] = [
    "[name=\"company\"]",
    "[name=\"role\"]",
    "[name=\"contact.name\"]",
    "[name=\"contact.title\"]",
    "#p-name",
];

async fn pwned(driver: &WebDriver) -> WebDriverResult<bool> {
    Ok(js(driver, "return window.__pwned !== undefined", vec![])
        .await?
        .as_bool()
        .unwrap_or(true))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_text_typed_into_the_wizard_is_kept_literally_and_runs_nothing() {
    let app = App::launch("hostile-typed").await;
    let data_dir = app.data_dir.clone();
    let ((rounds, title), _home) = app
        .run_keeping(|driver, _shots| async move {
            let mut rounds = Vec::new();
            wait_for_screen(&driver, "home").await?;
            for chunk in HOSTILE.chunks(FIELDS.len()) {
                click(&driver, ".nav-item[data-nav=decide]").await?;
                wait_for_screen(&driver, "decide").await?;
                if js_text(&driver, "return document.getElementById('decide-restart').hidden ? 'no' : 'yes'").await? == "yes" {
                    click(&driver, "#decide-restart").await?;
                }
                js(&driver, "document.querySelector('details.optional').open = true", vec![]).await?;
                for (field, text) in FIELDS.iter().zip(chunk).take(4) {
                    // WebKitWebDriver types only the Basic Multilingual Plane; set the rest.
                    if text.chars().all(|c| (c as u32) < 0x10000 && !c.is_control()) {
                        type_into(&driver, field, text).await?;
                    } else {
                        set_value(&driver, field, text).await?;
                    }
                }
                set_your_details(&driver, "#screen-decide [data-open-profile]", &[("name", chunk[4])]).await?;
                set_value(&driver, "invited_at", &local_input_hours_ago(5)).await?;
                click(&driver, "#decide-next").await?;
                click(&driver, "input[name=reasons][value=growth]").await?;
                click(&driver, "#decide-next").await?;
                click(&driver, "input[name=\"checklist.decided\"]").await?;
                click(&driver, "#decide-next").await?;
                eventually("the advice", || async {
                    Ok((js_text(&driver, "return document.getElementById('decide-save').hidden ? '' : 'ok'").await? == "ok").then_some(()))
                })
                .await?;
                click(&driver, "#decide-save").await?;
                let saved = eventually("the save's notice or an error", || async {
                    let v = js_text(
                        &driver,
                        "const b = document.getElementById('error-banner'); if (!b.hidden) return 'error: ' + document.getElementById('error-text').textContent;
                         const n = document.querySelector('#decide-feedback.shown'); return n && n.textContent.includes('History') ? 'saved' : ''",
                    )
                    .await?;
                    Ok((!v.is_empty()).then_some(v))
                })
                .await?;
                let typed = js(
                    &driver,
                    "return arguments[0].map(css => document.querySelector(css).value)",
                    vec![serde_json::json!(FIELDS)],
                )
                .await?;
                // The drafts print the company as text: its exact characters, no element made.
                click(&driver, "#decide-compose").await?;
                wait_for_screen(&driver, "compose").await?;
                let company = chunk[0].to_owned();
                let shown = eventually("a draft naming the company", || {
                    let company = company.clone();
                    let driver = driver.clone();
                    async move {
                        let v = js(
                            &driver,
                            "const card = document.querySelector('.draft-card[data-channel=email] [data-view]');
                             return card && card.textContent.includes(arguments[0])
                               ? [card.textContent.includes(arguments[0]), card.querySelectorAll('script, img, svg').length] : null",
                            vec![company.into()],
                        )
                        .await?;
                        Ok((!v.is_null()).then_some(v))
                    }
                })
                .await?;
                rounds.push((chunk.to_vec(), typed, shown, pwned(&driver).await?, saved));
            }
            Ok((rounds, driver.title().await?))
        })
        .await;

    assert_eq!(title, "Politely", "the title was not rewritten");
    let list: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "list", "--json"])).unwrap();
    let companies: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["company"].as_str().unwrap())
        .collect();
    for (chunk, typed, shown, pwned, saved) in rounds {
        assert!(!pwned, "nothing ran for {chunk:?}");
        assert_eq!(saved, "saved", "{chunk:?}");
        let typed: Vec<&str> = typed
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(typed, chunk, "the fields hold what was typed");
        assert_eq!(
            shown,
            serde_json::json!([true, 0]),
            "the draft shows {:?} as text",
            chunk[0]
        );
        assert!(
            companies.contains(&chunk[0]),
            "History keeps {:?} exactly: {companies:?}",
            chunk[0]
        );
        let id = list
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["company"] == chunk[0])
            .unwrap()["id"]
            .to_string();
        let detail: serde_json::Value =
            serde_json::from_str(&cli(&data_dir, &["history", "show", &id, "--json"])).unwrap();
        let situation: serde_json::Value =
            serde_json::from_str(detail["decisions"][0]["situation"].as_str().unwrap()).unwrap();
        assert_eq!(situation["role"], chunk[1], "the role is stored as typed");
        assert_eq!(situation["contact"]["name"], chunk[2]);
        assert_eq!(situation["contact"]["title"], chunk[3]);
        assert_eq!(situation["sender"]["name"], chunk[4]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_stays_on_politely_and_links_go_to_the_system() {
    // A stand-in for the desktop's opener records what it was asked to open.
    let bin = tempfile::tempdir().expect("temp bin");
    let record = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&opener)
        .status()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let app = App::launch_with_env("hostile-navigation", &[("PATH", path.as_str())]).await;
    let seen = app
        .run(|driver, _shots| async move {
            wait_for_screen(&driver, "home").await?;
            let start = js_text(&driver, "return location.href").await?;
            let opened = js(
                &driver,
                "const w = window.open('https://example.com/popup'); return w === null",
                vec![],
            )
            .await?;
            for target in [
                "https://example.com/away",
                "file:///etc/passwd",
                "mailto:dana@example.com?subject=Hi",
                "data:text/html,<script>alert(1)</script>",
            ] {
                js(&driver, "location.href = arguments[0]", vec![target.into()]).await?;
                tokio::time::sleep(Duration::from_millis(400)).await;
            }
            // Still the app, still working.
            click(&driver, ".nav-item[data-nav=about]").await?;
            wait_for_screen(&driver, "about").await?;
            let end = js_text(&driver, "return location.href").await?;
            Ok((start, opened, end))
        })
        .await;
    let (start, popup_refused, end) = seen;
    assert!(start.starts_with("tauri://localhost"), "{start}");
    assert!(
        end.starts_with("tauri://localhost"),
        "the page never left: {end}"
    );
    assert_eq!(
        popup_refused,
        serde_json::json!(true),
        "window.open gets no window"
    );
    // The opener runs on its own thread: give it a moment.
    let opened = (0..50)
        .find_map(|_| {
            let text = std::fs::read_to_string(&record).unwrap_or_default();
            if text.lines().count() >= 2 {
                Some(text)
            } else {
                std::thread::sleep(Duration::from_millis(100));
                None
            }
        })
        .unwrap_or_else(|| std::fs::read_to_string(&record).unwrap_or_default());
    let lines: Vec<&str> = opened.lines().collect();
    assert_eq!(
        lines,
        [
            "https://example.com/away",
            "mailto:dana@example.com?subject=Hi"
        ],
        "only https: and mailto: are handed to the system, file: and data: nowhere"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_click_is_answered_while_the_slowest_command_runs() {
    let app = App::launch("hostile-busy").await;
    let (answered, busy_during, slow_ms) = app
        .run(|driver, _shots| async move {
            wait_for_screen(&driver, "home").await?;
            // The slowest thing the window asks for: proofreading a megabyte of text.
            js(
                &driver,
                "window.__slow = 'running'; const started = performance.now();
                 window.__TAURI_INTERNALS__.invoke('lint_draft', { draft: { channel: 'email',
                   body: 'Thank you for the invitation. I am withdrawing. '.repeat(21000), saved: false } })
                   .then(() => { window.__slow = performance.now() - started; },
                         (e) => { window.__slow = 'failed: ' + JSON.stringify(e); });",
                vec![],
            )
            .await?;
            let mut answered = Vec::new();
            let mut busy_during = 0;
            for screen in ["decide", "compose", "history", "reminders", "about", "home", "decide", "history"] {
                let busy = js_text(&driver, "return String(window.__slow)").await? == "running";
                let clicked = Instant::now();
                click(&driver, &format!(".nav-item[data-nav={screen}]")).await?;
                wait_for_screen(&driver, screen).await?;
                answered.push((screen, clicked.elapsed().as_millis()));
                if busy {
                    busy_during += 1;
                }
            }
            let slow = eventually_within("the proofread to finish", Duration::from_secs(120), || async {
                let v = js(&driver, "return window.__slow", vec![]).await?;
                Ok((v.as_str() != Some("running")).then_some(v))
            })
            .await?;
            Ok((answered, busy_during, slow))
        })
        .await;
    eprintln!("clicks answered (ms) while the proofread ran: {answered:?}; the proofread took {slow_ms} ms");
    assert!(slow_ms.is_number(), "the proofread finished: {slow_ms}");
    assert_eq!(answered.len(), 8, "every click changed the screen");
    assert!(
        busy_during >= 1,
        "at least one click was made while the command ran (it took {slow_ms} ms)"
    );
}
