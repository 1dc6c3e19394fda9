//! AWS's error shape: a code, a message and the operation, printed as the AWS CLI prints it.

/// An error as an AWS API returns it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("An error occurred ({code}) when calling the {operation} operation: {message}")]
pub struct AwsError {
    /// How the AWS CLI itself reports this failure, when it does not print AWS's error line
    /// alone: a high-level command such as `aws s3 cp` says `upload failed: … An error
    /// occurred …` and exits 1, and one whose local file is missing never calls AWS.
    pub said: Option<Box<crate::account::command::cli_error::CliError>>,
    /// e.g. `AccessDenied`, `NoSuchEntity`.
    pub code: String,
    /// The message.
    pub message: String,
    /// e.g. `CreateUser`.
    pub operation: String,
    /// For an access denial: the request and the evaluator's account of the decision (the
    /// sandbox's `explain`, the interface's decision explainer).
    pub denial: Option<Box<DecisionTrace>>,
    /// For a refused policy document: the parser's error, which the sandbox's `explain` says
    /// in the learner's language (the message is its English, as AWS sends it).
    pub refusal: Option<Box<crate::policy::PolicyError>>,
}

/// A request and how the evaluator decided it.
#[derive(Debug, Clone)]
pub struct DecisionTrace {
    /// The request as the evaluator saw it.
    pub request: crate::eval::Request,
    /// Every statement's part and the decision.
    pub explanation: crate::eval::Explanation,
    /// Every policy that took part, by its id in the explanation, to show a statement in its
    /// document.
    pub policies: Vec<(std::sync::Arc<str>, std::sync::Arc<crate::policy::Policy>)>,
}

/// Two traces are the same when the request, the explanation and the policies' ids are.
impl PartialEq for DecisionTrace {
    fn eq(&self, other: &DecisionTrace) -> bool {
        self.request == other.request
            && self.explanation == other.explanation
            && self.policies.len() == other.policies.len()
            && self
                .policies
                .iter()
                .zip(&other.policies)
                .all(|(a, b)| a.0 == b.0 && a.1.text == b.1.text)
    }
}

impl Eq for DecisionTrace {}

impl DecisionTrace {
    /// Decides `request` against `set` with the explainer, keeping the policies.
    pub fn new(request: crate::eval::Request, set: &crate::eval::PolicySet) -> DecisionTrace {
        let explanation = crate::eval::explain(&request, set);
        let policies = set
            .scp_levels
            .iter()
            .flatten()
            .chain(set.resource.iter())
            .chain(set.identity.iter())
            .chain(set.boundary.iter())
            .chain(set.session.iter())
            .map(|sp| (sp.id.clone(), sp.policy.clone()))
            .collect();
        DecisionTrace {
            request,
            explanation,
            policies,
        }
    }

    /// The readable trace, in `lang`.
    pub fn render(&self, lang: crate::lang::Lang) -> String {
        self.explanation.render(&self.request, lang)
    }

    /// The policy a statement of the explanation belongs to.
    pub fn policy(&self, id: &str) -> Option<&crate::policy::Policy> {
        self.policies
            .iter()
            .find(|(i, _)| &**i == id)
            .map(|(_, p)| &**p)
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
            refusal: None,
            said: None,
        }
    }

    /// `code` (`MalformedPolicyDocument`, `MalformedPolicy`, `LimitExceeded`) for a policy
    /// document the parser refused. IAM's and STS's `MalformedPolicyDocument` carries the
    /// message IAM sends for that mistake ([`iam_policy_message`]); the others carry the
    /// parser's English. Either way the parser's error is kept, with its line, column and
    /// element path, for the sandbox's `explain` and the policy editor.
    pub fn refused(operation: &str, code: &str, error: crate::policy::PolicyError) -> AwsError {
        let message = if code == "MalformedPolicyDocument" {
            iam_policy_message(&error)
        } else {
            error.to_string()
        };
        AwsError {
            refusal: Some(Box::new(error)),
            ..AwsError::new(operation, code, message)
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

    /// `InvalidInput` for a value that is not an ARN where IAM wants one (`--policy-arn foo`).
    pub fn invalid_arn(operation: &str, arn: &str) -> AwsError {
        AwsError::new(
            operation,
            "InvalidInput",
            format!("ARN {arn} is not valid."),
        )
    }

    /// `ValidationError`.
    pub fn validation(operation: &str, message: impl Into<String>) -> AwsError {
        AwsError::new(operation, "ValidationError", message)
    }
}

/// The message IAM's `MalformedPolicyDocument` carries for what the parser refused: IAM names
/// the kind of mistake, never its place (iamdojo's line, column and element path stay in the
/// refusal, for `explain`). The wordings are those IAM returns, as quoted in AWS's
/// troubleshooting pages and in reports of the errors (see `tests/data/aws-errors/`); where
/// IAM says no more than that the document is wrong, the message is its general
/// `Syntax errors in policy.` A trust policy's `Resource` is refused before anything else it
/// lacks: see `iam::parse_doc`.
pub fn iam_policy_message(e: &crate::policy::PolicyError) -> String {
    use crate::msg::policy::PolicyParse as P;
    use crate::policy::ErrorKind as K;
    let value = |name: &str| e.message.value(name).unwrap_or_default().to_string();
    match e.kind {
        K::UnknownElement if e.message.starts_with(P::ResourceInTrustPolicy) => {
            format!("Has prohibited field {}", value("elem"))
        }
        K::PrincipalInIdentityPolicy => "Policy document should not specify a principal.".into(),
        K::MissingPrincipal => "Missing required field Principal".into(),
        K::InvalidPrincipal if e.message.starts_with(P::InvalidAwsPrincipal) => {
            format!("Invalid principal in policy: \"AWS\":\"{}\"", value("value"))
        }
        K::InvalidPrincipal => "Invalid principal in policy".into(),
        K::MissingAction => "Policy statement must contain actions.".into(),
        K::InvalidAction => {
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.".into()
        }
        K::MissingResource => "Policy statement must contain resources.".into(),
        K::InvalidResource => format!(
            "Resource {} must be in ARN format or \"*\".",
            value("resource")
        ),
        K::UnknownVersion => "The policy failed legacy parsing".into(),
        K::InvalidSid => "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*".into(),
        K::DuplicateSid => "Statement IDs (SID) in a single policy must be unique.".into(),
        K::PolicyTooLarge => e.to_string(),
        K::NotJson
        | K::NotAnObject
        | K::UnknownElement
        | K::WrongType
        | K::DuplicateElement
        | K::MissingStatement
        | K::EmptyStatement
        | K::MissingEffect
        | K::InvalidEffect
        | K::ActionAndNotAction
        | K::ResourceAndNotResource
        | K::PrincipalAndNotPrincipal
        | K::UnknownOperator
        | K::InvalidConditionValue => "Syntax errors in policy.".into(),
    }
}
