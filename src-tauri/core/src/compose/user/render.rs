//! Filling in a parsed user template: every field looked up in the message's context, each
//! filter applied once, the output capped. One pass over the tree, so the cost is linear in the
//! template and the output.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::syntax::{line_col, Cond, Field, Filter, Node};
use super::TemplateProblem;
use crate::compose::context;
use crate::decide::Situation;
use crate::message::Channel;

/// Largest rendered output accepted, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024;
/// A render that takes longer than this stops with a message (it never should: see the module).
const DEADLINE: Duration = Duration::from_millis(250);
const TOO_LONG: &str = "filling in the template took too long or grew too large; make it shorter";

/// A context with every field a template may name, filled in: what `check` tests paths against.
static EVERY_FIELD: LazyLock<Value> = LazyLock::new(|| {
    let full = serde_json::json!({
        "company": "c", "role": "r",
        "contact": {"name": "n", "email": "e@x.example", "title": "t"},
        "sender": {"name": "n", "email": "e@x.example", "phone": "1"},
        "invited_at": "2026-01-01T00:00:00Z", "interview_at": "2026-01-02T00:00:00Z",
        "now": "2026-01-01T01:00:00Z",
        "reasons": ["logistics"],
        "details": {"logistics": ["commute"], "non_negotiables": ["remote"]},
        "checklist": {"decided": true}
    });
    let situation = Situation::from_value(full, crate::decide::clock())
        .expect("the reference Situation is valid");
    context::build(&situation, Channel::Email, situation.formality)
});

/// Every field name a template may use, dotted (`contact.name`), for help texts.
pub fn field_names() -> Vec<String> {
    let mut out = Vec::new();
    collect(&EVERY_FIELD, String::new(), &mut out);
    out
}

fn collect(value: &Value, prefix: String, out: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (key, inner) in map {
            let name = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            if inner.is_object() {
                collect(inner, name, out);
            } else {
                out.push(name);
            }
        }
    }
}

/// Problems with the fields a template names: unknown ones, and groups printed whole.
pub fn check_fields(source: &str, nodes: &[Node]) -> Vec<TemplateProblem> {
    let mut problems = Vec::new();
    walk_fields(nodes, &mut |field, printed| {
        if let Err(message) = lookup(&EVERY_FIELD, field, printed) {
            problems.push(TemplateProblem::at(line_col(source, field.offset), message));
        }
    });
    problems
}

fn walk_fields(nodes: &[Node], visit: &mut impl FnMut(&Field, bool)) {
    for node in nodes {
        match node {
            Node::Text(_) => {}
            Node::Print(field, _) => visit(field, true),
            Node::If(branches, otherwise) => {
                for (cond, body) in branches {
                    walk_cond(cond, visit);
                    walk_fields(body, visit);
                }
                walk_fields(otherwise, visit);
            }
        }
    }
}

fn walk_cond(cond: &Cond, visit: &mut impl FnMut(&Field, bool)) {
    // Conditions are flat lists joined by and/or: iterate instead of recursing on long chains.
    let mut stack = vec![cond];
    while let Some(c) = stack.pop() {
        match c {
            Cond::Truthy(f) => visit(f, false),
            Cond::Equals(f, _, _) => visit(f, true),
            Cond::Not(inner) => stack.push(inner),
            Cond::And(a, b) | Cond::Or(a, b) => {
                stack.push(a);
                stack.push(b);
            }
        }
    }
}

/// The value of `field`; a message when it does not exist (or is a group and `printed`).
fn lookup<'v>(ctx: &'v Value, field: &Field, printed: bool) -> Result<&'v Value, String> {
    let mut value = ctx;
    for (i, part) in field.path.iter().enumerate() {
        match value {
            Value::Object(map) => match map.get(part) {
                Some(inner) => value = inner,
                None => return Err(unknown_field(field, i)),
            },
            // A group that is empty in this message (no interview date): nothing below it.
            Value::Null => return Ok(&Value::Null),
            _ => return Err(unknown_field(field, i)),
        }
    }
    if printed && value.is_object() {
        let names: Vec<String> = value
            .as_object()
            .map(|m| {
                m.keys()
                    .map(|k| format!("{}.{k}", field.dotted()))
                    .collect()
            })
            .unwrap_or_default();
        return Err(format!(
            "“{}” is a group of fields; write one of them: {}",
            field.dotted(),
            names.join(", ")
        ));
    }
    Ok(value)
}

fn unknown_field(field: &Field, depth: usize) -> String {
    let known = field_names();
    let wanted = field.dotted();
    let close = known
        .iter()
        .filter(|k| similar(k, &wanted) || (depth > 0 && k.starts_with(&field.path[0])))
        .take(4)
        .cloned()
        .collect::<Vec<_>>();
    if close.is_empty() {
        format!("there is no field called “{wanted}”; see the list of fields")
    } else {
        format!(
            "there is no field called “{wanted}”; did you mean {}?",
            close.join(", ")
        )
    }
}

/// At most two edits (insert, delete, replace) apart: catches most typos.
fn similar(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 || a.len() > 40 || b.len() > 40 {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(x != y))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()] <= 2
}

/// Fills in `nodes` with `ctx`.
pub fn render(source: &str, nodes: &[Node], ctx: &Value) -> Result<String, TemplateProblem> {
    render_metered(source, nodes, ctx).map(|(text, _)| text)
}

/// [`render`], also returning the work done: bytes read by filters and conditions plus bytes
/// written, plus one per node. Tests hold it to a multiple of the template and output size.
pub fn render_metered(
    source: &str,
    nodes: &[Node],
    ctx: &Value,
) -> Result<(String, usize), TemplateProblem> {
    let mut out = Output {
        text: String::new(),
        started: Instant::now(),
        source,
        work: 0,
    };
    out.nodes(nodes, ctx)?;
    Ok((out.text, out.work))
}

struct Output<'s> {
    text: String,
    started: Instant,
    source: &'s str,
    work: usize,
}

impl Output<'_> {
    fn nodes(&mut self, nodes: &[Node], ctx: &Value) -> Result<(), TemplateProblem> {
        for node in nodes {
            self.work += 1;
            if self.started.elapsed() > DEADLINE {
                return Err(TemplateProblem::at((1, 1), TOO_LONG));
            }
            match node {
                Node::Text(t) => self.push(t, None)?,
                Node::Print(field, filters) => {
                    let value = lookup(ctx, field, true).map_err(|m| self.problem(field, m))?;
                    let raw = text_of(value);
                    self.work += raw.len() * (filters.len() + 1);
                    let text = apply(raw, filters, self.started)
                        .ok_or_else(|| self.problem(field, TOO_LONG.into()))?;
                    self.push(&text, Some(field))?;
                }
                Node::If(branches, otherwise) => {
                    let mut chosen = otherwise;
                    for (cond, body) in branches {
                        if self.holds(cond, ctx)? {
                            chosen = body;
                            break;
                        }
                    }
                    self.nodes(chosen, ctx)?;
                }
            }
        }
        Ok(())
    }

    fn holds(&mut self, cond: &Cond, ctx: &Value) -> Result<bool, TemplateProblem> {
        self.work += 1;
        Ok(match cond {
            Cond::Truthy(f) => truthy(lookup(ctx, f, false).map_err(|m| self.problem(f, m))?),
            Cond::Equals(f, literal, equal) => {
                let value = lookup(ctx, f, true).map_err(|m| self.problem(f, m))?;
                let text = text_of(value);
                self.work += text.len();
                (text == *literal) == *equal
            }
            Cond::Not(inner) => !self.holds(inner, ctx)?,
            Cond::And(a, b) => self.holds(a, ctx)? && self.holds(b, ctx)?,
            Cond::Or(a, b) => self.holds(a, ctx)? || self.holds(b, ctx)?,
        })
    }

    fn problem(&self, field: &Field, message: String) -> TemplateProblem {
        TemplateProblem::at(line_col(self.source, field.offset), message)
    }

    fn push(&mut self, text: &str, field: Option<&Field>) -> Result<(), TemplateProblem> {
        if self.text.len() + text.len() > MAX_OUTPUT_BYTES {
            let at = field.map_or((1, 1), |f| line_col(self.source, f.offset));
            return Err(TemplateProblem::at(
                at,
                format!(
                    "the message would be longer than {} KiB",
                    MAX_OUTPUT_BYTES / 1024
                ),
            ));
        }
        self.work += text.len();
        self.text.push_str(text);
        Ok(())
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        // Groups are refused at check time; never printed.
        Value::Array(_) | Value::Object(_) => String::new(),
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.trim().is_empty(),
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// The text through each filter in turn; `None` past the deadline (a long chain of filters on a
/// long value is the only work here that grows with more than the output).
fn apply(mut text: String, filters: &[Filter], started: Instant) -> Option<String> {
    for filter in filters {
        if started.elapsed() > DEADLINE || text.len() > MAX_OUTPUT_BYTES {
            return None;
        }
        text = match filter {
            Filter::Upper => text.to_uppercase(),
            Filter::Lower => text.to_lowercase(),
            Filter::Capitalize => {
                let mut chars = text.chars();
                match chars.next() {
                    Some(first) => first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect(),
                    None => text,
                }
            }
            Filter::Title => text
                .split(' ')
                .map(|word| {
                    let mut chars = word.chars();
                    match chars.next() {
                        Some(first) => first.to_uppercase().chain(chars).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
            Filter::Trim => text.trim().to_owned(),
            Filter::Default(fallback) if text.trim().is_empty() => fallback.clone(),
            Filter::Default(_) => text,
        };
    }
    Some(text)
}
