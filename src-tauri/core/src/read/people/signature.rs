//! The signature under the new content: the sign-off, then the name (the fullest form signed),
//! the title under it, the company, an address; a title line split from its company.

use std::sync::LazyLock;

use regex::Regex;

use super::super::words::{
    is_contact_detail, is_credential, is_title, names_only_a_rank, person_name,
};

/// An e-mail address in running text.
pub(in crate::read) static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").unwrap());

/// What a signature says.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// The writer's name (the fullest form signed).
    pub name: Option<String>,
    /// Their title.
    pub title: Option<String>,
    /// The company under the title.
    pub company: Option<String>,
    /// Whether the company stands on a line of its own under the title (then even one word,
    /// "Nimbleroot", is the company and no first name).
    pub company_own_line: bool,
    /// An address in the signature.
    pub email: Option<String>,
    /// The lines it was read from.
    pub text: String,
}

static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:best|kind|kindest|warm|warmest|many|with|thanks|thanks and|thanks &|all the|very best|with best|with warm|with many|yours)\s+)?(?:regards|wishes|thanks|thank you|best|cheers|sincerely|faithfully|warmly|talk soon|speak soon|see you then|the best|best wishes|regards|thx|ta|bien cordialement|cordialement|mit freundlichen grüßen|freundliche grüße|un saludo|saludos|vennlig hilsen|met vriendelijke groet|au plaisir|bien à vous|hälsningar|good luck|take care|respectfully|yours sincerely|yours faithfully|all best|viele grüße|beste grüße|herzliche grüße|liebe grüße|schöne grüße|mit besten grüßen|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig hilsen|mvh|vriendelijke groet(?:en)?|met vriendelijke groeten|hartelijke groet(?:en)?|groetjes|z poważaniem|pozdrawiam|cordiali saluti|distinti saluti|saluti|ystävällisin terveisin|saludos cordiales|un cordial saludo|atentamente|cordialmente|un abrazo|cumprimentos|com os melhores cumprimentos|atenciosamente|abraços|sincères salutations|salutations|bien à toi|bonne journée|salam|hormat kami|salam hangat|terima kasih)(?:\s*/\s*[\p{L} ]+)?\s*[,.!]*$").unwrap()
});
static DASH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-—–~]\s*(\p{Lu}[\p{L}'-]+)(?:\s*\(([^)]{2,40})\))?\s*$").unwrap()
});
static INLINE_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!]\s+)(?:cheers|thanks|best|regards|many thanks|thank you),\s+(\p{Lu}[\p{L}'-]+)[.!]?\s*$").unwrap()
});

/// Whether `line` is a sign-off ("Best regards,", "Cheers", "Thanks / Merci").
pub fn is_signoff(line: &str) -> bool {
    let l = line.trim();
    SIGNOFF.is_match(l) || l.split(" / ").any(|p| SIGNOFF.is_match(p.trim()))
}

/// The signature of `body`: after the last sign-off, or the trailing block of short lines.
/// The Latin form a name in another script gives after it: "佐藤 美咲 (Misaki Sato)", "中村 翔太 /
/// Shota Nakamura".
pub fn latin_form(line: &str) -> Option<&str> {
    static R: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^\p{Latin}\d@()/]{1,24}?\s*(?:/|\()\s*(\p{Lu}[\p{Latin}'’.-]+(?:\s+\p{Lu}[\p{Latin}'’.-]+){1,3})\s*\)?$").unwrap()
    });
    let c = R.captures(line.trim())?;
    let head = line.trim().split(['/', '(']).next()?.trim();
    (head.chars().any(char::is_alphabetic) && !head.chars().any(|ch| ch.is_ascii_alphabetic()))
        .then(|| c.get(1).map(|m| m.as_str()))
        .flatten()
}

pub fn signature(body: &str) -> Signature {
    // "**Bridget O'Sullivan**": an HTML signature's bold, as the converter writes it.
    // A note quoted whole by a scheduling tool ("Message from Carmela: "Hi Andrea! … Carmela
    // Dizon / Talent Acquisition Specialist, Bayanihan Cloud"): its signature without the quotes.
    // "中村 翔太 / Shota Nakamura": the name as the rest of the message writes it.
    let owned: Vec<String> = body
        .lines()
        .map(|l| {
            let l = l.replace("**", "");
            let l = l.trim().trim_end_matches(['"', '”']);
            latin_form(l).unwrap_or(l).to_owned()
        })
        .collect();
    let lines: Vec<&str> = owned.iter().map(|l| l.trim()).collect();
    let end = lines
        .iter()
        .position(|l| {
            let lower = l.to_lowercase();
            lower.starts_with("you're receiving")
                || lower.starts_with("you are receiving")
                || lower.starts_with("you received this")
                || lower.starts_with("this email and")
                || lower.starts_with("ce message")
                || lower.starts_with("this e-mail")
                || lower.starts_with("sent via")
                || l.starts_with("-----")
                || l.starts_with("_____")
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
            // The trailing block of short lines, above a footer of a line or two ("Solera Grid
            // S.L. · Carrer de Pallars 88 · You received this email because…").
            let mut last = lines.len();
            let mut skipped = 0;
            while skipped < 2
                && last > 0
                && (lines[last - 1].is_empty() || is_footer(lines[last - 1]))
            {
                if !lines[last - 1].is_empty() {
                    skipped += 1;
                }
                last -= 1;
            }
            let lines = &lines[..last];
            let mut start = lines.len();
            for (i, l) in lines.iter().enumerate().rev() {
                // "Nadia Haddad | HR Business Partner | Brightwater Logistics | 614-555-0102"
                let limit = if l.contains(" | ") { 110 } else { 70 };
                if l.chars().count() > limit {
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
    // "Viele Grüße / Maximilian Schreiber / (blank) / Maximilian Schreiber / Talent
    // Acquisition Manager": the name signed, then the signature block under it.
    let mut block = block;
    block.dedup();
    // "Felix" signed, then the block "Felix Hartung / Teamlead Data Science": the full form.
    if let [first, second, ..] = block[..] {
        if !first.contains(' ')
            && second.len() > first.len()
            && second.starts_with(first)
            && second[first.len()..].starts_with(' ')
            && person_name(second).is_some()
        {
            block.remove(0);
        }
    }
    read_block(&block, &mut sig);
    sig
}

/// A mail's footer line: why it was sent, how to stop it, the rights reserved.
fn is_footer(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.chars().count() > 70
        && [
            "you received",
            "you are receiving",
            "you're receiving",
            "unsubscribe",
            "all rights reserved",
            "registered in",
            "registered office",
            "confidential",
            "privacy",
            "©",
            "(c) ",
        ]
        .iter()
        .any(|w| lower.contains(w))
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
        // "Arjun, Sablecrest Analytics": a first name and the company on one line.
        if let Some((a, b)) = l.split_once(", ").filter(|_| sig.name.is_none()) {
            let company_like = b.split_whitespace().count() <= 5
                && b.split_whitespace().all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c == '&')
                })
                && !is_title(b)
                && !is_contact_detail(b)
                && person_name(b).is_none_or(|_| b.split_whitespace().count() > 1);
            if let (Some(name), true) = (person_name(a), company_like) {
                if person_name(l).is_none() {
                    sig.name = Some(name);
                    sig.company = Some(b.trim().to_owned());
                    sig.company_own_line = true;
                    return;
                }
            }
        }
        let first_part = l.split(['|', '·']).next().unwrap_or("").trim();
        if let Some(name) = person_name(first_part) {
            match &sig.name {
                // "Jess" then "Jess Harrow" (or "Dr Jess Harrow"): the fuller form.
                Some(short)
                    if super::plain_name(&name).starts_with(short.as_str())
                        && name.len() > short.len() =>
                {
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
                    sig.company_own_line = true;
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
            let line = line.strip_prefix("The ").unwrap_or(line);
            let team = company_of_team(line);
            let stripped = team
                .as_deref()
                .unwrap_or(line)
                .trim_end_matches(" Recruitment");
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
    // "Bluestem Analytics | 312.555.0186": the company before a line's contact details.
    let rest: Vec<&str> = block[at + 1..]
        .iter()
        // "for Registrar", "p.p. the Director": signed on someone's behalf, no title or company.
        .filter(|l| {
            let lower = l.trim().to_lowercase();
            !["for ", "p.p. ", "pp ", "on behalf of "]
                .iter()
                .any(|p| lower.starts_with(p))
        })
        .filter_map(|l| {
            if !is_contact_detail(l) {
                return Some(*l);
            }
            let (head, tail) = l.split_once(" | ")?;
            (!head.trim().is_empty() && !is_contact_detail(head) && is_contact_detail(tail))
                .then(|| head.trim())
        })
        .collect();
    let Some(title_line) = rest.first() else {
        return;
    };
    if !is_title(title_line) {
        let line = title_line.rsplit(", ").next().unwrap_or(title_line);
        let department = is_department(title_line);
        // "Glassbarrow talent team": the company's own team names the company.
        let team_of = department.then(|| company_of_team(title_line)).flatten();
        let pick = if let Some(c) = team_of.as_deref() {
            Some(c)
        } else if department && !title_line.contains(", ") {
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
    // "Aisha Kendrick, Talent Acquisition Partner" under "Aisha": the name again, then the title.
    let title_line = title_line
        .split_once(", ")
        .filter(|(name, rest)| person_name(name).is_some() && is_title(rest))
        .map_or(*title_line, |(_, rest)| rest);
    let (title, company) = split_title(title_line, next_is_company);
    sig.title = Some(tidy_title(&title));
    // "Engineering Recruiter | Quorvane": a company split from the title line is one, even a
    // single word.
    sig.company_own_line = company.is_some() || next_is_company;
    sig.company = company.or_else(|| {
        // "Faculty of Information Technology" above "University of Koivula": the unit, then the
        // organisation it belongs to.
        let unit = rest.get(1).is_some_and(|l| is_unit(l));
        let pick = if unit {
            rest.get(2)
                .filter(|l| {
                    !is_title(l)
                        && !is_unit(l)
                        && l.chars().count() < 60
                        && l.starts_with(char::is_uppercase)
                        && !l.chars().any(|c| c.is_ascii_digit())
                        && !is_contact_detail(l)
                })
                .or(rest.get(1))
        } else {
            rest.get(1)
        };
        pick.filter(|_| next_is_company).map(|s| s.to_string())
    });
}

/// A line naming a unit of an organisation: "Faculty of Biosciences, Fisheries and Economics",
/// "Department of Surgery", "School of Computing".
fn is_unit(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    [
        "faculty of ",
        "department of ",
        "dept. of ",
        "school of ",
        "division of ",
        "directorate of ",
        "office of ",
    ]
    .iter()
    .any(|u| lower.starts_with(u))
}

/// The company of a team's line: "Glassbarrow talent team" → "Glassbarrow", "Ozmira People
/// Team" → "Ozmira" (an agency's own name, "Bluefinch Recruitment", is kept whole elsewhere).
pub fn company_of_team(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let suffix = [
        " talent acquisition team",
        " talent acquisition",
        " talent team",
        " recruiting team",
        " recruitment team",
        " people team",
        " hiring team",
        " hr team",
        " careers team",
        " careers",
        " recruiting",
    ]
    .iter()
    .find(|s| lower.ends_with(*s))?;
    let prefix = line[..line.len() - suffix.len()].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    (!words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '&')
        })
        && !is_department(prefix)
        && !prefix.to_lowercase().starts_with("the "))
    .then(|| prefix.to_owned())
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
        "department",
        "departamento",
        "diretoria de",
        "direção de",
        "dirección de",
        "gerência de",
        "gerencia de",
        "abteilung",
        "división de",
        "division",
    ]
    .iter()
    .any(|w| lower.contains(w) || lower.starts_with(w.trim()))
        && !lower.contains(" ltd")
        && !lower.contains(" llp")
}

/// "Talent Partner | People Team" → "Talent Partner"; "Recruiter, Velorian Cycles" →
/// ("Recruiter", "Velorian Cycles") unless the company has a line of its own below.
pub fn split_title(line: &str, company_below: bool) -> (String, Option<String>) {
    // "at" in the languages a headline is written in: "bei", "chez", "na", "bij", "på", "presso".
    // The first separator in the line ("Tech Recruiter na Jabuti | Pessoas & Cultura").
    let first = [
        " at ", " | ", " · ", " @ ", " bei ", " chez ", " na ", " bij ", " på ", " presso ",
    ]
    .into_iter()
    .filter_map(|sep| line.find(sep).map(|i| (i, sep)))
    .min();
    if let Some((_, sep)) = first {
        // "Principal Consultant – Commercial | South Wales & South West | Keystone Recruitment":
        // of several parts after bars, the company is the last that can be a name (a region,
        // a team or a phone number comes before or after it).
        if sep == " | " {
            let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
            if parts.len() >= 3 {
                let company = parts[1..]
                    .iter()
                    .rev()
                    .find(|p| {
                        !p.is_empty()
                            && !p.contains(['@', '/'])
                            && !p.chars().any(|c| c.is_ascii_digit())
                            && !is_title(p)
                            && !is_department(p)
                            && p.starts_with(char::is_uppercase)
                    })
                    .map(|p| (*p).to_owned());
                return (parts[0].to_owned(), company);
            }
        }
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
            // "Talent Acquisition Advisor | People & Culture": a team, not the company. After
            // "at" it is the company, whatever its words ("… at TalentVista HR Solutions").
            let at = !matches!(sep, " | " | " · ");
            return (
                a.trim().to_owned(),
                company.filter(|c| at || !is_title(c) && !is_department(c)),
            );
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

/// A LinkedIn headline: `split_title`, and the "at" of LinkedIn's other languages that is also
/// an everyday word ("Talent Acquisition Lead en Pampa Cloud", "Rekrutteringskonsulent hos
/// Nordlys"): the last one, when a title stands before it and a name after it.
pub fn split_headline(line: &str) -> (String, Option<String>) {
    let split = split_title(line, false);
    if split.1.is_some()
        || [" | ", " · ", " at ", " @ "]
            .iter()
            .any(|s| line.contains(s))
    {
        return split;
    }
    // "Especialista en Reclutamiento y Selección": a field, not a company.
    const FIELDS: &[&str] = &[
        "reclutamiento",
        "selección",
        "seleccion",
        "recrutamento",
        "seleção",
        "selecao",
        "talento",
        "talentos",
        "recursos",
        "rh",
        "rrhh",
        "ti",
        "it",
        "tecnología",
        "tecnologia",
        "personas",
        "pessoas",
        "gente",
        "sistemas",
        "finanzas",
        "finanças",
        "ventas",
        "vendas",
        "marketing",
        "rekruttering",
        "personal",
    ];
    for sep in [" en ", " em ", " hos "] {
        if let Some((a, b)) = line.rsplit_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if is_title(a)
                && b.starts_with(char::is_uppercase)
                && !is_title(b)
                && !is_department(b)
                && !b.contains(" | ")
                && b.split_whitespace().count() <= 5
                && !b
                    .split_whitespace()
                    .any(|w| FIELDS.contains(&w.to_lowercase().as_str()))
            {
                return (a.to_owned(), Some(b.to_owned()));
            }
        }
    }
    split
}

/// "Senior Recruiter, Corporate Talent" → "Senior Recruiter": a job title alone, without the field
/// or team after it — unless what comes before names a rank and no job ("Director, Cloud
/// Platform", "Senior Manager – Talent Acquisition" stay whole).
fn without_field(title: &str) -> &str {
    [", ", " – ", " - ", " — ", " | "]
        .into_iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .map(|i| &title[..i])
        .filter(|head| is_title(head) && !names_only_a_rank(head))
        .unwrap_or(title)
}

/// "HR COORDINATOR" → "HR Coordinator"; "recruiter" → "Recruiter".
pub fn tidy_title(title: &str) -> String {
    let mut title = title.trim().trim_end_matches([',', ';']);
    // "Reclutadora Sr.": an abbreviation keeps its dot; a sentence's full stop goes.
    if !(title.ends_with(" Sr.") || title.ends_with(" Jr.")) {
        title = title.trim_end_matches(['.', ',', ';']);
    }
    // "RHIA – Director of Health Information Management": a credential before the title.
    let title = [" – ", " - ", ", "]
        .iter()
        .find_map(|sep| title.split_once(sep))
        .filter(|(head, rest)| is_credential(head) && is_title(rest))
        .map_or(title, |(_, rest)| rest);
    let title = without_field(title);
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
