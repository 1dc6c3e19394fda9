//! AWS's own error codes and messages: IAM's MalformedPolicyDocument wordings, InvalidInput for what is not an ARN, each operation's NoSuchEntity, EC2's UnauthorizedOperation with its encoded message, and the CLI's own error for a missing `file://` document. Each case is a file of `tests/data/aws-errors/`, run by `aws_cases`.

#[test]
fn aws_errors_cases() {
    super::aws_cases::check_topic("aws-errors");
}
