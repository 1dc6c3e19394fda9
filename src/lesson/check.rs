//! Deciding whether a goal holds in a sandbox: every declarative check of the lesson format,
//! evaluated on the simulated account with the same engines the CLI uses.

use std::collections::BTreeMap;

use super::model::{Check, RequestSpec};
use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::account::command::{Creds, Sandbox};
use crate::account::ec2::State;
use crate::eval::{ContextType, ContextValue, Decision};

/// The result of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    /// It holds.
    pub ok: bool,
    /// What was checked, in words (English; lessons add a translated `fail_message`).
    pub what: String,
    /// The author's message when it does not hold, in the learner's language.
    pub fail_message: Option<String>,
}

/// Who a principal string names: `root`, `user/NAME`, `role/NAME`, or an ARN.
pub fn identity_of(a: &Account, who: &str) -> Result<Identity, String> {
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
            Err(format!("no user `{n}`"))
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
            Err(format!("no role `{n}`"))
        };
    }
    Err(format!(
        "`{who}` is not a principal: write root, user/NAME, role/NAME or an ARN"
    ))
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

/// Decides a lesson request in the account.
pub fn decide(a: &Account, r: &RequestSpec) -> Result<Decision, String> {
    let (req, set) = request_and_policies(a, r)?;
    Ok(crate::eval::evaluate(&req, &set))
}

/// Whether the request is allowed, as the sandbox's commands would allow it, and the outcome
/// in words. Assuming a role needs its trust policy's allow even within the account (an
/// identity-based allow alone is not enough), as `sts assume-role` enforces: "IAM role trust
/// policies and AWS KMS key policies ... must explicitly allow access for principals"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html>).
fn permitted(a: &Account, r: &RequestSpec) -> Result<(bool, String), String> {
    let d = decide(a, r)?;
    let assumes_role = r.action.to_ascii_lowercase().starts_with("sts:assumerole")
        && a.roles.values().any(|x| x.arn == r.resource);
    if d.is_allowed() && assumes_role && d.allowed_by_resource != Some(true) {
        return Ok((
            false,
            "implicitDeny: the role's trust policy does not allow it".to_string(),
        ));
    }
    Ok((d.is_allowed(), d.outcome.as_str().to_string()))
}

/// The request a spec describes and every policy that takes part in deciding it (the
/// principal's, and the resource's own: a bucket policy or a role's trust policy).
pub fn request_and_policies(
    a: &Account,
    r: &RequestSpec,
) -> Result<(crate::eval::Request, crate::eval::PolicySet), String> {
    let identity = identity_of(a, &r.principal)?;
    let caller = Caller::probe(identity, None);
    let mut req = crate::eval::Request::new(
        a.principal(&caller),
        &r.action,
        &r.resource,
        a.request_context(&caller, &[]),
    )
    .with_resource_account(Some(a.id.clone()));
    for (k, v) in context_extra(&r.context) {
        req.context.insert(&k, v);
    }
    let mut set = a.policy_set(&caller);
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

fn policy_matches(a: &Account, arn: &str, want: &str) -> bool {
    arn == want
        || a.policies.get(arn).is_some_and(|p| p.name == want)
        || arn.rsplit('/').next() == Some(want)
}

fn bool_of(v: &serde_yaml::Value) -> Option<bool> {
    match v {
        serde_yaml::Value::Bool(b) => Some(*b),
        serde_yaml::Value::String(s) => crate::policy::condition::parse_bool(s),
        _ => None,
    }
}

/// Evaluates a check in a sandbox (its account, and for `cli_profile` its CLI profiles);
/// `lang` picks the language of the author's `fail_message`.
pub fn evaluate(sb: &Sandbox, c: &Check, lang: &str, fallback: &str) -> CheckResult {
    let (ok, what) = holds(sb, c, lang, fallback);
    CheckResult {
        ok,
        what,
        fail_message: if ok {
            None
        } else {
            c.fail_message
                .as_ref()
                .map(|t| t.get(lang, fallback).to_string())
        },
    }
}

fn holds(sb: &Sandbox, c: &Check, lang: &str, fallback: &str) -> (bool, String) {
    let a = &sb.account;
    if let Some(l) = &c.login_profile {
        let profile = a.users.get(&l.user).and_then(|u| u.login_profile.as_ref());
        let ok = profile.is_some_and(|p| {
            l.password_reset_required
                .is_none_or(|want| p.reset_required == want)
        });
        return (
            ok,
            match l.password_reset_required {
                Some(true) => format!(
                    "{} has a console password that must be changed at the next sign-in",
                    l.user
                ),
                Some(false) => {
                    format!("{} has a console password that need not be changed", l.user)
                }
                None => format!("{} has a console password", l.user),
            },
        );
    }
    if let Some(p) = &c.cli_profile {
        let key = sb.profiles.get(&p.name).and_then(|x| match &x.creds {
            Some(Creds::Keys { access_key_id, .. }) => Some(access_key_id),
            _ => None,
        });
        let ok = key.is_some_and(|id| {
            a.users.get(&p.user).is_some_and(|u| {
                u.access_keys
                    .iter()
                    .any(|k| &k.id == id && k.status == crate::account::KeyStatus::Active)
            })
        });
        return (
            ok,
            format!(
                "the CLI profile {} holds an active access key of {}",
                p.name, p.user
            ),
        );
    }
    if let Some(x) = &c.called {
        let ok = match identity_of(a, &x.principal) {
            Ok(who) => a.cloudtrail.events.iter().any(|e| {
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
            }),
            Err(e) => return (false, e),
        };
        return (
            ok,
            format!("{} called {} successfully", x.principal, x.operation),
        );
    }
    if let Some(r) = &c.can {
        return match permitted(a, r) {
            Ok((allowed, outcome)) => (
                allowed,
                format!(
                    "{} can {} on {} ({outcome})",
                    r.principal, r.action, r.resource
                ),
            ),
            Err(e) => (false, e),
        };
    }
    if let Some(r) = &c.cannot {
        return match permitted(a, r) {
            Ok((allowed, outcome)) => (
                !allowed,
                format!(
                    "{} cannot {} on {} ({outcome})",
                    r.principal, r.action, r.resource
                ),
            ),
            Err(e) => (false, e),
        };
    }
    if let Some(m) = &c.exists {
        let ok = m.iter().all(|(k, v)| entity_exists(a, k, v));
        return (ok, format!("exists: {}", describe(m)));
    }
    if let Some(m) = &c.absent {
        let ok = m.iter().all(|(k, v)| !entity_exists(a, k, v));
        return (ok, format!("absent: {}", describe(m)));
    }
    if let Some(m) = &c.member_of {
        let ok = a
            .users
            .get(&m.user)
            .is_some_and(|u| u.groups.contains(&m.group));
        return (ok, format!("{} is a member of {}", m.user, m.group));
    }
    if let Some(m) = &c.policy_attached {
        let Some(policy) = m.get("policy") else {
            return (false, "policy_attached needs `policy`".into());
        };
        let attached: Option<&Vec<String>> = if let Some(u) = m.get("user") {
            a.users.get(u).map(|x| &x.attached)
        } else if let Some(g) = m.get("group") {
            a.groups.get(g).map(|x| &x.attached)
        } else if let Some(r) = m.get("role") {
            a.roles.get(r).map(|x| &x.attached)
        } else {
            None
        };
        let ok = attached.is_some_and(|v| v.iter().any(|arn| policy_matches(a, arn, policy)));
        return (ok, format!("{policy} is attached ({})", describe(m)));
    }
    if let Some(m) = &c.mfa_enabled {
        if m.get("root").and_then(bool_of) == Some(true) {
            return (a.root.mfa_enabled, "the root user has MFA".into());
        }
        let user = m.get("user").map(scalar).unwrap_or_default();
        let ok = a
            .users
            .get(&user)
            .is_some_and(|u| u.mfa.iter().any(|d| d.enabled.is_some()));
        return (ok, format!("{user} has MFA"));
    }
    if let Some(m) = &c.access_key_status {
        let want = m.get("status").map(String::as_str).unwrap_or("Active");
        let keys: Vec<&crate::account::AccessKey> = match m.get("user").map(String::as_str) {
            Some("root") | None => a.root.access_keys.iter().collect(),
            Some(u) => a
                .users
                .get(u)
                .map(|x| x.access_keys.iter().collect())
                .unwrap_or_default(),
        };
        let keys: Vec<_> = match m.get("key") {
            Some(id) => keys.into_iter().filter(|k| &k.id == id).collect(),
            None => keys,
        };
        let ok = match want {
            "none" => keys.is_empty(),
            "Inactive" => {
                !keys.is_empty()
                    && keys
                        .iter()
                        .all(|k| k.status == crate::account::KeyStatus::Inactive)
            }
            _ => {
                !keys.is_empty()
                    && keys
                        .iter()
                        .all(|k| k.status == crate::account::KeyStatus::Active)
            }
        };
        return (
            ok,
            format!(
                "access keys of {}: {want}",
                m.get("user").map(String::as_str).unwrap_or("root")
            ),
        );
    }
    if let Some(m) = &c.password_policy {
        let Some(p) = &a.password_policy else {
            return (false, "a password policy is set".into());
        };
        let mut ok = true;
        for (k, v) in m {
            let num = || scalar(v).parse::<u32>().unwrap_or(u32::MAX);
            ok &= match k.as_str() {
                "min_length" => p.minimum_password_length >= num(),
                "require_symbols" => Some(p.require_symbols) == bool_of(v),
                "require_numbers" => Some(p.require_numbers) == bool_of(v),
                "require_uppercase" => Some(p.require_uppercase_characters) == bool_of(v),
                "require_lowercase" => Some(p.require_lowercase_characters) == bool_of(v),
                "max_age" => p.max_password_age.is_some_and(|d| d <= num()),
                "reuse_prevention" => p.password_reuse_prevention.is_some_and(|d| d >= num()),
                "allow_users_to_change" => Some(p.allow_users_to_change_password) == bool_of(v),
                _ => false,
            };
        }
        return (
            ok,
            format!(
                "password policy: {}",
                m.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    if let Some(f) = c.no_finding.as_ref().or(c.finding.as_ref()) {
        let findings = crate::audit::controls::audit(a, a.now);
        let any = findings.iter().any(|x| {
            x.control == f.control
                && f.resource
                    .as_ref()
                    .is_none_or(|r| x.resource.contains(r.as_str()))
        });
        let want_none = c.no_finding.is_some();
        return (
            any != want_none,
            format!(
                "{} audit finding {}",
                if want_none { "no" } else { "an" },
                f.control
            ),
        );
    }
    if let Some(b) = &c.bucket_public {
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
        return (
            bucket.is_some() && public == b.public,
            format!(
                "bucket {} is {}public",
                b.bucket,
                if b.public { "" } else { "not " }
            ),
        );
    }
    if let Some(p) = &c.port_open {
        let cidr = p.cidr.as_deref().unwrap_or("0.0.0.0/0");
        let open = a.security_groups.values().any(|g| {
            g.ingress
                .iter()
                .any(|r| r.cidr == cidr && r.open_to_world(p.port))
                || g.ingress
                    .iter()
                    .any(|r| r.cidr == cidr && r.from_port <= p.port && p.port <= r.to_port)
        });
        return (
            open == p.open,
            format!(
                "port {} from {cidr} is {}",
                p.port,
                if p.open { "open" } else { "closed" }
            ),
        );
    }
    if let Some(want) = c.trail_logging {
        let on = a
            .cloudtrail
            .trails
            .iter()
            .any(|t| t.logging && t.multi_region);
        return (
            on == want,
            format!(
                "a multi-Region trail is {}logging",
                if want { "" } else { "not " }
            ),
        );
    }
    if let Some(b) = &c.budget {
        let limits: Vec<f64> = a
            .billing
            .budgets
            .iter()
            .map(|x| x.limit)
            .chain(a.billing.alarms.iter().map(|x| x.threshold))
            .collect();
        let ok = if b.exists {
            !limits.is_empty() && b.max_limit.is_none_or(|m| limits.iter().any(|l| *l <= m))
        } else {
            limits.is_empty()
        };
        return (ok, "a budget or billing alarm exists".into());
    }
    if let Some(i) = &c.instances {
        let n = a
            .instances
            .values()
            .filter(|x| {
                i.state.as_deref().is_none_or(|s| {
                    s == match x.state {
                        State::Running => "running",
                        State::Stopped => "stopped",
                        State::Terminated => "terminated",
                    }
                }) && i
                    .instance_type
                    .as_ref()
                    .is_none_or(|t| *t == x.instance_type)
            })
            .count();
        let ok = i.count.is_none_or(|c| n == c)
            && i.min.is_none_or(|m| n >= m)
            && i.max.is_none_or(|m| n <= m);
        return (ok, format!("{n} matching instance(s)"));
    }
    if let Some(all) = &c.all {
        let rs: Vec<CheckResult> = all
            .iter()
            .map(|x| evaluate(sb, x, lang, fallback))
            .collect();
        return (
            rs.iter().all(|r| r.ok),
            format!(
                "all of: {}",
                rs.iter()
                    .map(|r| r.what.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
    }
    if let Some(any) = &c.any {
        let rs: Vec<CheckResult> = any
            .iter()
            .map(|x| evaluate(sb, x, lang, fallback))
            .collect();
        return (
            rs.iter().any(|r| r.ok),
            format!(
                "any of: {}",
                rs.iter()
                    .map(|r| r.what.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
    }
    if let Some(n) = &c.not {
        let r = evaluate(sb, n, lang, fallback);
        return (!r.ok, format!("not ({})", r.what));
    }
    (false, "an empty check".into())
}

fn describe(m: &BTreeMap<String, String>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn entity_exists(a: &Account, kind: &str, name: &str) -> bool {
    match kind {
        "user" => a.users.contains_key(name),
        "group" => a.groups.contains_key(name),
        "role" => a.roles.contains_key(name),
        "policy" => a.policies.values().any(|p| p.name == name || p.arn == name),
        "bucket" => a.buckets.contains_key(name),
        "instance_profile" => a.instance_profiles.contains_key(name),
        "trail" => a.cloudtrail.trails.iter().any(|t| t.name == name),
        "security_group" => a
            .security_groups
            .values()
            .any(|g| g.name == name || g.id == name),
        _ => false,
    }
}

/// The entity kinds `exists` and `absent` know.
pub const ENTITY_KINDS: &[&str] = &[
    "user",
    "group",
    "role",
    "policy",
    "bucket",
    "instance_profile",
    "trail",
    "security_group",
];
