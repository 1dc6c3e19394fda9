//! Output fields as AWS's service models have them: GuardDuty findings, CloudWatch alarms and CloudTrail's trail status. Each case is a file of `tests/data/service-fields/`, run by `aws_cases`.

#[test]
fn service_fields_cases() {
    super::aws_cases::check_topic("service-fields");
}
