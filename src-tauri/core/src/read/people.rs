//! Who wrote: the signature under the new content (name, title, company, address), a pasted
//! LinkedIn header, a platform's "Name, Title at Company has invited you", an invite's organizer.
//! The contact is the writer; a no-reply address is never a contact's address.

use std::sync::LazyLock;

use regex::Regex;

use super::input::{Doc, Person};
use super::words::{self, is_contact_detail, is_title, person_name};

/// What a signature says.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// The writer's name (the fullest form signed).
    pub name: Option<String>,
    /// Their title.
    pub title: Option<String>,
    /// The company under the title.
    pub company: Option<String>,
    /// An address in the signature.
    pub email: Option<String>,
    /// The lines it was read from.
    pub text: String,
}

static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:best|kind|kindest|warm|warmest|many|with|thanks|thanks and|thanks &|all the|very best|with best|with warm|with many|yours)\s+)?(?:regards|wishes|thanks|thank you|best|cheers|sincerely|faithfully|warmly|talk soon|speak soon|see you then|the best|best wishes|regards|thx|ta|bien cordialement|cordialement|mit freundlichen grüßen|freundliche grüße|un saludo|saludos|vennlig hilsen|met vriendelijke groet|au plaisir|bien à vous|hälsningar|good luck|take care|respectfully|yours sincerely|yours faithfully)(?:\s*/\s*[\p{L} ]+)?\s*[,.!]*$").unwrap()
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").unwrap());
static DASH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-—–~]\s*(\p{Lu}[\p{L}'-]+)(?:\s*\(([^)]{2,40})\))?\s*$").unwrap()
});
static INLINE_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!]\s+)(?:cheers|thanks|best|regards|many thanks|thank you),\s+(\p{Lu}[\p{L}'-]+)[.!]?\s*$").unwrap()
});

/// The signature of `body`: after the last sign-off, or the trailing block of short lines.
pub fn signature(body: &str) -> Signature {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    let end = lines
        .iter()
        .position(|l| {
            let lower = l.to_lowercase();
            lower.starts_with("you're receiving")
                || lower.starts_with("you are receiving")
                || lower.starts_with("this email and")
                || lower.starts_with("ce message")
                || lower.starts_with("this e-mail")
                || lower.starts_with("sent via")
                || l.starts_with("-----")
        })
        .unwrap_or(lines.len());
    let lines = &lines[..end];
    let signoff = lines
        .iter()
        .rposition(|l| SIGNOFF.is_match(l) || l.split(" / ").any(|p| SIGNOFF.is_match(p.trim())));
    let mut sig = Signature::default();
    let block: Vec<&str> = match signoff {
        Some(k) => lines[k + 1..]
            .iter()
            .copied()
            .filter(|l| !l.is_empty() && *l != "--" && *l != "—")
            .collect(),
        None => {
            // "Cheers, Lucy" at the end of the last line, or "- Mara (Glasswing recruiting)".
            if let Some(last) = lines.iter().rev().find(|l| !l.is_empty()) {
                if let Some(c) = INLINE_SIGNOFF.captures(last) {
                    sig.name = person_name(&c[1]);
                    sig.text = last.to_string();
                    return sig;
                }
            }
            let mut start = lines.len();
            for (i, l) in lines.iter().enumerate().rev() {
                if l.chars().count() > 70 {
                    break;
                }
                start = i;
            }
            lines[start..]
                .iter()
                .copied()
                .filter(|l| !l.is_empty() && *l != "--" && *l != "—")
                .collect()
        }
    };
    read_block(&block, &mut sig);
    sig
}

fn read_block(block: &[&str], sig: &mut Signature) {
    sig.text = block.iter().take(8).copied().collect::<Vec<_>>().join("\n");
    for l in block.iter().take(10) {
        if let Some(m) = EMAIL.find(l) {
            sig.email = Some(m.as_str().to_lowercase());
            break;
        }
    }
    let mut at = None;
    for (i, l) in block.iter().enumerate().take(8) {
        if let Some(c) = DASH_NAME.captures(l) {
            sig.name = person_name(&c[1]);
            if let Some(team) = c.get(2) {
                let team = team
                    .as_str()
                    .split_whitespace()
                    .filter(|w| {
                        !matches!(
                            w.to_lowercase().as_str(),
                            "recruiting" | "recruitment" | "team" | "talent" | "hiring" | "people"
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if !team.is_empty() {
                    sig.company = Some(team);
                }
            }
            at = Some(i);
            continue;
        }
        let first_part = l.split(['|', '·']).next().unwrap_or("").trim();
        if let Some(name) = person_name(first_part) {
            match &sig.name {
                // "Jess" then "Jess Harrow": the fuller form.
                Some(short) if name.starts_with(short.as_str()) && name.len() > short.len() => {
                    sig.name = Some(name);
                    at = Some(i);
                }
                None => {
                    sig.name = Some(name);
                    at = Some(i);
                }
                _ => {}
            }
            if l.contains('|') || l.contains('·') {
                let parts: Vec<&str> = l.split(['|', '·']).map(str::trim).skip(1).collect();
                if let Some(t) = parts.iter().find(|p| is_title(p)) {
                    sig.title = Some(tidy_title(t));
                }
                if let Some(c) = parts
                    .iter()
                    .find(|p| !is_title(p) && !is_contact_detail(p) && !p.is_empty())
                {
                    sig.company = Some(c.to_string());
                }
                return;
            }
        } else if sig.name.is_some() {
            break;
        }
    }
    let Some(at) = at else {
        // "Recruitment Team / Ostrander Lane Capital", "Halvorsen Tilde LLP Talent Acquisition".
        if let Some(line) = block.iter().rev().find(|l| {
            !is_contact_detail(l)
                && l.chars().count() < 60
                && l.chars().next().is_some_and(char::is_uppercase)
                && !SIGNOFF.is_match(l)
        }) {
            let stripped = line
                .trim_end_matches(" Talent Acquisition")
                .trim_end_matches(" Talent Team")
                .trim_end_matches(" Recruitment")
                .trim_end_matches(" Careers");
            if !is_department(stripped)
                && person_name(stripped).is_none()
                && stripped.split_whitespace().count() <= 5
                && (stripped.len() < line.len() || block.len() >= 2)
            {
                sig.company = Some(stripped.to_owned());
            }
        }
        return;
    };
    let rest: Vec<&str> = block[at + 1..]
        .iter()
        .copied()
        .filter(|l| !is_contact_detail(l))
        .collect();
    let Some(title_line) = rest.first() else {
        return;
    };
    if !is_title(title_line) {
        let line = title_line.rsplit(", ").next().unwrap_or(title_line);
        let department = is_department(title_line);
        let pick = if department && !title_line.contains(", ") {
            rest.get(1).copied()
        } else {
            Some(line)
        };
        if let Some(line) = pick {
            if sig.company.is_none()
                && !line.is_empty()
                && line.chars().count() < 60
                && !is_department(line)
            {
                sig.company = Some(line.to_string());
            }
        }
        return;
    }
    let next_is_company = rest
        .get(1)
        .is_some_and(|l| !is_title(l) && l.chars().count() < 60);
    let (title, company) = split_title(title_line, next_is_company);
    sig.title = Some(tidy_title(&title));
    sig.company = company.or_else(|| {
        rest.get(1)
            .filter(|_| next_is_company)
            .map(|s| s.to_string())
    });
}

/// A department line ("Campus & Experienced Hire Recruiting", "HR – Recruitment").
pub fn is_department(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "recruiting",
        "recruitment team",
        "operations",
        " team",
        "people",
        "hr ",
        "hr –",
        "human resources",
        "talent acquisition",
        "campus",
    ]
    .iter()
    .any(|w| lower.contains(w) || lower.starts_with(w.trim()))
        && !lower.contains(" ltd")
        && !lower.contains(" llp")
}

/// "Talent Partner | People Team" → "Talent Partner"; "Recruiter, Velorian Cycles" →
/// ("Recruiter", "Velorian Cycles") unless the company has a line of its own below.
pub fn split_title(line: &str, company_below: bool) -> (String, Option<String>) {
    for sep in [" at ", " | ", " · ", " @ "] {
        if let Some((a, b)) = line.split_once(sep) {
            let company = b.split([' ', '|', '·']).next().map(|_| {
                b.split(" · ")
                    .next()
                    .unwrap_or(b)
                    .split(" | ")
                    .next()
                    .unwrap_or(b)
                    .split(" – ")
                    .next()
                    .unwrap_or(b)
                    .trim()
                    .to_owned()
            });
            return (a.trim().to_owned(), company.filter(|c| !is_title(c)));
        }
    }
    if !company_below {
        for sep in [", ", " – ", " - ", " — "] {
            if let Some((a, b)) = line.rsplit_once(sep) {
                if is_title(a) && !is_title(b) {
                    return (a.trim().to_owned(), Some(b.trim().to_owned()));
                }
            }
        }
    }
    (line.trim().to_owned(), None)
}

/// "HR COORDINATOR" → "HR Coordinator"; "recruiter" → "Recruiter".
pub fn tidy_title(title: &str) -> String {
    let title = title.trim().trim_end_matches([',', '.', ';']);
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 4 && letters.iter().all(|c| c.is_uppercase()) {
        return title
            .split(' ')
            .map(|w| {
                if w.chars().count() <= 3 && !matches!(w, "AND" | "OF" | "THE" | "FOR") {
                    w.to_owned()
                } else {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| {
                            f.to_uppercase()
                                .chain(cs.flat_map(|c| c.to_lowercase()))
                                .collect()
                        })
                        .unwrap_or_default()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let mut cs = title.chars();
    match cs.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(cs).collect(),
        _ => title.to_owned(),
    }
}

static PLATFORM_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}),\s+([^,\n]{2,60}?) at ([^,\n]{2,60}?),? (?:has invited|would like|wants|invited)").unwrap()
});
static PLATFORM_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}) \(([^,()\n]{2,60}), ([^()\n]{2,60})\) (?:has invited|would like|wants|invited)").unwrap()
});
static RECRUITER_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:recruiter|contact|point of contact)[^.\n]{0,30}? is (\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}),\s+([^(\n]{2,60}?)\s*\(([^)\s]+@[^)\s]+)\)").unwrap()
});
static MESSAGE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^Message from:\s*(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}),\s*(.{2,60})$")
        .unwrap()
});
static SUBJECT_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,2}) from (.{2,60}?)(?: wants| would|:)")
        .unwrap()
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
}

fn usable(email: &str, doc: &Doc) -> bool {
    !words::is_no_reply(email)
        && !words::is_platform(email)
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
                    found.name = Some((n.clone(), line.clone()));
                    if let Some((title, text)) = title_near_name(&event.description, n) {
                        found.title = Some((title, text));
                    }
                }
                if let Some(e) = org.email.as_deref().filter(|e| !words::is_no_reply(e)) {
                    found.email = Some((e.to_owned(), line));
                }
            }
        }
        return found;
    }
    // Platform notifications name the person in the text.
    let subject = doc.subject.as_deref().unwrap_or("");
    for text in [body, subject] {
        if let Some(c) = PLATFORM_AT.captures(text) {
            found.name = Some((c[1].to_owned(), c[0].to_owned()));
            found.title = Some((tidy_title(&c[2]), c[0].to_owned()));
            found.company = Some((c[3].trim().to_owned(), c[0].to_owned()));
            break;
        }
        if let Some(c) = PLATFORM_PAREN.captures(text) {
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
            (None, None) => profile.map(|p| (p.clone(), p)),
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
    }
    if found.title.is_none() {
        let name = found.name.as_ref().map(|n| n.0.clone());
        let sig_matches = match (&name, &sig.name) {
            (Some(n), Some(s)) => n.starts_with(s.as_str()) || s.starts_with(n.as_str()),
            _ => sig.name.is_some(),
        };
        if let (true, Some(t)) = (sig_matches, &sig.title) {
            found.title = Some((t.clone(), sig.text.clone()));
        } else if let Some((_, Some(headline))) = &doc.profile {
            let (t, _) = split_title(headline, false);
            if is_title(&t) {
                found.title = Some((tidy_title(&t), headline.clone()));
            }
        } else if let Some(n) = &name {
            if let Some(t) = title_after_name_line(body, n) {
                found.title = Some(t);
            }
        }
    }
    if found.company.is_none() {
        if let Some((_, Some(headline))) = &doc.profile {
            if let (_, Some(c)) = split_title(headline, false) {
                found.company = Some((c, headline.clone()));
            }
        }
    }
    if found.company.is_none() {
        if let Some(c) = &sig.company {
            found.company = Some((c.clone(), sig.text.clone()));
        }
    }
    found
}

fn line_of(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].trim().to_owned()
}

/// "Dominic Reyes (Research Manager)", "Contact: Chidinma Eze, Talent Acquisition Officer".
fn title_near_name(text: &str, name: &str) -> Option<(String, String)> {
    let at = text.find(name)?;
    let rest = &text[at + name.len()..];
    let title = if let Some(r) = rest.strip_prefix(" (") {
        r.split(')').next()?
    } else if let Some(r) = rest.strip_prefix(", ") {
        r.split(['.', '\n', ';']).next()?
    } else {
        return None;
    };
    let title = title.split(", ").next().unwrap_or(title);
    is_title(title).then(|| {
        (
            tidy_title(title),
            format!("{name}{}", &rest[..rest.len().min(title.len() + 3)]),
        )
    })
}

/// A line that is the contact's name, followed by a title line ("Greta Solberg" / "Talent
/// Acquisition Partner at Nordvik Insight").
fn title_after_name_line(body: &str, name: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    let k = lines.iter().position(|l| *l == name)?;
    let next = lines.get(k + 1)?;
    let (t, _) = split_title(next, false);
    is_title(&t).then(|| (tidy_title(&t), next.to_string()))
}

#[allow(dead_code)]
fn _person(p: &Person) -> &Person {
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        let s = signature("Hi Tom,\n\nText here that is long enough to be a paragraph of the message body itself.\n\nBest regards,\n\nCamille Roussel\nTalent Acquisition Partner\nBrackenfold Systems\n+33 4 72 18 55 09\ncamille.roussel@brackenfold.io");
        assert_eq!(s.name.as_deref(), Some("Camille Roussel"));
        assert_eq!(s.title.as_deref(), Some("Talent Acquisition Partner"));
        assert_eq!(s.company.as_deref(), Some("Brackenfold Systems"));
        assert_eq!(s.email.as_deref(), Some("camille.roussel@brackenfold.io"));
        let s = signature("Body text.\n\nThanks,\nJess\n\nJess Harrow\nTalent Partner | People Team\nTallowbrook\njess@tallowbrook.co");
        assert_eq!(s.name.as_deref(), Some("Jess Harrow"));
        assert_eq!(s.title.as_deref(), Some("Talent Partner"));
        let s = signature(
            "Body.\n\nBest,\nLena Whitaker\nPartner, Ironbark Search Partners\n(617) 555-0119",
        );
        assert_eq!(s.title.as_deref(), Some("Partner"));
        assert_eq!(s.company.as_deref(), Some("Ironbark Search Partners"));
        let s = signature("Body.\n\nBest regards,\nJasmine Lim\nSenior Consultant, Supply Chain\nStraits Talent Advisory\n+65 8555 0172");
        assert_eq!(s.title.as_deref(), Some("Senior Consultant, Supply Chain"));
    }
}
