//! The records the store keeps and the summaries it answers with. These are also the
//! elements of an export file, so their serde names are a file format: add fields with a
//! default, never rename one.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::ids::{LearnerName, LessonId, PackId, RecordId, StepId};

/// serde for [`Timestamp`] as RFC 3339 text (`2026-11-29T10:00:00.123Z`).
pub(crate) mod rfc3339 {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    use crate::msg::Message;
    use crate::msg::progress::Progress as P;

    /// Writes the timestamp as RFC 3339.
    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(t)
    }

    /// Reads RFC 3339 text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        // serde's errors have no language: the English text of the catalog entry.
        s.parse().map_err(|_| {
            D::Error::custom(P::BadTimestamp.fill(crate::lang::Lang::En, &[("value", &s)]))
        })
    }
}

/// One answer a learner gave to one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The attempt's stable identity (see [`RecordId`]).
    pub id: RecordId,
    /// The pack of the lesson.
    pub pack: PackId,
    /// The lesson.
    pub lesson: LessonId,
    /// The lesson file's `version` when the answer was given.
    pub lesson_version: String,
    /// The step answered.
    pub step: StepId,
    /// The answer as the learner gave it (a choice, a policy, a command line…).
    pub answer: String,
    /// Whether the exercise engine accepted it.
    pub correct: bool,
    /// How many hints had been shown when it was given.
    #[serde(default)]
    pub hints_used: u32,
    /// Whether the solution had been shown ("show me" or skip).
    #[serde(default)]
    pub solution_shown: bool,
    /// Time spent on the step for this answer, in milliseconds.
    #[serde(default)]
    pub time_spent_ms: u64,
    /// When it was given.
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
}

impl Attempt {
    /// A new attempt with a fresh id, stamped now, no hints, no solution shown and no time
    /// spent; set those fields before recording when they apply.
    pub fn new(
        pack: PackId,
        lesson: LessonId,
        lesson_version: impl Into<String>,
        step: StepId,
        answer: impl Into<String>,
        correct: bool,
    ) -> Attempt {
        Attempt {
            id: RecordId::generate(),
            pack,
            lesson,
            lesson_version: lesson_version.into(),
            step,
            answer: answer.into(),
            correct,
            hints_used: 0,
            solution_shown: false,
            time_spent_ms: 0,
            at: Timestamp::now(),
        }
    }
}

/// A lesson the learner finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    /// The pack of the lesson.
    pub pack: PackId,
    /// The lesson.
    pub lesson: LessonId,
    /// The lesson file's `version` it was finished on.
    pub lesson_version: String,
    /// When it was first finished.
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
}

/// One command the learner ran in the sandbox during a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandRecord {
    /// The command's stable identity.
    pub id: RecordId,
    /// The pack of the task.
    pub pack: PackId,
    /// The lesson of the task.
    pub lesson: LessonId,
    /// The task step.
    pub step: StepId,
    /// The command line as typed.
    pub command: String,
    /// Its exit status in the sandbox.
    pub exit_code: i32,
    /// When it ran.
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
}

impl CommandRecord {
    /// A new record with a fresh id, stamped now.
    pub fn new(
        pack: PackId,
        lesson: LessonId,
        step: StepId,
        command: impl Into<String>,
        exit_code: i32,
    ) -> CommandRecord {
        CommandRecord {
            id: RecordId::generate(),
            pack,
            lesson,
            step,
            command: command.into(),
            exit_code,
            at: Timestamp::now(),
        }
    }
}

/// A version of a pack the learner has opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSeen {
    /// The pack.
    pub pack: PackId,
    /// Its `version` (semver).
    pub version: String,
    /// A hash of its content, so that an edited pack with an unchanged version is noticed.
    pub content_hash: String,
    /// When this version was first opened.
    #[serde(with = "rfc3339")]
    pub first_seen: Timestamp,
    /// When it was last opened.
    #[serde(with = "rfc3339")]
    pub last_seen: Timestamp,
}

/// Where the learner was: the step to land on next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The pack.
    pub pack: PackId,
    /// The lesson.
    pub lesson: LessonId,
    /// The step (`#N` for a step without an id, see [`StepId`]).
    pub step: StepId,
    /// When the learner was there.
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
}

/// A learner preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    /// The interface and lesson language, e.g. `en` or `ja`.
    Language,
    /// The colour theme's name.
    Theme,
}

impl Setting {
    /// The stable key stored and exported.
    pub fn key(self) -> &'static str {
        match self {
            Setting::Language => "language",
            Setting::Theme => "theme",
        }
    }
}

/// A stored preference as exported: any key, so that a newer iamdojo's settings survive a
/// round trip through this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingValue {
    /// The key ([`Setting::key`]).
    pub key: String,
    /// The value.
    pub value: String,
    /// When it was last changed; on import the newer value wins.
    #[serde(with = "rfc3339")]
    pub updated: Timestamp,
}

/// A learner profile in one store. Only meaningful with the [`super::Store`] that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub(super) row: i64,
    pub(super) name: LearnerName,
    pub(super) uid: RecordId,
}

impl Learner {
    /// The profile's name.
    pub fn name(&self) -> &LearnerName {
        &self.name
    }

    /// The profile's stable identity, kept through export and import, by which class
    /// reports tell apart two learners who both kept the name `default`.
    pub fn uid(&self) -> &RecordId {
        &self.uid
    }
}

/// The live class a learner joined (`iamdojo --join URL --code CODE`): where its answers
/// are delivered and the learner token that lets them in. The token is a secret: the server
/// keeps only its hash, and nothing shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct ClassLink {
    /// The class server's base URL (`http://10.0.0.5:8080`).
    pub server: String,
    /// The class's join code.
    pub code: String,
    /// The learner token the server gave on joining.
    pub token: String,
    /// When the learner joined.
    pub joined: Timestamp,
}

impl std::fmt::Debug for ClassLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClassLink")
            .field("server", &self.server)
            .field("code", &self.code)
            .field("token", &"<secret>")
            .field("joined", &self.joined)
            .finish()
    }
}

/// An answer waiting in the outbox to be delivered to the class, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// Its place in the outbox: delivered rows are cleared up to a place
    /// ([`super::Store::outbox_delivered`]).
    pub seq: i64,
    /// The answer.
    pub attempt: Attempt,
}

/// One learner's progress in one lesson, as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonProgress {
    /// The pack.
    pub pack: PackId,
    /// The lesson.
    pub lesson: LessonId,
    /// Answers given.
    pub attempts: u64,
    /// Answers accepted.
    pub correct: u64,
    /// Distinct steps answered.
    pub steps_tried: u64,
    /// Distinct steps answered correctly at least once.
    pub steps_solved: u64,
    /// The lesson's exercises, from the loaded pack (see [`Dashboard::describe`]); `None`
    /// when the lesson is not loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercises: Option<u64>,
    /// The lesson's title, from the loaded pack; `None` when the lesson is not loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Hints used (the sum over attempts of the hints shown by then).
    pub hints_used: u64,
    /// Attempts given after the solution was shown.
    pub solutions_shown: u64,
    /// Active time spent, in milliseconds, each moment counted once and idle gaps capped
    /// (see [`super::active`]).
    pub time_spent_ms: u64,
    /// The latest answer's time.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_ts")]
    pub last_attempt: Option<Timestamp>,
    /// When the lesson was finished, if it was.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_ts")]
    pub completed: Option<Timestamp>,
}

/// serde for an optional [`Timestamp`] as RFC 3339 text.
pub(super) fn opt_ts<S: serde::Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.collect_str(t),
        None => s.serialize_none(),
    }
}

/// One learner's progress in one pack: the sum of its lessons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackProgress {
    /// The pack.
    pub pack: PackId,
    /// Lessons with an attempt or a completion.
    pub lessons_started: u64,
    /// Lessons finished.
    pub lessons_completed: u64,
    /// Answers given.
    pub attempts: u64,
    /// Answers accepted.
    pub correct: u64,
    /// Active time spent, in milliseconds: the sum of its lessons' (see [`super::active`]).
    pub time_spent_ms: u64,
}

/// Everything the home screen shows for one learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    /// Whose progress it is.
    pub learner: LearnerName,
    /// Every lesson with an attempt or a completion, ordered by pack then lesson id.
    pub lessons: Vec<LessonProgress>,
    /// Where the learner was last.
    pub last_position: Option<Position>,
}

impl Dashboard {
    /// Fills in each lesson's title and exercise count from the loaded packs.
    pub fn describe(&mut self, catalog: &super::Catalog) {
        for l in &mut self.lessons {
            let info = catalog.lesson(&l.pack, &l.lesson);
            l.exercises = info.map(|i| i.exercises);
            l.title = info.map(|i| i.title.clone());
        }
    }

    /// The lessons summed per pack, ordered by pack id.
    pub fn packs(&self) -> Vec<PackProgress> {
        let mut out: Vec<PackProgress> = Vec::new();
        for l in &self.lessons {
            let p = match out.last_mut() {
                Some(p) if p.pack == l.pack => p,
                _ => {
                    out.push(PackProgress {
                        pack: l.pack.clone(),
                        lessons_started: 0,
                        lessons_completed: 0,
                        attempts: 0,
                        correct: 0,
                        time_spent_ms: 0,
                    });
                    let Some(p) = out.last_mut() else { continue };
                    p
                }
            };
            p.lessons_started += 1;
            p.lessons_completed += u64::from(l.completed.is_some());
            p.attempts += l.attempts;
            p.correct += l.correct;
            p.time_spent_ms += l.time_spent_ms;
        }
        out
    }
}

/// One step of one lesson for one learner: what the lesson screen needs to mark steps done
/// and to put the last answer back in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepProgress {
    /// The step.
    pub step: StepId,
    /// Answers given.
    pub attempts: u64,
    /// Whether an answer was accepted.
    pub solved: bool,
    /// The most hints shown for it.
    pub hints_used: u32,
    /// Whether the solution was shown.
    pub solution_shown: bool,
    /// The latest answer given.
    pub last_answer: String,
}

/// What to erase with [`super::Store::reset`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetScope {
    /// All of the learner's progress (attempts, completions, commands, packs seen and the
    /// last position); preferences such as the language stay.
    All,
    /// Only what belongs to one pack.
    Pack(PackId),
}

/// How many records a reset erased.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ResetSummary {
    /// Attempts erased.
    pub attempts: u64,
    /// Completions erased.
    pub completions: u64,
    /// Sandbox commands erased.
    pub commands: u64,
    /// Packs-seen records erased.
    pub packs_seen: u64,
    /// Whether the last position was erased.
    pub position: bool,
}

/// What an import changed; all zero when the same export is imported again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// The profile the export was merged into.
    pub learner: LearnerName,
    /// Whether that profile was created by the import.
    pub created_learner: bool,
    /// Attempts added.
    pub attempts: u64,
    /// Completions added or moved earlier.
    pub completions: u64,
    /// Sandbox commands added.
    pub commands: u64,
    /// Packs-seen records added or widened.
    pub packs_seen: u64,
    /// Settings taken from the export because they were newer.
    pub settings: u64,
    /// Whether the last position was taken from the export.
    pub position: bool,
}

impl ImportSummary {
    /// Whether anything changed.
    pub fn changed(&self) -> bool {
        self.created_learner
            || self.attempts + self.completions + self.commands + self.packs_seen + self.settings
                > 0
            || self.position
    }
}
