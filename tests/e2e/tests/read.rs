//! Reading what they sent, through the real window: an invitation pasted (or an .eml dropped)
//! into Decide fills the wizard with its evidence; a reply pasted in History is recorded, says
//! what it asks and opens the matching answer in Compose.

use politely_e2e::*;

/// An invitation with the interview ten days from the real clock (pasted text has no date of
/// its own, so the reader takes "now" from the clock too).
fn invitation_text() -> String {
    let day = (chrono::Local::now() + chrono::Duration::days(10)).format("%A %-d %B %Y");
    format!(
        "Subject: Interview invitation – Senior Data Analyst\n\nHi Sam,\n\nThank you for your application. \
         We would like to invite you to interview for the Senior Data Analyst position at Quillmere Analytics.\n\n\
         Date: {day}\nTime: 2:30pm CET\n\nBest regards,\n\nHannah Whitcombe\nTalent Acquisition Partner\n\
         Quillmere Analytics\nhannah.whitcombe@quillmere-analytics.com\n"
    )
}

/// The same kind of invitation as an .eml, written two hours ago, offering two times.
fn invitation_eml() -> String {
    let sent = (chrono::Local::now() - chrono::Duration::hours(2)).to_rfc2822();
    let first = (chrono::Local::now() + chrono::Duration::days(8)).format("%A %-d %B %Y");
    let second = (chrono::Local::now() + chrono::Duration::days(9)).format("%A %-d %B %Y");
    format!(
        "From: Tomasz Wierzbicki <t.wierzbicki@harrowgate-freight.example>\r\nTo: Sam Carter <sam@example.com>\r\n\
         Subject: Interview for the Logistics Planner role\r\nDate: {sent}\r\nMessage-ID: <inv-1@harrowgate-freight.example>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         Dear Sam,\r\n\r\nThank you for applying to Harrowgate Freight. We would like to invite you to an interview for the =\r\n\
         Logistics Planner role.\r\n\r\nCould you do {first} at 10:00 GMT, or {second} at 15:00 GMT?\r\n\r\n\
         Kind regards,\r\n\r\nTomasz Wierzbicki\r\nHiring Manager\r\nHarrowgate Freight\r\n"
    )
}

#[derive(Debug, Default)]
struct Filled {
    summary: String,
    values: serde_json::Value,
    marks: Vec<String>,
    company_title: String,
    company_described: bool,
    evidence_hidden_at_rest: bool,
    evidence_shown_on_focus: bool,
    corrected_marks: usize,
    step_after_next: String,
    saved_before_next: String,
    dropped_summary: String,
    dropped: serde_json::Value,
    dropped_options: Vec<String>,
    picked_interview: String,
}

const VALUES: &str = "const f = document.getElementById('decide-form').elements;
    return Object.fromEntries(['company', 'role', 'contact.name', 'contact.email', 'contact.title', 'stage',
      'origin_channel', 'interview_at', 'invited_at'].map((n) => [n, f.namedItem(n).value]))";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_pasted_or_dropped_fills_decide_with_its_evidence() {
    let app = App::launch("read-decide").await;
    let data_dir = app.data_dir.clone();
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Filled::default();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            let before = js(&driver, VALUES, vec![]).await?;
            set_value(&driver, "#read-text", &invitation_text()).await?;
            click(&driver, "#read-go").await?;
            seen.summary = eventually("the read summary", || async {
                let t = js_text(&driver, "return document.getElementById('read-feedback').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            seen.values = js(&driver, VALUES, vec![]).await?;
            seen.values["invited_before"] = before["invited_at"].clone();
            seen.marks = texts(&driver, "#decide-form .from-message .from-tag").await?;
            seen.company_title = js_text(&driver, "return document.getElementById('f-company').title").await?;
            seen.company_described = js(
                &driver,
                "const d = document.getElementById('f-company').getAttribute('aria-describedby') ?? '';
                 const note = document.getElementById('f-company-from');
                 return d.split(' ').includes('f-company-from') && note.textContent.includes('Quillmere Analytics')",
                vec![],
            )
            .await?
            .as_bool()
            .unwrap_or(false);
            let display = "return getComputedStyle(document.querySelector('#f-role-from .from-evidence')).display";
            seen.evidence_hidden_at_rest = js_text(&driver, display).await? == "none";
            driver.find(By::Id("f-role")).await?.focus().await?;
            seen.evidence_shown_on_focus = js_text(&driver, display).await? != "none";
            // The picture starts at the pasted message, the filled fields under it.
            js(&driver, "document.getElementById('read-box').scrollIntoView({ block: 'start' })", vec![]).await?;
            shots.take(&driver, "read-filled").await?;
            // A correction is the user's own value: its mark goes, the others stay.
            let marks = seen.marks.len();
            type_into(&driver, "#f-role", "Lead Data Analyst").await?;
            seen.corrected_marks = marks - texts(&driver, "#decide-form .from-message .from-tag").await?.len();
            seen.saved_before_next = cli(&data_dir, &["history", "list", "--json"]);
            click(&driver, "#decide-next").await?;
            seen.step_after_next = eventually("the next step", || async {
                let s = js_text(&driver, "return document.querySelector('[data-progress][aria-current=step]').dataset.progress").await?;
                Ok((s != "situation").then_some(s))
            })
            .await
            .unwrap_or_else(|_| "situation".into());

            // Back, clear the interview date, then drop an .eml on the step (a drop the page
            // receives as a user's would): the fields it states replace what was there.
            click(&driver, "#decide-back").await?;
            set_value(&driver, "#f-interview-at", "").await?;
            js(
                &driver,
                "const step = document.querySelector('[data-step=situation]');
                 const data = new DataTransfer();
                 data.items.add(new File([arguments[0]], 'invitation.eml', { type: 'message/rfc822' }));
                 step.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
                 step.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));",
                vec![invitation_eml().into()],
            )
            .await?;
            seen.dropped_summary = eventually("the dropped file's summary", || async {
                let t = js_text(&driver, "return document.getElementById('read-feedback').textContent").await?;
                Ok(t.contains("invitation.eml").then_some(t))
            })
            .await?;
            seen.dropped = js(&driver, VALUES, vec![]).await?;
            seen.dropped_options = texts(&driver, "#read-options-list label").await?;
            // The focused Company's quote hides as the click takes the focus: nothing moves, so
            // the click lands on the time it was aimed at.
            click(&driver, "#read-options-list label").await?;
            seen.picked_interview = js_text(&driver, "return document.getElementById('f-interview-at').value").await?;
            shots.take(&driver, "read-options").await?;
            Ok(seen)
        })
        .await;

    let v = &seen.values;
    assert!(
        seen.summary.starts_with("Filled 8 fields from the message"),
        "{seen:?}"
    );
    assert!(
        seen.summary.contains("nothing is saved until you go on"),
        "{}",
        seen.summary
    );
    assert_eq!(v["company"], "Quillmere Analytics", "{v}");
    assert_eq!(v["role"], "Senior Data Analyst", "{v}");
    assert_eq!(v["contact.name"], "Hannah Whitcombe", "{v}");
    assert_eq!(
        v["contact.email"], "hannah.whitcombe@quillmere-analytics.com",
        "{v}"
    );
    assert_eq!(v["contact.title"], "Talent Acquisition Partner", "{v}");
    assert_eq!(v["origin_channel"], "email", "{v}");
    assert_ne!(v["interview_at"], "", "the interview date is filled: {v}");
    assert_eq!(
        v["invited_at"], v["invited_before"],
        "pasted text has no date: the field stays as it was"
    );
    assert_eq!(
        seen.marks.len(),
        8,
        "every filled field is marked: {:?}",
        seen.marks
    );
    assert!(
        seen.marks.iter().all(|m| m == "From the message"),
        "{:?}",
        seen.marks
    );
    assert!(
        seen.company_title.starts_with("From the message: “")
            && seen.company_title.contains("Quillmere Analytics"),
        "the evidence on hover: {}",
        seen.company_title
    );
    assert!(
        seen.company_described,
        "the evidence is the field's description, for screen readers"
    );
    assert!(
        seen.evidence_hidden_at_rest && seen.evidence_shown_on_focus,
        "the quote shows on focus"
    );
    assert_eq!(
        seen.corrected_marks, 1,
        "a corrected field loses its mark, only it"
    );
    assert!(
        !seen.saved_before_next.contains("Quillmere"),
        "reading saves nothing: {}",
        seen.saved_before_next
    );
    assert_eq!(
        seen.step_after_next, "reasons",
        "the filled step is valid: Next goes on"
    );

    assert!(
        seen.dropped_summary.starts_with("Read “invitation.eml”."),
        "{}",
        seen.dropped_summary
    );
    assert!(
        seen.dropped_summary
            .contains("They offer 2 interview times"),
        "{}",
        seen.dropped_summary
    );
    let d = &seen.dropped;
    assert_eq!(d["company"], "Harrowgate Freight", "{d}");
    assert_eq!(d["role"], "Logistics Planner", "{d}");
    assert_eq!(
        d["contact.email"], "t.wierzbicki@harrowgate-freight.example",
        "{d}"
    );
    assert_ne!(
        d["invited_at"], "",
        "the e-mail's Date fills Invitation received: {d}"
    );
    assert_eq!(
        d["interview_at"], "",
        "two times offered: none is picked for the user: {d}"
    );
    assert_eq!(seen.dropped_options.len(), 2, "{:?}", seen.dropped_options);
    assert!(
        !seen.picked_interview.is_empty(),
        "picking a time fills the interview date"
    );
}

#[derive(Debug, Default)]
struct Replied {
    status: String,
    said: String,
    compose_button: String,
    compose_scenario: String,
    compose_company: String,
    compose_origin: String,
    match_line: String,
    replies_after_match: usize,
    other_said: String,
    other_compose_hidden: bool,
}

async fn wait_status(driver: &WebDriver, expected: &str) -> WebDriverResult<String> {
    eventually(&format!("status {expected}"), || async {
        let s = js_text(
            driver,
            "return document.getElementById('hd-status').textContent",
        )
        .await?;
        Ok(s.starts_with(expected).then_some(s))
    })
    .await
}

async fn entry(driver: &WebDriver, action: &str, body: &str) -> WebDriverResult<()> {
    click(driver, &format!("#hd-actions [data-action={action}]")).await?;
    set_value(driver, "#hd-form textarea[name=body]", body).await?;
    click(driver, "#hd-form button[type=submit]").await
}

async fn read_said(driver: &WebDriver) -> WebDriverResult<String> {
    eventually("what the reply asks", || async {
        let shown = js(
            driver,
            "return !document.getElementById('hd-read').hidden",
            vec![],
        )
        .await?;
        let t = js_text(
            driver,
            "return document.getElementById('hd-read-text').textContent",
        )
        .await?;
        Ok((shown.as_bool() == Some(true) && !t.is_empty()).then_some(t))
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_reply_is_recorded_and_opens_the_matching_answer() {
    let app = App::launch_with("read-history", &[], |data_dir| {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/situations");
        for name in ["email-decline", "linkedin-undecided"] {
            cli(
                data_dir,
                &[
                    "history",
                    "add",
                    "--situation",
                    &format!("{fixtures}/{name}.json"),
                ],
            );
        }
    })
    .await;
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = Replied::default();
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=history]").await?;
            eventually("the Acme row", || async {
                Ok(texts(&driver, "#history-list .history-row strong")
                    .await?
                    .iter()
                    .any(|r| r.starts_with("Acme Robotics"))
                    .then_some(()))
            })
            .await?;
            js(
                &driver,
                "[...document.querySelectorAll('#history-list .history-row')].find((b) => b.textContent.includes('Acme')).click()",
                vec![],
            )
            .await?;
            entry(&driver, "message", "Thank you for the invitation; I have decided to withdraw.").await?;
            wait_status(&driver, "Declined").await?;
            entry(
                &driver,
                "reply",
                "Hi Sam,\n\nThanks for letting me know, and sorry to hear it. Would you mind telling me what made \
                 you decide to withdraw? It would really help us.\n\nBest,\nPriya\n",
            )
            .await?;
            seen.status = wait_status(&driver, "Replied").await?;
            seen.said = read_said(&driver).await?;
            seen.compose_button = driver.find(By::Id("hd-read-compose")).await?.text().await?;
            shots.take(&driver, "read-reply").await?;
            click(&driver, "#hd-read-compose").await?;
            wait_for_screen(&driver, "compose").await?;
            seen.compose_scenario = js_text(&driver, "return document.getElementById('compose-scenario').value").await?;
            seen.compose_company =
                js_text(&driver, "return document.querySelector('#compose-form [name=company]').value").await?;
            seen.compose_origin = js_text(&driver, "return document.getElementById('compose-origin').textContent").await?;
            shots.take(&driver, "read-reply-compose").await?;

            // A reply pasted on its own, in the toolbar: matched, confirmed, then recorded there.
            click(&driver, ".nav-item[data-nav=history]").await?;
            click(&driver, "#history-paste-reply").await?;
            let sent = (chrono::Local::now() - chrono::Duration::hours(1)).to_rfc2822();
            let eml = format!(
                "From: Priya Natarajan <priya@acme.example>\r\nTo: Sam <sam@example.com>\r\nSubject: Following up\r\n\
                 Date: {sent}\r\nMessage-ID: <r2@acme.example>\r\nMIME-Version: 1.0\r\n\
                 Content-Type: text/plain; charset=utf-8\r\n\r\nHi Sam,\r\n\r\nNo problem at all, thank you for letting \
                 me know. Best of luck with everything.\r\n\r\nPriya\r\n"
            );
            set_value(&driver, "#history-reply-text", &eml).await?;
            click(&driver, "#history-reply-find").await?;
            seen.match_line = eventually("the match", || async {
                let t = js_text(&driver, "return document.getElementById('history-reply-match').textContent").await?;
                Ok((!t.is_empty()).then_some(t))
            })
            .await?;
            click(&driver, "#history-reply-yes").await?;
            seen.other_said = eventually("what the second reply asks", || async {
                let t = read_said(&driver).await?;
                Ok((!t.contains("ask why")).then_some(t))
            })
            .await?;
            seen.other_compose_hidden = js(&driver, "return document.getElementById('hd-read-compose').hidden", vec![])
                .await?
                .as_bool()
                .unwrap_or(false);
            seen.replies_after_match = eventually("two replies in the timeline", || async {
                let n = driver.find_all(By::Css("#hd-timeline li[data-kind=reply]")).await?.len();
                Ok((n == 2).then_some(n))
            })
            .await
            .unwrap_or(0);
            Ok(seen)
        })
        .await;

    assert!(seen.status.starts_with("Replied"), "{seen:?}");
    assert!(
        seen.said
            .starts_with("Recorded their reply. They ask why you declined."),
        "{}",
        seen.said
    );
    assert!(
        seen.said
            .contains("Reply to pushback: keep details private"),
        "{}",
        seen.said
    );
    assert_eq!(seen.compose_button, "Write the answer in Compose");
    assert_eq!(
        seen.compose_scenario, "pushback_private",
        "Compose opens the matching answer"
    );
    assert_eq!(seen.compose_company, "Acme Robotics");
    assert!(
        seen.compose_origin
            .starts_with("Answering Acme Robotics's reply, recorded in History"),
        "Compose says it answers the reply, not the advice of Decide: {seen:?}"
    );
    assert!(
        seen.match_line
            .starts_with("This looks like a reply to Acme Robotics — Data Engineer (matched by"),
        "{}",
        seen.match_line
    );
    assert!(
        seen.other_said.contains("They accept your decision"),
        "{}",
        seen.other_said
    );
    assert!(
        seen.other_said.ends_with("Nothing to answer."),
        "{}",
        seen.other_said
    );
    assert!(seen.other_compose_hidden, "nothing to answer: no Compose");
    assert_eq!(
        seen.replies_after_match, 2,
        "the matched reply is recorded on that opportunity"
    );
}
