//! The user's own templates: written in a small language of fields, if/else and a few filters
//! ([`syntax`]), checked before they are saved, and filled in ([`render`]) with the same context
//! the built-in templates get, so `{{ company }}` means the same everywhere. User templates are
//! untrusted source: the language has nothing that can loop, compute or reach outside the message.

pub mod render;
pub mod syntax;
mod tokens;

use serde::{Deserialize, Serialize};

use super::context;
use crate::decide::Situation;
use crate::message::Channel;
use crate::{Error, Result};

pub use render::MAX_OUTPUT_BYTES;
pub use syntax::MAX_SOURCE_BYTES;

/// Longest template name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// One problem in a user template, positioned for the editor (1-based line and column, the
/// column counted in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong, in words for the user.
    pub message: String,
}

impl TemplateProblem {
    /// A problem at `(line, column)`.
    pub fn at((line, column): (usize, usize), message: impl Into<String>) -> Self {
        TemplateProblem {
            line,
            column,
            message: message.into(),
        }
    }
}

/// Checks one template source: its syntax, then the fields it names.
pub fn check_source(source: &str) -> std::result::Result<(), Vec<TemplateProblem>> {
    let nodes = syntax::parse(source)?;
    let problems = render::check_fields(source, &nodes);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Fills in one template source with a context built by [`context::build`].
pub fn render_source(
    source: &str,
    ctx: &serde_json::Value,
) -> std::result::Result<String, Vec<TemplateProblem>> {
    check_source(source)?;
    let nodes = syntax::parse(source)?;
    render::render(source, &nodes, ctx).map_err(|p| vec![p])
}

/// What the editor sends to save: no id for a new template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateDraft {
    /// The template to update; a new one when absent.
    #[serde(default)]
    pub id: Option<i64>,
    /// Unique name.
    pub name: String,
    /// `email`, `phone` or `linkedin`.
    pub channel: String,
    /// Subject line source (email).
    #[serde(default)]
    pub subject: String,
    /// Body source.
    pub body: String,
}

impl TemplateDraft {
    /// Every problem that would stop it being saved: name and channel, then the language's
    /// verdict on the subject and body (with line and column).
    pub fn problems(&self) -> Vec<(String, TemplateProblem)> {
        let mut out = Vec::new();
        let at_start = |message: String| TemplateProblem::at((1, 1), message);
        let name = self.name.trim();
        if name.is_empty() {
            out.push((
                "name".into(),
                at_start("is empty; give the template a name".into()),
            ));
        } else if name.chars().count() > MAX_NAME_CHARS {
            out.push((
                "name".into(),
                at_start(format!("is longer than {MAX_NAME_CHARS} characters")),
            ));
        } else if name.chars().any(char::is_control) {
            out.push(("name".into(), at_start("must be one line of text".into())));
        }
        if Channel::parse(&self.channel).is_none() {
            out.push((
                "channel".into(),
                at_start(format!(
                    "“{}” is not one of: email, phone, linkedin",
                    self.channel
                )),
            ));
        }
        if self.channel == "email" && !self.subject.trim().is_empty() {
            if let Err(problems) = check_source(&self.subject) {
                out.extend(problems.into_iter().map(|p| ("subject".to_owned(), p)));
            }
        }
        if let Err(problems) = check_source(&self.body) {
            out.extend(problems.into_iter().map(|p| ("body".to_owned(), p)));
        }
        out
    }
}

/// A problem in one field of the editor, positioned for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// `name`, `channel`, `subject` or `body`.
    pub field: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A user template filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// Its channel.
    pub channel: Channel,
    /// The subject (email; empty otherwise).
    pub subject: String,
    /// The text.
    pub body: String,
}

/// What the editor shows while the user types: every problem, and the preview when there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    /// Problems, in field order.
    pub problems: Vec<FieldProblem>,
    /// The template filled in with the Situation (absent while there are problems or no Situation).
    pub preview: Option<Rendered>,
}

fn field(name: &str, p: TemplateProblem) -> FieldProblem {
    FieldProblem {
        field: name.to_owned(),
        line: p.line,
        column: p.column,
        message: p.message,
    }
}

/// Checks a template being edited and, when it is sound, previews it with `situation`.
pub fn check(draft: &TemplateDraft, situation: Option<&Situation>) -> Checked {
    let problems: Vec<FieldProblem> = draft
        .problems()
        .into_iter()
        .filter(|(f, _)| f != "name" || !draft.name.is_empty())
        .map(|(f, p)| field(&f, p))
        .collect();
    let preview = match (problems.is_empty(), situation) {
        (true, Some(s)) => match render(draft, s) {
            Ok(r) => Some(r),
            Err(more) => {
                return Checked {
                    problems: more,
                    preview: None,
                }
            }
        },
        _ => None,
    };
    Checked { problems, preview }
}

/// Fills in a template with a Situation.
pub fn render(
    draft: &TemplateDraft,
    situation: &Situation,
) -> std::result::Result<Rendered, Vec<FieldProblem>> {
    let channel = Channel::parse(&draft.channel).ok_or_else(|| {
        vec![FieldProblem {
            field: "channel".into(),
            line: 1,
            column: 1,
            message: format!("“{}” is not one of: email, phone, linkedin", draft.channel),
        }]
    })?;
    let ctx = context::build(situation, channel, situation.formality);
    let subject = if channel == Channel::Email && !draft.subject.trim().is_empty() {
        render_source(&draft.subject, &ctx)
            .map_err(|ps| {
                ps.into_iter()
                    .map(|p| field("subject", p))
                    .collect::<Vec<_>>()
            })?
            .trim()
            .to_owned()
    } else {
        String::new()
    };
    let body = render_source(&draft.body, &ctx)
        .map_err(|ps| ps.into_iter().map(|p| field("body", p)).collect::<Vec<_>>())?;
    Ok(Rendered {
        channel,
        subject,
        body: body.trim().to_owned(),
    })
}

/// [`render`] with its problems as one [`Error`] naming the field, line and column.
pub fn render_or_error(draft: &TemplateDraft, situation: &Situation) -> Result<Rendered> {
    render(draft, situation).map_err(|problems| {
        let p = &problems[0];
        Error::invalid(
            p.field.clone(),
            format!("line {}, column {}: {}", p.line, p.column, p.message),
        )
    })
}

#[cfg(test)]
mod tests;
