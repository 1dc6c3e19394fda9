//! Sandbox transcripts: each `tests/data/sandbox/*.txt` is a list of command lines run
//! against a fresh simulated account; the whole transcript (commands, output, errors, exit
//! statuses) is a snapshot. A new transcript file is a new test. A line `# scenario: NAME`
//! first starts from a scenario, a line `# lang: ja` explains in Japanese.

use iamdojo::account::command::Sandbox;
use iamdojo::account::{Account, DEFAULT_ACCOUNT_ID, scenario};

fn transcript(text: &str) -> String {
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
    // A line `# lang: ja` makes the sandbox's own explanations Japanese.
    if text.lines().any(|l| l.trim() == "# lang: ja") {
        sb.lang = iamdojo::lang::Lang::Ja;
    }
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

#[test]
fn sandbox_transcripts() {
    insta::glob!("data/sandbox/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        insta::assert_snapshot!(transcript(&text));
    });
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
