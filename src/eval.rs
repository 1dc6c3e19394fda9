//! Decisions: a [`Request`] against a [`PolicySet`] gives a [`Decision`] that carries its
//! reasons (which statements matched, which policy type withheld access, which context keys
//! were missing), following AWS's documented policy evaluation logic.
//!
//! Pure and total: no I/O, no clock (times come in the request context).

pub mod decide;
pub mod explain;
pub mod organizations;
pub mod request;
pub mod simulate;
pub mod statement;

pub use decide::{
    Decision, MatchedStatement, Outcome, PolicyKind, PolicySet, Reason, SourceType, SourcedPolicy,
    evaluate,
};
pub use explain::{
    Answer, ConditionText, Explanation, FlowStep, Gate, PathStep, StatementTrace, Verdict, explain,
};
pub use request::{Context, ContextType, ContextValue, Principal, PrincipalType, Request};
