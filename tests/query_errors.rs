//! `--query` as the AWS CLI reads it: every expression of tests/data/query-errors.txt (recorded
//! from the CLI's JMESPath, Python's `jmespath` package, by assets/gen/record-query-errors.py)
//! is accepted or refused by the sandbox as there, with the same message. The AWS CLI user
//! guide's filtering page (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html)
//! describes `--query`; the recorded package is what the CLI runs.

use iamdojo::account::command::{Sandbox, query_refusal};

/// (expression, the package's message or `None` when it compiles, whether it is listed as
/// one the crate reads otherwise).
fn cases() -> Vec<(String, Option<String>, bool)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/query-errors.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, Option<String>, bool)> = Vec::new();
    let mut differs = false;
    for line in text.lines() {
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
