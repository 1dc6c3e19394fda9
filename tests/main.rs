//! The one integration-test binary: data-driven cases under `tests/data/`, property tests and
//! runs of the real binary.

mod architecture;
mod assets;
mod audit;
mod cli;
mod docs;
mod e2e;
mod eval_cases;
mod gaad;
mod hostile;
mod hostile_properties;
mod lessons;
mod parse_cases;
mod plain;
mod progress;
mod properties;
mod sandbox;
mod tui;
mod validate;
