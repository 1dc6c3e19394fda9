//! The live class (`iamdojo class serve`, `--join`), over loopback only: every test starts
//! its own server on a free port and stops by itself within a bounded wait. Each fault test
//! ends by checking that the server holds exactly the union of the learners' local answers.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use iamdojo::class::client::{self, Sender, Timing};
use iamdojo::class::server::store::{self, Backend, PgUrl};
use iamdojo::class::server::{self, Config, Running, TlsFiles, db::Db};

use crate::pg_server::PgServer;
use iamdojo::progress::{Attempt, Catalog, LearnerName, LessonId, PackId, StepId, Store};

fn config(dir: &Path, listen: &str) -> Config {
    Config {
        listen: listen.parse().unwrap(),
        data_dir: dir.to_path_buf(),
        database: None,
        stuck: Duration::from_secs(600),
        new_class: false,
        catalogs: (Catalog::new(), Catalog::new()),
        predicts: Default::default(),
        tls: None,
    }
}

fn fast() -> Timing {
    Timing {
        poll: Duration::from_millis(50),
        heartbeat: Duration::from_millis(500),
        backoff_start: Duration::from_millis(50),
        backoff_max: Duration::from_millis(400),
        request_timeout: Duration::from_secs(3),
    }
}

fn attempt(step: &str, answer: &str, correct: bool) -> Attempt {
    Attempt::new(
        PackId::new("p").unwrap(),
        LessonId::new("l").unwrap(),
        "1",
        StepId::new(step).unwrap(),
        answer,
        correct,
    )
}

/// Waits up to 15 s for `f`.
fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(15);
    while Instant::now() < until {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// The attempt ids the server holds, per learner id.
fn server_ids(dir: &Path) -> BTreeSet<(String, String)> {
    let db = Db::open(dir).unwrap();
    let class = db.open_class().unwrap().expect("an open class");
    ids_of(&db.class_data(class.id).unwrap())
}

/// The attempt ids in learners' local databases, per learner id.
fn local_ids(stores: &[(&Store, &iamdojo::progress::Learner)]) -> BTreeSet<(String, String)> {
    stores
        .iter()
        .flat_map(|(s, l)| {
            s.attempts(l, None)
                .unwrap()
                .into_iter()
                .map(|a| (l.uid().to_string(), a.id.to_string()))
        })
        .collect()
}

fn learner(dir: &Path, name: &str) -> (Store, iamdojo::progress::Learner) {
    let s = Store::open_dir(dir).unwrap();
    let l = s.learner(&LearnerName::new(name).unwrap()).unwrap();
    (s, l)
}

/// An HTTP client that returns every status as it came (no redirects followed), giving up
/// after 5 s.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

fn post(url: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let agent = agent();
    let mut req = agent.post(url).header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    // A server refusing a body too large may close the connection before reading it all:
    // status 0 then.
    match req.send(body) {
        Ok(resp) => {
            let status = resp.status().as_u16();
            (
                status,
                resp.into_body().read_to_string().unwrap_or_default(),
            )
        }
        Err(e) => (0, e.to_string()),
    }
}

fn get(url: &str, token: Option<&str>) -> (u16, String) {
    let agent = agent();
    let mut req = agent.get(url);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let resp = req.call().unwrap();
    let status = resp.status().as_u16();
    (
        status,
        resp.into_body().read_to_string().unwrap_or_default(),
    )
}

/// Which store a test's server keeps its data in: every fault test runs on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sqlite,
    Postgres,
}

/// A server's data: its data directory, and with PostgreSQL a throwaway PostgreSQL server of
/// the test's own (stopped and removed when the test ends).
struct Data {
    dir: tempfile::TempDir,
    pg: Option<PgServer>,
}

impl Data {
    fn new(kind: Kind) -> Data {
        Data {
            dir: tempfile::tempdir().unwrap(),
            pg: (kind == Kind::Postgres).then(PgServer::start),
        }
    }

    fn url(&self) -> Option<PgUrl> {
        self.pg.as_ref().map(|p| PgUrl::parse(&p.url()).unwrap())
    }

    fn config(&self, listen: &str) -> Config {
        Config {
            database: self.url(),
            ..config(self.dir.path(), listen)
        }
    }

    fn backend(&self) -> Backend {
        let dir = self.dir.path().to_path_buf();
        match self.url() {
            None => Backend::Sqlite { dir },
            Some(url) => Backend::Postgres { url, dir },
        }
    }

    fn start(&self) -> Running {
        server::start(self.config("127.0.0.1:0"), false).unwrap()
    }

    /// The attempt ids the server holds in the class it would resume, per learner id.
    fn ids(&self) -> BTreeSet<(String, String)> {
        let mut db = store::Store::open(&self.backend()).unwrap();
        let class = db.resume().unwrap().expect("an open class");
        ids_of(&db.class_data(class.id).unwrap())
    }

    /// `class serve`'s flags for this data.
    fn serve_args(&self) -> Vec<std::ffi::OsString> {
        let mut args = vec!["--data-dir".into(), self.dir.path().into()];
        if let Some(pg) = &self.pg {
            args.extend(["--database".into(), pg.url().into()]);
        }
        args
    }
}

fn ids_of(data: &[iamdojo::class::server::db::LearnerData]) -> BTreeSet<(String, String)> {
    data.iter()
        .flat_map(|d| {
            d.attempts
                .iter()
                .map(|a| (d.learner.uid.to_string(), a.id.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Each of these runs once on SQLite and once on PostgreSQL.
macro_rules! on_both_stores {
    ($($test:ident),* $(,)?) => {
        mod on_sqlite {
            $( #[test] fn $test() { super::$test(super::Kind::Sqlite) } )*
        }
        mod on_postgres {
            $( #[test] fn $test() { super::$test(super::Kind::Postgres) } )*
        }
    };
}

on_both_stores!(
    answers_reach_the_server_once_and_only_under_their_own_learner,
    deliveries_are_read_strictly_and_bounded,
    a_learner_offline_then_back_loses_nothing,
    a_killed_server_restarted_mid_class_loses_nothing,
    the_dashboard_updates_live_on_an_open_stream,
    an_answer_reaches_the_server_exactly_as_given,
    an_answer_the_server_refuses_does_not_hold_up_the_others,
);

/// An answer the server cannot take as it is (here larger than a delivery may hold) is set
/// aside, counted on the status line and kept in the local database; the answers before and
/// after it still reach the server.
fn an_answer_the_server_refuses_does_not_hold_up_the_others(kind: Kind) {
    let srv = Data::new(kind);
    let running = srv.start();
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "ren");
    client::join(&s, &l, &running.url(), &running.code, None).unwrap();
    let huge = "x".repeat(iamdojo::class::wire::MAX_ANSWER_BYTES + 1);
    s.record_attempt(&l, &attempt("s1", "before", false))
        .unwrap();
    s.record_attempt(&l, &attempt("s2", &huge, false)).unwrap();
    s.record_attempt(&l, &attempt("s3", "after", true)).unwrap();
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    eventually("the two answers the server can take", || {
        srv.ids().len() == 2
    });
    eventually("the refused answer counted and the outbox empty", || {
        let st = sender.status();
        st.refused == 1 && st.waiting == 0
    });
    let line = sender.status().line(iamdojo::lang::Lang::En);
    assert!(line.contains("1 refused by the class server"), "{line}");
    // Kept here: the local database still has all three.
    assert_eq!(local_ids(&[(&s, &l)]).len(), 3);
    let mut db = store::Store::open(&srv.backend()).unwrap();
    let class = db.resume().unwrap().unwrap();
    let data = db.class_data(class.id).unwrap();
    let answers: Vec<&str> = data[0].attempts.iter().map(|a| a.answer.as_str()).collect();
    assert_eq!(answers, ["before", "after"]);
    sender.stop();
    running.stop();
}

/// Whatever a learner typed or pasted (a NUL, control characters, any plane of Unicode) is
/// stored as given: an answer the store refused would hold up the whole outbox behind it.
fn an_answer_reaches_the_server_exactly_as_given(kind: Kind) {
    let srv = Data::new(kind);
    let running = srv.start();
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "noor");
    client::join(&s, &l, &running.url(), &running.code, None).unwrap();
    let odd = "a\u{0}b\u{1f}c\r\n ☃ \u{10ffff}";
    s.record_attempt(&l, &attempt("s1", odd, false)).unwrap();
    s.record_attempt(&l, &attempt("s2", "after", true)).unwrap();
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    eventually("both answers", || srv.ids().len() == 2);
    let mut db = store::Store::open(&srv.backend()).unwrap();
    let class = db.resume().unwrap().unwrap();
    let data = db.class_data(class.id).unwrap();
    let answers: Vec<&str> = data[0].attempts.iter().map(|a| a.answer.as_str()).collect();
    assert_eq!(answers, [odd, "after"]);
    sender.stop();
    running.stop();
}

fn answers_reach_the_server_once_and_only_under_their_own_learner(kind: Kind) {
    let srv = Data::new(kind);
    let running = srv.start();
    let token = running
        .instructor_token
        .clone()
        .expect("a new class prints its token");
    let url = running.url();
    let (da, db_) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (sa, la) = learner(da.path(), "default");
    let (sb, lb) = learner(db_.path(), "default");
    // An answer given before joining is delivered too.
    sa.record_attempt(&la, &attempt("s1", "<script>alert(1)</script>", false))
        .unwrap();
    let link_a = client::join(&sa, &la, &url, &running.code.to_lowercase(), None).unwrap();
    let link_b = client::join(&sb, &lb, &url, &running.code, None).unwrap();
    sb.record_attempt(&lb, &attempt("s1", "=HYPERLINK(\"x\")", false))
        .unwrap();
    sb.record_attempt(&lb, &attempt("s1", "right", true))
        .unwrap();
    assert_eq!(sa.outbox_len(&la).unwrap(), 1);
    assert_eq!(sb.outbox_len(&lb).unwrap(), 2);

    let deliver = |store: &Store, l, tok: &str| {
        let q = store.outbox(l, 100).unwrap();
        let attempts: Vec<Attempt> = q.iter().map(|q| q.attempt.clone()).collect();
        let body = serde_json::json!({ "attempts": attempts }).to_string();
        post(&format!("{url}/api/v1/attempts"), Some(tok), &body)
    };
    let (status, body) = deliver(&sa, &la, &link_a.token);
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"accepted":1,"known":0}"#)
    );
    // The same outbox delivered twice adds nothing.
    let (status, body) = deliver(&sa, &la, &link_a.token);
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"accepted":0,"known":1}"#)
    );
    // A's attempt sent with B's token is B's on the server, never A's: the token says who.
    let (status, _) = deliver(&sa, &la, &link_b.token);
    assert_eq!(status, 200);
    let ids = srv.ids();
    assert!(ids.iter().filter(|(l, _)| l == la.uid().as_str()).count() == 1);
    // No token, or a wrong one, writes nothing.
    assert_eq!(deliver(&sb, &lb, "nope").0, 401);
    assert_eq!(post(&format!("{url}/api/v1/attempts"), None, "{}").0, 401);
    let (status, _) = deliver(&sb, &lb, &link_b.token);
    assert_eq!(status, 200);

    // The dashboard needs the instructor token; names and answers are escaped; two learners
    // named `default` are told apart by their ids.
    assert_eq!(get(&format!("{url}/"), None).0, 401);
    assert_eq!(get(&format!("{url}/"), Some(&link_a.token)).0, 401);
    let (status, page) = get(&format!("{url}/?lang=en"), Some(&token));
    assert_eq!(status, 200);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(
        page.contains(&format!("default ({})", &la.uid().as_str()[..6])),
        "{page}"
    );
    assert!(
        page.contains(&format!("default ({})", &lb.uid().as_str()[..6])),
        "{page}"
    );
    let (status, ja) = get(&format!("{url}/?lang=ja"), Some(&token));
    assert_eq!(status, 200);
    assert!(ja.contains("学習者 (2 人)"), "{ja}");
    // Opening the URL with the token once moves it into a cookie and out of the address.
    let (status, _) = get(&format!("{url}/?token={token}"), None);
    assert_eq!(status, 303);
    let (status, csv) = get(&format!("{url}/report.csv"), Some(&token));
    assert_eq!(status, 200);
    assert!(csv.lines().count() == 3, "{csv}");
    assert_eq!(get(&format!("{url}/report.csv"), None).0, 401);
    running.stop();
}

fn deliveries_are_read_strictly_and_bounded(kind: Kind) {
    let srv = Data::new(kind);
    let running = srv.start();
    let url = running.url();
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "ann");
    let link = client::join(&s, &l, &url, &running.code, None).unwrap();
    let at = format!("{url}/api/v1/attempts");
    let (status, body) = post(&at, Some(&link.token), r#"{"attempts":[],"extra":1}"#);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("extra"), "{body}");
    let mut a = serde_json::to_value(attempt("s1", "x", true)).unwrap();
    a["step"] = serde_json::json!("");
    let (status, body) = post(
        &at,
        Some(&link.token),
        &serde_json::json!({ "attempts": [a] }).to_string(),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("attempts[0].step"), "{body}");
    let huge = format!(
        r#"{{"attempts":[],"pad":"{}"}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    let (status, body) = post(&at, Some(&link.token), &huge);
    assert!(matches!(status, 413 | 0), "{status} {body}");
    assert!(srv.ids().is_empty());
    let join = format!("{url}/api/v1/join");
    let (status, body) = post(
        &join,
        None,
        r#"{"code":"WRONG1","learner":{"name":"x","id":"y"}}"#,
    );
    assert_eq!(status, 404, "{body}");
    // Once the instructor closes the class, its code lets no one in.
    let token = running.instructor_token.clone().unwrap();
    assert_eq!(post(&format!("{url}/close"), Some(&token), "").0, 303);
    let (status, body) = post(
        &join,
        None,
        &format!(
            r#"{{"code":"{}","learner":{{"name":"x","id":"y"}}}}"#,
            running.code
        ),
    );
    assert_eq!(status, 410, "{body}");
    running.stop();
}

fn a_learner_offline_then_back_loses_nothing(kind: Kind) {
    let srv = Data::new(kind);
    let running = srv.start();
    let addr = running.addr;
    let url = running.url();
    let (da, db_) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (sa, la) = learner(da.path(), "sam");
    let (sb, lb) = learner(db_.path(), "sam");
    client::join(&sa, &la, &url, &running.code, None).unwrap();
    client::join(&sb, &lb, &url, &running.code, None).unwrap();
    let senders = [
        Sender::start(da.path().join("progress.db"), la.name().clone(), fast()),
        Sender::start(db_.path().join("progress.db"), lb.name().clone(), fast()),
    ];
    sa.record_attempt(&la, &attempt("s1", "a", false)).unwrap();
    eventually("the first answer", || srv.ids().len() == 1);
    // The server goes away mid-class; both keep answering.
    running.stop();
    for n in 0..5 {
        sa.record_attempt(&la, &attempt("s2", &format!("a{n}"), n == 4))
            .unwrap();
        sb.record_attempt(&lb, &attempt("s2", &format!("b{n}"), false))
            .unwrap();
    }
    eventually("the senders to notice", || {
        senders
            .iter()
            .all(|s| !s.status().connected && s.status().waiting == 5)
    });
    assert_eq!(
        senders[0].status().line(iamdojo::lang::Lang::En),
        "class: offline, 5 answers waiting"
    );
    // It comes back on the same address with the same data: the class resumes.
    let again = server::start(srv.config(&addr.to_string()), false).unwrap();
    assert!(
        again.instructor_token.is_none(),
        "the open class is resumed"
    );
    let want = local_ids(&[(&sa, &la), (&sb, &lb)]);
    eventually("the union of both learners' answers", || srv.ids() == want);
    eventually("empty outboxes", || {
        senders.iter().all(|s| s.status().waiting == 0)
    });
    assert_eq!(want.len(), 11);
    for s in senders {
        s.stop();
    }
    again.stop();
}

fn a_killed_server_restarted_mid_class_loses_nothing(kind: Kind) {
    let srv = Data::new(kind);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spawn = || {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
            // A developer's own IAMDOJO_DATABASE must not choose the store.
            .env_remove("IAMDOJO_DATABASE")
            .args(["class", "serve", "--no-qr", "--lang", "en", "--listen"])
            .arg(format!("127.0.0.1:{port}"))
            .args(srv.serve_args())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            let n = std::io::BufRead::read_line(&mut out, &mut line).unwrap();
            if n == 0 || line.starts_with("Press Ctrl+C") {
                break;
            }
            lines.push(line);
        }
        (child, lines.concat())
    };
    let (mut first, said) = spawn();
    let code = said
        .lines()
        .find_map(|l| l.strip_prefix("Join code: "))
        .expect("the join code is printed")
        .to_string();
    assert!(said.contains("Instructor token"), "{said}");
    if let Some(pg) = &srv.pg {
        let shown = format!(
            "Classes are kept in PostgreSQL: postgres://iamdojo:***@127.0.0.1:{}/postgres",
            pg.port
        );
        assert!(said.contains(&shown), "{said}");
        assert!(!said.contains(&pg.url()), "{said}");
    }
    let url = format!("http://127.0.0.1:{port}");
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "kim");
    client::join(&s, &l, &url, &code, None).unwrap();
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    s.record_attempt(&l, &attempt("s1", "one", true)).unwrap();
    eventually("the first answer", || srv.ids().len() == 1);
    first.kill().unwrap();
    first.wait().unwrap();
    for n in 0..3 {
        s.record_attempt(&l, &attempt("s2", &format!("n{n}"), false))
            .unwrap();
    }
    let (mut second, said) = spawn();
    assert!(said.contains(&format!("Join code: {code}")), "{said}");
    assert!(said.contains("Resumed"), "{said}");
    let want = local_ids(&[(&s, &l)]);
    eventually("the union of the local answers", || srv.ids() == want);
    sender.stop();
    second.kill().unwrap();
    second.wait().unwrap();
}

fn the_dashboard_updates_live_on_an_open_stream(kind: Kind) {
    use std::io::BufRead as _;
    let srv = Data::new(kind);
    let running = srv.start();
    let url = running.url();
    let token = running.instructor_token.clone().unwrap();
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "lee");
    client::join(&s, &l, &url, &running.code, None).unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let resp = agent
        .get(format!("{url}/events?lang=en"))
        .header("authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    let mut events = std::io::BufReader::new(resp.into_body().into_reader());
    let mut line = String::new();
    // The first event is the state now.
    events.read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "event: live");
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    s.record_attempt(&l, &attempt("s9", "wrong-guess", false))
        .unwrap();
    loop {
        line.clear();
        assert!(events.read_line(&mut line).unwrap() > 0, "the stream ended");
        if line.contains("wrong-guess") {
            break;
        }
    }
    // How fast it arrives is measured in benches (`class_load`, docs/benchmarks.md), not
    // asserted here: the agent's 10 s timeout only bounds the wait.
    sender.stop();
    drop(events);
    running.stop();
}

/// A self-signed certificate for 127.0.0.1 and its key, written as PEM files in `dir`.
fn self_signed(dir: &Path) -> TlsFiles {
    let made =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()]).unwrap();
    let files = TlsFiles {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    };
    std::fs::write(&files.cert, made.cert.pem()).unwrap();
    std::fs::write(&files.key, made.signing_key.serialize_pem()).unwrap();
    files
}

#[test]
fn over_https_a_learner_joins_with_the_instructors_certificate_and_delivers() {
    let srv = tempfile::tempdir().unwrap();
    let files = self_signed(srv.path());
    let mut c = config(srv.path(), "127.0.0.1:0");
    c.tls = Some(files.clone());
    let running = server::start(c, false).unwrap();
    let url = running.url();
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    let token = running.instructor_token.clone().unwrap();

    // A computer that does not trust the certificate is not sent the code, and is told what
    // to do.
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "ana");
    let e = client::join(&s, &l, &url, &running.code, None).unwrap_err();
    assert!(matches!(e, client::JoinError::Untrusted { .. }), "{e:?}");
    let said = e.message(iamdojo::lang::Lang::En);
    assert!(said.contains("--ca-file"), "{said}");
    assert!(s.class_link(&l).unwrap().is_none());
    // Nor does another certificate than the class's.
    let elsewhere = tempfile::tempdir().unwrap();
    let wrong = self_signed(elsewhere.path());
    let e = client::join(&s, &l, &url, &running.code, Some(&wrong.cert)).unwrap_err();
    let said = e.message(iamdojo::lang::Lang::En);
    assert!(
        said.contains("does not vouch") && said.contains("cert.pem"),
        "{said}"
    );
    assert!(s.class_link(&l).unwrap().is_none());

    // With the certificate, it joins; the sender (which reads the certificate kept beside
    // the database, as on every later start) delivers over HTTPS.
    client::join(&s, &l, &url, &running.code, Some(&files.cert)).unwrap();
    assert!(client::ca_path(&d.path().join("progress.db"), &l).is_file());
    s.record_attempt(&l, &attempt("s1", "over-tls", true))
        .unwrap();
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    let want = local_ids(&[(&s, &l)]);
    eventually("the answer over HTTPS", || server_ids(srv.path()) == want);
    sender.stop();

    // Plain HTTP to the HTTPS port fails at once (the server's TLS record is no HTTP
    // answer), and HTTPS still works after it.
    let plain = url.replace("https://", "http://");
    let refused = agent().get(format!("{plain}/?lang=en")).call();
    assert!(refused.is_err(), "{:?}", refused.map(|r| r.status()));
    let pem = std::fs::read(&files.cert).unwrap();
    let ca = ureq::tls::Certificate::from_pem(&pem).unwrap();
    let tls_agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::Specific(std::sync::Arc::new(vec![
                    ca,
                ])))
                .build(),
        )
        .build()
        .into();
    let resp = tls_agent
        .get(format!("{url}/?lang=en"))
        .header("authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let page = resp.into_body().read_to_string().unwrap();
    assert!(page.contains("<td>ana</td>"), "{page}");
    running.stop();
}

#[test]
fn a_wrong_certificate_or_key_stops_the_start_naming_the_file() {
    let srv = tempfile::tempdir().unwrap();
    let good = self_signed(srv.path());
    let other = tempfile::tempdir().unwrap();
    let other = self_signed(other.path());
    let start_with = |tls: TlsFiles| {
        let mut c = config(srv.path(), "127.0.0.1:0");
        c.tls = Some(tls);
        server::start(c, false).map(Running::stop).unwrap_err()
    };
    let en = iamdojo::lang::Lang::En;
    // A key that is not the certificate's own.
    let e = start_with(TlsFiles {
        cert: good.cert.clone(),
        key: other.key.clone(),
    });
    let said = e.message(en);
    assert!(
        said.contains("cert.pem") && said.contains("key.pem"),
        "{said}"
    );
    // The files swapped: no certificate in the first, no key in the second.
    let e = start_with(TlsFiles {
        cert: good.key.clone(),
        key: good.cert.clone(),
    });
    assert!(
        e.message(en).contains("holds no certificate"),
        "{}",
        e.message(en)
    );
    let e = start_with(TlsFiles {
        cert: good.cert.clone(),
        key: good.cert.clone(),
    });
    assert!(
        e.message(en).contains("holds no private key"),
        "{}",
        e.message(en)
    );
    // A missing file is named.
    let e = start_with(TlsFiles {
        cert: srv.path().join("nope.pem"),
        key: good.key.clone(),
    });
    assert!(e.message(en).contains("nope.pem"), "{}", e.message(en));
    // Nothing was written: the certificate is checked before the class database.
    assert!(!srv.path().join("class.db").exists());
}

#[test]
fn serve_takes_both_tls_flags_or_neither_and_documents_them() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "class",
        "serve",
        "--tls-cert",
        "cert.pem",
        "--listen",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--tls-key"), "{err}");
    let out = run(&[
        "class",
        "serve",
        "--tls-key",
        "key.pem",
        "--listen",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--tls-cert"));
    let help = run(&["class", "serve", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--tls-cert <FILE>") && help.contains("--tls-key <FILE>"),
        "{help}"
    );
    assert!(help.contains("--ca-file"), "{help}");
    let top = run(&["--help"]);
    assert!(String::from_utf8_lossy(&top.stdout).contains("--ca-file <FILE>"));
}

#[test]
fn serve_with_a_certificate_prints_https_addresses() {
    let srv = tempfile::tempdir().unwrap();
    let files = self_signed(srv.path());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        // A developer's own IAMDOJO_DATABASE must not choose the store.
        .env_remove("IAMDOJO_DATABASE")
        .args([
            "class",
            "serve",
            "--no-qr",
            "--lang",
            "en",
            "--listen",
            "127.0.0.1:0",
        ])
        .arg("--data-dir")
        .arg(srv.path())
        .arg("--tls-cert")
        .arg(&files.cert)
        .arg("--tls-key")
        .arg(&files.key)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut said = String::new();
    loop {
        let mut line = String::new();
        let n = std::io::BufRead::read_line(&mut out, &mut line).unwrap();
        said.push_str(&line);
        if n == 0 || line.starts_with("Press Ctrl+C") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        said.contains("Class server running at https://127.0.0.1:"),
        "{said}"
    );
    assert!(said.contains("iamdojo --join https://127.0.0.1:"), "{said}");
    assert!(said.contains("Dashboard: https://127.0.0.1:"), "{said}");
    assert!(!said.contains("http://"), "{said}");
}

/// A PostgreSQL-backed server for `dir` on `pg`.
fn on_pg(dir: &Path, pg: &PgServer) -> Config {
    Config {
        database: PgUrl::parse(&pg.url()),
        ..config(dir, "127.0.0.1:0")
    }
}

#[test]
fn on_postgres_two_instructors_classes_share_a_database_and_stay_apart() {
    let pg = PgServer::start();
    let (d1, d2) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let one = server::start(on_pg(d1.path(), &pg), false).unwrap();
    // The second server starts a class of its own and closes nothing of the first's.
    let two = server::start(on_pg(d2.path(), &pg), false).unwrap();
    assert_ne!(one.code, two.code);
    let (t1, t2) = (
        one.instructor_token.clone().unwrap(),
        two.instructor_token.clone().unwrap(),
    );
    let (la_dir, lb_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (sa, la) = learner(la_dir.path(), "ann-of-one");
    let (sb, lb) = learner(lb_dir.path(), "bob-of-two");
    let link_a = client::join(&sa, &la, &one.url(), &one.code, None).unwrap();
    client::join(&sb, &lb, &two.url(), &two.code, None).unwrap();
    // A class's code opens only its own server's class.
    let (status, _) = post(
        &format!("{}/api/v1/join", two.url()),
        None,
        &serde_json::json!({ "code": one.code, "learner": { "name": "x", "id": la.uid().as_str() } })
            .to_string(),
    );
    assert_eq!(status, 404);
    sa.record_attempt(&la, &attempt("s1", "from-one", false))
        .unwrap();
    sb.record_attempt(&lb, &attempt("s1", "from-two", false))
        .unwrap();
    let senders = [
        Sender::start(la_dir.path().join("progress.db"), la.name().clone(), fast()),
        Sender::start(lb_dir.path().join("progress.db"), lb.name().clone(), fast()),
    ];
    let ids_in = |dir: &Path| {
        let mut db = store::Store::open(&Backend::Postgres {
            url: PgUrl::parse(&pg.url()).unwrap(),
            dir: dir.to_path_buf(),
        })
        .unwrap();
        let class = db.resume().unwrap().expect("an open class");
        ids_of(&db.class_data(class.id).unwrap())
    };
    eventually("each answer in its own class", || {
        ids_in(d1.path()) == local_ids(&[(&sa, &la)])
            && ids_in(d2.path()) == local_ids(&[(&sb, &lb)])
    });
    // Each dashboard shows its own class only, and takes its own instructor's token only.
    let (status, page) = get(&format!("{}/?lang=en", one.url()), Some(&t1));
    assert_eq!(status, 200);
    assert!(
        page.contains("ann-of-one") && page.contains("from-one"),
        "{page}"
    );
    assert!(
        !page.contains("bob-of-two") && !page.contains("from-two"),
        "{page}"
    );
    let (status, page) = get(&format!("{}/?lang=en", two.url()), Some(&t2));
    assert_eq!(status, 200);
    assert!(
        page.contains("bob-of-two") && page.contains("from-two"),
        "{page}"
    );
    assert!(
        !page.contains("ann-of-one") && !page.contains("from-one"),
        "{page}"
    );
    assert_eq!(get(&format!("{}/", two.url()), Some(&t1)).0, 401);
    // A learner token of one class writes nothing in the other.
    let (status, _) = post(
        &format!("{}/api/v1/attempts", two.url()),
        Some(&link_a.token),
        r#"{"attempts":[]}"#,
    );
    assert_eq!(status, 401);
    for s in senders {
        s.stop();
    }
    let (code1, code2) = (one.code.clone(), two.code.clone());
    one.stop();
    two.stop();
    // Started again, each server resumes its own class, recorded in its data directory.
    let again1 = server::start(on_pg(d1.path(), &pg), false).unwrap();
    let again2 = server::start(on_pg(d2.path(), &pg), false).unwrap();
    assert_eq!(
        (again1.code.as_str(), again1.instructor_token.as_deref()),
        (code1.as_str(), None)
    );
    assert_eq!(
        (again2.code.as_str(), again2.instructor_token.as_deref()),
        (code2.as_str(), None)
    );
    again1.stop();
    // --new-class closes this server's class only.
    let fresh = server::start(
        Config {
            new_class: true,
            ..on_pg(d1.path(), &pg)
        },
        false,
    )
    .unwrap();
    assert_ne!(fresh.code, code1);
    let (status, _) = post(
        &format!("{}/api/v1/join", again2.url()),
        None,
        &serde_json::json!({ "code": code2, "learner": { "name": "late", "id": "0123456789abcdef0123456789abcdef" } })
            .to_string(),
    );
    assert_eq!(status, 201, "the other instructor's class is still open");
    fresh.stop();
    again2.stop();
}

#[test]
fn on_postgres_a_restarted_database_mid_class_loses_nothing() {
    let pg = PgServer::start();
    let srv = tempfile::tempdir().unwrap();
    let running = server::start(on_pg(srv.path(), &pg), false).unwrap();
    let d = tempfile::tempdir().unwrap();
    let (s, l) = learner(d.path(), "pat");
    client::join(&s, &l, &running.url(), &running.code, None).unwrap();
    let sender = Sender::start(d.path().join("progress.db"), l.name().clone(), fast());
    s.record_attempt(&l, &attempt("s1", "before", true))
        .unwrap();
    let ids = || {
        let mut db = store::Store::open(&Backend::Postgres {
            url: PgUrl::parse(&pg.url()).unwrap(),
            dir: srv.path().to_path_buf(),
        })
        .unwrap();
        let class = db.resume().unwrap().expect("an open class");
        ids_of(&db.class_data(class.id).unwrap())
    };
    eventually("the first answer", || ids().len() == 1);
    // PostgreSQL goes away (as in a crash) while the class server stays up.
    pg.kill();
    for n in 0..3 {
        s.record_attempt(&l, &attempt("s2", &format!("during{n}"), false))
            .unwrap();
    }
    eventually("the sender to keep them", || sender.status().waiting == 3);
    pg.start_again();
    // The server connects again by itself; the outbox is delivered.
    let want = local_ids(&[(&s, &l)]);
    eventually("the union of the local answers", || ids() == want);
    assert_eq!(want.len(), 4);
    sender.stop();
    running.stop();
}

#[test]
fn on_postgres_a_newer_schema_is_refused_and_left_alone_and_a_used_code_is_a_duplicate() {
    let pg = PgServer::start();
    let srv = tempfile::tempdir().unwrap();
    server::start(on_pg(srv.path(), &pg), false).unwrap().stop();
    // A join code used before is told apart from other failures (the server draws again).
    let other = tempfile::tempdir().unwrap();
    let mut st = store::Store::open(&Backend::Postgres {
        url: PgUrl::parse(&pg.url()).unwrap(),
        dir: other.path().to_path_buf(),
    })
    .unwrap();
    st.create_class("ABCDEF", "h").unwrap();
    let e = st.create_class("ABCDEF", "h").unwrap_err();
    assert!(e.is_duplicate(), "{e:?}");
    drop(st);
    let mut c = postgres::Client::connect(&pg.url(), postgres::NoTls).unwrap();
    let version = |c: &mut postgres::Client| -> i32 {
        c.query_one("SELECT version FROM iamdojo.schema_version", &[])
            .unwrap()
            .get(0)
    };
    assert_eq!(version(&mut c), 1);
    c.execute("UPDATE iamdojo.schema_version SET version = 99", &[])
        .unwrap();
    let e = server::start(on_pg(srv.path(), &pg), false)
        .map(Running::stop)
        .unwrap_err();
    let m = e.message(iamdojo::lang::Lang::En);
    assert!(m.contains("version 99, newer than this iamdojo's 1"), "{m}");
    assert_eq!(version(&mut c), 99);
}

#[test]
fn an_unreachable_postgres_is_named_without_its_password() {
    use iamdojo::lang::Lang;
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://ann:hunter2@127.0.0.1:{port}/course");
    let shown = format!("postgres://ann:***@127.0.0.1:{port}/course");
    let srv = tempfile::tempdir().unwrap();
    let e = server::start(
        Config {
            database: PgUrl::parse(&url),
            ..config(srv.path(), "127.0.0.1:0")
        },
        false,
    )
    .map(Running::stop)
    .unwrap_err();
    for lang in [Lang::En, Lang::Ja] {
        let m = e.message(lang);
        assert!(m.contains(&shown) && !m.contains("hunter2"), "{m}");
    }
    assert!(e.message(Lang::En).contains("Check that PostgreSQL runs"));
    assert!(!format!("{e:?}").contains("hunter2"));
    // Nothing was made in the data directory.
    assert_eq!(std::fs::read_dir(srv.path()).unwrap().count(), 0);

    let run = |args: &[&str], env: Option<&str>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"));
        c.args([
            "--lang",
            "en",
            "class",
            "serve",
            "--no-qr",
            "--listen",
            "127.0.0.1:0",
        ])
        .arg("--data-dir")
        .arg(srv.path())
        .args(args)
        .env_remove("IAMDOJO_DATABASE")
        .stdin(std::process::Stdio::null());
        if let Some(v) = env {
            c.env("IAMDOJO_DATABASE", v);
        }
        c.output().unwrap()
    };
    for out in [run(&["--database", &url], None), run(&[], Some(&url))] {
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&shown) && !err.contains("hunter2"), "{err}");
    }
    let out = run(&["--database", "mysql://ann:hunter2@db/course"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("postgres://") && !err.contains("hunter2"),
        "{err}"
    );
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["class", "serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--database <URL>"), "{help}");
    assert!(help.contains("IAMDOJO_DATABASE"), "{help}");
}
