//! The draft as an `.eml` file: RFC 5322 headers (names and subjects encoded per RFC 2047, long
//! lines folded), a MIME text/plain UTF-8 body in quoted-printable with CRLF line ends, and
//! `X-Unsent: 1`, so Thunderbird, Outlook and Apple Mail open it as a message to send.

use chrono::{DateTime, FixedOffset};

use super::send::{check_address, Outgoing};
use crate::Result;

/// An RFC 5322 message with a MIME text/plain UTF-8 body in quoted-printable, CRLF line ends,
/// and `X-Unsent: 1` so mail programs open it as a draft to send.
pub fn eml(message: &Outgoing, date: DateTime<FixedOffset>) -> Result<String> {
    let mut head = Vec::new();
    if let Some(from) = message.from.as_deref().filter(|a| !a.trim().is_empty()) {
        check_address("from", from.trim())?;
        head.push(fold(
            "From",
            &mailbox(message.from_name.as_deref(), from.trim()),
        ));
    }
    if let Some(to) = message.to.as_deref().filter(|a| !a.trim().is_empty()) {
        check_address("to", to.trim())?;
        head.push(fold("To", &mailbox(message.to_name.as_deref(), to.trim())));
    }
    head.push(fold("Subject", &header_text(&message.subject)));
    head.push(format!("Date: {}", date.to_rfc2822()));
    head.push("MIME-Version: 1.0".to_owned());
    head.push("Content-Type: text/plain; charset=UTF-8".to_owned());
    head.push("Content-Transfer-Encoding: quoted-printable".to_owned());
    head.push("X-Unsent: 1".to_owned());
    Ok(format!(
        "{}\r\n\r\n{}",
        head.join("\r\n"),
        quoted_printable(&message.body)
    ))
}

/// Longest word left readable in a header; a longer one is encoded, so it can be folded.
const MAX_HEADER_WORD: usize = 60;

/// Header text on one line: control characters dropped, runs of spaces (and line breaks) made
/// one space, so folding never leaves a line of only whitespace.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` can stay as it is in a header: printable ASCII, no encoded-word look-alike,
/// no word too long to fold.
fn readable(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !text.contains("=?")
        && text.split(' ').all(|w| w.len() <= MAX_HEADER_WORD)
}

/// `Name <address>`, the name quoted or encoded as needed.
fn mailbox(name: Option<&str>, address: &str) -> String {
    match name.map(one_line).filter(|n| !n.is_empty()) {
        None => address.to_owned(),
        Some(n) if readable(&n) => {
            format!(
                "\"{}\" <{address}>",
                n.replace('\\', "\\\\").replace('"', "\\\"")
            )
        }
        Some(n) => format!("{} <{address}>", encoded_words(&n)),
    }
}

/// Header text: printable ASCII stays readable; anything else becomes RFC 2047 encoded-words.
fn header_text(text: &str) -> String {
    let clean = one_line(text);
    if readable(&clean) {
        clean
    } else {
        encoded_words(&clean)
    }
}

/// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character.
fn encoded_words(text: &str) -> String {
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        // 12 bytes of overhead; 45 bytes of text encode to 60 characters of base64.
        if chunk.len() + c.len_utf8() > 45 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() || words.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join(" ")
}

/// `Name: value`, folded at spaces so no line passes 78 characters where that is possible.
fn fold(name: &str, value: &str) -> String {
    let mut out = format!("{name}:");
    let mut line_len = out.len();
    for word in value.split(' ').filter(|w| !w.is_empty()) {
        if line_len + 1 + word.len() > 78 && line_len > name.len() + 1 {
            out.push_str("\r\n");
            line_len = 0;
        }
        out.push(' ');
        out.push_str(word);
        line_len += 1 + word.len();
    }
    out
}

pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// RFC 2045 quoted-printable with CRLF hard breaks and soft breaks before 76 characters.
pub(super) fn quoted_printable(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in normalized.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let bytes = line.as_bytes();
        let mut len = 0;
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let literal =
                (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let piece = if literal {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if len + piece.len() > 75 {
                out.push_str("=\r\n");
                len = 0;
            }
            out.push_str(&piece);
            len += piece.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(subject: &str, name: &str) -> Outgoing {
        Outgoing {
            to: Some("dana@example.com".into()),
            to_name: Some(name.into()),
            from: Some("sam@example.com".into()),
            from_name: Some("Sam Lee".into()),
            subject: subject.into(),
            body: "Thank you.\nI am withdrawing.".into(),
        }
    }

    /// Headers stay within RFC 5322's limits whatever the user typed, and two independent
    /// parsers read the same subject and name back.
    #[test]
    fn hostile_subjects_and_names_fold_within_the_limits_and_read_back() {
        let date = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
        let long_word = "a".repeat(2000);
        let cases = [
            long_word.clone(),
            format!("Re:  {}  end", "word ".repeat(300)),
            "  spaced    out\tsubject \r\n with\nbreaks ".to_owned(),
            format!("Über {} 🚀", "ß".repeat(400)),
            "=?UTF-8?B?ZmFrZQ==?= looks encoded".to_owned(),
            "\u{1b}[31mred\u{7} alert".to_owned(),
            String::new(),
        ];
        for subject in &cases {
            for name in ["Dana Okafor", long_word.as_str(), "Zoë \"Quoted\" O'Brien"] {
                let text = eml(&message(subject, name), date).unwrap();
                let head = &text[..text.find("\r\n\r\n").unwrap()];
                for line in head.split("\r\n") {
                    assert!(line.len() <= 998, "a header line of {} bytes", line.len());
                    assert!(
                        !line.trim().is_empty(),
                        "a whitespace-only header line in {head:?}"
                    );
                    if !line.starts_with("Subject:") && line.len() > 78 {
                        // Only an unbreakable token may pass 78; we never write one.
                        panic!("{line:?} is longer than 78");
                    }
                }
                let want = one_line(subject);
                let one = mail_parser::MessageParser::default()
                    .parse(text.as_bytes())
                    .unwrap();
                assert_eq!(
                    one.subject().unwrap_or(""),
                    want,
                    "mail-parser: {subject:?}"
                );
                let two = mailparse::parse_mail(text.as_bytes()).unwrap();
                let subject2 = two
                    .headers
                    .iter()
                    .find(|h| h.get_key() == "Subject")
                    .map(|h| h.get_value())
                    .unwrap_or_default();
                assert_eq!(subject2, want, "mailparse: {subject:?}");
                let to = mailparse::addrparse_header(
                    two.headers.iter().find(|h| h.get_key() == "To").unwrap(),
                )
                .unwrap();
                let mailparse::MailAddr::Single(single) = &to[0] else {
                    panic!("one address")
                };
                assert_eq!(
                    single.display_name.as_deref(),
                    Some(one_line(name).as_str())
                );
                assert_eq!(single.addr, "dana@example.com");
            }
        }
    }
}
