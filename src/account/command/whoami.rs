//! Who the sandbox's commands run as now: the identity of the current profile's credentials,
//! for a prompt or a console's title (which must follow `aws configure set`, not the lesson's
//! starting identity).

use super::{Creds, Sandbox};
use crate::account::authz::Identity;

/// The identity behind the current profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// The root user (the console's starting credentials, or root's access key).
    Root,
    /// An IAM user, by name.
    User(String),
    /// A role session: `role/session`.
    Role(String),
    /// The profile has no credentials.
    Nobody,
    /// The profile's access key is unknown or inactive: calls will be refused.
    Invalid(String),
    /// The profile has only half a key pair (`Partial credentials found`): the CLI sends
    /// nothing, so there is no identity to show.
    Partial,
}

impl Sandbox {
    /// Who a command without `--profile` runs as.
    pub fn who(&self) -> Who {
        match self
            .profiles
            .get(&self.profile)
            .and_then(|p| p.creds.as_ref())
        {
            None => Who::Nobody,
            Some(Creds::RootConsole | Creds::RootOf(_)) => Who::Root,
            Some(Creds::Keys {
                access_key_id,
                secret,
                ..
            }) if access_key_id.is_empty() || secret.is_empty() => Who::Partial,
            Some(Creds::Keys {
                access_key_id,
                secret,
                session_token,
            }) => match self
                .account_by_id(self.account_of_key(access_key_id))
                .caller_for_key_pair(
                    "",
                    access_key_id,
                    secret,
                    session_token.as_deref(),
                    &self.source_ip,
                    "us-east-1",
                ) {
                Ok(c) => match c.identity {
                    Identity::Root => Who::Root,
                    Identity::User(u) => Who::User(u),
                    Identity::Role { role, session } => Who::Role(format!("{role}/{session}")),
                },
                Err(_) => Who::Invalid(access_key_id.clone()),
            },
        }
    }
}
