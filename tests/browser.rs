//! The live dashboard in a real browser: `iamdojo class serve` on loopback, three scripted
//! learners joined through the library's own client, and Debian's Chromium driven headless
//! through chromedriver over the W3C WebDriver protocol (plain JSON over HTTP with ureq).
//! Every wait is bounded and every process started here is ended when its guard drops.
//!
//! Chromium and chromedriver are required: `.ci/run` installs them (Debian's `chromium` and
//! `chromium-driver`); without them these tests fail, saying so.
//!
//! The README's screenshot is made by the ignored test at the end:
//! `cargo test --test integration -- --ignored browser::dashboard_screenshot`
//! (writes `docs/images/dashboard.png`, or the file `IAMDOJO_SCREENSHOT` names).

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use iamdojo::class::client::{self, Sender, Timing};
use iamdojo::progress::{Attempt, LearnerName, LessonId, PackId, Position, StepId, Store};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The built-in lesson the scripted learners work on, and its version.
const PACK: &str = "iam-course";
const LESSON: &str = "policy-evaluation";
const LESSON_VERSION: &str = "2";
const LESSON_TITLE: &str = "How IAM decides: explicit deny, allow, implicit deny";

fn require_browser() {
    for p in [CHROMIUM, CHROMEDRIVER] {
        assert!(
            Path::new(p).is_file(),
            "{p} is missing: the browser tests drive Debian's Chromium through chromedriver. \
             `.ci/run` installs them; by hand: apt-get install -y chromium chromium-driver"
        );
    }
}

/// A child process, killed and reaped when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits up to `secs` for `f`, polling every 100 ms.
fn eventually(what: &str, secs: u64, mut f: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out after {secs} s waiting for {what}");
}

/// `iamdojo class serve`, as an instructor starts it.
struct Class {
    url: String,
    code: String,
    token: String,
    _server: Killed,
    _dir: tempfile::TempDir,
}

fn serve() -> Class {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["class", "serve", "--no-qr", "--lang", "en", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data-dir")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let server = Killed(child);
    let mut said = String::new();
    loop {
        let mut line = String::new();
        let n = out.read_line(&mut line).unwrap();
        said.push_str(&line);
        if n == 0 || line.starts_with("Press Ctrl+C") {
            break;
        }
    }
    let find = |prefix: &str| {
        said.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no `{prefix}` in {said}"))
            .trim()
            .to_string()
    };
    Class {
        url: format!("http://127.0.0.1:{port}"),
        code: find("Join code: "),
        token: find("Instructor token (shown only now; stored hashed): "),
        _server: server,
        _dir: dir,
    }
}

/// One scripted learner: their own data directory, joined, with a sender delivering.
struct Learner {
    store: Store,
    me: iamdojo::progress::Learner,
    sender: Option<Sender>,
    _dir: tempfile::TempDir,
}

impl Learner {
    fn join(class: &Class, name: &str) -> Learner {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        let me = store.learner(&LearnerName::new(name).unwrap()).unwrap();
        client::join(&store, &me, &class.url, &class.code, None).unwrap();
        let timing = Timing {
            poll: Duration::from_millis(50),
            heartbeat: Duration::from_millis(500),
            backoff_start: Duration::from_millis(50),
            backoff_max: Duration::from_millis(400),
            request_timeout: Duration::from_secs(3),
        };
        let sender = Sender::start(dir.path().join("progress.db"), me.name().clone(), timing);
        Learner {
            store,
            me,
            sender: Some(sender),
            _dir: dir,
        }
    }

    /// Answers `step` of the lesson (and is on that step), `seconds_ago`.
    fn answer(&self, step: &str, answer: &str, correct: bool, seconds_ago: i64) {
        let at = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(seconds_ago);
        let mut a = Attempt::new(
            PackId::new(PACK).unwrap(),
            LessonId::new(LESSON).unwrap(),
            LESSON_VERSION,
            StepId::new(step).unwrap(),
            answer,
            correct,
        );
        a.at = at;
        self.store.record_attempt(&self.me, &a).unwrap();
        self.at(step, seconds_ago);
    }

    /// Is on `step` since `seconds_ago`.
    fn at(&self, step: &str, seconds_ago: i64) {
        let position = Position {
            pack: PackId::new(PACK).unwrap(),
            lesson: LessonId::new(LESSON).unwrap(),
            step: StepId::new(step).unwrap(),
            at: jiff::Timestamp::now() - jiff::SignedDuration::from_secs(seconds_ago),
        };
        self.store.set_last_position(&self.me, &position).unwrap();
    }

    fn delivered(&self) -> bool {
        let st = self.sender.as_ref().unwrap().status();
        st.connected && self.store.outbox_len(&self.me).unwrap() == 0
    }
}

impl Drop for Learner {
    fn drop(&mut self) {
        if let Some(s) = self.sender.take() {
            s.stop();
        }
    }
}

/// Headless Chromium behind chromedriver, one WebDriver session.
struct Browser {
    base: String,
    session: String,
    agent: ureq::Agent,
    _driver: Killed,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(width: u32, height: u32) -> Browser {
        require_browser();
        let port = free_port();
        let driver = Killed(
            Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let base = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        eventually("chromedriver to be ready", 20, || {
            agent
                .get(format!("{base}/status"))
                .call()
                .ok()
                .and_then(|r| r.into_body().read_to_string().ok())
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                .is_some_and(|v| v["value"]["ready"] == json!(true))
        });
        let profile = tempfile::tempdir().unwrap();
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-quic".to_string(),
            "--no-first-run".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--force-device-scale-factor=1".to_string(),
            "--lang=en-US".to_string(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
                }
            }
        });
        let mut b = Browser {
            base,
            session: String::new(),
            agent,
            _driver: driver,
            _profile: profile,
        };
        let v = b.call("POST", "/session", Some(caps));
        b.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        b
    }

    /// One WebDriver command; its `value`. A WebDriver error fails the test, with its text.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let resp = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.unwrap_or_else(|| json!({})).to_string().as_str()),
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = resp.status().as_u16();
        let text = resp.into_body().read_to_string().unwrap();
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn cmd(&self, method: &str, what: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}/{what}", self.session), body)
    }

    fn go(&self, url: &str) {
        self.cmd("POST", "url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    fn text(&self) -> String {
        self.js("return document.body.innerText;")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Polls the page's text for up to `secs` until `f` holds; the text it held for.
    fn wait_for(&self, what: &str, secs: u64, f: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        let until = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < until {
            last = self.text();
            if f(&last) {
                return last;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("timed out after {secs} s waiting for {what}; the page says:\n{last}");
    }

    fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let v = self.cmd("GET", "screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self
                .agent
                .delete(format!("{}/session/{}", self.base, self.session))
                .call();
        }
    }
}

#[test]
fn chromium_shows_the_room_and_its_live_update_arrives_without_a_reload() {
    require_browser();
    let class = serve();
    let ana = Learner::join(&class, "ana");
    let ben = Learner::join(&class, "ben");
    let chi = Learner::join(&class, "chi");
    // predict-kato-reads-hr: NoHRFiles denies it (explicitDeny); predict-kato-uploads:
    // nothing allows it (implicitDeny).
    ana.answer("predict-kato-reads-hr", "explicitDeny", true, 200);
    ana.answer("predict-kato-uploads", "explicitDeny", false, 60);
    ben.answer("predict-kato-reads-hr", "allowed", false, 240);
    ben.answer("predict-kato-reads-hr", "explicitDeny", true, 220);
    ben.answer("predict-kato-uploads", "explicitDeny", false, 30);
    chi.answer("predict-kato-reads-hr", "explicitDeny", true, 100);
    chi.at("predict-kato-uploads", 90);
    let room = [&ana, &ben, &chi];
    eventually("the learners' answers to reach the server", 15, || {
        room.iter().all(|l| l.delivered())
    });

    let browser = Browser::start(1280, 900);
    // The instructor opens the printed dashboard URL; the token moves into a cookie.
    browser.go(&format!("{}/?token={}&lang=en", class.url, class.token));
    let page = browser.wait_for("the dashboard", 10, |t| t.contains("Learners (3)"));
    for name in ["ana", "ben", "chi"] {
        assert!(page.contains(name), "{page}");
    }
    assert!(page.contains(LESSON_TITLE), "{page}");
    assert!(page.contains("predict-kato-uploads"), "{page}");
    // The wrong answer two learners gave is counted twice.
    assert!(page.contains("explicitDeny (2×)"), "{page}");
    // The room's first predictions on the upload, IAM's decision marked.
    assert!(
        page.contains("Allowed 0 · Explicit deny 2 · Implicit deny 0 ✓"),
        "{page}"
    );
    let url = browser.cmd("GET", "url", None);
    assert!(
        url.as_str().is_some_and(|u| !u.contains("token=")),
        "the token left the address bar: {url}"
    );

    // A marker set in this page survives only if the page is not loaded again.
    browser.js("window.iamdojoMarker = 'same page'; return true;");
    chi.answer("predict-kato-uploads", "implicitDeny", true, 0);
    let page = browser.wait_for("the live update", 10, |t| {
        t.contains("Allowed 0 · Explicit deny 2 · Implicit deny 1 ✓")
    });
    assert!(page.contains("Learners (3)"), "{page}");
    assert_eq!(
        browser.js("return window.iamdojoMarker || null;"),
        json!("same page"),
        "the page was reloaded"
    );
    // The language switch: the same room in Japanese (the cookie keeps the instructor in).
    browser.go(&format!("{}/?lang=ja", class.url));
    let ja = browser.wait_for("the Japanese page", 10, |t| t.contains("学習者 (3 人)"));
    assert!(
        ja.contains("許可 0 · 明示的な拒否 2 · 暗黙的な拒否 1 ✓"),
        "{ja}"
    );
}

/// Makes the README's screenshot of the dashboard with a small class (not run by default:
/// `cargo test --test integration -- --ignored browser::dashboard_screenshot`).
#[test]
#[ignore = "writes docs/images/dashboard.png; run by hand to regenerate it"]
fn dashboard_screenshot() {
    require_browser();
    let class = serve();
    let names = ["aiko", "ben", "carla", "dev", "emma", "farid"];
    let room: Vec<Learner> = names.iter().map(|n| Learner::join(&class, n)).collect();
    let [aiko, ben, carla, dev, emma, farid] = room.as_slice() else {
        unreachable!()
    };
    aiko.answer("deny-beats-allow", "1", true, 900);
    aiko.answer("predict-kato-reads-hr", "explicitDeny", true, 780);
    aiko.answer("predict-kato-reads-reports", "allowed", true, 600);
    aiko.answer("predict-kato-uploads", "implicitDeny", true, 420);
    aiko.at("predict-mika-from-cafe", 250);
    ben.answer("deny-beats-allow", "2", false, 880);
    ben.answer("deny-beats-allow", "1", true, 840);
    ben.answer("predict-kato-reads-hr", "allowed", false, 700);
    ben.answer("predict-kato-reads-hr", "explicitDeny", true, 650);
    ben.answer("predict-kato-reads-reports", "explicitDeny", false, 380);
    carla.answer("deny-beats-allow", "1", true, 860);
    carla.answer("predict-kato-reads-hr", "explicitDeny", true, 720);
    carla.answer("predict-kato-reads-reports", "allowed", true, 560);
    carla.answer("predict-kato-uploads", "explicitDeny", false, 300);
    carla.answer("predict-kato-uploads", "implicitDeny", true, 240);
    dev.answer("deny-beats-allow", "3", false, 800);
    dev.at("deny-beats-allow", 800);
    emma.answer("deny-beats-allow", "1", true, 820);
    emma.answer("predict-kato-reads-hr", "explicitDeny", true, 640);
    emma.answer("predict-kato-reads-reports", "allowed", true, 500);
    emma.answer("predict-kato-uploads", "explicitDeny", false, 200);
    farid.answer("deny-beats-allow", "2", false, 840);
    farid.answer("deny-beats-allow", "1", true, 800);
    farid.answer("predict-kato-reads-hr", "implicitDeny", false, 600);
    eventually("the learners' answers to reach the server", 15, || {
        room.iter().all(Learner::delivered)
    });
    let browser = Browser::start(1200, 1080);
    browser.go(&format!("{}/?token={}&lang=en", class.url, class.token));
    browser.wait_for("the dashboard", 10, |t| t.contains("Learners (6)"));
    let png = browser.screenshot();
    let out = std::env::var_os("IAMDOJO_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/images/dashboard.png"));
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&out, &png).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    eprintln!("wrote {} ({} bytes)", out.display(), png.len());
}
