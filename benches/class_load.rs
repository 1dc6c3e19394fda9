//! A class under load, measured outside criterion (docs/benchmarks.md, "Live class"): one
//! `iamdojo class serve` process on loopback, LEARNERS simulated learners (one thread each,
//! with their own keep-alive connection) each delivering one answer every second for SECONDS
//! seconds, as the learner's sender does (POST /api/v1/attempts with the learner token, the
//! answer and the position; an answer not acknowledged is sent again with the next one, as
//! the outbox would), and an instructor's dashboard open on /events the whole time.
//!
//! ```sh
//! cargo build --release --bin iamdojo --example class_load
//! target/release/examples/class_load [LEARNERS [SECONDS]]     # default 200 60
//! ```
//!
//! It reports the delivery latency (request sent → acknowledgement read) p50/p99/max, the
//! answers lost (given by the learners, not in the server's database after the run; counted
//! in `class.db` after the server is killed), the server's peak resident memory (`VmHWM` of
//! its process), and the dashboard's update delay: every 2 s a probe answer on a step of its
//! own is delivered and the time until an event on /events shows it is measured.
//! Only loopback is used; every loop is bounded by SECONDS.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    reason = "a measuring tool on fixed inputs; a panic is a broken measurement"
)]

use std::io::BufRead as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use iamdojo::class::server::db::Db;
use iamdojo::class::wire::{self, Delivery, JoinRequest, Joined};
use iamdojo::progress::{
    Attempt, ExportedLearner, LearnerName, LessonId, PackId, Position, RecordId, StepId,
};

const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::midori-books-reports","arn:aws:s3:::midori-books-reports/*"]}]}"#;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

fn attempt(step: &str, answer: &str, correct: bool) -> Attempt {
    Attempt::new(
        PackId::new("bench").unwrap(),
        LessonId::new("load").unwrap(),
        "1",
        StepId::new(step).unwrap(),
        answer,
        correct,
    )
}

fn position(step: &str) -> Position {
    Position {
        pack: PackId::new("bench").unwrap(),
        lesson: LessonId::new("load").unwrap(),
        step: StepId::new(step).unwrap(),
        at: jiff::Timestamp::now(),
    }
}

fn join(url: &str, code: &str, name: &str) -> String {
    let body = serde_json::to_string(&JoinRequest {
        code: code.to_string(),
        learner: ExportedLearner {
            name: LearnerName::new(name).unwrap(),
            id: RecordId::generate(),
        },
    })
    .unwrap();
    let resp = agent()
        .post(format!("{url}{}", wire::JOIN_PATH))
        .header("content-type", "application/json")
        .send(body.as_str())
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201, "join {name}");
    let joined: Joined = serde_json::from_str(&resp.into_body().read_to_string().unwrap()).unwrap();
    joined.token
}

/// Delivers `attempts`; the latency when acknowledged.
fn deliver(
    agent: &ureq::Agent,
    url: &str,
    token: &str,
    attempts: &[Attempt],
    step: &str,
) -> Option<Duration> {
    let body = serde_json::to_string(&Delivery {
        attempts: attempts.to_vec(),
        position: Some(position(step)),
    })
    .unwrap();
    let sent = Instant::now();
    let resp = agent
        .post(format!("{url}{}", wire::DELIVER_PATH))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .send(body.as_str())
        .ok()?;
    let ok = resp.status().as_u16() == 200;
    let _ = resp.into_body().read_to_string();
    ok.then(|| sent.elapsed())
}

fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let learners: usize = args.next().map_or(200, |a| a.parse().unwrap());
    let seconds: u64 = args.next().map_or(60, |a| a.parse().unwrap());
    let exe = std::env::current_exe().unwrap();
    let bin: PathBuf = exe.parent().unwrap().parent().unwrap().join("iamdojo");
    assert!(
        bin.is_file(),
        "{} is missing: cargo build --bin iamdojo --example class_load",
        bin.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(&bin)
        .args(["class", "serve", "--no-qr", "--lang", "en", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data-dir")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(server.stdout.take().unwrap());
    let mut said = String::new();
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 || line.starts_with("Press Ctrl+C") {
            break;
        }
        said.push_str(&line);
    }
    let find = |prefix: &str| {
        said.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap()
            .trim()
            .to_string()
    };
    let code = find("Join code: ");
    let instructor = find("Instructor token (shown only now; stored hashed): ");
    let url = format!("http://127.0.0.1:{port}");
    let pid = server.id();
    println!(
        "server pid {pid} on {url}; {learners} learners, one answer a second each, {seconds} s"
    );

    let tokens: Vec<String> = (0..learners)
        .map(|i| join(&url, &code, &format!("learner{i:03}")))
        .collect();
    let probe_token = join(&url, &code, "probe");

    // The instructor's dashboard, open the whole time: each event's arrival time and text.
    let stop = Arc::new(AtomicBool::new(false));
    let seen: Arc<Mutex<Vec<(Instant, String)>>> = Arc::default();
    let events = {
        let (url, instructor, seen, stop) =
            (url.clone(), instructor.clone(), seen.clone(), stop.clone());
        std::thread::spawn(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(seconds + 60)))
                .build()
                .into();
            let resp = agent
                .get(format!("{url}/events?lang=en"))
                .header("authorization", format!("Bearer {instructor}"))
                .call()
                .unwrap();
            let mut r = std::io::BufReader::new(resp.into_body().into_reader());
            let mut line = String::new();
            while !stop.load(Ordering::Relaxed) {
                line.clear();
                match r.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if line.starts_with("data:") && line.contains("probe-") => {
                        seen.lock().unwrap().push((Instant::now(), line.clone()));
                    }
                    Ok(_) => {}
                }
            }
        })
    };

    let start = Instant::now() + Duration::from_millis(500);
    let given = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let workers: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(i, token)| {
            let (url, given, failures, latencies) = (
                url.clone(),
                given.clone(),
                failures.clone(),
                latencies.clone(),
            );
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let agent = agent();
                    let offset = Duration::from_millis((i as u64 * 1000) / learners as u64);
                    let mut waiting: Vec<Attempt> = Vec::new();
                    let mut mine = Vec::new();
                    for k in 0..seconds {
                        let due = start + offset + Duration::from_secs(k);
                        if let Some(d) = due.checked_duration_since(Instant::now()) {
                            std::thread::sleep(d);
                        }
                        let step = format!("s{}", k % 12);
                        let correct = (i as u64 + k).is_multiple_of(3);
                        let answer = if correct {
                            POLICY.to_string()
                        } else {
                            POLICY.replace("GetObject", &format!("Get{k}Object"))
                        };
                        waiting.push(attempt(&step, &answer, correct));
                        given.fetch_add(1, Ordering::Relaxed);
                        match deliver(&agent, &url, &token, &waiting, &step) {
                            Some(l) => {
                                mine.push(l);
                                waiting.clear();
                            }
                            None => {
                                failures.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                    // What is still waiting is delivered at the end, as the sender would.
                    for _ in 0..10 {
                        if waiting.is_empty() {
                            break;
                        }
                        if deliver(&agent, &url, &token, &waiting, "s0").is_some() {
                            waiting.clear();
                        } else {
                            std::thread::sleep(Duration::from_millis(500));
                        }
                    }
                    latencies.lock().unwrap().extend(mine);
                })
                .unwrap()
        })
        .collect();

    // The probes: every 2 s an answer on a step of its own, timed until the dashboard
    // shows it.
    let probe_agent = agent();
    let mut probes: Vec<(String, Instant)> = Vec::new();
    let mut n = 0;
    while start.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_secs(2));
        n += 1;
        let step = format!("probe-{n}");
        let sent = Instant::now();
        if deliver(
            &probe_agent,
            &url,
            &probe_token,
            &[attempt(&step, "probe", false)],
            &step,
        )
        .is_some()
        {
            probes.push((step, sent));
        }
    }
    for w in workers {
        w.join().unwrap();
    }
    // The last probe's event has up to the dashboard's own bound to arrive.
    std::thread::sleep(Duration::from_secs(3));
    let peak = peak_rss_kib(pid);
    stop.store(true, Ordering::Relaxed);
    server.kill().unwrap();
    server.wait().unwrap();
    let _ = events.join();

    let db = Db::open(dir.path()).unwrap();
    let class = db.open_class().unwrap().unwrap();
    let stored: u64 = db
        .class_data(class.id)
        .unwrap()
        .iter()
        .filter(|d| d.learner.name.as_str() != "probe")
        .map(|d| d.attempts.len() as u64)
        .sum();
    let given = given.load(Ordering::Relaxed);

    let mut lat = latencies.lock().unwrap().clone();
    lat.sort();
    let seen = seen.lock().unwrap();
    let mut delays: Vec<Duration> = probes
        .iter()
        .filter_map(|(step, sent)| {
            let marker = format!(">{step}<");
            seen.iter()
                .find(|(at, text)| at >= sent && text.contains(&marker))
                .map(|(at, _)| *at - *sent)
        })
        .collect();
    let missed = probes.len() - delays.len();
    delays.sort();
    println!(
        "answers given: {given}; stored by the server: {stored}; lost: {}",
        given.saturating_sub(stored)
    );
    println!(
        "deliveries acknowledged: {}; failed (sent again): {}",
        lat.len(),
        failures.load(Ordering::Relaxed)
    );
    println!(
        "delivery latency: p50 {}, p99 {}, max {}",
        ms(percentile(&lat, 0.50)),
        ms(percentile(&lat, 0.99)),
        ms(lat.last().copied().unwrap_or_default())
    );
    println!(
        "server peak resident memory (VmHWM): {:.1} MiB",
        peak as f64 / 1024.0
    );
    println!(
        "dashboard update delay over {} probes: p50 {}, max {}; probes never shown: {missed}",
        probes.len(),
        ms(percentile(&delays, 0.50)),
        ms(delays.last().copied().unwrap_or_default())
    );
}
