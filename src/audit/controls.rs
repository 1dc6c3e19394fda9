//! Findings over a simulated (or imported) account: AWS Security Hub controls where one
//! exists (with the matching CIS AWS Foundations Benchmark item) and checks of our own that go
//! further (`IAMDOJO.n`). Every finding carries the evidence that shows it and the AWS CLI
//! commands that fix it, as catalog entries of `msg::audit` with their values (see
//! [`super::said`]): the text report and the interface word them in the reader's language,
//! the JSON output in English, exactly as before.
//!
//! The audit is one table, [`controls`]: a row per control with its id, CIS item, severity,
//! title, what it needs of the input ([`Needs`]), its reference page and the function that
//! checks it. Each function takes the audit's [`Context`] (the account, the time, and what is
//! worked out once for every control) and returns the violations it finds; they live by
//! service under `controls/`. Controls the input cannot answer are not run but listed by
//! [`not_evaluated`], with what to give for them; so are the Security Hub IAM controls that no
//! iamdojo account can answer ([`UNANSWERABLE`]).
//!
//! Control ids and severities follow the Security Hub controls reference
//! (<https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html>);
//! CIS titles are paraphrased, never quoted.

mod billing;
mod cloudtrail;
mod ec2;
mod guardduty;
mod iam;
mod lint;
mod password;
mod s3;
mod tags;

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use serde::Serialize;

use crate::account::Account;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::audit::Audit;

use super::catalog::Catalog;
use super::said::{Fix, Said};

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
    pub control: &'static str,
    /// The CIS AWS Foundations Benchmark item, when one matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cis: Option<&'static str>,
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
    pub learn_more: &'static str,
    /// For an escalation path: its id and the commands that walk it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub walk: Option<Walk>,
}

/// How an escalation path is walked: what `iamdojo sandbox --replay` takes, and the AWS CLI
/// commands its first principal would run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Walk {
    /// `user/NAME/N` or `role/NAME/N`.
    pub id: String,
    /// The command lines, in order.
    pub commands: Vec<String>,
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

/// A control: one row of the audit's table.
pub struct Control {
    /// Id.
    pub id: &'static str,
    /// CIS item.
    pub cis: Option<&'static str>,
    /// Severity.
    pub severity: Severity,
    /// Title.
    pub title: Audit,
    /// What it needs of the input beyond IAM entities and policies.
    pub needs: Needs,
    /// Reference.
    pub learn_more: &'static str,
    /// The check: resource, evidence and fix commands of each violation.
    pub check: fn(&Context) -> Vec<Hit>,
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
    /// For an escalation path: how it is walked.
    pub walk: Option<Walk>,
}

/// What every check sees: the account, the time ages are measured from, and what is worked
/// out once per audit for the controls that share it (the account's use of its managed
/// policies, the validation of every policy document it holds).
pub struct Context<'a> {
    /// The account audited.
    pub account: &'a Account,
    /// The scenario's other accounts (none for an imported account), which escalation paths
    /// may pass through ([`crate::audit::escalation::paths_across`]).
    pub others: &'a BTreeMap<String, Account>,
    /// The time ages are measured from.
    pub now: Timestamp,
    /// The action catalog, `None` when it did not load (the controls that need it are then
    /// listed as not checked).
    catalog: Option<&'static Catalog>,
    uses: OnceCell<PolicyUse<'a>>,
    linted: OnceCell<Vec<lint::Linted>>,
    /// The escalation paths, when [`Context::prepare`] found them before their control ran.
    escalation: Cell<Option<Vec<crate::audit::escalation::Path>>>,
}

impl<'a> Context<'a> {
    /// The context of an audit of `account` at `now`, with the bundled action catalog.
    pub fn new(account: &'a Account, now: Timestamp) -> Context<'a> {
        Context::with_catalog(account, now, Catalog::get().ok())
    }

    /// The context with the given catalog (`None`: as if it had not loaded).
    pub fn with_catalog(
        account: &'a Account,
        now: Timestamp,
        catalog: Option<&'static Catalog>,
    ) -> Context<'a> {
        Context {
            account,
            others: &NO_OTHERS,
            now,
            catalog,
            uses: OnceCell::new(),
            linted: OnceCell::new(),
            escalation: Cell::new(None),
        }
    }

    /// The context with the scenario's other accounts beside the one audited.
    pub fn with_others(self, others: &'a BTreeMap<String, Account>) -> Context<'a> {
        Context { others, ..self }
    }

    /// Works out the two largest shares of an audit side by side: the validation of every
    /// policy document the account holds (itself on every core) and the escalation search,
    /// which alone would wait for it.
    fn prepare(&self) {
        let (account, others) = (self.account, self.others);
        std::thread::scope(|scope| {
            let search =
                scope.spawn(move || crate::audit::escalation::paths_across(account, others));
            if self.catalog.is_some() {
                self.linted();
            }
            // A search that failed is not kept: its control searches again, alone.
            if let Ok(paths) = search.join() {
                self.escalation.set(Some(paths));
            }
        });
    }

    /// The escalation paths: those [`Context::prepare`] found, else searched now.
    fn escalation_paths(&self) -> Vec<crate::audit::escalation::Path> {
        self.escalation
            .take()
            .unwrap_or_else(|| crate::audit::escalation::paths_across(self.account, self.others))
    }

    /// How the account uses its managed policies, worked out on first use.
    fn uses(&self) -> &PolicyUse<'a> {
        self.uses.get_or_init(|| PolicyUse::of(self.account))
    }

    /// Every held document with its validation findings, worked out on first use (nothing
    /// without a catalog, whose controls are then not run).
    fn linted(&self) -> &[lint::Linted] {
        self.linted.get_or_init(|| match self.catalog {
            Some(c) => lint::lint_all(c, self.account, self.uses()),
            None => Vec::new(),
        })
    }

    /// The ARN of the account's root user.
    fn root_arn(&self) -> String {
        format!("arn:aws:iam::{}:root", self.account.id)
    }
}

/// No other accounts: an imported account, or a scenario of one.
static NO_OTHERS: BTreeMap<String, Account> = BTreeMap::new();

/// A page of the Security Hub user guide, by its file name and anchor.
macro_rules! sh {
    ($page:literal) => {
        concat!(
            "https://docs.aws.amazon.com/securityhub/latest/userguide/",
            $page
        )
    };
}

/// Every check, in the order findings are reported within one severity.
pub fn controls() -> Vec<Control> {
    use Needs::{ActionCatalog, Credentials, Iam, PasswordPolicy, Services};
    use Severity::{Critical, High, Low, Medium};
    #[rustfmt::skip]
    let table = vec![
        row("IAM.4", Some("CIS v3.0 1.4"), Critical, Audit::TitleIam4, Credentials, sh!("iam-controls.html#iam-4"), iam::root_access_key),
        row("IAM.9", Some("CIS v3.0 1.5"), Critical, Audit::TitleIam9, Credentials, sh!("iam-controls.html#iam-9"), iam::root_mfa),
        row("IAM.6", Some("CIS v3.0 1.6"), Critical, Audit::TitleIam6, Credentials, sh!("iam-controls.html#iam-6"), iam::root_hardware_mfa),
        row("IAM.1", Some("CIS v3.0 1.16"), High, Audit::TitleIam1, Iam, sh!("iam-controls.html#iam-1"), iam::admin_policy),
        row("S3.2", None, Critical, Audit::TitleS32, Services, sh!("s3-controls.html#s3-2"), s3::public_read),
        row("S3.3", None, Critical, Audit::TitleS33, Services, sh!("s3-controls.html#s3-3"), s3::public_write),
        row("EC2.13", None, High, Audit::TitleEc213, Services, sh!("ec2-controls.html#ec2-13"), ec2::ssh_open),
        row("EC2.14", None, High, Audit::TitleEc214, Services, sh!("ec2-controls.html#ec2-14"), ec2::rdp_open),
        row("EC2.53", Some("CIS v3.0 5.2"), High, Audit::TitleEc253, Services, sh!("ec2-controls.html#ec2-53"), ec2::admin_ports_open_ipv4),
        row("EC2.54", Some("CIS v3.0 5.3"), High, Audit::TitleEc254, Services, sh!("ec2-controls.html#ec2-54"), ec2::admin_ports_open_ipv6),
        row("EC2.2", Some("CIS v3.0 5.4"), High, Audit::TitleEc22, Services, sh!("ec2-controls.html#ec2-2"), ec2::default_group_rules),
        row("EC2.8", Some("CIS v3.0 5.6"), High, Audit::TitleEc28, Services, sh!("ec2-controls.html#ec2-8"), ec2::imdsv1),
        row("CloudTrail.1", Some("CIS v3.0 3.1"), High, Audit::TitleCloudTrail1, Services, sh!("cloudtrail-controls.html#cloudtrail-1"), cloudtrail::no_trail),
        row("GuardDuty.1", None, High, Audit::TitleGuardDuty1, Services, sh!("guardduty-controls.html#guardduty-1"), guardduty::no_detector),
        row("IAM.5", Some("CIS v3.0 1.10"), Medium, Audit::TitleIam5, Credentials, sh!("iam-controls.html#iam-5"), iam::console_without_mfa),
        row("IAM.19", None, Medium, Audit::TitleIam19, Credentials, sh!("iam-controls.html#iam-19"), iam::user_without_mfa),
        row("IAM.3", Some("CIS v3.0 1.14"), Medium, Audit::TitleIam3, Credentials, sh!("iam-controls.html#iam-3"), iam::old_access_key),
        row("IAM.8", None, Medium, Audit::TitleIam8, Credentials, sh!("iam-controls.html#iam-8"), iam::unused_90_days),
        row("IAM.22", Some("CIS v3.0 1.12"), Medium, Audit::TitleIam22, Credentials, sh!("iam-controls.html#iam-22"), iam::unused_45_days),
        row("IAM.7", None, Medium, Audit::TitleIam7, PasswordPolicy, sh!("iam-controls.html#iam-7"), password::weak),
        row("IAM.10", None, Medium, Audit::TitleIam10, PasswordPolicy, sh!("iam-controls.html#iam-10"), password::pci_minimums),
        row("IAM.11", None, Medium, Audit::TitleIam11, PasswordPolicy, sh!("iam-controls.html#iam-11"), password::no_uppercase),
        row("IAM.12", None, Medium, Audit::TitleIam12, PasswordPolicy, sh!("iam-controls.html#iam-12"), password::no_lowercase),
        row("IAM.13", None, Medium, Audit::TitleIam13, PasswordPolicy, sh!("iam-controls.html#iam-13"), password::no_symbol),
        row("IAM.14", None, Medium, Audit::TitleIam14, PasswordPolicy, sh!("iam-controls.html#iam-14"), password::no_number),
        row("IAM.15", Some("CIS v3.0 1.8"), Medium, Audit::TitleIam15, PasswordPolicy, sh!("iam-controls.html#iam-15"), password::shorter_than_14),
        row("IAM.16", Some("CIS v3.0 1.9"), Low, Audit::TitleIam16, PasswordPolicy, sh!("iam-controls.html#iam-16"), password::reuse),
        row("IAM.17", None, Low, Audit::TitleIam17, PasswordPolicy, sh!("iam-controls.html#iam-17"), password::no_expiry),
        row("S3.1", Some("CIS v3.0 2.1.4"), Medium, Audit::TitleS31, Services, sh!("s3-controls.html#s3-1"), s3::account_block),
        row("S3.8", Some("CIS v3.0 2.1.4"), High, Audit::TitleS38, Services, sh!("s3-controls.html#s3-8"), s3::bucket_block),
        row("IAM.2", Some("CIS v3.0 1.15"), Low, Audit::TitleIam2, Iam, sh!("iam-controls.html#iam-2"), iam::user_policies),
        row("IAM.21", None, Low, Audit::TitleIam21, Iam, sh!("iam-controls.html#iam-21"), iam::service_wildcards),
        row("IAM.27", Some("CIS v3.0 1.22"), Medium, Audit::TitleIam27, Iam, sh!("iam-controls.html#iam-27"), iam::cloudshell_full_access),
        row("IAM.24", None, Low, Audit::TitleIam24, Iam, sh!("iam-controls.html#iam-24"), tags::untagged_roles),
        row("IAM.25", None, Low, Audit::TitleIam25, Iam, sh!("iam-controls.html#iam-25"), tags::untagged_users),
        row("IAM.18", Some("CIS v3.0 1.17"), Low, Audit::TitleIam18, Iam, sh!("iam-controls.html#iam-18"), iam::no_support_role),
        // Checks of our own.
        row("IAMDOJO.1", None, High, Audit::TitleDojo1, Iam, "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", iam::administrators),
        row("IAMDOJO.2", None, High, Audit::TitleDojo2, Iam, "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/", iam::escalation_paths),
        row("IAMDOJO.3", None, High, Audit::TitleDojo3, Iam, "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html", iam::open_trust),
        row("IAMDOJO.4", None, Medium, Audit::TitleDojo4, Iam, "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials", iam::unused_roles),
        row("IAMDOJO.5", None, High, Audit::TitleDojo5, Services, "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html", billing::no_budget),
        row("IAMDOJO.6", Some("CIS v3.0 1.7"), Medium, Audit::TitleDojo6, Credentials, "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html", cloudtrail::root_used),
        row("IAMDOJO.7", None, High, Audit::TitleDojo7, Services, "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html", cloudtrail::key_misused),
        row("IAMDOJO.8", None, High, Audit::TitleDojo8, Services, "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html", guardduty::open_findings),
        row("IAMDOJO.10", None, Medium, Audit::TitleDojo10, ActionCatalog, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html", lint::errors),
        row("IAMDOJO.11", None, High, Audit::TitleDojo11, ActionCatalog, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html", lint::security_warnings),
        row("IAMDOJO.12", None, Low, Audit::TitleDojo12, ActionCatalog, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html", lint::warnings),
        row("IAMDOJO.9", None, Medium, Audit::TitleDojo9, Credentials, "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", iam::key_never_used),
    ];
    table
}

/// One row of the table.
fn row(
    id: &'static str,
    cis: Option<&'static str>,
    severity: Severity,
    title: Audit,
    needs: Needs,
    learn_more: &'static str,
    check: fn(&Context) -> Vec<Hit>,
) -> Control {
    Control {
        id,
        cis,
        severity,
        title,
        needs,
        learn_more,
        check,
    }
}

fn hit(resource: impl Into<String>, evidence: Said, fix: Vec<Fix>) -> Hit {
    Hit {
        resource: resource.into(),
        evidence,
        fix,
        walk: None,
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

/// Whole days from `a` to `b`.
fn days(a: Timestamp, b: Timestamp) -> i64 {
    (b.as_second() - a.as_second()) / 86_400
}

/// `2026-03-02`.
fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

/// How the account uses its managed policies: attachments per ARN, and the ARNs used as
/// permissions boundaries. Made once per audit, in one pass over the account.
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
    /// The action catalog iamdojo carries (to validate the policy documents).
    ActionCatalog,
    /// IAM Access Analyzer's analyzers, which no iamdojo account holds yet.
    AccessAnalyzer,
    /// IAM's server certificates, which no iamdojo account holds yet.
    ServerCertificates,
}

impl Needs {
    /// Of a control, by its id (what every input has for an id that is not a control).
    pub fn of(control: &str) -> Needs {
        controls()
            .into_iter()
            .find(|c| c.id == control)
            .map_or(Needs::Iam, |c| c.needs)
    }

    /// True when the audit has what this needs.
    pub fn met(self, cx: &Context) -> bool {
        match self {
            Needs::Iam => true,
            Needs::Credentials => cx.account.known.credentials,
            Needs::PasswordPolicy => cx.account.known.password_policy,
            Needs::Services => cx.account.known.services,
            Needs::ActionCatalog => cx.catalog.is_some(),
            Needs::AccessAnalyzer | Needs::ServerCertificates => false,
        }
    }

    /// What to give for it, in words (nothing for what every input has).
    pub fn remedy(self) -> Option<Audit> {
        match self {
            Needs::Iam => None,
            Needs::Credentials => Some(Audit::NeedsCredentials),
            Needs::PasswordPolicy => Some(Audit::NeedsPasswordPolicy),
            Needs::Services => Some(Audit::NeedsServices),
            Needs::ActionCatalog => Some(Audit::NeedsActionCatalog),
            Needs::AccessAnalyzer => Some(Audit::NeedsAccessAnalyzer),
            Needs::ServerCertificates => Some(Audit::NeedsServerCertificates),
        }
    }

    /// Every kind of need that can go unmet, in the order the text report lists them.
    pub const UNMET: [Needs; 6] = [
        Needs::Credentials,
        Needs::PasswordPolicy,
        Needs::Services,
        Needs::ActionCatalog,
        Needs::AccessAnalyzer,
        Needs::ServerCertificates,
    ];
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
    not_evaluated_in(&Context::new(a, a.now))
}

/// The controls that the audit in `cx` cannot answer: those of the table whose need is not
/// met, then the [`UNANSWERABLE`] ones.
pub fn not_evaluated_in(cx: &Context) -> Vec<NotEvaluated> {
    controls()
        .into_iter()
        .filter(|c| !c.needs.met(cx))
        .map(|c| NotEvaluated {
            control: c.id.to_string(),
            title: c.title,
            needs: c.needs,
        })
        .chain(UNANSWERABLE.iter().map(|&(id, title, needs)| NotEvaluated {
            control: id.to_string(),
            title,
            needs,
        }))
        .collect()
}

/// The Security Hub IAM controls that no iamdojo account can answer yet, with what they
/// would need: (id, title, need). They are always listed as not checked.
///
/// - IAM.23, IAM Access Analyzer analyzers should be tagged, and IAM.28, IAM Access Analyzer
///   external access analyzer should be enabled: accounts hold no analyzers.
/// - IAM.26, Expired SSL/TLS certificates managed in IAM should be removed: accounts hold no
///   server certificates.
///
/// (<https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html>)
pub const UNANSWERABLE: [(&str, Audit, Needs); 3] = [
    ("IAM.23", Audit::TitleIam23, Needs::AccessAnalyzer),
    ("IAM.26", Audit::TitleIam26, Needs::ServerCertificates),
    ("IAM.28", Audit::TitleIam28, Needs::AccessAnalyzer),
];

/// Runs every check that the account's data can answer (see [`not_evaluated`] for the rest)
/// and returns the findings, most severe first.
pub fn audit(a: &Account, now: Timestamp) -> Vec<Finding> {
    audit_in(&Context::new(a, now))
}

/// [`audit`] of a scenario's account `a` with its `others` beside it, which escalation
/// paths may pass through.
pub fn audit_across(
    a: &Account,
    others: &BTreeMap<String, Account>,
    now: Timestamp,
) -> Vec<Finding> {
    audit_in(&Context::new(a, now).with_others(others))
}

/// Runs every check that the audit in `cx` can answer, most severe first.
pub fn audit_in(cx: &Context) -> Vec<Finding> {
    audit_in_telling(cx, &mut |_| {})
}

/// Where an audit is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage<'a> {
    /// Validating every policy document the account holds and searching for escalation
    /// paths, side by side: most of a large audit.
    Preparing,
    /// About to run the `n`th (from 1) of the `total` controls, `id`.
    Control {
        /// Its place.
        n: usize,
        /// How many run.
        total: usize,
        /// Its id.
        id: &'a str,
    },
}

/// [`audit`], calling `before` at each [`Stage`], for a progress line.
pub fn audit_telling(
    a: &Account,
    now: Timestamp,
    before: &mut dyn FnMut(Stage<'_>),
) -> Vec<Finding> {
    audit_in_telling(&Context::new(a, now), before)
}

/// [`audit_telling`] of a scenario's account `a` with its `others` beside it, which
/// escalation paths may pass through.
pub fn audit_across_telling(
    a: &Account,
    others: &BTreeMap<String, Account>,
    now: Timestamp,
    before: &mut dyn FnMut(Stage<'_>),
) -> Vec<Finding> {
    audit_in_telling(&Context::new(a, now).with_others(others), before)
}

/// The escalation search's control, which [`Context::prepare`] runs beside the lint.
const ESCALATION: &str = "IAMDOJO.2";

fn audit_in_telling(cx: &Context, before: &mut dyn FnMut(Stage<'_>)) -> Vec<Finding> {
    let mut out = Vec::new();
    let run: Vec<Control> = controls().into_iter().filter(|c| c.needs.met(cx)).collect();
    if run.iter().any(|c| c.id == ESCALATION) {
        before(Stage::Preparing);
        cx.prepare();
    }
    let total = run.len();
    for (i, c) in run.into_iter().enumerate() {
        before(Stage::Control {
            n: i + 1,
            total,
            id: c.id,
        });
        for h in (c.check)(cx) {
            out.push(Finding {
                control: c.id,
                cis: c.cis,
                severity: c.severity,
                resource: h.resource,
                title: c.title,
                evidence: h.evidence,
                fix: h.fix,
                learn_more: c.learn_more,
                walk: h.walk,
            });
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}
