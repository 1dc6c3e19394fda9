//! What the plain mode prints, as lines computed from the app's public state: the list of
//! lessons, a step, and the results of answers. Nothing here changes the app.

use super::text::{markdown, one_line};
use crate::audit::validate::FindingType;
use crate::lesson::model::Solution;
use crate::lesson::{Lesson, LessonEntry, Pack, Step, StepKind};
use crate::tui::app::{App, Exercise, LessonState, Row, Screen, step_key, tr};
use crate::tui::i18n::{Lang, Message, Plain, Ui};

/// The row indexes of the lesson rows: lesson number `n` is `lesson_rows(app)[n - 1]`.
pub(super) fn lesson_rows(app: &App) -> Vec<usize> {
    app.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Row::Lesson(..)))
        .map(|(i, _)| i)
        .collect()
}

/// The exercises of a lesson solved so far, and how many it has.
fn progress(app: &App, pack: &Pack, l: &Lesson) -> (usize, usize) {
    let exercises = l
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind() != StepKind::Read);
    let (mut solved, mut all) = (0, 0);
    for (i, st) in exercises {
        all += 1;
        if app
            .solved
            .contains(&(pack.meta.id.clone(), l.id.clone(), step_key(st, i)))
        {
            solved += 1;
        }
    }
    (solved, all)
}

/// The title, the learner and the numbered list of lessons with done / not done.
pub(super) fn home(app: &App) -> Vec<String> {
    let lang = app.lang;
    let mut out = vec![Ui::AppTitle.text(lang).to_string()];
    if let Some(l) = &app.learner {
        out.push(format!("{}: {}", Ui::HomeLearner.text(lang), l.name()));
    }
    if !app.status.is_empty() {
        out.push(app.status.clone());
    }
    out.push(String::new());
    if app.rows.is_empty() {
        out.push(Ui::HomeEmpty.text(lang).to_string());
        return out;
    }
    out.push(format!("{}:", Ui::HomePacks.text(lang)));
    let mut number = 0;
    for r in &app.rows {
        match r {
            Row::Pack(pi) => {
                if let Some(p) = app.packs.get(*pi) {
                    out.push(tr(&p.meta.title, app, p).to_string());
                }
            }
            Row::Lesson(pi, li) => {
                number += 1;
                let Some(p) = app.packs.get(*pi) else {
                    continue;
                };
                match p.lessons.get(*li) {
                    Some(LessonEntry::Ok { lesson, .. }) => {
                        let done = app
                            .completed
                            .contains(&(p.meta.id.clone(), lesson.id.clone()));
                        let (solved, all) = progress(app, p, lesson);
                        let state = if done {
                            Ui::HomeDone.text(lang).to_string()
                        } else {
                            Plain::HomeNotDone
                                .text(lang)
                                .replace("{solved}", &solved.to_string())
                                .replace("{all}", &all.to_string())
                        };
                        out.push(format!(
                            "  {number}. {} ({state})",
                            tr(&lesson.title, app, p)
                        ));
                    }
                    Some(LessonEntry::Broken { file, .. }) => {
                        out.push(format!(
                            "  {number}. {file} ({})",
                            Ui::HomeBroken.text(lang)
                        ));
                    }
                    None => {}
                }
            }
            Row::Broken(e) => out.push(format!("{}: {e}", Ui::HomeBroken.text(lang))),
        }
    }
    out
}

/// The "Lesson complete" screen as lines: the lesson, the exercises solved, the hints and
/// solutions used, and the next lesson.
pub(super) fn complete(app: &App) -> Vec<String> {
    let Screen::Complete(done) = &app.screen else {
        return Vec::new();
    };
    let Some(p) = app.packs.get(done.pack) else {
        return Vec::new();
    };
    let Some(l) = p.lesson(&done.lesson_id) else {
        return Vec::new();
    };
    let lang = app.lang;
    let mut out = vec![
        String::new(),
        format!("{}: {}", Ui::CompleteTitle.text(lang), tr(&l.title, app, p)),
        tr(&l.summary, app, p).to_string(),
        Ui::CompleteExercises
            .text(lang)
            .replace("{s}", &done.solved.to_string())
            .replace("{n}", &done.exercises.to_string()),
        Ui::CompleteAids
            .text(lang)
            .replace("{h}", &done.hints.to_string())
            .replace("{k}", &done.solutions.to_string()),
    ];
    let next = done.next.as_ref().and_then(|(pi, id)| {
        let np = app.packs.get(*pi)?;
        Some(tr(&np.lesson(id)?.title, app, np).to_string())
    });
    if let Some(title) = next {
        out.push(format!("→ {title}"));
    }
    out.push(Plain::CompleteThen.text(lang).to_string());
    out
}

/// Why lesson row `row` did not open, when it is a lesson that failed to load.
pub(super) fn broken_lesson(app: &App, row: usize) -> Option<String> {
    let Some(Row::Lesson(pi, li)) = app.rows.get(row) else {
        return None;
    };
    match app.packs.get(*pi)?.lessons.get(*li)? {
        LessonEntry::Broken { error, .. } => Some(
            Plain::HomeLessonBroken
                .text(app.lang)
                .replace("{e}", &error.to_string()),
        ),
        LessonEntry::Ok { .. } => None,
    }
}

fn kind_label(lang: Lang, ex: &Exercise) -> &'static str {
    (match ex {
        Exercise::Read | Exercise::Broken(_) => Ui::KindRead,
        Exercise::Quiz { .. } => Ui::KindQuiz,
        Exercise::Predict { .. } => Ui::KindPredict,
        Exercise::Policy { .. } => Ui::KindPolicy,
        Exercise::Task { .. } => Ui::KindTask,
        Exercise::Investigate { .. } => Ui::KindInvestigate,
    })
    .text(lang)
}

/// The prompt for the screen on show.
pub(super) fn prompt(app: &App) -> String {
    match &app.screen {
        Screen::Home | Screen::Complete(_) => Plain::HomePrompt.text(app.lang).to_string(),
        Screen::Lesson(ls) => match &ls.ex {
            Exercise::Task { .. } | Exercise::Investigate { .. } => "aws> ".to_string(),
            ex => format!("{}> ", kind_label(app.lang, ex)),
        },
    }
}

/// The lesson on show with its current step.
fn current(app: &App) -> Option<(&Pack, &Lesson, &LessonState, &Step)> {
    let (p, l, ls) = app.current()?;
    let st = l.steps.get(ls.step)?;
    Some((p, l, ls, st))
}

/// The whole step: a heading line, the text, the exercise in words, and the hints, solution
/// and explanation already shown.
pub(super) fn step(app: &App) -> Vec<String> {
    let Some((pack, lesson, ls, st)) = current(app) else {
        return Vec::new();
    };
    let lang = app.lang;
    let solved = if ls.solved && st.kind() != StepKind::Read {
        Plain::StepSolved.text(lang)
    } else {
        ""
    };
    let mut out = vec![
        String::new(),
        format!(
            "{}: {} {} {} {} ({}{solved})",
            tr(&lesson.title, app, pack),
            Ui::LessonStep.text(lang),
            ls.step + 1,
            Ui::LessonOf.text(lang),
            lesson.steps.len(),
            kind_label(lang, &ls.ex)
        ),
        String::new(),
    ];
    let text = |x: &crate::lesson::Text| markdown(tr(x, app, pack));
    match &ls.ex {
        Exercise::Read => {
            out.extend(st.read().map(text).unwrap_or_default());
            out.push(String::new());
            out.push(Plain::ReadHow.text(lang).to_string());
        }
        Exercise::Quiz { .. } => {
            if let Some(q) = st.quiz() {
                out.extend(text(&q.question));
                out.push(String::new());
                for (i, c) in q.choices.iter().enumerate() {
                    out.push(format!("{}. {}", i + 1, one_line(tr(&c.text, app, pack))));
                }
                out.push(String::new());
                out.push(
                    (if q.multiple {
                        Plain::QuizMany
                    } else {
                        Plain::QuizOne
                    })
                    .text(lang)
                    .to_string(),
                );
            }
        }
        Exercise::Predict { .. } => {
            if let Some(p) = st.predict() {
                match &p.question {
                    Some(q) => out.extend(text(q)),
                    None => out.push(Ui::PredictQuestion.text(lang).to_string()),
                }
                out.push(String::new());
                let r = &p.request;
                out.push(format!("principal: {}", r.principal));
                out.push(format!("action: {}", r.action));
                out.push(format!("resource: {}", r.resource));
                for (k, v) in &r.context {
                    let v = serde_yaml::to_string(v).unwrap_or_default();
                    out.push(format!("context: {k} = {}", v.trim()));
                }
                out.push(String::new());
                for (i, k) in [Ui::PredictAllowed, Ui::PredictExplicit, Ui::PredictImplicit]
                    .iter()
                    .enumerate()
                {
                    out.push(format!("{}. {}", i + 1, k.text(lang)));
                }
                out.push(String::new());
                out.push(Plain::PredictHow.text(lang).to_string());
            }
            out.extend(predict_result(app));
        }
        Exercise::Policy { .. } => {
            if let Some(p) = st.policy() {
                out.extend(text(&p.prompt));
                out.push(String::new());
            }
            out.extend(policy_text(app));
            out.push(String::new());
            out.push(Plain::PolicyHow.text(lang).to_string());
        }
        Exercise::Task { .. } => {
            if let Some(task) = st.task() {
                out.extend(text(&task.prompt));
                out.push(String::new());
                let who = task.as_.as_deref().unwrap_or("root");
                out.push(format!("{}: {who}", Ui::TaskAs.text(lang)));
            }
            out.extend(goal(app));
            out.push(String::new());
            out.push(Plain::ConsoleHow.text(lang).to_string());
        }
        Exercise::Investigate { .. } => {
            if let Some(i) = st.investigate() {
                out.extend(text(&i.question));
                out.push(String::new());
            }
            out.push(Plain::InvHow.text(lang).to_string());
        }
        Exercise::Broken(e) => out.push(e.clone()),
    }
    for i in 1..=ls.hints {
        out.extend(hint(app, i));
    }
    if ls.solution_shown {
        out.extend(solution(app));
    }
    out.extend(explain(app));
    out
}

/// Hint number `n` (from 1) of the current step.
pub(super) fn hint(app: &App, n: usize) -> Vec<String> {
    let Some((pack, _, _, st)) = current(app) else {
        return Vec::new();
    };
    let Some(h) = n.checked_sub(1).and_then(|i| st.hints.get(i)) else {
        return Vec::new();
    };
    vec![format!(
        "{} {n}/{}: {}",
        Ui::ExHint.text(app.lang),
        st.hints.len(),
        one_line(tr(h, app, pack))
    )]
}

/// The current step's solution, when it has one.
pub(super) fn solution(app: &App) -> Vec<String> {
    let Some((_, _, _, st)) = current(app) else {
        return Vec::new();
    };
    let Some(sol) = &st.solution else {
        return Vec::new();
    };
    let mut out = vec![format!("{}:", Ui::ExSolution.text(app.lang))];
    match sol {
        Solution::Commands(c) => out.extend(c.iter().map(|c| format!("    {c}"))),
        Solution::Text(x) => out.extend(x.lines().map(|l| format!("    {l}"))),
        Solution::Choices(c) => out.push(format!(
            "    {}",
            c.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        )),
    }
    out
}

/// "Why it matters", once the step is solved.
pub(super) fn explain(app: &App) -> Vec<String> {
    let Some((pack, _, ls, st)) = current(app) else {
        return Vec::new();
    };
    match &st.explain {
        Some(e) if ls.solved && st.kind() != StepKind::Read => {
            let mut out = vec![format!("{}:", Ui::ExExplain.text(app.lang))];
            out.extend(markdown(tr(e, app, pack)));
            out
        }
        _ => Vec::new(),
    }
}

/// The last message of the exercise, with the plain mode's wording where the TUI's names
/// a key.
pub(super) fn message(app: &App) -> Option<String> {
    let (_, _, ls) = app.current()?;
    let m = ls.message.as_ref()?;
    Some(if m.text == Ui::LessonFinished.text(app.lang) {
        Plain::LessonFinished.text(app.lang).to_string()
    } else {
        m.text.replace(
            Ui::LessonCompleteNext.text(app.lang),
            Plain::LessonCompleteNext.text(app.lang),
        )
    })
}

/// After a quiz answer: why each chosen choice (or, once solved, every choice) is right or
/// wrong.
pub(super) fn quiz_feedback(app: &App) -> Vec<String> {
    let Some((pack, _, ls, st)) = current(app) else {
        return Vec::new();
    };
    let (Exercise::Quiz { chosen, .. }, Some(q)) = (&ls.ex, st.quiz()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, c) in q.choices.iter().enumerate() {
        let picked = chosen.get(i).copied().unwrap_or(false);
        if let Some(w) = c.why.as_ref().filter(|_| picked || ls.solved) {
            let verdict = (if c.correct {
                Plain::QuizRight
            } else {
                Plain::QuizWrong
            })
            .text(app.lang);
            out.push(format!(
                "{}. {verdict}: {}",
                i + 1,
                one_line(tr(w, app, pack))
            ));
        }
    }
    out
}

/// The evaluator's answer to a prediction and its decision path, once given.
pub(super) fn predict_result(app: &App) -> Vec<String> {
    let Some((_, _, ls)) = app.current() else {
        return Vec::new();
    };
    let Exercise::Predict {
        revealed: Some((d, trace)),
        ..
    } = &ls.ex
    else {
        return Vec::new();
    };
    let mut out = vec![format!(
        "{}: {}",
        Ui::PredictEvaluator.text(app.lang),
        d.outcome.as_str()
    )];
    out.extend(trace.render(app.lang).lines().map(|l| format!("  {l}")));
    out
}

/// The policy in the editor, with line numbers.
pub(super) fn policy_text(app: &App) -> Vec<String> {
    let Some((_, _, ls)) = app.current() else {
        return Vec::new();
    };
    let Exercise::Policy { editor, .. } = &ls.ex else {
        return Vec::new();
    };
    let mut out = vec![Plain::PolicyCurrent.text(app.lang).to_string()];
    out.extend(
        editor
            .lines()
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{:>3}  {l}", i + 1)),
    );
    out
}

/// The last check of the policy: a parse error, the validate-policy findings with their
/// lines, and each expected request with the decision it got.
pub(super) fn policy_report(app: &App) -> Vec<String> {
    let Some((_, _, ls)) = app.current() else {
        return Vec::new();
    };
    let Exercise::Policy {
        report: Some(r), ..
    } = &ls.ex
    else {
        return Vec::new();
    };
    let lang = app.lang;
    // A policy that does not parse is neither validated nor tried on requests.
    if let Some(e) = &r.error {
        return vec![e.render(lang)];
    }
    let mut out = vec![format!("{}:", Ui::PolicyFindings.text(lang))];
    if r.findings.is_empty() {
        out.push(format!("- {}", Ui::PolicyNone.text(lang)));
    }
    for (ty, code, line, detail) in &r.findings {
        // The type as AWS's documentation in the learner's language names it (セキュリティ警告);
        // the issue code stays AWS's, as in the console.
        let ty = FindingType::from_code(ty).map_or(ty.as_str(), |t| t.text(lang));
        out.push(format!(
            "- {ty} {code}, {}: {}",
            crate::msg::validate::Validate::AtLine.fill(lang, &[("line", line)]),
            detail.text(lang)
        ));
    }
    out.push(format!("{}:", Ui::PolicyExpect.text(lang)));
    for e in &r.expectations {
        let want = (if e.want_allow {
            Ui::PolicyShouldAllow
        } else {
            Ui::PolicyShouldDeny
        })
        .text(lang);
        let verdict = (if e.ok() {
            Plain::PolicyAsExpected
        } else {
            Plain::PolicyNotExpected
        })
        .text(lang);
        // Two requests may differ only in their context (a source IP, MFA): show it.
        let context: String = e
            .request
            .context
            .iter()
            .map(|(k, v)| {
                let v = serde_yaml::to_string(v).unwrap_or_default();
                format!(" ({k} = {})", v.trim())
            })
            .collect();
        out.push(format!(
            "- {verdict}: {} {}{context} {want}{}{} {}",
            e.request.action,
            e.request.resource,
            Plain::Comma.text(lang),
            Plain::PolicyGot.text(lang),
            e.got.as_str()
        ));
    }
    out
}

/// A task's goal: each check done or not yet.
pub(super) fn goal(app: &App) -> Vec<String> {
    let Some((_, _, ls)) = app.current() else {
        return Vec::new();
    };
    let Exercise::Task { report, .. } = &ls.ex else {
        return Vec::new();
    };
    let lang = app.lang;
    let mut out = vec![format!("{}:", Ui::TaskGoal.text(lang))];
    for r in &report.results {
        let shown = match (&r.fail_message, r.ok) {
            (Some(m), false) => m.clone(),
            _ => r.what.clone(),
        };
        let state = (if r.ok {
            Plain::GoalDone
        } else {
            Plain::GoalTodo
        })
        .text(lang);
        out.push(format!("- {state}: {shown}"));
    }
    out
}
