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
fn new_session(
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
    if session.len() < 2
        || session.len() > 64
        || !session
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "=,.@-_".contains(ch))
    {
        return Err(c.err("ValidationError", format!("1 validation error detected: Value '{session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{{2,64}}")));
    }
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
