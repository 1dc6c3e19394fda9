//! The AWS CLI reference's own examples: each case of `tests/data/doc-examples/` runs one
//! command's example from its page and checks the sandbox prints what the page shows, up to
//! generated ids and dates. Run by `aws_cases`.

#[test]
fn doc_examples_cases() {
    super::aws_cases::check_topic("doc-examples");
}
