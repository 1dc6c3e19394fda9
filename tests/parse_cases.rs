//! Malformed-policy cases: every `tests/data/parse/*.yaml` case names the kind of error and
//! the element path it must be reported at.

use std::path::Path;

use iamdojo::policy::{Policy, PolicyType};
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
    policy_type: Option<String>,
    policy: String,
    kind: String,
    #[serde(default)]
    path: Option<String>,
}

fn policy_type(name: Option<&str>) -> PolicyType {
    match name.unwrap_or("identity") {
        "resource" => PolicyType::Resource,
        "trust" => PolicyType::Trust,
        "scp" => PolicyType::Scp,
        "boundary" => PolicyType::Boundary,
        "session" => PolicyType::Session,
        "inline-user" => PolicyType::InlineUser,
        "inline-group" => PolicyType::InlineGroup,
        "inline-role" => PolicyType::InlineRole,
        // An identity-based document on its own is checked as a managed policy.
        _ => PolicyType::Managed,
    }
}

#[test]
fn malformed_policies_are_refused_with_kind_and_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parse");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut fails = Vec::new();
    let mut count = 0;
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        let f: File = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            Some(f.topic.as_str()),
            p.file_stem().and_then(|s| s.to_str())
        );
        for c in &f.cases {
            count += 1;
            let _ = (&c.note, &c.doc);
            let got = Policy::parse(&c.policy, policy_type(c.policy_type.as_deref()));
            let at = format!("{name}: {}", c.name);
            match (&got, c.kind.as_str()) {
                (Ok(_), "ok") => {}
                (Ok(_), want) => fails.push(format!("{at}: accepted, expected {want}")),
                (Err(e), "ok") => {
                    fails.push(format!("{at}: refused ({}: {e}), expected ok", e.kind))
                }
                (Err(e), want) => {
                    if e.kind.as_str() != want {
                        fails.push(format!("{at}: got {} ({e}), expected {want}", e.kind));
                    } else if let Some(path) = &c.path
                        && &e.path != path
                    {
                        fails.push(format!("{at}: reported at `{}`, expected `{path}`", e.path));
                    }
                }
            }
        }
    }
    assert!(count >= 30, "only {count} malformed-policy cases");
    assert!(
        fails.is_empty(),
        "{} of {count} cases failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
}
