//! The investigation: a console to look around the account and an answer field.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Investigate`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::view::{block, console_pane, console_title, prompt_above};

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Investigate {
        run,
        input,
        output,
        answer,
        on_answer,
    } = &ls.ex
    else {
        return;
    };
    let Some(inv) = step.investigate() else {
        return;
    };
    let rest = prompt_above(f, app, tr(&inv.question, app, pack), main, ls.prompt_full);
    let [work, ans] = Layout::vertical([Constraint::Min(4), Constraint::Length(3)]).areas(rest);
    console_pane(
        f,
        app,
        work,
        &console_title(app, work.width, None),
        output,
        input,
        ls.typing && !on_answer,
        &run.sandbox.account.id,
        ls.scroll,
    );
    let style = if ls.typing && *on_answer {
        app.theme.title
    } else {
        app.theme.border
    };
    let (before, after) = answer.view(usize::from(ans.width.saturating_sub(2)));
    f.render_widget(
        Paragraph::new(format!(
            "{before}{}{after}",
            if ls.typing && *on_answer { "▏" } else { "" }
        ))
        .block(block(app, Ui::InvAnswer.text(app.lang)).border_style(style)),
        ans,
    );
}
