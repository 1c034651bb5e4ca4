//! Lines that name a person ("Femke de Roos", "DWAYNE KESSLER", "Danielle Okonkwo-Price, SHRM-CP")
//! and lines that are contact details or a place, which do not.

use std::sync::LazyLock;

use regex::Regex;

use super::{has_word, is_title};

static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,\s*[A-Z][A-Za-z]*\.?(?:[-.]?[A-Z][A-Za-z]*\.?)*)+$").unwrap()
});

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

/// Letters a profession gives ("RIBA", "CIPD", "PhD", "SHRM-CP"), as written after a name or
/// before a title.
pub fn is_credential(word: &str) -> bool {
    const KNOWN: &[&str] = &[
        "riba",
        "rias",
        "cpa",
        "cfa",
        "aca",
        "fca",
        "acca",
        "fcca",
        "cima",
        "cipd",
        "mcipd",
        "fcipd",
        "assoc cipd",
        "phr",
        "sphr",
        "shrm-cp",
        "shrm-scp",
        "mba",
        "phd",
        "msc",
        "bsc",
        "ma",
        "ba",
        "peng",
        "p.eng",
        "p.eng.",
        "ceng",
        "mice",
        "miet",
        "mimeche",
        "rn",
        "md",
        "frcp",
        "rhia",
        "rhit",
        "chrp",
        "cphr",
        "cir",
        "mrics",
        "frics",
        "cmgr",
        "fcmi",
        "pmp",
        "cissp",
        "cpsychol",
        "llb",
        "llm",
        "mrec",
        "frec",
        "dipm",
        "acib",
        "cfp",
    ];
    let w = word.trim_end_matches(',').to_lowercase();
    KNOWN.contains(&w.as_str())
}

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
        // "P.Eng.", "PhD", "MBA, CIPD": each part a credential of two capitals or more.
        let credentials = tail
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .all(|p| !p.contains(' ') && p.chars().filter(|c| c.is_uppercase()).count() >= 2);
        if credentials
            || tail.chars().filter(|c| c.is_uppercase()).count() >= 2 && !tail.contains(' ')
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
    // 'Kristina "Tin" Dela Cruz': the name people call her by, in quotes, is set aside.
    let nickname = |w: &&str| {
        w.chars().count() > 2
            && (w.starts_with('"') && w.ends_with('"') || w.starts_with('“') && w.ends_with('”'))
    };
    if line.contains(['"', '“']) {
        line = line
            .split_whitespace()
            .filter(|w| !nickname(w))
            .collect::<Vec<_>>()
            .join(" ");
    }
    // "Euan MacLeod RIBA RIAS": letters after a name without a comma, when they are a
    // profession's known ones.
    while let Some((head, last)) = line.rsplit_once(' ') {
        if head.split_whitespace().count() >= 2 && is_credential(last) {
            line.truncate(head.len());
        } else {
            break;
        }
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || line.chars().count() > 40 {
        return None;
    }
    // "Lindqvist Outdoor AB", "Olivar Logística S.L.": a company's legal form ends no name.
    if words.len() >= 2
        && matches!(
            *words.last()?,
            "AB" | "S.L."
                | "SL"
                | "S.A."
                | "GmbH"
                | "Ltd"
                | "Ltd."
                | "LLC"
                | "Inc"
                | "Inc."
                | "B.V."
                | "BV"
                | "Oy"
                | "Pte"
                | "Pty"
                | "K.K."
                | "plc"
                | "PLC"
                | "SpA"
                | "S.p.A."
                | "Srl"
                | "S.r.l."
                | "Ltda"
                | "Ltda."
                | "AG"
                | "SAS"
                | "ApS"
                | "A/S"
                | "ASA"
                | "NV"
                | "N.V."
        )
    {
        return None;
    }
    let first_word = words[0].to_lowercase();
    if NOT_NAMES.contains(&first_word.trim_end_matches([',', '.', '!'])) {
        return None;
    }
    let particles = [
        "de", "van", "der", "von", "da", "dos", "del", "la", "le", "bin", "binti", "binte", "bte",
        "al", "den", "ten", "ibn", "di", "du",
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
                "healthcare",
                "university",
                "college",
                "polytechnic",
                "school",
                "academy",
                "institute",
                "hospital",
                "hospitals",
                "clinic",
                "foundation",
                "trust",
                "agency",
                "ministry",
                "authority",
                "alerts",
                "surveys",
                "noreply",
                "alertas",
                "alertes",
                "notifications",
                "notificaciones",
                "newsletter",
                "jobalarm",
                "vacatures",
                "empleos",
                "vagas",
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
