//! The instance metadata service at `http://169.254.169.254`, as a program on an instance
//! sees it: IMDSv2's session tokens (`PUT /latest/api/token` with
//! `X-aws-ec2-metadata-token-ttl-seconds`, then `X-aws-ec2-metadata-token` on every request),
//! `401` for a request without a valid token when the instance requires IMDSv2, `403` when the
//! endpoint is turned off, `400` for a bad token request, `404` for a path it does not have
//! (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html>,
//! <https://repost.aws/knowledge-center/ec2-linux-metadata-retrieval>), a few of the
//! instance's own facts and the instance profile role's temporary credentials.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::{Instance, State};
use crate::account::Account;
use crate::account::command::time;
use crate::account::model::{Session, SessionKind};

/// The longest a session token lives, in seconds (six hours).
pub const MAX_TOKEN_TTL: i64 = 21_600;

/// One HTTP request to the metadata service.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `GET` or `PUT`.
    pub method: &'a str,
    /// The path after the address, e.g. `/latest/meta-data/instance-id`.
    pub path: &'a str,
    /// The headers, as `(name, value)`.
    pub headers: &'a [(String, String)],
}

impl Request<'_> {
    /// The value of a header, its name compared without case as HTTP does.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }
}

/// What the metadata service answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// `200 OK` with this text.
    Text(String),
    /// `200 OK` with this JSON document (credentials, `iam/info`).
    Json(Value),
    /// An HTTP error status: 400, 401, 403, 404 or 405.
    Status(u16),
    /// No answer an instance would get: the sandbox's own explanation.
    Sandbox(ImdsError),
}

/// The page the metadata service sends with an error status.
pub fn status_page(code: u16) -> String {
    let reason = match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        405 => "Method Not Allowed",
        _ => "Not Found",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head>\n  <title>{code} - {reason}</title>\n </head>\n <body>\n  <h1>{code} - {reason}</h1>\n </body>\n</html>\n"
    )
}

/// Why the instance metadata service gives no credentials: the sandbox's own messages
/// (`crate::msg::sandbox::Sandbox::Imds…`), since the real service answers only `404 Not Found`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImdsError {
    /// No instance has this id.
    NoInstance(String),
    /// The instance is not running.
    NotRunning(String),
    /// The instance has no instance profile.
    NoProfile,
    /// The instance profile holds no role.
    NoRole,
    /// Another role was asked for than the instance's, named here.
    OtherRole(String),
    /// The role's trust policy does not let EC2 assume it, so EC2 has no credentials to give.
    NotTrusted(String),
}

impl ImdsError {
    /// The message in `lang`.
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        use crate::msg::Message;
        use crate::msg::sandbox::Sandbox as Say;
        match self {
            ImdsError::NoInstance(id) => Say::ImdsNoInstance.fill(lang, &[("instance", id)]),
            ImdsError::NotRunning(id) => Say::ImdsNotRunning.fill(lang, &[("instance", id)]),
            ImdsError::NoProfile => Say::ImdsNoProfile.text(lang).to_string(),
            ImdsError::NoRole => Say::ImdsNoRole.text(lang).to_string(),
            ImdsError::OtherRole(role) => Say::ImdsOtherRole.fill(lang, &[("role", role)]),
            ImdsError::NotTrusted(role) => Say::ImdsNotTrusted.fill(lang, &[("role", role)]),
        }
    }
}

/// Answers one request made on `instance_id`.
pub fn serve(acct: &mut Account, instance_id: &str, req: &Request<'_>) -> Reply {
    let Some(inst) = acct.instances.get(instance_id) else {
        return Reply::Sandbox(ImdsError::NoInstance(instance_id.to_string()));
    };
    if inst.state != State::Running {
        return Reply::Sandbox(ImdsError::NotRunning(instance_id.to_string()));
    }
    if inst.http_endpoint == "disabled" {
        return Reply::Status(403);
    }
    let now = acct.now;
    let path = req.path.split(['?', '#']).next().unwrap_or("");
    if path == "/latest/api/token" {
        return match req.method {
            "PUT" => issue_token(acct, instance_id, req),
            // A token is only ever handed out to a PUT, which a forwarded request cannot be.
            _ => Reply::Status(405),
        };
    }
    let token_ok = match req.header("X-aws-ec2-metadata-token") {
        Some(t) => inst.imds_tokens.iter().any(|(v, exp)| v == t && *exp > now),
        None => false,
    };
    if req.header("X-aws-ec2-metadata-token").is_some() && !token_ok {
        return Reply::Status(401);
    }
    if inst.http_tokens == "required" && !token_ok {
        return Reply::Status(401);
    }
    if req.method != "GET" {
        return Reply::Status(405);
    }
    let Some(rest) = path.strip_prefix("/latest/") else {
        return Reply::Status(404);
    };
    if rest == "user-data" {
        return if inst.user_data.is_empty() {
            Reply::Status(404)
        } else {
            Reply::Text(inst.user_data.clone())
        };
    }
    let Some(item) = rest.strip_prefix("meta-data") else {
        return Reply::Status(404);
    };
    let item = item.trim_start_matches('/');
    if let Some(role) = item.strip_prefix("iam/security-credentials") {
        let role = role.trim_matches('/');
        return match credentials(acct, instance_id, (!role.is_empty()).then_some(role)) {
            Ok(Value::String(s)) => Reply::Text(s),
            Ok(v) => Reply::Json(v),
            Err(e) => Reply::Sandbox(e),
        };
    }
    if item == "iam/info" {
        return match inst
            .instance_profile
            .as_ref()
            .and_then(|p| acct.instance_profiles.get(p))
        {
            Some(p) => Reply::Json(
                json!({"Code": "Success", "LastUpdated": time(now), "InstanceProfileArn": p.arn, "InstanceProfileId": p.id}),
            ),
            None => Reply::Status(404),
        };
    }
    match fact(acct, inst, item) {
        Some(text) => Reply::Text(text),
        None => Reply::Status(404),
    }
}

/// `PUT /latest/api/token`: a new session token for 1 to 21,600 seconds.
fn issue_token(acct: &mut Account, instance_id: &str, req: &Request<'_>) -> Reply {
    let ttl = req
        .header("X-aws-ec2-metadata-token-ttl-seconds")
        .and_then(|v| v.parse::<i64>().ok());
    let Some(ttl) = ttl.filter(|t| (1..=MAX_TOKEN_TTL).contains(t)) else {
        return Reply::Status(400);
    };
    let token = format!("AQAEA{}==", acct.new_secret());
    let expires = acct
        .now
        .checked_add(SignedDuration::from_secs(ttl))
        .unwrap_or(acct.now);
    let now = acct.now;
    if let Some(i) = acct.instances.get_mut(instance_id) {
        i.imds_tokens.retain(|(_, exp)| *exp > now);
        i.imds_tokens.push((token.clone(), expires));
    }
    Reply::Text(token)
}

/// The instance's own facts under `/latest/meta-data/`
/// (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-categories.html>).
fn fact(acct: &Account, inst: &Instance, item: &str) -> Option<String> {
    let net = inst.network(acct);
    Some(match item {
        "" => [
            "ami-id",
            "hostname",
            "iam/",
            "instance-id",
            "instance-type",
            "local-hostname",
            "local-ipv4",
            "mac",
            "placement/",
            "public-ipv4",
            "security-groups",
        ]
        .join("\n"),
        "ami-id" => inst.image_id.clone(),
        "instance-id" => inst.id.clone(),
        "instance-type" => inst.instance_type.clone(),
        "hostname" | "local-hostname" => net.private_dns.clone(),
        "local-ipv4" => inst.private_ip.clone(),
        "mac" => net.mac.clone(),
        "public-ipv4" => net.public_ip.clone()?,
        "iam" | "iam/" => "info\nsecurity-credentials/".to_string(),
        "placement" | "placement/" => "availability-zone\nregion".to_string(),
        "placement/availability-zone" => net.zone.clone(),
        "placement/region" => inst.region.clone(),
        "security-groups" => inst
            .security_groups
            .iter()
            .map(|g| {
                acct.security_groups
                    .get(g)
                    .map(|s| s.name.clone())
                    .unwrap_or_else(|| g.clone())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => return None,
    })
}

/// What a program on the instance gets from
/// `http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE` — temporary
/// credentials of the instance profile's role, from STS. An [`ImdsError`] when the instance
/// has no role (or another role is asked for).
pub fn credentials(
    acct: &mut Account,
    instance_id: &str,
    role: Option<&str>,
) -> Result<Value, ImdsError> {
    let running = acct
        .instances
        .get(instance_id)
        .map(|i| i.state == State::Running);
    match running {
        None => return Err(ImdsError::NoInstance(instance_id.to_string())),
        Some(false) => return Err(ImdsError::NotRunning(instance_id.to_string())),
        Some(true) => {}
    }
    let role_name = role_of(acct, instance_id)?;
    match role {
        None => return Ok(Value::String(role_name)),
        Some(r) if r != role_name => return Err(ImdsError::OtherRole(role_name)),
        Some(_) => {}
    }
    if !acct.service_may_assume(&role_name, "ec2.amazonaws.com") {
        return Err(ImdsError::NotTrusted(role_name));
    }
    let s = session(acct, instance_id, &role_name);
    Ok(
        json!({"Code": "Success", "LastUpdated": time(s.issued), "Type": "AWS-HMAC", "AccessKeyId": s.access_key_id, "SecretAccessKey": s.secret, "Token": s.token, "Expiration": time(s.expires)}),
    )
}

/// The role session the metadata service hands a program on the instance for its role
/// `role_name` (of the instance's profile, and trusting EC2: [`credentials`] checks both),
/// made by STS ([`crate::account::sts::new_session`]) for six hours, named after the instance
/// and marked as the instance's (for GuardDuty's credential exfiltration finding).
pub fn session(acct: &mut Account, instance_id: &str, role_name: &str) -> Session {
    let now: Timestamp = acct.now;
    // The service hands out the same credentials until they are close to expiring, as EC2
    // rotates them some time before they expire.
    let fresh = acct.sessions.values().find(|s| {
        s.from_instance.as_deref() == Some(instance_id)
            && matches!(&s.kind, SessionKind::Role { role, .. } if *role == role_name)
            && s.expires.as_second() - now.as_second() > 15 * 60
    });
    if let Some(s) = fresh {
        return s.clone();
    }
    let mut s = crate::account::sts::new_session(
        acct,
        SessionKind::Role {
            role: role_name.to_string(),
            session_name: instance_id.to_string(),
        },
        6 * 3600,
        None,
        false,
        None,
    );
    s.from_instance = Some(instance_id.to_string());
    if let Some(stored) = acct.sessions.get_mut(&s.access_key_id) {
        stored.from_instance = s.from_instance.clone();
    }
    s
}

/// The role of the instance's profile, whose credentials the metadata service hands out (an
/// [`ImdsError`] when the instance, its profile or the profile's role is missing).
pub fn role_of(acct: &Account, instance_id: &str) -> Result<String, ImdsError> {
    let inst = acct
        .instances
        .get(instance_id)
        .ok_or_else(|| ImdsError::NoInstance(instance_id.to_string()))?;
    let profile = inst
        .instance_profile
        .as_ref()
        .and_then(|p| acct.instance_profiles.get(p))
        .ok_or(ImdsError::NoProfile)?;
    profile.roles.first().cloned().ok_or(ImdsError::NoRole)
}

/// What a request to a scenario's vulnerable web application asks of it (see
/// [`super::WebApp`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAppFetch {
    /// The instance the application runs on.
    pub instance: String,
    /// The URL it is asked to fetch (percent-decoded), `None` when the request does not give
    /// the application's parameter.
    pub target: Option<String>,
}

/// The web application that answers `url` (`http://HOST/…?PARAM=URL`), if one of the
/// account's instances runs one at that host, and what it is asked to fetch.
pub fn web_app_fetch(acct: &Account, url: &str) -> Option<WebAppFetch> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))?;
    let (host, path) = match rest.find(['/', '?']) {
        Some(i) => (rest.get(..i)?, rest.get(i..)?),
        None => (rest, ""),
    };
    let host = host.split(':').next().unwrap_or(host);
    let inst = acct
        .instances
        .values()
        .find(|i| i.web_app.as_ref().is_some_and(|w| w.host == host))?;
    let param = inst.web_app.as_ref().map(|w| w.fetch_param.as_str())?;
    let query = path.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    let target = query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (percent_decode(k) == param).then(|| percent_decode(v))
    });
    Some(WebAppFetch {
        instance: inst.id.clone(),
        target,
    })
}

/// `%XX` escapes and `+` (a space in a query) decoded; an escape that is not one is kept.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (c, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_decoded() {
        assert_eq!(
            percent_decode("http%3A%2F%2F169.254.169.254%2Flatest"),
            "http://169.254.169.254/latest"
        );
        assert_eq!(percent_decode("a+b%zz%4"), "a b%zz%4");
    }
}
