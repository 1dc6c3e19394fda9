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
    /// How it works, in one sentence.
    pub how: &'static str,
}

/// The methods, in Rhino's order.
pub const METHODS: &[Method] = &[
    Method {
        name: "CreateNewPolicyVersion",
        actions: &["iam:CreatePolicyVersion"],
        how: "writes a new default version of a managed policy, which can grant anything",
    },
    Method {
        name: "SetExistingDefaultPolicyVersion",
        actions: &["iam:SetDefaultPolicyVersion"],
        how: "switches a managed policy back to an older, possibly broader, version",
    },
    Method {
        name: "CreateEC2WithExistingIP",
        actions: &["iam:PassRole", "ec2:RunInstances"],
        how: "starts an instance with a more powerful role and uses the role's credentials from it",
    },
    Method {
        name: "CreateAccessKey",
        actions: &["iam:CreateAccessKey"],
        how: "creates access keys for another, more powerful user",
    },
    Method {
        name: "CreateLoginProfile",
        actions: &["iam:CreateLoginProfile"],
        how: "sets a console password for another user who has none, then signs in as them",
    },
    Method {
        name: "UpdateLoginProfile",
        actions: &["iam:UpdateLoginProfile"],
        how: "changes another user's console password, then signs in as them",
    },
    Method {
        name: "AttachUserPolicy",
        actions: &["iam:AttachUserPolicy"],
        how: "attaches any managed policy, such as AdministratorAccess, to a user",
    },
    Method {
        name: "AttachGroupPolicy",
        actions: &["iam:AttachGroupPolicy"],
        how: "attaches any managed policy to a group the holder is in",
    },
    Method {
        name: "AttachRolePolicy",
        actions: &["iam:AttachRolePolicy"],
        how: "attaches any managed policy to a role the holder is or can assume",
    },
    Method {
        name: "PutUserPolicy",
        actions: &["iam:PutUserPolicy"],
        how: "writes an inline policy granting anything to a user",
    },
    Method {
        name: "PutGroupPolicy",
        actions: &["iam:PutGroupPolicy"],
        how: "writes an inline policy granting anything to a group the holder is in",
    },
    Method {
        name: "PutRolePolicy",
        actions: &["iam:PutRolePolicy"],
        how: "writes an inline policy granting anything to a role the holder is or can assume",
    },
    Method {
        name: "AddUserToGroup",
        actions: &["iam:AddUserToGroup"],
        how: "adds a user to a more powerful group",
    },
    Method {
        name: "UpdateRolePolicyToAssumeIt",
        actions: &["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        how: "rewrites a powerful role's trust policy to trust the holder, then assumes it",
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenInvoke",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:InvokeFunction",
        ],
        how: "creates a function that runs with a more powerful role and invokes it",
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
        how: "creates a function with a more powerful role and triggers it from a new DynamoDB table",
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
        ],
        how: "creates a function with a more powerful role and triggers it from an existing DynamoDB stream",
    },
    Method {
        name: "PassExistingRoleToNewGlueDevEndpoint",
        actions: &["iam:PassRole", "glue:CreateDevEndpoint"],
        how: "creates a Glue development endpoint with a more powerful role and logs in to it",
    },
    Method {
        name: "UpdateExistingGlueDevEndpoint",
        actions: &["glue:UpdateDevEndpoint"],
        how: "puts the holder's SSH key on an existing Glue development endpoint and uses its role",
    },
    Method {
        name: "PassExistingRoleToCloudFormation",
        actions: &["iam:PassRole", "cloudformation:CreateStack"],
        how: "creates a stack that runs with a more powerful role and creates whatever it is told to",
    },
    Method {
        name: "PassExistingRoleToNewDataPipeline",
        actions: &["iam:PassRole", "datapipeline:CreatePipeline"],
        how: "creates a data pipeline that runs commands with a more powerful role",
    },
    Method {
        name: "EditExistingLambdaFunctionWithRole",
        actions: &["lambda:UpdateFunctionCode"],
        how: "replaces the code of a function that runs with a more powerful role",
    },
];
