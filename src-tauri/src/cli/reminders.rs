//! `politely reminders`: the reminders for scripts, cron and a login without the window — list
//! them, send the due ones as desktop notifications, export them to a calendar. Exit codes: 0 ok,
//! 2 bad input, 3 no notification service (the reminders stay pending) or a storage problem.

use std::path::PathBuf;

use chrono::{Local, Utc};
use politely_core::api::reminders as api;
use politely_core::data_dir::DataDir;
use politely_core::notify::notify_due;
use politely_core::reminders::ics::IcsKind;
use politely_core::store::reminders::ReminderView;
use serde::Serialize;

use super::compose::existing_store;
use super::{fail, print_json, EXIT_STORAGE};
use crate::desktop::DesktopNotifier;

/// `politely reminders …`
#[derive(Debug, clap::Subcommand)]
pub(crate) enum RemindersCommand {
    /// The reminders, by due time (open ones; `--all` adds done and dismissed)
    #[command(
        after_help = "JSON: [{\"id\", \"kind\", \"due_at\", \"opportunity_id\", \"company\", \
    \"state\", \"role\", \"title\", \"summary\", \"notified_at\"}], due_at in UTC (RFC 3339)."
    )]
    List {
        /// Only those due now (pending and past their time)
        #[arg(long)]
        due: bool,
        /// Include done and dismissed reminders
        #[arg(long, conflicts_with = "due")]
        all: bool,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Add your own reminder
    Add {
        /// What to do, e.g. "Call Priya back"
        #[arg(long)]
        title: String,
        /// When, RFC 3339 (2026-12-01T09:00:00+01:00)
        #[arg(long, value_name = "TIME")]
        due: String,
        /// Link it to this opportunity (see `politely history list`)
        #[arg(long, value_name = "ID")]
        opportunity: Option<i64>,
        /// Print the reminder as JSON
        #[arg(long)]
        json: bool,
    },
    /// Send a desktop notification for each due reminder and mark it notified
    #[command(after_help = "Several due reminders become one notification.\n\
    Exit codes: 0 sent (or nothing due), 3 no notification service: one line on stderr, the \
    reminders stay pending.")]
    NotifyDue,
    /// Write the open reminders as an iCalendar file (RFC 5545) for a calendar app
    ExportIcs {
        /// File to write [default: standard output]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Calendar events (VEVENT) instead of tasks (VTODO); both carry an alarm at the due time
        #[arg(long)]
        events: bool,
        /// Include done and dismissed reminders
        #[arg(long)]
        all: bool,
    },
}

/// One line of `reminders list --json`.
#[derive(Serialize)]
struct Listed<'a> {
    id: i64,
    kind: &'static str,
    due_at: &'a str,
    opportunity_id: Option<i64>,
    company: Option<&'a str>,
    state: &'a str,
    role: Option<&'a str>,
    title: Option<&'a str>,
    summary: &'a str,
    notified_at: Option<&'a str>,
}

pub(crate) fn run(command: RemindersCommand, data_dir: &DataDir) -> i32 {
    match command {
        RemindersCommand::List { due, all, json } => list(data_dir, due, all, json),
        RemindersCommand::NotifyDue => notify(data_dir),
        RemindersCommand::Add {
            title,
            due,
            opportunity,
            json,
        } => add(data_dir, &title, &due, opportunity, json),
        RemindersCommand::ExportIcs { out, events, all } => export(data_dir, out, events, all),
    }
}

fn reminders(data_dir: &DataDir) -> Result<Vec<ReminderView>, i32> {
    match existing_store(data_dir) {
        Ok(Some(store)) => store.reminders().map_err(|e| fail(&e)),
        Ok(None) => Ok(Vec::new()),
        Err(e) => Err(fail(&e)),
    }
}

fn list(data_dir: &DataDir, due: bool, all: bool, json: bool) -> i32 {
    let now = Utc::now();
    let rows: Vec<ReminderView> = match reminders(data_dir) {
        Ok(r) => r
            .into_iter()
            .filter(|r| all || r.open())
            .filter(|r| !due || (r.state == "pending" && r.due() <= now))
            .collect(),
        Err(code) => return code,
    };
    if json {
        let listed: Vec<Listed> = rows
            .iter()
            .map(|r| Listed {
                id: r.id,
                kind: r.kind.as_str(),
                due_at: &r.due_at,
                opportunity_id: r.opportunity_id,
                company: r.company.as_deref(),
                state: &r.state,
                role: r.role.as_deref(),
                title: r.title.as_deref(),
                summary: &r.summary,
                notified_at: r.notified_at.as_deref(),
            })
            .collect();
        return print_json(&listed);
    }
    if rows.is_empty() {
        println!("No reminders{}.", if due { " due" } else { "" });
    }
    for r in &rows {
        println!(
            "{:>5}  {}  {:<9}  {}",
            r.id,
            r.due().with_timezone(&Local).format("%a %e %b %Y %H:%M"),
            r.state,
            r.summary
        );
    }
    0
}

fn notify(data_dir: &DataDir) -> i32 {
    let mut store = match existing_store(data_dir) {
        Ok(Some(store)) => store,
        Ok(None) => return 0,
        Err(e) => return fail(&e),
    };
    let round = match notify_due(&mut store, &DesktopNotifier::oneshot(), Utc::now(), &Local) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    if let Some(why) = round.unavailable {
        eprintln!(
            "politely: desktop notifications are unavailable: {}; {} reminder{} left pending",
            why.reason,
            round.held.len(),
            if round.held.len() == 1 { "" } else { "s" }
        );
        return EXIT_STORAGE;
    }
    for r in &round.shown {
        println!("notified: {}", r.summary);
    }
    0
}

fn export(data_dir: &DataDir, out: Option<PathBuf>, events: bool, all: bool) -> i32 {
    let rows = match reminders(data_dir) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let chosen: Vec<ReminderView> = rows.into_iter().filter(|r| all || r.open()).collect();
    let kind = if events {
        IcsKind::Event
    } else {
        IcsKind::Todo
    };
    let text = api::calendar(&chosen, kind, Utc::now());
    match out {
        None => {
            super::terminal::data(&text);
            0
        }
        Some(path) => match politely_core::compose::send::write_file(&path, &text) {
            Ok(()) => {
                eprintln!(
                    "politely: wrote {} reminder{} to {}",
                    chosen.len(),
                    if chosen.len() == 1 { "" } else { "s" },
                    path.display()
                );
                0
            }
            Err(e) => fail(&e),
        },
    }
}

fn add(data_dir: &DataDir, title: &str, due: &str, opportunity: Option<i64>, json: bool) -> i32 {
    let added = politely_core::store::records::parse_time("due", due).and_then(|due| {
        let mut store = politely_core::store::Store::open(data_dir)?;
        api::add(&mut store, opportunity, due, title, Utc::now(), &Local)
    });
    match added {
        Ok(r) if json => print_json(&r),
        Ok(r) => {
            println!(
                "Added reminder {}: {} — due {}",
                r.reminder.id, r.reminder.summary, r.due_local
            );
            0
        }
        Err(e) => fail(&e),
    }
}
