//! The command specification: the table of every simulated command (its service, name,
//! operation, hand-written parameters where AWS's model has none, and handler), which
//! command a line names, and how a command without a model reads its parameters.
//! A new operation of a modelled service needs only its handler and one row in its
//! service's `COMMANDS` (see docs/ARCHITECTURE.md).

use super::cli_error::{self, CliError, Kind as ErrKind};
use super::{Args, Call, Output, Sandbox, args, shell_error, usage};
use crate::account::error::AwsError;
use crate::account::{billing, ec2, guardduty, iam, lambda, s3, sts, trail};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;
use crate::printable;
use crate::suggest::nearest;
use serde_json::Value;

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
    Say::ConsoleHelp.fill(
        lang,
        &[
            ("services", &services.join(sep)),
            ("tools", &super::pipe::TOOLS.join(sep)),
        ],
    )
}

/// Every command the sandbox knows.
pub fn commands() -> Vec<Spec> {
    let mut v = Vec::new();
    v.extend_from_slice(iam::COMMANDS);
    v.extend_from_slice(crate::account::gaad::COMMANDS);
    v.extend_from_slice(crate::account::oidc::COMMANDS);
    v.extend_from_slice(sts::COMMANDS);
    v.extend_from_slice(s3::COMMANDS);
    v.extend_from_slice(trail::COMMANDS);
    v.extend_from_slice(ec2::COMMANDS);
    v.extend_from_slice(billing::COMMANDS);
    v.extend_from_slice(guardduty::COMMANDS);
    v.extend_from_slice(crate::account::organization::COMMANDS);
    v.extend_from_slice(lambda::COMMANDS);
    v
}

/// How the AWS CLI starts the error of a parameter it cannot load (`file://x.json` that is not
/// there): `Error parsing parameter '--policy-document': Unable to load paramfile
/// file://x.json: [Errno 2] No such file or directory: 'x.json'`, exit status 252.
const PARAMFILE_ERROR: &str = "Error parsing parameter";

/// The model's service and operation of a command, when AWS's model has it: its flags then
/// come from the model (`args`), and its hand-written `params` are empty.
pub fn model_of(
    spec: &Spec,
) -> Option<(
    &'static crate::account::service_model::Service,
    &'static crate::account::service_model::Operation,
)> {
    // A command of the CLI's own (`ec2 wait`, `s3 cp`) names an operation it calls but is
    // not that operation: only a command named as the CLI names the operation has its model.
    if crate::account::service_model::xform_name(spec.operation) != spec.name {
        return None;
    }
    crate::account::service_model::operation(spec.service, spec.operation)
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

impl Sandbox {
    /// The command that `rest` (the words after the global options: service, operation,
    /// parameters) names, or the AWS CLI's refusal: an unknown service or operation with its
    /// "Invalid choice" (and the sandbox's "did you mean"), or the sandbox's own word for a
    /// real operation it does not simulate.
    pub(super) fn find_spec(&self, rest: &[String]) -> Result<Spec, Output> {
        let service = rest.first().map(String::as_str).unwrap_or_default();
        let table = commands();
        let services: Vec<&str> = {
            let mut s: Vec<&str> = table.iter().map(|c| c.service).collect();
            s.push("configure");
            s.sort();
            s.dedup();
            s
        };
        if service.is_empty() {
            return Err(usage("the following arguments are required: command".into()).output());
        }
        if !services.contains(&service) {
            let e = cli_error::invalid_choice("command", service, services.iter().copied());
            // The sandbox's addition, where the CLI names nothing near.
            let hint = nearest(service, services.iter().copied())
                .filter(|_| !e.message.contains("Maybe you meant"))
                .map(|s| Say::AwsDidYouMean.fill(self.lang, &[("name", &s)]));
            return Err(e.hint(hint).output());
        }
        let name = rest.get(1).map(String::as_str).unwrap_or_default();
        if name.is_empty() {
            return Err(usage("the following arguments are required: operation".into()).output());
        }
        let in_service: Vec<&Spec> = table.iter().filter(|c| c.service == service).collect();
        if let Some(spec) = in_service.iter().find(|c| c.name == name) {
            return Ok(**spec);
        }
        let names: Vec<&str> = in_service.iter().map(|c| c.name).collect();
        // A real operation the sandbox does not simulate is no error of the CLI's: the
        // sandbox says so itself.
        if let Some(said) = self.not_simulated(service, name, &names) {
            return Err(shell_error(said));
        }
        // The CLI's choices are every operation of the service, simulated or not.
        let others: Vec<String> = crate::account::service_model::models()
            .ok()
            .and_then(|m| m.service(service))
            .map(|svc| {
                svc.other_operations
                    .iter()
                    .map(|o| crate::account::service_model::xform_name(o))
                    .collect()
            })
            .unwrap_or_default();
        let choices = names
            .iter()
            .copied()
            .chain(others.iter().map(String::as_str));
        let e = cli_error::invalid_choice("operation", name, choices);
        let hint = nearest(name, names.iter().copied())
            .filter(|_| !e.message.contains("Maybe you meant"))
            .map(|s| {
                Say::AwsDidYouMean.fill(self.lang, &[("name", &format!("aws {service} {s}"))])
            });
        Err(e.hint(hint).output())
    }

    /// For a real operation of a simulated service that the sandbox does not simulate: says
    /// so, with the closest simulated commands, instead of "Invalid choice".
    fn not_simulated(&self, service: &str, name: &str, simulated: &[&str]) -> Option<String> {
        let models = crate::account::service_model::models().ok()?;
        let svc = models.service(service)?;
        let op = svc
            .other_operations
            .iter()
            .find(|o| crate::account::service_model::xform_name(o) == name)?;
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

    pub(super) fn parse_args(&self, spec: &Spec, words: &[String]) -> Result<Args, CliError> {
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
    pub(super) fn read_doc(&self, flag: &str, v: &str) -> Result<String, CliError> {
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
}
