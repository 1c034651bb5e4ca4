//! The language of the user's own templates: the small part of Tera's syntax a message needs, and
//! nothing that can loop, compute or reach outside the message. A template is text with
//! `{{ field | filter }}`, `{% if field %}…{% elif … %}…{% else %}…{% endif %}` and `{# notes #}`;
//! every other construct is refused here, at check time, with its line and column. What passes is
//! a tree whose rendering costs time linear in the template and the output: there is no loop,
//! no assignment, no call, and every value printed is one of the message's fields.

use super::tokens::{print_first_message, refused_statement, tokens, unexpected, Token};
use super::TemplateProblem;

mod conditions;

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
    if let Some((at, c)) = source
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(vec![TemplateProblem::at(
            line_col(source, at),
            format!(
                "a control character (U+{:04X}) is not allowed in a template",
                c as u32
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
        let tokens = self.lex(inner, offset)?;
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

    /// The tokens of one tag; a refused character becomes a problem.
    fn lex(&mut self, inner: &str, offset: usize) -> Option<Vec<Token>> {
        match tokens(inner, offset) {
            Ok(tokens) => Some(tokens),
            Err((at, message)) => {
                self.problem(at, message);
                None
            }
        }
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
