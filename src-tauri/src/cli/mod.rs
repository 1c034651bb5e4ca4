//! The command line of the same binary: no subcommand opens the window, subcommands run headless
//! over the same core. Exit codes are a public interface: 0 ok, 1 the window could not open,
//! 2 bad usage or input, 3 a storage (data folder) problem.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use politely_core::about::AppInfo;
use politely_core::data_dir::DataDir;
use politely_core::decide::{self, situation::MAX_INPUT_BYTES, Situation};
use politely_core::Error;

use crate::gui::{self, AppState};

// The CLI's human-readable output goes through these, never std's: text that came from the
// user's data (a company name, a note, an imported file) could hold escape sequences that
// re-colour, retitle or clear a terminal. `terminal::safe` shows them as visible escapes.
macro_rules! println {
    ($($arg:tt)*) => { $crate::cli::terminal::out(&format!($($arg)*), true) };
}
macro_rules! print {
    ($($arg:tt)*) => { $crate::cli::terminal::out(&format!($($arg)*), false) };
}
macro_rules! eprintln {
    ($($arg:tt)*) => { $crate::cli::terminal::err(&format!($($arg)*)) };
}

mod terminal;

mod compose;
mod history;
mod lint;
mod practice;
mod read;
mod reminders;

/// Exit code for bad usage or bad input.
pub(crate) const EXIT_USAGE: i32 = 2;
/// Exit code for a data folder or database problem.
pub(crate) const EXIT_STORAGE: i32 = 3;
/// Exit code when the window cannot be opened (no display).
pub(crate) const EXIT_NO_WINDOW: i32 = 1;

/// Turn down an interview invitation well: decide, compose, proofread, practise, keep a record and
/// follow up. Run without a subcommand to open the window.
#[derive(Debug, Parser)]
#[command(name = "politely", version, propagate_version = true)]
struct Cli {
    /// Folder for Politely's data [default: the system's app-data folder, or $POLITELY_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Start with the window hidden, for reminders at login (the autostart entry uses it)
    #[arg(long)]
    background: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The career folder: record, search, export, import and back up your history
    #[command(subcommand)]
    History(history::HistoryCommand),
    /// Advise on a Situation (JSON): verdict, channel, message type, deadlines and warnings
    #[command(after_help = "The Situation format is described in docs/advise.md.\n\
        Exit codes: 0 advice printed, 2 the Situation is invalid (each problem names its field).")]
    Advise {
        /// Situation JSON file; `-` or nothing reads standard input
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
        /// Print the Advice as JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Proofread a message: the send checklist as rules, plus spelling and grammar
    Lint(lint::LintArgs),
    /// Write the message for one channel from a Situation (JSON)
    Draft(compose::DraftArgs),
    /// Read what a recruiter sent (text, .eml, .ics): the Situation's fields it states, a reply's intent
    Read(read::ReadArgs),
    /// Rehearse the phone call: how long a script takes to say
    #[command(subcommand)]
    Practice(practice::PracticeCommand),
    /// Reminders: list them, send the due ones as desktop notifications, export to a calendar
    #[command(subcommand)]
    Reminders(reminders::RemindersCommand),
    /// The message templates
    #[command(subcommand)]
    Templates(compose::TemplatesCommand),
    /// Print the version and the data folder in use
    About {
        /// Print JSON: {"name", "version", "data_dir", "data_dir_source"}
        #[arg(long)]
        json: bool,
    },
}

/// Parses the arguments, runs what they ask for and returns the exit code.
pub(crate) fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = error.print();
            return error.exit_code();
        }
    };
    let data_dir = match DataDir::from_flag_or_env(cli.data_dir.as_deref()) {
        Ok(dir) => dir,
        Err(error) => return fail(&error),
    };
    if cli.command.is_some() {
        quiet_broken_pipe();
    }
    let code = match cli.command {
        None => open_window(data_dir, cli.background),
        Some(Command::About { json }) => about(&data_dir, json),
        Some(Command::Advise { file, json }) => advise(file.as_deref(), json),
        Some(Command::History(command)) => history::run(command, &data_dir),
        Some(Command::Draft(args)) => compose::draft(args, &data_dir),
        Some(Command::Lint(args)) => lint::run(args),
        Some(Command::Practice(command)) => practice::run(command),
        Some(Command::Read(args)) => read::run(args),
        Some(Command::Reminders(command)) => reminders::run(command, &data_dir),
        Some(Command::Templates(command)) => compose::templates(command, &data_dir),
    };
    if code == 0 && terminal::write_failed() {
        std::eprintln!("politely: the output could not be written (is the disk full?)");
        return EXIT_STORAGE;
    }
    code
}

fn advise(file: Option<&Path>, json: bool) -> i32 {
    let (_, advice) = match read_situation(file) {
        Ok(read) => read,
        Err(code) => return code,
    };
    if json {
        print_json(&advice)
    } else {
        print!("{}", decide::text::render(&advice));
        0
    }
}

/// `politely … | head` should end quietly like any Unix tool when the reader goes away, not
/// panic on the next write: restore the default SIGPIPE action that Rust's runtime ignores.
fn quiet_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up on the main thread before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Reads and validates a Situation file and advises on it; on bad input every problem is
/// reported (naming its field) and the exit code is returned as the error.
pub(crate) fn read_situation(file: Option<&Path>) -> Result<(Situation, decide::Advice), i32> {
    let text = read_input(file, MAX_INPUT_BYTES).map_err(|error| fail(&error))?;
    let clock = decide::clock();
    match Situation::from_json(&text, clock) {
        Ok(situation) => {
            let advice = decide::advise(&situation, situation.now_or(clock));
            Ok((situation, advice))
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("politely: {}: {}", p.field, p.message);
            }
            Err(EXIT_USAGE)
        }
    }
}

/// Reads a document from `file`, or standard input for `-`/nothing, refusing more than `max` bytes.
pub(crate) fn read_input(file: Option<&Path>, max: usize) -> Result<String, Error> {
    let (name, bytes) = read_input_bytes(file, max, "a document")?;
    String::from_utf8(bytes).map_err(|e| {
        Error::invalid(
            "input",
            format!(
                "{name} is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The bytes of `file` (or standard input for `-`/nothing) and the name to call it by, refusing
/// more than `max` bytes; `what` names the thing to pipe in when nothing is given.
pub(crate) fn read_input_bytes(
    file: Option<&Path>,
    max: usize,
    what: &str,
) -> Result<(String, Vec<u8>), Error> {
    let from_stdin = file.is_none_or(|f| f == Path::new("-"));
    let (name, reader): (String, Box<dyn Read>) = if from_stdin {
        if std::io::stdin().is_terminal() {
            return Err(Error::invalid(
                "input",
                format!("nothing to read: give a FILE, or pipe {what} into standard input"),
            ));
        }
        ("standard input".into(), Box::new(std::io::stdin()))
    } else {
        let path = file.expect("a file when not stdin");
        let f = std::fs::File::open(path)
            .map_err(|e| Error::invalid("input", format!("cannot read {}: {e}", path.display())))?;
        (path.display().to_string(), Box::new(f))
    };
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::invalid("input", format!("cannot read {name}: {e}")))?;
    if bytes.len() > max {
        let limit = if max >= 1 << 30 {
            format!("{} GiB", max >> 30)
        } else {
            format!("{} MiB", max >> 20)
        };
        return Err(Error::invalid(
            "input",
            format!("{name} is larger than {limit}"),
        ));
    }
    Ok((name, bytes))
}

fn open_window(data_dir: DataDir, background: bool) -> i32 {
    if !display_available() {
        eprintln!(
            "politely: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset).\n\
             Start it from a desktop session, or under a virtual display: xvfb-run -a politely\n\
             The command line works without a display: politely --help"
        );
        return EXIT_NO_WINDOW;
    }
    if let Err(error) = data_dir.ensure_usable() {
        return fail(&error);
    }
    gui::open(AppState::new(data_dir), background)
}

/// On Linux a window needs an X11 or Wayland display; macOS and Windows always have one.
#[cfg(target_os = "linux")]
fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
}

#[cfg(not(target_os = "linux"))]
fn display_available() -> bool {
    true
}

fn about(data_dir: &DataDir, json: bool) -> i32 {
    match AppInfo::gather(env!("CARGO_PKG_VERSION"), data_dir) {
        Ok(info) if json => print_json(&info),
        Ok(info) => {
            println!("{info}");
            0
        }
        Err(error) => fail(&error),
    }
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> i32 {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            // JSON escapes every control character in strings: written as it is.
            terminal::data(&(text + "\n"));
            0
        }
        Err(error) => {
            eprintln!("politely: could not write JSON: {error}");
            EXIT_STORAGE
        }
    }
}

/// Reports a core error on stderr and maps it to its exit code.
pub(crate) fn fail(error: &Error) -> i32 {
    eprintln!("politely: {error}");
    match error {
        Error::InvalidInput { .. } | Error::NotFound { .. } => EXIT_USAGE,
        Error::Unavailable { .. } => EXIT_STORAGE,
        Error::DataDir { .. }
        | Error::DatabaseDamaged { .. }
        | Error::DatabaseTooNew { .. }
        | Error::Storage { .. } => EXIT_STORAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
