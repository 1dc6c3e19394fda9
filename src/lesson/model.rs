//! The validated lesson model: what a lesson file means once every rule beyond its shape
//! holds. [`Lesson::from_raw`] converts the strict serde shapes of [`super::raw`] once, at
//! load time; a rule that does not hold is an [`Invalid`] naming the field path, so the rest
//! of the program never meets a step of no kind, a check of two kinds, a duration that does
//! not parse or an id that progress would refuse.
//!
//! Architecture invariant: nothing outside the loader builds these from unchecked data; the
//! TUI, plain mode, lint and the exercise engine match on [`StepBody`] and [`Check`] and
//! never re-check what the conversion proved.

use std::collections::BTreeMap;

use super::raw;
pub use super::raw::{
    BucketPublic, BudgetCheck, CalledCheck, Choice, CliProfileCheck, ExpectRequest, Expectations,
    FindingRef, LoginProfileCheck, MemberOf, PortOpen, Predict, PrincipalSpec, ProfileHolds, Quiz,
    RequestSpec, Solution, Text, TrustOnly, WebIdentitySession, Wrong,
};
use crate::ids::{IdError, LessonId, PackId, StepId};
use crate::lang::Lang;
use crate::msg::lint::Lint;
use crate::msg::said::Said;

/// A rule of the format that a file breaks: where (the field path, e.g.
/// `steps[3].task.goal[0]`) and what to do, as a catalog entry rendered in the reader's
/// language by [`Invalid::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The field path.
    pub path: String,
    /// The id of the step the rule is about, when the step has one (named before the message).
    pub step: Option<String>,
    why: Why,
}

/// What an [`Invalid`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Why {
    /// A rule of the model: its message, the values it names, and the nearest known name to
    /// an unknown one ("did you mean").
    Rule {
        msg: Lint,
        args: Vec<(&'static str, String)>,
        nearest: Option<String>,
    },
    /// An id that the id rule refuses (worded by `ids`).
    Id(IdError),
}

impl Invalid {
    fn at(path: impl Into<String>, msg: Lint) -> Invalid {
        Invalid::with(path, msg, Vec::new())
    }

    pub(super) fn with(
        path: impl Into<String>,
        msg: Lint,
        args: Vec<(&'static str, String)>,
    ) -> Invalid {
        Invalid {
            path: path.into(),
            step: None,
            why: Why::Rule {
                msg,
                args,
                nearest: None,
            },
        }
    }

    fn id(path: impl Into<String>, e: IdError) -> Invalid {
        Invalid {
            path: path.into(),
            step: None,
            why: Why::Id(e),
        }
    }

    /// The same rule, with the nearest of `known` to `word` suggested when one is near.
    fn suggest<'a>(mut self, word: &str, known: impl IntoIterator<Item = &'a str>) -> Invalid {
        if let Why::Rule { nearest, .. } = &mut self.why {
            *nearest = crate::suggest::nearest(word, known).map(str::to_string);
        }
        self
    }

    /// The same rule, about the step `id` (when it has one).
    fn of_step(self, id: Option<&String>) -> Invalid {
        Invalid {
            step: id.cloned(),
            ..self
        }
    }

    /// What is wrong and what to do, in `lang`, naming the step by its id when it has one.
    pub fn message(&self, lang: Lang) -> String {
        self.said().render(lang)
    }

    /// [`Invalid::message`], kept as catalog entries to be worded when shown.
    pub fn said(&self) -> Said {
        let rule = match &self.why {
            Why::Rule { msg, args, nearest } => {
                let mut said = Said::of(*msg);
                for (k, v) in args {
                    said = said.with(k, v);
                }
                match nearest {
                    Some(n) => said.then(Said::of(Lint::DidYouMean).with("name", n)),
                    None => said,
                }
            }
            Why::Id(e) => e.said(),
        };
        match &self.step {
            Some(id) => Said::of(Lint::StepPrefix).with("id", id).then(rule),
            None => rule,
        }
    }
}

/// `pack.yaml`, validated.
#[derive(Debug, Clone)]
pub struct PackMeta {
    /// The pack's id.
    pub id: PackId,
    /// Semantic version.
    pub version: String,
    /// Title.
    pub title: Text,
    /// What the pack teaches.
    pub description: Option<Text>,
    /// Languages, the first being the default (never empty).
    pub languages: Vec<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Lesson files, in order, relative to the pack folder.
    pub lessons: Vec<String>,
}

impl PackMeta {
    /// Checks `pack.yaml`'s fields beyond their shape (the schema version is checked by the
    /// loader, which knows which one it reads).
    pub fn from_raw(raw: raw::PackFile) -> Result<PackMeta, Invalid> {
        let id = PackId::new(raw.id).map_err(|e| Invalid::id("id", e))?;
        if raw.languages.is_empty() {
            return Err(Invalid::at("languages", Lint::ListLanguages));
        }
        if !is_semver(&raw.version) {
            return Err(Invalid::with(
                "version",
                Lint::NotSemver,
                vec![("version", raw.version)],
            ));
        }
        Ok(PackMeta {
            id,
            version: raw.version,
            title: raw.title,
            description: raw.description,
            languages: raw.languages,
            authors: raw.authors,
            lessons: raw.lessons,
        })
    }
}

pub(super) fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A lesson.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Its id, unique in the pack.
    pub id: LessonId,
    /// Its version (progress records which version a result was earned on).
    pub version: u32,
    /// Title.
    pub title: Text,
    /// One or two sentences.
    pub summary: Text,
    /// Estimated minutes.
    pub minutes: Option<u32>,
    /// Lessons to do first (ids in this pack).
    pub requires: Vec<LessonId>,
    /// The default scenario of its exercises (a path in the pack).
    pub scenario: Option<String>,
    /// The steps, in order (ids unique among them).
    pub steps: Vec<Step>,
}

/// One step: its body (what kind of step it is) and what every kind may have.
#[derive(Debug, Clone)]
pub struct Step {
    /// Its id; every exercise has one (only a reading step may go without).
    pub id: Option<StepId>,
    /// What the step is.
    pub body: StepBody,
    /// Hints, from a nudge to a near-answer.
    pub hints: Vec<Text>,
    /// The solution, replayable.
    pub solution: Option<Solution>,
    /// Near misses that must not pass.
    pub wrong: Vec<Wrong>,
    /// Why it matters, shown after success.
    pub explain: Option<Text>,
}

/// What a step is: exactly one kind, with that kind's content.
#[derive(Debug, Clone)]
pub enum StepBody {
    /// Reading: Markdown.
    Read(Text),
    /// A quiz.
    Quiz(Quiz),
    /// Predict the evaluator's decision.
    Predict(Predict),
    /// Write or fix a policy.
    Policy(PolicyExercise),
    /// Run commands in the sandbox.
    Task(Task),
    /// Answer a question from what the sandbox shows.
    Investigate(Investigate),
}

/// What kind a step is, without its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Reading.
    Read,
    /// Quiz.
    Quiz,
    /// Predict.
    Predict,
    /// Policy.
    Policy,
    /// Task.
    Task,
    /// Investigate.
    Investigate,
}

impl StepKind {
    /// The key that introduces it in a lesson file.
    pub fn key(self) -> &'static str {
        match self {
            StepKind::Read => "read",
            StepKind::Quiz => "quiz",
            StepKind::Predict => "predict",
            StepKind::Policy => "policy",
            StepKind::Task => "task",
            StepKind::Investigate => "investigate",
        }
    }
}

impl Step {
    /// The step's kind.
    pub fn kind(&self) -> StepKind {
        match &self.body {
            StepBody::Read(_) => StepKind::Read,
            StepBody::Quiz(_) => StepKind::Quiz,
            StepBody::Predict(_) => StepKind::Predict,
            StepBody::Policy(_) => StepKind::Policy,
            StepBody::Task(_) => StepKind::Task,
            StepBody::Investigate(_) => StepKind::Investigate,
        }
    }

    /// The reading text, for a reading step.
    pub fn read(&self) -> Option<&Text> {
        match &self.body {
            StepBody::Read(t) => Some(t),
            _ => None,
        }
    }

    /// The quiz, for a quiz step.
    pub fn quiz(&self) -> Option<&Quiz> {
        match &self.body {
            StepBody::Quiz(q) => Some(q),
            _ => None,
        }
    }

    /// The prediction, for a predict step.
    pub fn predict(&self) -> Option<&Predict> {
        match &self.body {
            StepBody::Predict(p) => Some(p),
            _ => None,
        }
    }

    /// The policy exercise, for a policy step.
    pub fn policy(&self) -> Option<&PolicyExercise> {
        match &self.body {
            StepBody::Policy(p) => Some(p),
            _ => None,
        }
    }

    /// The task, for a task step.
    pub fn task(&self) -> Option<&Task> {
        match &self.body {
            StepBody::Task(t) => Some(t),
            _ => None,
        }
    }

    /// The investigation, for an investigate step.
    pub fn investigate(&self) -> Option<&Investigate> {
        match &self.body {
            StepBody::Investigate(i) => Some(i),
            _ => None,
        }
    }

    /// The scenario the step names itself (the lesson's applies when it names none).
    pub fn own_scenario(&self) -> Option<&str> {
        match &self.body {
            StepBody::Predict(p) => p.scenario.as_deref(),
            StepBody::Policy(p) => p.scenario.as_deref(),
            StepBody::Task(t) => t.scenario.as_deref(),
            StepBody::Investigate(i) => i.scenario.as_deref(),
            StepBody::Read(_) | StepBody::Quiz(_) => None,
        }
    }

    /// The key progress records the step by: its id, or `#N` (its 1-based place) for a
    /// reading step without one.
    pub fn key(&self, index: usize) -> StepId {
        self.id
            .clone()
            .unwrap_or_else(|| StepId::position(index.saturating_add(1)))
    }
}

/// validate-policy's finding types, from most to least severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingType {
    /// `SUGGESTION`.
    Suggestion,
    /// `WARNING`.
    Warning,
    /// `SECURITY_WARNING`.
    SecurityWarning,
    /// `ERROR`.
    Error,
}

impl FindingType {
    /// Reads the type as validate-policy writes it.
    pub fn parse(s: &str) -> Option<FindingType> {
        Some(match s {
            "ERROR" => FindingType::Error,
            "SECURITY_WARNING" => FindingType::SecurityWarning,
            "WARNING" => FindingType::Warning,
            "SUGGESTION" => FindingType::Suggestion,
            _ => return None,
        })
    }
}

/// Write or fix a policy.
#[derive(Debug, Clone)]
pub struct PolicyExercise {
    /// What to do.
    pub prompt: Text,
    /// The policy the editor starts with.
    pub starter: Option<String>,
    /// Scenario (default: the lesson's; none means an empty account).
    pub scenario: Option<String>,
    /// The identity the policy is tested on as an inline policy (`user/NAME`, `role/NAME`);
    /// `None`: a fresh user with only this policy.
    pub attach_to: Option<String>,
    /// Requests that must be allowed / denied (at least one).
    pub expect: Expectations,
    /// The worst validate-policy finding allowed (errors always fail).
    pub max_finding: FindingType,
}

/// A sandbox task.
#[derive(Debug, Clone)]
pub struct Task {
    /// What to do.
    pub prompt: Text,
    /// Scenario (default: the lesson's; none means an empty account).
    pub scenario: Option<String>,
    /// Acting as `user/NAME`; `None`: as root.
    pub as_: Option<String>,
    /// What must hold when the task is done (at least one goal).
    pub goal: Vec<Goal>,
}

/// Answer a question from the sandbox.
#[derive(Debug, Clone)]
pub struct Investigate {
    /// The question.
    pub question: Text,
    /// Scenario (default: the lesson's).
    pub scenario: Option<String>,
    /// Simulated time that passes first, so scripted events happen.
    pub after: Option<jiff::SignedDuration>,
    /// Accepted answers (compared ignoring case and surrounding space; at least one).
    pub answer: Vec<String>,
}

/// One goal of a task: a check, and the author's own words for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// What must hold.
    pub check: Check,
    /// Shown when it does not hold (instead of the generated sentence).
    pub fail_message: Option<Text>,
    /// Shown when it holds (instead of the generated sentence).
    pub ok_message: Option<Text>,
}

impl Goal {
    /// Reads one goal as a lesson file writes it (both stages: the shape, then the rules),
    /// e.g. `exists: {user: aoi}`; for tests and tools.
    pub fn from_yaml(text: &str) -> Result<Goal, String> {
        let raw: raw::Check = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        Goal::from_raw(raw, "").map_err(|e| format!("{}: {}", e.path, e.message(Lang::En)))
    }

    /// Converts a check as written, `path` being where it stands in the file.
    pub fn from_raw(c: raw::Check, path: &str) -> Result<Goal, Invalid> {
        let check = Check::from_raw(&c, path)?;
        Ok(Goal {
            check,
            fail_message: c.fail_message,
            ok_message: c.ok_message,
        })
    }
}

/// A kind of entity `exists` and `absent` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// An IAM user.
    User,
    /// An IAM group.
    Group,
    /// An IAM role.
    Role,
    /// A managed policy (name or ARN).
    Policy,
    /// An S3 bucket.
    Bucket,
    /// An instance profile.
    InstanceProfile,
    /// A CloudTrail trail.
    Trail,
    /// An EC2 security group (name or id).
    SecurityGroup,
}

impl EntityKind {
    /// Every kind with its key in a lesson file.
    pub const ALL: [(EntityKind, &'static str); 8] = [
        (EntityKind::User, "user"),
        (EntityKind::Group, "group"),
        (EntityKind::Role, "role"),
        (EntityKind::Policy, "policy"),
        (EntityKind::Bucket, "bucket"),
        (EntityKind::InstanceProfile, "instance_profile"),
        (EntityKind::Trail, "trail"),
        (EntityKind::SecurityGroup, "security_group"),
    ];

    /// Its key in a lesson file.
    pub fn key(self) -> &'static str {
        EntityKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map(|(_, s)| *s)
            .unwrap_or("user")
    }
}

/// An entity named in a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Its kind.
    pub kind: EntityKind,
    /// Its name (for a policy, a name or an ARN).
    pub name: String,
}

/// The kind of identity a managed policy is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attachee {
    /// A user.
    User,
    /// A group.
    Group,
    /// A role.
    Role,
}

/// Whose MFA an `mfa_enabled` check is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MfaOf {
    /// The root user.
    Root,
    /// An IAM user.
    User(String),
}

/// The state an `access_key_status` check wants the keys in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyWant {
    /// Every matching key is active (and there is one).
    Active,
    /// Every matching key is inactive (and there is one).
    Inactive,
    /// There is no matching key.
    None,
}

/// `access_key_status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    /// Whose keys: a user, or `None` for the root user.
    pub user: Option<String>,
    /// Only this key id.
    pub key: Option<String>,
    /// The state wanted.
    pub status: KeyWant,
}

/// One field of a `password_policy` check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    /// The minimum length is at least this.
    MinLength(u32),
    /// Symbols are (or are not) required.
    RequireSymbols(bool),
    /// Numbers are (or are not) required.
    RequireNumbers(bool),
    /// Uppercase letters are (or are not) required.
    RequireUppercase(bool),
    /// Lowercase letters are (or are not) required.
    RequireLowercase(bool),
    /// Passwords expire within this many days.
    MaxAge(u32),
    /// At least this many previous passwords cannot be reused.
    ReusePrevention(u32),
    /// Users may (or may not) change their own password.
    AllowUsersToChange(bool),
}

/// The fields a `password_policy` check knows.
pub const PASSWORD_FIELDS: &[&str] = &[
    "min_length",
    "require_symbols",
    "require_numbers",
    "require_uppercase",
    "require_lowercase",
    "max_age",
    "reuse_prevention",
    "allow_users_to_change",
];

/// An EC2 instance state an `instances` check may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceState {
    /// `running`.
    Running,
    /// `stopped`.
    Stopped,
    /// `terminated`.
    Terminated,
}

impl InstanceState {
    /// Its name, as EC2 writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            InstanceState::Running => "running",
            InstanceState::Stopped => "stopped",
            InstanceState::Terminated => "terminated",
        }
    }
}

/// `instances`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstancesCheck {
    /// Only in this state.
    pub state: Option<InstanceState>,
    /// Only of this type.
    pub instance_type: Option<String>,
    /// Exactly this many.
    pub count: Option<usize>,
    /// At least.
    pub min: Option<usize>,
    /// At most.
    pub max: Option<usize>,
}

/// A declarative check: exactly one fact about the sandbox. No code runs from a pack.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// The principal may do it.
    Can(RequestSpec),
    /// The principal may not do it.
    Cannot(RequestSpec),
    /// Every entity exists.
    Exists(Vec<Entity>),
    /// No entity exists.
    Absent(Vec<Entity>),
    /// The user is in the group.
    MemberOf(MemberOf),
    /// A managed policy (name or ARN) is attached to an identity.
    PolicyAttached {
        /// The kind of identity.
        to: Attachee,
        /// Its name.
        name: String,
        /// The policy's name or ARN.
        policy: String,
    },
    /// An inline policy of that name is embedded in an identity.
    InlinePolicy {
        /// The kind of identity.
        to: Attachee,
        /// Its name.
        name: String,
        /// The inline policy's name.
        policy: String,
    },
    /// MFA is enabled.
    MfaEnabled(MfaOf),
    /// Access keys are in a state.
    AccessKeyStatus(KeyCheck),
    /// A password policy is set and every field holds.
    PasswordPolicy(Vec<PasswordRule>),
    /// No audit finding of the control (optionally on a resource containing a text).
    NoFinding(FindingRef),
    /// An audit finding of the control exists.
    Finding(FindingRef),
    /// A bucket is (or is not) public.
    BucketPublic(BucketPublic),
    /// A port is (or is not) open to a CIDR.
    PortOpen(PortOpen),
    /// A multi-Region trail is logging (true) or none is (false).
    TrailLogging(bool),
    /// The commands, run now in order in a copy of the sandbox, all succeed.
    Succeeds(Vec<String>),
    /// A budget or billing alarm exists (with a limit at most something), or none does.
    Budget(BudgetCheck),
    /// A number of instances match.
    Instances(InstancesCheck),
    /// The user has a console password (with the reset flag wanted, when given).
    LoginProfile(LoginProfileCheck),
    /// The sandbox has a CLI profile holding an active key of the user.
    CliProfile(CliProfileCheck),
    /// A call of the operation succeeded as the principal.
    Called(CalledCheck),
    /// The role's trust policy allows no principal but the listed ones.
    TrustOnly(TrustOnly),
    /// The instance profile holds the role (and is associated with the instance).
    ProfileHolds(ProfileHolds),
    /// All must hold (at least one goal).
    All(Vec<Goal>),
    /// One must hold (at least one goal).
    Any(Vec<Goal>),
    /// Must not hold.
    Not(Box<Goal>),
}

/// The keys of a check, each naming one kind.
pub const CHECK_KEYS: &[&str] = &[
    "can",
    "cannot",
    "exists",
    "absent",
    "member_of",
    "policy_attached",
    "inline_policy",
    "mfa_enabled",
    "access_key_status",
    "password_policy",
    "no_finding",
    "finding",
    "bucket_public",
    "port_open",
    "trail_logging",
    "succeeds",
    "budget",
    "instances",
    "login_profile",
    "cli_profile",
    "called",
    "trust_only",
    "profile_holds",
    "all",
    "any",
    "not",
];

fn yaml_scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn yaml_bool(v: &serde_yaml::Value) -> Option<bool> {
    match v {
        serde_yaml::Value::Bool(b) => Some(*b),
        serde_yaml::Value::String(s) => crate::policy::condition::parse_bool(s),
        _ => None,
    }
}

fn entities(m: &BTreeMap<String, String>, path: &str) -> Result<Vec<Entity>, Invalid> {
    if m.is_empty() {
        return Err(Invalid::at(path, Lint::NameAnEntity));
    }
    m.iter()
        .map(|(k, v)| {
            let kind = EntityKind::ALL
                .iter()
                .find(|(_, key)| key == k)
                .map(|(kind, _)| *kind)
                .ok_or_else(|| {
                    let keys: Vec<&str> = EntityKind::ALL.iter().map(|(_, s)| *s).collect();
                    Invalid::with(
                        format!("{path}.{k}"),
                        Lint::NotEntityKind,
                        vec![("kind", k.clone()), ("kinds", keys.join(", "))],
                    )
                    .suggest(k, keys.iter().copied())
                })?;
            Ok(Entity {
                kind,
                name: v.clone(),
            })
        })
        .collect()
}

impl Check {
    /// Converts a check as written: exactly one kind key, each with its own rules.
    pub fn from_raw(c: &raw::Check, path: &str) -> Result<Check, Invalid> {
        let present: Vec<&str> = CHECK_KEYS
            .iter()
            .copied()
            .filter(|k| raw_has(c, k))
            .collect();
        match present.as_slice() {
            [] => {
                return Err(Invalid::with(
                    path,
                    Lint::CheckSaysNothing,
                    vec![("keys", CHECK_KEYS.join(", "))],
                ));
            }
            [_] => {}
            many => {
                let kinds = many
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Invalid::with(
                    path,
                    Lint::CheckOfManyKinds,
                    vec![("n", many.len().to_string()), ("kinds", kinds)],
                ));
            }
        }
        let sub = |key: &str| {
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        };
        let goals = |list: &[raw::Check], key: &str| -> Result<Vec<Goal>, Invalid> {
            if list.is_empty() {
                return Err(Invalid::with(
                    sub(key),
                    Lint::NeedsOneCheck,
                    vec![("key", key.to_string())],
                ));
            }
            list.iter()
                .enumerate()
                .map(|(i, x)| Goal::from_raw(x.clone(), &format!("{}[{i}]", sub(key))))
                .collect()
        };
        Ok(if let Some(r) = &c.can {
            Check::Can(r.clone())
        } else if let Some(r) = &c.cannot {
            Check::Cannot(r.clone())
        } else if let Some(m) = &c.exists {
            Check::Exists(entities(m, &sub("exists"))?)
        } else if let Some(m) = &c.absent {
            Check::Absent(entities(m, &sub("absent"))?)
        } else if let Some(m) = &c.member_of {
            Check::MemberOf(m.clone())
        } else if let Some(m) = &c.policy_attached {
            let at = sub("policy_attached");
            let policy = m
                .get("policy")
                .cloned()
                .ok_or_else(|| Invalid::at(&at, Lint::NameThePolicy))?;
            let (to, name) = identity_of(m, "policy", &at, Lint::PolicyAttachedField)?;
            Check::PolicyAttached { to, name, policy }
        } else if let Some(m) = &c.inline_policy {
            let at = sub("inline_policy");
            let policy = m
                .get("name")
                .cloned()
                .ok_or_else(|| Invalid::at(&at, Lint::NameTheInlinePolicy))?;
            let (to, name) = identity_of(m, "name", &at, Lint::InlinePolicyField)?;
            Check::InlinePolicy { to, name, policy }
        } else if let Some(m) = &c.mfa_enabled {
            let at = sub("mfa_enabled");
            match (
                m.get("root").and_then(yaml_bool),
                m.get("user").and_then(yaml_scalar),
            ) {
                (Some(true), None) if m.len() == 1 => Check::MfaEnabled(MfaOf::Root),
                (None, Some(u)) if m.len() == 1 => Check::MfaEnabled(MfaOf::User(u)),
                _ => {
                    return Err(Invalid::at(at, Lint::MfaShape));
                }
            }
        } else if let Some(m) = &c.access_key_status {
            let at = sub("access_key_status");
            if let Some(k) = m
                .keys()
                .find(|k| !["user", "key", "status"].contains(&k.as_str()))
            {
                return Err(Invalid::with(
                    format!("{at}.{k}"),
                    Lint::AccessKeyField,
                    vec![("field", k.clone())],
                ));
            }
            let status = match m.get("status").map(String::as_str) {
                None | Some("Active") => KeyWant::Active,
                Some("Inactive") => KeyWant::Inactive,
                Some("none") => KeyWant::None,
                Some(other) => {
                    return Err(Invalid::with(
                        format!("{at}.status"),
                        Lint::NotKeyState,
                        vec![("state", other.to_string())],
                    ));
                }
            };
            Check::AccessKeyStatus(KeyCheck {
                user: m.get("user").filter(|u| *u != "root").cloned(),
                key: m.get("key").cloned(),
                status,
            })
        } else if let Some(m) = &c.password_policy {
            let at = sub("password_policy");
            let mut rules = Vec::new();
            for (k, v) in m {
                let here = format!("{at}.{k}");
                let num = || {
                    yaml_scalar(v)
                        .and_then(|s| s.parse::<u32>().ok())
                        .ok_or_else(|| {
                            Invalid::with(&here, Lint::TakesNumber, vec![("field", k.clone())])
                        })
                };
                let flag = || {
                    yaml_bool(v).ok_or_else(|| {
                        Invalid::with(&here, Lint::TakesBool, vec![("field", k.clone())])
                    })
                };
                rules.push(match k.as_str() {
                    "min_length" => PasswordRule::MinLength(num()?),
                    "require_symbols" => PasswordRule::RequireSymbols(flag()?),
                    "require_numbers" => PasswordRule::RequireNumbers(flag()?),
                    "require_uppercase" => PasswordRule::RequireUppercase(flag()?),
                    "require_lowercase" => PasswordRule::RequireLowercase(flag()?),
                    "max_age" => PasswordRule::MaxAge(num()?),
                    "reuse_prevention" => PasswordRule::ReusePrevention(num()?),
                    "allow_users_to_change" => PasswordRule::AllowUsersToChange(flag()?),
                    other => {
                        return Err(Invalid::with(
                            here.clone(),
                            Lint::NotPasswordField,
                            vec![
                                ("field", other.to_string()),
                                ("fields", PASSWORD_FIELDS.join(", ")),
                            ],
                        )
                        .suggest(other, PASSWORD_FIELDS.iter().copied()));
                    }
                });
            }
            if rules.is_empty() {
                return Err(Invalid::at(at, Lint::NamePasswordField));
            }
            Check::PasswordPolicy(rules)
        } else if let Some(f) = &c.no_finding {
            Check::NoFinding(f.clone())
        } else if let Some(f) = &c.finding {
            Check::Finding(f.clone())
        } else if let Some(b) = &c.bucket_public {
            Check::BucketPublic(b.clone())
        } else if let Some(p) = &c.port_open {
            if let Some(cidr) = &p.cidr
                && cidr.parse::<ipnet::IpNet>().is_err()
            {
                return Err(Invalid::with(
                    format!("{}.cidr", sub("port_open")),
                    Lint::NotCidr,
                    vec![("cidr", cidr.clone())],
                ));
            }
            Check::PortOpen(p.clone())
        } else if let Some(on) = c.trail_logging {
            Check::TrailLogging(on)
        } else if let Some(cmds) = &c.succeeds {
            if cmds.is_empty() {
                return Err(Invalid::at(sub("succeeds"), Lint::SucceedsEmpty));
            }
            for (i, cmd) in cmds.iter().enumerate() {
                let cmd = cmd.trim();
                let sandbox_command =
                    cmd.starts_with("aws ") || cmd.starts_with("github-oidc-token ");
                if !sandbox_command || cmd.contains('\n') {
                    return Err(Invalid::with(
                        format!("{}[{i}]", sub("succeeds")),
                        Lint::SucceedsOneAwsCommand,
                        vec![("command", cmd.to_string())],
                    ));
                }
            }
            Check::Succeeds(cmds.iter().map(|c| c.trim().to_string()).collect())
        } else if let Some(b) = &c.budget {
            Check::Budget(b.clone())
        } else if let Some(i) = &c.instances {
            let state = match i.state.as_deref() {
                None => None,
                Some("running") => Some(InstanceState::Running),
                Some("stopped") => Some(InstanceState::Stopped),
                Some("terminated") => Some(InstanceState::Terminated),
                Some(other) => {
                    return Err(Invalid::with(
                        format!("{}.state", sub("instances")),
                        Lint::NotInstanceState,
                        vec![("state", other.to_string())],
                    ));
                }
            };
            Check::Instances(InstancesCheck {
                state,
                instance_type: i.instance_type.clone(),
                count: i.count,
                min: i.min,
                max: i.max,
            })
        } else if let Some(l) = &c.login_profile {
            Check::LoginProfile(l.clone())
        } else if let Some(p) = &c.cli_profile {
            Check::CliProfile(p.clone())
        } else if let Some(x) = &c.called {
            Check::Called(x.clone())
        } else if let Some(t) = &c.trust_only {
            if t.principals.is_empty() {
                return Err(Invalid::at(
                    format!("{}.principals", sub("trust_only")),
                    Lint::TrustOnlyEmpty,
                ));
            }
            Check::TrustOnly(t.clone())
        } else if let Some(x) = &c.profile_holds {
            Check::ProfileHolds(x.clone())
        } else if let Some(all) = &c.all {
            Check::All(goals(all, "all")?)
        } else if let Some(any) = &c.any {
            Check::Any(goals(any, "any")?)
        } else if let Some(n) = &c.not {
            Check::Not(Box::new(Goal::from_raw((**n).clone(), &sub("not"))?))
        } else {
            // `present` holds exactly one key, and every key is handled above.
            return Err(Invalid::at(path, Lint::CheckEmpty));
        })
    }
}

/// The one identity (`user`, `group` or `role`) a policy check at `at` names, beside its
/// `policy_key`; any other field is refused with `unknown`.
fn identity_of(
    m: &BTreeMap<String, String>,
    policy_key: &str,
    at: &str,
    unknown: Lint,
) -> Result<(Attachee, String), Invalid> {
    if let Some(k) = m
        .keys()
        .find(|k| ![policy_key, "user", "group", "role"].contains(&k.as_str()))
    {
        return Err(Invalid::with(
            format!("{at}.{k}"),
            unknown,
            vec![("field", k.clone())],
        ));
    }
    let targets: Vec<(Attachee, &String)> = [
        ("user", Attachee::User),
        ("group", Attachee::Group),
        ("role", Attachee::Role),
    ]
    .into_iter()
    .filter_map(|(k, a)| m.get(k).map(|n| (a, n)))
    .collect();
    let [(to, name)] = targets.as_slice() else {
        return Err(Invalid::at(at, Lint::OneIdentity));
    };
    Ok((*to, (*name).clone()))
}

/// Whether the raw check gives `key`.
fn raw_has(c: &raw::Check, key: &str) -> bool {
    match key {
        "can" => c.can.is_some(),
        "cannot" => c.cannot.is_some(),
        "exists" => c.exists.is_some(),
        "absent" => c.absent.is_some(),
        "member_of" => c.member_of.is_some(),
        "policy_attached" => c.policy_attached.is_some(),
        "inline_policy" => c.inline_policy.is_some(),
        "mfa_enabled" => c.mfa_enabled.is_some(),
        "access_key_status" => c.access_key_status.is_some(),
        "password_policy" => c.password_policy.is_some(),
        "no_finding" => c.no_finding.is_some(),
        "finding" => c.finding.is_some(),
        "bucket_public" => c.bucket_public.is_some(),
        "port_open" => c.port_open.is_some(),
        "trail_logging" => c.trail_logging.is_some(),
        "succeeds" => c.succeeds.is_some(),
        "budget" => c.budget.is_some(),
        "instances" => c.instances.is_some(),
        "login_profile" => c.login_profile.is_some(),
        "cli_profile" => c.cli_profile.is_some(),
        "called" => c.called.is_some(),
        "trust_only" => c.trust_only.is_some(),
        "profile_holds" => c.profile_holds.is_some(),
        "all" => c.all.is_some(),
        "any" => c.any.is_some(),
        "not" => c.not.is_some(),
        _ => false,
    }
}

impl Lesson {
    /// Converts a lesson file as written into the model, checking every rule beyond its shape;
    /// the first rule broken is returned with its field path.
    pub fn from_raw(raw: raw::LessonFile) -> Result<Lesson, Invalid> {
        let id = LessonId::new(raw.id).map_err(|e| Invalid::id("id", e))?;
        let requires = raw
            .requires
            .into_iter()
            .enumerate()
            .map(|(i, r)| LessonId::new(r).map_err(|e| Invalid::id(format!("requires[{i}]"), e)))
            .collect::<Result<Vec<_>, _>>()?;
        if raw.steps.is_empty() {
            return Err(Invalid::at("steps", Lint::LessonNeedsStep));
        }
        let mut steps: Vec<Step> = Vec::with_capacity(raw.steps.len());
        for (i, s) in raw.steps.into_iter().enumerate() {
            let path = format!("steps[{i}]");
            let step = Step::from_raw(s, &path)?;
            if let Some(id) = &step.id
                && steps.iter().any(|x| x.id.as_ref() == Some(id))
            {
                return Err(Invalid::with(
                    format!("{path}.id"),
                    Lint::StepIdTwice,
                    vec![("id", id.to_string())],
                ));
            }
            steps.push(step);
        }
        Ok(Lesson {
            id,
            version: raw.version,
            title: raw.title,
            summary: raw.summary,
            minutes: raw.minutes,
            requires,
            scenario: raw.scenario,
            steps,
        })
    }

    /// The step recorded under `key` (its id, or `#N`), with its index.
    pub fn step_by_key(&self, key: &StepId) -> Option<(usize, &Step)> {
        self.steps
            .iter()
            .enumerate()
            .find(|(i, s)| &s.key(*i) == key)
    }
}

impl Step {
    /// Converts a step as written.
    pub fn from_raw(s: raw::Step, path: &str) -> Result<Step, Invalid> {
        // Every rule of the step names the step by the id its author wrote.
        let named = s.id.clone();
        let say = |e: Invalid| e.of_step(named.as_ref());
        let id =
            s.id.clone()
                .map(|x| StepId::new(x).map_err(|e| Invalid::id(format!("{path}.id"), e)))
                .transpose()?;
        let given: Vec<&str> = [
            ("read", s.read.is_some()),
            ("quiz", s.quiz.is_some()),
            ("predict", s.predict.is_some()),
            ("policy", s.policy.is_some()),
            ("task", s.task.is_some()),
            ("investigate", s.investigate.is_some()),
        ]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(k, _)| k)
        .collect();
        if given.len() != 1 {
            let e = if given.is_empty() {
                Invalid::at(path, Lint::StepNoKind)
            } else {
                Invalid::with(
                    path,
                    Lint::StepManyKinds,
                    vec![("n", given.len().to_string()), ("kinds", given.join(", "))],
                )
            };
            return Err(say(e));
        }
        let body = if let Some(t) = s.read {
            StepBody::Read(t)
        } else if let Some(q) = s.quiz {
            StepBody::Quiz(q)
        } else if let Some(p) = s.predict {
            StepBody::Predict(p)
        } else if let Some(p) = s.policy {
            let at = format!("{path}.policy");
            let max_finding = match p.max_finding.as_deref() {
                None => FindingType::Error,
                Some(m) => FindingType::parse(m).ok_or_else(|| {
                    say(Invalid::with(
                        format!("{at}.max_finding"),
                        Lint::NotFindingType,
                        vec![("value", m.to_string())],
                    ))
                })?,
            };
            if p.expect.allow.is_empty() && p.expect.deny.is_empty() {
                return Err(say(Invalid::at(
                    format!("{at}.expect"),
                    Lint::NoExpectedRequest,
                )));
            }
            StepBody::Policy(PolicyExercise {
                prompt: p.prompt,
                starter: p.starter,
                scenario: p.scenario,
                attach_to: p.attach_to,
                expect: p.expect,
                max_finding,
            })
        } else if let Some(t) = s.task {
            let at = format!("{path}.task");
            if t.goal.is_empty() {
                return Err(say(Invalid::at(format!("{at}.goal"), Lint::TaskNeedsGoal)));
            }
            let goal = t
                .goal
                .into_iter()
                .enumerate()
                .map(|(k, c)| Goal::from_raw(c, &format!("{at}.goal[{k}]")).map_err(say))
                .collect::<Result<Vec<_>, _>>()?;
            StepBody::Task(Task {
                prompt: t.prompt,
                scenario: t.scenario,
                as_: t.as_.filter(|w| w != "root"),
                goal,
            })
        } else if let Some(i) = s.investigate {
            let at = format!("{path}.investigate");
            let after = match i.after.as_deref() {
                None => None,
                Some(a) => Some(crate::account::command::parse_duration(a).ok_or_else(|| {
                    say(Invalid::with(
                        format!("{at}.after"),
                        Lint::NotDuration,
                        vec![("value", a.to_string())],
                    ))
                })?),
            };
            if i.answer.is_empty() {
                return Err(say(Invalid::at(format!("{at}.answer"), Lint::NeedsAnswer)));
            }
            StepBody::Investigate(Investigate {
                question: i.question,
                scenario: i.scenario,
                after,
                answer: i.answer,
            })
        } else {
            // `given` holds exactly one kind, and every kind is handled above.
            return Err(Invalid::at(path, Lint::StepEmpty));
        };
        if id.is_none() && !matches!(body, StepBody::Read(_)) {
            return Err(Invalid::at(path, Lint::ExerciseNeedsId));
        }
        Ok(Step {
            id,
            body,
            hints: s.hints,
            solution: s.solution,
            wrong: s.wrong,
            explain: s.explain,
        })
    }
}

/// The JSON Schema of a lesson file and of `pack.yaml`, for editors (generated from the raw
/// shapes, which are what a file holds).
pub fn json_schema() -> serde_json::Value {
    raw::json_schema()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(yaml: &str) -> Result<Step, Invalid> {
        let raw: raw::Step = serde_yaml::from_str(yaml).expect("a step's shape");
        Step::from_raw(raw, "steps[0]")
    }

    #[test]
    fn a_step_has_exactly_one_kind() {
        let e = step("{id: x, read: hi, quiz: {question: q, choices: []}}").unwrap_err();
        assert_eq!(e.path, "steps[0]");
        assert!(
            e.message(Lang::En)
                .starts_with("step x: the step has 2 kinds (read, quiz)"),
            "{e:?}"
        );
        assert!(
            e.message(Lang::Ja)
                .starts_with("ステップ x: ステップに種類が 2 つあります (read, quiz)"),
            "{e:?}"
        );
        assert!(
            step("{id: x}")
                .unwrap_err()
                .message(Lang::En)
                .contains("no kind")
        );
        assert_eq!(step("{read: hi}").map(|s| s.kind()), Ok(StepKind::Read));
    }

    #[test]
    fn a_check_has_exactly_one_kind_and_its_own_rules() {
        let e = Goal::from_yaml("{exists: {user: a}, absent: {user: b}}").unwrap_err();
        assert!(e.contains("2 kinds (`exists`, `absent`)"), "{e}");
        let e = Goal::from_yaml("{all: [{exists: {usr: a}}]}").unwrap_err();
        assert!(
            e.starts_with("all[0].exists.usr: `usr` is not an entity kind"),
            "{e}"
        );
        assert!(Goal::from_yaml("{access_key_status: {user: a, status: Gone}}").is_err());
        assert!(Goal::from_yaml("{password_policy: {min_length: many}}").is_err());
        assert!(Goal::from_yaml("{instances: {state: sleeping}}").is_err());
        assert!(Goal::from_yaml("{any: []}").is_err());
        assert!(Goal::from_yaml("{}").is_err());
        assert_eq!(
            Goal::from_yaml("{mfa_enabled: {root: true}}").map(|g| g.check),
            Ok(Check::MfaEnabled(MfaOf::Root))
        );
    }

    #[test]
    fn an_inline_policy_check_names_one_identity_and_the_policy() {
        assert_eq!(
            Goal::from_yaml("{inline_policy: {group: devs, name: ReadLogs}}").map(|g| g.check),
            Ok(Check::InlinePolicy {
                to: Attachee::Group,
                name: "devs".into(),
                policy: "ReadLogs".into(),
            })
        );
        let e = Goal::from_yaml("{inline_policy: {user: aoi}}").unwrap_err();
        assert!(
            e.starts_with("inline_policy: name the inline policy"),
            "{e}"
        );
        let e = Goal::from_yaml("{inline_policy: {user: aoi, role: r, name: P}}").unwrap_err();
        assert!(e.contains("exactly one identity"), "{e}");
        // `policy` is `policy_attached`'s field; here the policy is named by `name`.
        let e = Goal::from_yaml("{inline_policy: {user: aoi, name: P, policy: P}}").unwrap_err();
        assert!(
            e.starts_with("inline_policy.policy: `policy` is not a field here"),
            "{e}"
        );
    }

    #[test]
    fn durations_and_finding_types_are_typed() {
        let s = step("{id: x, investigate: {question: q, after: 3h, answer: [a]}}").unwrap();
        assert_eq!(
            s.investigate().and_then(|i| i.after),
            Some(jiff::SignedDuration::from_hours(3))
        );
        let e = step("{id: x, investigate: {question: q, after: soon, answer: [a]}}").unwrap_err();
        assert_eq!(e.path, "steps[0].investigate.after");
        let e = step("{id: x, policy: {prompt: p, expect: {allow: [{action: 's3:GetObject'}]}, max_finding: BAD}}")
            .unwrap_err();
        assert_eq!(e.path, "steps[0].policy.max_finding");
    }

    #[test]
    fn an_exercise_needs_an_id_that_progress_accepts() {
        let e = step("{task: {prompt: p, goal: [{trail_logging: true}]}}").unwrap_err();
        assert!(e.message(Lang::En).contains("needs an `id`"), "{e:?}");
        let e = step("{id: Add Deny, read: hi}").unwrap_err();
        assert_eq!(e.path, "steps[0].id");
    }
}
