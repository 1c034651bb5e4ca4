//! The role: what the message calls the job ("Position: …", "for the … role", "position of …",
//! "als … bei", "hiring a …", a platform card, a subject part); it must contain a job word.

use std::sync::LazyLock;

use regex::Regex;

use super::super::words::is_role;

static INTERVIEW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(interview(?:s|ing)?\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|interview(?:s|ing)?|\w*intervju(?:u|n)?|reschedul\w*|rearrang\w*|terminverschiebung|terminänderung|neuer termin|ny tid|nieuwe tijd|nuevo horario|novo horário|reprogramaci[oó]n|reagendamento|rozmowa(?: rekrutacyjna| kwalifikacyjna)?|haastattelu|absage|confirmation|confirmed|invitation|invite|request|scheduled|schedule|slots?|availability|next steps|opportunity|final round|round \d|onsite|on-site|withdraw\w*|cancel\w*|declin\w*|not proceeding|not interested|regret|can't make it|conflict\b.*|entretien|entrevista|entrevue|proceso(?: de selecci[oó]n)?|processo(?: di selezione| seletivo)?|vorstellungsgespräch|(?:(?:eerste|tweede|derde|laatste|erstes|zweites|second|segunda|seconda|secondo|final) )?(?:gesprek|gespräch|colloquio|interview)|einladung|uitnodiging(?: voor)?(?: een)?|kennismaking(?:sgesprek)?|inbjudan(?: till)?|invitación(?: a)?|convite(?: para)?|zaproszenie(?: na)?|sollicitatiegesprek|your application|application|(?:ihre |deine )?bewerbung(?: als| für| zum| zur)?|(?:uw |je |jouw )?sollicitatie(?: als| voor)?|candidatura(?: para| a| per)?|candidature(?: au poste de| pour)?|booked|change of time|let's talk|first|technical|panel|phone|video|call|chat|via|calendar|times?|choose your|quick|regarding|reminder|update|follow-up|loop|screening|assessment)\b").unwrap()
});

/// What may follow an interview word at the end of a subject: a person's name in brackets
/// (the candidate's), not a job's.
fn after_is_a_name(rest: &str) -> bool {
    let Some(inner) = rest.trim().strip_prefix('(') else {
        return false;
    };
    let inner = inner.trim_end_matches(')').trim();
    !inner.contains(['(', ')'])
        && !is_role(inner)
        && super::super::words::person_name(inner).is_some()
}

/// A role named in a subject part ("Product Designer role at Lumenvale").
pub fn subject_role(part: &str) -> Option<String> {
    clean_role(&strip_interview_words(part), false).or_else(|| {
        let s = strip_interview_words(part);
        let s = s.trim_end_matches(" role").trim_end_matches(" position");
        clean_role(s, false)
    })
}

/// A subject part with the interview words taken out, if a name is left.
pub fn strip_interview_words(part: &str) -> String {
    // Only at the edges: "Lead Technical Artist" keeps its "Technical", "Technical interview –
    // …" loses it.
    let mut s = part.trim().to_owned();
    loop {
        let before = s.len();
        let edge = INTERVIEW_WORDS.find_iter(&s).find_map(|m| {
            // "… interview (Robin Castell)": the candidate's name goes with the word.
            if after_is_a_name(&s[m.end()..]) {
                return Some(m.start()..s.len());
            }
            let edge = {
                let leading = s[..m.start()]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty();
                // "Technical Artist", "Video Producer": an adjective of an interview only goes
                // with the interview word after it ("Technical interview – …").
                let adjective = matches!(
                    m.as_str().to_lowercase().as_str(),
                    "technical" | "video" | "phone" | "panel" | "first" | "quick"
                );
                let next_is_interview_word = INTERVIEW_WORDS
                    .find(s[m.end()..].trim_start())
                    .is_some_and(|n| n.start() == 0);
                (leading && (!adjective || next_is_interview_word))
                    || s[m.end()..]
                        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
                        .is_empty()
            };
            edge.then(|| m.range())
        });
        if let Some(r) = edge {
            s.replace_range(r, " ");
            s = s.trim().to_owned();
        }
        if s.len() == before {
            break;
        }
    }
    let s = s.as_str();
    let s = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '(')
        .trim();
    let s = s
        .strip_prefix("for ")
        .or_else(|| s.strip_prefix("from "))
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
    Regex::new(r"(?i)\b(?:for|to|about|on|in|into|from|with|of) (?:the|our|this|their|your|a|an|my) ([^.;:!?\n]{2,80}?) (?:position|role|vacancy|post|posting|listing|advert|opening|opportunity|job|seat|spot|process|search|hiring|scope|loop|panel|interviews|interview|profile|team|package|vacancies|application|candidacy|req|hire)\b").unwrap()
});
static ROLE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:position|role|post|vacancy|poste|posición|puesto|profile|opening) (?:of|de|as|for) ([^,.;:!?\n]{2,80})").unwrap()
});
static ROLE_ALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bals ([^,.;:!?\n]{2,60}?) bei\b").unwrap());
static ROLE_HIRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:hiring|recruiting for|recruitment for|looking for|find|hire|recruit|opening for|interview for|application for|applied for|applying for|interview you for|invited you to interview for|bring you in for|move you forward to|opening on our|opening in our)(?: the role of| the position of)?:?\s+(?:a |an |the |our )?([^,.;:!?\n]{2,80})").unwrap()
});
static ROLE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an|our|your|the) ([^,.;:!?\n]{2,60}?) (?:opening|vacancy|post|posting|position|role|spot|search|scope)\b").unwrap()
});
static ROLE_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the )?(?:role|position|job|opening|vacancy|job title|title) (?:is|was|would be)(?: for)?:? (?:a |an |the )?([^,.;:!?\n]{2,80})").unwrap()
});
/// "tomorrow's Data Scientist interview", "Monday's Site Lead call".
static ROLE_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:tomorrow|today|monday|tuesday|wednesday|thursday|friday|next week|this week)(?:'s|’s) ([^,.;:!?\n]{2,60}?) (?:interviews?|call|chat|screen|meeting|panel)\b").unwrap()
});
/// "für die UX Researcher Stelle", "a entrevista para Analytics Engineer".
static ROLE_FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:die|der|den|till|för|om|på|zur) ([^,.;:!?\n]{2,60}?)[ -](?:Stelle|Position|Rolle|tjänsten|tjänst|stillingen|stilling|tjenesten|rollen|positionen)\b|\b(?:entrevista|vaga|processo|puesto|vacante|sollicitatie) (?:para|de|como|voor) (?:a |o |el |la |de )?([^,.;:!?\n]{2,60})").unwrap()
});
/// "the final round for **Frontend Engineer (React)**!": the job in bold (HTML's, as converted).
static ROLE_BOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:for|as|about)(?: the| our| a| an)? \*\*([^*\n]{2,80})\*\*").unwrap()
});
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r" (?:at|with|in|for|to|on|and|who|which|that|chez|bei|en|où|para|da|do|within|based|near|from|whose|is|are|was|has|–|-|—|·|\|) ").unwrap()
});

/// The role in a captured phrase. A phrase that ends at the job's noun ("… in the Senior Network
/// Engineer role", "with our CTO and we can offer you the Lead Frontend Engineer position") names
/// the role after its last article; a phrase that starts at the role ("hiring a Head of Risk
/// Analytics to report into the CRO") names it from its start.
fn clean_role(raw: &str, ends_at_noun: bool) -> Option<String> {
    let after_article = || {
        let at = [
            " the ", " our ", " a ", " an ", " your ", " their ", " this ",
        ]
        .iter()
        .filter_map(|d| raw.rfind(d).map(|i| i + d.len()))
        .max()?;
        clean_role_from(&raw[at..])
    };
    if ends_at_noun {
        // "to our QA manager today and she would like to have a first interview": a long
        // phrase with no role after its last article is a sentence, not a role.
        after_article().or_else(|| {
            (raw.split_whitespace().count() <= 6)
                .then(|| clean_role_from(raw))
                .flatten()
        })
    } else {
        clean_role_from(raw)
    }
}

fn clean_role_from(raw: &str) -> Option<String> {
    static REF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\s*\((?:ref|req|job|id)\b[^)]*\)").unwrap());
    let mut s = REF.replace_all(raw.trim(), "").into_owned();
    for marker in [
        " of our ",
        " of the ",
        " for the ",
        " for our ",
        " to the ",
        " on the ",
        " about the ",
        " with the ",
        " for your ",
        "the role of ",
        "the position of ",
        " für die ",
        " für den ",
    ] {
        if let Some(i) = s.rfind(marker) {
            // "a Store Manager for our new location": what follows is no job, so the role is
            // what came before.
            let after = &s[i + marker.len()..];
            let after_cut = CUT.find(after).map_or(after, |m| &after[..m.start()]);
            let job_after = {
                let a = strip_interview_words(after_cut);
                is_role(a.trim()) && a.split_whitespace().count() <= 6 && !a.contains('(')
            };
            if job_after || !is_role(&s[..i]) {
                s = after.to_owned();
            }
        }
    }
    // "Lecturer in Software Engineering", "… (Associate Professor) in Marine Biology": "in" and
    // a field in capitals belong to the job; "in Berlin", "in our team" do not.
    if let Some(m) = CUT
        .find_iter(&s)
        .find(|m| m.as_str() != " in " || !field_follows(&s[m.end()..]))
    {
        s.truncate(m.start());
    }
    let cut = strip_interview_words(&s);
    let s = cut
        .trim()
        .trim_end_matches([',', '.', ':', ';', '!'])
        .trim();
    let s = without_open_aside(s);
    let s = s.strip_prefix("the ").unwrap_or(s);
    (is_role(s) && s.split_whitespace().count() <= 9).then(|| s.to_owned())
}

/// Whether `rest` (what follows "in") starts with a field of work in capitals that ends the
/// phrase: "Marine Biology", "Data & Analytics, …", "Test at …"; not a place.
fn field_follows(rest: &str) -> bool {
    let head = rest.split([',', ';', '(', '.', '\n']).next().unwrap_or("");
    let end = CUT.find(head).map_or(head.len(), |m| m.start());
    let field = head[..end].trim();
    let words: Vec<&str> = field.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        // Words, not a quarter ("Q3") or a month ("in September").
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '*' | '\''))
                && !super::super::words::is_day_or_month(&w.to_lowercase())
                || matches!(*w, "&" | "and" | "of")
        })
        && !matches!(words.last(), Some(&"&" | &"and" | &"of"))
        && !super::super::words::is_place(field)
        && !super::super::words::is_place(words[0])
}

/// "IT Infrastructure Manager (team of 6", "Leiter/in Medizininformatik (80": an aside cut off
/// on the way (by a sentence's end or a dash inside it), not part of the name.
pub fn without_open_aside(s: &str) -> &str {
    if s.matches('(').count() > s.matches(')').count() {
        if let Some(i) = s.rfind('(') {
            return s[..i].trim_end();
        }
    }
    s
}

/// The role in `texts` (in order of trust), with the text it came from.
pub fn role(texts: &[&str]) -> Option<(String, String)> {
    let patterns: [&LazyLock<Regex>; 10] = [
        &ROLE_LABEL,
        &ROLE_SUFFIX,
        &ROLE_OF,
        &ROLE_ALS,
        &ROLE_HIRING,
        &ROLE_OPENING,
        &ROLE_IS,
        &ROLE_DAYS,
        &ROLE_FOREIGN,
        &ROLE_BOLD,
    ];
    for (k, pattern) in patterns.into_iter().enumerate() {
        let ends_at_noun = k == 1 || k == 5;
        for text in texts {
            // Matches may overlap ("to our QA manager … a first interview with you for the QA
            // Engineer position"): each start is tried.
            let mut at = 0;
            while let Some(c) = pattern.captures_at(text, at) {
                let whole = c.get(0).expect("a match");
                at = whole.start()
                    + text[whole.start()..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                let Some(raw) = c.get(1).or_else(|| c.get(2)) else {
                    continue;
                };
                let raw = raw.as_str();
                // "interview for:\n\nCustomer Success Manager" (a platform's card).
                let raw = if raw.trim().is_empty() { continue } else { raw };
                if let Some(r) = clean_role(raw, ends_at_noun) {
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
