//! `politely practice`: the speaking-time estimate of a phone script, for scripts and editors.
//! Exit 0 with the estimate, 2 for bad input (no words, a pace outside 110–190, not UTF-8…).

use std::path::PathBuf;

use politely_core::practice;
use politely_core::speech::{self, Band, MAX_SCRIPT_BYTES};

use super::{fail, print_json, read_input};

/// `politely practice …`
#[derive(Debug, clap::Subcommand)]
pub(crate) enum PracticeCommand {
    /// How long a phone script takes to say, beat by beat, against the 30–60 s target
    #[command(
        after_help = "Input is the script as plain text: paragraphs are beats (greeting and \
    thanks, decision, brief reason, goodwill close); the output of `politely draft --channel phone` \
    works as is.\n\
    JSON: {\"words\", \"seconds\", \"beats\": [{\"name\", \"words\", \"seconds\", \"starts_at\", \
    \"text\"}], \"wpm\", \"pause_seconds\", \"target\", \"band\", \"warnings\"}.\n\
    Exit codes: 0 estimate printed, 2 bad input."
    )]
    Estimate {
        /// Script file; `-` or nothing reads standard input
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
        /// Speaking pace in words a minute (110–190)
        #[arg(long, value_name = "N", default_value_t = speech::DEFAULT_WPM)]
        wpm: u32,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(command: PracticeCommand) -> i32 {
    match command {
        PracticeCommand::Estimate { file, wpm, json } => estimate(file, wpm, json),
    }
}

fn estimate(file: Option<PathBuf>, wpm: u32, json: bool) -> i32 {
    // Check the pace before waiting on standard input.
    if let Err(error) = speech::check_wpm(wpm) {
        return fail(&error);
    }
    let script = match read_input(file.as_deref(), MAX_SCRIPT_BYTES) {
        Ok(text) => text,
        Err(error) => return fail(&error),
    };
    let estimate = match practice::estimate(&script, wpm) {
        Ok(e) => e,
        Err(error) => return fail(&error),
    };
    if json {
        return print_json(&estimate);
    }
    let band = match estimate.band {
        Band::Under => "under",
        Band::In => "inside",
        Band::Over => "over",
    };
    println!(
        "About {} s at {} words a minute ({} words): {band} the {}–{} s target.",
        estimate.seconds.round(),
        estimate.wpm,
        estimate.words,
        estimate.target[0],
        estimate.target[1]
    );
    for b in &estimate.beats {
        let at = b.starts_at.round() as u64;
        println!(
            "  {}:{:02}  {:<20} {:>3} words  {:>5.1} s",
            at / 60,
            at % 60,
            speech::label(&b.name),
            b.words,
            b.seconds
        );
    }
    for w in &estimate.warnings {
        println!("warning: {w}");
    }
    0
}
