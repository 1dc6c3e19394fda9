//! The quiz: the question, its choices with boxes, graded when the learner answers; a
//! solved quiz shows the boxes that solved it.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Quiz`, its
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
use crate::tui::view::{block, inner, one_line, wrapped};

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Quiz { cursor, chosen } = &ls.ex else {
        return;
    };
    let Some(q) = step.quiz() else { return };
    let mut lines = markdown::render_width(
        tr(&q.question, app, pack),
        &app.theme,
        usize::from(main.width.saturating_sub(2)),
    );
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        (if q.multiple {
            Ui::QuizPickAll
        } else {
            Ui::QuizPickOne
        })
        .text(app.lang),
        app.theme.dim,
    )));
    lines.push(Line::default());
    for (i, c) in q.choices.iter().enumerate() {
        let picked = chosen.get(i) == Some(&true);
        let boxmark = if q.multiple {
            if picked { "[x]" } else { "[ ]" }
        } else if picked {
            "(•)"
        } else {
            "( )"
        };
        let style = if i == *cursor {
            app.theme.selected
        } else {
            app.theme.text
        };
        lines.push(Line::from(Span::styled(
            format!("{boxmark} {}", one_line(tr(&c.text, app, pack))),
            style,
        )));
        if (ls.message.is_some() && picked || ls.solved)
            && let Some(w) = &c.why
        {
            let style = if c.correct {
                app.theme.ok
            } else {
                app.theme.bad
            };
            lines.push(Line::from(Span::styled(
                format!(
                    "      {} {}",
                    if c.correct { "✓" } else { "✗" },
                    one_line(tr(w, app, pack))
                ),
                style,
            )));
        }
    }
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(main)))
            .scroll((ls.scroll, 0))
            .block(block(app, "")),
        main,
    );
}
