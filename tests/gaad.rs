//! Import and export in AWS's formats: a small company's authorization details, credential
//! report and password policy (`tests/data/gaad/`) load, export and load again without loss;
//! every broken file under `tests/data/gaad/errors/` gets a message snapshot; the imported
//! account decides requests and answers `get-account-authorization-details`.

use std::path::Path;

use iamdojo::account::authz::{Caller, Identity};
use iamdojo::account::command::Sandbox;
use iamdojo::account::gaad::{self, Imported};
use iamdojo::account::{Account, KeyStatus};

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gaad")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The company: authorization details, then the credential report and the password policy.
fn company() -> Imported {
    let mut imp =
        gaad::import_gaad("company.json", &data("company.json")).expect("the fixture loads");
    imp.apply_credential_report("credential-report.csv", &data("credential-report.csv"))
        .expect("the report applies");
    imp.apply_password_policy("password-policy.json", &data("password-policy.json"))
        .expect("the password policy applies");
    imp
}

/// The three exports of an account.
fn exports(a: &Account) -> (String, String, Option<String>) {
    (
        gaad::export_gaad(a),
        gaad::export_credential_report(a),
        gaad::export_password_policy(a),
    )
}

fn caller(identity: Identity) -> Caller {
    Caller {
        identity,
        access_key_id: None,
        session_key: None,
        mfa: None,
        token_issued: None,
        source_ip: "203.0.113.10".into(),
        region: "us-east-1".into(),
    }
}

fn allowed(a: &Account, who: Identity, action: &str, resource: &str) -> bool {
    let (_, _, d) = a.decide(&caller(who), action, resource, &[], None);
    d.is_allowed()
}

#[test]
fn the_company_loads_with_everything_in_place() {
    let imp = company();
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    let a = &imp.account;
    assert_eq!(a.id, "111122223333");
    // Six users in the details and `frank`, who is only in the credential report.
    assert_eq!(a.users.len(), 7);
    assert_eq!(a.groups.len(), 3);
    assert_eq!(a.roles.len(), 4);
    // Five in `Policies`, plus IAMUserChangePassword and SecurityAudit from the bundled set.
    assert_eq!(a.policies.len(), 7);
    // The clock moved to the latest time the files mention (the deployer role's last use).
    assert_eq!(a.now.to_string(), "2026-01-06T10:00:00Z");

    let bob = &a.users["bob"];
    assert_eq!(bob.path, "/engineering/");
    assert_eq!(
        bob.boundary.as_deref(),
        Some("arn:aws:iam::111122223333:policy/DeveloperBoundary")
    );
    assert_eq!(bob.groups, ["Developers"]);
    assert!(bob.inline.contains_key("ReadTeamBucket"));
    assert_eq!(bob.access_keys.len(), 2);
    assert_eq!(bob.access_keys[1].status, KeyStatus::Inactive);
    let used = bob.access_keys[0]
        .last_used
        .as_ref()
        .expect("key 1 was used");
    assert_eq!(
        (used.region.as_str(), used.service.as_str()),
        ("eu-west-1", "s3")
    );
    assert!(a.users["alice"].mfa.iter().any(|d| d.enabled.is_some()));
    assert!(a.users["carol"].login_profile.is_none());
    assert!(
        a.users["dave"]
            .login_profile
            .as_ref()
            .is_some_and(|l| l.last_used.is_none())
    );
    assert_eq!(a.users["frank"].created.to_string(), "2025-12-01T09:00:00Z");
    assert!(a.root.mfa_enabled);
    assert_eq!(
        a.root.last_sign_in.map(|t| t.to_string()).as_deref(),
        Some("2025-11-02T07:15:00Z")
    );

    // URL-encoded documents are decoded: eve's inline policy and both DeployPolicy versions.
    assert!(
        a.users["eve"].inline["LegacyExports"]
            .text
            .contains("legacy-exports")
    );
    let deploy = &a.policies["arn:aws:iam::111122223333:policy/service/DeployPolicy"];
    assert_eq!(deploy.default_version, "v2");
    assert_eq!(deploy.next_version, 3);
    let ids: Vec<&str> = deploy.versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["v1", "v2"]);
    assert!(deploy.versions[1].document.text.contains("UpdateFunctions"));
    let boundary = &a.policies["arn:aws:iam::111122223333:policy/DeveloperBoundary"];
    assert_eq!(boundary.default_version, "v1");

    let web = &a.roles["web-server"];
    assert_eq!(web.max_session_duration, 7200);
    assert_eq!(web.description.as_deref(), Some("Runs the web tier on EC2"));
    assert!(web.trust.text.contains("ec2.amazonaws.com"));
    assert_eq!(a.instance_profiles["web-server"].roles, ["web-server"]);
    assert_eq!(a.instance_profiles["web-server"].id, "AIPAQEXAMPLEWEBPRF1");
    assert!(a.roles["AWSServiceRoleForSupport"].last_used.is_none());
    assert_eq!(
        a.password_policy
            .as_ref()
            .map(|p| p.minimum_password_length),
        Some(14)
    );
}

#[test]
fn export_then_import_again_loses_nothing() {
    let first = company().account;
    let (details, report, policy) = exports(&first);
    let mut again = gaad::import_gaad("export.json", &details).expect("the export loads");
    again
        .apply_credential_report("export.csv", &report)
        .expect("the exported report applies");
    let policy = policy.expect("the company has a password policy");
    again
        .apply_password_policy("export-policy.json", &policy)
        .expect("the exported policy applies");
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let second = again.account;
    let (details2, report2, policy2) = exports(&second);
    assert_eq!(details, details2);
    assert_eq!(report, report2);
    assert_eq!(Some(policy.clone()), policy2);
    // The password policy export is byte for byte the file AWS wrote.
    assert_eq!(policy, data("password-policy.json"));

    // Spot checks on what went through the formats twice.
    assert_eq!(first.now, second.now);
    for name in first.users.keys() {
        let (u1, u2) = (&first.users[name], &second.users[name]);
        assert_eq!((&u1.arn, &u1.id, u1.created), (&u2.arn, &u2.id, u2.created));
        assert_eq!(u1.boundary, u2.boundary, "{name}");
        assert_eq!(u1.attached, u2.attached, "{name}");
        assert_eq!(u1.groups, u2.groups, "{name}");
        assert_eq!(u1.tags, u2.tags, "{name}");
        assert_eq!(u1.login_profile, u2.login_profile, "{name}");
        assert_eq!(u1.mfa, u2.mfa, "{name}");
        let keys = |u: &iamdojo::account::User| {
            u.access_keys
                .iter()
                .map(|k| (k.status, k.created, k.last_used.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(u1), keys(u2), "{name}");
    }
    for (arn, p1) in &first.policies {
        let p2 = &second.policies[arn];
        assert_eq!(p1.default_version, p2.default_version, "{arn}");
        let versions = |p: &iamdojo::account::ManagedPolicy| {
            p.versions
                .iter()
                .map(|v| (v.id.clone(), v.created, v.document.policy.statements.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(versions(p1), versions(p2), "{arn}");
    }
    for (name, r1) in &first.roles {
        let r2 = &second.roles[name];
        assert_eq!(r1.last_used, r2.last_used, "{name}");
        assert_eq!(r1.boundary, r2.boundary, "{name}");
        assert_eq!(
            r1.trust.policy.statements.len(),
            r2.trust.policy.statements.len(),
            "{name}"
        );
        assert_eq!(r1.max_session_duration, r2.max_session_duration, "{name}");
    }
    assert_eq!(first.root.mfa_enabled, second.root.mfa_enabled);
    assert_eq!(first.root.last_sign_in, second.root.last_sign_in);
}

#[test]
fn the_report_also_reads_as_get_credential_report_json() {
    let mut sb = Sandbox::new(company().account);
    let out = sb.run("aws iam get-credential-report");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut imp =
        gaad::import_gaad("company.json", &data("company.json")).expect("the fixture loads");
    imp.apply_credential_report("report.json", &out.stdout)
        .expect("the JSON form applies");
    let bob = &imp.account.users["bob"];
    assert_eq!(bob.access_keys.len(), 2);
    assert!(imp.account.users.contains_key("frank"));
    assert!(imp.account.root.mfa_enabled);
}

/// What importing a broken file of `errors/` says: a `*.gaad.json`, a `*.report.csv` applied
/// to the fixture account, or a `*.password-policy.json`.
fn refused(name: &str, text: &str) -> gaad::ImportError {
    let result = if name.ends_with(".gaad.json") {
        gaad::import_gaad(name, text).map(|_| ())
    } else if name.ends_with(".report.csv") {
        let mut imp =
            gaad::import_gaad("company.json", &data("company.json")).expect("the fixture loads");
        imp.apply_credential_report(name, text)
    } else if name.ends_with(".password-policy.json") {
        gaad::parse_password_policy(name, text).map(|_| ())
    } else {
        panic!("{name}: name error cases *.gaad.json, *.report.csv or *.password-policy.json");
    };
    result.expect_err("a broken file is refused")
}

#[test]
fn broken_files_get_messages_that_point_into_them() {
    insta::glob!("data/gaad/errors/*", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        insta::assert_snapshot!(refused(&name, &text).to_string());
    });
}

#[test]
fn missing_aws_managed_policies_get_stand_ins_that_allow_nothing() {
    let imp = gaad::import_gaad("stand-ins.gaad.json", &data("warnings/stand-ins.gaad.json"))
        .expect("stand-ins are not errors");
    let text: Vec<String> = imp.warnings.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(text.join("\n"));
    let a = &imp.account;
    // ReadOnlyAccess is bundled, so it is the real thing.
    assert!(allowed(
        a,
        Identity::User("lambda-dev".into()),
        "s3:GetObject",
        "arn:aws:s3:::logs/a.txt"
    ));
    // AWSLambdaBasicExecutionRole is not: its stand-in allows nothing.
    let stand_in = &a.policies["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"];
    assert!(stand_in.aws_managed);
    assert!(!allowed(
        a,
        Identity::User("lambda-dev".into()),
        "logs:PutLogEvents",
        "arn:aws:logs:us-east-1:111122223333:log-group:x"
    ));
}

#[test]
fn the_imported_account_decides_requests() {
    let a = company().account;
    let user = |n: &str| Identity::User(n.into());
    // alice is in Admins, which has AdministratorAccess.
    assert!(allowed(
        &a,
        user("alice"),
        "iam:CreateUser",
        "arn:aws:iam::111122223333:user/mallory"
    ));
    // bob's boundary denies identity changes and allows no EC2 in its default version (v1).
    assert!(!allowed(
        &a,
        user("bob"),
        "iam:CreateUser",
        "arn:aws:iam::111122223333:user/mallory"
    ));
    assert!(!allowed(&a, user("bob"), "ec2:DescribeInstances", "*"));
    assert!(allowed(
        &a,
        user("bob"),
        "s3:GetObject",
        "arn:aws:s3:::dev-web-team/readme.md"
    ));
    // carol has DeveloperAccess v2 (with EC2 reads) and no boundary.
    assert!(allowed(&a, user("carol"), "ec2:DescribeInstances", "*"));
    // The Developers group's inline Deny holds for production resources.
    let (_, _, d) = a.decide(
        &caller(user("carol")),
        "s3:DeleteObject",
        "arn:aws:s3:::dev-web-team/x",
        &[("aws:ResourceTag/env", vec!["production".into()])],
        None,
    );
    assert!(!d.is_allowed());
    // The web-server role reads assets through its inline policy (the URL-encoded deploy
    // policy is the deployer's).
    let role = |r: &str| Identity::Role {
        role: r.into(),
        session: "test".into(),
    };
    assert!(allowed(
        &a,
        role("web-server"),
        "s3:GetObject",
        "arn:aws:s3:::example-assets/logo.png"
    ));
    assert!(allowed(
        &a,
        role("deployer"),
        "lambda:UpdateFunctionCode",
        "arn:aws:lambda:eu-west-1:111122223333:function:web-frontend"
    ));
}

#[test]
fn get_account_authorization_details_answers_in_the_sandbox() {
    let mut sb = Sandbox::new(company().account);
    let out = sb.run(
        "aws iam get-account-authorization-details --filter Role --query 'RoleDetailList[].RoleName' --output text",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "AWSServiceRoleForSupport\tOrganizationAccountAccessRole\tdeployer\tweb-server\n"
    );
    // AWS managed policies are listed while something uses them.
    let out = sb.run(
        "aws iam get-account-authorization-details --filter AWSManagedPolicy --query 'Policies[].PolicyName' --output text",
    );
    assert_eq!(
        out.stdout,
        "AdministratorAccess\tIAMUserChangePassword\tSecurityAudit\tAWSSupportServiceRolePolicy\n"
    );
    let out = sb.run("aws iam get-account-authorization-details --filter User Group");
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("filter_user_group", out.stdout);
    let out = sb.run("aws iam get-account-authorization-details --filter Users");
    assert_eq!(out.code, 254);
    insta::assert_snapshot!("filter_typo", out.stderr);
    // The export and the command agree, but for the page marker the CLI's paginator drops
    // (it fetches every page and prints the entities alone).
    let out = sb.run("aws iam get-account-authorization-details");
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut exported: serde_json::Value =
        serde_json::from_str(&gaad::export_gaad(&sb.account)).unwrap();
    assert_eq!(exported["IsTruncated"], serde_json::json!(false));
    exported.as_object_mut().unwrap().remove("IsTruncated");
    assert_eq!(printed, exported);
}

#[test]
fn sandbox_loads_the_files_before_the_shell_starts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gaad");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["sandbox", "--gaad"])
        .arg(dir.join("company.json"))
        .arg("--credential-report")
        .arg(dir.join("credential-report.csv"))
        .arg("--password-policy")
        .arg(dir.join("password-policy.json"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(
                b"aws iam get-user --user-name bob --query User.Arn --output text\naws iam get-account-password-policy --query PasswordPolicy.MinimumPasswordLength\n",
            )
            .expect("stdin takes the commands");
    }
    let out = child.wait_with_output().expect("the binary ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "arn:aws:iam::111122223333:user/engineering/bob\n14\n"
    );

    // A broken file stops the sandbox with exit status 2 and the message.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["sandbox", "--gaad"])
        .arg(dir.join("errors/wrong-type.gaad.json"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("UserDetailList[3].AttachedManagedPolicies[0].PolicyArn"),
        "{stderr}"
    );
}

/// A user name with a comma and a quote stays one field of the credential report: the CSV is
/// valid (every row as long as the header) and reads back to the same user.
#[test]
fn a_user_name_with_a_comma_and_a_quote_round_trips_through_the_report() {
    let mut sb = Sandbox::new(Account::new(iamdojo::account::DEFAULT_ACCOUNT_ID, 1));
    let made = sb.run("aws iam create-user --user-name plain");
    assert_eq!(made.code, 0, "{}", made.stderr);
    let odd = "dev,ops\"team";
    let mut user = sb.account.users["plain"].clone();
    user.arn = user.arn.replace("plain", odd);
    user.name = odd.to_string();
    let arn = user.arn.clone();
    sb.account.users.insert(odd.to_string(), user);

    let report = gaad::export_credential_report(&sb.account);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(report.as_bytes());
    let width = reader.headers().expect("a header").len();
    let names: Vec<String> = reader
        .records()
        .map(|r| {
            let r = r.expect("a valid CSV row");
            assert_eq!(r.len(), width);
            r[0].to_string()
        })
        .collect();
    assert!(names.contains(&odd.to_string()), "{report}");

    let mut again = Account::new(iamdojo::account::DEFAULT_ACCOUNT_ID, 1);
    gaad::apply_credential_report(&mut again, "report.csv", &report).expect("the report applies");
    assert_eq!(again.users.get(odd).map(|u| &u.arn), Some(&arn));
    assert_eq!(gaad::export_credential_report(&again), report);
}

/// A broken file is explained in Japanese for `--lang ja`, file, line, column and path kept:
/// a file that is not JSON, a field of the wrong type, a policy document the parser refuses
/// (written as an object or URL-encoded), a name or path IAM refuses and an unknown policy
/// read with no English sentence left, and so do the import's own checks of ARNs, accounts,
/// versions and quotas, the credential report's row errors and unreadable times included:
/// every file of `errors/` is tried.
#[test]
fn broken_files_are_explained_in_japanese() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gaad/errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the error cases are there")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() > 20, "{names:?}");
    let mut said = Vec::new();
    let mut bad = Vec::new();
    for name in &names {
        let text = data(&format!("errors/{name}"));
        let err = refused(name, &text);
        let ja = err.said().render(iamdojo::lang::Lang::Ja);
        assert_eq!(err.said().render(iamdojo::lang::Lang::En), err.to_string());
        let english = super::english::english_in(&ja);
        if !english.is_empty() {
            bad.push(format!("{name}: English {english:?} in {ja}"));
        }
        if !ja.starts_with(&format!("`{name}`")) {
            bad.push(format!("{name}: the file is not named first: {ja}"));
        }
        // A JSON place reads `line:column`, a row of the report `N 行目` (and its column).
        if let Some((line, column)) = err.location()
            && !ja.contains(&format!("{line}:{column}"))
            && !ja.contains(&format!("{line} 行目"))
        {
            bad.push(format!("{name}: {line}:{column} not in {ja}"));
        }
        said.push(format!("{name}:\n{ja}\n"));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    insta::assert_snapshot!(said.join("\n"));
}

/// What an import put up with is said in Japanese for `--lang ja` too, the place kept.
#[test]
fn import_warnings_are_said_in_japanese() {
    let imp = gaad::import_gaad("stand-ins.gaad.json", &data("warnings/stand-ins.gaad.json"))
        .expect("stand-ins are not errors");
    assert!(!imp.warnings.is_empty());
    for w in &imp.warnings {
        let ja = w.said().render(iamdojo::lang::Lang::Ja);
        assert_eq!(w.said().render(iamdojo::lang::Lang::En), w.to_string());
        let english = super::english::english_in(&ja);
        assert!(english.is_empty(), "English {english:?} in {ja}");
        assert!(ja.contains(&format!("場所: `{}`", w.place)), "{ja}");
    }
}
