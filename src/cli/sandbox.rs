//! `iamdojo sandbox`: a line shell over a simulated account, with history and completion of
//! commands, flags and entity names. It reads commands from standard input when that is not
//! a terminal, so that it can be scripted and used with a screen reader.

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

use crate::account::authz::Identity;
use crate::account::command::{Creds, Output, Sandbox};
use crate::account::{Account, DEFAULT_ACCOUNT_ID};

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
}

/// Loads the account that `--gaad` and its companions describe; the error is the message.
fn import(args: &Args, gaad: &std::path::Path) -> Result<Account, String> {
    crate::cli::load_gaad(
        gaad,
        args.credential_report.as_ref(),
        args.password_policy.as_ref(),
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
    let who = match sb.profiles.get(&sb.profile).and_then(|p| p.creds.as_ref()) {
        Some(Creds::RootConsole) | None => "root".to_string(),
        Some(Creds::Keys { access_key_id, .. }) => {
            match sb
                .account
                .caller_for_key("", access_key_id, &sb.source_ip, "us-east-1")
            {
                Ok(c) => match c.identity {
                    Identity::Root => "root".into(),
                    Identity::User(u) => u,
                    Identity::Role { role, session } => format!("{role}/{session}"),
                },
                Err(_) => format!("{access_key_id} (invalid)"),
            }
        }
    };
    format!("[{who}@{} {}]$ ", sb.account.id, sb.profile)
}

const HELP: &str = "Commands are typed as with the AWS CLI (the leading `aws` is optional).\nShell commands: help, exit.\nServices: ";

fn help(sb: &Sandbox) -> String {
    let table = crate::account::command::commands();
    let mut services: Vec<&str> = table.iter().map(|c| c.service).collect();
    services.dedup();
    let mut s = format!("{HELP}{}, configure\n", services.join(", "));
    for svc in services {
        let names: Vec<&str> = table
            .iter()
            .filter(|c| c.service == svc)
            .map(|c| c.name)
            .collect();
        s.push_str(&format!("\n{svc}:\n  {}\n", names.join("\n  ")));
    }
    let _ = sb;
    s
}

fn show(output: &Output, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(output.stdout.as_bytes())?;
    // Flush first, so that output and errors appear in the order they happened.
    out.flush()?;
    eprint!("{}", output.stderr);
    Ok(())
}

/// Runs the shell; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let sb = match &args.scenario {
        Some(path) => match crate::cli::load_scenario(path) {
            Ok(s) => s.sandbox,
            Err(e) => {
                eprintln!("iamdojo sandbox: {e}");
                return Ok(2);
            }
        },
        None => match &args.gaad {
            Some(path) => match import(args, path) {
                Ok(account) => Sandbox::new(account),
                Err(e) => {
                    eprintln!("iamdojo sandbox: {e}");
                    return Ok(2);
                }
            },
            None => Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1)),
        },
    };
    if std::io::stdin().is_terminal() {
        interactive(sb, out)
    } else {
        scripted(sb, args.echo, out)
    }
}

fn scripted(mut sb: Sandbox, echo: bool, out: &mut dyn Write) -> io::Result<u8> {
    let mut failed = false;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else {
            eprintln!("iamdojo sandbox: standard input is not UTF-8 text");
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
                show(&output, out)?;
            }
        }
    }
    Ok(u8::from(failed))
}

fn interactive(sb: Sandbox, out: &mut dyn Write) -> io::Result<u8> {
    let shared = Rc::new(RefCell::new(sb));
    let config = Config::builder().auto_add_history(true).build();
    let mut ed: Editor<Completion, MemHistory> =
        match Editor::with_history(config, MemHistory::new()) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("iamdojo sandbox: cannot start the line editor: {e}");
                return Ok(2);
            }
        };
    ed.set_helper(Some(Completion {
        sandbox: shared.clone(),
    }));
    let id = shared.borrow().account.id.clone();
    writeln!(
        out,
        "iamdojo sandbox: a simulated AWS account ({id}). You are the root user. Type `help`, or `exit` to leave."
    )?;
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
                        show(&output, out)?;
                    }
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) => break,
        }
    }
    Ok(0)
}
