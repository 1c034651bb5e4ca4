//! One sentence being read: which of its words are the writer's own, and what a verb group has
//! said so far.

use std::sync::LazyLock;

use super::super::tokens::{Pattern, Tok};
use super::patterns::*;
use super::Kind;

/// Why a token is not the writer's own statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mask {
    Own,
    Quoted,
    Reported,
    Conditional,
}

pub(super) fn masks(toks: &[Tok]) -> Vec<Mask> {
    let mut out: Vec<Mask> = toks
        .iter()
        .map(|t| if t.quoted { Mask::Quoted } else { Mask::Own })
        .collect();
    let ends = |t: &Tok| t.boundary() || t.w == "," || t.w == "but" || t.w == "then";
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].w.as_str();
        let prev = i.checked_sub(1).map(|p| toks[p].w.as_str());
        let reporting = matches!(
            w,
            "said"
                | "say"
                | "says"
                | "mentioned"
                | "asked"
                | "told"
                | "wrote"
                | "suggested"
                | "claimed"
                | "thought"
                | "think"
                | "wondered"
        ) && matches!(
            prev,
            Some("you" | "he" | "she" | "they" | "someone" | "who" | "recruiter" | "manager")
        );
        let conditional = matches!(w, "if" | "unless")
            && !toks[i.saturating_sub(5)..i]
                .iter()
                .any(|t| matches!(t.w.as_str(), "better" | "best" | "fair" | "right"));
        if reporting || conditional {
            let mask = if reporting {
                Mask::Reported
            } else {
                Mask::Conditional
            };
            let mut j = i + 1;
            while j < toks.len() && !ends(&toks[j]) {
                if out[j] == Mask::Own {
                    out[j] = mask;
                }
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// What the verb group has said so far.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Flags {
    /// Negated an odd number of times ("not", "never", "unable", "no longer").
    pub(super) neg: bool,
    /// A verb of wanting came first ("I'd like", "I need"): a time span after it is asked for.
    pub(super) want: bool,
    /// Softened ("may", "probably", "not sure whether").
    pub(super) hedged: bool,
    /// Past perfect ("I had withdrawn").
    pub(super) had: bool,
    /// An auxiliary came first (so "declined" is a participle, not a simple past).
    pub(super) aux: bool,
    /// A present or future auxiliary came first ("will", "am", "need").
    pub(super) present: bool,
}

/// One sentence being read: its tokens and what holds for all of them.
pub(super) struct Sentence<'t> {
    pub(super) toks: &'t [Tok],
    pub(super) mask: Vec<Mask>,
    /// Ends with a question mark: it may ask, never decide.
    pub(super) question: bool,
    /// Tells of the past ("last spring", "in March").
    pub(super) past_time: bool,
}

pub(super) fn word_at(toks: &[Tok], i: usize, word: &str) -> bool {
    toks.get(i).is_some_and(|t| t.w == word)
}

/// Kinds that decide (and so never come from a question).
pub(super) fn deciding(kind: Kind) -> bool {
    matches!(kind, Kind::Decline | Kind::Cancel | Kind::OtherOffer)
}

/// Whether token `i` opens a real condition (not "if that's all right", "even if", "better if I").
pub(super) fn conditional_if(toks: &[Tok], i: usize) -> bool {
    if !matches!(toks[i].w.as_str(), "if" | "unless") || toks[i].quoted {
        return false;
    }
    let before = |w: &[&str]| {
        toks[i.saturating_sub(5)..i]
            .iter()
            .any(|t| w.contains(&t.w.as_str()))
    };
    if before(&["better", "best", "fair", "right"])
        || i > 0 && matches!(toks[i - 1].w.as_str(), "even" | "as")
    {
        return false;
    }
    static POLITE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
        patterns(&[
            "if that|this|it is|would ~1 ok|okay|alright|fine|acceptable|helpful|easier",
            "if that|this|it is all right",
            "if possible",
            "if that|it|this ~1 helps|help",
            "if you ~1 need|prefer|like|have|ever|want",
            "if anything|something ~3 changes|comes|opens|suitable|similar|relevant",
            "if i am ~1 honest|being|frank|candid",
            "if i may",
        ])
    });
    !POLITE.iter().any(|p| p.matches_at(toks, i).is_some())
}

/// Whether the time span ending at token `end` is wanted for deciding ("a few days to think
/// it over", "a week before I confirm", "more time."), not for something else ("a month to
/// find my passport").
pub(super) fn time_for_deciding(toks: &[Tok], end: usize) -> bool {
    match toks.get(end).map(|t| t.w.as_str()) {
        None
        | Some(
            "." | "?" | "!" | "," | "—" | "–" | "before" | "until" | "till" | "so" | "if" | "and"
            | "or",
        ) => true,
        Some("to") => toks.get(end + 1).is_some_and(|t| {
            matches!(
                t.w.as_str(),
                "decide"
                    | "think"
                    | "consider"
                    | "confirm"
                    | "review"
                    | "reflect"
                    | "respond"
                    | "reply"
                    | "answer"
                    | "get"
                    | "come"
                    | "discuss"
                    | "talk"
                    | "look"
                    | "go"
                    | "work"
                    | "weigh"
                    | "finalise"
                    | "finalize"
                    | "make"
                    | "give"
                    | "sort"
                    | "evaluate"
                    | "check"
                    | "read"
                    | "sleep"
                    | "revert"
                    | "mull"
                    | "speak"
                    | "reach"
                    | "finish"
                    | "hear"
            )
        }),
        // "an extension of one week", "a delay of a few days": the span is the time wanted.
        Some("of") if toks[end - 1].w == "extension" || toks[end - 1].w == "delay" => {
            toks[end + 1..].iter().take(4).any(|t| {
                matches!(
                    t.w.as_str(),
                    "day" | "days" | "week" | "weeks" | "month" | "months" | "hours"
                )
            })
        }
        _ => false,
    }
}
