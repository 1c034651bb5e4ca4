//! Which company and which role the message is about, from the texts `extract` has sorted: an
//! invite's summary, the writer's address and signature, the client an agency names, the words
//! around the role, the subject, the quoted decline.

use super::input::{self, Format};
use super::{org, people, words, FoundContact};

/// The hiring company (the agency only when it names no client), with the text it came from;
/// nothing rather than a phrase that is no name.
pub(super) fn company(
    doc: &input::Doc,
    writer: &input::Doc,
    body: &str,
    forward_body: &str,
    contact: &people::Found,
    c: &FoundContact,
) -> Option<(String, String)> {
    let found = find_company(doc, writer, body, forward_body, contact, c)
        .and_then(tidy_name)
        .filter(|(n, _)| plausible_company(n) || writers_own(n, doc, writer, c))
        .filter(|(n, _)| !a_person(n, doc, body));
    // What else failed, a mailbox named for the company ("Larkspur Outfitters Careers
    // <no-reply@…>", "Pinecrest Mutual via Loomhire").
    found.or_else(|| {
        [&doc.from, &writer.from]
            .into_iter()
            .flatten()
            .find_map(mailbox_company)
    })
}

/// A name the writer's own address spells whole ("Copperline Recruiting" for
/// jess@copperlinerecruiting.com) or their headline puts after "at" is their company even when
/// its words would name a team ("Recruiting", "HR").
fn writers_own(name: &str, doc: &input::Doc, writer: &input::Doc, c: &FoundContact) -> bool {
    let l = words::letters(&words::strip_legal(name));
    let spelled = [
        c.email.as_deref(),
        writer.from.as_ref().and_then(|f| f.email.as_deref()),
    ]
    .into_iter()
    .flatten()
    .filter(|e| !words::is_platform(e))
    .filter_map(words::domain_label)
    .any(|label| label == l);
    let headline = doc
        .profile
        .as_ref()
        .and_then(|(_, h)| h.as_deref())
        .is_some_and(|h| h.ends_with(&format!(" at {name}")));
    (spelled || headline) && shaped_like_a_name(name)
}

/// The company a sender's display name stands for, with that name as evidence.
fn mailbox_company(from: &input::Person) -> Option<(String, String)> {
    let display = from.name.as_deref()?;
    company_of_mailbox(display).map(|n| (n, format!("From: {display}")))
}

/// The company a bulk mail's sender is named for ("Lumen Harbour Careers <careers-noreply@…>").
pub(super) fn company_of_sender(doc: &input::Doc) -> Option<(String, String)> {
    let from = doc.from.as_ref()?;
    // A newsletter about hiring in general ("Tradewind Careers <newsletter@…>") is about no
    // company.
    let local = from.email.as_deref()?.split('@').next()?.to_lowercase();
    if local.contains("news") {
        return None;
    }
    mailbox_company(from)
}

/// A found company's name as written, or nothing when it is no name.
#[cfg(test)]
pub(super) fn tidy_company(found: (String, String)) -> Option<(String, String)> {
    tidy_name(found).filter(|(name, _)| plausible_company(name))
}

/// A found company's name cut to the name: no sentence, signature separator or site after it.
fn tidy_name((name, why): (String, String)) -> Option<(String, String)> {
    // A name ends where its sentence does and before a signature's separator ("Ashgrove
    // Insurance | Hartford, CT").
    let mut name = to_sentence_end(&name).to_owned();
    // ... and before a signature's or a card's separator ("Bunyip Forge · Adelaide").
    if let Some(i) = name.find(" | ").or_else(|| name.find(" · ")) {
        name.truncate(i);
    }
    // "Brightwick Learning, Sydney", "Louise Hambleton, Early Careers Manager": the name is
    // what comes before the comma, unless a legal form follows ("Acme, Inc.").
    if let Some((head, tail)) = name.split_once(", ") {
        if words::strip_legal(&name) == name {
            // "Human Resources, University of Hartcliffe": the team first, then the name.
            let team = people::is_department(head) || words::is_title(head);
            name = if team { tail } else { head }.to_owned();
        }
    }
    // A full stop after a plain word ends the sentence; after an abbreviation ("B.V.", "Co.")
    // it is part of the name.
    let last = name.split_whitespace().last().unwrap_or("");
    let bare = last.trim_end_matches('.').to_lowercase();
    let abbreviation = bare.contains('.')
        || [
            "co", "inc", "ltd", "corp", "llc", "pty", "plc", "bv", "sa", "ag", "srl", "spa", "sp",
            "oy", "ab", "as", "kk", "llp", "lp", "sarl", "sas", "nv", "pvt", "pte", "bhd", "sdn",
            "jr", "sr", "st", "bros", "intl",
        ]
        .contains(&bare.as_str());
    if !abbreviation {
        name = name.trim_end_matches('.').to_owned();
    }
    let mut name = name.trim_end_matches([',', ';', ':']).trim().to_owned();
    // "Grainger & Lowe Support Office": the site, not the name.
    for site in [
        " Support Office",
        " Head Office",
        " Main Office",
        " Regional Office",
        " HQ",
    ] {
        if let Some(head) = name.strip_suffix(site) {
            if plausible_company(head) {
                name = head.trim().to_owned();
            }
        }
    }
    // "Fernhill Outdoor Co", "Xanthe Robotics Sp": a legal form that lost its dot on the way is
    // left off whole rather than half.
    let with_dot = format!("{name}.");
    let stripped = words::strip_legal(&with_dot);
    if stripped != with_dot && !stripped.is_empty() && !name.ends_with('.') {
        name = stripped;
    }
    Some((name, why))
}

/// Whether `body` names `part` on its own, and whether as a job's field ("the Senior Civil
/// Engineer – Flood Resilience role").
fn mentions(part: &str, body: &str) -> (bool, bool) {
    let part = without_aside(part);
    let (mut alone, mut as_field) = (false, false);
    if !part.is_empty() {
        for (i, _) in body.match_indices(part) {
            if body[..i]
                .trim_end_matches(' ')
                .ends_with(['–', '-', '—', ',', '|'])
            {
                as_field = true;
            } else {
                alone = true;
            }
        }
    }
    (alone, as_field)
}

/// "Frostlantern Interactive (Stockholm, relocation)" → "Frostlantern Interactive": without the
/// aside in brackets at the end.
fn without_aside(part: &str) -> &str {
    match part.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
        Some((head, _)) => head.trim(),
        None => part.trim(),
    }
}

/// The company a mailbox's display name stands for: "Larkspur Outfitters Careers" →
/// "Larkspur Outfitters", "Pinecrest Mutual via Loomhire" → "Pinecrest Mutual".
fn company_of_mailbox(display: &str) -> Option<String> {
    let (mut name, via) = match display.split_once(" via ") {
        Some((head, _)) => (head.trim(), true),
        None => (display.trim(), false),
    };
    let mut stripped = false;
    loop {
        let lower = name.to_lowercase();
        let Some(tail) = [
            " careers",
            " jobs",
            " recruiting",
            " recruitment",
            " talent acquisition",
            " talent",
            " hiring team",
            " hiring",
            " hr",
            " people team",
            " team",
            " notifications",
        ]
        .into_iter()
        .find(|t| lower.ends_with(t)) else {
            break;
        };
        name = name[..name.len() - tail.len()].trim_end();
        stripped = true;
    }
    // "Maya Lund via Loomhire" is a person writing through a platform.
    let person = words::person_name(name).is_some();
    let name = words::strip_legal(name);
    (plausible_company(&name) && (stripped || via && !person)).then_some(name)
}

/// A name up to where its sentence ends ("Ferrowind. We've…" → "Ferrowind", not "Sp. z o.o.").
fn to_sentence_end(name: &str) -> &str {
    name.match_indices(". ")
        .find(|(i, _)| name[i + 2..].starts_with(char::is_uppercase))
        .map_or(name, |(i, _)| &name[..i])
}

/// A company's name: a few words, each capitalised (or a joining word or a legal form's
/// abbreviation: "Sp. z o.o."), no sentence, no time,
/// none of a mail program's own lines ("Write a message…", "Sent from my iPhone").
fn plausible_company(name: &str) -> bool {
    shaped_like_a_name(name)
        // A job title or a team is no company ("Senior Editor", "People Team").
        && (!words::is_title(name) || words::is_agency(name))
        && !people::is_department(name)
}

/// The shape of an organisation's name, whatever its words say.
fn shaped_like_a_name(name: &str) -> bool {
    const JOINING: &[&str] = &[
        "of", "and", "&", "de", "du", "des", "la", "le", "und", "der", "for", "the", "y", "e",
        "van", "von", "et", "a", "an", "in", "on", "del", "para", "pour", "für", "voor", "för",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !name.contains(['…', ':', '?', '!', '@'])
        && !name.contains("...")
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
                || JOINING.contains(w)
                || w.contains('.')
                || w.chars().count() == 1
        })
        && !words
            .iter()
            .any(|w| matches!(w.to_ascii_uppercase().as_str(), "AM" | "PM"))
        && !name.to_lowercase().starts_with("sent from")
        // A subject's label: "Confidential: Director of Product Security – …".
        && !matches!(
            name.to_lowercase().as_str(),
            "confidential" | "urgent" | "important" | "exclusive" | "reminder" | "update"
                | "opportunity" | "invitation" | "hiring" | "private"
        )
        // "SGD 14.5k/month", "2nd": a sum or a platform's degree, no name.
        && !name.contains('/')
        && !words.iter().any(|w| {
            let w = w.to_lowercase();
            let digits = w.trim_end_matches(char::is_alphabetic);
            !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
                && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th" | "k" | "m")
        })
        && !matches!(
            words.first().map(|w| w.to_ascii_uppercase()).as_deref(),
            Some("USD" | "GBP" | "EUR" | "SGD" | "AUD" | "CAD" | "INR" | "NZD" | "CHF" | "HKD" | "AED" | "ZAR")
        )
}

/// "Stanhope Dental Partners", "Lakeshore Health Partners": a firm of partners in a trade, named
/// in an agency's subject next to the job, is the client; "Keystone Talent Partners" is an agency.
fn is_partnership(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 3
        && matches!(words.last(), Some(&"Partners") | Some(&"Associates"))
        && !words::is_agency(&words[..words.len() - 1].join(" "))
}

fn find_company(
    doc: &input::Doc,
    writer: &input::Doc,
    body: &str,
    forward_body: &str,
    contact: &people::Found,
    c: &FoundContact,
) -> Option<(String, String)> {
    let subject = doc.subject.clone().unwrap_or_default();
    // An invite: the summary part that matches the organizer's domain.
    if let Some(e) = doc.events.first() {
        let label = e
            .organizer
            .as_ref()
            .and_then(|o| o.email.as_deref())
            .and_then(words::domain_label);
        if let Some(label) = label {
            for part in org::subject_parts(&e.summary) {
                let name = words::strip_legal(&org::strip_interview_words(&part));
                if words::domain_match(&name, &label) > 0 && plausible_company(&name) {
                    return Some((name, e.summary.clone()));
                }
            }
            if let Some(found) = org::by_domain(&[&e.summary, &e.description], &label) {
                return Some(found);
            }
        }
    }
    let texts: Vec<&str> = vec![&subject, body, forward_body, &doc.body];
    // The writer's own company: their address's domain, a platform card, the signature.
    let emails = [
        c.email.clone(),
        writer.from.as_ref().and_then(|f| f.email.clone()),
        doc.forward
            .as_ref()
            .and_then(|f| f.from.as_ref())
            .and_then(|p| p.email.clone()),
    ];
    let mut writer_company = None;
    for email in emails.iter().flatten() {
        if words::is_platform(email) {
            continue;
        }
        if let Some(label) = words::domain_label(email) {
            if let Some(found) = org::by_domain(&texts, &label) {
                writer_company = Some(found);
                break;
            }
        }
    }
    let writer_company = writer_company.or_else(|| {
        contact
            .company
            .clone()
            .map(|(name, why)| (words::strip_legal(&name), why))
            .filter(|(name, _)| {
                !name.is_empty()
                    // "This mailbox is not monitored." under a team's sign-off: no name.
                    && name.split([',', '|', '·']).any(|part| {
                        let part = part.trim().trim_end_matches('.');
                        plausible_company(part) || writers_own(part, doc, writer, c)
                    })
                    && (contact.company_own_line
                        || words::person_name(name)
                            .is_none_or(|_| name.split_whitespace().count() > 1))
            })
    });
    let mentions_client = { static R: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)\b(?:my|our|the|their) client|client's|on behalf of (?:a|an|our)|confidential (?:search|client)|my clients|the same client").expect("valid")); &R }
        .is_match(&format!("{subject}\n{body}"));
    if let Some((name, why)) = &writer_company {
        if is_agency_name(name) || mentions_client {
            let exclude: Vec<&str> = [c.name.as_deref(), Some(name.as_str())]
                .into_iter()
                .flatten()
                .collect();
            // "Senior Civil Engineer – Flood Resilience (Bristol)": a part right after the job
            // names its field when the message writes it so ("the … Engineer – Flood
            // Resilience role"), when it carries the job's reference ("Night Shift (Req
            // 40213)") or when a name follows ("… – Grid Connections – Calderbank
            // Renewables"); never when the message names it on its own.
            let raw_parts = org::subject_parts(&subject);
            let parts: Vec<String> = raw_parts
                .iter()
                .map(|p| org::strip_interview_words(p))
                .collect();
            let field_of_role = |i: usize| {
                static REFERENCE: std::sync::LazyLock<regex::Regex> =
                    std::sync::LazyLock::new(|| {
                        regex::Regex::new(r"(?i)\((?:req|ref|job|id)\b").expect("valid")
                    });
                let name_follows = parts[i + 1..]
                    .iter()
                    .any(|p| p.starts_with(char::is_uppercase) && !words::is_role(p));
                let (alone, as_field) = mentions(&parts[i], body);
                i > 0
                    && words::is_role(&parts[i - 1])
                    && !alone
                    && (as_field || REFERENCE.is_match(&raw_parts[i]) || name_follows)
            };
            let subject_parts: Vec<String> = parts
                .iter()
                .enumerate()
                .filter(|(i, _)| !field_of_role(*i))
                // "Frostlantern Interactive (Stockholm, relocation)": the aside is not the name.
                .map(|(_, p)| without_aside(p).to_owned())
                .filter(|p| {
                    !p.is_empty()
                        && !words::is_place(p)
                        && p.split_whitespace().all(|w| {
                            w.chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase() || c == '&')
                        })
                        && !words::is_role(p)
                        // "RE: Interim CFO - moving Thursday's call": a job, not the client;
                        // "Solvik Maritime A/S": a name with its legal form.
                        && plausible_company(&words::strip_legal(p))
                        && p.chars().next().is_some_and(char::is_uppercase)
                        && words::letters(p) != words::letters(name)
                        && (!words::is_agency(p) || is_partnership(p))
                        && p.split_whitespace().count() <= 5
                        && words::person_name(p).is_none_or(|_| {
                            p.split_whitespace().count() >= 2
                                && !p.split_whitespace().any(|w| w.len() <= 2)
                                // "RE: Fernmoor - Head of Claims": one word nobody is greeted by
                                // or signs with is the client.
                                || p.split_whitespace().count() == 1
                                    && !greeted_or_signed(p, &format!("{body}\n{}", doc.quoted))
                        })
                })
                .filter(|p| !a_person(p, doc, body))
                .collect();
            for part in &subject_parts {
                let one_name = part.split_whitespace().count() == 1
                    && part.chars().skip(1).all(|ch| ch.is_lowercase());
                if !part.to_lowercase().contains("via ")
                    && c.name.as_deref().is_none_or(|n| !part.contains(n))
                    && (part.split_whitespace().count() >= 2 || one_name)
                {
                    return Some((words::strip_legal(part), subject.clone()));
                }
            }
            let mut search: Vec<&str> = vec![body, forward_body];
            if doc.quoted.len() < 20_000 {
                search.push(&doc.quoted);
            }
            if let Some(found) = org::client(&search, name, &exclude) {
                return Some(found);
            }
            if is_agency_name(name) || mentions_client {
                return Some((name.clone(), why.clone()));
            }
        }
        return Some((name.clone(), why.clone()));
    }
    // A job site's message: the company and the role head it, then "Message from: …".
    if body.lines().any(|l| l.starts_with("Message from:")) {
        if let Some(first) = body.lines().map(str::trim).find(|l| !l.is_empty()) {
            if !words::is_role(first) && !first.starts_with("Message from:") {
                return Some((words::strip_legal(first), first.to_owned()));
            }
        }
    }
    // A platform's card: "Company: Quenby Labs".
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?im)^\s*(?:company|employer|organi[sz]ation|hiring company|unternehmen|empresa|entreprise)\s*:\s*(\p{Lu}[^\n]{1,60}?)\s*$").expect("valid")
    });
    for text in [body, forward_body] {
        if let Some(cap) = LABEL.captures(text) {
            let name = words::strip_legal(&cap[1]);
            if plausible_company(&name) && !is_agency_name(&name) {
                return Some((name, cap[0].trim().to_owned()));
            }
        }
    }
    // Any other address in the message that is a company's ("Your recruiter: Dmitri Vasquez
    // (dmitri.vasquez@quenbylabs.com)"): the name its domain spells.
    let user = doc
        .to
        .as_ref()
        .and_then(|t| t.email.clone())
        .unwrap_or_default();
    for text in [body, forward_body] {
        for m in people::EMAIL.find_iter(text) {
            let email = m.as_str().to_lowercase();
            if email == user || words::is_platform(&email) || words::is_no_reply(&email) {
                continue;
            }
            if let Some(label) = words::domain_label(&email) {
                if let Some((name, why)) = org::by_domain(&texts, &label) {
                    if plausible_company(&name) && !is_agency_name(&name) {
                        return Some((name, why));
                    }
                }
            }
        }
    }
    // No address to go by: the words around the role, then the subject.
    static AT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(?:position|role|vacancy|opening|job|post|opportunity|poste|posición|puesto|interest in|Greetings from|applying (?:to|for)|application (?:to|with)|chez|bei der|bei|en|I've left|I have left) (?:[^.\n]{0,60}? )?(at|with|in|chez|bei der|bei|en|from)?\s*(\p{Lu}[\p{L}\p{N}'’&.-]*(?: (?:&|(?:of|de|del|für) \p{Lu}[\p{L}\p{N}'’&.-]*|\p{Lu}[\p{L}\p{N}'’&.-]*))*)").expect("valid")
    });
    // "I'm a Technical Recruiter at Holloway Cartographics", "on behalf of Tessaly Foods": the
    // name right after, whole.
    static AT_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"()(?:\b(?i:team|up|here|ourselves|us|hiring|recruiting|recruiter|manager|lead|partner|coordinator|director|founder|sourcer|specialist|gm|ceo|cto|coo|cfo|owner|head|hr|officer|executive|consultant|president|supervisor|principal|administrator) at|\bon behalf of|\b(?i:this is|it's|its|it is|i'm|i am|my name is)\s+(?:(?i:ma'am|sir|mrs?|ms|miss|dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?,? (?:from|of|at|with)|\b\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)? here,? (?:from|of|at|with)) (\p{Lu}[\p{L}\p{N}'’&.-]*(?: (?:&|of|\p{Lu}[\p{L}\p{N}'’&.-]*))*)").expect("valid")
    });
    for text in [body, forward_body, &doc.quoted] {
        for cap in AT_TITLE.captures_iter(text).chain(AT.captures_iter(text)) {
            let whole = cap.get(0).expect("a match");
            let mut lead = &text[whole.start()..cap.get(2).map_or(whole.end(), |m| m.start())];
            // "interest in Corvane Federal Systems": the words skipped on the way to a name,
            // when no "at" or "with" ends them, are the name's own first words.
            let mut full = cap[2].to_owned();
            if cap.get(1).is_none() {
                while let Some((head, word)) = lead.trim_end().rsplit_once(' ') {
                    if !word.starts_with(char::is_uppercase) || word.ends_with([',', ':']) {
                        break;
                    }
                    full = format!("{word} {full}");
                    lead = &lead[..head.len() + 1];
                }
            }
            // "within Germany. Would": the name ends with its sentence.
            let name = to_sentence_end(&words::strip_legal(&full)).to_owned();
            // "the role at Brackenmoor", "our team at Ivoryhull": one word after "at" is an
            // organisation, not a first name.
            let at = lead.trim_end().ends_with(" at")
                || lead.trim_end().ends_with("behalf of")
                || lead.starts_with("I've left")
                || lead.starts_with("I have left");
            if name.len() >= 3
                && !words::is_role(&name)
                && !words::is_title(&name)
                && !is_calendar_word(&name)
                && !words::is_place(&name)
                && (at
                    || words::person_name(&name)
                        .is_none_or(|_| name.split_whitespace().count() >= 2))
                && !a_person(&name, doc, text)
            {
                let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
                if !["the", "our", "your", "a", "an", "this"].contains(&first.as_str()) {
                    let client = if is_agency_name(&name) {
                        org::client(
                            &[body, forward_body, &doc.quoted],
                            &name,
                            &[c.name.as_deref().unwrap_or("")],
                        )
                    } else {
                        None
                    };
                    return client.or(Some((name, cap[0].to_owned())));
                }
            }
        }
    }
    None
}

/// Whether `word` is a name someone is greeted by ("Hi Fernmoor") or signs with (a line of its
/// own) in `text`.
fn greeted_or_signed(word: &str, text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim().trim_start_matches('>').trim();
        l == word
            || GREETINGS
                .iter()
                .any(|g| l.starts_with(&format!("{g}{word}")))
    })
}

/// How a line greets someone by name.
const GREETINGS: [&str; 6] = ["Hi ", "Hello ", "Dear ", "Hey ", "Hiya ", "Morning "];

/// Whether `name` is a person the message speaks of: the user it greets or is addressed to
/// ("Fwd: Aisha Rahman - CV - …" under "Hi Aisha"), or someone with an honorific or a title
/// in brackets ("Dr. Sandra Okoye (Chief Executive Officer)").
fn a_person(name: &str, doc: &input::Doc, body: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || words.len() > 3 || words::person_name(name).is_none() {
        return false;
    }
    let to = doc
        .to
        .as_ref()
        .and_then(|t| t.name.as_deref())
        .unwrap_or("");
    if to.eq_ignore_ascii_case(name) {
        return true;
    }
    // Where a greeting and such mentions are: the head of the message (a bound, so that a
    // message naming many people stays linear).
    let mut end = body.len().min(16 * 1024);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let head = &body[..end];
    // "Hi Aisha," greets the user: the first name whole, as a word.
    let greeted = head.lines().take(40).any(|l| {
        let l = l.trim().trim_start_matches('>').trim();
        GREETINGS
            .iter()
            .filter_map(|g| l.strip_prefix(g))
            .any(|rest| {
                rest.strip_prefix(words[0])
                    .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
            })
    });
    greeted
        || head.match_indices(name).any(|(i, _)| {
            let before = head[..i].trim_end_matches(' ');
            let honorific = [
                "Dr.", "Dr", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Prof.",
            ]
            .iter()
            .any(|h| {
                before.ends_with(h)
                    && !before[..before.len() - h.len()].ends_with(|c: char| c.is_alphanumeric())
            });
            let titled = head[i + name.len()..]
                .strip_prefix(" (")
                .and_then(|r| r.get(..r.len().min(80)))
                .and_then(|r| r.split_once(')'))
                .is_some_and(|(inside, _)| words::is_title(inside));
            honorific || titled
        })
}

/// A day, a month or a time of day, which follows "at" too.
fn is_calendar_word(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    words::is_day_or_month(&first)
        || [
            "noon", "midday", "midnight", "the", "our", "your", "this", "a", "an", "my", "i", "we",
            "you",
        ]
        .contains(&first.as_str())
}

fn is_agency_name(name: &str) -> bool {
    words::is_agency(name)
}

/// The role, from the most trusted text that names one, without the words around it ("the …
/// role", "a call about the …", a dangling "and"); a text whose role is no job after tidying
/// gives way to the next.
///
/// A reply's thread subject ("Re: Android Developer interview – withdrawing") names the role the
/// user declined, which a role the reply offers instead must not replace.
pub(super) fn role(
    doc: &input::Doc,
    body: &str,
    forward_body: &str,
    reply: bool,
    company: Option<&str>,
) -> Option<(String, String)> {
    let tidy = |(role, why): (String, String)| tidy_role(&role, company).map(|r| (r, why));
    if reply {
        // Only a subject part that is the role and nothing else ("Android Developer"), not one
        // with other words around it ("Terugtrekking sollicitatie Data Analist").
        let bare = |(role, why): (String, String)| {
            let joining = [
                "of", "and", "&", "–", "-", "de", "la", "el", "für", "(", ")",
            ];
            role.split_whitespace()
                .all(|w| {
                    w.chars().next().is_some_and(|c| !c.is_lowercase()) || joining.contains(&w)
                })
                .then(|| tidy((role, why)))
                .flatten()
        };
        if let Some(found) = subject_role(doc, &bare) {
            return Some(found);
        }
    }
    let subject = doc.subject.as_deref().unwrap_or_default();
    find_role(doc, body, forward_body, &tidy).map(|(role, why)| {
        let texts = [why.as_str(), subject, body];
        let mut role = with_field(role, &texts);
        // "Analista de Riesgos Sr.": the abbreviation keeps the dot the sentence's end took.
        if (role.ends_with(" Sr") || role.ends_with(" Jr"))
            && texts.iter().any(|t| t.contains(&format!("{role}.")))
        {
            role.push('.');
        }
        (role, why)
    })
}

/// "VP, Model Risk Management – Wrenfield Bank": a role that names only a rank ("the VP role")
/// takes the field written after it where the message names it whole.
fn with_field(role: String, texts: &[&str]) -> String {
    if !words::names_only_a_rank(&role) {
        return role;
    }
    let whole = format!("{role}, ");
    let Some((why, at)) = texts.iter().find_map(|t| t.find(&whole).map(|at| (*t, at))) else {
        return role;
    };
    let field: Vec<&str> = why[at + role.len() + 2..]
        .split_whitespace()
        .take_while(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "&" | "and" | "of")
        })
        .collect();
    let field = field.join(" ");
    let field = field.trim_end_matches([',', '.', ';', ':']);
    if field.is_empty() || matches!(field.split_whitespace().last(), Some("&" | "and" | "of")) {
        return role;
    }
    format!("{role}, {field}")
}

fn subject_role(doc: &input::Doc, tidy: Tidy) -> Option<(String, String)> {
    let subject = doc.subject.clone().unwrap_or_default();
    org::subject_parts(&subject)
        .into_iter()
        .filter_map(|p| org::subject_role(&p))
        .filter(|p| p.split_whitespace().count() <= 8)
        .find_map(|p| tidy((p, subject.clone())))
}

pub(super) fn tidy_role(role: &str, company: Option<&str>) -> Option<String> {
    let mut r = role.trim().to_owned();
    r = org::without_open_aside(&r).to_owned();
    // "…, Advt. No. 14/2026", "…, Job Ref KBP/SOI/2026/88", "…, Faculty of Engineering": the
    // advert's number or the unit that hires, after a comma, is no part of the job.
    static TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i),\s*(?:(?:advt|advert(?:isement)?|job ref|ref|reference|vacancy|vaga|req|job id|post)\b[^,]*\d[^,]*|(?:faculty|department|school|division|directorate) of [^,]+)$").expect("valid")
    });
    if let Some(m) = TAIL.find(&r) {
        if words::is_role(&r[..m.start()]) {
            r.truncate(m.start());
        }
    }
    // "…, Dnr KS 2026/114", "… (vacaturenummer V2026-118)", "(Código FAC-2026-12)": a file or
    // advert number in any language, after a comma or in brackets at the end.
    if let Some(at) = r
        .rfind(", ")
        .filter(|&i| is_reference(&r[i + 2..]))
        .or_else(|| {
            r.strip_suffix(')')
                .and_then(|h| h.rfind(" ("))
                .filter(|&i| is_reference(&r[i + 2..r.len() - 1]))
        })
    {
        if words::is_role(&r[..at]) {
            r.truncate(at);
        }
    }
    for marker in [" about the ", " about our ", " for the ", " for our "] {
        if let Some(i) = r.rfind(marker) {
            r = r[i + marker.len()..].to_owned();
        }
    }
    let company = company.map(words::letters).filter(|c| c.len() >= 3);
    let is_company = |text: &str| {
        let l = words::letters(text);
        company
            .as_ref()
            .is_some_and(|c| !l.is_empty() && (*c == l || c.starts_with(&l) && l.len() >= 4))
    };
    // "Ellerby Partners Graduate Analyst": the company's name before the role.
    if let Some(c) = &company {
        let mut seen = String::new();
        for (i, w) in r.split_whitespace().enumerate() {
            seen.push_str(&words::letters(w));
            if seen == *c {
                let rest: String = r
                    .split_whitespace()
                    .skip(i + 1)
                    .collect::<Vec<_>>()
                    .join(" ");
                if words::is_role(&rest) {
                    r = rest;
                }
                break;
            }
            if !c.starts_with(&seen) {
                break;
            }
        }
    }
    // A parenthesis at the end: the role when the words before it are the interview's ("Pairing
    // interview (Full Stack Engineer)", "Lena <> Orchid Lane (Product Manager)"); dropped when
    // it is the company, a stage or a reference ("(Pixelmoth)", "(first stage)", "(CB-4471)");
    // kept when it belongs to the job ("(React)", "(AML/KYC)").
    if let Some(inner) = r
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
        .map(|(head, inner)| (head.trim().to_owned(), inner.trim().to_owned()))
    {
        let (head, inner) = inner;
        let head_not_job = head.contains("<>")
            || is_company(&head)
            || INTERVIEW_HEAD.is_match(&head)
                && !words::is_role(&org::strip_interview_words(&head));
        // "(Sevilla / híbrido)", "(Remote, US)", "(Post ref WDC/2026/118)": where and how the
        // job is done, or its reference.
        static WHERE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?i)\b(?:remote|hybrid|h[íi]brido|remoto|hybride|on-?site|in-office|office-based|presencial|t[ée]l[ée]travail|post ref|ref(?:\.|:| no\b| #)|req(?:\.|:| #| \d)|vaga|vacancy|advt|n[º°]|client\b)|\d\s*%")
                .expect("valid")
        });
        let inner_not_job = is_company(&inner)
            || STAGE.is_match(&inner)
            || WHERE.is_match(&inner)
            || inner
                .split(['/', ','])
                .next()
                .is_some_and(|first| words::is_place(first.trim()))
            || inner.chars().any(|c| c.is_ascii_digit())
                && inner.contains('-')
                && !inner.contains(' ');
        if head_not_job && words::is_role(&inner) {
            r = inner;
        } else if inner_not_job && words::is_role(&head) {
            r = head;
        }
    }
    // "Gameplay Programmer på Södermalm Games", "… / M. Esposito", "… offer", "… as follows".
    // "Patient Access Representative**": HTML's bold at its edges.
    r = r.trim_matches(['*', '_']).trim().to_owned();
    // "Product Designer, Harbourline Health", "Senior Business Analyst (Aisha Siddiqui)": the
    // company after a comma, a person in brackets.
    if let Some((head, tail)) = r.rsplit_once(", ") {
        if is_company(tail) && words::is_role(head) {
            r = head.to_owned();
        }
    }
    if let Some((head, inner)) = r.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        if is_full_name_not_job(inner) && words::is_role(head) {
            r = head.to_owned();
        }
    }
    // "Analista de Dados Pleno e temos uma ótima notícia": "and" in another language, then a
    // sentence.
    static AND_THEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r" (?:e|y|et|und|en|och|og) \p{Ll}").expect("valid")
    });
    if let Some(m) = AND_THEN.find(&r) {
        if words::is_role(&r[..m.start()]) {
            r.truncate(m.start());
        }
    }
    for cut in [" på ", " bei ", " chez ", " at ", " @ ", " / "] {
        if let Some((head, tail)) = r.split_once(cut) {
            let tail_is_other = is_company(tail)
                || cut == " @ "
                || cut == " / " && words::person_name(tail.trim_start_matches("M. ")).is_some()
                || cut == " / "
                    && tail.split_whitespace().count() == 2
                    && tail.starts_with(|c: char| c.is_uppercase())
                    && tail.contains(". ");
            if tail_is_other && words::is_role(head) {
                r = head.to_owned();
            } else if cut == " / "
                // "Tom Hargreaves / Senior Embedded Engineer": the candidate, then the job.
                && is_full_name_not_job(head)
                && words::is_role(tail)
            {
                r = tail.to_owned();
            }
        }
    }
    for tail in [" offer", " as follows", " competition"] {
        if let Some(head) = r.strip_suffix(tail) {
            if words::is_role(head) {
                r = head.to_owned();
            }
        }
    }
    loop {
        let before = r.clone();
        for tail in [
            " role",
            " position",
            " process",
            " opening",
            " vacancy",
            " and",
            " we",
            " or",
        ] {
            let end = r.len().saturating_sub(tail.len());
            if end > 0 && r.get(end..).is_some_and(|t| t.eq_ignore_ascii_case(tail)) {
                r.truncate(r.len() - tail.len());
            }
        }
        r = r.trim_end_matches([',', ';', ':', ' ']).to_owned();
        if r == before {
            break;
        }
    }
    words::is_role(&r).then_some(r)
}

/// A reference number's words: a code of capitals and digits ("FAC-2026-12", "V2026-118",
/// "HR-3381") or a number with a slash or dash inside ("2026/114"), few words around it.
fn is_reference(text: &str) -> bool {
    static CODE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(?:\p{Lu}{1,6}[-/]?\d{2,}|\d{2,}[-/.]\d{2,})").expect("valid")
    });
    text.split_whitespace().count() <= 5 && CODE.is_match(text) && !text.contains(['(', ')'])
}

/// A person's name of two words or more that is no job: the candidate or the interviewer beside
/// a role ("Senior Business Analyst (Aisha Siddiqui)", "Tom Hargreaves / Senior Embedded
/// Engineer").
fn is_full_name_not_job(text: &str) -> bool {
    words::person_name(text).is_some_and(|n| n.split_whitespace().count() >= 2)
        && !words::is_role(text)
}

/// Words that make a text an interview's name, not a job's.
static INTERVIEW_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(interview|call|chat|screen|pairing|meeting|session|conversation)\b")
        .expect("valid")
});

/// A parenthesis that names a stage of the process, not the job.
static STAGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:first|second|third|final|1st|2nd|3rd)?\s*(?:stage|round|interview|screen|call)(?: \w+)?$|^(?:req|ref|job|id)\b")
        .expect("valid")
});

type Tidy<'a> = &'a dyn Fn((String, String)) -> Option<(String, String)>;

fn find_role(
    doc: &input::Doc,
    body: &str,
    forward_body: &str,
    tidy: Tidy,
) -> Option<(String, String)> {
    if let Some(e) = doc.events.first() {
        if doc.format == Format::Ics {
            for part in org::subject_parts(&e.summary) {
                let name = org::strip_interview_words(&part);
                if words::is_role(&name) {
                    if let Some(found) = tidy((name, e.summary.clone())) {
                        return Some(found);
                    }
                }
            }
        }
    }
    org::role(&[body, forward_body])
        .and_then(tidy)
        .or_else(|| org::role_after_colon(body).and_then(tidy))
        .or_else(|| subject_role(doc, tidy))
        .or_else(|| org::role(&[&doc.quoted]).and_then(tidy))
        .or_else(|| {
            let e = doc.events.first()?;
            org::subject_parts(&e.summary)
                .into_iter()
                .map(|p| org::strip_interview_words(&p))
                .filter(|p| words::is_role(p))
                .find_map(|p| tidy((p, e.summary.clone())))
        })
}
