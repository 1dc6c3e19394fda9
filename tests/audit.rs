//! `iamdojo audit`: one fixture per control under `tests/data/audit/`. `<CONTROL>.yaml` holds
//! two simulated accounts (the scenario format of `docs/scenario-format.md`, inline): in
//! `present` the control must report, in `absent` (the same account, fixed) it must not.
//! `<CONTROL>.<edge>.yaml` files hold more cases at the edge of the control's definition, with
//! either account or both. A case whose control does not yet behave as the AWS page in `doc`
//! defines it is marked `known_issue`: the test then expects the current behaviour and prints
//! the note, and fails once the control is fixed, so that the mark is taken off.
//!
//! Before the audit, the scripted events due by `now` run (as in the sandbox's `wait`), so that
//! CloudTrail and GuardDuty have something to show.
//!
//! The real binary's output on the startup-incident scenario is pinned as snapshots.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use iamdojo::account::scenario;
use iamdojo::audit::controls::{Finding, audit, controls};
use jiff::Timestamp;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// The control id, e.g. `IAM.4`.
    control: String,
    /// The page that defines the control (its `learn_more`).
    doc: String,
    /// The time ages are measured from; default: the scenario's clock.
    #[serde(default)]
    now: Option<String>,
    /// An account where the control must report.
    #[serde(default)]
    present: Option<serde_yaml::Value>,
    /// Text that the reported resource must contain.
    #[serde(default)]
    present_resource: Option<String>,
    /// The same account fixed: the control must not report.
    #[serde(default)]
    absent: Option<serde_yaml::Value>,
    /// Why the control does not yet do what `doc` says; the test expects today's behaviour.
    #[serde(default)]
    known_issue: Option<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/audit")
}

/// Every fixture, by file name.
fn fixtures() -> BTreeMap<String, Fixture> {
    let mut out = BTreeMap::new();
    let entries = std::fs::read_dir(dir()).expect("tests/data/audit exists");
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("yaml") {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match serde_yaml::from_str::<Fixture>(&text) {
            Ok(f) => {
                out.insert(name, f);
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
    out
}

/// Loads one account, runs the events due by `now` and audits it.
fn run(
    name: &str,
    scenario: &serde_yaml::Value,
    now: Option<&str>,
) -> Result<Vec<Finding>, String> {
    let text = serde_yaml::to_string(scenario).map_err(|e| e.to_string())?;
    let mut s = scenario::load(name, &text).map_err(|e| e.to_string())?;
    let now = match now {
        Some(t) => t
            .parse::<Timestamp>()
            .map_err(|e| format!("now `{t}`: {e}"))?,
        None => s.sandbox.account.now,
    };
    s.sandbox.advance_to(now);
    Ok(audit(&s.sandbox.account, now))
}

/// What went wrong in one account, if anything: (deviation from the definition, broken finding).
fn check(
    f: &Fixture,
    side: &str,
    findings: &Result<Vec<Finding>, String>,
) -> (Option<String>, Vec<String>) {
    let findings = match findings {
        Ok(x) => x,
        Err(e) => {
            return (
                Some(format!("{side}: the account does not load: {e}")),
                vec![],
            );
        }
    };
    let broken: Vec<String> = findings
        .iter()
        .filter(|x| {
            x.evidence.trim().is_empty()
                || x.fix.is_empty()
                || x.fix.iter().any(|l| l.trim().is_empty())
        })
        .map(|x| {
            format!(
                "{side}: {} on {} has no evidence or no fix: {x:?}",
                x.control, x.resource
            )
        })
        .collect();
    let mine: Vec<&Finding> = findings.iter().filter(|x| x.control == f.control).collect();
    let deviation = if side == "present" {
        let hit = mine.iter().any(|x| {
            f.present_resource
                .as_deref()
                .is_none_or(|r| x.resource.contains(r))
        });
        (!hit).then(|| {
            let mut reported: Vec<&str> = findings.iter().map(|x| x.control.as_str()).collect();
            reported.dedup();
            format!(
                "present: {} is not reported{} ({} on: {:?}; reported: {})",
                f.control,
                f.present_resource
                    .as_deref()
                    .map(|r| format!(" on a resource containing `{r}`"))
                    .unwrap_or_default(),
                f.control,
                mine.iter().map(|x| x.resource.as_str()).collect::<Vec<_>>(),
                reported.join(", ")
            )
        })
    } else {
        (!mine.is_empty()).then(|| {
            format!(
                "absent: {} is reported: {:?}",
                f.control,
                mine.iter()
                    .map(|x| format!("{}: {}", x.resource, x.evidence))
                    .collect::<Vec<_>>()
            )
        })
    };
    (deviation, broken)
}

#[test]
fn every_control_reports_where_it_should_and_nowhere_else() {
    let all = fixtures();
    assert!(!all.is_empty(), "no fixture under tests/data/audit");
    let learn_more: BTreeMap<&str, &str> =
        controls().iter().map(|c| (c.id, c.learn_more)).collect();
    let mut fails = Vec::new();
    for (name, f) in &all {
        let stem = name.trim_end_matches(".yaml");
        if stem != f.control && !stem.starts_with(&format!("{}.", f.control)) {
            fails.push(format!(
                "{name}: named for another control than {}",
                f.control
            ));
        }
        match learn_more.get(f.control.as_str()) {
            None => fails.push(format!("{name}: no control {}", f.control)),
            Some(l) if *l != f.doc => fails.push(format!(
                "{name}: doc is {}, but the control's learn_more is {l}",
                f.doc
            )),
            Some(_) => {}
        }
        if f.present.is_none() && f.absent.is_none() {
            fails.push(format!("{name}: neither present nor absent"));
            continue;
        }
        let mut deviations = Vec::new();
        for (side, scenario) in [("present", &f.present), ("absent", &f.absent)] {
            let Some(scenario) = scenario else { continue };
            let findings = run(&format!("{name} ({side})"), scenario, f.now.as_deref());
            let (deviation, broken) = check(f, side, &findings);
            fails.extend(broken.into_iter().map(|b| format!("{name}: {b}")));
            deviations.extend(deviation);
        }
        match &f.known_issue {
            None => fails.extend(deviations.into_iter().map(|d| format!("{name}: {d}"))),
            Some(note) if deviations.is_empty() => fails.push(format!(
                "{name}: {} now behaves as {} defines it; take `known_issue` off ({note})",
                f.control, f.doc
            )),
            Some(note) => eprintln!(
                "note: known issue in {name}: {note}\n      today: {}",
                deviations.join("; ")
            ),
        }
    }
    assert!(
        fails.is_empty(),
        "{} failure(s):\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn every_control_has_a_fixture() {
    let all = fixtures();
    let missing: Vec<String> = controls()
        .iter()
        .filter(|c| {
            !all.get(&format!("{}.yaml", c.id))
                .is_some_and(|f| f.present.is_some() && f.absent.is_some())
        })
        .map(|c| {
            format!(
                "tests/data/audit/{}.yaml (with `present` and `absent`)",
                c.id
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "controls without a fixture:\n{}",
        missing.join("\n")
    );
}

fn audit_startup_incident(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "audit",
            "--scenario",
            "tests/data/scenarios/startup-incident.yaml",
            "--now",
            "2026-03-02T12:00:00Z",
            "--format",
            format,
        ])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings exit 1; stderr: {stderr}"
    );
    assert!(stderr.is_empty(), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cli_audit_json_of_the_startup_incident() {
    let out = audit_startup_incident("json");
    let v: serde_json::Value = serde_json::from_str(&out).expect("the output is JSON");
    assert!(
        v["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn cli_audit_table_of_the_startup_incident() {
    insta::assert_snapshot!(audit_startup_incident("table"));
}

/// A `get-account-authorization-details` file says nothing of MFA, keys, the password policy
/// or other services: those controls are listed as not checked, never reported as failing,
/// until a credential report or password policy is given.
#[test]
fn an_authorization_details_file_alone_checks_only_what_it_describes() {
    use iamdojo::account::gaad;
    use iamdojo::audit::controls::{Needs, audit, not_evaluated};
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenarios/startup-incident.yaml");
    let sandbox = iamdojo::account::scenario::load_file(&path)
        .expect("the scenario loads")
        .sandbox;
    let full = sandbox.account;
    assert!(
        audit(&full, full.now).iter().any(|f| f.control == "IAM.19"),
        "the scenario has a user without MFA"
    );
    let mut imported = gaad::import_gaad("gaad.json", &gaad::export_gaad(&full)).expect("imports");
    let a = &imported.account;
    let found = audit(a, a.now);
    for f in &found {
        assert_eq!(
            Needs::of(&f.control),
            Needs::Iam,
            "{} needs data a GAAD file lacks",
            f.control
        );
    }
    let skipped = not_evaluated(a);
    assert!(
        skipped
            .iter()
            .any(|s| s.control == "IAM.19" && s.needs == Needs::Credentials)
    );
    assert!(
        skipped
            .iter()
            .any(|s| s.control == "IAM.7" && s.needs == Needs::PasswordPolicy)
    );
    assert!(
        skipped
            .iter()
            .any(|s| s.control == "CloudTrail.1" && s.needs == Needs::Services)
    );
    // With the credential report, MFA is checked again.
    imported
        .apply_credential_report("report.csv", &gaad::export_credential_report(&full))
        .expect("the report applies");
    let a = &imported.account;
    assert!(audit(a, a.now).iter().any(|f| f.control == "IAM.19"));
    assert!(!not_evaluated(a).iter().any(|s| s.control == "IAM.19"));
}

#[test]
fn the_audit_gives_every_repeated_unknown_name_the_suggestion_validate_policy_gives() {
    use iamdojo::account::Account;
    use iamdojo::account::command::Sandbox;
    use iamdojo::audit::catalog::Catalog;
    use iamdojo::audit::validate::{FindingType, ValidationType, validate_with_risks};
    // The audit looks each unknown name up once for all documents; the same text as an
    // action (P0) and as a condition key (P1) are two questions with two answers.
    let docs = [
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjet","ec22:RunInstances"],"Resource":"*"}]}"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBuckett"],"Resource":"*","Condition":{"StringEquals":{"s3:GetObjet":"x","aws:SourceIpp":"x"}}}]}"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec22:RunInstances","s3:ListBuckett"],"Resource":"*","Condition":{"StringEquals":{"aws:SourceIpp":"x","s33:prefix":"x"}}}]}"#,
    ];
    let mut sb = Sandbox::new(Account::default());
    for (i, d) in docs.iter().enumerate() {
        let out = sb.run(&format!(
            "aws iam create-policy --policy-name P{i} --policy-document '{d}'"
        ));
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let a = &sb.account;
    let found = audit(a, a.now);
    let catalog = Catalog::get().unwrap();
    let mut suggested = 0;
    for (i, d) in docs.iter().enumerate() {
        let arn = format!("arn:aws:iam::{}:policy/P{i}", a.id);
        let evidence = &found
            .iter()
            .find(|f| f.control == "IAMDOJO.10" && f.resource == arn)
            .unwrap_or_else(|| panic!("no IAMDOJO.10 finding for {arn}"))
            .evidence;
        let alone = validate_with_risks(catalog, d, ValidationType::Identity);
        let errors: Vec<_> = alone
            .findings
            .iter()
            .filter(|f| f.finding_type == FindingType::Error)
            .collect();
        assert!(errors.len() >= 2, "{errors:?}");
        suggested += errors
            .iter()
            .filter(|f| !f.finding_details.suggestions().is_empty())
            .count();
        // The evidence lists each error with its line, in the order of the text.
        let listed: Vec<String> = errors
            .iter()
            .map(|f| {
                let line = f.locations.first().map_or(0, |l| l.span.start.line);
                format!("{} (line {line}): {}", f.issue_code, f.finding_details)
            })
            .collect();
        assert_eq!(*evidence, format!("policy P{i}: {}", listed.join("; ")));
    }
    assert!(suggested >= 6, "too few suggestions to test: {suggested}");
}

/// `tests/data/escalation/chains.gaad.json` holds one account with every escalation method and
/// chains of roles up to the longest path reported (five steps) and one step past it;
/// `chains.paths.txt` pins the paths the audit reports on it (IAMDOJO.2's evidence, one line
/// each, in the audit's order), as the search found them before it kept its edges as indices.
#[test]
fn escalation_paths_of_every_method_and_the_longest_chains_are_pinned() {
    use iamdojo::account::gaad;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/escalation");
    let text = std::fs::read_to_string(dir.join("chains.gaad.json")).unwrap();
    let a = gaad::import_gaad("chains.gaad.json", &text)
        .unwrap()
        .account;
    let found: Vec<String> = audit(&a, a.now)
        .into_iter()
        .filter(|f| f.control == "IAMDOJO.2")
        .map(|f| f.evidence)
        .collect();
    let want = std::fs::read_to_string(dir.join("chains.paths.txt")).unwrap();
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(found, want);
    // The five-step chain is reported from its first role; the six-step one is not.
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("c1:") && p.matches(" → ").count() == 4)
    );
    assert!(
        !found
            .iter()
            .any(|p| p.starts_with("d1:") || p.starts_with("dev6:"))
    );
}
