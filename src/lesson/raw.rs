//! The lesson pack format as written: the strict serde shapes YAML is read into, before any
//! rule beyond the shape is checked. `super::model` converts them once into the validated
//! model the rest of the program uses. The format is documented for instructors in
//! `docs/lesson-format.md`, and `assets/lesson-pack.schema.json` (generated from these types)
//! describes it for editors.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A text in one or several languages: a plain string, or a map of language → string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    One(String),
    /// Per language, e.g. `{en: …, ja: …}`.
    Map(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, falling back to `fallback`, then to any language.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Text::One(s) => s,
            Text::Map(m) => m
                .get(lang)
                .or_else(|| m.get(fallback))
                .or_else(|| m.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// The languages present (empty for a plain string, which serves every language).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::One(_) => Vec::new(),
            Text::Map(m) => m.keys().map(String::as_str).collect(),
        }
    }

    /// True for a plain string.
    pub fn is_plain(&self) -> bool {
        matches!(self, Text::One(_))
    }
}

/// `pack.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// The format version (1).
    pub schema: u32,
    /// A stable id, e.g. `iam-basics`.
    pub id: String,
    /// Semantic version of the pack.
    pub version: String,
    /// Title.
    pub title: Text,
    /// What the pack teaches.
    #[serde(default)]
    pub description: Option<Text>,
    /// Languages, the first being the default.
    pub languages: Vec<String>,
    /// Authors.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Lesson files, in order, relative to the pack folder.
    pub lessons: Vec<String>,
}

/// A lesson file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LessonFile {
    /// A stable id, unique in the pack.
    pub id: String,
    /// The lesson's version (progress records which version a result was earned on).
    pub version: u32,
    /// Title.
    pub title: Text,
    /// One or two sentences.
    pub summary: Text,
    /// Estimated minutes.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Lessons to do first (ids in this pack).
    #[serde(default)]
    pub requires: Vec<String>,
    /// The default scenario for the lesson's exercises (a path in the pack).
    #[serde(default)]
    pub scenario: Option<String>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// One step of a lesson.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Id (needed for exercises; progress is recorded per step id).
    #[serde(default)]
    pub id: Option<String>,
    /// Reading: Markdown.
    #[serde(default)]
    pub read: Option<Text>,
    /// A quiz.
    #[serde(default)]
    pub quiz: Option<Quiz>,
    /// Predict a decision.
    #[serde(default)]
    pub predict: Option<Predict>,
    /// Write a policy.
    #[serde(default)]
    pub policy: Option<PolicyExercise>,
    /// Run commands in the sandbox.
    #[serde(default)]
    pub task: Option<Task>,
    /// Answer a question from what the sandbox shows.
    #[serde(default)]
    pub investigate: Option<Investigate>,
    /// Hints, from a nudge to a near-answer.
    #[serde(default)]
    pub hints: Vec<Text>,
    /// The solution: commands (task) or a policy (policy), replayable.
    #[serde(default)]
    pub solution: Option<Solution>,
    /// Near misses: attempts a learner could plausibly make that must not pass (lint proves
    /// each fails), each with what to say to a learner who makes it.
    #[serde(default)]
    pub wrong: Vec<Wrong>,
    /// Why it matters, shown after success.
    #[serde(default)]
    pub explain: Option<Text>,
}

/// A quiz.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The question.
    pub question: Text,
    /// More than one choice may be correct (the learner picks all of them).
    #[serde(default)]
    pub multiple: bool,
    /// The choices.
    pub choices: Vec<Choice>,
}

/// A quiz choice.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The choice.
    pub text: Text,
    /// Whether it is correct.
    #[serde(default)]
    pub correct: bool,
    /// Why it is right or wrong.
    #[serde(default)]
    pub why: Option<Text>,
}

/// A request to decide.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestSpec {
    /// `root`, `user/NAME`, `role/NAME` or a full ARN, or
    /// `{web_identity: {role: NAME, token: NAME}}`.
    pub principal: PrincipalSpec,
    /// The action.
    pub action: String,
    /// The resource ARN (default `*`).
    #[serde(default = "star")]
    pub resource: String,
    /// Context keys.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub context: BTreeMap<String, serde_yaml::Value>,
}

fn star() -> String {
    "*".into()
}

/// Who makes a request a check decides.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(untagged)]
pub enum PrincipalSpec {
    /// `root`, `user/NAME`, `role/NAME` or a full ARN (of this account, another one, or a
    /// service principal such as `ec2.amazonaws.com`).
    Named(String),
    /// `{web_identity: {role, token}}`: the session of the role that the scenario's web
    /// identity token gets from `sts assume-role-with-web-identity`.
    WebIdentity(WebIdentityPrincipal),
}

impl PrincipalSpec {
    /// The principal as written, when it is a string.
    pub fn named(&self) -> Option<&str> {
        match self {
            PrincipalSpec::Named(s) => Some(s),
            PrincipalSpec::WebIdentity(_) => None,
        }
    }
}

impl From<&str> for PrincipalSpec {
    fn from(s: &str) -> PrincipalSpec {
        PrincipalSpec::Named(s.to_string())
    }
}

impl std::fmt::Display for PrincipalSpec {
    /// As the lesson file writes it: the string, or the web identity in YAML's flow form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrincipalSpec::Named(s) => f.write_str(s),
            PrincipalSpec::WebIdentity(w) => write!(
                f,
                "{{web_identity: {{role: {}, token: {}}}}}",
                w.web_identity.role, w.web_identity.token
            ),
        }
    }
}

/// `{web_identity: {role, token}}`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebIdentityPrincipal {
    /// The role and the token.
    pub web_identity: WebIdentitySession,
}

/// A role session got with a web identity token.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebIdentitySession {
    /// The role's name.
    pub role: String,
    /// The name of a token under the scenario's `web_identity_tokens`.
    pub token: String,
}

/// Predict the evaluator's decision.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    /// The question (default: "What does IAM decide?").
    #[serde(default)]
    pub question: Option<Text>,
    /// Scenario (default: the lesson's).
    #[serde(default)]
    pub scenario: Option<String>,
    /// The request.
    pub request: RequestSpec,
}

/// Write or fix a policy.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyExercise {
    /// What to do.
    pub prompt: Text,
    /// The policy the editor starts with.
    #[serde(default)]
    pub starter: Option<String>,
    /// Scenario (default: the lesson's; none means an empty account).
    #[serde(default)]
    pub scenario: Option<String>,
    /// Test the policy as an inline policy of this identity (`user/NAME`, `role/NAME`);
    /// default: a fresh user with only this policy.
    #[serde(default)]
    pub attach_to: Option<String>,
    /// Requests that must be allowed / denied.
    pub expect: Expectations,
    /// The worst validate-policy finding type allowed (`ERROR`, `SECURITY_WARNING`,
    /// `WARNING`, `SUGGESTION`); default `ERROR` (only errors fail).
    #[serde(default)]
    pub max_finding: Option<String>,
}

/// Requests a policy must allow and deny.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    /// Must be allowed.
    #[serde(default)]
    pub allow: Vec<ExpectRequest>,
    /// Must be denied (implicitly or explicitly).
    #[serde(default)]
    pub deny: Vec<ExpectRequest>,
}

/// An expected request (the principal is the one the policy is tested on).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectRequest {
    /// The action.
    pub action: String,
    /// The resource (default `*`).
    #[serde(default = "star")]
    pub resource: String,
    /// Context keys.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub context: BTreeMap<String, serde_yaml::Value>,
}

/// A sandbox task.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// What to do.
    pub prompt: Text,
    /// Scenario (default: the lesson's; none means an empty account).
    #[serde(default)]
    pub scenario: Option<String>,
    /// Acting as `root` (default), `user/NAME` or `role/NAME`.
    #[serde(default, rename = "as")]
    pub as_: Option<String>,
    /// What must hold when the task is done.
    pub goal: Vec<Check>,
}

/// Answer a question from the sandbox.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigate {
    /// The question.
    pub question: Text,
    /// Scenario (default: the lesson's).
    #[serde(default)]
    pub scenario: Option<String>,
    /// Let this much simulated time pass first (e.g. `3h`), so scripted events happen.
    #[serde(default)]
    pub after: Option<String>,
    /// Accepted answers (compared ignoring case and surrounding space).
    pub answer: Vec<String>,
}

/// A solution.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Solution {
    /// Commands, for tasks and investigations.
    Commands(Vec<String>),
    /// A policy document or an answer, for policy and investigate steps.
    Text(String),
    /// Choice numbers (from 1), for quizzes.
    Choices(Vec<u32>),
}

/// A near miss: a wrong attempt in the shape of the step's solution — commands for a task,
/// a policy for a policy step, an answer for an investigation, choice numbers for a quiz.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wrong {
    /// The attempt.
    pub attempt: Solution,
    /// Why it is wrong, shown to a learner whose attempt matches it.
    #[serde(default)]
    pub why: Option<Text>,
}

/// A declarative check. No code runs from a pack: checks are data.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The principal may do it.
    #[serde(default)]
    pub can: Option<RequestSpec>,
    /// The principal may not do it.
    #[serde(default)]
    pub cannot: Option<RequestSpec>,
    /// An entity exists: `{user: NAME}`, `{group: NAME}`, `{role: NAME}`, `{policy: NAME}`,
    /// `{bucket: NAME}`, `{instance_profile: NAME}`.
    #[serde(default)]
    pub exists: Option<BTreeMap<String, String>>,
    /// An entity does not exist.
    #[serde(default)]
    pub absent: Option<BTreeMap<String, String>>,
    /// `{user, group}`.
    #[serde(default)]
    pub member_of: Option<MemberOf>,
    /// `{user|group|role, policy}`: a managed policy (name or ARN) is attached.
    #[serde(default)]
    pub policy_attached: Option<BTreeMap<String, String>>,
    /// `{user|group|role, name}`: an inline policy of that name is embedded in the identity.
    #[serde(default)]
    pub inline_policy: Option<BTreeMap<String, String>>,
    /// `{user: NAME}` or `{root: true}`.
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, serde_json::Value>>")]
    pub mfa_enabled: Option<BTreeMap<String, serde_yaml::Value>>,
    /// `{user, key (optional id), status: Active|Inactive|none}`.
    #[serde(default)]
    pub access_key_status: Option<BTreeMap<String, String>>,
    /// Field comparisons on the password policy: `min_length`, `require_symbols`, …
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, serde_json::Value>>")]
    pub password_policy: Option<BTreeMap<String, serde_yaml::Value>>,
    /// No audit finding of this control (optionally on a resource containing this text).
    #[serde(default)]
    pub no_finding: Option<FindingRef>,
    /// An audit finding of this control exists.
    #[serde(default)]
    pub finding: Option<FindingRef>,
    /// `{bucket, public: bool}`.
    #[serde(default)]
    pub bucket_public: Option<BucketPublic>,
    /// `{port, cidr, open: bool}`.
    #[serde(default)]
    pub port_open: Option<PortOpen>,
    /// `{logging: bool}`: a multi-Region trail is logging (or none is).
    #[serde(default)]
    pub trail_logging: Option<bool>,
    /// `{exists: bool, max_limit}`.
    #[serde(default)]
    pub budget: Option<BudgetCheck>,
    /// Sandbox commands (`aws …`, or `github-oidc-token …` to mint a token first) that, run
    /// now in order in a copy of the sandbox (the learner's own is not touched), all exit with
    /// status 0; `not: {succeeds: […]}` for a call that must fail.
    #[serde(default)]
    pub succeeds: Option<Vec<String>>,
    /// `{state, type, count | min | max}`.
    #[serde(default)]
    pub instances: Option<InstancesCheck>,
    /// `{user, password_reset_required (optional)}`: the user has a console password (and
    /// must, or need not, change it at the next sign-in).
    #[serde(default)]
    pub login_profile: Option<LoginProfileCheck>,
    /// `{name, user}`: the sandbox has a CLI profile of that name whose access key is an
    /// active key of that user.
    #[serde(default)]
    pub cli_profile: Option<CliProfileCheck>,
    /// `{operation, principal}`: a call of that operation succeeded as that principal.
    #[serde(default)]
    pub called: Option<CalledCheck>,
    /// `{role, principals}`: the role's trust policy allows no principal but these.
    #[serde(default)]
    pub trust_only: Option<TrustOnly>,
    /// `{profile, role, instance (optional)}`: the instance profile holds the role (and is
    /// associated with the instance).
    #[serde(default)]
    pub profile_holds: Option<ProfileHolds>,
    /// All must hold.
    #[serde(default)]
    pub all: Option<Vec<Check>>,
    /// One must hold.
    #[serde(default)]
    pub any: Option<Vec<Check>>,
    /// Must not hold.
    #[serde(default)]
    pub not: Option<Box<Check>>,
    /// Shown when the check does not hold (instead of the generated sentence).
    #[serde(default)]
    pub fail_message: Option<Text>,
    /// Shown when the check holds (instead of the generated sentence).
    #[serde(default)]
    pub ok_message: Option<Text>,
}

/// `member_of`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberOf {
    /// User.
    pub user: String,
    /// Group.
    pub group: String,
}

/// `finding` / `no_finding`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingRef {
    /// Control id, e.g. `IAM.4`.
    pub control: String,
    /// Only findings whose resource contains this text.
    #[serde(default)]
    pub resource: Option<String>,
}

/// `bucket_public`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BucketPublic {
    /// Bucket name.
    pub bucket: String,
    /// Expected publicness.
    pub public: bool,
}

/// `port_open`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortOpen {
    /// Port.
    pub port: i64,
    /// Source CIDR (default 0.0.0.0/0).
    #[serde(default)]
    pub cidr: Option<String>,
    /// Expected openness.
    pub open: bool,
}

/// `budget`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetCheck {
    /// A budget or billing alarm exists (default true).
    #[serde(default = "yes")]
    pub exists: bool,
    /// Its limit (or alarm threshold) is at most this; with `notifies`, the amount at which
    /// someone is told is at most this.
    #[serde(default)]
    pub max_limit: Option<f64>,
    /// Someone is told: the budget has a notification with a subscriber, or the alarm has an
    /// action.
    #[serde(default)]
    pub notifies: bool,
}

fn yes() -> bool {
    true
}

/// `instances`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstancesCheck {
    /// Only in this state (`running`, `stopped`, `terminated`).
    #[serde(default)]
    pub state: Option<String>,
    /// Only of this type.
    #[serde(rename = "type", default)]
    pub instance_type: Option<String>,
    /// Exactly this many.
    #[serde(default)]
    pub count: Option<usize>,
    /// At least.
    #[serde(default)]
    pub min: Option<usize>,
    /// At most.
    #[serde(default)]
    pub max: Option<usize>,
}

/// `login_profile`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginProfileCheck {
    /// User name.
    pub user: String,
    /// When given, the password's reset flag must have this value.
    #[serde(default)]
    pub password_reset_required: Option<bool>,
}

/// `cli_profile`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CliProfileCheck {
    /// Profile name (as `--profile` takes it).
    pub name: String,
    /// The IAM user whose active access key the profile must hold.
    pub user: String,
}

/// `called`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalledCheck {
    /// The API operation as CloudTrail names it, e.g. `GetCallerIdentity`.
    pub operation: String,
    /// Who made the call: `root`, `user/NAME` or `role/NAME`.
    pub principal: String,
}

/// `trust_only`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrustOnly {
    /// The role's name.
    pub role: String,
    /// The principals its trust policy may allow: `user/NAME`, `role/NAME`, `root` (this
    /// account), an ARN, an account id or a service principal such as `ec2.amazonaws.com`.
    pub principals: Vec<String>,
}

/// `profile_holds`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileHolds {
    /// The instance profile's name.
    pub profile: String,
    /// The role it must hold.
    pub role: String,
    /// When given, the EC2 instance the profile must be associated with.
    #[serde(default)]
    pub instance: Option<String>,
}

/// `glossary.yaml`: the pack's glossary, optional. Every term has both languages and the AWS
/// documentation page for each.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// The format version (1, as in `pack.yaml`).
    pub schema: u32,
    /// Semantic version of the glossary.
    pub version: String,
    /// The terms, in the order the glossary lists them.
    pub terms: Vec<GlossaryTerm>,
}

/// One term of the glossary.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// A stable id (lowercase letters, digits, `-`), what lessons link to: `[text](glossary:ID)`.
    pub id: String,
    /// The term in English.
    pub en: TermText,
    /// The term in Japanese.
    pub ja: TermText,
    /// The AWS documentation page of the term, per language.
    pub doc: TermDoc,
}

/// A term and its definition in one language.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermText {
    /// The term as AWS's documentation in this language writes it.
    pub term: String,
    /// One or two sentences.
    pub definition: String,
}

/// The AWS documentation page of a term, per language (`https://docs.aws.amazon.com/…`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermDoc {
    /// The English page.
    pub en: String,
    /// The Japanese page (`https://docs.aws.amazon.com/ja_jp/…`).
    pub ja: String,
}

/// The JSON Schema of a lesson file, of `pack.yaml` and of `glossary.yaml`, for editors (YAML
/// language servers read JSON Schema), as one document: a file is one of the three.
pub fn json_schema() -> serde_json::Value {
    let lesson = schemars::schema_for!(LessonFile);
    let pack = schemars::schema_for!(PackFile);
    let glossary = schemars::schema_for!(GlossaryFile);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "iamdojo lesson pack",
        "description": "A lesson file (the default), pack.yaml or glossary.yaml. Format: docs/lesson-format.md.",
        "oneOf": [lesson.as_value(), pack.as_value(), glossary.as_value()],
    })
}
