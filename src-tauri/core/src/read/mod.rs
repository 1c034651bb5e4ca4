//! Reading what a recruiter sent: an invitation fills the Situation, a reply gets the right
//! answer. One received message (pasted text, an .eml, an .ics invite) becomes the fields it
//! states — company, role, contact, dates, stage, channel — each with the text it came from, and
//! for a reply what it wants and which message answers it. Offline, and never guessing: a field
//! the message does not state stays absent. Libraries decode (mail-parser, icalendar, html2text,
//! chrono-tz); the rules here only extract.

mod classify;
mod dates;
mod fields;
mod ics;
mod input;
mod intent;
mod model;
mod org;
mod people;
mod words;
mod zones;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

pub use crate::decide::situation::{OriginChannel, Stage};
use crate::message::MessageKind;
use crate::Result;
pub use input::Format;

/// Largest input read, in bytes.
pub const MAX_READ_BYTES: usize = 1 << 20;

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An invitation to interview (or to talk about a job).
    Invitation,
    /// A reply to the user's decline, withdrawal or cancellation.
    Reply,
    /// Anything else (a newsletter, an alert, a receipt, an application acknowledgement).
    Other,
}

/// What a recruiter's reply wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Accepts the decision; nothing is asked.
    Acknowledged,
    /// Asks why.
    AsksReason,
    /// Asks the user to reconsider.
    AsksReconsider,
    /// Offers another role.
    OffersOtherRole,
    /// Asks for someone to recommend.
    AsksReferral,
    /// Proposes another time.
    ProposesReschedule,
    /// Something else (an automatic answer, a survey, a message for someone else).
    Other,
}

impl Intent {
    /// Every intent, in the order the docs list them.
    pub const ALL: [Intent; 7] = [
        Intent::Acknowledged,
        Intent::AsksReason,
        Intent::AsksReconsider,
        Intent::OffersOtherRole,
        Intent::AsksReferral,
        Intent::ProposesReschedule,
        Intent::Other,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Acknowledged => "acknowledged",
            Intent::AsksReason => "asks_reason",
            Intent::AsksReconsider => "asks_reconsider",
            Intent::OffersOtherRole => "offers_other_role",
            Intent::AsksReferral => "asks_referral",
            Intent::ProposesReschedule => "proposes_reschedule",
            Intent::Other => "other",
        }
    }

    /// What the window says the reply wants.
    pub fn label(self) -> &'static str {
        match self {
            Intent::Acknowledged => "They accept your decision; nothing is asked",
            Intent::AsksReason => "They ask why you declined",
            Intent::AsksReconsider => "They ask you to reconsider",
            Intent::OffersOtherRole => "They offer another role",
            Intent::AsksReferral => "They ask whether you know someone",
            Intent::ProposesReschedule => "They propose another time",
            Intent::Other => "Nothing in it needs an answer from Politely",
        }
    }

    /// The message Compose should open to answer it. A reschedule and a plain
    /// acknowledgement have no built-in message yet (there is no template to answer a new time
    /// or to say a closing thank-you), so they open nothing rather than the wrong message.
    pub fn scenario(self) -> Option<MessageKind> {
        match self {
            Intent::AsksReason => Some(MessageKind::PushbackPrivate),
            Intent::AsksReconsider | Intent::OffersOtherRole => {
                Some(MessageKind::PushbackReiterate)
            }
            Intent::AsksReferral => Some(MessageKind::PushbackReferral),
            Intent::ProposesReschedule | Intent::Acknowledged | Intent::Other => None,
        }
    }
}

/// The contact as found; only the parts found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FoundContact {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail address (never a no-reply address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// The Situation's fields the message states, with the Situation's names and formats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FoundSituation {
    /// The hiring company (the agency when the client is unnamed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The person who wrote (for an invite, the organizer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<FoundContact>,
    /// The message's Date header or the invite's DTSTAMP (RFC 3339); absent for pasted text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invited_at: Option<String>,
    /// One fixed or proposed interview time, in its stated offset (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interview_at: Option<String>,
    /// `scheduled` when one time is confirmed, else `invited` (invitations only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// `email` or `linkedin`, when the message shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_channel: Option<OriginChannel>,
}

/// What a reply wants and the message that answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyRead {
    /// What it wants.
    pub intent: Intent,
    /// The message Compose should open, or `null`.
    pub scenario: Option<MessageKind>,
}

/// The thread headers of an e-mail, for matching a reply to what was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Thread {
    /// `Message-ID`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// `In-Reply-To` and `References`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The sender's address (even a no-reply one), for matching.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// Everything read from one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Read {
    /// Invitation, reply or other.
    pub kind: Kind,
    /// The Situation's fields found.
    pub situation: FoundSituation,
    /// Several offered slots (then no `interview_at`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interview_options: Vec<String>,
    /// For each field found, the text it came from.
    pub evidence: BTreeMap<String, String>,
    /// For a reply: what it wants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<ReplyRead>,
    /// How the input was given.
    pub format: Format,
    /// The message as text, decoded: for an e-mail its subject and new content (what a reply
    /// is stored as, rather than the raw MIME); for pasted text or an invite, empty (the input
    /// is already the text to keep).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Thread headers, for matching a reply to its opportunity.
    #[serde(skip_serializing_if = "thread_is_empty")]
    pub thread: Thread,
}

fn thread_is_empty(t: &Thread) -> bool {
    *t == Thread::default()
}

/// An invite's start given in UTC ("DTSTART:20260115T183000Z") in the zone its description
/// (or the mail it came with) states for the same moment ("10:30–11:15 AM Pacific"): the offset
/// the people involved use.
fn utc_as_described(
    start: DateTime<FixedOffset>,
    texts: &[&str],
    reference: DateTime<FixedOffset>,
) -> DateTime<FixedOffset> {
    if start.offset().local_minus_utc() != 0 {
        return start;
    }
    texts
        .iter()
        .find_map(|text| {
            let context = dates::Context {
                hint: dates::hint(text),
                writer: None,
                reference: Some(reference),
                shared_clock: false,
            };
            dates::find(text, reference.min(start), &context)
                .into_iter()
                .map(|f| f.at)
                .find(|at| *at == start)
                .or_else(|| dates::as_stated(text, start))
        })
        .unwrap_or(start)
}

fn stamp(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn evidence_text(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(200).collect();
    if one_line.chars().count() > 200 {
        out.push('…');
    }
    out
}

/// Reads one received message. `now` resolves dates in pasted text, which has no date of its
/// own. Errors name the input: empty, not UTF-8, over 1 MiB, or an e-mail with no text.
pub fn read(bytes: &[u8], now: DateTime<FixedOffset>) -> Result<Read> {
    if bytes.len() > MAX_READ_BYTES {
        return Err(crate::Error::invalid(
            "input",
            format!(
                "is {} bytes; Politely reads messages up to 1 MiB",
                bytes.len()
            ),
        ));
    }
    let doc = input::decode(bytes)?;
    Ok(extract(&doc, now, true))
}

/// The subject and all the new content of a message (a forwarded one's too), as its kind is
/// read from them by the rules and by the model.
fn new_text(doc: &input::Doc) -> (String, String) {
    let forward = doc.forward.as_ref().map_or("", |f| f.body.as_str());
    (
        doc.subject.clone().unwrap_or_default(),
        format!("{}\n{}", doc.body, forward),
    )
}

/// What the model reads for the kind: the subject over the new content.
fn kind_text(subject: &str, all_new: &str) -> String {
    format!("{subject}\n{all_new}")
}

/// How sure the model must be to overrule the rules on the kind and on the intent (chosen on
/// tune writers the rules had not been tuned on; docs/read.md).
const KIND_MODEL_OVER: f64 = 0.9;
const INTENT_MODEL_OVER: f64 = 0.95;

/// `model`: whether the model may overrule the rules (off only to dump the rules' own reading).
fn extract(doc: &input::Doc, now: DateTime<FixedOffset>, model: bool) -> Read {
    let mut evidence = BTreeMap::new();
    let mut found = FoundSituation::default();
    let (subject, all_new) = new_text(doc);
    let event = doc.events.first();
    // The writer: the forwarded original when the new part is a note to oneself.
    let from_self = doc
        .from
        .as_ref()
        .zip(doc.to.as_ref())
        .is_some_and(|(f, t)| f.email.is_some() && f.email == t.email);
    let top_sig = people::signature(&doc.body);
    let use_forward = doc.forward.as_ref().is_some_and(|f| {
        from_self
            || (top_sig.name.is_none() && doc.body.trim().chars().count() < 300 && f.from.is_some())
    });
    let (writer_doc, body, sig) = if use_forward {
        let f = doc.forward.as_ref().expect("checked");
        let mut d = doc.clone();
        d.from = f.from.clone();
        d.reply_to = None;
        (d, f.body.clone(), people::signature(&f.body))
    } else {
        (doc.clone(), doc.body.clone(), top_sig)
    };
    let forward_body = doc
        .forward
        .as_ref()
        .map(|f| f.body.clone())
        .unwrap_or_default();

    // Whether the new text offers an interview-like time: a sign of an invitation.
    let has_time = || {
        let reference = doc
            .date
            .or(doc.pasted_date.map(|d| d.with_timezone(now.offset())))
            .unwrap_or(now);
        let writer = writer_doc
            .from
            .as_ref()
            .and_then(|p| p.email.clone())
            .or_else(|| sig.email.clone());
        let context = dates::Context {
            hint: dates::hint(&all_new),
            writer: writer
                .as_deref()
                .and_then(|e| zones::of_domain(e.rsplit('@').next().unwrap_or(""))),
            reference: Some(reference),
            shared_clock: !zones::anything_places(writer.as_deref(), &all_new),
        };
        !dates::find(&all_new, reference, &context).is_empty()
    };
    let (mut kind, sure) =
        classify::kind(&subject, &all_new, &doc.quoted, event.is_some(), &has_time);
    if model && !sure {
        let text = kind_text(&subject, &all_new);
        if let Some((k, _)) = model::kind(&text).filter(|(_, p)| *p >= KIND_MODEL_OVER) {
            kind = k;
        }
    }
    evidence.insert("kind".into(), evidence_text(&subject));
    let bulk = kind == Kind::Other
        && (classify::is_bulk(&all_new)
            || doc
                .from
                .as_ref()
                .and_then(|f| f.email.as_deref())
                .is_some_and(words::is_no_reply)
                && classify::is_bulk(&all_new));

    if let Some(at) = doc.date {
        found.invited_at = Some(stamp(&at));
        evidence.insert(
            "invited_at".into(),
            if doc.format == Format::Ics {
                "DTSTAMP".into()
            } else {
                format!("Date: {}", stamp(&at))
            },
        );
    }
    if let Some((channel, why)) =
        classify::channel(doc, &all_new, &doc.quoted, kind == Kind::Invitation)
    {
        found.origin_channel = Some(channel);
        evidence.insert("origin_channel".into(), evidence_text(&why));
    }

    let receipt = bulk && classify::is_receipt(&subject, &all_new);
    if !bulk || receipt {
        let contact = people::contact(&writer_doc, &body, &sig);
        let mut c = FoundContact::default();
        if let Some((n, why)) = contact.name.clone() {
            c.name = Some(n);
            evidence.insert("contact.name".into(), evidence_text(&why));
        }
        if let Some((e, why)) = contact.email.clone() {
            c.email = Some(e);
            evidence.insert("contact.email".into(), evidence_text(&why));
        }
        if let Some((t, why)) = contact.title.clone() {
            c.title = Some(t);
            evidence.insert("contact.title".into(), evidence_text(&why));
        }
        let company = fields::company(doc, &writer_doc, &body, &forward_body, &contact, &c);
        // "Halvorsen Marine", "Brisklane Candidate Experience": a name that begins with the
        // company's is the company's mailbox or team, nobody's own.
        if let (Some(n), Some((company, _))) = (&c.name, &company) {
            let company: Vec<String> = company.split_whitespace().map(words::letters).collect();
            let name: Vec<String> = n.split_whitespace().map(words::letters).collect();
            if company.concat().len() >= 3 && name.starts_with(&company) {
                c.name = None;
                evidence.remove("contact.name");
            } else if company.concat().len() >= 3
                && name.len() > company.len()
                && name.ends_with(&company)
                && (doc.chat || name.len() >= company.len() + 2)
            {
                // "Sameer Bawarchi Box", as a phone saves a contact: the person, then where
                // they work.
                let keep = n.split_whitespace().count() - company.len();
                c.name = Some(
                    n.split_whitespace()
                        .take(keep)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
        // A receipt names the company and the role; nobody wrote it.
        if c != FoundContact::default() && !receipt {
            found.contact = Some(c.clone());
        }
        if let Some((company, why)) = company {
            found.company = Some(company);
            evidence.insert("company".into(), evidence_text(&why));
        }
        if let Some((role, why)) = fields::role(
            doc,
            &body,
            &forward_body,
            kind == Kind::Reply,
            found.company.as_deref(),
        ) {
            found.role = Some(role);
            evidence.insert("role".into(), evidence_text(&why));
        }
    } else {
        if let Some((company, why)) = fields::company_of_sender(doc) {
            // A company's own newsletter, alert or survey ("Lumen Harbour Careers"): it names
            // the company it comes from, and nobody in particular wrote it.
            found.company = Some(company);
            evidence.insert("company".into(), evidence_text(&why));
        }
        // "Thank you for recently interviewing for the Branch Operations Lead position": a
        // survey or a rejection names the job it is about.
        let alert = classify::is_job_alert(&subject, &all_new);
        static OWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?i)\byou(?:r)?\b[^.\n]{0,60}\b(?:interview(?:ed|ing)?|appl(?:ied|ying|ication))\b|\bthank you for (?:applying|your (?:application|interest|time))").expect("valid")
        });
        let role = (!alert && OWN.is_match(&all_new))
            .then(|| fields::role(doc, &body, &forward_body, false, found.company.as_deref()))
            .flatten();
        if let Some((role, why)) = role {
            found.role = Some(role);
            evidence.insert("role".into(), evidence_text(&why));
        }
    }

    let mut reply = None;
    if kind == Kind::Reply {
        let greeting_other = intent::wrong_person(doc, &doc.body);
        let (mut intent, mut why) = intent::intent(&doc.body, greeting_other);
        if matches!(intent, Intent::Acknowledged | Intent::AsksReason) {
            // New times offered: that is what needs an answer.
            let reference = doc.date.unwrap_or(now);
            let context = dates::Context {
                hint: dates::hint(&doc.body),
                writer: None,
                reference: Some(reference),
                // A time only decides the intent here: as stated, never on a guessed clock.
                shared_clock: false,
            };
            if let Some(f) = dates::find(&doc.body, reference, &context).first() {
                intent = Intent::ProposesReschedule;
                why = f.text.clone();
            }
        }
        if model {
            // A person who signs their thanks is no automatic answer for the footer their
            // mailbox adds ("Please do not reply to this email; this mailbox is not
            // monitored."): the model may not make it one on those words.
            let footer_only = |i: Intent| {
                static FOOTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
                    regex::Regex::new(r"(?i)do not reply|not monitored|no-?reply").expect("valid")
                });
                i == Intent::Other
                    && intent == Intent::Acknowledged
                    && sig.name.is_some()
                    && FOOTER.is_match(&model::intent_evidence(&doc.body, i))
            };
            if let Some((i, _)) = model::intent(&doc.body)
                .filter(|(_, p)| *p >= INTENT_MODEL_OVER)
                .filter(|(i, _)| !footer_only(*i))
            {
                if i != intent {
                    intent = i;
                    why = model::intent_evidence(&doc.body, i);
                }
            }
        }
        evidence.insert("intent".into(), evidence_text(&why));
        reply = Some(ReplyRead {
            intent,
            scenario: intent.scenario(),
        });
    }

    // Interview times: an invite's start, else the dates in the new text.
    let mut options: Vec<(DateTime<FixedOffset>, String)> = Vec::new();
    let wants_times = kind == Kind::Invitation
        || reply
            .as_ref()
            .is_some_and(|r| r.intent == Intent::ProposesReschedule);
    if wants_times {
        if let Some(e) = event.filter(|e| e.start.is_some() && e.method != "CANCEL") {
            let start = e.start.expect("filtered");
            options.push((
                utc_as_described(start, &[&e.description, &doc.body], doc.date.unwrap_or(now)),
                e.start_text.clone(),
            ));
        } else {
            let reference = doc
                .date
                .or(doc.pasted_date.map(|d| {
                    // A pasted Sent: line has a day, not a zone: keep now's offset.
                    d.with_timezone(now.offset())
                }))
                .unwrap_or(now);
            let writer_email = writer_doc
                .from
                .as_ref()
                .and_then(|p| p.email.clone())
                .or_else(|| found.contact.as_ref().and_then(|c| c.email.clone()));
            let context = dates::Context {
                hint: dates::hint(&all_new),
                writer: zones::sender(writer_email.as_deref(), &all_new, &reference),
                reference: Some(reference),
                // Only when nothing places the sender elsewhere than the clock.
                shared_clock: !zones::anything_places(writer_email.as_deref(), &all_new),
            };
            let mut times = dates::find(&doc.body, reference, &context);
            if times.is_empty() && !forward_body.is_empty() {
                times = dates::find(&forward_body, reference, &context);
            }
            options.extend(times.into_iter().map(|f| (f.at, f.text)));
        }
    }
    // Whether an invitation's time is settled: an invite, or a booking in so many words.
    let confirmed = (kind == Kind::Invitation).then(|| {
        if event.is_some() {
            Some("a calendar invite".to_owned())
        } else {
            classify::scheduled(&subject, &all_new)
        }
    });
    // Several dates, one of them booked in so many words ("Your panel interview has been
    // scheduled for Friday, 16 October at 4:00 PM IST"; the others are a case study's release
    // and deadline): that one is the interview.
    if let Some(Some(why)) = confirmed.as_ref().filter(|_| options.len() > 1) {
        let booked: Vec<usize> = (0..options.len())
            .filter(|&i| !options[i].1.is_empty() && why.contains(options[i].1.as_str()))
            .collect();
        if let [i] = booked[..] {
            options = vec![options.swap_remove(i)];
        }
    }
    match options.len() {
        0 => {}
        1 => {
            found.interview_at = Some(stamp(&options[0].0));
            evidence.insert("interview_at".into(), evidence_text(&options[0].1));
        }
        _ => {
            evidence.insert(
                "interview_options".into(),
                evidence_text(
                    &options
                        .iter()
                        .map(|o| o.1.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                ),
            );
        }
    }
    let interview_options: Vec<String> = if options.len() > 1 {
        options.iter().map(|o| stamp(&o.0)).collect()
    } else {
        Vec::new()
    };

    if let Some(confirmed) = confirmed {
        found.stage = Some(match confirmed {
            Some(why) if interview_options.is_empty() => {
                evidence.insert("stage".into(), evidence_text(&why));
                Stage::Scheduled
            }
            _ => Stage::Invited,
        });
    }

    Read {
        kind,
        situation: found,
        interview_options,
        evidence,
        reply,
        format: doc.format,
        text: match doc.format {
            Format::Eml => match doc.subject.as_deref().map(str::trim) {
                Some(subject) if !subject.is_empty() => {
                    format!("Subject: {subject}\n\n{}", doc.body.trim())
                }
                _ => doc.body.trim().to_owned(),
            },
            Format::Ics | Format::Text => String::new(),
        },
        thread: Thread {
            message_id: doc.message_id.clone(),
            references: doc.thread.clone(),
            from: doc.from.as_ref().and_then(|f| f.email.clone()),
            subject: doc.subject.clone(),
        },
    }
}

#[cfg(test)]
mod eval_tests;
#[cfg(test)]
mod tests;
