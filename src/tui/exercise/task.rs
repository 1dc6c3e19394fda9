//! The sandbox task: an AWS CLI console on the scenario's account and the goal's live
//! state; the goal reached records the attempt.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Task`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::view::{block, console_pane, console_title, inner, prompt_above, wrapped};

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Task {
        run,
        input,
        output,
        report,
        ..
    } = &ls.ex
    else {
        return;
    };
    let Some(task) = step.task() else { return };
    let work = prompt_above(f, app, tr(&task.prompt, app, pack), main, ls.prompt_full);
    let [console, goal] =
        Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)]).areas(work);
    let who = task.as_.clone().unwrap_or_else(|| "root".into());
    console_pane(
        f,
        app,
        console,
        &console_title(app, console.width, Some(&who)),
        output,
        input,
        ls.typing,
        &run.sandbox.account.id,
        ls.scroll,
    );
    let mut lines = Vec::new();
    for (i, r) in report.results.iter().enumerate() {
        let shown = r
            .fail_message
            .clone()
            .filter(|_| !r.ok)
            .unwrap_or_else(|| r.what.clone());
        let _ = i;
        lines.push(Line::from(Span::styled(
            format!("{} {shown}", if r.ok { "✓" } else { "·" }),
            if r.ok { app.theme.ok } else { app.theme.text },
        )));
    }
    f.render_widget(
        Paragraph::new(wrapped(lines, inner(goal))).block(block(app, Ui::TaskGoal.text(app.lang))),
        goal,
    );
}
