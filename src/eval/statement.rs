//! Does one statement apply to one request? Action, resource, principal and conditions, each
//! with the reason when it does not.

use std::net::IpAddr;

use crate::policy::condition::{
    OpBase, SetQualifier, Values, parse_bool, parse_date, parse_number,
};
use crate::policy::memo::MemoKey;
use crate::policy::variables::Template;
use crate::policy::wildcard::{ArnSplit, PChar, arn_like, arn_resource_match, glob_match};
use crate::policy::{Condition, PrincipalKind, PrincipalList, Statement};

use super::request::{Context, Principal, PrincipalType, Request};

/// How a resource-based statement names the requesting principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrincipalMatch {
    /// Through its account (the account id or the account root ARN): a delegation to the
    /// account's own identity-based policies.
    Account,
    /// Through the role ARN of a role session.
    RoleArn,
    /// By its own ARN (user, role session, federated user), by `*`, or as a service.
    Direct,
}

/// Why a condition did not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConditionFailure {
    /// The key is not in the request.
    KeyMissing,
    /// The key is there but its values do not satisfy the operator.
    NoMatch,
}

/// What one statement says about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementOutcome {
    /// It applies.
    Applies(Option<PrincipalMatch>),
    /// The action is not covered.
    ActionMismatch,
    /// The resource is not covered.
    ResourceMismatch,
    /// The principal is not covered (resource-based policies only).
    PrincipalMismatch,
    /// A policy variable in the statement has no value in the request.
    VariableUnresolved,
    /// Condition number `index` (in the statement's order) does not hold.
    ConditionFalse {
        /// Which condition.
        index: usize,
        /// Why.
        why: ConditionFailure,
    },
}

/// Decides whether `stmt` applies to `req`. `has_boundary` is needed for the rule that a
/// `Deny` with `NotPrincipal` always applies to a principal with a permissions boundary.
/// Context keys the statement reads but the request lacks are pushed to `missing`; `memo`
/// holds what the elements already decided for this request said, and gains what this
/// statement's say.
pub fn statement_outcome(
    stmt: &Statement,
    req: &Request,
    has_boundary: bool,
    missing: &mut Vec<String>,
    memo: &mut Memo,
) -> StatementOutcome {
    let hit = stmt.action.any_match_key(&req.action_key());
    if hit == stmt.action.negated {
        return StatementOutcome::ActionMismatch;
    }
    outcome_past_action(stmt, req, has_boundary, missing, memo)
}

/// What the `Resource` elements and conditions already decided for one request said, by
/// their [`MemoKey`]: statements that repeat an element are not decided again. A memo is for
/// one request only (its answers depend on the request's resource and context).
///
/// It is a table of [`Memo::SLOTS`] slots, each element in the slot its key's low bits name:
/// looking up is one comparison. Two elements of one request that name the same slot take
/// turns in it (the later is remembered), which only costs deciding one again.
pub struct Memo {
    keys: [MemoKey; Memo::SLOTS],
    answers: [u8; Memo::SLOTS],
    /// Bit `i` set: slot `i` holds an answer.
    filled: u64,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            keys: [MemoKey::default(); Memo::SLOTS],
            answers: [0; Memo::SLOTS],
            filled: 0,
        }
    }
}

impl Memo {
    /// How many slots (as many as `filled` has bits).
    const SLOTS: usize = 64;

    /// The answer remembered for `key`, else `work`'s, remembered. Answers are kept as the
    /// byte `to` makes of them and `from` reads back.
    fn remember<T: Copy>(
        &mut self,
        key: MemoKey,
        to: fn(T) -> u8,
        from: fn(u8) -> T,
        work: impl FnOnce() -> T,
    ) -> T {
        let i = key.low_bits() as usize % Memo::SLOTS;
        let bit = 1u64 << i;
        if self.filled & bit != 0
            && let (Some(k), Some(v)) = (self.keys.get(i), self.answers.get(i))
            && *k == key
        {
            return from(*v);
        }
        let v = work();
        if let (Some(k), Some(a)) = (self.keys.get_mut(i), self.answers.get_mut(i)) {
            *k = key;
            *a = to(v);
            self.filled |= bit;
        }
        v
    }

    fn resource(&mut self, key: MemoKey, work: impl FnOnce() -> Option<bool>) -> Option<bool> {
        self.remember(
            key,
            |v| match v {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            },
            |b| match b {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            },
            work,
        )
    }

    fn condition(&mut self, key: MemoKey, work: impl FnOnce() -> CondResult) -> CondResult {
        self.remember(
            key,
            |v| v as u8,
            |b| match b {
                0 => CondResult::True,
                1 => CondResult::False,
                2 => CondResult::Missing,
                _ => CondResult::Unresolved,
            },
            work,
        )
    }
}

/// [`statement_outcome`] for a statement whose action element is known to match the request.
pub fn outcome_past_action(
    stmt: &Statement,
    req: &Request,
    has_boundary: bool,
    missing: &mut Vec<String>,
    memo: &mut Memo,
) -> StatementOutcome {
    if let Some(res) = &stmt.resource {
        let hit = memo.resource(res.memo, || {
            resource_matches(&res.patterns, &req.resource, &req.context)
        });
        match hit {
            None => {
                note_missing_vars(
                    res.patterns.iter().map(|p| &p.template),
                    &req.context,
                    missing,
                );
                return StatementOutcome::VariableUnresolved;
            }
            Some(hit) if hit == res.negated => return StatementOutcome::ResourceMismatch,
            Some(_) => {}
        }
    }
    let pmatch = match &stmt.principal {
        None => None,
        Some(p) => {
            let is_deny = stmt.effect == crate::policy::Effect::Deny;
            match principal_outcome(p, &req.principal, is_deny, has_boundary) {
                Some(m) => Some(m),
                None => return StatementOutcome::PrincipalMismatch,
            }
        }
    };
    let mut first_fail: Option<StatementOutcome> = None;
    for (index, c) in stmt.conditions.iter().enumerate() {
        let r = memo.condition(c.memo, || condition_holds(c, &req.context));
        if r != CondResult::True {
            match r {
                CondResult::Missing
                    if !missing.iter().any(|m| m.eq_ignore_ascii_case(&c.key.value)) =>
                {
                    missing.push(c.key.value.clone());
                }
                CondResult::Unresolved => {
                    if let Values::Str(t) | Values::Arn(t) = &c.values {
                        note_missing_vars(t.iter(), &req.context, missing);
                    }
                }
                _ => {}
            }
            if first_fail.is_none() {
                first_fail = Some(match r {
                    CondResult::Unresolved => StatementOutcome::VariableUnresolved,
                    CondResult::Missing => StatementOutcome::ConditionFalse {
                        index,
                        why: ConditionFailure::KeyMissing,
                    },
                    _ => StatementOutcome::ConditionFalse {
                        index,
                        why: ConditionFailure::NoMatch,
                    },
                });
            }
        }
    }
    first_fail.unwrap_or(StatementOutcome::Applies(pmatch))
}

fn note_missing_vars<'a>(
    templates: impl Iterator<Item = &'a Template>,
    ctx: &Context,
    missing: &mut Vec<String>,
) {
    for t in templates {
        for k in t.keys() {
            if ctx.single_lower(&k.to_ascii_lowercase()).is_none()
                && !missing.iter().any(|m| m.eq_ignore_ascii_case(k))
            {
                missing.push(k.to_string());
            }
        }
    }
}

/// The first entry of a `Resource` element that covers `resource` (its policy variables
/// resolved from `ctx`): which part of a statement lets a request in.
pub fn covering_resource(
    patterns: &[crate::policy::ResourcePattern],
    resource: &str,
    ctx: &Context,
) -> Option<usize> {
    patterns
        .iter()
        .position(|p| resource_matches(std::slice::from_ref(p), resource, ctx) == Some(true))
}

/// `Some(true)` when a pattern matches the resource, `None` when a variable could not be
/// resolved.
fn resource_matches(
    patterns: &[crate::policy::ResourcePattern],
    resource: &str,
    ctx: &Context,
) -> Option<bool> {
    let mut unresolved = false;
    // The resource split at its colons, once, when a pattern needs it.
    let mut split: Option<ArnSplit> = None;
    for p in patterns {
        if let Some(g) = &p.fast {
            if g.matches(resource) {
                return Some(true);
            }
            continue;
        }
        if let Some(c) = &p.compiled {
            if c.matches(
                resource,
                split.get_or_insert_with(|| ArnSplit::of(resource)),
            ) {
                return Some(true);
            }
            continue;
        }
        let hit = match p.template.static_pchars() {
            Some(pc) => arn_resource_match(pc, resource),
            None => match p.template.resolve(|k| ctx.single_lower(k)) {
                Some(pc) => arn_resource_match(&pc, resource),
                None => {
                    unresolved = true;
                    false
                }
            },
        };
        if hit {
            return Some(true);
        }
    }
    if unresolved { None } else { Some(false) }
}

/// The identities a principal acts as, most specific first, with how each would match.
fn identities(p: &Principal) -> Vec<(&str, PrincipalMatch)> {
    let mut out = Vec::with_capacity(3);
    match p.kind {
        PrincipalType::Root => {}
        PrincipalType::Service | PrincipalType::Anonymous | PrincipalType::WebIdentity => {
            out.push((p.arn.as_str(), PrincipalMatch::Direct));
            return out;
        }
        _ => out.push((p.arn.as_str(), PrincipalMatch::Direct)),
    }
    if let Some(r) = &p.role_arn {
        out.push((r.as_str(), PrincipalMatch::RoleArn));
    }
    out
}

fn entry_names(kind: PrincipalKind, value: &str, p: &Principal) -> Option<PrincipalMatch> {
    match kind {
        PrincipalKind::Aws => {
            // An `AWS` entry names AWS identities: not a service, an anonymous caller or a
            // user of an identity provider (which a `Federated` entry names).
            if matches!(
                p.kind,
                PrincipalType::Service | PrincipalType::Anonymous | PrincipalType::WebIdentity
            ) {
                return None;
            }
            if value == "*" {
                return Some(PrincipalMatch::Direct);
            }
            if !p.account.is_empty() && (value == p.account || value == p.account_arn()) {
                return Some(if p.kind == PrincipalType::Root {
                    PrincipalMatch::Direct
                } else {
                    PrincipalMatch::Account
                });
            }
            identities(p)
                .into_iter()
                .find(|(arn, _)| same_principal_arn(value, arn))
                .map(|(_, m)| m)
        }
        PrincipalKind::Service => {
            (p.kind == PrincipalType::Service && value == p.arn).then_some(PrincipalMatch::Direct)
        }
        PrincipalKind::Federated | PrincipalKind::CanonicalUser => {
            (value == p.arn).then_some(PrincipalMatch::Direct)
        }
    }
}

/// Compares principal ARNs; a role ARN in a policy may carry a path that a session's role
/// ARN does not.
fn same_principal_arn(policy_value: &str, arn: &str) -> bool {
    if policy_value == arn {
        return true;
    }
    let strip = |s: &str| -> Option<(String, String)> {
        let (head, res) = s.split_once(":role/")?;
        Some((head.to_string(), res.rsplit('/').next()?.to_string()))
    };
    matches!((strip(policy_value), strip(arn)), (Some(a), Some(b)) if a == b)
}

/// How the statement's principal element covers `p`; `None` when it does not.
fn principal_outcome(
    list: &PrincipalList,
    p: &Principal,
    is_deny: bool,
    has_boundary: bool,
) -> Option<PrincipalMatch> {
    if !list.negated {
        if list.everyone {
            return Some(PrincipalMatch::Direct);
        }
        return list
            .entries
            .iter()
            .filter_map(|(k, v)| entry_names(*k, &v.value, p))
            .max();
    }
    // NotPrincipal. With a Deny, the statement applies unless every identity the caller acts
    // as (its own ARN, its role, its account) is listed, as AWS documents, and it always
    // applies to a principal that has a permissions boundary. With an Allow (which AWS
    // advises against), listing any of those identities is enough to leave the caller out:
    // both readings err on the side of not granting.
    if is_deny && has_boundary {
        return Some(PrincipalMatch::Direct);
    }
    if list.everyone {
        return None;
    }
    let listed = |arn: &str| {
        list.entries
            .iter()
            .any(|(_, v)| v.value == "*" || same_principal_arn(&v.value, arn))
    };
    let account_listed = p.account.is_empty()
        || list
            .entries
            .iter()
            .any(|(_, v)| v.value == "*" || v.value == p.account || v.value == p.account_arn());
    let excluded = if is_deny {
        identities(p).iter().all(|(arn, _)| listed(arn)) && account_listed
    } else {
        identities(p).iter().any(|(arn, _)| listed(arn))
            || list
                .entries
                .iter()
                .any(|(_, v)| v.value == p.account || v.value == p.account_arn())
    };
    if excluded {
        None
    } else {
        Some(PrincipalMatch::Direct)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum CondResult {
    True = 0,
    False = 1,
    Missing = 2,
    Unresolved = 3,
}

fn condition_holds(c: &Condition, ctx: &Context) -> CondResult {
    let op = &c.operator;
    let present = ctx
        .get_lower(&c.key_lower)
        .filter(|v| !v.values.is_empty() || v.multi);
    if let Values::Null(want_absent) = &c.values {
        let absent = present.is_none_or(|v| v.values.is_empty());
        return if want_absent.contains(&absent) {
            CondResult::True
        } else {
            CondResult::False
        };
    }
    let Some(cv) = present else {
        if op.if_exists {
            return CondResult::True;
        }
        return match op.qualifier {
            Some(SetQualifier::ForAllValues) => CondResult::True,
            Some(SetQualifier::ForAnyValue) => CondResult::Missing,
            None if op.base.is_negated() => CondResult::True,
            None => CondResult::Missing,
        };
    };
    let negated = op.base.is_negated();
    let mut unresolved = false;
    // m(v): the request value v satisfies the operator against the policy values.
    let mut m = |v: &str| -> bool {
        let any = any_value_matches(op.base, &c.values, v, ctx, &mut unresolved);
        any != negated
    };
    let holds = match op.qualifier {
        Some(SetQualifier::ForAllValues) => cv.values.iter().all(|v| m(v)),
        Some(SetQualifier::ForAnyValue) => cv.values.iter().any(|v| m(v)),
        None if negated => cv.values.iter().all(|v| m(v)),
        None => cv.values.iter().any(|v| m(v)),
    };
    if unresolved {
        CondResult::Unresolved
    } else if holds {
        CondResult::True
    } else {
        CondResult::False
    }
}

/// True when the request value `v` matches at least one policy value under the positive
/// form of `base` (`StringNotEquals` compares as `StringEquals`, and so on).
fn any_value_matches(
    base: OpBase,
    values: &Values,
    v: &str,
    ctx: &Context,
    unresolved: &mut bool,
) -> bool {
    use OpBase::*;
    match values {
        Values::Str(ts) => ts.iter().any(|t| {
            let Some(pc) = resolve(t, ctx, unresolved) else {
                return false;
            };
            match base {
                StringLike | StringNotLike => glob_match(&pc, v),
                StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => literal_eq(&pc, v, true),
                _ => literal_eq(&pc, v, false),
            }
        }),
        Values::Arn(ts) => ts.iter().any(|t| {
            let Some(pc) = resolve(t, ctx, unresolved) else {
                return false;
            };
            arn_like(&pc, v)
        }),
        Values::Num(ns) => {
            let Some(x) = parse_number(v) else {
                return false;
            };
            ns.iter().any(|n| match base {
                NumericEquals | NumericNotEquals => x == *n,
                NumericLessThan => x < *n,
                NumericLessThanEquals => x <= *n,
                NumericGreaterThan => x > *n,
                _ => x >= *n,
            })
        }
        Values::Date(ds) => {
            let Some(x) = parse_date(v) else {
                return false;
            };
            ds.iter().any(|d| match base {
                DateEquals | DateNotEquals => x == *d,
                DateLessThan => x < *d,
                DateLessThanEquals => x <= *d,
                DateGreaterThan => x > *d,
                _ => x >= *d,
            })
        }
        Values::Bool(bs) => parse_bool(v).is_some_and(|x| bs.contains(&x)),
        Values::Bin(bs) => bs.iter().any(|b| b == v),
        Values::Ip(nets) => {
            let ip = v
                .trim()
                .parse::<IpAddr>()
                .ok()
                .or_else(|| v.trim().parse::<ipnet::IpNet>().ok().map(|n| n.addr()));
            ip.is_some_and(|ip| nets.iter().any(|n| n.contains(&ip)))
        }
        Values::Null(_) => false,
    }
}

fn resolve<'t>(
    t: &'t Template,
    ctx: &Context,
    unresolved: &mut bool,
) -> Option<std::borrow::Cow<'t, [PChar]>> {
    if let Some(pc) = t.static_pchars() {
        return Some(std::borrow::Cow::Borrowed(pc));
    }
    match t.resolve(|k| ctx.single_lower(k)) {
        Some(v) => Some(std::borrow::Cow::Owned(v)),
        None => {
            *unresolved = true;
            None
        }
    }
}

/// Compares pattern characters as literal text (wildcards count as the characters `*`/`?`).
fn literal_eq(pc: &[PChar], v: &str, ignore_case: bool) -> bool {
    let mut it = v.chars();
    for p in pc {
        let c = match p {
            PChar::Lit(c) => *c,
            PChar::Star => '*',
            PChar::One => '?',
        };
        match it.next() {
            Some(x) if x == c => {}
            Some(x) if ignore_case && x.to_lowercase().eq(c.to_lowercase()) => {}
            _ => return false,
        }
    }
    it.next().is_none()
}
