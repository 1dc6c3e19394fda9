//! `iamdojo validate-policy`: IAM Access Analyzer's `ValidatePolicy`, offline.

use std::io::{self, Write};

use clap::{Args as ClapArgs, ValueEnum};

use crate::audit::validate::ValidationType;

use super::{LangArg, lang_or_locale, read_arg};

/// Arguments of `validate-policy`; the flags mirror `aws accessanalyzer validate-policy`.
#[derive(Debug, ClapArgs)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The policy: `file://policy.json`, `-` for standard input, or the JSON itself.
    #[arg(long, value_name = "POLICY")]
    pub policy_document: String,
    /// What kind of policy it is.
    #[arg(
        long,
        value_enum,
        default_value = "IDENTITY_POLICY",
        value_name = "TYPE",
        ignore_case = true
    )]
    pub policy_type: PolicyTypeArg,
    /// `json` (Access Analyzer's shape) or `text` (for people, with the lines underlined).
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Also report the audit's risks of identity policies (our own checks, not Access
    /// Analyzer's): credentials, stored data and permissions management allowed on every
    /// resource of their kind.
    #[arg(long)]
    pub risks: bool,
    /// The language of `--format text` (default: the locale's, from `LC_ALL`,
    /// `LC_MESSAGES` or `LANG`). The JSON output is Access Analyzer's English in every
    /// language.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// `--policy-type` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
// The variant names mirror Access Analyzer's values (IDENTITY_POLICY, …).
#[allow(clippy::enum_variant_names)]
pub enum PolicyTypeArg {
    /// Attached to a user, group or role.
    IdentityPolicy,
    /// Attached to a resource, such as a bucket policy.
    ResourcePolicy,
    /// An AWS Organizations service control policy.
    ServiceControlPolicy,
    /// A role's trust policy.
    TrustPolicy,
}

impl PolicyTypeArg {
    fn validation_type(self) -> ValidationType {
        match self {
            PolicyTypeArg::IdentityPolicy => ValidationType::Identity,
            PolicyTypeArg::ResourcePolicy => ValidationType::Resource,
            PolicyTypeArg::ServiceControlPolicy => ValidationType::ServiceControl,
            PolicyTypeArg::TrustPolicy => ValidationType::Trust,
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `{"findings": [...]}` as Access Analyzer prints it.
    Json,
    /// Readable findings with the policy lines they point at.
    Text,
}

const EXAMPLES: &str = "Examples:
  iamdojo validate-policy --policy-document file://policy.json
  iamdojo validate-policy --policy-document file://bucket-policy.json --policy-type RESOURCE_POLICY --format text
  iamdojo validate-policy --policy-document file://policy.json --format text --lang ja
  cat policy.json | iamdojo validate-policy --policy-document -

Exit status: 0 when no finding is an ERROR, 1 when one is, 2 when the policy cannot be read.";

/// Runs the command; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let text = match read_arg(&args.policy_document) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("iamdojo validate-policy: --policy-document: {msg}");
            return Ok(2);
        }
    };
    let catalog = crate::audit::catalog::Catalog::get();
    let report = match catalog.map(|c| {
        let ty = args.policy_type.validation_type();
        if args.risks {
            crate::audit::validate::validate_with_risks(c, &text, ty)
        } else {
            crate::audit::validate::validate_with(c, &text, ty)
        }
    }) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("iamdojo validate-policy: {e}");
            return Ok(2);
        }
    };
    match args.format {
        Format::Json => write!(out, "{}", report.to_json())?,
        Format::Text => {
            let lang = lang_or_locale(args.lang);
            write!(out, "{}", report.render_text(&text, lang))?
        }
    }
    Ok(if report.has_errors() { 1 } else { 0 })
}
