//! The terminal user interface: the only module that imports ratatui and crossterm.
//! `app` holds the state and turns keys into changes (`update`), `view` draws it, `keymap` is
//! the one table of keys (dispatch and help), `i18n` the interface strings, `theme` the colours
//! and `markdown` the lesson text renderer. The same engines as the CLI do all the work.

pub mod app;
pub mod editor;
pub mod i18n;
pub mod keymap;
pub mod markdown;
pub mod panel;
pub mod panel_view;
pub mod plain;
pub mod theme;
pub mod view;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::lesson::{Pack, load};
use crate::progress::{LearnerName, Setting, Store};
use app::App;
use i18n::Lang;
use theme::Theme;

/// How the TUI starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Interface language (default: the saved setting, else the locale).
    pub lang: Option<String>,
    /// Extra pack folders.
    pub packs: Vec<PathBuf>,
    /// Data directory override.
    pub data_dir: Option<PathBuf>,
    /// Learner profile.
    pub learner: Option<String>,
    /// Colour theme (`default`, `high-contrast`).
    pub theme: Option<String>,
    /// Draw one frame and exit (for start-up measurements and smoke tests).
    pub exit_after_first_frame: bool,
    /// Leave out the built-in course.
    pub no_builtin: bool,
}

/// Loads the built-in course, the data directory's packs and `--pack` folders.
pub fn load_packs(
    extra: &[PathBuf],
    data_dir: Option<&std::path::Path>,
    builtin: bool,
) -> (Vec<Pack>, Vec<String>) {
    let mut packs = Vec::new();
    let mut broken = Vec::new();
    for r in load::built_in().into_iter().filter(|_| builtin) {
        match r {
            Ok(p) => packs.push(p),
            Err((n, e)) => broken.push(format!("{n}: {e}")),
        }
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Ok(d) = crate::progress::data_dir(data_dir) {
        let root = d.join("packs");
        if let Ok(entries) = std::fs::read_dir(&root) {
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("pack.yaml").is_file())
                .collect();
            found.sort();
            dirs.extend(found);
        }
    }
    dirs.extend(extra.iter().cloned());
    for d in dirs {
        match load::load_dir(&d) {
            Ok(p) => packs.push(p),
            Err(e) => broken.push(e.to_string()),
        }
    }
    (packs, broken)
}

/// Builds the app: packs, progress store, learner, language and theme.
pub fn build_app(opts: &Options) -> Result<App, String> {
    let (packs, broken) = load_packs(&opts.packs, opts.data_dir.as_deref(), !opts.no_builtin);
    let store = match Store::open_default(opts.data_dir.as_deref()) {
        Ok(s) => Some(s),
        Err(e) => return Err(e.to_string()),
    };
    let name = match &opts.learner {
        Some(n) => LearnerName::new(n.clone()).map_err(|e| e.to_string())?,
        None => LearnerName::default_profile(),
    };
    // A profile that cannot be created (a full disk at start) means nothing can be saved:
    // the status line says why.
    let (learner, no_learner) = match store.as_ref().map(|s| s.learner(&name)) {
        Some(Ok(l)) => (Some(l), None),
        Some(Err(e)) => (None, Some(e.to_string())),
        None => (None, None),
    };
    let saved = |k: Setting| match (&store, &learner) {
        (Some(s), Some(l)) => s.setting(l, k).ok().flatten(),
        _ => None,
    };
    let lang = opts
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| saved(Setting::Language).as_deref().and_then(Lang::parse))
        .unwrap_or_else(Lang::from_env);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color {
        Theme::no_color()
    } else {
        Theme::by_name(
            opts.theme
                .as_deref()
                .or(saved(Setting::Theme).as_deref())
                .unwrap_or("default"),
        )
    };
    let mut app = App::new(packs, broken, lang, theme, store, learner);
    // The learner's key file; a problem in it is shown, never fatal.
    let (keymap, problems) = keymap::Keymap::load();
    app.keymap = keymap;
    if !problems.is_empty() {
        app.status = problems.join("; ");
    }
    if let Some(e) = no_learner {
        app.save_note = Some(app::Msg { ok: false, text: e });
    }
    Ok(app)
}

/// Runs the TUI; returns the exit status.
pub fn run(opts: &Options) -> u8 {
    let mut app = match build_app(opts) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("iamdojo: {e}");
            return 2;
        }
    };
    let term_signal = Arc::new(AtomicBool::new(false));
    // SIGTERM and SIGHUP (the terminal went away): give the terminal back and leave at once.
    // A thread does it, because input reading can be stuck inside the terminal library when
    // the terminal is gone; every answer is already committed, so nothing is lost.
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
            let flag = Arc::clone(&term_signal);
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    flag.store(true, Ordering::Relaxed);
                    let _ = execute!(std::io::stdout(), DisableMouseCapture);
                    ratatui::restore();
                    std::process::exit(128 + sig);
                }
            });
        }
    }
    // ratatui::init enters the alternate screen and raw mode, and installs a panic hook that
    // restores the terminal before the panic message is printed.
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let code = event_loop(&mut terminal, &mut app, opts, &term_signal);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = std::io::stdout().flush();
    code
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    opts: &Options,
    stop: &AtomicBool,
) -> u8 {
    loop {
        if let Err(e) = terminal.draw(|f| view::draw(f, app)) {
            ratatui::restore();
            eprintln!("iamdojo: cannot draw: {e}");
            return 2;
        }
        if opts.exit_after_first_frame || app.quit || stop.load(Ordering::Relaxed) {
            return 0;
        }
        match event::poll(Duration::from_millis(250)) {
            Ok(true) => match event::read() {
                Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => app.key(k),
                Ok(Event::Mouse(m)) => match m.kind {
                    MouseEventKind::ScrollDown => app.scroll(true),
                    MouseEventKind::ScrollUp => app.scroll(false),
                    MouseEventKind::Down(MouseButton::Left) => app.click(m.column, m.row),
                    _ => {}
                },
                // Resizes need nothing but the redraw at the top of the loop.
                Ok(_) => {}
                Err(e) => {
                    ratatui::restore();
                    eprintln!("iamdojo: cannot read the terminal: {e}");
                    return 2;
                }
            },
            Ok(false) => app.tick(),
            Err(e) => {
                ratatui::restore();
                eprintln!("iamdojo: cannot read the terminal: {e}");
                return 2;
            }
        }
    }
}
