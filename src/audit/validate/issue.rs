//! Every issue `validate-policy` can report, as one data table: its code, its type and the
//! page that explains it. Codes follow IAM Access Analyzer's policy check reference
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>)
//! wherever Access Analyzer has the same check; the others are ours and say so in their
//! documentation below. Syntax errors take their code from the parser's [`ErrorKind`].

use serde::Serialize;

use crate::policy::ErrorKind;

/// The impact of a finding, as Access Analyzer classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingType {
    /// A part of the policy does not work.
    Error,
    /// The policy allows access that is overly permissive.
    SecurityWarning,
    /// The policy does not follow policy-writing best practice.
    Warning,
    /// A stylistic improvement that does not change access.
    Suggestion,
}

impl FindingType {
    /// The name as in Access Analyzer's output.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingType::Error => "ERROR",
            FindingType::SecurityWarning => "SECURITY_WARNING",
            FindingType::Warning => "WARNING",
            FindingType::Suggestion => "SUGGESTION",
        }
    }

    /// Every type, from most to least severe.
    pub const ALL: [FindingType; 4] = [
        FindingType::Error,
        FindingType::SecurityWarning,
        FindingType::Warning,
        FindingType::Suggestion,
    ];

    /// The type whose Access Analyzer name is `code` ([`FindingType::as_str`]), if any.
    pub fn from_code(code: &str) -> Option<FindingType> {
        FindingType::ALL.into_iter().find(|t| t.as_str() == code)
    }
}

/// One kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Issue {
    /// The issue code, e.g. `INVALID_ACTION`.
    pub code: &'static str,
    /// Its impact.
    pub finding_type: FindingType,
    /// The page that explains it.
    pub learn_more: &'static str,
}

macro_rules! aa {
    ($anchor:literal) => {
        concat!(
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-",
            $anchor
        )
    };
}

const fn issue(code: &'static str, finding_type: FindingType, learn_more: &'static str) -> Issue {
    Issue {
        code,
        finding_type,
        learn_more,
    }
}

use FindingType::{Error, SecurityWarning, Suggestion, Warning};

const SERVICE_REFERENCE: &str = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";

/// The service prefix of an action is not a service.
pub const INVALID_SERVICE_IN_ACTION: Issue = issue(
    "INVALID_SERVICE_IN_ACTION",
    Error,
    aa!("error-invalid-service-in-action"),
);
/// The action does not exist in its service (also used by the parser for an action without a
/// service prefix).
pub const INVALID_ACTION: Issue = issue("INVALID_ACTION", Error, aa!("error-invalid-action"));
/// Ours: a wildcard action pattern that matches no real action, so it grants nothing.
pub const WILDCARD_MATCHES_NO_ACTION: Issue = issue(
    "WILDCARD_MATCHES_NO_ACTION",
    Error,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
);
/// A wildcard in the service prefix of an action.
pub const WILDCARD_IN_SERVICE_NAME: Issue = issue(
    "WILDCARD_IN_SERVICE_NAME",
    Suggestion,
    aa!("suggestion-wildcard-in-service-name"),
);
/// Ours: a resource ARN that is no resource type of any action in the statement.
pub const RESOURCE_MISMATCH: Issue = issue("RESOURCE_MISMATCH", Warning, SERVICE_REFERENCE);
/// Ours: an action none of whose resource types is among the statement's resources, so the
/// statement does not allow it.
pub const ACTION_WITHOUT_MATCHING_RESOURCE: Issue = issue(
    "ACTION_WITHOUT_MATCHING_RESOURCE",
    Warning,
    SERVICE_REFERENCE,
);
/// An `aws:` condition key that is not a global key.
pub const INVALID_GLOBAL_CONDITION_KEY: Issue = issue(
    "INVALID_GLOBAL_CONDITION_KEY",
    Error,
    aa!("error-invalid-global-condition-key"),
);
/// A condition key that its service does not have.
pub const INVALID_SERVICE_CONDITION_KEY: Issue = issue(
    "INVALID_SERVICE_CONDITION_KEY",
    Error,
    aa!("error-invalid-service-condition-key"),
);
/// A condition key without `prefix:name` shape.
pub const INVALID_CONDITION_KEY_FORMAT: Issue = issue(
    "INVALID_CONDITION_KEY_FORMAT",
    Error,
    aa!("error-invalid-condition-key-format"),
);
/// A condition key whose prefix is no service.
pub const INVALID_SERVICE: Issue = issue("INVALID_SERVICE", Error, aa!("error-invalid-service"));
/// A tag condition key without the tag key (`aws:ResourceTag/`).
pub const MISSING_TAG_KEY_IN_CONDITION: Issue = issue(
    "MISSING_TAG_KEY_IN_CONDITION",
    Error,
    aa!("error-missing-tag-key-in-condition"),
);
/// Ours: a service condition key that none of the statement's actions supports, so the
/// condition never finds it in the request.
pub const CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: Issue = issue(
    "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS",
    Warning,
    SERVICE_REFERENCE,
);
/// A condition operator of the wrong type for its key.
pub const TYPE_MISMATCH: Issue = issue(
    "TYPE_MISMATCH",
    Warning,
    aa!("general-warning-type-mismatch"),
);
/// `ForAllValues:` on a single-valued key.
pub const FORALLVALUES_WITH_SINGLE_VALUED_KEY: Issue = issue(
    "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
    SecurityWarning,
    aa!("security-warning-forallvalues-with-single-valued-key"),
);
/// Ours: `ForAnyValue:` on a single-valued key.
pub const FORANYVALUE_WITH_SINGLE_VALUED_KEY: Issue = issue(
    "FORANYVALUE_WITH_SINGLE_VALUED_KEY",
    Warning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html",
);
/// A plain operator on a multivalued key.
pub const MISSING_QUALIFIER: Issue =
    issue("MISSING_QUALIFIER", Error, aa!("error-missing-qualifier"));
/// `*` or `?` in the value of an operator that does not match wildcards.
pub const WILDCARD_WITHOUT_LIKE_OPERATOR: Issue = issue(
    "WILDCARD_WITHOUT_LIKE_OPERATOR",
    Warning,
    aa!("general-warning-wildcard-without-like-operator"),
);
/// Ours: `Allow` with `NotAction`.
pub const ALLOW_WITH_NOT_ACTION: Issue = issue(
    "ALLOW_WITH_NOT_ACTION",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
);
/// Ours: `Allow` with `NotResource`.
pub const ALLOW_WITH_NOT_RESOURCE: Issue = issue(
    "ALLOW_WITH_NOT_RESOURCE",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html",
);
/// `Allow` with `NotPrincipal`.
pub const ALLOW_WITH_NOT_PRINCIPAL: Issue = issue(
    "ALLOW_WITH_NOT_PRINCIPAL",
    SecurityWarning,
    aa!("security-warning-allow-with-not-principal"),
);
/// `iam:PassRole` named exactly, on every role.
pub const PASS_ROLE_WITH_STAR_IN_RESOURCE: Issue = issue(
    "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    SecurityWarning,
    aa!("security-warning-pass-role-with-star-in-resource"),
);
/// `iam:PassRole` through a wildcard action, on every role.
pub const PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: Issue = issue(
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
    SecurityWarning,
    aa!("security-warning-pass-role-with-star-in-action-and-resource"),
);
/// `iam:PassRole` with `NotResource`.
pub const PASS_ROLE_WITH_NOT_RESOURCE: Issue = issue(
    "PASS_ROLE_WITH_NOT_RESOURCE",
    SecurityWarning,
    aa!("security-warning-pass-role-with-not-resource"),
);
/// Ours: `"Action": "*"` in an `Allow`.
pub const ALLOW_ALL_ACTIONS: Issue = issue(
    "ALLOW_ALL_ACTIONS",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
);
/// Ours: `service:*` in an `Allow`.
pub const SERVICE_WILDCARD_ACTION: Issue = issue(
    "SERVICE_WILDCARD_ACTION",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
);
/// An action entry whose actions other entries of the statement already cover.
pub const REDUNDANT_ACTION: Issue = issue(
    "REDUNDANT_ACTION",
    Suggestion,
    aa!("suggestion-redundant-action"),
);
/// A statement that another statement already covers.
pub const REDUNDANT_STATEMENT: Issue = issue(
    "REDUNDANT_STATEMENT",
    Suggestion,
    aa!("suggestion-redundant-statement"),
);
/// No `Version` element.
pub const MISSING_VERSION: Issue = issue(
    "MISSING_VERSION",
    Warning,
    aa!("general-warning-missing-version"),
);
/// A policy variable in a policy whose version does not substitute variables.
pub const VARIABLE_UNSUPPORTED_IN_VERSION: Issue = issue(
    "VARIABLE_UNSUPPORTED_IN_VERSION",
    Error,
    aa!("error-variable-unsupported-in-version"),
);
/// An identity policy over the 6,144-character quota of managed policies.
pub const POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: Issue = issue(
    "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
    Warning,
    aa!("general-warning-policy-size-exceeds-identity-policy-quota"),
);
/// Ours: a resource or trust policy statement that allows everyone (`"*"`) without a
/// condition.
pub const PUBLIC_PRINCIPAL_WITHOUT_CONDITION: Issue = issue(
    "PUBLIC_PRINCIPAL_WITHOUT_CONDITION",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous",
);
/// Ours: permissions that let the holder raise their own privileges, one finding per method
/// of Rhino Security Labs' list.
pub const PRIVILEGE_ESCALATION: Issue = issue(
    "PRIVILEGE_ESCALATION",
    SecurityWarning,
    super::escalation::SOURCE,
);
/// Ours: actions that hand out credentials (access keys, passwords, database or instance
/// credentials) allowed on every resource of their kind.
pub const CREDENTIALS_EXPOSURE: Issue = issue(
    "CREDENTIALS_EXPOSURE",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
);
/// Ours: actions that read stored data or secrets (objects, secret values, parameters,
/// decryption) allowed on every resource of their kind.
pub const DATA_ACCESS_ON_EVERY_RESOURCE: Issue = issue(
    "DATA_ACCESS_ON_EVERY_RESOURCE",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
);
/// Ours: actions of the "Permissions management" access level (they change who may do what:
/// resource policies, ACLs, trust policies, key policies) allowed on every resource of their
/// kind.
pub const PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE: Issue = issue(
    "PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE",
    SecurityWarning,
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html",
);

/// Every issue other than the parser's, for documentation and tests.
pub const ALL: &[Issue] = &[
    INVALID_SERVICE_IN_ACTION,
    INVALID_ACTION,
    WILDCARD_MATCHES_NO_ACTION,
    WILDCARD_IN_SERVICE_NAME,
    RESOURCE_MISMATCH,
    ACTION_WITHOUT_MATCHING_RESOURCE,
    INVALID_GLOBAL_CONDITION_KEY,
    INVALID_SERVICE_CONDITION_KEY,
    INVALID_CONDITION_KEY_FORMAT,
    INVALID_SERVICE,
    MISSING_TAG_KEY_IN_CONDITION,
    CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS,
    TYPE_MISMATCH,
    FORALLVALUES_WITH_SINGLE_VALUED_KEY,
    FORANYVALUE_WITH_SINGLE_VALUED_KEY,
    MISSING_QUALIFIER,
    WILDCARD_WITHOUT_LIKE_OPERATOR,
    ALLOW_WITH_NOT_ACTION,
    ALLOW_WITH_NOT_RESOURCE,
    ALLOW_WITH_NOT_PRINCIPAL,
    PASS_ROLE_WITH_STAR_IN_RESOURCE,
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
    PASS_ROLE_WITH_NOT_RESOURCE,
    ALLOW_ALL_ACTIONS,
    SERVICE_WILDCARD_ACTION,
    REDUNDANT_ACTION,
    REDUNDANT_STATEMENT,
    MISSING_VERSION,
    VARIABLE_UNSUPPORTED_IN_VERSION,
    POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA,
    PUBLIC_PRINCIPAL_WITHOUT_CONDITION,
    PRIVILEGE_ESCALATION,
    CREDENTIALS_EXPOSURE,
    DATA_ACCESS_ON_EVERY_RESOURCE,
    PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE,
];

/// The issue for a document the parser refused: an `ERROR` whose code is the parser's kind
/// (`not-json` → `NOT_JSON`), with the Access Analyzer check that covers the same mistake.
pub fn syntax(kind: ErrorKind) -> Issue {
    use ErrorKind::*;
    let (code, link) = match kind {
        NotJson => ("NOT_JSON", aa!("error-json-syntax-error")),
        NotAnObject => ("NOT_AN_OBJECT", aa!("error-data-type-mismatch")),
        UnknownElement => ("UNKNOWN_ELEMENT", aa!("error-invalid-policy-element")),
        WrongType => ("WRONG_TYPE", aa!("error-data-type-mismatch")),
        DuplicateElement => (
            "DUPLICATE_ELEMENT",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html",
        ),
        MissingStatement => ("MISSING_STATEMENT", aa!("error-missing-statement")),
        EmptyStatement => ("EMPTY_STATEMENT", aa!("error-missing-statement")),
        MissingEffect => ("MISSING_EFFECT", aa!("error-missing-effect")),
        InvalidEffect => ("INVALID_EFFECT", aa!("error-invalid-effect")),
        MissingAction => ("MISSING_ACTION", aa!("error-missing-action")),
        ActionAndNotAction => (
            "ACTION_AND_NOTACTION",
            aa!("error-unsupported-element-combination"),
        ),
        InvalidAction => ("INVALID_ACTION", aa!("error-invalid-action")),
        MissingResource => ("MISSING_RESOURCE", aa!("error-missing-resource")),
        ResourceAndNotResource => (
            "RESOURCE_AND_NOTRESOURCE",
            aa!("error-unsupported-element-combination"),
        ),
        InvalidResource => ("INVALID_RESOURCE", aa!("error-invalid-arn-prefix")),
        PrincipalInIdentityPolicy => (
            "PRINCIPAL_IN_IDENTITY_POLICY",
            aa!("error-unsupported-principal"),
        ),
        MissingPrincipal => ("MISSING_PRINCIPAL", aa!("error-missing-principal")),
        PrincipalAndNotPrincipal => (
            "PRINCIPAL_AND_NOTPRINCIPAL",
            aa!("error-unsupported-element-combination"),
        ),
        InvalidPrincipal => ("INVALID_PRINCIPAL", aa!("error-invalid-principal-format")),
        UnknownVersion => ("UNKNOWN_VERSION", aa!("error-invalid-version")),
        UnknownOperator => ("UNKNOWN_OPERATOR", aa!("error-invalid-condition-operator")),
        InvalidConditionValue => (
            "INVALID_CONDITION_VALUE",
            aa!("error-invalid-condition-data-type"),
        ),
        InvalidSid => ("INVALID_SID", aa!("error-unsupported-sid")),
        DuplicateSid => ("DUPLICATE_SID", aa!("error-unique-sids-required")),
        PolicyTooLarge => (
            "POLICY_TOO_LARGE",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
        ),
    };
    issue(code, Error, link)
}
