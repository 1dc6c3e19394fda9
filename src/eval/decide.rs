//! The decision itself, in the order AWS documents in "Policy evaluation logic"
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>):
//! explicit deny anywhere → RCPs → SCPs → resource-based policy → identity-based policy →
//! permissions boundary → session policy, with the cross-account rule that both sides must
//! allow. Which requests the organization's policies apply to is `organizations`' question.

use std::sync::Arc;

use serde::Serialize;
use smallvec::SmallVec;

use crate::policy::{Effect, Policy, Position};

use super::organizations::{Exemption, rcp_exemption, scp_exemption};
use super::request::{PrincipalType, Request};
use super::statement::{
    Memo, PrincipalMatch, StatementOutcome, outcome_past_action, statement_outcome,
};

/// Where a policy comes from, as AWS's `PolicySourceType` (plus our own kinds for policies
/// that AWS reports elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SourceType {
    /// Inline policy of a user.
    #[serde(rename = "user")]
    User,
    /// Inline policy of a group.
    #[serde(rename = "group")]
    Group,
    /// Inline policy of a role.
    #[serde(rename = "role")]
    Role,
    /// AWS managed policy.
    #[serde(rename = "aws-managed")]
    AwsManaged,
    /// Customer managed policy.
    #[serde(rename = "user-managed")]
    UserManaged,
    /// Resource-based policy.
    #[serde(rename = "resource")]
    Resource,
    /// A policy given directly (as `simulate-custom-policy` input).
    #[serde(rename = "none")]
    None,
    /// Permissions boundary.
    #[serde(rename = "permissions-boundary")]
    Boundary,
    /// Service control policy.
    #[serde(rename = "scp")]
    Scp,
    /// Resource control policy.
    #[serde(rename = "rcp")]
    Rcp,
    /// Session policy.
    #[serde(rename = "session")]
    Session,
}

/// Which family of policy in the evaluation logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    /// Identity-based policies.
    Identity,
    /// The resource-based policy.
    Resource,
    /// The permissions boundary.
    Boundary,
    /// Session policies.
    Session,
    /// Service control policies.
    Scp,
    /// Resource control policies.
    Rcp,
}

impl PolicyKind {
    /// How a person would name it.
    pub fn label(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity-based policy",
            PolicyKind::Resource => "resource-based policy",
            PolicyKind::Boundary => "permissions boundary",
            PolicyKind::Session => "session policy",
            PolicyKind::Scp => "service control policy",
            PolicyKind::Rcp => "resource control policy",
        }
    }
}

/// A policy with its name in the results.
#[derive(Debug, Clone)]
pub struct SourcedPolicy {
    /// The compiled policy.
    pub policy: Arc<Policy>,
    /// Its id in results (AWS `SourcePolicyId`), e.g. `PolicyInputList.1` or a policy name.
    pub id: Arc<str>,
    /// Where it comes from.
    pub source: SourceType,
}

impl SourcedPolicy {
    /// Wraps a policy.
    pub fn new(policy: Arc<Policy>, id: impl Into<Arc<str>>, source: SourceType) -> SourcedPolicy {
        SourcedPolicy {
            policy,
            id: id.into(),
            source,
        }
    }
}

/// Every policy that takes part in a decision.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    /// Identity-based policies of the principal (user, its groups, or the role).
    pub identity: Vec<SourcedPolicy>,
    /// The permissions boundary (empty: none).
    pub boundary: Vec<SourcedPolicy>,
    /// Session policies (empty: none).
    pub session: Vec<SourcedPolicy>,
    /// SCPs by organization level of the caller's account, root first (empty: no
    /// organization).
    pub scp_levels: Vec<Vec<SourcedPolicy>>,
    /// RCPs by organization level of the resource owner's account, root first (empty: none).
    /// AWS attaches `RCPFullAWSAccess` to every level and it cannot be detached, so every
    /// level given holds it (the simulation adds it).
    pub rcp_levels: Vec<Vec<SourcedPolicy>>,
    /// For a cross-account request, the SCPs of the resource owner's account: they restrict
    /// the owner's own principals, never a caller from another account, so they are only
    /// reported as not applied.
    pub owner_scp_levels: Vec<Vec<SourcedPolicy>>,
    /// The accounts that are their organization's management account: SCPs do not restrict
    /// their principals, RCPs do not restrict their resources.
    pub management_accounts: Vec<String>,
    /// The resource-based policy of the resource, if any.
    pub resource: Option<SourcedPolicy>,
}

/// The three decisions, with AWS's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// `allowed`.
    #[serde(rename = "allowed")]
    Allowed,
    /// `explicitDeny`.
    #[serde(rename = "explicitDeny")]
    ExplicitDeny,
    /// `implicitDeny`.
    #[serde(rename = "implicitDeny")]
    ImplicitDeny,
}

impl Outcome {
    /// AWS's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::ExplicitDeny => "explicitDeny",
            Outcome::ImplicitDeny => "implicitDeny",
        }
    }
}

/// Why the decision came out as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// `sts:GetCallerIdentity` needs no permission and cannot be denied.
    AlwaysAllowed,
    /// A statement with `Deny` applies.
    ExplicitDeny,
    /// No SCP at this organization level (0 = root) allows the action.
    NotAllowedByScp {
        /// The level, root first.
        level: usize,
    },
    /// No RCP at this organization level (0 = root) of the resource owner's account allows
    /// the action (only when `RCPFullAWSAccess` is missing, which AWS does not let happen).
    NotAllowedByRcp {
        /// The level, root first.
        level: usize,
    },
    /// The resource-based policy grants it to this principal on its own (same account).
    AllowedByResourcePolicy,
    /// Identity-based policies allow it (and the boundary and session policies, if any).
    AllowedByIdentityPolicy,
    /// The root user of the account needs no identity-based policy.
    RootUser,
    /// Both sides of a cross-account request allow it.
    AllowedCrossAccount,
    /// No identity-based policy allows it (and no resource-based policy grants it).
    NoIdentityAllow,
    /// The permissions boundary does not allow it.
    NotAllowedByBoundary,
    /// The session policy does not allow it.
    NotAllowedBySession,
    /// A federated user session (`GetFederationToken`) was given no session policy, so it
    /// has no permissions of its own; only a resource-based policy naming the session grants.
    FederatedWithoutSessionPolicy,
    /// Cross-account: the resource's policy does not allow this principal.
    NoResourceAllow,
}

impl Reason {
    /// The policy type that withheld access, for denial messages.
    pub fn withheld_by(self) -> Option<&'static str> {
        match self {
            Reason::ExplicitDeny => Some("an explicit deny"),
            Reason::NotAllowedByScp { .. } => Some("service control policy"),
            Reason::NotAllowedByRcp { .. } => Some("resource control policy"),
            Reason::NoIdentityAllow => Some("identity-based policy"),
            Reason::NotAllowedByBoundary => Some("permissions boundary"),
            Reason::NotAllowedBySession | Reason::FederatedWithoutSessionPolicy => {
                Some("session policy")
            }
            Reason::NoResourceAllow => Some("resource-based policy"),
            _ => None,
        }
    }
}

/// A statement that took part in the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedStatement {
    /// The policy's id (AWS `SourcePolicyId`).
    pub policy_id: Arc<str>,
    /// Where the policy comes from.
    pub source: SourceType,
    /// Which family of policy.
    pub kind: PolicyKind,
    /// The statement's `Sid`.
    pub sid: Option<Arc<str>>,
    /// Its index in the policy (0-based).
    pub index: usize,
    /// `Allow` or `Deny`.
    pub effect: &'static str,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// A decision with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The decision.
    pub outcome: Outcome,
    /// Why.
    pub reason: Reason,
    /// The statements that decided: for an explicit deny only the deny statements; for an
    /// allow the allow statements of the identity-based and resource-based policies.
    pub matched: Vec<MatchedStatement>,
    /// Whether the SCPs allow it (`None` without SCPs, or when they do not apply).
    pub allowed_by_scps: Option<bool>,
    /// Why the SCPs given do not apply to this request.
    pub scp_exemption: Option<Exemption>,
    /// Whether the RCPs allow it (`None` without RCPs, or when they do not apply).
    pub allowed_by_rcps: Option<bool>,
    /// Why the RCPs given do not apply to this request.
    pub rcp_exemption: Option<Exemption>,
    /// True when the resource owner's SCPs were given for a cross-account request: they do
    /// not restrict a caller from another account.
    pub owner_scps_not_applied: bool,
    /// Whether the boundary allows it (`None` without a boundary).
    pub allowed_by_boundary: Option<bool>,
    /// Whether the session policies allow it (`None` without one; `Some(false)` for a
    /// federated user session without one, which has no permissions).
    pub allowed_by_session: Option<bool>,
    /// True for a federated user session (`GetFederationToken`) without a session policy.
    pub federated_without_session_policy: bool,
    /// Whether identity-based policies allow it.
    pub allowed_by_identity: bool,
    /// How the resource-based policy allows it (`None`: no policy or no allow).
    pub allowed_by_resource: Option<bool>,
    /// True when the resource is in another account.
    pub cross_account: bool,
    /// Context keys the applicable statements read but the request lacks.
    pub missing_context: Vec<String>,
}

impl Decision {
    /// True when allowed.
    pub fn is_allowed(&self) -> bool {
        self.outcome == Outcome::Allowed
    }
}

/// A statement that applied, noted while deciding; turned into a [`MatchedStatement`] only
/// when it ends up in the decision.
#[derive(Clone, Copy)]
struct Hit<'a> {
    sp: &'a SourcedPolicy,
    kind: PolicyKind,
    index: usize,
    deny: bool,
}

/// What the policies of one family said.
#[derive(Default, Clone, Copy)]
struct Tally {
    allows: bool,
    denies: bool,
    best_resource_match: Option<PrincipalMatch>,
}

/// Something that wants to see every statement's outcome (the explainer); the decision
/// itself passes a no-op.
pub trait Observer {
    /// Called for every statement looked at.
    fn statement(
        &mut self,
        kind: PolicyKind,
        level: usize,
        policy: &SourcedPolicy,
        index: usize,
        outcome: StatementOutcome,
    );
    /// True to look at every statement, not only those whose service could match.
    fn wants_all(&self) -> bool {
        false
    }
}

impl Observer for () {
    #[inline]
    fn statement(
        &mut self,
        _: PolicyKind,
        _: usize,
        _: &SourcedPolicy,
        _: usize,
        _: StatementOutcome,
    ) {
    }
}

fn matched(sp: &SourcedPolicy, kind: PolicyKind, idx: usize) -> Option<MatchedStatement> {
    let s = sp.policy.statements.get(idx)?;
    Some(MatchedStatement {
        policy_id: sp.id.clone(),
        source: sp.source,
        kind,
        sid: s.sid.clone(),
        index: idx,
        effect: s.effect.as_str(),
        start: s.start,
        end: s.end,
    })
}

/// Everything noted while deciding.
struct Scan<'a, 'r> {
    req: &'r Request,
    has_boundary: bool,
    all: bool,
    missing: Vec<String>,
    memo: Memo,
    hits: SmallVec<[Hit<'a>; 48]>,
}

impl<'a> Scan<'a, '_> {
    fn tally<O: Observer + ?Sized>(
        &mut self,
        policies: &'a [SourcedPolicy],
        kind: PolicyKind,
        level: usize,
        obs: &mut O,
    ) -> Tally {
        let mut tally = Tally::default();
        for sp in policies {
            let mut visit = |i: usize, outcome: Option<StatementOutcome>| {
                // `i` comes from the policy's own statement indexes.
                let (Some(stmt), Some(outcome)) = (sp.policy.statements.get(i), outcome) else {
                    return;
                };
                obs.statement(kind, level, sp, i, outcome);
                if let StatementOutcome::Applies(pm) = outcome {
                    let deny = stmt.effect == Effect::Deny;
                    self.hits.push(Hit {
                        sp,
                        kind,
                        index: i,
                        deny,
                    });
                    if deny {
                        tally.denies = true;
                    } else {
                        tally.allows = true;
                        if let Some(pm) = pm {
                            tally.best_resource_match = tally.best_resource_match.max(Some(pm));
                        }
                    }
                }
            };
            if self.all {
                (0..sp.policy.statements.len()).for_each(|i| {
                    let outcome = sp.policy.statements.get(i).map(|stmt| {
                        statement_outcome(
                            stmt,
                            self.req,
                            self.has_boundary,
                            &mut self.missing,
                            &mut self.memo,
                        )
                    });
                    visit(i, outcome);
                });
            } else {
                for &i in sp.policy.matching_statements(&self.req.action_key()).iter() {
                    let outcome = sp.policy.statements.get(i as usize).map(|stmt| {
                        outcome_past_action(
                            stmt,
                            self.req,
                            self.has_boundary,
                            &mut self.missing,
                            &mut self.memo,
                        )
                    });
                    visit(i as usize, outcome);
                }
            }
        }
        tally
    }

    /// The noted statements that pass `keep`, in the order they were looked at.
    fn matched(&self, keep: impl Fn(&Hit) -> bool, out: &mut Vec<MatchedStatement>) {
        let n = self.hits.iter().filter(|h| keep(h)).count();
        out.reserve_exact(n);
        for h in self.hits.iter().filter(|h| keep(h)) {
            out.extend(matched(h.sp, h.kind, h.index));
        }
    }
}

/// Decides `req` against `set`.
pub fn evaluate(req: &Request, set: &PolicySet) -> Decision {
    evaluate_observed(req, set, &mut ())
}

/// Decides `req` against `set`, telling `obs` about every statement looked at.
pub fn evaluate_observed<O: Observer + ?Sized>(
    req: &Request,
    set: &PolicySet,
    obs: &mut O,
) -> Decision {
    let has_boundary = !set.boundary.is_empty();
    let mut scan = Scan {
        req,
        has_boundary,
        all: obs.wants_all(),
        missing: Vec::new(),
        memo: Memo::default(),
        hits: SmallVec::new(),
    };
    let mut any_deny = false;
    // RCPs, then SCPs: every level on the path from the root must allow, and a deny at any
    // level is an explicit deny that nothing overrides.
    let rcp_exempt = (!set.rcp_levels.is_empty())
        .then(|| rcp_exemption(req, &set.management_accounts))
        .flatten();
    let mut rcp_gap: Option<usize> = None;
    if rcp_exempt.is_none() {
        for (level, pols) in set.rcp_levels.iter().enumerate() {
            let t = scan.tally(pols, PolicyKind::Rcp, level, obs);
            any_deny |= t.denies;
            if !t.allows && rcp_gap.is_none() {
                rcp_gap = Some(level);
            }
        }
    }
    let scp_exempt = (!set.scp_levels.is_empty())
        .then(|| scp_exemption(req, &set.management_accounts))
        .flatten();
    let mut scp_gap: Option<usize> = None;
    if scp_exempt.is_none() {
        for (level, pols) in set.scp_levels.iter().enumerate() {
            let t = scan.tally(pols, PolicyKind::Scp, level, obs);
            any_deny |= t.denies;
            if !t.allows && scp_gap.is_none() {
                scp_gap = Some(level);
            }
        }
    }
    let resource = match &set.resource {
        Some(rp) => scan.tally(std::slice::from_ref(rp), PolicyKind::Resource, 0, obs),
        None => Tally::default(),
    };
    let identity = scan.tally(&set.identity, PolicyKind::Identity, 0, obs);
    let boundary = scan.tally(&set.boundary, PolicyKind::Boundary, 0, obs);
    let session = scan.tally(&set.session, PolicyKind::Session, 0, obs);
    any_deny |= resource.denies || identity.denies || boundary.denies || session.denies;

    let cross_account = req.is_cross_account();
    let allowed_by_scps =
        (!set.scp_levels.is_empty() && scp_exempt.is_none()).then_some(scp_gap.is_none());
    let allowed_by_rcps =
        (!set.rcp_levels.is_empty() && rcp_exempt.is_none()).then_some(rcp_gap.is_none());
    let allowed_by_boundary = has_boundary.then_some(boundary.allows);
    // A federated user session gets its permissions from the session policy passed to
    // GetFederationToken: without one it has none, whatever the user's own policies allow
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html).
    let federated_without_session_policy =
        req.principal.kind == PrincipalType::FederatedUser && set.session.is_empty();
    let allowed_by_session = if federated_without_session_policy {
        Some(false)
    } else {
        (!set.session.is_empty()).then_some(session.allows)
    };
    // The root user has every permission in its account without any policy.
    let is_root = req.principal.kind == PrincipalType::Root;
    let allowed_by_identity = identity.allows || is_root;
    let allowed_by_resource = set.resource.as_ref().map(|_| resource.allows);
    let mut d = Decision {
        outcome: Outcome::ImplicitDeny,
        reason: Reason::NoIdentityAllow,
        matched: Vec::new(),
        allowed_by_scps,
        scp_exemption: scp_exempt,
        allowed_by_rcps,
        rcp_exemption: rcp_exempt,
        owner_scps_not_applied: cross_account && !set.owner_scp_levels.is_empty(),
        allowed_by_boundary,
        allowed_by_session,
        federated_without_session_policy,
        allowed_by_identity,
        allowed_by_resource,
        cross_account,
        missing_context: std::mem::take(&mut scan.missing),
    };

    // sts:GetCallerIdentity needs no permission, and a deny cannot stop it.
    if req.service() == "sts" && req.action_name() == "getcalleridentity" {
        d.outcome = Outcome::Allowed;
        d.reason = Reason::AlwaysAllowed;
        return d;
    }

    // 1. An explicit deny in any policy wins (RCPs, SCPs, resource, identity, boundary,
    // session: the order they were looked at).
    if any_deny {
        d.outcome = Outcome::ExplicitDeny;
        d.reason = Reason::ExplicitDeny;
        scan.matched(|h| h.deny, &mut d.matched);
        return d;
    }
    // The allow statements of the identity-based policies, then of the resource's policy
    // (a federated user session without a session policy takes nothing from the former).
    let grants = |scan: &Scan, out: &mut Vec<MatchedStatement>| {
        if !federated_without_session_policy {
            scan.matched(|h| h.kind == PolicyKind::Identity, out);
        }
        scan.matched(|h| h.kind == PolicyKind::Resource, out);
    };

    // 2. Every RCP level, then every SCP level, must allow.
    if let Some(level) = rcp_gap {
        d.reason = Reason::NotAllowedByRcp { level };
        return d;
    }
    if let Some(level) = scp_gap {
        d.reason = Reason::NotAllowedByScp { level };
        return d;
    }

    let boundary_ok = allowed_by_boundary.unwrap_or(true);
    let session_ok = allowed_by_session.unwrap_or(true);
    let session_reason = if federated_without_session_policy {
        Reason::FederatedWithoutSessionPolicy
    } else {
        Reason::NotAllowedBySession
    };
    let resource_allows = resource.allows;

    if cross_account {
        // Both sides must allow: the identity side in the principal's account, and the
        // resource's policy in the owning account.
        if !allowed_by_identity {
            d.reason = Reason::NoIdentityAllow;
        } else if !boundary_ok {
            d.reason = Reason::NotAllowedByBoundary;
        } else if !session_ok {
            d.reason = session_reason;
        } else if !resource_allows {
            d.reason = Reason::NoResourceAllow;
        } else {
            d.outcome = Outcome::Allowed;
            d.reason = Reason::AllowedCrossAccount;
            grants(&scan, &mut d.matched);
        }
        return d;
    }

    // 3. Within the account, a resource-based policy that names the user or the session
    // grants on its own; one that names the role is still limited by the role's boundary and
    // session policy; one that names the account defers to identity-based policies.
    let direct = resource.best_resource_match == Some(PrincipalMatch::Direct);
    let via_role = resource.best_resource_match == Some(PrincipalMatch::RoleArn);
    if direct || (via_role && boundary_ok && session_ok) {
        d.outcome = Outcome::Allowed;
        d.reason = Reason::AllowedByResourcePolicy;
        grants(&scan, &mut d.matched);
        return d;
    }

    // 4–6. Identity-based policies, then the boundary, then the session policy.
    if !(allowed_by_identity || via_role) {
        d.reason = Reason::NoIdentityAllow;
    } else if !boundary_ok {
        d.reason = Reason::NotAllowedByBoundary;
    } else if !session_ok {
        d.reason = session_reason;
    } else {
        d.outcome = Outcome::Allowed;
        d.reason = if is_root && !identity.allows {
            Reason::RootUser
        } else {
            Reason::AllowedByIdentityPolicy
        };
        scan.matched(|h| h.kind == PolicyKind::Identity, &mut d.matched);
    }
    d
}
