//! From bytes to a document: the format is told from the content (an RFC 5322 message, an
//! iCalendar invite, or pasted text with an optional `Subject:` line or a pasted header block),
//! MIME is decoded by mail-parser, HTML bodies become text through html2text, invites are read
//! by icalendar, and the text is split into the new content, a forwarded message and the quoted
//! earlier messages (which are not the new content).

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset};
use regex::Regex;

use super::ics::{self, Event};
use crate::{Error, Result};

mod eml;
mod pasted;

use eml::eml;
use pasted::pasted;

/// How the input was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// An RFC 5322 message (.eml).
    Eml,
    /// An iCalendar file (.ics).
    Ics,
    /// Pasted text.
    Text,
}

/// A name and an address, either of which may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// Display name.
    pub name: Option<String>,
    /// E-mail address, lower-cased.
    pub email: Option<String>,
}

/// A message forwarded inside the new one.
#[derive(Debug, Clone, Default)]
pub struct Forward {
    /// Its `From:` line.
    pub from: Option<Person>,
    /// Its `Subject:` line.
    pub subject: Option<String>,
    /// Its text (without what it quotes).
    pub body: String,
}

/// One received message, decoded.
#[derive(Debug, Clone)]
pub struct Doc {
    /// How it was given.
    pub format: Format,
    /// Subject line.
    pub subject: Option<String>,
    /// Who sent it (`From:`).
    pub from: Option<Person>,
    /// `Reply-To:`.
    pub reply_to: Option<Person>,
    /// `To:`.
    pub to: Option<Person>,
    /// The `Date:` header (or an invite's DTSTAMP).
    pub date: Option<DateTime<FixedOffset>>,
    /// A pasted `Sent:`/`Date:` line: a reference for dates without a year, never `invited_at`.
    pub pasted_date: Option<DateTime<FixedOffset>>,
    /// Pasted text began with mail header lines (`From:`, `Subject:`…).
    pub mail_headers: bool,
    /// A LinkedIn message (the sender is LinkedIn, or the paste has its header).
    pub linkedin: bool,
    /// A chat conversation copied whole (LinkedIn's or another's): `quoted` holds its earlier
    /// messages, both people's.
    pub chat: bool,
    /// The LinkedIn header of a pasted message: name and headline.
    pub profile: Option<(String, Option<String>)>,
    /// The new content.
    pub body: String,
    /// A forwarded message.
    pub forward: Option<Forward>,
    /// Earlier messages quoted below the new content.
    pub quoted: String,
    /// Invites (attached, or the whole input).
    pub events: Vec<Event>,
    /// `Message-ID`.
    pub message_id: Option<String>,
    /// `In-Reply-To` and `References`.
    pub thread: Vec<String>,
}

impl Doc {
    fn new(format: Format) -> Doc {
        Doc {
            format,
            subject: None,
            from: None,
            reply_to: None,
            to: None,
            date: None,
            pasted_date: None,
            mail_headers: false,
            linkedin: false,
            chat: false,
            profile: None,
            body: String::new(),
            forward: None,
            quoted: String::new(),
            events: Vec::new(),
            message_id: None,
            thread: Vec::new(),
        }
    }
}

/// Most text looked at; longer input is read up to here (the rest is signatures and legal text).
const MAX_TEXT_CHARS: usize = 200_000;

/// Decodes `bytes`; an error names what is wrong with the input.
pub fn decode(bytes: &[u8]) -> Result<Doc> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::invalid("input", "is empty: paste or give a message"));
    }
    if looks_like_mail(bytes) {
        return eml(bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(
            "input",
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    let text = clean(text);
    if text
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR")
    {
        let mut doc = Doc::new(Format::Ics);
        doc.events = ics::events(&text);
        if doc.events.is_empty() {
            return Err(Error::invalid(
                "input",
                "is a calendar file without an event (VEVENT) Politely can read",
            ));
        }
        doc.date = doc.events.iter().find_map(|e| e.stamp);
        return Ok(doc);
    }
    Ok(pasted(&text))
}

/// Header names that only a real message has at its top (a paste from Outlook has `Sent:`).
fn looks_like_mail(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let head = String::from_utf8_lossy(head);
    let mut fields = 0;
    let mut strong = false;
    for line in head.lines() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || name.contains(' ') {
            return false;
        }
        fields += 1;
        let name = name.to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "mime-version"
                | "content-type"
                | "message-id"
                | "received"
                | "return-path"
                | "dkim-signature"
                | "content-transfer-encoding"
        ) || (name == "date" && RFC_DATE.is_match(line))
        {
            strong = true;
        }
    }
    fields >= 2 && strong
}

static RFC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2}(:\d{2})? ?([+-]\d{4}|[A-Z]{2,4})").unwrap()
});

/// Line ends, non-breaking and zero-width spaces as plain text; the text itself kept literally.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_TEXT_CHARS * 4));
    for (i, c) in text.chars().enumerate() {
        if i >= MAX_TEXT_CHARS {
            break;
        }
        match c {
            '\r' => {}
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
