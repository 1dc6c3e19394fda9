//! What one principal may do, by service and access level: every action of the catalog whose
//! service one of the principal's `Allow` statements could name, decided by the evaluator on
//! `*` and on every resource the principal's policies name (wildcards filled in), so that
//! access limited to named resources counts too. An action the principal's identity-based
//! policies allow only under a condition its request does not meet (MFA, a source address, a
//! tag) is listed apart, with the condition keys: decided again by the evaluator with those
//! `Allow` statements' conditions taken as met, so that a permissions boundary, an SCP or a
//! deny still keeps it out. Used by `iamdojo access --principal` and by the interface's
//! account explorer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::audit::catalog::{Catalog, CatalogError};
use crate::eval::{PolicyKind, PolicySet};
use crate::policy::Effect;

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
    /// Allowed only when the conditions of an identity-based `Allow` statement hold
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>).
    pub conditional: Conditional,
}

/// Every action `identity` may perform on some resource, by service and access level.
pub fn permissions(a: &Account, identity: Identity) -> Result<ByService, CatalogError> {
    summary(a, identity).map(|s| s.allowed)
}

/// `set` with the conditions of its identity-based `Allow` statements removed, as if they
/// held; `None` when no such statement has a condition.
fn conditions_met(set: &PolicySet) -> Option<PolicySet> {
    let conditional = |sp: &crate::eval::SourcedPolicy| {
        sp.policy
            .statements
            .iter()
            .any(|s| s.effect == Effect::Allow && !s.conditions.is_empty())
    };
    if !set.identity.iter().any(conditional) {
        return None;
    }
    let mut free = set.clone();
    for sp in &mut free.identity {
        if conditional(sp) {
            let mut p = (*sp.policy).clone();
            for s in &mut p.statements {
                if s.effect == Effect::Allow {
                    s.conditions.clear();
                }
            }
            sp.policy = Arc::new(p);
        }
    }
    Some(free)
}

/// The condition keys, as written, of the identity-based statements of `set` that `d`
/// names.
fn condition_keys(set: &PolicySet, d: &crate::eval::Decision) -> Vec<String> {
    let mut keys = BTreeSet::new();
    for m in d.matched.iter().filter(|m| m.kind == PolicyKind::Identity) {
        for sp in set
            .identity
            .iter()
            .filter(|sp| sp.id == m.policy_id && sp.source == m.source)
        {
            if let Some(st) = sp.policy.statements.get(m.index) {
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
    let free = conditions_met(&set);
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
            if allowed {
                out.allowed
                    .entry(svc.prefix.to_string())
                    .or_default()
                    .entry(level())
                    .or_default()
                    .push(act.name.to_string());
                continue;
            }
            let Some(free) = &free else {
                continue;
            };
            let under = resources.iter().find_map(|r| {
                let d = crate::eval::evaluate(&request(r), free);
                d.is_allowed().then(|| condition_keys(&set, &d))
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
