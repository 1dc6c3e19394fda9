//! The checks of a parsed policy: per statement (actions against the catalog, grants that are
//! too broad, resources against the actions' resource types, condition keys and operators,
//! redundant actions, public principals), then across statements (redundant statements,
//! privilege escalation).
//!
//! Wildcards are expanded against the catalog only when a check needs the real actions, and
//! then once per action entry, so `"Action": "*"` costs nothing unless something asks what it
//! grants.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::detail::{Detail, Risk, RiskScope, StatementName};
use super::escalation::METHODS;
use super::hints::{HintKind, Hints};
use super::locate::{Location, Locator, PathElement};
use super::{Finding, ValidationType};
use crate::audit::catalog::{AccessLevel, ActionId, Catalog, KeyLookup, KeyType, Service};
use crate::policy::condition::{OpBase, SetQualifier, ValueType};
use crate::policy::wildcard::{Glob, PChar, arn_resource_match};
use crate::policy::{
    ActionKey, ActionList, ActionPattern, Condition, Effect, Policy, PrincipalKind,
    ResourcePattern, Statement, Version,
};

/// Keys documented on the global condition keys page that work with any service although
/// their prefix is a service's
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>).
const CROSS_SERVICE_KEYS: &[&str] = &[
    "ec2:sourceinstancearn",
    "ec2:sourceinstanceprivateipv4",
    "ec2:roledelivery",
    "glue:roleassumedby",
    "glue:credentialissuingservice",
    "lambda:sourcefunctionarn",
    "ssm:sourceinstancearn",
    "identitystore:userid",
];

/// A character no policy contains, standing for a policy variable's value while resource
/// patterns are compared (a variable can be any text, like `*`).
const VARIABLE: char = '\u{E000}';

/// What validation learnt about one entry of `Action` / `NotAction`.
struct Entry<'p> {
    pat: &'p ActionPattern,
    /// The service index when the prefix is exact and known.
    service: Option<usize>,
    /// False when the entry names nothing real (a finding was made).
    known: bool,
    expansion: OnceCell<Vec<ActionId>>,
}

/// Runs every check of one policy.
pub(super) struct Checker<'a> {
    cat: &'a Catalog,
    policy: &'a Policy,
    loc: &'a Locator<'a>,
    ty: ValidationType,
    entries: Vec<Vec<Entry<'a>>>,
    out: Vec<Finding>,
    /// Also run the audit's risk checks.
    risks: bool,
    /// Where "did you mean" comes from.
    hints: &'a Hints,
}

impl<'a> Checker<'a> {
    pub(super) fn new(
        cat: &'a Catalog,
        policy: &'a Policy,
        loc: &'a Locator<'a>,
        ty: ValidationType,
        hints: &'a Hints,
    ) -> Checker<'a> {
        Checker {
            cat,
            policy,
            loc,
            ty,
            entries: Vec::new(),
            out: Vec::new(),
            risks: false,
            hints,
        }
    }

    /// Turns the audit's risk checks on or off.
    pub(super) fn with_risks(mut self, on: bool) -> Checker<'a> {
        self.risks = on;
        self
    }

    pub(super) fn run(mut self) -> Vec<Finding> {
        self.document();
        let policy = self.policy;
        for st in &policy.statements {
            let entries = self.action_entries(st);
            self.entries.push(entries);
        }
        for (i, st) in policy.statements.iter().enumerate() {
            self.statement(i, st);
        }
        self.redundant_statements();
        self.escalation();
        self.out
    }

    fn push(&mut self, details: Detail, locations: Vec<Location>) {
        self.out.push(Finding::new(details, locations));
    }

    fn entries_of(&self, i: usize) -> &[Entry<'a>] {
        self.entries.get(i).map(Vec::as_slice).unwrap_or_default()
    }

    /// The real actions an entry matches, expanded on first need.
    fn expansion<'e>(&self, e: &'e Entry<'a>) -> &'e [ActionId] {
        e.expansion.get_or_init(|| {
            if !e.known {
                return Vec::new();
            }
            self.cat
                .expand_globs(&e.pat.service, &e.pat.name)
                .into_iter()
                .map(|a| a.id)
                .collect()
        })
    }

    fn action_elem(st: &Statement) -> &'static str {
        if st.action.negated {
            "NotAction"
        } else {
            "Action"
        }
    }

    fn action_loc(&self, st: &Statement, j: usize, p: &ActionPattern) -> Location {
        let path = self
            .loc
            .item_path(st, Self::action_elem(st), j, p.raw.span.start);
        self.loc.at(path, p.raw.span)
    }

    fn resource_loc(
        &self,
        st: &Statement,
        k: usize,
        r: &ResourcePattern,
        negated: bool,
    ) -> Location {
        let elem = if negated { "NotResource" } else { "Resource" };
        let path = self.loc.item_path(st, elem, k, r.raw.span.start);
        self.loc.at(path, r.raw.span)
    }

    fn condition_loc(&self, st: &Statement, c: &Condition) -> Location {
        let mut path = self.loc.statement_path(st);
        path.push(PathElement::Value("Condition".into()));
        path.push(PathElement::Value(c.operator.name.clone()));
        path.push(PathElement::Value(c.key.value.clone()));
        self.loc.at(path, c.key.span)
    }

    fn statement_loc(&self, st: &Statement) -> Location {
        self.loc.at(self.loc.statement_path(st), st.span)
    }

    // ---- the document ----

    fn document(&mut self) {
        if !self.policy.version_given {
            let at = self.loc.at(Vec::new(), self.loc.document());
            self.push(Detail::MissingVersion, vec![at]);
        }
        if self.ty == ValidationType::Identity {
            let n = crate::policy::parse::count_policy_chars(&self.policy.text);
            let limit = crate::policy::PolicyType::Managed
                .size_limit()
                .unwrap_or(6_144);
            if n > limit {
                let at = self.loc.at(Vec::new(), self.loc.document());
                self.push(Detail::PolicySize { chars: n, limit }, vec![at]);
            }
        }
    }

    // ---- actions ----

    /// Checks every action entry against the catalog.
    fn action_entries(&mut self, st: &'a Statement) -> Vec<Entry<'a>> {
        let cat = self.cat;
        let mut out = Vec::with_capacity(st.action.patterns.len());
        for (j, p) in st.action.patterns.iter().enumerate() {
            let raw = p.raw.value.as_str();
            let (svc_raw, _) = raw.split_once(':').unwrap_or((raw, ""));
            let mut entry = Entry {
                pat: p,
                service: None,
                known: true,
                expansion: OnceCell::new(),
            };
            match &p.service {
                Glob::Exact(svc) => match cat.service_index(svc) {
                    None => {
                        entry.known = false;
                        let hints = self.hints.get(HintKind::ServiceInAction, raw, || {
                            cat.suggest_services(svc_raw, 3)
                                .iter()
                                .map(|h| {
                                    format!(
                                        "{h}:{}",
                                        raw.split_once(':').map(|x| x.1).unwrap_or("")
                                    )
                                })
                                .collect()
                        });
                        let at = self.action_loc(st, j, p);
                        self.push(
                            Detail::InvalidServiceInAction {
                                prefix: svc_raw.into(),
                                action: raw.into(),
                                hints,
                            },
                            vec![at],
                        );
                    }
                    Some(si) => {
                        entry.service = Some(si);
                        let Some(service) = cat.service_at(si) else {
                            entry.known = false;
                            out.push(entry);
                            continue;
                        };
                        if p.name.is_exact() {
                            let name = raw.split_once(':').map(|x| x.1).unwrap_or("");
                            if service.action_index(name).is_none() {
                                entry.known = false;
                                let hints = self
                                    .hints
                                    .get(HintKind::Action, raw, || cat.suggest_actions(raw, 3));
                                let at = self.action_loc(st, j, p);
                                self.push(
                                    Detail::InvalidAction {
                                        action: raw.into(),
                                        service: service.name.to_string(),
                                        prefix: service.prefix.to_string(),
                                        hints,
                                    },
                                    vec![at],
                                );
                            }
                        } else if service.actions_matching(&p.name).next().is_none() {
                            entry.known = false;
                            let at = self.action_loc(st, j, p);
                            self.push(
                                Detail::NoActionInService {
                                    pattern: raw.into(),
                                    service: service.name.to_string(),
                                    prefix: service.prefix.to_string(),
                                },
                                vec![at],
                            );
                        }
                    }
                },
                Glob::Any if raw == "*" => {}
                _ => {
                    let at = self.action_loc(st, j, p);
                    self.push(
                        Detail::WildcardInServiceName {
                            pattern: raw.into(),
                        },
                        vec![at.clone()],
                    );
                    let any = cat.services_matching(&p.service).any(|si| {
                        cat.service_at(si)
                            .is_some_and(|s| s.actions_matching(&p.name).next().is_some())
                    });
                    if !any {
                        entry.known = false;
                        self.push(
                            Detail::NoActionAnywhere {
                                pattern: raw.into(),
                            },
                            vec![at],
                        );
                    }
                }
            }
            out.push(entry);
        }
        out
    }

    // ---- one statement ----

    fn statement(&mut self, i: usize, st: &'a Statement) {
        let allow = st.effect == Effect::Allow;
        let grants = allow && self.ty != ValidationType::ServiceControl;
        if allow {
            if st.action.negated {
                let at = self.loc.element_key(st, "NotAction");
                self.push(Detail::AllowWithNotAction, vec![at]);
            }
            if st.resource.as_ref().is_some_and(|r| r.negated) {
                let at = self.loc.element_key(st, "NotResource");
                self.push(Detail::AllowWithNotResource, vec![at]);
            }
            if st.principal.as_ref().is_some_and(|p| p.negated) {
                let at = self.loc.element_key(st, "NotPrincipal");
                self.push(Detail::AllowWithNotPrincipal, vec![at]);
            }
        }
        if grants && !st.action.negated && self.ty != ValidationType::Trust {
            self.broad_actions(i, st);
        }
        if grants && matches!(self.ty, ValidationType::Identity | ValidationType::Resource) {
            self.pass_role(st);
        }
        if self.risks && grants && self.ty == ValidationType::Identity {
            self.risky_on_every_resource(i, st);
        }
        self.resources(i, st);
        self.conditions(i, st);
        self.redundant_actions(i, st);
        if allow && matches!(self.ty, ValidationType::Resource | ValidationType::Trust) {
            self.public_principal(st);
        }
        if self.policy.version != Version::V2012_10_17 {
            self.variables_in_old_version(st);
        }
    }

    /// `"Action": "*"` and `service:*` in an `Allow`.
    fn broad_actions(&mut self, i: usize, st: &Statement) {
        let cat = self.cat;
        let mut found = Vec::new();
        let everywhere = st
            .resource
            .as_ref()
            .is_none_or(|r| !r.negated && r.patterns.iter().any(|p| is_all_star(&p.raw.value)))
            && st.conditions.is_empty();
        for (j, e) in self.entries_of(i).iter().enumerate() {
            let p = e.pat;
            if matches!(p.service, Glob::Any) && matches!(p.name, Glob::Any) {
                let at = self.action_loc(st, j, p);
                found.push(Finding::new(
                    Detail::AllowAllActions {
                        pattern: p.raw.value.clone(),
                        everywhere,
                    },
                    vec![at],
                ));
                continue;
            }
            let (Some(si), Glob::Any) = (e.service, &p.name) else {
                continue;
            };
            let Some(service) = cat.service_at(si) else {
                continue;
            };
            let at = self.action_loc(st, j, p);
            found.push(Finding::new(
                Detail::ServiceWildcard {
                    pattern: p.raw.value.clone(),
                    service: service.name.to_string(),
                    count: service.actions.len(),
                    levels: access_summary(service),
                },
                vec![at],
            ));
        }
        self.out.extend(found);
    }

    /// Credentials, stored data and permissions management allowed on every resource of their
    /// kind. Entries that allow a whole service (or everything) are left to
    /// `SERVICE_WILDCARD_ACTION` / `ALLOW_ALL_ACTIONS`, and the escalation methods and
    /// `iam:PassRole` to their own checks, so that one mistake is one finding.
    fn risky_on_every_resource(&mut self, i: usize, st: &Statement) {
        let Some(rl) = &st.resource else {
            return;
        };
        let every = rl.negated
            || rl
                .patterns
                .iter()
                .any(|p| covers_a_whole_type(&p.raw.value));
        if !every {
            return;
        }
        let cat = self.cat;
        let escalation: Vec<&str> = METHODS
            .iter()
            .flat_map(|m| m.actions.iter().copied())
            .collect();
        // (risk, actions found, location of the first entry that grants one)
        let mut found: [(Risk, Vec<String>, Option<Location>); 3] = [
            (Risk::Credentials, Vec::new(), None),
            (Risk::Data, Vec::new(), None),
            (Risk::PermissionsManagement, Vec::new(), None),
        ];
        // `NotAction`: the listed credential and data actions it does not exclude.
        if st.action.negated {
            for ((_, actions, first), list) in
                found.iter_mut().zip([CREDENTIAL_ACTIONS, DATA_ACTIONS])
            {
                for full in list.iter() {
                    let lower = full.to_ascii_lowercase();
                    let (svc, name) = lower.split_once(':').unwrap_or((lower.as_str(), ""));
                    if st.action.any_match(svc, name)
                        || escalation.iter().any(|c| c.eq_ignore_ascii_case(full))
                    {
                        continue;
                    }
                    actions.push(full.to_string());
                    if first.is_none() {
                        *first = Some(self.loc.element_key(st, "NotAction"));
                    }
                }
            }
        }
        let granted: &[Entry] = if st.action.negated {
            &[]
        } else {
            self.entries_of(i)
        };
        for (j, e) in granted.iter().enumerate() {
            let p = e.pat;
            // Everything (`*`) is ALLOW_ALL_ACTIONS' to report.
            if matches!(p.service, Glob::Any) && matches!(p.name, Glob::Any) {
                continue;
            }
            for id in self.expansion(e) {
                let Some(a) = cat.action_by_id(*id) else {
                    continue;
                };
                let full = format!("{}:{}", a.service.prefix, a.action.name);
                if escalation.iter().any(|c| c.eq_ignore_ascii_case(&full)) {
                    continue;
                }
                let k = if CREDENTIAL_ACTIONS
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&full))
                {
                    0
                } else if DATA_ACTIONS.iter().any(|c| c.eq_ignore_ascii_case(&full)) {
                    1
                } else if a.action.access == AccessLevel::PermissionsManagement
                    && !full.eq_ignore_ascii_case("iam:PassRole")
                    // Reading a policy changes nobody's access.
                    && !["Get", "List", "Describe", "Search", "View"]
                        .iter()
                        .any(|v| a.action.name.starts_with(v))
                {
                    2
                } else {
                    continue;
                };
                let Some((_, actions, first)) = found.get_mut(k) else {
                    continue;
                };
                if !actions.contains(&full) {
                    actions.push(full);
                }
                if first.is_none() {
                    *first = Some(self.action_loc(st, j, p));
                }
            }
        }
        let scope = if rl.negated {
            RiskScope::AllButNotResource
        } else {
            RiskScope::Pattern(
                rl.patterns
                    .iter()
                    .find(|p| covers_a_whole_type(&p.raw.value))
                    .map(|p| p.raw.value.clone())
                    .unwrap_or_default(),
            )
        };
        for (risk, mut actions, at) in found {
            let Some(at) = at else { continue };
            let more = actions.len().saturating_sub(8);
            actions.truncate(8);
            self.push(
                Detail::RiskOnEveryResource {
                    risk,
                    actions,
                    more,
                    scope: scope.clone(),
                },
                vec![at],
            );
        }
    }

    /// `iam:PassRole` on every role, or with `NotResource`.
    fn pass_role(&mut self, st: &Statement) {
        if !list_matches(&st.action, "iam", "passrole") {
            return;
        }
        let granting = if st.action.negated {
            None
        } else {
            st.action
                .patterns
                .iter()
                .enumerate()
                .find(|(_, p)| p.matches("iam", "passrole"))
        };
        let exact = granting.is_some_and(|(_, p)| p.service.is_exact() && p.name.is_exact());
        let action_at = match granting {
            Some((j, p)) => self.action_loc(st, j, p),
            None => self.loc.element_key(st, "NotAction"),
        };
        let Some(rl) = &st.resource else {
            return;
        };
        if rl.negated {
            let at = self.loc.element_key(st, "NotResource");
            self.push(Detail::PassRoleWithNotResource, vec![action_at, at]);
            return;
        }
        let passed_to = st
            .conditions
            .iter()
            .any(|c| c.key_lower == "iam:passedtoservice");
        if passed_to {
            return;
        }
        let Some((k, r)) = rl
            .patterns
            .iter()
            .enumerate()
            .find(|(_, r)| covers_every_role(&r.raw.value))
        else {
            return;
        };
        let res_at = self.resource_loc(st, k, r, false);
        self.push(
            Detail::PassRoleOnEveryRole {
                via_wildcard: !exact,
                resource: r.raw.value.clone(),
            },
            vec![action_at, res_at],
        );
    }

    // ---- resources ----

    /// Resources that are no resource of the statement's services, and actions that no
    /// resource of the statement fits.
    ///
    /// A resource is reported only when it fits no resource type of the services at all (a
    /// wrong service, region or account field, a misspelt path): the reference's lists of
    /// which types each action works on have gaps, and an ARN that is a real resource of the
    /// service is better judged from the action's side, where the finding names both.
    fn resources(&mut self, i: usize, st: &'a Statement) {
        let Some(rl) = &st.resource else {
            return;
        };
        if rl.negated || st.action.negated {
            return;
        }
        let cat = self.cat;
        let entries = self.entries_of(i);
        // A wildcard service prefix reaches too many resource types to judge; entries that
        // name nothing real were reported already and are left out.
        if entries.iter().any(|e| e.known && e.service.is_none()) {
            return;
        }
        let mut services: Vec<usize> = entries
            .iter()
            .filter(|e| e.known)
            .filter_map(|e| e.service)
            .collect();
        services.sort_unstable();
        services.dedup();
        if services.is_empty() {
            return;
        }
        let res: Vec<(usize, &ResourcePattern, Vec<PChar>)> = rl
            .patterns
            .iter()
            .enumerate()
            .map(|(k, r)| (k, r, resource_pchars(r)))
            .collect();
        let star = |p: &[PChar]| p.iter().all(|c| *c == PChar::Star);
        let has_star = res.iter().any(|(_, _, p)| star(p));
        // Does resource type `t` of service `si` fit resource `k`? Computed once per pair.
        let mut fit_cache: HashMap<(usize, u16, usize), bool> = HashMap::new();
        let mut fits = |si: usize, svc: &Service, t: u16, k: usize, p: &[PChar]| -> bool {
            *fit_cache.entry((si, t, k)).or_insert_with(|| {
                svc.resource_types
                    .get(t as usize)
                    .is_some_and(|rt| rt.fits_pchars(p))
            })
        };
        let mut findings = Vec::new();
        for (k, r, p) in &res {
            if star(p) {
                continue;
            }
            let mut any_type = false;
            let mut fit = false;
            let mut names = Vec::new();
            for &si in &services {
                let Some(svc) = cat.service_at(si) else {
                    continue;
                };
                names.push((svc.name.to_string(), svc.prefix.to_string()));
                for t in 0..svc.resource_types.len() {
                    any_type = true;
                    if fits(si, svc, t as u16, *k, p) {
                        fit = true;
                        break;
                    }
                }
                if fit {
                    break;
                }
            }
            if any_type && !fit {
                let at = self.resource_loc(st, *k, r, false);
                findings.push(Finding::new(
                    Detail::ResourceMismatch {
                        resource: r.raw.value.clone(),
                        services: names,
                    },
                    vec![at],
                ));
            }
        }
        // Actions that no resource of the statement fits.
        if !has_star {
            let resource_locs: Vec<Location> = res
                .iter()
                .map(|(k, r, _)| self.resource_loc(st, *k, r, false))
                .collect();
            for (j, e) in entries.iter().enumerate() {
                let ids = self.expansion(e);
                if ids.is_empty() {
                    continue;
                }
                let mut usable = false;
                let mut star_only = true;
                'ids: for id in ids {
                    let Some(a) = cat.action_by_id(*id) else {
                        continue;
                    };
                    for ar in &a.action.resources {
                        star_only = false;
                        for (k, _, p) in &res {
                            if fits(id.service as usize, a.service, ar.resource_type, *k, p) {
                                usable = true;
                                break 'ids;
                            }
                        }
                    }
                }
                if usable {
                    continue;
                }
                let raw = &e.pat.raw.value;
                let details = match (ids, e.pat.name.is_exact()) {
                    ([id], true) => {
                        let Some(a) = cat.action_by_id(*id) else {
                            continue;
                        };
                        if star_only {
                            Detail::ActionNeedsStar {
                                action: a.to_string(),
                            }
                        } else {
                            let types: Vec<(String, String)> = a
                                .service
                                .action_resource_types(a.action)
                                .map(|(t, _)| (t.name.to_string(), t.arn.to_string()))
                                .collect();
                            Detail::ActionWrongResource {
                                action: a.to_string(),
                                types,
                            }
                        }
                    }
                    _ if star_only => Detail::PatternNeedsStar {
                        pattern: raw.clone(),
                        count: ids.len(),
                    },
                    _ => Detail::PatternWrongResource {
                        pattern: raw.clone(),
                        count: ids.len(),
                    },
                };
                let mut locations = vec![self.action_loc(st, j, e.pat)];
                locations.extend(resource_locs.iter().cloned());
                findings.push(Finding::new(details, locations));
            }
        }
        self.out.extend(findings);
    }

    // ---- conditions ----

    fn conditions(&mut self, i: usize, st: &'a Statement) {
        let cat = self.cat;
        for c in &st.conditions {
            let at = self.condition_loc(st, c);
            let key = c.key.value.as_str();
            let (def, service_key) = match cat.condition_key(key) {
                KeyLookup::BadFormat => {
                    self.push(Detail::ConditionKeyFormat { key: key.into() }, vec![at]);
                    continue;
                }
                KeyLookup::UnknownGlobal => {
                    if let Some(tag) = missing_tag_key(&c.key_lower) {
                        self.push(
                            Detail::MissingTagKey {
                                key: key.into(),
                                tag,
                                example: true,
                            },
                            vec![at],
                        );
                        continue;
                    }
                    let hints = self.hints.get(HintKind::GlobalKey, key, || {
                        let names = cat.global_condition_keys().iter().map(|k| &*k.name);
                        crate::audit::catalog::nearest_names(key, names, 3)
                            .into_iter()
                            .map(String::from)
                            .collect()
                    });
                    self.push(
                        Detail::InvalidGlobalKey {
                            key: key.into(),
                            hints,
                        },
                        vec![at],
                    );
                    continue;
                }
                KeyLookup::UnknownInService(svc) => {
                    if let Some(tag) = missing_tag_key(&c.key_lower) {
                        self.push(
                            Detail::MissingTagKey {
                                key: key.into(),
                                tag,
                                example: false,
                            },
                            vec![at],
                        );
                        continue;
                    }
                    let hints = self.hints.get(HintKind::ServiceKey, key, || {
                        let names = svc.condition_keys.iter().map(|k| &*k.name);
                        crate::audit::catalog::nearest_names(key, names, 3)
                            .into_iter()
                            .map(String::from)
                            .collect()
                    });
                    self.push(
                        Detail::InvalidServiceKey {
                            key: key.into(),
                            service: svc.name.to_string(),
                            prefix: svc.prefix.to_string(),
                            hints,
                        },
                        vec![at],
                    );
                    continue;
                }
                KeyLookup::UnknownPrefix => {
                    let prefix = key.split(':').next().unwrap_or_default();
                    // Keys of an OpenID Connect provider are named after its URL
                    // (`oidc.eks.….amazonaws.com/id/…:sub`): any provider can exist.
                    if prefix.contains(['.', '/']) {
                        continue;
                    }
                    let hints = self.hints.get(HintKind::KeyService, key, || {
                        cat.suggest_services(prefix, 3)
                            .into_iter()
                            .map(|s| {
                                format!("{s}:{}", key.split_once(':').map(|x| x.1).unwrap_or(""))
                            })
                            .collect()
                    });
                    self.push(
                        Detail::InvalidKeyService {
                            prefix: prefix.into(),
                            key: key.into(),
                            hints,
                        },
                        vec![at],
                    );
                    continue;
                }
                KeyLookup::Global(k) => (k, None),
                KeyLookup::Service(s, k) => (k, Some(s)),
                KeyLookup::Foreign(_, k) => (k, None),
            };
            let op = &c.operator;
            if !operator_fits(op.base, def.key_type, &c.key_lower) {
                self.push(
                    Detail::TypeMismatch {
                        operator: op.name.clone(),
                        compares: op.base.value_type(),
                        key: key.into(),
                        key_type_name: def.type_name(),
                        key_type: def.key_type,
                        epoch_time: c.key_lower == "aws:epochtime",
                    },
                    vec![at.clone()],
                );
            }
            match (op.qualifier, def.multivalued) {
                (Some(SetQualifier::ForAllValues), false) => self.push(
                    Detail::ForAllValuesSingle { key: key.into() },
                    vec![at.clone()],
                ),
                (Some(SetQualifier::ForAnyValue), false) => self.push(
                    Detail::ForAnyValueSingle { key: key.into() },
                    vec![at.clone()],
                ),
                (None, true) if op.base != OpBase::Null => {
                    self.push(
                        Detail::MissingQualifier {
                            key: key.into(),
                            operator: op.name.clone(),
                            base: op.base.name().to_string(),
                        },
                        vec![at.clone()],
                    );
                }
                _ => {}
            }
            if matches!(
                op.base,
                OpBase::StringEquals
                    | OpBase::StringNotEquals
                    | OpBase::StringEqualsIgnoreCase
                    | OpBase::StringNotEqualsIgnoreCase
            ) && c
                .raw_values
                .iter()
                .any(|v| strip_escapes(v).contains(['*', '?']))
            {
                let like = if op.base == OpBase::StringNotEquals
                    || op.base == OpBase::StringNotEqualsIgnoreCase
                {
                    "StringNotLike"
                } else {
                    "StringLike"
                };
                self.push(
                    Detail::WildcardWithoutLike {
                        operator: op.name.clone(),
                        like,
                    },
                    vec![at.clone()],
                );
            }
            if let Some(svc) = service_key {
                self.key_support(i, st, c, svc, at);
            }
        }
    }

    /// A service condition key that no action of the statement supports.
    fn key_support(
        &mut self,
        i: usize,
        st: &Statement,
        c: &Condition,
        svc: &Service,
        at: Location,
    ) {
        if st.action.negated || CROSS_SERVICE_KEYS.contains(&c.key_lower.as_str()) {
            return;
        }
        let entries = self.entries_of(i);
        if entries.iter().any(|e| e.known && e.service.is_none()) {
            return;
        }
        let Some(si) = self.cat.service_index(&svc.prefix) else {
            return;
        };
        let cat = self.cat;
        let named = entries.iter().any(|e| e.service == Some(si));
        let known = entries.iter().any(|e| e.service == Some(si) && e.known);
        if named && !known {
            // Every action of the key's service is misspelt: that finding comes first.
            return;
        }
        if !named {
            let details = Detail::KeyOfAbsentService {
                key: c.key.value.clone(),
                service: svc.name.to_string(),
                prefix: svc.prefix.to_string(),
            };
            self.push(details, vec![at]);
            return;
        }
        let supported = entries
            .iter()
            .filter(|e| e.service == Some(si) && e.known)
            .any(|e| {
                self.expansion(e).iter().any(|id| {
                    cat.action_by_id(*id).is_some_and(|a| {
                        a.service
                            .action_condition_keys(a.action)
                            .any(|k| k.matches(&c.key_lower))
                    })
                })
            });
        if !supported {
            let details = Detail::KeyNotSupported {
                prefix: svc.prefix.to_string(),
                key: c.key.value.clone(),
            };
            self.push(details, vec![at]);
        }
    }

    // ---- redundancy ----

    /// Entries whose actions the other entries of the statement already cover. Entries are
    /// visited from the last, so that of two equal entries the later one is reported.
    fn redundant_actions(&mut self, i: usize, st: &Statement) {
        let cat = self.cat;
        let mut found = Vec::new();
        let entries = self.entries_of(i);
        let mut flagged = vec![false; entries.len()];
        for (j, e) in entries.iter().enumerate().rev() {
            if !e.known {
                continue;
            }
            let others = || {
                entries
                    .iter()
                    .enumerate()
                    .filter(|(k, o)| {
                        *k != j && o.known && !flagged.get(*k).copied().unwrap_or(true)
                    })
                    .map(|(_, o)| o.pat)
            };
            // Cheap refusal before expanding a wildcard service: a service that the entry
            // reaches and no other entry names.
            if e.service.is_none() {
                let uncovered = cat.services_matching(&e.pat.service).find(|&si| {
                    let prefix = cat.service_prefix(si).unwrap_or_default();
                    !others().any(|o| o.service.matches(prefix))
                });
                if let Some(si) = uncovered
                    && cat
                        .service_at(si)
                        .is_some_and(|s| s.actions_matching(&e.pat.name).next().is_some())
                {
                    continue;
                }
            }
            let ids = self.expansion(e);
            if ids.is_empty() {
                continue;
            }
            // Each action's interned key is looked up once, not once per other entry (the
            // lookups were most of the lint of `ReadOnlyAccess`, ~1,900 actions × ~300 entries).
            let keys: Option<Vec<ActionKey>> = ids
                .iter()
                .map(|id| {
                    cat.action_by_id(*id)
                        .map(|a| ActionKey::lookup(&a.service.prefix, a.action.lower()))
                })
                .collect();
            let Some(keys) = keys else {
                continue;
            };
            let covered = keys.iter().all(|k| others().any(|o| o.matches_key(k)));
            if covered {
                let by: Vec<String> = others()
                    .filter(|o| keys.iter().any(|k| o.matches_key(k)))
                    .map(|o| o.raw.value.clone())
                    .collect();
                let at = self.action_loc(st, j, e.pat);
                let raw = &e.pat.raw.value;
                let twice = others().any(|o| o.raw.value.eq_ignore_ascii_case(raw));
                let details = if twice {
                    Detail::DuplicateAction {
                        action: raw.clone(),
                    }
                } else {
                    Detail::RedundantAction {
                        action: raw.clone(),
                        by,
                    }
                };
                found.push(Finding::new(details, vec![at]));
                if let Some(f) = flagged.get_mut(j) {
                    *f = true;
                }
            }
        }
        self.out.extend(found);
    }

    /// Statements that another statement already covers (same effect and principal, at least
    /// the same actions and resources, no more conditions). Visited from the last, so that of
    /// two equal statements the later one is reported.
    fn redundant_statements(&mut self) {
        let policy = self.policy;
        let sts = &policy.statements;
        let mut flagged = vec![false; sts.len()];
        for (b, sb) in sts.iter().enumerate().rev() {
            let candidates: Vec<(usize, &Statement)> = sts
                .iter()
                .enumerate()
                .filter(|(a, sa)| {
                    *a != b
                        && !flagged.get(*a).copied().unwrap_or(true)
                        && self.statement_covers(sa, b, sb)
                })
                .collect();
            // Name a strictly broader statement when there is one, rather than an equal one
            // that may itself be reported next.
            let by = candidates
                .iter()
                .find(|(a, sa)| !self.statement_covers(sb, *a, sa))
                .or(candidates.first())
                .copied();
            if let Some((_, sa)) = by {
                if let Some(f) = flagged.get_mut(b) {
                    *f = true;
                }
                let name = |s: &Statement| match &s.sid {
                    Some(sid) => StatementName::Sid(sid.to_string()),
                    None => StatementName::Index(s.index),
                };
                let details = Detail::RedundantStatement {
                    statement: name(sb),
                    by: name(sa),
                };
                let locations = vec![self.statement_loc(sb), self.statement_loc(sa)];
                self.out.push(Finding::new(details, locations));
            }
        }
    }

    fn statement_covers(&self, sa: &Statement, b: usize, sb: &Statement) -> bool {
        if sa.effect != sb.effect || sa.action.negated || sb.action.negated {
            return false;
        }
        if principal_key(sa) != principal_key(sb) {
            return false;
        }
        let ca: Vec<_> = sa.conditions.iter().map(condition_key).collect();
        let cb: Vec<_> = sb.conditions.iter().map(condition_key).collect();
        if !ca.iter().all(|c| cb.contains(c)) {
            return false;
        }
        match (&sa.resource, &sb.resource) {
            (None, None) => {}
            (Some(ra), Some(rb)) if !ra.negated && !rb.negated => {
                let all = rb
                    .patterns
                    .iter()
                    .all(|r| ra.patterns.iter().any(|q| resource_covers(q, r)));
                if !all {
                    return false;
                }
            }
            _ => return false,
        }
        let entries_b = self.entries_of(b);
        sb.action.patterns.iter().enumerate().all(|(j, p)| {
            let exp = entries_b
                .get(j)
                .map(|e| self.expansion(e))
                .unwrap_or_default();
            if sa
                .action
                .patterns
                .iter()
                .any(|q| q.raw.value.eq_ignore_ascii_case(&p.raw.value))
            {
                return true;
            }
            if matches!(p.service, Glob::Exact(_)) && !exp.is_empty() {
                return exp.iter().all(|id| {
                    self.cat
                        .action_by_id(*id)
                        .is_some_and(|x| sa.action.any_match(&x.service.prefix, x.action.lower()))
                });
            }
            sa.action
                .patterns
                .iter()
                .any(|q| matches!(q.service, Glob::Any) && matches!(q.name, Glob::Any))
        })
    }

    // ---- resource and trust policies ----

    /// A statement that allows everyone, without a condition.
    fn public_principal(&mut self, st: &Statement) {
        let Some(pl) = &st.principal else {
            return;
        };
        if pl.negated || !st.conditions.is_empty() {
            return;
        }
        let entry = pl
            .entries
            .iter()
            .find(|(k, v)| *k == PrincipalKind::Aws && v.value == "*");
        if !pl.everyone && entry.is_none() {
            return;
        }
        let mut path = self.loc.statement_path(st);
        path.push(PathElement::Value("Principal".into()));
        let span = match entry {
            Some((_, v)) => {
                path.push(PathElement::Value("AWS".into()));
                v.span
            }
            None => self
                .loc
                .element(st, "Principal")
                .map(|(_, v)| v)
                .unwrap_or(st.span),
        };
        let at = self.loc.at(path, span);
        let details = if self.ty == ValidationType::Trust {
            Detail::PublicTrust
        } else {
            Detail::PublicResource
        };
        self.push(details, vec![at]);
    }

    /// `${…}` in a policy whose version substitutes no variables.
    fn variables_in_old_version(&mut self, st: &Statement) {
        if let Some(rl) = &st.resource {
            for (k, r) in rl.patterns.iter().enumerate() {
                if r.raw.value.contains("${") {
                    let at = self.resource_loc(st, k, r, rl.negated);
                    self.push(Detail::VariableInOldVersion, vec![at]);
                }
            }
        }
        for c in &st.conditions {
            if c.raw_values.iter().any(|v| v.contains("${")) {
                let at = self.condition_loc(st, c);
                self.push(Detail::VariableInOldVersion, vec![at]);
            }
        }
    }

    // ---- privilege escalation ----

    /// The escalation methods whose every action this policy allows.
    fn escalation(&mut self) {
        if self.ty != ValidationType::Identity {
            return;
        }
        let policy = self.policy;
        let sts = &policy.statements;
        // An administrator already has everything: ALLOW_ALL_ACTIONS says so.
        let admin = sts.iter().any(|s| {
            s.effect == Effect::Allow
                && !s.action.negated
                && s.conditions.is_empty()
                && s.action
                    .patterns
                    .iter()
                    .any(|p| matches!(p.service, Glob::Any) && matches!(p.name, Glob::Any))
                && s.resource.as_ref().is_some_and(|r| {
                    !r.negated && r.patterns.iter().any(|p| is_all_star(&p.raw.value))
                })
        });
        if admin {
            return;
        }
        // Methods reached through the same entries are one finding: `iam:*` is one mistake,
        // not eleven.
        let mut groups: Vec<(Vec<Location>, Vec<&'static super::escalation::Method>)> = Vec::new();
        for m in METHODS {
            let mut locations = Vec::new();
            let mut all = true;
            for action in m.actions {
                let (svc, name) = action.split_once(':').unwrap_or((action, ""));
                let (svc, name) = (svc.to_ascii_lowercase(), name.to_ascii_lowercase());
                let denied = sts.iter().any(|s| {
                    s.effect == Effect::Deny
                        && s.conditions.is_empty()
                        && list_matches(&s.action, &svc, &name)
                        && s.resource.as_ref().is_some_and(|r| {
                            !r.negated && r.patterns.iter().any(|p| is_all_star(&p.raw.value))
                        })
                });
                // Only a grant on every resource of its kind counts: `iam:PassRole` on one named
                // role, or `iam:AttachUserPolicy` on one's own user, is least privilege at work.
                let grant = sts.iter().find(|s| {
                    s.effect == Effect::Allow
                        && list_matches(&s.action, &svc, &name)
                        && s.resource.as_ref().is_none_or(|r| {
                            r.negated
                                || r.patterns.iter().any(|p| covers_a_whole_type(&p.raw.value))
                        })
                });
                match grant {
                    Some(s) if !denied => {
                        let at = if s.action.negated {
                            self.loc.element_key(s, "NotAction")
                        } else {
                            match s
                                .action
                                .patterns
                                .iter()
                                .enumerate()
                                .find(|(_, p)| p.matches(&svc, &name))
                            {
                                Some((j, p)) => self.action_loc(s, j, p),
                                None => self.statement_loc(s),
                            }
                        };
                        if !locations.contains(&at) {
                            locations.push(at);
                        }
                    }
                    _ => {
                        all = false;
                        break;
                    }
                }
            }
            if !all {
                continue;
            }
            match groups.iter_mut().find(|(l, _)| *l == locations) {
                Some((_, ms)) => ms.push(m),
                None => groups.push((locations, vec![m])),
            }
        }
        for (locations, methods) in groups {
            self.push(Detail::Escalation { methods }, locations);
        }
    }
}

// ---- helpers ----

/// True when the action list (negation included) covers `service:name` (lowercase).
fn list_matches(list: &ActionList, service: &str, name: &str) -> bool {
    list.any_match(service, name) != list.negated
}

/// True for `*`, `**`, …: a pattern that matches every resource.
fn is_all_star(raw: &str) -> bool {
    !raw.is_empty() && raw.chars().all(|c| c == '*')
}

/// Actions whose answer is a credential, written from the Service Authorization Reference:
/// long-term keys and passwords for IAM users, service-specific credentials, temporary
/// database credentials, an instance's administrator password and Lightsail access details.
const CREDENTIAL_ACTIONS: &[&str] = &[
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "ec2:GetPasswordData",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "lightsail:DownloadDefaultKeyPair",
    "rds-db:connect",
];

/// Actions that read stored data or secrets.
const DATA_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:GetObjectVersion",
    "secretsmanager:GetSecretValue",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "kms:Decrypt",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
];

/// True when a `Resource` entry matches every resource of some type: `*`,
/// `arn:aws:iam::111122223333:role/*`, `arn:aws:lambda:*:*:function:*`,
/// `arn:aws:s3:::*` and the like (a policy variable counts as a name, so
/// `arn:aws:iam::*:user/${aws:username}` does not).
fn covers_a_whole_type(raw: &str) -> bool {
    if is_all_star(raw) {
        return true;
    }
    let parts: Vec<&str> = raw.splitn(6, ':').collect();
    match parts.as_slice() {
        // S3 names have no type: a bucket, or a bucket and a key. Every bucket, or every
        // object of every bucket.
        [_, _, svc, _, _, res] if *svc == "s3" => res.split('/').all(is_all_star),
        [_, _, _, _, _, res] => {
            // The resource id after an optional type (`role/`, `function:`, `table/`…).
            let id = res.split_once(['/', ':']).map_or(*res, |(_, id)| id);
            is_all_star(id) || is_all_star(res)
        }
        // A trailing `*` that runs over the remaining segments.
        [_, _, .., last] => is_all_star(last),
        _ => false,
    }
}

/// True when a `Resource` entry matches every role: `*`, `arn:aws:iam::*:*`,
/// `arn:aws:iam::111122223333:role/*` and the like.
fn covers_every_role(raw: &str) -> bool {
    if is_all_star(raw) {
        return true;
    }
    let parts: Vec<&str> = raw.splitn(6, ':').collect();
    let service_ok = |s: &str| s == "iam" || is_all_star(s);
    match parts.as_slice() {
        [_, _, svc, _, _, res] => {
            let rest = res.strip_prefix("role").unwrap_or(res);
            let rest = rest.trim_start_matches('/');
            service_ok(svc) && is_all_star(rest)
        }
        // A trailing `*` that runs over the remaining segments.
        [_, _, svc, .., last] if last.ends_with('*') => service_ok(svc) && is_all_star(last),
        [_, _, svc] => is_all_star(svc),
        _ => false,
    }
}

/// A resource pattern as pattern characters, with every policy variable as `*`.
fn resource_pchars(r: &ResourcePattern) -> Vec<PChar> {
    if let Some(p) = r.template.static_pchars() {
        return p.to_vec();
    }
    const MARK: &str = "\u{E000}";
    r.template
        .resolve(|_| Some(MARK))
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            if c == PChar::Lit(VARIABLE) {
                PChar::Star
            } else {
                c
            }
        })
        .collect()
}

/// True when resource pattern `a` matches every ARN that `b` matches.
fn resource_covers(a: &ResourcePattern, b: &ResourcePattern) -> bool {
    if is_all_star(&a.raw.value) || a.raw.value == b.raw.value {
        return true;
    }
    // With `?` in `a`, or variables on either side, matching `b` as text proves nothing.
    if a.raw.value.contains('?') || a.template.has_vars() || b.template.has_vars() {
        return false;
    }
    match a.template.static_pchars() {
        Some(p) => arn_resource_match(p, &b.raw.value),
        None => false,
    }
}

/// A condition, for comparing statements: operator, key and values.
fn condition_key(c: &Condition) -> (String, String, Vec<String>) {
    let mut v = c.raw_values.clone();
    v.sort();
    (c.operator.name.clone(), c.key_lower.clone(), v)
}

/// A principal element, for comparing statements.
/// A statement's principal element in a comparable form: (negated, everyone, entries).
type PrincipalKey = (bool, bool, Vec<(&'static str, String)>);

fn principal_key(s: &Statement) -> Option<PrincipalKey> {
    s.principal.as_ref().map(|p| {
        let mut e: Vec<(&'static str, String)> = p
            .entries
            .iter()
            .map(|(k, v)| (k.as_str(), v.value.clone()))
            .collect();
        e.sort();
        (p.negated, p.everyone, e)
    })
}

/// `aws:ResourceTag` / `aws:ResourceTag/` and friends: a tag key that names no tag.
fn missing_tag_key(key_lower: &str) -> Option<String> {
    let name = key_lower.trim_end_matches('/');
    let (prefix, rest) = name.split_once(':')?;
    ["resourcetag", "requesttag", "principaltag"]
        .iter()
        .find(|t| rest == **t)
        .map(|t| {
            let proper = match *t {
                "resourcetag" => "ResourceTag",
                "requesttag" => "RequestTag",
                _ => "PrincipalTag",
            };
            format!("{prefix}:{proper}")
        })
}

/// The value with the escapes `${*}` and `${?}` removed (they are literal characters).
fn strip_escapes(v: &str) -> String {
    v.replace("${*}", "").replace("${?}", "")
}

/// True when operator `op` suits keys of type `ty`. String operators also suit ARN keys;
/// `aws:EpochTime` takes date and numeric operators
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime>).
fn operator_fits(op: OpBase, ty: KeyType, key_lower: &str) -> bool {
    let vt = op.value_type();
    match (vt, ty) {
        (ValueType::Null, _) | (_, KeyType::Other) => true,
        (ValueType::String, KeyType::String | KeyType::Arn) => true,
        (ValueType::Arn, KeyType::Arn) => true,
        (ValueType::Bool, KeyType::Bool) => true,
        (ValueType::Numeric, KeyType::Numeric) => true,
        (ValueType::Date, KeyType::Date) => true,
        (ValueType::Numeric, KeyType::Date) => key_lower == "aws:epochtime",
        (ValueType::Ip, KeyType::IpAddress) => true,
        (ValueType::Binary, KeyType::Binary) => true,
        _ => false,
    }
}

/// How many actions of a service are of each access level (`10 List, 60 Read, …`), levels
/// with none left out.
fn access_summary(service: &Service) -> Vec<(AccessLevel, usize)> {
    AccessLevel::ALL
        .iter()
        .filter_map(|lvl| {
            let n = service.actions.iter().filter(|a| a.access == *lvl).count();
            (n > 0).then_some((*lvl, n))
        })
        .collect()
}
