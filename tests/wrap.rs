//! Every step of every built-in lesson, drawn in English and Japanese at 80×24 and 120×40:
//! no text crosses or breaks a box border, no text is cut off at a pane's edge (what a pane
//! shows is the start of the text it is given), and no wrapped line starts with a character
//! Japanese forbids at the start of a line (`、。」ー…`) or ends with an opening bracket.

use iamdojo::lesson::{LessonEntry, load};
use iamdojo::text::{NO_END, NO_START};
use iamdojo::tui::app::{App, Exercise, tr};
use iamdojo::tui::i18n::Lang;
use iamdojo::tui::markdown;
use iamdojo::tui::theme::Theme;
use iamdojo::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The frame as rows of cells (a wide character's second cell is empty).
pub(super) fn cells(buf: &Buffer) -> Vec<Vec<String>> {
    let a = buf.area;
    (a.y..a.y + a.height)
        .map(|y| {
            let mut row: Vec<String> = Vec::new();
            let mut covered = false;
            for x in a.x..a.x + a.width {
                let s = buf[(x, y)].symbol().to_string();
                if std::mem::take(&mut covered) {
                    row.push(String::new());
                    continue;
                }
                covered = iamdojo::text::width(&s) == 2;
                row.push(s);
            }
            row
        })
        .collect()
}

/// A bordered box: its outer corners (left, top, right, bottom).
#[derive(Debug, Clone, Copy)]
pub(super) struct Boxed {
    pub(super) left: usize,
    pub(super) top: usize,
    pub(super) right: usize,
    pub(super) bottom: usize,
}

fn at(g: &[Vec<String>], x: usize, y: usize) -> &str {
    g.get(y).and_then(|r| r.get(x)).map_or("", String::as_str)
}

/// Every box of the frame, found from its top-left corner; a box whose sides are broken is an
/// error.
pub(super) fn boxes(g: &[Vec<String>], what: &str, bad: &mut Vec<String>) -> Vec<Boxed> {
    let mut out = Vec::new();
    for (top, row) in g.iter().enumerate() {
        for (left, c) in row.iter().enumerate() {
            if c != "┌" {
                continue;
            }
            let mut bottom = top + 1;
            while at(g, left, bottom) == "│" {
                bottom += 1;
            }
            // A box drawn in a lesson's diagram may be cut off by the bottom of its pane.
            if at(g, left, bottom) == "─" {
                continue;
            }
            if at(g, left, bottom) != "└" {
                bad.push(format!(
                    "{what}: the left border of the box at ({left}, {top}) is broken at row {bottom}: {:?}",
                    g.get(bottom).map(|r| r.concat())
                ));
                continue;
            }
            // The bottom border may carry a title ("▼ more below"): the border runs on to
            // the corner past it.
            let width = g.get(bottom).map_or(0, Vec::len);
            let mut right = left + 1;
            while right < width && !["┘", "└", "┌", "┐", "│"].contains(&at(g, right, bottom))
            {
                right += 1;
            }
            if at(g, right, bottom) != "┘" || at(g, right, top) != "┐" {
                bad.push(format!(
                    "{what}: the box at ({left}, {top}) has no right corners"
                ));
                continue;
            }
            for y in top + 1..bottom {
                if at(g, right, y) != "│" {
                    bad.push(format!(
                        "{what}: text crosses the right border at row {y}: {:?}",
                        g.get(y).map(|r| r.concat())
                    ));
                }
            }
            out.push(Boxed {
                left,
                top,
                right,
                bottom,
            });
        }
    }
    out
}

/// The text of a region, without spaces (the spaces a line breaks at are dropped, and a wide
/// character's second cell is blank).
pub(super) fn squeezed(
    g: &[Vec<String>],
    xs: std::ops::Range<usize>,
    ys: std::ops::Range<usize>,
) -> String {
    ys.flat_map(|y| xs.clone().map(move |x| (x, y)))
        .map(|(x, y)| at(g, x, y))
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The whole text of some lesson Markdown as a pane `width` cells wide is given it (tables
/// fitted to the width), without spaces.
fn md_text(md: &str, width: u16) -> String {
    markdown::render_width(md, &Theme::no_color(), usize::from(width))
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
        .map(|s| squeeze(&s))
        .collect()
}

/// What a pane shows must be the start of the text it was given (or all of it and more): a
/// line cut off at the pane's edge leaves a gap.
fn shows_start_of(shown: &str, text: &str, what: &str, bad: &mut Vec<String>) {
    // A prompt folded to its half of the screen ends in the `▼` line that says `v` shows the
    // rest: what stands before it must still be the start of the text.
    let shown = shown.split('▼').next().unwrap_or(shown);
    if !(shown.starts_with(text) || text.starts_with(shown)) {
        let n = shown
            .chars()
            .zip(text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let tail = |s: &str| {
            s.chars()
                .skip(n.saturating_sub(8))
                .take(24)
                .collect::<String>()
        };
        bad.push(format!(
            "{what}: text lost; the pane shows …{} where the text is …{}",
            tail(shown),
            tail(text)
        ));
    }
}

/// No wrapped line (a row's text between borders) starts with a character forbidden at the
/// start of a Japanese line or ends with an opening bracket. Only Japanese and full-width marks
/// are checked: a JSON line may well start with `]`.
fn kinsoku(g: &[Vec<String>], what: &str, bad: &mut Vec<String>) {
    for (y, row) in g.iter().enumerate() {
        let line = row.concat();
        for part in line.split(['│', '┌', '┐', '└', '┘']) {
            let part = part.trim();
            let first = part.chars().next();
            let last = part.chars().next_back();
            if first.is_some_and(|c| !c.is_ascii() && NO_START.contains(c))
                || last.is_some_and(|c| !c.is_ascii() && NO_END.contains(c))
            {
                bad.push(format!("{what}: row {y} breaks a line badly: {part:?}"));
            }
        }
    }
}

fn check_frame(app: &App, w: u16, h: u16, what: &str, bad: &mut Vec<String>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| view::draw(f, app)).expect("draws");
    let g = cells(t.backend().buffer());
    let found = boxes(&g, what, bad);
    kinsoku(&g, what, bad);
    let Some((pack, lesson, ls)) = app.current() else {
        bad.push(format!("{what}: no lesson on screen"));
        return;
    };
    let Some(step) = lesson.steps.get(ls.step) else {
        return;
    };
    let inside = |b: &Boxed| squeezed(&g, b.left + 1..b.right, b.top + 1..b.bottom);
    // The first box below the lesson's title row is the exercise's main pane or its console.
    let main = found.iter().find(|b| b.top >= 1).copied();
    // Above a console or an editor: the prompt, drawn without a box, across the screen.
    let above = |b: Option<Boxed>| b.map(|b| squeezed(&g, 0..usize::from(w), 1..b.top));
    match &ls.ex {
        Exercise::Read => {
            let md = step.read().map(|r| tr(r, app, pack)).unwrap_or("");
            if let Some(b) = main {
                shows_start_of(&inside(&b), &md_text(md, w - 2), what, bad);
            }
        }
        Exercise::Quiz { .. } => {
            if let (Some(q), Some(b)) = (step.quiz(), main) {
                shows_start_of(
                    &inside(&b),
                    &md_text(tr(&q.question, app, pack), w - 2),
                    what,
                    bad,
                );
            }
        }
        Exercise::Task { report, output, .. } => {
            // The author's advice shows once a command has been run (as the pane draws it).
            let tried = output.iter().any(|l| l.starts_with("$ "));
            if let Some(t) = step.task()
                && let Some(shown) = above(main)
            {
                shows_start_of(&shown, &md_text(tr(&t.prompt, app, pack), w), what, bad);
            }
            // The goal list is the right-hand box beside the console.
            if let Some(goal) = found.iter().filter(|b| b.top >= 1).max_by_key(|b| b.left) {
                // Unmet checks first, as the pane lists them.
                let text: String = report
                    .results
                    .iter()
                    .filter(|r| !r.ok)
                    .chain(report.results.iter().filter(|r| r.ok))
                    .map(|r| {
                        let shown = r
                            .fail_message
                            .clone()
                            .filter(|_| !r.ok && tried)
                            .unwrap_or_else(|| r.what.clone());
                        // The advice is Markdown: its code spans show without backticks.
                        let mark = if r.ok { "✓" } else { "·" };
                        format!("{mark}{}", md_text(&shown, u16::MAX))
                    })
                    .collect();
                shows_start_of(&inside(goal), &text, &format!("{what} (goal)"), bad);
            }
        }
        Exercise::Policy { .. } => {
            if let Some(p) = step.policy()
                && let Some(shown) = above(main)
            {
                shows_start_of(&shown, &md_text(tr(&p.prompt, app, pack), w), what, bad);
            }
        }
        Exercise::Investigate { .. } => {
            if let Some(i) = step.investigate()
                && let Some(shown) = above(main)
            {
                shows_start_of(&shown, &md_text(tr(&i.question, app, pack), w), what, bad);
            }
        }
        Exercise::Predict { .. } | Exercise::Broken(_) => {}
    }
}

/// Draws every step of every built-in lesson; returns every problem found.
fn problems() -> Vec<String> {
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    assert!(!packs.is_empty(), "the built-in course loads");
    let mut bad = Vec::new();
    let mut frames = 0;
    for lang in [Lang::En, Lang::Ja] {
        let mut app = App::new(
            packs.clone(),
            Vec::new(),
            lang,
            Theme::no_color(),
            None,
            None,
        );
        for (pi, pack) in packs.iter().enumerate() {
            for entry in &pack.lessons {
                let LessonEntry::Ok { lesson, .. } = entry else {
                    continue;
                };
                for si in 0..lesson.steps.len() {
                    app.open_lesson(pi, &lesson.id, si);
                    for (w, h) in [(80, 24), (120, 40)] {
                        let what =
                            format!("{} {} step {} at {w}×{h}", lang.code(), lesson.id, si + 1);
                        check_frame(&app, w, h, &what, &mut bad);
                        frames += 1;
                    }
                }
            }
        }
    }
    assert!(frames > 100, "only {frames} frames drawn");
    bad
}

#[test]
fn every_step_fits_its_panes_and_breaks_lines_well() {
    let bad = problems();
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The glossary panel, every term selected in turn, in both languages and sizes: no text
/// crosses a border or breaks a line badly, and each pane shows the start of its text (the
/// rest scrolls).
#[test]
fn the_glossary_panel_fits_every_term() {
    use iamdojo::msg::Message;
    use iamdojo::msg::glossary::Glossary;
    use iamdojo::tui::panel::Body;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    let mut bad = Vec::new();
    let mut frames = 0;
    for lang in [Lang::En, Lang::Ja] {
        let other = if lang == Lang::En { Lang::Ja } else { Lang::En };
        let name = |l: Lang| {
            if l == Lang::En {
                Glossary::English.text(lang)
            } else {
                Glossary::Japanese.text(lang)
            }
        };
        let mut app = App::new(
            packs.clone(),
            Vec::new(),
            lang,
            Theme::no_color(),
            None,
            None,
        );
        app.key(KeyEvent::new(KeyCode::Char('W'), KeyModifiers::NONE));
        let n = match app.panel.as_ref().map(|p| &p.body) {
            Some(Body::Glossary(g)) => g.terms.len(),
            _ => panic!("W opens the glossary"),
        };
        assert!(n >= 30, "{n} terms");
        for i in 0..n {
            let Some(Body::Glossary(g)) = app.panel.as_ref().map(|p| &p.body) else {
                panic!("the glossary stays open");
            };
            let t = g.at(i).expect("a term").clone();
            let (a, b) = (t.wording(lang), t.wording(other));
            for (w, h) in [(80u16, 24u16), (120, 40)] {
                let what = format!("{} glossary {} at {w}×{h}", lang.code(), t.id);
                let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
                term.draw(|f| view::draw(f, &app)).expect("draws");
                let g = cells(term.backend().buffer());
                let found = boxes(&g, &what, &mut bad);
                kinsoku(&g, &what, &mut bad);
                let inside = |b: &Boxed| squeezed(&g, b.left + 1..b.right, b.top + 1..b.bottom);
                // The list is the first box; the panes right of it hold the term.
                let panes: Vec<&Boxed> = found.iter().filter(|b| b.left > 0).collect();
                if w < 110 {
                    let want = squeeze(&format!(
                        "{}{}{}{}{}{}",
                        a.term,
                        a.definition,
                        t.doc(lang),
                        b.term,
                        b.definition,
                        t.doc(other)
                    ));
                    match panes.first() {
                        Some(p) => shows_start_of(&inside(p), &want, &what, &mut bad),
                        None => bad.push(format!("{what}: no detail pane")),
                    }
                } else {
                    let docs = found.iter().find(|b| b.top > 0 && b.left == 0);
                    let wants = [
                        squeeze(&format!("{}{}", a.term, a.definition)),
                        squeeze(&format!("{}{}", b.term, b.definition)),
                    ];
                    if panes.len() != 2 {
                        bad.push(format!("{what}: {} detail panes", panes.len()));
                    }
                    for (p, want) in panes.iter().zip(&wants) {
                        shows_start_of(&inside(p), want, &what, &mut bad);
                    }
                    let want = squeeze(&format!(
                        "{}:{}{}:{}",
                        name(lang),
                        t.doc(lang),
                        name(other),
                        t.doc(other)
                    ));
                    match docs {
                        Some(d) => shows_start_of(&inside(d), &want, &what, &mut bad),
                        None => bad.push(format!("{what}: no documentation pane")),
                    }
                }
                frames += 1;
            }
            app.key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        }
    }
    assert!(frames >= 120, "only {frames} frames drawn");
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}
