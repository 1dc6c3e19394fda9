//! The class report as text (for a terminal), CSV (one row per learner and lesson, for a
//! spreadsheet) and one self-contained HTML file (inline CSS and SVG charts, no script, no
//! network) that an instructor can open or project.
//!
//! Everything in a report except its fixed words comes from learners' files, so every such
//! string is made safe for where it goes: control and bidirectional-override characters
//! replaced for the terminal, spreadsheet formulas defused for CSV, entities escaped for HTML.

use std::fmt::Write as _;

use super::active::IDLE_NOTE;
use super::export::{csv_string, csv_text};
use super::report::{Cell, ClassReport};

/// A duration in milliseconds as `1h 02m`, `4m 05s` or `12s`.
pub fn duration(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}h {:02}m", s / 3600, (s % 3600) / 60)
    } else if s >= 60 {
        format!("{}m {:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// [`duration`] in Japanese when `ja`: `1 時間 02 分`, `4 分 05 秒`, `12 秒`.
pub fn duration_in(ms: u64, ja: bool) -> String {
    if !ja {
        return duration(ms);
    }
    let s = ms / 1000;
    if s >= 3600 {
        format!("{} 時間 {:02} 分", s / 3600, (s % 3600) / 60)
    } else if s >= 60 {
        format!("{} 分 {:02} 秒", s / 60, s % 60)
    } else {
        format!("{s} 秒")
    }
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

/// A learner's cell: `done`, exercises solved of the lesson's (`?` when the lesson is not
/// in the loaded packs), or `-`.
fn cell_text(c: &Cell, exercises: Option<u64>) -> String {
    if c.completed {
        "done".to_string()
    } else if c.attempts > 0 {
        solved_of(c.solved, exercises)
    } else {
        "-".to_string()
    }
}

fn solved_of(solved: u64, exercises: Option<u64>) -> String {
    match exercises {
        Some(n) => format!("{solved}/{n}"),
        None => format!("{solved}/?"),
    }
}

/// The exercise count of the report's lesson `j`, if known.
fn exercises(r: &ClassReport, j: usize) -> Option<u64> {
    r.lesson_stats.get(j).and_then(|s| s.exercises)
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

/// The report for a terminal. Columns of variable width (names, answers) come last on
/// each line, so that names in any script cannot break the alignment.
pub fn text(r: &ClassReport) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Class report: {} learner{}, {} lesson{}",
        r.learners.len(),
        if r.learners.len() == 1 { "" } else { "s" },
        r.lessons.len(),
        if r.lessons.len() == 1 { "" } else { "s" },
    );
    if r.learners.is_empty() {
        return o;
    }

    let _ = writeln!(o, "\nLessons");
    let _ = writeln!(
        o,
        "  {:<5} {:>9} {:>7} {:>8} {:>9} {:>11}  lesson",
        "", "finished", "rate", "started", "exercises", "median time"
    );
    for (j, s) in r.lesson_stats.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:<5} {:>9} {:>6}% {:>8} {:>9} {:>11}  {}",
            format!("L{}", j + 1),
            format!("{}/{}", s.completed, r.learners.len()),
            s.completion_percent,
            s.started,
            s.exercises
                .map(|n| n.to_string())
                .unwrap_or_else(|| "?".to_string()),
            s.median_time_ms
                .map(duration)
                .unwrap_or_else(|| "-".to_string()),
            printable(&s.title),
        );
    }
    let _ = writeln!(
        o,
        "  (time: active time, each moment counted once, {IDLE_NOTE}; ? = lesson not in the loaded packs)"
    );

    let _ = writeln!(
        o,
        "\nLearners × lessons (done = finished, s/e = exercises solved / the lesson's exercises, - = not started)"
    );
    let widths: Vec<usize> = (0..r.lessons.len())
        .map(|j| {
            let head = format!("L{}", j + 1).len();
            r.cells
                .iter()
                .filter_map(|row| row.get(j))
                .map(|c| cell_text(c, exercises(r, j)).len())
                .max()
                .unwrap_or(0)
                .max(head)
        })
        .collect();
    o.push(' ');
    for (j, w) in widths.iter().enumerate() {
        let _ = write!(o, " {:<w$}", format!("L{}", j + 1));
    }
    o.push_str("  learner\n");
    for (learner, row) in r.learners.iter().zip(&r.cells) {
        o.push(' ');
        for (j, (c, w)) in row.iter().zip(&widths).enumerate() {
            let _ = write!(o, " {:<w$}", cell_text(c, exercises(r, j)));
        }
        let _ = writeln!(o, "  {}", printable(&learner.label));
    }

    if !r.most_failed.is_empty() {
        let _ = writeln!(o, "\nExercises most often failed");
        let _ = writeln!(
            o,
            "  {:>6} {:>14} {:>12}  lesson / step",
            "wrong", "learners wrong", "never solved"
        );
        for f in &r.most_failed {
            let _ = writeln!(
                o,
                "  {:>6} {:>14} {:>12}  {} / {}",
                f.failed_attempts,
                format!("{} of {}", f.learners_failed, f.learners_tried),
                f.learners_never_solved,
                printable(&title_of(r, &f.lesson)),
                printable(f.step.as_str()),
            );
        }
    }
    if !r.common_wrong_answers.is_empty() {
        let _ = writeln!(o, "\nMost common wrong answers");
        let _ = writeln!(
            o,
            "  {:>6} {:>9}  lesson / step: answer",
            "times", "learners"
        );
        for w in &r.common_wrong_answers {
            let _ = writeln!(
                o,
                "  {:>6} {:>9}  {} / {}: `{}`",
                w.times,
                w.learners,
                printable(&title_of(r, &w.lesson)),
                printable(w.step.as_str()),
                printable(&shorten(&w.answer, 72)),
            );
        }
    }
    o
}

/// One row per learner and lesson (long form, ready for a pivot table).
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

/// The report as one self-contained HTML page.
pub fn html(r: &ClassReport) -> String {
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    o.push_str("<title>iamdojo class report</title>\n<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n<h1>Class report</h1>\n");
    let _ = writeln!(
        o,
        "<p class=\"summary\">{} learner{} · {} lesson{} · made by iamdojo {}</p>",
        r.learners.len(),
        if r.learners.len() == 1 { "" } else { "s" },
        r.lessons.len(),
        if r.lessons.len() == 1 { "" } else { "s" },
        env!("CARGO_PKG_VERSION"),
    );
    if r.learners.is_empty() {
        o.push_str("<p>No learner progress was found in the files given.</p>\n</body>\n</html>\n");
        return o;
    }

    o.push_str("<h2>Completion by lesson</h2>\n");
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
    o.push_str(&bar_chart(
        "Share of learners who finished each lesson",
        &rows,
        100,
    ));

    o.push_str("<h2>Median time to finish</h2>\n");
    let rows: Vec<(String, u64, String)> = r
        .lesson_stats
        .iter()
        .map(|s| {
            (
                s.title.clone(),
                s.median_time_ms.unwrap_or(0),
                s.median_time_ms
                    .map(duration)
                    .unwrap_or_else(|| "no one finished".to_string()),
            )
        })
        .collect();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
    o.push_str(&bar_chart(
        "Median time spent by the learners who finished each lesson",
        &rows,
        max,
    ));
    let _ = writeln!(
        o,
        "<p class=\"summary\">Active time: each moment counted once, {IDLE_NOTE}.</p>"
    );

    o.push_str("<h2>Learners × lessons</h2>\n");
    o.push_str("<p class=\"legend\"><span class=\"done\">✓ finished</span><span class=\"part\">exercises solved / the lesson's exercises</span><span>– not started</span></p>\n");
    o.push_str("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>learner</th>");
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
            "<tr><th class=\"who\" title=\"{}\">{}</th>",
            escape_html(&learner.sources.join(", ")),
            escape_html(&learner.label)
        );
        for (j, c) in row.iter().enumerate() {
            let (class, shown) = if c.completed {
                ("done", "✓".to_string())
            } else if c.attempts > 0 {
                ("part", solved_of(c.solved, exercises(r, j)))
            } else {
                ("none", "–".to_string())
            };
            let tip = format!(
                "{} in {}: {} exercises solved of {}, {} of {} answers correct, {} hints, {}",
                learner.label,
                title(r, j),
                c.solved,
                exercises(r, j)
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "?".to_string()),
                c.correct,
                c.attempts,
                c.hints_used,
                duration(c.time_spent_ms)
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

    o.push_str("<h2>Lessons</h2>\n<table>\n<thead><tr><th>lesson</th><th class=\"num\">exercises</th><th class=\"num\">finished</th><th class=\"num\">started</th><th class=\"num\">median time</th></tr></thead>\n<tbody>\n");
    for s in &r.lesson_stats {
        let _ = writeln!(
            o,
            "<tr><td title=\"{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{} ({}%)</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape_html(&s.lesson.to_string()),
            escape_html(&s.title),
            s.exercises
                .map(|n| n.to_string())
                .unwrap_or_else(|| "?".to_string()),
            s.completed,
            r.learners.len(),
            s.completion_percent,
            s.started,
            s.median_time_ms
                .map(duration)
                .unwrap_or_else(|| "–".to_string()),
        );
    }
    o.push_str("</tbody>\n</table>\n");

    o.push_str("<h2>Exercises most often failed</h2>\n");
    if r.most_failed.is_empty() {
        o.push_str("<p>No wrong answers.</p>\n");
    } else {
        o.push_str("<table>\n<thead><tr><th>lesson</th><th>step</th><th class=\"num\">wrong answers</th><th class=\"num\">learners wrong</th><th class=\"num\">never solved</th></tr></thead>\n<tbody>\n");
        for f in &r.most_failed {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} of {}</td><td class=\"num\">{}</td></tr>",
                escape_html(&title_of(r, &f.lesson)),
                escape_html(f.step.as_str()),
                f.failed_attempts,
                f.learners_failed,
                f.learners_tried,
                f.learners_never_solved,
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }

    o.push_str("<h2>Most common wrong answers</h2>\n");
    if r.common_wrong_answers.is_empty() {
        o.push_str("<p>No wrong answers.</p>\n");
    } else {
        o.push_str("<table>\n<thead><tr><th>lesson</th><th>step</th><th>answer</th><th class=\"num\">times</th><th class=\"num\">learners</th></tr></thead>\n<tbody>\n");
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
        assert_eq!(duration(65_000), "1m 05s");
        assert_eq!(duration(3_720_000), "1h 02m");
        assert_eq!(duration(999), "0s");
    }
}
