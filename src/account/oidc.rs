//! IAM's OpenID Connect identity providers and the web identity tokens they vouch for: the
//! providers an account trusts (`iam create-open-id-connect-provider`, get, list, delete, and
//! the scenario's `oidc_providers:`), and the simulated ID tokens a provider such as GitHub
//! Actions issues to a workflow (the scenario's `web_identity_tokens:`, the sandbox's
//! `github-oidc-token`), which `sts assume-role-with-web-identity` reads.
//!
//! A token is a JWT in form — `HEADER.PAYLOAD.SIGNATURE`, each base64url without padding, the
//! payload the JSON claims (`iss`, `sub`, `aud`, `exp`, and the provider's own: GitHub's
//! `repository`, `ref`, `job_workflow_ref`, …) — so a learner can decode and read it as at
//! work. Its signature is the sandbox's own stand-in for the provider's key (a SHA-256 over
//! the issuer and the signed text): STS checks it as it checks a real token against the
//! provider's published keys, so a token whose claims were edited by hand is refused, while
//! any token the provider itself issued — to anyone's workflow — is good.

use base64::Engine as _;
use jiff::Timestamp;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::Account;
use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;
use super::model::Tag;

/// The issuer of GitHub Actions' OIDC tokens
/// (<https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect>).
pub const GITHUB_ISSUER: &str = "https://token.actions.githubusercontent.com";

/// The audience GitHub's `configure-aws-credentials` action asks for, and the client id the
/// provider lists (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub>).
pub const STS_AUDIENCE: &str = "sts.amazonaws.com";

/// How long a token the sandbox issues stays valid, in seconds.
pub const TOKEN_LIFETIME: i64 = 3600;

/// The largest token read, in bytes (STS's `WebIdentityToken` allows 20,000 characters).
pub const MAX_TOKEN: usize = 20_000;

/// GitHub's claims that AWS makes condition keys of beside `aud` and `sub`
/// (`token.actions.githubusercontent.com:repository`, …), as the Service Authorization
/// Reference lists them for `sts:AssumeRoleWithWebIdentity`
/// (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html>).
const GITHUB_CLAIM_KEYS: &[&str] = &[
    "actor",
    "actor_id",
    "enterprise_id",
    "environment",
    "job_workflow_ref",
    "ref",
    "repository",
    "repository_id",
    "repository_owner_id",
    "workflow",
];

/// An IAM OpenID Connect identity provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcProvider {
    /// The issuer without `https://` (`token.actions.githubusercontent.com`), as its ARN and
    /// the condition keys name it.
    pub host: String,
    /// `arn:aws:iam::ACCOUNT:oidc-provider/HOST`.
    pub arn: String,
    /// The audiences (client ids) it accepts.
    pub client_ids: Vec<String>,
    /// Server certificate thumbprints (IAM no longer needs them for the large providers).
    pub thumbprints: Vec<String>,
    /// When it was created.
    pub created: Timestamp,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// The issuer URL's host and path as IAM keeps it: without `https://` and a trailing `/`.
/// `None` for a URL that does not start with `https://` or has nothing after it.
pub fn provider_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?.trim_end_matches('/');
    (!rest.is_empty() && !rest.contains(char::is_whitespace)).then(|| rest.to_string())
}

impl Account {
    /// The ARN an OIDC provider for `host` has in this account.
    pub fn oidc_provider_arn(&self, host: &str) -> String {
        format!("arn:aws:iam::{}:oidc-provider/{host}", self.id)
    }

    /// Adds an OIDC provider for the issuer `url`; `None` when the URL is not an `https://`
    /// one. An existing provider for the same URL is replaced.
    pub fn add_oidc_provider(
        &mut self,
        url: &str,
        client_ids: Vec<String>,
        thumbprints: Vec<String>,
        tags: Vec<Tag>,
    ) -> Option<&OidcProvider> {
        let host = provider_host(url)?;
        let arn = self.oidc_provider_arn(&host);
        let p = OidcProvider {
            host,
            arn: arn.clone(),
            client_ids,
            thumbprints,
            created: self.now,
            tags,
        };
        self.oidc_providers.insert(arn.clone(), p);
        self.oidc_providers.get(&arn)
    }
}

/// Why a token is not one a provider issued (STS's `InvalidIdentityToken`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadToken {
    /// Not three base64url parts, or a payload that is not a JSON object with `iss`, `sub`
    /// and `aud`.
    Malformed,
    /// The signature does not match the claims: the token was edited.
    Signature,
}

/// Base64url without padding, as JWTs are written.
fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The sandbox's stand-in for the issuer's signature over `signed` (`HEADER.PAYLOAD`).
fn signature(issuer: &str, signed: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"iamdojo simulated identity provider key\0");
    h.update(issuer.as_bytes());
    h.update(b"\0");
    h.update(signed.as_bytes());
    b64(&h.finalize())
}

/// A token with these claims, signed as its issuer (`iss`) signs.
pub fn mint(claims: &Map<String, Value>) -> String {
    let header = b64(br#"{"alg":"RS256","typ":"JWT","kid":"iamdojo-sandbox"}"#);
    let payload = b64(Value::Object(claims.clone()).to_string().as_bytes());
    let signed = format!("{header}.{payload}");
    let iss = claims.get("iss").and_then(Value::as_str).unwrap_or("");
    let sig = signature(iss, &signed);
    format!("{signed}.{sig}")
}

/// The claims of a token its issuer signed.
pub fn read(token: &str) -> Result<Map<String, Value>, BadToken> {
    let token = token.trim();
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BadToken::Malformed);
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| BadToken::Malformed)?;
    let Ok(Value::Object(claims)) = serde_json::from_slice::<Value>(&bytes) else {
        return Err(BadToken::Malformed);
    };
    let iss = claims
        .get("iss")
        .and_then(Value::as_str)
        .ok_or(BadToken::Malformed)?;
    if claims.get("sub").and_then(Value::as_str).is_none() || audiences(&claims).is_empty() {
        return Err(BadToken::Malformed);
    }
    if signature(iss, &format!("{header}.{payload}")) != sig {
        return Err(BadToken::Signature);
    }
    Ok(claims)
}

/// The token's audiences: `aud` is one string or a list of them.
pub fn audiences(claims: &Map<String, Value>) -> Vec<String> {
    match claims.get("aud") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// A claim as the text a condition compares (a number or a boolean as JSON writes it).
fn claim_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The condition keys AWS makes of a token's claims for the trust policy: `HOST:aud` (the
/// audience the provider accepted), `HOST:sub`, `HOST:amr` when present, and for GitHub's
/// issuer its other documented claims (`HOST:repository`, `HOST:ref`, …)
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif>).
pub fn claim_keys(
    host: &str,
    audience: &str,
    claims: &Map<String, Value>,
) -> Vec<(String, Vec<String>)> {
    let mut out = vec![(format!("{host}:aud"), vec![audience.to_string()])];
    let mut names: Vec<&str> = vec!["sub", "amr"];
    if host == "token.actions.githubusercontent.com" {
        names.extend_from_slice(GITHUB_CLAIM_KEYS);
    }
    for n in names {
        let vals: Vec<String> = match claims.get(n) {
            Some(Value::Array(a)) => a.iter().filter_map(claim_text).collect(),
            Some(v) => claim_text(v).into_iter().collect(),
            None => continue,
        };
        if !vals.is_empty() {
            out.push((format!("{host}:{n}"), vals));
        }
    }
    out
}

/// Whether `s` is a repository as `github-oidc-token` and `github_repositories:` take it:
/// `OWNER/REPO`, at most 200 letters, digits and `- _ .` with the one slash.
pub fn valid_repository(s: &str) -> bool {
    s.len() <= 200
        && s.split_once('/').is_some_and(|(owner, repo)| {
            [owner, repo].iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            })
        })
}

/// The claims GitHub puts in the token of a workflow run of `repository` (`OWNER/REPO`) on
/// `git_ref`, for `audience`, issued at `now`
/// (<https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#understanding-the-oidc-token>).
pub fn github_claims(
    repository: &str,
    git_ref: &str,
    audience: &str,
    now: Timestamp,
) -> Map<String, Value> {
    let owner = repository.split('/').next().unwrap_or(repository);
    let iat = now.as_second();
    let mut m = Map::new();
    m.insert("iss".into(), json!(GITHUB_ISSUER));
    m.insert(
        "sub".into(),
        json!(format!("repo:{repository}:ref:{git_ref}")),
    );
    m.insert("aud".into(), json!(audience));
    m.insert("ref".into(), json!(git_ref));
    m.insert("ref_type".into(), json!("branch"));
    m.insert("repository".into(), json!(repository));
    m.insert("repository_owner".into(), json!(owner));
    m.insert("actor".into(), json!(owner));
    m.insert("workflow".into(), json!("deploy"));
    m.insert(
        "job_workflow_ref".into(),
        json!(format!(
            "{repository}/.github/workflows/deploy.yml@{git_ref}"
        )),
    );
    m.insert("event_name".into(), json!("push"));
    m.insert("iat".into(), json!(iat));
    m.insert("nbf".into(), json!(iat));
    m.insert("exp".into(), json!(iat + TOKEN_LIFETIME));
    m
}

/// The IAM commands of OIDC providers.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "iam",
        name: "create-open-id-connect-provider",
        operation: "CreateOpenIDConnectProvider",
        params: &[],
        run: create_provider,
    },
    Spec {
        service: "iam",
        name: "get-open-id-connect-provider",
        operation: "GetOpenIDConnectProvider",
        params: &[],
        run: get_provider,
    },
    Spec {
        service: "iam",
        name: "list-open-id-connect-providers",
        operation: "ListOpenIDConnectProviders",
        params: &[],
        run: list_providers,
    },
    Spec {
        service: "iam",
        name: "delete-open-id-connect-provider",
        operation: "DeleteOpenIDConnectProvider",
        params: &[],
        run: delete_provider,
    },
];

/// A list member of the request as strings.
fn strings(a: &Args, member: &str) -> Vec<String> {
    match a.member(member) {
        Some(Value::Array(v)) => v
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html
fn create_provider(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let url = a.s("url").to_string();
    let Some(host) = provider_host(&url) else {
        return Err(c.err("InvalidInput", "Invalid Open ID Connect Provider URL"));
    };
    let arn = c.account.oidc_provider_arn(&host);
    c.allow("iam:CreateOpenIDConnectProvider", &arn, &[])?;
    if c.account.oidc_providers.contains_key(&arn) {
        return Err(c.err(
            "EntityAlreadyExists",
            format!("Provider with url {url} already exists."),
        ));
    }
    let tags: Vec<Tag> = match a.member("Tags") {
        None => Vec::new(),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| AwsError::validation(c.operation, format!("cannot read tags: {e}")))?,
    };
    c.account.add_oidc_provider(
        &url,
        strings(a, "ClientIDList"),
        strings(a, "ThumbprintList"),
        tags.clone(),
    );
    let mut out = Map::new();
    out.insert("OpenIDConnectProviderArn".into(), json!(arn));
    if !tags.is_empty() {
        out.insert("Tags".into(), json!(tags));
    }
    Ok(Value::Object(out))
}

/// The provider an `--open-id-connect-provider-arn` names, as IAM answers for one it does not
/// have.
fn named<'a>(c: &'a Call, arn: &str) -> Result<&'a OidcProvider, AwsError> {
    c.account.oidc_providers.get(arn).ok_or_else(|| {
        c.err(
            "NoSuchEntity",
            format!("OpenIDConnect Provider not found for arn {arn}"),
        )
    })
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetOpenIDConnectProvider.html
fn get_provider(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = a.s("open-id-connect-provider-arn").to_string();
    c.allow("iam:GetOpenIDConnectProvider", &arn, &[])?;
    let p = named(c, &arn)?;
    let mut out = obj([
        ("Url", json!(p.host)),
        ("ClientIDList", json!(p.client_ids)),
        ("ThumbprintList", json!(p.thumbprints)),
        ("CreateDate", time(p.created)),
    ]);
    if !p.tags.is_empty()
        && let Value::Object(m) = &mut out
    {
        m.insert("Tags".into(), json!(p.tags));
    }
    Ok(out)
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html
fn list_providers(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("iam:ListOpenIDConnectProviders", "*", &[])?;
    let list: Vec<Value> = c
        .account
        .oidc_providers
        .keys()
        .map(|arn| json!({ "Arn": arn }))
        .collect();
    Ok(json!({ "OpenIDConnectProviderList": list }))
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteOpenIDConnectProvider.html
fn delete_provider(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = a.s("open-id-connect-provider-arn").to_string();
    c.allow("iam:DeleteOpenIDConnectProvider", &arn, &[])?;
    named(c, &arn)?;
    c.account.oidc_providers.remove(&arn);
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minted_token_reads_back_and_an_edited_one_does_not() {
        let now = Timestamp::from_second(1_767_603_600).unwrap();
        let claims = github_claims("octo-org/site", "refs/heads/main", STS_AUDIENCE, now);
        let token = mint(&claims);
        assert_eq!(read(&token), Ok(claims.clone()));
        // Another repository's claims under the first token's signature.
        let mut other = claims;
        other.insert("sub".into(), json!("repo:evil/fork:ref:refs/heads/main"));
        let forged = mint(&other);
        let (head_body, _) = forged.rsplit_once('.').unwrap();
        let (_, sig) = token.rsplit_once('.').unwrap();
        assert_eq!(
            read(&format!("{head_body}.{sig}")),
            Err(BadToken::Signature)
        );
        assert_eq!(read("not-a-token"), Err(BadToken::Malformed));
        assert_eq!(read("a.b.c"), Err(BadToken::Malformed));
    }

    #[test]
    fn provider_urls_are_kept_without_scheme_and_trailing_slash() {
        assert_eq!(
            provider_host("https://token.actions.githubusercontent.com/").as_deref(),
            Some("token.actions.githubusercontent.com")
        );
        assert_eq!(provider_host("http://example.com"), None);
        assert_eq!(provider_host("https://"), None);
    }

    #[test]
    fn github_claims_become_the_documented_keys() {
        let now = Timestamp::from_second(1_767_603_600).unwrap();
        let claims = github_claims("octo-org/site", "refs/heads/main", STS_AUDIENCE, now);
        let keys = claim_keys("token.actions.githubusercontent.com", STS_AUDIENCE, &claims);
        let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"token.actions.githubusercontent.com:sub"));
        assert!(names.contains(&"token.actions.githubusercontent.com:repository"));
        // Not a key AWS documents for GitHub.
        assert!(!names.contains(&"token.actions.githubusercontent.com:repository_owner"));
    }
}
