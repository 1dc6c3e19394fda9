//! AWS Organizations in the sandbox: one organization over the sandbox's accounts, its root,
//! its organizational units (a tree), where each account sits, and its service control
//! policies (SCPs) and resource control policies (RCPs) with their targets; the
//! `aws organizations …` commands over it; and, for each member account, the policies of
//! every level from the root down to it ([`OrgView`]), which the account's own
//! authorization hands to the evaluator (`crate::eval::organizations` says which requests
//! they restrict).
//!
//! - Policies and their inheritance:
//!   <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_auth.html>
//! - `FullAWSAccess` and `RCPFullAWSAccess` attached everywhere by default:
//!   <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html>,
//!   <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html>

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde_json::{Value, json};

use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;
use super::model::Document;
use crate::eval::{SourceType, SourcedPolicy};
use crate::policy::PolicyType;

/// The id of the AWS managed SCP that allows everything.
pub const FULL_AWS_ACCESS_ID: &str = "p-FullAWSAccess";
/// The id of the AWS managed RCP that allows everything.
pub const RCP_FULL_AWS_ACCESS_ID: &str = "p-RCPFullAWSAccess";
/// The most policies an organization holds, SCPs and RCPs together (AWS's quota is 1,000
/// per type: <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html>).
pub const MAX_POLICIES: usize = 2_000;
/// The most organizational units of an organization (AWS's quota).
pub const MAX_UNITS: usize = 1_000;
/// How deep organizational units nest under the root (AWS's quota: five levels).
pub const MAX_DEPTH: usize = 5;

const FULL_AWS_ACCESS: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// The two kinds of authorization policy an organization has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OrgPolicyType {
    /// `SERVICE_CONTROL_POLICY`: restricts the principals of member accounts.
    Scp,
    /// `RESOURCE_CONTROL_POLICY`: restricts the resources of member accounts.
    Rcp,
}

impl OrgPolicyType {
    /// AWS's name.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgPolicyType::Scp => "SERVICE_CONTROL_POLICY",
            OrgPolicyType::Rcp => "RESOURCE_CONTROL_POLICY",
        }
    }

    /// The type AWS names `s`, if it is one of the two.
    pub fn parse(s: &str) -> Option<OrgPolicyType> {
        match s {
            "SERVICE_CONTROL_POLICY" => Some(OrgPolicyType::Scp),
            "RESOURCE_CONTROL_POLICY" => Some(OrgPolicyType::Rcp),
            _ => None,
        }
    }

    /// The lowercase word of policy ARNs.
    fn arn_word(self) -> &'static str {
        match self {
            OrgPolicyType::Scp => "service_control_policy",
            OrgPolicyType::Rcp => "resource_control_policy",
        }
    }

    /// How the evaluator files it.
    fn source(self) -> SourceType {
        match self {
            OrgPolicyType::Scp => SourceType::Scp,
            OrgPolicyType::Rcp => SourceType::Rcp,
        }
    }
}

/// One SCP or RCP.
#[derive(Debug, Clone)]
pub struct OrgPolicy {
    /// `p-…`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// SCP or RCP.
    pub kind: OrgPolicyType,
    /// The document.
    pub document: Document,
    /// True for `FullAWSAccess` and `RCPFullAWSAccess`.
    pub aws_managed: bool,
    /// Where it is attached: the root's, OUs' and accounts' ids.
    pub targets: BTreeSet<String>,
}

/// An organizational unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `ou-…`.
    pub id: String,
    /// Name.
    pub name: String,
    /// The parent's id: the root's or another OU's.
    pub parent: String,
}

/// A member account as the organization knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The 12-digit id.
    pub id: String,
    /// The account's name.
    pub name: String,
    /// The account's email address.
    pub email: String,
    /// The parent's id: the root's or an OU's.
    pub parent: String,
    /// When it joined.
    pub joined: Timestamp,
}

/// The organization.
#[derive(Debug, Clone)]
pub struct Organization {
    /// `o-…`.
    pub id: String,
    /// The management account's id.
    pub management: String,
    /// `r-…`.
    pub root: String,
    /// OUs by id.
    pub units: BTreeMap<String, Unit>,
    /// Member accounts (the management account too) by id.
    pub members: BTreeMap<String, Member>,
    /// SCPs and RCPs by id.
    pub policies: BTreeMap<String, OrgPolicy>,
    seq: u64,
}

/// What one account's authorization needs of its organization: the management account, and
/// the SCPs and RCPs of every level from the root down to the account (root first).
#[derive(Debug, Clone, Default)]
pub struct OrgView {
    /// The organization's id (`aws:PrincipalOrgID`, `aws:ResourceOrgID`).
    pub org_id: String,
    /// The account's path, `o-…/r-…/ou-…/` (`aws:PrincipalOrgPaths`).
    pub path: String,
    /// The management account's id.
    pub management: String,
    /// SCPs by level.
    pub scp_levels: Vec<Vec<SourcedPolicy>>,
    /// RCPs by level.
    pub rcp_levels: Vec<Vec<SourcedPolicy>>,
}

impl Organization {
    /// A new organization managed by `management` (which joins it under the root), with
    /// `FullAWSAccess` and `RCPFullAWSAccess` attached to the root; `seed` makes its ids.
    pub fn new(management: &str, email: &str, name: &str, seed: u64, now: Timestamp) -> Self {
        let mut o = Organization {
            id: String::new(),
            management: management.to_string(),
            root: String::new(),
            units: BTreeMap::new(),
            members: BTreeMap::new(),
            policies: BTreeMap::new(),
            seq: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15),
        };
        o.id = format!("o-{}", o.word(10));
        o.root = format!("r-{}", o.word(4));
        let root = o.root.clone();
        for (id, name, kind, text) in [
            (
                FULL_AWS_ACCESS_ID,
                "FullAWSAccess",
                OrgPolicyType::Scp,
                FULL_AWS_ACCESS,
            ),
            (
                RCP_FULL_AWS_ACCESS_ID,
                "RCPFullAWSAccess",
                OrgPolicyType::Rcp,
                crate::eval::simulate::RCP_FULL_AWS_ACCESS,
            ),
        ] {
            let ty = match kind {
                OrgPolicyType::Scp => PolicyType::Scp,
                OrgPolicyType::Rcp => PolicyType::Resource,
            };
            // Constants that parse; were one not to, the tests of enforcement would fail.
            if let Ok(document) = Document::parse(text, ty) {
                o.policies.insert(
                    id.to_string(),
                    OrgPolicy {
                        id: id.to_string(),
                        name: name.to_string(),
                        description: match kind {
                            OrgPolicyType::Scp => "Allows access to every operation".into(),
                            OrgPolicyType::Rcp => {
                                "Allows access to every resource and operation".into()
                            }
                        },
                        kind,
                        document,
                        aws_managed: true,
                        targets: BTreeSet::from([root.clone()]),
                    },
                );
            }
        }
        o.join(management, name, email, &root, now);
        o
    }

    /// `n` characters of `[a-z0-9]` from the organization's sequence.
    fn word(&mut self, n: usize) -> String {
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let mut s = String::with_capacity(n);
        for _ in 0..n {
            self.seq = self.seq.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.seq;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            let i = usize::try_from(z % 36).unwrap_or(0);
            s.push(ALPHABET.get(i).copied().map_or('a', char::from));
        }
        s
    }

    /// Adds an account under `parent`, with `FullAWSAccess` and `RCPFullAWSAccess` attached
    /// directly, as AWS attaches them to every account that joins.
    pub fn join(&mut self, id: &str, name: &str, email: &str, parent: &str, now: Timestamp) {
        self.members.insert(
            id.to_string(),
            Member {
                id: id.to_string(),
                name: name.to_string(),
                email: email.to_string(),
                parent: parent.to_string(),
                joined: now,
            },
        );
        self.attach_defaults(id);
    }

    fn attach_defaults(&mut self, target: &str) {
        for p in [FULL_AWS_ACCESS_ID, RCP_FULL_AWS_ACCESS_ID] {
            if let Some(p) = self.policies.get_mut(p) {
                p.targets.insert(target.to_string());
            }
        }
    }

    /// Adds an OU named `name` under `parent` and returns its id (`FullAWSAccess` and
    /// `RCPFullAWSAccess` attached).
    pub fn add_unit(&mut self, name: &str, parent: &str) -> String {
        let root_part = self.root.strip_prefix("r-").unwrap_or("").to_string();
        let id = format!("ou-{root_part}-{}", self.word(8));
        self.units.insert(
            id.clone(),
            Unit {
                id: id.clone(),
                name: name.to_string(),
                parent: parent.to_string(),
            },
        );
        self.attach_defaults(&id);
        id
    }

    /// Adds a customer managed policy and returns its id.
    pub fn add_policy(
        &mut self,
        name: &str,
        description: &str,
        kind: OrgPolicyType,
        document: Document,
    ) -> String {
        let id = format!("p-{}", self.word(8));
        self.policies.insert(
            id.clone(),
            OrgPolicy {
                id: id.clone(),
                name: name.to_string(),
                description: description.to_string(),
                kind,
                document,
                aws_managed: false,
                targets: BTreeSet::new(),
            },
        );
        id
    }

    /// The ids from the root down to `target` (the root, its OUs, then itself), or `None`
    /// for an id that is not in the organization. Bounded by the number of OUs, so a loop
    /// in the tree cannot hang it.
    pub fn path_to(&self, target: &str) -> Option<Vec<String>> {
        let mut path = vec![target.to_string()];
        let mut at = if target == self.root {
            return Some(path);
        } else if let Some(m) = self.members.get(target) {
            m.parent.clone()
        } else {
            self.units.get(target)?.parent.clone()
        };
        for _ in 0..=self.units.len() {
            path.push(at.clone());
            if at == self.root {
                path.reverse();
                return Some(path);
            }
            at = self.units.get(&at)?.parent.clone();
        }
        None
    }

    /// The policies of `kind` attached to `target`.
    fn attached(&self, target: &str, kind: OrgPolicyType) -> Vec<SourcedPolicy> {
        self.policies
            .values()
            .filter(|p| p.kind == kind && p.targets.contains(target))
            .map(|p| SourcedPolicy::new(p.document.policy.clone(), p.name.clone(), kind.source()))
            .collect()
    }

    /// What `account`'s authorization needs, if it is a member.
    pub fn view(&self, account: &str) -> Option<OrgView> {
        let path = self.path_to(account)?;
        // The path of the account's parent, as `aws:PrincipalOrgPaths` gives it.
        let mut org_path = format!("{}/", self.id);
        for t in path.iter().take(path.len().saturating_sub(1)) {
            org_path.push_str(t);
            org_path.push('/');
        }
        Some(OrgView {
            org_id: self.id.clone(),
            path: org_path,
            management: self.management.clone(),
            scp_levels: path
                .iter()
                .map(|t| self.attached(t, OrgPolicyType::Scp))
                .collect(),
            rcp_levels: path
                .iter()
                .map(|t| self.attached(t, OrgPolicyType::Rcp))
                .collect(),
        })
    }

    /// The organization's ARN.
    pub fn arn(&self) -> String {
        format!(
            "arn:aws:organizations::{}:organization/{}",
            self.management, self.id
        )
    }

    /// The ARN of a root, OU or account of the organization.
    pub fn target_arn(&self, target: &str) -> String {
        let (kind, id) = if target == self.root {
            ("root", target)
        } else if self.units.contains_key(target) {
            ("ou", target)
        } else {
            ("account", target)
        };
        format!(
            "arn:aws:organizations::{}:{kind}/{}/{id}",
            self.management, self.id
        )
    }

    /// A policy's ARN (AWS managed policies live under the `aws` account).
    pub fn policy_arn(&self, p: &OrgPolicy) -> String {
        if p.aws_managed {
            format!(
                "arn:aws:organizations::aws:policy/{}/{}",
                p.kind.arn_word(),
                p.id
            )
        } else {
            format!(
                "arn:aws:organizations::{}:policy/{}/{}/{}",
                self.management,
                self.id,
                p.kind.arn_word(),
                p.id
            )
        }
    }

    fn summary(&self, p: &OrgPolicy) -> Value {
        obj([
            ("Id", json!(p.id)),
            ("Arn", json!(self.policy_arn(p))),
            ("Name", json!(p.name)),
            ("Description", json!(p.description)),
            ("Type", json!(p.kind.as_str())),
            ("AwsManaged", json!(p.aws_managed)),
        ])
    }

    fn policy_types() -> Value {
        json!([
            {"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"},
            {"Type": "RESOURCE_CONTROL_POLICY", "Status": "ENABLED"},
        ])
    }

    fn target_kind(&self, target: &str) -> Option<&'static str> {
        if target == self.root {
            Some("ROOT")
        } else if self.units.contains_key(target) {
            Some("ORGANIZATIONAL_UNIT")
        } else if self.members.contains_key(target) {
            Some("ACCOUNT")
        } else {
            None
        }
    }

    fn target_name(&self, target: &str) -> String {
        if target == self.root {
            "Root".into()
        } else if let Some(u) = self.units.get(target) {
            u.name.clone()
        } else {
            self.members
                .get(target)
                .map(|m| m.name.clone())
                .unwrap_or_default()
        }
    }
}

/// Checks an RCP's statements against the rules of RCP syntax: only `Deny`, no `NotAction`,
/// and `Principal` `"*"` (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html>).
/// `Err` names the first statement (0-based) that breaks one.
pub fn check_rcp(d: &Document) -> Result<(), usize> {
    for (i, st) in d.policy.statements.iter().enumerate() {
        let ok = st.effect == crate::policy::Effect::Deny
            && !st.action.negated
            && st
                .principal
                .as_ref()
                .is_some_and(|p| p.everyone && !p.negated);
        if !ok {
            return Err(i);
        }
    }
    Ok(())
}

/// Parses an SCP or RCP document as Organizations reads it.
pub fn parse_document(text: &str, kind: OrgPolicyType) -> Result<Document, String> {
    let ty = match kind {
        OrgPolicyType::Scp => PolicyType::Scp,
        // An RCP reads like a resource-based policy (`Principal` is required).
        OrgPolicyType::Rcp => PolicyType::Resource,
    };
    let d = Document::parse(text, ty).map_err(|e| e.to_string())?;
    if kind == OrgPolicyType::Rcp && check_rcp(&d).is_err() {
        return Err(
            "an RCP statement must Deny, name Action (not NotAction) and Principal \"*\"".into(),
        );
    }
    Ok(d)
}

/// The Organizations commands.
pub const COMMANDS: &[Spec] = &[
    spec(
        "describe-organization",
        "DescribeOrganization",
        describe_organization,
    ),
    spec("list-accounts", "ListAccounts", list_accounts),
    spec("list-roots", "ListRoots", list_roots),
    spec(
        "list-organizational-units-for-parent",
        "ListOrganizationalUnitsForParent",
        list_units_for_parent,
    ),
    spec("list-policies", "ListPolicies", list_policies),
    spec("describe-policy", "DescribePolicy", describe_policy),
    spec("create-policy", "CreatePolicy", create_policy),
    spec("attach-policy", "AttachPolicy", attach_policy),
    spec("detach-policy", "DetachPolicy", detach_policy),
    spec(
        "list-policies-for-target",
        "ListPoliciesForTarget",
        list_policies_for_target,
    ),
    spec(
        "list-targets-for-policy",
        "ListTargetsForPolicy",
        list_targets_for_policy,
    ),
];

const fn spec(name: &'static str, operation: &'static str, run: super::command::Handler) -> Spec {
    Spec {
        service: "organizations",
        name,
        operation,
        params: &[],
        run,
    }
}

/// Organizations' answer to a caller whose policies do not allow the action, or whose
/// account may not make the call
/// (<https://docs.aws.amazon.com/organizations/latest/APIReference/CommonErrors.html>).
const DENIED: &str = "You don't have permissions to access this resource.";

/// The caller's organization, after the checks every Organizations call makes: the caller's
/// account is in an organization (else `AWSOrganizationsNotInUseException`), its policies
/// allow `action` (else `AccessDeniedException`), and, unless `members_too`, it is the
/// management account (else `AccessDeniedException`: only the management account, or a
/// delegated administrator, which the sandbox does not have, may make it).
fn org_for<'c>(
    c: &'c mut Call,
    action: &str,
    resource: &str,
    members_too: bool,
) -> Result<&'c mut Organization, AwsError> {
    let id = c.account.id.clone();
    let member = c
        .organization
        .as_ref()
        .is_some_and(|o| o.members.contains_key(&id));
    if !member {
        return Err(c.err(
            "AWSOrganizationsNotInUseException",
            "Your account is not a member of an organization.",
        ));
    }
    if let Err(mut e) = c.allow(action, resource, &[]) {
        e.code = "AccessDeniedException".into();
        e.message = DENIED.into();
        return Err(e);
    }
    let management = c.organization.as_ref().is_some_and(|o| o.management == id);
    if !members_too && !management {
        return Err(c.err("AccessDeniedException", DENIED));
    }
    c.organization
        .as_mut()
        .ok_or_else(|| AwsError::new("", "AWSOrganizationsNotInUseException", ""))
}

fn policy_of<'o>(c: &Call, o: &'o Organization, id: &str) -> Result<&'o OrgPolicy, AwsError> {
    o.policies.get(id).ok_or_else(|| {
        c.err(
            "PolicyNotFoundException",
            "We can't find a policy with the PolicyId that you specified.",
        )
    })
}

fn filter_of(c: &Call, a: &Args) -> Result<OrgPolicyType, AwsError> {
    let f = a.s("filter");
    OrgPolicyType::parse(f).ok_or_else(|| {
        // The other policy types (tag, backup, AI opt-out, …) are not simulated; AWS has
        // them, so naming one is no mistake of the learner's.
        c.err(
            "PolicyTypeNotEnabledException",
            "This operation can be performed only for enabled policy types.",
        )
    })
}

fn describe_organization(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    let o = org_for(c, "organizations:DescribeOrganization", "*", true)?;
    let email = o
        .members
        .get(&o.management)
        .map(|m| m.email.clone())
        .unwrap_or_default();
    Ok(json!({
        "Organization": obj([
            ("Id", json!(o.id)),
            ("Arn", json!(o.arn())),
            ("FeatureSet", json!("ALL")),
            ("MasterAccountArn", json!(o.target_arn(&o.management))),
            ("MasterAccountId", json!(o.management)),
            ("MasterAccountEmail", json!(email)),
            ("AvailablePolicyTypes", json!([{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}])),
        ])
    }))
}

fn list_accounts(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    let o = org_for(c, "organizations:ListAccounts", "*", false)?;
    let accounts: Vec<Value> = o
        .members
        .values()
        .map(|m| {
            obj([
                ("Id", json!(m.id)),
                ("Arn", json!(o.target_arn(&m.id))),
                ("Email", json!(m.email)),
                ("Name", json!(m.name)),
                ("Status", json!("ACTIVE")),
                ("State", json!("ACTIVE")),
                (
                    "JoinedMethod",
                    json!(if m.id == o.management {
                        "CREATED"
                    } else {
                        "INVITED"
                    }),
                ),
                ("JoinedTimestamp", time(m.joined)),
            ])
        })
        .collect();
    Ok(json!({ "Accounts": accounts }))
}

fn list_roots(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    let o = org_for(c, "organizations:ListRoots", "*", false)?;
    Ok(json!({
        "Roots": [obj([
            ("Id", json!(o.root)),
            ("Arn", json!(o.target_arn(&o.root))),
            ("Name", json!("Root")),
            ("PolicyTypes", Organization::policy_types()),
        ])]
    }))
}

fn parent_exists(c: &Call, o: &Organization, id: &str) -> Result<(), AwsError> {
    if id == o.root || o.units.contains_key(id) {
        Ok(())
    } else {
        Err(c.err(
            "ParentNotFoundException",
            "We can't find a root or OU with the ParentId that you specified.",
        ))
    }
}

fn list_units_for_parent(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let parent = a.s("parent-id").to_string();
    let o = org_for(
        c,
        "organizations:ListOrganizationalUnitsForParent",
        "*",
        false,
    )?;
    let o = o.clone();
    parent_exists(c, &o, &parent)?;
    let units: Vec<Value> = o
        .units
        .values()
        .filter(|u| u.parent == parent)
        .map(|u| {
            obj([
                ("Id", json!(u.id)),
                ("Arn", json!(o.target_arn(&u.id))),
                ("Name", json!(u.name)),
            ])
        })
        .collect();
    Ok(json!({ "OrganizationalUnits": units }))
}

fn list_policies(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let kind = filter_of(c, a)?;
    let o = org_for(c, "organizations:ListPolicies", "*", false)?;
    let list: Vec<Value> = o
        .policies
        .values()
        .filter(|p| p.kind == kind)
        .map(|p| o.summary(p))
        .collect();
    Ok(json!({ "Policies": list }))
}

fn describe_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("policy-id").to_string();
    let o = org_for(c, "organizations:DescribePolicy", "*", false)?.clone();
    let p = policy_of(c, &o, &id)?;
    Ok(json!({
        "Policy": {
            "PolicySummary": o.summary(p),
            "Content": p.document.text.as_str(),
        }
    }))
}

fn create_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let Some(kind) = OrgPolicyType::parse(a.s("type")) else {
        return Err(c.err(
            "PolicyTypeNotEnabledException",
            "This operation can be performed only for enabled policy types.",
        ));
    };
    let name = a.s("name").to_string();
    let description = a.s("description").to_string();
    let content = a.s("content").to_string();
    let o = org_for(c, "organizations:CreatePolicy", "*", false)?;
    if o.policies.len() >= MAX_POLICIES {
        return Err(AwsError::new(
            "CreatePolicy",
            "ConstraintViolationException",
            "You have exceeded the allowed number of policies of the specified type.",
        ));
    }
    if o.policies
        .values()
        .any(|p| p.name == name && p.kind == kind)
    {
        return Err(AwsError::new(
            "CreatePolicy",
            "DuplicatePolicyException",
            "A policy with the same name already exists.",
        ));
    }
    let document = parse_document(&content, kind).map_err(|_| {
        AwsError::new(
            "CreatePolicy",
            "MalformedPolicyDocumentException",
            "The provided policy document doesn't meet the requirements of the specified policy type.",
        )
    })?;
    let id = o.add_policy(&name, &description, kind, document);
    let p = o
        .policies
        .get(&id)
        .map(|p| o.summary(p))
        .unwrap_or(Value::Null);
    Ok(json!({ "Policy": { "PolicySummary": p, "Content": content } }))
}

fn target_exists(c: &Call, o: &Organization, target: &str) -> Result<(), AwsError> {
    match o.target_kind(target) {
        Some(_) => Ok(()),
        None => Err(c.err(
            "TargetNotFoundException",
            "We can't find a root, OU, account, or email that matches the target you specified.",
        )),
    }
}

fn attach_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (id, target) = (a.s("policy-id").to_string(), a.s("target-id").to_string());
    let o = org_for(c, "organizations:AttachPolicy", "*", false)?.clone();
    policy_of(c, &o, &id)?;
    target_exists(c, &o, &target)?;
    let o = org_for(c, "organizations:AttachPolicy", "*", false)?;
    let Some(p) = o.policies.get_mut(&id) else {
        return Ok(Value::Null);
    };
    if !p.targets.insert(target) {
        return Err(AwsError::new(
            "AttachPolicy",
            "DuplicatePolicyAttachmentException",
            "The selected policy is already attached to the specified target.",
        ));
    }
    Ok(Value::Null)
}

fn detach_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (id, target) = (a.s("policy-id").to_string(), a.s("target-id").to_string());
    let o = org_for(c, "organizations:DetachPolicy", "*", false)?.clone();
    let p = policy_of(c, &o, &id)?;
    target_exists(c, &o, &target)?;
    if !p.targets.contains(&target) {
        return Err(c.err(
            "PolicyNotAttachedException",
            "The policy isn't attached to the specified target in the specified root.",
        ));
    }
    // RCPFullAWSAccess cannot be detached; every target keeps at least one SCP
    // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DetachPolicy.html).
    let last_scp = p.kind == OrgPolicyType::Scp
        && o.policies
            .values()
            .filter(|q| q.kind == OrgPolicyType::Scp && q.targets.contains(&target))
            .count()
            == 1;
    if p.id == RCP_FULL_AWS_ACCESS_ID || last_scp {
        return Err(c.err(
            "ConstraintViolationException",
            "You cannot remove the last policy attached to the specified target. You must have at least one attached.",
        ));
    }
    let o = org_for(c, "organizations:DetachPolicy", "*", false)?;
    if let Some(p) = o.policies.get_mut(&id) {
        p.targets.remove(&target);
    }
    Ok(Value::Null)
}

fn list_policies_for_target(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let kind = filter_of(c, a)?;
    let target = a.s("target-id").to_string();
    let o = org_for(c, "organizations:ListPoliciesForTarget", "*", false)?.clone();
    target_exists(c, &o, &target)?;
    let list: Vec<Value> = o
        .policies
        .values()
        .filter(|p| p.kind == kind && p.targets.contains(&target))
        .map(|p| o.summary(p))
        .collect();
    Ok(json!({ "Policies": list }))
}

fn list_targets_for_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("policy-id").to_string();
    let o = org_for(c, "organizations:ListTargetsForPolicy", "*", false)?.clone();
    let p = policy_of(c, &o, &id)?;
    let list: Vec<Value> = p
        .targets
        .iter()
        .map(|t| {
            obj([
                ("TargetId", json!(t)),
                ("Arn", json!(o.target_arn(t))),
                ("Name", json!(o.target_name(t))),
                ("Type", json!(o.target_kind(t).unwrap_or("ACCOUNT"))),
            ])
        })
        .collect();
    Ok(json!({ "Targets": list }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org() -> Organization {
        let mut o = Organization::new(
            "111111111111",
            "m@example.com",
            "Management",
            1,
            Timestamp::UNIX_EPOCH,
        );
        let prod = o.add_unit("Prod", &o.root.clone());
        let inner = o.add_unit("Inner", &prod);
        o.join(
            "222222222222",
            "Member",
            "x@example.com",
            &inner,
            Timestamp::UNIX_EPOCH,
        );
        o
    }

    #[test]
    fn a_member_has_one_level_per_step_from_the_root() {
        let o = org();
        let v = o.view("222222222222").unwrap_or_default();
        assert_eq!(v.scp_levels.len(), 4);
        assert!(v.scp_levels.iter().all(|l| l.len() == 1));
        assert_eq!(v.rcp_levels.len(), 4);
        assert!(o.view("333333333333").is_none());
        let mgmt = o.view("111111111111").unwrap_or_default();
        assert_eq!(mgmt.scp_levels.len(), 2);
    }

    #[test]
    fn a_loop_in_the_tree_ends() {
        let mut o = org();
        let ids: Vec<String> = o.units.keys().cloned().collect();
        for (i, id) in ids.iter().enumerate() {
            let other = ids.get((i + 1) % ids.len()).cloned().unwrap_or_default();
            if let Some(u) = o.units.get_mut(id) {
                u.parent = other;
            }
        }
        assert!(o.path_to("222222222222").is_none());
    }

    #[test]
    fn rcps_must_deny_everyone() {
        let allow = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
        assert!(parse_document(allow, OrgPolicyType::Rcp).is_err());
        let deny = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
        assert!(parse_document(deny, OrgPolicyType::Rcp).is_ok());
    }
}
