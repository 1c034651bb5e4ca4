//! One invitation, one opportunity: Decide, Compose and Practise share the opportunity of the
//! case they work on, so saving in each of them, in any order and more than once, leaves exactly
//! one opportunity in History with everything on it; and the advice stored is the one shown.

use politely_e2e::*;

use crate::compose::{compose_the_decision, decide_to_advice, notice};

/// Waits for a notice starting with `start` (an earlier one may still be showing).
async fn notice_starting(driver: &WebDriver, start: &str) -> WebDriverResult<String> {
    eventually(&format!("a notice starting “{start}”"), || async {
        let n = notice(driver).await?;
        Ok(n.starts_with(start).then_some(n))
    })
    .await
}

/// Hides the current notice, so the next one cannot be mistaken for it.
async fn dismiss_notice(driver: &WebDriver) -> WebDriverResult<()> {
    js(
        driver,
        "const n = document.getElementById('notice'); if (!n.hidden) document.getElementById('notice-dismiss').click();
         for (const b of document.querySelectorAll('[data-feedback].shown .feedback-dismiss')) b.click();",
        vec![],
    )
    .await?;
    Ok(())
}

#[derive(Debug, Default)]
struct Seen {
    notices: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_in_decide_compose_practice_and_decide_again_keeps_one_opportunity() {
    let app = App::launch("one-opportunity").await;
    let data_dir = app.data_dir.clone();
    // The data folder is read after the window closed: keep it until then.
    let (seen, _home) = app
        .run_keeping(|driver, _shots| async move {
            let mut seen = Seen::default();
            decide_to_advice(&driver).await?;
            click(&driver, "#decide-save").await?;
            seen.notices
                .push(notice_starting(&driver, "Saved to History as #").await?);
            dismiss_notice(&driver).await?;

            compose_the_decision(&driver).await?;
            click(
                &driver,
                ".draft-card[data-channel=email] [data-action=save]",
            )
            .await?;
            seen.notices
                .push(notice_starting(&driver, "Saved the email").await?);
            dismiss_notice(&driver).await?;

            click(
                &driver,
                ".draft-card[data-channel=phone] [data-action=practice]",
            )
            .await?;
            wait_for_screen(&driver, "practice").await?;
            eventually("the script's beats", || async {
                Ok((texts(&driver, "#practice-prompter .beat").await?.len() == 4).then_some(()))
            })
            .await?;
            click(&driver, "#practice-start").await?;
            eventually("a second on the clock", || async {
                let c = js_text(
                    &driver,
                    "return document.getElementById('practice-clock').textContent",
                )
                .await?;
                Ok((c == "00:01").then_some(()))
            })
            .await?;
            click(&driver, "#practice-stop").await?;
            seen.notices
                .push(notice_starting(&driver, "Saved the run").await?);

            // Back to the drafts (their state is kept): one more, on another channel.
            click(&driver, ".nav-item[data-nav=compose]").await?;
            wait_for_screen(&driver, "compose").await?;
            click(
                &driver,
                ".draft-card[data-channel=linkedin] [data-action=save]",
            )
            .await?;
            seen.notices
                .push(notice_starting(&driver, "Saved the LinkedIn message").await?);
            dismiss_notice(&driver).await?;

            // And the decision once more: a second decision on the same opportunity.
            click(&driver, ".nav-item[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            click(&driver, "#decide-save").await?;
            seen.notices
                .push(notice_starting(&driver, "Saved to History as #").await?);
            Ok(seen)
        })
        .await;

    let list: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "list", "--json"])).expect("JSON list");
    let list = list.as_array().expect("a list");
    assert_eq!(
        list.len(),
        1,
        "one invitation, one opportunity: {list:#?}\nnotices: {:?}",
        seen.notices
    );
    let id = list[0]["id"].as_i64().expect("an id");
    assert_eq!(list[0]["company"], "Acme Robotics");
    assert_eq!(
        seen.notices.first(),
        Some(&format!("Saved to History as #{id}.")),
        "{:?}",
        seen.notices
    );
    assert_eq!(
        seen.notices.last(),
        Some(&format!("Saved to History as #{id}.")),
        "saving again names the same opportunity: {:?}",
        seen.notices
    );

    let detail: serde_json::Value = serde_json::from_str(&cli(
        &data_dir,
        &["history", "show", &id.to_string(), "--json"],
    ))
    .expect("JSON detail");
    let count = |key: &str| detail[key].as_array().map_or(0, Vec::len);
    assert_eq!(count("decisions"), 2, "both saves from Decide");
    assert_eq!(count("messages"), 2, "the email and the LinkedIn drafts");
    assert_eq!(count("practice_runs"), 1, "the run");
    let advice: Vec<serde_json::Value> = detail["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d["advice"].as_str().expect("advice")).expect("advice JSON"))
        .collect();
    assert!(
        advice[0]["judged_at"].is_string(),
        "the stored advice says when it was judged: {:#}",
        advice[0]
    );
    assert_eq!(
        advice[0], advice[1],
        "both saves store the advice shown, judged once, not judged again when saved"
    );
}
