//! The shape of a message as the rules read it: the greeting line, the sentences of the message
//! proper (with byte spans into the original text), and the sign-off. Rules never re-split text
//! themselves, so every finding points at the same places.

/// A piece of the text with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text.
    pub text: &'a str,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
}

/// A message split for the rules.
#[derive(Debug, Clone)]
pub struct Shape<'a> {
    /// The whole text.
    pub text: &'a str,
    /// "Dear Dana," / "Hi Dana, this is Sam." when the message opens with one.
    pub greeting: Option<Piece<'a>>,
    /// Sentences after the greeting and before the sign-off, in order.
    pub sentences: Vec<Piece<'a>>,
    /// The sign-off line ("Best regards,") when there is one.
    pub sign_off: Option<Piece<'a>>,
    /// Lines after the sign-off (name, phone…).
    pub signature: Vec<Piece<'a>>,
}

const GREETINGS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "good day",
    "greetings",
    "to whom",
];

const SIGN_OFFS: &[&str] = &[
    "best",
    "kindest regards",
    "sincerely yours",
    "with gratitude",
    "with appreciation",
    "with many thanks",
    "best wishes",
    "warmest wishes",
    "kind wishes",
    "faithfully",
    "best regards",
    "kind regards",
    "regards",
    "warm regards",
    "warmest regards",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "respectfully",
    "with kind regards",
    "with best regards",
    "with thanks",
    "many thanks",
    "thanks",
    "thanks again",
    "thank you",
    "thank you again",
    "all the best",
    "cheers",
    "warmly",
    "warm wishes",
    "best wishes",
    "take care",
    "talk soon",
    "speak soon",
];

/// Splits `text` for the rules.
pub fn shape(text: &str) -> Shape<'_> {
    let lines = lines(text);
    let mut first = 0;
    let mut greeting = None;
    // The greeting is the first non-empty line when it starts like one and is short.
    if let Some(line) = lines.iter().find(|l| !l.text.trim().is_empty()) {
        let lower = line.text.trim_start().to_lowercase();
        let starts = GREETINGS.iter().any(|g| {
            lower.starts_with(g)
                && lower[g.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if starts
            && line.text.split_whitespace().count() <= 8
            && line.text.trim_end().ends_with(',')
        {
            greeting = Some(*line);
            first = line.end;
        } else if starts {
            // "Hi Dana, this is Sam." on the phone: the greeting is the first sentence.
            let s = sentences(text, line.start, line.end);
            if let Some(g) = s
                .first()
                .filter(|g| g.text.split_whitespace().count() <= 12)
            {
                greeting = Some(*g);
                first = g.end;
                // "Good day, Dana. This is Sam speaking." — the introduction belongs to it.
                let rest = sentences(text, g.end, text.len());
                if let Some(intro) = rest.first().filter(|n| {
                    let l = n.text.to_lowercase().replace('’', "'");
                    ["this is ", "it's ", "it is ", "my name is "]
                        .iter()
                        .any(|p| l.starts_with(p))
                        && n.text.split_whitespace().count() <= 10
                }) {
                    greeting = Some(Piece {
                        text: &text[g.start..intro.end],
                        start: g.start,
                        end: intro.end,
                    });
                    first = intro.end;
                }
            }
        }
    }
    // The sign-off is the last short line that is one of the usual closings, followed only by
    // a few short lines (name, phone).
    let mut sign_off = None;
    let mut signature = Vec::new();
    let mut last = text.len();
    let tail: Vec<&Piece> = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty() && l.start >= first)
        .collect();
    for (i, line) in tail.iter().enumerate().rev().take(5) {
        let clean = line
            .text
            .trim()
            .trim_end_matches([',', '.', '!'])
            .to_lowercase();
        // "Best, Farah" on one line, as LinkedIn messages often end.
        let one_line = clean.split_once(',').is_some_and(|(a, b)| {
            SIGN_OFFS.contains(&a.trim())
                && !b.trim().is_empty()
                && b.split_whitespace().count() <= 3
        });
        if one_line {
            sign_off = Some(**line);
            signature = vec![**line];
            last = line.start;
            break;
        }
        if SIGN_OFFS.contains(&clean.as_str()) {
            sign_off = Some(**line);
            signature = tail[i + 1..].iter().map(|l| **l).collect();
            last = line.start;
            break;
        }
    }
    Shape {
        text,
        greeting,
        sentences: sentences(text, first, last),
        sign_off,
        signature,
    }
}

/// The lines of `text`, without their line breaks.
pub fn lines(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let line = &text[start..i];
            let line = line.strip_suffix('\r').unwrap_or(line);
            out.push(Piece {
                text: line,
                start,
                end: start + line.len(),
            });
            start = i + 1;
        }
    }
    out.push(Piece {
        text: &text[start..],
        start,
        end: text.len(),
    });
    out
}

/// Sentences between byte offsets `from` and `to`: ends at `.`, `!`, `?` followed by a space or
/// the end, and at blank lines; trimmed; empty ones dropped.
pub fn sentences(text: &str, from: usize, to: usize) -> Vec<Piece<'_>> {
    let region = &text[from..to];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = region.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let ends = match c {
            '.' => next.is_none_or(char::is_whitespace) && !abbreviation(&region[start..at]),
            '!' | '?' | '…' => next.is_none_or(char::is_whitespace),
            '\n' => next == Some('\n') || next == Some('\r'),
            _ => false,
        };
        if ends {
            push_trimmed(&mut out, text, from + start, from + at + c.len_utf8());
            start = at + c.len_utf8();
        }
        i += 1;
    }
    push_trimmed(&mut out, text, from + start, to);
    out
}

/// "Ms." "Dr." "e.g." — a period that does not end the sentence.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    [
        "mr", "mrs", "ms", "dr", "prof", "e.g", "i.e", "etc", "st", "vs", "no",
    ]
    .contains(&word.as_str())
}

fn push_trimmed<'a>(out: &mut Vec<Piece<'a>>, text: &'a str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Piece {
            text: trimmed,
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
}

/// Words (runs of letters, digits, apostrophes and hyphens) with their byte spans.
pub fn words(text: &str, offset: usize) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_alphanumeric() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && end > start) {
                end = i + c.len_utf8();
                rest.next();
            } else {
                break;
            }
        }
        let word = text[start..end].trim_end_matches(['\'', '’', '-']);
        Some(Piece {
            text: word,
            start: offset + start,
            end: offset + start + word.len(),
        })
    })
}

/// Counts words the way people do.
pub fn word_count(text: &str) -> usize {
    words(text, 0).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_splits_into_greeting_sentences_and_sign_off() {
        let text = "Dear Ms. Okafor,\n\nThank you for the invitation. I am withdrawing my application!\n\nBest regards,\nSam Lee\n+44 20";
        let s = shape(text);
        assert_eq!(s.greeting.unwrap().text, "Dear Ms. Okafor,");
        let sentences: Vec<_> = s.sentences.iter().map(|p| p.text).collect();
        assert_eq!(
            sentences,
            [
                "Thank you for the invitation.",
                "I am withdrawing my application!"
            ]
        );
        assert_eq!(s.sign_off.unwrap().text, "Best regards,");
        assert_eq!(
            s.signature.iter().map(|p| p.text).collect::<Vec<_>>(),
            ["Sam Lee", "+44 20"]
        );
        for p in &s.sentences {
            assert_eq!(
                &text[p.start..p.end],
                p.text,
                "spans are byte ranges into the text"
            );
        }
    }

    #[test]
    fn a_phone_script_greets_in_its_first_sentence() {
        let s = shape("Hi Dana, this is Sam. Thanks for taking my call. I am withdrawing.");
        assert_eq!(s.greeting.unwrap().text, "Hi Dana, this is Sam.");
        assert_eq!(s.sentences.len(), 2);
        assert!(s.sign_off.is_none());
    }

    #[test]
    fn a_formal_call_introduces_the_caller_in_the_greeting() {
        let s = shape("Good day, Dana Okafor. This is Sam Lee speaking. Thank you for taking my call. I am withdrawing.");
        assert_eq!(
            s.greeting.unwrap().text,
            "Good day, Dana Okafor. This is Sam Lee speaking."
        );
        assert_eq!(s.sentences.len(), 2);
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens_inside() {
        let w: Vec<_> = words("I’m re-applying — don't.", 10)
            .map(|p| (p.text, p.start))
            .collect();
        assert_eq!(w, [("I’m", 10), ("re-applying", 16), ("don't", 32)]);
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_on_char_boundaries() {
        for text in [
            "",
            "\n\n",
            "…",
            "Hi,",
            "🚀. שלום! ?",
            "Best,\n",
            "a.b.c",
            "Dear\r\nX,\r\n\r\nThanks.\r\nBest,\r\nY",
        ] {
            let s = shape(text);
            for p in s
                .sentences
                .iter()
                .chain(s.greeting.iter())
                .chain(s.sign_off.iter())
            {
                assert!(
                    text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
                    "{text:?}"
                );
            }
        }
    }
}
