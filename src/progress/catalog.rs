//! What progress is told about the lessons. Progress knows lessons only by id and never loads
//! one; the caller (the CLI, the TUI), which has loaded the packs, hands in a [`Catalog`]: per
//! pack its title, per lesson its title and how many exercises it has, so that "solved" can
//! be counted out of the lesson's exercises rather than out of the steps answered so far.

use std::collections::BTreeMap;

use crate::ids::{LessonId, PackId};

/// One lesson as its pack describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonInfo {
    /// The title, in the language asked for.
    pub title: String,
    /// Its exercises: the steps a learner answers (every step but reading).
    pub exercises: u64,
    /// Its place in its pack's course, from 1 (as the lesson list numbers it).
    pub number: u64,
}

/// Titles and exercise counts of the loaded lessons. An empty catalog (no pack loaded, or a
/// pack since removed) is allowed: the output then falls back to ids and shows no total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    packs: BTreeMap<PackId, String>,
    lessons: BTreeMap<(PackId, LessonId), LessonInfo>,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// Adds (or replaces) a pack's title.
    pub fn add_pack(&mut self, pack: PackId, title: impl Into<String>) {
        self.packs.insert(pack, title.into());
    }

    /// Adds (or replaces) a lesson.
    pub fn add_lesson(&mut self, pack: PackId, lesson: LessonId, info: LessonInfo) {
        self.lessons.insert((pack, lesson), info);
    }

    /// The lesson, if a loaded pack has it.
    pub fn lesson(&self, pack: &PackId, lesson: &LessonId) -> Option<&LessonInfo> {
        self.lessons.get(&(pack.clone(), lesson.clone()))
    }

    /// The pack's title, if it is loaded.
    pub fn pack_title(&self, pack: &PackId) -> Option<&str> {
        self.packs.get(pack).map(String::as_str)
    }

    /// The lesson's title, else its id.
    pub fn lesson_title(&self, pack: &PackId, lesson: &LessonId) -> String {
        self.lesson(pack, lesson)
            .map(|l| l.title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| lesson.to_string())
    }

    /// The pack's title, else its id.
    pub fn pack_name(&self, pack: &PackId) -> String {
        self.pack_title(pack)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| pack.to_string())
    }

    /// The lesson's place in its pack's course (from 1), if it is loaded.
    pub fn number(&self, pack: &PackId, lesson: &LessonId) -> Option<u64> {
        self.lesson(pack, lesson).map(|l| l.number)
    }

    /// The lesson's exercise count, if it is loaded.
    pub fn exercises(&self, pack: &PackId, lesson: &LessonId) -> Option<u64> {
        self.lesson(pack, lesson).map(|l| l.exercises)
    }

    /// The number of exercises in the loaded lessons of `pack`.
    pub fn pack_exercises(&self, pack: &PackId) -> u64 {
        self.lessons
            .iter()
            .filter(|((p, _), _)| p == pack)
            .map(|(_, l)| l.exercises)
            .sum()
    }
}
