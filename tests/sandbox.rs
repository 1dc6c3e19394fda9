//! Sandbox transcripts: each `tests/data/sandbox/*.txt` is a list of command lines run
//! against a fresh simulated account; the whole transcript (commands, output, errors, exit
//! statuses) is a snapshot. A new transcript file is a new test. A line `# scenario: NAME`
//! first starts from a scenario; a line `# lang: ja` runs it in Japanese, and `# lang: en ja`
//! runs it in both languages, one snapshot holding both, and checks that the two differ only
//! in the sandbox's own messages (the catalog's `Sandbox` and `Explain` areas): what the AWS
//! CLI prints stays AWS's English.

use iamdojo::account::command::Sandbox;
use iamdojo::account::{Account, DEFAULT_ACCOUNT_ID, scenario};
use iamdojo::lang::Lang;

/// The transcript of `text` run in `lang`.
fn transcript(text: &str, lang: Lang) -> String {
    // A first line `# scenario: NAME` starts from tests/data/scenarios/NAME.
    let mut sb = match text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# scenario: "))
    {
        Some(name) => {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenarios");
            match scenario::load_file(&dir.join(name.trim())) {
                Ok(s) => s.sandbox,
                Err(e) => return format!("scenario failed to load: {e}"),
            }
        }
        None => Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1)),
    };
    sb.lang = lang;
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        out.push_str(&format!("$ {t}\n"));
        let o = sb.run(t);
        out.push_str(&o.stdout);
        if !o.stderr.is_empty() {
            out.push_str("[stderr]");
            out.push_str(&o.stderr);
        }
        if o.code != 0 {
            out.push_str(&format!("[exit {}]\n", o.code));
        }
    }
    out
}

/// The languages a transcript asks for with `# lang: …` (English when it does not).
fn languages(text: &str) -> Vec<Lang> {
    let asked: Vec<Lang> = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("# lang: "))
        .map(|v| v.split_whitespace().filter_map(Lang::parse).collect())
        .unwrap_or_default();
    if asked.is_empty() {
        vec![Lang::En]
    } else {
        asked
    }
}

/// The literal parts of a catalog template (the text between its `{name}` placeholders).
fn fragments(template: &str) -> Vec<&str> {
    template
        .split(['{', '}'])
        .step_by(2)
        .map(str::trim)
        .filter(|f| f.chars().count() >= 5)
        .collect()
}

/// The sandbox's own messages in English, as the fragments that find them in a line; each
/// line holding one must read differently in Japanese, and no other line may.
fn own_messages() -> Vec<(String, Vec<&'static str>)> {
    iamdojo::msg::all()
        .into_iter()
        .filter(|e| e.area == "Sandbox" || e.area == "Explain")
        .map(|e| (format!("{}::{}", e.area, e.key), fragments(e.en)))
        .filter(|(_, f)| !f.is_empty())
        .collect()
}

/// Why the English and Japanese transcripts of one file break the line between the sandbox's
/// messages and AWS's: a changed line that holds none of the sandbox's messages, or one that
/// holds one and is not translated.
fn mixed_up(en: &str, ja: &str) -> Vec<String> {
    let own = own_messages();
    let mut out = Vec::new();
    let (en_lines, ja_lines): (Vec<&str>, Vec<&str>) = (en.lines().collect(), ja.lines().collect());
    if en_lines.len() != ja_lines.len() {
        out.push(format!(
            "{} lines in English, {} in Japanese",
            en_lines.len(),
            ja_lines.len()
        ));
    }
    for (e, j) in en_lines.iter().zip(&ja_lines) {
        // A command line is what the learner typed, the same in both.
        if e.starts_with("$ ") {
            continue;
        }
        let holds: Vec<&String> = own
            .iter()
            .filter(|(_, f)| f.iter().all(|f| e.contains(f)))
            .map(|(k, _)| k)
            .collect();
        if e != j && holds.is_empty() {
            out.push(format!("translated, but not the sandbox's: {e}\n  → {j}"));
        }
        if e == j && !holds.is_empty() {
            out.push(format!("not translated ({holds:?}): {e}"));
        }
    }
    out
}

#[test]
fn sandbox_transcripts() {
    insta::glob!("data/sandbox/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        match languages(&text).as_slice() {
            [lang] => insta::assert_snapshot!(transcript(&text, *lang)),
            _ => {
                let en = transcript(&text, Lang::En);
                let ja = transcript(&text, Lang::Ja);
                let bad = mixed_up(&en, &ja);
                assert!(
                    bad.is_empty(),
                    "{}: the languages differ where they should not:\n{}",
                    path.display(),
                    bad.join("\n")
                );
                insta::assert_snapshot!(format!("[en]\n{en}\n[ja]\n{ja}"));
            }
        }
    });
}

/// The check of `# lang: en ja` transcripts can fail both ways: an AWS line translated, and a
/// sandbox message left in English.
#[test]
fn the_language_check_catches_both_mistakes() {
    let en = "$ wait\nusage: wait DURATION (for example 30m, 6h or 2d)\nAn error occurred (X) when calling the Y operation: no\n";
    assert!(
        mixed_up(en, en)
            .iter()
            .any(|m| m.contains("Sandbox::WaitUsage"))
    );
    let ja = "$ wait\n使い方: wait DURATION (例: 30m、6h、2d)\nY の呼び出しでエラー\n";
    let bad = mixed_up(en, ja);
    assert!(
        bad.iter().any(|m| m.starts_with("translated, but not")),
        "{bad:?}"
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
}

#[test]
fn broken_scenarios_name_file_line_and_path() {
    insta::glob!("data/scenarios-broken/*.yaml", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match scenario::load(&name, &text) {
            Ok(_) => panic!("{name} loaded but is broken"),
            Err(e) => insta::assert_snapshot!(e.to_string()),
        }
    });
}

/// `ls` and `cat` show the files an exercise prepared for `file://NAME`.
#[test]
fn ls_and_cat_show_the_prepared_files() {
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    assert_eq!(sb.run("ls").stdout, "(no files)\n");
    sb.files.insert(
        "reports-read.json".into(),
        "{\"Version\": \"2012-10-17\"}".into(),
    );
    assert_eq!(sb.run("ls").stdout, "reports-read.json\n");
    assert_eq!(
        sb.run("cat file://reports-read.json").stdout,
        "{\"Version\": \"2012-10-17\"}\n"
    );
    let miss = sb.run("cat report-read.json");
    assert_eq!(miss.code, 1);
    assert!(
        miss.stderr.contains("did you mean `reports-read.json`?"),
        "{}",
        miss.stderr
    );
}

/// Tab completes prepared file names after `cat` and as `file://NAME` after a document flag.
#[test]
fn completion_offers_the_prepared_files() {
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    sb.files.insert("reports-read.json".into(), "{}".into());
    assert_eq!(sb.complete("cat rep"), vec!["reports-read.json"]);
    assert_eq!(
        sb.complete("aws iam create-policy --policy-name R --policy-document file://re"),
        vec!["file://reports-read.json"]
    );
}

/// Tab completes a scenario's function names, role ARNs and code files for the Lambda flags.
#[test]
fn completion_offers_functions_roles_and_code_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenarios");
    let sb = scenario::load_file(&dir.join("lambda-passrole.yaml"))
        .unwrap()
        .sandbox;
    assert_eq!(
        sb.complete("aws lambda invoke --function-name nig"),
        vec!["nightly-report"]
    );
    assert_eq!(
        sb.complete("aws lambda create-function --function-name f --zip-file fileb://esc"),
        vec!["fileb://escalate.txt"]
    );
    assert_eq!(
        sb.complete("aws lambda create-function --role arn:aws:iam::123456789012:role/Lambda"),
        vec!["arn:aws:iam::123456789012:role/LambdaAdmin"]
    );
}

/// A profile's secret must be the key's own: AWS checks the signature the secret makes, so a
/// known key id with another secret is `SignatureDoesNotMatch` (an unknown id is
/// `InvalidClientTokenId`). https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html
#[test]
fn a_wrong_secret_fails_the_signature_as_aws_does() {
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    assert_eq!(sb.run("aws iam create-user --user-name sync").code, 0);
    let out = sb.run("aws iam create-access-key --user-name sync");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let id = v["AccessKey"]["AccessKeyId"]
        .as_str()
        .expect("an id")
        .to_string();
    let secret = v["AccessKey"]["SecretAccessKey"]
        .as_str()
        .expect("a secret")
        .to_string();
    sb.run(&format!(
        "aws configure set aws_access_key_id {id} --profile sync"
    ));
    sb.run("aws configure set aws_secret_access_key not-the-secret --profile sync");
    let wrong = sb.run("aws sts get-caller-identity --profile sync");
    assert_eq!(wrong.code, 254, "{wrong:?}");
    assert!(
        wrong.stderr.contains(
            "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided."
        ),
        "{wrong:?}"
    );
    sb.run(&format!(
        "aws configure set aws_secret_access_key {secret} --profile sync"
    ));
    let right = sb.run("aws sts get-caller-identity --profile sync");
    assert_eq!(right.code, 0, "{right:?}");
    assert!(right.stdout.contains("user/sync"), "{right:?}");
    sb.run("aws configure set aws_access_key_id AKIANOTAKEY000000000 --profile sync");
    let unknown = sb.run("aws sts get-caller-identity --profile sync");
    assert!(
        unknown.stderr.contains("InvalidClientTokenId"),
        "{unknown:?}"
    );
}

/// Who the sandbox runs as follows `aws configure set` on the current profile: root at first,
/// the user whose key the default profile gets, nobody while only half the pair is set, and
/// "invalid" for a key IAM does not know.
#[test]
fn who_follows_the_default_profile() {
    use iamdojo::account::command::Who;
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    assert_eq!(sb.who(), Who::Root);
    sb.run("aws iam create-user --user-name sync");
    let out = sb.run("aws iam create-access-key --user-name sync");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let id = v["AccessKey"]["AccessKeyId"].as_str().expect("an id");
    let secret = v["AccessKey"]["SecretAccessKey"]
        .as_str()
        .expect("a secret");
    // Another profile changes nothing for commands without --profile.
    sb.run(&format!(
        "aws configure set aws_access_key_id {id} --profile other"
    ));
    assert_eq!(sb.who(), Who::Root);
    sb.run(&format!("aws configure set aws_access_key_id {id}"));
    // Half a key pair is no identity: the CLI refuses to send anything
    // ("Partial credentials found"), so neither root nor the key's user is shown.
    assert_eq!(sb.who(), Who::Partial);
    let half = sb.run("aws sts get-caller-identity");
    assert!(
        half.stderr.contains("Partial credentials found"),
        "{half:?}"
    );
    sb.run(&format!("aws configure set aws_secret_access_key {secret}"));
    assert_eq!(sb.who(), Who::User("sync".into()));
    let me = sb.run("aws sts get-caller-identity");
    assert!(me.stdout.contains("user/sync"), "{me:?}");
    sb.run("aws configure set aws_access_key_id AKIANOTAKEY000000000");
    assert_eq!(sb.who(), Who::Invalid("AKIANOTAKEY000000000".into()));
}

/// A scenario policy may hold several versions with any of them the default, as an account
/// does after `create-policy-version` (up to five are stored:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html);
/// the default is what decides.
#[test]
fn a_scenario_policy_of_several_versions_has_the_default_it_names() {
    let text = r#"
policies:
  - name: OwnPolicy
    versions:
      - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
      - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:ListAllMyBuckets", Resource: "*"}]}
    default_version: v2
users:
  - name: dev
    policies: [OwnPolicy]
    access_keys: [{id: AKIAEXAMPLEDEV000001}]
"#;
    let mut sb = scenario::load("versions.yaml", text).unwrap().sandbox;
    let arn = "arn:aws:iam::123456789012:policy/OwnPolicy";
    let out = sb.run(&format!(
        "aws iam list-policy-versions --policy-arn {arn} --query 'Versions[].[VersionId,IsDefaultVersion]' --output text"
    ));
    // Newest first, as the AWS CLI lists them.
    assert_eq!(out.stdout, "v2\tTrue\nv1\tFalse\n", "{}", out.stderr);
    let out = sb.run(&format!(
        "aws iam get-policy --policy-arn {arn} --query Policy.DefaultVersionId --output text"
    ));
    assert_eq!(out.stdout, "v2\n");
    // The next version made is v3.
    let out = sb.run(&format!(
        "aws iam create-policy-version --policy-arn {arn} --policy-document '{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}]}}' --query PolicyVersion.VersionId --output text"
    ));
    assert_eq!(out.stdout, "v3\n", "{}", out.stderr);
}

/// A function's run is bounded: functions invoke functions at most `MAX_DEPTH` deep, one
/// invoke makes at most `MAX_CALLS` calls, and a line that is not an AWS CLI command stops
/// the function with the sandbox's refusal; each ends as an unhandled error would.
#[test]
fn a_function_run_is_bounded_in_depth_calls_and_kind_of_line() {
    use iamdojo::account::lambda::{MAX_CALLS, MAX_DEPTH};
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let out = sb.run(&format!(
        "aws iam create-role --role-name R --assume-role-policy-document '{trust}'"
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = sb.run(r#"aws iam put-role-policy --role-name R --policy-name Invoke --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}]}'"#);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let calls = |sb: &Sandbox| {
        sb.account
            .cloudtrail
            .events
            .iter()
            .filter(|e| e.name == "GetCallerIdentity")
            .count()
    };
    let role = "arn:aws:iam::123456789012:role/R";
    // A function that invokes itself.
    sb.files.insert(
        "loop.txt".into(),
        "aws sts get-caller-identity\naws lambda invoke --function-name loop inner.json\n".into(),
    );
    let out = sb.run(&format!(
        "aws lambda create-function --function-name loop --role {role} --zip-file fileb://loop.txt"
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = sb.run("aws lambda invoke --function-name loop out.json");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(calls(&sb), MAX_DEPTH);
    // The refusal stops the whole chain: the first function answers an unhandled error too.
    assert!(
        out.stdout.contains("\"FunctionError\": \"Unhandled\""),
        "{}",
        out.stdout
    );
    assert!(sb.files["out.json"].contains("\"FunctionError\": \"Unhandled\""));
    // A function with more calls than one invoke runs.
    let many = "aws sts get-caller-identity\n".repeat(MAX_CALLS + 5);
    sb.files.insert("many.txt".into(), many);
    sb.run(&format!(
        "aws lambda create-function --function-name many --role {role} --zip-file fileb://many.txt"
    ));
    let before = calls(&sb);
    let out = sb.run("aws lambda invoke --function-name many out.json");
    assert!(
        out.stdout.contains("\"FunctionError\": \"Unhandled\""),
        "{}",
        out.stdout
    );
    assert_eq!(calls(&sb) - before, MAX_CALLS);
    let result: serde_json::Value = serde_json::from_str(&sb.files["out.json"]).unwrap();
    let entries = result.as_array().unwrap();
    assert_eq!(entries.len(), MAX_CALLS + 1);
    assert_eq!(entries[MAX_CALLS]["errorType"], "Sandbox");
    // A line that is not an AWS CLI command.
    sb.files.insert(
        "curl.txt".into(),
        "curl http://169.254.169.254/\naws sts get-caller-identity\n".into(),
    );
    sb.run(&format!(
        "aws lambda create-function --function-name curl --role {role} --zip-file fileb://curl.txt"
    ));
    let before = calls(&sb);
    let out = sb.run("aws lambda invoke --function-name curl out.json");
    assert!(
        out.stdout.contains("\"FunctionError\": \"Unhandled\""),
        "{}",
        out.stdout
    );
    assert_eq!(calls(&sb), before);
    assert!(sb.files["out.json"].contains("\"errorType\": \"Sandbox\""));
}

/// A call on another account's Lambda function is recorded in both accounts: CloudTrail sends
/// the two events one `sharedEventID`, each its own `eventID` and `recipientAccountId`, and
/// `userIdentity.accountId` names the caller's account in both
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/shared-event-ID.html,
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
/// A call on a function of the caller's own account is recorded once, with no shared id.
#[test]
fn cross_account_lambda_calls_are_recorded_in_the_functions_account_too() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/escalation/corpus/20-cross-account-lambda.yaml");
    let mut sb = iamdojo::account::scenario::load_file(&path)
        .expect("loads")
        .sandbox;
    let owner_before = sb.accounts["222222222222"].cloudtrail.events.len();
    let out = sb.run(
        "aws lambda invoke --function-name arn:aws:lambda:us-east-1:222222222222:function:nightly-cleanup out.json",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let caller = sb
        .account
        .cloudtrail
        .events
        .iter()
        .rev()
        .find(|e| e.name.starts_with("Invoke"))
        .expect("the caller's event")
        .record_json("123456789012");
    let owner = &sb.accounts["222222222222"].cloudtrail.events;
    let copy = owner
        .iter()
        .skip(owner_before)
        .find(|e| e.name.starts_with("Invoke"))
        .expect("the function's account has the event")
        .record_json("222222222222");
    assert_eq!(caller["recipientAccountId"], "123456789012");
    assert_eq!(copy["recipientAccountId"], "222222222222");
    for e in [&caller, &copy] {
        assert_eq!(e["userIdentity"]["accountId"], "123456789012", "{e}");
        assert_eq!(e["eventSource"], "lambda.amazonaws.com");
    }
    assert!(caller["sharedEventID"].is_string(), "{caller}");
    assert_eq!(caller["sharedEventID"], copy["sharedEventID"]);
    assert_ne!(caller["eventID"], copy["eventID"]);
    // The other two operations of the walk are recorded there as well.
    let n = owner.len();
    let get = sb.run(
        "aws lambda get-function --function-name arn:aws:lambda:us-east-1:222222222222:function:nightly-cleanup",
    );
    let recorded = sb.accounts["222222222222"].cloudtrail.events.len() - n;
    assert_eq!(recorded, usize::from(get.code == 0), "{}", get.stderr);
    sb.files
        .insert("escalation.zip".into(), "aws iam list-users\n".into());
    let zip = sb.run("aws lambda update-function-code --function-name arn:aws:lambda:us-east-1:222222222222:function:nightly-cleanup --zip-file fileb://escalation.zip");
    assert_eq!(zip.code, 0, "{}", zip.stderr);
    let last = sb.accounts["222222222222"]
        .cloudtrail
        .events
        .last()
        .expect("an event");
    assert!(last.name.starts_with("UpdateFunctionCode"), "{}", last.name);
    // A function of the caller's own account: one event, no shared id.
    let home = sb.account.cloudtrail.events.len();
    let _ = sb.run("aws lambda list-functions");
    let e = sb.account.cloudtrail.events.last().expect("an event");
    assert_eq!(sb.account.cloudtrail.events.len(), home + 1);
    assert!(e.record_json("123456789012").get("sharedEventID").is_none());
}
