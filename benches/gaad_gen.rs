//! A large, realistic `get-account-authorization-details` file for the simulated-account
//! benchmarks: thousands of users, roles and customer managed policies (two versions each,
//! a tenth of the documents URL-encoded as the raw API returns them), groups, inline
//! policies, boundaries, tags and instance profiles. Shared by `benches/main.rs` and the
//! `gaad_load` example, which measures peak memory.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

/// The account the generated ARNs belong to.
pub const ACCOUNT: &str = "123456789012";

/// How many groups the users are spread over.
const GROUPS: usize = 50;

const SERVICES: [(&str, &str); 10] = [
    ("s3", "arn:aws:s3:::data-{n}/*"),
    ("ec2", "arn:aws:ec2:*:123456789012:instance/*"),
    ("dynamodb", "arn:aws:dynamodb:*:123456789012:table/t-{n}"),
    ("lambda", "arn:aws:lambda:*:123456789012:function:f-{n}-*"),
    ("sqs", "arn:aws:sqs:*:123456789012:q-{n}"),
    ("sns", "arn:aws:sns:*:123456789012:topic-{n}"),
    ("kms", "arn:aws:kms:*:123456789012:key/*"),
    ("logs", "arn:aws:logs:*:123456789012:log-group:/app/{n}:*"),
    ("cloudwatch", "*"),
    ("iam", "arn:aws:iam::123456789012:user/${aws:username}"),
];

const VERBS: [&str; 6] = ["Get", "List", "Describe", "Put", "Update", "Tag"];

/// A permission policy of 3 to 6 statements, some with conditions.
fn document(seed: usize) -> Value {
    let statements: Vec<Value> = (0..3 + seed % 4)
        .map(|s| {
            let (svc, res) = SERVICES[(seed + s * 3) % SERVICES.len()];
            let verb = VERBS[(seed + s) % VERBS.len()];
            let mut st = json!({
                "Sid": format!("S{seed}x{s}"),
                "Effect": if s == 4 { "Deny" } else { "Allow" },
                "Action": [format!("{svc}:{verb}*"), format!("{svc}:List*")],
                "Resource": res.replace("{n}", &(seed % 97).to_string()),
            });
            if s % 3 == 1 {
                st["Condition"] =
                    json!({"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}});
            } else if s % 3 == 2 {
                st["Condition"] = json!({"Bool": {"aws:MultiFactorAuthPresent": "true"}});
            }
            st
        })
        .collect();
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// A document as the file holds it: a JSON object, or for one in ten a URL-encoded string.
fn written(seed: usize) -> Value {
    let d = document(seed);
    if seed % 10 == 7 {
        let text = d.to_string();
        Value::String(utf8_percent_encode(&text, NON_ALPHANUMERIC).to_string())
    } else {
        d
    }
}

fn time(day: usize) -> String {
    format!(
        "2024-{:02}-{:02}T{:02}:00:00+00:00",
        1 + day % 12,
        1 + day % 28,
        day % 24
    )
}

fn policy_arn(i: usize) -> String {
    format!("arn:aws:iam::{ACCOUNT}:policy/team{}/P{i:04}", i % 20)
}

fn attached(i: usize) -> Value {
    json!({"PolicyName": format!("P{i:04}"), "PolicyArn": policy_arn(i)})
}

/// The GAAD JSON, printed as the AWS CLI prints it (four-space indent).
pub fn generate(users: usize, roles: usize, policies: usize) -> String {
    let policies = policies.max(2);
    // Policy 0 is a broad boundary.
    let boundary = json!({"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": policy_arn(0)});
    let policy_list: Vec<Value> = (0..policies)
        .map(|i| {
            let v2 = if i == 0 {
                json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
            } else {
                written(i * 2 + 1)
            };
            json!({
                "PolicyName": format!("P{i:04}"),
                "PolicyId": format!("ANPABENCH{i:010}"),
                "Arn": policy_arn(i),
                "Path": format!("/team{}/", i % 20),
                "DefaultVersionId": "v2",
                "AttachmentCount": 1,
                "PermissionsBoundaryUsageCount": 0,
                "IsAttachable": true,
                "CreateDate": time(i),
                "UpdateDate": time(i + 30),
                "PolicyVersionList": [
                    {"Document": v2, "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": time(i + 30)},
                    {"Document": written(i * 2), "VersionId": "v1", "IsDefaultVersion": false, "CreateDate": time(i)},
                ],
            })
        })
        .collect();
    let group_list: Vec<Value> = (0..GROUPS)
        .map(|g| {
            let mut managed = vec![attached((g * 13 + 1) % policies), attached((g * 29 + 2) % policies)];
            match g {
                0 => managed.push(json!({"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})),
                1 => managed.push(json!({"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})),
                _ => {}
            }
            json!({
                "Path": "/",
                "GroupName": format!("g{g:02}"),
                "GroupId": format!("AGPABENCH{g:010}"),
                "Arn": format!("arn:aws:iam::{ACCOUNT}:group/g{g:02}"),
                "CreateDate": time(g),
                "GroupPolicyList": [{"PolicyName": "GroupInline", "PolicyDocument": written(10_000 + g)}],
                "AttachedManagedPolicies": managed,
            })
        })
        .collect();
    let user_list: Vec<Value> = (0..users)
        .map(|i| {
            let (g1, g2) = (i % GROUPS, (i * 7 + 3) % GROUPS);
            let groups: Vec<String> = if g1 == g2 {
                vec![format!("g{g1:02}")]
            } else {
                vec![format!("g{g1:02}"), format!("g{g2:02}")]
            };
            let mut u = json!({
                "Path": "/",
                "UserName": format!("u{i}"),
                "UserId": format!("AIDABENCH{i:010}"),
                "Arn": format!("arn:aws:iam::{ACCOUNT}:user/u{i}"),
                "CreateDate": time(i),
                "UserPolicyList": [],
                "GroupList": groups,
                "AttachedManagedPolicies": [attached(1 + i % (policies - 1)), attached(1 + (i * 31 + 7) % (policies - 1))],
                "Tags": [{"Key": "team", "Value": format!("team{}", i % 20)}, {"Key": "cost-center", "Value": format!("{}", 1000 + i % 50)}],
            });
            if i % 5 == 0 {
                u["UserPolicyList"] = json!([{"PolicyName": "Own", "PolicyDocument": written(20_000 + i)}]);
            }
            if i % 10 == 0 {
                u["PermissionsBoundary"] = boundary.clone();
            }
            u
        })
        .collect();
    let role_list: Vec<Value> = (0..roles)
        .map(|i| {
            let name = format!("r{i}");
            let arn = format!("arn:aws:iam::{ACCOUNT}:role/app/{name}");
            let principal = if i % 2 == 0 {
                json!({"Service": "ec2.amazonaws.com"})
            } else {
                json!({"AWS": format!("arn:aws:iam::{ACCOUNT}:root")})
            };
            let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]});
            let profiles = if i % 4 == 0 {
                json!([{
                    "Path": "/app/",
                    "InstanceProfileName": name,
                    "InstanceProfileId": format!("AIPABENCH{i:010}"),
                    "Arn": format!("arn:aws:iam::{ACCOUNT}:instance-profile/app/{name}"),
                    "CreateDate": time(i),
                    "Roles": [{"Path": "/app/", "RoleName": name, "RoleId": format!("AROABENCH{i:010}"), "Arn": arn, "CreateDate": time(i), "AssumeRolePolicyDocument": trust}],
                }])
            } else {
                json!([])
            };
            let mut r = json!({
                "Path": "/app/",
                "RoleName": name,
                "RoleId": format!("AROABENCH{i:010}"),
                "Arn": arn,
                "CreateDate": time(i),
                "AssumeRolePolicyDocument": trust,
                "InstanceProfileList": profiles,
                "RolePolicyList": [{"PolicyName": "RoleInline", "PolicyDocument": written(30_000 + i)}],
                "AttachedManagedPolicies": [attached(1 + (i * 3) % (policies - 1)), attached(1 + (i * 17 + 5) % (policies - 1))],
                "Tags": [{"Key": "app", "Value": format!("app{}", i % 30)}],
                "RoleLastUsed": if i % 3 == 0 { json!({}) } else { json!({"LastUsedDate": time(i + 60), "Region": "us-east-1"}) },
            });
            if i % 10 == 0 {
                r["PermissionsBoundary"] = boundary.clone();
            }
            r
        })
        .collect();
    let all = json!({
        "UserDetailList": user_list,
        "GroupDetailList": group_list,
        "RoleDetailList": role_list,
        "Policies": policy_list,
        "IsTruncated": false,
    });
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if serde::Serialize::serialize(&all, &mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// 100 action names across the generated services, for simulation benchmarks.
pub fn hundred_actions() -> Vec<String> {
    (0..100)
        .map(|i| {
            let (svc, _) = SERVICES[i % SERVICES.len()];
            let verb = VERBS[(i / SERVICES.len()) % VERBS.len()];
            format!("{svc}:{verb}Thing{i}")
        })
        .collect()
}
