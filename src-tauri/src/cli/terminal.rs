//! Terminal-safe output for the CLI. Line breaks and tabs pass; every other control character
//! and the bidirectional overrides that reorder what a terminal shows ("Trojan source") become
//! visible `\u{…}` escapes. Data meant to be piped as it is (an export, a calendar, a draft)
//! goes through [`data`], which is exact when the output is not a terminal.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// A write to stdout failed for a reason other than a closed pipe (a full disk): the command
/// ends with exit 3 instead of claiming success.
static WRITE_FAILED: AtomicBool = AtomicBool::new(false);

/// Whether any output could not be written.
pub(crate) fn write_failed() -> bool {
    WRITE_FAILED.load(Ordering::SeqCst)
}

fn note(result: std::io::Result<()>) -> bool {
    match result {
        Ok(()) => true,
        // The reader went away (`| head`): end quietly, as Unix tools do.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(_) => {
            WRITE_FAILED.store(true, Ordering::SeqCst);
            false
        }
    }
}

/// Whether `c` would act on the terminal instead of being shown.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every acting character shown as `\u{…}`.
pub(crate) fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes a line (or text) of human-readable output to stdout; a closed pipe ends quietly.
pub(crate) fn out(text: &str, newline: bool) {
    let mut stdout = std::io::stdout().lock();
    let mut written = stdout.write_all(safe(text).as_bytes());
    if newline && written.is_ok() {
        written = stdout.write_all(b"\n");
    }
    note(written.and_then(|()| stdout.flush()));
}

/// Writes a line to stderr, made safe.
pub(crate) fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", safe(text));
}

/// Writes data (an export, a calendar, a draft): exact into a pipe or file, made safe on a
/// terminal. Returns false when it could not be written (a full disk).
pub(crate) fn data(text: &str) -> bool {
    let mut stdout = std::io::stdout().lock();
    let written = if stdout.is_terminal() {
        stdout.write_all(safe(text).as_bytes())
    } else {
        stdout.write_all(text.as_bytes())
    };
    note(written.and_then(|()| stdout.flush()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_shown_not_run() {
        assert_eq!(safe("Acme\nLtd\tok"), "Acme\nLtd\tok");
        assert_eq!(safe("\u{1b}[2Jgone"), "\\u{1b}[2Jgone");
        assert_eq!(safe("a\u{7}b\rc"), "a\\u{7}b\\u{d}c");
        assert_eq!(safe("\u{202E}gnp.exe"), "\\u{202e}gnp.exe");
        assert_eq!(safe("\u{9b}31m"), "\\u{9b}31m", "the 8-bit CSI too");
    }
}
