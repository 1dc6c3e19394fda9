//! The Japanese texts follow `docs/style-ja.md`: its mechanical rules, checked on every `ja`
//! text of the built-in course, on the interface tables and on every Japanese string literal
//! of `src/` (outside test modules).

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One Japanese text and where it comes from.
struct Text {
    place: String,
    text: String,
    /// A lesson text: also held to the politeness rule (です・ます).
    lesson: bool,
}

/// Hiragana, katakana (with ー), kanji and 々: the characters the spacing rule looks at.
/// Punctuation (、。「」・) is not among them: no space is wanted next to it.
fn japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '々')
}

/// A stand-in for what the rules do not look into (a format placeholder): neither Japanese nor
/// ASCII, so it asks for no space on either side.
const NEUTRAL: char = '〓';

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

fn rel(p: &Path) -> String {
    p.strip_prefix(ROOT).unwrap_or(p).display().to_string()
}

/// Every `ja:` string of the built-in packs, with its path in the file.
fn lesson_texts() -> Vec<Text> {
    fn walk(v: &serde_yaml::Value, path: &str, file: &str, out: &mut Vec<Text>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    let k = k.as_str().unwrap_or("?");
                    match v {
                        serde_yaml::Value::String(s) if k == "ja" => out.push(Text {
                            place: format!("{file} {path}"),
                            text: s.clone(),
                            lesson: true,
                        }),
                        // A glossary term's Japanese: `ja: {term, definition}`.
                        serde_yaml::Value::Mapping(m) if k == "ja" => {
                            for (field, v) in m {
                                if let serde_yaml::Value::String(s) = v {
                                    out.push(Text {
                                        place: format!(
                                            "{file} {path}/ja/{}",
                                            field.as_str().unwrap_or("?")
                                        ),
                                        text: s.clone(),
                                        lesson: true,
                                    });
                                }
                            }
                        }
                        _ => walk(v, &format!("{path}/{k}"), file, out),
                    }
                }
            }
            serde_yaml::Value::Sequence(s) => {
                for (i, v) in s.iter().enumerate() {
                    walk(v, &format!("{path}/{i}"), file, out);
                }
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    // Every built-in pack.
    files(&Path::new(ROOT).join("lessons"), "yaml", &mut paths);
    let mut out = Vec::new();
    for p in &paths {
        let v: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        walk(&v, "", &rel(p), &mut out);
    }
    assert!(out.len() > 500, "the course has its Japanese texts");
    out
}

/// Every entry of the message catalog.
fn interface_texts() -> Vec<Text> {
    let mut out = Vec::new();
    for e in iamdojo::msg::all() {
        out.push(Text {
            place: format!("catalog {}::{}", e.area, e.key),
            text: e.ja.to_string(),
            lesson: false,
        });
    }
    out
}

/// Literals of `src/` that hold Japanese but are code, not text: the set of characters the goal
/// sentences' spacer treats as punctuation.
const NOT_TEXT: &[&str] = &["。、：「」（）・～"];

/// Source files whose Japanese literals are all character sets, not text: the line breaker's
/// 禁則 tables.
const NOT_TEXT_FILES: &[&str] = &["src/text.rs"];

/// The string literals of Rust source `src` (normal, raw and with line continuations), with
/// their line numbers; comments and char literals are skipped, and so is everything from the
/// first `#[cfg(test)]` on.
fn literals(src: &str) -> Vec<(usize, String)> {
    let src = src.split("#[cfg(test)]").next().unwrap_or("");
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '\'' {
            if c.get(i + 1) == Some(&'\\') {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch == 'r'
            && (i == 0 || !ident(c[i - 1]))
            && matches!(c.get(i + 1), Some('"' | '#'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = line;
            let mut s = String::new();
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                s.push(c[j]);
                j += 1;
            }
            out.push((start, s));
            i = j;
        } else if ch == '"' {
            let start = line;
            let mut s = String::new();
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' {
                    match c.get(j + 1) {
                        Some('n') => s.push('\n'),
                        Some('\n') => {
                            line += 1;
                            j += 2;
                            while j < c.len() && c[j].is_whitespace() {
                                if c[j] == '\n' {
                                    line += 1;
                                }
                                j += 1;
                            }
                            continue;
                        }
                        Some(&e) => s.push(e),
                        None => {}
                    }
                    j += 2;
                    continue;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                s.push(c[j]);
                j += 1;
            }
            out.push((start, s));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Every Japanese string literal of `src/`, format placeholders (`{n}`, `{}`) made neutral.
fn source_texts() -> Vec<Text> {
    let mut paths = Vec::new();
    files(&Path::new(ROOT).join("src"), "rs", &mut paths);
    let mut out = Vec::new();
    for p in paths
        .iter()
        .filter(|p| !NOT_TEXT_FILES.contains(&rel(p).as_str()))
    {
        for (line, s) in literals(&std::fs::read_to_string(p).unwrap()) {
            if !s.chars().any(japanese) || NOT_TEXT.contains(&s.as_str()) {
                continue;
            }
            out.push(Text {
                place: format!("{}:{line}", rel(p)),
                text: neutral_placeholders(&s),
                lesson: false,
            });
        }
    }
    assert!(out.len() > 100, "src/ has its Japanese strings");
    out
}

fn neutral_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let name = tail
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
            .unwrap_or(tail.len());
        if tail[name..].starts_with('}') {
            out.push(NEUTRAL);
            rest = &tail[name + 1..];
        } else {
            out.push('{');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// The text as the rules read it, that is as it is shown: fenced code blocks dropped, each
/// inline code span one ASCII word (it wants spaces like any ASCII word, but its inside is not
/// looked at), Markdown emphasis marks dropped, and the lines of a paragraph joined the way the
/// renderers join them: with nothing after a wide character, with a space after anything else
/// (so a line that ends in Japanese before a line that starts with an ASCII word shows them
/// glued together).
fn prose(text: &str) -> String {
    let text = &unlinked(text);
    let mut kept = String::new();
    let mut fenced = false;
    for l in text.lines() {
        if l.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            kept.push_str(l);
            kept.push('\n');
        }
    }
    let mut flat = String::new();
    let mut code = false;
    let mut chars = kept.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '`' => {
                if !code {
                    flat.push('C');
                }
                code = !code;
            }
            _ if code => {}
            // Emphasis, not a list item's `* `.
            '*' if chars.peek().is_some_and(|n| !n.is_whitespace())
                || flat.ends_with(|c: char| !c.is_whitespace()) => {}
            _ => flat.push(ch),
        }
    }
    let block = |l: &str| {
        let t = l.trim_start();
        t.is_empty()
            || t.starts_with(['#', '|', '>', '-', '+'])
            || t.starts_with("* ")
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
    let lines: Vec<&str> = flat.lines().collect();
    let mut out = String::new();
    let mut joined = false;
    for (i, l) in lines.iter().enumerate() {
        out.push_str(if joined { l.trim() } else { l.trim_end() });
        let Some(next) = lines.get(i + 1) else {
            break;
        };
        joined = !l.trim().is_empty()
            && !l.trim_start().starts_with(['#', '|'])
            && !l.ends_with("  ")
            && !block(next);
        if !joined {
            out.push('\n');
        } else if !l.trim_end().ends_with(wide) {
            out.push(' ');
        }
    }
    out
}

/// The text with each Markdown link `[text](target)` as its text, as it is shown.
fn unlinked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let link = from.find("](").and_then(|mid| {
            let close = from[mid..].find(')')? + mid;
            let label = &from[1..mid];
            (!label.contains(['[', ']', '\n'])).then_some((label, close))
        });
        match link {
            Some((label, close)) => {
                out.push_str(label);
                rest = &from[close + 1..];
            }
            None => {
                out.push('[');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A few characters either side of byte `at` of `s`, for the failure message.
fn around(s: &str, at: usize, len: usize) -> String {
    let before: String = s[..at]
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = s[at..].chars().take(len + 12).collect();
    format!("…{}…", (before + &after).replace('\n', "⏎"))
}

/// A wrong term, the right one, and when an occurrence is fine after all (given the text
/// before and after it).
struct Term {
    wrong: &'static str,
    right: &'static str,
    fine: fn(&str, &str) -> bool,
}

fn never(_: &str, _: &str) -> bool {
    false
}

const TERMS: &[Term] = &[
    Term {
        wrong: "許可の境界",
        right: "アクセス許可の境界",
        fine: |b, _| b.ends_with("アクセス"),
    },
    Term {
        wrong: "権限の境界",
        right: "アクセス許可の境界",
        fine: never,
    },
    Term {
        wrong: "ID ベースのポリシー",
        right: "アイデンティティベースのポリシー",
        fine: never,
    },
    Term {
        wrong: "IDベース",
        right: "アイデンティティベースのポリシー",
        fine: never,
    },
    Term {
        wrong: "最小特権",
        right: "最小権限",
        fine: never,
    },
    Term {
        wrong: "マネージドポリシー",
        right: "管理ポリシー",
        fine: never,
    },
    Term {
        wrong: "カスタマーマネージド",
        right: "カスタマー管理ポリシー",
        fine: never,
    },
    Term {
        wrong: "ルートアカウント",
        right: "ルートユーザー",
        fine: never,
    },
    Term {
        wrong: "トレイル",
        right: "証跡",
        fine: never,
    },
    Term {
        wrong: "所見",
        right: "検出結果",
        fine: never,
    },
    Term {
        wrong: "発見事項",
        right: "検出結果",
        fine: never,
    },
    Term {
        wrong: "クレデンシャル",
        right: "認証情報",
        fine: never,
    },
    Term {
        wrong: "資格情報",
        right: "認証情報",
        fine: never,
    },
    Term {
        wrong: "一時認証情報",
        right: "一時的な認証情報",
        fine: never,
    },
    Term {
        wrong: "パーミッション",
        right: "アクセス許可 / 権限",
        fine: never,
    },
    Term {
        wrong: "信頼関係ポリシー",
        right: "信頼ポリシー",
        fine: never,
    },
    Term {
        wrong: "暗黙の拒否",
        right: "暗黙的な拒否",
        fine: never,
    },
    Term {
        wrong: "明示の拒否",
        right: "明示的な拒否",
        fine: never,
    },
    Term {
        wrong: "ロールを担",
        right: "ロールを引き受ける",
        fine: never,
    },
    Term {
        wrong: "ロールを想定",
        right: "ロールを引き受ける",
        fine: never,
    },
    Term {
        wrong: "なぜ大切か",
        right: "ポイント",
        fine: never,
    },
    Term {
        wrong: "ユーザ",
        right: "ユーザー",
        fine: |_, a| a.starts_with('ー'),
    },
    Term {
        wrong: "サーバ",
        right: "サーバー",
        fine: |_, a| a.starts_with('ー'),
    },
    Term {
        wrong: "フォルダ",
        right: "フォルダー",
        fine: |_, a| a.starts_with('ー'),
    },
    Term {
        wrong: "エディタ",
        right: "エディター",
        fine: |_, a| a.starts_with('ー'),
    },
    Term {
        wrong: "Web",
        right: "ウェブ",
        fine: |_, a| a.starts_with(|ch: char| ch.is_ascii_alphanumeric()),
    },
];

/// Every breach of the mechanical rules in one text, as messages.
fn breaches(t: &Text) -> Vec<String> {
    let p = prose(&t.text);
    let mut out = Vec::new();
    let mut say = |rule: &str, at: usize, len: usize| {
        out.push(format!("{}: {rule}: {}", t.place, around(&p, at, len)));
    };
    for (at, ch) in p.char_indices() {
        match ch {
            '（' | '）' => say("full-width parenthesis (write half-width ( ))", at, 3),
            '：' => say("full-width colon (write half-width `: `)", at, 3),
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                say("full-width letter or digit", at, 3)
            }
            '\u{3000}' => say("full-width space", at, 3),
            _ => {}
        }
    }
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for w in chars.windows(3) {
        let [(_, a), (at, b), (_, c)] = [w[0], w[1], w[2]];
        if b == ' ' && (japanese(a) || "、。」".contains(a)) && (japanese(c) || c == '「') {
            say(
                "space between Japanese characters (emphasis needs none: **ポリシー**だけ)",
                at,
                1,
            );
        }
    }
    for w in chars.windows(2) {
        let [(at, a), (_, b)] = [w[0], w[1]];
        if (japanese(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && japanese(b))
        {
            say(
                "no half-width space between Japanese and an ASCII word or number",
                at,
                2,
            );
        }
        if (japanese(a) && b == '(') || (a == ')' && japanese(b)) {
            say(
                "no half-width space outside a half-width parenthesis",
                at,
                2,
            );
        }
        if a == ' ' && (b == '、' || b == '。') {
            say("space before 、 or 。", at, 2);
        }
        if japanese(a) && (b == '?' || b == '!') {
            say("half-width ? or ! after Japanese (write ？ ！)", at, 2);
        }
        if "一二三四五六七八九十".contains(a) && b == 'つ' {
            say("kanji numeral with a counter (write 1 つ, 2 つ…)", at, 2);
        }
    }
    let mut kanji: Vec<String> = [
        "人", "件", "個", "回", "台", "問", "か所", "か月", "種類", "文字",
    ]
    .iter()
    .flat_map(|c| "二三四五六七八九十".chars().map(move |n| format!("{n}{c}")))
    .collect();
    kanji.extend(["一か所".to_string(), "一か月".to_string()]);
    for bad in &kanji {
        for (at, _) in p.match_indices(bad.as_str()) {
            say(
                "kanji numeral with a counter (write 2 人, 1 か所…)",
                at,
                bad.len(),
            );
        }
    }
    for term in TERMS {
        for (at, _) in p.match_indices(term.wrong) {
            if !(term.fine)(&p[..at], &p[at + term.wrong.len()..]) {
                say(&format!("write 「{}」", term.right), at, term.wrong.len());
            }
        }
    }
    if t.lesson {
        for plain in ["である。", "だ。"] {
            for (at, _) in p.match_indices(plain) {
                say("plain style (write です・ます)", at, plain.len());
            }
        }
    }
    out
}

fn check(texts: &[Text]) {
    let bad: Vec<String> = texts.iter().flat_map(breaches).collect();
    assert!(
        bad.is_empty(),
        "{} breach(es) of docs/style-ja.md:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_course_follows_the_japanese_style() {
    check(&lesson_texts());
}

#[test]
fn the_interface_follows_the_japanese_style() {
    check(&interface_texts());
}

#[test]
fn the_japanese_strings_of_the_source_follow_the_style() {
    check(&source_texts());
}

#[test]
fn the_rules_catch_what_they_are_for() {
    let t = |s: &str, lesson: bool| {
        breaches(&Text {
            place: "example".into(),
            text: s.into(),
            lesson,
        })
        .len()
    };
    assert_eq!(t("グループstaff に入ります。", true), 1);
    assert_eq!(t("答えを一つ選びます（Space）。", false), 3);
    assert_eq!(t("ユーザー (IAM ユーザー)の権限の境界", false), 2);
    assert_eq!(t("これは権限だ。", true), 1);
    assert_eq!(t("これは権限だ。", false), 0);
    assert_eq!(
        t(
            "`aws iam list-users` で確かめます。**IAM** (AWS) は WebAppRole を使います。",
            true
        ),
        0
    );
    assert_eq!(t("`aws iam list-users`で確かめます。", true), 1);
    assert_eq!(t("```\nグループstaff\n```\n2 人と 3 件です。", true), 0);
    assert_eq!(
        t(
            "プログラムからの\nSDK 呼び出しも、グループ\n**staff** に",
            true
        ),
        2
    );
    assert_eq!(
        t(
            "- 1 行目\n- **2** 行目\n  の続き (MFA)\n  を使います。IAM の判定は?",
            true
        ),
        1
    );
    assert_eq!(t("答えは IAM 。", true), 1);
    // A link reads as its text: the target is not text, the text keeps the rules.
    assert_eq!(
        t(
            "権限を与えるのは[ポリシー](glossary:policy)だけです。",
            true
        ),
        0
    );
    assert_eq!(t("[IAMユーザー](glossary:iam-user)を作ります。", true), 1);
    assert_eq!(
        t(
            "これが **最小権限** の考え方です。**IAM ユーザー**を作ります。",
            true
        ),
        2
    );
    assert_eq!(
        neutral_placeholders("{n} 件の{what}、{en: \"x\"}"),
        "〓 件の〓、{en: \"x\"}"
    );
}

/// The sandbox's own messages, the command line's and the plain mode's are printed as plain
/// text (a terminal line, the console pane), where a backtick would show as itself: in Japanese
/// they quote commands and names with 「」, as docs/style-ja.md says for text without code
/// styling (trial 3, L1-3: 「`ce` のことですか？」).
#[test]
fn plain_text_messages_quote_with_brackets_not_backticks_in_japanese() {
    let plain = |e: &iamdojo::msg::Entry| {
        matches!(e.area, "Sandbox" | "Cli" | "Plain")
            || (e.area == "Glossary" && e.key.starts_with("Plain"))
    };
    let entries: Vec<_> = iamdojo::msg::all().into_iter().filter(plain).collect();
    assert!(entries.len() > 100, "the plain-text areas are found");
    let bad: Vec<String> = entries
        .iter()
        .filter(|e| e.ja.contains('`'))
        .map(|e| format!("{}::{}: {}", e.area, e.key, e.ja))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(
        entries
            .iter()
            .any(|e| e.ja.contains('「') && e.en.contains('`')),
        "the English keeps its backticks; the Japanese has 「」 instead"
    );
}
