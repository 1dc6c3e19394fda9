//! `iamdojo simulate-custom-policy`.

use std::io::{self, Write};

use clap::Args as ClapArgs;

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::simulate::Simulate as Say;

use crate::eval::explain;
use crate::eval::simulate::{
    ContextEntry, OrganizationLevel, SimulateError, SimulateInput, Simulation, simulate,
    simulate_each,
};

use super::{LangArg, lang_or_locale, read_arg};
use crate::input::snippet::{self, Mark};

/// Arguments of `simulate-custom-policy`; the flags mirror the AWS CLI's.
#[derive(Debug, ClapArgs)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The whole input as AWS's JSON shape: `file://input.json`, `-` for standard input, or
    /// the JSON itself. Flags given as well override its fields.
    #[arg(long, value_name = "JSON")]
    pub cli_input_json: Option<String>,
    /// Identity-based policy documents (JSON text or file://PATH), one per value.
    #[arg(long, num_args = 1.., value_name = "POLICY")]
    pub policy_input_list: Vec<String>,
    /// Permissions boundary documents (JSON text or file://PATH).
    #[arg(long, num_args = 1.., value_name = "POLICY")]
    pub permissions_boundary_policy_input_list: Vec<String>,
    /// Session policy documents (JSON text or file://PATH); an iamdojo extension.
    #[arg(long, num_args = 1.., value_name = "POLICY")]
    pub session_policy_input_list: Vec<String>,
    /// SCPs by organization level, root first, as AWS's JSON list of
    /// {"ServiceControlPolicyInputList": [...]} (or file://PATH); a level may also hold
    /// "ResourceControlPolicyInputList": [...], its RCPs (an iamdojo extension).
    #[arg(long, value_name = "JSON")]
    pub ordered_organization_policy_input_list: Option<String>,
    /// The organization levels of the resource owner's account, root first, for a resource
    /// in another account than the caller's: the same JSON shape (its RCPs restrict the
    /// resource; its SCPs do not restrict the caller); an iamdojo extension.
    #[arg(long, value_name = "JSON")]
    pub resource_owner_organization_policy_input_list: Option<String>,
    /// Accounts that are their organization's management account: SCPs do not restrict
    /// their principals, RCPs do not restrict their resources; an iamdojo extension.
    #[arg(long, num_args = 1.., value_name = "ACCOUNT")]
    pub management_account_ids: Vec<String>,
    /// Actions to decide, e.g. `s3:GetObject iam:CreateUser`.
    #[arg(long, num_args = 1.., value_name = "ACTION")]
    pub action_names: Vec<String>,
    /// Resource ARNs (default `*`).
    #[arg(long, num_args = 1.., value_name = "ARN")]
    pub resource_arns: Vec<String>,
    /// A resource-based policy (JSON text or file://PATH).
    #[arg(long, value_name = "POLICY")]
    pub resource_policy: Option<String>,
    /// The account that owns the resource (an account id or arn:aws:iam::ID:root).
    #[arg(long, value_name = "ACCOUNT")]
    pub resource_owner: Option<String>,
    /// The caller's ARN (default arn:aws:iam::123456789012:user/simulated-user).
    #[arg(long, value_name = "ARN")]
    pub caller_arn: Option<String>,
    /// Context entries, as JSON or AWS shorthand:
    /// `ContextKeyName=aws:SourceIp,ContextKeyValues=203.0.113.7,ContextKeyType=ip`.
    #[arg(long, num_args = 1.., value_name = "ENTRY")]
    pub context_entries: Vec<String>,
    /// Print a readable trace of every decision instead of JSON.
    #[arg(long)]
    pub explain: bool,
    /// The language of the `--explain` trace and of the errors (default: the locale's, from
    /// LC_ALL, LC_MESSAGES or LANG). The JSON output is the same in every language.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

const EXAMPLES: &str = "Examples:
  iamdojo simulate-custom-policy \\
    --policy-input-list '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/*\"}]}' \\
    --action-names s3:GetObject s3:PutObject --resource-arns arn:aws:s3:::photos/cat.jpg
  iamdojo simulate-custom-policy --cli-input-json file://input.json --explain

Exit status: 0 when every input was read (whatever the decisions), 2 when an input is malformed.";

/// Runs the command; returns the exit status. The JSON answer is streamed: each
/// `EvaluationResult` is written as soon as it is decided, so memory does not grow with the
/// number of actions.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let lang = lang_or_locale(args.lang);
    let input = match build_input(args, lang) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("iamdojo simulate-custom-policy: {msg}");
            return Ok(2);
        }
    };
    if !args.explain {
        let mut w = io::BufWriter::new(out);
        match write_json(&input, &mut w) {
            Ok(written) => {
                written?;
                w.flush()?;
                return Ok(0);
            }
            // The input is refused before the first result, so nothing has been written:
            // `execute` words the error (with the policy's snippet) as for `--explain`.
            Err(_) => return finish(execute(&input, false, lang), w.get_mut()),
        }
    }
    finish(execute(&input, true, lang), out)
}

/// Writes `text` to `out` (exit 0) or `msg` to stderr (exit 2).
fn finish(result: Result<String, String>, out: &mut dyn Write) -> io::Result<u8> {
    match result {
        Ok(text) => {
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        Err(msg) => {
            eprintln!("iamdojo simulate-custom-policy: {msg}");
            Ok(2)
        }
    }
}

/// Writes the simulation's JSON answer to `w` one result at a time, byte for byte what
/// `serde_json::to_string_pretty` of the whole [`simulate`] output prints (plus a newline).
/// A refused input is the outer error (nothing written); a failed write the inner one.
fn write_json(input: &SimulateInput, w: &mut impl Write) -> Result<io::Result<()>, SimulateError> {
    let mut first = true;
    let written = simulate_each(input, |r| -> io::Result<()> {
        w.write_all(if first {
            b"{\n  \"EvaluationResults\": [\n".as_slice()
        } else {
            b",\n".as_slice()
        })?;
        first = false;
        let text = serde_json::to_string_pretty(&r).map_err(io::Error::other)?;
        // A JSON string never holds a raw newline, so every line is the document's own and
        // takes the array's indentation.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                w.write_all(b"\n")?;
            }
            w.write_all(b"    ")?;
            w.write_all(line.as_bytes())?;
        }
        Ok(())
    })?;
    Ok(written.and_then(|()| {
        w.write_all(if first {
            b"{\n  \"EvaluationResults\": [],\n  \"IsTruncated\": false\n}\n".as_slice()
        } else {
            b"\n  ],\n  \"IsTruncated\": false\n}\n".as_slice()
        })
    }))
}

/// Decides the input: JSON as AWS prints it, or with `trace` the readable trace; the
/// trace and the errors are in `lang`.
fn execute(input: &SimulateInput, trace: bool, lang: Lang) -> Result<String, String> {
    let fmt = |e: SimulateError| match &e {
        SimulateError::Policy {
            list,
            number,
            error,
        } => {
            let mut msg = format!("{} ({})", e.message(lang), error.aws_code());
            if let (Some(text), Some(pos)) = (policy_text(input, list, *number), error.position) {
                let start = (pos.column as usize).saturating_sub(1);
                let width = error
                    .span
                    .and_then(|sp| text.get(sp.start..sp.end))
                    .map_or(1, |t| t.lines().next().unwrap_or("").chars().count().max(1));
                let mark = Mark {
                    line: pos.line as usize,
                    start,
                    end: Some(start + width),
                    label: "",
                };
                msg.push('\n');
                msg.push_str(&snippet::render(text, None, &[mark]));
            }
            msg
        }
        _ => e.message(lang),
    };
    if !trace {
        let out = simulate(input).map_err(fmt)?;
        let mut s = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
        s.push('\n');
        return Ok(s);
    }
    if input.action_names.is_empty() {
        return Err(fmt(SimulateError::NoActions));
    }
    let sim = Simulation::prepare(input).map_err(fmt)?;
    let resources: Vec<&str> = if input.resource_arns.is_empty() {
        vec!["*"]
    } else {
        input.resource_arns.iter().map(String::as_str).collect()
    };
    let mut s = String::new();
    for a in &input.action_names {
        for r in &resources {
            let req = sim.request(a, r);
            s.push_str(&explain(&req, &sim.set).render(&req, lang));
            s.push('\n');
        }
    }
    Ok(s)
}

/// The text of the policy that a [`SimulateError::Policy`] names (`PolicyInputList` and
/// number 2: the second identity policy).
fn policy_text<'a>(input: &'a SimulateInput, list: &str, number: usize) -> Option<&'a str> {
    let docs: &[String] = match list {
        "PolicyInputList" => &input.policy_input_list,
        "PermissionsBoundaryPolicyInputList" => &input.permissions_boundary_policy_input_list,
        "SessionPolicyInputList" => &input.session_policy_input_list,
        "ResourcePolicy" => return input.resource_policy.as_deref(),
        _ => {
            // `OrderedOrganizationPolicyInputList.2.ServiceControlPolicyInputList`, or the
            // owner's levels, or a level's RCPs.
            let (levels, rest) = match list.strip_prefix("OrderedOrganizationPolicyInputList.") {
                Some(rest) => (&input.ordered_organization_policy_input_list, rest),
                None => (
                    &input.resource_owner_organization_policy_input_list,
                    list.strip_prefix("ResourceOwnerOrganizationPolicyInputList.")?,
                ),
            };
            let (level, kind) = rest.split_once('.')?;
            let level = levels.get(level.parse::<usize>().ok()?.checked_sub(1)?)?;
            match kind {
                "ServiceControlPolicyInputList" => &level.service_control_policy_input_list,
                "ResourceControlPolicyInputList" => &level.resource_control_policy_input_list,
                _ => return None,
            }
        }
    };
    docs.get(number.checked_sub(1)?).map(String::as_str)
}

/// The input the flags describe; an error is in `lang`, led by its flag.
fn build_input(args: &Args, lang: Lang) -> Result<SimulateInput, String> {
    let mut input = match &args.cli_input_json {
        Some(v) => {
            let text = read_arg(v)?;
            serde_json::from_str::<SimulateInput>(&text).map_err(|e| {
                let at = Say::JsonAt.fill(
                    lang,
                    &[("line", &e.line()), ("column", &e.column()), ("error", &e)],
                );
                format!("--cli-input-json: {at}")
            })?
        }
        None => SimulateInput::default(),
    };
    let read_all = |v: &[String]| v.iter().map(|s| read_arg(s)).collect::<Result<Vec<_>, _>>();
    if !args.policy_input_list.is_empty() {
        input.policy_input_list = read_all(&args.policy_input_list)?;
    }
    if !args.permissions_boundary_policy_input_list.is_empty() {
        input.permissions_boundary_policy_input_list =
            read_all(&args.permissions_boundary_policy_input_list)?;
    }
    if !args.session_policy_input_list.is_empty() {
        input.session_policy_input_list = read_all(&args.session_policy_input_list)?;
    }
    if let Some(v) = &args.ordered_organization_policy_input_list {
        let text = read_arg(v)?;
        input.ordered_organization_policy_input_list =
            serde_json::from_str::<Vec<OrganizationLevel>>(&text)
                .map_err(|e| format!("--ordered-organization-policy-input-list: {e}"))?;
    }
    if let Some(v) = &args.resource_owner_organization_policy_input_list {
        let text = read_arg(v)?;
        input.resource_owner_organization_policy_input_list =
            serde_json::from_str::<Vec<OrganizationLevel>>(&text)
                .map_err(|e| format!("--resource-owner-organization-policy-input-list: {e}"))?;
    }
    if !args.management_account_ids.is_empty() {
        input.management_account_ids = args.management_account_ids.clone();
    }
    if !args.action_names.is_empty() {
        input.action_names = args.action_names.clone();
    }
    if !args.resource_arns.is_empty() {
        input.resource_arns = args.resource_arns.clone();
    }
    if let Some(v) = &args.resource_policy {
        input.resource_policy = Some(read_arg(v)?);
    }
    if let Some(v) = &args.resource_owner {
        input.resource_owner = Some(v.clone());
    }
    if let Some(v) = &args.caller_arn {
        input.caller_arn = Some(v.clone());
    }
    if !args.context_entries.is_empty() {
        input.context_entries = parse_context_entries(&args.context_entries, lang)?;
    }
    Ok(input)
}

/// Reads `--context-entries` values: a JSON list or object, or AWS shorthand.
fn parse_context_entries(values: &[String], lang: Lang) -> Result<Vec<ContextEntry>, String> {
    let mut out = Vec::new();
    for v in values {
        let text = read_arg(v)?;
        let t = text.trim_start();
        if t.starts_with('[') {
            out.extend(
                serde_json::from_str::<Vec<ContextEntry>>(t)
                    .map_err(|e| format!("--context-entries: {e}"))?,
            );
        } else if t.starts_with('{') {
            out.push(
                serde_json::from_str::<ContextEntry>(t)
                    .map_err(|e| format!("--context-entries: {e}"))?,
            );
        } else {
            out.push(parse_shorthand(t).map_err(|e| e.message(lang))?);
        }
    }
    Ok(out)
}

/// A `--context-entries` value that is not AWS's shorthand.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ShorthandError {
    /// A piece that is no `Name=value` and follows no field.
    Unreadable(String),
    /// No `ContextKeyName=`.
    NoName(String),
}

impl ShorthandError {
    /// The message in `lang`, after the flag.
    fn message(&self, lang: Lang) -> String {
        let said = match self {
            ShorthandError::Unreadable(v) => Say::ShorthandUnreadable.fill(lang, &[("value", v)]),
            ShorthandError::NoName(v) => Say::ShorthandNoName.fill(lang, &[("value", v)]),
        };
        format!("--context-entries: {said}")
    }
}

/// `ContextKeyName=k,ContextKeyValues=v1,v2,ContextKeyType=stringList`: a value list runs
/// until the next `Name=`.
fn parse_shorthand(s: &str) -> Result<ContextEntry, ShorthandError> {
    let mut name = None;
    let mut values = Vec::new();
    let mut ty = None;
    let mut current: Option<&str> = None;
    for piece in s.split(',') {
        let field = ["ContextKeyName", "ContextKeyValues", "ContextKeyType"]
            .into_iter()
            .find_map(|f| Some((f, piece.strip_prefix(f)?.strip_prefix('=')?)));
        let (key, val) = match field {
            Some((f, v)) => (Some(f), v),
            None => (current, piece),
        };
        match key {
            Some("ContextKeyName") => name = Some(val.to_string()),
            Some("ContextKeyValues") => values.push(val.to_string()),
            Some("ContextKeyType") => ty = Some(val.to_string()),
            _ => return Err(ShorthandError::Unreadable(s.to_string())),
        }
        current = key;
    }
    let name = name.ok_or_else(|| ShorthandError::NoName(s.to_string()))?;
    Ok(ContextEntry {
        context_key_name: name,
        context_key_values: values,
        context_key_type: ty,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand() {
        let e = parse_shorthand(
            "ContextKeyName=aws:TagKeys,ContextKeyValues=a,b,ContextKeyType=stringList",
        );
        assert_eq!(
            e.map(|e| (e.context_key_name, e.context_key_values, e.context_key_type)),
            Ok((
                "aws:TagKeys".into(),
                vec!["a".into(), "b".into()],
                Some("stringList".into())
            ))
        );
        assert!(parse_shorthand("Foo=bar").is_err());
    }
}

#[cfg(test)]
mod streaming {
    use super::*;

    const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},{"Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}"#;

    fn streamed(input: &SimulateInput) -> String {
        let mut out = Vec::new();
        write_json(input, &mut out)
            .map_err(|e| e.to_string())
            .and_then(|w| w.map_err(|e| e.to_string()))
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    fn whole(input: &SimulateInput) -> String {
        let mut s = serde_json::to_string_pretty(&simulate(input).unwrap()).unwrap();
        s.push('\n');
        s
    }

    #[test]
    fn the_streamed_answer_is_byte_for_byte_the_whole_one() {
        let actions = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let one = SimulateInput {
            policy_input_list: vec![POLICY.to_string()],
            action_names: actions(&["s3:GetObject"]),
            ..SimulateInput::default()
        };
        let many = SimulateInput {
            action_names: actions(&["s3:GetObject", "s3:DeleteObject", "iam:ListUsers"]),
            resource_arns: actions(&["arn:aws:s3:::photos/cat.jpg", "arn:aws:s3:::other/x"]),
            ..one.clone()
        };
        for input in [&one, &many] {
            let (s, w) = (streamed(input), whole(input));
            assert!(s.contains("EvaluationResult"), "{s}");
            assert_eq!(s, w);
        }
    }

    #[test]
    fn a_refused_input_writes_nothing() {
        let input = SimulateInput {
            policy_input_list: vec!["{".to_string()],
            action_names: vec!["s3:GetObject".to_string()],
            ..SimulateInput::default()
        };
        let mut out = Vec::new();
        assert!(write_json(&input, &mut out).is_err());
        assert!(out.is_empty());
    }
}
