//! The message catalog (`iamdojo::msg`): every entry has both languages, is translated, and
//! names the same placeholders in both, so that a `fill` never leaves a hole in one language.

use iamdojo::msg::{Entry, all, placeholders};

/// Entries whose two languages may be the same text (symbols, or words Japanese writes in
/// Latin letters as AWS's Japanese documentation does).
const SAME_IN_BOTH: &[&str] = &[];

fn entries() -> Vec<Entry> {
    let v = all();
    assert!(
        v.len() >= 200,
        "the catalog lists its areas ({} entries)",
        v.len()
    );
    v
}

#[test]
fn every_entry_has_both_languages_and_is_translated() {
    for e in entries() {
        let at = format!("{}::{}", e.area, e.key);
        assert!(!e.en.trim().is_empty(), "{at} has no English");
        assert!(!e.ja.trim().is_empty(), "{at} has no Japanese");
        if !SAME_IN_BOTH.contains(&e.key) {
            assert_ne!(e.en, e.ja, "{at} is not translated");
        }
    }
}

#[test]
fn both_languages_name_the_same_placeholders() {
    for e in entries() {
        let mut en = placeholders(e.en);
        let mut ja = placeholders(e.ja);
        en.sort_unstable();
        ja.sort_unstable();
        assert_eq!(en, ja, "{}::{}: {:?} / {:?}", e.area, e.key, e.en, e.ja);
    }
}

#[test]
fn no_two_entries_of_an_area_share_a_name() {
    let mut seen = std::collections::BTreeSet::new();
    for e in entries() {
        assert!(seen.insert((e.area, e.key)), "{}::{} twice", e.area, e.key);
    }
}

/// Every AWS error code the sandbox can print (a string literal in `src/` shaped like one of
/// AWS's codes: `Invalid…`, `NoSuch…`, `Malformed…`, `….NotFound`, `…Exception`, …) gets the
/// Japanese gloss line under it in Japanese mode.
#[test]
fn every_aws_error_code_in_the_sandbox_has_a_gloss() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let shaped = |s: &str| {
        let word = s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            && s.starts_with(|c: char| c.is_ascii_uppercase());
        let known = [
            "AccessDenied",
            "UnauthorizedOperation",
            "EntityAlreadyExists",
            "DeleteConflict",
            "LimitExceeded",
            "ValidationError",
            "SignatureDoesNotMatch",
            "ExpiredToken",
        ];
        word && (known.contains(&s)
            || ["Invalid", "NoSuch", "Malformed"]
                .iter()
                .any(|p| s.starts_with(p) && s.len() > p.len())
            || [".NotFound", ".Duplicate", "Exception"]
                .iter()
                .any(|x| s.ends_with(x)))
    };
    let mut paths = Vec::new();
    files(std::path::Path::new("src"), &mut paths);
    let mut codes = std::collections::BTreeSet::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("a source file reads");
        for piece in text.split('"').skip(1).step_by(2) {
            if shaped(piece) {
                codes.insert(piece.to_string());
            }
        }
    }
    assert!(
        codes.contains("NoSuchEntity") && codes.len() > 10,
        "{codes:?}"
    );
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| {
            let line = format!("An error occurred ({c}) when calling the X operation: m");
            iamdojo::msg::awserror::AwsError::of_line(&line).is_none()
        })
        .collect();
    assert!(missing.is_empty(), "no Japanese gloss for {missing:?}");
}

/// Every error line the AWS CLI v2 printed for the recorded cases (and so the sandbox prints,
/// `cli_errors`) has a gloss for the Japanese console.
#[test]
fn every_recorded_cli_error_has_a_gloss() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli-errors/recorded.txt");
    let text = std::fs::read_to_string(&path).expect("the recorded errors");
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix('|'))
        .filter(|l| l.starts_with("aws: [ERROR]:"))
        .collect();
    assert!(lines.len() > 20, "{} error lines", lines.len());
    let missing: Vec<&&str> = lines
        .iter()
        .filter(|l| iamdojo::msg::awserror::AwsError::of_line(l).is_none())
        .collect();
    assert!(missing.is_empty(), "no gloss for {missing:#?}");
}
