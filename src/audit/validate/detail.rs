//! What a finding says, as data: one variant per kind of sentence, holding the names and
//! numbers the sentence mentions. The words are said only at the edge, by
//! [`Detail::text`], in English or Japanese from the catalog (`msg::validate`); the JSON
//! output's `findingDetails` is the English (its `Display` and `Serialize`), exactly as Access
//! Analyzer's `ValidatePolicy` writes English details.
//!
//! A detail also knows its issue ([`Detail::issue`]), so that a finding's code, type and page
//! cannot disagree with what it says.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::escalation::Method;
use super::issue::{self, FindingType, Issue};
use crate::audit::catalog::{AccessLevel, KeyType};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::said::Said;
use crate::msg::validate::Validate as V;
use crate::policy::ErrorKind;
use crate::policy::condition::ValueType;

/// Which of the audit's risks a grant on every resource of its kind carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Risk {
    /// Actions that hand out credentials (`CREDENTIALS_EXPOSURE`).
    Credentials,
    /// Actions that read stored data or secrets (`DATA_ACCESS_ON_EVERY_RESOURCE`).
    Data,
    /// Actions that change who may access resources
    /// (`PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE`).
    PermissionsManagement,
}

/// The resources a risky grant applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RiskScope {
    /// Every resource but those listed in `NotResource`.
    AllButNotResource,
    /// A `Resource` pattern that covers a whole resource type, as written.
    Pattern(String),
}

/// A statement as a finding names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatementName {
    /// By its `Sid`.
    Sid(String),
    /// By its index, when it has no `Sid`.
    Index(usize),
}

/// What one finding says. Names are kept as written in the policy or as the catalog spells
/// them; `hints` are the "did you mean" names, nearest first (empty: none, or suggestions
/// off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// The parser refused the document: its error kind and its sentence (worded when shown).
    Syntax {
        /// What is wrong.
        kind: ErrorKind,
        /// The parser's sentence.
        message: Said,
    },
    /// No `Version` element.
    MissingVersion,
    /// An identity policy over the managed policies' size quota.
    PolicySize {
        /// Characters, white space not counted.
        chars: usize,
        /// The quota.
        limit: usize,
    },
    /// An action whose service prefix is no service.
    InvalidServiceInAction {
        /// The prefix as written.
        prefix: String,
        /// The whole entry.
        action: String,
        /// Nearer names.
        hints: Arc<[String]>,
    },
    /// An action its service does not have.
    InvalidAction {
        /// The entry.
        action: String,
        /// The service's name.
        service: String,
        /// The service's prefix.
        prefix: String,
        /// Nearer names.
        hints: Arc<[String]>,
    },
    /// A wildcard entry that matches no action of its service.
    NoActionInService {
        /// The entry.
        pattern: String,
        /// The service's name.
        service: String,
        /// The service's prefix.
        prefix: String,
    },
    /// A wildcard in the service prefix.
    WildcardInServiceName {
        /// The entry.
        pattern: String,
    },
    /// A wildcard entry that matches no action of any service.
    NoActionAnywhere {
        /// The entry.
        pattern: String,
    },
    /// `Allow` with `NotAction`.
    AllowWithNotAction,
    /// `Allow` with `NotResource`.
    AllowWithNotResource,
    /// `Allow` with `NotPrincipal`.
    AllowWithNotPrincipal,
    /// `"Action": "*"` in an `Allow`.
    AllowAllActions {
        /// The entry.
        pattern: String,
        /// On every resource without conditions: full administrator access.
        everywhere: bool,
    },
    /// `service:*` in an `Allow`.
    ServiceWildcard {
        /// The entry.
        pattern: String,
        /// The service's name.
        service: String,
        /// How many actions the service has.
        count: usize,
        /// How many of them are of each access level (levels with none left out).
        levels: Vec<(AccessLevel, usize)>,
    },
    /// Risky actions allowed on every resource of their kind.
    RiskOnEveryResource {
        /// Which risk.
        risk: Risk,
        /// The actions shown.
        actions: Vec<String>,
        /// How many more there are.
        more: usize,
        /// Where they are allowed.
        scope: RiskScope,
    },
    /// `iam:PassRole` with `NotResource`.
    PassRoleWithNotResource,
    /// `iam:PassRole` on every role.
    PassRoleOnEveryRole {
        /// Allowed through a wildcard action rather than by name.
        via_wildcard: bool,
        /// The resource entry that covers every role.
        resource: String,
    },
    /// A resource that fits no ARN format of the statement's services.
    ResourceMismatch {
        /// The resource entry.
        resource: String,
        /// The services, as (name, prefix).
        services: Vec<(String, String)>,
    },
    /// An action that works only with `"Resource": "*"`, in a statement without it.
    ActionNeedsStar {
        /// The action.
        action: String,
    },
    /// An action none of whose resource types is among the statement's resources.
    ActionWrongResource {
        /// The action.
        action: String,
        /// Its resource types, as (name, ARN format).
        types: Vec<(String, String)>,
    },
    /// A wildcard entry all of whose actions work only with `"Resource": "*"`.
    PatternNeedsStar {
        /// The entry.
        pattern: String,
        /// How many actions it matches.
        count: usize,
    },
    /// A wildcard entry none of whose actions works on the statement's resources.
    PatternWrongResource {
        /// The entry.
        pattern: String,
        /// How many actions it matches.
        count: usize,
    },
    /// A condition key without `prefix:name` shape.
    ConditionKeyFormat {
        /// The key.
        key: String,
    },
    /// A tag condition key without the tag key.
    MissingTagKey {
        /// The key.
        key: String,
        /// The key as it should start, e.g. `aws:ResourceTag`.
        tag: String,
        /// Show an example tag key.
        example: bool,
    },
    /// An `aws:` key that is no global condition key.
    InvalidGlobalKey {
        /// The key.
        key: String,
        /// Nearer names.
        hints: Arc<[String]>,
    },
    /// A key its service does not have.
    InvalidServiceKey {
        /// The key.
        key: String,
        /// The service's name.
        service: String,
        /// The service's prefix.
        prefix: String,
        /// Nearer names.
        hints: Arc<[String]>,
    },
    /// A key whose prefix is no service.
    InvalidKeyService {
        /// The prefix.
        prefix: String,
        /// The key.
        key: String,
        /// Nearer names.
        hints: Arc<[String]>,
    },
    /// An operator of the wrong type for its key.
    TypeMismatch {
        /// The operator as written.
        operator: String,
        /// What the operator compares.
        compares: ValueType,
        /// The key.
        key: String,
        /// The key's type as the reference names it (`ArrayOfString`…).
        key_type_name: String,
        /// The key's type.
        key_type: KeyType,
        /// The key is `aws:EpochTime`, which also takes numeric operators.
        epoch_time: bool,
    },
    /// `ForAllValues:` on a single-valued key.
    ForAllValuesSingle {
        /// The key.
        key: String,
    },
    /// `ForAnyValue:` on a single-valued key.
    ForAnyValueSingle {
        /// The key.
        key: String,
    },
    /// A plain operator on a multivalued key.
    MissingQualifier {
        /// The key.
        key: String,
        /// The operator as written.
        operator: String,
        /// The operator's base name.
        base: String,
    },
    /// `*` or `?` with an operator that does not match wildcards.
    WildcardWithoutLike {
        /// The operator as written.
        operator: String,
        /// The operator to write instead.
        like: &'static str,
    },
    /// A service key in a statement without actions of that service.
    KeyOfAbsentService {
        /// The key.
        key: String,
        /// The service's name.
        service: String,
        /// The service's prefix.
        prefix: String,
    },
    /// A service key that none of the statement's actions of that service supports.
    KeyNotSupported {
        /// The service's prefix.
        prefix: String,
        /// The key.
        key: String,
    },
    /// The same action entry twice.
    DuplicateAction {
        /// The entry.
        action: String,
    },
    /// An action entry that others cover.
    RedundantAction {
        /// The entry.
        action: String,
        /// The entries that cover it, as written.
        by: Vec<String>,
    },
    /// A statement that another covers.
    RedundantStatement {
        /// The redundant statement.
        statement: StatementName,
        /// The statement that covers it.
        by: StatementName,
    },
    /// A trust policy statement that trusts everyone without a condition.
    PublicTrust,
    /// A resource policy statement that allows everyone without a condition.
    PublicResource,
    /// A policy variable in a version that has none.
    VariableInOldVersion,
    /// Escalation methods whose every action the policy allows (at least one).
    Escalation {
        /// The methods reached through the same entries.
        methods: Vec<&'static Method>,
    },
}

impl Detail {
    /// The issue this detail is about: its code, type and page.
    pub fn issue(&self) -> Issue {
        use Detail::*;
        match self {
            Syntax { kind, .. } => issue::syntax(*kind),
            MissingVersion => issue::MISSING_VERSION,
            PolicySize { .. } => issue::POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA,
            InvalidServiceInAction { .. } => issue::INVALID_SERVICE_IN_ACTION,
            InvalidAction { .. } => issue::INVALID_ACTION,
            NoActionInService { .. } | NoActionAnywhere { .. } => issue::WILDCARD_MATCHES_NO_ACTION,
            WildcardInServiceName { .. } => issue::WILDCARD_IN_SERVICE_NAME,
            AllowWithNotAction => issue::ALLOW_WITH_NOT_ACTION,
            AllowWithNotResource => issue::ALLOW_WITH_NOT_RESOURCE,
            AllowWithNotPrincipal => issue::ALLOW_WITH_NOT_PRINCIPAL,
            AllowAllActions { .. } => issue::ALLOW_ALL_ACTIONS,
            ServiceWildcard { .. } => issue::SERVICE_WILDCARD_ACTION,
            RiskOnEveryResource { risk, .. } => match risk {
                Risk::Credentials => issue::CREDENTIALS_EXPOSURE,
                Risk::Data => issue::DATA_ACCESS_ON_EVERY_RESOURCE,
                Risk::PermissionsManagement => issue::PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE,
            },
            PassRoleWithNotResource => issue::PASS_ROLE_WITH_NOT_RESOURCE,
            PassRoleOnEveryRole {
                via_wildcard: false,
                ..
            } => issue::PASS_ROLE_WITH_STAR_IN_RESOURCE,
            PassRoleOnEveryRole {
                via_wildcard: true, ..
            } => issue::PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
            ResourceMismatch { .. } => issue::RESOURCE_MISMATCH,
            ActionNeedsStar { .. }
            | ActionWrongResource { .. }
            | PatternNeedsStar { .. }
            | PatternWrongResource { .. } => issue::ACTION_WITHOUT_MATCHING_RESOURCE,
            ConditionKeyFormat { .. } => issue::INVALID_CONDITION_KEY_FORMAT,
            MissingTagKey { .. } => issue::MISSING_TAG_KEY_IN_CONDITION,
            InvalidGlobalKey { .. } => issue::INVALID_GLOBAL_CONDITION_KEY,
            InvalidServiceKey { .. } => issue::INVALID_SERVICE_CONDITION_KEY,
            InvalidKeyService { .. } => issue::INVALID_SERVICE,
            TypeMismatch { .. } => issue::TYPE_MISMATCH,
            ForAllValuesSingle { .. } => issue::FORALLVALUES_WITH_SINGLE_VALUED_KEY,
            ForAnyValueSingle { .. } => issue::FORANYVALUE_WITH_SINGLE_VALUED_KEY,
            MissingQualifier { .. } => issue::MISSING_QUALIFIER,
            WildcardWithoutLike { .. } => issue::WILDCARD_WITHOUT_LIKE_OPERATOR,
            KeyOfAbsentService { .. } | KeyNotSupported { .. } => {
                issue::CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS
            }
            DuplicateAction { .. } | RedundantAction { .. } => issue::REDUNDANT_ACTION,
            RedundantStatement { .. } => issue::REDUNDANT_STATEMENT,
            PublicTrust | PublicResource => issue::PUBLIC_PRINCIPAL_WITHOUT_CONDITION,
            VariableInOldVersion => issue::VARIABLE_UNSUPPORTED_IN_VERSION,
            Escalation { .. } => issue::PRIVILEGE_ESCALATION,
        }
    }

    /// The "did you mean" names the finding suggests, nearest first.
    pub fn suggestions(&self) -> &[String] {
        match self {
            Detail::InvalidServiceInAction { hints, .. }
            | Detail::InvalidAction { hints, .. }
            | Detail::InvalidGlobalKey { hints, .. }
            | Detail::InvalidServiceKey { hints, .. }
            | Detail::InvalidKeyService { hints, .. } => hints,
            _ => &[],
        }
    }

    /// What the finding says and what to do, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Detail::*;
        let code = |s: &str| format!("`{s}`");
        match self {
            Syntax { message, .. } => message.render(lang),
            MissingVersion => V::MissingVersion.text(lang).into(),
            PolicySize { chars, limit } => {
                V::PolicySize.fill(lang, &[("n", chars), ("limit", limit)])
            }
            InvalidServiceInAction {
                prefix,
                action,
                hints,
            } => {
                V::InvalidServiceInAction.fill(lang, &[("prefix", prefix), ("action", action)])
                    + &did_you_mean(lang, hints)
            }
            InvalidAction {
                action,
                service,
                prefix,
                hints,
            } => {
                V::InvalidAction.fill(
                    lang,
                    &[("action", action), ("service", service), ("prefix", prefix)],
                ) + &did_you_mean(lang, hints)
            }
            NoActionInService {
                pattern,
                service,
                prefix,
            } => V::NoActionInService.fill(
                lang,
                &[
                    ("pattern", pattern),
                    ("service", service),
                    ("prefix", prefix),
                ],
            ),
            WildcardInServiceName { pattern } => {
                V::WildcardInServiceName.fill(lang, &[("pattern", pattern)])
            }
            NoActionAnywhere { pattern } => V::NoActionAnywhere.fill(lang, &[("pattern", pattern)]),
            AllowWithNotAction => V::AllowWithNotAction.text(lang).into(),
            AllowWithNotResource => V::AllowWithNotResource.text(lang).into(),
            AllowWithNotPrincipal => V::AllowWithNotPrincipal.text(lang).into(),
            AllowAllActions {
                pattern,
                everywhere,
            } => if *everywhere {
                V::AllowAllEverywhere
            } else {
                V::AllowAllOnResources
            }
            .fill(lang, &[("pattern", pattern)]),
            ServiceWildcard {
                pattern,
                service,
                count,
                levels,
            } => {
                let levels: Vec<String> = levels
                    .iter()
                    .map(|(l, n)| {
                        V::AccessCount.fill(lang, &[("n", n), ("level", &access_level(*l, lang))])
                    })
                    .collect();
                V::ServiceWildcard.fill(
                    lang,
                    &[
                        ("pattern", pattern),
                        ("n", count),
                        ("service", service),
                        ("levels", &levels.join(V::ListSep.text(lang))),
                    ],
                )
            }
            RiskOnEveryResource {
                risk,
                actions,
                more,
                scope,
            } => {
                let entry = match risk {
                    Risk::Credentials => V::RiskCredentials,
                    Risk::Data => V::RiskData,
                    Risk::PermissionsManagement => V::RiskPermissionsManagement,
                };
                let more = if *more > 0 {
                    V::RiskMore.fill(lang, &[("n", more)])
                } else {
                    String::new()
                };
                let resource = match scope {
                    RiskScope::AllButNotResource => V::RiskAllButNotResource.text(lang).into(),
                    RiskScope::Pattern(p) => V::RiskPattern.fill(lang, &[("pattern", p)]),
                };
                entry.fill(
                    lang,
                    &[
                        ("actions", &actions.join(V::ListSep.text(lang))),
                        ("more", &more),
                        ("resource", &resource),
                    ],
                )
            }
            PassRoleWithNotResource => V::PassRoleWithNotResource.text(lang).into(),
            PassRoleOnEveryRole {
                via_wildcard,
                resource,
            } => if *via_wildcard {
                V::PassRoleOnEveryRoleViaWildcard
            } else {
                V::PassRoleOnEveryRole
            }
            .fill(lang, &[("resource", resource)]),
            ResourceMismatch { resource, services } => {
                let names: Vec<String> = services
                    .iter()
                    .map(|(name, prefix)| format!("{name} (`{prefix}`)"))
                    .collect();
                V::ResourceMismatch.fill(
                    lang,
                    &[
                        ("resource", resource),
                        ("services", &join_last(lang, &names, V::ListAnd)),
                    ],
                )
            }
            ActionNeedsStar { action } => V::ActionNeedsStar.fill(lang, &[("action", action)]),
            ActionWrongResource { action, types } => {
                let types: Vec<String> = types
                    .iter()
                    .map(|(name, arn)| format!("{name} (`{arn}`)"))
                    .collect();
                V::ActionWrongResource.fill(
                    lang,
                    &[
                        ("action", action),
                        ("types", &join_last(lang, &types, V::ListOr)),
                    ],
                )
            }
            PatternNeedsStar { pattern, count } => {
                V::PatternNeedsStar.fill(lang, &[("pattern", pattern), ("n", count)])
            }
            PatternWrongResource { pattern, count } => {
                V::PatternWrongResource.fill(lang, &[("pattern", pattern), ("n", count)])
            }
            ConditionKeyFormat { key } => V::ConditionKeyFormat.fill(lang, &[("key", key)]),
            MissingTagKey { key, tag, example } => if *example {
                V::MissingTagKeyExample
            } else {
                V::MissingTagKey
            }
            .fill(lang, &[("key", key), ("tag", tag)]),
            InvalidGlobalKey { key, hints } => {
                V::InvalidGlobalKey.fill(lang, &[("key", key)]) + &did_you_mean(lang, hints)
            }
            InvalidServiceKey {
                key,
                service,
                prefix,
                hints,
            } => {
                V::InvalidServiceKey.fill(
                    lang,
                    &[("key", key), ("service", service), ("prefix", prefix)],
                ) + &did_you_mean(lang, hints)
            }
            InvalidKeyService { prefix, key, hints } => {
                V::InvalidKeyService.fill(lang, &[("prefix", prefix), ("key", key)])
                    + &did_you_mean(lang, hints)
            }
            TypeMismatch {
                operator,
                compares,
                key,
                key_type_name,
                key_type,
                epoch_time,
            } => V::TypeMismatch.fill(
                lang,
                &[
                    ("operator", operator),
                    ("compares", &compares_entry(*compares).text(lang)),
                    ("key", key),
                    ("type", key_type_name),
                    (
                        "operators",
                        &operators_entry(*key_type, *epoch_time).text(lang),
                    ),
                ],
            ),
            ForAllValuesSingle { key } => V::ForAllValuesSingle.fill(lang, &[("key", key)]),
            ForAnyValueSingle { key } => V::ForAnyValueSingle.fill(lang, &[("key", key)]),
            MissingQualifier {
                key,
                operator,
                base,
            } => V::MissingQualifier.fill(
                lang,
                &[("key", key), ("operator", operator), ("base", base)],
            ),
            WildcardWithoutLike { operator, like } => {
                V::WildcardWithoutLike.fill(lang, &[("operator", operator), ("like", like)])
            }
            KeyOfAbsentService {
                key,
                service,
                prefix,
            } => V::KeyOfAbsentService.fill(
                lang,
                &[("key", key), ("service", service), ("prefix", prefix)],
            ),
            KeyNotSupported { prefix, key } => {
                V::KeyNotSupported.fill(lang, &[("prefix", prefix), ("key", key)])
            }
            DuplicateAction { action } => V::DuplicateAction.fill(lang, &[("action", action)]),
            RedundantAction { action, by } => {
                let quoted: Vec<String> = by.iter().map(|b| code(b)).collect();
                if by.len() == 1 {
                    V::RedundantActionOne
                } else {
                    V::RedundantActionMany
                }
                .fill(
                    lang,
                    &[
                        ("action", action),
                        ("by", &quoted.join(V::ListSep.text(lang))),
                    ],
                )
            }
            RedundantStatement { statement, by } => V::RedundantStatement.fill(
                lang,
                &[
                    ("statement", &statement_name(statement, lang)),
                    ("by", &statement_name(by, lang)),
                ],
            ),
            PublicTrust => V::PublicTrust.text(lang).into(),
            PublicResource => V::PublicResource.text(lang).into(),
            VariableInOldVersion => V::VariableInOldVersion.text(lang).into(),
            Escalation { methods } => {
                let actions = |m: &Method| {
                    let names: Vec<String> = m.actions.iter().map(|a| code(a)).collect();
                    join_last(lang, &names, V::ListAnd)
                };
                match methods.as_slice() {
                    [m] => V::EscalationOne.fill(
                        lang,
                        &[
                            ("actions", &actions(m)),
                            ("how", &m.how.text(lang)),
                            ("name", &m.name),
                        ],
                    ),
                    _ => {
                        let each: Vec<String> = methods
                            .iter()
                            .map(|m| format!("{} ({}: {})", m.name, actions(m), m.how.text(lang)))
                            .collect();
                        V::EscalationMany.fill(
                            lang,
                            &[
                                ("n", &methods.len()),
                                ("each", &each.join(V::MethodSep.text(lang))),
                            ],
                        )
                    }
                }
            }
        }
    }
}

/// The English, as `findingDetails` has it.
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// `findingDetails` is a string in English, as in Access Analyzer's output.
impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FindingType {
    /// The type's name for people, in `lang` (`ERROR`, or エラー as AWS's Japanese
    /// documentation calls it); [`FindingType::as_str`] is the value of the JSON output.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            FindingType::Error => V::TypeError,
            FindingType::SecurityWarning => V::TypeSecurityWarning,
            FindingType::Warning => V::TypeWarning,
            FindingType::Suggestion => V::TypeSuggestion,
        }
        .text(lang)
    }
}

/// `{names}` as "did you mean", or nothing without names.
fn did_you_mean(lang: Lang, hints: &[String]) -> String {
    if hints.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = hints.iter().map(|h| format!("`{h}`")).collect();
    V::DidYouMean.fill(lang, &[("names", &join_last(lang, &quoted, V::ListOr))])
}

/// `a`, `a or b`, `a, b or c` (`last` is [`V::ListOr`] or [`V::ListAnd`]).
fn join_last(lang: Lang, items: &[String], last: V) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => last.fill(
            lang,
            &[("init", &init.join(V::ListSep.text(lang))), ("last", tail)],
        ),
    }
}

fn statement_name(s: &StatementName, lang: Lang) -> String {
    match s {
        StatementName::Sid(sid) => V::StatementSid.fill(lang, &[("sid", sid)]),
        StatementName::Index(i) => V::StatementIndex.fill(lang, &[("index", i)]),
    }
}

/// An access level's name: the reference's English (`AccessLevel::as_str`), or the Japanese
/// of AWS's Japanese documentation.
pub fn access_level(level: AccessLevel, lang: Lang) -> &'static str {
    match level {
        AccessLevel::List => V::AccessList,
        AccessLevel::Read => V::AccessRead,
        AccessLevel::Write => V::AccessWrite,
        AccessLevel::PermissionsManagement => V::AccessPermissionsManagement,
        AccessLevel::Tagging => V::AccessTagging,
    }
    .text(lang)
}

/// What an operator family compares.
fn compares_entry(vt: ValueType) -> V {
    match vt {
        ValueType::String => V::ComparesStrings,
        ValueType::Arn => V::ComparesArns,
        ValueType::Numeric => V::ComparesNumbers,
        ValueType::Date => V::ComparesDates,
        ValueType::Bool => V::ComparesBooleans,
        ValueType::Binary => V::ComparesBinary,
        ValueType::Ip => V::ComparesIps,
        ValueType::Null => V::ComparesPresence,
    }
}

/// The operators to use for a key type; `aws:EpochTime` also takes numeric operators
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime>).
fn operators_entry(ty: KeyType, epoch_time: bool) -> V {
    match ty {
        KeyType::String => V::OperatorsString,
        KeyType::Arn => V::OperatorsArn,
        KeyType::Bool => V::OperatorsBool,
        KeyType::Numeric => V::OperatorsNumeric,
        KeyType::Date if epoch_time => V::OperatorsEpoch,
        KeyType::Date => V::OperatorsDate,
        KeyType::IpAddress => V::OperatorsIp,
        KeyType::Binary => V::OperatorsBinary,
        KeyType::Other => V::OperatorsOther,
    }
}
