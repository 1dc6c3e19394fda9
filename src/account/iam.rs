//! IAM: users, groups, roles, managed and inline policies, access keys, console passwords,
//! MFA, the password policy, the credential report and instance profiles, with AWS's
//! request parameters, response shapes and errors.

use std::collections::BTreeMap;

use base64::Engine as _;
use serde_json::{Value, json};

use super::command::cli_error;
use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;
use super::index::EntityKind;
use super::model::*;
use super::rules::{self, NameKind};
use super::{Account, InstanceProfile, document};
use crate::policy::PolicyType;

/// The IAM commands.
pub const COMMANDS: &[Spec] = &[
    // Users.
    Spec {
        service: "iam",
        name: "create-user",
        operation: "CreateUser",
        params: &[],
        run: create_user,
    },
    Spec {
        service: "iam",
        name: "get-user",
        operation: "GetUser",
        params: &[],
        run: get_user,
    },
    Spec {
        service: "iam",
        name: "list-users",
        operation: "ListUsers",
        params: &[],
        run: list_users,
    },
    Spec {
        service: "iam",
        name: "update-user",
        operation: "UpdateUser",
        params: &[],
        run: update_user,
    },
    Spec {
        service: "iam",
        name: "delete-user",
        operation: "DeleteUser",
        params: &[],
        run: delete_user,
    },
    Spec {
        service: "iam",
        name: "tag-user",
        operation: "TagUser",
        params: &[],
        run: tag_user,
    },
    Spec {
        service: "iam",
        name: "untag-user",
        operation: "UntagUser",
        params: &[],
        run: untag_user,
    },
    // Groups.
    Spec {
        service: "iam",
        name: "create-group",
        operation: "CreateGroup",
        params: &[],
        run: create_group,
    },
    Spec {
        service: "iam",
        name: "get-group",
        operation: "GetGroup",
        params: &[],
        run: get_group,
    },
    Spec {
        service: "iam",
        name: "list-groups",
        operation: "ListGroups",
        params: &[],
        run: list_groups,
    },
    Spec {
        service: "iam",
        name: "delete-group",
        operation: "DeleteGroup",
        params: &[],
        run: delete_group,
    },
    Spec {
        service: "iam",
        name: "add-user-to-group",
        operation: "AddUserToGroup",
        params: &[],
        run: add_user_to_group,
    },
    Spec {
        service: "iam",
        name: "remove-user-from-group",
        operation: "RemoveUserFromGroup",
        params: &[],
        run: remove_user_from_group,
    },
    Spec {
        service: "iam",
        name: "list-groups-for-user",
        operation: "ListGroupsForUser",
        params: &[],
        run: list_groups_for_user,
    },
    // Roles.
    Spec {
        service: "iam",
        name: "create-role",
        operation: "CreateRole",
        params: &[],
        run: create_role,
    },
    Spec {
        service: "iam",
        name: "get-role",
        operation: "GetRole",
        params: &[],
        run: get_role,
    },
    Spec {
        service: "iam",
        name: "list-roles",
        operation: "ListRoles",
        params: &[],
        run: list_roles,
    },
    Spec {
        service: "iam",
        name: "delete-role",
        operation: "DeleteRole",
        params: &[],
        run: delete_role,
    },
    Spec {
        service: "iam",
        name: "update-assume-role-policy",
        operation: "UpdateAssumeRolePolicy",
        params: &[],
        run: update_assume_role_policy,
    },
    Spec {
        service: "iam",
        name: "tag-role",
        operation: "TagRole",
        params: &[],
        run: tag_role,
    },
    Spec {
        service: "iam",
        name: "untag-role",
        operation: "UntagRole",
        params: &[],
        run: untag_role,
    },
    // Managed policies.
    Spec {
        service: "iam",
        name: "create-policy",
        operation: "CreatePolicy",
        params: &[],
        run: create_policy,
    },
    Spec {
        service: "iam",
        name: "get-policy",
        operation: "GetPolicy",
        params: &[],
        run: get_policy,
    },
    Spec {
        service: "iam",
        name: "list-policies",
        operation: "ListPolicies",
        params: &[],
        run: list_policies,
    },
    Spec {
        service: "iam",
        name: "delete-policy",
        operation: "DeletePolicy",
        params: &[],
        run: delete_policy,
    },
    Spec {
        service: "iam",
        name: "create-policy-version",
        operation: "CreatePolicyVersion",
        params: &[],
        run: create_policy_version,
    },
    Spec {
        service: "iam",
        name: "get-policy-version",
        operation: "GetPolicyVersion",
        params: &[],
        run: get_policy_version,
    },
    Spec {
        service: "iam",
        name: "list-policy-versions",
        operation: "ListPolicyVersions",
        params: &[],
        run: list_policy_versions,
    },
    Spec {
        service: "iam",
        name: "delete-policy-version",
        operation: "DeletePolicyVersion",
        params: &[],
        run: delete_policy_version,
    },
    Spec {
        service: "iam",
        name: "set-default-policy-version",
        operation: "SetDefaultPolicyVersion",
        params: &[],
        run: set_default_policy_version,
    },
    Spec {
        service: "iam",
        name: "list-entities-for-policy",
        operation: "ListEntitiesForPolicy",
        params: &[],
        run: list_entities_for_policy,
    },
    // Attachments and inline policies, for users, groups and roles.
    Spec {
        service: "iam",
        name: "attach-user-policy",
        operation: "AttachUserPolicy",
        params: &[],
        run: |c, a| attach(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "attach-group-policy",
        operation: "AttachGroupPolicy",
        params: &[],
        run: |c, a| attach(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "attach-role-policy",
        operation: "AttachRolePolicy",
        params: &[],
        run: |c, a| attach(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "detach-user-policy",
        operation: "DetachUserPolicy",
        params: &[],
        run: |c, a| detach(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "detach-group-policy",
        operation: "DetachGroupPolicy",
        params: &[],
        run: |c, a| detach(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "detach-role-policy",
        operation: "DetachRolePolicy",
        params: &[],
        run: |c, a| detach(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "list-attached-user-policies",
        operation: "ListAttachedUserPolicies",
        params: &[],
        run: |c, a| list_attached(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "list-attached-group-policies",
        operation: "ListAttachedGroupPolicies",
        params: &[],
        run: |c, a| list_attached(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "list-attached-role-policies",
        operation: "ListAttachedRolePolicies",
        params: &[],
        run: |c, a| list_attached(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "put-user-policy",
        operation: "PutUserPolicy",
        params: &[],
        run: |c, a| put_inline(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "put-group-policy",
        operation: "PutGroupPolicy",
        params: &[],
        run: |c, a| put_inline(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "put-role-policy",
        operation: "PutRolePolicy",
        params: &[],
        run: |c, a| put_inline(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "get-user-policy",
        operation: "GetUserPolicy",
        params: &[],
        run: |c, a| get_inline(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "get-group-policy",
        operation: "GetGroupPolicy",
        params: &[],
        run: |c, a| get_inline(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "get-role-policy",
        operation: "GetRolePolicy",
        params: &[],
        run: |c, a| get_inline(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "list-user-policies",
        operation: "ListUserPolicies",
        params: &[],
        run: |c, a| list_inline(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "list-group-policies",
        operation: "ListGroupPolicies",
        params: &[],
        run: |c, a| list_inline(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "list-role-policies",
        operation: "ListRolePolicies",
        params: &[],
        run: |c, a| list_inline(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "delete-user-policy",
        operation: "DeleteUserPolicy",
        params: &[],
        run: |c, a| delete_inline(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "delete-group-policy",
        operation: "DeleteGroupPolicy",
        params: &[],
        run: |c, a| delete_inline(c, a, Ent::Group),
    },
    Spec {
        service: "iam",
        name: "delete-role-policy",
        operation: "DeleteRolePolicy",
        params: &[],
        run: |c, a| delete_inline(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "put-user-permissions-boundary",
        operation: "PutUserPermissionsBoundary",
        params: &[],
        run: |c, a| put_boundary(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "put-role-permissions-boundary",
        operation: "PutRolePermissionsBoundary",
        params: &[],
        run: |c, a| put_boundary(c, a, Ent::Role),
    },
    Spec {
        service: "iam",
        name: "delete-user-permissions-boundary",
        operation: "DeleteUserPermissionsBoundary",
        params: &[],
        run: |c, a| delete_boundary(c, a, Ent::User),
    },
    Spec {
        service: "iam",
        name: "delete-role-permissions-boundary",
        operation: "DeleteRolePermissionsBoundary",
        params: &[],
        run: |c, a| delete_boundary(c, a, Ent::Role),
    },
    // Console passwords.
    Spec {
        service: "iam",
        name: "create-login-profile",
        operation: "CreateLoginProfile",
        params: &[],
        run: create_login_profile,
    },
    Spec {
        service: "iam",
        name: "update-login-profile",
        operation: "UpdateLoginProfile",
        params: &[],
        run: update_login_profile,
    },
    Spec {
        service: "iam",
        name: "get-login-profile",
        operation: "GetLoginProfile",
        params: &[],
        run: get_login_profile,
    },
    Spec {
        service: "iam",
        name: "delete-login-profile",
        operation: "DeleteLoginProfile",
        params: &[],
        run: delete_login_profile,
    },
    // Access keys.
    Spec {
        service: "iam",
        name: "create-access-key",
        operation: "CreateAccessKey",
        params: &[],
        run: create_access_key,
    },
    Spec {
        service: "iam",
        name: "list-access-keys",
        operation: "ListAccessKeys",
        params: &[],
        run: list_access_keys,
    },
    Spec {
        service: "iam",
        name: "update-access-key",
        operation: "UpdateAccessKey",
        params: &[],
        run: update_access_key,
    },
    Spec {
        service: "iam",
        name: "delete-access-key",
        operation: "DeleteAccessKey",
        params: &[],
        run: delete_access_key,
    },
    Spec {
        service: "iam",
        name: "get-access-key-last-used",
        operation: "GetAccessKeyLastUsed",
        params: &[],
        run: get_access_key_last_used,
    },
    // MFA.
    Spec {
        service: "iam",
        name: "create-virtual-mfa-device",
        operation: "CreateVirtualMFADevice",
        params: &[],
        run: create_virtual_mfa_device,
    },
    Spec {
        service: "iam",
        name: "enable-mfa-device",
        operation: "EnableMFADevice",
        params: &[],
        run: enable_mfa_device,
    },
    Spec {
        service: "iam",
        name: "deactivate-mfa-device",
        operation: "DeactivateMFADevice",
        params: &[],
        run: deactivate_mfa_device,
    },
    Spec {
        service: "iam",
        name: "list-mfa-devices",
        operation: "ListMFADevices",
        params: &[],
        run: list_mfa_devices,
    },
    Spec {
        service: "iam",
        name: "list-virtual-mfa-devices",
        operation: "ListVirtualMFADevices",
        params: &[],
        run: list_virtual_mfa_devices,
    },
    Spec {
        service: "iam",
        name: "delete-virtual-mfa-device",
        operation: "DeleteVirtualMFADevice",
        params: &[],
        run: delete_virtual_mfa_device,
    },
    // Password policy.
    Spec {
        service: "iam",
        name: "get-account-password-policy",
        operation: "GetAccountPasswordPolicy",
        params: &[],
        run: get_password_policy,
    },
    Spec {
        service: "iam",
        name: "update-account-password-policy",
        operation: "UpdateAccountPasswordPolicy",
        params: &[],
        run: update_password_policy,
    },
    Spec {
        service: "iam",
        name: "delete-account-password-policy",
        operation: "DeleteAccountPasswordPolicy",
        params: &[],
        run: delete_password_policy,
    },
    // Reports.
    Spec {
        service: "iam",
        name: "generate-credential-report",
        operation: "GenerateCredentialReport",
        params: &[],
        run: generate_credential_report,
    },
    Spec {
        service: "iam",
        name: "get-credential-report",
        operation: "GetCredentialReport",
        params: &[],
        run: get_credential_report,
    },
    Spec {
        service: "iam",
        name: "simulate-principal-policy",
        operation: "SimulatePrincipalPolicy",
        params: &[],
        run: simulate_principal_policy,
    },
    // Instance profiles.
    Spec {
        service: "iam",
        name: "create-instance-profile",
        operation: "CreateInstanceProfile",
        params: &[],
        run: create_instance_profile,
    },
    Spec {
        service: "iam",
        name: "add-role-to-instance-profile",
        operation: "AddRoleToInstanceProfile",
        params: &[],
        run: add_role_to_instance_profile,
    },
    Spec {
        service: "iam",
        name: "list-instance-profiles",
        operation: "ListInstanceProfiles",
        params: &[],
        run: list_instance_profiles,
    },
    Spec {
        service: "iam",
        name: "get-instance-profile",
        operation: "GetInstanceProfile",
        params: &[],
        run: get_instance_profile,
    },
    Spec {
        service: "iam",
        name: "list-instance-profiles-for-role",
        operation: "ListInstanceProfilesForRole",
        params: &[],
        run: list_instance_profiles_for_role,
    },
    Spec {
        service: "iam",
        name: "remove-role-from-instance-profile",
        operation: "RemoveRoleFromInstanceProfile",
        params: &[],
        run: remove_role_from_instance_profile,
    },
    Spec {
        service: "iam",
        name: "delete-instance-profile",
        operation: "DeleteInstanceProfile",
        params: &[],
        run: delete_instance_profile,
    },
    // The account.
    Spec {
        service: "iam",
        name: "get-account-summary",
        operation: "GetAccountSummary",
        params: &[],
        run: get_account_summary,
    },
    Spec {
        service: "iam",
        name: "generate-service-last-accessed-details",
        operation: "GenerateServiceLastAccessedDetails",
        params: &[],
        run: super::last_accessed::generate,
    },
    Spec {
        service: "iam",
        name: "get-service-last-accessed-details",
        operation: "GetServiceLastAccessedDetails",
        params: &[],
        run: super::last_accessed::get,
    },
];

/// Users, groups or roles: the three entities that hold policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ent {
    User,
    Group,
    Role,
}

impl Ent {
    fn flag(self) -> &'static str {
        match self {
            Ent::User => "user-name",
            Ent::Group => "group-name",
            Ent::Role => "role-name",
        }
    }
    fn word(self) -> &'static str {
        match self {
            Ent::User => "user",
            Ent::Group => "group",
            Ent::Role => "role",
        }
    }
    /// How many managed policies one of these may have attached.
    fn policies_quota(self) -> rules::Quota {
        match self {
            Ent::User => rules::POLICIES_PER_USER,
            Ent::Group => rules::POLICIES_PER_GROUP,
            Ent::Role => rules::POLICIES_PER_ROLE,
        }
    }
    fn cap(self) -> &'static str {
        match self {
            Ent::User => "User",
            Ent::Group => "Group",
            Ent::Role => "Role",
        }
    }
    fn inline_type(self) -> PolicyType {
        match self {
            Ent::User => PolicyType::InlineUser,
            Ent::Group => PolicyType::InlineGroup,
            Ent::Role => PolicyType::InlineRole,
        }
    }
}

/// Mutable access to what an entity holds.
struct Holdings<'a> {
    attached: &'a mut Vec<String>,
    inline: &'a mut BTreeMap<String, Document>,
    boundary: Option<&'a mut Option<String>>,
}

/// Re-notes entity `name` of kind `e` in the account's index after a change.
fn sync(acct: &mut Account, e: Ent, name: &str) {
    match e {
        Ent::User => acct.sync_user(name),
        Ent::Group => acct.sync_group(name),
        Ent::Role => acct.sync_role(name),
    }
}

fn holdings<'a>(acct: &'a mut Account, e: Ent, name: &str) -> Option<Holdings<'a>> {
    match e {
        Ent::User => acct.users.get_mut(name).map(|u| Holdings {
            attached: &mut u.attached,
            inline: &mut u.inline,
            boundary: Some(&mut u.boundary),
        }),
        Ent::Group => acct.groups.get_mut(name).map(|g| Holdings {
            attached: &mut g.attached,
            inline: &mut g.inline,
            boundary: None,
        }),
        Ent::Role => acct.roles.get_mut(name).map(|r| Holdings {
            attached: &mut r.attached,
            inline: &mut r.inline,
            boundary: Some(&mut r.boundary),
        }),
    }
}

fn entity_arn(c: &Call, e: Ent, name: &str) -> String {
    match e {
        Ent::User => c.account.users.get(name).map(|u| u.arn.clone()),
        Ent::Group => c.account.groups.get(name).map(|g| g.arn.clone()),
        Ent::Role => c.account.roles.get(name).map(|r| r.arn.clone()),
    }
    .unwrap_or_else(|| c.account.iam_arn(e.word(), "/", name))
}

/// The `iam:PermissionsBoundary` key of a request on the user or role `name`: the boundary it
/// has now (none for a group, or for an entity without one). IAM adds it to the requests that
/// change or read a user's or role's permissions (`AttachUserPolicy`, `PutRolePolicy`,
/// `DeleteRole`, …; the boundary being set for `CreateUser`, `CreateRole` and
/// `Put…PermissionsBoundary`), so "only on entities bounded by X" can be written
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PermissionsBoundary>,
/// <https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html>).
fn boundary_key(c: &Call, e: Ent, name: &str) -> Vec<(&'static str, Vec<String>)> {
    let b = match e {
        Ent::User => c.account.users.get(name).and_then(|u| u.boundary.clone()),
        Ent::Role => c.account.roles.get(name).and_then(|r| r.boundary.clone()),
        Ent::Group => None,
    };
    b.map(|b| ("iam:PermissionsBoundary", vec![b]))
        .into_iter()
        .collect()
}

fn no_entity(c: &Call, e: Ent, name: &str) -> AwsError {
    AwsError::no_such_entity(c.operation, e.word(), name)
}

/// Checks a name with the one rule of [`rules::check_name`], failing as AWS does.
fn valid_name(c: &Call, flag: &str, name: &str, kind: NameKind) -> Result<(), AwsError> {
    rules::check_name(kind, name)
        .map_err(|e| AwsError::validation(c.operation, e.aws_message(flag)))
}

/// Reads `--path` (default `/`) and checks it with [`rules::check_path`].
fn path_of(c: &Call, a: &Args) -> Result<String, AwsError> {
    let p = a.opt("path").unwrap_or("/");
    rules::check_path(p).map_err(|e| AwsError::validation(c.operation, e.aws_message()))?;
    Ok(p.to_string())
}

fn parse_doc(c: &Call, text: &str, ty: PolicyType) -> Result<Document, AwsError> {
    // "You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM
    // role trust policy"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
    // IAM's words are those it uses for a trust policy's `Resource`.
    if ty == PolicyType::Trust && trust_statement_has(text, "NotPrincipal") {
        return Err(c.err(
            "MalformedPolicyDocument",
            "Has prohibited field NotPrincipal",
        ));
    }
    document(text, ty).map_err(|e| {
        let mut err = c.refused(e.aws_code(), e);
        // IAM refuses a trust policy's `Resource` before it asks for the `Principal` (a
        // permissions policy pasted as a trust policy lacks both).
        if ty == PolicyType::Trust
            && err.code == "MalformedPolicyDocument"
            && let Some(field) = prohibited_trust_field(text)
        {
            err.message = format!("Has prohibited field {field}");
        }
        // IAM's words for a document over its quota (an inline policy's name the entity:
        // see `put_inline`).
        if err.code == "LimitExceeded" {
            match (ty, ty.size_limit()) {
                (PolicyType::Managed, Some(n)) => {
                    err.message = format!("Cannot exceed quota for PolicySize: {n}");
                }
                (PolicyType::Trust, Some(n)) => {
                    err.message = format!("Cannot exceed quota for ACLSizePerRole: {n}");
                }
                _ => {}
            }
        }
        err
    })
}

/// IAM's `LimitExceeded` message for the inline policies of entity `name` of kind `e` over
/// their quota, alone or together.
fn inline_too_large(e: Ent, name: &str, refused: AwsError) -> AwsError {
    let limit = e.inline_type().size_limit().unwrap_or_default();
    AwsError {
        message: format!(
            "Maximum policy size of {limit} bytes exceeded for {} {name}",
            e.word()
        ),
        ..refused
    }
}

/// The statements of the policy `text` (JSON): its `Statement` list, or the one statement
/// it holds; none when it is not JSON.
fn statements_of(text: &str) -> Vec<Value> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut m)) => match m.shift_remove("Statement") {
            Some(Value::Array(a)) => a,
            Some(one) => vec![one],
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Whether a statement of the policy `text` (JSON) has the element `field`.
fn trust_statement_has(text: &str, field: &str) -> bool {
    statements_of(text).iter().any(|s| s.get(field).is_some())
}

/// `Resource` or `NotResource` when a statement of the trust policy `text` has one.
fn prohibited_trust_field(text: &str) -> Option<&'static str> {
    statements_of(text).iter().find_map(|s| {
        ["Resource", "NotResource"]
            .into_iter()
            .find(|f| s.get(f).is_some())
    })
}

/// The tags of the request (`--tags`, shorthand or JSON, read by the command layer).
fn parse_tags(c: &Call, a: &Args) -> Result<Vec<Tag>, AwsError> {
    // The command layer has read shorthand or JSON into the model's shape and checked it.
    match a.member("Tags") {
        None => Ok(Vec::new()),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| AwsError::validation(c.operation, format!("cannot read tags: {e}"))),
    }
}

fn user_json(u: &User) -> Value {
    obj([
        ("Path", json!(u.path)),
        ("UserName", json!(u.name)),
        ("UserId", json!(u.id)),
        ("Arn", json!(u.arn)),
        ("CreateDate", time(u.created)),
        (
            "PasswordLastUsed",
            u.login_profile
                .as_ref()
                .and_then(|l| l.last_used)
                .map(time)
                .unwrap_or(Value::Null),
        ),
    ])
}

fn group_json(g: &Group) -> Value {
    obj([
        ("Path", json!(g.path)),
        ("GroupName", json!(g.name)),
        ("GroupId", json!(g.id)),
        ("Arn", json!(g.arn)),
        ("CreateDate", time(g.created)),
    ])
}

fn doc_value(d: &Document) -> Value {
    serde_json::from_str(&d.text).unwrap_or(Value::String(d.text.clone()))
}

fn role_json(r: &Role) -> Value {
    obj([
        ("Path", json!(r.path)),
        ("RoleName", json!(r.name)),
        ("RoleId", json!(r.id)),
        ("Arn", json!(r.arn)),
        ("CreateDate", time(r.created)),
        ("AssumeRolePolicyDocument", doc_value(&r.trust)),
        ("Description", json!(r.description)),
        ("MaxSessionDuration", json!(r.max_session_duration)),
    ])
}

fn attachment_count(acct: &Account, arn: &str) -> usize {
    acct.attachment_count(arn)
}

fn boundary_count(acct: &Account, arn: &str) -> usize {
    acct.boundary_count(arn)
}

fn policy_json(acct: &Account, p: &ManagedPolicy) -> Value {
    obj([
        ("PolicyName", json!(p.name)),
        ("PolicyId", json!(p.id)),
        ("Arn", json!(p.arn)),
        ("Path", json!(p.path)),
        ("DefaultVersionId", json!(p.default_version)),
        ("AttachmentCount", json!(attachment_count(acct, &p.arn))),
        (
            "PermissionsBoundaryUsageCount",
            json!(boundary_count(acct, &p.arn)),
        ),
        ("IsAttachable", json!(true)),
        ("Description", json!(p.description)),
        ("CreateDate", time(p.created)),
        (
            "UpdateDate",
            time(
                p.versions
                    .iter()
                    .map(|v| v.created)
                    .max()
                    .unwrap_or(p.created),
            ),
        ),
    ])
}

/// The user a key-less `--user-name` refers to: the caller when it is a user.
fn self_or_named(c: &Call, a: &Args) -> Result<String, AwsError> {
    if let Some(n) = a.opt("user-name") {
        return Ok(n.to_string());
    }
    match &c.caller.identity {
        super::authz::Identity::User(n) => Ok(n.clone()),
        super::authz::Identity::Root => Ok(String::new()),
        super::authz::Identity::Role { .. } => Err(AwsError::validation(
            c.operation,
            "Must specify userName when calling with non-User credentials",
        )),
    }
}

fn create_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    valid_name(c, "userName", &name, NameKind::User)?;
    let path = path_of(c, a)?;
    let arn = c.account.iam_arn("user", &path, &name);
    let boundary = match a.opt("permissions-boundary") {
        Some(_) => Some(policy_arn(c, a, "permissions-boundary")?),
        None => None,
    };
    let mut extra = Vec::new();
    if let Some(b) = &boundary {
        extra.push(("iam:PermissionsBoundary", vec![b.clone()]));
    }
    c.allow("iam:CreateUser", &arn, &extra)?;
    if c.account.name_taken(EntityKind::User, &name) {
        return Err(AwsError::already_exists(c.operation, "User", &name));
    }
    check_boundary_exists(c, boundary.as_deref())?;
    let tags = parse_tags(c, a)?;
    let u = c
        .account
        .new_user(&name, &path)
        .with_tags(tags)
        .with_boundary(boundary);
    let out =
        json!({ "User": with_tags_and_boundary(user_json(&u), &u.tags, u.boundary.as_deref()) });
    c.account.users.insert(name.clone(), u);
    c.account.sync_user(&name);
    Ok(out)
}

/// `NoSuchEntity` for a `--permissions-boundary` that names no managed policy, in the words
/// IAM uses for a boundary ("Scope ARN").
fn check_boundary_exists(c: &mut Call, boundary: Option<&str>) -> Result<(), AwsError> {
    if let Some(b) = boundary
        && c.account.managed_policy(b).is_none()
    {
        return Err(AwsError::new(
            c.operation,
            "NoSuchEntity",
            format!("Scope ARN: {b} does not exist or is not attachable."),
        ));
    }
    Ok(())
}

/// A user's or role's JSON with its `Tags` (when it has any) and `PermissionsBoundary` (when
/// set), as `CreateUser`, `GetUser`, `CreateRole` and `GetRole` answer them.
fn with_tags_and_boundary(mut v: Value, tags: &[Tag], boundary: Option<&str>) -> Value {
    if let Value::Object(m) = &mut v {
        if let Some(b) = boundary {
            m.insert(
                "PermissionsBoundary".into(),
                json!({"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": b}),
            );
        }
        if !tags.is_empty() {
            m.insert("Tags".into(), json!(tags));
        }
    }
    v
}

fn get_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = self_or_named(c, a)?;
    if name.is_empty() {
        // Root without --user-name describes the root user.
        c.allow(
            "iam:GetUser",
            &format!("arn:aws:iam::{}:root", c.account.id),
            &[],
        )?;
        return Ok(
            json!({"User": {"UserId": c.account.id, "Arn": format!("arn:aws:iam::{}:root", c.account.id), "CreateDate": time(c.account.now)}}),
        );
    }
    c.allow("iam:GetUser", &entity_arn(c, Ent::User, &name), &[])?;
    let u = c
        .account
        .users
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::User, &name))?;
    let v = with_tags_and_boundary(user_json(u), &u.tags, u.boundary.as_deref());
    Ok(json!({ "User": v }))
}

fn list_users(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:ListUsers", &c.account.iam_arn("user", "/", ""), &[])?;
    let prefix = a.opt("path-prefix").unwrap_or("/");
    let users: Vec<Value> = c
        .account
        .users
        .values()
        .filter(|u| u.path.starts_with(prefix))
        .map(user_json)
        .collect();
    Ok(json!({ "Users": users }))
}

fn update_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow("iam:UpdateUser", &entity_arn(c, Ent::User, &name), &[])?;
    let mut u = c
        .account
        .users
        .get(&name)
        .cloned()
        .ok_or_else(|| no_entity(c, Ent::User, &name))?;
    if let Some(p) = a.opt("new-path") {
        rules::check_path(p).map_err(|e| AwsError::validation(c.operation, e.aws_message()))?;
        u.path = p.to_string();
    }
    let new_name = a.opt("new-user-name").unwrap_or(&name).to_string();
    valid_name(c, "newUserName", &new_name, NameKind::User)?;
    if new_name != name && c.account.users.contains_key(&new_name) {
        return Err(AwsError::already_exists(c.operation, "User", &new_name));
    }
    u.name = new_name.clone();
    u.arn = c.account.iam_arn("user", &u.path, &new_name);
    c.account.users.remove(&name);
    c.account.users.insert(new_name.clone(), u);
    c.account.sync_user(&name);
    c.account.sync_user(&new_name);
    Ok(Value::Null)
}

fn delete_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow("iam:DeleteUser", &entity_arn(c, Ent::User, &name), &[])?;
    let u = c
        .account
        .users
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::User, &name))?;
    let conflict = if u.login_profile.is_some() {
        Some("Cannot delete entity, must delete login profile first.")
    } else if !u.access_keys.is_empty() {
        Some("Cannot delete entity, must delete access keys first.")
    } else if !u.mfa.is_empty() {
        Some("Cannot delete entity, must delete MFA device first.")
    } else if !u.attached.is_empty() {
        Some("Cannot delete entity, must detach all policies first.")
    } else if !u.inline.is_empty() {
        Some("Cannot delete entity, must delete policies first.")
    } else if !u.groups.is_empty() {
        Some("Cannot delete entity, must remove users from group first.")
    } else {
        None
    };
    if let Some(m) = conflict {
        return Err(c.err("DeleteConflict", m));
    }
    c.account.users.remove(&name);
    c.account.sync_user(&name);
    Ok(Value::Null)
}

fn tag_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    tag(c, a, Ent::User)
}

fn tag_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    tag(c, a, Ent::Role)
}

fn untag_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    untag(c, a, Ent::User)
}

fn untag_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    untag(c, a, Ent::Role)
}

fn tags_of<'a>(acct: &'a mut Account, e: Ent, name: &str) -> Option<&'a mut Vec<Tag>> {
    match e {
        Ent::User => acct.users.get_mut(name).map(|u| &mut u.tags),
        Ent::Role => acct.roles.get_mut(name).map(|r| &mut r.tags),
        Ent::Group => None,
    }
}

fn tag(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let new = parse_tags(c, a)?;
    let keys: Vec<String> = new.iter().map(|t| t.key.clone()).collect();
    c.allow(
        &format!("iam:Tag{}", e.cap()),
        &entity_arn(c, e, &name),
        &[("aws:TagKeys", keys)],
    )?;
    let op = c.operation;
    let tags = tags_of(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    for t in new {
        tags.retain(|x| x.key != t.key);
        tags.push(t);
    }
    Ok(Value::Null)
}

fn untag(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let keys = a.list("tag-keys").to_vec();
    c.allow(
        &format!("iam:Untag{}", e.cap()),
        &entity_arn(c, e, &name),
        &[("aws:TagKeys", keys.clone())],
    )?;
    let op = c.operation;
    let tags = tags_of(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    tags.retain(|t| !keys.contains(&t.key));
    Ok(Value::Null)
}

fn create_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("group-name").to_string();
    valid_name(c, "groupName", &name, NameKind::Group)?;
    let path = path_of(c, a)?;
    let arn = c.account.iam_arn("group", &path, &name);
    c.allow("iam:CreateGroup", &arn, &[])?;
    if c.account.name_taken(EntityKind::Group, &name) {
        return Err(AwsError::already_exists(c.operation, "Group", &name));
    }
    let g = c.account.new_group(&name, &path);
    let out = json!({ "Group": group_json(&g) });
    c.account.groups.insert(name.clone(), g);
    c.account.sync_group(&name);
    Ok(out)
}

fn get_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("group-name").to_string();
    c.allow("iam:GetGroup", &entity_arn(c, Ent::Group, &name), &[])?;
    let g = c
        .account
        .groups
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::Group, &name))?;
    let users: Vec<Value> = c
        .account
        .group_members(&name)
        .iter()
        .filter_map(|u| c.account.users.get(u))
        .map(user_json)
        .collect();
    Ok(json!({ "Users": users, "Group": group_json(g) }))
}

fn list_groups(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:ListGroups", &c.account.iam_arn("group", "/", ""), &[])?;
    let prefix = a.opt("path-prefix").unwrap_or("/");
    let groups: Vec<Value> = c
        .account
        .groups
        .values()
        .filter(|g| g.path.starts_with(prefix))
        .map(group_json)
        .collect();
    Ok(json!({ "Groups": groups }))
}

fn delete_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("group-name").to_string();
    c.allow("iam:DeleteGroup", &entity_arn(c, Ent::Group, &name), &[])?;
    let g = c
        .account
        .groups
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::Group, &name))?;
    if c.account.group_has_members(&name) {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must remove users from group first.",
        ));
    }
    if !g.attached.is_empty() {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must detach all policies first.",
        ));
    }
    if !g.inline.is_empty() {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
        ));
    }
    c.account.groups.remove(&name);
    c.account.sync_group(&name);
    Ok(Value::Null)
}

fn add_user_to_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (g, u) = (a.s("group-name").to_string(), a.s("user-name").to_string());
    c.allow("iam:AddUserToGroup", &entity_arn(c, Ent::Group, &g), &[])?;
    if !c.account.groups.contains_key(&g) {
        return Err(no_entity(c, Ent::Group, &g));
    }
    let op = c.operation;
    let user = c
        .account
        .users
        .get_mut(&u)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &u))?;
    if !user.groups.contains(&g) {
        rules::GROUPS_PER_USER
            .check(user.groups.len() + 1)
            .map_err(|q| AwsError::new(op, "LimitExceeded", q.aws_message()))?;
        user.groups.push(g);
    }
    c.account.sync_user(&u);
    Ok(Value::Null)
}

fn remove_user_from_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (g, u) = (a.s("group-name").to_string(), a.s("user-name").to_string());
    c.allow(
        "iam:RemoveUserFromGroup",
        &entity_arn(c, Ent::Group, &g),
        &[],
    )?;
    if !c.account.groups.contains_key(&g) {
        return Err(no_entity(c, Ent::Group, &g));
    }
    let op = c.operation;
    let user = c
        .account
        .users
        .get_mut(&u)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &u))?;
    user.groups.retain(|x| *x != g);
    c.account.sync_user(&u);
    Ok(Value::Null)
}

fn list_groups_for_user(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let u = a.s("user-name").to_string();
    c.allow("iam:ListGroupsForUser", &entity_arn(c, Ent::User, &u), &[])?;
    let user = c
        .account
        .users
        .get(&u)
        .ok_or_else(|| no_entity(c, Ent::User, &u))?;
    let groups: Vec<Value> = user
        .groups
        .iter()
        .filter_map(|g| c.account.groups.get(g))
        .map(group_json)
        .collect();
    Ok(json!({ "Groups": groups }))
}

fn create_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("role-name").to_string();
    valid_name(c, "roleName", &name, NameKind::Role)?;
    let path = path_of(c, a)?;
    let arn = c.account.iam_arn("role", &path, &name);
    let boundary = match a.opt("permissions-boundary") {
        Some(_) => Some(policy_arn(c, a, "permissions-boundary")?),
        None => None,
    };
    let extra: Vec<(&str, Vec<String>)> = boundary
        .iter()
        .map(|b| ("iam:PermissionsBoundary", vec![b.clone()]))
        .collect();
    c.allow("iam:CreateRole", &arn, &extra)?;
    if c.account.name_taken(EntityKind::Role, &name) {
        return Err(AwsError::already_exists(c.operation, "Role", &name));
    }
    let trust = parse_doc(c, a.s("assume-role-policy-document"), PolicyType::Trust)?;
    check_boundary_exists(c, boundary.as_deref())?;
    let max = a
        .int("max-session-duration")
        .unwrap_or(i64::from(DEFAULT_MAX_SESSION_DURATION));
    if !rules::valid_max_session_duration(max) {
        return Err(AwsError::validation(
            c.operation,
            "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200",
        ));
    }
    let tags = parse_tags(c, a)?;
    let r = c
        .account
        .new_role(&name, &path, trust)
        .with_description(a.opt("description").map(str::to_string))
        .with_boundary(boundary)
        .with_max_session_duration(max as u32)
        .with_tags(tags);
    let mut v = role_json(&r);
    // Answers of CreateRole omit MaxSessionDuration (get-role and list-roles print it);
    // it is kept when the learner set it, which no recorded answer shows either way.
    if a.int("max-session-duration").is_none()
        && let Value::Object(m) = &mut v
    {
        m.remove("MaxSessionDuration");
    }
    let out = json!({ "Role": with_tags_and_boundary(v, &r.tags, r.boundary.as_deref()) });
    c.account.roles.insert(name.clone(), r);
    c.account.sync_role(&name);
    Ok(out)
}

fn get_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("role-name").to_string();
    c.allow(
        "iam:GetRole",
        &entity_arn(c, Ent::Role, &name),
        &boundary_key(c, Ent::Role, &name),
    )?;
    let r = c
        .account
        .roles
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::Role, &name))?;
    let mut v = role_json(r);
    if let Value::Object(m) = &mut v {
        m.insert(
            "RoleLastUsed".into(),
            match &r.last_used {
                Some(l) => json!({"LastUsedDate": time(l.date), "Region": l.region}),
                None => json!({}),
            },
        );
    }
    let v = with_tags_and_boundary(v, &r.tags, r.boundary.as_deref());
    Ok(json!({ "Role": v }))
}

fn list_roles(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:ListRoles", &c.account.iam_arn("role", "/", ""), &[])?;
    let prefix = a.opt("path-prefix").unwrap_or("/");
    let roles: Vec<Value> = c
        .account
        .roles
        .values()
        .filter(|r| r.path.starts_with(prefix))
        .map(role_json)
        .collect();
    Ok(json!({ "Roles": roles }))
}

fn delete_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("role-name").to_string();
    c.allow(
        "iam:DeleteRole",
        &entity_arn(c, Ent::Role, &name),
        &boundary_key(c, Ent::Role, &name),
    )?;
    let r = c
        .account
        .roles
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::Role, &name))?;
    if !r.attached.is_empty() {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must detach all policies first.",
        ));
    }
    if !r.inline.is_empty() {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must delete policies first.",
        ));
    }
    if c.account.role_in_instance_profile(&name) {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must remove roles from instance profile first.",
        ));
    }
    c.account.roles.remove(&name);
    c.account.sync_role(&name);
    Ok(Value::Null)
}

fn update_assume_role_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("role-name").to_string();
    c.allow(
        "iam:UpdateAssumeRolePolicy",
        &entity_arn(c, Ent::Role, &name),
        &boundary_key(c, Ent::Role, &name),
    )?;
    let trust = parse_doc(c, a.s("policy-document"), PolicyType::Trust)?;
    let op = c.operation;
    let r = c
        .account
        .roles
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "role", &name))?;
    r.trust = trust;
    Ok(Value::Null)
}

fn create_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("policy-name").to_string();
    valid_name(c, "policyName", &name, NameKind::Policy)?;
    let path = path_of(c, a)?;
    let arn = c.account.iam_arn("policy", &path, &name);
    c.allow("iam:CreatePolicy", &arn, &[])?;
    if c.account.policies.contains_key(&arn) {
        return Err(AwsError::already_exists(
            c.operation,
            "A policy called",
            &name,
        ));
    }
    let doc = parse_doc(c, a.s("policy-document"), PolicyType::Managed)?;
    let p = c
        .account
        .new_policy(&name, &path, doc)
        .with_description(a.opt("description").map(str::to_string));
    let out = json!({ "Policy": policy_json(c.account, &p) });
    c.account.policies.insert(arn, p);
    Ok(out)
}

/// The ARN given with `--{flag}`: `InvalidInput` when it is not an ARN at all, as IAM
/// answers before it looks for the policy.
fn policy_arn(c: &Call, a: &Args, flag: &str) -> Result<String, AwsError> {
    let arn = a.s(flag);
    if rules::is_arn(arn) {
        Ok(arn.to_string())
    } else {
        Err(AwsError::invalid_arn(c.operation, arn))
    }
}

fn policy_ref<'a>(c: &'a mut Call, arn: &str) -> Result<&'a ManagedPolicy, AwsError> {
    let op = c.operation;
    c.account.managed_policy(arn).ok_or_else(|| {
        AwsError::new(
            op,
            "NoSuchEntity",
            format!("Policy {arn} does not exist or is not attachable."),
        )
    })
}

fn get_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = policy_arn(c, a, "policy-arn")?;
    c.allow("iam:GetPolicy", &arn, &[])?;
    let p = policy_ref(c, &arn)?.clone();
    Ok(json!({ "Policy": policy_json(c.account, &p) }))
}

/// `list-policies`: `--scope All|AWS|Local` (AWS managed, customer managed or both),
/// `--only-attached` (attached to a user, group or role, or used as a permissions boundary),
/// `--policy-usage-filter PermissionsPolicy|PermissionsBoundary` (with `--only-attached`: how
/// the policy is used) and `--path-prefix`.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
fn list_policies(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let enum_error = |field: &str, v: &str, set: &str| {
        AwsError::validation(
            c.operation,
            format!(
                "1 validation error detected: Value '{v}' at '{field}' failed to satisfy constraint: Member must satisfy enum value set: [{set}]"
            ),
        )
    };
    let scope = a.opt("scope").unwrap_or("All");
    if !matches!(scope, "All" | "AWS" | "Local") {
        return Err(enum_error("scope", scope, "All, AWS, Local"));
    }
    let usage = a.opt("policy-usage-filter");
    if let Some(u) = usage
        && !matches!(u, "PermissionsPolicy" | "PermissionsBoundary")
    {
        return Err(enum_error(
            "policyUsageFilter",
            u,
            "PermissionsPolicy, PermissionsBoundary",
        ));
    }
    c.allow("iam:ListPolicies", "*", &[])?;
    if scope == "AWS" || scope == "All" {
        for (n, _) in super::managed::bundled() {
            if let Some(arn) = super::managed::arn_of(n) {
                c.account.managed_policy(&arn);
            }
        }
    }
    let only_attached = a.flag("only-attached").unwrap_or(false);
    let prefix = a.opt("path-prefix").unwrap_or("/");
    let acct = &*c.account;
    let list: Vec<Value> = acct
        .policies
        .values()
        .filter(|p| match scope {
            "Local" => !p.aws_managed,
            "AWS" => p.aws_managed,
            _ => true,
        })
        .filter(|p| p.path.starts_with(prefix))
        .filter(|p| {
            let (attached, bounds) = (
                attachment_count(acct, &p.arn) > 0,
                boundary_count(acct, &p.arn) > 0,
            );
            !only_attached
                || match usage {
                    Some("PermissionsPolicy") => attached,
                    Some(_) => bounds,
                    None => attached || bounds,
                }
        })
        .map(|p| policy_json(acct, p))
        .collect();
    Ok(json!({ "Policies": list, "IsTruncated": false }))
}

fn delete_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = policy_arn(c, a, "policy-arn")?;
    c.allow("iam:DeletePolicy", &arn, &[])?;
    let p = policy_ref(c, &arn)?;
    if p.aws_managed {
        return Err(c.err("AccessDenied", "AWS managed policies cannot be deleted."));
    }
    if attachment_count(c.account, &arn) > 0 {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete a policy attached to entities.",
        ));
    }
    if c.account
        .policies
        .get(&arn)
        .is_some_and(|p| p.versions.len() > 1)
    {
        return Err(c.err("DeleteConflict", "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."));
    }
    c.account.policies.remove(&arn);
    Ok(Value::Null)
}

fn version_json(v: &PolicyVersion, default: &str, with_doc: bool) -> Value {
    obj([
        (
            "Document",
            if with_doc {
                doc_value(&v.document)
            } else {
                Value::Null
            },
        ),
        ("VersionId", json!(v.id)),
        ("IsDefaultVersion", json!(v.id == default)),
        ("CreateDate", time(v.created)),
    ])
}

fn create_policy_version(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = policy_arn(c, a, "policy-arn")?;
    c.allow("iam:CreatePolicyVersion", &arn, &[])?;
    let doc = parse_doc(c, a.s("policy-document"), PolicyType::Managed)?;
    let p = policy_ref(c, &arn)?;
    if p.aws_managed {
        return Err(c.err("AccessDenied", "AWS managed policies cannot be changed."));
    }
    if p.versions.len() >= crate::account::rules::VERSIONS_PER_POLICY.default {
        return Err(c.err("LimitExceeded", "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."));
    }
    let now = c.account.now;
    let set_default = a.flag("set-as-default").unwrap_or(false);
    let Some(p) = c.account.policies.get_mut(&arn) else {
        return Err(AwsError::no_such_entity(
            "CreatePolicyVersion",
            "policy",
            &arn,
        ));
    };
    let id = format!("v{}", p.next_version);
    p.next_version += 1;
    let v = PolicyVersion::new(id.clone(), doc, now);
    if set_default {
        p.default_version = id;
    }
    let out = json!({ "PolicyVersion": version_json(&v, &p.default_version, false) });
    p.versions.push(v);
    Ok(out)
}

fn get_policy_version(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (arn, vid) = (
        policy_arn(c, a, "policy-arn")?,
        a.s("version-id").to_string(),
    );
    c.allow("iam:GetPolicyVersion", &arn, &[])?;
    let op = c.operation;
    let p = policy_ref(c, &arn)?;
    let v = p.versions.iter().find(|v| v.id == vid).ok_or_else(|| {
        c_err_nse(
            op,
            &format!("Policy {arn} version {vid} does not exist or is not attachable."),
        )
    })?;
    Ok(json!({ "PolicyVersion": version_json(v, &p.default_version, true) }))
}

fn c_err_nse(op: &str, m: &str) -> AwsError {
    AwsError::new(op, "NoSuchEntity", m)
}

fn list_policy_versions(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = policy_arn(c, a, "policy-arn")?;
    c.allow("iam:ListPolicyVersions", &arn, &[])?;
    let p = policy_ref(c, &arn)?;
    let list: Vec<Value> = p
        .versions
        .iter()
        .rev()
        .map(|v| version_json(v, &p.default_version, false))
        .collect();
    Ok(json!({ "Versions": list }))
}

fn delete_policy_version(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (arn, vid) = (
        policy_arn(c, a, "policy-arn")?,
        a.s("version-id").to_string(),
    );
    c.allow("iam:DeletePolicyVersion", &arn, &[])?;
    let op = c.operation;
    policy_ref(c, &arn)?;
    let Some(p) = c.account.policies.get_mut(&arn) else {
        return Err(c_err_nse(op, &arn));
    };
    if p.default_version == vid {
        return Err(AwsError::new(
            op,
            "DeleteConflict",
            "Cannot delete the default version of a policy.",
        ));
    }
    let before = p.versions.len();
    p.versions.retain(|v| v.id != vid);
    if p.versions.len() == before {
        return Err(c_err_nse(
            op,
            &format!("Policy {arn} version {vid} does not exist."),
        ));
    }
    Ok(Value::Null)
}

fn set_default_policy_version(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (arn, vid) = (
        policy_arn(c, a, "policy-arn")?,
        a.s("version-id").to_string(),
    );
    c.allow("iam:SetDefaultPolicyVersion", &arn, &[])?;
    let op = c.operation;
    policy_ref(c, &arn)?;
    let Some(p) = c.account.policies.get_mut(&arn) else {
        return Err(c_err_nse(op, &arn));
    };
    if !p.versions.iter().any(|v| v.id == vid) {
        return Err(c_err_nse(
            op,
            &format!("Policy {arn} version {vid} does not exist."),
        ));
    }
    p.default_version = vid;
    Ok(Value::Null)
}

fn list_entities_for_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = policy_arn(c, a, "policy-arn")?;
    c.allow("iam:ListEntitiesForPolicy", &arn, &[])?;
    policy_ref(c, &arn)?;
    let acct = &*c.account;
    let held = acct.policy_holders(&arn);
    let users: Vec<Value> = held
        .users
        .iter()
        .filter_map(|n| acct.users.get(n))
        .map(|u| json!({"UserName": u.name, "UserId": u.id}))
        .collect();
    let groups: Vec<Value> = held
        .groups
        .iter()
        .filter_map(|n| acct.groups.get(n))
        .map(|g| json!({"GroupName": g.name, "GroupId": g.id}))
        .collect();
    let roles: Vec<Value> = held
        .roles
        .iter()
        .filter_map(|n| acct.roles.get(n))
        .map(|r| json!({"RoleName": r.name, "RoleId": r.id}))
        .collect();
    Ok(json!({ "PolicyGroups": groups, "PolicyUsers": users, "PolicyRoles": roles }))
}

fn attach(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let arn = policy_arn(c, a, "policy-arn")?;
    let mut extra = boundary_key(c, e, &name);
    extra.push(("iam:PolicyARN", vec![arn.clone()]));
    c.allow(
        &format!("iam:Attach{}Policy", e.cap()),
        &entity_arn(c, e, &name),
        &extra,
    )?;
    policy_ref(c, &arn)?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    if !h.attached.contains(&arn) {
        e.policies_quota()
            .check(h.attached.len() + 1)
            .map_err(|q| {
                AwsError::new(
                    op,
                    "LimitExceeded",
                    format!("{} ({} {name})", q.aws_message(), e.word()),
                )
            })?;
    }
    if !h.attached.contains(&arn) {
        h.attached.push(arn);
    }
    sync(c.account, e, &name);
    Ok(Value::Null)
}

fn detach(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let arn = policy_arn(c, a, "policy-arn")?;
    let mut extra = boundary_key(c, e, &name);
    extra.push(("iam:PolicyARN", vec![arn.clone()]));
    c.allow(
        &format!("iam:Detach{}Policy", e.cap()),
        &entity_arn(c, e, &name),
        &extra,
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    if !h.attached.contains(&arn) {
        return Err(AwsError::new(
            op,
            "NoSuchEntity",
            format!("Policy {arn} was not found."),
        ));
    }
    h.attached.retain(|x| *x != arn);
    sync(c.account, e, &name);
    Ok(Value::Null)
}

fn list_attached(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    c.allow(
        &format!("iam:ListAttached{}Policies", e.cap()),
        &entity_arn(c, e, &name),
        &[],
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    let arns = h.attached.clone();
    let list: Vec<Value> = arns
        .iter()
        .map(|arn| {
            let pname = c
                .account
                .policies
                .get(arn)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| arn.rsplit('/').next().unwrap_or("").to_string());
            json!({"PolicyName": pname, "PolicyArn": arn})
        })
        .collect();
    Ok(json!({ "AttachedPolicies": list }))
}

fn put_inline(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let pname = a.s("policy-name").to_string();
    valid_name(c, "policyName", &pname, NameKind::InlinePolicy)?;
    c.allow(
        &format!("iam:Put{}Policy", e.cap()),
        &entity_arn(c, e, &name),
        &boundary_key(c, e, &name),
    )?;
    let op = c.operation;
    let doc = parse_doc(c, a.s("policy-document"), e.inline_type()).map_err(|err| {
        if err.code == "LimitExceeded" {
            inline_too_large(e, &name, err)
        } else {
            err
        }
    })?;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    let mut texts: Vec<&str> = h
        .inline
        .iter()
        .filter(|(k, _)| **k != pname)
        .map(|(_, d)| d.text.as_str())
        .collect();
    texts.push(&doc.text);
    crate::policy::parse::check_inline_total(e.inline_type(), &texts)
        .map_err(|err| inline_too_large(e, &name, AwsError::refused(op, "LimitExceeded", err)))?;
    h.inline.insert(pname, doc);
    Ok(Value::Null)
}

fn get_inline(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let pname = a.s("policy-name").to_string();
    c.allow(
        &format!("iam:Get{}Policy", e.cap()),
        &entity_arn(c, e, &name),
        &[],
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    let d = h.inline.get(&pname).ok_or_else(|| {
        AwsError::new(
            op,
            "NoSuchEntity",
            format!("The {} policy with name {pname} cannot be found.", e.word()),
        )
    })?;
    let key = format!("{}Name", e.cap());
    let mut m = serde_json::Map::new();
    m.insert(key, json!(name));
    m.insert("PolicyName".into(), json!(pname));
    m.insert("PolicyDocument".into(), doc_value(d));
    Ok(Value::Object(m))
}

fn list_inline(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    c.allow(
        &format!("iam:List{}Policies", e.cap()),
        &entity_arn(c, e, &name),
        &[],
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    let names: Vec<&String> = h.inline.keys().collect();
    Ok(json!({ "PolicyNames": names }))
}

fn delete_inline(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let pname = a.s("policy-name").to_string();
    c.allow(
        &format!("iam:Delete{}Policy", e.cap()),
        &entity_arn(c, e, &name),
        &boundary_key(c, e, &name),
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    if h.inline.remove(&pname).is_none() {
        return Err(AwsError::new(
            op,
            "NoSuchEntity",
            format!("The {} policy with name {pname} cannot be found.", e.word()),
        ));
    }
    Ok(Value::Null)
}

fn put_boundary(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    let arn = policy_arn(c, a, "permissions-boundary")?;
    c.allow(
        &format!("iam:Put{}PermissionsBoundary", e.cap()),
        &entity_arn(c, e, &name),
        &[("iam:PermissionsBoundary", vec![arn.clone()])],
    )?;
    policy_ref(c, &arn)?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    if let Some(b) = h.boundary {
        *b = Some(arn);
    }
    sync(c.account, e, &name);
    Ok(Value::Null)
}

fn delete_boundary(c: &mut Call, a: &Args, e: Ent) -> Result<Value, AwsError> {
    let name = a.s(e.flag()).to_string();
    c.allow(
        &format!("iam:Delete{}PermissionsBoundary", e.cap()),
        &entity_arn(c, e, &name),
        &boundary_key(c, e, &name),
    )?;
    let op = c.operation;
    let h = holdings(c.account, e, &name)
        .ok_or_else(|| AwsError::no_such_entity(op, e.word(), &name))?;
    if let Some(b) = h.boundary {
        *b = None;
    }
    sync(c.account, e, &name);
    Ok(Value::Null)
}

/// Why a password breaks the account password policy (or AWS's default rules without one).
pub fn password_problems(
    policy: Option<&PasswordPolicy>,
    user: &str,
    password: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let upper = password.chars().any(|c| c.is_ascii_uppercase());
    let lower = password.chars().any(|c| c.is_ascii_lowercase());
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let symbol = password.chars().any(|c| c.is_ascii_punctuation());
    match policy {
        Some(p) => {
            if (password.chars().count() as u32) < p.minimum_password_length {
                out.push(format!("at least {} characters", p.minimum_password_length));
            }
            if p.require_uppercase_characters && !upper {
                out.push("an uppercase letter".into());
            }
            if p.require_lowercase_characters && !lower {
                out.push("a lowercase letter".into());
            }
            if p.require_numbers && !digit {
                out.push("a number".into());
            }
            if p.require_symbols && !symbol {
                out.push("a symbol".into());
            }
        }
        None => {
            // AWS's default rules when no custom policy is set.
            if password.chars().count() < 8 {
                out.push("at least 8 characters".into());
            }
            if [upper, lower, digit, symbol].iter().filter(|x| **x).count() < 3 {
                out.push(
                    "at least three of: uppercase letters, lowercase letters, numbers, symbols"
                        .into(),
                );
            }
            if password.eq_ignore_ascii_case(user) {
                out.push("something other than the user name".into());
            }
        }
    }
    out
}

fn create_login_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow(
        "iam:CreateLoginProfile",
        &entity_arn(c, Ent::User, &name),
        &[],
    )?;
    let pw = a.s("password").to_string();
    let problems = password_problems(c.account.password_policy.as_ref(), &name, &pw);
    if !problems.is_empty() {
        return Err(c.err(
            "PasswordPolicyViolation",
            format!(
                "Password does not conform to the account password policy: it needs {}.",
                problems.join(", ")
            ),
        ));
    }
    let now = c.account.now;
    let op = c.operation;
    let u = c
        .account
        .users
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &name))?;
    if u.login_profile.is_some() {
        return Err(AwsError::new(
            op,
            "EntityAlreadyExists",
            format!("Login Profile for user {name} already exists."),
        ));
    }
    let reset = a.flag("password-reset-required").unwrap_or(false);
    u.login_profile = Some(LoginProfile {
        password: pw,
        reset_required: reset,
        created: now,
        last_used: None,
    });
    Ok(
        json!({"LoginProfile": {"UserName": name, "CreateDate": time(now), "PasswordResetRequired": reset}}),
    )
}

fn update_login_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow(
        "iam:UpdateLoginProfile",
        &entity_arn(c, Ent::User, &name),
        &[],
    )?;
    if let Some(pw) = a.opt("password") {
        let problems = password_problems(c.account.password_policy.as_ref(), &name, pw);
        if !problems.is_empty() {
            return Err(c.err(
                "PasswordPolicyViolation",
                format!(
                    "Password does not conform to the account password policy: it needs {}.",
                    problems.join(", ")
                ),
            ));
        }
    }
    let op = c.operation;
    let u = c
        .account
        .users
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &name))?;
    let lp = u.login_profile.as_mut().ok_or_else(|| {
        AwsError::new(
            op,
            "NoSuchEntity",
            format!("Login Profile for User {name} cannot be found."),
        )
    })?;
    if let Some(pw) = a.opt("password") {
        lp.password = pw.to_string();
    }
    if let Some(r) = a.flag("password-reset-required") {
        lp.reset_required = r;
    }
    Ok(Value::Null)
}

fn get_login_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow("iam:GetLoginProfile", &entity_arn(c, Ent::User, &name), &[])?;
    let u = c
        .account
        .users
        .get(&name)
        .ok_or_else(|| no_entity(c, Ent::User, &name))?;
    let lp = u.login_profile.as_ref().ok_or_else(|| {
        c.err(
            "NoSuchEntity",
            format!("Login Profile for User {name} cannot be found."),
        )
    })?;
    Ok(
        json!({"LoginProfile": {"UserName": name, "CreateDate": time(lp.created), "PasswordResetRequired": lp.reset_required}}),
    )
}

fn delete_login_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow(
        "iam:DeleteLoginProfile",
        &entity_arn(c, Ent::User, &name),
        &[],
    )?;
    let op = c.operation;
    let u = c
        .account
        .users
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &name))?;
    if u.login_profile.take().is_none() {
        return Err(AwsError::new(
            op,
            "NoSuchEntity",
            format!("Login Profile for User {name} cannot be found."),
        ));
    }
    Ok(Value::Null)
}

fn key_json(user: &str, k: &AccessKey, secret: bool) -> Value {
    obj([
        ("UserName", json!(user)),
        ("AccessKeyId", json!(k.id)),
        ("Status", json!(k.status.as_str())),
        (
            "SecretAccessKey",
            if secret { json!(k.secret) } else { Value::Null },
        ),
        ("CreateDate", time(k.created)),
    ])
}

fn keys_of<'a>(acct: &'a mut Account, user: &str) -> Option<&'a mut Vec<AccessKey>> {
    if user.is_empty() {
        Some(&mut acct.root.access_keys)
    } else {
        acct.users.get_mut(user).map(|u| &mut u.access_keys)
    }
}

fn user_resource(c: &Call, user: &str) -> String {
    if user.is_empty() {
        format!("arn:aws:iam::{}:root", c.account.id)
    } else {
        entity_arn(c, Ent::User, user)
    }
}

fn create_access_key(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let user = self_or_named(c, a)?;
    c.allow("iam:CreateAccessKey", &user_resource(c, &user), &[])?;
    let k = c.account.new_access_key();
    let op = c.operation;
    let keys =
        keys_of(c.account, &user).ok_or_else(|| AwsError::no_such_entity(op, "user", &user))?;
    rules::ACCESS_KEYS_PER_USER
        .check(keys.len() + 1)
        .map_err(|q| AwsError::new(op, "LimitExceeded", q.aws_message()))?;
    let out = json!({ "AccessKey": key_json(&user, &k, true) });
    keys.push(k);
    c.account.sync_user(&user);
    Ok(out)
}

fn list_access_keys(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let user = self_or_named(c, a)?;
    c.allow("iam:ListAccessKeys", &user_resource(c, &user), &[])?;
    let op = c.operation;
    let keys = keys_of(c.account, &user)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &user))?
        .clone();
    let list: Vec<Value> = keys.iter().map(|k| key_json(&user, k, false)).collect();
    Ok(json!({ "AccessKeyMetadata": list }))
}

fn update_access_key(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let user = self_or_named(c, a)?;
    let id = a.s("access-key-id").to_string();
    let status = match a.s("status") {
        "Active" => KeyStatus::Active,
        "Inactive" => KeyStatus::Inactive,
        other => {
            return Err(AwsError::validation(
                c.operation,
                format!(
                    "1 validation error detected: Value '{other}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]"
                ),
            ));
        }
    };
    c.allow("iam:UpdateAccessKey", &user_resource(c, &user), &[])?;
    let op = c.operation;
    let keys =
        keys_of(c.account, &user).ok_or_else(|| AwsError::no_such_entity(op, "user", &user))?;
    let k = keys.iter_mut().find(|k| k.id == id).ok_or_else(|| {
        AwsError::new(
            op,
            "NoSuchEntity",
            format!("The Access Key with id {id} cannot be found."),
        )
    })?;
    k.status = status;
    Ok(Value::Null)
}

fn delete_access_key(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let user = self_or_named(c, a)?;
    let id = a.s("access-key-id").to_string();
    c.allow("iam:DeleteAccessKey", &user_resource(c, &user), &[])?;
    let op = c.operation;
    let keys =
        keys_of(c.account, &user).ok_or_else(|| AwsError::no_such_entity(op, "user", &user))?;
    let before = keys.len();
    keys.retain(|k| k.id != id);
    if keys.len() == before {
        return Err(AwsError::new(
            op,
            "NoSuchEntity",
            format!("The Access Key with id {id} cannot be found."),
        ));
    }
    c.account.sync_user(&user);
    Ok(Value::Null)
}

fn get_access_key_last_used(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("access-key-id").to_string();
    let owner = c
        .account
        .key_owner(&id)
        .and_then(|u| {
            u.access_keys
                .iter()
                .find(|k| k.id == id)
                .map(|k| (u.name.clone(), k.clone()))
        })
        .or_else(|| {
            c.account
                .root
                .access_keys
                .iter()
                .find(|k| k.id == id)
                .map(|k| (String::new(), k.clone()))
        });
    let Some((user, key)) = owner else {
        return Err(c.err("AccessDenied", format!("User: {} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key {id}", c.account.caller_arn(&c.caller))));
    };
    c.allow("iam:GetAccessKeyLastUsed", &user_resource(c, &user), &[])?;
    let last = match &key.last_used {
        Some(l) => {
            json!({"LastUsedDate": time(l.date), "ServiceName": l.service, "Region": l.region})
        }
        None => json!({"ServiceName": "N/A", "Region": "N/A"}),
    };
    Ok(obj([
        (
            "UserName",
            if user.is_empty() {
                Value::Null
            } else {
                json!(user)
            },
        ),
        ("AccessKeyLastUsed", last),
    ]))
}

/// The choices of the AWS CLI's `--bootstrap-method` for `create-virtual-mfa-device`.
const MFA_BOOTSTRAP: [&str; 2] = ["QRCodePNG", "Base32StringSeed"];

/// `aws iam create-virtual-mfa-device`: as the AWS CLI does, `--outfile` and
/// `--bootstrap-method` are required, the chosen bootstrap field is written to the outfile and
/// both are left out of the printed answer (the CLI's customization `iamvirtmfa`, see
/// https://docs.aws.amazon.com/cli/latest/reference/iam/create-virtual-mfa-device.html). The
/// sandbox's files hold text, so a QR code is written as the `otpauth://` address it encodes.
fn create_virtual_mfa_device(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let method = a.s("bootstrap-method");
    if !MFA_BOOTSTRAP.contains(&method) {
        // argparse's refusal, before anything is sent.
        let e = cli_error::invalid_choice("--bootstrap-method", method, MFA_BOOTSTRAP);
        return Err(AwsError {
            said: Some(Box::new(e.clone().before_call())),
            ..c.err("InvalidChoice", e.message)
        });
    }
    let name = a.s("virtual-mfa-device-name").to_string();
    let serial = format!("arn:aws:iam::{}:mfa/{name}", c.account.id);
    c.allow("iam:CreateVirtualMFADevice", &serial, &[])?;
    // A device lives until `delete-virtual-mfa-device`, assigned or not: a second one of the
    // same name is refused
    // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html).
    if mfa_user(c.account, &serial).is_some() || c.account.unassigned_mfa.contains(&serial) {
        return Err(c.err(
            "EntityAlreadyExists",
            "MFADevice entity at the same path and name already exists.",
        ));
    }
    c.account.unassigned_mfa.insert(serial.clone());
    let seed = mfa_seed(&serial);
    let body = match method {
        "Base32StringSeed" => seed,
        _ => format!(
            "otpauth://totp/Amazon%20Web%20Services:{name}@{}?secret={seed}&issuer=Amazon%20Web%20Services",
            c.account.id
        ),
    };
    c.files.insert(a.s("outfile").to_string(), body);
    Ok(json!({"VirtualMFADevice": {"SerialNumber": serial}}))
}

/// A 64-character Base32 seed for the device `serial`, the same for the same device.
fn mfa_seed(serial: &str) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    serial
        .bytes()
        .cycle()
        .take(64)
        .enumerate()
        .map(|(i, b)| {
            // FNV-1a over the serial, again for every character.
            x = (x ^ u64::from(b) ^ i as u64).wrapping_mul(0x0100_0000_01b3);
            char::from(
                ALPHABET
                    .get(usize::try_from(x >> 59).unwrap_or(0))
                    .copied()
                    .unwrap_or(b'A'),
            )
        })
        .collect()
}

fn enable_mfa_device(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow("iam:EnableMFADevice", &entity_arn(c, Ent::User, &name), &[])?;
    for code in [a.s("authentication-code1"), a.s("authentication-code2")] {
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(c.err(
                "InvalidAuthenticationCode",
                "Authentication code for device is not valid.",
            ));
        }
    }
    let serial = a.s("serial-number").to_string();
    let now = c.account.now;
    let op = c.operation;
    // One MFA device belongs to one user: a device enabled for someone else is in use
    // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html).
    if c.account
        .users
        .values()
        .any(|u| u.name != name && u.mfa.iter().any(|d| d.serial == serial))
    {
        return Err(AwsError::new(
            op,
            "EntityAlreadyExists",
            "MFA Device is already in use.",
        ));
    }
    let u = c
        .account
        .users
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &name))?;
    if u.mfa.iter().any(|d| d.serial == serial) {
        return Err(AwsError::new(
            op,
            "EntityAlreadyExists",
            "MFA Device is already in use.",
        ));
    }
    c.account.unassigned_mfa.remove(&serial);
    u.mfa.push(MfaDevice {
        serial,
        is_virtual: true,
        enabled: Some(now),
    });
    Ok(Value::Null)
}

fn deactivate_mfa_device(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("user-name").to_string();
    c.allow(
        "iam:DeactivateMFADevice",
        &entity_arn(c, Ent::User, &name),
        &[],
    )?;
    let serial = a.s("serial-number").to_string();
    let op = c.operation;
    let u = c
        .account
        .users
        .get_mut(&name)
        .ok_or_else(|| AwsError::no_such_entity(op, "user", &name))?;
    let Some(at) = u.mfa.iter().position(|d| d.serial == serial) else {
        return Err(AwsError::new(
            op,
            "NoSuchEntity",
            format!("MFA Device with serial number {serial} does not exist."),
        ));
    };
    let device = u.mfa.remove(at);
    // A virtual device is only unassigned: it stays in the account, for another user or
    // `delete-virtual-mfa-device`
    // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html).
    if device.is_virtual {
        c.account.unassigned_mfa.insert(device.serial);
    }
    Ok(Value::Null)
}

fn list_mfa_devices(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let user = self_or_named(c, a)?;
    c.allow("iam:ListMFADevices", &user_resource(c, &user), &[])?;
    if user.is_empty() {
        return Ok(json!({"MFADevices": []}));
    }
    let u = c
        .account
        .users
        .get(&user)
        .ok_or_else(|| no_entity(c, Ent::User, &user))?;
    let list: Vec<Value> = u
        .mfa
        .iter()
        .map(|d| {
            obj([
                ("UserName", json!(user)),
                ("SerialNumber", json!(d.serial)),
                ("EnableDate", d.enabled.map(time).unwrap_or(Value::Null)),
            ])
        })
        .collect();
    Ok(json!({ "MFADevices": list }))
}

/// The user a device is assigned to, if any.
fn mfa_user<'a>(acct: &'a Account, serial: &str) -> Option<&'a User> {
    acct.users
        .values()
        .find(|u| u.mfa.iter().any(|d| d.serial == serial))
}

/// `aws iam list-virtual-mfa-devices`: the account's virtual MFA devices, those assigned to
/// a user with the user and the date it was enabled, filtered by `--assignment-status`
/// (`Any` when left out), ordered by serial number (AWS documents no order)
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html). The
/// root user's device is not listed: the sandbox does not model which kind it is, and the
/// audit counts it as a hardware device.
fn list_virtual_mfa_devices(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:ListVirtualMFADevices", "*", &[])?;
    let status = a.opt("assignment-status").unwrap_or("Any");
    let mut devices: BTreeMap<&str, Value> = BTreeMap::new();
    if status != "Unassigned" {
        for u in c.account.users.values() {
            for d in u.mfa.iter().filter(|d| d.is_virtual) {
                devices.insert(
                    &d.serial,
                    obj([
                        ("SerialNumber", json!(d.serial)),
                        ("User", user_json(u)),
                        ("EnableDate", d.enabled.map(time).unwrap_or(Value::Null)),
                    ]),
                );
            }
        }
    }
    if status != "Assigned" {
        for serial in &c.account.unassigned_mfa {
            devices.insert(serial, json!({ "SerialNumber": serial }));
        }
    }
    let list: Vec<Value> = devices.into_values().collect();
    Ok(json!({ "VirtualMFADevices": list, "IsTruncated": false }))
}

/// `aws iam delete-virtual-mfa-device`: a device still assigned to a user must be deactivated
/// first (`DeleteConflict`)
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html).
/// `DeleteVirtualMFADevice`: a device still assigned to a user is `DeleteConflict` (409), one
/// that is not there `NoSuchEntity` (404), the codes and statuses the API reference gives
/// (<https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html>). That
/// page, the IAM error-code pages and the SDK and CLI references searched (2026-12-04) give no
/// message text for either ("The error message describes these entities"), so the two texts
/// here are the sandbox's own, not checked against AWS.
fn delete_virtual_mfa_device(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let serial = a.s("serial-number").to_string();
    c.allow("iam:DeleteVirtualMFADevice", &serial, &[])?;
    if mfa_user(c.account, &serial).is_some() {
        return Err(c.err("DeleteConflict", "MFA device is still in use."));
    }
    if !c.account.unassigned_mfa.remove(&serial) {
        return Err(c.err(
            "NoSuchEntity",
            format!("VirtualMFADevice with serial number {serial} doesn't exist."),
        ));
    }
    Ok(Value::Null)
}

fn get_password_policy(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GetAccountPasswordPolicy", "*", &[])?;
    let p = c.account.password_policy.clone().ok_or_else(|| {
        c.err(
            "NoSuchEntity",
            format!(
                "The Password Policy with domain name {} cannot be found.",
                c.account.id
            ),
        )
    })?;
    let mut v = serde_json::to_value(&p).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(
            "ExpirePasswords".into(),
            json!(p.max_password_age.is_some()),
        );
    }
    Ok(json!({ "PasswordPolicy": v }))
}

fn update_password_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:UpdateAccountPasswordPolicy", "*", &[])?;
    let min = a.int("minimum-password-length").unwrap_or(8);
    if !(6..=128).contains(&min) {
        return Err(AwsError::validation(
            c.operation,
            "1 validation error detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value between 6 and 128",
        ));
    }
    // Like AWS, parameters left out fall back to their defaults rather than keeping old values.
    let p = PasswordPolicy {
        minimum_password_length: min as u32,
        require_symbols: a.flag("require-symbols").unwrap_or(false),
        require_numbers: a.flag("require-numbers").unwrap_or(false),
        require_uppercase_characters: a.flag("require-uppercase-characters").unwrap_or(false),
        require_lowercase_characters: a.flag("require-lowercase-characters").unwrap_or(false),
        allow_users_to_change_password: a.flag("allow-users-to-change-password").unwrap_or(false),
        max_password_age: a
            .int("max-password-age")
            .filter(|d| *d > 0)
            .map(|d| d as u32),
        password_reuse_prevention: a
            .int("password-reuse-prevention")
            .filter(|d| *d > 0)
            .map(|d| d as u32),
        hard_expiry: a.flag("hard-expiry").unwrap_or(false),
        expire_passwords: None,
    };
    c.account.password_policy = Some(p);
    Ok(Value::Null)
}

fn delete_password_policy(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:DeleteAccountPasswordPolicy", "*", &[])?;
    if c.account.password_policy.take().is_none() {
        return Err(c.err(
            "NoSuchEntity",
            "The account policy with name PasswordPolicy cannot be found.".to_string(),
        ));
    }
    Ok(Value::Null)
}

/// How long AWS keeps serving a generated credential report before a new call starts another.
const CREDENTIAL_REPORT_VALID_SECONDS: i64 = 4 * 60 * 60;

/// Like AWS: the first call starts a report (`STARTED`, with AWS's description); a call while a
/// report younger than four hours exists answers `COMPLETE`. The sandbox builds the report at
/// once, so it is never `INPROGRESS`.
fn generate_credential_report(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GenerateCredentialReport", "*", &[])?;
    let now = c.account.now;
    let fresh = c.account.credential_report_generated.is_some_and(|t| {
        now.as_second().saturating_sub(t.as_second()) < CREDENTIAL_REPORT_VALID_SECONDS
    });
    if fresh {
        return Ok(json!({"State": "COMPLETE"}));
    }
    c.account.credential_report_generated = Some(now);
    Ok(
        json!({"State": "STARTED", "Description": "No report exists. Starting a new report generation task"}),
    )
}

fn get_credential_report(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GetCredentialReport", "*", &[])?;
    // Before any GenerateCredentialReport there is no report: IAM refuses with
    // ReportNotPresent (HTTP 410, https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html),
    // whose message is the bare "Unknown" (as seen in
    // https://github.com/prowler-cloud/prowler/issues/272).
    let Some(generated) = c.account.credential_report_generated else {
        return Err(c.err("ReportNotPresent", "Unknown"));
    };
    let csv = super::credential_report(c.account);
    let content = base64::engine::general_purpose::STANDARD.encode(csv.as_bytes());
    Ok(json!({"Content": content, "ReportFormat": "text/csv", "GeneratedTime": time(generated)}))
}

fn simulate_principal_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let source = a.s("policy-source-arn").to_string();
    c.allow("iam:SimulatePrincipalPolicy", &source, &[])?;
    let identity = if let Some(n) = source.split(":user/").nth(1) {
        let n = n.rsplit('/').next().unwrap_or(n).to_string();
        if !c.account.users.contains_key(&n) {
            return Err(no_entity(c, Ent::User, &n));
        }
        super::authz::Identity::User(n)
    } else if let Some(n) = source.split(":role/").nth(1) {
        let n = n.rsplit('/').next().unwrap_or(n).to_string();
        if !c.account.roles.contains_key(&n) {
            return Err(no_entity(c, Ent::Role, &n));
        }
        super::authz::Identity::Role {
            role: n,
            session: "simulation".into(),
        }
    } else {
        return Err(AwsError::validation(
            c.operation,
            format!("`{source}` is not the ARN of a user or role in this account"),
        ));
    };
    let caller = super::authz::Caller {
        identity,
        access_key_id: None,
        session_key: None,
        mfa: None,
        token_issued: None,
        source_ip: c.caller.source_ip.clone(),
        region: c.caller.region.clone(),
    };
    let set = c.account.policy_set(&caller);
    let entries = a
        .list("context-entries")
        .iter()
        .map(|t| serde_json::from_str::<crate::eval::simulate::ContextEntry>(t))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            AwsError::validation(
                c.operation,
                format!("cannot read --context-entries as JSON: {e}"),
            )
        })?;
    let ctx = crate::eval::simulate::context_from_entries(&entries)
        .map_err(|e| AwsError::validation(c.operation, e.to_string()))?;
    let resources: Vec<String> = if a.list("resource-arns").is_empty() {
        vec!["*".into()]
    } else {
        a.list("resource-arns").to_vec()
    };
    let principal = c.account.principal(&caller);
    let mut results = Vec::new();
    for action in a.list("action-names") {
        for r in &resources {
            let req = crate::eval::Request::new(principal.clone(), action, r, ctx.clone());
            let d = crate::eval::evaluate(&req, &set);
            let matched: Vec<Value> = d
                .matched
                .iter()
                .map(|m| json!({"SourcePolicyId": m.policy_id, "SourcePolicyType": m.source, "StartPosition": {"Line": m.start.line, "Column": m.start.column}, "EndPosition": {"Line": m.end.line, "Column": m.end.column}}))
                .collect();
            results.push(obj([
                ("EvalActionName", json!(action)),
                ("EvalResourceName", json!(r)),
                ("EvalDecision", json!(d.outcome.as_str())),
                ("MatchedStatements", json!(matched)),
                ("MissingContextValues", json!(d.missing_context)),
                (
                    "PermissionsBoundaryDecisionDetail",
                    d.allowed_by_boundary
                        .map(|b| json!({"AllowedByPermissionsBoundary": b}))
                        .unwrap_or(Value::Null),
                ),
            ]));
        }
    }
    Ok(json!({"EvaluationResults": results, "IsTruncated": false}))
}

fn profile_json(acct: &Account, p: &InstanceProfile) -> Value {
    let roles: Vec<Value> = p
        .roles
        .iter()
        .filter_map(|r| acct.roles.get(r))
        .map(role_json)
        .collect();
    obj([
        ("Path", json!(p.path)),
        ("InstanceProfileName", json!(p.name)),
        ("InstanceProfileId", json!(p.id)),
        ("Arn", json!(p.arn)),
        ("CreateDate", time(p.created)),
        ("Roles", json!(roles)),
    ])
}

fn create_instance_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("instance-profile-name").to_string();
    valid_name(c, "instanceProfileName", &name, NameKind::InstanceProfile)?;
    let path = path_of(c, a)?;
    let arn = c.account.iam_arn("instance-profile", &path, &name);
    c.allow("iam:CreateInstanceProfile", &arn, &[])?;
    if c.account.instance_profiles.contains_key(&name) {
        return Err(AwsError::already_exists(
            c.operation,
            "Instance Profile",
            &name,
        ));
    }
    let p = InstanceProfile {
        name: name.clone(),
        path,
        id: c.account.new_id("AIPA", 17),
        arn,
        created: c.account.now,
        roles: Vec::new(),
    };
    let out = json!({ "InstanceProfile": profile_json(c.account, &p) });
    c.account.instance_profiles.insert(name.clone(), p);
    c.account.sync_instance_profile(&name);
    Ok(out)
}

fn add_role_to_instance_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (name, role) = (
        a.s("instance-profile-name").to_string(),
        a.s("role-name").to_string(),
    );
    let arn = c
        .account
        .instance_profiles
        .get(&name)
        .map(|p| p.arn.clone())
        .unwrap_or_else(|| c.account.iam_arn("instance-profile", "/", &name));
    c.allow("iam:AddRoleToInstanceProfile", &arn, &[])?;
    if !c.account.roles.contains_key(&role) {
        return Err(no_entity(c, Ent::Role, &role));
    }
    let op = c.operation;
    let p = c
        .account
        .instance_profiles
        .get_mut(&name)
        .ok_or_else(|| no_instance_profile(op, &name))?;
    rules::ROLES_PER_INSTANCE_PROFILE
        .check(p.roles.len() + 1)
        .map_err(|q| AwsError::new(op, "LimitExceeded", q.aws_message()))?;
    p.roles.push(role);
    c.account.sync_instance_profile(&name);
    Ok(Value::Null)
}

fn list_instance_profiles(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow(
        "iam:ListInstanceProfiles",
        &c.account.iam_arn("instance-profile", "/", ""),
        &[],
    )?;
    let prefix = a.opt("path-prefix").unwrap_or("/");
    let list: Vec<Value> = c
        .account
        .instance_profiles
        .values()
        .filter(|p| p.path.starts_with(prefix))
        .map(|p| profile_json(c.account, p))
        .collect();
    Ok(json!({ "InstanceProfiles": list, "IsTruncated": false }))
}

/// IAM's `NoSuchEntity` for an instance profile: "Instance Profile NAME cannot be found."
fn no_instance_profile(op: &str, name: &str) -> AwsError {
    AwsError::new(
        op,
        "NoSuchEntity",
        format!("Instance Profile {name} cannot be found."),
    )
}

/// The ARN of instance profile `name` (as it would be on the root path when there is none).
fn profile_arn(c: &Call, name: &str) -> String {
    c.account
        .instance_profiles
        .get(name)
        .map(|p| p.arn.clone())
        .unwrap_or_else(|| c.account.iam_arn("instance-profile", "/", name))
}

fn get_instance_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("instance-profile-name").to_string();
    c.allow("iam:GetInstanceProfile", &profile_arn(c, &name), &[])?;
    let p = c
        .account
        .instance_profiles
        .get(&name)
        .ok_or_else(|| no_instance_profile(c.operation, &name))?;
    Ok(json!({ "InstanceProfile": profile_json(c.account, p) }))
}

fn list_instance_profiles_for_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let role = a.s("role-name").to_string();
    c.allow(
        "iam:ListInstanceProfilesForRole",
        &entity_arn(c, Ent::Role, &role),
        &[],
    )?;
    if !c.account.roles.contains_key(&role) {
        return Err(no_entity(c, Ent::Role, &role));
    }
    let list: Vec<Value> = c
        .account
        .role_instance_profiles(&role)
        .iter()
        .filter_map(|n| c.account.instance_profiles.get(n))
        .map(|p| profile_json(c.account, p))
        .collect();
    Ok(json!({ "InstanceProfiles": list, "IsTruncated": false }))
}

fn remove_role_from_instance_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (name, role) = (
        a.s("instance-profile-name").to_string(),
        a.s("role-name").to_string(),
    );
    c.allow(
        "iam:RemoveRoleFromInstanceProfile",
        &profile_arn(c, &name),
        &[],
    )?;
    let op = c.operation;
    let p = c
        .account
        .instance_profiles
        .get_mut(&name)
        .ok_or_else(|| no_instance_profile(op, &name))?;
    if !p.roles.contains(&role) {
        return Err(AwsError::no_such_entity(op, "role", &role));
    }
    p.roles.retain(|r| *r != role);
    c.account.sync_instance_profile(&name);
    Ok(Value::Null)
}

fn delete_instance_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("instance-profile-name").to_string();
    c.allow("iam:DeleteInstanceProfile", &profile_arn(c, &name), &[])?;
    let p = c
        .account
        .instance_profiles
        .get(&name)
        .ok_or_else(|| no_instance_profile(c.operation, &name))?;
    if !p.roles.is_empty() {
        return Err(c.err(
            "DeleteConflict",
            "Cannot delete entity, must remove roles from instance profile first.",
        ));
    }
    c.account.instance_profiles.remove(&name);
    c.account.sync_instance_profile(&name);
    Ok(Value::Null)
}

/// `get-account-summary`: IAM's `SummaryMap`, every key AWS returns, counted from the account
/// (the usage) or IAM's default quotas (the `…Quota` and `…SizeQuota` keys).
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
fn get_account_summary(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GetAccountSummary", "*", &[])?;
    let acct = &*c.account;
    let customer_policies = acct.policies.values().filter(|p| !p.aws_managed).count();
    let attached = acct
        .policies
        .values()
        .filter(|p| acct.attachment_count(&p.arn) > 0)
        .count();
    let mfa_devices: usize = acct.users.values().map(|u| u.mfa.len()).sum::<usize>()
        + usize::from(acct.root.mfa_enabled);
    let mfa_in_use: usize = acct
        .users
        .values()
        .map(|u| u.mfa.iter().filter(|d| d.enabled.is_some()).count())
        .sum::<usize>()
        + usize::from(acct.root.mfa_enabled);
    let keys_per_user = rules::ACCESS_KEYS_PER_USER.default;
    let map = json!({
        "GroupPolicySizeQuota": 5120,
        "InstanceProfilesQuota": 1000,
        "Policies": customer_policies,
        "GroupsPerUserQuota": rules::GROUPS_PER_USER.default,
        "InstanceProfiles": acct.instance_profiles.len(),
        "AttachedPoliciesPerUserQuota": rules::POLICIES_PER_USER.default,
        "Users": acct.users.len(),
        "PoliciesQuota": 1500,
        "Providers": 0,
        "AccountMFAEnabled": u8::from(acct.root.mfa_enabled),
        "AccessKeysPerUserQuota": keys_per_user,
        "AssumeRolePolicySizeQuota": 2048,
        "PolicyVersionsInUseQuota": 10000,
        "GlobalEndpointTokenVersion": 1,
        "VersionsPerPolicyQuota": 5,
        "AttachedPoliciesPerGroupQuota": rules::POLICIES_PER_GROUP.default,
        "PolicySizeQuota": 6144,
        "Groups": acct.groups.len(),
        "AccountSigningCertificatesPresent": 0,
        "UsersQuota": 5000,
        "ServerCertificatesQuota": 20,
        "MFADevices": mfa_devices,
        "UserPolicySizeQuota": 2048,
        "PolicyVersionsInUse": attached,
        "ServerCertificates": 0,
        "Roles": acct.roles.len(),
        "RolesQuota": 1000,
        "SigningCertificatesPerUserQuota": 2,
        "MFADevicesInUse": mfa_in_use,
        "RolePolicySizeQuota": 10240,
        "AttachedPoliciesPerRoleQuota": rules::POLICIES_PER_ROLE.default,
        "AccountAccessKeysPresent": u8::from(!acct.root.access_keys.is_empty()),
        "AccountPasswordPresent": 1,
        "GroupsQuota": 300,
    });
    Ok(json!({ "SummaryMap": map }))
}
