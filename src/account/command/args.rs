//! The parameters of a command whose operation AWS's model has (`service_model`), read as
//! the AWS CLI reads them: flags in the CLI's kebab-case from the input shape's members,
//! `--x`/`--no-x` for booleans, numbers parsed, structures and lists as shorthand or JSON,
//! `file://` values read from the scenario's files, `--cli-input-json`/`--cli-input-yaml`,
//! `--generate-cli-skeleton`, and for paginated operations `--max-items`, `--starting-token`
//! and `--page-size`. Flags may be shortened to any prefix only one flag has, as argparse
//! allows. Then the request is checked as botocore checks it before sending.

use serde_json::{Map, Value};

use super::cli_error::Kind as ErrKind;
use super::shorthand;
use super::validate;
use super::{Args, Sandbox};
use crate::account::service_model::{Kind, Operation, Service, ShapeId, xform_name};

/// One entry of a command's argument table.
#[derive(Debug, Clone)]
pub struct CliArg {
    /// Without dashes.
    pub flag: String,
    /// What it sets.
    pub target: Target,
    /// Whether argparse asks for it.
    pub required: bool,
}

/// What a flag sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// An input member.
    Member(String, ShapeId),
    /// A boolean member, to false.
    Negated(String),
    /// A flag the CLI adds (kept as text for the handler).
    Extra {
        /// A flag without a value.
        boolean: bool,
        /// A word without a flag.
        positional: bool,
    },
    /// `--no-x` of an added boolean flag.
    NegatedExtra(String),
    /// `--cli-input-json`.
    InputJson,
    /// `--cli-input-yaml`.
    InputYaml,
    /// `--generate-cli-skeleton [input|output|yaml-input]`.
    Skeleton,
    /// `--starting-token`.
    StartingToken,
    /// `--page-size`.
    PageSize,
    /// `--max-items`.
    MaxItems,
}

/// How the CLI pages the answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Paging {
    /// `--max-items`.
    pub max_items: Option<usize>,
    /// Where `--starting-token` says to start.
    pub start: usize,
}

/// What `--generate-cli-skeleton` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skeleton {
    /// The input shape as JSON.
    Input,
    /// The input shape as YAML.
    YamlInput,
    /// The output shape as JSON.
    Output,
}

/// A parsed command line.
#[derive(Debug)]
pub struct Parsed {
    /// The handler's arguments.
    pub args: Args,
    /// A skeleton to print instead of calling.
    pub skeleton: Option<Skeleton>,
    /// Paging.
    pub paging: Paging,
}

/// A refusal, printed as the CLI prints it (see `cli_error`).
pub type ArgError = super::cli_error::CliError;

/// argparse's refusal of the command line (exit 252).
fn usage(message: String) -> ArgError {
    ArgError::new(ErrKind::Usage, message)
}

/// A parameter the CLI could not read, or that fails the model's constraints (exit 252).
fn param(message: String) -> ArgError {
    ArgError::new(ErrKind::Param, message)
}

/// An error the CLI raises from below its argument handling (Python's `ValueError`; exit 255).
fn general(message: String) -> ArgError {
    ArgError::new(ErrKind::General, message)
}

/// The argument table of an operation, worked out once.
pub fn table(svc: &'static Service, op: &'static Operation) -> &'static [CliArg] {
    op.table.get_or_init(|| build(svc, op))
}

fn build(svc: &Service, op: &Operation) -> Vec<CliArg> {
    let mut t = Vec::new();
    let paged = op.paginator.is_some();
    if let Some(Kind::Structure {
        members, required, ..
    }) = op.input.map(|i| &svc.shape(i).kind)
    {
        for m in members {
            // The paginator's own `--max-items` wins over a member of that name (IAM's
            // limit key); other limit keys (`--max-results`) stay, as in the CLI.
            if op.cli.hidden.contains(&m.name) {
                continue;
            }
            let flag = xform_name(&m.name);
            if paged && flag == "max-items" {
                continue;
            }
            let boolean = svc.shape(m.shape).kind == Kind::Boolean;
            let req = required.contains(&m.name) && !op.cli.optional.contains(&m.name);
            t.push(CliArg {
                flag: flag.clone(),
                target: Target::Member(m.name.clone(), m.shape),
                required: req && !boolean,
            });
            if boolean {
                t.push(CliArg {
                    flag: format!("no-{flag}"),
                    target: Target::Negated(m.name.clone()),
                    required: false,
                });
            }
        }
        // The CLI adds its second names after the model's flags.
        for (alias, member) in &op.cli.aliases {
            if let Some(m) = members.iter().find(|m| &m.name == member) {
                t.push(CliArg {
                    flag: alias.clone(),
                    target: Target::Member(m.name.clone(), m.shape),
                    required: false,
                });
            }
        }
    }
    for e in &op.cli.extra {
        t.push(CliArg {
            flag: e.flag.clone(),
            target: Target::Extra {
                boolean: e.boolean,
                positional: e.positional,
            },
            required: e.required,
        });
        if e.boolean {
            t.push(CliArg {
                flag: format!("no-{}", e.flag),
                target: Target::NegatedExtra(e.flag.clone()),
                required: false,
            });
        }
    }
    if op.cli.input_json {
        t.push(arg("cli-input-json", Target::InputJson));
        t.push(arg("cli-input-yaml", Target::InputYaml));
    }
    if paged {
        t.push(arg("starting-token", Target::StartingToken));
        t.push(arg("page-size", Target::PageSize));
        t.push(arg("max-items", Target::MaxItems));
    }
    if op.cli.input_json {
        t.push(arg("generate-cli-skeleton", Target::Skeleton));
    }
    t
}

fn arg(flag: &str, target: Target) -> CliArg {
    CliArg {
        flag: flag.into(),
        target,
        required: false,
    }
}

/// Whether argparse takes `w` for an option rather than a value.
fn option_like(w: &str) -> bool {
    w.starts_with("--") || (w.starts_with('-') && w.len() > 1 && w.parse::<f64>().is_err())
}

enum Found<'a> {
    One(usize),
    Many(Vec<&'a str>),
    None,
}

/// The flag `name` names: itself, or the one flag it is a prefix of.
fn resolve<'a>(t: &'a [CliArg], name: &str) -> Found<'a> {
    if let Some(i) = t.iter().position(|a| a.flag == name) {
        return Found::One(i);
    }
    let hits: Vec<usize> = t
        .iter()
        .enumerate()
        .filter(|(_, a)| a.flag.starts_with(name) && !a.flag.is_empty())
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [] => Found::None,
        [one] => Found::One(*one),
        many => Found::Many(
            many.iter()
                .filter_map(|i| t.get(*i).map(|a| a.flag.as_str()))
                .collect(),
        ),
    }
}

impl Sandbox {
    /// Reads `words` (after `aws SERVICE COMMAND`) for a model-backed command.
    pub(super) fn parse_model_args(
        &self,
        svc: &'static Service,
        op: &'static Operation,
        words: &[String],
    ) -> Result<Parsed, ArgError> {
        let t = table(svc, op);
        // The words each flag was given, by table index, the last use winning.
        let mut given: Vec<(usize, Vec<String>)> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        let mut i = 0;
        let put = |given: &mut Vec<(usize, Vec<String>)>, ix: usize, vals: Vec<String>| {
            given.retain(|(j, _)| *j != ix);
            given.push((ix, vals));
        };
        while let Some(w) = words.get(i) {
            i += 1;
            let Some(body) = w.strip_prefix("--").filter(|b| !b.is_empty()) else {
                let free = t.iter().position(|a| {
                    matches!(
                        a.target,
                        Target::Extra {
                            positional: true,
                            ..
                        }
                    )
                });
                match free {
                    Some(ix) if !given.iter().any(|(j, _)| *j == ix) => {
                        put(&mut given, ix, vec![w.clone()]);
                    }
                    _ => unknown.push(w.clone()),
                }
                continue;
            };
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let ix = match resolve(t, name) {
                Found::One(ix) => ix,
                Found::Many(flags) => {
                    let list: Vec<String> = flags.iter().map(|f| format!("--{f}")).collect();
                    return Err(usage(format!(
                        "ambiguous option: --{name} could match {}",
                        list.join(", ")
                    )));
                }
                Found::None => {
                    unknown.push(w.clone());
                    // The words after an unknown flag are left over too.
                    while let Some(v) = words.get(i).filter(|v| !option_like(v)) {
                        unknown.push(v.clone());
                        i += 1;
                    }
                    continue;
                }
            };
            let Some(a) = t.get(ix) else { continue };
            let shape_kind = match &a.target {
                Target::Member(_, s) => Some(&svc.shape(*s).kind),
                _ => None,
            };
            let flagless = matches!(
                (&a.target, shape_kind),
                (Target::Member(..), Some(Kind::Boolean))
                    | (Target::Negated(_), _)
                    | (Target::NegatedExtra(_), _)
                    | (Target::Extra { boolean: true, .. }, _)
            );
            if flagless {
                if let Some(v) = inline {
                    return Err(usage(format!(
                        "argument --{}: ignored explicit argument '{v}'",
                        a.flag
                    )));
                }
                put(&mut given, ix, Vec::new());
                continue;
            }
            if a.target == Target::Skeleton {
                let v = match inline {
                    Some(v) => v,
                    None => match words.get(i).filter(|v| !option_like(v)) {
                        Some(v) => {
                            i += 1;
                            v.clone()
                        }
                        None => "input".into(),
                    },
                };
                put(&mut given, ix, vec![v]);
                continue;
            }
            let many = matches!(shape_kind, Some(Kind::List(_)));
            let mut vals: Vec<String> = inline.into_iter().collect();
            if many {
                while let Some(v) = words.get(i).filter(|v| !option_like(v)) {
                    vals.push(v.clone());
                    i += 1;
                }
                if vals.is_empty() {
                    return Err(usage(format!(
                        "argument --{}: expected at least one argument",
                        a.flag
                    )));
                }
            } else if vals.is_empty() {
                match words.get(i).filter(|v| !option_like(v)) {
                    Some(v) => {
                        vals.push(v.clone());
                        i += 1;
                    }
                    None => {
                        return Err(usage(format!(
                            "argument --{}: expected one argument",
                            a.flag
                        )));
                    }
                }
            }
            put(&mut given, ix, vals);
        }
        let has = |target: &Target| {
            given
                .iter()
                .any(|(ix, _)| t.get(*ix).is_some_and(|a| &a.target == target))
        };
        // `--cli-input-json` and `--generate-cli-skeleton` lift argparse's required flags.
        let lifted = has(&Target::InputJson) || has(&Target::InputYaml) || has(&Target::Skeleton);
        if !lifted {
            let missing: Vec<String> = t
                .iter()
                .enumerate()
                .filter(|(ix, a)| a.required && !given.iter().any(|(j, _)| j == ix))
                .filter(|(_, a)| match &a.target {
                    // A member given through its alias is given.
                    Target::Member(m, _) => !given.iter().any(|(j, _)| {
                        t.get(*j)
                            .is_some_and(|b| matches!(&b.target, Target::Member(n, _) if n == m))
                    }),
                    _ => true,
                })
                .map(|(_, a)| {
                    if matches!(
                        a.target,
                        Target::Extra {
                            positional: true,
                            ..
                        }
                    ) {
                        a.flag.clone()
                    } else {
                        format!("--{}", a.flag)
                    }
                })
                .collect();
            if !missing.is_empty() {
                // The sandbox's addition: a mistyped flag near a missing one is named.
                let hint = unknown
                    .iter()
                    .filter(|u| u.starts_with("--"))
                    .find_map(|u| crate::suggest::nearest(u, missing.iter().map(String::as_str)))
                    .map(|f| did_you_mean(self.lang, f));
                return Err(usage(format!(
                    "the following arguments are required: {}",
                    missing.join(", ")
                ))
                .hint(hint));
            }
        }
        if !unknown.is_empty() {
            // The sandbox's addition: the flag nearest the first unknown one.
            let flags: Vec<String> = t.iter().map(|a| format!("--{}", a.flag)).collect();
            let hint = unknown
                .iter()
                .find(|u| u.starts_with("--"))
                .and_then(|u| crate::suggest::nearest(u, flags.iter().map(String::as_str)))
                .map(|f| did_you_mean(self.lang, f));
            let shown: Vec<String> = unknown
                .iter()
                .map(|u| crate::printable::excerpt(u, 60))
                .collect();
            return Err(ArgError::new(
                ErrKind::Unknown,
                format!("Unknown options: {}", shown.join(", ")),
            )
            .hint(hint));
        }
        let mut parsed = Parsed {
            args: Args::default(),
            skeleton: None,
            paging: Paging::default(),
        };
        let mut input = Map::new();
        // `--cli-input-json` first: flags given beside it win.
        for (ix, vals) in &given {
            let (Some(a), Some(v)) = (t.get(*ix), vals.first()) else {
                continue;
            };
            let text = || self.read_doc(&format!("--{}", a.flag), v);
            let doc: Option<Value> = match a.target {
                Target::InputJson => {
                    let text = text()?;
                    // The CLI names neither the mistake nor its place here.
                    Some(serde_json::from_str(&text).map_err(|_| {
                        param(
                            "Error parsing parameter 'cli-input-json': Invalid JSON received."
                                .to_string(),
                        )
                    })?)
                }
                Target::InputYaml => Some(serde_yaml::from_str(&text()?).map_err(|_| {
                    param("Error parsing parameter 'cli-input-yaml': Invalid YAML received.".into())
                })?),
                _ => None,
            };
            match doc {
                Some(Value::Object(m)) => input.extend(m),
                Some(other) => {
                    // Python's name of the type the document was read as.
                    let kind = match other {
                        Value::Array(_) => "list",
                        Value::String(_) => "str",
                        Value::Bool(_) => "bool",
                        Value::Number(n) if n.is_f64() => "float",
                        Value::Number(_) => "int",
                        _ => "NoneType",
                    };
                    return Err(param(format!(
                        "Error parsing parameter '--{}': Invalid type: expecting map, received <class '{kind}'>",
                        a.flag
                    )));
                }
                None => {}
            }
        }
        for (ix, vals) in &given {
            let Some(a) = t.get(*ix) else { continue };
            match &a.target {
                Target::Member(m, shape) => {
                    let v = match svc.shape(*shape).kind {
                        Kind::Boolean => Value::Bool(true),
                        _ => self.member_value(svc, &a.flag, *shape, vals)?,
                    };
                    input.insert(m.clone(), v);
                }
                Target::Negated(m) => {
                    input.insert(m.clone(), Value::Bool(false));
                }
                Target::Extra { boolean, .. } => {
                    let v = if *boolean {
                        "true".to_string()
                    } else {
                        vals.first().cloned().unwrap_or_default()
                    };
                    parsed.args.values.insert(a.flag.clone(), vec![v]);
                }
                Target::NegatedExtra(f) => {
                    parsed.args.values.insert(f.clone(), vec!["false".into()]);
                }
                Target::Skeleton => {
                    parsed.skeleton = Some(match vals.first().map(String::as_str) {
                        Some("input") | None => Skeleton::Input,
                        Some("yaml-input") => Skeleton::YamlInput,
                        Some("output") => Skeleton::Output,
                        Some(other) => {
                            return Err(super::cli_error::invalid_choice(
                                "--generate-cli-skeleton",
                                other,
                                ["input", "output", "yaml-input"],
                            ));
                        }
                    });
                }
                Target::StartingToken => {
                    let v = vals.first().map(String::as_str).unwrap_or("");
                    parsed.paging.start = decode_token(v)
                        .ok_or_else(|| general(format!("Bad starting token: {v}")))?;
                }
                Target::PageSize | Target::MaxItems => {
                    let v = vals.first().map(String::as_str).unwrap_or("");
                    let n: i64 = v.parse().map_err(|_| {
                        usage(format!("argument --{}: invalid int value: '{v}'", a.flag))
                    })?;
                    if a.target == Target::MaxItems {
                        parsed.paging.max_items = Some(usize::try_from(n).unwrap_or(0));
                    }
                }
                Target::InputJson | Target::InputYaml => {}
            }
        }
        if parsed.skeleton.is_some() {
            return Ok(parsed);
        }
        // `ec2 run-instances --count N` (or `MIN:MAX`, 1 when not given) sets the two
        // members the CLI hides.
        if op.cli.hidden.iter().any(|h| h == "MinCount") {
            let count = parsed.args.opt("count").unwrap_or("1").to_string();
            let (lo, hi) = count.split_once(':').unwrap_or((&count, &count));
            match (lo.trim().parse::<i64>(), hi.trim().parse::<i64>()) {
                (Ok(lo), Ok(hi)) => {
                    input.entry("MinCount").or_insert(Value::from(lo));
                    input.entry("MaxCount").or_insert(Value::from(hi));
                }
                _ => {
                    return Err(param(format!(
                        "Error parsing parameter '--count': invalid value: {count}"
                    )));
                }
            }
        }
        // `lambda create-function --zip-file fileb://NAME`: the CLI's customization sends the
        // file as the hidden `Code` member's `ZipFile` (the sandbox's files hold text: the
        // function's command lines).
        if op.cli.hidden.iter().any(|h| h == "Code")
            && let Some(v) = parsed.args.opt("zip-file").map(str::to_string)
        {
            let text = self.read_binary("--zip-file", &v)?;
            let code = input
                .entry("Code")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Some(m) = code.as_object_mut() {
                m.insert("ZipFile".into(), Value::String(text));
            }
        }
        if let Some(shape) = op.input {
            let report = validate::client(svc, shape, &Value::Object(input.clone()));
            if !report.is_empty() {
                return Err(param(format!(
                    "Parameter validation failed:\n{}",
                    report.join("\n")
                )));
            }
        }
        // The handlers read the request by flag name too.
        for (k, v) in &input {
            let vals = match v {
                Value::Array(items) => items.iter().map(legacy).collect(),
                other => vec![legacy(other)],
            };
            parsed.args.values.insert(xform_name(k), vals);
        }
        parsed.args.input = input;
        Ok(parsed)
    }

    /// `v` read as a parameter: `fileb://NAME` and `file://NAME` are one of the sandbox's
    /// files (which hold text either way), anything else is itself; a file that is not there
    /// is named as it was given.
    fn read_binary(&self, flag: &str, v: &str) -> Result<String, ArgError> {
        match v.strip_prefix("fileb://") {
            Some(rest) => self
                .read_doc(flag, &format!("file://{rest}"))
                .map_err(|mut e| {
                    e.message = e
                        .message
                        .replacen("paramfile file://", "paramfile fileb://", 1);
                    e
                }),
            None => self.read_doc(flag, v),
        }
    }

    /// A member's value from the words given for it.
    fn member_value(
        &self,
        svc: &Service,
        flag: &str,
        shape: ShapeId,
        vals: &[String],
    ) -> Result<Value, ArgError> {
        let mut words = Vec::with_capacity(vals.len());
        for v in vals {
            let v = self.read_binary(&format!("--{flag}"), v)?;
            words.push(v);
        }
        let json = |text: &str| -> Result<Value, ArgError> {
            serde_json::from_str(text).map_err(|e| {
                let e = super::pyjson::error(text).unwrap_or_else(|| e.to_string());
                param(format!(
                    "Error parsing parameter '--{flag}': Invalid JSON: {e}\nJSON received: {text}"
                ))
            })
        };
        let short = |text: &str, shape: ShapeId| -> Result<Value, ArgError> {
            let tree = shorthand::parse(text)
                .map_err(|e| param(format!("Error parsing parameter '--{flag}': {e}")))?;
            Ok(shorthand::typed(svc, shape, &tree))
        };
        let one = words.first().map(String::as_str).unwrap_or("");
        let complex = |s: ShapeId| {
            matches!(
                svc.shape(s).kind,
                Kind::Structure { .. } | Kind::Map { .. } | Kind::List(_)
            )
        };
        match &svc.shape(shape).kind {
            Kind::Structure { document: true, .. } => json(one),
            Kind::Structure { .. } | Kind::Map { .. } => {
                if one.trim_start().starts_with('{') {
                    json(one)
                } else {
                    short(one, shape)
                }
            }
            Kind::List(member) => {
                if let [w] = words.as_slice()
                    && w.trim_start().starts_with('[')
                {
                    return json(w);
                }
                let mut items = Vec::new();
                for w in &words {
                    items.push(if complex(*member) {
                        if w.trim_start().starts_with('{') {
                            json(w)?
                        } else {
                            short(w, *member)?
                        }
                    } else {
                        scalar(&svc.shape(*member).kind, w)?
                    });
                }
                Ok(Value::Array(items))
            }
            kind => scalar(kind, one),
        }
    }
}

/// A scalar flag's value, converted as the CLI converts it.
fn scalar(kind: &Kind, w: &str) -> Result<Value, ArgError> {
    match kind {
        Kind::Integer | Kind::Long => w
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| general(format!("invalid literal for int() with base 10: '{w}'"))),
        Kind::Double => w
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| general(format!("could not convert string to float: '{w}'"))),
        Kind::Boolean => Ok(Value::Bool(!w.eq_ignore_ascii_case("false"))),
        _ => Ok(Value::String(w.to_string())),
    }
}

/// A value as the handlers' string view holds it: text as itself, numbers and booleans
/// written out, structures as compact JSON.
/// The sandbox's suggestion after a usage error, on a line of its own below the CLI's.
fn did_you_mean(lang: crate::lang::Lang, flag: &str) -> String {
    crate::msg::Message::fill(
        crate::msg::sandbox::Sandbox::AwsDidYouMean,
        lang,
        &[("name", &flag)],
    )
}

fn legacy(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The token printed as `NextToken` when `--max-items` cut a list: base64 of a small JSON
/// object, as the CLI's tokens are.
pub fn encode_token(offset: usize) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("{{\"iamdojo_offset\": {offset}}}"))
}

fn decode_token(token: &str) -> Option<usize> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(token.trim())
        .ok()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    v.get("iamdojo_offset")?
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
}

/// `--generate-cli-skeleton`'s JSON for `shape`: empty strings (an enumeration's first
/// value), zeros, `true`, one-item lists, `{"KeyName": …}` maps; a structure met again inside
/// itself is `{}`.
pub fn skeleton(svc: &Service, shape: ShapeId, stack: &mut Vec<ShapeId>) -> Value {
    let s = svc.shape(shape);
    match &s.kind {
        Kind::Structure { members, .. } => {
            if stack.contains(&shape) {
                return Value::Object(Map::new());
            }
            stack.push(shape);
            let m = members
                .iter()
                .map(|m| (m.name.clone(), skeleton(svc, m.shape, stack)))
                .collect();
            stack.pop();
            Value::Object(m)
        }
        Kind::List(member) => Value::Array(vec![skeleton(svc, *member, stack)]),
        Kind::Map { value, .. } => {
            let mut m = Map::new();
            m.insert("KeyName".into(), skeleton(svc, *value, stack));
            Value::Object(m)
        }
        Kind::String => Value::String(s.enumeration.first().cloned().unwrap_or_default()),
        Kind::Integer | Kind::Long => Value::from(0),
        Kind::Double => serde_json::Number::from_f64(0.0)
            .map(Value::Number)
            .unwrap_or(Value::from(0)),
        Kind::Boolean => Value::Bool(true),
        Kind::Timestamp => Value::String("1970-01-01T00:00:00".into()),
        Kind::Blob { .. } => Value::Null,
    }
}

/// Applies `--max-items` and `--starting-token` to an answer's paged lists, and leaves out
/// the page tokens the CLI's paginator consumes; a cut list gets `NextToken`.
pub fn page(op: &Operation, paging: Paging, value: Value) -> Value {
    let Some(p) = &op.paginator else {
        return value;
    };
    let Value::Object(mut m) = value else {
        return value;
    };
    for k in p.output_token.iter().chain(&p.more_results) {
        if !p.result_key.contains(k) {
            m.shift_remove(k);
        }
    }
    let mut more = false;
    for k in &p.result_key {
        if let Some(Value::Array(items)) = m.get_mut(k) {
            let start = paging.start.min(items.len());
            items.drain(..start);
            if let Some(n) = paging.max_items
                && items.len() > n
            {
                items.truncate(n);
                more = true;
            }
        }
    }
    if more && let Some(n) = paging.max_items {
        m.insert(
            "NextToken".into(),
            Value::String(encode_token(paging.start + n)),
        );
    }
    Value::Object(m)
}
