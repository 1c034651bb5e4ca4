//! The sandbox for the user's own templates. Users write their own messages in Tera, so this file
//! treats that source as untrusted: a template may only read the message's fields — no
//! environment variables, files, other templates or macros — it cannot loop or grow without
//! bound, and every problem comes back with a line and a column for the editor.
//!
//! How it is enforced:
//! - before parsing, a cheap scan bounds how deeply brackets nest (Tera's parser backtracks and
//!   its time grows about fourfold per level of nested calls);
//! - parsing, checking and rendering run on one worker thread with a large stack (Tera's parser
//!   and renderer recurse once per nesting level or operator) that also catches Tera's own panics;
//! - the parsed AST is walked against the policy below, and then instrumented with internal
//!   filters that cap loop sizes, `set` values and printed values;
//! - rendering uses a fresh Tera instance holding only this template, autoescape off (the output
//!   is plain text), `get_env` and any other non-pure function replaced by refusals, `range`
//!   capped, every filter and test metered, and the output written to a capped buffer.

use std::collections::{HashMap, HashSet};
use std::error::Error as StdError;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use serde_json::Value;
use tera::ast::{Expr, ExprVal, FunctionCall, LogicOperator, Node};

/// Largest user template source accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 20 * 1024;
/// Largest rendered output accepted, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024;

/// At most this many `{% for %}` loops in a template.
const MAX_LOOPS: usize = 4;
/// A loop goes over at most this many items (array or object entries, or characters).
const MAX_LOOP_ITEMS: usize = 100;
/// `range()` makes at most this many numbers.
const MAX_RANGE_ITEMS: usize = 100;
/// Brackets (`(`, `[`) nest at most this deep inside one tag.
const MAX_NESTING: usize = 6;
/// Budget for the parser, in "work units": one per byte, times 4 per level of bracket nesting
/// (Tera's grammar re-parses a nested call about four times per level). Measured at well under
/// 1 µs per unit in release builds, so the parser never runs for more than a fraction of a second.
const MAX_PARSE_WORK: usize = 160_000;
/// An array literal holds at most this many values (nested ones included).
const MAX_ARRAY_ITEMS: usize = 100;
/// A `~` concatenation joins at most this many values.
const MAX_CONCAT_PARTS: usize = 50;
/// Bytes that filters, tests and functions may take in and give out over one render, and that
/// comparisons, `in`, `~` and list literals may handle.
const MAX_WORK_BYTES: usize = 64 * 1024 * 1024;
/// What every filter, test or function call costs on top of its bytes, so that calls on tiny
/// values are metered too (at most `MAX_WORK_BYTES / CALL_COST` calls per render).
const CALL_COST: usize = 256;
/// The worker thread's stack: address space reserved, not memory used. A 20 KiB template can
/// nest (or chain operators) about 10 000 levels deep, which Tera parses and renders recursively.
const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;
/// The name the template has inside its private Tera instance.
const TEMPLATE_NAME: &str = "message";
/// Internal filters are named with this prefix and an index; users cannot write a `:` in a name.
const INTERNAL_PREFIX: &str = "sandbox:";

const GET_ENV_MESSAGE: &str =
    "get_env is not available: templates cannot read environment variables";
const ONLY_FIELDS: &str = "they can only use the message's fields";

/// One problem in a user template, positioned for the editor (1-based line and column, column counted in characters).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TemplateProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong, in words for the user.
    pub message: String,
}

impl TemplateProblem {
    fn at((line, column): (usize, usize), message: impl Into<String>) -> Self {
        TemplateProblem {
            line,
            column,
            message: message.into(),
        }
    }

    fn at_start(message: impl Into<String>) -> Self {
        Self::at((1, 1), message)
    }
}

type Problems = Vec<TemplateProblem>;

/// Checks a template without rendering it: syntax (with Tera's line/column) and the sandbox policy.
pub fn check(source: &str) -> Result<(), Vec<TemplateProblem>> {
    let tags = precheck(source)?;
    on_worker(|| analyse(source, &tags).map(drop))
}

/// Checks then renders `source` with `context` (a serde_json::Value object). Errors carry line/column
/// where they can be located (for "variable not found" point at the first occurrence of that variable in the source; otherwise line 1 column 1).
pub fn render(source: &str, context: &serde_json::Value) -> Result<String, Vec<TemplateProblem>> {
    let tags = precheck(source)?;
    if !context.is_object() {
        return Err(vec![TemplateProblem::at_start(
            "the message's fields are missing (the context is not an object)",
        )]);
    }
    on_worker(|| {
        let template = analyse(source, &tags)?;
        render_checked(source, &tags, template, context)
    })
}

// ---------------------------------------------------------------------------------------------
// Worker thread

/// Runs `job` on a thread with a large stack; a panic inside Tera becomes a problem.
fn on_worker<T: Send>(job: impl FnOnce() -> Result<T, Problems> + Send) -> Result<T, Problems> {
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("template-sandbox".into())
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, job);
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(vec![TemplateProblem::at_start(
                    "the template engine could not read this template; simplify the expression \
                     that was last changed",
                )])
            }),
            Err(e) => Err(vec![TemplateProblem::at_start(format!(
                "the template could not be checked right now ({e})"
            ))]),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Cheap checks on the source text

/// Size, emptiness and parser budget: everything that must hold before Tera sees the source.
fn precheck(source: &str) -> Result<Vec<Tag>, Problems> {
    if source.len() > MAX_SOURCE_BYTES {
        let mut cut = MAX_SOURCE_BYTES;
        while !source.is_char_boundary(cut) {
            cut -= 1;
        }
        return Err(vec![TemplateProblem::at(
            line_col(source, cut),
            format!(
                "the template is {} bytes; templates are limited to {MAX_SOURCE_BYTES} bytes",
                source.len()
            ),
        )]);
    }
    if source.trim().is_empty() {
        return Err(vec![TemplateProblem::at_start("the template is empty")]);
    }
    let tags = scan(source);
    parse_work(source, &tags)?;
    Ok(tags)
}

/// A `{{ … }}` or `{% … %}` tag found by [`scan`].
#[derive(Debug, Clone)]
struct Tag {
    /// `{{` for a variable tag, otherwise the statement's keyword (`if`, `for`, `endif` …).
    keyword: String,
    /// Byte offset of the opening `{`.
    start: usize,
    /// Byte range of the text between the delimiters (and whitespace-control dashes).
    inner: std::ops::Range<usize>,
    /// Whether the closing delimiter was found.
    closed: bool,
    /// Byte offset of a quote that is never closed (which hides the closing delimiter).
    open_quote: Option<usize>,
}

/// Finds the tags of a template the way Tera's grammar delimits them: comments and `raw` blocks
/// are skipped, quoted strings inside tags may contain delimiters. Never fails.
fn scan(source: &str) -> Vec<Tag> {
    let b = source.as_bytes();
    let len = b.len();
    let mut tags = Vec::new();
    let mut i = 0;
    while i + 1 < len {
        if b[i] != b'{' {
            i += 1;
            continue;
        }
        match b[i + 1] {
            b'#' => {
                i = source[i + 2..].find("#}").map_or(len, |p| i + 2 + p + 2);
            }
            open @ (b'{' | b'%') => {
                let close = if open == b'{' { b'}' } else { b'%' };
                let mut inner_start = i + 2;
                if inner_start < len && b[inner_start] == b'-' {
                    inner_start += 1;
                }
                let mut k = inner_start;
                let mut quote = None;
                let mut quote_at = 0;
                let end = loop {
                    if k >= len {
                        break None;
                    }
                    let c = b[k];
                    match quote {
                        Some(q) if c == q => quote = None,
                        Some(_) => {}
                        None if matches!(c, b'"' | b'\'' | b'`') => {
                            quote = Some(c);
                            quote_at = k;
                        }
                        None if c == close && k + 1 < len && b[k + 1] == b'}' => break Some(k),
                        None => {}
                    }
                    k += 1;
                };
                let inner_end = match end {
                    Some(e) if e > inner_start && b[e - 1] == b'-' => e - 1,
                    Some(e) => e,
                    None => len,
                };
                let keyword = if open == b'{' {
                    "{{".to_owned()
                } else {
                    leading_ident(&source[inner_start..inner_end.max(inner_start)]).to_owned()
                };
                let is_raw = keyword == "raw";
                tags.push(Tag {
                    keyword,
                    start: i,
                    inner: inner_start..inner_end.max(inner_start),
                    closed: end.is_some(),
                    open_quote: quote.map(|_| quote_at),
                });
                i = end.map_or(len, |e| e + 2);
                if is_raw {
                    i = find_endraw(source, i);
                }
            }
            _ => i += 1,
        }
    }
    tags
}

/// The identifier a statement tag starts with (`if`, `endfor` …), or "".
fn leading_ident(inner: &str) -> &str {
    let t = inner.trim_start();
    let n = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(t.len());
    &t[..n]
}

/// Offset of the `{% endraw %}` that ends a raw block starting at `from`, or the end.
fn find_endraw(source: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(p) = source[at..].find("{%") {
        let start = at + p;
        let rest = source[start + 2..]
            .strip_prefix('-')
            .unwrap_or(&source[start + 2..]);
        let rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("endraw") {
            let after = after.trim_start();
            let after = after.strip_prefix('-').unwrap_or(after);
            if after.starts_with("%}") {
                return start;
            }
        }
        at = start + 2;
    }
    source.len()
}

/// Bounds the work Tera's backtracking parser will do on `source` (see [`MAX_PARSE_WORK`]).
fn parse_work(source: &str, tags: &[Tag]) -> Result<(), Problems> {
    let b = source.as_bytes();
    let mut work = source.len();
    for tag in tags {
        let mut depth = 0usize;
        let mut quote = None;
        for at in tag.inner.clone() {
            let c = b[at];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    b'"' | b'\'' | b'`' => quote = Some(c),
                    b'(' | b'[' => {
                        depth += 1;
                        if depth > MAX_NESTING {
                            return Err(vec![TemplateProblem::at(
                                line_col(source, at),
                                format!(
                                    "brackets are nested too deeply here: at most {MAX_NESTING} \
                                     levels inside one tag"
                                ),
                            )]);
                        }
                    }
                    b')' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            // Each byte is read once more per level; `work` already counts the first read.
            work += (1usize << (2 * depth)) - 1;
        }
        if work > MAX_PARSE_WORK {
            return Err(vec![TemplateProblem::at(
                line_col(source, tag.start),
                "the template has too many nested function calls and filters to be checked \
                 quickly; simplify the expressions from here on",
            )]);
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) of byte `offset`, counted like Tera's parser.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// First offset of `word` in `hay` (outside quoted strings) that is not part of a longer name.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let b = hay.as_bytes();
    let w = word.as_bytes();
    let mut quote = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None if matches!(c, b'"' | b'\'' | b'`') => quote = Some(c),
            None => {
                if b[i..].starts_with(w)
                    && (i == 0 || !(is_ident_byte(b[i - 1]) || b[i - 1] == b'.'))
                    && b.get(i + w.len()).is_none_or(|&n| !is_ident_byte(n))
                {
                    return Some(i);
                }
            }
        }
        i += 1;
    }
    None
}

/// Where `word` first appears inside any tag, as an offset into `source`.
fn find_in_tags(source: &str, tags: &[Tag], word: &str) -> Option<usize> {
    tags.iter().find_map(|t| {
        let inner = &source[t.inner.clone()];
        let skip = if t.keyword == "{{" {
            0
        } else {
            inner.len() - inner.trim_start().len() + t.keyword.len()
        };
        find_word(&inner[skip..], word).map(|p| t.inner.start + skip + p)
    })
}

/// Hands out the tags of one keyword in source order, so the k-th `for` node meets the k-th
/// `{% for %}` tag (Tera's AST has no positions).
struct Locator<'s> {
    source: &'s str,
    tags: &'s [Tag],
    by_keyword: HashMap<&'s str, Vec<usize>>,
    next: HashMap<String, usize>,
}

impl<'s> Locator<'s> {
    fn new(source: &'s str, tags: &'s [Tag]) -> Self {
        let mut by_keyword: HashMap<&str, Vec<usize>> = HashMap::new();
        for (n, t) in tags.iter().enumerate() {
            by_keyword.entry(t.keyword.as_str()).or_default().push(n);
        }
        Locator {
            source,
            tags,
            by_keyword,
            next: HashMap::new(),
        }
    }

    /// The next unclaimed tag with `keyword` (`{{` for variable tags).
    fn take(&mut self, keyword: &str) -> Option<&'s Tag> {
        let n = self.next.entry(keyword.to_owned()).or_insert(0);
        let found = self
            .by_keyword
            .get(keyword)
            .and_then(|v| v.get(*n))
            .map(|&i| &self.tags[i]);
        *n += 1;
        found
    }

    /// Line and column of a tag (1:1 when it could not be found).
    fn tag_pos(&self, tag: Option<&Tag>) -> (usize, usize) {
        tag.map_or((1, 1), |t| line_col(self.source, t.start))
    }

    /// Line and column of `word` inside `tag`, else of the tag.
    fn word_pos(&self, tag: Option<&Tag>, word: &str) -> (usize, usize) {
        match tag {
            Some(t) => {
                let inner = &self.source[t.inner.clone()];
                match find_word(inner, word) {
                    Some(p) => line_col(self.source, t.inner.start + p),
                    None => line_col(self.source, t.start),
                }
            }
            None => (1, 1),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing and the policy

/// Parses `source` and checks it against the policy. Runs on the worker.
fn analyse(source: &str, tags: &[Tag]) -> Result<tera::Template, Problems> {
    let template = tera::Template::new(TEMPLATE_NAME, None, source)
        .map_err(|e| vec![syntax_problem(source, tags, &e)])?;
    let mut policy = Policy {
        at: Locator::new(source, tags),
        problems: Vec::new(),
        loops: 0,
        loop_depth: 0,
        array_depth: 0,
    };
    policy.nodes(&template.ast);
    let mut problems = policy.problems;
    if problems.is_empty() {
        return Ok(template);
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems.dedup();
    Err(problems)
}

/// Turns a Tera parse error into a positioned, readable problem.
fn syntax_problem(source: &str, tags: &[Tag], err: &tera::Error) -> TemplateProblem {
    let text = error_chain(err)
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let Some((line, column)) = pest_position(&text) else {
        return non_pest_problem(source, tags, &text);
    };
    let offset = offset_of(source, line, column);
    // An unclosed `{{`, `{%` or `{#` before the error is what the user has to fix.
    if let Some(t) = tags.iter().find(|t| !t.closed && t.start <= offset) {
        if let Some(q) = t.open_quote {
            let quote = &source[q..q + 1];
            return TemplateProblem::at(
                line_col(source, q),
                format!("this `{quote}` starts a text that is never closed: end it with `{quote}`"),
            );
        }
        let (open, close) = if t.keyword == "{{" {
            ("{{", "}}")
        } else {
            ("{%", "%}")
        };
        return TemplateProblem::at(
            line_col(source, t.start),
            format!("this `{open}` is not closed: add `{close}`"),
        );
    }
    if let Some(start) = unclosed_comment(source, offset) {
        return TemplateProblem::at(line_col(source, start), "this `{#` is not closed: add `#}`");
    }
    let expected = text
        .lines()
        .rev()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .unwrap_or("the template could not be read")
        .to_owned();
    if expected.contains("stack limit reached") || expected.contains("call limit reached") {
        return TemplateProblem::at((line, column), "the template is nested too deeply");
    }
    // At the end of the input: an opening tag was never closed.
    if source[offset..].trim().is_empty() {
        if let Some(t) = innermost_unclosed_block(tags) {
            return TemplateProblem::at(
                line_col(source, t.start),
                format!(
                    "this `{{% {kw} %}}` is never closed: add `{{% end{kw} %}}`",
                    kw = t.keyword
                ),
            );
        }
    }
    // A tag Tera did not expect here: name it.
    if let Some(t) = tags.iter().find(|t| t.start == offset && t.keyword != "{{") {
        let kw = t.keyword.as_str();
        if let Some(message) = forbidden_tag_message(kw) {
            return TemplateProblem::at((line, column), message);
        }
        let message = if let Some(opener) = kw.strip_prefix("end").filter(|o| !o.is_empty()) {
            format!("`{{% {kw} %}}` does not close an open `{{% {opener} %}}` here")
        } else if KNOWN_TAGS.contains(&kw) {
            format!("`{{% {kw} %}}` cannot be used here")
        } else if kw.is_empty() {
            format!("this tag has no name; {expected}")
        } else {
            format!("`{kw}` is not a tag Tera knows")
        };
        return TemplateProblem::at((line, column), message);
    }
    TemplateProblem::at((line, column), format!("syntax error: {expected}"))
}

/// Every statement keyword of Tera's grammar.
const KNOWN_TAGS: &[&str] = &[
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "break",
    "continue",
    "set",
    "set_global",
    "filter",
    "endfilter",
    "raw",
    "endraw",
    "include",
    "import",
    "extends",
    "block",
    "endblock",
    "macro",
    "endmacro",
];

/// ` --> L:C` in a pest error message.
fn pest_position(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.find("--> ")? + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Byte offset of a 1-based line and character column (clamped to the source).
fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match source[start..].find('\n') {
            Some(p) => start += p + 1,
            None => return source.len(),
        }
    }
    source[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(source.len(), |(p, _)| start + p)
}

/// Start of a `{#` comment that is still open at `offset`.
fn unclosed_comment(source: &str, offset: usize) -> Option<usize> {
    let start = source[..offset.min(source.len())].rfind("{#")?;
    (!source[start + 2..].contains("#}")).then_some(start)
}

/// The innermost block tag (`if`, `for` …) without its end tag.
fn innermost_unclosed_block(tags: &[Tag]) -> Option<&Tag> {
    let mut open: Vec<&Tag> = Vec::new();
    for t in tags {
        match t.keyword.as_str() {
            "if" | "for" | "filter" | "macro" | "block" | "raw" => open.push(t),
            kw => {
                if let Some(opener) = kw.strip_prefix("end") {
                    if open.last().is_some_and(|o| o.keyword == opener) {
                        open.pop();
                    }
                }
            }
        }
    }
    open.pop()
}

/// Parse errors that do not come from the grammar (numbers out of range, duplicates).
fn non_pest_problem(source: &str, tags: &[Tag], text: &str) -> TemplateProblem {
    for (prefix, keyword) in [("Block `", "block"), ("Macro `", "macro")] {
        if text.starts_with(prefix) {
            let tag = tags.iter().find(|t| t.keyword == keyword);
            let at = tag.map_or((1, 1), |t| line_col(source, t.start));
            return TemplateProblem::at(at, forbidden_tag_message(keyword).unwrap_or_default());
        }
    }
    let quoted = text.split('`').nth(1).filter(|q| !q.is_empty());
    let at = quoted
        .and_then(|q| source.find(q))
        .map_or((1, 1), |p| line_col(source, p));
    TemplateProblem::at(at, text.lines().next().unwrap_or(text).to_owned())
}

/// The message for a tag the sandbox refuses, or None when the tag is allowed.
fn forbidden_tag_message(keyword: &str) -> Option<String> {
    let why = match keyword {
        "include" | "import" | "extends" | "block" => ONLY_FIELDS,
        "macro" => "macros can call themselves without end",
        "set_global" => "use `set` outside loops instead",
        _ => return None,
    };
    Some(format!(
        "`{keyword}` is not available in your templates: {why}"
    ))
}

/// Names Tera registers by default.
struct Builtins {
    filters: HashSet<String>,
    tests: HashSet<String>,
    functions: HashSet<String>,
}

fn builtins() -> &'static Builtins {
    static BUILTINS: OnceLock<Builtins> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        let tera = tera::Tera::default();
        Builtins {
            filters: tera.filters.keys().cloned().collect(),
            tests: tera.testers.keys().cloned().collect(),
            functions: tera.functions.keys().cloned().collect(),
        }
    })
}

/// Functions a template may call.
const ALLOWED_FUNCTIONS: &[&str] = &["range", "throw"];

/// Builtin tests a template may not use: `matching` compiles a regular expression on every call,
/// which can take tens of milliseconds each time.
const FORBIDDEN_TESTS: &[&str] = &["matching"];

/// Tera's variable holding the whole context as JSON, rebuilt on every use.
const MAGIC_CONTEXT: &str = "__tera_context";

fn unavailable_function(name: &str) -> String {
    format!("`{name}()` is not available in your templates: {ONLY_FIELDS}")
}

fn unavailable_test(name: &str) -> String {
    format!("the `{name}` test is not available in your templates: it can take too long to check")
}

/// Walks the AST and collects every policy violation.
struct Policy<'s> {
    at: Locator<'s>,
    problems: Problems,
    loops: usize,
    loop_depth: usize,
    array_depth: usize,
}

impl Policy<'_> {
    fn report(&mut self, at: (usize, usize), message: impl Into<String>) {
        self.problems.push(TemplateProblem::at(at, message));
    }

    fn forbid(&mut self, keyword: &str) {
        let tag = self.at.take(keyword);
        let at = self.at.tag_pos(tag);
        self.report(at, forbidden_tag_message(keyword).unwrap_or_default());
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Text(_) | Node::Comment(..) | Node::Break(_) | Node::Continue(_) => {}
            Node::Raw(..) => {
                self.at.take("raw");
            }
            Node::VariableBlock(_, expr) => {
                let tag = self.at.take("{{");
                self.expr(tag, expr);
            }
            Node::Super => {
                let tag = self.at.take("{{");
                let at = self.at.word_pos(tag, "super");
                self.report(
                    at,
                    format!("`super()` is not available in your templates: {ONLY_FIELDS}"),
                );
            }
            Node::MacroDefinition(_, definition, _) => {
                self.forbid("macro");
                self.nodes(&definition.body);
            }
            Node::Extends(..) => self.forbid("extends"),
            Node::Include(..) => self.forbid("include"),
            Node::ImportMacro(..) => self.forbid("import"),
            Node::Block(_, block, _) => {
                self.forbid("block");
                self.nodes(&block.body);
            }
            Node::Set(_, set) => {
                let keyword = if set.global { "set_global" } else { "set" };
                let tag = self.at.take(keyword);
                let at = self.at.tag_pos(tag);
                if set.global {
                    self.report(at, forbidden_tag_message(keyword).unwrap_or_default());
                } else if self.loop_depth > 0 {
                    self.report(
                        at,
                        "`set` cannot be used inside a loop: values must not grow with every turn",
                    );
                }
                self.expr(tag, &set.value);
            }
            Node::FilterSection(_, section, _) => {
                let tag = self.at.take("filter");
                self.filter(tag, &section.filter);
                self.nodes(&section.body);
            }
            Node::Forloop(_, forloop, _) => {
                let tag = self.at.take("for");
                let at = self.at.tag_pos(tag);
                self.loops += 1;
                if self.loop_depth > 0 {
                    self.report(
                        at,
                        "loops cannot be nested: put this loop after the other one",
                    );
                }
                if self.loops > MAX_LOOPS {
                    self.report(at, format!("a template can have at most {MAX_LOOPS} loops"));
                }
                self.expr(tag, &forloop.container);
                self.loop_depth += 1;
                self.nodes(&forloop.body);
                if let Some(body) = &forloop.empty_body {
                    self.nodes(body);
                }
                self.loop_depth -= 1;
            }
            Node::If(branches, _) => {
                for (k, (_, condition, body)) in branches.conditions.iter().enumerate() {
                    let tag = self.at.take(if k == 0 { "if" } else { "elif" });
                    self.expr(tag, condition);
                    self.nodes(body);
                }
                if let Some((_, body)) = &branches.otherwise {
                    self.nodes(body);
                }
            }
        }
    }

    fn expr(&mut self, tag: Option<&Tag>, expr: &Expr) {
        self.value(tag, &expr.val);
        for filter in &expr.filters {
            self.filter(tag, filter);
        }
    }

    fn value(&mut self, tag: Option<&Tag>, val: &ExprVal) {
        match val {
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
            ExprVal::Ident(name) => {
                if name.split(['.', '[']).next() == Some(MAGIC_CONTEXT) {
                    let at = self.at.word_pos(tag, MAGIC_CONTEXT);
                    self.report(
                        at,
                        format!("`{MAGIC_CONTEXT}` is not available in your templates: use the fields by name"),
                    );
                }
            }
            ExprVal::Math(m) => {
                self.expr(tag, &m.lhs);
                self.expr(tag, &m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(tag, &l.lhs);
                self.expr(tag, &l.rhs);
            }
            ExprVal::In(i) => {
                self.expr(tag, &i.lhs);
                self.expr(tag, &i.rhs);
            }
            ExprVal::Test(test) => {
                if FORBIDDEN_TESTS.contains(&test.name.as_str()) {
                    let at = self.at.word_pos(tag, &test.name);
                    self.report(at, unavailable_test(&test.name));
                } else if !builtins().tests.contains(&test.name) {
                    let at = self.at.word_pos(tag, &test.name);
                    self.report(at, format!("there is no test `{}`", test.name));
                }
                for arg in &test.args {
                    self.expr(tag, arg);
                }
            }
            ExprVal::MacroCall(call) => {
                let at = self.at.word_pos(tag, &call.namespace);
                self.report(
                    at,
                    format!(
                        "macros are not available in your templates: `{}::{}()` cannot be called",
                        call.namespace, call.name
                    ),
                );
            }
            ExprVal::FunctionCall(call) => self.function(tag, call),
            ExprVal::Array(items) => {
                if self.array_depth == 0 {
                    let count = count_array_items(items);
                    if count > MAX_ARRAY_ITEMS {
                        let at = self.at.tag_pos(tag);
                        self.report(
                            at,
                            format!("a list can hold at most {MAX_ARRAY_ITEMS} values; this one has {count}"),
                        );
                    }
                }
                self.array_depth += 1;
                for item in items {
                    self.expr(tag, item);
                }
                self.array_depth -= 1;
            }
            ExprVal::StringConcat(concat) => {
                if concat.values.len() > MAX_CONCAT_PARTS {
                    let at = self.at.tag_pos(tag);
                    self.report(
                        at,
                        format!(
                            "`~` can join at most {MAX_CONCAT_PARTS} values; this joins {}",
                            concat.values.len()
                        ),
                    );
                }
                for part in &concat.values {
                    self.value(tag, part);
                }
            }
        }
    }

    fn function(&mut self, tag: Option<&Tag>, call: &FunctionCall) {
        let name = call.name.as_str();
        if !ALLOWED_FUNCTIONS.contains(&name) {
            let at = self.at.word_pos(tag, name);
            let message = if name == "get_env" {
                GET_ENV_MESSAGE.to_owned()
            } else if builtins().functions.contains(name) {
                unavailable_function(name)
            } else {
                format!("there is no function `{name}()`; the functions are: range, throw")
            };
            self.report(at, message);
        }
        for arg in call.args.values() {
            self.expr(tag, arg);
        }
    }

    fn filter(&mut self, tag: Option<&Tag>, call: &FunctionCall) {
        let name = call.name.as_str();
        // `safe` and `default` are handled by the renderer itself.
        if !(builtins().filters.contains(name) || name == "safe" || name == "default") {
            let at = self.at.word_pos(tag, name);
            self.report(at, format!("there is no filter `{name}`"));
        }
        for arg in call.args.values() {
            self.expr(tag, arg);
        }
    }
}

/// Values in an array literal, nested arrays' values included.
fn count_array_items(items: &[Expr]) -> usize {
    items
        .iter()
        .map(|item| match &item.val {
            ExprVal::Array(inner) => 1 + count_array_items(inner),
            _ => 1,
        })
        .sum()
}

// ---------------------------------------------------------------------------------------------
// Rendering

/// What an internal filter guards.
#[derive(Debug, Clone, Copy)]
enum Guard {
    /// A loop's container: at most [`MAX_LOOP_ITEMS`] items.
    LoopItems,
    /// A `set` value: at most [`MAX_OUTPUT_BYTES`].
    SetValue,
    /// A printed `{{ }}` value: counts towards [`MAX_OUTPUT_BYTES`] (also inside `filter` sections,
    /// which Tera renders into its own buffer).
    Printed,
    /// A value about to be compared, searched, joined with `~` or gathered in a list: its size
    /// is charged to the meter, so work that no filter does is metered too.
    Measured,
}

/// One internal filter: what it guards and where its tag is.
struct Site {
    guard: Guard,
    at: (usize, usize),
}

/// Shared counters of one render.
#[derive(Default)]
struct Meter {
    /// Bytes taken in and given out by filters, tests and measured values.
    work: AtomicUsize,
    /// Bytes printed by `{{ }}`.
    printed: AtomicUsize,
    /// The first refusal (who refused, why). Tera ignores errors in some places (an `if` on a
    /// filtered variable is just false), so a refusal is also reported after rendering.
    refusal: Mutex<Option<(String, String)>>,
}

impl Meter {
    /// Records a refusal by `who` (a filter, test or internal filter name) and returns its error.
    fn refuse(&self, who: &str, message: String) -> tera::Error {
        let mut first = self.refusal.lock().unwrap_or_else(PoisonError::into_inner);
        if first.is_none() {
            *first = Some((who.to_owned(), message.clone()));
        }
        tera::Error::msg(message)
    }

    /// Adds `bytes` of work; refuses once the render has done [`MAX_WORK_BYTES`].
    fn charge(&self, who: &str, bytes: usize) -> tera::Result<()> {
        let before = self.work.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) > MAX_WORK_BYTES {
            return Err(self.refuse(
                who,
                format!(
                    "the template does too much work: it would handle more than {} MiB of text",
                    MAX_WORK_BYTES / (1024 * 1024)
                ),
            ));
        }
        Ok(())
    }

    fn too_big(&self, who: &str, size: usize) -> tera::Error {
        self.refuse(
            who,
            format!(
                "the result would be {size} bytes; values are limited to {MAX_OUTPUT_BYTES} bytes"
            ),
        )
    }
}

/// Renders a template that passed [`analyse`]. Runs on the worker.
fn render_checked(
    source: &str,
    tags: &[Tag],
    mut template: tera::Template,
    context: &Value,
) -> Result<String, Problems> {
    let meter = Arc::new(Meter::default());
    let mut sites = Vec::new();
    Instrument {
        at: Locator::new(source, tags),
        sites: &mut sites,
    }
    .nodes(&mut template.ast);
    let tera = sandbox_tera(&meter, template, &sites)
        .map_err(|e| vec![render_problem(source, tags, &sites, &e)])?;
    let context = tera::Context::from_value(context.clone()).map_err(|e| {
        vec![TemplateProblem::at_start(format!(
            "the message's fields are unusable: {e}"
        ))]
    })?;
    let mut out = CappedWriter::default();
    tera.render_to(TEMPLATE_NAME, &context, &mut out)
        .map_err(|e| vec![render_problem(source, tags, &sites, &e)])?;
    let refusal = meter
        .refusal
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let Some((who, message)) = refusal {
        let at = locate_call(source, tags, &sites, &who).unwrap_or((1, 1));
        let message = if who.starts_with(INTERNAL_PREFIX) {
            message
        } else {
            format!("in `{who}`: {message}")
        };
        return Err(vec![TemplateProblem::at(at, message)]);
    }
    String::from_utf8(out.0)
        .map_err(|_| vec![TemplateProblem::at_start("the message is not valid text")])
}

/// Adds the internal guard filters to the AST.
struct Instrument<'s, 'v> {
    at: Locator<'s>,
    sites: &'v mut Vec<Site>,
}

impl Instrument<'_, '_> {
    fn guard(&mut self, expr: &mut Expr, guard: Guard, tag: Option<&Tag>) {
        // Filters run before `not`: a negated expression prints or stores a plain boolean, so
        // only its measure is taken.
        if expr.negated && !matches!(guard, Guard::Measured) {
            return;
        }
        let at = self.at.tag_pos(tag);
        expr.filters.push(FunctionCall {
            name: format!("{INTERNAL_PREFIX}{}", self.sites.len()),
            args: HashMap::new(),
        });
        self.sites.push(Site { guard, at });
    }

    fn nodes(&mut self, nodes: &mut [Node]) {
        for node in nodes {
            match node {
                Node::VariableBlock(_, expr) => {
                    let tag = self.at.take("{{");
                    self.expr(expr, false, tag);
                    self.guard(expr, Guard::Printed, tag);
                }
                Node::Set(_, set) => {
                    let tag = self.at.take(if set.global { "set_global" } else { "set" });
                    self.expr(&mut set.value, false, tag);
                    self.guard(&mut set.value, Guard::SetValue, tag);
                }
                Node::Forloop(_, forloop, _) => {
                    let tag = self.at.take("for");
                    self.expr(&mut forloop.container, false, tag);
                    self.guard(&mut forloop.container, Guard::LoopItems, tag);
                    self.nodes(&mut forloop.body);
                    if let Some(body) = &mut forloop.empty_body {
                        self.nodes(body);
                    }
                }
                Node::If(branches, _) => {
                    for (k, (_, condition, body)) in branches.conditions.iter_mut().enumerate() {
                        let tag = self.at.take(if k == 0 { "if" } else { "elif" });
                        self.expr(condition, false, tag);
                        self.nodes(body);
                    }
                    if let Some((_, body)) = &mut branches.otherwise {
                        self.nodes(body);
                    }
                }
                Node::FilterSection(_, section, _) => {
                    let tag = self.at.take("filter");
                    self.call_args(&mut section.filter, tag);
                    self.nodes(&mut section.body);
                }
                Node::Raw(..) => {
                    self.at.take("raw");
                }
                Node::Super => {
                    self.at.take("{{");
                }
                // Refused by the policy before rendering; nothing else holds tags.
                _ => {}
            }
        }
    }

    /// Measures the values whose use costs time in proportion to their size: operands of `==`,
    /// `!=` and `in`, `~` joins and list literals. Numbers (math, `<`) and truth tests cost nothing.
    fn expr(&mut self, expr: &mut Expr, measure: bool, tag: Option<&Tag>) {
        match &mut expr.val {
            ExprVal::Logic(logic) => {
                let compared = matches!(logic.operator, LogicOperator::Eq | LogicOperator::NotEq);
                self.expr(&mut logic.lhs, compared, tag);
                self.expr(&mut logic.rhs, compared, tag);
            }
            ExprVal::In(within) => {
                self.expr(&mut within.lhs, true, tag);
                self.expr(&mut within.rhs, true, tag);
            }
            ExprVal::Math(math) => {
                self.expr(&mut math.lhs, false, tag);
                self.expr(&mut math.rhs, false, tag);
            }
            ExprVal::Array(items) => {
                for item in items {
                    self.expr(item, false, tag);
                }
            }
            ExprVal::FunctionCall(call) => self.call_args(call, tag),
            ExprVal::Test(test) => {
                for arg in &mut test.args {
                    self.expr(arg, false, tag);
                }
            }
            ExprVal::StringConcat(concat) => {
                for part in &mut concat.values {
                    if let ExprVal::FunctionCall(call) = part {
                        self.call_args(call, tag);
                    }
                }
            }
            _ => {}
        }
        for filter in &mut expr.filters {
            self.call_args(filter, tag);
        }
        if measure || matches!(expr.val, ExprVal::StringConcat(_) | ExprVal::Array(_)) {
            self.guard(expr, Guard::Measured, tag);
        }
    }

    fn call_args(&mut self, call: &mut FunctionCall, tag: Option<&Tag>) {
        for arg in call.args.values_mut() {
            self.expr(arg, false, tag);
        }
    }
}

/// A fresh Tera instance holding only `template`, with the sandbox's functions, filters and tests.
fn sandbox_tera(
    meter: &Arc<Meter>,
    template: tera::Template,
    sites: &[Site],
) -> tera::Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    // Plain text: nothing is HTML-escaped.
    tera.autoescape_on(vec![]);

    // Functions: only pure ones; anything else (get_env, and now/get_random if a feature ever
    // registers them) is replaced by a refusal.
    let functions: Vec<String> = tera.functions.keys().cloned().collect();
    for name in functions {
        match name.as_str() {
            "range" | "throw" => {
                let metered = MeteredFunction {
                    name: name.clone(),
                    inner: if name == "range" {
                        Arc::new(range)
                    } else {
                        Arc::clone(&tera.functions[&name])
                    },
                    meter: Arc::clone(meter),
                };
                tera.register_function(&name, metered);
            }
            "get_env" => tera.register_function("get_env", |_: &HashMap<String, Value>| {
                Err(tera::Error::msg(GET_ENV_MESSAGE))
            }),
            other => {
                let message = unavailable_function(other);
                tera.register_function(other, move |_: &HashMap<String, Value>| {
                    Err(tera::Error::msg(message.clone()))
                });
            }
        }
    }

    // Filters and tests: metered, outputs capped.
    let filters: Vec<(String, Arc<dyn tera::Filter>)> = tera
        .filters
        .iter()
        .map(|(k, f)| (k.clone(), Arc::clone(f)))
        .collect();
    for (name, inner) in filters {
        let metered = MeteredFilter {
            name: name.clone(),
            inner,
            meter: Arc::clone(meter),
        };
        tera.register_filter(&name, metered);
    }
    let tests: Vec<(String, Arc<dyn tera::Test>)> = tera
        .testers
        .iter()
        .map(|(k, t)| (k.clone(), Arc::clone(t)))
        .collect();
    for (name, inner) in tests {
        if FORBIDDEN_TESTS.contains(&name.as_str()) {
            let message = unavailable_test(&name);
            tera.register_tester(&name, move |_: Option<&Value>, _: &[Value]| {
                Err(tera::Error::msg(message.clone()))
            });
            continue;
        }
        let metered = MeteredTest {
            name: name.clone(),
            inner,
            meter: Arc::clone(meter),
        };
        tera.register_tester(&name, metered);
    }
    for (n, site) in sites.iter().enumerate() {
        let name = format!("{INTERNAL_PREFIX}{n}");
        let guard = GuardFilter {
            name: name.clone(),
            guard: site.guard,
            meter: Arc::clone(meter),
        };
        tera.register_filter(&name, guard);
    }

    tera.templates.insert(TEMPLATE_NAME.to_owned(), template);
    tera.build_inheritance_chains()?;
    Ok(tera)
}

/// Tera's `range`, refusing more than [`MAX_RANGE_ITEMS`] numbers (and a zero step, which makes
/// Tera's own version loop forever).
fn range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |name: &str, default: Option<usize>| -> tera::Result<usize> {
        match args.get(name) {
            Some(val) => serde_json::from_value::<usize>(val.clone()).map_err(|_| {
                tera::Error::msg(format!(
                    "Function `range` received {name}={val} but `{name}` can only be a number"
                ))
            }),
            None => default.ok_or_else(|| {
                tera::Error::msg("Function `range` was called without a `end` argument")
            }),
        }
    };
    let start = number("start", Some(0))?;
    let step_by = number("step_by", Some(1))?;
    let end = number("end", None)?;
    if start > end {
        return Err(tera::Error::msg(
            "Function `range` was called with a `start` argument greater than the `end` one",
        ));
    }
    if step_by == 0 {
        return Err(tera::Error::msg(
            "Function `range` needs a `step_by` of at least 1",
        ));
    }
    let count = (end - start).div_ceil(step_by);
    if count > MAX_RANGE_ITEMS {
        return Err(tera::Error::msg(format!(
            "`range` can make at most {MAX_RANGE_ITEMS} numbers; this call asks for {count}"
        )));
    }
    Ok(Value::Array(
        (start..end).step_by(step_by).map(Value::from).collect(),
    ))
}

/// Rough size of a value once printed, in bytes (an upper bound for strings and containers).
fn approx_size(value: &Value) -> usize {
    match value {
        Value::Null => 4,
        Value::Bool(_) => 5,
        Value::Number(_) => 24,
        Value::String(s) => s.len(),
        Value::Array(items) => 2 + items.iter().map(|v| approx_size(v) + 2).sum::<usize>(),
        Value::Object(map) => {
            2 + map
                .iter()
                .map(|(k, v)| k.len() + 4 + approx_size(v))
                .sum::<usize>()
        }
    }
}

/// A builtin filter behind the meter, its output capped at [`MAX_OUTPUT_BYTES`]. Filters whose
/// single call can multiply its input (`replace`, `join`, `indent`) are refused before running.
struct MeteredFilter {
    name: String,
    inner: Arc<dyn tera::Filter>,
    meter: Arc<Meter>,
}

impl tera::Filter for MeteredFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let input = CALL_COST + approx_size(value) + args.values().map(approx_size).sum::<usize>();
        self.meter.charge(&self.name, input)?;
        if let Some(size) = predicted_size(&self.name, value, args) {
            if size > MAX_OUTPUT_BYTES {
                return Err(self.meter.too_big(&self.name, size));
            }
        }
        let out = self.inner.filter(value, args)?;
        let size = approx_size(&out);
        if size > MAX_OUTPUT_BYTES {
            return Err(self.meter.too_big(&self.name, size));
        }
        self.meter.charge(&self.name, size)?;
        Ok(out)
    }

    fn is_safe(&self) -> bool {
        self.inner.is_safe()
    }
}

/// Output size of filters that can multiply their input in one call, computed without running them.
fn predicted_size(name: &str, value: &Value, args: &HashMap<String, Value>) -> Option<usize> {
    let arg = |key: &str| args.get(key).and_then(Value::as_str);
    match name {
        "replace" => {
            let s = value.as_str()?;
            let (from, to) = (arg("from")?, arg("to")?);
            let count = if from.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(from).count()
            };
            Some(
                s.len()
                    .saturating_sub(count.saturating_mul(from.len()))
                    .saturating_add(count.saturating_mul(to.len())),
            )
        }
        "join" => {
            let items = value.as_array()?;
            let sep = arg("sep").map_or(0, str::len);
            let joined: usize = items.iter().map(approx_size).sum();
            Some(joined.saturating_add(items.len().saturating_sub(1).saturating_mul(sep)))
        }
        "indent" => {
            let s = value.as_str()?;
            let prefix = arg("prefix").map_or(4, str::len);
            let lines = s.matches('\n').count() + 1;
            Some(s.len().saturating_add(lines.saturating_mul(prefix)))
        }
        _ => None,
    }
}

/// An allowed function behind the meter (Tera clones every argument before the call).
struct MeteredFunction {
    name: String,
    inner: Arc<dyn tera::Function>,
    meter: Arc<Meter>,
}

impl tera::Function for MeteredFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let size = CALL_COST + args.values().map(approx_size).sum::<usize>();
        self.meter.charge(&self.name, size)?;
        self.inner.call(args)
    }

    fn is_safe(&self) -> bool {
        self.inner.is_safe()
    }
}

/// A builtin test behind the meter.
struct MeteredTest {
    name: String,
    inner: Arc<dyn tera::Test>,
    meter: Arc<Meter>,
}

impl tera::Test for MeteredTest {
    fn test(&self, value: Option<&Value>, args: &[Value]) -> tera::Result<bool> {
        let size =
            CALL_COST + value.map_or(0, approx_size) + args.iter().map(approx_size).sum::<usize>();
        self.meter.charge(&self.name, size)?;
        self.inner.test(value, args)
    }
}

/// An internal filter added by [`Instrument`]: passes its value through, or refuses it.
struct GuardFilter {
    name: String,
    guard: Guard,
    meter: Arc<Meter>,
}

impl tera::Filter for GuardFilter {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        let size = approx_size(value);
        match self.guard {
            Guard::LoopItems => {
                let count = match value {
                    Value::Array(items) => items.len(),
                    Value::Object(map) => map.len(),
                    Value::String(s) => s.chars().count(),
                    _ => 0,
                };
                if count > MAX_LOOP_ITEMS {
                    return Err(self.meter.refuse(
                        &self.name,
                        format!("a loop can go over at most {MAX_LOOP_ITEMS} items; this one has {count}"),
                    ));
                }
                self.meter.charge(&self.name, size)?;
            }
            Guard::SetValue => {
                if size > MAX_OUTPUT_BYTES {
                    return Err(self.meter.too_big(&self.name, size));
                }
                self.meter.charge(&self.name, size)?;
            }
            Guard::Printed => {
                let before = self.meter.printed.fetch_add(size, Ordering::Relaxed);
                if before.saturating_add(size) > MAX_OUTPUT_BYTES {
                    return Err(self.meter.refuse(&self.name, output_too_long()));
                }
            }
            Guard::Measured => self.meter.charge(&self.name, size)?,
        }
        Ok(value.clone())
    }
}

fn output_too_long() -> String {
    format!("the message would be longer than {MAX_OUTPUT_BYTES} bytes")
}

/// Collects the rendered message, refusing to grow past [`MAX_OUTPUT_BYTES`].
#[derive(Default)]
struct CappedWriter(Vec<u8>);

impl Write for CappedWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + data.len() > MAX_OUTPUT_BYTES {
            return Err(std::io::Error::other(output_too_long()));
        }
        self.0.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `err` and its sources, outermost first.
fn error_chain<'e>(err: &'e (dyn StdError + 'static)) -> Vec<&'e (dyn StdError + 'static)> {
    let mut chain = vec![err];
    let mut next = err.source();
    while let Some(e) = next {
        chain.push(e);
        next = e.source();
    }
    chain
}

/// The name in "Variable `name` not found …".
fn missing_variable(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("Variable `")?;
    Some(&rest[..rest.find("` not found")?])
}

/// Where a filter, function or test called `name` is: an internal filter knows its tag, a
/// user-visible one is found by name.
fn locate_call(source: &str, tags: &[Tag], sites: &[Site], name: &str) -> Option<(usize, usize)> {
    match name.strip_prefix(INTERNAL_PREFIX) {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .and_then(|n| sites.get(n))
            .map(|s| s.at),
        None => find_in_tags(source, tags, name).map(|p| line_col(source, p)),
    }
}

/// Turns a render error into one positioned problem: the messages of its chain, without Tera's
/// "Failed to render" wrappers.
fn render_problem(
    source: &str,
    tags: &[Tag],
    sites: &[Site],
    err: &tera::Error,
) -> TemplateProblem {
    let mut parts: Vec<String> = Vec::new();
    let (mut variable_at, mut site_at, mut call_at) = (None, None, None);
    for e in error_chain(err) {
        let Some(te) = e.downcast_ref::<tera::Error>() else {
            parts.push(e.to_string());
            continue;
        };
        match &te.kind {
            tera::ErrorKind::Msg(m)
                if m.starts_with("Failed to render") || m.starts_with("Failed to parse") => {}
            tera::ErrorKind::Msg(m) => {
                if let Some(name) = missing_variable(m) {
                    let first = name.split(['.', '[']).next().unwrap_or(name);
                    let found = find_in_tags(source, tags, name)
                        .or_else(|| find_in_tags(source, tags, first));
                    variable_at = variable_at.or(found.map(|p| line_col(source, p)));
                    parts.push(format!(
                        "`{name}` is not defined: check the spelling of the field's name"
                    ));
                } else {
                    parts.push(m.replace(&format!(" while rendering '{TEMPLATE_NAME}'"), ""));
                }
            }
            tera::ErrorKind::CallFilter(name)
            | tera::ErrorKind::CallFunction(name)
            | tera::ErrorKind::CallTest(name) => {
                if name.starts_with(INTERNAL_PREFIX) {
                    site_at = site_at.or(locate_call(source, tags, sites, name));
                } else {
                    // The innermost call is the most precise.
                    call_at = locate_call(source, tags, sites, name).or(call_at);
                    parts.push(format!("in `{name}`"));
                }
            }
            tera::ErrorKind::Io(_) => {}
            _ => parts.push(te.to_string()),
        }
    }
    let at = variable_at.or(site_at).or(call_at).unwrap_or((1, 1));
    let message = if parts.is_empty() {
        "the template could not be filled in".to_owned()
    } else {
        parts.join(": ")
    };
    TemplateProblem::at(at, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;
    use std::time::{Duration, Instant};

    fn ctx() -> Value {
        json!({
            "company": "Acme",
            "role": "Engineer",
            "contact": { "name": "Dana Smith", "first_name": "Dana", "title": null },
            "sender": { "name": "Sam" },
            "formal": true,
            "items": ["one", "two", "three"],
        })
    }

    fn problems(source: &str) -> Vec<TemplateProblem> {
        match check(source) {
            Ok(()) => panic!("check should refuse {source:?}"),
            Err(p) => p,
        }
    }

    fn render_err(source: &str, context: &Value) -> Vec<TemplateProblem> {
        match render(source, context) {
            Ok(out) => panic!("render should refuse {source:?}, got {} bytes", out.len()),
            Err(p) => p,
        }
    }

    /// The problem whose message contains `needle`.
    fn find<'p>(problems: &'p [TemplateProblem], needle: &str) -> &'p TemplateProblem {
        problems
            .iter()
            .find(|p| p.message.contains(needle))
            .unwrap_or_else(|| panic!("a problem should mention {needle:?}: {problems:?}"))
    }

    #[test]
    fn renders_a_normal_template() {
        let source = "Dear {{ contact.name }},\n\n\
                      Thank you for the {{ role | lower }} interview at {{ company }}.\n\
                      {% if formal %}Kind regards{% else %}Cheers{% endif %},\n\
                      {% set who = sender.name ~ \" (\" ~ company ~ \")\" %}{{ who }}\n\
                      {% for item in items %}{{ loop.index }}. {{ item | capitalize }}\n{% endfor %}\
                      {{ contact.title | default(value=\"-\") }} {{ range(end=3) | join(sep=\",\") }}";
        assert_eq!(
            check(source),
            Ok(()),
            "a normal template should pass the check"
        );
        let out = render(source, &ctx()).expect("a normal template should render");
        assert_eq!(
            out,
            "Dear Dana Smith,\n\nThank you for the engineer interview at Acme.\nKind regards,\n\
             Sam (Acme)\n1. One\n2. Two\n3. Three\n- 0,1,2",
            "the rendered text should be the template filled in"
        );
    }

    #[test]
    fn unclosed_tag_points_at_line_3_column_5() {
        let p = problems("Dear {{ contact.name }},\n\n    {% if formal %}Kind regards,\nSam");
        assert_eq!(p.len(), 1, "one syntax problem: {p:?}");
        assert_eq!(
            (p[0].line, p[0].column),
            (3, 5),
            "the unclosed `if` starts at line 3 column 5"
        );
        assert!(
            p[0].message.contains("endif"),
            "the message should say what closes it: {}",
            p[0].message
        );

        let p = problems("Hello\n\n    {{ contact.name \nbye");
        assert_eq!(
            (p[0].line, p[0].column),
            (3, 5),
            "the unclosed `{{{{` is at line 3 column 5: {p:?}"
        );
        assert!(
            p[0].message.contains("}}"),
            "the message should say to add `}}}}`: {}",
            p[0].message
        );
    }

    #[test]
    fn syntax_errors_keep_teras_position_and_the_expected_part() {
        let p = problems("Hi {{ contact.name }}\nline two {{ }} end");
        assert_eq!(
            (p[0].line, p[0].column),
            (2, 13),
            "pest's position of the empty expression: {p:?}"
        );
        assert!(
            p[0].message.starts_with("syntax error: expected"),
            "the short `expected …` part is kept: {}",
            p[0].message
        );
        assert!(
            !p[0].message.contains("-->") && !p[0].message.contains('|'),
            "the arrow diagram is dropped: {}",
            p[0].message
        );

        let p = problems("a\n  {% endif %}");
        assert_eq!(
            (p[0].line, p[0].column),
            (2, 3),
            "a stray end tag is located: {p:?}"
        );
        assert!(
            p[0].message.contains("endif"),
            "the stray tag is named: {}",
            p[0].message
        );

        let p = problems("a {% frobnicate %}");
        assert_eq!(
            (p[0].line, p[0].column),
            (1, 3),
            "an unknown tag is located: {p:?}"
        );
        assert!(
            p[0].message.contains("frobnicate"),
            "the unknown tag is named: {}",
            p[0].message
        );
    }

    #[test]
    fn an_unclosed_quote_is_pointed_at() {
        let p = problems("Hi {{ contact.name | default(value='there) }}");
        assert_eq!(
            (p[0].line, p[0].column),
            (1, 36),
            "the quote that opens the text: {p:?}"
        );
        assert!(
            p[0].message.contains("never closed"),
            "the message says so: {}",
            p[0].message
        );
    }

    #[test]
    fn columns_are_counted_in_characters() {
        let p = problems("é🎉 {{ }}");
        assert_eq!(
            (p[0].line, p[0].column),
            (1, 7),
            "é and 🎉 count as one column each: {p:?}"
        );
    }

    #[test]
    fn forbidden_tags_are_refused_with_their_position() {
        let cases: &[(&str, &str, (usize, usize))] = &[
            ("Hi\n  {% include \"other\" %}", "`include` is not available in your templates: they can only use the message's fields", (2, 3)),
            ("\n\n  {% extends \"base\" %}", "`extends` is not available", (3, 3)),
            ("{% import \"macros\" as m %}\nHi", "`import` is not available", (1, 1)),
            ("Hi\n\n{%- macro f() %}x{% endmacro %}", "`macro` is not available", (3, 1)),
            ("Hi {% block body %}x{% endblock %}", "`block` is not available", (1, 4)),
            ("{% block body %}\n {{ super() }}{% endblock %}", "`super()` is not available", (2, 5)),
            ("a\n{% set_global x = 1 %}", "`set_global` is not available", (2, 1)),
            ("a {% import \"m\" as m %}", "`import` is not available", (1, 3)),
            ("{% if a %}\n  {% macro f() %}{% endmacro %}{% endif %}", "`macro` is not available", (2, 3)),
            ("{{ m::f() }}", "macros are not available", (1, 4)),
        ];
        for (source, message, at) in cases {
            let p = problems(source);
            let found = find(&p, message);
            assert_eq!(
                (found.line, found.column),
                *at,
                "{message:?} should be reported at {at:?} for {source:?}"
            );
        }
        let p = problems("{% include \"a\" %} and {% include \"b\" %}");
        let positions: Vec<_> = p.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            positions,
            vec![(1, 1), (1, 23)],
            "each include should be reported at its own tag"
        );
    }

    #[test]
    fn get_env_fails_and_never_prints_the_variable() {
        let home = std::env::var("HOME").unwrap_or_default();
        for source in [
            "{{ get_env(name=\"HOME\") }}",
            "x\n {{ get_env(name=\"HOME\", default=\"none\") }}",
            "{% set h = get_env(name=\"HOME\") %}{{ h }}",
            "{{ \"a\" ~ get_env(name=\"HOME\") }}",
        ] {
            let p = problems(source);
            let found = find(&p, GET_ENV_MESSAGE);
            assert!(
                found.line >= 1 && found.column > 1,
                "get_env should be located in {source:?}: {found:?}"
            );
            let r = render_err(source, &ctx());
            find(&r, GET_ENV_MESSAGE);
            if home.len() > 1 {
                assert!(
                    r.iter().all(|p| !p.message.contains(&home)),
                    "no problem may show $HOME: {r:?}"
                );
            }
        }
        // The runtime override holds even if the static walk missed a call.
        let tera = sandbox_tera(
            &Arc::new(Meter::default()),
            tera::Template::new("t", None, "x").unwrap(),
            &[],
        )
        .unwrap();
        let mut args = HashMap::new();
        args.insert("name".to_owned(), json!("HOME"));
        args.insert("default".to_owned(), json!("fallback"));
        let err = tera.functions["get_env"]
            .call(&args)
            .expect_err("the sandbox's get_env should always fail");
        assert_eq!(
            err.to_string(),
            GET_ENV_MESSAGE,
            "the refusal should explain itself"
        );
        for name in ["now", "get_random"] {
            if let Some(f) = tera.functions.get(name) {
                assert!(
                    f.call(&HashMap::new()).is_err(),
                    "{name} should be refused when a feature registers it"
                );
            }
        }
        find(&problems("{{ now() }}"), "`now()`");
    }

    #[test]
    fn range_is_capped() {
        let p = render_err(
            "a\n{% for i in range(end=1000000) %}{{ i }}{% endfor %}",
            &ctx(),
        );
        let found = find(&p, "at most 100 numbers");
        assert_eq!(
            (found.line, found.column),
            (2, 13),
            "the range call should be located: {found:?}"
        );
        render_err("{{ range(end=10, step_by=0) }}", &ctx());
        assert_eq!(
            render("{{ range(end=10, step_by=3) }}", &ctx()).as_deref(),
            Ok("[0, 3, 6, 9]"),
            "small ranges work like Tera's"
        );
        assert!(
            render("{{ range(end=100) | length }}", &ctx()).is_ok(),
            "100 numbers are allowed"
        );
    }

    #[test]
    fn loops_cannot_nest_or_be_many_or_long() {
        let p =
            problems("{% for a in items %}\n  {% for b in items %}{{ b }}{% endfor %}{% endfor %}");
        let found = find(&p, "loops cannot be nested");
        assert_eq!(
            (found.line, found.column),
            (2, 3),
            "the inner loop should be located"
        );

        let p = problems(
            "{% for a in items %}{% if a %}{% for b in items %}{% endfor %}{% endif %}{% endfor %}",
        );
        find(&p, "loops cannot be nested");

        let five = "{% for a in items %}{{ a }}{% endfor %}".repeat(5);
        let found = find(&problems(&five), "at most 4 loops").clone();
        assert_eq!(
            (found.line, found.column),
            (1, 1 + 4 * 39),
            "the fifth loop should be located"
        );
        assert!(
            check(&"{% for a in items %}{{ a }}{% endfor %}".repeat(4)).is_ok(),
            "four loops are allowed"
        );

        let many: Vec<u32> = (0..150).collect();
        let p = render_err(
            "{% for i in many %}{{ i }}{% endfor %}",
            &json!({ "many": many }),
        );
        find(&p, "at most 100 items");
    }

    #[test]
    fn set_inside_a_loop_is_refused() {
        let p = problems(
            "{% set s = \"a\" %}\n{% for i in items %}{% set s = s ~ s %}{% endfor %}{{ s }}",
        );
        let found = find(&p, "`set` cannot be used inside a loop");
        assert_eq!(
            (found.line, found.column),
            (2, 21),
            "the set in the loop should be located"
        );
    }

    #[test]
    fn exponential_growth_is_refused_quickly() {
        let started = Instant::now();
        let chain = " | replace(from=\"a\", to=\"aaaaaaaaaa\")".repeat(12);
        let p = render_err(
            &format!("{{% set s = \"aaaaaaaaaa\" %}}{{{{ s{chain} }}}}"),
            &ctx(),
        );
        find(&p, "limited to");
        // Each `addslashes` doubles the backslashes.
        let chain = " | addslashes".repeat(40);
        find(
            &render_err(&format!("{{{{ \"\\\\\\\\\"{chain} }}}}"), &ctx()),
            "limited to",
        );
        let chain = " | split(pat=\"\") | join(sep=\"xxxxxxxxxxxxxxxxxxxx\")".repeat(8);
        find(
            &render_err(&format!("{{{{ \"abcdef\"{chain} }}}}"), &ctx()),
            "limited to",
        );
        let doubling = "{% set s = s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s %}".repeat(12);
        find(
            &render_err(
                &format!("{{% set s = \"0123456789\" %}}{doubling}{{{{ s }}}}"),
                &ctx(),
            ),
            "limited to",
        );
        let long = "a".repeat(MAX_SOURCE_BYTES / 2);
        let p = render_err(
            &format!("{{{{ \"{long}\" | replace(from=\"a\", to=\"{long}\") }}}}"),
            &ctx(),
        );
        find(&p, "limited to");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "growth should be refused quickly, took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn output_is_capped() {
        let big = "x".repeat(5000);
        let p = render_err(
            "Hi\n{% for i in range(end=100) %}{{ big }}{% endfor %}",
            &json!({ "big": big }),
        );
        find(&p, &format!("longer than {MAX_OUTPUT_BYTES} bytes"));
        let text = "y".repeat(4000);
        let p = render_err(
            &format!("{{% for i in range(end=100) %}}{text}{{% endfor %}}"),
            &ctx(),
        );
        find(&p, &format!("longer than {MAX_OUTPUT_BYTES} bytes"));
        let p = render_err(
            "{% filter upper %}{% for i in range(end=100) %}{{ big }}{% endfor %}{% endfilter %}",
            &json!({ "big": big }),
        );
        find(&p, &format!("longer than {MAX_OUTPUT_BYTES} bytes"));
        assert!(
            render(
                "{% for i in range(end=50) %}{{ big }}{% endfor %}",
                &json!({ "big": big })
            )
            .is_ok(),
            "250 000 bytes fit"
        );
    }

    #[test]
    fn context_values_are_data() {
        for value in [
            "{{ 7*7 }}",
            "{% if %}",
            "{% include \"x\" %}{{ get_env(name=\"HOME\") }}",
            "<script>alert(1)</script>",
            "🎉 Ünïcødé 👩‍👩‍👧",
            "שלום עולם مرحبا",
            "a & b \"quoted\" 'single'",
        ] {
            let out = render("Company: {{ company }}!", &json!({ "company": value }))
                .unwrap_or_else(|p| panic!("rendering {value:?} should work: {p:?}"));
            assert_eq!(
                out,
                format!("Company: {value}!"),
                "the value should be printed literally, neither evaluated nor escaped"
            );
        }
    }

    #[test]
    fn undefined_variable_points_at_its_first_use() {
        let p = render_err(
            "Hi {{ company }},\n  {{ contact.nam }} and {{ contact.nam }}",
            &ctx(),
        );
        assert_eq!(p.len(), 1, "one problem: {p:?}");
        assert_eq!(
            (p[0].line, p[0].column),
            (2, 6),
            "the first `contact.nam` is at line 2 column 6"
        );
        assert!(
            p[0].message.contains("contact.nam"),
            "the variable should be named: {}",
            p[0].message
        );
        assert!(
            !p[0].message.contains("Failed to render"),
            "Tera's wrapper is dropped: {}",
            p[0].message
        );

        let p = render_err("x\n{% for i in missing %}{{ i }}{% endfor %}", &ctx());
        assert_eq!(
            (p[0].line, p[0].column),
            (2, 13),
            "a missing loop container is located: {p:?}"
        );
    }

    #[test]
    fn unknown_filters_and_functions_are_located() {
        let p = problems("a\n{{ company | shout }} {{ nope() }} {% if a is weird %}{% endif %}");
        assert_eq!(
            (
                find(&p, "no filter `shout`").line,
                find(&p, "no filter `shout`").column
            ),
            (2, 14),
            "the filter is located"
        );
        assert_eq!(
            find(&p, "no function `nope()`").column,
            26,
            "the function is located"
        );
        find(&p, "no test `weird`");
    }

    #[test]
    fn empty_template_is_refused() {
        for source in ["", "   ", "\n\t \n"] {
            let p = problems(source);
            assert_eq!(
                p,
                vec![TemplateProblem::at_start("the template is empty")],
                "{source:?} is empty"
            );
            assert_eq!(
                render_err(source, &ctx()),
                p,
                "render refuses it the same way"
            );
        }
    }

    #[test]
    fn oversized_source_is_refused() {
        let source = "a".repeat(MAX_SOURCE_BYTES + 1);
        let p = problems(&source);
        assert_eq!(p.len(), 1, "one problem");
        assert!(
            p[0].message.contains(&format!("{}", MAX_SOURCE_BYTES + 1)),
            "the size should be given: {}",
            p[0].message
        );
        assert!(
            check(&"a".repeat(MAX_SOURCE_BYTES)).is_ok(),
            "exactly the limit is accepted"
        );
    }

    #[test]
    fn nesting_that_would_make_the_parser_slow_is_refused() {
        let started = Instant::now();
        let deep = format!("{{{{ {}1{} }}}}", "range(end=".repeat(12), ")".repeat(12));
        find(&problems(&deep), "nested too deeply");
        let many = "{{ f(x=f(x=f(x=f(x=1)))) }}".repeat(MAX_SOURCE_BYTES / 27);
        find(&problems(&many), "too many nested function calls");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "refused quickly, took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn deep_templates_do_not_overflow_the_stack() {
        let ifs = format!("{}x{}", "{%if a%}".repeat(1100), "{%endif%}".repeat(1100));
        assert!(
            render(&ifs, &json!({ "a": true })).is_ok(),
            "1100 nested ifs render"
        );
        let sum = format!("{{{{1{}}}}}", "+1".repeat(MAX_SOURCE_BYTES / 2 - 4));
        let _ = render(&sum, &ctx());
        let _ = check(&format!("{{{{ {}1{} }}}}", "(".repeat(6), ")".repeat(6)));
    }

    #[test]
    fn a_tera_panic_becomes_a_problem() {
        let p = problems("{% if a is containing([1] | length) %}x{% endif %}");
        assert_eq!(p.len(), 1, "the panic should become one problem: {p:?}");
    }

    #[test]
    fn large_arrays_and_concatenations_are_refused() {
        let items = vec!["a"; 101].join(", ");
        find(
            &problems(&format!("{{{{ [{items}] | length }}}}")),
            "at most 100 values",
        );
        let parts = vec!["a"; 51].join(" ~ ");
        find(
            &problems(&format!("{{{{ {parts} }}}}")),
            "at most 50 values",
        );
    }

    #[test]
    fn work_without_filters_is_metered() {
        // A 230 000-byte value compared and searched 60 000 times would take seconds.
        let grow = "{% set b = \"0123456789\" %}{% set b = b~b~b~b~b~b~b~b~b~b %}\
                    {% set b = b~b~b~b~b~b~b~b~b~b %}{% set b = b~b~b~b~b~b~b~b~b~b %}\
                    {% set b = b~b~b~b~b~b~b~b~b~b %}";
        let many =
            |piece: &str| format!("{{% for i in items %}}{}{{% endfor %}}", piece.repeat(100));
        let started = Instant::now();
        for body in [
            "{% if b == b %}{% endif %}",
            "{{ not b ~ b }}",
            "{% if \"zz\" in b %}{% endif %}",
            "{% if \"zz\" in [b, b, b] %}{% endif %}",
        ] {
            let source = format!("{grow}{}", many(body));
            let p = render_err(&source, &json!({ "items": vec![0; 100] }));
            find(&p, "too much work");
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "stopped quickly, took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn refusals_that_tera_ignores_are_still_reported() {
        // Tera treats an error in `{% if variable | filter %}` as false; the sandbox does not.
        let chain = " | replace(from=\"a\", to=\"aaaaaaaaaa\")".repeat(7);
        let source = format!("{{% set b = \"aaaa\" %}}\n{{% if b{chain} %}}yes{{% endif %}}");
        let p = render_err(&source, &ctx());
        let found = find(&p, "limited to");
        assert_eq!(
            (found.line, found.column),
            (2, 11),
            "the refusing filter is located: {found:?}"
        );
    }

    #[test]
    fn slow_or_revealing_builtins_are_refused() {
        let p = problems("{% if company is matching(\"^A\") %}x{% endif %}");
        find(&p, "`matching` test is not available");
        let p = problems("x {{ __tera_context }}");
        let found = find(&p, "`__tera_context` is not available");
        assert_eq!(
            (found.line, found.column),
            (1, 6),
            "the magic variable is located"
        );
    }

    #[test]
    fn a_list_used_as_a_condition_does_not_crash() {
        // Tera's renderer reaches `unreachable!` here; the worker turns that into a problem.
        let p = render_err("{% if [1, 2] %}x{% endif %}", &ctx());
        assert_eq!(p.len(), 1, "one problem: {p:?}");
    }

    proptest! {
        #[test]
        fn arbitrary_sources_never_panic(source in any::<String>()) {
            let _ = check(&source);
            let _ = render(&source, &ctx());
        }

        #[test]
        fn tera_like_sources_never_panic(source in "([{}%#()\\[\\]|~=,.\"' \n-]|[a-z]{1,6}|if|for|endfor|endif|set|in|range\\(end=|not|is){0,40}") {
            let _ = check(&source);
            let _ = render(&source, &ctx());
        }
    }
}
