//! `--query` as the AWS CLI reads it: every expression of tests/data/query-errors.txt (recorded
//! from the CLI's JMESPath, Python's `jmespath` package, by assets/gen/record-query-errors.py)
//! is accepted or refused by the sandbox as there, with the same message. The AWS CLI user
//! guide's filtering page (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html)
//! describes `--query`; the recorded package is what the CLI runs.

use iamdojo::account::command::{Sandbox, query_refusal, query_run};

/// (expression, the package's message or `None` when it compiles, whether it is listed as
/// one the crate reads otherwise).
fn cases() -> Vec<(String, Option<String>, bool)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/query-errors.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, Option<String>, bool)> = Vec::new();
    let mut differs = false;
    for line in text.lines() {
        if line.starts_with("document: ") {
            break;
        }
        if line.starts_with("# The crate reads these otherwise") {
            differs = true;
        } else if let Some(q) = line.strip_prefix("== ") {
            out.push((q.to_string(), None, differs));
        } else if let Some(l) = line.strip_prefix('|') {
            let last = out.last_mut().unwrap();
            let m = last.1.get_or_insert_with(String::new);
            if !m.is_empty() {
                m.push('\n');
            }
            m.push_str(l);
        }
    }
    out
}

#[test]
fn the_sandbox_reads_every_recorded_query_as_the_aws_cli_does() {
    let all = cases();
    assert!(all.len() > 40, "the recorded file has its cases");
    let mut wrong = Vec::new();
    for (q, want, differs) in &all {
        let got = query_refusal(q);
        if *differs {
            if &got == want {
                wrong.push(format!(
                    "{q}: now read as the CLI reads it; move it to CASES in the script"
                ));
            }
        } else if &got != want {
            wrong.push(format!("{q}:\n  sandbox: {got:?}\n  CLI:     {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_bare_word_literal_filters_as_in_the_aws_cli() {
    // `Tags[?Key==`Name`]`, the form of many tutorials: Python's package reads the bare word
    // as a string (tests/data/query-errors.txt), so the filter finds the tag.
    let mut sb = Sandbox::new(iamdojo::account::Account::new("123456789012", 1));
    let made =
        sb.run("aws iam create-user --user-name bob --tags Key=Name,Value=web Key=team,Value=ops");
    assert_eq!(made.code, 0, "{}", made.stderr);
    let out = sb.run(
        "aws iam get-user --user-name bob --query 'User.Tags[?Key==`Name`].Value | [0]' --output text",
    );
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "web\n"),
        "{}",
        out.stderr
    );
}

/// An expression run on the recorded document, and the package's answer or error message.
type RuntimeCase = (String, Result<serde_json::Value, String>);

/// The recorded document and, for each expression run on it, the package's answer (`Ok`) or
/// the message of the error it raised (`Err`).
fn runtime_cases() -> (serde_json::Value, Vec<RuntimeCase>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/query-errors.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let (_, after) = text
        .split_once("\ndocument: ")
        .expect("the recorded runtime section");
    let (doc, rest) = after.split_once('\n').unwrap();
    let doc: serde_json::Value = serde_json::from_str(doc).unwrap();
    let mut out: Vec<RuntimeCase> = Vec::new();
    for line in rest.lines() {
        if let Some(q) = line.strip_prefix("=> ") {
            out.push((q.to_string(), Err(String::new())));
        } else if let Some(v) = line.strip_prefix("ok ") {
            out.last_mut().unwrap().1 = Ok(serde_json::from_str(v).unwrap());
        } else if let Some(l) = line.strip_prefix('|')
            && let Err(m) = &mut out.last_mut().unwrap().1
        {
            if !m.is_empty() {
                m.push('\n');
            }
            m.push_str(l);
        }
    }
    (doc, out)
}

#[test]
fn a_query_that_fails_when_run_fails_as_in_the_aws_cli() {
    let (doc, all) = runtime_cases();
    assert!(all.len() >= 10, "the recorded file has its runtime cases");
    let mut wrong = Vec::new();
    for (q, want) in &all {
        assert_eq!(query_refusal(q), None, "{q} compiles in Python's package");
        let got = query_run(q, &doc);
        if &got != want {
            wrong.push(format!("{q}:\n  sandbox: {got:?}\n  CLI:     {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // In the sandbox: the call is made (the query runs on its answer), then the error is
    // printed as the CLI prints any other such failure (`aws: [ERROR]: …`, status 255, as
    // tests/data/cli-errors/recorded.txt's `bad-int-member`).
    let mut sb = Sandbox::new(iamdojo::account::Account::new("123456789012", 1));
    let out = sb.run("aws iam create-user --user-name bob --query 'lenght(User)'");
    assert_eq!(out.code, 255, "{out:?}");
    assert_eq!(out.stderr, "\naws: [ERROR]: Unknown function: lenght()\n");
    assert_eq!(out.stdout, "");
    let made = sb.run("aws iam get-user --user-name bob");
    assert_eq!(
        made.code, 0,
        "the user was made before the query failed: {made:?}"
    );
}
