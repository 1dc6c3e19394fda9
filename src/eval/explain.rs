//! Explanations: every statement looked at with what it said about the request, and a
//! readable trace of the decision path through AWS's evaluation flowchart.

use std::fmt::Write as _;
use std::sync::Arc;

use serde::Serialize;

use super::decide::{
    Decision, Observer, Outcome, PolicyKind, PolicySet, Reason, SourcedPolicy, evaluate_observed,
};
use super::request::Request;
use super::statement::{ConditionFailure, StatementOutcome};

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
    /// What it said, in words.
    pub verdict: String,
    /// True when it applies.
    pub applies: bool,
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
        let mut gates = vec![
            (Gate::ExplicitDeny, yes(d.outcome == Outcome::ExplicitDeny)),
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
        ];
        if d.cross_account {
            gates.push((Gate::CrossAccount, yes(d.allowed_by_resource == Some(true))));
        }
        // The gate where the decision is made.
        let exit_gate = match d.reason {
            Reason::AlwaysAllowed => None,
            Reason::ExplicitDeny => Some(Gate::ExplicitDeny),
            Reason::NotAllowedByScp { .. } => Some(Gate::Scps),
            Reason::AllowedByResourcePolicy => Some(Gate::ResourcePolicy),
            Reason::NoIdentityAllow => Some(Gate::IdentityPolicy),
            Reason::NotAllowedByBoundary => Some(Gate::Boundary),
            Reason::NotAllowedBySession => Some(Gate::SessionPolicy),
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
            StatementOutcome::Applies(_) => "applies".to_string(),
            StatementOutcome::ActionMismatch => {
                if s.action.negated {
                    "does not apply: the action is listed in NotAction".into()
                } else {
                    "does not apply: the action is not in Action".into()
                }
            }
            StatementOutcome::ResourceMismatch => {
                if s.resource.as_ref().is_some_and(|r| r.negated) {
                    "does not apply: the resource is listed in NotResource".into()
                } else {
                    "does not apply: the resource does not match Resource".into()
                }
            }
            StatementOutcome::PrincipalMismatch => {
                "does not apply: the caller is not the statement's principal".into()
            }
            StatementOutcome::VariableUnresolved => {
                "does not apply: a policy variable has no value in the request".into()
            }
            StatementOutcome::ConditionFalse { index, why } => {
                let c = s.conditions.get(index);
                let name = c
                    .map(|c| format!("{} {} {:?}", c.operator.name, c.key.value, c.raw_values))
                    .unwrap_or_default();
                match why {
                    ConditionFailure::KeyMissing => format!(
                        "does not apply: condition `{name}` is false because the request has no `{}`",
                        c.map(|c| c.key.value.as_str()).unwrap_or("?")
                    ),
                    ConditionFailure::NoMatch => {
                        format!(
                            "does not apply: condition `{name}` is false for the request's values"
                        )
                    }
                }
            }
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
    /// A readable trace of the decision path, step by step as in AWS's flowchart.
    pub fn render(&self, req: &Request) -> String {
        let d = &self.decision;
        let mut s = String::new();
        let _ = writeln!(s, "{} → {} on {}", req.principal, req.action, req.resource);
        for t in &self.statements {
            let sid = t
                .sid
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {} {} statement {}{} [{}, line {}]: {}",
                t.kind.label(),
                t.policy_id,
                t.index,
                sid,
                t.effect,
                t.line,
                t.verdict
            );
        }
        let step = |s: &mut String, n: u8, text: &str| {
            let _ = writeln!(s, "  {n}. {text}");
        };
        let _ = writeln!(s, "decision path:");
        if d.reason == Reason::AlwaysAllowed {
            step(
                &mut s,
                1,
                "sts:GetCallerIdentity needs no permission and cannot be denied → allowed",
            );
        } else if d.outcome == Outcome::ExplicitDeny {
            step(
                &mut s,
                1,
                "an explicit Deny applies → explicitDeny (a deny always wins)",
            );
        } else {
            step(&mut s, 1, "no explicit Deny applies");
            let mut n = 2;
            match d.allowed_by_scps {
                Some(true) => step(&mut s, n, "every SCP level allows the action"),
                Some(false) => {
                    if let Reason::NotAllowedByScp { level } = d.reason {
                        step(
                            &mut s,
                            n,
                            &format!(
                                "no SCP at organization level {level} allows the action → implicitDeny"
                            ),
                        );
                    }
                }
                None => step(&mut s, n, "no SCPs (not in an organization)"),
            }
            n += 1;
            if !matches!(d.reason, Reason::NotAllowedByScp { .. }) {
                let res = match d.allowed_by_resource {
                    None => "no resource-based policy".to_string(),
                    Some(true) if d.reason == Reason::AllowedByResourcePolicy => {
                        "the resource-based policy grants it to this principal → allowed".into()
                    }
                    Some(true) => "the resource-based policy allows it".into(),
                    Some(false) => "the resource-based policy does not allow it".into(),
                };
                step(&mut s, n, &res);
                n += 1;
                if d.reason != Reason::AllowedByResourcePolicy {
                    step(
                        &mut s,
                        n,
                        if d.allowed_by_identity {
                            "an identity-based policy allows it"
                        } else {
                            "no identity-based policy allows it"
                        },
                    );
                    n += 1;
                    if let Some(b) = d.allowed_by_boundary {
                        step(
                            &mut s,
                            n,
                            if b {
                                "the permissions boundary allows it"
                            } else {
                                "the permissions boundary does not allow it"
                            },
                        );
                        n += 1;
                    }
                    if let Some(b) = d.allowed_by_session {
                        step(
                            &mut s,
                            n,
                            if b {
                                "the session policy allows it"
                            } else {
                                "the session policy does not allow it"
                            },
                        );
                        n += 1;
                    }
                    if d.cross_account {
                        step(
                            &mut s,
                            n,
                            "cross-account: both the identity side and the resource's policy must allow",
                        );
                    }
                }
            }
        }
        let why = match d.reason.withheld_by() {
            Some(w) if d.outcome == Outcome::ImplicitDeny => format!(" (no {w} allows it)"),
            _ => String::new(),
        };
        let _ = writeln!(s, "decision: {}{why}", d.outcome.as_str());
        if !d.missing_context.is_empty() {
            let _ = writeln!(
                s,
                "missing context keys: {} (give them with --context-entries to decide conditions on them)",
                d.missing_context.join(", ")
            );
        }
        s
    }
}
