//! The class server's data: one SQLite file (`class.db` in `--data-dir`, WAL, every write
//! committed before the answer goes out) holding the classes, their learners (told apart by
//! their profile id, never by name), every attempt delivered and each learner's position.
//! Tokens are stored as their hashes only.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::ids::{LearnerName, RecordId};
use crate::progress::{Attempt, Export, ExportedLearner, Position};

use super::super::wire::Delivery;

/// The server's database file inside the data directory.
pub const DB_FILE: &str = "class.db";

const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE classes (
        id              INTEGER PRIMARY KEY,
        code            TEXT NOT NULL UNIQUE,
        instructor_hash TEXT NOT NULL,
        created_ms      INTEGER NOT NULL,
        closed_ms       INTEGER
    );
    CREATE TABLE learners (
        id           INTEGER PRIMARY KEY,
        class_id     INTEGER NOT NULL REFERENCES classes(id),
        uid          TEXT NOT NULL,
        name         TEXT NOT NULL,
        token_hash   TEXT NOT NULL UNIQUE,
        joined_ms    INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        UNIQUE (class_id, uid)
    );
    CREATE TABLE attempts (
        id             INTEGER PRIMARY KEY,
        learner_id     INTEGER NOT NULL REFERENCES learners(id),
        uid            TEXT NOT NULL,
        pack           TEXT NOT NULL,
        lesson         TEXT NOT NULL,
        lesson_version TEXT NOT NULL,
        step           TEXT NOT NULL,
        answer         TEXT NOT NULL,
        correct        INTEGER NOT NULL CHECK (correct IN (0, 1)),
        hints_used     INTEGER NOT NULL CHECK (hints_used >= 0),
        solution_shown INTEGER NOT NULL CHECK (solution_shown IN (0, 1)),
        time_spent_ms  INTEGER NOT NULL CHECK (time_spent_ms >= 0),
        at_ms          INTEGER NOT NULL,
        received_ms    INTEGER NOT NULL,
        UNIQUE (learner_id, uid)
    );
    CREATE TABLE positions (
        learner_id INTEGER PRIMARY KEY REFERENCES learners(id),
        pack       TEXT NOT NULL,
        lesson     TEXT NOT NULL,
        step       TEXT NOT NULL,
        at_ms      INTEGER NOT NULL
    );
    ",
];

const LATEST: i64 = MIGRATIONS.len() as i64;

/// A class as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassRow {
    /// Its row.
    pub id: i64,
    /// Its join code.
    pub code: String,
    /// The hash of its instructor token.
    pub instructor_hash: String,
    /// Whether the instructor closed it (a closed class takes no new learner).
    pub closed: bool,
}

/// A learner of a class as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerRow {
    /// Its row.
    pub id: i64,
    /// The learner's profile id.
    pub uid: RecordId,
    /// The name the learner chose.
    pub name: LearnerName,
    /// The hash of its learner token.
    pub token_hash: String,
    /// When they joined.
    pub joined: Timestamp,
    /// When a delivery last came from them.
    pub last_seen: Timestamp,
}

/// Everything the server knows about one learner, for the dashboard and the reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerData {
    /// The learner.
    pub learner: LearnerRow,
    /// Where they are now, if they said.
    pub position: Option<Position>,
    /// Their attempts, oldest first.
    pub attempts: Vec<Attempt>,
}

impl LearnerData {
    /// The learner's attempts as a `progress export`, for the class report.
    pub fn export(&self) -> Export {
        let mut e = Export::empty(ExportedLearner {
            name: self.learner.name.clone(),
            id: self.learner.uid.clone(),
        });
        e.attempts = self.attempts.clone();
        e.last_position = self.position.clone();
        e
    }
}

/// What a join did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joining {
    /// The learner is in the class now.
    Joined,
    /// A learner with this profile id is in the class already.
    AlreadyJoined,
}

/// The server's database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
}

fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

fn from_ms(v: i64) -> Timestamp {
    Timestamp::from_millisecond(v).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn id_col<T: TryFrom<String, Error = crate::ids::IdError>>(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    T::try_from(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Db {
    /// Opens (creating when missing) `dir/class.db`, in WAL mode with durable commits.
    pub fn open(dir: &Path) -> rusqlite::Result<Db> {
        let _ = std::fs::create_dir_all(dir);
        let conn = Connection::open(dir.join(DB_FILE))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let _: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
        let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > LATEST {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(format!(
                    "{DB_FILE} has schema {found}, newer than this iamdojo's {LATEST}"
                )),
            ));
        }
        for sql in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", LATEST)?;
        tx.commit()?;
        Ok(Db { conn })
    }

    fn class_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClassRow> {
        Ok(ClassRow {
            id: r.get(0)?,
            code: r.get(1)?,
            instructor_hash: r.get(2)?,
            closed: r.get::<_, Option<i64>>(3)?.is_some(),
        })
    }

    /// The newest class still open, if any.
    pub fn open_class(&self) -> rusqlite::Result<Option<ClassRow>> {
        self.conn
            .query_row(
                "SELECT id, code, instructor_hash, closed_ms FROM classes
                 WHERE closed_ms IS NULL ORDER BY id DESC LIMIT 1",
                [],
                Db::class_from,
            )
            .optional()
    }

    /// The class with this row.
    pub fn class(&self, id: i64) -> rusqlite::Result<Option<ClassRow>> {
        self.conn
            .query_row(
                "SELECT id, code, instructor_hash, closed_ms FROM classes WHERE id = ?1",
                [id],
                Db::class_from,
            )
            .optional()
    }

    /// Starts a new class, closing any still open.
    pub fn create_class(&self, code: &str, instructor_hash: &str) -> rusqlite::Result<ClassRow> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let now = ms(Timestamp::now());
        tx.execute(
            "UPDATE classes SET closed_ms = ?1 WHERE closed_ms IS NULL",
            [now],
        )?;
        tx.execute(
            "INSERT INTO classes (code, instructor_hash, created_ms) VALUES (?1, ?2, ?3)",
            params![code, instructor_hash, now],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(ClassRow {
            id,
            code: code.to_string(),
            instructor_hash: instructor_hash.to_string(),
            closed: false,
        })
    }

    /// Closes a class: its code lets no one join any more; its data stays readable.
    pub fn close_class(&self, id: i64) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE classes SET closed_ms = ?2 WHERE id = ?1 AND closed_ms IS NULL",
            params![id, ms(Timestamp::now())],
        )?;
        Ok(())
    }

    /// Adds a learner to a class, with the hash of the token they were given.
    pub fn join(
        &self,
        class: i64,
        learner: &ExportedLearner,
        token_hash: &str,
    ) -> rusqlite::Result<Joining> {
        let now = ms(Timestamp::now());
        let n = self.conn.execute(
            "INSERT INTO learners (class_id, uid, name, token_hash, joined_ms, last_seen_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (class_id, uid) DO NOTHING",
            params![
                class,
                learner.id.as_str(),
                learner.name.as_str(),
                token_hash,
                now
            ],
        )?;
        Ok(if n > 0 {
            Joining::Joined
        } else {
            Joining::AlreadyJoined
        })
    }

    fn learner_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<LearnerRow> {
        Ok(LearnerRow {
            id: r.get(0)?,
            uid: id_col(r, 1)?,
            name: id_col(r, 2)?,
            token_hash: r.get(3)?,
            joined: from_ms(r.get(4)?),
            last_seen: from_ms(r.get(5)?),
        })
    }

    /// The learner of `class` whose token hashes to `token_hash`.
    pub fn learner_by_token(
        &self,
        class: i64,
        token_hash: &str,
    ) -> rusqlite::Result<Option<LearnerRow>> {
        self.conn
            .query_row(
                "SELECT id, uid, name, token_hash, joined_ms, last_seen_ms FROM learners
                 WHERE class_id = ?1 AND token_hash = ?2",
                params![class, token_hash],
                Db::learner_from,
            )
            .optional()
    }

    /// Stores a delivery for `learner` in one transaction: attempts it has not seen (by
    /// attempt id, within this learner only), the position when newer, and when the learner
    /// was last seen. Returns (new attempts, attempts already known).
    pub fn deliver(&self, learner: i64, d: &Delivery) -> rusqlite::Result<(u64, u64)> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let now = ms(Timestamp::now());
        let (mut new, mut known) = (0u64, 0u64);
        for a in &d.attempts {
            let n = tx
                .prepare_cached(
                    "INSERT INTO attempts (learner_id, uid, pack, lesson, lesson_version, step,
                       answer, correct, hints_used, solution_shown, time_spent_ms, at_ms,
                       received_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
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
                    i64::try_from(a.time_spent_ms).unwrap_or(i64::MAX),
                    ms(a.at),
                    now
                ])?;
            if n > 0 {
                new += 1;
            } else {
                known += 1;
            }
        }
        if let Some(p) = &d.position {
            tx.execute(
                "INSERT INTO positions (learner_id, pack, lesson, step, at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (learner_id) DO UPDATE SET pack = excluded.pack,
                   lesson = excluded.lesson, step = excluded.step, at_ms = excluded.at_ms
                 WHERE excluded.at_ms >= positions.at_ms",
                params![
                    learner,
                    p.pack.as_str(),
                    p.lesson.as_str(),
                    p.step.as_str(),
                    ms(p.at)
                ],
            )?;
        }
        tx.execute(
            "UPDATE learners SET last_seen_ms = ?2 WHERE id = ?1",
            params![learner, now],
        )?;
        tx.commit()?;
        Ok((new, known))
    }

    /// Every learner of `class` with their position and attempts, in the order they joined.
    pub fn class_data(&self, class: i64) -> rusqlite::Result<Vec<LearnerData>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let learners = {
            let mut st = tx.prepare_cached(
                "SELECT id, uid, name, token_hash, joined_ms, last_seen_ms FROM learners
                 WHERE class_id = ?1 ORDER BY joined_ms, id",
            )?;
            st.query_map([class], Db::learner_from)?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut out = Vec::with_capacity(learners.len());
        for l in learners {
            let position = tx
                .prepare_cached(
                    "SELECT pack, lesson, step, at_ms FROM positions WHERE learner_id = ?1",
                )?
                .query_row([l.id], |r| {
                    Ok(Position {
                        pack: id_col(r, 0)?,
                        lesson: id_col(r, 1)?,
                        step: id_col(r, 2)?,
                        at: from_ms(r.get(3)?),
                    })
                })
                .optional()?;
            let attempts = tx
                .prepare_cached(
                    "SELECT uid, pack, lesson, lesson_version, step, answer, correct, hints_used,
                            solution_shown, time_spent_ms, at_ms
                     FROM attempts WHERE learner_id = ?1 ORDER BY at_ms, id",
                )?
                .query_map([l.id], |r| {
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
                        time_spent_ms: u64::try_from(r.get::<_, i64>(9)?).unwrap_or(0),
                        at: from_ms(r.get(10)?),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(LearnerData {
                learner: l,
                position,
                attempts,
            });
        }
        tx.finish()?;
        Ok(out)
    }
}
