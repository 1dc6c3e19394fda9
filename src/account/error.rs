//! AWS's error shape: a code, a message and the operation, printed as the AWS CLI prints it.

/// An error as an AWS API returns it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("An error occurred ({code}) when calling the {operation} operation: {message}")]
pub struct AwsError {
    /// e.g. `AccessDenied`, `NoSuchEntity`.
    pub code: String,
    /// The message.
    pub message: String,
    /// e.g. `CreateUser`.
    pub operation: String,
    /// For an access denial: the request and the evaluator's account of the decision (the
    /// sandbox's `explain`, the interface's decision explainer).
    pub denial: Option<Box<DecisionTrace>>,
}

/// A request and how the evaluator decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionTrace {
    /// The request as the evaluator saw it.
    pub request: crate::eval::Request,
    /// Every statement's part and the decision.
    pub explanation: crate::eval::Explanation,
}

impl DecisionTrace {
    /// The readable trace.
    pub fn render(&self) -> String {
        self.explanation.render(&self.request)
    }
}

impl AwsError {
    /// An error for `operation`.
    pub fn new(operation: &str, code: &str, message: impl Into<String>) -> AwsError {
        AwsError {
            code: code.to_string(),
            message: message.into(),
            operation: operation.to_string(),
            denial: None,
        }
    }

    /// `NoSuchEntity`.
    pub fn no_such_entity(operation: &str, what: &str, name: &str) -> AwsError {
        AwsError::new(
            operation,
            "NoSuchEntity",
            format!("The {what} with name {name} cannot be found."),
        )
    }

    /// `EntityAlreadyExists`.
    pub fn already_exists(operation: &str, what: &str, name: &str) -> AwsError {
        AwsError::new(
            operation,
            "EntityAlreadyExists",
            format!("{what} with name {name} already exists."),
        )
    }

    /// `ValidationError`.
    pub fn validation(operation: &str, message: impl Into<String>) -> AwsError {
        AwsError::new(operation, "ValidationError", message)
    }
}
