//! `politely draft` and `politely templates list`: flags, JSON fields and exit codes are pinned.

use std::process::Stdio;

use crate::util::{politely, run, run_with_stdin, TempDir};

const SITUATION: &str = r#"{
    "company": "Acme Robotics", "role": "Data Engineer",
    "contact": {"name": "Priya Natarajan", "email": "priya@acme.example"},
    "sender": {"name": "Sam Lee"},
    "invited_at": "2026-11-25T09:00:00+01:00", "now": "2026-11-26T09:00:00+01:00",
    "reasons": ["logistics"], "details": {"logistics": ["relocation"]},
    "checklist": {"decided": true, "fit_rechecked": true, "stay_connected": true}
}"#;

fn situation_file(home: &TempDir, text: &str) -> String {
    let path = home.path().join("situation.json");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn draft_json(home: &TempDir, args: &[&str]) -> serde_json::Value {
    let file = situation_file(home, SITUATION);
    let (code, out, err) = run(politely(home.path())
        .args(["draft", "--situation", &file, "--json"])
        .args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("draft --json prints JSON")
}

#[test]
fn draft_json_has_the_documented_fields_per_channel() {
    let home = TempDir::new("draft-json");
    let email = draft_json(&home, &["--channel", "email"]);
    assert_eq!(email["channel"], "email");
    assert_eq!(
        email["scenario"], "logistics",
        "the advice's scenario by default"
    );
    assert_eq!(email["formality"], "standard");
    assert!(
        email["subject"].as_str().unwrap().contains("Data Engineer"),
        "{email}"
    );
    let body = email["body"].as_str().unwrap();
    for must in ["Acme Robotics", "Data Engineer", "Priya", "Sam Lee"] {
        assert!(body.contains(must), "email body names {must}: {body}");
    }
    assert!(
        email.get("beats").is_none() && email.get("estimated_seconds").is_none(),
        "phone fields only for phone"
    );

    let phone = draft_json(&home, &["--channel", "phone", "--formality", "formal"]);
    assert_eq!(phone["formality"], "formal");
    assert!(phone.get("subject").is_none(), "no subject on the phone");
    let beats = phone["beats"].as_array().unwrap();
    let names: Vec<_> = beats.iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"greeting"));
    assert!(
        beats
            .iter()
            .all(|b| b["text"].as_str().is_some_and(|t| !t.is_empty())),
        "{beats:?}"
    );
    let seconds = phone["estimated_seconds"].as_u64().unwrap();
    assert!((30..=60).contains(&seconds), "{seconds} s");

    let linkedin = draft_json(
        &home,
        &[
            "--channel",
            "linkedin",
            "--scenario",
            "follow_up",
            "--formality",
            "warm",
        ],
    );
    assert_eq!(
        (
            linkedin["scenario"].as_str(),
            linkedin["formality"].as_str()
        ),
        (Some("follow_up"), Some("warm"))
    );
    assert!(linkedin["body"].as_str().unwrap().chars().count() <= 600);
}

#[test]
fn choose_picks_another_phrasing() {
    let home = TempDir::new("draft-choose");
    let first = draft_json(&home, &["--channel", "email"]);
    let second = draft_json(&home, &["--channel", "email", "--choose", "gratitude=2"]);
    let block = |d: &serde_json::Value| {
        d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["name"] == "gratitude")
            .unwrap()
            .clone()
    };
    assert_eq!(block(&second)["choice"], 1, "--choose counts from 1");
    assert_ne!(block(&first)["text"], block(&second)["text"]);
}

#[test]
fn draft_text_output_and_standard_input() {
    let home = TempDir::new("draft-text");
    let (code, text, _) = run_with_stdin(
        politely(home.path()).args(["draft", "--situation", "-", "--channel", "phone"]),
        SITUATION,
    );
    assert_eq!(code, 0);
    assert!(text.starts_with("[greeting · ~"), "{text}");
    assert!(text.contains("If asked “May I ask why?”"), "{text}");
}

#[test]
fn bad_draft_input_is_explained_with_exit_2() {
    let home = TempDir::new("draft-bad");
    let good = situation_file(&home, SITUATION);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--channel", "fax"], "invalid value 'fax'"),
        (
            vec!["--channel", "email", "--scenario", "ghosting"],
            "unknown scenario",
        ),
        (
            vec!["--channel", "email", "--formality", "casual"],
            "invalid value 'casual'",
        ),
        (
            vec!["--channel", "phone", "--scenario", "confirm_call"],
            "email only",
        ),
        (
            vec!["--channel", "email", "--choose", "gratitude"],
            "expected BLOCK=N",
        ),
        (
            vec!["--channel", "email", "--choose", "farewell=1"],
            "not a building block",
        ),
        (
            vec!["--channel", "email", "--choose", "gratitude=0"],
            "from 1",
        ),
    ];
    for (args, says) in cases {
        let (code, out, err) = run(politely(home.path())
            .args(["draft", "--situation", &good])
            .args(&args));
        assert_eq!(code, 2, "{args:?} exits 2; stderr: {err}");
        assert!(out.is_empty(), "{args:?}: nothing on stdout");
        assert!(
            err.contains(says),
            "{args:?}: stderr should say “{says}”: {err}"
        );
    }
    let bad = situation_file(
        &home,
        &SITUATION.replace("Acme Robotics", &"A".repeat(10_000)),
    );
    let (code, _, err) =
        run(politely(home.path()).args(["draft", "--situation", &bad, "--channel", "email"]));
    assert_eq!(code, 2);
    assert!(err.contains("company") && err.contains("200"), "{err}");
    let (code, _, err) = run(politely(home.path()).args([
        "draft",
        "--situation",
        "/nonexistent.json",
        "--channel",
        "email",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn user_text_is_printed_literally() {
    let home = TempDir::new("draft-literal");
    let nasty = "{{ 7*7 }} {% if x %} <script>alert(1)</script> 🚀 شركة";
    let file = situation_file(&home, &SITUATION.replace("Acme Robotics", nasty));
    let (code, out, err) =
        run(politely(home.path()).args(["draft", "--situation", &file, "--channel", "email"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(nasty), "{out}");
}

#[test]
fn templates_list_json_names_every_scenario() {
    let home = TempDir::new("templates");
    let (code, out, err) = run(politely(home.path()).args(["templates", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let names: Vec<_> = list
        .iter()
        .map(|t| t["scenario"].as_str().unwrap())
        .collect();
    for must in [
        "accepted_offer",
        "logistics",
        "not_a_fit",
        "growth",
        "direction",
        "staying_current_job",
        "circumstances_changed",
        "cancel_last_minute",
        "ask_for_time",
        "negotiate",
        "withdraw_after_rounds",
        "referral_offer",
        "pushback_reiterate",
        "pushback_private",
        "pushback_referral",
        "reopen",
        "confirm_call",
        "follow_up",
    ] {
        assert!(names.contains(&must), "{must} listed: {names:?}");
    }
    let confirm = list
        .iter()
        .find(|t| t["scenario"] == "confirm_call")
        .unwrap();
    assert_eq!(confirm["channels"], serde_json::json!(["email"]));
    let (code, out, _) = run(politely(home.path()).args(["templates", "list"]));
    assert_eq!(code, 0);
    assert!(out.contains("Replies to pushback"), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let home = TempDir::new("pipe");
    let mut child = politely(home.path())
        .args(["templates", "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked"),
        "no panic when the reader is gone: {err}"
    );
}

#[test]
fn user_templates_are_listed_and_drafted_by_name() {
    use politely_core::store::user_templates::TemplateDraft;
    let home = TempDir::new("user-templates");
    let data = home.path().join("data");
    let (code, out, _) = run(politely(home.path()).args([
        "--data-dir",
        data.to_str().unwrap(),
        "templates",
        "list",
        "--json",
    ]));
    assert_eq!(code, 0);
    assert!(
        !data.join("politely.db").exists(),
        "listing never creates a history database"
    );
    assert!(out.contains("\"source\": \"builtin\""), "{out}");
    {
        std::fs::create_dir_all(&data).unwrap();
        let mut store = politely_core::store::Store::open_file(&data.join("politely.db")).unwrap();
        store
            .save_user_template(&TemplateDraft {
                id: None,
                name: "Quick no".into(),
                channel: "email".into(),
                subject: "{{ role }} — {{ sender.name }}".into(),
                body: "Dear {{ contact.first_name }},\nThank you, {{ company }}. I am withdrawing.\n{{ sender.name }}".into(),
            })
            .unwrap();
    }
    let data_arg = data.to_str().unwrap();
    let (code, out, err) =
        run(politely(home.path()).args(["--data-dir", data_arg, "templates", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let mine = list
        .iter()
        .find(|t| t["source"] == "user")
        .expect("the user's template is listed");
    assert_eq!(
        (mine["name"].as_str(), mine["channels"][0].as_str()),
        (Some("Quick no"), Some("email"))
    );

    let file = situation_file(&home, SITUATION);
    let (code, out, err) = run(politely(home.path()).args([
        "--data-dir",
        data_arg,
        "draft",
        "--situation",
        &file,
        "--channel",
        "email",
        "--template",
        "Quick no",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Subject: Data Engineer — Sam Lee\n\nDear Priya,\nThank you, Acme Robotics. I am withdrawing.\nSam Lee\n");
    let (code, _, err) = run(politely(home.path()).args([
        "--data-dir",
        data_arg,
        "draft",
        "--situation",
        &file,
        "--channel",
        "phone",
        "--template",
        "Quick no",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("is written for email, not phone"), "{err}");
    let (code, _, err) = run(politely(home.path()).args([
        "--data-dir",
        data_arg,
        "draft",
        "--situation",
        &file,
        "--channel",
        "email",
        "--template",
        "Nope",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("Nope"), "{err}");
}
