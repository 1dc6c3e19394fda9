//! The AWS-CLI-like command layer: a line such as
//! `aws iam create-user --user-name alice --output json` is split as a shell would, checked
//! against the command table (with "did you mean" for unknown commands and flags), run
//! against the account as the current profile's identity, recorded in CloudTrail, and printed
//! as the AWS CLI prints it (`--output json|text|table`, `--query` with JMESPath).
//!
//! What imitates the AWS CLI stays the AWS CLI's English in every language; the sandbox's own
//! messages (its commands, its limits, the hints it adds) are in [`Sandbox::lang`], from the
//! catalog's `crate::msg::sandbox` area.

pub mod args;
pub mod cli_error;
mod help;
mod pyjson;
mod shorthand;
mod validate;
mod whoami;

pub use whoami::Who;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::authz::{Caller, Identity};
use super::error::AwsError;
use super::output::{Format, Style, render};
use super::{Account, billing, ec2, guardduty, iam, s3, sts, trail};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;
use crate::printable;
use crate::suggest::nearest;
use cli_error::{CliError, Kind as ErrKind};

/// The kind of value a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One string.
    Str,
    /// A whole number.
    Int,
    /// A flag: `--x` / `--no-x`.
    Bool,
    /// One or more strings.
    List,
    /// A document: JSON text or `file://NAME` from the scenario's files.
    Doc,
    /// A word without a flag, e.g. the path of `aws s3 ls s3://bucket`.
    Positional,
}

/// One parameter of a command.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The flag without dashes, e.g. `user-name`.
    pub name: &'static str,
    /// What it takes.
    pub kind: Kind,
    /// Whether it must be given.
    pub required: bool,
}

/// Shorthand for a required parameter.
pub const fn req(name: &'static str, kind: Kind) -> Param {
    Param {
        name,
        kind,
        required: true,
    }
}

/// Shorthand for an optional parameter.
pub const fn opt(name: &'static str, kind: Kind) -> Param {
    Param {
        name,
        kind,
        required: false,
    }
}

/// The handler of a command.
pub type Handler = fn(&mut Call<'_>, &Args) -> Result<Value, AwsError>;

/// One command of the table.
#[derive(Clone, Copy)]
pub struct Spec {
    /// `iam`, `sts`, `s3api`, ….
    pub service: &'static str,
    /// `create-user`.
    pub name: &'static str,
    /// `CreateUser`.
    pub operation: &'static str,
    /// The parameters.
    pub params: &'static [Param],
    /// What runs it.
    pub run: Handler,
}

/// What `help` says in the sandbox console, in `lang`: how commands are typed, the sandbox's
/// own commands and the services (their operations are listed by `aws SERVICE` alone).
pub fn help_text(lang: Lang) -> String {
    let mut services: Vec<&str> = commands().iter().map(|c| c.service).collect();
    services.dedup();
    services.push("configure");
    let sep = Say::ConsoleHelpSep.text(lang);
    Say::ConsoleHelp.fill(lang, &[("services", &services.join(sep))])
}

/// Every command the sandbox knows.
pub fn commands() -> Vec<Spec> {
    let mut v = Vec::new();
    v.extend_from_slice(iam::COMMANDS);
    v.extend_from_slice(super::gaad::COMMANDS);
    v.extend_from_slice(sts::COMMANDS);
    v.extend_from_slice(s3::COMMANDS);
    v.extend_from_slice(trail::COMMANDS);
    v.extend_from_slice(ec2::COMMANDS);
    v.extend_from_slice(billing::COMMANDS);
    v.extend_from_slice(guardduty::COMMANDS);
    v
}

/// The parsed parameters of one call.
#[derive(Debug, Clone, Default)]
pub struct Args {
    values: BTreeMap<String, Vec<String>>,
    input: Map<String, Value>,
}

impl Args {
    /// For a command of AWS's model: the request as the CLI sends it, by member name
    /// (`{"UserName": "alice", "Tags": [{"Key": …, "Value": …}]}`), whichever way it was
    /// written (flags, shorthand, JSON, `--cli-input-json`).
    pub fn input(&self) -> &Map<String, Value> {
        &self.input
    }

    /// One member of [`Args::input`].
    pub fn member(&self, name: &str) -> Option<&Value> {
        self.input.get(name)
    }

    /// A string parameter (required ones are checked before the handler runs).
    pub fn s(&self, name: &str) -> &str {
        self.opt(name).unwrap_or("")
    }

    /// An optional string parameter.
    pub fn opt(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// A list parameter.
    pub fn list(&self, name: &str) -> &[String] {
        self.values.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A flag.
    pub fn flag(&self, name: &str) -> Option<bool> {
        self.opt(name).map(|v| v == "true")
    }

    /// A whole number.
    pub fn int(&self, name: &str) -> Option<i64> {
        self.opt(name).and_then(|v| v.parse().ok())
    }

    /// The parameters as CloudTrail's `requestParameters` (camelCase names; documents and
    /// secrets left out).
    pub fn request_parameters(&self) -> serde_json::Value {
        let mut m = Map::new();
        for (k, v) in &self.values {
            if k.contains("document")
                || k.contains("password")
                || k == "policy"
                || k == "body"
                || k == "user-data"
            {
                continue;
            }
            let mut camel = String::new();
            let mut up = false;
            for ch in k.chars() {
                if ch == '-' {
                    up = true;
                } else if up {
                    camel.extend(ch.to_uppercase());
                    up = false;
                } else {
                    camel.push(ch);
                }
            }
            let val = match v.as_slice() {
                [one] => Value::String(one.clone()),
                _ => Value::Array(v.iter().cloned().map(Value::String).collect()),
            };
            m.insert(camel, val);
        }
        Value::Object(m)
    }
}

/// What one call runs with: the account, who calls, and the operation's name.
pub struct Call<'a> {
    /// The account.
    pub account: &'a mut Account,
    /// The sandbox's local files (what `file://NAME` reads, and `aws s3 cp` uploads and
    /// downloads).
    pub files: &'a mut BTreeMap<String, String>,
    /// The caller.
    pub caller: Caller,
    /// e.g. `CreateUser`.
    pub operation: &'static str,
}

impl Call<'_> {
    /// Authorizes the call for `action` on `resource`.
    pub fn allow(
        &self,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
    ) -> Result<(), AwsError> {
        self.account
            .authorize(&self.caller, self.operation, action, resource, extra, None)
            .map(|_| ())
    }

    /// An error for this operation.
    pub fn err(&self, code: &str, message: impl Into<String>) -> AwsError {
        AwsError::new(self.operation, code, message)
    }

    /// The error `code` for a policy document the parser refused.
    pub fn refused(&self, code: &str, error: crate::policy::PolicyError) -> AwsError {
        AwsError::refused(self.operation, code, error)
    }
}

/// The credentials of a CLI profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creds {
    /// The account's root user, signed in to the console (the sandbox's starting identity).
    RootConsole,
    /// An access key pair.
    Keys {
        /// Access key id.
        access_key_id: String,
        /// Secret.
        secret: String,
    },
}

/// A named CLI profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Credentials, if set.
    pub creds: Option<Creds>,
    /// Region, if set.
    pub region: Option<String>,
}

/// What one command line printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The AWS CLI's exit status: 0 ok, 252 usage error, 254 service error.
    pub code: i32,
}

/// A sandbox: an account plus the CLI's configuration (profiles, region, the caller's IP).
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The account.
    pub account: Account,
    /// Profiles by name.
    pub profiles: BTreeMap<String, Profile>,
    /// The profile used when `--profile` is not given.
    pub profile: String,
    /// The caller's public IP address.
    pub source_ip: String,
    /// Files that `file://NAME` can read.
    pub files: BTreeMap<String, String>,
    /// Shell variables set with `NAME=$(aws …)` and used as `$NAME`.
    pub vars: BTreeMap<String, String>,
    /// Scripted events still to come, in time order.
    pub events: Vec<super::scenario::ScheduledEvent>,
    /// The last access denial, for `explain`.
    pub last_denial: Option<Box<super::error::DecisionTrace>>,
    /// The parser's error for the last refused policy document, for `explain` (cleared by a
    /// later denial, which `explain` shows instead).
    pub last_refusal: Option<Box<crate::policy::PolicyError>>,
    /// The learner's language, for the sandbox's own messages (`explain`, `wait`, `cat`, its
    /// limits, the hints it adds: `crate::msg::sandbox`); what the AWS CLI prints stays AWS's
    /// English.
    pub lang: Lang,
    /// The width of the terminal answers are printed in, for `--output table`, which turns
    /// one-row sections into key/value rows where they would be wider (80, as the AWS CLI
    /// assumes when it writes to a pipe).
    pub terminal_width: usize,
}

/// The longest command line the sandbox reads, in bytes (before and after expansion).
pub const MAX_LINE: usize = 64 * 1024;
/// The largest value a shell variable holds, in bytes.
pub const MAX_VALUE: usize = 32 * 1024;
/// The most all shell variables hold together, in bytes.
pub const MAX_VARIABLES: usize = 1024 * 1024;
/// How deep `$(…)` may nest.
pub const MAX_NESTING: usize = 4;
/// The longest `--query`, in bytes.
pub const MAX_QUERY: usize = 2048;
/// How deep a `--query` may nest (see `query_nesting`).
pub const MAX_QUERY_NESTING: usize = 64;

/// How the AWS CLI starts the error of a parameter it cannot load (`file://x.json` that is not
/// there): `Error parsing parameter '--policy-document': Unable to load paramfile
/// file://x.json: [Errno 2] No such file or directory: 'x.json'`, exit status 252.
const PARAMFILE_ERROR: &str = "Error parsing parameter";

impl Sandbox {
    /// A sandbox over `account`, acting as the root user.
    pub fn new(account: Account) -> Sandbox {
        let mut profiles = BTreeMap::new();
        profiles.insert(
            "default".to_string(),
            Profile {
                creds: Some(Creds::RootConsole),
                region: Some("us-east-1".into()),
            },
        );
        Sandbox {
            account,
            profiles,
            profile: "default".into(),
            source_ip: "203.0.113.10".into(),
            files: BTreeMap::new(),
            vars: BTreeMap::new(),
            events: Vec::new(),
            last_denial: None,
            last_refusal: None,
            lang: Lang::En,
            terminal_width: 80,
        }
    }

    /// Runs one command line. Besides AWS CLI commands it understands the two bits of shell
    /// that real workflows lean on: `NAME=$(aws … --query … --output text)` stores a command's
    /// output, and `$NAME` (or `${NAME}`) uses it. Lines, variables, `$(…)` nesting and
    /// `--query` are bounded ([`MAX_LINE`], [`MAX_VALUE`], [`MAX_VARIABLES`], [`MAX_NESTING`],
    /// [`MAX_QUERY`]), so no pasted line can exhaust memory or the stack.
    pub fn run(&mut self, line: &str) -> Output {
        self.run_nested(line, 0)
    }

    /// [`Sandbox::run`] for a line `depth` command substitutions deep.
    fn run_nested(&mut self, line: &str, depth: usize) -> Output {
        let line = line.trim();
        if line.len() > MAX_LINE {
            return shell_error(
                Say::LineTooLong.fill(self.lang, &[("len", &line.len()), ("max", &MAX_LINE)]),
            );
        }
        // Variables and `$(…)` are expanded in one pass from left to right, and what they
        // expand to is not read again, as a shell does: output holding `$(…)` stays text.
        let line = match self.expand(line, depth) {
            Ok(l) => l,
            Err(out) => return out,
        };
        // One pipe the sandbox knows: `… | base64 -d` decodes what the command printed
        // (the credential report comes base64-encoded, as from AWS).
        for suffix in ["| base64 -d", "| base64 --decode", "|base64 -d"] {
            if let Some(left) = line.strip_suffix(suffix) {
                let out = self.run_nested(left.trim(), depth);
                if out.code != 0 {
                    return out;
                }
                use base64::Engine as _;
                return match base64::engine::general_purpose::STANDARD.decode(out.stdout.trim()) {
                    Ok(bytes) => Output {
                        stdout: String::from_utf8_lossy(&bytes).into_owned(),
                        ..Output::default()
                    },
                    Err(e) => Output {
                        stderr: format!("base64: invalid input: {e}\n"),
                        code: 1,
                        ..Output::default()
                    },
                };
            }
        }
        if let Some((name, value)) = assignment(&line) {
            let value = value.trim_matches('"');
            return match self.set_var(name, value) {
                Ok(()) => Output::default(),
                Err(out) => out,
            };
        }
        // `read -r ID SECRET <<< "$(aws … --output text)"`: the words of a here-string into
        // variables, the last one taking the rest, as bash does (how a script keeps both
        // halves of a new access key from one call).
        if let Some(words) = shlex::split(&line)
            && words.first().map(String::as_str) == Some("read")
            && let Some(here) = words.iter().position(|w| w == "<<<")
        {
            let names: Vec<&String> = words
                .get(1..here)
                .unwrap_or_default()
                .iter()
                .filter(|w| !w.starts_with('-'))
                .collect();
            let text = words.get(here + 1..).unwrap_or_default().join(" ");
            let mut rest = text.trim_start();
            for (i, name) in names.iter().enumerate() {
                if !valid_var_name(name) {
                    return shell_error(format!("read: `{name}': not a valid identifier"));
                }
                let value = if i + 1 == names.len() {
                    std::mem::take(&mut rest).trim_end()
                } else {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let (word, after) = rest.split_at(end);
                    rest = after.trim_start();
                    word
                };
                if let Err(out) = self.set_var(name, value) {
                    return out;
                }
            }
            return Output::default();
        }
        if let Some(out) = self.builtin(&line) {
            return out;
        }
        match self.run_inner(&line) {
            Ok(out) => out,
            Err(out) => out,
        }
    }

    /// Sets the shell variable `name`, within the sandbox's bounds on one value and on all.
    fn set_var(&mut self, name: &str, value: &str) -> Result<(), Output> {
        let others: usize = self
            .vars
            .iter()
            .filter(|(n, _)| n.as_str() != name)
            .map(|(n, v)| n.len() + v.len())
            .sum();
        if value.len() > MAX_VALUE {
            return Err(shell_error(Say::ValueTooLong.fill(
                self.lang,
                &[("name", &name), ("len", &value.len()), ("max", &MAX_VALUE)],
            )));
        }
        if others + name.len() + value.len() > MAX_VARIABLES {
            return Err(shell_error(
                Say::VariablesTooLarge.fill(self.lang, &[("name", &name), ("max", &MAX_VARIABLES)]),
            ));
        }
        self.vars.insert(name.to_string(), value.to_string());
        Ok(())
    }

    /// The sandbox's own commands, beside the AWS CLI: `help` lists the commands,
    /// `wait 6h` lets simulated time pass,
    /// `date` shows it, `inbox` shows the e-mails AWS sent (budgets, alarms), `ls` and
    /// `cat NAME` show the files that `file://NAME` reads, and
    /// `curl http://169.254.169.254/latest/meta-data/iam/security-credentials/[ROLE] --instance ID`
    /// asks the metadata service as a program on that instance would.
    fn builtin(&mut self, line: &str) -> Option<Output> {
        let words = shlex::split(line)?;
        let ok = |s: String| Output {
            stdout: s,
            ..Output::default()
        };
        let fail = |s: String| Output {
            stderr: format!("{s}\n"),
            code: 1,
            ..Output::default()
        };
        let lang = self.lang;
        match words.first().map(String::as_str)? {
            "wait" => Some(match words.get(1).and_then(|d| parse_duration(d)) {
                Some(d) => {
                    let until = self.account.now.checked_add(d).unwrap_or(self.account.now);
                    self.advance_to(until);
                    let time = self.account.now.strftime("%Y-%m-%d %H:%M:%S UTC");
                    ok(format!("{}\n", Say::TimeNow.fill(lang, &[("time", &time)])))
                }
                None => fail(Say::WaitUsage.text(lang).into()),
            }),
            "explain" => Some(match (&self.last_refusal, &self.last_denial) {
                (Some(r), _) => ok(format!(
                    "{}\n",
                    Say::PolicyRefused.fill(lang, &[("error", &r.said().render(lang))])
                )),
                (None, Some(x)) => ok(x.render(lang)),
                (None, None) => ok(format!("{}\n", Say::NothingDenied.text(lang))),
            }),
            // The files that `file://NAME` can read: `ls` lists them, `cat NAME` prints one.
            "ls" => Some(ok(if self.files.is_empty() {
                format!("{}\n", Say::NoFiles.text(lang))
            } else {
                self.files.keys().map(|k| format!("{k}\n")).collect()
            })),
            "cat" => Some(match words.get(1) {
                None => fail(Say::CatUsage.text(lang).into()),
                Some(name) => {
                    let name = name.strip_prefix("file://").unwrap_or(name);
                    match self.files.get(name) {
                        Some(text) if text.ends_with('\n') => ok(text.clone()),
                        Some(text) => ok(format!("{text}\n")),
                        None => fail(format!(
                            "cat: {}",
                            match nearest(name, self.files.keys().map(String::as_str)) {
                                Some(n) => Say::CatNoSuchFileNear
                                    .fill(lang, &[("name", &name), ("nearest", &n)]),
                                None => Say::CatNoSuchFile.fill(lang, &[("name", &name)]),
                            }
                        )),
                    }
                }
            }),
            "help" => Some(ok(help_text(lang))),
            "date" => Some(ok(format!(
                "{}\n",
                self.account.now.strftime("%Y-%m-%d %H:%M:%S UTC")
            ))),
            "inbox" => Some(ok(if self.account.billing.inbox.is_empty() {
                format!("{}\n", Say::NoMessages.text(lang))
            } else {
                self.account
                    .billing
                    .inbox
                    .iter()
                    .map(|m| {
                        Say::InboxMessage.fill(
                            lang,
                            &[
                                ("time", &m.time.strftime("%Y-%m-%d %H:%M")),
                                ("subject", &m.subject),
                                ("from", &m.from),
                                ("body", &m.body),
                            ],
                        )
                    })
                    .collect()
            })),
            "curl" => Some(self.curl(words.get(1..).unwrap_or_default())),
            _ => None,
        }
    }

    /// `curl` to the instance metadata service, as a program on the instance given by
    /// `--instance ID` would: `-X`/`--request` sets the method, `-H`/`--header` adds a header,
    /// `-f`/`--fail` turns an HTTP error into curl's exit status 22 (other flags such as `-s`
    /// change nothing here). Only `http://169.254.169.254/…` answers.
    fn curl(&mut self, args: &[String]) -> Output {
        use super::ec2::imds::{self, Reply};
        let lang = self.lang;
        let (mut method, mut headers, mut fail, mut url, mut inst) =
            ("GET".to_string(), Vec::new(), false, None, None);
        let mut it = args.iter();
        while let Some(w) = it.next() {
            match w.as_str() {
                "-X" | "--request" => method = it.next().cloned().unwrap_or_default(),
                "-H" | "--header" => {
                    if let Some((n, v)) = it.next().and_then(|h| h.split_once(':')) {
                        headers.push((n.trim().to_string(), v.trim().to_string()));
                    }
                }
                "--instance" => inst = it.next().cloned(),
                "--fail" => fail = true,
                f if f.starts_with('-') && !f.starts_with("--") => fail |= f.contains('f'),
                u if u.starts_with("http") => url = Some(u.to_string()),
                _ => {}
            }
        }
        let out = |s: String, code: i32| Output {
            stdout: if code == 0 { s.clone() } else { String::new() },
            stderr: if code == 0 { String::new() } else { s },
            code,
        };
        let Some(path) = url
            .as_deref()
            .and_then(|u| u.strip_prefix("http://169.254.169.254"))
        else {
            return out(format!("curl: {}\n", Say::CurlOnlyMetadata.text(lang)), 7);
        };
        let Some(inst) = inst else {
            return out(format!("curl: {}\n", Say::CurlWhichInstance.text(lang)), 1);
        };
        let request = imds::Request {
            method: &method.to_ascii_uppercase(),
            path,
            headers: &headers,
        };
        match imds::serve(&mut self.account, &inst, &request) {
            Reply::Text(s) => out(format!("{s}\n"), 0),
            Reply::Json(v) => out(render(&v, Style::JSON), 0),
            Reply::Status(code) if fail => out(
                format!("curl: (22) The requested URL returned error: {code}\n"),
                22,
            ),
            Reply::Status(code) => {
                let hint = match code {
                    401 => Say::Imds401.text(lang),
                    403 => Say::Imds403.text(lang),
                    400 => Say::Imds400.text(lang),
                    _ => "",
                };
                Output {
                    stdout: imds::status_page(code),
                    stderr: if hint.is_empty() {
                        String::new()
                    } else {
                        format!("curl: {hint}\n")
                    },
                    code: 0,
                }
            }
            Reply::Sandbox(e) => out(format!("curl: {}\n", e.text(lang)), 1),
        }
    }

    /// Expands `$(…)`, `$NAME` and `${NAME}` in one pass from left to right, as a shell does:
    /// nothing inside single quotes, and what an expansion gives is never expanded again. An
    /// unknown `$NAME` stays as typed. `depth` is how many substitutions deep this line is.
    fn expand(&mut self, line: &str, depth: usize) -> Result<String, Output> {
        if !line.contains('$') {
            return Ok(line.to_string());
        }
        let mut out = String::with_capacity(line.len());
        let mut single = false;
        let mut double = false;
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            let after = rest.get(c.len_utf8()..).unwrap_or("");
            match c {
                '\'' if !double => single = !single,
                '"' if !single => double = !double,
                '$' if !single => {
                    if let Some(body) = after.strip_prefix('(') {
                        let Some(len) = closing_paren(body) else {
                            return Err(shell_error(
                                Say::SubstitutionUnclosed.text(self.lang).into(),
                            ));
                        };
                        if depth >= MAX_NESTING {
                            return Err(shell_error(
                                Say::SubstitutionTooDeep.fill(self.lang, &[("max", &MAX_NESTING)]),
                            ));
                        }
                        let inner = body.get(..len).unwrap_or("");
                        let result = self.run_nested(inner, depth + 1);
                        if result.code != 0 {
                            return Err(result);
                        }
                        out.push_str(result.stdout.trim());
                        rest = body.get(len + 1..).unwrap_or("");
                    } else if let Some(body) = after.strip_prefix('{')
                        && let Some(end) = body.find('}')
                        && let Some(v) = body.get(..end).and_then(|n| self.vars.get(n))
                    {
                        out.push_str(v);
                        rest = body.get(end + 1..).unwrap_or("");
                    } else {
                        let len = after
                            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .unwrap_or(after.len());
                        match after.get(..len).and_then(|n| self.vars.get(n)) {
                            Some(v) => {
                                out.push_str(v);
                                rest = after.get(len..).unwrap_or("");
                            }
                            None => {
                                out.push('$');
                                rest = after;
                            }
                        }
                    }
                    if out.len() > MAX_LINE {
                        return Err(shell_error(
                            Say::ExpandedTooLong.fill(self.lang, &[("max", &MAX_LINE)]),
                        ));
                    }
                    continue;
                }
                _ => {}
            }
            out.push(c);
            rest = after;
        }
        Ok(out)
    }

    fn run_inner(&mut self, line: &str) -> Result<Output, Output> {
        let Some(mut words) = shlex::split(line) else {
            // The sandbox's shell, not the CLI, reads the quotes.
            return Err(shell_error(Say::UnclosedQuote.text(self.lang).into()));
        };
        if words.first().map(String::as_str) == Some("aws") {
            words.remove(0);
        }
        if words.is_empty() {
            return Ok(Output::default());
        }
        // Global options may stand anywhere.
        let mut output = "json".to_string();
        let mut query: Option<String> = None;
        let mut profile = self.profile.clone();
        let mut region: Option<String> = None;
        let mut rest = Vec::with_capacity(words.len());
        let mut it = words.into_iter();
        while let Some(w) = it.next() {
            let (flag, inline) = match w.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (w.clone(), None),
            };
            let global = matches!(
                flag.as_str(),
                "--output" | "--query" | "--profile" | "--region"
            );
            if !global {
                if !matches!(flag.as_str(), "--no-cli-pager" | "--no-paginate") {
                    rest.push(w);
                }
                continue;
            }
            let Some(v) = inline.or_else(|| it.next()) else {
                return Err(usage(format!("argument {flag}: expected one argument")).output());
            };
            match flag.as_str() {
                "--output" => output = v,
                "--query" => query = Some(v),
                "--profile" => profile = v,
                _ => region = Some(v),
            }
        }
        let Some(format) = Format::parse(&output) else {
            return Err(cli_error::invalid_choice("--output", &output, OUTPUT_CHOICES).output());
        };
        // The query is compiled before the call, as the AWS CLI does: a bad one changes nothing.
        let query = match &query {
            Some(q) => Some(compile_query(q, self.lang).map_err(|m| {
                CliError::new(
                    ErrKind::Param,
                    format!("Bad value for --query {}: {m}", printable::excerpt(q, 80)),
                )
                .output()
            })?),
            None => None,
        };
        let service = rest.first().cloned().unwrap_or_default();
        if service == "configure" {
            return self
                .configure(
                    rest.get(1..).unwrap_or_default(),
                    &profile,
                    profile != self.profile || profile != "default",
                )
                .map_err(|m| usage(m).output());
        }
        let table = commands();
        let services: Vec<&str> = {
            let mut s: Vec<&str> = table.iter().map(|c| c.service).collect();
            s.push("configure");
            s.sort();
            s.dedup();
            s
        };
        // Where the CLI opens a manual page, the sandbox says what it has (help.rs).
        if help::asks_help(&rest) {
            return Ok(self.help_page(rest.get(..rest.len() - 1).unwrap_or_default()));
        }
        if service.is_empty() {
            return Err(usage("the following arguments are required: command".into()).output());
        }
        if !services.contains(&service.as_str()) {
            let e = cli_error::invalid_choice("command", &service, services.iter().copied());
            // The sandbox's addition, where the CLI names nothing near.
            let hint = nearest(&service, services.iter().copied())
                .filter(|_| !e.message.contains("Maybe you meant"))
                .map(|s| Say::AwsDidYouMean.fill(self.lang, &[("name", &s)]));
            return Err(e.hint(hint).output());
        }
        let name = rest.get(1).cloned().unwrap_or_default();
        if name.is_empty() {
            return Err(usage("the following arguments are required: operation".into()).output());
        }
        let in_service: Vec<&Spec> = table.iter().filter(|c| c.service == service).collect();
        let Some(spec) = in_service.iter().find(|c| c.name == name).copied().copied() else {
            let names: Vec<&str> = in_service.iter().map(|c| c.name).collect();
            // The CLI's choices are every operation of the service, simulated or not.
            let others: Vec<String> = super::service_model::models()
                .ok()
                .and_then(|m| m.service(&service))
                .map(|svc| {
                    svc.other_operations
                        .iter()
                        .map(|o| super::service_model::xform_name(o))
                        .collect()
                })
                .unwrap_or_default();
            // A real operation the sandbox does not simulate is no error of the CLI's: the
            // sandbox says so itself.
            if let Some(said) = self.not_simulated(&service, &name, &names) {
                return Err(shell_error(said));
            }
            let choices = names
                .iter()
                .copied()
                .chain(others.iter().map(String::as_str));
            let e = cli_error::invalid_choice("operation", &name, choices);
            let hint = nearest(&name, names.iter().copied())
                .filter(|_| !e.message.contains("Maybe you meant"))
                .map(|s| {
                    Say::AwsDidYouMean.fill(self.lang, &[("name", &format!("aws {service} {s}"))])
                });
            return Err(e.hint(hint).output());
        };
        let words = rest.get(2..).unwrap_or_default();
        let model = model_of(&spec);
        let (args, paging) = match model {
            Some((svc, op)) => {
                let parsed = self
                    .parse_model_args(svc, op, words)
                    .map_err(|e| e.output())?;
                if let Some(kind) = parsed.skeleton {
                    return Ok(skeleton_output(svc, op, kind));
                }
                (parsed.args, Some((op, parsed.paging)))
            }
            None => (self.parse_args(&spec, words).map_err(|e| e.output())?, None),
        };
        let prof = self.profiles.get(&profile).cloned().ok_or_else(|| {
            CliError::new(
                ErrKind::General,
                format!(
                    "The config profile ({}) could not be found",
                    printable::excerpt(&profile, 60)
                ),
            )
            .output()
        })?;
        let region = region
            .or(prof.region.clone())
            .unwrap_or_else(|| "us-east-1".to_string());
        let caller = match &prof.creds {
            None => {
                return Err(CliError::new(
                    ErrKind::Config("NoCredentials"),
                    "Unable to locate credentials. You can configure credentials by running \"aws login\".",
                )
                .output());
            }
            Some(Creds::RootConsole) => Caller {
                identity: Identity::Root,
                access_key_id: None,
                session_key: None,
                mfa: Some(self.account.root.mfa_enabled),
                token_issued: None,
                source_ip: self.source_ip.clone(),
                region: region.clone(),
            },
            // Half a key pair is not credentials: the CLI stops before sending anything.
            Some(Creds::Keys {
                access_key_id,
                secret,
            }) if access_key_id.is_empty() || secret.is_empty() => {
                let missing = if access_key_id.is_empty() {
                    "aws_access_key_id"
                } else {
                    "aws_secret_access_key"
                };
                // Not a NoCredentialsError: the CLI's general error.
                return Err(CliError::new(
                    ErrKind::General,
                    format!(
                        "Partial credentials found in shared-credentials-file, missing: {missing}"
                    ),
                )
                .output());
            }
            Some(Creds::Keys {
                access_key_id,
                secret,
            }) => self
                .account
                .caller_for_key_pair(
                    spec.operation,
                    access_key_id,
                    secret,
                    &self.source_ip,
                    &region,
                )
                .map_err(|e| service_error(&e).output())?,
        };
        // The service checks the request's constraints before anything else (IAM and STS
        // here: the services whose `ValidationError` wording this follows).
        if let Some((svc, op)) = model
            && matches!(svc.cli_name.as_str(), "iam" | "sts")
            && let Some(shape) = op.input
        {
            let broken = validate::server(svc, shape, &Value::Object(args.input().clone()));
            if !broken.is_empty() {
                let n = broken.len();
                let e = AwsError::new(
                    spec.operation,
                    "ValidationError",
                    format!(
                        "{n} validation error{} detected: {}",
                        if n == 1 { "" } else { "s" },
                        broken.join("; ")
                    ),
                );
                return Err(service_error(&e).output());
            }
        }
        // Each call takes a second of simulated time, so that events have an order.
        self.account.advance(jiff::SignedDuration::from_secs(1));
        let mut call = Call {
            account: &mut self.account,
            files: &mut self.files,
            caller: caller.clone(),
            operation: spec.operation,
        };
        let result = (spec.run)(&mut call, &args);
        // A high-level command (`aws s3 cp`) is recorded under the API operation it made last,
        // which its handler names in `call.operation`.
        let recorded = Spec {
            operation: call.operation,
            ..spec
        };
        // What the CLI refuses itself (a waiter name it does not have, a local path that is
        // not there) never reaches AWS: no event, no use of the key.
        let reached = match &result {
            Err(AwsError {
                said: Some(said), ..
            }) => said.reached_aws(),
            _ => true,
        };
        if reached {
            trail::record(
                &mut self.account,
                &caller,
                &recorded,
                &args,
                result.as_ref().err(),
            );
            self.account.note_key_use(&caller, spec.service);
        }
        if let Err(e) = &result {
            if let Some(x) = &e.denial {
                self.last_denial = Some(x.clone());
                self.last_refusal = None;
            }
            if let Some(r) = &e.refusal {
                self.last_refusal = Some(r.clone());
            }
        }
        let value = result.map_err(|e| {
            // AWS's message names the mistake, not its place: say where to find that.
            let hint = e
                .refusal
                .as_ref()
                .map(|_| Say::RefusedExplainHint.text(self.lang).to_string());
            service_error(&e).hint(hint).output()
        })?;
        if value.is_null() {
            return Ok(Output::default());
        }
        let mut value = match paging {
            Some((op, paging)) => args::page(op, paging, value),
            None => value,
        };
        // `text` prints a cut answer's token after it, as its own section (`NEXTTOKEN\t…`),
        // as the AWS CLI does; `--query` applies to the answer, not to the token (the CLI
        // printed `None` there until https://github.com/aws/aws-cli/pull/10486).
        let resume = match (&paging, format, &mut value) {
            (Some(_), Format::Text, Value::Object(m)) => m.shift_remove("NextToken"),
            _ => None,
        };
        let queried = |v: Value| match &query {
            Some(q) => search_query(q, &v).map_err(|m| {
                CliError::new(ErrKind::General, format!("Bad value for --query: {m}")).output()
            }),
            None => Ok(v),
        };
        let style = Style {
            format,
            operation: spec.operation,
            width: self.terminal_width,
        };
        let code = super::output::exit_status(&value);
        let mut stdout = render(&queried(value)?, style);
        if let Some(token) = resume {
            let part = serde_json::json!({"NextToken": {"NextToken": token}});
            stdout.push_str(&render(&part, style));
        }
        Ok(Output {
            stdout,
            stderr: String::new(),
            code,
        })
    }

    /// For a real operation of a simulated service that the sandbox does not simulate: says
    /// so, with the closest simulated commands, instead of "Invalid choice".
    fn not_simulated(&self, service: &str, name: &str, simulated: &[&str]) -> Option<String> {
        let models = super::service_model::models().ok()?;
        let svc = models.service(service)?;
        let op = svc
            .other_operations
            .iter()
            .find(|o| super::service_model::xform_name(o) == name)?;
        let _ = op;
        // Closest: the most words in common (`list`, `providers`), then the fewest edits.
        let words: Vec<&str> = name.split('-').collect();
        let mut near: Vec<(std::cmp::Reverse<usize>, usize, &str)> = simulated
            .iter()
            .map(|c| {
                let shared = c.split('-').filter(|w| words.contains(w)).count();
                (std::cmp::Reverse(shared), strsim::levenshtein(name, c), *c)
            })
            .collect();
        near.sort();
        let close: Vec<String> = near
            .iter()
            .take(3)
            .map(|(_, _, c)| format!("aws {service} {c}"))
            .collect();
        Some(Say::NotSimulated.fill(
            self.lang,
            &[
                ("command", &format!("aws {service} {name}")),
                ("closest", &close.join(", ")),
            ],
        ))
    }

    fn parse_args(&self, spec: &Spec, words: &[String]) -> Result<Args, CliError> {
        let mut args = Args::default();
        let mut i = 0;
        let flags: Vec<String> = spec
            .params
            .iter()
            .map(|p| format!("--{}", p.name))
            .collect();
        while let Some(w) = words.get(i) {
            let (flag, inline) = match w.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
                _ => (w.as_str(), None),
            };
            let Some(name) = flag.strip_prefix("--") else {
                let free = spec
                    .params
                    .iter()
                    .find(|p| p.kind == Kind::Positional && !args.values.contains_key(p.name));
                match free {
                    Some(p) => {
                        args.values
                            .entry(p.name.to_string())
                            .or_default()
                            .push(w.clone());
                        i += 1;
                        continue;
                    }
                    None => {
                        return Err(CliError::new(
                            ErrKind::Unknown,
                            format!("Unknown options: {}", printable::excerpt(w, 60)),
                        ));
                    }
                }
            };
            let (param, negated) = match spec.params.iter().find(|p| p.name == name) {
                Some(p) => (p, false),
                None => match name.strip_prefix("no-").and_then(|n| {
                    spec.params
                        .iter()
                        .find(|p| p.name == n && p.kind == Kind::Bool)
                }) {
                    Some(p) => (p, true),
                    None => {
                        let hint = nearest(flag, flags.iter().map(String::as_str))
                            .map(|f| Say::AwsDidYouMean.fill(self.lang, &[("name", &f)]));
                        return Err(CliError::new(
                            ErrKind::Unknown,
                            format!("Unknown options: {}", printable::excerpt(flag, 60)),
                        )
                        .hint(hint));
                    }
                },
            };
            i += 1;
            let mut vals = Vec::new();
            match param.kind {
                Kind::Bool => vals.push((!negated).to_string()),
                Kind::List => {
                    if let Some(v) = inline {
                        vals.push(v);
                    }
                    while let Some(v) = words.get(i).filter(|v| !v.starts_with("--")) {
                        vals.push(v.clone());
                        i += 1;
                    }
                }
                _ => {
                    let v = match inline {
                        Some(v) => v,
                        None => {
                            let v = words.get(i).cloned().ok_or_else(|| {
                                usage(format!("argument {flag}: expected one argument"))
                            })?;
                            i += 1;
                            v
                        }
                    };
                    vals.push(match param.kind {
                        Kind::Doc => self.read_doc(flag, &v)?,
                        Kind::Int => {
                            v.parse::<i64>().map_err(|_| {
                                usage(format!("argument {flag}: invalid int value: '{v}'"))
                            })?;
                            v
                        }
                        _ => v,
                    });
                }
            }
            if vals.is_empty() {
                return Err(usage(format!(
                    "argument {flag}: expected at least one argument"
                )));
            }
            args.values
                .entry(param.name.to_string())
                .or_default()
                .extend(vals);
        }
        let missing: Vec<String> = spec
            .params
            .iter()
            .filter(|p| p.required && !args.values.contains_key(p.name))
            .map(|p| format!("--{}", p.name))
            .collect();
        if !missing.is_empty() {
            return Err(usage(format!(
                "the following arguments are required: {}",
                missing.join(", ")
            )));
        }
        Ok(args)
    }

    /// Reads `file://NAME` from the sandbox's files; anything else is the text itself. A
    /// missing file is the AWS CLI's own client-side error (see [`PARAMFILE_ERROR`]), with the
    /// sandbox's "did you mean" after it.
    fn read_doc(&self, flag: &str, v: &str) -> Result<String, CliError> {
        match v.strip_prefix("file://") {
            Some(name) => self.files.get(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = self.files.keys().map(String::as_str).collect();
                let hint = nearest(name, names.iter().copied())
                    .map(|n| Say::ParamfileDidYouMean.fill(self.lang, &[("name", &n)]));
                CliError::new(
                    ErrKind::Param,
                    format!("{PARAMFILE_ERROR} '{flag}': Unable to load paramfile file://{name}: [Errno 2] No such file or directory: '{name}'"),
                )
                .hint(hint)
            }),
            None => Ok(v.to_string()),
        }
    }

    fn configure(
        &mut self,
        words: &[String],
        profile: &str,
        named: bool,
    ) -> Result<Output, String> {
        let lang = self.lang;
        if words.first().map(String::as_str) == Some("get") {
            // `aws configure get NAME` prints the value, or nothing with exit status 1.
            let Some(name) = words.get(1) else {
                return Err(Say::ConfigureUsage.text(lang).into());
            };
            let (prof, key) = match name
                .strip_prefix("profile.")
                .and_then(|r| r.split_once('.'))
            {
                Some((p, k)) => (p.to_string(), k),
                None => (profile.to_string(), name.as_str()),
            };
            let entry = self.profiles.get(&prof);
            let value = entry.and_then(|e| match (key, &e.creds) {
                ("aws_access_key_id", Some(Creds::Keys { access_key_id, .. })) => {
                    Some(access_key_id.clone())
                }
                ("aws_secret_access_key", Some(Creds::Keys { secret, .. })) => Some(secret.clone()),
                ("region", _) => e.region.clone(),
                _ => None,
            });
            return Ok(match value {
                Some(v) if !v.is_empty() => Output {
                    stdout: format!("{v}\n"),
                    ..Output::default()
                },
                _ => Output {
                    code: 1,
                    ..Output::default()
                },
            });
        }
        let entry = self.profiles.entry(profile.to_string()).or_insert(Profile {
            creds: None,
            region: None,
        });
        match words.first().map(String::as_str) {
            Some("set") => {
                let (key, value) = match (words.get(1), words.get(2)) {
                    (Some(k), Some(v)) => (k.as_str(), v.clone()),
                    _ => return Err(Say::ConfigureSetUsage.text(lang).into()),
                };
                let key = key
                    .strip_prefix(&format!("profile.{profile}."))
                    .unwrap_or(key);
                let (id, secret) = match &entry.creds {
                    Some(Creds::Keys {
                        access_key_id,
                        secret,
                    }) => (access_key_id.clone(), secret.clone()),
                    _ => (String::new(), String::new()),
                };
                match key {
                    // Session tokens are not checked by the simulation; keys identify sessions.
                    "aws_session_token" => {}
                    "aws_access_key_id" => {
                        entry.creds = Some(Creds::Keys {
                            access_key_id: value,
                            secret,
                        })
                    }
                    "aws_secret_access_key" => {
                        entry.creds = Some(Creds::Keys {
                            access_key_id: id,
                            secret: value,
                        })
                    }
                    "region" => entry.region = Some(value),
                    other => {
                        let known = [
                            "aws_access_key_id",
                            "aws_secret_access_key",
                            "aws_session_token",
                            "region",
                        ];
                        let hint = nearest(other, known)
                            .map(|k| Say::DidYouMean.fill(lang, &[("name", &k)]))
                            .unwrap_or_default();
                        return Err(Say::ConfigureUnknownSetting
                            .fill(lang, &[("name", &other), ("hint", &hint)]));
                    }
                }
                Ok(Output::default())
            }
            Some("list") => {
                // As `aws configure list` prints it: `%10s %24s %16s    %s` per row, keys
                // masked but for their last four characters.
                let row = |name: &str, value: &str, kind: &str, location: &str| {
                    format!("{name:>10} {value:>24} {kind:>16}    {location}\n")
                };
                let mask = |v: &str| {
                    let n = v.chars().count();
                    let tail: String = v.chars().skip(n.saturating_sub(4)).collect();
                    format!("{}{tail}", "*".repeat(16))
                };
                let mut out = row("Name", "Value", "Type", "Location");
                out.push_str(&row("----", "-----", "----", "--------"));
                out.push_str(&if named {
                    row("profile", profile, "manual", "--profile")
                } else {
                    row("profile", "<not set>", "None", "None")
                });
                match &entry.creds {
                    Some(Creds::Keys {
                        access_key_id,
                        secret,
                    }) => {
                        let method = "shared-credentials-file";
                        for (name, v) in [("access_key", access_key_id), ("secret_key", secret)] {
                            out.push_str(&if v.is_empty() {
                                row(name, "<not set>", "None", "None")
                            } else {
                                row(name, &mask(v), method, "")
                            });
                        }
                    }
                    Some(Creds::RootConsole) => {
                        // The sandbox's own starting identity, not a key pair.
                        out.push_str(&row("access_key", "(root user, console)", "sandbox", ""));
                        out.push_str(&row("secret_key", "(root user, console)", "sandbox", ""));
                    }
                    None => {
                        out.push_str(&row("access_key", "<not set>", "None", "None"));
                        out.push_str(&row("secret_key", "<not set>", "None", "None"));
                    }
                }
                out.push_str(&match &entry.region {
                    Some(r) => row("region", r, "config-file", "~/.aws/config"),
                    None => row("region", "<not set>", "None", "None"),
                });
                Ok(Output {
                    stdout: out,
                    ..Output::default()
                })
            }
            Some("list-profiles") => Ok(Output {
                stdout: self.profiles.keys().map(|k| format!("{k}\n")).collect(),
                ..Output::default()
            }),
            Some("use") => {
                // Our addition: switch the default profile for the rest of the session.
                let name = words.get(1).cloned().unwrap_or_else(|| profile.to_string());
                if !self.profiles.contains_key(&name) {
                    return Err(Say::ConfigureNoProfile.fill(lang, &[("name", &name)]));
                }
                self.profile = name;
                Ok(Output::default())
            }
            _ => Err(Say::ConfigureUsage.text(lang).into()),
        }
    }

    /// Completion candidates for the word being typed at the end of `line`.
    pub fn complete(&self, line: &str) -> Vec<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let ends_with_space = line.ends_with(' ');
        let (done, partial): (&[&str], &str) = match words.split_last() {
            Some((last, rest)) if !ends_with_space => (rest, last),
            _ => (&words[..], ""),
        };
        // `cat NAME`: the prepared files.
        if done.first() == Some(&"cat") {
            let mut v: Vec<String> = self
                .files
                .keys()
                .filter(|k| k.starts_with(partial))
                .cloned()
                .collect();
            v.sort();
            return v;
        }
        let done: Vec<&str> = done.iter().copied().filter(|w| *w != "aws").collect();
        let table = commands();
        let mut cands: Vec<String> = match done.as_slice() {
            [] => {
                let mut s: Vec<String> = table.iter().map(|c| c.service.to_string()).collect();
                s.push("configure".into());
                s
            }
            [svc] => table
                .iter()
                .filter(|c| c.service == *svc)
                .map(|c| c.name.to_string())
                .collect(),
            [svc, cmd, ..] => {
                let last = done.last().copied().unwrap_or("");
                if partial.starts_with("--") || partial.is_empty() && !last.starts_with("--") {
                    table
                        .iter()
                        .find(|c| c.service == *svc && c.name == *cmd)
                        .map(flags_of)
                        .unwrap_or_default()
                } else {
                    self.entity_names(last)
                }
            }
        };
        cands.sort();
        cands.dedup();
        cands.retain(|c| c.starts_with(partial));
        cands
    }

    fn entity_names(&self, flag: &str) -> Vec<String> {
        let a = &self.account;
        match flag {
            "--user-name" => a.users.keys().cloned().collect(),
            "--group-name" => a.groups.keys().cloned().collect(),
            "--role-name" => a.roles.keys().cloned().collect(),
            "--policy-arn" | "--permissions-boundary" => {
                let mut v: Vec<String> = a.policies.keys().cloned().collect();
                v.extend(super::managed::bundled().filter_map(|(n, _)| super::managed::arn_of(n)));
                v
            }
            "--bucket" => a.buckets.keys().cloned().collect(),
            // A document flag takes `file://NAME` of a prepared file.
            f if f.ends_with("-document") || f == "--cli-input-json" => {
                self.files.keys().map(|k| format!("file://{k}")).collect()
            }
            "--access-key-id" => a
                .users
                .values()
                .flat_map(|u| u.access_keys.iter().map(|k| k.id.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Reads `30s`, `15m`, `6h`, `2d`.
pub fn parse_duration(s: &str) -> Option<jiff::SignedDuration> {
    // Parts such as `3h5m` add up; each is a number and one of s, m, h, d.
    let mut total: i64 = 0;
    let mut rest = s.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let cut = rest.find(|c: char| !c.is_ascii_digit())?;
        let (digits, tail) = rest.split_at_checked(cut)?;
        let n: i64 = digits.parse().ok()?;
        let unit = tail.chars().next()?;
        total = total.checked_add(n.checked_mul(match unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        })?)?;
        rest = tail.get(unit.len_utf8()..)?;
    }
    Some(jiff::SignedDuration::from_secs(total))
}

/// `NAME=value` → (`NAME`, `value`), after command substitution.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once('=')?;
    valid_var_name(name).then_some((name, value))
}

/// A shell variable's name: letters, digits and `_`, not starting with a digit.
fn valid_var_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// The length of `$(…)`'s body up to its closing parenthesis (nested parentheses and quoted
/// text skipped), or `None` when it has none.
fn closing_paren(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => return Some(i),
            (None, ')') => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The choices of the CLI's `--output` (`off` is one the sandbox does not print).
const OUTPUT_CHOICES: [&str; 6] = ["json", "text", "table", "yaml", "yaml-stream", "off"];

/// argparse's refusal of the command line (exit 252).
fn usage(message: String) -> CliError {
    CliError::new(ErrKind::Usage, message)
}

/// An error of the sandbox's own shell (not of the AWS CLI).
fn shell_error(message: String) -> Output {
    Output {
        stdout: String::new(),
        stderr: format!("sandbox: {message}\n"),
        code: 2,
    }
}

/// A service's error as the AWS CLI prints it (or what a high-level command prints in its
/// place, `AwsError::said`).
fn service_error(e: &AwsError) -> CliError {
    match &e.said {
        Some(said) => (**said).clone(),
        None => CliError::new(ErrKind::Service, e.to_string()),
    }
}

/// Checks a `--query` against [`MAX_QUERY`] and [`MAX_QUERY_NESTING`] before the JMESPath
/// parser (which recurses) sees it, then compiles it.
fn compile_query(q: &str, lang: Lang) -> Result<jmespath::Expression<'static>, String> {
    if q.len() > MAX_QUERY {
        return Err(Say::QueryTooLong.fill(lang, &[("len", &q.len()), ("max", &MAX_QUERY)]));
    }
    if query_nesting(q) > MAX_QUERY_NESTING {
        return Err(Say::QueryTooDeep.fill(lang, &[("max", &MAX_QUERY_NESTING)]));
    }
    jmespath::compile(q).map_err(|e| e.to_string())
}

fn search_query(expr: &jmespath::Expression<'_>, v: &Value) -> Result<Value, String> {
    super::query::search(expr, v)
}

/// How deep a JMESPath expression nests: open brackets, braces and parentheses (outside
/// quoted strings and literals), plus the `!` operators and chained projections stacked
/// on them, each of which the parser handles with one more level of recursion.
fn query_nesting(q: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut stacked = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in q.chars() {
        if let Some(open) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == open {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                stacked += 1;
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '!' => stacked += 1,
            '|' | ',' | ':' => stacked = 0,
            _ => {}
        }
        deepest = deepest.max(depth + stacked);
    }
    deepest
}

/// Builds a JSON object from pairs, skipping nulls (AWS leaves out absent fields).
pub fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        if !v.is_null() {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

/// AWS CLI's time format, e.g. `2026-01-05T09:00:00+00:00`.
pub fn time(t: jiff::Timestamp) -> Value {
    Value::String(t.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string())
}

/// The model's service and operation of a command, when AWS's model has it: its flags then
/// come from the model (`args`), and its hand-written `params` are empty.
pub fn model_of(
    spec: &Spec,
) -> Option<(
    &'static super::service_model::Service,
    &'static super::service_model::Operation,
)> {
    // A command of the CLI's own (`ec2 wait`, `s3 cp`) names an operation it calls but is
    // not that operation: only a command named as the CLI names the operation has its model.
    if super::service_model::xform_name(spec.operation) != spec.name {
        return None;
    }
    super::service_model::operation(spec.service, spec.operation)
}

/// Every flag a command takes, for completion.
pub fn flags_of(spec: &Spec) -> Vec<String> {
    match model_of(spec) {
        Some((svc, op)) => args::table(svc, op)
            .iter()
            .filter(|a| {
                !matches!(
                    a.target,
                    args::Target::Extra {
                        positional: true,
                        ..
                    }
                )
            })
            .map(|a| format!("--{}", a.flag))
            .collect(),
        None => spec
            .params
            .iter()
            .map(|p| format!("--{}", p.name))
            .collect(),
    }
}

/// What `--generate-cli-skeleton` prints.
fn skeleton_output(
    svc: &super::service_model::Service,
    op: &super::service_model::Operation,
    kind: args::Skeleton,
) -> Output {
    let shape = match kind {
        args::Skeleton::Output => op.output,
        _ => op.input,
    };
    let value = match shape {
        Some(s) => args::skeleton(svc, s, &mut Vec::new()),
        None => Value::Object(Map::new()),
    };
    let stdout = match kind {
        args::Skeleton::YamlInput => serde_yaml::to_string(&value).unwrap_or_default(),
        _ => render(&value, Style::JSON),
    };
    Output {
        stdout,
        ..Output::default()
    }
}
