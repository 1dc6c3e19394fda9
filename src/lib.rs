//! iamdojo: learn AWS IAM security hands-on, offline, in a terminal.
//!
//! The library holds every engine; the `iamdojo` binary is a thin shell over [`cli`].
//! Dependency direction (one way only): `policy` ← `eval` ← `cli`. See `docs/ARCHITECTURE.md`.

pub mod account;
pub mod audit;
pub mod class;
pub mod cli;
pub mod eval;
pub mod ids;
pub mod input;
pub mod lang;
pub mod lesson;
pub mod msg;
pub mod policy;
pub mod printable;
pub mod progress;
pub mod suggest;
pub mod text;
pub mod tui;
