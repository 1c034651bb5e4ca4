//! `no-decision`: no sentence states the decision — or, for the other purposes, the request
//! (more time, a new date, a change, reopening) — firmly. A follow-up months later decides
//! nothing. Decisions are read from sentence structure (`lint/decision.rs`), not phrases. With
//! no purpose given and no decision or request of any kind found, the finding is a warning.

use super::{Ctx, Findings};
use crate::lint::decision::Kind;
use crate::lint::{Purpose, RuleId};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.purpose == Purpose::FollowUp || ctx.decision.is_some() || ctx.curt {
        return;
    }
    let Some(first) = ctx.shape.sentences.first() else {
        return;
    };
    let hedged = ctx.acts.iter().any(|(_, a)| a.hedged);
    let message = match ctx.purpose {
        Purpose::Decline if hedged => "The decision is only hinted at: say it plainly (“I am withdrawing my application for …”).",
        Purpose::Decline => "No clear decision: say plainly that you are withdrawing or declining (“I am withdrawing my application for …”).",
        Purpose::Cancel => "No clear cancellation: say plainly that you are cancelling the interview (“I need to cancel my interview on …”).",
        Purpose::Reschedule => "No clear request: ask plainly for another time (“Could we move the interview to Thursday?”).",
        Purpose::AskForTime => "No clear request: ask plainly for the time you need (“Could I have until Friday to decide?”).",
        Purpose::Negotiate => "No clear request: say what would need to change (“Would a remote arrangement be possible?”).",
        Purpose::Reopen => "No clear request: ask plainly to be considered again.",
        Purpose::FollowUp => return,
    };
    // Told nothing of the purpose and finding no decision or request of any kind, the reading
    // may be what failed: say so as a warning, not as an error the message would be blocked by.
    let decides_or_asks = ctx
        .acts
        .iter()
        .any(|(_, a)| !matches!(a.kind, Kind::KeepInTouch | Kind::Gap | Kind::StatusCheck));
    if ctx.input.purpose.is_none() && !decides_or_asks {
        out.body_unsure(
            RuleId::NoDecision,
            format!("{message} (Politely found no decision or request in this message; if it states one in words it does not know, choose what the message is for.)"),
            (first.start, first.end),
        );
        return;
    }
    out.body(
        RuleId::NoDecision,
        message.to_owned(),
        (first.start, first.end),
    );
}
