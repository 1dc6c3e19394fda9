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

use crate::lesson::model::Solution;
use crate::lesson::run;
use crate::tui::effect::Effect;

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
    let mut cursor_line = 0;
    for (i, c) in q.choices.iter().enumerate() {
        if i == *cursor {
            cursor_line = lines.len();
        }
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
    // Wrapped line by line, so that the highlighted choice's rows are known: the view
    // follows the cursor, and a choice is never chosen out of sight.
    let width = inner(main);
    let mut rows = Vec::new();
    let mut at = (0, 1);
    for (i, l) in lines.into_iter().enumerate() {
        let w = wrapped(l, width).lines;
        if i == cursor_line {
            at = (rows.len(), w.len().max(1));
        }
        rows.extend(w);
    }
    let scroll = follow(ls.scroll, at, usize::from(main.height.saturating_sub(2)));
    f.render_widget(
        Paragraph::new(rows)
            .scroll((scroll, 0))
            .block(block(app, "")),
        main,
    );
}

/// The scroll that keeps `rows` (first row, height) in a view `visible` rows high, moving
/// as little as possible from `scroll`.
fn follow(scroll: u16, (row, height): (usize, usize), visible: usize) -> u16 {
    let scroll = usize::from(scroll);
    let end = row + height;
    let s = if row < scroll {
        row
    } else if end > scroll + visible {
        end.saturating_sub(visible).min(row)
    } else {
        scroll
    };
    u16::try_from(s).unwrap_or(u16::MAX)
}

/// A quiz at its start: nothing chosen, or, when it was solved before, the boxes that solved
/// it (the correct ones).
pub fn fresh(s: &Step, solved: bool) -> Exercise {
    Exercise::Quiz {
        cursor: 0,
        chosen: s
            .quiz()
            .map(|q| q.choices.iter().map(|c| solved && c.correct).collect())
            .unwrap_or_default(),
    }
}

/// Enter answers: with one answer to give, the highlighted choice; with several, the ticked
/// ones (none ticked says what to do).
pub fn enter(ex: &mut Exercise, step: &Step) -> Vec<Effect> {
    let Exercise::Quiz { cursor, chosen } = ex else {
        return Vec::new();
    };
    if !step.quiz().is_some_and(|q| q.multiple) {
        chosen
            .iter_mut()
            .enumerate()
            .for_each(|(i, c)| *c = i == *cursor);
    }
    let picked: Vec<usize> = chosen
        .iter()
        .enumerate()
        .filter(|(_, c)| **c)
        .map(|(i, _)| i)
        .collect();
    if picked.is_empty() {
        return vec![Effect::Note(Ui::QuizPickAll)];
    }
    let correct = run::grade_quiz(step, &picked);
    let answer = picked
        .iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut out = vec![Effect::Record { answer, correct }];
    if !correct {
        let numbers = picked
            .iter()
            .filter_map(|&i| u32::try_from(i + 1).ok())
            .collect();
        out.push(Effect::NearMiss(Solution::Choices(numbers)));
    }
    out
}
