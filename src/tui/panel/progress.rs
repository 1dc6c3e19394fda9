//! The progress dashboard: each pack's lessons, done and to do, with bars; and the catalog of
//! titles and exercise counts the progress store needs from the loaded packs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use super::{Body, Panel, block, list, split};
use crate::msg::Message;
use crate::msg::progress::Progress as ProgressMsg;
use crate::tui::app::App;
use crate::tui::view::{inner, wrapped};

/// What the progress panel needs from the loaded packs: titles in `lang` and each lesson's
/// exercises (every step but `read`), since progress knows lessons only by id.
pub fn catalog(packs: &[crate::lesson::Pack], lang: crate::lang::Lang) -> crate::progress::Catalog {
    use crate::progress::{LessonId, LessonInfo, PackId};
    let lang = lang.code();
    let mut cat = crate::progress::Catalog::new();
    for pack in packs {
        let Ok(pid) = PackId::new(pack.meta.id.as_str()) else {
            continue;
        };
        let fallback = pack.default_language();
        cat.add_pack(pid.clone(), pack.meta.title.get(lang, fallback));
        for (i, entry) in pack.lessons.iter().enumerate() {
            let crate::lesson::LessonEntry::Ok { lesson: lf, .. } = entry else {
                continue;
            };
            let Ok(lid) = LessonId::new(lf.id.as_str()) else {
                continue;
            };
            let number = i as u64 + 1;
            let exercises = lf
                .steps
                .iter()
                .filter(|s| s.kind() != crate::lesson::StepKind::Read)
                .count() as u64;
            let title = lf.title.get(lang, fallback).to_string();
            cat.add_lesson(
                pid.clone(),
                lid,
                LessonInfo {
                    title,
                    exercises,
                    number,
                },
            );
        }
    }
    cat
}

/// The cells of a lesson row's bar.
const BAR: usize = 10;
/// The chart's least height: borders, one bar row, the ratio row and the label row.
const CHART_MIN: u16 = 5;
/// The chart's greatest height.
const CHART_MAX: u16 = 10;

fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(width - filled.min(width))
    )
}

pub(super) fn draw(f: &mut Frame, app: &App, p: &Panel, area: Rect, title: &str) {
    use crate::progress::render::{count, date_time, duration, time_note};
    use ProgressMsg as P;
    let Body::Progress(Some(d)) = &p.body else {
        return;
    };
    let lang = app.lang;
    let [left, right] = split(area);
    // Per pack: solved exercises of all, from the loaded packs and the solved set.
    let mut lines: Vec<Line> = Vec::new();
    for pack in &app.packs {
        let mut total = 0;
        let mut solved = 0;
        for lf in pack.ok_lessons() {
            for (i, s) in lf.steps.iter().enumerate() {
                if s.kind() == crate::lesson::StepKind::Read {
                    continue;
                }
                total += 1;
                if app.solved.contains(&(
                    pack.meta.id.clone(),
                    lf.id.clone(),
                    crate::tui::app::step_key(s, i),
                )) {
                    solved += 1;
                }
            }
        }
        lines.push(Line::from(Span::styled(
            pack.meta
                .title
                .get(app.code(), pack.default_language())
                .to_string(),
            app.theme.title,
        )));
        lines.push(Line::from(vec![
            Span::styled(bar(solved, total, 30), app.theme.ok),
            Span::raw(format!(
                " {}",
                P::PanelSolved.fill(lang, &[("solved", &solved), ("total", &total)])
            )),
        ]));
        lines.push(Line::default());
    }
    let cat = catalog(&app.packs, lang);
    let packs = d.packs();
    for pk in &packs {
        let completed = count(
            lang,
            pk.lessons_completed,
            P::LessonsCompletedOne,
            P::LessonsCompletedMany,
        );
        lines.push(Line::from(P::PanelPack.fill(
            lang,
            &[
                ("pack", &cat.pack_name(&pk.pack)),
                ("completed", &completed),
                ("started", &pk.lessons_started),
                ("correct", &pk.correct),
                (
                    "answers",
                    &count(lang, pk.attempts, P::AnswersOne, P::AnswersMany),
                ),
                ("time", &duration(pk.time_spent_ms, lang)),
            ],
        )));
        // When the pack's latest lesson was finished, on a line that wraps rather than at
        // the end of a lesson's row, where a narrow pane would cut it off.
        let last = d
            .lessons
            .iter()
            .filter(|l| l.pack == pk.pack)
            .filter_map(|l| l.completed.map(|at| (at, l)))
            .max_by_key(|(at, _)| *at);
        if let Some((at, l)) = last {
            lines.push(Line::from(Span::styled(
                P::PanelLastFinished.fill(
                    lang,
                    &[
                        ("lesson", &cat.lesson_title(&l.pack, &l.lesson)),
                        ("when", &date_time(at, lang)),
                    ],
                ),
                app.theme.dim,
            )));
        }
    }
    if !packs.is_empty() {
        lines.push(Line::from(Span::styled(time_note(lang), app.theme.dim)));
    }
    // The totals get the rows they need and the chart of answers per lesson the rest, so
    // that the totals are cut (with a mark, and scrolled by J/K) only where the chart would
    // otherwise have no room for one bar row above its two label rows.
    let text = wrapped(lines, inner(left));
    let need = u16::try_from(text.lines.len() + 2).unwrap_or(u16::MAX);
    let chart_h = if d.lessons.is_empty() || left.height < CHART_MIN + 3 {
        0
    } else {
        left.height.saturating_sub(need).clamp(CHART_MIN, CHART_MAX)
    };
    let [text_area, chart_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(chart_h)]).areas(left);
    super::detail(f, app, p, text, title, text_area);
    if chart_h > 0 {
        let block = block(app, P::PanelChart.text(lang), false);
        let cells = block.inner(chart_area);
        let shown = chart(app, &cat, &d.lessons, p.cursor, cells.width, cells.height);
        f.render_widget(Paragraph::new(shown).block(block), chart_area);
    }
    // Inside the list's borders, after the selection mark.
    let row_cells = usize::from(right.width.saturating_sub(2 + 2));
    let items: Vec<Text> = d
        .lessons
        .iter()
        .map(|x| {
            let done = if x.completed.is_some() { "✔" } else { " " };
            let exercises = cat.exercises(&x.pack, &x.lesson);
            let of = exercises.map_or_else(|| "?".to_string(), |n| n.to_string());
            let figures = P::PanelLesson.fill(
                lang,
                &[
                    ("solved", &x.steps_solved),
                    ("of", &of),
                    ("correct", &x.correct),
                    (
                        "answers",
                        &count(lang, x.attempts, P::AnswersOne, P::AnswersMany),
                    ),
                    (
                        "hints",
                        &count(lang, x.hints_used, P::HintsOne, P::HintsMany),
                    ),
                    ("time", &duration(x.time_spent_ms, lang)),
                ],
            );
            // The title gives way (ending in `…`) to the bar; the figures follow on lines of
            // their own under the title, wrapped, so that a narrow list shows them whole
            // (trial TJ2-3: at 80 columns the row cut them after the exercise count).
            let head = format!("{} {done} ", lesson_label(&cat, x));
            let indent = crate::text::width(&head);
            let room = row_cells.saturating_sub(indent + BAR + 1);
            let lesson_title = crate::text::ellipsis(&cat.lesson_title(&x.pack, &x.lesson), room);
            let mut lines = vec![Line::from(vec![
                Span::styled(head, app.theme.ok),
                Span::raw(format!("{lesson_title} ")),
                Span::styled(
                    bar(
                        x.steps_solved as usize,
                        exercises.unwrap_or(x.steps_tried).max(1) as usize,
                        BAR,
                    ),
                    app.theme.ok,
                ),
            ])];
            let pad = " ".repeat(indent);
            lines.extend(
                figure_lines(&figures, row_cells.saturating_sub(indent).max(1))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!("{pad}{l}"), app.theme.dim))),
            );
            Text::from(lines)
        })
        .collect();
    let lessons_title = P::PanelLessons.text(lang);
    if items.is_empty() {
        f.render_widget(
            Paragraph::new(P::PanelNoAnswers.text(lang))
                .style(app.theme.dim)
                .block(block(app, lessons_title, true)),
            right,
        );
    } else {
        list(f, app, p, items, lessons_title, right);
    }
}

/// A lesson's figures (`1/5 exercises · 1 answer, 1 right · 0 hints · 2 s`) on lines of at
/// most `cells`, broken between figures (the ` · ` kept at the end of a line) rather than
/// inside one; only a figure wider than a line is wrapped inside.
fn figure_lines(figures: &str, cells: usize) -> Vec<String> {
    const SEP: &str = " · ";
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let parts: Vec<&str> = figures.split(SEP).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let piece = if last {
            (*part).to_string()
        } else {
            format!("{part} ·")
        };
        let joined = if line.is_empty() {
            piece.clone()
        } else {
            format!("{line} {piece}")
        };
        if crate::text::width(&joined) <= cells || line.is_empty() {
            line = joined;
        } else {
            out.push(std::mem::take(&mut line));
            line = piece;
        }
    }
    out.push(line);
    out.into_iter()
        .flat_map(|l| crate::text::wrap(&l, cells))
        .collect()
}

/// A lesson's label in the dashboard: `L` and its number in the course, as the lesson list
/// numbers it (`L?` for a lesson no loaded pack has).
fn lesson_label(cat: &crate::progress::Catalog, x: &crate::progress::LessonProgress) -> String {
    cat.number(&x.pack, &x.lesson)
        .map_or_else(|| "L?".to_string(), |n| format!("L{n}"))
}

/// A column's cells from the bottom, (right answers, all answers), for `right` of `all`
/// answers on a scale where `most` answers fill `bars` cells: all answers rounded up, so that
/// a lesson with any answer has a column, right ones rounded down, so that a bar is not all
/// right unless every answer was, and a column of right answers only filled to its top
/// (trial TJ2-4: 7/7 beside 8/11 drew one light cell over one full one).
fn bar_cells(right: u64, all: u64, most: u64, bars: usize) -> (usize, usize) {
    let most = most.max(1);
    let cells = |v: u64, up: bool| {
        let scaled = v.saturating_mul(bars as u64);
        let c = if up {
            scaled.div_ceil(most)
        } else {
            scaled / most
        };
        usize::try_from(c).unwrap_or(bars).min(bars)
    };
    let height = cells(all, true);
    let filled = if right >= all {
        height
    } else {
        cells(right, false).min(height)
    };
    (filled, height)
}

/// The chart of answers per lesson, `width` × `height` cells: one column per lesson, as
/// wide as its widest label, its height the lesson's answers (`░`) and its filled part the
/// right ones (`█`), on the scale of the most answers; under the bars, which never reach
/// them, a row of ratios (`5/9`) and a row of labels (`L3`). When not every lesson fits, the
/// columns shown follow the list's selection and `…` stands at the side where more are.
fn chart(
    app: &App,
    cat: &crate::progress::Catalog,
    lessons: &[crate::progress::LessonProgress],
    cursor: usize,
    width: u16,
    height: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let cols: Vec<(String, String, u64, u64)> = lessons
        .iter()
        .map(|x| {
            (
                format!("{}/{}", x.correct, x.attempts),
                lesson_label(cat, x),
                x.correct,
                x.attempts,
            )
        })
        .collect();
    let col = cols
        .iter()
        .map(|(r, l, ..)| crate::text::width(r).max(crate::text::width(l)))
        .max()
        .unwrap_or(0)
        .max(3);
    let fits = |n: usize, room: usize| n * (col + 1) <= room + 1;
    let (start, n) = if fits(cols.len(), width) {
        (0, cols.len())
    } else {
        // One cell at each side for the `…` of lessons left out.
        let n = (width.saturating_sub(2) + 1) / (col + 1);
        let n = n.max(1).min(cols.len());
        (cursor.saturating_sub(n - 1).min(cols.len() - n), n)
    };
    let shown = cols.iter().skip(start).take(n);
    let before = start > 0;
    let after = start + n < cols.len();
    let margin = |more: bool| {
        if before || after {
            Span::styled(if more { "…" } else { " " }, app.theme.dim)
        } else {
            Span::raw("")
        }
    };
    let bars = usize::from(height).saturating_sub(2);
    let most = cols.iter().map(|c| c.3).max().unwrap_or(0).max(1);
    let mut rows: Vec<Line<'static>> = Vec::with_capacity(bars + 2);
    for level in (0..bars).rev() {
        let mut spans = vec![margin(false)];
        for (_, _, right, all) in shown.clone() {
            let (filled, height) = bar_cells(*right, *all, most, bars);
            let (glyph, style) = if level < filled {
                ("█", app.theme.ok)
            } else if level < height {
                ("░", app.theme.dim)
            } else {
                (" ", app.theme.dim)
            };
            spans.push(Span::styled(glyph.repeat(col), style));
            spans.push(Span::raw(" "));
        }
        rows.push(Line::from(spans));
    }
    let labels = |pick: fn(&(String, String, u64, u64)) -> &String, style| {
        let mut spans = vec![margin(before)];
        for c in shown.clone() {
            spans.push(Span::styled(crate::text::center(pick(c), col), style));
            spans.push(Span::raw(" "));
        }
        spans.pop();
        spans.push(Span::raw(" ".repeat(
            width.saturating_sub(n * (col + 1) + usize::from(before || after)),
        )));
        spans.push(margin(after));
        Line::from(spans)
    };
    rows.push(labels(|c| &c.0, app.theme.text));
    rows.push(labels(|c| &c.1, app.theme.ok));
    rows
}

#[cfg(test)]
mod tests {
    use super::{bar_cells, figure_lines};

    #[test]
    fn figures_break_between_figures() {
        let f = "1/5 問 · 解答 1 件 (正答 1 件) · ヒント 0 · 2 秒";
        assert_eq!(
            figure_lines(f, 33),
            ["1/5 問 · 解答 1 件 (正答 1 件) ·", "ヒント 0 · 2 秒"]
        );
        assert_eq!(figure_lines(f, 80), [f]);
        // A figure wider than the line is wrapped inside.
        assert_eq!(figure_lines("abc def · g", 5), ["abc", "def ·", "g"]);
    }

    #[test]
    fn a_column_of_right_answers_only_is_full_and_any_wrong_one_shows() {
        // 7/7 beside 8/11 on three cells: the 7/7 column is all right.
        assert_eq!(bar_cells(7, 7, 11, 3), (2, 2));
        assert_eq!(bar_cells(8, 11, 11, 3), (2, 3));
        // One wrong answer in ten keeps a light cell on top.
        assert_eq!(bar_cells(9, 10, 10, 3), (2, 3));
        // No answers, no column; nothing right, nothing filled.
        assert_eq!(bar_cells(0, 0, 11, 3), (0, 0));
        assert_eq!(bar_cells(0, 4, 11, 3), (0, 2));
    }
}
