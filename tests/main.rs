//! The one integration-test binary: data-driven cases under `tests/data/`, property tests and
//! runs of the real binary.

mod assets;
mod cli;
mod eval_cases;
mod parse_cases;
mod properties;
mod sandbox;
