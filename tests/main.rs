//! The one integration-test binary: data-driven cases under `tests/data/`, property tests and
//! runs of the real binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    reason = "tests fail loudly: a panic is a failed test"
)]

mod architecture;
mod assets;
mod audit;
mod aws_cases;
mod aws_errors;
mod browser;
mod catalog;
mod class;
mod cli;
mod cli_errors;
mod cli_formats;
mod doc_examples;
mod docs;
mod e2e;
mod english;
mod eval_cases;
mod explain;
mod gaad;
mod glossary;
mod hostile;
mod hostile_properties;
mod iam_staples;
mod lessons;
mod parse_cases;
mod pg_server;
mod plain;
mod progress;
mod properties;
mod query_errors;
mod sandbox;
mod service_fields;
mod service_models;
mod style_ja;
mod tui;
mod validate;
mod wrap;
