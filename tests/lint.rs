//! `politely lint`: text in, findings out; exit 0 clean, 1 errors, 2 bad input.

use crate::util::{politely, run, run_with_stdin, TempDir};

fn lint_stdin(home: &TempDir, args: &[&str], text: &str) -> (i32, String, String) {
    run_with_stdin(politely(home.path()).arg("lint").args(args), text)
}

const GOOD: &str = "Subject: Data Engineer interview — Sam Lee\n\nDear Priya,\n\nThank you for inviting me to interview for the Data Engineer role. I am writing to let you know that I am withdrawing my application, as the commute would not work for me.\n\nI wish you the best with the search.\n\nBest regards,\nSam Lee\n";

#[test]
fn a_good_message_exits_0_with_an_empty_json_report() {
    let home = TempDir::new("lint-good");
    let (code, out, err) = lint_stdin(&home, &["--json"], GOOD);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "infos": 0})
    );
}

#[test]
fn errors_exit_1_with_byte_spans_into_subject_and_body() {
    let home = TempDir::new("lint-bad");
    let text = "Subject: hi\nHi Priya,\n\nNo thanks. 🚀 [Name]\n";
    let (code, out, _) = lint_stdin(&home, &["--json"], text);
    assert_eq!(code, 1, "errors found → 1");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let body = "Hi Priya,\n\nNo thanks. 🚀 [Name]\n";
    let find = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} in {out}"))
    };
    let terse = find("terse");
    assert_eq!(
        (terse["severity"].as_str(), terse["part"].as_str()),
        (Some("error"), Some("body"))
    );
    let (s, e) = (
        terse["start"].as_u64().unwrap() as usize,
        terse["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], "No thanks");
    let slot = find("unfilled-placeholder");
    let (s, e) = (
        slot["start"].as_u64().unwrap() as usize,
        slot["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], "[Name]", "byte offsets past an emoji");
    let vague = find("vague-subject");
    assert_eq!(
        (
            vague["part"].as_str(),
            vague["start"].as_u64(),
            vague["end"].as_u64()
        ),
        (Some("subject"), Some(0), Some(2))
    );
    assert!(v["summary"]["errors"].as_u64().unwrap() >= 2);
    for key in ["rule", "severity", "message", "start", "end"] {
        assert!(terse.get(key).is_some(), "{key} in every finding");
    }
}

#[test]
fn channel_and_context_change_the_verdict() {
    let home = TempDir::new("lint-context");
    let script = "Hi Priya, this is Sam. Thanks for taking my call, and for the chance to interview for the Data Engineer role. I am calling to let you know that I am withdrawing my application. I really appreciate your time, and I wish you the best with the search. Take care.";
    let (code, out, _) = lint_stdin(&home, &["--channel", "phone"], script);
    assert_eq!(
        code, 0,
        "a phone script needs no subject or sign-off: {out}"
    );
    assert!(
        out.ends_with("0 errors, 0 warnings, 0 suggestions\n"),
        "{out}"
    );
    let context = home.path().join("situation.json");
    std::fs::write(&context, r#"{"company": "Acme", "role": "Data Engineer", "invited_at": "2026-11-01T09:00:00Z", "now": "2026-11-10T09:00:00Z", "reasons": ["logistics"], "checklist": {"decided": true, "fit_rechecked": true, "stay_connected": true}}"#).unwrap();
    let lie = GOOD.replace(
        "as the commute would not work for me",
        "as I have accepted another offer",
    );
    let (code, out, _) = lint_stdin(&home, &["--context", context.to_str().unwrap()], &lie);
    assert_eq!(code, 1, "{out}");
    for rule in ["dishonest-claim", "late-response", "no-future"] {
        assert!(out.contains(rule), "{rule} with the Situation: {out}");
    }
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let home = TempDir::new("lint-input");
    let (code, _, err) = run(politely(home.path()).args(["lint", "/nonexistent.txt"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let (code, _, err) = lint_stdin(&home, &["--channel", "fax"], "x");
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'fax'"), "{err}");
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, "{\"company\": 1}").unwrap();
    let (code, _, err) = lint_stdin(&home, &["--context", bad.to_str().unwrap()], GOOD);
    assert_eq!(code, 2);
    assert!(err.contains("context company"), "{err}");
    let (code, _, err) = lint_stdin(&home, &[], &"a".repeat((1 << 20) + 10));
    assert_eq!(code, 2);
    assert!(err.contains("larger than 1 MiB"), "{err}");
    let file = home.path().join("bin.txt");
    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    let (code, _, err) = run(politely(home.path()).args(["lint", file.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn the_purpose_is_read_from_the_text_or_taken_from_the_flag() {
    let home = TempDir::new("lint-purpose");
    let cancel = "Hi Priya,\n\nThank you for arranging Thursday's interview. I'm sorry, but I need to cancel it: I have accepted another position and it would not be fair to take up your time.\n\nBest regards,\nSam\n";
    let reschedule = "Hi Priya,\n\nThank you for the invitation. Something has come up on Thursday morning; could we move the interview to Friday or early next week? I'm very sorry for the change.\n\nBest regards,\nSam\n";
    let purpose_of = |args: &[&str], text: &str| {
        let (code, out, err) = lint_stdin(&home, args, text);
        assert!(code == 0 || code == 1, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        (code, v["purpose"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(purpose_of(&["--json"], GOOD), (0, "decline".into()));
    assert_eq!(purpose_of(&["--json"], cancel), (0, "cancel".into()));
    assert_eq!(
        purpose_of(&["--json"], reschedule),
        (0, "reschedule".into())
    );
    assert_eq!(
        purpose_of(&["--json", "--purpose", "reschedule"], reschedule),
        (0, "reschedule".into())
    );
    // Told it is a cancellation, a request to move the interview states no cancellation.
    let (code, purpose) = purpose_of(&["--json", "--purpose", "cancel"], reschedule);
    assert_eq!(purpose, "cancel");
    assert_eq!(code, 1, "no cancellation stated → an error");
}
