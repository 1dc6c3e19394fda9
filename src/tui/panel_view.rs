//! Drawing the panels of `panel`: a list on the left, the detail of the selected row on the
//! right; the decision explainer draws AWS's evaluation flowchart with the request's path lit;
//! `glossary` draws the glossary.

mod glossary;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::app::App;
use super::panel::{Body, EntityKind, Kind, Panel, SETTINGS_ROWS};
use super::view::{inner, wrapped};
use crate::account::DecisionTrace;
use crate::eval::{Answer, Gate, Outcome};
use crate::msg::Message;
use crate::msg::panel::PanelText;
use crate::msg::progress::Progress as ProgressMsg;

fn block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            app.theme.title
        } else {
            app.theme.border
        })
        .title(title)
        .title_style(app.theme.title)
}

/// Draws the open panel over `area`.
pub fn draw(f: &mut Frame, app: &App, p: &Panel, area: Rect) {
    let title = match p.kind {
        Kind::Explain => PanelText::DecisionExplainer.text(app.lang),
        Kind::Findings => PanelText::AuditFindings.text(app.lang),
        Kind::Account => PanelText::AccountExplorer.text(app.lang),
        Kind::Progress => ProgressMsg::PanelTitle.text(app.lang),
        Kind::Settings => PanelText::Settings.text(app.lang),
        Kind::Glossary => crate::msg::glossary::Glossary::Title.text(app.lang),
    };
    let empty = |f: &mut Frame, text: &str| {
        f.render_widget(
            Paragraph::new(wrapped(text.to_string(), inner(area)))
                .style(app.theme.dim)
                .block(block(app, title, true)),
            area,
        );
    };
    match &p.body {
        Body::Explain(None) => empty(f, PanelText::NothingToExplainYet.text(app.lang)),
        Body::Explain(Some(t)) => explain(f, app, p, t, area, title),
        Body::Findings(None) | Body::Account(None) => {
            empty(f, PanelText::ThisPanelShowsThe.text(app.lang))
        }
        Body::Findings(Some(fs)) => findings(f, app, p, fs, area, title),
        Body::Account(Some(_)) => account(f, app, p, area, title),
        Body::Progress(None) => empty(f, ProgressMsg::PanelNotSaving.text(app.lang)),
        Body::Progress(Some(_)) => progress(f, app, p, area, title),
        Body::Settings(learners) => settings(f, app, p, learners, area, title),
        Body::Glossary(g) => glossary::draw(f, app, p, g, area),
    }
}

fn split(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
}

fn list<'a>(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    items: Vec<ListItem<'a>>,
    title: impl Into<Line<'a>>,
    area: Rect,
) {
    let one_line = items.iter().all(|i| i.height() == 1);
    let len = items.len();
    let mut state = ListState::default().with_selected(Some(p.cursor));
    f.render_stateful_widget(
        List::new(items)
            .block(block(app, title, !p.detail))
            .highlight_style(app.theme.selected)
            .highlight_symbol("▶ "),
        area,
        &mut state,
    );
    if one_line {
        super::view::record_rows(app, area, state.offset(), len, super::app::Target::PanelRow);
    }
}

fn detail<'a>(f: &mut Frame, app: &App, p: &Panel, text: Text<'a>, title: &'a str, area: Rect) {
    f.render_widget(
        Paragraph::new(wrapped(text, inner(area)))
            .scroll((p.scroll, 0))
            .block(block(app, title, p.detail)),
        area,
    );
}

fn gate_text(app: &App, g: Gate) -> &'static str {
    g.question(app.lang)
}

fn outcome_style(app: &App, o: Outcome) -> Style {
    if o == Outcome::Allowed {
        app.theme.ok
    } else {
        app.theme.bad
    }
}

/// The flowchart: one box per gate, the path of this request lit, the exit drawn as an arrow.
pub fn flowchart_lines(app: &App, t: &DecisionTrace) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let r = &t.request;
    lines.push(Line::from(vec![
        Span::styled(PanelText::Request.text(app.lang), app.theme.title),
        Span::raw(format!("{} → {}", r.principal, r.action)),
    ]));
    lines.push(Line::from(Span::styled(
        format!("         {}", r.resource),
        app.theme.dim,
    )));
    let flow = t.explanation.flow();
    if flow.iter().all(|s| s.answer == Answer::NotReached) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            crate::eval::explain::PathStep::AlwaysAllowed.text(app.lang),
            app.theme.ok,
        )));
        return lines;
    }
    let width = flow
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(gate_text(app, s.gate)))
        .max()
        .unwrap_or(20)
        + 6;
    for (i, s) in flow.iter().enumerate() {
        let on_path = !matches!(s.answer, Answer::NotReached);
        let style = if on_path {
            app.theme.text.add_modifier(Modifier::BOLD)
        } else {
            app.theme.dim
        };
        let border = if s.exit.is_some() {
            s.exit.map_or(app.theme.border, |o| outcome_style(app, o))
        } else if on_path {
            app.theme.title
        } else {
            app.theme.dim
        };
        let q = gate_text(app, s.gate);
        let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(q) + 4);
        let answer = s.answer.label(app.lang);
        let mut spans = vec![
            Span::styled(format!("{} ", if on_path { "┃" } else { "│" }), border),
            Span::styled(format!("{} {q}", i + 1), style),
            Span::raw(" ".repeat(pad)),
            Span::styled(if on_path { "┃ " } else { "│ " }, border),
            Span::styled(answer.to_string(), style),
        ];
        if let Some(o) = s.exit {
            spans.push(Span::styled(
                format!("  ━━▶ {}", o.as_str()),
                outcome_style(app, o).add_modifier(Modifier::BOLD),
            ));
        }
        lines.push(Line::from(spans));
        let last = i + 1 == flow.len();
        if !last {
            let next_on_path = s.exit.is_none() && on_path;
            lines.push(Line::from(Span::styled(
                if next_on_path { "  ┃" } else { "  ┆" },
                if next_on_path {
                    app.theme.title
                } else {
                    app.theme.dim
                },
            )));
        }
    }
    let d = &t.explanation.decision;
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(PanelText::Decision.text(app.lang), app.theme.title),
        Span::styled(
            d.outcome.as_str().to_string(),
            outcome_style(app, d.outcome).add_modifier(Modifier::BOLD),
        ),
    ]));
    if !d.missing_context.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}",
                PanelText::MissingContextKeys.text(app.lang),
                d.missing_context.join(", ")
            ),
            app.theme.warn,
        )));
    }
    lines
}

fn explain(f: &mut Frame, app: &App, p: &Panel, t: &DecisionTrace, area: Rect, title: &str) {
    // The chart is a drawing: it is cut, not wrapped, and gets the width it needs.
    let chart = flowchart_lines(app, t);
    let [left, right] = if area.width >= 110 {
        // The chart gets the width its widest line needs; the statements get the rest.
        let need = chart.iter().map(Line::width).max().unwrap_or(0) + 2;
        let w = u16::try_from(need).unwrap_or(74).min(area.width / 2 + 20);
        Layout::horizontal([Constraint::Length(w), Constraint::Min(20)]).areas(area)
    } else {
        let h = (chart.len() as u16 + 2).min(area.height.saturating_sub(6));
        Layout::vertical([Constraint::Length(h), Constraint::Min(4)]).areas(area)
    };
    f.render_widget(Paragraph::new(chart).block(block(app, title, false)), left);
    if t.explanation.statements.is_empty() {
        f.render_widget(
            Paragraph::new(wrapped(
                PanelText::NoStatementOfAny.text(app.lang),
                inner(right),
            ))
            .style(app.theme.dim)
            .block(block(
                app,
                PanelText::StatementsLookedAt.text(app.lang),
                true,
            )),
            right,
        );
        return;
    }
    // Enter on a statement: its policy, with the statement lit.
    if p.detail
        && let Some(st) = t.explanation.statements.get(p.cursor)
        && let Some(policy) = t.policy(&st.policy_id)
    {
        let (from, to) = policy
            .statements
            .get(st.index)
            .map_or((st.line, st.line), |s| (s.start.line, s.end.line));
        // Each policy line wraps on its own under the gutter, so that wrapped rows keep the
        // margin (blank number, the same mark) and the text column stays aligned.
        let digits = policy.text.lines().count().to_string().len().max(4);
        let text_w = usize::from(inner(right)).saturating_sub(digits + 2).max(8);
        let mut lines: Vec<Line> = Vec::new();
        let mut top_row = 0usize;
        for (i, text) in policy.text.lines().enumerate() {
            let n = i as u32 + 1;
            let lit = (from..=to).contains(&n);
            let style = match (lit, st.applies, st.effect) {
                (false, _, _) => app.theme.dim,
                (true, true, "Deny") => app.theme.bad,
                (true, true, _) => app.theme.ok,
                (true, false, _) => app.theme.text,
            };
            if n + 2 == from {
                top_row = lines.len();
            }
            let mark = if lit { "▌" } else { " " };
            let pieces = crate::text::cut(text, text_w);
            for (k, piece) in pieces.iter().enumerate() {
                let gutter = if k == 0 {
                    format!("{n:>digits$} {mark}")
                } else {
                    format!("{:>digits$} {mark}", "")
                };
                lines.push(Line::from(vec![
                    Span::styled(gutter, app.theme.dim),
                    Span::styled(piece.clone(), style),
                ]));
            }
            if pieces.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("{n:>digits$} {mark}"),
                    app.theme.dim,
                )));
            }
        }
        let top = u16::try_from(top_row).unwrap_or(0);
        f.render_widget(
            Paragraph::new(lines)
                .scroll((top.saturating_add(p.scroll), 0))
                .block(block(
                    app,
                    format!(" {} — {} ", st.policy_id, st.verdict.text(app.lang)),
                    true,
                )),
            right,
        );
        return;
    }
    let items: Vec<ListItem> = t
        .explanation
        .statements
        .iter()
        .map(|s| {
            let mark = if s.applies { "✔" } else { "·" };
            let sid = s
                .sid
                .as_deref()
                .map(|x| format!(" {x}"))
                .unwrap_or_default();
            let style = if !s.applies {
                app.theme.dim
            } else if s.effect == "Deny" {
                app.theme.bad
            } else {
                app.theme.ok
            };
            // The facts wrap inside the pane (under a 3-column indent) instead of being cut:
            // the whole line number and the whole reason are what the learner came for.
            let width = usize::from(right.width.saturating_sub(2 + 2 + 3)).max(10);
            let mut lines = vec![Line::from(Span::styled(
                format!("{mark} {} #{}{sid}", s.policy_id, s.index),
                style,
            ))];
            for fact in [
                format!(
                    "{} · {} · {} {}",
                    s.kind.name(app.lang),
                    s.effect,
                    PanelText::Line.text(app.lang),
                    s.line
                ),
                s.verdict.text(app.lang),
            ] {
                for piece in crate::text::wrap(&fact, width) {
                    lines.push(Line::from(Span::styled(
                        format!("   {piece}"),
                        app.theme.dim,
                    )));
                }
            }
            ListItem::new(lines)
        })
        .collect();
    list(
        f,
        app,
        p,
        items,
        PanelText::StatementsLookedAt.text(app.lang),
        right,
    );
}

fn findings(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    fs: &[crate::audit::controls::Finding],
    area: Rect,
    title: &str,
) {
    if fs.is_empty() {
        f.render_widget(
            Paragraph::new(PanelText::NoFindingsThisAccount.text(app.lang))
                .style(app.theme.ok)
                .block(block(app, title, true)),
            area,
        );
        return;
    }
    let [left, right] = split(area);
    let items: Vec<ListItem> = fs
        .iter()
        .map(|x| {
            let sev = format!("{:?}", x.severity).to_uppercase();
            let style = match sev.as_str() {
                "CRITICAL" | "HIGH" => app.theme.bad,
                "MEDIUM" => app.theme.warn,
                _ => app.theme.dim,
            };
            // Rows that cannot show the whole title end in `…`, so that they can be told
            // apart; the detail pane shows it whole.
            let room = usize::from(left.width.saturating_sub(2)).saturating_sub(2 + 9 + 12);
            ListItem::new(Line::from(vec![
                Span::styled(format!("{sev:<8} "), style),
                Span::styled(format!("{:<11} ", x.control), app.theme.title),
                Span::raw(crate::text::ellipsis(x.title(app.lang), room)),
            ]))
        })
        .collect();
    list(f, app, p, items, format!("{title}({}) ", fs.len()), left);
    if let Some(x) = fs.get(p.cursor) {
        let mut lines = vec![
            Line::from(Span::styled(x.title(app.lang), app.theme.title)),
            Line::from(Span::styled(
                format!(
                    "{} · {}{}",
                    x.control,
                    x.resource,
                    x.cis
                        .as_deref()
                        .map(|c| format!(" · {c}"))
                        .unwrap_or_default()
                ),
                app.theme.dim,
            )),
            Line::default(),
            Line::from(Span::styled(
                PanelText::Evidence.text(app.lang),
                app.theme.title,
            )),
            Line::from(x.evidence.render(app.lang)),
            Line::default(),
            Line::from(Span::styled(PanelText::Fix.text(app.lang), app.theme.title)),
        ];
        lines.extend(
            x.fix
                .iter()
                .map(|c| Line::from(Span::styled(c.render(app.lang), app.theme.code))),
        );
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            x.learn_more.clone(),
            app.theme.dim,
        )));
        detail(
            f,
            app,
            p,
            Text::from(lines),
            PanelText::Detail.text(app.lang),
            right,
        );
    }
}

fn account(f: &mut Frame, app: &App, p: &Panel, area: Rect, title: &str) {
    let Body::Account(Some(tree)) = &p.body else {
        return;
    };
    let [left, right] = split(area);
    let items: Vec<ListItem> = tree
        .rows
        .iter()
        .map(|e| {
            let style = match e.kind {
                EntityKind::Heading => app.theme.title,
                EntityKind::Principal => app.theme.text.add_modifier(Modifier::BOLD),
                EntityKind::Document => app.theme.code,
                EntityKind::Link | EntityKind::Fact => app.theme.dim,
            };
            ListItem::new(Line::from(Span::styled(
                format!("{}{}", "  ".repeat(usize::from(e.depth)), e.label),
                style,
            )))
        })
        .collect();
    list(f, app, p, items, title, left);
    let row = tree.rows.get(p.cursor);
    let text: Text = match row {
        Some(e) if e.document.is_some() => Text::from(
            e.document
                .as_deref()
                .unwrap_or_default()
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    Line::from(vec![
                        Span::styled(format!("{:>3} ", i + 1), app.theme.dim),
                        Span::styled(line.to_string(), app.theme.code),
                    ])
                })
                .collect::<Vec<_>>(),
        ),
        Some(e) if e.identity.is_some() => match &tree.summary {
            Some((at, Ok(by))) if *at == p.cursor => {
                let total: usize = by.values().flat_map(|m| m.values()).map(Vec::len).sum();
                let head = PanelText::ActionsInServices
                    .fill(app.lang, &[("total", &total), ("services", &by.len())]);
                let mut lines = vec![Line::from(Span::styled(head, app.theme.title))];
                for (svc, levels) in by {
                    let summary: Vec<String> = levels
                        .iter()
                        .map(|(lv, acts)| format!("{lv} {}", acts.len()))
                        .collect();
                    lines.push(Line::from(vec![
                        Span::styled(format!("{svc:<20} "), app.theme.code),
                        Span::raw(summary.join(", ")),
                    ]));
                }
                Text::from(lines)
            }
            Some((at, Err(e))) if *at == p.cursor => Text::from(e.clone()),
            _ => Text::from(Span::styled(
                PanelText::PressEnterForThis.text(app.lang),
                app.theme.dim,
            )),
        },
        _ => Text::default(),
    };
    detail(f, app, p, text, PanelText::Detail.text(app.lang), right);
}

fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(width - filled.min(width))
    )
}

fn progress(f: &mut Frame, app: &App, p: &Panel, area: Rect, title: &str) {
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
                    super::app::step_key(s, i),
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
    let cat = super::panel::catalog(&app.packs, lang);
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
                ("attempts", &pk.attempts),
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
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(text_area))).block(block(app, title, false)),
        text_area,
    );
    if chart_h > 0 {
        let bars: Vec<ratatui::widgets::Bar> = d
            .lessons
            .iter()
            .take(usize::from(chart_area.width.saturating_sub(2) / 4).max(1))
            .enumerate()
            .map(|(i, x)| {
                let label = format!("L{}", i + 1);
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
    let items: Vec<ListItem> = d
        .lessons
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let done = if x.completed.is_some() { "✔" } else { " " };
            let exercises = cat.exercises(&x.pack, &x.lesson);
            let of = exercises.map_or_else(|| "?".to_string(), |n| n.to_string());
            let figures = P::PanelLesson.fill(
                lang,
                &[
                    ("solved", &x.steps_solved),
                    ("of", &of),
                    ("correct", &x.correct),
                    ("attempts", &x.attempts),
                    (
                        "hints",
                        &count(lang, x.hints_used, P::HintsOne, P::HintsMany),
                    ),
                    ("time", &duration(x.time_spent_ms, lang)),
                ],
            );
            ListItem::new(Line::from(vec![
                Span::styled(format!("L{} {done} ", i + 1), app.theme.ok),
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
            ]))
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

fn settings(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    learners: &[crate::progress::LearnerName],
    area: Rect,
    title: &str,
) {
    let learner = app
        .learner
        .as_ref()
        .map(|x| x.name().to_string())
        .unwrap_or_else(|| "-".into());
    let rows: [(&str, String); SETTINGS_ROWS] = [
        (
            PanelText::Language.text(app.lang),
            app.lang.autonym().into(),
        ),
        (PanelText::Theme.text(app.lang), app.theme.name.to_string()),
        (
            PanelText::Learner.text(app.lang),
            format!(
                "{learner}  ({} {})",
                learners.len(),
                PanelText::ProfileSOnThis.text(app.lang)
            ),
        ),
        (
            PanelText::NewLearner.text(app.lang),
            match &p.input {
                Some(buf) => format!("{buf}▏  (Enter / Esc)"),
                None => PanelText::EnterThenTypeA.text(app.lang).to_string(),
            },
        ),
    ];
    // The labels' column is as wide as the widest label, in display cells, and two more.
    let kw = rows
        .iter()
        .map(|(k, _)| crate::text::width(k))
        .max()
        .unwrap_or(0)
        + 2;
    let items: Vec<ListItem> = rows
        .iter()
        .map(|(k, v)| {
            ListItem::new(Line::from(vec![
                Span::styled(crate::text::pad(k, kw), app.theme.title),
                Span::raw(v.clone()),
            ]))
        })
        .collect();
    let [top, bottom] = Layout::vertical([Constraint::Length(6), Constraint::Min(3)]).areas(area);
    list(f, app, p, items, title, top);
    let [status, bottom] = Layout::vertical([
        Constraint::Length(if app.status.is_empty() { 0 } else { 2 }),
        Constraint::Min(1),
    ])
    .areas(bottom);
    f.render_widget(
        Paragraph::new(wrapped(app.status.clone(), status.width)).style(app.theme.warn),
        status,
    );
    f.render_widget(
        Paragraph::new(wrapped(
            PanelText::EnterChangesTheSelected.text(app.lang),
            bottom.width,
        ))
        .style(app.theme.dim),
        bottom,
    );
}
