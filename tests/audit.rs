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
use iamdojo::audit::controls::{Finding, audit, audit_across, controls};
use iamdojo::lang::Lang;
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
            x.evidence.render(Lang::En).trim().is_empty()
                || x.fix.is_empty()
                || x.fix.iter().any(|l| l.render(Lang::En).trim().is_empty())
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
            let mut reported: Vec<&str> = findings.iter().map(|x| x.control).collect();
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
                    .map(|x| format!("{}: {}", x.resource, x.evidence.render(Lang::En)))
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

/// An action catalog that does not load leaves the policy-validation controls unchecked, and
/// says so: they are listed as not checked (with what is missing), never reported clean.
#[test]
fn without_an_action_catalog_the_validation_controls_are_listed_as_not_checked() {
    use iamdojo::audit::controls::{Context, Needs, audit_in, not_evaluated_in};
    let f = fixtures();
    let fixture = f.get("IAMDOJO.10.yaml").expect("the IAMDOJO.10 fixture");
    let text = serde_yaml::to_string(fixture.present.as_ref().expect("present")).unwrap();
    let s = scenario::load("IAMDOJO.10.yaml", &text).expect("loads");
    let a = &s.sandbox.account;
    let with = Context::new(a, a.now);
    assert!(audit_in(&with).iter().any(|x| x.control == "IAMDOJO.10"));
    assert!(
        !not_evaluated_in(&with)
            .iter()
            .any(|x| x.needs == Needs::ActionCatalog)
    );
    let without = Context::with_catalog(a, a.now, None);
    assert!(
        !audit_in(&without)
            .iter()
            .any(|x| matches!(x.control, "IAMDOJO.10" | "IAMDOJO.11" | "IAMDOJO.12")),
        "no validation finding without a catalog"
    );
    let skipped: Vec<String> = not_evaluated_in(&without)
        .into_iter()
        .filter(|x| x.needs == Needs::ActionCatalog)
        .map(|x| x.control)
        .collect();
    assert_eq!(skipped, ["IAMDOJO.10", "IAMDOJO.11", "IAMDOJO.12"]);
}

/// The Security Hub IAM controls no simulated account can answer (IAM.23, IAM.26, IAM.28 of
/// <https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html>: accounts hold
/// no Access Analyzer analyzers and no server certificates) are listed as not checked, with
/// the reason, in the text report and the JSON; none is in the table of checked controls.
#[test]
fn controls_no_account_can_answer_are_listed_as_not_checked() {
    use iamdojo::audit::controls::{Needs, not_evaluated};
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenarios/startup-incident.yaml");
    let a = scenario::load_file(&path).expect("loads").sandbox.account;
    let skipped: Vec<(String, Needs)> = not_evaluated(&a)
        .into_iter()
        .map(|x| (x.control, x.needs))
        .collect();
    assert_eq!(
        skipped,
        [
            ("IAM.23".to_string(), Needs::AccessAnalyzer),
            ("IAM.26".to_string(), Needs::ServerCertificates),
            ("IAM.28".to_string(), Needs::AccessAnalyzer),
        ]
    );
    let checked: Vec<&str> = controls().iter().map(|c| c.id).collect();
    assert!(
        !checked
            .iter()
            .any(|c| ["IAM.23", "IAM.26", "IAM.28"].contains(c))
    );
    let table = audit_startup_incident("table");
    assert!(
        table.contains("IAM Access Analyzer's analyzers") && table.contains("IAM.23, IAM.28"),
        "{table}"
    );
    assert!(
        table.contains("server certificates") && table.contains(": IAM.26"),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&audit_startup_incident("json")).unwrap();
    assert_eq!(json["not_evaluated"][1]["control"], "IAM.26");
    assert_eq!(json["not_evaluated"][1]["needs"], "server-certificates");
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
    audit_startup_incident_in(format, &["--lang", "en"], &[])
}

/// The binary's audit of the startup incident with `extra` arguments, in an environment
/// whose locale variables are only `env`.
fn audit_startup_incident_in(format: &str, extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iamdojo"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "audit",
            "--scenario",
            "tests/data/scenarios/startup-incident.yaml",
            "--now",
            "2026-03-02T12:00:00Z",
            "--format",
            format,
        ])
        .args(extra);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("the binary runs");
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
        assert!(
            matches!(Needs::of(f.control), Needs::Iam | Needs::ActionCatalog),
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
            .evidence
            .render(Lang::En);
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
/// chains of roles of five, six and seven steps; `chains.paths.txt` pins the paths the audit
/// reports on it (IAMDOJO.2's evidence, one line each, in the audit's order). Every path is
/// reported, however long: the long chains are real escalations (PMapper finds them too, see
/// docs/comparisons.md).
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
        .map(|f| f.evidence.render(Lang::En))
        .collect();
    let want = std::fs::read_to_string(dir.join("chains.paths.txt")).unwrap();
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(found, want);
    // The five-step chain is reported from its first role, the six- and seven-step ones too.
    let steps = |who: &str| {
        found
            .iter()
            .find(|p| p.starts_with(&format!("{who}:")))
            .map(|p| p.matches(" → ").count() + 1)
    };
    assert_eq!(steps("c1"), Some(5));
    assert_eq!(steps("d1"), Some(6));
    assert_eq!(steps("dev5"), Some(6));
    assert_eq!(steps("dev6"), Some(7));
}

/// The escalation corpus (`tests/data/escalation/corpus/`, its README says how it is made):
/// one scenario per technique with the principal that can walk it and look-alikes that
/// cannot. Every expected path must be reported, nothing else, and no path may start at or
/// pass through a principal named `trap-…`. The score is printed per file.
#[test]
fn the_escalation_corpus_is_found_and_its_traps_are_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/escalation/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 16, "{} corpus files", files.len());
    let (mut found_all, mut missed_all, mut traps_all, mut extra_all) = (0, 0, 0, 0);
    let mut report = String::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(f).unwrap();
        // Every file has a look-alike to be left out.
        assert!(text.contains("name: trap-"), "{name} has no trap");
        let sb = scenario::load(&name, &text).unwrap().sandbox;
        let got: Vec<String> = audit_across(&sb.account, &sb.accounts, sb.account.now)
            .into_iter()
            .filter(|x| x.control == "IAMDOJO.2")
            .map(|x| x.evidence.render(Lang::En))
            .collect();
        let want_text = std::fs::read_to_string(f.with_extension("paths.txt")).unwrap_or_default();
        let want: Vec<&str> = want_text.lines().filter(|l| !l.is_empty()).collect();
        assert!(!want.is_empty(), "{name}: no expected path");
        let found = want.iter().filter(|w| got.iter().any(|g| g == *w)).count();
        let missed: Vec<&&str> = want
            .iter()
            .filter(|w| !got.iter().any(|g| g == **w))
            .collect();
        let traps: Vec<&String> = got.iter().filter(|g| g.contains("trap-")).collect();
        let extra: Vec<&String> = got
            .iter()
            .filter(|g| !want.contains(&g.as_str()) && !g.contains("trap-"))
            .collect();
        report.push_str(&format!(
            "{name}: {found}/{} found, {} missed, {} traps reported, {} unexpected\n",
            want.len(),
            missed.len(),
            traps.len(),
            extra.len()
        ));
        for m in &missed {
            report.push_str(&format!("    missed: {m}\n"));
        }
        for t in traps.iter().chain(&extra) {
            report.push_str(&format!("    reported: {t}\n"));
        }
        found_all += found;
        missed_all += missed.len();
        traps_all += traps.len();
        extra_all += extra.len();
        // The expected paths come in the audit's order.
        let order: Vec<&String> = got.iter().filter(|g| want.contains(&g.as_str())).collect();
        assert_eq!(order, want.iter().collect::<Vec<_>>(), "{name}: order");
    }
    println!(
        "{report}corpus: {found_all} found, {missed_all} missed, {traps_all} traps, {extra_all} unexpected"
    );
    assert!(
        missed_all == 0 && traps_all == 0 && extra_all == 0,
        "{report}"
    );
}

/// The escalation paths of a scenario's text across its accounts, as `ID TO` lines.
fn paths_across_of(name: &str, text: &str) -> Vec<String> {
    let sb = scenario::load(name, text).unwrap().sandbox;
    iamdojo::audit::escalation::paths_across(&sb.account, &sb.accounts)
        .into_iter()
        .map(|p| format!("{} {}", p.id, p.to))
        .collect()
}

/// Each trap of the cross-account corpus file is kept out by its guard alone: with the guard
/// taken away (the SCP, the external id condition, the trusted account, the RCP's
/// organization condition, the caller's own policy), the trap's path is reported. The pages: the cross-account evaluation logic
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html>),
/// SCPs (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html>),
/// external ids (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html>).
#[test]
fn each_cross_account_trap_is_kept_out_by_its_guard_alone() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/escalation/corpus/19-cross-account.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let paths = |text: &str| paths_across_of("19-cross-account.yaml", text);
    let guarded = paths(&text);
    assert!(guarded.iter().all(|p| !p.contains("trap-")), "{guarded:?}");
    let cases = [
        // The SCP denies sts:AssumeRole in the contractors' account.
        (
            r#"{Effect: Deny, Action: "sts:AssumeRole", Resource: "*"}"#,
            r#"{Effect: Deny, Action: "sts:GetFederationToken", Resource: "*"}"#,
            "333333333333:user/trap-scp-denied/1 arn:aws:iam::123456789012:role/trap-for-contractors",
        ),
        // The trust asks for an external id.
        (
            r#"Condition: {StringEquals: {"sts:ExternalId": "c0ffee-4711"}}"#,
            r#"Condition: {StringEquals: {"aws:PrincipalAccount": "123456789012"}}"#,
            "user/trap-no-external-id/1 arn:aws:iam::222222222222:role/trap-external-id",
        ),
        // The trust names an account that is not the caller's.
        (
            "arn:aws:iam::444444444444:root",
            "arn:aws:iam::123456789012:root",
            "user/trap-wrong-account/1 arn:aws:iam::222222222222:role/trap-trusts-other",
        ),
        // The RCP of the role owner's organization denies callers outside it (taken away for
        // the partner's account alone)
        // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
        (
            r#"Condition: {StringNotEqualsIfExists: {"aws:PrincipalOrgID": "o-corpus0019"}}"#,
            r#"Condition: {StringNotEqualsIfExists: {"aws:PrincipalOrgID": "o-corpus0019"}, StringNotEquals: {"aws:PrincipalAccount": "555555555555"}}"#,
            "555555555555:user/trap-outside-org/1 arn:aws:iam::123456789012:role/trap-org-only",
        ),
        // The caller's own policy allows another role.
        (
            "arn:aws:iam::222222222222:role/Elsewhere",
            "arn:aws:iam::222222222222:role/trap-trusts-account",
            "user/trap-not-allowed/1 arn:aws:iam::222222222222:role/trap-trusts-account",
        ),
    ];
    for (guard, without, path) in cases {
        assert_eq!(text.matches(guard).count(), 1, "{guard}");
        let open = paths(&text.replace(guard, without));
        assert!(open.iter().any(|p| p == path), "{path} not in {open:?}");
        assert!(!guarded.iter().any(|p| p == path), "{path}");
    }
}

/// A path across accounts is walked in the sandbox (`iamdojo sandbox --replay ID`) with the
/// cross-account `aws sts assume-role` commands of its walk, there and back; a path that
/// starts in another account of the scenario has that account's id in its id.
#[test]
fn a_path_across_accounts_replays_there_and_back() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/escalation/corpus/19-cross-account.yaml");
    let sb = scenario::load_file(&file).unwrap().sandbox;
    let paths = iamdojo::audit::escalation::paths_across(&sb.account, &sb.accounts);
    let ids: Vec<&str> = paths.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["user/dev/1", "222222222222:role/Deployer/1"]);
    let dev = &paths[0];
    let walk: Vec<&str> = dev.walk.iter().map(|m| m.line.as_str()).collect();
    assert_eq!(
        walk,
        [
            "aws sts assume-role --role-arn arn:aws:iam::222222222222:role/Deployer --role-session-name escalation",
            "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/BreakGlass --role-session-name escalation",
        ]
    );
    assert_eq!(dev.to, "arn:aws:iam::123456789012:role/BreakGlass");
    // The same account seen alone has no path: the chain needs the other account.
    assert!(iamdojo::audit::escalation::paths(&sb.account).is_empty());
    let out = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["sandbox", "--lang", "en", "--scenario"])
        .arg(&file)
        .args(["--replay", "222222222222:role/Deployer/1"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout
            .contains("$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/BreakGlass"),
        "{stdout}"
    );
    assert!(
        stdout.contains("arn:aws:sts::123456789012:assumed-role/BreakGlass/escalation"),
        "{stdout}"
    );
}

/// Each trap of the cross-account Lambda account is kept out by its guard alone: with the
/// guard taken away (the function's policy granting the code change too, or granting the
/// caller's account, or the SCP denying another action), the trap's path is reported. The
/// pages: Lambda's resource-based policies
/// (<https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html>,
/// <https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html>),
/// SCPs (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html>).
#[test]
fn each_cross_account_lambda_trap_is_kept_out_by_its_guard_alone() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/escalation/corpus/20-cross-account-lambda.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let paths = |text: &str| paths_across_of("20-cross-account-lambda.yaml", text);
    let guarded = paths(&text);
    assert_eq!(
        guarded,
        ["user/deployer/1 arn:aws:iam::222222222222:role/LambdaAdmin"]
    );
    let cases = [
        // The function's policy grants the caller's account the invoke only.
        (
            r#"Action: "lambda:InvokeFunction""#,
            r#"Action: ["lambda:InvokeFunction", "lambda:UpdateFunctionCode"]"#,
            "user/trap-invoker/1 arn:aws:iam::222222222222:role/LambdaAdmin",
        ),
        // The function's policy grants another account.
        (
            "arn:aws:iam::444444444444:root",
            "arn:aws:iam::123456789012:root",
            "user/trap-not-granted/1 arn:aws:iam::222222222222:role/LambdaAdmin",
        ),
        // The SCP denies lambda:UpdateFunctionCode in the contractors' account.
        (
            r#"{Effect: Deny, Action: "lambda:UpdateFunctionCode", Resource: "*"}"#,
            r#"{Effect: Deny, Action: "lambda:DeleteFunction", Resource: "*"}"#,
            "333333333333:user/trap-scp-denied/1 arn:aws:iam::123456789012:role/LambdaAdmin",
        ),
    ];
    for (guard, without, path) in cases {
        assert_eq!(text.matches(guard).count(), 1, "{guard}");
        let open = paths(&text.replace(guard, without));
        assert!(open.iter().any(|p| p == path), "{path} not in {open:?}");
    }
}

/// A cross-account Lambda path is walked in the sandbox with the function's ARN: the new code
/// runs in the function's account as its role, which makes an administrator there whose access
/// key the function's result hands back. The sandbox refuses the same walk on a function whose
/// policy grants the caller's account the invoke only
/// (<https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html>).
#[test]
fn a_lambda_path_across_accounts_replays_to_the_other_accounts_administrator() {
    use iamdojo::audit::replay::{Outcome, replay};
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/escalation/corpus/20-cross-account-lambda.yaml");
    let sb = scenario::load_file(&file).unwrap().sandbox;
    let paths = iamdojo::audit::escalation::paths_across(&sb.account, &sb.accounts);
    let [deployer] = paths.as_slice() else {
        panic!("{paths:?}")
    };
    let walk: Vec<&str> = deployer.walk.iter().map(|m| m.line.as_str()).collect();
    assert_eq!(
        walk,
        [
            "aws lambda update-function-code --function-name arn:aws:lambda:us-east-1:222222222222:function:nightly-cleanup --zip-file fileb://escalation.zip",
            "aws lambda invoke --function-name arn:aws:lambda:us-east-1:222222222222:function:nightly-cleanup out.json",
        ]
    );
    // Alone, the home account has no path: the function is the other account's.
    assert!(iamdojo::audit::escalation::paths(&sb.account).is_empty());
    let mut walked = sb.clone();
    let r = replay(&mut walked, deployer);
    assert_eq!(
        r.outcome,
        Outcome::Administrator("arn:aws:iam::222222222222:user/escalation".into()),
        "{:?}",
        r.ran
    );
    // The code ran in the function's account, as its role.
    let other = walked.accounts.get("222222222222").unwrap();
    assert!(other.users.contains_key("escalation"));
    assert!(!walked.account.users.contains_key("escalation"));
    // The same walk on the function that grants the invoke only is refused at its first step.
    let mut trap = deployer.clone();
    trap.from = "arn:aws:iam::123456789012:user/trap-invoker".into();
    for m in &mut trap.walk {
        m.line = m.line.replace("nightly-cleanup", "trap-invoke-only");
    }
    let mut refused = sb.clone();
    let r = replay(&mut refused, &trap);
    assert_eq!(r.outcome, Outcome::Refused);
    let first = &r.ran[0].output;
    assert!(
        first
            .stderr
            .contains("(AccessDeniedException) when calling the UpdateFunctionCode operation"),
        "{}",
        first.stderr
    );
    // The function's policy grants the invoke: that alone is allowed across accounts.
    let invoke = r.ran.len();
    assert_eq!(invoke, 1);
    let out = refused.run(
        "aws lambda invoke --function-name arn:aws:lambda:us-east-1:222222222222:function:trap-invoke-only out.json",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// Every path the corpus reports can be walked in the sandbox (`iamdojo sandbox --replay`):
/// each command is allowed there as it stands and the principal reached makes a call only an
/// administrator may (or, for a console password, the password is set).
#[test]
fn every_path_of_the_escalation_corpus_replays_to_an_administrator() {
    use iamdojo::audit::replay::{Outcome, replay};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/escalation/corpus");
    let mut walked = 0;
    for f in std::fs::read_dir(&dir).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let loaded = scenario::load_file(&f).unwrap().sandbox;
        for path in iamdojo::audit::escalation::paths_across(&loaded.account, &loaded.accounts) {
            let mut sb = loaded.clone();
            let r = replay(&mut sb, &path);
            let log: Vec<String> = r
                .ran
                .iter()
                .map(|x| format!("$ {}\n{}{}", x.line, x.output.stdout, x.output.stderr))
                .collect();
            match &r.outcome {
                Outcome::Administrator(_) => {
                    assert_eq!(r.ran.last().unwrap().line, iamdojo::audit::replay::PROOF);
                }
                Outcome::ConsolePassword(to) => assert_eq!(*to, path.to),
                other => panic!(
                    "{}: {}: {other:?}\n{}",
                    f.display(),
                    path.id,
                    log.join("\n")
                ),
            }
            walked += 1;
        }
    }
    assert!(walked >= 20, "{walked} paths walked");
}

/// The table in Japanese: every heading, title, evidence sentence and fix comment is
/// Japanese; commands, ids, ARNs and Security Hub's severity labels stay as they are.
#[test]
fn cli_audit_table_in_japanese_of_the_startup_incident() {
    insta::assert_snapshot!(audit_startup_incident_in("table", &["--lang", "ja"], &[]));
}

/// `--lang` changes the table only: the JSON and SARIF output are the same in every language.
#[test]
fn the_json_and_sarif_output_do_not_depend_on_the_language() {
    for format in ["json", "sarif"] {
        let en = audit_startup_incident_in(format, &["--lang", "en"], &[]);
        let ja = audit_startup_incident_in(format, &["--lang", "ja"], &[]);
        let from_env = audit_startup_incident_in(format, &[], &[("LANG", "ja_JP.UTF-8")]);
        assert_eq!(en, ja, "{format}");
        assert_eq!(en, from_env, "{format}");
        assert!(
            !ja.chars().any(|c| c > '\u{3000}'),
            "{format} holds Japanese"
        );
    }
}

/// Without `--lang` the table speaks the locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`);
/// `--lang` wins over it.
#[test]
fn the_table_speaks_the_locale_unless_told_otherwise() {
    let ja = audit_startup_incident_in("table", &[], &[("LANG", "ja_JP.UTF-8")]);
    assert!(ja.contains("件の検出結果があります"), "{ja}");
    let c = audit_startup_incident_in("table", &[], &[("LANG", "C")]);
    assert_eq!(c, audit_startup_incident("table"));
    let told = audit_startup_incident_in("table", &["--lang", "en"], &[("LC_ALL", "ja_JP.UTF-8")]);
    assert_eq!(told, c);
}

/// The first run of two or more English words in `text` (lowercase words, as sentences
/// have; names such as `AdministratorAccess` or `AWS` are not words here), if any.
fn english_run(text: &str) -> Option<String> {
    // Proper names the Japanese cites as they are written (AWS's Japanese pages keep the
    // service's name "IAM Access Analyzer").
    let text = text
        .replace("Rhino Security Labs", "")
        .replace("Access Analyzer", "");
    let word = |w: &&str| {
        let w = w
            .trim_start_matches(['(', '"', '`'])
            .trim_end_matches([',', '.', ';', ':', ')', '"', '`']);
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_ascii_alphabetic())
            && cs.all(|c| c.is_ascii_lowercase() || c == '\'')
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w.iter().all(word))
        .map(|w| w.join(" "))
}

/// Where `text` breaks the spacing rules of docs/style-ja.md that a filled-in template can
/// break (a value next to a particle): a half-width space between two Japanese characters,
/// or none between Japanese and an ASCII letter or digit.
fn spacing_breach(text: &str) -> Option<String> {
    let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}');
    let cs: Vec<char> = text.chars().collect();
    let around = |i: usize| {
        cs[i.saturating_sub(8)..(i + 8).min(cs.len())]
            .iter()
            .collect()
    };
    for i in 0..cs.len().saturating_sub(1) {
        let (a, b) = (cs[i], cs[i + 1]);
        if (japanese(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && japanese(b))
        {
            return Some(around(i));
        }
        if b == ' ' && japanese(a) && cs.get(i + 2).is_some_and(|&c| japanese(c)) {
            return Some(around(i));
        }
    }
    None
}

/// `text` without what it quotes from the data and without the commands a sentence shows,
/// in parentheses (`(aws iam create-policy …)`) or as code (`` `aws iam …` ``): what is left
/// must be translated.
fn translated_part(text: &str, quotes: &[&str]) -> String {
    let mut t = text.to_string();
    for q in quotes {
        t = t.replace(q, " ");
    }
    while let Some(at) = t.find('`') {
        let end = t[at + 1..].find('`').map_or(t.len(), |e| at + e + 2);
        t.replace_range(at..end, " ");
    }
    while let Some(at) = t.find("(aws ") {
        let end = t[at..].find(')').map_or(t.len(), |e| at + e + 1);
        t.replace_range(at..end, " ");
    }
    t
}

/// Every finding the fixtures give (both accounts of every control's files), the escalation
/// chains and the startup incident.
fn every_fixture_finding() -> Vec<Finding> {
    let mut all = Vec::new();
    for (name, f) in fixtures() {
        for (side, scenario) in [("present", &f.present), ("absent", &f.absent)] {
            let Some(scenario) = scenario else { continue };
            match run(&format!("{name} ({side})"), scenario, f.now.as_deref()) {
                Ok(found) => all.extend(found),
                Err(e) => panic!("{name} ({side}): {e}"),
            }
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let chains = std::fs::read_to_string(dir.join("escalation/chains.gaad.json")).unwrap();
    let a = iamdojo::account::gaad::import_gaad("chains.gaad.json", &chains)
        .unwrap()
        .account;
    all.extend(audit(&a, a.now));
    let s = scenario::load_file(&dir.join("scenarios/startup-incident.yaml")).unwrap();
    all.extend(audit(&s.sandbox.account, s.sandbox.account.now));
    for f in std::fs::read_dir(dir.join("escalation/corpus")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|x| x == "yaml") {
            let s = scenario::load_file(&f).unwrap();
            let sb = &s.sandbox;
            all.extend(audit_across(&sb.account, &sb.accounts, sb.account.now));
        }
    }
    all
}

/// Every kind of finding reads in both languages: its title, its evidence and what its fix
/// says are Japanese in Japanese (only text quoted from the data, such as GuardDuty's titles,
/// and the commands stay English), the commands are the same in both, and every sentence of
/// the catalog that findings are made of is said by some fixture's finding, so none is left
/// unchecked. A control that wrote an English sentence into a finding, or a catalog entry
/// whose Japanese is English, fails here.
#[test]
fn every_finding_kind_reads_in_both_languages() {
    use iamdojo::msg::Message;
    use iamdojo::msg::audit::Audit;
    use std::collections::BTreeSet;
    let found = every_fixture_finding();
    let mut said: BTreeSet<&str> = BTreeSet::new();
    let mut fails = Vec::new();
    for f in &found {
        let at = format!("{} on {}", f.control, f.resource);
        let title = f.title(Lang::Ja);
        if let Some(run) = english_run(title) {
            fails.push(format!(
                "{at}: the title is English in Japanese (`{run}`): {title}"
            ));
        }
        assert_ne!(title, f.title(Lang::En), "{at}");
        let en = f.evidence.render(Lang::En);
        let ja = f.evidence.render(Lang::Ja);
        assert!(!en.trim().is_empty() && !ja.trim().is_empty(), "{at}");
        assert_ne!(en, ja, "{at}: the evidence is not translated");
        if let Some(run) = english_run(&translated_part(&ja, &f.evidence.quotes())) {
            fails.push(format!(
                "{at}: English in the Japanese evidence (`{run}`): {ja}"
            ));
        }
        if let Some(at_text) = spacing_breach(&ja) {
            fails.push(format!(
                "{at}: spacing in the Japanese evidence (`{at_text}`): {ja}"
            ));
        }
        for x in &f.fix {
            for words in x.words(Lang::Ja) {
                if let Some(run) = english_run(&translated_part(&words, &[])) {
                    fails.push(format!(
                        "{at}: English in the Japanese fix (`{run}`): {words}"
                    ));
                }
                if let Some(at_text) = spacing_breach(&words) {
                    fails.push(format!(
                        "{at}: spacing in the Japanese fix (`{at_text}`): {words}"
                    ));
                }
            }
            if x.words(Lang::En).is_empty() {
                assert_eq!(
                    x.render(Lang::Ja),
                    x.render(Lang::En),
                    "{at}: a command changed"
                );
            } else {
                assert_ne!(
                    x.render(Lang::Ja),
                    x.render(Lang::En),
                    "{at}: not translated"
                );
            }
            said.extend(x.entries().into_iter().map(|m| m.key()));
        }
        said.insert(f.title.key());
        said.extend(f.evidence.entries().into_iter().map(|m| m.key()));
    }
    // The entries of the text report and of `iamdojo access`, which no finding says (the
    // report's snapshots and the access tests show them).
    let report: BTreeSet<&str> = [
        Audit::NoFindings,
        Audit::Summary,
        Audit::CountCritical,
        Audit::CountHigh,
        Audit::CountMedium,
        Audit::CountLow,
        Audit::CountInformational,
        Audit::ManyResources,
        Audit::LabelResource,
        Audit::LabelEvidence,
        Audit::LabelFix,
        Audit::LabelWalk,
        Audit::ReplayIt,
        Audit::LabelMore,
        Audit::AndMore,
        Audit::SameForEach,
        Audit::NotChecked,
        // The progress line on a terminal (tests/cli.rs runs it on a pseudo-terminal).
        Audit::ProgressReading,
        Audit::ProgressPreparing,
        Audit::ProgressControl,
        Audit::NoAccount,
        Audit::NotATime,
        Audit::NeedsCredentials,
        Audit::NeedsPasswordPolicy,
        Audit::NeedsServices,
        Audit::NeedsActionCatalog,
        Audit::NeedsAccessAnalyzer,
        Audit::NeedsServerCertificates,
        // The titles of the controls no account can answer, listed as not checked.
        Audit::TitleIam23,
        Audit::TitleIam26,
        Audit::TitleIam28,
        Audit::WhoMay,
        Audit::BecauseOf,
        Audit::MatchedStatement,
        Audit::RootNeedsNoPolicy,
        Audit::MayPerform,
        Audit::MayPerformIf,
        Audit::ConditionKeys,
        Audit::MayEscalate,
        Audit::OfAll,
        Audit::NotAnAction,
        Audit::GiveActionOrPrincipal,
        Audit::CatalogDoesNotLoad,
    ]
    .iter()
    .map(|m| m.key())
    .collect();
    let unsaid: Vec<&str> = Audit::ALL
        .iter()
        .map(|m| m.key())
        .filter(|k| !said.contains(k) && !report.contains(k))
        .collect();
    assert!(
        unsaid.is_empty(),
        "no fixture's finding says these entries (add a fixture case that does): {unsaid:?}"
    );
    // Every entry in Japanese: no English sentence (the catalog test checks it differs).
    for m in Audit::ALL {
        if let Some(run) = english_run(&translated_part(m.ja(), &[])) {
            fails.push(format!(
                "Audit::{}: English in its Japanese (`{run}`): {}",
                m.key(),
                m.ja()
            ));
        }
    }
    assert!(
        fails.is_empty(),
        "{} failure(s):\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// The interface's findings panel shows the findings in the learner's language.
#[test]
fn the_findings_panel_speaks_the_learners_language() {
    use iamdojo::progress::{LearnerName, Store};
    use iamdojo::tui::app::App;
    use iamdojo::tui::panel::{Body, Kind, Panel};
    use iamdojo::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = scenario::load_file(&root.join("tests/data/scenarios/startup-incident.yaml")).unwrap();
    let found = audit(&s.sandbox.account, s.sandbox.account.now);
    let first = found.first().expect("findings").clone();
    assert_eq!(first.control, "IAM.9", "the most severe comes first");
    let pack = iamdojo::lesson::load::load_dir(&root.join("tests/data/packs/tiny")).unwrap();
    for lang in [Lang::En, Lang::Ja] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        let learner = store.learner(&LearnerName::default_profile()).unwrap();
        let mut app = App::new(
            vec![pack.clone()],
            Vec::new(),
            lang,
            Theme::no_color(),
            Some(store),
            Some(learner),
        );
        app.panel = Some(Panel::new(
            Kind::Findings,
            Body::Findings(Some(found.clone())),
        ));
        let mut t = Terminal::new(TestBackend::new(160, 40)).unwrap();
        t.draw(|f| iamdojo::tui::view::draw(f, &app)).unwrap();
        let screen = format!("{}", t.backend());
        let (title, evidence, other) = match lang {
            Lang::En => ("MFA is not enabled", "with a password alone", "パスワード"),
            Lang::Ja => (
                "MFA が有効になっていません",
                "パスワードだけで",
                "password alone",
            ),
        };
        assert!(
            screen.contains(title),
            "{lang:?}: no title `{title}`:\n{screen}"
        );
        assert!(
            screen.contains(evidence),
            "{lang:?}: no `{evidence}`:\n{screen}"
        );
        assert!(
            !screen.contains(other),
            "{lang:?}: the other language shows:\n{screen}"
        );
    }
}

/// `iamdojo access` speaks the chosen language in its readable lines; its JSON is the same in
/// every language.
#[test]
fn access_speaks_the_chosen_language_and_its_json_does_not() {
    let access = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("access")
            .args(args)
            .args(["--scenario", "tests/data/scenarios/startup-incident.yaml"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let who = ["--action", "iam:CreateUser"];
    let en = access(&[&who[..], &["--lang", "en"]].concat());
    let ja = access(&[&who[..], &["--lang", "ja"]].concat());
    assert!(
        en.starts_with("2 principal(s) may iam:CreateUser on *:"),
        "{en}"
    );
    assert!(
        en.contains("because of the root user needs no policy"),
        "{en}"
    );
    assert!(
        en.contains("because of identity-based policy AdministratorAccess statement 0"),
        "{en}"
    );
    assert!(ja.contains("実行できるプリンシパルは 2 件です"), "{ja}");
    assert!(
        ja.contains(
            "根拠: アイデンティティベースのポリシー AdministratorAccess のステートメント 0"
        ),
        "{ja}"
    );
    assert_eq!(english_run(&ja), None, "{ja}");
    let what = ["--principal", "user/akiko"];
    let ja = access(&[&what[..], &["--lang", "ja"]].concat());
    assert!(ja.starts_with("user/akiko は "), "{ja}");
    for args in [&who[..], &what[..]] {
        let json = |lang| access(&[args, &["--format", "json", "--lang", lang]].concat());
        assert_eq!(json("en"), json("ja"), "{args:?}");
    }
}
