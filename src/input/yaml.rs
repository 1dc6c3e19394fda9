//! YAML files (lesson packs, scenarios, the key file) read one way: the size limit, then a
//! linear scan for the nesting depth (block indentation, `- ` sequences and `[`/`{` flow
//! collections) before serde_yaml sees the text, since deeply nested text takes serde_yaml
//! time that grows much faster than the file; then strict deserialization with the field path,
//! and serde's message cleaned up once (the position moved into the error, "did you mean" for
//! unknown fields, what to do for aliases that expand too far).

use super::{FileError, Said, serde_msg};
use crate::msg::input::Input;

/// The deepest nesting a YAML file may have. The built-in course needs fewer than 12 levels.
pub const MAX_DEPTH: usize = 64;

/// The first place where `text` nests deeper than `max`: (line, column, depth), 1-based.
/// Linear in the text; block scalars (`|`, `>`) and quoted strings are skipped, so JSON
/// inside a literal block does not count.
pub fn too_deep(text: &str, max: usize) -> Option<(usize, usize, usize)> {
    // Columns of the block collections open at this point.
    let mut block: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    // A block scalar's content: lines indented more than this column (or blank).
    let mut scalar_parent: Option<usize> = None;
    // An open quoted string that runs over lines: its quote character.
    let mut quote: Option<char> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = line.trim_start_matches(' ');
        if let Some(parent) = scalar_parent {
            if rest.is_empty() || indent > parent {
                continue;
            }
            scalar_parent = None;
        }
        if quote.is_none() && flow == 0 {
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            if rest.starts_with("---") || rest.starts_with("...") {
                block.clear();
                continue;
            }
            while block.last().is_some_and(|&c| c >= indent) {
                block.pop();
            }
            block.push(indent);
        }
        // Walk the line: `- ` opens a sequence level in block context, `[`/`{` a flow level
        // where a value starts (or anywhere inside flow), quotes and comments are skipped.
        let mut at_value_start = quote.is_none() && flow == 0;
        // The column of the line's first key or scalar: a block scalar's content must be
        // indented past it (`- key: |` puts the content past `key`).
        let mut key_col = indent;
        let mut first_token = true;
        let mut prev = ' ';
        let mut chars = line.char_indices().skip(indent).peekable();
        while let Some((col, c)) = chars.next() {
            if let Some(q) = quote {
                if c == q {
                    // '' inside a single-quoted string is an escaped quote.
                    if q == '\'' && chars.peek().is_some_and(|&(_, d)| d == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                } else if c == '\\' && q == '"' {
                    chars.next();
                }
                prev = c;
                continue;
            }
            match c {
                '#' if prev == ' ' || col == indent => break,
                '"' | '\'' if at_value_start || flow > 0 => {
                    quote = Some(c);
                    at_value_start = false;
                }
                '-' if at_value_start
                    && flow == 0
                    && chars.peek().is_none_or(|&(_, d)| d == ' ') =>
                {
                    block.push(col);
                }
                '[' | '{' if at_value_start || flow > 0 => {
                    flow += 1;
                }
                ']' | '}' if flow > 0 => flow -= 1,
                ' ' => {}
                ':' if flow == 0 && chars.peek().is_none_or(|&(_, d)| d == ' ') => {
                    at_value_start = true;
                    prev = c;
                    continue;
                }
                ',' if flow > 0 => {}
                _ => {
                    if first_token && flow == 0 && !matches!(c, '|' | '>') {
                        key_col = col;
                    }
                    at_value_start = false;
                }
            }
            if c != '-' && c != ' ' {
                first_token = false;
            }
            if block.len() + flow > max {
                return Some((n + 1, col + 1, block.len() + flow));
            }
            prev = c;
        }
        // A block scalar indicator ends the line: `key: |`, `- >-`, `key: |2 # comment`.
        if quote.is_none() && flow == 0 {
            let body = rest.split(" #").next().unwrap_or(rest).trim_end();
            let last = body.rsplit([' ', ':']).next().unwrap_or("");
            let indicator = last.starts_with(['|', '>'])
                && last
                    .chars()
                    .skip(1)
                    .all(|c| matches!(c, '-' | '+' | '1'..='9'))
                && (body.len() == last.len()
                    || body.ends_with(&format!(": {last}"))
                    || body.ends_with(&format!("- {last}")));
            if indicator {
                scalar_parent = Some(key_col);
            }
        }
    }
    None
}

/// Where the top-level keys of a YAML mapping stand, and the items of its top-level
/// sequences: for messages that name a line after the text has been deserialized (serde keeps
/// no positions). Lines count from 1.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// Each top-level key and its line.
    pub keys: std::collections::BTreeMap<String, usize>,
    /// Each top-level key holding a block sequence, and the line of each of its items.
    pub items: std::collections::BTreeMap<String, Vec<usize>>,
}

impl Outline {
    /// The outline of `text`, in one pass.
    pub fn of(text: &str) -> Outline {
        let mut out = Outline::default();
        let mut current: Option<String> = None;
        let mut item_indent: Option<usize> = None;
        for (n, line) in text.lines().enumerate() {
            let indent = line.len() - line.trim_start_matches(' ').len();
            let rest = line.trim_start_matches(' ');
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            if indent == 0 && !rest.starts_with('-') {
                if let Some((key, _)) = rest.split_once(':') {
                    let key = key.trim().trim_matches(['"', '\'']).to_string();
                    out.keys.insert(key.clone(), n + 1);
                    current = Some(key);
                    item_indent = None;
                }
                continue;
            }
            let Some(key) = &current else { continue };
            if rest == "-" || rest.starts_with("- ") {
                let at = *item_indent.get_or_insert(indent);
                if indent == at {
                    out.items.entry(key.clone()).or_default().push(n + 1);
                }
            }
        }
        out
    }

    /// The line of a field path such as `steps[3].task.goal[0]` or `title`: the item of a
    /// top-level sequence when the path starts with one, else the top-level key's.
    pub fn line_of(&self, path: &str) -> Option<usize> {
        let head = path.split('.').next().unwrap_or(path);
        if let Some((key, rest)) = head.split_once('[')
            && let Some(i) = rest.strip_suffix(']').and_then(|i| i.parse::<usize>().ok())
            && let Some(line) = self.items.get(key).and_then(|v| v.get(i))
        {
            return Some(*line);
        }
        let key = head.split('[').next().unwrap_or(head);
        self.keys.get(key).copied()
    }
}

/// Parses a YAML document into `T`: the nesting check, then strict deserialization with the
/// field path in errors. `file` names the file in errors. The caller has already bounded the
/// text's size (see [`super::read`]).
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, FileError> {
    if let Some((line, column, depth)) = too_deep(text, MAX_DEPTH) {
        let message = Said::of(Input::TooDeep)
            .with("depth", depth)
            .with("max", MAX_DEPTH);
        return Err(FileError::new(file, message).with_location(line, column));
    }
    let de = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| error(file, e))
}

/// serde_yaml's error as a [`FileError`]: position and path moved out of the message, which
/// is worded from the catalog ([`serde_msg`]), with a suggestion for an unknown field.
fn error(file: &str, e: serde_path_to_error::Error<serde_yaml::Error>) -> FileError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    let full = inner.to_string();
    let mut text = full.split(" at line ").next().unwrap_or("");
    if let Some(rest) = text.strip_prefix(&format!("{path}: ")) {
        text = rest;
    }
    let mut message = serde_msg::said(text);
    // "unknown field `x`, expected one of `a`, `b`": add the likely intended name.
    if text.starts_with("unknown field `")
        && let Some((field, names)) = serde_msg::expected_names(text)
        && let Some(near) = crate::suggest::nearest(field, names)
    {
        message = message.then(Said::of(Input::DidYouMean).with("name", near));
    }
    FileError {
        file: file.into(),
        location: inner.location().map(|l| (l.line(), l.column())),
        path: if path == "." { String::new() } else { path },
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_finds_keys_and_items() {
        let text = "id: a\ntitle: {en: x}\nsteps:\n  - read: |\n      - not an item\n  - id: q\n    quiz: {}\n\n  - id: t\n";
        let o = Outline::of(text);
        assert_eq!(o.line_of("title"), Some(2));
        assert_eq!(o.line_of("steps[0].read"), Some(4));
        assert_eq!(o.line_of("steps[1].quiz.choices[0]"), Some(6));
        assert_eq!(o.line_of("steps[2]"), Some(9));
        assert_eq!(o.line_of("steps[3]"), Some(3));
    }

    #[test]
    fn ordinary_files_are_shallow() {
        let text = "a:\n  b:\n    - c: 1\n      d: [1, {e: 2}]\n    - |\n      [[[[[[[[\n      {{{{\n  f: 'x [ y'\n";
        assert_eq!(too_deep(text, 8), None);
        assert!(too_deep(text, 3).is_some());
    }

    #[test]
    fn deep_block_and_flow_nesting_is_found() {
        let block: String = (0..100).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert_eq!(too_deep(&block, 64).map(|(l, _, _)| l), Some(65));
        let dashes = format!("{}x\n", "- ".repeat(100));
        assert!(too_deep(&dashes, 64).is_some());
        let flow = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert!(too_deep(&flow, 64).is_some());
        let flow_lines = format!("a: {}\n", "[\n".repeat(100));
        assert!(too_deep(&flow_lines, 64).is_some());
    }

    #[test]
    fn block_scalars_are_skipped_past_their_key() {
        let deep = "[".repeat(100);
        let text = format!("- key: |\n    {deep}\n  other: 1\n- |\n  {deep}\n");
        assert_eq!(too_deep(&text, 8), None);
        // A sibling key after a block scalar is structure again.
        let hidden = format!("- key: |\n    text\n  other: {deep}\n");
        assert!(too_deep(&hidden, 8).is_some());
    }

    #[test]
    fn brackets_inside_plain_and_quoted_text_do_not_count() {
        let text = format!(
            "title: Use [links] and {{braces}} {}\nq: \"{}\"\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert_eq!(too_deep(&text, 4), None);
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        steps: Vec<u32>,
    }

    /// The error of parsing `text` as [`Doc`], in both languages.
    fn parse_error(text: &str) -> (String, String) {
        use crate::lang::Lang;
        let e = parse::<Doc>("d.yaml", text).err();
        e.map(|e| (e.describe(Lang::En), e.describe(Lang::Ja)))
            .unwrap_or_default()
    }

    #[test]
    fn serde_errors_read_in_both_languages_with_their_place() {
        assert_eq!(
            parse_error("title: x\nstep: []\n"),
            (
                "d.yaml:2:1: unknown field `step`, expected `title` or `steps`; did you mean `steps`? (at `step`)".to_string(),
                "d.yaml:2:1: フィールド `step` はここでは使えません。使えるのは `title` か `steps` のどちらかです。`steps` の間違いではありませんか？ (場所: `step`)".to_string(),
            )
        );
        assert_eq!(
            parse_error("title: x\nsteps: [one]\n"),
            (
                "d.yaml:2:9: invalid type: string \"one\", expected u32 (at `steps[0]`)".to_string(),
                "d.yaml:2:9: 値の種類が違います: 「0 以上の整数 (u32)」を書くところに「文字列 \"one\"」が書かれています (場所: `steps[0]`)".to_string(),
            )
        );
        let (en, ja) = parse_error("title: x\n");
        assert!(en.ends_with("missing field `steps`"), "{en}");
        assert!(ja.ends_with("フィールド `steps` がありません"), "{ja}");
        let (en, ja) = parse_error("title: \"x\nsteps: []\n");
        assert!(
            en.contains(": found unexpected end of stream (at `title`)"),
            "{en}"
        );
        assert!(
            ja.contains(": 引用符が閉じられないまま、ファイルが終わっています (場所: `title`)"),
            "{ja}"
        );
        let deep = format!("title: x\nsteps: {}{}\n", "[".repeat(70), "]".repeat(70));
        let (en, ja) = parse_error(&deep);
        assert!(en.contains("nests 65 levels deep here"), "{en}");
        assert!(ja.contains("入れ子が 65 段になっています"), "{ja}");
    }
}
