//! Random bytes and random nesting fed to every surface that reads a file or a line: each must
//! answer (a value or an error), never panic, overflow the stack or hang. Bounded: a few
//! hundred cases per surface, seconds in CI.

use iamdojo::account::command::Sandbox;
use iamdojo::account::{Account, gaad, scenario};
use iamdojo::lesson::load::parse_lesson;
use iamdojo::policy::{Policy, PolicyType};
use iamdojo::progress::Export;
use iamdojo::tui::keymap::Keymap;
use proptest::prelude::*;

/// Every text surface, given the same text.
fn feed(text: &str) {
    let _ = scenario::load("random.yaml", text);
    let _ = parse_lesson("random.yaml", text);
    let _ = gaad::import_gaad("random.json", text);
    if let Ok(mut imported) = gaad::import_gaad(
        "empty.json",
        r#"{"UserDetailList":[],"GroupDetailList":[],"RoleDetailList":[],"Policies":[]}"#,
    ) {
        let _ = imported.apply_credential_report("random.csv", text);
        let _ = imported.apply_password_policy("random.json", text);
    }
    let _ = Export::from_json(text);
    let _ = Policy::parse(text, PolicyType::Identity);
    let _ = Keymap::default().with_overrides(text, "keys.yaml");
}

/// Text nested `depth` deep in the shapes that make recursive parsers recurse.
fn nested(depth: usize, shape: u8) -> String {
    match shape % 6 {
        0 => format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        1 => format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        2 => (0..depth)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect(),
        3 => format!("{}x\n", "- ".repeat(depth)),
        4 => format!("a: {}{}\n", "{b: ".repeat(depth), "}".repeat(depth)),
        _ => format!("users: &a [{}]\nroles: *a\n", "*a, ".repeat(depth.min(50))),
    }
}

const SHELL_PIECES: &[&str] = &[
    "aws ",
    "iam ",
    "list-users ",
    "--query ",
    "'",
    "\"",
    "$(",
    ")",
    "$X",
    "${X}",
    "X=",
    "[0]",
    "!",
    "(",
    "|",
    "`",
    "\\",
    " ",
    "sts get-caller-identity ",
    "--output text ",
    "| base64 -d",
    "wait 1h",
    "\u{1b}",
    "日本",
    "{",
    "}",
    "*",
    "--profile ",
    "=",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_break_a_reader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        feed(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_nesting_never_breaks_a_reader(depth in 0usize..3000, shape in any::<u8>()) {
        feed(&nested(depth, shape));
    }

    #[test]
    fn random_shell_lines_never_break_the_sandbox(
        lines in proptest::collection::vec(proptest::collection::vec(0usize..SHELL_PIECES.len(), 0..40), 1..8)
    ) {
        let mut sandbox = Sandbox::new(Account::default());
        for pieces in lines {
            let line: String = pieces.iter().filter_map(|&i| SHELL_PIECES.get(i).copied()).collect();
            let _ = sandbox.run(&line);
        }
    }
}
