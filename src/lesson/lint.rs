//! `lessons lint`: proves before class that a pack works — every file loads, every reference
//! resolves, every text has every language, every quiz has a right answer, every prediction
//! evaluates, and every task and policy exercise is solvable by its solution but not already
//! solved.

use serde::Serialize;

use super::load::{LessonEntry, Pack};
use super::model::{Lesson, Solution, Step, StepKind, Text};
use super::run;
use crate::ids::LessonId;

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
    /// What is wrong and what to do.
    pub message: String,
}

impl std::fmt::Display for Issue {
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
            write!(f, "step {step}: ")?;
        }
        write!(f, "{}", self.message)?;
        if !self.path.is_empty() {
            write!(f, " (at `{}`)", self.path)?;
        }
        Ok(())
    }
}

struct Ctx<'a> {
    pack: &'a Pack,
    file: String,
    /// Where the current file's fields and steps stand, for line numbers.
    outline: crate::input::yaml::Outline,
    /// The ids of the current lesson's steps, for messages that name the step.
    step_ids: Vec<Option<String>>,
    out: Vec<Issue>,
}

impl Ctx<'_> {
    /// Starts the issues of another file of the pack.
    fn file(&mut self, file: &str, lesson: Option<&Lesson>) {
        self.file = file.to_string();
        self.outline = self
            .pack
            .read(file)
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
        });
    }

    fn text(&mut self, path: &str, t: &Text) {
        self.glossary_links(path, t);
        if let Text::Map(m) = t {
            for lang in &self.pack.meta.languages {
                if m.get(lang).is_none_or(|s| s.trim().is_empty()) {
                    self.push(
                        Level::Warning,
                        path,
                        format!(
                            "no `{lang}` text; the pack declares {}",
                            self.pack.meta.languages.join(", ")
                        ),
                    );
                }
            }
            for lang in m.keys() {
                if !self.pack.meta.languages.contains(lang) {
                    self.push(
                        Level::Warning,
                        path,
                        format!(
                            "`{lang}` is not one of the pack's languages ({})",
                            self.pack.meta.languages.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

/// Lints a loaded pack.
pub fn lint(pack: &Pack) -> Vec<Issue> {
    let mut cx = Ctx {
        pack,
        file: String::new(),
        outline: Default::default(),
        step_ids: Vec::new(),
        out: Vec::new(),
    };
    cx.file("pack.yaml", None);
    lint_glossary(&mut cx);
    cx.text("title", &pack.meta.title.clone());
    if let Some(d) = pack.meta.description.clone() {
        cx.text("description", &d);
    }
    let ids: Vec<&str> = pack.ok_lessons().map(|l| l.id.as_str()).collect();
    let mut seen = Vec::new();
    for entry in &pack.lessons {
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
                    message: error.message.clone(),
                });
            }
            LessonEntry::Ok { file, lesson } => {
                cx.file(file, Some(lesson));
                if seen.contains(&lesson.id) {
                    cx.push(
                        Level::Error,
                        "id",
                        format!("the lesson id `{}` is used twice in the pack", lesson.id),
                    );
                }
                seen.push(lesson.id.clone());
                lint_lesson(&mut cx, lesson, &ids);
            }
        }
    }
    requires_cycles(&mut cx);
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
            message: e.message.clone(),
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
            let message = match &self.pack.glossary {
                Err(_) => format!(
                    "links to the glossary term `{id}`, but {} did not load; fix it first",
                    super::glossary::FILE
                ),
                Ok(g) => {
                    let known = g
                        .terms
                        .iter()
                        .chain(&super::load::built_in_glossary().terms)
                        .map(|t| t.id.as_str());
                    match crate::suggest::nearest(&id, known) {
                        Some(near) => format!("no glossary term `{id}`; did you mean `{near}`?"),
                        None => format!(
                            "no glossary term `{id}`; add it to {} or link a term it has",
                            super::glossary::FILE
                        ),
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
            format!(
                "the lesson `{first}` requires itself, so it can never be started; remove it from its own `requires`"
            )
        } else {
            let names: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|l| format!("`{l}`"))
                .collect();
            format!(
                "the lessons {} require each other in a cycle, so none of them can ever be started; remove one of these requirements",
                names.join(" → ")
            )
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
                format!(
                    "no lesson `{r}` in this pack{}",
                    crate::suggest::did_you_mean(r.as_str(), ids.iter().copied())
                )
            } else {
                format!(
                    "requires `{r}`, which is not among the lessons that loaded; it may be a lesson that failed to load ({}): fix that one first",
                    broken.join(", ")
                )
            };
            cx.push(Level::Error, &format!("requires[{i}]"), message);
        }
    }
    if let Some(s) = &l.scenario
        && let Err(e) = cx.pack.sandbox(Some(s))
    {
        cx.push(
            Level::Error,
            "scenario",
            format!("the scenario does not load: {e}"),
        );
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
fn lint_near_misses(cx: &mut Ctx, l: &Lesson, s: &Step, path: &str, lang: &str) {
    let kind = s.kind();
    let wanted = matches!(
        kind,
        StepKind::Task | StepKind::Policy | StepKind::Investigate
    );
    if wanted && s.wrong.len() < NEAR_MISSES {
        cx.push(
            Level::Warning,
            &format!("{path}.wrong"),
            format!(
                "{} near miss(es); give at least {NEAR_MISSES} `wrong:` attempts a learner would plausibly make, so lint proves they fail",
                s.wrong.len()
            ),
        );
    }
    for (k, w) in s.wrong.iter().enumerate() {
        if let Some(why) = &w.why {
            cx.text(&format!("{path}.wrong[{k}].why"), why);
        }
        match run::near_miss_passes(cx.pack, l, s, w, lang) {
            Ok(false) => {}
            Ok(true) => cx.push(
                Level::Error,
                &format!("{path}.wrong[{k}]"),
                "this near miss passes: a learner making this mistake would be told \"Correct!\"; strengthen the goal or the expected requests",
            ),
            Err(e) => cx.push(Level::Error, &format!("{path}.wrong[{k}].attempt"), e),
        }
    }
}

fn lint_step(cx: &mut Ctx, l: &Lesson, s: &Step, path: &str) {
    let lang = cx.pack.default_language().to_string();
    lint_near_misses(cx, l, s, path, &lang);
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
                cx.push(
                    Level::Error,
                    &format!("{path}.quiz.choices"),
                    "a quiz needs at least two choices",
                );
            }
            if correct == 0 {
                cx.push(
                    Level::Error,
                    &format!("{path}.quiz.choices"),
                    "no choice is marked `correct: true`",
                );
            } else if correct > 1 && !q.multiple {
                cx.push(
                    Level::Error,
                    &format!("{path}.quiz"),
                    format!("{correct} choices are correct; set `multiple: true` or keep one"),
                );
            }
            for (j, c) in q.choices.iter().enumerate() {
                cx.text(&format!("{path}.quiz.choices[{j}].text"), &c.text);
                match &c.why {
                    Some(w) => cx.text(&format!("{path}.quiz.choices[{j}].why"), w),
                    None => cx.push(
                        Level::Warning,
                        &format!("{path}.quiz.choices[{j}]"),
                        "no `why`: learners learn most from why a choice is right or wrong",
                    ),
                }
            }
        }
        StepKind::Predict => {
            if let Some(q) = s.predict().and_then(|p| p.question.as_ref()) {
                cx.text(&format!("{path}.predict.question"), q);
            }
            if let Err(e) = run::predict_answer(cx.pack, l, s) {
                cx.push(
                    Level::Error,
                    &format!("{path}.predict.request"),
                    format!("the request does not evaluate: {e}"),
                );
            }
        }
        StepKind::Policy => {
            let Some(p) = s.policy() else { return };
            cx.text(&format!("{path}.policy.prompt"), &p.prompt);
            if p.expect.allow.is_empty() && p.expect.deny.is_empty() {
                cx.push(
                    Level::Error,
                    &format!("{path}.policy.expect"),
                    "give at least one request under `allow` or `deny`",
                );
            }
            let starter = p.starter.clone().unwrap_or_default();
            let start = run::check_policy(cx.pack, l, s, &starter);
            if start
                .error
                .as_deref()
                .is_some_and(|e| e.contains("scenario"))
            {
                cx.push(
                    Level::Error,
                    &format!("{path}.policy"),
                    start.error.clone().unwrap_or_default(),
                );
                return;
            }
            if start.passed() {
                cx.push(
                    Level::Error,
                    &format!("{path}.policy.starter"),
                    "the starter already passes every expectation: there is nothing to do",
                );
            }
            match &s.solution {
                Some(Solution::Text(sol)) => {
                    let r = run::check_policy(cx.pack, l, s, sol);
                    if !r.passed() {
                        let why = r.error.clone().unwrap_or_else(|| {
                            let bad: Vec<String> = r.expectations.iter().filter(|e| !e.ok()).map(|e| format!("{} on {} should be {} but is {}", e.request.action, e.request.resource, if e.want_allow { "allowed" } else { "denied" }, e.got.as_str())).collect();
                            if bad.is_empty() { format!("{} finding(s) worse than max_finding", r.too_severe) } else { bad.join("; ") }
                        });
                        cx.push(Level::Error, &format!("{path}.solution"), format!("the solution does not pass: {why}"));
                    }
                }
                _ => cx.push(Level::Error, &format!("{path}.solution"), "a policy exercise needs a `solution` policy (it powers \"show me\" and proves the exercise is solvable)"),
            }
        }
        StepKind::Task => {
            let Some(t) = s.task() else { return };
            cx.text(&format!("{path}.task.prompt"), &t.prompt);
            if t.goal.is_empty() {
                cx.push(
                    Level::Error,
                    &format!("{path}.task.goal"),
                    "a task needs at least one check in `goal`",
                );
                return;
            }
            let run0 = match run::start_task(cx.pack, l, s) {
                Ok(r) => r,
                Err(e) => {
                    cx.push(
                        Level::Error,
                        &format!("{path}.task"),
                        format!("the task does not start: {e}"),
                    );
                    return;
                }
            };
            if run0.check(s, &lang, &lang).passed() {
                cx.push(
                    Level::Error,
                    &format!("{path}.task.goal"),
                    "the goal already holds before the learner does anything",
                );
            }
            match &s.solution {
                Some(Solution::Commands(cmds)) => {
                    let mut r = run0;
                    for (k, c) in cmds.iter().enumerate() {
                        let out = r.sandbox.run(c);
                        if out.code != 0 {
                            cx.push(
                                Level::Error,
                                &format!("{path}.solution[{k}]"),
                                format!("the solution command fails: {}", out.stderr.trim()),
                            );
                        }
                    }
                    let g = r.check(s, &lang, &lang);
                    for (k, res) in g.results.iter().enumerate() {
                        if !res.ok {
                            cx.push(
                                Level::Error,
                                &format!("{path}.task.goal[{k}]"),
                                format!("after the solution, the goal still fails: {}", res.what),
                            );
                        }
                    }
                }
                _ => cx.push(
                    Level::Error,
                    &format!("{path}.solution"),
                    "a task needs a `solution` list of commands",
                ),
            }
        }
        StepKind::Investigate => {
            let Some(i) = s.investigate() else { return };
            cx.text(&format!("{path}.investigate.question"), &i.question);
            if i.answer.is_empty() {
                cx.push(
                    Level::Error,
                    &format!("{path}.investigate.answer"),
                    "give at least one accepted answer",
                );
                return;
            }
            let mut r = match run::start_task(cx.pack, l, s) {
                Ok(r) => r,
                Err(e) => {
                    cx.push(
                        Level::Error,
                        &format!("{path}.investigate"),
                        format!("the investigation does not start: {e}"),
                    );
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
                cx.push(Level::Error, &format!("{path}.investigate.answer"), format!("none of the accepted answers ({}) appears in the scenario's data: learners could not find it", i.answer.join(", ")));
            }
        }
    }
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
