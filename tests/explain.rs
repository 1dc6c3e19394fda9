//! Explanations in both languages: every `tests/data/explain/*.yaml` file is AWS's
//! `SimulateCustomPolicy` input, explained in English and in Japanese (a snapshot per file),
//! and no Japanese explanation may hold an English sentence.

use iamdojo::eval::explain;
use iamdojo::eval::simulate::{SimulateInput, Simulation};
use iamdojo::lang::Lang;

/// Words a Japanese explanation may hold as they are: policy element names, AWS's decision
/// values and abbreviations.
const KEPT: &[&str] = &[
    "Allow",
    "Deny",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
    "allowed",
    "explicitDeny",
    "implicitDeny",
    "SCP",
    "RCP",
    "ARN",
    "MFA",
];

/// English words that never belong in a Japanese sentence (compared as written: a `Sid` such
/// as `A` is the learner's name for a statement, not the article).
const ENGLISH: &[&str] = &[
    "a",
    "an",
    "the",
    "is",
    "are",
    "not",
    "no",
    "does",
    "do",
    "to",
    "of",
    "on",
    "in",
    "it",
    "and",
    "or",
    "by",
    "with",
    "for",
    "allows",
    "allow",
    "applies",
    "apply",
    "policy",
    "statement",
    "decision",
    "path",
    "line",
    "missing",
    "context",
    "keys",
    "every",
    "because",
    "false",
    "request",
    "resource",
    "action",
    "principal",
    "boundary",
    "session",
    "level",
    "yes",
];

/// The English left in a Japanese text: every word of `ENGLISH` (outside `KEPT`), and every run of two or more
/// plain ASCII words (outside `KEPT`). Code spans (`` `…` ``) are left out, and identifiers
/// (ARNs, action names, policy ids, flags) are not words: they hold `:`, `.`, `-`, `/` or digits.
pub fn english_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut run: Vec<&str> = Vec::new();
        let tokens = prose.split(|c: char| c.is_whitespace() || !c.is_ascii());
        for tok in tokens.chain(std::iter::once("")) {
            let w = tok.trim_matches(|c: char| "()[],;:!?→".contains(c));
            let word = !w.is_empty()
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                && !KEPT.contains(&w);
            if word && ENGLISH.contains(&w) {
                out.push(format!("English word `{w}` in: {line}"));
            }
            if word {
                run.push(w);
                continue;
            }
            if run.len() >= 2 {
                out.push(format!("English words `{}` in: {line}", run.join(" ")));
            }
            run.clear();
        }
    }
    out
}

/// Every request of `input` explained in `lang`, as `simulate-custom-policy --explain` prints.
fn explained(input: &SimulateInput, lang: Lang) -> String {
    let sim = Simulation::prepare(input).expect("the input is well formed");
    let resources: Vec<&str> = if input.resource_arns.is_empty() {
        vec!["*"]
    } else {
        input.resource_arns.iter().map(String::as_str).collect()
    };
    let mut s = String::new();
    for a in &input.action_names {
        for r in &resources {
            let req = sim.request(a, r);
            s.push_str(&explain(&req, &sim.set).render(&req, lang));
        }
    }
    s
}

#[test]
fn explanations_in_english_and_japanese() {
    insta::glob!("data/explain/*.yaml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let input: SimulateInput = serde_yaml::from_str(&text).unwrap();
        let en = explained(&input, Lang::En);
        let ja = explained(&input, Lang::Ja);
        let english = english_in(&ja);
        assert!(
            english.is_empty(),
            "{}: the Japanese explanation holds English:\n{}",
            path.display(),
            english.join("\n")
        );
        // The check can fail: the English explanation is caught by it.
        assert!(
            !english_in(&en).is_empty(),
            "{}: the English check finds nothing in English",
            path.display()
        );
        insta::assert_snapshot!(format!("[en]\n{en}\n[ja]\n{ja}"));
    });
}

#[test]
fn the_english_check_catches_english_and_keeps_identifiers() {
    assert!(!english_in("該当しません: the resource does not match").is_empty());
    assert!(!english_in("判定: implicitDeny (no policy)").is_empty());
    assert!(!english_in("Access denied here").is_empty());
    let fine = "  アイデンティティベースのポリシー PolicyInputList.1、ステートメント 0 (ReadPhotos) \
                [Allow、4 行目]: 該当しません: リソースが Resource 要素に一致しません\n\
                arn:aws:iam::123456789012:user/simulated-user → s3:GetObject (リソース: arn:aws:s3:::photos)\n\
                条件 `Bool aws:MultiFactorAuthPresent [\"true\"]` を満たしません";
    assert_eq!(english_in(fine), Vec::<String>::new());
}
