//! Who wrote: the signature under the new content (name, title, company, address), a pasted
//! LinkedIn header, a platform's "Name, Title at Company has invited you", an invite's organizer.
//! The contact is the writer; a no-reply address is never a contact's address.

use std::sync::LazyLock;

use regex::Regex;

use super::input::{Doc, Person};
use super::words::{self, is_title, person_name};

mod signature;

pub(super) use signature::EMAIL;
pub use signature::{
    is_department, is_signoff, latin_form, signature, split_headline, split_title, tidy_title,
    Signature,
};

/// A person's name as a platform or a signature writes it: two or three capitalised words.
const PERSON: &str = r"(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2})";
/// What a platform says the person did: "has invited", "has proposed", "wants"…
const PLATFORM_VERB: &str = r"(?:has invited|would like|wants|invited|has proposed|proposed|has scheduled|scheduled|has booked)";
/// The person's address in brackets after their name and title.
const ADDRESS_IN_BRACKETS: &str = r"\(([^)\s]+@[^)\s]+)\)";

static PLATFORM_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{PERSON},[ \t]+([^,\n]{{2,60}}?) at ([^,\n]{{2,60}}?),? {PLATFORM_VERB}"
    ))
    .unwrap()
});
static PLATFORM_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{PERSON} \(([^,()\n]{{2,60}}), ([^()\n]{{2,60}})\) {PLATFORM_VERB}"
    ))
    .unwrap()
});
static RECRUITER_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:recruiter|contact|point of contact)[^.\n]{{0,30}}? is {PERSON},\s+([^(\n]{{2,60}}?)\s*{ADDRESS_IN_BRACKETS}"
    ))
    .unwrap()
});
/// "Your recruiter: Dmitri Vasquez (dmitri.vasquez@quenbylabs.com)".
static RECRUITER_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:your recruiter|recruiter|your contact|point of contact)\s*:\s*{PERSON}(?:,\s+([^(\n]{{2,60}}?))?\s*{ADDRESS_IN_BRACKETS}"
    ))
    .unwrap()
});
/// "Ashlyn Park from Tidewater Games has scheduled the following event with you."
static FROM_HAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{PERSON} from (\p{{Lu}}[^,\n]{{1,60}}?) (?:has|have) (?:scheduled|invited|proposed|booked)"
    )).unwrap()
});
static MESSAGE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)^Message from:\s*{PERSON},\s*(.{{2,60}})$")).unwrap()
});
static SUBJECT_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{PERSON} from (.{{2,60}}?)(?: wants| would|:)")).unwrap()
});

/// "Hey Marta, it's Joel from Saltmarsh": the writer introduces themself and their company.
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Ii]t's|[Ii]t is|[Tt]his is|I'm|I am) (\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?) (?:from|at|with|over at) (\p{Lu}[\p{L}&'-]*(?: (?:&|\p{Lu}[\p{L}&'-]*)){0,3})").unwrap()
});

/// A contact as found, with the text each part came from.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Name, and where it came from.
    pub name: Option<(String, String)>,
    /// Address, and where it came from.
    pub email: Option<(String, String)>,
    /// Title, and where it came from.
    pub title: Option<(String, String)>,
    /// The writer's company, as their signature or headline gives it.
    pub company: Option<(String, String)>,
    /// The company came from its own line under the signature's title.
    pub company_own_line: bool,
}

fn usable(email: &str, doc: &Doc) -> bool {
    !words::is_no_reply(email)
        && !words::is_platform(email)
        && !words::is_shared_mailbox(email)
        && doc.to.as_ref().and_then(|t| t.email.as_deref()) != Some(email)
}

fn person_like(name: &str) -> bool {
    let name = name.trim_end_matches(" via LinkedIn");
    person_name(name).is_some_and(|n| n.split_whitespace().count() >= 2)
}

/// The writer of `doc` (for an invite, the organizer).
pub fn contact(doc: &Doc, body: &str, sig: &Signature) -> Found {
    let mut found = Found::default();
    if doc.format == super::input::Format::Ics {
        if let Some(event) = doc.events.first() {
            if let Some(org) = &event.organizer {
                let line = format!("ORGANIZER: {}", org.name.clone().unwrap_or_default());
                if let Some(n) = &org.name {
                    // "Imhof Katrin" as a directory lists her, "Katrin Imhof" as she signs the
                    // description: as she signs.
                    let swapped = n
                        .split_once(' ')
                        .filter(|(_, first)| !first.contains(' ') && !n.contains(','))
                        .map(|(last, first)| format!("{first} {last}"))
                        .filter(|s| {
                            // The whole name, not "Lee Sam" inside "Lee Samuels".
                            let d = event.description.as_str();
                            let whole = |name: &str| {
                                d.match_indices(name).any(|(i, m)| {
                                    let before = d[..i].chars().next_back();
                                    let after = d[i + m.len()..].chars().next();
                                    !before.is_some_and(char::is_alphanumeric)
                                        && !after.is_some_and(char::is_alphanumeric)
                                })
                            };
                            whole(s) && !whole(n)
                        });
                    let n = swapped.as_ref().unwrap_or(n);
                    // "Ng, Jessica" as a directory lists her.
                    found.name = Some((plain_name(n), line.clone()));
                    // The title on the line under the name (the organizer signing) first: a
                    // list of the panel says less ("Goh Wei Ling, Talent Acquisition
                    // (observer)").
                    if let Some((title, text)) = title_after_name_line(&event.description, n)
                        .or_else(|| title_near_name(&event.description, n))
                    {
                        found.title = Some((title, text));
                    } else {
                        // The organizer signs the description ("Marcus Bell | Recruiting
                        // Coordinator", or the title on the line under the name).
                        let sig = signature(&event.description);
                        let same = sig.name.as_deref().is_some_and(|s| {
                            n.starts_with(s) || s.starts_with(n.as_str()) || same_words(s, n)
                        });
                        // "Goh Wei Ling" in the calendar signs "Wei Ling Goh": as signed.
                        if let Some(s) = sig.name.as_deref().filter(|s| same_words(s, n)) {
                            found.name = Some((plain_name(s), sig.text.clone()));
                        }
                        found.title = match (same, sig.title) {
                            (true, Some(t)) => Some((t, sig.text.clone())),
                            _ => title_after_name_line(&event.description, n),
                        };
                    }
                }
                if let Some(e) = org.email.as_deref().filter(|e| !words::is_no_reply(e)) {
                    found.email = Some((e.to_owned(), line));
                }
            }
        }
        return found;
    }
    // Platform notifications name the person in the text (in bold, from HTML: "**Ashlyn Park**").
    let subject = doc.subject.as_deref().unwrap_or("");
    let plain = body.replace("**", "");
    let body = plain.as_str();
    for text in [body, subject] {
        // "Hello Aisha, I'm pleased … the team at Fennick Labs would like": a greeting, no card.
        let card = |c: &regex::Captures| person_name(&c[1]).is_some() && is_title(&c[2]);
        if let Some(c) = PLATFORM_AT.captures_iter(text).find(card) {
            found.name = Some((c[1].to_owned(), c[0].to_owned()));
            found.title = Some((tidy_title(&c[2]), c[0].to_owned()));
            found.company = Some((c[3].trim().to_owned(), c[0].to_owned()));
            break;
        }
        if let Some(c) = PLATFORM_PAREN.captures_iter(text).find(card) {
            found.name = Some((c[1].to_owned(), c[0].to_owned()));
            found.title = Some((tidy_title(&c[2]), c[0].to_owned()));
            found.company = Some((c[3].trim().to_owned(), c[0].to_owned()));
            break;
        }
    }
    if let Some(c) = RECRUITER_IS.captures(body) {
        found.name = Some((c[1].to_owned(), c[0].to_owned()));
        found.title = Some((tidy_title(&c[2]), c[0].to_owned()));
        found.email = Some((c[3].to_lowercase(), c[0].to_owned()));
    }
    if found.name.is_none() {
        if let Some(c) = RECRUITER_COLON
            .captures(body)
            .filter(|c| person_name(&c[1]).is_some())
        {
            found.name = Some((c[1].to_owned(), c[0].to_owned()));
            if let Some(t) = c.get(2).filter(|t| is_title(t.as_str())) {
                found.title = Some((tidy_title(t.as_str()), c[0].to_owned()));
            }
            found.email = Some((c[3].to_lowercase(), c[0].to_owned()));
        } else if let Some(c) = FROM_HAS
            .captures(body)
            .filter(|c| person_name(&c[1]).is_some())
        {
            found.name = Some((c[1].to_owned(), c[0].to_owned()));
            found.company = Some((c[2].trim().to_owned(), c[0].to_owned()));
        }
    }
    if let Some(c) = MESSAGE_FROM.captures(body) {
        found.name = Some((c[1].to_owned(), c[0].to_owned()));
        found.title = Some((tidy_title(&c[2]), c[0].to_owned()));
    }
    if found.name.is_none() {
        if let Some(c) = SUBJECT_FROM.captures(subject) {
            found.name = Some((c[1].to_owned(), subject.to_owned()));
            found.company = Some((c[2].trim().to_owned(), subject.to_owned()));
        }
    }
    // A tool's mail that sends questions to a person: "Write to Ananya at ananya.iyer@…", the
    // person named in full elsewhere with their title ("Ananya Iyer (Senior Talent Acquisition
    // Specialist)").
    let from_nobody = doc.from.as_ref().is_none_or(|f| {
        f.email
            .as_deref()
            .is_some_and(|e| words::is_no_reply(e) || words::is_platform(e))
            || f.name.as_deref().is_none_or(|n| !person_like(n))
    });
    if found.name.is_none() && from_nobody {
        static WRITE_TO: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"(?i:write|reach out|e-?mail|contact|reply)\s+(?i:to\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+(?i:at|on|via)\s+[\[<(]?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
                .expect("valid")
        });
        if let Some(c) = WRITE_TO.captures(body).filter(|c| {
            person_name(&c[1]).is_some()
                && !words::is_no_reply(&c[2])
                && !words::is_shared_mailbox(&c[2])
        }) {
            let given = c[1].to_owned();
            let full = fuller_name(&given, &[body]).unwrap_or(given);
            found.title = title_near_name(body, &full);
            found.email = Some((c[2].to_lowercase(), c[0].to_owned()));
            found.name = Some((full, c[0].to_owned()));
        }
    }
    let intro = INTRO
        .captures(body)
        .filter(|c| person_name(&c[1]).is_some());
    // The header: From, or Reply-To when From is a shared mailbox.
    let from = doc.from.clone().unwrap_or_default();
    let header_name = from
        .name
        .as_deref()
        .map(|n| n.trim_end_matches(" via LinkedIn").to_owned())
        .filter(|n| person_like(n));
    let reply_to = doc.reply_to.as_ref().filter(|r| {
        r.name.as_deref().is_some_and(person_like)
            && r.email.as_deref().is_some_and(|e| usable(e, doc))
    });
    let from_line = format!(
        "From: {}{}",
        from.name.clone().unwrap_or_default(),
        from.email
            .as_ref()
            .map(|e| format!(" <{e}>"))
            .unwrap_or_default()
    );
    if found.name.is_none() {
        let signed = sig.name.clone();
        let profile = doc.profile.as_ref().map(|p| p.0.clone());
        let name = match (&header_name, &signed) {
            (Some(h), Some(s)) if h.starts_with(s.as_str()) || s.starts_with(h.as_str()) => Some((
                if h.len() >= s.len() {
                    h.clone()
                } else {
                    s.clone()
                },
                from_line.clone(),
            )),
            (Some(h), _) => Some((h.clone(), from_line.clone())),
            (None, Some(s)) => match (&profile, reply_to) {
                (Some(p), _) if p.starts_with(s.as_str()) => Some((p.clone(), p.clone())),
                (_, Some(r)) if r.name.as_deref().is_some_and(|n| n.starts_with(s.as_str())) => {
                    Some((r.name.clone().unwrap_or_default(), sig.text.clone()))
                }
                _ => Some((s.clone(), sig.text.clone())),
            },
            (None, None) => profile
                .map(|p| (p.clone(), p))
                .or_else(|| intro.as_ref().map(|c| (c[1].to_owned(), c[0].to_owned()))),
        };
        found.name = name;
    }
    if found.email.is_none() {
        let name = found.name.as_ref().map(|n| n.0.clone()).unwrap_or_default();
        let candidates = [
            reply_to
                .and_then(|r| r.email.clone())
                .map(|e| (e, "Reply-To".to_owned())),
            from.email.clone().map(|e| (e, from_line.clone())),
            sig.email.clone().map(|e| (e, sig.text.clone())),
        ];
        found.email = candidates
            .into_iter()
            .flatten()
            .find(|(e, _)| usable(e, doc));
        if found.email.is_none() && !name.is_empty() {
            // "contact Ines directly at ines.carvalho@…": an address that carries the name.
            let parts: Vec<String> = name
                .split_whitespace()
                .map(words::letters)
                .filter(|p| p.len() >= 3)
                .collect();
            for m in EMAIL.find_iter(body) {
                let e = m.as_str().to_lowercase();
                let local = words::letters(e.split('@').next().unwrap_or(""));
                if usable(&e, doc) && parts.iter().any(|p| local.contains(p.as_str())) {
                    found.email = Some((e, line_of(body, m.start())));
                    break;
                }
            }
        }
        if found.email.is_none() && !name.is_empty() {
            // The user's quoted message went "To: Georgia Pappas <georgia.pappas@…>".
            static QUOTED_TO: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(
                    r#"(?m)^[\s>*]*(?:To|An|À|A|Para|Aan|Till|Til|Do):\**\s*"?([^<\n"]+?)"?\s*<([^>\s]+@[^>\s]+)>"#,
                )
                .unwrap()
            });
            let plain = plain_name(&name);
            found.email = QUOTED_TO.captures_iter(&doc.quoted).find_map(|c| {
                let to = plain_name(c[1].trim());
                let e = c[2].to_lowercase();
                ((to == plain || same_words(&to, &plain)) && usable(&e, doc))
                    .then(|| (e, c[0].trim().to_owned()))
            });
        }
    }
    if found.title.is_none() {
        let name = found.name.as_ref().map(|n| n.0.clone());
        let sig_matches = match (&name, &sig.name) {
            // "Dr Helen Ashworth" signs for "Helen Ashworth".
            (Some(n), Some(s)) => {
                let s = plain_name(s);
                n.starts_with(s.as_str()) || s.starts_with(n.as_str())
            }
            _ => sig.name.is_some(),
        };
        if let (true, Some(t)) = (sig_matches, &sig.title) {
            found.title = Some((t.clone(), sig.text.clone()));
        } else if let Some((_, Some(headline))) = &doc.profile {
            let (t, _) = split_headline(headline);
            if is_title(&t) {
                found.title = Some((tidy_title(&t), headline.clone()));
            }
        } else if let Some(n) = &name {
            if let Some(t) = title_after_name_line(body, n) {
                found.title = Some(t);
            }
        }
    }
    // Signed with a first name only; their full signature is in their own earlier mail that
    // the reply quotes ("Lena Marchetti (she/her)" / "Senior Recruiter | Cobalt Bridge RPO").
    if found.title.is_none() && doc.quoted.len() < 50_000 {
        if let Some(n) = found.name.as_ref().map(|n| n.0.clone()) {
            found.title = title_after_name_line(&doc.quoted, &n);
        }
    }
    if found.company.is_none() {
        if let Some((_, Some(headline))) = &doc.profile {
            if let (_, Some(c)) = split_headline(headline) {
                found.company = Some((c, headline.clone()));
                // "Senior Recruiter at Fernhollow": a headline's company, even one word.
                found.company_own_line = true;
            }
        }
    }
    if found.company.is_none() {
        if let Some(c) = &sig.company {
            found.company = Some((c.clone(), sig.text.clone()));
            found.company_own_line = sig.company_own_line;
        }
    }
    if found.company.is_none() {
        if let Some(c) = &intro {
            found.company = Some((c[2].to_owned(), c[0].to_owned()));
            found.company_own_line = true;
        }
    }
    if let Some((n, why)) = found.name.take() {
        let n = plain_name(&n);
        // Signed "Priya", named "Priya Raman" on the card or elsewhere: the full name.
        // Signed "Aisyah" under the card of "Nurul Aisyah Binti Rahman": the card's name has it
        // among its words.
        let card = doc
            .profile
            .as_ref()
            .map(|(p, _)| p.clone())
            .filter(|p| p.contains(' ') && p.split_whitespace().any(|w| w == n));
        let fuller = (!n.contains(' ') && n.chars().count() >= 2)
            .then(|| card.or_else(|| fuller_name(&n, &[body, &doc.body])))
            .flatten();
        found.name = Some(match fuller {
            Some(full) => (full.clone(), full),
            None => (n, why),
        });
    }
    found
}

/// The first "Given Family" in `texts` that starts with the one-word `given` name.
fn fuller_name(given: &str, texts: &[&str]) -> Option<String> {
    let pattern = format!(
        r"\b{}((?: \p{{Lu}}[\p{{L}}'’-]+){{1,2}})\b",
        regex::escape(given)
    );
    let re = regex::Regex::new(&pattern).ok()?;
    texts.iter().find_map(|t| {
        re.captures_iter(t).find_map(|c| {
            let full = format!("{given}{}", &c[1]);
            words::person_name(&full)
                .filter(|p| p == &full && !is_title(&full) && !words::is_place(&full))
        })
    })
}

/// The same words in another order ("Goh Wei Ling", "Wei Ling Goh").
fn same_words(a: &str, b: &str) -> bool {
    let mut x: Vec<&str> = a.split_whitespace().collect();
    let mut y: Vec<&str> = b.split_whitespace().collect();
    x.sort_unstable();
    y.sort_unstable();
    x.len() >= 2 && x == y
}

/// A name as people write it to each other: no honorific ("Dr. Katrin Schäfer"), given name
/// first ("Ng, Jessica" as a directory lists it).
pub(super) fn plain_name(name: &str) -> String {
    let mut n = name.trim();
    if let Some(latin) = latin_form(n) {
        return latin.to_owned();
    }
    // "Liam Foster (Bluegum Software)": a display name with the company after it.
    if let Some((head, _)) = n.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
        if head.split_whitespace().count() >= 2 {
            n = head.trim();
        }
    }
    for title in [
        "Dr. ", "Dr ", "Prof. ", "Prof ", "Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms ",
        // Spanish and Portuguese degrees written as titles: "Lic. Mariana Olvera".
        "Lic. ", "Lic ", "Ing. ", "Mtro. ", "Mtra. ", "Dra. ", "Arq. ", "Sra. ", "Sr. ",
    ] {
        if let Some(rest) = n.strip_prefix(title) {
            if rest.split_whitespace().count() >= 2 {
                n = rest.trim();
            }
            break;
        }
    }
    if let Some((last, first)) = n.split_once(", ") {
        let one_word = |w: &str| {
            !w.is_empty() && !w.contains(' ') && w.chars().next().is_some_and(char::is_uppercase)
        };
        if one_word(last.trim())
            && first.split_whitespace().count() <= 2
            && one_word(first.split_whitespace().next().unwrap_or(""))
        {
            return format!("{} {}", first.trim(), last.trim());
        }
    }
    n.to_owned()
}

fn line_of(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].trim().to_owned()
}

/// "Dominic Reyes (Research Manager)", "Contact: Chidinma Eze, Talent Acquisition Officer",
/// "Katrin Vogel – Engineering Manager", "Hemi Parata | Recruitment Partner | Tussock Health":
/// the first place the name is followed by a title.
fn title_near_name(text: &str, name: &str) -> Option<(String, String)> {
    text.match_indices(name).find_map(|(at, _)| {
        let rest = &text[at + name.len()..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let title = if let Some(r) = rest.strip_prefix(" (") {
            r.split(')').next()?
        } else if let Some(r) = rest.strip_prefix(", ") {
            r.split(['.', ';', ')']).next()?
        } else if let Some(r) = rest.strip_prefix(" | ") {
            r.split(" | ").next()?
        } else {
            [" – ", " - ", " — "]
                .iter()
                .find_map(|d| rest.strip_prefix(d))?
        };
        let title = title.split(", ").next().unwrap_or(title).trim();
        // "Siobhán Gallagher, Conor Walsh (Design Lead)": the next person, not a title.
        let next_person = title
            .split(" (")
            .next()
            .and_then(words::person_name)
            .is_some_and(|p| !is_title(&p));
        (is_title(title) && !next_person).then(|| {
            (
                tidy_title(title),
                // (Up to the title's end: the separator before it may be longer than a byte.)
                format!(
                    "{name}{}",
                    &rest[..rest.find(title).map_or(rest.len(), |i| i + title.len())]
                ),
            )
        })
    })
}

/// A line that is the contact's name, followed by a title line ("Greta Solberg" / "Talent
/// Acquisition Partner at Nordvik Insight").
fn title_after_name_line(body: &str, name: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    // "Lena Marchetti (she/her)": the name with pronouns after it.
    let k = lines.iter().position(|l| {
        *l == name
            || l.strip_prefix(name)
                .and_then(|rest| rest.trim().strip_prefix('('))
                .is_some_and(|rest| rest.contains('/') && rest.ends_with(')') && rest.len() < 16)
    })?;
    let next = lines.get(k + 1)?;
    let (t, _) = split_title(next, false);
    // "Director, Computational Biology": a rank keeps its field.
    let t = match words::names_only_a_rank(&t) && is_title(next) {
        true => next.to_string(),
        false => t,
    };
    is_title(&t).then(|| (tidy_title(&t), next.to_string()))
}

#[allow(dead_code)]
fn _person(p: &Person) -> &Person {
    p
}

#[cfg(test)]
mod tests;
