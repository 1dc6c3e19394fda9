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

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::run_in_console;
use crate::lang::Lang;
use crate::lesson::Lesson;
use crate::lesson::model::Solution;
use crate::lesson::run;
use crate::tui::effect::Effect;

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

/// An investigation at its start: a sandbox made from the scenario, the console in front.
pub fn fresh(pack: &Pack, lesson: &Lesson, s: &Step) -> Exercise {
    match run::start_task(pack, lesson, s) {
        Ok(r) => Exercise::Investigate {
            run: Box::new(r),
            input: Default::default(),
            output: Vec::new(),
            answer: Default::default(),
            on_answer: false,
        },
        Err(e) => Exercise::Broken(e),
    }
}

/// Ctrl+S (or Enter in the answer field) answers with what the answer field holds.
pub fn check(ex: &mut Exercise, step: &Step) -> Vec<Effect> {
    let Exercise::Investigate { answer, .. } = ex else {
        return Vec::new();
    };
    let a = answer.as_str().to_string();
    let correct = run::grade_investigate(step, &a);
    let mut out = vec![Effect::Record {
        answer: a.clone(),
        correct,
    }];
    if !correct {
        out.push(Effect::NearMiss(Solution::Text(a)));
    }
    out
}

/// A key while typing: in the answer field Enter answers; in the console Enter runs the line
/// and Tab completes it; the rest edits the field that has the cursor.
pub fn type_key(ex: &mut Exercise, key: KeyEvent, step: &Step, lang: Lang) -> Vec<Effect> {
    let Exercise::Investigate {
        run: r,
        input,
        output,
        answer,
        on_answer,
    } = ex
    else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Enter if *on_answer => check(ex, step),
        KeyCode::Enter => {
            let line = input.take();
            if line.trim().is_empty() {
                return Vec::new();
            }
            let code = run_in_console(&mut r.sandbox, output, &line, lang);
            vec![Effect::ScrollToEnd, Effect::Command { line, code }]
        }
        KeyCode::Tab if !*on_answer => {
            super::complete_in_console(&r.sandbox, input, output);
            Vec::new()
        }
        _ => {
            if *on_answer {
                answer.key(key);
            } else {
                input.key(key);
            }
            Vec::new()
        }
    }
}
