//! Why a policy document was refused, pointing at the element that is wrong.

use super::span::{Position, Span};
use crate::msg::input::Input;
use crate::msg::said::Said;

/// What is wrong with a policy document. The kebab-case names ([`ErrorKind::as_str`]) are
/// stable: tests, lesson lint and JSON output use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The text is not JSON.
    NotJson,
    /// The document or a statement is not a JSON object.
    NotAnObject,
    /// An element name IAM does not know.
    UnknownElement,
    /// An element has the wrong JSON type.
    WrongType,
    /// The same element twice in one object.
    DuplicateElement,
    /// No `Statement`.
    MissingStatement,
    /// `Statement` is an empty list.
    EmptyStatement,
    /// A statement without `Effect`.
    MissingEffect,
    /// `Effect` other than `Allow` or `Deny`.
    InvalidEffect,
    /// A statement without `Action` or `NotAction`.
    MissingAction,
    /// `Action` together with `NotAction`.
    ActionAndNotAction,
    /// An action without a service prefix.
    InvalidAction,
    /// A statement without `Resource` or `NotResource` where one is required.
    MissingResource,
    /// `Resource` together with `NotResource`.
    ResourceAndNotResource,
    /// A resource that is neither `*` nor an ARN.
    InvalidResource,
    /// `Principal` in a policy that cannot have one (identity-based, boundary, session, SCP).
    PrincipalInIdentityPolicy,
    /// A resource or trust policy statement without `Principal` or `NotPrincipal`.
    MissingPrincipal,
    /// `Principal` together with `NotPrincipal`.
    PrincipalAndNotPrincipal,
    /// A principal value IAM would refuse.
    InvalidPrincipal,
    /// `Version` other than `2012-10-17` or `2008-10-17`.
    UnknownVersion,
    /// A condition operator IAM does not know.
    UnknownOperator,
    /// A condition value that does not fit its operator (a bad number, date, IP, boolean).
    InvalidConditionValue,
    /// A `Sid` with characters other than ASCII letters and digits.
    InvalidSid,
    /// Two statements with the same `Sid`.
    DuplicateSid,
    /// Over the size quota of the policy type.
    PolicyTooLarge,
}

impl ErrorKind {
    /// The stable kebab-case name.
    pub fn as_str(self) -> &'static str {
        use ErrorKind::*;
        match self {
            NotJson => "not-json",
            NotAnObject => "not-an-object",
            UnknownElement => "unknown-element",
            WrongType => "wrong-type",
            DuplicateElement => "duplicate-element",
            MissingStatement => "missing-statement",
            EmptyStatement => "empty-statement",
            MissingEffect => "missing-effect",
            InvalidEffect => "invalid-effect",
            MissingAction => "missing-action",
            ActionAndNotAction => "action-and-notaction",
            InvalidAction => "invalid-action",
            MissingResource => "missing-resource",
            ResourceAndNotResource => "resource-and-notresource",
            InvalidResource => "invalid-resource",
            PrincipalInIdentityPolicy => "principal-in-identity-policy",
            MissingPrincipal => "missing-principal",
            PrincipalAndNotPrincipal => "principal-and-notprincipal",
            InvalidPrincipal => "invalid-principal",
            UnknownVersion => "unknown-version",
            UnknownOperator => "unknown-operator",
            InvalidConditionValue => "invalid-condition-value",
            InvalidSid => "invalid-sid",
            DuplicateSid => "duplicate-sid",
            PolicyTooLarge => "policy-too-large",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused policy document, as IAM's `MalformedPolicyDocument` (or `LimitExceeded` for the
/// size quotas), with the element path and the place in the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}{}", self.location(), if self.path.is_empty() { String::new() } else { format!(" (at `{}`)", self.path) })]
pub struct PolicyError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// The element path, e.g. `Statement[1].Condition.StringEquals`; empty for the document.
    pub path: String,
    /// Where in the text, when known.
    pub span: Option<Span>,
    /// Line and column (1-based) of the start of the span.
    pub position: Option<Position>,
    /// A lowercase sentence saying what is wrong and what to do, worded when shown (its
    /// `Display` is the English, which AWS-shaped outputs print).
    pub message: Said,
}

impl PolicyError {
    /// The AWS error code this refusal corresponds to.
    pub fn aws_code(&self) -> &'static str {
        match self.kind {
            ErrorKind::PolicyTooLarge => "LimitExceeded",
            _ => "MalformedPolicyDocument",
        }
    }

    /// The error as [`Display`](std::fmt::Display) shows it (`line:column: message (at
    /// `path`)`), to be worded in the reader's language when shown.
    pub fn said(&self) -> Said {
        let mut said = Said::quoted(format!("{}: ", self.location())).then(self.message.clone());
        if !self.path.is_empty() {
            said = said.then(Said::of(Input::At).with("path", &self.path));
        }
        said
    }

    /// `line:column`, or `-` when unknown.
    pub fn location(&self) -> String {
        match self.position {
            Some(p) => format!("{}:{}", p.line, p.column),
            None => "-".to_string(),
        }
    }
}
