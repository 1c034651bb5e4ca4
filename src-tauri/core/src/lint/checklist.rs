//! The seven-point check before sending, ticked from the proofreader's findings and the
//! Situation, so the window can show what is met and what is left.

use serde::Serialize;

use super::rules::offers_future;
use super::{Input, Report, RuleId};

/// One point of the send checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckItem {
    /// Stable id.
    pub id: &'static str,
    /// The point, in our words.
    pub label: &'static str,
    /// Whether this draft meets it.
    pub done: bool,
    /// What is missing, when it is not met.
    pub note: String,
}

/// The checklist for one draft. `saved` says whether it is in History.
pub fn send_checklist(report: &Report, input: &Input<'_>, saved: bool) -> Vec<CheckItem> {
    let fired = |rules: &[RuleId]| {
        report
            .findings
            .iter()
            .find(|f| rules.contains(&f.rule))
            .map(|f| f.message.clone())
    };
    let item = |id, label, problem: Option<String>| CheckItem {
        id,
        label,
        done: problem.is_none(),
        note: problem.unwrap_or_default(),
    };
    let decided = match input.situation {
        Some(s) if s.checklist.decided => None,
        Some(_) => Some("In Decide, confirm the decision is made before you send.".to_owned()),
        None => Some("Go through Decide to confirm the decision.".to_owned()),
    };
    let lower = input.body.to_lowercase();
    let offers_future = offers_future(&lower);
    let future = match input.situation.map(|s| s.checklist.stay_connected) {
        Some(true) if !offers_future => Some("You wanted to keep in touch: say so.".to_owned()),
        Some(false) if offers_future => Some(
            "The message offers to stay in touch, but you did not want to: keep it only if you mean it."
                .to_owned(),
        ),
        _ => None,
    };
    let details = fired(&[RuleId::NoClosing, RuleId::UnfilledPlaceholder])
        .or_else(|| (!saved).then(|| "Save the draft to History so you have a copy.".to_owned()));
    vec![
        item("decided", "Decision made and noted", decided),
        item("channel", "Channel chosen", None),
        item(
            "gratitude",
            "Thanks in the opening line",
            fired(&[RuleId::NoGratitude, RuleId::GratitudeLate]),
        ),
        item(
            "decision",
            "Decision stated clearly and early",
            fired(&[
                RuleId::NoDecision,
                RuleId::DecisionLate,
                RuleId::AmbiguousDecision,
                RuleId::Terse,
            ]),
        ),
        item(
            "reason",
            "Reason short and neutral",
            fired(&[
                RuleId::OverExplaining,
                RuleId::OversharingPersonal,
                RuleId::ProtectedAttribute,
                RuleId::Rude,
                RuleId::DishonestClaim,
            ]),
        ),
        item("future", "Keeping in touch only if you mean it", future),
        item(
            "details",
            "Sign-off and details right, a copy saved",
            details,
        ),
    ]
}
