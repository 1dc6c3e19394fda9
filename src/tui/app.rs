//! The application model and its `update`: every key becomes an action that changes this
//! state; rendering (in `view`) only reads it. Nothing here touches the terminal, so the whole
//! app can be driven by tests. Every write to the progress store goes through `writes`,
//! which keeps what could not be saved and retries it; a failure is shown in the status line.

mod glossary;
pub mod writes;

use std::collections::BTreeSet;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::effect::Effect;
pub use super::exercise::Exercise;
use super::exercise::{self as component, investigate, policy, predict, quiz, read, task};
use super::i18n::{Lang, Message, Plain, Ui};
use super::keymap::{Action, Context, Keymap};
use super::panel::settings::Choice;
use super::panel::{Body, Kind, Panel};
use super::theme::Theme;
use crate::lesson::model::Solution;
use crate::lesson::run::{self};
use crate::lesson::{Lesson, LessonEntry, Pack, Step, StepKind};
use crate::progress::{Attempt, Completion, LessonId, PackId, Position, StepId, Store};
use writes::{Report, Write, Writes};

/// How often the tick retries waiting writes (a locked database can make one try take
/// the busy timeout, so not on every 250 ms poll).
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// The most save messages kept for the plain mode to print.
const MAX_NEWS: usize = 100;

/// A message under the exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// Good news or not.
    pub ok: bool,
    /// The text.
    pub text: String,
}

/// A lesson being worked through.
pub struct LessonState {
    /// Which pack.
    pub pack: usize,
    /// Which lesson.
    pub lesson_id: LessonId,
    /// The current step.
    pub step: usize,
    /// Scroll offset of the reading pane.
    pub scroll: u16,
    /// The largest reading scroll that still shows text (the rows past the pane's height),
    /// noted by the frame that draws a scrolling pane, so that `j` stops at the end instead
    /// of scrolling on into an empty pane.
    pub scroll_limit: std::cell::Cell<u16>,
    /// Rows the policy step's check pane is moved from where it follows the first request
    /// that comes out wrong (↑/↓, PgUp/PgDn, g/G); editing the policy follows it again.
    /// (Kept within the text by the frame that draws it, so g/G leave no debt to undo.)
    pub side_offset: std::cell::Cell<i32>,
    /// The exercise.
    pub ex: Exercise,
    /// Hints shown.
    pub hints: usize,
    /// The step is solved.
    pub solved: bool,
    /// The solution was shown.
    pub solution_shown: bool,
    /// The last message.
    pub message: Option<Msg>,
    /// Keys go to a text field.
    pub typing: bool,
    /// When the step was opened.
    pub started: Instant,
    /// The whole lesson was completed (on its last step).
    pub finished: bool,
    /// Asking whether to restart the exercise (y/n).
    pub confirm_reset: bool,
    /// Asking whether to show the solution (y/n): it is recorded, and a task's runs.
    pub confirm_solution: bool,
    /// The exercise's prompt is shown whole, over the work area (`v`).
    pub prompt_full: bool,
}

/// What the "Lesson complete" screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// Which pack.
    pub pack: usize,
    /// Which lesson.
    pub lesson_id: LessonId,
    /// Exercises solved.
    pub solved: usize,
    /// Exercises in the lesson.
    pub exercises: usize,
    /// Hints used over the lesson's steps.
    pub hints: u32,
    /// Steps whose solution was shown.
    pub solutions: u32,
    /// The next lesson (pack index, lesson id); none after the last one.
    pub next: Option<(usize, LessonId)>,
}

/// Where `c` on the home screen goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Continue {
    /// No position saved yet.
    Nowhere,
    /// Every exercise of every lesson is solved.
    AllDone,
    /// This lesson (pack index, lesson id) at this step.
    Open(usize, LessonId, usize),
}

/// Which screen.
pub enum Screen {
    /// The lesson list.
    Home,
    /// A lesson.
    Lesson(Box<LessonState>),
    /// A lesson just completed: what was learned and the next lesson.
    Complete(Box<Finished>),
}

/// A row of the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A pack's title.
    Pack(usize),
    /// A lesson of a pack (pack index, lesson entry index).
    Lesson(usize, usize),
    /// A pack that did not load.
    Broken(String),
}

/// The whole application state.
pub struct App {
    /// Interface language.
    pub lang: Lang,
    /// Colours.
    pub theme: Theme,
    /// Loaded packs.
    pub packs: Vec<Pack>,
    /// Packs that did not load, with their error.
    pub broken: Vec<String>,
    /// The rows of the home screen.
    pub rows: Vec<Row>,
    /// The selected row (always a lesson row when there is one).
    pub cursor: usize,
    /// The current screen.
    pub screen: Screen,
    /// The help overlay is open.
    pub help: bool,
    /// How far the help overlay is scrolled (when it does not fit).
    pub help_scroll: u16,
    /// Asking whether to quit.
    pub confirm_quit: bool,
    /// The app should exit.
    pub quit: bool,
    /// The progress store.
    pub store: Option<Store>,
    /// The learner.
    pub learner: Option<crate::progress::Learner>,
    /// Lessons completed: (pack id, lesson id).
    pub completed: BTreeSet<(PackId, LessonId)>,
    /// Steps solved: (pack id, lesson id, step id).
    pub solved: BTreeSet<(PackId, LessonId, StepId)>,
    /// A line for the status bar.
    pub status: String,
    /// A panel open over the screen.
    pub panel: Option<super::panel::Panel>,
    /// The keys in use (defaults changed by the learner's key file).
    pub keymap: Keymap,
    /// Where the learner left off, as "lesson — step n" (none for a new learner).
    pub resume_label: Option<String>,
    /// Where the last frame drew clickable rows (written while drawing, read on a click).
    pub hits: std::cell::RefCell<Vec<(ratatui::layout::Rect, Target)>>,
    /// The width inside the sandbox console of the last frame (written while drawing), which
    /// the sandbox takes as its terminal's, as the AWS CLI fits `--output table` to it.
    pub console_width: std::cell::Cell<u16>,
    /// Every store write, and those waiting to be retried.
    pub writes: Writes,
    /// The status line about saving: a failure (not ok) or waiting writes saved (ok).
    pub save_note: Option<Msg>,
    /// Save messages not yet printed by the plain mode, oldest first.
    pub news: std::collections::VecDeque<String>,
    /// The path being typed to export waiting writes to, while quitting.
    pub export_path: Option<String>,
    /// When waiting writes were last tried.
    last_try: Instant,
    /// The last position saved: (pack id, lesson id, step key).
    last_pos: Option<(PackId, LessonId, StepId)>,
    /// Exercises left during this session, kept as they were (the edited policy, a task's
    /// sandbox and console), by (pack id, lesson id, step key); shown again when the learner
    /// comes back.
    kept: std::collections::HashMap<(PackId, LessonId, StepId), Exercise>,
    /// Each panel's selection and scroll when it was last closed.
    panel_pos: std::collections::HashMap<super::panel::Kind, (usize, u16)>,
    /// Hints used and solutions shown by step in this session (pack, lesson, step).
    aids: std::collections::BTreeMap<(PackId, LessonId, StepId), (u32, bool)>,
    /// The live class's sender, while the learner is joined to one.
    pub class: Option<crate::class::client::Sender>,
    /// What the sender last said, copied on every tick for the status line.
    pub class_status: Option<crate::class::client::Status>,
}

/// Something a mouse click can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A row of the home screen.
    HomeRow(usize),
    /// A row of the open panel's list.
    PanelRow(usize),
}

impl App {
    /// A new app over these packs.
    pub fn new(
        packs: Vec<Pack>,
        broken: Vec<String>,
        lang: Lang,
        theme: Theme,
        store: Option<Store>,
        learner: Option<crate::progress::Learner>,
    ) -> App {
        let mut rows = Vec::new();
        for (pi, p) in packs.iter().enumerate() {
            rows.push(Row::Pack(pi));
            for li in 0..p.lessons.len() {
                rows.push(Row::Lesson(pi, li));
            }
        }
        rows.extend(broken.iter().cloned().map(Row::Broken));
        let mut app = App {
            lang,
            theme,
            packs,
            broken,
            rows,
            cursor: 0,
            screen: Screen::Home,
            help: false,
            help_scroll: 0,
            confirm_quit: false,
            quit: false,
            store,
            learner,
            completed: BTreeSet::new(),
            solved: BTreeSet::new(),
            status: String::new(),
            panel: None,
            keymap: Keymap::default(),
            hits: std::cell::RefCell::new(Vec::new()),
            console_width: std::cell::Cell::new(0),
            resume_label: None,
            writes: Writes::default(),
            save_note: None,
            news: std::collections::VecDeque::new(),
            export_path: None,
            last_try: Instant::now(),
            last_pos: None,
            kept: std::collections::HashMap::new(),
            panel_pos: std::collections::HashMap::new(),
            aids: std::collections::BTreeMap::new(),
            class: None,
            class_status: None,
        };
        app.cursor = app
            .rows
            .iter()
            .position(|r| matches!(r, Row::Lesson(..)))
            .unwrap_or(0);
        app.load_progress();
        app
    }

    fn load_progress(&mut self) {
        let (Some(store), Some(learner)) = (&self.store, &self.learner) else {
            return;
        };
        if let Ok(d) = store.dashboard(learner) {
            for l in &d.lessons {
                if l.completed.is_some() {
                    self.completed.insert((l.pack.clone(), l.lesson.clone()));
                }
            }
        }
        let mut seen = Vec::new();
        for p in &self.packs {
            let pack_id = p.meta.id.clone();
            seen.push(Write::PackSeen {
                pack: pack_id.clone(),
                version: p.meta.version.clone(),
                hash: p.content_hash.clone(),
                at: jiff::Timestamp::now(),
            });
            for l in p.ok_lessons() {
                if let Ok(steps) = store.lesson_steps(learner, &pack_id, &l.id) {
                    for s in steps.iter().filter(|s| s.solved) {
                        self.solved
                            .insert((pack_id.clone(), l.id.clone(), s.step.clone()));
                    }
                }
            }
        }
        if !store.is_saving() {
            self.status = Ui::HomeNotsaving.text(self.lang).to_string();
        }
        if let Ok(Some(pos)) = store.last_position(learner) {
            self.last_pos = Some((pos.pack.clone(), pos.lesson.clone(), pos.step));
        }
        self.resume_label = self.continue_label();
        for w in seen {
            self.save(w);
        }
    }

    /// Writes to the store through [`Writes`] (waiting writes first, in order) and shows
    /// the outcome; true when this write reached the store.
    fn save(&mut self, write: Write) -> bool {
        let (Some(store), Some(learner)) = (&self.store, &self.learner) else {
            return false;
        };
        let report = self.writes.save(store, learner, write);
        self.last_try = Instant::now();
        self.show_save(&report);
        report.saved
    }

    /// Retries the writes waiting to be saved now, in the order they were made.
    pub fn retry_saving(&mut self) {
        let Some(store) = &self.store else {
            return;
        };
        if self.writes.is_empty() {
            return;
        }
        let report = self.writes.retry(store);
        self.last_try = Instant::now();
        self.show_save(&report);
    }

    /// Starts delivering the learner's answers to the class they joined, if they joined
    /// one and progress is saved to a file (the sender reads the same file).
    pub fn start_class_sender(&mut self, timing: crate::class::client::Timing) {
        let (Some(store), Some(learner)) = (&self.store, &self.learner) else {
            return;
        };
        let crate::progress::Saving::ToFile(path) = store.saving() else {
            return;
        };
        if matches!(store.class_link(learner), Ok(Some(_))) {
            self.class = Some(crate::class::client::Sender::start(
                path.clone(),
                learner.name().clone(),
                timing,
            ));
            self.class_status = Some(crate::class::client::Status::default());
        }
    }

    /// On quitting: lets the class sender deliver what is waiting for a moment (never
    /// long, and not at all when offline: the answers wait in the outbox).
    pub fn finish_class(&mut self) {
        if let Some(s) = self.class.take() {
            s.finish(std::time::Duration::from_secs(3));
        }
    }

    /// Called by the event loop on every poll: retries waiting writes every few seconds,
    /// and copies the class sender's status for the status line.
    pub fn tick(&mut self) {
        if let Some(s) = &self.class {
            self.class_status = Some(s.status());
        }
        if !self.writes.is_empty() && self.last_try.elapsed() >= RETRY_EVERY {
            self.retry_saving();
        }
    }

    /// The status line for a save's outcome, and the same line for the plain mode.
    fn show_save(&mut self, report: &Report) {
        let text = if let Some(f) = &report.failed {
            Some((false, self.failure_text(f)))
        } else if report.flushed.1 > 0 && self.writes.is_empty() {
            Some((
                true,
                if report.flushed.0 > 0 {
                    Ui::SaveFlushed
                        .text(self.lang)
                        .replace("{n}", &report.flushed.0.to_string())
                } else {
                    Ui::SaveFlushedOther.text(self.lang).to_string()
                },
            ))
        } else {
            None
        };
        if let Some((ok, text)) = text {
            if self.news.len() >= MAX_NEWS {
                self.news.pop_front();
            }
            self.news.push_back(text.clone());
            self.save_note = Some(Msg { ok, text });
        }
    }

    fn failure_text(&self, f: &writes::Failure) -> String {
        if f.disk_full {
            Ui::SaveFull.text(self.lang).to_string()
        } else {
            Ui::SaveFailed
                .text(self.lang)
                .replace("{e}", &f.message(self.lang))
        }
    }

    /// Why writes are waiting, in a few words, for the quit question.
    pub fn waiting_reason(&self) -> String {
        match self.writes.failure() {
            Some(f) if f.disk_full => Ui::ReasonFull.text(self.lang).to_string(),
            Some(f) => format!("{}: {}", Ui::ReasonDb.text(self.lang), f.message(self.lang)),
            None => Ui::ReasonDb.text(self.lang).to_string(),
        }
    }

    /// The save messages not yet taken, oldest first (the plain mode prints them).
    pub fn take_news(&mut self) -> Vec<String> {
        self.news.drain(..).collect()
    }

    /// The quit question's text when writes are waiting.
    pub fn unsaved_quit_text(&self) -> String {
        Ui::QuitUnsaved
            .text(self.lang)
            .replace("{n}", &self.writes.answers().to_string())
            .replace("{reason}", &self.waiting_reason())
    }

    /// Exports the waiting writes to `path`, or to the default path when it is empty (see
    /// [`Writes::export_to`]); the line to show says where, or why not.
    pub fn export_waiting(&mut self, path: &str) -> Result<String, String> {
        let path = path.trim();
        let target = if path.is_empty() {
            writes::default_export_path()
        } else {
            std::path::PathBuf::from(path)
        };
        let shown = target.display().to_string();
        match self.writes.export_to(&target) {
            Ok(_) => Ok(Ui::ExportDone
                .text(self.lang)
                .replace("{n}", &self.writes.answers().to_string())
                .replace("{path}", &shown)),
            Err(e) => {
                let why = if e.kind() == std::io::ErrorKind::StorageFull {
                    Ui::ReasonFull.text(self.lang).to_string()
                } else {
                    e.to_string()
                };
                Err(Ui::ExportFailed
                    .text(self.lang)
                    .replace("{path}", &shown)
                    .replace("{e}", &why))
            }
        }
    }

    /// "Lesson title — step n of m" for a saved position, if the lesson is loaded.
    fn position_label(&self, pack: &PackId, lesson: &LessonId, step: &StepId) -> Option<String> {
        let p = self.packs.iter().find(|p| &p.meta.id == pack)?;
        let l = p.lesson(lesson)?;
        let n = l
            .steps
            .iter()
            .enumerate()
            .position(|(i, s)| &s.key(i) == step)
            .unwrap_or(0);
        Some(format!(
            "{} — {} {} {} {}",
            tr(&l.title, self, p),
            Ui::LessonStep.text(self.lang),
            n + 1,
            Ui::LessonOf.text(self.lang),
            l.steps.len()
        ))
    }

    /// The language code for lesson texts.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The lesson on screen.
    pub fn current(&self) -> Option<(&Pack, &Lesson, &LessonState)> {
        let Screen::Lesson(ls) = &self.screen else {
            return None;
        };
        let p = self.packs.get(ls.pack)?;
        let l = p.lesson(&ls.lesson_id)?;
        Some((p, l, ls))
    }

    /// The key context now.
    pub fn context(&self) -> Context {
        if self.panel.is_some() {
            return Context::Panel;
        }
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Lesson(ls) if ls.typing => Context::Typing,
            Screen::Lesson(_) => Context::Lesson,
            Screen::Complete(_) => Context::Complete,
        }
    }

    /// The footer's actions in a panel: with the key that scrolls the detail while the list
    /// has the keys and the detail goes on below.
    fn panel_footer(&self) -> Vec<Action> {
        use Action as A;
        let mut v = vec![A::Back, A::Up, A::Down, A::Enter];
        if self.panel.as_ref().is_some_and(Panel::detail_goes_on) {
            v.insert(3, A::DetailDown);
        }
        v
    }

    /// The actions the footer shows on this screen, most useful first: only those that do
    /// something here (a choice to toggle only in a quiz, the console/answer switch only in an
    /// investigation, hints only when the step has some).
    pub fn footer_actions(&self) -> Vec<Action> {
        use Action as A;
        let ctx = self.context();
        if self
            .panel
            .as_ref()
            .is_some_and(|p| p.kind == Kind::Glossary)
        {
            return vec![A::Back, A::Filter, A::Up, A::Down, A::Focus];
        }
        let Some((_, lesson, ls)) = self.current() else {
            return match ctx {
                Context::Home => vec![
                    A::Enter,
                    A::Continue,
                    A::Dashboard,
                    A::Settings,
                    A::Language,
                    A::Quit,
                ],
                Context::Complete => vec![A::Enter, A::Back, A::Quit],
                Context::Panel => self.panel_footer(),
                _ => vec![A::Back],
            };
        };
        if ctx == Context::Panel {
            return self.panel_footer();
        }
        let step = lesson.steps.get(ls.step);
        let hints = step.is_some_and(|s| !s.hints.is_empty());
        let solution = step.is_some_and(|s| s.solution.is_some());
        let sandbox = ls.ex.has_console();
        // A step that links glossary terms says where they are.
        let linked = !self.step_terms().is_empty();
        let mut v = Vec::new();
        if ctx == Context::Typing {
            v.push(A::Back);
            if matches!(
                ls.ex,
                Exercise::Policy { .. }
                    | Exercise::Investigate {
                        on_answer: true,
                        ..
                    }
            ) {
                v.push(A::Check);
            }
            if matches!(ls.ex, Exercise::Policy { .. }) {
                v.push(A::Undo);
            }
            if matches!(ls.ex, Exercise::Investigate { .. }) {
                v.push(A::Focus);
            }
            v.push(A::Next);
            if hints {
                v.push(A::Hint);
            }
            if sandbox {
                // "Explain the last denial" only once a call was denied.
                if let Exercise::Task { run, .. } | Exercise::Investigate { run, .. } = &ls.ex
                    && run.sandbox.last_denial.is_some()
                {
                    v.push(A::Explain);
                }
                v.push(A::Account);
            }
            if linked {
                v.push(A::Glossary);
            }
            return v;
        }
        match &ls.ex {
            Exercise::Read | Exercise::Broken(_) => {
                v.push(A::Next);
                // There is no step before the first.
                if ls.step > 0 {
                    v.push(A::Prev);
                }
                v.extend([A::Down, A::Back]);
            }
            Exercise::Quiz { .. } => v.extend([A::Toggle, A::Enter, A::Next]),
            Exercise::Predict { .. } => v.extend([A::Enter, A::Next]),
            Exercise::Policy { .. } | Exercise::Task { .. } | Exercise::Investigate { .. } => {
                v.extend([A::Focus, A::Next])
            }
        }
        if ls.ex.is_exercise() {
            if hints {
                v.push(A::Hint);
            }
            if solution {
                v.push(A::Solution);
            }
            if self.sandbox_account().is_some() {
                v.push(A::Account);
            }
            if ls.step > 0 {
                v.push(A::Prev);
            }
            v.push(A::Back);
        }
        if linked {
            // On a reading, right after "next": the glossary is what the reader may want.
            let at = if matches!(ls.ex, Exercise::Read) {
                1
            } else {
                v.len()
            };
            v.insert(at.min(v.len()), A::Glossary);
        }
        v
    }

    /// Handles one key press.
    pub fn key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            // With answers waiting to be saved, Ctrl+C asks like q; a second one quits.
            self.retry_saving();
            if self.writes.is_empty() || self.confirm_quit {
                self.quit = true;
            } else {
                self.confirm_quit = true;
            }
            return;
        }
        if let Some(path) = &mut self.export_path {
            match key.code {
                KeyCode::Enter => {
                    let path = std::mem::take(path);
                    self.export_path = None;
                    self.confirm_quit = false;
                    match self.export_waiting(&path) {
                        Ok(line) => {
                            self.save_note = Some(Msg {
                                ok: true,
                                text: line,
                            });
                            self.quit = true;
                        }
                        Err(line) => {
                            self.save_note = Some(Msg {
                                ok: false,
                                text: line,
                            })
                        }
                    }
                }
                KeyCode::Esc => {
                    self.export_path = None;
                    self.confirm_quit = false;
                }
                KeyCode::Backspace => {
                    path.pop();
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => path.push(c),
                _ => {}
            }
            return;
        }
        if self.help {
            // The arrows and page keys scroll a help that does not fit; any other key closes it.
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    self.help_scroll = self.help_scroll.saturating_add(1)
                }
                KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                KeyCode::PageDown => self.help_scroll = self.help_scroll.saturating_add(10),
                _ => self.help = false,
            }
            return;
        }
        // Typing the glossary's filter: keys are text.
        if let Some(p) = &mut self.panel
            && p.filter_key(&key)
        {
            return;
        }
        // Typing a new learner's name in the settings.
        if let Some(p) = &mut self.panel
            && let Some(buf) = &mut p.input
        {
            match key.code {
                KeyCode::Enter => {
                    let name = std::mem::take(buf);
                    p.input = None;
                    self.add_learner(name.trim());
                }
                KeyCode::Esc => p.input = None,
                KeyCode::Backspace => {
                    buf.pop();
                }
                KeyCode::Char(c)
                    if !key.modifiers.contains(KeyModifiers::CONTROL)
                        && buf.chars().count() < 64 =>
                {
                    buf.push(c)
                }
                _ => {}
            }
            return;
        }
        if self.confirm_quit {
            self.confirm_quit = false;
            match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.quit = true,
                KeyCode::Char('e') | KeyCode::Char('E') if !self.writes.is_empty() => {
                    self.confirm_quit = true;
                    self.export_path = Some(writes::default_export_path().display().to_string());
                }
                _ => {}
            }
            return;
        }
        // The answer to "restart?" or "show the solution?" (y/n): anything but y keeps things.
        if let Screen::Lesson(ls) = &mut self.screen
            && (ls.confirm_reset || ls.confirm_solution)
            && self.panel.is_none()
        {
            let solution = std::mem::take(&mut ls.confirm_solution);
            ls.confirm_reset = false;
            let yes = matches!(key.code, KeyCode::Char('y' | 'Y'));
            match (solution, yes) {
                (false, true) => self.reset_exercise(),
                (true, true) => self.show_solution(),
                (false, false) => self.say(false, Ui::ResetKept.text(self.lang).to_string()),
                (true, false) => self.say(false, Ui::SolutionKept.text(self.lang).to_string()),
            }
            return;
        }
        let ctx = self.context();
        let action = self.keymap.action_for(ctx, &key);
        if ctx == Context::Typing {
            match action {
                Some(a) => self.act(a),
                None => self.type_key(key),
            }
            return;
        }
        if let Some(a) = action {
            self.act(a);
        }
    }

    /// A left click at a cell: the first click selects a row, a click on the selected row
    /// opens it (as Enter).
    pub fn click(&mut self, column: u16, row: u16) {
        let at = ratatui::layout::Position::new(column, row);
        let target = self
            .hits
            .borrow()
            .iter()
            .find(|(r, _)| r.contains(at))
            .map(|(_, t)| *t);
        match target {
            Some(Target::HomeRow(i)) if self.panel.is_none() => {
                if !matches!(self.rows.get(i), Some(Row::Lesson(..))) {
                    return;
                }
                if self.cursor == i {
                    self.act(Action::Enter);
                } else {
                    self.cursor = i;
                }
            }
            Some(Target::PanelRow(i)) => {
                if let Some(p) = &mut self.panel {
                    if p.cursor == i && !p.detail {
                        self.panel_action(Action::Enter);
                    } else {
                        p.cursor = i;
                        p.detail = false;
                        p.scroll = 0;
                    }
                }
            }
            _ => {}
        }
    }

    /// Puts `text` in the policy editor in place of its content, as a paste would, and checks
    /// it live; the attempt is recorded by Ctrl+S, as when typing. False when the step on
    /// screen is not a policy exercise.
    pub fn replace_policy(&mut self, text: &str) -> bool {
        let Some((pack, lesson, ls)) = self.current() else {
            return false;
        };
        let Some(step) = lesson.steps.get(ls.step) else {
            return false;
        };
        let report = run::check_policy(pack, lesson, step, text);
        let style = self.theme.dim;
        let Screen::Lesson(ls) = &mut self.screen else {
            return false;
        };
        let Exercise::Policy {
            editor,
            report: r,
            dirty,
        } = &mut ls.ex
        else {
            return false;
        };
        let mut e = TextArea::new(text.lines().map(str::to_string).collect());
        e.set_line_number_style(style);
        **editor = e;
        *r = Some(report);
        *dirty = true;
        true
    }

    /// Scrolls with the mouse wheel.
    pub fn scroll(&mut self, down: bool) {
        self.act(if down { Action::Down } else { Action::Up });
    }

    /// Does what `a` asks, as a key bound to it would (plain mode asks by action, so that a
    /// remapped key file cannot break it).
    pub(crate) fn act(&mut self, a: Action) {
        match a {
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Language => {
                self.lang = if self.lang == Lang::En {
                    Lang::Ja
                } else {
                    Lang::En
                };
                self.save_setting(crate::progress::Setting::Language, self.lang.code());
            }
            Action::Theme => {
                if self.theme.name != "no-color" {
                    self.theme = if self.theme.name == "default" {
                        Theme::high_contrast()
                    } else {
                        Theme::default_theme()
                    };
                    self.save_setting(crate::progress::Setting::Theme, self.theme.name);
                }
            }
            Action::Account => self.open_panel(Kind::Account),
            Action::Explain => self.open_panel(Kind::Explain),
            Action::Findings => self.open_panel(Kind::Findings),
            Action::Dashboard => self.open_panel(Kind::Progress),
            Action::Settings => self.open_panel(Kind::Settings),
            Action::Glossary => self.open_panel(Kind::Glossary),
            _ if self.panel.is_some() => self.panel_action(a),
            Action::Quit => {
                self.retry_saving();
                if self.unsaved_work() || !self.writes.is_empty() {
                    self.confirm_quit = true;
                } else {
                    self.quit = true;
                }
            }
            _ => match self.screen {
                Screen::Home => self.home_action(a),
                Screen::Lesson(_) => self.lesson_action(a),
                Screen::Complete(_) => self.complete_action(a),
            },
        }
    }

    /// The account of the sandbox on screen, if the exercise has one.
    pub fn sandbox_account(&self) -> Option<&crate::account::Account> {
        let Screen::Lesson(ls) = &self.screen else {
            return None;
        };
        ls.ex.account()
    }

    /// The decision to explain: the prediction's answer, else the sandbox's last denial.
    fn decision_to_explain(&self) -> Option<Box<crate::account::DecisionTrace>> {
        let Screen::Lesson(ls) = &self.screen else {
            return None;
        };
        ls.ex.decision()
    }

    /// Opens a panel, gathering its data now (not while drawing).
    pub fn open_panel(&mut self, kind: Kind) {
        let body = match kind {
            Kind::Explain => Body::Explain(self.decision_to_explain()),
            Kind::Findings => Body::Findings(match &self.screen {
                Screen::Lesson(ls) => ls.ex.findings(),
                _ => None,
            }),
            Kind::Account => {
                let lang = self.lang;
                Body::Account(self.sandbox_account().map(|a| super::panel::tree(a, lang)))
            }
            // A store that cannot be read is said in the status line, never passed over.
            Kind::Progress => Body::Progress(match (&self.store, &self.learner) {
                (Some(s), Some(l)) => match s.dashboard(l) {
                    // In the course's order, as the lesson list shows it.
                    Ok(mut d) => {
                        let cat = super::panel::catalog(&self.packs, self.lang);
                        d.lessons.sort_by_key(|x| {
                            (
                                x.pack.clone(),
                                cat.number(&x.pack, &x.lesson).unwrap_or(u64::MAX),
                                x.lesson.clone(),
                            )
                        });
                        Some(d)
                    }
                    Err(e) => {
                        self.status = e.message(self.lang);
                        None
                    }
                },
                _ => None,
            }),
            Kind::Settings => Body::Settings(match &self.store {
                Some(s) => match s.learners() {
                    Ok(l) => l,
                    Err(e) => {
                        self.status = e.message(self.lang);
                        Vec::new()
                    }
                },
                None => Vec::new(),
            }),
            Kind::Glossary => Body::Glossary(self.glossary_list()),
        };
        let mut panel = Panel::new(kind, body);
        if let Some(&(cursor, scroll)) = self.panel_pos.get(&kind) {
            // Back where it was left, as far as the list still reaches.
            panel.step(i32::try_from(cursor).unwrap_or(i32::MAX));
            panel.scroll = scroll;
        }
        // Opened from a step that links terms, the glossary starts at the first of them.
        if let Body::Glossary(g) = &panel.body
            && g.pinned > 0
        {
            panel.cursor = 0;
            panel.scroll = 0;
        }
        self.panel = Some(panel);
    }

    fn panel_action(&mut self, a: Action) {
        let account = match &self.screen {
            Screen::Lesson(ls) => ls.ex.account(),
            Screen::Home | Screen::Complete(_) => None,
        };
        let Some(p) = &mut self.panel else {
            return;
        };
        match a {
            Action::Back if p.detail => p.detail = false,
            Action::Back | Action::Quit => {
                // The panel's selection and scroll are kept for the next time it opens.
                self.panel_pos.insert(p.kind, (p.cursor, p.scroll));
                self.panel = None;
            }
            Action::Up => p.step(-1),
            Action::Down => p.step(1),
            Action::PageUp => p.step(-10),
            Action::PageDown => p.step(10),
            Action::DetailUp => p.scroll_detail(-1),
            Action::DetailDown => p.scroll_detail(1),
            Action::Top => p.step(-1_000_000),
            Action::Bottom => p.step(1_000_000),
            Action::Focus => {
                p.detail = !p.detail;
                p.scroll = 0;
            }
            Action::Enter if p.kind == Kind::Settings => {
                let row = p.cursor;
                let learners = match &p.body {
                    Body::Settings(l) => l.clone(),
                    _ => Vec::new(),
                };
                match super::panel::settings::choice(row) {
                    Choice::Language => self.act(Action::Language),
                    Choice::Theme => self.act(Action::Theme),
                    Choice::NextLearner => self.next_learner(&learners),
                    Choice::NewLearner => {
                        if let Some(p) = &mut self.panel {
                            p.input = Some(String::new());
                        }
                    }
                }
            }
            Action::Enter => p.open(account),
            Action::Filter => p.start_filter(),
            _ => {}
        }
    }

    /// Creates (or opens) the learner profile `name`, switches to it and lists it.
    fn add_learner(&mut self, name: &str) {
        let Some(store) = &self.store else {
            return;
        };
        let lang = self.lang;
        let opened = crate::progress::LearnerName::new(name.to_string())
            .map_err(crate::progress::ProgressError::from)
            .and_then(|n| store.learner(&n))
            .and_then(|l| Ok((l, store.learners()?)))
            .map_err(|e| e.message(lang));
        match opened {
            Ok((l, learners)) => {
                self.learner = Some(l);
                self.completed.clear();
                self.solved.clear();
                self.resume_label = None;
                self.status = String::new();
                self.load_progress();
                if let Some(p) = &mut self.panel {
                    p.body = Body::Settings(learners);
                }
            }
            Err(e) => self.status = e,
        }
    }

    /// Switches to the next learner profile of the store and reloads its progress.
    fn next_learner(&mut self, learners: &[crate::progress::LearnerName]) {
        let Some(store) = &self.store else {
            return;
        };
        if learners.is_empty() {
            return;
        }
        let now = self.learner.as_ref().map(|l| l.name().to_string());
        let i = learners
            .iter()
            .position(|n| Some(n.as_str()) == now.as_deref())
            .map_or(0, |i| (i + 1) % learners.len());
        let Some(name) = learners.get(i) else {
            return;
        };
        match store.learner(name) {
            Ok(l) => {
                self.learner = Some(l);
                self.completed.clear();
                self.solved.clear();
                self.load_progress();
            }
            Err(e) => self.status = e.message(self.lang),
        }
    }

    fn save_setting(&mut self, s: crate::progress::Setting, v: &str) {
        self.save(Write::Setting {
            setting: s,
            value: v.to_string(),
            at: jiff::Timestamp::now(),
        });
    }

    /// Work that quitting would lose: on the exercise on screen, or on one left earlier in
    /// this session and kept for coming back.
    fn unsaved_work(&self) -> bool {
        let here = match &self.screen {
            Screen::Lesson(ls) => ls.ex.unsaved(ls.solved),
            Screen::Home | Screen::Complete(_) => false,
        };
        here || self
            .kept
            .iter()
            .any(|(k, ex)| ex.unsaved(self.solved.contains(k)))
    }

    fn home_action(&mut self, a: Action) {
        if a == Action::Continue {
            self.resume();
            return;
        }
        let lessons: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Lesson(..)))
            .map(|(i, _)| i)
            .collect();
        let pos = lessons.iter().position(|i| *i == self.cursor).unwrap_or(0);
        match a {
            Action::Up => {
                self.cursor = lessons
                    .get(pos.saturating_sub(1))
                    .copied()
                    .unwrap_or(self.cursor)
            }
            Action::Down => {
                self.cursor = lessons
                    .get((pos + 1).min(lessons.len().saturating_sub(1)))
                    .copied()
                    .unwrap_or(self.cursor)
            }
            Action::Top => self.cursor = lessons.first().copied().unwrap_or(self.cursor),
            Action::Bottom => self.cursor = lessons.last().copied().unwrap_or(self.cursor),
            Action::Enter => {
                if let Some(Row::Lesson(p, l)) = self.rows.get(self.cursor).cloned()
                    && let Some(LessonEntry::Ok { lesson, .. }) =
                        self.packs.get(p).and_then(|pk| pk.lessons.get(l))
                {
                    let id = lesson.id.clone();
                    self.open_lesson(p, &id, 0);
                }
            }
            _ => {}
        }
    }

    /// Opens the lesson of home row `row` (as selecting it and pressing Enter does); false
    /// when the row is not a lesson that loaded.
    pub fn open_row(&mut self, row: usize) -> bool {
        if !matches!(self.rows.get(row), Some(Row::Lesson(..))) {
            return false;
        }
        self.screen = Screen::Home;
        self.cursor = row;
        self.act(Action::Enter);
        matches!(self.screen, Screen::Lesson(_))
    }

    /// Opens a lesson at a step.
    pub fn open_lesson(&mut self, pack: usize, lesson_id: &LessonId, step: usize) {
        // The lesson list selects the lesson opened, however it was opened (Enter, `c`, the
        // next lesson), so that coming back finds it.
        if let Some(row) = self.rows.iter().position(|r| match r {
            Row::Lesson(p, l) => {
                *p == pack
                    && matches!(
                        self.packs.get(*p).and_then(|pk| pk.lessons.get(*l)),
                        Some(LessonEntry::Ok { lesson, .. }) if &lesson.id == lesson_id
                    )
            }
            _ => false,
        }) {
            self.cursor = row;
        }
        self.leave_step();
        self.screen = Screen::Lesson(Box::new(LessonState {
            pack,
            lesson_id: lesson_id.clone(),
            step,
            scroll: 0,
            side_offset: std::cell::Cell::new(0),
            scroll_limit: std::cell::Cell::new(u16::MAX),
            ex: Exercise::Read,
            hints: 0,
            solved: false,
            solution_shown: false,
            message: None,
            typing: false,
            started: Instant::now(),
            finished: false,
            confirm_reset: false,
            confirm_solution: false,
            prompt_full: false,
        }));
        self.enter_step(step);
    }

    /// Opens the next unfinished exercise (see [`App::continue_target`]); false when there
    /// is none, with the status saying so when everything is done.
    pub fn resume(&mut self) -> bool {
        match self.continue_target() {
            Continue::Open(pi, id, step) => {
                self.open_lesson(pi, &id, step);
                true
            }
            Continue::AllDone => {
                self.status = Ui::HomeAllDone.text(self.lang).to_string();
                false
            }
            Continue::Nowhere => false,
        }
    }

    /// Every exercise of every lesson is solved (and the learner has started).
    pub fn all_done(&self) -> bool {
        self.continue_target() == Continue::AllDone
    }

    /// The loaded lessons in the order of the home screen: (pack index, lesson).
    fn course(&self) -> Vec<(usize, &Lesson)> {
        self.rows
            .iter()
            .filter_map(|r| match r {
                Row::Lesson(pi, li) => match self.packs.get(*pi)?.lessons.get(*li)? {
                    LessonEntry::Ok { lesson, .. } => Some((*pi, &**lesson)),
                    LessonEntry::Broken { .. } => None,
                },
                _ => None,
            })
            .collect()
    }

    fn step_solved(&self, pack: usize, lesson: &Lesson, i: usize, s: &Step) -> bool {
        self.packs.get(pack).is_some_and(|p| {
            self.solved
                .contains(&(p.meta.id.clone(), lesson.id.clone(), step_key(s, i)))
        })
    }

    /// Where `c` goes: from the last position, the saved step when it is still to do (an
    /// unsolved exercise, or a reading step of an unfinished lesson), else the first unsolved
    /// exercise after it in this lesson, else one skipped before it in this lesson, else the
    /// first unsolved exercise of the next lessons (a lesson not begun opens at its first
    /// step), coming round to the lessons before it.
    pub fn continue_target(&self) -> Continue {
        let Some((pack, lesson, step)) = &self.last_pos else {
            return Continue::Nowhere;
        };
        let course = self.course();
        if course.is_empty() {
            return Continue::Nowhere;
        }
        let start = course
            .iter()
            .position(|(pi, l)| {
                self.packs.get(*pi).is_some_and(|p| &p.meta.id == pack) && &l.id == lesson
            })
            .unwrap_or(0);
        let todo = |pi: usize, l: &Lesson, i: usize, s: &Step| {
            s.kind() != StepKind::Read && !self.step_solved(pi, l, i, s)
        };
        for k in 0..=course.len() {
            let Some((pi, l)) = course.get((start + k) % course.len().max(1)) else {
                break;
            };
            let (pi, l) = (*pi, *l);
            let unfinished = l.steps.iter().enumerate().any(|(i, s)| todo(pi, l, i, s));
            let begun = l
                .steps
                .iter()
                .enumerate()
                .any(|(i, s)| self.step_solved(pi, l, i, s));
            let done_reading = l.steps.iter().all(|s| s.kind() == StepKind::Read)
                && self
                    .packs
                    .get(pi)
                    .is_some_and(|p| self.completed.contains(&(p.meta.id.clone(), l.id.clone())));
            if k == 0 {
                let saved = l
                    .steps
                    .iter()
                    .enumerate()
                    .position(|(i, s)| &s.key(i) == step)
                    .unwrap_or(0);
                if let Some(s) = l.steps.get(saved)
                    && (todo(pi, l, saved, s)
                        || (s.kind() == StepKind::Read && unfinished)
                        || (!done_reading && !unfinished && !begun))
                {
                    return Continue::Open(pi, l.id.clone(), saved);
                }
                if let Some(i) = l
                    .steps
                    .iter()
                    .enumerate()
                    .skip(saved)
                    .position(|(i, s)| todo(pi, l, i, s))
                {
                    return Continue::Open(pi, l.id.clone(), saved + i);
                }
                // Nothing after it: an exercise skipped earlier in this lesson comes before
                // the next lessons (trial TE-11).
                if let Some(i) = l
                    .steps
                    .iter()
                    .enumerate()
                    .take(saved)
                    .position(|(i, s)| todo(pi, l, i, s))
                {
                    return Continue::Open(pi, l.id.clone(), i);
                }
                continue;
            }
            if !begun && (unfinished || !done_reading) {
                return Continue::Open(pi, l.id.clone(), 0);
            }
            if let Some(i) = l
                .steps
                .iter()
                .enumerate()
                .position(|(i, s)| todo(pi, l, i, s))
            {
                return Continue::Open(pi, l.id.clone(), i);
            }
        }
        Continue::AllDone
    }

    /// The home screen's line for `c`: the lesson and step it opens, or that all is done.
    fn continue_label(&self) -> Option<String> {
        match self.continue_target() {
            Continue::Nowhere => None,
            Continue::AllDone => Some(Ui::HomeAllDone.text(self.lang).to_string()),
            Continue::Open(pi, id, step) => {
                let p = self.packs.get(pi)?;
                let l = p.lesson(&id)?;
                let key = step_key(l.steps.get(step)?, step);
                self.position_label(&p.meta.id, &id, &key)
            }
        }
    }

    /// Keeps the exercise on screen as it was left, solved or not (the edited policy, the
    /// sandbox and its console, the typed answer), to show it again on coming back: moving
    /// between steps never throws work away. `r` / F5 is the way back to the start.
    fn leave_step(&mut self) {
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        if !ls.ex.is_exercise() {
            return;
        }
        let Some(p) = self.packs.get(ls.pack) else {
            return;
        };
        let Some(s) = p.lesson(&ls.lesson_id).and_then(|l| l.steps.get(ls.step)) else {
            return;
        };
        let key = (
            p.meta.id.clone(),
            ls.lesson_id.clone(),
            step_key(s, ls.step),
        );
        let ex = std::mem::replace(&mut ls.ex, Exercise::Read);
        self.kept.insert(key, ex);
    }

    /// Puts the exercise on screen back at its start: a sandbox back to the scenario, the
    /// editor back to the starter policy, the choices unmade. What was recorded stays.
    fn reset_exercise(&mut self) {
        let code = self.code();
        let dim = self.theme.dim;
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        let Some(pack) = self.packs.get(ls.pack) else {
            return;
        };
        let Some(lesson) = pack.lesson(&ls.lesson_id) else {
            return;
        };
        let Some(s) = lesson.steps.get(ls.step) else {
            return;
        };
        self.kept.remove(&(
            pack.meta.id.clone(),
            lesson.id.clone(),
            step_key(s, ls.step),
        ));
        // The mode stays as it was: F5 while typing keeps typing, `r` in normal mode stays
        // in normal mode.
        ls.ex = component::fresh(pack, lesson, s, code, dim, false);
        ls.scroll = 0;
        ls.side_offset.set(0);
        // The exercise is at its start again, so the screen is too: the explanation (ポイント),
        // the quiz's reasons and the solution wait for the learner to solve it again (the
        // recorded answer and the lesson's ✓ on the home screen stay).
        ls.solved = s.kind() == StepKind::Read;
        ls.solution_shown = false;
        ls.message = Some(Msg {
            ok: true,
            text: Ui::ResetDone.text(self.lang).to_string(),
        });
    }

    fn enter_step(&mut self, step: usize) {
        self.leave_step();
        let code = self.code();
        let dim = self.theme.dim;
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        let Some(pack) = self.packs.get(ls.pack) else {
            return;
        };
        let Some(lesson) = pack.lesson(&ls.lesson_id) else {
            return;
        };
        let step = step.min(lesson.steps.len().saturating_sub(1));
        let Some(s) = lesson.steps.get(step) else {
            return;
        };
        ls.step = step;
        ls.scroll = 0;
        ls.scroll_limit.set(u16::MAX);
        ls.side_offset.set(0);
        // The hints and the solution seen on an earlier visit in this session stay shown.
        let seen = self
            .aids
            .get(&(pack.meta.id.clone(), lesson.id.clone(), step_key(s, step)))
            .copied()
            .unwrap_or((0, false));
        ls.hints = usize::try_from(seen.0).unwrap_or(0).min(s.hints.len());
        ls.solution_shown = seen.1;
        ls.message = None;
        ls.typing = false;
        ls.confirm_reset = false;
        ls.confirm_solution = false;
        ls.prompt_full = false;
        ls.started = Instant::now();
        let (pack_id, lesson_id, key) =
            (pack.meta.id.clone(), lesson.id.clone(), step_key(s, step));
        ls.solved = s.kind() == StepKind::Read
            || self
                .solved
                .contains(&(pack_id.clone(), lesson_id.clone(), key.clone()));
        // An exercise left in this session comes back as it was left.
        if let Some(ex) = self
            .kept
            .remove(&(pack_id.clone(), lesson_id.clone(), key.clone()))
        {
            ls.ex = ex;
        } else {
            // Arriving is always normal mode: keys navigate until Enter or `i` starts typing.
            let ex = component::fresh(pack, lesson, s, code, dim, ls.solved);
            if ls.solved && ex.types() {
                ls.message = Some(Msg {
                    ok: true,
                    text: Ui::ExSolvedBefore.text(self.lang).to_string(),
                });
            }
            ls.ex = ex;
        }
        self.save_position(&pack_id, &lesson_id, &key);
    }

    fn save_position(&mut self, pack: &PackId, lesson: &LessonId, step: &StepId) {
        self.last_pos = Some((pack.clone(), lesson.clone(), step.clone()));
        self.resume_label = self.continue_label();
        self.save(Write::Position(Position {
            pack: pack.clone(),
            lesson: lesson.clone(),
            step: step.clone(),
            at: jiff::Timestamp::now(),
        }));
    }

    fn lesson_action(&mut self, a: Action) {
        let Some((pack, lesson, ls)) = self.current() else {
            return;
        };
        let Some(step) = lesson.steps.get(ls.step).cloned() else {
            return;
        };
        let nsteps = lesson.steps.len();
        let step_idx = ls.step;
        let (pack_id, lesson_id, version) =
            (pack.meta.id.clone(), lesson.id.clone(), lesson.version);
        let _fallback = pack.default_language().to_string();
        match a {
            Action::Back => {
                if let Screen::Lesson(ls) = &mut self.screen
                    && ls.typing
                {
                    ls.typing = false;
                    return;
                }
                self.leave_step();
                self.screen = Screen::Home;
            }
            Action::Next => {
                if step_idx + 1 < nsteps {
                    self.enter_step(step_idx + 1);
                } else if self.lesson_done(&pack_id, &lesson_id) {
                    self.finish(&pack_id, &lesson_id, version);
                } else {
                    let list = self.unsolved_steps(&pack_id, &lesson_id);
                    let text = Ui::LessonUnsolved.text(self.lang).replace("{list}", &list);
                    if let Screen::Lesson(ls) = &mut self.screen {
                        ls.message = Some(Msg { ok: false, text });
                    }
                }
            }
            Action::Reset => {
                if let Screen::Lesson(ls) = &mut self.screen
                    && ls.ex.is_exercise()
                {
                    ls.confirm_reset = true;
                    ls.message = Some(Msg {
                        ok: false,
                        text: ls.ex.reset_question().text(self.lang).to_string(),
                    });
                }
            }
            Action::Prev if step_idx > 0 => self.enter_step(step_idx - 1),
            Action::Prev => self.say(false, Plain::StepFirst.text(self.lang).to_string()),
            Action::Hint => {
                let lang = self.lang;
                if let Screen::Lesson(ls) = &mut self.screen {
                    if ls.hints < step.hints.len() {
                        ls.hints += 1;
                        // Counted as soon as it is seen, so that leaving the step before
                        // answering does not forget it (the lesson's total, the next answer).
                        let e = self
                            .aids
                            .entry((
                                pack_id.clone(),
                                lesson_id.clone(),
                                step_key(&step, step_idx),
                            ))
                            .or_insert((0, false));
                        e.0 = e.0.max(u32::try_from(ls.hints).unwrap_or(u32::MAX));
                    } else if step.hints.is_empty() {
                        ls.message = Some(Msg {
                            ok: false,
                            text: Ui::ExNoHints.text(lang).into(),
                        });
                    }
                }
            }
            // Showing the solution is recorded (and a task's commands run), so a stray key
            // never does it: it asks first, unless the step is solved or already shown.
            Action::Solution => {
                let has = step.solution.is_some() || step.kind() == StepKind::Predict;
                if let Screen::Lesson(ls) = &mut self.screen {
                    if has && !ls.solved && !ls.solution_shown && ls.ex.is_exercise() {
                        ls.confirm_solution = true;
                        ls.message = Some(Msg {
                            ok: false,
                            text: Ui::SolutionAsk.text(self.lang).to_string(),
                        });
                    } else {
                        self.show_solution();
                    }
                }
            }
            Action::Focus => {
                if let Screen::Lesson(ls) = &mut self.screen {
                    match &mut ls.ex {
                        Exercise::Investigate { on_answer, .. } if ls.typing => {
                            *on_answer = !*on_answer
                        }
                        ex if ex.types() => ls.typing = true,
                        _ => {}
                    }
                }
            }
            Action::Check => self.check(),
            // In a sandbox console (a task's, or an investigation's), Tab completes commands,
            // flags and names; the console's component does it.
            Action::Complete => {
                let console = matches!(
                    &self.screen,
                    Screen::Lesson(ls) if ls.typing && match &ls.ex {
                        Exercise::Task { .. } => true,
                        Exercise::Investigate { on_answer, .. } => !*on_answer,
                        _ => false,
                    }
                );
                if console {
                    self.type_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
                }
            }
            Action::Undo | Action::Redo => {
                let Some(pk) = self.packs.iter().find(|p| p.meta.id == pack_id) else {
                    return;
                };
                let Some(lf) = pk.lesson(&lesson_id) else {
                    return;
                };
                if let Screen::Lesson(ls) = &mut self.screen
                    && let Exercise::Policy {
                        editor,
                        dirty,
                        report,
                    } = &mut ls.ex
                {
                    let changed = if a == Action::Undo {
                        editor.undo()
                    } else {
                        editor.redo()
                    };
                    if changed {
                        *dirty = true;
                        *report =
                            Some(run::check_policy(pk, lf, &step, &editor.lines().join("\n")));
                    }
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                if let Screen::Lesson(ls) = &mut self.screen {
                    let delta: i32 = match a {
                        Action::Up => -1,
                        Action::Down => 1,
                        Action::PageUp => -10,
                        _ => 10,
                    };
                    match &mut ls.ex {
                        Exercise::Quiz { cursor, chosen }
                            if matches!(a, Action::Up | Action::Down) =>
                        {
                            *cursor = ((*cursor as i32 + delta).max(0) as usize)
                                .min(chosen.len().saturating_sub(1))
                        }
                        Exercise::Predict {
                            cursor,
                            revealed: None,
                            ..
                        } if matches!(a, Action::Up | Action::Down) => {
                            *cursor = ((*cursor as i32 + delta).max(0) as usize).min(2)
                        }
                        // The console scrolls back from its last line.
                        Exercise::Task { .. } | Exercise::Investigate { .. } => {
                            ls.scroll = (ls.scroll as i32 - delta).max(0) as u16
                        }
                        // The check pane beside the policy editor (its findings, then the
                        // expected requests) moves from where it follows a wrong request.
                        Exercise::Policy { .. } => ls
                            .side_offset
                            .set(ls.side_offset.get().saturating_add(delta)),
                        _ => {
                            ls.scroll = ((ls.scroll as i32 + delta).max(0) as u16)
                                .min(ls.scroll_limit.get())
                        }
                    }
                }
            }
            Action::Expand => {
                if let Screen::Lesson(ls) = &mut self.screen
                    && matches!(
                        ls.ex,
                        Exercise::Policy { .. }
                            | Exercise::Task { .. }
                            | Exercise::Investigate { .. }
                    )
                {
                    ls.prompt_full = !ls.prompt_full;
                }
            }
            Action::Top | Action::Bottom => {
                if let Screen::Lesson(ls) = &mut self.screen {
                    match (&ls.ex, a) {
                        // The console counts back from its newest line.
                        (Exercise::Task { .. } | Exercise::Investigate { .. }, Action::Bottom) => {
                            ls.scroll = 0
                        }
                        (Exercise::Task { .. } | Exercise::Investigate { .. }, _) => {}
                        (Exercise::Policy { .. }, Action::Top) => ls.side_offset.set(-100_000),
                        (Exercise::Policy { .. }, _) => ls.side_offset.set(100_000),
                        (_, Action::Top) => ls.scroll = 0,
                        (Exercise::Read, _) => ls.scroll = ls.scroll_limit.get(),
                        _ => {}
                    }
                }
            }
            Action::Toggle => {
                if let Screen::Lesson(ls) = &mut self.screen
                    && let Exercise::Quiz { cursor, chosen } = &mut ls.ex
                {
                    let multiple = step.quiz().is_some_and(|q| q.multiple);
                    if !multiple {
                        chosen.iter_mut().for_each(|c| *c = false);
                    }
                    if let Some(c) = chosen.get_mut(*cursor) {
                        *c = !*c;
                    }
                }
            }
            Action::Enter => self.enter(),
            _ => {}
        }
    }

    fn lesson_done(&self, pack: &PackId, lesson: &LessonId) -> bool {
        let Some(l) = self
            .packs
            .iter()
            .find(|p| &p.meta.id == pack)
            .and_then(|p| p.lesson(lesson))
        else {
            return false;
        };
        l.steps.iter().enumerate().all(|(i, s)| {
            s.kind() == StepKind::Read
                || self
                    .solved
                    .contains(&(pack.clone(), lesson.clone(), step_key(s, i)))
        })
    }

    /// The numbers of the lesson's steps whose exercise is not solved, as "2, 5".
    fn unsolved_steps(&self, pack: &PackId, lesson: &LessonId) -> String {
        let Some(l) = self
            .packs
            .iter()
            .find(|p| &p.meta.id == pack)
            .and_then(|p| p.lesson(lesson))
        else {
            return String::new();
        };
        l.steps
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                s.kind() != StepKind::Read
                    && !self
                        .solved
                        .contains(&(pack.clone(), lesson.clone(), step_key(s, *i)))
            })
            .map(|(i, _)| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Records the lesson's completion, once (the completion write).
    fn complete(&mut self, pack: &PackId, lesson: &LessonId, version: u32) {
        if !self.completed.insert((pack.clone(), lesson.clone())) {
            return;
        }
        self.save(Write::Completion(Completion {
            pack: pack.clone(),
            lesson: lesson.clone(),
            lesson_version: version.to_string(),
            at: jiff::Timestamp::now(),
        }));
        if let Screen::Lesson(ls) = &mut self.screen {
            ls.finished = true;
        }
    }

    /// Completes the lesson and shows the "Lesson complete" screen.
    fn finish(&mut self, pack: &PackId, lesson: &LessonId, version: u32) {
        self.complete(pack, lesson, version);
        self.leave_step();
        let Some(pi) = self.packs.iter().position(|p| &p.meta.id == pack) else {
            return;
        };
        let Some(l) = self.packs.get(pi).and_then(|p| p.lesson(lesson)) else {
            return;
        };
        let exercises: Vec<(usize, &Step)> = l
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind() != StepKind::Read)
            .collect();
        let solved = exercises
            .iter()
            .filter(|(i, s)| self.step_solved(pi, l, *i, s))
            .count();
        let (hints, solutions) = self.lesson_aids(pack, l);
        let course = self.course();
        let next = course
            .iter()
            .position(|(p, x)| *p == pi && &x.id == lesson)
            .and_then(|i| course.get(i + 1))
            .map(|(p, x)| (*p, x.id.clone()));
        let done = Finished {
            pack: pi,
            lesson_id: lesson.clone(),
            solved,
            exercises: exercises.len(),
            hints,
            solutions,
            next,
        };
        self.resume_label = self.continue_label();
        self.screen = Screen::Complete(Box::new(done));
    }

    /// Hints used and solutions shown over a lesson's steps: the most hints of any attempt
    /// at a step, and the steps whose solution was shown, from the store and this session.
    fn lesson_aids(&self, pack: &PackId, l: &Lesson) -> (u32, u32) {
        let mut by_step = self.aids.clone();
        if let (Some(store), Some(learner), Some(p)) = (&self.store, &self.learner, Some(pack))
            && let Ok(attempts) = store.attempts(learner, Some(p))
        {
            for a in attempts.iter().filter(|a| a.lesson == l.id) {
                let e = by_step
                    .entry((pack.clone(), l.id.clone(), a.step.clone()))
                    .or_insert((0, false));
                e.0 = e.0.max(a.hints_used);
                e.1 |= a.solution_shown;
            }
        }
        by_step
            .iter()
            .filter(|((p, x, _), _)| p == pack && *x == l.id)
            .fold((0, 0), |(h, k), (_, (hints, shown))| {
                (h + hints, k + u32::from(*shown))
            })
    }

    fn complete_action(&mut self, a: Action) {
        let Screen::Complete(done) = &self.screen else {
            return;
        };
        match a {
            Action::Enter => match done.next.clone() {
                Some((pi, id)) => self.open_lesson(pi, &id, 0),
                None => self.screen = Screen::Home,
            },
            Action::Back => self.screen = Screen::Home,
            _ => {}
        }
    }

    /// Records an answer, then marks the step solved when it is right.
    fn record(
        &mut self,
        pack: &PackId,
        lesson: &LessonId,
        version: u32,
        step_key_: &StepId,
        answer: &str,
        correct: bool,
    ) {
        let (hints, shown, ms) = match &self.screen {
            Screen::Lesson(ls) => (
                ls.hints as u32,
                ls.solution_shown,
                ls.started.elapsed().as_millis() as u64,
            ),
            Screen::Home | Screen::Complete(_) => (0, false, 0),
        };
        let mut a = Attempt::new(
            pack.clone(),
            lesson.clone(),
            version.to_string(),
            step_key_.clone(),
            answer,
            correct,
        );
        a.hints_used = hints;
        a.solution_shown = shown;
        a.time_spent_ms = ms;
        let saved =
            self.save(Write::Attempt(a)) && self.store.as_ref().is_some_and(Store::is_saving);
        // The answer is committed before the screen says so.
        let lang = self.lang;
        let aid = self
            .aids
            .entry((pack.clone(), lesson.clone(), step_key_.clone()))
            .or_insert((0, false));
        aid.0 = aid.0.max(hints);
        aid.1 |= shown;
        let mut now_complete = false;
        if correct {
            self.solved
                .insert((pack.clone(), lesson.clone(), step_key_.clone()));
            // The last exercise solved completes the lesson, without waiting for `n`.
            if self.lesson_done(pack, lesson)
                && !self.completed.contains(&(pack.clone(), lesson.clone()))
            {
                self.complete(pack, lesson, version);
                now_complete = true;
            }
            self.resume_label = self.continue_label();
        }
        if let Screen::Lesson(ls) = &mut self.screen {
            ls.solved |= correct;
            let mut text = (if correct { Ui::ExCorrect } else { Ui::ExWrong })
                .text(lang)
                .to_string();
            if saved {
                text.push_str(&format!("  ({})", Ui::StatusSaved.text(lang)));
            }
            if now_complete {
                text.push_str("  ");
                text.push_str(Ui::LessonCompleteNext.text(lang));
            }
            ls.message = Some(Msg { ok: correct, text });
        }
    }

    /// After a wrong attempt: when it is one of the step's near misses, the status says why
    /// that mistake is wrong (the author's `why`, in the learner's language).
    fn near_miss_note(&mut self, step: &Step, pack: &PackId, attempt: &Solution) {
        let Some(why) = run::near_miss_why(step, attempt) else {
            return;
        };
        let fallback = self
            .packs
            .iter()
            .find(|p| &p.meta.id == pack)
            .map_or("en", |p| p.default_language())
            .to_string();
        let text = why.get(self.lang.code(), &fallback).to_string();
        self.advise(text);
    }

    /// Says what is wrong with the attempt on the status line.
    fn advise(&mut self, text: String) {
        // The author's why says more than "Not yet", and the status line is short at 80×24:
        // it takes the generic text's place, keeping the "(Saved)" note.
        let saved = format!("  ({})", Ui::StatusSaved.text(self.lang));
        if let Screen::Lesson(ls) = &mut self.screen {
            let was_saved = ls
                .message
                .as_ref()
                .is_some_and(|m| !m.ok && m.text.ends_with(&saved));
            let text = if was_saved {
                format!("{text}{saved}")
            } else {
                text
            };
            ls.message = Some(Msg { ok: false, text });
        }
    }

    /// The step on screen, as the effects of its component are performed on it.
    fn here(&self) -> Option<Here> {
        let (p, l, ls) = self.current()?;
        let step = l.steps.get(ls.step)?.clone();
        Some(Here {
            pack: p.meta.id.clone(),
            lesson: l.id.clone(),
            version: l.version,
            key: step_key(&step, ls.step),
            step,
        })
    }

    /// The pack and lesson of the step on screen (shared, for a component to read while the
    /// app's state is borrowed for the exercise).
    fn pack_and_lesson(&self, here: &Here) -> Option<(Pack, Lesson)> {
        let pk = self.packs.iter().find(|p| p.meta.id == here.pack)?;
        let lf = pk.lesson(&here.lesson)?.clone();
        Some((pk.clone(), lf))
    }

    /// Performs, in order, what the exercise's component asked for: the one place that
    /// records attempts and commands (a failed save is shown by `save`) and says so.
    fn perform(&mut self, here: &Here, effects: Vec<Effect>) {
        let lang = self.lang;
        let saved_note = format!("  ({})", Ui::StatusSaved.text(lang));
        for e in effects {
            match e {
                Effect::Record { answer, correct } => self.record(
                    &here.pack,
                    &here.lesson,
                    here.version,
                    &here.key,
                    &answer,
                    correct,
                ),
                Effect::NearMiss(attempt) => self.near_miss_note(&here.step, &here.pack, &attempt),
                Effect::Advice(text) => self.advise(text),
                Effect::GoalLost(check) => {
                    let lang = self.lang;
                    if let Screen::Lesson(ls) = &mut self.screen {
                        ls.solved = false;
                        ls.message = Some(Msg {
                            ok: false,
                            text: Ui::TaskGoalLost.fill(lang, &[("check", &check)]),
                        });
                    }
                }
                Effect::Command { line, code } => {
                    self.save(Write::Command(crate::progress::CommandRecord::new(
                        here.pack.clone(),
                        here.lesson.clone(),
                        here.key.clone(),
                        line,
                        code,
                    )));
                }
                Effect::GoTo(n) => self.enter_step(n),
                Effect::Note(m) => self.say(false, m.text(lang).to_string()),
                Effect::Problem(text) => self.say(false, text),
                Effect::Wrong(m) => {
                    // The precise text takes the generic one's place, keeping "(Saved)".
                    if let Screen::Lesson(ls) = &mut self.screen {
                        let saved = ls
                            .message
                            .as_ref()
                            .is_some_and(|x| x.text.ends_with(&saved_note));
                        let mut text = m.text(lang).to_string();
                        if saved {
                            text.push_str(&saved_note);
                        }
                        ls.message = Some(Msg { ok: false, text });
                    }
                }
                Effect::SolutionShown => {
                    if let Screen::Lesson(ls) = &mut self.screen {
                        ls.solution_shown = true;
                        if let Some(p) = self.packs.get(ls.pack)
                            && let Some(st) =
                                p.lesson(&ls.lesson_id).and_then(|l| l.steps.get(ls.step))
                        {
                            let key = (
                                p.meta.id.clone(),
                                ls.lesson_id.clone(),
                                step_key(st, ls.step),
                            );
                            self.aids.entry(key).or_insert((0, false)).1 = true;
                        }
                    }
                }
                Effect::ScrollToEnd => {
                    if let Screen::Lesson(ls) = &mut self.screen {
                        ls.scroll = 0;
                    }
                }
                Effect::AskReset => {
                    let mut question = Ui::ResetAsk;
                    if let Screen::Lesson(ls) = &mut self.screen {
                        ls.confirm_reset = true;
                        question = ls.ex.reset_question();
                    }
                    self.say(false, question.text(lang).to_string());
                }
            }
        }
    }

    /// A message under the exercise.
    fn say(&mut self, ok: bool, text: String) {
        if let Screen::Lesson(ls) = &mut self.screen {
            ls.message = Some(Msg { ok, text });
        }
    }

    /// Enter in normal mode: the exercise's component answers (a quiz, a prediction), goes
    /// on (reading) or starts typing (an editor, a console).
    fn enter(&mut self) {
        let Some(here) = self.here() else { return };
        let Some((pk, lf)) = self.pack_and_lesson(&here) else {
            return;
        };
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        let effects = match &mut ls.ex {
            // Enter reads on: a page further while text is still below, then the next step,
            // so that two Enters from the lesson list never skip a reading unseen.
            Exercise::Read if ls.scroll < ls.scroll_limit.get() => {
                ls.scroll = ls.scroll.saturating_add(10).min(ls.scroll_limit.get());
                Vec::new()
            }
            Exercise::Read => read::enter(ls.step, lf.steps.len()),
            ex @ Exercise::Quiz { .. } => quiz::enter(ex, &here.step),
            ex @ Exercise::Predict { .. } => predict::enter(ex, &pk, &lf, &here.step),
            Exercise::Policy { .. } | Exercise::Task { .. } | Exercise::Investigate { .. } => {
                ls.typing = true;
                Vec::new()
            }
            Exercise::Broken(_) => Vec::new(),
        };
        self.perform(&here, effects);
    }

    /// Ctrl+S: the policy is checked, the investigation's answer given.
    fn check(&mut self) {
        let Some(here) = self.here() else { return };
        let Some((pk, lf)) = self.pack_and_lesson(&here) else {
            return;
        };
        let lang = self.lang;
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        let effects = match &mut ls.ex {
            ex @ Exercise::Policy { .. } => policy::check(ex, (&pk, &lf, &here.step), lang),
            ex @ Exercise::Investigate { .. } => investigate::check(ex, &here.step),
            _ => Vec::new(),
        };
        self.perform(&here, effects);
    }

    /// `s`: the solution, shown (and played where it can be: the editor, the console) and
    /// recorded as shown.
    fn show_solution(&mut self) {
        let Some(here) = self.here() else { return };
        let Some((pk, lf)) = self.pack_and_lesson(&here) else {
            return;
        };
        let lang = self.lang;
        let fallback = pk.default_language().to_string();
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        let effects = match &mut ls.ex {
            ex @ Exercise::Predict { .. } => predict::solution(ex, &pk, &lf, &here.step),
            _ if here.step.solution.is_none() || ls.solution_shown => Vec::new(),
            ex => {
                let played = match ex {
                    Exercise::Task { .. } => task::solution(ex, &here.step, lang, &fallback),
                    Exercise::Policy { .. } => policy::solution(ex, &here.step),
                    _ => vec![Effect::Record {
                        answer: "(solution shown)".into(),
                        correct: false,
                    }],
                };
                [Effect::SolutionShown, Effect::Note(Ui::ExSolutionShown)]
                    .into_iter()
                    .chain(played)
                    .collect()
            }
        };
        self.perform(&here, effects);
    }

    /// A key while typing goes to the exercise's component (the editor, the console, the
    /// answer field); `reset` typed on a console asks to restart, as the key does.
    fn type_key(&mut self, key: KeyEvent) {
        let Some(here) = self.here() else { return };
        let Some((pk, lf)) = self.pack_and_lesson(&here) else {
            return;
        };
        let lang = self.lang;
        let Screen::Lesson(ls) = &mut self.screen else {
            return;
        };
        if let Exercise::Task { run, .. } | Exercise::Investigate { run, .. } = &mut ls.ex
            && self.console_width.get() > 0
        {
            run.sandbox.terminal_width = usize::from(self.console_width.get());
        }
        let effects = if component::typed_reset(&mut ls.ex, key) {
            vec![Effect::AskReset]
        } else {
            match &mut ls.ex {
                ex @ Exercise::Policy { .. } => {
                    ls.side_offset.set(0);
                    policy::type_key(ex, key, &pk, &lf, &here.step)
                }
                ex @ Exercise::Task { .. } => task::type_key(ex, key, (&pk, &lf, &here.step), lang),
                ex @ Exercise::Investigate { .. } => {
                    investigate::type_key(ex, key, &here.step, lang)
                }
                _ => Vec::new(),
            }
        };
        self.perform(&here, effects);
    }
}

/// The step on screen, named as progress records it, while its component's effects are
/// performed.
struct Here {
    pack: PackId,
    lesson: LessonId,
    version: u32,
    key: StepId,
    step: Step,
}

/// The key progress records a step by (its id, or `#N`).
pub fn step_key(s: &Step, index: usize) -> StepId {
    s.key(index)
}

/// The text of a lesson field in the app's language.
pub fn tr<'a>(text: &'a crate::lesson::Text, app: &App, pack: &Pack) -> &'a str {
    text.get(app.code(), pack.default_language())
}
