//! What one principal may do, by service and access level: every action of the catalog whose
//! service one of the principal's `Allow` statements could name, decided by the evaluator on
//! `*` and on every resource the principal's policies name (wildcards filled in), so that
//! access limited to named resources counts too. Used by `iamdojo access --principal` and by
//! the interface's account explorer.

use std::collections::BTreeMap;

use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::audit::catalog::{Catalog, CatalogError};
use crate::policy::Effect;

/// Allowed actions: service prefix → access level → action names (sorted).
pub type ByService = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// Every action `identity` may perform on some resource, by service and access level.
pub fn permissions(a: &Account, identity: Identity) -> Result<ByService, CatalogError> {
    let catalog = Catalog::get()?;
    let root = identity == Identity::Root;
    let c = Caller::probe(identity, None);
    let set = a.policy_set_in_org(&c);
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
    let mut out = ByService::new();
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
            let allowed = resources.iter().any(|r| {
                let req = crate::eval::Request::new(principal.clone(), &full, r, context.clone())
                    .with_resource_account(Some(a.id.clone()));
                crate::eval::evaluate(&req, &set).is_allowed()
            });
            if allowed {
                out.entry(svc.prefix.to_string())
                    .or_default()
                    .entry(act.access.as_str().to_string())
                    .or_default()
                    .push(act.name.to_string());
            }
        }
    }
    Ok(out)
}
