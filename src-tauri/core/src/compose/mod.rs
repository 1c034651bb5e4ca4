//! Compose: turns a Situation into ready drafts for every channel from the Tera templates in
//! `templates/`, shapes them for sending (mailto, .eml, .txt), and fills in the user's own
//! templates (`user`).

pub mod context;
pub mod draft;
mod eml;
pub mod library;
pub mod send;
pub mod user;

pub use draft::{compose, Block, Draft, Request};

use serde::Serialize;

use crate::message::{Channel, MessageKind};

/// Drafts for every channel `scenario` supports, for the side-by-side preview, in the order to
/// show them. `choices` holds each channel's picked phrasings. Without a scenario the advice
/// picks it; when the advice is a call confirmed by email, the call script comes first and the
/// email is the confirmation of the call.
pub fn compose_all(
    situation: &crate::decide::Situation,
    scenario: Option<MessageKind>,
    formality: Option<crate::decide::situation::Formality>,
    choices: &std::collections::BTreeMap<Channel, std::collections::BTreeMap<String, usize>>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> crate::Result<Vec<Draft>> {
    let draft = |channel: Channel, kind: MessageKind| {
        compose(
            situation,
            &Request {
                channel: Some(channel),
                scenario: Some(kind),
                formality,
                choices: choices.get(&channel).cloned().unwrap_or_default(),
            },
            now,
        )
    };
    // Advice to call, then confirm in writing: the call script leads, and the email is the
    // confirmation of the call, not a second, standalone decline.
    if scenario.is_none() {
        let advice = crate::decide::advise(situation, situation.now_or(now));
        if let (Channel::Phone, true, Some(kind)) = (
            advice.channel.primary,
            advice.channel.confirm_by_email,
            advice.scenario,
        ) {
            return Ok(vec![
                draft(Channel::Phone, kind)?,
                draft(Channel::Email, MessageKind::ConfirmCall)?,
                draft(Channel::Linkedin, kind)?,
            ]);
        }
    }
    // The advice picks the scenario when the user has not; every channel then uses the same one.
    let (scenario, first) = match scenario {
        Some(kind) => (kind, None),
        None => {
            // Let the email draft resolve it, with its note when the advice is to reconsider.
            let email = compose(
                situation,
                &Request {
                    channel: Some(Channel::Email),
                    scenario: None,
                    formality,
                    choices: choices.get(&Channel::Email).cloned().unwrap_or_default(),
                },
                now,
            )?;
            (email.scenario, Some(email))
        }
    };
    let mut first = first;
    scenario
        .channels()
        .iter()
        .map(|&channel| {
            if channel == Channel::Email {
                if let Some(email) = first.take() {
                    return Ok(email);
                }
            }
            compose(
                situation,
                &Request {
                    channel: Some(channel),
                    scenario: Some(scenario),
                    formality,
                    choices: choices.get(&channel).cloned().unwrap_or_default(),
                },
                now,
            )
        })
        .collect()
}

/// One entry of `politely templates list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateInfo {
    /// The scenario name (`accepted_offer` …).
    pub scenario: MessageKind,
    /// A short label.
    pub label: &'static str,
    /// Its menu group.
    pub group: &'static str,
    /// Channels it can be written for.
    pub channels: Vec<Channel>,
    /// Formality levels (all three for every built-in template).
    pub formalities: Vec<&'static str>,
    /// The file in `templates/`.
    pub file: String,
}

/// The built-in templates.
pub fn builtin_templates() -> Vec<TemplateInfo> {
    MessageKind::ALL
        .into_iter()
        .map(|k| TemplateInfo {
            scenario: k,
            label: k.label(),
            group: k.group(),
            channels: k.channels().to_vec(),
            formalities: vec!["standard", "formal", "warm"],
            file: format!("templates/scenarios/{}.tera", k.as_str()),
        })
        .collect()
}

#[cfg(test)]
mod tests;
