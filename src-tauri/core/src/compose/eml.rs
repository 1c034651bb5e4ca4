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

/// `Name <address>`, the name quoted or encoded as needed.
fn mailbox(name: Option<&str>, address: &str) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => address.to_owned(),
        Some(n) if n.is_ascii() && !n.chars().any(|c| c.is_ascii_control()) => {
            format!(
                "\"{}\" <{address}>",
                n.replace('\\', "\\\\").replace('"', "\\\"")
            )
        }
        Some(n) => format!("{} <{address}>", encoded_words(n)),
    }
}

/// Header text: printable ASCII stays readable; anything else becomes RFC 2047 encoded-words.
fn header_text(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.bytes().all(|b| (0x20..0x7f).contains(&b)) && !clean.contains("=?") {
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
    for word in value.split(' ') {
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
