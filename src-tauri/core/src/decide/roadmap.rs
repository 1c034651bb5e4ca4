//! The parts of the advice that read as a list: the warnings to heed before sending, and the
//! seven steps of a respectful decline with where this Situation stands on each.

use chrono::{DateTime, FixedOffset};

use super::advice::{
    include_why, ChannelAdvice, Include, RoadmapStep, StepState, Verdict, Warning,
};
use super::situation::*;
use crate::message::Channel;

pub(super) fn warnings(s: &Situation, overdue: bool, last_minute: bool) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |id: &'static str, message: &str| {
        out.push(Warning {
            id,
            message: message.to_owned(),
        })
    };
    if s.reasons.is_empty() {
        warn(
            "no-valid-reason",
            "No reason is selected. Declining without one is allowed, but check whether the interview \
             could answer your doubts first.",
        );
    }
    if s.has(Reason::AcceptedOffer) && !s.offer_accepted {
        warn(
            "offer-not-confirmed",
            "Only say you accepted another offer once the acceptance is real and binding. Until then, \
             say your circumstances changed: a claim that turns out untrue can follow you.",
        );
    }
    if s.checklist.offer_referral && !s.checklist.referral_permission {
        warn(
            "referral-without-permission",
            "Ask the person you want to recommend before you name them; the referral stays out of the \
             message until they agree.",
        );
    }
    if overdue {
        warn(
            "overdue",
            "The usual 72-hour window has passed. Reply now, with a single line acknowledging the delay.",
        );
    }
    if last_minute {
        warn(
            "last-minute",
            "The interview is less than 48 hours away. Cancel now, apologise for the short notice, and \
             consider a call so they hear it in time.",
        );
    }
    if s.has(Reason::Personal) {
        warn(
            "personal-details-private",
            "Keep personal details (family, health, money) out of the message. Saying that your \
             situation has changed is enough.",
        );
    }
    if s.has(Reason::CurrentJob) {
        warn(
            "current-job-confidential",
            "Do not name your employer or say your job search might be discovered; simply say you have \
             decided to stay where you are.",
        );
    }
    if s.rounds >= 2 || matches!(s.stage, Stage::Interviewed | Stage::Offer) {
        warn(
            "late-stage",
            "The team has invested time in you. A personal, slightly warmer message (or a call) is \
             more respectful than a two-line email.",
        );
    }
    out
}

pub(super) fn roadmap(
    s: &Situation,
    verdict: Verdict,
    channel: &ChannelAdvice,
    overdue: bool,
    ideal_by: DateTime<FixedOffset>,
    respond_by: DateTime<FixedOffset>,
    include: Include,
) -> Vec<RoadmapStep> {
    let confirmed = verdict == Verdict::Decline && s.checklist.fit_rechecked;
    let confirm_note = if confirmed {
        "Decision confirmed: reason chosen, fit re-checked, nothing would change your mind."
            .to_owned()
    } else if verdict == Verdict::Decline {
        "Re-read the job description once more before you send anything.".to_owned()
    } else {
        "Not settled yet: see the verdict above.".to_owned()
    };
    let channel_name = match channel.primary {
        Channel::Email => "email",
        Channel::Phone => "a phone call",
        Channel::Linkedin => "a LinkedIn message",
    };
    let follow_up = if channel.confirm_by_email {
        ", then an email"
    } else {
        ""
    };
    let offer = include.stay_connected || include.referral;
    let step = |step: u8, id: &'static str, title: &'static str, state: StepState, note: String| {
        RoadmapStep {
            step,
            id,
            title,
            state,
            note,
        }
    };
    vec![
        step(
            1,
            "confirm",
            "Confirm your decision",
            if confirmed {
                StepState::Done
            } else {
                StepState::Attention
            },
            confirm_note,
        ),
        step(
            2,
            "respond-promptly",
            "Respond promptly",
            if overdue {
                StepState::Attention
            } else {
                StepState::Todo
            },
            format!(
                "Ideally by {}, at the latest by {}.",
                ideal_by.format("%a %-d %b %H:%M"),
                respond_by.format("%a %-d %b %H:%M")
            ),
        ),
        step(
            3,
            "channel",
            "Choose the channel",
            StepState::Done,
            format!("Use {channel_name}{follow_up}."),
        ),
        step(
            4,
            "gratitude-and-decision",
            "Thank them and state the decision",
            StepState::Todo,
            "Open with thanks and put the decision in the first or second sentence.".into(),
        ),
        step(
            5,
            "short-reason",
            "Keep the reason short and neutral",
            StepState::Todo,
            "One sentence at most; no detail that invites a debate.".into(),
        ),
        step(
            6,
            "stay-connected",
            "Offer to stay in touch or refer someone",
            if offer {
                StepState::Todo
            } else {
                StepState::Skipped
            },
            if offer {
                include_why(include)
            } else {
                "Only when you mean it; you chose not to.".into()
            },
        ),
        step(
            7,
            "save-copy",
            "Save the message and their reply",
            StepState::Todo,
            "Keep both in History so you can follow up later.".into(),
        ),
    ]
}
