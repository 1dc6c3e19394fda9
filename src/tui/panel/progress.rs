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
    // Below the totals, a bar chart of the answers given per lesson: right ones and all.
    let chart_h = if d.lessons.is_empty() || left.height < 18 {
        0
    } else {
        10
    };
    let [text_area, chart_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(chart_h)]).areas(left);
    let text = wrapped(lines, inner(text_area));
    let rows = text.lines.len();
    f.render_widget(
        Paragraph::new(text).block(crate::tui::view::cut_below(
            app,
            block(app, title, false),
            rows,
            text_area,
        )),
        text_area,
    );
    if chart_h > 0 {
        let bars: Vec<ratatui::widgets::Bar> = d
            .lessons
            .iter()
            .take(usize::from(chart_area.width.saturating_sub(2) / 4).max(1))
            .map(|x| {
                let label = lesson_label(&cat, x);
                ratatui::widgets::Bar::default()
                    .value(x.correct)
                    .text_value(format!("{}/{}", x.correct, x.attempts))
                    .label(Line::from(label))
                    .style(app.theme.ok)
            })
            .collect();
        f.render_widget(
            ratatui::widgets::BarChart::default()
                .block(block(app, P::PanelChart.text(lang), false))
                .data(ratatui::widgets::BarGroup::default().bars(&bars))
                .bar_width(3)
                .bar_gap(1),
            chart_area,
        );
    }
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
            Line::from(vec![
                Span::styled(format!("{} {done} ", lesson_label(&cat, x)), app.theme.ok),
                Span::raw(format!("{} ", cat.lesson_title(&x.pack, &x.lesson))),
                Span::styled(
                    format!(
                        "{} {figures}",
                        bar(
                            x.steps_solved as usize,
                            exercises.unwrap_or(x.steps_tried).max(1) as usize,
                            10
                        ),
                    ),
                    app.theme.dim,
                ),
            ])
        })
        .map(Text::from)
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

/// A lesson's label in the dashboard: `L` and its number in the course, as the lesson list
/// numbers it (`L?` for a lesson no loaded pack has).
fn lesson_label(cat: &crate::progress::Catalog, x: &crate::progress::LessonProgress) -> String {
    cat.number(&x.pack, &x.lesson)
        .map_or_else(|| "L?".to_string(), |n| format!("L{n}"))
}
