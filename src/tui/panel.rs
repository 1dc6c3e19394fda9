//! Full-screen panels opened over any screen. Each panel is one module holding its data,
//! gathered from the engines once when it opens (or when Enter asks for more), never while
//! drawing, and its drawing: `explain` (the decision explainer), `findings` (the audit
//! findings), `explorer` (the account explorer), `progress` (the dashboard), `settings`
//! (language, theme, learner) and `glossary`. This module holds what they share: the open
//! panel's selection and scroll, and the list-and-detail layout.

pub mod explain;
pub mod explorer;
pub mod findings;
pub mod glossary;
pub mod progress;
pub mod settings;

pub use explorer::{Entity, EntityKind, Tree, tree};
pub use progress::catalog;
pub use settings::SETTINGS_ROWS;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::msg::panel::PanelText;
use crate::msg::progress::Progress as ProgressMsg;
use crate::tui::app::App;
use crate::tui::view::{cut_below, inner, more_below, wrapped};

use crate::account::{Account, DecisionTrace};
use crate::audit::controls::Finding;
use crate::msg::Message;
use crate::progress::{Dashboard, LearnerName};

/// Which panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The decision explainer (AWS's evaluation flowchart with one request's path).
    Explain,
    /// The audit findings of the sandbox account.
    Findings,
    /// The account explorer.
    Account,
    /// The progress dashboard.
    Progress,
    /// Language, theme and learner.
    Settings,
    /// The glossary of the loaded packs.
    Glossary,
}

/// What a panel shows.
pub enum Body {
    /// The last decision to explain, if any.
    Explain(Option<Box<DecisionTrace>>),
    /// Findings, most severe first (`None`: no account here).
    Findings(Option<Vec<Finding>>),
    /// The account (`None`: no account here).
    Account(Option<Tree>),
    /// The learner's progress (`None`: progress is not saved).
    Progress(Option<Dashboard>),
    /// The learners in the store.
    Settings(Vec<LearnerName>),
    /// The glossary's terms and filter.
    Glossary(glossary::GlossaryList),
}

/// An open panel.
pub struct Panel {
    /// Which.
    pub kind: Kind,
    /// The selected row.
    pub cursor: usize,
    /// Scroll of the detail pane.
    pub scroll: u16,
    /// Keys go to the detail pane.
    pub detail: bool,
    /// The data.
    pub body: Body,
    /// A new learner's name being typed (settings).
    pub input: Option<String>,
    /// How far the detail pane can scroll, as its last drawing found (`None` before it was
    /// drawn): scrolling stops at the last line, so that the way back up is never long.
    detail_max: std::cell::Cell<Option<u16>>,
}

impl Panel {
    /// A panel over `body`.
    pub fn new(kind: Kind, body: Body) -> Panel {
        Panel {
            kind,
            cursor: 0,
            scroll: 0,
            detail: false,
            body,
            input: None,
            detail_max: std::cell::Cell::new(None),
        }
    }

    /// How many selectable rows the list has.
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Explain(t) => t.as_ref().map_or(0, |t| t.explanation.statements.len()),
            Body::Findings(f) => f.as_ref().map_or(0, Vec::len),
            Body::Account(t) => t.as_ref().map_or(0, |t| t.rows.len()),
            Body::Progress(d) => d.as_ref().map_or(0, |d| d.lessons.len()),
            Body::Settings(_) => SETTINGS_ROWS,
            Body::Glossary(g) => g.shown.len(),
        }
    }

    /// True when there is nothing to select.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the selection (or scrolls the detail pane) by `delta`.
    pub fn step(&mut self, delta: i32) {
        if self.detail {
            self.scroll_detail(delta);
            return;
        }
        let n = self.len();
        if n == 0 {
            return;
        }
        self.cursor = (self.cursor as i32 + delta).clamp(0, n as i32 - 1) as usize;
        self.scroll = 0;
    }

    /// True when the detail pane goes on below what it shows while the list has the keys,
    /// so that the footer offers the key that scrolls it.
    pub fn detail_goes_on(&self) -> bool {
        !self.detail && self.detail_max.get().is_some_and(|m| self.scroll < m)
    }

    /// Scrolls the detail pane by `delta` lines, whichever pane has the keys, stopping at
    /// its last line once it has been drawn.
    pub fn scroll_detail(&mut self, delta: i32) {
        let max = self.detail_max.get().unwrap_or(u16::MAX);
        self.scroll = (i32::from(self.scroll) + delta).clamp(0, i32::from(max)) as u16;
    }

    /// Enter in the explorer: a principal gets its permission summary, a document opens.
    pub fn open(&mut self, account: Option<&Account>) {
        let cursor = self.cursor;
        match &mut self.body {
            Body::Account(Some(tree)) => {
                // Nothing to show (a heading, a fact): the detail pane stays as it is.
                let shown = explorer::open(tree, cursor, account);
                self.detail |= shown;
                if shown {
                    self.scroll = 0;
                }
            }
            Body::Findings(Some(_))
            | Body::Explain(Some(_))
            | Body::Progress(Some(_))
            | Body::Glossary(_) => {
                self.detail = !self.detail;
                self.scroll = 0;
            }
            _ => {}
        }
    }
}

pub(super) fn block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            app.theme.title
        } else {
            app.theme.border
        })
        .title(title)
        .title_style(app.theme.title)
}

/// Draws the open panel over `area`.
pub fn draw(f: &mut Frame, app: &App, p: &Panel, area: Rect) {
    // Each drawing notes again how far its detail can scroll (none: as far as asked).
    p.detail_max.set(None);
    let title = match p.kind {
        Kind::Explain => PanelText::DecisionExplainer.text(app.lang),
        Kind::Findings => PanelText::AuditFindings.text(app.lang),
        Kind::Account => PanelText::AccountExplorer.text(app.lang),
        Kind::Progress => ProgressMsg::PanelTitle.text(app.lang),
        Kind::Settings => PanelText::Settings.text(app.lang),
        Kind::Glossary => crate::msg::glossary::Glossary::Title.text(app.lang),
    };
    let empty = |f: &mut Frame, text: &str| {
        f.render_widget(
            Paragraph::new(wrapped(text.to_string(), inner(area)))
                .style(app.theme.dim)
                .block(block(app, title, true)),
            area,
        );
    };
    match &p.body {
        Body::Explain(None) => empty(f, PanelText::NothingToExplainYet.text(app.lang)),
        Body::Explain(Some(t)) => explain::draw(f, app, p, t, area, title),
        Body::Findings(None) | Body::Account(None) => {
            empty(f, PanelText::ThisPanelShowsThe.text(app.lang))
        }
        Body::Findings(Some(fs)) => findings::draw(f, app, p, fs, area, title),
        Body::Account(Some(_)) => explorer::draw(f, app, p, area, title),
        Body::Progress(None) => empty(f, ProgressMsg::PanelNotSaving.text(app.lang)),
        Body::Progress(Some(_)) => progress::draw(f, app, p, area, title),
        Body::Settings(learners) => settings::draw(f, app, p, learners, area, title),
        Body::Glossary(g) => glossary::draw(f, app, p, g, area),
    }
}

pub(super) fn split(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
}

pub(super) fn list<'a>(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    rows: Vec<Text<'a>>,
    title: impl Into<Line<'a>>,
    area: Rect,
) {
    let len = rows.len();
    let one_line = rows.iter().all(|r| r.lines.len() == 1);
    // Inside the borders, after the room the selection mark takes on every row: a line that
    // does not fit ends in `…`, so that no fact is cut without a sign.
    let cells = usize::from(area.width.saturating_sub(2 + 2));
    let heights: Vec<usize> = rows.iter().map(|t| t.lines.len().max(1)).collect();
    let items: Vec<ListItem> = rows
        .into_iter()
        .map(|t| {
            ListItem::new(Text::from(
                t.lines
                    .into_iter()
                    .map(|l| cut_line(l, cells))
                    .collect::<Vec<_>>(),
            ))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(p.cursor));
    f.render_stateful_widget(
        List::new(items)
            .block(block(app, title, !p.detail))
            .highlight_style(app.theme.selected)
            .highlight_symbol("▶ "),
        area,
        &mut state,
    );
    // Rows out of sight are never hidden silently: the borders say so, as the detail's do.
    let room = usize::from(area.height.saturating_sub(2));
    let below: usize = heights.iter().skip(state.offset()).sum();
    let mut mark = |text: &str, y: u16| {
        f.render_widget(
            Paragraph::new(
                Line::from(Span::styled(text.to_string(), app.theme.dim)).right_aligned(),
            ),
            Rect {
                x: area.x.saturating_add(1),
                y,
                width: area.width.saturating_sub(2),
                height: 1,
            },
        );
    };
    if below > room && area.height > 2 {
        mark(
            crate::msg::ui::Ui::PolicyMoreBelow.text(app.lang),
            area.y + area.height - 1,
        );
    }
    if state.offset() > 0 && area.height > 2 {
        mark(crate::msg::ui::Ui::PolicyMoreAbove.text(app.lang), area.y);
    }
    if one_line {
        crate::tui::view::record_rows(
            app,
            area,
            state.offset(),
            len,
            crate::tui::app::Target::PanelRow,
        );
    }
}

/// `line` cut to `cells` display cells, its last piece ending in `…` when anything was cut.
pub(crate) fn cut_line(line: Line<'_>, cells: usize) -> Line<'static> {
    let total: usize = line
        .spans
        .iter()
        .map(|s| crate::text::width(&s.content))
        .sum();
    let style = line.style;
    let mut out = Vec::with_capacity(line.spans.len());
    if total <= cells {
        out.extend(
            line.spans
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style)),
        );
        return Line::from(out).style(style);
    }
    let mut left = cells;
    for s in line.spans {
        let w = crate::text::width(&s.content);
        if w < left {
            left -= w;
            out.push(Span::styled(s.content.into_owned(), s.style));
        } else {
            // This piece reaches the edge: it ends the row, with the mark of what was cut.
            out.push(Span::styled(
                crate::text::ellipsis(&s.content, left),
                s.style,
            ));
            break;
        }
    }
    Line::from(out).style(style)
}

pub(super) fn detail<'a>(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    text: Text<'a>,
    title: &'a str,
    area: Rect,
) {
    scrolled(f, app, p, text, block(app, title, p.detail), area);
}

/// Draws `text`, wrapped to the pane, in `b` over `area`, scrolled by the panel's detail
/// scroll (stopping at its last line). What goes on below says so on the bottom border:
/// with the keys that scroll it (↓ / j) when the detail has them, else without, since the
/// list's keys move the list (J scrolls the detail, as the help says). Panes sharing the
/// scroll (the glossary's two languages) stop at the longest one's end.
pub(super) fn scrolled<'a>(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    text: Text<'a>,
    b: Block<'a>,
    area: Rect,
) {
    let text = wrapped(text, inner(area));
    let rows = text.lines.len();
    let max = note_rows(p, rows, 0, area);
    let scroll = p.scroll.min(max);
    let b = if p.detail {
        more_below(app, b, rows, scroll, area)
    } else {
        cut_below(app, b, rows.saturating_sub(usize::from(scroll)), area)
    };
    f.render_widget(Paragraph::new(text).scroll((scroll, 0)).block(b), area);
}

/// Notes that the detail pane over `area` holds `rows` lines shown from row `top` on, and
/// returns how far its scroll can go (past `top`) before the last line leaves the bottom.
pub(super) fn note_rows(p: &Panel, rows: usize, top: usize, area: Rect) -> u16 {
    let visible = usize::from(area.height.saturating_sub(2));
    let max = u16::try_from(rows.saturating_sub(visible + top)).unwrap_or(u16::MAX);
    let max = p.detail_max.get().map_or(max, |m| m.max(max));
    p.detail_max.set(Some(max));
    max
}
