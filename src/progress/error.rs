//! Why a progress operation failed. Situations the program can live with (a damaged file
//! moved aside, a data directory it cannot write) are not errors: they are
//! [`super::Notice`]s on a store that still works, and [`Problem`] says why it cannot save.
//!
//! Every message is a catalog entry (`msg::progress`), read with `message(lang)`; `Display`
//! gives the English one. What SQLite, serde or the operating system said is quoted as they
//! said it, as AWS's own error messages are.

use std::fmt;
use std::path::PathBuf;

use crate::ids::IdError;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::progress::Progress as P;

/// A progress operation that could not be done.
#[derive(Debug)]
pub enum ProgressError {
    /// The database was written by a newer iamdojo whose schema this one does not know.
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
    Database {
        /// What was being done: one of the catalog's `Do*` entries (`save the attempt`).
        doing: P,
        /// The database file, or `None` for the in-memory store.
        place: Option<PathBuf>,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// No data directory could be found for this platform.
    NoDataDir,
    /// The learner named has no profile in this store.
    NoLearner {
        /// The name asked for.
        name: String,
        /// The profile whose name is nearest, when one is near enough to be a typo.
        near: Option<String>,
        /// The profiles that exist, sorted.
        known: Vec<String>,
    },
    /// A value that should be an id is not one.
    Id(IdError),
    /// An export file could not be read.
    Export(ExportError),
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

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProgressError::NewerSchema {
                path,
                found,
                supported,
                written_by,
            } => {
                let needed = match written_by {
                    Some(v) => P::NeededVersion.fill(lang, &[("version", v)]),
                    None => P::NeededSchema.fill(lang, &[("found", found)]),
                };
                P::ErrNewerSchema.fill(
                    lang,
                    &[
                        ("path", &path.display()),
                        ("found", found),
                        ("version", &env!("CARGO_PKG_VERSION")),
                        ("supported", supported),
                        ("needed", &needed),
                    ],
                )
            }
            ProgressError::Database {
                doing,
                place,
                source,
            } => {
                let place = place.as_ref().map_or_else(
                    || P::Memory.text(lang).to_string(),
                    |p| p.display().to_string(),
                );
                P::ErrDatabase.fill(
                    lang,
                    &[
                        ("doing", &doing.text(lang)),
                        ("place", &place),
                        ("error", source),
                    ],
                )
            }
            ProgressError::NoDataDir => P::ErrNoDataDir.text(lang).to_string(),
            ProgressError::NoLearner { name, near, known } => {
                let first = match near {
                    Some(near) => P::NoLearnerNear.fill(lang, &[("name", name), ("near", near)]),
                    None => P::NoLearner.fill(lang, &[("name", name)]),
                };
                let second = if known.is_empty() {
                    P::NoneSavedHere.text(lang).to_string()
                } else {
                    let names = known.join(P::ListJoin.text(lang));
                    P::LearnersHere.fill(lang, &[("names", &names)])
                };
                P::TwoParts.fill(lang, &[("first", &first), ("second", &second)])
            }
            ProgressError::Id(e) => e.message(lang),
            ProgressError::Export(e) => e.message(lang),
        }
    }
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProgressError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProgressError::Database { source, .. } => Some(source),
            ProgressError::Id(e) => Some(e),
            ProgressError::Export(e) => Some(e),
            _ => None,
        }
    }
}

impl From<IdError> for ProgressError {
    fn from(e: IdError) -> ProgressError {
        ProgressError::Id(e)
    }
}

impl From<ExportError> for ProgressError {
    fn from(e: ExportError) -> ProgressError {
        ProgressError::Export(e)
    }
}

/// Why an export file cannot be imported or reported on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The text is not JSON of the export's shape.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's description, which names the field when it can.
        message: String,
    },
    /// JSON, but not an iamdojo progress export.
    NotAnExport {
        /// The `format` field found, empty when there is none.
        found: String,
    },
    /// An export from a newer iamdojo with a format this one does not know.
    NewerFormat {
        /// The export's `version`.
        found: u32,
        /// The newest version this binary reads.
        supported: u32,
    },
    /// A timestamp that is not RFC 3339.
    Timestamp {
        /// The refused text.
        value: String,
    },
}

impl ExportError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Json {
                line,
                column,
                message,
            } => P::ExportJson.fill(
                lang,
                &[("line", line), ("column", column), ("message", message)],
            ),
            ExportError::NotAnExport { found } if found.is_empty() => {
                P::NotAnExportNoFormat.text(lang).to_string()
            }
            ExportError::NotAnExport { found } => {
                P::NotAnExportFormat.fill(lang, &[("found", found)])
            }
            ExportError::NewerFormat { found, supported } => {
                P::NewerFormat.fill(lang, &[("found", found), ("supported", supported)])
            }
            ExportError::Timestamp { value } => P::BadTimestamp.fill(lang, &[("value", value)]),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExportError {}

/// Why the progress file cannot be used, so that the store keeps progress in memory only
/// ([`super::Saving::No`], [`super::Notice::NotSaving`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No data directory could be found for this platform.
    NoDataDir,
    /// The data directory could not be created.
    CreateDir {
        /// The directory.
        dir: PathBuf,
        /// The operating system's error.
        error: String,
    },
    /// The database file cannot be written.
    CannotWrite {
        /// The file.
        path: PathBuf,
        /// Why.
        why: WriteFailure,
    },
    /// The file is damaged and could not be renamed out of the way.
    NotMovedAside {
        /// The file.
        path: PathBuf,
        /// SQLite's description of the damage.
        damage: String,
        /// The operating system's error on renaming it.
        error: String,
    },
    /// The damaged file was moved aside, but a new one could not be started.
    CannotStart {
        /// The file.
        path: PathBuf,
        /// Why.
        why: WriteFailure,
    },
}

/// Why a database file could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteFailure {
    /// SQLite's error, as it said it.
    Sqlite(String),
    /// The file system does not allow write-ahead logging, without which a commit is not
    /// safe against another process; SQLite answered with this journal mode instead.
    NoWal(String),
}

impl WriteFailure {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteFailure::Sqlite(s) => s.clone(),
            WriteFailure::NoWal(mode) => P::ProblemNoWal.fill(lang, &[("mode", mode)]),
        }
    }
}

impl Problem {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::NoDataDir => P::ErrNoDataDir.text(lang).to_string(),
            Problem::CreateDir { dir, error } => {
                P::ProblemCreateDir.fill(lang, &[("dir", &dir.display()), ("error", error)])
            }
            Problem::CannotWrite { path, why } => P::CannotWrite.fill(
                lang,
                &[("path", &path.display()), ("error", &why.message(lang))],
            ),
            Problem::NotMovedAside {
                path,
                damage,
                error,
            } => P::ProblemNotMovedAside.fill(
                lang,
                &[
                    ("path", &path.display()),
                    ("damage", damage),
                    ("error", error),
                ],
            ),
            Problem::CannotStart { path, why } => P::ProblemCannotStart.fill(
                lang,
                &[("path", &path.display()), ("error", &why.message(lang))],
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_learner_name_is_said_in_the_readers_language() {
        let e = crate::ids::LearnerName::new("")
            .err()
            .map(ProgressError::from);
        assert_eq!(
            e.as_ref().map(ToString::to_string).as_deref(),
            Some("`` is not a valid learner name: it is empty")
        );
        assert_eq!(
            e.map(|e| e.message(Lang::Ja)).as_deref(),
            Some("学習者の名前: `` は使えません。空です")
        );
    }

    #[test]
    fn a_missing_learner_names_the_nearest_and_the_others_in_both_languages() {
        let e = ProgressError::NoLearner {
            name: "alcie".into(),
            near: Some("alice".into()),
            known: vec!["alice".into(), "bob".into()],
        };
        assert_eq!(
            e.to_string(),
            "there is no learner `alcie` here; did you mean `alice`?; learners here: alice, bob"
        );
        assert_eq!(
            e.message(Lang::Ja),
            "学習者 `alcie` はここにいません。`alice` の間違いではありませんか。ここにいる学習者: alice、bob"
        );
        let none = ProgressError::NoLearner {
            name: "x".into(),
            near: None,
            known: vec![],
        };
        assert!(
            none.to_string()
                .ends_with("saved in this data directory yet")
        );
    }
}
