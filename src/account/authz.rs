//! Who is calling, and may they? Credentials → caller identity → the policies that apply
//! and the request context AWS would build → a decision from [`crate::eval`], with AWS's
//! modern denial message naming the policy type that withheld access.

use jiff::Timestamp;

use super::Account;
use super::error::AwsError;
use super::model::{Document, KeyStatus, SessionKind};
use crate::eval::{
    Context, ContextType, ContextValue, Decision, Outcome, PolicyKind, PolicySet, Principal,
    PrincipalType, Request, SourceType, SourcedPolicy, evaluate,
};

/// What a caller acts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// The root user.
    Root,
    /// An IAM user.
    User(String),
    /// A role session.
    Role {
        /// Role name.
        role: String,
        /// Session name.
        session: String,
    },
}

/// The caller of one request, with the facts the request context needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// Who.
    pub identity: Identity,
    /// The access key used (none for the console root of the sandbox).
    pub access_key_id: Option<String>,
    /// Temporary credentials' access key, for session policies and token age.
    pub session_key: Option<String>,
    /// MFA was used (`None`: long-term credentials, where AWS leaves the key absent).
    pub mfa: Option<bool>,
    /// When temporary credentials were issued.
    pub token_issued: Option<Timestamp>,
    /// The caller's IP address.
    pub source_ip: String,
    /// The region of the request.
    pub region: String,
}

/// The IP address a [`Caller::probe`] calls from (a documentation address).
pub const PROBE_IP: &str = "203.0.113.10";

impl Caller {
    /// A caller for asking what an identity may do, rather than for acting: no access key or
    /// session, a documentation IP address (203.0.113.10), us-east-1, and `mfa` as given.
    pub fn probe(identity: Identity, mfa: Option<bool>) -> Caller {
        Caller {
            identity,
            access_key_id: None,
            session_key: None,
            mfa,
            token_issued: None,
            source_ip: PROBE_IP.into(),
            region: "us-east-1".into(),
        }
    }
}

/// Adds service-specific condition keys (strings, several values making a list) to a request
/// context.
pub fn add_extra(ctx: &mut Context, extra: &[(&str, Vec<String>)]) {
    for (k, v) in extra {
        ctx.insert(
            k,
            ContextValue {
                values: v.clone(),
                multi: v.len() != 1,
                ty: ContextType::String,
            },
        );
    }
}

impl Account {
    /// The secret that goes with an access key id (a user's or the root user's long-term key,
    /// or a session's temporary one), if the key exists.
    pub fn secret_of(&self, key: &str) -> Option<&str> {
        if let Some(k) = self.root.access_keys.iter().find(|k| k.id == key) {
            return Some(&k.secret);
        }
        if let Some(k) = self
            .key_owner(key)
            .and_then(|u| u.access_keys.iter().find(|k| k.id == key))
        {
            return Some(&k.secret);
        }
        self.sessions.get(key).map(|s| s.secret.as_str())
    }

    /// The session token that goes with `key`: temporary credentials' own, none for a
    /// long-term key.
    pub fn session_token_of(&self, key: &str) -> Option<&str> {
        self.sessions.get(key).map(|s| s.token.as_str())
    }

    /// Finds who signed a request with the key pair `key` / `secret`, as AWS does: an unknown
    /// or inactive key is `InvalidClientTokenId`, a known key with another secret fails the
    /// signature check (`SignatureDoesNotMatch`, as IAM and STS answer it).
    pub fn caller_for_key_pair(
        &self,
        operation: &str,
        key: &str,
        secret: &str,
        token: Option<&str>,
        source_ip: &str,
        region: &str,
    ) -> Result<Caller, AwsError> {
        let caller = self.caller_for_key(operation, key, source_ip, region)?;
        // Temporary credentials are used with their session token, and long-term keys
        // without one: a missing, wrong or left-over token is an invalid security token
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html).
        if self.session_token_of(key) != token {
            return Err(AwsError::new(
                operation,
                "InvalidClientTokenId",
                "The security token included in the request is invalid.",
            ));
        }
        if self.secret_of(key) != Some(secret) {
            return Err(AwsError::new(
                operation,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            ));
        }
        Ok(caller)
    }

    /// Finds who owns an access key, as AWS does when a request is signed with it.
    pub fn caller_for_key(
        &self,
        operation: &str,
        key: &str,
        source_ip: &str,
        region: &str,
    ) -> Result<Caller, AwsError> {
        let invalid = || {
            AwsError::new(
                operation,
                "InvalidClientTokenId",
                "The security token included in the request is invalid.",
            )
        };
        let base = |identity| Caller {
            identity,
            access_key_id: Some(key.to_string()),
            session_key: None,
            mfa: None,
            token_issued: None,
            source_ip: source_ip.to_string(),
            region: region.to_string(),
        };
        if let Some(k) = self.root.access_keys.iter().find(|k| k.id == key) {
            return if k.status == KeyStatus::Active {
                Ok(base(Identity::Root))
            } else {
                Err(invalid())
            };
        }
        if let Some(u) = self.key_owner(key)
            && let Some(k) = u.access_keys.iter().find(|k| k.id == key)
        {
            return if k.status == KeyStatus::Active {
                Ok(base(Identity::User(u.name.clone())))
            } else {
                Err(invalid())
            };
        }
        let s = self.sessions.get(key).ok_or_else(invalid)?;
        if s.expires <= self.now {
            return Err(AwsError::new(
                operation,
                "ExpiredToken",
                "The security token included in the request is expired",
            ));
        }
        let identity = match &s.kind {
            SessionKind::Role { role, session_name } => Identity::Role {
                role: role.clone(),
                session: session_name.clone(),
            },
            SessionKind::User { user } => Identity::User(user.clone()),
            SessionKind::Root => Identity::Root,
        };
        Ok(Caller {
            session_key: Some(key.to_string()),
            mfa: Some(s.mfa),
            token_issued: Some(s.issued),
            ..base(identity)
        })
    }

    /// Records that a long-term access key was just used (what `get-access-key-last-used` and
    /// the credential report show).
    pub fn note_key_use(&mut self, c: &Caller, service: &str) {
        let Some(key) = c.access_key_id.as_deref() else {
            return;
        };
        let used = super::model::LastUsed {
            date: self.now,
            region: c.region.clone(),
            service: if service == "s3api" {
                "s3".into()
            } else {
                service.to_string()
            },
        };
        let owner = self.key_owner(key).map(|u| u.name.clone());
        let keys = self.root.access_keys.iter_mut().chain(
            owner
                .and_then(|n| self.users.get_mut(&n))
                .into_iter()
                .flat_map(|u| u.access_keys.iter_mut()),
        );
        for k in keys {
            if k.id == key {
                k.last_used = Some(used);
                return;
            }
        }
    }

    /// The caller's ARN.
    pub fn caller_arn(&self, c: &Caller) -> String {
        match &c.identity {
            Identity::Root => format!("arn:aws:iam::{}:root", self.id),
            Identity::User(n) => self
                .users
                .get(n)
                .map(|u| u.arn.clone())
                .unwrap_or_else(|| self.iam_arn("user", "/", n)),
            Identity::Role { role, session } => {
                format!("arn:aws:sts::{}:assumed-role/{role}/{session}", self.id)
            }
        }
    }

    /// The caller's unique id as `aws:userid` shows it.
    pub fn caller_userid(&self, c: &Caller) -> String {
        match &c.identity {
            Identity::Root => self.id.clone(),
            Identity::User(n) => self.users.get(n).map(|u| u.id.clone()).unwrap_or_default(),
            Identity::Role { role, session } => format!(
                "{}:{session}",
                self.roles.get(role).map(|r| r.id.as_str()).unwrap_or("")
            ),
        }
    }

    fn push_managed(&self, out: &mut Vec<SourcedPolicy>, arns: &[String]) {
        for arn in arns {
            if let Some(p) = self.policies.get(arn)
                && let Some(d) = p.default_document()
            {
                let src = if p.aws_managed {
                    SourceType::AwsManaged
                } else {
                    SourceType::UserManaged
                };
                out.push(SourcedPolicy::new(d.policy.clone(), p.name.clone(), src));
            }
        }
    }

    fn push_inline<'a>(
        out: &mut Vec<SourcedPolicy>,
        docs: impl Iterator<Item = (&'a String, &'a Document)>,
        src: SourceType,
    ) {
        for (name, d) in docs {
            out.push(SourcedPolicy::new(d.policy.clone(), name.clone(), src));
        }
    }

    /// The identity-based policies, boundary and session policy that apply to a caller.
    pub fn policy_set(&self, c: &Caller) -> PolicySet {
        let mut set = PolicySet::default();
        match &c.identity {
            Identity::Root => {}
            Identity::User(n) => {
                if let Some(u) = self.users.get(n) {
                    Self::push_inline(&mut set.identity, u.inline.iter(), SourceType::User);
                    self.push_managed(&mut set.identity, &u.attached);
                    for g in &u.groups {
                        if let Some(g) = self.groups.get(g) {
                            Self::push_inline(
                                &mut set.identity,
                                g.inline.iter(),
                                SourceType::Group,
                            );
                            self.push_managed(&mut set.identity, &g.attached);
                        }
                    }
                    if let Some(b) = &u.boundary {
                        self.push_boundary(&mut set, b);
                    }
                }
            }
            Identity::Role { role, .. } => {
                if let Some(r) = self.roles.get(role) {
                    Self::push_inline(&mut set.identity, r.inline.iter(), SourceType::Role);
                    self.push_managed(&mut set.identity, &r.attached);
                    if let Some(b) = &r.boundary {
                        self.push_boundary(&mut set, b);
                    }
                }
            }
        }
        if let Some(s) = c.session_key.as_ref().and_then(|k| self.sessions.get(k))
            && let Some(sp) = &s.session_policy
        {
            set.session.push(SourcedPolicy::new(
                sp.policy.clone(),
                "SessionPolicy",
                SourceType::Session,
            ));
        }
        set
    }

    fn push_boundary(&self, set: &mut PolicySet, arn: &str) {
        if let Some(p) = self.policies.get(arn)
            && let Some(d) = p.default_document()
        {
            set.boundary.push(SourcedPolicy::new(
                d.policy.clone(),
                p.name.clone(),
                SourceType::Boundary,
            ));
        }
    }

    /// The request context AWS would build for this caller (service keys come in `extra`).
    pub fn request_context(&self, c: &Caller, extra: &[(&str, Vec<String>)]) -> Context {
        let mut ctx = Context::new();
        let arn = self.caller_arn(c);
        ctx.set(
            "aws:PrincipalArn",
            match &c.identity {
                Identity::Role { role, .. } => self
                    .roles
                    .get(role)
                    .map(|r| r.arn.clone())
                    .unwrap_or_else(|| arn.clone()),
                _ => arn.clone(),
            },
        );
        ctx.set("aws:PrincipalAccount", self.id.clone());
        ctx.set("aws:userid", self.caller_userid(c));
        let (ptype, tags) = match &c.identity {
            Identity::Root => ("Account", Vec::new()),
            Identity::User(n) => {
                ctx.set("aws:username", n.clone());
                (
                    "User",
                    self.users
                        .get(n)
                        .map(|u| u.tags.clone())
                        .unwrap_or_default(),
                )
            }
            Identity::Role { role, .. } => (
                "AssumedRole",
                self.roles
                    .get(role)
                    .map(|r| r.tags.clone())
                    .unwrap_or_default(),
            ),
        };
        ctx.set("aws:PrincipalType", ptype);
        for t in tags {
            ctx.set(&format!("aws:PrincipalTag/{}", t.key), t.value);
        }
        if let Some(mfa) = c.mfa {
            ctx.insert(
                "aws:MultiFactorAuthPresent",
                ContextValue {
                    values: vec![mfa.to_string()],
                    multi: false,
                    ty: ContextType::Boolean,
                },
            );
            if mfa && let Some(issued) = c.token_issued {
                let age = self.now.as_second() - issued.as_second();
                ctx.insert(
                    "aws:MultiFactorAuthAge",
                    ContextValue {
                        values: vec![age.to_string()],
                        multi: false,
                        ty: ContextType::Numeric,
                    },
                );
            }
        }
        if let Some(issued) = c.token_issued {
            ctx.insert(
                "aws:TokenIssueTime",
                ContextValue {
                    values: vec![issued.to_string()],
                    multi: false,
                    ty: ContextType::Date,
                },
            );
        }
        ctx.insert(
            "aws:SourceIp",
            ContextValue {
                values: vec![c.source_ip.clone()],
                multi: false,
                ty: ContextType::Ip,
            },
        );
        ctx.insert(
            "aws:CurrentTime",
            ContextValue {
                values: vec![self.now.to_string()],
                multi: false,
                ty: ContextType::Date,
            },
        );
        ctx.insert(
            "aws:EpochTime",
            ContextValue {
                values: vec![self.now.as_second().to_string()],
                multi: false,
                ty: ContextType::Numeric,
            },
        );
        ctx.insert(
            "aws:SecureTransport",
            ContextValue {
                values: vec!["true".into()],
                multi: false,
                ty: ContextType::Boolean,
            },
        );
        ctx.set("aws:RequestedRegion", c.region.clone());
        // Present in every signed request: `true` only for an AWS service principal, which a
        // sandbox caller never is
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice).
        ctx.insert(
            "aws:PrincipalIsAWSService",
            ContextValue {
                values: vec!["false".into()],
                multi: false,
                ty: ContextType::Boolean,
            },
        );
        // A session federated through an OIDC provider names it
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-federatedprovider).
        if let Some(p) = c
            .session_key
            .as_ref()
            .and_then(|k| self.sessions.get(k))
            .and_then(|s| s.federated.as_ref())
        {
            ctx.set("aws:FederatedProvider", p.clone());
        }
        if let Some(v) = &self.org {
            ctx.set("aws:PrincipalOrgID", v.org_id.clone());
            ctx.set("aws:PrincipalOrgPaths", v.path.clone());
        }
        if let Some(si) = c
            .session_key
            .as_ref()
            .and_then(|k| self.sessions.get(k))
            .and_then(|s| s.source_identity.clone())
        {
            ctx.set("aws:SourceIdentity", si);
        }
        add_extra(&mut ctx, extra);
        ctx
    }

    /// The principal for the evaluator.
    pub fn principal(&self, c: &Caller) -> Principal {
        let arn = self.caller_arn(c);
        let kind = match c.identity {
            Identity::Root => PrincipalType::Root,
            Identity::User(_) => PrincipalType::User,
            Identity::Role { .. } => PrincipalType::AssumedRole,
        };
        let role_arn = match &c.identity {
            Identity::Role { role, .. } => self.roles.get(role).map(|r| r.arn.clone()),
            _ => None,
        };
        Principal {
            arn,
            account: self.id.clone(),
            kind,
            role_arn,
        }
    }

    /// Whether the AWS service `service` (`ec2.amazonaws.com`) may assume the role `role`:
    /// its trust policy decides alone, since a service principal has no identity-based
    /// policies (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html>).
    pub fn service_may_assume(&self, role: &str, service: &str) -> bool {
        let Some(r) = self.roles.get(role) else {
            return false;
        };
        let Ok(p) = Principal::from_arn(service) else {
            return false;
        };
        let mut ctx = crate::eval::Context::new();
        ctx.set("aws:PrincipalServiceName", service.to_string());
        let req = Request::new(p, "sts:AssumeRole", &r.arn, ctx)
            .with_resource_account(Some(self.id.clone()));
        let set = PolicySet {
            resource: Some(SourcedPolicy::new(
                r.trust.policy.clone(),
                "TrustPolicy",
                SourceType::Resource,
            )),
            ..PolicySet::default()
        };
        let d = evaluate(&req, &set);
        d.is_allowed() && d.allowed_by_resource == Some(true)
    }

    /// Decides one call. `resource_policy` is the resource's own policy, if it has one.
    pub fn decide(
        &self,
        c: &Caller,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> (Request, PolicySet, Decision) {
        self.decide_on(self, c, action, resource, extra, resource_policy)
    }

    /// Decides one call of this account's caller on a resource that `owner` holds (this
    /// account, or another one: then both sides must allow it). The SCPs are the caller's
    /// account's, the RCPs the owner's, as AWS applies them
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html>).
    pub fn decide_on(
        &self,
        owner: &Account,
        c: &Caller,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> (Request, PolicySet, Decision) {
        let (req, set) = self.request_on(owner, c, action, resource, extra, resource_policy);
        let d = evaluate(&req, &set);
        (req, set, d)
    }

    /// The request and the policies [`Account::decide_on`] decides it with.
    pub fn request_on(
        &self,
        owner: &Account,
        c: &Caller,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> (Request, PolicySet) {
        let mut ctx = self.request_context(c, extra);
        if let Some(v) = &owner.org {
            ctx.set("aws:ResourceOrgID", v.org_id.clone());
        }
        owner.add_resource_tags(&mut ctx, resource);
        let req = Request::new(self.principal(c), action, resource, ctx)
            .with_resource_account(Some(owner.id.clone()));
        let mut set = self.policy_set(c);
        if let Some(v) = &self.org {
            set.scp_levels = v.scp_levels.clone();
            set.management_accounts.push(v.management.clone());
        }
        if let Some(v) = &owner.org {
            set.rcp_levels = v.rcp_levels.clone();
            if !set.management_accounts.contains(&v.management) {
                set.management_accounts.push(v.management.clone());
            }
            if owner.id != self.id {
                set.owner_scp_levels = v.scp_levels.clone();
            }
        }
        set.resource = resource_policy
            .map(|d| SourcedPolicy::new(d.policy.clone(), "ResourcePolicy", SourceType::Resource));
        (req, set)
    }

    /// [`Account::policy_set`] with the organization's SCPs and RCPs of this account, for a
    /// request on the account's own resources.
    pub fn policy_set_in_org(&self, c: &Caller) -> PolicySet {
        let mut set = self.policy_set(c);
        if let Some(v) = &self.org {
            set.scp_levels = v.scp_levels.clone();
            set.rcp_levels = v.rcp_levels.clone();
            set.management_accounts.push(v.management.clone());
        }
        set
    }

    /// `aws:ResourceTag/KEY` for each tag of the IAM user or role `resource` names, as IAM
    /// fills it for requests on users and roles
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html>); a key the
    /// caller's `extra` already set is left as it is.
    pub fn add_resource_tags(&self, ctx: &mut Context, resource: &str) {
        let prefix = format!("arn:aws:iam::{}:", self.id);
        let Some(rest) = resource.strip_prefix(&prefix) else {
            return;
        };
        let name = rest.rsplit('/').next().unwrap_or(rest);
        let tags = if rest.starts_with("user/") {
            self.users
                .get(name)
                .filter(|u| u.arn == resource)
                .map(|u| u.tags.as_slice())
        } else if rest.starts_with("role/") {
            self.roles
                .get(name)
                .filter(|r| r.arn == resource)
                .map(|r| r.tags.as_slice())
        } else {
            None
        };
        for t in tags.unwrap_or_default() {
            let key = format!("aws:ResourceTag/{}", t.key);
            if ctx.get(&key).is_none() {
                ctx.set(&key, t.value.clone());
            }
        }
    }

    /// Authorizes one call: `Ok` when allowed, else AWS's `AccessDenied` with the modern
    /// message that names the policy type that withheld access.
    pub fn authorize(
        &self,
        c: &Caller,
        operation: &str,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> Result<Decision, AwsError> {
        self.authorize_on(self, c, operation, action, resource, extra, resource_policy)
    }

    /// [`Account::authorize`] for a resource that `owner` holds ([`Account::decide_on`]).
    #[expect(
        clippy::too_many_arguments,
        reason = "the arguments of `authorize` and the resource's owner"
    )]
    pub fn authorize_on(
        &self,
        owner: &Account,
        c: &Caller,
        operation: &str,
        action: &str,
        resource: &str,
        extra: &[(&str, Vec<String>)],
        resource_policy: Option<&Document>,
    ) -> Result<Decision, AwsError> {
        let (req, set, d) = self.decide_on(owner, c, action, resource, extra, resource_policy);
        if d.is_allowed() {
            return Ok(d);
        }
        let caller = self.caller_arn(c);
        // An EC2 operation (or an EC2 action) is refused by EC2, also for the `iam:PassRole`
        // that `RunInstances` needs.
        let ec2 = action.starts_with("ec2:")
            || super::ec2::COMMANDS
                .iter()
                .any(|s| s.operation == operation);
        // EC2 answers `UnauthorizedOperation`, leaves out `on resource: *` for actions
        // without resource-level permissions and, for the operations that change
        // something, adds the encoded message `sts decode-authorization-message` reads.
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
        let mut e = if ec2 {
            let shown = if resource == "*" { "" } else { resource };
            let mut m = format!(
                "You are not authorized to perform this operation. {}",
                denial_message(&caller, action, shown, &d)
            );
            if !operation.starts_with("Describe") {
                m.push_str(". Encoded authorization failure message: ");
                m.push_str(&encode_authorization_message(
                    &self.caller_userid(c),
                    &caller,
                    &req,
                    &d,
                ));
            }
            AwsError::new(operation, "UnauthorizedOperation", m)
        } else {
            AwsError::new(
                operation,
                "AccessDenied",
                denial_message(&caller, action, resource, &d),
            )
        };
        e.denial = Some(Box::new(super::error::DecisionTrace::new(req, &set)));
        Err(e)
    }
}

/// What EC2's encoded authorization failure message says, as `sts decode-authorization-message`
/// returns it (`DecodedMessage`): whether the request was allowed, whether an explicit deny
/// decided it, the statements that decided, the principal, the action, the resource and the
/// request's condition keys. AWS encrypts it; the sandbox encodes it in base64url, so the
/// message carries its own content and needs no state to decode.
// The shape: https://docs.aws.amazon.com/cli/latest/reference/sts/decode-authorization-message.html
pub fn authorization_details(
    userid: &str,
    caller: &str,
    req: &Request,
    d: &Decision,
) -> serde_json::Value {
    use serde_json::json;
    let items = |v: Vec<serde_json::Value>| json!({ "items": v });
    let matched: Vec<serde_json::Value> = d
        .matched
        .iter()
        .map(|m| {
            json!({
                "statementId": m.sid.as_deref().unwrap_or(""),
                "effect": m.effect.to_uppercase(),
                "principals": items(vec![json!({"value": userid})]),
                "principalGroups": items(Vec::new()),
                "actions": items(vec![json!({"value": req.action})]),
                "resources": items(vec![json!({"value": req.resource})]),
                "conditions": items(Vec::new()),
            })
        })
        .collect();
    let conditions: Vec<serde_json::Value> = req
        .context
        .iter()
        .map(|(k, v)| {
            json!({
                "key": k,
                "values": items(v.values.iter().map(|x| json!({"value": x})).collect()),
            })
        })
        .collect();
    let action = req
        .action
        .split_once(':')
        .map_or(req.action.as_str(), |(_, n)| n);
    json!({
        "allowed": d.is_allowed(),
        "explicitDeny": d.outcome == Outcome::ExplicitDeny,
        "matchedStatements": items(matched),
        "failures": items(Vec::new()),
        "context": {
            "principal": {"id": userid, "arn": caller},
            "action": action,
            "resource": req.resource,
            "conditions": items(conditions),
        },
    })
}

/// The encoded form of [`authorization_details`].
fn encode_authorization_message(userid: &str, caller: &str, req: &Request, d: &Decision) -> String {
    use base64::Engine as _;
    let text = authorization_details(userid, caller, req, d).to_string();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes())
}

/// Reads an encoded authorization message back to its JSON text; `None` when it is not one
/// the sandbox made.
pub fn decode_authorization_message(encoded: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("context")?;
    Some(text)
}

/// AWS's modern AccessDenied message.
pub fn denial_message(caller: &str, action: &str, resource: &str, d: &Decision) -> String {
    // An empty resource is left out, as EC2 leaves out `*` for its Describe actions.
    let head = if resource.is_empty() {
        format!("User: {caller} is not authorized to perform: {action}")
    } else {
        format!("User: {caller} is not authorized to perform: {action} on resource: {resource}")
    };
    if d.outcome == Outcome::ExplicitDeny {
        let kind = d
            .matched
            .first()
            .map(|m| m.kind)
            .unwrap_or(PolicyKind::Identity);
        let article = match kind {
            PolicyKind::Identity => "an identity-based policy",
            PolicyKind::Resource => "a resource-based policy",
            PolicyKind::Boundary => "a permissions boundary",
            PolicyKind::Session => "a session policy",
            PolicyKind::Scp => "a service control policy",
            PolicyKind::Rcp => "a resource control policy",
        };
        return format!("{head} with an explicit deny in {article}");
    }
    match d.reason.withheld_by() {
        Some(kind) => format!("{head} because no {kind} allows the {action} action"),
        None => head,
    }
}
