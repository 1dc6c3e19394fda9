//! The decision explainer: AWS's evaluation flowchart with one request's path lit, the
//! statements that matched (or did not) and why, each with its policy's lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use super::{Panel, block, list};
use crate::account::DecisionTrace;
use crate::eval::{Answer, Gate, Outcome};
use crate::msg::Message;
use crate::msg::panel::PanelText;
use crate::tui::app::App;
use crate::tui::view::{inner, wrapped};

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

pub(super) fn draw(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    t: &DecisionTrace,
    area: Rect,
    title: &str,
) {
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
        // The statement's lines start the pane (when the policy goes on that far); the
        // learner scrolls on from there, down to the policy's last line, which a mark below
        // says is still to come.
        let rows = lines.len();
        let visible = usize::from(right.height.saturating_sub(2));
        let top_row = top_row.min(rows.saturating_sub(visible));
        let max = super::note_rows(p, rows, top_row, right);
        let scroll = u16::try_from(top_row)
            .unwrap_or(u16::MAX)
            .saturating_add(p.scroll.min(max));
        let b = block(
            app,
            format!(" {} — {} ", st.policy_id, st.verdict.text(app.lang)),
            true,
        );
        f.render_widget(
            Paragraph::new(lines)
                .scroll((scroll, 0))
                .block(crate::tui::view::more_below(app, b, rows, scroll, right)),
            right,
        );
        return;
    }
    let items: Vec<Text> = t
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
            Text::from(lines)
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
