//! The AWS-CLI-like command layer: a line such as
//! `aws iam create-user --user-name alice --output json` is read by the sandbox's shell
//! (`shell`), its global options taken out, the command it names found in the command
//! table (`spec`) with its parameters read from AWS's model (`args`), run against the
//! account as the current profile's identity, recorded in CloudTrail, and printed as the
//! AWS CLI prints it (`format`: `--output json|text|table|yaml`, `--query` with JMESPath).
//!
//! What imitates the AWS CLI stays the AWS CLI's English in every language; the sandbox's own
//! messages (its commands, its limits, the hints it adds) are in [`Sandbox::lang`], from the
//! catalog's `crate::msg::sandbox` area.

pub mod args;
pub mod cli_error;
mod configure;
mod format;
mod help;
mod invoke;
mod jmes;
mod pipe;
mod pyjson;
mod shell;
mod shorthand;
mod spec;
mod validate;
mod whoami;

pub use format::{MAX_QUERY, MAX_QUERY_NESTING, obj, time};
pub use shell::{MAX_LINE, MAX_NESTING, MAX_VALUE, MAX_VARIABLES, parse_duration};
pub use spec::{Handler, Kind, Param, Spec, commands, flags_of, help_text, model_of, opt, req};
pub use whoami::Who;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::authz::{Caller, Identity};
use super::error::AwsError;
use super::{Account, trail};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;
use crate::printable;
use cli_error::{CliError, Kind as ErrKind};

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
                || k == "web-identity-token"
                // A Lambda function's package is not recorded, only that it was given.
                || k == "code"
                || k == "zip-file"
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
    /// The caller's account (the one its credentials belong to), which the call runs
    /// against.
    pub account: &'a mut Account,
    /// The sandbox's other accounts by id, for what reaches across accounts (a role of
    /// another account assumed).
    pub others: &'a mut BTreeMap<String, Account>,
    /// The sandbox's organization, if it has one.
    pub organization: &'a mut Option<super::organization::Organization>,
    /// The sandbox's local files (what `file://NAME` reads, and `aws s3 cp` uploads and
    /// downloads).
    pub files: &'a mut BTreeMap<String, String>,
    /// The caller.
    pub caller: Caller,
    /// e.g. `CreateUser`.
    pub operation: &'static str,
    /// What the handler leaves for the command layer to do after the call: the function
    /// `lambda invoke` runs.
    pub pending: Option<super::lambda::Pending>,
    /// Credentials AWS refused, for a high-level `aws s3` command: the error its first API
    /// call gets, under that call's name (the command may fail before it calls AWS at all).
    pub credentials: Option<AwsError>,
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
    /// The root user of another account of the sandbox (by id), signed in to the console.
    RootOf(String),
    /// An access key pair.
    Keys {
        /// Access key id.
        access_key_id: String,
        /// Secret.
        secret: String,
        /// `aws_session_token`: what temporary credentials need beside their pair, and what
        /// a long-term key pair must not carry.
        session_token: Option<String>,
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

/// A sandbox: an account (and the scenario's other accounts, and their organization) plus
/// the CLI's configuration (profiles, region, the caller's IP).
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The home account: the one the sandbox starts in, whose root user the default profile
    /// signs in as.
    pub account: Account,
    /// The other accounts by id (a scenario's `accounts:`); a call runs against the account
    /// its credentials belong to.
    pub accounts: BTreeMap<String, Account>,
    /// The organization over the accounts, if the scenario has one.
    pub organization: Option<super::organization::Organization>,
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
    /// While a Lambda function runs: its role session, and how many calls are left (`invoke`).
    running: Option<invoke::Running>,
    /// The scenario's web identity tokens by name, as it declared them (each is also a file
    /// of the learner's, which the learner may overwrite): what goal checks name.
    pub tokens: BTreeMap<String, String>,
    /// The GitHub repositories whose workflows the learner runs (the scenario's
    /// `github_repositories:`, by default its GitHub tokens' repositories): the only ones
    /// `github-oidc-token` signs for. Empty when the scenario names none: then any.
    pub github_repositories: Vec<String>,
    /// The machine the scenario's events run on (someone else's: an attacker's): its own
    /// profiles, files and shell variables, which the learner's never see.
    pub attacker: Box<Machine>,
}

/// What one computer running the AWS CLI holds apart from the accounts: its profiles, the
/// current one, its IP address, its files and shell variables, and what `explain` remembers.
/// The learner's are the [`Sandbox`]'s own fields; a scenario's events run on
/// [`Sandbox::attacker`], swapped in for each event ([`Sandbox::swap_machine`]), so what an
/// event writes stays on the attacker's machine for the next event and never reaches the
/// learner's (architecture invariant: the accounts are shared, the machines are not).
#[derive(Debug, Clone, Default)]
pub struct Machine {
    /// Profiles by name.
    pub profiles: BTreeMap<String, Profile>,
    /// The profile used when `--profile` is not given.
    pub profile: String,
    /// The machine's public IP address.
    pub source_ip: String,
    /// Files that `file://NAME` can read.
    pub files: BTreeMap<String, String>,
    /// Shell variables.
    pub vars: BTreeMap<String, String>,
    /// The last access denial, for `explain`.
    pub last_denial: Option<Box<super::error::DecisionTrace>>,
    /// The last refused policy document, for `explain`.
    pub last_refusal: Option<Box<crate::policy::PolicyError>>,
}

/// The AWS CLI's global options, which may stand anywhere on the line.
struct Globals {
    /// `--output` (json by default).
    output: String,
    /// `--query`.
    query: Option<String>,
    /// `--profile` (the sandbox's current profile by default).
    profile: String,
    /// `--region`.
    region: Option<String>,
}

impl Globals {
    /// Takes the global options out of `words`, leaving the rest in order (`--no-cli-pager`
    /// and `--no-paginate`, which change nothing here, are dropped).
    fn take(words: Vec<String>, profile: &str) -> Result<(Globals, Vec<String>), Output> {
        let mut g = Globals {
            output: "json".into(),
            query: None,
            profile: profile.to_string(),
            region: None,
        };
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
                "--output" => g.output = v,
                "--query" => g.query = Some(v),
                "--profile" => g.profile = v,
                _ => g.region = Some(v),
            }
        }
        Ok((g, rest))
    }
}

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
            accounts: BTreeMap::new(),
            organization: None,
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
            running: None,
            tokens: BTreeMap::new(),
            github_repositories: Vec::new(),
            attacker: Box::default(),
        }
    }

    /// A copy of the learner's machine as it stands, with no shell variables and nothing
    /// for `explain` yet: what a scenario's events start from (the scenario's files and
    /// profiles are on both machines).
    pub fn fresh_machine(&self) -> Machine {
        Machine {
            profiles: self.profiles.clone(),
            profile: "default".into(),
            source_ip: self.source_ip.clone(),
            files: self.files.clone(),
            vars: BTreeMap::new(),
            last_denial: None,
            last_refusal: None,
        }
    }

    /// Puts `m`'s profiles, files, variables and the rest in the sandbox's place and the
    /// sandbox's in `m`'s: called twice, it puts both back.
    pub fn swap_machine(&mut self, m: &mut Machine) {
        std::mem::swap(&mut self.profiles, &mut m.profiles);
        std::mem::swap(&mut self.profile, &mut m.profile);
        std::mem::swap(&mut self.source_ip, &mut m.source_ip);
        std::mem::swap(&mut self.files, &mut m.files);
        std::mem::swap(&mut self.vars, &mut m.vars);
        std::mem::swap(&mut self.last_denial, &mut m.last_denial);
        std::mem::swap(&mut self.last_refusal, &mut m.last_refusal);
    }

    /// Runs one AWS CLI command line (after the shell has expanded it): global options,
    /// the command and its parameters, the caller, the service's own checks, the call, and
    /// the answer printed. `Err` holds what a refused line prints.
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
        let (globals, rest) = Globals::take(words, &self.profile)?;
        let Some(output) = super::output::Format::parse(&globals.output) else {
            return Err(cli_error::invalid_choice(
                "--output",
                &globals.output,
                format::OUTPUT_CHOICES,
            )
            .output());
        };
        // The query is compiled before the call, as the AWS CLI does: a bad one changes nothing.
        let query = match &globals.query {
            Some(q) => Some(format::compile_query(q, self.lang).map_err(|m| {
                CliError::new(
                    ErrKind::Param,
                    format!("Bad value for --query {}: {m}", printable::excerpt(q, 80)),
                )
                .output()
            })?),
            None => None,
        };
        if rest.first().map(String::as_str) == Some("configure") {
            let named = globals.profile != self.profile || globals.profile != "default";
            return self
                .configure(rest.get(1..).unwrap_or_default(), &globals.profile, named)
                .map_err(|m| usage(m).output());
        }
        // Where the CLI opens a manual page, the sandbox says what it has (help.rs).
        if help::asks_help(&rest) {
            return Ok(self.help_page(rest.get(..rest.len() - 1).unwrap_or_default()));
        }
        let spec = self.find_spec(&rest)?;
        let words = rest.get(2..).unwrap_or_default();
        let model = model_of(&spec);
        let (args, paging) = match model {
            Some((svc, op)) => {
                let parsed = self
                    .parse_model_args(svc, op, words)
                    .map_err(|e| e.output())?;
                if let Some(kind) = parsed.skeleton {
                    return Ok(format::skeleton_output(svc, op, kind));
                }
                (parsed.args, Some((op, parsed.paging)))
            }
            None => (self.parse_args(&spec, words).map_err(|e| e.output())?, None),
        };
        let (caller, home, refused) = if unsigned(spec.operation) {
            (
                self.unsigned_caller(&globals)?,
                self.account.id.clone(),
                None,
            )
        } else {
            self.caller(&spec, &globals)?
        };
        if let Some((svc, op)) = model {
            server_checks(svc, op, &spec, &args)?;
        }
        let value = self.call_in(&home, &spec, &args, &caller, refused)?;
        if value.is_null() {
            return Ok(Output::default());
        }
        let how = format::Printing {
            format: output,
            query: query.as_ref(),
            operation: spec.operation,
            width: self.terminal_width,
        };
        format::print(value, paging, &how)
    }

    /// The sender of an unsigned request: no credentials are read or sent, only the profile's
    /// region (a profile that does not exist is still the CLI's error). The identity is never
    /// consulted: the operation's handler says who asked (the token's user) and records the
    /// call itself.
    fn unsigned_caller(&self, globals: &Globals) -> Result<Caller, Output> {
        let prof = self.profiles.get(&globals.profile).ok_or_else(|| {
            CliError::new(
                ErrKind::General,
                format!(
                    "The config profile ({}) could not be found",
                    printable::excerpt(&globals.profile, 60)
                ),
            )
            .output()
        })?;
        Ok(self.root_caller(
            globals
                .region
                .clone()
                .or(prof.region.clone())
                .unwrap_or_else(|| "us-east-1".to_string()),
        ))
    }

    /// The home account's root user with no credentials, from the sandbox's address in
    /// `region`: who an unsigned request, or one whose credentials AWS refused, comes from.
    fn root_caller(&self, region: String) -> Caller {
        Caller {
            identity: Identity::Root,
            access_key_id: None,
            session_key: None,
            mfa: None,
            token_issued: None,
            source_ip: self.source_ip.clone(),
            region,
        }
    }

    /// The id of the account an access key belongs to: the home account's, else the first
    /// other account that has it (an unknown key: the home account, which refuses it).
    pub fn account_of_key(&self, key: &str) -> &str {
        if self.account.secret_of(key).is_some() {
            return &self.account.id;
        }
        self.accounts
            .values()
            .find(|a| a.secret_of(key).is_some())
            .map_or(self.account.id.as_str(), |a| a.id.as_str())
    }

    /// The account with id `id` (the home account when no other has it).
    pub fn account_by_id(&self, id: &str) -> &Account {
        self.accounts.get(id).unwrap_or(&self.account)
    }

    /// Gives every account its organization's policies afresh (after the organization
    /// changed: a policy attached takes effect at once).
    pub fn refresh_organization(&mut self) {
        let view = |a: &Account| self.organization.as_ref().and_then(|o| o.view(&a.id));
        self.account.org = view(&self.account);
        let views: Vec<(String, Option<super::organization::OrgView>)> = self
            .accounts
            .values()
            .map(|a| (a.id.clone(), view(a)))
            .collect();
        for (id, v) in views {
            if let Some(a) = self.accounts.get_mut(&id) {
                a.org = v;
            }
        }
    }

    /// Runs [`Sandbox::call`] against the account `id` (the home account, or one of the
    /// others, which takes the home account's place for the call): every account's clock
    /// moves on with the home account's first.
    fn call_in(
        &mut self,
        id: &str,
        spec: &Spec,
        args: &Args,
        caller: &Caller,
        refused: Option<AwsError>,
    ) -> Result<Value, Output> {
        // Each call takes a second of simulated time, so that events have an order.
        self.account.advance(jiff::SignedDuration::from_secs(1));
        let now = self.account.now;
        for a in self.accounts.values_mut() {
            let behind = now.as_second() - a.now.as_second();
            if behind > 0 {
                a.advance(jiff::SignedDuration::from_secs(behind));
            }
        }
        let swapped = self.swap_in(id);
        let result = self.call(spec, args, caller, refused);
        if let Some(home) = swapped {
            self.swap_in(&home);
        }
        if spec.service == "organizations" {
            self.refresh_organization();
        }
        result
    }

    /// Puts the account `id` of [`Sandbox::accounts`] in the home account's place (and the
    /// home account among the others); returns the id of the account it replaced, to swap
    /// back with. `None`: `id` is the home account's already, or no account's.
    fn swap_in(&mut self, id: &str) -> Option<String> {
        let mut other = self.accounts.remove(id)?;
        std::mem::swap(&mut self.account, &mut other);
        let out = other.id.clone();
        self.accounts.insert(out.clone(), other);
        Some(out)
    }

    /// Who calls: the profile's credentials (`--profile`, or the current one), checked as
    /// the CLI and then AWS check them, and the id of the account they belong to. A high-level
    /// `aws s3` command gets credentials AWS refused back as its third part, for its first API
    /// call to fail with (the caller is then the account's root, and never acts).
    fn caller(
        &mut self,
        spec: &Spec,
        globals: &Globals,
    ) -> Result<(Caller, String, Option<AwsError>), Output> {
        // A function's calls are its role session's, whatever profile its line names.
        if let Some(c) = self.running.as_ref().and_then(|r| r.callers.last()) {
            return Ok((c.clone(), self.account.id.clone(), None));
        }
        let prof = self
            .profiles
            .get(&globals.profile)
            .cloned()
            .ok_or_else(|| {
                CliError::new(
                    ErrKind::General,
                    format!(
                        "The config profile ({}) could not be found",
                        printable::excerpt(&globals.profile, 60)
                    ),
                )
                .output()
            })?;
        let region = globals
            .region
            .clone()
            .or(prof.region.clone())
            .unwrap_or_else(|| "us-east-1".to_string());
        match &prof.creds {
            None => Err(CliError::new(
                ErrKind::Config("NoCredentials"),
                "Unable to locate credentials. You can configure credentials by running \"aws login\".",
            )
            .output()),
            Some(Creds::RootConsole) => Ok((
                Caller {
                    identity: Identity::Root,
                    access_key_id: None,
                    session_key: None,
                    mfa: Some(self.account.root.mfa_enabled),
                    token_issued: None,
                    source_ip: self.source_ip.clone(),
                    region,
                },
                self.account.id.clone(),
                None,
            )),
            Some(Creds::RootOf(id)) => {
                let acct = self.account_by_id(id);
                Ok((
                    Caller {
                        identity: Identity::Root,
                        access_key_id: None,
                        session_key: None,
                        mfa: Some(acct.root.mfa_enabled),
                        token_issued: None,
                        source_ip: self.source_ip.clone(),
                        region,
                    },
                    acct.id.clone(),
                    None,
                ))
            }
            // Half a key pair is not credentials: the CLI stops before sending anything.
            Some(Creds::Keys {
                access_key_id,
                secret,
                ..
            }) if access_key_id.is_empty() || secret.is_empty() => {
                let missing = if access_key_id.is_empty() {
                    "aws_access_key_id"
                } else {
                    "aws_secret_access_key"
                };
                // Not a NoCredentialsError: the CLI's general error.
                Err(CliError::new(
                    ErrKind::General,
                    format!(
                        "Partial credentials found in shared-credentials-file, missing: {missing}"
                    ),
                )
                .output())
            }
            Some(Creds::Keys {
                access_key_id,
                secret,
                session_token,
            }) => {
                let home = self.account_of_key(access_key_id).to_string();
                let account = self.account_by_id(&home);
                let checked = account.caller_for_key_pair(
                    spec.operation,
                    access_key_id,
                    secret,
                    session_token.as_deref(),
                    &self.source_ip,
                    &region,
                );
                let e = match checked {
                    Ok(c) => return Ok((c, home, None)),
                    Err(e) if matches!(spec.service, "s3" | "s3api") => {
                        let known = account
                            .caller_for_key(spec.operation, access_key_id, "", &region)
                            .is_ok();
                        s3_credential_error(e, known)
                    }
                    Err(e) => e,
                };
                if spec.service == "s3" {
                    Ok((self.root_caller(region), home, Some(e)))
                } else {
                    Err(service_error(&e).output())
                }
            }
        }
    }

    /// Makes the call: a second of simulated time passes, the handler runs as `caller`, the
    /// call is recorded in CloudTrail and its key's last use noted (unless the CLI refused it
    /// before it reached AWS), and a denial or a refused document is kept for `explain`.
    fn call(
        &mut self,
        spec: &Spec,
        args: &Args,
        caller: &Caller,
        refused: Option<AwsError>,
    ) -> Result<Value, Output> {
        // Refused credentials reach AWS, but AWS records no call made with them.
        let signed = refused.is_none();
        let mut call = Call {
            account: &mut self.account,
            others: &mut self.accounts,
            organization: &mut self.organization,
            files: &mut self.files,
            caller: caller.clone(),
            operation: spec.operation,
            pending: None,
            credentials: refused,
        };
        let result = (spec.run)(&mut call, args);
        let pending = call.pending.take();
        // A high-level command (`aws s3 cp`) is recorded under the API operation it made last,
        // which its handler names in `call.operation`.
        let recorded = Spec {
            operation: call.operation,
            ..*spec
        };
        // What the CLI refuses itself (a waiter name it does not have, a local path that is
        // not there) never reaches AWS: no event, no use of the key.
        let reached = match &result {
            Err(AwsError {
                said: Some(said), ..
            }) => said.reached_aws(),
            _ => true,
        };
        if reached && signed && !unsigned(spec.operation) {
            trail::record(
                &mut self.account,
                caller,
                &recorded,
                args,
                result.as_ref().err(),
            );
            if let (Ok(v), Some(e)) = (&result, self.account.cloudtrail.events.last_mut()) {
                e.response_elements = trail::response_elements(recorded.operation, v);
            }
            // A call on another account's resource (a role assumed, a Lambda function read,
            // changed or invoked by its ARN) is recorded in that account too.
            let owner = match (spec.service, recorded.operation) {
                (_, "AssumeRole") => args.opt("role-arn"),
                ("lambda", _) => args.opt("function-name"),
                _ => None,
            }
            .filter(|a| a.starts_with("arn:"))
            .and_then(|a| a.split(':').nth(4))
            .filter(|id| *id != self.account.id);
            if let (true, Some(owner)) = (result.is_ok(), owner)
                && let (Some(event), Some(other)) = (
                    self.account.cloudtrail.events.last().cloned(),
                    self.accounts.get_mut(owner),
                )
            {
                let shared = trail::record_for(other, event, &self.account.id);
                if let Some(e) = self.account.cloudtrail.events.last_mut() {
                    e.shared_event_id = Some(shared);
                }
            }
            self.account.note_key_use(caller, spec.service);
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
        let result = match (result, pending) {
            (Ok(value), Some(p)) => Ok(self.run_function(&p, value)),
            (result, _) => result,
        };
        result.map_err(|e| {
            // AWS's message names the mistake, not its place: say where to find that.
            let hint = e
                .refusal
                .as_ref()
                .map(|_| Say::RefusedExplainHint.text(self.lang).to_string());
            service_error(&e).hint(hint).output()
        })
    }
}

/// S3's own answer to credentials it refuses (S3 does not answer as IAM and STS do): an
/// access key it does not know or that is inactive, `InvalidAccessKeyId`; a known key with a
/// missing or wrong session token, `InvalidToken`; a wrong secret, `SignatureDoesNotMatch` in
/// S3's words (<https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>).
fn s3_credential_error(e: AwsError, key_known: bool) -> AwsError {
    let (code, message) = match e.code.as_str() {
        "InvalidClientTokenId" if !key_known => (
            "InvalidAccessKeyId",
            "The AWS Access Key Id you provided does not exist in our records.",
        ),
        "InvalidClientTokenId" => (
            "InvalidToken",
            "The provided token is malformed or otherwise invalid.",
        ),
        "SignatureDoesNotMatch" => (
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        ),
        _ => return e,
    };
    AwsError {
        code: code.to_string(),
        message: message.to_string(),
        ..e
    }
}

/// The operations the AWS CLI sends unsigned, needing no credentials: STS's
/// `AssumeRoleWithWebIdentity` (whose botocore model says `"auth": ["smithy.api#noAuth"]`;
/// <https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html>:
/// "Calling AssumeRoleWithWebIdentity does not require the use of AWS security credentials").
fn unsigned(operation: &str) -> bool {
    operation == "AssumeRoleWithWebIdentity"
}

/// The service checks the request's constraints before anything else (IAM, STS and Lambda
/// here: the services whose `ValidationError` wording this follows).
fn server_checks(
    svc: &super::service_model::Service,
    op: &super::service_model::Operation,
    spec: &Spec,
    args: &Args,
) -> Result<(), Output> {
    let Some(shape) = op
        .input
        .filter(|_| matches!(svc.cli_name.as_str(), "iam" | "sts" | "lambda"))
    else {
        return Ok(());
    };
    // Lambda words its errors as IAM does, under its own code.
    let code = match svc.cli_name.as_str() {
        "lambda" => "ValidationException",
        _ => "ValidationError",
    };
    let broken = validate::server(svc, shape, &Value::Object(args.input().clone()));
    if broken.is_empty() {
        return Ok(());
    }
    let n = broken.len();
    let e = AwsError::new(
        spec.operation,
        code,
        format!(
            "{n} validation error{} detected: {}",
            if n == 1 { "" } else { "s" },
            broken.join("; ")
        ),
    );
    Err(service_error(&e).output())
}

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

/// Why the AWS CLI refuses `q` as a `--query`, in the words of its JMESPath (Python's
/// package), or `None` when it reads it.
pub fn query_refusal(q: &str) -> Option<String> {
    jmes::compile(q).err()
}

/// `q` run on `v` as the AWS CLI runs a `--query` on an answer: the result, or what the CLI
/// prints after `aws: [ERROR]: ` (the query compiled, as [`query_refusal`] says it does).
pub fn query_run(q: &str, v: &serde_json::Value) -> Result<serde_json::Value, String> {
    let expr = jmes::compile(q)?;
    crate::account::query::search(&expr, v)
}
