//! The one runner of the AWS behaviour cases: each `tests/data/<topic>/*.yaml` file is a case
//! of sandbox command lines, and every line with an expectation cites the AWS page (or the
//! report of AWS's own answer) it encodes. A line's expectation is the exit status, the exact
//! standard output or error, or text they must hold; an expectation not met fails the case
//! with the line and what it printed. The topics are `aws_errors`, `doc_examples`,
//! `iam_staples` and `service_fields`.

use std::collections::BTreeMap;
use std::path::Path;

use iamdojo::account::command::Sandbox;
use iamdojo::account::{Account, DEFAULT_ACCOUNT_ID};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows.
    name: String,
    /// Files `file://NAME` reads.
    #[serde(default)]
    files: BTreeMap<String, String>,
    /// A scenario of `tests/data/scenarios/` to start from (a fresh account when absent).
    #[serde(default)]
    scenario: Option<String>,
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    run: String,
    /// The AWS page this line's expectation encodes; required with any expectation.
    #[serde(default)]
    doc: Option<String>,
    #[serde(default)]
    code: Option<i32>,
    #[serde(default)]
    stdout: Option<String>,
    #[serde(default)]
    stderr: Option<String>,
    /// Text the standard output must hold, each.
    #[serde(default)]
    stdout_has: Vec<String>,
    /// Text the standard output must not hold, each.
    #[serde(default)]
    stdout_lacks: Vec<String>,
    /// Text the standard error must hold, each.
    #[serde(default)]
    stderr_has: Vec<String>,
    /// The JSON the standard output must be, as a page shows it: the same keys (in any
    /// order) and the same values, except that the string `"<any>"` stands for any string
    /// (a generated id, an ARN with a generated part, a date).
    #[serde(default)]
    stdout_json: Option<serde_json::Value>,
    /// Sets a shell variable to what follows a marker in the standard error, up to the end of
    /// the line (the sandbox has no `2>&1`: this is copying it from the screen).
    #[serde(default)]
    capture: Option<Capture>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Capture {
    var: String,
    after: String,
}

impl Step {
    fn expects(&self) -> bool {
        self.code.is_some()
            || self.stdout.is_some()
            || self.stderr.is_some()
            || !self.stdout_has.is_empty()
            || !self.stdout_lacks.is_empty()
            || !self.stderr_has.is_empty()
            || self.stdout_json.is_some()
    }
}

/// Why `step` printed other than it expects (empty when it did not).
fn problems(step: &Step, out: &iamdojo::account::command::Output) -> Vec<String> {
    let mut p = Vec::new();
    // A line without a stated status must succeed.
    let code = step.code.unwrap_or(0);
    if out.code != code {
        p.push(format!("exit status {} instead of {code}", out.code));
    }
    if let Some(s) = &step.stdout
        && out.stdout != *s
    {
        p.push(format!("stdout is not {s:?}"));
    }
    if let Some(s) = &step.stderr
        && out.stderr != *s
    {
        p.push(format!("stderr is not {s:?}"));
    }
    for h in &step.stdout_has {
        if !out.stdout.contains(h.as_str()) {
            p.push(format!("stdout lacks {h:?}"));
        }
    }
    for h in &step.stdout_lacks {
        if out.stdout.contains(h.as_str()) {
            p.push(format!("stdout holds {h:?}"));
        }
    }
    for h in &step.stderr_has {
        if !out.stderr.contains(h.as_str()) {
            p.push(format!("stderr lacks {h:?}"));
        }
    }
    if let Some(want) = &step.stdout_json {
        match serde_json::from_str::<serde_json::Value>(&out.stdout) {
            Ok(got) => {
                let mut d = Vec::new();
                json_diff("$", want, &got, &mut d);
                if !d.is_empty() {
                    p.push(format!("stdout JSON differs:\n  {}", d.join("\n  ")));
                }
            }
            Err(e) => p.push(format!("stdout is not JSON: {e}")),
        }
    }
    p
}

/// The string that, expected, matches any string printed.
const ANY: &str = "<any>";

/// Adds to `d` a line for each place under `at` where `got` is not `want`: a value that
/// differs, a key missing or not expected, a list of another length.
fn json_diff(at: &str, want: &serde_json::Value, got: &serde_json::Value, d: &mut Vec<String>) {
    use serde_json::Value;
    match (want, got) {
        (Value::String(w), Value::String(_)) if w == ANY => {}
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => json_diff(&format!("{at}.{k}"), wv, gv, d),
                    None => d.push(format!("{at}.{k}: missing (expected {wv})")),
                }
            }
            for (k, gv) in g {
                if !w.contains_key(k) {
                    d.push(format!("{at}.{k}: not expected (got {gv})"));
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                d.push(format!(
                    "{at}: {} items instead of {}: got {got}",
                    g.len(),
                    w.len()
                ));
            } else {
                for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                    json_diff(&format!("{at}[{i}]"), wv, gv, d);
                }
            }
        }
        _ if want == got => {}
        _ => d.push(format!("{at}: expected {want}, got {got}")),
    }
}

/// Runs every case of `tests/data/<topic>/`; panics with every failure found.
pub fn check_topic(topic: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(topic);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let case: Case =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut sb = match &case.scenario {
            Some(name) => {
                let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data/scenarios")
                    .join(name);
                match iamdojo::account::scenario::load_file(&file) {
                    Ok(s) => s.sandbox,
                    Err(e) => panic!("{}: the scenario does not load: {e}", path.display()),
                }
            }
            None => Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1)),
        };
        sb.files.extend(case.files.clone());
        let mut checked = 0;
        for (i, step) in case.steps.iter().enumerate() {
            let out = sb.run(&step.run);
            if let Some(cap) = &step.capture {
                let value = out
                    .stderr
                    .split_once(cap.after.as_str())
                    .map(|(_, rest)| rest.lines().next().unwrap_or("").to_string());
                match value {
                    Some(v) => {
                        sb.vars.insert(cap.var.clone(), v);
                    }
                    None => failures.push(format!(
                        "{} step {}: stderr lacks {:?} to capture",
                        path.display(),
                        i + 1,
                        cap.after
                    )),
                }
            }
            if !step.expects() {
                // A setting-up line must work, or the case tests something else.
                if out.code != 0 {
                    failures.push(format!(
                        "{} ({}) step {}: `{}` failed: {}",
                        path.display(),
                        case.name,
                        i + 1,
                        step.run,
                        out.stderr
                    ));
                }
                continue;
            }
            checked += 1;
            match &step.doc {
                Some(d) if d.starts_with("https://") => {}
                _ => failures.push(format!(
                    "{} step {}: an expectation needs `doc:` with the page it encodes",
                    path.display(),
                    i + 1
                )),
            }
            let p = problems(step, &out);
            if !p.is_empty() {
                failures.push(format!(
                    "{} ({}) step {}: `{}`: {}\n--- stdout\n{}--- stderr\n{}",
                    path.display(),
                    case.name,
                    i + 1,
                    step.run,
                    p.join("; "),
                    out.stdout,
                    out.stderr
                ));
            }
        }
        if checked == 0 {
            failures.push(format!("{}: no step expects anything", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The runner itself fails a line that prints other than expected, so no case passes by
/// checking nothing.
#[test]
fn a_wrong_expectation_fails() {
    let step: Step = serde_yaml::from_str(
        "run: aws sts get-caller-identity\ndoc: https://example.com\ncode: 254\nstdout_has: [nobody]\nstdout_lacks: [Account]",
    )
    .unwrap();
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    let out = sb.run(&step.run);
    let p = problems(&step, &out);
    assert_eq!(p.len(), 3, "{p:?}");
}

/// `stdout_json` fails on a value, a missing key, an extra key and a list's length, and
/// `"<any>"` stands for a string only, never for a number or a missing key.
#[test]
fn a_wrong_json_expectation_fails_with_each_difference() {
    let step: Step = serde_yaml::from_str(
        r#"
run: aws iam create-user --user-name Bob --tags Key=a,Value=b
doc: https://example.com
stdout_json:
  User:
    Path: /other/
    UserName: Bob
    UserId: <any>
    CreateDate: <any>
    PermissionsBoundary: <any>
    Tags: []
"#,
    )
    .unwrap();
    let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
    let out = sb.run(&step.run);
    let p = problems(&step, &out);
    assert_eq!(p.len(), 1, "{p:?}");
    let text = &p[0];
    for want in [
        r#"$.User.Path: expected "/other/", got "/""#,
        "$.User.PermissionsBoundary: missing",
        "$.User.Arn: not expected",
        "$.User.Tags: 1 items instead of 0",
    ] {
        assert!(text.contains(want), "{want:?} not in {text}");
    }
    assert_eq!(text.lines().count(), 5, "{text}");

    let mut d = Vec::new();
    json_diff("$", &serde_json::json!(ANY), &serde_json::json!(3), &mut d);
    assert_eq!(d, ["$: expected \"<any>\", got 3"]);
    let step: Step = serde_yaml::from_str(
        "run: aws iam list-users
doc: https://example.com
stdout_json: {}",
    )
    .unwrap();
    let p = problems(&step, &sb.run("aws iam list-users --output text"));
    assert!(
        p.iter().any(|m| m.starts_with("stdout is not JSON")),
        "{p:?}"
    );
}
