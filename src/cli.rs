//! The command line: one function per subcommand, each writing to the standard output it is
//! given and returning an exit code (0 ok, 1 "no"/deny where a command says so, 2 bad input).
//! A failing standard output is handled once, in [`run`]. Everything written to standard
//! output and standard error passes through `printable::clean`, so text from a file or a
//! learner cannot drive the terminal (JSON stays exact JSON). The only module that imports clap.

/// `eprintln!` for the CLI: the message is cleaned (`printable::clean`) and a closed standard
/// error is ignored rather than a panic.
macro_rules! eprintln {
    ($($arg:tt)*) => {
        $crate::cli::error_line(&format!($($arg)*))
    };
}

mod access;
mod audit;
mod class;
mod lessons;
mod progress;
mod sandbox;
mod simulate;
mod ticker;
mod validate;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::cli::Cli as Say;

/// Learn AWS IAM security hands-on, offline: lessons, a simulated AWS account, and an IAM
/// policy evaluator that explains every decision.
#[derive(Debug, Parser)]
#[command(name = "iamdojo", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do; without a command, the interactive course starts.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Interface and lesson language: en or ja (default: the saved choice, else the locale).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Also load the lesson pack in this folder (repeatable).
    #[arg(long = "pack", value_name = "PATH")]
    pub packs: Vec<std::path::PathBuf>,
    /// The learner profile whose progress is used (default: "default").
    #[arg(long, value_name = "NAME", env = "IAMDOJO_LEARNER")]
    pub learner: Option<String>,
    /// Where progress is kept (default: the platform data directory, or IAMDOJO_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,
    /// Colour theme: default or high-contrast (NO_COLOR turns colours off).
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// Do not load the built-in course (to try your own packs alone).
    #[arg(long)]
    pub no_builtin: bool,
    /// Line-oriented text mode for screen readers and dumb terminals: no full-screen drawing.
    #[arg(long)]
    pub plain: bool,
    /// Join the live class at this URL (as the instructor shows it) before starting; needs
    /// --code. Answers are kept locally and delivered as the network allows.
    #[arg(long, value_name = "URL", requires = "code")]
    pub join: Option<String>,
    /// The class's join code, with --join.
    #[arg(long, value_name = "CODE", requires = "join")]
    pub code: Option<String>,
    /// With --join https://…: trust the class's certificate in this PEM file (the one the
    /// instructor made, or the authority that signed it) instead of the public authorities.
    /// It is kept in the data directory for later starts.
    #[arg(long, value_name = "FILE", requires = "join")]
    pub ca_file: Option<std::path::PathBuf>,
    /// Draw the first frame and exit (for start-up measurements).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
}

/// The subcommands.
// Parsed once per process: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide actions against policies given as text, as `aws iam simulate-custom-policy`
    /// does, and say why.
    SimulateCustomPolicy(simulate::Args),
    /// A shell over a simulated AWS account: type real AWS CLI commands, offline.
    Sandbox(sandbox::Args),
    /// Find what is wrong in an account: a prioritized to-do list with the fix for each line.
    Audit(audit::Args),
    /// Who can do what: the principals allowed an action, or what one principal may do.
    Access(access::Args),
    /// Lesson packs: lint them, list them, start a new one.
    Lessons(lessons::Args),
    /// Check a policy for mistakes, as `aws accessanalyzer validate-policy` does: typos in
    /// actions and keys, grants that are too broad, privilege escalation.
    ValidatePolicy(validate::Args),
    /// A learner's saved progress: show it, export it, import it elsewhere, or reset it.
    Progress(progress::Args),
    /// For instructors: merge learners' progress exports into a class report.
    Class(class::Args),
}

/// The languages of a subcommand's `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ja => Lang::Ja,
        }
    }
}

/// The language given before the subcommand (`iamdojo --lang ja audit …`), set once by
/// [`run`] from the parsed arguments.
static TOP_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language a subcommand's `--lang` asks for, else the top-level `--lang`, else the
/// locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn lang_or_locale(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(l) => Lang::from(l),
        None => TOP_LANG.get().copied().unwrap_or_else(Lang::from_env),
    }
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The top-level messages' language: `--lang`, else the locale's.
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env);
    if let Some(top) = cli.lang.as_deref().and_then(Lang::parse) {
        // `run` parses the arguments once per process: the first value is the only one.
        let _ = TOP_LANG.set(top);
    }
    match cli.command {
        None => {
            let opts = crate::tui::Options {
                lang: cli.lang,
                packs: cli.packs,
                data_dir: cli.data_dir,
                learner: cli.learner,
                theme: cli.theme,
                exit_after_first_frame: cli.exit_after_first_frame,
                no_builtin: cli.no_builtin,
                join: cli.join.zip(cli.code).map(|(url, code)| crate::tui::Join {
                    url,
                    code,
                    ca_file: cli.ca_file,
                }),
            };
            if cli.plain {
                return ExitCode::from(crate::tui::plain::run(&opts));
            }
            if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                eprintln!("iamdojo: {}", Say::NeedsTerminal.text(lang));
                return ExitCode::from(2);
            }
            ExitCode::from(crate::tui::run(&opts))
        }
        Some(command) => {
            let mut out = Clean(io::stdout().lock());
            let course = progress::Course {
                lang: cli.lang.clone(),
                packs: cli.packs.clone(),
                builtin: !cli.no_builtin,
            };
            let written = run_command(&command, &course, &mut out).and_then(|code| {
                out.flush()?;
                Ok(code)
            });
            ExitCode::from(exit_status(written, lang))
        }
    }
}

/// Writes one line to standard error, cleaned; a closed standard error is ignored.
pub(crate) fn error_line(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", crate::printable::clean(message));
}

/// A writer that passes text on through `printable::clean`.
struct Clean<W: Write>(W);

impl<W: Write> Write for Clean<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(crate::printable::clean(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Runs one subcommand, writing its output to `out`.
fn run_command(
    command: &Command,
    course: &progress::Course,
    out: &mut dyn Write,
) -> io::Result<u8> {
    match command {
        Command::SimulateCustomPolicy(args) => simulate::run(args, out),
        Command::Sandbox(args) => sandbox::run(args, out),
        Command::Audit(args) => audit::run(args, out),
        Command::Access(args) => access::run(args, out),
        Command::Lessons(args) => lessons::run(args, out),
        Command::ValidatePolicy(args) => validate::run(args, out),
        Command::Progress(args) => progress::run(args, course, out),
        Command::Class(args) => class::run(args, course, out),
    }
}

/// The exit status of a command whose writes to standard output came to `written`. A reader
/// that stopped early (`iamdojo audit … | head -1`) closes the pipe: that ends the command
/// quietly with status 0, as ripgrep does; any other failure to write is an error (2),
/// said in `lang`.
fn exit_status(written: io::Result<u8>, lang: Lang) -> u8 {
    match written {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!(
                "iamdojo: {}",
                Say::CannotWriteOut.fill(lang, &[("error", &e)])
            );
            2
        }
    }
}

/// Reads an argument the way the AWS CLI does: `file://PATH` reads a file, `-` reads
/// standard input, anything else is the value itself. Files and standard input are bounded
/// (`input::read::Limit::PolicyDocument`).
pub(crate) fn read_arg(value: &str) -> Result<String, String> {
    crate::input::read::arg(value, crate::input::read::Limit::PolicyDocument)
        .map_err(|e| e.to_string())
}

/// Reads and loads a scenario file; an error is reported with the line it points at.
pub(crate) fn load_scenario(
    path: &std::path::Path,
    lang: Lang,
) -> Result<crate::account::scenario::Scenario, String> {
    use crate::input::read::{self, Kind, Limit};
    let name = path.display().to_string();
    let text = read::path(path, Limit::Scenario, Kind::AnyReadable, &name)
        .map_err(|e| e.describe(lang))?;
    crate::account::scenario::load(&name, &text).map_err(|e| e.report_in(&text, lang))
}

/// Loads an account from `get-account-authorization-details` JSON, with an optional
/// credential report and password policy; warnings go to standard error, led by the word
/// `warning` in `lang`.
pub(crate) fn load_gaad(
    gaad: &std::path::Path,
    report: Option<&std::path::PathBuf>,
    policy: Option<&std::path::PathBuf>,
    lang: Lang,
) -> Result<crate::account::Account, String> {
    use crate::account::gaad;
    use crate::input::read::{Kind, Limit};
    let name = |p: &std::path::Path| p.display().to_string();
    let read = |p: &std::path::Path, limit: Limit| {
        crate::input::read::path(p, limit, Kind::AnyReadable, &name(p))
            .map_err(|e| e.describe(lang))
    };
    // An error with a place shows that line of the file under the message. (A CSV row's
    // column counts fields, not characters, so only the row is shown.)
    let report_error = |e: gaad::ImportError, text: &str| {
        let mut msg = e.said().render(lang);
        if let Some((line, column)) = e.location() {
            let column = if matches!(e, gaad::ImportError::Csv { .. }) {
                1
            } else {
                column
            };
            crate::input::snippet::append_at(&mut msg, text, line, column);
        }
        msg
    };
    let text = read(gaad, Limit::Gaad)?;
    let mut imported = gaad::import_gaad(&name(gaad), &text).map_err(|e| report_error(e, &text))?;
    if let Some(p) = report {
        let text = read(p, Limit::CredentialReport)?;
        imported
            .apply_credential_report(&name(p), &text)
            .map_err(|e| report_error(e, &text))?;
    }
    if let Some(p) = policy {
        let text = read(p, Limit::PasswordPolicy)?;
        imported
            .apply_password_policy(&name(p), &text)
            .map_err(|e| report_error(e, &text))?;
    }
    for w in &imported.warnings {
        eprintln!(
            "iamdojo: {}: {}",
            Say::Warning.text(lang),
            w.said().render(lang)
        );
    }
    Ok(imported.account)
}
