//! Hostile input, data-driven: each file under `tests/data/hostile/` is one case — the
//! surface, the input (or how to make it), and the message expected. Every case runs the real
//! binary with a memory cap and a time limit, and every case also checks what must hold for
//! any input: no panic or abort, no hang, no memory exhaustion, and no control character from
//! the input reaching the terminal raw.
//!
//! A case file:
//!
//! ```yaml
//! about: what it checks (and the point of the hardening issue)
//! args: [sandbox]                # iamdojo's arguments; {dir} is the case's scratch folder
//! stdin: "lines for standard input"
//! files: {name: content}         # written into {dir}; content may use the generators below
//! fifos: [name]                  # FIFOs made in {dir}
//! env: {NAME: value}
//! expect: {code: 2, stdout: [substrings], stderr: [substrings], stdout_empty: true}
//! ```
//!
//! Generators, in `stdin` and file contents: `{{N*TEXT}}` is TEXT N times; `{{indent N TEXT}}`
//! is N lines of TEXT, each indented two spaces more than the one before.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    about: String,
    args: Vec<String>,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    fifos: Vec<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    expect: Expect,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    code: Option<i32>,
    #[serde(default)]
    stdout: Vec<String>,
    #[serde(default)]
    stderr: Vec<String>,
    #[serde(default)]
    stdout_empty: bool,
}

/// How long one case may run before it counts as a hang.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// The virtual memory a case may use (KiB, for `ulimit -v`): far more than any honest input
/// needs, far less than an unbounded read of `/dev/zero` takes.
const MEMORY_KIB: u64 = 6 * 1024 * 1024;

/// Expands the generators of the format.
fn generate(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let inner = &rest[start + 2..start + len];
        if let Some(spec) = inner.strip_prefix("indent ") {
            let (n, line) = spec.split_once(' ').expect("{{indent N TEXT}}");
            let n: usize = n.parse().expect("a count");
            for i in 0..n {
                out.push_str(&" ".repeat(2 * i));
                out.push_str(line);
                out.push('\n');
            }
        } else {
            let (n, t) = inner.split_once('*').expect("{{N*TEXT}}");
            out.push_str(&t.repeat(n.parse().expect("a count")));
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "mkfifo {} failed: the FIFO cases need it",
        path.display()
    );
}

/// A character that could drive a terminal: what must never come out raw.
fn drives_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn run_case(name: &str, case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let d = dir.path();
    for (file, content) in &case.files {
        let p = d.join(file);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&p, generate(content)).map_err(|e| e.to_string())?;
    }
    for f in &case.fifos {
        mkfifo(&d.join(f));
    }
    let dirs = d.display().to_string();
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("{dir}", &dirs))
        .collect();
    let script = format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\"");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_iamdojo"))
        .args(&args)
        .env("IAMDOJO_DATA_DIR", d.join("data"))
        .env("IAMDOJO_CONFIG_DIR", d.join("config"))
        .env("HOME", d)
        .env_remove("IAMDOJO_MAX_GAAD_MB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().map_err(|e| format!("cannot start: {e}"))?;
    let stdin = case.stdin.as_deref().map(generate).unwrap_or_default();
    let mut pipe = child.stdin.take().ok_or("no stdin")?;
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(stdin.as_bytes());
    });
    // Read both pipes on threads so that a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().ok_or("no stdout")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr")?;
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{name}: still running after {TIME_LIMIT:?}: a hang"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    let shown = format!(
        "{name} ({}):\n--- code {:?}\n--- stdout\n{}\n--- stderr\n{}",
        case.about,
        status.code(),
        stdout.chars().take(2000).collect::<String>(),
        stderr.chars().take(2000).collect::<String>()
    );
    let Some(code) = status.code() else {
        return Err(format!(
            "killed by a signal (abort, overflow or memory): {shown}"
        ));
    };
    if code == 101 || stderr.contains("panicked") || stderr.contains("overflowed its stack") {
        return Err(format!("a panic: {shown}"));
    }
    if let Some(bad) = stdout
        .chars()
        .chain(stderr.chars())
        .find(|&c| drives_a_terminal(c))
    {
        return Err(format!("a raw {:?} reached the terminal: {shown}", bad));
    }
    if let Some(want) = case.expect.code
        && code != want
    {
        return Err(format!("exit status {code}, expected {want}: {shown}"));
    }
    if case.expect.stdout_empty && !stdout.is_empty() {
        return Err(format!("standard output should be empty: {shown}"));
    }
    for s in &case.expect.stdout {
        if !stdout.contains(s.as_str()) {
            return Err(format!("standard output lacks {s:?}: {shown}"));
        }
    }
    for s in &case.expect.stderr {
        if !stderr.contains(s.as_str()) {
            return Err(format!("standard error lacks {s:?}: {shown}"));
        }
    }
    Ok(())
}

#[test]
fn hostile_inputs_get_clear_messages_and_break_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
    let mut names: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/data/hostile")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "the hostile suite lost its cases");
    let mut failures = Vec::new();
    for p in &names {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(p).expect("case file");
        let case: Case = match serde_yaml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: not a case: {e}"));
                continue;
            }
        };
        if let Err(e) = run_case(&name, &case) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}
