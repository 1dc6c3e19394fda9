//! GuardDuty: a detector that, once enabled, turns suspicious activity in the account into
//! findings of AWS's finding types — crypto mining on an instance, API calls from a known
//! malicious IP, use of the root user.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::Account;
use super::command::{Args, Call, Spec, time};
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
            new.push((kind, 8.0, format!("EC2 instance {} is querying a domain name that is associated with Bitcoin-related activity.", i.id), format!("The instance {} ({}) was launched by {} from {} and is communicating with a cryptocurrency mining pool.", i.id, i.instance_type, i.launched_by, i.launched_from), i.id.clone()));
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
                new.push((kind, 5.0, format!("An API was invoked from a known malicious IP address {}.", e.source_ip), format!("The API {} was called with access key {key} ({}) from {}, an IP address on a threat list.", e.name, e.arn, e.source_ip), key.clone()));
            }
        }
        if e.identity_type == "Root" {
            let kind = "Policy:IAMUser/RootCredentialUsage";
            let res = "root".to_string();
            if !has(&acct.guardduty, kind, &res) && !new.iter().any(|n| n.0 == kind) {
                new.push((kind, 2.0, "API was invoked using root credentials.".into(), format!("The root user called {} from {}. Use the root user only for the few tasks that need it.", e.name, e.source_ip), res));
            }
        }
    }
    for (kind, severity, title, description, resource) in new {
        let id = acct.new_hex(32);
        acct.guardduty.findings.push(Finding {
            id,
            kind: kind.to_string(),
            severity,
            title,
            description,
            resource,
            created: now,
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

fn list_findings(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("guardduty:ListFindings", "*", &[])?;
    check_detector(c, a.s("detector-id"))?;
    let ids: Vec<&String> = c.account.guardduty.findings.iter().map(|f| &f.id).collect();
    Ok(json!({ "FindingIds": ids }))
}

fn get_findings(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("guardduty:GetFindings", "*", &[])?;
    check_detector(c, a.s("detector-id"))?;
    let ids = a.list("finding-ids");
    let acct = &*c.account;
    let list: Vec<Value> = acct
        .guardduty
        .findings
        .iter()
        .filter(|f| ids.contains(&f.id))
        .map(|f| json!({"Id": f.id, "Type": f.kind, "Severity": f.severity, "Title": f.title, "Description": f.description, "AccountId": acct.id, "Region": "us-east-1", "CreatedAt": time(f.created), "Resource": {"ResourceType": if f.resource.starts_with("i-") { "Instance" } else { "AccessKey" }, "Id": f.resource}}))
        .collect();
    Ok(json!({ "Findings": list }))
}

/// Ten minutes: how long a miner must run before GuardDuty notices it (a simulation choice).
pub const DETECTION_DELAY: SignedDuration = SignedDuration::from_secs(600);
