//! The reading step: lesson Markdown in a scrolling pane; Enter goes on to the next step.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Read`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, LessonState, tr};
use crate::tui::markdown;
use crate::tui::view::{block, inner, more_below};

use crate::tui::effect::Effect;

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let md = step.read().map(|r| tr(r, app, pack)).unwrap_or("");
    let lines = markdown::render_width(md, &app.theme, usize::from(inner(main)));
    let rows = lines.len();
    let scroll = crate::tui::view::page_scroll(ls, rows, main);
    f.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(more_below(
            app,
            block(app, ""),
            rows,
            scroll,
            main,
        )),
        main,
    );
}

/// Enter on a reading step goes on to the next step, when there is one.
pub fn enter(at: usize, steps: usize) -> Vec<Effect> {
    if at + 1 < steps {
        vec![Effect::GoTo(at + 1)]
    } else {
        Vec::new()
    }
}
