//! Why an import failed, and what an import put up with: every message names the file, the
//! place in it (line and column, JSON path or CSV column) and what to do.

use std::fmt;

use crate::policy::{PolicyError, Position};

/// Which of AWS's formats a file is in; it says how to get a good copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `aws iam get-account-authorization-details`.
    AuthorizationDetails,
    /// The IAM credential report.
    CredentialReport,
    /// `aws iam get-account-password-policy`.
    PasswordPolicy,
}

impl FileKind {
    /// What to do to get a file of this kind that reads.
    pub fn hint(self) -> &'static str {
        match self {
            FileKind::AuthorizationDetails => {
                "save the output of `aws iam get-account-authorization-details --output json` as it is"
            }
            FileKind::CredentialReport => {
                "save the report as `aws iam get-credential-report --query Content --output text | base64 -d` gives it"
            }
            FileKind::PasswordPolicy => {
                "save the output of `aws iam get-account-password-policy --output json` as it is"
            }
        }
    }
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The text is not JSON at all.
    #[error("`{file}`:{line}:{column}: this is not valid JSON: {message}; {}", kind.hint())]
    Syntax {
        /// The file's name.
        file: String,
        /// Its format.
        kind: FileKind,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The JSON parser's message.
        message: String,
    },
    /// A field is missing, has the wrong type or a value that cannot be.
    #[error("{}: {}: {message}", place(file, *position), at(path))]
    Field {
        /// The file's name.
        file: String,
        /// The JSON path, e.g. `UserDetailList[3].AttachedManagedPolicies[0].PolicyArn`;
        /// empty for the top level.
        path: String,
        /// Line and column, when known.
        position: Option<(usize, usize)>,
        /// What is wrong and what to do, in lowercase.
        message: String,
    },
    /// A policy document that the policy parser refused.
    #[error("{}", document_message(self))]
    Document {
        /// The file's name.
        file: String,
        /// The JSON path of the document.
        path: String,
        /// Whose document, e.g. "inline policy `deploy` of user `dave`".
        what: String,
        /// Line and column in the file: of the fault for a document written as an object, of
        /// the string for a URL-encoded one.
        position: (usize, usize),
        /// For a URL-encoded document, the fault's place in the decoded text.
        decoded: Option<Position>,
        /// The parser's refusal.
        source: Box<PolicyError>,
    },
    /// An attachment or boundary names a customer managed policy the file does not hold.
    #[error(
        "`{file}`: at `{path}`: the customer managed policy `{arn}` is not in `Policies`{hint}; get the authorization details again without `--filter` so that the file holds every policy it refers to, or remove the reference"
    )]
    UnknownPolicy {
        /// The file's name.
        file: String,
        /// The JSON path of the reference.
        path: String,
        /// The ARN referred to.
        arn: String,
        /// `; did you mean …?` or empty.
        hint: String,
    },
    /// A row of the credential report that cannot be read.
    #[error("`{file}`: line {line}{}: {message}", column_of(column))]
    Csv {
        /// The file's name.
        file: String,
        /// Line, from 1 (the header is line 1).
        line: u64,
        /// The column, from 1, with its name in the header; none for a whole row.
        column: Option<(usize, String)>,
        /// What is wrong and what to do, in lowercase.
        message: String,
    },
}

fn place(file: &str, position: Option<(usize, usize)>) -> String {
    match position {
        Some((l, c)) => format!("`{file}`:{l}:{c}"),
        None => format!("`{file}`"),
    }
}

fn column_of(column: &Option<(usize, String)>) -> String {
    match column {
        Some((n, name)) => format!(", column {n} (`{name}`)"),
        None => String::new(),
    }
}

fn at(path: &str) -> String {
    if path.is_empty() {
        "at the top level".into()
    } else {
        format!("at `{path}`")
    }
}

fn document_message(e: &ImportError) -> String {
    let ImportError::Document {
        file,
        path,
        what,
        position,
        decoded,
        source,
    } = e
    else {
        return String::new();
    };
    let at = if source.path.is_empty() {
        String::new()
    } else {
        format!(" (at `{}`)", source.path)
    };
    let (l, c) = *position;
    match decoded {
        Some(p) => format!(
            "`{file}`:{l}:{c}: the URL-encoded {what} (`{path}`) is refused at {}:{} of the decoded document: {}{at}; fix the document and import again",
            p.line, p.column, source.message
        ),
        None => format!(
            "`{file}`:{l}:{c}: the {what} (`{path}`) is refused: {}{at}; fix the document and import again",
            source.message
        ),
    }
}

impl ImportError {
    /// Turns a serde error (with the path `serde_path_to_error` tracked) into a message.
    pub(crate) fn from_json(
        file: &str,
        kind: FileKind,
        e: serde_path_to_error::Error<serde_json::Error>,
    ) -> ImportError {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ImportError::from_json_at(file, kind, &path, &inner)
    }

    /// Turns a serde_json error at `path` into a message.
    pub(crate) fn from_json_at(
        file: &str,
        kind: FileKind,
        path: &str,
        e: &serde_json::Error,
    ) -> ImportError {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        let (line, column) = (e.line(), e.column().max(1));
        match e.classify() {
            serde_json::error::Category::Data => ImportError::Field {
                file: file.to_string(),
                path: if path == "." {
                    String::new()
                } else {
                    path.to_string()
                },
                position: Some((line, column)),
                message: format!("{message}; {}", kind.hint()),
            },
            _ => ImportError::Syntax {
                file: file.to_string(),
                kind,
                line,
                column,
                message,
            },
        }
    }
}

/// Something an import put up with, e.g. an AWS managed policy it had to stand in for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file's name.
    pub file: String,
    /// Where: a JSON path or `line N`.
    pub place: String,
    /// What happened and what to do about it, in lowercase.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: at `{}`: {}", self.file, self.place, self.message)
    }
}

impl ImportError {
    /// The line and column (1-based) in the file that the error points at, when known: for
    /// showing that line under the message.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            ImportError::Syntax { line, column, .. } => Some((*line, *column)),
            ImportError::Field { position, .. } => *position,
            ImportError::Document { position, .. } => Some(*position),
            ImportError::UnknownPolicy { .. } => None,
            ImportError::Csv { line, column, .. } => usize::try_from(*line)
                .ok()
                .map(|l| (l, column.as_ref().map_or(1, |c| c.0))),
        }
    }
}
