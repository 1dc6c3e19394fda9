//! A live classroom: `iamdojo class serve` (the instructor's server, [`server`]) and the
//! learner's side of it ([`client`]: joining, and the background sender that delivers the
//! outbox). Both speak the JSON shapes of [`wire`]; [`token`] holds the join codes and
//! tokens and how they are compared; [`pem`] reads the certificates and keys of HTTPS.
//!
//! The learner's local database stays the source of truth: an answer is committed there
//! first (queued in its outbox in the same transaction, see `progress`), then delivered;
//! the server merges deliveries by attempt id, so a delivery repeated changes nothing.
//!
//! Architecture invariant: only `server` uses tokio and axum; `client` is blocking (ureq
//! and one thread), so the interface never runs an async runtime (`tests/architecture.rs`).

pub mod client;
pub mod pem;
pub mod server;
pub mod token;
pub mod wire;
