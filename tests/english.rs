//! No Japanese screen shows an English sentence: every step of every built-in lesson, the
//! home screen, the lesson-complete screen, every panel and the help overlay are drawn in
//! Japanese at 80×24 and 120×40, with a wrong answer, a hint and the solution shown, and each
//! line of prose is searched for English.
//!
//! Not prose, so not searched: the inside of the sandbox console and of the policy editor (AWS
//! CLI commands and AWS's own output and error messages, which AWS sends in English, and policy
//! JSON). English there is AWS's, as the learner will meet it.

use super::wrap::{Boxed, boxes, cells};
use iamdojo::lesson::{LessonEntry, load};
use iamdojo::tui::app::App;
use iamdojo::tui::i18n::Lang;
use iamdojo::tui::theme::Theme;
use iamdojo::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Words a Japanese screen may show as they are: AWS's service and feature names, the names
/// of policy elements and of AWS's decision values, abbreviations, key names, and the words of
/// AWS CLI commands (`aws iam list-users`) that lesson text quotes.
const KEPT: &[&str] = &[
    // AWS and its services, as AWS's Japanese documentation writes them.
    "AWS",
    "Amazon",
    "IAM",
    "STS",
    "EC2",
    "S3",
    "CloudTrail",
    "GuardDuty",
    "Budgets",
    "Billing",
    "CloudWatch",
    "Organizations",
    "Security",
    "Hub",
    "Access",
    "Analyzer",
    "Identity",
    "Center",
    "Config",
    "Lambda",
    "Console",
    "Management",
    "Cost",
    "Explorer",
    "SNS",
    "KMS",
    "Trusted",
    "Advisor",
    "Support",
    "Detective",
    "Macie",
    "Inspector",
    "Secrets",
    "Manager",
    "Systems",
    "Session",
    "Instance",
    "Connect",
    "Endpoint",
    "Auto",
    "Scaling",
    // Policy language and decisions.
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
    "Statement",
    "Version",
    "Sid",
    "allowed",
    "explicitDeny",
    "implicitDeny",
    "true",
    "false",
    "Bool",
    "StringEquals",
    "StringLike",
    "ArnLike",
    "ArnEquals",
    "IpAddress",
    "NotIpAddress",
    "DateGreaterThan",
    "DateLessThan",
    "NumericLessThan",
    "Null",
    "ForAnyValue",
    "ForAllValues",
    "IfExists",
    // Abbreviations and formats.
    "ARN",
    "MFA",
    "SCP",
    "JSON",
    "YAML",
    "CLI",
    "SDK",
    "API",
    "ID",
    "IP",
    "CSV",
    "URL",
    "TOTP",
    "OK",
    "PC",
    "GPU",
    "CPU",
    "USD",
    "UTC",
    "TLS",
    "HTTPS",
    "SMS",
    "U2F",
    "FIDO",
    "root",
    "iamdojo",
    "Markdown",
    "SQLite",
    // Keys.
    "Enter",
    "Esc",
    "Tab",
    "Ctrl",
    "Shift",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    "Space",
    "F1",
    "F5",
    // Words of AWS CLI commands quoted in prose.
    "aws",
    "iam",
    "sts",
    "ec2",
    "s3",
    "s3api",
    "sandbox",
    "explain",
    "inbox",
    "wait",
    "reset",
    "help",
    "ls",
    "cat",
    "configure",
    "set",
    "get",
    "list",
    "create",
    // Values of EC2 instance metadata options (`HttpEndpoint: enabled`).
    "enabled",
];

/// Names that hold an English word: AWS's own names for things, and the course's made-up
/// companies.
const KEPT_PHRASES: &[&str] = &[
    "Identity and Access Management",
    "OpenID Connect",
    "GitHub Actions",
    "Instance Connect Endpoint",
    "Midori Books",
    "Kumo Apps",
    "Tsuki Labs",
    "Sakura Design",
    "Mori Bakery Online",
    "Mori Bakery",
    "Hoshi Games",
    "Aozora Games Dev",
    "Aozora Games",
    "Aozora Holdings",
    "Kurogane Trading",
    "Tsukimi Migration",
];

/// Words that never belong in a Japanese sentence: English function words and the words our
/// own English messages are made of. Compared case-insensitively.
const ENGLISH: &[&str] = &[
    "a",
    "an",
    "the",
    "is",
    "are",
    "was",
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
    "from",
    "this",
    "that",
    "you",
    "your",
    "has",
    "have",
    "be",
    "can",
    "cannot",
    "will",
    "so",
    "did",
    "than",
    "only",
    "every",
    "any",
    "all",
    "yet",
    "more",
    "shows",
    "press",
    "type",
    "done",
    "step",
    "steps",
    "lesson",
    "lessons",
    "back",
    "next",
    "allow",
    "allows",
    "grant",
    "grants",
    "deny",
    "denies",
    "needs",
    "policy",
    "policies",
    "statement",
    "statements",
    "user",
    "users",
    "group",
    "groups",
    "role",
    "roles",
    "action",
    "actions",
    "resource",
    "resources",
    "key",
    "keys",
    "account",
    "finding",
    "findings",
    "enabled",
    "missing",
    "unused",
    "older",
    "days",
    "permissions",
    "management",
    "mean",
];

/// The English of one line of Japanese prose: a word of `ENGLISH`, or two plain ASCII words in
/// a row of which one is capitalized (the start of a sentence), outside `KEPT`. Identifiers are
/// not words: ARNs, action names, flags and paths hold `:`, `.`, `-`, `/`, `_`, `=` or digits,
/// policy names are CamelCase, and the sandbox's users, groups and roles are lowercase names
/// that no list of English words holds.
pub(crate) fn english_in(line: &str) -> Vec<String> {
    let mut line = line.to_string();
    for p in KEPT_PHRASES {
        line = line.replace(p, " ");
    }
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    // Japanese text and punctuation between two words separates them: `Describe、Start` is a
    // list, not a phrase.
    let line: String = line
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                " | ".to_string()
            }
        })
        .collect();
    let tokens = line.split_whitespace();
    for tok in tokens.chain(std::iter::once("")) {
        let w = tok.trim_matches(|c: char| "()[]{},;!?\"'→…<>".contains(c));
        // A single capital is a key name (`A` opens the account explorer).
        let key = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        let camel = w.chars().skip(1).any(|c| c.is_ascii_uppercase());
        let word = !w.is_empty()
            && !key
            && !camel
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && !KEPT.contains(&w);
        if word && ENGLISH.contains(&w.to_ascii_lowercase().as_str()) {
            out.push(format!("`{w}`"));
        }
        if word {
            run.push(w);
            continue;
        }
        if run.len() >= 2
            && run
                .iter()
                .any(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            out.push(format!("`{}`", run.join(" ")));
        }
        run.clear();
    }
    out
}

/// Boxes whose inside is AWS's text, not ours: the sandbox console and the policy editor.
fn is_code_box(g: &[Vec<String>], b: &Boxed) -> bool {
    let title = title(g, b);
    [
        "サンドボックス",
        "ポリシー (Ctrl+S",
        "ポリシー (",
        "ポリシー —",
    ]
    .iter()
    .any(|t| title.contains(t))
}

/// The top border of a box, title included.
fn title(g: &[Vec<String>], b: &Boxed) -> String {
    g.get(b.top)
        .map(|r| {
            r.iter()
                .skip(b.left)
                .take(b.right - b.left)
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Draws the app at `w`×`h` and reports every line of prose holding English.
fn check(app: &App, w: u16, h: u16, what: &str, bad: &mut Vec<String>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| view::draw(f, app)).expect("draws");
    let mut g = cells(t.backend().buffer());
    let mut ignore = Vec::new();
    let found = boxes(&g, what, &mut ignore);
    // Over the help overlay, only the overlay is read: what it covers is cut at its edges.
    if let Some(help) = found.iter().find(|b| title(&g, b).contains("キー操作")) {
        for (y, row) in g.iter().enumerate().take(help.bottom).skip(help.top) {
            let line: String = row
                .iter()
                .take(help.right)
                .skip(help.left + 1)
                .cloned()
                .collect();
            for e in english_in(&line) {
                bad.push(format!("{what}, row {y}: {e} in {:?}", line.trim()));
            }
        }
        return;
    }
    let code: Vec<Boxed> = found.into_iter().filter(|b| is_code_box(&g, b)).collect();
    for b in code {
        for row in g.iter_mut().take(b.bottom).skip(b.top + 1) {
            for cell in row.iter_mut().take(b.right).skip(b.left + 1) {
                cell.clear();
            }
        }
    }
    for (y, row) in g.iter().enumerate() {
        let line = row.concat();
        for e in english_in(&line) {
            bad.push(format!("{what}, row {y}: {e} in {:?}", line.trim()));
        }
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn problems() -> Vec<String> {
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    assert!(!packs.is_empty(), "the built-in course loads");
    let mut bad = Vec::new();
    let sizes = [(80, 24), (120, 40)];
    let mut app = App::new(
        packs.clone(),
        Vec::new(),
        Lang::Ja,
        Theme::no_color(),
        None,
        None,
    );
    for (w, h) in sizes {
        check(&app, w, h, &format!("home at {w}×{h}"), &mut bad);
    }
    for (pi, pack) in packs.iter().enumerate() {
        for entry in &pack.lessons {
            let LessonEntry::Ok { lesson, .. } = entry else {
                continue;
            };
            for si in 0..lesson.steps.len() {
                let what = |s: &str, w: u16, h: u16| {
                    format!("{} step {} {s} at {w}×{h}", lesson.id, si + 1)
                };
                app.open_lesson(pi, &lesson.id, si);
                for (w, h) in sizes {
                    check(&app, w, h, &what("", w, h), &mut bad);
                }
                // A wrong or empty answer, then a hint, then the solution: each says something.
                press(&mut app, KeyCode::Enter);
                ctrl(&mut app, 's');
                press(&mut app, KeyCode::Esc);
                for (w, h) in sizes {
                    check(&app, w, h, &what("after an answer", w, h), &mut bad);
                }
                press(&mut app, KeyCode::Char('h'));
                for (w, h) in sizes {
                    check(&app, w, h, &what("with a hint", w, h), &mut bad);
                }
                press(&mut app, KeyCode::Char('s'));
                for (w, h) in sizes {
                    check(&app, w, h, &what("with the solution", w, h), &mut bad);
                }
            }
            // Every panel and the help overlay, over the lesson's last step.
            // (The glossary, `W`, shows both languages side by side on purpose.)
            for key in ['A', 'E', 'F', 'D', 'S', '?'] {
                press(&mut app, KeyCode::Char(key));
                for (w, h) in sizes {
                    check(
                        &app,
                        w,
                        h,
                        &format!("{} panel {key} at {w}×{h}", lesson.id),
                        &mut bad,
                    );
                }
                press(&mut app, KeyCode::Esc);
            }
            // Past the last step: the lesson is complete, or says what is left to solve.
            press(&mut app, KeyCode::Char('n'));
            for (w, h) in sizes {
                check(
                    &app,
                    w,
                    h,
                    &format!("{} after its last step at {w}×{h}", lesson.id),
                    &mut bad,
                );
            }
            press(&mut app, KeyCode::Esc);
        }
    }
    bad
}

#[test]
fn no_japanese_screen_shows_an_english_sentence() {
    let mut bad = problems();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "{} lines of English on Japanese screens:\n{}",
        bad.len(),
        bad.iter()
            .take(5000)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_english_check_finds_english_and_keeps_aws_words() {
    assert!(!english_in("ヒント: press h for more").is_empty());
    assert!(!english_in("該当しません: does not apply").is_empty());
    assert!(!english_in("Step 8 of 10").is_empty());
    assert_eq!(
        english_in("AWS CloudTrail で `aws iam list-users` の呼び出しを確認します (s3:GetObject)"),
        Vec::<String>::new()
    );
    assert_eq!(
        english_in("Effect が Deny のステートメント"),
        Vec::<String>::new()
    );
}
