//! Proofread in the real window: findings beside the draft, highlighted in the editor, a click
//! jumps to the span, a suggestion applies in one click, the send checklist ticks, and a draft
//! with errors asks before it is copied.

use politely_e2e::*;

const EMAIL: &str = ".draft-card[data-channel=email]";

#[derive(Debug, Default)]
struct Seen {
    clean_summary: String,
    checklist: Vec<String>,
    rules: Vec<String>,
    marks: Vec<String>,
    selected: String,
    fixed: String,
    confirm: String,
    copied: String,
}

/// From Home to Compose.
async fn open_compose(driver: &WebDriver) -> WebDriverResult<()> {
    wait_for_screen(driver, "home").await?;
    click(driver, ".nav-item[data-nav=compose]").await?;
    wait_for_screen(driver, "compose").await
}

/// The opportunity every proofreading test drafts for.
async fn type_the_opportunity(driver: &WebDriver) -> WebDriverResult<()> {
    type_into(driver, "#compose-form [name=company]", "Lumen Health").await?;
    type_into(driver, "#compose-form [name=role]", "Product Manager").await?;
    type_into(
        driver,
        "#compose-form [name=\"contact.name\"]",
        "Dana Okafor",
    )
    .await
}

/// The "N ignored" line of the email card's findings ('' when none are ignored).
async fn ignored_line(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        &format!("const l = document.querySelector('{EMAIL} [data-findings] li.ignored'); return l ? l.textContent : ''"),
    )
    .await
}

async fn summary(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        &format!("return document.querySelector('{EMAIL} [data-lint-summary]').textContent"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn findings_highlight_jump_fix_and_guard_sending() {
    let app = App::launch("proofread").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Seen::default();
            open_compose(&driver).await?;
            type_the_opportunity(&driver).await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Sam Lee")]).await?;
            // Politely's own draft has nothing to fix.
            seen.clean_summary = eventually("the proofread summary", || async {
                let s = summary(&driver).await?;
                Ok((s != "Proofreading…").then_some(s))
            })
            .await?;
            seen.checklist = texts(&driver, &format!("{EMAIL} [data-checklist] li.done")).await?;

            // A curt rewrite with a typo: findings, highlights.
            click(&driver, &format!("{EMAIL} [data-action=edit]")).await?;
            set_value(&driver, &format!("{EMAIL} [data-edit]"), "Hi Dana,\n\nNo thanks. Its not teh job for me.\n\nSam").await?;
            seen.rules = eventually("findings for the rewrite", || async {
                let r = js(&driver, &format!("return [...document.querySelectorAll('{EMAIL} [data-findings] li')].map(l => l.dataset.rule)"), vec![]).await?;
                let rules: Vec<String> = r.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
                Ok(rules.contains(&"terse".to_owned()).then_some(rules))
            })
            .await?;
            seen.marks = texts(&driver, &format!("{EMAIL} [data-highlights] mark")).await?;
            seen.marks = js(&driver, &format!("return [...document.querySelectorAll('{EMAIL} [data-highlights] mark')].map(m => m.className + ':' + m.textContent)"), vec![]).await?
                .as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
            shots.take(&driver, "proofread-findings").await?;

            // A click on the finding selects its words in the editor.
            click(&driver, &format!("{EMAIL} [data-findings] li[data-rule=terse] .finding-jump")).await?;
            seen.selected = js_text(&driver, &format!("const e = document.querySelector('{EMAIL} [data-edit]'); return e.value.slice(e.selectionStart, e.selectionEnd)")).await?;

            // The spelling suggestion applies in one click.
            click(&driver, &format!("{EMAIL} [data-findings] li[data-rule=spelling] .apply")).await?;
            seen.fixed = eventually("the fix", || async {
                let v = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-edit]').value")).await?;
                Ok(v.contains("the job").then_some(v))
            })
            .await?;

            // Errors left: copying asks first.
            click(&driver, &format!("{EMAIL} [data-action=copy]")).await?;
            seen.confirm = eventually("the question", || async {
                let v = js_text(&driver, &format!("const c = document.querySelector('{EMAIL} [data-confirm]'); return c.hidden ? '' : c.textContent")).await?;
                Ok(v.contains("to fix").then_some(v))
            })
            .await?;
            shots.take(&driver, "proofread-confirm").await?;
            click(&driver, &format!("{EMAIL} [data-confirm] button")).await?;
            // Wait for the copy's own notice: an earlier one ("Saved your details") may still show.
            seen.copied = eventually("copied", || async {
                let v = visible_notice(&driver).await?;
                Ok(v.starts_with("Copied").then_some(v))
            })
            .await?;
            Ok(seen)
        })
        .await;

    assert_eq!(
        seen.clean_summary, "Nothing to fix",
        "Politely's own draft lints clean"
    );
    assert!(
        seen.checklist
            .iter()
            .any(|c| c == "Thanks in the opening line"),
        "checklist ticks: {:?}",
        seen.checklist
    );
    assert!(
        seen.checklist
            .iter()
            .any(|c| c == "Decision stated clearly and early"),
        "{:?}",
        seen.checklist
    );
    for rule in ["terse", "spelling"] {
        assert!(
            seen.rules.contains(&rule.to_owned()),
            "{rule} listed: {:?}",
            seen.rules
        );
    }
    assert!(
        seen.marks.iter().any(|m| m == "error:No thanks"),
        "the curt words are highlighted as an error: {:?}",
        seen.marks
    );
    assert_eq!(
        seen.selected, "No thanks",
        "clicking the finding selects its span"
    );
    assert!(seen.fixed.contains("not the job for me"), "{}", seen.fixed);
    assert!(
        seen.confirm.contains("to fix before it goes out"),
        "{}",
        seen.confirm
    );
    assert_eq!(seen.copied, "Copied the body.");
}

#[derive(Debug, Default)]
struct Follows {
    saved_before: bool,
    saved_after: bool,
    saved_after_swap: bool,
    swapped: bool,
    after_use: Vec<String>,
    decision_after_use: bool,
    titles: Vec<String>,
    export_gate: String,
    copy_gate: String,
    after_discard: Vec<String>,
    decision_after_discard: bool,
    after_undo: Vec<String>,
}

async fn rules(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let r = js(driver, &format!("return [...document.querySelectorAll('{EMAIL} [data-findings] li')].map(l => l.dataset.rule)"), vec![]).await?;
    Ok(r.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

async fn check_done(driver: &WebDriver, id: &str) -> WebDriverResult<Option<bool>> {
    let v = js(
        driver,
        &format!("const p = document.querySelector('{EMAIL} [data-proofread]'); if (p.dataset.stale === 'true') return null;
                  const li = document.querySelector('{EMAIL} [data-checklist] li[data-check={id}]'); return li ? li.classList.contains('done') : null"),
        vec![],
    )
    .await?;
    Ok(v.as_bool())
}

/// Waits for a proofread of the text on screen (not one of an earlier text), then returns `probe`.
async fn settled<T, F, Fut>(driver: &WebDriver, what: &str, mut probe: F) -> WebDriverResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = WebDriverResult<Option<T>>>,
{
    eventually_within(what, std::time::Duration::from_secs(20), || {
        let fut = probe();
        async move {
            let fresh = js(driver, &format!("return document.querySelector('{EMAIL} [data-proofread]').dataset.stale !== 'true' && document.querySelector('{EMAIL} [data-lint-summary]').textContent !== 'Proofreading…'"), vec![]).await?;
            if fresh.as_bool() != Some(true) {
                return Ok(None);
            }
            fut.await
        }
    })
    .await
}

/// The findings and the send checklist follow the text whatever changed it — a phrasing swap,
/// Use of a saved template, Discard edits and its Undo — and "a copy saved" is ticked only for
/// the very text that was saved. The gate names what the click does ("Export anyway"), and the
/// tooltips name rules by their titles.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proofreading_follows_the_text_whatever_changed_it() {
    let app = App::launch("proofread-follows").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Follows::default();
            open_compose(&driver).await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Sam Lee")]).await?;
            type_the_opportunity(&driver).await?;
            seen.saved_before = settled(&driver, "the first proofread", || check_done(&driver, "details")).await?;

            click(&driver, &format!("{EMAIL} [data-action=save]")).await?;
            seen.saved_after = settled(&driver, "ticked once saved", || async {
                Ok(check_done(&driver, "details").await?.filter(|done| *done))
            })
            .await?;

            let before = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-view]').textContent")).await?;
            click(&driver, &format!("{EMAIL} [data-block=gratitude]")).await?;
            seen.swapped = eventually("another phrasing", || async {
                let now = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-view]').textContent")).await?;
                Ok((now != before).then_some(true))
            })
            .await?;
            seen.saved_after_swap = settled(&driver, "the swapped text proofread", || check_done(&driver, "details")).await?;

            // One of the user's templates with no decision in it.
            click(&driver, "#ut-panel > summary").await?;
            click(&driver, "#ut-new").await?;
            type_into(&driver, "#ut-name", "Just thanks").await?;
            type_into(&driver, "#ut-subject", "Product Manager role — Sam Lee").await?;
            set_value(&driver, "#ut-body", "Hi {{ contact.first_name }},\n\nThank you so much for thinking of me and for your time.\n\nBest regards,\n{{ sender.name }}").await?;
            click(&driver, "#ut-save").await?;
            click(&driver, "#ut-list li [data-action=use]").await?;
            seen.after_use = settled(&driver, "the template proofread", || async {
                let r = rules(&driver).await?;
                Ok(r.contains(&"no-decision".to_owned()).then_some(r))
            })
            .await?;
            seen.decision_after_use = check_done(&driver, "decision").await?.unwrap_or(true);
            seen.titles = js(&driver, &format!("return [...document.querySelectorAll('{EMAIL} .finding-jump')].map(b => b.title)"), vec![]).await?
                .as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
            js(&driver, &format!("document.querySelector('{EMAIL} [data-findings]').scrollIntoView({{block: 'center'}})"), vec![]).await?;
            shots.take(&driver, "proofread-after-template").await?;

            click(&driver, &format!("{EMAIL} [data-action=txt]")).await?;
            seen.export_gate = eventually("the export's question", || async {
                let t = js_text(&driver, &format!("const c = document.querySelector('{EMAIL} [data-confirm]'); return c.hidden ? '' : c.textContent")).await?;
                Ok(t.contains("to fix").then_some(t))
            })
            .await?;
            shots.take(&driver, "proofread-export-anyway").await?;
            click(&driver, &format!("{EMAIL} [data-confirm] button.primary")).await?; // Review first
            click(&driver, &format!("{EMAIL} [data-action=copy]")).await?;
            seen.copy_gate = eventually("the copy's question", || async {
                let t = js_text(&driver, &format!("const c = document.querySelector('{EMAIL} [data-confirm]'); return c.hidden ? '' : c.textContent")).await?;
                Ok(t.contains("to fix").then_some(t))
            })
            .await?;
            click(&driver, &format!("{EMAIL} [data-confirm] button.primary")).await?;

            click(&driver, &format!("{EMAIL} [data-action=edit]")).await?; // Discard edits
            seen.after_discard = settled(&driver, "the draft proofread again", || async {
                let r = rules(&driver).await?;
                Ok((!r.contains(&"no-decision".to_owned())).then_some(r))
            })
            .await?;
            seen.decision_after_discard = check_done(&driver, "decision").await?.unwrap_or(false);
            notice_action(&driver).await?; // Undo
            seen.after_undo = settled(&driver, "the template's text proofread again", || async {
                let r = rules(&driver).await?;
                Ok(r.contains(&"no-decision".to_owned()).then_some(r))
            })
            .await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    assert!(!seen.saved_before, "a new, unsaved text has no copy saved");
    assert!(seen.saved_after, "saved: ticked");
    assert!(seen.swapped);
    assert!(
        !seen.saved_after_swap,
        "a phrasing swap makes a new, unsaved text"
    );
    assert!(
        !seen.decision_after_use,
        "a template with no decision does not tick “Decision stated clearly”: {:?}",
        seen.after_use
    );
    for title in &seen.titles {
        assert!(
            !["no-decision", "terse", "no-closing", "no-gratitude"]
                .iter()
                .any(|id| title.contains(id)),
            "tooltips name the rule by its title: {title}"
        );
    }
    assert!(
        seen.titles
            .iter()
            .any(|t| t.starts_with("No clear decision: ")),
        "{:?}",
        seen.titles
    );
    assert!(
        seen.export_gate.contains("Export anyway") && !seen.export_gate.contains("Send anyway"),
        "{}",
        seen.export_gate
    );
    assert!(
        seen.copy_gate.contains("Copy anyway") && !seen.copy_gate.contains("Send anyway"),
        "{}",
        seen.copy_gate
    );
    assert!(
        seen.decision_after_discard,
        "Discard edits: the draft's findings, not the template's: {:?}",
        seen.after_discard
    );
    assert!(
        seen.after_undo.contains(&"no-decision".to_owned()),
        "Undo: the template's findings again"
    );
}

#[derive(Debug, Default)]
struct Ignored {
    before: Vec<String>,
    after_ignore: Vec<String>,
    ignored_line: String,
    after_typing: Vec<String>,
    ignored_after_typing: String,
    after_show_again: Vec<String>,
}

/// "Ignore" sets one finding aside for this draft: it leaves the list (counted as ignored), stays
/// away while the user types elsewhere, and "Show again" brings it back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ignored_finding_stays_ignored_for_its_draft_until_shown_again() {
    let app = App::launch("proofread-ignore").await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Ignored::default();
            open_compose(&driver).await?;
            type_the_opportunity(&driver).await?;
            settled(&driver, "the first proofread", || async { Ok(Some(())) }).await?;
            click(&driver, &format!("{EMAIL} [data-action=edit]")).await?;
            let text = "Hi Dana,\n\nThank you for the invitation to interview. No thanks, I am withdrawing my application.\n\nSam";
            set_value(&driver, &format!("{EMAIL} [data-edit]"), text).await?;
            seen.before = settled(&driver, "findings for the rewrite", || async {
                let r = rules(&driver).await?;
                Ok(r.contains(&"terse".to_owned()).then_some(r))
            })
            .await?;
            click(&driver, &format!("{EMAIL} [data-findings] li[data-rule=terse] .ignore")).await?;
            seen.after_ignore = settled(&driver, "terse set aside", || async {
                let r = rules(&driver).await?;
                Ok((!r.contains(&"terse".to_owned())).then_some(r))
            })
            .await?;
            seen.ignored_line = ignored_line(&driver).await?;
            shots.take(&driver, "proofread-ignored").await?;

            // Typing elsewhere in the same draft does not bring it back.
            set_value(&driver, &format!("{EMAIL} [data-edit]"), &format!("{text}\n\nBest wishes for the search.")).await?;
            seen.after_typing = settled(&driver, "the proofread of the longer text", || async {
                let v = js_text(&driver, &format!("return document.querySelector('{EMAIL} [data-edit]').value")).await?;
                if !v.contains("Best wishes") {
                    return Ok(None);
                }
                Ok(Some(rules(&driver).await?))
            })
            .await?;
            seen.ignored_after_typing = ignored_line(&driver).await?;

            click(&driver, &format!("{EMAIL} [data-findings] li.ignored .unignore")).await?;
            seen.after_show_again = settled(&driver, "terse shown again", || async {
                let r = rules(&driver).await?;
                Ok(r.contains(&"terse".to_owned()).then_some(r))
            })
            .await?;
            Ok(seen)
        })
        .await;

    assert!(
        seen.before.contains(&"terse".to_owned()),
        "{:?}",
        seen.before
    );
    assert!(
        !seen.after_ignore.contains(&"terse".to_owned()),
        "{:?}",
        seen.after_ignore
    );
    assert!(
        seen.ignored_line.starts_with("1 ignored"),
        "{:?}",
        seen.ignored_line
    );
    assert!(
        !seen.after_typing.contains(&"terse".to_owned()),
        "still ignored after typing elsewhere: {:?}",
        seen.after_typing
    );
    assert!(
        seen.ignored_after_typing.starts_with("1 ignored"),
        "{:?}",
        seen.ignored_after_typing
    );
    assert!(seen.after_show_again.contains(&"terse".to_owned()));
}
