//! `iamdojo sandbox`: a line shell over a simulated account, with history and completion of
//! commands, flags and entity names. It reads commands from standard input when that is not
//! a terminal, so that it can be scripted and used with a screen reader.
//!
//! The shell's own text (its banner, `help`, its errors) and the sandbox's own messages are in
//! the language of `--lang`; what the simulated AWS CLI prints stays AWS's English.

use std::cell::RefCell;
use std::io::{self, BufRead, IsTerminal, Write};
use std::rc::Rc;

use clap::Args as ClapArgs;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::MemHistory;
use rustyline::validate::Validator;
use rustyline::{Config, Editor, Helper};

use crate::account::command::{Output, Sandbox, Who};
use crate::account::{Account, DEFAULT_ACCOUNT_ID};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::awserror::AwsError;
use crate::msg::cli::Cli as Say;
use crate::printable;

use super::LangArg;

/// Arguments of `sandbox`.
#[derive(Debug, ClapArgs)]
#[command(
    after_long_help = "Type AWS CLI commands as you would at work, e.g.\n  aws iam create-user --user-name alice\n  aws iam list-users --output table\n  aws configure set aws_access_key_id AKIA… --profile alice\n  aws sts get-caller-identity --profile alice\nType `help` for the list of commands and `exit` to leave.\n\nExit status: 0 when every command succeeded, 1 when at least one failed (non-interactive use)."
)]
pub struct Args {
    /// Echo each command before its output when reading from a pipe.
    #[arg(long)]
    pub echo: bool,
    /// Start from a scenario file (an account's state and scripted events; see
    /// docs/scenario-format.md) instead of an empty account.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<std::path::PathBuf>,
    /// Start from a real account's IAM: the JSON of
    /// `aws iam get-account-authorization-details` (users, groups, roles, managed policies).
    #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
    pub gaad: Option<std::path::PathBuf>,
    /// With --gaad: apply an IAM credential report (CSV, or the JSON of
    /// `aws iam get-credential-report`): passwords, MFA, access keys and their last use.
    #[arg(long, value_name = "FILE", requires = "gaad")]
    pub credential_report: Option<std::path::PathBuf>,
    /// With --gaad: set the password policy from `aws iam get-account-password-policy` JSON.
    #[arg(long, value_name = "FILE", requires = "gaad")]
    pub password_policy: Option<std::path::PathBuf>,
    /// Walk an escalation path that `iamdojo audit` reported (its `walk.id`, such as
    /// `user/alice/1`) as its first principal, command by command, then exit: 0 when it
    /// reached an administrator, 1 when a command was refused.
    #[arg(long, value_name = "ID")]
    pub replay: Option<String>,
    /// The language of the shell's own text and of the sandbox's own messages (`help`,
    /// `explain`, `wait`, …; default: the locale's, from LC_ALL, LC_MESSAGES or LANG). What
    /// the AWS CLI would print stays AWS's English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// Loads the account that `--gaad` and its companions describe; the error is the message.
fn import(args: &Args, gaad: &std::path::Path, lang: Lang) -> Result<Account, String> {
    crate::cli::load_gaad(
        gaad,
        args.credential_report.as_ref(),
        args.password_policy.as_ref(),
        lang,
    )
}

struct Completion {
    sandbox: Rc<RefCell<Sandbox>>,
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = line.get(..pos).unwrap_or(line);
        let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let cands = self.sandbox.borrow().complete(head);
        Ok((
            start,
            cands
                .into_iter()
                .map(|c| Pair {
                    display: c.clone(),
                    replacement: c,
                })
                .collect(),
        ))
    }
}

impl Hinter for Completion {
    type Hint = String;
}
impl Highlighter for Completion {}
impl Validator for Completion {}
impl Helper for Completion {}

fn prompt(sb: &Sandbox) -> String {
    let who = match sb.who() {
        Who::Root | Who::Nobody => "root".to_string(),
        Who::User(u) | Who::Role(u) => u,
        Who::Invalid(key) => Say::SandboxInvalidKey.fill(sb.lang, &[("key", &key)]),
        Who::Partial => Say::SandboxPartialKey.text(sb.lang).to_string(),
    };
    format!("[{who}@{} {}]$ ", sb.account.id, sb.profile)
}

/// The first line of an interactive session, in the sandbox's language.
fn banner(sb: &Sandbox) -> String {
    Say::SandboxBanner.fill(sb.lang, &[("id", &sb.account.id)])
}

/// `help`: how commands are typed, then every service's commands (names, in every
/// language), in the sandbox's language.
fn help(sb: &Sandbox) -> String {
    let table = crate::account::command::commands();
    let mut services: Vec<&str> = table.iter().map(|c| c.service).collect();
    services.dedup();
    // The console's help (the sandbox's own commands, pipes, services), then how to leave.
    let mut s = crate::account::command::help_text(sb.lang);
    s.push_str(Say::SandboxExit.text(sb.lang));
    for svc in services {
        let names: Vec<&str> = table
            .iter()
            .filter(|c| c.service == svc)
            .map(|c| c.name)
            .collect();
        s.push_str(&format!("\n{svc}:\n  {}\n", names.join("\n  ")));
    }
    s
}

/// Prints what the command printed; at a Japanese prompt (`glossed`), each AWS error line is
/// followed by its Japanese gloss, as in the lessons' consoles. Scripts get the CLI's bytes.
fn show(output: &Output, out: &mut dyn Write, glossed: Option<Lang>) -> io::Result<()> {
    out.write_all(output.stdout.as_bytes())?;
    // Flush first, so that output and errors appear in the order they happened.
    out.flush()?;
    match glossed {
        Some(lang @ Lang::Ja) => {
            eprint!("{}", output.stderr);
            // After the whole message, as in the lessons' consoles.
            let mut glosses: Vec<AwsError> = Vec::new();
            for g in output.stderr.lines().filter_map(AwsError::of_line) {
                if !glosses.contains(&g) {
                    glosses.push(g);
                }
            }
            for g in glosses {
                eprintln!("  ↳ {}", g.text(lang));
            }
        }
        _ => eprint!("{}", output.stderr),
    }
    Ok(())
}

/// Runs the shell; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let lang = super::lang_or_locale(args.lang);
    let mut sb = match &args.scenario {
        Some(path) => match crate::cli::load_scenario(path, lang) {
            Ok(s) => s.sandbox,
            Err(e) => {
                eprintln!("iamdojo sandbox: {e}");
                return Ok(2);
            }
        },
        None => match &args.gaad {
            Some(path) => match import(args, path, lang) {
                Ok(account) => Sandbox::new(account),
                Err(e) => {
                    eprintln!("iamdojo sandbox: {e}");
                    return Ok(2);
                }
            },
            None => Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1)),
        },
    };
    sb.lang = lang;
    // As the AWS CLI does, `--output table` fits the terminal it prints to (80 in a pipe).
    if std::io::stdout().is_terminal()
        && let Some(columns) = crate::tui::terminal_columns()
    {
        sb.terminal_width = usize::from(columns);
    }
    if let Some(id) = &args.replay {
        return replay(sb, id, out);
    }
    if std::io::stdin().is_terminal() {
        interactive(sb, out)
    } else {
        scripted(sb, args.echo, out)
    }
}

/// `--replay ID`: walks the path and prints each command with its answer, as `--echo` does.
fn replay(mut sb: Sandbox, id: &str, out: &mut dyn Write) -> io::Result<u8> {
    use crate::audit::replay::{self, Outcome};
    let lang = sb.lang;
    let paths = crate::audit::escalation::paths_across(&sb.account, &sb.accounts);
    let Some(path) = paths.iter().find(|p| p.id == id) else {
        let ids: Vec<&str> = paths.iter().map(|p| p.id.as_str()).collect();
        let e = if ids.is_empty() {
            Say::ReplayNoPaths.fill(lang, &[("id", &printable::excerpt(id, 80))])
        } else {
            Say::ReplayNoSuchPath.fill(
                lang,
                &[
                    ("id", &printable::excerpt(id, 80)),
                    ("ids", &ids.join(Say::SandboxListSep.text(lang))),
                ],
            )
        };
        eprintln!("iamdojo sandbox: {e}");
        return Ok(2);
    };
    let evidence = crate::audit::said::Said::new(crate::msg::audit::Audit::EscalationPath)
        .with(
            "from",
            path.from.rsplit(['/', ':']).next().unwrap_or(&path.from),
        )
        .listing(
            "steps",
            path.steps
                .iter()
                .cloned()
                .map(crate::audit::said::Arg::Said)
                .collect(),
            crate::audit::said::Sep::Arrow,
        )
        .render(lang);
    writeln!(
        out,
        "{}",
        Say::ReplayHeader.fill(lang, &[("id", &path.id), ("evidence", &evidence)])
    )?;
    let r = replay::replay(&mut sb, path);
    let from = &path.from;
    match &r.start_key {
        Some(k) if from.contains(":user/") => writeln!(
            out,
            "{}",
            Say::ReplayWithKey.fill(
                lang,
                &[("from", from), ("key", k), ("profile", &replay::PROFILE)]
            )
        )?,
        Some(_) => writeln!(
            out,
            "{}",
            Say::ReplayWithSession.fill(lang, &[("from", from), ("profile", &replay::PROFILE)])
        )?,
        None => {}
    }
    for ran in &r.ran {
        writeln!(out, "$ {}", printable::clean(&ran.line))?;
        show(&ran.output, out, None)?;
    }
    let fix = crate::msg::audit::Audit::RemovePermission.fill(
        lang,
        &[
            ("permission", &path.permission),
            ("name", &from.rsplit(['/', ':']).next().unwrap_or(from)),
        ],
    );
    let (line, code) = match &r.outcome {
        Outcome::NoCredentials => (Say::ReplayNoCredentials.fill(lang, &[("from", from)]), 1),
        Outcome::Refused => (Say::ReplayRefused.text(lang).to_string(), 1),
        Outcome::ConsolePassword(to) => (Say::ReplayConsole.fill(lang, &[("to", to)]), 0),
        Outcome::Administrator(who) => (
            Say::ReplayAdministrator.fill(lang, &[("who", who), ("fix", &fix)]),
            0,
        ),
    };
    writeln!(out, "{line}")?;
    Ok(code)
}

fn scripted(mut sb: Sandbox, echo: bool, out: &mut dyn Write) -> io::Result<u8> {
    let mut failed = false;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else {
            eprintln!("iamdojo sandbox: {}", Say::SandboxNotUtf8.text(sb.lang));
            return Ok(2);
        };
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if echo {
            writeln!(out, "{}{t}", prompt(&sb))?;
        }
        match t {
            "exit" | "quit" => break,
            "help" => write!(out, "{}", help(&sb))?,
            _ => {
                let output = sb.run(t);
                failed |= output.code != 0;
                show(&output, out, None)?;
            }
        }
    }
    Ok(u8::from(failed))
}

fn interactive(sb: Sandbox, out: &mut dyn Write) -> io::Result<u8> {
    let lang = sb.lang;
    let shared = Rc::new(RefCell::new(sb));
    let config = Config::builder().auto_add_history(true).build();
    let mut ed: Editor<Completion, MemHistory> =
        match Editor::with_history(config, MemHistory::new()) {
            Ok(e) => e,
            Err(e) => {
                eprintln!(
                    "iamdojo sandbox: {}",
                    Say::SandboxNoEditor.fill(lang, &[("error", &e)])
                );
                return Ok(2);
            }
        };
    ed.set_helper(Some(Completion {
        sandbox: shared.clone(),
    }));
    writeln!(out, "{}", banner(&shared.borrow()))?;
    loop {
        let p = prompt(&shared.borrow());
        match ed.readline(&p) {
            Ok(line) => {
                let t = line.trim();
                match t {
                    "" => {}
                    "exit" | "quit" => break,
                    "help" => write!(out, "{}", help(&shared.borrow()))?,
                    _ => {
                        let output = shared.borrow_mut().run(t);
                        show(&output, out, Some(lang))?;
                    }
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) => break,
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sandbox over a new account, speaking `lang`.
    fn sandbox(lang: Lang) -> Sandbox {
        let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
        sb.lang = lang;
        sb
    }

    #[test]
    fn the_banner_is_in_the_sandbox_language() {
        assert_eq!(
            banner(&sandbox(Lang::Ja)),
            format!(
                "iamdojo sandbox: シミュレーションの AWS アカウント ({DEFAULT_ACCOUNT_ID}) です。ルートユーザーとして操作します。ヘルプは「help」、終了するには「exit」と入力してください。"
            )
        );
        assert!(banner(&sandbox(Lang::En)).contains("You are the root user."));
    }

    #[test]
    fn an_invalid_key_is_said_so_in_the_prompt() {
        let mut sb = sandbox(Lang::Ja);
        let set = sb.run("aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE");
        assert_eq!(set.code, 0, "{}", set.stderr);
        // Half a pair is not an identity yet.
        assert_eq!(
            prompt(&sb),
            format!("[認証情報が不完全@{DEFAULT_ACCOUNT_ID} default]$ ")
        );
        let set = sb.run("aws configure set aws_secret_access_key wJalrXUtnFEMIEXAMPLEKEY");
        assert_eq!(set.code, 0, "{}", set.stderr);
        assert_eq!(
            prompt(&sb),
            format!("[AKIAIOSFODNN7EXAMPLE (無効)@{DEFAULT_ACCOUNT_ID} default]$ ")
        );
        sb.lang = Lang::En;
        assert!(prompt(&sb).contains("AKIAIOSFODNN7EXAMPLE (invalid)@"));
    }
}
