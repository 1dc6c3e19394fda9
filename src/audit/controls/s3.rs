//! The S3 controls of Security Hub: public buckets and the public access block.

use crate::account::Account;
use crate::audit::said::{Arg, Said, Sep};
use crate::msg::audit::Audit;

use super::{Context, Hit, hit, run};

/// S3.2: A bucket can be read by anyone.
pub(super) fn public_read(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.buckets.values().filter(|b| effectively_public(a, b, false)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name)), run(format!("aws s3api delete-bucket-policy --bucket {}", b.name))])).collect()
}

/// S3.3: A bucket can be written by anyone.
pub(super) fn public_write(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.buckets.values().filter(|b| effectively_public(a, b, true)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), public_evidence(b), vec![run(format!("aws s3api put-bucket-acl --bucket {} --acl private", b.name)), run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name))])).collect()
}

/// S3.1: The account's public access block is not fully on.
pub(super) fn account_block(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let on = a.account_public_access_block.is_some_and(|p| {
        p.block_public_acls
            && p.ignore_public_acls
            && p.block_public_policy
            && p.restrict_public_buckets
    });
    if on {
        vec![]
    } else {
        vec![hit(
            cx.root_arn(),
            Said::new(Audit::AccountBlockPartial),
            vec![run(format!(
                "aws s3control put-public-access-block --account-id {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                a.id
            ))],
        )]
    }
}

/// S3.8: A bucket's public access block is not fully on.
pub(super) fn bucket_block(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.buckets.values().filter(|b| !b.public_access_block.is_some_and(|p| p.block_public_acls && p.ignore_public_acls && p.block_public_policy && p.restrict_public_buckets)).map(|b| hit(format!("arn:aws:s3:::{}", b.name), Said::new(Audit::BucketBlockPartial).with("bucket", &b.name), vec![run(format!("aws s3api put-public-access-block --bucket {} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", b.name))])).collect()
}

fn effectively_public(a: &Account, b: &crate::account::s3::Bucket, write: bool) -> bool {
    let account = a.account_public_access_block.unwrap_or_default();
    let bucket = b.public_access_block.unwrap_or_default();
    let policy_blocked = account.restrict_public_buckets || bucket.restrict_public_buckets;
    let acl_ignored = account.ignore_public_acls || bucket.ignore_public_acls;
    let acl = !acl_ignored
        && if write {
            b.acl == "public-read-write"
        } else {
            b.acl_is_public()
        };
    let policy = !policy_blocked
        && b.policy.as_ref().is_some_and(|d| {
            d.policy.statements.iter().any(|s| {
                crate::account::s3::statement_is_public(s)
                    && s.action.patterns.iter().any(|pat| {
                        let v = pat.raw.value.to_ascii_lowercase();
                        if write {
                            v == "*"
                                || v == "s3:*"
                                || v.starts_with("s3:put")
                                || v.starts_with("s3:delete")
                        } else {
                            v == "*"
                                || v == "s3:*"
                                || v.starts_with("s3:get")
                                || v.starts_with("s3:list")
                        }
                    })
            })
        });
    acl || policy
}

fn public_evidence(b: &crate::account::s3::Bucket) -> Said {
    let mut why: Vec<Arg> = Vec::new();
    if b.acl_is_public() {
        why.push(Said::new(Audit::BucketAcl).with("acl", &b.acl).into());
    }
    if b.policy_is_public() {
        why.push(Said::new(Audit::BucketPolicyPublic).into());
    }
    Said::new(Audit::BucketWhy)
        .with("bucket", &b.name)
        .listing("why", why, Sep::Sentences)
}
