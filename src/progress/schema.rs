//! The database schema as versioned migrations embedded in the binary. `PRAGMA user_version`
//! holds the number of migrations applied; a file with a higher number was written by a
//! newer iamdojo and is refused, never changed.
//!
//! Adding a migration: append one SQL text to [`MIGRATIONS`]; never edit one that has
//! shipped. Times are Unix milliseconds (`*_ms`); booleans are 0 or 1.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

/// Every migration, in order; migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE learners (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        uid        TEXT NOT NULL UNIQUE,
        created_ms INTEGER NOT NULL
    );

    CREATE TABLE packs_seen (
        learner_id    INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        pack          TEXT NOT NULL,
        version       TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        first_seen_ms INTEGER NOT NULL,
        last_seen_ms  INTEGER NOT NULL,
        PRIMARY KEY (learner_id, pack, version, content_hash)
    ) WITHOUT ROWID;

    CREATE TABLE attempts (
        id             INTEGER PRIMARY KEY,
        learner_id     INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
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
        UNIQUE (learner_id, uid)
    );
    -- Covers the dashboard's grouping, so it never reads the table itself.
    CREATE INDEX attempts_by_lesson ON attempts
        (learner_id, pack, lesson, step, correct, hints_used, solution_shown, time_spent_ms, at_ms);

    CREATE TABLE completions (
        learner_id     INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        pack           TEXT NOT NULL,
        lesson         TEXT NOT NULL,
        lesson_version TEXT NOT NULL,
        completed_ms   INTEGER NOT NULL,
        PRIMARY KEY (learner_id, pack, lesson)
    ) WITHOUT ROWID;

    CREATE TABLE commands (
        id         INTEGER PRIMARY KEY,
        learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        uid        TEXT NOT NULL,
        pack       TEXT NOT NULL,
        lesson     TEXT NOT NULL,
        step       TEXT NOT NULL,
        command    TEXT NOT NULL,
        exit_code  INTEGER NOT NULL,
        at_ms      INTEGER NOT NULL,
        UNIQUE (learner_id, uid)
    );
    CREATE INDEX commands_by_task ON commands (learner_id, pack, lesson, step, at_ms);

    CREATE TABLE settings (
        learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_ms INTEGER NOT NULL,
        PRIMARY KEY (learner_id, key)
    ) WITHOUT ROWID;

    CREATE TABLE positions (
        learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
        pack       TEXT NOT NULL,
        lesson     TEXT NOT NULL,
        step       TEXT NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    ",
    // 2: joining a live class. A learner joined to a class keeps the server's address, the
    // class code and the learner token the server gave (the server keeps only its hash);
    // every answer recorded while joined is queued in `outbox` in the same transaction, and
    // the sender deletes a row once the server has acknowledged it.
    "
    CREATE TABLE class_links (
        learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
        server     TEXT NOT NULL,
        code       TEXT NOT NULL,
        token      TEXT NOT NULL,
        joined_ms  INTEGER NOT NULL
    );

    CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        attempt    INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        queued_ms  INTEGER NOT NULL,
        UNIQUE (attempt)
    );
    CREATE INDEX outbox_by_learner ON outbox (learner_id, seq);
    ",
];

/// The schema version this binary writes: the number of migrations.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The tables that hold a learner's data, in an order that respects foreign keys.
pub(super) const DATA_TABLES: &[&str] = &[
    "learners",
    "packs_seen",
    "attempts",
    "completions",
    "commands",
    "settings",
    "positions",
    "class_links",
    "outbox",
];

/// What [`migrate`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Migrated {
    /// The schema is now [`LATEST`].
    Current,
    /// The file's schema is newer than this binary knows (or not one of ours); nothing was
    /// written.
    Newer {
        /// The version found.
        found: i64,
        /// The iamdojo that migrated the file to that version, when it says.
        written_by: Option<String>,
    },
}

/// Brings the schema up to [`LATEST`] inside one write transaction, so that two processes
/// opening a new file at once cannot both migrate it. Also records which iamdojo opened the
/// file last: a small write on every open that proves the file can be written.
pub(super) fn migrate(conn: &Connection) -> rusqlite::Result<Migrated> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if !(0..=LATEST).contains(&found) {
        let written_by = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_written_by'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .ok()
            .flatten();
        return Ok(Migrated::Newer { found, written_by });
    }
    let start = usize::try_from(found).unwrap_or(0);
    for sql in MIGRATIONS.iter().skip(start) {
        tx.execute_batch(sql)?;
    }
    let me = env!("CARGO_PKG_VERSION");
    if found < LATEST {
        tx.pragma_update(None, "user_version", LATEST)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_written_by', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [me],
        )?;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('last_opened_by', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [me],
    )?;
    tx.commit()?;
    Ok(Migrated::Current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_an_empty_database_once() {
        let conn = Connection::open_in_memory().expect("memory database");
        assert_eq!(migrate(&conn).ok(), Some(Migrated::Current));
        assert_eq!(migrate(&conn).ok(), Some(Migrated::Current));
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(v, LATEST);
    }
}
