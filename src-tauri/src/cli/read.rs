//! `politely read`: what a recruiter sent (pasted text, an .eml, an .ics) as the Situation's
//! fields it states, each with its evidence, and for a reply what it wants. Exit 0, or 2 for
//! input that cannot be read (missing, empty, not UTF-8 after decoding, over 1 MiB).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use politely_core::api::read::{self, Read, MAX_READ_BYTES};
use politely_core::{decide, Error};

use super::{fail, print_json};

/// Arguments of `politely read`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The format (.eml, .ics, pasted text with an optional `Subject:` line) is told \
    from the content. JSON: {kind, situation: {company, role, contact: {name, email, title}, \
    invited_at, interview_at, stage, origin_channel} (only the fields found), interview_options, \
    evidence, reply: {intent, scenario}} — see docs/read.md.\n\
    Exit codes: 0 read, 2 the input cannot be read."
)]
pub(crate) struct ReadArgs {
    /// The message; `-` or nothing reads standard input
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
    /// "Now" for pasted text without a date (RFC 3339) [default: the clock]
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ReadArgs) -> i32 {
    let now = match args.now.as_deref().map(parse_now).transpose() {
        Ok(now) => now.unwrap_or_else(decide::clock),
        Err(error) => return fail(&error),
    };
    let bytes = match read_bytes(args.file.as_deref()) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&error),
    };
    let found = match read::read(&bytes, now) {
        Ok(found) => found,
        Err(error) => return fail(&error),
    };
    if args.json {
        return print_json(&found);
    }
    print!("{}", describe(&found));
    0
}

fn parse_now(value: &str) -> Result<DateTime<FixedOffset>, Error> {
    let at = DateTime::parse_from_rfc3339(value.trim())
        .map_err(|_| Error::invalid("now", "is not a date-time like 2026-11-26T14:30:00+01:00"))?;
    politely_core::time::check("now", &at)?;
    Ok(at)
}

/// The input as bytes (an .eml may be in any charset), at most 1 MiB.
fn read_bytes(file: Option<&Path>) -> Result<Vec<u8>, Error> {
    super::read_input_bytes(file, MAX_READ_BYTES, "a message").map(|(_, bytes)| bytes)
}

/// The human-readable form: one line per field found, with its evidence.
fn describe(found: &Read) -> String {
    let value = serde_json::to_value(found).unwrap_or_default();
    let mut out = format!("kind: {}\n", value["kind"].as_str().unwrap_or(""));
    let evidence = &value["evidence"];
    let mut line = |label: &str, field: &str, text: Option<&str>| {
        if let Some(text) = text {
            out.push_str(&format!("{label}: {text}"));
            if let Some(why) = evidence[field].as_str() {
                out.push_str(&format!("    (from: “{why}”)"));
            }
            out.push('\n');
        }
    };
    let s = &value["situation"];
    line("company", "company", s["company"].as_str());
    line("role", "role", s["role"].as_str());
    line("contact", "contact.name", s["contact"]["name"].as_str());
    line("email", "contact.email", s["contact"]["email"].as_str());
    line("title", "contact.title", s["contact"]["title"].as_str());
    line("received", "invited_at", s["invited_at"].as_str());
    line("interview", "interview_at", s["interview_at"].as_str());
    if let Some(options) = value["interview_options"].as_array() {
        let list: Vec<&str> = options.iter().filter_map(|o| o.as_str()).collect();
        line("options", "interview_options", Some(&list.join(", ")));
    }
    line("stage", "stage", s["stage"].as_str());
    line("channel", "origin_channel", s["origin_channel"].as_str());
    if let Some(reply) = value.get("reply").filter(|r| !r.is_null()) {
        line("reply wants", "intent", reply["intent"].as_str());
        out.push_str(&format!(
            "answer with: {}\n",
            reply["scenario"]
                .as_str()
                .unwrap_or("nothing (no built-in message answers this)")
        ));
    }
    out
}
