//! `iamdojo class report`: learners' progress exports merged into one report for the
//! instructor, as text, CSV or a self-contained HTML page.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand, ValueEnum};

use crate::progress::{ClassReport, Export, render};

use super::progress::{Course, CourseArgs, read_export, write_file};

/// Arguments of `class`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Merge learners' exports (`iamdojo progress export`) into a learner × lesson table,
    /// completion rate and median time per lesson, the exercises most often failed and the
    /// most common wrong answers.
    #[command(after_long_help = EXAMPLES)]
    Report(ReportArgs),
}

const EXAMPLES: &str = "Examples:
  iamdojo class report exports/                       (every *.json in the folder)
  iamdojo class report alice.json bob.json --format csv --out class.csv
  iamdojo class report exports/ --format html --out report.html

Each learner's export is made with `iamdojo progress export --out NAME.json`. Two exports
of the same profile are merged; two learners who both kept the name `default` stay apart
(the file name is added to tell them apart).

Exit status: 0 done, 2 when a file could not be read (the report covers the others).";

#[derive(Debug, ClapArgs)]
struct ReportArgs {
    /// Export files, or folders whose *.json files are exports.
    #[arg(required = true, value_name = "FILE|DIR")]
    inputs: Vec<PathBuf>,
    /// Output format: text for a terminal, csv (one row per learner and lesson), or one
    /// self-contained html page.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    #[command(flatten)]
    course: CourseArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Csv,
    Html,
}

/// Runs the command, writing to `out`; returns the exit status.
pub fn run(args: &Args, course: &Course, out: &mut dyn Write) -> io::Result<u8> {
    match &args.command {
        Sub::Report(a) => report(a, course, out),
    }
}

/// The files named: each file itself, and the `*.json` files directly inside each folder,
/// sorted.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input)
                .map_err(|e| format!("cannot read the folder `{}`: {e}", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                })
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "the folder `{}` holds no *.json export files",
                    input.display()
                ));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn report(args: &ReportArgs, top: &Course, out: &mut dyn Write) -> io::Result<u8> {
    let fail = |msg: String| {
        eprintln!("iamdojo class report: {msg}");
        2
    };
    let files = match expand(&args.inputs) {
        Ok(f) => f,
        Err(msg) => return Ok(fail(msg)),
    };
    let mut exports: Vec<(String, Export)> = Vec::with_capacity(files.len());
    let mut failed = 0usize;
    for f in &files {
        let read = read_export(f).and_then(|text| {
            Export::from_json(&text).map_err(|e| format!("`{}`: {e}", f.display()))
        });
        match read {
            Ok(e) => exports.push((label(f), e)),
            Err(msg) => {
                eprintln!("iamdojo class report: skipped {msg}");
                failed += 1;
            }
        }
    }
    if exports.is_empty() {
        return Ok(fail(
            "no readable progress export among the files given".to_string(),
        ));
    }
    let catalog = top.with(&args.course).catalog("class report");
    let report = ClassReport::build(exports.iter().map(|(s, e)| (s.as_str(), e)), &catalog);
    let text = match args.format {
        Format::Text => render::text(&report),
        Format::Csv => render::csv(&report),
        Format::Html => render::html(&report),
    };
    match &args.out {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            if let Err(msg) = write_file(path, &text) {
                return Ok(fail(msg));
            }
            eprintln!(
                "wrote the report on {} learners from {} files to `{}`",
                report.learners.len(),
                exports.len(),
                path.display()
            );
        }
    }
    if failed > 0 {
        eprintln!(
            "iamdojo class report: {failed} of {} files could not be read",
            files.len()
        );
        Ok(2)
    } else {
        Ok(0)
    }
}
