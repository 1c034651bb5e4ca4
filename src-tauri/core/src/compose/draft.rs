//! One draft for one channel: the building blocks picked from the library, rendered with the
//! Situation, laid out the way that channel reads (paragraphs for email, beats for a call, a
//! short note for LinkedIn), with the numbers the preview shows (words, characters, seconds).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::context;
use super::library::{self, Library};
use crate::decide::situation::{Formality, Situation};
use crate::decide::{advise, Verdict};
use crate::message::{Channel, MessageKind};
use crate::speech::{count_words, DEFAULT_WPM, TARGET_SECONDS};
use crate::{Error, Result};

/// Longest LinkedIn message Politely writes, in characters.
pub const LINKEDIN_LIMIT: usize = 600;

/// What to compose.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The channel; email when absent.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// The message; the advice's scenario when absent.
    #[serde(default)]
    pub scenario: Option<MessageKind>,
    /// The wording; the Situation's formality when absent.
    #[serde(default)]
    pub formality: Option<Formality>,
    /// Which phrasing to use per block (`gratitude` → 1); the first when absent. Numbers past
    /// the last phrasing wrap around, so "next" is always `choice + 1`.
    #[serde(default)]
    pub choices: BTreeMap<String, usize>,
}

/// One building block of a draft, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// `greeting`, `gratitude`, `decision`, `reason`, `goodwill`, `email_note`, `closing`.
    pub name: &'static str,
    /// Its text.
    pub text: String,
    /// Which phrasing this is (0-based).
    pub choice: usize,
    /// How many phrasings there are.
    pub choices: usize,
    /// The paragraph (email, LinkedIn) or beat (phone) it belongs to, 0-based.
    pub group: usize,
}

/// One beat of a phone script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Beat {
    /// `greeting`, `decision`, `reason` or `goodwill`.
    pub name: &'static str,
    /// What to say.
    pub text: String,
    /// Estimated seconds at 150 words per minute.
    pub seconds: u32,
}

/// A prepared answer to a question a recruiter may ask during the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// `why`, `change_mind`, `other_role` or `other_offer`.
    pub name: &'static str,
    /// The question.
    pub question: &'static str,
    /// A calm reply.
    pub text: String,
}

/// A ready draft for one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The channel.
    pub channel: Channel,
    /// The message.
    pub scenario: MessageKind,
    /// The wording.
    pub formality: Formality,
    /// Subject line (email only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The whole text, ready to send or say.
    pub body: String,
    /// The phone script's beats (phone only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beats: Option<Vec<Beat>>,
    /// Estimated speaking time of the beats (phone only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_seconds: Option<u32>,
    /// Prepared answers to pushback (phone only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<Answer>>,
    /// The building blocks, for swapping phrasings.
    pub blocks: Vec<Block>,
    /// Words in the body.
    pub words: usize,
    /// Characters in the body.
    pub chars: usize,
    /// Things to know before sending (missing names, length over the channel's limit…).
    pub notes: Vec<String>,
}

/// Which blocks make up each paragraph (email, LinkedIn) or beat (phone).
fn layout(channel: Channel) -> &'static [(&'static str, &'static [&'static str])] {
    match channel {
        Channel::Email => &[
            ("greeting", &["greeting"]),
            ("opening", &["gratitude"]),
            ("decision", &["decision", "reason"]),
            ("goodwill", &["goodwill"]),
            ("closing", &["closing"]),
        ],
        Channel::Phone => &[
            ("greeting", &["greeting", "gratitude"]),
            ("decision", &["decision"]),
            ("reason", &["reason"]),
            ("goodwill", &["goodwill", "closing"]),
        ],
        Channel::Linkedin => &[
            ("greeting", &["greeting"]),
            ("message", &["gratitude", "decision", "reason"]),
            ("goodwill", &["goodwill", "email_note"]),
            ("closing", &["closing"]),
        ],
    }
}

const ANSWERS: [(&str, &str); 4] = [
    ("why", "May I ask why?"),
    ("change_mind", "Would anything change your mind?"),
    ("other_role", "Would you consider another role with us?"),
    ("other_offer", "Can you tell me who made the other offer?"),
];

/// Composes a draft from the built-in templates.
pub fn compose(
    situation: &Situation,
    request: &Request,
    now: DateTime<FixedOffset>,
) -> Result<Draft> {
    compose_with(&library::BUILTIN, situation, request, now)
}

/// Composes a draft from `library` (tests pass one with a mock renderer).
pub fn compose_with(
    library: &Library,
    situation: &Situation,
    request: &Request,
    now: DateTime<FixedOffset>,
) -> Result<Draft> {
    let channel = request.channel.unwrap_or(Channel::Email);
    let formality = request.formality.unwrap_or(situation.formality);
    let mut notes = Vec::new();
    let scenario = match request.scenario {
        Some(kind) => kind,
        None => {
            let advice = advise(situation, situation.now_or(now));
            match advice.scenario {
                Some(s) => s,
                None => {
                    if advice.verdict == Verdict::Reconsider {
                        notes.push("No reason is chosen yet, so this is the general decline; Politely suggests thinking it over first.".to_owned());
                    }
                    MessageKind::CircumstancesChanged
                }
            }
        }
    };
    if !scenario.channels().contains(&channel) {
        let names: Vec<_> = scenario.channels().iter().map(|c| c.as_str()).collect();
        return Err(Error::invalid(
            "channel",
            format!(
                "“{}” is written for {} only, not {}",
                scenario.as_str(),
                names.join(", "),
                channel.as_str()
            ),
        ));
    }
    for name in request.choices.keys() {
        if !SWAPPABLE.contains(&name.as_str()) {
            return Err(Error::invalid(
                "choices",
                format!(
                    "“{name}” is not a building block; use one of: {}",
                    SWAPPABLE.join(", ")
                ),
            ));
        }
    }
    let ctx_value = context::build(situation, channel, formality);
    let ctx = library::context_from(&ctx_value);
    let mut blocks = Vec::new();
    for (group, (_, names)) in layout(channel).iter().enumerate() {
        for &name in *names {
            let Some(alternatives) = library.alternatives(scenario, name, channel, formality)
            else {
                continue;
            };
            let choice = request.choices.get(name).copied().unwrap_or(0) % alternatives.len();
            let rendered = library.render(&alternatives[choice], &ctx)?;
            let mut text = library::tidy(&rendered, name == "closing" && channel != Channel::Phone);
            if text.is_empty() {
                continue;
            }
            if name == "closing" && channel != Channel::Phone {
                text = with_sign_off(text, situation);
            }
            blocks.push(Block {
                name,
                text,
                choice,
                choices: alternatives.len(),
                group,
            });
        }
    }
    let subject = match channel {
        Channel::Email => {
            let alternatives = library
                .alternatives(scenario, "subject", channel, formality)
                .ok_or_else(|| {
                    Error::invalid("template", format!("{} has no subject", scenario.as_str()))
                })?;
            Some(library::tidy(
                &library.render(&alternatives[0], &ctx)?,
                false,
            ))
        }
        _ => None,
    };
    let group_text = |group: usize| {
        blocks
            .iter()
            .filter(|b| b.group == group)
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let groups: Vec<String> = (0..layout(channel).len())
        .map(group_text)
        .filter(|t| !t.is_empty())
        .collect();
    let body = groups.join("\n\n");
    let words = count_words(&body);
    let chars = body.chars().count();
    let (mut beats, mut estimated_seconds, mut answers) = (None, None, None);
    if channel == Channel::Phone {
        let script: Vec<crate::speech::ScriptBeat> = layout(channel)
            .iter()
            .enumerate()
            .map(|(i, (name, _))| crate::speech::ScriptBeat {
                name: (*name).to_owned(),
                text: group_text(i),
            })
            .filter(|b| !b.text.is_empty())
            .collect();
        // The same estimate Practise shows: words at the pace plus a breath between beats.
        let timing = crate::speech::estimate_beats(&script, DEFAULT_WPM)?;
        let list: Vec<Beat> = layout(channel)
            .iter()
            .map(|(name, _)| *name)
            .filter_map(|name| {
                let beat = timing.beats.iter().find(|b| b.name == name)?;
                Some(Beat {
                    name,
                    text: beat.text.clone(),
                    seconds: beat.seconds.round() as u32,
                })
            })
            .collect();
        let total = timing.seconds.round() as u32;
        let (low, high) = TARGET_SECONDS;
        if !(low..=high).contains(&total) {
            notes.push(format!(
                "Spoken at {DEFAULT_WPM} words a minute this takes about {total} s; aim for {low}–{high} s."
            ));
        }
        estimated_seconds = Some(total);
        beats = Some(list);
        let mut list = Vec::new();
        for (name, question) in ANSWERS {
            if let Some(alternatives) = library.alternatives(scenario, name, channel, formality) {
                let text = library::tidy(&library.render(&alternatives[0], &ctx)?, false);
                if !text.is_empty() {
                    list.push(Answer {
                        name,
                        question,
                        text,
                    });
                }
            }
        }
        answers = Some(list);
    }
    if channel == Channel::Linkedin && chars > LINKEDIN_LIMIT {
        notes.push(format!(
            "LinkedIn messages should stay within {LINKEDIN_LIMIT} characters; this one has {chars}. Shorten the names or pick shorter phrasings."
        ));
    }
    let who = situation.contact.as_ref();
    if who
        .and_then(|c| c.name.as_deref())
        .is_none_or(|n| n.trim().is_empty())
    {
        notes.push("No contact name: the greeting addresses the team. Add the recruiter’s name for a personal greeting.".to_owned());
    }
    if situation
        .sender
        .as_ref()
        .and_then(|s| s.name.as_deref())
        .is_none_or(|n| n.trim().is_empty())
    {
        notes.push(format!(
            "Add your name (Sender) to replace “{}”.",
            context::NAME_PLACEHOLDER
        ));
    }
    Ok(Draft {
        channel,
        scenario,
        formality,
        subject,
        body,
        beats,
        estimated_seconds,
        answers,
        blocks,
        words,
        chars,
        notes,
    })
}

/// The blocks a user can swap phrasings of.
pub const SWAPPABLE: [&str; 7] = [
    "greeting",
    "gratitude",
    "decision",
    "reason",
    "goodwill",
    "email_note",
    "closing",
];

/// A closing in the user's own words when they chose one ("Cheers,"): it replaces the first line
/// of the template's closing; the name and details under it stay.
fn with_sign_off(closing: String, situation: &Situation) -> String {
    let Some(sign_off) = situation
        .sender
        .as_ref()
        .and_then(|s| s.sign_off.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return closing;
    };
    let rest = closing.split_once('\n').map_or("", |(_, rest)| rest);
    let sign_off = if sign_off.ends_with([',', '.', '!']) {
        sign_off.to_owned()
    } else {
        format!("{sign_off},")
    };
    if rest.is_empty() {
        sign_off
    } else {
        format!("{sign_off}\n{rest}")
    }
}

/// The draft as plain text: the subject line first for email, then the body.
pub fn plain_text(draft: &Draft) -> String {
    super::send::plain(&super::send::Outgoing {
        subject: draft.subject.clone().unwrap_or_default(),
        body: draft.body.clone(),
        ..Default::default()
    })
}
