//! The tagging controls of Security Hub for IAM identities (IAM.24, IAM.25): with no
//! `requiredTagKeys` given, as iamdojo runs them, a role or user fails when it has no tag
//! whose key does not start with `aws:` (system tags are ignored).

use crate::account::Tag;
use crate::audit::said::{Fix, Said};
use crate::msg::audit::Audit;

use super::{Context, Hit, hit};

/// True when none of the tags is the owner's own (AWS's system tags start with `aws:`).
fn untagged(tags: &[Tag]) -> bool {
    !tags
        .iter()
        .any(|t| !t.key.to_ascii_lowercase().starts_with("aws:"))
}

/// IAM.24: a role has no tags.
pub(super) fn untagged_roles(cx: &Context) -> Vec<Hit> {
    cx.account
        .roles
        .values()
        .filter(|r| untagged(&r.tags))
        .map(|r| {
            hit(
                &r.arn,
                Said::new(Audit::RoleUntagged).with("role", &r.name),
                vec![Fix::RunFilling(
                    format!(
                        "aws iam tag-role --role-name {} --tags Key=owner,Value={{team}}",
                        r.name
                    ),
                    vec![("team", Audit::HoleOwningTeam)],
                )],
            )
        })
        .collect()
}

/// IAM.25: a user has no tags.
pub(super) fn untagged_users(cx: &Context) -> Vec<Hit> {
    cx.account
        .users
        .values()
        .filter(|u| untagged(&u.tags))
        .map(|u| {
            hit(
                &u.arn,
                Said::new(Audit::UserUntagged).with("user", &u.name),
                vec![Fix::RunFilling(
                    format!(
                        "aws iam tag-user --user-name {} --tags Key=owner,Value={{team}}",
                        u.name
                    ),
                    vec![("team", Audit::HoleOwningTeam)],
                )],
            )
        })
        .collect()
}
