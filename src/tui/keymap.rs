//! Keys as one data table: (where, key, action, what it does). The same table drives dispatch
//! and the help overlay, so the help can never drift from what the keys do.

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::keyfile::KeyFile;
use crate::msg::ui::Keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Quit (asks first when an exercise has unsaved work).
    Quit,
    /// Show the keys of this screen.
    Help,
    /// Go back.
    Back,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Open or submit.
    Enter,
    /// Toggle a choice.
    Toggle,
    /// Next step.
    Next,
    /// Previous step.
    Prev,
    /// Show the next hint.
    Hint,
    /// Show the solution.
    Solution,
    /// Check the policy.
    Check,
    /// Switch focus.
    Focus,
    /// Complete the sandbox console's command, flag or name.
    Complete,
    /// Switch the language.
    Language,
    /// Switch the theme.
    Theme,
    /// Open the account explorer.
    Account,
    /// Open the decision explainer.
    Explain,
    /// Open the audit findings.
    Findings,
    /// Open the progress dashboard.
    Dashboard,
    /// Open the settings.
    Settings,
    /// Continue where the learner left off.
    Continue,
    /// Restart the exercise on screen from its start (asks first).
    Reset,
    /// Undo the last edit of the policy editor.
    Undo,
    /// Redo an undone edit.
    Redo,
    /// Show the exercise's whole prompt over the work area, or the work area again.
    Expand,
    /// Jump to the first row (or the top of the page).
    Top,
    /// Jump to the last row (or the newest console output).
    Bottom,
    /// Open the glossary (the step's linked terms first).
    Glossary,
    /// Start typing the glossary's filter.
    Filter,
    /// Scroll a panel's detail pane up, whichever pane has the keys.
    DetailUp,
    /// Scroll a panel's detail pane down, whichever pane has the keys.
    DetailDown,
}

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere except while typing.
    Global,
    /// The lesson list.
    Home,
    /// A lesson, when not typing.
    Lesson,
    /// While typing (policy editor, sandbox console, answer field).
    Typing,
    /// In a panel (explainer, findings, account, progress, settings).
    Panel,
    /// The "Lesson complete" screen.
    Complete,
}

/// One row of the keymap.
pub struct Binding {
    /// Where.
    pub context: Context,
    /// The key.
    pub code: KeyCode,
    /// Modifiers that must be held.
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// The key as shown in the help.
    pub label: &'static str,
    /// What it does, in the catalog.
    pub help: Keys,
}

const fn b(
    context: Context,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    label: &'static str,
    help: Keys,
) -> Binding {
    Binding {
        context,
        code,
        mods,
        action,
        label,
        help,
    }
}

const N: KeyModifiers = KeyModifiers::NONE;
const C: KeyModifiers = KeyModifiers::CONTROL;

/// The keymap.
pub const KEYMAP: &[Binding] = &[
    b(
        Context::Global,
        KeyCode::Char('q'),
        N,
        Action::Quit,
        "q",
        Keys::Quit,
    ),
    b(
        Context::Global,
        KeyCode::Char('?'),
        N,
        Action::Help,
        "?",
        Keys::Help,
    ),
    b(
        Context::Global,
        KeyCode::F(1),
        N,
        Action::Help,
        "F1",
        Keys::GlobalHelp,
    ),
    b(
        Context::Global,
        KeyCode::Char('L'),
        N,
        Action::Language,
        "L",
        Keys::Language,
    ),
    b(
        Context::Global,
        KeyCode::Char('T'),
        N,
        Action::Theme,
        "T",
        Keys::Theme,
    ),
    b(
        Context::Global,
        KeyCode::Char('A'),
        N,
        Action::Account,
        "A",
        Keys::Account,
    ),
    b(
        Context::Global,
        KeyCode::Char('E'),
        N,
        Action::Explain,
        "E",
        Keys::Explain,
    ),
    b(
        Context::Global,
        KeyCode::Char('F'),
        N,
        Action::Findings,
        "F",
        Keys::Findings,
    ),
    b(
        Context::Global,
        KeyCode::Char('D'),
        N,
        Action::Dashboard,
        "D",
        Keys::Dashboard,
    ),
    b(
        Context::Global,
        KeyCode::Char('S'),
        N,
        Action::Settings,
        "S",
        Keys::Settings,
    ),
    // `W` for words: free in every context (`g`/`G` go to the top and bottom of lists).
    b(
        Context::Global,
        KeyCode::Char('W'),
        N,
        Action::Glossary,
        "W",
        Keys::Glossary,
    ),
    b(
        Context::Panel,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        Keys::Back,
    ),
    b(
        Context::Panel,
        KeyCode::Home,
        N,
        Action::Top,
        "Home",
        Keys::Top,
    ),
    b(
        Context::Panel,
        KeyCode::Char('g'),
        N,
        Action::Top,
        "g",
        Keys::Top,
    ),
    b(
        Context::Panel,
        KeyCode::End,
        N,
        Action::Bottom,
        "End",
        Keys::Bottom,
    ),
    b(
        Context::Panel,
        KeyCode::Char('G'),
        N,
        Action::Bottom,
        "G",
        Keys::Bottom,
    ),
    b(
        Context::Panel,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        Keys::Up,
    ),
    b(
        Context::Panel,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        Keys::PanelUp,
    ),
    b(
        Context::Panel,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        Keys::Down,
    ),
    b(
        Context::Panel,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        Keys::PanelDown,
    ),
    b(
        Context::Panel,
        KeyCode::Char('K'),
        N,
        Action::DetailUp,
        "K",
        Keys::DetailUp,
    ),
    b(
        Context::Panel,
        KeyCode::Char('J'),
        N,
        Action::DetailDown,
        "J",
        Keys::DetailDown,
    ),
    b(
        Context::Panel,
        KeyCode::PageUp,
        N,
        Action::PageUp,
        "PgUp",
        Keys::PageUp,
    ),
    b(
        Context::Panel,
        KeyCode::PageDown,
        N,
        Action::PageDown,
        "PgDn",
        Keys::PageDown,
    ),
    b(
        Context::Panel,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        Keys::Enter,
    ),
    b(
        Context::Panel,
        KeyCode::Tab,
        N,
        Action::Focus,
        "Tab",
        Keys::Focus,
    ),
    b(
        Context::Panel,
        KeyCode::Char('/'),
        N,
        Action::Filter,
        "/",
        Keys::Filter,
    ),
    b(
        Context::Home,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        Keys::HomeUp,
    ),
    b(
        Context::Home,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        Keys::HomeUp,
    ),
    b(
        Context::Home,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        Keys::HomeDown,
    ),
    b(
        Context::Home,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        Keys::HomeDown,
    ),
    b(
        Context::Home,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        Keys::HomeEnter,
    ),
    b(
        Context::Home,
        KeyCode::Char('c'),
        N,
        Action::Continue,
        "c",
        Keys::Continue,
    ),
    b(
        Context::Complete,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        Keys::CompleteEnter,
    ),
    b(
        Context::Complete,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        Keys::CompleteBack,
    ),
    b(
        Context::Lesson,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        Keys::CompleteBack,
    ),
    b(
        Context::Lesson,
        KeyCode::Right,
        N,
        Action::Next,
        "→ / n",
        Keys::Next,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('n'),
        N,
        Action::Next,
        "n",
        Keys::Next,
    ),
    b(
        Context::Lesson,
        KeyCode::Left,
        N,
        Action::Prev,
        "← / p",
        Keys::Prev,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('p'),
        N,
        Action::Prev,
        "p",
        Keys::Prev,
    ),
    b(
        Context::Lesson,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        Keys::LessonUp,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        Keys::LessonUp,
    ),
    b(
        Context::Lesson,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        Keys::LessonDown,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        Keys::LessonDown,
    ),
    b(
        Context::Lesson,
        KeyCode::PageUp,
        N,
        Action::PageUp,
        "PgUp",
        Keys::LessonPageUp,
    ),
    b(
        Context::Lesson,
        KeyCode::PageDown,
        N,
        Action::PageDown,
        "PgDn",
        Keys::LessonPageDown,
    ),
    b(
        Context::Lesson,
        KeyCode::Char(' '),
        N,
        Action::Toggle,
        "Space",
        Keys::Toggle,
    ),
    b(
        Context::Lesson,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        Keys::LessonEnter,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('h'),
        N,
        Action::Hint,
        "h",
        Keys::Hint,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('s'),
        N,
        Action::Solution,
        "s",
        Keys::Solution,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('r'),
        N,
        Action::Reset,
        "r",
        Keys::Reset,
    ),
    b(
        Context::Home,
        KeyCode::Home,
        N,
        Action::Top,
        "Home",
        Keys::HomeTop,
    ),
    b(
        Context::Home,
        KeyCode::Char('g'),
        N,
        Action::Top,
        "g",
        Keys::HomeTop,
    ),
    b(
        Context::Home,
        KeyCode::End,
        N,
        Action::Bottom,
        "End",
        Keys::HomeBottom,
    ),
    b(
        Context::Home,
        KeyCode::Char('G'),
        N,
        Action::Bottom,
        "G",
        Keys::HomeBottom,
    ),
    b(
        Context::Lesson,
        KeyCode::Home,
        N,
        Action::Top,
        "Home",
        Keys::LessonTop,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('g'),
        N,
        Action::Top,
        "g",
        Keys::LessonTop,
    ),
    b(
        Context::Lesson,
        KeyCode::End,
        N,
        Action::Bottom,
        "End",
        Keys::LessonBottom,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('G'),
        N,
        Action::Bottom,
        "G",
        Keys::LessonBottom,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('v'),
        N,
        Action::Expand,
        "v",
        Keys::Expand,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('i'),
        N,
        Action::Focus,
        "i",
        Keys::LessonFocus,
    ),
    b(
        Context::Lesson,
        KeyCode::Tab,
        N,
        Action::Focus,
        "Tab",
        Keys::LessonFocus,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('n'),
        C,
        Action::Next,
        "Ctrl+N",
        Keys::Next,
    ),
    b(
        Context::Lesson,
        KeyCode::Char('p'),
        C,
        Action::Prev,
        "Ctrl+P",
        Keys::Prev,
    ),
    b(
        Context::Typing,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        Keys::TypingBack,
    ),
    b(
        Context::Typing,
        KeyCode::Char('s'),
        C,
        Action::Check,
        "Ctrl+S",
        Keys::Check,
    ),
    b(
        Context::Typing,
        KeyCode::Tab,
        N,
        Action::Complete,
        "Tab",
        Keys::Complete,
    ),
    b(
        Context::Typing,
        KeyCode::Char('r'),
        C,
        Action::Focus,
        "Ctrl+R",
        Keys::TypingFocus,
    ),
    b(
        Context::Typing,
        KeyCode::Char('t'),
        C,
        Action::Hint,
        "Ctrl+T",
        Keys::Hint,
    ),
    b(
        Context::Typing,
        KeyCode::Char('o'),
        C,
        Action::Solution,
        "Ctrl+O",
        Keys::Solution,
    ),
    b(
        Context::Typing,
        KeyCode::Char('n'),
        C,
        Action::Next,
        "Ctrl+N",
        Keys::Next,
    ),
    b(
        Context::Typing,
        KeyCode::Char('z'),
        C,
        Action::Undo,
        "Ctrl+Z",
        Keys::Undo,
    ),
    b(
        Context::Typing,
        KeyCode::Char('y'),
        C,
        Action::Redo,
        "Ctrl+Y",
        Keys::Redo,
    ),
    b(
        Context::Typing,
        KeyCode::Char('p'),
        C,
        Action::Prev,
        "Ctrl+P",
        Keys::Prev,
    ),
    b(
        Context::Typing,
        KeyCode::F(5),
        N,
        Action::Reset,
        "F5",
        Keys::Reset,
    ),
    b(
        Context::Typing,
        KeyCode::F(2),
        N,
        Action::Account,
        "F2",
        Keys::TypingAccount,
    ),
    b(
        Context::Typing,
        KeyCode::F(3),
        N,
        Action::Explain,
        "F3",
        Keys::TypingExplain,
    ),
    b(
        Context::Typing,
        KeyCode::F(4),
        N,
        Action::Findings,
        "F4",
        Keys::TypingFindings,
    ),
    b(
        Context::Typing,
        KeyCode::F(6),
        N,
        Action::Glossary,
        "F6",
        Keys::TypingGlossary,
    ),
    b(
        Context::Typing,
        KeyCode::PageUp,
        N,
        Action::PageUp,
        "PgUp",
        Keys::TypingPageUp,
    ),
    b(
        Context::Typing,
        KeyCode::PageDown,
        N,
        Action::PageDown,
        "PgDn",
        Keys::TypingPageDown,
    ),
];

/// The name of a key as the help shows it and as the key file spells it.
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl+{base}")
    } else {
        base
    }
}

/// Reads a key as the key file spells it: `n`, `?`, `Space`, `Enter`, `Esc`, `Tab`, `Up`,
/// `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `F1`–`F12`, `Ctrl+S`.
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let t = text.trim();
    let (mods, rest) = match t.split_at_checked(5) {
        Some((p, rest)) if p.eq_ignore_ascii_case("ctrl+") => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, t),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if mods == KeyModifiers::CONTROL => KeyCode::Char(c.to_ascii_lowercase()),
        (Some(c), None) => KeyCode::Char(c),
        _ => match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f => {
                let n: u8 = f.strip_prefix('f')?.parse().ok()?;
                if !(1..=12).contains(&n) {
                    return None;
                }
                KeyCode::F(n)
            }
        },
    };
    Some((code, mods))
}

/// The name of an action in the key file.
pub fn action_name(a: Action) -> &'static str {
    ACTION_NAMES
        .iter()
        .find(|(_, x)| *x == a)
        .map_or("", |(n, _)| n)
}

const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("back", Action::Back),
    ("up", Action::Up),
    ("down", Action::Down),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("enter", Action::Enter),
    ("toggle", Action::Toggle),
    ("next", Action::Next),
    ("prev", Action::Prev),
    ("hint", Action::Hint),
    ("solution", Action::Solution),
    ("check", Action::Check),
    ("focus", Action::Focus),
    ("complete", Action::Complete),
    ("language", Action::Language),
    ("theme", Action::Theme),
    ("account", Action::Account),
    ("explain", Action::Explain),
    ("findings", Action::Findings),
    ("dashboard", Action::Dashboard),
    ("settings", Action::Settings),
    ("continue", Action::Continue),
    ("reset", Action::Reset),
    ("glossary", Action::Glossary),
    ("filter", Action::Filter),
    ("detail-up", Action::DetailUp),
    ("detail-down", Action::DetailDown),
];

const CONTEXT_NAMES: &[(&str, Context)] = &[
    ("global", Context::Global),
    ("home", Context::Home),
    ("lesson", Context::Lesson),
    ("typing", Context::Typing),
    ("panel", Context::Panel),
    ("complete", Context::Complete),
];

/// One key of the keymap in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Where.
    pub context: Context,
    /// The key.
    pub code: KeyCode,
    /// Modifiers that must be held.
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// What it does, in the catalog.
    pub help: Keys,
}

/// One row of the help overlay: every key of one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, e.g. `→ / n`.
    pub keys: String,
    /// What they do.
    pub action: Action,
    /// Where.
    pub context: Context,
    /// What it does, in the catalog.
    pub help: Keys,
}

/// The keymap in use: the defaults of [`KEYMAP`], changed by the learner's key file. Both key
/// dispatch and the help overlay read it, so the help always shows the keys that work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Every key, in the order the help lists them.
    pub keys: Vec<Key>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: KEYMAP
                .iter()
                .map(|b| Key {
                    context: b.context,
                    code: b.code,
                    mods: b.mods,
                    action: b.action,
                    help: b.help,
                })
                .collect(),
        }
    }
}

/// The environment variable that overrides the folder of the key file.
pub const CONFIG_DIR_ENV: &str = "IAMDOJO_CONFIG_DIR";

/// The key file's name in the configuration folder.
pub const KEYS_FILE: &str = "keys.yaml";

/// Where the key file is: `$IAMDOJO_CONFIG_DIR/keys.yaml`, else the platform's configuration
/// folder (e.g. `~/.config/iamdojo/keys.yaml` on Linux).
pub fn keys_file() -> Option<std::path::PathBuf> {
    if let Some(d) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(std::path::PathBuf::from(d).join(KEYS_FILE));
    }
    directories::ProjectDirs::from("", "", "iamdojo").map(|d| d.config_dir().join(KEYS_FILE))
}

/// One problem of the key file: where it is and what it is. `Display` gives the English
/// message; [`KeyFileProblem::message`] gives it in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFileProblem {
    /// The file, as named in messages.
    pub file: String,
    /// The line the problem is on, when the file says.
    pub line: Option<usize>,
    /// The column, when the YAML parser says.
    pub column: Option<usize>,
    /// What is wrong.
    pub kind: KeyFileError,
}

/// What is wrong in the key file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyFileError {
    /// The file cannot be read (too large, not a plain file, not UTF-8, …): the defaults stay.
    Unreadable(crate::input::FileError),
    /// The YAML nests deeper than a key file may: the defaults stay.
    TooDeep,
    /// The file is YAML but not a mapping: the defaults stay.
    NotAMapping,
    /// The file is not YAML (the parser's message): the defaults stay.
    NotYaml(String),
    /// A key of the mapping is not text: that entry is left out.
    NotText,
    /// `context.action` names a context that does not exist.
    UnknownContext(String),
    /// An action that does not exist, with the nearest one when it is near enough.
    UnknownAction {
        /// The action written.
        action: String,
        /// The nearest action's name.
        near: Option<&'static str>,
    },
    /// A value that is not a key.
    NotAKey(String),
    /// A plain character bound while typing, where it is text (the entry's name).
    PlainWhileTyping(String),
}

impl KeyFileProblem {
    /// The problem in `lang`, after `FILE:LINE:COLUMN: ` (a file that cannot be read is
    /// named by its own error).
    pub fn message(&self, lang: Lang) -> String {
        let names = |list: &[&str]| list.join(KeyFile::ListSep.text(lang));
        let what = match &self.kind {
            KeyFileError::Unreadable(e) => {
                return KeyFile::Unreadable.fill(lang, &[("error", e)]);
            }
            KeyFileError::TooDeep => KeyFile::TooDeep.text(lang).to_string(),
            KeyFileError::NotAMapping => KeyFile::NotAMapping.text(lang).to_string(),
            KeyFileError::NotYaml(e) => KeyFile::NotYaml.fill(lang, &[("error", e)]),
            KeyFileError::NotText => KeyFile::NotText.text(lang).to_string(),
            KeyFileError::UnknownContext(name) => {
                let contexts: Vec<&str> = CONTEXT_NAMES.iter().map(|x| x.0).collect();
                KeyFile::UnknownContext
                    .fill(lang, &[("name", name), ("contexts", &names(&contexts))])
            }
            KeyFileError::UnknownAction { action, near } => {
                let actions: Vec<&str> = ACTION_NAMES.iter().map(|x| x.0).collect();
                let hint = near
                    .map(|n| KeyFile::DidYouMean.fill(lang, &[("name", &n)]))
                    .unwrap_or_default();
                KeyFile::UnknownAction.fill(
                    lang,
                    &[
                        ("action", action),
                        ("hint", &hint),
                        ("actions", &names(&actions)),
                    ],
                )
            }
            KeyFileError::NotAKey(t) => KeyFile::NotAKey.fill(lang, &[("text", t)]),
            KeyFileError::PlainWhileTyping(name) => {
                KeyFile::PlainWhileTyping.fill(lang, &[("name", name)])
            }
        };
        let at = match (self.line, self.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            (Some(l), None) => format!(":{l}"),
            _ => String::new(),
        };
        format!("{}{at}: {what}", self.file)
    }

    /// Every problem in `lang`, on one line (the status line's).
    pub fn join(problems: &[KeyFileProblem], lang: Lang) -> String {
        let said: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
        said.join(KeyFile::ProblemSep.text(lang))
    }
}

impl std::fmt::Display for KeyFileProblem {
    /// The problem in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Keymap {
    /// The defaults changed by the key file, if there is one; each problem in the file is
    /// reported (file, line, what to do) and its entry left out, never fatal.
    pub fn load() -> (Keymap, Vec<KeyFileProblem>) {
        let Some(path) = keys_file() else {
            return (Keymap::default(), Vec::new());
        };
        if !path.exists() {
            return (Keymap::default(), Vec::new());
        }
        let name = path.display().to_string();
        use crate::input::read::{Kind, Limit};
        match crate::input::read::path(&path, Limit::KeyFile, Kind::PlainFile, &name) {
            Ok(text) => Keymap::default().with_overrides(&text, &name),
            Err(e) => (
                Keymap::default(),
                vec![KeyFileProblem {
                    file: name,
                    line: None,
                    column: None,
                    kind: KeyFileError::Unreadable(e),
                }],
            ),
        }
    }

    /// Applies a key file: a YAML mapping from an action (optionally `context.action`) to a
    /// key or a list of keys, e.g. `next: l`, `lesson.hint: [h, F2]`, `typing.check: Ctrl+E`.
    /// The new keys replace that action's keys (in every context but typing, unless a context
    /// is named). `file` names the file in messages.
    pub fn with_overrides(mut self, text: &str, file: &str) -> (Keymap, Vec<KeyFileProblem>) {
        let mut errors = Vec::new();
        let problem =
            |line: Option<usize>, column: Option<usize>, kind: KeyFileError| KeyFileProblem {
                file: file.to_string(),
                line,
                column,
                kind,
            };
        if let Some((line, column, _)) =
            crate::input::yaml::too_deep(text, crate::input::yaml::MAX_DEPTH)
        {
            errors.push(problem(Some(line), Some(column), KeyFileError::TooDeep));
            return (self, errors);
        }
        let map: serde_yaml::Mapping = match serde_yaml::from_str(text) {
            Ok(serde_yaml::Value::Mapping(m)) => m,
            Ok(serde_yaml::Value::Null) => return (self, errors),
            Ok(_) => {
                errors.push(problem(None, None, KeyFileError::NotAMapping));
                return (self, errors);
            }
            Err(e) => {
                let (line, column) = e
                    .location()
                    .map_or((None, None), |l| (Some(l.line()), Some(l.column())));
                errors.push(problem(line, column, KeyFileError::NotYaml(e.to_string())));
                return (self, errors);
            }
        };
        let line_of = |name: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(&format!("{name}:")))
                .map(|i| i + 1)
        };
        for (k, v) in &map {
            let Some(name) = k.as_str() else {
                errors.push(problem(None, None, KeyFileError::NotText));
                continue;
            };
            let at = line_of(name);
            let (ctx, act) = match name.split_once('.') {
                Some((c, a)) => (CONTEXT_NAMES.iter().find(|(n, _)| *n == c).map(|x| x.1), a),
                None => (None, name),
            };
            if name.contains('.') && ctx.is_none() {
                errors.push(problem(
                    at,
                    None,
                    KeyFileError::UnknownContext(name.to_string()),
                ));
                continue;
            }
            let Some(action) = ACTION_NAMES.iter().find(|(n, _)| *n == act).map(|x| x.1) else {
                let near = crate::suggest::nearest(act, ACTION_NAMES.iter().map(|x| x.0));
                errors.push(problem(
                    at,
                    None,
                    KeyFileError::UnknownAction {
                        action: act.to_string(),
                        near,
                    },
                ));
                continue;
            };
            let texts: Vec<String> = match v {
                serde_yaml::Value::Sequence(s) => s.iter().filter_map(scalar).collect(),
                other => scalar(other).into_iter().collect(),
            };
            let mut keys = Vec::new();
            for t in &texts {
                match parse_key(t) {
                    Some(k) => keys.push(k),
                    None => errors.push(problem(at, None, KeyFileError::NotAKey(t.clone()))),
                }
            }
            if keys.is_empty() {
                continue;
            }
            // The contexts whose keys for this action are replaced.
            let targets: Vec<Context> = {
                let mut t: Vec<Context> = self
                    .keys
                    .iter()
                    .filter(|b| b.action == action && ctx.is_none_or(|c| c == b.context))
                    .filter(|b| {
                        ctx.is_some() || b.context != Context::Typing || only_typing(&self, action)
                    })
                    .map(|b| b.context)
                    .collect();
                t.dedup();
                if t.is_empty() {
                    t.push(ctx.unwrap_or(Context::Global));
                }
                t
            };
            if targets.contains(&Context::Typing)
                && keys.iter().any(|(c, m)| {
                    matches!(c, KeyCode::Char(_)) && !m.contains(KeyModifiers::CONTROL)
                })
            {
                errors.push(problem(
                    at,
                    None,
                    KeyFileError::PlainWhileTyping(name.to_string()),
                ));
                continue;
            }
            for target in targets {
                let help = self
                    .keys
                    .iter()
                    .find(|b| b.action == action && b.context == target)
                    .map_or_else(|| default_help(action), |b| b.help);
                let pos = self
                    .keys
                    .iter()
                    .position(|b| b.action == action && b.context == target)
                    .unwrap_or(self.keys.len());
                self.keys
                    .retain(|b| !(b.action == action && b.context == target));
                // A key taken from another action in the same context moves here.
                self.keys.retain(|b| {
                    !(b.context == target && keys.iter().any(|(c, m)| b.code == *c && b.mods == *m))
                });
                let pos = pos.min(self.keys.len());
                for (i, (code, mods)) in keys.iter().enumerate() {
                    self.keys.insert(
                        pos + i,
                        Key {
                            context: target,
                            code: *code,
                            mods: *mods,
                            action,
                            help,
                        },
                    );
                }
            }
        }
        (self, errors)
    }

    /// The action for a key in a context (the context's own keys first, then global ones,
    /// which do not apply while typing except F1).
    pub fn action_for(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let matches = |b: &&Key| {
            b.code == key.code
                && (b.mods == mods
                    || (b.mods == N && matches!(key.code, KeyCode::Char(_)) && mods == N))
        };
        self.keys
            .iter()
            .filter(|b| b.context == ctx)
            .find(matches)
            .or_else(|| {
                self.keys
                    .iter()
                    .filter(|b| {
                        b.context == Context::Global
                            && (ctx != Context::Typing || b.code == KeyCode::F(1))
                    })
                    .find(matches)
            })
            .map(|b| b.action)
    }

    /// The rows of the help overlay for a context: its own actions, then the global ones, each
    /// with every key bound to it.
    pub fn help_rows(&self, ctx: Context) -> Vec<HelpRow> {
        let mut out: Vec<HelpRow> = Vec::new();
        let visible = |b: &Key| {
            b.context == ctx
                || (b.context == Context::Global
                    && (ctx != Context::Typing || b.code == KeyCode::F(1)))
        };
        for b in self.keys.iter().filter(|b| b.context == ctx).chain(
            self.keys
                .iter()
                .filter(|b| b.context == Context::Global && visible(b)),
        ) {
            // A global action already bound in the context is shown once, with the context's keys.
            if b.context == Context::Global
                && ctx != Context::Global
                && out.iter().any(|r| r.action == b.action)
            {
                continue;
            }
            let name = key_name(b.code, b.mods);
            match out
                .iter_mut()
                .find(|r| r.action == b.action && r.context == b.context)
            {
                Some(r) => {
                    if !r.keys.split(" / ").any(|k| k == name) {
                        r.keys.push_str(" / ");
                        r.keys.push_str(&name);
                    }
                }
                None => out.push(HelpRow {
                    keys: name,
                    action: b.action,
                    context: b.context,
                    help: b.help,
                }),
            }
        }
        out
    }
}

fn only_typing(map: &Keymap, action: Action) -> bool {
    map.keys
        .iter()
        .filter(|b| b.action == action)
        .all(|b| b.context == Context::Typing)
}

fn default_help(action: Action) -> Keys {
    KEYMAP
        .iter()
        .find(|b| b.action == action)
        .map_or(Keys::Help, |b| b.help)
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
