//! The policy editor's help with JSON: colours for keys, strings, numbers and punctuation,
//! the bracket that matches the one at the cursor, indentation on Enter and on a closing
//! bracket, and long lines soft-wrapped onto more rows. Pure functions of the text and the
//! cursor; the editing itself is the text area's.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::theme::Theme;

/// What a piece of a JSON line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// Spaces.
    Space,
    /// An object key (a string followed by `:`).
    Key,
    /// A string value.
    Str,
    /// A number, `true`, `false` or `null`.
    Literal,
    /// `{ } [ ] , :`.
    Punct,
    /// Anything else (a typo the parser will report).
    Other,
}

/// Splits one line into (token, start, end) char ranges. JSON strings cannot span lines, so
/// each line stands alone; an unterminated string runs to the end of the line.
pub fn tokens(line: &str) -> Vec<(Token, usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let kind = if c.is_whitespace() {
            while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
            Token::Space
        } else if c == '"' {
            i += 1;
            while let Some(&ch) = chars.get(i)
                && ch != '"'
            {
                if ch == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
            let next = chars.iter().skip(i).find(|c| !c.is_whitespace());
            if next == Some(&':') {
                Token::Key
            } else {
                Token::Str
            }
        } else if "{}[],:".contains(c) {
            i += 1;
            Token::Punct
        } else if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            while chars
                .get(i)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || "-+.".contains(c))
            {
                i += 1;
            }
            let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
            if matches!(word.as_str(), "true" | "false" | "null") || word.parse::<f64>().is_ok() {
                Token::Literal
            } else {
                Token::Other
            }
        } else {
            i += 1;
            Token::Other
        };
        out.push((kind, start, i));
    }
    out
}

/// The bracket at the cursor (or just before it) and the one that matches it, as
/// (row, column) in chars; strings are skipped.
pub fn matching_bracket(lines: &[String], cursor: (usize, usize)) -> Option<[(usize, usize); 2]> {
    let at = |r: usize, c: usize| lines.get(r).and_then(|l| l.chars().nth(c));
    let (r, c) = cursor;
    let here = [Some((r, c)), c.checked_sub(1).map(|b| (r, b))]
        .into_iter()
        .flatten()
        .find(|&(r, c)| at(r, c).is_some_and(|x| "{}[]".contains(x)))?;
    // Every bracket outside strings, in order.
    let mut all: Vec<(usize, usize, char)> = Vec::new();
    for (ri, line) in lines.iter().enumerate() {
        for (t, s, _) in tokens(line) {
            if t == Token::Punct
                && let Some(ch) = line.chars().nth(s)
                && "{}[]".contains(ch)
            {
                all.push((ri, s, ch));
            }
        }
    }
    let idx = all.iter().position(|&(a, b, _)| (a, b) == here)?;
    let &(_, _, bracket) = all.get(idx)?;
    let (open, close, forward) = match bracket {
        '{' => ('{', '}', true),
        '[' => ('[', ']', true),
        '}' => ('{', '}', false),
        _ => ('[', ']', false),
    };
    let mut depth = 0i32;
    let seq: Box<dyn Iterator<Item = &(usize, usize, char)>> = if forward {
        Box::new(all.get(idx..)?.iter())
    } else {
        Box::new(all.get(..=idx)?.iter().rev())
    };
    for &(a, b, ch) in seq {
        if ch == open {
            depth += if forward { 1 } else { -1 };
        } else if ch == close {
            depth += if forward { -1 } else { 1 };
        }
        if depth == 0 {
            return Some([here, (a, b)]);
        }
    }
    None
}

/// The indentation for a new line split at `col` of `line`: the line's own, two spaces more
/// after an opening bracket.
pub fn newline_indent(line: &str, col: usize) -> String {
    let base: String = line.chars().take_while(|c| *c == ' ').collect();
    let before = line.chars().take(col).collect::<String>();
    if before.trim_end().ends_with(['{', '[']) {
        format!("{base}  ")
    } else {
        base
    }
}

/// True when typing a closing bracket at `col` should first remove two spaces of indentation
/// (only spaces before the cursor, at least two).
pub fn dedent_on_close(line: &str, col: usize) -> bool {
    let before: Vec<char> = line.chars().take(col).collect();
    before.len() >= 2 && before.iter().all(|c| *c == ' ')
}

/// Where one line of the editor breaks into rows of at most `width` display cells, as char
/// ranges that together cover the whole line (every character, spaces included, is on exactly
/// one row, so that a column of the text area is a place on screen). A row breaks after the
/// last space, `,`, `/` or `:` that fits (JSON and ARNs read well broken there), else before
/// the character that would cross the border; a wide character is never split. An empty
/// line is one empty row.
pub fn wrap(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    // The row being filled starts at char `start` and is `w` cells wide; `brk` is the last
    // place it may break (the char index after a breaking character, and the cells before it).
    let (mut start, mut w) = (0usize, 0usize);
    let mut brk: Option<(usize, usize)> = None;
    let mut count = 0;
    for (i, c) in line.chars().enumerate() {
        let cw = c.width().unwrap_or(0);
        while w + cw > width && i > start {
            let (at, before) = match brk {
                Some((at, before)) if at > start => (at, before),
                _ => (i, w),
            };
            rows.push(start..at);
            (start, w, brk) = (at, w - before, None);
        }
        w += cw;
        if matches!(c, ' ' | ',' | '/' | ':') {
            brk = Some((i + 1, w));
        }
        count = i + 1;
    }
    rows.push(start..count);
    rows
}

/// The gutter width of `render` for a text of `lines` lines: the line numbers and the mark.
pub fn gutter(lines: usize) -> usize {
    lines.to_string().len().max(2) + 1
}

/// The editor's text as rows for a pane whose text column is `width` cells wide.
#[derive(Debug)]
pub struct Rows {
    /// The rows on screen, top to bottom: each long line over several.
    pub rows: Vec<Line<'static>>,
    /// The row the cursor is on.
    pub cursor: usize,
}

/// The editor's lines, numbered and coloured and soft-wrapped to `width` cells of text (see
/// [`wrap`]), with the cursor (when typing), the matching brackets and a mark in the margin
/// of each line that has a finding (`true`: an error). A line's number and mark are on its
/// first row; its other rows have a blank gutter of the same width ending in a dim `↪`, so
/// that the text column stays aligned.
pub fn render(
    lines: &[String],
    cursor: (usize, usize),
    typing: bool,
    marks: &[(u32, bool)],
    theme: &Theme,
    width: usize,
) -> Rows {
    let pair = matching_bracket(lines, cursor);
    let number_w = gutter(lines.len()) - 1;
    let mut out = Rows {
        rows: Vec::new(),
        cursor: 0,
    };
    for (ri, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mark = marks
            .iter()
            .filter(|(l, _)| *l as usize == ri + 1)
            .map(|(_, e)| *e)
            .max();
        // Every character's style, before the line is cut into rows.
        let mut styles = vec![Style::default(); chars.len()];
        for (t, s, e) in tokens(line) {
            let style = match t {
                Token::Key => theme.title,
                Token::Str => theme.code,
                Token::Literal => theme.warn,
                Token::Punct => theme.dim,
                Token::Other => theme.bad,
                Token::Space => Style::default(),
            };
            for (ci, st) in styles.iter_mut().enumerate().take(e).skip(s) {
                *st = style;
                if pair.is_some_and(|p| p.contains(&(ri, ci))) {
                    *st = theme.selected;
                }
                if typing && (ri, ci) == cursor {
                    *st = st.add_modifier(Modifier::REVERSED);
                }
            }
        }
        let mut rows = wrap(line, width);
        // The typing cursor after the last character takes a cell of its own: on a full last
        // row it goes to a row of its own.
        let at_end = typing && ri == cursor.0 && cursor.1 >= chars.len();
        if at_end
            && rows.last().is_some_and(|r| {
                chars.get(r.clone()).map_or(0, |cs| {
                    cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>()
                }) >= width.max(1)
            })
        {
            rows.push(chars.len()..chars.len());
        }
        let last = rows.len().saturating_sub(1);
        for (k, r) in rows.into_iter().enumerate() {
            if ri == cursor.0 && (r.contains(&cursor.1) || (k == last && cursor.1 >= r.end)) {
                out.cursor = out.rows.len();
            }
            let mut spans = if k == 0 {
                vec![
                    Span::styled(format!("{:>number_w$}", ri + 1), theme.dim),
                    match mark {
                        Some(true) => Span::styled("●", theme.bad),
                        Some(false) => Span::styled("●", theme.warn),
                        None => Span::raw(" "),
                    },
                ]
            } else {
                // A row that goes on with the line above.
                vec![
                    Span::raw(" ".repeat(number_w)),
                    Span::styled("↪", theme.dim),
                ]
            };
            for ci in r.clone() {
                if let (Some(ch), Some(st)) = (chars.get(ci), styles.get(ci)) {
                    spans.push(Span::styled(ch.to_string(), *st));
                }
            }
            if at_end && k == last {
                spans.push(Span::styled(
                    " ",
                    Style::default().add_modifier(Modifier::REVERSED),
                ));
            }
            out.rows.push(Line::from(spans));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_values_and_punctuation_are_told_apart() {
        let t: Vec<Token> = tokens(r#"  "Effect": "Allow", "N": 12,"#)
            .into_iter()
            .map(|x| x.0)
            .filter(|t| *t != Token::Space)
            .collect();
        assert_eq!(
            t,
            vec![
                Token::Key,
                Token::Punct,
                Token::Str,
                Token::Punct,
                Token::Key,
                Token::Punct,
                Token::Literal,
                Token::Punct
            ]
        );
    }

    #[test]
    fn brackets_match_across_lines_and_skip_strings() {
        let lines: Vec<String> = ["{", r#"  "A": ["x]", "y"],"#, "}"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(matching_bracket(&lines, (0, 0)), Some([(0, 0), (2, 0)]));
        assert_eq!(matching_bracket(&lines, (2, 1)), Some([(2, 0), (0, 0)]));
        // The `]` inside "x]" is text; the list's own `]` matches its `[`.
        assert_eq!(matching_bracket(&lines, (1, 7)), Some([(1, 7), (1, 17)]));
        assert_eq!(matching_bracket(&lines, (1, 3)), None);
    }

    #[test]
    fn enter_indents_and_closing_brackets_dedent() {
        assert_eq!(newline_indent(r#"  "Statement": ["#, 16), "    ");
        assert_eq!(newline_indent(r#"    "Effect": "Allow","#, 21), "    ");
        assert!(dedent_on_close("    ", 4));
        assert!(!dedent_on_close("  x ", 4));
    }

    /// The rows of `line` at `width`, as text.
    fn rows(line: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        wrap(line, width)
            .into_iter()
            .map(|r| chars.get(r).unwrap_or_default().iter().collect())
            .collect()
    }

    #[test]
    fn long_lines_break_after_commas_spaces_slashes_and_colons() {
        assert_eq!(
            rows(r#"{"Effect": "Allow", "Action": "s3:*"}"#, 22),
            vec![r#"{"Effect": "Allow", "#, r#""Action": "s3:*"}"#]
        );
        assert_eq!(
            rows(r#""arn:aws:s3:::midori-books-uploads/*""#, 30),
            vec![r#""arn:aws:s3:::"#, r#"midori-books-uploads/*""#]
        );
        assert_eq!(
            rows("a/b/c/d", 4),
            vec!["a/b/", "c/d"],
            "the last `/` that fits"
        );
        // Nothing is dropped: the rows put together are the line.
        let line = r#"    "Resource": ["arn:aws:s3:::midori-books-uploads", "arn:aws:s3:::x/*"],"#;
        for w in 1..=line.len() + 1 {
            let r = rows(line, w);
            assert_eq!(r.concat(), line, "at {w}");
            assert!(r.iter().all(|x| x.chars().count() <= w), "at {w}: {r:?}");
        }
    }

    #[test]
    fn a_token_longer_than_the_width_is_cut_at_the_width() {
        assert_eq!(rows("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        // A break before the row's start is no use: `x,` then a long word.
        assert_eq!(rows("x,abcdefgh", 4), vec!["x,", "abcd", "efgh"]);
        assert_eq!(rows("short", 10), vec!["short"]);
        assert_eq!(rows("", 10), vec![""]);
        assert_eq!(rows("exact", 5), vec!["exact"]);
    }

    #[test]
    fn a_wide_character_never_crosses_the_border() {
        // Five cells of room: two wide characters and a narrow one fit, the third wide one
        // goes to the next row.
        assert_eq!(rows("日本x語です", 5), vec!["日本x", "語で", "す"]);
        for w in 2..12 {
            for r in rows(r#""Sid": "読み取り専用、アップロード用""#, w) {
                assert!(crate::text::width(&r) <= w, "{r:?} at {w}");
            }
        }
        // A combining mark stays with its letter.
        assert_eq!(rows("abce\u{301}f", 4), vec!["abce\u{301}", "f"]);
    }

    #[test]
    fn a_wrapped_line_is_numbered_on_its_first_row_only() {
        let theme = Theme::no_color();
        let lines: Vec<String> = [r#"  "Action": "s3:GetObject","#, "}"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let text = |l: &Line| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        };
        let shown = render(&lines, (1, 0), false, &[(1, true)], &theme, 14);
        let rows: Vec<String> = shown.rows.iter().map(text).collect();
        assert_eq!(
            rows,
            vec![
                r#" 1●  "Action": "#,
                r#"  ↪"s3:"#,
                r#"  ↪GetObject","#,
                " 2 }"
            ],
        );
        assert_eq!(shown.cursor, 3, "the cursor is on line 2's row");
        // The typing cursor at the end of a full row gets a row of its own, and is on it.
        let full = vec!["0123456789".to_string()];
        let shown = render(&full, (0, 10), true, &[], &theme, 10);
        assert_eq!(
            shown.rows.iter().map(text).collect::<Vec<_>>(),
            vec![" 1 0123456789", "  ↪ "]
        );
        assert_eq!(shown.cursor, 1);
        let shown = render(&full, (0, 4), true, &[], &theme, 6);
        assert_eq!(shown.cursor, 0, "column 4 is on the first row of 6");
        let shown = render(&full, (0, 6), true, &[], &theme, 6);
        assert_eq!(shown.cursor, 1, "column 6 starts the second row");
    }

    #[test]
    fn brackets_and_the_cursor_are_drawn_on_wrapped_rows() {
        let theme = Theme::default_theme();
        let lines = vec![r#"{"A": ["x", "y"]}"#.to_string()];
        // Rows of 8: `{"A": `, `["x", `, `"y"]}`; the cursor on the `]` at column 15.
        let shown = render(&lines, (0, 15), true, &[], &theme, 8);
        let cells: Vec<(usize, String, Style)> = shown
            .rows
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                l.spans
                    .iter()
                    .skip(2)
                    .map(move |s| (i, s.content.to_string(), s.style))
            })
            .collect();
        let styled = |want: Style| -> Vec<(usize, String)> {
            cells
                .iter()
                .filter(|(_, _, st)| *st == want)
                .map(|(i, c, _)| (*i, c.clone()))
                .collect()
        };
        assert_eq!(styled(theme.selected), vec![(1, "[".to_string())]);
        assert_eq!(
            styled(theme.selected.add_modifier(Modifier::REVERSED)),
            vec![(2, "]".to_string())],
            "the cursor's bracket, highlighted and reversed, on the third row"
        );
        assert_eq!(shown.cursor, 2);
        // The string on the second row keeps its colour.
        assert!(cells.contains(&(1, "x".to_string(), theme.code)));
    }
}
