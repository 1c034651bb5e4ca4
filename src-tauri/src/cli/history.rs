//! `politely history …`: the career folder from the command line, over the same store as the window.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use politely_core::api::history::{self, ExportFormat};
use politely_core::data_dir::DataDir;
use politely_core::decide;
use politely_core::store::list::ListQuery;
use politely_core::store::{backup, Store};
use politely_core::Error;

use super::{fail, print_json, read_input, read_situation};

/// Largest export `history import` reads: 100k opportunities take about 300 MB.
/// Largest export `history import` reads (100,000 opportunities with their messages are ~60 MiB).
const MAX_IMPORT_BYTES: usize = 256 << 20;

#[derive(Debug, Subcommand)]
pub(crate) enum HistoryCommand {
    /// Record an opportunity from a Situation file (see docs/advise.md); prints its id
    Add {
        /// Situation JSON file, or - for standard input
        #[arg(long, value_name = "FILE|-")]
        situation: PathBuf,
        /// Print {"id": N, "advice": …}
        #[arg(long)]
        json: bool,
    },
    /// List opportunities, newest change first
    List {
        /// Words to find in company, role, contact, messages, replies and notes
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        /// Only this status: open, declined, replied, closed, reopened
        #[arg(long)]
        status: Option<String>,
        /// Only those with a message on this channel: email, phone, linkedin
        #[arg(long)]
        channel: Option<String>,
        /// Invited on or after this date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Invited on or before this date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Show the trash instead
        #[arg(long)]
        trash: bool,
        /// How many rows at most
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Everything recorded about one opportunity
    Show {
        /// Opportunity id
        id: i64,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Export the whole history
    Export {
        /// json (full fidelity, re-importable), csv (one row per opportunity) or md (readable)
        #[arg(long, value_enum)]
        format: Format,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a JSON export in one transaction; existing ids are reported, not duplicated
    Import {
        /// The export file, or - for standard input
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// Check everything, store nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the summary as JSON
        #[arg(long)]
        json: bool,
    },
    /// Make a backup now (the last 7 are kept in backups/ in the data folder)
    Backup,
    /// List backups, newest first
    Backups {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Replace the history with a backup (newest when none is named); the current file is moved aside
    Restore {
        /// A backup file from `politely history backups`
        backup: Option<PathBuf>,
    },
    /// Put a damaged history aside (never deleted) and start a new, empty one
    StartNew,
    /// Check the database for damage (SQLite integrity_check)
    Check,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    Csv,
    Md,
}

pub(crate) fn run(command: HistoryCommand, data_dir: &DataDir) -> i32 {
    match execute(command, data_dir) {
        Ok(code) => code,
        Err(error) => {
            let code = fail(&error);
            if matches!(error, Error::DatabaseDamaged { .. }) {
                eprintln!(
                    "politely: to recover, run `politely history restore` (newest backup) or \
                     `politely history start-new` (an empty history; the damaged file is kept)"
                );
            }
            code
        }
    }
}

fn execute(command: HistoryCommand, data_dir: &DataDir) -> Result<i32, Error> {
    match command {
        HistoryCommand::Add { situation, json } => {
            let (situation, _) = match read_situation(Some(&situation)) {
                Ok(read) => read,
                Err(code) => return Ok(code),
            };
            let value = serde_json::to_value(&situation)
                .map_err(|e| Error::invalid("situation", e.to_string()))?;
            let recorded = history::record_decision(
                &mut Store::open(data_dir)?,
                value,
                None,
                decide::clock(),
            )?;
            if json {
                return Ok(print_json(
                    &serde_json::json!({ "id": recorded.opportunity_id, "advice": recorded.advice }),
                ));
            }
            println!("{}", recorded.opportunity_id);
            Ok(0)
        }
        HistoryCommand::List {
            search,
            status,
            channel,
            from,
            to,
            trash,
            limit,
            json,
        } => {
            let query = ListQuery {
                search,
                status,
                channel,
                from,
                to,
                trash,
                limit: Some(limit),
                offset: None,
            };
            let rows = history::list(&Store::open(data_dir)?, &query)?.rows;
            if json {
                return Ok(print_json(&rows));
            }
            if rows.is_empty() {
                eprintln!("politely: nothing found");
            }
            for r in rows {
                println!(
                    "{:>6}  {:<9} {}  {} — {}",
                    r.id,
                    r.status,
                    &r.invited_at[..10.min(r.invited_at.len())],
                    r.company,
                    r.role
                );
            }
            Ok(0)
        }
        HistoryCommand::Show { id, json } => {
            let detail = history::show(&Store::open(data_dir)?, id)?;
            if json {
                return Ok(print_json(&detail));
            }
            let o = &detail.opportunity;
            println!("{} — {} (#{}, {})", o.company, o.role, o.id, o.status);
            for entry in &detail.timeline {
                println!("  {}  {:<10} {}", entry.at, entry.kind, entry.text);
            }
            Ok(0)
        }
        HistoryCommand::Export { format, out } => {
            let format = match format {
                Format::Json => ExportFormat::Json,
                Format::Csv => ExportFormat::Csv,
                Format::Md => ExportFormat::Md,
            };
            let text = history::export(&Store::open(data_dir)?, format)?;
            match out {
                Some(path) => politely_core::compose::send::write_file(&path, &text)?,
                None => {
                    super::terminal::data(&text);
                }
            }
            Ok(0)
        }
        HistoryCommand::Import {
            file,
            dry_run,
            json,
        } => {
            let text = read_import(&file)?;
            let summary = history::import(&mut Store::open(data_dir)?, &text, dry_run)?;
            if json {
                return Ok(print_json(&summary));
            }
            let verb = if dry_run { "would add" } else { "added" };
            for (table, n) in &summary.added {
                println!("{verb} {n} {}", table.replace('_', " "));
            }
            for (table, ids) in &summary.skipped_ids {
                println!(
                    "skipped {} {} that already exist (ids {})",
                    ids.len(),
                    table.replace('_', " "),
                    join(ids)
                );
            }
            for (table, pairs) in &summary.remapped {
                let moved: Vec<String> = pairs.iter().map(|[a, b]| format!("{a} → {b}")).collect();
                println!(
                    "stored {} {} under new ids, because those ids belong to other records here ({})",
                    pairs.len(),
                    table.replace('_', " "),
                    moved.join(", ")
                );
            }
            if summary.added.is_empty() && summary.skipped_ids.is_empty() {
                println!("the file holds no records");
            }
            Ok(0)
        }
        HistoryCommand::Backup => {
            let path = Store::open(data_dir)?.backup("manual")?;
            println!("{}", path.display());
            Ok(0)
        }
        HistoryCommand::Backups { json } => {
            let list = backup::list(data_dir.path())?;
            if json {
                return Ok(print_json(&list));
            }
            for b in list {
                println!("{}  {:<16} {:>9} bytes", b.path.display(), b.label, b.bytes);
            }
            Ok(0)
        }
        HistoryCommand::Restore { backup: chosen } => {
            let chosen = match chosen {
                Some(path) => path,
                None => backup::list(data_dir.path())?
                    .into_iter()
                    .next()
                    .map(|b| b.path)
                    .ok_or_else(|| Error::NotFound {
                        what: "a backup to restore".into(),
                    })?,
            };
            let aside = backup::restore(data_dir.path(), &chosen)?;
            Store::open(data_dir)?.integrity_check()?;
            println!("restored {}", chosen.display());
            if let Some(aside) = aside {
                println!("the previous database was kept as {}", aside.display());
            }
            Ok(0)
        }
        HistoryCommand::StartNew => {
            data_dir.ensure_usable()?;
            match backup::move_aside(data_dir.path(), "set-aside")? {
                Some(aside) => println!("the previous database was kept as {}", aside.display()),
                None => println!("there was no database yet"),
            }
            Store::open(data_dir)?;
            println!("a new, empty history was started");
            Ok(0)
        }
        HistoryCommand::Check => {
            Store::open(data_dir)?.integrity_check()?;
            println!("ok");
            Ok(0)
        }
    }
}

fn join(ids: &[i64]) -> String {
    let shown: Vec<String> = ids.iter().take(20).map(i64::to_string).collect();
    if ids.len() > 20 {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// Reads an export for `history import`, refusing before reading what cannot be one: a file
/// larger than [`MAX_IMPORT_BYTES`] (by its size), or a stream whose first character is not the
/// `{` that opens a JSON export (`/dev/zero`, a binary file).
fn read_import(file: &Path) -> Result<String, Error> {
    use std::io::Read;
    if file != Path::new("-") {
        let meta = std::fs::metadata(file)
            .map_err(|e| Error::invalid("input", format!("cannot read {}: {e}", file.display())))?;
        if meta.is_file() && meta.len() > MAX_IMPORT_BYTES as u64 {
            return Err(Error::invalid(
                "input",
                format!(
                    "{} is larger than {} MiB",
                    file.display(),
                    MAX_IMPORT_BYTES >> 20
                ),
            ));
        }
        if meta.is_dir() {
            return Err(Error::invalid(
                "input",
                format!("{} is a folder", file.display()),
            ));
        }
        let mut head = [0u8; 4096];
        let n = std::fs::File::open(file)
            .and_then(|mut f| f.read(&mut head))
            .map_err(|e| Error::invalid("input", format!("cannot read {}: {e}", file.display())))?;
        let first = head[..n].iter().find(|b| !b.is_ascii_whitespace());
        if n > 0 && first.is_some_and(|b| *b != b'{') {
            return Err(Error::invalid(
                "input",
                format!("{} is not a Politely history export (JSON)", file.display()),
            ));
        }
    }
    read_input(Some(file), MAX_IMPORT_BYTES)
}
