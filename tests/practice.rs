//! `politely practice estimate`: a phone script in, its speaking time out; exit 0, or 2 for bad
//! input.

use crate::util::{politely, run, run_with_stdin, TempDir};

const SITUATION: &str = "tests/fixtures/situations/email-decline.json";

fn estimate(home: &TempDir, args: &[&str], script: &str) -> (i32, String, String) {
    run_with_stdin(
        politely(home.path())
            .args(["practice", "estimate"])
            .args(args),
        script,
    )
}

#[test]
fn a_drafted_script_piped_in_keeps_its_beats_and_the_drafts_estimate() {
    let home = TempDir::new("practice-draft");
    let (code, draft_json, err) = run(politely(home.path()).args([
        "draft",
        "--situation",
        SITUATION,
        "--channel",
        "phone",
        "--json",
    ]));
    assert_eq!(code, 0, "{err}");
    let draft: serde_json::Value = serde_json::from_str(&draft_json).unwrap();
    let (code, text, err) =
        run(politely(home.path()).args(["draft", "--situation", SITUATION, "--channel", "phone"]));
    assert_eq!(code, 0, "{err}");

    let (code, out, err) = estimate(&home, &["--json"], &text);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["seconds"].as_f64().unwrap().round() as u64,
        draft["estimated_seconds"].as_u64().unwrap(),
        "the same estimate as the draft's: {out}"
    );
    assert_eq!(v["words"], draft["words"]);
    let names: Vec<&str> = v["beats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["greeting", "decision", "reason", "goodwill"]);
    for b in v["beats"].as_array().unwrap() {
        assert!(b["words"].as_u64().unwrap() > 0 && b["seconds"].as_f64().unwrap() > 0.0);
        assert!(
            !b["text"].as_str().unwrap().contains(" · ~"),
            "headings are not said: {b}"
        );
    }
    assert_eq!(v["band"], "in");
    assert_eq!(v["wpm"], 150);

    // A slower pace, from a file, as text.
    let file = home.path().join("script.txt");
    std::fs::write(&file, &text).unwrap();
    let (code, out, err) = run(politely(home.path()).args([
        "practice",
        "estimate",
        file.to_str().unwrap(),
        "--wpm",
        "110",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("About ") && out.contains("at 110 words a minute"),
        "{out}"
    );
    assert!(
        out.contains("greeting and thanks") && out.contains("goodwill close"),
        "{out}"
    );
}

#[test]
fn an_over_long_script_is_estimated_with_a_warning_naming_the_beat() {
    let home = TempDir::new("practice-long");
    let reason = "It is a long story about the commute and the trains and the buses. ".repeat(12);
    let script = format!(
        "Hi Dana, this is Sam. Thanks for your time.\n\nI am withdrawing my application.\n\n{reason}\n\nI wish you the best with the search."
    );
    let (code, out, err) = estimate(&home, &[], &script);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("over the 30–60 s target"), "{out}");
    assert!(
        out.contains("warning: About") && out.contains("“brief reason”"),
        "{out}"
    );
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let home = TempDir::new("practice-bad");
    let script = "Hi Dana. I am withdrawing my application.";
    for (args, input, expect) in [
        (vec!["--wpm", "200"], script, "wpm: 200 is outside 110–190"),
        (vec!["--wpm", "90"], script, "wpm: 90 is outside 110–190"),
        (vec![], "", "script: has no words"),
        (vec![], "\n \n -- about 40 s\n", "script: has no words"),
        (
            vec!["/nonexistent/script.txt"],
            "",
            "cannot read /nonexistent/script.txt",
        ),
    ] {
        let (code, out, err) = estimate(&home, &args, input);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(out.is_empty(), "{out}");
    }
    let (code, _, err) = estimate(&home, &["--wpm", "fast"], script);
    assert_eq!(code, 2, "clap refuses a pace that is not a number: {err}");

    let huge = "word ".repeat(220_000);
    let (code, _, err) = estimate(&home, &[], &huge);
    assert_eq!(code, 2);
    assert!(err.contains("larger than 1 MiB"), "{err}");

    let bytes = home.path().join("latin1.txt");
    std::fs::write(&bytes, b"I am withdrawing \xe9\n").unwrap();
    let (code, _, err) =
        run(politely(home.path()).args(["practice", "estimate", bytes.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
}
