//! `iamdojo access`: who can do what. `--action A --resource R` lists every principal that
//! may, with the statement that decides; `--principal P` lists what one principal may do, by
//! service and access level. Every answer is a decision of the evaluator.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args as ClapArgs, ValueEnum};
use serde_json::json;

use super::LangArg;
use crate::account::Account;
use crate::account::authz::{Caller, Identity};
use crate::audit::catalog::Catalog;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::audit::Audit;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable lines.
    Table,
    /// JSON for scripts.
    Json,
}

/// Arguments of `access`.
#[derive(Debug, ClapArgs)]
#[command(
    after_long_help = "Examples:\n  iamdojo access --action iam:CreateUser --scenario account.yaml\n  iamdojo access --action s3:GetObject --resource arn:aws:s3:::payroll/2026.csv --gaad gaad.json\n  iamdojo access --principal user/alice --scenario account.yaml\n\nExit status: 0 ok, 2 bad input."
)]
pub struct Args {
    /// An action: list every principal allowed to perform it.
    #[arg(
        long,
        value_name = "ACTION",
        required_unless_present = "principal",
        conflicts_with = "principal"
    )]
    pub action: Option<String>,
    /// The resource ARN for --action (default `*`).
    #[arg(long, value_name = "ARN", requires = "action")]
    pub resource: Option<String>,
    /// A principal (user/NAME, role/NAME or an ARN): list what it may do.
    #[arg(long, value_name = "PRINCIPAL")]
    pub principal: Option<String>,
    /// A scenario file describing the account.
    #[arg(long, value_name = "FILE", conflicts_with = "gaad")]
    pub scenario: Option<PathBuf>,
    /// The JSON of `aws iam get-account-authorization-details`.
    #[arg(long, value_name = "FILE")]
    pub gaad: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// The language of the readable lines (default: from the locale, LANG); the JSON output
    /// is the same in every language.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

fn principals(a: &Account) -> Vec<(String, Caller)> {
    let mut v: Vec<(String, Caller)> = vec![(
        format!("arn:aws:iam::{}:root", a.id),
        Caller::probe(Identity::Root, None),
    )];
    v.extend(a.users.values().map(|u| {
        (
            u.arn.clone(),
            Caller::probe(Identity::User(u.name.clone()), None),
        )
    }));
    v.extend(a.roles.values().map(|r| {
        (
            r.arn.clone(),
            Caller::probe(
                Identity::Role {
                    role: r.name.clone(),
                    session: "access".into(),
                },
                None,
            ),
        )
    }));
    v
}

/// The resource's own policy: a bucket policy, or a role's trust policy.
fn resource_policy<'a>(a: &'a Account, resource: &str) -> Option<&'a crate::account::Document> {
    if let Some(rest) = resource.strip_prefix("arn:aws:s3:::") {
        let bucket = rest.split('/').next().unwrap_or(rest);
        return a.buckets.get(bucket).and_then(|b| b.policy.as_ref());
    }
    a.roles
        .values()
        .find(|r| r.arn == resource)
        .map(|r| &r.trust)
}

/// Runs the command, writing to `out`; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let lang = super::lang_or_locale(args.lang);
    let (account, others) = match super::audit::load_accounts(
        args.scenario.as_ref(),
        args.gaad.as_ref(),
        None,
        None,
        lang,
    ) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("iamdojo access: {}", e.say(lang));
            return Ok(2);
        }
    };
    match (&args.action, &args.principal) {
        (Some(action), _) => who_can(
            &account,
            action,
            args.resource.as_deref().unwrap_or("*"),
            args.format,
            lang,
            out,
        ),
        (None, Some(p)) => what_can(&account, &others, p, args.format, lang, out),
        (None, None) => {
            eprintln!(
                "iamdojo access: {}",
                Audit::GiveActionOrPrincipal.text(lang)
            );
            Ok(2)
        }
    }
}

/// Why a principal may: the statements that allow it, or the reason when none is needed.
enum Because {
    /// A statement of a policy.
    Statement(crate::eval::MatchedStatement),
    /// The decision's reason, when no statement took part.
    Reason(crate::eval::Reason),
}

impl Because {
    /// In `lang`; the JSON output has the English.
    fn say(&self, lang: Lang) -> String {
        match self {
            Because::Statement(m) => Audit::MatchedStatement.fill(
                lang,
                &[
                    ("kind", &m.kind.name(lang)),
                    ("policy", &m.policy_id),
                    ("index", &m.index),
                    (
                        "sid",
                        &m.sid
                            .as_deref()
                            .map(|s| format!(" ({s})"))
                            .unwrap_or_default(),
                    ),
                    ("line", &m.start.line),
                ],
            ),
            Because::Reason(crate::eval::Reason::RootUser) => {
                Audit::RootNeedsNoPolicy.text(lang).to_string()
            }
            // The reason's name, as the decision has it.
            Because::Reason(other) => format!("{other:?}"),
        }
    }
}

fn who_can(
    a: &Account,
    action: &str,
    resource: &str,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<u8> {
    if !action.contains(':') {
        eprintln!(
            "iamdojo access: {}",
            Audit::NotAnAction.fill(lang, &[("action", &action)])
        );
        return Ok(2);
    }
    let policy = resource_policy(a, resource);
    let mut rows = Vec::new();
    for (arn, c) in principals(a) {
        let (_, _, d) = a.decide(&c, action, resource, &[], policy);
        if d.is_allowed() {
            let why: Vec<Because> = if d.matched.is_empty() {
                vec![Because::Reason(d.reason)]
            } else {
                d.matched.iter().cloned().map(Because::Statement).collect()
            };
            rows.push((arn, why));
        }
    }
    match format {
        Format::Json => {
            let list: Vec<_> = rows
                .iter()
                .map(|(p, w)| {
                    let w: Vec<String> = w.iter().map(|b| b.say(Lang::En)).collect();
                    json!({"principal": p, "because": w})
                })
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(
                    &json!({"action": action, "resource": resource, "allowed": list})
                )
                .unwrap_or_default()
            )?;
        }
        Format::Table => {
            writeln!(
                out,
                "{}",
                Audit::WhoMay.fill(
                    lang,
                    &[
                        ("n", &rows.len()),
                        ("action", &action),
                        ("resource", &resource)
                    ]
                )
            )?;
            for (p, why) in &rows {
                writeln!(out, "  {p}")?;
                for w in why {
                    writeln!(
                        out,
                        "      {}",
                        Audit::BecauseOf.fill(lang, &[("why", &w.say(lang))])
                    )?;
                }
            }
        }
    }
    Ok(0)
}

fn what_can(
    a: &Account,
    others: &std::collections::BTreeMap<String, Account>,
    who: &str,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let identity = match crate::lesson::check::identity_of(a, who) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("iamdojo access: {}", e.text(lang));
            return Ok(2);
        }
    };
    let no_catalog = |e: &dyn std::fmt::Display| {
        eprintln!(
            "iamdojo access: {}",
            Audit::CatalogDoesNotLoad.fill(lang, &[("error", e)])
        );
        Ok(2)
    };
    let catalog = match Catalog::get() {
        Ok(c) => c,
        Err(e) => return no_catalog(&e),
    };
    // The escalation paths that start at the principal (as `audit` reports them).
    let arn = match &identity {
        Identity::User(u) => a.users.get(u).map(|x| x.arn.clone()),
        Identity::Role { role, .. } => a.roles.get(role).map(|x| x.arn.clone()),
        Identity::Root => None,
    };
    let paths: Vec<crate::audit::escalation::Path> = match &arn {
        Some(arn) => crate::audit::escalation::paths_across(a, others)
            .into_iter()
            .filter(|p| p.from == *arn)
            .collect(),
        None => Vec::new(),
    };
    let summary = match crate::audit::access::summary(a, identity) {
        Ok(b) => b,
        Err(e) => return no_catalog(&e),
    };
    let by_service = &summary.allowed;
    // Actions allowed only under a condition: each with the condition keys that decide it.
    let conditional: serde_json::Map<String, serde_json::Value> = summary
        .conditional
        .iter()
        .map(|(svc, levels)| {
            let levels: serde_json::Map<String, serde_json::Value> = levels
                .iter()
                .map(|(l, acts)| {
                    let acts: Vec<_> = acts
                        .iter()
                        .map(|(name, keys)| json!({"action": name, "condition_keys": keys}))
                        .collect();
                    (l.clone(), json!(acts))
                })
                .collect();
            (svc.clone(), serde_json::Value::Object(levels))
        })
        .collect();
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({
                "principal": who,
                "services": by_service,
                "conditional": conditional,
                "escalation": paths.iter().map(|p| json!({
                    "id": p.id,
                    "to": p.to,
                    "steps": p.steps.iter().map(|x| x.render(Lang::En)).collect::<Vec<_>>(),
                    "commands": p.walk.iter().map(|m| m.line.as_str()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }))
            .unwrap_or_default()
        )?,
        Format::Table => {
            let total = actions_in(by_service);
            writeln!(
                out,
                "{}",
                Audit::MayPerform.fill(
                    lang,
                    &[("who", &who), ("total", &total), ("n", &by_service.len())]
                )
            )?;
            for (svc, levels) in by_service {
                // Access levels are the Service Authorization Reference's names, as in the
                // JSON output.
                let summary: Vec<String> = levels
                    .iter()
                    .map(|(l, acts)| format!("{l} {}", acts.len()))
                    .collect();
                let all = catalog.service(svc).map(|s| s.actions.len()).unwrap_or(0);
                writeln!(
                    out,
                    "  {svc:<24} {}  {}",
                    summary.join(Audit::SepComma.text(lang)),
                    Audit::OfAll.fill(lang, &[("all", &all)])
                )?;
            }
            if !summary.conditional.is_empty() {
                let total = actions_in(&summary.conditional);
                writeln!(
                    out,
                    "{}",
                    Audit::MayPerformIf.fill(
                        lang,
                        &[
                            ("who", &who),
                            ("total", &total),
                            ("n", &summary.conditional.len())
                        ]
                    )
                )?;
                for (svc, levels) in &summary.conditional {
                    let counts: Vec<String> = levels
                        .iter()
                        .map(|(l, acts)| format!("{l} {}", acts.len()))
                        .collect();
                    let keys: std::collections::BTreeSet<&str> = levels
                        .values()
                        .flatten()
                        .flat_map(|(_, keys)| keys.iter().map(String::as_str))
                        .collect();
                    let keys: Vec<&str> = keys.into_iter().collect();
                    writeln!(
                        out,
                        "  {svc:<24} {}  {}",
                        counts.join(Audit::SepComma.text(lang)),
                        Audit::ConditionKeys
                            .fill(lang, &[("keys", &keys.join(Audit::SepComma.text(lang)))])
                    )?;
                }
            }
            if !paths.is_empty() {
                writeln!(
                    out,
                    "{}",
                    Audit::MayEscalate.fill(lang, &[("who", &who), ("n", &paths.len())])
                )?;
                for p in &paths {
                    let steps: Vec<String> = p.steps.iter().map(|x| x.render(lang)).collect();
                    writeln!(out, "  {}: {}", p.id, steps.join(" → "))?;
                }
            }
        }
    }
    Ok(0)
}

/// How many actions a by-service, by-access-level listing holds.
fn actions_in<T>(by_service: &BTreeMap<String, BTreeMap<String, Vec<T>>>) -> usize {
    by_service
        .values()
        .flat_map(|m| m.values())
        .map(Vec::len)
        .sum()
}
