//! Who is an administrator, and who can become one: the privilege-escalation graph. Every
//! edge is a decision of the evaluator on the simulated account (so boundaries, denies and
//! conditions count), and each path is reported step by step.
//!
//! The methods follow the public catalogue of AWS privilege-escalation techniques
//! (<https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>):
//! rewriting or attaching one's own policies, joining an administrators' group, creating
//! credentials for an administrator, assuming or re-trusting an administrator role, and passing
//! an administrator role to a new EC2 instance.

use std::collections::{HashMap, VecDeque};

use crate::account::Account;
use crate::account::Document;
use crate::account::authz::{Caller, Identity};
use crate::eval::{
    Context, Decision, PolicySet, Principal, Request, SourceType, SourcedPolicy, evaluate,
};
use crate::msg::audit::Audit;
use crate::policy::{Effect, PrincipalKind};

use super::said::Said;

/// One escalation path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The starting principal's ARN.
    pub from: String,
    /// The administrator reached.
    pub to: String,
    /// The first permission used (what to take away).
    pub permission: String,
    /// Each step, as a sentence to be worded in the reader's language.
    pub steps: Vec<Said>,
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

/// How one principal gets further: the permission used and what it acts on, with the names
/// its sentence needs (borrowed from the account). The sentence itself is written only for
/// the paths reported.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    AttachUserPolicy,
    PutUserPolicy,
    AttachGroupPolicy(&'a str),
    PutGroupPolicy(&'a str),
    /// A customer managed policy of a user (`true`) or a role (`false`), by ARN.
    CreatePolicyVersion(&'a str, bool),
    AddUserToGroup(&'a str),
    AttachRolePolicy,
    PutRolePolicy,
    CreateAccessKey,
    UpdateLoginProfile,
    AssumeRole,
    UpdateAssumeRolePolicy,
    PassRoleToEc2,
    PassRoleToLambda,
}

impl Step<'_> {
    /// The first permission a path uses (what to take away).
    fn permission(self) -> &'static str {
        match self {
            Step::AttachUserPolicy => "iam:AttachUserPolicy",
            Step::PutUserPolicy => "iam:PutUserPolicy",
            Step::AttachGroupPolicy(_) => "iam:AttachGroupPolicy",
            Step::PutGroupPolicy(_) => "iam:PutGroupPolicy",
            Step::CreatePolicyVersion(..) => "iam:CreatePolicyVersion",
            Step::AddUserToGroup(_) => "iam:AddUserToGroup",
            Step::AttachRolePolicy => "iam:AttachRolePolicy",
            Step::PutRolePolicy => "iam:PutRolePolicy",
            Step::CreateAccessKey => "iam:CreateAccessKey",
            Step::UpdateLoginProfile => "iam:UpdateLoginProfile",
            Step::AssumeRole => "sts:AssumeRole",
            Step::UpdateAssumeRolePolicy => "iam:UpdateAssumeRolePolicy",
            Step::PassRoleToEc2 | Step::PassRoleToLambda => "iam:PassRole",
        }
    }
}

/// One edge of the graph: from a principal to itself made administrator (`to: None`) or to
/// another principal, by its index in the list of principals.
#[derive(Debug, Clone, Copy)]
struct Edge<'a> {
    to: Option<usize>,
    step: Step<'a>,
}

/// What is the same for every principal's edges: the list of principals, which of them are
/// administrators, the administrator users (by ARN, in ARN order), the groups that hold
/// AdministratorAccess, and each role's trust, summarised once.
struct Graph<'a> {
    a: &'a Account,
    all: &'a [Subject],
    admin: Vec<bool>,
    admin_users: Vec<usize>,
    admin_groups: Vec<&'a crate::account::Group>,
    trusts: Vec<(usize, Trust<'a>)>,
}

const ADMIN_POLICY: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

impl<'a> Graph<'a> {
    fn new(a: &'a Account, all: &'a [Subject]) -> Graph<'a> {
        let admin: Vec<bool> = all.iter().map(|s| is_admin(a, s)).collect();
        let by_arn: HashMap<&str, usize> = all
            .iter()
            .enumerate()
            .map(|(i, s)| (s.arn.as_str(), i))
            .collect();
        let mut admin_users: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(i, s)| admin.get(*i) == Some(&true) && s.arn.contains(":user/"))
            .map(|(i, _)| i)
            .collect();
        admin_users.sort_unstable_by(|x, y| {
            let arn = |i: &usize| all.get(*i).map(|s| s.arn.as_str());
            arn(x).cmp(&arn(y))
        });
        let admin_groups = a
            .groups
            .values()
            .filter(|g| g.attached.iter().any(|p| p == ADMIN_POLICY))
            .collect();
        let trusts = a
            .roles
            .values()
            .filter_map(|r| Some((*by_arn.get(r.arn.as_str())?, Trust::new(a, r))))
            .collect();
        Graph {
            a,
            all,
            admin,
            admin_users,
            admin_groups,
            trusts,
        }
    }

    fn is_admin(&self, i: usize) -> bool {
        self.admin.get(i).copied().unwrap_or(false)
    }

    fn arn(&self, i: usize) -> &'a str {
        self.all.get(i).map_or("", |s| s.arn.as_str())
    }

    /// Direct edges from principal `i`, in the order they are tried.
    fn edges(&self, i: usize) -> Vec<Edge<'a>> {
        let a = self.a;
        let Some(s) = self.all.get(i) else {
            return Vec::new();
        };
        let arn = s.arn.as_str();
        let mut out = Vec::new();
        let me = |step| Edge { to: None, step };
        let admin_policy = || vec![ADMIN_POLICY.to_string()];
        // Changing one's own permissions.
        match &s.caller.identity {
            Identity::User(u) => {
                if s.allowed(
                    a,
                    "iam:AttachUserPolicy",
                    arn,
                    &[("iam:PolicyARN", admin_policy())],
                ) {
                    out.push(me(Step::AttachUserPolicy));
                }
                if s.allowed(a, "iam:PutUserPolicy", arn, &[]) {
                    out.push(me(Step::PutUserPolicy));
                }
                if let Some(user) = a.users.get(u) {
                    for g in &user.groups {
                        if let Some(group) = a.groups.get(g) {
                            if s.allowed(
                                a,
                                "iam:AttachGroupPolicy",
                                &group.arn,
                                &[("iam:PolicyARN", admin_policy())],
                            ) {
                                out.push(me(Step::AttachGroupPolicy(g)));
                            }
                            if s.allowed(a, "iam:PutGroupPolicy", &group.arn, &[]) {
                                out.push(me(Step::PutGroupPolicy(g)));
                            }
                        }
                    }
                    for pol in &user.attached {
                        if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                            && s.allowed(a, "iam:CreatePolicyVersion", pol, &[])
                        {
                            out.push(me(Step::CreatePolicyVersion(pol, true)));
                        }
                    }
                    // Joining a group of administrators.
                    for g in &self.admin_groups {
                        if !user.groups.contains(&g.name)
                            && s.allowed(a, "iam:AddUserToGroup", &g.arn, &[])
                        {
                            out.push(me(Step::AddUserToGroup(&g.name)));
                        }
                    }
                }
            }
            Identity::Role { role, .. } => {
                if s.allowed(
                    a,
                    "iam:AttachRolePolicy",
                    arn,
                    &[("iam:PolicyARN", admin_policy())],
                ) {
                    out.push(me(Step::AttachRolePolicy));
                }
                if s.allowed(a, "iam:PutRolePolicy", arn, &[]) {
                    out.push(me(Step::PutRolePolicy));
                }
                if let Some(r) = a.roles.get(role) {
                    for pol in &r.attached {
                        if a.policies.get(pol).is_some_and(|p| !p.aws_managed)
                            && s.allowed(a, "iam:CreatePolicyVersion", pol, &[])
                        {
                            out.push(me(Step::CreatePolicyVersion(pol, false)));
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
        if takes_over_users {
            for &t in self.admin_users.iter().filter(|&&t| t != i) {
                let target = self.arn(t);
                if s.allowed(a, "iam:CreateAccessKey", target, &[]) {
                    out.push(Edge {
                        to: Some(t),
                        step: Step::CreateAccessKey,
                    });
                } else if s.allowed(a, "iam:CreateLoginProfile", target, &[])
                    || s.allowed(a, "iam:UpdateLoginProfile", target, &[])
                {
                    out.push(Edge {
                        to: Some(t),
                        step: Step::UpdateLoginProfile,
                    });
                }
            }
        }
        // Roles: assume, re-trust, or pass to an instance.
        let can_run = std::cell::OnceCell::new();
        let can_run = || *can_run.get_or_init(|| s.allowed(a, "ec2:RunInstances", "*", &[]));
        let may_assume = s.may("sts:AssumeRole");
        for (ri, t) in &self.trusts {
            let (ri, r) = (*ri, t.role);
            if ri == i {
                continue;
            }
            let admin_role = self.is_admin(ri);
            let to = Some(ri);
            if can_assume(a, s, t, may_assume) {
                out.push(Edge {
                    to,
                    step: Step::AssumeRole,
                });
            } else if admin_role
                && s.allowed(a, "iam:UpdateAssumeRolePolicy", &r.arn, &[])
                && s.allowed(a, "sts:AssumeRole", &r.arn, &[])
            {
                out.push(Edge {
                    to,
                    step: Step::UpdateAssumeRolePolicy,
                });
            } else if admin_role
                && trusts_service(r, "ec2.amazonaws.com")
                && can_run()
                && s.allowed(
                    a,
                    "iam:PassRole",
                    &r.arn,
                    &[("iam:PassedToService", vec!["ec2.amazonaws.com".into()])],
                )
            {
                out.push(Edge {
                    to,
                    step: Step::PassRoleToEc2,
                });
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
                out.push(Edge {
                    to,
                    step: Step::PassRoleToLambda,
                });
            }
        }
        out
    }

    /// The sentence of one step taken by principal `from`.
    fn sentence(&self, from: usize, e: Edge<'_>) -> Said {
        let me = short(self.arn(from));
        let target = e.to.map_or("", |t| self.arn(t));
        let role = match e
            .to
            .and_then(|t| self.all.get(t))
            .map(|s| &s.caller.identity)
        {
            Some(Identity::Role { role, .. }) => role.as_str(),
            _ => short(target),
        };
        let say = |msg| Said::new(msg).with("me", me);
        let permission = e.step.permission();
        match e.step {
            Step::AttachUserPolicy | Step::AttachRolePolicy => {
                say(Audit::StepAttachToSelf).with("permission", permission)
            }
            Step::PutUserPolicy | Step::PutRolePolicy => {
                say(Audit::StepInlineToSelf).with("permission", permission)
            }
            Step::AttachGroupPolicy(g) => say(Audit::StepAttachToGroup).with("group", g),
            Step::PutGroupPolicy(g) => say(Audit::StepInlineToGroup).with("group", g),
            Step::CreatePolicyVersion(pol, true) => {
                say(Audit::StepNewDefaultVersion).with("policy", short(pol))
            }
            Step::CreatePolicyVersion(pol, false) => {
                say(Audit::StepRewritePolicy).with("policy", short(pol))
            }
            Step::AddUserToGroup(g) => say(Audit::StepJoinAdmins).with("group", g),
            Step::CreateAccessKey => say(Audit::StepKeyForAdmin).with("target", short(target)),
            Step::UpdateLoginProfile => {
                say(Audit::StepPasswordForAdmin).with("target", short(target))
            }
            Step::AssumeRole => say(Audit::StepAssume).with("role", role),
            Step::UpdateAssumeRolePolicy => say(Audit::StepRetrust).with("role", role),
            Step::PassRoleToEc2 => say(Audit::StepPassToEc2).with("role", role),
            Step::PassRoleToLambda => say(Audit::StepPassToLambda).with("role", role),
        }
    }
}

/// The longest path reported, in steps.
const MAX_STEPS: usize = 5;

/// Every principal that is not an administrator but can become one, with the shortest path.
pub fn paths(a: &Account) -> Vec<Path> {
    let all = principals(a);
    let g = Graph::new(a, &all);
    let n = all.len();
    // Each principal's edges, worked out when the search first leaves it.
    let mut edges: Vec<Option<Vec<Edge>>> = vec![None; n];
    // Per search: when a principal was reached (`stamp`), from which principal and by which
    // of its edges, and in how many steps. Reused from one start to the next.
    let mut seen = vec![usize::MAX; n];
    let mut came: Vec<(usize, usize)> = vec![(0, 0); n];
    let mut depth = vec![0usize; n];
    let mut queue = VecDeque::new();
    let mut out = Vec::new();
    for start in (0..n).filter(|&i| !g.is_admin(i)) {
        // Breadth-first over principals, so that the shortest path is reported.
        queue.clear();
        queue.push_back(start);
        if let Some(x) = seen.get_mut(start) {
            *x = start;
        }
        if let Some(d) = depth.get_mut(start) {
            *d = 0;
        }
        let mut done = None;
        while let Some(node) = queue.pop_front() {
            let Some(slot) = edges.get_mut(node) else {
                continue;
            };
            let es = slot.get_or_insert_with(|| g.edges(node));
            let steps = depth.get(node).copied().unwrap_or(0);
            for (k, e) in es.iter().enumerate() {
                if e.to.is_none_or(|t| g.is_admin(t)) {
                    done = Some((node, k));
                    break;
                }
                if let Some(t) = e.to
                    && steps + 1 < MAX_STEPS
                    && seen.get(t).is_some_and(|&s| s != start)
                {
                    if let Some(x) = seen.get_mut(t) {
                        *x = start;
                    }
                    if let Some(x) = came.get_mut(t) {
                        *x = (node, k);
                    }
                    if let Some(x) = depth.get_mut(t) {
                        *x = steps + 1;
                    }
                    queue.push_back(t);
                }
            }
            if done.is_some() {
                break;
            }
        }
        let Some((last, k)) = done else {
            continue;
        };
        // The path, walked back from the last principal to the start.
        let mut hops: Vec<(usize, Edge)> = Vec::new();
        let mut at = (last, k);
        loop {
            let (node, k) = at;
            let Some(e) = edges.get(node).and_then(|es| es.as_ref()?.get(k)).copied() else {
                break;
            };
            hops.push((node, e));
            if node == start {
                break;
            }
            at = came.get(node).copied().unwrap_or((start, usize::MAX));
        }
        hops.reverse();
        let Some(&(_, first)) = hops.first() else {
            continue;
        };
        let Some(&(_, end)) = hops.last() else {
            continue;
        };
        out.push(Path {
            from: g.arn(start).to_string(),
            to: g.arn(end.to.unwrap_or(last)).to_string(),
            permission: first.step.permission().to_string(),
            steps: hops.iter().map(|&(node, e)| g.sentence(node, e)).collect(),
        });
    }
    out
}
