//! The class server's data in PostgreSQL (`class serve --database postgres://…`): the same
//! classes, learners, attempts and positions as the SQLite store ([`super::db`]), in the
//! schema `iamdojo` of the database the URL names, created on first use and versioned
//! (`iamdojo.schema_version`). Several servers may share one database: each class is its own,
//! and nothing here closes another server's class. Delivery is idempotent by attempt id
//! (`ON CONFLICT DO NOTHING`), every write is committed before the answer goes out, and
//! tokens are stored as their hashes only.
//!
//! The `postgres` client blocks: the server calls it from tokio's blocking threads only.

use std::collections::HashMap;
use std::time::Duration;

use jiff::Timestamp;
use postgres::{Client, NoTls, Row};

use crate::ids::IdError;
use crate::progress::{Attempt, ExportedLearner, Position};

use super::super::wire::Delivery;
use super::db::{ClassRow, Joining, LearnerData, LearnerRow};

/// Each entry moves the schema one version up; the last one's number is the version.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema, as the SQLite store's.
    "
    CREATE TABLE iamdojo.classes (
        id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code            TEXT NOT NULL UNIQUE,
        instructor_hash TEXT NOT NULL,
        created_ms      BIGINT NOT NULL,
        closed_ms       BIGINT
    );
    CREATE TABLE iamdojo.learners (
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        class_id     BIGINT NOT NULL REFERENCES iamdojo.classes(id),
        uid          TEXT NOT NULL,
        name         TEXT NOT NULL,
        token_hash   TEXT NOT NULL UNIQUE,
        joined_ms    BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL,
        UNIQUE (class_id, uid)
    );
    CREATE TABLE iamdojo.attempts (
        id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        learner_id     BIGINT NOT NULL REFERENCES iamdojo.learners(id),
        uid            TEXT NOT NULL,
        pack           TEXT NOT NULL,
        lesson         TEXT NOT NULL,
        lesson_version TEXT NOT NULL,
        step           TEXT NOT NULL,
        answer         BYTEA NOT NULL, -- UTF-8; TEXT cannot hold the NUL an answer may have
        correct        BOOLEAN NOT NULL,
        hints_used     BIGINT NOT NULL CHECK (hints_used >= 0),
        solution_shown BOOLEAN NOT NULL,
        time_spent_ms  BIGINT NOT NULL CHECK (time_spent_ms >= 0),
        at_ms          BIGINT NOT NULL,
        received_ms    BIGINT NOT NULL,
        UNIQUE (learner_id, uid)
    );
    CREATE TABLE iamdojo.positions (
        learner_id BIGINT PRIMARY KEY REFERENCES iamdojo.learners(id),
        pack       TEXT NOT NULL,
        lesson     TEXT NOT NULL,
        step       TEXT NOT NULL,
        at_ms      BIGINT NOT NULL
    );
    ",
];

const LATEST: i32 = MIGRATIONS.len() as i32;

/// The key of the advisory lock that lets one server at a time create or upgrade the schema.
const SCHEMA_LOCK: i64 = 0x0069_616d_646f_6a6f; // "iamdojo" in ASCII

/// Why the PostgreSQL store failed.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The server refused, or could not be reached.
    #[error(transparent)]
    Postgres(#[from] postgres::Error),
    /// The database's schema is newer than this iamdojo.
    #[error("the schema `iamdojo` is at version {found}, newer than this iamdojo's {latest}")]
    Newer {
        /// The version found.
        found: i32,
        /// The newest this build knows.
        latest: i32,
    },
    /// A stored answer is not UTF-8 (iamdojo writes only UTF-8).
    #[error("a stored answer is not UTF-8")]
    NotUtf8,
    /// A stored value is not what iamdojo writes.
    #[error("a stored {column} is not valid: {error}")]
    BadValue {
        /// The column.
        column: &'static str,
        /// Why.
        error: IdError,
    },
}

/// The PostgreSQL store: one connection, reconnected when it was lost.
pub struct PgDb {
    config: postgres::Config,
    client: Client,
}

impl std::fmt::Debug for PgDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The configuration holds the password: it is never printed.
        f.debug_struct("PgDb").finish_non_exhaustive()
    }
}

fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

fn from_ms(v: i64) -> Timestamp {
    Timestamp::from_millisecond(v).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn id_col<T: TryFrom<String, Error = IdError>>(
    r: &Row,
    i: usize,
    column: &'static str,
) -> Result<T, PgError> {
    let s: String = r.try_get(i)?;
    T::try_from(s).map_err(|error| PgError::BadValue { column, error })
}

fn class_from(r: &Row) -> Result<ClassRow, PgError> {
    Ok(ClassRow {
        id: r.try_get(0)?,
        code: r.try_get(1)?,
        instructor_hash: r.try_get(2)?,
        closed: r.try_get::<_, Option<i64>>(3)?.is_some(),
    })
}

fn learner_from(r: &Row) -> Result<LearnerRow, PgError> {
    Ok(LearnerRow {
        id: r.try_get(0)?,
        uid: id_col(r, 1, "learner id")?,
        name: id_col(r, 2, "learner name")?,
        token_hash: r.try_get(3)?,
        joined: from_ms(r.try_get(4)?),
        last_seen: from_ms(r.try_get(5)?),
    })
}

impl PgDb {
    /// Connects (giving up after 10 s unless the URL says `connect_timeout`) and creates or
    /// upgrades the schema. Unless the URL says otherwise, the connection is given up when
    /// the database has not answered for 30 s (`tcp_user_timeout`, keepalives every 15 s).
    pub fn open(url: &str) -> Result<PgDb, PgError> {
        let mut config: postgres::Config = url.parse()?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        // A database that stops answering (a network gone quiet) fails the request within
        // about half a minute instead of holding the store for hours; the learner's sender
        // retries, and the next request connects again.
        if config.get_tcp_user_timeout().is_none() {
            config.tcp_user_timeout(Duration::from_secs(30));
        }
        if config.get_keepalives_idle() == Duration::from_secs(2 * 60 * 60) {
            config.keepalives_idle(Duration::from_secs(15));
        }
        if config.get_application_name().is_none() {
            config.application_name("iamdojo class serve");
        }
        let client = config.connect(NoTls)?;
        let mut db = PgDb { config, client };
        db.migrate()?;
        Ok(db)
    }

    fn migrate(&mut self) -> Result<(), PgError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
        tx.batch_execute(
            "CREATE SCHEMA IF NOT EXISTS iamdojo;
             CREATE TABLE IF NOT EXISTS iamdojo.schema_version (version INTEGER NOT NULL);",
        )?;
        let found: i32 = tx
            .query_opt("SELECT max(version) FROM iamdojo.schema_version", &[])?
            .and_then(|r| r.try_get::<_, Option<i32>>(0).ok().flatten())
            .unwrap_or(0);
        if found > LATEST {
            return Err(PgError::Newer {
                found,
                latest: LATEST,
            });
        }
        for sql in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
            tx.batch_execute(sql)?;
        }
        tx.execute("DELETE FROM iamdojo.schema_version", &[])?;
        tx.execute(
            "INSERT INTO iamdojo.schema_version (version) VALUES ($1)",
            &[&LATEST],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The connection, made again if the last one was lost (PostgreSQL restarted): the
    /// request that found it lost failed, the next one goes through.
    fn client(&mut self) -> Result<&mut Client, PgError> {
        if self.client.is_closed() {
            self.client = self.config.connect(NoTls)?;
        }
        Ok(&mut self.client)
    }

    /// The class with this row.
    pub fn class(&mut self, id: i64) -> Result<Option<ClassRow>, PgError> {
        self.client()?
            .query_opt(
                "SELECT id, code, instructor_hash, closed_ms FROM iamdojo.classes WHERE id = $1",
                &[&id],
            )?
            .as_ref()
            .map(class_from)
            .transpose()
    }

    /// Starts a new class and, in the same transaction, closes `replaces` (this server's
    /// class before); other classes (other instructors') stay as they are.
    pub fn create_class(
        &mut self,
        code: &str,
        instructor_hash: &str,
        replaces: Option<i64>,
    ) -> Result<ClassRow, PgError> {
        let now = ms(Timestamp::now());
        let mut tx = self.client()?.transaction()?;
        if let Some(old) = replaces {
            tx.execute(
                "UPDATE iamdojo.classes SET closed_ms = $2 WHERE id = $1 AND closed_ms IS NULL",
                &[&old, &now],
            )?;
        }
        let row = tx.query_one(
            "INSERT INTO iamdojo.classes (code, instructor_hash, created_ms)
             VALUES ($1, $2, $3) RETURNING id",
            &[&code, &instructor_hash, &now],
        )?;
        tx.commit()?;
        Ok(ClassRow {
            id: row.try_get(0)?,
            code: code.to_string(),
            instructor_hash: instructor_hash.to_string(),
            closed: false,
        })
    }

    /// Closes a class: its code lets no one join any more; its data stays readable.
    pub fn close_class(&mut self, id: i64) -> Result<(), PgError> {
        self.client()?.execute(
            "UPDATE iamdojo.classes SET closed_ms = $2 WHERE id = $1 AND closed_ms IS NULL",
            &[&id, &ms(Timestamp::now())],
        )?;
        Ok(())
    }

    /// Adds a learner to a class, with the hash of the token they were given.
    pub fn join(
        &mut self,
        class: i64,
        learner: &ExportedLearner,
        token_hash: &str,
    ) -> Result<Joining, PgError> {
        let now = ms(Timestamp::now());
        let n = self.client()?.execute(
            "INSERT INTO iamdojo.learners
               (class_id, uid, name, token_hash, joined_ms, last_seen_ms)
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (class_id, uid) DO NOTHING",
            &[
                &class,
                &learner.id.as_str(),
                &learner.name.as_str(),
                &token_hash,
                &now,
            ],
        )?;
        Ok(if n > 0 {
            Joining::Joined
        } else {
            Joining::AlreadyJoined
        })
    }

    /// The learner of `class` whose token hashes to `token_hash`.
    pub fn learner_by_token(
        &mut self,
        class: i64,
        token_hash: &str,
    ) -> Result<Option<LearnerRow>, PgError> {
        self.client()?
            .query_opt(
                "SELECT id, uid, name, token_hash, joined_ms, last_seen_ms FROM iamdojo.learners
                 WHERE class_id = $1 AND token_hash = $2",
                &[&class, &token_hash],
            )?
            .as_ref()
            .map(learner_from)
            .transpose()
    }

    /// Stores a delivery for `learner` in one transaction, as the SQLite store does.
    /// Returns (new attempts, attempts already known).
    pub fn deliver(&mut self, learner: i64, d: &Delivery) -> Result<(u64, u64), PgError> {
        let mut tx = self.client()?.transaction()?;
        let now = ms(Timestamp::now());
        let (mut new, mut known) = (0u64, 0u64);
        if !d.attempts.is_empty() {
            let insert = tx.prepare(
                "INSERT INTO iamdojo.attempts (learner_id, uid, pack, lesson, lesson_version,
                   step, answer, correct, hints_used, solution_shown, time_spent_ms, at_ms,
                   received_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (learner_id, uid) DO NOTHING",
            )?;
            for a in &d.attempts {
                let n = tx.execute(
                    &insert,
                    &[
                        &learner,
                        &a.id.as_str(),
                        &a.pack.as_str(),
                        &a.lesson.as_str(),
                        &a.lesson_version,
                        &a.step.as_str(),
                        &a.answer.as_bytes(),
                        &a.correct,
                        &i64::from(a.hints_used),
                        &a.solution_shown,
                        &i64::try_from(a.time_spent_ms).unwrap_or(i64::MAX),
                        &ms(a.at),
                        &now,
                    ],
                )?;
                if n > 0 {
                    new += 1;
                } else {
                    known += 1;
                }
            }
        }
        if let Some(p) = &d.position {
            tx.execute(
                "INSERT INTO iamdojo.positions AS p (learner_id, pack, lesson, step, at_ms)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (learner_id) DO UPDATE SET pack = excluded.pack,
                   lesson = excluded.lesson, step = excluded.step, at_ms = excluded.at_ms
                 WHERE excluded.at_ms >= p.at_ms",
                &[
                    &learner,
                    &p.pack.as_str(),
                    &p.lesson.as_str(),
                    &p.step.as_str(),
                    &ms(p.at),
                ],
            )?;
        }
        tx.execute(
            "UPDATE iamdojo.learners SET last_seen_ms = $2 WHERE id = $1",
            &[&learner, &now],
        )?;
        tx.commit()?;
        Ok((new, known))
    }

    /// Every learner of `class` with their position and attempts, in the order they joined,
    /// read from one snapshot (three queries, whatever the size of the class).
    pub fn class_data(&mut self, class: i64) -> Result<Vec<LearnerData>, PgError> {
        let mut tx = self
            .client()?
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let mut out = Vec::new();
        let mut index = HashMap::new();
        for r in tx.query(
            "SELECT id, uid, name, token_hash, joined_ms, last_seen_ms FROM iamdojo.learners
             WHERE class_id = $1 ORDER BY joined_ms, id",
            &[&class],
        )? {
            let learner = learner_from(&r)?;
            index.insert(learner.id, out.len());
            out.push(LearnerData {
                learner,
                position: None,
                attempts: Vec::new(),
            });
        }
        for r in tx.query(
            "SELECT p.learner_id, p.pack, p.lesson, p.step, p.at_ms
             FROM iamdojo.positions p JOIN iamdojo.learners l ON l.id = p.learner_id
             WHERE l.class_id = $1",
            &[&class],
        )? {
            let id: i64 = r.try_get(0)?;
            let position = Position {
                pack: id_col(&r, 1, "pack id")?,
                lesson: id_col(&r, 2, "lesson id")?,
                step: id_col(&r, 3, "step id")?,
                at: from_ms(r.try_get(4)?),
            };
            if let Some(d) = index.get(&id).and_then(|&i| out.get_mut(i)) {
                d.position = Some(position);
            }
        }
        for r in tx.query(
            "SELECT a.learner_id, a.uid, a.pack, a.lesson, a.lesson_version, a.step, a.answer,
                    a.correct, a.hints_used, a.solution_shown, a.time_spent_ms, a.at_ms
             FROM iamdojo.attempts a JOIN iamdojo.learners l ON l.id = a.learner_id
             WHERE l.class_id = $1 ORDER BY a.learner_id, a.at_ms, a.id",
            &[&class],
        )? {
            let id: i64 = r.try_get(0)?;
            let attempt = Attempt {
                id: id_col(&r, 1, "attempt id")?,
                pack: id_col(&r, 2, "pack id")?,
                lesson: id_col(&r, 3, "lesson id")?,
                lesson_version: r.try_get(4)?,
                step: id_col(&r, 5, "step id")?,
                answer: String::from_utf8(r.try_get(6)?).map_err(|_| PgError::NotUtf8)?,
                correct: r.try_get(7)?,
                hints_used: u32::try_from(r.try_get::<_, i64>(8)?).unwrap_or(u32::MAX),
                solution_shown: r.try_get(9)?,
                time_spent_ms: u64::try_from(r.try_get::<_, i64>(10)?).unwrap_or(0),
                at: from_ms(r.try_get(11)?),
            };
            if let Some(d) = index.get(&id).and_then(|&i| out.get_mut(i)) {
                d.attempts.push(attempt);
            }
        }
        tx.commit()?;
        Ok(out)
    }
}
