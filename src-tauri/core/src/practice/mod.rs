//! Practice for the phone call: a script split into its beats (the decision found the way the
//! proofreader finds it), timed by [`crate::speech`], and the recruiter follow-ups to rehearse
//! after it. The article asks for a 30–60 second call; the estimate tells the user before they
//! start whether the script fits and, when it does not, which beat to shorten.

pub mod drill;

use crate::lint::{self, Purpose};
use crate::speech::{
    count_words, estimate_beats, Estimate, ScriptBeat, BEAT_NAMES, MAX_BEATS, MAX_BEAT_NAME,
    MAX_SCRIPT_BYTES,
};
use crate::{Error, Result};

pub use drill::{drill, Prompt};

/// Splits and times a script as pasted or printed by `politely draft --channel phone`.
pub fn estimate(script: &str, wpm: u32) -> Result<Estimate> {
    let beats = split_script(script)?;
    estimate_beats(&beats, wpm)
}

/// Splits a script into its beats. Paragraphs are beats; a single paragraph is split into
/// sentences first. The beat that states the decision is found the way the proofreader finds it;
/// what comes before is the greeting, the first thanks or good wishes after it start the goodwill
/// close, and what lies between is the reason. A script as `politely draft --channel phone` prints
/// it keeps its `[name · ~N s]` beats, and the estimate and answers printed after it (or after the
/// `-- about N s` line of the golden files) are not part of the call.
pub fn split_script(script: &str) -> Result<Vec<ScriptBeat>> {
    let mut beats = split_unbounded(script)?;
    // A run stores at most MAX_BEATS beats: fold the rest into the last one, losing no words.
    if beats.len() > MAX_BEATS {
        let rest: Vec<String> = beats.drain(MAX_BEATS..).map(|b| b.text).collect();
        let last = beats.last_mut().expect("MAX_BEATS beats remain");
        for text in rest {
            last.text.push(' ');
            last.text.push_str(&text);
        }
    }
    Ok(beats)
}

fn split_unbounded(script: &str) -> Result<Vec<ScriptBeat>> {
    if script.len() > MAX_SCRIPT_BYTES {
        return Err(Error::invalid(
            "script",
            format!(
                "is {} bytes; a phone script is a few hundred — Politely reads up to 1 MiB",
                script.len()
            ),
        ));
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut headed: Vec<ScriptBeat> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut seen_header = false;
    let flush =
        |current: &mut Vec<&str>, paragraphs: &mut Vec<String>, headed: &mut Vec<ScriptBeat>| {
            if !current.is_empty() {
                let text = current.join(" ");
                match headed.last_mut() {
                    Some(beat) if beat.text.is_empty() => beat.text = text.clone(),
                    Some(beat) => {
                        beat.text.push(' ');
                        beat.text.push_str(&text);
                    }
                    // Words above the first heading: an opening, so none are lost.
                    None => headed.push(ScriptBeat {
                        name: "opening".to_owned(),
                        text: text.clone(),
                    }),
                }
                paragraphs.push(text);
                current.clear();
            }
        };
    for line in script.lines() {
        let line = line.trim();
        if trailer(line, seen_header) {
            break;
        }
        if let Some(name) = header(line) {
            flush(&mut current, &mut paragraphs, &mut headed);
            seen_header = true;
            headed.push(ScriptBeat {
                name: name.to_owned(),
                text: String::new(),
            });
        } else if line.is_empty() {
            flush(&mut current, &mut paragraphs, &mut headed);
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut paragraphs, &mut headed);
    // `politely draft` names its beats: keep them as named.
    headed.retain(|b| count_words(&b.text) > 0);
    if seen_header && !headed.is_empty() {
        return Ok(headed);
    }
    if paragraphs.iter().all(|p| count_words(p) == 0) {
        return Err(Error::invalid(
            "script",
            "has no words to say; compose a phone script or paste one",
        ));
    }
    let units: Vec<String> = if paragraphs.len() == 1 {
        let text = &paragraphs[0];
        lint::text::sentences(text, 0, text.len())
            .into_iter()
            .map(|p| p.text.to_owned())
            .collect()
    } else {
        paragraphs
    };
    let decides = |u: &String| {
        lint::text::sentences(u, 0, u.len()).iter().any(|s| {
            [
                Purpose::Decline,
                Purpose::AskForTime,
                Purpose::Negotiate,
                Purpose::Reopen,
            ]
            .into_iter()
            .any(|p| lint::states_decision(s.text, p))
        })
    };
    let Some(decision) = units.iter().position(decides) else {
        if units.len() == BEAT_NAMES.len() {
            return Ok(named(units, |i| BEAT_NAMES[i].to_owned()));
        }
        return Ok(named(units, |i| format!("part {}", i + 1)));
    };
    // A composed script is four paragraphs with the decision second: keep its beats as written,
    // even when the reason happens to thank someone.
    if units.len() == BEAT_NAMES.len() && decision == 1 {
        return Ok(named(units, |i| BEAT_NAMES[i].to_owned()));
    }
    let closing = |u: &String| {
        let lower = u.to_lowercase();
        lint::thanks(u) || CLOSING_WORDS.iter().any(|w| lower.contains(w))
    };
    let goodwill = units
        .iter()
        .enumerate()
        .skip(decision + 1)
        .find(|(_, u)| closing(u))
        .map_or(units.len(), |(i, _)| i);
    let mut beats: Vec<ScriptBeat> = Vec::new();
    for (i, text) in units.into_iter().enumerate() {
        let name = if i < decision {
            "greeting"
        } else if i == decision {
            "decision"
        } else if i < goodwill {
            "reason"
        } else {
            "goodwill"
        };
        match beats.last_mut() {
            Some(last) if last.name == name => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => beats.push(ScriptBeat {
                name: name.to_owned(),
                text,
            }),
        }
    }
    Ok(beats)
}

/// A line `politely draft` prints after the script (the estimate and the answers). Only the
/// `-- about N s` line ends any script; the others end one that has `politely draft` headings,
/// so a quoted "> …" line in a pasted script is still read.
fn trailer(line: &str, headed: bool) -> bool {
    let about = line
        .strip_prefix("-- about ")
        .and_then(|r| r.strip_suffix(" s"))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    about
        || (headed
            && (line.starts_with("> ")
                || line.starts_with("If asked “")
                || (line.starts_with("About ")
                    && line.contains(" s at ")
                    && line.ends_with("words a minute."))))
}

/// A beat heading as `politely draft` prints it: `[greeting · ~13 s]`.
fn header(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    let (name, rest) = inner.split_once(" · ~")?;
    let seconds = rest.strip_suffix(" s")?;
    (seconds.chars().all(|c| c.is_ascii_digit()) && !name.trim().is_empty()).then(|| {
        let name = name.trim();
        // A beat name is a label: keep it short enough to store with a run.
        match name.char_indices().nth(MAX_BEAT_NAME) {
            Some((at, _)) => &name[..at],
            None => name,
        }
    })
}

/// Words that open a goodwill close on the phone.
const CLOSING_WORDS: &[&str] = &[
    "i wish you",
    "best of luck",
    "good luck",
    "all the best",
    "keep in touch",
    "stay in touch",
    "in contact",
    "take care",
    "goodbye",
    "rest of your day",
];

fn named(units: Vec<String>, name: impl Fn(usize) -> String) -> Vec<ScriptBeat> {
    units
        .into_iter()
        .enumerate()
        .map(|(i, text)| ScriptBeat {
            name: name(i),
            text,
        })
        .collect()
}

#[cfg(test)]
mod tests;
