//! Malformed-policy cases: every `tests/data/parse/*.yaml` case names the kind of error and
//! the element path it must be reported at.

use std::path::Path;

use iamdojo::lang::Lang;
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

/// The case files, in order.
fn case_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parse");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

#[test]
fn malformed_policies_are_refused_with_kind_and_path() {
    let paths = case_files();
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

/// Every refusal of the malformed-policy cases, said in Japanese, is Japanese: no English
/// sentence of the parser's (nor of the JSON parser's) is left, and the place (line and
/// column, element path) is the one the English gives.
#[test]
fn malformed_policies_are_explained_in_japanese_with_their_place() {
    let mut fails = Vec::new();
    let mut count = 0;
    for p in case_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        let f: File = serde_yaml::from_str(&text).unwrap();
        for c in &f.cases {
            let Err(e) = Policy::parse(&c.policy, policy_type(c.policy_type.as_deref())) else {
                continue;
            };
            count += 1;
            let at = format!("{}: {}", f.topic, c.name);
            let en = e.said().render(Lang::En);
            let ja = e.said().render(Lang::Ja);
            // The English is what AWS-shaped outputs print, unchanged.
            assert_eq!(en, e.to_string(), "{at}");
            let english = super::english::english_in(&ja);
            if !english.is_empty() {
                fails.push(format!("{at}: English {english:?} in {ja}"));
            }
            if ja.contains(&e.message.to_string()) {
                fails.push(format!("{at}: the English sentence is quoted in {ja}"));
            }
            if !ja.chars().any(|ch| ('\u{3040}'..='\u{30ff}').contains(&ch)) {
                fails.push(format!("{at}: no Japanese in {ja}"));
            }
            if !ja.starts_with(&format!("{}: ", e.location())) {
                fails.push(format!("{at}: {ja} does not start with {}", e.location()));
            }
            if !e.path.is_empty() && !ja.contains(&format!("`{}`", e.path)) {
                fails.push(format!("{at}: {ja} does not name `{}`", e.path));
            }
            // A place in the text is known for all but the empty document and the quotas.
            let placeless = c.name == "not-json-empty" || c.kind == "policy-too-large";
            if e.position.is_none() != placeless {
                fails.push(format!("{at}: position {:?}", e.position));
            }
        }
    }
    assert!(count >= 40, "only {count} refused cases");
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}
