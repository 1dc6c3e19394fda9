//! The JSON shapes of `aws iam get-account-authorization-details`, field by field as AWS
//! writes them, shared by import and export so that the two cannot drift apart.
//!
//! Policy documents are a type parameter: reading keeps each one as the raw JSON of the file
//! (`&RawValue`: an object, or the URL-encoded string the raw API returns), so that a refused
//! document can be located in the file; writing gives JSON objects (`serde_json::Value`), as
//! the AWS CLI prints them. Fields AWS always writes are still optional when reading where a
//! sensible default exists, so that hand-written files stay short.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::account::model::Tag;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::input::Input;

/// A time as AWS writes it: ISO 8601 with a zone (`2026-01-05T09:00:00Z` or `…+00:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time(pub Timestamp);

impl Time {
    /// The AWS CLI's spelling, e.g. `2026-01-05T09:00:00+00:00`.
    pub fn to_aws(self) -> String {
        self.0.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string()
    }

    /// Reads an ISO 8601 time with a zone; the error is a sentence for people.
    pub fn parse(text: &str) -> Result<Time, String> {
        // In English here (serde carries it as text); `input::serde_msg` words it again in
        // the reader's language.
        text.trim()
            .parse::<Timestamp>()
            .map(Time)
            .map_err(|_| Input::NotTime.fill(Lang::En, &[("value", &text)]))
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_aws())
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Time::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The whole answer of `GetAccountAuthorizationDetails`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct AuthorizationDetails<D> {
    /// Users with their policies and groups.
    #[serde(default)]
    pub user_detail_list: Vec<UserDetail<D>>,
    /// Groups with their policies.
    #[serde(default)]
    pub group_detail_list: Vec<GroupDetail<D>>,
    /// Roles with their trust policies, policies and instance profiles.
    #[serde(default)]
    pub role_detail_list: Vec<RoleDetail<D>>,
    /// Managed policies (customer managed, and the AWS managed ones in use) with every version.
    #[serde(default)]
    pub policies: Vec<ManagedPolicyDetail<D>>,
    /// True when this is one page of several.
    #[serde(default)]
    pub is_truncated: bool,
    /// Where the next page starts, when truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// An inline policy: its name and document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct PolicyDetail<D> {
    /// The policy's name, unique within its user, group or role.
    pub policy_name: String,
    /// The document.
    pub policy_document: D,
}

/// A managed policy attached to a user, group or role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachedPolicy {
    /// The policy's name (AWS always writes it; ignored when reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// The policy's ARN.
    pub policy_arn: String,
}

/// A permissions boundary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionsBoundary {
    /// Always `PermissionsBoundaryPolicy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_type: Option<String>,
    /// The managed policy used as the boundary.
    pub permissions_boundary_arn: String,
}

/// One user (`UserDetailList[]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct UserDetail<D> {
    /// Path, e.g. `/engineering/` (from the ARN when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Name.
    pub user_name: String,
    /// Unique id, `AIDA…` (made up when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// ARN.
    pub arn: String,
    /// Creation time (the account's clock when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// Inline policies.
    #[serde(default)]
    pub user_policy_list: Vec<PolicyDetail<D>>,
    /// Group names.
    #[serde(default)]
    pub group_list: Vec<String>,
    /// Attached managed policies.
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    /// Permissions boundary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<PermissionsBoundary>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

/// One group (`GroupDetailList[]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct GroupDetail<D> {
    /// Path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Name.
    pub group_name: String,
    /// Unique id, `AGPA…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// ARN.
    pub arn: String,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// Inline policies.
    #[serde(default)]
    pub group_policy_list: Vec<PolicyDetail<D>>,
    /// Attached managed policies.
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
}

/// When a role was last used (`{}` when never, or not in the last 400 days).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoleLastUsed {
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_date: Option<Time>,
    /// In which region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// A role as listed inside an instance profile.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct ProfileRole<D> {
    /// Path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Name: the only field read on import.
    pub role_name: String,
    /// Unique id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_id: Option<String>,
    /// ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// The trust policy (written on export; the role's own entry is the one read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assume_role_policy_document: Option<D>,
}

/// An instance profile that holds a role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct InstanceProfileDetail<D> {
    /// Path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Name.
    pub instance_profile_name: String,
    /// Unique id, `AIPA…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_profile_id: Option<String>,
    /// ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// The roles in it (at most one).
    #[serde(default)]
    pub roles: Vec<ProfileRole<D>>,
}

/// One role (`RoleDetailList[]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct RoleDetail<D> {
    /// Path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Name.
    pub role_name: String,
    /// Unique id, `AROA…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_id: Option<String>,
    /// ARN.
    pub arn: String,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// The trust policy.
    pub assume_role_policy_document: D,
    /// Description. Not in AWS's `RoleDetail` (it is in `GetRole`); iamdojo writes it so that
    /// an export loses nothing, and AWS's tools ignore fields they do not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Maximum session duration in seconds (3600 when absent). Like `Description`, an
    /// iamdojo addition to `RoleDetail`, written only when it is not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_session_duration: Option<u32>,
    /// Instance profiles holding the role.
    #[serde(default)]
    pub instance_profile_list: Vec<InstanceProfileDetail<D>>,
    /// Inline policies.
    #[serde(default)]
    pub role_policy_list: Vec<PolicyDetail<D>>,
    /// Attached managed policies.
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    /// Permissions boundary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<PermissionsBoundary>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// Last use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_last_used: Option<RoleLastUsed>,
}

/// One version of a managed policy.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct PolicyVersionDetail<D> {
    /// The document.
    pub document: D,
    /// `v1`, `v2`, ….
    pub version_id: String,
    /// True for the version in force.
    #[serde(default)]
    pub is_default_version: bool,
    /// Creation time (the policy's when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
}

/// One managed policy (`Policies[]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase", bound(deserialize = "D: Deserialize<'de>"))]
pub struct ManagedPolicyDetail<D> {
    /// Name.
    pub policy_name: String,
    /// Unique id, `ANPA…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_id: Option<String>,
    /// ARN.
    pub arn: String,
    /// Path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The version in force (else the one marked `IsDefaultVersion`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_version_id: Option<String>,
    /// Users, groups and roles it is attached to (computed; ignored when reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_count: Option<u32>,
    /// Users and roles it bounds (computed; ignored when reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_usage_count: Option<u32>,
    /// Always true for managed policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_attachable: Option<bool>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// Time of the newest version (computed; ignored when reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_date: Option<Time>,
    /// Every version.
    #[serde(default)]
    pub policy_version_list: Vec<PolicyVersionDetail<D>>,
}
