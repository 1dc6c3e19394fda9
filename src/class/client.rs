//! The learner's side of a live class, blocking and without an async runtime: [`join`]
//! registers the learner with the class server and keeps the learner token in the local
//! database; [`Sender`] is one background thread that delivers the outbox (the answers the
//! store queued in the same transaction that committed them) in order, with retries and
//! exponential backoff, and says where the learner is every few seconds. The interface
//! only reads [`Sender::status`], which never waits on the network.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::wire::{self, Delivered, Delivery, JoinRequest, Joined, Refusal};
use super::{pem, token};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::class::Class as C;
use crate::progress::{ClassLink, ExportedLearner, Learner, LearnerName, ProgressError, Store};

/// Why joining failed.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// The URL is not `http://HOST:PORT` or `https://HOST:PORT`.
    #[error("`{0}` is not a class URL such as http://192.168.1.10:8080")]
    BadUrl(String),
    /// The server's certificate is not one this computer trusts (and no `--ca-file` that
    /// signed it was given).
    #[error("the class at {url} shows a certificate this computer does not trust: {error}")]
    Untrusted {
        /// The server.
        url: String,
        /// What rustls said.
        error: String,
        /// The `--ca-file` given, if any.
        ca_file: Option<PathBuf>,
    },
    /// The `--ca-file` could not be read.
    #[error(transparent)]
    Pem(#[from] pem::PemError),
    /// The `--ca-file` could not be kept for the sender.
    #[error("cannot keep the class's certificate in {}: {error}", .path.display())]
    KeepCa {
        /// Where it was to be kept.
        path: PathBuf,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The server could not be reached.
    #[error("cannot reach the class at {url}: {error}")]
    Unreachable {
        /// The server.
        url: String,
        /// What went wrong.
        error: String,
    },
    /// The server refused.
    #[error("the class refused: {}", .refusal.message)]
    Refused {
        /// Its HTTP status.
        status: u16,
        /// What it said.
        refusal: Refusal,
    },
    /// The local database could not keep the token.
    #[error(transparent)]
    Store(#[from] ProgressError),
    /// The local database is not saving (memory only): the outbox would not survive.
    #[error("progress is not being saved, so answers could not wait for the class")]
    NotSaving,
}

impl JoinError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            JoinError::BadUrl(u) => C::JoinBadUrl.fill(lang, &[("url", u)]),
            JoinError::Untrusted {
                url,
                error,
                ca_file: None,
            } => C::JoinUntrusted.fill(lang, &[("url", url), ("error", error)]),
            JoinError::Untrusted {
                url,
                error,
                ca_file: Some(file),
            } => C::JoinUntrustedCa.fill(
                lang,
                &[("url", url), ("error", error), ("file", &file.display())],
            ),
            JoinError::Pem(e) => e.message(lang),
            JoinError::KeepCa { path, error } => {
                C::CaCannotKeep.fill(lang, &[("path", &path.display()), ("error", error)])
            }
            JoinError::Unreachable { url, error } => {
                C::JoinUnreachable.fill(lang, &[("url", url), ("error", error)])
            }
            JoinError::Refused { status, refusal } => {
                let what = match refusal.error.as_str() {
                    "no-class" => C::JoinNoClass.text(lang).to_string(),
                    "closed" => C::ClassClosed.text(lang).to_string(),
                    "already-joined" => C::AlreadyJoined.text(lang).to_string(),
                    _ => refusal.message.clone(),
                };
                C::JoinRefused.fill(lang, &[("status", status), ("reason", &what)])
            }
            JoinError::Store(e) => e.message(lang),
            JoinError::NotSaving => C::JoinNotSaving.text(lang).to_string(),
        }
    }
}

/// The URL without a trailing `/`, when it is a class URL: `http://HOST:PORT` or
/// `https://HOST:PORT`.
pub fn normalize_url(url: &str) -> Result<String, JoinError> {
    let u = url.trim().trim_end_matches('/');
    let host = u
        .strip_prefix("http://")
        .or_else(|| u.strip_prefix("https://"))
        .ok_or_else(|| JoinError::BadUrl(url.to_string()))?;
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        return Err(JoinError::BadUrl(url.to_string()));
    }
    Ok(u.to_string())
}

/// Where the certificate a learner trusts for their class (`--join … --ca-file`) is kept,
/// beside the progress database `db`, for the sender of every later start.
pub fn ca_path(db: &Path, learner: &Learner) -> PathBuf {
    db.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("class-ca")
        .join(format!("{}.pem", learner.uid()))
}

/// An HTTP client giving up after `timeout`. Over HTTPS it trusts the certificates in `ca`
/// when there are any (a class whose certificate the instructor made), else the public
/// authorities (webpki-roots).
fn agent(timeout: Duration, ca: &[ureq::tls::Certificate<'static>]) -> ureq::Agent {
    let mut tls = ureq::tls::TlsConfig::builder().provider(ureq::tls::TlsProvider::Rustls);
    if !ca.is_empty() {
        tls = tls.root_certs(ureq::tls::RootCerts::Specific(Arc::new(ca.to_vec())));
    }
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .tls_config(tls.build())
        .build()
        .into()
}

/// The certificates of a PEM file, for ureq.
fn ca_certs(path: &Path, bytes: &[u8]) -> Result<Vec<ureq::tls::Certificate<'static>>, JoinError> {
    Ok(pem::certificates(path, bytes)?
        .iter()
        .map(|c| ureq::tls::Certificate::from_der(c.as_ref()).to_owned())
        .collect())
}

/// The certificates kept for `learner`'s class, if any could be read. A missing or damaged
/// file reads as none: the public authorities are trusted then, so deliveries to a class
/// whose certificate the instructor made fail, and wait in the outbox, until the learner
/// joins again with `--ca-file`.
fn kept_ca(db: &Path, learner: &Learner) -> Vec<ureq::tls::Certificate<'static>> {
    let path = ca_path(db, learner);
    pem::read(&path)
        .ok()
        .and_then(|b| ca_certs(&path, &b).ok())
        .unwrap_or_default()
}

/// Keeps `pem` as `learner`'s class certificate, or removes the one kept (`None`).
fn keep_ca(db: &Path, learner: &Learner, pem: Option<&[u8]>) -> Result<(), JoinError> {
    let path = ca_path(db, learner);
    let kept = match pem {
        Some(bytes) => path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes)),
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            r => r,
        },
    };
    kept.map_err(|error| JoinError::KeepCa { path, error })
}

/// A failed request as a join error: a certificate the learner's computer does not trust
/// says what to do about it.
fn unreachable(server: &str, e: ureq::Error, ca_file: Option<&Path>) -> JoinError {
    let tls = match &e {
        ureq::Error::Rustls(_) | ureq::Error::Tls(_) => true,
        ureq::Error::Io(io) => io
            .get_ref()
            .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some()),
        _ => false,
    };
    if tls {
        JoinError::Untrusted {
            url: server.to_string(),
            error: e.to_string(),
            ca_file: ca_file.map(Path::to_path_buf),
        }
    } else {
        JoinError::Unreachable {
            url: server.to_string(),
            error: e.to_string(),
        }
    }
}

/// Reads a response: its status and body text (bounded by ureq's limit).
fn read(resp: ureq::http::Response<ureq::Body>) -> (u16, String) {
    let status = resp.status().as_u16();
    let text = resp.into_body().read_to_string().unwrap_or_default();
    (status, text)
}

fn refusal(status: u16, text: &str) -> Refusal {
    serde_json::from_str(text).unwrap_or_else(|_| Refusal {
        error: "http".to_string(),
        message: format!("HTTP {status}"),
    })
}

/// Joins `learner` to the class at `url` with `code`: asks the server for a learner token
/// and keeps it in the local database, with every answer already given queued for the
/// class. Joining the same class again (same URL and code) keeps the token it has.
/// `ca_file`: over HTTPS, trust the certificates in this PEM file (the instructor's own
/// certificate, or the authority that signed it) instead of the public authorities; it is
/// kept beside the database ([`ca_path`]) for the sender of every later start.
pub fn join(
    store: &Store,
    learner: &Learner,
    url: &str,
    code: &str,
    ca_file: Option<&Path>,
) -> Result<ClassLink, JoinError> {
    let crate::progress::Saving::ToFile(db) = store.saving() else {
        return Err(JoinError::NotSaving);
    };
    if !store.is_saving() {
        return Err(JoinError::NotSaving);
    }
    let server = normalize_url(url)?;
    let code = token::normalize_code(code);
    let ca_pem = ca_file.map(pem::read).transpose()?;
    let ca = match (ca_file, &ca_pem) {
        (Some(path), Some(bytes)) => ca_certs(path, bytes)?,
        _ => Vec::new(),
    };
    if let Some(link) = store.class_link(learner)?
        && link.server == server
        && link.code == code
    {
        if ca_pem.is_some() {
            keep_ca(db, learner, ca_pem.as_deref())?;
        }
        return Ok(link);
    }
    let body = serde_json::to_string(&JoinRequest {
        code: code.clone(),
        learner: ExportedLearner {
            name: learner.name().clone(),
            id: learner.uid().clone(),
        },
    })
    .unwrap_or_default();
    let resp = agent(Duration::from_secs(10), &ca)
        .post(format!("{server}{}", wire::JOIN_PATH))
        .header("content-type", "application/json")
        .send(body.as_str())
        .map_err(|e| unreachable(&server, e, ca_file))?;
    let (status, text) = read(resp);
    if status != 201 {
        return Err(JoinError::Refused {
            status,
            refusal: refusal(status, &text),
        });
    }
    let joined: Joined = serde_json::from_str(&text).map_err(|e| JoinError::Unreachable {
        url: server.clone(),
        error: e.to_string(),
    })?;
    let link = ClassLink {
        server,
        code: joined.code,
        token: joined.token,
        joined: jiff::Timestamp::now(),
    };
    // The certificate is kept (or an old class's forgotten) before the link, so the sender
    // never finds the new link with the old class's certificate.
    keep_ca(db, learner, ca_pem.as_deref())?;
    store.join_class(learner, &link)?;
    Ok(link)
}

/// What the sender last knew, for the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Status {
    /// The last delivery (or "still here") reached the server.
    pub connected: bool,
    /// Answers waiting in the outbox.
    pub waiting: u64,
    /// Deliveries tried since the last one that reached the server.
    pub failures: u32,
    /// Answers the server refused as they are (a request it cannot take: a newer or a
    /// damaged answer): taken out of the outbox so that the answers after them still go,
    /// and kept in the local database.
    pub refused: u64,
    /// How many times the sender found the outbox empty (for [`Sender::finish`]).
    pub empty_looks: u64,
}

impl Status {
    /// The status line: "class: connected" or "class: offline, 3 answers waiting".
    pub fn line(&self, lang: Lang) -> String {
        let line = self.state_line(lang);
        if self.refused == 0 {
            return line;
        }
        C::StatusRefused.fill(lang, &[("line", &line), ("count", &self.refused)])
    }

    fn state_line(&self, lang: Lang) -> String {
        let state = if self.connected {
            C::StatusConnected.text(lang)
        } else {
            C::StatusOffline.text(lang)
        };
        if self.waiting == 0 {
            C::StatusLine.fill(lang, &[("state", &state)])
        } else {
            let waiting = if self.waiting == 1 {
                C::StatusWaitingOne.text(lang).to_string()
            } else {
                C::StatusWaitingMany.fill(lang, &[("count", &self.waiting)])
            };
            C::StatusLineWaiting.fill(lang, &[("state", &state), ("waiting", &waiting)])
        }
    }
}

/// How often the sender works; the defaults suit a classroom, tests make them short.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// How often the outbox is looked at when nothing is waiting.
    pub poll: Duration,
    /// How often the server is told the learner is still there.
    pub heartbeat: Duration,
    /// The first wait after a failed delivery; it doubles on every failure …
    pub backoff_start: Duration,
    /// … up to this.
    pub backoff_max: Duration,
    /// How long one request may take.
    pub request_timeout: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            poll: Duration::from_millis(300),
            heartbeat: Duration::from_secs(5),
            backoff_start: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            request_timeout: Duration::from_secs(5),
        }
    }
}

/// The background sender of one learner's outbox.
#[derive(Debug)]
pub struct Sender {
    status: Arc<Mutex<Status>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Sender {
    /// Starts delivering `learner`'s outbox from the database at `db` (the sender opens its
    /// own connection: SQLite's WAL lets it read while the interface writes).
    pub fn start(db: PathBuf, learner: LearnerName, timing: Timing) -> Sender {
        let status = Arc::new(Mutex::new(Status::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (status.clone(), stop.clone());
        let thread = std::thread::Builder::new()
            .name("class-sender".to_string())
            .spawn(move || run(&db, &learner, timing, &st, &sp))
            .ok();
        Sender {
            status,
            stop,
            thread,
        }
    }

    /// What the sender last knew; never waits on the network.
    pub fn status(&self) -> Status {
        *self.status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// On quitting: gives the sender up to `max` to deliver what is waiting while the
    /// class is reachable, then stops it. Offline, it stops at once: the answers wait in the
    /// outbox for the next start.
    pub fn finish(self, max: Duration) {
        let start = self.status().empty_looks;
        let until = Instant::now() + max;
        while Instant::now() < until {
            let st = self.status();
            // Two looks after now: the second began after every answer was committed.
            if st.empty_looks >= start + 2 || st.failures > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.stop();
    }

    /// Stops the sender and waits for its thread (at most one request's timeout).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Sender {
    fn drop(&mut self) {
        // The thread ends at its next look; what is waiting stays in the outbox for the
        // next start.
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Sleeps `d` in short slices, returning early (true) when told to stop.
fn nap(d: Duration, stop: &AtomicBool) -> bool {
    let until = Instant::now() + d;
    while Instant::now() < until {
        if stop.load(Ordering::Relaxed) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50).min(until - Instant::now()));
    }
    stop.load(Ordering::Relaxed)
}

/// The largest body the sender builds: half of what the server reads.
const BATCH_BYTES: usize = wire::MAX_DELIVERY_BYTES / 2;

fn run(
    db: &std::path::Path,
    name: &LearnerName,
    timing: Timing,
    status: &Mutex<Status>,
    stop: &AtomicBool,
) {
    let set =
        |f: &dyn Fn(&mut Status)| f(&mut status.lock().unwrap_or_else(PoisonError::into_inner));
    let mut agent: Option<ureq::Agent> = None;
    let mut backoff = timing.backoff_start;
    let mut last_contact: Option<Instant> = None;
    let mut sent_position = None;
    let mut store: Option<(Store, Learner)> = None;
    // After the server refused a batch as it was, answers go one at a time until one is
    // taken, so that the one it cannot take is found and the others are not held up.
    let mut one_at_a_time = false;
    while !stop.load(Ordering::Relaxed) {
        if store.is_none() {
            store = Store::open(db)
                .ok()
                .and_then(|s| s.find_learner(name).ok().flatten().map(|l| (s, l)));
        }
        let Some((s, learner)) = &store else {
            if nap(timing.backoff_max.min(Duration::from_secs(2)), stop) {
                return;
            }
            continue;
        };
        // The client is made once the learner is known: it trusts their class's certificate.
        let agent = agent.get_or_insert_with(|| {
            super::client::agent(timing.request_timeout, &kept_ca(db, learner))
        });
        let (link, batch, position) = match (
            s.class_link(learner),
            s.outbox(learner, wire::MAX_BATCH),
            s.last_position(learner),
        ) {
            (Ok(Some(link)), Ok(batch), Ok(position)) => (link, batch, position),
            _ => {
                if nap(timing.poll, stop) {
                    return;
                }
                continue;
            }
        };
        let waiting = s.outbox_len(learner).unwrap_or(batch.len() as u64);
        let empty = batch.is_empty();
        set(&|st| {
            st.waiting = waiting;
            st.empty_looks += u64::from(empty);
        });
        let due = !batch.is_empty()
            || position != sent_position
            || last_contact.is_none_or(|t| t.elapsed() >= timing.heartbeat);
        if !due {
            if nap(timing.poll, stop) {
                return;
            }
            continue;
        }
        // Oldest first, and no larger than half the server's limit.
        let mut size = 0usize;
        let mut attempts = Vec::with_capacity(batch.len());
        let mut last_seq = None;
        for q in &batch {
            size += q.attempt.answer.len() + 512;
            if (size > BATCH_BYTES || one_at_a_time) && !attempts.is_empty() {
                break;
            }
            attempts.push(q.attempt.clone());
            last_seq = Some(q.seq);
        }
        let full = attempts.len() < batch.len() || batch.len() == wire::MAX_BATCH;
        let sending = attempts.len();
        let body = serde_json::to_string(&Delivery {
            attempts,
            position: position.clone(),
        })
        .unwrap_or_default();
        let sent = agent
            .post(format!("{}{}", link.server, wire::DELIVER_PATH))
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", link.token))
            .send(body.as_str())
            .map(read);
        let (delivered, refused) = match sent {
            Ok((200, text)) => (serde_json::from_str::<Delivered>(&text).is_ok(), false),
            // The server read the request and cannot take it as it is: sending it again
            // changes nothing.
            Ok((400 | 413, _)) => (false, true),
            _ => (false, false),
        };
        if refused && sending > 1 {
            one_at_a_time = true;
            continue;
        }
        if refused {
            // One answer (or, with none, the position) the server cannot take: set aside so
            // that the rest go; the local database keeps it.
            if let Some(seq) = last_seq {
                let _ = s.outbox_delivered(learner, seq);
            }
            sent_position = position;
            last_contact = Some(Instant::now());
            let waiting = s.outbox_len(learner).unwrap_or(0);
            set(&|st| {
                st.connected = true;
                st.refused = st.refused.saturating_add(u64::from(sending == 1));
                st.waiting = waiting;
            });
            continue;
        }
        if delivered {
            one_at_a_time = false;
            if let Some(seq) = last_seq {
                let _ = s.outbox_delivered(learner, seq);
            }
            sent_position = position;
            last_contact = Some(Instant::now());
            backoff = timing.backoff_start;
            let waiting = s.outbox_len(learner).unwrap_or(0);
            set(&|st| {
                st.connected = true;
                st.failures = 0;
                st.waiting = waiting;
            });
            if !full && nap(timing.poll, stop) {
                return;
            }
        } else {
            set(&|st| {
                st.connected = false;
                st.failures = st.failures.saturating_add(1);
            });
            if nap(backoff, stop) {
                return;
            }
            backoff = (backoff * 2).min(timing.backoff_max);
        }
    }
}
