//! `politely lint`: the proofreader on any text, for scripts and editors. Exit 0 when nothing
//! must be fixed, 1 when an error was found, 2 for bad input.

use std::path::{Path, PathBuf};

use politely_core::api::proofread::{proofread, Text};
use politely_core::decide::{self, Situation};
use politely_core::lint::{self, Finding, Part, Purpose, MAX_LINT_BYTES};
use politely_core::message::Channel;

use super::compose::ChannelArg;
use super::{fail, print_json, read_input, EXIT_USAGE};

/// Exit code when the proofreader found errors.
const EXIT_ERRORS: i32 = 1;

/// What the message is for, as the CLI takes it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum PurposeArg {
    Decline,
    Cancel,
    Reschedule,
    AskForTime,
    Negotiate,
    Reopen,
    FollowUp,
}

/// Arguments of `politely lint`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Input is plain text; an optional first line `Subject: …` is the subject.\n\
    JSON: {\"findings\": [{rule, severity, message, part, start, end, suggestion?}], \
    \"summary\": {\"errors\", \"warnings\", \"infos\"}, \"purpose\"} with byte offsets into the \
    subject or body; `purpose` is the one given or the one read from the text.\n\
    Exit codes: 0 no errors, 1 errors found, 2 bad input."
)]
pub(crate) struct LintArgs {
    /// Text file; `-` or nothing reads standard input
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
    /// How the message will be delivered (a phone script is judged as speech)
    #[arg(long, value_enum, default_value = "email")]
    channel: ChannelArg,
    /// The Situation the message answers (JSON, see docs/advise.md): enables honesty, lateness
    /// and stay-in-touch checks
    #[arg(long, value_name = "SITUATION.json")]
    context: Option<PathBuf>,
    /// What the message is for [default: read from the text; a text that states none is judged
    /// as a decline]
    #[arg(long, value_enum)]
    purpose: Option<PurposeArg>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: LintArgs) -> i32 {
    let text = match read_input(args.file.as_deref(), MAX_LINT_BYTES) {
        Ok(text) => text,
        Err(error) => return fail(&error),
    };
    let clock = decide::clock();
    let situation = match args.context.as_deref().map(read_context).transpose() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (subject, body) = lint::split_subject(&text);
    let text = Text {
        subject,
        body,
        channel: match args.channel {
            ChannelArg::Email => Channel::Email,
            ChannelArg::Phone => Channel::Phone,
            ChannelArg::Linkedin => Channel::Linkedin,
        },
        purpose: args.purpose.map(|p| match p {
            PurposeArg::Decline => Purpose::Decline,
            PurposeArg::Cancel => Purpose::Cancel,
            PurposeArg::Reschedule => Purpose::Reschedule,
            PurposeArg::AskForTime => Purpose::AskForTime,
            PurposeArg::Negotiate => Purpose::Negotiate,
            PurposeArg::Reopen => Purpose::Reopen,
            PurposeArg::FollowUp => Purpose::FollowUp,
        }),
    };
    let report = match proofread(&text, situation.as_ref(), false, clock) {
        Ok(r) => r.report,
        Err(error) => return fail(&error),
    };
    let code = if report.summary.errors > 0 {
        EXIT_ERRORS
    } else {
        0
    };
    if args.json {
        let purpose = text.purpose.unwrap_or_else(|| lint::infer_purpose(body));
        let out = LintJson {
            report: &report,
            purpose,
        };
        return match print_json(&out) {
            0 => code,
            other => other,
        };
    }
    for f in &report.findings {
        println!("{}", describe(f, subject.unwrap_or(""), body));
    }
    let s = report.summary;
    println!(
        "{} error{}, {} warning{}, {} suggestion{}",
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.infos,
        plural(s.infos)
    );
    code
}

/// `politely lint --json`: the report and the purpose it was judged for.
#[derive(serde::Serialize)]
struct LintJson<'a> {
    #[serde(flatten)]
    report: &'a lint::Report,
    purpose: Purpose,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn read_context(path: &Path) -> Result<Situation, i32> {
    let clock = decide::clock();
    let text = read_input(Some(path), decide::situation::MAX_INPUT_BYTES).map_err(|e| fail(&e))?;
    Situation::from_json(&text, clock).map_err(|problems| {
        for p in &problems {
            eprintln!("politely: context {}: {}", p.field, p.message);
        }
        EXIT_USAGE
    })
}

/// `body 3:14 error no-gratitude: … [“quoted span”] (suggest: …)`
fn describe(f: &Finding, subject: &str, body: &str) -> String {
    let (part, text) = match f.part {
        Part::Subject => ("subject", subject),
        Part::Body => ("body", body),
    };
    let before = &text[..f.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    let span = text.get(f.start..f.end).unwrap_or("");
    let quoted: String = span.chars().take(60).collect();
    let mut out = format!(
        "{part} {line}:{column} {} {}: {}",
        match f.severity {
            lint::Severity::Error => "error",
            lint::Severity::Warning => "warning",
            lint::Severity::Info => "info",
        },
        f.rule,
        f.message
    );
    if !quoted.trim().is_empty() && quoted.len() < span.len().max(1) + 1 {
        out.push_str(&format!(
            " [“{}{}”]",
            quoted.replace('\n', " "),
            if quoted.len() < span.len() { "…" } else { "" }
        ));
    }
    if let Some(s) = &f.suggestion {
        out.push_str(&format!(" (suggest: “{s}”)"));
    }
    out
}
