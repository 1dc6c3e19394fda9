//! Drawing: every screen is a function of the app state. Nothing here changes state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::app::{App, Exercise, LessonState, Row, Screen, Target, step_key, tr};
use super::i18n::{Message, Ui};
use super::markdown;
use crate::lesson::model::Solution;
use crate::lesson::{Lesson, LessonEntry, Pack, StepKind};

/// The smallest terminal iamdojo draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    app.hits.borrow_mut().clear();
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let p = Paragraph::new(wrapped(Ui::SmallTerminal.text(app.lang), area.width))
            .style(app.theme.warn);
        f.render_widget(p, area);
        return;
    }
    // A save problem (or waiting answers saved at last) takes a status line above the keys.
    // The live class's status takes the same line when there is no save note.
    let class_line = app.class_status.map(|s| s.line(app.lang));
    let note_height = u16::from(app.save_note.is_some() || class_line.is_some());
    let [body, note, footer] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(note_height),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(m) = &app.save_note {
        let style = if m.ok { app.theme.dim } else { app.theme.warn };
        f.render_widget(Paragraph::new(m.text.as_str()).style(style), note);
    } else if let Some(line) = class_line {
        f.render_widget(Paragraph::new(line).style(app.theme.dim), note);
    }
    match &app.screen {
        _ if app.panel.is_some() => {
            if let Some(p) = &app.panel {
                super::panel::draw(f, app, p, body);
            }
        }
        Screen::Home => home(f, app, body),
        Screen::Lesson(ls) => {
            if let Some((pack, lesson, _)) = app.current() {
                lesson_screen(f, app, pack, lesson, ls, body);
            }
        }
        Screen::Complete(done) => complete(f, app, done, body),
    }
    f.render_widget(Paragraph::new(footer_line(app, footer.width)), footer);
    if app.help {
        help(f, app, area);
    }
    if let Screen::Lesson(ls) = &app.screen
        && ls.confirm_reset
        && app.panel.is_none()
    {
        let r = centered(area, 64, 5);
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(wrapped(ls.ex.reset_question().text(app.lang), inner(r))).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(app.theme.warn),
            ),
            r,
        );
    }
    if app.confirm_quit {
        // Never "saved" when answers are waiting: the question says how many are not.
        let text = match &app.export_path {
            Some(path) => format!("{}\n{path}_", Ui::QuitExportTo.text(app.lang)),
            None if !app.writes.is_empty() => app.unsaved_quit_text(),
            None => Ui::QuitConfirm.text(app.lang).to_string(),
        };
        let r = if app.writes.is_empty() {
            centered(area, 60, 5)
        } else {
            centered(area, 72, 8)
        };
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(wrapped(text, inner(r))).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(app.theme.warn),
            ),
            r,
        );
    }
}

/// A context value of an expected request as one line (a list's items joined by `, `).
pub(crate) fn context_value(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Sequence(items) => items
            .iter()
            .map(|x| {
                serde_yaml::to_string(x)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// For each expected request, the context keys whose values differ between the requests (a
/// key missing from a request counts as unset), so that two requests for the same action on
/// the same resource can be told apart: `aws:SourceIp = 203.0.113.9` under one, `(not set)`
/// under the other.
pub(crate) fn distinguishing_context(
    es: &[crate::lesson::run::Expectation],
) -> Vec<Vec<(String, Option<String>)>> {
    use std::collections::BTreeSet;
    let value = context_value;
    let keys: BTreeSet<&String> = es.iter().flat_map(|e| e.request.context.keys()).collect();
    let differing: Vec<&String> = keys
        .into_iter()
        .filter(|k| {
            let mut seen = es.iter().map(|e| e.request.context.get(*k).map(value));
            let first = seen.next().flatten();
            seen.any(|x| x != first)
        })
        .collect();
    es.iter()
        .map(|e| {
            differing
                .iter()
                .map(|k| ((*k).clone(), e.request.context.get(*k).map(value)))
                .collect()
        })
        .collect()
}

/// The footer: the mode (normal or typing) as a badge, then the keys that matter on this
/// screen as many as fit whole, ending with the help key ("? more") when others exist.
fn footer_line(app: &App, width: u16) -> Line<'static> {
    use super::keymap::{Action, Context};
    use unicode_width::UnicodeWidthStr;
    let ctx = app.context();
    let rows = app.keymap.help_rows(ctx);
    // The footer's short form of a help row: one key (a letter when there is one) and the
    // help up to its first alternative ("answer / start typing" → "answer").
    let label = |a: Action| {
        rows.iter().find(|r| r.action == a).map(|r| {
            let keys: Vec<&str> = r.keys.split(" / ").collect();
            let key = keys
                .iter()
                .find(|k| k.chars().count() == 1 && k.chars().all(|c| c.is_ascii_alphabetic()))
                .or(keys.first())
                .copied()
                .unwrap_or_default();
            // Ctrl+S checks a policy, but submits where the step has an answer box.
            let answers = a == Action::Check
                && matches!(&app.screen, super::app::Screen::Lesson(ls)
                    if matches!(ls.ex, super::app::Exercise::Investigate { .. }));
            // Esc in a panel leaves an open detail first, and closes the panel only then.
            let leaves_detail = a == Action::Back
                && ctx == Context::Panel
                && app.panel.as_ref().is_some_and(|p| p.detail);
            let help = if answers {
                crate::msg::ui::Keys::SubmitAnswer.text(app.lang)
            } else if leaves_detail {
                crate::msg::ui::Keys::BackToList.text(app.lang)
            } else {
                r.help.text(app.lang)
            };
            let help = help.split(" / ").next().unwrap_or(help);
            let help = help.split(['(', '（']).next().unwrap_or(help).trim_end();
            format!("{key} {help}")
        })
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    if matches!(ctx, Context::Lesson | Context::Typing) {
        let badge = format!(
            " {} ",
            (if ctx == Context::Typing {
                Ui::ModeTyping
            } else {
                Ui::ModeNormal
            })
            .text(app.lang)
        );
        used += badge.width() + 1;
        let style = if ctx == Context::Typing {
            app.theme
                .warn
                .add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            app.theme.title.add_modifier(Modifier::REVERSED)
        };
        spans.push(Span::styled(badge, style));
        spans.push(Span::raw(" "));
    }
    let wanted = app.footer_actions();
    // While typing, `?` is text: the help is on F1 only.
    let more = if rows.iter().any(|r| r.action == Action::Help) {
        let key = if ctx == Context::Typing { "F1" } else { "?" };
        format!("{key} {}", Ui::FooterMore.text(app.lang))
    } else {
        String::new()
    };
    let sep = "  ·  ";
    let budget = usize::from(width).saturating_sub(used);
    let mut shown: Vec<String> = Vec::new();
    let mut total = 0usize;
    let mut left_out = rows.len() > wanted.len();
    for a in wanted {
        let Some(item) = label(a) else { continue };
        let add = item.width() + if shown.is_empty() { 0 } else { sep.width() };
        // Room is kept for the help key at the end.
        if total + add + sep.width() + more.width() > budget {
            left_out = true;
            break;
        }
        total += add;
        shown.push(item);
    }
    let mut text = shown.join(sep);
    if left_out && !more.is_empty() {
        if !text.is_empty() {
            text.push_str(sep);
        }
        text.push_str(&more);
    }
    spans.push(Span::styled(text, app.theme.dim));
    Line::from(spans)
}

/// Draws an exercise's prompt (Markdown) at the top of `area` in the rows it needs (lines
/// wrap), at least 2 and at most half of the area, and returns the rest for the editor or
/// console. A prompt that does not fit is never cut silently: its last row says that `v`
/// shows all of it, and with `expanded` it takes the whole area.
pub(crate) fn prompt_above(f: &mut Frame, app: &App, md: &str, area: Rect, expanded: bool) -> Rect {
    let text = markdown::render_width(md, &app.theme, usize::from(area.width));
    let max = if expanded {
        area.height
    } else {
        (area.height / 2).max(2)
    };
    // Expanded, one more row says how to go back.
    let extra = usize::from(expanded);
    let height = u16::try_from(text.len() + extra)
        .unwrap_or(u16::MAX)
        .clamp(2, max);
    let [prompt, work] = if expanded {
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area)
    } else {
        Layout::vertical([Constraint::Length(height), Constraint::Min(4)]).areas(area)
    };
    let rows = usize::from(prompt.height);
    let mut lines: Vec<Line<'static>> = text.into_iter().collect();
    let cut = lines.len() + extra > rows;
    if cut || expanded {
        let hint = if expanded {
            Ui::PromptLess
        } else {
            Ui::PromptMore
        };
        lines.truncate(if cut {
            rows.saturating_sub(1)
        } else {
            lines.len()
        });
        lines.push(Line::from(Span::styled(
            hint.text(app.lang).to_string(),
            app.theme.dim,
        )));
    }
    f.render_widget(Paragraph::new(lines), prompt);
    work
}

/// Notes where the rows of a bordered one-line-per-row list were drawn, for mouse clicks.
pub fn record_rows(app: &App, area: Rect, offset: usize, len: usize, target: fn(usize) -> Target) {
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    let mut hits = app.hits.borrow_mut();
    for (k, i) in (offset..len).enumerate() {
        let Ok(dy) = u16::try_from(k) else { break };
        if dy >= inner.height {
            break;
        }
        hits.push((Rect::new(inner.x, inner.y + dy, inner.width, 1), target(i)));
    }
}

/// Text for a pane `width` cells wide, wrapped with the one line breaker (`markdown::fit`).
pub fn wrapped<'a>(text: impl Into<Text<'a>>, width: u16) -> Text<'static> {
    Text::from(markdown::fit(text.into().lines, usize::from(width)))
}

/// The width inside a bordered block drawn over `area`.
pub fn inner(area: Rect) -> u16 {
    area.width.saturating_sub(2)
}

pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// `b` with "more below" on its bottom border when `rows` lines scrolled by `scroll` go on
/// past the `area` the block is drawn over, so that a reader never takes the pane's last
/// line for the end of the text.
pub(crate) fn more_below<'a>(
    app: &App,
    b: Block<'a>,
    rows: usize,
    scroll: u16,
    area: Rect,
) -> Block<'a> {
    let visible = usize::from(area.height.saturating_sub(2));
    if rows > usize::from(scroll) + visible {
        b.title_bottom(
            Line::from(Span::styled(Ui::MoreBelow.text(app.lang), app.theme.dim)).right_aligned(),
        )
    } else {
        b
    }
}

/// The scroll of a reading pane drawn over `area` with `rows` lines: notes the largest useful
/// scroll in `ls.scroll_limit` (so that `j` stops at the end and `G` goes there) and returns
/// the learner's scroll kept within it.
pub(crate) fn page_scroll(ls: &LessonState, rows: usize, area: Rect) -> u16 {
    let limit = u16::try_from(rows.saturating_sub(usize::from(area.height.saturating_sub(2))))
        .unwrap_or(u16::MAX);
    ls.scroll_limit.set(limit);
    ls.scroll.min(limit)
}

/// `b` with "more below" (no key: for a pane that does not scroll) on its bottom border when
/// `rows` lines do not fit the `area` the block is drawn over.
pub(crate) fn cut_below<'a>(app: &App, b: Block<'a>, rows: usize, area: Rect) -> Block<'a> {
    if rows > usize::from(area.height.saturating_sub(2)) {
        b.title_bottom(
            Line::from(Span::styled(
                Ui::PolicyMoreBelow.text(app.lang),
                app.theme.dim,
            ))
            .right_aligned(),
        )
    } else {
        b
    }
}

pub(crate) fn block<'a>(app: &App, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(title)
        .title_style(app.theme.title)
}

fn lesson_progress(app: &App, pack: &Pack, l: &Lesson) -> (usize, usize) {
    let ex: Vec<(usize, &crate::lesson::Step)> = l
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind() != StepKind::Read)
        .collect();
    let solved = ex
        .iter()
        .filter(|(i, s)| {
            app.solved
                .contains(&(pack.meta.id.clone(), l.id.clone(), step_key(s, *i)))
        })
        .count();
    (solved, ex.len())
}

fn home(f: &mut Frame, app: &App, area: Rect) {
    let [head, main] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
    let who = app
        .learner
        .as_ref()
        .map(|l| format!("{}: {}", Ui::HomeLearner.text(app.lang), l.name()))
        .unwrap_or_default();
    let mut title = vec![
        Span::styled(Ui::AppTitle.text(app.lang), app.theme.title),
        Span::raw("   "),
        Span::styled(who, app.theme.dim),
    ];
    if !app.status.is_empty() {
        title.push(Span::raw("   "));
        title.push(Span::styled(app.status.clone(), app.theme.warn));
    }
    let mut header = vec![Line::from(title)];
    if let Some(label) = &app.resume_label {
        // Too long for the row, the lesson's title is cut with `…`, never where the learner
        // is in it ("Step 8 of 10" after the last ` — `).
        let full = format!("{}: {label}", Ui::HomeContinue.text(app.lang));
        let room = usize::from(head.width).saturating_sub(3);
        let shown = match full.rsplit_once(" — ") {
            Some((lesson, at)) if crate::text::width(&full) > room => format!(
                "{} — {at}",
                crate::text::ellipsis(lesson, room.saturating_sub(crate::text::width(at) + 3))
            ),
            _ => crate::text::ellipsis(&full, room),
        };
        header.push(Line::from(vec![
            Span::styled("c  ", app.theme.code),
            Span::styled(shown, app.theme.dim),
        ]));
    }
    f.render_widget(
        Paragraph::new(header).block(
            Block::default()
                .borders(Borders::BOTTOM)
                .border_style(app.theme.border),
        ),
        head,
    );
    let [list_area, detail] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
    if app.rows.is_empty() {
        f.render_widget(Paragraph::new(Ui::HomeEmpty.text(app.lang)), list_area);
        return;
    }
    // The counts line up in one column at the right, the widest a count can be.
    let mark_cells = app
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Lesson(pi, li) => match app.packs.get(*pi)?.lessons.get(*li)? {
                LessonEntry::Ok { lesson, .. } => {
                    let (_, n) = lesson_progress(app, app.packs.get(*pi)?, lesson);
                    Some(crate::text::width(
                        &Ui::HomeCount
                            .text(app.lang)
                            .replace("{s}", &n.to_string())
                            .replace("{n}", &n.to_string()),
                    ))
                }
                LessonEntry::Broken { .. } => None,
            },
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = app
        .rows
        .iter()
        .map(|r| match r {
            Row::Pack(pi) => {
                // Rows are built from the packs, so the lookups below always succeed.
                let Some(p) = app.packs.get(*pi) else {
                    return ListItem::new("");
                };
                ListItem::new(Line::from(Span::styled(
                    tr(&p.meta.title, app, p).to_string(),
                    app.theme.title,
                )))
            }
            Row::Lesson(pi, li) => {
                let Some((p, entry)) = app
                    .packs
                    .get(*pi)
                    .and_then(|p| Some((p, p.lessons.get(*li)?)))
                else {
                    return ListItem::new("");
                };
                match entry {
                    LessonEntry::Ok { lesson, .. } => {
                        let done = app
                            .completed
                            .contains(&(p.meta.id.clone(), lesson.id.clone()));
                        let (s, n) = lesson_progress(app, p, lesson);
                        let mark = if done {
                            "✓".to_string()
                        } else {
                            Ui::HomeCount
                                .text(app.lang)
                                .replace("{s}", &s.to_string())
                                .replace("{n}", &n.to_string())
                        };
                        // The count stays in view: a long title is cut with an ellipsis.
                        let number = format!("  {:>2}. ", li + 1);
                        let mark = format!("  {}", crate::text::pad_left(&mark, mark_cells));
                        let room = usize::from(list_area.width.saturating_sub(2)).saturating_sub(
                            crate::text::width(&number) + crate::text::width(&mark),
                        );
                        let title = crate::text::ellipsis(tr(&lesson.title, app, p), room);
                        ListItem::new(Line::from(vec![
                            Span::raw(number),
                            Span::raw(crate::text::pad(&title, room)),
                            Span::styled(mark, if done { app.theme.ok } else { app.theme.dim }),
                        ]))
                    }
                    LessonEntry::Broken { file, .. } => ListItem::new(Line::from(vec![
                        Span::raw(format!("  {:>2}. {file} ", li + 1)),
                        Span::styled(
                            format!("({})", Ui::HomeBroken.text(app.lang)),
                            app.theme.bad,
                        ),
                    ])),
                }
            }
            Row::Broken(e) => ListItem::new(Line::from(Span::styled(
                format!("{}: {e}", Ui::HomeBroken.text(app.lang)),
                app.theme.bad,
            ))),
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.cursor));
    f.render_stateful_widget(
        List::new(items)
            .block(block(app, Ui::HomePacks.text(app.lang)))
            .highlight_style(app.theme.selected),
        list_area,
        &mut state,
    );
    record_rows(
        app,
        list_area,
        state.offset(),
        app.rows.len(),
        Target::HomeRow,
    );
    let selected = match app.rows.get(app.cursor) {
        Some(Row::Lesson(pi, li)) => app
            .packs
            .get(*pi)
            .and_then(|p| Some((p, p.lessons.get(*li)?))),
        _ => None,
    };
    let text = match selected {
        Some((p, entry)) => match entry {
            LessonEntry::Ok { lesson, .. } => {
                let (s, n) = lesson_progress(app, p, lesson);
                let mut lines = vec![
                    Line::from(Span::styled(
                        tr(&lesson.title, app, p).to_string(),
                        app.theme.title,
                    )),
                    Line::default(),
                    Line::from(tr(&lesson.summary, app, p).to_string()),
                    Line::default(),
                ];
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} · {}",
                        Ui::HomeMinutes
                            .text(app.lang)
                            .replace("{n}", &lesson.minutes.unwrap_or(0).to_string()),
                        Ui::HomeCount
                            .text(app.lang)
                            .replace("{s}", &s.to_string())
                            .replace("{n}", &n.to_string())
                    ),
                    app.theme.dim,
                )));
                Text::from(lines)
            }
            LessonEntry::Broken { error, .. } => {
                Text::from(Span::styled(error.to_string(), app.theme.bad))
            }
        },
        _ => Text::default(),
    };
    f.render_widget(
        Paragraph::new(wrapped(text, inner(detail))).block(block(app, "")),
        detail,
    );
}

/// The "Lesson complete" screen: the lesson's title and summary, the exercises solved, the
/// hints and solutions used, and the next lesson.
fn complete(f: &mut Frame, app: &App, done: &super::app::Finished, area: Rect) {
    let Some(p) = app.packs.get(done.pack) else {
        return;
    };
    let Some(l) = p.lesson(&done.lesson_id) else {
        return;
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!("✓ {}", tr(&l.title, app, p)),
            app.theme.ok,
        )),
        Line::default(),
        // The summary says what the lesson is about (often as a plan): labelled as such.
        Line::from(vec![
            Span::styled(
                format!("{} ", Ui::CompleteCovered.text(app.lang)),
                app.theme.dim,
            ),
            Span::raw(tr(&l.summary, app, p).to_string()),
        ]),
        Line::default(),
        Line::from(
            Ui::CompleteExercises
                .text(app.lang)
                .replace("{s}", &done.solved.to_string())
                .replace("{n}", &done.exercises.to_string()),
        ),
        Line::from(Span::styled(
            Ui::CompleteAids
                .text(app.lang)
                .replace("{h}", &done.hints.to_string())
                .replace("{k}", &done.solutions.to_string()),
            app.theme.dim,
        )),
        Line::default(),
    ];
    let next = done.next.as_ref().and_then(|(pi, id)| {
        let np = app.packs.get(*pi)?;
        Some(tr(&np.lesson(id)?.title, app, np).to_string())
    });
    lines.push(Line::from(Span::styled(
        match next {
            Some(title) => Ui::CompleteNext.text(app.lang).replace("{title}", &title),
            None => Ui::CompleteLast.text(app.lang).to_string(),
        },
        app.theme.title,
    )));
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(area)))
            .block(block(app, Ui::CompleteTitle.text(app.lang))),
        area,
    );
}

fn kind_label(k: StepKind) -> Ui {
    match k {
        StepKind::Read => Ui::KindRead,
        StepKind::Quiz => Ui::KindQuiz,
        StepKind::Predict => Ui::KindPredict,
        StepKind::Policy => Ui::KindPolicy,
        StepKind::Task => Ui::KindTask,
        StepKind::Investigate => Ui::KindInvestigate,
    }
}

fn lesson_screen(
    f: &mut Frame,
    app: &App,
    pack: &Pack,
    lesson: &Lesson,
    ls: &LessonState,
    area: Rect,
) {
    let Some(step) = lesson.steps.get(ls.step) else {
        return;
    };
    let [head, main, notes] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(notes_height(app, pack, step, ls, area.width)),
    ])
    .areas(area);
    let mark = if ls.solved && step.kind() != StepKind::Read {
        " ✓"
    } else {
        ""
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(tr(&lesson.title, app, pack).to_string(), app.theme.title),
            Span::styled(
                format!(
                    "  {} {} {} {}  [{}]{mark}",
                    Ui::LessonStep.text(app.lang),
                    ls.step + 1,
                    Ui::LessonOf.text(app.lang),
                    lesson.steps.len(),
                    kind_label(step.kind()).text(app.lang)
                ),
                app.theme.dim,
            ),
        ])),
        head,
    );
    match &ls.ex {
        Exercise::Read => super::exercise::read::draw(f, app, pack, step, ls, main),
        Exercise::Quiz { .. } => super::exercise::quiz::draw(f, app, pack, step, ls, main),
        Exercise::Predict { .. } => super::exercise::predict::draw(f, app, pack, step, ls, main),
        Exercise::Policy { .. } => super::exercise::policy::draw(f, app, pack, step, ls, main),
        Exercise::Task { .. } => super::exercise::task::draw(f, app, pack, step, ls, main),
        Exercise::Investigate { .. } => {
            super::exercise::investigate::draw(f, app, pack, step, ls, main)
        }
        Exercise::Broken(e) => {
            f.render_widget(
                Paragraph::new(wrapped(Span::styled(e.clone(), app.theme.bad), inner(main)))
                    .block(block(app, "")),
                main,
            );
        }
    }
    f.render_widget(
        Paragraph::new(notes_lines(app, pack, step, ls, notes.width)),
        notes,
    );
}

/// The console's title: the long label with who the learner acts as, or, when that does not
/// fit the pane, the short label, so that who they are is never the part cut off.
pub(crate) fn console_title(app: &App, width: u16, who: Option<&str>) -> String {
    let with = |label: &str| match who {
        Some(w) => format!("{label} — {}: {w}", Ui::TaskAs.text(app.lang)),
        None => label.to_string(),
    };
    let full = with(Ui::TaskConsole.text(app.lang));
    if crate::text::width(&full) + 2 <= usize::from(width) {
        full
    } else {
        with(Ui::TaskConsoleShort.text(app.lang))
    }
}

// A drawing helper: the arguments are the parts of one pane.
#[allow(clippy::too_many_arguments)]
pub(crate) fn console_pane(
    f: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    output: &[String],
    input: &super::line::LineEdit,
    focused: bool,
    account: &str,
    back: u16,
) {
    let inner_w = area.width.saturating_sub(2).max(1) as usize;
    let inner_h = area.height.saturating_sub(3) as usize;
    app.console_width.set(area.width.saturating_sub(2).max(1));
    // Long lines (error messages, JSON) wrap, so the pane shows the last screenful of wrapped
    // rows.
    let mut rows: Vec<(String, Style)> = Vec::new();
    for l in output {
        let style = if l.starts_with("$ ") {
            app.theme.code
        } else if l.starts_with("An error occurred")
            || l.starts_with("aws: error")
            || l.starts_with("aws: [ERROR]")
        {
            app.theme.bad
        } else {
            app.theme.text
        };
        // A table of `--output table` is cut at the pane's width, so that its rows stay
        // aligned; everything else wraps at words.
        let pieces = if l.starts_with('+') || l.starts_with('|') {
            crate::text::cut(l, inner_w)
        } else {
            crate::text::wrap_hanging(l, inner_w, crate::text::hang(l))
        };
        if pieces.is_empty() {
            // A blank line of the CLI's output (before an error, inside its usage block)
            // stays a blank row.
            rows.push((String::new(), style));
        }
        for piece in pieces {
            rows.push((piece, style));
        }
    }
    // `back` rows up from the end (PgUp), never past the first row.
    let back = usize::from(back).min(rows.len().saturating_sub(inner_h));
    let end = rows.len() - back;
    let start = end.saturating_sub(inner_h);
    let mut lines: Vec<Line> = rows
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .map(|(t, s)| Line::from(Span::styled(t.clone(), *s)))
        .collect();
    // The line being typed keeps its caret in view: a long line shows its end with `…`.
    let prefix = format!("{account} $ ");
    let (before, after) =
        input.view(inner_w.saturating_sub(unicode_width::UnicodeWidthStr::width(prefix.as_str())));
    lines.push(Line::from(vec![
        Span::styled(prefix, app.theme.dim),
        Span::raw(before),
        Span::raw(if focused { "▏" } else { "" }),
        Span::raw(after),
    ]));
    let style = if focused {
        app.theme.title
    } else {
        app.theme.border
    };
    let title = if back > 0 {
        format!("↑{back} (PgDn) · {title}")
    } else {
        title.to_string()
    };
    let mut b = block(app, title).border_style(style);
    // Output scrolled off the top is never hidden silently: the bottom border says how many
    // rows are above and which key shows them.
    if start > 0 {
        b = b.title_bottom(
            Line::from(Span::styled(
                Ui::TaskMoreAbove.fill(app.lang, &[("rows", &start)]),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    f.render_widget(Paragraph::new(lines).block(b), area);
}

/// The notes under an exercise (feedback, hints, the solution, the explanation), wrapped to
/// `width` cells.
fn notes_lines(
    app: &App,
    pack: &Pack,
    step: &crate::lesson::Step,
    ls: &LessonState,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // Feedback and hints are Markdown from the pack (or the catalog): code spans are styled,
    // never shown as backticks.
    if let Some(m) = &ls.message {
        let style = if m.ok { app.theme.ok } else { app.theme.warn };
        lines.extend(inline(&m.text, &app.theme, style, None));
    }
    for h in step.hints.iter().take(ls.hints) {
        let label = Span::styled(format!("{}: ", Ui::ExHint.text(app.lang)), app.theme.warn);
        lines.extend(inline(
            tr(h, app, pack),
            &app.theme,
            app.theme.text,
            Some(label),
        ));
    }
    if ls.solution_shown
        && let Some(s) = &step.solution
    {
        let text = match s {
            Solution::Commands(c) => c.join("  ;  "),
            Solution::Text(t) => t.lines().map(str::trim).collect::<Vec<_>>().join(" "),
            Solution::Choices(c) => c.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: ", Ui::ExSolution.text(app.lang)),
                app.theme.warn,
            ),
            Span::styled(text, app.theme.code),
        ]));
    }
    if ls.solved
        && let Some(e) = &step.explain
    {
        lines.push(Line::from(Span::styled(
            format!("{}:", Ui::ExExplain.text(app.lang)),
            app.theme.ok,
        )));
        lines.extend(markdown::render(tr(e, app, pack), &app.theme));
    }
    markdown::fit(lines, usize::from(width))
}

/// The rows the notes take (all their wrapped lines, at most 12).
fn notes_height(
    app: &App,
    pack: &Pack,
    step: &crate::lesson::Step,
    ls: &LessonState,
    width: u16,
) -> u16 {
    let n = notes_lines(app, pack, step, ls, width).len();
    u16::try_from(n).unwrap_or(u16::MAX).min(12)
}

/// `md` rendered as Markdown in `style`, one paragraph per line, the first line led by `label`.
pub(crate) fn inline(
    md: &str,
    theme: &crate::tui::theme::Theme,
    style: ratatui::style::Style,
    label: Option<Span<'static>>,
) -> Vec<Line<'static>> {
    let mut lines = markdown::render_in(md, theme, usize::MAX, style);
    lines.retain(|l| !l.spans.iter().all(|s| s.content.trim().is_empty()));
    if let (Some(label), Some(first)) = (label, lines.first_mut()) {
        first.spans.insert(0, label);
    }
    lines
}

/// A text for a one-line place: line breaks and Markdown marks become plain text.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("**", "")
        .replace('`', "")
}

/// The editing keys of every line input, the console and the policy editor while typing:
/// fixed (not in `keys.yaml`), so listed beside the keymap's rows.
const EDIT_KEYS: &[(&str, crate::msg::ui::Keys)] = &[
    ("Enter", crate::msg::ui::Keys::HelpEditEnter),
    ("Ctrl+A / Ctrl+E", crate::msg::ui::Keys::HelpEditHomeEnd),
    ("Alt+B / Alt+F", crate::msg::ui::Keys::HelpEditWords),
    ("Ctrl+U / Ctrl+K", crate::msg::ui::Keys::HelpEditKill),
    ("Ctrl+W", crate::msg::ui::Keys::HelpEditWord),
];

fn help(f: &mut Frame, app: &App, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let rows = app.keymap.help_rows(app.context());
    let mut pairs: Vec<(String, &str)> = rows
        .iter()
        .map(|b| (b.keys.clone(), b.help.text(app.lang)))
        .collect();
    if app.context() == crate::tui::keymap::Context::Typing {
        pairs.extend(
            EDIT_KEYS
                .iter()
                .map(|(k, h)| ((*k).to_string(), h.text(app.lang))),
        );
    }
    // The key column is as wide as its widest keys, so that no key runs into its text.
    let key_width = pairs.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let mut lines: Vec<Line> = pairs
        .iter()
        .map(|(keys, help)| {
            let pad = " ".repeat(key_width.saturating_sub(keys.width()));
            Line::from(vec![
                Span::styled(format!("  {keys}{pad}"), app.theme.code),
                Span::raw(help.to_string()),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Ui::HelpKeys.text(app.lang),
        app.theme.dim,
    )));
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(widest + 2)
        .unwrap_or(u16::MAX)
        .max(40)
        .min(area.width.saturating_sub(2));
    // A line wider than the overlay (a long sentence, on a narrow screen) wraps inside it.
    let lines = markdown::fit(lines, usize::from(width.saturating_sub(2)));
    let r = centered(
        area,
        width,
        u16::try_from(lines.len() + 3)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(1)),
    );
    // What does not fit scrolls; the last line always says how to scroll and close.
    let inner = usize::from(r.height.saturating_sub(3));
    let top = usize::from(app.help_scroll).min(lines.len().saturating_sub(inner));
    let more_below = top + inner < lines.len();
    let mut close = Ui::HelpClose.text(app.lang).to_string();
    if more_below {
        close = format!("▼ {close}");
    }
    // Rows scrolled off the top are announced too.
    if top > 0 {
        close = format!("▲ {close}");
    }
    let shown: Vec<Line> = lines.into_iter().skip(top).take(inner).collect();
    // One column more is cleared on each side, so that no wide character of the screen below
    // is cut in half by the overlay's border.
    let x = r.x.saturating_sub(1).max(area.x);
    let right = (r.x + r.width + 1).min(area.x + area.width);
    f.render_widget(
        Clear,
        Rect {
            x,
            width: right.saturating_sub(x),
            ..r
        },
    );
    let [body, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)])
        .areas(block(app, "").inner(r));
    f.render_widget(block(app, Ui::HelpTitle.text(app.lang)), r);
    f.render_widget(Paragraph::new(shown).style(Style::default()), body);
    f.render_widget(Paragraph::new(close).style(app.theme.dim), foot);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Outcome;
    use crate::lesson::model::ExpectRequest;
    use crate::lesson::run::Expectation;

    fn expect(context: &[(&str, &str)]) -> Expectation {
        Expectation {
            request: ExpectRequest {
                action: "s3:PutObject".into(),
                resource: "arn:aws:s3:::b/2026-04-001.pdf".into(),
                context: context
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_yaml::Value::String(v.to_string())))
                    .collect(),
            },
            want_allow: true,
            got: Outcome::Allowed,
            trace: None,
            miss: None,
        }
    }

    #[test]
    fn requests_are_told_apart_by_the_context_keys_that_differ() {
        let es = [
            expect(&[
                ("aws:SourceIp", "203.0.113.9"),
                ("aws:SecureTransport", "true"),
            ]),
            expect(&[
                ("aws:SourceIp", "198.51.100.7"),
                ("aws:SecureTransport", "true"),
            ]),
            expect(&[("aws:SecureTransport", "true")]),
        ];
        let got = distinguishing_context(&es);
        let ip = |v: Option<&str>| vec![("aws:SourceIp".to_string(), v.map(str::to_string))];
        // The key all three share with one value tells nothing apart and is left out.
        assert_eq!(
            got,
            vec![ip(Some("203.0.113.9")), ip(Some("198.51.100.7")), ip(None)]
        );
        assert_eq!(distinguishing_context(&es[2..]), vec![Vec::new()]);
    }
}
