//! The glossary panel: the terms of every loaded pack (a lesson step's linked terms first),
//! the filter the learner types and which terms it leaves, gathered once when the panel
//! opens; and its drawing: the list of terms (the learner's language first, the other beside
//! it, or under it when the screen is narrow) with the filter line above it, and the selected
//! term's definitions and AWS documentation pages in both languages. Wide screens put the two
//! languages side by side and the pages across the bottom, so that an address is not broken
//! where it fits; at 80 columns the languages are stacked.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Body, Panel};
use crate::lesson::glossary::Term;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::block;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::glossary::Glossary;
use crate::text;
use crate::tui::app::{App, Target};
use crate::tui::view::{inner, record_rows, wrapped};

/// The longest filter, in characters (a term is at most 80).
const MAX_FILTER: usize = 80;

/// What the glossary panel lists.
#[derive(Debug, Clone, Default)]
pub struct GlossaryList {
    /// Every term once: the step's linked terms first, then the packs' in order.
    pub terms: Vec<Term>,
    /// How many of the first terms are the step's linked terms.
    pub pinned: usize,
    /// The filter (empty: every term).
    pub filter: String,
    /// The learner is typing the filter: keys are text.
    pub typing: bool,
    /// The terms the filter leaves, as indices into `terms`: names that match first.
    pub shown: Vec<usize>,
}

impl GlossaryList {
    /// A list of `terms`, the first `pinned` of them the step's.
    pub fn new(terms: Vec<Term>, pinned: usize) -> GlossaryList {
        let mut g = GlossaryList {
            pinned: pinned.min(terms.len()),
            terms,
            ..GlossaryList::default()
        };
        g.refilter();
        g
    }

    /// The same list with `filter` set (as if typed).
    pub fn filtered(mut self, filter: &str) -> GlossaryList {
        self.filter = filter.to_string();
        self.refilter();
        self
    }

    /// Recomputes `shown` from the filter: terms whose id or name matches, then those whose
    /// definition does, each in list order (see `Term::rank`).
    fn refilter(&mut self) {
        let mut ranked: Vec<(u8, usize)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.rank(&self.filter).map(|r| (r, i)))
            .collect();
        ranked.sort_unstable();
        self.shown = ranked.into_iter().map(|(_, i)| i).collect();
    }

    /// The term on row `row` of the list as filtered.
    pub fn at(&self, row: usize) -> Option<&Term> {
        self.shown.get(row).and_then(|i| self.terms.get(*i))
    }

    /// Whether the term at index `i` of `terms` is one of the step's.
    pub fn is_pinned(&self, i: usize) -> bool {
        i < self.pinned
    }
}

impl Panel {
    /// `/` in the glossary: keys now type the filter.
    pub fn start_filter(&mut self) {
        if let Body::Glossary(g) = &mut self.body {
            g.typing = true;
            self.detail = false;
        }
    }

    /// A key while the glossary's filter is being typed; false when the panel is not typing
    /// a filter or the filter does not take the key (it is then the keymap's). Characters are
    /// text; Enter keeps the filter and returns to the list, Esc clears it; the arrows still
    /// move the selection.
    pub fn filter_key(&mut self, key: &KeyEvent) -> bool {
        let Body::Glossary(g) = &mut self.body else {
            return false;
        };
        if !g.typing {
            return false;
        }
        let before = g.filter.clone();
        match key.code {
            KeyCode::Enter => g.typing = false,
            KeyCode::Esc => {
                g.typing = false;
                g.filter.clear();
            }
            KeyCode::Backspace => {
                g.filter.pop();
            }
            KeyCode::Char(c)
                if !key.modifiers.contains(KeyModifiers::CONTROL)
                    && g.filter.chars().count() < MAX_FILTER =>
            {
                g.filter.push(c);
            }
            KeyCode::Up => self.step(-1),
            KeyCode::Down => self.step(1),
            // Any other key (F1, Tab, PgUp…) is the keymap's, as when not typing.
            _ => return false,
        }
        if let Body::Glossary(g) = &mut self.body
            && g.filter != before
        {
            g.refilter();
            self.cursor = 0;
            self.scroll = 0;
        }
        true
    }
}

/// From this width on, the languages stand side by side.
const WIDE: u16 = 110;

/// The learner's language first, the other second.
fn order(app: &App) -> [Lang; 2] {
    match app.lang {
        Lang::En => [Lang::En, Lang::Ja],
        Lang::Ja => [Lang::Ja, Lang::En],
    }
}

/// A language's name in the learner's language.
fn name(app: &App, l: Lang) -> &'static str {
    match l {
        Lang::En => Glossary::English,
        Lang::Ja => Glossary::Japanese,
    }
    .text(app.lang)
}

/// Draws the glossary over `area`.
pub(super) fn draw(f: &mut Frame, app: &App, p: &Panel, g: &GlossaryList, area: Rect) {
    if g.terms.is_empty() {
        f.render_widget(
            Paragraph::new(wrapped(Glossary::Empty.text(app.lang), inner(area)))
                .style(app.theme.dim)
                .block(block(app, Glossary::Title.text(app.lang), true)),
            area,
        );
        return;
    }
    let wide = area.width >= WIDE;
    let term = g.at(p.cursor);
    if wide {
        let docs = term.map(|t| doc_lines(app, t, area)).unwrap_or_default();
        let docs_h = u16::try_from(docs.len() + 2).unwrap_or(u16::MAX).min(8);
        let [top, bottom] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(docs_h)]).areas(area);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(46), Constraint::Min(20)]).areas(top);
        list(f, app, p, g, left, true);
        let columns: [Rect; 2] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(right);
        for (l, col) in order(app).into_iter().zip(columns) {
            let text = term.map(|t| wording(app, t, l, None)).unwrap_or_default();
            let b = block(app, format!(" {} ", name(app, l)), p.detail);
            super::scrolled(f, app, p, text, b, col);
        }
        f.render_widget(
            Paragraph::new(docs).block(block(app, Glossary::Docs.text(app.lang), false)),
            bottom,
        );
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        list(f, app, p, g, left, false);
        let [a, b] = order(app);
        let text = term
            .map(|t| {
                let mut lines = wording(app, t, a, Some(t.doc(a))).lines;
                lines.push(Line::default());
                lines.extend(wording(app, t, b, Some(t.doc(b))).lines);
                Text::from(lines)
            })
            .unwrap_or_default();
        let title = format!(" {} · {} ", name(app, a), name(app, b));
        super::scrolled(f, app, p, text, block(app, title, p.detail), right);
    }
}

/// A term in one language: the term, its definition and, when given, its page.
fn wording(app: &App, t: &Term, l: Lang, doc: Option<&str>) -> Text<'static> {
    let w = t.wording(l);
    let mut lines = vec![
        Line::from(Span::styled(
            w.term.clone(),
            app.theme.title.add_modifier(Modifier::BOLD),
        )),
        Line::from(Span::styled(w.definition.clone(), app.theme.text)),
    ];
    if let Some(url) = doc {
        lines.push(Line::from(Span::styled(url.to_string(), app.theme.dim)));
    }
    Text::from(lines)
}

/// The pages of a term, one language a line (wrapped only when an address is wider than the
/// pane), for the documentation pane across `area`.
fn doc_lines(app: &App, t: &Term, area: Rect) -> Vec<Line<'static>> {
    let lines: Vec<Line> = order(app)
        .into_iter()
        .map(|l| {
            Line::from(vec![
                Span::styled(format!("{}: ", name(app, l)), app.theme.dim),
                Span::styled(t.doc(l).to_string(), app.theme.code),
            ])
        })
        .collect();
    wrapped(lines, inner(area)).lines
}

/// The list with its filter line: one row a term on a wide screen (the learner's language,
/// then the other), two rows on a narrow one.
fn list(f: &mut Frame, app: &App, p: &Panel, g: &GlossaryList, area: Rect, wide: bool) {
    let title = if g.shown.len() == g.terms.len() {
        Glossary::ListTitle.fill(app.lang, &[("n", &g.terms.len())])
    } else {
        Glossary::ListTitleFiltered.fill(
            app.lang,
            &[("shown", &g.shown.len()), ("all", &g.terms.len())],
        )
    };
    let frame = block(app, title, !p.detail);
    let room = frame.inner(area);
    f.render_widget(frame, area);
    let [head, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(room);
    let (line, style) = if g.typing {
        (
            Glossary::FilterTyping.fill(app.lang, &[("filter", &g.filter)]),
            app.theme.warn,
        )
    } else if !g.filter.is_empty() {
        (
            Glossary::FilterKept.fill(app.lang, &[("filter", &g.filter)]),
            app.theme.warn,
        )
    } else if g.pinned > 0 {
        (
            Glossary::PinnedLegend.text(app.lang).to_string(),
            app.theme.dim,
        )
    } else {
        (
            Glossary::FilterHint.text(app.lang).to_string(),
            app.theme.dim,
        )
    };
    f.render_widget(
        Paragraph::new(text::ellipsis(&line, usize::from(head.width))).style(style),
        head,
    );
    if g.shown.is_empty() {
        f.render_widget(
            Paragraph::new(wrapped(Glossary::NoMatch.text(app.lang), rows.width))
                .style(app.theme.dim),
            rows,
        );
        return;
    }
    let [a, b] = order(app);
    // The highlight mark takes two cells, the "in this step" mark (when some are) two more.
    let marks = if g.pinned > 0 { 4 } else { 2 };
    let width = usize::from(rows.width).saturating_sub(marks);
    let items: Vec<ListItem> = g
        .shown
        .iter()
        .filter_map(|i| g.terms.get(*i).map(|t| (*i, t)))
        .map(|(i, t)| {
            let mark = match (g.pinned > 0, g.is_pinned(i)) {
                (false, _) => "",
                (true, true) => "● ",
                (true, false) => "  ",
            };
            let first = &t.wording(a).term;
            let second = &t.wording(b).term;
            if wide {
                let col = width.saturating_sub(1) / 2;
                ListItem::new(Line::from(vec![
                    Span::styled(mark, app.theme.ok),
                    Span::styled(text::pad(&text::ellipsis(first, col), col), app.theme.text),
                    Span::raw(" "),
                    Span::styled(
                        text::ellipsis(second, width.saturating_sub(col + 1)),
                        app.theme.dim,
                    ),
                ]))
            } else {
                ListItem::new(vec![
                    Line::from(vec![
                        Span::styled(mark, app.theme.ok),
                        Span::styled(text::ellipsis(first, width), app.theme.text),
                    ]),
                    Line::from(Span::styled(
                        // Under the first, two cells in, as the other language of it.
                        format!(
                            "{}  {}",
                            " ".repeat(text::width(mark)),
                            text::ellipsis(second, width.saturating_sub(2))
                        ),
                        app.theme.dim,
                    )),
                ])
            }
        })
        .collect();
    let len = items.len();
    let mut state = ListState::default().with_selected(Some(p.cursor));
    f.render_stateful_widget(
        List::new(items)
            .highlight_style(app.theme.selected)
            .highlight_symbol("▶ "),
        rows,
        &mut state,
    );
    if wide {
        // `record_rows` takes the bordered area around the rows.
        let around = Rect {
            x: rows.x.saturating_sub(1),
            y: rows.y.saturating_sub(1),
            width: rows.width.saturating_add(2),
            height: rows.height.saturating_add(2),
        };
        record_rows(app, around, state.offset(), len, Target::PanelRow);
    }
}
