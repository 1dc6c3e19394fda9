//! Findings over a simulated (or imported) account: AWS Security Hub controls where one
//! exists (with the matching CIS AWS Foundations Benchmark item) and checks of our own that go
//! further (`IAMDOJO.n`). Every finding carries the evidence that shows it and the AWS CLI
//! commands that fix it.
//!
//! Control ids and severities follow the Security Hub controls reference
//! (<https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html>);
//! CIS titles are paraphrased, never quoted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;
use serde::Serialize;

use crate::account::ec2::State;
use crate::account::{Account, KeyStatus};
use crate::policy::Effect;

use super::escalation;

/// How bad a finding is, as Security Hub grades it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    /// Informational.
    Informational,
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Severity {
    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "CRITICAL",
            Severity::High => "HIGH",
            Severity::Medium => "MEDIUM",
            Severity::Low => "LOW",
            Severity::Informational => "INFORMATIONAL",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Security Hub control id (`IAM.4`) or ours (`IAMDOJO.2`).
    pub control: String,
    /// The CIS AWS Foundations Benchmark item, when one matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cis: Option<String>,
    /// Severity.
    pub severity: Severity,
    /// The resource's ARN.
    pub resource: String,
    /// What is wrong, in one line.
    pub title: String,
    /// What in the data shows it.
    pub evidence: String,
    /// AWS CLI commands that fix it.
    pub fix: Vec<String>,
    /// Where to read more.
    pub learn_more: String,
}

/// A control: its id, grading and the check that finds violations.
pub struct Control {
    /// Id.
    pub id: &'static str,
    /// CIS item.
    pub cis: Option<&'static str>,
    /// Severity.
    pub severity: Severity,
    /// Title.
    pub title: &'static str,
    /// Reference.
    pub learn_more: &'static str,
    /// The check: resource, evidence and fix commands of each violation.
    pub check: fn(&Account, Timestamp) -> Vec<Hit>,
}

/// One violation found by a check.
pub struct Hit {
    /// The resource's ARN.
    pub resource: String,
    /// What shows it.
    pub evidence: String,
    /// What fixes it.
    pub fix: Vec<String>,
}

fn hit(resource: impl Into<String>, evidence: impl Into<String>, fix: Vec<String>) -> Hit {
    Hit {
        resource: resource.into(),
        evidence: evidence.into(),
        fix,
    }
}

const SH: &str = "https://docs.aws.amazon.com/securityhub/latest/userguide/";

fn days(a: Timestamp, b: Timestamp) -> i64 {
    (b.as_second() - a.as_second()) / 86_400
}

fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

fn root_arn(a: &Account) -> String {
    format!("arn:aws:iam::{}:root", a.id)
}

/// A policy document the account holds for an identity: every customer managed policy (its
/// default version), every inline policy of a user, group or role, and every AWS managed
/// policy attached to someone (its risks are its holders' risks, though only AWS can change
/// it), with the command that replaces it.
struct HeldDocument<'a> {
    /// The ARN reported: the policy's, or its owner's for an inline policy.
    resource: String,
    /// How to name it in evidence.
    label: String,
    /// Its name, for file names in the fix.
    name: String,
    text: &'a str,
    /// The command that puts a corrected document in place.
    replace: String,
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
                label: format!("policy {}", p.name),
                name: p.name.clone(),
                text: &d.text,
                replace: format!(
                    "aws iam create-policy-version --policy-arn {} --policy-document file://{}.json --set-as-default",
                    p.arn, p.name
                ),
                aws_managed: false,
            });
            continue;
        }
        let holders = attached.get(p.arn.as_str()).copied().unwrap_or(0);
        // Unused, or an administrator's policy (IAMDOJO.1's to report).
        if holders == 0 || is_admin_document(&d.policy) {
            continue;
        }
        out.push(HeldDocument {
            resource: p.arn.clone(),
            label: format!("AWS managed policy {} (attached {holders} time(s))", p.name),
            name: p.name.clone(),
            text: &d.text,
            replace: format!(
                "# AWS maintains {0}: write a customer managed policy with only what is needed (aws iam create-policy --policy-name {0}-scoped --policy-document file://{0}-scoped.json), attach it, then detach {0} from its holders",
                p.name
            ),
            aws_managed: true,
        });
    }
    // Inline policies: (kind, name, ARN, policies) of every user, group and role.
    let owners = a
        .users
        .values()
        .map(|u| ("user", &u.name, &u.arn, &u.inline))
        .chain(
            a.groups
                .values()
                .map(|g| ("group", &g.name, &g.arn, &g.inline)),
        )
        .chain(
            a.roles
                .values()
                .map(|r| ("role", &r.name, &r.arn, &r.inline)),
        );
    for (kind, owner, arn, inline) in owners {
        for (n, d) in inline {
            out.push(HeldDocument {
                resource: arn.clone(),
                label: format!("inline policy {n} of {kind} {owner}"),
                name: n.clone(),
                text: &d.text,
                replace: format!(
                    "aws iam put-{kind}-policy --{kind}-name {owner} --policy-name {n} --policy-document file://{n}.json"
                ),
                aws_managed: false,
            });
        }
    }
    out
}

/// One held document with its validate-policy findings (the audit's risks included); the
/// text itself is not kept.
struct Linted {
    resource: String,
    label: String,
    name: String,
    replace: String,
    aws_managed: bool,
    /// Used only as a permissions boundary (it grants nothing).
    boundary_only: bool,
    findings: Found,
}

/// The validate-policy findings of one document, shared.
type Found = Arc<Vec<super::validate::Finding>>;

/// The lint of AWS managed policy documents by ARN (with the text it was made from), kept for
/// the life of the process. Their documents are the same in every account (the bundled ones
/// always are), validation is a function of the text alone, and `lessons lint` audits
/// hundreds of small accounts that attach the same large ones (`ReadOnlyAccess` has about
/// 1,900 actions). Bounded by the number of AWS managed policies there are.
static MANAGED_LINT: Mutex<BTreeMap<String, (String, Found)>> = Mutex::new(BTreeMap::new());

/// The findings of an AWS managed policy's document, from [`MANAGED_LINT`] when its text was
/// seen before. Their errors are never shown (see [`lint_hits`]), so no suggestions are
/// looked for.
fn managed_lint(catalog: &super::catalog::Catalog, arn: &str, text: &str) -> Found {
    let lock = || MANAGED_LINT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((seen, findings)) = lock().get(arn)
        && seen == text
    {
        return findings.clone();
    }
    let findings = Arc::new(
        super::validate::validate_with_hints(
            catalog,
            text,
            super::validate::ValidationType::Identity,
            true,
            super::validate::Hints::off(),
        )
        .findings,
    );
    lock().insert(arn.to_string(), (text.to_string(), findings.clone()));
    findings
}

thread_local! {
    /// The lint of every held document during one [`audit`], shared by the three controls
    /// that report it.
    static LINTED: std::cell::RefCell<Option<std::rc::Rc<Vec<Linted>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Validates every held document (AWS managed ones attached to someone included), on every
/// core of the machine.
fn lint_all(a: &Account) -> Vec<Linted> {
    let Ok(catalog) = super::catalog::Catalog::get() else {
        return Vec::new();
    };
    let used = PolicyUse::of(a);
    let docs = held_documents(a, &used.attached);
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = docs.len().div_ceil(cores).max(1);
    // One memo of suggestions for the whole audit: accounts repeat their misspellings.
    let hints = super::validate::Hints::new();
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
                                super::validate::validate_with_hints(
                                    catalog,
                                    d.text,
                                    super::validate::ValidationType::Identity,
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
fn lint_hits(
    a: &Account,
    types: &[super::validate::FindingType],
    skip_boundaries: bool,
) -> Vec<Hit> {
    let linted = LINTED
        .with(|l| l.borrow().clone())
        .unwrap_or_else(|| std::rc::Rc::new(lint_all(a)));
    let security = types.contains(&super::validate::FindingType::SecurityWarning);
    linted
        .iter()
        .filter(|d| !(skip_boundaries && d.boundary_only))
        .filter(|d| security || !d.aws_managed)
        .filter_map(|d| {
            let found: Vec<String> = d
                .findings
                .iter()
                .filter(|f| types.contains(&f.finding_type))
                // IAM.1 and IAM.21 already report these on customer managed policies.
                .filter(|f| {
                    !(d.resource.contains(":policy/")
                        && matches!(f.issue_code, "ALLOW_ALL_ACTIONS" | "SERVICE_WILDCARD_ACTION"))
                })
                .map(|f| {
                    let line = f.locations.first().map_or(0, |l| l.span.start.line);
                    format!("{} (line {line}): {}", f.issue_code, f.finding_details)
                })
                .collect();
            (!found.is_empty()).then(|| {
                hit(
                    &d.resource,
                    format!("{}: {}", d.label, found.join("; ")),
                    vec![
                        format!("iamdojo validate-policy --risks --policy-document file://{}.json   # see each finding, fix the document, then:", d.name),
                        d.replace.clone(),
                    ],
                )
            })
        })
        .collect()
}

/// True when a policy allows `*` on `*` with no condition (full administrator).
fn is_admin_document(p: &crate::policy::Policy) -> bool {
    p.statements.iter().any(|s| {
        s.effect == Effect::Allow
            && s.conditions.is_empty()
            && !s.action.negated
            && s.action.patterns.iter().any(|a| a.raw.value == "*")
            && s.resource
                .as_ref()
                .is_some_and(|r| !r.negated && r.patterns.iter().any(|p| p.raw.value == "*"))
    })
}

/// How the account uses its managed policies: attachments per ARN, and the ARNs used as
/// permissions boundaries. Made once per check that needs it, in one pass over the account.
struct PolicyUse<'a> {
    attached: HashMap<&'a str, usize>,
    boundaries: std::collections::HashSet<&'a str>,
}

impl<'a> PolicyUse<'a> {
    fn of(a: &'a Account) -> PolicyUse<'a> {
        let mut attached: HashMap<&str, usize> = HashMap::new();
        for arn in a
            .users
            .values()
            .flat_map(|u| u.attached.iter())
            .chain(a.groups.values().flat_map(|g| g.attached.iter()))
            .chain(a.roles.values().flat_map(|r| r.attached.iter()))
        {
            *attached.entry(arn.as_str()).or_default() += 1;
        }
        let boundaries = a
            .users
            .values()
            .filter_map(|u| u.boundary.as_deref())
            .chain(a.roles.values().filter_map(|r| r.boundary.as_deref()))
            .collect();
        PolicyUse {
            attached,
            boundaries,
        }
    }

    /// True for a policy used only as a permissions boundary, never attached (Security Hub
    /// runs IAM.1 and IAM.21 with `excludePermissionBoundaryPolicy`).
    fn boundary_only(&self, arn: &str) -> bool {
        self.boundaries.contains(arn) && !self.attached.contains_key(arn)
    }
}

/// Every check, in the order findings are reported within one severity.
pub fn controls() -> Vec<Control> {
    vec![
        Control {
            id: "IAM.4",
            cis: Some("CIS v3.0 1.4"),
            severity: Severity::Critical,
            title: "The root user has an access key",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4",
            check: |a, _| {
                a.root
                    .access_keys
                    .iter()
                    .filter(|k| k.status == KeyStatus::Active)
                    .map(|k| {
                        hit(
                            root_arn(a),
                            format!(
                                "root access key {} is active (created {})",
                                k.id,
                                date(k.created)
                            ),
                            vec![format!(
                                "aws iam delete-access-key --access-key-id {}   # as the root user",
                                k.id
                            )],
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAM.9",
            cis: Some("CIS v3.0 1.5"),
            severity: Severity::Critical,
            title: "MFA is not enabled for the root user",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9",
            check: |a, _| {
                if a.root.mfa_enabled {
                    vec![]
                } else {
                    vec![hit(root_arn(a), "the root user signs in with a password alone", vec!["# Sign in as root, open Security credentials and assign an MFA device (the root user's MFA cannot be set from the CLI)".into()])]
                }
            },
        },
        Control {
            id: "IAM.6",
            cis: Some("CIS v3.0 1.6"),
            severity: Severity::Critical,
            title: "Hardware MFA is not enabled for the root user",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6",
            check: |a, _| {
                if a.root.mfa_enabled {
                    vec![]
                } else {
                    vec![hit(root_arn(a), "the root user has no MFA device, hardware or virtual", vec!["# Assign a hardware security key or token to the root user in the console".into()])]
                }
            },
        },
        Control {
            id: "IAM.1",
            cis: Some("CIS v3.0 1.16"),
            severity: Severity::High,
            title: "A customer managed policy grants full \"*\" administrative privileges",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1",
            check: |a, _| {
                let used = PolicyUse::of(a);
                a.policies.values().filter(|p| !p.aws_managed).filter(|p| p.default_document().is_some_and(|d| is_admin_document(&d.policy))).filter(|p| !used.boundary_only(&p.arn)).map(|p| hit(&p.arn, format!("the default version {} of {} allows \"Action\": \"*\" on \"Resource\": \"*\"", p.default_version, p.name), vec![format!("aws iam create-policy-version --policy-arn {} --policy-document file://least-privilege.json --set-as-default", p.arn)])).collect()
            },
        },
        Control {
            id: "S3.2",
            cis: None,
            severity: Severity::Critical,
            title: "An S3 bucket allows public read access",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2",
            check: |a, _| {
                a.buckets.values().filter(|b| effectively_public(a, b, false)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name), format!("aws s3api delete-bucket-policy --bucket {}", b.name)])).collect()
            },
        },
        Control {
            id: "S3.3",
            cis: None,
            severity: Severity::Critical,
            title: "An S3 bucket allows public write access",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3",
            check: |a, _| {
                a.buckets.values().filter(|b| effectively_public(a, b, true)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![format!("aws s3api put-bucket-acl --bucket {} --acl private", b.name), format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name)])).collect()
            },
        },
        Control {
            id: "EC2.13",
            cis: None,
            severity: Severity::High,
            title: "A security group allows SSH (port 22) from anywhere",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13",
            check: |a, _| {
                let mut v = open_port(a, 22, "0.0.0.0/0");
                v.extend(open_port(a, 22, "::/0"));
                dedup(v)
            },
        },
        Control {
            id: "EC2.14",
            cis: None,
            severity: Severity::High,
            title: "A security group allows RDP (port 3389) from anywhere",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-14",
            check: |a, _| {
                let mut v = open_port(a, 3389, "0.0.0.0/0");
                v.extend(open_port(a, 3389, "::/0"));
                dedup(v)
            },
        },
        Control {
            id: "EC2.53",
            cis: Some("CIS v3.0 5.2"),
            severity: Severity::High,
            title: "A security group allows remote administration ports from 0.0.0.0/0",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53",
            check: |a, _| {
                let mut v = open_port(a, 22, "0.0.0.0/0");
                v.extend(open_port(a, 3389, "0.0.0.0/0"));
                dedup(v)
            },
        },
        Control {
            id: "EC2.54",
            cis: Some("CIS v3.0 5.3"),
            severity: Severity::High,
            title: "A security group allows remote administration ports from ::/0",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-54",
            check: |a, _| {
                let mut v = open_port(a, 22, "::/0");
                v.extend(open_port(a, 3389, "::/0"));
                dedup(v)
            },
        },
        Control {
            id: "EC2.2",
            cis: Some("CIS v3.0 5.4"),
            severity: Severity::High,
            title: "The default security group allows traffic",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
            check: |a, _| {
                a.security_groups.values().filter(|g| g.name == "default" && !g.ingress.is_empty()).map(|g| hit(format!("arn:aws:ec2:us-east-1:{}:security-group/{}", a.id, g.id), format!("the default group {} has {} ingress rule(s)", g.id, g.ingress.len()), g.ingress.iter().map(|r| format!("aws ec2 revoke-security-group-ingress --group-id {} --protocol {} --port {} --cidr {}", g.id, r.protocol, port_text(r), r.cidr)).collect())).collect()
            },
        },
        Control {
            id: "EC2.8",
            cis: Some("CIS v3.0 5.6"),
            severity: Severity::High,
            title: "An EC2 instance does not require IMDSv2",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8",
            check: |a, _| {
                a.instances.values().filter(|i| i.state != State::Terminated && i.http_tokens != "required").map(|i| hit(format!("arn:aws:ec2:{}:{}:instance/{}", i.region, a.id, i.id), format!("{} ({}) accepts metadata requests without a session token (HttpTokens={})", i.id, i.instance_type, i.http_tokens), vec![format!("aws ec2 modify-instance-metadata-options --instance-id {} --http-tokens required", i.id)])).collect()
            },
        },
        Control {
            id: "CloudTrail.1",
            cis: Some("CIS v3.0 3.1"),
            severity: Severity::High,
            title: "No multi-Region CloudTrail trail is logging",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1",
            check: |a, _| {
                if a.cloudtrail
                    .trails
                    .iter()
                    .any(|t| t.logging && t.multi_region)
                {
                    return vec![];
                }
                let evidence = if a.cloudtrail.trails.is_empty() {
                    "the account has no trail: API activity older than 90 days is lost and nothing is kept outside the account".to_string()
                } else {
                    format!(
                        "{} trail(s), none both multi-Region and logging",
                        a.cloudtrail.trails.len()
                    )
                };
                vec![hit(root_arn(a), evidence, vec!["aws s3api create-bucket --bucket audit-logs-<account-id>".into(), "aws cloudtrail create-trail --name main --s3-bucket-name audit-logs-<account-id> --is-multi-region-trail --enable-log-file-validation".into(), "aws cloudtrail start-logging --name main".into()])]
            },
        },
        Control {
            id: "GuardDuty.1",
            cis: None,
            severity: Severity::High,
            title: "GuardDuty is not enabled",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1",
            check: |a, _| {
                if a.guardduty.enabled_at.is_some() {
                    vec![]
                } else {
                    vec![hit(
                        root_arn(a),
                        "no GuardDuty detector: crypto mining or calls from malicious IPs would go unnoticed",
                        vec!["aws guardduty create-detector --enable".into()],
                    )]
                }
            },
        },
        Control {
            id: "IAM.5",
            cis: Some("CIS v3.0 1.10"),
            severity: Severity::Medium,
            title: "A user with a console password has no MFA",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5",
            check: |a, _| {
                a.users
                    .values()
                    .filter(|u| {
                        u.login_profile.is_some() && !u.mfa.iter().any(|d| d.enabled.is_some())
                    })
                    .map(|u| {
                        hit(
                            &u.arn,
                            format!(
                                "{} signs in to the console with a password and no MFA device",
                                u.name
                            ),
                            mfa_fix(a, &u.name),
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAM.19",
            cis: None,
            severity: Severity::Medium,
            title: "MFA is not enabled for a user",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-19",
            check: |a, _| {
                a.users
                    .values()
                    .filter(|u| !u.mfa.iter().any(|d| d.enabled.is_some()))
                    .map(|u| {
                        hit(
                            &u.arn,
                            format!("{} has no MFA device", u.name),
                            mfa_fix(a, &u.name),
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAM.3",
            cis: Some("CIS v3.0 1.14"),
            severity: Severity::Medium,
            title: "An access key has not been rotated in 90 days",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3",
            check: |a, now| {
                a.users.values().flat_map(|u| u.access_keys.iter().filter(move |k| k.status == KeyStatus::Active && days(k.created, now) > 90).map(move |k| hit(&u.arn, format!("{}'s key {} is {} days old (created {})", u.name, k.id, days(k.created, now), date(k.created)), vec![format!("aws iam create-access-key --user-name {}", u.name), "# move the application to the new key, then:".into(), format!("aws iam update-access-key --user-name {} --access-key-id {} --status Inactive", u.name, k.id), format!("aws iam delete-access-key --user-name {} --access-key-id {}", u.name, k.id)]))).collect()
            },
        },
        Control {
            id: "IAM.8",
            cis: None,
            severity: Severity::Medium,
            title: "A user's credentials have not been used in 90 days",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-8",
            check: |a, now| unused_credentials(a, now, 90),
        },
        Control {
            id: "IAM.22",
            cis: Some("CIS v3.0 1.12"),
            severity: Severity::Medium,
            title: "A user's credentials have not been used in 45 days",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22",
            check: |a, now| unused_credentials(a, now, 45),
        },
        Control {
            id: "IAM.7",
            cis: None,
            severity: Severity::Medium,
            title: "The password policy is weak",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7",
            check: |a, _| match &a.password_policy {
                None => vec![hit(
                    root_arn(a),
                    "no password policy: AWS's defaults allow 8-character passwords that never expire",
                    vec![strong_policy_fix()],
                )],
                Some(p) => {
                    let mut weak = Vec::new();
                    // Security Hub checks IAM.7 with a minimum of 8 (14 is IAM.15's bar).
                    if p.minimum_password_length < 8 {
                        weak.push(format!("minimum length {}", p.minimum_password_length));
                    }
                    if !(p.require_uppercase_characters
                        && p.require_lowercase_characters
                        && p.require_numbers
                        && p.require_symbols)
                    {
                        weak.push("not every character type required".to_string());
                    }
                    if weak.is_empty() {
                        vec![]
                    } else {
                        vec![hit(root_arn(a), weak.join("; "), vec![strong_policy_fix()])]
                    }
                }
            },
        },
        Control {
            id: "IAM.11",
            cis: None,
            severity: Severity::Medium,
            title: "The password policy does not require an uppercase letter",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-11",
            check: |a, _| {
                pw(
                    a,
                    |p| p.require_uppercase_characters,
                    "uppercase letters are not required",
                )
            },
        },
        Control {
            id: "IAM.12",
            cis: None,
            severity: Severity::Medium,
            title: "The password policy does not require a lowercase letter",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-12",
            check: |a, _| {
                pw(
                    a,
                    |p| p.require_lowercase_characters,
                    "lowercase letters are not required",
                )
            },
        },
        Control {
            id: "IAM.13",
            cis: None,
            severity: Severity::Medium,
            title: "The password policy does not require a symbol",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-13",
            check: |a, _| pw(a, |p| p.require_symbols, "symbols are not required"),
        },
        Control {
            id: "IAM.14",
            cis: None,
            severity: Severity::Medium,
            title: "The password policy does not require a number",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-14",
            check: |a, _| pw(a, |p| p.require_numbers, "numbers are not required"),
        },
        Control {
            id: "IAM.15",
            cis: Some("CIS v3.0 1.8"),
            severity: Severity::Medium,
            title: "The password policy allows passwords shorter than 14 characters",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15",
            check: |a, _| {
                pw(
                    a,
                    |p| p.minimum_password_length >= 14,
                    "the minimum length is below 14",
                )
            },
        },
        Control {
            id: "IAM.16",
            cis: Some("CIS v3.0 1.9"),
            severity: Severity::Low,
            title: "The password policy allows reusing recent passwords",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16",
            check: |a, _| {
                pw(
                    a,
                    |p| p.password_reuse_prevention.is_some_and(|n| n >= 24),
                    "fewer than the last 24 passwords are remembered",
                )
            },
        },
        Control {
            id: "IAM.17",
            cis: None,
            severity: Severity::Low,
            title: "The password policy does not expire passwords within 90 days",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-17",
            check: |a, _| {
                pw(
                    a,
                    |p| p.max_password_age.is_some_and(|d| d <= 90),
                    "passwords do not expire within 90 days",
                )
            },
        },
        Control {
            id: "S3.1",
            cis: Some("CIS v3.0 2.1.4"),
            severity: Severity::Medium,
            title: "Account-level S3 Block Public Access is not fully on",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1",
            check: |a, _| {
                let on = a.account_public_access_block.is_some_and(|p| {
                    p.block_public_acls
                        && p.ignore_public_acls
                        && p.block_public_policy
                        && p.restrict_public_buckets
                });
                if on {
                    vec![]
                } else {
                    vec![hit(
                        root_arn(a),
                        "not every account-level Block Public Access setting is on, so one bucket setting away from a leak",
                        vec![format!(
                            "aws s3control put-public-access-block --account-id {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                            a.id
                        )],
                    )]
                }
            },
        },
        Control {
            id: "S3.8",
            cis: Some("CIS v3.0 2.1.4"),
            severity: Severity::High,
            title: "An S3 bucket does not block public access",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8",
            check: |a, _| {
                a.buckets.values().filter(|b| !b.public_access_block.is_some_and(|p| p.block_public_acls && p.ignore_public_acls && p.block_public_policy && p.restrict_public_buckets)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), format!("{} has no complete bucket-level Block Public Access", b.name), vec![format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name)])).collect()
            },
        },
        Control {
            id: "IAM.2",
            cis: Some("CIS v3.0 1.15"),
            severity: Severity::Low,
            title: "A user has policies attached directly instead of through a group",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2",
            check: |a, _| {
                a.users.values().filter(|u| !u.attached.is_empty() || !u.inline.is_empty()).map(|u| {
                let names: Vec<String> = u.attached.iter().map(|p| p.rsplit('/').next().unwrap_or(p).to_string()).chain(u.inline.keys().map(|k| format!("{k} (inline)"))).collect();
                let mut fix: Vec<String> = u.attached.iter().map(|p| format!("aws iam detach-user-policy --user-name {} --policy-arn {p}", u.name)).collect();
                fix.extend(u.inline.keys().map(|k| format!("aws iam delete-user-policy --user-name {} --policy-name {k}", u.name)));
                fix.insert(0, format!("aws iam add-user-to-group --user-name {} --group-name <a group that has these permissions>", u.name));
                hit(&u.arn, format!("{} has {} attached: {}", u.name, if names.len() == 1 { "a policy" } else { "policies" }, names.join(", ")), fix)
            }).collect()
            },
        },
        Control {
            id: "IAM.21",
            cis: None,
            severity: Severity::Low,
            title: "A customer managed policy allows a whole service (\"service:*\")",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21",
            check: |a, _| {
                let used = PolicyUse::of(a);
                a.policies.values().filter(|p| !p.aws_managed).filter_map(|p| {
                let d = p.default_document()?;
                // `Allow` with `NotAction: "s3:*"` allows every other service whole: it fails too.
                let wild: BTreeSet<String> = d.policy.statements.iter().filter(|s| s.effect == Effect::Allow).flat_map(|s| s.action.patterns.iter().map(move |a| (s.action.negated, a))).filter(|(_, a)| a.raw.value.ends_with(":*")).map(|(neg, a)| if neg { format!("everything but {} (NotAction)", a.raw.value) } else { a.raw.value.clone() }).collect();
                (!wild.is_empty() && !used.boundary_only(&p.arn)).then(|| hit(&p.arn, format!("{} allows {}", p.name, wild.into_iter().collect::<Vec<_>>().join(", ")), vec![format!("aws iam create-policy-version --policy-arn {} --policy-document file://only-needed-actions.json --set-as-default", p.arn)]))
            }).collect()
            },
        },
        Control {
            id: "IAM.27",
            cis: Some("CIS v3.0 1.22"),
            severity: Severity::Medium,
            title: "An identity has AWSCloudShellFullAccess attached",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-27",
            check: |a, _| {
                let arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";
                let mut out: Vec<Hit> = Vec::new();
                for u in a
                    .users
                    .values()
                    .filter(|u| u.attached.iter().any(|p| p == arn))
                {
                    out.push(hit(
                        &u.arn,
                        format!(
                            "the user {} can upload and download files through CloudShell",
                            u.name
                        ),
                        vec![format!(
                            "aws iam detach-user-policy --user-name {} --policy-arn {arn}",
                            u.name
                        )],
                    ));
                }
                for g in a
                    .groups
                    .values()
                    .filter(|g| g.attached.iter().any(|p| p == arn))
                {
                    out.push(hit(&g.arn, format!("every member of the group {} can upload and download files through CloudShell", g.name), vec![format!("aws iam detach-group-policy --group-name {} --policy-arn {arn}", g.name)]));
                }
                for r in a
                    .roles
                    .values()
                    .filter(|r| r.attached.iter().any(|p| p == arn))
                {
                    out.push(hit(
                        &r.arn,
                        format!(
                            "the role {} can upload and download files through CloudShell",
                            r.name
                        ),
                        vec![format!(
                            "aws iam detach-role-policy --role-name {} --policy-arn {arn}",
                            r.name
                        )],
                    ));
                }
                out
            },
        },
        Control {
            id: "IAM.18",
            cis: Some("CIS v3.0 1.17"),
            severity: Severity::Low,
            title: "No role is set up for AWS Support incidents",
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-18",
            check: |a, _| {
                let arn = "arn:aws:iam::aws:policy/AWSSupportAccess";
                // The AWS Config rule behind it passes when any user, group or role has the policy.
                if a.roles
                    .values()
                    .any(|r| r.attached.iter().any(|p| p == arn))
                    || a.groups
                        .values()
                        .any(|g| g.attached.iter().any(|p| p == arn))
                    || a.users
                        .values()
                        .any(|u| u.attached.iter().any(|p| p == arn))
                {
                    vec![]
                } else {
                    vec![hit(root_arn(a), "no role has AWSSupportAccess, so incidents wait for someone with broader rights", vec!["aws iam create-role --role-name SupportRole --assume-role-policy-document file://trust-account.json".into(), format!("aws iam attach-role-policy --role-name SupportRole --policy-arn {arn}")])]
                }
            },
        },
        // Checks of our own.
        Control {
            id: "IAMDOJO.1",
            cis: None,
            severity: Severity::High,
            title: "More than one identity has full administrator access",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            check: |a, _| {
                let admins = escalation::admins(a);
                if admins.len() <= 1 {
                    return vec![];
                }
                admins.iter().map(|p| hit(p, format!("{} identities are full administrators: {}", admins.len(), admins.iter().map(|x| x.rsplit([':', '/']).next().unwrap_or(x)).collect::<Vec<_>>().join(", ")), vec![format!("# keep one administrator; for {}, replace AdministratorAccess with a policy for the job", p.rsplit(['/', ':']).next().unwrap_or(p))])).collect()
            },
        },
        Control {
            id: "IAMDOJO.2",
            cis: None,
            severity: Severity::High,
            title: "An identity can escalate itself to administrator",
            learn_more: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
            check: |a, _| {
                escalation::paths(a).into_iter().map(|p| hit(&p.from, format!("{}: {}", p.from.rsplit(['/', ':']).next().unwrap_or(&p.from), p.steps.join(" → ")), vec![format!("# remove {} from {}'s policies, or limit it to resources that are not administrators", p.permission, p.from.rsplit(['/', ':']).next().unwrap_or(&p.from))])).collect()
            },
        },
        Control {
            id: "IAMDOJO.3",
            cis: None,
            severity: Severity::High,
            title: "A role's trust policy admits anyone, another account without an external id, or any identity of a web identity provider",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
            check: |a, _| {
                a.roles.values().filter_map(|r| {
                let bad: Vec<String> = r.trust.policy.statements.iter().filter(|s| s.effect == Effect::Allow).filter_map(|s| {
                    let p = s.principal.as_ref()?;
                    let external = s.conditions.iter().any(|c| c.key_lower == "sts:externalid");
                    let org = s.conditions.iter().any(|c| c.key_lower == "aws:principalorgid" || c.key_lower == "aws:principalaccount");
                    if (p.everyone || p.entries.iter().any(|(_, v)| v.value == "*")) && !org { return Some("anyone (\"*\")".to_string()); }
                    // A web identity provider (OIDC) admits every identity it issues tokens for
                    // unless a condition names the subject (for GitHub, the repository).
                    let unbound_oidc: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Federated).map(|(_, v)| v.value.as_str()).filter(|v| v.contains(":oidc-provider/")).filter(|v| {
                        let host = v.split(":oidc-provider/").nth(1).unwrap_or_default().to_ascii_lowercase();
                        !s.conditions.iter().any(|c| c.key_lower == format!("{host}:sub"))
                    }).collect();
                    if !unbound_oidc.is_empty() {
                        return Some(format!("every identity of {} (no condition on its `sub` claim)", unbound_oidc.join(", ")));
                    }
                    let other: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Aws).map(|(_, v)| v.value.as_str()).filter(|v| *v != "*" && !v.contains(&a.id)).collect();
                    (!other.is_empty() && !external).then(|| format!("account(s) {} without sts:ExternalId", other.join(", ")))
                }).collect();
                (!bad.is_empty()).then(|| hit(&r.arn, format!("{} can be assumed by {}", r.name, bad.join("; ")), vec![format!("aws iam update-assume-role-policy --role-name {} --policy-document file://trust-with-external-id.json", r.name)]))
            }).collect()
            },
        },
        Control {
            id: "IAMDOJO.4",
            cis: None,
            severity: Severity::Medium,
            title: "A role has not been used in 90 days",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials",
            check: |a, now| {
                a.roles.values().filter(|r| !r.path.starts_with("/aws-service-role/")).filter(|r| days(r.last_used.as_ref().map(|l| l.date).unwrap_or(r.created), now) > 90).map(|r| hit(&r.arn, format!("{} last used {}", r.name, r.last_used.as_ref().map(|l| date(l.date)).unwrap_or_else(|| format!("never (created {})", date(r.created)))), vec![format!("aws iam delete-role --role-name {}   # after detaching its policies and instance profiles", r.name)])).collect()
            },
        },
        Control {
            id: "IAMDOJO.5",
            cis: None,
            severity: Severity::High,
            title: "No budget or billing alarm warns about unexpected charges",
            learn_more: "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html",
            check: |a, _| {
                if !a.billing.budgets.is_empty() || !a.billing.alarms.is_empty() {
                    return vec![];
                }
                vec![hit(root_arn(a), "no AWS Budgets budget and no EstimatedCharges alarm: a crypto-mining bill would be noticed at the end of the month", vec!["aws budgets create-budget --account-id <account-id> --budget file://budget.json --notifications-with-subscribers file://notify.json".into()])]
            },
        },
        Control {
            id: "IAMDOJO.6",
            cis: Some("CIS v3.0 1.7"),
            severity: Severity::Medium,
            title: "The root user was used recently",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html",
            check: |a, now| {
                let api = a
                    .cloudtrail
                    .events
                    .iter()
                    .filter(|e| e.identity_type == "Root" && days(e.time, now) <= 30)
                    .count();
                let signin = a.root.last_sign_in.filter(|t| days(*t, now) <= 30);
                if api == 0 && signin.is_none() {
                    return vec![];
                }
                let mut ev = Vec::new();
                if let Some(t) = signin {
                    ev.push(format!("console sign-in on {}", date(t)));
                }
                if api > 0 {
                    ev.push(format!("{api} API call(s) in the last 30 days"));
                }
                vec![hit(root_arn(a), format!("root: {}", ev.join(", ")), vec!["# use an administrator IAM user or role for daily work; keep root for the tasks only root can do".into()])]
            },
        },
        Control {
            id: "IAMDOJO.7",
            cis: None,
            severity: Severity::High,
            title: "An access key was used from a known malicious IP or an unusual place",
            learn_more: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html",
            check: |a, _| {
                let mut out = Vec::new();
                let mut seen = BTreeSet::new();
                for e in &a.cloudtrail.events {
                    let Some(k) = &e.access_key_id else { continue };
                    // The same threat list as GuardDuty's: the account's own, else the default.
                    let threat = crate::account::guardduty::malicious(&a.guardduty, &e.source_ip);
                    let regions: BTreeSet<&str> = a
                        .cloudtrail
                        .events
                        .iter()
                        .filter(|x| x.access_key_id.as_deref() == Some(k))
                        .map(|x| x.region.as_str())
                        .collect();
                    if (threat || regions.len() > 1) && seen.insert(k.clone()) {
                        let user = e.arn.clone();
                        let why = if threat {
                            format!(
                                "{} called {} from {}, an address on the threat list",
                                k, e.name, e.source_ip
                            )
                        } else {
                            format!(
                                "{} was used from {} regions: {}",
                                k,
                                regions.len(),
                                regions.into_iter().collect::<Vec<_>>().join(", ")
                            )
                        };
                        out.push(hit(user.clone(), why, vec![format!("aws iam update-access-key --user-name {} --access-key-id {k} --status Inactive", user.rsplit('/').next().unwrap_or(&user)), format!("aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue={k}")]));
                    }
                }
                out
            },
        },
        Control {
            id: "IAMDOJO.8",
            cis: None,
            severity: Severity::High,
            title: "GuardDuty has active findings",
            learn_more: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html",
            check: |a, _| {
                a.guardduty.findings.iter().filter(|f| f.severity >= 4.0).filter(|f| !f.resource.starts_with("i-") || a.instances.get(&f.resource).is_some_and(|i| i.state == State::Running)).map(|f| hit(&f.resource, format!("{}: {}", f.kind, f.title), if f.resource.starts_with("i-") { vec![format!("aws ec2 terminate-instances --instance-ids {}", f.resource)] } else { vec![format!("aws iam update-access-key --access-key-id {} --status Inactive", f.resource)] })).collect()
            },
        },
        Control {
            id: "IAMDOJO.10",
            cis: None,
            severity: Severity::Medium,
            title: "A policy has entries that are invalid or grant nothing (typos)",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::Error], false),
        },
        Control {
            id: "IAMDOJO.11",
            cis: None,
            severity: Severity::High,
            title: "A policy grants risky permissions (escalation, credentials, data, permissions management on every resource)",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::SecurityWarning], true),
        },
        Control {
            id: "IAMDOJO.12",
            cis: None,
            severity: Severity::Low,
            title: "A policy has entries that do not do what they seem to (validate-policy warnings)",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::Warning], false),
        },
        Control {
            id: "IAMDOJO.9",
            cis: None,
            severity: Severity::Medium,
            title: "An access key is active but has never been used",
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
            check: |a, now| {
                a.users.values().flat_map(|u| u.access_keys.iter().filter(move |k| k.status == KeyStatus::Active && k.last_used.is_none() && days(k.created, now) > 7).map(move |k| hit(&u.arn, format!("{}'s key {} was created {} and never used", u.name, k.id, date(k.created)), vec![format!("aws iam delete-access-key --user-name {} --access-key-id {}", u.name, k.id)]))).collect()
            },
        },
    ]
}

fn dedup(mut v: Vec<Hit>) -> Vec<Hit> {
    let mut seen = BTreeSet::new();
    v.retain(|h| seen.insert(h.resource.clone()));
    v
}

fn port_text(r: &crate::account::ec2::Rule) -> String {
    if r.from_port == r.to_port {
        r.from_port.to_string()
    } else {
        format!("{}-{}", r.from_port, r.to_port)
    }
}

fn open_port(a: &Account, port: i64, cidr: &str) -> Vec<Hit> {
    a.security_groups
        .values()
        .filter_map(|g| {
            let rules: Vec<_> = g.ingress.iter().filter(|r| r.cidr == cidr && r.open_to_world(port)).collect();
            (!rules.is_empty()).then(|| {
                hit(
                    format!("arn:aws:ec2:us-east-1:{}:security-group/{}", a.id, g.id),
                    format!("{} ({}) lets port {port} in from {cidr}", g.id, g.name),
                    rules.iter().map(|r| format!("aws ec2 revoke-security-group-ingress --group-id {} --protocol {} --port {} --cidr {cidr}", g.id, r.protocol, port_text(r))).chain([format!("aws ec2 authorize-security-group-ingress --group-id {} --protocol tcp --port {port} --cidr <your office range, e.g. 203.0.113.0/24>", g.id)]).collect(),
                )
            })
        })
        .collect()
}

fn mfa_fix(a: &Account, user: &str) -> Vec<String> {
    vec![
        format!("aws iam create-virtual-mfa-device --virtual-mfa-device-name {user}"),
        format!(
            "aws iam enable-mfa-device --user-name {user} --serial-number arn:aws:iam::{}:mfa/{user} --authentication-code1 <code> --authentication-code2 <next code>",
            a.id
        ),
    ]
}

fn strong_policy_fix() -> String {
    "aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 24".into()
}

fn pw(a: &Account, ok: fn(&crate::account::PasswordPolicy) -> bool, what: &str) -> Vec<Hit> {
    match &a.password_policy {
        Some(p) if ok(p) => vec![],
        Some(_) => vec![hit(
            root_arn(a),
            format!("in the password policy, {what}"),
            vec![strong_policy_fix()],
        )],
        None => vec![hit(
            root_arn(a),
            format!("there is no password policy, so {what}"),
            vec![strong_policy_fix()],
        )],
    }
}

fn unused_credentials(a: &Account, now: Timestamp, limit: i64) -> Vec<Hit> {
    let mut out = Vec::new();
    for u in a.users.values() {
        if let Some(lp) = &u.login_profile {
            let last = lp.last_used.unwrap_or(lp.created);
            if days(last, now) > limit {
                out.push(hit(
                    &u.arn,
                    format!(
                        "{}'s console password was last used {}",
                        u.name,
                        lp.last_used
                            .map(date)
                            .unwrap_or_else(|| format!("never (set {})", date(lp.created)))
                    ),
                    vec![format!(
                        "aws iam delete-login-profile --user-name {}",
                        u.name
                    )],
                ));
            }
        }
        for k in u
            .access_keys
            .iter()
            .filter(|k| k.status == KeyStatus::Active)
        {
            let last = k.last_used.as_ref().map(|l| l.date).unwrap_or(k.created);
            if days(last, now) > limit {
                out.push(hit(&u.arn, format!("{}'s key {} was last used {}", u.name, k.id, k.last_used.as_ref().map(|l| date(l.date)).unwrap_or_else(|| format!("never (created {})", date(k.created)))), vec![format!("aws iam update-access-key --user-name {} --access-key-id {} --status Inactive", u.name, k.id)]));
            }
        }
    }
    out
}

fn effectively_public(a: &Account, b: &crate::account::s3::Bucket, write: bool) -> bool {
    let account = a.account_public_access_block.unwrap_or_default();
    let bucket = b.public_access_block.unwrap_or_default();
    let policy_blocked = account.restrict_public_buckets || bucket.restrict_public_buckets;
    let acl_ignored = account.ignore_public_acls || bucket.ignore_public_acls;
    let acl = !acl_ignored
        && if write {
            b.acl == "public-read-write"
        } else {
            b.acl_is_public()
        };
    let policy = !policy_blocked
        && b.policy.as_ref().is_some_and(|d| {
            d.policy.statements.iter().any(|s| {
                crate::account::s3::statement_is_public(s)
                    && s.action.patterns.iter().any(|pat| {
                        let v = pat.raw.value.to_ascii_lowercase();
                        if write {
                            v == "*"
                                || v == "s3:*"
                                || v.starts_with("s3:put")
                                || v.starts_with("s3:delete")
                        } else {
                            v == "*"
                                || v == "s3:*"
                                || v.starts_with("s3:get")
                                || v.starts_with("s3:list")
                        }
                    })
            })
        });
    acl || policy
}

fn public_evidence(b: &crate::account::s3::Bucket) -> String {
    let mut why = Vec::new();
    if b.acl_is_public() {
        why.push(format!("the ACL is {}", b.acl));
    }
    if b.policy_is_public() {
        why.push("the bucket policy allows Principal \"*\" without a condition".to_string());
    }
    format!("{}: {}", b.name, why.join("; "))
}

/// What a control needs to know about the account beyond its IAM entities and policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Needs {
    /// Nothing more.
    Iam,
    /// Credentials and their use: a credential report.
    Credentials,
    /// The password policy.
    PasswordPolicy,
    /// S3, EC2, CloudTrail, GuardDuty or billing: a scenario.
    Services,
}

impl Needs {
    /// Of a control, by its id.
    pub fn of(control: &str) -> Needs {
        match control {
            "IAM.3" | "IAM.4" | "IAM.5" | "IAM.6" | "IAM.8" | "IAM.9" | "IAM.19" | "IAM.22"
            | "IAMDOJO.6" | "IAMDOJO.9" => Needs::Credentials,
            "IAM.7" | "IAM.11" | "IAM.12" | "IAM.13" | "IAM.14" | "IAM.15" | "IAM.16"
            | "IAM.17" => Needs::PasswordPolicy,
            "S3.1" | "S3.2" | "S3.3" | "S3.8" | "EC2.2" | "EC2.8" | "EC2.13" | "EC2.14"
            | "EC2.53" | "EC2.54" | "CloudTrail.1" | "GuardDuty.1" | "IAMDOJO.5" | "IAMDOJO.7"
            | "IAMDOJO.8" => Needs::Services,
            _ => Needs::Iam,
        }
    }

    /// True when the account's data describes what this needs.
    pub fn met(self, a: &Account) -> bool {
        match self {
            Needs::Iam => true,
            Needs::Credentials => a.known.credentials,
            Needs::PasswordPolicy => a.known.password_policy,
            Needs::Services => a.known.services,
        }
    }

    /// What to give for it, in words.
    pub fn remedy(self) -> &'static str {
        match self {
            Needs::Iam => "",
            Needs::Credentials => {
                "a credential report (--credential-report FILE, from `aws iam get-credential-report`)"
            }
            Needs::PasswordPolicy => {
                "the password policy (--password-policy FILE, from `aws iam get-account-password-policy`)"
            }
            Needs::Services => {
                "a scenario file describing the account's services (--scenario FILE)"
            }
        }
    }
}

/// A control that could not be checked because the input lacks what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotEvaluated {
    /// The control id.
    pub control: String,
    /// Its title.
    pub title: String,
    /// What it needs.
    pub needs: Needs,
}

/// The controls that the account's data cannot answer.
pub fn not_evaluated(a: &Account) -> Vec<NotEvaluated> {
    controls()
        .into_iter()
        .filter(|c| !Needs::of(c.id).met(a))
        .map(|c| NotEvaluated {
            control: c.id.to_string(),
            title: c.title.to_string(),
            needs: Needs::of(c.id),
        })
        .collect()
}

/// Runs every check that the account's data can answer (see [`not_evaluated`] for the rest)
/// and returns the findings, most severe first.
pub fn audit(a: &Account, now: Timestamp) -> Vec<Finding> {
    let mut out = Vec::new();
    LINTED.with(|l| *l.borrow_mut() = Some(std::rc::Rc::new(lint_all(a))));
    for c in controls().into_iter().filter(|c| Needs::of(c.id).met(a)) {
        for h in (c.check)(a, now) {
            out.push(Finding {
                control: c.id.to_string(),
                cis: c.cis.map(str::to_string),
                severity: c.severity,
                resource: h.resource,
                title: c.title.to_string(),
                evidence: h.evidence,
                fix: h.fix,
                learn_more: c.learn_more.to_string(),
            });
        }
    }
    LINTED.with(|l| *l.borrow_mut() = None);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let _ = SH;
    out
}
