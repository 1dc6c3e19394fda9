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

/// New temporary credentials of `acct` (the account whose role or user they act as).
/// New temporary credentials of `kind` in `acct`, good for `secs` seconds, kept in its
/// sessions.
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

/// The steps of [`assume_role_with_web_identity`]: the token read and its signature checked,
/// its issuer an OIDC provider of the account, its audience one the provider lists, not
/// expired, and the role's trust policy allowing `sts:AssumeRoleWithWebIdentity` for the
/// provider with the token's claims as condition keys.
fn web_identity(
    c: &mut Call,
    a: &Args,
    who: &mut Option<WebIdentityUser>,
) -> Result<Value, AwsError> {
    use super::oidc;
    use crate::eval::{
        Context, ContextType, ContextValue, PolicySet, Principal, Request, SourceType,
        SourcedPolicy, evaluate,
    };
    let arn = a.s("role-arn").to_string();
    let session = a.s("role-session-name").to_string();
    check_session_name(c, &session)?;
    let invalid = |c: &Call| {
        c.err(
            "InvalidIdentityToken",
            "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.",
        )
    };
    let text = a.s("web-identity-token");
    if text.len() > oidc::MAX_TOKEN {
        return Err(invalid(c));
    }
    let claims = oidc::read(text).map_err(|_| invalid(c))?;
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
        return Err(invalid(c));
    };
    let auds = oidc::audiences(&claims);
    *who = Some(WebIdentityUser {
        provider: host.clone(),
        audience: auds.first().cloned().unwrap_or_default(),
        subject: subject.clone(),
    });
    // The messages STS gives GitHub Actions' callers, as they report them
    // (aws-actions/configure-aws-credentials issues 721 and 775).
    let provider_arn = c.account.oidc_provider_arn(&host);
    let Some(provider) = c.account.oidc_providers.get(&provider_arn).cloned() else {
        return Err(c.err(
            "InvalidIdentityToken",
            format!("No OpenIDConnect provider found in your account for {iss}"),
        ));
    };
    let Some(audience) = auds
        .iter()
        .find(|x| provider.client_ids.contains(x))
        .cloned()
    else {
        return Err(c.err("InvalidIdentityToken", "Incorrect token audience"));
    };
    if let Some(w) = who.as_mut() {
        w.audience = audience.clone();
    }
    let now = c.account.now.as_second();
    if let Some(exp) = claims.get("exp").and_then(Value::as_i64)
        && exp <= now
    {
        return Err(c.err(
            "ExpiredTokenException",
            format!("Token expired: current date/time {now} must be before the expiration date/time {exp}"),
        ));
    }
    let denied = |c: &Call| {
        c.err(
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithWebIdentity",
        )
    };
    let role_name = arn.rsplit('/').next().unwrap_or("").to_string();
    let Some(role) = c
        .account
        .roles
        .get(&role_name)
        .filter(|r| r.arn == arn)
        .cloned()
    else {
        return Err(denied(c));
    };
    let principal = Principal::from_arn(&provider_arn).map_err(|_| denied(c))?;
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
    ctx.set("sts:RoleSessionName", session.clone());
    ctx.insert(
        "aws:SourceIp",
        ContextValue {
            values: vec![c.caller.source_ip.clone()],
            multi: false,
            ty: ContextType::Ip,
        },
    );
    ctx.insert(
        "aws:CurrentTime",
        ContextValue {
            values: vec![c.account.now.to_string()],
            multi: false,
            ty: ContextType::Date,
        },
    );
    let req = Request::new(principal, "sts:AssumeRoleWithWebIdentity", &role.arn, ctx)
        .with_resource_account(Some(c.account.id.clone()));
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
        let mut e = denied(c);
        e.denial = Some(Box::new(super::error::DecisionTrace::new(req, &set)));
        return Err(e);
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
    let s = new_session(
        c.account,
        SessionKind::Role {
            role: role_name.clone(),
            session_name: session.clone(),
        },
        secs,
        policy,
        false,
        None,
    );
    if let Some(stored) = c.account.sessions.get_mut(&s.access_key_id) {
        stored.federated = Some(provider_arn);
    }
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
        ("SubjectFromWebIdentityToken", json!(subject)),
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
        ("Provider", json!(iss)),
        ("Audience", json!(audience)),
    ]))
}
