//! The core's modules form layers: a module uses only modules below it, so there is no cycle
//! and a lower module never learns about a higher one (reminder planning is a pure function the
//! store calls; delivering reminders, above the store, is `notify`). This test reads the sources.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lowest first. Add a new module where it belongs; the test names any use that points up.
const LAYERS: &[&str] = &[
    "error",
    "time",
    "data_dir",
    "links",
    "message",
    "speech",
    "decide",
    "read",
    "compose",
    "lint",
    "practice",
    "reminders",
    "store",
    "notify",
    "about",
    "autostart",
    "api",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file names as `crate::x` (in `use` lists too), outside its tests.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for item in list.split(',') {
                let name = item.trim().split("::").next().unwrap_or("");
                found.insert(name.to_owned());
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found.retain(|n| !n.is_empty() && n != "Error" && n != "Result" && n != "self");
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut upward = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name == "lib.rs" || name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let rel = file.strip_prefix(&root).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        let level = LAYERS
            .iter()
            .position(|l| *l == module)
            .unwrap_or_else(|| panic!("{module} is not in LAYERS: place it"));
        let text = std::fs::read_to_string(&file).unwrap();
        for used in uses(&text) {
            if used == module {
                continue;
            }
            let used_level = LAYERS
                .iter()
                .position(|l| *l == used)
                .unwrap_or_else(|| panic!("{} uses crate::{used}, not in LAYERS", rel.display()));
            if used_level > level {
                upward.push(format!("{} ({module}) uses {used}", rel.display()));
            }
        }
    }
    assert!(upward.is_empty(), "uses that point up a layer: {upward:#?}");
}
