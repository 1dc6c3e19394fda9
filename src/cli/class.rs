//! `iamdojo class report`: learners' progress exports merged into one report for the
//! instructor, as text, CSV or a self-contained HTML page. Text and HTML are in the
//! instructor's language (`--lang`, else the top-level `--lang`, else the locale); CSV is the
//! same in every language. `iamdojo class serve`: the live class server (`crate::class`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::progress::Progress as P;
use crate::progress::render::{self, count};
use crate::progress::{ClassReport, Export};

use super::LangArg;
use super::progress::{Course, CourseArgs, load_export, write_file};

/// Arguments of `class`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The language of the report and of lesson titles: en or ja (default: the top-level
    /// --lang, else the locale). CSV is the same in every language.
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

#[derive(Debug, Subcommand)]
enum Sub {
    /// Merge learners' exports (`iamdojo progress export`) into a learner × lesson table,
    /// completion rate and median time per lesson, the exercises most often failed and the
    /// most common wrong answers.
    #[command(after_long_help = EXAMPLES)]
    Report(ReportArgs),
    /// Run a live class: learners join with a code and their answers reach a dashboard in
    /// the instructor's browser as they give them.
    #[command(after_long_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
}

const SERVE_EXAMPLES: &str = "Examples:
  iamdojo class serve                                  (this machine only, to try it)
  iamdojo class serve --listen 0.0.0.0:8080            (learners on the room's network)
  iamdojo class serve --data-dir ~/workshop --stuck-minutes 5
  iamdojo class serve --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
  iamdojo class serve --database postgres://iamdojo@db.example.edu/course

It prints the URL, the join code and the instructor token (once: it is stored hashed).
Learners run `iamdojo --join URL --code CODE [--learner NAME]`; the instructor opens the
dashboard URL it prints. With --tls-cert and --tls-key it serves HTTPS; a learner whose
computer does not trust the certificate's issuer (a certificate you made yourself) adds
`--ca-file cert.pem` (the certificate itself, or the authority that signed it).
Without them it serves plain HTTP, and warns when it listens beyond this machine.
Stopping (Ctrl+C) and starting again with the same --data-dir resumes the class;
--new-class starts another. With --database the classes are kept in PostgreSQL (the
schema `iamdojo`, created on first use), where several instructors' classes stay apart;
the data directory then only records which class this server resumes.

Exit status: 0 stopped with Ctrl+C, 2 when it could not start.";

#[derive(Debug, ClapArgs)]
struct ServeArgs {
    /// The address to listen on: 127.0.0.1:8080 is this machine only; 0.0.0.0:8080 takes
    /// learners from every network the machine is on (over plain HTTP a warning says so).
    /// Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    listen: String,
    /// Where the class's database (class.db) is kept (default: $IAMDOJO_DATA_DIR, else the
    /// platform's data directory, e.g. ~/.local/share/iamdojo). With --database it only
    /// records which class this server resumes.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Keep the classes in this PostgreSQL database instead of class.db:
    /// postgres://USER:PASSWORD@HOST:PORT/DATABASE (or postgresql://). Set
    /// IAMDOJO_DATABASE instead to keep the password off the command line. Messages show it
    /// without its password. Plain TCP only: TLS to PostgreSQL is not supported yet.
    #[arg(
        long,
        value_name = "URL",
        env = "IAMDOJO_DATABASE",
        hide_env_values = true
    )]
    database: Option<String>,
    /// A learner with no right answer for this many minutes is shown as stuck.
    #[arg(long, default_value_t = 10, value_name = "MINUTES")]
    stuck_minutes: u64,
    /// Start a new class (a new code and instructor token) even when one is open in the
    /// data directory.
    #[arg(long)]
    new_class: bool,
    /// Do not draw the URL as a QR code.
    #[arg(long)]
    no_qr: bool,
    /// Serve HTTPS with this certificate (PEM; the server's certificate first, then any
    /// intermediates), with --tls-key. Its names must include the address learners type
    /// (e.g. IP:192.168.1.10). Learners whose computers do not trust its issuer join with
    /// --ca-file.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key of --tls-cert (PEM, unencrypted).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    #[command(flatten)]
    course: CourseArgs,
}

const EXAMPLES: &str = "Examples:
  iamdojo class report exports/                       (every *.json in the folder)
  iamdojo class report alice.json bob.json --format csv --out class.csv
  iamdojo class report exports/ --format html --out report.html
  iamdojo class report exports/ --lang ja

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
    let lang = match course.lang(args.lang) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("iamdojo class: {msg}");
            return Ok(2);
        }
    };
    match &args.command {
        Sub::Report(a) => report(a, course, lang, out),
        Sub::Serve(a) => serve(a, course, lang, out),
    }
}

/// The files named: each file itself, and the `*.json` files directly inside each folder,
/// sorted.
fn expand(inputs: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| {
                P::ClassCannotReadFolder.fill(lang, &[("path", &input.display()), ("error", &e)])
            })?;
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
                return Err(P::ClassEmptyFolder.fill(lang, &[("path", &input.display())]));
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

fn report(args: &ReportArgs, top: &Course, lang: Lang, out: &mut dyn Write) -> io::Result<u8> {
    let fail = |msg: String| {
        eprintln!("iamdojo class report: {msg}");
        2
    };
    let files = match expand(&args.inputs, lang) {
        Ok(f) => f,
        Err(msg) => return Ok(fail(msg)),
    };
    let mut exports: Vec<(String, Export)> = Vec::with_capacity(files.len());
    let mut failed = 0u64;
    for f in &files {
        match load_export(f, lang) {
            Ok(e) => exports.push((label(f), e)),
            Err(msg) => {
                eprintln!(
                    "iamdojo class report: {}",
                    P::ClassSkipped.fill(lang, &[("problem", &msg)])
                );
                failed += 1;
            }
        }
    }
    if exports.is_empty() {
        return Ok(fail(P::ClassNoReadable.text(lang).to_string()));
    }
    let catalog = top.with(&args.course).catalog("class report", lang);
    let report = ClassReport::build(exports.iter().map(|(s, e)| (s.as_str(), e)), &catalog);
    let text = match args.format {
        Format::Text => render::text(&report, lang),
        Format::Csv => render::csv(&report),
        Format::Html => render::html(&report, lang),
    };
    match &args.out {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            if let Err(msg) = write_file(path, &text, lang) {
                return Ok(fail(msg));
            }
            let learners = count(
                lang,
                report.learners.len() as u64,
                P::LearnersOne,
                P::LearnersMany,
            );
            let read = count(lang, exports.len() as u64, P::FilesOne, P::FilesMany);
            eprintln!(
                "{}",
                P::ClassWrote.fill(
                    lang,
                    &[
                        ("learners", &learners),
                        ("files", &read),
                        ("path", &path.display()),
                    ],
                )
            );
        }
    }
    if failed > 0 {
        eprintln!(
            "iamdojo class report: {}",
            P::ClassUnread.fill(lang, &[("failed", &failed), ("total", &files.len())])
        );
        Ok(2)
    } else {
        Ok(0)
    }
}

/// The address learners can reach when the server listens on every interface: the one the
/// system would send from (a UDP socket is "connected", which sends nothing).
fn reachable(addr: std::net::SocketAddr) -> std::net::SocketAddr {
    if !addr.ip().is_unspecified() {
        return addr;
    }
    let probe = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr());
    match probe {
        Ok(local) => std::net::SocketAddr::new(local.ip(), addr.port()),
        Err(_) => addr,
    }
}

/// The predict steps of the course's packs and IAM's answer to each, worked out by the
/// evaluator as the learner's screen does (a pack that does not load was named already by
/// the catalog; a step whose answer cannot be worked out is kept, with no answer marked),
/// and the choices of its quiz steps in `lang`.
fn predict_steps(course: &Course, lang: Lang) -> crate::class::server::dashboard::PredictSteps {
    use crate::class::server::dashboard::{PredictSteps, Prediction};
    use crate::lesson::{LessonEntry, PackSet, run};
    let mut steps = PredictSteps::new();
    let set = PackSet::load_in(Lang::En, course.builtin, &course.packs);
    for pack in &set.packs {
        for entry in &pack.lessons {
            let LessonEntry::Ok { lesson, .. } = entry else {
                continue;
            };
            for (i, step) in lesson.steps.iter().enumerate() {
                if let Some(q) = step.quiz() {
                    let choices = q
                        .choices
                        .iter()
                        .map(|c| c.text.get(lang.code(), "en").to_string())
                        .collect();
                    steps.add_quiz(
                        pack.meta.id.clone(),
                        lesson.id.clone(),
                        step.key(i),
                        choices,
                    );
                }
                if step.predict().is_none() {
                    continue;
                }
                let right = run::predict_answer(pack, lesson, step)
                    .ok()
                    .and_then(|(d, _)| Prediction::from_answer(d.outcome.as_str()));
                steps.add(pack.meta.id.clone(), lesson.id.clone(), step.key(i), right);
            }
        }
    }
    steps
}

fn serve(args: &ServeArgs, top: &Course, lang: Lang, out: &mut dyn Write) -> io::Result<u8> {
    use crate::class::server;
    use crate::msg::class::Class as C;
    let fail = |msg: String| {
        eprintln!("iamdojo class serve: {msg}");
        Ok(2)
    };
    let Ok(listen) = args.listen.parse::<std::net::SocketAddr>() else {
        return fail(C::BadListen.fill(lang, &[("value", &args.listen)]));
    };
    let data_dir = match crate::progress::data_dir(args.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(e.message(lang)),
    };
    let database = match args.database.as_deref() {
        None => None,
        Some(url) => match server::store::PgUrl::parse(url) {
            Some(u) => Some(u),
            None => return fail(C::BadDatabaseUrl.text(lang).to_string()),
        },
    };
    let course = top.with(&args.course);
    let config = server::Config {
        listen,
        data_dir: data_dir.clone(),
        database,
        stuck: std::time::Duration::from_secs(args.stuck_minutes.saturating_mul(60)),
        new_class: args.new_class,
        catalogs: (
            course.catalog("class serve", Lang::En),
            course.catalog("class serve", Lang::Ja),
        ),
        predicts: predict_steps(&course, lang),
        tls: args
            .tls_cert
            .clone()
            .zip(args.tls_key.clone())
            .map(|(cert, key)| server::TlsFiles { cert, key }),
    };
    let running = match server::start(config, true) {
        Ok(r) => r,
        Err(e) => return fail(e.message(lang)),
    };
    if !running.tls && !running.addr.ip().is_loopback() {
        eprintln!(
            "iamdojo class serve: {}",
            C::PlainHttpWarning.fill(lang, &[("addr", &running.addr)])
        );
    }
    let scheme = if running.tls { "https" } else { "http" };
    let url = format!("{scheme}://{}", reachable(running.addr));
    writeln!(out, "{}", C::Serving.fill(lang, &[("url", &url)]))?;
    if let Some(db) = &args
        .database
        .as_deref()
        .and_then(server::store::PgUrl::parse)
    {
        writeln!(out, "{}", C::StoredInPostgres.fill(lang, &[("url", db)]))?;
    }
    if running.instructor_token.is_none() {
        writeln!(
            out,
            "{}",
            C::Resumed.fill(lang, &[("dir", &data_dir.display())])
        )?;
    }
    writeln!(
        out,
        "{}",
        C::JoinCodeLine.fill(lang, &[("code", &running.code)])
    )?;
    writeln!(out, "{}", C::LearnersRun.text(lang))?;
    writeln!(out, "  iamdojo --join {url} --code {}", running.code)?;
    if !args.no_qr
        && let Ok(qr) = qrcode::QrCode::new(url.as_bytes())
    {
        let drawn = qr
            .render::<qrcode::render::unicode::Dense1x2>()
            .quiet_zone(true)
            .build();
        writeln!(out, "{drawn}")?;
    }
    match &running.instructor_token {
        Some(token) => {
            writeln!(out, "{}", C::TokenLine.fill(lang, &[("token", token)]))?;
            let dash = format!("{url}/?token={token}");
            writeln!(out, "{}", C::DashboardLine.fill(lang, &[("url", &dash)]))?;
        }
        None => {
            writeln!(out, "{}", C::TokenNotShown.text(lang))?;
            writeln!(out, "{}", C::DashboardLine.fill(lang, &[("url", &url)]))?;
        }
    }
    writeln!(out, "{}", C::StopHint.text(lang))?;
    out.flush()?;
    running.wait();
    writeln!(out, "{}", C::Stopped.text(lang))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::server::dashboard::Prediction;

    #[test]
    fn every_built_in_predict_step_has_iams_answer_for_the_dashboard() {
        let course = Course {
            builtin: true,
            ..Course::default()
        };
        let steps = predict_steps(&course, Lang::En);
        let answers: Vec<Option<Prediction>> = steps.iter().map(|(_, _, _, r)| r).collect();
        assert!(!answers.is_empty(), "the built-in course has predict steps");
        assert!(answers.iter().all(Option::is_some), "{answers:?}");
        // "How IAM decides" has a step for each of the three decisions.
        for p in Prediction::ALL {
            assert!(answers.contains(&Some(p)), "no step answered {p:?}");
        }
    }
}
