//! Who is an administrator, and who can become one: the privilege-escalation graph. Every
//! edge is a decision of the evaluator on the simulated account (so boundaries, denies and
//! conditions count), and each path is reported step by step.
//!
//! The methods follow the public catalogue of AWS privilege-escalation techniques
//! (<https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>):
//! rewriting or attaching one's own policies, joining an administrators' group, creating
//! credentials for an administrator, assuming or re-trusting an administrator role, and passing
//! an administrator role to a new EC2 instance.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::account::Account;
use crate::account::Document;
use crate::account::authz::{Caller, Identity};
use crate::eval::{
    Context, Decision, PolicySet, Principal, Request, SourceType, SourcedPolicy, evaluate,
};
use crate::policy::{Effect, PrincipalKind};

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

/// A principal made ready for many decisions: its policies and request context are gathered
/// once, not for every question asked about it.
struct Subject {
    arn: String,
    caller: Caller,
    principal: Principal,
    context: Context,
    set: PolicySet,
}

impl Subject {
    fn new(a: &Account, arn: String, caller: Caller) -> Subject {
        Subject {
            principal: a.principal(&caller),
            context: a.request_context(&caller, &[]),
            set: a.policy_set(&caller),
            arn,
            caller,
        }
    }

    /// False when no identity-based statement of the principal allows `action` on any
    /// resource. Without a resource-based policy that names the principal, such a request is
    /// denied, so the evaluator need not be asked.
    fn may(&self, action: &str) -> bool {
        let lower = action.to_ascii_lowercase();
        let (svc, name) = lower.split_once(':').unwrap_or((lower.as_str(), ""));
        self.set.identity.iter().any(|sp| {
            sp.policy.statements.iter().any(|st| {
                st.effect == Effect::Allow && st.action.any_match(svc, name) != st.action.negated
            })
        })
    }

    /// The evaluator's decision; `extra` adds service-specific context keys.
    fn decide(
        &self,
        a: &Account,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> Decision {
        let mut context = self.context.clone();
        crate::account::authz::add_extra(&mut context, extra);
        let req = Request::new(self.principal.clone(), action, resource, context)
            .with_resource_account(Some(a.id.clone()));
        match resource_policy {
            None => evaluate(&req, &self.set),
            Some(d) => {
                let mut set = self.set.clone();
                set.resource = Some(SourcedPolicy::new(
                    d.policy.clone(),
                    "ResourcePolicy",
                    SourceType::Resource,
                ));
                evaluate(&req, &set)
            }
        }
    }

    /// Allowed by identity-based policies alone (no resource-based policy in play).
    fn allowed(
        &self,
        a: &Account,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
    ) -> bool {
        self.may(action) && self.decide(a, action, resource, extra, None).is_allowed()
    }
}

/// The escalation search asks as a caller who signed in with MFA, so that policies that
/// demand MFA do not hide a path.
const MFA: Option<bool> = Some(true);

/// Every principal of the account.
fn principals(a: &Account) -> Vec<Subject> {
    let users = a.users.values().map(|u| {
        Subject::new(
            a,
            u.arn.clone(),
            Caller::probe(Identity::User(u.name.clone()), MFA),
        )
    });
    let roles = a.roles.values().map(|r| {
        Subject::new(
            a,
            r.arn.clone(),
            Caller::probe(
                Identity::Role {
                    role: r.name.clone(),
                    session: "audit".into(),
                },
                MFA,
            ),
        )
    });
    users.chain(roles).collect()
}

fn is_admin(a: &Account, s: &Subject) -> bool {
    ADMIN_PROBES.iter().all(|act| s.allowed(a, act, "*", &[]))
}

/// The ARNs of every full administrator (users and roles).
pub fn admins(a: &Account) -> Vec<String> {
    principals(a)
        .into_iter()
        .filter(|s| is_admin(a, s))
        .map(|s| s.arn)
        .collect()
}

fn short(arn: &str) -> &str {
    arn.rsplit(['/', ':']).next().unwrap_or(arn)
}

/// Whom a role's trust policy can admit through `sts:AssumeRole`, worked out once per role:
/// everyone (or something this summary does not understand, such as `NotPrincipal`: left to
/// the evaluator), principals of the account that an identity-based policy allows, or
/// principals named by ARN (kept by their last ARN segment, to err on the side of asking the
/// evaluator).
struct Trust<'a> {
    role: &'a crate::account::Role,
    anyone: bool,
    account: bool,
    names: Vec<&'a str>,
}

impl<'a> Trust<'a> {
    fn new(a: &Account, role: &'a crate::account::Role) -> Trust<'a> {
        let account_root = format!("arn:aws:iam::{}:root", a.id);
        let mut t = Trust {
            role,
            anyone: false,
            account: false,
            names: Vec::new(),
        };
        for st in &role.trust.policy.statements {
            if st.effect != Effect::Allow
                || st.action.any_match("sts", "assumerole") == st.action.negated
            {
                continue;
            }
            let Some(p) = &st.principal else {
                t.anyone = true;
                continue;
            };
            if p.negated || p.everyone {
                t.anyone = true;
                continue;
            }
            for (kind, v) in &p.entries {
                let v = v.value.as_str();
                if *kind != PrincipalKind::Aws {
                    continue;
                }
                if v == "*" {
                    t.anyone = true;
                } else if v == a.id || v == account_root {
                    t.account = true;
                } else {
                    t.names.push(short(v));
                }
            }
        }
        t
    }

    /// False when the trust policy cannot let `s` in; `may_assume`: an identity-based policy
    /// of `s` allows `sts:AssumeRole` on something.
    fn may_admit(&self, s: &Subject, may_assume: bool) -> bool {
        self.anyone
            || (self.account && may_assume)
            || self.names.iter().any(|n| *n == short(&s.arn))
    }
}

/// Can `s` assume the role (trust and identity side)?
fn can_assume(a: &Account, s: &Subject, t: &Trust, may_assume: bool) -> bool {
    if !t.may_admit(s, may_assume) {
        return false;
    }
    let d = s.decide(a, "sts:AssumeRole", &t.role.arn, &[], Some(&t.role.trust));
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
    s: &Subject,
    admin_set: &HashSet<&str>,
    trusts: &[Trust],
) -> Vec<(String, String, String)> {
    let arn = s.arn.as_str();
    let mut out = Vec::new();
    let admin_policy = "arn:aws:iam::aws:policy/AdministratorAccess".to_string();
    let me = short(arn).to_string();
    // Changing one's own permissions.
    match &s.caller.identity {
        Identity::User(u) => {
            if s.allowed(
                a,
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
            if s.allowed(a, "iam:PutUserPolicy", arn, &[]) {
                out.push((
                    "self".into(),
                    "iam:PutUserPolicy".into(),
                    format!("{me} writes itself an inline admin policy (iam:PutUserPolicy)"),
                ));
            }
            if let Some(user) = a.users.get(u) {
                for g in &user.groups {
                    if let Some(group) = a.groups.get(g) {
                        if s.allowed(
                            a,
                            "iam:AttachGroupPolicy",
                            &group.arn,
                            &[("iam:PolicyARN", vec![admin_policy.clone()])],
                        ) {
                            out.push(("self".into(), "iam:AttachGroupPolicy".into(), format!("{me} attaches AdministratorAccess to its group {g} (iam:AttachGroupPolicy)")));
                        }
                        if s.allowed(a, "iam:PutGroupPolicy", &group.arn, &[]) {
                            out.push(("self".into(), "iam:PutGroupPolicy".into(), format!("{me} writes an admin policy into its group {g} (iam:PutGroupPolicy)")));
                        }
                    }
                }
                for pol in &user.attached {
                    if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                        && s.allowed(a, "iam:CreatePolicyVersion", pol, &[])
                    {
                        out.push(("self".into(), "iam:CreatePolicyVersion".into(), format!("{me} rewrites its own policy {} with a new default version (iam:CreatePolicyVersion)", short(pol))));
                    }
                }
                // Joining a group of administrators.
                for g in a.groups.values() {
                    let admin_group = g.attached.iter().any(|p| p == &admin_policy);
                    if admin_group
                        && !user.groups.contains(&g.name)
                        && s.allowed(a, "iam:AddUserToGroup", &g.arn, &[])
                    {
                        out.push(("self".into(), "iam:AddUserToGroup".into(), format!("{me} adds itself to the administrators' group {} (iam:AddUserToGroup)", g.name)));
                    }
                }
            }
        }
        Identity::Role { role, .. } => {
            if s.allowed(
                a,
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
            if s.allowed(a, "iam:PutRolePolicy", arn, &[]) {
                out.push((
                    "self".into(),
                    "iam:PutRolePolicy".into(),
                    format!("{me} writes itself an inline admin policy (iam:PutRolePolicy)"),
                ));
            }
            if let Some(r) = a.roles.get(role) {
                for pol in &r.attached {
                    if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                        && s.allowed(a, "iam:CreatePolicyVersion", pol, &[])
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
    let takes_over_users = s.may("iam:CreateAccessKey")
        || s.may("iam:CreateLoginProfile")
        || s.may("iam:UpdateLoginProfile");
    let mut admin_users: Vec<&str> = admin_set
        .iter()
        .copied()
        .filter(|t| takes_over_users && *t != arn && t.contains(":user/"))
        .collect();
    admin_users.sort_unstable();
    for target in admin_users {
        if s.allowed(a, "iam:CreateAccessKey", target, &[]) {
            out.push((
                target.to_string(),
                "iam:CreateAccessKey".into(),
                format!(
                    "{me} creates an access key for the administrator {} (iam:CreateAccessKey)",
                    short(target)
                ),
            ));
        } else if s.allowed(a, "iam:CreateLoginProfile", target, &[])
            || s.allowed(a, "iam:UpdateLoginProfile", target, &[])
        {
            out.push((target.to_string(), "iam:UpdateLoginProfile".into(), format!("{me} sets the console password of the administrator {} (iam:CreateLoginProfile / iam:UpdateLoginProfile)", short(target))));
        }
    }
    // Roles: assume, re-trust, or pass to an instance.
    let can_run = s.allowed(a, "ec2:RunInstances", "*", &[]);
    let may_assume = s.may("sts:AssumeRole");
    for t in trusts {
        let r = t.role;
        if r.arn == arn {
            continue;
        }
        let admin_role = admin_set.contains(r.arn.as_str());
        if can_assume(a, s, t, may_assume) {
            out.push((
                r.arn.clone(),
                "sts:AssumeRole".into(),
                format!("{me} assumes the role {} (sts:AssumeRole)", r.name),
            ));
        } else if admin_role
            && s.allowed(a, "iam:UpdateAssumeRolePolicy", &r.arn, &[])
            && s.allowed(a, "sts:AssumeRole", &r.arn, &[])
        {
            out.push((r.arn.clone(), "iam:UpdateAssumeRolePolicy".into(), format!("{me} rewrites the trust policy of the administrator role {} and assumes it (iam:UpdateAssumeRolePolicy)", r.name)));
        } else if admin_role
            && can_run
            && trusts_service(r, "ec2.amazonaws.com")
            && s.allowed(
                a,
                "iam:PassRole",
                &r.arn,
                &[("iam:PassedToService", vec!["ec2.amazonaws.com".into()])],
            )
        {
            out.push((r.arn.clone(), "iam:PassRole".into(), format!("{me} launches an instance with the administrator role {} and reads its credentials from the metadata service (iam:PassRole + ec2:RunInstances)", r.name)));
        } else if admin_role
            && trusts_service(r, "lambda.amazonaws.com")
            && s.allowed(a, "lambda:CreateFunction", "*", &[])
            && s.allowed(
                a,
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
    let admin_set: HashSet<&str> = all
        .iter()
        .filter(|s| is_admin(a, s))
        .map(|s| s.arn.as_str())
        .collect();
    let trusts: Vec<Trust> = a.roles.values().map(|r| Trust::new(a, r)).collect();
    let by_arn: HashMap<&str, &Subject> = all.iter().map(|s| (s.arn.as_str(), s)).collect();
    let mut edge_cache: HashMap<&str, Vec<(String, String, String)>> = HashMap::new();
    let mut out = Vec::new();
    for start in all.iter().filter(|s| !admin_set.contains(s.arn.as_str())) {
        let start = start.arn.as_str();
        // Breadth-first over principals, so that the shortest path is reported.
        let mut queue: VecDeque<(&str, Vec<String>, String)> =
            VecDeque::from([(start, Vec::new(), String::new())]);
        let mut seen: HashSet<&str> = HashSet::from([start]);
        while let Some((node, steps, first)) = queue.pop_front() {
            let Some(subject) = by_arn.get(node).copied() else {
                continue;
            };
            let es = edge_cache
                .entry(subject.arn.as_str())
                .or_insert_with(|| edges(a, subject, &admin_set, &trusts));
            let mut done = None;
            for (target, perm, text) in es.iter() {
                let first = if first.is_empty() {
                    perm.clone()
                } else {
                    first.clone()
                };
                let mut s = steps.clone();
                s.push(text.clone());
                if target == "self" || admin_set.contains(target.as_str()) {
                    done = Some(Path {
                        from: start.to_string(),
                        to: if target == "self" {
                            node.to_string()
                        } else {
                            target.clone()
                        },
                        permission: first,
                        steps: s,
                    });
                    break;
                }
                if steps.len() < 4
                    && let Some(t) = by_arn.get(target.as_str())
                    && seen.insert(t.arn.as_str())
                {
                    queue.push_back((t.arn.as_str(), s, first));
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
