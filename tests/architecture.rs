//! The dependency arrow of docs/ARCHITECTURE.md, checked on the source: each module may use
//! only the modules below it, only `tui` imports ratatui and only `cli` imports clap.

use std::path::{Path, PathBuf};

fn files(module: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = vec![root.join(format!("{module}.rs"))];
    let mut stack = vec![root.join(module)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.retain(|p| p.exists());
    out
}

/// Code lines (comments left out) of a module.
fn code(module: &str) -> Vec<(PathBuf, String)> {
    files(module)
        .into_iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| (p.clone(), l.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

const MODULES: &[&str] = &[
    "policy", "eval", "account", "audit", "lesson", "progress", "class", "tui", "cli",
];

/// What each module may use besides itself and `suggest`.
fn allowed(module: &str) -> &'static [&'static str] {
    match module {
        "policy" => &[],
        "eval" => &["policy"],
        "account" => &["policy", "eval"],
        "audit" => &["policy", "eval", "account"],
        "lesson" => &["policy", "eval", "account", "audit"],
        "progress" => &[],
        "class" => &["progress"],
        "tui" => &[
            "policy", "eval", "account", "audit", "lesson", "progress", "class",
        ],
        "cli" => &[
            "policy", "eval", "account", "audit", "lesson", "progress", "class", "tui",
        ],
        _ => &[],
    }
}

#[test]
fn modules_depend_one_way() {
    let mut bad = Vec::new();
    for m in MODULES {
        for (file, line) in code(m) {
            for other in MODULES.iter().filter(|o| *o != m) {
                if line.contains(&format!("crate::{other}")) && !allowed(m).contains(other) {
                    bad.push(format!(
                        "{}: `{m}` uses `{other}`: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the dependency arrow is broken:\n{}",
        bad.join("\n")
    );
}

#[test]
fn only_tui_draws_and_only_cli_parses_arguments() {
    let mut bad = Vec::new();
    for m in MODULES.iter().chain(
        [
            "suggest",
            "input",
            "printable",
            "ids",
            "text",
            "lang",
            "msg",
        ]
        .iter(),
    ) {
        for (file, line) in code(m) {
            if *m != "tui" && (line.contains("ratatui") || line.contains("crossterm")) {
                bad.push(format!(
                    "{}: ratatui outside tui: {}",
                    file.display(),
                    line.trim()
                ));
            }
            if *m != "cli" && line.contains("clap::") {
                bad.push(format!(
                    "{}: clap outside cli: {}",
                    file.display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn leaf_utilities_use_no_domain_module() {
    let mut bad = Vec::new();
    for leaf in [
        "suggest",
        "input",
        "printable",
        "ids",
        "text",
        "lang",
        "msg",
    ] {
        assert!(!files(leaf).is_empty(), "no source for `{leaf}`");
        for (file, line) in code(leaf) {
            for m in MODULES {
                if line.contains(&format!("crate::{m}")) {
                    bad.push(format!(
                        "{}: `{leaf}` uses `{m}`: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "a leaf module depends on a domain module:\n{}",
        bad.join("\n")
    );
}

/// Only the class server runs an async runtime: the learner's side (`class/client.rs`, and
/// the interface that uses it) stays blocking, and no other module talks HTTP. Only the
/// server's store talks to PostgreSQL.
#[test]
fn only_the_class_server_uses_tokio_and_axum() {
    let mut bad = Vec::new();
    for m in MODULES {
        for (file, line) in code(m) {
            let in_server = file.components().any(|c| c.as_os_str() == "server")
                || file.ends_with("class/server.rs");
            if !in_server && (line.contains("tokio") || line.contains("axum")) {
                bad.push(format!(
                    "{}: async outside the server: {}",
                    file.display(),
                    line.trim()
                ));
            }
            if !in_server && line.contains("postgres::") {
                bad.push(format!(
                    "{}: PostgreSQL outside the server's store: {}",
                    file.display(),
                    line.trim()
                ));
            }
            if *m != "class" && line.contains("ureq") {
                bad.push(format!(
                    "{}: HTTP outside class: {}",
                    file.display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(!files("class").is_empty(), "no source for `class`");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// One writer of the AWS CLI's errors (docs/ARCHITECTURE.md): no code of `account` but
/// `command/cli_error.rs` writes the CLI's `[ERROR]` prefix or argparse's usage text.
#[test]
fn only_cli_error_writes_the_clis_error_layout() {
    let writer = Path::new("command").join("cli_error.rs");
    let lines = code("account");
    assert!(
        lines
            .iter()
            .any(|(p, l)| p.ends_with(&writer) && l.contains("[ERROR]")),
        "cli_error.rs writes the prefix"
    );
    for (p, l) in lines {
        if p.ends_with(&writer) {
            continue;
        }
        assert!(
            !l.contains("[ERROR]") && !l.contains("usage: aws [options]"),
            "{}: {l}",
            p.display()
        );
    }
}
