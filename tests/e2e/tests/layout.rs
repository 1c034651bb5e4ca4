//! The layout from the smallest window Politely allows to a large screen: nothing wider than
//! the window, the wizard's bar on the window's bottom edge, boxes big enough to hit, Compose's
//! menus and subject never cut off, an email that reads in full lines, a reminder's title
//! never squeezed to a letter a line, and a mild "Watch out" not dressed as an error.

use politely_e2e::*;

/// The sizes checked: the three the screenshots use, and the 900×650 a user tried.
const SIZES: [(u32, u32); 4] = [(720, 520), (900, 650), (1120, 760), (1600, 1000)];

const FITS: &str = "const c = document.querySelector('.content');
    return c.scrollWidth <= c.clientWidth + 1 && document.documentElement.scrollWidth <= innerWidth + 1";

/// Text of each control that does not show whole: a menu narrower than its chosen option, a
/// subject whose text needs more room than its box.
const CUT: &str = "const cut = [];
    const ctx = document.createElement('canvas').getContext('2d');
    for (const s of document.querySelectorAll('#compose-form select')) {
      const st = getComputedStyle(s);
      ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      const text = s.options[s.selectedIndex]?.textContent ?? '';
      const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 20;
      if (ctx.measureText(text).width > room) cut.push(`${s.name}: ${text}`);
    }
    const subject = document.querySelector('.draft-card[data-channel=email] [data-subject]');
    if (subject.scrollHeight > subject.clientHeight + 2 || subject.scrollWidth > subject.clientWidth + 2) cut.push(`subject: ${subject.value}`);
    return cut";

/// Words per line of the email's longest paragraph, as laid out.
const WORDS_PER_LINE: &str = "const paras = [...document.querySelectorAll('.draft-card[data-channel=email] .draft-para')];
    const para = paras.sort((a, b) => b.textContent.length - a.textContent.length)[0];
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    const tops = new Set(); let words = 0;
    for (let node; (node = walker.nextNode());) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const rect = r.getClientRects()[0]; if (!rect) continue;
        tops.add(Math.round(rect.top)); words += 1;
      }
    }
    return words / Math.max(1, tops.size)";

#[derive(Debug, Default)]
struct AtSize {
    size: (u32, u32),
    overflow: Vec<String>,
    nav_gap: f64,
    small_boxes: Vec<String>,
    cut: Vec<String>,
    words_per_line: f64,
    title_width: f64,
    warning_is_error: bool,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_from_the_smallest_window_to_a_large_screen() {
    let app = App::launch_with("layout", &[], |dir| {
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
        add_reminder(
            dir,
            "Send Priya at Acme Robotics the thank-you card for the interview",
            &days_ahead(3),
        );
    })
    .await;
    let seen = app
        .run(|driver, _shots| async move {
            let mut seen = Vec::new();
            // A decision with a warning ("Watch out"), carried to Compose.
            wait_for_screen(&driver, "home").await?;
            click(&driver, ".nav-item[data-nav=decide]").await?;
            type_into(&driver, "company", "Globex").await?;
            type_into(&driver, "role", "Staff Engineer").await?;
            set_value(&driver, "invited_at", &local_input_hours_ago(26)).await?;
            set_value(&driver, "stage", "interviewed").await?;
            set_value(&driver, "rounds", "3").await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name=reasons][value=logistics]").await?;
            click(&driver, "#decide-next").await?;
            click(&driver, "input[name='checklist.decided']").await?;
            click(&driver, "#decide-next").await?;
            eventually("the advice", || async {
                Ok((!js(&driver, "return document.getElementById('decide-compose').hidden", vec![]).await?.as_bool().unwrap_or(true)).then_some(()))
            })
            .await?;
            click(&driver, "#decide-compose").await?;
            wait_for_screen(&driver, "compose").await?;
            set_your_details(&driver, "#compose-form [data-open-profile]", &[("name", "Samantha Lee-Okafor")]).await?;
            eventually("the drafts", || async {
                Ok(js_text(&driver, "return document.querySelector('.draft-card[data-channel=email] [data-view]').textContent").await?
                    .contains("Samantha").then_some(()))
            })
            .await?;

            for size in SIZES {
                resize(&driver, size).await?;
                let mut at = AtSize { size, ..Default::default() };
                for screen in ["home", "decide", "compose", "practice", "history", "reminders", "about"] {
                    click(&driver, &format!(".nav-item[data-nav={screen}]")).await?;
                    wait_for_screen(&driver, screen).await?;
                    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                    if !js(&driver, FITS, vec![]).await?.as_bool().unwrap_or(false) {
                        at.overflow.push(screen.to_owned());
                    }
                    match screen {
                        "decide" => {
                            // Back to the first step: the longest one, it scrolls at every size.
                            js(&driver, "document.getElementById('decide-back').click(); document.getElementById('decide-back').click(); document.getElementById('decide-back').click(); document.querySelector('.content').scrollTop = 0", vec![]).await?;
                            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                            at.nav_gap = js(&driver, "const c = document.querySelector('.content'); return c.scrollHeight > c.clientHeight
                                ? innerHeight - document.querySelector('.wizard-nav').getBoundingClientRect().bottom : 0", vec![]).await?.as_f64().unwrap_or(99.0);
                            let small = js(&driver, "return [...document.querySelectorAll('#decide-form input[type=checkbox], #decide-form input[type=radio]')]
                                .filter(i => i.offsetParent).map(i => i.getBoundingClientRect()).filter(r => r.width < 20 || r.height < 20).map(r => `${r.width}×${r.height}`)", vec![]).await?;
                            at.small_boxes = small.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
                            js(&driver, "for (let i = 0; i < 3; i++) document.getElementById('decide-next').click()", vec![]).await?;
                            eventually("the advice again", || async {
                                Ok((!js(&driver, "return document.getElementById('advice-warnings-box').hidden", vec![]).await?.as_bool().unwrap_or(true)).then_some(()))
                            })
                            .await?;
                            at.warning_is_error = js(&driver, "const w = getComputedStyle(document.querySelector('#advice-warnings li'));
                                const e = getComputedStyle(document.querySelector('.banner'));
                                return w.backgroundColor === e.backgroundColor || w.borderLeftColor === e.borderTopColor", vec![]).await?.as_bool().unwrap_or(true);
                        }
                        "compose" => {
                            let cut = js(&driver, CUT, vec![]).await?;
                            at.cut = cut.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
                            at.words_per_line = js(&driver, WORDS_PER_LINE, vec![]).await?.as_f64().unwrap_or(0.0);
                        }
                        "history" => {
                            // With an opportunity open beside (or under) the list.
                            click(&driver, "#history-list .history-row").await?;
                            eventually("the opportunity", || async {
                                Ok((!js(&driver, "return document.getElementById('history-detail').hidden", vec![]).await?.as_bool().unwrap_or(true)).then_some(()))
                            })
                            .await?;
                            click(&driver, "#hd-actions [data-action=message]").await?;
                            if !js(&driver, FITS, vec![]).await?.as_bool().unwrap_or(false) {
                                at.overflow.push("history with an opportunity open".to_owned());
                            }
                        }
                        "reminders" => {
                            at.title_width = eventually("the reminder", || async {
                                Ok(js(&driver, "const t = document.querySelector('.rem-summary'); return t ? t.getBoundingClientRect().width : null", vec![]).await?.as_f64())
                            })
                            .await?;
                        }
                        _ => {}
                    }
                }
                seen.push(at);
            }
            resize(&driver, DEFAULT_SIZE).await?;
            Ok(seen)
        })
        .await;

    eprintln!("{seen:#?}");
    for at in &seen {
        let (w, h) = at.size;
        assert!(
            at.overflow.is_empty(),
            "{w}×{h}: nothing wider than the window: {:?}",
            at.overflow
        );
        assert!(
            at.nav_gap.abs() <= 1.0,
            "{w}×{h}: the Back/Next bar sits on the window's bottom edge ({} px above)",
            at.nav_gap
        );
        assert!(
            at.small_boxes.is_empty(),
            "{w}×{h}: checkboxes and radios at least 20 px: {:?}",
            at.small_boxes
        );
        assert!(
            at.cut.is_empty(),
            "{w}×{h}: nothing cut off in Compose: {:?}",
            at.cut
        );
        assert!(
            at.words_per_line >= 7.0,
            "{w}×{h}: the email reads in full lines, not {:.1} words a line",
            at.words_per_line
        );
        assert!(
            at.title_width >= 200.0,
            "{w}×{h}: a reminder's title has room ({} px)",
            at.title_width
        );
        assert!(
            !at.warning_is_error,
            "{w}×{h}: a “Watch out” tip is not styled as an error"
        );
    }
}
