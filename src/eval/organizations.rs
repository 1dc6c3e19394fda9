//! Which requests the policies of AWS Organizations apply to: service control policies (SCPs)
//! restrict the principals of member accounts, resource control policies (RCPs) restrict the
//! resources of member accounts, and neither restricts a service-linked role or the
//! organization's management account.
//!
//! - SCPs: <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html>
//!   ("SCPs don't affect users or roles in the management account", "SCPs do not affect
//!   service-linked roles").
//! - RCPs: <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html>
//!   (the services RCPs apply to, "RCPs don't affect resources in the management account",
//!   the resources and entities RCPs do not restrict).

use serde::Serialize;

use super::request::{PrincipalType, Request};

/// The service prefixes of the AWS services whose resources RCPs apply to, as AWS's list
/// "List of AWS services that support RCPs" gives them: Amazon S3, AWS STS, AWS KMS, Amazon
/// SQS and AWS Secrets Manager from the start (2024-11), Amazon ECR and Amazon OpenSearch
/// Serverless (2025-06), Amazon Cognito user pools and Amazon CloudWatch Logs (2026-01).
pub const RCP_SERVICES: &[&str] = &[
    "s3",
    "sts",
    "kms",
    "sqs",
    "secretsmanager",
    "ecr",
    "aoss",
    "cognito-idp",
    "logs",
];

/// Why the policies of one kind of organization policy do not take part in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exemption {
    /// The caller is a service-linked role, which neither SCPs nor RCPs restrict.
    ServiceLinkedRole,
    /// The account (the caller's for SCPs, the resource's for RCPs) is its organization's
    /// management account.
    ManagementAccount,
    /// RCPs do not apply to the resources of the action's service.
    UnsupportedService,
}

/// True when the caller is a service-linked role: a role under the path `/aws-service-role/`,
/// or a session of a role named `AWSServiceRoleFor…` (a session's ARN does not carry the
/// role's path; every service-linked role AWS creates is named so).
pub fn is_service_linked_role(req: &Request) -> bool {
    let p = &req.principal;
    match p.kind {
        PrincipalType::Role => p.arn.contains(":role/aws-service-role/"),
        PrincipalType::AssumedRole => p.role_arn.as_deref().is_some_and(|r| {
            r.contains(":role/aws-service-role/")
                || r.rsplit('/')
                    .next()
                    .is_some_and(|n| n.starts_with("AWSServiceRoleFor"))
        }),
        _ => false,
    }
}

/// The account that owns the resource: the request's, else the caller's.
fn resource_account(req: &Request) -> &str {
    req.resource_account
        .as_deref()
        .unwrap_or(req.principal.account.as_str())
}

/// Why the SCPs given do not restrict this request, if they do not.
pub fn scp_exemption(req: &Request, management_accounts: &[String]) -> Option<Exemption> {
    if is_service_linked_role(req) {
        return Some(Exemption::ServiceLinkedRole);
    }
    let caller = req.principal.account.as_str();
    (!caller.is_empty() && management_accounts.iter().any(|a| a == caller))
        .then_some(Exemption::ManagementAccount)
}

/// Why the RCPs given do not restrict this request, if they do not.
pub fn rcp_exemption(req: &Request, management_accounts: &[String]) -> Option<Exemption> {
    if !RCP_SERVICES.contains(&req.service()) {
        return Some(Exemption::UnsupportedService);
    }
    if is_service_linked_role(req) {
        return Some(Exemption::ServiceLinkedRole);
    }
    let owner = resource_account(req);
    (!owner.is_empty() && management_accounts.iter().any(|a| a == owner))
        .then_some(Exemption::ManagementAccount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::request::{Context, Principal};

    fn req(caller: &str, action: &str) -> Request {
        let p = Principal::from_arn(caller).unwrap_or_else(|e| panic!("{e}"));
        Request::new(p, action, "*", Context::new())
    }

    #[test]
    fn service_linked_roles_are_told_by_path_or_name() {
        let slr = "arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
        assert!(is_service_linked_role(&req(slr, "s3:GetObject")));
        let session = "arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForECS/ecs-session";
        assert!(is_service_linked_role(&req(session, "s3:GetObject")));
        for other in [
            "arn:aws:iam::111111111111:role/Dev",
            "arn:aws:sts::111111111111:assumed-role/Dev/s",
            "arn:aws:iam::111111111111:user/AWSServiceRoleForECS",
        ] {
            assert!(
                !is_service_linked_role(&req(other, "s3:GetObject")),
                "{other}"
            );
        }
    }

    #[test]
    fn rcps_apply_to_supported_services_of_member_accounts_only() {
        let alice = "arn:aws:iam::111111111111:user/alice";
        assert_eq!(rcp_exemption(&req(alice, "s3:GetObject"), &[]), None);
        assert_eq!(
            rcp_exemption(&req(alice, "ec2:RunInstances"), &[]),
            Some(Exemption::UnsupportedService)
        );
        let mgmt = ["111111111111".to_string()];
        assert_eq!(
            rcp_exemption(&req(alice, "s3:GetObject"), &mgmt),
            Some(Exemption::ManagementAccount)
        );
        assert_eq!(
            scp_exemption(&req(alice, "s3:GetObject"), &mgmt),
            Some(Exemption::ManagementAccount)
        );
        assert_eq!(scp_exemption(&req(alice, "s3:GetObject"), &[]), None);
    }
}
