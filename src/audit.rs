//! Finding what is wrong: the action catalog (every AWS service, action, resource type and
//! condition key, from the Service Authorization Reference), policy validation in the shape
//! of IAM Access Analyzer's `ValidatePolicy`, the account audit (controls as a data table,
//! and the privilege-escalation graph) and who can do what.
//!
//! A finding holds what it says as catalog entries and their values ([`said`]), so that it
//! is worded when shown, in the reader's language; the JSON output carries its English.

pub mod access;
pub mod catalog;
pub mod controls;
pub mod escalation;
pub mod replay;
pub mod said;
pub mod validate;
