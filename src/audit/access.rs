//! What one principal may do, by service and access level: every action of the catalog whose
//! service one of the principal's `Allow` statements could name, decided by the evaluator on
//! `*` and on every resource the principal's policies name (wildcards filled in), so that
//! access limited to named resources counts too. An action that depends on a condition of the
//! principal's identity-based policies (MFA, a source address, a tag) is listed apart, with the
//! condition keys: one that an `Allow` statement allows only under a condition its request does
//! not meet, and one that a `Deny` statement with a condition denies or not depending on the
//! request ("Deny `*` unless `aws:MultiFactorAuthPresent`"). Both are decided again by the
//! evaluator with those conditions taken as met (an `Allow`'s) or not met (a `Deny`'s), so that
//! a permissions boundary, an SCP or an unconditional deny still keeps the action out. Used by
//! `iamdojo access --principal` and by the interface's account explorer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::audit::catalog::{Catalog, CatalogError};
use crate::eval::{PolicyKind, PolicySet};
use crate::policy::{Condition, Effect};

/// Allowed actions: service prefix → access level → action names (sorted).
pub type ByService = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// Actions allowed only under a condition: service prefix → access level → each action's
/// name and the condition keys of the statements that would allow it (sorted).
pub type Conditional = BTreeMap<String, BTreeMap<String, Vec<(String, Vec<String>)>>>;

/// What a principal may do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Allowed as the principal's requests stand.
    pub allowed: ByService,
    /// Allowed only when the conditions of an identity-based `Allow` statement hold, or only
    /// while those of an identity-based `Deny` statement do not
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>,
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).
    pub conditional: Conditional,
}

/// Every action `identity` may perform on some resource, by service and access level.
pub fn permissions(a: &Account, identity: Identity) -> Result<ByService, CatalogError> {
    summary(a, identity).map(|s| s.allowed)
}

/// How [`with_conditions`] takes the conditions of one effect's identity-based statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Take {
    /// As written: decided on the request.
    AsWritten,
    /// As if they held.
    Met,
    /// As if they did not hold: the statement never applies.
    NotMet,
}

/// Whether `set` has an identity-based statement of `effect` with a condition.
fn has_conditional(set: &PolicySet, effect: Effect) -> bool {
    set.identity.iter().any(|sp| {
        sp.policy
            .statements
            .iter()
            .any(|s| s.effect == effect && !s.conditions.is_empty())
    })
}

/// A condition that never holds: a key no request carries, without `IfExists`
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists>).
fn never_holds() -> Vec<Condition> {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"iamdojo:never":"never"}}}]}"#;
    crate::policy::parse::parse(text, crate::policy::PolicyType::Identity)
        .ok()
        .and_then(|p| p.statements.into_iter().next())
        .map(|s| s.conditions)
        .unwrap_or_default()
}

/// `set` with the conditions of its identity-based `Allow` and `Deny` statements taken as
/// `allow` and `deny` say. Statements keep their places, so a decision's matched statements
/// name the same statements in `set`.
fn with_conditions(set: &PolicySet, allow: Take, deny: Take, never: &[Condition]) -> PolicySet {
    let mut out = set.clone();
    for sp in &mut out.identity {
        let take = |e: Effect| if e == Effect::Allow { allow } else { deny };
        if !sp
            .policy
            .statements
            .iter()
            .any(|s| !s.conditions.is_empty() && take(s.effect) != Take::AsWritten)
        {
            continue;
        }
        let mut p = (*sp.policy).clone();
        for s in &mut p.statements {
            if s.conditions.is_empty() {
                continue;
            }
            match take(s.effect) {
                Take::AsWritten => {}
                Take::Met => s.conditions.clear(),
                Take::NotMet => s.conditions = never.to_vec(),
            }
        }
        sp.policy = Arc::new(p);
    }
    out
}

/// The sets that decide whether an action depends on a condition, `None` when no
/// identity-based statement has one.
struct Variants {
    /// Deny conditions taken as met: an action allowed here is allowed whatever they say.
    strict: Option<PolicySet>,
    /// Allow conditions met, deny conditions not: allowed here, the action is allowed under
    /// some condition.
    free: PolicySet,
    /// Both met: the conditional denies that would keep the action out.
    denied: Option<PolicySet>,
}

impl Variants {
    fn of(set: &PolicySet) -> Option<Variants> {
        let (allows, denies) = (
            has_conditional(set, Effect::Allow),
            has_conditional(set, Effect::Deny),
        );
        if !allows && !denies {
            return None;
        }
        let never = never_holds();
        Some(Variants {
            strict: denies.then(|| with_conditions(set, Take::AsWritten, Take::Met, &never)),
            free: with_conditions(set, Take::Met, Take::NotMet, &never),
            denied: denies.then(|| with_conditions(set, Take::Met, Take::Met, &never)),
        })
    }
}

/// The condition keys, as written, of the identity-based `effect` statements of `set` that
/// `d` names.
fn condition_keys(set: &PolicySet, d: &crate::eval::Decision, effect: Effect) -> Vec<String> {
    let mut keys = BTreeSet::new();
    for m in d.matched.iter().filter(|m| m.kind == PolicyKind::Identity) {
        for sp in set
            .identity
            .iter()
            .filter(|sp| sp.id == m.policy_id && sp.source == m.source)
        {
            if let Some(st) = sp.policy.statements.get(m.index)
                && st.effect == effect
            {
                keys.extend(st.conditions.iter().map(|c| c.key.value.clone()));
            }
        }
    }
    keys.into_iter().collect()
}

/// What `identity` may do on some resource, by service and access level: allowed, and
/// allowed only under a condition.
pub fn summary(a: &Account, identity: Identity) -> Result<Summary, CatalogError> {
    let catalog = Catalog::get()?;
    let root = identity == Identity::Root;
    let c = Caller::probe(identity, None);
    let set = a.policy_set_in_org(&c);
    let variants = Variants::of(&set);
    let principal = a.principal(&c);
    let context = a.request_context(&c, &[]);
    let mut resources: Vec<String> = vec!["*".into()];
    for sp in &set.identity {
        for s in &sp.policy.statements {
            for r in s.resource.iter().flat_map(|r| r.patterns.iter()) {
                let sample = r.raw.value.replace(['*', '?'], "x");
                if !resources.contains(&sample) {
                    resources.push(sample);
                }
            }
        }
    }
    // Only services that an Allow statement could name need asking (the root user: all).
    let could_name = |prefix: &str| {
        root || set.identity.iter().any(|sp| {
            sp.policy.statements.iter().any(|s| {
                s.effect == Effect::Allow
                    && (s.action.negated
                        || s.action.patterns.iter().any(|p| p.service.matches(prefix)))
            })
        })
    };
    let mut out = Summary::default();
    for si in 0..catalog.service_count() {
        let Some(prefix) = catalog.service_prefix(si) else {
            continue;
        };
        if !could_name(prefix) {
            continue;
        }
        let Some(svc) = catalog.service_at(si) else {
            continue;
        };
        for act in &svc.actions {
            let full = format!("{}:{}", svc.prefix, act.name);
            let request = |r: &String| {
                crate::eval::Request::new(principal.clone(), &full, r, context.clone())
                    .with_resource_account(Some(a.id.clone()))
            };
            let allowed = resources
                .iter()
                .any(|r| crate::eval::evaluate(&request(r), &set).is_allowed());
            let level = || act.access.as_str().to_string();
            // Allowed whatever a conditional deny says: plainly allowed.
            let plainly = allowed
                && variants
                    .as_ref()
                    .and_then(|v| v.strict.as_ref())
                    .is_none_or(|strict| {
                        resources
                            .iter()
                            .any(|r| crate::eval::evaluate(&request(r), strict).is_allowed())
                    });
            if plainly {
                out.allowed
                    .entry(svc.prefix.to_string())
                    .or_default()
                    .entry(level())
                    .or_default()
                    .push(act.name.to_string());
                continue;
            }
            let Some(v) = &variants else {
                continue;
            };
            let under = resources.iter().find_map(|r| {
                let req = request(r);
                let d = crate::eval::evaluate(&req, &v.free);
                if !d.is_allowed() {
                    return None;
                }
                let mut keys = condition_keys(&set, &d, Effect::Allow);
                if let Some(denied) = &v.denied {
                    let dd = crate::eval::evaluate(&req, denied);
                    keys.extend(condition_keys(&set, &dd, Effect::Deny));
                }
                keys.sort();
                keys.dedup();
                Some(keys)
            });
            if let Some(keys) = under {
                out.conditional
                    .entry(svc.prefix.to_string())
                    .or_default()
                    .entry(level())
                    .or_default()
                    .push((act.name.to_string(), keys));
            }
        }
    }
    Ok(out)
}
