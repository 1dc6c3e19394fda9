//! The terminal user interface: the only module that imports ratatui and crossterm.
//! `app` holds the state and turns keys into changes (`update`), `view` draws it, `keymap` is
//! the one table of keys (dispatch and help), `i18n` the interface strings, `theme` the colours
//! and `markdown` the lesson text renderer. The same engines as the CLI do all the work.

pub mod app;
pub mod editor;
pub mod effect;
pub mod exercise;
pub mod i18n;
pub mod keymap;
pub mod line;
pub mod markdown;
pub mod panel;
pub mod plain;
pub mod theme;
pub mod view;

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::lesson::{Pack, PackSet};
use crate::msg::Message;
use crate::msg::cli::Cli as Say;
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
    /// Join this live class before starting (`--join URL --code CODE`).
    pub join: Option<Join>,
}

/// A live class to join: its URL and join code, as the instructor shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Join {
    /// The class server's URL.
    pub url: String,
    /// The join code.
    pub code: String,
    /// Over HTTPS, the certificate to trust instead of the public authorities (`--ca-file`).
    pub ca_file: Option<std::path::PathBuf>,
}

/// Loads the built-in course, the data directory's packs and `--pack` folders, in that
/// order; a pack whose id is already loaded is refused and listed with the broken ones, in
/// English ([`load_packs_in`] says why in another language).
pub fn load_packs(
    extra: &[PathBuf],
    data_dir: Option<&std::path::Path>,
    builtin: bool,
) -> (Vec<Pack>, Vec<String>) {
    load_packs_in(extra, data_dir, builtin, Lang::En)
}

/// [`load_packs`], with the broken packs' errors in `lang`.
pub fn load_packs_in(
    extra: &[PathBuf],
    data_dir: Option<&std::path::Path>,
    builtin: bool,
    lang: Lang,
) -> (Vec<Pack>, Vec<String>) {
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
    let set = PackSet::load_in(lang, builtin, &dirs);
    (set.packs, set.broken)
}

/// Builds the app: packs, progress store, learner, language and theme. An error is said in
/// the language of `--lang`, else the locale's (the saved language is not known yet).
pub fn build_app(opts: &Options) -> Result<App, String> {
    let asked = opts.lang.as_deref().and_then(Lang::parse);
    let early = asked.unwrap_or_else(Lang::from_env);
    let store = match Store::open_default(opts.data_dir.as_deref()) {
        Ok(s) => Some(s),
        Err(e) => return Err(e.message(early)),
    };
    let name = match &opts.learner {
        Some(n) => LearnerName::new(n.clone()).map_err(|e| e.to_string())?,
        None => LearnerName::default_profile(),
    };
    // A profile that cannot be created (a full disk at start) means nothing can be saved:
    // the status line says why.
    let (learner, no_learner) = match store.as_ref().map(|s| s.learner(&name)) {
        Some(Ok(l)) => (Some(l), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let saved = |k: Setting| match (&store, &learner) {
        (Some(s), Some(l)) => s.setting(l, k).ok().flatten(),
        _ => None,
    };
    let lang = asked
        .or_else(|| saved(Setting::Language).as_deref().and_then(Lang::parse))
        .unwrap_or_else(Lang::from_env);
    // The packs are loaded once the language is known, so that a broken one is listed with
    // its error in the learner's language.
    let (packs, broken) = load_packs_in(
        &opts.packs,
        opts.data_dir.as_deref(),
        !opts.no_builtin,
        lang,
    );
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
        app.status = keymap::KeyFileProblem::join(&problems, lang);
    }
    if let Some(e) = no_learner {
        app.save_note = Some(app::Msg {
            ok: false,
            text: e.message(lang),
        });
    }
    // Joining asks the server once, before the interface starts; after that only the
    // sender's thread talks to the network.
    if let (Some(j), Some(store), Some(learner)) = (&opts.join, &app.store, &app.learner) {
        let link =
            crate::class::client::join(store, learner, &j.url, &j.code, j.ca_file.as_deref())
                .map_err(|e| e.message(lang))?;
        app.status = crate::msg::class::Class::Joined.fill(
            lang,
            &[
                ("code", &link.code),
                ("url", &link.server),
                ("learner", learner.name()),
            ],
        );
    }
    app.start_class_sender(crate::class::client::Timing::default());
    Ok(app)
}

/// The signals whose default action ends the program, so the terminal must be given back
/// before it goes. SIGINT only comes as a signal from `kill` (in raw mode Ctrl-C is a key).
/// Left out: SIGPIPE (Rust ignores it, a closed pipe is an error return instead), the fault
/// signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGSYS, SIGTRAP: they cannot be
/// resumed safely), SIGKILL and SIGSTOP (they cannot be caught; `reset` repairs the
/// terminal after a `kill -9`).
#[cfg(unix)]
const TERMINATING_SIGNALS: &[i32] = {
    use signal_hook::consts::signal::*;
    &[
        SIGHUP,
        SIGINT,
        SIGQUIT,
        SIGTERM,
        SIGUSR1,
        SIGUSR2,
        SIGALRM,
        SIGVTALRM,
        SIGPROF,
        SIGXCPU,
        SIGXFSZ,
        // SIGIO ends a Linux process by default but is ignored on the BSDs and macOS.
        #[cfg(target_os = "linux")]
        SIGIO,
    ]
};

/// Held while a frame is written, so that the signal thread does not give the terminal back
/// in the middle of a frame (whose rest would land on the learner's normal screen).
static OUTPUT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Gives the terminal back: raw mode off, mouse capture off, alternate screen left, cursor
/// shown. The one restore used by the normal exit, every error return, the panic hook and the
/// signal thread. Every step is tried even if an earlier one failed (after SIGHUP the
/// terminal may be gone), and doing it twice is harmless.
pub fn restore() {
    use ratatui::crossterm::{cursor::Show, terminal};
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, terminal::LeaveAlternateScreen);
    let _ = execute!(out, Show);
    let _ = out.flush();
}

/// Takes the terminal: a panic hook that calls [`restore`] first, raw mode, the alternate
/// screen, mouse capture, and a cleared screen (a crashed or killed earlier run may have left
/// its frame there, which the first diff-based draw would not overwrite).
fn enter() -> std::io::Result<ratatui::DefaultTerminal> {
    use ratatui::crossterm::terminal;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    terminal.clear()?;
    Ok(terminal)
}

/// The terminating signal received, 0 for none: the event loop sees it within one poll and
/// leaves the way quitting does, exporting answers still waiting for the database.
static SIGNALLED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// How long the signal thread waits for the event loop to leave by itself.
const SIGNAL_GRACE: Duration = Duration::from_millis(1500);

/// On a terminating signal: let the event loop leave by itself (it keeps answers that wait for
/// a full disk by exporting them); if it does not within [`SIGNAL_GRACE`] (input reading can
/// be stuck inside the terminal library when the terminal is gone), wait briefly for the frame
/// being written, give the terminal back and leave with 128 + the signal number, as a shell
/// reports it.
#[cfg(unix)]
fn restore_on_signals() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new(TERMINATING_SIGNALS) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            SIGNALLED.store(sig, std::sync::atomic::Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            // A write stuck on a terminal that reads nothing must not keep us alive.
            let deadline = std::time::Instant::now() + Duration::from_millis(500);
            let _guard = loop {
                match OUTPUT.try_lock() {
                    Ok(g) => break Some(g),
                    Err(std::sync::TryLockError::Poisoned(p)) => break Some(p.into_inner()),
                    Err(std::sync::TryLockError::WouldBlock)
                        if std::time::Instant::now() < deadline =>
                    {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(std::sync::TryLockError::WouldBlock) => break None,
                }
            };
            restore();
            std::process::exit(128 + sig);
        }
    });
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
    #[cfg(unix)]
    restore_on_signals();
    let result = match enter() {
        Ok(mut terminal) => event_loop(&mut terminal, &mut app, opts),
        Err(e) => Err(Say::CannotSetUpTerminal.fill(app.lang, &[("error", &e)])),
    };
    restore();
    app.finish_class();
    let signalled = SIGNALLED.load(std::sync::atomic::Ordering::SeqCst);
    if signalled != 0 && !app.writes.is_empty() {
        // Answers the database could not take: keep them in a file rather than lose them.
        match app.export_waiting("") {
            Ok(line) | Err(line) => eprintln!("iamdojo: {}", crate::printable::clean(&line)),
        }
    }
    match result {
        Ok(()) if signalled != 0 => u8::try_from(128 + signalled).unwrap_or(255),
        Ok(()) => 0,
        Err(e) => {
            eprintln!("iamdojo: {e}");
            2
        }
    }
}

/// Draws and reads until the learner quits; an error says what failed, and the caller gives
/// the terminal back before printing it.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    opts: &Options,
) -> Result<(), String> {
    loop {
        {
            let _frame = OUTPUT
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            terminal
                .draw(|f| view::draw(f, app))
                .map_err(|e| Say::CannotDraw.fill(app.lang, &[("error", &e)]))?;
        }
        if opts.exit_after_first_frame
            || app.quit
            || SIGNALLED.load(std::sync::atomic::Ordering::SeqCst) != 0
        {
            return Ok(());
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
                Err(e) => return Err(Say::CannotReadTerminal.fill(app.lang, &[("error", &e)])),
            },
            Ok(false) => app.tick(),
            Err(e) => return Err(Say::CannotReadTerminal.fill(app.lang, &[("error", &e)])),
        }
    }
}

/// The width of the terminal in columns, if it can be told (the sandbox's `--output table`
/// fits it, as the AWS CLI does).
pub fn terminal_columns() -> Option<u16> {
    ratatui::crossterm::terminal::size().ok().map(|(w, _)| w)
}
