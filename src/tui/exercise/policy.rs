//! The policy exercise: a JSON editor, live validate-policy findings and the expected
//! requests re-evaluated on every edit; Ctrl+S records the attempt.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Policy`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::view::{block, distinguishing_context, inner, prompt_above, wrapped};

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Policy { editor, report, .. } = &ls.ex else {
        return;
    };
    let Some(p) = step.policy() else { return };
    let work = prompt_above(f, app, tr(&p.prompt, app, pack), main, ls.prompt_full);
    let [ed, side] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(work);
    // The editor's text, coloured as JSON, numbered, with findings in the margin;
    // scrolled so that the cursor stays in view.
    let marks: Vec<(u32, bool)> = report
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .map(|(ty, _, line, _)| (*line, ty == "ERROR"))
        })
        .collect();
    let cur = editor.cursor();
    // Long lines scroll sideways so that the cursor never leaves the view.
    let text_w = usize::from(ed.width.saturating_sub(2))
        .saturating_sub(crate::tui::editor::gutter(editor.lines().len()));
    let left = crate::tui::editor::left_column(cur.1, text_w);
    let text = crate::tui::editor::render(
        editor.lines(),
        (cur.0, cur.1),
        ls.typing,
        &marks,
        &app.theme,
        left,
    );
    let inner_h = usize::from(ed.height.saturating_sub(2)).max(1);
    let top = cur.0.saturating_sub(inner_h - 1);
    f.render_widget(
        Paragraph::new(text)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(
                block(app, Ui::PolicyEditor.text(app.lang)).border_style(if ls.typing {
                    app.theme.title
                } else {
                    app.theme.border
                }),
            ),
        ed,
    );
    let mut lines = vec![Line::from(Span::styled(
        Ui::PolicyFindings.text(app.lang),
        app.theme.title,
    ))];
    match report {
        None => lines.push(Line::from(Span::styled("Ctrl+S", app.theme.dim))),
        Some(r) => {
            if let Some(e) = &r.error {
                lines.push(Line::from(Span::styled(e.clone(), app.theme.bad)));
            }
            if r.findings.is_empty() && r.error.is_none() {
                lines.push(Line::from(Span::styled(
                    Ui::PolicyNone.text(app.lang),
                    app.theme.ok,
                )));
            }
            for (ty, code, line, det) in &r.findings {
                let style = if ty == "ERROR" {
                    app.theme.bad
                } else {
                    app.theme.warn
                };
                let at = crate::msg::validate::Validate::AtLine;
                lines.push(Line::from(Span::styled(
                    format!("{ty} {code} ({})", at.fill(app.lang, &[("line", line)])),
                    style,
                )));
                lines.push(Line::from(format!("  {}", det.text(app.lang))));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                Ui::PolicyExpect.text(app.lang),
                app.theme.title,
            )));
            let context = distinguishing_context(&r.expectations);
            for (e, ctx) in r.expectations.iter().zip(context) {
                let want = (if e.want_allow {
                    Ui::PolicyShouldAllow
                } else {
                    Ui::PolicyShouldDeny
                })
                .text(app.lang);
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} {} {} — {want} ({})",
                        if e.ok() { "✓" } else { "✗" },
                        e.request.action,
                        e.request.resource,
                        e.got.as_str()
                    ),
                    if e.ok() { app.theme.ok } else { app.theme.bad },
                )));
                // What tells this request apart from the others: its context keys.
                for (k, v) in ctx {
                    let v = v.unwrap_or_else(|| Ui::PolicyCtxUnset.text(app.lang).to_string());
                    lines.push(Line::from(Span::styled(
                        format!("    {k} = {v}"),
                        app.theme.dim,
                    )));
                }
            }
        }
    }
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(side))).block(block(app, "")),
        side,
    );
}
