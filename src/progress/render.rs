//! The text a person reads of progress, in the learner's language: dates and durations
//! ([`date_time`], [`duration`]), the dashboard of `progress show` ([`dashboard`]), and the
//! class report as text (for a terminal), CSV (one row per learner and lesson, for a
//! spreadsheet) and one self-contained HTML file (inline CSS and SVG charts, no script, no
//! network) that an instructor can open or project. Every fixed word is an entry of the
//! catalog (`msg::progress`); CSV field names and machine formats stay as they are.
//!
//! Everything in a report except its fixed words comes from learners' files, so every such
//! string is made safe for where it goes: control and bidirectional-override characters
//! replaced for the terminal, spreadsheet formulas defused for CSV, entities escaped for HTML.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::active::IDLE_CAP_MS;
use super::catalog::Catalog;
use super::export::{csv_string, csv_text};
use super::model::Dashboard;
use super::report::{Cell, ClassReport};
use super::store::Saving;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::progress::Progress as P;

/// A duration in milliseconds as a person reads it: `1h 02m`, `4m 05s`, `12s`; in Japanese
/// `1 時間 02 分`, `4 分 05 秒`, `12 秒`.
pub fn duration(ms: u64, lang: Lang) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        let mm = format!("{:02}", (s % 3600) / 60);
        P::Hours.fill(lang, &[("h", &(s / 3600)), ("mm", &mm)])
    } else if s >= 60 {
        let ss = format!("{:02}", s % 60);
        P::Minutes.fill(lang, &[("m", &(s / 60)), ("ss", &ss)])
    } else {
        P::Seconds.fill(lang, &[("s", &s)])
    }
}

/// The months, in order, as the catalog names them.
const MONTHS: [P; 12] = [
    P::MonthJan,
    P::MonthFeb,
    P::MonthMar,
    P::MonthApr,
    P::MonthMay,
    P::MonthJun,
    P::MonthJul,
    P::MonthAug,
    P::MonthSep,
    P::MonthOct,
    P::MonthNov,
    P::MonthDec,
];

/// A moment as a person reads it, in the system's time zone (`TZ`, else the system's
/// setting): `2 Dec 2026 14:05`, in Japanese `2026年12月2日 14:05`. The one way a date is
/// shown to a person (`progress show`, the class report, the interface's dashboard); files
/// for machines keep RFC 3339.
pub fn date_time(t: Timestamp, lang: Lang) -> String {
    date_time_in(t, &TimeZone::system(), lang)
}

/// [`date_time`] in the time zone `tz`.
pub fn date_time_in(t: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let z = t.to_zoned_datetime(tz.clone());
    let month = usize::try_from(z.month())
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or(P::MonthJan);
    let time = z.strftime("%H:%M").to_string();
    P::DateTime.fill(
        lang,
        &[
            ("day", &z.day()),
            ("month", &month.text(lang)),
            ("year", &z.year()),
            ("time", &time),
        ],
    )
}

/// How times are counted, for the foot of every output that shows them.
pub fn time_note(lang: Lang) -> String {
    let idle = P::IdleNote.fill(lang, &[("min", &(IDLE_CAP_MS / 60_000))]);
    P::TimeNote.fill(lang, &[("idle", &idle)])
}

/// `n` with the entry for one (`one`) or for any other number (`many`).
pub fn count(lang: Lang, n: u64, one: P, many: P) -> String {
    let entry = if n == 1 { one } else { many };
    entry.fill(lang, &[("n", &n)])
}

/// How a column of a text table lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A text table: each column as wide as its widest cell, measured in display cells so that
/// Japanese headings line up; one space between columns and two before the last, which is
/// not padded (titles and names of any width go there, so they cannot break the alignment).
fn table(indent: &str, head: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let columns = head.len();
    let widths: Vec<usize> = (0..columns)
        .map(|j| {
            let cells = rows
                .iter()
                .filter_map(|r| r.get(j))
                .map(|c| crate::text::width(c));
            head.get(j)
                .map_or(0, |(h, _)| crate::text::width(h))
                .max(cells.max().unwrap_or(0))
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let mut o = String::from(indent);
        for (j, c) in cells.iter().enumerate() {
            let last = j + 1 == columns;
            if j > 0 {
                o.push_str(if last { "  " } else { " " });
            }
            let w = widths.get(j).copied().unwrap_or(0);
            match head.get(j).map(|(_, a)| *a) {
                _ if last => o.push_str(c),
                Some(Align::Right) => o.push_str(&crate::text::pad_left(c, w)),
                _ => o.push_str(&crate::text::pad(c, w)),
            }
        }
        o.truncate(o.trim_end().len());
        o.push('\n');
        o
    };
    let mut o = line(head.iter().map(|(h, _)| *h).collect());
    for r in rows {
        o.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    o
}

/// `s` on one line of a report, with characters that could move the cursor, recolour or
/// reorder a terminal line shown escaped (the one sanitizer, `printable::inline`).
fn printable(s: &str) -> String {
    crate::printable::inline(s).into_owned()
}

/// At most `max` characters of `s`, with `…` when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `solved/exercises` when the lesson is loaded, else `solved/?`.
fn solved_of(solved: u64, exercises: Option<u64>) -> String {
    match exercises {
        Some(n) => format!("{solved}/{n}"),
        None => format!("{solved}/?"),
    }
}

// ---- progress show ----

/// One learner's progress for a terminal (`progress show`): where it is kept, the last
/// position, and per pack its totals and a table of its lessons.
pub fn dashboard(d: &Dashboard, catalog: &Catalog, saving: &Saving, lang: Lang) -> String {
    let mut o = String::new();
    let place = match saving {
        Saving::ToFile(p) => P::ShowSavedIn.fill(lang, &[("path", &p.display())]),
        Saving::No { .. } => P::ShowNotSaved.text(lang).to_string(),
    };
    let _ = writeln!(
        o,
        "{}",
        P::ShowLearner.fill(lang, &[("name", &d.learner), ("place", &place)])
    );
    if let Some(p) = &d.last_position {
        let _ = writeln!(
            o,
            "{}",
            P::ShowLastPosition.fill(
                lang,
                &[
                    ("pack", &printable(&catalog.pack_name(&p.pack))),
                    (
                        "lesson",
                        &printable(&catalog.lesson_title(&p.pack, &p.lesson))
                    ),
                    ("step", &p.step),
                    ("when", &date_time(p.at, lang)),
                ],
            )
        );
    }
    if d.lessons.is_empty() {
        let _ = writeln!(o, "{}", P::ShowNoAnswers.text(lang));
        return o;
    }
    let mut unknown = false;
    let head = [
        (P::ColFinished.text(lang), Align::Left),
        (P::ColAnswers.text(lang), Align::Right),
        (P::ColCorrect.text(lang), Align::Right),
        (P::ColSolved.text(lang), Align::Right),
        (P::ColHints.text(lang), Align::Right),
        (P::ColTime.text(lang), Align::Right),
        (P::ColLesson.text(lang), Align::Left),
    ];
    for pack in d.packs() {
        let started = count(
            lang,
            pack.lessons_started,
            P::LessonsStartedOne,
            P::LessonsStartedMany,
        );
        let answers = count(lang, pack.attempts, P::AnswersOne, P::AnswersMany);
        let _ = writeln!(
            o,
            "\n{}",
            P::ShowPack.fill(
                lang,
                &[
                    ("pack", &printable(&catalog.pack_name(&pack.pack))),
                    ("started", &started),
                    ("finished", &pack.lessons_completed),
                    ("answers", &answers),
                    ("correct", &pack.correct),
                    ("time", &duration(pack.time_spent_ms, lang)),
                ],
            )
        );
        let rows: Vec<Vec<String>> = d
            .lessons
            .iter()
            .filter(|l| l.pack == pack.pack)
            .map(|l| {
                let exercises = catalog.exercises(&l.pack, &l.lesson);
                unknown |= exercises.is_none();
                vec![
                    if l.completed.is_some() {
                        P::ShowYes.text(lang).to_string()
                    } else {
                        "-".to_string()
                    },
                    l.attempts.to_string(),
                    l.correct.to_string(),
                    solved_of(l.steps_solved, exercises),
                    l.hints_used.to_string(),
                    duration(l.time_spent_ms, lang),
                    printable(&catalog.lesson_title(&l.pack, &l.lesson)),
                ]
            })
            .collect();
        o.push_str(&table("  ", &head, &rows));
    }
    let _ = writeln!(o, "\n{}", time_note(lang));
    if unknown {
        let _ = writeln!(o, "{}", P::ShowUnknownNote.text(lang));
    }
    o
}

// ---- the class report ----

/// A learner's cell: done, exercises solved of the lesson's (`?` when the lesson is not
/// in the loaded packs), or `-`.
fn cell_text(c: &Cell, exercises: Option<u64>, lang: Lang) -> String {
    if c.completed {
        P::Done.text(lang).to_string()
    } else if c.attempts > 0 {
        solved_of(c.solved, exercises)
    } else {
        "-".to_string()
    }
}

/// The exercise count of the report's lesson `j`, if known.
fn exercises(r: &ClassReport, j: usize) -> Option<u64> {
    r.lesson_stats.get(j).and_then(|s| s.exercises)
}

/// The exercise count as shown: the number, or `?` when the lesson is not loaded.
fn exercises_text(n: Option<u64>) -> String {
    n.map_or_else(|| "?".to_string(), |n| n.to_string())
}

/// The title of the lesson `key` (`pack/lesson` when not loaded).
fn title_of(r: &ClassReport, key: &super::report::LessonKey) -> String {
    r.lesson_stats
        .iter()
        .find(|s| &s.lesson == key)
        .map(|s| s.title.clone())
        .unwrap_or_else(|| key.to_string())
}

/// The title of the report's lesson `j` (its id when not loaded).
fn title(r: &ClassReport, j: usize) -> String {
    r.lesson_stats
        .get(j)
        .map(|s| s.title.clone())
        .or_else(|| r.lessons.get(j).map(ToString::to_string))
        .unwrap_or_default()
}

/// `5 learners, 4 lessons`, as the report's headings say it.
fn learners_and_lessons(r: &ClassReport, lang: Lang) -> (String, String) {
    (
        count(
            lang,
            r.learners.len() as u64,
            P::LearnersOne,
            P::LearnersMany,
        ),
        count(lang, r.lessons.len() as u64, P::LessonsOne, P::LessonsMany),
    )
}

/// When a learner last answered, or `-`.
fn last_answer(t: Option<Timestamp>, lang: Lang) -> String {
    t.map_or_else(|| "-".to_string(), |t| date_time(t, lang))
}

/// The report for a terminal. Columns of variable width (names, answers) come last on
/// each line, so that names in any script cannot break the alignment.
pub fn text(r: &ClassReport, lang: Lang) -> String {
    let mut o = String::new();
    let (learners, lessons) = learners_and_lessons(r, lang);
    let _ = writeln!(
        o,
        "{}",
        P::ReportTitle.fill(lang, &[("learners", &learners), ("lessons", &lessons)])
    );
    if r.learners.is_empty() {
        return o;
    }

    let _ = writeln!(o, "\n{}", P::ReportLessons.text(lang));
    let rows: Vec<Vec<String>> = r
        .lesson_stats
        .iter()
        .enumerate()
        .map(|(j, s)| {
            vec![
                format!("L{}", j + 1),
                format!("{}/{}", s.completed, r.learners.len()),
                format!("{}%", s.completion_percent),
                s.started.to_string(),
                exercises_text(s.exercises),
                s.median_time_ms
                    .map_or_else(|| "-".to_string(), |ms| duration(ms, lang)),
                printable(&s.title),
            ]
        })
        .collect();
    let head = [
        ("", Align::Left),
        (P::ColFinished.text(lang), Align::Right),
        (P::ColRate.text(lang), Align::Right),
        (P::ColStarted.text(lang), Align::Right),
        (P::ColExercises.text(lang), Align::Right),
        (P::ColMedian.text(lang), Align::Right),
        (P::ColLesson.text(lang), Align::Left),
    ];
    o.push_str(&table("  ", &head, &rows));
    let _ = writeln!(o, "  {}", time_note(lang));
    let _ = writeln!(o, "  {}", P::ReportUnknownNote.text(lang));

    let _ = writeln!(
        o,
        "\n{}",
        P::ReportGrid.fill(lang, &[("done", &P::Done.text(lang))])
    );
    let names: Vec<String> = (0..r.lessons.len())
        .map(|j| format!("L{}", j + 1))
        .collect();
    let mut head: Vec<(&str, Align)> = names.iter().map(|n| (n.as_str(), Align::Left)).collect();
    head.push((P::ColLastAnswer.text(lang), Align::Left));
    head.push((P::ColLearner.text(lang), Align::Left));
    let rows: Vec<Vec<String>> = r
        .learners
        .iter()
        .zip(&r.cells)
        .map(|(learner, row)| {
            let mut cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(j, c)| cell_text(c, exercises(r, j), lang))
                .collect();
            cells.push(last_answer(learner.last_answer, lang));
            cells.push(printable(&learner.label));
            cells
        })
        .collect();
    o.push_str(&table("  ", &head, &rows));

    if !r.most_failed.is_empty() {
        let _ = writeln!(o, "\n{}", P::ReportFailed.text(lang));
        let rows: Vec<Vec<String>> = r
            .most_failed
            .iter()
            .map(|f| {
                vec![
                    f.failed_attempts.to_string(),
                    P::OfLearners.fill(
                        lang,
                        &[("n", &f.learners_failed), ("total", &f.learners_tried)],
                    ),
                    f.learners_never_solved.to_string(),
                    format!(
                        "{} / {}",
                        printable(&title_of(r, &f.lesson)),
                        printable(f.step.as_str())
                    ),
                ]
            })
            .collect();
        let head = [
            (P::ColWrong.text(lang), Align::Right),
            (P::ColLearnersWrong.text(lang), Align::Right),
            (P::ColNeverSolved.text(lang), Align::Right),
            (P::ColLessonStep.text(lang), Align::Left),
        ];
        o.push_str(&table("  ", &head, &rows));
    }
    if !r.common_wrong_answers.is_empty() {
        let _ = writeln!(o, "\n{}", P::ReportWrongAnswers.text(lang));
        let rows: Vec<Vec<String>> = r
            .common_wrong_answers
            .iter()
            .map(|w| {
                vec![
                    w.times.to_string(),
                    w.learners.to_string(),
                    format!(
                        "{} / {}: `{}`",
                        printable(&title_of(r, &w.lesson)),
                        printable(w.step.as_str()),
                        printable(&shorten(&w.answer, 72)),
                    ),
                ]
            })
            .collect();
        let head = [
            (P::ColTimes.text(lang), Align::Right),
            (P::ColLearners.text(lang), Align::Right),
            (P::ColLessonStepAnswer.text(lang), Align::Left),
        ];
        o.push_str(&table("  ", &head, &rows));
    }
    o
}

/// One row per learner and lesson (long form, ready for a pivot table). A file for
/// machines: its field names and values are the same in every language.
pub fn csv(r: &ClassReport) -> String {
    let rows = r.learners.iter().zip(&r.cells).flat_map(|(learner, row)| {
        r.lessons
            .iter()
            .zip(row)
            .enumerate()
            .map(move |(j, (l, c))| {
                vec![
                    csv_text(&learner.label),
                    csv_text(learner.id.as_str()),
                    csv_text(l.pack.as_str()),
                    csv_text(l.lesson.as_str()),
                    c.started().to_string(),
                    c.completed.to_string(),
                    c.attempts.to_string(),
                    c.correct.to_string(),
                    c.hints_used.to_string(),
                    c.time_spent_ms.to_string(),
                    csv_text(&title(r, j)),
                    c.solved.to_string(),
                    exercises(r, j).map(|n| n.to_string()).unwrap_or_default(),
                ]
            })
    });
    // `time_spent_ms` is active time (see `progress::active`); `exercises` is empty for a
    // lesson not in the loaded packs.
    csv_string(
        "learner,learner_id,pack,lesson,started,completed,attempts,correct,hints_used,time_spent_ms,lesson_title,exercises_solved,exercises",
        rows,
    )
}

/// `s` escaped for HTML text and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => o.push('\u{fffd}'),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = "
:root { --done: #1a7f37; --part: #bf8700; --none: #d0d7de; --ink: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif;
       color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid var(--none); padding-bottom: 0.2rem; }
.summary { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { padding: 0.25rem 0.5rem; border: 1px solid var(--none); text-align: left; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid td { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5rem; }
.grid th.lesson { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; }
.grid td.done { background: var(--done); color: #fff; }
.grid td.part { background: #fff8c5; color: var(--ink); }
.grid td.none { color: var(--muted); }
.grid th.who { white-space: nowrap; }
.grid td.when { white-space: nowrap; color: var(--muted); font-size: 0.9em; }
.scroll { overflow-x: auto; }
code { font: 0.92em ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; background: #f6f8fa;
       padding: 0.1rem 0.3rem; border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
svg text { font: 13px system-ui, sans-serif; fill: var(--ink); }
svg .bar { fill: #0969da; }
svg .track { fill: #eaeef2; }
.legend span { display: inline-block; padding: 0 0.4rem; margin-right: 0.6rem; border-radius: 3px; }
.legend .done { background: var(--done); color: #fff; }
.legend .part { background: #fff8c5; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
";

/// A horizontal bar chart as inline SVG: one bar per `(label, value, shown)` on a scale to
/// `max`.
fn bar_chart(title: &str, rows: &[(String, u64, String)], max: u64) -> String {
    const LABEL_W: u64 = 260;
    const BAR_W: u64 = 420;
    const ROW_H: u64 = 26;
    let height = ROW_H * rows.len() as u64 + 8;
    let width = LABEL_W + BAR_W + 140;
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg role="img" aria-label="{}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#,
        escape_html(title)
    );
    let _ = writeln!(o, "<title>{}</title>", escape_html(title));
    for (i, (label, value, shown)) in rows.iter().enumerate() {
        let y = 4 + ROW_H * i as u64;
        let w = value.saturating_mul(BAR_W).checked_div(max).unwrap_or(0);
        let _ = writeln!(
            o,
            r#"<g><title>{full}: {shown}</title><text x="{lx}" y="{ty}" text-anchor="end">{label}</text><rect class="track" x="{LABEL_W}" y="{y}" width="{BAR_W}" height="18" rx="3"/><rect class="bar" x="{LABEL_W}" y="{y}" width="{w}" height="18" rx="3"/><text x="{vx}" y="{ty}">{shown}</text></g>"#,
            full = escape_html(label),
            label = escape_html(&shorten(label, 36)),
            shown = escape_html(shown),
            lx = LABEL_W - 8,
            ty = y + 14,
            vx = LABEL_W + BAR_W + 8,
        );
    }
    o.push_str("</svg>\n");
    o
}

/// `<th>` cells of a table head, each with `class="num"` when `numeric`.
fn heads(o: &mut String, cols: &[(P, bool)], lang: Lang) {
    o.push_str("<thead><tr>");
    for (c, numeric) in cols {
        let class = if *numeric { " class=\"num\"" } else { "" };
        let _ = write!(o, "<th{class}>{}</th>", escape_html(c.text(lang)));
    }
    o.push_str("</tr></thead>\n");
}

/// The report as one self-contained HTML page, in `lang` (its `lang` attribute too, so that
/// a browser picks Japanese fonts and line breaking).
pub fn html(r: &ClassReport, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>",
        lang.code()
    );
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = write!(
        o,
        "<title>{}</title>\n<style>",
        escape_html(P::HtmlTitle.text(lang))
    );
    o.push_str(CSS);
    let _ = writeln!(
        o,
        "</style>\n</head>\n<body>\n<h1>{}</h1>",
        escape_html(P::HtmlHeading.text(lang))
    );
    let (learners, lessons) = learners_and_lessons(r, lang);
    let _ = writeln!(
        o,
        "<p class=\"summary\">{}</p>",
        escape_html(&P::HtmlSummary.fill(
            lang,
            &[
                ("learners", &learners),
                ("lessons", &lessons),
                ("version", &env!("CARGO_PKG_VERSION")),
            ],
        ))
    );
    if r.learners.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>\n</body>\n</html>",
            escape_html(P::HtmlNoLearners.text(lang))
        );
        return o;
    }

    let _ = writeln!(o, "<h2>{}</h2>", escape_html(P::HtmlCompletion.text(lang)));
    let rows: Vec<(String, u64, String)> = r
        .lesson_stats
        .iter()
        .map(|s| {
            (
                s.title.clone(),
                s.completion_percent,
                format!(
                    "{}% ({}/{})",
                    s.completion_percent,
                    s.completed,
                    r.learners.len()
                ),
            )
        })
        .collect();
    o.push_str(&bar_chart(P::HtmlCompletionChart.text(lang), &rows, 100));

    let _ = writeln!(o, "<h2>{}</h2>", escape_html(P::HtmlMedian.text(lang)));
    let rows: Vec<(String, u64, String)> = r
        .lesson_stats
        .iter()
        .map(|s| {
            (
                s.title.clone(),
                s.median_time_ms.unwrap_or(0),
                s.median_time_ms.map_or_else(
                    || P::HtmlNoOneFinished.text(lang).to_string(),
                    |ms| duration(ms, lang),
                ),
            )
        })
        .collect();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
    o.push_str(&bar_chart(P::HtmlMedianChart.text(lang), &rows, max));
    let _ = writeln!(
        o,
        "<p class=\"summary\">{}</p>",
        escape_html(&time_note(lang))
    );

    let _ = writeln!(o, "<h2>{}</h2>", escape_html(P::HtmlGrid.text(lang)));
    let _ = writeln!(
        o,
        "<p class=\"legend\"><span class=\"done\">{}</span><span class=\"part\">{}</span><span>{}</span></p>",
        escape_html(P::HtmlLegendDone.text(lang)),
        escape_html(P::HtmlLegendPart.text(lang)),
        escape_html(P::HtmlLegendNone.text(lang)),
    );
    let _ = write!(
        o,
        "<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>{}</th><th>{}</th>",
        escape_html(P::ColLearner.text(lang)),
        escape_html(P::ColLastAnswer.text(lang)),
    );
    for (j, l) in r.lessons.iter().enumerate() {
        let _ = write!(
            o,
            "<th class=\"lesson\" title=\"{}\">{}</th>",
            escape_html(&l.to_string()),
            escape_html(&title(r, j))
        );
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for (learner, row) in r.learners.iter().zip(&r.cells) {
        let _ = write!(
            o,
            "<tr><th class=\"who\" title=\"{}\">{}</th><td class=\"when\">{}</td>",
            escape_html(&learner.sources.join(", ")),
            escape_html(&learner.label),
            escape_html(&last_answer(learner.last_answer, lang)),
        );
        for (j, c) in row.iter().enumerate() {
            let (class, shown) = if c.completed {
                ("done", "✓".to_string())
            } else if c.attempts > 0 {
                ("part", solved_of(c.solved, exercises(r, j)))
            } else {
                ("none", "–".to_string())
            };
            let tip = P::HtmlTip.fill(
                lang,
                &[
                    ("learner", &learner.label),
                    ("lesson", &title(r, j)),
                    ("solved", &c.solved),
                    ("exercises", &exercises_text(exercises(r, j))),
                    ("correct", &c.correct),
                    ("attempts", &c.attempts),
                    (
                        "hints",
                        &count(lang, c.hints_used, P::HintsOne, P::HintsMany),
                    ),
                    ("time", &duration(c.time_spent_ms, lang)),
                ],
            );
            let _ = write!(
                o,
                "<td class=\"{class}\" title=\"{}\">{shown}</td>",
                escape_html(&tip)
            );
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div>\n");

    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<table>",
        escape_html(P::ReportLessons.text(lang))
    );
    heads(
        &mut o,
        &[
            (P::ColLesson, false),
            (P::ColExercises, true),
            (P::ColFinished, true),
            (P::ColStarted, true),
            (P::ColMedian, true),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    for s in &r.lesson_stats {
        let _ = writeln!(
            o,
            "<tr><td title=\"{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{} ({}%)</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape_html(&s.lesson.to_string()),
            escape_html(&s.title),
            exercises_text(s.exercises),
            s.completed,
            r.learners.len(),
            s.completion_percent,
            s.started,
            s.median_time_ms
                .map_or_else(|| "–".to_string(), |ms| escape_html(&duration(ms, lang))),
        );
    }
    o.push_str("</tbody>\n</table>\n");

    let _ = writeln!(o, "<h2>{}</h2>", escape_html(P::ReportFailed.text(lang)));
    if r.most_failed.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape_html(P::HtmlNoWrong.text(lang)));
    } else {
        o.push_str("<table>\n");
        heads(
            &mut o,
            &[
                (P::ColLesson, false),
                (P::ColStep, false),
                (P::ColWrongAnswers, true),
                (P::ColLearnersWrong, true),
                (P::ColNeverSolved, true),
            ],
            lang,
        );
        o.push_str("<tbody>\n");
        for f in &r.most_failed {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape_html(&title_of(r, &f.lesson)),
                escape_html(f.step.as_str()),
                f.failed_attempts,
                escape_html(&P::OfLearners.fill(
                    lang,
                    &[("n", &f.learners_failed), ("total", &f.learners_tried)],
                )),
                f.learners_never_solved,
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }

    let _ = writeln!(
        o,
        "<h2>{}</h2>",
        escape_html(P::ReportWrongAnswers.text(lang))
    );
    if r.common_wrong_answers.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape_html(P::HtmlNoWrong.text(lang)));
    } else {
        o.push_str("<table>\n");
        heads(
            &mut o,
            &[
                (P::ColLesson, false),
                (P::ColStep, false),
                (P::ColAnswer, false),
                (P::ColTimes, true),
                (P::ColLearners, true),
            ],
            lang,
        );
        o.push_str("<tbody>\n");
        for w in &r.common_wrong_answers {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td><code title=\"{}\">{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape_html(&title_of(r, &w.lesson)),
                escape_html(w.step.as_str()),
                escape_html(&w.answer),
                escape_html(&shorten(&w.answer, 200)),
                w.times,
                w.learners,
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html(r#"<b a="x">&'"#),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(printable("a\u{1b}[31mb\u{202e}"), "a\\u001b[31mb\\u202e");
    }

    #[test]
    fn durations_in_both_languages() {
        assert_eq!(duration(65_000, Lang::En), "1m 05s");
        assert_eq!(duration(3_720_000, Lang::En), "1h 02m");
        assert_eq!(duration(999, Lang::En), "0s");
        assert_eq!(duration(65_000, Lang::Ja), "1 分 05 秒");
        assert_eq!(duration(3_720_000, Lang::Ja), "1 時間 02 分");
        assert_eq!(duration(12_000, Lang::Ja), "12 秒");
    }

    #[test]
    fn dates_in_both_languages_and_in_the_zone_asked_for() {
        // 2026-12-02T14:05:09Z, a Wednesday.
        let t: Timestamp = "2026-12-02T14:05:09Z".parse().unwrap();
        let utc = TimeZone::UTC;
        assert_eq!(date_time_in(t, &utc, Lang::En), "2 Dec 2026 14:05");
        assert_eq!(date_time_in(t, &utc, Lang::Ja), "2026年12月2日 14:05");
        // Nine hours ahead (Japan's offset) it is already the next morning.
        let tokyo = TimeZone::fixed(jiff::tz::offset(9));
        let late: Timestamp = "2026-12-31T20:30:00Z".parse().unwrap();
        assert_eq!(date_time_in(late, &tokyo, Lang::En), "1 Jan 2027 05:30");
        assert_eq!(date_time_in(late, &tokyo, Lang::Ja), "2027年1月1日 05:30");
        assert_eq!(date_time_in(late, &utc, Lang::En), "31 Dec 2026 20:30");
        // Every month has its name.
        for (m, name) in MONTHS.iter().enumerate() {
            let t: Timestamp = format!("2026-{:02}-15T00:00:00Z", m + 1).parse().unwrap();
            assert_eq!(
                date_time_in(t, &utc, Lang::En),
                format!("15 {} 2026 00:00", name.en())
            );
            assert_eq!(
                date_time_in(t, &utc, Lang::Ja),
                format!("2026年{}月15日 00:00", m + 1)
            );
        }
    }

    #[test]
    fn tables_line_up_in_display_cells() {
        let t = table(
            "  ",
            &[
                ("完了", Align::Left),
                ("n", Align::Right),
                ("名前", Align::Left),
            ],
            &[
                vec!["済み".into(), "12".into(), "アリス".into()],
                vec!["-".into(), "3".into(), "bob".into()],
            ],
        );
        assert_eq!(t, "  完了  n  名前\n  済み 12  アリス\n  -     3  bob\n");
    }
}
