//! The command line is a public interface: flags, exit codes and JSON fields are pinned here.

use crate::util::{politely, run, TempDir};

#[test]
fn help_and_version_work_without_a_display() {
    let home = TempDir::new("help");
    let (code, out, err) = run(politely(home.path()).arg("--help"));
    assert_eq!(code, 0, "--help exits 0; stderr: {err}");
    assert!(out.contains("Usage: politely"), "usage on stdout: {out}");
    assert!(
        out.contains("--data-dir <DIR>"),
        "documents --data-dir: {out}"
    );

    let (code, out, _) = run(politely(home.path()).arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("politely {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        !home.path().join(".local").exists(),
        "help/version must not create any data folder"
    );
}

#[test]
fn unknown_subcommand_and_flag_print_usage_on_stderr_and_exit_2() {
    let home = TempDir::new("usage");
    for args in [&["frobnicate"][..], &["--frobnicate"], &["about", "--nope"]] {
        let (code, out, err) = run(politely(home.path()).args(args));
        assert_eq!(code, 2, "{args:?} must exit 2");
        assert!(out.is_empty(), "{args:?}: nothing on stdout, got {out}");
        assert!(
            err.contains("Usage: politely"),
            "{args:?}: usage on stderr, got {err}"
        );
    }
}

#[test]
fn about_json_reports_version_and_the_chosen_data_dir() {
    let home = TempDir::new("about");
    let flag_dir = home.path().join("by-flag");
    let env_dir = home.path().join("by-env");

    let (code, out, err) = run(politely(home.path())
        .env("POLITELY_DATA_DIR", &env_dir)
        .args(["about", "--json", "--data-dir"])
        .arg(&flag_dir));
    assert_eq!(code, 0, "stderr: {err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("about --json prints JSON");
    assert_eq!(json["name"], "Politely");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        json["data_dir"],
        flag_dir.to_str().unwrap(),
        "--data-dir wins over the variable"
    );
    assert_eq!(json["data_dir_source"], "flag");
    assert!(flag_dir.is_dir() && !env_dir.exists());

    let (code, out, _) = run(politely(home.path())
        .env("POLITELY_DATA_DIR", &env_dir)
        .args(["about", "--json"]));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["data_dir"], env_dir.to_str().unwrap());
    assert_eq!(json["data_dir_source"], "environment");

    let (code, out, _) = run(politely(home.path()).arg("about"));
    assert_eq!(code, 0);
    let expected = home.path().join(".local/share/app.politely.desktop");
    assert!(
        out.contains(&format!("Data folder: {}", expected.display())),
        "default is the OS app-data folder: {out}"
    );
}

#[test]
fn unwritable_data_dir_is_a_clear_error_with_exit_3_and_nothing_deleted() {
    let home = TempDir::new("unwritable");
    // Root ignores permission bits, so block the folder with a file instead: that fails for everyone.
    let blocker = home.path().join("blocker");
    std::fs::write(&blocker, "precious").unwrap();

    for (label, gui) in [("about", false), ("window", true)] {
        let mut cmd = politely(home.path());
        cmd.arg("--data-dir").arg(blocker.join("data"));
        if gui {
            // A display that is never reached: the data folder is checked before GTK starts.
            cmd.env("DISPLAY", ":4242");
        } else {
            cmd.arg("about");
        }
        let (code, out, err) = run(&mut cmd);
        assert_eq!(code, 3, "{label}: storage problems exit 3; stderr: {err}");
        assert!(out.is_empty(), "{label}: nothing on stdout");
        assert!(
            err.contains(&blocker.join("data").display().to_string())
                && err.contains("cannot be created"),
            "{label}: the message names the folder and the problem: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&blocker).unwrap(),
            "precious",
            "nothing deleted"
        );
    }

    let (code, _, err) = run(politely(home.path()).args(["about", "--data-dir", ""]));
    assert_eq!(code, 2, "an empty --data-dir is bad input: {err}");
    assert!(err.contains("--data-dir"), "{err}");
}

#[test]
fn no_display_explains_how_to_get_one_and_creates_nothing() {
    let home = TempDir::new("nodisplay");
    let data = home.path().join("data");
    let (code, out, err) = run(politely(home.path()).arg("--data-dir").arg(&data));
    assert_eq!(code, 1, "stderr: {err}");
    assert!(out.is_empty());
    assert!(
        err.contains("no display") && err.contains("xvfb-run"),
        "{err}"
    );
    assert!(
        !data.exists(),
        "no data folder is created when no window can open"
    );
}
