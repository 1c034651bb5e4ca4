//! An RFC 5322 message through mail-parser: headers, the body that says most (plain, or the HTML
//! rendered to text), an attached invite, the thread headers.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, TimeZone};
use regex::Regex;

use super::super::ics;
use super::super::ics::Event;
use super::pasted::split_into;
use super::{clean, Doc, Format, Forward, Person, MAX_TEXT_CHARS};
use crate::{Error, Result};

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

pub(super) fn eml(bytes: &[u8]) -> Result<Doc> {
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
