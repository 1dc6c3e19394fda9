//! The IAM policy language: JSON text → a typed, compiled [`Policy`] that keeps the source
//! span of every statement and element; wildcard and ARN matching; condition operators and
//! policy variables.
//!
//! This module depends on nothing else of ours. It decides nothing: the evaluator
//! (`crate::eval`) reads what it compiles.

pub mod condition;
pub mod error;
pub mod meaning;
pub mod memo;
pub mod model;
pub mod parse;
pub mod span;
pub mod sym;
pub mod variables;
pub mod wildcard;

pub use error::{ErrorKind, PolicyError};
pub use meaning::Meaning;
pub use model::{
    ActionKey, ActionList, ActionPattern, Condition, Effect, Policy, PolicyType, PrincipalKind,
    PrincipalList, ResourceList, ResourcePattern, Spanned, Statement, Version,
};
pub use span::{Position, Span};

impl Policy {
    /// Parses and compiles `text` as a policy of type `policy_type`.
    pub fn parse(text: &str, policy_type: PolicyType) -> Result<Policy, PolicyError> {
        parse::parse(text, policy_type)
    }
}
