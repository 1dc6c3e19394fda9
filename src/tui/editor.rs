//! The policy editor's help with JSON: colours for keys, strings, numbers and punctuation,
//! the bracket that matches the one at the cursor, and indentation on Enter and on a closing
//! bracket. Pure functions of the text and the cursor; the editing itself is the text area's.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

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

/// The editor's lines, numbered and coloured, with the cursor (when typing), the matching
/// brackets and a mark in the margin of each line that has a finding (`true`: an error).
/// The first column of text to show so that the cursor's column stays in a view `text_width`
/// columns wide (with a few columns of context to its left when scrolled).
pub fn left_column(cursor_col: usize, text_width: usize) -> usize {
    let w = text_width.max(1);
    if cursor_col < w {
        0
    } else {
        // Keep the cursor a quarter of the width from the right edge once scrolled.
        cursor_col + 1 + w / 4 - w
    }
}

/// The gutter width of `render` for a text of `lines` lines: the line numbers and the mark.
pub fn gutter(lines: usize) -> usize {
    lines.to_string().len().max(2) + 1
}

pub fn render(
    lines: &[String],
    cursor: (usize, usize),
    typing: bool,
    marks: &[(u32, bool)],
    theme: &Theme,
    left: usize,
) -> Vec<Line<'static>> {
    let pair = matching_bracket(lines, cursor);
    let width = lines.len().to_string().len().max(2);
    lines
        .iter()
        .enumerate()
        .map(|(ri, line)| {
            let chars: Vec<char> = line.chars().collect();
            let mark = marks
                .iter()
                .filter(|(l, _)| *l as usize == ri + 1)
                .map(|(_, e)| *e)
                .max();
            let mut spans = vec![
                Span::styled(format!("{:>width$}", ri + 1), theme.dim),
                match mark {
                    Some(true) => Span::styled("●", theme.bad),
                    Some(false) => Span::styled("●", theme.warn),
                    // Text hidden to the left of a scrolled view.
                    None if left > 0 && !chars.is_empty() => Span::styled("‹", theme.dim),
                    None => Span::raw(" "),
                },
            ];
            for (t, s, e) in tokens(line) {
                let style = match t {
                    Token::Key => theme.title,
                    Token::Str => theme.code,
                    Token::Literal => theme.warn,
                    Token::Punct => theme.dim,
                    Token::Other => theme.bad,
                    Token::Space => Style::default(),
                };
                for (ci, ch) in chars.iter().enumerate().take(e).skip(s.max(left)) {
                    let mut st = style;
                    if pair.is_some_and(|p| p.contains(&(ri, ci))) {
                        st = theme.selected;
                    }
                    if typing && (ri, ci) == cursor {
                        st = st.add_modifier(Modifier::REVERSED);
                    }
                    spans.push(Span::styled(ch.to_string(), st));
                }
            }
            if typing && ri == cursor.0 && cursor.1 >= chars.len() {
                spans.push(Span::styled(
                    " ",
                    Style::default().add_modifier(Modifier::REVERSED),
                ));
            }
            Line::from(spans)
        })
        .collect()
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
}
