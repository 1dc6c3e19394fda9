//! Finding what is wrong: the action catalog (every AWS service, action, resource type and
//! condition key, from the Service Authorization Reference) and policy validation in the
//! shape of IAM Access Analyzer's `ValidatePolicy`.
//!
//! This module will also hold the findings over a whole account (controls as a data table,
//! "who can do what"); it depends on `policy`, and later on `eval` and `account`.

pub mod access;
pub mod catalog;
pub mod controls;
pub mod escalation;
pub mod validate;
