//! STS: who am I, and temporary credentials (AssumeRole with the trust policy evaluated,
//! GetSessionToken with MFA).

use jiff::SignedDuration;
use serde_json::{Value, json};

use super::authz::Identity;
use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;
use super::model::{Session, SessionKind};
use crate::policy::PolicyType;

/// The STS commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "sts",
        name: "get-caller-identity",
        operation: "GetCallerIdentity",
        params: &[],
        run: get_caller_identity,
    },
    Spec {
        service: "sts",
        name: "assume-role",
        operation: "AssumeRole",
        params: &[],
        run: assume_role,
    },
    Spec {
        service: "sts",
        name: "assume-role-with-web-identity",
        operation: "AssumeRoleWithWebIdentity",
        params: &[],
        run: assume_role_with_web_identity,
    },
    Spec {
        service: "sts",
        name: "get-session-token",
        operation: "GetSessionToken",
        params: &[],
        run: get_session_token,
    },
    Spec {
        service: "sts",
        name: "decode-authorization-message",
        operation: "DecodeAuthorizationMessage",
        params: &[],
        run: decode_authorization_message,
    },
];

/// `sts decode-authorization-message`: what an EC2 denial's encoded message says (it needs
/// `sts:DecodeAuthorizationMessage`, as on AWS).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
fn decode_authorization_message(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("sts:DecodeAuthorizationMessage", "*", &[])?;
    match super::authz::decode_authorization_message(a.s("encoded-message")) {
        Some(text) => Ok(json!({ "DecodedMessage": text })),
        None => Err(c.err(
            "InvalidAuthorizationMessageException",
            "The error message provided is not a valid authorization message.",
        )),
    }
}

fn get_caller_identity(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    // No permission is needed, and a deny cannot stop it; the evaluator knows this too.
    Ok(obj([
        ("UserId", json!(c.account.caller_userid(&c.caller))),
        ("Account", json!(c.account.id)),
        ("Arn", json!(c.account.caller_arn(&c.caller))),
    ]))
}

/// Checks an MFA code against a device of the caller (any six digits pass in the simulation).
fn mfa_ok(c: &Call, a: &Args) -> Result<bool, AwsError> {
    let (Some(serial), Some(code)) = (a.opt("serial-number"), a.opt("token-code")) else {
        return Ok(false);
    };
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(c.err("ValidationError", "1 validation error detected: Value at 'tokenCode' failed to satisfy constraint: Member must have length 6 and consist of digits"));
    }
    let owns = match &c.caller.identity {
        Identity::User(u) => c.account.users.get(u).is_some_and(|u| {
            u.mfa
                .iter()
                .any(|d| d.serial == serial && d.enabled.is_some())
        }),
        Identity::Root => c.account.root.mfa_enabled,
        Identity::Role { .. } => false,
    };
    if !owns {
        return Err(c.err("AccessDenied", format!("MultiFactorAuthentication failed with invalid MFA one time pass code or the MFA device {serial} is not assigned to the caller.")));
    }
    Ok(true)
}

/// New temporary credentials of `kind` in `acct` (the account whose role or user they act
/// as), good for `secs` seconds, kept in its sessions: what every STS call that hands out
/// credentials, and the instance metadata service (`ec2::imds::session`), make.
pub fn new_session(
    acct: &mut super::Account,
    kind: SessionKind,
    secs: i64,
    policy: Option<super::model::Document>,
    mfa: bool,
    source_identity: Option<String>,
) -> Session {
    let id = acct.new_id("ASIA", 16);
    let secret = acct.new_secret();
    let token = format!("IQoJb3JpZ2luX2VjE{}", acct.new_secret());
    let now = acct.now;
    let s = Session {
        access_key_id: id.clone(),
        secret,
        token,
        expires: now
            .checked_add(SignedDuration::from_secs(secs))
            .unwrap_or(now),
        issued: now,
        kind,
        session_policy: policy,
        mfa,
        federated: None,
        from_instance: None,
        source_identity,
    };
    acct.sessions.insert(id, s.clone());
    s
}

fn credentials(s: &Session) -> Value {
    obj([
        ("AccessKeyId", json!(s.access_key_id)),
        ("SecretAccessKey", json!(s.secret)),
        ("SessionToken", json!(s.token)),
        ("Expiration", time(s.expires)),
    ])
}

/// AWS's answer to an `AssumeRole` it refuses: the same whether the role is missing, its
/// trust policy does not allow the caller, or the caller's own policies do not.
fn assume_denied(c: &Call, who: &str, arn: &str) -> AwsError {
    c.err(
        "AccessDenied",
        format!("User: {who} is not authorized to perform: sts:AssumeRole on resource: {arn}"),
    )
}

/// A role session name as STS allows it: 2 to 64 of `[\w+=,.@-]`.
fn check_session_name(c: &Call, session: &str) -> Result<(), AwsError> {
    if session.len() < 2
        || session.len() > 64
        || !session
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "=,.@-_".contains(ch))
    {
        return Err(c.err("ValidationError", format!("1 validation error detected: Value '{session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{{2,64}}")));
    }
    Ok(())
}

/// `sts assume-role`: the role's trust policy must allow the caller, and, for a role of
/// another account, the caller's own policies must allow `sts:AssumeRole` on it too
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html>).
/// `--external-id` is `sts:ExternalId`, `--source-identity` `sts:SourceIdentity` (which
/// needs `sts:SetSourceIdentity` in the trust policy, and which a chained session keeps
/// and cannot change:
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html>).
fn assume_role(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = a.s("role-arn").to_string();
    let session = a.s("role-session-name").to_string();
    check_session_name(c, &session)?;
    let role_name = arn.rsplit('/').next().unwrap_or("").to_string();
    let owner_id = arn.split(':').nth(4).unwrap_or("").to_string();
    let cross = owner_id != c.account.id;
    let owner: &super::Account = if cross {
        match c.others.get(&owner_id) {
            Some(o) => o,
            None => {
                // AWS answers AccessDenied rather than revealing whether the role exists.
                let who = c.account.caller_arn(&c.caller);
                return Err(assume_denied(c, &who, &arn));
            }
        }
    } else {
        c.account
    };
    let Some(role) = owner
        .roles
        .get(&role_name)
        .filter(|r| r.arn == arn)
        .cloned()
    else {
        let who = c.account.caller_arn(&c.caller);
        return Err(assume_denied(c, &who, &arn));
    };
    let mfa = mfa_ok(c, a)?;
    let mut caller = c.caller.clone();
    if mfa {
        caller.mfa = Some(true);
        caller.token_issued = Some(c.account.now);
    }
    let inherited = c
        .caller
        .session_key
        .as_ref()
        .and_then(|k| c.account.sessions.get(k))
        .and_then(|s| s.source_identity.clone());
    let asked = a.opt("source-identity").map(str::to_string);
    let who = c.account.caller_arn(&caller);
    if let (Some(old), Some(new)) = (&inherited, &asked)
        && old != new
    {
        // A chained session keeps the source identity it was given.
        return Err(c.err(
            "AccessDenied",
            format!(
                "User: {who} is not authorized to perform: sts:SetSourceIdentity on resource: {arn}"
            ),
        ));
    }
    let source_identity = asked.clone().or(inherited);
    let mut extra = vec![("sts:RoleSessionName", vec![session.clone()])];
    if let Some(x) = a.opt("external-id") {
        extra.push(("sts:ExternalId", vec![x.to_string()]));
    }
    if let Some(si) = &source_identity {
        extra.push(("sts:SourceIdentity", vec![si.clone()]));
    }
    let owner: &super::Account = if cross {
        c.others.get(&owner_id).unwrap_or(c.account)
    } else {
        c.account
    };
    let mut actions = vec!["sts:AssumeRole"];
    if asked.is_some() {
        actions.push("sts:SetSourceIdentity");
    }
    for action in actions {
        let d = c.account.authorize_on(
            owner,
            &caller,
            c.operation,
            action,
            &arn,
            &extra,
            Some(&role.trust),
        )?;
        // A role can only be assumed when its trust policy allows it, even within the
        // account: an identity-based allow alone is not enough.
        if d.allowed_by_resource != Some(true) {
            return Err(c.err(
                "AccessDenied",
                format!("User: {who} is not authorized to perform: {action} on resource: {arn}"),
            ));
        }
    }
    let policy = match a.opt("policy") {
        Some(text) => Some(
            super::document(text, PolicyType::Session)
                .map_err(|e| c.refused("MalformedPolicyDocument", e))?,
        ),
        None => None,
    };
    let secs = a.int("duration-seconds").unwrap_or(3600);
    if secs < 900 || secs > i64::from(role.max_session_duration) {
        return Err(c.err("ValidationError", format!("The requested DurationSeconds exceeds the MaxSessionDuration set for this role ({}).", role.max_session_duration)));
    }
    let region = c.caller.region.clone();
    // The session belongs to the role's account: its credentials call into that account.
    let owner: &mut super::Account = if cross {
        match c.others.get_mut(&owner_id) {
            Some(o) => o,
            None => c.account,
        }
    } else {
        c.account
    };
    let s = new_session(
        owner,
        SessionKind::Role {
            role: role_name.clone(),
            session_name: session.clone(),
        },
        secs,
        policy,
        mfa,
        source_identity.clone(),
    );
    let now = owner.now;
    if let Some(r) = owner.roles.get_mut(&role_name) {
        r.last_used = Some(super::model::LastUsed {
            date: now,
            region,
            service: "sts".into(),
        });
    }
    Ok(obj([
        ("Credentials", credentials(&s)),
        (
            "AssumedRoleUser",
            obj([
                ("AssumedRoleId", json!(format!("{}:{session}", role.id))),
                (
                    "Arn",
                    json!(format!(
                        "arn:aws:sts::{}:assumed-role/{role_name}/{session}",
                        owner.id
                    )),
                ),
            ]),
        ),
        ("SourceIdentity", json!(source_identity)),
    ]))
}

fn get_session_token(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let kind = match &c.caller.identity {
        Identity::User(u) => SessionKind::User { user: u.clone() },
        Identity::Root => SessionKind::Root,
        Identity::Role { .. } => {
            return Err(c.err(
                "AccessDenied",
                "Cannot call GetSessionToken with session credentials",
            ));
        }
    };
    let mfa = mfa_ok(c, a)?;
    let secs = a
        .int("duration-seconds")
        .unwrap_or(43_200)
        .clamp(900, 129_600);
    let s = new_session(c.account, kind, secs, None, mfa, None);
    Ok(obj([("Credentials", credentials(&s))]))
}

/// Who asked for a role with a web identity token, as far as the token says: what CloudTrail
/// shows as the `WebIdentityUser` of the call.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WebIdentityUser {
    /// The provider: the issuer without `https://` (`token.actions.githubusercontent.com`).
    pub provider: String,
    /// The audience (the client id).
    pub audience: String,
    /// The token's subject (`repo:OWNER/REPO:ref:refs/heads/main`).
    pub subject: String,
}

/// `sts assume-role-with-web-identity`: a request that needs no AWS credentials (the CLI
/// sends it unsigned), only a token its provider issued. It is recorded in CloudTrail as the
/// token's `WebIdentityUser`, whatever the profile holds.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
fn assume_role_with_web_identity(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut who = None;
    let result = web_identity(c, a, &mut who);
    super::trail::record_web_identity(
        c.account,
        &c.caller,
        a,
        who.as_ref(),
        result.as_ref().ok(),
        result.as_ref().err(),
    );
    result
}

/// Why STS refuses a web identity token ([`web_identity_trust`]), each as STS says it.
#[derive(Debug, Clone)]
pub enum WebIdentityRefusal {
    /// The token is not one a known issuer signed (`InvalidIdentityToken`).
    Invalid,
    /// The account has no OIDC provider for the token's issuer, named here.
    NoProvider(String),
    /// The provider lists none of the token's audiences.
    Audience,
    /// The token expired: the time now and its `exp`, in seconds.
    Expired(i64, i64),
    /// No such role, or its trust policy does not allow the token: the request and the
    /// policies that decided it, when the trust policy did.
    Denied(Option<Box<(crate::eval::Request, crate::eval::PolicySet)>>),
}

/// What STS accepted a web identity token for: the role, the provider that vouched for it
/// (its IAM ARN), and the token's issuer, subject and audience.
#[derive(Debug, Clone)]
pub struct WebIdentityGrant {
    /// The role's name.
    pub role: String,
    /// The OIDC provider's ARN in the account.
    pub provider_arn: String,
    /// The token's `iss`.
    pub issuer: String,
    /// The token's `sub`.
    pub subject: String,
    /// The audience the provider accepted.
    pub audience: String,
}

/// The steps of `AssumeRoleWithWebIdentity` before credentials are made: the token read and
/// its signature checked, its issuer an OIDC provider of the account, its audience one the
/// provider lists, not expired, and the role's trust policy allowing
/// `sts:AssumeRoleWithWebIdentity` for the provider with the token's claims as condition keys
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif>).
/// `who` is filled in as the token is read, for CloudTrail. The sandbox's call and the
/// lesson checks that name a web identity session both decide through it.
pub fn web_identity_trust(
    acct: &super::Account,
    role_arn: &str,
    token: &str,
    session: &str,
    source_ip: &str,
    who: &mut Option<WebIdentityUser>,
) -> Result<WebIdentityGrant, WebIdentityRefusal> {
    use super::oidc;
    use crate::eval::{
        Context, ContextType, ContextValue, PolicySet, Principal, Request, SourceType,
        SourcedPolicy, evaluate,
    };
    if token.len() > oidc::MAX_TOKEN {
        return Err(WebIdentityRefusal::Invalid);
    }
    let claims = oidc::read(token).map_err(|_| WebIdentityRefusal::Invalid)?;
    let iss = claims
        .get("iss")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let subject = claims
        .get("sub")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let Some(host) = oidc::provider_host(&iss) else {
        return Err(WebIdentityRefusal::Invalid);
    };
    let auds = oidc::audiences(&claims);
    *who = Some(WebIdentityUser {
        provider: host.clone(),
        audience: auds.first().cloned().unwrap_or_default(),
        subject: subject.clone(),
    });
    let provider_arn = acct.oidc_provider_arn(&host);
    let Some(provider) = acct.oidc_providers.get(&provider_arn) else {
        return Err(WebIdentityRefusal::NoProvider(iss));
    };
    let Some(audience) = auds
        .iter()
        .find(|x| provider.client_ids.contains(x))
        .cloned()
    else {
        return Err(WebIdentityRefusal::Audience);
    };
    if let Some(w) = who.as_mut() {
        w.audience = audience.clone();
    }
    let now = acct.now.as_second();
    if let Some(exp) = claims.get("exp").and_then(Value::as_i64)
        && exp <= now
    {
        return Err(WebIdentityRefusal::Expired(now, exp));
    }
    let role_name = role_arn.rsplit('/').next().unwrap_or("").to_string();
    let Some(role) = acct.roles.get(&role_name).filter(|r| r.arn == role_arn) else {
        return Err(WebIdentityRefusal::Denied(None));
    };
    let principal =
        Principal::from_arn(&provider_arn).map_err(|_| WebIdentityRefusal::Denied(None))?;
    let mut ctx = Context::new();
    for (k, v) in oidc::claim_keys(&host, &audience, &claims) {
        let multi = v.len() != 1;
        ctx.insert(
            &k,
            ContextValue {
                values: v,
                multi,
                ty: ContextType::String,
            },
        );
    }
    ctx.set("sts:RoleSessionName", session.to_string());
    ctx.insert(
        "aws:SourceIp",
        ContextValue {
            values: vec![source_ip.to_string()],
            multi: false,
            ty: ContextType::Ip,
        },
    );
    ctx.insert(
        "aws:CurrentTime",
        ContextValue {
            values: vec![acct.now.to_string()],
            multi: false,
            ty: ContextType::Date,
        },
    );
    let req = Request::new(principal, "sts:AssumeRoleWithWebIdentity", &role.arn, ctx)
        .with_resource_account(Some(acct.id.clone()));
    let set = PolicySet {
        resource: Some(SourcedPolicy::new(
            role.trust.policy.clone(),
            "TrustPolicy",
            SourceType::Resource,
        )),
        ..PolicySet::default()
    };
    let d = evaluate(&req, &set);
    // Only the trust policy decides: the caller has no identity-based policies.
    if !(d.is_allowed() && d.allowed_by_resource == Some(true)) {
        return Err(WebIdentityRefusal::Denied(Some(Box::new((req, set)))));
    }
    Ok(WebIdentityGrant {
        role: role_name,
        provider_arn,
        issuer: iss,
        subject,
        audience,
    })
}

/// The role session STS makes for an accepted web identity token: good for `secs` seconds,
/// with the session policy, federated through the grant's provider (`aws:FederatedProvider`
/// in its calls, `webIdFederationData` in CloudTrail).
pub fn web_identity_session(
    acct: &mut super::Account,
    grant: &WebIdentityGrant,
    session: &str,
    secs: i64,
    policy: Option<super::model::Document>,
) -> Session {
    let mut s = new_session(
        acct,
        SessionKind::Role {
            role: grant.role.clone(),
            session_name: session.to_string(),
        },
        secs,
        policy,
        false,
        None,
    );
    s.federated = Some(grant.provider_arn.clone());
    if let Some(stored) = acct.sessions.get_mut(&s.access_key_id) {
        stored.federated = s.federated.clone();
    }
    s
}

/// [`assume_role_with_web_identity`]'s answer: [`web_identity_trust`], then the session
/// policy and duration checked and the session made.
fn web_identity(
    c: &mut Call,
    a: &Args,
    who: &mut Option<WebIdentityUser>,
) -> Result<Value, AwsError> {
    let arn = a.s("role-arn").to_string();
    let session = a.s("role-session-name").to_string();
    check_session_name(c, &session)?;
    let source_ip = c.caller.source_ip.clone();
    let trusted = web_identity_trust(
        c.account,
        &arn,
        a.s("web-identity-token"),
        &session,
        &source_ip,
        who,
    );
    // The messages STS gives GitHub Actions' callers, as they report them
    // (aws-actions/configure-aws-credentials issues 721 and 775).
    let grant = trusted.map_err(|r| match r {
        WebIdentityRefusal::Invalid => c.err(
            "InvalidIdentityToken",
            "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.",
        ),
        WebIdentityRefusal::NoProvider(iss) => c.err(
            "InvalidIdentityToken",
            format!("No OpenIDConnect provider found in your account for {iss}"),
        ),
        WebIdentityRefusal::Audience => c.err("InvalidIdentityToken", "Incorrect token audience"),
        WebIdentityRefusal::Expired(now, exp) => c.err(
            "ExpiredTokenException",
            format!("Token expired: current date/time {now} must be before the expiration date/time {exp}"),
        ),
        WebIdentityRefusal::Denied(decided) => {
            let mut e = c.err(
                "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity",
            );
            if let Some(d) = decided {
                let (req, set) = *d;
                e.denial = Some(Box::new(super::error::DecisionTrace::new(req, &set)));
            }
            e
        }
    })?;
    let role_name = grant.role.clone();
    let Some(role) = c.account.roles.get(&role_name).cloned() else {
        return Err(c.err(
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithWebIdentity",
        ));
    };
    let policy = match a.opt("policy") {
        Some(text) => Some(
            super::document(text, PolicyType::Session)
                .map_err(|e| c.refused("MalformedPolicyDocument", e))?,
        ),
        None => None,
    };
    let secs = a.int("duration-seconds").unwrap_or(3600);
    if secs < 900 || secs > i64::from(role.max_session_duration) {
        return Err(c.err("ValidationError", format!("The requested DurationSeconds exceeds the MaxSessionDuration set for this role ({}).", role.max_session_duration)));
    }
    let s = web_identity_session(c.account, &grant, &session, secs, policy);
    let now = c.account.now;
    let region = c.caller.region.clone();
    if let Some(r) = c.account.roles.get_mut(&role_name) {
        r.last_used = Some(super::model::LastUsed {
            date: now,
            region,
            service: "sts".into(),
        });
    }
    Ok(obj([
        ("Credentials", credentials(&s)),
        ("SubjectFromWebIdentityToken", json!(grant.subject)),
        (
            "AssumedRoleUser",
            obj([
                ("AssumedRoleId", json!(format!("{}:{session}", role.id))),
                (
                    "Arn",
                    json!(format!(
                        "arn:aws:sts::{}:assumed-role/{role_name}/{session}",
                        c.account.id
                    )),
                ),
            ]),
        ),
        ("Provider", json!(grant.issuer)),
        ("Audience", json!(grant.audience)),
    ]))
}
