//! The Decide wizard clicked through the real window with three different situations.

use politely_e2e::*;

async fn tick(driver: &WebDriver, name: &str, value: Option<&str>) -> WebDriverResult<()> {
    let css = match value {
        Some(v) => format!("input[name=\"{name}\"][value=\"{v}\"]"),
        None => format!("input[name=\"{name}\"]"),
    };
    click(driver, &css).await
}

async fn current_step(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        "const s = document.querySelector('[data-progress][aria-current=step]'); return s ? s.dataset.progress : ''",
    )
    .await
}

async fn next(driver: &WebDriver, expect: &str) -> WebDriverResult<()> {
    click(driver, "#decide-next").await?;
    eventually(&format!("step {expect}"), || async {
        Ok((current_step(driver).await? == expect).then_some(()))
    })
    .await
}

#[derive(Debug)]
struct Outcome {
    verdict: String,
    channel: String,
    warnings: Vec<String>,
    warning_ids: Vec<String>,
}

async fn outcome(driver: &WebDriver) -> WebDriverResult<Outcome> {
    let facts = texts(driver, "#advice-facts dt, #advice-facts dd").await?;
    let channel = facts
        .iter()
        .position(|f| f == "Channel")
        .and_then(|i| facts.get(i + 1))
        .cloned()
        .unwrap_or_default();
    let ids = js(
        driver,
        "return document.getElementById('advice-warnings-box').hidden ? [] : [...document.querySelectorAll('#advice-warnings li')].map(l => l.dataset.warning)",
        vec![],
    )
    .await?;
    Ok(Outcome {
        verdict: driver.find(By::Id("advice-verdict")).await?.text().await?,
        channel,
        warnings: texts(driver, "#advice-warnings li").await?,
        warning_ids: ids
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_decline_for_logistics_step_by_step() {
    let app = App::launch("decide-email").await;
    let (steps, result, empty_error, kept) = app
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            let mut steps = vec![current_step(&driver).await?];

            // Next with nothing filled in: the message sits next to the company field.
            click(&driver, "#decide-next").await?;
            let empty_error = eventually("inline error", || async {
                let v = js(
                    &driver,
                    "const e = document.querySelector('.field-error[data-for=company]');
                     const f = document.getElementById('f-company');
                     return e && f.getAttribute('aria-invalid') === 'true' && f.closest('.field').contains(e) ? e.textContent : null",
                    vec![],
                )
                .await?;
                Ok(v.as_str().map(str::to_owned))
            })
            .await?;
            steps.push(current_step(&driver).await?);
            shots.take(&driver, "decide-1-error").await?;

            type_into(&driver, "company", "Acme Robotics").await?;
            type_into(&driver, "role", "Data Engineer").await?;
            click(&driver, "details.optional > summary").await?;
            type_into(&driver, "contact.name", "Priya Natarajan").await?;
            set_value(&driver, "invited_at", &local_input_hours_ago(6)).await?;
            tick(&driver, "inform", Some("recruiter")).await?;
            shots.take(&driver, "decide-1-situation").await?;
            next(&driver, "reasons").await?;
            steps.push(current_step(&driver).await?);

            tick(&driver, "reasons", Some("logistics")).await?;
            tick(&driver, "details.logistics", Some("commute")).await?;
            shots.take(&driver, "decide-2-reasons").await?;
            next(&driver, "checklist").await?;

            // Back and forth, and away to Home: every answer is still there.
            click(&driver, "#decide-back").await?;
            click(&driver, ".nav-item[data-nav=home]").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            let kept = js(
                &driver,
                "return [document.getElementById('f-company').value,
                         document.querySelector('input[name=reasons][value=logistics]').checked,
                         document.querySelector('[data-progress][aria-current=step]').dataset.progress]",
                vec![],
            )
            .await?;
            next(&driver, "checklist").await?;

            tick(&driver, "checklist.fit_rechecked", None).await?;
            tick(&driver, "checklist.decided", None).await?;
            tick(&driver, "checklist.stay_connected", None).await?;
            shots.take(&driver, "decide-3-checklist").await?;
            next(&driver, "advice").await?;
            steps.push(current_step(&driver).await?);
            shots.take(&driver, "decide-4-advice").await?;
            Ok((steps, outcome(&driver).await?, empty_error, kept))
        })
        .await;

    assert_eq!(
        steps,
        ["situation", "situation", "reasons", "advice"],
        "an invalid step does not advance"
    );
    assert_eq!(empty_error, "Is required.");
    assert_eq!(
        kept,
        serde_json::json!(["Acme Robotics", true, "reasons"]),
        "answers and step survive navigation"
    );
    assert_eq!(result.verdict, "Decline — politely");
    assert_eq!(result.channel, "Email");
    assert!(
        result.warnings.is_empty(),
        "no warnings: {:?}",
        result.warnings
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn late_stage_phone_call_with_honesty_and_referral_warnings_then_compose() {
    let app = App::launch("decide-phone").await;
    let (result, carried) = app
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".card[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            type_into(&driver, "company", "Globex").await?;
            type_into(&driver, "role", "Staff Engineer").await?;
            set_value(&driver, "invited_at", &local_input_hours_ago(26)).await?;
            set_value(&driver, "stage", "interviewed").await?;
            set_value(&driver, "rounds", "3").await?;
            next(&driver, "reasons").await?;
            tick(&driver, "reasons", Some("accepted_offer")).await?;
            next(&driver, "checklist").await?;
            tick(&driver, "checklist.fit_rechecked", None).await?;
            tick(&driver, "checklist.decided", None).await?;
            tick(&driver, "checklist.offer_referral", None).await?;
            next(&driver, "advice").await?;
            shots.take(&driver, "decide-advice-phone").await?;
            let result = outcome(&driver).await?;

            click(&driver, "#decide-compose").await?;
            wait_for_screen(&driver, "compose").await?;
            let carried = eventually("drafts for the carried decision", || async {
                let v = js(
                    &driver,
                    "const f = document.getElementById('compose-form').elements;
                     const view = document.querySelector('.draft-card[data-channel=phone] [data-view]').textContent;
                     const cards = [...document.querySelectorAll('#compose-previews > .draft-card:not([hidden])')];
                     return view.includes('Globex') ? [f.company.value, f.role.value, document.getElementById('compose-scenario').value,
                       ...cards.map(c => c.dataset.channel + (c.querySelector('[data-kind]').hidden ? '' : ': ' + c.querySelector('[data-kind]').textContent))] : null",
                    vec![],
                )
                .await?;
                Ok(v.as_array().map(|a| a.iter().map(|x| x.as_str().unwrap_or_default().to_owned()).collect::<Vec<_>>()))
            })
            .await?;
            shots.take(&driver, "compose-carried").await?;
            Ok((result, carried))
        })
        .await;

    assert_eq!(result.verdict, "Decline — politely");
    assert_eq!(result.channel, "Phone call, then a confirming email");
    assert_eq!(
        result.warning_ids,
        [
            "offer-not-confirmed",
            "referral-without-permission",
            "late-stage"
        ],
        "warnings shown: {:?}",
        result.warnings
    );
    assert_eq!(
        carried,
        [
            "Globex",
            "Staff Engineer",
            "advised",
            "phone: Withdraw: circumstances changed (kept private)",
            "email: Confirm a phone call by email",
            "linkedin: Withdraw: circumstances changed (kept private)"
        ],
        "Compose receives the Situation; a call confirmed by email leads with the script, then the email confirming it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undecided_linkedin_conversation_asks_for_time_and_keeps_text_literal() {
    let app = App::launch("decide-linkedin").await;
    let literal = "<script>alert(1)</script> {{ 7*7 }} شركة 🚀";
    let (result, heading_company, undo) = app
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            driver
                .action_chain()
                .key_down(Key::Alt)
                .send_keys("2")
                .key_up(Key::Alt)
                .perform()
                .await?;
            wait_for_screen(&driver, "decide").await?;
            // WebKitWebDriver cannot type characters outside the BMP (the emoji), so set the value.
            set_value(&driver, "company", literal).await?;
            type_into(&driver, "role", "Product Designer").await?;
            set_value(&driver, "invited_at", &local_input_hours_ago(3)).await?;
            set_value(&driver, "origin_channel", "linkedin").await?;
            // Enter in a field moves on, like the Next button.
            driver
                .find(By::Id("f-role"))
                .await?
                .send_keys(Key::Enter)
                .await?;
            eventually("reasons step", || async {
                Ok((current_step(&driver).await? == "reasons").then_some(()))
            })
            .await?;
            tick(&driver, "reasons", Some("growth")).await?;
            next(&driver, "checklist").await?;
            tick(&driver, "checklist.fit_rechecked", None).await?;
            next(&driver, "advice").await?;
            shots.take(&driver, "decide-advice-linkedin").await?;
            let result = outcome(&driver).await?;

            // Start over clears the answers, and Undo brings them back.
            click(&driver, "#decide-restart").await?;
            let cleared = js(
                &driver,
                "return document.getElementById('f-company').value",
                vec![],
            )
            .await?;
            notice_action(&driver).await?;
            let restored = js(
                &driver,
                "return document.getElementById('f-company').value",
                vec![],
            )
            .await?;
            Ok((
                result,
                restored.as_str().unwrap_or_default().to_owned(),
                (cleared, restored),
            ))
        })
        .await;

    assert_eq!(result.verdict, "Ask for more time");
    assert_eq!(result.channel, "LinkedIn message, then a confirming email");
    assert!(result.warnings.is_empty(), "{:?}", result.warnings);
    assert_eq!(
        heading_company, literal,
        "user text is kept as typed, never run or rendered as HTML"
    );
    assert_eq!(undo.0, "", "Start over empties the form");
}

#[derive(Debug, Default)]
struct Dates {
    empty_fields: serde_json::Value,
    prefilled: String,
    impossible: String,
    unreadable: String,
    scheduled_without_date: String,
    typed: String,
    listed: String,
    filter_empty: serde_json::Value,
    filter_problem: String,
}

/// Every date field: empty means empty (no grey sample date that looks like a value), what is
/// typed is read in the system's locale and written back in the one form the window shows dates
/// in (the History list shows the very same text), an impossible or unreadable date says so,
/// and "Interview scheduled" asks for the interview's date.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_are_typed_and_shown_in_one_form_and_a_wrong_date_says_why() {
    let app = App::launch("decide-dates").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Dates::default();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            seen.empty_fields = js(
                &driver,
                "return [...document.querySelectorAll('input[data-date]')].filter(i => i.id !== 'f-invited-at')
                   .map(i => [i.id, i.type, i.value, i.placeholder])",
                vec![],
            )
            .await?;
            seen.prefilled = js_text(&driver, "return document.getElementById('f-invited-at').value").await?;
            type_into(&driver, "company", "Initech").await?;
            type_into(&driver, "role", "Analyst").await?;
            let problem = |driver: WebDriver| async move {
                eventually("the date's problem", || async {
                    let t = js_text(&driver, "const e = document.querySelector('#f-invited-at').closest('.field').querySelector('.field-error'); return e ? e.textContent : ''").await?;
                    Ok((!t.is_empty()).then_some(t))
                })
                .await
            };
            type_date(&driver, "#f-invited-at", "31 Feb 2026").await?;
            click(&driver, "#decide-next").await?;
            seen.impossible = problem(driver.clone()).await?;
            shots.take(&driver, "decide-date-problem").await?;
            type_date(&driver, "#f-invited-at", "next Tuesday-ish").await?;
            click(&driver, "#decide-next").await?;
            seen.unreadable = eventually("another problem", || async {
                let t = problem(driver.clone()).await?;
                Ok((t != seen.impossible).then_some(t))
            })
            .await?;
            type_date(&driver, "#f-invited-at", &local_input_hours_ago(4)).await?;
            seen.typed = js_text(&driver, "return document.getElementById('f-invited-at').value").await?;
            set_value(&driver, "stage", "scheduled").await?;
            click(&driver, "#decide-next").await?;
            seen.scheduled_without_date = eventually("the interview date's problem", || async {
                let t = js_text(&driver, "const e = document.querySelector('.field-error[data-for=interview_at]'); return e ? e.textContent : ''").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            set_value(&driver, "stage", "invited").await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name=reasons][value=growth]").await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name='checklist.decided']").await?;
            click(&driver, "#decide-next").await?;
            eventually("the advice", || async {
                Ok((!js(&driver, "return document.getElementById('decide-save').hidden", vec![]).await?.as_bool().unwrap_or(true)).then_some(()))
            })
            .await?;
            click(&driver, "#decide-save").await?;
            notice_action(&driver).await?;
            wait_for_screen(&driver, "history").await?;
            seen.listed = eventually("the list", || async {
                let t = texts(&driver, "#history-list .history-row small").await?;
                Ok(t.into_iter().next())
            })
            .await?;
            seen.filter_empty = js(&driver, "return ['h-from', 'h-to'].map(id => [document.getElementById(id).value, document.getElementById(id).placeholder])", vec![]).await?;
            type_date(&driver, "#h-from", "30 Feb 2026").await?;
            seen.filter_problem = eventually("the filter's problem", || async {
                let t = js_text(&driver, "const e = document.getElementById('h-from-date-problem'); return e ? e.textContent : ''").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            shots.take(&driver, "history-date-problem").await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    for field in seen.empty_fields.as_array().unwrap() {
        assert_eq!(
            field[1], "text",
            "a plain text field, not the webview's date picker: {field}"
        );
        assert_eq!(field[2], "", "an empty date field holds nothing: {field}");
        assert_eq!(
            field[3], "",
            "and shows no sample date that looks like a value: {field}"
        );
    }
    assert!(!seen.prefilled.is_empty(), "the invitation defaults to now");
    assert!(
        seen.impossible
            .starts_with("There is no day 31 in February 2026."),
        "an impossible date says so, not “Is required.”: {}",
        seen.impossible
    );
    assert!(
        seen.unreadable
            .starts_with("This is not a date Politely can read. Write it like "),
        "{}",
        seen.unreadable
    );
    assert!(
        seen.scheduled_without_date.to_lowercase().contains("date")
            && !seen.scheduled_without_date.contains("interview_at"),
        "a scheduled interview needs its date, said in words: {}",
        seen.scheduled_without_date
    );
    assert_eq!(
        seen.listed,
        format!("Invited {}", seen.typed),
        "History shows the date exactly as the field wrote it back"
    );
    for field in seen.filter_empty.as_array().unwrap() {
        assert_eq!(
            field,
            &serde_json::json!(["", ""]),
            "History's date filters start empty, no sample date"
        );
    }
    assert!(
        seen.filter_problem
            .starts_with("There is no day 30 in February 2026."),
        "{}",
        seen.filter_problem
    );
}

#[derive(Debug, Default)]
struct Details {
    after_start_over: String,
    signed_drafts: bool,
    stored_sender: serde_json::Value,
    after_restart: String,
    dialog_after_restart: serde_json::Value,
    closing: String,
}

/// Your details (name, email, phone, sign-off) are set once, in one place, sign every draft and
/// every saved Situation, stay through Start over, and are there again after a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn your_details_are_kept_through_start_over_and_restarts() {
    let app = App::launch("details").await;
    let data_dir = app.data_dir.clone();
    let (mut seen, home) = app
        .run_keeping(|driver, shots| async move {
            let mut seen = Details::default();
            wait_for_screen(&driver, "home").await?;
            set_your_details(
                &driver,
                ".home-details [data-open-profile]",
                &[("name", "Sam Lee"), ("email", "sam@example.org"), ("phone", "+44 20 7946 0000"), ("sign_off", "Warm wishes")],
            )
            .await?;
            shots.take(&driver, "home-your-details").await?;
            crate::compose::decide_to_advice(&driver).await?;
            click(&driver, "#decide-save").await?;
            crate::compose::notice(&driver).await?;
            click(&driver, "#decide-restart").await?;
            seen.after_start_over = js_text(&driver, "return document.getElementById('decide-signed-as').textContent").await?;
            // A new case, from scratch in Compose: signed without typing anything again.
            click(&driver, ".nav-item[data-nav=compose]").await?;
            wait_for_screen(&driver, "compose").await?;
            type_into(&driver, "#compose-form [name=company]", "Globex").await?;
            type_into(&driver, "#compose-form [name=role]", "Analyst").await?;
            seen.signed_drafts = eventually("signed drafts", || async {
                let email = js_text(&driver, "return document.querySelector('.draft-card[data-channel=email] [data-view]').textContent").await?;
                Ok(email.contains("Globex").then_some(email.contains("Sam Lee") && email.contains("Warm wishes,")))
            })
            .await?;
            seen.closing = js_text(&driver, "const b = document.querySelector('.draft-card[data-channel=email] .phrase-closing'); return b ? b.textContent : ''").await?;
            Ok(seen)
        })
        .await;
    let list: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "list", "--json"])).unwrap();
    let id = list[0]["id"].to_string();
    let detail: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "show", &id, "--json"])).unwrap();
    let situation: serde_json::Value =
        serde_json::from_str(detail["decisions"][0]["situation"].as_str().unwrap()).unwrap();
    seen.stored_sender = situation["sender"].clone();

    // Restart on the same data folder: the details are still there.
    let again = App::launch_with("details-again", &[], |dir| {
        copy_dir(&home.path().join("data"), dir);
    })
    .await;
    let (after, dialog) = again
        .run(|driver, _shots| async move {
            wait_for_screen(&driver, "home").await?;
            let after = eventually("the details line", || async {
                let t = js_text(&driver, "return document.getElementById('home-signed-as').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            click(&driver, ".home-details [data-open-profile]").await?;
            let dialog = js(&driver, "return ['name', 'email', 'phone', 'sign_off'].map(n => document.querySelector(`#profile-form [name=${n}]`).value)", vec![]).await?;
            Ok((after, dialog))
        })
        .await;
    seen.after_restart = after;
    seen.dialog_after_restart = dialog;

    eprintln!("{seen:#?}");
    let line =
        "Messages are signed “Warm wishes” then Sam Lee · sam@example.org · +44 20 7946 0000";
    assert_eq!(seen.after_start_over, line, "Start over keeps your details");
    assert!(
        seen.signed_drafts,
        "a new case is signed with them: {}",
        seen.closing
    );
    assert_eq!(
        seen.stored_sender,
        serde_json::json!({"name": "Sam Lee", "email": "sam@example.org", "phone": "+44 20 7946 0000", "sign_off": "Warm wishes"}),
        "the saved Situation is signed with them"
    );
    assert_eq!(seen.after_restart, line, "kept across a restart");
    assert_eq!(
        seen.dialog_after_restart,
        serde_json::json!([
            "Sam Lee",
            "sam@example.org",
            "+44 20 7946 0000",
            "Warm wishes"
        ])
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
