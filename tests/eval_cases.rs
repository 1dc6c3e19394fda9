//! Evaluation cases: every `tests/data/eval/*.yaml` file holds cases, each citing the AWS
//! documentation it encodes, run through the same simulation the CLI uses.

use std::path::Path;

use iamdojo::eval::simulate::{ContextEntry, OrganizationLevel, SimulateInput, Simulation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    topic: String,
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    doc: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    boundaries: Vec<String>,
    #[serde(default)]
    session_policies: Vec<String>,
    #[serde(default)]
    scps: Vec<Vec<String>>,
    /// RCPs by level of the caller's account, root first, beside `scps`.
    #[serde(default)]
    rcps: Vec<Vec<String>>,
    /// The resource owner's organization levels (`ResourceOwnerOrganizationPolicyInputList`).
    #[serde(default)]
    owner_scps: Vec<Vec<String>>,
    #[serde(default)]
    owner_rcps: Vec<Vec<String>>,
    #[serde(default)]
    management_accounts: Vec<String>,
    /// The input must be refused, with a message holding this text.
    #[serde(default)]
    refused: Option<String>,
    #[serde(default)]
    resource_policy: Option<String>,
    #[serde(default)]
    resource_owner: Option<String>,
    #[serde(default)]
    caller_arn: Option<String>,
    #[serde(default)]
    context: Vec<Ctx>,
    #[serde(default)]
    requests: Vec<Req>,
}

/// Organization levels from per-level SCP and RCP lists (the longer decides how many).
fn levels(scps: &[Vec<String>], rcps: &[Vec<String>]) -> Vec<OrganizationLevel> {
    (0..scps.len().max(rcps.len()))
        .map(|i| OrganizationLevel {
            service_control_policy_input_list: scps.get(i).cloned().unwrap_or_default(),
            resource_control_policy_input_list: rcps.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ctx {
    key: String,
    #[serde(default, rename = "type")]
    ty: Option<String>,
    values: Vec<serde_yaml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Req {
    action: String,
    #[serde(default)]
    resource: Option<String>,
    decision: String,
    #[serde(default)]
    matched: Option<Vec<String>>,
    #[serde(default)]
    missing_context: Option<Vec<String>>,
    /// The decision's reason as it serializes (`federated-without-session-policy`): what the
    /// explanation says the decision was made by.
    #[serde(default)]
    reason: Option<String>,
}

fn yaml_scalar(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// Runs one case; returns the failures.
fn run_case(file: &str, c: &Case) -> Vec<String> {
    let input = SimulateInput {
        policy_input_list: c.policies.clone(),
        permissions_boundary_policy_input_list: c.boundaries.clone(),
        session_policy_input_list: c.session_policies.clone(),
        ordered_organization_policy_input_list: levels(&c.scps, &c.rcps),
        resource_owner_organization_policy_input_list: levels(&c.owner_scps, &c.owner_rcps),
        management_account_ids: c.management_accounts.clone(),
        resource_policy: c.resource_policy.clone(),
        resource_owner: c.resource_owner.clone(),
        caller_arn: Some(
            c.caller_arn
                .clone()
                .unwrap_or_else(|| "arn:aws:iam::111111111111:user/test".into()),
        ),
        context_entries: c
            .context
            .iter()
            .map(|x| ContextEntry {
                context_key_name: x.key.clone(),
                context_key_values: x.values.iter().map(yaml_scalar).collect(),
                context_key_type: x.ty.clone(),
            })
            .collect(),
        ..SimulateInput::default()
    };
    let at = format!("{file}: {} ({})", c.name, c.doc);
    let sim = match (Simulation::prepare(&input), &c.refused) {
        (Ok(s), None) => s,
        (Err(e), None) => return vec![format!("{at}: input refused: {e}")],
        (Ok(_), Some(want)) => return vec![format!("{at}: input accepted, expected `{want}`")],
        (Err(e), Some(want)) => {
            let msg = e.to_string();
            return if msg.contains(want.as_str()) {
                Vec::new()
            } else {
                vec![format!("{at}: refused with `{msg}`, expected `{want}`")]
            };
        }
    };
    let mut fails = Vec::new();
    for r in &c.requests {
        let resource = r.resource.as_deref().unwrap_or("*");
        let d = sim.decide(&r.action, resource);
        let what = format!("{at}: {} on {resource}", r.action);
        // The Japanese explanation of every case reads in Japanese.
        let req = sim.request(&r.action, resource);
        let ja = iamdojo::eval::explain(&req, &sim.set).render(&req, iamdojo::lang::Lang::Ja);
        fails.extend(
            crate::explain::english_in(&ja)
                .into_iter()
                .map(|e| format!("{what}: Japanese explanation: {e}")),
        );
        if d.outcome.as_str() != r.decision {
            fails.push(format!(
                "{what}: expected {}, got {} ({:?})",
                r.decision,
                d.outcome.as_str(),
                d.reason
            ));
        }
        if let Some(want) = &r.reason {
            let got = serde_json::to_value(d.reason)
                .ok()
                .and_then(|v| v.get("reason").and_then(|r| r.as_str()).map(str::to_string))
                .unwrap_or_default();
            if got != *want {
                fails.push(format!("{what}: reason {got}, expected {want}"));
            }
        }
        if let Some(want) = &r.matched {
            let got: Vec<String> = d
                .matched
                .iter()
                .map(|m| {
                    m.sid
                        .as_deref()
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("#{}", m.index))
                })
                .collect();
            let (mut w, mut g) = (want.clone(), got.clone());
            w.sort();
            g.sort();
            if w != g {
                fails.push(format!(
                    "{what}: matched statements {got:?}, expected {want:?}"
                ));
            }
        }
        if let Some(want) = &r.missing_context {
            let norm = |v: &[String]| {
                let mut v: Vec<String> = v.iter().map(|s| s.to_ascii_lowercase()).collect();
                v.sort();
                v
            };
            if norm(want) != norm(&d.missing_context) {
                fails.push(format!(
                    "{what}: missing context {:?}, expected {want:?}",
                    d.missing_context
                ));
            }
        }
    }
    fails
}

fn load(dir: &str) -> Vec<(String, File)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        if p.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        let f: File = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            Some(f.topic.as_str()),
            p.file_stem().and_then(|s| s.to_str()),
            "{name}: topic must equal the file name"
        );
        out.push((name, f));
    }
    out
}

#[test]
fn evaluation_cases_decide_as_aws_documents() {
    let files = load("tests/data/eval");
    let mut fails = Vec::new();
    let mut count = 0;
    let mut names = std::collections::HashSet::new();
    for (name, f) in &files {
        for c in &f.cases {
            count += 1;
            assert!(
                c.doc.starts_with("https://docs.aws.amazon.com/"),
                "{name}: {}: `doc` must cite an AWS documentation page",
                c.name
            );
            assert!(
                names.insert(format!("{name}/{}", c.name)),
                "{name}: duplicate case {}",
                c.name
            );
            let _ = &c.note;
            fails.extend(run_case(name, c));
        }
    }
    assert!(
        fails.is_empty(),
        "{} of {count} cases failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
    assert!(
        count >= 150,
        "only {count} evaluation cases; the suite needs at least 150"
    );
}
