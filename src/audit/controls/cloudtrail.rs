//! What CloudTrail shows: Security Hub's CloudTrail.1 (a logging multi-Region trail), and our
//! checks over its events (the root user used, an access key used where it should not be).

use std::collections::BTreeSet;

use crate::audit::said::{Said, Sep, values};
use crate::msg::audit::Audit;

use super::{Context, Hit, date, days, hit, note, run};

/// CloudTrail.1: No multi-Region trail is logging.
pub(super) fn no_trail(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    if a.cloudtrail
        .trails
        .iter()
        .any(|t| t.logging && t.multi_region)
    {
        return vec![];
    }
    let evidence = if a.cloudtrail.trails.is_empty() {
        Said::new(Audit::NoTrail)
    } else {
        Said::new(Audit::TrailsNotLogging).with("n", a.cloudtrail.trails.len())
    };
    vec![hit(
        cx.root_arn(),
        evidence,
        vec![
            run("aws s3api create-bucket --bucket audit-logs-<account-id>"),
            note(Audit::TrailBucketPolicy),
            run(
                "aws s3api put-bucket-policy --bucket audit-logs-<account-id> --policy file://cloudtrail-bucket-policy.json",
            ),
            run(
                "aws cloudtrail create-trail --name main --s3-bucket-name audit-logs-<account-id> --is-multi-region-trail --enable-log-file-validation",
            ),
            run("aws cloudtrail start-logging --name main"),
        ],
    )]
}

/// IAMDOJO.6: The root user signed in or made calls in the last 30 days.
pub(super) fn root_used(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    let api = a
        .cloudtrail
        .events
        .iter()
        .filter(|e| e.identity_type == "Root" && days(e.time, now) <= 30)
        .count();
    let signin = a.root.last_sign_in.filter(|t| days(*t, now) <= 30);
    if api == 0 && signin.is_none() {
        return vec![];
    }
    let mut ev = Vec::new();
    if let Some(t) = signin {
        ev.push(Said::new(Audit::RootSignIn).with("date", date(t)).into());
    }
    if api > 0 {
        ev.push(Said::new(Audit::RootApiCalls).with("n", api).into());
    }
    vec![hit(
        cx.root_arn(),
        Said::new(Audit::RootUsed).listing("what", ev, Sep::Comma),
        vec![note(Audit::RootForRootTasks)],
    )]
}

/// IAMDOJO.7: An access key was used from a threat-listed address or from more than one Region.
pub(super) fn key_misused(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for e in &a.cloudtrail.events {
        let Some(k) = &e.access_key_id else { continue };
        // The same threat list as GuardDuty's: the account's own, else the default.
        let threat = crate::account::guardduty::malicious(&a.guardduty, &e.source_ip);
        let regions: BTreeSet<&str> = a
            .cloudtrail
            .events
            .iter()
            .filter(|x| x.access_key_id.as_deref() == Some(k))
            .map(|x| x.region.as_str())
            .collect();
        if (threat || regions.len() > 1) && seen.insert(k.clone()) {
            let user = e.arn.clone();
            let why = if threat {
                Said::new(Audit::KeyFromThreatList)
                    .with("key", k)
                    .with("api", &e.name)
                    .with("ip", &e.source_ip)
            } else {
                Said::new(Audit::KeyFromRegions)
                    .with("key", k)
                    .with("n", regions.len())
                    .listing("regions", values(regions), Sep::Comma)
            };
            out.push(hit(user.clone(), why, vec![run(format!("aws iam update-access-key --user-name {} --access-key-id {k} --status Inactive", user.rsplit('/').next().unwrap_or(&user))), run(format!("aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue={k}"))]));
        }
    }
    out
}
