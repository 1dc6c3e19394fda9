//! Running exercises: the one engine the TUI, the plain text mode and `lessons lint` share.
//! Answers of `predict` steps come from the evaluator, never from the lesson file.

use super::check::{self, CheckResult};
use super::load::Pack;
use super::model::{ExpectRequest, FindingType, Lesson, Solution, Step, StepKind, Text, Wrong};
use crate::account::command::{Creds, Profile, Sandbox};
use crate::eval::{Decision, Outcome};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::lint::Lint;
use crate::msg::said::Said;

/// The scenario a step uses: its own, else the lesson's.
pub fn scenario_of<'a>(lesson: &'a Lesson, step: &'a Step) -> Option<&'a str> {
    step.own_scenario().or(lesson.scenario.as_deref())
}

/// Grades a quiz answer (choice indexes from 0).
pub fn grade_quiz(step: &Step, chosen: &[usize]) -> bool {
    let Some(q) = step.quiz() else { return false };
    let mut want: Vec<usize> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.correct)
        .map(|(i, _)| i)
        .collect();
    let mut got = chosen.to_vec();
    want.sort_unstable();
    got.sort_unstable();
    got.dedup();
    want == got
}

/// The evaluator's answer to a predict step: the decision and how it was made (or why there
/// is none, in English: [`predict_answer_in`] says it in another language).
pub fn predict_answer(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
) -> Result<(Decision, crate::account::DecisionTrace), String> {
    predict_answer_in(pack, lesson, step, Lang::En)
}

/// [`predict_answer`], with its error in `lang`.
pub fn predict_answer_in(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
    lang: Lang,
) -> Result<(Decision, crate::account::DecisionTrace), String> {
    let p = step
        .predict()
        .ok_or_else(|| Lint::NotPredictStep.text(lang).to_string())?;
    let sb = pack.sandbox_in(scenario_of(lesson, step), lang)?;
    let (request, set) = check::request_and_policies(&sb, &p.request).map_err(|e| e.text(lang))?;
    let trace = crate::account::DecisionTrace::new(request, &set);
    Ok((trace.explanation.decision.clone(), trace))
}

/// Grades a prediction.
pub fn grade_predict(answer: Outcome, truth: &Decision) -> bool {
    answer == truth.outcome
}

/// One expected request and how the policy fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// The request.
    pub request: ExpectRequest,
    /// True when it should be allowed.
    pub want_allow: bool,
    /// The evaluator's decision.
    pub got: Outcome,
    /// How it was decided, kept when it did not come out as wanted (for the explainer).
    pub trace: Option<Box<crate::account::DecisionTrace>>,
    /// What of the learner's policy made it come out wrong, when it did.
    pub miss: Option<Miss>,
}

/// Why an expected request came out wrong, read off its decision: the statement of the
/// learner's policy to look at (by its line) and the part of it that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// It must be denied, and the learner's statement on `line` allows it `through` one of
    /// its parts.
    Allowed {
        /// The statement's line.
        line: u32,
        /// What lets the request in.
        through: Through,
    },
    /// It must be denied, and a policy of the identity other than the learner's allows it.
    AllowedElsewhere,
    /// It must be allowed, and a `Deny` statement applies: the learner's on `line`, or
    /// another policy's (`None`).
    Denied {
        /// The learner's statement's line.
        line: Option<u32>,
    },
    /// It must be allowed, and no `Allow` statement applies: the learner's that comes
    /// nearest (the first whose action matches, else the first) and why it does not apply.
    NotAllowed {
        /// The statement's line and verdict, when the policy has an `Allow` statement.
        nearest: Option<(u32, crate::eval::explain::Verdict)>,
    },
}

/// The part of a statement that lets in a request that must be denied, found by comparing the
/// request with the ones that must be allowed: another action, another resource, or the same
/// action and resource in another context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Through {
    /// An `Action` entry, as written, that also covers an action no allowed request uses.
    Action(String),
    /// A `Resource` entry, as written, that also covers a resource no allowed request uses.
    Resource(String),
    /// The statement's conditions, each as one line with its context key, all hold in this
    /// request's context.
    Conditions(Vec<(String, String)>),
    /// The statement has no condition, so the context does not matter.
    NoCondition,
}

impl Expectation {
    /// It came out as wanted.
    pub fn ok(&self) -> bool {
        (self.got == Outcome::Allowed) == self.want_allow
    }
}

/// The result of checking a policy exercise.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyReport {
    /// A parse error, if the policy does not parse, or why the exercise cannot be checked;
    /// worded in the learner's language where it is shown.
    pub error: Option<Said>,
    /// The error is the exercise's, not the policy's: its scenario does not load, or it tests
    /// the policy on an identity its scenario does not have.
    pub broken: bool,
    /// validate-policy findings as (type, code, line, details); the details are said in the
    /// learner's language where they are shown (`Detail::text`).
    pub findings: Vec<(String, String, u32, crate::audit::validate::Detail)>,
    /// Findings worse than the exercise allows.
    pub too_severe: usize,
    /// Each expected request.
    pub expectations: Vec<Expectation>,
}

impl PolicyReport {
    /// Everything holds.
    pub fn passed(&self) -> bool {
        self.error.is_none()
            && self.too_severe == 0
            && !self.expectations.is_empty()
            && self.expectations.iter().all(Expectation::ok)
    }
}

/// Checks a learner's policy against a policy step: it must parse, stay under the allowed
/// finding type, and make every expected request come out as expected. A broken exercise's
/// scenario error is in English ([`check_policy_in`] loads the scenario in another language).
pub fn check_policy(pack: &Pack, lesson: &Lesson, step: &Step, text: &str) -> PolicyReport {
    check_policy_in(pack, lesson, step, text, Lang::En)
}

/// [`check_policy`], loading the exercise's scenario in `lang` (the report's other errors are
/// worded where they are shown).
pub fn check_policy_in(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
    text: &str,
    lang: Lang,
) -> PolicyReport {
    let mut report = PolicyReport::default();
    let Some(ex) = step.policy() else {
        report.error = Some(Said::of(Lint::NotPolicyStep));
        return report;
    };
    let doc = match crate::account::document(text, crate::policy::PolicyType::InlineUser) {
        Ok(d) => d,
        Err(e) => {
            report.error = Some(e.said());
            return report;
        }
    };
    let allowed = ex.max_finding;
    if let Ok(v) =
        crate::audit::validate::validate(text, crate::audit::validate::ValidationType::Identity)
    {
        for f in v.findings {
            let ty = serde_json::to_value(f.finding_type)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let line = f.locations.first().map(|l| l.span.start.line).unwrap_or(0);
            // An error always fails; any other finding fails when worse than allowed.
            if FindingType::parse(&ty).is_some_and(|t| t > allowed || t == FindingType::Error) {
                report.too_severe += 1;
            }
            report
                .findings
                .push((ty, f.issue_code.to_string(), line, f.finding_details));
        }
    }
    let mut sb = match pack.sandbox_in(scenario_of(lesson, step), lang) {
        Ok(s) => s,
        Err(e) => {
            report.error = Some(Said::of(Lint::ExerciseScenario).with("error", e));
            report.broken = true;
            return report;
        }
    };
    // The policy becomes the only inline policy "Exercise" of the identity it is tested on.
    let who = ex
        .attach_to
        .clone()
        .unwrap_or_else(|| "user/learner".into());
    let a = &mut sb.account;
    if who == "user/learner" && !a.users.contains_key("learner") {
        let learner = a.new_user("learner", "/");
        a.users.insert("learner".into(), learner);
    }
    let placed = if let Some(u) = who.strip_prefix("user/") {
        a.users
            .get_mut(u)
            .map(|u| u.inline.insert("Exercise".into(), doc.clone()))
            .is_some()
    } else if let Some(r) = who.strip_prefix("role/") {
        a.roles
            .get_mut(r)
            .map(|r| r.inline.insert("Exercise".into(), doc.clone()))
            .is_some()
    } else {
        false
    };
    if !placed {
        report.error = Some(Said::of(Lint::PolicyTargetMissing).with("who", &who));
        report.broken = true;
        return report;
    }
    for (want_allow, list) in [(true, &ex.expect.allow), (false, &ex.expect.deny)] {
        for r in list {
            let spec = super::model::RequestSpec {
                principal: super::model::PrincipalSpec::Named(who.clone()),
                action: r.action.clone(),
                resource: r.resource.clone(),
                context: r.context.clone(),
            };
            let decided = check::request_and_policies(&sb, &spec)
                .map(|(req, set)| (crate::eval::evaluate(&req, &set), req, set));
            let got = decided
                .as_ref()
                .map(|(d, _, _)| d.outcome)
                .unwrap_or(Outcome::ImplicitDeny);
            let trace = match decided {
                Ok((_, req, set)) if (got == Outcome::Allowed) != want_allow => {
                    Some(Box::new(crate::account::DecisionTrace::new(req, &set)))
                }
                _ => None,
            };
            let miss = trace
                .as_deref()
                .and_then(|t| miss(t, &doc.policy, want_allow, &ex.expect.allow));
            report.expectations.push(Expectation {
                request: r.clone(),
                want_allow,
                got,
                trace,
                miss,
            });
        }
    }
    report
}

/// What of the learner's policy `doc` made the request of `t` come out wrong (it should have
/// been allowed when `want_allow`); `allowed` are the requests the exercise wants allowed,
/// against which a wrongly allowed request is compared to find the part that lets it in.
fn miss(
    t: &crate::account::DecisionTrace,
    doc: &crate::policy::Policy,
    want_allow: bool,
    allowed: &[ExpectRequest],
) -> Option<Miss> {
    use crate::eval::explain::Verdict;
    // The learner's statements are those of the policy whose text is the learner's.
    let ours = |id: &str| t.policy(id).is_some_and(|p| p.text == doc.text);
    let stmts = &t.explanation.statements;
    if want_allow {
        if let Some(d) = stmts.iter().find(|s| s.applies && s.effect == "Deny") {
            let line = ours(&d.policy_id).then_some(d.line);
            return Some(Miss::Denied { line });
        }
        let allows: Vec<_> = stmts
            .iter()
            .filter(|s| s.effect == "Allow" && ours(&s.policy_id))
            .collect();
        let nearest = allows
            .iter()
            .find(|s| {
                !matches!(
                    s.verdict,
                    Verdict::ActionNotListed | Verdict::ActionExcluded
                )
            })
            .or(allows.first())
            .map(|s| (s.line, s.verdict.clone()));
        return Some(Miss::NotAllowed { nearest });
    }
    let Some(a) = stmts
        .iter()
        .find(|s| s.applies && s.effect == "Allow" && ours(&s.policy_id))
    else {
        return Some(Miss::AllowedElsewhere);
    };
    let stmt = doc.statements.get(a.index)?;
    let req = &t.request;
    let same = |x: &str, y: &str| x.eq_ignore_ascii_case(y);
    let lower = req.action.to_ascii_lowercase();
    let (service, name) = lower.split_once(':').unwrap_or((lower.as_str(), ""));
    let action = (!allowed.iter().any(|r| same(&r.action, &req.action)) && !stmt.action.negated)
        .then(|| stmt.action.first_match(service, name))
        .flatten()
        .and_then(|k| stmt.action.patterns.get(k))
        .map(|p| Through::Action(p.raw.value.clone()));
    let resource = || {
        let res = stmt.resource.as_ref().filter(|r| !r.negated)?;
        if allowed.iter().any(|r| r.resource == req.resource) {
            return None;
        }
        let k =
            crate::eval::statement::covering_resource(&res.patterns, &req.resource, &req.context)?;
        res.patterns
            .get(k)
            .map(|p| Through::Resource(p.raw.value.clone()))
    };
    let through = action.or_else(resource).unwrap_or_else(|| {
        if stmt.conditions.is_empty() {
            Through::NoCondition
        } else {
            Through::Conditions(
                stmt.conditions
                    .iter()
                    .map(|c| {
                        let text = crate::eval::explain::ConditionText {
                            operator: c.operator.name.to_string(),
                            key: c.key.value.clone(),
                            values: c.raw_values.clone(),
                        }
                        .text();
                        (text, c.key.value.clone())
                    })
                    .collect(),
            )
        }
    });
    Some(Miss::Allowed {
        line: a.line,
        through,
    })
}

/// A task in progress: the sandbox the learner types into.
#[derive(Debug, Clone)]
pub struct TaskRun {
    /// The sandbox.
    pub sandbox: Sandbox,
}

/// The state of a task's goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalReport {
    /// Each check.
    pub results: Vec<CheckResult>,
}

impl GoalReport {
    /// Every check holds.
    pub fn passed(&self) -> bool {
        !self.results.is_empty() && self.results.iter().all(|r| r.ok)
    }
}

/// Starts a task (or an investigation): its scenario, acting as its `as` identity (or why it
/// cannot start, in English: [`start_task_in`] says it in another language).
pub fn start_task(pack: &Pack, lesson: &Lesson, step: &Step) -> Result<TaskRun, String> {
    start_task_in(pack, lesson, step, Lang::En)
}

/// [`start_task`], with its error in `lang`.
pub fn start_task_in(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
    lang: Lang,
) -> Result<TaskRun, String> {
    let mut sandbox = pack.sandbox_in(scenario_of(lesson, step), lang)?;
    if let Some(t) = step.task()
        && let Some(who) = t.as_.as_deref().filter(|w| *w != "root")
    {
        let identity = check::identity_of(&sandbox.account, who).map_err(|e| e.text(lang))?;
        let key = match identity {
            crate::account::authz::Identity::User(u) => {
                let a = &mut sandbox.account;
                let existing = a
                    .users
                    .get(&u)
                    .and_then(|x| {
                        x.access_keys
                            .iter()
                            .find(|k| k.status == crate::account::KeyStatus::Active)
                    })
                    .map(|k| k.id.clone());
                match existing {
                    Some(k) => k,
                    None => {
                        let key = a.new_access_key();
                        let id = key.id.clone();
                        if let Some(x) = a.users.get_mut(&u) {
                            x.access_keys.push(key);
                        }
                        id
                    }
                }
            }
            _ => return Err(Lint::TaskActsAs.fill(lang, &[("who", &who)])),
        };
        // The learner's profile holds the key's own secret, as `aws configure` would.
        let secret = sandbox
            .account
            .secret_of(&key)
            .unwrap_or_default()
            .to_string();
        let session_token = sandbox.account.session_token_of(&key).map(str::to_string);
        sandbox.profiles.insert(
            "default".into(),
            Profile {
                creds: Some(Creds::Keys {
                    access_key_id: key,
                    secret,
                    session_token,
                }),
                region: Some("us-east-1".into()),
            },
        );
    }
    if let Some(i) = step.investigate()
        && let Some(d) = i.after
    {
        let until = sandbox
            .account
            .now
            .checked_add(d)
            .unwrap_or(sandbox.account.now);
        sandbox.advance_to(until);
    }
    Ok(TaskRun { sandbox })
}

impl TaskRun {
    /// Checks the goal now.
    pub fn check(&self, step: &Step, lang: &str, fallback: &str) -> GoalReport {
        let goal = step.task().map(|t| t.goal.as_slice()).unwrap_or(&[]);
        GoalReport {
            results: goal
                .iter()
                .map(|c| check::evaluate(&self.sandbox, c, lang, fallback))
                .collect(),
        }
    }
}

/// Grades an investigation answer (case and surrounding space ignored).
pub fn grade_investigate(step: &Step, answer: &str) -> bool {
    let a = answer.trim().to_lowercase();
    step.investigate()
        .as_ref()
        .is_some_and(|i| i.answer.iter().any(|x| x.trim().to_lowercase() == a))
}

/// Whether a near miss passes the step, run through the same engine as a learner's attempt:
/// its commands in a fresh sandbox against the goal, its policy against the expectations, its
/// answer or choices graded. `Err` when the attempt does not fit the step's kind, or the step
/// does not start (in `lang`).
pub fn near_miss_passes(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
    wrong: &Wrong,
    lang: Lang,
) -> Result<bool, String> {
    match (&wrong.attempt, step.kind()) {
        (Solution::Commands(cmds), StepKind::Task) => {
            let mut r = start_task_in(pack, lesson, step, lang)?;
            for c in cmds {
                r.sandbox.run(c);
            }
            Ok(r.check(step, lang.code(), lang.code()).passed())
        }
        (Solution::Text(policy), StepKind::Policy) => {
            Ok(check_policy_in(pack, lesson, step, policy, lang).passed())
        }
        (Solution::Text(answer), StepKind::Investigate) => Ok(grade_investigate(step, answer)),
        (Solution::Commands(answers), StepKind::Investigate) => {
            Ok(answers.iter().any(|a| grade_investigate(step, a)))
        }
        (Solution::Choices(choices), StepKind::Quiz) => {
            let chosen: Vec<usize> = choices
                .iter()
                .filter_map(|&c| usize::try_from(c).ok()?.checked_sub(1))
                .collect();
            Ok(grade_quiz(step, &chosen))
        }
        (_, kind) => Err(match kind {
            StepKind::Task => Lint::NearMissTask.text(lang).to_string(),
            StepKind::Policy => Lint::NearMissPolicy.text(lang).to_string(),
            StepKind::Investigate => Lint::NearMissInvestigate.text(lang).to_string(),
            StepKind::Quiz => Lint::NearMissQuiz.text(lang).to_string(),
            StepKind::Read | StepKind::Predict => {
                Lint::NearMissUnused.fill(lang, &[("kind", &kind.key())])
            }
        }),
    }
}

/// Whether two policy documents say the same: both parse as IAM reads them and mean the
/// same ([`crate::policy::Meaning`]: a one-element list is its string; key order, statement
/// order, spacing and `Sid`s do not matter), or else (one does not parse) they are the same
/// JSON. `None` when either is not JSON at all.
fn same_policy(a: &str, b: &str) -> Option<bool> {
    use crate::policy::{Policy, PolicyType};
    let parse = |t: &str| Policy::parse(t, PolicyType::Identity).map(|p| p.meaning());
    if let (Ok(x), Ok(y)) = (parse(a), parse(b)) {
        return Some(x == y);
    }
    match (
        serde_json::from_str::<serde_json::Value>(a),
        serde_json::from_str::<serde_json::Value>(b),
    ) {
        (Ok(x), Ok(y)) => Some(x == y),
        _ => None,
    }
}

/// What the learner's failed attempt should hear: the `why` of the near miss it matches.
/// A policy matches when it says the same as IAM reads it (see `same_policy`); an answer
/// when it is the same ignoring case and surrounding space; choices when the same set;
/// commands when every command of the near miss is among the learner's (spaces folded).
pub fn near_miss_why<'a>(step: &'a Step, attempt: &Solution) -> Option<&'a Text> {
    let same = |w: &Solution| match (w, attempt) {
        (Solution::Text(a), Solution::Text(b)) => {
            same_policy(a, b).unwrap_or_else(|| a.trim().to_lowercase() == b.trim().to_lowercase())
        }
        (Solution::Choices(a), Solution::Choices(b)) => {
            let (mut a, mut b) = (a.clone(), b.clone());
            a.sort_unstable();
            a.dedup();
            b.sort_unstable();
            b.dedup();
            a == b
        }
        (Solution::Commands(a), Solution::Commands(b)) => typed_all(a, b),
        _ => false,
    };
    // The most specific near miss the attempt matches: of two that both match (`create-user`
    // alone, and `create-user` with `attach-user-policy`), the one with more commands says
    // what this attempt did; among equals, the first written.
    let size = |w: &Solution| match w {
        Solution::Commands(c) => c.len(),
        _ => 1,
    };
    step.wrong
        .iter()
        .rev()
        .filter(|w| same(&w.attempt))
        .max_by_key(|w| size(&w.attempt))
        .and_then(|w| w.why.as_ref())
}

/// Whether every command of a near miss is among the commands typed (spaces folded): the test
/// [`near_miss_why`] and [`task_advice`] share.
fn typed_all(near: &[String], typed: &[String]) -> bool {
    let fold = |c: &str| c.split_whitespace().collect::<Vec<_>>().join(" ");
    let typed: Vec<String> = typed.iter().map(|c| fold(c)).collect();
    !near.is_empty() && near.iter().all(|c| typed.contains(&fold(c)))
}

/// Which of a task's goal checks hold after a near miss's commands, run in a fresh sandbox of
/// the task as a learner's would be (`None` when the near miss is not commands or the task
/// does not start).
pub fn near_miss_goals(
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
    wrong: &Wrong,
    lang: Lang,
) -> Option<Vec<bool>> {
    let Solution::Commands(cmds) = &wrong.attempt else {
        return None;
    };
    let mut r = start_task_in(pack, lesson, step, lang).ok()?;
    for c in cmds {
        r.sandbox.run(c);
    }
    Some(
        r.check(step, lang.code(), lang.code())
            .results
            .iter()
            .map(|c| c.ok)
            .collect(),
    )
}

/// What a task's status line should say while its goal is not reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskAdvice<'a> {
    /// The `why` of the near miss the learner is in.
    NearMiss(&'a Text),
    /// The goal check with this index (its `fail_message`, else its sentence).
    Goal(usize),
}

/// What is wrong *now* with a task the learner has typed `typed` into, whose goal checks held
/// as `start` at the start and hold as `now`; `None` when every check holds.
///
/// A near miss speaks only when the learner typed all its commands *and* the account is in
/// the state they lead to (its replay, `replay(k, wrong)` from [`near_miss_goals`], leaves
/// exactly the checks unmet that are unmet now): a problem the learner has fixed since, or a
/// mistake made on top of it, is not described by it. Of several, the one with most commands
/// speaks; among equals, the first written. Otherwise the first check the learner broke (it
/// held at the start and does not now) is named, since undoing it comes first; else the
/// first check not met.
pub fn task_advice<'a>(
    step: &'a Step,
    typed: &[String],
    start: &[bool],
    now: &[bool],
    mut replay: impl FnMut(usize, &Wrong) -> Option<Vec<bool>>,
) -> Option<TaskAdvice<'a>> {
    if now.iter().all(|ok| *ok) {
        return None;
    }
    let mut best: Option<(usize, &Text)> = None;
    for (k, w) in step.wrong.iter().enumerate() {
        let (Solution::Commands(cmds), Some(why)) = (&w.attempt, &w.why) else {
            continue;
        };
        if best.is_some_and(|(n, _)| n >= cmds.len()) || !typed_all(cmds, typed) {
            continue;
        }
        if replay(k, w).as_deref() == Some(now) {
            best = Some((cmds.len(), why));
        }
    }
    if let Some((_, why)) = best {
        return Some(TaskAdvice::NearMiss(why));
    }
    let broken = now
        .iter()
        .zip(start)
        .position(|(now, start)| *start && !*now);
    broken
        .or_else(|| now.iter().position(|ok| !*ok))
        .map(TaskAdvice::Goal)
}
