//! The one renderer of an error with a span: the line it points at, numbered and underlined,
//! through the `annotate-snippets` crate, which measures by display width (Japanese text stays
//! aligned) and cuts a long line around the span (a one-line 300 KB policy shows its span, not
//! the whole line). Characters that could drive a terminal are shown as `�` in the line, so the
//! underline stays under what it marks.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::printable;

/// How wide a rendered snippet may be before its line is cut around the span.
const WIDTH: usize = 100;

/// A span to underline: a line (1-based) and a range of characters on it (0-based columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark<'a> {
    /// The line, from 1.
    pub line: usize,
    /// The first character underlined, from 0.
    pub start: usize,
    /// One past the last character underlined; `None` for the rest of the line.
    pub end: Option<usize>,
    /// A label after the underline (may be empty).
    pub label: &'a str,
}

/// The byte offset of character `col` in `line` (its end when past it).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// The marked lines of `source`, each numbered and underlined; `path` (when given) is shown
/// as `--> path:line:column` above the first. Marks past the end of the text are left out.
pub fn render(source: &str, path: Option<&str>, marks: &[Mark<'_>]) -> String {
    let mut out = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let Some(raw) = source.lines().nth(m.line.saturating_sub(1)) else {
            continue;
        };
        let line = printable::masked(raw);
        let start = byte_at(&line, m.start);
        let end = m
            .end
            .map_or(line.len(), |e| byte_at(&line, e.max(m.start + 1)));
        let end = end.max(start);
        let mut snippet = Snippet::source(line.as_ref())
            .line_start(m.line)
            .annotation(AnnotationKind::Primary.span(start..end).label(m.label));
        if i == 0
            && let Some(p) = path
        {
            snippet = snippet.path(p);
        }
        let group = Group::with_level(Level::ERROR).element(snippet);
        out.push(Renderer::plain().term_width(WIDTH).render(&[group]));
    }
    out.join("\n")
}

/// Appends to `message` the line `line` of `text` with the character at `column` (both from
/// 1) underlined, when that line exists: an error's place shown under the error.
pub fn append_at(message: &mut String, text: &str, line: usize, column: usize) {
    let start = column.saturating_sub(1);
    let mark = Mark {
        line,
        start,
        end: Some(start + 1),
        label: "",
    };
    let shown = render(text, None, &[mark]);
    if !shown.is_empty() {
        message.push('\n');
        message.push_str(&shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_by_display_width_and_cuts_long_lines() {
        let ja = "  \"Sid\": \"読み取り\", \"Bad\": 1";
        let mark = Mark {
            line: 1,
            start: 17,
            end: Some(22),
            label: "",
        };
        let text = render(ja, None, &[mark]);
        let rows: Vec<&str> = text.lines().collect();
        // The underline sits under `"Bad"`: the Japanese before it is two columns a character.
        let under = rows.iter().find(|r| r.contains('^')).copied().unwrap_or("");
        let line = rows
            .iter()
            .find(|r| r.contains("Bad"))
            .copied()
            .unwrap_or("");
        let col_of = |s: &str, pat: &str| {
            s.find(pat)
                .and_then(|i| s.get(..i))
                .map(unicode_width::UnicodeWidthStr::width)
        };
        assert_eq!(col_of(under, "^"), col_of(line, "\"Bad\""), "{text}");
        let long = format!("{}\"x\"{}", "[".repeat(5000), "]".repeat(5000));
        let text = render(
            &long,
            Some("p.json"),
            &[Mark {
                line: 1,
                start: 5000,
                end: Some(5003),
                label: "here",
            }],
        );
        assert!(text.lines().all(|l| l.chars().count() < 140), "{text}");
        assert!(text.contains("p.json:1:5001"), "{text}");
    }
}
