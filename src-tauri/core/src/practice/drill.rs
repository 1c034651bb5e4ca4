//! The pushback drill: after the script, the recruiter asks something back and the user rehearses
//! a calm reply. Every reply comes from the templates, so the drill says what Compose would: the
//! short answers a phone draft carries ("May I ask why?"…), and the decision and reason of each
//! pushback reply template, said on the phone.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::compose::{compose, Request};
use crate::decide::situation::{Formality, Situation};
use crate::message::{Channel, MessageKind};
use crate::{Error, Result};

/// One follow-up question and the reply to rehearse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    /// Stable id (`why`, `change_mind`, `other_role`, `other_offer`, or a pushback template).
    pub id: &'static str,
    /// What the recruiter asks.
    pub question: &'static str,
    /// The reply, rendered for this Situation.
    pub reply: String,
    /// The template the reply comes from (a scenario or a pushback reply).
    pub template: MessageKind,
}

/// Questions answered by the phone draft's own answers.
const ANSWERED: [(&str, &str); 4] = [
    ("why", "May I ask why?"),
    (
        "change_mind",
        "Is there anything that would change your mind?",
    ),
    ("other_role", "Would you consider another role with us?"),
    ("other_offer", "Can you tell me who made the other offer?"),
];

/// Whether a recruiter would ask `id` in this Situation: "who made the other offer?" only when
/// there is another offer (the user accepted one, or the message says so).
fn fits(id: &str, situation: &Situation, scenario: MessageKind) -> bool {
    match id {
        "other_offer" => {
            situation.offer_accepted
                || situation.has(crate::decide::situation::Reason::AcceptedOffer)
                || scenario == MessageKind::AcceptedOffer
        }
        _ => true,
    }
}

/// Questions answered by a pushback reply template, spoken.
const PUSHBACKS: [(MessageKind, &str); 3] = [
    (
        MessageKind::PushbackReiterate,
        "We were really hoping you’d reconsider. Are you sure?",
    ),
    (
        MessageKind::PushbackPrivate,
        "Could you tell me a bit more about your reasons? It would help us.",
    ),
    (
        MessageKind::PushbackReferral,
        "We’ve found this role hard to fill. Is there any way we can keep you in the process?",
    ),
];

/// The drill for a call about `situation`: every follow-up question with its reply, in a fixed
/// order (the window shuffles them).
pub fn drill(
    situation: &Situation,
    scenario: Option<MessageKind>,
    formality: Option<Formality>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Prompt>> {
    let request = |scenario| Request {
        channel: Some(Channel::Phone),
        scenario,
        formality,
        ..Request::default()
    };
    let call = compose(situation, &request(scenario), now)?;
    let answers = call.answers.unwrap_or_default();
    let mut prompts = Vec::with_capacity(ANSWERED.len() + PUSHBACKS.len());
    for (id, question) in ANSWERED {
        if !fits(id, situation, call.scenario) {
            continue;
        }
        let answer = answers.iter().find(|a| a.name == id).ok_or_else(|| {
            Error::invalid(
                "template",
                format!("{} has no “{id}” answer", call.scenario.as_str()),
            )
        })?;
        prompts.push(Prompt {
            id,
            question,
            reply: answer.text.clone(),
            template: call.scenario,
        });
    }
    for (kind, question) in PUSHBACKS {
        let reply = compose(situation, &request(Some(kind)), now)?;
        let text: Vec<&str> = reply
            .blocks
            .iter()
            .filter(|b| b.name == "decision" || b.name == "reason")
            .map(|b| b.text.as_str())
            .collect();
        prompts.push(Prompt {
            id: kind.as_str(),
            question,
            reply: text.join(" "),
            template: kind,
        });
    }
    Ok(prompts)
}
