//! The settings panel: language, theme, learner, and a new learner's name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use super::{Panel, list};
use crate::msg::Message;
use crate::msg::panel::PanelText;
use crate::tui::app::App;
use crate::tui::view::wrapped;

/// Rows of the settings panel: language, theme, learner, new learner.
pub const SETTINGS_ROWS: usize = 4;

/// What Enter on a row of the settings panel does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Switch the interface language.
    Language,
    /// Switch the colour theme.
    Theme,
    /// Switch to the next learner profile.
    NextLearner,
    /// Start typing a new learner's name.
    NewLearner,
}

/// The choice of the settings row `row` (the rows are drawn in this order).
pub fn choice(row: usize) -> Choice {
    match row {
        0 => Choice::Language,
        1 => Choice::Theme,
        2 => Choice::NextLearner,
        _ => Choice::NewLearner,
    }
}

pub(super) fn draw(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    learners: &[crate::progress::LearnerName],
    area: Rect,
    title: &str,
) {
    let learner = app
        .learner
        .as_ref()
        .map(|x| x.name().to_string())
        .unwrap_or_else(|| "-".into());
    let rows: [(&str, String); SETTINGS_ROWS] = [
        (
            PanelText::Language.text(app.lang),
            app.lang.autonym().into(),
        ),
        (
            PanelText::Theme.text(app.lang),
            match app.theme.name {
                "high-contrast" => PanelText::ThemeHighContrast.text(app.lang),
                "no-color" => PanelText::ThemeNoColor.text(app.lang),
                _ => PanelText::ThemeDefault.text(app.lang),
            }
            .to_string(),
        ),
        (
            PanelText::Learner.text(app.lang),
            format!(
                "{learner}  ({} {})",
                learners.len(),
                PanelText::ProfileSOnThis.text(app.lang)
            ),
        ),
        (
            PanelText::NewLearner.text(app.lang),
            match &p.input {
                Some(buf) => format!("{buf}▏  (Enter / Esc)"),
                None => PanelText::EnterThenTypeA.text(app.lang).to_string(),
            },
        ),
    ];
    // The labels' column is as wide as the widest label, in display cells, and two more.
    let kw = rows
        .iter()
        .map(|(k, _)| crate::text::width(k))
        .max()
        .unwrap_or(0)
        + 2;
    let items: Vec<Text> = rows
        .iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(crate::text::pad(k, kw), app.theme.title),
                Span::raw(v.clone()),
            ])
        })
        .map(Text::from)
        .collect();
    let [top, bottom] = Layout::vertical([Constraint::Length(6), Constraint::Min(3)]).areas(area);
    list(f, app, p, items, title, top);
    let [status, bottom] = Layout::vertical([
        Constraint::Length(if app.status.is_empty() { 0 } else { 2 }),
        Constraint::Min(1),
    ])
    .areas(bottom);
    f.render_widget(
        Paragraph::new(wrapped(app.status.clone(), status.width)).style(app.theme.warn),
        status,
    );
    // Markdown, so that the command it names is styled as code, never shown in backticks.
    f.render_widget(
        Paragraph::new(crate::tui::markdown::render_in(
            PanelText::EnterChangesTheSelected.text(app.lang),
            &app.theme,
            usize::from(bottom.width),
            app.theme.dim,
        )),
        bottom,
    );
}
