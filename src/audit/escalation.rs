//! Who is an administrator, and who can become one: the privilege-escalation graph. Every
//! edge is a decision of the evaluator on the simulated account (so boundaries, denies and
//! conditions count), and each path is reported step by step.
//!
//! The methods follow the public catalogue of AWS privilege-escalation techniques
//! (<https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>):
//! rewriting or attaching one's own policies, joining an administrators' group, creating
//! credentials for an administrator, assuming or re-trusting an administrator role, and passing
//! an administrator role to a new EC2 instance.

use std::collections::{BTreeMap, HashMap, VecDeque};

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
    /// Which path of its principal it is: `user/NAME/N` or `role/NAME/N`, N counting the
    /// principal's paths from 1 (what `iamdojo sandbox --replay` takes).
    pub id: String,
    /// The starting principal's ARN.
    pub from: String,
    /// The administrator reached.
    pub to: String,
    /// The first permission used (what to take away).
    pub permission: String,
    /// Each step, as a sentence to be worded in the reader's language.
    pub steps: Vec<Said>,
    /// The AWS CLI commands that walk the path, as its starting principal.
    pub walk: Vec<Move>,
}

/// One command of a path's walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The command line as it is typed; `<instance-id>` stands for the instance the command
    /// before it launched.
    pub line: String,
    /// The principal (ARN) whose credentials the command's answer holds, which the walk goes
    /// on as.
    pub becomes: Option<String>,
    /// A local file the command reads, and what it holds (a Lambda function's code: by the
    /// sandbox's convention, the AWS CLI calls it makes).
    pub writes: Option<(String, String)>,
    /// The local file the command writes its result to, where the credentials of
    /// [`Move::becomes`] are rather than in its answer (a function's result, which lists the
    /// answers of the calls it made).
    pub result_in: Option<String>,
}

impl Move {
    fn run(line: String) -> Move {
        Move {
            line,
            becomes: None,
            writes: None,
            result_in: None,
        }
    }

    fn becoming(line: String, arn: &str) -> Move {
        Move {
            becomes: Some(arn.to_string()),
            ..Move::run(line)
        }
    }

    fn writing(line: String, file: &str, text: String) -> Move {
        Move {
            writes: Some((file.to_string(), text)),
            ..Move::run(line)
        }
    }
}

/// The document a self-escalation writes: everything allowed.
const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// [`ALLOW_ALL`] compiled once.
fn allow_all() -> Option<&'static std::sync::Arc<crate::policy::Policy>> {
    static ALL: std::sync::OnceLock<Option<Document>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| Document::parse(ALLOW_ALL, crate::policy::PolicyType::Managed).ok())
        .as_ref()
        .map(|d| &d.policy)
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
            set: a.policy_set_in_org(&caller),
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
        // The names' symbols looked up once, not for every statement.
        let key = crate::policy::ActionKey::lookup(svc, name);
        self.set.identity.iter().any(|sp| {
            sp.policy.statements.iter().any(|st| {
                st.effect == Effect::Allow && st.action.any_match_key(&key) != st.action.negated
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
        a.add_resource_tags(&mut context, resource);
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

impl Subject {
    /// Whether the principal would be an administrator with its identity-based policies
    /// changed: `add` another, or `swap` one (by the compiled policy it holds now) for
    /// another. Its permissions boundary, session policy and any deny still count.
    fn admin_with(
        &self,
        a: &Account,
        add: Option<&std::sync::Arc<crate::policy::Policy>>,
        swap: Option<(
            &std::sync::Arc<crate::policy::Policy>,
            &std::sync::Arc<crate::policy::Policy>,
        )>,
    ) -> bool {
        let mut set = self.set.clone();
        if let Some(p) = add {
            set.identity.push(SourcedPolicy::new(
                p.clone(),
                "escalation",
                SourceType::UserManaged,
            ));
        }
        if let Some((old, new)) = swap {
            for sp in &mut set.identity {
                if std::sync::Arc::ptr_eq(&sp.policy, old) {
                    sp.policy = new.clone();
                }
            }
        }
        let after = Subject {
            arn: self.arn.clone(),
            caller: self.caller.clone(),
            principal: self.principal.clone(),
            context: self.context.clone(),
            set,
        };
        is_admin(a, &after)
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
    /// Other accounts the trust policy names (by id or root ARN), for assuming it from there.
    accounts: Vec<&'a str>,
    names: Vec<&'a str>,
}

impl<'a> Trust<'a> {
    fn new(a: &Account, role: &'a crate::account::Role) -> Trust<'a> {
        let account_root = format!("arn:aws:iam::{}:root", a.id);
        let mut t = Trust {
            role,
            anyone: false,
            account: false,
            accounts: Vec::new(),
            names: Vec::new(),
        };
        let assume = crate::policy::ActionKey::lookup("sts", "assumerole");
        for st in &role.trust.policy.statements {
            if st.effect != Effect::Allow || st.action.any_match_key(&assume) == st.action.negated {
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
                    if let Some(id) = named_account(v) {
                        t.accounts.push(id);
                    }
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

impl Trust<'_> {
    /// False when the trust policy cannot let `s`, a principal of account `from`, which is
    /// not the role's, in: it names neither everyone, nor that account, nor `s`.
    fn may_admit_from(&self, from: &str, s: &Subject) -> bool {
        self.anyone
            || self.accounts.contains(&from)
            || self.names.iter().any(|n| *n == short(&s.arn))
    }
}

/// The account a trust policy's `AWS` principal names as a whole: a bare account id or the
/// account's root ARN.
fn named_account(v: &str) -> Option<&str> {
    let id = v
        .strip_prefix("arn:aws:iam::")
        .and_then(|r| r.strip_suffix(":root"))
        .unwrap_or(v);
    (id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// The session name a path's `assume-role` asks for.
const SESSION: &str = "escalation";

/// Can `s`, a principal of account `from`, assume a role of account `owner`? Both sides must
/// allow it: the identity-based policies of `s` in `from` (and the SCPs of `from`'s
/// organization) and the role's trust policy (and the RCPs of `owner`'s organization), decided
/// as the sandbox decides the call
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html>).
/// The request carries what the walk's `assume-role` sends (its session name) and nothing
/// more: a trust condition on a key the caller does not send, such as `sts:ExternalId`
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html>),
/// keeps the path out, as a condition does within the account.
fn can_assume_across(from: &Account, s: &Subject, owner: &Account, t: &Trust) -> bool {
    let extra = [("sts:RoleSessionName", vec![SESSION.to_string()])];
    let (_, _, d) = from.decide_on(
        owner,
        &s.caller,
        "sts:AssumeRole",
        &t.role.arn,
        &extra,
        Some(&t.role.trust),
    );
    d.is_allowed() && d.allowed_by_resource == Some(true)
}

/// Can `s`, a principal of account `from`, replace the code of function `f` of account `owner`
/// and invoke it? Both sides must allow both calls: the identity-based policies of `s` (and
/// the SCPs of `from`'s organization) and the function's resource-based policy (and the SCPs
/// of `owner`'s organization; RCPs do not apply to Lambda), decided as the sandbox decides the
/// calls. Lambda lets another account "invoke or manage a function" only through its
/// resource-based policy
/// (<https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html>), which
/// "doesn't allow users in that account to exceed their permissions"
/// (<https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html>).
fn can_change_function_across(
    from: &Account,
    s: &Subject,
    owner: &Account,
    f: &crate::account::lambda::Function,
) -> bool {
    f.policy.is_some()
        && ["lambda:UpdateFunctionCode", "lambda:InvokeFunction"]
            .iter()
            .all(|action| {
                let (_, _, d) =
                    from.decide_on(owner, &s.caller, action, &f.arn, &[], f.policy.as_ref());
                d.is_allowed()
            })
}

/// The code a path writes into a function of another account: its role, an administrator
/// there, makes an administrator user and an access key for it, which the function's result
/// hands back (the caller's own principal is of another account, which the role cannot
/// change).
fn function_code_across() -> String {
    format!(
        "aws iam create-user --user-name {SESSION}\n\
         aws iam attach-user-policy --user-name {SESSION} --policy-arn {ADMIN_POLICY}\n\
         aws iam create-access-key --user-name {SESSION}\n"
    )
}

/// Can `s` assume the role (trust and identity side)?
fn can_assume(a: &Account, s: &Subject, t: &Trust, may_assume: bool) -> bool {
    if !t.may_admit(s, may_assume) {
        return false;
    }
    let d = s.decide(a, "sts:AssumeRole", &t.role.arn, &[], Some(&t.role.trust));
    d.is_allowed() && d.allowed_by_resource == Some(true)
}

/// Whether `s` could assume the role once its trust policy names `s` alone (the document a
/// path's `update-assume-role-policy` writes): a trust policy that names a principal of the
/// account by ARN lets it in without an identity-based policy, and a deny still keeps it out.
fn retrusted_admits(a: &Account, s: &Subject, role_arn: &str) -> bool {
    let text = retrust_document(&s.arn);
    let Ok(trust) = Document::parse(&text, crate::policy::PolicyType::Trust) else {
        return false;
    };
    let d = s.decide(a, "sts:AssumeRole", role_arn, &[], Some(&trust));
    d.is_allowed()
}

/// A trust policy that lets `arn` assume the role.
fn retrust_document(arn: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{arn}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
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
    /// A customer managed policy of the principal, by ARN, and the version that would make
    /// it an administrator as the default.
    SetDefaultPolicyVersion(&'a str, &'a str),
    AddUserToGroup(&'a str),
    AttachRolePolicy,
    PutRolePolicy,
    CreateAccessKey,
    UpdateLoginProfile,
    AssumeRole,
    /// A role of another account of the scenario, by the account's id.
    AssumeRoleAcross(&'a str),
    UpdateAssumeRolePolicy,
    /// The instance profile holding the role, if one does (else the path makes one).
    PassRoleToEc2(Option<&'a str>),
    PassRoleToLambda,
    /// An existing function, by name, whose role is an administrator's: its code replaced.
    UpdateFunctionCode(&'a str),
    /// A function of another account of the scenario, by ARN, and the account's id: its code
    /// replaced across accounts.
    UpdateFunctionCodeAcross(&'a str, &'a str),
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
            Step::SetDefaultPolicyVersion(..) => "iam:SetDefaultPolicyVersion",
            Step::AddUserToGroup(_) => "iam:AddUserToGroup",
            Step::AttachRolePolicy => "iam:AttachRolePolicy",
            Step::PutRolePolicy => "iam:PutRolePolicy",
            Step::CreateAccessKey => "iam:CreateAccessKey",
            Step::UpdateLoginProfile => "iam:UpdateLoginProfile",
            Step::AssumeRole | Step::AssumeRoleAcross(_) => "sts:AssumeRole",
            Step::UpdateAssumeRolePolicy => "iam:UpdateAssumeRolePolicy",
            Step::PassRoleToEc2(_) | Step::PassRoleToLambda => "iam:PassRole",
            Step::UpdateFunctionCode(_) | Step::UpdateFunctionCodeAcross(..) => {
                "lambda:UpdateFunctionCode"
            }
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
    by_arn: HashMap<&'a str, usize>,
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
            by_arn,
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
        // Changing one's own permissions: worth it only where a policy that allows
        // everything would make the principal an administrator (a permissions boundary, a
        // deny or a session policy may keep it from being one).
        let all = allow_all();
        let freed = std::cell::OnceCell::new();
        let freed = || *freed.get_or_init(|| all.is_some_and(|p| s.admin_with(a, Some(p), None)));
        let own: &[String] = match &s.caller.identity {
            Identity::User(u) => a.users.get(u).map_or(&[], |x| x.attached.as_slice()),
            Identity::Role { role, .. } => a.roles.get(role).map_or(&[], |x| x.attached.as_slice()),
            Identity::Root => &[],
        };
        let is_user = matches!(s.caller.identity, Identity::User(_));
        match &s.caller.identity {
            Identity::User(u) => {
                if s.allowed(
                    a,
                    "iam:AttachUserPolicy",
                    arn,
                    &[("iam:PolicyARN", admin_policy())],
                ) && freed()
                {
                    out.push(me(Step::AttachUserPolicy));
                }
                if s.allowed(a, "iam:PutUserPolicy", arn, &[]) && freed() {
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
                            ) && freed()
                            {
                                out.push(me(Step::AttachGroupPolicy(g)));
                            }
                            if s.allowed(a, "iam:PutGroupPolicy", &group.arn, &[]) && freed() {
                                out.push(me(Step::PutGroupPolicy(g)));
                            }
                        }
                    }
                }
            }
            Identity::Role { .. } => {
                if s.allowed(
                    a,
                    "iam:AttachRolePolicy",
                    arn,
                    &[("iam:PolicyARN", admin_policy())],
                ) && freed()
                {
                    out.push(me(Step::AttachRolePolicy));
                }
                if s.allowed(a, "iam:PutRolePolicy", arn, &[]) && freed() {
                    out.push(me(Step::PutRolePolicy));
                }
            }
            Identity::Root => {}
        }
        for pol in own {
            let Some(p) = a.policies.get(pol).filter(|p| !p.aws_managed) else {
                continue;
            };
            if s.allowed(a, "iam:CreatePolicyVersion", pol, &[]) && freed() {
                out.push(me(Step::CreatePolicyVersion(pol, is_user)));
            } else if p.versions.len() > 1
                && let Some(now) = p.default_document()
                && s.allowed(a, "iam:SetDefaultPolicyVersion", pol, &[])
                && let Some(v) = p.versions.iter().find(|v| {
                    v.id != p.default_version
                        && s.admin_with(a, None, Some((&now.policy, &v.document.policy)))
                })
            {
                out.push(me(Step::SetDefaultPolicyVersion(pol, &v.id)));
            }
        }
        // Joining a group of administrators.
        if let Identity::User(u) = &s.caller.identity
            && let Some(user) = a.users.get(u)
        {
            for g in &self.admin_groups {
                if !user.groups.contains(&g.name)
                    && s.allowed(a, "iam:AddUserToGroup", &g.arn, &[])
                    && freed()
                {
                    out.push(me(Step::AddUserToGroup(&g.name)));
                }
            }
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
                && retrusted_admits(a, s, &r.arn)
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
                && let Some(profile) = self.profile_for(s, r)
            {
                out.push(Edge {
                    to,
                    step: Step::PassRoleToEc2(profile),
                });
            } else if admin_role
                && trusts_service(r, "lambda.amazonaws.com")
                && s.allowed(a, "lambda:CreateFunction", "*", &[])
                && s.allowed(
                    a,
                    "lambda:InvokeFunction",
                    &format!("arn:aws:lambda:us-east-1:{}:function:escalation", a.id),
                    &[],
                )
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
        // Existing functions whose role is an administrator: new code runs as the role.
        for f in a.functions.values() {
            let Some(&ri) = self.by_arn.get(f.role.as_str()) else {
                continue;
            };
            if ri != i
                && self.is_admin(ri)
                && s.allowed(a, "lambda:UpdateFunctionCode", &f.arn, &[])
                && s.allowed(a, "lambda:InvokeFunction", &f.arn, &[])
            {
                out.push(Edge {
                    to: Some(ri),
                    step: Step::UpdateFunctionCode(&f.name),
                });
            }
        }
        out
    }

    /// The instance profile an instance with role `r` is launched with: one that holds it
    /// (`Some(Some(name))`), or one `s` may make and put it in (`Some(None)`); `None` when
    /// neither.
    fn profile_for(&self, s: &Subject, r: &'a crate::account::Role) -> Option<Option<&'a str>> {
        let a = self.a;
        if let Some(p) = a
            .instance_profiles
            .values()
            .find(|p| p.roles.contains(&r.name))
        {
            return Some(Some(p.name.as_str()));
        }
        let profile = a.iam_arn("instance-profile", "/", &r.name);
        (s.allowed(a, "iam:CreateInstanceProfile", &profile, &[])
            && s.allowed(a, "iam:AddRoleToInstanceProfile", &profile, &[]))
        .then_some(None)
    }

    /// The code a path's function runs as the administrator role: the call that makes the
    /// path's principal `from` an administrator.
    fn function_code(&self, from: usize) -> String {
        match self.all.get(from).map(|s| &s.caller.identity) {
            Some(Identity::Role { role, .. }) => {
                format!(
                    "aws iam attach-role-policy --role-name {role} --policy-arn {ADMIN_POLICY}\n"
                )
            }
            Some(Identity::User(u)) => {
                format!("aws iam attach-user-policy --user-name {u} --policy-arn {ADMIN_POLICY}\n")
            }
            _ => String::new(),
        }
    }

    /// The AWS CLI commands of one step taken by principal `from` (of this account) to
    /// `to` (of this account or, for [`Step::AssumeRoleAcross`], another).
    fn moves(&self, from: usize, step: Step<'_>, to: Option<&Subject>) -> Vec<Move> {
        let (me, me_arn) = match self.all.get(from).map(|s| &s.caller.identity) {
            Some(Identity::User(u)) => (u.as_str(), self.arn(from)),
            Some(Identity::Role { role, .. }) => (role.as_str(), self.arn(from)),
            _ => ("", self.arn(from)),
        };
        let target = to.map_or("", |s| s.arn.as_str());
        let target_name = match to.map(|s| &s.caller.identity) {
            Some(Identity::User(u)) => u.as_str(),
            Some(Identity::Role { role, .. }) => role.as_str(),
            _ => short(target),
        };
        let run = Move::run;
        let assume = || {
            Move::becoming(
                format!("aws sts assume-role --role-arn {target} --role-session-name {SESSION}"),
                target,
            )
        };
        match step {
            Step::AttachUserPolicy => vec![run(format!(
                "aws iam attach-user-policy --user-name {me} --policy-arn {ADMIN_POLICY}"
            ))],
            Step::PutUserPolicy => vec![run(format!(
                "aws iam put-user-policy --user-name {me} --policy-name escalation --policy-document '{ALLOW_ALL}'"
            ))],
            Step::AttachGroupPolicy(g) => vec![run(format!(
                "aws iam attach-group-policy --group-name {g} --policy-arn {ADMIN_POLICY}"
            ))],
            Step::PutGroupPolicy(g) => vec![run(format!(
                "aws iam put-group-policy --group-name {g} --policy-name escalation --policy-document '{ALLOW_ALL}'"
            ))],
            Step::CreatePolicyVersion(pol, _) => vec![run(format!(
                "aws iam create-policy-version --policy-arn {pol} --policy-document '{ALLOW_ALL}' --set-as-default"
            ))],
            Step::SetDefaultPolicyVersion(pol, v) => vec![run(format!(
                "aws iam set-default-policy-version --policy-arn {pol} --version-id {v}"
            ))],
            Step::AddUserToGroup(g) => vec![run(format!(
                "aws iam add-user-to-group --group-name {g} --user-name {me}"
            ))],
            Step::AttachRolePolicy => vec![run(format!(
                "aws iam attach-role-policy --role-name {me} --policy-arn {ADMIN_POLICY}"
            ))],
            Step::PutRolePolicy => vec![run(format!(
                "aws iam put-role-policy --role-name {me} --policy-name escalation --policy-document '{ALLOW_ALL}'"
            ))],
            Step::CreateAccessKey => vec![Move::becoming(
                format!("aws iam create-access-key --user-name {target_name}"),
                target,
            )],
            Step::UpdateLoginProfile => {
                let has = self
                    .a
                    .users
                    .get(target_name)
                    .is_some_and(|u| u.login_profile.is_some());
                let verb = if has { "update" } else { "create" };
                vec![run(format!(
                    "aws iam {verb}-login-profile --user-name {target_name} --password 'Escalation-2026!'"
                ))]
            }
            Step::AssumeRole | Step::AssumeRoleAcross(_) => vec![assume()],
            Step::UpdateAssumeRolePolicy => vec![
                run(format!(
                    "aws iam update-assume-role-policy --role-name {target_name} --policy-document '{}'",
                    retrust_document(me_arn)
                )),
                assume(),
            ],
            Step::PassRoleToEc2(profile) => {
                let mut out = Vec::new();
                let profile = match profile {
                    Some(p) => p,
                    None => {
                        out.push(run(format!(
                            "aws iam create-instance-profile --instance-profile-name {target_name}"
                        )));
                        out.push(run(format!(
                            "aws iam add-role-to-instance-profile --instance-profile-name {target_name} --role-name {target_name}"
                        )));
                        target_name
                    }
                };
                out.push(run(format!(
                    "aws ec2 run-instances --image-id {} --instance-type t3.micro --iam-instance-profile Name={profile}",
                    crate::account::ec2::DEFAULT_IMAGE
                )));
                // The instance is running about 30 seconds later (`wait` is the sandbox's way
                // of letting time pass; the attacker needs no permission to wait).
                out.push(run("wait 1m".to_string()));
                out.push(Move::becoming(
                    format!(
                        "curl http://169.254.169.254/latest/meta-data/iam/security-credentials/{target_name} --instance <instance-id>"
                    ),
                    target,
                ));
                out
            }
            Step::PassRoleToLambda => vec![
                Move::writing(
                    format!(
                        "aws lambda create-function --function-name escalation --runtime python3.12 --handler index.handler --role {target} --zip-file fileb://escalation.zip"
                    ),
                    "escalation.zip",
                    self.function_code(from),
                ),
                run("aws lambda invoke --function-name escalation out.json".to_string()),
            ],
            Step::UpdateFunctionCode(f) => vec![
                Move::writing(
                    format!(
                        "aws lambda update-function-code --function-name {f} --zip-file fileb://escalation.zip"
                    ),
                    "escalation.zip",
                    self.function_code(from),
                ),
                run(format!("aws lambda invoke --function-name {f} out.json")),
            ],
            Step::UpdateFunctionCodeAcross(f, account) => {
                let user = format!("arn:aws:iam::{account}:user/{SESSION}");
                vec![
                    Move::writing(
                        format!(
                            "aws lambda update-function-code --function-name {f} --zip-file fileb://escalation.zip"
                        ),
                        "escalation.zip",
                        function_code_across(),
                    ),
                    Move {
                        result_in: Some("out.json".to_string()),
                        ..Move::becoming(
                            format!("aws lambda invoke --function-name {f} out.json"),
                            &user,
                        )
                    },
                ]
            }
        }
    }

    /// The sentence of one step taken by principal `from` (of this account) to `to`.
    fn sentence(&self, from: usize, step: Step<'_>, to: Option<&Subject>) -> Said {
        let me = short(self.arn(from));
        let target = to.map_or("", |s| s.arn.as_str());
        let role = match to.map(|s| &s.caller.identity) {
            Some(Identity::Role { role, .. }) => role.as_str(),
            _ => short(target),
        };
        let say = |msg| Said::new(msg).with("me", me);
        let permission = step.permission();
        match step {
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
            Step::SetDefaultPolicyVersion(pol, v) => say(Audit::StepOldVersionDefault)
                .with("policy", short(pol))
                .with("version", v),
            Step::AddUserToGroup(g) => say(Audit::StepJoinAdmins).with("group", g),
            Step::CreateAccessKey => say(Audit::StepKeyForAdmin).with("target", short(target)),
            Step::UpdateLoginProfile => {
                say(Audit::StepPasswordForAdmin).with("target", short(target))
            }
            Step::AssumeRole => say(Audit::StepAssume).with("role", role),
            Step::AssumeRoleAcross(account) => say(Audit::StepAssumeAcross)
                .with("role", role)
                .with("account", account),
            Step::UpdateAssumeRolePolicy => say(Audit::StepRetrust).with("role", role),
            Step::PassRoleToEc2(_) => say(Audit::StepPassToEc2).with("role", role),
            Step::PassRoleToLambda => say(Audit::StepPassToLambda).with("role", role),
            Step::UpdateFunctionCode(f) => say(Audit::StepNewFunctionCode)
                .with("function", f)
                .with("role", role),
            Step::UpdateFunctionCodeAcross(f, account) => say(Audit::StepNewFunctionCodeAcross)
                .with("function", short(f))
                .with("account", account)
                .with("role", role),
        }
    }
}

/// Every way a principal that is not an administrator can become one: for each of its
/// first steps that leads to an administrator, however many steps that takes, the shortest
/// path that begins with it. Each principal's way onwards is its shortest, so a path never
/// visits a principal twice and is at most as long as the account has principals.
pub fn paths(a: &Account) -> Vec<Path> {
    paths_across(a, &BTreeMap::new())
}

/// [`paths`] over the scenario's accounts: `home`, the account audited, and the `others`
/// beside it (a scenario's `accounts:`). Every account's principals are nodes of one graph,
/// each one's edges within its account found as [`paths`] finds them; a principal that may
/// assume a role of another account (its identity-based policies and the role's trust policy
/// both allowing it, with both organizations' SCPs and RCPs), or replace the code of and
/// invoke a function of another account whose role is an administrator there (its policies
/// and the function's resource-based policy both allowing it), has an edge to that role, and
/// the path goes on in that account (and may come back). An administrator of any account ends a
/// path. A path is reported when one of its principals is of `home`; one that starts in
/// another account has an id led by that account's id (`222222222222:role/NAME/1`). Without
/// others this is [`paths`], step for step.
pub fn paths_across(home: &Account, others: &BTreeMap<String, Account>) -> Vec<Path> {
    let accounts: Vec<&Account> = std::iter::once(home)
        .chain(others.values().filter(|o| o.id != home.id))
        .collect();
    let subjects: Vec<Vec<Subject>> = accounts.iter().map(|a| principals(a)).collect();
    let graphs: Vec<Graph> = accounts
        .iter()
        .zip(&subjects)
        .map(|(a, all)| Graph::new(a, all))
        .collect();
    // Each node's account (its graph) and its index there; the first node of each graph.
    let mut base_of = Vec::with_capacity(graphs.len());
    let mut node: Vec<(usize, usize)> = Vec::new();
    for (k, all) in subjects.iter().enumerate() {
        base_of.push(node.len());
        node.extend((0..all.len()).map(|i| (k, i)));
    }
    let n = node.len();
    let at = |g: usize| node.get(g).copied();
    let graph = |g: usize| at(g).and_then(|(k, _)| graphs.get(k));
    let subject = |g: usize| at(g).and_then(|(k, i)| subjects.get(k)?.get(i));
    let admin_at =
        |g: usize| at(g).is_some_and(|(k, i)| graphs.get(k).is_some_and(|x| x.is_admin(i)));
    let arn = |g: usize| subject(g).map_or("", |s| s.arn.as_str());
    let edges: Vec<Vec<Edge>> = (0..n)
        .map(|g| {
            let Some((k, i)) = at(g) else {
                return Vec::new();
            };
            let (Some(gr), Some(&base)) = (graphs.get(k), base_of.get(k)) else {
                return Vec::new();
            };
            if gr.is_admin(i) {
                return Vec::new();
            }
            let mut out: Vec<Edge> = gr
                .edges(i)
                .into_iter()
                .map(|e| Edge {
                    to: e.to.map(|t| base + t),
                    step: e.step,
                })
                .collect();
            // Roles of the other accounts: both sides must allow, so the principal's own
            // policies must allow `sts:AssumeRole` on something.
            if let Some(s) = subject(g)
                && graphs.len() > 1
                && s.may("sts:AssumeRole")
            {
                for (j, other) in graphs.iter().enumerate() {
                    if j == k {
                        continue;
                    }
                    let Some(&obase) = base_of.get(j) else {
                        continue;
                    };
                    for (ri, t) in &other.trusts {
                        if t.may_admit_from(&gr.a.id, s) && can_assume_across(gr.a, s, other.a, t) {
                            out.push(Edge {
                                to: Some(obase + ri),
                                step: Step::AssumeRoleAcross(other.a.id.as_str()),
                            });
                        }
                    }
                }
            }
            // Functions of the other accounts whose role is an administrator there: their
            // resource-based policy and the principal's own policies must allow both the new
            // code and the invoke, as for a function of the principal's account.
            if let Some(s) = subject(g)
                && graphs.len() > 1
                && s.may("lambda:UpdateFunctionCode")
                && s.may("lambda:InvokeFunction")
            {
                for (j, other) in graphs.iter().enumerate() {
                    let Some(&obase) = base_of.get(j).filter(|_| j != k) else {
                        continue;
                    };
                    for f in other.a.functions.values() {
                        let Some(&ri) = other.by_arn.get(f.role.as_str()) else {
                            continue;
                        };
                        if other.is_admin(ri) && can_change_function_across(gr.a, s, other.a, f) {
                            out.push(Edge {
                                to: Some(obase + ri),
                                step: Step::UpdateFunctionCodeAcross(
                                    f.arn.as_str(),
                                    other.a.id.as_str(),
                                ),
                            });
                        }
                    }
                }
            }
            out
        })
        .collect();
    // Breadth-first from the administrators backwards: each principal's fewest steps to an
    // administrator, and the edge that begins them.
    let mut dist = vec![usize::MAX; n];
    let mut next = vec![usize::MAX; n];
    let mut into: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut queue = VecDeque::new();
    for (x, es) in edges.iter().enumerate() {
        for (k, e) in es.iter().enumerate() {
            match e.to {
                Some(t) if !admin_at(t) => {
                    if let Some(v) = into.get_mut(t) {
                        v.push((x, k));
                    }
                }
                _ => {
                    if dist.get(x) == Some(&usize::MAX) {
                        if let Some(d) = dist.get_mut(x) {
                            *d = 1;
                        }
                        if let Some(d) = next.get_mut(x) {
                            *d = k;
                        }
                        queue.push_back(x);
                    }
                }
            }
        }
    }
    while let Some(y) = queue.pop_front() {
        let dy = dist.get(y).copied().unwrap_or(usize::MAX);
        for &(x, k) in into.get(y).map(Vec::as_slice).unwrap_or_default() {
            if dist.get(x) == Some(&usize::MAX) {
                if let Some(d) = dist.get_mut(x) {
                    *d = dy + 1;
                }
                if let Some(d) = next.get_mut(x) {
                    *d = k;
                }
                queue.push_back(x);
            }
        }
    }
    let home_nodes = subjects.first().map_or(0, Vec::len);
    let mut out = Vec::new();
    for start in (0..n).filter(|&i| !admin_at(i)) {
        let Some(es) = edges.get(start) else {
            continue;
        };
        let mut number = 0;
        for &first in es {
            let mut hops: Vec<(usize, Edge)> = vec![(start, first)];
            if let Some(y) = first.to.filter(|&t| !admin_at(t)) {
                if dist.get(y).is_none_or(|&d| d == usize::MAX) {
                    continue;
                }
                // Onwards along each principal's shortest way.
                let mut here = y;
                let mut looped = false;
                while let Some(e) = next
                    .get(here)
                    .and_then(|&kk| edges.get(here)?.get(kk))
                    .copied()
                {
                    if here == start {
                        looped = true;
                        break;
                    }
                    hops.push((here, e));
                    match e.to {
                        Some(t) if !admin_at(t) && hops.len() <= n => here = t,
                        _ => break,
                    }
                }
                if looped || hops.len() > n {
                    continue;
                }
            }
            let Some(&(last, end)) = hops.last() else {
                continue;
            };
            // Paths wholly inside another account are that account's audit's.
            let touches_home = hops
                .iter()
                .any(|&(x, e)| x < home_nodes || e.to.is_some_and(|t| t < home_nodes));
            if !touches_home {
                continue;
            }
            number += 1;
            let from = arn(start);
            let kind = if from.contains(":user/") {
                "user"
            } else {
                "role"
            };
            let account = if start < home_nodes {
                String::new()
            } else {
                format!("{}:", graph(start).map_or("", |x| x.a.id.as_str()))
            };
            let (mut steps, mut walk) = (Vec::new(), Vec::new());
            for &(x, e) in &hops {
                let (Some(g), Some((_, i))) = (graph(x), at(x)) else {
                    continue;
                };
                let to = e.to.and_then(subject);
                steps.push(g.sentence(i, e.step, to));
                walk.extend(g.moves(i, e.step, to));
            }
            out.push(Path {
                id: format!("{account}{kind}/{}/{number}", short(from)),
                from: from.to_string(),
                to: arn(end.to.unwrap_or(last)).to_string(),
                permission: first.step.permission().to_string(),
                steps,
                walk,
            });
        }
    }
    out
}
