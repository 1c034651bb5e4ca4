//! Words as the grammar reads them: lower-case, contractions spelt out ("won't" → "will not",
//! "I'm" → "i am", and the apostrophe-less "Im", "wont" of quick typing), punctuation kept as
//! its own token, each token marked when it stands inside quotation marks, and every token
//! carrying the byte span of the word it came from. Plus a small matcher of token patterns
//! ("your team|recruiter ~4 never answered"), so the tone rules name structures, not strings.

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// The normalised word ("will", "not", "i"), or one punctuation character.
    pub w: String,
    /// Byte offset of the source word in the text.
    pub start: usize,
    /// Byte offset just past the source word.
    pub end: usize,
    /// Inside quotation marks: someone else's words, not the writer's.
    pub quoted: bool,
}

impl Tok {
    /// Whether this is punctuation that ends a clause (`,` does not, on its own).
    pub fn boundary(&self) -> bool {
        matches!(
            self.w.as_str(),
            "." | ";" | ":" | "?" | "!" | "—" | "–" | "(" | ")" | "…" | "\"" | "“" | "”"
        )
    }

    /// Whether this is any punctuation.
    pub fn punct(&self) -> bool {
        !self.w.chars().next().is_some_and(char::is_alphanumeric)
    }
}

/// The tokens of `text`, with spans offset by `offset`.
pub fn tokens(text: &str, offset: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut quoted = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i;
            while j < chars.len() {
                let (_, d) = chars[j];
                let inner = (d == '\'' || d == '’' || d == '-')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let word = &text[at..end];
            for mut w in expand(word) {
                if let Some(k) = respell(&w) {
                    w = k.to_owned();
                }
                out.push(Tok {
                    w,
                    start: offset + at,
                    end: offset + end,
                    quoted,
                });
            }
            i = j;
            continue;
        }
        if !c.is_whitespace() {
            let prev_space = i == 0 || chars[i - 1].1.is_whitespace();
            let next_space = chars.get(i + 1).is_none_or(|&(_, n)| !n.is_alphanumeric());
            match c {
                '“' | '‘' if prev_space || !quoted => quoted = true,
                '”' => quoted = false,
                '’' | '\'' if quoted && next_space => quoted = false,
                '\'' if prev_space => quoted = true,
                '"' => quoted = !quoted,
                _ => {}
            }
            // An apostrophe ending a word ("candidates'") is no token of its own.
            if !matches!(c, '\'' | '’' | '‘') {
                out.push(Tok {
                    w: c.to_string(),
                    start: offset + at,
                    end: offset + at + c.len_utf8(),
                    quoted,
                });
            }
        }
        i += 1;
    }
    out
}

/// A written word as the words it stands for.
fn expand(word: &str) -> Vec<String> {
    let w = word.to_lowercase().replace('’', "'");
    let two = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
    match w.as_str() {
        "won't" | "wont" => return two("will", "not"),
        "can't" | "cannot" | "cant" => return two("can", "not"),
        "shan't" => return two("shall", "not"),
        "ain't" => return two("is", "not"),
        "im" => return two("i", "am"),
        "ive" => return two("i", "have"),
        "gonna" => return two("going", "to"),
        "wanna" => return two("want", "to"),
        "dont" | "didnt" | "doesnt" | "isnt" | "wasnt" | "arent" | "werent" | "havent"
        | "hasnt" | "hadnt" | "couldnt" | "wouldnt" | "shouldnt" => {
            return two(&w[..w.len() - 2], "not");
        }
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("n't") {
        return two(stem, "not");
    }
    if let Some((stem, tail)) = w.rsplit_once('\'') {
        let full = match tail {
            "m" => Some("am"),
            "re" => Some("are"),
            "ve" => Some("have"),
            "ll" => Some("will"),
            "d" => Some("would"),
            "s" if stem == "let" => Some("us"),
            "s" if [
                "it", "that", "there", "here", "what", "who", "he", "she", "where", "how",
            ]
            .contains(&stem) =>
            {
                Some("is")
            }
            _ => None,
        };
        if let Some(full) = full {
            return two(stem, full);
        }
    }
    vec![w]
}

/// A token pattern: words separated by spaces; `a|b` is either word, `x*` any word starting
/// with `x`, `~N` up to N tokens of anything in between (never across `.`, `?`, `!` or `;`).
#[derive(Debug, Clone)]
pub struct Pattern {
    elements: Vec<Element>,
    /// Words one of which must stand, unquoted, in any tokens the pattern matches: the
    /// alternatives of its longest exact element. A cheap test before trying every position;
    /// empty when every element has a prefix.
    required: Vec<String>,
}

#[derive(Debug, Clone)]
enum Element {
    Words(Vec<(String, bool)>),
    Gap(usize),
}

impl Pattern {
    /// Reads a pattern (see [`Pattern`]).
    pub fn new(source: &str) -> Pattern {
        let elements = source
            .split_whitespace()
            .map(|part| match part.strip_prefix('~') {
                Some(n) => Element::Gap(n.parse().unwrap_or(0)),
                None => Element::Words(
                    part.split('|')
                        .map(|w| match w.strip_suffix('*') {
                            Some(prefix) => (prefix.to_owned(), true),
                            None => (w.to_owned(), false),
                        })
                        .collect(),
                ),
            })
            .collect::<Vec<_>>();
        let required = elements
            .iter()
            .filter_map(|e| match e {
                Element::Words(words) if words.iter().all(|(_, prefix)| !prefix) => Some(words),
                _ => None,
            })
            .max_by_key(|words| words.iter().map(|(w, _)| w.len()).min().unwrap_or(0))
            .map(|words| words.iter().map(|(w, _)| w.clone()).collect())
            .unwrap_or_default();
        Pattern { elements, required }
    }

    /// Whether a match in `toks` is possible at all: one of the required words is there.
    fn possible(&self, toks: &[Tok]) -> bool {
        self.required.is_empty()
            || toks
                .iter()
                .any(|t| !t.quoted && self.required.contains(&t.w))
    }

    /// Whether a match is possible in tokens whose unquoted words are `words` (the same test as
    /// [`Pattern::find`] makes, a lookup per required word instead of a scan).
    pub fn possible_with(&self, words: &std::collections::HashSet<String>) -> bool {
        self.required.is_empty() || self.required.iter().any(|r| words.contains(r))
    }

    /// The first match in `toks` (quoted tokens never match), as a token range.
    pub fn find(&self, toks: &[Tok]) -> Option<(usize, usize)> {
        if !self.possible(toks) {
            return None;
        }
        (0..toks.len()).find_map(|i| self.at(toks, i, 0).map(|end| (i, end)))
    }

    /// The end of a match starting exactly at token `i`.
    pub fn matches_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        self.at(toks, i, 0)
    }

    /// Every match, as token ranges (not overlapping).
    pub fn find_all(&self, toks: &[Tok]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if !self.possible(toks) {
            return out;
        }
        let mut i = 0;
        while i < toks.len() {
            match self.at(toks, i, 0) {
                Some(end) => {
                    out.push((i, end));
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    fn at(&self, toks: &[Tok], i: usize, e: usize) -> Option<usize> {
        let Some(element) = self.elements.get(e) else {
            return Some(i);
        };
        match element {
            Element::Gap(n) => {
                for skip in 0..=*n {
                    if skip > 0 {
                        let t = toks.get(i + skip - 1)?;
                        if matches!(t.w.as_str(), "." | "?" | "!" | ";") {
                            return None;
                        }
                    }
                    if let Some(end) = self.at(toks, i + skip, e + 1) {
                        return Some(end);
                    }
                }
                None
            }
            Element::Words(words) => {
                let t = toks.get(i)?;
                let hit = !t.quoted
                    && words.iter().any(|(w, prefix)| {
                        if *prefix {
                            t.w.starts_with(w.as_str())
                        } else {
                            t.w == *w
                        }
                    });
                if hit {
                    self.at(toks, i + 1, e + 1)
                } else {
                    None
                }
            }
        }
    }
}

/// Whether `a` and `b` differ by at most `max` edits (insertions, deletions, substitutions and
/// swaps of two neighbours: "decieded", "procede", "withdrawl" are one edit from the word).
pub fn near(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m] <= max
}

/// The words the grammar of decisions turns on, so a misspelt one ("withdrawl", "decieded",
/// "procede") is still read as what it means.
const KEY_WORDS: &[&str] = &[
    "withdraw",
    "withdrawing",
    "decline",
    "declining",
    "decided",
    "proceed",
    "proceeding",
    "continue",
    "continuing",
    "pursue",
    "pursuing",
    "interested",
    "accepted",
    "attend",
    "attending",
    "decision",
    "opportunity",
    "application",
    "position",
];

/// `w` as the key word it is a misspelling of, if it is one (one edit away, same first letter).
fn respell(w: &str) -> Option<&'static str> {
    let inflected = KEY_WORDS.iter().any(|k| {
        k.strip_prefix(w)
            .is_some_and(|rest| ["s", "d", "ed", "n", "es", "ing"].contains(&rest))
            || w.strip_prefix(k)
                .is_some_and(|rest| ["s", "d", "ed", "n", "es", "ly"].contains(&rest))
            || k.strip_suffix('e')
                .is_some_and(|stem| w.strip_prefix(stem).is_some_and(|r| r == "ed"))
    });
    if w.len() < 6 || inflected || KEY_WORDS.contains(&w) || COMMON.contains(&w) {
        return None;
    }
    let first = w.chars().next()?;
    KEY_WORDS
        .iter()
        .find(|k| k.starts_with(first) && near(w, k, 1))
        .copied()
}

/// Real words one edit from a key word, never respelt.
const COMMON: &[&str] = &["positive", "withdrew", "accepter", "deciding", "decides"];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text, 0).into_iter().map(|t| t.w).collect()
    }

    #[test]
    fn contractions_are_spelt_out_and_spans_point_at_the_word() {
        assert_eq!(
            words("I won't, Im sure; it's Dana’s."),
            ["i", "will", "not", ",", "i", "am", "sure", ";", "it", "is", "dana's", "."]
        );
        let t = tokens("Hi — I’ll pass", 10);
        assert_eq!((t[3].w.as_str(), t[3].start, t[3].end), ("will", 17, 23));
    }

    #[test]
    fn quoted_words_are_marked() {
        let t = tokens("You said “I will withdraw” and I agree.", 0);
        let quoted: Vec<&str> = t
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.w.as_str())
            .collect();
        assert_eq!(quoted, ["“", "i", "will", "withdraw"]);
        let t = tokens("the candidates' profiles", 0);
        assert!(t.iter().all(|t| !t.quoted));
    }

    #[test]
    fn patterns_match_words_alternatives_prefixes_and_gaps() {
        let toks = tokens("Your recruiter, sadly, never answered my emails.", 0);
        let p = Pattern::new("your team|recruiter ~4 never answer*");
        assert_eq!(p.find(&toks), Some((0, 7)));
        assert!(Pattern::new("your team").find(&toks).is_none());
        let toks = tokens("Your recruiter left. Never answered.", 0);
        assert!(p.find(&toks).is_none(), "gaps never cross a full stop");
    }

    #[test]
    fn misspelt_key_words_are_read_as_meant() {
        assert_eq!(
            words("I decieded to withdrawl, not procede; I withdrew and declined."),
            [
                "i", "decided", "to", "withdraw", ",", "not", "proceed", ";", "i", "withdrew",
                "and", "declined", "."
            ]
        );
    }

    #[test]
    fn near_counts_edits() {
        assert!(near("intrested", "interested", 1));
        assert!(near("apreciate", "appreciate", 1));
        assert!(!near("interview", "interested", 2));
    }
}
