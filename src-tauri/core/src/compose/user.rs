//! The user's own templates at work: checked and rendered in the sandbox with the same context
//! the built-in templates get, so `{{ company }}` means the same everywhere.

use serde::Serialize;

use super::context;
use super::sandbox::{self, TemplateProblem};
use super::Channel;
use crate::decide::Situation;
use crate::store::user_templates::TemplateDraft;
use crate::{Error, Result};

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
        sandbox::render(&draft.subject, &ctx)
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
    let body = sandbox::render(&draft.body, &ctx)
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
