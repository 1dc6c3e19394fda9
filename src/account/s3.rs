//! S3 as far as the course needs it: buckets, objects, bucket policies (the resource-based
//! policy the evaluator weighs), canned ACLs and Block Public Access; the AWS CLI's
//! high-level `aws s3` commands are in `transfer.rs`.

pub mod transfer;

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::command::{Args, Call, Kind, Spec, obj, opt, req, time};
use super::error::AwsError;
use super::model::Document;
use crate::policy::PolicyType;

/// The four Block Public Access settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PublicAccessBlock {
    /// Refuse new public ACLs.
    #[serde(default)]
    pub block_public_acls: bool,
    /// Ignore existing public ACLs.
    #[serde(default)]
    pub ignore_public_acls: bool,
    /// Refuse public bucket policies.
    #[serde(default)]
    pub block_public_policy: bool,
    /// Restrict access to buckets with public policies.
    #[serde(default)]
    pub restrict_public_buckets: bool,
}

/// A permission a bucket ACL grants
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AclPermission {
    /// List the bucket's objects.
    Read,
    /// Create objects in the bucket.
    Write,
    /// Read the bucket's ACL.
    ReadAcp,
    /// Write the bucket's ACL.
    WriteAcp,
    /// All four.
    FullControl,
}

impl AclPermission {
    /// The name S3 gives it (`READ_ACP`).
    pub fn as_str(self) -> &'static str {
        match self {
            AclPermission::Read => "READ",
            AclPermission::Write => "WRITE",
            AclPermission::ReadAcp => "READ_ACP",
            AclPermission::WriteAcp => "WRITE_ACP",
            AclPermission::FullControl => "FULL_CONTROL",
        }
    }

    /// The policy actions it stands for on a bucket, and whether they act on the bucket's
    /// objects (`bucket/*`) rather than the bucket, as the S3 User Guide maps them ("Mapping
    /// of ACL permissions and access policy permissions": `READ` is `s3:ListBucket`,
    /// `s3:ListBucketVersions` and `s3:ListBucketMultipartUploads`; `WRITE` `s3:PutObject`;
    /// `READ_ACP` `s3:GetBucketAcl`; `WRITE_ACP` `s3:PutBucketAcl`; `FULL_CONTROL` all of
    /// them, <https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#acl-access-policy-permission-mapping>).
    fn actions(self) -> &'static [(&'static str, bool)] {
        const READ: &[(&str, bool)] = &[
            ("s3:ListBucket", false),
            ("s3:ListBucketVersions", false),
            ("s3:ListBucketMultipartUploads", false),
        ];
        match self {
            AclPermission::Read => READ,
            AclPermission::Write => &[("s3:PutObject", true)],
            AclPermission::ReadAcp => &[("s3:GetBucketAcl", false)],
            AclPermission::WriteAcp => &[("s3:PutBucketAcl", false)],
            AclPermission::FullControl => &[
                ("s3:ListBucket", false),
                ("s3:ListBucketVersions", false),
                ("s3:ListBucketMultipartUploads", false),
                ("s3:PutObject", true),
                ("s3:GetBucketAcl", false),
                ("s3:PutBucketAcl", false),
            ],
        }
    }
}

/// A grant of a bucket's ACL to another AWS account, beside its canned ACL's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The grantee account's id (S3 names it by the account's canonical user id).
    pub account: String,
    /// What it grants.
    pub permission: AclPermission,
}

/// An object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// Its content.
    pub body: String,
    /// Last modified.
    pub modified: Timestamp,
}

/// A bucket.
#[derive(Debug, Clone)]
pub struct Bucket {
    /// Name.
    pub name: String,
    /// Region.
    pub region: String,
    /// Creation time.
    pub created: Timestamp,
    /// Bucket policy.
    pub policy: Option<Document>,
    /// Canned ACL (`private`, `public-read`, …).
    pub acl: String,
    /// The ACL's grants to other accounts, after the canned ACL's (a scenario's; the bucket's
    /// ACLs are then enabled, its Object Ownership not `BucketOwnerEnforced`).
    pub grants: Vec<Grant>,
    /// Bucket-level Block Public Access.
    pub public_access_block: Option<PublicAccessBlock>,
    /// Objects by key.
    pub objects: BTreeMap<String, Object>,
}

impl Bucket {
    /// A new private bucket.
    pub fn new(name: &str, region: &str, created: Timestamp) -> Bucket {
        Bucket {
            name: name.to_string(),
            region: region.to_string(),
            created,
            policy: None,
            acl: "private".into(),
            grants: Vec::new(),
            public_access_block: None,
            objects: BTreeMap::new(),
        }
    }

    /// True when the bucket policy grants something to the public (see [`statement_is_public`]).
    pub fn policy_is_public(&self) -> bool {
        self.policy
            .as_ref()
            .is_some_and(|d| d.policy.statements.iter().any(statement_is_public))
    }

    /// True when the ACL grants to everyone or to every AWS account
    /// (`public-read`, `public-read-write`, `authenticated-read`).
    pub fn acl_is_public(&self) -> bool {
        matches!(
            self.acl.as_str(),
            "public-read" | "public-read-write" | "authenticated-read"
        )
    }
}

/// Condition keys that, with fixed values, confine a statement to known principals or
/// networks, so that a `*` principal is not "public" in S3's sense
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status>).
const CONFINING_KEYS: &[&str] = &[
    "aws:sourceip",
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:userid",
];

/// True when a statement allows the public: everyone (`*`) as principal, and no condition
/// that confines it to fixed accounts, organizations, VPCs or addresses (a condition such as
/// `aws:SecureTransport` does not).
pub fn statement_is_public(s: &crate::policy::Statement) -> bool {
    let everyone = s.principal.as_ref().is_some_and(|p| {
        !p.negated && (p.everyone || p.entries.iter().any(|(_, v)| v.value == "*"))
    });
    let confined = s.conditions.iter().any(|c| {
        !c.operator.base.is_negated()
            && CONFINING_KEYS.contains(&c.key_lower.as_str())
            && c.raw_values
                .iter()
                .all(|v| !v.contains('*') && v != "0.0.0.0/0" && v != "::/0")
    });
    s.effect == crate::policy::Effect::Allow && everyone && !confined
}

/// The S3 commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "s3api",
        name: "create-bucket",
        operation: "CreateBucket",
        params: &[],
        run: create_bucket,
    },
    Spec {
        service: "s3api",
        name: "list-buckets",
        operation: "ListBuckets",
        params: &[],
        run: list_buckets,
    },
    Spec {
        service: "s3api",
        name: "put-bucket-policy",
        operation: "PutBucketPolicy",
        params: &[],
        run: put_bucket_policy,
    },
    Spec {
        service: "s3api",
        name: "get-bucket-policy",
        operation: "GetBucketPolicy",
        params: &[],
        run: get_bucket_policy,
    },
    Spec {
        service: "s3api",
        name: "delete-bucket-policy",
        operation: "DeleteBucketPolicy",
        params: &[],
        run: delete_bucket_policy,
    },
    Spec {
        service: "s3api",
        name: "get-bucket-policy-status",
        operation: "GetBucketPolicyStatus",
        params: &[],
        run: get_bucket_policy_status,
    },
    Spec {
        service: "s3api",
        name: "get-bucket-acl",
        operation: "GetBucketAcl",
        params: &[],
        run: get_bucket_acl,
    },
    Spec {
        service: "s3api",
        name: "put-public-access-block",
        operation: "PutPublicAccessBlock",
        params: &[],
        run: put_public_access_block,
    },
    Spec {
        service: "s3api",
        name: "get-public-access-block",
        operation: "GetPublicAccessBlock",
        params: &[],
        run: get_public_access_block,
    },
    Spec {
        service: "s3api",
        name: "put-bucket-acl",
        operation: "PutBucketAcl",
        params: &[],
        run: put_bucket_acl,
    },
    Spec {
        service: "s3api",
        name: "put-object",
        operation: "PutObject",
        params: &[],
        run: put_object,
    },
    Spec {
        service: "s3api",
        name: "get-object",
        operation: "GetObject",
        params: &[],
        run: get_object,
    },
    Spec {
        service: "s3api",
        name: "list-objects-v2",
        operation: "ListObjectsV2",
        params: &[],
        run: list_objects,
    },
    Spec {
        service: "s3api",
        name: "delete-object",
        operation: "DeleteObject",
        params: &[],
        run: delete_object,
    },
    Spec {
        service: "s3api",
        name: "delete-bucket",
        operation: "DeleteBucket",
        params: &[],
        run: delete_bucket,
    },
    Spec {
        service: "s3control",
        name: "put-public-access-block",
        operation: "PutPublicAccessBlock",
        params: &[],
        run: put_account_public_access_block,
    },
    Spec {
        service: "s3control",
        name: "get-public-access-block",
        operation: "GetPublicAccessBlock",
        params: &[],
        run: get_account_public_access_block,
    },
    Spec {
        service: "s3",
        name: "ls",
        operation: "ListObjectsV2",
        params: &[
            opt("path", Kind::Positional),
            opt("recursive", Kind::Bool),
            opt("human-readable", Kind::Bool),
            opt("summarize", Kind::Bool),
        ],
        run: transfer::ls,
    },
    Spec {
        service: "s3",
        name: "cp",
        operation: "PutObject",
        params: TRANSFER_PARAMS,
        run: transfer::cp,
    },
    Spec {
        service: "s3",
        name: "mv",
        operation: "PutObject",
        params: TRANSFER_PARAMS,
        run: transfer::mv,
    },
    Spec {
        service: "s3",
        name: "sync",
        operation: "ListObjectsV2",
        params: &[
            req("source", Kind::Positional),
            req("destination", Kind::Positional),
            opt("delete", Kind::Bool),
            opt("exclude", Kind::List),
            opt("include", Kind::List),
            opt("dryrun", Kind::Bool),
            opt("quiet", Kind::Bool),
        ],
        run: transfer::sync,
    },
    Spec {
        service: "s3",
        name: "mb",
        operation: "CreateBucket",
        params: &[req("path", Kind::Positional)],
        run: transfer::mb,
    },
    Spec {
        service: "s3",
        name: "rb",
        operation: "DeleteBucket",
        params: &[req("path", Kind::Positional), opt("force", Kind::Bool)],
        run: transfer::rb,
    },
    Spec {
        service: "s3",
        name: "rm",
        operation: "DeleteObject",
        params: &[
            req("path", Kind::Positional),
            opt("recursive", Kind::Bool),
            opt("exclude", Kind::List),
            opt("include", Kind::List),
            opt("dryrun", Kind::Bool),
            opt("quiet", Kind::Bool),
        ],
        run: transfer::rm,
    },
];

/// The parameters of `aws s3 cp` and `aws s3 mv`.
const TRANSFER_PARAMS: &[crate::account::command::Param] = &[
    req("source", Kind::Positional),
    req("destination", Kind::Positional),
    opt("recursive", Kind::Bool),
    opt("exclude", Kind::List),
    opt("include", Kind::List),
    opt("dryrun", Kind::Bool),
    opt("quiet", Kind::Bool),
];

fn bucket_arn(name: &str) -> String {
    format!("arn:aws:s3:::{name}")
}

/// S3's answer for a bucket that is not there: its message names no bucket (the `NoSuchBucket`
/// row of <https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>, as S3 sends it,
/// without the full stop).
pub(super) fn no_bucket(c: &Call) -> AwsError {
    c.err("NoSuchBucket", "The specified bucket does not exist")
}

/// The account that holds the bucket `name`: the caller's, or another account of the
/// sandbox (bucket names are global); the caller's when none has it.
fn holder<'c>(c: &'c Call, name: &str) -> &'c super::Account {
    if c.account.buckets.contains_key(name) {
        return c.account;
    }
    c.others
        .values()
        .find(|a| a.buckets.contains_key(name))
        .unwrap_or(c.account)
}

/// The bucket `name`, in whichever account of the sandbox holds it.
pub(crate) fn bucket_of<'c>(c: &'c Call, name: &str) -> Option<&'c Bucket> {
    holder(c, name).buckets.get(name)
}

/// The bucket `name` to change, in whichever account of the sandbox holds it.
pub(crate) fn bucket_mut<'c>(c: &'c mut Call, name: &str) -> Option<&'c mut Bucket> {
    if c.account.buckets.contains_key(name) {
        return c.account.buckets.get_mut(name);
    }
    c.others.values_mut().find_map(|a| a.buckets.get_mut(name))
}

/// A bucket's policy is read, written and deleted only by identities of the bucket owner's
/// account: a caller of another account whose policies and the bucket's allow the call gets
/// `405 Method Not Allowed` (one they do not allow gets `403 Access Denied` first), as the
/// API reference documents for each
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html>,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html>,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html>).
fn owner_account_only(c: &Call, bucket: &str) -> Result<(), AwsError> {
    if holder(c, bucket).id == c.account.id {
        Ok(())
    } else {
        Err(c.err(
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
        ))
    }
}

/// The canonical user id S3 gives an account (64 hexadecimal digits), the same for the
/// same account: the sandbox's stand-in for the id AWS assigns
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/finding-canonical-user-id.html>).
pub(crate) fn canonical_id(account_id: &str) -> String {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = String::with_capacity(64);
    for i in 0..64u64 {
        for b in account_id.bytes() {
            // FNV-1a over the account id, again for every digit.
            x = (x ^ u64::from(b) ^ i).wrapping_mul(0x0100_0000_01b3);
        }
        out.push(char::from_digit(u32::try_from(x >> 60).unwrap_or(0), 16).unwrap_or('0'));
    }
    out
}

/// The bucket's policy with its ACL's grants to other accounts added as statements that allow
/// each grantee account what its permission stands for: S3 weighs a bucket's ACL beside its
/// policy, both granting access to the bucket's resources ("When a request is received against
/// a resource, Amazon S3 checks the corresponding ACL",
/// <https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html>). `None` when
/// neither has anything.
fn with_grants(b: &Bucket) -> Option<Document> {
    let mut statements: Vec<Value> = b
        .policy
        .as_ref()
        .and_then(|d| serde_json::from_str::<Value>(&d.text).ok())
        .and_then(|v| match v.get("Statement")? {
            Value::Array(list) => Some(list.clone()),
            one => Some(vec![one.clone()]),
        })
        .unwrap_or_default();
    for g in &b.grants {
        for (action, on_objects) in g.permission.actions() {
            let resource = if *on_objects {
                format!("{}/*", bucket_arn(&b.name))
            } else {
                bucket_arn(&b.name)
            };
            statements.push(json!({
                "Effect": "Allow",
                "Principal": {"AWS": format!("arn:aws:iam::{}:root", g.account)},
                "Action": action,
                "Resource": resource,
            }));
        }
    }
    let text = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
    Document::parse(&text, PolicyType::Resource)
        .ok()
        .or_else(|| b.policy.clone())
}

/// Authorizes against the caller's policies and the bucket's policy (and, for a bucket of
/// another account, that account's RCPs: both sides must allow it).
fn allow_s3(
    c: &Call,
    action: &str,
    resource: &str,
    bucket: &str,
    extra: &[(&str, Vec<String>)],
) -> Result<(), AwsError> {
    let owner = holder(c, bucket);
    let policy = owner.buckets.get(bucket).and_then(|b| {
        if b.grants.is_empty() {
            b.policy.clone()
        } else {
            with_grants(b)
        }
    });
    c.account
        .authorize_on(
            owner,
            &c.caller,
            c.operation,
            action,
            resource,
            extra,
            policy.as_ref(),
        )
        .map(|_| ())
}

/// Authorizes `action` on the bucket `name` itself (not an object), with its bucket policy:
/// the first step of every bucket-configuration call.
fn allow_bucket(c: &Call, action: &str, name: &str) -> Result<(), AwsError> {
    allow_s3(c, action, &bucket_arn(name), name, &[])
}

/// Authorizes `GetBucketPolicy`, `PutBucketPolicy` or `DeleteBucketPolicy` (`action`) on the
/// bucket `name`. The root user of the bucket owner's account is decided without the bucket
/// policy, so that the owner cannot lock itself out: "the root principal in a bucket owner's
/// AWS account can perform the GetBucketPolicy, PutBucketPolicy, and DeleteBucketPolicy API
/// actions, even if their bucket policy explicitly denies the root principal's access. Bucket
/// owner root principals can only be blocked from performing these API actions by VPC endpoint
/// policies and AWS Organizations policies"
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html>, and the same
/// words on `API_GetBucketPolicy.html` and `API_DeleteBucketPolicy.html`); the organization's
/// SCPs and RCPs still decide.
fn allow_policy_call(c: &Call, action: &str, name: &str) -> Result<(), AwsError> {
    let owner_root = matches!(c.caller.identity, super::authz::Identity::Root)
        && holder(c, name).id == c.account.id;
    if owner_root {
        c.allow(action, &bucket_arn(name), &[])
    } else {
        allow_bucket(c, action, name)
    }
}

fn create_bucket(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    create(c, &name, a.opt("acl"))?;
    Ok(json!({ "Location": format!("/{name}") }))
}

/// Creates the bucket `name` in the caller's Region (`CreateBucket`, for `s3api
/// create-bucket` and `s3 mb`).
fn create(c: &mut Call, name: &str, acl: Option<&str>) -> Result<(), AwsError> {
    c.allow("s3:CreateBucket", &bucket_arn(name), &[])?;
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    let valid = (3..=63).contains(&name.len())
        && name
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '.');
    if !valid {
        return Err(c.err("InvalidBucketName", "The specified bucket is not valid."));
    }
    if c.account.buckets.contains_key(name) {
        return Err(c.err(
            "BucketAlreadyOwnedByYou",
            "Your previous request to create the named bucket succeeded and you already own it.",
        ));
    }
    // Bucket names are global: one that another account holds is not available
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html).
    if c.others.values().any(|a| a.buckets.contains_key(name)) {
        return Err(c.err(
            "BucketAlreadyExists",
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
        ));
    }
    let mut b = Bucket::new(name, &c.caller.region, c.account.now);
    if let Some(acl) = acl {
        b.acl = acl.to_string();
    }
    c.account.buckets.insert(name.to_string(), b);
    Ok(())
}

fn delete_bucket(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    delete_bucket_named(c, a.s("bucket"))?;
    Ok(Value::Null)
}

/// `DeleteBucket`: only an empty bucket can go
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html>).
fn delete_bucket_named(c: &mut Call, name: &str) -> Result<(), AwsError> {
    allow_bucket(c, "s3:DeleteBucket", name)?;
    let b = bucket_of(c, name).ok_or_else(|| no_bucket(c))?;
    if !b.objects.is_empty() {
        return Err(c.err(
            "BucketNotEmpty",
            "The bucket you tried to delete is not empty",
        ));
    }
    if c.account.buckets.remove(name).is_none() {
        for a in c.others.values_mut() {
            a.buckets.remove(name);
        }
    }
    Ok(())
}

fn delete_object(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (name, key) = (a.s("bucket").to_string(), a.s("key").to_string());
    allow_s3(
        c,
        "s3:DeleteObject",
        &format!("{}/{key}", bucket_arn(&name)),
        &name,
        &[],
    )?;
    let Some(b) = bucket_mut(c, &name) else {
        return Err(no_bucket(c));
    };
    // S3 answers a delete of a key that is not there with success, too.
    b.objects.remove(&key);
    Ok(Value::Null)
}

fn list_buckets(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("s3:ListAllMyBuckets", "*", &[])?;
    let buckets: Vec<Value> = c
        .account
        .buckets
        .values()
        .map(|b| json!({"Name": b.name, "CreationDate": time(b.created)}))
        .collect();
    // The owner is the account's canonical id, as `GetBucketAcl` gives it; S3 stopped
    // returning `DisplayName` on 2025-11-21
    // (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_Owner.html>).
    Ok(obj([
        ("Buckets", json!(buckets)),
        ("Owner", json!({"ID": canonical_id(&c.account.id)})),
    ]))
}

fn blocks_public_policy(c: &Call, b: &Bucket) -> bool {
    b.public_access_block.is_some_and(|p| p.block_public_policy)
        || c.account
            .account_public_access_block
            .is_some_and(|p| p.block_public_policy)
}

fn put_bucket_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_policy_call(c, "s3:PutBucketPolicy", &name)?;
    owner_account_only(c, &name)?;
    let doc = super::document(a.s("policy"), PolicyType::Resource)
        .map_err(|e| c.refused("MalformedPolicy", e))?;
    let b = c.account.buckets.get(&name).ok_or_else(|| no_bucket(c))?;
    let mut trial = b.clone();
    trial.policy = Some(doc.clone());
    if trial.policy_is_public() && blocks_public_policy(c, b) {
        let caller = c.account.caller_arn(&c.caller);
        return Err(c.err("AccessDenied", format!("User: {caller} is not authorized to perform: s3:PutBucketPolicy on resource: \"{}\" because public policies are blocked by the BlockPublicPolicy block public access setting.", bucket_arn(&name))));
    }
    if let Some(b) = c.account.buckets.get_mut(&name) {
        b.policy = Some(doc);
    }
    Ok(Value::Null)
}

fn get_bucket_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_policy_call(c, "s3:GetBucketPolicy", &name)?;
    owner_account_only(c, &name)?;
    let b = c.account.buckets.get(&name).ok_or_else(|| no_bucket(c))?;
    match &b.policy {
        Some(d) => Ok(json!({ "Policy": d.text })),
        None => Err(c.err("NoSuchBucketPolicy", "The bucket policy does not exist")),
    }
}

fn delete_bucket_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_policy_call(c, "s3:DeleteBucketPolicy", &name)?;
    owner_account_only(c, &name)?;
    let Some(b) = c.account.buckets.get_mut(&name) else {
        return Err(no_bucket(c));
    };
    b.policy = None;
    Ok(Value::Null)
}

fn put_public_access_block(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_bucket(c, "s3:PutBucketPublicAccessBlock", &name)?;
    let cfg = parse_pab(a.s("public-access-block-configuration"))
        .map_err(|m| c.err("MalformedXML", m))?;
    let Some(b) = c.account.buckets.get_mut(&name) else {
        return Err(no_bucket(c));
    };
    b.public_access_block = Some(cfg);
    Ok(Value::Null)
}

/// Reads a Block Public Access configuration as JSON or AWS shorthand
/// (`BlockPublicAcls=true,IgnorePublicAcls=true,…`).
pub fn parse_pab(text: &str) -> Result<PublicAccessBlock, String> {
    let t = text.trim();
    if t.starts_with('{') {
        return serde_json::from_str(t).map_err(|e| format!("cannot read the configuration: {e}"));
    }
    let mut p = PublicAccessBlock::default();
    for part in t.split(',') {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("cannot read `{part}`: write Name=true"))?;
        let v = v.eq_ignore_ascii_case("true");
        match k.trim() {
            "BlockPublicAcls" => p.block_public_acls = v,
            "IgnorePublicAcls" => p.ignore_public_acls = v,
            "BlockPublicPolicy" => p.block_public_policy = v,
            "RestrictPublicBuckets" => p.restrict_public_buckets = v,
            other => return Err(format!("unknown setting `{other}`")),
        }
    }
    Ok(p)
}

fn get_public_access_block(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_bucket(c, "s3:GetBucketPublicAccessBlock", &name)?;
    // The permission is all it takes: AWS documents no owner-account rule for it, so a
    // caller of another account reads it when both sides' policies allow
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html).
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    match b.public_access_block {
        Some(p) => Ok(json!({ "PublicAccessBlockConfiguration": p })),
        None => Err(c.err(
            "NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found",
        )),
    }
}

/// `GetBucketPolicyStatus`: whether S3 counts the bucket's policy as public (the rule of
/// [`statement_is_public`]); a bucket without a policy has no status to tell. Like
/// `GetPublicAccessBlock`, it needs only its permission, so another account reads it when
/// both sides allow
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html>).
fn get_bucket_policy_status(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_bucket(c, "s3:GetBucketPolicyStatus", &name)?;
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    if b.policy.is_none() {
        return Err(c.err("NoSuchBucketPolicy", "The bucket policy does not exist"));
    }
    Ok(json!({ "PolicyStatus": { "IsPublic": b.policy_is_public() } }))
}

/// The grants a canned ACL stands for: the owner's `FULL_CONTROL`, then the groups it adds
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl>).
fn canned_grants(acl: &str, owner: &str) -> Vec<Value> {
    const ALL_USERS: &str = "http://acs.amazonaws.com/groups/global/AllUsers";
    const AUTHENTICATED: &str = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    let group = |uri: &str, permission: &str| json!({"Grantee": {"Type": "Group", "URI": uri}, "Permission": permission});
    let mut grants = vec![
        json!({"Grantee": {"ID": owner, "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"}),
    ];
    match acl {
        "public-read" => grants.push(group(ALL_USERS, "READ")),
        "public-read-write" => {
            grants.push(group(ALL_USERS, "READ"));
            grants.push(group(ALL_USERS, "WRITE"));
        }
        "authenticated-read" => grants.push(group(AUTHENTICATED, "READ")),
        _ => {}
    }
    grants
}

/// `GetBucketAcl`: the owner (its canonical id; S3 no longer returns a `DisplayName`) and the
/// grants of the bucket's canned ACL. The caller needs `s3:GetBucketAcl` (`READ_ACP`), which
/// the bucket policy can grant another account: the evaluator decides it with that policy
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html>,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_Owner.html>).
fn get_bucket_acl(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_bucket(c, "s3:GetBucketAcl", &name)?;
    let owner = canonical_id(&holder(c, &name).id);
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    let mut grants = canned_grants(&b.acl, &owner);
    grants.extend(b.grants.iter().map(|g| {
        json!({
            "Grantee": {"ID": canonical_id(&g.account), "Type": "CanonicalUser"},
            "Permission": g.permission.as_str(),
        })
    }));
    Ok(json!({
        "Owner": { "ID": owner },
        "Grants": grants,
    }))
}

fn put_bucket_acl(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    allow_bucket(c, "s3:PutBucketAcl", &name)?;
    let acl = a.s("acl").to_string();
    let known = [
        "private",
        "public-read",
        "public-read-write",
        "authenticated-read",
    ];
    if !known.contains(&acl.as_str()) {
        return Err(c.err(
            "InvalidArgument",
            format!(
                "`{acl}` is not a canned ACL; use one of {}",
                known.join(", ")
            ),
        ));
    }
    let blocked = c
        .account
        .buckets
        .get(&name)
        .is_some_and(|b| b.public_access_block.is_some_and(|p| p.block_public_acls))
        || c.account
            .account_public_access_block
            .is_some_and(|p| p.block_public_acls);
    if acl.starts_with("public") && blocked {
        return Err(c.err("AccessDenied", "Access Denied because public ACLs are blocked by the BlockPublicAcls block public access setting."));
    }
    let Some(b) = c.account.buckets.get_mut(&name) else {
        return Err(no_bucket(c));
    };
    // A canned ACL replaces the whole ACL, grants to other accounts too
    // (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html>).
    b.grants.clear();
    b.acl = acl;
    Ok(Value::Null)
}

fn put_object(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (name, key) = (a.s("bucket").to_string(), a.s("key").to_string());
    allow_s3(
        c,
        "s3:PutObject",
        &format!("{}/{key}", bucket_arn(&name)),
        &name,
        &[],
    )?;
    let now = c.account.now;
    let Some(b) = bucket_mut(c, &name) else {
        return Err(no_bucket(c));
    };
    b.objects.insert(
        key,
        Object {
            body: a.opt("body").unwrap_or("").to_string(),
            modified: now,
        },
    );
    Ok(json!({ "ETag": "\"d41d8cd98f00b204e9800998ecf8427e\"" }))
}

fn get_object(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (name, key) = (a.s("bucket").to_string(), a.s("key").to_string());
    allow_s3(
        c,
        "s3:GetObject",
        &format!("{}/{key}", bucket_arn(&name)),
        &name,
        &[],
    )?;
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    // A key that is not there is `NoSuchKey` only to a caller allowed `s3:ListBucket` on the
    // bucket, and `AccessDenied` to anyone else
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).
    if !b.objects.contains_key(&key) {
        allow_bucket(c, "s3:ListBucket", &name)?;
    }
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    let o = b
        .objects
        .get(&key)
        .ok_or_else(|| c.err("NoSuchKey", "The specified key does not exist."))?;
    let answer = obj([
        ("LastModified", time(o.modified)),
        ("ContentLength", json!(o.body.len())),
        ("ContentType", json!("binary/octet-stream")),
    ]);
    // The CLI writes the body to its `outfile` argument, one of the sandbox's local files.
    let body = o.body.clone();
    if let Some(out) = a.opt("outfile").filter(|o| !o.is_empty()) {
        c.files.insert(out.to_string(), body);
    }
    Ok(answer)
}

fn list_objects(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("bucket").to_string();
    let prefix = a.opt("prefix").unwrap_or("").to_string();
    allow_s3(
        c,
        "s3:ListBucket",
        &bucket_arn(&name),
        &name,
        &[("s3:prefix", vec![prefix.clone()])],
    )?;
    let b = bucket_of(c, &name).ok_or_else(|| no_bucket(c))?;
    let contents: Vec<Value> = b
        .objects
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, o)| json!({"Key": k, "LastModified": time(o.modified), "Size": o.body.len(), "StorageClass": "STANDARD"}))
        .collect();
    Ok(obj([
        (
            "Contents",
            if contents.is_empty() {
                Value::Null
            } else {
                json!(contents)
            },
        ),
        ("RequestCharged", Value::Null),
        ("KeyCount", json!(contents.len())),
    ]))
}

fn check_account(c: &Call, a: &Args) -> Result<(), AwsError> {
    if a.s("account-id") == c.account.id {
        Ok(())
    } else {
        Err(c.err(
            "AccessDenied",
            format!(
                "`{}` is not this account ({})",
                a.s("account-id"),
                c.account.id
            ),
        ))
    }
}

fn put_account_public_access_block(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("s3:PutAccountPublicAccessBlock", "*", &[])?;
    check_account(c, a)?;
    let cfg = parse_pab(a.s("public-access-block-configuration"))
        .map_err(|m| c.err("MalformedXML", m))?;
    c.account.account_public_access_block = Some(cfg);
    Ok(Value::Null)
}

fn get_account_public_access_block(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("s3:GetAccountPublicAccessBlock", "*", &[])?;
    check_account(c, a)?;
    match c.account.account_public_access_block {
        Some(p) => Ok(json!({ "PublicAccessBlockConfiguration": p })),
        None => Err(c.err(
            "NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found",
        )),
    }
}
