//! Learner progress: the store's promises (migrations, round trips, idempotent import,
//! damaged and newer files, concurrency, no loss on SIGKILL, the not-saving fallback), the
//! `progress` commands and the class report, from the fixtures in `tests/data/progress/`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use iamdojo::progress::{
    Attempt, CommandRecord, Completion, Export, LearnerName, LessonId, Notice, PackId, Position,
    ProgressError, RecordId, ResetScope, SCHEMA_VERSION, Setting, StepId, Store,
};
use jiff::Timestamp;

fn name(s: &str) -> LearnerName {
    LearnerName::new(s).expect("valid learner name")
}

fn pack(s: &str) -> PackId {
    PackId::new(s).expect("valid pack id")
}

fn lesson(s: &str) -> LessonId {
    LessonId::new(s).expect("valid lesson id")
}

fn step(s: &str) -> StepId {
    StepId::new(s).expect("valid step id")
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).expect("valid time")
}

fn attempt(l: &str, s: &str, answer: &str, correct: bool, second: i64) -> Attempt {
    let mut a = Attempt::new(pack("iam-basics"), lesson(l), "1", step(s), answer, correct);
    a.at = at(second);
    a.time_spent_ms = 10_000;
    a
}

fn open(dir: &Path) -> Store {
    Store::open_dir(dir).expect("the store opens")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/progress")
}

/// Runs the real binary with `IAMDOJO_DATA_DIR` set to `data`, in an English locale (the
/// default language of the output follows the locale) and in UTC (dates are shown in the
/// local time zone), whatever the machine running the tests has.
fn iamdojo(data: &Path, args: &[&str]) -> (i32, String, String) {
    iamdojo_env(data, args, &[])
}

/// [`iamdojo`] with more environment variables set (after the defaults, so they win).
fn iamdojo_env(data: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iamdojo"));
    cmd.args(args)
        .env("IAMDOJO_DATA_DIR", data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env_remove("IAMDOJO_LEARNER")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A store with a little of everything, for round trips.
fn populated(dir: &Path, who: &str) -> Store {
    let store = open(dir);
    let me = store.learner(&name(who)).expect("learner");
    for (i, (l, s, ans, ok)) in [
        ("policies", "deny-wins", "allow", false),
        ("policies", "deny-wins", "explicit deny", true),
        ("users", "root-daily", "no", true),
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = attempt(l, s, ans, ok, i as i64);
        a.hints_used = 1;
        assert!(store.record_attempt(&me, &a).expect("recorded"));
    }
    let c = Completion {
        pack: pack("iam-basics"),
        lesson: lesson("users"),
        lesson_version: "1".into(),
        at: at(100),
    };
    store.record_completion(&me, &c).expect("completion");
    let mut cmd = CommandRecord::new(
        pack("iam-basics"),
        lesson("users"),
        step("make-user"),
        "aws iam create-user --user-name bob",
        0,
    );
    cmd.at = at(50);
    store.record_command(&me, &cmd).expect("command");
    store
        .record_pack_seen(&me, &pack("iam-basics"), "1.0.0", "abc123")
        .expect("pack seen");
    store
        .set_setting(&me, Setting::Language, "ja")
        .expect("setting");
    let pos = Position {
        pack: pack("iam-basics"),
        lesson: lesson("policies"),
        step: step("#2"),
        at: at(200),
    };
    store.set_last_position(&me, &pos).expect("position");
    store
}

#[test]
fn migrations_run_on_an_empty_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("nested/data");
    let store = open(&dir);
    assert!(store.is_saving());
    assert!(store.notices().is_empty());
    drop(store);
    let conn = rusqlite::Connection::open(dir.join("progress.db")).expect("sqlite opens");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    assert_eq!(v, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    for table in [
        "learners",
        "packs_seen",
        "attempts",
        "completions",
        "commands",
        "settings",
        "positions",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .expect("schema query");
        assert_eq!(n, 1, "table {table}");
    }
    // Opening again migrates nothing and keeps working.
    drop(conn);
    assert!(open(&dir).is_saving());
}

#[test]
fn attempts_and_the_rest_round_trip() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = populated(tmp.path(), "alice");
    let me = store.learner(&name("alice")).expect("learner");

    let d = store.dashboard(&me).expect("dashboard");
    assert_eq!(d.lessons.len(), 2);
    let policies = &d.lessons[0];
    assert_eq!(
        (
            policies.lesson.as_str(),
            policies.attempts,
            policies.correct
        ),
        ("policies", 2, 1)
    );
    assert_eq!((policies.steps_tried, policies.steps_solved), (1, 1));
    // Two answers 1 s apart, each 10 s after its step was shown: the spans overlap, so 11 s
    // of active time, not 10 + 10.
    assert_eq!(policies.time_spent_ms, 11_000);
    assert!(policies.completed.is_none());
    assert_eq!(d.lessons[1].completed, Some(at(100)));
    let packs = d.packs();
    assert_eq!(packs.len(), 1);
    assert_eq!(
        (packs[0].lessons_started, packs[0].lessons_completed),
        (2, 1)
    );

    let steps = store
        .lesson_steps(&me, &pack("iam-basics"), &lesson("policies"))
        .expect("steps");
    assert_eq!(steps.len(), 1);
    assert!(steps[0].solved);
    assert_eq!(steps[0].last_answer, "explicit deny");

    assert_eq!(
        store.setting(&me, Setting::Language).expect("setting"),
        Some("ja".into())
    );
    assert_eq!(store.setting(&me, Setting::Theme).expect("setting"), None);
    let pos = store.last_position(&me).expect("position");
    assert_eq!(pos.map(|p| p.step), Some(step("#2")));
    let cmds = store
        .commands(
            &me,
            &pack("iam-basics"),
            &lesson("users"),
            &step("make-user"),
        )
        .expect("commands");
    assert_eq!(cmds.len(), 1);
    assert_eq!(cmds[0].command, "aws iam create-user --user-name bob");

    // The same attempt twice is recorded once.
    let a = attempt("policies", "other", "x", false, 5);
    assert!(store.record_attempt(&me, &a).expect("recorded"));
    assert!(!store.record_attempt(&me, &a).expect("recorded"));
    let all = store.attempts(&me, None).expect("attempts");
    assert_eq!(all.len(), 4);
    assert_eq!(all.last(), Some(&a));

    // Learners never see each other's answers.
    let bob = store.learner(&name("bob")).expect("learner");
    assert!(store.dashboard(&bob).expect("dashboard").lessons.is_empty());
    assert_eq!(
        store.learners().expect("learners"),
        vec![name("alice"), name("bob")]
    );
}

fn without_time(mut e: Export) -> Export {
    e.exported_at = Timestamp::UNIX_EPOCH;
    e
}

#[test]
fn export_then_import_twice_changes_nothing_the_second_time() {
    let a_dir = tempfile::tempdir().expect("temp dir");
    let b_dir = tempfile::tempdir().expect("temp dir");
    let a = populated(a_dir.path(), "alice");
    let alice = a.learner(&name("alice")).expect("learner");
    let exported = a.export(&alice).expect("export");
    let json = exported.to_json();
    let parsed = Export::from_json(&json).expect("the export reads back");
    assert_eq!(parsed, exported);

    let b = open(b_dir.path());
    let first = b.import(&parsed, None).expect("import");
    assert!(first.changed());
    assert!(first.created_learner);
    assert_eq!(first.attempts, 3);
    let alice_b = b.learner(&name("alice")).expect("learner");
    assert_eq!(alice_b.uid(), alice.uid(), "the profile keeps its identity");
    let once = without_time(b.export(&alice_b).expect("export"));
    assert_eq!(once, without_time(exported.clone()));

    let second = b.import(&parsed, None).expect("import");
    assert!(!second.changed(), "{second:?}");
    assert_eq!(without_time(b.export(&alice_b).expect("export")), once);

    // Into another profile, on purpose.
    let third = b.import(&parsed, Some(&name("alice-2"))).expect("import");
    assert_eq!(third.learner, name("alice-2"));
    assert_eq!(third.attempts, 3);
}

#[test]
fn export_and_import_through_the_cli() {
    let a_dir = tempfile::tempdir().expect("temp dir");
    let b_dir = tempfile::tempdir().expect("temp dir");
    drop(populated(a_dir.path(), "alice"));
    let file = a_dir.path().join("alice.json");
    let file_s = file.to_string_lossy().into_owned();

    let (code, _, err) = iamdojo(
        a_dir.path(),
        &["progress", "export", "--learner", "alice", "--out", &file_s],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 answers"), "{err}");

    let (code, out, err) = iamdojo(b_dir.path(), &["progress", "import", &file_s]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("imported into learner `alice` (new profile): 3 answers"),
        "{out}"
    );
    let (code, out, err) = iamdojo(b_dir.path(), &["progress", "import", &file_s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("nothing new"), "{out}");

    let (code, out, _) = iamdojo(b_dir.path(), &["progress", "show", "--learner", "alice"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("iam-basics: 2 lessons started, 1 finished; 3 answers (2 correct)"),
        "{out}"
    );
    assert!(
        out.contains("last position: iam-basics / policies / step #2"),
        "{out}"
    );

    let (code, out, _) = iamdojo(
        b_dir.path(),
        &[
            "progress",
            "export",
            "--learner",
            "alice",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("learner,learner_id,pack,lesson"));

    // A file that is not an export is refused with what it is.
    let bad = fixtures().join("broken/policy.json");
    let (code, _, err) = iamdojo(
        b_dir.path(),
        &["progress", "import", &bad.to_string_lossy()],
    );
    assert_eq!(code, 2);
    assert!(err.contains("is not an iamdojo progress export"), "{err}");

    // A learner with no progress yet gets a valid, empty export (so "everyone export now"
    // never fails), and a name close to one that exists is pointed out.
    let (code, out, err) = iamdojo(b_dir.path(), &["progress", "export", "--learner", "alcie"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("has no progress yet"), "{err}");
    assert!(err.contains("did you mean `alice`?"), "{err}");
    let empty = iamdojo::progress::Export::from_json(&out).expect("a valid export");
    assert!(empty.attempts.is_empty());
    assert_eq!(empty.learner.name.as_str(), "alcie");
}

#[test]
fn reset_asks_first_and_can_target_one_pack() {
    let tmp = tempfile::tempdir().expect("temp dir");
    {
        let store = populated(tmp.path(), "default");
        let me = store.learner(&name("default")).expect("learner");
        let mut other = Attempt::new(pack("other"), lesson("x"), "1", step("s"), "a", true);
        other.at = at(1);
        store.record_attempt(&me, &other).expect("recorded");
    }
    // Without a terminal and without --yes, nothing happens.
    let (code, _, err) = iamdojo(tmp.path(), &["progress", "reset"]);
    assert_eq!(code, 2);
    assert!(err.contains("add --yes"), "{err}");

    let (code, out, err) = iamdojo(
        tmp.path(),
        &["progress", "reset", "--pack", "iam-basics", "--yes"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("3 answers, 1 finished lesson, 1 sandbox command"),
        "{out}"
    );
    let store = open(tmp.path());
    let me = store.learner(&name("default")).expect("learner");
    let left = store.attempts(&me, None).expect("attempts");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].pack, pack("other"));
    // Preferences survive a reset.
    let all = store.reset(&me, &ResetScope::All).expect("reset");
    assert_eq!(all.attempts, 1);
    assert_eq!(
        store.setting(&me, Setting::Language).expect("setting"),
        Some("ja".into())
    );
}

#[test]
fn a_damaged_file_is_moved_aside_and_a_new_one_started() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let db = tmp.path().join("progress.db");
    let garbage = "this is not a database, it is a shopping list\n".repeat(200);
    std::fs::write(&db, &garbage).expect("write garbage");

    let store = open(tmp.path());
    assert!(store.is_saving());
    let [
        Notice::MovedAside {
            path,
            backup,
            problem,
        },
    ] = store.notices()
    else {
        panic!("expected one moved-aside notice, got {:?}", store.notices());
    };
    assert_eq!(path, &db);
    assert!(problem.contains("not a database"), "{problem}");
    let backup_name = backup.file_name().map(|n| n.to_string_lossy().into_owned());
    assert!(
        backup_name.is_some_and(|n| n.starts_with("progress.db.corrupt-")),
        "{}",
        backup.display()
    );
    assert_eq!(
        std::fs::read_to_string(backup).expect("backup kept"),
        garbage
    );
    let message = store.notices()[0].to_string();
    assert!(
        message.contains("moved aside") && message.contains("nothing was deleted"),
        "{message}"
    );

    // The new database works and is clean on the next open.
    let me = store.learner(&name("default")).expect("learner");
    store
        .record_attempt(&me, &attempt("policies", "s", "a", true, 0))
        .expect("recorded");
    drop(store);
    let again = open(tmp.path());
    assert!(again.notices().is_empty());
    let me = again.learner(&name("default")).expect("learner");
    assert_eq!(again.attempts(&me, None).expect("attempts").len(), 1);
}

#[test]
fn a_database_from_a_newer_iamdojo_is_refused_untouched() {
    let tmp = tempfile::tempdir().expect("temp dir");
    drop(open(tmp.path()));
    let db = tmp.path().join("progress.db");
    {
        let conn = rusqlite::Connection::open(&db).expect("sqlite opens");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("set version");
        conn.execute(
            "UPDATE meta SET value = '9.9.9' WHERE key = 'schema_written_by'",
            [],
        )
        .expect("meta");
    }
    let err = Store::open_dir(tmp.path()).expect_err("refused");
    assert!(matches!(err, ProgressError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1));
    let msg = err.to_string();
    assert!(msg.contains("install iamdojo 9.9.9 or later"), "{msg}");
    assert!(
        msg.contains(&format!("schema version {}", SCHEMA_VERSION + 1)),
        "{msg}"
    );

    let (code, _, err) = iamdojo(tmp.path(), &["progress", "show"]);
    assert_eq!(code, 2);
    assert!(err.contains("install iamdojo 9.9.9 or later"), "{err}");

    let conn = rusqlite::Connection::open(&db).expect("sqlite opens");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    assert_eq!(v, SCHEMA_VERSION + 1, "the file was not changed");
    let backups = std::fs::read_dir(tmp.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .count();
    assert_eq!(backups, 0, "a newer file is not moved aside");
}

#[test]
fn two_connections_write_at_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    drop(open(tmp.path()));
    let writers: Vec<_> = ["ann", "ben"]
        .into_iter()
        .map(|who| {
            let dir = tmp.path().to_path_buf();
            std::thread::spawn(move || {
                let store = Store::open_dir(&dir).expect("opens");
                let me = store.learner(&name(who)).expect("learner");
                for i in 0..200 {
                    store
                        .record_attempt(&me, &attempt("policies", "s", who, i % 2 == 0, i))
                        .expect("recorded");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("the writer finished");
    }
    let store = open(tmp.path());
    for who in ["ann", "ben"] {
        let me = store.learner(&name(who)).expect("learner");
        assert_eq!(store.attempts(&me, None).expect("attempts").len(), 200);
    }
}

/// The environment variable that turns [`child_process_role`] into a child.
const CHILD_ENV: &str = "IAMDOJO_TEST_PROGRESS_CHILD";

/// Spawns this test binary as a child running [`child_process_role`] with `role`.
fn spawn_child(role: &str) -> std::process::Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "progress::child_process_role",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD_ENV, role)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

/// Not a test on its own: when `IAMDOJO_TEST_PROGRESS_CHILD` is `DIR\tLEARNER\tCOUNT`, this
/// records COUNT attempts (forever, until killed, when COUNT is 0) in DIR, printing each id
/// once `record_attempt` has returned.
#[test]
fn child_process_role() {
    let Ok(role) = std::env::var(CHILD_ENV) else {
        return;
    };
    let parts: Vec<&str> = role.split('\t').collect();
    let [dir, who, count] = parts.as_slice() else {
        panic!("bad child role `{role}`");
    };
    let count: i64 = count.parse().expect("a count");
    let store = Store::open_dir(Path::new(dir)).expect("opens");
    let me = store.learner(&name(who)).expect("learner");
    let started = std::time::Instant::now();
    let mut i = 0;
    // A child that is never killed stops by itself.
    while (count == 0 || i < count) && started.elapsed().as_secs() < 60 {
        let a = attempt("policies", "s", who, true, i);
        store.record_attempt(&me, &a).expect("recorded");
        println!("committed {}", a.id);
        i += 1;
    }
}

/// The id in a child's `committed ID` line; libtest may have started the line with the
/// test's name.
fn committed_id(line: &str) -> Option<&str> {
    line.split_once("committed ").map(|(_, id)| id.trim())
}

#[test]
fn two_processes_write_at_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    drop(open(tmp.path()));
    let dir = tmp.path().to_string_lossy().into_owned();
    let children: Vec<_> = ["proc-a", "proc-b"]
        .into_iter()
        .map(|who| spawn_child(&format!("{dir}\t{who}\t150")))
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("the child ran");
        assert!(out.status.success());
        let committed = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(committed_id)
            .count();
        assert_eq!(committed, 150);
    }
    let store = open(tmp.path());
    for who in ["proc-a", "proc-b"] {
        let me = store.learner(&name(who)).expect("learner");
        assert_eq!(store.attempts(&me, None).expect("attempts").len(), 150);
    }
}

#[test]
fn sigkill_loses_no_committed_attempt() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_string_lossy().into_owned();
    let mut child = spawn_child(&format!("{dir}\tvictim\t0"));
    let stdout = child.stdout.take().expect("piped stdout");
    let mut committed: Vec<String> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if let Some(id) = committed_id(&line) {
            committed.push(id.to_string());
            if committed.len() == 40 {
                break;
            }
        }
    }
    child.kill().expect("SIGKILL sent");
    let _ = child.wait();
    assert_eq!(
        committed.len(),
        40,
        "the child recorded attempts before it was killed"
    );

    let store = open(tmp.path());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    let me = store.learner(&name("victim")).expect("learner");
    let saved: std::collections::HashSet<RecordId> = store
        .attempts(&me, None)
        .expect("attempts")
        .into_iter()
        .map(|a| a.id)
        .collect();
    for id in &committed {
        let id = RecordId::new(id.as_str()).expect("an id");
        assert!(saved.contains(&id), "attempt {id} was lost");
    }
}

#[test]
fn an_unusable_data_dir_gives_a_store_that_says_it_is_not_saving() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a directory").expect("write");
    // The "directory" is below a regular file: it can never be created.
    let store = Store::open_dir(&file.join("data")).expect("still opens");
    assert!(!store.is_saving());
    let [Notice::NotSaving { .. }] = store.notices() else {
        panic!("expected a not-saving notice, got {:?}", store.notices());
    };
    let msg = store.notices()[0].to_string();
    assert!(
        msg.contains("NOT being saved") && msg.contains("cannot create the data directory"),
        "{msg}"
    );
    // The program keeps working, in memory.
    let me = store.learner(&name("default")).expect("learner");
    store
        .record_attempt(&me, &attempt("policies", "s", "a", true, 0))
        .expect("recorded in memory");
    assert_eq!(store.dashboard(&me).expect("dashboard").lessons.len(), 1);

    // The CLI warns, and refuses to import into nothing.
    let data = file.join("data");
    let (code, out, err) = iamdojo(&data, &["progress", "show"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: progress is NOT being saved"),
        "{err}"
    );
    assert!(out.contains("no progress yet"), "{out}");
    let export = fixtures().join("class/bob.json");
    let (code, _, err) = iamdojo(&data, &["progress", "import", &export.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing was imported"), "{err}");
}

/// Makes a directory read-only even for root (`chattr +i`), or with permissions when that
/// is not possible; undone on drop.
struct ReadOnly {
    dir: PathBuf,
    immutable: bool,
}

impl ReadOnly {
    fn new(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let immutable = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !immutable {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).ok()?;
        }
        let guard = ReadOnly {
            dir: dir.to_path_buf(),
            immutable,
        };
        // Root ignores permissions: only go on when the directory really refuses writes.
        let probe = dir.join("probe");
        if std::fs::write(&probe, "x").is_ok() {
            let _ = std::fs::remove_file(&probe);
            return None;
        }
        Some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        } else {
            let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[test]
fn a_read_only_data_dir_shows_saved_progress_but_saves_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    drop(populated(tmp.path(), "alice"));
    let Some(_guard) = ReadOnly::new(tmp.path()) else {
        eprintln!("skipped: cannot make a read-only directory here (root without chattr)");
        return;
    };
    let store = open(tmp.path());
    assert!(!store.is_saving());
    let [Notice::NotSaving { history_shown, .. }] = store.notices() else {
        panic!("expected a not-saving notice, got {:?}", store.notices());
    };
    assert!(history_shown, "the progress already saved is shown");
    let me = store.learner(&name("alice")).expect("learner");
    assert_eq!(store.attempts(&me, None).expect("attempts").len(), 3);
    store
        .record_attempt(&me, &attempt("policies", "s", "new", true, 9))
        .expect("recorded in memory");
    assert_eq!(store.attempts(&me, None).expect("attempts").len(), 4);
    let (code, out, err) = iamdojo(tmp.path(), &["progress", "show", "--learner", "alice"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("NOT being saved"), "{err}");
    assert!(out.contains("3 answers"), "{out}");
}

// ---- class report ----

fn class_report(args: &[&str]) -> (i32, String, String) {
    let dir = fixtures().join("class");
    let mut all = vec!["class", "report", dir.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    let unused = tempfile::tempdir().expect("temp dir");
    iamdojo(unused.path(), &all)
}

#[test]
fn class_report_as_text() {
    let (code, out, err) = class_report(&[]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn class_report_as_csv() {
    let (code, out, err) = class_report(&["--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    // 5 learners (alice's two exports merged, the two `default`s apart) × 4 lessons.
    assert_eq!(out.lines().count(), 1 + 5 * 4, "{out}");
    assert!(!out.contains("\n=cmd"), "formulas are defused");
    insta::assert_snapshot!(out);
}

/// Checks that every tag opened is closed in order (void elements and `<…/>` aside).
fn assert_well_formed(html: &str) {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("every tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let self_closing = tag.ends_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a `<` that opens no tag: `<{tag}>`");
        if tag.starts_with('/') {
            let open = stack.pop();
            assert_eq!(
                open.as_deref(),
                Some(name.as_str()),
                "`</{name}>` closes the wrong tag"
            );
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn class_report_as_html() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out_file = tmp.path().join("report.html");
    let (code, _, err) = class_report(&[
        "--format",
        "html",
        "--out",
        out_file.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out_file).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_well_formed(&html);
    for learner in [
        "alice",
        "bob",
        "default (default-lab1.json)",
        "default (default-lab2.json)",
        "&lt;b&gt;mallory&lt;/b&gt; &amp; &quot;co&quot;",
    ] {
        assert!(
            html.contains(&format!(">{learner}</th>")),
            "learner {learner}"
        );
    }
    for lesson in [
        "iam-basics/01-what-is-iam",
        "iam-basics/02-users",
        "iam-basics/03-policies",
        "incident/capstone",
    ] {
        assert!(html.contains(lesson), "lesson {lesson}");
    }
    // Self-contained and inert: no scripts, no links, nothing fetched.
    for banned in [
        "http:", "https:", "<script", "src=", "href=", "url(", "@import",
    ] {
        assert!(!html.contains(banned), "the report contains `{banned}`");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("<svg"), "charts are inline SVG");
}

#[test]
fn class_report_skips_unreadable_files_and_says_so() {
    let dir = fixtures().join("broken");
    let tmp = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = iamdojo(
        tmp.path(),
        &["class", "report", dir.to_str().expect("utf-8")],
    );
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("Class report: 1 learner"), "{out}");
    assert!(
        err.contains("policy.json`: this is not an iamdojo progress export"),
        "{err}"
    );
    assert!(err.contains("truncated.json`: line"), "{err}");
    assert!(err.contains("2 of 3 files could not be read"), "{err}");
}

/// Where a headless Chromium is installed, the HTML report is loaded in it and its DOM
/// checked; elsewhere this test says it was skipped.
#[test]
fn class_report_renders_in_headless_chromium() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    else {
        eprintln!("skipped: no headless Chromium on this machine");
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("report.html");
    let (code, _, err) =
        class_report(&["--format", "html", "--out", page.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    // The parsed page has the report's structure: nothing was dropped as malformed.
    assert!(dom.contains("<h1>Class report</h1>"), "{dom}");
    assert_eq!(dom.matches("<svg").count(), 2, "two charts");
    assert_eq!(
        dom.matches("<tr>").count(),
        1 + 5 + 1 + 4 + 1 + 3 + 1 + 6,
        "every table row"
    );
    assert!(!dom.contains("<script"), "learner text stayed text");
}

// ---- what `progress show` counts ----

/// A pack `eight` whose lesson `eight-questions` has one reading step and eight quizzes.
fn eight_pack(dir: &Path) -> PathBuf {
    let root = dir.join("eight-pack");
    std::fs::create_dir_all(&root).expect("pack dir");
    std::fs::write(
        root.join("pack.yaml"),
        "schema: 1\nid: eight\nversion: 0.1.0\ntitle: {en: \"Eight questions\", ja: \"八つの問い\"}\nlanguages: [en, ja]\nlessons:\n  - quiz.yaml\n",
    )
    .expect("pack.yaml");
    let mut lesson = String::from(
        "id: eight-questions\nversion: 1\ntitle: {en: \"Eight questions about IAM\", ja: \"IAM についての八つの問い\"}\nsummary: \"Eight quizzes and one reading.\"\nsteps:\n  - read: \"Read this first.\"\n",
    );
    for i in 1..=8 {
        lesson.push_str(&format!(
            "  - id: q{i}\n    quiz:\n      question: \"Question {i}?\"\n      choices:\n        - text: \"yes\"\n          correct: true\n        - text: \"no\"\n"
        ));
    }
    std::fs::write(root.join("quiz.yaml"), lesson).expect("lesson");
    root
}

fn eight_attempt(s: &str, correct: bool, second: i64, spent_ms: u64) -> Attempt {
    let mut a = Attempt::new(
        pack("eight"),
        lesson("eight-questions"),
        "1",
        step(s),
        if correct { "yes" } else { "no" },
        correct,
    );
    a.at = at(second);
    a.time_spent_ms = spent_ms;
    a
}

#[test]
fn progress_show_counts_exercises_from_the_lesson_and_shows_titles() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pack_dir = eight_pack(tmp.path());
    let pack_s = pack_dir.to_string_lossy().into_owned();
    let data = tmp.path().join("data");
    {
        let store = open(&data);
        let me = store.learner(&name("default")).expect("learner");
        // Six of the eight quizzes answered right, q1 after a wrong answer: six steps tried,
        // six solved, so the old count said "6/6".
        let mut second = 0;
        store
            .record_attempt(&me, &eight_attempt("q1", false, second, 1000))
            .expect("recorded");
        for i in 1..=6 {
            second += 10;
            store
                .record_attempt(&me, &eight_attempt(&format!("q{i}"), true, second, 5000))
                .expect("recorded");
        }
    }

    let (code, out, err) = iamdojo(&data, &["progress", "show", "--pack", &pack_s]);
    assert_eq!(code, 0, "{err}");
    let row = out
        .lines()
        .find(|l| l.ends_with("Eight questions about IAM"))
        .unwrap_or_else(|| panic!("a row titled by the lesson: {out}"));
    assert!(row.contains(" 6/8 "), "{row}");
    assert!(!out.contains("6/6"), "{out}");
    assert!(!out.contains("eight-questions"), "titles, not slugs: {out}");
    assert!(
        out.contains("\nEight questions: 1 lesson started, 0 finished"),
        "{out}"
    );
    assert!(out.contains("a pause counts at most 5 min"), "{out}");

    // The same row in Japanese with --lang ja, also given before the subcommand.
    let (code, out, err) = iamdojo(
        &data,
        &["--lang", "ja", "--pack", &pack_s, "progress", "show"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("IAM についての八つの問い"), "{out}");
    assert!(out.contains("八つの問い: "), "{out}");

    // Without the pack the lesson is unknown: its id, and no made-up total.
    let (code, out, err) = iamdojo(&data, &["progress", "show"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(" 6/? "), "{out}");
    assert!(out.contains("eight-questions"), "{out}");

    // JSON keeps the ids and adds the count and title.
    let (code, out, err) = iamdojo(
        &data,
        &["progress", "show", "--format", "json", "--pack", &pack_s],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let l = &v["lessons"][0];
    assert_eq!(l["lesson"], "eight-questions");
    assert_eq!(l["pack"], "eight");
    assert_eq!(l["exercises"], 8);
    assert_eq!(l["steps_solved"], 6);
    assert_eq!(l["title"], "Eight questions about IAM");

    // The class report counts the same way, from an export.
    let file = tmp.path().join("me.json");
    let file_s = file.to_string_lossy().into_owned();
    let (code, _, err) = iamdojo(&data, &["progress", "export", "--out", &file_s]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = iamdojo(&data, &["class", "report", &file_s, "--pack", &pack_s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Eight questions about IAM"), "{out}");
    assert!(out.contains(" 6/8 "), "{out}");
    let (code, out, err) = iamdojo(
        &data,
        &[
            "class", "report", &file_s, "--pack", &pack_s, "--format", "csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(",Eight questions about IAM,6,8"), "{out}");
}

#[test]
fn time_is_active_time_counted_once_with_idle_gaps_capped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = open(tmp.path());
    let me = store.learner(&name("default")).expect("learner");
    // q1 shown at 0 s and answered at 3, 5 and 7 s (each attempt's time runs from when the
    // step was shown): 7 s, not 3 + 5 + 7.
    for (second, spent) in [(3, 3000), (5, 5000), (7, 7000)] {
        store
            .record_attempt(&me, &eight_attempt("q1", second == 7, second, spent))
            .expect("recorded");
    }
    // q2 shown at 10 s, answered at 15 s: 5 s more.
    store
        .record_attempt(&me, &eight_attempt("q2", true, 15, 5000))
        .expect("recorded");
    // q3 shown at 100 s and left open for an hour: the gap counts 5 minutes.
    store
        .record_attempt(&me, &eight_attempt("q3", true, 3_700, 3_600_000))
        .expect("recorded");
    let d = store.dashboard(&me).expect("dashboard");
    assert_eq!(d.lessons.len(), 1);
    assert_eq!(d.lessons[0].time_spent_ms, 7_000 + 5_000 + 300_000);
    assert_eq!(d.packs()[0].time_spent_ms, 312_000);
}

// ---- in the learner's language ----

/// The pack `eight` with a little of everything at fixed times: six quizzes solved (one after
/// a wrong answer and a hint), the lesson finished, the last position at 2026-11-18 23:33:20
/// UTC (`at(200)`), and a second learner.
fn eight_progress(dir: &Path) -> (PathBuf, PathBuf) {
    let pack_dir = eight_pack(dir);
    let data = dir.join("data");
    let store = open(&data);
    let me = store.learner(&name("default")).expect("learner");
    let mut wrong = eight_attempt("q1", false, 0, 4000);
    wrong.hints_used = 1;
    store.record_attempt(&me, &wrong).expect("recorded");
    for i in 1..=6 {
        store
            .record_attempt(&me, &eight_attempt(&format!("q{i}"), true, 10 * i, 5000))
            .expect("recorded");
    }
    let done = Completion {
        pack: pack("eight"),
        lesson: lesson("eight-questions"),
        lesson_version: "1".into(),
        at: at(100),
    };
    store.record_completion(&me, &done).expect("completion");
    let pos = Position {
        pack: pack("eight"),
        lesson: lesson("eight-questions"),
        step: step("q7"),
        at: at(200),
    };
    store.set_last_position(&me, &pos).expect("position");
    store.learner(&name("aoi")).expect("a second learner");
    (pack_dir, data)
}

#[test]
fn progress_show_in_japanese() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (pack_dir, data) = eight_progress(tmp.path());
    let pack_s = pack_dir.to_string_lossy().into_owned();
    let data_s = data.to_string_lossy().into_owned();
    let show = |args: &[&str]| {
        let mut all = vec!["progress", "show", "--pack", &pack_s];
        all.extend_from_slice(args);
        let (code, out, err) = iamdojo(&data, &all);
        assert_eq!(code, 0, "{err}");
        assert!(err.is_empty(), "{err}");
        out.replace(&data_s, "[DATA]")
    };
    let ja = show(&["--lang", "ja"]);
    insta::assert_snapshot!("progress_show_ja", ja);
    let en = show(&["--lang", "en"]);
    insta::assert_snapshot!("progress_show_en", en);
    // at(200) is 1_795_000_200 s after the epoch: 2026-11-18T11:10:00Z, shown in UTC here.
    assert!(ja.contains("(2026年11月18日 11:10)"), "{ja}");
    assert!(en.contains("(18 Nov 2026 11:10)"), "{en}");

    // The top-level --lang governs the output too, and the subcommand's wins over it.
    let (code, top, err) = iamdojo(
        &data,
        &["--lang", "ja", "progress", "show", "--pack", &pack_s],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(top.replace(&data_s, "[DATA]"), ja, "the top-level --lang");
    let (code, both, err) = iamdojo(
        &data,
        &[
            "--lang", "ja", "progress", "show", "--pack", &pack_s, "--lang", "en",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        both.replace(&data_s, "[DATA]"),
        en,
        "the subcommand's --lang wins"
    );
    // Without --lang, the locale decides.
    let (code, local, err) = iamdojo_env(
        &data,
        &["progress", "show", "--pack", &pack_s],
        &[("LANG", "ja_JP.UTF-8")],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(local.replace(&data_s, "[DATA]"), ja, "the locale");
    // A language iamdojo does not speak is refused rather than guessed.
    let (code, out, err) = iamdojo(&data, &["--lang", "fr", "progress", "show"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("`fr`"), "{err}");
    let (code, _, err) = iamdojo(&data, &["progress", "show", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'fr'"), "{err}");
}

#[test]
fn class_report_in_japanese() {
    let (code, out, err) = class_report(&["--lang", "ja"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
    // The same learners and figures as in English, and the last answers' times in UTC.
    assert!(
        out.starts_with("クラスレポート: 学習者 5 人、レッスン 4 個\n"),
        "{out}"
    );
    assert!(
        out.contains("2026年11月20日 09:40"),
        "alice's later export counts: {out}"
    );

    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("report.html");
    let (code, _, err) = class_report(&[
        "--format",
        "html",
        "--lang",
        "ja",
        "--out",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("ファイル 6 件から学習者 5 人のレポートを"),
        "{err}"
    );
    let html = std::fs::read_to_string(&page).expect("the report was written");
    assert_well_formed(&html);
    assert!(html.contains("<html lang=\"ja\">"));
    assert!(html.contains("<h1>クラスレポート</h1>"));
    assert!(html.contains("<h2>間違いの多い問題</h2>"));
    assert!(html.contains(">2026年11月20日 09:40</td>"));
    assert!(!html.contains("Class report"), "no English heading left");

    // CSV is for machines: the same bytes in every language.
    let (_, en, _) = class_report(&["--format", "csv"]);
    let (_, ja, _) = class_report(&["--format", "csv", "--lang", "ja"]);
    assert_eq!(en, ja);

    // The command's own messages too.
    let dir = fixtures().join("broken");
    let (code, out, err) = iamdojo(
        tmp.path(),
        &[
            "class",
            "report",
            dir.to_str().expect("utf-8"),
            "--lang",
            "ja",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(out.starts_with("クラスレポート: 学習者 1 人"), "{out}");
    assert!(
        err.contains("policy.json`: iamdojo の進捗のエクスポートではありません"),
        "{err}"
    );
    assert!(
        err.contains("3 件中 2 件のファイルを読み取れませんでした。"),
        "{err}"
    );
}

#[test]
fn export_import_and_reset_speak_japanese() {
    let a_dir = tempfile::tempdir().expect("temp dir");
    let b_dir = tempfile::tempdir().expect("temp dir");
    drop(populated(a_dir.path(), "alice"));
    let file = a_dir.path().join("alice.json");
    let file_s = file.to_string_lossy().into_owned();
    let ja = |dir: &Path, args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--lang", "ja"]);
        iamdojo(dir, &all)
    };
    let (code, _, err) = ja(
        a_dir.path(),
        &["progress", "export", "--learner", "alice", "--out", &file_s],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("学習者 `alice` の進捗 (解答 3 件、完了したレッスン 1 個) を"),
        "{err}"
    );
    let (code, out, err) = ja(b_dir.path(), &["progress", "import", &file_s]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "学習者 `alice` (新しいプロファイル) に取り込みました: 解答 3 件、完了したレッスン 1 個、サンドボックスのコマンド 1 件、設定 1 件、前回の位置\n"
    );
    let (_, out, _) = ja(b_dir.path(), &["progress", "import", &file_s]);
    assert!(out.starts_with("新しい記録はありません。"), "{out}");
    let (code, _, err) = ja(b_dir.path(), &["progress", "reset", "--learner", "alice"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("確認なしでは学習者 `alice` のすべての進捗を消去しません。"),
        "{err}"
    );
    let (code, out, err) = ja(
        b_dir.path(),
        &["progress", "reset", "--learner", "alice", "--yes"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("学習者 `alice` のすべての進捗を消去しました: 解答 3 件"),
        "{out}"
    );
    // A learner who is not there: the nearest name is pointed out, in Japanese.
    let (code, _, err) = ja(b_dir.path(), &["progress", "reset", "--learner", "alcie"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("学習者 `alcie` はここにいません。`alice` の間違いではありませんか。"),
        "{err}"
    );
}

/// The interface's progress dashboard uses the same words and the same date as the CLI.
#[test]
fn the_dashboard_shows_when_a_lesson_was_finished() {
    use iamdojo::lang::Lang;
    use iamdojo::progress::render::date_time;
    use iamdojo::tui::app::App;
    use iamdojo::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    for lang in [Lang::En, Lang::Ja] {
        let dir = tempfile::tempdir().expect("temp dir");
        let tiny = iamdojo::lesson::load::load_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/packs/tiny"),
        )
        .expect("the fixture pack loads");
        let store = open(dir.path());
        let me = store.learner(&name("default")).expect("learner");
        let mut a = Attempt::new(
            pack("tiny"),
            lesson("groups"),
            "1",
            step("why-groups"),
            "0",
            true,
        );
        a.at = at(50);
        store.record_attempt(&me, &a).expect("recorded");
        let done = Completion {
            pack: pack("tiny"),
            lesson: lesson("groups"),
            lesson_version: "1".into(),
            at: at(100),
        };
        store.record_completion(&me, &done).expect("completion");
        let mut app = App::new(
            vec![tiny],
            Vec::new(),
            lang,
            Theme::no_color(),
            Some(store),
            Some(me),
        );
        app.key(KeyEvent::new(KeyCode::Char('D'), KeyModifiers::NONE));
        let mut t = Terminal::new(TestBackend::new(200, 30)).expect("a test terminal");
        t.draw(|f| iamdojo::tui::view::draw(f, &app))
            .expect("draws");
        // Wide characters take two cells, the second drawn as a space: read the text back
        // without those.
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect::<String>();
        let when = date_time(at(100), lang);
        let shown = match lang {
            Lang::En => format!("last finished: Put a user in a group, {when}"),
            Lang::Ja => format!("最後に完了したレッスン: ユーザーをグループに入れる ({when})"),
        };
        let squeezed = |s: &str| s.replace(' ', "");
        assert!(
            squeezed(&screen).contains(&squeezed(&shown)),
            "{lang:?}: `{shown}` in\n{screen}"
        );
        let totals = match lang {
            Lang::En => "1 lesson completed",
            Lang::Ja => "完了 1",
        };
        assert!(
            squeezed(&screen).contains(&squeezed(totals)),
            "{lang:?}: `{totals}` in\n{screen}"
        );
    }
}
