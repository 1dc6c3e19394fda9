//! IAMDOJO.10–12: the validate-policy findings of every policy document the account holds
//! (errors, security warnings, warnings), each document validated once per audit and AWS
//! managed ones once per process.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use crate::account::Account;
use crate::audit::catalog::Catalog;
use crate::audit::said::{Arg, Fix, Said, Sep};
use crate::audit::validate::{self, FindingType, Hints, ValidationType};
use crate::msg::audit::Audit;

use super::{Context, Hit, PolicyUse, hit, run};

/// IAMDOJO.10: documents with validation errors.
pub(super) fn errors(cx: &Context) -> Vec<Hit> {
    lint_hits(cx, &[FindingType::Error], false)
}

/// IAMDOJO.11: documents with security warnings (a policy used only as a permissions
/// boundary grants nothing, and is left out).
pub(super) fn security_warnings(cx: &Context) -> Vec<Hit> {
    lint_hits(cx, &[FindingType::SecurityWarning], true)
}

/// IAMDOJO.12: documents with warnings.
pub(super) fn warnings(cx: &Context) -> Vec<Hit> {
    lint_hits(cx, &[FindingType::Warning], false)
}

/// A policy document the account holds for an identity: every customer managed policy (its
/// default version), every inline policy of a user, group or role, and every AWS managed
/// policy attached to someone (its risks are its holders' risks, though only AWS can change
/// it), with the command that replaces it.
struct HeldDocument<'a> {
    /// The ARN reported: the policy's, or its owner's for an inline policy.
    resource: String,
    /// How to name it in evidence.
    label: Said,
    /// Its name, for file names in the fix.
    name: String,
    text: &'a str,
    /// The command that puts a corrected document in place (for an AWS managed policy, what
    /// to do instead).
    replace: Fix,
    aws_managed: bool,
}

/// Every held document. `attached` counts the attachments of each managed policy ARN.
fn held_documents<'a>(a: &'a Account, attached: &HashMap<&str, usize>) -> Vec<HeldDocument<'a>> {
    let mut out = Vec::new();
    // AWS managed ones first, then the account's own.
    let managed = a
        .policies
        .values()
        .filter(|p| p.aws_managed)
        .chain(a.policies.values().filter(|p| !p.aws_managed));
    for p in managed {
        let Some(d) = p.default_document() else {
            continue;
        };
        if !p.aws_managed {
            out.push(HeldDocument {
                resource: p.arn.clone(),
                label: Said::new(Audit::LabelPolicy).with("name", &p.name),
                name: p.name.clone(),
                text: &d.text,
                replace: run(format!(
                    "aws iam create-policy-version --policy-arn {} --policy-document file://{}.json --set-as-default",
                    p.arn, p.name
                )),
                aws_managed: false,
            });
            continue;
        }
        let holders = attached.get(p.arn.as_str()).copied().unwrap_or(0);
        // Unused, or an administrator's policy (IAMDOJO.1's to report).
        if holders == 0 || super::iam::is_admin_document(&d.policy) {
            continue;
        }
        out.push(HeldDocument {
            resource: p.arn.clone(),
            label: Said::new(Audit::LabelAwsManaged)
                .with("name", &p.name)
                .with("n", holders),
            name: p.name.clone(),
            text: &d.text,
            replace: Fix::Note(Said::new(Audit::AwsMaintains).with("name", &p.name)),
            aws_managed: true,
        });
    }
    // Inline policies: (kind, how to name one, name, ARN, policies) of every user, group and
    // role.
    let owners = a
        .users
        .values()
        .map(|u| ("user", Audit::LabelInlineUser, &u.name, &u.arn, &u.inline))
        .chain(
            a.groups
                .values()
                .map(|g| ("group", Audit::LabelInlineGroup, &g.name, &g.arn, &g.inline)),
        )
        .chain(
            a.roles
                .values()
                .map(|r| ("role", Audit::LabelInlineRole, &r.name, &r.arn, &r.inline)),
        );
    for (kind, label, owner, arn, inline) in owners {
        for (n, d) in inline {
            out.push(HeldDocument {
                resource: arn.clone(),
                label: Said::new(label).with("name", n).with("owner", owner),
                name: n.clone(),
                text: &d.text,
                replace: run(format!(
                    "aws iam put-{kind}-policy --{kind}-name {owner} --policy-name {n} --policy-document file://{n}.json"
                )),
                aws_managed: false,
            });
        }
    }
    out
}

/// One held document with its validate-policy findings (the audit's risks included); the
/// text itself is not kept.
pub(super) struct Linted {
    resource: String,
    label: Said,
    name: String,
    replace: Fix,
    aws_managed: bool,
    /// Used only as a permissions boundary (it grants nothing).
    boundary_only: bool,
    findings: Found,
}

/// The validate-policy findings of one document, shared.
type Found = Arc<Vec<validate::Finding>>;

/// The lint of AWS managed policy documents by ARN (with the text it was made from), kept for
/// the life of the process. Their documents are the same in every account (the bundled ones
/// always are), validation is a function of the text alone, and `lessons lint` audits
/// hundreds of small accounts that attach the same large ones (`ReadOnlyAccess` has about
/// 1,900 actions). Bounded by the number of AWS managed policies there are.
static MANAGED_LINT: Mutex<BTreeMap<String, (String, Found)>> = Mutex::new(BTreeMap::new());

/// The findings of an AWS managed policy's document, from [`MANAGED_LINT`] when its text was
/// seen before. Their errors are never shown (see [`lint_hits`]), so no suggestions are
/// looked for.
fn managed_lint(catalog: &Catalog, arn: &str, text: &str) -> Found {
    let lock = || MANAGED_LINT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((seen, findings)) = lock().get(arn)
        && seen == text
    {
        return findings.clone();
    }
    let findings = Arc::new(
        validate::validate_with_hints(catalog, text, ValidationType::Identity, true, Hints::off())
            .findings,
    );
    lock().insert(arn.to_string(), (text.to_string(), findings.clone()));
    findings
}

/// Validates every held document (AWS managed ones attached to someone included), on every
/// core of the machine.
pub(super) fn lint_all(catalog: &Catalog, a: &Account, used: &PolicyUse) -> Vec<Linted> {
    let docs = held_documents(a, &used.attached);
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = docs.len().div_ceil(cores).max(1);
    // One memo of suggestions for the whole audit: accounts repeat their misspellings.
    let hints = Hints::new();
    let hints = &hints;
    let reports: Vec<Found> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let n = part.len();
                let h = scope.spawn(move || {
                    part.iter()
                        .map(|d| {
                            if d.aws_managed {
                                return managed_lint(catalog, &d.resource, d.text);
                            }
                            Arc::new(
                                validate::validate_with_hints(
                                    catalog,
                                    d.text,
                                    ValidationType::Identity,
                                    true,
                                    hints,
                                )
                                .findings,
                            )
                        })
                        .collect::<Vec<_>>()
                });
                (n, h)
            })
            .collect();
        // A document whose check failed counts as one without findings, in its place.
        handles
            .into_iter()
            .flat_map(|(n, h)| h.join().unwrap_or_else(|_| vec![Found::default(); n]))
            .collect()
    });
    docs.into_iter()
        .zip(reports)
        .map(|(d, findings)| Linted {
            boundary_only: used.boundary_only(&d.resource),
            aws_managed: d.aws_managed,
            resource: d.resource,
            label: d.label,
            name: d.name,
            replace: d.replace,
            findings,
        })
        .collect()
}

/// One hit per held document with validate-policy findings of the given types: the findings,
/// each with its line, as evidence. A policy used only as a permissions boundary grants
/// nothing and is left out of the security warnings; AWS managed policies are looked at for
/// security warnings only (AWS fixes their wording, the holders carry their risks).
fn lint_hits(cx: &Context, types: &[FindingType], skip_boundaries: bool) -> Vec<Hit> {
    let linted = cx.linted();
    let security = types.contains(&FindingType::SecurityWarning);
    linted
        .iter()
        .filter(|d| !(skip_boundaries && d.boundary_only))
        .filter(|d| security || !d.aws_managed)
        .filter_map(|d| {
            let found: Vec<Arg> = d
                .findings
                .iter()
                .filter(|f| types.contains(&f.finding_type))
                // IAM.1 and IAM.21 already report these on customer managed policies.
                .filter(|f| {
                    !(d.resource.contains(":policy/")
                        && matches!(
                            f.issue_code,
                            "ALLOW_ALL_ACTIONS" | "SERVICE_WILDCARD_ACTION"
                        ))
                })
                .map(|f| {
                    let line = f.locations.first().map_or(0, |l| l.span.start.line);
                    Said::new(Audit::LintItem)
                        .with("code", f.issue_code)
                        .with("line", line)
                        .detailing("details", f.finding_details.clone())
                        .into()
                })
                .collect();
            (!found.is_empty()).then(|| {
                hit(
                    &d.resource,
                    Said::new(Audit::LintFound)
                        .saying("label", d.label.clone())
                        .listing("found", found, Sep::Sentences),
                    vec![
                        Fix::RunThen(
                            format!(
                                "iamdojo validate-policy --risks --policy-document file://{}.json",
                                d.name
                            ),
                            Said::new(Audit::SeeEachFinding),
                        ),
                        d.replace.clone(),
                    ],
                )
            })
        })
        .collect()
}
