//! The hiring company and the role. The company is the one the writer's address belongs to
//! (its letters match a name in the message), a platform's "at Company", an invite's summary, or
//! the signature; when the writer is an agency, the client it names ("Tembusu Logistics has
//! reviewed your profile", a subject line "Beaumaris Hotels – Group Financial Controller"), and
//! the agency itself when the client is unnamed. The role is what the message calls the job.

use std::sync::LazyLock;

use regex::Regex;

use super::words::{self, domain_match, is_agency, is_role, strip_legal};

mod role;

pub use role::{role, role_after_colon, strip_interview_words, subject_role, without_open_aside};

/// A capitalised name: "Brackenfold Systems", "Lindqvist & Haber GmbH", "Corvane Énergie".
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}\p{N}'’./-]*(?:(?: & | of | de | du | und | for | del | de la | para la | para el | para | pour la | pour le | pour | für | voor | van | )(?:\p{Lu}|\d)[\p{L}\p{N}'’./-]*)*").unwrap()
});

/// Words that start a sentence or name no company.
/// A word that is no company: [`STOP`], a day or a month.
fn is_stop(word: &str) -> bool {
    STOP.contains(&word) || words::is_day_or_month(word)
}

const STOP: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "we",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "they",
    "they're",
    "they've",
    "the",
    "this",
    "that",
    "these",
    "our",
    "your",
    "my",
    "their",
    "his",
    "her",
    "she",
    "he",
    "it",
    "it's",
    "you",
    "you're",
    "hi",
    "hello",
    "dear",
    "hey",
    "thanks",
    "thank",
    "best",
    "kind",
    "regards",
    "please",
    "could",
    "would",
    "can",
    "will",
    "shall",
    "if",
    "as",
    "so",
    "but",
    "and",
    "or",
    "for",
    "from",
    "to",
    "in",
    "on",
    "at",
    "with",
    "by",
    "of",
    "a",
    "an",
    "good",
    "great",
    "hope",
    "just",
    "no",
    "yes",
    "also",
    "since",
    "before",
    "after",
    "once",
    "when",
    "what",
    "which",
    "who",
    "why",
    "how",
    "there",
    "here",
    "is",
    "are",
    "was",
    "were",
    "be",
    "bonjour",
    "hej",
    "hallo",
    "hola",
    "morning",
    "evening",
    "afternoon",
    "greetings",
    "happy",
    "congratulations",
    "sorry",
    "unfortunately",
    "looking",
    "let",
    "let's",
    "quick",
    "ah",
    "ok",
    "okay",
    "sure",
    "cheers",
    "warmly",
    "sincerely",
    "mr",
    "ms",
    "mrs",
    "dr",
    "date",
    "time",
    "when",
    "where",
    "location",
    "venue",
    "panel",
    "position",
    "role",
    "interview",
    "video",
    "zoom",
    "teams",
    "microsoft",
    "google",
    "meet",
    "webex",
    "linkedin",
    "inmail",
    "re",
    "fwd",
    "subject",
    "from",
    "sent",
    "cc",
    "both",
    "all",
    "any",
    "each",
    "some",
    "one",
    "two",
    "three",
    "uk",
    "us",
    "ps",
    "whatever",
    "even",
    "totally",
    "really",
    "many",
    "ideally",
    "happy",
    "new",
    "next",
    "last",
    "first",
    "second",
    "final",
    "senior",
    "head",
    "hr",
    "vp",
    "ceo",
    "cto",
    "cfo",
    "cro",
    "coo",
    "series",
    "hiring",
    "recruiting",
    "talent",
    "people",
    "team",
    "careers",
    "recruitment",
    "ct",
    "et",
    "pt",
    "cet",
    "gmt",
    "bst",
];

/// Words that end an organisation's name and say what kind it is.
const ORG_WORDS: &[&str] = &[
    "systems",
    "borough",
    "council",
    "district",
    "county",
    "city",
    "energy",
    "health",
    "healthcare",
    "media",
    "insurance",
    "group",
    "holdings",
    "bank",
    "labs",
    "technologies",
    "technology",
    "software",
    "solutions",
    "partners",
    "capital",
    "consulting",
    "foods",
    "games",
    "analytics",
    "bio",
    "therapeutics",
    "logistics",
    "retail",
    "hospital",
    "hospitals",
    "university",
    "college",
    "school",
    "trust",
    "foundation",
    "studio",
    "studios",
    "networks",
    "robotics",
    "data",
    "digital",
    "engineering",
    "construction",
    "homes",
    "travel",
    "payments",
    "finance",
    "financial",
    "pharma",
    "medical",
    "motors",
    "airlines",
    "aerospace",
    "interactive",
    "transit",
    "commission",
    "agency",
    "authority",
    "&",
    "and",
    "of",
];

/// Whether the words of `name` after the part its domain spells (`spelled` letters) say what
/// kind of organisation it is, or there are none: "Thistlebank Energy", not "Thistlebank House".
fn org_tail(name: &str, spelled: usize) -> bool {
    says_kind(after_spelled(name, spelled))
}

/// The words of `name` after its first `spelled` letters (the part its domain spells).
fn after_spelled(name: &str, spelled: usize) -> std::str::SplitWhitespace<'_> {
    let mut seen = 0;
    let mut words = name.split_whitespace();
    for w in words.by_ref() {
        seen += words::letters(w).len();
        if seen >= spelled {
            break;
        }
    }
    words
}

/// Whether the words of `name` after the part its domain spells (at its start) make it an
/// address: a street ("Bellbird Creek Road") or a postcode ("Yarrabee QLD 4650"). Not for a name
/// whose kind comes first ("University of St Andrews").
fn an_address(name: &str, spelled: usize) -> bool {
    const STREET: &[&str] = &[
        "road",
        "rd",
        "street",
        "st",
        "avenue",
        "ave",
        "drive",
        "way",
        "place",
        "square",
        "quay",
        "terrace",
        "crescent",
        "boulevard",
        "blvd",
        "highway",
        "parade",
    ];
    let tail: Vec<&str> = after_spelled(name, spelled).collect();
    tail.iter().enumerate().any(|(i, w)| {
        let w = w.trim_end_matches('.').to_lowercase();
        w.chars().any(|c| c.is_ascii_digit())
            // "St" is a street at the end ("Harbour St"), a saint before a name.
            || STREET.contains(&w.as_str()) && (!matches!(w.as_str(), "st") || i + 1 == tail.len())
    })
}

/// Whether every word says what kind of organisation it is ("Borough Council"); none does too.
fn says_kind<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.all(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()))
}

fn phrases(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for m in PHRASE.find_iter(text) {
        let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
        while let Some(first) = words.first() {
            let lower = first.to_lowercase();
            if is_stop(lower.trim_end_matches([',', '.', '!', '’', '\''])) {
                words.remove(0);
            } else {
                break;
            }
        }
        while let Some(last) = words.last() {
            if matches!(*last, "&" | "and" | "of" | "de" | "du" | "und") {
                words.pop();
            } else {
                break;
            }
        }
        let mut phrase = words.join(" ");
        // "Ferrowind. We've": a sentence ends inside; "Brewing Co. loved" does not.
        let mut cut = None;
        for (i, _) in phrase.match_indices(". ") {
            let before = phrase[..i].rsplit(' ').next().unwrap_or("");
            if !matches!(
                before,
                "Co" | "Ltd"
                    | "Inc"
                    | "Pte"
                    | "Pvt"
                    | "St"
                    | "Dr"
                    | "Mr"
                    | "Ms"
                    | "Corp"
                    | "S.p.A"
                    | "Sr"
                    | "Jr"
            ) {
                cut = Some(i);
                break;
            }
        }
        // What follows the sentence's end is a phrase of its own ("PT. Quenby Labs looks…").
        let mut next = None;
        if let Some(i) = cut {
            next = Some(phrase[i + 2..].to_owned());
            phrase.truncate(i);
        }
        for phrase in std::iter::once(phrase).chain(next) {
            let phrase = phrase.trim_end_matches(['.', ',', '\'', '’']).to_owned();
            if phrase.chars().count() >= 3
                && !phrase
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
            {
                out.push((m.start(), phrase));
            }
        }
    }
    out
}

/// The name in `texts` whose letters match `label` (an address's domain) best; the longest such.
pub fn by_domain(texts: &[&str], label: &str) -> Option<(String, String)> {
    let mut best: Option<(usize, String, String)> = None;
    for text in texts {
        for line in text.lines() {
            for (_, phrase) in phrases(line) {
                // "Kaveri Fintech Solutions Pvt Ltd": compare without the legal form.
                let name = strip_legal(&phrase);
                // "Asociación Andina para la Educación Rural (AAER)" for aaer-peru.org: the
                // short form the name is given with spells the address.
                // (Only on lines a person writes: finding each phrase again is quadratic.)
                let short = (line.len() < 2000)
                    .then(|| line.find(phrase.as_str()))
                    .flatten()
                    .map(|i| &line[i + phrase.len()..])
                    .and_then(|rest| rest.strip_prefix(" ("))
                    .and_then(|rest| rest.split_once(')'))
                    .filter(|(inner, _)| {
                        (3..=8).contains(&inner.len())
                            && inner.chars().all(|c| c.is_ascii_uppercase())
                            && words::initials(&phrase) == words::letters(inner)
                    })
                    .map(|(inner, _)| words::letters(inner))
                    .filter(|l| label.starts_with(l.as_str()));
                let score = if short.is_some() {
                    label.len()
                } else {
                    domain_match(&name, label)
                };
                if score == 0 {
                    continue;
                }
                // Equal matches: the fuller name when what it adds says what kind of
                // organisation it is ("Granite Arc Systems", "Nettlebury Borough Council"), not
                // a building, a team or a job ("Thistlebank House", "Ellerby Graduate Analyst").
                let fuller = |long: &str, short: &str| {
                    long.len() > short.len()
                        && long.starts_with(short)
                        && says_kind(long[short.len()..].split_whitespace())
                };
                let better = match &best {
                    None => true,
                    Some((s, n, _)) => {
                        // "University of Eastbridge": the kind of body comes first.
                        let kind_first = |n: &str| {
                            let l = words::letters(n);
                            l.len() > label.len() && l.ends_with(label)
                        };
                        let (mine, theirs) = (
                            org_tail(&name, score) || kind_first(&name),
                            org_tail(n, score) || kind_first(n),
                        );
                        let (here, there) = (
                            !kind_first(&name) && an_address(&name, score),
                            !kind_first(n) && an_address(n, *s),
                        );
                        // "University of Pellworth" over the bare town the address spells.
                        let (body_here, body_there) = (
                            kind_first(&name) && words::letters(n) == label,
                            kind_first(n) && words::letters(&name) == label,
                        );
                        // "Bellbird Creek Road", "Wexcombe WX2 5HN": where it is, not who.
                        if here != there {
                            there
                        } else if body_here || body_there {
                            body_here
                        } else {
                            score > *s
                                || score == *s
                                    && (mine && !theirs
                                        || mine == theirs
                                            && (fuller(&name, n)
                                                || name.len() < n.len() && !fuller(n, &name)))
                        }
                    }
                };
                if better {
                    best = Some((score, name, line.trim().to_owned()));
                }
            }
        }
    }
    best.map(|(_, n, l)| (n, l))
}

static CLIENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:'s|’s)?\s+(?:would like|wants|want|has|have|is|are|loved|liked|reviewed|came back|can do|can't|cannot|'d like|’d like|'re|’re|were|confirmed|wil|wil graag|möchte|vill|quiere|quer|confirmó|confirmou|a confirmé|hat bestätigt|heeft bevestigd)\b").unwrap()
});
static CLIENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:helping|help|at|with|to|spoken to|spoke to|spoken with|is it|joining|for|client,?|clients?:|retained by|engaged by|mandated by|voor|bij|hos|för|bei|für|chez|pour|para)\s*$").unwrap()
});

/// The client an agency names, if any.
pub fn client(texts: &[&str], agency: &str, exclude: &[&str]) -> Option<(String, String)> {
    let agency_letters = words::letters(agency);
    let excluded: Vec<String> = exclude.iter().map(|e| words::letters(e)).collect();
    let ok = |p: &str| {
        let l = words::letters(p);
        let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
        !l.is_empty()
            && !agency_letters.starts_with(&l[..l.len().min(agency_letters.len())])
            && !excluded
                .iter()
                .any(|e| !e.is_empty() && (e.contains(&l) || l.contains(e.as_str())))
            && !is_role(p)
            && !words::is_title(p)
            && !is_agency(p)
            && !words::is_place(p)
            && !is_stop(&first)
            && p.split_whitespace()
                .last()
                .is_none_or(|w| w.chars().count() != 1)
    };
    for text in texts {
        for line in text.lines() {
            let lower = line.trim_start().to_lowercase();
            if ["hi ", "hello", "dear", "hey", "morning", "bonjour", "hej"]
                .iter()
                .any(|g| lower.starts_with(g))
                && line.len() < 40
            {
                continue;
            }
            for (at, phrase) in phrases(line) {
                if !ok(&phrase) {
                    continue;
                }
                let after = &line[at..];
                let after = after.get(phrase.len()..).unwrap_or("");
                let before = &line[..at];
                let two_words = phrase.split_whitespace().count() >= 2;
                // "Package is strong": one capitalised word opening its sentence, then "is", is
                // any sentence's subject, not a client named.
                let opens_sentence = before.trim_end().is_empty()
                    || before
                        .trim_end()
                        .ends_with(['.', '!', '?', ':', '-', '–', '•']);
                let is_only = after.trim_start().starts_with("is ")
                    || after.trim_start().starts_with("are ")
                    || after.trim_start().starts_with("were ");
                if !two_words && opens_sentence && is_only {
                    continue;
                }
                // "with Rhiannon Price (Associate Director, Water)": a person and their title.
                let titled = after
                    .trim_start()
                    .strip_prefix('(')
                    .and_then(|a| a.split_once(')'))
                    .is_some_and(|(inner, _)| words::is_title(inner));
                if titled {
                    continue;
                }
                if CLIENT_VERB.is_match(after) || (two_words && CLIENT_BEFORE.is_match(before)) {
                    return Some((strip_legal(&phrase), line.trim().to_owned()));
                }
            }
        }
    }
    None
}

/// Subject segments: "Beaumaris Hotels – Group Financial Controller – interview confirmed".
pub fn subject_parts(subject: &str) -> Vec<String> {
    let mut s = subject.trim();
    loop {
        let lower = s.to_lowercase();
        let cut = ["re:", "fwd:", "fw:", "aw:", "tr:"]
            .iter()
            .find(|p| lower.starts_with(*p));
        match cut {
            Some(p) => s = s[p.len()..].trim_start(),
            None => break,
        }
    }
    // "Baobab Agritech <> Wambui: …": a scheduling tool's two sides.
    s.split([':', '|', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split("<>"))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
