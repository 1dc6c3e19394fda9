//! The IAM controls of Security Hub over users, roles, policies and the root user's
//! credentials, and our own IAM checks (administrators, escalation paths, trust policies,
//! unused roles and keys).

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::account::{Account, KeyStatus};
use crate::audit::said::{Arg, Fix, Said, Sep, values};
use crate::lang::Lang;
use crate::msg::audit::Audit;
use crate::policy::Effect;

use super::{Context, Hit, date, days, hit, note, run};

/// IAM.4: The root user has an active access key.
pub(super) fn root_access_key(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.root
        .access_keys
        .iter()
        .filter(|k| k.status == KeyStatus::Active)
        .map(|k| {
            hit(
                cx.root_arn(),
                Said::new(Audit::RootKeyActive)
                    .with("key", &k.id)
                    .with("date", date(k.created)),
                vec![Fix::RunThen(
                    format!("aws iam delete-access-key --access-key-id {}", k.id),
                    Said::new(Audit::AsRoot),
                )],
            )
        })
        .collect()
}

/// IAM.9: The root user signs in without MFA.
pub(super) fn root_mfa(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    if a.root.mfa_enabled {
        vec![]
    } else {
        vec![hit(
            cx.root_arn(),
            Said::new(Audit::RootPasswordAlone),
            vec![note(Audit::RootMfaInConsole)],
        )]
    }
}

/// IAM.6: The root user has no hardware MFA device.
pub(super) fn root_hardware_mfa(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    if a.root.mfa_enabled {
        vec![]
    } else {
        vec![hit(
            cx.root_arn(),
            Said::new(Audit::RootNoMfaDevice),
            vec![note(Audit::RootHardwareMfa)],
        )]
    }
}

/// IAM.1: A customer managed policy allows `*` on `*` (one used only as a permissions boundary grants nothing and is left out).
pub(super) fn admin_policy(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let used = cx.uses();
    a.policies.values().filter(|p| !p.aws_managed).filter(|p| p.default_document().is_some_and(|d| is_admin_document(&d.policy))).filter(|p| !used.boundary_only(&p.arn)).map(|p| hit(&p.arn, Said::new(Audit::AdminDefaultVersion).with("version", &p.default_version).with("policy", &p.name), vec![run(format!("aws iam create-policy-version --policy-arn {} --policy-document file://least-privilege.json --set-as-default", p.arn))])).collect()
}

/// IAM.5: A user with a console password has no MFA device.
pub(super) fn console_without_mfa(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.users
        .values()
        .filter(|u| u.login_profile.is_some() && !u.mfa.iter().any(|d| d.enabled.is_some()))
        .map(|u| {
            hit(
                &u.arn,
                Said::new(Audit::ConsoleWithoutMfa).with("user", &u.name),
                mfa_fix(a, &u.name),
            )
        })
        .collect()
}

/// IAM.19: A user has no MFA device.
pub(super) fn user_without_mfa(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.users
        .values()
        .filter(|u| !u.mfa.iter().any(|d| d.enabled.is_some()))
        .map(|u| {
            hit(
                &u.arn,
                Said::new(Audit::UserNoMfa).with("user", &u.name),
                mfa_fix(a, &u.name),
            )
        })
        .collect()
}

/// IAM.3: An active access key is older than 90 days.
pub(super) fn old_access_key(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    a.users.values().flat_map(|u| u.access_keys.iter().filter(move |k| k.status == KeyStatus::Active && days(k.created, now) > 90).map(move |k| hit(&u.arn, Said::new(Audit::KeyAge).with("user", &u.name).with("key", &k.id).with("days", days(k.created, now)).with("date", date(k.created)), vec![run(format!("aws iam create-access-key --user-name {}", u.name)), note(Audit::MoveToNewKey), run(format!("aws iam update-access-key --user-name {} --access-key-id {} --status Inactive", u.name, k.id)), run(format!("aws iam delete-access-key --user-name {} --access-key-id {}", u.name, k.id))]))).collect()
}

/// IAM.8: A password or active key unused for more than 90 days.
pub(super) fn unused_90_days(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    unused_credentials(a, now, 90)
}

/// IAM.22: A password or active key unused for more than 45 days.
pub(super) fn unused_45_days(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    unused_credentials(a, now, 45)
}

/// IAM.2: A user has policies of its own (attached or inline) instead of through a group.
pub(super) fn user_policies(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.users
        .values()
        .filter(|u| !u.attached.is_empty() || !u.inline.is_empty())
        .map(|u| {
            let names: Vec<Arg> = u
                .attached
                .iter()
                .map(|p| Arg::Value(p.rsplit('/').next().unwrap_or(p).to_string()))
                .chain(
                    u.inline
                        .keys()
                        .map(|k| Said::new(Audit::InlineName).with("name", k).into()),
                )
                .collect();
            let mut fix: Vec<Fix> = u
                .attached
                .iter()
                .map(|p| {
                    run(format!(
                        "aws iam detach-user-policy --user-name {} --policy-arn {p}",
                        u.name
                    ))
                })
                .collect();
            fix.extend(u.inline.keys().map(|k| {
                run(format!(
                    "aws iam delete-user-policy --user-name {} --policy-name {k}",
                    u.name
                ))
            }));
            fix.insert(
                0,
                Fix::RunFilling(
                    format!(
                        "aws iam add-user-to-group --user-name {} --group-name {{group}}",
                        u.name
                    ),
                    vec![("group", Audit::HoleGroupWithThese)],
                ),
            );
            let msg = if names.len() == 1 {
                Audit::UserPolicyAttached
            } else {
                Audit::UserPoliciesAttached
            };
            hit(
                &u.arn,
                Said::new(msg)
                    .with("user", &u.name)
                    .listing("names", names, Sep::Comma),
                fix,
            )
        })
        .collect()
}

/// IAM.21: A customer managed policy allows every action of a service (`s3:*`).
pub(super) fn service_wildcards(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let used = cx.uses();
    a.policies.values().filter(|p| !p.aws_managed).filter_map(|p| {
        let d = p.default_document()?;
        // `Allow` with `NotAction: "s3:*"` allows every other service whole: it fails too.
        // Ordered by their English, as the evidence always listed them.
        let wild: BTreeMap<String, Arg> = d.policy.statements.iter().filter(|s| s.effect == Effect::Allow).flat_map(|s| s.action.patterns.iter().map(move |a| (s.action.negated, a))).filter(|(_, a)| a.raw.value.ends_with(":*")).map(|(neg, a)| {
            let arg = if neg { Said::new(Audit::EverythingBut).with("action", &a.raw.value).into() } else { Arg::Value(a.raw.value.clone()) };
            (arg.render(Lang::En), arg)
        }).collect();
        (!wild.is_empty() && !used.boundary_only(&p.arn)).then(|| hit(&p.arn, Said::new(Audit::PolicyAllows).with("policy", &p.name).listing("actions", wild.into_values().collect(), Sep::Comma), vec![run(format!("aws iam create-policy-version --policy-arn {} --policy-document file://only-needed-actions.json --set-as-default", p.arn))]))
    }).collect()
}

/// IAM.27: A user, group or role has `AWSCloudShellFullAccess` attached.
pub(super) fn cloudshell_full_access(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";
    let mut out: Vec<Hit> = Vec::new();
    for u in a
        .users
        .values()
        .filter(|u| u.attached.iter().any(|p| p == arn))
    {
        out.push(hit(
            &u.arn,
            Said::new(Audit::CloudShellUser).with("user", &u.name),
            vec![run(format!(
                "aws iam detach-user-policy --user-name {} --policy-arn {arn}",
                u.name
            ))],
        ));
    }
    for g in a
        .groups
        .values()
        .filter(|g| g.attached.iter().any(|p| p == arn))
    {
        out.push(hit(
            &g.arn,
            Said::new(Audit::CloudShellGroup).with("group", &g.name),
            vec![run(format!(
                "aws iam detach-group-policy --group-name {} --policy-arn {arn}",
                g.name
            ))],
        ));
    }
    for r in a
        .roles
        .values()
        .filter(|r| r.attached.iter().any(|p| p == arn))
    {
        out.push(hit(
            &r.arn,
            Said::new(Audit::CloudShellRole).with("role", &r.name),
            vec![run(format!(
                "aws iam detach-role-policy --role-name {} --policy-arn {arn}",
                r.name
            ))],
        ));
    }
    out
}

/// IAM.18: Nobody has `AWSSupportAccess`.
pub(super) fn no_support_role(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let arn = "arn:aws:iam::aws:policy/AWSSupportAccess";
    // The AWS Config rule behind it passes when any user, group or role has the policy.
    if a.roles
        .values()
        .any(|r| r.attached.iter().any(|p| p == arn))
        || a.groups
            .values()
            .any(|g| g.attached.iter().any(|p| p == arn))
        || a.users
            .values()
            .any(|u| u.attached.iter().any(|p| p == arn))
    {
        vec![]
    } else {
        vec![hit(
            cx.root_arn(),
            Said::new(Audit::NoSupportRole),
            vec![
                run(
                    "aws iam create-role --role-name SupportRole --assume-role-policy-document file://trust-account.json",
                ),
                run(format!(
                    "aws iam attach-role-policy --role-name SupportRole --policy-arn {arn}"
                )),
            ],
        )]
    }
}

/// IAMDOJO.1: More than one principal is a full administrator.
pub(super) fn administrators(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let admins = crate::audit::escalation::admins(a);
    if admins.len() <= 1 {
        return vec![];
    }
    let names = values(
        admins
            .iter()
            .map(|x| x.rsplit([':', '/']).next().unwrap_or(x)),
    );
    admins
        .iter()
        .map(|p| {
            hit(
                p,
                Said::new(Audit::Administrators)
                    .with("n", admins.len())
                    .listing("names", names.clone(), Sep::Comma),
                vec![Fix::Note(
                    Said::new(Audit::KeepOneAdmin)
                        .with("name", p.rsplit(['/', ':']).next().unwrap_or(p)),
                )],
            )
        })
        .collect()
}

/// IAMDOJO.2: A principal can make itself (or become) more powerful.
pub(super) fn escalation_paths(cx: &Context) -> Vec<Hit> {
    cx.escalation_paths()
        .into_iter()
        .map(|p| {
            let from = p
                .from
                .rsplit(['/', ':'])
                .next()
                .unwrap_or(&p.from)
                .to_string();
            let steps = p.steps.into_iter().map(Arg::Said).collect();
            let mut h = hit(
                &p.from,
                Said::new(Audit::EscalationPath)
                    .with("from", &from)
                    .listing("steps", steps, Sep::Arrow),
                vec![Fix::Note(
                    Said::new(Audit::RemovePermission)
                        .with("permission", &p.permission)
                        .with("name", &from),
                )],
            );
            h.walk = Some(super::Walk {
                id: p.id,
                commands: p
                    .walk
                    .into_iter()
                    .flat_map(|m| {
                        // A file the command reads is shown before it, as a comment.
                        let file = m.writes.map(|(name, text)| {
                            format!("# {name}: {}", text.trim_end().replace('\n', "; "))
                        });
                        file.into_iter().chain(std::iter::once(m.line))
                    })
                    .collect(),
            });
            h
        })
        .collect()
}

/// True when condition `c` admits only the values it names: a positive string comparison
/// (`StringEquals`, `StringEqualsIgnoreCase`, `StringLike`, without `IfExists` or
/// `ForAllValues`, which let a request without the key through), none of whose values is wildcards alone. With `owner`,
/// each value must also name an owner before its first wildcard (`repo:aozora/*`, not
/// `repo:*`): a GitHub `sub` that any repository's token matches binds nothing
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html>,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html>).
fn pins(c: &crate::policy::Condition, owner: bool) -> bool {
    use crate::policy::condition::OpBase;
    let positive = matches!(
        c.operator.base,
        OpBase::StringEquals | OpBase::StringEqualsIgnoreCase | OpBase::StringLike
    );
    let like = c.operator.base == OpBase::StringLike;
    let names = |v: &String| {
        let fixed = if like {
            v.split(['*', '?']).next().unwrap_or_default()
        } else {
            v.as_str()
        };
        !fixed.is_empty() && (!owner || fixed.len() == v.len() || fixed.contains('/'))
    };
    positive
        && !c.operator.if_exists
        // `ForAllValues` holds for a request without the key.
        && c.operator.qualifier != Some(crate::policy::condition::SetQualifier::ForAllValues)
        && !c.raw_values.is_empty()
        && c.raw_values.iter().all(names)
}

/// IAMDOJO.3: A role can be assumed by anyone, by every identity of a web identity provider, or by another account without an external id.
pub(super) fn open_trust(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.roles.values().filter_map(|r| {
        let mut oidc = false;
        let bad: Vec<Arg> = r.trust.policy.statements.iter().filter(|s| s.effect == Effect::Allow).filter_map(|s| {
            let p = s.principal.as_ref()?;
            let external = s.conditions.iter().any(|c| c.key_lower == "sts:externalid" && pins(c, false));
            let org = s.conditions.iter().any(|c| c.key_lower == "aws:principalorgid" || c.key_lower == "aws:principalaccount");
            if (p.everyone || p.entries.iter().any(|(_, v)| v.value == "*")) && !org { return Some(Said::new(Audit::Anyone).into()); }
            // A web identity provider (OIDC) admits every identity it issues tokens for
            // unless a condition names the subject (for GitHub, the repository).
            let unbound_oidc: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Federated).map(|(_, v)| v.value.as_str()).filter(|v| v.contains(":oidc-provider/")).filter(|v| {
                let host = v.split(":oidc-provider/").nth(1).unwrap_or_default().to_ascii_lowercase();
                !s.conditions.iter().any(|c| c.key_lower == format!("{host}:sub") && pins(c, true))
            }).collect();
            if !unbound_oidc.is_empty() {
                oidc = true;
                return Some(Said::new(Audit::EveryOidcIdentity).listing("providers", values(unbound_oidc), Sep::Comma).into());
            }
            let other: Vec<&str> = p.entries.iter().filter(|(k, _)| *k == crate::policy::PrincipalKind::Aws).map(|(_, v)| v.value.as_str()).filter(|v| *v != "*" && !v.contains(&a.id)).collect();
            (!other.is_empty() && !external).then(|| Said::new(Audit::AccountsWithoutExternalId).listing("accounts", values(other), Sep::Comma).into())
        }).collect();
        (!bad.is_empty()).then(|| hit(&r.arn, Said::new(Audit::AssumableBy).with("role", &r.name).listing("who", bad, Sep::Semicolon), vec![run(format!("aws iam update-assume-role-policy --role-name {} --policy-document file://{}", r.name, if oidc { "trust-with-sub.json" } else { "trust-with-external-id.json" }))]))
    }).collect()
}

/// IAMDOJO.4: A role (not service-linked) unused for more than 90 days.
pub(super) fn unused_roles(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    a.roles
        .values()
        .filter(|r| !r.path.starts_with("/aws-service-role/"))
        .filter(|r| {
            days(
                r.last_used.as_ref().map(|l| l.date).unwrap_or(r.created),
                now,
            ) > 90
        })
        .map(|r| {
            let evidence = match &r.last_used {
                Some(l) => Said::new(Audit::RoleLastUsed)
                    .with("role", &r.name)
                    .with("date", date(l.date)),
                None => Said::new(Audit::RoleNeverUsed)
                    .with("role", &r.name)
                    .with("date", date(r.created)),
            };
            hit(
                &r.arn,
                evidence,
                vec![Fix::RunThen(
                    format!("aws iam delete-role --role-name {}", r.name),
                    Said::new(Audit::AfterDetaching),
                )],
            )
        })
        .collect()
}

/// IAMDOJO.9: An active access key never used in the week since it was made.
pub(super) fn key_never_used(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let now = cx.now;
    a.users
        .values()
        .flat_map(|u| {
            u.access_keys
                .iter()
                .filter(move |k| {
                    k.status == KeyStatus::Active
                        && k.last_used.is_none()
                        && days(k.created, now) > 7
                })
                .map(move |k| {
                    hit(
                        &u.arn,
                        Said::new(Audit::KeyNeverUsed)
                            .with("user", &u.name)
                            .with("key", &k.id)
                            .with("date", date(k.created)),
                        vec![run(format!(
                            "aws iam delete-access-key --user-name {} --access-key-id {}",
                            u.name, k.id
                        ))],
                    )
                })
        })
        .collect()
}

fn mfa_fix(a: &Account, user: &str) -> Vec<Fix> {
    vec![
        run(format!(
            "aws iam create-virtual-mfa-device --virtual-mfa-device-name {user}"
        )),
        Fix::RunFilling(
            format!(
                "aws iam enable-mfa-device --user-name {user} --serial-number arn:aws:iam::{}:mfa/{user} --authentication-code1 {{code}} --authentication-code2 {{next}}",
                a.id
            ),
            vec![("code", Audit::HoleCode), ("next", Audit::HoleNextCode)],
        ),
    ]
}

fn unused_credentials(a: &Account, now: Timestamp, limit: i64) -> Vec<Hit> {
    let mut out = Vec::new();
    for u in a.users.values() {
        if let Some(lp) = &u.login_profile {
            let last = lp.last_used.unwrap_or(lp.created);
            if days(last, now) > limit {
                let evidence = match lp.last_used {
                    Some(t) => Said::new(Audit::PasswordLastUsed).with("date", date(t)),
                    None => Said::new(Audit::PasswordNeverUsed).with("date", date(lp.created)),
                };
                out.push(hit(
                    &u.arn,
                    evidence.with("user", &u.name),
                    vec![run(format!(
                        "aws iam delete-login-profile --user-name {}",
                        u.name
                    ))],
                ));
            }
        }
        for k in u
            .access_keys
            .iter()
            .filter(|k| k.status == KeyStatus::Active)
        {
            let last = k.last_used.as_ref().map(|l| l.date).unwrap_or(k.created);
            if days(last, now) > limit {
                let evidence = match &k.last_used {
                    Some(l) => Said::new(Audit::KeyLastUsed).with("date", date(l.date)),
                    None => Said::new(Audit::KeyNeverUsedSince).with("date", date(k.created)),
                };
                out.push(hit(
                    &u.arn,
                    evidence.with("user", &u.name).with("key", &k.id),
                    vec![run(format!(
                        "aws iam update-access-key --user-name {} --access-key-id {} --status Inactive",
                        u.name, k.id
                    ))],
                ));
            }
        }
    }
    out
}

/// True when a policy allows `*` on `*` with no condition (full administrator).
pub(super) fn is_admin_document(p: &crate::policy::Policy) -> bool {
    p.statements.iter().any(|s| {
        s.effect == Effect::Allow
            && s.conditions.is_empty()
            && !s.action.negated
            && s.action.patterns.iter().any(|a| a.raw.value == "*")
            && s.resource
                .as_ref()
                .is_some_and(|r| !r.negated && r.patterns.iter().any(|p| p.raw.value == "*"))
    })
}
