//! Every main flow with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows, letters and the
//! Alt shortcuts, sent to whatever has focus; no click, and no script moves the focus. Reading
//! the page (to know when a result has arrived) is the only script used.

use politely_e2e::*;

use crate::a11y::seed;

/// Enough presses of Tab for the longest way between two controls on one screen.
const FAR: usize = 120;

/// Tab to `css` and press Enter.
async fn activate(driver: &WebDriver, css: &str) -> WebDriverResult<()> {
    tab_to(driver, css, FAR).await?;
    press_keys(driver, Key::Enter).await
}

/// Tab to a box and tick it with Space.
async fn tick(driver: &WebDriver, css: &str) -> WebDriverResult<()> {
    tab_to(driver, css, FAR).await?;
    press_keys(driver, " ").await
}

/// Alt+digit, then the screen and the element focused on it.
async fn alt(driver: &WebDriver, digit: &str, screen: &str) -> WebDriverResult<String> {
    chord(driver, Key::Alt, digit).await?;
    wait_for_screen(driver, screen).await?;
    focused(driver).await
}

async fn until_text(driver: &WebDriver, what: &str, script: &str) -> WebDriverResult<String> {
    eventually_within(what, std::time::Duration::from_secs(20), || async {
        let t = js_text(driver, script).await?;
        Ok((!t.is_empty()).then_some(t))
    })
    .await
}

/// Whether the element matching `css` has focus inside it.
async fn focus_within(driver: &WebDriver, css: &str) -> WebDriverResult<bool> {
    Ok(js(
        driver,
        "const c = document.querySelector(arguments[0]); return !!c && c.contains(document.activeElement)",
        vec![css.into()],
    )
    .await?
    .as_bool()
    .unwrap_or(false))
}

#[derive(Debug, Default)]
struct Chrome {
    first_tab: String,
    after_skip: String,
    headings: Vec<(String, String)>,
    shortcuts_open: bool,
    shortcuts_rows: Vec<String>,
    shortcuts_focus_kept: Vec<bool>,
    shortcuts_closed_focus: String,
    profile_first: String,
    profile_focus_kept: Vec<bool>,
    profile_closed_focus: String,
    rings: Vec<String>,
    without_ring: Vec<String>,
}

/// The skip link, the focus on each new screen's heading, the shortcuts panel (`?`) and a dialog
/// that keeps the focus inside and gives it back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_link_headings_shortcuts_panel_and_dialogs_by_keyboard() {
    let app = App::launch("keyboard-chrome").await;
    let seen = app
        .run(|driver, _shots| async move {
            let mut seen = Chrome::default();
            wait_for_screen(&driver, "home").await?;
            press_keys(&driver, Key::Tab).await?;
            seen.first_tab = focused(&driver).await?;
            press_keys(&driver, Key::Enter).await?;
            seen.after_skip = focused(&driver).await?;

            for (digit, screen) in [
                ("2", "decide"),
                ("3", "compose"),
                ("4", "practice"),
                ("5", "history"),
                ("6", "reminders"),
                ("0", "about"),
                ("1", "home"),
            ] {
                seen.headings
                    .push((screen.into(), alt(&driver, digit, screen).await?));
            }

            // Every control Tab reaches on the wizard's first step shows a ring of at least 2 px.
            alt(&driver, "2", "decide").await?;
            for _ in 0..40 {
                press_keys(&driver, Key::Tab).await?;
                let ring = js_text(
                    &driver,
                    "const a = document.activeElement; const s = getComputedStyle(a);
                     const ok = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                     return `${ok ? 'ring' : 'NONE'} ${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.name ? '[' + a.name + ']' : ''} ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`",
                )
                .await?;
                if ring.starts_with("NONE") {
                    seen.without_ring.push(ring);
                } else {
                    seen.rings.push(ring);
                }
            }
            alt(&driver, "1", "home").await?;

            // ? opens the list of every shortcut; Tab stays inside; Escape gives the focus back.
            press_keys(&driver, "?").await?;
            seen.shortcuts_open = js(
                &driver,
                "return document.getElementById('shortcuts-dialog').open",
                vec![],
            )
            .await?
            .as_bool()
            .unwrap_or(false);
            seen.shortcuts_rows = texts(&driver, "#shortcuts-list dt").await?;
            for _ in 0..4 {
                press_keys(&driver, Key::Tab).await?;
                seen.shortcuts_focus_kept
                    .push(focus_within(&driver, "#shortcuts-dialog").await?);
            }
            press_keys(&driver, Key::Escape).await?;
            seen.shortcuts_closed_focus = focused(&driver).await?;

            // Your details: the dialog starts on its first field, keeps Tab inside, and Escape
            // returns to the button that opened it.
            activate(&driver, "#screen-home [data-open-profile]").await?;
            eventually("the dialog", || async {
                Ok(js(
                    &driver,
                    "return document.getElementById('profile-dialog').open",
                    vec![],
                )
                .await?
                .as_bool()
                .filter(|o| *o))
            })
            .await?;
            seen.profile_first = focused(&driver).await?;
            for _ in 0..10 {
                press_keys(&driver, Key::Tab).await?;
                seen.profile_focus_kept
                    .push(focus_within(&driver, "#profile-dialog").await?);
            }
            chord(&driver, Key::Shift, Key::Tab).await?;
            seen.profile_focus_kept
                .push(focus_within(&driver, "#profile-dialog").await?);
            press_keys(&driver, Key::Escape).await?;
            seen.profile_closed_focus = focused(&driver).await?;
            Ok(seen)
        })
        .await;

    assert!(
        seen.first_tab.starts_with("a") && seen.first_tab.contains("Skip to content"),
        "the first Tab offers the skip link: {}",
        seen.first_tab
    );
    assert!(
        seen.after_skip.starts_with("h1#h-home"),
        "Enter on it goes to the screen's heading: {}",
        seen.after_skip
    );
    for (screen, focus) in &seen.headings {
        assert!(
            focus.starts_with(&format!("h1#h-{screen}")),
            "Alt shortcut to {screen} puts the focus on its heading: {focus}"
        );
    }
    assert!(
        seen.without_ring.is_empty() && seen.rings.len() == 40,
        "every control Tab reaches shows its focus: {:#?}",
        seen.without_ring
    );
    for kind in [
        "input#f-company",
        "select#f-stage",
        "[inform]",
        "[formality]",
        "button#decide-next",
    ] {
        assert!(
            seen.rings.iter().any(|r| r.contains(kind)),
            "Tab reached {kind}: {:#?}",
            seen.rings
        );
    }
    assert!(seen.shortcuts_open, "? opens the shortcuts panel");
    for combo in [
        "Alt + 1", "Alt + 6", "Alt + 0", "?", "Escape", "Ctrl + +", "Space", "R", "→",
    ] {
        assert!(
            seen.shortcuts_rows.iter().any(|r| r == combo),
            "{combo} listed: {:?}",
            seen.shortcuts_rows
        );
    }
    assert!(
        seen.shortcuts_focus_kept.iter().all(|k| *k),
        "Tab stays in the panel: {:?}",
        seen.shortcuts_focus_kept
    );
    assert!(
        seen.shortcuts_closed_focus.starts_with("h1#h-home"),
        "Escape returns the focus: {}",
        seen.shortcuts_closed_focus
    );
    assert!(
        seen.profile_first.starts_with("input#p-name"),
        "the dialog starts on its first field: {}",
        seen.profile_first
    );
    assert!(
        seen.profile_focus_kept.iter().all(|k| *k),
        "Tab and Shift+Tab stay in the dialog: {:?}",
        seen.profile_focus_kept
    );
    assert!(
        seen.profile_closed_focus.contains("[openProfile=]"),
        "Escape returns to the opener: {}",
        seen.profile_closed_focus
    );
}

#[derive(Debug, Default)]
struct Flow {
    advice_focus: String,
    verdict: String,
    compose_focus: String,
    before: String,
    after: String,
    fixed: String,
    copied: String,
    saved: String,
}

/// Decide → advice → Compose → another phrasing → a suggestion applied → copy → save to History.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decide_compose_swap_fix_copy_and_save_by_keyboard() {
    let app = App::launch("keyboard-decide").await;
    let seen = app
        .run(|driver, _shots| async move {
            let mut seen = Flow::default();
            wait_for_screen(&driver, "home").await?;
            alt(&driver, "2", "decide").await?;
            tab_to(&driver, "#f-company", FAR).await?;
            press_keys(&driver, "Acme Robotics").await?;
            press_keys(&driver, Key::Tab).await?;
            press_keys(&driver, "Data Engineer").await?;
            tab_to(&driver, "#f-invited-at", FAR).await?;
            press_keys(&driver, local_input_hours_ago(6).replace('T', " ")).await?;
            activate(&driver, "#decide-next").await?;
            tick(&driver, "input[name=reasons][value=logistics]").await?;
            tick(&driver, "input[name=\"details.logistics\"][value=commute]").await?;
            activate(&driver, "#decide-next").await?;
            for name in ["checklist.fit_rechecked", "checklist.decided", "checklist.stay_connected"] {
                tick(&driver, &format!("input[name=\"{name}\"]")).await?;
            }
            activate(&driver, "#decide-next").await?;
            seen.verdict = until_text(&driver, "the advice", "const v = document.getElementById('advice-verdict'); return v.offsetParent ? v.textContent : ''").await?;
            seen.advice_focus = focused(&driver).await?;

            activate(&driver, "#decide-compose").await?;
            wait_for_screen(&driver, "compose").await?;
            seen.compose_focus = focused(&driver).await?;
            let email = ".draft-card[data-channel=email]";
            let gratitude = format!("{email} [data-block=gratitude]");
            seen.before = until_text(&driver, "the email", &format!("return document.querySelector('{gratitude}')?.textContent ?? ''")).await?;
            activate(&driver, &gratitude).await?;
            let before = seen.before.clone();
            seen.after = eventually("another phrasing", || async {
                let t = js_text(&driver, &format!("return document.querySelector('{gratitude}').textContent")).await?;
                Ok((t != before).then_some(t))
            })
            .await?;

            // A typo in the LinkedIn message, and its suggestion applied from the keyboard.
            let linkedin = ".draft-card[data-channel=linkedin]";
            activate(&driver, &format!("{linkedin} [data-action=edit]")).await?;
            tab_to(&driver, &format!("{linkedin} [data-edit]"), FAR).await?;
            chord(&driver, Key::Control, "a").await?;
            press_keys(&driver, "Thank you for teh invitation, Priya. I have decided to withdraw. Best wishes, Sam").await?;
            eventually_within("a suggestion", std::time::Duration::from_secs(30), || async {
                Ok(driver.find_all(By::Css(format!("{linkedin} .finding .apply"))).await?.first().cloned().map(|_| ()))
            })
            .await?;
            activate(&driver, &format!("{linkedin} .finding .apply")).await?;
            seen.fixed = eventually("the suggestion applied", || async {
                let v = js_text(&driver, &format!("return document.querySelector('{linkedin} [data-edit]').value")).await?;
                Ok((!v.contains("teh")).then_some(v))
            })
            .await?;

            activate(&driver, &format!("{email} [data-action=copy]")).await?;
            seen.copied = eventually_within("copied", std::time::Duration::from_secs(30), || async {
                let said = js_text(&driver, &format!("return document.querySelector('{email} [data-feedback].shown .feedback-text')?.textContent ?? ''")).await?;
                if !said.is_empty() {
                    return Ok(Some(said));
                }
                // Text changed since its last check: Politely asks before copying.
                let ask = format!("{email} [data-confirm]:not([hidden]) button");
                if !driver.find_all(By::Css(&ask)).await?.is_empty() {
                    let label = js_text(&driver, &format!("return [...document.querySelectorAll('{ask}')].map(b => b.textContent).join('|')")).await?;
                    let copy_now = if label.contains("Copy now") { "Copy now" } else { "Copy anyway" };
                    let index = label.split('|').position(|l| l == copy_now).unwrap_or(0) + 1;
                    activate(&driver, &format!("{ask}:nth-of-type({index})")).await?;
                }
                Ok(None)
            })
            .await?;
            activate(&driver, &format!("{email} [data-action=save]")).await?;
            seen.saved = eventually("saved", || async {
                let n = visible_notice(&driver).await?;
                Ok(n.starts_with("Saved").then_some(n))
            })
            .await?;
            Ok(seen)
        })
        .await;

    assert!(
        seen.verdict.to_lowercase().contains("decline"),
        "the advice: {}",
        seen.verdict
    );
    assert!(
        seen.advice_focus.starts_with("p#advice-verdict"),
        "the advice's verdict takes the focus: {}",
        seen.advice_focus
    );
    assert!(
        seen.compose_focus.starts_with("h1#h-compose"),
        "Compose's heading takes the focus: {}",
        seen.compose_focus
    );
    assert_ne!(
        seen.before, seen.after,
        "Enter on a sentence swaps its phrasing"
    );
    assert!(
        seen.fixed.contains("the invitation"),
        "the suggestion fixed the typo: {}",
        seen.fixed
    );
    assert!(seen.copied.starts_with("Copied"), "copied: {}", seen.copied);
    assert!(seen.saved.starts_with("Saved"), "saved: {}", seen.saved);
}

#[derive(Debug, Default)]
struct Elsewhere {
    beats: Vec<String>,
    clock: String,
    stopped: String,
    last_run: String,
    found: Vec<String>,
    detail_focus: String,
    timeline: Vec<String>,
    snoozed: String,
    due_before: String,
    due_snoozed: String,
    due_after_undo: String,
}

/// Practise (start, move beats, stop and save), History (search, open, add a note) and
/// Reminders (snooze, Undo) with the keyboard alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practise_history_and_reminders_by_keyboard() {
    let app = App::launch_with("keyboard-more", &[], seed).await;
    let seen = app
        .run(|driver, _shots| async move {
            let mut seen = Elsewhere::default();
            wait_for_screen(&driver, "home").await?;
            alt(&driver, "4", "practice").await?;
            // A script typed into the paste box (open already while there is no script).
            if js(&driver, "return document.getElementById('practice-paste').open", vec![]).await?.as_bool() != Some(true) {
                activate(&driver, "#practice-paste > summary").await?;
            }
            tab_to(&driver, "#practice-script", FAR).await?;
            press_keys(&driver, "Hello, this is Sam returning your call about the analyst role. I have decided to withdraw from the process. The commute would not work for me. Thank you, and I hope we stay in touch.").await?;
            activate(&driver, "#practice-use").await?;
            eventually("the script", || async {
                Ok((!texts(&driver, "#practice-prompter .beat").await?.is_empty()).then_some(()))
            })
            .await?;
            // Back to the heading, outside any field: the Practise keys.
            chord(&driver, Key::Alt, "4").await?;
            press_keys(&driver, " ").await?;
            eventually_within("the clock running", std::time::Duration::from_secs(10), || async {
                let c = js_text(&driver, "return document.getElementById('practice-clock').textContent").await?;
                Ok((c == "00:01" || c == "00:02").then_some(()))
            })
            .await?;
            let current = "return document.querySelector('#practice-prompter .beat.current')?.dataset.beat ?? document.querySelector('#practice-prompter .beat.current')?.textContent ?? ''";
            seen.beats.push(js_text(&driver, current).await?);
            press_keys(&driver, Key::Right).await?;
            seen.beats.push(js_text(&driver, current).await?);
            press_keys(&driver, Key::Left).await?;
            seen.beats.push(js_text(&driver, current).await?);
            seen.clock = js_text(&driver, "return document.getElementById('practice-clock').textContent").await?;
            activate(&driver, "#practice-stop").await?;
            seen.stopped = eventually("saved", || async {
                let n = visible_notice(&driver).await?;
                Ok((!n.is_empty()).then_some(n))
            })
            .await?;
            seen.last_run = js_text(&driver, "return document.getElementById('practice-last').textContent").await?;

            alt(&driver, "5", "history").await?;
            tab_to(&driver, "#h-search", FAR).await?;
            press_keys(&driver, "Acme").await?;
            seen.found = eventually("a filtered list", || async {
                let rows = texts(&driver, "#history-list .history-row strong").await?;
                Ok((rows.len() == 1).then_some(rows))
            })
            .await?;
            activate(&driver, "#history-list .history-row").await?;
            eventually("the opportunity", || async {
                Ok((!texts(&driver, "#hd-timeline li").await?.is_empty()).then_some(()))
            })
            .await?;
            seen.detail_focus = focused(&driver).await?;
            activate(&driver, "#hd-actions [data-action=note]").await?;
            tab_to(&driver, "#hd-form [name=body]", FAR).await?;
            press_keys(&driver, "Called Priya; she thanked me for the notice.").await?;
            activate(&driver, "#hd-form [type=submit]").await?;
            seen.timeline = eventually("the note", || async {
                let t = texts(&driver, "#hd-timeline li").await?;
                Ok(t.iter().any(|l| l.contains("she thanked me")).then_some(t))
            })
            .await?;

            alt(&driver, "6", "reminders").await?;
            let first = "#rem-groups .rem-item[data-group=upcoming]";
            let due = format!("return document.querySelector('{first} .rem-detail')?.textContent ?? ''");
            seen.due_before = until_text(&driver, "a reminder", &due).await?;
            tab_to(&driver, &format!("{first} [data-action=snooze]"), FAR).await?;
            press_keys(&driver, Key::Down).await?;
            seen.snoozed = eventually("snoozed", || async {
                let n = visible_notice(&driver).await?;
                Ok(n.starts_with("Snoozed").then_some(n))
            })
            .await?;
            seen.due_snoozed = js_text(&driver, "return [...document.querySelectorAll('#rem-groups .rem-item .rem-detail')].map(d => d.textContent).join(' | ')").await?;
            activate(&driver, "#notice-action").await?;
            let before = seen.due_before.clone();
            seen.due_after_undo = eventually("undone", || async {
                let t = js_text(&driver, &due).await?;
                Ok((t == before).then_some(t))
            })
            .await
            .or_else(|_| Ok::<_, WebDriverError>(String::new()))?;
            Ok(seen)
        })
        .await;

    assert_eq!(seen.beats.len(), 3);
    assert_ne!(
        seen.beats[0], seen.beats[1],
        "→ moves to the next beat: {:?}",
        seen.beats
    );
    assert_eq!(
        seen.beats[0], seen.beats[2],
        "← moves back: {:?}",
        seen.beats
    );
    assert_ne!(seen.clock, "00:00", "Space started the clock");
    assert!(
        seen.stopped.starts_with("Kept the run") || seen.stopped.starts_with("Saved"),
        "Stop and save kept the run: {}",
        seen.stopped
    );
    assert_ne!(seen.last_run, "—", "the run is listed as the last one");
    assert_eq!(seen.found.len(), 1, "the search found the one opportunity");
    assert!(
        seen.detail_focus.starts_with("h2#hd-title"),
        "the opportunity's heading takes the focus: {}",
        seen.detail_focus
    );
    assert!(
        seen.timeline.iter().any(|l| l.contains("she thanked me")),
        "the note is in the timeline"
    );
    assert!(seen.snoozed.starts_with("Snoozed"), "{}", seen.snoozed);
    assert!(
        !seen.due_snoozed.contains(&seen.due_before),
        "snoozed away from {}: {}",
        seen.due_before,
        seen.due_snoozed
    );
    assert_eq!(seen.due_after_undo, seen.due_before, "Undo puts it back");
}
