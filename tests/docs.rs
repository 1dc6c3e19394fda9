//! The documentation tells the truth about the command table.

#[test]
fn sandbox_doc_lists_every_command() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sandbox.md"))
        .expect("docs/sandbox.md exists");
    let mut missing = Vec::new();
    for c in iamdojo::account::command::commands() {
        let needle = format!("`{} {}`", c.service, c.name);
        if !doc.contains(&needle) {
            missing.push(needle);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/sandbox.md lacks: {}",
        missing.join(", ")
    );
}
