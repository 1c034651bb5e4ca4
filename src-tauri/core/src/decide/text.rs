//! The Advice as plain text for the terminal (`politely advise` without `--json`).

use std::fmt::Write;

use super::advice::{Advice, StepState};
use crate::message::Channel;

/// A readable, line-oriented rendering of `advice`.
pub fn render(advice: &Advice) -> String {
    let mut out = String::new();
    let why = |rule: &str| {
        advice
            .explanations
            .iter()
            .find(|e| e.rule == rule)
            .map(|e| e.why.as_str())
            .unwrap_or_default()
    };
    let _ = writeln!(out, "Verdict:  {}", advice.verdict.label());
    let _ = writeln!(out, "          {}", why("verdict"));
    let channel = match (advice.channel.primary, advice.channel.confirm_by_email) {
        (primary, true) => format!("{}, then a confirming email", Channel::label(primary)),
        (primary, false) => Channel::label(primary).to_owned(),
    };
    let _ = writeln!(out, "Channel:  {channel}");
    let _ = writeln!(out, "          {}", advice.channel.why);
    if let Some(scenario) = advice.scenario {
        let _ = writeln!(out, "Message:  {}", scenario.label());
        let _ = writeln!(out, "          {}", why("scenario"));
    }
    let _ = writeln!(
        out,
        "Reply by: ideally {}, at the latest {}{}",
        advice.ideal_by.format("%a %-d %b %Y %H:%M %:z"),
        advice.respond_by.format("%a %-d %b %Y %H:%M %:z"),
        if advice.overdue { " (overdue)" } else { "" }
    );
    let mut include = Vec::new();
    if advice.include.stay_connected {
        include.push("a line about keeping in touch");
    }
    if advice.include.referral {
        include.push("an offer to refer someone");
    }
    if !include.is_empty() {
        let _ = writeln!(out, "Include:  {}", include.join(", "));
    }
    let tell: Vec<_> = advice
        .inform
        .iter()
        .map(|a| a.label().to_lowercase())
        .collect();
    let _ = writeln!(out, "Tell:     {}", tell.join(", "));
    if !advice.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for w in &advice.warnings {
            let _ = writeln!(out, "  ! {}: {}", w.id, w.message);
        }
    }
    let _ = writeln!(out, "\nRoadmap:");
    for step in &advice.roadmap {
        let mark = match step.state {
            StepState::Done => "x",
            StepState::Todo => " ",
            StepState::Attention => "!",
            StepState::Skipped => "-",
        };
        let _ = writeln!(
            out,
            "  [{mark}] {}. {}: {}",
            step.step, step.title, step.note
        );
    }
    out
}
