//! `politely draft` and `politely templates`: the composer from the command line, over the same
//! templates as the window.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use politely_core::compose::{self, draft, user, Draft, Request, TemplateInfo};
use politely_core::data_dir::DataDir;
use politely_core::decide::{self, situation::Formality, Situation};
use politely_core::message::{Channel, MessageKind};
use politely_core::store::user_templates::TemplateDraft;
use politely_core::store::{Store, DB_FILE};
use politely_core::Error;
use serde::Serialize;

use super::{fail, print_json, read_situation};

/// Channel names as the CLI takes them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ChannelArg {
    Email,
    Phone,
    Linkedin,
}

/// Formality names as the CLI takes them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum FormalityArg {
    Standard,
    Formal,
    Warm,
}

/// Arguments of `politely draft`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Scenarios: accepted_offer, logistics, not_a_fit, growth, direction, \
    staying_current_job, circumstances_changed, cancel_last_minute, ask_for_time, negotiate, \
    withdraw_after_rounds, referral_offer, pushback_reiterate, pushback_private, pushback_referral, \
    reopen, confirm_call, follow_up (see `politely templates list`).\n\
    Exit codes: 0 draft printed, 2 bad input (each problem names its field)."
)]
pub(crate) struct DraftArgs {
    /// Situation JSON file (see docs/advise.md); - reads standard input
    #[arg(long, value_name = "FILE|-")]
    situation: PathBuf,
    /// Which channel to write for
    #[arg(long, value_enum)]
    channel: ChannelArg,
    /// Which message [default: the one the advice recommends]
    #[arg(long, value_name = "S", value_parser = parse_kind)]
    scenario: Option<MessageKind>,
    /// How formal [default: the Situation's `formality`, else standard]
    #[arg(long, value_enum)]
    formality: Option<FormalityArg>,
    /// Use one of your own templates (by name) instead of a built-in scenario
    #[arg(long, value_name = "NAME", conflicts_with_all = ["scenario", "choose"])]
    template: Option<String>,
    /// Pick another phrasing of a block, e.g. --choose gratitude=2 (1 is the first)
    #[arg(long, value_name = "BLOCK=N", value_parser = parse_choice)]
    choose: Vec<(String, usize)>,
    /// Print JSON: channel, scenario, formality, subject (email), body, beats and
    /// estimated_seconds (phone), answers (phone), blocks, words, chars, notes
    #[arg(long)]
    json: bool,
}

fn parse_kind(s: &str) -> Result<MessageKind, String> {
    MessageKind::parse(s).ok_or_else(|| {
        let names: Vec<_> = MessageKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown scenario; use one of: {}", names.join(", "))
    })
}

fn parse_choice(s: &str) -> Result<(String, usize), String> {
    let (block, n) = s
        .split_once('=')
        .ok_or("expected BLOCK=N, e.g. gratitude=2")?;
    let n: usize = n
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or("N must be a whole number from 1")?;
    Ok((block.to_owned(), n - 1))
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesCommand {
    /// List the message templates: scenario, label, group, channels, formalities, file
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Check a template of your own (fields, if/else, filters) before you save it: every
    /// problem with its line and column
    #[command(
        after_help = "Exit codes: 0 the template is fine, 1 it has problems (listed), \
        2 it cannot be read.\nJSON: [{\"line\", \"column\", \"message\"}]"
    )]
    Check {
        /// The template source; `-` or nothing reads standard input
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn draft(args: DraftArgs, data_dir: &DataDir) -> i32 {
    let (situation, _) = match read_situation(Some(Path::new(&args.situation))) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let channel = match args.channel {
        ChannelArg::Email => Channel::Email,
        ChannelArg::Phone => Channel::Phone,
        ChannelArg::Linkedin => Channel::Linkedin,
    };
    if let Some(name) = &args.template {
        return user_draft(name, channel, &situation, data_dir, args.json);
    }
    let request = Request {
        channel: Some(channel),
        scenario: args.scenario,
        formality: args.formality.map(|f| match f {
            FormalityArg::Standard => Formality::Standard,
            FormalityArg::Formal => Formality::Formal,
            FormalityArg::Warm => Formality::Warm,
        }),
        choices: args.choose.into_iter().collect::<BTreeMap<_, _>>(),
    };
    let draft = match compose::compose(&situation, &request, decide::clock()) {
        Ok(d) => d,
        Err(error) => return fail(&error),
    };
    for note in &draft.notes {
        eprintln!("note: {note}");
    }
    if args.json {
        print_json(&draft)
    } else {
        print!("{}", as_text(&draft));
        0
    }
}

/// `draft --template NAME`: one of the user's templates filled in.
fn user_draft(
    name: &str,
    channel: Channel,
    situation: &Situation,
    data_dir: &DataDir,
    json: bool,
) -> i32 {
    let result = (|| {
        let store = existing_store(data_dir)?.ok_or_else(|| Error::NotFound {
            what: format!("a template called “{name}” (you have no templates yet)"),
        })?;
        let found = store.user_templates()?.into_iter().find(|t| t.name == name);
        let t = found.ok_or_else(|| Error::NotFound {
            what: format!("a template called “{name}” (see `politely templates list`)"),
        })?;
        if t.channel != channel.as_str() {
            return Err(Error::invalid(
                "channel",
                format!(
                    "“{name}” is written for {}, not {}",
                    t.channel,
                    channel.as_str()
                ),
            ));
        }
        let draft = TemplateDraft {
            id: Some(t.id),
            name: t.name,
            channel: t.channel,
            subject: t.subject,
            body: t.body,
        };
        user::render_or_error(&draft, situation)
    })();
    match result {
        Ok(r) if json => print_json(&r),
        Ok(r) if r.subject.is_empty() => {
            println!("{}", r.body);
            0
        }
        Ok(r) => {
            println!("Subject: {}\n\n{}", r.subject, r.body);
            0
        }
        Err(error) => fail(&error),
    }
}

/// The store when a history database already exists; listing never creates one.
pub(crate) fn existing_store(data_dir: &DataDir) -> Result<Option<Store>, Error> {
    if data_dir.path().join(DB_FILE).exists() {
        Store::open(data_dir).map(Some)
    } else {
        Ok(None)
    }
}

/// One row of `templates list --json`.
#[derive(Serialize)]
struct Listed {
    /// `builtin` or `user`.
    source: &'static str,
    #[serde(flatten)]
    builtin: Option<TemplateInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channels: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<String>,
}

/// The draft for a terminal: the message as it is sent or said, then what helps with it.
fn as_text(d: &Draft) -> String {
    let mut out = String::new();
    match d.channel {
        Channel::Phone => {
            for beat in d.beats.iter().flatten() {
                let _ = writeln!(
                    out,
                    "[{} · ~{} s]\n{}\n",
                    beat.name, beat.seconds, beat.text
                );
            }
            let _ = writeln!(
                out,
                "About {} s at {} words a minute.",
                d.estimated_seconds.unwrap_or_default(),
                politely_core::speech::DEFAULT_WPM
            );
            for a in d.answers.iter().flatten() {
                let _ = writeln!(out, "\nIf asked “{}”\n{}", a.question, a.text);
            }
        }
        _ => out.push_str(&draft::plain_text(d)),
    }
    out
}

pub(crate) fn templates(command: TemplatesCommand, data_dir: &DataDir) -> i32 {
    match command {
        TemplatesCommand::Check { file, json } => {
            let source = match super::read_input(file.as_deref(), 1 << 20) {
                Ok(source) => source,
                Err(error) => return fail(&error),
            };
            let problems = user::check_source(&source).err().unwrap_or_default();
            if json {
                return match print_json(&problems) {
                    0 if problems.is_empty() => 0,
                    0 => 1,
                    other => other,
                };
            }
            for p in &problems {
                println!("{}:{}: {}", p.line, p.column, p.message);
            }
            if problems.is_empty() {
                println!("ok");
                0
            } else {
                1
            }
        }
        TemplatesCommand::List { json } => {
            let list = compose::builtin_templates();
            let (user, code) = match existing_store(data_dir)
                .and_then(|s| s.map(|s| s.user_templates()).transpose())
            {
                Ok(user) => (user.unwrap_or_default(), 0),
                Err(error) => {
                    eprintln!("politely: your own templates could not be read: {error}");
                    (Vec::new(), super::EXIT_STORAGE)
                }
            };
            if json {
                let mut rows: Vec<Listed> = list
                    .into_iter()
                    .map(|t| Listed {
                        source: "builtin",
                        builtin: Some(t),
                        name: None,
                        id: None,
                        channels: None,
                        updated_at: None,
                    })
                    .collect();
                rows.extend(user.into_iter().map(|t| Listed {
                    source: "user",
                    builtin: None,
                    name: Some(t.name),
                    id: Some(t.id),
                    channels: Some(vec![t.channel]),
                    updated_at: Some(t.updated_at),
                }));
                return match print_json(&rows) {
                    0 => code,
                    other => other,
                };
            }
            let mut group = "";
            for t in &list {
                if t.group != group {
                    group = t.group;
                    println!("\n{group}");
                }
                let channels: Vec<_> = t.channels.iter().map(|c| c.as_str()).collect();
                println!(
                    "  {:<22} {:<44} {}",
                    t.scenario.as_str(),
                    t.label,
                    channels.join(", ")
                );
            }
            if !user.is_empty() {
                println!("\nYour own templates (politely draft --template NAME)");
                for t in &user {
                    println!("  {:<67} {}", t.name, t.channel);
                }
            }
            code
        }
    }
}
