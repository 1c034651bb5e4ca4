//! `politely advise [FILE|-] [--json]` as users script it: output fields, text form, exit codes.

use crate::util::{politely, run, run_with_stdin, TempDir};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/situations/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn advise_json(name: &str) -> serde_json::Value {
    let home = TempDir::new("advise");
    let (code, out, err) = run(politely(home.path())
        .args(["advise", "--json"])
        .arg(fixture(name)));
    assert_eq!(code, 0, "{name}: stderr {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: JSON on stdout ({e}): {out}"))
}

fn ids(json: &serde_json::Value) -> Vec<&str> {
    json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect()
}

#[test]
fn three_situations_give_the_documented_advice() {
    let email = advise_json("email-decline");
    assert_eq!(email["verdict"], "decline");
    assert_eq!(email["channel"]["primary"], "email");
    assert_eq!(email["channel"]["confirm_by_email"], false);
    assert_eq!(email["scenario"], "logistics");
    assert_eq!(email["respond_by"], "2026-11-28T09:30:00+01:00");
    assert_eq!(email["ideal_by"], "2026-11-26T09:30:00+01:00");
    assert_eq!(
        (email["overdue"].as_bool(), email["last_minute"].as_bool()),
        (Some(false), Some(false))
    );
    assert_eq!(
        email["include"],
        serde_json::json!({"stay_connected": true, "referral": false})
    );
    assert!(ids(&email).is_empty());
    assert_eq!(email["roadmap"].as_array().unwrap().len(), 7);
    assert_eq!(email["inform"], serde_json::json!(["recruiter"]));

    let phone = advise_json("late-stage-phone");
    assert_eq!(phone["verdict"], "decline");
    assert_eq!(phone["channel"]["primary"], "phone");
    assert_eq!(phone["channel"]["confirm_by_email"], true);
    assert_eq!(
        phone["scenario"], "cancel_last_minute",
        "interview 29 h away wins over the reasons"
    );
    assert_eq!(phone["overdue"], true);
    assert_eq!(
        ids(&phone),
        [
            "offer-not-confirmed",
            "referral-without-permission",
            "overdue",
            "last-minute",
            "late-stage"
        ]
    );

    let linkedin = advise_json("linkedin-undecided");
    assert_eq!(linkedin["verdict"], "ask_for_time");
    assert_eq!(linkedin["channel"]["primary"], "linkedin");
    assert_eq!(linkedin["scenario"], "ask_for_time");
}

#[test]
fn standard_input_and_the_text_form() {
    let home = TempDir::new("advise-stdin");
    let text = std::fs::read_to_string(fixture("email-decline")).unwrap();
    let (code, stdout, stderr) = run_with_stdin(politely(home.path()).args(["advise", "-"]), &text);
    assert_eq!(code, 0, "{stderr}");
    for needle in [
        "Verdict:  Decline",
        "Channel:  Email",
        "Message:  Withdraw: location, visa or time zone",
        "Roadmap:",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in:\n{stdout}");
    }
}

#[test]
fn invalid_situations_exit_2_with_one_message_naming_the_field() {
    let home = TempDir::new("advise-bad");
    let ok = r#""company": "Acme", "role": "Engineer", "invited_at": "2026-11-25T10:00:00Z""#;
    let cases = [
        (format!("{{{ok}, \"salary\": 1}}"), "salary: is not a field Politely knows"),
        (r#"{"role": "r", "invited_at": "2026-11-25T10:00:00Z"}"#.to_string(), "company: is required"),
        (r#"{"company": "A", "role": "r", "invited_at": "25/11/2026"}"#.to_string(), "invited_at: is not a date-time"),
        (
            format!("{{{ok}, \"now\": \"2026-11-20T00:00:00Z\"}}"),
            "invited_at: is 2026-11-25T10:00:00+00:00, which is after now",
        ),
        (format!("{{\"company\": \"{}\", \"role\": \"r\", \"invited_at\": \"2026-11-25T10:00:00Z\"}}", "é".repeat(300)), "company: is 300 characters long; the limit is 200"),
        ("not json".to_string(), "input: is not valid JSON"),
    ];
    for (doc, expected) in cases {
        let file = home.path().join("situation.json");
        std::fs::write(&file, &doc).unwrap();
        let (code, out, err) = run(politely(home.path()).args(["advise", "--json"]).arg(&file));
        assert_eq!(code, 2, "exit 2 for {expected}; stderr {err}");
        assert!(out.is_empty(), "nothing on stdout for {expected}");
        assert_eq!(err.lines().count(), 1, "one message: {err}");
        assert!(
            err.starts_with(&format!("politely: {expected}")),
            "expected {expected:?}, got {err}"
        );
    }
}

#[test]
fn unreadable_huge_or_binary_input_is_bad_input() {
    let home = TempDir::new("advise-input");
    let (code, _, err) = run(politely(home.path()).args(["advise", "/no/such/situation.json"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("input: cannot read /no/such/situation.json"),
        "{err}"
    );

    let huge = home.path().join("huge.json");
    std::fs::write(&huge, vec![b' '; (1 << 20) + 1]).unwrap();
    let (code, _, err) = run(politely(home.path()).arg("advise").arg(&huge));
    assert_eq!(code, 2);
    assert!(err.contains("larger than 1 MiB"), "{err}");

    let binary = home.path().join("binary.json");
    std::fs::write(&binary, [b'{', 0xff, 0xfe, b'}']).unwrap();
    let (code, _, err) = run(politely(home.path()).arg("advise").arg(&binary));
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
}
