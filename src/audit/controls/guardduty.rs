//! GuardDuty: Security Hub's GuardDuty.1 (a detector), and our check of its open findings.

use crate::account::ec2::State;
use crate::audit::said::Said;
use crate::msg::audit::Audit;

use super::{Context, Hit, hit, run};

/// GuardDuty.1: GuardDuty has no detector.
pub(super) fn no_detector(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    if a.guardduty.enabled_at.is_some() {
        vec![]
    } else {
        vec![hit(
            cx.root_arn(),
            Said::new(Audit::NoDetector),
            vec![run("aws guardduty create-detector --enable")],
        )]
    }
}

/// IAMDOJO.8: GuardDuty holds a finding of medium severity or more on a live resource.
pub(super) fn open_findings(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.guardduty
        .findings
        .iter()
        .filter(|f| f.severity >= 4.0)
        .filter(|f| {
            !f.resource.starts_with("i-")
                || a.instances
                    .get(&f.resource)
                    .is_some_and(|i| i.state == State::Running)
        })
        .map(|f| {
            hit(
                &f.resource,
                Said::new(Audit::GuardDutyFinding)
                    .with("kind", &f.kind)
                    .quoting("title", &f.title),
                if f.resource.starts_with("i-") {
                    vec![run(format!(
                        "aws ec2 terminate-instances --instance-ids {}",
                        f.resource
                    ))]
                } else {
                    vec![run(format!(
                        "aws iam update-access-key --access-key-id {} --status Inactive",
                        f.resource
                    ))]
                },
            )
        })
        .collect()
}
