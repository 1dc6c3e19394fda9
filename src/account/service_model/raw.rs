//! The bundle's text as serde reads it, before any rule is checked (see
//! [`super::Models::from_raw`]). Unknown fields are refused, so a bundle from a newer
//! generator that this build cannot read is an error, not a silent loss.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole bundle.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Where it came from.
    pub source: Source,
    /// By the CLI's service name.
    pub services: BTreeMap<String, Service>,
}

/// The packages it came from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// botocore's version.
    pub botocore: String,
    /// awscli's version.
    pub awscli: String,
    /// Their licence.
    pub license: String,
}

/// One service.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// botocore's name of it.
    pub botocore: String,
    /// The API version.
    pub api_version: String,
    /// The wire protocol.
    pub protocol: String,
    /// The simulated operations.
    pub operations: BTreeMap<String, Operation>,
    /// The others' names.
    pub other_operations: Vec<String>,
    /// The shapes the simulated operations reach.
    pub shapes: BTreeMap<String, Shape>,
}

/// One operation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// The input shape's name.
    pub input: Option<String>,
    /// The output shape's name.
    pub output: Option<String>,
    /// Its paginator.
    pub paginator: Option<Paginator>,
    /// The CLI's deviations.
    pub cli: Cli,
}

/// A paginator.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paginator {
    /// Input token members.
    pub input_token: Vec<String>,
    /// Output token members.
    pub output_token: Vec<String>,
    /// The page-size member.
    pub limit_key: Option<String>,
    /// The paged lists.
    pub result_key: Vec<String>,
    /// The more-pages member.
    pub more_results: Option<String>,
}

/// The CLI's deviations from the model.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cli {
    /// Flags it adds.
    pub extra: Vec<Extra>,
    /// Members without a flag.
    pub hidden: Vec<String>,
    /// Required members it does not require.
    pub optional: Vec<String>,
    /// Second flags.
    pub aliases: BTreeMap<String, String>,
    /// Whether `--cli-input-json` is taken.
    pub input_json: bool,
}

/// A flag the CLI adds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    /// Without dashes.
    pub flag: String,
    /// The CLI's type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Required.
    pub required: bool,
    /// Positional.
    pub positional: bool,
}

/// A shape's reference to another.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ref {
    /// The shape's name.
    pub shape: String,
}

/// One shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    /// `structure`, `list`, `string`, ….
    #[serde(rename = "type")]
    pub kind: String,
    /// A structure's members, in the model's order: (name, shape).
    #[serde(default)]
    pub members: Vec<(String, String)>,
    /// Required members.
    #[serde(default)]
    pub required: Vec<String>,
    /// A list's member.
    pub member: Option<Ref>,
    /// A map's key.
    pub key: Option<Ref>,
    /// A map's value.
    pub value: Option<Ref>,
    /// Least length or value.
    pub min: Option<f64>,
    /// Greatest length or value.
    pub max: Option<f64>,
    /// Allowed values.
    #[serde(default, rename = "enum")]
    pub enumeration: Vec<String>,
    /// A regular expression.
    pub pattern: Option<String>,
    /// A streamed blob.
    #[serde(default)]
    pub streaming: bool,
    /// A free-form document.
    #[serde(default)]
    pub document: bool,
}
