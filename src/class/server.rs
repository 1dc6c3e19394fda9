//! `iamdojo class serve`: the instructor's class server. axum on a small tokio runtime of
//! its own thread; the data in SQLite ([`db`], the default) or PostgreSQL ([`pg`]) behind
//! one [`store::Store`], called from tokio's blocking threads only; the live dashboard
//! rendered on the server ([`dashboard`]) and pushed to the browser by server-sent events.
//! Plain HTTP through `axum::serve`, or HTTPS (rustls, the `ring` provider) through
//! axum-server when the instructor gives a certificate and key ([`TlsFiles`]).
//!
//! Routes: `POST /api/v1/join` (join code → learner token), `POST /api/v1/attempts`
//! (learner token → its own attempts only), and for the instructor (token in a cookie, set
//! by opening `/?token=…` once, or `Authorization: Bearer`): `/` the dashboard, `/events`
//! its live updates, `/report.csv` and `/report.html` the class report, `POST /close`.

pub mod dashboard;
pub mod db;
pub mod pg;
pub mod store;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::future::Either;
use serde::Deserialize;
use tokio::sync::{broadcast, watch};

use super::wire::{self, Delivered, Delivery, JoinRequest, Joined, Refusal};
use super::{pem, token};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::class::Class as C;
use crate::progress::{Catalog, ClassReport};
use db::{ClassRow, Joining};
use store::{Backend, PgUrl, Store, StoreError};

/// The cookie that holds the instructor token in the browser.
const COOKIE: &str = "iamdojo_instructor";

/// How a class server is started.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`127.0.0.1:8080`; port 0 picks a free one).
    pub listen: SocketAddr,
    /// Where `class.db` is kept (with `database`, only which class this server resumes).
    pub data_dir: PathBuf,
    /// Store in this PostgreSQL database instead of `class.db`.
    pub database: Option<PgUrl>,
    /// A learner with no right answer for this long is shown as stuck.
    pub stuck: Duration,
    /// Start a new class even when one is open in the data directory.
    pub new_class: bool,
    /// Lesson titles in English and in Japanese, from the packs the instructor loaded.
    pub catalogs: (Catalog, Catalog),
    /// Serve HTTPS with this certificate chain and private key (PEM files), else plain HTTP.
    pub tls: Option<TlsFiles>,
    /// The predict steps of those packs and IAM's answer to each, for the spread of the
    /// room's predictions.
    pub predicts: dashboard::PredictSteps,
}

/// The PEM files HTTPS is served with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The certificate, followed by any intermediate certificates.
    pub cert: PathBuf,
    /// Its private key, unencrypted.
    pub key: PathBuf,
}

impl TlsFiles {
    /// Reads both files (bounded) and builds rustls's configuration (HTTP/1.1, TLS 1.2 and
    /// 1.3, the `ring` provider).
    pub fn server_config(&self) -> Result<Arc<rustls::ServerConfig>, ServeError> {
        let certs = pem::certificates(&self.cert, &pem::read(&self.cert)?)?;
        let key = pem::private_key(&self.key, &pem::read(&self.key)?)?;
        let refused = |error: rustls::Error| ServeError::TlsRefused {
            cert: self.cert.clone(),
            key: self.key.clone(),
            error,
        };
        let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(refused)?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(refused)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {error}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The database could not be opened or written.
    #[error("the class database in {}: {error}", .backend.place())]
    Database {
        /// Which database.
        backend: Backend,
        /// The store's reason.
        error: StoreError,
    },
    /// No randomness for the tokens.
    #[error(transparent)]
    Random(#[from] token::NoRandomness),
    /// The async runtime could not start.
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
    /// A certificate or key file could not be read.
    #[error(transparent)]
    Pem(#[from] pem::PemError),
    /// rustls refused the certificate and key.
    #[error("cannot serve HTTPS with {} and {}: {error}", .cert.display(), .key.display())]
    TlsRefused {
        /// The certificate file.
        cert: PathBuf,
        /// The key file.
        key: PathBuf,
        /// rustls's reason.
        error: rustls::Error,
    },
}

impl ServeError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ServeError::Bind { addr, error } => {
                C::CannotListen.fill(lang, &[("addr", addr), ("error", error)])
            }
            ServeError::Database {
                backend: Backend::Sqlite { dir },
                error,
            } => C::CannotOpenDb.fill(lang, &[("dir", &dir.display()), ("error", error)]),
            ServeError::Database {
                backend: Backend::Postgres { url, .. },
                error,
            } => C::CannotUsePostgres.fill(lang, &[("url", url), ("error", error)]),
            ServeError::Random(e) => C::NoRandomness.fill(lang, &[("error", e)]),
            ServeError::Runtime(e) => C::CannotStart.fill(lang, &[("error", e)]),
            ServeError::Pem(e) => e.message(lang),
            ServeError::TlsRefused { cert, key, error } => C::TlsRefused.fill(
                lang,
                &[
                    ("cert", &cert.display()),
                    ("key", &key.display()),
                    ("error", error),
                ],
            ),
        }
    }
}

/// A running server.
#[derive(Debug)]
pub struct Running {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The class's join code.
    pub code: String,
    /// The instructor token, when the class is new (it is stored hashed and cannot be
    /// shown again); `None` when an open class was resumed.
    pub instructor_token: Option<String>,
    /// Whether it serves HTTPS.
    pub tls: bool,
    stop: watch::Sender<bool>,
    thread: std::thread::JoinHandle<()>,
}

impl Running {
    /// The URL learners join and the instructor opens.
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Stops the server: new connections are refused, requests under way finish, live
    /// dashboards are ended; returns when it has stopped.
    pub fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.thread.join();
    }

    /// Waits until the server stops (Ctrl+C).
    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

/// What the handlers share.
struct Shared {
    db: Mutex<Store>,
    /// A second connection for the dashboard's and the reports' reads: they read while a
    /// delivery writes (SQLite in WAL; PostgreSQL from a snapshot), so a large class's
    /// dashboard never holds up an answer.
    reads: Mutex<Store>,
    class: ClassRow,
    changed: broadcast::Sender<()>,
    stopping: watch::Receiver<bool>,
    stuck: Duration,
    catalogs: (Catalog, Catalog),
    predicts: dashboard::PredictSteps,
}

impl Shared {
    fn db(&self) -> std::sync::MutexGuard<'_, Store> {
        self.db.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn reads(&self) -> std::sync::MutexGuard<'_, Store> {
        self.reads.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn catalog(&self, lang: Lang) -> &Catalog {
        match lang {
            Lang::En => &self.catalogs.0,
            Lang::Ja => &self.catalogs.1,
        }
    }
}

/// Opens the class database, resumes the open class or creates one, binds the address and
/// starts serving on a thread of its own. `ctrl_c`: stop on Ctrl+C (the command does; tests
/// stop with [`Running::stop`]).
pub fn start(config: Config, ctrl_c: bool) -> Result<Running, ServeError> {
    // The certificate and key are checked first: a wrong file changes nothing on disk.
    let tls = config
        .tls
        .as_ref()
        .map(TlsFiles::server_config)
        .transpose()?;
    let backend = match &config.database {
        None => Backend::Sqlite {
            dir: config.data_dir.clone(),
        },
        Some(url) => Backend::Postgres {
            url: url.clone(),
            dir: config.data_dir.clone(),
        },
    };
    let db_err = |error| ServeError::Database {
        backend: backend.clone(),
        error,
    };
    let mut db = Store::open(&backend).map_err(db_err)?;
    let resumed = if config.new_class {
        None
    } else {
        db.resume().map_err(db_err)?
    };
    let (class, instructor_token) = match resumed {
        Some(c) => (c, None),
        None => {
            let secret = token::secret()?;
            // Join codes are unique among every class the database ever held (PostgreSQL
            // keeps many cohorts'): a code drawn twice is drawn again, a few times.
            let mut tries = 0;
            let c = loop {
                match db.create_class(&token::join_code()?, &token::hash(&secret)) {
                    Err(e) if e.is_duplicate() && tries < 4 => tries += 1,
                    other => break other.map_err(db_err)?,
                }
            };
            (c, Some(secret))
        }
    };
    let listener =
        std::net::TcpListener::bind(config.listen).map_err(|error| ServeError::Bind {
            addr: config.listen,
            error,
        })?;
    let addr = listener.local_addr().map_err(|error| ServeError::Bind {
        addr: config.listen,
        error,
    })?;
    listener
        .set_nonblocking(true)
        .map_err(ServeError::Runtime)?;
    let serves_tls = tls.is_some();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(ServeError::Runtime)?;
    let (stop, stopping) = watch::channel(false);
    let (changed, _) = broadcast::channel(64);
    let code = class.code.clone();
    let reads = Store::open(&backend).map_err(db_err)?;
    let shared = Arc::new(Shared {
        db: Mutex::new(db),
        reads: Mutex::new(reads),
        class,
        changed,
        stopping: stopping.clone(),
        stuck: config.stuck,
        catalogs: config.catalogs,
        predicts: config.predicts,
    });
    let stop_on_signal = stop.clone();
    let thread = std::thread::Builder::new()
        .name("class-server".to_string())
        .spawn(move || {
            // The store is dropped here, outside the runtime, after it has stopped: closing
            // the `postgres` client blocks, which tokio forbids on its own threads.
            let store = shared.clone();
            runtime.block_on(async move {
                if ctrl_c {
                    tokio::spawn(async move {
                        if tokio::signal::ctrl_c().await.is_ok() {
                            let _ = stop_on_signal.send(true);
                        }
                    });
                }
                let mut until = stopping;
                match tls {
                    None => {
                        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                            return;
                        };
                        let _ = axum::serve(listener, router(shared))
                            .with_graceful_shutdown(async move {
                                let _ = until.wait_for(|s| *s).await;
                            })
                            .await;
                    }
                    Some(config) => {
                        // axum-server does the TLS handshakes, each in its own task (with
                        // its timeout), so a slow or plain-HTTP client holds up no other.
                        let handle = axum_server::Handle::new();
                        let on_stop = handle.clone();
                        tokio::spawn(async move {
                            let _ = until.wait_for(|s| *s).await;
                            on_stop.graceful_shutdown(Some(Duration::from_secs(2)));
                        });
                        let config = axum_server::tls_rustls::RustlsConfig::from_config(config);
                        let Ok(server) = axum_server::from_tcp_rustls(listener, config) else {
                            return;
                        };
                        let _ = server
                            .handle(handle)
                            .serve(router(shared).into_make_service())
                            .await;
                    }
                }
            });
            // Requests still running after the shutdown are not waited for long.
            runtime.shutdown_timeout(Duration::from_secs(2));
            drop(store);
        })
        .map_err(ServeError::Runtime)?;
    Ok(Running {
        addr,
        code,
        instructor_token,
        tls: serves_tls,
        stop,
        thread,
    })
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            wire::JOIN_PATH,
            post(join).layer(DefaultBodyLimit::max(wire::MAX_JOIN_BYTES)),
        )
        .route(
            wire::DELIVER_PATH,
            post(deliver).layer(DefaultBodyLimit::max(wire::MAX_DELIVERY_BYTES)),
        )
        .route("/", get(page))
        .route("/events", get(events))
        .route("/report.csv", get(report_csv))
        .route("/report.html", get(report_html))
        .route("/close", post(close).layer(DefaultBodyLimit::max(1024)))
        .with_state(shared)
}

fn refuse(status: StatusCode, error: &str, message: String) -> Response {
    (
        status,
        axum::Json(Refusal {
            error: error.to_string(),
            message,
        }),
    )
        .into_response()
}

/// Runs `f` on one of tokio's blocking threads: SQLite and the `postgres` client both block,
/// and the runtime's two workers must not.
async fn blocking<T: Send + 'static>(
    s: &Arc<Shared>,
    f: impl FnOnce(&Shared) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    let s = s.clone();
    tokio::task::spawn_blocking(move || f(&s))
        .await
        .unwrap_or_else(|e| Err(StoreError::Task(e.to_string())))
}

fn server_error(e: &StoreError) -> Response {
    refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "database",
        C::ServerDbError.fill(Lang::En, &[("error", e)]),
    )
}

/// Reads a JSON body strictly, naming the field that is wrong (`attempts[2].step: …`).
fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            inner.to_string()
        } else {
            format!("{path}: {inner}")
        }
    })?;
    // Trailing text after the value is refused, as `progress import` refuses it.
    de.end().map_err(|e| e.to_string())?;
    Ok(value)
}

fn bad_request(message: String) -> Response {
    refuse(StatusCode::BAD_REQUEST, "bad-request", message)
}

async fn join(State(s): State<Arc<Shared>>, body: Bytes) -> Response {
    let req: JoinRequest = match parse(&body) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    if token::normalize_code(&req.code) != s.class.code {
        return refuse(
            StatusCode::NOT_FOUND,
            "no-class",
            C::NoSuchClass.fill(Lang::En, &[("code", &req.code)]),
        );
    }
    let secret = match token::secret() {
        Ok(t) => t,
        Err(e) => {
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "randomness", e.to_string());
        }
    };
    let hash = token::hash(&secret);
    let joined = blocking(&s, move |s| {
        let mut db = s.db();
        match db.class(s.class.id)? {
            Some(c) if !c.closed => db.join(s.class.id, &req.learner, &hash).map(Some),
            _ => Ok(None),
        }
    })
    .await;
    match joined {
        Ok(None) => refuse(
            StatusCode::GONE,
            "closed",
            C::ClassClosed.text(Lang::En).to_string(),
        ),
        Ok(Some(Joining::Joined)) => {
            let _ = s.changed.send(());
            (
                StatusCode::CREATED,
                axum::Json(Joined {
                    token: secret,
                    code: s.class.code.clone(),
                }),
            )
                .into_response()
        }
        Ok(Some(Joining::AlreadyJoined)) => refuse(
            StatusCode::CONFLICT,
            "already-joined",
            C::AlreadyJoined.text(Lang::En).to_string(),
        ),
        Err(e) => server_error(&e),
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn unauthorized() -> Response {
    refuse(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        C::BadToken.text(Lang::En).to_string(),
    )
}

async fn deliver(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(given) = bearer(&headers) else {
        return unauthorized();
    };
    let given = given.to_string();
    // The learner is found by the hash of the token (an index lookup on a hash reveals
    // nothing of the token), then the hashes are compared again in constant time.
    let found = blocking(&s, move |s| {
        s.db()
            .learner_by_token(s.class.id, &token::hash(&given))
            .map(|l| l.filter(|l| token::matches(&given, &l.token_hash)))
    })
    .await;
    let learner = match found {
        Ok(Some(l)) => l,
        Ok(None) => return unauthorized(),
        Err(e) => return server_error(&e),
    };
    let d: Delivery = match parse(&body) {
        Ok(d) => d,
        Err(m) => return bad_request(m),
    };
    if let Err(m) = check_delivery(&d) {
        return bad_request(m);
    }
    match blocking(&s, move |s| s.db().deliver(learner.id, &d)).await {
        Ok((accepted, known)) => {
            let _ = s.changed.send(());
            axum::Json(Delivered { accepted, known }).into_response()
        }
        Err(e) => server_error(&e),
    }
}

/// The rules a delivery must follow beyond its shape (the shapes are the export file's).
pub fn check_delivery(d: &Delivery) -> Result<(), String> {
    if d.attempts.len() > wire::MAX_BATCH {
        return Err(C::TooManyAttempts.fill(
            Lang::En,
            &[("count", &d.attempts.len()), ("max", &wire::MAX_BATCH)],
        ));
    }
    for (i, a) in d.attempts.iter().enumerate() {
        if a.answer.len() > wire::MAX_ANSWER_BYTES {
            return Err(format!(
                "attempts[{i}].answer: {}",
                C::AnswerTooLong.fill(Lang::En, &[("max", &wire::MAX_ANSWER_BYTES)])
            ));
        }
        if a.lesson_version.len() > 64 || a.lesson_version.chars().any(char::is_control) {
            return Err(format!(
                "attempts[{i}].lesson_version: {}",
                C::BadVersion.text(Lang::En)
            ));
        }
    }
    Ok(())
}

/// The instructor token the request carries: `Authorization: Bearer`, else the cookie.
fn instructor_token(headers: &HeaderMap) -> Option<String> {
    if let Some(t) = bearer(headers) {
        return Some(t.to_string());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.trim().to_string())
}

fn is_instructor(s: &Shared, headers: &HeaderMap) -> bool {
    instructor_token(headers).is_some_and(|t| token::matches(&t, &s.class.instructor_hash))
}

/// The query of the instructor's pages.
#[derive(Debug, Deserialize)]
struct PageQuery {
    lang: Option<String>,
    token: Option<String>,
}

/// The page's language: `?lang=`, else the browser's first choice (`Accept-Language`).
fn page_lang(q: &PageQuery, headers: &HeaderMap) -> Lang {
    if let Some(l) = q.lang.as_deref().and_then(Lang::parse) {
        return l;
    }
    let first = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if first == "ja" || first.starts_with("ja-") {
        Lang::Ja
    } else {
        Lang::En
    }
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn page(
    State(s): State<Arc<Shared>>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = page_lang(&q, &headers);
    if let Some(t) = &q.token {
        if !token::matches(t, &s.class.instructor_hash) {
            return html(StatusCode::UNAUTHORIZED, dashboard::login(lang, true));
        }
        // The token moves into a cookie and out of the address bar (and its history).
        let cookie = format!("{COOKIE}={t}; HttpOnly; SameSite=Strict; Path=/");
        let mut r = StatusCode::SEE_OTHER.into_response();
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            r.headers_mut().insert(header::SET_COOKIE, v);
        }
        let to = format!("/?lang={}", lang.code());
        if let Ok(v) = HeaderValue::from_str(&to) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    if !is_instructor(&s, &headers) {
        return html(StatusCode::UNAUTHORIZED, dashboard::login(lang, false));
    }
    match blocking(&s, move |s| {
        view(s, lang).map(|v| dashboard::page(&v, lang))
    })
    .await
    {
        Ok(page) => html(StatusCode::OK, page),
        Err(e) => server_error(&e),
    }
}

fn view(s: &Shared, lang: Lang) -> Result<dashboard::View, StoreError> {
    let (data, class) = {
        let mut db = s.reads();
        (db.class_data(s.class.id)?, db.class(s.class.id)?)
    };
    Ok(dashboard::View::build(
        &s.class.code,
        class.is_none_or(|c| c.closed),
        &data,
        jiff::Timestamp::now(),
        s.stuck,
        s.catalog(lang),
        &s.predicts,
    ))
}

/// The live part of the page, sent whenever a learner joins or delivers (coalesced over a
/// fifth of a second) and every 5 seconds (times on a step grow), until the server stops.
async fn events(
    State(s): State<Arc<Shared>>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    if !is_instructor(&s, &headers) {
        return unauthorized();
    }
    let lang = page_lang(&q, &headers);
    let rx = s.changed.subscribe();
    let stopping = s.stopping.clone();
    let stream = futures_util::stream::unfold(
        (s, rx, stopping, true),
        move |(s, mut rx, mut stopping, first)| async move {
            if !first {
                if *stopping.borrow() {
                    return None;
                }
                let go_on = {
                    let next =
                        std::pin::pin!(tokio::time::timeout(Duration::from_secs(5), rx.recv()));
                    let stop = std::pin::pin!(stopping.changed());
                    match futures_util::future::select(next, stop).await {
                        Either::Left((Ok(Err(broadcast::error::RecvError::Closed)), _)) => false,
                        Either::Left(_) => true,
                        Either::Right(_) => false,
                    }
                };
                if !go_on {
                    return None;
                }
                // Answers arriving together are sent as one update.
                tokio::time::sleep(Duration::from_millis(200)).await;
                while rx.try_recv().is_ok() {}
            }
            // Reading every answer and rendering runs beside the runtime's two workers, so
            // deliveries keep both while a large class's page is made.
            let made = s.clone();
            let fragment = tokio::task::spawn_blocking(move || match view(&made, lang) {
                Ok(v) => dashboard::live(&v, lang),
                Err(e) => dashboard::escape(&e.to_string()),
            })
            .await
            .unwrap_or_default();
            let event = Event::default()
                .event("live")
                .data(fragment.replace('\r', ""));
            Some((Ok::<Event, Infallible>(event), (s, rx, stopping, false)))
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn report(s: &Shared, lang: Lang) -> Result<ClassReport, StoreError> {
    let data = s.reads().class_data(s.class.id)?;
    let exports: Vec<(String, crate::progress::Export)> = data
        .iter()
        .map(|d| (d.learner.name.to_string(), d.export()))
        .collect();
    Ok(ClassReport::build(
        exports.iter().map(|(n, e)| (n.as_str(), e)),
        s.catalog(lang),
    ))
}

/// The class report for the instructor (anyone else is refused), rendered by `render` in the
/// page's language; a database failure is shown as a server error.
async fn instructor_report(
    s: &Arc<Shared>,
    q: &PageQuery,
    headers: &HeaderMap,
    render: impl FnOnce(&ClassReport, Lang) -> Response,
) -> Response {
    if !is_instructor(s, headers) {
        return unauthorized();
    }
    let lang = page_lang(q, headers);
    match blocking(s, move |s| report(s, lang)).await {
        Ok(r) => render(&r, lang),
        Err(e) => server_error(&e),
    }
}

async fn report_csv(
    State(s): State<Arc<Shared>>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    instructor_report(&s, &q, &headers, |r, _| {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"class-report.csv\"",
                ),
            ],
            crate::progress::render::csv(r),
        )
            .into_response()
    })
    .await
}

async fn report_html(
    State(s): State<Arc<Shared>>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    instructor_report(&s, &q, &headers, |r, lang| {
        html(StatusCode::OK, crate::progress::render::html(r, lang))
    })
    .await
}

async fn close(
    State(s): State<Arc<Shared>>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    if !is_instructor(&s, &headers) {
        return unauthorized();
    }
    if let Err(e) = blocking(&s, |s| s.db().close_class(s.class.id)).await {
        return server_error(&e);
    }
    let _ = s.changed.send(());
    let lang = page_lang(&q, &headers);
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/?lang={}", lang.code())) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}
