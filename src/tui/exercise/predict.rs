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
use crate::tui::view::{block, inner, more_below, wrapped};

use crate::eval::Outcome;
use crate::lesson::Lesson;
use crate::lesson::run;
use crate::tui::effect::Effect;

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
    let principal = r.principal.to_string();
    let rows = [
        (Ui::RequestPrincipal, principal.as_str()),
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
    // A result longer than the pane says so on its bottom border, as a reading does.
    let text = wrapped(lines, inner(main));
    let rows = text.lines.len();
    let scroll = crate::tui::view::page_scroll(ls, rows, main);
    f.render_widget(
        Paragraph::new(text).scroll((scroll, 0)).block(more_below(
            app,
            block(app, ""),
            rows,
            scroll,
            main,
        )),
        main,
    );
}

/// A prediction at its start: the first decision highlighted, IAM's answer hidden, and the
/// scenario's account at hand for the explorer and the findings.
pub fn fresh(pack: &Pack, lesson: &Lesson, s: &Step) -> Exercise {
    Exercise::Predict {
        cursor: 0,
        revealed: None,
        scenario: pack
            .sandbox(run::scenario_of(lesson, s))
            .ok()
            .map(|sb| Box::new(sb.account)),
    }
}

/// Enter predicts the highlighted decision. One rule, in the TUI and plain mode alike: IAM's
/// answer stays hidden until the prediction is right or the learner asks to see it (`s`,
/// recorded like a shown solution); a wrong prediction leaves the choices open for another try.
pub fn enter(ex: &mut Exercise, pack: &Pack, lesson: &Lesson, step: &Step) -> Vec<Effect> {
    let Exercise::Predict {
        cursor, revealed, ..
    } = ex
    else {
        return Vec::new();
    };
    if revealed.is_some() {
        return Vec::new();
    }
    let guess = match *cursor {
        0 => Outcome::Allowed,
        1 => Outcome::ExplicitDeny,
        _ => Outcome::ImplicitDeny,
    };
    match run::predict_answer(pack, lesson, step) {
        Ok((d, trace)) => {
            let correct = run::grade_predict(guess, &d);
            if correct {
                *revealed = Some((d, Box::new(trace)));
            }
            let mut out = vec![Effect::Record {
                answer: guess.as_str().to_string(),
                correct,
            }];
            if !correct {
                out.push(Effect::Wrong(Ui::PredictWrong));
            }
            out
        }
        Err(e) => vec![Effect::Problem(e)],
    }
}

/// `s` shows IAM's answer: a prediction's solution, recorded as shown.
pub fn solution(ex: &mut Exercise, pack: &Pack, lesson: &Lesson, step: &Step) -> Vec<Effect> {
    let Exercise::Predict {
        revealed: r @ None, ..
    } = ex
    else {
        return Vec::new();
    };
    let Ok((d, trace)) = run::predict_answer(pack, lesson, step) else {
        return Vec::new();
    };
    *r = Some((d, Box::new(trace)));
    vec![
        Effect::SolutionShown,
        Effect::Record {
            answer: "(solution shown)".into(),
            correct: false,
        },
        Effect::Note(Ui::ExSolutionShown),
    ]
}
