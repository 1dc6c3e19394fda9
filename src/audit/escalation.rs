//! Who is an administrator, and who can become one: the privilege-escalation graph. Every
//! edge is a decision of the evaluator on the simulated account (so boundaries, denies and
//! conditions count), and each path is reported step by step.
//!
//! The methods follow the public catalogue of AWS privilege-escalation techniques
//! (<https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>):
//! rewriting or attaching one's own policies, joining an administrators' group, creating
//! credentials for an administrator, assuming or re-trusting an administrator role, and passing
//! an administrator role to a new EC2 instance.

use std::collections::{BTreeMap, VecDeque};

use crate::account::Account;
use crate::account::authz::{Caller, Identity};

/// One escalation path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The starting principal's ARN.
    pub from: String,
    /// The administrator reached.
    pub to: String,
    /// The first permission used (what to take away).
    pub permission: String,
    /// Each step, in words.
    pub steps: Vec<String>,
}

/// A sample of powerful actions across services; allowed on `*`, they mean administrator.
const ADMIN_PROBES: &[&str] = &[
    "iam:CreateUser",
    "iam:AttachRolePolicy",
    "ec2:RunInstances",
    "s3:DeleteBucket",
    "kms:ScheduleKeyDeletion",
    "organizations:LeaveOrganization",
];

fn caller(identity: Identity) -> Caller {
    Caller {
        identity,
        access_key_id: None,
        session_key: None,
        mfa: Some(true),
        token_issued: None,
        source_ip: "203.0.113.10".into(),
        region: "us-east-1".into(),
    }
}

/// Every principal of the account: (ARN, caller).
fn principals(a: &Account) -> Vec<(String, Caller)> {
    let mut v: Vec<(String, Caller)> = a
        .users
        .values()
        .map(|u| (u.arn.clone(), caller(Identity::User(u.name.clone()))))
        .collect();
    v.extend(a.roles.values().map(|r| {
        (
            r.arn.clone(),
            caller(Identity::Role {
                role: r.name.clone(),
                session: "audit".into(),
            }),
        )
    }));
    v
}

fn allowed(
    a: &Account,
    c: &Caller,
    action: &str,
    resource: &str,
    extra: &[(&str, Vec<String>)],
) -> bool {
    a.decide(c, action, resource, extra, None).2.is_allowed()
}

fn is_admin(a: &Account, c: &Caller) -> bool {
    ADMIN_PROBES.iter().all(|act| allowed(a, c, act, "*", &[]))
}

/// The ARNs of every full administrator (users and roles).
pub fn admins(a: &Account) -> Vec<String> {
    principals(a)
        .into_iter()
        .filter(|(_, c)| is_admin(a, c))
        .map(|(arn, _)| arn)
        .collect()
}

fn short(arn: &str) -> &str {
    arn.rsplit(['/', ':']).next().unwrap_or(arn)
}

/// Can `c` assume role `r` (trust and identity side)?
fn can_assume(a: &Account, c: &Caller, role: &crate::account::Role) -> bool {
    let (_, _, d) = a.decide(c, "sts:AssumeRole", &role.arn, &[], Some(&role.trust));
    d.is_allowed() && d.allowed_by_resource == Some(true)
}

fn trusts_service(role: &crate::account::Role, service: &str) -> bool {
    role.trust.policy.statements.iter().any(|s| {
        s.principal
            .as_ref()
            .is_some_and(|p| p.entries.iter().any(|(_, v)| v.value == service))
    })
}

/// Direct edges from one principal: (target ARN, permission, step text).
fn edges(
    a: &Account,
    arn: &str,
    c: &Caller,
    admin_set: &[String],
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let admin_policy = "arn:aws:iam::aws:policy/AdministratorAccess".to_string();
    let me = short(arn).to_string();
    // Changing one's own permissions.
    match &c.identity {
        Identity::User(u) => {
            if allowed(
                a,
                c,
                "iam:AttachUserPolicy",
                arn,
                &[("iam:PolicyARN", vec![admin_policy.clone()])],
            ) {
                out.push((
                    "self".into(),
                    "iam:AttachUserPolicy".into(),
                    format!("{me} attaches AdministratorAccess to itself (iam:AttachUserPolicy)"),
                ));
            }
            if allowed(a, c, "iam:PutUserPolicy", arn, &[]) {
                out.push((
                    "self".into(),
                    "iam:PutUserPolicy".into(),
                    format!("{me} writes itself an inline admin policy (iam:PutUserPolicy)"),
                ));
            }
            if let Some(user) = a.users.get(u) {
                for g in &user.groups {
                    if let Some(group) = a.groups.get(g) {
                        if allowed(
                            a,
                            c,
                            "iam:AttachGroupPolicy",
                            &group.arn,
                            &[("iam:PolicyARN", vec![admin_policy.clone()])],
                        ) {
                            out.push(("self".into(), "iam:AttachGroupPolicy".into(), format!("{me} attaches AdministratorAccess to its group {g} (iam:AttachGroupPolicy)")));
                        }
                        if allowed(a, c, "iam:PutGroupPolicy", &group.arn, &[]) {
                            out.push(("self".into(), "iam:PutGroupPolicy".into(), format!("{me} writes an admin policy into its group {g} (iam:PutGroupPolicy)")));
                        }
                    }
                }
                for pol in &user.attached {
                    if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                        && allowed(a, c, "iam:CreatePolicyVersion", pol, &[])
                    {
                        out.push(("self".into(), "iam:CreatePolicyVersion".into(), format!("{me} rewrites its own policy {} with a new default version (iam:CreatePolicyVersion)", short(pol))));
                    }
                }
                // Joining a group of administrators.
                for g in a.groups.values() {
                    let admin_group = g.attached.iter().any(|p| p == &admin_policy);
                    if admin_group
                        && !user.groups.contains(&g.name)
                        && allowed(a, c, "iam:AddUserToGroup", &g.arn, &[])
                    {
                        out.push(("self".into(), "iam:AddUserToGroup".into(), format!("{me} adds itself to the administrators' group {} (iam:AddUserToGroup)", g.name)));
                    }
                }
            }
        }
        Identity::Role { role, .. } => {
            if allowed(
                a,
                c,
                "iam:AttachRolePolicy",
                arn,
                &[("iam:PolicyARN", vec![admin_policy.clone()])],
            ) {
                out.push((
                    "self".into(),
                    "iam:AttachRolePolicy".into(),
                    format!("{me} attaches AdministratorAccess to itself (iam:AttachRolePolicy)"),
                ));
            }
            if allowed(a, c, "iam:PutRolePolicy", arn, &[]) {
                out.push((
                    "self".into(),
                    "iam:PutRolePolicy".into(),
                    format!("{me} writes itself an inline admin policy (iam:PutRolePolicy)"),
                ));
            }
            if let Some(r) = a.roles.get(role) {
                for pol in &r.attached {
                    if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                        && allowed(a, c, "iam:CreatePolicyVersion", pol, &[])
                    {
                        out.push((
                            "self".into(),
                            "iam:CreatePolicyVersion".into(),
                            format!(
                                "{me} rewrites its own policy {} (iam:CreatePolicyVersion)",
                                short(pol)
                            ),
                        ));
                    }
                }
            }
        }
        Identity::Root => {}
    }
    // Becoming an administrator user.
    for target in admin_set
        .iter()
        .filter(|t| t.as_str() != arn && t.contains(":user/"))
    {
        if allowed(a, c, "iam:CreateAccessKey", target, &[]) {
            out.push((
                target.clone(),
                "iam:CreateAccessKey".into(),
                format!(
                    "{me} creates an access key for the administrator {} (iam:CreateAccessKey)",
                    short(target)
                ),
            ));
        } else if allowed(a, c, "iam:CreateLoginProfile", target, &[])
            || allowed(a, c, "iam:UpdateLoginProfile", target, &[])
        {
            out.push((target.clone(), "iam:UpdateLoginProfile".into(), format!("{me} sets the console password of the administrator {} (iam:CreateLoginProfile / iam:UpdateLoginProfile)", short(target))));
        }
    }
    // Roles: assume, re-trust, or pass to an instance.
    let can_run = allowed(a, c, "ec2:RunInstances", "*", &[]);
    for r in a.roles.values() {
        if r.arn == arn {
            continue;
        }
        let admin_role = admin_set.contains(&r.arn);
        if can_assume(a, c, r) {
            out.push((
                r.arn.clone(),
                "sts:AssumeRole".into(),
                format!("{me} assumes the role {} (sts:AssumeRole)", r.name),
            ));
        } else if admin_role
            && allowed(a, c, "iam:UpdateAssumeRolePolicy", &r.arn, &[])
            && allowed(a, c, "sts:AssumeRole", &r.arn, &[])
        {
            out.push((r.arn.clone(), "iam:UpdateAssumeRolePolicy".into(), format!("{me} rewrites the trust policy of the administrator role {} and assumes it (iam:UpdateAssumeRolePolicy)", r.name)));
        } else if admin_role
            && can_run
            && trusts_service(r, "ec2.amazonaws.com")
            && allowed(
                a,
                c,
                "iam:PassRole",
                &r.arn,
                &[("iam:PassedToService", vec!["ec2.amazonaws.com".into()])],
            )
        {
            out.push((r.arn.clone(), "iam:PassRole".into(), format!("{me} launches an instance with the administrator role {} and reads its credentials from the metadata service (iam:PassRole + ec2:RunInstances)", r.name)));
        } else if admin_role
            && trusts_service(r, "lambda.amazonaws.com")
            && allowed(a, c, "lambda:CreateFunction", "*", &[])
            && allowed(
                a,
                c,
                "iam:PassRole",
                &r.arn,
                &[("iam:PassedToService", vec!["lambda.amazonaws.com".into()])],
            )
        {
            out.push((r.arn.clone(), "iam:PassRole".into(), format!("{me} creates a Lambda function with the administrator role {} (iam:PassRole + lambda:CreateFunction)", r.name)));
        }
    }
    out
}

/// Every principal that is not an administrator but can become one, with the shortest path.
pub fn paths(a: &Account) -> Vec<Path> {
    let all = principals(a);
    let admin_set: Vec<String> = all
        .iter()
        .filter(|(_, c)| is_admin(a, c))
        .map(|(arn, _)| arn.clone())
        .collect();
    let by_arn: BTreeMap<&str, &Caller> = all.iter().map(|(arn, c)| (arn.as_str(), c)).collect();
    let mut edge_cache: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    for (start, _) in all.iter().filter(|(arn, _)| !admin_set.contains(arn)) {
        // Breadth-first over principals, so that the shortest path is reported.
        let mut queue: VecDeque<(String, Vec<String>, String)> =
            VecDeque::from([(start.clone(), Vec::new(), String::new())]);
        let mut seen = vec![start.clone()];
        while let Some((node, steps, first)) = queue.pop_front() {
            let Some(c) = by_arn.get(node.as_str()) else {
                continue;
            };
            let es = edge_cache
                .entry(node.clone())
                .or_insert_with(|| edges(a, &node, c, &admin_set))
                .clone();
            let mut done = None;
            for (target, perm, text) in es {
                let first = if first.is_empty() {
                    perm.clone()
                } else {
                    first.clone()
                };
                let mut s = steps.clone();
                s.push(text);
                if target == "self" || admin_set.contains(&target) {
                    done = Some(Path {
                        from: start.clone(),
                        to: if target == "self" {
                            node.clone()
                        } else {
                            target
                        },
                        permission: first,
                        steps: s,
                    });
                    break;
                }
                if !seen.contains(&target) && steps.len() < 4 {
                    seen.push(target.clone());
                    queue.push_back((target, s, first));
                }
            }
            if let Some(p) = done {
                out.push(p);
                break;
            }
        }
    }
    out
}
