//! The exercise screen's components, one per kind of step (read, quiz, predict, policy,
//! task, investigate): each module holds its kind's drawing and what its keys do. The state
//! of the exercise on screen is [`Exercise`], one variant per component.
//!
//! The contract: a component draws from the app's state and never changes it; what its keys
//! do is returned as [`super::effect::Effect`]s (record an attempt, save a console command,
//! show a message, go to another step), which the app performs in one place
//! (`App::perform`), so that a failed save is always shown to the learner. Adding a kind of
//! exercise touches its component, the lesson model and the keymap.

pub mod investigate;
pub mod policy;
pub mod predict;
pub mod quiz;
pub mod read;
pub mod task;

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::eval::Decision;
use crate::lang::Lang;
use crate::lesson::run::{GoalReport, PolicyReport, TaskRun};
use crate::lesson::{Lesson, Pack, Step, StepKind};

/// The state of the exercise on screen.
pub enum Exercise {
    /// A reading step.
    Read,
    /// A quiz: the cursor and the chosen answers.
    Quiz {
        /// Highlighted choice.
        cursor: usize,
        /// Chosen choices.
        chosen: Vec<bool>,
    },
    /// A prediction: the cursor over the three decisions, and the evaluator's answer once given.
    Predict {
        /// Highlighted decision.
        cursor: usize,
        /// The evaluator's decision and trace, once the learner answered.
        revealed: Option<(Decision, Box<crate::account::DecisionTrace>)>,
        /// The scenario's account the question is about, for the account explorer and the
        /// findings (read-only: nothing runs in it).
        scenario: Option<Box<crate::account::Account>>,
    },
    /// A policy editor and the last check.
    Policy {
        /// The editor.
        editor: Box<TextArea<'static>>,
        /// The last check.
        report: Option<PolicyReport>,
        /// Edited since the last check.
        dirty: bool,
    },
    /// A sandbox task.
    Task {
        /// The sandbox.
        run: Box<TaskRun>,
        /// The line being typed.
        input: crate::tui::line::LineEdit,
        /// What the console printed.
        output: Vec<String>,
        /// Commands typed.
        history: Vec<String>,
        /// Place in the history while browsing it.
        hist: usize,
        /// The goal's state.
        report: GoalReport,
        /// Which goal checks held at the start (a check that held and fails now was broken
        /// by the learner, and the status line names it first).
        start: Vec<bool>,
        /// The goal checks each near miss leaves met, by its index, worked out the first
        /// time the learner's commands match it (`None`: it could not be replayed).
        replayed: std::collections::BTreeMap<usize, Option<Vec<bool>>>,
    },
    /// An investigation: a sandbox and an answer field.
    Investigate {
        /// The sandbox.
        run: Box<TaskRun>,
        /// The command being typed.
        input: crate::tui::line::LineEdit,
        /// What the console printed.
        output: Vec<String>,
        /// The answer being typed.
        answer: crate::tui::line::LineEdit,
        /// Typing into the answer field (else the console).
        on_answer: bool,
    },
    /// The exercise could not start.
    Broken(String),
}

impl Exercise {
    /// True for a step the learner answers (every kind but a reading, or a step that did not
    /// load).
    pub fn is_exercise(&self) -> bool {
        !matches!(self, Exercise::Read | Exercise::Broken(_))
    }

    /// True when the step has a typing mode (the policy editor, a console, an answer box).
    pub fn types(&self) -> bool {
        matches!(
            self,
            Exercise::Policy { .. } | Exercise::Task { .. } | Exercise::Investigate { .. }
        )
    }

    /// True when the step has a sandbox console.
    pub fn has_console(&self) -> bool {
        matches!(self, Exercise::Task { .. } | Exercise::Investigate { .. })
    }

    /// The account the step is about: the sandbox's, or a prediction's scenario (read-only).
    pub fn account(&self) -> Option<&crate::account::Account> {
        match self {
            Exercise::Task { run, .. } | Exercise::Investigate { run, .. } => {
                Some(&run.sandbox.account)
            }
            Exercise::Predict {
                scenario: Some(a), ..
            } => Some(a),
            _ => None,
        }
    }

    /// The findings panel's audit of [`Exercise::account`], with a sandbox's other accounts
    /// beside it (as `iamdojo audit` runs), so a path through another account is listed.
    pub fn findings(&self) -> Option<Vec<crate::audit::controls::Finding>> {
        match self {
            Exercise::Task { run, .. } | Exercise::Investigate { run, .. } => {
                let sb = &run.sandbox;
                Some(crate::audit::controls::audit_across(
                    &sb.account,
                    &sb.accounts,
                    sb.account.now,
                ))
            }
            _ => self
                .account()
                .map(|a| crate::audit::controls::audit(a, a.now)),
        }
    }

    /// The decision to explain: the prediction's answer, else the sandbox's last denial, else
    /// the first expected request the policy gets wrong.
    pub fn decision(&self) -> Option<Box<crate::account::DecisionTrace>> {
        match self {
            Exercise::Predict {
                revealed: Some((_, trace)),
                ..
            } => Some(trace.clone()),
            Exercise::Task { run, .. } | Exercise::Investigate { run, .. } => {
                run.sandbox.last_denial.clone()
            }
            Exercise::Policy {
                report: Some(r), ..
            } => r.expectations.iter().find_map(|e| e.trace.clone()),
            _ => None,
        }
    }

    /// True when leaving would lose what the learner typed (an unchecked edit, a half-typed
    /// command, an answer not yet right).
    /// The question asked before restarting this exercise: what a restart puts back.
    pub fn reset_question(&self) -> crate::msg::ui::Ui {
        use crate::msg::ui::Ui;
        match self {
            Exercise::Policy { .. } => Ui::ResetAskEditor,
            Exercise::Quiz { .. } | Exercise::Predict { .. } => Ui::ResetAskChoices,
            _ => Ui::ResetAsk,
        }
    }

    pub fn unsaved(&self, solved: bool) -> bool {
        match self {
            Exercise::Policy { dirty, .. } => *dirty && !solved,
            Exercise::Task { input, .. } => !input.is_empty(),
            Exercise::Investigate { answer, .. } => !answer.is_empty() && !solved,
            _ => false,
        }
    }
}

/// A step's exercise at its start, from its component: a sandbox made from the scenario, the
/// editor holding the starter policy, a quiz solved before showing the boxes that solved it.
pub fn fresh(
    pack: &Pack,
    lesson: &Lesson,
    s: &Step,
    code: &str,
    dim: ratatui::style::Style,
    solved: bool,
) -> Exercise {
    match s.kind() {
        StepKind::Read => Exercise::Read,
        StepKind::Quiz => quiz::fresh(s, solved),
        StepKind::Predict => predict::fresh(pack, lesson, s),
        StepKind::Policy => policy::fresh(s, dim),
        StepKind::Task => task::fresh(pack, lesson, s, code),
        StepKind::Investigate => investigate::fresh(pack, lesson, s),
    }
}

/// Whether the learner typed `reset` on the console line: it asks to restart the exercise,
/// as the key does (the line is taken).
pub fn typed_reset(ex: &mut Exercise, key: KeyEvent) -> bool {
    if key.code != ratatui::crossterm::event::KeyCode::Enter {
        return false;
    }
    match ex {
        Exercise::Task { input, .. }
        | Exercise::Investigate {
            input,
            on_answer: false,
            ..
        } if input.as_str().trim() == "reset" => {
            input.take();
            true
        }
        _ => false,
    }
}

/// Runs a console line in the sandbox: the line, its output and its error lines (blank ones
/// included, as the CLI prints them) go into the console; the exit code comes back.
pub fn run_in_console(
    sandbox: &mut crate::account::command::Sandbox,
    output: &mut Vec<String>,
    line: &str,
    lang: Lang,
) -> i32 {
    sandbox.lang = lang;
    // `clear` empties the console as a terminal's does (the sandbox and its history stay).
    if line.trim() == "clear" {
        output.clear();
        return 0;
    }
    output.push(format!("$ {}", crate::printable::clean(line)));
    let out = sandbox.run(line);
    // What the sandbox prints may hold text from a scenario file: shown escaped, not dropped.
    // Tabs (`--output text`) become the spaces a terminal would show.
    let clean = |l: &str| crate::text::expand_tabs(&crate::printable::clean(l), 8);
    output.extend(out.stdout.lines().map(clean));
    // AWS's message stays as AWS sends it; in Japanese its gloss follows the whole message
    // (after the CLI's "Maybe you meant" and usage lines, not between them).
    let mut glosses = Vec::new();
    for l in out.stderr.lines() {
        output.push(clean(l));
        if lang == Lang::Ja
            && let Some(gloss) = crate::msg::awserror::AwsError::of_line(l)
            && !glosses.contains(&gloss)
        {
            glosses.push(gloss);
        }
    }
    for gloss in glosses {
        output.push(format!("  ↳ {}", crate::msg::Message::text(gloss, lang)));
    }
    out.code
}

/// Tab in a sandbox console: a single completion of the line's last word replaces it
/// (followed by a space); several are listed in the console.
pub fn complete_in_console(
    sandbox: &crate::account::command::Sandbox,
    input: &mut crate::tui::line::LineEdit,
    output: &mut Vec<String>,
) {
    let c = sandbox.complete(input.as_str());
    if let [only] = c.as_slice() {
        let cut = input.as_str().rfind(' ').map_or(0, |i| {
            input.as_str().get(..=i).map_or(0, |s| s.chars().count())
        });
        input.truncate_chars(cut);
        input.push_str(only);
        input.push_str(" ");
    } else if !c.is_empty() {
        output.push(c.join("  "));
    }
}

/// Keeps the editor type in one place for the components that hold one.
pub type Editor = TextArea<'static>;
