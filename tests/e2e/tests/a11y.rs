//! Accessibility of the real window: axe-core (a test-only npm package, injected through
//! WebDriver) on every screen and the states that matter, in the light and the dark theme.
//! Each run writes the screens and rules it checked to `$CARGO_TARGET_DIR/accessibility-audit-<theme>.txt`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use politely_e2e::*;

use crate::compose::{compose_the_decision, decide_to_advice};

const EMAIL: &str = ".draft-card[data-channel=email]";
const LINKEDIN: &str = ".draft-card[data-channel=linkedin]";

/// Where the audit's list of screens and rules goes: the build's target folder.
fn report_path(theme: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join(format!("accessibility-audit-{theme}.txt"))
}

/// History and reminders to audit: one decision, and a reminder in each open group.
pub(crate) fn seed(dir: &Path) {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
    cli(
        dir,
        &[
            "history",
            "add",
            "--situation",
            &format!("{fixtures}/email-decline.json"),
        ],
    );
    let now = chrono::Utc::now();
    for (title, due) in [
        ("Call Priya back", now - chrono::Duration::hours(2)),
        ("Send the thank-you card", now + chrono::Duration::days(4)),
    ] {
        add_reminder(dir, title, &due.to_rfc3339());
    }
}

/// A reachable control: its role, its accessible name and where it is.
type Control = (String, String, String);

/// Every state audited, in order, with what axe found there.
#[derive(Default)]
struct Audit {
    /// What each state is checked for.
    mode: Mode,
    states: Vec<(String, AxeRun)>,
    /// Per state: every reachable control as (role, accessible name, where).
    controls: Vec<(String, Vec<Control>)>,
    /// Per state: texts under 4.5:1 (3:1 when large), targets under 24×24, what does not fit.
    contrast: Vec<String>,
    targets: Vec<String>,
    layout: Vec<String>,
    /// Where each state's picture goes (zoom and high contrast), and how it is taken.
    shots: Option<(Shots, PathBuf)>,
    pictures: Vec<PathBuf>,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Mode {
    /// axe, every control's name, text contrast, target sizes.
    #[default]
    Full,
    /// 200% zoom: what does not fit, and a picture.
    Zoom,
    /// The system's high-contrast theme: axe, text contrast, and a picture.
    HighContrast,
}

impl Audit {
    fn new(mode: Mode) -> Audit {
        Audit {
            mode,
            ..Default::default()
        }
    }

    async fn check(&mut self, driver: &WebDriver, state: &str) -> WebDriverResult<()> {
        // Let transitions end: a colour half-way through a fade is not one anybody reads.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let tag = |list: Vec<String>| list.into_iter().map(move |f| format!("[{state}] {f}"));
        if self.mode != Mode::Zoom {
            let run = axe_run(driver).await?;
            eprintln!("audited {state}: {} violations", run.violations.len());
            self.states.push((state.to_owned(), run));
            self.contrast.extend(tag(contrast_failures(driver).await?));
        } else {
            self.states.push((state.to_owned(), AxeRun::default()));
        }
        if self.mode == Mode::Full {
            self.controls
                .push((state.to_owned(), controls(driver).await?));
            self.targets.extend(tag(small_targets(driver).await?));
        }
        if self.mode == Mode::Zoom {
            // WebDriver aims its clicks as if at 100%, so the walk runs at 100% and each state
            // is zoomed to 200% (Ctrl + five times) to be checked, then back (Ctrl 0).
            zoom_to(driver, 200, DEFAULT_SIZE.0).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            // What is focused, or the newest message, in view: as a person would have it.
            js(driver, "const said = [...document.querySelectorAll('[data-feedback].shown')].sort((x, y) => Number(y.dataset.order) - Number(x.dataset.order))[0];
                const a = document.activeElement; (said ?? (a && a !== document.body ? a : null))?.scrollIntoView({block: 'nearest'})", vec![]).await?;
            self.layout.extend(tag(layout_failures(driver).await?));
        }
        if let Some((shots, dir)) = &self.shots {
            let name: String = state
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let path = dir.join(format!(
                "{:02}-{}.png",
                self.states.len(),
                name.trim_matches('-')
            ));
            shots.grab_as_is(driver, &path).await?;
            // `make screenshots`: one picture of each screen into the docs as well.
            if let (Some(docs), true) = (
                std::env::var_os("POLITELY_SCREENSHOTS"),
                DOC_STATES.contains(&state),
            ) {
                let mode = dir.file_name().expect("mode folder");
                let to = PathBuf::from(docs).join("accessibility").join(mode);
                std::fs::create_dir_all(&to)?;
                std::fs::copy(&path, to.join(format!("{}.png", name.trim_matches('-'))))?;
            }
            self.pictures.push(path);
        }
        if self.mode == Mode::Zoom {
            chord(driver, Key::Control, "0").await?;
            zoom_to(driver, 100, DEFAULT_SIZE.0).await?;
        }
        Ok(())
    }

    /// Controls with no name, and names two controls of one role share within a state.
    fn name_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (state, list) in &self.controls {
            let mut seen = std::collections::HashMap::new();
            for (role, name, place) in list {
                if name.is_empty() {
                    problems.push(format!("[{state}] {role} {place} has no name"));
                } else if let Some(first) = seen.insert((role, name), place) {
                    problems.push(format!("[{state}] {role} “{name}”: {first} and {place}"));
                }
            }
        }
        problems
    }

    fn violations(&self) -> Vec<String> {
        self.states
            .iter()
            .flat_map(|(state, run)| run.violations.iter().map(move |v| format!("[{state}] {v}")))
            .collect()
    }

    fn write_report(&self, theme: &str) -> PathBuf {
        let mut rules: Vec<&String> = self.states.iter().flat_map(|(_, r)| &r.rules).collect();
        rules.sort();
        rules.dedup();
        let mut passed: Vec<&String> = self.states.iter().flat_map(|(_, r)| &r.passed).collect();
        passed.sort();
        passed.dedup();
        let mut text = String::new();
        let _ = writeln!(
            text,
            "Politely accessibility audit, {theme} theme: axe-core {} with tags {}",
            axe_version(),
            AXE_TAGS.join(", ")
        );
        if self.mode == Mode::Zoom {
            let _ = writeln!(
                text,
                "\n{} states checked at 200% zoom for what does not fit (axe runs in the other walks)\n",
                self.states.len()
            );
        } else {
            let _ = writeln!(
                text,
                "\n{} states checked, {} violations\n",
                self.states.len(),
                self.violations().len()
            );
        }
        for (state, run) in &self.states {
            let _ = writeln!(
                text,
                "- {state}: {} violations, {} rules passed, {} nodes to review",
                run.violations.len(),
                run.passed.len(),
                run.incomplete.len()
            );
            for v in &run.violations {
                let _ = writeln!(text, "    VIOLATION {v}");
            }
            for i in &run.incomplete {
                let _ = writeln!(text, "    review {i}");
            }
        }
        let _ = writeln!(
            text,
            "\n{} rules run ({} applied and passed somewhere):",
            rules.len(),
            passed.len()
        );
        for rule in rules {
            let _ = writeln!(text, "  {rule}");
        }
        for (title, list) in [
            ("Text under 4.5:1 (3:1 when large)", &self.contrast),
            ("Targets under 24×24 px", &self.targets),
            ("What does not fit the window", &self.layout),
        ] {
            let _ = writeln!(text, "\n{title}: {}", list.len());
            for f in list {
                let _ = writeln!(text, "    {f}");
            }
        }
        if !self.pictures.is_empty() {
            let _ = writeln!(text, "\nPictures:");
            for p in &self.pictures {
                let _ = writeln!(text, "    {}", p.display());
            }
        }
        let _ = writeln!(
            text,
            "\nEvery control a keyboard or screen reader reaches, per state: role “accessible name” (where)"
        );
        for (state, list) in &self.controls {
            let _ = writeln!(text, "\n- {state}: {} controls", list.len());
            for (role, name, place) in list {
                let _ = writeln!(text, "    {role} “{name}” ({place})");
            }
        }
        let path = report_path(theme);
        std::fs::write(&path, text).expect("the audit report is written");
        path
    }
}

/// axe-core's version, from its package.json.
fn axe_version() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/package.json"
    );
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
        .and_then(|v| v["version"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

async fn go(driver: &WebDriver, screen: &str) -> WebDriverResult<()> {
    click(driver, &format!(".nav-item[data-nav={screen}]")).await?;
    wait_for_screen(driver, screen).await
}

async fn shown(driver: &WebDriver, css: &str) -> WebDriverResult<()> {
    eventually(css, || async {
        let v = js(
            driver,
            "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0",
            vec![css.into()],
        )
        .await?;
        Ok((v.as_bool() == Some(true)).then_some(()))
    })
    .await
}

/// Walks every screen and the states that matter, auditing each.
async fn walk(driver: &WebDriver, data_dir: &Path, audit: &mut Audit) -> WebDriverResult<()> {
    wait_for_screen(driver, "home").await?;
    // An overdue reminder the desktop could not show: the banner at the top.
    shown(driver, "#reminder-banner").await?;
    audit
        .check(driver, "Home, with the due-reminder banner")
        .await?;
    click(driver, "#screen-home [data-open-profile]").await?;
    shown(driver, "#profile-dialog").await?;
    audit.check(driver, "Your details dialog").await?;
    click(driver, "#profile-cancel").await?;
    click(driver, "#shortcuts-open").await?;
    shown(driver, "#shortcuts-dialog").await?;
    audit.check(driver, "Keyboard shortcuts panel").await?;
    click(driver, "#shortcuts-close").await?;
    click(driver, "#reminder-banner-dismiss").await?;

    go(driver, "compose").await?;
    audit.check(driver, "Compose, nothing filled in").await?;
    go(driver, "practice").await?;
    audit.check(driver, "Practise, no script yet").await?;

    go(driver, "decide").await?;
    audit.check(driver, "Decide step 1, the invitation").await?;
    click(driver, "#decide-next").await?;
    shown(driver, ".field-error[data-for=company]").await?;
    audit.check(driver, "Decide step 1, fields missing").await?;
    go(driver, "home").await?;
    decide_to_advice(driver).await?;
    audit.check(driver, "Decide, the advice").await?;
    click(driver, "#decide-back").await?;
    audit.check(driver, "Decide step 3, the checklist").await?;
    click(driver, "#decide-back").await?;
    audit
        .check(driver, "Decide step 2, reasons with details")
        .await?;
    click(driver, "#decide-next").await?;
    click(driver, "#decide-next").await?;
    shown(driver, "#decide-compose").await?;

    compose_the_decision(driver).await?;
    eventually("proofread", || async {
        let s = js_text(
            driver,
            &format!("return document.querySelector('{EMAIL} [data-lint-summary]').textContent"),
        )
        .await?;
        Ok((!s.contains('…')).then_some(()))
    })
    .await?;
    audit
        .check(driver, "Compose, drafts from the decision")
        .await?;
    click(driver, &format!("{LINKEDIN} [data-action=edit]")).await?;
    set_value(
        driver,
        &format!("{LINKEDIN} [data-edit]"),
        "Hi Priya, thank you for teh invitation. i have decided to withdraw. Best, Sam",
    )
    .await?;
    eventually("findings with a suggestion", || async {
        let n = js(
            driver,
            &format!("return document.querySelectorAll('{LINKEDIN} .finding .apply').length"),
            vec![],
        )
        .await?;
        Ok((n.as_u64().unwrap_or(0) > 0).then_some(()))
    })
    .await?;
    audit
        .check(driver, "Compose, editing with proofreading findings")
        .await?;
    click(driver, &format!("{EMAIL} [data-action=save]")).await?;
    eventually("saved", || async {
        let n = visible_notice(driver).await?;
        Ok(n.starts_with("Saved").then_some(()))
    })
    .await?;
    audit
        .check(driver, "Compose, saved (message with an action)")
        .await?;
    // Exports go to a folder in the data folder: a file in its place makes the export fail.
    std::fs::write(data_dir.join("exports"), "in the way")?;
    click(driver, &format!("{EMAIL} [data-action=eml]")).await?;
    let confirm = format!("{EMAIL} [data-confirm]:not([hidden]) button.primary");
    let first = eventually_within(
        "the export's failure or its confirmation",
        std::time::Duration::from_secs(20),
        || async {
            if !driver.find_all(By::Css(&confirm)).await?.is_empty() {
                return Ok(Some("confirm"));
            }
            Ok(visible_error(driver).await?.map(|_| "failed"))
        },
    )
    .await?;
    if first == "confirm" {
        audit
            .check(driver, "Compose, confirm sending with findings")
            .await?;
        click(
            driver,
            &format!("{EMAIL} [data-confirm] button:not(.primary)"),
        )
        .await?;
    }
    eventually("the export's failure", || visible_error(driver)).await?;
    audit
        .check(driver, "Compose, a failure beside its button")
        .await?;

    click(driver, "#ut-panel > summary").await?;
    click(driver, "#ut-new").await?;
    type_into(driver, "#ut-name", "Short and kind").await?;
    set_value(
        driver,
        "#ut-body",
        "Dear {{ contact.first_name }},\nI am withdrawing from {{ company.\n",
    )
    .await?;
    eventually("a template problem", || async {
        let t = texts(driver, "#ut-problems li").await?;
        Ok((!t.is_empty()).then_some(()))
    })
    .await?;
    audit
        .check(driver, "Compose, own-template editor with a mistake")
        .await?;
    click(driver, "#ut-cancel").await?;

    click(
        driver,
        ".draft-card[data-channel=phone] [data-action=practice]",
    )
    .await?;
    wait_for_screen(driver, "practice").await?;
    eventually("beats", || async {
        Ok((texts(driver, "#practice-prompter .beat").await?.len() == 4).then_some(()))
    })
    .await?;
    audit
        .check(driver, "Practise, a script and the drill")
        .await?;
    click(driver, "#practice-start").await?;
    eventually("the clock running", || async {
        let c = js_text(
            driver,
            "return document.getElementById('practice-clock').textContent",
        )
        .await?;
        Ok((c == "00:01").then_some(()))
    })
    .await?;
    audit.check(driver, "Practise, timer running").await?;
    click(driver, "#practice-stop").await?;
    click(driver, "#drill-reveal").await?;
    audit
        .check(driver, "Practise, stopped, drill reply shown")
        .await?;
    js(
        driver,
        "document.getElementById('practice-paste').open = true",
        vec![],
    )
    .await?;
    set_value(driver, "#practice-script", "  \n ").await?;
    click(driver, "#practice-use").await?;
    shown(driver, "#practice-problem").await?;
    audit
        .check(driver, "Practise, pasted script refused")
        .await?;

    go(driver, "history").await?;
    eventually("rows", || async {
        Ok((texts(driver, "#history-list .history-row").await?.len() >= 2).then_some(()))
    })
    .await?;
    audit.check(driver, "History, the list").await?;
    click(driver, "#history-list .history-row").await?;
    shown(driver, "#history-detail").await?;
    eventually("timeline", || async {
        Ok((!texts(driver, "#hd-timeline li").await?.is_empty()).then_some(()))
    })
    .await?;
    audit.check(driver, "History, an opportunity").await?;
    click(driver, "#hd-actions [data-action=note]").await?;
    shown(driver, "#hd-form").await?;
    audit.check(driver, "History, adding a note").await?;
    click(driver, "#hd-form-cancel").await?;
    click(driver, "#hd-actions [data-action=delete]").await?;
    shown(driver, "#hd-confirm").await?;
    audit
        .check(driver, "History, confirm moving to the trash")
        .await?;
    click(driver, "#hd-confirm-no").await?;
    // A file exported from another computer's history: the import asks first.
    let home = data_dir.parent().expect("HOME");
    let other = home.join("other-data");
    let file = home.join("other.json");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
    cli(
        &other,
        &[
            "history",
            "add",
            "--situation",
            &format!("{fixtures}/late-stage-phone.json"),
        ],
    );
    cli(
        &other,
        &[
            "history",
            "export",
            "--format",
            "json",
            "--out",
            &file.display().to_string(),
        ],
    );
    answer_file_dialog(driver, Some(&file)).await?;
    click(driver, "#history-import").await?;
    shown(driver, "#history-import-confirm").await?;
    audit.check(driver, "History, confirm an import").await?;
    click(driver, "#history-import-no").await?;
    type_into(driver, "#h-search", "no such company anywhere").await?;
    eventually("no rows", || async {
        Ok(texts(driver, "#history-list .history-row")
            .await?
            .is_empty()
            .then_some(()))
    })
    .await?;
    audit
        .check(driver, "History, a search that finds nothing")
        .await?;

    go(driver, "reminders").await?;
    eventually("groups", || async {
        Ok((texts(driver, ".rem-group").await?.len() >= 2).then_some(()))
    })
    .await?;
    // One reminder done: the "Done and dismissed" group, and a message with Undo.
    click(
        driver,
        "#rem-groups .rem-item[data-group=upcoming] [data-action=done]",
    )
    .await?;
    shown(driver, ".rem-item[data-group=closed]").await?;
    js(
        driver,
        "document.querySelectorAll('#rem-groups details').forEach(d => d.open = true)",
        vec![],
    )
    .await?;
    audit
        .check(driver, "Reminders, every group, a message with Undo")
        .await?;
    set_value(
        driver,
        "#rem-groups .rem-item[data-group=overdue] [data-action=snooze]",
        "pick",
    )
    .await?;
    shown(
        driver,
        "#rem-groups .rem-item[data-group=overdue] input[data-date]",
    )
    .await?;
    audit
        .check(driver, "Reminders, snooze until a date of your choice")
        .await?;
    press_keys(driver, Key::Escape).await?;
    click(driver, "#rem-new").await?;
    type_into(driver, "#rem-title", " ").await?;
    click(driver, "#rem-save").await?;
    shown(driver, "#rem-problem").await?;
    click(driver, "#rem-settings > summary").await?;
    audit
        .check(driver, "Reminders, new reminder refused, settings open")
        .await?;
    click(driver, "#rem-cancel").await?;

    read_what_they_sent(driver, audit).await?;

    go(driver, "about").await?;
    eventually("facts", || async {
        Ok((!texts(driver, "#about-facts dd").await?.is_empty()).then_some(()))
    })
    .await?;
    audit.check(driver, "About").await?;
    Ok(())
}

/// What the reader adds: Decide filled from a pasted invitation (with a choice of times and a
/// quote shown), a reply pasted on an opportunity, and a reply matched before it is recorded.
async fn read_what_they_sent(driver: &WebDriver, audit: &mut Audit) -> WebDriverResult<()> {
    go(driver, "history").await?;
    set_value(driver, "#h-search", "").await?;
    eventually("rows", || async {
        Ok((!texts(driver, "#history-list .history-row")
            .await?
            .is_empty())
        .then_some(()))
    })
    .await?;
    click(driver, "#history-list .history-row").await?;
    click(driver, "#hd-actions [data-action=reply]").await?;
    set_value(
        driver,
        "#hd-form textarea[name=body]",
        "Hi Sam,\n\nThanks for letting me know. Would you mind telling me what made you decide to withdraw?\n\nPriya",
    )
    .await?;
    click(driver, "#hd-form button[type=submit]").await?;
    shown(driver, "#hd-read").await?;
    audit
        .check(
            driver,
            "History, a pasted reply and the answer it calls for",
        )
        .await?;
    click(driver, "#history-paste-reply").await?;
    set_value(
        driver,
        "#history-reply-text",
        "From: Priya Natarajan <priya@acme.example>\nSubject: Re: Data Engineer interview\n\nNo problem at all, best of luck.\n\nPriya",
    )
    .await?;
    click(driver, "#history-reply-find").await?;
    shown(driver, "#history-reply-confirm").await?;
    audit
        .check(driver, "History, a pasted reply matched to its opportunity")
        .await?;
    click(driver, "#history-reply-cancel").await?;

    go(driver, "decide").await?;
    for _ in 0..4 {
        let step = js_text(
            driver,
            "return document.querySelector('[data-progress][aria-current=step]').dataset.progress",
        )
        .await?;
        if step == "situation" {
            break;
        }
        click(driver, "#decide-back").await?;
    }
    let day = |d: i64| (chrono::Local::now() + chrono::Duration::days(d)).format("%A %-d %B %Y");
    let invitation = format!(
        "Subject: Interview for the Logistics Planner role\n\nDear Sam,\n\nWe would like to invite you to an \
         interview for the Logistics Planner role at Harrowgate Freight.\n\nCould you do {} at 10:00 GMT, or {} at \
         15:00 GMT?\n\nKind regards,\n\nTomasz Wierzbicki\nHiring Manager\nHarrowgate Freight\n",
        day(8),
        day(9)
    );
    set_value(driver, "#read-text", &invitation).await?;
    click(driver, "#read-go").await?;
    shown(driver, "#read-options").await?;
    driver.find(By::Id("f-company")).await?.focus().await?;
    audit
        .check(
            driver,
            "Decide step 1, filled from a pasted invitation, a quote shown",
        )
        .await
}

/// The failure banner: the data folder replaced by a file while the window runs.
async fn failure(driver: &WebDriver, data_dir: &Path, audit: &mut Audit) -> WebDriverResult<()> {
    go(driver, "home").await?;
    std::fs::remove_dir_all(data_dir)?;
    std::fs::write(data_dir, "in the way")?;
    go(driver, "about").await?;
    eventually("error banner", || banner(driver)).await?;
    audit.check(driver, "About, the failure banner").await?;
    Ok(())
}

/// The folder for an audit's pictures: `$CARGO_TARGET_DIR/accessibility/<name>/`.
fn picture_dir(name: &str) -> PathBuf {
    report_path(name).with_file_name("accessibility").join(name)
}

/// The states whose pictures at 200% and in high contrast `make screenshots` keeps in
/// docs/screenshots/accessibility/: one of each screen, a dialog and a failure.
const DOC_STATES: [&str; 9] = [
    "Home, with the due-reminder banner",
    "Your details dialog",
    "Decide, the advice",
    "Compose, editing with proofreading findings",
    "Practise, timer running",
    "History, an opportunity",
    "Reminders, every group, a message with Undo",
    "About",
    "About, the failure banner",
];

/// Settings of the desktop the app runs in: animations off (prefers-reduced-motion).
fn reduced_motion(dir: &Path) {
    let gtk = dir.parent().expect("HOME").join(".config/gtk-3.0");
    std::fs::create_dir_all(&gtk).expect("gtk settings folder");
    std::fs::write(
        gtk.join("settings.ini"),
        "[Settings]\ngtk-enable-animations=false\n",
    )
    .expect("gtk settings");
}

/// Launches the app with `env`, walks every state in `mode` and writes the report `name`.
async fn audit(
    name: &str,
    env: &[(&str, &str)],
    mode: Mode,
    motion_off: bool,
) -> (Audit, PathBuf, Vec<bool>) {
    let app = App::launch_with(&format!("a11y-{name}"), env, |dir| {
        seed(dir);
        if motion_off {
            reduced_motion(dir);
        }
    })
    .await;
    let data_dir = app.data_dir.clone();
    let (audit, media) = app
        .run(|driver, shots| async move {
            driver
                .set_script_timeout(std::time::Duration::from_secs(60))
                .await?;
            let mut audit = Audit::new(mode);
            if mode != Mode::Full {
                let dir = picture_dir(name);
                let _ = std::fs::remove_dir_all(&dir);
                audit.shots = Some((shots, dir));
            }
            wait_for_screen(&driver, "home").await?;
            let media = js(
                &driver,
                "return ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)'].map((q) => matchMedia(q).matches)",
                vec![],
            )
            .await?;
            walk(&driver, &data_dir, &mut audit).await?;
            // What reduced motion changes: the prompter's beat fades and its smooth scrolling.
            let motion = js(
                &driver,
                "const b = document.querySelector('#practice-prompter .beat');
                 return [getComputedStyle(b).transitionDuration, getComputedStyle(document.getElementById('practice-prompter')).scrollBehavior].join(' ')",
                vec![],
            )
            .await?;
            failure(&driver, &data_dir, &mut audit).await?;
            let mut media: Vec<bool> = media
                .as_array()
                .map(|a| a.iter().map(|v| v.as_bool().unwrap_or(false)).collect())
                .unwrap_or_default();
            // Last: whether nothing moves (no transition, no smooth scrolling).
            media.push(motion.as_str() == Some("0s auto"));
            Ok((audit, media))
        })
        .await;
    let path = audit.write_report(name);
    assert!(
        audit.states.len() >= 25,
        "every state was audited: {}",
        audit.states.len()
    );
    (audit, path, media)
}

/// Nothing found, or the list with the report's path.
fn none(what: &str, list: &[String], path: &Path) {
    assert!(
        list.is_empty(),
        "{} {what} (report: {}):\n{}",
        list.len(),
        path.display(),
        list.join("\n")
    );
}

async fn audit_theme(theme: &str, env: &[(&str, &str)]) {
    let (audit, path, media) = audit(theme, env, Mode::Full, false).await;
    assert_eq!(
        media[0],
        theme == "dark",
        "the {theme} theme is the one in use"
    );
    let listed: usize = audit.controls.iter().map(|(_, l)| l.len()).sum();
    assert!(listed > 500, "controls were listed: {listed}");
    none(
        "controls without a name or with another's",
        &audit.name_problems(),
        &path,
    );
    none(
        &format!("axe violations in the {theme} theme"),
        &audit.violations(),
        &path,
    );
    none("texts under 4.5:1", &audit.contrast, &path);
    none("targets under 24×24 px", &audit.targets, &path);
}

/// At 200% (Ctrl + five times) in the 1120×760 window: the page is 560×380 CSS px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_at_200_percent_zoom() {
    let (audit, path, _) = audit("zoom-200", &[], Mode::Zoom, false).await;
    none("things that do not fit at 200%", &audit.layout, &path);
}

/// The GTK high-contrast theme (prefers-contrast: more) with animations off
/// (prefers-reduced-motion): axe and every text's contrast again, and a picture of each state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn high_contrast_and_reduced_motion_are_followed() {
    let (audit, path, media) = audit(
        "high-contrast",
        &[("GTK_THEME", "HighContrast")],
        Mode::HighContrast,
        true,
    )
    .await;
    assert_eq!(
        media,
        [false, true, true, true],
        "high contrast and reduced motion reach the page, and nothing fades or glides"
    );
    none(
        "axe violations in high contrast",
        &audit.violations(),
        &path,
    );
    none("texts under 4.5:1 in high contrast", &audit.contrast, &path);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_on_any_screen_in_the_light_theme() {
    audit_theme("light", &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_on_any_screen_in_the_dark_theme() {
    audit_theme("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
}

/// Records what the page's live regions say from now on: `[ms, region, text]` per change.
const LISTEN: &str = "window.__said = [];
    const live = '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]';
    new MutationObserver((records) => {
      const regions = new Set();
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const region = node?.closest(live);
        if (region) regions.add(region);
      }
      for (const region of regions) {
        const text = region.textContent.replace(/\\s+/g, ' ').trim();
        // Heard only when rendered: a region in a hidden screen says nothing.
        const heard = !region.closest('[hidden], [aria-hidden=true]') && (region.classList.contains('visually-hidden') || region.checkVisibility());
        if (text && heard)
          window.__said.push([Math.round(performance.now()), region.id || region.dataset.lintSummary !== undefined && 'lint-summary' || region.className, text.slice(0, 90)]);
      }
    }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden']});";

async fn said(driver: &WebDriver) -> WebDriverResult<Vec<(u64, String, String)>> {
    let v = js(
        driver,
        "const s = window.__said; window.__said = []; return s",
        vec![],
    )
    .await?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|r| {
                    (
                        r[0].as_u64().unwrap_or(0),
                        r[1].as_str().unwrap_or_default().to_owned(),
                        r[2].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default())
}

#[derive(Debug, Default)]
struct Announced {
    typing: Vec<(u64, String, String)>,
    search: Vec<(u64, String, String)>,
    practice: Vec<(u64, String, String)>,
    failure: Vec<(u64, String, String)>,
}

/// Results, countdowns and failures reach a screen reader through live regions, once each:
/// typing a name re-drafts three cards but does not read out three proofreads a keystroke.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_regions_announce_results_countdowns_and_errors_without_flooding() {
    let app = App::launch_with("a11y-live", &[], seed).await;
    let data_dir = app.data_dir.clone();
    let seen = app
        .run(|driver, _shots| async move {
            let mut seen = Announced::default();
            decide_to_advice(&driver).await?;
            compose_the_decision(&driver).await?;
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            js(&driver, LISTEN, vec![]).await?;
            let field = driver
                .find(By::Css("#compose-form [name=\"contact.name\"]"))
                .await?;
            field.send_keys(" Natarajan-Okafor").await?;
            tokio::time::sleep(std::time::Duration::from_secs(3)).await;
            seen.typing = said(&driver).await?;

            go(&driver, "history").await?;
            said(&driver).await?;
            type_into(&driver, "#h-search", "Acme").await?;
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            seen.search = said(&driver).await?;

            go(&driver, "compose").await?;
            click(
                &driver,
                ".draft-card[data-channel=phone] [data-action=practice]",
            )
            .await?;
            wait_for_screen(&driver, "practice").await?;
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            said(&driver).await?;
            click(&driver, "#practice-start").await?;
            tokio::time::sleep(std::time::Duration::from_secs(8)).await;
            click(&driver, "#practice-stop").await?;
            tokio::time::sleep(std::time::Duration::from_millis(800)).await;
            seen.practice = said(&driver).await?;

            std::fs::remove_dir_all(&data_dir)?;
            std::fs::write(&data_dir, "in the way")?;
            go(&driver, "about").await?;
            eventually("error banner", || banner(&driver)).await?;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            seen.failure = said(&driver).await?;
            Ok(seen)
        })
        .await;
    // Typing seventeen characters: at most one word per card, and nothing said twice running.
    let repeats = |list: &[(u64, String, String)]| {
        list.windows(2)
            .filter(|w| w[0].1 == w[1].1 && w[0].2 == w[1].2)
            .count()
    };
    assert!(
        seen.typing.len() <= 3,
        "typing a name says at most one thing per card: {:?}",
        seen.typing
    );
    assert_eq!(repeats(&seen.typing), 0, "{:?}", seen.typing);
    assert!(
        seen.search
            .iter()
            .any(|(_, r, t)| r == "history-count" && t.contains("match")),
        "the search's result count is announced: {:?}",
        seen.search
    );
    assert!(
        seen.search.len() <= 2,
        "once per search, not per keystroke: {:?}",
        seen.search
    );
    let countdown: Vec<&str> = seen
        .practice
        .iter()
        .filter(|(_, r, _)| r == "practice-live")
        .map(|(_, _, t)| t.as_str())
        .collect();
    assert_eq!(
        &countdown[..4],
        ["3", "2", "1", "Go"],
        "the countdown is announced: {:?}",
        seen.practice
    );
    assert!(
        countdown.len() <= 6 && countdown.last().is_some_and(|t| t.starts_with("Stopped")),
        "eight seconds of the clock are not read out second by second: {:?}",
        seen.practice
    );
    assert!(
        seen.practice
            .iter()
            .any(|(_, r, t)| r == "practice-feedback" && t.starts_with("Saved the run")),
        "the saved run is announced: {:?}",
        seen.practice
    );
    assert!(
        !seen.practice.iter().any(|(_, r, _)| r == "reminder-banner"),
        "the due-reminder alert is not read out again when nothing in it changed: {:?}",
        seen.practice
    );
    assert_eq!(
        seen.failure
            .iter()
            .filter(|(_, r, _)| r == "error-banner")
            .count(),
        1,
        "the failure is announced once: {:?}",
        seen.failure
    );
}

/// The one state a walk cannot reach: a damaged history file, and the panel that offers a way out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_damaged_history_panel_passes_axe_in_both_themes() {
    for (theme, env) in [
        ("light", vec![]),
        ("dark", vec![("GTK_THEME", "Adwaita:dark")]),
    ] {
        let app = App::launch_with(&format!("a11y-damaged-{theme}"), &env, |dir| {
            std::fs::create_dir_all(dir).expect("data folder");
            std::fs::write(dir.join("politely.db"), b"definitely not SQLite").expect("garbage");
        })
        .await;
        let (run, contrast, names) = app
            .run(|driver, _shots| async move {
                driver
                    .set_script_timeout(std::time::Duration::from_secs(60))
                    .await?;
                wait_for_screen(&driver, "home").await?;
                // Opening a damaged file can take a while on a busy machine; a person would
                // look again (Home, then History) if the first look showed nothing yet.
                let panel = "return !document.getElementById('history-recover').hidden";
                let mut shown_now = false;
                for _ in 0..3 {
                    go(&driver, "history").await?;
                    shown_now = eventually_within("the recovery panel", std::time::Duration::from_secs(15), || async {
                        Ok(js(&driver, panel, vec![]).await?.as_bool().filter(|s| *s).map(|_| ()))
                    })
                    .await
                    .is_ok();
                    if shown_now {
                        break;
                    }
                    go(&driver, "home").await?;
                }
                if !shown_now {
                    let state = js(&driver, "return [document.getElementById('history-count').textContent, document.getElementById('error-banner').hidden ? '' : document.getElementById('error-text').textContent, [...document.querySelectorAll('[data-feedback].shown')].map((f) => f.textContent)]", vec![]).await?;
                    return Err(WebDriverError::Timeout(format!("no recovery panel in the {theme} theme; the page showed {state}")));
                }
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                Ok((
                    axe_run(&driver).await?,
                    contrast_failures(&driver).await?,
                    controls(&driver).await?,
                ))
            })
            .await;
        assert!(run.violations.is_empty(), "{theme}: {:#?}", run.violations);
        assert!(contrast.is_empty(), "{theme}: {contrast:#?}");
        assert!(
            names
                .iter()
                .any(|(_, n, _)| n == "Restore the newest backup"),
            "the way out is named: {names:?}"
        );
    }
}
