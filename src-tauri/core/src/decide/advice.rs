//! The advice engine: pure rules from a [`Situation`] to an [`Advice`]. Every rule that fires
//! leaves a plain-language reason in the Advice so the window can show why it says what it says.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

use super::roadmap::{roadmap, warnings};
use super::situation::{Audience, OriginChannel, Rapport, Reason, Situation};
use crate::message::{Channel, MessageKind};

/// What Politely suggests doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No reason was chosen: think again before saying no.
    Reconsider,
    /// Something could change the user's mind: ask for it instead of declining.
    Negotiate,
    /// The decision is not made yet: ask for a little more time.
    AskForTime,
    /// Decline the interview.
    Decline,
}

/// How to deliver the message, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelAdvice {
    /// The first channel to use.
    pub primary: Channel,
    /// Whether to follow up with an email for the written record.
    pub confirm_by_email: bool,
    /// Why this channel.
    pub why: String,
}

/// What the message should offer beyond the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Include {
    /// A line about keeping in touch.
    pub stay_connected: bool,
    /// An offer to recommend someone else.
    pub referral: bool,
}

/// Something the user should know before sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable identifier, e.g. `offer-not-confirmed`.
    pub id: &'static str,
    /// What to watch out for, in plain words.
    pub message: String,
}

/// State of one roadmap step for this situation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// Already done.
    Done,
    /// Still to do.
    Todo,
    /// Needs attention now (late, or something is missing).
    Attention,
    /// Does not apply here.
    Skipped,
}

/// One of the seven steps of a respectful decline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoadmapStep {
    /// 1 to 7.
    pub step: u8,
    /// Stable identifier.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// State for this situation.
    pub state: StepState,
    /// What it means here.
    pub note: String,
}

/// A rule that fired, with the reason shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Which part of the advice it explains: `verdict`, `channel`, `scenario`, `timing` or `include`.
    pub rule: &'static str,
    /// Why, in plain words.
    pub why: String,
}

/// Politely's recommendation for one Situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// What to do.
    pub verdict: Verdict,
    /// How to say it.
    pub channel: ChannelAdvice,
    /// Which message to write (none when the advice is to reconsider).
    pub scenario: Option<MessageKind>,
    /// Latest reasonable answer: 72 hours after the invitation.
    pub respond_by: DateTime<FixedOffset>,
    /// Best answer time: 24 hours after the invitation.
    pub ideal_by: DateTime<FixedOffset>,
    /// `respond_by` has passed.
    pub overdue: bool,
    /// The interview is less than 48 hours away.
    pub last_minute: bool,
    /// What the message should offer beyond the decision.
    pub include: Include,
    /// Things to watch out for, most serious first.
    pub warnings: Vec<Warning>,
    /// The seven steps, with their state here.
    pub roadmap: Vec<RoadmapStep>,
    /// Who should hear about the decision.
    pub inform: Vec<Audience>,
    /// Every rule that fired, with its reason.
    pub explanations: Vec<Explanation>,
    /// The moment the advice was judged at: saving the Situation with this `now` stores the
    /// same advice the user saw.
    pub judged_at: DateTime<FixedOffset>,
}

/// Hours after the invitation by which an answer is ideal.
pub const IDEAL_HOURS: i64 = 24;
/// Hours after the invitation by which an answer is due.
pub const RESPOND_HOURS: i64 = 72;
/// An interview closer than this is a last-minute cancellation.
pub const LAST_MINUTE_HOURS: i64 = 48;

/// Order in which chosen reasons decide the scenario of a decline.
const SCENARIO_ORDER: [Reason; 8] = [
    Reason::AcceptedOffer,
    Reason::Logistics,
    Reason::CurrentJob,
    Reason::Direction,
    Reason::Growth,
    Reason::NonNegotiables,
    Reason::Personal,
    Reason::Other,
];

/// Applies every rule to `situation`, judging time against `now`.
pub fn advise(situation: &Situation, now: DateTime<FixedOffset>) -> Advice {
    let mut explanations = Vec::new();
    let verdict = verdict(situation, &mut explanations);
    let channel = channel(situation);
    explanations.push(Explanation {
        rule: "channel",
        why: channel.why.clone(),
    });

    let respond_by = situation.invited_at + Duration::hours(RESPOND_HOURS);
    let ideal_by = situation.invited_at + Duration::hours(IDEAL_HOURS);
    let overdue = now > respond_by;
    let last_minute = situation
        .interview_at
        .is_some_and(|at| at >= now && at - now <= Duration::hours(LAST_MINUTE_HOURS));
    explanations.push(Explanation {
        rule: "timing",
        why: timing_why(now, ideal_by, respond_by, last_minute),
    });

    let scenario = scenario(situation, verdict, last_minute, &mut explanations);
    let include = Include {
        stay_connected: situation.checklist.stay_connected,
        referral: situation.checklist.offer_referral && situation.checklist.referral_permission,
    };
    if include.stay_connected || include.referral {
        explanations.push(Explanation {
            rule: "include",
            why: include_why(include),
        });
    }

    let warnings = warnings(situation, overdue, last_minute);
    let inform = inform(situation);
    let roadmap = roadmap(
        situation, verdict, &channel, overdue, ideal_by, respond_by, include,
    );
    Advice {
        verdict,
        channel,
        scenario,
        respond_by,
        ideal_by,
        overdue,
        last_minute,
        include,
        warnings,
        roadmap,
        inform,
        explanations,
        judged_at: now,
    }
}

fn verdict(s: &Situation, explanations: &mut Vec<Explanation>) -> Verdict {
    let (verdict, why) = if s.reasons.is_empty() {
        (
            Verdict::Reconsider,
            "You did not pick a reason to decline. Without one, the interview may be worth doing: \
             it can show you things about the job that a description cannot.",
        )
    } else if s.checklist.alternative_would_change_mind {
        (
            Verdict::Negotiate,
            "You said a change (remote work, other hours, a different scope) would make you want the \
             job. Ask for that change before saying no; declining closes the door to it.",
        )
    } else if !s.checklist.decided {
        (
            Verdict::AskForTime,
            "You have not made up your mind yet. A short, honest request for a few more days is \
             better than a rushed no you may regret.",
        )
    } else {
        (
            Verdict::Decline,
            "You have a reason, nothing would change your mind, and you have decided: \
             say no promptly and kindly.",
        )
    };
    explanations.push(Explanation {
        rule: "verdict",
        why: why.into(),
    });
    verdict
}

fn channel(s: &Situation) -> ChannelAdvice {
    if s.rounds >= 2 || s.rapport == Rapport::Strong {
        let because = if s.rounds >= 2 {
            format!("you have already done {} interview rounds", s.rounds)
        } else {
            "you have a real rapport with the people involved".to_owned()
        };
        ChannelAdvice {
            primary: Channel::Phone,
            confirm_by_email: true,
            why: format!(
                "Call first because {because}: after that much contact a personal call shows respect. \
                 Then send a short email so there is a written record."
            ),
        }
    } else if matches!(
        s.origin_channel,
        OriginChannel::Linkedin | OriginChannel::Messaging
    ) {
        ChannelAdvice {
            primary: Channel::Linkedin,
            confirm_by_email: true,
            why: "The conversation happened in messages, so answer there with a short note, then \
                  close it formally by email."
                .into(),
        }
    } else {
        ChannelAdvice {
            primary: Channel::Email,
            confirm_by_email: false,
            why: "Email suits an early or arm's-length process: it is quick, leaves a written record \
                  and lets the team move on without chasing you."
                .into(),
        }
    }
}

fn scenario(
    s: &Situation,
    verdict: Verdict,
    last_minute: bool,
    explanations: &mut Vec<Explanation>,
) -> Option<MessageKind> {
    let (scenario, why) = match verdict {
        Verdict::Reconsider => return None,
        Verdict::Negotiate => (MessageKind::Negotiate, "A message that asks for the change you need.".to_owned()),
        Verdict::AskForTime => (
            MessageKind::AskForTime,
            "A message that thanks them and asks for a clear, short extension.".to_owned(),
        ),
        Verdict::Decline if last_minute => (
            MessageKind::CancelLastMinute,
            "The interview is less than 48 hours away, so the message must cancel it, apologise for \
             the short notice and free the interviewers' time."
                .to_owned(),
        ),
        Verdict::Decline => {
            let first = SCENARIO_ORDER
                .iter()
                .copied()
                .find(|r| s.has(*r))
                .expect("a decline always has a reason");
            let scenario = match first {
                Reason::AcceptedOffer if s.offer_accepted => MessageKind::AcceptedOffer,
                Reason::AcceptedOffer => MessageKind::CircumstancesChanged,
                Reason::Logistics => MessageKind::Logistics,
                Reason::CurrentJob => MessageKind::StayingCurrentJob,
                Reason::Direction => MessageKind::Direction,
                Reason::Growth => MessageKind::Growth,
                Reason::NonNegotiables => MessageKind::NotAFit,
                Reason::Personal | Reason::Other => MessageKind::CircumstancesChanged,
            };
            let why = match (first, scenario) {
                (Reason::AcceptedOffer, MessageKind::CircumstancesChanged) => {
                    "You have not confirmed accepting another offer, so the message says your \
                     circumstances changed rather than claiming an acceptance."
                        .to_owned()
                }
                _ => format!(
                    "Built around your main reason ({}); one short, neutral sentence is enough.",
                    first.phrase()
                ),
            };
            (scenario, why)
        }
    };
    explanations.push(Explanation {
        rule: "scenario",
        why,
    });
    Some(scenario)
}

fn timing_why(
    now: DateTime<FixedOffset>,
    ideal_by: DateTime<FixedOffset>,
    respond_by: DateTime<FixedOffset>,
    last_minute: bool,
) -> String {
    let when = if now > respond_by {
        "More than 72 hours have passed since the invitation: answer today, and keep the apology to one line."
    } else if now > ideal_by {
        "More than a day has passed since the invitation: answer as soon as you can, at the latest 72 hours after it."
    } else {
        "Answering within a day of the invitation is ideal; 72 hours is the outer limit."
    };
    if last_minute {
        format!("{when} The interview is less than 48 hours away, so tell them now so nobody prepares for nothing.")
    } else {
        when.to_owned()
    }
}

pub(super) fn include_why(include: Include) -> String {
    match (include.stay_connected, include.referral) {
        (true, true) => "You want to keep in touch and have someone to recommend who agreed to it: offer both, briefly.",
        (true, false) => "You want to keep in touch: close with one sincere line about future contact.",
        _ => "You have someone to recommend who agreed to it: offer to introduce them.",
    }
    .to_owned()
}

fn inform(s: &Situation) -> Vec<Audience> {
    let mut out: Vec<Audience> = Vec::new();
    for a in &s.inform {
        if !out.contains(a) {
            out.push(*a);
        }
    }
    if out.is_empty() {
        out.push(Audience::Recruiter);
    }
    out
}
