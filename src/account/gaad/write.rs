//! An [`Account`] → GAAD: the shapes of `shape.rs` filled from the model, documents as JSON
//! objects (as the AWS CLI prints them), AWS managed policies only while something uses them
//! (as AWS lists them).

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::shape::{
    AttachedPolicy, AuthorizationDetails, GroupDetail, InstanceProfileDetail, ManagedPolicyDetail,
    PermissionsBoundary, PolicyDetail, PolicyVersionDetail, ProfileRole, RoleDetail, RoleLastUsed,
    Time, UserDetail,
};
use crate::account::{Account, Document, InstanceProfile, ManagedPolicy, Role};

/// Which entity types `get-account-authorization-details --filter` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    /// `User`.
    pub users: bool,
    /// `Group`.
    pub groups: bool,
    /// `Role`.
    pub roles: bool,
    /// `LocalManagedPolicy`: customer managed policies.
    pub local_policies: bool,
    /// `AWSManagedPolicy`: AWS managed policies in use.
    pub aws_policies: bool,
}

/// The values `--filter` takes, in AWS's order.
pub const FILTER_VALUES: [&str; 5] = [
    "User",
    "Role",
    "Group",
    "LocalManagedPolicy",
    "AWSManagedPolicy",
];

impl Filter {
    /// Everything: what AWS returns without `--filter`.
    pub const ALL: Filter = Filter {
        users: true,
        groups: true,
        roles: true,
        local_policies: true,
        aws_policies: true,
    };

    /// Reads `--filter` values; none means everything. The error is the first unknown value.
    pub fn parse(values: &[String]) -> Result<Filter, String> {
        if values.is_empty() {
            return Ok(Filter::ALL);
        }
        let mut f = Filter {
            users: false,
            groups: false,
            roles: false,
            local_policies: false,
            aws_policies: false,
        };
        for v in values {
            match v.as_str() {
                "User" => f.users = true,
                "Role" => f.roles = true,
                "Group" => f.groups = true,
                "LocalManagedPolicy" => f.local_policies = true,
                "AWSManagedPolicy" => f.aws_policies = true,
                _ => return Err(v.clone()),
            }
        }
        Ok(f)
    }
}

/// A stored document as a JSON value (its text, when it somehow is not JSON).
fn doc_value(d: &Document) -> Value {
    serde_json::from_str(&d.text).unwrap_or_else(|_| Value::String(d.text.clone()))
}

fn inline_list(inline: &BTreeMap<String, Document>) -> Vec<PolicyDetail<Value>> {
    inline
        .iter()
        .map(|(name, d)| PolicyDetail {
            policy_name: name.clone(),
            policy_document: doc_value(d),
        })
        .collect()
}

fn attached_list(a: &Account, arns: &[String]) -> Vec<AttachedPolicy> {
    arns.iter()
        .map(|arn| AttachedPolicy {
            policy_name: Some(
                a.policies
                    .get(arn)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| arn.rsplit('/').next().unwrap_or(arn).to_string()),
            ),
            policy_arn: arn.clone(),
        })
        .collect()
}

fn boundary(arn: Option<&String>) -> Option<PermissionsBoundary> {
    arn.map(|arn| PermissionsBoundary {
        permissions_boundary_type: Some("PermissionsBoundaryPolicy".into()),
        permissions_boundary_arn: arn.clone(),
    })
}

fn profile_role(r: &Role) -> ProfileRole<Value> {
    ProfileRole {
        path: Some(r.path.clone()),
        role_name: r.name.clone(),
        role_id: Some(r.id.clone()),
        arn: Some(r.arn.clone()),
        create_date: Some(Time(r.created)),
        assume_role_policy_document: Some(doc_value(&r.trust)),
    }
}

fn profile(a: &Account, p: &InstanceProfile) -> InstanceProfileDetail<Value> {
    InstanceProfileDetail {
        path: Some(p.path.clone()),
        instance_profile_name: p.name.clone(),
        instance_profile_id: Some(p.id.clone()),
        arn: Some(p.arn.clone()),
        create_date: Some(Time(p.created)),
        roles: p
            .roles
            .iter()
            .filter_map(|r| a.roles.get(r))
            .map(profile_role)
            .collect(),
    }
}

fn policy(p: &ManagedPolicy, attachments: u32, boundaries: u32) -> ManagedPolicyDetail<Value> {
    let updated = p
        .versions
        .iter()
        .map(|v| v.created)
        .max()
        .unwrap_or(p.created);
    ManagedPolicyDetail {
        policy_name: p.name.clone(),
        policy_id: Some(p.id.clone()),
        arn: p.arn.clone(),
        path: Some(p.path.clone()),
        default_version_id: Some(p.default_version.clone()),
        attachment_count: Some(attachments),
        permissions_boundary_usage_count: Some(boundaries),
        is_attachable: Some(true),
        description: p.description.clone(),
        create_date: Some(Time(p.created)),
        update_date: Some(Time(updated)),
        // Newest first, as `list-policy-versions` shows them.
        policy_version_list: p
            .versions
            .iter()
            .rev()
            .map(|v| PolicyVersionDetail {
                document: doc_value(&v.document),
                version_id: v.id.clone(),
                is_default_version: v.id == p.default_version,
                create_date: Some(Time(v.created)),
            })
            .collect(),
    }
}

/// The account's authorization details, as `GetAccountAuthorizationDetails` returns them.
pub fn authorization_details(a: &Account, filter: Filter) -> AuthorizationDetails<Value> {
    // (attachments, boundary uses) per policy ARN, counted once for every policy.
    let mut uses: HashMap<&str, (u32, u32)> = HashMap::new();
    let attached = a
        .users
        .values()
        .flat_map(|u| u.attached.iter())
        .chain(a.groups.values().flat_map(|g| g.attached.iter()))
        .chain(a.roles.values().flat_map(|r| r.attached.iter()));
    for arn in attached {
        uses.entry(arn).or_default().0 += 1;
    }
    let bounds = a
        .users
        .values()
        .filter_map(|u| u.boundary.as_ref())
        .chain(a.roles.values().filter_map(|r| r.boundary.as_ref()));
    for arn in bounds {
        uses.entry(arn).or_default().1 += 1;
    }
    let mut profiles_of: HashMap<&str, Vec<&InstanceProfile>> = HashMap::new();
    for p in a.instance_profiles.values() {
        for r in &p.roles {
            profiles_of.entry(r).or_default().push(p);
        }
    }

    let users = a
        .users
        .values()
        .filter(|_| filter.users)
        .map(|u| UserDetail {
            path: Some(u.path.clone()),
            user_name: u.name.clone(),
            user_id: Some(u.id.clone()),
            arn: u.arn.clone(),
            create_date: Some(Time(u.created)),
            user_policy_list: inline_list(&u.inline),
            group_list: u.groups.clone(),
            attached_managed_policies: attached_list(a, &u.attached),
            permissions_boundary: boundary(u.boundary.as_ref()),
            tags: u.tags.clone(),
        })
        .collect();
    let groups = a
        .groups
        .values()
        .filter(|_| filter.groups)
        .map(|g| GroupDetail {
            path: Some(g.path.clone()),
            group_name: g.name.clone(),
            group_id: Some(g.id.clone()),
            arn: g.arn.clone(),
            create_date: Some(Time(g.created)),
            group_policy_list: inline_list(&g.inline),
            attached_managed_policies: attached_list(a, &g.attached),
        })
        .collect();
    let roles = a
        .roles
        .values()
        .filter(|_| filter.roles)
        .map(|r| RoleDetail {
            path: Some(r.path.clone()),
            role_name: r.name.clone(),
            role_id: Some(r.id.clone()),
            arn: r.arn.clone(),
            create_date: Some(Time(r.created)),
            assume_role_policy_document: doc_value(&r.trust),
            // AWS's `RoleDetail` has no description (iamdojo still reads one from its older
            // exports). It has no MaxSessionDuration either, but a duration other than the
            // default is kept so that an export imports again unchanged.
            description: None,
            max_session_duration: (r.max_session_duration != 3600)
                .then_some(r.max_session_duration),
            instance_profile_list: profiles_of
                .get(r.name.as_str())
                .map(|ps| ps.iter().map(|p| profile(a, p)).collect())
                .unwrap_or_default(),
            role_policy_list: inline_list(&r.inline),
            attached_managed_policies: attached_list(a, &r.attached),
            permissions_boundary: boundary(r.boundary.as_ref()),
            tags: r.tags.clone(),
            role_last_used: Some(RoleLastUsed {
                last_used_date: r.last_used.as_ref().map(|l| Time(l.date)),
                region: r
                    .last_used
                    .as_ref()
                    .map(|l| l.region.clone())
                    .filter(|r| !r.is_empty()),
            }),
        })
        .collect();
    let policies = a
        .policies
        .values()
        .filter_map(|p| {
            let (n, b) = uses.get(p.arn.as_str()).copied().unwrap_or_default();
            let wanted = if p.aws_managed {
                filter.aws_policies && n + b > 0
            } else {
                filter.local_policies
            };
            wanted.then(|| policy(p, n, b))
        })
        .collect();
    AuthorizationDetails {
        user_detail_list: users,
        group_detail_list: groups,
        role_detail_list: roles,
        policies,
        is_truncated: false,
        marker: None,
    }
}
