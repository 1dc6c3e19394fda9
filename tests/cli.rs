//! The real binary, run as a user would.

use std::process::Command;

fn iamdojo(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const READ_PHOTOS: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadPhotos",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::photos/*"
    }
  ]
}"#;

#[test]
fn no_arguments_without_a_terminal_explains_and_version_works() {
    // Without a terminal the course cannot start; the message says what to do instead.
    let (code, out, err) = iamdojo(&[]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("needs a terminal") && err.contains("--help"),
        "{err}"
    );
    let (code, out, _) = iamdojo(&["--help"]);
    assert_eq!(code, 0);
    for cmd in [
        "simulate-custom-policy",
        "sandbox",
        "audit",
        "validate-policy",
        "lessons",
        "progress",
        "class",
    ] {
        assert!(out.contains(cmd), "--help lacks {cmd}:\n{out}");
    }
    let (code, out, _) = iamdojo(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("iamdojo "), "{out}");
}

#[test]
fn every_command_has_help() {
    let (code, out, _) = iamdojo(&["simulate-custom-policy", "--help"]);
    assert_eq!(code, 0);
    for flag in [
        "--cli-input-json",
        "--policy-input-list",
        "--action-names",
        "--resource-arns",
        "--context-entries",
        "--explain",
    ] {
        assert!(out.contains(flag), "help lacks {flag}:\n{out}");
    }
}

#[test]
fn simulate_output_has_aws_shape() {
    let (code, out, err) = iamdojo(&[
        "simulate-custom-policy",
        "--policy-input-list",
        READ_PHOTOS,
        "--action-names",
        "s3:GetObject",
        "s3:PutObject",
        "--resource-arns",
        "arn:aws:s3:::photos/cat.jpg",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn simulate_reads_cli_input_json_from_a_file() {
    let dir = std::env::temp_dir().join(format!("iamdojo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("input.json");
    let input = serde_json::json!({
        "PolicyInputList": [READ_PHOTOS],
        "ActionNames": ["s3:GetObject"],
        "ResourceArns": ["arn:aws:s3:::photos/a.jpg", "arn:aws:s3:::other/b.jpg"],
    });
    std::fs::write(&path, input.to_string()).expect("write input");
    let arg = format!("file://{}", path.display());
    let (code, out, err) = iamdojo(&["simulate-custom-policy", "--cli-input-json", &arg]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    let r = &v["EvaluationResults"][0];
    assert_eq!(r["EvalDecision"], "implicitDeny");
    assert_eq!(
        r["ResourceSpecificResults"][0]["EvalResourceDecision"],
        "allowed"
    );
    assert_eq!(
        r["ResourceSpecificResults"][1]["EvalResourceDecision"],
        "implicitDeny"
    );
}

#[test]
fn malformed_policy_exits_2_with_location_and_no_stdout() {
    let bad = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Permit\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}";
    let (code, out, err) = iamdojo(&[
        "simulate-custom-policy",
        "--policy-input-list",
        READ_PHOTOS,
        bad,
        "--action-names",
        "s3:GetObject",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "stdout must stay empty: {out}");
    insta::assert_snapshot!(err);
}

#[test]
fn explain_prints_the_decision_path() {
    let (code, out, err) = iamdojo(&[
        "simulate-custom-policy",
        "--explain",
        "--policy-input-list",
        READ_PHOTOS,
        "--action-names",
        "s3:GetObject",
        "--resource-arns",
        "arn:aws:s3:::photos",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn explain_in_japanese_and_json_in_every_language() {
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "simulate-custom-policy",
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--resource-arns",
            "arn:aws:s3:::photos",
        ];
        a.extend_from_slice(extra);
        a
    };
    let (code, out, err) = iamdojo(&args(&["--explain", "--lang", "ja"]));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
    // `--lang` changes only the readable trace: the JSON is AWS's, whatever the language.
    let (_, en, _) = iamdojo(&args(&[]));
    let (_, ja, _) = iamdojo(&args(&["--lang", "ja"]));
    assert_eq!(en, ja);
    let (code, _, err) = iamdojo(&args(&["--explain", "--lang", "fr"]));
    assert_eq!(code, 2, "an unknown language is a usage error: {err}");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let (code, _, err) = iamdojo(&["simulate-custom-policy", "--action-name", "s3:GetObject"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--action-names"),
        "suggests the right flag: {err}"
    );
}

#[test]
fn access_lists_who_may_and_what_one_may() {
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/scenarios/startup-incident.yaml"
    );
    let (code, out, err) = iamdojo(&[
        "access",
        "--action",
        "iam:CreateUser",
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let who: Vec<&str> = v["allowed"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["principal"].as_str()).collect())
        .unwrap_or_default();
    // The administrator and root; not the developer with read-only access and EC2.
    assert_eq!(
        who,
        vec![
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/akiko"
        ]
    );
    let (code, out, err) = iamdojo(&[
        "access",
        "--principal",
        "user/ci-bot",
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let ec2_write = v["services"]["ec2"]["Write"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    assert!(
        ec2_write > 100,
        "ec2:* grants the Write actions: {ec2_write}"
    );
    // iam:PassRole (a Write action in the reference) from DeployApp, but no other IAM write.
    let iam_write: Vec<&str> = v["services"]["iam"]["Write"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(iam_write, vec!["PassRole"]);
    let (code, _, err) = iamdojo(&[
        "access",
        "--principal",
        "user/nobody",
        "--scenario",
        scenario,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no user `nobody`"), "{err}");
}

/// `iamdojo BEFORE… access --principal PRINCIPAL --scenario conditional-access.yaml AFTER…`,
/// which must succeed: its standard output.
fn conditional_access(before: &[&str], principal: &str, after: &[&str]) -> String {
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/scenarios/conditional-access.yaml"
    );
    let mut args: Vec<&str> = before.to_vec();
    args.extend(["access", "--principal", principal, "--scenario", scenario]);
    args.extend_from_slice(after);
    let (code, out, err) = iamdojo(&args);
    assert_eq!(code, 0, "{err}");
    out
}

/// `access --principal` lists apart the actions its identity-based policies allow only under a
/// condition, with the condition keys, in the JSON and in the table (English and Japanese); a
/// conditional allow that the boundary or a deny keeps out is not listed
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>).
#[test]
fn access_lists_what_a_principal_may_do_only_under_a_condition() {
    let run = |extra: &[&str]| conditional_access(&[], "user/mfa-dev", extra);
    let v: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).expect("JSON");
    // Allowed as it stands: only the unconditional statement.
    assert_eq!(
        v["services"],
        serde_json::json!({"s3": {"List": ["ListAllMyBuckets"]}})
    );
    assert_eq!(
        v["conditional"],
        serde_json::json!({
            "iam": {"Write": [{"action": "CreateAccessKey", "condition_keys": ["aws:MultiFactorAuthPresent"]}]},
            "s3": {"Read": [{"action": "GetObject", "condition_keys": ["aws:SourceIp"]}]},
        })
    );
    let en = run(&["--lang", "en"]);
    assert!(
        en.contains(
            "user/mfa-dev may perform 2 more action(s) in 2 service(s) only under a condition:"
        ),
        "{en}"
    );
    assert!(
        en.lines().any(|l| l.starts_with("  iam ")
            && l.ends_with("Write 1  (condition keys: aws:MultiFactorAuthPresent)")),
        "{en}"
    );
    let ja = run(&["--lang", "ja"]);
    assert!(
        ja.contains("user/mfa-dev は、条件を満たす場合に限り、さらに 2 個のサービスで 2 個のアクションを実行できます:"),
        "{ja}"
    );
    assert!(ja.contains("(条件キー: aws:SourceIp)"), "{ja}");
}

/// "Allow `*`, Deny everything but the MFA set-up unless `aws:MultiFactorAuthPresent`" (AWS's
/// example, <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html>):
/// `access --principal` lists what the deny covers as allowed only under a condition, with the
/// deny's condition key, and only the actions it leaves out as allowed. With `BoolIfExists` the
/// deny applies as the request stands (no MFA key), with `Bool` it does not, and either way the
/// answer depends on MFA
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists>);
/// an unconditional deny (`ec2:*`) keeps its actions out of both lists.
#[test]
fn access_lists_what_a_conditional_deny_covers_as_conditional() {
    for user in ["user/mfa-admin", "user/mfa-admin-bool"] {
        let json = conditional_access(&[], user, &["--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(
            v["services"],
            serde_json::json!({
                "iam": {"List": ["ListMFADevices"]},
                // GetCallerIdentity needs no permission: no deny keeps it out
                // (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
                "sts": {"Read": ["GetCallerIdentity", "GetSessionToken"]},
            }),
            "{user}"
        );
        let c = &v["conditional"];
        let keys = |svc: &str, level: &str, action: &str| {
            c[svc][level]
                .as_array()
                .and_then(|a| a.iter().find(|x| x["action"] == action))
                .map(|x| x["condition_keys"].clone())
        };
        let mfa = Some(serde_json::json!(["aws:MultiFactorAuthPresent"]));
        assert_eq!(keys("s3", "Read", "GetObject"), mfa, "{user}: {c}");
        assert_eq!(keys("iam", "Write", "CreateUser"), mfa, "{user}: {c}");
        assert_eq!(keys("iam", "List", "ListUsers"), mfa, "{user}: {c}");
        assert!(c.get("ec2").is_none(), "{user}: {c}");
        assert!(keys("iam", "List", "ListMFADevices").is_none(), "{user}");
    }
    let en = conditional_access(&[], "user/mfa-admin", &["--lang", "en"]);
    assert!(
        en.lines().any(|l| l.starts_with("  s3 ")
            && l.ends_with("(condition keys: aws:MultiFactorAuthPresent)")),
        "{en}"
    );
    assert!(!en.lines().any(|l| l.starts_with("  ec2 ")), "{en}");
    let ja = conditional_access(&["--lang", "ja"], "user/mfa-admin", &[]);
    assert!(ja.contains("条件を満たす場合に限り"), "{ja}");
    assert!(
        ja.contains("(条件キー: aws:MultiFactorAuthPresent)"),
        "{ja}"
    );
}

/// `--lang` given before the subcommand (`iamdojo --lang ja access …`) is the subcommand's
/// language too, unless the subcommand is given its own.
#[test]
fn a_top_level_lang_reaches_the_subcommand() {
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/scenarios/conditional-access.yaml"
    );
    let ja = conditional_access(&["--lang", "ja"], "user/mfa-dev", &[]);
    assert!(ja.contains("(条件キー: aws:SourceIp)"), "{ja}");
    let en = conditional_access(&["--lang", "ja"], "user/mfa-dev", &["--lang", "en"]);
    assert!(en.contains("(condition keys: aws:SourceIp)"), "{en}");
    let (code, out, err) = iamdojo(&["--lang", "ja", "audit", "--scenario", scenario]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("件の検出結果があります"), "{out}");
}

/// `access --principal` lists the escalation paths that start at the principal, and
/// `sandbox --replay ID` walks one: every command through the sandbox as the principal, then
/// a call only an administrator may make; an unknown id lists the ids there are.
#[test]
fn access_lists_a_principals_escalation_paths_and_sandbox_replays_one() {
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/escalation/corpus/16-assume-role-chain.yaml"
    );
    let (code, out, err) = iamdojo(&[
        "access",
        "--principal",
        "user/hopper",
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["escalation"][0]["id"], "user/hopper/1");
    assert_eq!(
        v["escalation"][0]["to"],
        "arn:aws:iam::123456789012:user/admin"
    );
    assert_eq!(
        v["escalation"][0]["commands"][2],
        "aws iam create-access-key --user-name admin"
    );
    // The administrator has none.
    let (_, out, _) = iamdojo(&[
        "access",
        "--principal",
        "user/admin",
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["escalation"], serde_json::json!([]));
    let (code, out, err) = iamdojo(&[
        "sandbox",
        "--lang",
        "en",
        "--scenario",
        scenario,
        "--replay",
        "user/hopper/1",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/Hop1"),
        "{out}"
    );
    assert!(
        out.contains("\"Arn\": \"arn:aws:sts::123456789012:assumed-role/Hop2/escalation\""),
        "{out}"
    );
    assert!(
        out.contains("$ aws iam create-user --user-name escalation-proof"),
        "{out}"
    );
    assert!(
        out.trim_end().ends_with("arn:aws:iam::123456789012:user/admin is an administrator now: it created a user. Fix: remove sts:AssumeRole from hopper's policies, or limit it to resources that are not administrators"),
        "{out}"
    );
    let (code, _, err) = iamdojo(&[
        "sandbox",
        "--lang",
        "en",
        "--scenario",
        scenario,
        "--replay",
        "user/hoper/1",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("its paths: user/hopper/1, role/Hop1/1, role/Hop2/1"),
        "{err}"
    );
}

/// Runs the binary with its standard output a pipe whose reading end is closed before the
/// binary writes anything, as `iamdojo … | head -0` would; `input` goes to its standard
/// input. Returns the exit status (None when a signal ended it) and standard error.
fn with_closed_stdout(args: &[&str], input: &str) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    // The commands below that read standard input write nothing before reading it all, so
    // their pipe is certainly closed first.
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("standard error is a pipe")
        .read_to_string(&mut err)
        .expect("standard error is text");
    let status = child.wait().expect("the binary ends");
    (status.code(), err)
}

fn assert_ends_quietly(args: &[&str], input: &str) {
    let (code, err) = with_closed_stdout(args, input);
    assert_eq!(code, Some(0), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
}

#[test]
fn a_closed_stdout_ends_audit_quietly() {
    assert_ends_quietly(
        &[
            "audit",
            "--scenario",
            "lessons/iam-course/scenarios/11-messy-account.yaml",
        ],
        "",
    );
}

#[test]
fn a_closed_stdout_ends_simulate_quietly() {
    assert_ends_quietly(
        &[
            "simulate-custom-policy",
            "--policy-input-list",
            "-",
            "--action-names",
            "s3:GetObject",
            "--resource-arns",
            "arn:aws:s3:::photos/cat.jpg",
        ],
        READ_PHOTOS,
    );
}

#[test]
fn a_closed_stdout_ends_validate_quietly() {
    assert_ends_quietly(
        &[
            "validate-policy",
            "--policy-document",
            "-",
            "--format",
            "text",
        ],
        READ_PHOTOS,
    );
}

#[test]
fn a_closed_stdout_ends_sandbox_quietly() {
    assert_ends_quietly(
        &["sandbox"],
        "aws iam create-user --user-name alice\naws iam list-users\nhelp\n",
    );
}

/// Runs the binary with `input` on its standard input; returns the exit status, standard
/// output and standard error.
fn iamdojo_with_input(args: &[&str], input: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input)
            .expect("standard input takes the text");
    }
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every input `simulate-custom-policy` refuses, said with `--lang ja`: the flag or AWS's
/// field leads as in English, the rest is Japanese, and nothing reaches standard output.
#[test]
fn simulate_input_errors_in_japanese() {
    const RCP_ALLOWS: &str = r#"[{"ResourceControlPolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"]}]"#;
    const RCP_DENIES: &str = r#"[{"ResourceControlPolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"]}]"#;
    let cases: &[&[&str]] = &[
        // No action.
        &["--policy-input-list", READ_PHOTOS],
        // A caller that is no principal.
        &[
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--caller-arn",
            "arn:aws:s3:::photos",
        ],
        // A context entry with a type AWS does not have, and one with too many values.
        &[
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--context-entries",
            "ContextKeyName=aws:SourceIp,ContextKeyValues=10.0.0.1,ContextKeyType=address",
        ],
        &[
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--context-entries",
            "ContextKeyName=aws:SourceIp,ContextKeyValues=10.0.0.1,10.0.0.2,ContextKeyType=ip",
        ],
        // Shorthand that cannot be read, and shorthand without a name.
        &[
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--context-entries",
            "aws:SourceIp",
        ],
        &[
            "--policy-input-list",
            READ_PHOTOS,
            "--action-names",
            "s3:GetObject",
            "--context-entries",
            "ContextKeyValues=10.0.0.1",
        ],
        // JSON that does not parse.
        &["--cli-input-json", "{\"ActionNames\": [\"s3:GetObject\"],"],
        // An RCP that allows; the caller's RCPs for another account's resource; the owner's
        // organization levels for the caller's own resource.
        &[
            "--action-names",
            "s3:GetObject",
            "--ordered-organization-policy-input-list",
            RCP_ALLOWS,
        ],
        &[
            "--action-names",
            "s3:GetObject",
            "--resource-owner",
            "222222222222",
            "--ordered-organization-policy-input-list",
            RCP_DENIES,
        ],
        &[
            "--action-names",
            "s3:GetObject",
            "--resource-owner-organization-policy-input-list",
            RCP_DENIES,
        ],
    ];
    let mut said = Vec::new();
    for case in cases {
        let run = |lang: &str, explain: bool| {
            let mut args = vec!["simulate-custom-policy", "--lang", lang];
            if explain {
                args.push("--explain");
            }
            args.extend_from_slice(case);
            iamdojo(&args)
        };
        let (code, out, ja) = run("ja", false);
        assert_eq!(code, 2, "{case:?}: {ja}");
        assert!(out.is_empty(), "{case:?}: {out}");
        let (_, _, en) = run("en", false);
        assert_ne!(ja, en, "{case:?} reads the same in both languages");
        // The command and the flag or field lead in both languages.
        let lead = |s: &str| s.split(": ").take(2).collect::<Vec<_>>().join(": ");
        assert_eq!(lead(&ja), lead(&en), "{case:?}");
        // The readable trace refuses the same input in the same words.
        let (code, _, explained) = run("ja", true);
        assert_eq!((code, &explained), (2, &ja), "{case:?}");
        said.push(ja);
    }
    insta::assert_snapshot!(said.concat());
}

/// `iamdojo sandbox --lang ja` scripted: the shell's `help` and the sandbox's own messages
/// are Japanese; what the simulated AWS CLI prints (its JSON, its error) stays AWS's English.
#[test]
fn sandbox_in_japanese_keeps_aws_output_english() {
    let script =
        b"help\naws iam create-user --user-name aoi\naws iam get-user --user-name nobody\n";
    let (code, out, err) = iamdojo_with_input(&["sandbox", "--lang", "ja", "--echo"], script);
    assert_eq!(code, 1, "the failed get-user sets the status: {err}");
    assert!(
        out.contains("コマンドは AWS CLI と同じように入力します"),
        "{out}"
    );
    assert!(out.contains("サービス: iam、sts、"), "{out}");
    assert!(out.contains("\"UserName\": \"aoi\""), "{out}");
    assert!(err.contains("NoSuchEntity"), "{err}");
    let (_, en, _) = iamdojo_with_input(&["sandbox", "--lang", "en", "--echo"], script);
    assert!(
        en.contains("Commands are typed as with the AWS CLI"),
        "{en}"
    );
    // Only the shell's own text differs: the AWS CLI's output is the same in both.
    let aws = |s: &str| {
        s.lines()
            .skip_while(|l| !l.contains("$ aws iam create-user"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(aws(&out), aws(&en));
    // The head of `help` (the services' commands are names), then the AWS CLI's part.
    let head: Vec<&str> = out.lines().take(4).collect();
    insta::assert_snapshot!(format!("{}\n…\n{}", head.join("\n"), aws(&out)));
    // Standard input that is not UTF-8 is said in Japanese too.
    let (code, _, err) = iamdojo_with_input(&["sandbox", "--lang", "ja"], b"\xff\n");
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "iamdojo sandbox: 標準入力が UTF-8 のテキストではありません。\n"
    );
}

/// A scenario the audit and the sandbox cannot load is explained in the reader's language,
/// with the file, line and field kept; a file that is not there too.
#[test]
fn a_broken_scenario_is_explained_in_the_readers_language() {
    let s = "tests/data/packs-broken/scenario-unknown-field/scenarios/s.yaml";
    for cmd in ["audit", "sandbox"] {
        let (code, _, ja) = iamdojo(&[cmd, "--lang", "ja", "--scenario", s]);
        assert_eq!(code, 2, "{cmd}: {ja}");
        assert!(ja.contains("s.yaml:"), "{cmd}: {ja}");
        let (_, _, en) = iamdojo(&[cmd, "--lang", "en", "--scenario", s]);
        assert_ne!(ja, en, "{cmd}: the Japanese differs from the English");
        assert!(
            !ja.contains("unknown field"),
            "{cmd}: serde's English is not shown: {ja}"
        );
    }
    let (code, _, ja) = iamdojo(&["audit", "--lang", "ja", "--scenario", "no/such.yaml"]);
    assert_eq!(code, 2, "{ja}");
    assert!(ja.contains("no/such.yaml"), "{ja}");
    let (_, _, en) = iamdojo(&["audit", "--lang", "en", "--scenario", "no/such.yaml"]);
    assert_ne!(ja, en, "{ja}");
}

/// A policy the parser refuses is explained in the reader's language by
/// `validate-policy --format text` and `simulate-custom-policy`, with its line and column;
/// `validate-policy`'s JSON stays as AWS writes it, in English.
#[test]
fn a_refused_policy_is_explained_in_the_readers_language() {
    let typo = r#"{"Version":"2012-10-17","Statement":[{"Efect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let (code, ja, _) = iamdojo(&[
        "validate-policy",
        "--lang",
        "ja",
        "--format",
        "text",
        "--policy-document",
        typo,
    ]);
    assert_eq!(code, 1, "{ja}");
    assert!(
        ja.contains(
            "`Efect` はステートメントの要素ではありません。`Effect` の間違いではありませんか？"
        ),
        "{ja}"
    );
    assert!(ja.contains("1 行目、39 列目"), "{ja}");
    assert!(!ja.contains("is not an element"), "{ja}");
    let (_, json, _) = iamdojo(&["validate-policy", "--lang", "ja", "--policy-document", typo]);
    assert!(
        json.contains(r#""findingDetails": "`Efect` is not an element of a statement; did you mean `Effect`?""#),
        "{json}"
    );
    let sim = |lang| {
        iamdojo(&[
            "simulate-custom-policy",
            "--lang",
            lang,
            "--policy-input-list",
            typo,
            "--action-names",
            "s3:GetObject",
        ])
    };
    let (code, _, ja) = sim("ja");
    assert_eq!(code, 2, "{ja}");
    assert!(
        ja.contains("PolicyInputList.1: 1:39: `Efect` はステートメントの要素ではありません。"),
        "{ja}"
    );
    assert!(ja.contains("(場所: `Statement[0].Efect`)"), "{ja}");
    let (_, _, en) = sim("en");
    assert!(
        en.contains("1:39: `Efect` is not an element of a statement; did you mean `Effect`? (at `Statement[0].Efect`)"),
        "{en}"
    );
}

/// A policy document the sandbox refuses: the error is AWS's, in English as AWS sends it, and
/// `explain` then says why in the learner's language, with the line and column.
#[test]
fn sandbox_explains_a_refused_policy_in_the_learners_language() {
    let script = concat!(
        "aws iam create-user --user-name aoi\n",
        r#"aws iam put-user-policy --user-name aoi --policy-name p --policy-document '{"Version":"2012-10-17","Statement":[{"Efect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'"#,
        "\nexplain\n",
    );
    let (_, ja, ja_err) = iamdojo_with_input(&["sandbox", "--lang", "ja"], script.as_bytes());
    let (_, en, en_err) = iamdojo_with_input(&["sandbox", "--lang", "en"], script.as_bytes());
    // IAM's own message: it names the kind of mistake, not where it is.
    let aws = "An error occurred (MalformedPolicyDocument) when calling the PutUserPolicy operation: Syntax errors in policy.\n";
    assert!(ja_err.contains(aws), "{ja_err}");
    assert!(en_err.contains(aws), "{en_err}");
    assert!(
        ja.contains("直前の呼び出しのポリシードキュメントは受け付けられませんでした: 1:39: `Efect` はステートメントの要素ではありません。"),
        "{ja}"
    );
    assert!(
        en.contains("The last call's policy document was refused: 1:39: `Efect` is not an element of a statement"),
        "{en}"
    );
}

/// `audit --gaad` and `sandbox --gaad` explain a file they cannot import in the reader's
/// language, with the file, line and column and that line of the file.
#[test]
fn a_broken_gaad_file_is_explained_in_the_readers_language() {
    let bad_json = "tests/data/gaad/errors/bad-json.gaad.json";
    let bad_doc = "tests/data/gaad/errors/bad-document.gaad.json";
    for cmd in ["audit", "sandbox"] {
        let (code, _, ja) = iamdojo(&[cmd, "--lang", "ja", "--gaad", bad_json]);
        assert_eq!(code, 2, "{cmd}: {ja}");
        assert!(
            ja.contains(
                "bad-json.gaad.json`:7:13: 正しい JSON ではありません: `,` または `}` が必要です。"
            ),
            "{cmd}: {ja}"
        );
        assert!(ja.contains("7 |"), "{cmd}: the line is shown: {ja}");
        let (_, _, en) = iamdojo(&[cmd, "--lang", "en", "--gaad", bad_json]);
        assert!(
            en.contains("bad-json.gaad.json`:7:13: this is not valid JSON: expected `,` or `}`; save the output"),
            "{cmd}: {en}"
        );
    }
    let (code, _, ja) = iamdojo(&["audit", "--lang", "ja", "--gaad", bad_doc]);
    assert_eq!(code, 2, "{ja}");
    assert!(
        ja.contains("グループ `Developers` のインラインポリシー `ReadBuckets`"),
        "{ja}"
    );
    assert!(!ja.contains("is refused"), "{ja}");
}

/// `audit` says what it is doing on a terminal (standard error, one line written over itself
/// and erased at the end) and nothing on a pipe.
#[test]
fn audit_shows_progress_on_a_terminal_and_never_on_a_pipe() {
    let scenario = "lessons/iam-course/scenarios/11-messy-account.yaml";
    let (code, out, err) = iamdojo(&["audit", "--lang", "en", "--scenario", scenario]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("IAM."), "{out}");
    assert!(err.is_empty(), "progress on a pipe: {err:?}");
    // script(1) (util-linux's bsdutils, essential on Debian) runs the command on a
    // pseudo-terminal and keeps everything it wrote there.
    let dir = tempfile::tempdir().expect("a temp dir");
    let log = dir.path().join("typescript");
    let cmd = format!(
        "{} audit --lang en --scenario {scenario} > /dev/null",
        env!("CARGO_BIN_EXE_iamdojo")
    );
    let status = Command::new("script")
        .args(["-q", "-e", "-c", &cmd])
        .arg(&log)
        .status()
        .expect("script(1) runs: it is in Debian's essential bsdutils package");
    assert_eq!(status.code(), Some(1));
    let raw = std::fs::read_to_string(&log).expect("script wrote its log");
    let erase = "\r\x1b[2K";
    assert!(
        raw.contains(&format!("{erase}reading {scenario}…")),
        "{raw:?}"
    );
    assert!(
        raw.contains("checking IAM.") && raw.contains("/"),
        "{raw:?}"
    );
    // The last thing written is the erasure: nothing of the line is left on the screen.
    let after = raw.rsplit(erase).next().unwrap_or_default();
    assert!(!after.contains("checking"), "{raw:?}");
}
