//! What is asked: a principal, an action, a resource and the request context.

use std::fmt;

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::simulate::Simulate;
use crate::policy::ActionKey;
use crate::policy::sym::{self, Sym};

/// What kind of identity makes the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalType {
    /// The account's root user.
    Root,
    /// An IAM user.
    User,
    /// An IAM role itself (as named in a role ARN).
    Role,
    /// A role session (`arn:aws:sts::…:assumed-role/ROLE/SESSION`).
    AssumedRole,
    /// A federated user session (`arn:aws:sts::…:federated-user/NAME`).
    FederatedUser,
    /// An AWS service principal such as `ec2.amazonaws.com`.
    Service,
    /// A user signed in through an IAM identity provider, asking for a role
    /// (`AssumeRoleWithWebIdentity`, `AssumeRoleWithSAML`): named by the provider's ARN,
    /// `arn:aws:iam::ACCOUNT:oidc-provider/HOST` or `…:saml-provider/NAME`, as a trust
    /// policy's `Federated` principal names it. The token's claims come in the context.
    WebIdentity,
    /// An unauthenticated caller.
    Anonymous,
}

/// The identity that makes a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The principal's ARN (or service name).
    pub arn: String,
    /// Its account id (empty for services and anonymous callers).
    pub account: String,
    /// What kind of identity it is.
    pub kind: PrincipalType,
    /// For a role session: the role's ARN.
    pub role_arn: Option<String>,
}

/// A principal ARN that could not be read. `Display` gives the English message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalArnError(pub String);

impl PrincipalArnError {
    /// The message in `lang`: what was given and the forms a principal is written in.
    pub fn message(&self, lang: Lang) -> String {
        Simulate::NotPrincipalArn.fill(lang, &[("arn", &self.0)])
    }
}

impl fmt::Display for PrincipalArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PrincipalArnError {}

impl Principal {
    /// Reads a principal from its ARN (or a service principal name).
    pub fn from_arn(arn: &str) -> Result<Principal, PrincipalArnError> {
        let bad = || PrincipalArnError(arn.to_string());
        if arn.ends_with(".amazonaws.com") && !arn.starts_with("arn:") {
            return Ok(Principal {
                arn: arn.to_string(),
                account: String::new(),
                kind: PrincipalType::Service,
                role_arn: None,
            });
        }
        if arn == "anonymous" || arn == "*" {
            return Ok(Principal {
                arn: "*".into(),
                account: String::new(),
                kind: PrincipalType::Anonymous,
                role_arn: None,
            });
        }
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let [a, partition, service, _region, account, resource] = parts.as_slice() else {
            return Err(bad());
        };
        if *a != "arn" || account.is_empty() || partition.is_empty() {
            return Err(bad());
        }
        let (kind, role_arn) = match (*service, resource.split('/').next().unwrap_or("")) {
            ("iam", "root") if *resource == "root" => (PrincipalType::Root, None),
            ("iam", "user") => (PrincipalType::User, None),
            ("iam", "role") => (PrincipalType::Role, None),
            ("sts", "assumed-role") => {
                let mut it = resource.split('/');
                let role = it.nth(1).filter(|r| !r.is_empty()).ok_or_else(bad)?;
                let _session = it.next().filter(|s| !s.is_empty()).ok_or_else(bad)?;
                (
                    PrincipalType::AssumedRole,
                    Some(format!("arn:{partition}:iam::{account}:role/{role}")),
                )
            }
            ("sts", "federated-user") => (PrincipalType::FederatedUser, None),
            ("iam", "oidc-provider" | "saml-provider")
                if resource
                    .split_once('/')
                    .is_some_and(|(_, name)| !name.is_empty()) =>
            {
                (PrincipalType::WebIdentity, None)
            }
            _ => return Err(bad()),
        };
        Ok(Principal {
            arn: arn.to_string(),
            account: account.to_string(),
            kind,
            role_arn,
        })
    }

    /// The account root ARN of this principal's account.
    pub fn account_arn(&self) -> String {
        format!("arn:aws:iam::{}:root", self.account)
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.arn)
    }
}

/// The type a context value was given as (AWS `ContextKeyType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContextType {
    /// `string` and `stringList`.
    #[default]
    String,
    /// `numeric` and `numericList`.
    Numeric,
    /// `boolean` and `booleanList`.
    Boolean,
    /// `ip` and `ipList`.
    Ip,
    /// `binary` and `binaryList`.
    Binary,
    /// `date` and `dateList`.
    Date,
}

/// The values of one context key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextValue {
    /// The values as text.
    pub values: Vec<String>,
    /// True for a multivalued key (AWS's `…List` types).
    pub multi: bool,
    /// The declared type.
    pub ty: ContextType,
}

/// The request context: condition keys and their values. Keys are case-insensitive.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    entries: Vec<(String, String, ContextValue)>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Context {
        Context::default()
    }

    /// Sets a single-valued string key.
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Context {
        self.insert(
            key,
            ContextValue {
                values: vec![value.into()],
                multi: false,
                ty: ContextType::String,
            },
        )
    }

    /// Sets a key to the given values.
    pub fn insert(&mut self, key: &str, value: ContextValue) -> &mut Context {
        let lower = key.to_ascii_lowercase();
        match self.entries.iter_mut().find(|(k, _, _)| *k == lower) {
            Some(e) => e.2 = value,
            None => self.entries.push((lower, key.to_string(), value)),
        }
        self
    }

    /// Removes a key.
    pub fn remove(&mut self, key: &str) {
        let lower = key.to_ascii_lowercase();
        self.entries.retain(|(k, _, _)| *k != lower);
    }

    /// The values of a key given in lowercase.
    #[inline]
    pub fn get_lower(&self, lower: &str) -> Option<&ContextValue> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == lower)
            .map(|(_, _, v)| v)
    }

    /// The values of a key (any case).
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.get_lower(&key.to_ascii_lowercase())
    }

    /// The one value of a single-valued key given in lowercase (for policy variables).
    #[inline]
    pub fn single_lower(&self, lower: &str) -> Option<&str> {
        match self.get_lower(lower) {
            Some(v) if !v.multi && v.values.len() == 1 => v.values.first().map(String::as_str),
            _ => None,
        }
    }

    /// Every key with its values, as given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ContextValue)> {
        self.entries.iter().map(|(_, k, v)| (k.as_str(), v))
    }
}

/// One authorization request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Who asks.
    pub principal: Principal,
    /// The action as given, e.g. `s3:GetObject`.
    pub action: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// The account that owns the resource; `None` means the principal's own account.
    pub resource_account: Option<String>,
    /// The request context.
    pub context: Context,
    service_lower: String,
    name_lower: String,
    service_sym: Option<Sym>,
    name_sym: Option<Sym>,
}

impl Request {
    /// A request; the action is split into its service prefix and name once here.
    pub fn new(principal: Principal, action: &str, resource: &str, context: Context) -> Request {
        let lower = action.to_ascii_lowercase();
        let (svc, name) = lower.split_once(':').unwrap_or((lower.as_str(), ""));
        Request {
            principal,
            action: action.to_string(),
            resource: resource.to_string(),
            resource_account: None,
            service_sym: sym::intern(svc),
            name_sym: sym::intern(name),
            service_lower: svc.to_string(),
            name_lower: name.to_string(),
            context,
        }
    }

    /// Sets the account that owns the resource.
    pub fn with_resource_account(mut self, account: Option<String>) -> Request {
        self.resource_account = account;
        self
    }

    /// The action's service prefix, lowercase.
    #[inline]
    pub fn service(&self) -> &str {
        &self.service_lower
    }

    /// The action's name without prefix, lowercase.
    #[inline]
    pub fn action_name(&self) -> &str {
        &self.name_lower
    }

    /// The action as policies match it.
    #[inline]
    pub fn action_key(&self) -> ActionKey<'_> {
        ActionKey {
            service: &self.service_lower,
            name: &self.name_lower,
            service_sym: self.service_sym,
            name_sym: self.name_sym,
        }
    }

    /// True when the resource belongs to another account than the principal's.
    pub fn is_cross_account(&self) -> bool {
        match &self.resource_account {
            Some(a) => !self.principal.account.is_empty() && *a != self.principal.account,
            None => false,
        }
    }
}
