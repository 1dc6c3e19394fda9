//! The class report: learners' exports merged into a learner × lesson table, completion rate
//! and median time per lesson, the exercises most often failed and the most common wrong
//! answers. Pure: exports in, a [`ClassReport`] out; `render` turns it into text, CSV or
//! HTML.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::Timestamp;
use serde::Serialize;

use super::catalog::Catalog;
use super::export::Export;
use crate::ids::{LessonId, PackId, RecordId, StepId};

/// How many rows the "most often failed" and "most common wrong answers" lists keep.
pub const TOP: usize = 10;

/// A lesson, by pack and id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LessonKey {
    /// The pack.
    pub pack: PackId,
    /// The lesson.
    pub lesson: LessonId,
}

impl std::fmt::Display for LessonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.pack, self.lesson)
    }
}

/// One learner in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportLearner {
    /// The name shown: the profile name, with the file it came from added when two
    /// different learners share a name (everyone keeps `default` on their own laptop).
    pub label: String,
    /// The profile's stable identity; exports with the same one are merged.
    pub id: RecordId,
    /// The files this learner's progress came from.
    pub sources: Vec<String>,
    /// When the learner last answered, if ever: how recently they worked.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::model::opt_ts"
    )]
    pub last_answer: Option<Timestamp>,
}

/// One learner in one lesson.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Answers given.
    pub attempts: u64,
    /// Answers accepted.
    pub correct: u64,
    /// Distinct exercises answered correctly at least once.
    pub solved: u64,
    /// Hints used.
    pub hints_used: u64,
    /// Active time spent, in milliseconds (see [`super::active`]).
    pub time_spent_ms: u64,
    /// Whether the lesson was finished.
    pub completed: bool,
}

impl Cell {
    /// Whether the learner did anything in the lesson.
    pub fn started(&self) -> bool {
        self.attempts > 0 || self.completed
    }
}

/// Figures for one lesson across the class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonStats {
    /// The lesson.
    pub lesson: LessonKey,
    /// Its title from the loaded packs, else `pack/lesson`.
    pub title: String,
    /// Its exercises, from the loaded packs; `None` when the lesson is not loaded.
    pub exercises: Option<u64>,
    /// Learners who started it.
    pub started: u64,
    /// Learners who finished it.
    pub completed: u64,
    /// `completed` over all learners in the report, in percent (0–100, rounded down).
    pub completion_percent: u64,
    /// The median over the learners who finished it of the time they spent in it.
    pub median_time_ms: Option<u64>,
}

/// An exercise learners got wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedStep {
    /// The lesson.
    pub lesson: LessonKey,
    /// The step.
    pub step: StepId,
    /// Wrong answers given, by everyone.
    pub failed_attempts: u64,
    /// Learners who gave at least one wrong answer.
    pub learners_failed: u64,
    /// Learners who answered at all.
    pub learners_tried: u64,
    /// Learners who never got it right.
    pub learners_never_solved: u64,
}

/// A wrong answer several learners gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongAnswer {
    /// The lesson.
    pub lesson: LessonKey,
    /// The step.
    pub step: StepId,
    /// The answer, with runs of white space made one space and the ends trimmed.
    pub answer: String,
    /// How many times it was given.
    pub times: u64,
    /// By how many learners.
    pub learners: u64,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassReport {
    /// The learners, by label.
    pub learners: Vec<ReportLearner>,
    /// The lessons, by pack then lesson id.
    pub lessons: Vec<LessonKey>,
    /// `cells[learner][lesson]`, in the orders above.
    pub cells: Vec<Vec<Cell>>,
    /// Per lesson, in the order of `lessons`.
    pub lesson_stats: Vec<LessonStats>,
    /// The exercises with the most wrong answers, at most [`TOP`].
    pub most_failed: Vec<FailedStep>,
    /// The wrong answers given most often, at most [`TOP`].
    pub common_wrong_answers: Vec<WrongAnswer>,
}

/// One learner's merged records while building.
struct Merged {
    id: RecordId,
    name: String,
    sources: Vec<String>,
    last_answer: Option<Timestamp>,
    seen_attempts: HashSet<RecordId>,
    cells: HashMap<LessonKey, Cell>,
    /// Per (lesson, step): (wrong answers, ever right).
    steps: HashMap<(LessonKey, StepId), (u64, bool)>,
    /// Per lesson: each attempt's (time in ms, time spent), for the active time.
    spans: HashMap<LessonKey, Vec<(i64, u64)>>,
    /// Wrong answers as given, for the common-answer count.
    wrong: Vec<(LessonKey, StepId, String)>,
}

fn normalize(answer: &str) -> String {
    answer.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn median(mut v: Vec<u64>) -> Option<u64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v.get(mid).copied()
    } else {
        let a = v.get(mid - 1).copied().unwrap_or(0);
        let b = v.get(mid).copied().unwrap_or(0);
        Some(a / 2 + b / 2 + (a % 2 + b % 2) / 2)
    }
}

impl ClassReport {
    /// Builds the report from `(source, export)` pairs, where `source` names the file (used
    /// to tell apart two learners with the same name). Exports of the same learner (same
    /// profile id) are merged, each attempt counted once. `catalog` gives the lessons'
    /// titles and exercise counts (from the packs the instructor loaded).
    pub fn build<'a, I>(exports: I, catalog: &Catalog) -> ClassReport
    where
        I: IntoIterator<Item = (&'a str, &'a Export)>,
    {
        let mut learners: Vec<Merged> = Vec::new();
        let mut index: HashMap<RecordId, usize> = HashMap::new();
        for (source, export) in exports {
            let i = *index.entry(export.learner.id.clone()).or_insert_with(|| {
                learners.push(Merged {
                    id: export.learner.id.clone(),
                    name: export.learner.name.to_string(),
                    sources: Vec::new(),
                    last_answer: None,
                    seen_attempts: HashSet::new(),
                    cells: HashMap::new(),
                    steps: HashMap::new(),
                    spans: HashMap::new(),
                    wrong: Vec::new(),
                });
                learners.len() - 1
            });
            let Some(m) = learners.get_mut(i) else {
                continue;
            };
            m.sources.push(source.to_string());
            for a in &export.attempts {
                if !m.seen_attempts.insert(a.id.clone()) {
                    continue;
                }
                m.last_answer = m.last_answer.max(Some(a.at));
                let key = LessonKey {
                    pack: a.pack.clone(),
                    lesson: a.lesson.clone(),
                };
                let cell = m.cells.entry(key.clone()).or_default();
                cell.attempts += 1;
                cell.correct += u64::from(a.correct);
                cell.hints_used += u64::from(a.hints_used);
                m.spans
                    .entry(key.clone())
                    .or_default()
                    .push((a.at.as_millisecond(), a.time_spent_ms));
                let step = m.steps.entry((key.clone(), a.step.clone())).or_default();
                if a.correct {
                    step.1 = true;
                } else {
                    step.0 += 1;
                    m.wrong.push((key, a.step.clone(), normalize(&a.answer)));
                }
            }
            for c in &export.completions {
                let key = LessonKey {
                    pack: c.pack.clone(),
                    lesson: c.lesson.clone(),
                };
                m.cells.entry(key).or_default().completed = true;
            }
        }
        for m in &mut learners {
            for (key, spans) in m.spans.drain() {
                m.cells.entry(key).or_default().time_spent_ms = super::active::active_ms(spans);
            }
            for ((key, _), (_, solved)) in &m.steps {
                if *solved {
                    m.cells.entry(key.clone()).or_default().solved += 1;
                }
            }
        }

        // Labels: the name, plus the first source file when another learner has the name.
        let mut by_name: HashMap<&str, u64> = HashMap::new();
        for m in &learners {
            *by_name.entry(m.name.as_str()).or_default() += 1;
        }
        let mut rows: Vec<(String, &Merged)> = learners
            .iter()
            .map(|m| {
                let label = if by_name.get(m.name.as_str()).copied().unwrap_or(0) > 1 {
                    format!(
                        "{} ({})",
                        m.name,
                        m.sources.first().map(String::as_str).unwrap_or("?")
                    )
                } else {
                    m.name.clone()
                };
                (label, m)
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));

        let lessons: Vec<LessonKey> = {
            let mut all: Vec<LessonKey> = learners
                .iter()
                .flat_map(|m| m.cells.keys().cloned())
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            all.sort();
            all
        };

        let cells: Vec<Vec<Cell>> = rows
            .iter()
            .map(|(_, m)| {
                lessons
                    .iter()
                    .map(|l| m.cells.get(l).copied().unwrap_or_default())
                    .collect()
            })
            .collect();

        let total = rows.len() as u64;
        let lesson_stats = lessons
            .iter()
            .enumerate()
            .map(|(j, l)| {
                let column = cells.iter().filter_map(|row| row.get(j));
                let started = column.clone().filter(|c| c.started()).count() as u64;
                let done: Vec<u64> = column
                    .filter(|c| c.completed)
                    .map(|c| c.time_spent_ms)
                    .collect();
                let completed = done.len() as u64;
                LessonStats {
                    lesson: l.clone(),
                    title: catalog
                        .lesson(&l.pack, &l.lesson)
                        .map(|i| i.title.clone())
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| l.to_string()),
                    exercises: catalog.exercises(&l.pack, &l.lesson),
                    started,
                    completed,
                    completion_percent: (completed * 100).checked_div(total).unwrap_or(0),
                    median_time_ms: median(done),
                }
            })
            .collect();

        // Exercises most often failed.
        let mut steps: HashMap<(&LessonKey, &StepId), FailedStep> = HashMap::new();
        for m in &learners {
            for ((l, s), (wrong, solved)) in &m.steps {
                let f = steps.entry((l, s)).or_insert_with(|| FailedStep {
                    lesson: l.clone(),
                    step: s.clone(),
                    failed_attempts: 0,
                    learners_failed: 0,
                    learners_tried: 0,
                    learners_never_solved: 0,
                });
                f.failed_attempts += wrong;
                f.learners_failed += u64::from(*wrong > 0);
                f.learners_tried += 1;
                f.learners_never_solved += u64::from(!solved);
            }
        }
        let mut most_failed: Vec<FailedStep> = steps
            .into_values()
            .filter(|f| f.failed_attempts > 0)
            .collect();
        most_failed.sort_by(|a, b| {
            b.failed_attempts
                .cmp(&a.failed_attempts)
                .then(b.learners_failed.cmp(&a.learners_failed))
                .then_with(|| (&a.lesson, &a.step).cmp(&(&b.lesson, &b.step)))
        });
        most_failed.truncate(TOP);

        // Most common wrong answers: counted per answer, with how many learners gave it.
        let mut answers: BTreeMap<(&LessonKey, &StepId, &str), (u64, HashSet<usize>)> =
            BTreeMap::new();
        for (i, m) in learners.iter().enumerate() {
            for (l, s, a) in &m.wrong {
                let e = answers.entry((l, s, a.as_str())).or_default();
                e.0 += 1;
                e.1.insert(i);
            }
        }
        let mut common_wrong_answers: Vec<WrongAnswer> = answers
            .into_iter()
            .map(|((l, s, a), (times, who))| WrongAnswer {
                lesson: l.clone(),
                step: s.clone(),
                answer: a.to_string(),
                times,
                learners: who.len() as u64,
            })
            .collect();
        // Stable sort: ties stay in (lesson, step, answer) order from the BTreeMap.
        common_wrong_answers
            .sort_by(|a, b| b.learners.cmp(&a.learners).then(b.times.cmp(&a.times)));
        common_wrong_answers.truncate(TOP);

        ClassReport {
            learners: rows
                .iter()
                .map(|(label, m)| ReportLearner {
                    label: label.clone(),
                    id: m.id.clone(),
                    sources: m.sources.clone(),
                    last_answer: m.last_answer,
                })
                .collect(),
            lessons,
            cells,
            lesson_stats,
            most_failed,
            common_wrong_answers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3, 1, 2]), Some(2));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2));
        assert_eq!(median(vec![u64::MAX, u64::MAX]), Some(u64::MAX));
    }

    #[test]
    fn answers_are_normalized() {
        assert_eq!(normalize("  a\n  b\tc "), "a b c");
    }
}
