//! Helpers: a temporary folder that cleans up after itself, and the binary run with a private
//! HOME so no test ever reads or writes the real user's data.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("politely-test-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `politely` with HOME and XDG folders inside `home`, no display and no POLITELY_DATA_DIR.
pub fn politely(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_politely"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("POLITELY_DATA_DIR")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    cmd
}

pub fn run(cmd: &mut Command) -> (i32, String, String) {
    run_output(cmd.output().expect("politely runs"))
}

/// Runs `cmd` with `input` on standard input; (exit code, stdout, stderr) like [`run`].
pub fn run_with_stdin(cmd: &mut Command, input: &str) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("politely runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_owned();
    // On its own thread, so a large input never waits on output nobody reads yet; a program that
    // refuses the input (too large) may close its end before reading it all: not a failure.
    let writer = std::thread::spawn(move || match stdin.write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("input written: {e}"),
        _ => {}
    });
    let out = child.wait_with_output().expect("politely ends");
    writer.join().expect("the input writer ends");
    run_output(out)
}

fn run_output(out: Output) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = out;
    (
        status.code().expect("exited, not killed by a signal"),
        String::from_utf8(stdout).expect("stdout is UTF-8"),
        String::from_utf8(stderr).expect("stderr is UTF-8"),
    )
}
