//! The plain text mode driven by scripts, as a screen-reader user or a pipe would: lessons of
//! the fixture pack and of the built-in course, the printed text (no escape bytes, no box
//! drawing; one insta snapshot of a whole transcript) and the progress rows in SQLite, which
//! must be what the TUI saves for the same answers.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use iamdojo::progress::{LearnerName, Store};
use iamdojo::tui::Options;
use iamdojo::tui::plain;

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/packs/tiny")
}

/// The fixture pack alone, or the built-in course alone.
fn options(dir: &Path, lang: &str, builtin: bool) -> Options {
    Options {
        lang: Some(lang.into()),
        packs: if builtin { Vec::new() } else { vec![tiny()] },
        data_dir: Some(dir.to_path_buf()),
        no_builtin: !builtin,
        ..Options::default()
    }
}

/// Runs a script (one line per input line); returns the exit status and the transcript.
fn session(script: &[&str], opts: &Options) -> (u8, String) {
    let mut input = script.join("\n");
    input.push('\n');
    let mut out = Vec::new();
    let code = plain::run_with(input.as_bytes(), &mut out, opts);
    (code, String::from_utf8(out).expect("the output is UTF-8"))
}

/// Nothing but plain text: no escape sequences, no other control characters than line feeds
/// and tabs, no box drawing.
fn assert_plain(out: &str) {
    let bad: Vec<char> = out
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{2500}'..='\u{257F}').contains(c)
        })
        .collect();
    assert!(bad.is_empty(), "not plain: {bad:?}\n{out}");
}

fn store(dir: &Path) -> (Store, iamdojo::progress::Learner) {
    let store = Store::open_dir(dir).expect("the store reopens");
    let learner = store
        .learner(&LearnerName::default_profile())
        .expect("the default learner");
    (store, learner)
}

/// (lesson, step, correct, hints used, solution shown) of every attempt, in order.
fn attempts(dir: &Path) -> Vec<(String, String, bool, u32, bool)> {
    let (store, learner) = store(dir);
    store
        .attempts(&learner, None)
        .expect("attempts")
        .iter()
        .map(|a| {
            (
                a.lesson.to_string(),
                a.step.to_string(),
                a.correct,
                a.hints_used,
                a.solution_shown,
            )
        })
        .collect()
}

fn completions(dir: &Path) -> Vec<String> {
    let (store, learner) = store(dir);
    store
        .completions(&learner)
        .expect("completions")
        .iter()
        .map(|c| c.lesson.to_string())
        .collect()
}

fn commands(dir: &Path, pack: &str, lesson: &str, step: &str) -> Vec<(String, i32)> {
    let (store, learner) = store(dir);
    store
        .commands(
            &learner,
            &pack.parse().expect("id"),
            &lesson.parse().expect("id"),
            &step.parse().expect("id"),
        )
        .expect("commands")
        .into_iter()
        .map(|c| (c.command, c.exit_code))
        .collect()
}

fn row(
    lesson: &str,
    step: &str,
    ok: bool,
    hints: u32,
    shown: bool,
) -> (String, String, bool, u32, bool) {
    (lesson.into(), step.into(), ok, hints, shown)
}

/// A policy that allows too much, indented as a learner might (closing brackets included).
const WRONG_POLICY: &[&str] = &[
    "{",
    r#"  "Version": "2012-10-17","#,
    r#"  "Statement": ["#,
    r#"      {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
    "    ]",
    "}",
    ".",
];

#[test]
fn the_fixture_pack_by_script_is_printed_plainly_and_saved_as_in_the_tui() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = options(dir.path(), "en", false);
    let mut script = vec![
        "?",
        "1",
        "?",
        "",
        "2",
        "h",
        "1",
        "n",
        "h",
        "h",
        "aws iam list-users --query Users[].UserName",
        "aws iam add-user-to-group --group-name readers --user-name dana",
        "n",
        "2",
    ];
    script.extend(WRONG_POLICY);
    script.extend(["s", ":check", "q"]);
    let (code, out) = session(&script, &opts);
    assert_eq!(code, 0, "{out}");
    assert_plain(&out);
    for want in [
        "Choose a lesson number",
        "  1. Put a user in a group (not done, 0 of 2 exercises solved)",
        "Put a user in a group: Step 2 of 3 (quiz)",
        "1. Every member gets the same permissions, and nobody is forgotten.",
        "Not yet.",
        "Correct!",
        "Hint 1/1: The command starts with aws iam add-user-to-group.",
        "No more hints.",
        "aws> ",
        "- done: dana is a member of the group readers.",
        "Lesson complete: Put a user in a group",
        "Exercises solved: 2 of 2",
        "Type c to go on with the next unfinished exercise",
        "  1. Put a user in a group (done)",
        "  1  {",
        "- not as expected: s3:PutObject arn:aws:s3:::reports/q1.csv should be denied, got allowed",
        "Solution shown (recorded as such).",
        "- as expected: s3:GetObject arn:aws:s3:::reports/q1.csv should be allowed, got allowed",
        "Why it matters:",
        "Goodbye.",
    ] {
        assert!(out.contains(want), "lacks {want:?}:\n{out}");
    }
    insta::assert_snapshot!("plain-tiny-en", out);

    // The same rows as the TUI's whole-lesson test writes for the same answers.
    assert_eq!(
        attempts(dir.path()),
        vec![
            row("groups", "why-groups", false, 0, false),
            row("groups", "why-groups", true, 0, false),
            row("groups", "add-to-group", true, 1, false),
            row("policy", "read-one-bucket", false, 0, false),
            row("policy", "read-one-bucket", false, 0, true),
            row("policy", "read-one-bucket", true, 0, true),
        ]
    );
    // The policy is recorded as typed, whatever the editor's own indentation would do.
    let (store, learner) = store(dir.path());
    let answers: Vec<String> = store
        .attempts(&learner, None)
        .expect("attempts")
        .into_iter()
        .map(|a| a.answer)
        .collect();
    let typed = WRONG_POLICY[..WRONG_POLICY.len() - 1].join("\n");
    assert_eq!(answers.get(3), Some(&typed));
    assert_eq!(
        completions(dir.path()),
        vec!["groups".to_string(), "policy".to_string()]
    );
    assert_eq!(
        commands(dir.path(), "tiny", "groups", "add-to-group"),
        vec![
            ("aws iam list-users --query Users[].UserName".to_string(), 0),
            (
                "aws iam add-user-to-group --group-name readers --user-name dana".to_string(),
                0
            ),
        ]
    );

    // Every exercise is solved: `c` says so rather than opening a solved step.
    let (code, out) = session(&["c", "q"], &opts);
    assert_eq!(code, 0);
    assert!(
        out.contains("Everything is done: every exercise of every lesson is solved"),
        "{out}"
    );
}

#[test]
fn the_first_built_in_lesson_by_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = options(dir.path(), "en", true);
    let script = [
        "1",
        "",
        "1 2 3 5",
        "h",
        "1, 2, 3, 4",
        "n",
        "1",
        "n",
        "aws iam list-groups-for-user --user-name kato --query Groups[].GroupName",
        ":answer staff",
        ":answer ReadOnlyAccess",
        "n",
        "",
        "3",
        "n",
        "aws iam create-user --user-name ito",
        "s",
        "n",
        "q",
    ];
    let (code, out) = session(&script, &opts);
    assert_eq!(code, 0, "{out}");
    assert_plain(&out);
    for want in [
        // Markdown as plain text: a table row, a numbered item, the diagram in ASCII.
        "- building block: user; what it is: one identity with long-term credentials",
        "1. Authentication: who is calling?",
        "    user --> group",
        "5. Security groups",
        "5. wrong: Security groups are EC2 firewalls",
        "Hint 1/2:",
        "The evaluator's answer: implicitDeny",
        "decision path:",
        "staff",
        "Solution:",
        "    aws iam add-user-to-group --group-name staff --user-name ito",
        "- done: The user ito exists.",
        "Lesson complete: ",
    ] {
        assert!(out.contains(want), "lacks {want:?}:\n{out}");
    }
    assert_eq!(
        attempts(dir.path()),
        vec![
            row("what-is-iam", "four-building-blocks", false, 0, false),
            row("what-is-iam", "four-building-blocks", true, 1, false),
            row("what-is-iam", "pick-the-building-block", true, 0, false),
            row("what-is-iam", "what-decides-for-kato", false, 0, false),
            row("what-is-iam", "what-decides-for-kato", true, 0, false),
            row(
                "what-is-iam",
                "predict-kato-deletes-catalog",
                true,
                0,
                false
            ),
            row("what-is-iam", "first-iam-user", true, 0, true),
        ]
    );
    assert_eq!(completions(dir.path()), vec!["what-is-iam".to_string()]);
    let pack = "iam-course";
    assert_eq!(
        commands(dir.path(), pack, "what-is-iam", "what-decides-for-kato").len(),
        1
    );
    assert_eq!(
        commands(dir.path(), pack, "what-is-iam", "first-iam-user"),
        vec![("aws iam create-user --user-name ito".to_string(), 0)]
    );
}

#[test]
fn japanese_help_and_every_plain_string_translated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out) = session(&["?", "1", "?", "q"], &options(dir.path(), "ja", false));
    assert_eq!(code, 0);
    assert_plain(&out);
    for want in [
        "ここで入力できるコマンド:",
        "この番号のレッスンを開く",
        "ヒントを表示",
        "ユーザーをグループに入れる: ステップ 1 / 3 (解説)",
    ] {
        assert!(out.contains(want), "lacks {want:?}:\n{out}");
    }
}

#[test]
fn any_input_is_answered_without_a_panic_and_eof_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = options(dir.path(), "en", false);
    // Every kind of step of the fixture pack gets nonsense, then the input simply ends.
    let mut input: Vec<u8> = Vec::new();
    for line in [
        "xyz",
        "0",
        "99999999999999999999999",
        "-1",
        "1 2 3",
        "",
        "1",
        "",
        "0",
        "3",
        "1 2",
        "zz",
        ":file",
        ":answer",
        "n",
        "\u{1b}[2J\u{1b}[31mred",
        "aws iam nonsense \u{7}",
        "s",
        "s",
        "h",
        "h",
        "p",
        "p",
        "p",
        "r",
        "b",
        "9",
        "2",
        ":file /no/such/file",
        ":check",
        "{",
        "not json",
        ".",
        "{",
        "\"unterminated",
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"\xff\xfe invalid utf-8\n");
    let mut out = Vec::new();
    let code = plain::run_with(input.as_slice(), &mut out, &opts);
    let out = String::from_utf8(out).expect("UTF-8 output");
    assert_eq!(code, 0, "{out}");
    assert_plain(&out);
    assert!(
        out.contains("Unknown command `xyz`. Type one of: 1, c, l, h, ?, q, glossary WORD."),
        "{out}"
    );
    assert!(out.contains("There is no lesson number 0"), "{out}");
    assert!(out.contains("This is the first step."), "{out}");
    assert!(
        out.contains("There is no lesson number 99999999999999999999999"),
        "{out}"
    );
    assert!(out.contains("Cannot read `/no/such/file`"), "{out}");
    assert!(out.contains("the policy is not valid JSON"), "{out}");
    assert!(out.trim_end().ends_with("Goodbye."), "{out}");
    // The policy cut short by the end of the input is not checked: one attempt for `:check`,
    // one for `not json`, none for the unterminated one.
    let policy: Vec<_> = attempts(dir.path())
        .into_iter()
        .filter(|a| a.0 == "policy")
        .collect();
    assert_eq!(policy.len(), 2, "{policy:?}");
}

#[test]
fn the_binary_takes_plain_from_a_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["--plain", "--no-builtin", "--lang", "en", "--pack"])
        .arg(tiny())
        .arg("--data-dir")
        .arg(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(b"1\n\n1\nq\n")
            .expect("the script is written");
    }
    let out = child.wait_with_output().expect("the binary ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_plain(&stdout);
    assert!(stdout.contains("Correct!"), "{stdout}");
    assert_eq!(
        attempts(dir.path()),
        vec![row("groups", "why-groups", true, 0, false)]
    );
}

/// Script lines for `plain::run_app`, running `hook` just before line `before` is read
/// (0-based): a test's way to change the world in the middle of a session.
struct Script<F: FnMut()> {
    lines: std::collections::VecDeque<Vec<u8>>,
    cur: Vec<u8>,
    at: usize,
    served: usize,
    before: usize,
    hook: Option<F>,
}

impl<F: FnMut()> Script<F> {
    fn new(lines: &[&str], before: usize, hook: F) -> Self {
        Script {
            lines: lines
                .iter()
                .map(|l| format!("{l}\n").into_bytes())
                .collect(),
            cur: Vec::new(),
            at: 0,
            served: 0,
            before,
            hook: Some(hook),
        }
    }
}

impl<F: FnMut()> std::io::Read for Script<F> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead;
        let n = {
            let b = self.fill_buf()?;
            let n = b.len().min(out.len());
            out[..n].copy_from_slice(&b[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<F: FnMut()> std::io::BufRead for Script<F> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at >= self.cur.len() {
            if self.served == self.before
                && let Some(mut h) = self.hook.take()
            {
                h();
            }
            match self.lines.pop_front() {
                Some(l) => {
                    self.cur = l;
                    self.at = 0;
                    self.served += 1;
                }
                None => return Ok(&[]),
            }
        }
        Ok(&self.cur[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
    }
}

#[test]
fn a_full_disk_is_said_at_once_kept_asked_about_on_quit_and_saved_later() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = iamdojo::lesson::load::load_dir(&tiny()).expect("the fixture pack loads");
    let (store, learner) = store(dir.path());
    let disk = store.full_disk();
    disk.set(true);
    let app = iamdojo::tui::app::App::new(
        vec![pack],
        Vec::new(),
        iamdojo::tui::i18n::Lang::En,
        iamdojo::tui::theme::Theme::no_color(),
        Some(store),
        Some(learner),
    );
    let script = [
        "1", "", "2", "1", // the quiz: wrong, then right, while the disk is full
        "q", "n", // quitting asks; the learner stays
        "n", // space is back (the hook): this write saves the waiting ones first
        "q",
    ];
    let back = disk.clone();
    let input = Script::new(&script, 6, move || back.set(false));
    let mut out = Vec::new();
    let code = plain::run_app(app, input, &mut out);
    let out = String::from_utf8(out).expect("UTF-8");
    assert_eq!(code, 0, "{out}");
    assert_plain(&out);
    let full = "Not saved: the disk is full — your answers are kept in memory";
    let asked = "2 answers are NOT saved (the disk is full). Type e to export them";
    let saved = "Saved 2 answers that were waiting";
    for want in [full, asked, "Staying;", saved, "Goodbye."] {
        assert!(out.contains(want), "lacks {want:?}:\n{out}");
    }
    // Said at once: after the wrong answer, before the next prompt.
    let pos = |s: &str, from: usize| out[from..].find(s).map(|i| i + from).expect(s);
    let wrong = pos("Not yet.", 0);
    assert!(pos(full, wrong) < pos("Correct!", wrong), "{out}");
    assert!(pos(saved, 0) > pos("Staying;", 0), "{out}");
    assert_eq!(
        attempts(dir.path()),
        vec![
            row("groups", "why-groups", false, 0, false),
            row("groups", "why-groups", true, 0, false),
        ]
    );
}

#[test]
fn reset_in_plain_mode_asks_and_restarts_the_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = options(dir.path(), "en", false);
    let script = [
        "1",
        "n",
        "n",
        "aws iam create-user --user-name stray",
        "reset",
        "n",
        "reset",
        "y",
        "aws iam list-users --query Users[].UserName",
        "q",
    ];
    let (code, out) = session(&script, &opts);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Not restarted."), "{out}");
    assert!(
        out.contains("Restarted: this exercise is back at its start."),
        "{out}"
    );
    let listed = out.rsplit("list-users").next().unwrap_or_default();
    assert!(
        listed.contains("dana") && !listed.contains("stray"),
        "{out}"
    );
}

/// A policy check in Japanese plain mode names each finding's type as AWS's Japanese
/// documentation does (セキュリティ警告) and keeps AWS's issue code; the English transcript
/// keeps AWS's type names (`SECURITY_WARNING`), as the JSON output of validate-policy does.
#[test]
fn policy_findings_in_japanese_plain_mode_name_their_type_in_japanese() {
    let mut script = vec!["2"];
    script.extend(WRONG_POLICY);
    script.extend([":check", "q"]);
    let run = |lang: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        let (code, out) = session(&script, &options(dir.path(), lang, false));
        assert_eq!(code, 0, "{out}");
        out
    };
    let ja = run("ja");
    let finding = |out: &str| {
        out.lines()
            .find(|l| l.contains("SERVICE_WILDCARD_ACTION"))
            .map(str::to_string)
    };
    let line = finding(&ja).unwrap_or_else(|| panic!("no finding:\n{ja}"));
    assert!(
        line.starts_with("- セキュリティ警告 SERVICE_WILDCARD_ACTION, "),
        "{line}"
    );
    assert!(!ja.contains("SECURITY_WARNING"), "{ja}");
    let en = run("en");
    let line = finding(&en).unwrap_or_else(|| panic!("no finding:\n{en}"));
    assert!(
        line.starts_with("- SECURITY_WARNING SERVICE_WILDCARD_ACTION, line 4: "),
        "{line}"
    );
}
