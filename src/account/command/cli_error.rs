//! The one place the sandbox writes an error of the AWS CLI: every failing path of the command
//! layer and of the handlers says what kind of error it is ([`CliError`]) and this module
//! prints it as AWS CLI v2 does since 2.34.0 (`aws: [ERROR]: …` after a blank line, with the
//! exit status of its kind), checked against the CLI's own output in
//! `tests/data/cli-errors/recorded.txt`.
//!
//! Architecture invariant: no other code writes `aws: [ERROR]:` or an exit status of the CLI's
//! errors; a path that fails builds a [`CliError`].

use super::Output;
use crate::printable;

/// What precedes every error message of the AWS CLI v2 (`awscli/errorformat.py`).
pub const PREFIX: &str = "aws: [ERROR]:";

/// What the CLI's enhanced error format (its default) puts before a parameter's error.
const PARAM: &str = "An error occurred (ParamValidation):";

/// The usage text argparse prints with a usage error (the CLI's `USAGE`).
pub const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// How many characters of an echoed line are shown before it is cut.
const MAX_ECHO: usize = 1000;

/// What kind of error the AWS CLI reports, which decides its layout and exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// argparse refused the command line (an unknown command or operation, a missing or
    /// malformed argument): the message, then the usage text; exit 252.
    Usage,
    /// Words left over after parsing (`Unknown options: …`): the usage text first, then the
    /// message; exit 252.
    Unknown,
    /// A parameter the CLI could not read or that fails the model's constraints
    /// (`Error parsing parameter …`, `Parameter validation failed: …`); exit 252.
    Param,
    /// The configuration (`NoCredentials`, `NoRegion`): the CLI names it as a code; exit 253.
    Config(&'static str),
    /// AWS answered with an error (`An error occurred (CODE) when calling …`); exit 254.
    Service,
    /// Anything else the CLI raised (a waiter that failed, an unknown profile, a `--query`
    /// that fails on the answer); exit 255.
    General,
    /// What a high-level command prints itself, outside the CLI's error format
    /// (`upload failed: … An error occurred …`, `fatal error: …`), with its exit status.
    Printed(i32),
}

impl Kind {
    /// The CLI's exit status for this kind (`awscli/constants.py`).
    pub fn exit(self) -> i32 {
        match self {
            Kind::Usage | Kind::Unknown | Kind::Param => 252,
            Kind::Config(_) => 253,
            Kind::Service => 254,
            Kind::General => 255,
            Kind::Printed(exit) => exit,
        }
    }
}

/// An error of the AWS CLI: its kind, its message, and the sandbox's own suggestion, printed
/// after what the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    /// The kind.
    pub kind: Kind,
    /// The CLI's message, without its prefix.
    pub message: String,
    /// The sandbox's addition (`Did you mean …`), in the learner's language.
    pub hint: Option<String>,
    /// What the command printed on standard output before it failed.
    pub stdout: String,
    /// The CLI stopped before it called AWS, though the error's kind does not say so (a
    /// general error such as a local path that is not there).
    pub before_call: bool,
}

impl CliError {
    /// An error of `kind` saying `message`.
    pub fn new(kind: Kind, message: impl Into<String>) -> CliError {
        CliError {
            kind,
            message: message.into(),
            hint: None,
            stdout: String::new(),
            before_call: false,
        }
    }

    /// The same error, marked as one the CLI raises before it calls AWS.
    pub fn before_call(self) -> CliError {
        CliError {
            before_call: true,
            ..self
        }
    }

    /// Whether AWS saw the call: not for the CLI's refusals of the command line, its
    /// parameters or its configuration, which it makes before sending anything.
    pub fn reached_aws(&self) -> bool {
        !self.before_call
            && !matches!(
                self.kind,
                Kind::Usage | Kind::Unknown | Kind::Param | Kind::Config(_)
            )
    }

    /// What a high-level command printed: `stdout`, then `stderr` as it is, exit status `exit`.
    pub fn printed(stdout: String, stderr: impl Into<String>, exit: i32) -> CliError {
        CliError {
            stdout,
            ..CliError::new(Kind::Printed(exit), stderr)
        }
    }

    /// The same error with the sandbox's suggestion after it.
    pub fn hint(self, hint: Option<String>) -> CliError {
        CliError { hint, ..self }
    }

    /// What the CLI writes on standard error for it.
    pub fn stderr(&self) -> String {
        // The CLI strips what it prints after its prefix, except argparse's message, which
        // comes with the usage after it (and so keeps its own trailing newline).
        let message = match self.kind {
            // AWS's message is one line, whatever the values it echoes hold.
            Kind::Service => cut_line(self.message.trim_start()),
            _ => self
                .message
                .trim_start()
                .split('\n')
                .map(cut_line)
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let trimmed = message.trim_end();
        let mut out = match self.kind {
            Kind::Usage => format!("\n{PREFIX} {PARAM} {message}\n\n{USAGE}"),
            Kind::Param => format!("\n{PREFIX} {PARAM} {trimmed}\n"),
            Kind::Config(code) => format!("\n{PREFIX} An error occurred ({code}): {trimmed}\n"),
            Kind::Unknown => format!("\n{USAGE}\n\n{PREFIX} {trimmed}\n"),
            Kind::Service | Kind::General => format!("\n{PREFIX} {trimmed}\n"),
            Kind::Printed(_) => message.lines().map(|l| format!("{l}\n")).collect(),
        };
        if let Some(h) = &self.hint {
            out.push_str(h);
            out.push('\n');
        }
        out
    }

    /// The whole output: standard output, standard error and the exit status.
    pub fn output(&self) -> Output {
        Output {
            stdout: self.stdout.clone(),
            stderr: self.stderr(),
            code: self.kind.exit(),
        }
    }
}

/// argparse's refusal of `value` for `argument` (`command`, `operation`, `--output`, …): the
/// choices as close as the CLI's `difflib.get_close_matches(value, choices, cutoff=0.8)`
/// finds are listed under `Maybe you meant:`.
pub fn invalid_choice<'a>(
    argument: &str,
    value: &str,
    choices: impl IntoIterator<Item = &'a str>,
) -> CliError {
    let value = printable::excerpt(value, 60);
    let mut message = format!("argument {argument}: Found invalid choice '{value}'\n");
    let near = close_matches(&value, choices);
    if !near.is_empty() {
        message.push_str("\nMaybe you meant:\n");
        for n in near {
            message.push_str(&format!("\n  * {n}"));
        }
    }
    CliError::new(Kind::Usage, message)
}

/// The choices Python's `difflib.get_close_matches(word, choices, n=3, cutoff=0.8)` returns,
/// best first: at most three whose similarity ratio with `word` is at least 0.8, ties broken
/// by the greater string, as Python's `heapq.nlargest` breaks them.
pub fn close_matches<'a>(word: &str, choices: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let w: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &str)> = choices
        .into_iter()
        .filter_map(|c| {
            let x: Vec<char> = c.chars().collect();
            let total = w.len() + x.len();
            if total == 0 {
                return None;
            }
            // `SequenceMatcher(None, x, word)`: the candidate is the first sequence.
            #[allow(clippy::cast_precision_loss, reason = "command names are short")]
            let ratio = 2.0 * matched(&x, &w) as f64 / total as f64;
            (ratio >= 0.8).then_some((ratio, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(a.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// How many characters `SequenceMatcher(None, a, b)` matches: the longest common block (the
/// earliest in `a`, then in `b`, among the longest), then the same on each side of it.
fn matched(a: &[char], b: &[char]) -> usize {
    let mut total = 0;
    let mut todo = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = todo.pop() {
        let (i, j, k) = longest(a, b, alo, ahi, blo, bhi);
        if k == 0 {
            continue;
        }
        total += k;
        if alo < i && blo < j {
            todo.push((alo, i, blo, j));
        }
        if i + k < ahi && j + k < bhi {
            todo.push((i + k, ahi, j + k, bhi));
        }
    }
    total
}

/// The longest block `a[i..i+k] == b[j..j+k]` within the bounds (difflib's
/// `find_longest_match` without junk, which the CLI does not use).
fn longest(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut bi, mut bj, mut bk) = (alo, blo, 0);
    // run[j] is the length of the common block ending at a[i-1], b[j].
    let mut run = vec![0usize; bhi.saturating_sub(blo) + 1];
    for i in alo..ahi {
        let mut next = vec![0usize; run.len()];
        for j in blo..bhi {
            if a.get(i) == b.get(j) {
                let k = if j > blo {
                    run.get(j - blo - 1).copied().unwrap_or(0) + 1
                } else {
                    1
                };
                if let Some(slot) = next.get_mut(j - blo) {
                    *slot = k;
                }
                if k > bk {
                    (bi, bj, bk) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        run = next;
    }
    (bi, bj, bk)
}

/// An echoed line cut to [`MAX_ECHO`] characters and made safe for one line (AWS echoes the
/// values it refuses; a pathologically long one is cut, see `printable::excerpt`). EC2's
/// encoded authorization message is kept whole: it is the input of
/// `sts decode-authorization-message`, and the sandbox made it, not the learner.
fn cut_line(line: &str) -> String {
    match line.split_once(ENCODED_MESSAGE) {
        Some((head, token)) => format!(
            "{}{ENCODED_MESSAGE}{}",
            printable::excerpt(head, MAX_ECHO),
            printable::excerpt(token, MAX_ENCODED)
        ),
        None => printable::excerpt(line, MAX_ECHO),
    }
}

/// What precedes the encoded message of an EC2 denial.
const ENCODED_MESSAGE: &str = "Encoded authorization failure message: ";

/// The longest encoded authorization message printed whole.
const MAX_ENCODED: usize = 64 * 1024;
