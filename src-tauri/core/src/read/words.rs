//! Small judgements about words the extraction rules share: a person's name, a job title, an
//! organisation, a role, an e-mail address that nobody reads, a domain's letters.

use std::sync::LazyLock;

use regex::Regex;

mod names;

pub use names::{is_contact_detail, is_credential, person_name};

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
    "personalreferent",
    "reclutadora",
    "reclutador",
    "recrutadora",
    "recrutador",
    "analista",
    "jefe",
    "jefa",
    "gerente",
    "coordinadora",
    "coordinador",
    "coordenadora",
    "coordenador",
    "especialista",
    "selezionatrice",
    "selezionatore",
    "recruteuse",
    "recruteur",
    "recruiterin",
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
    "registrar",
    "adviseur",
    "konsulent",
    "rådgiver",
    "rådgivare",
    "handläggare",
    "medewerker",
    "sachbearbeiterin",
    "sachbearbeiter",
    "teamlead",
    "teamleiter",
    "teamleiterin",
    "ejecutiva",
    "ejecutivo",
    "executiva",
    "executivo",
    "líder",
    "consultante",
    "subgerente",
    "responsabile",
    "directora",
    "directeur",
    "directrice",
    "diretora",
    "diretor",
    "direttore",
    "direttrice",
    "gestora",
    "supervisor",
    "supervisora",
    "asistente",
    "assistente",
    "psicóloga",
    "psicólogo",
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
    "counsel",
    "lawyer",
    "attorney",
    "underwriter",
    "educator",
    "animator",
    "illustrator",
    "photographer",
    "journalist",
    "reporter",
    "copywriter",
    "merchandiser",
    "trainer",
    "barista",
    "biostatistician",
    "sde",
    "swe",
    "physician",
    "doctor",
    "midwife",
    "paramedic",
    "receptionist",
    "secretary",
    "bookkeeper",
    "translator",
    "interpreter",
    "librarian",
    "curator",
    "psychologist",
    "counsellor",
    "counselor",
    "instructor",
    "tutor",
    "lecturer",
    "professor",
    "estimator",
    "machinist",
    "technologist",
    "sourcer",
    "generalist",
    "treasurer",
    "ingénieur",
    "ingénieure",
    "analist",
    "medewerker",
    "sachbearbeiter",
    "sachbearbeiterin",
    "referent",
    "referentin",
    "registrar",
    "metallurgist",
    "biologist",
    "geologist",
    "agronomist",
    "ecologist",
    "epidemiologist",
    "radiographer",
    "sonographer",
    "physiotherapist",
    "dentist",
    "hygienist",
    "optometrist",
    "veterinarian",
    "welder",
    "plumber",
    "fitter",
    "operative",
    "caretaker",
    "carer",
    "caregiver",
    "sdet",
    "cfo",
    "coo",
    "cio",
    "cmo",
    "ciso",
    "leiter",
    "leiterin",
    "teamleiter",
    "teamleiterin",
    "teamleitung",
    "werkvoorbereider",
    // The Nordic languages, Dutch, Spanish, Indonesian, Malay, Finnish (and COMPOUND_JOBS).
    "docent",
    "lektor",
    "hoogleraar",
    "amanuensis",
    "førsteamanuensis",
    "lehtori",
    "asiantuntija",
    "projectleider",
    "coördinator",
    "jefe",
    "jefa",
    "coordinador",
    "coordinadora",
    "coordenador",
    "coordenadora",
    "analis",
    "manajer",
    "pensyarah",
];

/// Job nouns of the Nordic languages, Dutch and German, which also end compounds.
const COMPOUND_JOBS: &[&str] = &[
    "analytiker",
    "arkitekt",
    "adviseur",
    "leder",
    "ledare",
    "konsulent",
    "konsult",
    "utvikler",
    "utvecklare",
    "udvikler",
    "ingeniør",
    "ingenjör",
    "rådgiver",
    "rådgivare",
    "medarbetare",
    "medarbejder",
    "medewerker",
    "leiter",
    "leiterin",
    "berater",
    "beraterin",
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "referent",
    "referentin",
    "sachbearbeiter",
    "sachbearbeiterin",
    "handläggare",
    "saksbehandler",
    "sagsbehandler",
];

/// A job noun at the end of a compound, as the Nordic languages, Dutch and German write them
/// ("Kreditanalytiker", "Seksjonsleder", "Beleidsadviseur"): the word is long, the job noun is
/// one of those languages' (English compounds such as "homeowner" are no jobs), and something
/// comes before it.
fn ends_with_job_noun(text: &str) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 9)
        .any(|w| {
            COMPOUND_JOBS
                .iter()
                .any(|r| w.ends_with(r) && w.chars().count() >= r.chars().count() + 3)
        })
}

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
    "associates",
    "headhunters",
    "recruit",
    "recruiters",
    "talento",
    "talentos",
    "rekrytering",
    "rekruttering",
    "rekrutacja",
    "rekrutacji",
    "werving",
    "reclutamiento",
    "recrutamento",
    "recrutement",
    "personalvermittlung",
];

/// Legal forms stripped from a company name ("Ltd", "GmbH", "Pvt. Ltd.").
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,\s]+(ltd\.?|limited|llc|llp|inc\.?|incorporated|gmbh|ag|sa|s\.a\.|sas|sarl|s\.p\.a\.?|spa|s\.r\.l\.?|srl|bv|b\.v\.?|nv|n\.v\.?|s\.a\.?|k\.k\.?|kk|oü|sp\. z o\.o\.?|sp\.? z\.? ?o\.? ?o\.?|sp\.?|s\.l\.?|sl|ltda\.?|s\.a\.s\.?|aps|a/s|as|ab|oy|pte\.?|pvt\.?|private|plc|co\.|corp\.?|corporation|pty\.?|kg|se)\s*$").unwrap()
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

/// A weekday or a month, lower-case ("may" too: a word that names no company or person here).
pub(super) fn is_day_or_month(word: &str) -> bool {
    const NAMES: [&str; 19] = [
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
    ];
    NAMES.contains(&word)
}

pub(super) fn has_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '·'))
        // "Backend-Entwickler" has the word "Entwickler".
        .any(|w| words.contains(&w) || w.split('-').skip(1).any(|p| words.contains(&p)))
        || words.iter().any(|w| w.contains(' ') && lower.contains(w))
}

/// Whether `text` reads as a job title.
pub fn is_title(text: &str) -> bool {
    let n = text.chars().count();
    (2..=80).contains(&n) && has_word(text, TITLE_WORDS) && !text.contains('@')
}

/// Whether a title or a job names a rank and nothing of what the person does ("Director", "VP",
/// "Senior Manager"), so the field after it belongs to it ("Director, Cloud Platform").
pub fn names_only_a_rank(text: &str) -> bool {
    const RANKS: &[&str] = &[
        "director",
        "vp",
        "svp",
        "evp",
        "avp",
        "manager",
        "lead",
        "head",
        "executive",
        "partner",
        "officer",
        "associate",
        "president",
        "senior",
        "sr",
        "junior",
        "jr",
        "assistant",
        "deputy",
        "vice",
    ];
    let mut words = text.split([' ', '.']).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| RANKS.contains(&w.to_lowercase().as_str()))
}

/// Whether `text` names a job.
pub fn is_role(text: &str) -> bool {
    let n = text.chars().count();
    (2..=90).contains(&n)
        && (has_word(text, ROLE_WORDS) || has_word(text, COMPOUND_JOBS) || ends_with_job_noun(text))
        && {
            // "iOS Developer", "eCommerce Manager": a brand's lower-case first letter.
            let mut chars = text.chars();
            let first = chars.next();
            first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || first.is_some_and(char::is_lowercase)
                    && chars.next().is_some_and(char::is_uppercase)
        }
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
    // Skip the suffixes a registry hands out under a country: co.uk, com.au, nhs.uk, sch.uk,
    // nsw.edu.au, gouv.fr, gob.mx…
    let mut i = parts.len() - 2;
    while i > 0
        && (matches!(
            parts[i],
            "co" | "com" | "gov" | "org" | "ac" | "net" | "ltd" | "plc" | "nhs" | "edu" | "sch"
                | "gob" | "gouv" | "govt" | "mil" | "police"
        )
            // An Australian state's schools and government: "nsw.edu.au", not "careers.vic.com".
            || matches!(parts[i], "nsw" | "vic" | "qld" | "tas")
                && matches!(parts[i + 1], "edu" | "gov"))
    {
        i -= 1;
    }
    let label = parts[i];
    let l = letters(label);
    (l.len() >= 3).then_some(l)
}

/// A name's words that count for its initials: without the joining words ("European Network
/// for Community Finance" → european, network, community, finance).
fn initial_words(phrase: &str) -> Vec<String> {
    const JOINING: &[&str] = &[
        "of", "and", "&", "the", "for", "de", "del", "la", "el", "para", "pour", "le", "du", "des",
        "für", "voor",
    ];
    phrase
        .split_whitespace()
        .filter(|w| !JOINING.contains(w))
        .map(letters)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A name's initials, lower case: "Asociación Andina para la Educación Rural" → "aaer".
pub fn initials(phrase: &str) -> String {
    initial_words(phrase)
        .iter()
        .filter_map(|w| w.chars().next())
        .collect()
}

/// How well a phrase matches a domain label: the length of their common start (0 when short);
/// the label's length when the phrase spells it by initials, or ends with it after words that
/// say what kind of body it is ("University of Eastbridge").
pub fn domain_match(phrase: &str, label: &str) -> usize {
    // "gntc" for Greater Norfolk Transit Commission, "pscarealliance" for Puget Sound Care
    // Alliance: the first words by their initials, the rest spelled out.
    let words = initial_words(phrase);
    if words.len() >= 2 && label.len() >= 3 {
        for k in 2..=words.len() {
            let initials: String = words[..k].iter().filter_map(|w| w.chars().next()).collect();
            if format!("{initials}{}", words[k..].concat()) == label {
                return label.len();
            }
        }
    }
    let p = letters(phrase);
    // "University of Eastbridge" for eastbridge.ac.uk, "NHS Strathcairn" for
    // strathcairn.nhs.uk: what kind of body it is, then the name the address spells.
    if label.len() >= 5 && p.len() > label.len() && p.ends_with(label) {
        let mut lead = p.len() - label.len();
        for w in phrase.split_whitespace() {
            if lead == 0 {
                break;
            }
            let l = letters(w);
            if l.len() > lead || !KIND_FIRST.contains(&l.as_str()) {
                break;
            }
            lead -= l.len();
        }
        if lead == 0 {
            return label.len();
        }
    }
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

/// The words that say what kind of body a name is when they come before it: "University of",
/// "NHS", "City of", "Universität".
const KIND_FIRST: &[&str] = &[
    "university",
    "universite",
    "universitat",
    "universidad",
    "universidade",
    "universita",
    "college",
    "school",
    "institute",
    "hospital",
    "nhs",
    "city",
    "county",
    "town",
    "borough",
    "district",
    "region",
    "regional",
    "municipality",
    "state",
    "royal",
    "the",
    "of",
    "de",
    "du",
    "des",
    "del",
    "la",
    "le",
    "and",
];

/// Addresses nobody reads, and the platforms that send for others.
pub fn is_no_reply(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    let compact: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    compact.contains("noreply")
        || compact.contains("donotreply")
        // "no-responder@", "nao-responda@", "ne-pas-repondre@", "nicht-antworten@",
        // "niet-beantwoorden@", "nie-odpowiadaj@", "svara-inte@".
        || [
            "noresponder", "noresponda", "naoresponda", "naoresponder", "nepasrepondre",
            "nichtantworten", "keineantwort", "nietbeantwoorden", "nieodpowiadaj", "svarainte",
            "ikkesvar",
        ]
        .iter()
        .any(|n| compact.contains(n))
        || matches!(compact.as_str(), "alertas" | "alertes" | "jobalerts" | "alert")
        || compact.starts_with("notification")
        || compact.starts_with("mailer")
        || compact.contains("hitreply")
        || compact == "alerts"
        || compact == "digest"
        // A system's or a department's box that nobody answers as the writer: surveys,
        // calendar invitations, data protection.
        || matches!(
            compact.as_str(),
            "survey" | "surveys" | "invites" | "invitations" | "privacy" | "privacidad"
                | "datenschutz" | "dataprotection" | "gdpr" | "feedback"
        )
}

/// A team's mailbox ("careers@", "recruitment@", "talent@"): it is nobody's own address.
pub fn is_shared_mailbox(email: &str) -> bool {
    const SHARED: &[&str] = &[
        "careers",
        "career",
        "jobs",
        "job",
        "recruit",
        "recruiting",
        "recruitment",
        "recruiter",
        "recruiters",
        "talent",
        "talentacquisition",
        "ta",
        "hr",
        "hiring",
        "people",
        "peopleteam",
        "peopleops",
        "info",
        "hello",
        "team",
        "contact",
        "admin",
        "office",
        "enquiries",
        "inquiries",
        "apply",
        "applications",
        "candidates",
        "resourcing",
        "vacancies",
        "hrteam",
        "support",
        "grads",
        "graduates",
        "graduate",
        "earlycareers",
        "campus",
        "candidateexperience",
        "candidatecare",
        // The same boxes in other languages.
        "werkenbij",
        "vacatures",
        "sollicitatie",
        "sollicitaties",
        "karriere",
        "karriar",
        "jobb",
        "rekrytering",
        "rekruttering",
        "rekrutacja",
        "kariera",
        "praca",
        "empleo",
        "empleos",
        "rrhh",
        "seleccion",
        "talento",
        "vagas",
        "carreiras",
        "recrutamento",
        "recrutement",
        "carrieres",
        "emploi",
        "bewerbung",
        "bewerbungen",
        "personal",
    ];
    let local: String = email
        .split('@')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    SHARED.contains(&local.as_str())
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

#[cfg(test)]
mod tests;

/// A country, a region or a city, which follows "in" and "at" as a company does.
pub fn is_place(name: &str) -> bool {
    const PLACES: &[&str] = &[
        "germany",
        "france",
        "spain",
        "italy",
        "uk",
        "united kingdom",
        "britain",
        "england",
        "scotland",
        "wales",
        "ireland",
        "us",
        "usa",
        "united states",
        "america",
        "canada",
        "australia",
        "new zealand",
        "india",
        "singapore",
        "netherlands",
        "the netherlands",
        "belgium",
        "poland",
        "sweden",
        "norway",
        "denmark",
        "finland",
        "switzerland",
        "austria",
        "portugal",
        "japan",
        "china",
        "brazil",
        "mexico",
        "europe",
        "emea",
        "apac",
        "latam",
        "asia",
        "africa",
        "nigeria",
        "kenya",
        "south africa",
        "uae",
        "dubai",
        "hong kong",
    ];
    let lower = name.trim().to_lowercase();
    PLACES.contains(&lower.as_str()) || super::zones::is_place_name(name)
}
