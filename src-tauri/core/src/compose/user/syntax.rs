//! The language of the user's own templates: the small part of Tera's syntax a message needs, and
//! nothing that can loop, compute or reach outside the message. A template is text with
//! `{{ field | filter }}`, `{% if field %}…{% elif … %}…{% else %}…{% endif %}` and `{# notes #}`;
//! every other construct is refused here, at check time, with its line and column. What passes is
//! a tree whose rendering costs time linear in the template and the output: there is no loop,
//! no assignment, no call, and every value printed is one of the message's fields.

use super::TemplateProblem;

/// Largest user template source accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 20 * 1024;
/// `if` blocks nest at most this deep.
const MAX_DEPTH: usize = 16;
/// A template reports at most this many problems at once.
const MAX_PROBLEMS: usize = 20;

/// The filters a field can pass through, by name.
pub const FILTERS: [&str; 6] = ["upper", "lower", "capitalize", "title", "trim", "default"];

/// What a template says, once parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Text copied as it is.
    Text(String),
    /// A field's value, through its filters.
    Print(Field, Vec<Filter>),
    /// `if`/`elif` branches in order, then the `else` part (empty without one).
    If(Vec<(Cond, Vec<Node>)>, Vec<Node>),
}

/// A field of the message, e.g. `contact.name`, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its dotted path, split.
    pub path: Vec<String>,
    /// Byte offset of its first character in the source.
    pub offset: usize,
}

impl Field {
    /// `contact.name`.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }
}

/// A text filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Capital letters.
    Upper,
    /// Small letters.
    Lower,
    /// First letter capital, the rest small.
    Capitalize,
    /// Every word's first letter capital.
    Title,
    /// Without surrounding spaces.
    Trim,
    /// This text when the field is empty.
    Default(String),
}

/// The condition of an `if`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// The field has a value (not empty, not false, not zero).
    Truthy(Field),
    /// The field's text equals (or, negated, differs from) a literal.
    Equals(Field, String, bool),
    /// Not.
    Not(Box<Cond>),
    /// Both.
    And(Box<Cond>, Box<Cond>),
    /// Either.
    Or(Box<Cond>, Box<Cond>),
}

/// Parses a template; every problem found, each with its line and column.
pub fn parse(source: &str) -> Result<Vec<Node>, Vec<TemplateProblem>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(vec![TemplateProblem::at(
            (1, 1),
            format!(
                "is {} KiB; a template may be at most {} KiB",
                source.len().div_ceil(1024),
                MAX_SOURCE_BYTES / 1024
            ),
        )]);
    }
    let mut parser = Parser {
        source,
        problems: Vec::new(),
    };
    let tags = parser.tags();
    let mut tags = tags.into_iter().peekable();
    let nodes = parser.block(&mut tags, 0, None);
    if parser.problems.is_empty() {
        Ok(nodes)
    } else {
        parser.problems.truncate(MAX_PROBLEMS);
        Err(parser.problems)
    }
}

/// One piece of the source: text, or a tag with its inside.
#[derive(Debug)]
enum Piece<'s> {
    Text(String),
    Print(&'s str, usize),
    Statement(&'s str, usize),
}

struct Parser<'s> {
    source: &'s str,
    problems: Vec<TemplateProblem>,
}

impl<'s> Parser<'s> {
    fn at(&self, offset: usize) -> (usize, usize) {
        line_col(self.source, offset)
    }

    fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let at = self.at(offset);
        self.problems.push(TemplateProblem::at(at, message));
    }

    /// Splits the source into text and tags, applying `-` whitespace control.
    fn tags(&mut self) -> Vec<Piece<'s>> {
        let src = self.source;
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut trim_next = false;
        let mut i = 0;
        while i < src.len() {
            let Some(found) = src[i..].find('{') else {
                push_text(&mut text, &src[i..], &mut trim_next);
                break;
            };
            let open = i + found;
            let kind = src.as_bytes().get(open + 1).copied();
            let close = match kind {
                Some(b'{') => "}}",
                Some(b'%') => "%}",
                Some(b'#') => "#}",
                _ => {
                    push_text(&mut text, &src[i..=open], &mut trim_next);
                    i = open + 1;
                    continue;
                }
            };
            push_text(&mut text, &src[i..open], &mut trim_next);
            let inner_start = open + 2;
            let Some(len) = src[inner_start..].find(close) else {
                let what = match kind {
                    Some(b'{') => "this {{ is never closed with }}",
                    Some(b'%') => "this {% is never closed with %}",
                    _ => "this comment {# is never closed with #}",
                };
                self.problem(open, what);
                return pieces;
            };
            let mut inner = &src[inner_start..inner_start + len];
            let mut inner_offset = inner_start;
            if let Some(rest) = inner.strip_prefix('-') {
                inner = rest;
                inner_offset += 1;
                let trimmed = text.trim_end().len();
                text.truncate(trimmed);
            }
            trim_next = false;
            if let Some(rest) = inner.strip_suffix('-') {
                inner = rest;
                trim_next = true;
            }
            if kind != Some(b'#') {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(if kind == Some(b'{') {
                    Piece::Print(inner, inner_offset)
                } else {
                    Piece::Statement(inner, inner_offset)
                });
            }
            i = inner_start + len + 2;
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        pieces
    }

    /// Nodes up to the end, or up to the `elif`/`else`/`endif` that closes the `if` at `opened`.
    fn block(
        &mut self,
        tags: &mut std::iter::Peekable<std::vec::IntoIter<Piece<'s>>>,
        depth: usize,
        opened: Option<usize>,
    ) -> Vec<Node> {
        let mut nodes = Vec::new();
        while let Some(piece) = tags.peek() {
            if let Piece::Statement(inner, _) = piece {
                let keyword = first_word(inner);
                if opened.is_some() && matches!(keyword, "elif" | "else" | "endif") {
                    return nodes;
                }
            }
            match tags.next().expect("peeked") {
                Piece::Text(t) => nodes.push(Node::Text(t)),
                Piece::Print(inner, offset) => {
                    if let Some(node) = self.print(inner, offset) {
                        nodes.push(node);
                    }
                }
                Piece::Statement(inner, offset) => {
                    if let Some(node) = self.statement(inner, offset, tags, depth) {
                        nodes.push(node);
                    }
                }
            }
            if self.problems.len() >= MAX_PROBLEMS {
                break;
            }
        }
        if let Some(offset) = opened {
            self.problem(offset, "this {% if %} is never closed with {% endif %}");
        }
        nodes
    }

    fn statement(
        &mut self,
        inner: &'s str,
        offset: usize,
        tags: &mut std::iter::Peekable<std::vec::IntoIter<Piece<'s>>>,
        depth: usize,
    ) -> Option<Node> {
        let lead = inner.len() - inner.trim_start().len();
        let keyword = first_word(inner);
        let at = offset + lead;
        match keyword {
            "if" => {}
            "elif" | "else" | "endif" => {
                self.problem(
                    at,
                    format!("{{% {keyword} %}} without an {{% if %}} before it"),
                );
                return None;
            }
            "" => {
                self.problem(
                    at,
                    "an empty {% %}: write {% if field %}, {% else %} or {% endif %}",
                );
                return None;
            }
            other => {
                self.problem(at, refused_statement(other));
                return None;
            }
        }
        if depth >= MAX_DEPTH {
            self.problem(at, format!("ifs nest more than {MAX_DEPTH} deep"));
            return None;
        }
        let mut branches = Vec::new();
        let mut otherwise = Vec::new();
        let (mut cond_src, mut cond_at) = after_keyword(inner, offset, "if");
        let mut in_else = false;
        loop {
            let cond = if in_else {
                None
            } else {
                self.condition(cond_src, cond_at)
            };
            let body = self.block(tags, depth + 1, Some(at));
            if in_else {
                otherwise = body;
            } else if let Some(cond) = cond {
                branches.push((cond, body));
            }
            match tags.next() {
                Some(Piece::Statement(next, next_offset)) => match first_word(next) {
                    "elif" if !in_else => {
                        (cond_src, cond_at) = after_keyword(next, next_offset, "elif");
                    }
                    "else" if !in_else => {
                        let (rest, rest_at) = after_keyword(next, next_offset, "else");
                        if !rest.trim().is_empty() {
                            self.problem(
                                rest_at,
                                "{% else %} takes no condition; use {% elif … %}",
                            );
                        }
                        in_else = true;
                    }
                    "endif" => {
                        let (rest, rest_at) = after_keyword(next, next_offset, "endif");
                        if !rest.trim().is_empty() {
                            self.problem(rest_at, "{% endif %} takes nothing after it");
                        }
                        break;
                    }
                    other => {
                        let lead = next.len() - next.trim_start().len();
                        self.problem(
                            next_offset + lead,
                            format!("{{% {other} %}} after {{% else %}}; close the if with {{% endif %}} first"),
                        );
                        break;
                    }
                },
                // The block already reported the missing endif.
                _ => break,
            }
        }
        Some(Node::If(branches, otherwise))
    }

    fn print(&mut self, inner: &'s str, offset: usize) -> Option<Node> {
        let tokens = self.tokens(inner, offset)?;
        let mut tokens = tokens.into_iter().peekable();
        let field = match tokens.next() {
            Some(Token::Path(field)) => field,
            Some(other) => {
                self.problem(other.offset(), print_first_message(&other));
                return None;
            }
            None => {
                self.problem(
                    offset,
                    "an empty {{ }}: write a field inside, e.g. {{ company }}",
                );
                return None;
            }
        };
        let mut filters = Vec::new();
        while let Some(token) = tokens.next() {
            match token {
                Token::Pipe(_) => {}
                other => {
                    self.problem(other.offset(), unexpected(&other, "| and a filter, or }}"));
                    return None;
                }
            }
            let Some(Token::Path(name)) = tokens.next() else {
                self.problem(offset, "a | must be followed by a filter, e.g. | upper");
                return None;
            };
            let name_at = name.offset;
            let filter = match name.dotted().as_str() {
                "upper" => Filter::Upper,
                "lower" => Filter::Lower,
                "capitalize" => Filter::Capitalize,
                "title" => Filter::Title,
                "trim" => Filter::Trim,
                "default" => match self.default_argument(&mut tokens, offset) {
                    Some(text) => Filter::Default(text),
                    None => return None,
                },
                other => {
                    let message = format!(
                        "there is no filter called “{other}”; the filters are {}",
                        FILTERS.join(", ")
                    );
                    self.problem(name_at, message);
                    return None;
                }
            };
            if !matches!(filter, Filter::Default(_)) {
                if let Some(Token::Open(at)) = tokens.peek() {
                    let at = *at;
                    self.problem(at, "this filter takes no arguments");
                    return None;
                }
            }
            filters.push(filter);
        }
        Some(Node::Print(field, filters))
    }

    /// `(value="text")` or `("text")` after `default`.
    fn default_argument(
        &mut self,
        tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>,
        offset: usize,
    ) -> Option<String> {
        let usage = "write default like this: default(value=\"text\")";
        if !matches!(tokens.next(), Some(Token::Open(_))) {
            self.problem(offset, usage);
            return None;
        }
        let mut next = tokens.next();
        if let Some(Token::Path(name)) = &next {
            if name.dotted() != "value" || !matches!(tokens.next(), Some(Token::Assign(_))) {
                self.problem(name.offset, usage);
                return None;
            }
            next = tokens.next();
        }
        let Some(Token::Str(text, _)) = next else {
            self.problem(offset, usage);
            return None;
        };
        if !matches!(tokens.next(), Some(Token::Close(_))) {
            self.problem(offset, usage);
            return None;
        }
        Some(text)
    }

    fn condition(&mut self, src: &'s str, offset: usize) -> Option<Cond> {
        let tokens = self.tokens(src, offset)?;
        if tokens.is_empty() {
            self.problem(
                offset,
                "an if needs a field to test, e.g. {% if contact.name %}",
            );
            return None;
        }
        let mut at = 0;
        let cond = self.or(&tokens, &mut at)?;
        if let Some(extra) = tokens.get(at) {
            self.problem(
                extra.offset(),
                unexpected(extra, "and, or, or the end of the tag"),
            );
            return None;
        }
        Some(cond)
    }

    fn or(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        let mut left = self.and(tokens, at)?;
        while matches!(tokens.get(*at), Some(Token::Word(w, _)) if w == "or") {
            *at += 1;
            let right = self.and(tokens, at)?;
            left = Cond::Or(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn and(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        let mut left = self.unary(tokens, at)?;
        while matches!(tokens.get(*at), Some(Token::Word(w, _)) if w == "and") {
            *at += 1;
            let right = self.unary(tokens, at)?;
            left = Cond::And(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn unary(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        match tokens.get(*at) {
            Some(Token::Word(w, _)) if w == "not" => {
                *at += 1;
                // `not` before `not` is the only recursion here, bounded by the tag's length.
                Some(Cond::Not(Box::new(self.unary(tokens, at)?)))
            }
            Some(Token::Path(field)) => {
                let field = field.clone();
                *at += 1;
                match tokens.get(*at) {
                    Some(Token::Compare(equal, _)) => {
                        let equal = *equal;
                        *at += 1;
                        match tokens.get(*at) {
                            Some(Token::Str(text, _)) => {
                                *at += 1;
                                Some(Cond::Equals(field, text.clone(), equal))
                            }
                            Some(Token::Number(text, _)) => {
                                *at += 1;
                                Some(Cond::Equals(field, text.clone(), equal))
                            }
                            other => {
                                let offset = other.map_or(0, Token::offset);
                                self.problem(
                                    offset,
                                    "compare a field with \"text\" or a whole number",
                                );
                                None
                            }
                        }
                    }
                    _ => Some(Cond::Truthy(field)),
                }
            }
            Some(other) => {
                self.problem(other.offset(), unexpected(other, "a field"));
                None
            }
            None => {
                let end = tokens.last().map_or(0, Token::offset);
                self.problem(end, "the condition ends too early: a field is missing");
                None
            }
        }
    }

    /// The tokens inside one tag, or a problem for the first character the language refuses.
    fn tokens(&mut self, inner: &str, offset: usize) -> Option<Vec<Token>> {
        let bytes = inner.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let here = offset + i;
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => i += 1,
                b'|' if bytes.get(i + 1) == Some(&b'|') => {
                    self.problem(here, "write “or” instead of ||");
                    return None;
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
                        self.problem(here, "this text in quotes is never closed");
                        return None;
                    };
                    out.push(Token::Str(inner[i + 1..i + 1 + len].to_owned(), here));
                    i += len + 2;
                }
                b'0'..=b'9' => {
                    let len = inner[i..]
                        .find(|ch: char| !ch.is_ascii_digit())
                        .unwrap_or(inner.len() - i);
                    if len > 9 {
                        self.problem(here, "numbers have at most 9 digits here");
                        return None;
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
                        self.problem(offset + start, refused_word(&word));
                        return None;
                    } else if bytes.get(i) == Some(&b'(') && !is_filter_position(&out) {
                        self.problem(
                            offset + start,
                            format!("{word}(…) is a function call; templates can only use the message's fields"),
                        );
                        return None;
                    } else {
                        out.push(Token::Path(Field {
                            path,
                            offset: offset + start,
                        }));
                    }
                }
                _ => {
                    let ch = inner[i..].chars().next().unwrap_or('?');
                    self.problem(here, refused_char(ch));
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// A `(` right after a filter name (`| default(`) is its arguments, not a function call.
fn is_filter_position(before: &[Token]) -> bool {
    matches!(before.last(), Some(Token::Pipe(_)))
}

#[derive(Debug, Clone)]
enum Token {
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
    fn offset(&self) -> usize {
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

    fn describe(&self) -> String {
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

fn unexpected(token: &Token, wanted: &str) -> String {
    format!(
        "{} is not expected here; expected {wanted}",
        token.describe()
    )
}

fn print_first_message(token: &Token) -> String {
    match token {
        Token::Str(..) | Token::Number(..) => {
            "write text as it is, outside {{ }}; inside go only fields such as {{ company }}".into()
        }
        other => unexpected(other, "a field such as company or contact.name"),
    }
}

fn refused_statement(keyword: &str) -> String {
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

fn refused_word(word: &str) -> String {
    match word {
        "is" => "tests with “is” are not available; write {% if field %} to test a field".into(),
        _ => "“in” is not available; compare a field with == \"text\"".into(),
    }
}

fn refused_char(ch: char) -> String {
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

fn push_text(text: &mut String, piece: &str, trim_next: &mut bool) {
    if *trim_next {
        let trimmed = piece.trim_start();
        if trimmed.is_empty() {
            return; // still trimming into the next piece
        }
        *trim_next = false;
        text.push_str(trimmed);
    } else {
        text.push_str(piece);
    }
}

fn first_word(inner: &str) -> &str {
    let trimmed = inner.trim_start();
    let len = trimmed
        .find(|c: char| !(c == '_' || c.is_ascii_alphanumeric()))
        .unwrap_or(trimmed.len());
    &trimmed[..len]
}

/// The rest of a statement after its keyword, and the rest's offset in the source.
fn after_keyword<'a>(inner: &'a str, offset: usize, keyword: &str) -> (&'a str, usize) {
    let lead = inner.len() - inner.trim_start().len();
    let start = lead + keyword.len();
    (
        &inner[start.min(inner.len())..],
        offset + start.min(inner.len()),
    )
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
