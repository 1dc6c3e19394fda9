//! Policy validation in the shape of IAM Access Analyzer's `ValidatePolicy`: a policy text in,
//! a list of findings out, each with a type (`ERROR`, `SECURITY_WARNING`, `WARNING`,
//! `SUGGESTION`), an issue code, a sentence that explains it and says what to do, a page to
//! learn more, and the exact place in the text (element path and span).
//!
//! Validation is a pure function of the text, the policy type and the [`Catalog`]: no I/O.
//! A document the parser refuses gives one `ERROR` finding carrying the parser's error kind;
//! a parsed one is checked statement by statement against the catalog (unknown services,
//! actions and condition keys; resources that fit no action; operators of the wrong type;
//! set qualifiers), then for over-broad grants (`*`, `service:*`, `NotAction`,
//! `NotResource`, `iam:PassRole` on every role, public principals), redundancy, and the known
//! privilege-escalation permissions ([`escalation`]). The issue codes are listed in [`issue`].
//!
//! A finding's sentence is data ([`Detail`]): it is said in English in the JSON output, as
//! Access Analyzer says it, and in the reader's language by the text report and the TUI.

mod checks;
pub mod detail;
pub mod escalation;
mod hints;
pub mod issue;
mod locate;

use serde::Serialize;

pub use detail::{Detail, Risk, RiskScope, StatementName};
pub use hints::Hints;
pub use issue::{FindingType, Issue};
pub use locate::{Location, PathElement, TextPosition, TextSpan, parse_path, path_string};

use crate::audit::catalog::{Catalog, CatalogError};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::validate::Validate;
use crate::policy::{Policy, PolicyType};

/// The policy types `validate-policy` accepts, named as Access Analyzer names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValidationType {
    /// `IDENTITY_POLICY`: attached to a user, group or role (also a permissions boundary).
    Identity,
    /// `RESOURCE_POLICY`: attached to a resource, such as a bucket policy.
    Resource,
    /// `SERVICE_CONTROL_POLICY`: an AWS Organizations SCP.
    ServiceControl,
    /// `TRUST_POLICY`: a role's trust policy.
    Trust,
}

impl ValidationType {
    /// Every type, in the order of the command's help.
    pub const ALL: [ValidationType; 4] = [
        ValidationType::Identity,
        ValidationType::Resource,
        ValidationType::ServiceControl,
        ValidationType::Trust,
    ];

    /// The Access Analyzer name, e.g. `IDENTITY_POLICY`.
    pub fn as_str(self) -> &'static str {
        match self {
            ValidationType::Identity => "IDENTITY_POLICY",
            ValidationType::Resource => "RESOURCE_POLICY",
            ValidationType::ServiceControl => "SERVICE_CONTROL_POLICY",
            ValidationType::Trust => "TRUST_POLICY",
        }
    }

    /// Reads an Access Analyzer name (any case).
    pub fn parse(name: &str) -> Option<ValidationType> {
        ValidationType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name))
    }

    /// How the parser reads a document of this type. Identity policies are parsed without a
    /// size quota (the quota is reported as a warning, as Access Analyzer does).
    pub fn policy_type(self) -> PolicyType {
        match self {
            ValidationType::Identity => PolicyType::Identity,
            ValidationType::Resource => PolicyType::Resource,
            ValidationType::ServiceControl => PolicyType::Scp,
            ValidationType::Trust => PolicyType::Trust,
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Its impact.
    pub finding_type: FindingType,
    /// The issue code.
    pub issue_code: &'static str,
    /// What is wrong and what to do: [`Detail::text`] in the reader's language; its
    /// `Display` and the JSON output are the English.
    pub finding_details: Detail,
    /// A page that explains the issue.
    pub learn_more_link: &'static str,
    /// The places in the policy it is about (at least one).
    pub locations: Vec<Location>,
}

impl Finding {
    pub(crate) fn new(details: Detail, locations: Vec<Location>) -> Finding {
        let issue = details.issue();
        Finding {
            finding_type: issue.finding_type,
            issue_code: issue.code,
            finding_details: details,
            learn_more_link: issue.learn_more,
            locations,
        }
    }
}

/// The result of validating one policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    /// Every finding, in the order of their place in the text.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when some finding is an `ERROR`: a part of the policy does not work.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.finding_type == FindingType::Error)
    }

    /// How many findings there are of each type, in the order of [`FindingType`].
    pub fn counts(&self) -> [(FindingType, usize); 4] {
        [
            FindingType::Error,
            FindingType::SecurityWarning,
            FindingType::Warning,
            FindingType::Suggestion,
        ]
        .map(|t| {
            (
                t,
                self.findings.iter().filter(|f| f.finding_type == t).count(),
            )
        })
    }

    /// The report as pretty-printed JSON, `{"findings": [...]}`, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into());
        s.push('\n');
        s
    }

    /// The report for people, in `lang`: each finding with its place, the line of the policy
    /// it points at underlined, and the page to read; then a one-line summary.
    pub fn render_text(&self, text: &str, lang: Lang) -> String {
        use crate::input::snippet::{self, Mark};
        use crate::printable;
        let mut out = String::new();
        for f in &self.findings {
            let place = match f.locations.first() {
                Some(l) if !l.path.is_empty() => Validate::PlacePath.fill(
                    lang,
                    &[
                        ("path", &printable::inline(&l.path_string())),
                        ("line", &l.span.start.line),
                        ("column", &(l.span.start.column + 1)),
                    ],
                ),
                Some(l) => Validate::PlaceLine.fill(
                    lang,
                    &[
                        ("line", &l.span.start.line),
                        ("column", &(l.span.start.column + 1)),
                    ],
                ),
                None => Validate::PlaceWhole.text(lang).into(),
            };
            let heading = Validate::Heading.fill(
                lang,
                &[
                    ("type", &f.finding_type.text(lang)),
                    ("code", &f.issue_code),
                    ("place", &place),
                ],
            );
            out.push_str(&format!(
                "{heading}\n  {}\n",
                printable::clean(&f.finding_details.text(lang))
            ));
            let marks: Vec<Mark<'_>> = f
                .locations
                .iter()
                .map(|l| Mark {
                    line: l.span.start.line as usize,
                    start: l.span.start.column as usize,
                    end: (l.span.end.line == l.span.start.line)
                        .then_some(l.span.end.column as usize),
                    label: "",
                })
                .collect();
            let shown = snippet::render(text, None, &marks);
            for line in shown.lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(&format!(
                "  {}\n\n",
                Validate::LearnMore.fill(lang, &[("url", &lang.aws_doc(f.learn_more_link))])
            ));
        }
        out.push_str(&self.summary(lang));
        out.push('\n');
        out
    }

    /// `3 findings: 1 error, 2 warnings` or `no findings`, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        if self.findings.is_empty() {
            return Validate::NoFindings.text(lang).into();
        }
        let parts: Vec<String> = self
            .counts()
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| {
                let (one, many) = match t {
                    FindingType::Error => (Validate::CountError, Validate::CountErrors),
                    FindingType::SecurityWarning => (
                        Validate::CountSecurityWarning,
                        Validate::CountSecurityWarnings,
                    ),
                    FindingType::Warning => (Validate::CountWarning, Validate::CountWarnings),
                    FindingType::Suggestion => {
                        (Validate::CountSuggestion, Validate::CountSuggestions)
                    }
                };
                if *n == 1 {
                    one.text(lang).into()
                } else {
                    many.fill(lang, &[("n", n)])
                }
            })
            .collect();
        let counts = parts.join(Validate::ListSep.text(lang));
        match self.findings.len() {
            1 => Validate::SummaryOne.fill(lang, &[("counts", &counts)]),
            n => Validate::SummaryMany.fill(lang, &[("n", &n), ("counts", &counts)]),
        }
    }
}

/// Validates `text` as a policy of type `ty` with the bundled catalog (loaded on first use).
pub fn validate(text: &str, ty: ValidationType) -> Result<Report, CatalogError> {
    Ok(validate_with(Catalog::get()?, text, ty))
}

/// Validates `text` as a policy of type `ty` against `catalog`, with the process's shared
/// "did you mean" memo ([`Hints::shared`]): a caller that validates one document at a time
/// (`lessons lint`, the policy editor) looks each unknown name up once.
pub fn validate_with(catalog: &Catalog, text: &str, ty: ValidationType) -> Report {
    validate_with_hints(catalog, text, ty, false, Hints::shared())
}

/// [`validate_with`] plus the audit's risk checks of identity policies (our own issue codes,
/// not Access Analyzer's): credentials, stored data and permissions management allowed on
/// every resource of their kind. `iamdojo audit` runs these over every policy an account
/// holds; `validate-policy` runs them with `--risks`.
pub fn validate_with_risks(catalog: &Catalog, text: &str, ty: ValidationType) -> Report {
    validate_with_hints(catalog, text, ty, true, Hints::shared())
}

/// [`validate_with`] (`risks`: [`validate_with_risks`]) as one document of a run that
/// validates many: the "did you mean" suggestions come from `hints`, which looks each unknown
/// name up once for the whole run ([`Hints::off`]: none, for documents whose errors are not
/// shown).
pub fn validate_with_hints(
    catalog: &Catalog,
    text: &str,
    ty: ValidationType,
    risks: bool,
    hints: &Hints,
) -> Report {
    let loc = locate::Locator::new(text);
    let policy = match Policy::parse(text, ty.policy_type()) {
        Ok(p) => p,
        Err(e) => {
            let span = e.span.unwrap_or_else(|| loc.document());
            let location = loc.at(parse_path(&e.path), span);
            let details = Detail::Syntax {
                kind: e.kind,
                message: e.message.clone(),
            };
            let finding = Finding::new(details, vec![location]);
            return Report {
                findings: vec![finding],
            };
        }
    };
    let mut findings = checks::Checker::new(catalog, &policy, &loc, ty, hints)
        .with_risks(risks)
        .run();
    // Stable: findings at the same place keep the order the checks made them in.
    findings.sort_by_key(|f| {
        f.locations
            .first()
            .map(|l| l.span.start.offset)
            .unwrap_or(0)
    });
    Report { findings }
}
