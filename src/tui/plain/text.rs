//! Plain text for the plain mode: lesson Markdown as plain lines, every printed line cleaned
//! of control characters and box drawing, and the mode's own interface strings in English and
//! Japanese (strings the TUI already has come from `i18n`).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::joins_tight;
use crate::tui::markdown::push_tight;

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
