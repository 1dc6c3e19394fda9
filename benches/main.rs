//! Evaluator benchmarks: decisions per second on three workloads, and parse + compile speed.
//! Run with `cargo bench --bench main`; results are recorded in docs/benchmarks.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    reason = "benchmarks run on fixed, generated inputs; a panic is a broken benchmark"
)]

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
criterion_main!(
    benches,
    progress_benches,
    account_benches,
    start_up_benches,
    audit_benches,
    tui_benches,
    lesson_benches,
    org_benches
);

/// Learner progress (issue 6): recording an answer on a file database, the dashboard of a
/// learner with 10,000 answers, and a class report over 200 learners' exports.
mod progress_bench {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::Criterion;
    use iamdojo::progress::{
        Attempt, ClassReport, Completion, Export, ExportedLearner, LearnerName, LessonId, PackId,
        RecordId, StepId, Store, render,
    };
    use jiff::Timestamp;

    fn id<T: std::str::FromStr>(s: &str) -> T
    where
        T::Err: std::fmt::Debug,
    {
        s.parse().expect("bench id")
    }

    /// `n` answers spread over 5 packs × 12 lessons × 5 steps, a third of them wrong.
    fn attempts(n: usize, seed: usize) -> Vec<Attempt> {
        (0..n)
            .map(|i| {
                let k = i + seed;
                let mut a = Attempt::new(
                    id::<PackId>(&format!("pack-{}", k % 5)),
                    id::<LessonId>(&format!("lesson-{:02}", (k / 5) % 12)),
                    "1",
                    id::<StepId>(&format!("step-{}", (k / 60) % 5)),
                    if k.is_multiple_of(3) {
                        "allow"
                    } else {
                        "explicit deny"
                    },
                    !k.is_multiple_of(3),
                );
                a.time_spent_ms = 5_000 + (k as u64 * 7919) % 60_000;
                a.hints_used = (k % 4) as u32;
                a
            })
            .collect()
    }

    fn export(name: &str, n: usize, seed: usize) -> Export {
        let mut e = Export::empty(ExportedLearner {
            name: id::<LearnerName>(name),
            id: RecordId::generate(),
        });
        e.attempts = attempts(n, seed);
        e.completions = (0..(seed % 12))
            .map(|l| Completion {
                pack: id("pack-0"),
                lesson: id(&format!("lesson-{l:02}")),
                lesson_version: "1".into(),
                at: Timestamp::now(),
            })
            .collect();
        e
    }

    pub fn record(c: &mut Criterion) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Store::open_dir(tmp.path()).expect("store");
        assert!(store.is_saving());
        let me = store.learner(&id("bench")).expect("learner");
        let pool = attempts(1000, 0);

        // p99 is not something criterion reports: measure it directly.
        let mut times: Vec<Duration> = Vec::with_capacity(2000);
        for i in 0..2000 {
            let mut a = pool[i % pool.len()].clone();
            a.id = RecordId::generate();
            let t = Instant::now();
            store.record_attempt(&me, &a).expect("recorded");
            times.push(t.elapsed());
        }
        times.sort();
        let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
        println!(
            "progress/record_attempt over 2000 commits: p50 {:?}, p90 {:?}, p95 {:?}, p99 {:?}, max {:?}",
            pct(50),
            pct(90),
            pct(95),
            pct(99),
            times[times.len() - 1]
        );

        let mut g = c.benchmark_group("progress");
        let mut i = 0usize;
        g.bench_function("record_attempt_file_db", |b| {
            b.iter(|| {
                let mut a = pool[i % pool.len()].clone();
                a.id = RecordId::generate();
                i += 1;
                black_box(store.record_attempt(&me, &a).expect("recorded"))
            })
        });
        g.finish();
    }

    pub fn dashboard(c: &mut Criterion) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Store::open_dir(tmp.path()).expect("store");
        // The learner measured, and two others sharing the file.
        for (name, seed) in [("other-1", 1), ("bench", 0), ("other-2", 2)] {
            store
                .import(&export(name, 10_000, seed), None)
                .expect("import");
        }
        let me = store.learner(&id("bench")).expect("learner");
        let mut g = c.benchmark_group("progress");
        g.bench_function("dashboard_10k_attempts", |b| {
            b.iter(|| black_box(store.dashboard(&me).expect("dashboard")))
        });
        g.finish();
    }

    pub fn class_report(c: &mut Criterion) {
        // 200 learners, ~150 answers each (a full course with retries), as JSON files.
        let files: Vec<String> = (0..200)
            .map(|i| export(&format!("learner-{i:03}"), 150, i).to_json())
            .collect();
        let bytes: usize = files.iter().map(String::len).sum();
        println!(
            "progress/class_report input: 200 exports, {} KiB of JSON",
            bytes / 1024
        );
        let mut g = c.benchmark_group("progress");
        g.sample_size(20);
        g.bench_function("class_report_200_exports_html", |b| {
            b.iter(|| {
                let exports: Vec<(String, Export)> = files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (format!("{i}.json"), Export::from_json(f).expect("export")))
                    .collect();
                let report = ClassReport::build(
                    exports.iter().map(|(s, e)| (s.as_str(), e)),
                    &iamdojo::progress::Catalog::new(),
                );
                black_box(render::html(&report, iamdojo::lang::Lang::En))
            })
        });
        g.finish();
    }
}

criterion_group!(
    progress_benches,
    progress_bench::record,
    progress_bench::dashboard,
    progress_bench::class_report
);

mod gaad_gen;

/// The simulated account (issue 3, point 8): loading 5,000 users, 1,000 roles and 2,000
/// managed policies from `get-account-authorization-details` JSON, simulating one principal
/// against 100 actions, and one sandbox command round trip on that account.
mod account_bench {
    use std::hint::black_box;

    use criterion::Criterion;
    use iamdojo::account::authz::{Caller, Identity};
    use iamdojo::account::command::Sandbox;
    use iamdojo::account::gaad;
    use iamdojo::eval::{Request, evaluate};

    use super::gaad_gen;

    pub fn account(c: &mut Criterion) {
        let text = gaad_gen::generate(5_000, 1_000, 2_000);
        println!(
            "account/load input: {:.1} MB of GAAD JSON",
            text.len() as f64 / 1e6
        );
        let mut g = c.benchmark_group("account");
        g.sample_size(10);
        g.bench_function("load_gaad_5000_users_1000_roles_2000_policies", |b| {
            b.iter(|| black_box(gaad::import_gaad("bench.json", &text).expect("loads")))
        });
        g.finish();

        let account = gaad::import_gaad("bench.json", &text)
            .expect("loads")
            .account;
        let actions = gaad_gen::hundred_actions();
        let caller = Caller {
            identity: Identity::User("u42".into()),
            access_key_id: None,
            session_key: None,
            mfa: None,
            token_issued: None,
            source_ip: "203.0.113.10".into(),
            region: "us-east-1".into(),
        };
        let mut g = c.benchmark_group("account");
        // The evaluation alone: the principal's policies gathered once, then 100 decisions.
        g.bench_function("decide_one_principal_x_100_actions", |b| {
            b.iter(|| {
                let set = account.policy_set(&caller);
                let principal = account.principal(&caller);
                let ctx = account.request_context(&caller, &[]);
                for a in &actions {
                    let req = Request::new(principal.clone(), a, "*", ctx.clone());
                    black_box(evaluate(&req, &set));
                }
            })
        });
        let mut sb = Sandbox::new(account);
        let simulate = format!(
            "aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::{}:user/u42 --action-names {}",
            gaad_gen::ACCOUNT,
            actions.join(" ")
        );
        assert_eq!(sb.run(&simulate).code, 0, "the simulation runs");
        // The whole command: parse, authorize, gather, decide 100 times, render JSON.
        g.bench_function("simulate_principal_policy_100_actions", |b| {
            b.iter(|| black_box(sb.run(&simulate)))
        });
        assert_eq!(sb.run("aws iam get-user --user-name u42").code, 0);
        g.bench_function("sandbox_get_user_round_trip", |b| {
            b.iter(|| black_box(sb.run("aws iam get-user --user-name u42")))
        });
        g.finish();

        // Issue 18: commands that used to scan every principal, on the wide shape at two
        // sizes; each should cost the same at both (what its answer costs).
        for users in [5_000, 20_000] {
            let text = gaad_gen::generate_shape(gaad_gen::Shape::wide(users));
            let account = gaad::import_gaad("bench.json", &text)
                .expect("loads")
                .account;
            drop(text);
            let mut sb = Sandbox::new(account);
            let policy = format!("arn:aws:iam::{}:policy/team7/P0007", gaad_gen::ACCOUNT);
            let commands = [
                (
                    "get_policy",
                    format!("aws iam get-policy --policy-arn {policy}"),
                ),
                (
                    "list_entities_for_policy",
                    format!("aws iam list-entities-for-policy --policy-arn {policy}"),
                ),
                (
                    "get_group",
                    "aws iam get-group --group-name g07".to_string(),
                ),
            ];
            let mut g = c.benchmark_group("account");
            for (name, line) in &commands {
                assert_eq!(sb.run(line).code, 0, "{line}");
                g.bench_function(format!("sandbox_{name}_wide_{users}_users"), |b| {
                    b.iter(|| black_box(sb.run(line)))
                });
            }
            g.finish();
        }
    }
}

criterion_group!(account_benches, account_bench::account);

/// Sandbox start-up (issue 15, point 9): the real binary, as a learner starts it, timed from
/// spawn to exit with one command on standard input (the exit itself is a few hundred
/// microseconds of it): on an empty account, and on the built-in course's largest scenario.
mod start_up_bench {
    use std::io::Write;
    use std::process::{Command, Stdio};

    use criterion::Criterion;

    /// Runs `iamdojo sandbox ARGS` with `input` on standard input and checks it answered.
    fn run(args: &[&str], input: &str) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
            .arg("sandbox")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("input written");
        let out = child.wait_with_output().expect("it exits");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("\"Account\""),
            "get-caller-identity answered"
        );
    }

    pub fn start_up(c: &mut Criterion) {
        let scenario = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/lessons/iam-course/scenarios/12-capstone-incident.yaml"
        );
        let line = "aws sts get-caller-identity\n";
        let mut g = c.benchmark_group("sandbox");
        g.sample_size(20);
        g.bench_function("start_up_empty_account", |b| b.iter(|| run(&[], line)));
        g.bench_function("start_up_capstone_scenario", |b| {
            b.iter(|| run(&["--scenario", scenario], line))
        });
        g.finish();
    }
}
criterion_group!(start_up_benches, start_up_bench::start_up);

/// Finding what is wrong (issue 4, point 7): the whole audit and the escalation graph of the
/// 5,000-user account, and validate-policy of a 6 KB policy with the catalog loaded afresh.
mod audit_bench {
    use std::hint::black_box;

    use criterion::Criterion;
    use iamdojo::account::gaad;
    use iamdojo::audit::catalog::Catalog;
    use iamdojo::audit::validate::{ValidationType, validate_with};
    use iamdojo::audit::{controls, escalation};

    use super::gaad_gen;

    /// An identity policy of about 6,000 characters (6,144 is the managed-policy quota), with
    /// the mix a real one has: specific actions, wildcards, ARNs with variables, conditions.
    pub fn six_kb_policy() -> String {
        let services = [
            (
                "s3",
                "GetObject",
                "arn:aws:s3:::bucket-{n}/${aws:username}/*",
            ),
            (
                "dynamodb",
                "PutItem",
                "arn:aws:dynamodb:us-east-1:123456789012:table/t-{n}",
            ),
            (
                "ec2",
                "StartInstances",
                "arn:aws:ec2:us-east-1:123456789012:instance/*",
            ),
            (
                "sqs",
                "SendMessage",
                "arn:aws:sqs:us-east-1:123456789012:q-{n}",
            ),
            (
                "kms",
                "Decrypt",
                "arn:aws:kms:us-east-1:123456789012:key/k-{n}",
            ),
            (
                "logs",
                "PutLogEvents",
                "arn:aws:logs:us-east-1:123456789012:log-group:/app/{n}:*",
            ),
        ];
        let mut stmts = Vec::new();
        let mut n = 0;
        loop {
            let (svc, act, res) = services[n % services.len()];
            let st = format!(
                r#"{{"Sid":"S{n}","Effect":"Allow","Action":["{svc}:{act}","{svc}:List*","{svc}:Describe*"],"Resource":["{}"],"Condition":{{"StringEquals":{{"aws:RequestedRegion":["us-east-1","eu-west-1"]}},"Bool":{{"aws:SecureTransport":"true"}}}}}}"#,
                res.replace("{n}", &n.to_string())
            );
            let len: usize = stmts.iter().map(String::len).sum::<usize>() + st.len();
            if len > 5_900 {
                break;
            }
            stmts.push(st);
            n += 1;
        }
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            stmts.join(",")
        )
    }

    pub fn audit(c: &mut Criterion) {
        let text = gaad_gen::generate(5_000, 1_000, 2_000);
        let account = gaad::import_gaad("bench.json", &text)
            .expect("loads")
            .account;
        let now = account.now;
        let mut g = c.benchmark_group("audit");
        g.sample_size(10);
        g.bench_function("audit_5000_users_1000_roles_2000_policies", |b| {
            b.iter(|| black_box(controls::audit(&account, now)))
        });
        g.bench_function("escalation_paths_5000_users_1000_roles", |b| {
            b.iter(|| black_box(escalation::paths(&account)))
        });
        g.finish();

        // Issue 18's wider shape: three quarters of the roles trust the account, twelve
        // unknown actions in every document, eight more AWS managed policies attached.
        let text = gaad_gen::generate_shape(gaad_gen::Shape::wide(5_000));
        let wide = gaad::import_gaad("bench.json", &text)
            .expect("loads")
            .account;
        drop(text);
        let mut g = c.benchmark_group("audit");
        g.sample_size(10);
        g.bench_function("audit_wide_5000_users", |b| {
            b.iter(|| black_box(controls::audit(&wide, now)))
        });
        g.bench_function("escalation_paths_wide_5000_users", |b| {
            b.iter(|| black_box(escalation::paths(&wide)))
        });
        g.finish();

        let policy = six_kb_policy();
        println!("audit/validate input: {} characters", policy.len());
        let mut g = c.benchmark_group("audit");
        g.bench_function("validate_6kb_policy_with_catalog_load", |b| {
            b.iter(|| {
                let catalog = Catalog::load().expect("catalog loads");
                black_box(validate_with(&catalog, &policy, ValidationType::Identity))
            })
        });
        let catalog = Catalog::load().expect("catalog loads");
        g.bench_function("validate_6kb_policy_catalog_loaded", |b| {
            b.iter(|| black_box(validate_with(&catalog, &policy, ValidationType::Identity)))
        });
        g.finish();
    }
}

criterion_group!(audit_benches, audit_bench::audit);

/// The interface: start-up to the first frame, and a key press in the busiest screen (the
/// policy editor re-evaluating its expected requests and findings on every edit).
mod tui_bench {
    use std::hint::black_box;

    use criterion::Criterion;
    use iamdojo::tui::{Options, build_app, view};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn options(dir: &std::path::Path, pack: &str) -> Options {
        Options {
            lang: Some("en".into()),
            packs: vec![pack.into()],
            data_dir: Some(dir.to_path_buf()),
            ..Options::default()
        }
    }

    /// A policy lesson with 20 expected requests over S3, DynamoDB and EC2.
    fn busy_policy_lesson() -> String {
        let mut allow = String::new();
        let mut deny = String::new();
        for i in 0..10 {
            allow.push_str(&format!(
                "          - {{action: \"s3:GetObject\", resource: \"arn:aws:s3:::reports/q{i}.csv\"}}\n"
            ));
            deny.push_str(&format!(
                "          - {{action: \"{}\", resource: \"{}\"}}\n",
                [
                    "s3:PutObject",
                    "s3:DeleteObject",
                    "dynamodb:Scan",
                    "ec2:TerminateInstances",
                    "iam:CreateUser"
                ][i % 5],
                [
                    "arn:aws:s3:::reports/q1.csv",
                    "arn:aws:s3:::reports/q2.csv",
                    "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                    "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc",
                    "arn:aws:iam::123456789012:user/mallory",
                ][i % 5]
            ));
        }
        format!(
            r#"id: policy
version: 1
title: {{en: "Twenty requests", ja: "二十のリクエスト"}}
summary: {{en: "A busy policy exercise.", ja: "忙しいポリシー演習。"}}
minutes: 5
steps:
  - id: busy
    policy:
      prompt: {{en: "Allow reading the reports bucket only.", ja: "reports バケットの読み取りだけを許可。"}}
      starter: |
        {{
          "Version": "2012-10-17",
          "Statement": [
            {{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}},
            {{"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}},
            {{"Sid": "Region", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*", "Condition": {{"StringEquals": {{"aws:RequestedRegion": "us-east-1"}}}}}}
          ]
        }}
      expect:
        allow:
{allow}        deny:
{deny}    solution: |
      {{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}}]}}
"#
        )
    }

    pub fn tui(c: &mut Criterion) {
        let dir = tempfile::tempdir().expect("temp dir");
        let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/packs/tiny");
        let mut g = c.benchmark_group("tui");
        g.sample_size(20);
        g.bench_function("start_to_first_frame", |b| {
            b.iter(|| {
                let app = build_app(&options(dir.path(), pack)).expect("app");
                let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
                t.draw(|f| view::draw(f, &app)).expect("draw");
                black_box(app.rows.len())
            })
        });
        // The busiest screen: a policy editor whose exercise expects 20 requests (10 allowed,
        // 10 denied), each re-evaluated on every key, with validate-policy findings. The pack
        // is the tiny fixture with its policy lesson replaced.
        let busy = tempfile::tempdir().expect("temp dir");
        for f in ["pack.yaml", "01-groups.yaml"] {
            std::fs::copy(format!("{pack}/{f}"), busy.path().join(f)).expect("copy");
        }
        std::fs::create_dir_all(busy.path().join("scenarios")).expect("dir");
        std::fs::copy(
            format!("{pack}/scenarios/start.yaml"),
            busy.path().join("scenarios/start.yaml"),
        )
        .expect("copy");
        std::fs::write(busy.path().join("02-policy.yaml"), busy_policy_lesson()).expect("write");
        let busy_pack = busy.path().to_string_lossy().into_owned();
        let mut app = build_app(&Options {
            no_builtin: true,
            ..options(dir.path(), &busy_pack)
        })
        .expect("app");
        app.key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        app.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        app.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        // Make sure this is the editor with its 20 requests, not some other screen.
        app.key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE));
        app.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        match &app.screen {
            iamdojo::tui::app::Screen::Lesson(ls) => match &ls.ex {
                iamdojo::tui::app::Exercise::Policy {
                    report: Some(r), ..
                } => assert_eq!(r.expectations.len(), 20, "the busy lesson's requests"),
                _ => panic!("the busy lesson opens on its policy editor"),
            },
            _ => panic!("the busy lesson opens"),
        }
        let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        g.bench_function("policy_editor_key_to_frame", |b| {
            b.iter(|| {
                app.key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE));
                app.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
                t.draw(|f| view::draw(f, &app)).expect("draw");
            })
        });
        g.finish();
    }
}
criterion_group!(tui_benches, tui_bench::tui);

/// Lesson packs: loading and linting.
mod lesson_bench {
    use std::hint::black_box;

    use criterion::Criterion;
    use iamdojo::lang::Lang;
    use iamdojo::lesson::{lint::lint_in, load};

    /// The language the loader and lint speak here: a bench has no learner, and English is
    /// what a learner without a locale gets.
    const LANG: Lang = Lang::En;

    pub fn lessons(c: &mut Criterion) {
        let mut g = c.benchmark_group("lessons");
        g.sample_size(20);
        g.bench_function("load_built_in_course", |b| {
            b.iter(|| black_box(load::built_in_in(LANG).len()))
        });
        let packs: Vec<_> = load::built_in_in(LANG)
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        g.bench_function("lint_built_in_course", |b| {
            b.iter(|| {
                for p in &packs {
                    black_box(lint_in(p, LANG).len());
                }
            })
        });
        // A pack of 200 lessons, each with a task that lint replays.
        let dir = tempfile::tempdir().expect("temp dir");
        let lesson = |i: usize| {
            format!(
                "id: l{i}\nversion: 1\ntitle: {{en: T, ja: T}}\nsummary: {{en: S, ja: S}}\nsteps:\n  - read: {{en: R, ja: R}}\n  - id: t\n    task:\n      prompt: {{en: P, ja: P}}\n      goal:\n        - exists: {{user: u{i}}}\n    hints: [{{en: H, ja: H}}]\n    solution:\n      - aws iam create-user --user-name u{i}\n    explain: {{en: E, ja: E}}\n"
            )
        };
        let names: Vec<String> = (0..200).map(|i| format!("l{i}.yaml")).collect();
        std::fs::write(dir.path().join("pack.yaml"), format!("schema: 1\nid: big\nversion: 1.0.0\ntitle: {{en: T, ja: T}}\nlanguages: [en, ja]\nlessons: [{}]\n", names.join(", "))).expect("write");
        for (i, name) in names.iter().enumerate() {
            std::fs::write(dir.path().join(name), lesson(i)).expect("write");
        }
        g.bench_function("lint_200_lessons", |b| {
            b.iter(|| {
                let pack = load::load_dir_in(dir.path(), LANG).expect("loads");
                black_box(lint_in(&pack, LANG).len())
            })
        });
        g.finish();
    }
}
criterion_group!(lesson_benches, lesson_bench::lessons);

/// Several accounts and an organization (issue 16): the sandbox of
/// `tests/data/scenarios/organization.yaml` (four accounts, three of them in an organization
/// with OUs, SCPs and an RCP) built from its text, which should take under 50 ms, and a call
/// of a member account decided with the SCPs of every level.
mod org_bench {
    use std::hint::black_box;

    use criterion::Criterion;
    use iamdojo::account::scenario;

    pub fn org(c: &mut Criterion) {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/scenarios/organization.yaml"
        );
        let text = std::fs::read_to_string(path).expect("the fixture is there");
        let mut g = c.benchmark_group("org");
        g.bench_function("org_start_three_accounts_and_an_organization", |b| {
            b.iter(|| {
                black_box(scenario::load_uncached("organization.yaml", &text).expect("loads"))
            })
        });
        let mut sb = scenario::load_uncached("organization.yaml", &text)
            .expect("loads")
            .sandbox;
        let line = "aws iam get-user --profile prod";
        assert_eq!(sb.run(line).code, 0, "{line}");
        g.bench_function("org_member_call_with_scps", |b| {
            b.iter(|| black_box(sb.run(line)))
        });
        g.finish();
    }
}
criterion_group!(org_benches, org_bench::org);
