//! The sandbox task: an AWS CLI console on the scenario's account and the goal's live
//! state; the goal reached records the attempt.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Task`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::view::{
    block, console_pane, console_title, cut_below, inline, inner, prompt_above, wrapped,
};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::run_in_console;
use crate::account::command::Who;
use crate::lang::Lang;
use crate::lesson::Lesson;
use crate::lesson::model::Solution;
use crate::lesson::run;
use crate::tui::effect::Effect;

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
    // Who the commands run as now: the lesson's starting identity until the learner
    // configures the default profile with another key.
    let who = match run.sandbox.who() {
        Who::Root => "root".to_string(),
        Who::User(u) => format!("user/{u}"),
        Who::Role(r) => format!("role/{r}"),
        Who::Nobody => "—".to_string(),
        Who::Invalid(key) => {
            crate::msg::cli::Cli::SandboxInvalidKey.fill(app.lang, &[("key", &key)])
        }
        Who::Partial => crate::msg::cli::Cli::SandboxPartialKey
            .text(app.lang)
            .to_string(),
    };
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
    // Before the first command the goal reads as its checks; the author's advice for a check
    // not met (often the command that meets it) waits until the learner has tried something.
    let tried = output.iter().any(|l| l.starts_with("$ "));
    let mut lines = Vec::new();
    // What is still to do comes first, so that a pane too short for the whole goal shows it.
    for r in report
        .results
        .iter()
        .filter(|r| !r.ok)
        .chain(report.results.iter().filter(|r| r.ok))
    {
        let shown = r
            .fail_message
            .clone()
            .filter(|_| !r.ok && tried)
            .unwrap_or_else(|| r.what.clone());
        // The author's advice is Markdown: a command in it is styled as code, not backticked.
        let style = if r.ok { app.theme.ok } else { app.theme.text };
        let mark = Span::styled(if r.ok { "✓ " } else { "· " }, style);
        lines.extend(inline(&shown, &app.theme, style, Some(mark)));
    }
    let text = wrapped(lines, inner(goal));
    // The goal list does not scroll: its border says that more (done) checks are below.
    let b = cut_below(
        app,
        block(app, Ui::TaskGoal.text(app.lang)),
        text.lines.len(),
        goal,
    );
    f.render_widget(Paragraph::new(text).block(b), goal);
}

/// A task at its start: a sandbox made from the scenario, an empty console, the goal's state
/// in the learner's language (`code`).
pub fn fresh(pack: &Pack, lesson: &Lesson, s: &Step, code: &str) -> Exercise {
    match run::start_task(pack, lesson, s) {
        Ok(r) => {
            let report = r.check(s, code, pack.default_language());
            Exercise::Task {
                run: Box::new(r),
                input: Default::default(),
                output: Vec::new(),
                history: Vec::new(),
                hist: 0,
                start: report.results.iter().map(|c| c.ok).collect(),
                replayed: Default::default(),
                report,
            }
        }
        Err(e) => Exercise::Broken(e),
    }
}

/// A key while typing in the console: Enter runs the line (the goal reached records the
/// commands as the attempt; a goal still unmet gets advice on what is wrong now), ↑/↓ walk
/// the history, Tab completes, the rest edits the line.
pub fn type_key(
    ex: &mut Exercise,
    key: KeyEvent,
    (pack, lesson, step): (&Pack, &Lesson, &Step),
    lang: Lang,
) -> Vec<Effect> {
    let fallback = pack.default_language();
    let Exercise::Task {
        run: r,
        input,
        output,
        history,
        hist,
        report,
        start,
        replayed,
    } = ex
    else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Enter => {
            let line = input.take();
            if line.trim().is_empty() {
                return Vec::new();
            }
            let code = run_in_console(&mut r.sandbox, output, &line, lang);
            history.push(line.clone());
            *hist = history.len();
            let before = report.passed();
            let held = |g: &run::GoalReport| g.results.iter().map(|c| c.ok).collect::<Vec<_>>();
            let was = held(report);
            *report = r.check(step, lang.code(), fallback);
            let now = held(report);
            let mut out = vec![Effect::ScrollToEnd, Effect::Command { line, code }];
            if report.passed() && !before {
                out.push(Effect::Record {
                    answer: history.join("\n"),
                    correct: true,
                });
            } else if before && !report.passed() {
                // What was solved is undone: the screen must not go on saying "Correct!".
                if let Some(c) = report.results.iter().find(|c| !c.ok) {
                    let text = c.fail_message.as_deref().unwrap_or(&c.what);
                    out.push(Effect::GoalLost(text.to_string()));
                }
            } else if !report.passed() {
                let advice = run::task_advice(step, history, start, &now, |k, w| {
                    replayed
                        .entry(k)
                        .or_insert_with(|| run::near_miss_goals(pack, lesson, step, w, lang))
                        .clone()
                });
                // A command that changed nothing the goal checks leaves the status as it is
                // (it is still true); a near miss the account is in speaks in any case.
                let text = match advice {
                    Some(run::TaskAdvice::NearMiss(why)) => Some(why.get(lang.code(), fallback)),
                    Some(run::TaskAdvice::Goal(i)) if now != was => report
                        .results
                        .get(i)
                        .map(|c| c.fail_message.as_deref().unwrap_or(&c.what)),
                    _ => None,
                };
                if let Some(text) = text {
                    out.push(Effect::Advice(text.to_string()));
                }
            }
            out
        }
        KeyCode::Up if *hist > 0 => {
            *hist -= 1;
            input.set(history.get(*hist).cloned().unwrap_or_default());
            Vec::new()
        }
        KeyCode::Down => {
            *hist = (*hist + 1).min(history.len());
            input.set(history.get(*hist).cloned().unwrap_or_default());
            Vec::new()
        }
        KeyCode::Tab => {
            super::complete_in_console(&r.sandbox, input, output);
            Vec::new()
        }
        _ => {
            input.key(key);
            Vec::new()
        }
    }
}

/// `s` plays the solution's commands in the console and records them (solved when they
/// reach the goal, as they should).
pub fn solution(ex: &mut Exercise, step: &Step, lang: Lang, fallback: &str) -> Vec<Effect> {
    let (
        Exercise::Task {
            run: r,
            output,
            report,
            ..
        },
        Some(Solution::Commands(cmds)),
    ) = (ex, &step.solution)
    else {
        return vec![Effect::Record {
            answer: "(solution shown)".into(),
            correct: false,
        }];
    };
    for c in cmds {
        run_in_console(&mut r.sandbox, output, c, lang);
    }
    *report = r.check(step, lang.code(), fallback);
    vec![Effect::Record {
        answer: "(solution)".into(),
        correct: report.passed(),
    }]
}
