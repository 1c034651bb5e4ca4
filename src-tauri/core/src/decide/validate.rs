//! Reading and checking a Situation: one path from JSON (a CLI file, the wizard's form) that
//! names the exact field at fault, then limits and contradictions checked before any rule looks
//! at it.

use chrono::{DateTime, FixedOffset};

use super::situation::*;

impl Situation {
    /// Reads a Situation from JSON text, then validates it against `clock` (used when the
    /// document has no `now`). Returns every problem found, each naming its field.
    pub fn from_json(text: &str, clock: DateTime<FixedOffset>) -> Result<Situation, Vec<Problem>> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(vec![problem(
                "input",
                format!("is {} bytes; a Situation must be under 1 MiB", text.len()),
            )]);
        }
        if text.trim().is_empty() {
            return Err(vec![problem(
                "input",
                "is empty; expected a Situation as a JSON object",
            )]);
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| vec![syntax(&e)])?;
        Self::from_value(value, clock)
    }

    /// Like [`Situation::from_json`] for an already parsed JSON value (the window sends these).
    pub fn from_value(
        value: serde_json::Value,
        clock: DateTime<FixedOffset>,
    ) -> Result<Situation, Vec<Problem>> {
        if !value.is_object() {
            return Err(vec![problem(
                "input",
                "must be a JSON object: { \"company\": …, \"role\": …, \"invited_at\": … }",
            )]);
        }
        let situation: Situation =
            serde_path_to_error::deserialize(value).map_err(|e| vec![from_serde(&e)])?;
        situation.validate(clock)?;
        Ok(situation)
    }

    /// The moment rules judge deadlines against: `now` when given, else `clock`.
    pub fn now_or(&self, clock: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        self.now.unwrap_or(clock)
    }

    /// Checks limits and contradictions the JSON shape cannot express.
    pub fn validate(&self, clock: DateTime<FixedOffset>) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        required_line(&mut problems, "company", &self.company);
        required_line(&mut problems, "role", &self.role);
        if let Some(c) = &self.contact {
            optional_line(
                &mut problems,
                "contact.name",
                c.name.as_deref(),
                MAX_NAME_CHARS,
            );
            optional_email(&mut problems, "contact.email", c.email.as_deref());
            optional_line(
                &mut problems,
                "contact.title",
                c.title.as_deref(),
                MAX_NAME_CHARS,
            );
        }
        if let Some(s) = &self.sender {
            problems.extend(s.problems());
        }
        if self.rounds > MAX_ROUNDS {
            problems.push(problem(
                "rounds",
                format!(
                    "is {}; enter the number of interview rounds done (0 to {MAX_ROUNDS})",
                    self.rounds
                ),
            ));
        }
        let mut times = vec![("invited_at", self.invited_at)];
        times.extend(self.interview_at.map(|t| ("interview_at", t)));
        times.extend(self.now.map(|t| ("now", t)));
        let out_of_range: Vec<Problem> = times
            .iter()
            .filter_map(|(field, at)| crate::time::check(field, at).err())
            .map(|e| match e {
                crate::Error::InvalidInput { field, message } => Problem { field, message },
                other => problem("situation", other.to_string()),
            })
            .collect();
        if !out_of_range.is_empty() {
            // Nothing below may do arithmetic on a date it cannot represent.
            problems.extend(out_of_range);
            return Err(problems);
        }
        let now = self.now_or(clock);
        if self.invited_at > now {
            problems.push(problem(
                "invited_at",
                format!(
                    "is {}, which is after now ({}); enter when the invitation arrived",
                    self.invited_at.to_rfc3339(),
                    now.to_rfc3339()
                ),
            ));
        }
        if self.stage == Stage::Scheduled && self.interview_at.is_none() {
            problems.push(problem(
                "interview_at",
                "is needed when the interview is scheduled: enter its date and time",
            ));
        }
        if let Some(at) = self.interview_at {
            if at < self.invited_at {
                problems.push(problem(
                    "interview_at",
                    "is before the invitation arrived; check both dates",
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Whether `reason` was chosen.
    pub fn has(&self, reason: Reason) -> bool {
        self.reasons.contains(&reason)
    }
}

impl Sender {
    /// Problems with the user's own details, each naming its field (`sender.email`…).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        optional_line(
            &mut problems,
            "sender.name",
            self.name.as_deref(),
            MAX_NAME_CHARS,
        );
        optional_email(&mut problems, "sender.email", self.email.as_deref());
        optional_line(
            &mut problems,
            "sender.phone",
            self.phone.as_deref(),
            MAX_PHONE_CHARS,
        );
        optional_line(
            &mut problems,
            "sender.sign_off",
            self.sign_off.as_deref(),
            MAX_SIGN_OFF_CHARS,
        );
        problems
    }
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        field: field.into(),
        message: message.into(),
    }
}

fn required_line(problems: &mut Vec<Problem>, field: &str, value: &str) {
    if value.trim().is_empty() {
        problems.push(problem(field, "is required"));
    } else {
        optional_line(problems, field, Some(value), MAX_NAME_CHARS);
    }
}

fn optional_line(problems: &mut Vec<Problem>, field: &str, value: Option<&str>, max: usize) {
    let Some(value) = value else { return };
    let chars = value.chars().count();
    if chars > max {
        problems.push(problem(
            field,
            format!("is {chars} characters long; the limit is {max}"),
        ));
    } else if value.chars().any(char::is_control) {
        problems.push(problem(
            field,
            "must be a single line without tabs or control characters",
        ));
    }
}

fn optional_email(problems: &mut Vec<Problem>, field: &str, value: Option<&str>) {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return;
    };
    optional_line(problems, field, Some(value), MAX_EMAIL_CHARS);
    let looks_valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value
                    .chars()
                    .any(|c| c.is_whitespace() || c == ',' || c == '<' || c == '>')
                && !domain.contains('@')
        }
        None => false,
    };
    if !looks_valid {
        problems.push(problem(
            field,
            format!("“{value}” is not an email address like name@example.com"),
        ));
    }
}

fn syntax(e: &serde_json::Error) -> Problem {
    let raw = e.to_string();
    let message = raw.split(" at line ").next().unwrap_or(&raw);
    let place = format!("line {}, column {}", e.line(), e.column());
    if message.starts_with("trailing") {
        problem("input", format!("has text after the JSON object ({place})"))
    } else {
        problem("input", format!("is not valid JSON: {message} ({place})"))
    }
}

/// Turns a serde error into a Problem that names the field the way the user wrote it.
fn from_serde(error: &serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = error.path().to_string();
    let inner = error.inner();
    let raw = inner.to_string();
    let message = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    // The path may or may not already end with the field serde complains about.
    let join = |name: &str| {
        if path == "." || path.is_empty() {
            name.to_owned()
        } else if path == name || path.ends_with(&format!(".{name}")) {
            path.clone()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = closest(name, &options)
            .map(|o| format!(" — did you mean `{o}`?"))
            .unwrap_or_default();
        return problem(join(name), format!("is not a field Politely knows{hint}"));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return problem(join(name), "is required");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return problem(
            path,
            format!("“{value}” is not one of: {}", options.join(", ")),
        );
    }
    if path == "rounds" {
        return problem(
            path,
            format!("must be a whole number from 0 to {MAX_ROUNDS}"),
        );
    }
    if path.ends_with("_at") || path == "now" {
        return problem(
            path,
            format!("is not a date-time like 2026-11-20T09:30:00+01:00 (RFC 3339): {message}"),
        );
    }
    problem(if path == "." { "input".into() } else { path }, message)
}

/// The option within edit distance 2 of `word`, if any.
fn closest<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    options
        .iter()
        .map(|o| (distance(word, o), *o))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, o)| o)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
