//! What a template may read: the Situation's facts, flattened into plain values. User text only
//! ever enters here, as data — never into template source — so `{{ 7*7 }}` in a company name is
//! printed, not evaluated.

use serde_json::{json, Value};

use super::library::formality_str;
use crate::decide::situation::{Formality, Logistics, NonNegotiable, Reason, Situation, Stage};
use crate::message::Channel;

/// Shown where the user's own name belongs but the Situation has none.
pub const NAME_PLACEHOLDER: &str = "[Your name]";

/// The context for one draft. Documented for template authors in `templates/README.md`.
pub fn build(situation: &Situation, channel: Channel, formality: Formality) -> Value {
    let contact = situation.contact.clone().unwrap_or_default();
    let sender = situation.sender.clone().unwrap_or_default();
    let contact_name = nonempty(contact.name.as_deref());
    let sender_name = nonempty(sender.name.as_deref());
    let interview = situation.interview_at.map(|at| {
        json!({
            "day": at.format("%A %-d %B").to_string(),
            "time": at.format("%H:%M").to_string(),
        })
    });
    json!({
        "company": situation.company,
        "role": situation.role,
        "contact": {
            "name": contact_name,
            "first_name": contact_name.map(first_name),
            "title": nonempty(contact.title.as_deref()),
            "email": nonempty(contact.email.as_deref()),
        },
        "sender": {
            "name": sender_name.unwrap_or(NAME_PLACEHOLDER),
            "first_name": sender_name.map(first_name).unwrap_or(NAME_PLACEHOLDER),
            "email": nonempty(sender.email.as_deref()),
            "phone": nonempty(sender.phone.as_deref()),
        },
        "channel": channel.as_str(),
        // "I am writing to …" / "I am calling to …".
        "writing": if channel == Channel::Phone { "calling" } else { "writing" },
        "formality": formality_str(formality),
        "formal": formality == Formality::Formal,
        "warm": formality == Formality::Warm,
        "stage": match situation.stage {
            Stage::Invited => "invited",
            Stage::Scheduled => "scheduled",
            Stage::Interviewed => "interviewed",
            Stage::Offer => "offer",
        },
        "rounds": situation.rounds,
        "interview": interview,
        "stay_connected": situation.checklist.stay_connected,
        "referral": situation.checklist.offer_referral && situation.checklist.referral_permission,
        "offer_accepted": situation.offer_accepted,
        "logistics": phrase_list(situation.details.logistics.iter().map(|l| match l {
            Logistics::Commute => "the commute",
            Logistics::Relocation => "relocation",
            Logistics::Visa => "the visa timeline",
            Logistics::TimeZone => "the time-zone difference",
        })),
        "conflicts": phrase_list(situation.details.non_negotiables.iter().map(|n| match n {
            NonNegotiable::Compensation => "the compensation",
            NonNegotiable::Schedule => "the working hours",
            NonNegotiable::Remote => "the on-site requirement",
            NonNegotiable::Values => "the way the team works",
        })),
        "wants_remote": situation.details.non_negotiables.contains(&NonNegotiable::Remote),
        "first_reason": situation.reasons.first().map(|r| match r {
            Reason::AcceptedOffer => "accepted_offer",
            Reason::NonNegotiables => "non_negotiables",
            Reason::Logistics => "logistics",
            Reason::Growth => "growth",
            Reason::Personal => "personal",
            Reason::Direction => "direction",
            Reason::CurrentJob => "current_job",
            Reason::Other => "other",
        }),
    })
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The first word of a name, for warm greetings ("Dana" from "Dana Okafor").
fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// "a", "a and b", "a, b and c"; `null` when empty so templates can test it.
fn phrase_list<'a>(items: impl Iterator<Item = &'a str>) -> Value {
    let items: Vec<&str> = items.collect();
    match items.as_slice() {
        [] => Value::Null,
        [one] => json!(one),
        [rest @ .., last] => json!(format!("{} and {last}", rest.join(", "))),
    }
}
