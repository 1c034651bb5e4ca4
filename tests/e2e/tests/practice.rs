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
            click(&driver, "#drill-next").await?;
            seen.second_question = js_text(&driver, "return document.getElementById('drill-question').textContent").await?;

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
    assert_eq!(seen.drill_progress, "Question 1 of 7");
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
