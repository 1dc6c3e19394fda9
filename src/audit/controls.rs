//! Findings over a simulated (or imported) account: AWS Security Hub controls where one
//! exists (with the matching CIS AWS Foundations Benchmark item) and checks of our own that go
//! further (`IAMDOJO.n`). Every finding carries the evidence that shows it and the AWS CLI
//! commands that fix it, as catalog entries of `msg::audit` with their values (see
//! [`super::said`]): the text report and the interface word them in the reader's language,
//! the JSON output in English, exactly as before.
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
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::audit::Audit;
use crate::policy::Effect;

use super::escalation;
use super::said::{Arg, Fix, Said, Sep, values};

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

/// One finding. It is kept as what it says (catalog entries and their values), worded when
/// shown: `title.text(lang)`, `evidence.render(lang)`, each fix line's `render(lang)`. The
/// JSON form carries the English of each, as it always has.
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
    #[serde(serialize_with = "english")]
    pub title: Audit,
    /// What in the data shows it.
    pub evidence: Said,
    /// The AWS CLI commands that fix it, and what is to be done between them.
    pub fix: Vec<Fix>,
    /// Where to read more.
    pub learn_more: String,
}

impl Finding {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.text(lang)
    }
}

/// A catalog entry as the JSON output writes it: in English.
fn english<S: serde::Serializer>(m: &Audit, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.en())
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
    pub title: Audit,
    /// Reference.
    pub learn_more: &'static str,
    /// The check: resource, evidence and fix commands of each violation.
    pub check: fn(&Account, Timestamp) -> Vec<Hit>,
}

impl Control {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.text(lang)
    }
}

/// One violation found by a check.
pub struct Hit {
    /// The resource's ARN.
    pub resource: String,
    /// What shows it.
    pub evidence: Said,
    /// What fixes it.
    pub fix: Vec<Fix>,
}

fn hit(resource: impl Into<String>, evidence: Said, fix: Vec<Fix>) -> Hit {
    Hit {
        resource: resource.into(),
        evidence,
        fix,
    }
}

/// A fix line that is a command alone.
fn run(command: impl Into<String>) -> Fix {
    Fix::Run(command.into())
}

/// A fix line that says what to do (`# …`).
fn note(msg: Audit) -> Fix {
    Fix::Note(Said::new(msg))
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
        if holders == 0 || is_admin_document(&d.policy) {
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
struct Linted {
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
            title: Audit::TitleIam4,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4",
            check: |a, _| {
                a.root
                    .access_keys
                    .iter()
                    .filter(|k| k.status == KeyStatus::Active)
                    .map(|k| {
                        hit(
                            root_arn(a),
                            Said::new(Audit::RootKeyActive)
                                .with("key", &k.id)
                                .with("date", date(k.created)),
                            vec![Fix::RunThen(
                                format!("aws iam delete-access-key --access-key-id {}", k.id),
                                Said::new(Audit::AsRoot),
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
            title: Audit::TitleIam9,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9",
            check: |a, _| {
                if a.root.mfa_enabled {
                    vec![]
                } else {
                    vec![hit(
                        root_arn(a),
                        Said::new(Audit::RootPasswordAlone),
                        vec![note(Audit::RootMfaInConsole)],
                    )]
                }
            },
        },
        Control {
            id: "IAM.6",
            cis: Some("CIS v3.0 1.6"),
            severity: Severity::Critical,
            title: Audit::TitleIam6,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6",
            check: |a, _| {
                if a.root.mfa_enabled {
                    vec![]
                } else {
                    vec![hit(
                        root_arn(a),
                        Said::new(Audit::RootNoMfaDevice),
                        vec![note(Audit::RootHardwareMfa)],
                    )]
                }
            },
        },
        Control {
            id: "IAM.1",
            cis: Some("CIS v3.0 1.16"),
            severity: Severity::High,
            title: Audit::TitleIam1,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1",
            check: |a, _| {
                let used = PolicyUse::of(a);
                a.policies.values().filter(|p| !p.aws_managed).filter(|p| p.default_document().is_some_and(|d| is_admin_document(&d.policy))).filter(|p| !used.boundary_only(&p.arn)).map(|p| hit(&p.arn, Said::new(Audit::AdminDefaultVersion).with("version", &p.default_version).with("policy", &p.name), vec![run(format!("aws iam create-policy-version --policy-arn {} --policy-document file://least-privilege.json --set-as-default", p.arn))])).collect()
            },
        },
        Control {
            id: "S3.2",
            cis: None,
            severity: Severity::Critical,
            title: Audit::TitleS32,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2",
            check: |a, _| {
                a.buckets.values().filter(|b| effectively_public(a, b, false)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name)), run(format!("aws s3api delete-bucket-policy --bucket {}", b.name))])).collect()
            },
        },
        Control {
            id: "S3.3",
            cis: None,
            severity: Severity::Critical,
            title: Audit::TitleS33,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3",
            check: |a, _| {
                a.buckets.values().filter(|b| effectively_public(a, b, true)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![run(format!("aws s3api put-bucket-acl --bucket {} --acl private", b.name)), run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name))])).collect()
            },
        },
        Control {
            id: "EC2.13",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleEc213,
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
            title: Audit::TitleEc214,
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
            title: Audit::TitleEc253,
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
            title: Audit::TitleEc254,
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
            title: Audit::TitleEc22,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
            check: |a, _| {
                a.security_groups.values().filter(|g| g.name == "default" && !g.ingress.is_empty()).map(|g| hit(format!("arn:aws:ec2:us-east-1:{}:security-group/{}", a.id, g.id), Said::new(Audit::DefaultGroupRules).with("group", &g.id).with("n", g.ingress.len()), g.ingress.iter().map(|r| run(format!("aws ec2 revoke-security-group-ingress --group-id {} --protocol {} --port {} --cidr {}", g.id, r.protocol, port_text(r), r.cidr))).collect())).collect()
            },
        },
        Control {
            id: "EC2.8",
            cis: Some("CIS v3.0 5.6"),
            severity: Severity::High,
            title: Audit::TitleEc28,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8",
            check: |a, _| {
                a.instances.values().filter(|i| i.state != State::Terminated && i.http_tokens != "required").map(|i| hit(format!("arn:aws:ec2:{}:{}:instance/{}", i.region, a.id, i.id), Said::new(Audit::NoSessionToken).with("instance", &i.id).with("kind", &i.instance_type).with("tokens", &i.http_tokens), vec![run(format!("aws ec2 modify-instance-metadata-options --instance-id {} --http-tokens required", i.id))])).collect()
            },
        },
        Control {
            id: "CloudTrail.1",
            cis: Some("CIS v3.0 3.1"),
            severity: Severity::High,
            title: Audit::TitleCloudTrail1,
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
                    Said::new(Audit::NoTrail)
                } else {
                    Said::new(Audit::TrailsNotLogging).with("n", a.cloudtrail.trails.len())
                };
                vec![hit(
                    root_arn(a),
                    evidence,
                    vec![
                        run("aws s3api create-bucket --bucket audit-logs-<account-id>"),
                        run(
                            "aws cloudtrail create-trail --name main --s3-bucket-name audit-logs-<account-id> --is-multi-region-trail --enable-log-file-validation",
                        ),
                        run("aws cloudtrail start-logging --name main"),
                    ],
                )]
            },
        },
        Control {
            id: "GuardDuty.1",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleGuardDuty1,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1",
            check: |a, _| {
                if a.guardduty.enabled_at.is_some() {
                    vec![]
                } else {
                    vec![hit(
                        root_arn(a),
                        Said::new(Audit::NoDetector),
                        vec![run("aws guardduty create-detector --enable")],
                    )]
                }
            },
        },
        Control {
            id: "IAM.5",
            cis: Some("CIS v3.0 1.10"),
            severity: Severity::Medium,
            title: Audit::TitleIam5,
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
                            Said::new(Audit::ConsoleWithoutMfa).with("user", &u.name),
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
            title: Audit::TitleIam19,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-19",
            check: |a, _| {
                a.users
                    .values()
                    .filter(|u| !u.mfa.iter().any(|d| d.enabled.is_some()))
                    .map(|u| {
                        hit(
                            &u.arn,
                            Said::new(Audit::UserNoMfa).with("user", &u.name),
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
            title: Audit::TitleIam3,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3",
            check: |a, now| {
                a.users.values().flat_map(|u| u.access_keys.iter().filter(move |k| k.status == KeyStatus::Active && days(k.created, now) > 90).map(move |k| hit(&u.arn, Said::new(Audit::KeyAge).with("user", &u.name).with("key", &k.id).with("days", days(k.created, now)).with("date", date(k.created)), vec![run(format!("aws iam create-access-key --user-name {}", u.name)), note(Audit::MoveToNewKey), run(format!("aws iam update-access-key --user-name {} --access-key-id {} --status Inactive", u.name, k.id)), run(format!("aws iam delete-access-key --user-name {} --access-key-id {}", u.name, k.id))]))).collect()
            },
        },
        Control {
            id: "IAM.8",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam8,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-8",
            check: |a, now| unused_credentials(a, now, 90),
        },
        Control {
            id: "IAM.22",
            cis: Some("CIS v3.0 1.12"),
            severity: Severity::Medium,
            title: Audit::TitleIam22,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22",
            check: |a, now| unused_credentials(a, now, 45),
        },
        Control {
            id: "IAM.7",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam7,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7",
            check: |a, _| match &a.password_policy {
                None => vec![hit(
                    root_arn(a),
                    Said::new(Audit::NoPasswordPolicyDefaults),
                    vec![strong_policy_fix()],
                )],
                Some(p) => {
                    let mut weak = Vec::new();
                    // Security Hub checks IAM.7 with a minimum of 8 (14 is IAM.15's bar).
                    if p.minimum_password_length < 8 {
                        weak.push(
                            Said::new(Audit::MinimumLength)
                                .with("n", p.minimum_password_length)
                                .into(),
                        );
                    }
                    if !(p.require_uppercase_characters
                        && p.require_lowercase_characters
                        && p.require_numbers
                        && p.require_symbols)
                    {
                        weak.push(Said::new(Audit::NotEveryCharacterType).into());
                    }
                    if weak.is_empty() {
                        vec![]
                    } else {
                        let evidence = Said::new(Audit::WeakPasswordPolicy).listing(
                            "what",
                            weak,
                            Sep::Sentences,
                        );
                        vec![hit(root_arn(a), evidence, vec![strong_policy_fix()])]
                    }
                }
            },
        },
        Control {
            id: "IAM.11",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam11,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-11",
            check: |a, _| {
                pw(
                    a,
                    |p| p.require_uppercase_characters,
                    Audit::UppercaseNotRequired,
                )
            },
        },
        Control {
            id: "IAM.12",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam12,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-12",
            check: |a, _| {
                pw(
                    a,
                    |p| p.require_lowercase_characters,
                    Audit::LowercaseNotRequired,
                )
            },
        },
        Control {
            id: "IAM.13",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam13,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-13",
            check: |a, _| pw(a, |p| p.require_symbols, Audit::SymbolsNotRequired),
        },
        Control {
            id: "IAM.14",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleIam14,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-14",
            check: |a, _| pw(a, |p| p.require_numbers, Audit::NumbersNotRequired),
        },
        Control {
            id: "IAM.15",
            cis: Some("CIS v3.0 1.8"),
            severity: Severity::Medium,
            title: Audit::TitleIam15,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15",
            check: |a, _| {
                pw(
                    a,
                    |p| p.minimum_password_length >= 14,
                    Audit::MinimumBelow14,
                )
            },
        },
        Control {
            id: "IAM.16",
            cis: Some("CIS v3.0 1.9"),
            severity: Severity::Low,
            title: Audit::TitleIam16,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16",
            check: |a, _| {
                pw(
                    a,
                    |p| p.password_reuse_prevention.is_some_and(|n| n >= 24),
                    Audit::FewerThan24Remembered,
                )
            },
        },
        Control {
            id: "IAM.17",
            cis: None,
            severity: Severity::Low,
            title: Audit::TitleIam17,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-17",
            check: |a, _| {
                pw(
                    a,
                    |p| p.max_password_age.is_some_and(|d| d <= 90),
                    Audit::NoExpiryWithin90,
                )
            },
        },
        Control {
            id: "S3.1",
            cis: Some("CIS v3.0 2.1.4"),
            severity: Severity::Medium,
            title: Audit::TitleS31,
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
                        Said::new(Audit::AccountBlockPartial),
                        vec![run(format!(
                            "aws s3control put-public-access-block --account-id {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                            a.id
                        ))],
                    )]
                }
            },
        },
        Control {
            id: "S3.8",
            cis: Some("CIS v3.0 2.1.4"),
            severity: Severity::High,
            title: Audit::TitleS38,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8",
            check: |a, _| {
                a.buckets.values().filter(|b| !b.public_access_block.is_some_and(|p| p.block_public_acls && p.ignore_public_acls && p.block_public_policy && p.restrict_public_buckets)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), Said::new(Audit::BucketBlockPartial).with("bucket", &b.name), vec![run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name))])).collect()
            },
        },
        Control {
            id: "IAM.2",
            cis: Some("CIS v3.0 1.15"),
            severity: Severity::Low,
            title: Audit::TitleIam2,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2",
            check: |a, _| {
                a.users.values().filter(|u| !u.attached.is_empty() || !u.inline.is_empty()).map(|u| {
                let names: Vec<Arg> = u.attached.iter().map(|p| Arg::Value(p.rsplit('/').next().unwrap_or(p).to_string())).chain(u.inline.keys().map(|k| Said::new(Audit::InlineName).with("name", k).into())).collect();
                let mut fix: Vec<Fix> = u.attached.iter().map(|p| run(format!("aws iam detach-user-policy --user-name {} --policy-arn {p}", u.name))).collect();
                fix.extend(u.inline.keys().map(|k| run(format!("aws iam delete-user-policy --user-name {} --policy-name {k}", u.name))));
                fix.insert(0, Fix::RunFilling(format!("aws iam add-user-to-group --user-name {} --group-name {{group}}", u.name), vec![("group", Audit::HoleGroupWithThese)]));
                let msg = if names.len() == 1 { Audit::UserPolicyAttached } else { Audit::UserPoliciesAttached };
                hit(&u.arn, Said::new(msg).with("user", &u.name).listing("names", names, Sep::Comma), fix)
            }).collect()
            },
        },
        Control {
            id: "IAM.21",
            cis: None,
            severity: Severity::Low,
            title: Audit::TitleIam21,
            learn_more: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21",
            check: |a, _| {
                let used = PolicyUse::of(a);
                a.policies.values().filter(|p| !p.aws_managed).filter_map(|p| {
                let d = p.default_document()?;
                // `Allow` with `NotAction: "s3:*"` allows every other service whole: it fails too.
                // Ordered by their English, as the evidence always listed them.
                let wild: BTreeMap<String, Arg> = d.policy.statements.iter().filter(|s| s.effect == Effect::Allow).flat_map(|s| s.action.patterns.iter().map(move |a| (s.action.negated, a))).filter(|(_, a)| a.raw.value.ends_with(":*")).map(|(neg, a)| {
                    let arg = if neg { Said::new(Audit::EverythingBut).with("action", &a.raw.value).into() } else { Arg::Value(a.raw.value.clone()) };
                    (arg.render(Lang::En), arg)
                }).collect();
                (!wild.is_empty() && !used.boundary_only(&p.arn)).then(|| hit(&p.arn, Said::new(Audit::PolicyAllows).with("policy", &p.name).listing("actions", wild.into_values().collect(), Sep::Comma), vec![run(format!("aws iam create-policy-version --policy-arn {} --policy-document file://only-needed-actions.json --set-as-default", p.arn))]))
            }).collect()
            },
        },
        Control {
            id: "IAM.27",
            cis: Some("CIS v3.0 1.22"),
            severity: Severity::Medium,
            title: Audit::TitleIam27,
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
                        Said::new(Audit::CloudShellUser).with("user", &u.name),
                        vec![run(format!(
                            "aws iam detach-user-policy --user-name {} --policy-arn {arn}",
                            u.name
                        ))],
                    ));
                }
                for g in a
                    .groups
                    .values()
                    .filter(|g| g.attached.iter().any(|p| p == arn))
                {
                    out.push(hit(
                        &g.arn,
                        Said::new(Audit::CloudShellGroup).with("group", &g.name),
                        vec![run(format!(
                            "aws iam detach-group-policy --group-name {} --policy-arn {arn}",
                            g.name
                        ))],
                    ));
                }
                for r in a
                    .roles
                    .values()
                    .filter(|r| r.attached.iter().any(|p| p == arn))
                {
                    out.push(hit(
                        &r.arn,
                        Said::new(Audit::CloudShellRole).with("role", &r.name),
                        vec![run(format!(
                            "aws iam detach-role-policy --role-name {} --policy-arn {arn}",
                            r.name
                        ))],
                    ));
                }
                out
            },
        },
        Control {
            id: "IAM.18",
            cis: Some("CIS v3.0 1.17"),
            severity: Severity::Low,
            title: Audit::TitleIam18,
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
                    vec![hit(
                        root_arn(a),
                        Said::new(Audit::NoSupportRole),
                        vec![
                            run(
                                "aws iam create-role --role-name SupportRole --assume-role-policy-document file://trust-account.json",
                            ),
                            run(format!(
                                "aws iam attach-role-policy --role-name SupportRole --policy-arn {arn}"
                            )),
                        ],
                    )]
                }
            },
        },
        // Checks of our own.
        Control {
            id: "IAMDOJO.1",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo1,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            check: |a, _| {
                let admins = escalation::admins(a);
                if admins.len() <= 1 {
                    return vec![];
                }
                let names = values(
                    admins
                        .iter()
                        .map(|x| x.rsplit([':', '/']).next().unwrap_or(x)),
                );
                admins
                    .iter()
                    .map(|p| {
                        hit(
                            p,
                            Said::new(Audit::Administrators)
                                .with("n", admins.len())
                                .listing("names", names.clone(), Sep::Comma),
                            vec![Fix::Note(
                                Said::new(Audit::KeepOneAdmin)
                                    .with("name", p.rsplit(['/', ':']).next().unwrap_or(p)),
                            )],
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAMDOJO.2",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo2,
            learn_more: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
            check: |a, _| {
                escalation::paths(a)
                    .into_iter()
                    .map(|p| {
                        let from = p
                            .from
                            .rsplit(['/', ':'])
                            .next()
                            .unwrap_or(&p.from)
                            .to_string();
                        let steps = p.steps.into_iter().map(Arg::Said).collect();
                        hit(
                            &p.from,
                            Said::new(Audit::EscalationPath)
                                .with("from", &from)
                                .listing("steps", steps, Sep::Arrow),
                            vec![Fix::Note(
                                Said::new(Audit::RemovePermission)
                                    .with("permission", &p.permission)
                                    .with("name", &from),
                            )],
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAMDOJO.3",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo3,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
            check: |a, _| {
                a.roles.values().filter_map(|r| {
                let bad: Vec<Arg> = r.trust.policy.statements.iter().filter(|s| s.effect == Effect::Allow).filter_map(|s| {
                    let p = s.principal.as_ref()?;
                    let external = s.conditions.iter().any(|c| c.key_lower == "sts:externalid");
                    let org = s.conditions.iter().any(|c| c.key_lower == "aws:principalorgid" || c.key_lower == "aws:principalaccount");
                    if (p.everyone || p.entries.iter().any(|(_, v)| v.value == "*")) && !org { return Some(Said::new(Audit::Anyone).into()); }
                    // A web identity provider (OIDC) admits every identity it issues tokens for
                    // unless a condition names the subject (for GitHub, the repository).
                    let unbound_oidc: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Federated).map(|(_, v)| v.value.as_str()).filter(|v| v.contains(":oidc-provider/")).filter(|v| {
                        let host = v.split(":oidc-provider/").nth(1).unwrap_or_default().to_ascii_lowercase();
                        !s.conditions.iter().any(|c| c.key_lower == format!("{host}:sub"))
                    }).collect();
                    if !unbound_oidc.is_empty() {
                        return Some(Said::new(Audit::EveryOidcIdentity).listing("providers", values(unbound_oidc), Sep::Comma).into());
                    }
                    let other: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Aws).map(|(_, v)| v.value.as_str()).filter(|v| *v != "*" && !v.contains(&a.id)).collect();
                    (!other.is_empty() && !external).then(|| Said::new(Audit::AccountsWithoutExternalId).listing("accounts", values(other), Sep::Comma).into())
                }).collect();
                (!bad.is_empty()).then(|| hit(&r.arn, Said::new(Audit::AssumableBy).with("role", &r.name).listing("who", bad, Sep::Semicolon), vec![run(format!("aws iam update-assume-role-policy --role-name {} --policy-document file://trust-with-external-id.json", r.name))]))
            }).collect()
            },
        },
        Control {
            id: "IAMDOJO.4",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleDojo4,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials",
            check: |a, now| {
                a.roles
                    .values()
                    .filter(|r| !r.path.starts_with("/aws-service-role/"))
                    .filter(|r| {
                        days(
                            r.last_used.as_ref().map(|l| l.date).unwrap_or(r.created),
                            now,
                        ) > 90
                    })
                    .map(|r| {
                        let evidence = match &r.last_used {
                            Some(l) => Said::new(Audit::RoleLastUsed)
                                .with("role", &r.name)
                                .with("date", date(l.date)),
                            None => Said::new(Audit::RoleNeverUsed)
                                .with("role", &r.name)
                                .with("date", date(r.created)),
                        };
                        hit(
                            &r.arn,
                            evidence,
                            vec![Fix::RunThen(
                                format!("aws iam delete-role --role-name {}", r.name),
                                Said::new(Audit::AfterDetaching),
                            )],
                        )
                    })
                    .collect()
            },
        },
        Control {
            id: "IAMDOJO.5",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo5,
            learn_more: "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html",
            check: |a, _| {
                if !a.billing.budgets.is_empty() || !a.billing.alarms.is_empty() {
                    return vec![];
                }
                vec![hit(
                    root_arn(a),
                    Said::new(Audit::NoBudget),
                    vec![run(
                        "aws budgets create-budget --account-id <account-id> --budget file://budget.json --notifications-with-subscribers file://notify.json",
                    )],
                )]
            },
        },
        Control {
            id: "IAMDOJO.6",
            cis: Some("CIS v3.0 1.7"),
            severity: Severity::Medium,
            title: Audit::TitleDojo6,
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
                    ev.push(Said::new(Audit::RootSignIn).with("date", date(t)).into());
                }
                if api > 0 {
                    ev.push(Said::new(Audit::RootApiCalls).with("n", api).into());
                }
                vec![hit(
                    root_arn(a),
                    Said::new(Audit::RootUsed).listing("what", ev, Sep::Comma),
                    vec![note(Audit::RootForRootTasks)],
                )]
            },
        },
        Control {
            id: "IAMDOJO.7",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo7,
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
                            Said::new(Audit::KeyFromThreatList)
                                .with("key", k)
                                .with("api", &e.name)
                                .with("ip", &e.source_ip)
                        } else {
                            Said::new(Audit::KeyFromRegions)
                                .with("key", k)
                                .with("n", regions.len())
                                .listing("regions", values(regions), Sep::Comma)
                        };
                        out.push(hit(user.clone(), why, vec![run(format!("aws iam update-access-key --user-name {} --access-key-id {k} --status Inactive", user.rsplit('/').next().unwrap_or(&user))), run(format!("aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue={k}"))]));
                    }
                }
                out
            },
        },
        Control {
            id: "IAMDOJO.8",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo8,
            learn_more: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html",
            check: |a, _| {
                a.guardduty.findings.iter().filter(|f| f.severity >= 4.0).filter(|f| !f.resource.starts_with("i-") || a.instances.get(&f.resource).is_some_and(|i| i.state == State::Running)).map(|f| hit(&f.resource, Said::new(Audit::GuardDutyFinding).with("kind", &f.kind).quoting("title", &f.title), if f.resource.starts_with("i-") { vec![run(format!("aws ec2 terminate-instances --instance-ids {}", f.resource))] } else { vec![run(format!("aws iam update-access-key --access-key-id {} --status Inactive", f.resource))] })).collect()
            },
        },
        Control {
            id: "IAMDOJO.10",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleDojo10,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::Error], false),
        },
        Control {
            id: "IAMDOJO.11",
            cis: None,
            severity: Severity::High,
            title: Audit::TitleDojo11,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::SecurityWarning], true),
        },
        Control {
            id: "IAMDOJO.12",
            cis: None,
            severity: Severity::Low,
            title: Audit::TitleDojo12,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
            check: |a, _| lint_hits(a, &[super::validate::FindingType::Warning], false),
        },
        Control {
            id: "IAMDOJO.9",
            cis: None,
            severity: Severity::Medium,
            title: Audit::TitleDojo9,
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
            check: |a, now| {
                a.users.values().flat_map(|u| u.access_keys.iter().filter(move |k| k.status == KeyStatus::Active && k.last_used.is_none() && days(k.created, now) > 7).map(move |k| hit(&u.arn, Said::new(Audit::KeyNeverUsed).with("user", &u.name).with("key", &k.id).with("date", date(k.created)), vec![run(format!("aws iam delete-access-key --user-name {} --access-key-id {}", u.name, k.id))]))).collect()
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
                    Said::new(Audit::PortOpen).with("group", &g.id).with("name", &g.name).with("port", port).with("cidr", cidr),
                    rules.iter().map(|r| run(format!("aws ec2 revoke-security-group-ingress --group-id {} --protocol {} --port {} --cidr {cidr}", g.id, r.protocol, port_text(r)))).chain([Fix::RunFilling(format!("aws ec2 authorize-security-group-ingress --group-id {} --protocol tcp --port {port} --cidr {{range}}", g.id), vec![("range", Audit::HoleOfficeRange)])]).collect(),
                )
            })
        })
        .collect()
}

fn mfa_fix(a: &Account, user: &str) -> Vec<Fix> {
    vec![
        run(format!(
            "aws iam create-virtual-mfa-device --virtual-mfa-device-name {user}"
        )),
        Fix::RunFilling(
            format!(
                "aws iam enable-mfa-device --user-name {user} --serial-number arn:aws:iam::{}:mfa/{user} --authentication-code1 {{code}} --authentication-code2 {{next}}",
                a.id
            ),
            vec![("code", Audit::HoleCode), ("next", Audit::HoleNextCode)],
        ),
    ]
}

fn strong_policy_fix() -> Fix {
    run(
        "aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 24",
    )
}

fn pw(a: &Account, ok: fn(&crate::account::PasswordPolicy) -> bool, what: Audit) -> Vec<Hit> {
    let evidence = |msg| Said::new(msg).saying("what", Said::new(what));
    match &a.password_policy {
        Some(p) if ok(p) => vec![],
        Some(_) => vec![hit(
            root_arn(a),
            evidence(Audit::InPasswordPolicy),
            vec![strong_policy_fix()],
        )],
        None => vec![hit(
            root_arn(a),
            evidence(Audit::NoPasswordPolicySo),
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
                let evidence = match lp.last_used {
                    Some(t) => Said::new(Audit::PasswordLastUsed).with("date", date(t)),
                    None => Said::new(Audit::PasswordNeverUsed).with("date", date(lp.created)),
                };
                out.push(hit(
                    &u.arn,
                    evidence.with("user", &u.name),
                    vec![run(format!(
                        "aws iam delete-login-profile --user-name {}",
                        u.name
                    ))],
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
                let evidence = match &k.last_used {
                    Some(l) => Said::new(Audit::KeyLastUsed).with("date", date(l.date)),
                    None => Said::new(Audit::KeyNeverUsedSince).with("date", date(k.created)),
                };
                out.push(hit(
                    &u.arn,
                    evidence.with("user", &u.name).with("key", &k.id),
                    vec![run(format!(
                        "aws iam update-access-key --user-name {} --access-key-id {} --status Inactive",
                        u.name, k.id
                    ))],
                ));
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

fn public_evidence(b: &crate::account::s3::Bucket) -> Said {
    let mut why: Vec<Arg> = Vec::new();
    if b.acl_is_public() {
        why.push(Said::new(Audit::BucketAcl).with("acl", &b.acl).into());
    }
    if b.policy_is_public() {
        why.push(Said::new(Audit::BucketPolicyPublic).into());
    }
    Said::new(Audit::BucketWhy)
        .with("bucket", &b.name)
        .listing("why", why, Sep::Sentences)
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

    /// What to give for it, in words (nothing for what every input has).
    pub fn remedy(self) -> Option<Audit> {
        match self {
            Needs::Iam => None,
            Needs::Credentials => Some(Audit::NeedsCredentials),
            Needs::PasswordPolicy => Some(Audit::NeedsPasswordPolicy),
            Needs::Services => Some(Audit::NeedsServices),
        }
    }
}

/// A control that could not be checked because the input lacks what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotEvaluated {
    /// The control id.
    pub control: String,
    /// Its title.
    #[serde(serialize_with = "english")]
    pub title: Audit,
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
            title: c.title,
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
                title: c.title,
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
