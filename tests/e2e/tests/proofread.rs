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
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=compose]").await?;
            wait_for_screen(&driver, "compose").await?;
            type_into(&driver, "#compose-form [name=company]", "Lumen Health").await?;
            type_into(&driver, "#compose-form [name=role]", "Product Manager").await?;
            type_into(&driver, "#compose-form [name=\"contact.name\"]", "Dana Okafor").await?;
            type_into(&driver, "#compose-form [name=\"sender.name\"]", "Sam Lee").await?;
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
            seen.copied = eventually("copied", || async {
                let v = js_text(&driver, "const n = document.getElementById('notice'); return n.hidden ? '' : document.getElementById('notice-text').textContent").await?;
                Ok((!v.is_empty()).then_some(v))
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
