//! A large, realistic `get-account-authorization-details` file for the simulated-account
//! benchmarks: thousands of users, roles and customer managed policies (two versions each,
//! a tenth of the documents URL-encoded as the raw API returns them), groups, inline
//! policies, boundaries, tags and instance profiles. Shared by `benches/main.rs` and the
//! `gaad_load` example, which measures peak memory.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

/// The account the generated ARNs belong to.
pub const ACCOUNT: &str = "123456789012";

/// How many groups the users are spread over in the classic shape.
const GROUPS: usize = 50;

/// The bundled AWS managed policies that the wide shape attaches (besides `ReadOnlyAccess` and
/// `AdministratorAccess`, which both shapes attach to one group each).
const AWS_MANAGED: [&str; 8] = [
    "SecurityAudit",
    "AmazonVPCReadOnlyAccess",
    "AmazonS3ReadOnlyAccess",
    "AmazonEC2ReadOnlyAccess",
    "CloudWatchReadOnlyAccess",
    "IAMReadOnlyAccess",
    "AmazonDynamoDBReadOnlyAccess",
    "AWSSupportAccess",
];

/// The shape of a generated account.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Users.
    pub users: usize,
    /// Roles.
    pub roles: usize,
    /// Customer managed policies (two versions each).
    pub policies: usize,
    /// Groups the users are spread over.
    pub groups: usize,
    /// One role in `trust_every` trusts only a service; the others trust the account (and a
    /// few of them a named user besides).
    pub trust_every: usize,
    /// Unknown action names (a real service, a made-up action) added to every document of
    /// the wide shape; 0 for none.
    pub unknown_per_document: usize,
    /// How many distinct unknown names they are drawn from.
    pub unknown_pool: usize,
    /// Attach bundled AWS managed policies to groups, roles and some users.
    pub aws_managed: bool,
}

impl Shape {
    /// The shape of the original benchmark: half the roles trust the account, no unknown
    /// actions, two AWS managed policies on two groups.
    pub fn classic(users: usize, roles: usize, policies: usize) -> Shape {
        Shape {
            users,
            roles,
            policies,
            groups: GROUPS,
            trust_every: 2,
            unknown_per_document: 0,
            unknown_pool: 1,
            aws_managed: false,
        }
    }

    /// Issue 18's shape at `users` users: a fifth as many roles, three quarters of them
    /// trusting the account; two fifths as many customer managed policies; a group per 25
    /// users; 12 unknown actions in every document, out of a pool of 0.36 per user (1,800 at
    /// 5,000 users); eight more AWS managed policies attached to groups, roles and a tenth of
    /// the users.
    pub fn wide(users: usize) -> Shape {
        Shape {
            users,
            roles: users / 5,
            policies: users * 2 / 5,
            groups: (users / 25).max(2),
            trust_every: 4,
            unknown_per_document: 12,
            unknown_pool: (users * 36 / 100).max(1),
            aws_managed: true,
        }
    }
}

/// `n` unknown action names for the document of `seed`, from a pool of `pool`.
fn unknown_actions(seed: usize, n: usize, pool: usize) -> Vec<String> {
    (0..n)
        .map(|k| {
            let i = (seed.wrapping_mul(2_654_435_761) + k * 7_919) % pool;
            let (svc, _) = SERVICES[i % SERVICES.len()];
            let verb = VERBS[(i / SERVICES.len()) % VERBS.len()];
            format!("{svc}:{verb}Widget{i}")
        })
        .collect()
}

fn aws_attached(name: &str) -> Value {
    json!({"PolicyName": name, "PolicyArn": format!("arn:aws:iam::aws:policy/{name}")})
}

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

/// A permission policy of 3 to 6 statements, some with conditions, and a last statement
/// with `unknown` names that are no action.
fn document(seed: usize, unknown: (usize, usize)) -> Value {
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
    let mut statements = statements;
    if unknown.0 > 0 {
        statements.push(json!({
            "Sid": format!("Typos{seed}"),
            "Effect": "Allow",
            "Action": unknown_actions(seed, unknown.0, unknown.1),
            "Resource": "*",
        }));
    }
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// A document as the file holds it: a JSON object, or for one in ten a URL-encoded string.
fn written(seed: usize, unknown: (usize, usize)) -> Value {
    let d = document(seed, unknown);
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

/// The GAAD JSON of the classic shape, printed as the AWS CLI prints it (four-space indent).
pub fn generate(users: usize, roles: usize, policies: usize) -> String {
    generate_shape(Shape::classic(users, roles, policies))
}

/// The GAAD JSON of any shape, printed as the AWS CLI prints it (four-space indent).
pub fn generate_shape(shape: Shape) -> String {
    let Shape {
        users,
        roles,
        policies,
        groups,
        trust_every,
        ..
    } = shape;
    let unknown = (shape.unknown_per_document, shape.unknown_pool.max(1));
    let written = |seed: usize| written(seed, unknown);
    let groups = groups.max(2);
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
    let group_list: Vec<Value> = (0..groups)
        .map(|g| {
            let mut managed = vec![attached((g * 13 + 1) % policies), attached((g * 29 + 2) % policies)];
            match g {
                0 => managed.push(json!({"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})),
                1 => managed.push(json!({"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})),
                _ if shape.aws_managed => {
                    managed.push(aws_attached(AWS_MANAGED[g % AWS_MANAGED.len()]));
                    if g % 3 == 0 {
                        managed.push(aws_attached(AWS_MANAGED[(g / 3) % AWS_MANAGED.len()]));
                    }
                }
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
            let (g1, g2) = (i % groups, (i * 7 + 3) % groups);
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
            if shape.aws_managed && i % 10 == 3 {
                u["AttachedManagedPolicies"]
                    .as_array_mut()
                    .unwrap()
                    .push(aws_attached(AWS_MANAGED[i % AWS_MANAGED.len()]));
            }
            u
        })
        .collect();
    let role_list: Vec<Value> = (0..roles)
        .map(|i| {
            let name = format!("r{i}");
            let arn = format!("arn:aws:iam::{ACCOUNT}:role/app/{name}");
            let principal = if i % trust_every == 0 {
                json!({"Service": "ec2.amazonaws.com"})
            } else if shape.aws_managed && i % 5 == 1 {
                json!({"AWS": [format!("arn:aws:iam::{ACCOUNT}:root"), format!("arn:aws:iam::{ACCOUNT}:user/u{}", i * 3 % users.max(1))]})
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
            if shape.aws_managed {
                r["AttachedManagedPolicies"]
                    .as_array_mut()
                    .unwrap()
                    .push(aws_attached(AWS_MANAGED[(i * 5) % AWS_MANAGED.len()]));
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
