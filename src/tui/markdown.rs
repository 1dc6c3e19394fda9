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
                    out.extend(render_table(&t, theme));
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

fn render_table(rows: &[Vec<String>], theme: &Theme) -> Vec<Line<'static>> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..cols)
            .map(|c| pad(r.get(c).map(String::as_str).unwrap_or(""), widths[c]))
            .collect();
        let style = if i == 0 { theme.title } else { theme.text };
        out.push(Line::from(Span::styled(
            format!("  {}", cells.join(" │ ")),
            style,
        )));
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
