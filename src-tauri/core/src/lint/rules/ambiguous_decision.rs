//! `ambiguous-decision`: the decision is stated with a hedge — "I might not continue", "maybe
//! I'll join, maybe not", "I'm not sure whether I should attend", "I think I'm probably going to
//! step back" — so the reader cannot tell what was decided. The hedges are read by the grammar
//! (`lint/decision.rs`); "I don't think I'll be able to…" is the usual polite form of a firm no,
//! and is not one.

use super::{Ctx, Findings};
use crate::lint::decision::Kind;
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    // Once the message decides firmly, an earlier "maybe" is thinking aloud, not the answer;
    // a "perhaps I will change my mind" after it reopens the question.
    let decided_at = ctx.decision.map(|(_, piece)| piece.start);
    for (_, act) in ctx
        .acts
        .iter()
        .filter(|(_, a)| a.hedged && decided_at.is_none_or(|d| a.start > d))
    {
        if matches!(act.kind, Kind::Reopen | Kind::PastDecline) {
            continue;
        }
        let span = (act.start, act.end);
        out.body(
            RuleId::AmbiguousDecision,
            format!(
                "“{}” leaves the answer open: state the decision firmly.",
                ctx.at(span)
            ),
            span,
        );
        return;
    }
}
