//! `simulate-custom-policy` in AWS's own input and output shapes
//! (<https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html>), so
//! that what a learner writes here works against the real API and back.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::simulate::Simulate as Say;
use crate::policy::{Policy, PolicyError, PolicyType, Position};

use super::decide::{
    Decision, MatchedStatement, Outcome, PolicySet, SourceType, SourcedPolicy, evaluate,
};
use super::request::{Context, ContextType, ContextValue, Principal, PrincipalArnError, Request};

/// One context entry (AWS `ContextEntry`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ContextEntry {
    /// The key, e.g. `aws:SourceIp`.
    pub context_key_name: String,
    /// The values.
    #[serde(default)]
    pub context_key_values: Vec<String>,
    /// `string`, `stringList`, `numeric`, … (default `string`).
    #[serde(default)]
    pub context_key_type: Option<String>,
}

/// One organization level and its SCPs (AWS `OrderedOrganizationPolicyType`), plus
/// `ResourceControlPolicyInputList`, our extension for the level's RCPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct OrganizationLevel {
    /// The SCP documents of this level.
    #[serde(default)]
    pub service_control_policy_input_list: Vec<String>,
    /// The RCP documents of this level (our extension), besides `RCPFullAWSAccess`, which AWS
    /// attaches to every level and the simulation adds.
    #[serde(default)]
    pub resource_control_policy_input_list: Vec<String>,
}

/// The input of `simulate-custom-policy` (AWS `SimulateCustomPolicyRequest`), plus our
/// extensions: `SessionPolicyInputList` (session policies), `ResourceControlPolicyInputList` in
/// each organization level (RCPs), `ResourceOwnerOrganizationPolicyInputList` (the resource
/// owner's organization path, for a cross-account request) and `ManagementAccountIds`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SimulateInput {
    /// Identity-based policies.
    #[serde(default)]
    pub policy_input_list: Vec<String>,
    /// Permissions boundaries.
    #[serde(default)]
    pub permissions_boundary_policy_input_list: Vec<String>,
    /// SCPs (and RCPs) by organization level of the caller's account, root first.
    #[serde(default)]
    pub ordered_organization_policy_input_list: Vec<OrganizationLevel>,
    /// The organization levels of the resource owner's account, root first, when it is not
    /// the caller's (our extension): its RCPs restrict the resource; its SCPs do not restrict
    /// a caller from another account.
    #[serde(default)]
    pub resource_owner_organization_policy_input_list: Vec<OrganizationLevel>,
    /// The accounts that are their organization's management account (our extension): SCPs
    /// do not restrict their principals and RCPs do not restrict their resources.
    #[serde(default)]
    pub management_account_ids: Vec<String>,
    /// Session policies (our extension).
    #[serde(default)]
    pub session_policy_input_list: Vec<String>,
    /// The actions to decide.
    #[serde(default)]
    pub action_names: Vec<String>,
    /// The resources (default `*`).
    #[serde(default)]
    pub resource_arns: Vec<String>,
    /// A resource-based policy.
    #[serde(default)]
    pub resource_policy: Option<String>,
    /// The resource's owner: an account id or account ARN.
    #[serde(default)]
    pub resource_owner: Option<String>,
    /// The caller (default a user in account 123456789012).
    #[serde(default)]
    pub caller_arn: Option<String>,
    /// The request context.
    #[serde(default)]
    pub context_entries: Vec<ContextEntry>,
    /// Accepted for compatibility; resource scenarios are not simulated.
    #[serde(default)]
    pub resource_handling_option: Option<String>,
    /// Accepted for compatibility; every result is returned.
    #[serde(default)]
    pub max_items: Option<u32>,
    /// Accepted for compatibility.
    #[serde(default)]
    pub marker: Option<String>,
}

/// A line and column (AWS `Position`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AwsPosition {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
}

impl From<Position> for AwsPosition {
    fn from(p: Position) -> Self {
        AwsPosition {
            line: p.line,
            column: p.column,
        }
    }
}

/// A matched statement (AWS `Statement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AwsStatement {
    /// e.g. `PolicyInputList.1`.
    pub source_policy_id: String,
    /// e.g. `IAM Policy`.
    pub source_policy_type: String,
    /// Where the statement starts.
    pub start_position: AwsPosition,
    /// Where it ends.
    pub end_position: AwsPosition,
}

/// `OrganizationsDecisionDetail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OrganizationsDecisionDetail {
    /// Whether the SCPs allow it.
    pub allowed_by_organizations: bool,
}

/// `PermissionsBoundaryDecisionDetail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionsBoundaryDecisionDetail {
    /// Whether the boundary allows it.
    pub allowed_by_permissions_boundary: bool,
}

/// `ResourceSpecificResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourceSpecificResult {
    /// The resource.
    pub eval_resource_name: String,
    /// Its decision.
    pub eval_resource_decision: Outcome,
    /// The statements that decided.
    pub matched_statements: Vec<AwsStatement>,
    /// Context keys the policies need but the input lacks.
    pub missing_context_values: Vec<String>,
    /// Per policy type, for cross-account requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eval_decision_details: Option<serde_json::Map<String, serde_json::Value>>,
    /// SCP detail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
}

/// One `EvaluationResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EvaluationResult {
    /// The action.
    pub eval_action_name: String,
    /// The resource (`*` when several were given: see the resource-specific results).
    pub eval_resource_name: String,
    /// The decision.
    pub eval_decision: Outcome,
    /// The statements that decided.
    pub matched_statements: Vec<AwsStatement>,
    /// Context keys the policies need but the input lacks.
    pub missing_context_values: Vec<String>,
    /// SCP detail, when SCPs were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizations_decision_detail: Option<OrganizationsDecisionDetail>,
    /// Boundary detail, when a boundary was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
    /// Per policy type, for cross-account requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eval_decision_details: Option<serde_json::Map<String, serde_json::Value>>,
    /// One result per resource when several resources were given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resource_specific_results: Vec<ResourceSpecificResult>,
}

/// The output (AWS `SimulatePolicyResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SimulateOutput {
    /// One result per action.
    pub evaluation_results: Vec<EvaluationResult>,
    /// Always false: every result is returned.
    pub is_truncated: bool,
}

/// Why a simulation input was refused. `Display` gives the English message (the sandbox's
/// `aws iam simulate-*` quotes it as AWS would); [`SimulateError::message`] gives it in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimulateError {
    /// A policy is malformed.
    Policy {
        /// The input list, e.g. `PolicyInputList`.
        list: String,
        /// The policy's number in it, from 1.
        number: usize,
        /// What is wrong.
        error: PolicyError,
    },
    /// The caller ARN cannot be read.
    Caller(PrincipalArnError),
    /// A context entry is wrong.
    Context(ContextError),
    /// No action was given.
    NoActions,
    /// An RCP has a statement that RCP syntax does not allow.
    RcpStatement {
        /// Where the RCP is, e.g.
        /// `OrderedOrganizationPolicyInputList.1.ResourceControlPolicyInputList.2`.
        at: String,
        /// The statement's index (from 0).
        index: usize,
        /// What is wrong with it.
        rule: RcpRule,
    },
    /// The caller's organization levels hold RCPs, but the resource is in another account.
    RcpsOfOtherAccount {
        /// The resource owner's account.
        owner: String,
    },
    /// The resource owner's organization path was given for a resource in the caller's
    /// own account.
    OwnerPathSameAccount,
}

/// What an RCP statement may not do, per "RCP syntax"
/// (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RcpRule {
    /// `Effect: Allow` (only `RCPFullAWSAccess` may allow).
    Allow,
    /// `NotAction` (RCPs take `Action` only).
    NotAction,
    /// A `Principal` other than `"*"`, or `NotPrincipal`.
    PrincipalNotEveryone,
}

/// A context entry that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextError {
    /// `ContextKeyType` is none of AWS's type names.
    UnknownType {
        /// The key.
        key: String,
        /// The type given.
        ty: String,
    },
    /// Several values for a single-valued type.
    TooManyValues {
        /// The key.
        key: String,
        /// How many values were given.
        values: usize,
        /// The type given.
        ty: String,
    },
}

impl From<PrincipalArnError> for SimulateError {
    fn from(e: PrincipalArnError) -> Self {
        SimulateError::Caller(e)
    }
}

impl SimulateError {
    /// The message in `lang`, led by the input field it is about (`ContextEntries: …`). A
    /// malformed policy is said as the policy parser says it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SimulateError::Policy {
                list,
                number,
                error,
            } => format!("{list}.{number}: {}", error.said().render(lang)),
            SimulateError::Caller(e) => format!("CallerArn: {}", e.message(lang)),
            SimulateError::Context(e) => format!("ContextEntries: {}", e.message(lang)),
            SimulateError::NoActions => format!("ActionNames: {}", Say::NoActions.text(lang)),
            SimulateError::RcpStatement { at, index, rule } => {
                let entry = match rule {
                    RcpRule::Allow => Say::RcpAllows,
                    RcpRule::NotAction => Say::RcpNotAction,
                    RcpRule::PrincipalNotEveryone => Say::RcpPrincipalNotEveryone,
                };
                format!("{at}: {}", entry.fill(lang, &[("index", index)]))
            }
            SimulateError::RcpsOfOtherAccount { owner } => format!(
                "OrderedOrganizationPolicyInputList: {}",
                Say::RcpsOfOtherAccount.fill(lang, &[("owner", owner)])
            ),
            SimulateError::OwnerPathSameAccount => format!(
                "ResourceOwnerOrganizationPolicyInputList: {}",
                Say::OwnerPathSameAccount.text(lang)
            ),
        }
    }
}

impl ContextError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ContextError::UnknownType { key, ty } => {
                Say::UnknownContextType.fill(lang, &[("type", ty), ("key", key)])
            }
            ContextError::TooManyValues { key, values, ty } => {
                Say::ContextTooManyValues.fill(lang, &[("key", key), ("n", values), ("type", ty)])
            }
        }
    }
}

impl std::fmt::Display for SimulateError {
    /// The message in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SimulateError {}

/// The default caller when none is given.
pub const DEFAULT_CALLER: &str = "arn:aws:iam::123456789012:user/simulated-user";

fn parse_list(
    list: &str,
    texts: &[String],
    ty: PolicyType,
    source: SourceType,
) -> Result<Vec<SourcedPolicy>, SimulateError> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = format!("{list}.{}", i + 1);
            Policy::parse(t, ty)
                .map(|p| SourcedPolicy::new(Arc::new(p), id, source))
                .map_err(|error| SimulateError::Policy {
                    list: list.to_string(),
                    number: i + 1,
                    error,
                })
        })
        .collect()
}

/// `RCPFullAWSAccess`, the AWS managed RCP attached to every level of an organization with
/// RCPs enabled (it cannot be detached), as AWS publishes it
/// (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html>).
pub const RCP_FULL_AWS_ACCESS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;

/// Policies by organization level, root first.
type Levels = Vec<Vec<SourcedPolicy>>;

/// The organization levels of one account's path as the evaluator takes them: SCP levels and
/// RCP levels (each with `RCPFullAWSAccess` first), root first. `list` names the input field.
fn org_levels(list: &str, levels: &[OrganizationLevel]) -> Result<(Levels, Levels), SimulateError> {
    let mut scps = Vec::with_capacity(levels.len());
    let mut rcps = Vec::with_capacity(levels.len());
    // A kind of policy none of the levels holds was not given (a level that only lists
    // RCPs says nothing about SCPs, and the other way round); once a kind is given, a
    // level without any policy of it allows nothing, as in AWS's evaluation.
    let any_scp = levels
        .iter()
        .any(|l| !l.service_control_policy_input_list.is_empty());
    let any_rcp = levels
        .iter()
        .any(|l| !l.resource_control_policy_input_list.is_empty());
    let full = Policy::parse(RCP_FULL_AWS_ACCESS, PolicyType::Resource).map(Arc::new);
    for (i, level) in levels.iter().enumerate() {
        if any_scp {
            let name = format!("{list}.{}.ServiceControlPolicyInputList", i + 1);
            scps.push(parse_list(
                &name,
                &level.service_control_policy_input_list,
                PolicyType::Scp,
                SourceType::Scp,
            )?);
        }
        if !any_rcp {
            continue;
        }
        let name = format!("{list}.{}.ResourceControlPolicyInputList", i + 1);
        // An RCP reads like a resource-based policy (`Principal` is required).
        let custom = parse_list(
            &name,
            &level.resource_control_policy_input_list,
            PolicyType::Resource,
            SourceType::Rcp,
        )?;
        for (n, sp) in custom.iter().enumerate() {
            for (index, st) in sp.policy.statements.iter().enumerate() {
                let rule = if st.effect == crate::policy::Effect::Allow {
                    RcpRule::Allow
                } else if st.action.negated {
                    RcpRule::NotAction
                } else if !st
                    .principal
                    .as_ref()
                    .is_some_and(|p| p.everyone && !p.negated)
                {
                    RcpRule::PrincipalNotEveryone
                } else {
                    continue;
                };
                return Err(SimulateError::RcpStatement {
                    at: format!("{name}.{}", n + 1),
                    index,
                    rule,
                });
            }
        }
        let mut level_rcps = Vec::with_capacity(custom.len() + 1);
        // The managed policy is a constant that parses; were it not to, the level would
        // have no Allow and every request would be denied, which the tests would show.
        if let Ok(p) = &full {
            level_rcps.push(SourcedPolicy::new(
                p.clone(),
                "RCPFullAWSAccess",
                SourceType::Rcp,
            ));
        }
        level_rcps.extend(custom);
        rcps.push(level_rcps);
    }
    Ok((scps, rcps))
}

/// Builds the context from AWS context entries.
pub fn context_from_entries(entries: &[ContextEntry]) -> Result<Context, SimulateError> {
    let mut ctx = Context::new();
    for e in entries {
        let ty_name = e.context_key_type.as_deref().unwrap_or("string");
        let (ty, multi) = match ty_name {
            "string" => (ContextType::String, false),
            "stringList" => (ContextType::String, true),
            "numeric" => (ContextType::Numeric, false),
            "numericList" => (ContextType::Numeric, true),
            "boolean" => (ContextType::Boolean, false),
            "booleanList" => (ContextType::Boolean, true),
            "ip" => (ContextType::Ip, false),
            "ipList" => (ContextType::Ip, true),
            "binary" => (ContextType::Binary, false),
            "binaryList" => (ContextType::Binary, true),
            "date" => (ContextType::Date, false),
            "dateList" => (ContextType::Date, true),
            other => {
                return Err(SimulateError::Context(ContextError::UnknownType {
                    key: e.context_key_name.clone(),
                    ty: other.to_string(),
                }));
            }
        };
        if !multi && e.context_key_values.len() > 1 {
            return Err(SimulateError::Context(ContextError::TooManyValues {
                key: e.context_key_name.clone(),
                values: e.context_key_values.len(),
                ty: ty_name.to_string(),
            }));
        }
        ctx.insert(
            &e.context_key_name,
            ContextValue {
                values: e.context_key_values.clone(),
                multi,
                ty,
            },
        );
    }
    Ok(ctx)
}

/// A prepared simulation: policies parsed and compiled once, ready to decide requests.
#[derive(Debug, Clone)]
pub struct Simulation {
    /// The policies.
    pub set: PolicySet,
    /// The caller.
    pub caller: Principal,
    /// The resource owner's account, if given.
    pub resource_account: Option<String>,
    /// The request context.
    pub context: Context,
}

impl Simulation {
    /// Parses every policy of `input` and the caller.
    pub fn prepare(input: &SimulateInput) -> Result<Simulation, SimulateError> {
        let mut set = PolicySet {
            identity: parse_list(
                "PolicyInputList",
                &input.policy_input_list,
                PolicyType::Identity,
                SourceType::None,
            )?,
            boundary: parse_list(
                "PermissionsBoundaryPolicyInputList",
                &input.permissions_boundary_policy_input_list,
                PolicyType::Boundary,
                SourceType::Boundary,
            )?,
            session: parse_list(
                "SessionPolicyInputList",
                &input.session_policy_input_list,
                PolicyType::Session,
                SourceType::Session,
            )?,
            ..PolicySet::default()
        };
        let (scps, caller_rcps) = org_levels(
            "OrderedOrganizationPolicyInputList",
            &input.ordered_organization_policy_input_list,
        )?;
        let (owner_scps, owner_rcps) = org_levels(
            "ResourceOwnerOrganizationPolicyInputList",
            &input.resource_owner_organization_policy_input_list,
        )?;
        set.scp_levels = scps;
        set.management_accounts = input.management_account_ids.clone();
        if let Some(rp) = &input.resource_policy {
            let mut v = parse_list(
                "ResourcePolicy",
                std::slice::from_ref(rp),
                PolicyType::Resource,
                SourceType::Resource,
            )?;
            if let Some(mut p) = v.pop() {
                p.id = "ResourcePolicy".into();
                set.resource = Some(p);
            }
        }
        let caller = Principal::from_arn(input.caller_arn.as_deref().unwrap_or(DEFAULT_CALLER))?;
        let resource_account = input.resource_owner.as_deref().map(|o| {
            o.strip_prefix("arn:aws:iam::")
                .and_then(|r| r.split(':').next())
                .unwrap_or(o)
                .to_string()
        });
        // RCPs restrict the resource's account: the caller's own levels for a resource of its
        // account, the owner's levels for another account's resource.
        let cross = resource_account
            .as_deref()
            .is_some_and(|owner| !caller.account.is_empty() && owner != caller.account);
        if cross {
            if let (false, Some(owner)) = (caller_rcps.is_empty(), &resource_account) {
                return Err(SimulateError::RcpsOfOtherAccount {
                    owner: owner.clone(),
                });
            }
            set.rcp_levels = owner_rcps;
            set.owner_scp_levels = owner_scps;
        } else {
            if !input
                .resource_owner_organization_policy_input_list
                .is_empty()
            {
                return Err(SimulateError::OwnerPathSameAccount);
            }
            set.rcp_levels = caller_rcps;
        }
        let context = context_from_entries(&input.context_entries)?;
        Ok(Simulation {
            set,
            caller,
            resource_account,
            context,
        })
    }

    /// The request for one action and resource.
    pub fn request(&self, action: &str, resource: &str) -> Request {
        Request::new(self.caller.clone(), action, resource, self.context.clone())
            .with_resource_account(self.resource_account.clone())
    }

    /// Decides one action on one resource.
    pub fn decide(&self, action: &str, resource: &str) -> Decision {
        evaluate(&self.request(action, resource), &self.set)
    }
}

/// AWS's `SourcePolicyType` text for a matched statement.
fn aws_source_type(m: &MatchedStatement) -> String {
    match m.source {
        SourceType::None => "IAM Policy".into(),
        SourceType::Resource => "Resource Policy".into(),
        SourceType::Boundary => "Permissions Boundary Policy".into(),
        SourceType::Scp => "Service Control Policy".into(),
        SourceType::Rcp => "Resource Control Policy".into(),
        SourceType::Session => "Session Policy".into(),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

fn aws_statements(d: &Decision) -> Vec<AwsStatement> {
    d.matched
        .iter()
        .map(|m| AwsStatement {
            source_policy_id: m.policy_id.to_string(),
            source_policy_type: aws_source_type(m),
            start_position: m.start.into(),
            end_position: m.end.into(),
        })
        .collect()
}

fn details(d: &Decision) -> Option<serde_json::Map<String, serde_json::Value>> {
    if !d.cross_account {
        return None;
    }
    let word = |b: bool| if b { "allowed" } else { "implicitDeny" };
    let mut m = serde_json::Map::new();
    m.insert("IAM Policy".into(), word(d.allowed_by_identity).into());
    m.insert(
        "Resource Policy".into(),
        word(d.allowed_by_resource.unwrap_or(false)).into(),
    );
    Some(m)
}

/// Runs a whole simulation: one result per action, with per-resource results when several
/// resources are given.
pub fn simulate(input: &SimulateInput) -> Result<SimulateOutput, SimulateError> {
    let mut results = Vec::with_capacity(input.action_names.len());
    let pushed: Result<(), std::convert::Infallible> = simulate_each(input, |r| {
        results.push(r);
        Ok(())
    })?;
    if let Err(never) = pushed {
        match never {}
    }
    Ok(SimulateOutput {
        evaluation_results: results,
        is_truncated: false,
    })
}

/// [`simulate`] one result at a time: `each` is given every `EvaluationResult` as it is
/// decided, in the order of the input's actions, so a caller can write it out and drop it
/// (`iamdojo simulate-custom-policy` streams its answer). The input is checked before the
/// first result; `each`'s first error stops the run and is returned inside `Ok`.
pub fn simulate_each<E>(
    input: &SimulateInput,
    mut each: impl FnMut(EvaluationResult) -> Result<(), E>,
) -> Result<Result<(), E>, SimulateError> {
    if input.action_names.is_empty() {
        return Err(SimulateError::NoActions);
    }
    let sim = Simulation::prepare(input)?;
    let resources: Vec<&str> = if input.resource_arns.is_empty() {
        vec!["*"]
    } else {
        input.resource_arns.iter().map(String::as_str).collect()
    };
    for action in &input.action_names {
        if let Err(e) = each(sim.result(action, &resources)) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}

impl Simulation {
    /// The `EvaluationResult` of `action` on `resources` (one or more).
    fn result(&self, action: &str, resources: &[&str]) -> EvaluationResult {
        let sim = self;
        let decisions: Vec<(&str, Decision)> = resources
            .iter()
            .map(|r| (*r, sim.decide(action, r)))
            .collect();
        let boundary = |d: &Decision| {
            d.allowed_by_boundary
                .map(|b| PermissionsBoundaryDecisionDetail {
                    allowed_by_permissions_boundary: b,
                })
        };
        if let [(r, d)] = decisions.as_slice() {
            return EvaluationResult {
                eval_action_name: action.to_string(),
                eval_resource_name: r.to_string(),
                eval_decision: d.outcome,
                matched_statements: aws_statements(d),
                missing_context_values: d.missing_context.clone(),
                organizations_decision_detail: d.allowed_by_scps.map(|a| {
                    OrganizationsDecisionDetail {
                        allowed_by_organizations: a,
                    }
                }),
                permissions_boundary_decision_detail: boundary(d),
                eval_decision_details: details(d),
                resource_specific_results: Vec::new(),
            };
        }
        // Several resources: the overall decision is the most restrictive one.
        let overall = decisions
            .iter()
            .map(|(_, d)| d.outcome)
            .max_by_key(|o| match o {
                Outcome::Allowed => 0,
                Outcome::ImplicitDeny => 1,
                Outcome::ExplicitDeny => 2,
            })
            .unwrap_or(Outcome::ImplicitDeny);
        let mut missing: Vec<String> = Vec::new();
        for (_, d) in &decisions {
            for k in &d.missing_context {
                if !missing.contains(k) {
                    missing.push(k.clone());
                }
            }
        }
        let scps = decisions
            .iter()
            .filter_map(|(_, d)| d.allowed_by_scps)
            .reduce(|a, b| a && b);
        EvaluationResult {
            eval_action_name: action.to_string(),
            eval_resource_name: "*".into(),
            eval_decision: overall,
            matched_statements: Vec::new(),
            missing_context_values: missing,
            organizations_decision_detail: scps.map(|a| OrganizationsDecisionDetail {
                allowed_by_organizations: a,
            }),
            permissions_boundary_decision_detail: None,
            eval_decision_details: None,
            resource_specific_results: decisions
                .iter()
                .map(|(r, d)| ResourceSpecificResult {
                    eval_resource_name: r.to_string(),
                    eval_resource_decision: d.outcome,
                    matched_statements: aws_statements(d),
                    missing_context_values: d.missing_context.clone(),
                    eval_decision_details: details(d),
                    permissions_boundary_decision_detail: boundary(d),
                })
                .collect(),
        }
    }
}
