//! Why a progress operation failed. Situations the program can live with (a damaged file
//! moved aside, a data directory it cannot write) are not errors: they are
//! [`super::Notice`]s on a store that still works.

use std::path::PathBuf;

use crate::ids::IdError;

/// A progress operation that could not be done.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// The database was written by a newer iamdojo whose schema this one does not know.
    #[error("{}", newer_schema_message(path, *found, *supported, written_by.as_deref()))]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The schema version found in the file (`PRAGMA user_version`).
        found: i64,
        /// The newest schema version this binary knows.
        supported: i64,
        /// The iamdojo version that last wrote the file, when it says.
        written_by: Option<String>,
    },
    /// SQLite refused an operation.
    #[error("cannot {doing} in the progress database `{place}`: {source}")]
    Database {
        /// What was being done, e.g. `save the attempt`.
        doing: &'static str,
        /// The database file, or `memory`.
        place: String,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// No data directory could be found for this platform.
    #[error(
        "cannot find a data directory on this system (no home directory?): pass --data-dir DIR or set IAMDOJO_DATA_DIR"
    )]
    NoDataDir,
    /// The learner named has no profile in this store.
    #[error("there is no learner `{name}` here{hint}")]
    NoLearner {
        /// The name asked for.
        name: String,
        /// `; did you mean …?` and the profiles that exist, or empty.
        hint: String,
    },
    /// A value that should be an id is not one.
    #[error(transparent)]
    Id(#[from] IdError),
    /// An export file could not be read.
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl ProgressError {
    /// Whether SQLite said the disk (or the database's size limit) is full
    /// (`SQLITE_FULL`): the write may well go through once space is freed.
    pub fn is_disk_full(&self) -> bool {
        match self {
            ProgressError::Database { source, .. } => {
                source.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
            }
            _ => false,
        }
    }
}

fn newer_schema_message(
    path: &std::path::Path,
    found: i64,
    supported: i64,
    written_by: Option<&str>,
) -> String {
    let needed = match written_by {
        Some(v) => format!("iamdojo {v} or later"),
        None => format!("an iamdojo that reads progress schema version {found}"),
    };
    format!(
        "the progress database `{}` uses progress schema version {found}, but this iamdojo ({}) reads versions up to {supported}: install {needed} to open it (the file was left untouched)",
        path.display(),
        env!("CARGO_PKG_VERSION"),
    )
}

/// Why an export file cannot be imported or reported on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The text is not JSON of the export's shape.
    #[error("line {line} column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's description, which names the field when it can.
        message: String,
    },
    /// JSON, but not an iamdojo progress export.
    #[error(
        "this is not an iamdojo progress export ({}); make one with `iamdojo progress export`",
        if found.is_empty() { "it has no `\"format\": \"iamdojo-progress\"`".to_string() } else { format!("its `format` is `{found}`, not `iamdojo-progress`") }
    )]
    NotAnExport {
        /// The `format` field found, empty when there is none.
        found: String,
    },
    /// An export from a newer iamdojo with a format this one does not know.
    #[error(
        "this export uses progress export format {found}, but this iamdojo reads formats up to {supported}: install a newer iamdojo to read it"
    )]
    NewerFormat {
        /// The export's `version`.
        found: u32,
        /// The newest version this binary reads.
        supported: u32,
    },
    /// A timestamp that is not RFC 3339.
    #[error("`{value}` is not a timestamp (write RFC 3339, e.g. `2026-11-29T10:00:00Z`)")]
    Timestamp {
        /// The refused text.
        value: String,
    },
}
