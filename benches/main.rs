//! Evaluator benchmarks: decisions per second on three workloads, and parse + compile speed.
//! Run with `cargo bench --bench main`; results are recorded in docs/benchmarks.md.

use std::hint::black_box;
use std::sync::Arc;

/// The same allocator as the binary, so that the numbers are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iamdojo::eval::{Context, PolicySet, Principal, Request, SourceType, SourcedPolicy, evaluate};
use iamdojo::policy::{Policy, PolicyType};

fn principal() -> Principal {
    Principal::from_arn("arn:aws:iam::111111111111:user/alice").expect("valid ARN")
}

fn set(docs: &[String]) -> PolicySet {
    PolicySet {
        identity: docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let p = Policy::parse(d, PolicyType::Identity).expect("bench policy parses");
                SourcedPolicy::new(Arc::new(p), format!("p{i}"), SourceType::UserManaged)
            })
            .collect(),
        ..PolicySet::default()
    }
}

/// (b): 10 managed policies × 20 statements with wildcards and conditions.
fn ten_by_twenty() -> Vec<String> {
    let services = [
        "s3",
        "ec2",
        "iam",
        "dynamodb",
        "lambda",
        "sqs",
        "sns",
        "kms",
        "logs",
        "cloudwatch",
    ];
    let verbs = [
        "Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag",
    ];
    (0..10)
        .map(|p| {
            let stmts: Vec<String> = (0..20)
                .map(|s| {
                    let svc = services[(p + s) % services.len()];
                    let verb = verbs[(p * 3 + s) % verbs.len()];
                    let effect = if s % 7 == 6 { "Deny" } else { "Allow" };
                    let cond = match s % 4 {
                        0 => r#","Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}"#.to_string(),
                        1 => r#","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#.to_string(),
                        2 => r#","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}"#.to_string(),
                        _ => String::new(),
                    };
                    format!(
                        r#"{{"Sid":"S{p}x{s}","Effect":"{effect}","Action":["{svc}:{verb}*","{svc}:*Tag?"],"Resource":"arn:aws:{svc}:*:111111111111:*"{cond}}}"#
                    )
                })
                .collect();
            format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, stmts.join(","))
        })
        .collect()
}

fn read_only_access() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/managed-policies/ReadOnlyAccess.json"
    );
    let text = std::fs::read_to_string(path).expect("ReadOnlyAccess asset");
    let v: serde_json::Value = serde_json::from_str(&text).expect("asset JSON");
    serde_json::to_string_pretty(&v["Document"]).expect("document")
}

fn context() -> Context {
    let mut c = Context::new();
    c.set("aws:RequestedRegion", "us-east-1")
        .set("aws:MultiFactorAuthPresent", "true")
        .set("aws:SourceIp", "203.0.113.9")
        .set("aws:username", "alice");
    c
}

fn decisions(c: &mut Criterion) {
    let small = set(&[r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}"#.to_string()]);
    let req = Request::new(
        principal(),
        "s3:GetObject",
        "arn:aws:s3:::photos/cat.jpg",
        context(),
    );
    let mut g = c.benchmark_group("decide");
    g.throughput(Throughput::Elements(1));
    g.bench_function("a_small_policy", |b| {
        b.iter(|| evaluate(black_box(&req), black_box(&small)))
    });

    let big = set(&ten_by_twenty());
    let reqs: Vec<Request> = [
        ("s3:GetObject", "arn:aws:s3:us-east-1:111111111111:photos"),
        (
            "ec2:DescribeInstances",
            "arn:aws:ec2:us-east-1:111111111111:instance/i-1",
        ),
        ("iam:CreateUser", "arn:aws:iam::111111111111:user/bob"),
        (
            "dynamodb:PutItem",
            "arn:aws:dynamodb:us-east-1:111111111111:table/t",
        ),
        (
            "lambda:UpdateFunctionCode",
            "arn:aws:lambda:us-east-1:111111111111:function:f",
        ),
        ("kms:Decrypt", "arn:aws:kms:us-east-1:111111111111:key/k"),
        ("sqs:DeleteMessage", "arn:aws:sqs:us-east-1:111111111111:q"),
        (
            "logs:TagResource",
            "arn:aws:logs:us-east-1:111111111111:log-group:g",
        ),
    ]
    .iter()
    .map(|(a, r)| Request::new(principal(), a, r, context()))
    .collect();
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("b_10_policies_x_20_statements", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(evaluate(r, &big));
            }
        })
    });

    let roa = set(&[read_only_access()]);
    let reqs: Vec<Request> = [
        "s3:GetObject",
        "ec2:DescribeInstances",
        "iam:CreateUser",
        "dynamodb:Scan",
        "cloudtrail:LookupEvents",
        "zocalo:GetUser",
        "s3:PutObject",
        "lambda:ListFunctions",
    ]
    .iter()
    .map(|a| Request::new(principal(), a, "*", context()))
    .collect();
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("c_read_only_access", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(evaluate(r, &roa));
            }
        })
    });
    g.finish();
}

fn parsing(c: &mut Criterion) {
    // About 1 MB of policy JSON: the 10×20 documents repeated.
    let docs = ten_by_twenty();
    let one: usize = docs.iter().map(String::len).sum();
    let copies = (1_000_000 / one).max(1);
    let all: Vec<&String> = std::iter::repeat_n(&docs, copies).flatten().collect();
    let bytes: usize = all.iter().map(|d| d.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("parse_and_compile_1mb", |b| {
        b.iter(|| {
            for d in &all {
                black_box(Policy::parse(d, PolicyType::Identity).ok());
            }
        })
    });
    let roa = read_only_access();
    g.throughput(Throughput::Bytes(roa.len() as u64));
    g.bench_function("parse_read_only_access", |b| {
        b.iter(|| black_box(Policy::parse(&roa, PolicyType::Identity).ok()))
    });
    g.finish();
}

criterion_group!(benches, decisions, parsing);
criterion_main!(benches);
