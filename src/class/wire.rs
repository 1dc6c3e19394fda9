//! What the learner's side and the class server say to each other: JSON bodies, versioned
//! by their path (`/api/v1/…`). Attempts and positions travel in the export file's own
//! shapes, so a delivery is read as strictly as `progress import` reads an export.

use serde::{Deserialize, Serialize};

use crate::progress::{Attempt, ExportedLearner, Position};

/// Where a learner joins (POST a [`JoinRequest`], answered by [`Joined`]).
pub const JOIN_PATH: &str = "/api/v1/join";

/// Where a learner delivers answers (POST a [`Delivery`] with the learner token as
/// `Authorization: Bearer …`, answered by [`Delivered`]).
pub const DELIVER_PATH: &str = "/api/v1/attempts";

/// The most attempts one delivery may carry.
pub const MAX_BATCH: usize = 100;

/// The largest delivery body the server reads, in bytes.
pub const MAX_DELIVERY_BYTES: usize = 2 * 1024 * 1024;

/// The largest join body the server reads, in bytes.
pub const MAX_JOIN_BYTES: usize = 4 * 1024;

/// The longest answer one attempt may hold, in bytes (a policy document is at most
/// 10,240 characters in IAM; a console transcript a little more).
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// A learner asking to join the class with its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    /// The join code as typed.
    pub code: String,
    /// The learner's profile: its name and stable id (two learners may share a name).
    pub learner: ExportedLearner,
}

/// The server's answer to a join.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Joined {
    /// The learner token: it lets in this learner's deliveries, and only theirs.
    pub token: String,
    /// The class's code.
    pub code: String,
}

/// Answers delivered, oldest first, and where the learner is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// Attempts, at most [`MAX_BATCH`]; may be empty (then it only says where the learner
    /// is, and that they are still there).
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// The step on the learner's screen.
    #[serde(default)]
    pub position: Option<Position>,
}

/// What the server did with a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivered {
    /// Attempts new to the server.
    pub accepted: u64,
    /// Attempts it had already (a delivery repeated).
    pub known: u64,
}

/// Why the server refused a request: a stable `error` word for programs and an English
/// sentence naming the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// `bad-request`, `unauthorized`, `no-class`, `closed`, `already-joined`, `too-large`…
    pub error: String,
    /// What was wrong, naming the field (`attempts[2].step: …`).
    pub message: String,
}
