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
                     return view.includes('Globex') ? [f.company.value, f.role.value, document.getElementById('compose-scenario').value] : null",
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
        ["Globex", "Staff Engineer", "circumstances_changed"],
        "Compose receives the Situation and drafts the advice's scenario"
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
            click(&driver, "#notice-action").await?;
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
