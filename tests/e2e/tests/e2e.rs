//! End-to-end tests through the real Politely window (WebKitGTK under tauri-driver).
//! Each test collects what it saw, ends the session, and only then asserts.

use politely_e2e::*;

mod a11y;
mod compose;
mod decide;
mod desktop;
mod history;
mod hostile;
mod keyboard;
mod layout;
mod opportunity;
mod practice;
mod proofread;
mod read;
mod reminders;

#[path = "../../notify_server.rs"]
mod notify_server;

#[derive(Debug, Default)]
struct HomeVisit {
    title: String,
    first_screen: String,
    clicked: Vec<(String, String, String)>,
    card_to: String,
    shortcut_to: String,
    tab_focus: String,
    focus_outline: String,
    enter_to: String,
    about_facts: Vec<String>,
    about_banner: Option<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_screen_navigation_keyboard_and_about() {
    let app = App::launch("home").await;
    let data_dir = app.data_dir.clone();
    let seen = app
        .run(|driver, shots| async move {
            let mut seen = HomeVisit {
                title: driver.title().await?,
                ..Default::default()
            };
            wait_for_screen(&driver, "home").await?;
            seen.first_screen = visible_screen(&driver).await?;
            shots.take(&driver, "home").await?;

            for name in ["decide", "compose", "practice", "history", "reminders", "home"] {
                click(&driver, &format!(".nav-item[data-nav={name}]")).await?;
                wait_for_screen(&driver, name).await?;
                let heading = driver.find(By::Css(format!("#h-{name}"))).await?.text().await?;
                seen.clicked.push((name.into(), current_nav(&driver).await?, heading));
                if name != "home" {
                    shots.take(&driver, name).await?;
                }
            }

            click(&driver, ".card[data-nav=history]").await?;
            wait_for_screen(&driver, "history").await?;
            seen.card_to = visible_screen(&driver).await?;

            // Keyboard only: Alt+3 jumps to Compose; Tab reaches the navigation with a visible ring.
            driver
                .action_chain()
                .key_down(Key::Alt)
                .send_keys("3")
                .key_up(Key::Alt)
                .perform()
                .await?;
            wait_for_screen(&driver, "compose").await?;
            seen.shortcut_to = visible_screen(&driver).await?;

            driver.execute("document.activeElement.blur(); window.focus();", vec![]).await?;
            driver.action_chain().send_keys(Key::Tab).send_keys(Key::Tab).perform().await?;
            let focus = driver
                .execute(
                    "const a = document.activeElement; return [a.dataset.nav || a.className, getComputedStyle(a).outlineStyle]",
                    vec![],
                )
                .await?;
            let focus = focus.json().as_array().cloned().unwrap_or_default();
            seen.tab_focus = focus.first().and_then(|v| v.as_str()).unwrap_or_default().into();
            seen.focus_outline = focus.get(1).and_then(|v| v.as_str()).unwrap_or_default().into();
            driver.action_chain().send_keys(Key::Enter).perform().await?;
            let target = seen.tab_focus.clone();
            eventually("Enter to activate the focused item", || async {
                Ok((visible_screen(&driver).await? == target).then_some(()))
            })
            .await
            .ok();
            seen.enter_to = visible_screen(&driver).await?;

            click(&driver, ".nav-item[data-nav=about]").await?;
            wait_for_screen(&driver, "about").await?;
            seen.about_facts = eventually("About facts", || async {
                let items = driver.find_all(By::Css("#about-facts dd")).await?;
                let mut texts = Vec::new();
                for item in items {
                    texts.push(item.text().await?);
                }
                Ok((!texts.is_empty()).then_some(texts))
            })
            .await?;
            seen.about_banner = banner(&driver).await?;
            shots.take(&driver, "about").await?;
            Ok(seen)
        })
        .await;

    assert_eq!(seen.title, "Politely");
    assert_eq!(seen.first_screen, "home", "the app opens on Home");
    for (name, nav, heading) in &seen.clicked {
        assert_eq!(nav, name, "the nav item for {name} is marked current");
        assert!(!heading.is_empty(), "{name} has a heading");
    }
    assert_eq!(seen.card_to, "history", "home cards open their section");
    assert_eq!(seen.shortcut_to, "compose", "Alt+3 opens Compose");
    assert_eq!(
        seen.tab_focus, "home",
        "Tab reaches the first navigation item"
    );
    assert_ne!(seen.focus_outline, "none", "keyboard focus is visible");
    assert_eq!(
        seen.enter_to, "home",
        "Enter activates the focused navigation item"
    );
    assert_eq!(
        seen.about_facts,
        vec![
            format!("Politely {}", env!("CARGO_PKG_VERSION")),
            data_dir.display().to_string(),
            "the --data-dir option".to_string(),
        ],
        "About shows what the `about` command returned"
    );
    assert_eq!(seen.about_banner, None, "no error on a healthy data folder");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_command_shows_its_message_and_recovers() {
    let app = App::launch("failure").await;
    let data_dir = app.data_dir.clone();
    let (broken, after_dismiss, recovered) = app
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            // Replace the data folder with a file while the app runs: `about` must now fail.
            std::fs::remove_dir_all(&data_dir)?;
            std::fs::write(&data_dir, "in the way")?;
            click(&driver, ".nav-item[data-nav=about]").await?;
            let broken = eventually("error banner", || banner(&driver)).await?;
            shots.take(&driver, "about-error").await?;

            click(&driver, "#error-dismiss").await?;
            let after_dismiss = banner(&driver).await?;

            std::fs::remove_file(&data_dir)?;
            click(&driver, ".nav-item[data-nav=home]").await?;
            click(&driver, ".nav-item[data-nav=about]").await?;
            let recovered = eventually("About facts after repair", || async {
                Ok((!driver
                    .find_all(By::Css("#about-facts dd"))
                    .await?
                    .is_empty())
                .then_some(()))
            })
            .await
            .is_ok()
                && banner(&driver).await?.is_none();
            Ok((broken, after_dismiss, recovered))
        })
        .await;

    assert!(
        broken.starts_with("Couldn’t load the About panel: The data folder")
            && broken.contains("not a folder")
            && broken.contains("writable"),
        "the banner explains the failure and what to do: {broken}"
    );
    assert_eq!(after_dismiss, None, "Dismiss hides the banner");
    assert!(
        recovered,
        "once the folder is back, About works again and no banner remains"
    );
}

async fn color_scheme(driver: &WebDriver) -> WebDriverResult<(bool, String)> {
    let ret = driver
        .execute(
            "return [matchMedia('(prefers-color-scheme: dark)').matches, getComputedStyle(document.body).backgroundColor]",
            vec![],
        )
        .await?;
    let pair = ret.json().as_array().cloned().unwrap_or_default();
    Ok((
        pair.first().and_then(|v| v.as_bool()).unwrap_or_default(),
        pair.get(1)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned(),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_follows_the_system_light_or_dark() {
    let light = App::launch("light")
        .await
        .run(|driver, _| async move {
            wait_for_screen(&driver, "home").await?;
            color_scheme(&driver).await
        })
        .await;
    let dark = App::launch_with_env("dark", &[("GTK_THEME", "Adwaita:dark")])
        .await
        .run(|driver, shots| async move {
            wait_for_screen(&driver, "home").await?;
            shots.take(&driver, "home-dark").await?;
            color_scheme(&driver).await
        })
        .await;
    assert_eq!(
        light,
        (false, "rgb(246, 245, 241)".to_string()),
        "light system theme → light page"
    );
    assert_eq!(
        dark,
        (true, "rgb(22, 26, 25)".to_string()),
        "dark system theme → dark page"
    );
}
