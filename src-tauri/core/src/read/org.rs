//! The hiring company and the role. The company is the one the writer's address belongs to
//! (its letters match a name in the message), a platform's "at Company", an invite's summary, or
//! the signature; when the writer is an agency, the client it names ("Tembusu Logistics has
//! reviewed your profile", a subject line "Beaumaris Hotels – Group Financial Controller"), and
//! the agency itself when the client is unnamed. The role is what the message calls the job.

use std::sync::LazyLock;

use regex::Regex;

use super::words::{self, domain_match, is_agency, is_role, strip_legal};

/// A capitalised name: "Brackenfold Systems", "Lindqvist & Haber GmbH", "Corvane Énergie".
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}\p{N}'’./-]*(?:(?: & | of | de | du | und | )(?:\p{Lu}|\d)[\p{L}\p{N}'’./-]*)*").unwrap()
});

/// Words that start a sentence or name no company.
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
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

fn phrases(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for m in PHRASE.find_iter(text) {
        let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
        while let Some(first) = words.first() {
            let lower = first.to_lowercase();
            if STOP.contains(&lower.trim_end_matches([',', '.', '!', '’', '\''])) {
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
        if let Some(i) = cut {
            phrase.truncate(i);
        }
        let phrase = phrase.trim_end_matches(['.', ',', '\'', '’']).to_owned();
        if phrase.chars().count() >= 3
            && !phrase
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            out.push((m.start(), phrase));
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
                let score = domain_match(&name, label);
                if score == 0 {
                    continue;
                }
                let better = match &best {
                    None => true,
                    Some((s, n, _)) => score > *s || (score == *s && name.len() < n.len()),
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
    Regex::new(r"^(?:'s|’s)?\s+(?:would like|wants|want|has|have|is|are|loved|liked|reviewed|came back|can do|can't|cannot|'d like|’d like|'re|’re|were)\b").unwrap()
});
static CLIENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:helping|help|at|with|to|spoken to|spoke to|spoken with|is it|joining|for|client,?|clients?:)\s*$").unwrap()
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
            && !STOP.contains(&first.as_str())
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
    s.split([':', '|', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

static INTERVIEW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(interview(?:s|ing)?|confirmation|confirmed|invitation|invite|request|scheduled|schedule|slots?|availability|next steps|opportunity|final round|round \d|onsite|on-site|withdraw\w*|cancel\w*|declin\w*|not proceeding|not interested|regret|can't make it|conflict\b.*|entretien|entrevista|entrevue|vorstellungsgespräch|einladung|sollicitatiegesprek|your application|application|booked|change of time|let's talk|first|technical|panel|phone|video|call|chat|via|calendar|times?|choose your|quick)\b").unwrap()
});

/// A role named in a subject part ("Product Designer role at Lumenvale").
pub fn subject_role(part: &str) -> Option<String> {
    clean_role(&strip_interview_words(part)).or_else(|| {
        let s = strip_interview_words(part);
        let s = s.trim_end_matches(" role").trim_end_matches(" position");
        clean_role(s)
    })
}

/// A subject part with the interview words taken out, if a name is left.
pub fn strip_interview_words(part: &str) -> String {
    let s = INTERVIEW_WORDS.replace_all(part, "");
    let s = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '(')
        .trim();
    let s = s
        .strip_prefix("for ")
        .or_else(|| s.strip_prefix("at "))
        .or_else(|| s.strip_prefix("with "))
        .unwrap_or(s);
    let s = s
        .strip_suffix(" for")
        .or_else(|| s.strip_suffix(" at"))
        .or_else(|| s.strip_suffix(" with"))
        .unwrap_or(s);
    s.trim().to_owned()
}

static ROLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^\s*(?:position|role|poste|stelle|post|job title|job|vacancy)\s*:\s*(.{2,90}?)\s*$",
    )
    .unwrap()
});
static ROLE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:for|to|about|on|in|into|from|with) (?:the|our|this|their|your|a|an|my) ([^.;:!?\n]{2,80}?) (?:position|role|vacancy|post|opening|opportunity|job|seat|process|search|loop|panel|interview|profile|team|vacancies|application|candidacy|req)\b").unwrap()
});
static ROLE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:position|role|post|vacancy|poste|posición|puesto|profile|opening) (?:of|de|as|for) ([^,.;:!?\n]{2,80})").unwrap()
});
static ROLE_ALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bals ([^,.;:!?\n]{2,60}?) bei\b").unwrap());
static ROLE_HIRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:hiring|recruiting for|looking for|find|hire|recruit|opening for|interview for|interview you for|invited you to interview for|bring you in for|move you forward to|opening on our|opening in our)(?: the role of| the position of)?:?\s+(?:a |an |the |our )?([^,.;:!?\n]{2,80})").unwrap()
});
static ROLE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an|our|your|the) ([^,.;:!?\n]{2,60}?) (?:opening|vacancy|post|position|role)\b").unwrap()
});
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r" (?:at|with|in|for|to|on|and|who|which|that|chez|bei|en|où|para|within|based|near|from|whose|is|are|was|has|–|-|—|·|\|) ").unwrap()
});

fn clean_role(raw: &str) -> Option<String> {
    static REF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\s*\((?:ref|req|job|id)\b[^)]*\)").unwrap());
    let mut s = REF.replace_all(raw.trim(), "").into_owned();
    for marker in [
        " of our ",
        " of the ",
        " for the ",
        " for our ",
        " to the ",
        "the role of ",
        "the position of ",
    ] {
        if let Some(i) = s.rfind(marker) {
            s = s[i + marker.len()..].to_owned();
        }
    }
    if let Some(m) = CUT.find(&s) {
        s.truncate(m.start());
    }
    let s = s.trim().trim_end_matches([',', '.', ':', ';', '!']).trim();
    let s = s.strip_prefix("the ").unwrap_or(s);
    (is_role(s) && s.split_whitespace().count() <= 9).then(|| s.to_owned())
}

/// The role in `texts` (in order of trust), with the text it came from.
pub fn role(texts: &[&str]) -> Option<(String, String)> {
    let patterns: [&LazyLock<Regex>; 6] = [
        &ROLE_LABEL,
        &ROLE_SUFFIX,
        &ROLE_OF,
        &ROLE_ALS,
        &ROLE_HIRING,
        &ROLE_OPENING,
    ];
    for pattern in patterns {
        for text in texts {
            for c in pattern.captures_iter(text) {
                let raw = &c[1];
                // "interview for:\n\nCustomer Success Manager" (a platform's card).
                let raw = if raw.trim().is_empty() { continue } else { raw };
                if let Some(r) = clean_role(raw) {
                    return Some((r, c[0].trim().to_owned()));
                }
            }
        }
    }
    None
}

/// A role on the line after "interview for:" (platform cards).
pub fn role_after_colon(text: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, l) in lines.iter().enumerate() {
        let lower = l.to_lowercase();
        if lower.ends_with("interview for:") || lower.ends_with("interview you for:") {
            if let Some(next) = lines[i + 1..].iter().find(|l| !l.is_empty()) {
                let (r, _) = next.split_once(" – ").unwrap_or((next, ""));
                if is_role(r) {
                    return Some((r.trim().to_owned(), format!("{l} {next}")));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_companies() {
        assert_eq!(
            role(&["I'm pleased to confirm your first-round technical interview for the Backend Engineer (Platform) position at Brackenfold Systems."]).unwrap().0,
            "Backend Engineer (Platform)"
        );
        assert_eq!(
            role(&["pour le poste de Responsable e-commerce chez Maison Berthelot."])
                .unwrap()
                .0,
            "Responsable e-commerce"
        );
        assert_eq!(
            by_domain(
                &["Thanks for applying to Kaveri Fintech Solutions Pvt Ltd."],
                "kaverifintech"
            )
            .unwrap()
            .0,
            "Kaveri Fintech Solutions"
        );
        assert_eq!(
            client(
                &["Good news! Pallasite Cloud have come back on your profile"],
                "Kilnworth Talent",
                &[]
            )
            .unwrap()
            .0,
            "Pallasite Cloud"
        );
        assert!(client(
            &["my client, a leading specialist insurer in the City, would like to meet you"],
            "Greyfriars Search Partners",
            &[]
        )
        .is_none());
    }
}
