//! The simulated AWS account and the AWS-CLI-like command layer over it.
//!
//! Deterministic by design: ids come from a seeded sequence and time from a simulated clock
//! that lessons can advance, so a transcript gives the same output every run. Every call is
//! authorized by [`crate::eval`] with the request context AWS would build, and recorded in
//! the simulated CloudTrail, allowed or denied.

pub mod authz;
pub mod billing;
pub mod command;
pub mod ec2;
pub mod error;
pub mod gaad;
pub mod guardduty;
pub mod iam;
pub mod index;
pub mod lambda;
pub mod last_accessed;
pub mod managed;
pub mod model;
pub mod oidc;
pub mod organization;
pub mod output;
pub mod query;
pub mod rules;
pub mod s3;
pub mod scenario;
pub mod service_model;
pub mod sts;
pub mod trail;

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;

pub use error::{AwsError, DecisionTrace};
pub use model::*;

use crate::policy::{PolicyError, PolicyType};

/// The default account id of a new simulated account.
pub const DEFAULT_ACCOUNT_ID: &str = "123456789012";

/// One simulated AWS account.
#[derive(Debug, Clone)]
pub struct Account {
    /// The 12-digit account id.
    pub id: String,
    /// The account alias.
    pub alias: Option<String>,
    /// The simulated clock.
    pub now: Timestamp,
    seq: u64,
    /// The root user.
    pub root: RootUser,
    /// IAM users by name.
    pub users: BTreeMap<String, User>,
    /// IAM groups by name.
    pub groups: BTreeMap<String, Group>,
    /// IAM roles by name.
    pub roles: BTreeMap<String, Role>,
    /// The virtual MFA devices created (`create-virtual-mfa-device`) and not assigned to a
    /// user, by serial number: enabling one moves it to its user's `mfa`, deactivating it
    /// brings it back here, and only `delete-virtual-mfa-device` removes it.
    pub unassigned_mfa: BTreeSet<String>,
    /// Managed policies (customer and the AWS managed ones in use) by ARN.
    pub policies: BTreeMap<String, ManagedPolicy>,
    /// The account password policy.
    pub password_policy: Option<PasswordPolicy>,
    /// Temporary credentials by access key id.
    pub sessions: BTreeMap<String, Session>,
    /// OpenID Connect identity providers by ARN.
    pub oidc_providers: BTreeMap<String, oidc::OidcProvider>,
    /// Instance profiles: name → role names.
    pub instance_profiles: BTreeMap<String, InstanceProfile>,
    /// S3 buckets by name.
    pub buckets: BTreeMap<String, s3::Bucket>,
    /// Account-level S3 Block Public Access.
    pub account_public_access_block: Option<s3::PublicAccessBlock>,
    /// CloudTrail: trails and recorded events.
    pub cloudtrail: trail::CloudTrail,
    /// EC2 instances by id.
    pub instances: BTreeMap<String, ec2::Instance>,
    /// Security groups by id.
    pub security_groups: BTreeMap<String, ec2::SecurityGroup>,
    /// The AMIs the account can launch (Amazon's public ones and the scenario's), by id.
    pub images: BTreeMap<String, ec2::Image>,
    /// Lambda functions by name (their execution role and code, for the commands and the
    /// audit).
    pub functions: BTreeMap<String, lambda::Function>,
    /// Budgets, billing alarms and the inbox.
    pub billing: billing::Billing,
    /// GuardDuty.
    pub guardduty: guardduty::GuardDuty,
    /// Service last accessed reports by job id (`generate-service-last-accessed-details`).
    pub access_reports: last_accessed::Reports,
    /// When `generate-credential-report` last started a report (`None`: no report yet).
    pub credential_report_generated: Option<Timestamp>,
    /// Which parts of the account the data it came from describes.
    pub known: Known,
    /// The SCPs and RCPs that apply to the account, when it is a member of the sandbox's
    /// organization (the sandbox keeps it current: [`organization::OrgView`]).
    pub org: Option<organization::OrgView>,
    /// Who holds what (`index.rs`), derived from the entities.
    index: index::IndexCell,
}

/// Which parts of an account the data it was built from describes. A scenario and the sandbox
/// describe everything; a `get-account-authorization-details` file describes IAM's entities
/// and policies only, so checks of credentials (MFA, keys, password use), of the password
/// policy and of other services cannot be made on it until a credential report or password
/// policy is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// MFA devices, access keys, passwords and their use (a credential report).
    pub credentials: bool,
    /// The account password policy.
    pub password_policy: bool,
    /// S3, EC2, CloudTrail, GuardDuty and billing.
    pub services: bool,
}

impl Default for Known {
    fn default() -> Known {
        Known {
            credentials: true,
            password_policy: true,
            services: true,
        }
    }
}

/// An instance profile: the container that hands a role to an EC2 instance.
#[derive(Debug, Clone)]
pub struct InstanceProfile {
    /// Name.
    pub name: String,
    /// Path.
    pub path: String,
    /// Unique id, `AIPA…`.
    pub id: String,
    /// ARN.
    pub arn: String,
    /// Creation time.
    pub created: Timestamp,
    /// Role names (at most one).
    pub roles: Vec<String>,
}

impl Default for Account {
    fn default() -> Self {
        Account::new(DEFAULT_ACCOUNT_ID, 1)
    }
}

impl Account {
    /// A new, empty account with the clock at 2026-01-05T09:00:00Z.
    pub fn new(id: &str, seed: u64) -> Account {
        let now = Timestamp::from_second(1_767_603_600).unwrap_or(Timestamp::UNIX_EPOCH);
        Account {
            id: id.to_string(),
            alias: None,
            now,
            seq: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15),
            root: RootUser::default(),
            users: BTreeMap::new(),
            groups: BTreeMap::new(),
            roles: BTreeMap::new(),
            unassigned_mfa: BTreeSet::new(),
            policies: BTreeMap::new(),
            password_policy: None,
            sessions: BTreeMap::new(),
            oidc_providers: BTreeMap::new(),
            instance_profiles: BTreeMap::new(),
            buckets: BTreeMap::new(),
            account_public_access_block: None,
            cloudtrail: trail::CloudTrail::default(),
            instances: BTreeMap::new(),
            security_groups: BTreeMap::new(),
            images: ec2::builtin_images(now)
                .into_iter()
                .map(|i| (i.id.clone(), i))
                .collect(),
            functions: BTreeMap::new(),
            billing: billing::Billing::default(),
            guardduty: guardduty::GuardDuty::default(),
            access_reports: last_accessed::Reports::new(),
            credential_report_generated: None,
            known: Known::default(),
            org: None,
            index: index::IndexCell::default(),
        }
    }

    /// The next pseudo-random 64-bit value of the account's deterministic sequence.
    fn next_u64(&mut self) -> u64 {
        // splitmix64: tiny, well known, and good enough for ids.
        self.seq = self.seq.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.seq;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A new id: `prefix` followed by `len` characters of AWS's id alphabet.
    pub fn new_id(&mut self, prefix: &str, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        let mut s = String::with_capacity(prefix.len() + len);
        s.push_str(prefix);
        let mut bits = 0u64;
        let mut left = 0;
        for _ in 0..len {
            if left < 5 {
                bits = self.next_u64();
                left = 64;
            }
            #[expect(
                clippy::indexing_slicing,
                reason = "masked with `& 31`, below the 32 letters of ALPHABET"
            )]
            s.push(ALPHABET[(bits & 31) as usize] as char);
            bits >>= 5;
            left -= 5;
        }
        s
    }

    /// `len` lowercase hexadecimal digits (instance, group and detector ids).
    pub fn new_hex(&mut self, len: usize) -> String {
        let mut s = String::with_capacity(len);
        while s.len() < len {
            s.push_str(&format!("{:016x}", self.next_u64()));
        }
        s.truncate(len);
        s
    }

    /// A new secret access key (40 characters).
    #[expect(
        clippy::indexing_slicing,
        reason = "`% 64` is below the 64 letters of ALPHABET"
    )]
    pub fn new_secret(&mut self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        (0..40)
            .map(|_| ALPHABET[(self.next_u64() % 64) as usize] as char)
            .collect()
    }

    /// Advances the simulated clock; instances move on through their states, then budgets,
    /// alarms and GuardDuty look at what happened.
    pub fn advance(&mut self, span: jiff::SignedDuration) {
        self.now = self.now.checked_add(span).unwrap_or(self.now);
        ec2::settle(self);
        billing::evaluate(self);
        guardduty::evaluate(self);
    }

    /// The ARN of an IAM entity of this account.
    pub fn iam_arn(&self, kind: &str, path: &str, name: &str) -> String {
        format!("arn:aws:iam::{}:{kind}{path}{name}", self.id)
    }

    /// A new user of this account, not yet added to it: its id is the account's next `AIDA…`
    /// id, its ARN follows from `path` and `name`, and it is created now.
    pub fn new_user(&mut self, name: &str, path: &str) -> User {
        let id = self.new_id("AIDA", 17);
        User::new(name, path, id, self.iam_arn("user", path, name), self.now)
    }

    /// A new group of this account, not yet added to it (its id the next `AGPA…` id).
    pub fn new_group(&mut self, name: &str, path: &str) -> Group {
        let id = self.new_id("AGPA", 17);
        Group::new(name, path, id, self.iam_arn("group", path, name), self.now)
    }

    /// A new role of this account trusting whom `trust` says, not yet added to it (its id
    /// the next `AROA…` id).
    pub fn new_role(&mut self, name: &str, path: &str, trust: Document) -> Role {
        let id = self.new_id("AROA", 17);
        Role::new(
            name,
            path,
            id,
            self.iam_arn("role", path, name),
            self.now,
            trust,
        )
    }

    /// A new customer managed policy of this account whose version `v1` holds `document`,
    /// not yet added to it (its id the next `ANPA…` id).
    pub fn new_policy(&mut self, name: &str, path: &str, document: Document) -> ManagedPolicy {
        let id = self.new_id("ANPA", 17);
        let arn = self.iam_arn("policy", path, name);
        ManagedPolicy::new(
            name,
            path,
            id,
            arn,
            self.now,
            PolicyVersion::first(document, self.now),
        )
    }

    /// A new active access key made now: the next `AKIA…` id, then a new secret.
    pub fn new_access_key(&mut self) -> AccessKey {
        let id = self.new_id("AKIA", 16);
        let secret = self.new_secret();
        AccessKey::new(id, secret, self.now)
    }

    /// The managed policy with this ARN, loading a bundled AWS managed policy on first use.
    pub fn managed_policy(&mut self, arn: &str) -> Option<&ManagedPolicy> {
        if !self.policies.contains_key(arn)
            && let Some(p) = managed::aws_managed_policy(arn, self.now)
        {
            self.policies.insert(arn.to_string(), p);
        }
        self.policies.get(arn)
    }
}

/// Parses a policy document for storage in the account.
pub fn document(text: &str, ty: PolicyType) -> Result<Document, PolicyError> {
    Document::parse(text, ty)
}

/// The IAM credential report as AWS writes it (CSV, one row per user plus the root user).
pub fn credential_report(a: &Account) -> String {
    let t = |x: Option<Timestamp>| {
        x.map(|x| x.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string())
            .unwrap_or_else(|| "N/A".into())
    };
    let b = |x: bool| if x { "true" } else { "false" }.to_string();
    let key_cols = |keys: &[AccessKey]| -> Vec<String> {
        let mut cols = Vec::new();
        for i in 0..2 {
            match keys.get(i) {
                Some(k) => {
                    cols.push(b(k.status == KeyStatus::Active));
                    cols.push(t(Some(k.created)));
                    cols.push(t(k.last_used.as_ref().map(|l| l.date)));
                    cols.push(
                        k.last_used
                            .as_ref()
                            .map(|l| l.region.clone())
                            .unwrap_or_else(|| "N/A".into()),
                    );
                    cols.push(
                        k.last_used
                            .as_ref()
                            .map(|l| l.service.clone())
                            .unwrap_or_else(|| "N/A".into()),
                    );
                }
                None => cols.extend(["false", "N/A", "N/A", "N/A", "N/A"].map(String::from)),
            }
        }
        cols
    };
    // Written with the csv crate, so that a user name with a comma or a quote (both allowed
    // by IAM) stays one field. No formula guard: the report is read back, as AWS writes it.
    let mut rows: Vec<Vec<String>> = vec![
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"
            .split(',')
            .map(String::from)
            .collect(),
    ];
    let mut row = |cols: Vec<String>| rows.push(cols);
    let mut root = vec![
        "<root_account>".to_string(),
        format!("arn:aws:iam::{}:root", a.id),
        t(Some(a.now)),
        "not_supported".into(),
        t(a.root.last_sign_in),
        "not_supported".into(),
        "not_supported".into(),
        b(a.root.mfa_enabled),
    ];
    root.extend(key_cols(&a.root.access_keys));
    root.extend(["false", "N/A", "false", "N/A"].map(String::from));
    row(root);
    let max_age = a.password_policy.as_ref().and_then(|p| p.max_password_age);
    for u in a.users.values() {
        let lp = u.login_profile.as_ref();
        let next = match (lp, max_age) {
            (Some(l), Some(days)) => t(l
                .created
                .checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
                .ok()),
            _ => "N/A".into(),
        };
        let mut cols = vec![
            u.name.clone(),
            u.arn.clone(),
            t(Some(u.created)),
            b(lp.is_some()),
            if lp.is_some() {
                t(lp.and_then(|l| l.last_used))
            } else {
                "N/A".into()
            },
            t(lp.map(|l| l.created)),
            next,
            b(u.mfa.iter().any(|d| d.enabled.is_some())),
        ];
        cols.extend(key_cols(&u.access_keys));
        cols.extend(["false", "N/A", "false", "N/A"].map(String::from));
        row(cols);
    }
    csv_string(&rows)
}

/// Rows as CSV text (RFC 4180 quoting, `\n` line ends).
fn csv_string(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for r in rows {
        // Writing to a `Vec` cannot fail.
        let _ = w.write_record(r);
    }
    // The fields are `String`s, so the bytes are UTF-8.
    w.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}
