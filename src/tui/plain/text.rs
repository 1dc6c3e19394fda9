//! Plain text for the plain mode: lesson Markdown as plain lines, every printed line cleaned
//! of control characters and box drawing, and the mode's own interface strings in English and
//! Japanese (strings the TUI already has come from `i18n`).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::joins_tight;
use crate::tui::i18n::Lang;
use crate::tui::markdown::push_tight;

/// The plain mode's own strings: (key, English, Japanese). `{}`-style holes are filled with
/// `str::replace` by the caller.
const STRINGS: &[(&str, &str, &str)] = &[
    (
        "home.prompt",
        "Choose a lesson number (c to continue, h for help, q to quit): ",
        "レッスンの番号を選んでください (c で続きから、h でヘルプ、q で終了): ",
    ),
    (
        "home.not_done",
        "not done, {solved} of {all} exercises solved",
        "未完了、演習 {all} 問中 {solved} 問解答済み",
    ),
    ("comma", ", ", "、"),
    (
        "home.no_such",
        "There is no lesson number {n}. Choose a number from the list.",
        "{n} 番のレッスンはありません。一覧の番号を選んでください。",
    ),
    (
        "home.nothing_to_continue",
        "There is nothing to continue yet. Choose a lesson number.",
        "続きはまだありません。レッスンの番号を選んでください。",
    ),
    (
        "home.lesson_broken",
        "This lesson did not load: {e}",
        "このレッスンは読み込めませんでした: {e}",
    ),
    ("kind.read", "read", "解説"),
    ("kind.quiz", "quiz", "クイズ"),
    ("kind.predict", "predict", "予想"),
    ("kind.policy", "policy", "ポリシー"),
    ("kind.task", "task", "タスク"),
    ("kind.investigate", "investigate", "調査"),
    ("step.solved", ", solved", "、解答済み"),
    (
        "read.how",
        "Press Enter or type n for the next step.",
        "Enter を押すか n を入力すると次のステップに進みます。",
    ),
    (
        "quiz.one",
        "Choose one answer: type its number.",
        "答えを 1 つ選び、その番号を入力してください。",
    ),
    (
        "quiz.many",
        "Choose every correct answer: type their numbers, such as 1 3.",
        "正しいものをすべて選び、番号を入力してください (例: 1 3)。",
    ),
    (
        "quiz.one_only",
        "This question takes one answer: type one number.",
        "この問題の答えは 1 つです。番号を 1 つだけ入力してください。",
    ),
    (
        "quiz.range",
        "Type numbers from 1 to {n}.",
        "1 から {n} までの番号を入力してください。",
    ),
    ("quiz.right", "right", "正しい"),
    ("quiz.wrong", "wrong", "誤り"),
    (
        "predict.how",
        "Type 1, 2 or 3.",
        "1、2、3 のどれかを入力してください。",
    ),
    (
        "predict.done",
        "This prediction is already answered; type n for the next step.",
        "この予想は回答済みです。n で次のステップに進みます。",
    ),
    ("policy.current", "The policy now:", "現在のポリシー:"),
    (
        "policy.how",
        "Type a new policy starting with {, and end it with a line holding only a period (.). \
         :file PATH checks a policy from a file; :check checks the policy shown.",
        "{ で始まる新しいポリシーを入力し、ピリオド (.) だけの行で終えてください。\
         `:file パス` でファイルのポリシーを、`:check` で表示中のポリシーをチェックします。",
    ),
    (
        "policy.empty",
        "The policy is empty; nothing was checked.",
        "ポリシーが空なので、チェックしませんでした。",
    ),
    (
        "policy.too_long",
        "The policy is longer than {n} characters; nothing was checked.",
        "ポリシーが {n} 文字を超えているので、チェックしませんでした。",
    ),
    (
        "policy.no_file",
        "Give a file after :file, such as :file policy.json.",
        ":file の後にファイルを指定してください (例: :file policy.json)。",
    ),
    (
        "policy.file_error",
        "Cannot read `{path}`: {e}",
        "`{path}` を読めません: {e}",
    ),
    (
        "policy.solution_check",
        "The solution is now the policy; :check checks it.",
        "解答がポリシーに入りました。:check でチェックできます。",
    ),
    ("policy.line", "line", "行"),
    ("policy.as_expected", "as expected", "期待どおり"),
    ("policy.not_expected", "not as expected", "期待と違う"),
    ("policy.got", "got", "結果"),
    (
        "console.how",
        "Type AWS CLI commands at the aws> prompt; the goal is checked after each one.",
        "aws> プロンプトで AWS CLI コマンドを入力してください。コマンドごとにゴールを確認します。",
    ),
    (
        "inv.how",
        "Look around with AWS CLI commands at the aws> prompt, then answer with :answer TEXT.",
        "aws> プロンプトで AWS CLI コマンドを使って調べ、`:answer 答え` で回答してください。",
    ),
    (
        "inv.no_text",
        "Type your answer after :answer, such as :answer MyAnswer.",
        ":answer の後に答えを入力してください (例: :answer 答え)。",
    ),
    ("console.no_output", "(no output)", "(出力なし)"),
    ("goal.done", "done", "達成"),
    ("goal.todo", "not yet", "未達成"),
    (
        "hint.no_more",
        "No more hints. s shows the solution (recorded as such).",
        "ヒントはもうありません。s で解答を表示します (記録されます)。",
    ),
    (
        "solution.none",
        "This step has no solution to show.",
        "このステップには表示できる解答がありません。",
    ),
    (
        "step.first",
        "This is the first step.",
        "これが最初のステップです。",
    ),
    (
        "step.last",
        "This is the last step. The lesson is complete once every exercise in it is solved.",
        "これが最後のステップです。すべての演習を解くとレッスン完了です。",
    ),
    (
        "lesson.complete_next",
        "Lesson complete — type n to see what you learned",
        "レッスン完了です — n で学んだことを表示します",
    ),
    (
        "complete.then",
        "Type c to go on with the next unfinished exercise, or the number of a lesson.",
        "c で次の未完了の演習に進みます。レッスンの番号でも開けます。",
    ),
    (
        "reset.not_here",
        "This step has nothing to restart.",
        "このステップにはやり直すものがありません。",
    ),
    (
        "lesson.finished",
        "Lesson complete! Type b to go back to the lessons.",
        "レッスン完了です！ b でレッスン一覧に戻ります。",
    ),
    (
        "unknown",
        "Unknown command `{cmd}`. Type one of: {list}.",
        "`{cmd}` というコマンドはありません。次のどれかを入力してください: {list}。",
    ),
    (
        "help.title",
        "Commands you can type here:",
        "ここで入力できるコマンド:",
    ),
    ("bye", "Goodbye.", "終了します。"),
    (
        "quit.unsaved",
        "{n} answers are NOT saved ({reason}). Type e to export them to {path} and quit, \
         another file path to export them there, y to quit and lose them, or n to stay: ",
        "保存されていない回答が {n} 件あります ({reason})。e で {path} に書き出して終了します。\
         別のファイルのパスを入力するとそこに書き出します。y で破棄して終了、n で戻ります: ",
    ),
    (
        "quit.lost",
        "{n} answers were not saved.",
        "{n} 件の回答は保存されませんでした。",
    ),
    (
        "quit.stay",
        "Staying; the answers are still waiting to be saved.",
        "終了しません。回答はまだ保存を待っています。",
    ),
];

/// The plain mode's string for `key` in `lang` (the key itself if missing, so a gap shows).
pub(super) fn s(lang: Lang, key: &'static str) -> &'static str {
    crate::tui::i18n::lookup(STRINGS, lang, key)
}

/// Every plain-mode string (for the test that each one is translated).
pub fn strings() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    STRINGS.iter().copied()
}

/// A line made safe to print: control characters shown escaped by `printable::clean` (so no
/// escape sequence can reach the terminal, even from sandbox output echoing what was typed),
/// box drawing as ASCII and arrows as words a screen reader reads well. Tabs stay: `--output
/// text` separates with them.
pub fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in crate::printable::clean(line).chars() {
        match c {
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            '\u{2500}'..='\u{257F}' => out.push(box_char(c)),
            '→' | '⟶' => out.push_str("->"),
            '←' | '⟵' => out.push_str("<-"),
            '►' | '▶' | '▸' => out.push('>'),
            '◄' | '◀' | '◂' => out.push('<'),
            '▲' | '▴' => out.push('^'),
            '▼' | '▾' => out.push('v'),
            c => out.push(c),
        }
    }
    out
}

/// The ASCII stand-in for a box-drawing character.
fn box_char(c: char) -> char {
    match c {
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            '|'
        }
        '╱' => '/',
        '╲' => '\\',
        '╳' => 'X',
        _ => '+',
    }
}

/// Markdown as plain lines: headings as lines of their own, bullets as `- `, numbered items
/// as `1. `, code blocks indented by four spaces, table rows as `- header: cell; …`, and
/// emphasis and code marks left out (with the spaces beside them between two Japanese
/// characters, as the TUI shows them). Paragraphs are separated by one empty line.
pub(super) fn markdown(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    // At the edge of an emphasis or code span; after a line break inside a paragraph.
    let mut edge = false;
    let mut soft = false;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code = false;
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    fn flush(out: &mut Vec<String>, cur: &mut String) {
        let line = std::mem::take(cur);
        if !line.trim().is_empty() {
            out.push(line.trim_end().to_string());
        }
    }
    fn gap(out: &mut Vec<String>) {
        if out.last().is_some_and(|l| !l.is_empty()) {
            out.push(String::new());
        }
    }
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        let code = matches!(ev, Event::Code(_));
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut out, &mut cur);
                gap(&mut out);
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut out, &mut cur),
            Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut cur);
                if lists.is_empty() {
                    gap(&mut out);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut cur);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                gap(&mut out);
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut out, &mut cur);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut out, &mut cur);
                lists.pop();
                if lists.is_empty() {
                    gap(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut cur);
                let indent = "  ".repeat(lists.len().saturating_sub(1));
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                cur = format!("{indent}{marker}");
            }
            Event::End(TagEnd::Item) => flush(&mut out, &mut cur),
            Event::Start(Tag::Table(_)) => {
                flush(&mut out, &mut cur);
                table = Some(Vec::new());
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(t) = &mut table {
                    t.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(std::mem::take(&mut cell).trim().to_string());
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.extend(table_rows(&t));
                    gap(&mut out);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => edge = true,
            Event::Text(text) if table.is_some() => {
                push_tight(&mut cell, &text, std::mem::take(&mut edge));
            }
            Event::Code(text) if table.is_some() => {
                push_tight(&mut cell, &text, true);
                edge = true;
            }
            Event::SoftBreak | Event::HardBreak if table.is_some() => cell.push(' '),
            Event::Text(text) if in_code => {
                for l in text.lines() {
                    out.push(format!("    {l}").trim_end().to_string());
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                // A line break inside a paragraph is a space between words, but nothing
                // between Japanese characters, which are not separated by spaces.
                if std::mem::take(&mut soft)
                    && !cur.is_empty()
                    && !matches!((cur.chars().next_back(), text.chars().next()), (Some(a), Some(b)) if joins_tight(a, b))
                {
                    cur.push(' ');
                }
                push_tight(&mut cur, &text, std::mem::take(&mut edge) || code);
                edge = code;
            }
            Event::SoftBreak => soft = !cur.is_empty(),
            Event::HardBreak => flush(&mut out, &mut cur),
            Event::Rule => {
                flush(&mut out, &mut cur);
                gap(&mut out);
            }
            _ => {}
        }
    }
    flush(&mut out, &mut cur);
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Table rows read aloud well as `- header: cell; header: cell`.
fn table_rows(rows: &[Vec<String>]) -> Vec<String> {
    let Some((head, body)) = rows.split_first() else {
        return Vec::new();
    };
    body.iter()
        .map(|r| {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, c)| match head.get(i).filter(|h| !h.is_empty()) {
                    Some(h) => format!("{h}: {c}"),
                    None => c.clone(),
                })
                .collect();
            format!("- {}", cells.join("; "))
        })
        .collect()
}

/// Markdown on one line (for choices, hints and other short texts).
pub(super) fn one_line(md: &str) -> String {
    markdown(md)
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_in_japanese_leaves_no_gap_and_soft_breaks_join() {
        assert_eq!(
            markdown("1. **認証**: 呼び出しているのは *誰* か"),
            ["1. 認証: 呼び出しているのは誰か"]
        );
        assert_eq!(
            markdown("グループ\nです。`aws iam list-users` で\nAWS の\nアカウント"),
            ["グループです。aws iam list-users で AWS のアカウント"]
        );
    }
}
