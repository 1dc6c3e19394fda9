//! Where the class server keeps its data: SQLite in the data directory ([`super::db`], the
//! default) or a PostgreSQL database ([`super::pg`], `class serve --database postgres://…`).
//! [`Store`] gives both the same operations; [`Backend`] says which one and where.
//!
//! With SQLite the data directory holds one class at a time (a new class closes the one
//! before). A PostgreSQL database is shared by many instructors' servers, so a new class
//! closes nothing of theirs: the class a server resumes is the one recorded in its own data
//! directory (`postgres-class-<hash of the URL>`).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::progress::ExportedLearner;

use super::super::wire::Delivery;
use super::db::{ClassRow, Db, Joining, LearnerData, LearnerRow};
use super::pg::{PgDb, PgError};

/// A PostgreSQL connection URL (`postgres://` or `postgresql://`). Shown, it never shows its
/// password.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl(String);

impl PgUrl {
    /// The URL, when it is a PostgreSQL one.
    pub fn parse(url: &str) -> Option<PgUrl> {
        let url = url.trim();
        (url.starts_with("postgres://") || url.starts_with("postgresql://"))
            .then(|| PgUrl(url.to_string()))
    }

    /// The URL with its password (in the user part or as `password=`) replaced by `***`.
    pub fn redacted(&self) -> String {
        let Some((scheme, rest)) = self.0.split_once("://") else {
            return "***".to_string();
        };
        let (authority, tail) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let authority = match authority.rsplit_once('@') {
            Some((user, host)) => match user.split_once(':') {
                Some((name, _)) => format!("{name}:***@{host}"),
                None => format!("{user}@{host}"),
            },
            None => authority.to_string(),
        };
        let tail = match tail.split_once('?') {
            Some((path, query)) => {
                let query: Vec<String> = query
                    .split('&')
                    .map(|kv| match kv.split_once('=') {
                        Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                        _ => kv.to_string(),
                    })
                    .collect();
                format!("{path}?{}", query.join("&"))
            }
            None => tail.to_string(),
        };
        format!("{scheme}://{authority}{tail}")
    }
}

impl std::fmt::Display for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl std::fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgUrl({})", self.redacted())
    }
}

/// Which store, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// `class.db` in this data directory.
    Sqlite {
        /// The data directory.
        dir: PathBuf,
    },
    /// A PostgreSQL database; `dir` records which class this server resumes.
    Postgres {
        /// The database.
        url: PgUrl,
        /// The data directory.
        dir: PathBuf,
    },
}

impl Backend {
    /// Where the data is, for messages: the data directory, or the URL without its password.
    pub fn place(&self) -> String {
        match self {
            Backend::Sqlite { dir } => dir.display().to_string(),
            Backend::Postgres { url, .. } => url.redacted(),
        }
    }
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite's reason.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL's reason.
    #[error(transparent)]
    Postgres(#[from] PgError),
    /// The record of which class this server resumes could not be written.
    #[error("cannot write {}: {error}", .path.display())]
    Record {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The work stopped before it finished (a bug; nothing was half written: every write is
    /// one transaction).
    #[error("the database task stopped: {0}")]
    Task(String),
}

impl StoreError {
    /// Whether a uniqueness rule refused the write (a join code already used).
    pub fn is_duplicate(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            }
            StoreError::Postgres(PgError::Postgres(e)) => {
                e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION)
            }
            _ => false,
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(PgError::Postgres(e))
    }
}

/// The class server's store.
#[derive(Debug)]
pub enum Store {
    /// SQLite in the data directory.
    Sqlite(Db),
    /// PostgreSQL, and the file in the data directory naming the class this server resumes
    /// (boxed: the client is large, and a server holds two stores only).
    Postgres(Box<PgDb>, PathBuf),
}

/// The longest record of a resumed class read (it holds one number).
const MAX_RECORD_BYTES: u64 = 64;

impl Store {
    /// Opens the store, creating the schema (or the file) on first use.
    pub fn open(backend: &Backend) -> Result<Store, StoreError> {
        match backend {
            Backend::Sqlite { dir } => Ok(Store::Sqlite(Db::open(dir)?)),
            Backend::Postgres { url, dir } => {
                let db = PgDb::open(&url.0)?;
                let record = dir.join(format!(
                    "postgres-class-{}",
                    super::super::token::hash(&url.redacted())
                        .get(..16)
                        .unwrap_or_default()
                ));
                Ok(Store::Postgres(Box::new(db), record))
            }
        }
    }

    /// The class recorded in the data directory, if it is still open (PostgreSQL).
    fn recorded(db: &mut PgDb, record: &Path) -> Result<Option<ClassRow>, StoreError> {
        let mut text = String::new();
        let read = std::fs::File::open(record)
            .and_then(|f| f.take(MAX_RECORD_BYTES).read_to_string(&mut text));
        // No record, or one that is not a number: no class to resume, a new one is started.
        let Some(id) = read.ok().and_then(|_| text.trim().parse::<i64>().ok()) else {
            return Ok(None);
        };
        Ok(db.class(id)?)
    }

    /// The class to resume: SQLite's newest open class; with PostgreSQL the class this data
    /// directory recorded, while it is open.
    pub fn resume(&mut self) -> Result<Option<ClassRow>, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.open_class()?),
            Store::Postgres(db, record) => Ok(Store::recorded(db, record)?.filter(|c| !c.closed)),
        }
    }

    /// Starts a new class, closing the one this data directory had open.
    pub fn create_class(
        &mut self,
        code: &str,
        instructor_hash: &str,
    ) -> Result<ClassRow, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.create_class(code, instructor_hash)?),
            Store::Postgres(db, record) => {
                let old = Store::recorded(db, record)?.map(|c| c.id);
                let class = db.create_class(code, instructor_hash, old)?;
                write_record(record, class.id)?;
                Ok(class)
            }
        }
    }

    /// The class with this row.
    pub fn class(&mut self, id: i64) -> Result<Option<ClassRow>, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.class(id)?),
            Store::Postgres(db, _) => Ok(db.class(id)?),
        }
    }

    /// Closes a class: its code lets no one join any more; its data stays readable.
    pub fn close_class(&mut self, id: i64) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.close_class(id)?),
            Store::Postgres(db, _) => Ok(db.close_class(id)?),
        }
    }

    /// Adds a learner to a class, with the hash of the token they were given.
    pub fn join(
        &mut self,
        class: i64,
        learner: &ExportedLearner,
        token_hash: &str,
    ) -> Result<Joining, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.join(class, learner, token_hash)?),
            Store::Postgres(db, _) => Ok(db.join(class, learner, token_hash)?),
        }
    }

    /// The learner of `class` whose token hashes to `token_hash`.
    pub fn learner_by_token(
        &mut self,
        class: i64,
        token_hash: &str,
    ) -> Result<Option<LearnerRow>, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.learner_by_token(class, token_hash)?),
            Store::Postgres(db, _) => Ok(db.learner_by_token(class, token_hash)?),
        }
    }

    /// Stores a delivery for `learner` in one transaction; (new attempts, already known).
    pub fn deliver(&mut self, learner: i64, d: &Delivery) -> Result<(u64, u64), StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.deliver(learner, d)?),
            Store::Postgres(db, _) => Ok(db.deliver(learner, d)?),
        }
    }

    /// Every learner of `class` with their position and attempts, in the order they joined.
    pub fn class_data(&mut self, class: i64) -> Result<Vec<LearnerData>, StoreError> {
        match self {
            Store::Sqlite(db) => Ok(db.class_data(class)?),
            Store::Postgres(db, _) => Ok(db.class_data(class)?),
        }
    }
}

/// Records which class this data directory resumes: written aside, then renamed over, so a
/// crash leaves the old record or the new one.
fn write_record(record: &Path, id: i64) -> Result<(), StoreError> {
    let err = |error| StoreError::Record {
        path: record.to_path_buf(),
        error,
    };
    if let Some(dir) = record.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let aside = record.with_extension("new");
    std::fs::write(&aside, format!("{id}\n")).map_err(err)?;
    std::fs::rename(&aside, record).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_code_used_before_is_a_duplicate_for_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Store::open(&Backend::Sqlite {
            dir: dir.path().to_path_buf(),
        })
        .unwrap();
        db.create_class("ABCDEF", "h").unwrap();
        let e = db.create_class("ABCDEF", "h").unwrap_err();
        assert!(e.is_duplicate(), "{e:?}");
    }

    #[test]
    fn a_url_shows_no_password() {
        let cases = [
            (
                "postgres://ann:s3cret@db.example:5432/course",
                "postgres://ann:***@db.example:5432/course",
            ),
            (
                "postgresql://ann@db/course?password=s3cret&sslmode=disable",
                "postgresql://ann@db/course?password=***&sslmode=disable",
            ),
            ("postgres://db", "postgres://db"),
            ("postgres://a:b:c@h", "postgres://a:***@h"),
        ];
        for (url, shown) in cases {
            let u = PgUrl::parse(url).unwrap();
            assert_eq!(u.redacted(), shown);
            assert_eq!(u.to_string(), shown);
            assert!(!format!("{u:?}").contains("s3cret"));
        }
        assert_eq!(PgUrl::parse("mysql://x"), None);
        assert_eq!(PgUrl::parse("/tmp/class.db"), None);
    }
}
