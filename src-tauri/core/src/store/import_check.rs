//! An import is checked as strictly as the window's own input before a row is written: every
//! time parses and is in range, every enum is one Politely knows, text is within its limits (and
//! one-line fields hold one line), and every reference points at a record in the same file.

use std::collections::BTreeSet;

use super::export::Export;
use crate::reminders::ReminderKind;
use crate::{Error, Result};

/// Longest one-line field (company, role, names, titles, subjects), in characters.
const MAX_LINE: usize = 400;
/// Longest text (a message, reply, note, stored Situation), in characters.
const MAX_TEXT: usize = 100_000;

const STAGES: [&str; 4] = ["invited", "scheduled", "interviewed", "offer"];
const ORIGINS: [&str; 4] = ["email", "phone", "linkedin", "messaging"];
const STATUSES: [&str; 5] = ["open", "declined", "replied", "closed", "reopened"];
const CHANNELS: [&str; 3] = ["email", "phone", "linkedin"];
const MESSAGE_STATES: [&str; 2] = ["draft", "sent"];
const REMINDER_STATES: [&str; 4] = ["pending", "notified", "done", "dismissed"];

struct Check {
    problems: Vec<String>,
}

impl Check {
    fn at(&mut self, table: &str, i: usize, field: &str, message: String) {
        if self.problems.len() < 20 {
            self.problems
                .push(format!("{table}[{i}].{field}: {message}"));
        }
    }

    fn time(&mut self, table: &str, i: usize, field: &str, value: &str) {
        if let Err(e) = crate::time::parse(field, value) {
            let message = match e {
                Error::InvalidInput { message, .. } => message,
                other => other.to_string(),
            };
            self.at(table, i, field, message);
        }
    }

    fn maybe_time(&mut self, table: &str, i: usize, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.time(table, i, field, v);
        }
    }

    fn one_of(&mut self, table: &str, i: usize, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.at(
                table,
                i,
                field,
                format!("“{}” is not one of: {}", visible(value), allowed.join(", ")),
            );
        }
    }

    fn line(&mut self, table: &str, i: usize, field: &str, value: &str, required: bool) {
        if required && value.trim().is_empty() {
            self.at(table, i, field, "is empty".into());
        } else if value.chars().count() > MAX_LINE {
            self.at(
                table,
                i,
                field,
                format!("is longer than {MAX_LINE} characters"),
            );
        } else if value.chars().any(char::is_control) {
            self.at(table, i, field, "must be one line of text".into());
        }
    }

    fn text(&mut self, table: &str, i: usize, field: &str, value: &str) {
        if value.chars().count() > MAX_TEXT {
            self.at(
                table,
                i,
                field,
                format!("is longer than {MAX_TEXT} characters"),
            );
        } else if value
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            self.at(
                table,
                i,
                field,
                "holds control characters (escape sequences)".into(),
            );
        }
    }

    fn refers(
        &mut self,
        table: &str,
        i: usize,
        field: &str,
        id: i64,
        known: &BTreeSet<i64>,
        what: &str,
    ) {
        if !known.contains(&id) {
            self.at(
                table,
                i,
                field,
                format!("refers to {what} {id}, which is not in the file"),
            );
        }
    }
}

/// A value shown in a message: at most 40 characters, control characters made visible.
fn visible(value: &str) -> String {
    value
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// Every problem in an export, or `Ok`; the error lists the first ones, each with its place.
pub fn check(doc: &Export) -> Result<()> {
    let mut c = Check {
        problems: Vec::new(),
    };
    let opportunities: BTreeSet<i64> = doc.opportunities.iter().map(|o| o.id).collect();
    let messages: BTreeSet<i64> = doc.messages.iter().map(|m| m.id).collect();
    for (i, o) in doc.opportunities.iter().enumerate() {
        let t = "opportunities";
        c.line(t, i, "company", &o.company, true);
        c.line(t, i, "role", &o.role, true);
        for (field, value) in [
            ("contact_name", &o.contact_name),
            ("contact_email", &o.contact_email),
            ("contact_title", &o.contact_title),
        ] {
            if let Some(v) = value {
                c.line(t, i, field, v, false);
            }
        }
        c.one_of(t, i, "stage", &o.stage, &STAGES);
        c.one_of(t, i, "origin_channel", &o.origin_channel, &ORIGINS);
        c.one_of(t, i, "status", &o.status, &STATUSES);
        c.time(t, i, "invited_at", &o.invited_at);
        c.maybe_time(t, i, "interview_at", o.interview_at.as_deref());
        c.time(t, i, "created_at", &o.created_at);
        c.time(t, i, "updated_at", &o.updated_at);
        c.maybe_time(t, i, "deleted_at", o.deleted_at.as_deref());
    }
    for (i, d) in doc.decisions.iter().enumerate() {
        let t = "decisions";
        c.refers(
            t,
            i,
            "opportunity_id",
            d.opportunity_id,
            &opportunities,
            "opportunity",
        );
        c.text(t, i, "situation", &d.situation);
        if serde_json::from_str::<serde_json::Value>(&d.situation).is_err() {
            c.at(t, i, "situation", "is not JSON".into());
        }
        if let Some(a) = &d.advice {
            c.text(t, i, "advice", a);
        }
        c.time(t, i, "created_at", &d.created_at);
    }
    for (i, m) in doc.messages.iter().enumerate() {
        let t = "messages";
        c.refers(
            t,
            i,
            "opportunity_id",
            m.opportunity_id,
            &opportunities,
            "opportunity",
        );
        c.one_of(t, i, "channel", &m.channel, &CHANNELS);
        c.one_of(t, i, "status", &m.status, &MESSAGE_STATES);
        if let Some(s) = &m.subject {
            c.line(t, i, "subject", s, false);
        }
        c.text(t, i, "body", &m.body);
        c.time(t, i, "created_at", &m.created_at);
        c.maybe_time(t, i, "sent_at", m.sent_at.as_deref());
        if let Some(id) = m.reopens_message_id {
            c.refers(t, i, "reopens_message_id", id, &messages, "message");
        }
    }
    for (i, r) in doc.replies.iter().enumerate() {
        let t = "replies";
        c.refers(
            t,
            i,
            "opportunity_id",
            r.opportunity_id,
            &opportunities,
            "opportunity",
        );
        c.text(t, i, "body", &r.body);
        c.time(t, i, "received_at", &r.received_at);
        c.time(t, i, "created_at", &r.created_at);
    }
    for (i, n) in doc.notes.iter().enumerate() {
        let t = "notes";
        c.refers(
            t,
            i,
            "opportunity_id",
            n.opportunity_id,
            &opportunities,
            "opportunity",
        );
        c.text(t, i, "body", &n.body);
        c.time(t, i, "created_at", &n.created_at);
    }
    for (i, e) in doc.status_events.iter().enumerate() {
        let t = "status_events";
        c.refers(
            t,
            i,
            "opportunity_id",
            e.opportunity_id,
            &opportunities,
            "opportunity",
        );
        if let Some(from) = &e.from_status {
            c.one_of(t, i, "from_status", from, &STATUSES);
        }
        c.one_of(t, i, "to_status", &e.to_status, &STATUSES);
        c.time(t, i, "at", &e.at);
    }
    for (i, p) in doc.practice_runs.iter().enumerate() {
        let t = "practice_runs";
        if let Some(id) = p.opportunity_id {
            c.refers(t, i, "opportunity_id", id, &opportunities, "opportunity");
        }
        match serde_json::from_str::<Vec<super::practice_runs::BeatTime>>(&p.beats) {
            Ok(beats) => {
                if let Err(e) = super::practice_runs::check_run(p.duration_ms, &beats) {
                    c.at(t, i, "beats", e.to_string());
                }
            }
            Err(_) => c.at(t, i, "beats", "is not a list of beat times".into()),
        }
        c.time(t, i, "created_at", &p.created_at);
    }
    for (i, r) in doc.reminders.iter().enumerate() {
        let t = "reminders";
        if let Some(id) = r.opportunity_id {
            c.refers(t, i, "opportunity_id", id, &opportunities, "opportunity");
        }
        if ReminderKind::parse(&r.kind).is_none() {
            let kinds: Vec<&str> = ReminderKind::ALL.iter().map(|k| k.as_str()).collect();
            c.one_of(t, i, "kind", &r.kind, &kinds);
        }
        c.one_of(t, i, "state", &r.state, &REMINDER_STATES);
        c.time(t, i, "due_at", &r.due_at);
        c.maybe_time(t, i, "notified_at", r.notified_at.as_deref());
        c.time(t, i, "created_at", &r.created_at);
        if let Some(title) = &r.title {
            c.line(t, i, "title", title, false);
        }
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(
            "input",
            format!(
                "the file cannot be imported; nothing was imported: {}",
                c.problems.join("; ")
            ),
        ))
    }
}
