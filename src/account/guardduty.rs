//! GuardDuty: a detector that, once enabled, turns suspicious activity in the account into
//! findings of AWS's finding types — crypto mining on an instance, API calls from a known
//! malicious IP, use of the root user.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::Account;
use super::command::{Args, Call, Spec, obj};
use super::error::AwsError;

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Unique id.
    pub id: String,
    /// AWS finding type, e.g. `CryptoCurrency:EC2/BitcoinTool.B!DNS`.
    pub kind: String,
    /// Severity from 1 to 8.9.
    pub severity: f64,
    /// Title.
    pub title: String,
    /// What happened.
    pub description: String,
    /// The resource involved (instance id, access key id).
    pub resource: String,
    /// When it was raised.
    pub created: Timestamp,
    /// When it last changed (raised, archived or unarchived).
    pub updated: Timestamp,
    /// Archived with `archive-findings`: `list-findings` still lists it unless asked for
    /// `service.archived` `false`, as GuardDuty does.
    pub archived: bool,
    /// The activity that raised it (`Service.Action`).
    pub action: Action,
}

/// The activity behind a finding, as GuardDuty's `Service.Action` describes it
/// (<https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Action.html>).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `AWS_API_CALL`: the API call of the CloudTrail event that raised the finding
    /// (<https://docs.aws.amazon.com/guardduty/latest/APIReference/API_AwsApiCallAction.html>).
    ApiCall {
        /// The operation, e.g. `ListUsers`.
        api: String,
        /// The service's endpoint name, e.g. `iam.amazonaws.com` (CloudTrail's `eventSource`).
        service: String,
        /// The caller's address.
        source_ip: String,
        /// The error code, when the call failed.
        error_code: Option<String>,
    },
    /// `DNS_REQUEST`: a DNS query an instance made
    /// (<https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DnsRequestAction.html>).
    DnsRequest {
        /// The domain asked for, when the simulation knows it (the mining pool's host in the
        /// instance's start-up script).
        domain: Option<String>,
    },
}

impl Action {
    /// The API call of CloudTrail event `e`.
    fn of_event(e: &super::trail::Event) -> Action {
        Action::ApiCall {
            api: e.name.clone(),
            service: e.source.clone(),
            source_ip: e.source_ip.clone(),
            error_code: e.error_code.clone(),
        }
    }

    /// `Service.Action` as GuardDuty writes it. An API call's `CallerType` is `Remote IP`:
    /// every sandbox call comes from an address, none from a domain; no DNS query is
    /// blocked, the sandbox having no DNS firewall.
    fn json(&self) -> Value {
        match self {
            Action::ApiCall {
                api,
                service,
                source_ip,
                error_code,
            } => {
                let ip = if source_ip.parse::<std::net::Ipv6Addr>().is_ok() {
                    json!({ "IpAddressV6": source_ip })
                } else {
                    json!({ "IpAddressV4": source_ip })
                };
                json!({
                    "ActionType": "AWS_API_CALL",
                    "AwsApiCallAction": obj([
                        ("Api", json!(api)),
                        ("CallerType", json!("Remote IP")),
                        ("ErrorCode", error_code.as_ref().map_or(Value::Null, |c| json!(c))),
                        ("RemoteIpDetails", ip),
                        ("ServiceName", json!(service)),
                    ]),
                })
            }
            Action::DnsRequest { domain } => json!({
                "ActionType": "DNS_REQUEST",
                "DnsRequestAction": obj([
                    ("Domain", domain.as_ref().map_or(Value::Null, |d| json!(d))),
                    ("Protocol", json!("UDP")),
                    ("Blocked", json!(false)),
                ]),
            }),
        }
    }

    /// The value of a `service.action.…` finding criterion.
    fn field(&self, name: &str) -> Option<String> {
        match (self, name) {
            (Action::ApiCall { .. }, "service.action.actionType") => Some("AWS_API_CALL".into()),
            (Action::DnsRequest { .. }, "service.action.actionType") => Some("DNS_REQUEST".into()),
            (Action::ApiCall { api, .. }, "service.action.awsApiCallAction.api") => {
                Some(api.clone())
            }
            (Action::ApiCall { service, .. }, "service.action.awsApiCallAction.serviceName") => {
                Some(service.clone())
            }
            (Action::ApiCall { .. }, "service.action.awsApiCallAction.callerType") => {
                Some("Remote IP".into())
            }
            (Action::ApiCall { error_code, .. }, "service.action.awsApiCallAction.errorCode") => {
                error_code.clone()
            }
            (
                Action::ApiCall { source_ip, .. },
                "service.action.awsApiCallAction.remoteIpDetails.ipAddressV4",
            ) => Some(source_ip.clone()),
            (Action::DnsRequest { domain }, "service.action.dnsRequestAction.domain") => {
                domain.clone()
            }
            _ => None,
        }
    }
}

/// The mining pool's host in a start-up script (`stratum+tcp://pool.example:3333`).
fn pool_domain(user_data: &str) -> Option<String> {
    let lower = user_data.to_ascii_lowercase();
    let at = lower.find("stratum+")?;
    let rest = lower.get(at..)?;
    let host_at = rest.find("://")? + 3;
    let host: String = rest
        .get(host_at..)?
        .chars()
        .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '.' || *ch == '-')
        .collect();
    (!host.is_empty()).then_some(host)
}

/// The detector and its findings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuardDuty {
    /// Detector id when enabled.
    pub detector: Option<String>,
    /// Since when.
    pub enabled_at: Option<Timestamp>,
    /// Findings.
    pub findings: Vec<Finding>,
    /// IP ranges the simulation treats as known malicious (a threat list).
    pub threat_list: Vec<String>,
}

/// The default threat list: a documentation range, never a real network.
pub const DEFAULT_THREAT_LIST: &[&str] = &["198.51.100.0/24"];

/// True when `ip` is on the threat list (the account's own list, else the default one).
pub fn malicious(gd: &GuardDuty, ip: &str) -> bool {
    let Ok(addr) = ip.parse::<std::net::IpAddr>() else {
        return false;
    };
    let list: Vec<&str> = if gd.threat_list.is_empty() {
        DEFAULT_THREAT_LIST.to_vec()
    } else {
        gd.threat_list.iter().map(String::as_str).collect()
    };
    list.iter()
        .any(|n| n.parse::<ipnet::IpNet>().is_ok_and(|n| n.contains(&addr)))
}

/// Looks at what happened since the detector was enabled and raises new findings.
pub fn evaluate(acct: &mut Account) {
    let Some(since) = acct.guardduty.enabled_at else {
        return;
    };
    let now = acct.now;
    let mut new = Vec::new();
    let has = |gd: &GuardDuty, kind: &str, res: &str| {
        gd.findings
            .iter()
            .any(|f| f.kind == kind && f.resource == res)
    };
    for i in acct.instances.values() {
        let ran = i.state == super::ec2::State::Running
            && now.as_second() - i.launched.max(since).as_second() >= DETECTION_DELAY.as_secs();
        let kind = "CryptoCurrency:EC2/BitcoinTool.B!DNS";
        if ran && i.mines_crypto() && !has(&acct.guardduty, kind, &i.id) {
            new.push((kind, 8.0, format!("EC2 instance {} is querying a domain name that is associated with Bitcoin-related activity.", i.id), format!("The instance {} ({}) was launched by {} from {} and is communicating with a cryptocurrency mining pool.", i.id, i.instance_type, i.launched_by, i.launched_from), i.id.clone(), Action::DnsRequest { domain: pool_domain(&i.user_data) }));
        }
    }
    for e in &acct.cloudtrail.events {
        if e.time < since {
            continue;
        }
        if let Some(key) = &e.access_key_id {
            let kind = "UnauthorizedAccess:IAMUser/MaliciousIPCaller";
            if malicious(&acct.guardduty, &e.source_ip)
                && !has(&acct.guardduty, kind, key)
                && !new.iter().any(|n| n.0 == kind && n.4 == *key)
            {
                new.push((kind, 5.0, format!("An API was invoked from a known malicious IP address {}.", e.source_ip), format!("The API {} was called with access key {key} ({}) from {}, an IP address on a threat list.", e.name, e.arn, e.source_ip), key.clone(), Action::of_event(e)));
            }
        }
        // Credentials the metadata service handed an instance, used from an address that is
        // not the instance's: stolen through the instance (SSRF, a shell on it) and taken out.
        // https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html#unauthorizedaccess-iam-instancecredentialexfiltrationoutsideaws
        if let Some(key) = &e.access_key_id
            && let Some(inst) = acct
                .sessions
                .get(key)
                .and_then(|s| s.from_instance.as_ref())
        {
            let kind = "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS";
            let own = acct.instances.get(inst).is_some_and(|i| {
                i.private_ip == e.source_ip
                    || i.network(acct).public_ip.as_deref() == Some(e.source_ip.as_str())
            });
            if !own
                && !has(&acct.guardduty, kind, key)
                && !new.iter().any(|n| n.0 == kind && n.4 == *key)
            {
                new.push((kind, 8.0, "Credentials that were created exclusively for an EC2 instance through an Instance launch role are being used from an external IP address.".into(), format!("The API {} was called with the temporary credentials {key} ({}) that the instance metadata service gave instance {inst}, from {}, an address outside AWS.", e.name, e.arn, e.source_ip), key.clone(), Action::of_event(e)));
            }
        }
        if e.identity_type == "Root" {
            let kind = "Policy:IAMUser/RootCredentialUsage";
            let res = "root".to_string();
            if !has(&acct.guardduty, kind, &res) && !new.iter().any(|n| n.0 == kind) {
                new.push((kind, 2.0, "API was invoked using root credentials.".into(), format!("The root user called {} from {}. Use the root user only for the few tasks that need it.", e.name, e.source_ip), res, Action::of_event(e)));
            }
        }
    }
    for (kind, severity, title, description, resource, action) in new {
        let id = acct.new_hex(32);
        acct.guardduty.findings.push(Finding {
            id,
            kind: kind.to_string(),
            severity,
            title,
            description,
            resource,
            created: now,
            updated: now,
            archived: false,
            action,
        });
    }
}

/// The GuardDuty commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "guardduty",
        name: "create-detector",
        operation: "CreateDetector",
        params: &[],
        run: create_detector,
    },
    Spec {
        service: "guardduty",
        name: "list-detectors",
        operation: "ListDetectors",
        params: &[],
        run: list_detectors,
    },
    Spec {
        service: "guardduty",
        name: "list-findings",
        operation: "ListFindings",
        params: &[],
        run: list_findings,
    },
    Spec {
        service: "guardduty",
        name: "archive-findings",
        operation: "ArchiveFindings",
        params: &[],
        run: |c, a| set_archived(c, a, true),
    },
    Spec {
        service: "guardduty",
        name: "unarchive-findings",
        operation: "UnarchiveFindings",
        params: &[],
        run: |c, a| set_archived(c, a, false),
    },
    Spec {
        service: "guardduty",
        name: "get-findings",
        operation: "GetFindings",
        params: &[],
        run: get_findings,
    },
];

fn create_detector(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("guardduty:CreateDetector", "*", &[])?;
    if c.account.guardduty.detector.is_some() {
        return Err(c.err(
            "BadRequestException",
            "The request is rejected because a detector already exists for the current account.",
        ));
    }
    let id = c.account.new_hex(32);
    c.account.guardduty.detector = Some(id.clone());
    if a.flag("enable").unwrap_or(true) {
        c.account.guardduty.enabled_at = Some(c.account.now);
    }
    Ok(json!({ "DetectorId": id }))
}

fn list_detectors(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("guardduty:ListDetectors", "*", &[])?;
    let ids: Vec<&String> = c.account.guardduty.detector.iter().collect();
    Ok(json!({ "DetectorIds": ids }))
}

fn check_detector(c: &Call, id: &str) -> Result<(), AwsError> {
    if c.account.guardduty.detector.as_deref() == Some(id) {
        Ok(())
    } else {
        Err(c.err("BadRequestException", format!("The request is rejected because the input detectorId `{id}` is not owned by the current account.")))
    }
}

/// The value of a finding's criterion field (GuardDuty's lowercase dotted names), as text.
fn field(acct: &Account, f: &Finding, name: &str) -> Option<String> {
    Some(match name {
        "id" => f.id.clone(),
        "type" => f.kind.clone(),
        "severity" => f.severity.to_string(),
        "region" => "us-east-1".into(),
        "accountId" => acct.id.clone(),
        "service.archived" => f.archived.to_string(),
        "resource.resourceType" => resource_type(f).into(),
        "resource.instanceDetails.instanceId" if f.resource.starts_with("i-") => f.resource.clone(),
        "resource.accessKeyDetails.accessKeyId" if !f.resource.starts_with("i-") => {
            f.resource.clone()
        }
        "resource.accessKeyDetails.userName" if !f.resource.starts_with("i-") => acct
            .key_owner(&f.resource)
            .map_or_else(|| "root".to_string(), |u| u.name.clone()),
        _ => return f.action.field(name),
    })
}

/// True when `f` meets every condition of `--finding-criteria`
/// (`{"Criterion": {"service.archived": {"Eq": ["false"]}}}`): `Eq`/`Equals` (any of the
/// values), `Neq`/`NotEquals` (none of them), and the numeric `Gt`/`Gte`/`Lt`/`Lte` and their
/// long forms.
// https://docs.aws.amazon.com/guardduty/latest/APIReference/API_FindingCriteria.html
fn meets(acct: &Account, f: &Finding, criteria: &Value) -> bool {
    let Some(map) = criteria.get("Criterion").and_then(Value::as_object) else {
        return true;
    };
    map.iter().all(|(name, cond)| {
        let Some(v) = field(acct, f, name) else {
            return false;
        };
        let texts = |k: &str| -> Vec<String> {
            cond.get(k)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let num = v.parse::<f64>().ok();
        let cmp = |k: &str, ok: fn(f64, f64) -> bool| {
            cond.get(k)
                .and_then(Value::as_f64)
                .is_none_or(|bound| num.is_some_and(|n| ok(n, bound)))
        };
        let eq: Vec<String> = [texts("Eq"), texts("Equals")].concat();
        let neq: Vec<String> = [texts("Neq"), texts("NotEquals")].concat();
        (eq.is_empty() || eq.contains(&v))
            && !neq.contains(&v)
            && cmp("Gt", |n, b| n > b)
            && cmp("GreaterThan", |n, b| n > b)
            && cmp("Gte", |n, b| n >= b)
            && cmp("GreaterThanOrEqual", |n, b| n >= b)
            && cmp("Lt", |n, b| n < b)
            && cmp("LessThan", |n, b| n < b)
            && cmp("Lte", |n, b| n <= b)
            && cmp("LessThanOrEqual", |n, b| n <= b)
    })
}

/// Reads a JSON parameter, failing as GuardDuty does for one it cannot read.
fn json_param(c: &Call, a: &Args, flag: &str) -> Result<Option<Value>, AwsError> {
    a.opt(flag)
        .map(|t| {
            serde_json::from_str(t).map_err(|_| {
                c.err(
                    "BadRequestException",
                    format!("The request is rejected because the input {flag} is not valid JSON."),
                )
            })
        })
        .transpose()
}

fn list_findings(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow(
        "guardduty:ListFindings",
        &detector_arn(c, a.s("detector-id")),
        &[],
    )?;
    check_detector(c, a.s("detector-id"))?;
    let criteria = json_param(c, a, "finding-criteria")?.unwrap_or(Value::Null);
    let sort = json_param(c, a, "sort-criteria")?;
    let acct = &*c.account;
    let mut found: Vec<&Finding> = acct
        .guardduty
        .findings
        .iter()
        .filter(|f| meets(acct, f, &criteria))
        .collect();
    if let Some(s) = &sort {
        let by = s.get("AttributeName").and_then(Value::as_str).unwrap_or("");
        let desc = s.get("OrderBy").and_then(Value::as_str) == Some("DESC");
        found.sort_by(|x, y| {
            let o = match by {
                "severity" => x.severity.total_cmp(&y.severity),
                "createdAt" => x.created.cmp(&y.created),
                "updatedAt" => x.updated.cmp(&y.updated),
                "type" => x.kind.cmp(&y.kind),
                _ => std::cmp::Ordering::Equal,
            };
            if desc { o.reverse() } else { o }
        });
    }
    let max = a.int("max-results").unwrap_or(50).clamp(1, 50) as usize;
    let ids: Vec<&String> = found.iter().take(max).map(|f| &f.id).collect();
    Ok(json!({ "FindingIds": ids }))
}

/// `archive-findings` / `unarchive-findings`: no output, as GuardDuty answers.
fn set_archived(c: &mut Call, a: &Args, archived: bool) -> Result<Value, AwsError> {
    let action = if archived {
        "guardduty:ArchiveFindings"
    } else {
        "guardduty:UnarchiveFindings"
    };
    c.allow(action, &detector_arn(c, a.s("detector-id")), &[])?;
    check_detector(c, a.s("detector-id"))?;
    let ids = a.list("finding-ids").to_vec();
    if let Some(bad) = ids
        .iter()
        .find(|id| !c.account.guardduty.findings.iter().any(|f| f.id == **id))
    {
        return Err(c.err(
            "BadRequestException",
            format!("The request is rejected because the input findingId {bad} is not valid."),
        ));
    }
    let now = c.account.now;
    for f in c
        .account
        .guardduty
        .findings
        .iter_mut()
        .filter(|f| ids.contains(&f.id))
    {
        if f.archived != archived {
            f.archived = archived;
            f.updated = now;
        }
    }
    Ok(Value::Null)
}

/// GuardDuty's time format: milliseconds and `Z` (`2026-01-05T09:10:00.000Z`).
fn gd_time(t: Timestamp) -> Value {
    Value::String(t.strftime("%Y-%m-%dT%H:%M:%S.000Z").to_string())
}

fn resource_type(f: &Finding) -> &'static str {
    if f.resource.starts_with("i-") {
        "Instance"
    } else {
        "AccessKey"
    }
}

/// The finding's `Resource`: the instance's details, or the access key's and its user's.
fn resource_json(acct: &Account, f: &Finding) -> Value {
    if let Some(i) = acct.instances.get(&f.resource) {
        return json!({
            "ResourceType": "Instance",
            "InstanceDetails": obj([
                ("InstanceId", json!(i.id)),
                ("InstanceType", json!(i.instance_type)),
                ("InstanceState", json!(i.state.name_code().0)),
                ("LaunchTime", gd_time(i.launched)),
            ]),
        });
    }
    if f.resource.starts_with("i-") {
        return json!({"ResourceType": "Instance", "InstanceDetails": {"InstanceId": f.resource}});
    }
    // Temporary credentials: the role session they act as.
    if let Some(s) = acct.sessions.get(&f.resource)
        && let super::model::SessionKind::Role { role, .. } = &s.kind
    {
        let id = acct
            .roles
            .get(role)
            .map(|r| r.id.clone())
            .unwrap_or_default();
        return json!({"ResourceType": "AccessKey", "AccessKeyDetails": {"AccessKeyId": f.resource, "PrincipalId": id, "UserName": role, "UserType": "AssumedRole"}});
    }
    let details = match acct.key_owner(&f.resource) {
        Some(u) => {
            json!({"AccessKeyId": f.resource, "PrincipalId": u.id, "UserName": u.name, "UserType": "IAMUser"})
        }
        None if f.resource == "root" => {
            json!({"PrincipalId": acct.id, "UserName": "Root", "UserType": "Root"})
        }
        None => json!({"AccessKeyId": f.resource}),
    };
    json!({"ResourceType": "AccessKey", "AccessKeyDetails": details})
}

fn finding_json(acct: &Account, detector: &str, f: &Finding) -> Value {
    json!({
        "AccountId": acct.id,
        "Arn": format!("arn:aws:guardduty:us-east-1:{}:detector/{detector}/finding/{}", acct.id, f.id),
        "CreatedAt": gd_time(f.created),
        "Description": f.description,
        "Id": f.id,
        "Partition": "aws",
        "Region": "us-east-1",
        "Resource": resource_json(acct, f),
        "SchemaVersion": "2.0",
        "Service": {
            "Action": f.action.json(),
            "Archived": f.archived,
            "Count": 1,
            "DetectorId": detector,
            "EventFirstSeen": gd_time(f.created),
            "EventLastSeen": gd_time(f.created),
            "ResourceRole": "TARGET",
            "ServiceName": "guardduty",
        },
        "Severity": f.severity,
        "Title": f.title,
        "Type": f.kind,
        "UpdatedAt": gd_time(f.updated),
    })
}

fn get_findings(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow(
        "guardduty:GetFindings",
        &detector_arn(c, a.s("detector-id")),
        &[],
    )?;
    check_detector(c, a.s("detector-id"))?;
    let ids = a.list("finding-ids");
    let detector = a.s("detector-id");
    let acct = &*c.account;
    let list: Vec<Value> = acct
        .guardduty
        .findings
        .iter()
        .filter(|f| ids.contains(&f.id))
        .map(|f| finding_json(acct, detector, f))
        .collect();
    Ok(json!({ "Findings": list }))
}

/// The detector's ARN, GuardDuty's resource for finding actions.
fn detector_arn(c: &Call, id: &str) -> String {
    format!(
        "arn:aws:guardduty:{}:{}:detector/{id}",
        c.caller.region, c.account.id
    )
}

/// Ten minutes: how long a miner must run before GuardDuty notices it (a simulation choice).
pub const DETECTION_DELAY: SignedDuration = SignedDuration::from_secs(600);
