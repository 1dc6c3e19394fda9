//! The real binary in a real terminal (tmux): open a lesson, answer a quiz, quit, and check
//! the screen and that the terminal was given back (alternate screen off).

use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    Command::new("tmux")
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn wait_for(session: &str, text: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", session]);
        if screen.contains(text) || start.elapsed() > Duration::from_secs(10) {
            return screen;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_learner_answers_a_quiz_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        // .ci/run installs tmux; a developer machine without it skips this one test.
        eprintln!("tmux is not installed: skipping the terminal test");
        return;
    }
    let data = tempfile::tempdir().expect("temp dir");
    let session = format!("iamdojo-e2e-{}", std::process::id());
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/packs/tiny");
    let cmd = format!(
        "IAMDOJO_DATA_DIR={} {} --no-builtin --pack {pack} --lang en; echo IAMDOJO-EXITED-$?; sleep 30",
        data.path().display(),
        env!("CARGO_BIN_EXE_iamdojo")
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    let home = wait_for(&session, "Put a user in a group");
    assert!(home.contains("Lessons"), "{home}");
    tmux(&["send-keys", "-t", &session, "Enter"]);
    wait_for(&session, "Groups");
    tmux(&["send-keys", "-t", &session, "n"]);
    let quiz = wait_for(&session, "Why attach policies");
    assert!(quiz.contains("Pick one answer"), "{quiz}");
    tmux(&["send-keys", "-t", &session, "Enter"]);
    let answered = wait_for(&session, "Correct!");
    assert!(answered.contains("Correct!"), "{answered}");
    tmux(&["send-keys", "-t", &session, "q"]);
    let after = wait_for(&session, "IAMDOJO-EXITED-0");
    let alternate = tmux(&["display-message", "-p", "-t", &session, "#{alternate_on}"]);
    tmux(&["kill-session", "-t", &session]);
    assert!(after.contains("IAMDOJO-EXITED-0"), "{after}");
    assert_eq!(
        alternate.trim(),
        "0",
        "the terminal is still on the alternate screen"
    );
    assert!(
        !after.contains("Why attach policies"),
        "the lesson is still on screen after quitting:\n{after}"
    );
}
