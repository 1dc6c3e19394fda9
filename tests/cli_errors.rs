//! The sandbox's errors against the AWS CLI v2's own: each case of
//! `tests/data/cli-errors/recorded.txt` (recorded from the CLI by
//! `assets/gen/record-cli-errors.py`) is run in a fresh sandbox, whose standard output, standard
//! error and exit status must be the recorded ones. The one liberty: where the CLI names
//! nothing near a mistyped name, the sandbox may add its own `Did you mean …` line after the
//! CLI's text. A new case is one more entry of the script, then a rerun.

use iamdojo::account::command::Sandbox;
use iamdojo::account::{Account, DEFAULT_ACCOUNT_ID};

/// One recorded run.
#[derive(Debug, Default)]
struct Case {
    name: String,
    setup: Vec<String>,
    line: String,
    exit: i32,
    stdout: String,
    stderr: String,
}

/// The cases of the recorded file, read strictly: a line the format does not have fails.
fn cases(text: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    let mut stream: Option<&str> = None;
    for (n, line) in text.lines().enumerate() {
        let at = n + 1;
        if line.starts_with('#') || line.is_empty() {
            stream = None;
            continue;
        }
        if let Some(name) = line.strip_prefix("== ") {
            out.push(Case {
                name: name.to_string(),
                ..Case::default()
            });
            stream = None;
            continue;
        }
        let case = out
            .last_mut()
            .unwrap_or_else(|| panic!("recorded.txt:{at}: a line before the first case"));
        if let Some(l) = line.strip_prefix("setup: ") {
            case.setup.push(l.to_string());
        } else if let Some(l) = line.strip_prefix("$ ") {
            case.line = l.to_string();
        } else if let Some(code) = line.strip_prefix("exit ") {
            case.exit = code
                .parse()
                .unwrap_or_else(|_| panic!("recorded.txt:{at}: exit status `{code}`"));
        } else if line == "stdout:" || line == "stderr:" {
            stream = Some(if line == "stdout:" {
                "stdout"
            } else {
                "stderr"
            });
        } else if let Some(body) = line.strip_prefix('|') {
            let target = match stream {
                Some("stdout") => &mut case.stdout,
                Some(_) => &mut case.stderr,
                None => panic!("recorded.txt:{at}: a stream line outside stdout:/stderr:"),
            };
            target.push_str(body);
            target.push('\n');
        } else if line == "\\ no newline at end" {
            let target = match stream {
                Some("stdout") => &mut case.stdout,
                _ => &mut case.stderr,
            };
            target.pop();
        } else {
            panic!("recorded.txt:{at}: unknown line `{line}`");
        }
    }
    out
}

fn recorded() -> Vec<Case> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli-errors/recorded.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let all = cases(&text);
    assert!(all.len() >= 10, "recorded.txt has {} cases", all.len());
    all
}

#[test]
fn the_sandbox_prints_the_errors_the_aws_cli_v2_prints() {
    let mut failures = Vec::new();
    for case in recorded() {
        let mut sb = Sandbox::new(Account::new(DEFAULT_ACCOUNT_ID, 1));
        for s in &case.setup {
            let o = sb.run(s);
            assert_eq!(o.code, 0, "case {}: setup `{s}`: {}", case.name, o.stderr);
        }
        let got = sb.run(&case.line);
        // What the sandbox may add after the CLI's text: its own suggestion lines.
        let extra = got.stderr.strip_prefix(&case.stderr);
        let extra_ok = extra.is_some_and(|x| x.lines().all(|l| l.starts_with("Did you mean ")));
        if got.stdout != case.stdout || !extra_ok || got.code != case.exit {
            failures.push(format!(
                "case {} ($ {}):\n  exit: sandbox {} / CLI {}\n  stdout: sandbox {:?}\n          CLI     {:?}\n  stderr: sandbox {:?}\n          CLI     {:?}",
                case.name, case.line, got.code, case.exit, got.stdout, case.stdout, got.stderr, case.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The reader itself: a stream without its last newline, and two streams of one case.
#[test]
fn the_recorded_format_reads_back() {
    let text = "# header\n\n== a\nsetup: aws y\n$ aws x\nexit 3\nstdout:\n|out\n\\ no newline at end\nstderr:\n|\n|err\n";
    let all = cases(text);
    assert_eq!(all.len(), 1);
    let c = &all[0];
    assert_eq!(
        (c.name.as_str(), c.line.as_str(), c.exit),
        ("a", "aws x", 3)
    );
    assert_eq!(c.setup, ["aws y"]);
    assert_eq!(c.stdout, "out");
    assert_eq!(c.stderr, "\nerr\n");
}
