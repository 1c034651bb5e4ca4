//! `politely history …` against a real database file in a temporary data folder.

use crate::util::{politely, run, TempDir};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/situations/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn cli(home: &TempDir, args: &[&str]) -> (i32, String, String) {
    let data = home.path().join("data");
    run(politely(home.path())
        .arg("--data-dir")
        .arg(&data)
        .args(args))
}

#[test]
fn add_list_search_show_and_export_import_round_trip() {
    let home = TempDir::new("history");
    let (code, out, err) = cli(
        &home,
        &["history", "add", "--situation", &fixture("email-decline")],
    );
    assert_eq!(
        (code, out.trim()),
        (0, "1"),
        "prints the new id; stderr {err}"
    );
    let (code, out, _) = cli(
        &home,
        &[
            "history",
            "add",
            "--situation",
            &fixture("late-stage-phone"),
            "--json",
        ],
    );
    assert_eq!(code, 0);
    let added: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(added["id"], 2);
    assert_eq!(added["advice"]["verdict"], "decline");

    let (_, out, _) = cli(&home, &["history", "list", "--search", "acme", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["company"], "Acme Robotics");
    for key in [
        "id",
        "company",
        "role",
        "contact_name",
        "status",
        "invited_at",
        "updated_at",
        "deleted_at",
    ] {
        assert!(rows[0].get(key).is_some(), "list --json has {key}");
    }

    let (code, out, _) = cli(&home, &["history", "show", "1", "--json"]);
    assert_eq!(code, 0);
    let detail: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(detail["opportunity"]["status"], "open");
    assert_eq!(
        detail["decisions"].as_array().unwrap().len(),
        1,
        "the Situation and Advice snapshot is kept"
    );

    let export = home.path().join("export.json");
    let (code, _, err) = cli(
        &home,
        &[
            "history",
            "export",
            "--format",
            "json",
            "--out",
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read_to_string(&export).unwrap();
    assert!(
        first.starts_with("{\n  \"format\": \"politely-history\",\n  \"version\": 1,"),
        "{first:.80}"
    );

    let other = TempDir::new("history-import");
    let (code, out, err) = cli(
        &other,
        &["history", "import", export.to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("would add 2 opportunities"), "{out}");
    let (_, out, _) = cli(&other, &["history", "list", "--json"]);
    assert_eq!(out.trim(), "[]", "a dry run stores nothing");
    let (code, out, _) = cli(&other, &["history", "import", export.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("added 2 opportunities"), "{out}");
    let (_, second, _) = cli(&other, &["history", "export", "--format", "json"]);
    assert_eq!(second, first, "export → import → export is byte-identical");
    let (_, out, _) = cli(&other, &["history", "import", export.to_str().unwrap()]);
    assert!(
        out.contains("skipped 2 opportunities that already exist (ids 1, 2)"),
        "{out}"
    );

    // Exports are far larger than a Situation: a 3 MB one imports (the 1 MiB limit is for Situations).
    let big = home.path().join("big.json");
    let mut doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    // 40 notes at the window's own limit (100,000 characters each): 4 MB.
    doc["notes"] = (1..=40)
        .map(|i| serde_json::json!({"id": i, "opportunity_id": 1, "body": "n".repeat(99_000), "created_at": "2026-11-26T10:00:00Z"}))
        .collect();
    std::fs::write(&big, doc.to_string()).unwrap();
    let third = TempDir::new("history-big");
    let (code, out, err) = cli(&third, &["history", "import", big.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added 40 notes"), "{out}");

    for (format, needle) in [("csv", "id,company,role"), ("md", "# Career folder")] {
        let (code, out, _) = cli(&home, &["history", "export", "--format", format]);
        assert_eq!(code, 0);
        assert!(out.starts_with(needle), "{format}: {out:.60}");
    }
}

#[test]
fn exit_codes_0_ok_2_bad_input_3_storage() {
    let home = TempDir::new("history-codes");
    assert_eq!(
        cli(&home, &["history", "show", "42"]).0,
        2,
        "unknown id is bad input"
    );
    assert_eq!(cli(&home, &["history", "list", "--from", "soon"]).0, 2);
    assert_eq!(cli(&home, &["history", "export", "--format", "xml"]).0, 2);
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "politely-history", "version": 9}"#).unwrap();
    let (code, _, err) = cli(&home, &["history", "import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("newer Politely"), "{err}");

    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("politely.db"),
        b"not a database at all, only text",
    )
    .unwrap();
    let (code, _, err) = cli(&home, &["history", "list"]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("is damaged") && err.contains("politely history restore"),
        "{err}"
    );
    let (code, out, _) = cli(&home, &["history", "start-new"]);
    assert_eq!(code, 0);
    assert!(out.contains("kept as"), "{out}");
    let kept: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("politely.db.set-aside-")
        })
        .collect();
    assert_eq!(
        std::fs::read(kept[0].path()).unwrap(),
        b"not a database at all, only text",
        "never deleted"
    );
    assert_eq!(cli(&home, &["history", "list"]).0, 0);
}

#[test]
fn a_database_from_a_newer_version_is_refused_byte_identical() {
    let home = TempDir::new("history-newer");
    assert_eq!(
        cli(
            &home,
            &["history", "add", "--situation", &fixture("email-decline")]
        )
        .0,
        0
    );
    let db = home.path().join("data/politely.db");
    // Mark it as written by a future schema, with sqlite3's own format: user_version at byte 60.
    let (code, _, _) = cli(&home, &["history", "backup"]);
    assert_eq!(code, 0);
    let mut bytes = std::fs::read(&db).unwrap();
    if bytes.len() >= 64 {
        bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::write(&db, &bytes).unwrap();
    let (code, _, err) = cli(&home, &["history", "list"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("newer version of Politely"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "left byte-identical");
}
