//! `politely read`: the contract (JSON shape, exit codes) on a message of the corpus, and the
//! hostile messages of `tests/fixtures/hostile/read/` (deep MIME, huge headers, broken
//! encodings, hostile HTML, `{{ }}` and `<script>` in every part): exit 0 or 2, never a panic,
//! nothing in the human-readable output that acts on a terminal.

use std::path::{Path, PathBuf};

use crate::util::{politely, run, run_with_stdin, TempDir};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

#[test]
fn an_invitation_is_read_as_the_contract_says() {
    let home = TempDir::new("read-contract");
    let file = fixture("read/tune/r1/r1-001.txt");
    let (code, out, err) = run(politely(home.path())
        .args(["read", "--json", "--now", "2026-11-03T09:00:00+00:00"])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON on stdout");
    assert_eq!(v["kind"], "invitation");
    let s = &v["situation"];
    assert_eq!(s["company"], "Brackenfold Systems");
    assert_eq!(s["interview_at"], "2026-11-10T14:30:00+01:00");
    assert_eq!(s["stage"], "scheduled");
    assert_eq!(s["origin_channel"], "email");
    assert!(
        s.get("invited_at").is_none(),
        "pasted text has no invited_at: {s}"
    );
    assert!(v["evidence"]["company"].is_string());
    assert!(v.get("reply").is_none(), "only a reply has `reply`");
}

#[test]
fn a_reply_names_its_intent_and_scenario() {
    let home = TempDir::new("read-reply");
    let (code, out, err) = run_with_stdin(
        politely(home.path()).args(["read", "--json", "-"]),
        "Hi Ben, thanks for letting me know. Was it something we did? Would be good to understand for next time. Cheers, Lucy",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "reply");
    assert_eq!(v["reply"]["intent"], "asks_reason");
    assert_eq!(v["reply"]["scenario"], "pushback_private");
}

#[test]
fn unreadable_input_is_exit_2_with_a_message() {
    let home = TempDir::new("read-bad");
    for input in ["", " \n\t "] {
        let (code, out, err) = run_with_stdin(politely(home.path()).args(["read", "-"]), input);
        assert_eq!(code, 2, "{input:?}: {out}");
        assert!(err.contains("empty"), "{err}");
    }
    let (code, _, err) = run(politely(home.path()).args(["read", "/no/such/message.eml"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let big = home.path().join("big.txt");
    std::fs::write(&big, "a".repeat((1 << 20) + 1)).unwrap();
    let (code, _, err) = run(politely(home.path()).arg("read").arg(&big));
    assert_eq!(code, 2);
    assert!(err.contains("1 MiB"), "{err}");
    let (code, _, err) = run(politely(home.path()).args(["read", "--now", "tomorrow", "-"]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn hostile_messages_never_panic_and_print_nothing_that_acts_on_a_terminal() {
    let home = TempDir::new("read-hostile");
    let dir = fixture("hostile/read");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the hostile read corpus is there");
    for file in files {
        for json in [false, true] {
            let mut cmd = politely(home.path());
            cmd.args(["read", "--now", "2026-11-03T09:00:00+00:00"]);
            if json {
                cmd.arg("--json");
            }
            let (code, out, err) = run(cmd.arg(&file));
            let label = format!("{} (json: {json})", file.display());
            assert!([0, 2].contains(&code), "{label}: exit {code}\n{err}");
            assert!(!err.contains("panicked"), "{label}: {err}");
            // JSON is data (exact, escaped by the JSON writer); the text form shows even
            // bidi overrides as escapes.
            for text in [&out, &err] {
                let acts = |c: char| {
                    c.is_control() && c != '\n' && c != '\t'
                        || !json && ('\u{202a}'..='\u{202e}').contains(&c)
                };
                assert!(
                    !text.chars().any(acts),
                    "{label}: a control character reached the terminal: {text:?}"
                );
            }
            if json && code == 0 {
                let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
                for field in ["interview_at", "invited_at"] {
                    if let Some(at) = v["situation"][field].as_str() {
                        let year: i32 = at[..4].parse().unwrap();
                        assert!((1970..=2200).contains(&year), "{label}: {field} {at}");
                    }
                }
            }
        }
    }
}
