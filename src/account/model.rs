//! The state of a simulated AWS account: identities, policies, credentials and the resources
//! lessons need. Plain data; the operations live beside it (`iam.rs`, `sts.rs`, …).

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::policy::{Policy, PolicyError, PolicyType};

/// A key/value tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// A policy document as written, with its compiled form.
#[derive(Debug)]
pub struct Document {
    /// The JSON text.
    pub text: Text,
    /// The compiled policy.
    pub policy: Arc<Policy>,
}

impl Document {
    /// Parses and compiles `text` as a policy of type `ty`.
    pub fn parse(text: &str, ty: PolicyType) -> Result<Document, PolicyError> {
        Policy::parse(text, ty).map(Document::from_policy)
    }

    /// The document of a compiled policy, whose text it keeps.
    pub fn from_policy(policy: Policy) -> Document {
        let policy = Arc::new(policy);
        Document {
            text: Text(policy.clone()),
            policy,
        }
    }
}

/// Copying a document shares its text and compiled policy.
impl Clone for Document {
    fn clone(&self) -> Document {
        Document {
            text: Text(self.text.0.clone()),
            policy: self.policy.clone(),
        }
    }
}

/// The JSON text of a [`Document`]: the compiled policy's own text, shared with it rather than
/// copied (an imported account holds thousands of documents, and each was held twice).
///
/// It reads as the `String` it stands for: it dereferences to one and serializes as one. It
/// is deliberately not `Clone`, so that `text.clone()` gives an owned copy of the text, as it
/// did when the field was a `String`; copying the whole [`Document`] shares it.
pub struct Text(Arc<Policy>);

impl std::ops::Deref for Text {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0.text
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0.text
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0.text, f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.0.text == other.0.text
    }
}

impl Eq for Text {}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.text)
    }
}

/// `Active` or `Inactive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyStatus {
    /// The key works.
    Active,
    /// The key is switched off.
    Inactive,
}

impl KeyStatus {
    /// AWS's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyStatus::Active => "Active",
            KeyStatus::Inactive => "Inactive",
        }
    }
}

/// When and where a credential was last used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastUsed {
    /// When.
    pub date: Timestamp,
    /// In which region.
    pub region: String,
    /// For which service.
    pub service: String,
}

/// A long-term access key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessKey {
    /// `AKIA…`.
    pub id: String,
    /// The secret (shown once, at creation).
    pub secret: String,
    /// Active or not.
    pub status: KeyStatus,
    /// When it was made.
    pub created: Timestamp,
    /// Its last use.
    pub last_used: Option<LastUsed>,
}

impl AccessKey {
    /// An active key made at `created` that has not been used yet.
    pub fn new(id: impl Into<String>, secret: impl Into<String>, created: Timestamp) -> AccessKey {
        AccessKey {
            id: id.into(),
            secret: secret.into(),
            status: KeyStatus::Active,
            created,
            last_used: None,
        }
    }
}

/// A console password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginProfile {
    /// The password (the simulation keeps it to check the password policy and sign-ins).
    pub password: String,
    /// Must change it at next sign-in.
    pub reset_required: bool,
    /// When it was set.
    pub created: Timestamp,
    /// Last console sign-in.
    pub last_used: Option<Timestamp>,
}

/// An MFA device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaDevice {
    /// The device ARN (virtual) or serial number (hardware).
    pub serial: String,
    /// True for a virtual device.
    pub is_virtual: bool,
    /// When it was enabled (none while created but not enabled).
    pub enabled: Option<Timestamp>,
}

/// An IAM user.
#[derive(Debug, Clone)]
pub struct User {
    /// Name.
    pub name: String,
    /// Path, e.g. `/`.
    pub path: String,
    /// Unique id, `AIDA…`.
    pub id: String,
    /// ARN.
    pub arn: String,
    /// Creation time.
    pub created: Timestamp,
    /// Tags.
    pub tags: Vec<Tag>,
    /// Console password.
    pub login_profile: Option<LoginProfile>,
    /// MFA devices.
    pub mfa: Vec<MfaDevice>,
    /// Access keys (at most two).
    pub access_keys: Vec<AccessKey>,
    /// Groups, by name.
    pub groups: Vec<String>,
    /// Attached managed policies, by ARN.
    pub attached: Vec<String>,
    /// Inline policies, by name.
    pub inline: BTreeMap<String, Document>,
    /// Permissions boundary policy ARN.
    pub boundary: Option<String>,
}

impl User {
    /// A user with no password, MFA device, access key, group, policy, tag or boundary yet.
    pub fn new(
        name: impl Into<String>,
        path: impl Into<String>,
        id: impl Into<String>,
        arn: impl Into<String>,
        created: Timestamp,
    ) -> User {
        User {
            name: name.into(),
            path: path.into(),
            id: id.into(),
            arn: arn.into(),
            created,
            tags: Vec::new(),
            login_profile: None,
            mfa: Vec::new(),
            access_keys: Vec::new(),
            groups: Vec::new(),
            attached: Vec::new(),
            inline: BTreeMap::new(),
            boundary: None,
        }
    }

    /// The user with these tags.
    pub fn with_tags(mut self, tags: Vec<Tag>) -> User {
        self.tags = tags;
        self
    }

    /// The user with this permissions boundary (an ARN), or none.
    pub fn with_boundary(mut self, boundary: Option<String>) -> User {
        self.boundary = boundary;
        self
    }

    /// The user with these attached managed policies (ARNs) and inline policies.
    pub fn with_policies(
        mut self,
        attached: Vec<String>,
        inline: BTreeMap<String, Document>,
    ) -> User {
        self.attached = attached;
        self.inline = inline;
        self
    }
}

/// An IAM group.
#[derive(Debug, Clone)]
pub struct Group {
    /// Name.
    pub name: String,
    /// Path.
    pub path: String,
    /// Unique id, `AGPA…`.
    pub id: String,
    /// ARN.
    pub arn: String,
    /// Creation time.
    pub created: Timestamp,
    /// Attached managed policies, by ARN.
    pub attached: Vec<String>,
    /// Inline policies, by name.
    pub inline: BTreeMap<String, Document>,
}

impl Group {
    /// A group with no policy yet.
    pub fn new(
        name: impl Into<String>,
        path: impl Into<String>,
        id: impl Into<String>,
        arn: impl Into<String>,
        created: Timestamp,
    ) -> Group {
        Group {
            name: name.into(),
            path: path.into(),
            id: id.into(),
            arn: arn.into(),
            created,
            attached: Vec::new(),
            inline: BTreeMap::new(),
        }
    }

    /// The group with these attached managed policies (ARNs) and inline policies.
    pub fn with_policies(
        mut self,
        attached: Vec<String>,
        inline: BTreeMap<String, Document>,
    ) -> Group {
        self.attached = attached;
        self.inline = inline;
        self
    }
}

/// An IAM role.
#[derive(Debug, Clone)]
pub struct Role {
    /// Name.
    pub name: String,
    /// Path.
    pub path: String,
    /// Unique id, `AROA…`.
    pub id: String,
    /// ARN.
    pub arn: String,
    /// Creation time.
    pub created: Timestamp,
    /// Description.
    pub description: Option<String>,
    /// The trust policy.
    pub trust: Document,
    /// Attached managed policies, by ARN.
    pub attached: Vec<String>,
    /// Inline policies, by name.
    pub inline: BTreeMap<String, Document>,
    /// Permissions boundary policy ARN.
    pub boundary: Option<String>,
    /// Maximum session duration in seconds.
    pub max_session_duration: u32,
    /// Last use.
    pub last_used: Option<LastUsed>,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// A role's maximum session duration when none is given, in seconds (one hour, as in AWS).
pub const DEFAULT_MAX_SESSION_DURATION: u32 = 3600;

impl Role {
    /// A role trusting whom `trust` says, with no description, policy, boundary, tag or use
    /// yet, and sessions of up to [`DEFAULT_MAX_SESSION_DURATION`].
    pub fn new(
        name: impl Into<String>,
        path: impl Into<String>,
        id: impl Into<String>,
        arn: impl Into<String>,
        created: Timestamp,
        trust: Document,
    ) -> Role {
        Role {
            name: name.into(),
            path: path.into(),
            id: id.into(),
            arn: arn.into(),
            created,
            description: None,
            trust,
            attached: Vec::new(),
            inline: BTreeMap::new(),
            boundary: None,
            max_session_duration: DEFAULT_MAX_SESSION_DURATION,
            last_used: None,
            tags: Vec::new(),
        }
    }

    /// The role with this description, or none.
    pub fn with_description(mut self, description: Option<String>) -> Role {
        self.description = description;
        self
    }

    /// The role with sessions of up to `seconds`.
    pub fn with_max_session_duration(mut self, seconds: u32) -> Role {
        self.max_session_duration = seconds;
        self
    }

    /// The role with these tags.
    pub fn with_tags(mut self, tags: Vec<Tag>) -> Role {
        self.tags = tags;
        self
    }

    /// The role with this permissions boundary (an ARN), or none.
    pub fn with_boundary(mut self, boundary: Option<String>) -> Role {
        self.boundary = boundary;
        self
    }

    /// The role with these attached managed policies (ARNs) and inline policies.
    pub fn with_policies(
        mut self,
        attached: Vec<String>,
        inline: BTreeMap<String, Document>,
    ) -> Role {
        self.attached = attached;
        self.inline = inline;
        self
    }
}

/// One version of a managed policy.
#[derive(Debug, Clone)]
pub struct PolicyVersion {
    /// `v1`, `v2`, ….
    pub id: String,
    /// The document.
    pub document: Document,
    /// When it was made.
    pub created: Timestamp,
}

impl PolicyVersion {
    /// The version `id` (`v1`, `v2`, …) holding `document`, made at `created`.
    pub fn new(id: impl Into<String>, document: Document, created: Timestamp) -> PolicyVersion {
        PolicyVersion {
            id: id.into(),
            document,
            created,
        }
    }

    /// The first version of a new customer managed policy, `v1`.
    pub fn first(document: Document, created: Timestamp) -> PolicyVersion {
        PolicyVersion::new("v1", document, created)
    }
}

/// A managed policy (AWS managed or customer managed).
#[derive(Debug, Clone)]
pub struct ManagedPolicy {
    /// Name.
    pub name: String,
    /// Path.
    pub path: String,
    /// Unique id, `ANPA…`.
    pub id: String,
    /// ARN.
    pub arn: String,
    /// Description.
    pub description: Option<String>,
    /// True for AWS managed policies.
    pub aws_managed: bool,
    /// Versions (at most five for customer managed policies).
    pub versions: Vec<PolicyVersion>,
    /// The default version's id.
    pub default_version: String,
    /// Creation time.
    pub created: Timestamp,
    /// Next version number.
    pub next_version: u32,
}

impl ManagedPolicy {
    /// A customer managed policy with no description whose one version, `first`, is the
    /// default; the next version made is `v2`.
    pub fn new(
        name: impl Into<String>,
        path: impl Into<String>,
        id: impl Into<String>,
        arn: impl Into<String>,
        created: Timestamp,
        first: PolicyVersion,
    ) -> ManagedPolicy {
        ManagedPolicy {
            name: name.into(),
            path: path.into(),
            id: id.into(),
            arn: arn.into(),
            description: None,
            aws_managed: false,
            default_version: first.id.clone(),
            versions: vec![first],
            created,
            next_version: 2,
        }
    }

    /// The policy with this description, or none.
    pub fn with_description(mut self, description: Option<String>) -> ManagedPolicy {
        self.description = description;
        self
    }

    /// The policy with `more` versions after its first (`v2`, `v3`, …, made at `created`)
    /// and `default` (`v1`, `v2`, …) as its default version.
    pub fn with_versions(
        mut self,
        more: impl IntoIterator<Item = Document>,
        default: &str,
        created: Timestamp,
    ) -> ManagedPolicy {
        for d in more {
            let id = format!("v{}", self.next_version);
            self.versions.push(PolicyVersion::new(id, d, created));
            self.next_version += 1;
        }
        if self.versions.iter().any(|v| v.id == default) {
            self.default_version = default.to_string();
        }
        self
    }

    /// The policy marked as AWS managed.
    pub fn aws_managed(mut self) -> ManagedPolicy {
        self.aws_managed = true;
        self
    }

    /// The default version's document.
    pub fn default_document(&self) -> Option<&Document> {
        self.versions
            .iter()
            .find(|v| v.id == self.default_version)
            .map(|v| &v.document)
    }
}

/// The account password policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum length.
    pub minimum_password_length: u32,
    /// Needs a symbol.
    pub require_symbols: bool,
    /// Needs a digit.
    pub require_numbers: bool,
    /// Needs an uppercase letter.
    pub require_uppercase_characters: bool,
    /// Needs a lowercase letter.
    pub require_lowercase_characters: bool,
    /// Users may change their own password.
    pub allow_users_to_change_password: bool,
    /// Days before a password expires (none: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_password_age: Option<u32>,
    /// How many previous passwords cannot be reused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_reuse_prevention: Option<u32>,
    /// An expired password needs an administrator.
    #[serde(default)]
    pub hard_expiry: bool,
    /// AWS's output repeats whether passwords expire (derived from `MaxPasswordAge`); read
    /// and ignored, so that `get-account-password-policy` output can be pasted in.
    #[serde(default, skip_serializing)]
    pub expire_passwords: Option<bool>,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            minimum_password_length: 8,
            require_symbols: false,
            require_numbers: false,
            require_uppercase_characters: false,
            require_lowercase_characters: false,
            allow_users_to_change_password: false,
            max_password_age: None,
            password_reuse_prevention: None,
            hard_expiry: false,
            expire_passwords: None,
        }
    }
}

/// The root user.
#[derive(Debug, Clone, Default)]
pub struct RootUser {
    /// MFA is enabled on root.
    pub mfa_enabled: bool,
    /// Root access keys (a bad idea the course warns about).
    pub access_keys: Vec<AccessKey>,
    /// Last console sign-in.
    pub last_sign_in: Option<Timestamp>,
}

/// Temporary credentials from STS.
#[derive(Debug, Clone)]
pub struct Session {
    /// `ASIA…`.
    pub access_key_id: String,
    /// The secret.
    pub secret: String,
    /// The session token.
    pub token: String,
    /// When they stop working.
    pub expires: Timestamp,
    /// When they were issued.
    pub issued: Timestamp,
    /// What they act as.
    pub kind: SessionKind,
    /// A session policy, if one was passed.
    pub session_policy: Option<Document>,
    /// MFA was used to get them.
    pub mfa: bool,
    /// For a role session from `AssumeRoleWithWebIdentity`: the OIDC provider's ARN, which
    /// the session's requests carry as `aws:FederatedProvider`.
    pub federated: Option<String>,
    /// For the credentials the instance metadata service handed out: the instance's id (what
    /// GuardDuty's `InstanceCredentialExfiltration` findings watch).
    pub from_instance: Option<String>,
    /// The source identity set when the role was assumed (`--source-identity`), kept by
    /// every session chained from it (`aws:SourceIdentity`).
    pub source_identity: Option<String>,
}

/// What temporary credentials act as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionKind {
    /// A role session.
    Role {
        /// Role name.
        role: String,
        /// Session name.
        session_name: String,
    },
    /// `GetSessionToken` for a user.
    User {
        /// User name.
        user: String,
    },
    /// `GetSessionToken` for root.
    Root,
}
