//! The SQLite store: where the file lives, opening it safely (damaged files moved aside,
//! newer schemas refused, an unwritable directory answered with an in-memory store that
//! says it is not saving), and every read and write of a learner's progress.
//!
//! Every write is committed before the call returns: an answer the UI shows as saved
//! survives the process being killed. The file is in WAL mode with a busy timeout, and
//! writes take the write lock up front (`BEGIN IMMEDIATE`), so two processes can use it at
//! once.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{
    Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior, params,
};

use super::error::{Problem, ProgressError, WriteFailure};
use super::export::{EXPORT_FORMAT, EXPORT_VERSION, Export, ExportedLearner};
use super::model::{
    Attempt, ClassLink, CommandRecord, Completion, Dashboard, ImportSummary, Learner,
    LessonProgress, PackSeen, Position, Queued, ResetScope, ResetSummary, Setting, SettingValue,
    StepProgress,
};
use super::schema::{self, DATA_TABLES, LATEST, Migrated};
use crate::ids::{IdError, IdKind, IdReason, LearnerName, LessonId, PackId, RecordId, StepId};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::progress::Progress as P;

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "progress.db";

/// The environment variable that overrides the data directory (after `--data-dir`).
pub const DATA_DIR_ENV: &str = "IAMDOJO_DATA_DIR";

/// How long a write waits for another process holding the lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The data directory: `flag` (`--data-dir`), else `IAMDOJO_DATA_DIR`, else the platform's
/// data directory for iamdojo (`~/.local/share/iamdojo` on Linux).
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, ProgressError> {
    resolve_data_dir(flag, std::env::var_os(DATA_DIR_ENV).as_deref())
}

/// [`data_dir`] with the environment variable's value passed in, for tests.
pub fn resolve_data_dir(
    flag: Option<&Path>,
    env: Option<&OsStr>,
) -> Result<PathBuf, ProgressError> {
    if let Some(f) = flag {
        return Ok(f.to_path_buf());
    }
    if let Some(e) = env.filter(|e| !e.is_empty()) {
        return Ok(PathBuf::from(e));
    }
    directories::ProjectDirs::from("", "", "iamdojo")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(ProgressError::NoDataDir)
}

/// Where the store's writes go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// To this database file.
    ToFile(PathBuf),
    /// Nowhere: the store lives in memory and is lost on exit.
    No {
        /// Why.
        reason: Problem,
    },
}

/// Something the learner should be told about opening the store. The store works either
/// way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The database file was damaged; it was renamed to `backup` and a new one started.
    MovedAside {
        /// The database file.
        path: PathBuf,
        /// Where the damaged file is now.
        backup: PathBuf,
        /// SQLite's description of the damage.
        problem: String,
    },
    /// Nothing will be saved this session.
    NotSaving {
        /// The database file that could not be used.
        path: PathBuf,
        /// Why.
        problem: Problem,
        /// Whether the progress already in the file was read and is shown.
        history_shown: bool,
    },
}

impl Notice {
    /// The notice in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::MovedAside {
                path,
                backup,
                problem,
            } => P::MovedAside.fill(
                lang,
                &[
                    ("path", &path.display()),
                    ("problem", problem),
                    ("backup", &backup.display()),
                ],
            ),
            Notice::NotSaving {
                path,
                problem,
                history_shown,
            } => {
                let entry = if *history_shown {
                    P::NotSavingShown
                } else {
                    P::NotSaving
                };
                entry.fill(
                    lang,
                    &[
                        ("problem", &problem.message(lang)),
                        ("path", &path.display()),
                    ],
                )
            }
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a file could not be opened for writing, sorted by what to do about it.
enum OpenFailure {
    /// Damaged: move it aside and start again.
    Corrupt(String),
    /// Cannot be written (permissions, read-only, full, locked…): work in memory.
    CannotWrite(WriteFailure),
    /// From a newer iamdojo: refuse.
    Newer {
        found: i64,
        written_by: Option<String>,
    },
}

fn classify(e: &rusqlite::Error) -> OpenFailure {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            OpenFailure::Corrupt(e.to_string())
        }
        _ => OpenFailure::CannotWrite(WriteFailure::Sqlite(e.to_string())),
    }
}

/// Settings every connection gets.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Opens `path` read-write, checks it and brings its schema up to date.
fn open_file(path: &Path) -> Result<Connection, OpenFailure> {
    let conn = Connection::open(path).map_err(|e| classify(&e))?;
    configure(&conn).map_err(|e| classify(&e))?;
    // WAL lets readers and one writer work at once; synchronous=FULL makes a commit durable
    // once it returns, even through a power cut.
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
        .map_err(|e| classify(&e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(OpenFailure::CannotWrite(WriteFailure::NoWal(mode)));
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(|e| classify(&e))?;
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| classify(&e))?;
    if check != "ok" {
        return Err(OpenFailure::Corrupt(check));
    }
    match schema::migrate(&conn).map_err(|e| classify(&e))? {
        Migrated::Current => Ok(conn),
        Migrated::Newer { found, written_by } => Err(OpenFailure::Newer { found, written_by }),
    }
}

/// Renames a damaged database (and its `-wal` and `-shm` files) to
/// `NAME.corrupt-YYYYMMDDTHHMMSSZ[-N]` beside it.
fn move_aside(path: &Path) -> Result<PathBuf, std::io::Error> {
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DB_FILE.to_string());
    let mut backup = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while backup.exists() {
        n += 1;
        backup = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &backup)?;
    for suffix in ["-wal", "-shm"] {
        let mut from = path.as_os_str().to_owned();
        from.push(suffix);
        let from = PathBuf::from(from);
        if from.exists() {
            let mut to = backup.as_os_str().to_owned();
            to.push(suffix);
            // The main file is already safe; a leftover -wal beside the new file would be
            // ignored by SQLite (its salt does not match), so a failure here is not fatal.
            let _ = std::fs::rename(&from, PathBuf::from(to));
        }
    }
    Ok(backup)
}

/// `file:` URI for `path` with `query`, percent-encoding what a URI cannot hold.
fn file_uri(path: &Path, query: &str) -> String {
    let mut s = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.push('?');
    s.push_str(query);
    s
}

/// Copies the learner tables of the database at `path`, read-only, into `conn`. Returns
/// whether it could.
fn copy_history(conn: &Connection, path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    for query in ["mode=ro", "immutable=1"] {
        let attached = conn
            .execute("ATTACH DATABASE ?1 AS old", [file_uri(path, query)])
            .is_ok();
        if !attached {
            continue;
        }
        let copied = (|| -> rusqlite::Result<bool> {
            let v: i64 = conn.query_row("PRAGMA old.user_version", [], |r| r.get(0))?;
            if v != LATEST {
                return Ok(false);
            }
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            for t in DATA_TABLES {
                tx.execute(&format!("INSERT INTO main.{t} SELECT * FROM old.{t}"), [])?;
            }
            tx.commit()?;
            Ok(true)
        })();
        let _ = conn.execute("DETACH DATABASE old", []);
        if let Ok(done) = copied {
            return done;
        }
    }
    false
}

fn to_ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

fn from_ms(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Reads an id column, turning a value that is not a valid id into a column error rather
/// than a panic (the file may have been edited by hand).
fn id_col<T: TryFrom<String, Error = IdError>>(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    T::try_from(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A switch that makes a [`Store`]'s writes fail as they do on a full disk, for tests and
/// drills of what the interface does then. While it is on, every write returns SQLite's own
/// `SQLITE_FULL` error ("database or disk is full") before touching the file; reads still
/// work. Clones share the switch, so a test can keep one while the store is inside the app.
#[derive(Debug, Clone, Default)]
pub struct FullDisk(Arc<AtomicBool>);

impl FullDisk {
    /// Turns the simulated full disk on (`true`) or off ("space is back").
    pub fn set(&self, full: bool) {
        self.0.store(full, Ordering::Relaxed);
    }

    /// Whether the simulated disk is full now.
    pub fn is_full(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A learner progress store: a SQLite file, or memory when the file cannot be used.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    saving: Saving,
    notices: Vec<Notice>,
    full_disk: FullDisk,
}

impl Store {
    /// Opens the store in the data directory that `data_dir_flag` (`--data-dir`),
    /// `IAMDOJO_DATA_DIR` or the platform chooses. Fails only for a database from a newer
    /// iamdojo; anything else that goes wrong leaves a working store with a [`Notice`].
    pub fn open_default(data_dir_flag: Option<&Path>) -> Result<Store, ProgressError> {
        match data_dir(data_dir_flag) {
            Ok(dir) => Store::open_dir(&dir),
            Err(_) => Store::fallback(PathBuf::from(DB_FILE), Problem::NoDataDir, false),
        }
    }

    /// Opens `dir/progress.db`, creating the directory when it is missing.
    pub fn open_dir(dir: &Path) -> Result<Store, ProgressError> {
        let path = dir.join(DB_FILE);
        if let Err(e) = std::fs::create_dir_all(dir) {
            let problem = Problem::CreateDir {
                dir: dir.to_path_buf(),
                error: e.to_string(),
            };
            return Store::fallback(path, problem, false);
        }
        Store::open(&path)
    }

    /// Opens the database file at `path`, creating it when missing. A damaged file is
    /// moved aside and a new one started; a file that cannot be written gives an in-memory
    /// store holding a copy of its progress. Fails only for a database from a newer iamdojo.
    pub fn open(path: &Path) -> Result<Store, ProgressError> {
        match open_file(path) {
            Ok(conn) => Ok(Store {
                conn,
                saving: Saving::ToFile(path.to_path_buf()),
                notices: Vec::new(),
                full_disk: FullDisk::default(),
            }),
            Err(OpenFailure::Newer { found, written_by }) => Err(ProgressError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: LATEST,
                written_by,
            }),
            Err(OpenFailure::CannotWrite(why)) => {
                let problem = Problem::CannotWrite {
                    path: path.to_path_buf(),
                    why,
                };
                Store::fallback(path.to_path_buf(), problem, true)
            }
            Err(OpenFailure::Corrupt(problem)) => {
                let backup = match move_aside(path) {
                    Ok(b) => b,
                    Err(e) => {
                        let problem = Problem::NotMovedAside {
                            path: path.to_path_buf(),
                            damage: problem,
                            error: e.to_string(),
                        };
                        return Store::fallback(path.to_path_buf(), problem, false);
                    }
                };
                let moved = Notice::MovedAside {
                    path: path.to_path_buf(),
                    backup,
                    problem,
                };
                let mut store = match open_file(path) {
                    Ok(conn) => Store {
                        conn,
                        saving: Saving::ToFile(path.to_path_buf()),
                        notices: Vec::new(),
                        full_disk: FullDisk::default(),
                    },
                    Err(OpenFailure::Newer { found, written_by }) => {
                        return Err(ProgressError::NewerSchema {
                            path: path.to_path_buf(),
                            found,
                            supported: LATEST,
                            written_by,
                        });
                    }
                    Err(OpenFailure::CannotWrite(why)) => {
                        let problem = Problem::CannotStart {
                            path: path.to_path_buf(),
                            why,
                        };
                        Store::fallback(path.to_path_buf(), problem, false)?
                    }
                    Err(OpenFailure::Corrupt(p)) => {
                        let problem = Problem::CannotStart {
                            path: path.to_path_buf(),
                            why: WriteFailure::Sqlite(p),
                        };
                        Store::fallback(path.to_path_buf(), problem, false)?
                    }
                };
                store.notices.insert(0, moved);
                Ok(store)
            }
        }
    }

    /// An in-memory store that saves nothing, for when no file can be used; `reason` is
    /// what [`Store::saving`] reports.
    pub fn in_memory(reason: Problem) -> Result<Store, ProgressError> {
        let conn = Connection::open_in_memory().map_err(|source| ProgressError::Database {
            doing: P::DoOpen,
            place: None,
            source,
        })?;
        let db = |source| ProgressError::Database {
            doing: P::DoSetUp,
            place: None,
            source,
        };
        configure(&conn).map_err(db)?;
        schema::migrate(&conn).map_err(db)?;
        Ok(Store {
            conn,
            saving: Saving::No { reason },
            notices: Vec::new(),
            full_disk: FullDisk::default(),
        })
    }

    fn fallback(path: PathBuf, problem: Problem, copy: bool) -> Result<Store, ProgressError> {
        let mut store = Store::in_memory(problem.clone())?;
        let history_shown = copy && copy_history(&store.conn, &path);
        store.notices.push(Notice::NotSaving {
            path,
            problem,
            history_shown,
        });
        Ok(store)
    }

    /// Where writes go; the UI says "not saving" when this is [`Saving::No`].
    pub fn saving(&self) -> &Saving {
        &self.saving
    }

    /// Whether writes reach a file.
    pub fn is_saving(&self) -> bool {
        matches!(self.saving, Saving::ToFile(_))
    }

    /// What happened while opening that the learner should be told.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The switch that simulates a full disk for this store's writes (see [`FullDisk`]).
    pub fn full_disk(&self) -> FullDisk {
        self.full_disk.clone()
    }

    /// SQLite's "database or disk is full" while the simulated disk is full.
    fn check_space(&self) -> rusqlite::Result<()> {
        if self.full_disk.is_full() {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
                Some("database or disk is full".to_string()),
            ));
        }
        Ok(())
    }

    fn place(&self) -> Option<PathBuf> {
        match &self.saving {
            Saving::ToFile(p) => Some(p.clone()),
            Saving::No { .. } => None,
        }
    }

    fn err(&self, doing: P) -> impl Fn(rusqlite::Error) -> ProgressError + '_ {
        move |source| ProgressError::Database {
            doing,
            place: self.place(),
            source,
        }
    }

    /// Runs `f` in a write transaction that takes the lock up front and commits before
    /// returning.
    fn write<T>(
        &self,
        doing: P,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, ProgressError> {
        let run = || {
            self.check_space()?;
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        };
        run().map_err(self.err(doing))
    }

    // ---- learners ----

    /// Every profile's name, sorted.
    pub fn learners(&self) -> Result<Vec<LearnerName>, ProgressError> {
        let read = || {
            let mut st = self
                .conn
                .prepare_cached("SELECT name FROM learners ORDER BY name")?;
            let rows = st.query_map([], |r| id_col::<LearnerName>(r, 0))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoListLearners))
    }

    /// The profile called `name`, if there is one.
    pub fn find_learner(&self, name: &LearnerName) -> Result<Option<Learner>, ProgressError> {
        self.conn
            .prepare_cached("SELECT id, name, uid FROM learners WHERE name = ?1")
            .and_then(|mut st| {
                st.query_row([name.as_str()], |r| {
                    Ok(Learner {
                        row: r.get(0)?,
                        name: id_col(r, 1)?,
                        uid: id_col(r, 2)?,
                    })
                })
                .optional()
            })
            .map_err(self.err(P::DoReadLearner))
    }

    /// The profile called `name`, or [`ProgressError::NoLearner`] naming the nearest one.
    pub fn require_learner(&self, name: &LearnerName) -> Result<Learner, ProgressError> {
        if let Some(l) = self.find_learner(name)? {
            return Ok(l);
        }
        let known = self.learners()?;
        let known: Vec<String> = known.iter().map(|n| n.as_str().to_string()).collect();
        let near = crate::suggest::nearest(name.as_str(), known.iter().map(String::as_str))
            .map(str::to_string);
        Err(ProgressError::NoLearner {
            name: name.to_string(),
            near,
            known,
        })
    }

    /// The profile called `name`, created when missing.
    pub fn learner(&self, name: &LearnerName) -> Result<Learner, ProgressError> {
        self.learner_with_uid(name, &RecordId::generate())
            .map(|(l, _)| l)
    }

    /// Gets or creates a profile; a new one takes `uid`. Also says whether it was created.
    fn learner_with_uid(
        &self,
        name: &LearnerName,
        uid: &RecordId,
    ) -> Result<(Learner, bool), ProgressError> {
        if let Some(l) = self.find_learner(name)? {
            return Ok((l, false));
        }
        // A uid already taken here (the same person imported under another name) gets a
        // fresh one: profiles must stay distinct.
        let created = self.write(P::DoCreateLearner, |tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM learners WHERE uid = ?1)",
                [uid.as_str()],
                |r| r.get(0),
            )?;
            let fresh;
            let uid = if taken {
                fresh = RecordId::generate();
                &fresh
            } else {
                uid
            };
            tx.execute(
                "INSERT INTO learners (name, uid, created_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
                params![name.as_str(), uid.as_str(), to_ms(Timestamp::now())],
            )
        })?;
        match self.find_learner(name)? {
            Some(l) => Ok((l, created > 0)),
            None => self.require_learner(name).map(|l| (l, false)),
        }
    }

    // ---- recording ----

    /// Records an answer, committed before this returns. Recording the same attempt (same
    /// id) again changes nothing; the result says whether it was new.
    /// While the learner is joined to a class, a new answer is also queued in the outbox in
    /// the same transaction: it is committed and queued, or neither.
    pub fn record_attempt(&self, learner: &Learner, a: &Attempt) -> Result<bool, ProgressError> {
        self.write(P::DoSaveAttempt, |tx| {
            let added = insert_attempt(tx, learner.row, a)? > 0;
            if added {
                queue_for_class(tx, learner.row)?;
            }
            Ok(added)
        })
    }

    /// Records that a lesson was finished; the earliest completion is kept.
    pub fn record_completion(
        &self,
        learner: &Learner,
        c: &Completion,
    ) -> Result<bool, ProgressError> {
        self.check_space()
            .and_then(|()| upsert_completion(&self.conn, learner.row, c))
            .map(|n| n > 0)
            .map_err(self.err(P::DoSaveCompletion))
    }

    /// Records a command run in the sandbox during a task.
    pub fn record_command(
        &self,
        learner: &Learner,
        c: &CommandRecord,
    ) -> Result<bool, ProgressError> {
        self.check_space()
            .and_then(|()| insert_command(&self.conn, learner.row, c))
            .map(|n| n > 0)
            .map_err(self.err(P::DoSaveCommand))
    }

    /// Records that a version of a pack was opened now.
    pub fn record_pack_seen(
        &self,
        learner: &Learner,
        pack: &PackId,
        version: &str,
        content_hash: &str,
    ) -> Result<(), ProgressError> {
        let now = Timestamp::now();
        let seen = PackSeen {
            pack: pack.clone(),
            version: version.to_string(),
            content_hash: content_hash.to_string(),
            first_seen: now,
            last_seen: now,
        };
        self.check_space()
            .and_then(|()| upsert_pack_seen(&self.conn, learner.row, &seen))
            .map(|_| ())
            .map_err(self.err(P::DoSavePack))
    }

    /// Sets where the learner is.
    pub fn set_last_position(
        &self,
        learner: &Learner,
        position: &Position,
    ) -> Result<(), ProgressError> {
        self.check_space()
            .and_then(|()| self.conn.prepare_cached(
                "INSERT INTO positions (learner_id, pack, lesson, step, updated_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (learner_id) DO UPDATE SET pack = excluded.pack,
                   lesson = excluded.lesson, step = excluded.step, updated_ms = excluded.updated_ms",
            ))
            .and_then(|mut st| {
                st.execute(params![
                    learner.row,
                    position.pack.as_str(),
                    position.lesson.as_str(),
                    position.step.as_str(),
                    to_ms(position.at)
                ])
            })
            .map(|_| ())
            .map_err(self.err(P::DoSavePosition))
    }

    /// Sets a preference.
    pub fn set_setting(
        &self,
        learner: &Learner,
        setting: Setting,
        value: &str,
    ) -> Result<(), ProgressError> {
        self.check_space()
            .and_then(|()| {
                self.conn.prepare_cached(
                "INSERT INTO settings (learner_id, key, value, updated_ms) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value,
                   updated_ms = excluded.updated_ms",
            )
            })
            .and_then(|mut st| {
                st.execute(params![
                    learner.row,
                    setting.key(),
                    value,
                    to_ms(Timestamp::now())
                ])
            })
            .map(|_| ())
            .map_err(self.err(P::DoSaveSetting))
    }

    // ---- reading ----

    /// A preference, if set.
    pub fn setting(
        &self,
        learner: &Learner,
        setting: Setting,
    ) -> Result<Option<String>, ProgressError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE learner_id = ?1 AND key = ?2")
            .and_then(|mut st| {
                st.query_row(params![learner.row, setting.key()], |r| r.get(0))
                    .optional()
            })
            .map_err(self.err(P::DoReadSetting))
    }

    /// Where the learner was last, if anywhere.
    pub fn last_position(&self, learner: &Learner) -> Result<Option<Position>, ProgressError> {
        self.conn
            .prepare_cached(
                "SELECT pack, lesson, step, updated_ms FROM positions WHERE learner_id = ?1",
            )
            .and_then(|mut st| {
                st.query_row([learner.row], |r| {
                    Ok(Position {
                        pack: id_col(r, 0)?,
                        lesson: id_col(r, 1)?,
                        step: id_col(r, 2)?,
                        at: from_ms(r.get(3)?),
                    })
                })
                .optional()
            })
            .map_err(self.err(P::DoReadPosition))
    }

    /// The learner's progress per lesson, for the home screen and `progress show`.
    pub fn dashboard(&self, learner: &Learner) -> Result<Dashboard, ProgressError> {
        let read = || -> rusqlite::Result<Vec<LessonProgress>> {
            let mut st = self.conn.prepare_cached(
                "SELECT pack, lesson, COUNT(*), SUM(correct), COUNT(DISTINCT step),
                        COUNT(DISTINCT CASE WHEN correct THEN step END), SUM(hints_used),
                        SUM(solution_shown), MAX(at_ms)
                 FROM attempts WHERE learner_id = ?1
                 GROUP BY pack, lesson ORDER BY pack, lesson",
            )?;
            let mut lessons = st
                .query_map([learner.row], |r| {
                    Ok(LessonProgress {
                        pack: id_col(r, 0)?,
                        lesson: id_col(r, 1)?,
                        attempts: to_u64(r.get(2)?),
                        correct: to_u64(r.get(3)?),
                        steps_tried: to_u64(r.get(4)?),
                        steps_solved: to_u64(r.get(5)?),
                        hints_used: to_u64(r.get(6)?),
                        exercises: None,
                        title: None,
                        solutions_shown: to_u64(r.get(7)?),
                        time_spent_ms: 0,
                        last_attempt: r.get::<_, Option<i64>>(8)?.map(from_ms),
                        completed: None,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // Active time, not the sum of `time_spent_ms` (which counts a step's seconds once
            // per answer): see `super::active`.
            let mut st = self.conn.prepare_cached(
                "SELECT pack, lesson, at_ms, time_spent_ms FROM attempts WHERE learner_id = ?1",
            )?;
            let mut spans: BTreeMap<(String, String), Vec<(i64, u64)>> = BTreeMap::new();
            for row in st.query_map([learner.row], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    to_u64(r.get(3)?),
                ))
            })? {
                let (p, l, at, spent) = row?;
                spans.entry((p, l)).or_default().push((at, spent));
            }
            for l in &mut lessons {
                if let Some(v) = spans.remove(&(l.pack.to_string(), l.lesson.to_string())) {
                    l.time_spent_ms = super::active::active_ms(v);
                }
            }
            for c in read_completions(&self.conn, learner.row)? {
                match lessons.binary_search_by(|l| (&l.pack, &l.lesson).cmp(&(&c.pack, &c.lesson)))
                {
                    Ok(i) => {
                        if let Some(l) = lessons.get_mut(i) {
                            l.completed = Some(c.at);
                        }
                    }
                    Err(i) => lessons.insert(
                        i,
                        LessonProgress {
                            pack: c.pack,
                            lesson: c.lesson,
                            attempts: 0,
                            correct: 0,
                            steps_tried: 0,
                            steps_solved: 0,
                            exercises: None,
                            title: None,
                            hints_used: 0,
                            solutions_shown: 0,
                            time_spent_ms: 0,
                            last_attempt: None,
                            completed: Some(c.at),
                        },
                    ),
                }
            }
            Ok(lessons)
        };
        let lessons = read().map_err(self.err(P::DoReadDashboard))?;
        Ok(Dashboard {
            learner: learner.name.clone(),
            lessons,
            last_position: self.last_position(learner)?,
        })
    }

    /// The learner's progress in each step of one lesson, ordered by step id.
    pub fn lesson_steps(
        &self,
        learner: &Learner,
        pack: &PackId,
        lesson: &LessonId,
    ) -> Result<Vec<StepProgress>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT a.step, COUNT(*), MAX(a.correct), MAX(a.hints_used), MAX(a.solution_shown),
                   (SELECT b.answer FROM attempts b
                    WHERE b.learner_id = a.learner_id AND b.pack = a.pack
                      AND b.lesson = a.lesson AND b.step = a.step
                    ORDER BY b.at_ms DESC, b.id DESC LIMIT 1)
                 FROM attempts a WHERE a.learner_id = ?1 AND a.pack = ?2 AND a.lesson = ?3
                 GROUP BY a.step ORDER BY a.step",
            )?;
            st.query_map(params![learner.row, pack.as_str(), lesson.as_str()], |r| {
                Ok(StepProgress {
                    step: id_col(r, 0)?,
                    attempts: to_u64(r.get(1)?),
                    solved: r.get(2)?,
                    hints_used: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(u32::MAX),
                    solution_shown: r.get(4)?,
                    last_answer: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadSteps))
    }

    /// The learner's attempts, oldest first, optionally in one pack only.
    pub fn attempts(
        &self,
        learner: &Learner,
        pack: Option<&PackId>,
    ) -> Result<Vec<Attempt>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT uid, pack, lesson, lesson_version, step, answer, correct, hints_used,
                        solution_shown, time_spent_ms, at_ms
                 FROM attempts WHERE learner_id = ?1 AND (?2 IS NULL OR pack = ?2)
                 ORDER BY at_ms, id",
            )?;
            st.query_map(params![learner.row, pack.map(PackId::as_str)], |r| {
                Ok(Attempt {
                    id: id_col(r, 0)?,
                    pack: id_col(r, 1)?,
                    lesson: id_col(r, 2)?,
                    lesson_version: r.get(3)?,
                    step: id_col(r, 4)?,
                    answer: r.get(5)?,
                    correct: r.get(6)?,
                    hints_used: u32::try_from(r.get::<_, i64>(7)?).unwrap_or(u32::MAX),
                    solution_shown: r.get(8)?,
                    time_spent_ms: to_u64(r.get(9)?),
                    at: from_ms(r.get(10)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadAttempts))
    }

    /// The lessons the learner finished, by pack and lesson id.
    pub fn completions(&self, learner: &Learner) -> Result<Vec<Completion>, ProgressError> {
        read_completions(&self.conn, learner.row).map_err(self.err(P::DoReadCompletions))
    }

    /// The commands run in the sandbox during one task, oldest first.
    pub fn commands(
        &self,
        learner: &Learner,
        pack: &PackId,
        lesson: &LessonId,
        step: &StepId,
    ) -> Result<Vec<CommandRecord>, ProgressError> {
        self.read_commands(learner, Some((pack, lesson, step)))
    }

    fn read_commands(
        &self,
        learner: &Learner,
        task: Option<(&PackId, &LessonId, &StepId)>,
    ) -> Result<Vec<CommandRecord>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT uid, pack, lesson, step, command, exit_code, at_ms FROM commands
                 WHERE learner_id = ?1 AND (?2 IS NULL OR (pack = ?2 AND lesson = ?3 AND step = ?4))
                 ORDER BY at_ms, id",
            )?;
            st.query_map(
                params![
                    learner.row,
                    task.map(|t| t.0.as_str()),
                    task.map(|t| t.1.as_str()),
                    task.map(|t| t.2.as_str())
                ],
                |r| {
                    Ok(CommandRecord {
                        id: id_col(r, 0)?,
                        pack: id_col(r, 1)?,
                        lesson: id_col(r, 2)?,
                        step: id_col(r, 3)?,
                        command: r.get(4)?,
                        exit_code: i32::try_from(r.get::<_, i64>(5)?).unwrap_or(-1),
                        at: from_ms(r.get(6)?),
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadCommands))
    }

    /// The pack versions the learner opened.
    pub fn packs_seen(&self, learner: &Learner) -> Result<Vec<PackSeen>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT pack, version, content_hash, first_seen_ms, last_seen_ms FROM packs_seen
                 WHERE learner_id = ?1 ORDER BY pack, first_seen_ms, version, content_hash",
            )?;
            st.query_map([learner.row], |r| {
                Ok(PackSeen {
                    pack: id_col(r, 0)?,
                    version: r.get(1)?,
                    content_hash: r.get(2)?,
                    first_seen: from_ms(r.get(3)?),
                    last_seen: from_ms(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadPacks))
    }

    fn settings(&self, learner: &Learner) -> Result<Vec<SettingValue>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT key, value, updated_ms FROM settings WHERE learner_id = ?1 ORDER BY key",
            )?;
            st.query_map([learner.row], |r| {
                Ok(SettingValue {
                    key: r.get(0)?,
                    value: r.get(1)?,
                    updated: from_ms(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadSettings))
    }

    // ---- a live class ----

    /// Joins the learner to a class (replacing a class joined before) and queues every
    /// answer they already gave, oldest first, so that the class sees their whole progress.
    /// Returns how many answers were queued.
    pub fn join_class(&self, learner: &Learner, link: &ClassLink) -> Result<u64, ProgressError> {
        self.write(P::DoJoinClass, |tx| {
            tx.execute(
                "INSERT INTO class_links (learner_id, server, code, token, joined_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (learner_id) DO UPDATE SET server = excluded.server,
                   code = excluded.code, token = excluded.token, joined_ms = excluded.joined_ms",
                params![
                    learner.row,
                    link.server,
                    link.code,
                    link.token,
                    to_ms(link.joined)
                ],
            )?;
            // A new class has seen none of the answers: the old queue goes, all are queued.
            tx.execute("DELETE FROM outbox WHERE learner_id = ?1", [learner.row])?;
            let n = tx.execute(
                "INSERT INTO outbox (learner_id, attempt, queued_ms)
                 SELECT learner_id, id, ?2 FROM attempts WHERE learner_id = ?1
                 ORDER BY at_ms, id",
                params![learner.row, to_ms(Timestamp::now())],
            )?;
            Ok(n as u64)
        })
    }

    /// The class the learner joined, if any.
    pub fn class_link(&self, learner: &Learner) -> Result<Option<ClassLink>, ProgressError> {
        self.conn
            .prepare_cached(
                "SELECT server, code, token, joined_ms FROM class_links WHERE learner_id = ?1",
            )
            .and_then(|mut st| {
                st.query_row([learner.row], |r| {
                    Ok(ClassLink {
                        server: r.get(0)?,
                        code: r.get(1)?,
                        token: r.get(2)?,
                        joined: from_ms(r.get(3)?),
                    })
                })
                .optional()
            })
            .map_err(self.err(P::DoReadClass))
    }

    /// Up to `limit` answers waiting for the class, in the order they were queued.
    pub fn outbox(&self, learner: &Learner, limit: usize) -> Result<Vec<Queued>, ProgressError> {
        let read = || {
            let mut st = self.conn.prepare_cached(
                "SELECT o.seq, a.uid, a.pack, a.lesson, a.lesson_version, a.step, a.answer,
                        a.correct, a.hints_used, a.solution_shown, a.time_spent_ms, a.at_ms
                 FROM outbox o JOIN attempts a ON a.id = o.attempt
                 WHERE o.learner_id = ?1 ORDER BY o.seq LIMIT ?2",
            )?;
            st.query_map(
                params![learner.row, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    Ok(Queued {
                        seq: r.get(0)?,
                        attempt: Attempt {
                            id: id_col(r, 1)?,
                            pack: id_col(r, 2)?,
                            lesson: id_col(r, 3)?,
                            lesson_version: r.get(4)?,
                            step: id_col(r, 5)?,
                            answer: r.get(6)?,
                            correct: r.get(7)?,
                            hints_used: u32::try_from(r.get::<_, i64>(8)?).unwrap_or(u32::MAX),
                            solution_shown: r.get(9)?,
                            time_spent_ms: to_u64(r.get(10)?),
                            at: from_ms(r.get(11)?),
                        },
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()
        };
        read().map_err(self.err(P::DoReadOutbox))
    }

    /// How many answers are waiting for the class.
    pub fn outbox_len(&self, learner: &Learner) -> Result<u64, ProgressError> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE learner_id = ?1",
                [learner.row],
                |r| r.get::<_, i64>(0),
            )
            .map(to_u64)
            .map_err(self.err(P::DoReadOutbox))
    }

    /// Clears the outbox up to and including `seq`: the server acknowledged those answers.
    /// (The answers themselves stay: the outbox only says what the class has not seen.)
    pub fn outbox_delivered(&self, learner: &Learner, seq: i64) -> Result<u64, ProgressError> {
        self.write(P::DoClearOutbox, |tx| {
            tx.execute(
                "DELETE FROM outbox WHERE learner_id = ?1 AND seq <= ?2",
                params![learner.row, seq],
            )
            .map(|n| n as u64)
        })
    }

    // ---- moving progress ----

    /// Everything about one learner, as an export file holds it. Read in one transaction,
    /// so a concurrent writer cannot make it inconsistent.
    pub fn export(&self, learner: &Learner) -> Result<Export, ProgressError> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)
            .map_err(self.err(P::DoReadProgress))?;
        let mut out = Export::empty(ExportedLearner {
            name: learner.name.clone(),
            id: learner.uid.clone(),
        });
        out.packs_seen = self.packs_seen(learner)?;
        out.attempts = self.attempts(learner, None)?;
        out.completions = self.completions(learner)?;
        out.commands = self.read_commands(learner, None)?;
        out.settings = self.settings(learner)?;
        out.last_position = self.last_position(learner)?;
        tx.finish().map_err(self.err(P::DoReadProgress))?;
        Ok(out)
    }

    /// Merges an export into the profile `into` (default: the export's own learner name),
    /// creating it when missing. Idempotent: attempts and commands are matched by id,
    /// completions keep the earliest, settings and the position the newest. All or nothing:
    /// one transaction.
    pub fn import(
        &self,
        export: &Export,
        into: Option<&LearnerName>,
    ) -> Result<ImportSummary, ProgressError> {
        if export.format != EXPORT_FORMAT {
            return Err(super::ExportError::NotAnExport {
                found: export.format.clone(),
            }
            .into());
        }
        if export.version > EXPORT_VERSION {
            return Err(super::ExportError::NewerFormat {
                found: export.version,
                supported: EXPORT_VERSION,
            }
            .into());
        }
        for s in &export.settings {
            check_setting_key(&s.key)?;
        }
        let name = into.unwrap_or(&export.learner.name);
        let (learner, created) = self.learner_with_uid(name, &export.learner.id)?;
        let mut sum = ImportSummary {
            learner: learner.name.clone(),
            created_learner: created,
            attempts: 0,
            completions: 0,
            commands: 0,
            packs_seen: 0,
            settings: 0,
            position: false,
        };
        let row = learner.row;
        self.write(P::DoImport, |tx| {
            for a in &export.attempts {
                if insert_attempt(tx, row, a)? > 0 {
                    sum.attempts += 1;
                    queue_for_class(tx, row)?;
                }
            }
            for c in &export.completions {
                sum.completions += upsert_completion(tx, row, c)? as u64;
            }
            for c in &export.commands {
                sum.commands += insert_command(tx, row, c)? as u64;
            }
            for p in &export.packs_seen {
                sum.packs_seen += upsert_pack_seen(tx, row, p)? as u64;
            }
            for s in &export.settings {
                sum.settings += tx.execute(
                    "INSERT INTO settings (learner_id, key, value, updated_ms) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value,
                       updated_ms = excluded.updated_ms
                     WHERE excluded.updated_ms > settings.updated_ms",
                    params![row, s.key, s.value, to_ms(s.updated)],
                )? as u64;
            }
            if let Some(p) = &export.last_position {
                sum.position = tx.execute(
                    "INSERT INTO positions (learner_id, pack, lesson, step, updated_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (learner_id) DO UPDATE SET pack = excluded.pack,
                       lesson = excluded.lesson, step = excluded.step,
                       updated_ms = excluded.updated_ms
                     WHERE excluded.updated_ms > positions.updated_ms",
                    params![
                        row,
                        p.pack.as_str(),
                        p.lesson.as_str(),
                        p.step.as_str(),
                        to_ms(p.at)
                    ],
                )? > 0;
            }
            Ok(())
        })?;
        Ok(sum)
    }

    /// Erases a learner's progress, all of it or one pack's, in one transaction.
    pub fn reset(
        &self,
        learner: &Learner,
        scope: &ResetScope,
    ) -> Result<ResetSummary, ProgressError> {
        let pack = match scope {
            ResetScope::All => None,
            ResetScope::Pack(p) => Some(p.as_str()),
        };
        let row = learner.row;
        self.write(P::DoReset, |tx| {
            let del = |table: &str| {
                tx.execute(
                    &format!(
                        "DELETE FROM {table} WHERE learner_id = ?1 AND (?2 IS NULL OR pack = ?2)"
                    ),
                    params![row, pack],
                )
                .map(|n| n as u64)
            };
            Ok(ResetSummary {
                attempts: del("attempts")?,
                completions: del("completions")?,
                commands: del("commands")?,
                packs_seen: del("packs_seen")?,
                position: del("positions")? > 0,
            })
        })
    }

    /// What a reset of `scope` would erase, without erasing it (for the confirmation).
    pub fn reset_preview(
        &self,
        learner: &Learner,
        scope: &ResetScope,
    ) -> Result<ResetSummary, ProgressError> {
        let pack = match scope {
            ResetScope::All => None,
            ResetScope::Pack(p) => Some(p.as_str()),
        };
        let count = |table: &str| -> rusqlite::Result<u64> {
            self.conn
                .query_row(
                    &format!(
                        "SELECT COUNT(*) FROM {table} WHERE learner_id = ?1 AND (?2 IS NULL OR pack = ?2)"
                    ),
                    params![learner.row, pack],
                    |r| r.get::<_, i64>(0),
                )
                .map(to_u64)
        };
        let read = || -> rusqlite::Result<ResetSummary> {
            Ok(ResetSummary {
                attempts: count("attempts")?,
                completions: count("completions")?,
                commands: count("commands")?,
                packs_seen: count("packs_seen")?,
                position: count("positions")? > 0,
            })
        };
        read().map_err(self.err(P::DoCount))
    }
}

fn check_setting_key(key: &str) -> Result<(), IdError> {
    let ok = !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(IdError::new(
            IdKind::SettingName,
            key,
            IdReason::SettingChars,
        ))
    }
}

fn insert_attempt(conn: &Connection, learner: i64, a: &Attempt) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO attempts (learner_id, uid, pack, lesson, lesson_version, step, answer,
           correct, hints_used, solution_shown, time_spent_ms, at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (learner_id, uid) DO NOTHING",
    )?
    .execute(params![
        learner,
        a.id.as_str(),
        a.pack.as_str(),
        a.lesson.as_str(),
        a.lesson_version,
        a.step.as_str(),
        a.answer,
        a.correct,
        a.hints_used,
        a.solution_shown,
        to_i64(a.time_spent_ms),
        to_ms(a.at)
    ])
}

/// Queues the attempt just inserted for the class, when the learner is joined to one.
fn queue_for_class(tx: &Transaction<'_>, learner: i64) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO outbox (learner_id, attempt, queued_ms)
         SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM class_links WHERE learner_id = ?1)",
    )?
    .execute(params![
        learner,
        tx.last_insert_rowid(),
        to_ms(Timestamp::now())
    ])
}

fn upsert_completion(conn: &Connection, learner: i64, c: &Completion) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO completions (learner_id, pack, lesson, lesson_version, completed_ms)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (learner_id, pack, lesson) DO UPDATE SET
           lesson_version = excluded.lesson_version, completed_ms = excluded.completed_ms
         WHERE excluded.completed_ms < completions.completed_ms",
    )?
    .execute(params![
        learner,
        c.pack.as_str(),
        c.lesson.as_str(),
        c.lesson_version,
        to_ms(c.at)
    ])
}

fn insert_command(conn: &Connection, learner: i64, c: &CommandRecord) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO commands (learner_id, uid, pack, lesson, step, command, exit_code, at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (learner_id, uid) DO NOTHING",
    )?
    .execute(params![
        learner,
        c.id.as_str(),
        c.pack.as_str(),
        c.lesson.as_str(),
        c.step.as_str(),
        c.command,
        c.exit_code,
        to_ms(c.at)
    ])
}

fn upsert_pack_seen(conn: &Connection, learner: i64, p: &PackSeen) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO packs_seen (learner_id, pack, version, content_hash, first_seen_ms, last_seen_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (learner_id, pack, version, content_hash) DO UPDATE SET
           first_seen_ms = min(first_seen_ms, excluded.first_seen_ms),
           last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)
         WHERE excluded.first_seen_ms < packs_seen.first_seen_ms
            OR excluded.last_seen_ms > packs_seen.last_seen_ms",
    )?
    .execute(params![
        learner,
        p.pack.as_str(),
        p.version,
        p.content_hash,
        to_ms(p.first_seen),
        to_ms(p.last_seen)
    ])
}

fn read_completions(conn: &Connection, learner: i64) -> rusqlite::Result<Vec<Completion>> {
    let mut st = conn.prepare_cached(
        "SELECT pack, lesson, lesson_version, completed_ms FROM completions
         WHERE learner_id = ?1 ORDER BY pack, lesson",
    )?;
    st.query_map([learner], |r| {
        Ok(Completion {
            pack: id_col(r, 0)?,
            lesson: id_col(r, 1)?,
            lesson_version: r.get(2)?,
            at: from_ms(r.get(3)?),
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_prefers_the_flag_then_the_environment() {
        let flag = Path::new("/flag");
        assert_eq!(
            resolve_data_dir(Some(flag), Some(OsStr::new("/env"))).ok(),
            Some(PathBuf::from("/flag"))
        );
        assert_eq!(
            resolve_data_dir(None, Some(OsStr::new("/env"))).ok(),
            Some(PathBuf::from("/env"))
        );
        // An empty variable counts as unset.
        if let Ok(p) = resolve_data_dir(None, Some(OsStr::new(""))) {
            assert!(p.ends_with("iamdojo"), "{}", p.display());
        }
    }

    /// A real `SQLITE_FULL` (the database may not grow past `max_page_count`, as a full disk
    /// refuses to grow the file) is reported as a full disk, as [`FullDisk`] simulates it.
    #[test]
    fn a_database_that_cannot_grow_reports_a_full_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_dir(dir.path()).expect("store");
        let me = store
            .learner(&LearnerName::default_profile())
            .expect("learner");
        let pages: i64 = store
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .expect("page count");
        store
            .conn
            .pragma_update(None, "max_page_count", pages)
            .expect("limit");
        let big = "x".repeat(20_000);
        let attempt = |n: usize| {
            Attempt::new(
                PackId::new("p").expect("id"),
                LessonId::new("l").expect("id"),
                "1",
                StepId::new(format!("s{n}")).expect("id"),
                &big,
                true,
            )
        };
        let e = store
            .record_attempt(&me, &attempt(0))
            .expect_err("the file may not grow");
        assert!(e.is_disk_full(), "{e}");
        let simulated = store.full_disk();
        simulated.set(true);
        let e = store
            .set_setting(&me, Setting::Language, "ja")
            .expect_err("simulated full disk");
        assert!(e.is_disk_full(), "{e}");
        assert!(e.to_string().contains("database or disk is full"), "{e}");
    }

    #[test]
    fn uris_escape_what_they_must() {
        assert_eq!(
            file_uri(Path::new("/a b/p?.db"), "mode=ro"),
            "file:/a%20b/p%3F.db?mode=ro"
        );
    }
}
