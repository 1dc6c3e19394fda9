//! The IAM staples of tutorials: the account summary, instance profiles from creation to deletion, list-policies' filters and the service last accessed report. Each case is a file of `tests/data/iam-staples/`, run by `aws_cases`.

#[test]
fn iam_staples_cases() {
    super::aws_cases::check_topic("iam-staples");
}
