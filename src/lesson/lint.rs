//! `lessons lint`: proves before class that a pack works — every file loads, every reference
//! resolves, every text has every language, every quiz has a right answer, every prediction
//! evaluates, and every task and policy exercise is solvable by its solution but not already
//! solved.

use serde::Serialize;

use super::check::NoOne;
use super::load::{LessonEntry, Pack};
use super::model::{
    Check, Lesson, PrincipalSpec, Solution, Step, StepKind, Text, WebIdentitySession,
};
use super::run;
use crate::ids::LessonId;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::lint::Lint;

/// How serious an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth fixing; the pack still works.
    Warning,
    /// Learners would hit it.
    Error,
}

/// One lint issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// How serious.
    pub level: Level,
    /// The file, relative to the pack.
    pub file: String,
    /// The line in the file (of the step, or of the top-level field), when known.
    pub line: Option<usize>,
    /// The column on that line, when known (for errors found while reading the file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The id of the step it is about, when it is about a step that has one.
    pub step: Option<String>,
    /// The field path, e.g. `steps[3].task.goal[0]`.
    pub path: String,
    /// What is wrong and what to do, in [`Issue::lang`].
    pub message: String,
    /// The language the issue is written in (the step and the field path are introduced in
    /// it too); not part of the JSON output, which is the same in every language.
    #[serde(skip)]
    pub lang: Lang,
}

impl std::fmt::Display for Issue {
    /// `file:line:column: error: step ID: message (at `path`)`. The level stays `error` or
    /// `warning` in every language, as in the JSON output, for tools that look for it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {level}: ")?;
        if let Some(step) = &self.step {
            write!(f, "{}", Lint::StepPrefix.fill(self.lang, &[("id", step)]))?;
        }
        write!(f, "{}", self.message)?;
        if !self.path.is_empty() {
            write!(f, "{}", Lint::At.fill(self.lang, &[("path", &self.path)]))?;
        }
        Ok(())
    }
}

struct Ctx<'a> {
    pack: &'a Pack,
    /// The language of the issues.
    lang: Lang,
    file: String,
    /// Where the current file's fields and steps stand, for line numbers.
    outline: crate::input::yaml::Outline,
    /// The ids of the current lesson's steps, for messages that name the step.
    step_ids: Vec<Option<String>>,
    out: Vec<Issue>,
}

impl<'a> Ctx<'a> {
    /// A context with no file read yet and no issue.
    fn new(pack: &'a Pack, lang: Lang) -> Ctx<'a> {
        Ctx {
            pack,
            lang,
            file: String::new(),
            outline: Default::default(),
            step_ids: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Starts the issues of another file of the pack.
    fn file(&mut self, file: &str, lesson: Option<&Lesson>) {
        self.file = file.to_string();
        self.outline = self
            .pack
            .read(file, self.lang)
            .map(|t| crate::input::yaml::Outline::of(&t))
            .unwrap_or_default();
        self.step_ids = lesson
            .map(|l| {
                l.steps
                    .iter()
                    .map(|s| s.id.as_ref().map(|x| x.to_string()))
                    .collect()
            })
            .unwrap_or_default();
    }

    fn push(&mut self, level: Level, path: &str, message: impl Into<String>) {
        let step = path
            .strip_prefix("steps[")
            .and_then(|r| r.split(']').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| self.step_ids.get(i).cloned().flatten());
        self.out.push(Issue {
            level,
            file: self.file.clone(),
            line: self.outline.line_of(path),
            column: None,
            step,
            path: path.into(),
            message: message.into(),
            lang: self.lang,
        });
    }

    /// `m` in the issues' language.
    fn say(&self, m: Lint) -> String {
        m.text(self.lang).to_string()
    }

    /// `m` in the issues' language, with its values.
    fn fill(&self, m: Lint, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        m.fill(self.lang, args)
    }

    fn text(&mut self, path: &str, t: &Text) {
        self.glossary_links(path, t);
        if let Text::Map(m) = t {
            let langs = self.pack.meta.languages.join(", ");
            for lang in &self.pack.meta.languages {
                if m.get(lang).is_none_or(|s| s.trim().is_empty()) {
                    let message = self.fill(Lint::NoLangText, &[("lang", lang), ("langs", &langs)]);
                    self.push(Level::Warning, path, message);
                }
            }
            for lang in m.keys() {
                if !self.pack.meta.languages.contains(lang) {
                    let message =
                        self.fill(Lint::LangNotDeclared, &[("lang", lang), ("langs", &langs)]);
                    self.push(Level::Warning, path, message);
                }
            }
        }
    }
}

/// Lints a loaded pack, with the issues in English ([`lint_in`] writes them in another
/// language).
pub fn lint(pack: &Pack) -> Vec<Issue> {
    lint_in(pack, Lang::En)
}

/// Lints a loaded pack, with the issues in `lang` (and the goal sentences they quote in it,
/// when the pack has texts in it). A lesson that did not load is reported with the loader's
/// error as the loader wrote it, so load the pack in `lang` too (`load::load_dir_in`).
pub fn lint_in(pack: &Pack, lang: Lang) -> Vec<Issue> {
    let mut cx = Ctx::new(pack, lang);
    cx.file("pack.yaml", None);
    lint_glossary(&mut cx);
    cx.text("title", &pack.meta.title.clone());
    if let Some(d) = pack.meta.description.clone() {
        cx.text("description", &d);
    }
    let ids: Vec<&str> = pack.ok_lessons().map(|l| l.id.as_str()).collect();
    // Whether each entry repeats the id of an earlier one, decided in order before the
    // lessons are linted apart.
    let mut seen = Vec::new();
    let twice: Vec<bool> = pack
        .lessons
        .iter()
        .map(|entry| match entry {
            LessonEntry::Broken { .. } => false,
            LessonEntry::Ok { lesson, .. } => {
                let again = seen.contains(&&lesson.id);
                seen.push(&lesson.id);
                again
            }
        })
        .collect();
    let jobs: Vec<(&LessonEntry, bool)> = pack.lessons.iter().zip(twice).collect();
    // Each lesson is linted on its own (its solutions and near misses replayed in fresh
    // sandboxes, which is most of the time), so two threads take the lessons in turn, each
    // the next one not yet taken; their issues are put back in the pack's order, the same
    // as one thread gives.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 2)
        .min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<Issue>)> = std::thread::scope(|scope| {
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(job) = jobs.get(i) else {
                    return done;
                };
                done.push((i, lint_entry(pack, lang, *job, &ids)));
            }
        };
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for h in helpers {
            // A helper that panicked (a bug) passes its panic on, as one thread would.
            all.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    });
    parts.sort_by_key(|(i, _)| *i);
    cx.out
        .extend(parts.into_iter().flat_map(|(_, issues)| issues));
    requires_cycles(&mut cx);
    cx.out
}

/// The issues of one of the pack's entries, given with whether its id repeats an earlier
/// lesson's.
fn lint_entry(
    pack: &Pack,
    lang: Lang,
    (entry, twice): (&LessonEntry, bool),
    ids: &[&str],
) -> Vec<Issue> {
    let mut cx = Ctx::new(pack, lang);
    match entry {
        LessonEntry::Broken { file, error } => {
            // Where the reader stopped leads the message: `file:line:column:`.
            cx.out.push(Issue {
                level: Level::Error,
                file: file.clone(),
                line: error.location.map(|(l, _)| l),
                column: error.location.map(|(_, c)| c).filter(|c| *c > 1),
                step: None,
                path: error.path.clone(),
                message: error.message.render(lang),
                lang,
            });
        }
        LessonEntry::Ok { file, lesson } => {
            cx.file(file, Some(lesson));
            if twice {
                let message = cx.fill(Lint::LessonIdTwice, &[("id", &lesson.id)]);
                cx.push(Level::Error, "id", message);
            }
            lint_lesson(&mut cx, lesson, ids);
        }
    }
    cx.out
}

/// A glossary that did not load is an error at its line (the pack's lessons still load, but
/// their links to its terms do not resolve).
fn lint_glossary(cx: &mut Ctx) {
    if let Err(e) = &cx.pack.glossary {
        cx.out.push(Issue {
            level: Level::Error,
            file: e.file.clone(),
            line: e.location.map(|(l, _)| l),
            column: e.location.map(|(_, c)| c).filter(|c| *c > 1),
            step: None,
            path: e.path.clone(),
            message: e.message.render(cx.lang),
            lang: cx.lang,
        });
    }
}

impl Ctx<'_> {
    /// Every `[text](glossary:ID)` link of a text must name a term of the pack's glossary or
    /// of the built-in course's; each unknown id is reported once per text.
    fn glossary_links(&mut self, path: &str, t: &Text) {
        let texts: Vec<&str> = match t {
            Text::One(s) => vec![s.as_str()],
            Text::Map(m) => m.values().map(String::as_str).collect(),
        };
        let mut unknown: Vec<String> = Vec::new();
        for id in texts.into_iter().flat_map(super::glossary::links) {
            if self.pack.term(&id).is_none() && !unknown.contains(&id) {
                unknown.push(id);
            }
        }
        for id in unknown {
            let file = super::glossary::FILE;
            let message = match &self.pack.glossary {
                Err(_) => self.fill(Lint::GlossaryLinkBroken, &[("id", &id), ("file", &file)]),
                Ok(g) => {
                    let known = g
                        .terms
                        .iter()
                        .chain(&super::load::built_in_glossary().terms)
                        .map(|t| t.id.as_str());
                    match crate::suggest::nearest(&id, known) {
                        Some(near) => {
                            self.fill(Lint::GlossaryNoTermNear, &[("id", &id), ("near", &near)])
                        }
                        None => self.fill(Lint::GlossaryNoTerm, &[("id", &id), ("file", &file)]),
                    }
                }
            };
            self.push(Level::Error, path, message);
        }
    }
}

/// Reports a lesson that requires itself and every cycle of `requires` (no lesson of a
/// cycle can ever be started), each cycle once, on the file of its first lesson by id.
fn requires_cycles(cx: &mut Ctx) {
    use std::collections::{BTreeMap, BTreeSet};
    let lessons: BTreeMap<&str, (&str, &[LessonId])> = cx
        .pack
        .lessons
        .iter()
        .filter_map(|e| match e {
            LessonEntry::Ok { file, lesson } => Some((
                lesson.id.as_str(),
                (file.as_str(), lesson.requires.as_slice()),
            )),
            LessonEntry::Broken { .. } => None,
        })
        .collect();
    // Depth first from every lesson; a requirement already on the path closes a cycle.
    fn walk<'a>(
        id: &'a str,
        lessons: &BTreeMap<&'a str, (&'a str, &'a [LessonId])>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        cycles: &mut BTreeSet<Vec<&'a str>>,
    ) {
        if done.contains(id) {
            return;
        }
        if let Some(at) = path.iter().position(|p| *p == id) {
            let mut cycle: Vec<&str> = path.iter().skip(at).copied().collect();
            // The same cycle found from another lesson starts at its smallest id.
            if let Some(min) = cycle
                .iter()
                .enumerate()
                .min_by_key(|(_, l)| **l)
                .map(|(i, _)| i)
            {
                cycle.rotate_left(min);
            }
            cycles.insert(cycle);
            return;
        }
        let Some((_, requires)) = lessons.get(id) else {
            return;
        };
        path.push(id);
        for r in requires.iter() {
            walk(r.as_str(), lessons, path, done, cycles);
        }
        path.pop();
        done.insert(id);
    }
    let mut cycles = BTreeSet::new();
    let mut done = BTreeSet::new();
    for id in lessons.keys() {
        walk(id, &lessons, &mut Vec::new(), &mut done, &mut cycles);
    }
    for cycle in cycles {
        let Some((first, (file, _))) = cycle.first().and_then(|f| lessons.get_key_value(f)) else {
            continue;
        };
        let file = (*file).to_string();
        cx.file(&file, None);
        let message = if cycle.len() == 1 {
            cx.fill(Lint::RequiresItself, &[("id", first)])
        } else {
            let names: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|l| format!("`{l}`"))
                .collect();
            cx.fill(Lint::RequiresCycle, &[("cycle", &names.join(" → "))])
        };
        cx.push(Level::Error, "requires", message);
    }
}

fn lint_lesson(cx: &mut Ctx, l: &Lesson, ids: &[&str]) {
    cx.text("title", &l.title);
    cx.text("summary", &l.summary);
    let broken: Vec<&str> = cx
        .pack
        .lessons
        .iter()
        .filter_map(|e| match e {
            LessonEntry::Broken { file, .. } => Some(file.as_str()),
            LessonEntry::Ok { .. } => None,
        })
        .collect();
    for (i, r) in l.requires.iter().enumerate() {
        if !ids.contains(&r.as_str()) {
            // A lesson that failed to load has no id to match: say so rather than "no such
            // lesson", so that the one real error is the one fixed.
            let message = if broken.is_empty() {
                let mut m = cx.fill(Lint::NoSuchLesson, &[("id", r)]);
                if let Some(n) = crate::suggest::nearest(r.as_str(), ids.iter().copied()) {
                    m.push_str(&cx.fill(Lint::DidYouMean, &[("name", &n)]));
                }
                m
            } else {
                cx.fill(
                    Lint::RequiresBroken,
                    &[("id", r), ("files", &broken.join(", "))],
                )
            };
            cx.push(Level::Error, &format!("requires[{i}]"), message);
        }
    }
    if let Some(s) = &l.scenario
        && let Err(e) = cx.pack.sandbox_in(Some(s), cx.lang)
    {
        let message = cx.fill(Lint::LessonScenario, &[("error", &e)]);
        cx.push(Level::Error, "scenario", message);
    }
    for (i, s) in l.steps.iter().enumerate() {
        let path = format!("steps[{i}]");
        for (j, h) in s.hints.iter().enumerate() {
            cx.text(&format!("{path}.hints[{j}]"), h);
        }
        if let Some(e) = &s.explain {
            cx.text(&format!("{path}.explain"), e);
        }
        lint_step(cx, l, s, &path);
    }
}

/// How many near misses an exercise should have.
pub const NEAR_MISSES: usize = 2;

/// Every near miss of a step must fail; an exercise with fewer than [`NEAR_MISSES`] gets a
/// warning (the built-in course's test holds it to no warnings).
fn lint_near_misses(cx: &mut Ctx, l: &Lesson, s: &Step, path: &str) {
    let kind = s.kind();
    let wanted = matches!(
        kind,
        StepKind::Task | StepKind::Policy | StepKind::Investigate
    );
    if wanted && s.wrong.len() < NEAR_MISSES {
        let message = cx.fill(
            Lint::FewNearMisses,
            &[("n", &s.wrong.len()), ("min", &NEAR_MISSES)],
        );
        cx.push(Level::Warning, &format!("{path}.wrong"), message);
    }
    for (k, w) in s.wrong.iter().enumerate() {
        if let Some(why) = &w.why {
            cx.text(&format!("{path}.wrong[{k}].why"), why);
        }
        match run::near_miss_passes(cx.pack, l, s, w, cx.lang) {
            Ok(false) => {}
            Ok(true) => {
                let message = cx.say(Lint::NearMissPasses);
                cx.push(Level::Error, &format!("{path}.wrong[{k}]"), message);
            }
            Err(e) => cx.push(Level::Error, &format!("{path}.wrong[{k}].attempt"), e),
        }
    }
}

fn lint_step(cx: &mut Ctx, l: &Lesson, s: &Step, path: &str) {
    // The goal sentences quoted in issues: in the issues' language, the author's texts in it
    // or else in the pack's default language.
    let lang = cx.lang.code();
    let fallback = cx.pack.default_language().to_string();
    lint_near_misses(cx, l, s, path);
    match s.kind() {
        StepKind::Read => {
            if let Some(t) = s.read() {
                cx.text(&format!("{path}.read"), t);
            }
        }
        StepKind::Quiz => {
            let Some(q) = s.quiz() else { return };
            cx.text(&format!("{path}.quiz.question"), &q.question);
            let correct = q.choices.iter().filter(|c| c.correct).count();
            if q.choices.len() < 2 {
                let message = cx.say(Lint::QuizFewChoices);
                cx.push(Level::Error, &format!("{path}.quiz.choices"), message);
            }
            if correct == 0 {
                let message = cx.say(Lint::QuizNoCorrect);
                cx.push(Level::Error, &format!("{path}.quiz.choices"), message);
            } else if correct > 1 && !q.multiple {
                let message = cx.fill(Lint::QuizManyCorrect, &[("n", &correct)]);
                cx.push(Level::Error, &format!("{path}.quiz"), message);
            }
            // A wrong choice's `why` is shown to a learner who picked it, and a near miss's
            // to one who picked its set: neither may hand out a right choice.
            let right = |lang: &str| -> Vec<String> {
                q.choices
                    .iter()
                    .filter(|c| c.correct)
                    .map(|c| c.text.get(lang, &fallback).to_string())
                    .collect()
            };
            for (j, c) in q.choices.iter().enumerate() {
                if let (false, Some(w)) = (c.correct, &c.why) {
                    let own = |lang: &str| c.text.get(lang, &fallback).to_string();
                    feedback_leak(cx, &format!("{path}.quiz.choices[{j}].why"), w, right, own);
                }
            }
            for (k, w) in s.wrong.iter().enumerate() {
                if let (Some(why), Solution::Choices(picked)) = (&w.why, &w.attempt) {
                    let own = |lang: &str| {
                        picked
                            .iter()
                            .filter_map(|&n| {
                                q.choices.get(usize::try_from(n).ok()?.checked_sub(1)?)
                            })
                            .map(|c| c.text.get(lang, &fallback))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    feedback_leak(cx, &format!("{path}.wrong[{k}].why"), why, right, own);
                }
            }
            for (j, c) in q.choices.iter().enumerate() {
                cx.text(&format!("{path}.quiz.choices[{j}].text"), &c.text);
                match &c.why {
                    Some(w) => cx.text(&format!("{path}.quiz.choices[{j}].why"), w),
                    None => {
                        let message = cx.say(Lint::ChoiceNoWhy);
                        cx.push(
                            Level::Warning,
                            &format!("{path}.quiz.choices[{j}]"),
                            message,
                        );
                    }
                }
            }
        }
        StepKind::Predict => {
            if let Some(q) = s.predict().and_then(|p| p.question.as_ref()) {
                cx.text(&format!("{path}.predict.question"), q);
            }
            if let Err(e) = run::predict_answer_in(cx.pack, l, s, cx.lang) {
                let message = cx.fill(Lint::RequestDoesNotEvaluate, &[("error", &e)]);
                cx.push(Level::Error, &format!("{path}.predict.request"), message);
            }
        }
        StepKind::Policy => {
            let Some(p) = s.policy() else { return };
            cx.text(&format!("{path}.policy.prompt"), &p.prompt);
            if p.expect.allow.is_empty() && p.expect.deny.is_empty() {
                let message = cx.say(Lint::NoExpectedRequest);
                cx.push(Level::Error, &format!("{path}.policy.expect"), message);
            }
            let starter = p.starter.clone().unwrap_or_default();
            let start = run::check_policy_in(cx.pack, l, s, &starter, cx.lang);
            if start.broken {
                let message = start.error.map(|e| e.render(cx.lang)).unwrap_or_default();
                cx.push(Level::Error, &format!("{path}.policy"), message);
                return;
            }
            if start.passed() {
                let message = cx.say(Lint::StarterPasses);
                cx.push(Level::Error, &format!("{path}.policy.starter"), message);
            }
            match &s.solution {
                Some(Solution::Text(sol)) => {
                    let r = run::check_policy_in(cx.pack, l, s, sol, cx.lang);
                    if !r.passed() {
                        let why =
                            r.error
                                .as_ref()
                                .map(|e| e.render(cx.lang))
                                .unwrap_or_else(|| {
                                    let bad: Vec<String> = r
                                        .expectations
                                        .iter()
                                        .filter(|e| !e.ok())
                                        .map(|e| {
                                            let m = if e.want_allow {
                                                Lint::ShouldBeAllowed
                                            } else {
                                                Lint::ShouldBeDenied
                                            };
                                            cx.fill(
                                                m,
                                                &[
                                                    ("action", &e.request.action),
                                                    ("resource", &e.request.resource),
                                                    ("got", &e.got.as_str()),
                                                ],
                                            )
                                        })
                                        .collect();
                                    if bad.is_empty() {
                                        cx.fill(Lint::TooSevere, &[("n", &r.too_severe)])
                                    } else {
                                        bad.join("; ")
                                    }
                                });
                        let message = cx.fill(Lint::SolutionFails, &[("why", &why)]);
                        cx.push(Level::Error, &format!("{path}.solution"), message);
                    }
                }
                _ => {
                    let message = cx.say(Lint::PolicyNeedsSolution);
                    cx.push(Level::Error, &format!("{path}.solution"), message);
                }
            }
        }
        StepKind::Task => {
            let Some(t) = s.task() else { return };
            cx.text(&format!("{path}.task.prompt"), &t.prompt);
            if t.goal.is_empty() {
                let message = cx.say(Lint::TaskNeedsGoal);
                cx.push(Level::Error, &format!("{path}.task.goal"), message);
                return;
            }
            let run0 = match run::start_task_in(cx.pack, l, s, cx.lang) {
                Ok(r) => r,
                Err(e) => {
                    let message = cx.fill(Lint::TaskDoesNotStart, &[("error", &e)]);
                    cx.push(Level::Error, &format!("{path}.task"), message);
                    return;
                }
            };
            if run0.check(s, lang, &fallback).passed() {
                let message = cx.say(Lint::GoalAlreadyHolds);
                cx.push(Level::Error, &format!("{path}.task.goal"), message);
            }
            let sessions: Vec<(String, &WebIdentitySession)> = t
                .goal
                .iter()
                .enumerate()
                .flat_map(|(k, g)| web_identities(&g.check, format!("{path}.task.goal[{k}]")))
                .collect();
            web_identity_tokens(cx, &sessions, &run0.sandbox);
            let roles_at_start: Vec<String> = run0.sandbox.account.roles.keys().cloned().collect();
            match &s.solution {
                Some(Solution::Commands(cmds)) => {
                    let mut r = run0;
                    for (k, c) in cmds.iter().enumerate() {
                        let out = r.sandbox.run(c);
                        if out.code != 0 {
                            let message = cx
                                .fill(Lint::SolutionCommandFails, &[("error", &out.stderr.trim())]);
                            cx.push(Level::Error, &format!("{path}.solution[{k}]"), message);
                        }
                    }
                    // A session's role may be one the solution makes.
                    for (at, w) in &sessions {
                        if !roles_at_start.contains(&w.role)
                            && !r.sandbox.account.roles.contains_key(&w.role)
                        {
                            let message = NoOne::Role(w.role.clone()).text(cx.lang);
                            cx.push(Level::Error, &format!("{at}.web_identity.role"), message);
                        }
                    }
                    let g = r.check(s, lang, &fallback);
                    for (k, res) in g.results.iter().enumerate() {
                        if !res.ok {
                            let message = cx.fill(Lint::GoalStillFails, &[("what", &res.what)]);
                            cx.push(Level::Error, &format!("{path}.task.goal[{k}]"), message);
                        }
                    }
                }
                _ => {
                    let message = cx.say(Lint::TaskNeedsSolution);
                    cx.push(Level::Error, &format!("{path}.solution"), message);
                }
            }
        }
        StepKind::Investigate => {
            let Some(i) = s.investigate() else { return };
            cx.text(&format!("{path}.investigate.question"), &i.question);
            for (k, w) in s.wrong.iter().enumerate() {
                if let (Some(why), Solution::Text(attempt)) = (&w.why, &w.attempt) {
                    let answers = |_: &str| i.answer.clone();
                    let own = |_: &str| attempt.clone();
                    feedback_leak(cx, &format!("{path}.wrong[{k}].why"), why, answers, own);
                }
            }
            if i.answer.is_empty() {
                let message = cx.say(Lint::NeedsAnswer);
                cx.push(Level::Error, &format!("{path}.investigate.answer"), message);
                return;
            }
            let mut r = match run::start_task_in(cx.pack, l, s, cx.lang) {
                Ok(r) => r,
                Err(e) => {
                    let message = cx.fill(Lint::InvestigationDoesNotStart, &[("error", &e)]);
                    cx.push(Level::Error, &format!("{path}.investigate"), message);
                    return;
                }
            };
            let mut seen = account_text(&r.sandbox.account);
            if let Some(Solution::Commands(cmds)) = &s.solution {
                for c in cmds {
                    let out = r.sandbox.run(c);
                    seen.push_str(&out.stdout);
                }
            }
            let lower = seen.to_lowercase();
            if !i
                .answer
                .iter()
                .any(|a| lower.contains(&a.trim().to_lowercase()))
            {
                let message = cx.fill(Lint::AnswerNotInData, &[("answers", &i.answer.join(", "))]);
                cx.push(Level::Error, &format!("{path}.investigate.answer"), message);
            }
        }
    }
}

/// The web identity sessions that the `can` and `cannot` checks in `c` name (in `all`, `any`
/// and `not` too), each with the field path of its `principal`.
fn web_identities(c: &Check, at: String) -> Vec<(String, &WebIdentitySession)> {
    match c {
        Check::Can(r) | Check::Cannot(r) => match &r.principal {
            PrincipalSpec::WebIdentity(w) => {
                let kind = if matches!(c, Check::Can(_)) {
                    "can"
                } else {
                    "cannot"
                };
                vec![(format!("{at}.{kind}.principal"), &w.web_identity)]
            }
            PrincipalSpec::Named(_) => Vec::new(),
        },
        Check::All(gs) | Check::Any(gs) => {
            let kind = if matches!(c, Check::All(_)) {
                "all"
            } else {
                "any"
            };
            gs.iter()
                .enumerate()
                .flat_map(|(i, g)| web_identities(&g.check, format!("{at}.{kind}[{i}]")))
                .collect()
        }
        Check::Not(g) => web_identities(&g.check, format!("{at}.not")),
        _ => Vec::new(),
    }
}

/// Reports each web identity session whose token the step's scenario does not declare.
fn web_identity_tokens(
    cx: &mut Ctx,
    sessions: &[(String, &WebIdentitySession)],
    sb: &crate::account::command::Sandbox,
) {
    for (at, w) in sessions {
        if sb.tokens.contains_key(&w.token) {
            continue;
        }
        let mut message = NoOne::Token(w.token.clone()).text(cx.lang);
        if let Some(n) = crate::suggest::nearest(&w.token, sb.tokens.keys().map(String::as_str)) {
            message.push_str(&cx.fill(Lint::DidYouMean, &[("name", &n)]));
        }
        cx.push(Level::Error, &format!("{at}.web_identity.token"), message);
    }
}

/// Reports a wrong answer's feedback that names an accepted answer (`answers` gives them in
/// the feedback's language): feedback says why that answer is wrong, and a learner who
/// guessed must still find the right one. An accepted answer that the wrong answer itself
/// names (`own`: "Groups" in "Security groups") may be repeated. A plain string is checked in
/// the pack's languages.
fn feedback_leak(
    cx: &mut Ctx,
    path: &str,
    why: &Text,
    answers: impl Fn(&str) -> Vec<String>,
    own: impl Fn(&str) -> String,
) {
    let texts: Vec<(String, &str)> = match why {
        Text::One(t) => cx
            .pack
            .meta
            .languages
            .iter()
            .map(|l| (l.clone(), t.as_str()))
            .collect(),
        Text::Map(m) => m.iter().map(|(l, t)| (l.clone(), t.as_str())).collect(),
    };
    let mut named: Vec<String> = Vec::new();
    for (lang, text) in texts {
        let own = own(&lang);
        for a in answers(&lang) {
            if names(text, &a) && !names(&own, &a) && !named.contains(&a) {
                named.push(a);
            }
        }
    }
    for a in named {
        let message = cx.fill(Lint::FeedbackNamesAnswer, &[("answer", &a.trim())]);
        cx.push(Level::Error, path, message);
    }
}

/// A text as a reader sees it: without Markdown's emphasis and code marks, lowercased.
fn plain(t: &str) -> String {
    t.chars()
        .filter(|c| !matches!(c, '*' | '`' | '_'))
        .collect::<String>()
        .trim()
        .to_lowercase()
}

/// Whether `text` names `answer` as a word of its own: `nishi` in "… is nishi.", but not
/// `ReadOnlyAccess` inside `AmazonS3ReadOnlyAccess` (an ASCII letter, digit or `-` next to
/// it makes it part of another name). Case and Markdown marks do not matter.
fn names(text: &str, answer: &str) -> bool {
    let (text, answer) = (plain(text), plain(answer));
    if answer.is_empty() {
        return false;
    }
    // Two characters of one word: ASCII letters and digits (with `-`), or katakana (with
    // 「ー」), so that ロール is not found in ロールセッション.
    let kind = |c: char| {
        if c.is_ascii_alphanumeric() || c == '-' {
            1
        } else if ('\u{30A0}'..='\u{30FF}').contains(&c) {
            2
        } else {
            0
        }
    };
    let joined = |edge: Option<char>, next: Option<char>| match (edge, next) {
        (Some(e), Some(n)) => kind(e) != 0 && kind(e) == kind(n),
        _ => false,
    };
    text.match_indices(&answer).any(|(at, _)| {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let after = text.get(at + answer.len()..).and_then(|a| a.chars().next());
        !joined(answer.chars().next(), before) && !joined(answer.chars().next_back(), after)
    })
}

/// Everything a learner could look at in an account, as text.
fn account_text(a: &crate::account::Account) -> String {
    let mut s = crate::account::credential_report(a);
    for e in &a.cloudtrail.events {
        s.push_str(&e.record_json(&a.id).to_string());
        s.push('\n');
    }
    for i in a.instances.values() {
        s.push_str(&format!(
            "{} {} {} {}\n",
            i.id, i.instance_type, i.launched_by, i.launched_from
        ));
    }
    for f in &a.guardduty.findings {
        s.push_str(&format!("{} {} {}\n", f.kind, f.resource, f.description));
    }
    for m in &a.billing.inbox {
        s.push_str(&format!("{} {}\n", m.subject, m.body));
    }
    for u in a.users.values() {
        s.push_str(&format!("{} {} {}\n", u.name, u.arn, u.groups.join(" ")));
    }
    for r in a.roles.values() {
        s.push_str(&format!("{} {}\n", r.name, r.arn));
    }
    for b in a.buckets.keys() {
        s.push_str(b);
        s.push('\n');
    }
    for g in a.security_groups.values() {
        s.push_str(&format!("{} {}\n", g.id, g.name));
    }
    s
}
