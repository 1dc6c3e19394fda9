//! The prediction: a request and its scenario; the learner predicts IAM's decision, and
//! IAM's answer (with its explanation) stays hidden until the prediction is right or shown.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Predict`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::markdown;
use crate::tui::view::{block, inner, wrapped};

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Predict {
        cursor, revealed, ..
    } = &ls.ex
    else {
        return;
    };
    let Some(p) = step.predict() else { return };
    // The question is Markdown like every lesson text (code spans, emphasis).
    let question = p
        .question
        .as_ref()
        .map(|q| tr(q, app, pack))
        .unwrap_or(Ui::PredictQuestion.text(app.lang));
    let mut lines = markdown::render_width(question, &app.theme, usize::from(inner(main)));
    lines.push(Line::default());
    let r = &p.request;
    let rows = [
        (Ui::RequestPrincipal, r.principal.as_str()),
        (Ui::RequestAction, r.action.as_str()),
        (Ui::RequestResource, r.resource.as_str()),
    ];
    // The labels' column is as wide as the widest label in the learner's language.
    let label_width = rows
        .iter()
        .map(|(k, _)| *k)
        .chain([Ui::RequestContext])
        .map(|k| crate::text::width(k.text(app.lang)))
        .max()
        .unwrap_or(0)
        + 1;
    let label = |k: Ui| format!("  {}", crate::text::pad(k.text(app.lang), label_width));
    for (k, v) in rows {
        lines.push(Line::from(vec![
            Span::styled(label(k), app.theme.dim),
            Span::styled(v.to_string(), app.theme.code),
        ]));
    }
    for (k, v) in &r.context {
        lines.push(Line::from(vec![
            Span::styled(label(Ui::RequestContext), app.theme.dim),
            Span::styled(
                format!(
                    "{k} = {}",
                    serde_yaml::to_string(v).unwrap_or_default().trim()
                ),
                app.theme.code,
            ),
        ]));
    }
    lines.push(Line::default());
    let labels = [
        Ui::PredictAllowed.text(app.lang),
        Ui::PredictExplicit.text(app.lang),
        Ui::PredictImplicit.text(app.lang),
    ];
    for (i, l) in labels.iter().enumerate() {
        let style = if i == *cursor {
            app.theme.selected
        } else {
            app.theme.text
        };
        lines.push(Line::from(Span::styled(
            format!("  {} {l}", if i == *cursor { "▶" } else { " " }),
            style,
        )));
    }
    if let Some((d, trace)) = revealed {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(
                "{}: {}",
                Ui::PredictEvaluator.text(app.lang),
                d.outcome.as_str()
            ),
            app.theme.title,
        )));
        lines.push(Line::from(Span::styled(
            Ui::PredictFlowchart.text(app.lang),
            app.theme.dim,
        )));
        lines.extend(
            trace
                .render(app.lang)
                .lines()
                .map(|l| Line::from(Span::styled(l.to_string(), app.theme.code))),
        );
    }
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(main)))
            .scroll((ls.scroll, 0))
            .block(block(app, "")),
        main,
    );
}
