//! Harness for end-to-end tests through the real window: starts a virtual display when there is
//! none, a `tauri-driver` (which starts `WebKitWebDriver`, which starts Politely), and gives each
//! test a WebDriver session on an app with its own temporary data folder and HOME.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub use thirtyfour::prelude::*;

/// A running Politely window under WebDriver control, with everything it needs.
pub struct App {
    pub driver: WebDriver,
    /// The app's data folder (inside `home`).
    pub data_dir: PathBuf,
    home: Option<tempfile::TempDir>,
    tauri_driver: Child,
    xvfb: Option<Child>,
    display: String,
    shots: Option<PathBuf>,
}

/// The `politely` binary under test: `$POLITELY_BIN`, else the debug build in the target folder.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("POLITELY_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug/politely")
}

fn tauri_driver_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(bin);
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < timeout,
            "{what} did not come up within {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts Xvfb on a display nobody uses and waits for its socket.
fn start_xvfb() -> (Child, String) {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let base = 100 + (std::process::id() % 400) * 8;
    loop {
        let n = base + NEXT.fetch_add(1, Ordering::SeqCst);
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        if socket.exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let mut child = Command::new("Xvfb")
            .args([
                format!(":{n}").as_str(),
                "-screen",
                "0",
                // Room for the largest window the screenshots are taken at (1600×1000).
                "1920x1200x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (apt install xvfb); `make test` installs it");
        let start = Instant::now();
        while !socket.exists() && start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = child.try_wait() {
                break; // lost a race for this display number: try the next one
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if socket.exists() {
            return (child, format!(":{n}"));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl App {
    /// Launches Politely with a fresh data folder; `name` labels logs and screenshots.
    pub async fn launch(name: &str) -> App {
        Self::launch_with_env(name, &[]).await
    }

    /// [`App::launch`] with extra environment for the app (e.g. `GTK_THEME` for the dark theme).
    pub async fn launch_with_env(name: &str, env: &[(&str, &str)]) -> App {
        Self::launch_with(name, env, |_| {}).await
    }

    /// [`App::launch_with_env`], letting `prepare` fill the data folder before the app starts
    /// (e.g. with `politely history import`).
    pub async fn launch_with(name: &str, env: &[(&str, &str)], prepare: impl FnOnce(&Path)) -> App {
        let bin = app_binary();
        assert!(
            bin.exists(),
            "{} is missing: build it first (cargo build -p politely) or set POLITELY_BIN",
            bin.display()
        );
        let home = tempfile::Builder::new()
            .prefix(&format!("politely-e2e-{name}-"))
            .tempdir()
            .expect("temp home");
        let data_dir = home.path().join("data");
        prepare(&data_dir);

        let (xvfb, display) = match std::env::var("DISPLAY") {
            Ok(d) if !d.is_empty() => (None, d),
            _ => {
                let (child, display) = start_xvfb();
                (Some(child), display)
            }
        };

        let (port, native_port) = (free_port(), free_port());
        let log = std::fs::File::create(home.path().join("tauri-driver.log")).expect("log file");
        let tauri_driver = Command::new(tauri_driver_binary())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("POLITELY_DATA_DIR")
            .env_remove("GTK_THEME")
            // Never the desktop's own session bus: reminders due at start would pop up there.
            // Tests that check notifications pass a private bus with a fake daemon instead.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/politely-e2e-bus")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked); `make test` installs it");
        // tauri-driver listens before the WebKitWebDriver behind it does: wait for both.
        wait_for(
            "tauri-driver and WebKitWebDriver",
            Duration::from_secs(30),
            || {
                TcpStream::connect(("127.0.0.1", port)).is_ok()
                    && TcpStream::connect(("127.0.0.1", native_port)).is_ok()
            },
        );

        let mut caps = thirtyfour::Capabilities::new();
        caps.set("browserName", "wry").expect("capability");
        caps.set(
            "tauri:options",
            serde_json::json!({
                "application": bin,
                "args": ["--data-dir", data_dir],
            }),
        )
        .expect("capability");
        let mut attempt = 0;
        let driver = loop {
            attempt += 1;
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
                Ok(driver) => break driver,
                // A loaded machine can still refuse the very first request; try twice more.
                Err(_) if attempt < 3 => tokio::time::sleep(Duration::from_millis(500)).await,
                Err(e) => {
                    let log = std::fs::read_to_string(home.path().join("tauri-driver.log"))
                        .unwrap_or_default();
                    panic!("WebDriver session for {name} failed: {e}\ntauri-driver log:\n{log}")
                }
            }
        };
        driver
            .set_implicit_wait_timeout(Duration::from_secs(5))
            .await
            .expect("implicit wait");

        let shots = std::env::var_os("POLITELY_SCREENSHOTS").map(PathBuf::from);
        App {
            driver,
            data_dir,
            home: Some(home),
            tauri_driver,
            xvfb,
            display,
            shots,
        }
    }

    /// Runs the test body, then always ends the WebDriver session before any error surfaces,
    /// so a failing step never leaves a window (and the test) hanging.
    pub async fn run<T, F, Fut>(self, body: F) -> T
    where
        F: FnOnce(WebDriver, Shots) -> Fut,
        Fut: Future<Output = WebDriverResult<T>>,
    {
        self.run_keeping(body).await.0
    }

    /// [`App::run`], handing back the temporary HOME (with the data folder) for checks afterwards.
    pub async fn run_keeping<T, F, Fut>(mut self, body: F) -> (T, tempfile::TempDir)
    where
        F: FnOnce(WebDriver, Shots) -> Fut,
        Fut: Future<Output = WebDriverResult<T>>,
    {
        let shots = Shots {
            dir: self.shots.clone(),
            display: self.display.clone(),
        };
        let result = body(self.driver.clone(), shots).await;
        let _ = self.driver.clone().quit().await;
        let home = self.home.take().expect("home is kept until the run ends");
        drop(self);
        (
            result.unwrap_or_else(|e| panic!("a WebDriver step failed: {e}")),
            home,
        )
    }

    /// The X display the app's window is on.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The temporary HOME of this app (the parent of `data_dir`).
    pub fn home(&self) -> &Path {
        self.home
            .as_ref()
            .expect("home is kept until the run ends")
            .path()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // SIGTERM lets tauri-driver stop WebKitWebDriver (and with it the app); SIGKILL would orphan it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.tauri_driver.id().to_string()])
            .status();
        let _ = self.tauri_driver.wait();
        if let Some(xvfb) = self.xvfb.as_mut() {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
    }
}

/// Saves screenshots when `POLITELY_SCREENSHOTS` names a folder (`make screenshots`).
#[derive(Clone)]
pub struct Shots {
    dir: Option<PathBuf>,
    display: String,
}

/// The window sizes every screenshot is taken at: the smallest window Politely allows
/// (`minWidth` × `minHeight` in tauri.conf.json), the size it opens at, and a large screen.
pub const SHOT_SIZES: [(u32, u32); 3] = [(720, 520), (1120, 760), (1600, 1000)];

/// The size the window opens at (tauri.conf.json); its screenshots are the README's.
pub const DEFAULT_SIZE: (u32, u32) = (1120, 760);

/// Resizes the window (WebDriver's Set Window Rect) and waits until the page has the new size.
pub async fn resize(driver: &WebDriver, (width, height): (u32, u32)) -> WebDriverResult<()> {
    driver.set_window_rect(0, 0, width, height).await?;
    eventually(&format!("a {width}×{height} window"), || async {
        let size = js(driver, "return [innerWidth, innerHeight]", vec![]).await?;
        Ok((size == serde_json::json!([width, height])).then_some(()))
    })
    .await
}

impl Shots {
    /// Waits for the page to settle, then writes a PNG of the Politely window at each of
    /// [`SHOT_SIZES`]: `<folder>/<name>.png` at the default size, `<folder>/<w>x<h>/<name>.png`
    /// at the others. The window is back at its default size afterwards.
    ///
    /// The window is grabbed from the X server (xwininfo + ImageMagick's import), as a person would
    /// see it: WebKit's own snapshot, which WebDriver screenshots use, never completes with the
    /// plain renderer Politely picks on machines without a GPU. WebDriver is the fallback.
    pub async fn take(&self, driver: &WebDriver, name: &str) -> WebDriverResult<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        // The pointer to a corner: a tooltip left under it would show as a box in the picture.
        driver.action_chain().move_to(1, 1).perform().await.ok();
        // A tooltip shown before the move fades out only after a moment.
        tokio::time::sleep(Duration::from_millis(700)).await;
        for size in SHOT_SIZES {
            let folder = if size == DEFAULT_SIZE {
                dir.clone()
            } else {
                dir.join(format!("{}x{}", size.0, size.1))
            };
            std::fs::create_dir_all(&folder)?;
            resize(driver, size).await?;
            // Keep what the test brought into view in view at this size too: the focused
            // control, and the newest message beside a control.
            js(
                driver,
                "const a = document.activeElement; if (a && a !== document.body) a.scrollIntoView({block: 'nearest'});
                 const said = [...document.querySelectorAll('[data-feedback].shown')]
                   .sort((x, y) => Number(y.dataset.order) - Number(x.dataset.order))[0];
                 said?.scrollIntoView({block: 'nearest'})",
                vec![],
            )
            .await?;
            tokio::time::sleep(Duration::from_millis(500)).await;
            let path = folder.join(format!("{name}.png"));
            if self.grab_window(&path).is_none() {
                driver.screenshot(&path).await?;
            }
        }
        resize(driver, DEFAULT_SIZE).await
    }

    /// Whether screenshots are being taken (`make screenshots`).
    pub fn enabled(&self) -> bool {
        self.dir.is_some()
    }

    fn grab_window(&self, path: &Path) -> Option<()> {
        let info = Command::new("xwininfo")
            .args(["-display", &self.display, "-name", "Politely"])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&info.stdout);
        let id = text
            .split("Window id: ")
            .nth(1)?
            .split_whitespace()
            .next()?
            .to_owned();
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", &id])
            .arg(path)
            .status()
            .ok()?;
        status.success().then_some(())
    }
}

/// Polls `probe` until it returns `Some`, for up to fifteen seconds: a wait, not a speed test
/// (speed is measured by the benchmarks); a machine busy with other builds can take seconds for
/// what takes milliseconds when idle.
pub async fn eventually<T, F, Fut>(what: &str, probe: F) -> WebDriverResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<Option<T>>>,
{
    eventually_within(what, Duration::from_secs(15), probe).await
}

/// [`eventually`] with its own limit, for work known to take longer on a busy machine (the
/// first proofread loads the dictionary).
pub async fn eventually_within<T, F, Fut>(
    what: &str,
    limit: Duration,
    mut probe: F,
) -> WebDriverResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<Option<T>>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = probe().await? {
            return Ok(value);
        }
        if start.elapsed() > limit {
            return Err(WebDriverError::Timeout(format!(
                "waited {} s for {what}",
                limit.as_secs()
            )));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---- DOM probes shared by the tests ----

/// Id of the visible screen, read from the DOM; empty until the page's script has wired every
/// handler (the home screen is visible in the HTML before that, and a key sent then is lost) and
/// the window is on screen (it is created hidden and shown once set up).
pub async fn visible_screen(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(driver, "if (document.documentElement.dataset.ready !== 'true' || document.visibilityState !== 'visible') return ''; return [...document.querySelectorAll('[data-screen]')].filter(s => !s.hidden).map(s => s.dataset.screen).join(',')").await
}

pub async fn current_nav(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(driver, "const c = document.querySelector('.nav-item[aria-current=page]'); return c ? c.dataset.nav : ''").await
}

pub async fn wait_for_screen(driver: &WebDriver, screen: &str) -> WebDriverResult<()> {
    eventually(&format!("screen {screen}"), || async {
        Ok((visible_screen(driver).await? == screen).then_some(()))
    })
    .await
}

pub async fn banner(driver: &WebDriver) -> WebDriverResult<Option<String>> {
    let ret = driver
        .execute(
            "const b = document.getElementById('error-banner'); return b.hidden ? null : document.getElementById('error-text').textContent",
            vec![],
        )
        .await?;
    Ok(ret.json().as_str().map(str::to_owned))
}

/// Runs `script` (with `arguments[0..]`) and returns its JSON result.
pub async fn js(
    driver: &WebDriver,
    script: &str,
    args: Vec<serde_json::Value>,
) -> WebDriverResult<serde_json::Value> {
    Ok(driver.execute(script, args).await?.json().clone())
}

/// Text of every element matching `css`, in document order.
pub async fn texts(driver: &WebDriver, css: &str) -> WebDriverResult<Vec<String>> {
    let value = js(
        driver,
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
        vec![css.into()],
    )
    .await?;
    Ok(value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// A reminder added with the CLI, due at `due` (RFC 3339).
pub fn add_reminder(data_dir: &Path, title: &str, due: &str) {
    cli(
        data_dir,
        &["reminders", "add", "--title", title, "--due", due],
    );
}

/// RFC 3339 for `minutes` before the real clock (tests follow the clock the app sees).
pub fn minutes_ago(minutes: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::minutes(minutes)).to_rfc3339()
}

/// RFC 3339 for `days` after the real clock.
pub fn days_ahead(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days)).to_rfc3339()
}

/// Runs the built `politely` CLI on `data_dir`; returns stdout, panicking with stderr on failure.
pub fn cli(data_dir: &Path, args: &[&str]) -> String {
    let out = Command::new(app_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()
        .expect("politely runs");
    assert!(
        out.status.success(),
        "politely {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Runs `script` and returns its result as text ("" when it is not a string).
pub async fn js_text(driver: &WebDriver, script: &str) -> WebDriverResult<String> {
    let value = js(driver, script, vec![]).await?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// Runs `step` on the element at `css` until it is no longer refused as "not interactable": a
/// control a command's answer or a click reveals (an action of the opportunity just opened, the
/// new-template form) may still be hidden when it is found, and a person waits for it. After ten
/// seconds the failure says what hides the element, or where it is.
async fn when_interactable<F, Fut>(
    driver: &WebDriver,
    css: &str,
    mut step: F,
) -> WebDriverResult<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<()>>,
{
    let start = Instant::now();
    loop {
        match step().await {
            Err(e)
                if matches!(
                    e.as_inner(),
                    thirtyfour::error::WebDriverErrorInner::ElementNotInteractable(_)
                ) =>
            {
                if start.elapsed() > Duration::from_secs(10) {
                    let why = js(
                        driver,
                        "const e = document.querySelector(arguments[0]);
                         const hidden = e.closest('[hidden], details:not([open]) > :not(summary), dialog:not([open])');
                         const r = e.getBoundingClientRect();
                         return hidden ? `hidden by ${hidden.tagName}#${hidden.id}.${hidden.className}`
                           : `at ${Math.round(r.left)},${Math.round(r.top)} size ${Math.round(r.width)}x${Math.round(r.height)}, disabled ${e.disabled}, readonly ${e.readOnly}`",
                        vec![css.into()],
                    )
                    .await
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                    return Err(WebDriverError::Timeout(format!(
                        "{css} was not interactable for 10 s ({why}): {e}"
                    )));
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            done => return done,
        }
    }
}

/// Clicks the first element matching `css`, once it takes clicks ([`when_interactable`]).
pub async fn click(driver: &WebDriver, css: &str) -> WebDriverResult<()> {
    let scrolled = std::cell::Cell::new(false);
    when_interactable(driver, css, || click_once(driver, css, &scrolled)).await
}

/// One click. The first click intercepted (of all tries, `scrolled`) is tried again from the
/// middle of the view; one intercepted after that says what was in the way.
async fn click_once(
    driver: &WebDriver,
    css: &str,
    scrolled: &std::cell::Cell<bool>,
) -> WebDriverResult<()> {
    loop {
        match driver.find(By::Css(css)).await?.click().await {
            Err(e)
                if matches!(
                    e.as_inner(),
                    thirtyfour::error::WebDriverErrorInner::ElementClickIntercepted(_)
                ) =>
            {
                if !scrolled.replace(true) {
                    // WebDriver scrolls the control just into view, where a sticky bar (the
                    // wizard's Back/Next) can cover it; a person would scroll it to the middle.
                    js(
                        driver,
                        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
                        vec![css.into()],
                    )
                    .await?;
                    continue;
                }
                // Say which click, and what was in the way, so the failure can be read.
                let over = js(
                    driver,
                    "const r = document.querySelector(arguments[0]).getBoundingClientRect();
                     const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                     return top ? `${top.tagName}#${top.id}.${top.className}` : 'nothing'",
                    vec![css.into()],
                )
                .await
                .unwrap_or_default();
                return Err(WebDriverError::Timeout(format!(
                    "the click on {css} was intercepted by {over}: {e}"
                )));
            }
            done => return done,
        }
    }
}

/// The CSS for a form control: a plain `name` means `[name="name"]`; anything that looks like a
/// selector (`#ut-name`, `#compose-form [name="company"]`) is used as it is.
fn control(name: &str) -> String {
    if name.starts_with('#') || name.contains([' ', '[']) {
        name.to_owned()
    } else {
        format!("[name=\"{name}\"]")
    }
}

/// Types into a text field like a user (clearing it first), once it takes keys
/// ([`when_interactable`]).
pub async fn type_into(driver: &WebDriver, name: &str, text: &str) -> WebDriverResult<()> {
    let css = control(name);
    when_interactable(driver, &css, || async {
        let field = driver.find(By::Css(&css)).await?;
        // As a user would scroll to it: WebKitWebDriver does not scroll a field below the fold of
        // a scrolling pane (not the page) into view before typing, and calls it "not interactable".
        field.scroll_into_view().await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    })
    .await
}

/// A `datetime-local` value (`2026-11-25T09:30`) for `hours` before the real clock, in the
/// computer's time zone: every date a test types follows the clock the app also sees, so no test
/// expires (and the moved-clock run, `make test-clock`, means the same thing on any day).
pub fn local_input_hours_ago(hours: i64) -> String {
    (chrono::Local::now() - chrono::Duration::hours(hours))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Sets a date/number/select control's value and fires the events a user's edit would.
pub async fn set_value(driver: &WebDriver, name: &str, value: &str) -> WebDriverResult<()> {
    js(
        driver,
        "const e = document.querySelector(arguments[0]); e.value = arguments[1];
         e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![control(name).into(), value.into()],
    )
    .await?;
    Ok(())
}

/// The newest visible message: beside a control (a `[data-feedback]` slot) or the notice at
/// the top; "" when none shows.
pub async fn visible_notice(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        "const all = [...document.querySelectorAll('[data-feedback].shown:not(.error)')];
         const n = document.getElementById('notice');
         if (!n.hidden) all.push(n);
         const newest = all.sort((a, b) => Number(b.dataset.order ?? 0) - Number(a.dataset.order ?? 0))[0];
         return newest ? newest.querySelector('.feedback-text, #notice-text').textContent : ''",
    )
    .await
}

/// Presses the action (Undo, Open it…) of the newest message, beside a control or at the top.
pub async fn notice_action(driver: &WebDriver) -> WebDriverResult<()> {
    let start = Instant::now();
    loop {
        let done = js(
            driver,
            "const all = [...document.querySelectorAll('[data-feedback].shown')];
             const n = document.getElementById('notice');
             if (!n.hidden) all.push(n);
             const newest = all.sort((a, b) => Number(b.dataset.order ?? 0) - Number(a.dataset.order ?? 0))[0];
             const b = newest?.querySelector('.feedback-action, #notice-action');
             if (!b || b.hidden) return false;
             b.click();
             return true",
            vec![],
        )
        .await?;
        if done.as_bool() == Some(true) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(5) {
            return Err(WebDriverError::Timeout(
                "no message with an action to press".into(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The failure shown beside a control or in the banner, if any.
pub async fn visible_error(driver: &WebDriver) -> WebDriverResult<Option<String>> {
    let v = js(
        driver,
        "const slot = document.querySelector('[data-feedback].shown.error .feedback-text');
         if (slot) return slot.textContent;
         const b = document.getElementById('error-banner');
         return b.hidden ? null : document.getElementById('error-text').textContent",
        vec![],
    )
    .await?;
    Ok(v.as_str().map(str::to_owned))
}

/// Answers the next system file dialog (save or open) with `path`, or cancels it (`None`):
/// WebDriver cannot reach a native dialog, so the page takes a queued answer — only while
/// WebDriver drives it (see `automatedAnswer` in ui/js/api.js).
pub async fn answer_file_dialog(driver: &WebDriver, path: Option<&Path>) -> WebDriverResult<()> {
    let path = path.map(|p| p.display().to_string());
    js(
        driver,
        "(window.__politelyDialogAnswers ??= []).push(arguments[0])",
        vec![path.into()],
    )
    .await?;
    Ok(())
}

/// What the file dialogs were asked so far: `[{kind, defaultPath?, filters}]`.
pub async fn file_dialogs_asked(driver: &WebDriver) -> WebDriverResult<Vec<serde_json::Value>> {
    let v = js(driver, "return window.__politelyDialogsAsked ?? []", vec![]).await?;
    Ok(v.as_array().cloned().unwrap_or_default())
}

/// Whether `navigator.webdriver` is set (the page takes dialog answers only then).
pub async fn under_webdriver(driver: &WebDriver) -> WebDriverResult<bool> {
    Ok(js(driver, "return navigator.webdriver === true", vec![])
        .await?
        .as_bool()
        .unwrap_or(false))
}

/// Types a date-time into one of the window's date fields the way a user would: the text, in
/// the one form the window shows dates in (`politely` follows the system's locale; the tests'
/// locale is whatever the webview reports), then leaves the field.
pub async fn type_date(driver: &WebDriver, css: &str, iso_local: &str) -> WebDriverResult<()> {
    set_value(driver, css, iso_local).await?;
    js(
        driver,
        "const e = document.querySelector(arguments[0]); e.dispatchEvent(new FocusEvent('blur'));",
        vec![control(css).into()],
    )
    .await?;
    Ok(())
}

/// Fills in "Your details" (name, email, phone, sign-off; `None` leaves a field as it is) from
/// the dialog the button `opener` opens, and saves them; waits until the dialog has closed.
pub async fn set_your_details(
    driver: &WebDriver,
    opener: &str,
    fields: &[(&str, &str)],
) -> WebDriverResult<()> {
    click(driver, opener).await?;
    eventually("the Your details dialog", || async {
        Ok(js(
            driver,
            "return document.getElementById('profile-dialog').open",
            vec![],
        )
        .await?
        .as_bool()
        .filter(|open| *open)
        .map(|_| ()))
    })
    .await?;
    for (name, value) in fields {
        let css = format!("#profile-form [name=\"{name}\"]");
        if value
            .chars()
            .all(|c| (c as u32) < 0x10000 && !c.is_control())
        {
            type_into(driver, &css, value).await?;
        } else {
            set_value(driver, &css, value).await?;
        }
    }
    click(driver, "#profile-save").await?;
    eventually("the dialog closed", || async {
        Ok(js(
            driver,
            "return document.getElementById('profile-dialog').open",
            vec![],
        )
        .await?
        .as_bool()
        .filter(|open| !*open)
        .map(|_| ()))
    })
    .await
}

// ---- accessibility ----

/// The axe-core rule tags every audit runs: WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's
/// best practices.
pub const AXE_TAGS: [&str; 7] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
];

/// axe-core's source, installed by `scripts/deps.sh test` (`npm ci` in tests/e2e): a test tool
/// injected through WebDriver, never part of the app's `ui/`.
pub fn axe_source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: {e}; run `scripts/deps.sh test` (npm ci in tests/e2e) first")
    })
}

/// What one axe run on one state of the window found.
#[derive(Debug, Default, Clone)]
pub struct AxeRun {
    /// Each violation as "rule-id (impact): help — target: summary", one per offending node.
    pub violations: Vec<String>,
    /// Ids of every rule axe ran (passed, failed, not applicable or needing review).
    pub rules: Vec<String>,
    /// Ids of rules that applied and passed.
    pub passed: Vec<String>,
    /// Nodes axe could not decide ("needs review"), as "rule-id: target".
    pub incomplete: Vec<String>,
}

/// Injects axe-core into the page (once) and runs it on the whole document with [`AXE_TAGS`].
/// Animations are settled first: a half-faded colour is not the colour a person reads.
pub async fn axe_run(driver: &WebDriver) -> WebDriverResult<AxeRun> {
    axe_run_setup(driver).await?;
    let tags: Vec<serde_json::Value> = AXE_TAGS.iter().map(|t| (*t).into()).collect();
    let value = driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})
               .then((r) => {
                 const nodes = (rule) => rule.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\\s+/g, ' ').slice(0, 300)}`);
                 done({
                   violations: r.violations.flatMap((v) => nodes(v).map((n) => `${v.id} (${v.impact}): ${v.help} — ${n}`)),
                   rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
                   passed: r.passes.map((x) => x.id),
                   incomplete: r.incomplete.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
                 });
               })
               .catch((e) => done({error: String(e)}));",
            vec![serde_json::Value::Array(tags)],
        )
        .await?
        .json()
        .clone();
    if let Some(error) = value.get("error") {
        return Err(WebDriverError::Timeout(format!("axe failed: {error}")));
    }
    let list = |key: &str| -> Vec<String> {
        value[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut rules = list("rules");
    rules.sort();
    rules.dedup();
    Ok(AxeRun {
        violations: list("violations"),
        rules,
        passed: list("passed"),
        incomplete: list("incomplete"),
    })
}

// ---- keyboard ----

/// Presses `keys` as a person would: to whatever has focus (WebDriver key actions), never a click.
pub async fn press_keys(
    driver: &WebDriver,
    keys: impl Into<thirtyfour::TypingData>,
) -> WebDriverResult<()> {
    driver.action_chain().send_keys(keys).perform().await
}

/// Presses `modifier` + `key` (Alt+2, Ctrl+A, Shift+Tab).
pub async fn chord(
    driver: &WebDriver,
    modifier: Key,
    key: impl Into<thirtyfour::TypingData>,
) -> WebDriverResult<()> {
    driver
        .action_chain()
        .key_down(modifier.clone())
        .send_keys(key)
        .key_up(modifier)
        .perform()
        .await
}

/// A short description of the focused element (`tag#id.class[data-…]`), for messages.
pub async fn focused(driver: &WebDriver) -> WebDriverResult<String> {
    js_text(
        driver,
        "const a = document.activeElement; if (!a || a === document.body) return 'body';
         const d = Object.entries(a.dataset).map(([k, v]) => `[${k}=${v}]`).join('');
         return `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${d} ${(a.getAttribute('aria-label') ?? a.textContent).trim().slice(0, 40)}`",
    )
    .await
}

/// Whether the focused element matches `css`.
pub async fn focus_matches(driver: &WebDriver, css: &str) -> WebDriverResult<bool> {
    Ok(js(
        driver,
        "const a = document.activeElement; return !!a && a.matches(arguments[0])",
        vec![css.into()],
    )
    .await?
    .as_bool()
    .unwrap_or(false))
}

/// Presses Tab until the focused element matches `css` (the page scrolls it into view as Tab
/// does for a person); returns how many presses it took. Fails after `max` presses.
pub async fn tab_to(driver: &WebDriver, css: &str, max: usize) -> WebDriverResult<usize> {
    for presses in 0..=max {
        if focus_matches(driver, css).await? {
            return Ok(presses);
        }
        press_keys(driver, Key::Tab).await?;
    }
    Err(WebDriverError::Timeout(format!(
        "{css} not reached with {max} presses of Tab (focus on {})",
        focused(driver).await?
    )))
}

/// Every control a person can reach on the page as it is now (inside an open modal dialog only,
/// since the rest is inert then), with its role and accessible name as axe-core computes them
/// (aria-labelledby, aria-label, label, content, title). Injects axe first.
pub async fn controls(driver: &WebDriver) -> WebDriverResult<Vec<(String, String, String)>> {
    axe_run_setup(driver).await?;
    let value = js(
        driver,
        "const modal = [...document.querySelectorAll('dialog')].find((d) => d.open && d.matches(':modal'));
         const root = modal ?? document;
         const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=tab], [tabindex]:not([tabindex=\"-1\"])';
         const seen = [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility() && !e.closest('[inert]') && !e.closest('[aria-hidden=true]'));
         axe.setup(document);
         try {
           return seen.map((e) => {
             const v = axe.utils.getNodeFromTree(e);
             const where = e.id ? '#' + e.id : e.tagName.toLowerCase() + Object.entries(e.dataset).map(([k, x]) => `[${k}=${x}]`).join('');
             return [axe.commons.aria.getRole(v) ?? '', axe.commons.text.accessibleTextVirtual(v).replace(/\\s+/g, ' ').trim(), where];
           });
         } finally { axe.teardown(); }",
        vec![],
    )
    .await?;
    Ok(value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    let s = |i: usize| r[i].as_str().unwrap_or_default().to_owned();
                    (s(0), s(1), s(2))
                })
                .collect()
        })
        .unwrap_or_default())
}

/// Injects axe-core into the page once. The source is the script WebDriver runs (the page's CSP
/// forbids eval and inline scripts, but not WebDriver's own): axe's wrapper defines window.axe.
async fn axe_run_setup(driver: &WebDriver) -> WebDriverResult<()> {
    let loaded = js(driver, "return typeof window.axe === 'object'", vec![]).await?;
    if loaded.as_bool() != Some(true) {
        let script = format!("{}\n;return typeof window.axe", axe_source());
        js(driver, &script, vec![]).await?;
    }
    Ok(())
}

/// Runs `script` and returns its array of strings.
async fn js_strings(driver: &WebDriver, script: &str) -> WebDriverResult<Vec<String>> {
    Ok(js(driver, script, vec![])
        .await?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// Where an element is, for messages: `tag#id.class` and a little of its text.
const DESCRIBE: &str = "const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map((c) => '.' + c).join('')}${Object.entries(e.dataset).slice(0, 2).map(([k, v]) => `[${k}=${v}]`).join('')} “${(e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 40)}”`;";

/// Every visible text (and text field) whose contrast with what is behind it is under 4.5:1
/// (3:1 for large text), as the page is painted now: colours with their alpha and every
/// ancestor's opacity, over the stack of backgrounds behind them. Disabled controls are exempt.
pub async fn contrast_failures(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let script = format!(
        "{DESCRIBE}
        const ctx = document.createElement('canvas').getContext('2d', {{willReadFrequently: true}});
        const rgba = (c) => {{ ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = 'rgba(0,0,0,0)'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
          const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; }};
        const over = (top, under) => {{ const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1); }};
        const lum = (c) => {{ const f = (v) => {{ v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }};
          return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }};
        const ratio = (a, b) => {{ const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }};
        const backdrop = (e) => {{
          const layers = [];
          for (let n = e; n; n = n.parentElement) {{
            const bg = rgba(getComputedStyle(n).backgroundColor);
            if (bg[3] > 0) layers.push(bg);
            if (bg[3] >= 1) break;
          }}
          let base = rgba(getComputedStyle(document.documentElement).backgroundColor);
          if (base[3] < 1) base = [255, 255, 255, 1];
          return layers.reverse().reduce((under, top) => over(top, under), base);
        }};
        const opacity = (e) => {{ let o = 1; for (let n = e; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; }};
        const fields = 'input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=hidden]), select, textarea';
        const texts = [...document.querySelectorAll('body *')].filter((e) =>
          (e.matches(fields) || [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) &&
          !e.closest('.visually-hidden, [data-highlights], option, script, style') && e.checkVisibility());
        const bad = [];
        for (const e of texts) {{
          if (e.closest(':disabled') || e.closest('label')?.control?.disabled) continue;
          const modal = [...document.querySelectorAll('dialog')].find((d) => d.open);
          if (modal && !modal.contains(e)) continue;
          const st = getComputedStyle(e);
          const fg = rgba(st.color);
          fg[3] *= opacity(e);
          if (fg[3] === 0) continue;
          const bg = backdrop(e);
          const r = ratio(over(fg, bg), bg);
          const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
          const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
          if (r < need) bad.push(`${{describe(e)}}: ${{r.toFixed(2)}} < ${{need}} (${{st.color}} on rgb(${{bg.slice(0, 3).map(Math.round).join(',')}}))`);
        }}
        return bad;"
    );
    js_strings(driver, &script).await
}

/// Every control a pointer can aim at (what [`controls`] lists) whose target is under 24×24
/// CSS px: the control's box, or the label around it, which clicks it too.
pub async fn small_targets(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let script = format!(
        "{DESCRIBE}
        const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=tab]';
        const big = (r) => r.width >= 23.99 && r.height >= 23.99;
        return [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility() && !e.closest('[aria-hidden=true]'))
          .filter((e) => {{
            const label = e.closest('label') ?? (e.id && document.querySelector(`label[for=\"${{e.id}}\"]`));
            // Inline text (a sentence to swap) is aimed at by its lines, each a line high.
            const lines = [...e.getClientRects()];
            return !big(e.getBoundingClientRect()) && !(label && big(label.getBoundingClientRect())) && !(lines.length > 1 && lines.every((l) => l.height >= 23.99));
          }})
          .map((e) => {{ const r = e.getBoundingClientRect(); return `${{describe(e)}}: ${{r.width.toFixed(1)}}×${{r.height.toFixed(1)}}`; }});"
    );
    js_strings(driver, &script).await
}

/// What does not fit the window as it is now: sideways scrolling of the page or of any box of
/// text, text cut off by a box that hides its overflow, sidebar items beyond the window, and
/// controls drawn over one another (a sticky bar over what scrolls under it is by design).
pub async fn layout_failures(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let script = format!(
        "{DESCRIBE}
        const bad = [];
        const content = document.querySelector('.content');
        if (document.documentElement.scrollWidth > innerWidth + 1) bad.push(`the page scrolls sideways: ${{document.documentElement.scrollWidth}} > ${{innerWidth}}`);
        const editable = 'input, select, textarea, [data-highlights], .visually-hidden';
        for (const e of document.querySelectorAll('body *')) {{
          if (!e.checkVisibility() || e.matches(editable) || e.closest('.visually-hidden')) continue;
          const st = getComputedStyle(e);
          if (st.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) bad.push(`${{describe(e)}} scrolls or cuts sideways: ${{e.scrollWidth}} > ${{e.clientWidth}}`);
          if ((st.overflowY === 'hidden' || st.overflowY === 'clip') && e.scrollHeight > e.clientHeight + 1) bad.push(`${{describe(e)}} cuts its text: ${{e.scrollHeight}} > ${{e.clientHeight}}`);
          const r = e.getBoundingClientRect();
          if (r.width && (r.right > innerWidth + 1 || r.left < -1) && !e.closest('.skip-link')) bad.push(`${{describe(e)}} beyond the window: ${{r.left.toFixed(0)}}–${{r.right.toFixed(0)}} of ${{innerWidth}}`);
        }}
        const sidebar = document.querySelector('.sidebar');
        const sst = getComputedStyle(sidebar);
        if (sst.overflowY === 'visible' && sidebar.scrollHeight > sidebar.clientHeight + 1) bad.push(`the sidebar runs past the window: ${{sidebar.scrollHeight}} > ${{sidebar.clientHeight}}`);
        const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
        const stuck = (e) => {{ for (let n = e; n; n = n.parentElement) {{ const p = getComputedStyle(n).position; if (p === 'sticky' || p === 'fixed') return true; }} return false; }};
        // What of a control shows: each of its lines, cut to the boxes that scroll it.
        const shows = (e) => {{
          let rects = [...e.getClientRects()].map((r) => ({{l: r.left, t: r.top, r: r.right, b: r.bottom}}));
          for (let n = e.parentElement; n; n = n.parentElement) {{
            const st = getComputedStyle(n);
            if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
            const c = n.getBoundingClientRect();
            rects = rects.map((r) => ({{l: Math.max(r.l, c.left), t: Math.max(r.t, c.top), r: Math.min(r.r, c.right), b: Math.min(r.b, c.bottom)}}))
              .filter((r) => r.r > r.l && r.b > r.t);
          }}
          return rects;
        }};
        const list = [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility() && !e.closest('.visually-hidden'))
          .map((e) => [e, shows(e)]).filter(([, r]) => r.length);
        for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {{
          const [[a, ra], [b, rb]] = [list[i], list[j]];
          if (a.contains(b) || b.contains(a) || a.closest('label') === b.closest('label') && a.closest('label') || stuck(a) || stuck(b)) continue;
          for (const p of ra) for (const q of rb) {{
            const w = Math.min(p.r, q.r) - Math.max(p.l, q.l), h = Math.min(p.b, q.b) - Math.max(p.t, q.t);
            if (w > 2 && h > 2) {{ bad.push(`${{describe(a)}} and ${{describe(b)}} overlap (${{w.toFixed(0)}}×${{h.toFixed(0)}})`); break; }}
          }}
        }}
        return bad;"
    );
    js_strings(driver, &script).await
}

/// Zooms the page as a person would, with Ctrl + (Tauri's 20% steps), until it is at `percent`.
pub async fn zoom_to(driver: &WebDriver, percent: u32, base_width: u32) -> WebDriverResult<()> {
    let steps = (percent.saturating_sub(100)) / 20;
    for _ in 0..steps {
        chord(driver, Key::Control, "=").await?;
    }
    let want = base_width * 100 / percent;
    eventually(&format!("the page at {percent}%"), || async {
        let w = js(driver, "return innerWidth", vec![]).await?;
        Ok((w.as_u64().map(|w| w as u32) == Some(want)).then_some(()))
    })
    .await
}

impl Shots {
    /// A PNG of the window as it is now (no resizing) at `path`, whether or not
    /// `POLITELY_SCREENSHOTS` is set; WebDriver's screenshot when the X grab fails.
    pub async fn grab_as_is(&self, driver: &WebDriver, path: &Path) -> WebDriverResult<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        driver.action_chain().move_to(1, 1).perform().await.ok();
        tokio::time::sleep(Duration::from_millis(300)).await;
        if self.grab_window(path).is_none() {
            driver.screenshot(path).await?;
        }
        Ok(())
    }
}
