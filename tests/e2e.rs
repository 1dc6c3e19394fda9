//! The real binary in a real terminal (tmux): open a lesson, answer a quiz, quit, and check
//! the screen and that the terminal was given back (alternate screen off, cursor shown, mouse
//! reporting off), also when the program is ended by a signal. tmux is required: CI installs
//! it, and a missing tmux fails these tests rather than skipping them.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server of our own (its socket in the test's temp dir), killed when the test ends,
/// pass or fail.
struct Session {
    socket: PathBuf,
    name: String,
    pid_file: PathBuf,
    _data: tempfile::TempDir,
}

impl Session {
    /// Starts iamdojo on the tiny pack in a 100×30 tmux pane; the pane prints
    /// `IAMDOJO-EXITED-<status>` when the program ends.
    fn start(test: &str) -> Session {
        Session::start_after(test, "")
    }

    /// Like [`Session::start`], running the shell command `before` first in the same pane.
    fn start_after(test: &str, before: &str) -> Session {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "tmux is not installed: the terminal tests need it (apt-get install tmux)"
        );
        let data = tempfile::tempdir().expect("temp dir");
        let pid_file = data.path().join("iamdojo.pid");
        let session = Session {
            socket: data.path().join(format!("tmux-{test}")),
            name: "e2e".to_string(),
            pid_file,
            _data: data,
        };
        let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/packs/tiny");
        // The inner shell writes its pid and becomes iamdojo, so the pid is the program's.
        let cmd = format!(
            "{before}sh -c 'echo $$ > {pid}; IAMDOJO_DATA_DIR={data} exec {bin} --no-builtin --pack {pack} --lang en'; echo IAMDOJO-EXITED-$?; sleep 30",
            pid = session.pid_file.display(),
            data = session._data.path().display(),
            bin = env!("CARGO_BIN_EXE_iamdojo")
        );
        let out = session.tmux(&[
            "new-session",
            "-d",
            "-s",
            &session.name,
            "-x",
            "100",
            "-y",
            "30",
            &cmd,
        ]);
        assert!(out.is_some(), "tmux could not start a session");
        session
    }

    /// Runs a tmux command on our server; `None` if it failed.
    fn tmux(&self, args: &[&str]) -> Option<String> {
        let o = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .ok()?;
        o.status
            .success()
            .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.name])
            .unwrap_or_default()
    }

    /// Waits (at most 10 s) for `text` on the screen and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) || start.elapsed() > Duration::from_secs(10) {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn keys(&self, keys: &str) {
        self.tmux(&["send-keys", "-t", &self.name, keys]);
    }

    /// A pane format variable, e.g. `alternate_on`.
    fn flag(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        self.tmux(&["display-message", "-p", "-t", &self.name, &format])
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The terminal modes that iamdojo changes, as tmux sees them.
    fn modes(&self) -> Vec<(&'static str, String)> {
        [
            "alternate_on",
            "cursor_flag",
            "mouse_any_flag",
            "mouse_all_flag",
            "mouse_button_flag",
            "mouse_sgr_flag",
            "mouse_standard_flag",
        ]
        .into_iter()
        .map(|f| (f, self.flag(f)))
        .collect()
    }

    /// Asserts the terminal is as it was before iamdojo started.
    fn assert_given_back(&self) {
        let want: Vec<(&str, String)> = [
            ("alternate_on", "0"),
            ("cursor_flag", "1"),
            ("mouse_any_flag", "0"),
            ("mouse_all_flag", "0"),
            ("mouse_button_flag", "0"),
            ("mouse_sgr_flag", "0"),
            ("mouse_standard_flag", "0"),
        ]
        .into_iter()
        .map(|(f, v)| (f, v.to_string()))
        .collect();
        assert_eq!(self.modes(), want, "the terminal was not given back");
    }

    /// Waits for the home screen and checks that the program really took the terminal, so
    /// that a later "given back" means something.
    fn wait_for_home(&self) {
        let home = self.wait_for("Put a user in a group");
        assert!(home.contains("Lessons"), "{home}");
        let modes = self.modes();
        assert!(
            modes.contains(&("alternate_on", "1".to_string()))
                && modes.contains(&("cursor_flag", "0".to_string()))
                && modes.contains(&("mouse_any_flag", "1".to_string())),
            "iamdojo did not take the terminal: {modes:?}"
        );
    }

    /// Sends `signal` (a name for `kill -s`) to iamdojo.
    fn signal(&self, signal: &str) {
        let pid = std::fs::read_to_string(&self.pid_file).expect("iamdojo's pid file");
        let status = Command::new("kill")
            .args(["-s", signal, pid.trim()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -s {signal} {pid} failed");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

#[test]
fn a_learner_answers_a_quiz_in_a_real_terminal() {
    let s = Session::start("quiz");
    s.wait_for_home();
    s.keys("Enter");
    s.wait_for("Groups");
    s.keys("n");
    let quiz = s.wait_for("Why attach policies");
    assert!(quiz.contains("Pick one answer"), "{quiz}");
    s.keys("Enter");
    let answered = s.wait_for("Correct!");
    assert!(answered.contains("Correct!"), "{answered}");
    s.keys("q");
    let after = s.wait_for("IAMDOJO-EXITED-0");
    assert!(after.contains("IAMDOJO-EXITED-0"), "{after}");
    s.assert_given_back();
    assert!(
        !after.contains("Why attach policies"),
        "the lesson is still on screen after quitting:\n{after}"
    );
}

/// Ends iamdojo with `signal` and checks the exit status and the terminal.
fn check_signal(signal: &str, number: i32) {
    let s = Session::start(signal);
    s.wait_for_home();
    s.signal(signal);
    let exited = format!("IAMDOJO-EXITED-{}", 128 + number);
    let after = s.wait_for(&exited);
    assert!(after.contains(&exited), "{after}");
    s.assert_given_back();
}

#[test]
fn sigterm_gives_the_terminal_back() {
    check_signal("TERM", 15);
}

#[test]
fn sighup_gives_the_terminal_back() {
    check_signal("HUP", 1);
}

#[test]
fn sigquit_gives_the_terminal_back() {
    check_signal("QUIT", 3);
}

#[test]
fn sigusr1_gives_the_terminal_back() {
    check_signal("USR1", 10);
}

#[test]
fn sigint_sent_by_kill_gives_the_terminal_back() {
    check_signal("INT", 2);
}

/// A run killed with `kill -9` leaves the alternate screen on with its frame; the next start
/// clears it instead of drawing over the leftovers.
#[test]
fn the_screen_is_cleared_on_start() {
    let junk = "LEFTOVER ".repeat(11);
    let s = Session::start_after(
        "clear",
        &format!("printf '\\033[?1049h\\033[H'; yes '{junk}' | head -n 29; "),
    );
    s.wait_for_home();
    let home = s.screen();
    assert!(
        !home.contains("LEFTOVER"),
        "the old screen shows through:\n{home}"
    );
    s.keys("q");
    let after = s.wait_for("IAMDOJO-EXITED-0");
    assert!(after.contains("IAMDOJO-EXITED-0"), "{after}");
}
