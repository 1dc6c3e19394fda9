//! What the exercise components ask the app to do. A component changes only its own state
//! and returns effects; `App::perform` carries them out in one place, in order, so that every
//! attempt is recorded the same way and a failed save is shown to the learner, never dropped.

use crate::lesson::model::Solution;
use crate::tui::i18n::Ui;

/// One thing for the app to do for the step on screen.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Record the learner's answer (an attempt in the progress store); a right one marks the
    /// step solved and may complete the lesson.
    Record {
        /// The answer as recorded.
        answer: String,
        /// Whether it is right.
        correct: bool,
    },
    /// After a wrong answer: when it is one of the step's near misses, the status says why
    /// that mistake is wrong.
    NearMiss(Solution),
    /// After a task command that left the goal unmet: what is wrong now (a near miss's why,
    /// or the goal check to fix first), in place of the status line's text ("saved" kept).
    Advice(String),
    /// After a task command that undid a solved goal: the step is no longer shown as solved
    /// (no ✓, no explanation) and the status names the check that no longer holds. The
    /// answer recorded when it was solved stays recorded.
    GoalLost(String),
    /// Keep a console command in the progress store (for the class report).
    Command {
        /// The command line.
        line: String,
        /// Its exit code.
        code: i32,
    },
    /// Say something under the exercise (not good news).
    Note(Ui),
    /// A more precise text for a wrong answer, in place of the generic one ("saved" kept).
    Wrong(Ui),
    /// Show a problem of the exercise itself (its scenario did not load, …).
    Problem(String),
    /// Go to the step with this index.
    GoTo(usize),
    /// The solution was shown (recorded with the next attempt).
    SolutionShown,
    /// Show the console from its end (after a command's output).
    ScrollToEnd,
    /// Ask whether to restart the exercise.
    AskReset,
}
