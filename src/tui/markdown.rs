//! Markdown → styled lines: headings, emphasis, inline code, code blocks (kept as they are, so
//! box-drawing diagrams stay aligned), lists and tables (columns measured in display width, so
//! Japanese text lines up).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;

/// Renders Markdown into lines.
pub fn render(md: &str, theme: &Theme) -> Vec<Line<'static>> {
    render_width(md, theme, usize::MAX)
}

/// Renders Markdown into lines for a pane `width` cells wide: tables are fitted to it, their
/// widest columns narrowed and their cells wrapped inside the column (other text is wrapped by
/// the paragraph that shows it).
pub fn render_width(md: &str, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut styles: Vec<Style> = vec![theme.text];
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code = false;
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    let flush = |out: &mut Vec<Line<'static>>, cur: &mut Vec<Span<'static>>| {
        if !cur.is_empty() {
            out.push(Line::from(std::mem::take(cur)));
        }
    };
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut out, &mut cur);
                if !out.is_empty() {
                    out.push(Line::default());
                }
                styles.push(theme.title);
            }
            Event::End(TagEnd::Heading(_)) => {
                styles.pop();
                flush(&mut out, &mut cur);
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut cur);
                if lists.is_empty() {
                    out.push(Line::default());
                }
            }
            Event::Start(Tag::Emphasis) => styles.push(
                styles
                    .last()
                    .copied()
                    .unwrap_or_default()
                    .add_modifier(Modifier::ITALIC),
            ),
            Event::Start(Tag::Strong) => styles.push(
                styles
                    .last()
                    .copied()
                    .unwrap_or_default()
                    .add_modifier(Modifier::BOLD),
            ),
            Event::Start(Tag::Strikethrough) => styles.push(
                styles
                    .last()
                    .copied()
                    .unwrap_or_default()
                    .add_modifier(Modifier::CROSSED_OUT),
            ),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                styles.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut cur);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(Line::default());
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut out, &mut cur);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push(Line::default());
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut cur);
                let depth = lists.len().saturating_sub(1);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_string(),
                };
                cur.push(Span::raw(format!("{}{marker}", "  ".repeat(depth))));
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
                    row.push(std::mem::take(&mut cell));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.extend(render_table(&t, theme, width));
                    out.push(Line::default());
                }
            }
            Event::Text(text) | Event::Code(text) if table.is_some() => cell.push_str(&text),
            Event::Text(text) => {
                if in_code {
                    for l in text.lines() {
                        out.push(Line::from(Span::styled(format!("  {l}"), theme.code)));
                    }
                } else {
                    cur.push(Span::styled(
                        text.to_string(),
                        styles.last().copied().unwrap_or_default(),
                    ));
                }
            }
            Event::Code(text) => cur.push(Span::styled(text.to_string(), theme.code)),
            // A line break inside a paragraph is a space between words, but nothing between
            // Japanese characters (which are not separated by spaces).
            Event::SoftBreak => {
                let wide = cur
                    .last()
                    .and_then(|s| s.content.chars().last())
                    .is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2));
                if !wide {
                    cur.push(Span::raw(" "));
                }
            }
            Event::HardBreak => flush(&mut out, &mut cur),
            Event::Rule => {
                flush(&mut out, &mut cur);
                out.push(Line::from(Span::styled("─".repeat(40), theme.dim)));
            }
            _ => {}
        }
    }
    flush(&mut out, &mut cur);
    while out.last().is_some_and(|l| l.spans.is_empty()) {
        out.pop();
    }
    out
}

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Splits `text` into lines of at most `width` display cells: at spaces where it can, inside a
/// word (or between Japanese characters, which have no spaces) where it must.
pub fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let ww = UnicodeWidthStr::width(word);
        let gap = usize::from(line_w > 0);
        if line_w + gap + ww <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_w += gap + ww;
            continue;
        }
        if ww <= width {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            line_w = ww;
            continue;
        }
        // A word wider than the column: break it between characters.
        if line_w > 0 {
            line.push(' ');
            line_w += 1;
        }
        for ch in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if line_w + cw > width && line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            line.push(ch);
            line_w += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn render_table(rows: &[Vec<String>], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Fit the pane: two cells of indent, three between columns; narrow the widest column one
    // cell at a time, down to 6 cells.
    let avail = width.saturating_sub(2 + 3 * cols.saturating_sub(1));
    while widths.iter().sum::<usize>() > avail {
        let Some(w) = widths.iter_mut().max_by_key(|w| **w) else {
            break;
        };
        if *w <= 6 {
            break;
        }
        *w -= 1;
    }
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        // `widths` has one entry per column.
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(c, &w)| wrap_cell(r.get(c).map(String::as_str).unwrap_or(""), w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let style = if i == 0 { theme.title } else { theme.text };
        for k in 0..height {
            let cells: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (cell, &w))| {
                    let text = cell.get(k).map(String::as_str).unwrap_or("");
                    // The last column is not padded: trailing spaces would only wrap.
                    if c + 1 == cols {
                        text.to_string()
                    } else {
                        pad(text, w)
                    }
                })
                .collect();
            out.push(Line::from(Span::styled(
                format!("  {}", cells.join(" │ ")).trim_end().to_string(),
                style,
            )));
        }
        if i == 0 {
            let sep: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            out.push(Line::from(Span::styled(
                format!("  {}", sep.join("─┼─")),
                theme.dim,
            )));
        }
    }
    out
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    #[test]
    fn cells_wrap_at_spaces_and_inside_japanese_text() {
        assert_eq!(
            wrap_cell("give the same permissions", 10),
            vec!["give the", "same permi", "ssions"]
        );
        assert_eq!(wrap_cell("give the same", 10), vec!["give the", "same"]);
        // Six double-width characters in 8 cells: four fit on the first line.
        assert_eq!(wrap_cell("権限を付与する", 8), vec!["権限を付", "与する"]);
        assert_eq!(wrap_cell("", 5), vec![""]);
    }

    #[test]
    fn a_wide_table_is_fitted_to_the_pane() {
        let md = "| block | what it is | typical use |\n|---|---|---|\n| user | one identity with long-term credentials | one per person who signs in |\n";
        let lines = render_width(md, &Theme::no_color(), 40);
        for l in &lines {
            let w: usize = l
                .spans
                .iter()
                .map(|s| UnicodeWidthStr::width(s.content.as_ref()))
                .sum();
            assert!(w <= 40, "{w} cells: {l:?}");
        }
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert!(text.iter().any(|t| t.contains("long-term")), "{text:?}");
    }
}
