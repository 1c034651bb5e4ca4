//! Practise in the real window: a composed phone script opens as a teleprompter, the keyboard
//! moves beats and text size, the timer counts down and runs, stopping saves the run to History
//! and opens the pushback drill.

use politely_e2e::*;

use crate::compose::{decide_then_compose, notice};

#[derive(Debug, Default)]
struct Seen {
    beats: Vec<String>,
    first_current: String,
    estimate: String,
    after_right: String,
    after_left: String,
    size_before: String,
    size_after: String,
    countdown: String,
    live_during: Vec<String>,
    running_clock: String,
    band_running: String,
    stop_enabled_running: bool,
    saved_notice: String,
    last: String,
    runs: Vec<String>,
    drill_question: String,
    drill_reply_hidden: bool,
    drill_reply: String,
    drill_progress: String,
    drill_source: String,
    drill_questions: Vec<String>,
    second_question: String,
    timeline: Vec<String>,
    reset_clock: String,
    problem: String,
    beats_after_refusal: usize,
}

async fn current_beat(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        "const b = document.querySelector('#practice-prompter .beat.current'); return b ? b.dataset.beat : ''",
    )
    .await
}

async fn press(driver: &WebDriver, key: &str) -> WebDriverResult<()> {
    // Keys go to the page, not a field: focus the heading the way navigation leaves it.
    js(
        driver,
        "document.getElementById('h-practice').focus()",
        vec![],
    )
    .await?;
    driver.action_chain().send_keys(key).perform().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_a_composed_script_run_the_timer_and_find_the_run_in_history() {
    let app = App::launch("practice-flow").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Seen::default();
            decide_then_compose(&driver).await?;
            click(&driver, ".draft-card[data-channel=phone] [data-action=practice]").await?;
            wait_for_screen(&driver, "practice").await?;
            seen.beats = eventually("the script's beats", || async {
                let b = texts(&driver, "#practice-prompter .beat-label span:first-child").await?;
                Ok((b.len() == 4).then_some(b))
            })
            .await?;
            seen.first_current = current_beat(&driver).await?;
            seen.estimate = js_text(&driver, "return document.getElementById('practice-estimate').textContent").await?;

            // Arrow keys move the highlight; + grows the text.
            press(&driver, "\u{E014}").await?; // ArrowRight
            seen.after_right = current_beat(&driver).await?;
            press(&driver, "\u{E012}").await?; // ArrowLeft
            seen.after_left = current_beat(&driver).await?;
            let size = "return getComputedStyle(document.getElementById('practice-prompter')).fontSize";
            seen.size_before = js_text(&driver, size).await?;
            press(&driver, "+").await?;
            seen.size_after = js_text(&driver, size).await?;

            // Space starts a 3-2-1 countdown, then the clock runs.
            press(&driver, " ").await?;
            seen.countdown = eventually("the countdown", || async {
                let c = js_text(&driver, "return document.getElementById('practice-clock').textContent").await?;
                Ok(["3", "2", "1"].contains(&c.as_str()).then_some(c))
            })
            .await?;
            shots.take(&driver, "practice-countdown").await?;
            // Poll by hand (every 50 ms, up to 12 s) to record each announcement on the way.
            let mut live: Vec<String> = Vec::new();
            let started = std::time::Instant::now();
            loop {
                let l = js_text(&driver, "return document.getElementById('practice-live').textContent").await?;
                if live.last() != Some(&l) {
                    live.push(l);
                }
                let c = js_text(&driver, "return document.getElementById('practice-clock').textContent").await?;
                if c == "00:03" || started.elapsed() > std::time::Duration::from_secs(12) {
                    seen.running_clock = c;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            seen.live_during = live;
            seen.band_running = js_text(&driver, "return document.getElementById('practice-band').dataset.band").await?;
            seen.stop_enabled_running = !js(&driver, "return document.getElementById('practice-stop').disabled", vec![])
                .await?
                .as_bool()
                .unwrap_or(true);
            shots.take(&driver, "practice-running").await?;

            click(&driver, "#practice-stop").await?;
            seen.saved_notice = notice(&driver).await?;
            seen.last = eventually("the last run", || async {
                let l = js_text(&driver, "return document.getElementById('practice-last').textContent").await?;
                Ok((l != "—").then_some(l))
            })
            .await?;
            seen.runs = texts(&driver, "#practice-runs li").await?;

            // The drill asks a follow-up; the reply shows on demand.
            seen.drill_question = js_text(&driver, "return document.getElementById('drill-question').textContent").await?;
            seen.drill_progress = js_text(&driver, "return document.getElementById('drill-progress').textContent").await?;
            seen.drill_reply_hidden = js(&driver, "return document.getElementById('drill-reply').hidden", vec![])
                .await?
                .as_bool()
                .unwrap_or(false);
            click(&driver, "#drill-reveal").await?;
            seen.drill_reply = js_text(&driver, "const r = document.getElementById('drill-reply'); return r.hidden ? '' : r.textContent").await?;
            shots.take(&driver, "practice-drill").await?;
            seen.drill_source = js_text(&driver, "return document.getElementById('drill-source').textContent").await?;
            click(&driver, "#drill-next").await?;
            seen.second_question = js_text(&driver, "return document.getElementById('drill-question').textContent").await?;
            seen.drill_questions.push(seen.drill_question.clone());
            seen.drill_questions.push(seen.second_question.clone());
            for _ in 0..4 {
                click(&driver, "#drill-next").await?;
                seen.drill_questions.push(js_text(&driver, "return document.getElementById('drill-question').textContent").await?);
            }

            // R resets the clock.
            press(&driver, "r").await?;
            seen.reset_clock = js_text(&driver, "return document.getElementById('practice-clock').textContent").await?;

            // A pasted script with no words is refused with a message, and the current one stays.
            click(&driver, "#practice-paste > summary").await?;
            set_value(&driver, "#practice-script", "  \n\n ").await?;
            click(&driver, "#practice-use").await?;
            seen.problem = eventually("the problem", || async {
                let p = js_text(&driver, "const p = document.getElementById('practice-problem'); return p.hidden ? '' : p.textContent").await?;
                Ok((!p.is_empty()).then_some(p))
            })
            .await?;
            seen.beats_after_refusal = texts(&driver, "#practice-prompter .beat").await?.len();

            // The notice's "Open it" was replaced; open History from the saved run's opportunity.
            click(&driver, ".nav-item[data-nav=history]").await?;
            wait_for_screen(&driver, "history").await?;
            click(&driver, "#history-list .history-row").await?;
            seen.timeline = eventually("the run in the timeline", || async {
                let t = texts(&driver, "#hd-timeline li").await?;
                Ok(t.iter().any(|l| l.contains("Practised the call")).then_some(t))
            })
            .await?;
            shots.take(&driver, "practice-in-history").await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    assert_eq!(
        seen.beats,
        [
            "Greeting and thanks",
            "Decision",
            "Brief reason",
            "Goodwill close"
        ]
    );
    assert_eq!(seen.first_current, "greeting");
    assert!(
        seen.estimate.starts_with("About ") && seen.estimate.contains("150 words a minute"),
        "{}",
        seen.estimate
    );
    assert_eq!(seen.after_right, "decision", "→ moves to the next beat");
    assert_eq!(seen.after_left, "greeting", "← moves back");
    assert_ne!(seen.size_before, seen.size_after, "+ makes the text larger");
    assert!(["3", "2", "1"].contains(&seen.countdown.as_str()));
    assert_eq!(seen.running_clock, "00:03");
    assert!(
        seen.live_during.iter().any(|l| l == "Go"),
        "the screen reader hears the start: {:?}",
        seen.live_during
    );
    assert!(
        seen.live_during.len() <= 6,
        "not every tick is announced: {:?}",
        seen.live_during
    );
    assert_eq!(seen.band_running, "under");
    assert!(seen.stop_enabled_running);
    assert!(
        seen.saved_notice.starts_with("Saved the run (0:0")
            && seen.saved_notice.ends_with("to History."),
        "{}",
        seen.saved_notice
    );
    assert!(
        seen.last.starts_with("0:0") && seen.last.contains("under"),
        "{}",
        seen.last
    );
    assert_eq!(seen.runs.len(), 1, "{:?}", seen.runs);
    assert!(
        seen.drill_question.starts_with('“') && seen.drill_question.contains('?'),
        "{}",
        seen.drill_question
    );
    // A logistics decline with no other offer: "who made the other offer?" is not asked.
    assert_eq!(seen.drill_progress, "Question 1 of 6");
    assert!(
        !seen
            .drill_questions
            .iter()
            .any(|q| q.contains("other offer")),
        "{:?}",
        seen.drill_questions
    );
    assert!(
        seen.drill_source.starts_with("Prepared from the message “")
            && !seen.drill_source.contains('_'),
        "the message kind's label, no internal name: {}",
        seen.drill_source
    );
    assert!(seen.drill_reply_hidden, "the reply waits until asked for");
    assert!(
        seen.drill_reply.split_whitespace().count() >= 8,
        "{}",
        seen.drill_reply
    );
    assert_ne!(
        seen.second_question, seen.drill_question,
        "next asks something else"
    );
    assert_eq!(seen.reset_clock, "00:00");
    assert!(seen.problem.contains("no words"), "{}", seen.problem);
    assert_eq!(seen.beats_after_refusal, 4, "the current script stays");
    assert!(
        seen.timeline.iter().any(
            |l| l.contains("Practised the call: 0:0") && l.contains("under the 30–60 s target")
        ),
        "{:?}",
        seen.timeline
    );
}

#[derive(Debug, Default)]
struct Measured {
    followed_notice: String,
    followed_clock: String,
    measured_notice: String,
    measured_clock: String,
    after_start_over_beats: usize,
    after_start_over_origin: String,
    after_start_over_estimate: String,
}

async fn run_for(
    driver: &WebDriver,
    seconds: &str,
    steps: usize,
) -> WebDriverResult<(String, String)> {
    click(driver, "#practice-start").await?;
    eventually_within(
        "the clock running",
        std::time::Duration::from_secs(10),
        || async {
            let c = js_text(
                driver,
                "return document.getElementById('practice-clock').textContent",
            )
            .await?;
            Ok((c == "00:00"
                && js_text(
                    driver,
                    "return document.querySelector('.timer').dataset.state",
                )
                .await?
                    == "running")
                .then_some(()))
        },
    )
    .await?;
    for _ in 0..steps {
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        press(driver, "\u{E014}").await?; // → : the next part starts now
    }
    eventually_within("the time", std::time::Duration::from_secs(10), || async {
        let c = js_text(
            driver,
            "return document.getElementById('practice-clock').textContent",
        )
        .await?;
        Ok((c == seconds).then_some(()))
    })
    .await?;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    click(driver, "#practice-stop").await?;
    let notice = eventually("the saved run", || async {
        let n = visible_notice(driver).await?;
        Ok(n.starts_with("Saved the run").then_some(n))
    })
    .await?;
    let clock = js_text(
        driver,
        "return document.getElementById('practice-clock').textContent",
    )
    .await?;
    js(
        driver,
        "document.querySelector('#practice-feedback .feedback-dismiss')?.click()",
        vec![],
    )
    .await?;
    Ok((notice, clock))
}

/// The runs keep beat times only as measured (the user moving to the next part), never the
/// estimates the highlight follows; the stopped clock reads what the notice and History say;
/// and after Start over, Practise from the sidebar shows no script of the earlier case.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_keep_measured_beats_the_clock_agrees_and_a_new_case_starts_empty() {
    let app = App::launch("practice-measured").await;
    let data_dir = app.data_dir.clone();
    let (seen, _home) = app
        .run_keeping(|driver, shots| async move {
            let mut seen = Measured::default();
            decide_then_compose(&driver).await?;
            click(
                &driver,
                ".draft-card[data-channel=phone] [data-action=practice]",
            )
            .await?;
            wait_for_screen(&driver, "practice").await?;
            eventually("the beats", || async {
                Ok((texts(&driver, "#practice-prompter .beat").await?.len() == 4).then_some(()))
            })
            .await?;
            // Following the estimated pace: nothing about the parts is measured.
            (seen.followed_notice, seen.followed_clock) = run_for(&driver, "00:02", 0).await?;
            // Moving to the next part by hand: each part's time is measured.
            click(&driver, "#practice-follow").await?;
            click(&driver, "#practice-reset").await?;
            (seen.measured_notice, seen.measured_clock) = run_for(&driver, "00:03", 2).await?;
            shots.take(&driver, "practice-measured").await?;

            // A new case: Practise from the sidebar does not show the old script.
            click(&driver, ".nav-item[data-nav=decide]").await?;
            wait_for_screen(&driver, "decide").await?;
            click(&driver, "#decide-restart").await?;
            click(&driver, ".nav-item[data-nav=practice]").await?;
            wait_for_screen(&driver, "practice").await?;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            seen.after_start_over_beats = texts(&driver, "#practice-prompter .beat").await?.len();
            seen.after_start_over_origin = js_text(
                &driver,
                "return document.getElementById('practice-origin').textContent",
            )
            .await?;
            seen.after_start_over_estimate = js_text(
                &driver,
                "return document.getElementById('practice-estimate').textContent",
            )
            .await?;
            shots.take(&driver, "practice-new-case").await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    let clock_of = |notice: &str| {
        let time = notice
            .trim_start_matches("Saved the run (")
            .split(',')
            .next()
            .unwrap_or_default()
            .to_owned();
        format!("0{time}")
    };
    assert_eq!(
        clock_of(&seen.followed_notice),
        seen.followed_clock,
        "the clock and the notice agree: {}",
        seen.followed_notice
    );
    assert_eq!(
        clock_of(&seen.measured_notice),
        seen.measured_clock,
        "{}",
        seen.measured_notice
    );
    let list: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "list", "--json"])).unwrap();
    let id = list[0]["id"].to_string();
    let detail: serde_json::Value =
        serde_json::from_str(&cli(&data_dir, &["history", "show", &id, "--json"])).unwrap();
    let runs = detail["practice_runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2, "{runs:#?}");
    // Following the estimated pace, the highlight moves on its own: no part is split at the
    // estimate (the first part, still highlighted when the run stopped, is the whole run).
    let followed = runs[0]["beats"].as_array().unwrap();
    assert!(
        followed.is_empty() || (followed.len() == 1 && followed[0]["ms"] == runs[0]["duration_ms"]),
        "no estimated split: {:#}",
        runs[0]
    );
    let names: Vec<&str> = runs[1]["beats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["greeting", "decision", "reason"],
        "each part the user moved through: {:#}",
        runs[1]
    );
    for beat in runs[1]["beats"].as_array().unwrap().iter().take(2) {
        let ms = beat["ms"].as_i64().unwrap();
        assert!(
            (900..2500).contains(&ms),
            "measured, about the 1.1 s spent on it: {ms}"
        );
    }
    assert_eq!(
        seen.after_start_over_beats, 0,
        "no script of the earlier case"
    );
    assert!(
        seen.after_start_over_origin
            .starts_with("Compose a phone script"),
        "{}",
        seen.after_start_over_origin
    );
    assert_eq!(seen.after_start_over_estimate, "—");
}
