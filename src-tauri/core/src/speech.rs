//! How long words take to say: a phone script's beats timed at a speaking pace, against the
//! 30–60 second target of a phone decline. Below everything that writes or rehearses a script,
//! so Compose (the estimate beside a draft) and Practise (the teleprompter) share one clock.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Default speaking pace, words a minute (a calm phone voice).
pub const DEFAULT_WPM: u32 = 150;
/// Slowest pace the estimate accepts.
pub const MIN_WPM: u32 = 110;
/// Fastest pace the estimate accepts.
pub const MAX_WPM: u32 = 190;
/// The breath taken between two beats, in seconds.
pub const BEAT_PAUSE_SECONDS: f64 = 1.0;
/// The call's target length, seconds (inclusive).
pub const TARGET_SECONDS: (u32, u32) = (30, 60);
/// Most beats in a script (more are folded into the last); a run stores this many.
pub const MAX_BEATS: usize = 20;
/// Longest beat name, in characters.
pub const MAX_BEAT_NAME: usize = 40;
/// Largest script the estimate reads.
pub const MAX_SCRIPT_BYTES: usize = 1024 * 1024;

/// The beats of a phone decline, in the order they are said.
pub const BEAT_NAMES: [&str; 4] = ["greeting", "decision", "reason", "goodwill"];

/// One beat of a script: a name from [`BEAT_NAMES`] (or "part N" when the script has no clear
/// decision) and what is said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptBeat {
    /// Which beat.
    pub name: String,
    /// The words to say.
    pub text: String,
}

/// Where a length falls against the 30–60 s target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Shorter than the target: can sound abrupt.
    Under,
    /// Inside the target.
    In,
    /// Longer than the target.
    Over,
}

impl Band {
    /// The band of a length in seconds.
    pub fn of(seconds: f64) -> Band {
        let (low, high) = TARGET_SECONDS;
        if seconds < f64::from(low) {
            Band::Under
        } else if seconds > f64::from(high) {
            Band::Over
        } else {
            Band::In
        }
    }
}

/// One beat's share of the estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeatEstimate {
    /// Which beat.
    pub name: String,
    /// What is said.
    pub text: String,
    /// Words in it.
    pub words: usize,
    /// Seconds to say it, plus the pause before the next beat (one decimal).
    pub seconds: f64,
    /// Seconds into the call when it starts (one decimal).
    pub starts_at: f64,
}

/// How long a script takes to say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// Words in the whole script.
    pub words: usize,
    /// Seconds for the whole script (one decimal).
    pub seconds: f64,
    /// The beats, in order.
    pub beats: Vec<BeatEstimate>,
    /// Pace used, words a minute.
    pub wpm: u32,
    /// Pause counted at each beat boundary, seconds.
    pub pause_seconds: f64,
    /// The target, `[min, max]` seconds.
    pub target: [u32; 2],
    /// Where `seconds` falls against the target.
    pub band: Band,
    /// What to change before practising: the target missed, and the beat to shorten or grow.
    pub warnings: Vec<String>,
}

/// Checks a pace in words a minute.
pub fn check_wpm(wpm: u32) -> Result<u32> {
    if (MIN_WPM..=MAX_WPM).contains(&wpm) {
        Ok(wpm)
    } else {
        Err(Error::invalid(
            "wpm",
            format!("{wpm} is outside {MIN_WPM}–{MAX_WPM} words a minute"),
        ))
    }
}

/// Times beats that are already split (a composed draft's beats).
pub fn estimate_beats(beats: &[ScriptBeat], wpm: u32) -> Result<Estimate> {
    let wpm = check_wpm(wpm)?;
    let spoken: Vec<&ScriptBeat> = beats.iter().filter(|b| count_words(&b.text) > 0).collect();
    if spoken.is_empty() {
        return Err(Error::invalid(
            "script",
            "has no words to say; compose a phone script or paste one",
        ));
    }
    let mut out = Vec::with_capacity(spoken.len());
    let mut at = 0.0_f64;
    for (i, beat) in spoken.iter().enumerate() {
        let words = count_words(&beat.text);
        let pause = if i + 1 < spoken.len() {
            BEAT_PAUSE_SECONDS
        } else {
            0.0
        };
        let seconds = words as f64 * 60.0 / f64::from(wpm) + pause;
        out.push(BeatEstimate {
            name: beat.name.clone(),
            text: beat.text.clone(),
            words,
            seconds: tenths(seconds),
            starts_at: tenths(at),
        });
        at += seconds;
    }
    let words = out.iter().map(|b| b.words).sum();
    let band = Band::of(tenths(at));
    let warnings = advice(&out, at, band);
    Ok(Estimate {
        words,
        seconds: tenths(at),
        beats: out,
        wpm,
        pause_seconds: BEAT_PAUSE_SECONDS,
        target: [TARGET_SECONDS.0, TARGET_SECONDS.1],
        band,
        warnings,
    })
}

fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// What to change when the estimate misses the target.
fn advice(beats: &[BeatEstimate], total: f64, band: Band) -> Vec<String> {
    let (low, high) = TARGET_SECONDS;
    let total = total.round();
    match band {
        Band::In => Vec::new(),
        Band::Over => {
            let longest = beats
                .iter()
                .max_by(|a, b| a.seconds.total_cmp(&b.seconds))
                .expect("at least one beat");
            vec![format!(
                "About {total} s: over the {high} s target. The longest beat is “{}” ({} s): shorten it first.",
                label(&longest.name),
                longest.seconds.round()
            )]
        }
        Band::Under => {
            let missing: Vec<&str> = BEAT_NAMES
                .iter()
                .filter(|n| !beats.iter().any(|b| b.name == **n))
                .map(|n| label(n))
                .collect();
            let hint = if missing.is_empty() {
                "add a sentence of thanks or goodwill so it does not sound abrupt".to_owned()
            } else {
                format!("it has no “{}” beat", missing.join("”, “"))
            };
            vec![format!(
                "About {total} s: under the {low} s target; {hint}."
            )]
        }
    }
}

/// How a beat is named on screen and in messages.
pub fn label(name: &str) -> &str {
    match name {
        "greeting" => "greeting and thanks",
        "decision" => "decision",
        "reason" => "brief reason",
        "goodwill" => "goodwill close",
        other => other,
    }
}

/// Words as a listener hears them: runs of characters separated by whitespace.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
