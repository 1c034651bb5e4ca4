//! Small judgements about words the extraction rules share: a person's name, a job title, an
//! organisation, a role, an e-mail address that nobody reads, a domain's letters.

use std::sync::LazyLock;

use regex::Regex;

/// Words a job title has ("Talent Partner", "Referentin Personalgewinnung", "CTO").
const TITLE_WORDS: &[&str] = &[
    "recruiter",
    "partner",
    "manager",
    "director",
    "lead",
    "head",
    "officer",
    "specialist",
    "coordinator",
    "consultant",
    "advisor",
    "adviser",
    "assistant",
    "administrator",
    "executive",
    "generalist",
    "ceo",
    "cto",
    "coo",
    "cfo",
    "cpo",
    "founder",
    "co-founder",
    "cofounder",
    "vp",
    "president",
    "principal",
    "associate",
    "chargée",
    "chargé",
    "referentin",
    "referent",
    "personalreferentin",
    "técnica",
    "técnico",
    "conseillère",
    "conseiller",
    "responsable",
    "sourcer",
    "owner",
    "leiter",
    "leiterin",
    "recruitment officer",
    "hr",
    "talent acquisition",
];

/// Words a job (a role) has.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "analyst",
    "designer",
    "scientist",
    "officer",
    "lead",
    "director",
    "head",
    "consultant",
    "specialist",
    "coordinator",
    "associate",
    "assistant",
    "architect",
    "programmer",
    "producer",
    "technician",
    "owner",
    "partner",
    "accountant",
    "controller",
    "solicitor",
    "paralegal",
    "researcher",
    "artist",
    "planner",
    "supervisor",
    "leader",
    "administrator",
    "executive",
    "agent",
    "representative",
    "intern",
    "werkstudent",
    "trainee",
    "hydrologist",
    "aktuar",
    "aktuarin",
    "analista",
    "ingeniera",
    "ingeniero",
    "développeur",
    "développeur·se",
    "développeuse",
    "responsable",
    "projektingenieur",
    "nurse",
    "teacher",
    "operator",
    "modeller",
    "modeler",
    "brewer",
    "tester",
    "sre",
    "advisor",
    "adviser",
    "scientist",
    "editor",
    "writer",
    "marketer",
    "strategist",
    "economist",
    "actuary",
    "auditor",
    "chemist",
    "physicist",
    "statistician",
    "surveyor",
    "buyer",
    "clerk",
    "cashier",
    "chef",
    "pharmacist",
    "therapist",
    "mechanic",
    "electrician",
    "ingenieur",
    "ingenieurin",
    "entwickler",
    "entwicklerin",
    "berater",
    "beraterin",
    "desarrollador",
    "gerente",
    "chargé",
    "chargée",
    "stagiaire",
    "apprentice",
    "fellow",
    "recruiter",
    "principal",
    "president",
    "cto",
    "ceo",
    "vp",
    "bsa",
    "pm",
    "qa",
];

/// Words in an agency's name.
const AGENCY_WORDS: &[&str] = &[
    "recruitment",
    "recruiting",
    "talent",
    "search",
    "personalberatung",
    "executive",
    "consulting",
    "consultants",
    "headhunting",
    "staffing",
    "resourcing",
    "advisory",
    "selection",
    "personnel",
    "partners",
];

/// Legal forms stripped from a company name ("Ltd", "GmbH", "Pvt. Ltd.").
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,\s]+(ltd\.?|limited|llc|llp|inc\.?|incorporated|gmbh|ag|sa|s\.a\.|sas|sarl|s\.p\.a\.?|spa|s\.r\.l\.|srl|bv|b\.v\.|nv|n\.v\.|aps|a/s|as|ab|oy|pte\.?|pvt\.?|private|plc|co\.|corp\.?|corporation|pty\.?|kg|se)\s*$").unwrap()
});

/// A company name without its legal form: "Merricove Capital Pte. Ltd." → "Merricove Capital".
pub fn strip_legal(name: &str) -> String {
    let mut name = name
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim()
        .to_owned();
    for _ in 0..3 {
        let stripped = LEGAL.replace(&name, "").trim().to_owned();
        if stripped == name || stripped.is_empty() {
            break;
        }
        name = stripped;
    }
    name
}

fn has_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '·'))
        .any(|w| words.contains(&w))
        || words.iter().any(|w| w.contains(' ') && lower.contains(w))
}

/// Whether `text` reads as a job title.
pub fn is_title(text: &str) -> bool {
    let n = text.chars().count();
    (2..=80).contains(&n) && has_word(text, TITLE_WORDS) && !text.contains('@')
}

/// Whether `text` names a job.
pub fn is_role(text: &str) -> bool {
    let n = text.chars().count();
    (2..=90).contains(&n)
        && has_word(text, ROLE_WORDS)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a company name is an agency's.
pub fn is_agency(name: &str) -> bool {
    has_word(name, AGENCY_WORDS) || name.contains(" & Voss")
}

/// Letters only, lower case, accents folded: for comparing names with domains.
pub fn letters(text: &str) -> String {
    text.chars()
        .flat_map(|c| c.to_lowercase())
        .filter_map(|c| {
            Some(match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                'ß' => 's',
                c if c.is_ascii_alphanumeric() => c,
                _ => return None,
            })
        })
        .collect()
}

/// The organisation part of an address's domain: `careers.ferrowind.com` → `ferrowind`.
pub fn domain_label(email: &str) -> Option<String> {
    let domain = email.rsplit_once('@')?.1.to_lowercase();
    let parts: Vec<&str> = domain.split('.').collect();
    if parts.len() < 2 {
        return None;
    }
    // Skip a second-level suffix: co.uk, com.au, gov.uk, org.uk, co.nz…
    let n = parts.len();
    let label = if n >= 3
        && matches!(
            parts[n - 2],
            "co" | "com" | "gov" | "org" | "ac" | "net" | "ltd"
        ) {
        parts[n - 3]
    } else {
        parts[n - 2]
    };
    let l = letters(label);
    (l.len() >= 3).then_some(l)
}

/// How well a phrase matches a domain label: the length of their common start (0 when short).
pub fn domain_match(phrase: &str, label: &str) -> usize {
    let p = letters(phrase);
    let common = p
        .chars()
        .zip(label.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = p.len().min(label.len());
    if common >= 4 && (common == shorter || common * 10 >= shorter * 8) {
        common
    } else {
        0
    }
}

/// Addresses nobody reads, and the platforms that send for others.
pub fn is_no_reply(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    let compact: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    compact.contains("noreply")
        || compact.contains("donotreply")
        || compact.starts_with("notification")
        || compact.starts_with("mailer")
        || compact.contains("hitreply")
        || compact == "alerts"
        || compact == "digest"
}

/// Senders that write for others: job boards, schedulers, LinkedIn.
pub fn is_platform(email: &str) -> bool {
    let domain = email.rsplit('@').next().unwrap_or("").to_lowercase();
    is_no_reply(email)
        || [
            "linkedin.com",
            "candora",
            "rolerelay",
            "jobquay",
            "slotwise",
            "workbridge",
            "hirelane",
            "greenhouse",
            "lever.co",
            "workday",
            "indeed",
            "calendly",
        ]
        .iter()
        .any(|p| domain.contains(p))
}

static CREDENTIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*[A-Z][A-Za-z]*(-[A-Z]+)*\.?$").unwrap());

/// Words that start a line but are no name.
const NOT_NAMES: &[&str] = &[
    "thanks",
    "thank",
    "best",
    "regards",
    "kind",
    "cheers",
    "sincerely",
    "warmly",
    "hi",
    "hello",
    "dear",
    "team",
    "the",
    "recruitment",
    "talent",
    "people",
    "hr",
    "careers",
    "hiring",
    "sent",
    "reply",
    "report",
    "see",
    "join",
    "need",
    "your",
    "our",
    "date",
    "time",
    "when",
    "where",
    "location",
    "venue",
    "panel",
    "position",
    "interview",
    "mobile",
    "tel",
    "phone",
    "direct",
    "email",
    "web",
    "good",
    "great",
    "looking",
    "talk",
    "speak",
    "all",
    "with",
    "many",
    "yours",
    "bien",
    "mit",
    "un",
    "vennlig",
    "met",
    "au",
    "cordialement",
    "saludos",
    "noted",
    "understood",
    "ps",
    "p.s.",
    "campus",
    "motion",
    "head",
    "office",
    "new",
    "manage",
    "privacy",
    "download",
    "candidate",
    "warm",
    "happy",
    "no",
    "mark",
];

/// A person's name as signed: "Femke de Roos", "Zoë Ødegaard", "DWAYNE KESSLER" (as "Dwayne
/// Kessler"), "Danielle Okonkwo-Price, SHRM-CP" (without the credential). `None` if not a name.
pub fn person_name(line: &str) -> Option<String> {
    let mut line = line
        .trim()
        .trim_start_matches(['-', '—', '–', '~'])
        .trim()
        .to_owned();
    if let Some(m) = CREDENTIAL.find(&line) {
        let tail = &line[m.start()..];
        if tail.chars().filter(|c| c.is_uppercase()).count() >= 2 && !tail.contains(' ')
            || tail
                .trim_start_matches([',', ' '])
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '.')
        {
            line.truncate(m.start());
        }
    }
    if let Some(open) = line.find(" (") {
        line.truncate(open);
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || line.chars().count() > 40 {
        return None;
    }
    let first_word = words[0].to_lowercase();
    if NOT_NAMES.contains(&first_word.trim_end_matches([',', '.', '!'])) {
        return None;
    }
    let particles = [
        "de", "van", "der", "von", "da", "dos", "del", "la", "le", "bin", "al", "den", "ten",
    ];
    for (i, w) in words.iter().enumerate() {
        let first = w.chars().next()?;
        let ok_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !ok_chars {
            return None;
        }
        if i > 0 && particles.contains(w) {
            continue;
        }
        if !first.is_uppercase() {
            return None;
        }
    }
    if is_title(&line)
        || has_word(
            &line,
            &[
                "ltd",
                "gmbh",
                "inc",
                "llp",
                "team",
                "recruitment",
                "talent",
                "careers",
                "systems",
                "labs",
                "group",
                "software",
                "games",
                "studio",
                "studios",
                "capital",
                "bank",
                "partners",
                "foods",
                "energy",
                "insurance",
                "robotics",
                "solutions",
                "services",
                "technologies",
                "health",
                "media",
                "analytics",
                "logistics",
                "consulting",
                "search",
                "associates",
                "hiring",
                "digital",
                "retail",
                "water",
                "council",
                "association",
                "financial",
                "union",
                "hotels",
                "homes",
                "pharma",
                "architects",
                "shipping",
                "maritime",
                "aerospace",
                "telecom",
                "telecoms",
                "seafood",
            ],
        )
    {
        return None;
    }
    let all_caps = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if all_caps && line.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        return Some(
            words
                .iter()
                .map(|w| {
                    let mut cs = w.chars();
                    let first = cs.next().unwrap();
                    first
                        .to_uppercase()
                        .chain(cs.flat_map(|c| c.to_lowercase()))
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if all_caps {
        return None;
    }
    Some(words.join(" "))
}

/// Whether a line is a phone number, an address, a link or an e-mail address.
pub fn is_contact_detail(line: &str) -> bool {
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    let lower = line.to_lowercase();
    line.contains('@')
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || digits >= 5
        || [
            "tel:",
            "tel.",
            "tel ",
            "mob:",
            "mob.",
            "phone:",
            "p:",
            "m:",
            "t:",
            "e:",
            "w:",
            "direct:",
            "direct ",
            "mobile:",
            "ph:",
            "office:",
            "reply",
            "report this",
            "view ",
            "unsubscribe",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        || location_line(line)
}

static LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}][\p{L} .'-]+,\s*[A-Z]{2}$|^[\p{Lu}][\p{L} .'-]+ \([\p{Lu}][\p{L} .'-]+\)$|^(London|Hamburg|Glasgow|Melbourne|Sydney|New York|Copenhagen|Paris|Berlin|Munich|München|Montréal|Toronto|Dublin|Singapore|Mumbai|Bangalore|Bengaluru)$").unwrap()
});

/// "New York, NY", "Montréal (Québec)", "Hamburg".
pub fn location_line(line: &str) -> bool {
    LOCATION.is_match(line.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_titles_companies() {
        assert_eq!(
            person_name("Femke de Roos").as_deref(),
            Some("Femke de Roos")
        );
        assert_eq!(
            person_name("DWAYNE KESSLER").as_deref(),
            Some("Dwayne Kessler")
        );
        assert_eq!(
            person_name("Danielle Okonkwo-Price, SHRM-CP").as_deref(),
            Some("Danielle Okonkwo-Price")
        );
        assert_eq!(person_name("Best regards,"), None);
        assert_eq!(person_name("Talent Partner"), None);
        assert!(is_title("Referentin Personalgewinnung"));
        assert!(!is_title("People Operations"));
        assert_eq!(
            strip_legal("Merricove Capital Pte. Ltd."),
            "Merricove Capital"
        );
        assert_eq!(
            strip_legal("Copperkettle Brewing Co."),
            "Copperkettle Brewing"
        );
        assert_eq!(
            domain_label("a@careers.ferrowind.com").as_deref(),
            Some("ferrowind")
        );
        assert_eq!(
            domain_label("a@x.clydemoor.org.uk").as_deref(),
            Some("clydemoor")
        );
        assert!(domain_match("Westerly Point Credit Union", "westerlypointcu") > 0);
        assert!(domain_match("Corvane Énergie", "corvaneenergie") > 0);
        assert_eq!(domain_match("Sam Okafor", "quillmere"), 0);
        assert!(is_no_reply("talent-noreply@brackwatergames.com"));
    }
}
