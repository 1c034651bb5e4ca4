//! The template library: the Tera files in `templates/`, embedded at compile time so the app never
//! depends on its working directory, split into building blocks, and rendered behind the
//! [`Renderer`] trait so the composer can be tested without our wording.
//!
//! A template file is plain Tera text cut into sections by comment lines, so every file is still
//! valid Tera on its own:
//!
//! ```text
//! {# beat: decision #}            one building block, for every channel and formality
//! I have decided to withdraw …
//! {# or #}                         another phrasing of the same block
//! After some thought, I …
//! {# beat: decision @ phone #}     a variant only for the phone (or `@ formal`, `@ phone warm` …)
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use serde_json::Value;

use crate::decide::situation::Formality;
use crate::message::{Channel, MessageKind};
use crate::{Error, Result};

/// Every file in `templates/` that Politely ships, by name relative to that folder.
pub const FILES: &[(&str, &str)] = &[
    (
        "common.tera",
        include_str!("../../../../templates/common.tera"),
    ),
    (
        "scenarios/accepted_offer.tera",
        include_str!("../../../../templates/scenarios/accepted_offer.tera"),
    ),
    (
        "scenarios/logistics.tera",
        include_str!("../../../../templates/scenarios/logistics.tera"),
    ),
    (
        "scenarios/not_a_fit.tera",
        include_str!("../../../../templates/scenarios/not_a_fit.tera"),
    ),
    (
        "scenarios/growth.tera",
        include_str!("../../../../templates/scenarios/growth.tera"),
    ),
    (
        "scenarios/direction.tera",
        include_str!("../../../../templates/scenarios/direction.tera"),
    ),
    (
        "scenarios/staying_current_job.tera",
        include_str!("../../../../templates/scenarios/staying_current_job.tera"),
    ),
    (
        "scenarios/circumstances_changed.tera",
        include_str!("../../../../templates/scenarios/circumstances_changed.tera"),
    ),
    (
        "scenarios/cancel_last_minute.tera",
        include_str!("../../../../templates/scenarios/cancel_last_minute.tera"),
    ),
    (
        "scenarios/ask_for_time.tera",
        include_str!("../../../../templates/scenarios/ask_for_time.tera"),
    ),
    (
        "scenarios/negotiate.tera",
        include_str!("../../../../templates/scenarios/negotiate.tera"),
    ),
    (
        "scenarios/withdraw_after_rounds.tera",
        include_str!("../../../../templates/scenarios/withdraw_after_rounds.tera"),
    ),
    (
        "scenarios/referral_offer.tera",
        include_str!("../../../../templates/scenarios/referral_offer.tera"),
    ),
    (
        "scenarios/pushback_reiterate.tera",
        include_str!("../../../../templates/scenarios/pushback_reiterate.tera"),
    ),
    (
        "scenarios/pushback_private.tera",
        include_str!("../../../../templates/scenarios/pushback_private.tera"),
    ),
    (
        "scenarios/pushback_referral.tera",
        include_str!("../../../../templates/scenarios/pushback_referral.tera"),
    ),
    (
        "scenarios/reopen.tera",
        include_str!("../../../../templates/scenarios/reopen.tera"),
    ),
    (
        "scenarios/confirm_call.tera",
        include_str!("../../../../templates/scenarios/confirm_call.tera"),
    ),
    (
        "scenarios/follow_up.tera",
        include_str!("../../../../templates/scenarios/follow_up.tera"),
    ),
];

/// Renders one named building block with a context. The real one is Tera; tests use a mock.
pub trait Renderer: Send + Sync {
    /// Renders the template registered as `name`.
    fn render(&self, name: &str, context: &tera::Context) -> Result<String>;
}

/// Where a section applies: its file, beat and optional channel and formality.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SectionKey {
    file: String,
    beat: String,
    channel: Option<Channel>,
    formality: Option<Formality>,
}

/// The embedded templates, split into sections and registered with Tera.
pub struct Library {
    sections: HashMap<SectionKey, Vec<String>>,
    renderer: Box<dyn Renderer>,
}

/// The library built from the embedded files; building it parses every template once.
pub static BUILTIN: LazyLock<Library> = LazyLock::new(|| {
    Library::from_files(FILES).unwrap_or_else(|e| panic!("the embedded templates are broken: {e}"))
});

struct TeraRenderer(tera::Tera);

impl Renderer for TeraRenderer {
    fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.0.render(name, context).map_err(|e| {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                message = format!("{message}: {cause}");
                source = cause.source();
            }
            Error::invalid("template", message)
        })
    }
}

impl Library {
    /// Parses `files` (name, text) and registers every section with Tera.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Library> {
        let mut sections: HashMap<SectionKey, Vec<String>> = HashMap::new();
        let mut sources = Vec::new();
        for (name, text) in files {
            let file = file_key(name);
            for (key, alternatives) in split_sections(name, &file, text)? {
                let names = sections.entry(key.clone()).or_default();
                if !names.is_empty() {
                    return Err(Error::invalid(
                        "template",
                        format!("{name}: section “{}” appears twice", describe(&key)),
                    ));
                }
                for (i, source) in alternatives.into_iter().enumerate() {
                    let id = format!("{}#{i}", describe(&key));
                    names.push(id.clone());
                    sources.push((id, source));
                }
            }
        }
        let mut tera = tera::Tera::default();
        tera.autoescape_on(Vec::new());
        tera.add_raw_templates(sources).map_err(|e| {
            let cause = std::error::Error::source(&e)
                .map(|c| format!(": {c}"))
                .unwrap_or_default();
            Error::invalid("template", format!("{e}{cause}"))
        })?;
        Ok(Library {
            sections,
            renderer: Box::new(TeraRenderer(tera)),
        })
    }

    /// The same sections rendered by another renderer (tests).
    pub fn with_renderer(mut self, renderer: Box<dyn Renderer>) -> Library {
        self.renderer = renderer;
        self
    }

    /// The alternatives for `beat` of `kind` on `channel` at `formality`, most specific section
    /// first: the scenario's own file, then `common`.
    pub fn alternatives(
        &self,
        kind: MessageKind,
        beat: &str,
        channel: Channel,
        formality: Formality,
    ) -> Option<&[String]> {
        for file in [kind.as_str(), "common"] {
            for (c, f) in [
                (Some(channel), Some(formality)),
                (Some(channel), None),
                (None, Some(formality)),
                (None, None),
            ] {
                let key = SectionKey {
                    file: file.to_owned(),
                    beat: beat.to_owned(),
                    channel: c,
                    formality: f,
                };
                if let Some(names) = self.sections.get(&key) {
                    return Some(names);
                }
            }
        }
        None
    }

    /// Whether `kind` has any section at all (every shipped kind does).
    pub fn knows(&self, kind: MessageKind) -> bool {
        self.sections.keys().any(|k| k.file == kind.as_str())
    }

    /// Renders one alternative.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.renderer.render(name, context)
    }
}

/// `scenarios/logistics.tera` → `logistics`, `common.tera` → `common`.
fn file_key(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.strip_suffix(".tera").unwrap_or(base).to_owned()
}

fn describe(key: &SectionKey) -> String {
    let mut quals = Vec::new();
    if let Some(c) = key.channel {
        quals.push(c.as_str());
    }
    if let Some(f) = key.formality {
        quals.push(formality_str(f));
    }
    if quals.is_empty() {
        format!("{}/{}", key.file, key.beat)
    } else {
        format!("{}/{}@{}", key.file, key.beat, quals.join("+"))
    }
}

/// The name a formality has in templates and JSON.
pub fn formality_str(f: Formality) -> &'static str {
    match f {
        Formality::Standard => "standard",
        Formality::Formal => "formal",
        Formality::Warm => "warm",
    }
}

type Sections = Vec<(SectionKey, Vec<String>)>;

/// Cuts a file into sections and each section into its alternatives.
fn split_sections(name: &str, file: &str, text: &str) -> Result<Sections> {
    let mut out: Sections = Vec::new();
    let mut current: Option<(SectionKey, Vec<String>, String)> = None;
    let mut in_preamble_comment = false;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(header) = trimmed
            .strip_prefix("{# beat:")
            .and_then(|h| h.strip_suffix("#}"))
        {
            if let Some((key, mut alts, last)) = current.take() {
                alts.push(last);
                out.push((key, alts));
            }
            let key = parse_header(name, number + 1, file, header)?;
            current = Some((key, Vec::new(), String::new()));
            continue;
        }
        match current.as_mut() {
            Some((_, alts, buf)) => {
                if trimmed == "{# or #}" {
                    alts.push(std::mem::take(buf));
                } else {
                    buf.push_str(line);
                    buf.push('\n');
                }
            }
            None => {
                // Before the first section only a comment (the file's description) may stand.
                if in_preamble_comment || trimmed.is_empty() || trimmed.starts_with("{#") {
                    in_preamble_comment = !trimmed.ends_with("#}")
                        && (in_preamble_comment || trimmed.starts_with("{#"));
                } else {
                    return Err(Error::invalid(
                        "template",
                        format!(
                            "{name}, line {}: text before the first “{{# beat: … #}}” line",
                            number + 1
                        ),
                    ));
                }
            }
        }
    }
    if let Some((key, mut alts, last)) = current.take() {
        alts.push(last);
        out.push((key, alts));
    }
    Ok(out)
}

fn parse_header(name: &str, line: usize, file: &str, header: &str) -> Result<SectionKey> {
    let (beat, quals) = match header.split_once('@') {
        Some((b, q)) => (b.trim(), q.split_whitespace().collect::<Vec<_>>()),
        None => (header.trim(), Vec::new()),
    };
    let mut key = SectionKey {
        file: file.to_owned(),
        beat: beat.to_owned(),
        channel: None,
        formality: None,
    };
    let bad = |what: String| Error::invalid("template", format!("{name}, line {line}: {what}"));
    if beat.is_empty() || !beat.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(bad(format!("“{beat}” is not a beat name")));
    }
    for q in quals {
        if let Some(c) = Channel::parse(q) {
            key.channel = Some(c);
        } else if let Some(f) = parse_formality(q) {
            key.formality = Some(f);
        } else {
            return Err(bad(format!(
                "“{q}” is neither a channel (email, phone, linkedin) nor a formality (standard, formal, warm)"
            )));
        }
    }
    Ok(key)
}

/// Reads a formality name.
pub fn parse_formality(s: &str) -> Option<Formality> {
    match s {
        "standard" => Some(Formality::Standard),
        "formal" => Some(Formality::Formal),
        "warm" => Some(Formality::Warm),
        _ => None,
    }
}

/// Collapses a rendered block: lines trimmed, blank lines dropped, and (unless `keep_lines`)
/// joined into one paragraph, so templates can wrap long sentences and use `{% if %}` freely.
pub fn tidy(rendered: &str, keep_lines: bool) -> String {
    let lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    lines
        .collect::<Vec<_>>()
        .join(if keep_lines { "\n" } else { " " })
}

/// Context values are plain JSON; Tera reads them from here.
pub fn context_from(value: &Value) -> tera::Context {
    tera::Context::from_value(value.clone()).unwrap_or_default()
}
