//! The documentation tells the truth about the command table.

use std::path::Path;

const SECTION: &str = "## Supported commands\n";

fn doc_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sandbox.md")
}

/// The list of simulated commands, generated from the table the shell uses: one heading per
/// service in the table's order, one line per command with its AWS operation.
fn generated() -> String {
    let table = iamdojo::account::command::commands();
    let mut services: Vec<&str> = Vec::new();
    for c in &table {
        if !services.contains(&c.service) {
            services.push(c.service);
        }
    }
    let mut out = String::from(SECTION);
    for s in services {
        out.push_str(&format!("\n### {s}\n\n"));
        for c in table.iter().filter(|c| c.service == s) {
            out.push_str(&format!("- `{} {}` ({})\n", c.service, c.name, c.operation));
        }
    }
    out
}

#[test]
fn sandbox_doc_lists_exactly_the_simulated_commands() {
    let doc = std::fs::read_to_string(doc_path()).expect("docs/sandbox.md exists");
    let at = doc
        .find(SECTION)
        .expect("docs/sandbox.md has a `## Supported commands` section");
    let section = doc.get(at..).unwrap_or_default();
    let want = generated();
    assert!(
        section == want,
        "docs/sandbox.md's command list is not the command table's; regenerate it with\n  \
         cargo test --test integration docs::regenerate_sandbox_doc -- --ignored\n\
         expected:\n{want}"
    );
}

/// Rewrites the command list of docs/sandbox.md from the table (run by hand, see above).
#[test]
#[ignore]
fn regenerate_sandbox_doc() {
    let doc = std::fs::read_to_string(doc_path()).expect("docs/sandbox.md exists");
    let at = doc
        .find(SECTION)
        .expect("a `## Supported commands` section");
    let head = doc.get(..at).unwrap_or_default();
    std::fs::write(doc_path(), format!("{head}{}", generated())).expect("docs/sandbox.md written");
}
