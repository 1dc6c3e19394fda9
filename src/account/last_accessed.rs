//! IAM's service last accessed report (Access Advisor): `generate-service-last-accessed-details`
//! works out, for a user, group, role or managed policy, which services its policies allow
//! and when each was last used, read from the simulated CloudTrail; the report is kept under
//! its job id for `get-service-last-accessed-details`. The sandbox completes a job at once, so
//! a job is never `IN_PROGRESS`.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;
use serde_json::{Value, json};

use super::Account;
use super::command::{Args, Call, obj, time};
use super::error::AwsError;
use crate::policy::{Effect, Policy};

/// One service of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAccess {
    /// The service namespace, e.g. `s3`.
    pub namespace: String,
    /// When an entity last attempted to use it, with that entity's ARN and the region.
    pub last: Option<(Timestamp, String, String)>,
    /// How many of the report's entities used it.
    pub entities: usize,
}

/// A finished report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// When it was asked for (and finished).
    pub created: Timestamp,
    /// The services the entity's policies allow, by namespace.
    pub services: Vec<ServiceAccess>,
}

/// The services the sandbox simulates: a policy that allows `*` (or `NotAction`) is reported
/// against these. Each with the name Access Advisor shows for it.
const SERVICES: &[(&str, &str)] = &[
    ("budgets", "AWS Budgets"),
    ("ce", "AWS Cost Explorer Service"),
    ("cloudtrail", "AWS CloudTrail"),
    ("cloudwatch", "Amazon CloudWatch"),
    ("ec2", "Amazon EC2"),
    ("guardduty", "Amazon GuardDuty"),
    ("iam", "AWS Identity and Access Management"),
    ("s3", "Amazon S3"),
    ("sts", "AWS Security Token Service"),
];

/// The name Access Advisor shows for `namespace` (the namespace itself for a service the
/// sandbox does not simulate).
fn service_name(namespace: &str) -> &str {
    SERVICES
        .iter()
        .find(|(n, _)| *n == namespace)
        .map_or(namespace, |(_, name)| name)
}

/// The service namespaces `policies` allow some action of.
fn allowed_services(policies: &[Arc<Policy>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |ns: &str| {
        if !out.iter().any(|o| o == ns) {
            out.push(ns.to_string());
        }
    };
    for p in policies {
        for st in p.statements.iter().filter(|s| s.effect == Effect::Allow) {
            if st.action.negated {
                SERVICES.iter().for_each(|(n, _)| add(n));
                continue;
            }
            for pat in &st.action.patterns {
                let literal = pat.raw.value.split(':').next().unwrap_or("").to_lowercase();
                if !literal.contains(['*', '?']) && !literal.is_empty() {
                    add(&literal);
                }
                for (n, _) in SERVICES {
                    if pat.service.matches(n) {
                        add(n);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// The namespace of a CloudTrail event source (`monitoring.amazonaws.com` is CloudWatch's).
fn namespace_of(source: &str) -> &str {
    match source.strip_suffix(".amazonaws.com").unwrap_or(source) {
        "monitoring" => "cloudwatch",
        other => other,
    }
}

/// What a report is about: the identity policies it covers, and the ARNs of the principals
/// whose calls count (a group's members, a policy's users and roles).
struct Subject {
    policies: Vec<Arc<Policy>>,
    users: Vec<String>,
    roles: Vec<String>,
}

fn managed_documents(acct: &Account, arns: &[String]) -> Vec<Arc<Policy>> {
    arns.iter()
        .filter_map(|a| acct.policies.get(a))
        .filter_map(|p| p.default_document())
        .map(|d| d.policy.clone())
        .collect()
}

/// The subject of `arn`, or `None` when it names no user, group, role or policy of the
/// account.
fn subject(acct: &mut Account, arn: &str) -> Option<Subject> {
    let name = arn.rsplit('/').next().unwrap_or("");
    if arn.contains(":user/") {
        let u = acct.users.get(name)?;
        let mut policies: Vec<Arc<Policy>> = u.inline.values().map(|d| d.policy.clone()).collect();
        policies.extend(managed_documents(acct, &u.attached));
        for g in u.groups.iter().filter_map(|g| acct.groups.get(g)) {
            policies.extend(g.inline.values().map(|d| d.policy.clone()));
            policies.extend(managed_documents(acct, &g.attached));
        }
        return Some(Subject {
            policies,
            users: vec![name.to_string()],
            roles: Vec::new(),
        });
    }
    if arn.contains(":group/") {
        let g = acct.groups.get(name)?;
        let mut policies: Vec<Arc<Policy>> = g.inline.values().map(|d| d.policy.clone()).collect();
        policies.extend(managed_documents(acct, &g.attached));
        let users = acct.group_members(name);
        return Some(Subject {
            policies,
            users,
            roles: Vec::new(),
        });
    }
    if arn.contains(":role/") {
        let r = acct.roles.get(name)?;
        let mut policies: Vec<Arc<Policy>> = r.inline.values().map(|d| d.policy.clone()).collect();
        policies.extend(managed_documents(acct, &r.attached));
        return Some(Subject {
            policies,
            users: Vec::new(),
            roles: vec![name.to_string()],
        });
    }
    if arn.contains(":policy/") {
        let doc = acct.managed_policy(arn)?.default_document()?.policy.clone();
        let held = acct.policy_holders(arn);
        let mut users: Vec<String> = held.users.iter().cloned().collect();
        for g in &held.groups {
            users.extend(acct.group_members(g));
        }
        users.sort();
        users.dedup();
        return Some(Subject {
            policies: vec![doc],
            users,
            roles: held.roles.iter().cloned().collect(),
        });
    }
    None
}

/// Works out the report on `arn` from the event history.
fn report(acct: &mut Account, arn: &str) -> Option<Report> {
    let s = subject(acct, arn)?;
    let id = acct.id.clone();
    // The ARN each counted principal's calls carry, with the ARN the report names it by.
    let mut who: Vec<(String, String)> = Vec::new();
    for u in &s.users {
        if let Some(user) = acct.users.get(u) {
            who.push((user.arn.clone(), user.arn.clone()));
        }
    }
    for r in &s.roles {
        if let Some(role) = acct.roles.get(r) {
            who.push((
                format!("arn:aws:sts::{id}:assumed-role/{r}/"),
                role.arn.clone(),
            ));
        }
    }
    let mut services = Vec::new();
    for ns in allowed_services(&s.policies) {
        let mut last: Option<(Timestamp, String, String)> = None;
        let mut seen: Vec<&str> = Vec::new();
        for e in acct
            .cloudtrail
            .events
            .iter()
            .filter(|e| namespace_of(&e.source) == ns)
        {
            let Some((_, entity)) = who.iter().find(|(caller, entity)| {
                e.arn == *caller
                    || caller.ends_with('/') && e.arn.starts_with(caller.as_str())
                    || e.arn == *entity
            }) else {
                continue;
            };
            if !seen.contains(&entity.as_str()) {
                seen.push(entity);
            }
            if last.as_ref().is_none_or(|(t, _, _)| e.time >= *t) {
                last = Some((e.time, entity.clone(), e.region.clone()));
            }
        }
        services.push(ServiceAccess {
            namespace: ns,
            last,
            entities: seen.len(),
        });
    }
    Some(Report {
        created: acct.now,
        services,
    })
}

/// `iam generate-service-last-accessed-details --arn ARN`.
pub fn generate(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let arn = a.s("arn").to_string();
    if !super::rules::is_arn(&arn) {
        return Err(AwsError::invalid_arn(c.operation, &arn));
    }
    c.allow("iam:GenerateServiceLastAccessedDetails", &arn, &[])?;
    if let Some(g) = a.opt("granularity")
        && g != "SERVICE_LEVEL"
        && g != "ACTION_LEVEL"
    {
        return Err(AwsError::validation(
            c.operation,
            format!(
                "1 validation error detected: Value '{g}' at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: [SERVICE_LEVEL, ACTION_LEVEL]"
            ),
        ));
    }
    let Some(r) = report(c.account, &arn) else {
        return Err(AwsError::new(
            c.operation,
            "NoSuchEntity",
            format!("The entity {arn} cannot be found."),
        ));
    };
    let hex = c.account.new_hex(32);
    let job = format!(
        "{}-{}-{}-{}-{}",
        hex.get(..8).unwrap_or(""),
        hex.get(8..12).unwrap_or(""),
        hex.get(12..16).unwrap_or(""),
        hex.get(16..20).unwrap_or(""),
        hex.get(20..32).unwrap_or("")
    );
    c.account.access_reports.insert(job.clone(), r);
    Ok(json!({ "JobId": job }))
}

/// `iam get-service-last-accessed-details --job-id ID`.
pub fn get(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GetServiceLastAccessedDetails", "*", &[])?;
    let job = a.s("job-id");
    let Some(r) = c.account.access_reports.get(job) else {
        return Err(AwsError::new(
            c.operation,
            "NoSuchEntity",
            format!("No report found for job {job}."),
        ));
    };
    let services: Vec<Value> = r
        .services
        .iter()
        .map(|s| {
            let (t, entity, region) = match &s.last {
                Some((t, e, r)) => (time(*t), json!(e), json!(r)),
                None => (Value::Null, Value::Null, Value::Null),
            };
            obj([
                ("ServiceName", json!(service_name(&s.namespace))),
                ("LastAuthenticated", t),
                ("ServiceNamespace", json!(s.namespace)),
                ("LastAuthenticatedEntity", entity),
                ("LastAuthenticatedRegion", region),
                ("TotalAuthenticatedEntities", json!(s.entities)),
            ])
        })
        .collect();
    Ok(json!({
        "JobStatus": "COMPLETED",
        "JobType": "SERVICE_LEVEL",
        "JobCreationDate": time(r.created),
        "ServicesLastAccessed": services,
        "JobCompletionDate": time(r.created),
        "IsTruncated": false,
    }))
}

/// Reports by job id, as `Account::access_reports` keeps them.
pub type Reports = BTreeMap<String, Report>;
