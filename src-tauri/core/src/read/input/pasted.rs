//! Pasted text: an Outlook header block or a lone Subject line, a LinkedIn header, and the split
//! into the new content, a forwarded message and the quoted earlier messages.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, Format, Forward, Person};

static PASTED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(from|sent|date|to|cc|subject|objet|betreff|asunto|von|gesendet|an|envoyé|à|de|para|enviado|van|verzonden|aan|onderwerp|från|skickat|till|ämne|da|inviato|oggetto)\s*:\s*(.*)$").unwrap()
});
static ANGLE_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(.*?)\s*[<\[(](?:mailto:)?([^\s<>@]+@[^\s<>\])]+)[>\])]").unwrap()
});
static BARE_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,})\s*$").unwrap());

/// `Name <a@b.c>`, `a@b.c` or `Name`.
pub fn parse_person(value: &str) -> Option<Person> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some(c) = ANGLE_EMAIL.captures(value) {
        let name = c[1].trim().trim_matches('"').trim();
        return Some(Person {
            name: (!name.is_empty()).then(|| name.to_owned()),
            email: Some(c[2].to_lowercase()),
        });
    }
    if let Some(c) = BARE_EMAIL.captures(value) {
        return Some(Person {
            name: None,
            email: Some(c[1].to_lowercase()),
        });
    }
    Some(Person {
        name: Some(value.trim_matches('"').to_owned()),
        email: None,
    })
}

/// A day, a date or a time alone on a line, as LinkedIn stamps a message ("3:47 PM", "Mon",
/// "Yesterday", "Mar 14, 2026", "Today 19:52", "Monday 3:12 PM", "Oct 14").
static LINKEDIN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:inmail|hoje|ontem|heute|gestern|aujourd'hui|hier|hoy|ayer|vandaag|gisteren|idag|igår|oggi|ieri|(?-i:LUN|MAR|MER|JEU|VEN|SAM|DIM|MIÉ|MIE|JUE|VIE|SÁB|SAB|DOM|SEG|TER|QUA|QUI|SEX|TIS|ONS|TOR|FRE|LÖR|SÖN)\.?|(?:(?:today|yesterday|(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?)\.?,?\s*)?",
        r"(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?)(?:,? \d{4})?,?\s*)?",
        r"(?:\d{1,2}:\d{2}\s*(?:am|pm)?)?)(?:\s*·\s*(?:inmail|linkedin))?$"
    ))
    .unwrap()
});
/// A person's name as LinkedIn shows it: capitalised words and particles ("Ana de la Vega"); the
/// patterns below say how many words follow the first.
const NAME: &str = r"\p{Lu}[\p{L}'’.-]+(?: (?:de|van|der|von|da|dos|del|la|le|\p{Lu}[\p{L}'’.-]*))";
/// A connection's degree as LinkedIn writes it in English, French, Spanish, Portuguese,
/// German, Dutch and Swedish: "2nd", "2e", "2º", "2.º", "2.", "2:a".
const DEGREE: &str = r"(?:1st|2nd|3rd\+?|1er|1e|2e|3e\+?|[123]\.?º\+?|[123]\.\+?|1:a|2:a|3:e\+?)";
/// Pronouns after a name: "(She/Her)".
const PRONOUNS: &str = r"\((?i:he|she|they)/\w+\)";
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME}{{1,3}})(?:\s*{PRONOUNS})?(?:\s*·\s*(.+))?$"
    ))
    .unwrap()
});
/// A profile's pronouns and degree on a line of their own: "· 1st", "(She/Her) · 2nd".
static DEGREE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{PRONOUNS}\s*)?(?:(?:1st|2nd|3rd\+?) degree connection\s*)?(?:·?\s*{DEGREE})?$"
    ))
    .unwrap()
});
/// "Diego Marín  9:14 AM" (a speaker's line in a copied conversation).
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME}{{0,3}})\s*(?:·\s*)?\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?$"
    ))
    .unwrap()
});
/// "Ruben Hartog sent the following message at 11:48 AM" (a LinkedIn notification pasted).
static SENT_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({NAME}{{1,3}}|You) (?:sent (?:you )?the following messages?(?: at .{{1,20}})?|a envoyé (?:le|les) messages? suivants?(?: à .{{1,20}})?|envió (?:el|los) siguientes? mensajes?(?: a las? .{{1,20}})?|enviou (?:a|as) seguintes? mensage(?:m|ns)(?: às? .{{1,20}})?|hat (?:die )?folgende Nachricht(?:en)? gesendet(?: um .{{1,20}})?|heeft (?:het|de) volgende bericht(?:en)? verzonden(?: om .{{1,20}})?|skickade följande meddelanden?(?: kl\.? .{{1,20}})?):?$"
    ))
    .unwrap()
});

pub(super) fn pasted(text: &str) -> Doc {
    let mut doc = Doc::new(Format::Text);
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0;
    while start < lines.len() && lines[start].trim().is_empty() {
        start += 1;
    }
    // The subject as a mail program shows it above the message, then the header block that
    // repeats it ("Automatic reply: Withdrawal …" / "From: …" … "Subject: Automatic reply: …").
    if let Some(title) = lines.get(start).map(|l| l.trim()) {
        let mut j = start + 1;
        while j < lines.len() && lines[j].trim().is_empty() {
            j += 1;
        }
        let repeats = !PASTED_HEADER.is_match(title)
            && lines[j.min(lines.len())..]
                .iter()
                .take(8)
                .map_while(|l| PASTED_HEADER.captures(l.trim()))
                .any(|c| c[2].trim() == title);
        if repeats {
            start = j;
        }
    }
    // A pasted header block (Outlook: From/Sent/To/Subject) or a lone Subject line.
    let mut i = start;
    while i < lines.len() {
        let Some(c) = PASTED_HEADER.captures(lines[i].trim()) else {
            break;
        };
        let value = c[2].trim();
        // The labels as mail programs write them in English, German, French, Spanish,
        // Portuguese, Dutch, Swedish and Italian.
        match c[1].to_lowercase().as_str() {
            "from" | "von" | "de" | "van" | "från" | "da" => doc.from = parse_person(value),
            "sent" | "date" | "gesendet" | "envoyé" | "enviado" | "verzonden" | "skickat"
            | "inviato" => doc.pasted_date = super::super::dates::header_date(value),
            "to" | "an" | "à" | "para" | "aan" | "till" => doc.to = parse_person(value),
            "subject" | "objet" | "betreff" | "asunto" | "onderwerp" | "ämne" | "oggetto" => {
                doc.subject = Some(value.to_owned())
            }
            _ => {}
        }
        i += 1;
    }
    // Days over LinkedIn's first message ("AUG 19"): passed over only when LinkedIn's own lines
    // follow.
    let mut past_days = start.min(lines.len());
    while lines.get(past_days).is_some_and(|l| {
        l.trim().is_empty() || is_day_line(l) && !l.trim().eq_ignore_ascii_case("inmail")
    }) {
        past_days += 1;
    }
    if i > start {
        doc.mail_headers = doc.from.is_some() || doc.subject.is_some();
        start = i;
    } else if let Some(chat) = exported_chat(&lines[start.min(lines.len())..])
        .or_else(|| linkedin_conversation(&lines[past_days..]))
    {
        // A whole LinkedIn conversation: the other person's last messages are the new content,
        // the rest (the user's own messages among them) is quoted.
        doc.linkedin = chat.linkedin;
        doc.chat = true;
        doc.profile = Some((chat.name, chat.headline));
        doc.body = chat.body;
        doc.quoted = chat.quoted;
        return doc;
    } else if let Some(profile) = linkedin_header(&lines[past_days..]) {
        // Name, headline and time as LinkedIn shows a message.
        doc.linkedin = true;
        start = past_days + profile.2;
        doc.profile = Some((profile.0, profile.1));
    }
    let rest = lines[start.min(lines.len())..].join("\n");
    split_into(&mut doc, &rest);
    doc
}

/// A LinkedIn conversation copied whole.
struct Conversation {
    name: String,
    headline: Option<String>,
    /// It was copied from LinkedIn (its card: name, headline; or its "… sent the following
    /// message" lines); a chat copied from elsewhere (Slack, Teams) starts straight at its first
    /// speaker.
    linkedin: bool,
    body: String,
    quoted: String,
}

/// A line of a chat exported or copied from a messenger: "[14/03/2026, 18:52] Mrs Adaeze (Ofe
/// Kitchen): Good evening …", or without the stamp "Rosa (Sweet Hour Bakery): Hi Jamal …".
static CHAT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\x{{200E}}?({}\s*)?(\p{{Lu}}[\p{{L}}'’.-]*(?: \p{{Lu}}[\p{{L}}'’.-]*){{0,3}})(?: \(([^()]{{2,40}})\))?:\s(.*)$",
        super::super::dates::CHAT_STAMP_FORM
    ))
    .unwrap()
});

/// A label a message lists facts under ("Role: …", "Us: …"), which no chat speaker is called.
fn is_label(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "us" | "role"
            | "company"
            | "location"
            | "interview"
            | "date"
            | "time"
            | "salary"
            | "position"
            | "subject"
            | "note"
            | "ps"
            | "where"
            | "when"
            | "who"
            | "format"
            | "duration"
            | "address"
            | "contact"
            | "phone"
            | "email"
            | "team"
            | "level"
            | "stage"
            | "type"
            | "rate"
            | "start"
            | "benefits"
            | "client"
            | "job"
            | "title"
    )
}

/// How the user appears in their own chat.
fn is_me(name: &str) -> bool {
    matches!(
        name,
        "Me" | "You" | "Yo" | "Moi" | "Ich" | "Eu" | "Jag" | "Ik"
    )
}

/// A messenger's chat, exported (every message under a stamp) or copied with "Me:" for the
/// user: the other person's messages are the new content, the user's are quoted.
fn exported_chat(lines: &[&str]) -> Option<Conversation> {
    let mut messages: Vec<(String, Option<String>, Vec<&str>)> = Vec::new();
    let mut stamped = true;
    for line in lines {
        if let Some(c) = CHAT_LINE.captures(line.trim_end()) {
            let who = c[2].to_owned();
            if is_label(&who) {
                return None;
            }
            // A mail's header block is no chat.
            if PASTED_HEADER.is_match(line) && c.get(1).is_none() {
                return None;
            }
            stamped &= c.get(1).is_some();
            messages.push((
                who,
                c.get(3).map(|m| m.as_str().to_owned()),
                vec![c.get(4)?.as_str()],
            ));
        } else if let Some(last) = messages.last_mut() {
            last.2.push(line);
        } else if !line.trim().is_empty() {
            return None;
        }
    }
    let speakers: std::collections::BTreeSet<&str> =
        messages.iter().map(|(w, _, _)| w.as_str()).collect();
    // Stamped lines from two people, or a copied chat where the user is "Me".
    if messages.len() < 2 || speakers.len() < 2 || !stamped && !speakers.iter().any(|w| is_me(w)) {
        return None;
    }
    // The other person: of those not "Me", the one who wrote most (a recruiter explains, the
    // user answers); all their messages are what they sent, the user's are quoted.
    let mut written: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (who, _, l) in &messages {
        *written.entry(who.as_str()).or_default() += l.iter().map(|l| l.len()).sum::<usize>();
    }
    let name = written
        .iter()
        .filter(|(w, _)| !is_me(w))
        .max_by_key(|(_, n)| **n)?
        .0
        .to_string();
    let mut aside = messages
        .iter()
        .find(|(w, a, _)| *w == name && a.is_some())
        .and_then(|(_, a, _)| a.clone());
    // "Flor Benítez Andes Talent", "Rodrigo Salas Reclutador": a phone's contact saved with
    // where or what the person works as after the name.
    let mut person = name.clone();
    let parts: Vec<&str> = name.split_whitespace().collect();
    if aside.is_none() && parts.len() >= 3 {
        use super::super::words;
        // Every word of the job is a job's ("Ana María García Reclutadora" keeps "García"); an
        // agency takes two words at least.
        if let Some((k, agency)) = (2..parts.len()).find_map(|k| {
            let tail = parts[k..].join(" ");
            let agency = parts.len() - k >= 2 && words::is_agency(&tail);
            (words::person_name(&parts[..k].join(" ")).is_some()
                && (agency || parts[k..].iter().all(|w| words::is_title(w))))
            .then_some((k, agency.then_some(tail)))
        }) {
            person = parts[..k].join(" ");
            // A company says where the writer works; a word like "Recruiter" saved by the user
            // is no title the writer gave.
            if agency.is_some() {
                aside = agency;
            }
        }
    }
    let mut body: Vec<&str> = Vec::new();
    let mut quoted = String::new();
    for (who, _, l) in &messages {
        if *who == name {
            body.extend(l.iter().copied());
        } else {
            quote(&mut quoted, who, l);
        }
    }
    Some(Conversation {
        name: person,
        // "Rosa (Sweet Hour Bakery)": where the writer works.
        headline: aside.map(|a| format!("at {a}")),
        linkedin: false,
        body: body.join("\n").trim().to_owned(),
        quoted,
    })
}

/// A chat message as quoted text: who spoke, then what they wrote.
fn quote(quoted: &mut String, who: &str, lines: &[&str]) {
    quoted.push_str(who);
    quoted.push('\n');
    for line in lines {
        quoted.push_str(line);
        quoted.push('\n');
    }
}

/// "Diego Marín  9:14 AM": who spoke, with the time, on a line of its own.
fn speaker(line: &str) -> Option<&str> {
    Some(SPEAKER.captures(line.trim())?.get(1)?.as_str())
}

/// The page's own lines between messages: a day ("AUG 18", "TODAY", "Monday").
fn is_day_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.contains(':') && LINKEDIN_TIME.is_match(line)
}

/// A conversation as LinkedIn copies it: the other person's name (with "· 1st") and headline,
/// then days and messages, each under its sender's name with the time.
fn linkedin_conversation(lines: &[&str]) -> Option<Conversation> {
    let first = lines.first()?.trim();
    // The card: the name, then (in any order, a few lines at most) " · 2nd", "2nd degree
    // connection", the name again, the headline, a day, an InMail's subject. Or no card: a chat
    // copied from elsewhere starts at its first speaker.
    // A LinkedIn page copied without its card starts at "… sent the following message at …":
    // a conversation when more than one person wrote (one person's message has a headline
    // under its name, which `linkedin_header` reads).
    let sent_first = SENT_MESSAGE.is_match(first);
    let card_name = match (speaker(first), NAME_LINE.captures(first)) {
        _ if sent_first => None,
        (None, Some(c)) => Some(c[1].trim().to_owned()),
        (Some(_), _) => None,
        (None, None) => return None,
    };
    let mut k = usize::from(card_name.is_some());
    let mut headline = None;
    let mut subject = false;
    if let Some(name) = &card_name {
        while let Some(t) = lines.get(k).map(|l| l.trim()) {
            if speaker(t).is_some() || SENT_MESSAGE.is_match(t) {
                break;
            }
            // The name again, perhaps with pronouns ("Nurul Aisyah Binti Rahman (She/Her)").
            let name_again = NAME_LINE
                .captures(t)
                .is_some_and(|c| c[1].trim() == name && c.get(2).is_none());
            if t.is_empty() || DEGREE_LINE.is_match(t) || t == name || name_again || is_day_line(t)
            {
                k += 1;
            } else if headline.is_none() && is_headline(t) {
                headline = Some(t.to_owned());
                k += 1;
            } else if headline.is_some() && !subject && t.chars().count() <= 120 {
                subject = true;
                k += 1;
            } else {
                return None;
            }
            if k > 10 {
                return None;
            }
        }
    }
    // Messages: (speaker, lines). A message starts at "Name  9:14 AM" or "Name sent the
    // following message at 9:14 AM"; LinkedIn's "View Name’s profile" and the name repeated
    // alone under the start are the page's, not the message's.
    let mut messages: Vec<(String, Vec<&str>)> = Vec::new();
    let mut just_started = false;
    // LinkedIn's own lines say where it was copied from, card or not.
    let mut linkedin = card_name.is_some();
    let mut me: Option<String> = None;
    for line in &lines[k..] {
        let t = line.trim();
        if let Some(who) = speaker(line) {
            let same = messages
                .last()
                .is_some_and(|(w, l)| w == who && l.is_empty());
            // "You sent the following message at 17:40", then the user's own name with the
            // time: the user, still "You".
            let you = messages
                .last()
                .is_some_and(|(w, l)| w == "You" && l.is_empty());
            if just_started && you {
                me = Some(who.to_owned());
            } else if !(just_started && same) {
                messages.push((who.to_owned(), Vec::new()));
            }
            just_started = true;
            continue;
        }
        if let Some(c) = SENT_MESSAGE.captures(t) {
            messages.push((c[1].to_owned(), Vec::new()));
            just_started = true;
            linkedin = true;
            continue;
        }
        if is_view_profile(t) {
            linkedin = true;
            continue;
        }
        if is_day_line(line) || is_program_line(line) || is_seen_line(t) {
            continue;
        }
        if just_started && messages.last().is_some_and(|(w, _)| w == t) {
            continue;
        }
        if let Some(last) = messages.last_mut() {
            if !(last.1.is_empty() && t.is_empty()) {
                last.1.push(line);
                just_started = false;
            }
        } else if !t.is_empty() {
            return None;
        }
    }
    // Without a card, the other person is the one who wrote last, never the user ("You").
    let card = card_name.is_some();
    let name = match card_name {
        Some(n) => n,
        None => messages
            .iter()
            .rev()
            .find(|(w, _)| w != "You" && me.as_deref() != Some(w.as_str()))?
            .0
            .clone(),
    };
    if !card && messages.iter().all(|(who, _)| who == &name) && (messages.len() < 2 || sent_first) {
        return None;
    }
    // The other person wrote last (perhaps in several messages); what came before is quoted.
    let from = messages
        .iter()
        .rposition(|(who, _)| who != &name)
        .map_or(0, |i| i + 1);
    if from >= messages.len() {
        return None;
    }
    let body: Vec<&str> = messages[from..]
        .iter()
        .flat_map(|(_, l)| l.iter().copied())
        .collect();
    let mut quoted = String::new();
    for (who, l) in &messages[..from] {
        quote(&mut quoted, who, l);
    }
    Some(Conversation {
        name,
        headline,
        linkedin,
        body: body.join("\n").trim().to_owned(),
        quoted,
    })
}

/// `(name, headline, lines used)` when `lines` begin as a LinkedIn message does: the sender's
/// name (with a pronoun or "· 2nd"), perhaps a headline, then the day or time it was sent,
/// or the name again with the time ("Marcus Whitfield  3:47 PM").
fn linkedin_header(lines: &[&str]) -> Option<(String, Option<String>, usize)> {
    let first = lines.first()?.trim();
    if let Some(c) = SENT_MESSAGE.captures(first) {
        // The notification line, then the name and headline again.
        let name = c[1].to_owned();
        let mut k = 1;
        while lines.get(k).is_some_and(|l| l.trim().is_empty()) {
            k += 1;
        }
        // The page's own lines between ("View Neha’s profile", the name again, "Neha
        // Kulkarni · 2nd", "(She/Her) · 1st").
        let page_line = |l: &str| {
            let l = l.trim();
            is_view_profile(l)
                || l == name
                || DEGREE_LINE.is_match(l)
                || NAME_LINE.captures(l).is_some_and(|c| c[1].trim() == name)
        };
        let mut named = false;
        while let Some(l) = lines.get(k).filter(|l| l.trim().is_empty() || page_line(l)) {
            named |= l.trim().starts_with(name.as_str());
            k += 1;
        }
        let mut headline = None;
        if named {
            if let Some(h) = lines.get(k).map(|l| l.trim()).filter(|h| is_headline(h)) {
                headline = Some(h.to_owned());
                k += 1;
            }
        }
        return Some((name, headline, k));
    }
    let c = NAME_LINE.captures(first)?;
    let name = c[1].trim().to_owned();
    if let Some(after) = c.get(2) {
        // "Rosie Calder · 8:37 AM" or "Julien Marchetti · 3rd"
        let after = after.as_str().trim();
        if LINKEDIN_TIME.is_match(after) {
            return Some((name, None, 1));
        }
        if !after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let mut headline = None;
    for (k, line) in lines.iter().enumerate().skip(1).take(3) {
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if LINKEDIN_TIME.is_match(line) {
            // The name may follow again with the time ("Gemma Thornbury  5:58 PM").
            let again = lines
                .get(k + 1)
                .is_some_and(|l| is_name_with_time(l.trim(), &name));
            return Some((name, headline, k + 1 + usize::from(again)));
        }
        if is_name_with_time(line, &name) {
            return Some((name, headline, k + 1));
        }
        if k == 1 && is_headline(line) {
            headline = Some(line.to_owned());
            continue;
        }
        break;
    }
    None
}

/// "Marcus Whitfield  3:47 PM": the sender's name again with the time of the message.
fn is_name_with_time(line: &str, name: &str) -> bool {
    line.strip_prefix(name).is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '·']).trim();
        !rest.is_empty() && rest.len() < line.len() && LINKEDIN_TIME.is_match(rest)
    })
}

/// A LinkedIn headline: a title at a company ("Talent Lead at Copperline Ventures",
/// "Recruiting Lead, Lab Automation · Solwyn Biotech").
fn is_headline(line: &str) -> bool {
    line.chars().count() < 200
        && ([
            " at ", " på ", " bij ", " bei ", " chez ", " hos ", " presso ",
        ]
        .iter()
        .any(|at| line.contains(at))
            || line.contains(" · ")
            || line.contains(" | ")
            || super::super::words::is_title(line))
}

static FORWARD_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?|-{2,}\s*(weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,})\s*$").unwrap()
});
static QUOTE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(-{3,}\s*original message\s*-{3,}|_{10,})\s*$").unwrap());
static WROTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(on|le|am|el|il|op|em|w dniu|den)\s.{4,250}(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|napisał\(a\)|napisał|napisała|skrev)\s*:\s*$|^\s*(am|op|den)\s.{4,250}\s(schrieb|schreef|skrev)\s.{1,200}@.{1,200}:\s*$").unwrap()
});

/// Splits text into the new content, a forwarded message and the quoted earlier messages.
pub(super) fn split_into(doc: &mut Doc, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let mut body = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if FORWARD_MARK.is_match(line) {
            let (forward, quoted) = forwarded(&lines[i + 1..]);
            doc.forward = Some(forward);
            doc.quoted.push_str(&quoted);
            break;
        }
        // An Outlook header over a quoted message, in bold from HTML ("**From:**") and in the
        // languages mail programs write it in ("Von: … / Gesendet: …").
        let label = |l: &str| l.trim_start().trim_start_matches('*').to_lowercase();
        let outlook_block = [
            "from:", "von:", "de :", "de:", "van:", "från:", "da:", "fra:", "od:",
        ]
        .iter()
        .any(|p| label(line).starts_with(p))
            && lines[i + 1..].iter().take(4).any(|l| {
                let l = label(l);
                [
                    "sent:",
                    "date:",
                    "gesendet:",
                    "envoyé :",
                    "envoyé:",
                    "enviado:",
                    "verzonden:",
                    "skickat:",
                    "inviato:",
                    "sendt:",
                    "data:",
                    "wysłano:",
                ]
                .iter()
                .any(|p| l.starts_with(p))
            });
        let two_line_wrote = i + 1 < lines.len()
            && lines[i]
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("on ")
            && WROTE.is_match(&format!("{} {}", lines[i].trim(), lines[i + 1].trim()));
        if QUOTE_MARK.is_match(line)
            || WROTE.is_match(line)
            || two_line_wrote
            || quote_starts(&lines[i..])
            || (outlook_block && !body.is_empty())
        {
            let subject_forward = doc
                .subject
                .as_deref()
                .is_some_and(|s| s.trim_start().to_ascii_lowercase().starts_with("fw"));
            // "____" above the header of the mail forwarded ("From: …" on the next line).
            let mark_then_header = QUOTE_MARK.is_match(line)
                && lines
                    .get(i + 1)
                    .is_some_and(|l| PASTED_HEADER.is_match(l.trim()));
            if (outlook_block || mark_then_header) && subject_forward && doc.forward.is_none() {
                let from = i + usize::from(mark_then_header);
                let (forward, quoted) = forwarded(&lines[from..]);
                doc.forward = Some(forward);
                doc.quoted.push_str(&quoted);
            } else {
                for l in &lines[i..] {
                    doc.quoted.push_str(l.trim_start_matches(['>', ' ']));
                    doc.quoted.push('\n');
                }
            }
            break;
        }
        // A mail or chat program's own lines are not the message.
        if !is_program_line(line) {
            body.push(line);
        }
        i += 1;
    }
    doc.body = body.join("\n");
}

/// Whether `lines` start a "> " quote: the first is quoted and so is at least half of what
/// follows ("  >> Pick a slot: https://…" alone, above a signature, is no quote).
fn quote_starts(lines: &[&str]) -> bool {
    let quoted = |l: &&str| l.trim_start().starts_with('>');
    // Counted only at a quoted line: this is asked of every line of the message.
    lines.first().is_some_and(quoted) && {
        let (mut marked, mut all) = (0, 0);
        for l in lines.iter().filter(|l| !l.trim().is_empty()) {
            all += 1;
            marked += usize::from(quoted(l));
        }
        marked * 2 >= all
    }
}

/// A forwarded message: its header lines, then its text (what it quotes goes to the second).
fn forwarded(lines: &[&str]) -> (Forward, String) {
    let mut forward = Forward::default();
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    while i < lines.len() {
        let Some(c) = PASTED_HEADER.captures(lines[i].trim()) else {
            break;
        };
        match c[1].to_ascii_lowercase().as_str() {
            "from" => forward.from = parse_person(&c[2]),
            "subject" | "objet" | "betreff" | "asunto" => {
                forward.subject = Some(c[2].trim().to_owned())
            }
            _ => {}
        }
        i += 1;
    }
    let mut inner = Doc::new(Format::Text);
    split_into(&mut inner, &lines[i.min(lines.len())..].join("\n"));
    forward.body = inner.body;
    (forward, inner.quoted)
}

/// "Seen by Alex Moreau at 2:20 PM.": LinkedIn's read receipt.
/// "View Neha’s profile", "Voir le profil de …", "Ver perfil de …", "Profil von … anzeigen".
fn is_view_profile(line: &str) -> bool {
    line.chars().count() < 80
        && (line.starts_with("View ") && line.contains("profile")
            || [
                "Voir le profil",
                "Ver el perfil",
                "Ver perfil",
                "Ver o perfil",
                "Bekijk het profiel",
                "Visa profil",
                "Wyświetl profil",
            ]
            .iter()
            .any(|p| line.starts_with(p))
            || line.starts_with("Profil von") && line.ends_with("anzeigen")
            || line.starts_with("Profiel van") && line.ends_with("bekijken")
            || line.starts_with("Se ") && line.ends_with("s profil"))
}

fn is_seen_line(line: &str) -> bool {
    line.starts_with("Seen by ") && line.len() < 80 && line.contains(" at ")
}

/// "Write a message…" (LinkedIn's box for the answer), "Sent from my iPhone".
fn is_program_line(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    l.starts_with("write a message")
        // The rest of LinkedIn's box: its buttons.
        || matches!(
            l.as_str(),
            "attach an image" | "attach a file" | "send a gif" | "open emoji keyboard" | "send"
                | "open send options" | "press enter to send" | "maximize compose field"
        )
        || (l.starts_with("sent from my ") && l.split_whitespace().count() <= 6)
        || l == "get outlook for ios"
        || l == "get outlook for android"
}
