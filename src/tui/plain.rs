//! The plain text mode (`iamdojo --plain`), for screen readers and dumb terminals: plain lines
//! on standard output, whole lines read from standard input, no alternate screen, raw mode,
//! colours, box drawing or cursor movement. It drives the TUI's own [`App`] with the key
//! presses the TUI would get, so exercises are checked and progress is saved exactly as there;
//! this module only turns typed lines into keys and the app's state into lines.
//! `commands` is the table of what can be typed, `show` turns state into lines and `text`
//! holds the Markdown-to-text conversion, the line cleaner and the mode's own strings.

mod commands;
mod glossary;
mod show;
mod text;

use std::io::{self, BufRead, IsTerminal, Write};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Options;
use super::app::{App, Exercise, Screen};
use super::i18n::{Message, Plain, Ui};
use super::keymap::Context;
use crate::msg::cli::Cli;
use commands::{Cmd, Place};
use text::clean;

/// The longest policy accepted, in characters: above IAM's largest policy size quota (10,240),
/// so that IAM's own size error is what a learner sees, but bounded, as every character is a key.
const MAX_POLICY: usize = 16 * 1024;

/// Runs the plain mode on standard input and output; returns the exit status.
pub fn run(opts: &Options) -> u8 {
    let app = match super::build_app(opts) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("iamdojo: {e}");
            return 2;
        }
    };
    let lang = app.lang;
    let stdin = io::stdin();
    // A terminal shows what was typed; a pipe does not, so the line is echoed after the prompt.
    let echo = !stdin.is_terminal();
    let code = Session {
        app,
        out: io::stdout().lock(),
        echo,
        done: false,
    }
    .run(&mut stdin.lock(), opts.exit_after_first_frame);
    if code == 2 {
        eprintln!("iamdojo: {}", Cli::CannotWriteOutPlain.text(lang));
    }
    code
}

/// Runs the plain mode over any input and output (scripts, tests): each line read is echoed
/// after its prompt, so the output reads as a transcript. Returns the exit status.
pub fn run_with<R: BufRead, W: Write>(mut input: R, mut output: W, opts: &Options) -> u8 {
    match super::build_app(opts) {
        Ok(app) => Session {
            app,
            out: output,
            echo: true,
            done: false,
        }
        .run(&mut input, opts.exit_after_first_frame),
        Err(e) => {
            let _ = writeln!(output, "iamdojo: {}", clean(&e));
            2
        }
    }
}

/// Runs the plain mode over an app already built (a test's, with its own store), reading
/// `input` and printing to `output` as [`run_with`] does. Returns the exit status.
pub fn run_app<R: BufRead, W: Write>(app: App, mut input: R, output: W) -> u8 {
    Session {
        app,
        out: output,
        echo: true,
        done: false,
    }
    .run(&mut input, false)
}

/// One plain session: the app and where its lines go.
struct Session<W: Write> {
    app: App,
    out: W,
    echo: bool,
    /// The learner quit (or the input ended).
    done: bool,
}

/// Reads one line without its line ending, or `None` at the end of input. Bytes that are not
/// UTF-8 become U+FFFD and control characters are dropped (a tab becomes a space), so no input
/// can surprise the app. A read error ends the input like EOF.
fn read_line(input: &mut impl BufRead) -> Option<String> {
    let mut buf = Vec::new();
    match input.read_until(b'\n', &mut buf) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(
            String::from_utf8_lossy(&buf)
                .chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect(),
        ),
    }
}

impl<W: Write> Session<W> {
    fn run(mut self, input: &mut impl BufRead, first_screen_only: bool) -> u8 {
        let done = self.session(input, first_screen_only);
        self.app.finish_class();
        match done {
            Ok(()) => 0,
            // The reader went away (`iamdojo --plain | head`): answers are committed as they
            // are given (those a full disk refused were said so at once).
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(_) => 2,
        }
    }

    fn session(&mut self, input: &mut impl BufRead, first_screen_only: bool) -> io::Result<()> {
        self.say_all(show::home(&self.app))?;
        if first_screen_only {
            return self.out.flush();
        }
        while !self.done && !self.app.quit {
            // Writes that failed are retried every few seconds, and their news printed.
            self.app.tick();
            self.say_news()?;
            let p = show::prompt(&self.app);
            write!(self.out, "{}", clean(&p))?;
            self.out.flush()?;
            let Some(line) = read_line(input) else {
                writeln!(self.out)?;
                self.quit(input)?;
                break;
            };
            if self.echo {
                writeln!(self.out, "{}", clean(&line))?;
            }
            self.handle(&line, input)?;
            // A write that failed (or waiting ones saved at last) is said at once.
            self.say_news()?;
        }
        self.out.flush()
    }

    fn say(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{}", clean(line))
    }

    fn say_all(&mut self, lines: Vec<String>) -> io::Result<()> {
        lines.iter().try_for_each(|l| self.say(l))
    }

    /// Prints the save messages the app has not printed yet.
    fn say_news(&mut self) -> io::Result<()> {
        let news = self.app.take_news();
        self.say_all(news)
    }

    /// The list of lessons again, set off from what came before by an empty line.
    fn home(&mut self) -> io::Result<()> {
        self.say("")?;
        self.say_all(show::home(&self.app))
    }

    /// Where the learner is, for the command table.
    fn places(&self) -> Vec<Place> {
        match &self.app.screen {
            Screen::Home | Screen::Complete(_) => vec![Place::Home],
            Screen::Lesson(ls) => {
                let mut v = vec![Place::Lesson];
                match &ls.ex {
                    Exercise::Read => v.push(Place::Read),
                    Exercise::Quiz { .. } => v.push(Place::Quiz),
                    Exercise::Predict { .. } => v.push(Place::Predict),
                    Exercise::Policy { .. } => v.push(Place::Policy),
                    Exercise::Task { .. } => v.push(Place::Console),
                    Exercise::Investigate { .. } => v.extend([Place::Investigate, Place::Console]),
                    Exercise::Broken(_) => {}
                }
                v
            }
        }
    }

    fn handle(&mut self, line: &str, input: &mut impl BufRead) -> io::Result<()> {
        let places = self.places();
        let Some((cmd, arg)) = commands::parse(&places, line) else {
            if line.trim().is_empty() {
                return Ok(());
            }
            let msg = Plain::Unknown
                .text(self.app.lang)
                .replace("{cmd}", line.trim())
                .replace("{list}", &commands::labels(&places));
            return self.say(&msg);
        };
        match cmd {
            Cmd::Help => {
                let mut lines = vec![Plain::HelpTitle.text(self.app.lang).to_string()];
                lines.extend(commands::help(&places, self.app.lang));
                self.say_all(lines)
            }
            Cmd::Quit => self.quit(input),
            Cmd::List => self.home(),
            Cmd::Open => self.open(arg),
            Cmd::Continue => {
                if self.app.resume() {
                    self.say_all(show::step(&self.app))
                } else if self.app.all_done() {
                    self.say(Ui::HomeAllDone.text(self.app.lang))
                } else {
                    self.say(Plain::HomeNothingToContinue.text(self.app.lang))
                }
            }
            Cmd::Next => self.next(),
            Cmd::Prev => {
                let before = self.position();
                self.lesson_key(KeyCode::Char('p'));
                if self.position() != before {
                    self.say_all(show::step(&self.app))
                } else {
                    self.say(Plain::StepFirst.text(self.app.lang))
                }
            }
            Cmd::Hint => self.hint(),
            Cmd::Solution => self.solution(),
            Cmd::Repeat => self.say_all(show::step(&self.app)),
            Cmd::Reset => self.reset(input),
            Cmd::Back => {
                self.lesson_key(KeyCode::Esc);
                self.home()
            }
            Cmd::Answer => self.answer(arg),
            Cmd::Policy => {
                let mut text = arg.to_string();
                loop {
                    let Some(l) = read_line(input) else {
                        // The input ended inside the policy: the learner did not finish it,
                        // so it is not checked (nor recorded) and the session ends.
                        self.say("")?;
                        return self.quit(input);
                    };
                    if self.echo {
                        self.say(&l)?;
                    }
                    if l.trim() == "." {
                        break self.submit_policy(&text);
                    }
                    text.push('\n');
                    text.push_str(&l);
                }
            }
            Cmd::PolicyFile => self.policy_file(arg),
            Cmd::Check => {
                self.start_typing();
                self.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
                self.after_policy_check()
            }
            Cmd::Run => self.run_command(arg),
            Cmd::Reply => self.reply(arg),
            Cmd::Glossary => self.say_all(glossary::lines(&self.app, arg)),
        }
    }

    // --- Keys: the only way this mode changes the app. ---

    fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    fn key_with(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.app.key(KeyEvent::new(code, mods));
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            });
        }
    }

    /// Sends a lesson key, first leaving a text field as Esc does in the TUI.
    fn lesson_key(&mut self, code: KeyCode) {
        if self.app.context() == Context::Typing {
            self.key(KeyCode::Esc);
        }
        self.key(code);
    }

    /// Starts typing into the exercise's text field, as Enter does in the TUI.
    fn start_typing(&mut self) {
        if self.app.context() == Context::Lesson {
            self.key(KeyCode::Enter);
        }
    }

    /// The lesson and step on show.
    fn position(&self) -> Option<(usize, crate::ids::LessonId, usize)> {
        match &self.app.screen {
            Screen::Lesson(ls) => Some((ls.pack, ls.lesson_id.clone(), ls.step)),
            Screen::Home | Screen::Complete(_) => None,
        }
    }

    fn lesson_state(&self) -> Option<&super::app::LessonState> {
        match &self.app.screen {
            Screen::Lesson(ls) => Some(ls),
            Screen::Home | Screen::Complete(_) => None,
        }
    }

    fn solved(&self) -> bool {
        self.lesson_state().is_some_and(|ls| ls.solved)
    }

    /// The exercise's last message, Markdown as the TUI shows it styled: here as plain text,
    /// with no backticks or stars.
    fn say_message(&mut self) -> io::Result<()> {
        match show::message(&self.app) {
            Some(m) => self.say_all(text::markdown(&m)),
            None => Ok(()),
        }
    }

    // --- Commands. ---

    fn quit(&mut self, input: &mut impl BufRead) -> io::Result<()> {
        self.lesson_key(KeyCode::Char('q'));
        // Quitting retries waiting writes first; what went through is said.
        self.say_news()?;
        if self.app.confirm_quit && !self.app.writes.is_empty() {
            return self.quit_unsaved(input);
        }
        // The TUI asks before dropping text not yet submitted; here every line was submitted
        // when it was typed, so there is nothing to lose.
        if self.app.confirm_quit {
            self.key(KeyCode::Char('y'));
        }
        self.done = true;
        self.say(Plain::Bye.text(self.app.lang))
    }

    /// Quitting with answers that could not be saved: asks whether to export them, quit
    /// without them or stay. When the input has ended there is no one to ask, so they are
    /// exported to the default path rather than lost.
    fn quit_unsaved(&mut self, input: &mut impl BufRead) -> io::Result<()> {
        let lang = self.app.lang;
        let default = super::app::writes::default_export_path();
        let question = Plain::QuitUnsaved
            .text(lang)
            .replace("{n}", &self.app.writes.answers().to_string())
            .replace("{reason}", &self.app.waiting_reason())
            .replace("{path}", &default.display().to_string());
        write!(self.out, "{}", clean(&question))?;
        self.out.flush()?;
        let reply = read_line(input);
        if self.echo {
            writeln!(self.out, "{}", clean(reply.as_deref().unwrap_or_default()))?;
        }
        let path = match reply.as_deref().map(str::trim) {
            None => default.display().to_string(),
            Some("y" | "Y") => {
                self.key(KeyCode::Char('y'));
                self.done = true;
                let lost = Plain::QuitLost
                    .text(lang)
                    .replace("{n}", &self.app.writes.answers().to_string());
                return self.say(&lost);
            }
            Some("e" | "E") => default.display().to_string(),
            Some("" | "n" | "N") => {
                self.key(KeyCode::Esc);
                return self.say(Plain::QuitStay.text(lang));
            }
            Some(p) => p.to_string(),
        };
        match self.app.export_waiting(&path) {
            Ok(line) => {
                self.say(&line)?;
                self.key(KeyCode::Char('y'));
                self.done = true;
                self.say(Plain::Bye.text(lang))
            }
            Err(line) => {
                self.say(&line)?;
                if reply.is_none() {
                    // Nothing more can be read: the answers are lost, and the line says so.
                    self.key(KeyCode::Char('y'));
                    self.done = true;
                    let lost = Plain::QuitLost
                        .text(lang)
                        .replace("{n}", &self.app.writes.answers().to_string());
                    return self.say(&lost);
                }
                self.key(KeyCode::Esc);
                self.say(Plain::QuitStay.text(lang))
            }
        }
    }

    fn open(&mut self, arg: &str) -> io::Result<()> {
        let rows = show::lesson_rows(&self.app);
        let n = commands::numbers(arg).unwrap_or_default();
        let target = match n.as_slice() {
            [n] => n.checked_sub(1).and_then(|i| rows.get(i)).copied(),
            _ => None,
        };
        let Some(target) = target else {
            let msg = Plain::HomeNoSuch
                .text(self.app.lang)
                .replace("{n}", arg.trim());
            return self.say(&msg);
        };
        self.app.open_row(target);
        if self.position().is_some() {
            self.say_all(show::step(&self.app))
        } else {
            let why = show::broken_lesson(&self.app, target).unwrap_or_default();
            self.say(&why)
        }
    }

    fn next(&mut self) -> io::Result<()> {
        let before = self.position();
        self.lesson_key(KeyCode::Char('n'));
        if matches!(self.app.screen, Screen::Complete(_)) {
            // The "Lesson complete" screen is printed; the next command is typed at the list.
            let lines = show::complete(&self.app);
            self.key(KeyCode::Esc);
            self.say_all(lines)?;
            return self.home();
        }
        if self.position() != before {
            return self.say_all(show::step(&self.app));
        }
        let finished = self.lesson_state().is_some_and(|ls| ls.finished);
        if finished {
            self.say_all(vec![
                String::new(),
                Plain::LessonFinished.text(self.app.lang).to_string(),
            ])
        } else {
            self.say(Plain::StepLast.text(self.app.lang))
        }
    }

    /// Asks, then restarts the exercise as the TUI's reset key does.
    fn reset(&mut self, input: &mut impl BufRead) -> io::Result<()> {
        self.lesson_key(KeyCode::Char('r'));
        if !self.lesson_state().is_some_and(|ls| ls.confirm_reset) {
            return self.say(Plain::ResetNotHere.text(self.app.lang));
        }
        let question = self
            .lesson_state()
            .map_or(Ui::ResetAsk, |ls| ls.ex.reset_question());
        write!(self.out, "{} ", clean(question.text(self.app.lang)))?;
        self.out.flush()?;
        let reply = read_line(input);
        if self.echo {
            writeln!(self.out, "{}", clean(reply.as_deref().unwrap_or_default()))?;
        }
        let yes = matches!(reply.as_deref().map(str::trim), Some("y" | "Y"));
        self.key(KeyCode::Char(if yes { 'y' } else { 'n' }));
        self.say_message()?;
        if yes {
            self.say_all(show::step(&self.app))?;
        }
        Ok(())
    }

    fn hint(&mut self) -> io::Result<()> {
        let before = self.lesson_state().map_or(0, |ls| ls.hints);
        self.lesson_key(KeyCode::Char('h'));
        let after = self.lesson_state().map_or(0, |ls| ls.hints);
        if after > before {
            return self.say_all(show::hint(&self.app, after));
        }
        let has_hints = self
            .app
            .current()
            .and_then(|(_, l, ls)| l.steps.get(ls.step))
            .is_some_and(|st| !st.hints.is_empty());
        if has_hints {
            self.say(Plain::HintNoMore.text(self.app.lang))
        } else {
            self.say_message()
        }
    }

    fn solution(&mut self) -> io::Result<()> {
        let shown_before = self.lesson_state().is_some_and(|ls| ls.solution_shown);
        let solved_before = self.solved();
        let lines_before = self.console_len();
        self.lesson_key(KeyCode::Char('s'));
        // Typing the command `s` is the deliberate ask the TUI's key confirms with y.
        if self.lesson_state().is_some_and(|ls| ls.confirm_solution) {
            self.lesson_key(KeyCode::Char('y'));
        }
        let Some(ls) = self.lesson_state() else {
            return Ok(());
        };
        let (shown, is_task, is_policy) = (
            ls.solution_shown,
            matches!(ls.ex, Exercise::Task { .. }),
            matches!(ls.ex, Exercise::Policy { .. }),
        );
        if !shown {
            return self.say(Plain::SolutionNone.text(self.app.lang));
        }
        if shown_before {
            return self.say_all(show::solution(&self.app));
        }
        self.say(super::i18n::Ui::ExSolutionShown.text(self.app.lang))?;
        self.say_all(show::solution(&self.app))?;
        if is_task {
            // The TUI plays a task's solution in the sandbox: show what it printed and where
            // the goal stands.
            self.say_all(self.console_since(lines_before, None))?;
            self.say_all(show::goal(&self.app))?;
            self.say_message()?;
        }
        if is_policy {
            self.say(Plain::PolicySolutionCheck.text(self.app.lang))?;
        }
        if !solved_before && self.solved() {
            self.say_all(show::explain(&self.app))?;
        }
        Ok(())
    }

    fn answer(&mut self, arg: &str) -> io::Result<()> {
        let lang = self.app.lang;
        let picked = commands::numbers(arg).unwrap_or_default();
        let (quiz, predicted) = match self.lesson_state().map(|ls| &ls.ex) {
            Some(Exercise::Quiz { chosen, .. }) => (Some(chosen.len()), false),
            Some(Exercise::Predict { revealed, .. }) => (None, revealed.is_some()),
            _ => return Ok(()),
        };
        let Some(n) = quiz else {
            if predicted {
                return self.say(Plain::PredictDone.text(lang));
            }
            let [p @ 1..=3] = picked.as_slice() else {
                return self.say(Plain::PredictHow.text(lang));
            };
            self.move_choice(p - 1);
            self.key(KeyCode::Enter);
            self.say_all(show::predict_result(&self.app))?;
            self.say_message()?;
            return self.say_all(show::explain(&self.app));
        };
        let multiple = self
            .app
            .current()
            .and_then(|(_, l, ls)| l.steps.get(ls.step))
            .and_then(|st| st.quiz())
            .is_some_and(|q| q.multiple);
        if picked.iter().any(|p| *p == 0 || *p > n) {
            return self.say(&Plain::QuizRange.text(lang).replace("{n}", &n.to_string()));
        }
        if !multiple && picked.len() != 1 {
            return self.say(Plain::QuizOneOnly.text(lang));
        }
        if multiple {
            // Space toggles the highlighted choice: make the chosen ones the picked ones.
            for i in 0..n {
                let now = match self.lesson_state().map(|ls| &ls.ex) {
                    Some(Exercise::Quiz { chosen, .. }) => chosen.get(i).copied(),
                    _ => None,
                };
                if now.is_some_and(|c| c != picked.contains(&(i + 1))) {
                    self.move_choice(i);
                    self.key(KeyCode::Char(' '));
                }
            }
        } else if let Some(first) = picked.first() {
            // With one answer to give, Enter answers with the highlighted choice.
            self.move_choice(first - 1);
        }
        self.key(KeyCode::Enter);
        self.say_message()?;
        self.say_all(show::quiz_feedback(&self.app))?;
        self.say_all(show::explain(&self.app))
    }

    /// Moves the highlight of a quiz or a prediction to choice `i`, as the arrow keys do.
    fn move_choice(&mut self, i: usize) {
        let cursor = |app: &App| match &app.screen {
            Screen::Lesson(ls) => match &ls.ex {
                Exercise::Quiz { cursor, .. } | Exercise::Predict { cursor, .. } => Some(*cursor),
                _ => None,
            },
            Screen::Home | Screen::Complete(_) => None,
        };
        for _ in 0..64 {
            let Some(now) = cursor(&self.app) else {
                return;
            };
            if now == i {
                return;
            }
            self.key(if now < i { KeyCode::Down } else { KeyCode::Up });
            if cursor(&self.app) == Some(now) {
                return;
            }
        }
    }

    fn policy_file(&mut self, path: &str) -> io::Result<()> {
        let lang = self.app.lang;
        if path.is_empty() {
            return self.say(Plain::PolicyNoFile.text(lang));
        }
        use crate::input::read::{self, Kind, Limit};
        match read::path(
            std::path::Path::new(path),
            Limit::PolicyDocument,
            Kind::AnyReadable,
            path,
        ) {
            Ok(text) => self.submit_policy(&text),
            Err(e) => {
                let msg = Plain::PolicyFileError
                    .text(lang)
                    .replace("{path}", path)
                    .replace("{e}", &e.message.render(lang));
                self.say(&msg)
            }
        }
    }

    /// Puts a policy in the editor in place of its text and checks it, as Ctrl+S does.
    fn submit_policy(&mut self, text: &str) -> io::Result<()> {
        let lang = self.app.lang;
        let text: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        let text = text.trim_end();
        if text.trim().is_empty() {
            return self.say(Plain::PolicyEmpty.text(lang));
        }
        if text.chars().count() > MAX_POLICY {
            return self.say(
                &Plain::PolicyTooLong
                    .text(lang)
                    .replace("{n}", &MAX_POLICY.to_string()),
            );
        }
        self.start_typing();
        self.app.replace_policy(text);
        self.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
        self.after_policy_check()
    }

    fn after_policy_check(&mut self) -> io::Result<()> {
        self.say_all(show::policy_report(&self.app))?;
        self.say_message()?;
        self.say_all(show::explain(&self.app))
    }

    /// How many lines the sandbox console holds.
    fn console_len(&self) -> usize {
        match self.lesson_state().map(|ls| &ls.ex) {
            Some(Exercise::Task { output, .. } | Exercise::Investigate { output, .. }) => {
                output.len()
            }
            _ => 0,
        }
    }

    /// What the console printed since line `from`, without the echo of `typed`; says so when
    /// a command printed nothing.
    fn console_since(&self, from: usize, typed: Option<&str>) -> Vec<String> {
        let output = match self.lesson_state().map(|ls| &ls.ex) {
            Some(Exercise::Task { output, .. } | Exercise::Investigate { output, .. }) => output,
            _ => return Vec::new(),
        };
        let mut new: Vec<String> = output.iter().skip(from).cloned().collect();
        if let Some(t) = typed
            && new.first().is_some_and(|l| *l == format!("$ {t}"))
        {
            new.remove(0);
        }
        if new.is_empty() {
            new.push(Plain::ConsoleNoOutput.text(self.app.lang).to_string());
        }
        new
    }

    /// Types a line into the sandbox console and presses Enter.
    fn run_command(&mut self, line: &str) -> io::Result<()> {
        self.start_typing();
        let (on_answer, typed) = match self.lesson_state().map(|ls| &ls.ex) {
            Some(Exercise::Investigate {
                on_answer, input, ..
            }) => (*on_answer, input.as_str().chars().count()),
            Some(Exercise::Task { input, .. }) => (false, input.as_str().chars().count()),
            _ => return Ok(()),
        };
        if on_answer {
            self.app.act(crate::tui::keymap::Action::Focus);
        }
        for _ in 0..typed {
            self.key(KeyCode::Backspace);
        }
        let goal_before = show::goal(&self.app);
        let message_before = show::message(&self.app);
        let solved_before = self.solved();
        let from = self.console_len();
        self.type_text(line);
        self.key(KeyCode::Enter);
        self.say_all(self.console_since(from, Some(line)))?;
        let goal = show::goal(&self.app);
        if goal != goal_before {
            self.say_all(goal)?;
        }
        let message = show::message(&self.app);
        if message != message_before
            && let Some(m) = message
        {
            self.say(&m)?;
        }
        if !solved_before && self.solved() {
            self.say_all(show::explain(&self.app))?;
        }
        Ok(())
    }

    /// Types an investigation's answer into its answer field and presses Enter.
    fn reply(&mut self, answer: &str) -> io::Result<()> {
        if answer.is_empty() {
            return self.say(Plain::InvNoText.text(self.app.lang));
        }
        self.start_typing();
        let Some(Exercise::Investigate {
            on_answer,
            answer: old,
            ..
        }) = self.lesson_state().map(|ls| &ls.ex)
        else {
            return Ok(());
        };
        let (on_answer, old) = (*on_answer, old.as_str().chars().count());
        if !on_answer {
            self.app.act(crate::tui::keymap::Action::Focus);
        }
        for _ in 0..old {
            self.key(KeyCode::Backspace);
        }
        self.type_text(answer);
        self.key(KeyCode::Enter);
        self.say_message()?;
        self.say_all(show::explain(&self.app))
    }
}
