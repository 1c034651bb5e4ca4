//! Getting a draft out of Politely: a `mailto:` link for the user's mail client (RFC 6068), an
//! `.eml` file any mail program opens as an unsent message (RFC 5322 with MIME, UTF-8), and plain
//! text. Everything is encoded here so the user's text can never break a header or a URL.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A message ready to leave Politely.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outgoing {
    /// Recipient address, when known.
    #[serde(default)]
    pub to: Option<String>,
    /// Recipient's name, for the `To:` header.
    #[serde(default)]
    pub to_name: Option<String>,
    /// Sender address, when known.
    #[serde(default)]
    pub from: Option<String>,
    /// Sender's name, for the `From:` header.
    #[serde(default)]
    pub from_name: Option<String>,
    /// Subject line.
    #[serde(default)]
    pub subject: String,
    /// The text.
    pub body: String,
}

/// Largest body a `mailto:` link carries; mail clients and desktops truncate longer URLs.
pub const MAILTO_MAX_BYTES: usize = 32 * 1024;

/// RFC 6068 `mailto:` URL: the address with its reserved characters encoded, then `subject` and
/// `body` percent-encoded as UTF-8, line breaks as `%0D%0A`.
pub fn mailto(message: &Outgoing) -> Result<String> {
    let to = message.to.as_deref().map(str::trim).unwrap_or("");
    if !to.is_empty() {
        check_address("to", to)?;
    }
    let body = message.body.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut url = format!("mailto:{}", encode(to, ADDRESS_SAFE));
    let mut sep = '?';
    for (key, value) in [("subject", message.subject.as_str()), ("body", &body)] {
        if !value.is_empty() {
            url.push(sep);
            url.push_str(key);
            url.push('=');
            url.push_str(&encode(value, QUERY_SAFE));
            sep = '&';
        }
    }
    if url.len() > MAILTO_MAX_BYTES {
        return Err(Error::invalid(
            "body",
            format!(
                "is too long for a mail link ({} bytes encoded, the limit is {MAILTO_MAX_BYTES}); export it as .eml instead",
                url.len()
            ),
        ));
    }
    Ok(url)
}

/// Characters left as they are in the address part (RFC 6068 `addr-spec` without `%`, `?`, `#`…).
const ADDRESS_SAFE: &[u8] = b"@.-_~!$'*+=";
/// Characters left as they are in a query value: only RFC 3986 unreserved ones.
const QUERY_SAFE: &[u8] = b"-._~";

fn encode(text: &str, safe: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || safe.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(super) fn check_address(field: &str, address: &str) -> Result<()> {
    let ok = address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
    }) && !address
        .chars()
        .filter(|&c| c != '@')
        .any(|c| c.is_whitespace() || c.is_control() || "<>,;:\"()[]\\?&#%".contains(c))
        && address.matches('@').count() == 1;
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("“{address}” is not an email address like name@example.com"),
        ))
    }
}

pub use super::eml::eml;

/// The message as plain text: `Subject:` first when there is one, UTF-8, the platform's plain
/// `\n` line ends.
pub fn plain(message: &Outgoing) -> String {
    let body = message.body.replace("\r\n", "\n");
    if message.subject.trim().is_empty() {
        format!("{}\n", body.trim_end())
    } else {
        format!(
            "Subject: {}\n\n{}\n",
            message.subject.trim(),
            body.trim_end()
        )
    }
}

/// Writes `content` to `dir` as `stem.ext`, never over an existing file (`stem-2.ext`, …);
/// returns the path written.
pub fn write_export(
    dir: &std::path::Path,
    stem: &str,
    ext: &str,
    content: &str,
) -> Result<std::path::PathBuf> {
    let failed = |e: std::io::Error| Error::Storage {
        action: format!("exporting to {}", dir.display()),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // An export holds the user's correspondence: theirs alone to read.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(content.as_bytes()).map_err(failed)?;
                file.sync_all().map_err(failed)?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(e)),
        }
    }
    Err(failed(std::io::Error::other(
        "too many files with this name",
    )))
}

/// Writes `content` to `path` (a file the user chose in a save dialog, which asked before
/// replacing one), readable by its owner only; via a temporary file beside it, so a full disk
/// never leaves half a file where the old one was.
///
/// Only a plain file is ever replaced. A device, pipe or terminal (`/dev/null`, `/dev/stdout`,
/// a FIFO) is written into as it is: a rename over it would put a plain file where the system's
/// device was. A link to a file keeps the link and replaces the file it names. A folder is
/// refused.
pub fn write_file(path: &std::path::Path, content: &str) -> Result<()> {
    use std::io::Write;
    let failed = |e: std::io::Error| Error::Storage {
        action: format!("writing {}", path.display()),
        reason: e.to_string(),
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::invalid("file", "names a folder, not a file"));
        }
        Ok(meta) if !meta.is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut device| device.write_all(content.as_bytes()))
                .map_err(failed);
        }
        _ => {}
    }
    let resolved = std::fs::canonicalize(path).ok();
    let path = resolved.as_deref().unwrap_or(path);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid("file", "names a folder, not a file"))?;
    let tmp = dir.join(format!(".{}.politely-tmp", name.to_string_lossy()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&tmp).map_err(failed)?;
    file.write_all(content.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            failed(e)
        })?;
    std::fs::rename(&tmp, path).map_err(failed)
}

/// Hands a `mailto:` URL to the desktop's default mail program through `open` (the shell's
/// opener); its failure becomes advice the user can act on.
pub fn open_in_mail_client<E>(
    url: &str,
    open: impl FnOnce(&str) -> std::result::Result<(), E>,
) -> Result<()> {
    if !url.starts_with("mailto:") {
        return Err(Error::invalid("url", "only mailto: links are opened"));
    }
    open(url).map_err(|_| Error::Unavailable {
        what: "opening your mail program".into(),
        reason: "this computer has no default mail program set up; copy the text instead, or export an .eml file and open it".into(),
    })
}

/// A file name for an export: the company and kind, reduced to safe characters.
pub fn file_stem(company: &str, what: &str) -> String {
    let mut stem: String = format!("{company} {what}")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-');
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "politely-draft".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::super::eml::{base64, quoted_printable};
    use super::*;
    use chrono::DateTime;

    fn message() -> Outgoing {
        Outgoing {
            to: Some("dana@example.com".into()),
            to_name: Some("Dana Okafor".into()),
            from: Some("sam@example.org".into()),
            from_name: Some("Sam Lee".into()),
            subject: "Interview for Data Analyst — Sam Lee".into(),
            body: "Dear Dana,\n\nThank you & goodbye? 100% sure.\n\nSam".into(),
        }
    }

    #[test]
    fn mailto_encodes_everything_outside_unreserved() {
        let url = mailto(&message()).unwrap();
        assert!(url.starts_with("mailto:dana@example.com?subject="), "{url}");
        assert!(
            url.contains("Interview%20for%20Data%20Analyst%20%E2%80%94%20Sam%20Lee"),
            "UTF-8 percent-encoded subject, spaces as %20: {url}"
        );
        assert!(
            url.contains(
                "&body=Dear%20Dana%2C%0D%0A%0D%0AThank%20you%20%26%20goodbye%3F%20100%25%20sure."
            ),
            "line breaks as %0D%0A, & ? % encoded: {url}"
        );
        assert!(
            !url.contains('+') && !url.contains(' '),
            "no raw spaces or plus signs: {url}"
        );
    }

    #[test]
    fn mailto_without_address_or_subject_is_still_valid() {
        let url = mailto(&Outgoing {
            body: "Hi".into(),
            ..Outgoing::default()
        })
        .unwrap();
        assert_eq!(url, "mailto:?body=Hi");
    }

    #[test]
    fn mailto_rejects_header_injection_in_the_address() {
        for bad in [
            "a@b.com?cc=evil@x.com",
            "a@b.com&body=x",
            "a@b.com\r\nBcc: x@y.z",
        ] {
            assert!(
                mailto(&Outgoing {
                    to: Some(bad.into()),
                    body: "x".into(),
                    ..Outgoing::default()
                })
                .is_err(),
                "{bad:?} must be refused, not turned into extra fields"
            );
        }
        assert!(mailto(&Outgoing {
            to: Some("a b@c.com".into()),
            body: "x".into(),
            ..Outgoing::default()
        })
        .is_err());
    }

    #[test]
    fn mailto_refuses_huge_bodies_with_a_way_out() {
        let err = mailto(&Outgoing {
            body: "x".repeat(40_000),
            ..Outgoing::default()
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains(".eml"), "{err}");
    }

    #[test]
    fn quoted_printable_keeps_lines_short_and_encodes_trailing_space() {
        let qp = quoted_printable(&format!("{} \nnext=line é", "a".repeat(200)));
        for line in qp.split("\r\n") {
            assert!(line.len() <= 76, "line too long: {line}");
        }
        assert!(qp.contains("next=3Dline =C3=A9"), "{qp}");
        assert!(
            qp.contains("=20\r\n") || qp.contains(" =\r\n"),
            "trailing space must survive: {qp}"
        );
    }

    /// A second, independent parser (mail-parser, as mail servers use it) reads back exactly
    /// what went in: names, subject and body with non-ASCII text, long lines, `=` and dots.
    #[test]
    fn eml_reads_back_through_an_independent_parser() {
        let body = format!(
            "Dear Zoë,\n\nThank you — شكرا 🚀 for {{{{ 7*7 }}}} and <script>.\n{}\n.\nPrice = 100%\n\nSam",
            "long line ".repeat(40)
        );
        let message = Outgoing {
            to: Some("zoe@example.com".into()),
            to_name: Some("Zoë \"Z\" Okafor".into()),
            from: Some("sam@example.org".into()),
            from_name: Some("Sam Lee".into()),
            subject: format!(
                "Interview for {} — Sam Lee ✓",
                "Senior Data Analyst ".repeat(4)
            ),
            body: body.clone(),
        };
        let date = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
        let raw = eml(&message, date).unwrap();
        for line in raw.split("\r\n") {
            assert!(line.len() <= 998, "RFC 5322 line limit");
            assert!(line.is_ascii(), "8-bit data never reaches the wire: {line}");
        }
        assert!(
            !raw.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        let parsed = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("parses");
        // Runs of spaces are one space in a header (a line of only spaces cannot be folded).
        let one_space = message
            .subject
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(parsed.subject(), Some(one_space.as_str()));
        let to = parsed.to().and_then(|a| a.first()).unwrap();
        assert_eq!(
            (to.name(), to.address()),
            (Some("Zoë \"Z\" Okafor"), Some("zoe@example.com"))
        );
        let from = parsed.from().and_then(|a| a.first()).unwrap();
        assert_eq!(
            (from.name(), from.address()),
            (Some("Sam Lee"), Some("sam@example.org"))
        );
        assert_eq!(parsed.body_text(0).unwrap().replace("\r\n", "\n"), body);
        assert_eq!(
            parsed.date().unwrap().to_rfc3339(),
            "2026-11-26T10:00:00+01:00"
        );
        assert_eq!(parsed.header_raw("X-Unsent").map(str::trim), Some("1"));
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "base64({plain:?})");
        }
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Acme / Co.", "email"), "Acme-Co-email");
        assert_eq!(file_stem("../../etc", ""), "etc");
        assert_eq!(file_stem("", ""), "politely-draft");
    }
}
