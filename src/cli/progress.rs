//! `iamdojo progress show | export | import | reset`: a learner's saved progress, moved
//! between machines as a JSON export.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand, ValueEnum};

use crate::lesson::PackSet;
use crate::progress::{
    Catalog, Dashboard, Export, LearnerName, PackId, ProgressError, ResetScope, ResetSummary,
    Saving, Store, active::IDLE_NOTE, render::duration,
};

/// The course as the top-level options name it (`iamdojo --pack DIR --lang ja progress
/// show`): the packs whose lessons' titles and exercise counts progress output uses.
#[derive(Debug, Clone, Default)]
pub struct Course {
    /// `--lang`.
    pub lang: Option<String>,
    /// `--pack` folders.
    pub packs: Vec<PathBuf>,
    /// False with `--no-builtin`.
    pub builtin: bool,
}

/// The packs to describe lessons with, as a subcommand names them (besides the top-level
/// options).
#[derive(Debug, Clone, Default, ClapArgs)]
pub struct CourseArgs {
    /// Also load the lesson pack in this folder, for its lessons' titles and exercise counts
    /// (repeatable; the built-in course is always loaded unless --no-builtin).
    #[arg(long = "pack", value_name = "PATH")]
    pub packs: Vec<PathBuf>,
    /// The language of lesson and pack titles: en or ja (default English).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

impl Course {
    /// The top-level options with a subcommand's own added (its `--lang` wins).
    pub fn with(&self, local: &CourseArgs) -> Course {
        let mut packs = self.packs.clone();
        packs.extend(local.packs.iter().cloned());
        Course {
            lang: local.lang.clone().or_else(|| self.lang.clone()),
            packs,
            builtin: self.builtin,
        }
    }

    /// Loads the packs and collects what progress output needs from them: titles in the
    /// language asked for (else English, else the pack's own default) and each lesson's
    /// exercises (every step but `read`). A pack that does not load is named on standard
    /// error and left out; its lessons then appear by id.
    pub fn catalog(&self, command: &str) -> Catalog {
        let set = PackSet::load(self.builtin, &self.packs);
        for b in &set.broken {
            eprintln!("iamdojo {command}: warning: pack not used: {b}");
        }
        let lang = self.lang.as_deref().unwrap_or("en");
        // The same catalog as the interface's progress panel builds.
        crate::tui::panel::catalog(&set.packs, lang)
    }
}

/// Where progress is kept and whose it is; shared by every command that uses the store.
#[derive(Debug, Clone, ClapArgs)]
pub struct StoreArgs {
    /// The data directory holding progress.db (default: $IAMDOJO_DATA_DIR, else the
    /// platform's data directory, e.g. ~/.local/share/iamdojo).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The learner profile to use (default `default`).
    #[arg(long, global = true, value_name = "NAME")]
    pub learner: Option<String>,
}

impl StoreArgs {
    /// The learner named by `--learner`, or the default profile.
    pub fn learner_name(&self) -> Result<LearnerName, String> {
        match &self.learner {
            Some(n) => LearnerName::new(n.as_str()).map_err(|e| format!("--learner: {e}")),
            None => Ok(LearnerName::default_profile()),
        }
    }

    /// Opens the store, printing its notices as warnings on standard error.
    pub fn open(&self, command: &str) -> Result<Store, String> {
        let store = Store::open_default(self.data_dir.as_deref()).map_err(|e| e.to_string())?;
        for n in store.notices() {
            eprintln!("iamdojo {command}: warning: {n}");
        }
        Ok(store)
    }
}

/// Arguments of `progress`.
#[derive(Debug, ClapArgs)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    #[command(subcommand)]
    command: Sub,
}

const EXAMPLES: &str = "Examples:
  iamdojo progress show
  iamdojo progress export --learner alice --out alice.json
  iamdojo progress import alice.json          (on another machine; importing twice adds nothing)
  iamdojo progress reset --pack iam-basics --yes

Exit status: 0 done, 1 a reset was declined, 2 an error.";

#[derive(Debug, Subcommand)]
enum Sub {
    /// Show a learner's progress per pack and lesson.
    Show {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Write a learner's progress as JSON (to import elsewhere) or CSV (one row per answer).
    Export {
        /// Output format; only JSON can be imported again.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Merge an export into this machine's progress (into the export's learner, or --learner).
    Import {
        /// The JSON export, or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Erase a learner's progress (answers, finished lessons, sandbox history), after asking.
    Reset {
        /// Only this pack's progress.
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

/// Why a command stopped: bad input or state (reported here, exit status 2), or standard
/// output failing (left to the caller, which knows what a closed pipe means).
enum Stop {
    Input(String),
    Output(io::Error),
}

impl From<String> for Stop {
    fn from(msg: String) -> Stop {
        Stop::Input(msg)
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// Runs the command, writing to `out`; returns the exit status.
pub fn run(args: &Args, course: &Course, out: &mut dyn Write) -> io::Result<u8> {
    let name = match &args.command {
        Sub::Show { .. } => "progress show",
        Sub::Export { .. } => "progress export",
        Sub::Import { .. } => "progress import",
        Sub::Reset { .. } => "progress reset",
    };
    match execute(args, course, name, out) {
        Ok(code) => Ok(code),
        Err(Stop::Input(msg)) => {
            eprintln!("iamdojo {name}: {msg}");
            Ok(2)
        }
        Err(Stop::Output(e)) => Err(e),
    }
}

fn execute(args: &Args, top: &Course, name: &str, out: &mut dyn Write) -> Result<u8, Stop> {
    let learner = args.store.learner_name()?;
    let store = args.store.open(name)?;
    match &args.command {
        Sub::Show { format, course } => {
            let catalog = top.with(course).catalog(name);
            show(&store, &learner, &catalog, *format, out)
        }
        Sub::Export { format, out: dest } => {
            export(&store, &learner, *format, dest.as_deref(), out)
        }
        Sub::Import { file } => {
            let into = args.store.learner.is_some().then_some(&learner);
            import(&store, file, into, out)
        }
        Sub::Reset { pack, yes } => {
            let scope = match pack {
                Some(p) => {
                    ResetScope::Pack(PackId::new(p.as_str()).map_err(|e| format!("--pack: {e}"))?)
                }
                None => ResetScope::All,
            };
            reset(&store, &learner, &scope, *yes, out)
        }
    }
}

fn show(
    store: &Store,
    name: &LearnerName,
    catalog: &Catalog,
    format: ShowFormat,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    let err = |e: ProgressError| e.to_string();
    let Some(learner) = store.find_learner(name).map_err(err)? else {
        let others = store.learners().map_err(err)?;
        match format {
            ShowFormat::Json => writeln!(out, "null")?,
            ShowFormat::Text => {
                writeln!(out, "no progress yet for learner `{name}`")?;
                print_others(&others, name, out)?;
            }
        }
        return Ok(0);
    };
    let mut dash = store.dashboard(&learner).map_err(err)?;
    dash.describe(catalog);
    match format {
        ShowFormat::Json => {
            let v = serde_json::json!({
                "learner": dash.learner,
                "saving": store.is_saving(),
                "packs": dash.packs(),
                "lessons": dash.lessons,
                "last_position": dash.last_position.as_ref().map(|p| serde_json::json!({
                    "pack": p.pack, "lesson": p.lesson, "step": p.step, "at": p.at.to_string(),
                })),
            });
            let s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
            writeln!(out, "{s}")?;
        }
        ShowFormat::Text => {
            write!(out, "{}", dashboard_text(&dash, catalog, store.saving()))?;
            print_others(&store.learners().map_err(err)?, name, out)?;
        }
    }
    Ok(0)
}

fn print_others(all: &[LearnerName], me: &LearnerName, out: &mut dyn Write) -> io::Result<()> {
    let others: Vec<&str> = all
        .iter()
        .filter(|l| *l != me)
        .map(LearnerName::as_str)
        .collect();
    if !others.is_empty() {
        writeln!(
            out,
            "other learners here (use --learner NAME): {}",
            others.join(", ")
        )?;
    }
    Ok(())
}

/// `solved/exercises` when the lesson is loaded, else `solved/?`.
fn solved_of(solved: u64, exercises: Option<u64>) -> String {
    match exercises {
        Some(n) => format!("{solved}/{n}"),
        None => format!("{solved}/?"),
    }
}

fn dashboard_text(d: &Dashboard, catalog: &Catalog, saving: &Saving) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let place = match saving {
        Saving::ToFile(p) => format!("saved in `{}`", p.display()),
        Saving::No { .. } => "NOT being saved (see the warning above)".to_string(),
    };
    let _ = writeln!(o, "learner `{}`: progress {place}", d.learner);
    if let Some(p) = &d.last_position {
        let _ = writeln!(
            o,
            "last position: {} / {} / step {} ({})",
            catalog.pack_name(&p.pack),
            catalog.lesson_title(&p.pack, &p.lesson),
            p.step,
            p.at.strftime("%Y-%m-%d %H:%M UTC")
        );
    }
    if d.lessons.is_empty() {
        let _ = writeln!(o, "no answers yet");
        return o;
    }
    let mut unknown = false;
    for pack in d.packs() {
        let _ = writeln!(
            o,
            "\n{}: {} lessons started, {} finished; {} answers ({} correct); {}",
            catalog.pack_name(&pack.pack),
            pack.lessons_started,
            pack.lessons_completed,
            pack.attempts,
            pack.correct,
            duration(pack.time_spent_ms)
        );
        let _ = writeln!(
            o,
            "  {:<8} {:>7} {:>7} {:>16} {:>5} {:>8}  lesson",
            "finished", "answers", "correct", "exercises solved", "hints", "time"
        );
        for l in d.lessons.iter().filter(|l| l.pack == pack.pack) {
            let exercises = catalog.exercises(&l.pack, &l.lesson);
            unknown |= exercises.is_none();
            let _ = writeln!(
                o,
                "  {:<8} {:>7} {:>7} {:>16} {:>5} {:>8}  {}",
                if l.completed.is_some() { "yes" } else { "-" },
                l.attempts,
                l.correct,
                solved_of(l.steps_solved, exercises),
                l.hints_used,
                duration(l.time_spent_ms),
                catalog.lesson_title(&l.pack, &l.lesson)
            );
        }
    }
    let _ = writeln!(
        o,
        "\ntime: active time, each moment counted once ({IDLE_NOTE})"
    );
    if unknown {
        let _ = writeln!(
            o,
            "?: a lesson not in the loaded packs (shown by id; load its pack with --pack DIR)"
        );
    }
    o
}

fn export(
    store: &Store,
    name: &LearnerName,
    format: ExportFormat,
    dest: Option<&Path>,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    // A learner with no progress yet gets a valid, empty export (and a profile, so that its
    // id stays the same from one export to the next): "everyone export now" never fails.
    let known = store.find_learner(name).map_err(|e| e.to_string())?;
    if known.is_none() {
        let names: Vec<String> = store
            .learners()
            .map(|v| v.iter().map(|n| n.as_str().to_string()).collect())
            .unwrap_or_default();
        let hint = crate::suggest::did_you_mean(name.as_str(), names.iter().map(String::as_str));
        eprintln!("learner `{name}` has no progress yet; the export holds none{hint}");
    }
    let data = match known {
        Some(l) => store.export(&l).map_err(|e| e.to_string())?,
        None => match store.learner(name) {
            Ok(l) => store.export(&l).map_err(|e| e.to_string())?,
            // A store that cannot save cannot create the profile: export it unsaved.
            Err(_) => crate::progress::Export::empty(crate::progress::ExportedLearner {
                name: name.clone(),
                id: crate::progress::RecordId::generate(),
            }),
        },
    };
    let text = match format {
        ExportFormat::Json => data.to_json(),
        ExportFormat::Csv => data.to_csv(),
    };
    match dest {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            write_file(path, &text)?;
            eprintln!(
                "wrote the progress of learner `{name}` ({}, {}) to `{}`",
                count(data.attempts.len() as u64, "answer"),
                count(data.completions.len() as u64, "finished lesson"),
                path.display()
            );
        }
    }
    Ok(0)
}

/// Writes `text` to `path` through a temporary file beside it and a rename, so that a
/// crash never leaves half a file.
pub(crate) fn write_file(path: &Path, text: &str) -> Result<(), String> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("cannot write `{}`: {e}", path.display()));
    }
    Ok(())
}

/// Reads a progress export (or standard input for `-`), bounded by
/// `input::read::Limit::ProgressExport`.
pub(crate) fn read_export(path: &Path) -> Result<String, String> {
    use crate::input::read::{self, Kind, Limit};
    if path == Path::new("-") {
        return read::stdin(Limit::ProgressExport).map_err(|e| e.to_string());
    }
    read::path(
        path,
        Limit::ProgressExport,
        Kind::AnyReadable,
        &path.display().to_string(),
    )
    .map_err(|e| e.to_string())
}

fn import(
    store: &Store,
    file: &Path,
    into: Option<&LearnerName>,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    if let Saving::No { reason } = store.saving() {
        return Err(
            format!("nothing was imported: progress cannot be saved here ({reason})").into(),
        );
    }
    let text = read_export(file)?;
    let data = Export::from_json(&text).map_err(|e| format!("`{}`: {e}", file.display()))?;
    let sum = store.import(&data, into).map_err(|e| e.to_string())?;
    if !sum.changed() {
        writeln!(
            out,
            "nothing new: everything in `{}` was already in learner `{}`",
            file.display(),
            sum.learner
        )?;
        return Ok(0);
    }
    let mut parts = vec![
        count(sum.attempts, "answer"),
        count(sum.completions, "finished lesson"),
        count(sum.commands, "sandbox command"),
    ];
    if sum.settings > 0 {
        parts.push(count(sum.settings, "setting"));
    }
    if sum.position {
        parts.push("the last position".to_string());
    }
    writeln!(
        out,
        "imported into learner `{}`{}: {}",
        sum.learner,
        if sum.created_learner {
            " (new profile)"
        } else {
            ""
        },
        parts.join(", ")
    )?;
    Ok(0)
}

/// `1 answer`, `3 answers`.
fn count(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn describe(s: &ResetSummary) -> String {
    format!(
        "{}, {}, {}",
        count(s.attempts, "answer"),
        count(s.completions, "finished lesson"),
        count(s.commands, "sandbox command")
    )
}

fn reset(
    store: &Store,
    name: &LearnerName,
    scope: &ResetScope,
    yes: bool,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    if let Saving::No { reason } = store.saving() {
        return Err(format!("nothing was reset: progress cannot be saved here ({reason})").into());
    }
    let learner = store.require_learner(name).map_err(|e| e.to_string())?;
    let what = match scope {
        ResetScope::All => format!("all progress of learner `{name}`"),
        ResetScope::Pack(p) => format!("the progress of learner `{name}` in pack `{p}`"),
    };
    let preview = store
        .reset_preview(&learner, scope)
        .map_err(|e| e.to_string())?;
    if preview == ResetSummary::default() {
        writeln!(out, "nothing to reset: {what} is already empty")?;
        return Ok(0);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(format!(
                "refusing to erase {what} without confirmation: run it in a terminal, or add --yes"
            )
            .into());
        }
        eprint!(
            "erase {what} ({})? This cannot be undone; `iamdojo progress export --out FILE` keeps a copy. [y/N] ",
            describe(&preview)
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| format!("cannot read the answer: {e}"))?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            writeln!(out, "not reset")?;
            return Ok(1);
        }
    }
    let done = store.reset(&learner, scope).map_err(|e| e.to_string())?;
    writeln!(out, "erased {what}: {}", describe(&done))?;
    Ok(0)
}
