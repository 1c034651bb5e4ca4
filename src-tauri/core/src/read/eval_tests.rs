//! The accuracy of `read` on the corpus of received messages (tests/fixtures/read/): tune/ is
//! what the rules were tuned on, test/ was split off by hash before any rule existed and is only
//! ever seen through the aggregate numbers below. The targets are asserted on test/.
//!
//! `READ_EVAL_SHOW=1` prints each tune item that differs from its key (never a test item).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use serde_json::Value;

use super::read;

const FIELDS: &[&str] = &[
    "company",
    "role",
    "contact.name",
    "contact.email",
    "contact.title",
    "invited_at",
    "interview_at",
    "interview_options",
    "stage",
    "origin_channel",
    "kind",
];

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

#[derive(Default)]
struct Score {
    cases: usize,
    cases_without_invention: usize,
    fields: BTreeMap<&'static str, Tally>,
    invented: BTreeMap<&'static str, usize>,
    intents: BTreeMap<String, Tally>,
}

impl Score {
    fn fields_right(&self) -> (usize, usize) {
        self.fields
            .values()
            .fold((0, 0), |(r, t), x| (r + x.right, t + x.total))
    }
    fn intents_right(&self) -> (usize, usize) {
        self.intents
            .values()
            .fold((0, 0), |(r, t), x| (r + x.right, t + x.total))
    }
    fn report(&self, name: &str) -> String {
        let pct = |r: usize, t: usize| {
            if t == 0 {
                100.0
            } else {
                100.0 * r as f64 / t as f64
            }
        };
        let (r, t) = self.fields_right();
        let (ir, it) = self.intents_right();
        let mut out = format!(
            "{name}: {} cases; fields right {r}/{t} = {:.1}%; no invented value in {}/{} cases = {:.1}%; intents right {ir}/{it} = {:.1}%\n",
            self.cases,
            pct(r, t),
            self.cases_without_invention,
            self.cases,
            pct(self.cases_without_invention, self.cases),
            pct(ir, it)
        );
        for (field, x) in &self.fields {
            out.push_str(&format!(
                "  {field:<18} {:>3}/{:<3} {:>5.1}%  invented in {} cases\n",
                x.right,
                x.total,
                pct(x.right, x.total),
                self.invented.get(field).copied().unwrap_or(0)
            ));
        }
        for (intent, x) in &self.intents {
            out.push_str(&format!(
                "  intent {intent:<19} {:>3}/{:<3} {:>5.1}%\n",
                x.right,
                x.total,
                pct(x.right, x.total)
            ));
        }
        out
    }
}

fn corpus(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/read")
        .join(part)
}

fn get<'a>(v: &'a Value, field: &str) -> Option<&'a Value> {
    let mut cur = v;
    for p in field.split('.') {
        cur = cur.get(p)?;
    }
    (!cur.is_null()).then_some(cur)
}

fn same_time(a: &str, b: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b && a.offset() == b.offset(),
        _ => false,
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `got` answers the key's `field`.
fn right(field: &str, key: &Value, want: &Value, got: &Value) -> bool {
    match field {
        "company" | "role" => {
            let got = fold(got.as_str().unwrap_or(""));
            let field_name = field;
            let mut accepted = vec![fold(want.as_str().unwrap_or(""))];
            if let Some(list) = key
                .get("accept")
                .and_then(|a| a.get(field_name))
                .and_then(Value::as_array)
            {
                accepted.extend(list.iter().filter_map(Value::as_str).map(fold));
            }
            accepted.contains(&got)
        }
        "invited_at" | "interview_at" => {
            same_time(want.as_str().unwrap_or(""), got.as_str().unwrap_or(""))
        }
        "interview_options" => {
            let w: Vec<&str> = want
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let g: Vec<&str> = got
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            w.len() == g.len() && w.iter().all(|x| g.iter().any(|y| same_time(x, y)))
        }
        _ => fold(want.as_str().unwrap_or("")) == fold(got.as_str().unwrap_or("")),
    }
}

/// The writers' folders of a part (a set of writers, or one writer's folder), in path order (the
/// order the model's trainer has always read them in: its result depends on it).
fn writers(part: &str) -> Vec<PathBuf> {
    if corpus(part).join("key.jsonl").is_file() {
        return vec![corpus(part)];
    }
    let mut writers: Vec<PathBuf> = std::fs::read_dir(corpus(part))
        .unwrap_or_else(|e| panic!("the {part} corpus is readable: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    writers.sort();
    writers
}

fn writer_name(writer: &Path) -> String {
    writer.file_name().unwrap().to_string_lossy().into_owned()
}

/// A writer's items: each key line with its file's bytes and the `now` it is read at.
fn items(writer: &Path) -> Vec<(Value, Vec<u8>, DateTime<chrono::FixedOffset>)> {
    let keys = std::fs::read_to_string(writer.join("key.jsonl")).expect("each writer has a key");
    keys.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let key: Value = serde_json::from_str(line).expect("key lines are JSON");
            let file = key["file"].as_str().expect("file");
            let bytes = std::fs::read(writer.join(file)).expect("corpus file");
            let now = key
                .get("now")
                .and_then(Value::as_str)
                .map(|n| DateTime::parse_from_rfc3339(n).expect("now"))
                .unwrap_or_else(|| {
                    DateTime::parse_from_rfc3339("2030-01-01T00:00:00+00:00").unwrap()
                });
            (key, bytes, now)
        })
        .collect()
}

fn score(part: &str, show: bool) -> Score {
    let mut score = Score::default();
    for writer in writers(part) {
        for (key, bytes, now) in items(&writer) {
            let file = key["file"].as_str().expect("file");
            let read = read(&bytes, now)
                .unwrap_or_else(|e| panic!("{part}: an item could not be read: {e}"));
            let out = serde_json::to_value(&read).unwrap();
            if show && std::env::var("READ_EVAL_JSON").is_ok_and(|f| f == file) {
                eprintln!("{}", serde_json::to_string_pretty(&out).unwrap());
            }
            let mut got = out["situation"].clone();
            got["kind"] = out["kind"].clone();
            if let Some(o) = out.get("interview_options") {
                got["interview_options"] = o.clone();
            }
            let mut want = key["situation"].clone();
            want["kind"] = key["kind"].clone();
            if let Some(o) = key.get("interview_options") {
                want["interview_options"] = o.clone();
            }
            score.cases += 1;
            let mut invented_any = false;
            let mut diffs = Vec::new();
            for field in FIELDS {
                match (get(&want, field), get(&got, field)) {
                    (Some(w), g) => {
                        let ok = g.is_some_and(|g| right(field, &key, w, g));
                        let t = score.fields.entry(field).or_default();
                        t.total += 1;
                        if ok {
                            t.right += 1;
                        } else {
                            diffs.push(format!(
                                "{field}: want {w}, got {}",
                                g.map_or("nothing".into(), |g| g.to_string())
                            ));
                        }
                    }
                    (None, Some(g)) => {
                        invented_any = true;
                        *score.invented.entry(field).or_default() += 1;
                        diffs.push(format!("{field}: invented {g}"));
                    }
                    (None, None) => {}
                }
            }
            if !invented_any {
                score.cases_without_invention += 1;
            }
            if let Some(intent) = key
                .get("reply")
                .and_then(|r| r.get("intent"))
                .and_then(Value::as_str)
            {
                let got_intent = out
                    .get("reply")
                    .and_then(|r| r.get("intent"))
                    .and_then(Value::as_str);
                let t = score.intents.entry(intent.to_owned()).or_default();
                t.total += 1;
                if got_intent == Some(intent) {
                    t.right += 1;
                } else {
                    diffs.push(format!("intent: want {intent}, got {got_intent:?}"));
                }
            }
            if show && !diffs.is_empty() {
                eprintln!("{file}:\n  {}", diffs.join("\n  "));
            }
        }
    }
    score
}

#[test]
fn tune_set_numbers() {
    let show = std::env::var_os("READ_EVAL_SHOW").is_some();
    let score = score("tune", show);
    eprintln!("{}", score.report("tune"));
    assert!(score.cases >= 100, "the tune corpus is there");
}

/// Each tune writer on its own (`READ_EVAL_WRITERS=1`): a writer added after the last tuning
/// is an honest estimate of how the rules carry to new writing.
#[test]
fn tune_writer_numbers() {
    if std::env::var_os("READ_EVAL_WRITERS").is_none() {
        return;
    }
    for writer in writers("tune") {
        let part = format!("tune/{}", writer_name(&writer));
        eprintln!("{}", score(&part, false).report(&part));
    }
}

/// Writers kept out of `tune/` (`READ_EVAL_HELD=folder`, a writer's folder or a folder of
/// writers outside the corpus): how the rules carry to writing they were never tuned on. Only
/// aggregates are printed, as for the test set.
#[test]
fn held_out_numbers() {
    let Some(dir) = std::env::var_os("READ_EVAL_HELD") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let part = dir.to_string_lossy().into_owned();
    for writer in writers(&part) {
        let w = writer.to_string_lossy().into_owned();
        eprintln!("{}", score(&w, false).report(&writer_name(&writer)));
    }
    eprintln!("{}", score(&part, false).report("held out"));
}

/// The targets, on the set no rule was tuned on. Only aggregates are printed.
/// Not met yet (docs/read.md has the numbers): run with `--ignored` to see where it stands.
#[test]
#[ignore = "the test-set targets are not met yet; see docs/read.md"]
fn test_set_meets_the_targets() {
    let score = score("test", false);
    let report = score.report("test");
    eprintln!("{report}");
    // Each test writer's totals (aggregates only): the first three writers' conventions differ
    // from the later ones' brief in places (docs/read.md).
    for writer in writers("test") {
        let w = writer_name(&writer);
        let s = self::score(&format!("test/{w}"), false);
        let (r, t) = s.fields_right();
        let (ir, it) = s.intents_right();
        eprintln!(
            "test/{w}: {} cases; fields {r}/{t}; no invented value {}/{}; intents {ir}/{it}",
            s.cases, s.cases_without_invention, s.cases
        );
    }
    let (r, t) = score.fields_right();
    let (ir, it) = score.intents_right();
    assert!(r * 100 >= t * 95, "≥ 95% of fields right\n{report}");
    assert!(
        score.cases_without_invention * 100 >= score.cases * 98,
        "no invented value in ≥ 98% of cases\n{report}"
    );
    assert!(ir * 100 >= it * 90, "intents right ≥ 90%\n{report}");
}

/// Writes what the model trainer reads (`READ_DUMP=file.jsonl`): for each **tune** item its
/// writer, its key's kind and intent, what the rules read, and the model's features — computed
/// here so that training and reading see the same features. Never the test set.
#[test]
#[ignore = "a tool for scripts/train-read.py"]
fn dump_tune_features() {
    use std::io::Write;
    let Some(path) = std::env::var_os("READ_DUMP") else {
        return;
    };
    let mut out = std::fs::File::create(path).expect("dump file");
    for writer in writers("tune") {
        let name = writer_name(&writer);
        for (key, bytes, now) in items(&writer) {
            let file = key["file"].as_str().expect("file");
            let doc = super::input::decode(&bytes).expect("decodes");
            let (subject, all_new) = super::new_text(&doc);
            // The rules' own reading, without the model.
            let rules = super::extract(&doc, now, false);
            let sure = super::classify::rules_are_sure(
                rules.kind,
                &subject,
                &all_new,
                !doc.events.is_empty(),
            );
            let got = serde_json::to_value(&rules).unwrap();
            let row = serde_json::json!({
                "writer": name,
                "file": file,
                "format": got["format"],
                "kind": key["kind"],
                "intent": key.get("reply").and_then(|r| r.get("intent")),
                "rule_kind": got["kind"],
                "rule_kind_sure": sure,
                "rule_intent": got.get("reply").and_then(|r| r.get("intent")),
                "kind_features": super::model::features(&super::kind_text(&subject, &all_new)),
                "intent_features": super::model::features(&doc.body),
            });
            writeln!(out, "{row}").expect("write");
        }
    }
}
