//! Import and export in AWS's own formats: the JSON of
//! `aws iam get-account-authorization-details` ("GAAD": users, groups, roles and managed
//! policies with every document), the IAM credential report CSV (passwords, MFA, access keys
//! and their last use) and the JSON of `aws iam get-account-password-policy`. Also the
//! sandbox command `iam get-account-authorization-details`, which writes the first of them.
//!
//! Reading is pure: callers read the files and pass their text with a name for messages.
//! A GAAD file makes a new [`Account`] (its id from the ARNs); the report and the password
//! policy are then applied onto it. Exporting and importing again gives an account that
//! exports identically.
//!
//! - `shape.rs`: the JSON shapes, shared by both directions;
//! - `read.rs`: GAAD → account; `write.rs`: account → GAAD;
//! - `report.rs`: the credential report and the password policy, both ways;
//! - `error.rs`: what went wrong, pointing into the file.

mod error;
mod read;
mod report;
pub mod shape;
mod write;

use serde_json::Value;

pub use error::{FileKind, ImportError, Warning};
pub use report::{apply_credential_report, parse_password_policy, password_policy_json};
pub use write::{FILTER_VALUES, Filter, authorization_details};

use super::command::{Args, Call, Spec};
use super::error::AwsError;
use super::output::{Style, render};
use super::{Account, credential_report};

/// An account read from AWS's formats, with what the import had to put up with.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The account.
    pub account: Account,
    /// Stand-ins and gaps, each naming its place in the file.
    pub warnings: Vec<Warning>,
}

/// Reads the JSON of `aws iam get-account-authorization-details` into a new account.
/// `file` names the file in messages. Documents may be JSON objects (as the AWS CLI prints
/// them) or URL-encoded JSON strings (as the API returns them).
pub fn import_gaad(file: &str, text: &str) -> Result<Imported, ImportError> {
    let (mut account, warnings) = read::read(file, text)?;
    // Built as data, not through commands: the index starts afresh.
    account.reindex();
    account.known = crate::account::Known {
        credentials: false,
        password_policy: false,
        services: false,
    };
    Ok(Imported { account, warnings })
}

impl Imported {
    /// Applies an IAM credential report (CSV, or `get-credential-report` JSON) onto the
    /// imported users, creating those only in the report.
    pub fn apply_credential_report(&mut self, file: &str, text: &str) -> Result<(), ImportError> {
        let applied = apply_credential_report(&mut self.account, file, text);
        // The report changes users' keys in place (and may add users).
        self.account.reindex();
        applied?;
        self.account.known.credentials = true;
        // The account has a credential report now: `get-credential-report` answers with it.
        if self.account.credential_report_generated.is_none() {
            self.account.credential_report_generated = Some(self.account.now);
        }
        Ok(())
    }

    /// Sets the account password policy from `get-account-password-policy` JSON.
    pub fn apply_password_policy(&mut self, file: &str, text: &str) -> Result<(), ImportError> {
        self.account.password_policy = Some(parse_password_policy(file, text)?);
        self.account.known.password_policy = true;
        Ok(())
    }
}

/// The account as `aws iam get-account-authorization-details --output json` prints it.
pub fn export_gaad(a: &Account) -> String {
    let details = authorization_details(a, Filter::ALL);
    serde_json::to_value(&details)
        .map(|v| render(&v, Style::JSON))
        .unwrap_or_default()
}

/// The account's IAM credential report (CSV), as AWS writes it.
pub fn export_credential_report(a: &Account) -> String {
    credential_report(a)
}

/// The password policy as `aws iam get-account-password-policy --output json` prints it;
/// none when the account has none (AWS answers `NoSuchEntity`).
pub fn export_password_policy(a: &Account) -> Option<String> {
    a.password_policy
        .as_ref()
        .map(|p| render(&password_policy_json(p), Style::JSON))
}

/// The commands this module adds to the sandbox.
pub const COMMANDS: &[Spec] = &[Spec {
    service: "iam",
    name: "get-account-authorization-details",
    operation: "GetAccountAuthorizationDetails",
    params: &[],
    run: get_account_authorization_details,
}];

fn get_account_authorization_details(c: &mut Call<'_>, a: &Args) -> Result<Value, AwsError> {
    c.allow("iam:GetAccountAuthorizationDetails", "*", &[])?;
    let filter = Filter::parse(a.list("filter")).map_err(|bad| {
        let hint = crate::suggest::nearest(&bad, FILTER_VALUES)
            .map(|n| format!(" (did you mean `{n}`?)"))
            .unwrap_or_default();
        AwsError::validation(
            c.operation,
            format!(
                "1 validation error detected: Value '[{}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{}]]{hint}",
                a.list("filter").join(", "),
                FILTER_VALUES.join(", ")
            ),
        )
    })?;
    serde_json::to_value(authorization_details(c.account, filter))
        .map_err(|e| c.err("ServiceFailure", format!("cannot write the details: {e}")))
}
