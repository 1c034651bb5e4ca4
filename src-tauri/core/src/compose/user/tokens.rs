//! The words inside one tag of a user template: fields, filters, quoted text, numbers, and the
//! few operators the language has. Anything else stops here, with a message that names what is
//! not available and what to write instead.

use super::syntax::Field;

/// The tokens inside one tag, or a problem for the first character the language refuses.
pub(super) fn tokens(inner: &str, offset: usize) -> Result<Vec<Token>, (usize, String)> {
    let bytes = inner.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let here = offset + i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'|' if bytes.get(i + 1) == Some(&b'|') => {
                return Err((here, "write “or” instead of ||".into()));
            }
            b'|' => {
                out.push(Token::Pipe(here));
                i += 1;
            }
            b',' => {
                out.push(Token::Comma(here));
                i += 1;
            }
            b'(' => {
                out.push(Token::Open(here));
                i += 1;
            }
            b')' => {
                out.push(Token::Close(here));
                i += 1;
            }
            b'=' if bytes.get(i + 1) == Some(&b'=') => {
                out.push(Token::Compare(true, here));
                i += 2;
            }
            b'!' if bytes.get(i + 1) == Some(&b'=') => {
                out.push(Token::Compare(false, here));
                i += 2;
            }
            b'=' => {
                out.push(Token::Assign(here));
                i += 1;
            }
            b'"' | b'\'' | b'`' => {
                let Some(len) = inner[i + 1..].find(c as char) else {
                    return Err((here, "this text in quotes is never closed".into()));
                };
                out.push(Token::Str(inner[i + 1..i + 1 + len].to_owned(), here));
                i += len + 2;
            }
            b'0'..=b'9' => {
                let len = inner[i..]
                    .find(|ch: char| !ch.is_ascii_digit())
                    .unwrap_or(inner.len() - i);
                if len > 9 {
                    return Err((here, "numbers have at most 9 digits here".into()));
                }
                out.push(Token::Number(inner[i..i + len].to_owned(), here));
                i += len;
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                let start = i;
                let mut path = Vec::new();
                loop {
                    let len = inner[i..]
                        .find(|ch: char| !(ch == '_' || ch.is_ascii_alphanumeric()))
                        .unwrap_or(inner.len() - i);
                    path.push(inner[i..i + len].to_owned());
                    i += len;
                    if bytes.get(i) == Some(&b'.')
                        && bytes
                            .get(i + 1)
                            .is_some_and(|&n| n == b'_' || n.is_ascii_alphabetic())
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
                let word = path.join(".");
                if path.len() == 1 && matches!(word.as_str(), "and" | "or" | "not") {
                    out.push(Token::Word(word, offset + start));
                } else if path.len() == 1 && matches!(word.as_str(), "in" | "is") {
                    return Err((offset + start, refused_word(&word)));
                } else if bytes.get(i) == Some(&b'(') && !is_filter_position(&out) {
                    return Err((
                        offset + start,
                        format!("{word}(…) is a function call; templates can only use the message's fields"),
                    ));
                } else {
                    out.push(Token::Path(Field {
                        path,
                        offset: offset + start,
                    }));
                }
            }
            _ => {
                let ch = inner[i..].chars().next().unwrap_or('?');
                return Err((here, refused_char(ch)));
            }
        }
    }
    Ok(out)
}

/// A `(` right after a filter name (`| default(`) is its arguments, not a function call.
pub(super) fn is_filter_position(before: &[Token]) -> bool {
    matches!(before.last(), Some(Token::Pipe(_)))
}

#[derive(Debug, Clone)]
pub(super) enum Token {
    Path(Field),
    Word(String, usize),
    Str(String, usize),
    Number(String, usize),
    Pipe(usize),
    Open(usize),
    Close(usize),
    Assign(usize),
    Comma(usize),
    Compare(bool, usize),
}

impl Token {
    pub(super) fn offset(&self) -> usize {
        match self {
            Token::Path(f) => f.offset,
            Token::Word(_, o)
            | Token::Str(_, o)
            | Token::Number(_, o)
            | Token::Pipe(o)
            | Token::Open(o)
            | Token::Close(o)
            | Token::Assign(o)
            | Token::Comma(o)
            | Token::Compare(_, o) => *o,
        }
    }

    pub(super) fn describe(&self) -> String {
        match self {
            Token::Path(f) => format!("“{}”", f.dotted()),
            Token::Word(w, _) => format!("“{w}”"),
            Token::Str(s, _) => format!("the text “{s}”"),
            Token::Number(n, _) => format!("the number {n}"),
            Token::Pipe(_) => "“|”".into(),
            Token::Open(_) => "“(”".into(),
            Token::Close(_) => "“)”".into(),
            Token::Assign(_) => "“=”".into(),
            Token::Comma(_) => "“,”".into(),
            Token::Compare(true, _) => "“==”".into(),
            Token::Compare(false, _) => "“!=”".into(),
        }
    }
}

pub(super) fn unexpected(token: &Token, wanted: &str) -> String {
    format!(
        "{} is not expected here; expected {wanted}",
        token.describe()
    )
}

pub(super) fn print_first_message(token: &Token) -> String {
    match token {
        Token::Str(..) | Token::Number(..) => {
            "write text as it is, outside {{ }}; inside go only fields such as {{ company }}".into()
        }
        other => unexpected(other, "a field such as company or contact.name"),
    }
}

pub(super) fn refused_statement(keyword: &str) -> String {
    let what = match keyword {
        "for" | "endfor" | "break" | "continue" => "loops are",
        "set" | "set_global" => "setting values is",
        "macro" | "endmacro" => "macros are",
        "include" | "import" | "extends" | "block" | "endblock" => {
            "using other templates is"
        }
        "filter" | "endfilter" => "filter sections are",
        "raw" | "endraw" => "raw sections are",
        _ => {
            return format!(
                "“{keyword}” is not available: templates can use {{% if %}}, {{% elif %}}, {{% else %}} and {{% endif %}}"
            )
        }
    };
    format!(
        "{what} not available in your templates: they can use fields, if/else and a few filters"
    )
}

pub(super) fn refused_word(word: &str) -> String {
    match word {
        "is" => "tests with “is” are not available; write {% if field %} to test a field".into(),
        _ => "“in” is not available; compare a field with == \"text\"".into(),
    }
}

pub(super) fn refused_char(ch: char) -> String {
    match ch {
        '[' | ']' => {
            "subscripts ([ ]) are not available; write the field's name, e.g. contact.name".into()
        }
        '+' | '-' | '*' | '/' | '%' => {
            format!("arithmetic ({ch}) is not available in your templates")
        }
        '~' => "joining with ~ is not available; write the fields next to each other".into(),
        '<' | '>' => "only == and != comparisons are available".into(),
        '{' | '}' => "a tag cannot contain another tag".into(),
        other => format!("“{other}” is not allowed inside a tag"),
    }
}
