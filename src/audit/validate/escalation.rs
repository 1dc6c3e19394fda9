//! Known privilege-escalation methods: sets of permissions that let whoever holds them give
//! themselves more. The list follows Rhino Security Labs' "AWS IAM Privilege Escalation –
//! Methods and Mitigation" (<https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>)
//! and the method names of its `aws_escalate.py` scanner
//! (<https://github.com/RhinoSecurityLabs/Security-Research/blob/master/tools/aws-pentest-tools/aws_escalate.py>).
//! Only the facts are taken (which actions a method needs); the explanations are ours.
//!
//! One deliberate difference: Rhino lists `iam:AttachRolePolicy` and `iam:PutRolePolicy`
//! together with `sts:AssumeRole`; a role that holds either can change its own policies
//! without assuming anything, so here they stand alone, as in the issue that asked for them.

use crate::msg::validate::Validate;

/// The page cited as `learnMoreLink` of every escalation finding.
pub const SOURCE: &str =
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/";

/// One escalation method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The method's name in Rhino's scanner.
    pub name: &'static str,
    /// The actions it needs, all of them.
    pub actions: &'static [&'static str],
    /// How it works, in one sentence (a catalog entry: said in the learner's language).
    pub how: Validate,
}

/// The methods, in Rhino's order.
pub const METHODS: &[Method] = &[
    Method {
        name: "CreateNewPolicyVersion",
        actions: &["iam:CreatePolicyVersion"],
        how: Validate::HowCreateNewPolicyVersion,
    },
    Method {
        name: "SetExistingDefaultPolicyVersion",
        actions: &["iam:SetDefaultPolicyVersion"],
        how: Validate::HowSetExistingDefaultPolicyVersion,
    },
    Method {
        name: "CreateEC2WithExistingIP",
        actions: &["iam:PassRole", "ec2:RunInstances"],
        how: Validate::HowCreateEc2WithExistingIp,
    },
    Method {
        name: "CreateAccessKey",
        actions: &["iam:CreateAccessKey"],
        how: Validate::HowCreateAccessKey,
    },
    Method {
        name: "CreateLoginProfile",
        actions: &["iam:CreateLoginProfile"],
        how: Validate::HowCreateLoginProfile,
    },
    Method {
        name: "UpdateLoginProfile",
        actions: &["iam:UpdateLoginProfile"],
        how: Validate::HowUpdateLoginProfile,
    },
    Method {
        name: "AttachUserPolicy",
        actions: &["iam:AttachUserPolicy"],
        how: Validate::HowAttachUserPolicy,
    },
    Method {
        name: "AttachGroupPolicy",
        actions: &["iam:AttachGroupPolicy"],
        how: Validate::HowAttachGroupPolicy,
    },
    Method {
        name: "AttachRolePolicy",
        actions: &["iam:AttachRolePolicy"],
        how: Validate::HowAttachRolePolicy,
    },
    Method {
        name: "PutUserPolicy",
        actions: &["iam:PutUserPolicy"],
        how: Validate::HowPutUserPolicy,
    },
    Method {
        name: "PutGroupPolicy",
        actions: &["iam:PutGroupPolicy"],
        how: Validate::HowPutGroupPolicy,
    },
    Method {
        name: "PutRolePolicy",
        actions: &["iam:PutRolePolicy"],
        how: Validate::HowPutRolePolicy,
    },
    Method {
        name: "AddUserToGroup",
        actions: &["iam:AddUserToGroup"],
        how: Validate::HowAddUserToGroup,
    },
    Method {
        name: "UpdateRolePolicyToAssumeIt",
        actions: &["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        how: Validate::HowUpdateRolePolicyToAssumeIt,
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenInvoke",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:InvokeFunction",
        ],
        how: Validate::HowPassRoleToNewLambdaThenInvoke,
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenTriggerWithNewDynamo",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
            "dynamodb:CreateTable",
            "dynamodb:PutItem",
        ],
        how: Validate::HowPassRoleToNewLambdaWithNewDynamo,
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
        ],
        how: Validate::HowPassRoleToNewLambdaWithExistingDynamo,
    },
    Method {
        name: "PassExistingRoleToNewGlueDevEndpoint",
        actions: &["iam:PassRole", "glue:CreateDevEndpoint"],
        how: Validate::HowPassRoleToNewGlueDevEndpoint,
    },
    Method {
        name: "UpdateExistingGlueDevEndpoint",
        actions: &["glue:UpdateDevEndpoint"],
        how: Validate::HowUpdateExistingGlueDevEndpoint,
    },
    Method {
        name: "PassExistingRoleToCloudFormation",
        actions: &["iam:PassRole", "cloudformation:CreateStack"],
        how: Validate::HowPassRoleToCloudFormation,
    },
    Method {
        name: "PassExistingRoleToNewDataPipeline",
        actions: &["iam:PassRole", "datapipeline:CreatePipeline"],
        how: Validate::HowPassRoleToNewDataPipeline,
    },
    Method {
        name: "EditExistingLambdaFunctionWithRole",
        actions: &["lambda:UpdateFunctionCode"],
        how: Validate::HowEditExistingLambdaWithRole,
    },
];
