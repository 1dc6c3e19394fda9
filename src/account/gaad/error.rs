//! Why an import failed, and what an import put up with: every message names the file, the
//! place in it (line and column, JSON path or CSV column) and what to do.

use std::fmt;

use crate::input::serde_msg;
use crate::msg::Message;
use crate::msg::gaad::Gaad as G;
use crate::msg::input::Input;
use crate::msg::said::Said;
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
    /// What to do to get a file of this kind that reads, in English.
    pub fn hint(self) -> &'static str {
        self.entry().en()
    }

    /// What to do to get a file of this kind that reads, to be worded when shown.
    pub fn said(self) -> Said {
        Said::of(self.entry())
    }

    fn entry(self) -> G {
        match self {
            FileKind::AuthorizationDetails => G::HintAuthorizationDetails,
            FileKind::CredentialReport => G::HintCredentialReport,
            FileKind::PasswordPolicy => G::HintPasswordPolicy,
        }
    }
}

/// A file that could not be imported. `Display` is the English; [`ImportError::said`] words it
/// in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The text is not JSON at all.
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
    Field {
        /// The file's name.
        file: String,
        /// The JSON path, e.g. `UserDetailList[3].AttachedManagedPolicies[0].PolicyArn`;
        /// empty for the top level.
        path: String,
        /// Line and column, when known.
        position: Option<(usize, usize)>,
        /// What is wrong and what to do, in lowercase.
        message: Said,
    },
    /// A policy document that the policy parser refused.
    Document {
        /// The file's name.
        file: String,
        /// The JSON path of the document.
        path: String,
        /// Whose document, e.g. "inline policy `deploy` of user `dave`".
        what: Said,
        /// Line and column in the file: of the fault for a document written as an object, of
        /// the string for a URL-encoded one.
        position: (usize, usize),
        /// For a URL-encoded document, the fault's place in the decoded text.
        decoded: Option<Position>,
        /// The parser's refusal.
        source: Box<PolicyError>,
    },
    /// An attachment or boundary names a customer managed policy the file does not hold.
    UnknownPolicy {
        /// The file's name.
        file: String,
        /// The JSON path of the reference.
        path: String,
        /// The ARN referred to.
        arn: String,
        /// ` (did you mean …?)` or empty.
        hint: Said,
    },
    /// A row of the credential report that cannot be read.
    Csv {
        /// The file's name.
        file: String,
        /// Line, from 1 (the header is line 1).
        line: u64,
        /// The column, from 1, with its name in the header; none for a whole row.
        column: Option<(usize, String)>,
        /// What is wrong and what to do, in lowercase, in the reader's language.
        message: Said,
    },
}

fn place(file: &str, position: Option<(usize, usize)>) -> String {
    match position {
        Some((l, c)) => format!("`{file}`:{l}:{c}"),
        None => format!("`{file}`"),
    }
}

/// serde_json's syntax message as a catalog entry whose English is serde_json's words.
fn json_syntax(message: &str) -> Said {
    const KNOWN: &[G] = &[
        G::JsonEofList,
        G::JsonEofObject,
        G::JsonEofString,
        G::JsonEofValue,
        G::JsonExpectedColon,
        G::JsonExpectedListComma,
        G::JsonExpectedObjectComma,
        G::JsonExpectedIdent,
        G::JsonExpectedValue,
        G::JsonInvalidEscape,
        G::JsonInvalidNumber,
        G::JsonNumberOutOfRange,
        G::JsonInvalidUnicode,
        G::JsonControlCharacter,
        G::JsonKeyMustBeString,
        G::JsonTrailingComma,
        G::JsonTrailingCharacters,
        G::JsonRecursionLimit,
        G::JsonLoneSurrogate,
        G::JsonUnexpectedHexEnd,
    ];
    match KNOWN.iter().find(|m| m.en() == message) {
        Some(m) => Said::of(*m),
        None => Said::of(G::JsonOther).with("error", message),
    }
}

impl ImportError {
    /// The message, to be worded in the reader's language when shown.
    pub fn said(&self) -> Said {
        match self {
            ImportError::Syntax {
                file,
                kind,
                line,
                column,
                message,
            } => Said::of(G::NotJson)
                .with("file", file)
                .with("line", line)
                .with("column", column)
                .saying("error", json_syntax(message))
                .saying("hint", kind.said()),
            ImportError::Field {
                file,
                path,
                position,
                message,
            } => {
                let at = if path.is_empty() {
                    Said::of(G::AtTop)
                } else {
                    Said::of(G::AtPath).with("path", path)
                };
                Said::quoted(format!("{}: ", place(file, *position)))
                    .then(at)
                    .then(Said::quoted(": "))
                    .then(message.clone())
            }
            ImportError::Document {
                file,
                path,
                what,
                position,
                decoded,
                source,
            } => {
                let mut error = source.message.clone();
                if !source.path.is_empty() {
                    error = error.then(Said::of(Input::At).with("path", &source.path));
                }
                let (l, c) = *position;
                let said = match decoded {
                    Some(p) => Said::of(G::DecodedRefused)
                        .with("inner_line", p.line)
                        .with("inner_column", p.column),
                    None => Said::of(G::DocumentRefused),
                };
                said.with("file", file)
                    .with("line", l)
                    .with("column", c)
                    .saying("what", what.clone())
                    .with("path", path)
                    .saying("error", error)
            }
            ImportError::UnknownPolicy {
                file,
                path,
                arn,
                hint,
            } => Said::of(G::UnknownPolicy)
                .with("file", file)
                .with("path", path)
                .with("arn", arn)
                .saying("hint", hint.clone()),
            ImportError::Csv {
                file,
                line,
                column,
                message,
            } => {
                let column = match column {
                    Some((n, name)) => Said::of(G::CsvColumn).with("n", n).with("name", name),
                    None => Said::default(),
                };
                Said::of(G::Csv)
                    .with("file", file)
                    .with("line", line)
                    .saying("column", column)
                    .saying("message", message.clone())
            }
        }
    }
}

/// The English.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for ImportError {}

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
                message: serde_msg::said(&message)
                    .then(Said::of(G::ThenHint).saying("hint", kind.said())),
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
    /// What happened and what to do about it, in lowercase; worded when shown.
    pub message: Said,
}

impl Warning {
    /// The warning, to be worded in the reader's language when shown.
    pub fn said(&self) -> Said {
        Said::of(G::Warning)
            .with("file", &self.file)
            .with("place", &self.place)
            .saying("message", self.message.clone())
    }
}

/// The English.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
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
