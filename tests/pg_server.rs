//! A throwaway PostgreSQL server for one test: `initdb` into a temporary folder, started
//! with `pg_ctl` on a free loopback port (and a Unix socket in that folder), with a password
//! for its user so that URLs carry one; stopped and removed when the value is dropped, so a
//! failing test stops it too. Tests never share one, so they run in parallel safely.
//!
//! The binaries are Debian's `postgresql` package (/usr/lib/postgresql/N/bin), which
//! `.ci/run` installs: without them the test fails saying so, it is never skipped. initdb
//! refuses to run as root, so as root the server runs as the `postgres` system user the
//! package creates.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The user and password of every throwaway server.
const USER: &str = "iamdojo";
const PASSWORD: &str = "pw-not-secret";

/// A running throwaway PostgreSQL.
pub struct PgServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_root: bool,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

/// The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl.
fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some((v, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "PostgreSQL's initdb and pg_ctl are not in /usr/lib/postgresql/*/bin: \
             `.ci/run` installs them (apt-get install postgresql)"
        ),
    }
}

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id -u runs");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

impl PgServer {
    /// Makes and starts a server; panics (failing the test) when it cannot.
    pub fn start() -> PgServer {
        let bin = bin_dir();
        let as_root = is_root();
        let dir = tempfile::Builder::new()
            .prefix("iamdojo-pg-")
            .tempdir()
            .unwrap();
        std::fs::write(dir.path().join("pw"), PASSWORD).unwrap();
        if as_root {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .unwrap()
                .success();
            assert!(
                ok,
                "cannot give {} to the postgres user",
                dir.path().display()
            );
        }
        let data = dir.path().join("data");
        let pw = dir.path().join("pw");
        let out = run(
            &bin,
            as_root,
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                USER.as_ref(),
                "--pwfile".as_ref(),
                pw.as_os_str(),
                "--auth=scram-sha-256".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        assert!(out.status.success(), "initdb failed: {}", text(&out));
        // A free port: taken from the system, then given to PostgreSQL. Another process
        // could take it in between; then pg_ctl fails and says so.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = PgServer {
            dir,
            bin,
            as_root,
            port,
        };
        server.start_again();
        server
    }

    /// The URL of its `postgres` database, password included.
    pub fn url(&self) -> String {
        format!(
            "postgres://{USER}:{PASSWORD}@127.0.0.1:{}/postgres",
            self.port
        )
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Starts it (again, after [`PgServer::kill`]: on the same port with the same data).
    pub fn start_again(&self) {
        let data = self.data();
        let log = self.dir.path().join("log");
        let options = format!(
            "-k {} -p {} -h 127.0.0.1 -c fsync=off",
            self.dir.path().display(),
            self.port
        );
        let out = run(
            &self.bin,
            self.as_root,
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-l".as_ref(),
                log.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-w".as_ref(),
                "-t".as_ref(),
                "30".as_ref(),
                "start".as_ref(),
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}\n{}",
            text(&out),
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }

    /// Stops it at once (as a crash would), keeping its data.
    pub fn kill(&self) {
        let data = self.data();
        let _ = run(
            &self.bin,
            self.as_root,
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-w".as_ref(),
                "-t".as_ref(),
                "30".as_ref(),
                "stop".as_ref(),
            ],
        );
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.kill();
        // The folder (the postgres user's, when run as root) is removed by the TempDir.
    }
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs one of PostgreSQL's programs, as the `postgres` user when we are root.
fn run(
    bin: &Path,
    as_root: bool,
    program: &str,
    args: &[&std::ffi::OsStr],
) -> std::process::Output {
    let program = bin.join(program);
    let mut cmd = if as_root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&program);
        c
    } else {
        Command::new(&program)
    };
    // The postgres user may not enter the test's folder: it runs from `/`.
    cmd.args(args)
        .current_dir("/")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()))
}
