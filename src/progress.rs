//! Learner progress: a SQLite store of each learner's answers, finished lessons, sandbox
//! commands and preferences; the export file that moves it between machines; and the class
//! report built from many learners' exports.
//!
//! Progress knows lessons only by their ids ([`PackId`], [`LessonId`], [`StepId`]): it never
//! loads a lesson, so a lesson can change without the store having to. Only `tui`, `cli`
//! and `class` use this module.
//!
//! ```no_run
//! use iamdojo::progress::{Attempt, LearnerName, LessonId, PackId, StepId, Store};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let store = Store::open_default(None)?;
//! for notice in store.notices() {
//!     eprintln!("warning: {notice}");
//! }
//! let me = store.learner(&LearnerName::default_profile())?;
//! let attempt = Attempt::new(
//!     PackId::new("iam-basics")?,
//!     LessonId::new("policies")?,
//!     "1",
//!     StepId::new("deny-wins")?,
//!     "explicit deny",
//!     true,
//! );
//! store.record_attempt(&me, &attempt)?; // committed when this returns
//! let dashboard = store.dashboard(&me)?;
//! # let _ = dashboard;
//! # Ok(())
//! # }
//! ```

pub mod active;
mod catalog;
mod error;
mod export;

mod model;
pub mod render;
mod report;
mod schema;
mod store;

pub use crate::ids::{DEFAULT_LEARNER, IdError, LearnerName, LessonId, PackId, RecordId, StepId};
pub use catalog::{Catalog, LessonInfo};
pub use error::{ExportError, Problem, ProgressError, WriteFailure};
pub use export::{EXPORT_FORMAT, EXPORT_VERSION, Export, ExportedLearner};
pub use model::{
    Attempt, ClassLink, CommandRecord, Completion, Dashboard, ImportSummary, Learner,
    LessonProgress, PackProgress, PackSeen, Position, Queued, ResetScope, ResetSummary, Setting,
    SettingValue, StepProgress,
};
pub use report::{
    Cell, ClassReport, FailedStep, LessonKey, LessonStats, ReportLearner, TOP, WrongAnswer,
};
pub use schema::LATEST as SCHEMA_VERSION;
pub use store::{
    DATA_DIR_ENV, DB_FILE, FullDisk, Notice, Saving, Store, data_dir, resolve_data_dir,
};
