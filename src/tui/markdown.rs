//! Markdown → styled lines: headings, emphasis, inline code, code blocks (kept as they are, so
//! box-drawing diagrams stay aligned, unless wider than the pane), lists and tables (columns
//! measured in display width, so Japanese text lines up); and [`fit`], which wraps any styled
//! lines to a pane with the one line breaker, `crate::text`.
//!
//! Emphasis and code are styles, never spaces: in Japanese, where words are not separated, the
//! spaces an author puts around `*誰*` or `**ポリシー**` between two Japanese characters are
//! left out (`呼び出しているのは *誰* か` reads 呼び出しているのは誰か, 誰 in italics), and a
//! line break inside a paragraph joins two Japanese characters without a space.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::text;

/// Wraps styled lines to `width` cells with the one line breaker: a line that fits is kept as
/// it is, a longer one is broken where `crate::text` allows and its continuation lines are
/// indented under its text (`text::hang`: the leading spaces and a list or feedback marker).
pub fn fit<'a>(lines: impl IntoIterator<Item = Line<'a>>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut out = Vec::new();
    for line in lines {
        let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let owned = |spans: Vec<Span<'static>>| {
            let mut l = Line::from(spans).style(line.style);
            l.alignment = line.alignment;
            l
        };
        if text::width(&plain) <= width && !plain.contains('\n') {
            out.push(owned(
                line.spans
                    .iter()
                    .map(|s| Span::styled(s.content.to_string(), s.style))
                    .collect(),
            ));
            continue;
        }
        // A list or feedback marker hangs the continuation lines, but only one written as a
        // marker: a code span `*` or `-` that happens to begin the line is text.
        let mut first = String::new();
        for s in &line.spans {
            first.push_str(&s.content);
            if !s.content.trim().is_empty() {
                break;
            }
        }
        let indent = if text::hang(&first) == text::hang(&plain) {
            text::hang(&plain)
        } else {
            plain.len() - plain.trim_start_matches(' ').len()
        };
        let pieces: Vec<(Style, &str)> = line
            .spans
            .iter()
            .map(|s| (s.style, s.content.as_ref()))
            .collect();
        for (i, row) in text::wrap_spans(&pieces, width, indent)
            .into_iter()
            .enumerate()
        {
            let mut spans = Vec::with_capacity(row.len() + 1);
            if i > 0 && indent > 0 {
                spans.push(Span::raw(" ".repeat(indent.min(width - 1))));
            }
            spans.extend(row.into_iter().map(|(style, s)| Span::styled(s, style)));
            out.push(owned(spans));
        }
    }
    out
}

/// Whether the space at the end of `left` or at the start of `right`, where an emphasis or a
/// code span begins or ends, stands between two wide characters and is left out: (the left
/// piece loses its last space, the right piece its first).
fn tighten(left: &str, right: &str) -> (bool, bool) {
    let mut l = left.chars().rev();
    let mut r = right.chars();
    match (l.next(), r.next()) {
        (Some(' '), Some(b)) => (l.next().is_some_and(|a| text::joins_tight(a, b)), false),
        (Some(a), Some(' ')) => (false, r.next().is_some_and(|b| text::joins_tight(a, b))),
        _ => (false, false),
    }
}

/// The spans of one line, where each is marked with the emphasis or code it is in (0 for plain
/// text), the spaces beside emphasis and code between Japanese characters left out.
fn tight(spans: Vec<(Span<'static>, u8)>) -> Vec<Span<'static>> {
    let mut spans = spans;
    for i in 1..spans.len() {
        let (Some((a, ka)), Some((b, kb))) = (spans.get(i - 1), spans.get(i)) else {
            continue;
        };
        if ka == kb {
            continue;
        }
        let (cut_left, cut_right) = tighten(&a.content, &b.content);
        if cut_left && let Some((a, _)) = spans.get_mut(i - 1) {
            let t = a.content.trim_end_matches(' ').to_string();
            a.content = t.into();
        }
        if cut_right && let Some((b, _)) = spans.get_mut(i) {
            let t = b.content.trim_start_matches(' ').to_string();
            b.content = t.into();
        }
    }
    spans
        .into_iter()
        .map(|(s, _)| s)
        .filter(|s| !s.content.is_empty())
        .collect()
}

/// The mark of a code span among the emphasis levels of `tight`.
const CODE: u8 = u8::MAX;

/// Adds the text of a soft line break (a space, or nothing between two Japanese characters)
/// before `next`, if one is waiting.
fn soft_break(cur: &mut Vec<(Span<'static>, u8)>, soft: &mut bool, next: &str) {
    if !std::mem::take(soft) {
        return;
    }
    let before = cur.last().and_then(|(s, _)| s.content.chars().next_back());
    let tight =
        matches!((before, next.chars().next()), (Some(a), Some(b)) if text::joins_tight(a, b));
    if !tight && let Some((s, _)) = cur.last_mut() {
        let mut t = s.content.to_string();
        t.push(' ');
        s.content = t.into();
    }
}

/// Adds `text` to plain text (a table cell, a line of plain mode); at the edge of an emphasis
/// or code span (`edge`), a space between two Japanese characters is left out.
pub(crate) fn push_tight(cell: &mut String, text: &str, edge: bool) {
    let (cut_left, cut_right) = if edge {
        tighten(cell, text)
    } else {
        (false, false)
    };
    if cut_left {
        cell.pop();
    }
    cell.push_str(if cut_right {
        text.trim_start_matches(' ')
    } else {
        text
    });
}

/// Renders Markdown into lines.
pub fn render(md: &str, theme: &Theme) -> Vec<Line<'static>> {
    render_width(md, theme, usize::MAX)
}

/// Renders Markdown into lines for a pane `width` cells wide, wrapped with [`fit`]; tables are
/// fitted to it, their widest columns narrowed and their cells wrapped inside the column.
pub fn render_width(md: &str, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    render_in(md, theme, width, theme.text)
}

/// Renders Markdown whose plain text takes `base` (a feedback line's colour, say): emphasis
/// adds to it, code spans keep the code style, so no backtick or star is ever shown.
pub fn render_in(md: &str, theme: &Theme, width: usize, base: Style) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    // The spans of the line being built, each with the emphasis level or code mark it is in.
    let mut cur: Vec<(Span<'static>, u8)> = Vec::new();
    let mut styles: Vec<Style> = vec![base];
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code = false;
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    // A line break inside a paragraph, decided when the text after it comes.
    let mut soft = false;
    // Whether a table cell's text just crossed the edge of an emphasis or code span.
    let mut cell_edge = false;
    let flush = |out: &mut Vec<Line<'static>>, cur: &mut Vec<(Span<'static>, u8)>| {
        if !cur.is_empty() {
            out.push(Line::from(tight(std::mem::take(cur))));
        }
    };
    let last = |styles: &Vec<Style>| styles.last().copied().unwrap_or_default();
    let level =
        |styles: &Vec<Style>| u8::try_from(styles.len().saturating_sub(1)).unwrap_or(u8::MAX);
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
            Event::Start(Tag::Emphasis) => {
                cell_edge = true;
                styles.push(last(&styles).add_modifier(Modifier::ITALIC));
            }
            Event::Start(Tag::Strong) => {
                cell_edge = true;
                styles.push(last(&styles).add_modifier(Modifier::BOLD));
            }
            Event::Start(Tag::Strikethrough) => {
                cell_edge = true;
                styles.push(last(&styles).add_modifier(Modifier::CROSSED_OUT));
            }
            // A link's text is underlined (a `glossary:` link names a term of the glossary,
            // which `W` opens with the step's linked terms first); its target is not shown.
            Event::Start(Tag::Link { .. }) => {
                cell_edge = true;
                styles.push(last(&styles).add_modifier(Modifier::UNDERLINED));
            }
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {
                cell_edge = true;
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
                cur.push((Span::raw(format!("{}{marker}", "  ".repeat(depth))), 0));
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
            Event::Start(Tag::TableCell) => {
                cell.clear();
                cell_edge = false;
            }
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
            Event::Text(text) if table.is_some() => {
                push_tight(&mut cell, &text, cell_edge);
                cell_edge = false;
            }
            Event::Code(text) if table.is_some() => {
                push_tight(&mut cell, &text, true);
                cell_edge = true;
            }
            Event::Text(text) => {
                if in_code {
                    for l in text.lines() {
                        out.push(Line::from(Span::styled(format!("  {l}"), theme.code)));
                    }
                } else {
                    soft_break(&mut cur, &mut soft, &text);
                    cur.push((
                        Span::styled(text.to_string(), last(&styles)),
                        level(&styles),
                    ));
                }
            }
            Event::Code(text) => {
                soft_break(&mut cur, &mut soft, &text);
                cur.push((Span::styled(text.to_string(), theme.code), CODE));
            }
            // A line break inside a paragraph is a space between words, but nothing between
            // Japanese characters (which are not separated by spaces): decided by the text
            // after it.
            Event::SoftBreak => soft = !cur.is_empty(),
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
    fit(out, width)
}

fn render_table(rows: &[Vec<String>], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| text::width(s))
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
            .map(|(c, &w)| text::wrap(r.get(c).map(String::as_str).unwrap_or(""), w))
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
                        text::pad(text, w)
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

    fn rows(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_code_span_star_at_the_start_is_text_not_a_list_marker() {
        let theme = Theme::no_color();
        let md = "`*` に対する `s3:*` では、パスワードが盗まれただけで、人事のファイルを含むすべてのバケットが削除されかねません。";
        let r = rows(&render_width(md, &theme, 30));
        assert!(r.len() > 1, "{r:?}");
        assert!(r.iter().skip(1).all(|x| !x.starts_with(' ')), "{r:?}");
        // A list item still hangs its continuation lines under its text.
        let list = "- アクションとリソースを具体的に書けば、ミスや漏えいの被害を小さくできます。";
        let r = rows(&render_width(list, &theme, 20));
        assert!(r.get(1).is_some_and(|x| x.starts_with("  ")), "{r:?}");
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn emphasis_in_japanese_is_a_style_not_a_gap() {
        let lines = render_width(
            "1. **認証**: 呼び出しているのは *誰* か",
            &Theme::no_color(),
            80,
        );
        assert_eq!(plain(&lines), ["1. 認証: 呼び出しているのは誰か"]);
        let italic = lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content == "誰")
            .map(|s| s.style.add_modifier.contains(Modifier::ITALIC));
        assert_eq!(italic, Some(true));
        // Beside a Latin word or code, the space stays.
        let lines = render_width(
            "IAM ユーザー **ito** を作り、`ReadOnlyAccess` を",
            &Theme::no_color(),
            80,
        );
        assert_eq!(
            plain(&lines),
            ["IAM ユーザー ito を作り、ReadOnlyAccess を"]
        );
        let lines = render_width(
            "| a | b |\n|---|---|\n| x | 認証情報で *引き受けて* 使う |\n",
            &Theme::no_color(),
            80,
        );
        assert!(
            plain(&lines)
                .iter()
                .any(|l| l.contains("認証情報で引き受けて使う")),
            "{:?}",
            plain(&lines)
        );
    }

    #[test]
    fn a_link_shows_its_text_underlined_and_not_its_target() {
        let lines = render_width(
            "権限を与えるのは[**ポリシー**](glossary:policy)だけです。",
            &Theme::no_color(),
            80,
        );
        assert_eq!(plain(&lines), ["権限を与えるのはポリシーだけです。"]);
        let span = lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content == "ポリシー")
            .map(|s| s.style.add_modifier);
        assert_eq!(span, Some(Modifier::UNDERLINED | Modifier::BOLD));
    }

    #[test]
    fn a_soft_break_joins_japanese_without_a_space_and_words_with_one() {
        let lines = render_width(
            "グループ\nです。AWS\nの\nアカウント",
            &Theme::no_color(),
            80,
        );
        assert_eq!(plain(&lines), ["グループです。AWS のアカウント"]);
    }

    #[test]
    fn list_items_wrap_under_their_text() {
        let lines = render_width("- one two three four five six", &Theme::no_color(), 12);
        assert_eq!(plain(&lines), ["• one two", "  three four", "  five six"]);
    }

    #[test]
    fn a_wide_table_is_fitted_to_the_pane() {
        let md = "| block | what it is | typical use |\n|---|---|---|\n| user | one identity with long-term credentials | one per person who signs in |\n";
        let lines = render_width(md, &Theme::no_color(), 40);
        for l in &lines {
            let w: usize = l
                .spans
                .iter()
                .map(|s| text::width(s.content.as_ref()))
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
