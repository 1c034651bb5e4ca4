//! The hostile corpus (`tests/fixtures/hostile/`) through every CLI subcommand that reads it:
//! whatever the input, the exit code is 0, 1, 2 or 3 (never a panic's 101), the run ends within
//! the hang guard, nothing in the output acts on a terminal, and no user data file is harmed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{politely, TempDir};

/// A run that takes longer than this is a hang, not slowness: the slowest case (50,000 "!"
/// proofread, a debug build) takes about 7 s on an idle 2-core machine; speed is measured by
/// the benchmarks, not here.
const HANG: Duration = Duration::from_secs(300);

fn corpus(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Where a hostile path is written to: re-rooted two folders deep in `home`, so neither an
/// absolute path nor `../..` reaches outside it.
fn confined(home: &TempDir, path: &str) -> String {
    home.path()
        .join("root/deep")
        .join(path.trim_start_matches('/'))
        .to_string_lossy()
        .into_owned()
}

fn cases() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// Runs `politely args…` (stdin closed) and checks the promises; returns the exit code.
fn run(home: &TempDir, args: &[&str], seen: &mut Vec<String>) -> i32 {
    let mut cmd: Command = politely(home.path());
    // Relative paths in the corpus land in the temporary home, never in the work tree.
    cmd.current_dir(home.path())
        .arg("--data-dir")
        .arg(home.path().join("data"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd.spawn().expect("politely runs");
    let out = loop {
        if child.try_wait().expect("wait").is_some() {
            break child.wait_with_output().expect("output");
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("politely {args:?} hung for {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let code = out.status.code().unwrap_or(-1);
    let label = format!("politely {:?}", args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        [0, 1, 2, 3].contains(&code),
        "{label}: exit {code}\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{label}: {stderr}");
    // Data written into a pipe (JSON, an export, a calendar, a draft) is exact, so it may hold
    // the user's right-to-left marks; human-readable output shows even those as escapes. No
    // control character from the input reaches either (input with them is refused or escaped).
    let data = args
        .iter()
        .any(|a| ["--json", "export", "export-ics", "draft"].contains(a));
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        // CRLF line ends are a format's own (iCalendar, .eml), not data reaching the terminal.
        let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
        let acting = text.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || (!(data && name == "stdout")
                    && matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        });
        assert!(
            acting.is_none(),
            "{label}: {name} holds {acting:?}, which acts on a terminal"
        );
    }
    seen.push(format!("{code} {label}"));
    code
}

#[test]
fn hostile_inputs_never_crash_hang_or_reach_the_terminal() {
    let home = TempDir::new("hostile");
    let mut seen = Vec::new();
    let file = |p: &PathBuf| p.to_str().unwrap().to_owned();

    // The stateless runs go two at a time (the machine has two cores); each line is one run.
    let mut jobs: Vec<Vec<String>> = Vec::new();
    let lint_one = file(&corpus("lint")[0]);
    for s in corpus("situations") {
        let f = file(&s);
        for args in [
            vec!["advise", &f],
            vec!["advise", "--json", &f],
            vec!["draft", &f, "--channel", "email"],
            vec!["draft", &f, "--channel", "phone", "--json"],
            vec!["history", "add", "--situation", &f],
            vec!["lint", &lint_one, "--context", &f],
        ] {
            jobs.push(args.into_iter().map(str::to_owned).collect());
        }
    }
    for l in corpus("lint") {
        let f = file(&l);
        for args in [
            vec!["lint", f.as_str(), "--channel", "phone"],
            vec!["lint", f.as_str(), "--channel", "linkedin", "--json"],
            vec!["lint", f.as_str()],
        ] {
            jobs.push(args.into_iter().map(str::to_owned).collect());
        }
    }
    let parallel: Vec<String> = std::thread::scope(|scope| {
        let (left, right) = jobs.split_at(jobs.len() / 2);
        let runs: Vec<_> = [left, right]
            .into_iter()
            .map(|half| {
                let home = &home;
                scope.spawn(move || {
                    let mut seen = Vec::new();
                    for args in half {
                        let args: Vec<&str> = args.iter().map(String::as_str).collect();
                        run(home, &args, &mut seen);
                    }
                    seen
                })
            })
            .collect();
        runs.into_iter()
            .flat_map(|r| r.join().expect("a run thread"))
            .collect()
    });
    seen.extend(parallel);
    for t in corpus("templates") {
        let code = run(&home, &["templates", "check", &file(&t)], &mut seen);
        let name = t.file_name().unwrap().to_str().unwrap();
        assert_eq!(
            code == 0,
            // (many-prints and long-filter-chain are over the 20 KiB limit)
            name.starts_with("valid-") || name == "script-text.tera",
            "{name}: only plain fields, if/else and filters pass (exit {code})"
        );
    }
    // The user's own record is in the history before any import: nothing may attach to it.
    let mine = run(
        &home,
        &[
            "history",
            "add",
            "--situation",
            &file(
                &corpus("situations")
                    .into_iter()
                    .find(|p| p.ends_with("role-sql.json"))
                    .unwrap(),
            ),
        ],
        &mut seen,
    );
    assert_eq!(mine, 0);
    for i in corpus("imports") {
        let f = file(&i);
        let dry = run(&home, &["history", "import", "--dry-run", &f], &mut seen);
        let real = run(&home, &["history", "import", &f], &mut seen);
        assert_eq!(dry, real, "--dry-run reports what the import does: {f}");
        let name = i.file_name().unwrap().to_str().unwrap();
        let accepted = ["valid.json", "id-collision-attack.json"].contains(&name);
        assert_eq!(real == 0, accepted, "{name}: exit {real}");
    }
    let cases = cases();
    for title in strings(&cases["reminder_titles"]) {
        for due in strings(&cases["reminder_dues"]) {
            run(
                &home,
                &["reminders", "add", "--title", &title, "--due", &due],
                &mut seen,
            );
        }
    }
    run(&home, &["reminders", "list"], &mut seen);
    run(&home, &["reminders", "list", "--all"], &mut seen);
    run(&home, &["reminders", "export-ics", "--all"], &mut seen);
    run(&home, &["history", "list"], &mut seen);
    run(
        &home,
        &[
            "history",
            "list",
            "--search",
            "\u{1b}[2J {{ 7*7 }} \" OR 1=1 --",
        ],
        &mut seen,
    );
    run(&home, &["history", "show", "1"], &mut seen);
    run(&home, &["history", "export", "--format", "md"], &mut seen);
    run(&home, &["templates", "list"], &mut seen);

    let db = home.path().join("data/politely.db");
    let before = std::fs::read(&db).unwrap();
    for path in strings(&cases["paths"]) {
        let restore = run(&home, &["history", "restore", &path], &mut seen);
        assert_ne!(restore, 0, "only a Politely history is restored: {path:?}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "nothing moved for {path:?}"
        );
        run(&home, &["history", "import", &path], &mut seen);
        // Reading any path is harmless; writing is not (CI runs as root, and an export to
        // /etc/shadow would do what it says): every path written to is the same path re-rooted
        // in the temporary home.
        let written = confined(&home, &path);
        run(
            &home,
            &["history", "export", "--format", "json", "--out", &written],
            &mut seen,
        );
        let other = TempDir::new("hostile-path");
        let mut cmd = politely(other.path());
        let out = cmd
            .current_dir(other.path())
            .arg("--data-dir")
            .arg(confined(&other, &path))
            .arg("about")
            .output()
            .expect("runs");
        assert!(
            [0, 2, 3].contains(&out.status.code().unwrap_or(-1)),
            "--data-dir {path:?}"
        );
    }
    // A full disk: the output cannot be written, so the run says so and ends with 3 (not 0,
    // not a panic); a closed pipe ends quietly.
    for args in [
        vec!["history", "list"],
        vec!["history", "list", "--json"],
        vec!["history", "export", "--format", "csv"],
        vec!["about"],
    ] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let out = politely(home.path())
            .current_dir(home.path())
            .arg("--data-dir")
            .arg(home.path().join("data"))
            .args(&args)
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(3), "{args:?} into a full disk");
    }
    assert!(seen.len() >= 500, "{} runs", seen.len());
    eprintln!("hostile corpus: {} runs, all ended 0–3", seen.len());
}

/// An export replaces only a plain file: into a pipe (or a device such as /dev/null) it is
/// written as into any stream, and the pipe is still a pipe afterwards (a rename over
/// `/dev/null` once left a plain file there); through a link, the link stays and the file it
/// names gets the export; a folder is refused and kept.
#[cfg(unix)]
#[test]
fn exports_replace_only_plain_files() {
    use std::os::unix::fs::FileTypeExt;
    let home = TempDir::new("export-targets");
    let mut seen = Vec::new();
    let fifo = home.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for args in [
        vec!["history", "export", "--format", "json", "--out"],
        vec!["reminders", "export-ics", "--out"],
    ] {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).expect("the pipe is read"))
        };
        let mut all = args.clone();
        all.push(fifo.to_str().unwrap());
        assert_eq!(run(&home, &all, &mut seen), 0, "{args:?} into a pipe");
        // Checked before waiting for the reader: a pipe replaced by a file is never opened
        // for writing, and the reader would wait for ever.
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{args:?}: the pipe is still a pipe");
        let text = reader.join().unwrap();
        assert!(
            text.starts_with('{') || text.starts_with("BEGIN:VCALENDAR"),
            "{args:?}: {}",
            &text[..text.len().min(40)]
        );
    }

    let file = home.path().join("kept.json");
    std::fs::write(&file, "old").unwrap();
    let link = home.path().join("link.json");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let out = [
        "history",
        "export",
        "--format",
        "json",
        "--out",
        link.to_str().unwrap(),
    ];
    assert_eq!(run(&home, &out, &mut seen), 0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("politely-history"));

    let folder = home.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let out = [
        "history",
        "export",
        "--format",
        "json",
        "--out",
        folder.to_str().unwrap(),
    ];
    assert_eq!(run(&home, &out, &mut seen), 2, "a folder is refused");
    assert!(folder.is_dir());
}
