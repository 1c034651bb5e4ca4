//! iCalendar (RFC 5545) export of reminders, so a calendar or task app can show them.
//!
//! Written by hand rather than with an iCalendar crate: the format is small, and the rules that
//! matter (CRLF line ends, folding at 75 octets without splitting a character, TEXT escaping)
//! are easier to check here than to trust in a dependency. The tests read the output back with
//! an independent parser.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// How each reminder appears in a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IcsKind {
    /// A `VTODO` (task) with `DUE` at the reminder time.
    Todo,
    /// A `VEVENT` with `DTSTART` at the reminder time and `DURATION:PT15M`.
    Event,
}

/// One reminder to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsItem {
    /// Stable identifier, the same on every export, e.g. `reminder-12@politely.app`.
    pub uid: String,
    /// One-line title, e.g. `Reply to Acme Robotics`; also the alarm's text.
    pub summary: String,
    /// Free text; any characters, including newlines.
    pub description: String,
    /// When the reminder is due; also when its alarm fires.
    pub due: DateTime<Utc>,
    /// When the reminder was created.
    pub created: DateTime<Utc>,
    /// Whether the reminder is done (`STATUS:COMPLETED` on a to-do; events are always
    /// `STATUS:CONFIRMED`).
    pub done: bool,
}

/// Octets allowed on one physical line, not counting its CRLF (RFC 5545 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Length of the event that stands for a reminder in [`IcsKind::Event`].
const EVENT_DURATION: &str = "PT15M";

/// The calendar file: CRLF line ends, lines folded at 75 octets, text escaped.
///
/// `now` becomes every component's `DTSTAMP`. Times are written in UTC (`…Z`) to the second;
/// fractions of a second are dropped, and years outside 0000–9999 (which the format cannot
/// write) are clamped to the nearest representable instant. In text, CRLF and a lone CR become
/// newlines and other control characters except tab are removed, since RFC 5545 forbids them.
/// No items gives a valid, empty calendar.
pub fn calendar(items: &[IcsItem], kind: IcsKind, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| push_folded(&mut out, name, value);

    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//Politely//Reminders//EN");
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");

    let component = match kind {
        IcsKind::Todo => "VTODO",
        IcsKind::Event => "VEVENT",
    };
    let stamp = utc_stamp(now);
    for item in items {
        let due = utc_stamp(item.due);
        let summary = text(&item.summary);

        line("BEGIN", component);
        line("UID", &text(&item.uid));
        line("DTSTAMP", &stamp);
        line("CREATED", &utc_stamp(item.created));
        line("SUMMARY", &summary);
        line("DESCRIPTION", &text(&item.description));
        match kind {
            IcsKind::Todo => {
                line("DUE", &due);
                line(
                    "STATUS",
                    if item.done {
                        "COMPLETED"
                    } else {
                        "NEEDS-ACTION"
                    },
                );
            }
            IcsKind::Event => {
                line("DTSTART", &due);
                line("DURATION", EVENT_DURATION);
                line("STATUS", "CONFIRMED");
            }
        }
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", &summary);
        line("TRIGGER;VALUE=DATE-TIME", &due);
        line("END", "VALARM");
        line("END", component);
    }

    line("END", "VCALENDAR");
    out
}

/// A UTC DATE-TIME in the form `YYYYMMDDTHHMMSSZ`, clamped to years 0000–9999.
fn utc_stamp(t: DateTime<Utc>) -> String {
    match t.year() {
        ..0 => "00000101T000000Z".to_owned(),
        10_000.. => "99991231T235959Z".to_owned(),
        _ => format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
    }
}

/// A TEXT value escaped per RFC 5545 3.3.11: backslash, semicolon and comma get a backslash,
/// CRLF, CR and LF become `\n`, and other control characters except tab are dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends the content line `name:value` and its CRLF, folded so that no physical line exceeds
/// 75 octets. A fold is a CRLF plus one space, placed between characters and never inside a
/// backslash escape (every backslash in a content line starts one, since [`text`] doubles
/// literal backslashes), so readers that unescape before unfolding still get the text right.
fn push_folded(out: &mut String, name: &str, value: &str) {
    let logical = format!("{name}:{value}");
    let mut limit = MAX_LINE_OCTETS;
    let mut used = 0;
    let mut start = 0;
    let mut units = logical.char_indices();
    while let Some((at, c)) = units.next() {
        let mut width = c.len_utf8();
        if c == '\\' {
            if let Some((_, escaped)) = units.next() {
                width += escaped.len_utf8();
            }
        }
        if used + width > limit {
            out.push_str(&logical[start..at]);
            out.push_str("\r\n ");
            start = at;
            used = 0;
            // The leading space of a continuation line counts towards its 75 octets.
            limit = MAX_LINE_OCTETS - 1;
        }
        used += width;
    }
    out.push_str(&logical[start..]);
    out.push_str("\r\n");
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
