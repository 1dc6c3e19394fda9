//! Scenario files: a simulated account's starting state and the events scripted to happen in
//! it, in YAML (the format is documented in `docs/scenario-format.md`). Lessons and
//! `iamdojo sandbox --scenario` load them. Every error names the file, the line and column
//! (for syntax and type errors) or the field path (for references that do not resolve).

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use super::billing::{Alarm, Budget, BudgetNotice};
use super::command::{Creds, Profile, Sandbox};
use super::ec2::{self, Image, Instance, Rule, SecurityGroup, State};
use super::guardduty::GuardDuty;
use super::lambda;
use super::model::*;
use super::rules::{self, NameKind, Quota};
use super::s3::{Bucket, Object, PublicAccessBlock};
use super::trail::Trail;
use super::{Account, InstanceProfile, document};
use crate::input::Said;
use crate::msg::input::Input;
use crate::msg::scenario::Scenario as M;
use crate::policy::PolicyType;

/// The largest scenario file read, in bytes (`input::read::Limit::Scenario`).
pub const MAX_SIZE: usize = 2 * 1024 * 1024;

/// A scenario that could not be loaded: the file, the line and column when known, the field
/// path (e.g. `users[2].policies[0]`) and what to do.
pub type ScenarioError = crate::input::FileError;

/// A policy document: JSON text or a YAML mapping.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Doc {
    /// JSON text.
    Text(String),
    /// A YAML mapping, turned into JSON.
    Map(serde_yaml::Value),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountSpec {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    alias: Option<String>,
    #[serde(default)]
    seed: Option<u64>,
    /// The account's name in its organization.
    #[serde(default)]
    name: Option<String>,
    /// The account's email address in its organization.
    #[serde(default)]
    email: Option<String>,
}

/// One of `accounts:`: another account, with what the home account has (IAM, Lambda, S3 and
/// CloudTrail).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OtherAccountSpec {
    id: String,
    #[serde(default)]
    alias: Option<String>,
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    root: RootSpec,
    #[serde(default)]
    password_policy: Option<PasswordPolicy>,
    #[serde(default)]
    policies: Vec<PolicySpec>,
    #[serde(default)]
    users: Vec<UserSpec>,
    #[serde(default)]
    groups: Vec<GroupSpec>,
    #[serde(default)]
    roles: Vec<RoleSpec>,
    #[serde(default)]
    functions: Vec<FunctionSpec>,
    #[serde(default)]
    buckets: Vec<BucketSpec>,
    #[serde(default)]
    account_public_access_block: Option<PublicAccessBlock>,
    #[serde(default)]
    trails: Vec<TrailSpec>,
}

/// `organization:`: the management account, the OUs, where accounts sit, and the SCPs and
/// RCPs with their targets.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationSpec {
    /// The organization's id (`o-` and 10 to 32 lowercase letters or digits), for policies
    /// that name it in `aws:PrincipalOrgID`; generated when absent.
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    management: Option<String>,
    #[serde(default)]
    units: Vec<UnitSpec>,
    /// Account id → the name of the OU it sits in (`Root` when not listed).
    #[serde(default)]
    accounts: BTreeMap<String, String>,
    /// Accounts of the scenario that are not in the organization.
    #[serde(default)]
    outside: Vec<String>,
    #[serde(default)]
    policies: Vec<OrgPolicySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitSpec {
    name: String,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgPolicySpec {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    description: Option<String>,
    document: Doc,
    #[serde(default)]
    targets: Vec<String>,
}

/// One of `profiles:`: a CLI profile signed in as an account's root user or one of its users.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileSpec {
    #[serde(default)]
    account: Option<String>,
    #[serde(default)]
    root: bool,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    region: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LastUsedSpec {
    date: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    service: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeySpec {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    last_used: Option<LastUsedSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RootSpec {
    #[serde(default)]
    mfa: bool,
    #[serde(default)]
    access_keys: Vec<KeySpec>,
    #[serde(default)]
    last_sign_in: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicySpec {
    name: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    description: Option<String>,
    /// The policy's one version (v1); or `versions` and `default_version`.
    #[serde(default)]
    document: Option<Doc>,
    /// Every version, v1 first.
    #[serde(default)]
    versions: Vec<Doc>,
    /// Which of `versions` is the default (`v2`).
    #[serde(default)]
    default_version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserSpec {
    name: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    inline: BTreeMap<String, Doc>,
    #[serde(default)]
    boundary: Option<String>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    password_last_used: Option<String>,
    #[serde(default)]
    mfa: bool,
    #[serde(default)]
    access_keys: Vec<KeySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupSpec {
    name: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    inline: BTreeMap<String, Doc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSpec {
    name: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    description: Option<String>,
    trust: Doc,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    inline: BTreeMap<String, Doc>,
    #[serde(default)]
    boundary: Option<String>,
    #[serde(default)]
    max_session_duration: Option<u32>,
    #[serde(default)]
    last_used: Option<LastUsedSpec>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    instance_profile: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

/// A Lambda function (`functions:`): its execution role, its code (the AWS CLI command lines
/// it runs, one a line) and, optionally, the statements of its resource-based policy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FunctionSpec {
    name: String,
    role: String,
    #[serde(default)]
    runtime: Option<String>,
    #[serde(default)]
    handler: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    code: Vec<String>,
    #[serde(default)]
    environment: BTreeMap<String, String>,
    #[serde(default)]
    policy: Vec<Doc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BucketSpec {
    name: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    policy: Option<Doc>,
    #[serde(default)]
    acl: Option<String>,
    /// The ACL's grants to other accounts, beside the canned ACL's.
    #[serde(default)]
    grants: Vec<GrantSpec>,
    #[serde(default)]
    public_access_block: Option<PublicAccessBlock>,
    #[serde(default)]
    objects: BTreeMap<String, String>,
}

/// One of a bucket's `grants:`: an account (by its 12-digit id) and the ACL permission.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantSpec {
    account: String,
    permission: super::s3::AclPermission,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    #[serde(default)]
    protocol: Option<String>,
    port: serde_yaml::Value,
    cidr: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SgSpec {
    #[serde(default)]
    id: Option<String>,
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    ingress: Vec<RuleSpec>,
    /// `None`: AWS's default, all traffic out.
    #[serde(default)]
    egress: Option<Vec<RuleSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstanceSpec {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type")]
    instance_type: String,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    launched: Option<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    security_groups: Vec<String>,
    #[serde(default)]
    user_data: Option<String>,
    #[serde(default)]
    launched_by: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    http_tokens: Option<String>,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    web_app: Option<WebAppSpec>,
}

/// `web_app:` under an instance: a web application that fetches any URL it is given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WebAppSpec {
    host: String,
    #[serde(default = "default_fetch_param")]
    fetch_param: String,
}

fn default_fetch_param() -> String {
    "url".into()
}

/// An entry of `oidc_providers:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OidcProviderSpec {
    url: String,
    #[serde(default = "default_client_ids")]
    client_ids: Vec<String>,
    #[serde(default)]
    thumbprints: Vec<String>,
}

fn default_client_ids() -> Vec<String> {
    vec![super::oidc::STS_AUDIENCE.to_string()]
}

/// An entry of `web_identity_tokens:`: a token GitHub Actions issued to a workflow
/// (`github:`), or any issuer's token with its claims.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenSpec {
    #[serde(default)]
    github: Option<GithubTokenSpec>,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    claims: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GithubTokenSpec {
    repository: String,
    #[serde(default = "default_ref", rename = "ref")]
    git_ref: String,
    #[serde(default = "default_audience")]
    audience: String,
}

fn default_ref() -> String {
    "refs/heads/main".into()
}

fn default_audience() -> String {
    super::oidc::STS_AUDIENCE.to_string()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageSpec {
    id: String,
    name: String,
    #[serde(default)]
    description: Option<String>,
    /// `self` (the default), `amazon`, or an account id.
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    architecture: Option<String>,
    #[serde(default)]
    imds_support: Option<String>,
    #[serde(default)]
    public: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrailSpec {
    name: String,
    bucket: String,
    #[serde(default)]
    logging: bool,
    #[serde(default)]
    multi_region: bool,
    #[serde(default)]
    log_file_validation: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuardDutySpec {
    #[serde(default)]
    enabled: bool,
    #[serde(default)]
    threat_list: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BudgetSpec {
    name: String,
    limit: f64,
    #[serde(default)]
    alert_at_percent: Vec<f64>,
    #[serde(default)]
    email: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AlarmSpec {
    name: String,
    threshold: f64,
    #[serde(default)]
    notify: Vec<String>,
}

/// Who an event acts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The root user.
    Root,
    /// An IAM user (with its first active access key, or a new one).
    User(String),
    /// Whoever holds this access key (a leaked key).
    AccessKey(String),
    /// Whoever holds the credentials the instance metadata service hands a program on this
    /// instance (its role's session, named after the instance): stolen through the instance
    /// (SSRF to IMDSv1, a shell on it) and used from the event's IP address.
    Instance(String),
}

/// `as:` in an event: `root`, `{user: NAME}`, `{access_key: AKIA…}` or `{instance: i-…}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ActorSpec {
    Word(String),
    Map {
        #[serde(default)]
        user: Option<String>,
        #[serde(default)]
        access_key: Option<String>,
        #[serde(default)]
        instance: Option<String>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventSpec {
    at: String,
    #[serde(rename = "as")]
    actor: ActorSpec,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    region: Option<String>,
    run: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    #[serde(default = "one")]
    schema: u32,
    #[serde(default)]
    account: AccountSpec,
    #[serde(default)]
    clock: Option<String>,
    #[serde(default)]
    source_ip: Option<String>,
    #[serde(default)]
    root: RootSpec,
    #[serde(default)]
    password_policy: Option<PasswordPolicy>,
    #[serde(default)]
    policies: Vec<PolicySpec>,
    #[serde(default)]
    users: Vec<UserSpec>,
    #[serde(default)]
    groups: Vec<GroupSpec>,
    #[serde(default)]
    roles: Vec<RoleSpec>,
    #[serde(default)]
    oidc_providers: Vec<OidcProviderSpec>,
    #[serde(default)]
    web_identity_tokens: BTreeMap<String, TokenSpec>,
    #[serde(default)]
    github_repositories: Option<Vec<String>>,
    #[serde(default)]
    functions: Vec<FunctionSpec>,
    #[serde(default)]
    buckets: Vec<BucketSpec>,
    #[serde(default)]
    account_public_access_block: Option<PublicAccessBlock>,
    #[serde(default)]
    security_groups: Vec<SgSpec>,
    #[serde(default)]
    images: Vec<ImageSpec>,
    #[serde(default)]
    instances: Vec<InstanceSpec>,
    #[serde(default)]
    trails: Vec<TrailSpec>,
    #[serde(default)]
    guardduty: Option<GuardDutySpec>,
    #[serde(default)]
    budgets: Vec<BudgetSpec>,
    #[serde(default)]
    alarms: Vec<AlarmSpec>,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    events: Vec<EventSpec>,
    #[serde(default)]
    accounts: Vec<OtherAccountSpec>,
    #[serde(default)]
    organization: Option<OrganizationSpec>,
    #[serde(default)]
    profiles: BTreeMap<String, ProfileSpec>,
}

/// The most accounts a scenario declares besides the home account.
pub const MAX_ACCOUNTS: usize = 20;

fn one() -> u32 {
    1
}

/// The scenario schema version this build reads.
pub const SCHEMA: u32 = 1;

/// An event waiting for its time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledEvent {
    /// When it happens.
    pub at: Timestamp,
    /// As whom.
    pub actor: Actor,
    /// From which IP.
    pub from: String,
    /// In which region.
    pub region: String,
    /// The command line.
    pub run: String,
}

struct Loader<'a> {
    file: &'a str,
    account: Account,
    /// What field paths start with: empty for the home account, `accounts[2].` for another.
    prefix: String,
}

impl Loader<'_> {
    fn err(&self, path: &str, message: Said) -> ScenarioError {
        // Values from the file are quoted into messages: escape any control character in
        // them (line breaks of multi-line messages stay), so none reaches the terminal raw.
        let message = message.map_values(&|v| {
            v.split('\n')
                .map(rules::quoted)
                .collect::<Vec<_>>()
                .join("\n")
        });
        ScenarioError {
            file: self.file.to_string(),
            location: None,
            path: rules::quoted(&format!("{}{path}", self.prefix)),
            message,
        }
    }

    /// Checks a name with the sandbox's own rule; `path` is the field, e.g. `users[2].name`.
    fn name(&self, path: &str, kind: NameKind, name: &str) -> Result<(), ScenarioError> {
        rules::check_name(kind, name).map_err(|e| self.err(path, e.said()))
    }

    /// Checks an optional IAM path (default `/`) with the sandbox's own rule.
    fn iam_path(&self, path: &str, p: Option<&String>) -> Result<String, ScenarioError> {
        let p = p.map_or("/", String::as_str);
        rules::check_path(p).map_err(|e| self.err(path, e.said()))?;
        Ok(p.to_string())
    }

    /// Checks that `count` fit a quota as a new account has it, as the sandbox enforces it.
    fn quota(&self, path: &str, quota: Quota, count: usize) -> Result<(), ScenarioError> {
        quota
            .check(count)
            .map_err(|e| self.err(path, e.said().then(Said::of(M::RemoveSome))))
    }

    /// A security group rule of the file; `path` names it in errors.
    fn rule(&self, path: &str, r: &RuleSpec) -> Result<Rule, ScenarioError> {
        let (from, to) = match &r.port {
            serde_yaml::Value::Number(n) => (n.as_i64(), n.as_i64()),
            serde_yaml::Value::String(s) => match s.split_once('-') {
                Some((a, b)) => (a.trim().parse().ok(), b.trim().parse().ok()),
                None if s == "all" => (Some(0), Some(65535)),
                None => (s.parse().ok(), s.parse().ok()),
            },
            _ => (None, None),
        };
        let (Some(from_port), Some(to_port)) = (from, to) else {
            return Err(self.err(&format!("{path}.port"), Said::of(M::BadPort)));
        };
        if r.cidr.parse::<ipnet::IpNet>().is_err() {
            return Err(self.err(
                &format!("{path}.cidr"),
                Said::of(M::BadCidr).with("cidr", &r.cidr),
            ));
        }
        let protocol = r.protocol.clone().unwrap_or_else(|| "tcp".into());
        Ok(Rule::cidr(&protocol, from_port, to_port, &r.cidr))
    }

    fn time(&self, path: &str, s: &str) -> Result<Timestamp, ScenarioError> {
        crate::policy::condition::parse_date(s)
            .ok_or_else(|| self.err(path, Said::of(M::NotATime).with("value", s)))
    }

    fn doc(&self, path: &str, d: &Doc, ty: PolicyType) -> Result<Document, ScenarioError> {
        let text = match d {
            Doc::Text(t) => t.clone(),
            Doc::Map(v) => serde_json::to_string_pretty(v)
                .map_err(|e| self.err(path, Said::of(M::NotJson).with("error", e)))?,
        };
        document(&text, ty)
            .map_err(|e| self.err(path, Said::of(M::MalformedPolicy).saying("error", e.said())))
    }

    /// Resolves a policy reference: a full ARN, the name of a policy of this scenario, or the
    /// name of a bundled AWS managed policy.
    fn policy_arn(&mut self, path: &str, r: &str) -> Result<String, ScenarioError> {
        let arn = if r.starts_with("arn:") {
            if rules::iam_arn(r, NameKind::Policy).is_none() {
                return Err(self.err(path, Said::of(M::NotPolicyArn).with("arn", r)));
            }
            r.to_string()
        } else if let Some(p) = self
            .account
            .policies
            .values()
            .find(|p| !p.aws_managed && p.name == r)
        {
            p.arn.clone()
        } else if let Some(arn) = super::managed::arn_of(r) {
            arn
        } else {
            let mut names: Vec<String> = self
                .account
                .policies
                .values()
                .map(|p| p.name.clone())
                .collect();
            names.extend(super::managed::bundled().map(|(n, _)| n.to_string()));
            let message = near(
                Said::of(M::NoSuchPolicy).with("name", r),
                r,
                names.iter().map(String::as_str),
            );
            return Err(self.err(path, message));
        };
        if self.account.managed_policy(&arn).is_none() {
            return Err(self.err(path, Said::of(M::PolicyNotDefined).with("arn", &arn)));
        }
        Ok(arn)
    }

    fn key(&mut self, path: &str, k: &KeySpec) -> Result<AccessKey, ScenarioError> {
        let status = match k.status.as_deref().unwrap_or("Active") {
            "Active" => KeyStatus::Active,
            "Inactive" => KeyStatus::Inactive,
            other => {
                return Err(self.err(
                    &format!("{path}.status"),
                    Said::of(M::BadKeyStatus).with("value", other),
                ));
            }
        };
        let id = match &k.id {
            Some(id) if id.starts_with("AKIA") && id.len() == 20 => id.clone(),
            Some(id) => {
                return Err(self.err(&format!("{path}.id"), Said::of(M::BadKeyId).with("id", id)));
            }
            None => self.account.new_id("AKIA", 16),
        };
        let created = match &k.created {
            Some(t) => self.time(&format!("{path}.created"), t)?,
            None => self.account.now,
        };
        let last_used = match &k.last_used {
            Some(l) => Some(LastUsed {
                date: self.time(&format!("{path}.last_used.date"), &l.date)?,
                region: l.region.clone().unwrap_or_else(|| "us-east-1".into()),
                service: l.service.clone().unwrap_or_else(|| "iam".into()),
            }),
            None => None,
        };
        let secret = self.account.new_secret();
        let mut key = AccessKey::new(id, secret, created);
        key.status = status;
        key.last_used = last_used;
        Ok(key)
    }

    fn tags(map: &BTreeMap<String, String>) -> Vec<Tag> {
        map.iter()
            .map(|(k, v)| Tag {
                key: k.clone(),
                value: v.clone(),
            })
            .collect()
    }

    fn inline(
        &self,
        path: &str,
        m: &BTreeMap<String, Doc>,
        ty: PolicyType,
    ) -> Result<BTreeMap<String, Document>, ScenarioError> {
        m.iter()
            .map(|(name, d)| {
                self.name(path, NameKind::InlinePolicy, name)?;
                Ok((name.clone(), self.doc(&format!("{path}.{name}"), d, ty)?))
            })
            .collect()
    }
}

/// "The {kind} `{name}` is defined twice".
fn twice(kind: M, name: &str) -> Said {
    Said::of(M::DefinedTwice)
        .saying("kind", Said::of(kind))
        .with("name", name)
}

/// `message`, then "did you mean" the name nearest to `word` among `names`, if one is near.
fn near<'a>(message: Said, word: &str, names: impl IntoIterator<Item = &'a str>) -> Said {
    match crate::suggest::nearest(word, names) {
        Some(n) => message.then(Said::of(Input::DidYouMean).with("name", n)),
        None => message,
    }
}

/// A loaded scenario: the sandbox to act in and the events still to come.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The sandbox over the scenario's account.
    pub sandbox: Sandbox,
}

/// Parses a scenario file's text; `file` names it in errors. An error found after the YAML
/// was read (a name AWS refuses, a reference that does not resolve) gets the line of the entry
/// its field path names.
pub fn load(file: &str, text: &str) -> Result<Scenario, ScenarioError> {
    let lock = || LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, sandbox)) = lock().iter().find(|(f, t, _)| f == file && t == text) {
        return Ok(Scenario {
            sandbox: sandbox.clone(),
        });
    }
    let loaded = load_uncached(file, text)?;
    let mut memo = lock();
    if memo.len() >= LOADED_MAX {
        memo.remove(0);
    }
    memo.push((file.to_string(), text.to_string(), loaded.sandbox.clone()));
    Ok(loaded)
}

/// The scenarios loaded so far, as (file, text, the sandbox it gave), the oldest first.
/// Loading is a function of the file's name and text alone, and an account's copy shares
/// its policy documents, so a scenario loaded again is a copy of the first: `lessons lint`
/// loads each of the built-in course's scenarios for hundreds of fresh sandboxes.
static LOADED: Mutex<Vec<(String, String, Sandbox)>> = Mutex::new(Vec::new());

/// How many scenarios [`LOADED`] keeps (more than a pack uses).
const LOADED_MAX: usize = 64;

/// [`load`] without its memory of the scenarios loaded before: the file is read afresh
/// (what the benchmarks measure).
pub fn load_uncached(file: &str, text: &str) -> Result<Scenario, ScenarioError> {
    load_text(file, text).map_err(|mut e| {
        if e.location.is_none()
            && !e.path.is_empty()
            && let Some(line) = crate::input::yaml::Outline::of(text).line_of(&e.path)
        {
            let column = text
                .lines()
                .nth(line.saturating_sub(1))
                .map_or(1, |l| l.len() - l.trim_start().len() + 1);
            e.location = Some((line, column));
        }
        e
    })
}

fn load_text(file: &str, text: &str) -> Result<Scenario, ScenarioError> {
    if text.len() > MAX_SIZE {
        return Err(ScenarioError {
            file: file.into(),
            location: None,
            path: String::new(),
            message: Said::of(M::TooLarge)
                .with("n", text.len())
                .with("max", MAX_SIZE),
        });
    }
    let spec: ScenarioFile = crate::input::yaml::parse(file, text)?;
    if spec.schema != SCHEMA {
        return Err(ScenarioError {
            file: file.into(),
            location: None,
            path: "schema".into(),
            message: Said::of(M::SchemaMismatch)
                .with("got", spec.schema)
                .with("want", SCHEMA),
        });
    }
    let mut l = Loader::new(file, &spec.account)?;
    l.clock(spec.clock.as_ref())?;
    l.account.password_policy = spec.password_policy.clone();
    l.root(&spec.root)?;
    l.policies(&spec.policies)?;
    l.groups(&spec.groups)?;
    l.users(&spec.users)?;
    l.roles(&spec.roles)?;
    l.oidc_providers(&spec.oidc_providers)?;
    let tokens = l.web_identity_tokens(&spec.web_identity_tokens)?;
    let github_repositories = l.github_repositories(
        spec.github_repositories.as_deref(),
        &spec.web_identity_tokens,
    )?;
    l.functions(&spec.functions)?;
    l.buckets(&spec.buckets)?;
    l.account.account_public_access_block = spec.account_public_access_block;
    l.security_groups(&spec.security_groups)?;
    l.images(&spec.images);
    let source_ip = spec
        .source_ip
        .clone()
        .unwrap_or_else(|| "203.0.113.10".into());
    l.instances(&spec.instances, &source_ip)?;
    l.trails(&spec.trails);
    l.guardduty(spec.guardduty.as_ref());
    l.budgets(&spec.budgets);
    l.alarms(&spec.alarms);
    let events = l.events(&spec.events, &source_ip)?;
    let others = l.other_accounts(&spec.accounts)?;
    let organization = match &spec.organization {
        Some(o) => Some(l.organization(o, &spec.account, &spec.accounts, &others)?),
        None => None,
    };
    // Built as data, not through commands: the index starts afresh.
    l.account.reindex();
    let mut accounts = BTreeMap::new();
    for mut a in others {
        a.reindex();
        accounts.insert(a.id.clone(), a);
    }
    let profiles = l.profiles(&spec.profiles, &mut accounts)?;
    let mut sandbox = Sandbox::new(l.account);
    sandbox.accounts = accounts;
    sandbox.organization = organization;
    sandbox.refresh_organization();
    sandbox.profiles.extend(profiles);
    sandbox.source_ip = source_ip;
    sandbox.files = spec.files;
    sandbox.files.extend(tokens.clone());
    sandbox.tokens = tokens;
    sandbox.github_repositories = github_repositories;
    sandbox.events = events;
    sandbox.attacker = Box::new(sandbox.fresh_machine());
    Ok(Scenario { sandbox })
}

/// One function per section of the scenario file format, called in its order by [`load_text`].
impl Loader<'_> {
    /// `account`: the account's id, the seed of its generated ids and its alias.
    fn new<'f>(file: &'f str, spec: &AccountSpec) -> Result<Loader<'f>, ScenarioError> {
        let id = spec
            .id
            .clone()
            .unwrap_or_else(|| super::DEFAULT_ACCOUNT_ID.to_string());
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ScenarioError {
                file: file.into(),
                location: None,
                path: "account.id".into(),
                message: Said::of(M::BadAccountId).with("id", &id),
            });
        }
        let mut account = Account::new(&id, spec.seed.unwrap_or(1));
        account.alias = spec.alias.clone();
        Ok(Loader {
            file,
            account,
            prefix: String::new(),
        })
    }

    /// `clock`: the time the scenario starts at (the account's default when absent).
    fn clock(&mut self, clock: Option<&String>) -> Result<(), ScenarioError> {
        if let Some(c) = clock {
            self.account.now = self.time("clock", c)?;
        }
        Ok(())
    }

    /// `root`: the root user's MFA, last sign-in and access keys.
    fn root(&mut self, root: &RootSpec) -> Result<(), ScenarioError> {
        self.account.root.mfa_enabled = root.mfa;
        if let Some(t) = &root.last_sign_in {
            self.account.root.last_sign_in = Some(self.time("root.last_sign_in", t)?);
        }
        self.quota(
            "root.access_keys",
            rules::ACCESS_KEYS_PER_USER,
            root.access_keys.len(),
        )?;
        for (i, k) in root.access_keys.iter().enumerate() {
            let key = self.key(&format!("root.access_keys[{i}]"), k)?;
            self.account.root.access_keys.push(key);
        }
        Ok(())
    }

    /// `policies`: the customer managed policies.
    fn policies(&mut self, list: &[PolicySpec]) -> Result<(), ScenarioError> {
        for (i, p) in list.iter().enumerate() {
            let path = format!("policies[{i}]");
            self.name(&format!("{path}.name"), NameKind::Policy, &p.name)?;
            let ppath = self.iam_path(&format!("{path}.path"), p.path.as_ref())?;
            let arn = self.account.iam_arn("policy", &ppath, &p.name);
            if self.account.policies.contains_key(&arn) {
                return Err(self.err(&path, twice(M::KindPolicy, &p.name)));
            }
            let policy = self.policy_versions(&path, p, &ppath)?;
            self.account.policies.insert(arn, policy);
        }
        Ok(())
    }

    /// A customer managed policy of `policies`: its one `document`, or its `versions` with
    /// the `default_version`, each a document of its own.
    fn policy_versions(
        &mut self,
        path: &str,
        p: &PolicySpec,
        ppath: &str,
    ) -> Result<ManagedPolicy, ScenarioError> {
        let docs: Vec<(String, &Doc)> = match (&p.document, p.versions.as_slice()) {
            (Some(d), []) => vec![(format!("{path}.document"), d)],
            (None, []) => return Err(self.err(path, Said::of(M::DocumentOrVersions))),
            (Some(_), _) => return Err(self.err(path, Said::of(M::DocumentAndVersions))),
            (None, vs) => vs
                .iter()
                .enumerate()
                .map(|(j, d)| (format!("{path}.versions[{j}]"), d))
                .collect(),
        };
        self.quota(
            &format!("{path}.versions"),
            rules::VERSIONS_PER_POLICY,
            docs.len(),
        )?;
        let mut compiled = Vec::with_capacity(docs.len());
        for (at, d) in &docs {
            compiled.push(self.doc(at, d, PolicyType::Managed)?);
        }
        let n = compiled.len();
        let default = match (&p.default_version, n) {
            (None, 1) => 1,
            (None, _) => {
                return Err(self.err(
                    &format!("{path}.default_version"),
                    Said::of(M::DefaultVersionNeeded).with("n", n),
                ));
            }
            (Some(v), _) => match v.strip_prefix('v').and_then(|k| k.parse::<usize>().ok()) {
                Some(k) if (1..=n).contains(&k) && *v == format!("v{k}") => k,
                _ => {
                    return Err(self.err(
                        &format!("{path}.default_version"),
                        Said::of(M::BadDefaultVersion).with("value", v).with("n", n),
                    ));
                }
            },
        };
        let mut docs = compiled.into_iter();
        let Some(first) = docs.next() else {
            return Err(self.err(path, Said::of(M::DocumentOrVersions)));
        };
        let policy = self
            .account
            .new_policy(&p.name, ppath, first)
            .with_description(p.description.clone());
        let now = self.account.now;
        Ok(policy.with_versions(docs, &format!("v{default}"), now))
    }

    /// `groups`, with their policies; read before users, so that memberships resolve.
    fn groups(&mut self, list: &[GroupSpec]) -> Result<(), ScenarioError> {
        for (i, g) in list.iter().enumerate() {
            let path = format!("groups[{i}]");
            self.name(&format!("{path}.name"), NameKind::Group, &g.name)?;
            let gpath = self.iam_path(&format!("{path}.path"), g.path.as_ref())?;
            let mut attached = Vec::new();
            for (j, r) in g.policies.iter().enumerate() {
                attached.push(self.policy_arn(&format!("{path}.policies[{j}]"), r)?);
            }
            self.quota(
                &format!("{path}.policies"),
                rules::POLICIES_PER_GROUP,
                attached.len(),
            )?;
            let inline = self.inline(
                &format!("{path}.inline"),
                &g.inline,
                PolicyType::InlineGroup,
            )?;
            let group = self
                .account
                .new_group(&g.name, &gpath)
                .with_policies(attached, inline);
            if self.account.groups.insert(g.name.clone(), group).is_some() {
                return Err(self.err(&path, twice(M::KindGroup, &g.name)));
            }
        }
        Ok(())
    }

    /// `users`: their memberships, policies, boundary, password, MFA and access keys.
    fn users(&mut self, list: &[UserSpec]) -> Result<(), ScenarioError> {
        for (i, u) in list.iter().enumerate() {
            let path = format!("users[{i}]");
            self.name(&format!("{path}.name"), NameKind::User, &u.name)?;
            let upath = self.iam_path(&format!("{path}.path"), u.path.as_ref())?;
            self.quota(
                &format!("{path}.groups"),
                rules::GROUPS_PER_USER,
                u.groups.len(),
            )?;
            for (j, g) in u.groups.iter().enumerate() {
                if !self.account.groups.contains_key(g) {
                    let names: Vec<&str> = self.account.groups.keys().map(String::as_str).collect();
                    return Err(self.err(
                        &format!("{path}.groups[{j}]"),
                        near(Said::of(M::NoSuchGroup).with("name", g), g, names),
                    ));
                }
            }
            let mut attached = Vec::new();
            for (j, r) in u.policies.iter().enumerate() {
                attached.push(self.policy_arn(&format!("{path}.policies[{j}]"), r)?);
            }
            self.quota(
                &format!("{path}.policies"),
                rules::POLICIES_PER_USER,
                attached.len(),
            )?;
            let boundary = match &u.boundary {
                Some(b) => Some(self.policy_arn(&format!("{path}.boundary"), b)?),
                None => None,
            };
            let inline =
                self.inline(&format!("{path}.inline"), &u.inline, PolicyType::InlineUser)?;
            let created = match &u.created {
                Some(t) => self.time(&format!("{path}.created"), t)?,
                None => self.account.now,
            };
            let login_profile = match &u.password {
                Some(p) => Some(LoginProfile {
                    password: p.clone(),
                    reset_required: false,
                    created,
                    last_used: match &u.password_last_used {
                        Some(t) => Some(self.time(&format!("{path}.password_last_used"), t)?),
                        None => None,
                    },
                }),
                None => None,
            };
            self.quota(
                &format!("{path}.access_keys"),
                rules::ACCESS_KEYS_PER_USER,
                u.access_keys.len(),
            )?;
            let mut keys = Vec::new();
            for (j, k) in u.access_keys.iter().enumerate() {
                keys.push(self.key(&format!("{path}.access_keys[{j}]"), k)?);
            }
            let mfa = if u.mfa {
                vec![MfaDevice {
                    serial: format!("arn:aws:iam::{}:mfa/{}", self.account.id, u.name),
                    is_virtual: true,
                    enabled: Some(created),
                }]
            } else {
                Vec::new()
            };
            let mut user = self
                .account
                .new_user(&u.name, &upath)
                .with_tags(Loader::tags(&u.tags))
                .with_policies(attached, inline)
                .with_boundary(boundary);
            user.created = created;
            user.login_profile = login_profile;
            user.mfa = mfa;
            user.access_keys = keys;
            user.groups = u.groups.clone();
            if self.account.users.insert(u.name.clone(), user).is_some() {
                return Err(self.err(&path, twice(M::KindUser, &u.name)));
            }
        }
        Ok(())
    }

    /// `roles`, with their policies, boundary and instance profile.
    fn roles(&mut self, list: &[RoleSpec]) -> Result<(), ScenarioError> {
        for (i, r) in list.iter().enumerate() {
            let path = format!("roles[{i}]");
            self.name(&format!("{path}.name"), NameKind::Role, &r.name)?;
            let rpath = self.iam_path(&format!("{path}.path"), r.path.as_ref())?;
            let trust = self.doc(&format!("{path}.trust"), &r.trust, PolicyType::Trust)?;
            let mut attached = Vec::new();
            for (j, p) in r.policies.iter().enumerate() {
                attached.push(self.policy_arn(&format!("{path}.policies[{j}]"), p)?);
            }
            self.quota(
                &format!("{path}.policies"),
                rules::POLICIES_PER_ROLE,
                attached.len(),
            )?;
            let boundary = match &r.boundary {
                Some(b) => Some(self.policy_arn(&format!("{path}.boundary"), b)?),
                None => None,
            };
            let inline =
                self.inline(&format!("{path}.inline"), &r.inline, PolicyType::InlineRole)?;
            let created = match &r.created {
                Some(t) => self.time(&format!("{path}.created"), t)?,
                None => self.account.now,
            };
            let last_used = match &r.last_used {
                Some(u) => Some(LastUsed {
                    date: self.time(&format!("{path}.last_used.date"), &u.date)?,
                    region: u.region.clone().unwrap_or_else(|| "us-east-1".into()),
                    service: u.service.clone().unwrap_or_else(|| "sts".into()),
                }),
                None => None,
            };
            let max_session_duration = r
                .max_session_duration
                .unwrap_or(DEFAULT_MAX_SESSION_DURATION);
            if !rules::valid_max_session_duration(i64::from(max_session_duration)) {
                return Err(self.err(
                    &format!("{path}.max_session_duration"),
                    Said::of(M::SessionDuration).with("n", max_session_duration),
                ));
            }
            let mut role = self
                .account
                .new_role(&r.name, &rpath, trust)
                .with_description(r.description.clone())
                .with_policies(attached, inline)
                .with_boundary(boundary)
                .with_max_session_duration(max_session_duration)
                .with_tags(Loader::tags(&r.tags));
            role.created = created;
            role.last_used = last_used;
            if self.account.roles.insert(r.name.clone(), role).is_some() {
                return Err(self.err(&path, twice(M::KindRole, &r.name)));
            }
            if let Some(p) = &r.instance_profile {
                self.instance_profile(&format!("{path}.instance_profile"), &r.name, p)?;
            }
        }
        Ok(())
    }

    /// A role's `instance_profile`: the profile of that name, holding the role `role`.
    /// `oidc_providers`: the OpenID Connect identity providers the account trusts.
    fn oidc_providers(&mut self, list: &[OidcProviderSpec]) -> Result<(), ScenarioError> {
        for (i, p) in list.iter().enumerate() {
            if self
                .account
                .add_oidc_provider(
                    &p.url,
                    p.client_ids.clone(),
                    p.thumbprints.clone(),
                    Vec::new(),
                )
                .is_none()
            {
                return Err(self.err(
                    &format!("oidc_providers[{i}].url"),
                    Said::of(M::BadOidcUrl).with("value", &p.url),
                ));
            }
        }
        Ok(())
    }

    /// `github_repositories`: the GitHub repositories whose workflows the learner runs, the
    /// only ones `github-oidc-token` signs for, since GitHub puts in a workflow's token the
    /// repository it runs in and no other
    /// (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
    /// By default, the repositories of the scenario's GitHub tokens; with neither, any.
    fn github_repositories(
        &self,
        listed: Option<&[String]>,
        tokens: &BTreeMap<String, TokenSpec>,
    ) -> Result<Vec<String>, ScenarioError> {
        let mut out: Vec<String> = match listed {
            Some(l) => {
                for (i, r) in l.iter().enumerate() {
                    if !super::oidc::valid_repository(r) {
                        return Err(self.err(
                            &format!("github_repositories[{i}]"),
                            Said::of(M::BadGithubRepository).with("value", r),
                        ));
                    }
                }
                l.to_vec()
            }
            None => tokens
                .values()
                .filter_map(|t| t.github.as_ref().map(|g| g.repository.clone()))
                .collect(),
        };
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// `web_identity_tokens`: tokens an identity provider issued, each written to the file of
    /// its name (what `--web-identity-token file://NAME` reads), issued at the scenario's
    /// start and valid for [`super::oidc::TOKEN_LIFETIME`] seconds.
    fn web_identity_tokens(
        &mut self,
        map: &BTreeMap<String, TokenSpec>,
    ) -> Result<BTreeMap<String, String>, ScenarioError> {
        use serde_json::{Value, json};
        let mut out = BTreeMap::new();
        for (name, t) in map {
            let path = format!("web_identity_tokens.{name}");
            let claims = match (&t.github, &t.issuer) {
                (Some(g), None) if t.claims.is_empty() => super::oidc::github_claims(
                    &g.repository,
                    &g.git_ref,
                    &g.audience,
                    self.account.now,
                ),
                (None, Some(iss)) => {
                    if super::oidc::provider_host(iss).is_none() {
                        return Err(self.err(
                            &format!("{path}.issuer"),
                            Said::of(M::BadOidcUrl).with("value", iss),
                        ));
                    }
                    for need in ["sub", "aud"] {
                        if !t.claims.contains_key(need) {
                            return Err(self.err(
                                &format!("{path}.claims"),
                                Said::of(M::TokenClaimMissing).with("claim", need),
                            ));
                        }
                    }
                    let iat = self.account.now.as_second();
                    let mut m: serde_json::Map<String, Value> = t
                        .claims
                        .iter()
                        .map(|(k, v)| (k.clone(), json!(v)))
                        .collect();
                    m.insert("iss".into(), json!(iss));
                    m.entry("iat").or_insert(json!(iat));
                    m.entry("exp")
                        .or_insert(json!(iat + super::oidc::TOKEN_LIFETIME));
                    m
                }
                _ => return Err(self.err(&path, Said::of(M::TokenKind))),
            };
            out.insert(name.clone(), super::oidc::mint(&claims));
        }
        Ok(out)
    }

    fn instance_profile(&mut self, at: &str, role: &str, p: &str) -> Result<(), ScenarioError> {
        self.name(at, NameKind::InstanceProfile, p)?;
        if let Some(other) = self.account.instance_profiles.get(p) {
            // One role per instance profile; the first role listed has it already.
            let e = rules::ROLES_PER_INSTANCE_PROFILE.check(other.roles.len() + 1);
            if let Err(e) = e {
                return Err(self.err(
                    at,
                    Said::of(M::ProfileTaken)
                        .with("name", p)
                        .with("roles", other.roles.join("`, `"))
                        .saying("quota", e.said()),
                ));
            }
        }
        let pid = self.account.new_id("AIPA", 17);
        let parn = self.account.iam_arn("instance-profile", "/", p);
        let now = self.account.now;
        self.account.instance_profiles.insert(
            p.to_string(),
            InstanceProfile {
                name: p.to_string(),
                path: "/".into(),
                id: pid,
                arn: parn,
                created: now,
                roles: vec![role.to_string()],
            },
        );
        Ok(())
    }

    /// `functions`: Lambda functions, each with a role of `roles:` (by name or ARN), its code
    /// as AWS CLI command lines and its resource-based policy's statements.
    fn functions(&mut self, list: &[FunctionSpec]) -> Result<(), ScenarioError> {
        for (i, f) in list.iter().enumerate() {
            let path = format!("functions[{i}]");
            let valid_name = (1..=64).contains(&f.name.len())
                && f.name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid_name {
                return Err(self.err(
                    &format!("{path}.name"),
                    Said::of(M::BadFunctionName).with("name", &f.name),
                ));
            }
            let role_name = lambda::role_name(&f.role);
            let Some(role) = self
                .account
                .roles
                .get(role_name)
                .filter(|r| !f.role.starts_with("arn:") || r.arn == f.role)
            else {
                let names: Vec<&str> = self.account.roles.keys().map(String::as_str).collect();
                return Err(self.err(
                    &format!("{path}.role"),
                    near(
                        Said::of(M::NoSuchRole).with("name", &f.role),
                        role_name,
                        names,
                    ),
                ));
            };
            let role = role.arn.clone();
            if f.code.len() > lambda::MAX_LINES {
                return Err(self.err(
                    &format!("{path}.code"),
                    Said::of(M::TooManyCalls)
                        .with("max", lambda::MAX_LINES)
                        .with("n", f.code.len()),
                ));
            }
            for (j, line) in f.code.iter().enumerate() {
                if line.split_whitespace().next() != Some("aws") {
                    return Err(self.err(
                        &format!("{path}.code[{j}]"),
                        Said::of(M::NotAwsLine).with("line", line),
                    ));
                }
            }
            let mut statements = Vec::new();
            for (j, d) in f.policy.iter().enumerate() {
                let at = format!("{path}.policy[{j}]");
                let v = match d {
                    Doc::Text(t) => serde_json::from_str(t)
                        .map_err(|e| self.err(&at, Said::of(M::NotJson).with("error", e)))?,
                    Doc::Map(m) => serde_json::to_value(m)
                        .map_err(|e| self.err(&at, Said::of(M::NotJson).with("error", e)))?,
                };
                statements.push(v);
            }
            let region = f.region.clone().unwrap_or_else(|| "us-east-1".into());
            let source = f.code.join("\n");
            let revision_id = lambda::revision(&mut self.account);
            let mut function = lambda::Function {
                name: f.name.clone(),
                arn: format!(
                    "arn:aws:lambda:{region}:{}:function:{}",
                    self.account.id, f.name
                ),
                region,
                role,
                runtime: f.runtime.clone(),
                handler: f.handler.clone(),
                description: f.description.clone().unwrap_or_default(),
                code: lambda::code_lines(&source),
                source,
                environment: f.environment.clone(),
                timeout: 3,
                memory: 128,
                last_modified: self.account.now,
                revision_id,
                statements,
                policy: None,
            };
            function.recompile().map_err(|e| {
                self.err(
                    &format!("{path}.policy"),
                    Said::of(M::MalformedPolicy).saying("error", e.said()),
                )
            })?;
            if self
                .account
                .functions
                .insert(f.name.clone(), function)
                .is_some()
            {
                return Err(self.err(&path, twice(M::KindFunction, &f.name)));
            }
        }
        Ok(())
    }

    /// `buckets`: S3 buckets with their policy, ACL, public access block and objects.
    fn buckets(&mut self, list: &[BucketSpec]) -> Result<(), ScenarioError> {
        for (i, b) in list.iter().enumerate() {
            let path = format!("buckets[{i}]");
            let mut bucket = Bucket::new(
                &b.name,
                b.region.as_deref().unwrap_or("us-east-1"),
                self.account.now,
            );
            if let Some(p) = &b.policy {
                bucket.policy =
                    Some(self.doc(&format!("{path}.policy"), p, PolicyType::Resource)?);
            }
            if let Some(a) = &b.acl {
                bucket.acl = a.clone();
            }
            for (j, g) in b.grants.iter().enumerate() {
                if g.account.len() != 12 || !g.account.bytes().all(|x| x.is_ascii_digit()) {
                    return Err(self.err(
                        &format!("{path}.grants[{j}].account"),
                        Said::of(M::BadAccountId).with("id", &g.account),
                    ));
                }
                bucket.grants.push(super::s3::Grant {
                    account: g.account.clone(),
                    permission: g.permission,
                });
            }
            bucket.public_access_block = b.public_access_block;
            for (k, body) in &b.objects {
                bucket.objects.insert(
                    k.clone(),
                    Object {
                        body: body.clone(),
                        modified: self.account.now,
                    },
                );
            }
            self.account.buckets.insert(b.name.clone(), bucket);
        }
        Ok(())
    }

    /// `security_groups`, with their rules (all egress allowed when none is given).
    fn security_groups(&mut self, list: &[SgSpec]) -> Result<(), ScenarioError> {
        for (i, g) in list.iter().enumerate() {
            let path = format!("security_groups[{i}]");
            let gid = match &g.id {
                Some(x) => x.clone(),
                None => format!("sg-0{}", self.account.new_hex(16)),
            };
            let ingress = g
                .ingress
                .iter()
                .enumerate()
                .map(|(j, r)| self.rule(&format!("{path}.ingress[{j}]"), r))
                .collect::<Result<Vec<_>, _>>()?;
            let egress = match &g.egress {
                None => vec![Rule::allow_all_egress()],
                Some(list) => list
                    .iter()
                    .enumerate()
                    .map(|(j, r)| self.rule(&format!("{path}.egress[{j}]"), r))
                    .collect::<Result<Vec<_>, _>>()?,
            };
            let mut group =
                SecurityGroup::new(&gid, &g.name, g.description.as_deref().unwrap_or(""));
            group.ingress = ingress;
            group.egress = egress;
            self.account.security_groups.insert(gid, group);
        }
        Ok(())
    }

    /// `images`: the AMIs instances may be launched from.
    fn images(&mut self, list: &[ImageSpec]) {
        for im in list {
            let owner = match im.owner.as_deref() {
                None | Some("self") => self.account.id.clone(),
                Some("amazon") => "137112412989".to_string(),
                Some(other) => other.to_string(),
            };
            let image = Image {
                id: im.id.clone(),
                name: im.name.clone(),
                description: im.description.clone().unwrap_or_default(),
                owner_alias: (im.owner.as_deref() == Some("amazon")).then(|| "amazon".to_string()),
                owner_id: owner,
                architecture: im.architecture.clone().unwrap_or_else(|| "x86_64".into()),
                imds_support: im.imds_support.clone(),
                created: self.account.now,
                public: im.public || im.owner.as_deref() == Some("amazon"),
            };
            self.account.images.insert(im.id.clone(), image);
        }
    }

    /// `instances`: EC2 instances, launched from `source_ip` unless they say otherwise.
    fn instances(&mut self, list: &[InstanceSpec], source_ip: &str) -> Result<(), ScenarioError> {
        for (i, inst) in list.iter().enumerate() {
            let path = format!("instances[{i}]");
            let state_name = inst.state.as_deref().unwrap_or("running");
            let Some(state) = State::from_name(state_name) else {
                return Err(self.err(
                    &format!("{path}.state"),
                    Said::of(M::BadState).with("value", state_name),
                ));
            };
            if let Some(p) = &inst.profile
                && !self.account.instance_profiles.contains_key(p)
            {
                return Err(self.err(
                    &format!("{path}.profile"),
                    Said::of(M::NoSuchProfile).with("name", p),
                ));
            }
            let launched = match &inst.launched {
                Some(t) => self.time(&format!("{path}.launched"), t)?,
                None => self.account.now,
            };
            let id = match &inst.id {
                Some(x) => x.clone(),
                None => format!("i-0{}", self.account.new_hex(16)),
            };
            let launched_by = inst
                .launched_by
                .clone()
                .unwrap_or_else(|| format!("arn:aws:iam::{id}:root", id = self.account.id));
            let region = inst.region.clone().unwrap_or_else(|| "us-east-1".into());
            let subnets = ec2::network::default_subnets(&self.account.id, &region);
            let Some(subnet) = subnets
                .first()
                .filter(|_| ec2::network::known_region(&region))
            else {
                return Err(self.err(
                    &format!("{path}.region"),
                    Said::of(M::BadRegion).with("value", &region),
                ));
            };
            let taken: Vec<String> = self
                .account
                .instances
                .values()
                .filter(|i| i.subnet_id == subnet.id)
                .map(|i| i.private_ip.clone())
                .collect();
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            let ip = ec2::network::private_ip(subnet, &id, &taken);
            let mut i = Instance::new(&id, &inst.instance_type, subnet, ip, launched);
            i.state = state;
            i.state_since = launched;
            i.stopped_at = (!matches!(state, State::Running | State::Pending)).then_some(launched);
            if let Some(img) = &inst.image {
                i.image_id = img.clone();
            }
            i.instance_profile = inst.profile.clone();
            i.security_groups = inst.security_groups.clone();
            i.launched_by = launched_by;
            i.launched_from = inst.from.clone().unwrap_or_else(|| source_ip.to_string());
            i.user_data = inst.user_data.clone().unwrap_or_default();
            i.http_tokens = inst
                .http_tokens
                .clone()
                .unwrap_or_else(|| "optional".into());
            i.web_app = inst.web_app.as_ref().map(|w| ec2::WebApp {
                host: w.host.clone(),
                fetch_param: w.fetch_param.clone(),
            });
            i.tags = inst
                .tags
                .iter()
                .map(|(k, v)| Tag {
                    key: k.clone(),
                    value: v.clone(),
                })
                .collect();
            self.account.instances.insert(id, i);
        }
        Ok(())
    }

    /// `trails`: CloudTrail trails; one that logs has logged since the scenario's start.
    fn trails(&mut self, list: &[TrailSpec]) {
        for t in list {
            let mut trail = Trail::new(&t.name, &t.bucket);
            trail.logging = t.logging;
            trail.multi_region = t.multi_region;
            trail.log_file_validation = t.log_file_validation;
            // A trail the scenario starts logging has logged since the scenario's start.
            trail.started = t.logging.then_some(self.account.now);
            self.account.cloudtrail.trails.push(trail);
        }
    }

    /// `guardduty`: whether a detector is on, and its threat list.
    fn guardduty(&mut self, spec: Option<&GuardDutySpec>) {
        if let Some(g) = spec {
            self.account.guardduty = GuardDuty {
                detector: g
                    .enabled
                    .then(|| "12abc34d567e8fa901bc2d34e56789f0".to_string()),
                enabled_at: g.enabled.then_some(self.account.now),
                findings: Vec::new(),
                threat_list: g.threat_list.clone(),
            };
        }
    }

    /// `budgets`, each alerting at its percentages.
    fn budgets(&mut self, list: &[BudgetSpec]) {
        for b in list {
            let notices = b
                .alert_at_percent
                .iter()
                .map(|p| BudgetNotice {
                    kind: "ACTUAL".into(),
                    threshold: *p,
                    percentage: true,
                    subscribers: b.email.clone(),
                    sent: false,
                })
                .collect();
            self.account.billing.budgets.push(Budget {
                name: b.name.clone(),
                limit: b.limit,
                notices,
            });
        }
    }

    /// `alarms`: billing alarms, starting in state `OK`.
    fn alarms(&mut self, list: &[AlarmSpec]) {
        for a in list {
            let mut alarm =
                Alarm::billing(&a.name, a.threshold, a.notify.clone(), self.account.now);
            alarm.state = "OK".into();
            self.account.billing.alarms.push(alarm);
        }
    }

    /// `events`: the scripted events, in time order; each runs from `source_ip` unless it says otherwise.
    fn events(
        &self,
        list: &[EventSpec],
        source_ip: &str,
    ) -> Result<Vec<ScheduledEvent>, ScenarioError> {
        let mut events = Vec::new();
        for (i, e) in list.iter().enumerate() {
            let path = format!("events[{i}]");
            let at = match e.at.strip_prefix('+') {
                Some(d) => {
                    let d = super::command::parse_duration(d).ok_or_else(|| {
                        self.err(
                            &format!("{path}.at"),
                            Said::of(M::NotATimeOrOffset).with("value", &e.at),
                        )
                    })?;
                    self.account.now.checked_add(d).unwrap_or(self.account.now)
                }
                None => self.time(&format!("{path}.at"), &e.at)?,
            };
            let actor = match &e.actor {
                ActorSpec::Word(w) if w == "root" => Actor::Root,
                ActorSpec::Map {
                    user: Some(u),
                    access_key: None,
                    instance: None,
                } => Actor::User(u.clone()),
                ActorSpec::Map {
                    user: None,
                    access_key: Some(k),
                    instance: None,
                } => Actor::AccessKey(k.clone()),
                ActorSpec::Map {
                    user: None,
                    access_key: None,
                    instance: Some(i),
                } => Actor::Instance(i.clone()),
                _ => {
                    return Err(self.err(&format!("{path}.as"), Said::of(M::BadActor)));
                }
            };
            match &actor {
                Actor::User(u) if !self.account.users.contains_key(u) => {
                    return Err(self.err(
                        &format!("{path}.as"),
                        Said::of(M::NoSuchUser).with("name", u),
                    ));
                }
                Actor::AccessKey(k)
                    if self.account.caller_for_key("", k, "", "").is_err()
                        && !self
                            .account
                            .users
                            .values()
                            .any(|u| u.access_keys.iter().any(|x| x.id == *k)) =>
                {
                    return Err(
                        self.err(&format!("{path}.as"), Said::of(M::NoSuchKey).with("key", k))
                    );
                }
                // The metadata service hands out the role of the instance's profile.
                Actor::Instance(i) => {
                    use super::ec2::imds::{ImdsError, role_of};
                    let said = match role_of(&self.account, i) {
                        Ok(_) => None,
                        Err(ImdsError::NoInstance(_)) => Some(near(
                            Said::of(M::NoSuchInstance).with("id", i),
                            i,
                            self.account.instances.keys().map(String::as_str),
                        )),
                        Err(_) => Some(Said::of(M::InstanceHasNoRole).with("id", i)),
                    };
                    if let Some(said) = said {
                        return Err(self.err(&format!("{path}.as"), said));
                    }
                }
                _ => {}
            }
            events.push(ScheduledEvent {
                at,
                actor,
                from: e.from.clone().unwrap_or_else(|| source_ip.to_string()),
                region: e.region.clone().unwrap_or_else(|| "us-east-1".into()),
                run: e.run.clone(),
            });
        }
        events.sort_by_key(|e| e.at);
        Ok(events)
    }
}

/// The first active access key of `acct`'s user `user`, one made for it when it has none;
/// `None` when the account has no such user.
fn user_key(acct: &mut Account, user: &str) -> Option<AccessKey> {
    let u = acct.users.get(user)?;
    if let Some(k) = u.access_keys.iter().find(|k| k.status == KeyStatus::Active) {
        return Some(k.clone());
    }
    let kid = acct.new_id("AKIA", 16);
    let secret = acct.new_secret();
    let k = AccessKey::new(kid, secret, acct.now);
    if let Some(u) = acct.users.get_mut(user) {
        u.access_keys.push(k.clone());
    }
    acct.reindex();
    Some(k)
}

/// The sections of the file about accounts beside the home one: `accounts`,
/// `organization` and `profiles`.
impl Loader<'_> {
    /// `accounts`: each a [`Loader`] of its own (its errors' paths under `accounts[i].`), on
    /// the home account's clock.
    fn other_accounts(&self, list: &[OtherAccountSpec]) -> Result<Vec<Account>, ScenarioError> {
        if list.len() > MAX_ACCOUNTS {
            return Err(self.err(
                "accounts",
                Said::of(M::TooMany)
                    .with("n", list.len())
                    .with("max", MAX_ACCOUNTS),
            ));
        }
        let mut out: Vec<Account> = Vec::with_capacity(list.len());
        for (i, a) in list.iter().enumerate() {
            let at = format!("accounts[{i}]");
            if a.id.len() != 12 || !a.id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(self.err(
                    &format!("{at}.id"),
                    Said::of(M::BadAccountId).with("id", &a.id),
                ));
            }
            if a.id == self.account.id || out.iter().any(|o| o.id == a.id) {
                return Err(self.err(&format!("{at}.id"), twice(M::KindAccount, &a.id)));
            }
            // Each account its own sequence, so that no two hand out the same key id.
            let seed = a.seed.unwrap_or(u64::try_from(i).unwrap_or(0) + 2);
            let mut account = Account::new(&a.id, seed);
            account.alias = a.alias.clone();
            account.now = self.account.now;
            account.password_policy = a.password_policy.clone();
            account.account_public_access_block = a.account_public_access_block;
            let mut l = Loader {
                file: self.file,
                account,
                prefix: format!("{at}."),
            };
            l.root(&a.root)?;
            l.policies(&a.policies)?;
            l.groups(&a.groups)?;
            l.users(&a.users)?;
            l.roles(&a.roles)?;
            l.functions(&a.functions)?;
            l.buckets(&a.buckets)?;
            l.trails(&a.trails);
            // A key id names one key of one account: the sandbox finds the caller's account
            // by it.
            let keys = l
                .account
                .root
                .access_keys
                .iter()
                .chain(l.account.users.values().flat_map(|u| u.access_keys.iter()));
            for k in keys {
                let taken = std::iter::once(&self.account)
                    .chain(out.iter())
                    .any(|o| o.secret_of(&k.id).is_some());
                if taken {
                    return Err(self.err(&at, twice(M::KindAccessKey, &k.id)));
                }
            }
            out.push(l.account);
        }
        Ok(out)
    }

    /// `organization`: every account of the scenario joins it (the management account
    /// first), under the OU `organization.accounts` places it in, else under the root; its
    /// policies are attached to their targets, beside `FullAWSAccess` and `RCPFullAWSAccess`.
    fn organization(
        &self,
        o: &OrganizationSpec,
        home: &AccountSpec,
        specs: &[OtherAccountSpec],
        others: &[Account],
    ) -> Result<super::organization::Organization, ScenarioError> {
        use super::organization::{
            MAX_DEPTH, MAX_POLICIES, MAX_UNITS, OrgPolicyType, Organization,
        };
        let known = |id: &str| id == self.account.id || others.iter().any(|a| a.id == id);
        let ids = || {
            std::iter::once(self.account.id.as_str()).chain(others.iter().map(|a| a.id.as_str()))
        };
        let management = o
            .management
            .clone()
            .unwrap_or_else(|| self.account.id.clone());
        if !known(&management) {
            return Err(self.err(
                "organization.management",
                near(
                    Said::of(M::NoSuchAccount).with("id", &management),
                    &management,
                    ids(),
                ),
            ));
        }
        let name_of = |id: &str| -> (String, String) {
            let (name, email, alias) = if id == self.account.id {
                (
                    home.name.clone(),
                    home.email.clone(),
                    self.account.alias.clone(),
                )
            } else {
                let s = specs.iter().find(|s| s.id == id);
                (
                    s.and_then(|s| s.name.clone()),
                    s.and_then(|s| s.email.clone()),
                    s.and_then(|s| s.alias.clone()),
                )
            };
            (
                name.or(alias).unwrap_or_else(|| format!("Account {id}")),
                email.unwrap_or_else(|| format!("aws+{id}@example.com")),
            )
        };
        let (mname, memail) = name_of(&management);
        let mut org = Organization::new(&management, &memail, &mname, 7, self.account.now);
        if let Some(id) = &o.id {
            let body = id.strip_prefix("o-").unwrap_or("");
            let ok = (10..=32).contains(&body.len())
                && body
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !ok {
                return Err(self.err("organization.id", Said::of(M::BadOrgId).with("id", id)));
            }
            org.id = id.clone();
        }
        for (path, n, max) in [
            ("organization.units", o.units.len(), MAX_UNITS),
            ("organization.policies", o.policies.len(), MAX_POLICIES),
        ] {
            if n > max {
                return Err(self.err(path, Said::of(M::TooMany).with("n", n).with("max", max)));
            }
        }
        // OU names → ids, each OU after its parent.
        let mut units: Vec<(String, String)> = Vec::new();
        let root = org.root.clone();
        let unit_id = |units: &[(String, String)], name: &str| -> Option<String> {
            if name == "Root" {
                return Some(root.clone());
            }
            units
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, id)| id.clone())
        };
        for (i, u) in o.units.iter().enumerate() {
            let at = format!("organization.units[{i}]");
            if u.name == "Root" || units.iter().any(|(n, _)| *n == u.name) {
                return Err(self.err(&format!("{at}.name"), twice(M::KindUnit, &u.name)));
            }
            let parent_name = u.parent.as_deref().unwrap_or("Root");
            let Some(parent) = unit_id(&units, parent_name) else {
                let names = units.iter().map(|(n, _)| n.as_str()).chain(["Root"]);
                return Err(self.err(
                    &format!("{at}.parent"),
                    near(
                        Said::of(M::NoSuchUnit).with("name", parent_name),
                        parent_name,
                        names,
                    ),
                ));
            };
            let id = org.add_unit(&u.name, &parent);
            if org.path_to(&id).map_or(0, |p| p.len()) > MAX_DEPTH + 1 {
                return Err(self.err(
                    &format!("{at}.parent"),
                    Said::of(M::UnitsTooDeep).with("max", MAX_DEPTH),
                ));
            }
            units.push((u.name.clone(), id));
        }
        for (id, place) in &o.accounts {
            let at = format!("organization.accounts.{id}");
            if !known(id) {
                return Err(self.err(
                    &at,
                    near(Said::of(M::NoSuchAccount).with("id", id), id, ids()),
                ));
            }
            if unit_id(&units, place).is_none() {
                let names = units.iter().map(|(n, _)| n.as_str()).chain(["Root"]);
                return Err(self.err(
                    &at,
                    near(Said::of(M::NoSuchUnit).with("name", place), place, names),
                ));
            }
        }
        for (i, id) in o.outside.iter().enumerate() {
            let at = format!("organization.outside[{i}]");
            if !known(id) {
                return Err(self.err(
                    &at,
                    near(Said::of(M::NoSuchAccount).with("id", id), id, ids()),
                ));
            }
            if *id == management || o.accounts.contains_key(id) {
                return Err(self.err(&at, Said::of(M::OutsideAndIn).with("id", id)));
            }
        }
        for id in ids().filter(|id| !o.outside.iter().any(|x| x == id)) {
            let place = o.accounts.get(id).map_or("Root", String::as_str);
            let parent = unit_id(&units, place).unwrap_or_else(|| root.clone());
            let (name, email) = name_of(id);
            if let Some(m) = org.members.get_mut(id) {
                m.parent = parent;
            } else {
                org.join(id, &name, &email, &parent, self.account.now);
            }
        }
        for (i, p) in o.policies.iter().enumerate() {
            let at = format!("organization.policies[{i}]");
            let Some(kind) = OrgPolicyType::parse(&p.kind) else {
                return Err(self.err(
                    &format!("{at}.type"),
                    Said::of(M::BadOrgPolicyType).with("value", &p.kind),
                ));
            };
            if org
                .policies
                .values()
                .any(|q| q.name == p.name && q.kind == kind)
            {
                return Err(self.err(&format!("{at}.name"), twice(M::KindOrgPolicy, &p.name)));
            }
            let ty = match kind {
                OrgPolicyType::Scp => PolicyType::Scp,
                OrgPolicyType::Rcp => PolicyType::Resource,
            };
            let doc = self.doc(&format!("{at}.document"), &p.document, ty)?;
            if kind == OrgPolicyType::Rcp
                && let Err(index) = super::organization::check_rcp(&doc)
            {
                return Err(self.err(
                    &format!("{at}.document"),
                    Said::of(M::BadRcp).with("index", index),
                ));
            }
            let mut targets = Vec::with_capacity(p.targets.len());
            for (j, t) in p.targets.iter().enumerate() {
                let id = unit_id(&units, t).or_else(|| known(t).then(|| t.clone()));
                let Some(id) = id else {
                    let names = units
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .chain(["Root"])
                        .chain(ids());
                    return Err(self.err(
                        &format!("{at}.targets[{j}]"),
                        near(Said::of(M::NoSuchTarget).with("name", t), t, names),
                    ));
                };
                targets.push(id);
            }
            let description = p.description.clone().unwrap_or_default();
            let id = org.add_policy(&p.name, &description, kind, doc);
            if let Some(pol) = org.policies.get_mut(&id) {
                pol.targets.extend(targets);
            }
        }
        Ok(org)
    }

    /// `profiles`: each signs in as an account's root user (the console's, as the default
    /// profile does) or as one of its users, with the user's first active access key (one
    /// made for it when it has none).
    fn profiles(
        &mut self,
        list: &BTreeMap<String, ProfileSpec>,
        others: &mut BTreeMap<String, Account>,
    ) -> Result<Vec<(String, Profile)>, ScenarioError> {
        let mut out = Vec::with_capacity(list.len());
        for (name, p) in list {
            let at = format!("profiles.{name}");
            let id = p.account.clone().unwrap_or_else(|| self.account.id.clone());
            let home = id == self.account.id;
            if !home && !others.contains_key(&id) {
                let ids = std::iter::once(self.account.id.as_str())
                    .chain(others.keys().map(String::as_str));
                return Err(self.err(
                    &format!("{at}.account"),
                    near(Said::of(M::NoSuchAccount).with("id", &id), &id, ids),
                ));
            }
            let creds = match (p.root, &p.user) {
                (true, None) if home => Creds::RootConsole,
                (true, None) => Creds::RootOf(id.clone()),
                (false, Some(user)) => {
                    let acct = if home {
                        &mut self.account
                    } else {
                        match others.get_mut(&id) {
                            Some(a) => a,
                            None => continue,
                        }
                    };
                    let Some(key) = user_key(acct, user) else {
                        let names: Vec<String> = acct.users.keys().cloned().collect();
                        let said = near(
                            Said::of(M::NoSuchUserIn).with("name", user).with("id", &id),
                            user,
                            names.iter().map(String::as_str),
                        );
                        return Err(self.err(&format!("{at}.user"), said));
                    };
                    Creds::Keys {
                        access_key_id: key.id,
                        secret: key.secret,
                        session_token: None,
                    }
                }
                _ => return Err(self.err(&at, Said::of(M::ProfileWho))),
            };
            out.push((
                name.clone(),
                Profile {
                    creds: Some(creds),
                    region: Some(p.region.clone().unwrap_or_else(|| "us-east-1".into())),
                },
            ));
        }
        Ok(out)
    }
}

impl Sandbox {
    /// Lets simulated time pass up to `until`, running the scripted events that fall due on
    /// the way (each as its actor, from its IP). Returns the lines it ran.
    pub fn advance_to(&mut self, until: Timestamp) -> Vec<String> {
        let mut ran = Vec::new();
        while let Some(pos) = self.events.iter().position(|e| e.at <= until) {
            let e = self.events.remove(pos);
            if e.at > self.account.now {
                let d = SignedDuration::from_secs(e.at.as_second() - self.account.now.as_second());
                self.account.advance(d);
            }
            let creds = match &e.actor {
                Actor::Root => Some(Creds::RootConsole),
                // The script signs with the key's own secret (a key that is not there fails
                // as AWS fails it).
                Actor::AccessKey(k) => Some(Creds::Keys {
                    access_key_id: k.clone(),
                    secret: self.account.secret_of(k).unwrap_or_default().to_string(),
                    session_token: self.account.session_token_of(k).map(str::to_string),
                }),
                Actor::User(u) => self
                    .account
                    .users
                    .get(u)
                    .and_then(|u| u.access_keys.iter().find(|k| k.status == KeyStatus::Active))
                    .map(|k| Creds::Keys {
                        access_key_id: k.id.clone(),
                        secret: k.secret.clone(),
                        session_token: None,
                    }),
                // What the metadata service would hand out now (the instance's current role
                // session); none when it would hand out nothing (the instance stopped, its
                // role taken from its profile), so the calls fail for want of credentials.
                Actor::Instance(i) => {
                    use super::ec2::imds;
                    imds::role_of(&self.account, i)
                        .and_then(|role| imds::credentials(&mut self.account, i, Some(&role)))
                        .ok()
                        .and_then(|v| {
                            let field =
                                |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
                            Some(Creds::Keys {
                                access_key_id: field("AccessKeyId")?,
                                secret: field("SecretAccessKey")?,
                                session_token: Some(field("Token")?),
                            })
                        })
                }
            };
            // The event runs on the attacker's machine: its profiles, files and variables,
            // kept from one event to the next, never the learner's.
            let mut other = std::mem::take(&mut self.attacker);
            self.swap_machine(&mut other);
            let saved = self.profile.clone();
            self.profiles.insert(
                "__event".into(),
                Profile {
                    creds,
                    region: Some(e.region.clone()),
                },
            );
            self.profile = "__event".into();
            self.source_ip = e.from.clone();
            let _ = self.run(&e.run);
            self.profiles.remove("__event");
            self.profile = saved;
            self.swap_machine(&mut other);
            self.attacker = other;
            ran.push(e.run);
        }
        if until > self.account.now {
            let d = SignedDuration::from_secs(until.as_second() - self.account.now.as_second());
            self.account.advance(d);
        }
        ran
    }
}

/// Reads and loads a scenario file from disk, bounded by `input::read::Limit::Scenario`.
pub fn load_file(path: &std::path::Path) -> Result<Scenario, ScenarioError> {
    use crate::input::read::{self, Kind, Limit};
    let name = path.display().to_string();
    let text = read::path(path, Limit::Scenario, Kind::AnyReadable, &name)?;
    load(&name, &text)
}
