//! `iamdojo progress show | export | import | reset`: a learner's saved progress, moved
//! between machines as a JSON export. Everything a person reads is in the learner's
//! language (`--lang`, else the top-level `--lang`, else the locale); JSON and CSV are the
//! same in every language.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::lesson::PackSet;
use crate::msg::Message;
use crate::msg::progress::Progress as P;
use crate::progress::render::{self, count};
use crate::progress::{
    Catalog, Export, LearnerName, PackId, ProgressError, ResetScope, ResetSummary, Saving, Store,
};

use super::LangArg;

/// The course as the top-level options name it (`iamdojo --pack DIR --lang ja progress
/// show`): the packs whose lessons' titles and exercise counts progress output uses, and the
/// language asked for.
#[derive(Debug, Clone, Default)]
pub struct Course {
    /// The top-level `--lang`, as typed.
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
}

impl Course {
    /// The top-level options with a subcommand's own packs added.
    pub fn with(&self, local: &CourseArgs) -> Course {
        let mut packs = self.packs.clone();
        packs.extend(local.packs.iter().cloned());
        Course {
            lang: self.lang.clone(),
            packs,
            builtin: self.builtin,
        }
    }

    /// The language of the output and of lesson titles: the subcommand's `--lang`, else the
    /// top-level `--lang`, else the locale. A top-level value iamdojo does not speak is
    /// refused, in the locale's language.
    pub fn lang(&self, local: Option<LangArg>) -> Result<Lang, String> {
        if let Some(l) = local {
            return Ok(l.into());
        }
        match &self.lang {
            None => Ok(Lang::from_env()),
            Some(v) => {
                Lang::parse(v).ok_or_else(|| P::LangUnknown.fill(Lang::from_env(), &[("value", v)]))
            }
        }
    }

    /// Loads the packs and collects what progress output needs from them: titles in `lang`
    /// (else the pack's own default) and each lesson's exercises (every step but `read`). A
    /// pack that does not load is named on standard error and left out; its lessons then
    /// appear by id.
    pub fn catalog(&self, command: &str, lang: Lang) -> Catalog {
        let set = PackSet::load_in(lang, self.builtin, &self.packs);
        for b in &set.broken {
            warn(command, lang, &P::PackNotUsed.fill(lang, &[("problem", b)]));
        }
        // The same catalog as the interface's progress panel builds.
        crate::tui::panel::catalog(&set.packs, lang)
    }
}

/// Prints `iamdojo COMMAND: warning: TEXT` on standard error, in `lang`.
fn warn(command: &str, lang: Lang, text: &str) {
    eprintln!("iamdojo {command}: {}: {text}", P::Warning.text(lang));
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

    /// Opens the store, printing its notices as warnings on standard error, in `lang`.
    pub fn open(&self, command: &str, lang: Lang) -> Result<Store, String> {
        let store = Store::open_default(self.data_dir.as_deref()).map_err(|e| e.message(lang))?;
        for n in store.notices() {
            warn(command, lang, &n.message(lang));
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
    /// The language of the output and of lesson titles: en or ja (default: the top-level
    /// --lang, else the locale). JSON and CSV are the same in every language.
    #[arg(
        id = "output_lang",
        long = "lang",
        global = true,
        value_enum,
        value_name = "LANG"
    )]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Sub,
}

const EXAMPLES: &str = "Examples:
  iamdojo progress show
  iamdojo progress show --lang ja
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
    let lang = match course.lang(args.lang) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("iamdojo {name}: {msg}");
            return Ok(2);
        }
    };
    match execute(args, course, name, lang, out) {
        Ok(code) => Ok(code),
        Err(Stop::Input(msg)) => {
            eprintln!("iamdojo {name}: {msg}");
            Ok(2)
        }
        Err(Stop::Output(e)) => Err(e),
    }
}

fn execute(
    args: &Args,
    top: &Course,
    name: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    let learner = args.store.learner_name()?;
    let store = args.store.open(name, lang)?;
    match &args.command {
        Sub::Show { format, course } => {
            let catalog = top.with(course).catalog(name, lang);
            show(&store, &learner, &catalog, *format, lang, out)
        }
        Sub::Export { format, out: dest } => {
            export(&store, &learner, *format, dest.as_deref(), lang, out)
        }
        Sub::Import { file } => {
            let into = args.store.learner.is_some().then_some(&learner);
            import(&store, file, into, lang, out)
        }
        Sub::Reset { pack, yes } => {
            let scope = match pack {
                Some(p) => {
                    ResetScope::Pack(PackId::new(p.as_str()).map_err(|e| format!("--pack: {e}"))?)
                }
                None => ResetScope::All,
            };
            reset(&store, &learner, &scope, *yes, lang, out)
        }
    }
}

fn show(
    store: &Store,
    name: &LearnerName,
    catalog: &Catalog,
    format: ShowFormat,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    let err = |e: ProgressError| e.message(lang);
    let Some(learner) = store.find_learner(name).map_err(err)? else {
        let others = store.learners().map_err(err)?;
        match format {
            ShowFormat::Json => writeln!(out, "null")?,
            ShowFormat::Text => {
                writeln!(out, "{}", P::ShowNoProgress.fill(lang, &[("name", name)]))?;
                print_others(&others, name, lang, out)?;
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
            write!(
                out,
                "{}",
                render::dashboard(&dash, catalog, store.saving(), lang)
            )?;
            print_others(&store.learners().map_err(err)?, name, lang, out)?;
        }
    }
    Ok(0)
}

fn print_others(
    all: &[LearnerName],
    me: &LearnerName,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let others: Vec<&str> = all
        .iter()
        .filter(|l| *l != me)
        .map(LearnerName::as_str)
        .collect();
    if !others.is_empty() {
        let names = others.join(P::ListJoin.text(lang));
        writeln!(out, "{}", P::ShowOthers.fill(lang, &[("names", &names)]))?;
    }
    Ok(())
}

fn export(
    store: &Store,
    name: &LearnerName,
    format: ExportFormat,
    dest: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    let err = |e: ProgressError| e.message(lang);
    // A learner with no progress yet gets a valid, empty export (and a profile, so that its
    // id stays the same from one export to the next): "everyone export now" never fails.
    let known = store.find_learner(name).map_err(err)?;
    if known.is_none() {
        let names: Vec<String> = store
            .learners()
            .map(|v| v.iter().map(|n| n.as_str().to_string()).collect())
            .unwrap_or_default();
        let near = crate::suggest::nearest(name.as_str(), names.iter().map(String::as_str));
        eprintln!(
            "{}",
            match near {
                Some(near) =>
                    P::ExportNoProgressNear.fill(lang, &[("name", name), ("near", &near)]),
                None => P::ExportNoProgress.fill(lang, &[("name", name)]),
            }
        );
    }
    let data = match known {
        Some(l) => store.export(&l).map_err(err)?,
        None => match store.learner(name) {
            Ok(l) => store.export(&l).map_err(err)?,
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
            write_file(path, &text, lang)?;
            let answers = data.attempts.len() as u64;
            let finished = data.completions.len() as u64;
            eprintln!(
                "{}",
                P::ExportWrote.fill(
                    lang,
                    &[
                        ("name", name),
                        (
                            "answers",
                            &count(lang, answers, P::AnswersOne, P::AnswersMany)
                        ),
                        (
                            "finished",
                            &count(
                                lang,
                                finished,
                                P::FinishedLessonsOne,
                                P::FinishedLessonsMany
                            )
                        ),
                        ("path", &path.display()),
                    ],
                )
            );
        }
    }
    Ok(0)
}

/// Writes `text` to `path` through a temporary file beside it and a rename, so that a
/// crash never leaves half a file; a failure is said in `lang`.
pub(crate) fn write_file(path: &Path, text: &str, lang: Lang) -> Result<(), String> {
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
        return Err(P::CannotWrite.fill(lang, &[("path", &path.display()), ("error", &e)]));
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

/// Reads and parses the export at `path`; a parse error names the file and is said in
/// `lang`.
pub(crate) fn load_export(path: &Path, lang: Lang) -> Result<Export, String> {
    let text = read_export(path)?;
    Export::from_json(&text).map_err(|e| format!("`{}`: {}", path.display(), e.message(lang)))
}

fn import(
    store: &Store,
    file: &Path,
    into: Option<&LearnerName>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    if let Saving::No { reason } = store.saving() {
        return Err(P::ImportNotSaving
            .fill(lang, &[("reason", &reason.message(lang))])
            .into());
    }
    let data = load_export(file, lang)?;
    let sum = store.import(&data, into).map_err(|e| e.message(lang))?;
    if !sum.changed() {
        writeln!(
            out,
            "{}",
            P::ImportNothingNew.fill(
                lang,
                &[("file", &file.display()), ("learner", &sum.learner)]
            )
        )?;
        return Ok(0);
    }
    let mut parts = vec![
        count(lang, sum.attempts, P::AnswersOne, P::AnswersMany),
        count(
            lang,
            sum.completions,
            P::FinishedLessonsOne,
            P::FinishedLessonsMany,
        ),
        count(lang, sum.commands, P::CommandsOne, P::CommandsMany),
    ];
    if sum.settings > 0 {
        parts.push(count(lang, sum.settings, P::SettingsOne, P::SettingsMany));
    }
    if sum.position {
        parts.push(P::LastPositionPart.text(lang).to_string());
    }
    let entry = if sum.created_learner {
        P::ImportedNew
    } else {
        P::Imported
    };
    let parts = parts.join(P::ListJoin.text(lang));
    writeln!(
        out,
        "{}",
        entry.fill(lang, &[("learner", &sum.learner), ("parts", &parts)])
    )?;
    Ok(0)
}

/// `3 answers, 1 finished lesson, 1 sandbox command`.
fn describe(s: &ResetSummary, lang: Lang) -> String {
    [
        count(lang, s.attempts, P::AnswersOne, P::AnswersMany),
        count(
            lang,
            s.completions,
            P::FinishedLessonsOne,
            P::FinishedLessonsMany,
        ),
        count(lang, s.commands, P::CommandsOne, P::CommandsMany),
    ]
    .join(P::ListJoin.text(lang))
}

fn reset(
    store: &Store,
    name: &LearnerName,
    scope: &ResetScope,
    yes: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Stop> {
    if let Saving::No { reason } = store.saving() {
        return Err(P::ResetNotSaving
            .fill(lang, &[("reason", &reason.message(lang))])
            .into());
    }
    let learner = store.require_learner(name).map_err(|e| e.message(lang))?;
    let what = match scope {
        ResetScope::All => P::ResetAll.fill(lang, &[("name", name)]),
        ResetScope::Pack(p) => P::ResetPack.fill(lang, &[("name", name), ("pack", p)]),
    };
    let preview = store
        .reset_preview(&learner, scope)
        .map_err(|e| e.message(lang))?;
    if preview == ResetSummary::default() {
        writeln!(out, "{}", P::ResetEmpty.fill(lang, &[("what", &what)]))?;
        return Ok(0);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(P::ResetRefused.fill(lang, &[("what", &what)]).into());
        }
        eprint!(
            "{}",
            P::ResetAsk.fill(
                lang,
                &[("what", &what), ("counts", &describe(&preview, lang))]
            )
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| P::CannotReadAnswer.fill(lang, &[("error", &e)]))?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            writeln!(out, "{}", P::NotReset.text(lang))?;
            return Ok(1);
        }
    }
    let done = store.reset(&learner, scope).map_err(|e| e.message(lang))?;
    writeln!(
        out,
        "{}",
        P::Erased.fill(lang, &[("what", &what), ("counts", &describe(&done, lang))])
    )?;
    Ok(0)
}
