//! Compose in the real window: from the wizard to drafts, swapping a phrasing, copying, saving to
//! History; then sending (mail app, .eml) and the promises about user text and user edits.

use std::path::Path;

use politely_e2e::*;

const EMAIL: &str = ".draft-card[data-channel=email]";

async fn card_text(driver: &WebDriver, channel: &str) -> WebDriverResult<String> {
    js_text(
        driver,
        &format!("return document.querySelector('.draft-card[data-channel={channel}] [data-view]').textContent"),
    )
    .await
}

async fn block_text(driver: &WebDriver, channel: &str, block: &str) -> WebDriverResult<String> {
    js_text(
        driver,
        &format!("const b = document.querySelector('.draft-card[data-channel={channel}] [data-block={block}]'); return b ? b.textContent : ''"),
    )
    .await
}

/// The message shown after an action: beside its button, or at the top.
pub(crate) async fn notice(driver: &WebDriver) -> WebDriverResult<String> {
    eventually("a notice", || async {
        let v = visible_notice(driver).await?;
        Ok((!v.is_empty()).then_some(v))
    })
    .await
}

/// The notice after a copy. When the text changed since its last proofread, Politely checks it
/// first and then copies in the same click (tauri-plugin-clipboard-manager writes the clipboard,
/// so no second click is asked for; if one is, that is what this returns).
async fn copied(driver: &WebDriver) -> WebDriverResult<String> {
    eventually("copied, or a button to copy now", || async {
        let v = js(
            driver,
            "const n = document.querySelector('.draft-card[data-channel=email] [data-feedback].shown .feedback-text');
             if (n) return ['notice', n.textContent];
             const b = document.querySelector('.draft-card[data-channel=email] [data-confirm]:not([hidden]) button.primary');
             return b && b.textContent === 'Copy now' ? ['button', ''] : null",
            vec![],
        )
        .await?;
        match v.as_array().map(|a| (a[0].as_str().unwrap_or("").to_owned(), a[1].as_str().unwrap_or("").to_owned())) {
            Some((kind, text)) if kind == "notice" => Ok(Some(text)),
            Some(_) => Ok(Some("a second click (Copy now) was asked for".to_owned())),
            None => Ok(None),
        }
    })
    .await
}

/// Goes through Decide for a logistics decline and lands on Compose with its drafts.
pub(crate) async fn decide_then_compose(driver: &WebDriver) -> WebDriverResult<()> {
    decide_to_advice(driver).await?;
    compose_the_decision(driver).await
}

/// Compose the message: from the advice to Compose with the decision's drafts.
pub(crate) async fn compose_the_decision(driver: &WebDriver) -> WebDriverResult<()> {
    click(driver, "#decide-compose").await?;
    wait_for_screen(driver, "compose").await?;
    eventually("drafts naming the company", || async {
        Ok(card_text(driver, "email")
            .await?
            .contains("Acme Robotics")
            .then_some(()))
    })
    .await
}

/// Goes through Decide for a logistics decline up to the advice.
pub(crate) async fn decide_to_advice(driver: &WebDriver) -> WebDriverResult<()> {
    wait_for_screen(driver, "home").await?;
    click(driver, ".nav-item[data-nav=decide]").await?;
    wait_for_screen(driver, "decide").await?;
    type_into(driver, "company", "Acme Robotics").await?;
    type_into(driver, "role", "Data Engineer").await?;
    click(driver, "details.optional > summary").await?;
    type_into(driver, "contact.name", "Priya Natarajan").await?;
    type_into(driver, "contact.email", "priya@acme.example").await?;
    set_value(driver, "invited_at", &local_input_hours_ago(6)).await?;
    click(driver, "#decide-next").await?;
    click(driver, "input[name=reasons][value=logistics]").await?;
    click(driver, "input[name=\"details.logistics\"][value=commute]").await?;
    click(driver, "#decide-next").await?;
    for name in [
        "checklist.fit_rechecked",
        "checklist.decided",
        "checklist.stay_connected",
    ] {
        click(driver, &format!("input[name=\"{name}\"]")).await?;
    }
    click(driver, "#decide-next").await?;
    eventually("the advice", || async {
        Ok(driver
            .find(By::Id("decide-compose"))
            .await?
            .is_displayed()
            .await?
            .then_some(()))
    })
    .await
}

#[derive(Debug, Default)]
struct Flow {
    visible_cards: Vec<String>,
    scenario: String,
    before: String,
    after: String,
    signed: bool,
    render_ms: Vec<f64>,
    pasted: String,
    body: String,
    copied_notice: String,
    saved_notice: String,
    history_drafts: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_to_compose_swap_a_phrasing_copy_and_save_to_history() {
    let app = App::launch("compose-flow").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Flow::default();
            decide_then_compose(&driver).await?;
            // Your details sign every draft (no “[Your name]” left for the proofreader to flag).
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Sam Lee")]).await?;
            eventually("signed drafts", || async {
                Ok(card_text(&driver, "email").await?.contains("Sam Lee").then_some(()))
            })
            .await?;
            seen.visible_cards = texts(&driver, ".draft-card:not([hidden]) h2").await?;
            seen.scenario = js_text(&driver, "return document.getElementById('compose-scenario').value").await?;

            // Typing in a field re-renders all three previews, keystroke by keystroke.
            let field = driver.find(By::Css("#compose-form [name=\"contact.name\"]")).await?;
            field.clear().await?;
            for c in "Samantha Lee-Okafor".chars() {
                field.send_keys(c.to_string()).await?;
            }
            eventually("the greeting", || async {
                Ok(card_text(&driver, "email").await?.contains("Samantha").then_some(()))
            })
            .await?;
            seen.signed = card_text(&driver, "phone").await?.contains("Samantha")
                && card_text(&driver, "linkedin").await?.contains("Samantha");
            let times = js_text(&driver, "return document.getElementById('compose-previews').dataset.renderTimes").await?;
            seen.render_ms = times.split(',').filter_map(|t| t.parse().ok()).collect();

            // One click on the thanks sentence swaps it for the next phrasing.
            seen.before = block_text(&driver, "email", "gratitude").await?;
            click(&driver, &format!("{EMAIL} [data-block=gratitude]")).await?;
            let before = seen.before.clone();
            seen.after = eventually("another phrasing", || async {
                let now = block_text(&driver, "email", "gratitude").await?;
                Ok((now != before && !now.is_empty()).then_some(now))
            })
            .await?;
            shots.take(&driver, "compose-previews").await?;

            // Copy the body, then paste it into the LinkedIn card's editor through the real clipboard.
            click(&driver, &format!("{EMAIL} [data-action=copy]")).await?;
            seen.copied_notice = match copied(&driver).await {
                Ok(n) => n,
                Err(e) => {
                    let state = js(&driver, &format!("const c = document.querySelector('{EMAIL}'); return [c.querySelector('[data-confirm]').textContent, c.querySelector('[data-feedback]').textContent, c.querySelector('[data-lint-summary]').textContent, [...document.querySelectorAll('[data-feedback].shown')].map(f => f.id + ':' + f.textContent)]"), vec![]).await?;
                    panic!("{e}: {state}");
                }
            };
            seen.body = js_text(&driver, "return [...document.querySelectorAll('.draft-card[data-channel=email] .draft-para')].map(p => p.textContent).join('\\n\\n')").await?;
            click(&driver, ".draft-card[data-channel=linkedin] [data-action=edit]").await?;
            let editor = driver.find(By::Css(".draft-card[data-channel=linkedin] [data-edit]")).await?;
            editor.send_keys(Key::Control + "a").await?;
            editor.send_keys(Key::Control + "v").await?;
            seen.pasted = eventually("pasted text", || async {
                let v = js_text(&driver, "return document.querySelector('.draft-card[data-channel=linkedin] [data-edit]').value").await?;
                Ok(v.contains("Acme Robotics").then_some(v))
            })
            .await?;

            click(&driver, &format!("{EMAIL} [data-action=save]")).await?;
            // The copy's notice may still be up while the save is written: wait for the save's.
            seen.saved_notice = eventually("the saved notice", || async {
                let n = notice(&driver).await?;
                Ok(n.starts_with("Saved").then_some(n))
            })
            .await?;
            notice_action(&driver).await?;
            wait_for_screen(&driver, "history").await?;
            seen.history_drafts = eventually("the draft in History", || async {
                let d = texts(&driver, "#hd-drafts li").await?;
                Ok((!d.is_empty()).then_some(d))
            })
            .await?;
            shots.take(&driver, "compose-saved-in-history").await?;
            Ok(seen)
        })
        .await;

    assert_eq!(
        seen.visible_cards,
        ["Email", "Phone script", "LinkedIn message"],
        "three previews side by side"
    );
    assert_eq!(
        seen.scenario, "logistics",
        "the advice's scenario is preselected"
    );
    assert!(seen.signed, "every preview follows the typing");
    assert!(
        seen.render_ms.len() >= 19,
        "one render per keystroke: {:?}",
        seen.render_ms
    );
    let mut sorted = seen.render_ms.clone();
    sorted.sort_by(f64::total_cmp);
    eprintln!(
        "keystroke → previews updated (ms, {} keystrokes): median {:.1}, p95 {:.1}, max {:.1}",
        sorted.len(),
        sorted[sorted.len() / 2],
        sorted[(sorted.len() * 95).div_ceil(100) - 1],
        sorted[sorted.len() - 1]
    );
    assert_ne!(seen.before, seen.after, "the swap changed the sentence");
    assert!(
        seen.after.contains("Data Engineer") || seen.after.contains("Acme"),
        "{}",
        seen.after
    );
    assert_eq!(seen.copied_notice, "Copied the body.");
    assert_eq!(
        seen.pasted.trim(),
        seen.body.trim(),
        "the clipboard holds the email body"
    );
    assert!(
        seen.pasted.contains(&seen.after),
        "the copied body has the swapped phrasing"
    );
    assert!(
        seen.saved_notice.starts_with("Saved the email to History"),
        "{}",
        seen.saved_notice
    );
    assert!(
        seen.history_drafts
            .iter()
            .any(|d| d.contains("Acme Robotics") || d.contains("Data Engineer")),
        "History shows the saved draft: {:?}",
        seen.history_drafts
    );
}

#[derive(Debug, Default)]
struct Sending {
    mail_notice: String,
    export_notice: String,
    literal_view: String,
    script_elements: i64,
    stale_shown: bool,
    kept_text: String,
    too_long: String,
    copied_after_edit: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_app_eml_export_literal_text_and_edits_kept() {
    // A stand-in for the desktop's opener records the URL it was given.
    let bin = tempfile::tempdir().expect("temp bin");
    let record = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display()),
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
    let app = App::launch_with_env("compose-send", &[("PATH", &path)]).await;
    let literal = "{{ 7*7 }} {% if x %} <script>alert(1)</script> 🚀 شركة";
    let (seen, home) = app
        .run_keeping(|driver, shots| async move {
            let mut seen = Sending::default();
            decide_then_compose(&driver).await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Sam Lee"), ("email", "sam@example.org")]).await?;
            eventually("signed", || async { Ok(card_text(&driver, "email").await?.contains("Sam Lee").then_some(())) }).await?;
            // Sending waits for a proofread of this very text. The first one loads the dictionary,
            // which can take seconds on a busy machine: let it finish, as a reader of the findings would.
            eventually_within("the first proofread", std::time::Duration::from_secs(30), || async {
                let s = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-lint-summary]').textContent")).await?;
                Ok((s != "Proofreading…").then_some(()))
            })
            .await?;

            click(&driver, &format!("{EMAIL} [data-action=mail]")).await?;
            seen.mail_notice = eventually("the mail notice", || async {
                let n = notice(&driver).await?;
                Ok(n.starts_with("Opened").then_some(n))
            })
            .await?;
            click(&driver, &format!("{EMAIL} [data-action=eml]")).await?;
            seen.export_notice = eventually("export notice", || async {
                let n = notice(&driver).await?;
                Ok(n.starts_with("Exported").then_some(n))
            })
            .await?;

            // Names are data: shown literally, never evaluated, never markup.
            set_value(&driver, "#compose-form [name=company]", literal).await?;
            seen.literal_view = eventually("literal company", || async {
                let t = card_text(&driver, "email").await?;
                Ok(t.contains("شركة").then_some(t))
            })
            .await?;
            seen.script_elements = js(&driver, "return document.querySelectorAll('#screen-compose script').length", vec![]).await?.as_i64().unwrap_or(-1);

            // Over the limit: a clear message, previews kept.
            set_value(&driver, "#compose-form [name=role]", &"x".repeat(10_000)).await?;
            seen.too_long = eventually("limit message", || async {
                let v = js_text(&driver, "const p = document.getElementById('compose-problem'); return p.hidden ? '' : p.textContent").await?;
                Ok((!v.is_empty()).then_some(v))
            })
            .await?;
            set_value(&driver, "#compose-form [name=role]", "Data Engineer").await?;

            // An edited draft is never overwritten silently.
            click(&driver, &format!("{EMAIL} [data-action=edit]")).await?;
            let editor = driver.find(By::Css(format!("{EMAIL} [data-edit]"))).await?;
            editor.send_keys(" P.S. See you at the meetup.").await?;
            // Copy right after the edit: proofread first, then written, in one click.
            click(&driver, &format!("{EMAIL} [data-action=copy]")).await?;
            // The edited text is proofread before it is copied: allow a loaded machine its time.
            seen.copied_after_edit = eventually_within("copied, or a second click asked for", std::time::Duration::from_secs(30), || async {
                // A draft with something to fix asks first ("Copy anyway"): that is its own question,
                // not the clipboard's, so it is answered; a "Copy now" would be the clipboard's.
                let v = js_text(&driver, &format!(
                    "const n = document.querySelector('{EMAIL} [data-feedback].shown .feedback-text');
                     if (n && (n.textContent.startsWith('Copied') || n.closest('.error'))) return n.textContent;
                     const bar = document.querySelector('{EMAIL} [data-confirm]:not([hidden])');
                     const b = [...(bar ? bar.querySelectorAll('button') : [])];
                     const anyway = b.find((x) => x.textContent === 'Copy anyway');
                     if (anyway) {{ anyway.click(); return ''; }}
                     return b.some((x) => x.textContent === 'Copy now') ? 'a second click (Copy now) was asked for' : ''"
                )).await?;
                Ok((!v.is_empty()).then_some(v))
            })
            .await?;
            type_into(&driver, "#compose-form [name=company]", "Globex").await?;
            seen.stale_shown = eventually("the question", || async {
                Ok(js(&driver, &format!("return !document.querySelector('{EMAIL} [data-stale]').hidden"), vec![]).await?.as_bool().filter(|b| *b))
            })
            .await
            .unwrap_or(false);
            shots.take(&driver, "compose-edits-kept").await?;
            seen.kept_text = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-edit]').value")).await?;
            Ok(seen)
        })
        .await;

    assert_eq!(
        seen.mail_notice,
        "Opened the draft in your mail app. Check it there before sending."
    );
    let url = std::fs::read_to_string(&record).expect("the opener was called");
    assert!(
        url.starts_with("mailto:priya@acme.example?subject="),
        "{url}"
    );
    assert!(
        url.contains("&body=Hello%20Priya%2C%0D%0A%0D%0A"),
        "RFC 6068 body encoding: {url}"
    );

    let path = seen
        .export_notice
        .trim_start_matches("Exported to ")
        .to_owned();
    assert!(
        Path::new(&path).starts_with(home.path()),
        "exports land in the data folder when there is no Downloads folder: {path}"
    );
    let eml = std::fs::read_to_string(&path).expect("the .eml file");
    for header in [
        "From: \"Sam Lee\" <sam@example.org>\r\n",
        "To: \"Priya Natarajan\" <priya@acme.example>\r\n",
        "MIME-Version: 1.0\r\n",
        "Content-Type: text/plain; charset=UTF-8\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n",
    ] {
        assert!(eml.contains(header), "{header:?} in:\n{eml}");
    }

    assert!(
        seen.literal_view.contains(literal),
        "literal text in the preview: {}",
        seen.literal_view
    );
    assert_eq!(
        seen.script_elements, 0,
        "no markup was created from user text"
    );
    assert_eq!(
        seen.copied_after_edit, "Copied the body.",
        "one click copies even right after an edit"
    );
    assert!(
        seen.too_long.starts_with("Role: ") && seen.too_long.contains("200"),
        "{}",
        seen.too_long
    );
    assert!(
        seen.stale_shown,
        "changing the details asks before replacing edits"
    );
    assert!(
        seen.kept_text.ends_with("P.S. See you at the meetup."),
        "the user's edit is still there: {}",
        seen.kept_text
    );
    assert!(
        seen.kept_text.contains("Acme Robotics") || seen.kept_text.contains(literal),
        "not re-rendered for Globex: {}",
        seen.kept_text
    );
}

#[derive(Debug, Default)]
struct OwnTemplate {
    problem: String,
    preview: String,
    listed: Vec<String>,
    used: String,
    used_subject: String,
    after_delete: Vec<String>,
    after_undo: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_template_shows_mistakes_by_line_previews_saves_and_fills_the_email() {
    let app = App::launch("compose-own-template").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = OwnTemplate::default();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=compose]").await?;
            wait_for_screen(&driver, "compose").await?;
            type_into(&driver, "#compose-form [name=company]", "Initech").await?;
            type_into(&driver, "#compose-form [name=role]", "Analyst").await?;
            type_into(&driver, "#compose-form [name=\"contact.name\"]", "Bill Lumbergh").await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Peter Gibbons")]).await?;
            click(&driver, "#ut-panel > summary").await?;
            click(&driver, "#ut-new").await?;
            type_into(&driver, "#ut-name", "Short and kind").await?;
            type_into(&driver, "#ut-subject", "{{ role }} at {{ company }}").await?;
            // A mistake on line 3: the tag is never closed. (WebKitWebDriver drops typed line
            // breaks in a textarea, so the multi-line text is set as a paste would.)
            set_value(&driver, "#ut-body", "Dear {{ contact.first_name }},\nThank you for thinking of me.\nI am withdrawing from {{ company.\n{{ sender.name }}").await?;
            seen.problem = eventually("a problem with its position", || async {
                let t = texts(&driver, "#ut-problems li").await?;
                Ok(t.into_iter().find(|p| p.contains("line 3")))
            })
            .await?;
            js(&driver, "document.getElementById('ut-problems').scrollIntoView({block: 'center'})", vec![]).await?;
            shots.take(&driver, "compose-own-template-error").await?;
            set_value(&driver, "#ut-body", "Dear {{ contact.first_name }},\nThank you for thinking of me.\nI am withdrawing from the {{ role }} process at {{ company }}.\n{{ sender.name }}").await?;
            seen.preview = eventually("the preview", || async {
                let p = js_text(&driver, "return document.getElementById('ut-preview').textContent").await?;
                Ok(p.contains("Initech").then_some(p))
            })
            .await?;
            js(&driver, "document.getElementById('ut-preview').scrollIntoView({block: 'center'})", vec![]).await?;
            shots.take(&driver, "compose-own-template").await?;
            click(&driver, "#ut-save").await?;
            seen.listed = eventually("the saved template", || async {
                let l = texts(&driver, "#ut-list li strong").await?;
                Ok((!l.is_empty()).then_some(l))
            })
            .await?;
            click(&driver, "#ut-list li [data-action=use]").await?;
            seen.used = eventually("the email filled", || async {
                let v = js_text(&driver, "const e = document.querySelector('.draft-card[data-channel=email] [data-edit]'); return e.hidden ? '' : e.value").await?;
                Ok((!v.is_empty()).then_some(v))
            })
            .await?;
            seen.used_subject = js_text(&driver, "return document.querySelector('.draft-card[data-channel=email] [data-subject]').value").await?;
            click(&driver, "#ut-list li [data-action=delete]").await?;
            seen.after_delete = eventually("the list without it", || async {
                let l = texts(&driver, "#ut-list li strong").await?;
                Ok(l.is_empty().then_some(l))
            })
            .await?;
            notice_action(&driver).await?;
            seen.after_undo = eventually("restored", || async {
                let l = texts(&driver, "#ut-list li strong").await?;
                Ok((!l.is_empty()).then_some(l))
            })
            .await?;
            Ok(seen)
        })
        .await;

    assert!(
        seen.problem.starts_with("Text, line 3, column"),
        "the editor names line and column: {}",
        seen.problem
    );
    assert_eq!(seen.preview, "Dear Bill,\nThank you for thinking of me.\nI am withdrawing from the Analyst process at Initech.\nPeter Gibbons");
    assert_eq!(seen.listed, ["Short and kind"]);
    assert_eq!(
        seen.used, seen.preview,
        "Use puts the filled-in template in the email card as the user's text"
    );
    assert_eq!(seen.used_subject, "Analyst at Initech");
    assert!(
        seen.after_delete.is_empty(),
        "deleted: {:?}",
        seen.after_delete
    );
    assert_eq!(seen.after_undo, ["Short and kind"], "Undo brings it back");
}

#[derive(Debug, Default)]
struct Beside {
    mail_error: String,
    mail_error_role: String,
    banner: Option<String>,
    export: String,
    export_in_view: bool,
    save: String,
    live: String,
}

/// What Open in mail app, Export and Save did shows beside their buttons, in view, in a live
/// region; a mail program that fails says what to do, with no exit status and no disk advice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_and_failures_show_beside_the_button_in_plain_words() {
    // A desktop whose opener fails, as xdg-open does with no mail program set up (exit 3).
    let bin = tempfile::tempdir().expect("temp bin");
    let opener = bin.path().join("xdg-open");
    std::fs::write(&opener, "#!/bin/sh\nexit 3\n").unwrap();
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
    let app = App::launch_with_env("compose-beside", &[("PATH", &path)]).await;
    let (seen, home) = app
        .run_keeping(|driver, shots| async move {
            let mut seen = Beside::default();
            decide_then_compose(&driver).await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Sam Lee"), ("email", "sam@example.org")]).await?;
            eventually_within("the first proofread", std::time::Duration::from_secs(30), || async {
                let s = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-lint-summary]').textContent")).await?;
                Ok((s != "Proofreading…").then_some(()))
            })
            .await?;
            seen.live = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-feedback]').getAttribute('role')")).await?;
            click(&driver, &format!("{EMAIL} [data-action=mail]")).await?;
            seen.mail_error = eventually("the mail program's failure", || async {
                Ok(js(&driver, &format!("const p = document.querySelector('{EMAIL} [data-feedback].shown.error .feedback-text'); return p ? [p.textContent, p.getAttribute('role')] : null"), vec![]).await?
                    .as_array()
                    .map(|a| (a[0].as_str().unwrap_or_default().to_owned(), a[1].as_str().unwrap_or_default().to_owned())))
            })
            .await
            .map(|(text, role)| {
                seen.mail_error_role = role;
                text
            })?;
            seen.banner = banner(&driver).await?;
            shots.take(&driver, "compose-mail-failed").await?;
            click(&driver, &format!("{EMAIL} [data-action=eml]")).await?;
            seen.export = eventually("the export's notice", || async {
                let t = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-feedback].shown:not(.error) .feedback-text')?.textContent ?? ''")).await?;
                Ok(t.starts_with("Exported").then_some(t))
            })
            .await?;
            seen.export_in_view = js(&driver, &format!("const r = document.querySelector('{EMAIL} [data-feedback]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight"), vec![]).await?.as_bool().unwrap_or(false);
            shots.take(&driver, "compose-exported-beside").await?;
            click(&driver, &format!("{EMAIL} [data-action=save]")).await?;
            seen.save = eventually("the save's notice", || async {
                let t = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-feedback].shown:not(.error) .feedback-text')?.textContent ?? ''")).await?;
                Ok(t.starts_with("Saved").then_some(t))
            })
            .await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    assert_eq!(seen.live, "status", "said in a live region");
    assert_eq!(
        seen.mail_error,
        "Couldn’t open your mail app: This computer has no default mail program set up; copy the text instead, or export an .eml file and open it"
    );
    assert_eq!(
        seen.mail_error_role, "alert",
        "a failure is announced at once"
    );
    for wrong in ["exit status", "disk", "Nothing was changed"] {
        assert!(
            !seen.mail_error.contains(wrong),
            "no {wrong:?}: {}",
            seen.mail_error
        );
    }
    assert_eq!(
        seen.banner, None,
        "nothing at the top of the page, out of view"
    );
    let file = seen.export.trim_start_matches("Exported to ");
    assert!(
        std::path::Path::new(file).starts_with(home.path()) && std::fs::metadata(file).is_ok(),
        "{}",
        seen.export
    );
    assert!(
        seen.export_in_view,
        "the notice is on screen beside the button"
    );
    assert!(
        seen.save.starts_with("Saved the email to History"),
        "{}",
        seen.save
    );
}
