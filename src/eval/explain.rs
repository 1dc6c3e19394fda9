//! Explanations: every statement looked at with what it said about the request, and a
//! readable trace of the decision path through AWS's evaluation flowchart.
//!
//! Everything here is data (a [`Verdict`] per statement, the [`PathStep`]s of the decision
//! path, the [`FlowStep`]s of the flowchart), read off the decision's own code path; `say`
//! puts it into words with the catalog's entries (`crate::msg::explain::Explain`), which hold
//! every sentence in English and Japanese.

mod say;

use std::fmt::Write as _;
use std::sync::Arc;

use crate::lang::Lang;

use serde::Serialize;

use super::decide::{
    Decision, Observer, Outcome, PolicyKind, PolicySet, Reason, SourcedPolicy, evaluate_observed,
};
use super::organizations::Exemption;
use super::request::Request;
pub use super::statement::ConditionFailure;
use super::statement::StatementOutcome;

/// What one statement said about the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementTrace {
    /// Which family of policy.
    pub kind: PolicyKind,
    /// The SCP level (0 = root) for SCPs.
    pub level: usize,
    /// The policy's id.
    pub policy_id: Arc<str>,
    /// The statement's index.
    pub index: usize,
    /// Its `Sid`.
    pub sid: Option<Arc<str>>,
    /// `Allow` or `Deny`.
    pub effect: &'static str,
    /// Line of the statement.
    pub line: u32,
    /// What it said, and why when it does not apply ([`Verdict::text`] puts it in words).
    pub verdict: Verdict,
    /// True when it applies.
    pub applies: bool,
}

/// What one statement said about the request: it applies, or the first reason it does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// It applies.
    Applies,
    /// The action is not in `Action`.
    ActionNotListed,
    /// The action is listed in `NotAction`.
    ActionExcluded,
    /// The resource matches no pattern of `Resource`.
    ResourceNotMatched,
    /// The resource is listed in `NotResource`.
    ResourceExcluded,
    /// The caller is not the statement's `Principal`.
    PrincipalNotNamed,
    /// A policy variable of the statement has no value in the request.
    VariableUnresolved,
    /// A condition is false.
    ConditionFalse {
        /// The condition, as written.
        condition: ConditionText,
        /// Whether its key was missing or its values did not match.
        why: ConditionFailure,
    },
}

/// A condition as the policy writes it: operator, key and values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConditionText {
    /// The operator (`StringEquals`, `Bool`, …).
    pub operator: String,
    /// The context key as written.
    pub key: String,
    /// The values as written.
    pub values: Vec<String>,
}

/// One step of the decision path as [`Explanation::render`] tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum PathStep {
    /// `sts:GetCallerIdentity` needs no permission and cannot be denied.
    AlwaysAllowed,
    /// An explicit `Deny` applies.
    ExplicitDeny,
    /// No explicit `Deny` applies.
    NoExplicitDeny,
    /// Every SCP level allows the action.
    ScpsAllow,
    /// No SCP at this organization level allows the action.
    ScpDenies {
        /// The level, root first (0).
        level: usize,
    },
    /// The principal is not in an organization.
    NoScps,
    /// The SCPs given do not restrict this caller.
    ScpsNotApplicable {
        /// Why.
        why: Exemption,
    },
    /// No RCP denies the action (`RCPFullAWSAccess` lets it through at every level).
    RcpsAllow,
    /// No RCP at this level of the resource owner's organization allows the action.
    RcpDenies {
        /// The level, root first (0).
        level: usize,
    },
    /// The RCPs given do not restrict this request.
    RcpsNotApplicable {
        /// Why.
        why: Exemption,
    },
    /// The resource owner's SCPs do not restrict a caller from another account.
    OwnerScpsNotApplied,
    /// There is no resource-based policy.
    NoResourcePolicy,
    /// The resource-based policy grants the request to this principal on its own.
    ResourcePolicyGrants,
    /// The resource-based policy allows it (the identity side must allow it too).
    ResourcePolicyAllows,
    /// The resource-based policy does not allow it.
    ResourcePolicyDenies,
    /// Whether an identity-based policy allows it.
    Identity {
        /// The answer.
        allows: bool,
    },
    /// Whether the permissions boundary allows it.
    Boundary {
        /// The answer.
        allows: bool,
    },
    /// Whether the session policy allows it.
    Session {
        /// The answer.
        allows: bool,
    },
    /// A federated user session without a session policy has no permissions.
    FederatedNoSessionPolicy,
    /// Cross-account: both sides must allow.
    CrossAccount,
}

/// A decision and every statement's part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The decision.
    pub decision: Decision,
    /// Every statement of every policy, in evaluation order.
    pub statements: Vec<StatementTrace>,
}

/// One question of AWS's evaluation flowchart, in the order AWS asks them
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gate {
    /// Does an explicit `Deny` apply in any policy?
    ExplicitDeny,
    /// Do the RCPs of the resource owner's organization allow the action?
    Rcps,
    /// Does every SCP level allow the action?
    Scps,
    /// Does the resource-based policy grant it to this principal?
    ResourcePolicy,
    /// Does an identity-based policy allow it?
    IdentityPolicy,
    /// Does the permissions boundary allow it?
    Boundary,
    /// Does the session policy allow it?
    SessionPolicy,
    /// Cross-account: does the resource's own policy allow this principal too?
    CrossAccount,
}

/// How the request passed one gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// The answer was yes.
    Yes,
    /// The answer was no.
    No,
    /// The question does not arise (no SCPs, no boundary, no session policy…).
    NotApplicable,
    /// The decision was made before this question.
    NotReached,
}

/// One step of the path through the flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FlowStep {
    /// The question.
    pub gate: Gate,
    /// Its answer for this request.
    pub answer: Answer,
    /// The decision made at this step, if the path ends here.
    pub exit: Option<Outcome>,
}

impl Explanation {
    /// The path of this request through AWS's evaluation flowchart: every gate in order, with
    /// its answer and the step where the decision was made. `sts:GetCallerIdentity` (which no
    /// policy decides) passes no gate.
    pub fn flow(&self) -> Vec<FlowStep> {
        let d = &self.decision;
        let yes = |b: bool| if b { Answer::Yes } else { Answer::No };
        let opt = |b: Option<bool>| b.map_or(Answer::NotApplicable, yes);
        let mut gates = vec![(Gate::ExplicitDeny, yes(d.outcome == Outcome::ExplicitDeny))];
        // The RCP question is asked only of a request that RCPs were given for.
        if d.allowed_by_rcps.is_some() || d.rcp_exemption.is_some() {
            gates.push((Gate::Rcps, opt(d.allowed_by_rcps)));
        }
        gates.extend([
            (Gate::Scps, opt(d.allowed_by_scps)),
            (
                Gate::ResourcePolicy,
                if d.reason == Reason::AllowedByResourcePolicy {
                    Answer::Yes
                } else if d.allowed_by_resource.is_none() {
                    Answer::NotApplicable
                } else {
                    Answer::No
                },
            ),
            (Gate::IdentityPolicy, yes(d.allowed_by_identity)),
            (Gate::Boundary, opt(d.allowed_by_boundary)),
            (Gate::SessionPolicy, opt(d.allowed_by_session)),
        ]);
        if d.cross_account {
            gates.push((Gate::CrossAccount, yes(d.allowed_by_resource == Some(true))));
        }
        // The gate where the decision is made.
        let exit_gate = match d.reason {
            Reason::AlwaysAllowed => None,
            Reason::ExplicitDeny => Some(Gate::ExplicitDeny),
            Reason::NotAllowedByScp { .. } => Some(Gate::Scps),
            Reason::NotAllowedByRcp { .. } => Some(Gate::Rcps),
            Reason::AllowedByResourcePolicy => Some(Gate::ResourcePolicy),
            Reason::NoIdentityAllow => Some(Gate::IdentityPolicy),
            Reason::NotAllowedByBoundary => Some(Gate::Boundary),
            Reason::NotAllowedBySession | Reason::FederatedWithoutSessionPolicy => {
                Some(Gate::SessionPolicy)
            }
            Reason::NoResourceAllow | Reason::AllowedCrossAccount => Some(Gate::CrossAccount),
            Reason::AllowedByIdentityPolicy | Reason::RootUser => gates.last().map(|g| g.0),
        };
        let mut reached = d.reason != Reason::AlwaysAllowed;
        gates
            .into_iter()
            .map(|(gate, answer)| {
                let step = FlowStep {
                    gate,
                    answer: if reached { answer } else { Answer::NotReached },
                    exit: (reached && Some(gate) == exit_gate).then_some(d.outcome),
                };
                if step.exit.is_some() {
                    reached = false;
                }
                step
            })
            .collect()
    }
}

#[derive(Default)]
struct Recorder {
    out: Vec<StatementTrace>,
}

impl Observer for Recorder {
    fn statement(
        &mut self,
        kind: PolicyKind,
        level: usize,
        policy: &SourcedPolicy,
        index: usize,
        outcome: StatementOutcome,
    ) {
        let Some(s) = policy.policy.statements.get(index) else {
            return;
        };
        let verdict = match outcome {
            StatementOutcome::Applies(_) => Verdict::Applies,
            StatementOutcome::ActionMismatch if s.action.negated => Verdict::ActionExcluded,
            StatementOutcome::ActionMismatch => Verdict::ActionNotListed,
            StatementOutcome::ResourceMismatch
                if s.resource.as_ref().is_some_and(|r| r.negated) =>
            {
                Verdict::ResourceExcluded
            }
            StatementOutcome::ResourceMismatch => Verdict::ResourceNotMatched,
            StatementOutcome::PrincipalMismatch => Verdict::PrincipalNotNamed,
            StatementOutcome::VariableUnresolved => Verdict::VariableUnresolved,
            StatementOutcome::ConditionFalse { index, why } => Verdict::ConditionFalse {
                condition: s
                    .conditions
                    .get(index)
                    .map(|c| ConditionText {
                        operator: c.operator.name.to_string(),
                        key: c.key.value.clone(),
                        values: c.raw_values.clone(),
                    })
                    .unwrap_or_default(),
                why,
            },
        };
        self.out.push(StatementTrace {
            kind,
            level,
            policy_id: policy.id.clone(),
            index,
            sid: s.sid.clone(),
            effect: s.effect.as_str(),
            line: s.start.line,
            verdict,
            applies: matches!(outcome, StatementOutcome::Applies(_)),
        });
    }

    fn wants_all(&self) -> bool {
        true
    }
}

/// Decides `req` and records every statement's part.
pub fn explain(req: &Request, set: &PolicySet) -> Explanation {
    let mut rec = Recorder::default();
    let decision = evaluate_observed(req, set, &mut rec);
    Explanation {
        decision,
        statements: rec.out,
    }
}

impl Explanation {
    /// The decision path as [`Explanation::render`] tells it, step by step as in AWS's
    /// flowchart: read off the same decision as [`Explanation::flow`].
    pub fn path(&self) -> Vec<PathStep> {
        let d = &self.decision;
        if d.reason == Reason::AlwaysAllowed {
            return vec![PathStep::AlwaysAllowed];
        }
        if d.outcome == Outcome::ExplicitDeny {
            return vec![PathStep::ExplicitDeny];
        }
        let mut out = vec![PathStep::NoExplicitDeny];
        match (d.allowed_by_rcps, d.rcp_exemption, d.reason) {
            (Some(true), _, _) => out.push(PathStep::RcpsAllow),
            (Some(false), _, Reason::NotAllowedByRcp { level }) => {
                out.push(PathStep::RcpDenies { level });
                return out;
            }
            (None, Some(why), _) => out.push(PathStep::RcpsNotApplicable { why }),
            _ => {}
        }
        match (d.allowed_by_scps, d.reason) {
            (Some(true), _) => out.push(PathStep::ScpsAllow),
            (Some(false), Reason::NotAllowedByScp { level }) => {
                out.push(PathStep::ScpDenies { level });
            }
            (Some(false), _) => {}
            (None, _) => out.push(match d.scp_exemption {
                Some(why) => PathStep::ScpsNotApplicable { why },
                None => PathStep::NoScps,
            }),
        }
        if matches!(d.reason, Reason::NotAllowedByScp { .. }) {
            return out;
        }
        if d.owner_scps_not_applied {
            out.push(PathStep::OwnerScpsNotApplied);
        }
        out.push(match d.allowed_by_resource {
            None => PathStep::NoResourcePolicy,
            Some(true) if d.reason == Reason::AllowedByResourcePolicy => {
                PathStep::ResourcePolicyGrants
            }
            Some(true) => PathStep::ResourcePolicyAllows,
            Some(false) => PathStep::ResourcePolicyDenies,
        });
        if d.reason == Reason::AllowedByResourcePolicy {
            return out;
        }
        out.push(PathStep::Identity {
            allows: d.allowed_by_identity,
        });
        if let Some(allows) = d.allowed_by_boundary {
            out.push(PathStep::Boundary { allows });
        }
        if d.federated_without_session_policy {
            out.push(PathStep::FederatedNoSessionPolicy);
        } else if let Some(allows) = d.allowed_by_session {
            out.push(PathStep::Session { allows });
        }
        if d.cross_account {
            out.push(PathStep::CrossAccount);
        }
        out
    }

    /// A readable trace in `lang`: the request, every statement's verdict, the decision path
    /// step by step as in AWS's flowchart, the decision and the context keys that were missing.
    pub fn render(&self, req: &Request, lang: Lang) -> String {
        let d = &self.decision;
        let mut s = String::new();
        let _ = writeln!(s, "{}", say::request(req, lang));
        for t in &self.statements {
            let _ = writeln!(s, "  {}", say::statement(t, lang));
        }
        let _ = writeln!(s, "{}", say::path_heading(lang));
        for (n, step) in self.path().iter().enumerate() {
            let _ = writeln!(s, "  {}. {}", n + 1, step.text(lang));
        }
        let _ = writeln!(s, "{}", say::decision(d, lang));
        // An explicit deny names the statements that denied (an RCP's or SCP's among them).
        if d.outcome == Outcome::ExplicitDeny {
            for m in &d.matched {
                let _ = writeln!(s, "{}", say::denied_by(m, lang));
            }
        }
        if !d.missing_context.is_empty() {
            let _ = writeln!(s, "{}", say::missing_context(&d.missing_context, lang));
        }
        s
    }
}
