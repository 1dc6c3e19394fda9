//! Properties that must hold for every input, checked on random policies and requests.

use std::sync::Arc;

use iamdojo::eval::{
    Context, Outcome, PolicySet, Principal, Request, SourceType, SourcedPolicy, evaluate,
};
use iamdojo::policy::wildcard::Glob;
use iamdojo::policy::{Policy, PolicyType};
use proptest::prelude::*;

const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:ListBucket",
    "iam:CreateUser",
    "iam:PassRole",
    "ec2:RunInstances",
    "ec2:DescribeInstances",
    "sts:AssumeRole",
];
const ACTION_PATTERNS: &[&str] = &[
    "s3:*",
    "s3:Get*",
    "s3:GetObject",
    "iam:*",
    "iam:Create?ser",
    "ec2:Describe*",
    "*",
    "ec2:RunInstances",
    "s3:?utObject",
];
const RESOURCES: &[&str] = &[
    "arn:aws:s3:::photos/cat.jpg",
    "arn:aws:s3:::photos",
    "arn:aws:iam::111111111111:user/bob",
    "*",
];
const RESOURCE_PATTERNS: &[&str] = &[
    "*",
    "arn:aws:s3:::photos/*",
    "arn:aws:s3:::photos",
    "arn:aws:iam::*:user/*",
    "arn:aws:s3:::p?otos/*",
];
const CONDITIONS: &[&str] = &[
    "",
    r#","Condition":{"StringEquals":{"aws:username":"alice"}}"#,
    r#","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#,
    r#","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}"#,
    r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}"#,
];

#[derive(Debug, Clone)]
struct Stmt {
    allow: bool,
    not_action: bool,
    actions: Vec<usize>,
    resource: usize,
    cond: usize,
}

fn stmt() -> impl Strategy<Value = Stmt> {
    (
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::collection::vec(0..ACTION_PATTERNS.len(), 1..3),
        0..RESOURCE_PATTERNS.len(),
        0..CONDITIONS.len(),
    )
        .prop_map(|(allow, not_action, actions, resource, cond)| Stmt {
            allow,
            not_action,
            actions,
            resource,
            cond,
        })
}

fn render(stmts: &[Stmt]) -> String {
    let parts: Vec<String> = stmts
        .iter()
        .map(|s| {
            let acts: Vec<String> = s
                .actions
                .iter()
                .map(|a| format!("\"{}\"", ACTION_PATTERNS[*a]))
                .collect();
            format!(
                r#"{{"Effect":"{}","{}":[{}],"Resource":"{}"{}}}"#,
                if s.allow { "Allow" } else { "Deny" },
                if s.not_action { "NotAction" } else { "Action" },
                acts.join(","),
                RESOURCE_PATTERNS[s.resource],
                CONDITIONS[s.cond]
            )
        })
        .collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        parts.join(",")
    )
}

fn policy(stmts: &[Stmt], ty: PolicyType, source: SourceType, id: &str) -> SourcedPolicy {
    let p = Policy::parse(&render(stmts), ty).expect("generated policies are well formed");
    SourcedPolicy::new(Arc::new(p), id, source)
}

fn request(action: usize, resource: usize, ctx_pick: u8) -> Request {
    let mut ctx = Context::new();
    if ctx_pick & 1 != 0 {
        ctx.set("aws:username", "alice");
    }
    if ctx_pick & 2 != 0 {
        ctx.set("aws:MultiFactorAuthPresent", "true");
    }
    if ctx_pick & 4 != 0 {
        ctx.set("aws:RequestedRegion", "eu-west-1");
    }
    let principal = Principal::from_arn("arn:aws:iam::111111111111:user/alice").expect("valid ARN");
    Request::new(principal, ACTIONS[action], RESOURCES[resource], ctx)
}

fn set_of(identity: &[Vec<Stmt>], boundary: Option<&Vec<Stmt>>) -> PolicySet {
    PolicySet {
        identity: identity
            .iter()
            .enumerate()
            .map(|(i, s)| policy(s, PolicyType::Identity, SourceType::None, &format!("p{i}")))
            .collect(),
        boundary: boundary
            .map(|b| {
                vec![policy(
                    b,
                    PolicyType::Boundary,
                    SourceType::Boundary,
                    "boundary",
                )]
            })
            .unwrap_or_default(),
        ..PolicySet::default()
    }
}

fn policies() -> impl Strategy<Value = Vec<Vec<Stmt>>> {
    prop::collection::vec(prop::collection::vec(stmt(), 1..5), 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// An explicit Deny that covers the request, in any policy, always gives explicitDeny.
    /// (Reference: "Policy evaluation logic", an explicit deny in any policy overrides allows.)
    #[test]
    fn explicit_deny_always_wins(ps in policies(), a in 0..ACTIONS.len(), r in 0..RESOURCES.len(), c in 0u8..8, in_boundary in any::<bool>()) {
        let deny = Stmt { allow: false, not_action: false, actions: vec![ACTION_PATTERNS.iter().position(|p| *p == "*").unwrap_or(0)], resource: 0, cond: 0 };
        let mut ps = ps;
        let boundary = if in_boundary {
            Some(vec![deny])
        } else {
            ps[0].push(deny);
            None
        };
        let d = evaluate(&request(a, r, c), &set_of(&ps, boundary.as_ref()));
        prop_assert_eq!(d.outcome, Outcome::ExplicitDeny);
    }

    /// Adding an Allow statement never turns `allowed` into a deny.
    #[test]
    fn adding_allow_never_denies(ps in policies(), extra in stmt(), a in 0..ACTIONS.len(), r in 0..RESOURCES.len(), c in 0u8..8) {
        let before = evaluate(&request(a, r, c), &set_of(&ps, None));
        let mut more = ps.clone();
        more[0].push(Stmt { allow: true, ..extra });
        let after = evaluate(&request(a, r, c), &set_of(&more, None));
        if before.outcome == Outcome::Allowed {
            prop_assert_eq!(after.outcome, Outcome::Allowed);
        }
    }

    /// A permissions boundary never widens access.
    #[test]
    fn boundary_never_widens(ps in policies(), b in prop::collection::vec(stmt(), 1..4), a in 0..ACTIONS.len(), r in 0..RESOURCES.len(), c in 0u8..8) {
        let without = evaluate(&request(a, r, c), &set_of(&ps, None));
        let with = evaluate(&request(a, r, c), &set_of(&ps, Some(&b)));
        if with.outcome == Outcome::Allowed {
            prop_assert_eq!(without.outcome, Outcome::Allowed);
        }
    }

    /// The wildcard matcher agrees with a plain recursive reference on random patterns.
    #[test]
    fn wildcard_matches_reference(p in "[ab*?:/]{0,8}", t in "[ab:/]{0,10}") {
        prop_assert_eq!(Glob::new(&p).matches(&t), reference(&to_chars(&p), &to_chars(&t)));
    }

    /// The parser never panics, whatever the text.
    #[test]
    fn parser_never_panics_on_any_text(s in any::<String>()) {
        for ty in [PolicyType::Identity, PolicyType::Resource, PolicyType::Trust, PolicyType::Scp] {
            let _ = Policy::parse(&s, ty);
        }
    }

    /// … nor on bytes turned to text, nor on JSON-looking noise.
    #[test]
    fn parser_never_panics_on_json_noise(s in r#"[\{\}\[\]":,a-zA-Z0-9*?$ ]{0,120}"#, bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Policy::parse(&s, PolicyType::Identity);
        let _ = Policy::parse(&String::from_utf8_lossy(&bytes), PolicyType::Resource);
        let wrapped = format!(r#"{{"Version":"2012-10-17","Statement":{s}}}"#);
        let _ = Policy::parse(&wrapped, PolicyType::Identity);
    }
}

fn to_chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The textbook definition: `*` matches any run, `?` one character.
fn reference(p: &[char], t: &[char]) -> bool {
    match p.split_first() {
        None => t.is_empty(),
        Some(('*', rest)) => (0..=t.len()).any(|i| reference(rest, &t[i..])),
        Some(('?', rest)) => !t.is_empty() && reference(rest, &t[1..]),
        Some((c, rest)) => t.first() == Some(c) && reference(rest, &t[1..]),
    }
}

/// Pieces of text the line breaker sees in the lessons: Japanese words and punctuation, Latin
/// words, an ARN, numbers, spaces and a line break.
const TEXT_PIECES: &[&str] = &[
    "ユーザー",
    "権限",
    "を",
    "、",
    "。",
    "「",
    "」",
    "（",
    "）",
    "っ",
    "ー",
    "AWS",
    "IAM",
    "long-term",
    "arn:aws:iam::123456789012:user/alice",
    "2",
    "45",
    "人",
    "分",
    " ",
    " ",
    "\n",
    "é",
    "e\u{301}",
];

proptest! {
    #[test]
    fn wrapped_lines_fit_and_keep_the_text(
        pieces in proptest::collection::vec(proptest::sample::select(TEXT_PIECES), 0..40),
        cells in 1usize..40,
        indent in 0usize..6,
    ) {
        use iamdojo::text::{wrap_hanging, width};
        let text: String = pieces.concat();
        let lines = wrap_hanging(&text, cells, indent);
        for l in &lines {
            // A line is never wider than asked, except one character wider than the line.
            prop_assert!(
                width(l) <= cells || l.trim().chars().filter(|c| width(&c.to_string()) > 0).count() == 1,
                "{l:?} is {} cells in {cells}: {lines:?}", width(l)
            );
        }
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squeeze(&lines.concat()), squeeze(&text));
    }
}
