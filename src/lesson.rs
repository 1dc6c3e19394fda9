//! Lesson packs: the YAML format as written (`raw`) and the validated model it is converted
//! into once (`model`), the one loader (`load`), declarative checks
//! (`check`), the exercise engine every front end uses (`run`), `lessons lint` (`lint`),
//! the set of packs of one run, each id once (`set`), and a pack's glossary (`glossary`).
//!
//! Architecture invariant: no code runs from a pack; adding a lesson never needs Rust code.

pub mod check;
pub mod glossary;
pub mod lint;
pub mod load;
pub mod model;
pub mod raw;
pub mod run;
pub mod set;

pub use load::{LessonEntry, LoadError, Pack};
pub use model::{Lesson, Step, StepBody, StepKind, Text};
pub use set::PackSet;
