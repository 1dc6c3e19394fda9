//! AWS's own service models (botocore's `service-2.json` and `paginators-1.json`), trimmed to
//! the operations the sandbox simulates and bundled as `assets/aws-models.json.gz`
//! (`assets/gen/gen-service-models.py`; `build.rs` inflates it and the binary embeds the text).
//!
//! Read in two stages, once, on first use: serde reads the text into the raw shapes of
//! [`raw`], and [`Models::from_raw`] checks them (every shape a reference names exists, every
//! type is one this module knows, every paginator names members of its operation) into the
//! validated model the command layer matches on. A bundle that does not hold is a
//! [`ModelError`] naming the service, shape or operation at fault; a build-time test loads the
//! bundle, so a damaged one fails `cargo test`, never a learner's command.
//!
//! Architecture invariant: the command layer reads flags, required members, types and
//! constraints from here; no second, hand-written copy of an operation's parameters exists
//! for an operation the model has.

mod raw;

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The bundled models' JSON text.
const MODELS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/aws-models.json"));

/// A bundle that does not hold: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the bundled service models (assets/aws-models.json.gz): {path}: {message}")]
pub struct ModelError {
    /// e.g. `iam.shapes.CreateUserRequest.members.Tags`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The index of a shape in its service's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(usize);

/// Every simulated service's model.
#[derive(Debug)]
pub struct Models {
    /// The packages the bundle came from.
    pub source: Source,
    services: BTreeMap<String, Service>,
}

/// Where the bundle came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// botocore's version.
    pub botocore: String,
    /// The AWS CLI's version (its command tables).
    pub awscli: String,
}

/// One service, by the AWS CLI's name (`s3api` for botocore's `s3`).
#[derive(Debug)]
pub struct Service {
    /// The CLI's name.
    pub cli_name: String,
    /// botocore's name.
    pub botocore: String,
    /// e.g. `query`, `json`, `rest-xml`, `ec2`.
    pub protocol: String,
    /// The simulated operations.
    pub operations: BTreeMap<String, Operation>,
    /// The names of the service's other operations, which the sandbox does not simulate.
    pub other_operations: Vec<String>,
    shapes: Vec<Shape>,
}

/// One shape.
#[derive(Debug)]
pub struct Shape {
    /// The model's name for it.
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// The least length (strings, lists, maps) or value (numbers).
    pub min: Option<f64>,
    /// The greatest length or value.
    pub max: Option<f64>,
    /// The values a string may take (none: any).
    pub enumeration: Vec<String>,
    /// The regular expression a string must match, as the model writes it.
    pub pattern: Option<String>,
    compiled: OnceLock<Option<regex::Regex>>,
}

/// What a shape is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Named members.
    Structure {
        /// In the model's order.
        members: Vec<Member>,
        /// The members that must be given.
        required: Vec<String>,
        /// A free-form document (any JSON).
        document: bool,
    },
    /// A list.
    List(ShapeId),
    /// A map.
    Map {
        /// Its keys' shape.
        key: ShapeId,
        /// Its values' shape.
        value: ShapeId,
    },
    /// Text.
    String,
    /// A 32-bit whole number.
    Integer,
    /// A 64-bit whole number.
    Long,
    /// A number with a fraction.
    Double,
    /// true or false.
    Boolean,
    /// A time.
    Timestamp,
    /// Bytes.
    Blob {
        /// Sent as a stream (the CLI takes a file's path).
        streaming: bool,
    },
}

/// A member of a structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// e.g. `UserName`.
    pub name: String,
    /// Its shape.
    pub shape: ShapeId,
}

/// One simulated operation.
#[derive(Debug)]
pub struct Operation {
    /// e.g. `CreateUser`.
    pub name: String,
    /// The input shape.
    pub input: Option<ShapeId>,
    /// The output shape.
    pub output: Option<ShapeId>,
    /// How the CLI pages it, when it does.
    pub paginator: Option<Paginator>,
    /// Where the CLI's flags differ from the input's members.
    pub cli: CliDeviations,
    /// The CLI's argument table, worked out on first use (see `command::args`).
    pub(crate) table: OnceLock<Vec<super::command::args::CliArg>>,
}

/// `paginators-1.json`'s entry of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paginator {
    /// The input members that carry the token.
    pub input_token: Vec<String>,
    /// The output members that carry it.
    pub output_token: Vec<String>,
    /// The input member that sets a page's size.
    pub limit_key: Option<String>,
    /// The output members whose lists are paged.
    pub result_key: Vec<String>,
    /// The output member that says more pages follow.
    pub more_results: Option<String>,
}

/// Where the AWS CLI's flags for an operation are not its input's members.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CliDeviations {
    /// Flags the CLI adds (`ec2 run-instances --count`, `s3api get-object OUTFILE`).
    pub extra: Vec<ExtraArg>,
    /// Members the CLI takes no flag for.
    pub hidden: Vec<String>,
    /// Members the model requires and the CLI does not ask for as flags.
    pub optional: Vec<String>,
    /// Second flags for a member: (flag, member).
    pub aliases: Vec<(String, String)>,
    /// Whether the command takes `--cli-input-json` and `--generate-cli-skeleton`.
    pub input_json: bool,
}

/// A flag the CLI adds to an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraArg {
    /// Without dashes.
    pub flag: String,
    /// `string`, `boolean` or `integer`.
    pub boolean: bool,
    /// Whether it must be given.
    pub required: bool,
    /// A word without a flag.
    pub positional: bool,
}

static MODELS: OnceLock<Result<Models, ModelError>> = OnceLock::new();

/// The bundled models, read on first use.
pub fn models() -> Result<&'static Models, &'static ModelError> {
    MODELS.get_or_init(|| Models::parse(MODELS_JSON)).as_ref()
}

/// The operation `operation` of the CLI's service `service`, if the bundle has it.
pub fn operation(service: &str, operation: &str) -> Option<(&'static Service, &'static Operation)> {
    let m = models().ok()?;
    let s = m.service(service)?;
    Some((s, s.operations.get(operation)?))
}

impl Models {
    /// Reads and checks a bundle's text.
    pub fn parse(text: &str) -> Result<Models, ModelError> {
        let raw: raw::Bundle = serde_json::from_str(text).map_err(|e| ModelError {
            path: format!("line {} column {}", e.line(), e.column()),
            message: e.to_string(),
        })?;
        Models::from_raw(raw)
    }

    /// Checks the raw bundle into the model.
    pub fn from_raw(raw: raw::Bundle) -> Result<Models, ModelError> {
        let mut services = BTreeMap::new();
        for (name, s) in raw.services {
            services.insert(name.clone(), Service::from_raw(&name, s)?);
        }
        Ok(Models {
            source: Source {
                botocore: raw.source.botocore,
                awscli: raw.source.awscli,
            },
            services,
        })
    }

    /// A service by the CLI's name.
    pub fn service(&self, cli_name: &str) -> Option<&Service> {
        self.services.get(cli_name)
    }

    /// Every service.
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.services.values()
    }
}

impl Service {
    fn from_raw(name: &str, raw: raw::Service) -> Result<Service, ModelError> {
        let ids: BTreeMap<&str, ShapeId> = raw
            .shapes
            .keys()
            .enumerate()
            .map(|(i, k)| (k.as_str(), ShapeId(i)))
            .collect();
        let err = |path: String, message: String| ModelError {
            path: format!("{name}.{path}"),
            message,
        };
        let find = |path: &str, shape: &str| {
            ids.get(shape).copied().ok_or_else(|| {
                err(
                    path.to_string(),
                    format!("names the shape `{shape}`, which the bundle does not hold"),
                )
            })
        };
        let mut shapes = Vec::with_capacity(raw.shapes.len());
        for (sname, s) in &raw.shapes {
            let path = format!("shapes.{sname}");
            let kind = match s.kind.as_str() {
                "structure" => {
                    let mut members = Vec::new();
                    for (m, target) in &s.members {
                        members.push(Member {
                            name: m.clone(),
                            shape: find(&format!("{path}.members.{m}"), target)?,
                        });
                    }
                    for r in &s.required {
                        if !members.iter().any(|m| &m.name == r) {
                            return Err(err(
                                format!("{path}.required"),
                                format!("requires `{r}`, which is not a member"),
                            ));
                        }
                    }
                    Kind::Structure {
                        members,
                        required: s.required.clone(),
                        document: s.document,
                    }
                }
                "list" => {
                    let m = s
                        .member
                        .as_ref()
                        .ok_or_else(|| err(path.clone(), "a list without `member`".to_string()))?;
                    Kind::List(find(&format!("{path}.member"), &m.shape)?)
                }
                "map" => match (&s.key, &s.value) {
                    (Some(k), Some(v)) => Kind::Map {
                        key: find(&format!("{path}.key"), &k.shape)?,
                        value: find(&format!("{path}.value"), &v.shape)?,
                    },
                    _ => return Err(err(path, "a map without `key` and `value`".into())),
                },
                "string" => Kind::String,
                "integer" => Kind::Integer,
                "long" => Kind::Long,
                "double" | "float" => Kind::Double,
                "boolean" => Kind::Boolean,
                "timestamp" => Kind::Timestamp,
                "blob" => Kind::Blob {
                    streaming: s.streaming,
                },
                other => {
                    return Err(err(path, format!("unknown shape type `{other}`")));
                }
            };
            shapes.push(Shape {
                name: sname.clone(),
                kind,
                min: s.min,
                max: s.max,
                enumeration: s.enumeration.clone(),
                pattern: s.pattern.clone(),
                compiled: OnceLock::new(),
            });
        }
        let mut operations = BTreeMap::new();
        for (oname, o) in raw.operations {
            let path = format!("operations.{oname}");
            let input = o
                .input
                .as_deref()
                .map(|s| find(&format!("{path}.input"), s))
                .transpose()?;
            let output = o
                .output
                .as_deref()
                .map(|s| find(&format!("{path}.output"), s))
                .transpose()?;
            let members_of = |id: Option<ShapeId>| -> Vec<&str> {
                match id.and_then(|i| shapes.get(i.0)).map(|s| &s.kind) {
                    Some(Kind::Structure { members, .. }) => {
                        members.iter().map(|m| m.name.as_str()).collect()
                    }
                    _ => Vec::new(),
                }
            };
            let (ins, outs) = (members_of(input), members_of(output));
            if let Some(p) = &o.paginator {
                for t in p.input_token.iter().chain(&p.limit_key) {
                    if !ins.contains(&t.as_str()) {
                        return Err(err(
                            format!("{path}.paginator"),
                            format!("names `{t}`, which is not an input member"),
                        ));
                    }
                }
            }
            for m in o.cli.hidden.iter().chain(&o.cli.optional) {
                if !ins.contains(&m.as_str()) {
                    return Err(err(
                        format!("{path}.cli"),
                        format!("names `{m}`, which is not an input member"),
                    ));
                }
            }
            let _ = outs;
            let cli = CliDeviations {
                extra: o
                    .cli
                    .extra
                    .iter()
                    .map(|e| ExtraArg {
                        flag: e.flag.clone(),
                        boolean: e.kind == "boolean",
                        required: e.required,
                        positional: e.positional,
                    })
                    .collect(),
                hidden: o.cli.hidden.clone(),
                optional: o.cli.optional.clone(),
                aliases: o.cli.aliases.into_iter().collect(),
                input_json: o.cli.input_json,
            };
            operations.insert(
                oname.clone(),
                Operation {
                    name: oname,
                    input,
                    output,
                    paginator: o.paginator.map(|p| Paginator {
                        input_token: p.input_token,
                        output_token: p.output_token,
                        limit_key: p.limit_key,
                        result_key: p.result_key,
                        more_results: p.more_results,
                    }),
                    cli,
                    table: OnceLock::new(),
                },
            );
        }
        Ok(Service {
            cli_name: name.to_string(),
            botocore: raw.botocore,
            protocol: raw.protocol,
            operations,
            other_operations: raw.other_operations,
            shapes,
        })
    }

    /// A shape by its id. Ids come from this service's own table, so every one resolves.
    pub fn shape(&self, id: ShapeId) -> &Shape {
        // An id is only made by `from_raw`, as an index into `shapes`.
        #[allow(clippy::indexing_slicing)]
        &self.shapes[id.0]
    }

    /// Every shape.
    pub fn shapes(&self) -> impl Iterator<Item = (ShapeId, &Shape)> {
        self.shapes.iter().enumerate().map(|(i, s)| (ShapeId(i), s))
    }
}

impl Shape {
    /// The model's pattern compiled for a whole-value match, or `None` when it has none or
    /// the regular-expression engine cannot read it (the rule is then not checked).
    pub fn regex(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| {
                let p = self.pattern.as_ref()?;
                regex::Regex::new(&format!("^(?:{p})$")).ok()
            })
            .as_ref()
    }
}

/// botocore's `xform_name` with `-`: the CLI's flag of a member, `UserName` → `user-name`,
/// `MFADevices` → `mfa-devices`, `ResourceARNs` → `resource-arns`.
pub fn xform_name(name: &str) -> String {
    if name.contains('-') {
        return name.to_string();
    }
    let chars: Vec<char> = name.chars().collect();
    // A plural acronym at the end (`ARNs`, `ACLs`) becomes one lowercase word.
    let mut word: Vec<char> = chars.clone();
    if chars.len() >= 3 && chars.last() == Some(&'s') {
        let upper_run = chars
            .iter()
            .rev()
            .skip(1)
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if upper_run >= 2 {
            let cut = chars.len() - 1 - upper_run;
            word = chars.iter().take(cut).copied().collect();
            word.push('-');
            word.extend(chars.iter().skip(cut).map(|c| c.to_ascii_lowercase()));
        }
    }
    // `(.)([A-Z][a-z]+)` → `\1-\2`, left to right, matches not overlapping.
    let mut s1: Vec<char> = Vec::with_capacity(word.len() + 8);
    let mut i = 0;
    while let Some(&c) = word.get(i) {
        let up = word.get(i + 1).is_some_and(char::is_ascii_uppercase);
        let lows = word
            .iter()
            .skip(i + 2)
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        if c != '\n' && up && lows > 0 {
            s1.push(c);
            s1.push('-');
            s1.extend(word.iter().skip(i + 1).take(1 + lows));
            i += 2 + lows;
        } else {
            s1.push(c);
            i += 1;
        }
    }
    // `([a-z0-9])([A-Z])` → `\1-\2`, then lowercase.
    let mut out = String::with_capacity(s1.len() + 8);
    let mut i = 0;
    while let Some(&c) = s1.get(i) {
        let low = c.is_ascii_lowercase() || c.is_ascii_digit();
        match s1.get(i + 1) {
            Some(&n) if low && n.is_ascii_uppercase() => {
                out.push(c);
                out.push('-');
                out.push(n.to_ascii_lowercase());
                i += 2;
            }
            _ => {
                out.extend(c.to_lowercase());
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_loads() {
        let m = models().expect("the bundled models load");
        assert!(
            m.service("iam")
                .is_some_and(|s| s.operations.contains_key("CreateUser"))
        );
    }

    #[test]
    fn a_reference_to_a_missing_shape_is_an_error_not_a_panic() {
        let text = r#"{"source":{"botocore":"0","awscli":"0","license":"x"},"services":{"iam":{"botocore":"iam","api_version":"x","protocol":"query","other_operations":[],"operations":{},"shapes":{"A":{"type":"list","member":{"shape":"B"}}}}}}"#;
        let e = Models::parse(text).expect_err("refused");
        assert_eq!(e.path, "iam.shapes.A.member");
        assert!(e.message.contains("`B`"), "{e}");
    }

    #[test]
    fn xform_name_edge_cases() {
        for (m, f) in [
            ("UserName", "user-name"),
            ("MFADevices", "mfa-devices"),
            ("ResourceARNs", "resource-arns"),
            ("AuthenticationCode1", "authentication-code1"),
            ("ACL", "acl"),
            ("ChecksumCRC32C", "checksum-crc32-c"),
            ("VirtualMFADeviceName", "virtual-mfa-device-name"),
        ] {
            assert_eq!(xform_name(m), f, "{m}");
        }
    }
}
