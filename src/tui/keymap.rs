//! Keys as one data table: (where, key, action, what it does). The same table drives dispatch
//! and the help overlay, so the help can never drift from what the keys do.

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
    /// What it does, in English and Japanese.
    pub help: (&'static str, &'static str),
}

const fn b(
    context: Context,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    label: &'static str,
    en: &'static str,
    ja: &'static str,
) -> Binding {
    Binding {
        context,
        code,
        mods,
        action,
        label,
        help: (en, ja),
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
        "quit",
        "終了",
    ),
    b(
        Context::Global,
        KeyCode::Char('?'),
        N,
        Action::Help,
        "?",
        "show these keys",
        "キー一覧を表示",
    ),
    b(
        Context::Global,
        KeyCode::F(1),
        N,
        Action::Help,
        "F1",
        "show these keys (also while typing)",
        "キー一覧を表示（入力中も）",
    ),
    b(
        Context::Global,
        KeyCode::Char('L'),
        N,
        Action::Language,
        "L",
        "switch English / 日本語",
        "English / 日本語 を切り替え",
    ),
    b(
        Context::Global,
        KeyCode::Char('T'),
        N,
        Action::Theme,
        "T",
        "switch the colour theme",
        "配色を切り替え",
    ),
    b(
        Context::Global,
        KeyCode::Char('A'),
        N,
        Action::Account,
        "A",
        "account explorer (in a sandbox exercise)",
        "アカウント エクスプローラー（サンドボックス演習で）",
    ),
    b(
        Context::Global,
        KeyCode::Char('E'),
        N,
        Action::Explain,
        "E",
        "explain the last decision as a flowchart",
        "直前の判定をフローチャートで説明",
    ),
    b(
        Context::Global,
        KeyCode::Char('F'),
        N,
        Action::Findings,
        "F",
        "audit findings of the sandbox account",
        "サンドボックス アカウントの監査結果",
    ),
    b(
        Context::Global,
        KeyCode::Char('D'),
        N,
        Action::Dashboard,
        "D",
        "progress dashboard",
        "進捗ダッシュボード",
    ),
    b(
        Context::Global,
        KeyCode::Char('S'),
        N,
        Action::Settings,
        "S",
        "settings: language, theme, learner",
        "設定：言語・テーマ・学習者",
    ),
    b(
        Context::Panel,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        "close (or leave the detail pane)",
        "閉じる（詳細から戻る）",
    ),
    b(
        Context::Panel,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        "previous row (scroll in the detail pane)",
        "前の行（詳細ではスクロール）",
    ),
    b(
        Context::Panel,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        "previous row",
        "前の行",
    ),
    b(
        Context::Panel,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        "next row (scroll in the detail pane)",
        "次の行（詳細ではスクロール）",
    ),
    b(
        Context::Panel,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        "next row",
        "次の行",
    ),
    b(
        Context::Panel,
        KeyCode::PageUp,
        N,
        Action::PageUp,
        "PgUp",
        "page up",
        "前のページ",
    ),
    b(
        Context::Panel,
        KeyCode::PageDown,
        N,
        Action::PageDown,
        "PgDn",
        "page down",
        "次のページ",
    ),
    b(
        Context::Panel,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        "open: permissions of a principal, a policy document, a finding's detail; change a setting",
        "開く：プリンシパルの権限、ポリシー文書、検出結果の詳細／設定を変更",
    ),
    b(
        Context::Panel,
        KeyCode::Tab,
        N,
        Action::Focus,
        "Tab",
        "switch between the list and the detail pane",
        "一覧と詳細を切り替え",
    ),
    b(
        Context::Home,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        "previous lesson",
        "前のレッスン",
    ),
    b(
        Context::Home,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        "previous lesson",
        "前のレッスン",
    ),
    b(
        Context::Home,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        "next lesson",
        "次のレッスン",
    ),
    b(
        Context::Home,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        "next lesson",
        "次のレッスン",
    ),
    b(
        Context::Home,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        "open the lesson",
        "レッスンを開く",
    ),
    b(
        Context::Lesson,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        "back to the lessons",
        "レッスン一覧に戻る",
    ),
    b(
        Context::Lesson,
        KeyCode::Right,
        N,
        Action::Next,
        "→ / n",
        "next step",
        "次のステップ",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('n'),
        N,
        Action::Next,
        "n",
        "next step",
        "次のステップ",
    ),
    b(
        Context::Lesson,
        KeyCode::Left,
        N,
        Action::Prev,
        "← / p",
        "previous step",
        "前のステップ",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('p'),
        N,
        Action::Prev,
        "p",
        "previous step",
        "前のステップ",
    ),
    b(
        Context::Lesson,
        KeyCode::Up,
        N,
        Action::Up,
        "↑ / k",
        "move up / scroll",
        "上へ / スクロール",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('k'),
        N,
        Action::Up,
        "k",
        "move up / scroll",
        "上へ / スクロール",
    ),
    b(
        Context::Lesson,
        KeyCode::Down,
        N,
        Action::Down,
        "↓ / j",
        "move down / scroll",
        "下へ / スクロール",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('j'),
        N,
        Action::Down,
        "j",
        "move down / scroll",
        "下へ / スクロール",
    ),
    b(
        Context::Lesson,
        KeyCode::PageUp,
        N,
        Action::PageUp,
        "PgUp",
        "scroll a page up",
        "1 ページ上へ",
    ),
    b(
        Context::Lesson,
        KeyCode::PageDown,
        N,
        Action::PageDown,
        "PgDn",
        "scroll a page down",
        "1 ページ下へ",
    ),
    b(
        Context::Lesson,
        KeyCode::Char(' '),
        N,
        Action::Toggle,
        "Space",
        "select / unselect a choice",
        "選択 / 解除",
    ),
    b(
        Context::Lesson,
        KeyCode::Enter,
        N,
        Action::Enter,
        "Enter",
        "answer / start typing",
        "回答 / 入力を開始",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('h'),
        N,
        Action::Hint,
        "h",
        "show a hint",
        "ヒントを表示",
    ),
    b(
        Context::Lesson,
        KeyCode::Char('s'),
        N,
        Action::Solution,
        "s",
        "show the solution (recorded)",
        "解答を表示（記録されます）",
    ),
    b(
        Context::Lesson,
        KeyCode::Tab,
        N,
        Action::Focus,
        "Tab",
        "start typing",
        "入力を開始",
    ),
    b(
        Context::Typing,
        KeyCode::Esc,
        N,
        Action::Back,
        "Esc",
        "stop typing",
        "入力を終える",
    ),
    b(
        Context::Typing,
        KeyCode::Char('s'),
        C,
        Action::Check,
        "Ctrl+S",
        "check the policy / submit",
        "ポリシーをチェック / 回答",
    ),
    b(
        Context::Typing,
        KeyCode::Tab,
        N,
        Action::Focus,
        "Tab",
        "switch between console and answer",
        "コンソールと回答欄を切り替え",
    ),
    b(
        Context::Typing,
        KeyCode::Char('t'),
        C,
        Action::Hint,
        "Ctrl+T",
        "show a hint",
        "ヒントを表示",
    ),
    b(
        Context::Typing,
        KeyCode::Char('o'),
        C,
        Action::Solution,
        "Ctrl+O",
        "show the solution (recorded)",
        "解答を表示（記録されます）",
    ),
    b(
        Context::Typing,
        KeyCode::Char('n'),
        C,
        Action::Next,
        "Ctrl+N",
        "next step",
        "次のステップ",
    ),
    b(
        Context::Typing,
        KeyCode::F(2),
        N,
        Action::Account,
        "F2",
        "account explorer",
        "アカウント エクスプローラー",
    ),
    b(
        Context::Typing,
        KeyCode::F(3),
        N,
        Action::Explain,
        "F3",
        "explain the last denial",
        "直前の拒否を説明",
    ),
    b(
        Context::Typing,
        KeyCode::F(4),
        N,
        Action::Findings,
        "F4",
        "audit findings",
        "監査結果",
    ),
];

/// The action for a key in a context (the context's own bindings first, then global ones,
/// which do not apply while typing except F1).
pub fn action_for(ctx: Context, key: &KeyEvent) -> Option<Action> {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let matches = |b: &&Binding| {
        b.code == key.code
            && (b.mods == mods
                || (b.mods == N && matches!(key.code, KeyCode::Char(_)) && mods == N))
    };
    KEYMAP
        .iter()
        .filter(|b| b.context == ctx)
        .find(matches)
        .or_else(|| {
            KEYMAP
                .iter()
                .filter(|b| {
                    b.context == Context::Global
                        && (ctx != Context::Typing || b.code == KeyCode::F(1))
                })
                .find(matches)
        })
        .map(|b| b.action)
}

/// The bindings to show in the help overlay for a context (its own, then global ones).
pub fn help_rows(ctx: Context) -> Vec<&'static Binding> {
    let mut seen: Vec<Action> = Vec::new();
    let mut out = Vec::new();
    for b in KEYMAP
        .iter()
        .filter(|b| b.context == ctx)
        .chain(KEYMAP.iter().filter(|b| {
            b.context == Context::Global && (ctx != Context::Typing || b.code == KeyCode::F(1))
        }))
    {
        if !seen.contains(&b.action) || b.context != ctx {
            if b.context == ctx {
                seen.push(b.action);
            }
            if out
                .iter()
                .any(|x: &&Binding| x.action == b.action && x.context == b.context)
            {
                continue;
            }
            out.push(b);
        }
    }
    out
}
