//! Deciding whether a goal holds in a sandbox: every declarative check of the lesson format,
//! evaluated on the simulated account with the same engines the CLI uses.

use std::collections::BTreeMap;

use super::model::{
    Attachee, Check, Entity, EntityKind, Goal, InstanceState, InstancesCheck, KeyWant, MfaOf,
    PasswordRule, PrincipalSpec, RequestSpec, Text, WebIdentitySession,
};
use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::account::command::{Creds, Sandbox};
use crate::account::ec2::State;
use crate::eval::{ContextType, ContextValue, Decision};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::lint::Lint;

mod say;

/// The result of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    /// It holds.
    pub ok: bool,
    /// The check as a sentence in the learner's language, saying what holds or what does not
    /// hold yet (the author's `ok_message` when it holds and one is given).
    pub what: String,
    /// The author's message when it does not hold, in the learner's language.
    pub fail_message: Option<String>,
}

/// Why a principal string names no one in the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoOne {
    /// `user/NAME` for a user the account does not have.
    User(String),
    /// `role/NAME` for a role the account does not have.
    Role(String),
    /// Not of a form a principal is written in.
    NotAPrincipal(String),
    /// A web identity session's token that the scenario does not declare.
    Token(String),
    /// A web identity token that STS refuses before the role's trust policy is asked (no
    /// OIDC provider for its issuer, no audience the provider lists, expired): no session.
    NoSession(String, TokenRefused),
}

/// Why STS refuses a web identity token before the trust policy decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefused {
    /// Not a token a known issuer signed.
    Invalid,
    /// The account has no OIDC provider for its issuer.
    NoProvider,
    /// The provider lists none of its audiences.
    Audience,
    /// Expired.
    Expired,
}

impl NoOne {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            NoOne::User(n) => Lint::NoUser.fill(lang, &[("name", n)]),
            NoOne::Role(n) => Lint::NoRole.fill(lang, &[("name", n)]),
            NoOne::NotAPrincipal(w) => Lint::NotPrincipal.fill(lang, &[("who", w)]),
            NoOne::Token(n) => Lint::NoToken.fill(lang, &[("name", n)]),
            NoOne::NoSession(n, why) => match why {
                TokenRefused::Invalid => Lint::TokenInvalid,
                TokenRefused::NoProvider => Lint::TokenNoProvider,
                TokenRefused::Audience => Lint::TokenAudience,
                TokenRefused::Expired => Lint::TokenExpired,
            }
            .fill(lang, &[("name", n)]),
        }
    }
}

impl std::fmt::Display for NoOne {
    /// The reason in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Who a principal string names: `root`, `user/NAME`, `role/NAME`, or an ARN.
pub fn identity_of(a: &Account, who: &str) -> Result<Identity, NoOne> {
    let w = who.trim();
    if w == "root" || w.ends_with(":root") {
        return Ok(Identity::Root);
    }
    let tail = w
        .rsplit_once(":user/")
        .map(|(_, t)| format!("user/{t}"))
        .or_else(|| w.rsplit_once(":role/").map(|(_, t)| format!("role/{t}")))
        .unwrap_or_else(|| w.to_string());
    if let Some(n) = tail.strip_prefix("user/") {
        let n = n.rsplit('/').next().unwrap_or(n);
        return if a.users.contains_key(n) {
            Ok(Identity::User(n.to_string()))
        } else {
            Err(NoOne::User(n.to_string()))
        };
    }
    if let Some(n) = tail.strip_prefix("role/") {
        let n = n.rsplit('/').next().unwrap_or(n);
        return if a.roles.contains_key(n) {
            Ok(Identity::Role {
                role: n.to_string(),
                session: "lesson".into(),
            })
        } else {
            Err(NoOne::Role(n.to_string()))
        };
    }
    Err(NoOne::NotAPrincipal(who.to_string()))
}

fn scalar(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Context entries from a lesson's `context:` map (lists are multivalued keys).
pub fn context_extra(ctx: &BTreeMap<String, serde_yaml::Value>) -> Vec<(String, ContextValue)> {
    ctx.iter()
        .map(|(k, v)| {
            let (values, multi) = match v {
                serde_yaml::Value::Sequence(s) => (s.iter().map(scalar).collect(), true),
                other => (vec![scalar(other)], false),
            };
            (
                k.clone(),
                ContextValue {
                    values,
                    multi,
                    ty: ContextType::String,
                },
            )
        })
        .collect()
}

/// Decides a lesson request in the sandbox's account.
pub fn decide(sb: &Sandbox, r: &RequestSpec) -> Result<Decision, NoOne> {
    let (req, set) = request_and_policies(sb, r)?;
    Ok(crate::eval::evaluate(&req, &set))
}

/// Whether the request is allowed, as the sandbox's commands would allow it. Assuming a role
/// needs its trust policy's allow even within the account (an identity-based allow alone is
/// not enough), as `sts assume-role` enforces: "IAM role trust policies and AWS KMS key
/// policies ... must explicitly allow access for principals"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html>).
/// A web identity token that gets no session can do nothing.
fn permitted(sb: &Sandbox, r: &RequestSpec) -> Result<bool, NoOne> {
    let a = &sb.account;
    let d = match decide(sb, r) {
        Err(NoOne::NoSession(..)) => return Ok(false),
        d => d?,
    };
    let assumes_role = r.action.to_ascii_lowercase().starts_with("sts:assumerole")
        && a.roles.values().any(|x| x.arn == r.resource);
    Ok(d.is_allowed() && !(assumes_role && d.allowed_by_resource != Some(true)))
}

/// The request a spec describes and every policy that takes part in deciding it (the
/// principal's, and the resource's own: a bucket policy or a role's trust policy). For a web
/// identity session whose token the role's trust policy refuses, the request is the
/// `sts:AssumeRoleWithWebIdentity` that fails, with the trust policy that refuses it.
pub fn request_and_policies(
    sb: &Sandbox,
    r: &RequestSpec,
) -> Result<(crate::eval::Request, crate::eval::PolicySet), NoOne> {
    let a = &sb.account;
    let (mut req, mut set) = match &r.principal {
        PrincipalSpec::WebIdentity(w) => match web_identity_request(sb, &w.web_identity, r)? {
            (req, set, true) => (req, set),
            (req, set, false) => return Ok((req, set)),
        },
        PrincipalSpec::Named(who) => match outsider(a, who) {
            Some(p) => {
                let (mut req, mut set) = outsider_request(a, p, r);
                if let Some(v) = &a.org {
                    // A principal of another account meets this account's RCPs (its own
                    // account's policies, SCPs included, are taken to allow everything).
                    set.rcp_levels = v.rcp_levels.clone();
                    set.management_accounts.push(v.management.clone());
                    req.context.set("aws:ResourceOrgID", v.org_id.clone());
                }
                a.add_resource_tags(&mut req.context, &r.resource);
                (req.with_resource_account(Some(a.id.clone())), set)
            }
            // The request the sandbox would make for the call: the organization's SCPs and
            // RCPs, the resource's tags and organization (its own policy is added below).
            None => {
                let caller = Caller::probe(identity_of(a, who)?, None);
                a.request_on(a, &caller, &r.action, &r.resource, &[], None)
            }
        },
    };
    for (k, v) in context_extra(&r.context) {
        req.context.insert(&k, v);
    }
    // A resource-based policy decides only its own service's actions: a bucket policy S3's,
    // a role's trust policy the STS actions that assume it or tag its session, never, say,
    // `iam:PassRole` or `iam:GetRole` on the role
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html,
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
    let service = r.action.split(':').next().unwrap_or_default();
    if !service.eq_ignore_ascii_case("s3") && !service.eq_ignore_ascii_case("sts") {
        return Ok((req, set));
    }
    if let Some(bucket) = r.resource.strip_prefix("arn:aws:s3:::") {
        let name = bucket.split('/').next().unwrap_or(bucket);
        if let Some(d) = a.buckets.get(name).and_then(|b| b.policy.as_ref()) {
            set.resource = Some(crate::eval::SourcedPolicy::new(
                d.policy.clone(),
                "BucketPolicy",
                crate::eval::SourceType::Resource,
            ));
        }
    } else if let Some(role) = a.roles.values().find(|x| x.arn == r.resource) {
        set.resource = Some(crate::eval::SourcedPolicy::new(
            role.trust.policy.clone(),
            "TrustPolicy",
            crate::eval::SourceType::Resource,
        ));
    }
    Ok((req, set))
}

/// The request of a role session that a scenario's web identity token gets, made as the
/// sandbox makes it: STS's steps and the role's trust policy with the token's claims
/// (`sts::web_identity_trust`, as `sts assume-role-with-web-identity` runs them), then the
/// session made in a copy of the account (`sts::web_identity_session`: federated through the
/// provider, no MFA, issued now) and its call built by `request_on`. `true` with the call's
/// request; `false` with the refused `sts:AssumeRoleWithWebIdentity` and the trust policy.
fn web_identity_request(
    sb: &Sandbox,
    w: &WebIdentitySession,
    r: &RequestSpec,
) -> Result<(crate::eval::Request, crate::eval::PolicySet, bool), NoOne> {
    use crate::account::authz::PROBE_IP;
    use crate::account::sts::{WebIdentityRefusal, web_identity_session, web_identity_trust};
    let a = &sb.account;
    let token = sb
        .tokens
        .get(&w.token)
        .ok_or_else(|| NoOne::Token(w.token.clone()))?;
    let no_role = || NoOne::Role(w.role.clone());
    let role = a.roles.get(&w.role).ok_or_else(no_role)?;
    let session = "lesson";
    let refused = |why| NoOne::NoSession(w.token.clone(), why);
    match web_identity_trust(a, &role.arn, token, session, PROBE_IP, &mut None) {
        Ok(grant) => {
            let mut acct = a.clone();
            let s = web_identity_session(&mut acct, &grant, session, 3600, None);
            let caller = acct
                .caller_for_key("", &s.access_key_id, PROBE_IP, "us-east-1")
                .map_err(|_| no_role())?;
            let (req, set) = acct.request_on(&acct, &caller, &r.action, &r.resource, &[], None);
            Ok((req, set, true))
        }
        Err(WebIdentityRefusal::Denied(Some(d))) => {
            let (req, set) = *d;
            Ok((req, set, false))
        }
        Err(WebIdentityRefusal::Denied(None)) => Err(no_role()),
        Err(WebIdentityRefusal::Invalid) => Err(refused(TokenRefused::Invalid)),
        Err(WebIdentityRefusal::NoProvider(_)) => Err(refused(TokenRefused::NoProvider)),
        Err(WebIdentityRefusal::Audience) => Err(refused(TokenRefused::Audience)),
        Err(WebIdentityRefusal::Expired(..)) => Err(refused(TokenRefused::Expired)),
    }
}

/// A principal outside the account: a service principal (`ec2.amazonaws.com`) or the ARN of
/// a principal of another account. `None` for this account's principals and for anything
/// that is not a principal (which [`identity_of`] then names).
pub(crate) fn outsider(a: &Account, who: &str) -> Option<crate::eval::Principal> {
    let p = crate::eval::Principal::from_arn(who.trim()).ok()?;
    match p.kind {
        crate::eval::PrincipalType::Service => Some(p),
        crate::eval::PrincipalType::Anonymous => None,
        _ if p.account != a.id => Some(p),
        _ => None,
    }
}

/// The request of a principal outside the account and the policies that decide it. Its own
/// account is assumed to allow it everything (the worst case: this account cannot see those
/// policies), so what decides is this account's resource policy, as for a cross-account
/// request in AWS; a service has no identity-based policies at all.
fn outsider_request(
    a: &Account,
    p: crate::eval::Principal,
    r: &RequestSpec,
) -> (crate::eval::Request, crate::eval::PolicySet) {
    let mut ctx = crate::eval::Context::new();
    ctx.set("aws:PrincipalArn", p.arn.clone());
    if !p.account.is_empty() {
        ctx.set("aws:PrincipalAccount", p.account.clone());
    }
    if p.kind == crate::eval::PrincipalType::Service {
        ctx.set("aws:PrincipalServiceName", p.arn.clone());
    }
    // `true` for an AWS service principal, `false` for any other
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice).
    ctx.insert(
        "aws:PrincipalIsAWSService",
        ContextValue {
            values: vec![(p.kind == crate::eval::PrincipalType::Service).to_string()],
            multi: false,
            ty: ContextType::Boolean,
        },
    );
    ctx.insert(
        "aws:CurrentTime",
        ContextValue {
            values: vec![a.now.to_string()],
            multi: false,
            ty: ContextType::Date,
        },
    );
    let mut set = crate::eval::PolicySet::default();
    if p.kind != crate::eval::PrincipalType::Service {
        let everything = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        if let Ok(policy) =
            crate::policy::Policy::parse(everything, crate::policy::PolicyType::Identity)
        {
            set.identity.push(crate::eval::SourcedPolicy::new(
                std::sync::Arc::new(policy),
                "OwnAccount",
                crate::eval::SourceType::User,
            ));
        }
    }
    (
        crate::eval::Request::new(p, &r.action, &r.resource, ctx),
        set,
    )
}

/// Whether a trust policy entry of `kind` with `value` names one of `allowed` (as
/// [`normalize`] writes them).
fn trust_entry_allowed(
    a: &Account,
    kind: crate::policy::PrincipalKind,
    value: &str,
    allowed: &[String],
) -> bool {
    let v = match kind {
        crate::policy::PrincipalKind::Aws => normalize(a, value),
        _ => value.trim().to_string(),
    };
    v != "*" && allowed.contains(&v)
}

/// A principal as an ARN: `root`, an account id, `user/NAME`, `role/NAME` in this account.
fn normalize(a: &Account, who: &str) -> String {
    let w = who.trim();
    if w == "root" {
        return format!("arn:aws:iam::{}:root", a.id);
    }
    if w.len() == 12 && w.bytes().all(|b| b.is_ascii_digit()) {
        return format!("arn:aws:iam::{w}:root");
    }
    if let Some(n) = w.strip_prefix("user/") {
        return a
            .users
            .get(n)
            .map(|u| u.arn.clone())
            .unwrap_or_else(|| format!("arn:aws:iam::{}:user/{n}", a.id));
    }
    if let Some(n) = w.strip_prefix("role/") {
        return a
            .roles
            .get(n)
            .map(|r| r.arn.clone())
            .unwrap_or_else(|| format!("arn:aws:iam::{}:role/{n}", a.id));
    }
    w.to_string()
}

/// Whether the role's trust policy allows no principal but `only`: every `Allow` statement
/// names its principals (no `NotPrincipal`, no `*`), each of them listed. Conditions are not
/// read: a statement that trusts everyone under a condition still trusts more than the list.
fn trusts_only(a: &Account, role: &str, only: &[String]) -> bool {
    let Some(r) = a.roles.get(role) else {
        return false;
    };
    let allowed: Vec<String> = only
        .iter()
        .map(|x| {
            if x.ends_with(".amazonaws.com") && !x.starts_with("arn:") {
                x.trim().to_string()
            } else {
                normalize(a, x)
            }
        })
        .collect();
    r.trust
        .policy
        .statements
        .iter()
        .filter(|st| st.effect == crate::policy::Effect::Allow)
        .all(|st| {
            st.principal.as_ref().is_some_and(|p| {
                !p.negated
                    && !p.everyone
                    && p.entries
                        .iter()
                        .all(|(k, v)| trust_entry_allowed(a, *k, &v.value, &allowed))
            })
        })
}

fn policy_matches(a: &Account, arn: &str, want: &str) -> bool {
    arn == want
        || a.policies.get(arn).is_some_and(|p| p.name == want)
        || arn.rsplit('/').next() == Some(want)
}

/// Evaluates a goal in a sandbox (its account, and for `cli_profile` its CLI profiles):
/// whether it holds, and a sentence in `lang` saying so (the author's `ok_message` when it
/// holds and one is given) or saying what is not so yet (and the author's `fail_message`).
pub fn evaluate(sb: &Sandbox, g: &Goal, lang: &str, fallback: &str) -> CheckResult {
    let ok = holds(sb, &g.check);
    let author = |t: &Option<Text>| t.as_ref().map(|t| t.get(lang, fallback).to_string());
    // A check about a principal or role that does not exist yet cannot be judged: it is said
    // as what is wanted ("BatchRole cannot delete reports."), not as a fault of something
    // absent (trial TE2-1: "BatchRole's trust policy admits more…" before BatchRole existed).
    if !ok && let Some(name) = waits(&sb.account, &g.check) {
        let l = crate::lang::Lang::parse(lang).unwrap_or_default();
        return CheckResult {
            ok,
            what: format!(
                "{}{}",
                say::sentence(sb, &g.check, lang, true).trim_end_matches(['.', '。']),
                crate::msg::goal::Goal::WaitsFor.fill(l, &[("name", &name)])
            ),
            fail_message: None,
        };
    }
    let what = if ok { author(&g.ok_message) } else { None };
    CheckResult {
        ok,
        what: what.unwrap_or_else(|| say::sentence(sb, &g.check, lang, ok)),
        fail_message: if ok { None } else { author(&g.fail_message) },
    }
}

/// Whether a check is about a principal or role that does not exist yet (so it fails for
/// that alone): `cannot` for a user or role the account lacks, `trust_only` for a missing
/// role, and an `all` holding such a check.
/// The missing one's name, when so.
fn waits(a: &Account, c: &Check) -> Option<String> {
    match c {
        // A principal of another account (or a service) is decided as an outsider: nothing
        // of this account to wait for.
        Check::Cannot(r) => match &r.principal {
            PrincipalSpec::WebIdentity(w) => {
                let role = &w.web_identity.role;
                (!a.roles.contains_key(role)).then(|| role.clone())
            }
            PrincipalSpec::Named(p) if outsider(a, p).is_some() => None,
            PrincipalSpec::Named(p) => match identity_of(a, p) {
                Err(NoOne::User(n) | NoOne::Role(n)) => Some(n),
                _ => None,
            },
        },
        Check::TrustOnly(t) => (!a.roles.contains_key(&t.role)).then(|| t.role.clone()),
        Check::All(gs) => gs.iter().find_map(|g| waits(a, &g.check)),
        _ => None,
    }
}

/// Whether a check holds in a sandbox. A principal that does not exist can do nothing and
/// call nothing, so `can` and `called` fail for it (and so does `cannot`, whose principal must
/// exist to be denied).
fn holds(sb: &Sandbox, c: &Check) -> bool {
    let a = &sb.account;
    match c {
        Check::LoginProfile(l) => {
            let profile = a.users.get(&l.user).and_then(|u| u.login_profile.as_ref());
            profile.is_some_and(|p| {
                l.password_reset_required
                    .is_none_or(|want| p.reset_required == want)
            })
        }
        Check::CliProfile(p) => {
            // The pair must work: the user's active key id, with its own secret.
            let pair = sb.profiles.get(&p.name).and_then(|x| match &x.creds {
                Some(Creds::Keys {
                    access_key_id,
                    secret,
                    ..
                }) => Some((access_key_id, secret)),
                _ => None,
            });
            pair.is_some_and(|(id, secret)| {
                a.users.get(&p.user).is_some_and(|u| {
                    u.access_keys.iter().any(|k| {
                        &k.id == id
                            && &k.secret == secret
                            && k.status == crate::account::KeyStatus::Active
                    })
                })
            })
        }
        Check::Called(x) => {
            let Ok(who) = identity_of(a, &x.principal) else {
                return false;
            };
            a.cloudtrail.events.iter().any(|e| {
                e.name == x.operation
                    && e.error_code.is_none()
                    && match &who {
                        Identity::Root => e.identity_type == "Root",
                        Identity::User(n) => e.identity_type == "IAMUser" && &e.user_name == n,
                        Identity::Role { role, .. } => {
                            e.identity_type == "AssumedRole"
                                && e.arn.contains(&format!(":assumed-role/{role}/"))
                        }
                    }
            })
        }
        Check::Can(r) => permitted(sb, r).is_ok_and(|allowed| allowed),
        Check::Cannot(r) => permitted(sb, r).is_ok_and(|allowed| !allowed),
        Check::Exists(m) => m.iter().all(|e| entity_exists(a, e)),
        Check::Absent(m) => m.iter().all(|e| !entity_exists(a, e)),
        Check::MemberOf(m) => a
            .users
            .get(&m.user)
            .is_some_and(|u| u.groups.contains(&m.group)),
        Check::PolicyAttached { to, name, policy } => {
            let attached: Option<&Vec<String>> = match to {
                Attachee::User => a.users.get(name).map(|x| &x.attached),
                Attachee::Group => a.groups.get(name).map(|x| &x.attached),
                Attachee::Role => a.roles.get(name).map(|x| &x.attached),
            };
            attached.is_some_and(|v| v.iter().any(|arn| policy_matches(a, arn, policy)))
        }
        Check::InlinePolicy { to, name, policy } => match to {
            Attachee::User => a.users.get(name).map(|x| &x.inline),
            Attachee::Group => a.groups.get(name).map(|x| &x.inline),
            Attachee::Role => a.roles.get(name).map(|x| &x.inline),
        }
        .is_some_and(|inline| inline.contains_key(policy)),
        Check::MfaEnabled(MfaOf::Root) => a.root.mfa_enabled,
        Check::MfaEnabled(MfaOf::User(user)) => a
            .users
            .get(user)
            .is_some_and(|u| u.mfa.iter().any(|d| d.enabled.is_some())),
        Check::AccessKeyStatus(k) => {
            let keys: Vec<&crate::account::AccessKey> = match &k.user {
                None => a.root.access_keys.iter().collect(),
                Some(u) => a
                    .users
                    .get(u)
                    .map(|x| x.access_keys.iter().collect())
                    .unwrap_or_default(),
            };
            let keys: Vec<_> = match &k.key {
                Some(id) => keys.into_iter().filter(|x| &x.id == id).collect(),
                None => keys,
            };
            let all_in = |status| !keys.is_empty() && keys.iter().all(|x| x.status == status);
            match k.status {
                KeyWant::None => keys.is_empty(),
                KeyWant::Inactive => all_in(crate::account::KeyStatus::Inactive),
                KeyWant::Active => all_in(crate::account::KeyStatus::Active),
            }
        }
        Check::PasswordPolicy(rules) => {
            a.password_policy.is_some() && rules.iter().all(|r| password_field_holds(a, r))
        }
        Check::Finding(f) | Check::NoFinding(f) => {
            // With the scenario's other accounts beside it, as `iamdojo audit` runs: a path
            // through another account is a finding a lesson can ask for.
            let findings = crate::audit::controls::audit_across(a, &sb.accounts, a.now);
            let any = findings.iter().any(|x| {
                x.control == f.control
                    && f.resource
                        .as_ref()
                        .is_none_or(|r| x.resource.contains(r.as_str()))
            });
            any == matches!(c, Check::Finding(_))
        }
        Check::BucketPublic(b) => {
            let bucket = a.buckets.get(&b.bucket);
            let public = bucket.is_some_and(|x| {
                let block = x
                    .public_access_block
                    .is_some_and(|p| p.restrict_public_buckets)
                    || a.account_public_access_block
                        .is_some_and(|p| p.restrict_public_buckets);
                let ignore = x.public_access_block.is_some_and(|p| p.ignore_public_acls)
                    || a.account_public_access_block
                        .is_some_and(|p| p.ignore_public_acls);
                (!block && x.policy_is_public()) || (!ignore && x.acl_is_public())
            });
            bucket.is_some() && public == b.public
        }
        Check::PortOpen(p) => {
            let cidr = p.cidr.as_deref().unwrap_or("0.0.0.0/0");
            let open = a.security_groups.values().any(|g| {
                g.ingress
                    .iter()
                    .any(|r| r.cidr == cidr && r.open_to_world(p.port))
                    || g.ingress
                        .iter()
                        .any(|r| r.cidr == cidr && r.from_port <= p.port && p.port <= r.to_port)
            });
            open == p.open
        }
        // In a copy: the learner's sandbox, its CloudTrail and its clock stay as they are.
        Check::Succeeds(cmds) => {
            let mut copy = sb.clone();
            cmds.iter().all(|cmd| copy.run(cmd).code == 0)
        }
        Check::TrailLogging(want) => {
            let on = a
                .cloudtrail
                .trails
                .iter()
                .any(|t| t.logging && t.multi_region);
            on == *want
        }
        Check::TrustOnly(t) => trusts_only(a, &t.role, &t.principals),
        Check::ProfileHolds(x) => {
            let holds_role = a
                .instance_profiles
                .get(&x.profile)
                .is_some_and(|p| p.roles.contains(&x.role));
            let on_instance = x.instance.as_ref().is_none_or(|id| {
                a.instances
                    .get(id)
                    .is_some_and(|i| i.instance_profile.as_deref() == Some(x.profile.as_str()))
            });
            holds_role && on_instance
        }
        Check::Budget(b) => {
            let limits: Vec<f64> = if b.notifies {
                alert_amounts(a)
            } else {
                a.billing
                    .budgets
                    .iter()
                    .map(|x| x.limit)
                    .chain(a.billing.alarms.iter().map(|x| x.threshold))
                    .collect()
            };
            if b.exists {
                !limits.is_empty() && b.max_limit.is_none_or(|m| limits.iter().any(|l| *l <= m))
            } else {
                limits.is_empty()
            }
        }
        Check::Instances(i) => {
            let n = matching_instances(a, i);
            i.count.is_none_or(|c| n == c)
                && i.min.is_none_or(|m| n >= m)
                && i.max.is_none_or(|m| n <= m)
        }
        Check::All(all) => all.iter().all(|x| holds(sb, &x.check)),
        Check::Any(any) => any.iter().any(|x| holds(sb, &x.check)),
        Check::Not(n) => !holds(sb, &n.check),
    }
}

/// The amounts in USD at which someone is told about the bill: each budget notification
/// with a subscriber (a percentage of the budget's limit, or an absolute threshold), and each
/// billing alarm with an action. A budget's notifications are optional, and without one AWS
/// e-mails nobody (<https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create.html>);
/// an alarm without an action only changes its state
/// (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/monitor_estimated_charges_with_cloudwatch.html>).
fn alert_amounts(a: &Account) -> Vec<f64> {
    let budgets = a.billing.budgets.iter().flat_map(|b| {
        b.notices
            .iter()
            .filter(|n| !n.subscribers.is_empty())
            .map(|n| {
                if n.percentage {
                    b.limit * n.threshold / 100.0
                } else {
                    n.threshold
                }
            })
    });
    let alarms = a
        .billing
        .alarms
        .iter()
        .filter(|x| !x.actions.is_empty())
        .map(|x| x.threshold);
    budgets.chain(alarms).collect()
}

/// Whether one field of a `password_policy` check holds (false when no policy is set).
fn password_field_holds(a: &Account, r: &PasswordRule) -> bool {
    let Some(p) = &a.password_policy else {
        return false;
    };
    match *r {
        PasswordRule::MinLength(n) => p.minimum_password_length >= n,
        PasswordRule::RequireSymbols(b) => p.require_symbols == b,
        PasswordRule::RequireNumbers(b) => p.require_numbers == b,
        PasswordRule::RequireUppercase(b) => p.require_uppercase_characters == b,
        PasswordRule::RequireLowercase(b) => p.require_lowercase_characters == b,
        PasswordRule::MaxAge(n) => p.max_password_age.is_some_and(|d| d <= n),
        PasswordRule::ReusePrevention(n) => p.password_reuse_prevention.is_some_and(|d| d >= n),
        PasswordRule::AllowUsersToChange(b) => p.allow_users_to_change_password == b,
    }
}

/// How many instances match an `instances` check's state and type.
fn matching_instances(a: &Account, i: &InstancesCheck) -> usize {
    a.instances
        .values()
        .filter(|x| {
            // An instance still on its way (pending, stopping, shutting down) is in none of
            // the states a lesson names.
            i.state.is_none_or(|s| {
                Some(s)
                    == match x.state {
                        State::Running => Some(InstanceState::Running),
                        State::Stopped => Some(InstanceState::Stopped),
                        State::Terminated => Some(InstanceState::Terminated),
                        State::Pending | State::Stopping | State::ShuttingDown => None,
                    }
            }) && i
                .instance_type
                .as_ref()
                .is_none_or(|t| *t == x.instance_type)
        })
        .count()
}

fn entity_exists(a: &Account, e: &Entity) -> bool {
    let name = e.name.as_str();
    match e.kind {
        EntityKind::User => a.users.contains_key(name),
        EntityKind::Group => a.groups.contains_key(name),
        EntityKind::Role => a.roles.contains_key(name),
        EntityKind::Policy => a.policies.values().any(|p| p.name == name || p.arn == name),
        EntityKind::Bucket => a.buckets.contains_key(name),
        EntityKind::InstanceProfile => a.instance_profiles.contains_key(name),
        EntityKind::Trail => a.cloudtrail.trails.iter().any(|t| t.name == name),
        EntityKind::SecurityGroup => a
            .security_groups
            .values()
            .any(|g| g.name == name || g.id == name),
    }
}
