//! From bytes to a document: the format is told from the content (an RFC 5322 message, an
//! iCalendar invite, or pasted text with an optional `Subject:` line or a pasted header block),
//! MIME is decoded by mail-parser, HTML bodies become text through html2text, invites are read
//! by icalendar, and the text is split into the new content, a forwarded message and the quoted
//! earlier messages (which are not the new content).

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, TimeZone};
use regex::Regex;

use super::ics::{self, Event};
use crate::{Error, Result};

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

fn person(addr: Option<&mail_parser::Address<'_>>) -> Option<Person> {
    let a = addr?.first()?;
    let p = Person {
        name: a
            .name()
            .map(|n| clean(n).trim().trim_matches('"').trim().to_owned())
            .filter(|n| !n.is_empty()),
        email: a
            .address()
            .map(|e| e.trim().to_lowercase())
            .filter(|e| e.contains('@')),
    };
    (p.name.is_some() || p.email.is_some()).then_some(p)
}

fn mail_date(d: &mail_parser::DateTime) -> Option<DateTime<FixedOffset>> {
    let secs =
        (d.tz_hour as i32 * 3600 + d.tz_minute as i32 * 60) * if d.tz_before_gmt { -1 } else { 1 };
    let offset = FixedOffset::east_opt(secs)?;
    let date = chrono::NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)?;
    let local = date.and_hms_opt(d.hour as u32, d.minute as u32, d.second as u32)?;
    let at = offset.from_local_datetime(&local).single()?;
    crate::time::check("invited_at", &at).ok()?;
    Some(at)
}

fn eml(bytes: &[u8]) -> Result<Doc> {
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Error::invalid("input", "looks like an e-mail but cannot be read"))?;
    let mut doc = Doc::new(Format::Eml);
    doc.subject = message.subject().map(|s| clean(s).trim().to_owned());
    doc.from = person(message.from());
    doc.reply_to = person(message.reply_to());
    doc.to = person(message.to());
    doc.date = message.date().and_then(mail_date);
    doc.message_id = message.message_id().map(str::to_owned);
    for header in [message.in_reply_to(), message.references()] {
        if let Some(list) = header.as_text_list() {
            doc.thread.extend(list.iter().map(|s| s.to_string()));
        } else if let Some(one) = header.as_text() {
            doc.thread.push(one.to_owned());
        }
    }
    doc.linkedin = doc
        .from
        .as_ref()
        .and_then(|p| p.email.as_deref())
        .is_some_and(|e| e.ends_with("linkedin.com"));
    let (text, events, inner) = bodies(&message, 0);
    doc.events = events;
    let text = clean(&text);
    split_into(&mut doc, &text);
    if doc.forward.is_none() {
        if let Some(inner) = inner {
            doc.forward = Some(inner);
        }
    }
    if doc.body.trim().is_empty() && doc.forward.is_none() && doc.events.is_empty() {
        if doc.subject.as_deref().is_some_and(|s| !s.trim().is_empty()) {
            return Ok(doc);
        }
        return Err(Error::invalid(
            "input",
            "is an e-mail without any text Politely can read",
        ));
    }
    Ok(doc)
}

/// The body text of a message (plain text, or its HTML as text when that says more), its
/// invites, and a message attached to it (a forward as attachment).
fn bodies(
    message: &mail_parser::Message<'_>,
    depth: usize,
) -> (String, Vec<Event>, Option<Forward>) {
    use mail_parser::PartType;
    let mut plain = String::new();
    let mut html = String::new();
    let mut events = Vec::new();
    let mut inner = None;
    for part in message.text_bodies() {
        if let PartType::Text(t) = &part.body {
            if !is_calendar(part) {
                plain.push_str(t);
                plain.push('\n');
            }
        }
    }
    for part in message.html_bodies() {
        if let PartType::Html(h) = &part.body {
            html.push_str(&html_text(h));
            html.push('\n');
        }
    }
    for part in &message.parts {
        match &part.body {
            PartType::Text(t) | PartType::Html(t) if is_calendar(part) => {
                events.extend(ics::events(&clean(t)));
            }
            PartType::Binary(b) | PartType::InlineBinary(b) if is_calendar(part) => {
                events.extend(ics::events(&clean(&String::from_utf8_lossy(b))));
            }
            PartType::Message(m) if depth < 3 && inner.is_none() => {
                let (text, more, _) = bodies(m, depth + 1);
                events.extend(more);
                inner = Some(Forward {
                    from: person(m.from()),
                    subject: m.subject().map(str::to_owned),
                    body: clean(&text),
                });
            }
            _ => {}
        }
    }
    let plain_len = plain.trim().chars().count();
    let html_len = html.trim().chars().count();
    let text = if plain_len == 0 || html_len > plain_len * 3 / 2 + 100 {
        html
    } else {
        plain
    };
    (text, events, inner)
}

fn is_calendar(part: &mail_parser::MessagePart<'_>) -> bool {
    use mail_parser::MimeHeaders;
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("text")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("calendar"))
            || ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("ics"))
    }) || part
        .attachment_name()
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".ics"))
}

/// HTML as text: html2text renders it (scripts and styles are not text), never executed.
pub fn html_text(html: &str) -> String {
    // Keep it bounded: the renderer's work grows with the markup.
    let html: String = html.chars().take(MAX_TEXT_CHARS).collect();
    let rendered = html2text::config::plain()
        .raw_mode(true)
        .no_link_wrapping()
        .allow_width_overflow()
        .link_footnotes(false)
        .string_from_read(html.as_bytes(), 2000);
    match rendered {
        Ok(text) => text,
        Err(_) => strip_tags(&html),
    }
}

/// The fallback when the renderer gives up: tags out, the text between them kept.
fn strip_tags(html: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
    TAG.replace_all(html, "\n").into_owned()
}

static PASTED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(from|sent|date|to|cc|subject|objet|betreff|asunto)\s*:\s*(.*)$").unwrap()
});
static ANGLE_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(.*?)\s*[<\[(](?:mailto:)?([^\s<>@]+@[^\s<>\])]+)[>\])]").unwrap()
});
static BARE_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,})\s*$").unwrap());

/// `Name <a@b.c>`, `a@b.c` or `Name`.
pub fn parse_person(value: &str) -> Option<Person> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some(c) = ANGLE_EMAIL.captures(value) {
        let name = c[1].trim().trim_matches('"').trim();
        return Some(Person {
            name: (!name.is_empty()).then(|| name.to_owned()),
            email: Some(c[2].to_lowercase()),
        });
    }
    if let Some(c) = BARE_EMAIL.captures(value) {
        return Some(Person {
            name: None,
            email: Some(c[1].to_lowercase()),
        });
    }
    Some(Person {
        name: Some(value.trim_matches('"').to_owned()),
        email: None,
    })
}

static LINKEDIN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{1,2}:\d{2}\s*(am|pm)?|(mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|[a-z]{3} \d{1,2}|\d{1,2} [a-z]{3}|inmail)$").unwrap()
});
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'’.-]+(?: (?:de|van|der|von|da|dos|del|la|le|\p{Lu}[\p{L}'’.-]*)){1,3})(?:\s*·\s*(.+))?$").unwrap()
});

fn pasted(text: &str) -> Doc {
    let mut doc = Doc::new(Format::Text);
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0;
    while start < lines.len() && lines[start].trim().is_empty() {
        start += 1;
    }
    // A pasted header block (Outlook: From/Sent/To/Subject) or a lone Subject line.
    let mut i = start;
    while i < lines.len() {
        let Some(c) = PASTED_HEADER.captures(lines[i].trim()) else {
            break;
        };
        let value = c[2].trim();
        match c[1].to_ascii_lowercase().as_str() {
            "from" => doc.from = parse_person(value),
            "sent" | "date" => doc.pasted_date = super::dates::header_date(value),
            "to" => doc.to = parse_person(value),
            "subject" | "objet" | "betreff" | "asunto" => doc.subject = Some(value.to_owned()),
            _ => {}
        }
        i += 1;
    }
    if i > start {
        doc.mail_headers = doc.from.is_some() || doc.subject.is_some();
        start = i;
    } else if let Some(profile) = linkedin_header(&lines[start.min(lines.len())..]) {
        // Name, headline and time as LinkedIn shows a message.
        doc.linkedin = true;
        start += profile.2;
        doc.profile = Some((profile.0, profile.1));
    }
    let rest = lines[start.min(lines.len())..].join("\n");
    split_into(&mut doc, &rest);
    doc
}

/// `(name, headline, lines used)` when `lines` begin as a LinkedIn message does.
fn linkedin_header(lines: &[&str]) -> Option<(String, Option<String>, usize)> {
    let first = lines.first()?.trim();
    let c = NAME_LINE.captures(first)?;
    let name = c[1].trim().to_owned();
    if let Some(after) = c.get(2) {
        // "Rosie Calder · 8:37 AM" or "Julien Marchetti · 3rd"
        let after = after.as_str().trim();
        if LINKEDIN_TIME.is_match(after) {
            return Some((name, None, 1));
        }
        if !after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let mut headline = None;
    let mut used = 1;
    for (k, line) in lines.iter().enumerate().skip(1).take(3) {
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if LINKEDIN_TIME.is_match(line) {
            return Some((name, headline, k + 1));
        }
        if k == 1 && line.contains(" at ") && line.chars().count() < 200 {
            headline = Some(line.to_owned());
            used = k + 1;
            continue;
        }
        break;
    }
    let _ = used;
    None
}

static FORWARD_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?|-{2,}\s*(weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,})\s*$").unwrap()
});
static QUOTE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(-{3,}\s*original message\s*-{3,}|_{10,})\s*$").unwrap());
static WROTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(on|le|am|el)\s.{4,250}(wrote|a écrit|schrieb|escribió)\s*:\s*$").unwrap()
});

/// Splits text into the new content, a forwarded message and the quoted earlier messages.
fn split_into(doc: &mut Doc, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let mut body = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if FORWARD_MARK.is_match(line) {
            let (forward, quoted) = forwarded(&lines[i + 1..]);
            doc.forward = Some(forward);
            doc.quoted.push_str(&quoted);
            break;
        }
        let outlook_block = line.trim_start().to_ascii_lowercase().starts_with("from:")
            && lines[i + 1..].iter().take(4).any(|l| {
                let l = l.trim_start().to_ascii_lowercase();
                l.starts_with("sent:") || l.starts_with("date:")
            });
        let two_line_wrote = i + 1 < lines.len()
            && lines[i]
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("on ")
            && WROTE.is_match(&format!("{} {}", lines[i].trim(), lines[i + 1].trim()));
        if QUOTE_MARK.is_match(line)
            || WROTE.is_match(line)
            || two_line_wrote
            || line.trim_start().starts_with('>')
            || (outlook_block && !body.is_empty())
        {
            let subject_forward = doc
                .subject
                .as_deref()
                .is_some_and(|s| s.trim_start().to_ascii_lowercase().starts_with("fw"));
            if outlook_block && subject_forward && doc.forward.is_none() {
                let (forward, quoted) = forwarded(&lines[i..]);
                doc.forward = Some(forward);
                doc.quoted.push_str(&quoted);
            } else {
                for l in &lines[i..] {
                    doc.quoted.push_str(l.trim_start_matches(['>', ' ']));
                    doc.quoted.push('\n');
                }
            }
            break;
        }
        body.push(line);
        i += 1;
    }
    doc.body = body.join("\n");
}

/// A forwarded message: its header lines, then its text (what it quotes goes to the second).
fn forwarded(lines: &[&str]) -> (Forward, String) {
    let mut forward = Forward::default();
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    while i < lines.len() {
        let Some(c) = PASTED_HEADER.captures(lines[i].trim()) else {
            break;
        };
        match c[1].to_ascii_lowercase().as_str() {
            "from" => forward.from = parse_person(&c[2]),
            "subject" | "objet" | "betreff" | "asunto" => {
                forward.subject = Some(c[2].trim().to_owned())
            }
            _ => {}
        }
        i += 1;
    }
    let mut inner = Doc::new(Format::Text);
    split_into(&mut inner, &lines[i.min(lines.len())..].join("\n"));
    forward.body = inner.body;
    (forward, inner.quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_told_from_the_content() {
        let eml = b"Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: A <a@b.co>\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n\r\nHello";
        assert_eq!(decode(eml).unwrap().format, Format::Eml);
        let pasted =
            "From: A <a@b.co>\nSent: Monday, 7 September 2026 10:02 AM\nSubject: Hi\n\nHello";
        let doc = decode(pasted.as_bytes()).unwrap();
        assert_eq!(doc.format, Format::Text);
        assert_eq!(doc.subject.as_deref(), Some("Hi"));
        assert!(doc.pasted_date.is_some());
        assert_eq!(
            decode(b"Subject: Hi\n\nHello").unwrap().format,
            Format::Text
        );
        assert!(decode(b"  \n ").is_err());
        assert!(decode(b"caf\xe9").is_err());
    }

    #[test]
    fn quoted_and_forwarded_parts_are_not_the_new_content() {
        let doc = decode(
            "Thanks!\nJo\n\nOn Mon, 5 Oct 2026 at 18:41, Al <al@x.example> wrote:\n> old text\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(doc.body.trim(), "Thanks!\nJo");
        assert!(doc.quoted.contains("old text"));
        let doc = decode(
            "note to self\n\n---------- Forwarded message ---------\nFrom: Oli B <o@s.example>\nDate: Fri\nSubject: Interview\n\nHi Dana".as_bytes(),
        )
        .unwrap();
        let forward = doc.forward.unwrap();
        assert_eq!(forward.from.unwrap().email.as_deref(), Some("o@s.example"));
        assert_eq!(forward.body.trim(), "Hi Dana");
    }
}
