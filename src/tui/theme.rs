//! Colours. `NO_COLOR` (<https://no-color.org/>) turns every colour off; the high-contrast theme
//! keeps to black, white and bold.

use ratatui::style::{Color, Modifier, Style};

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Name.
    pub name: &'static str,
    /// Plain text.
    pub text: Style,
    /// Dimmed text.
    pub dim: Style,
    /// Titles and headings.
    pub title: Style,
    /// The selected item.
    pub selected: Style,
    /// Success.
    pub ok: Style,
    /// Failure.
    pub bad: Style,
    /// Warnings.
    pub warn: Style,
    /// Code.
    pub code: Style,
    /// Borders.
    pub border: Style,
}

impl Theme {
    /// The default theme.
    pub fn default_theme() -> Theme {
        Theme {
            name: "default",
            text: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().fg(Color::Black).bg(Color::Cyan),
            ok: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            bad: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            warn: Style::default().fg(Color::Yellow),
            code: Style::default().fg(Color::LightYellow),
            border: Style::default().fg(Color::Gray),
        }
    }

    /// High contrast: no hues, only bold and reverse video.
    pub fn high_contrast() -> Theme {
        let plain = Style::default();
        Theme {
            name: "high-contrast",
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ok: plain.add_modifier(Modifier::BOLD),
            bad: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warn: plain.add_modifier(Modifier::BOLD),
            code: plain.add_modifier(Modifier::ITALIC),
            border: plain,
        }
    }

    /// No colour at all (for `NO_COLOR`): like high contrast.
    pub fn no_color() -> Theme {
        Theme {
            name: "no-color",
            ..Theme::high_contrast()
        }
    }

    /// A theme by name.
    pub fn by_name(name: &str) -> Theme {
        match name {
            "high-contrast" => Theme::high_contrast(),
            "no-color" => Theme::no_color(),
            _ => Theme::default_theme(),
        }
    }
}
