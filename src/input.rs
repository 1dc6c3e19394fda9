//! Reading input files and saying what is wrong with them, one way for every surface: packs,
//! scenarios, policy documents, `--cli-input-json`, authorization-details files, credential
//! reports, password policies, progress imports and class report inputs.
//!
//! - [`read`]: a read bounded by a limit (at most the limit plus one byte is ever read, so
//!   `/dev/zero`, pipes and FIFOs get "too large" instead of filling memory), and a refusal of
//!   FIFOs, devices and sockets where only plain files make sense (inside a pack).
//! - [`FileError`]: the file, the line and column when known, the field path and what to do.
//! - [`yaml`]: YAML with size, nesting-depth and alias limits checked before serde_yaml sees
//!   the text, and serde's messages cleaned up once, with "did you mean".
//! - [`snippet`]: the one renderer of an error with a span (the line, underlined).
//!
//! Architecture invariant: a leaf module; it uses nothing of ours but `suggest` and
//! `printable`.

pub mod read;
pub mod snippet;
pub mod yaml;

use crate::printable;

/// A file that could not be used: where, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as the user named it (or relative to its pack).
    pub file: String,
    /// Line and column (1-based), when known.
    pub location: Option<(usize, usize)>,
    /// The field path, e.g. `users[2].policies[0]`; empty for the whole file.
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl FileError {
    /// An error about the whole file.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> FileError {
        FileError {
            file: file.into(),
            location: None,
            path: String::new(),
            message: message.into(),
        }
    }

    /// An error about one field of the file.
    pub fn at(
        file: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> FileError {
        FileError {
            path: path.into(),
            ..FileError::new(file, message)
        }
    }

    /// The same error with a line and column.
    #[must_use]
    pub fn with_location(mut self, line: usize, column: usize) -> FileError {
        self.location = Some((line, column));
        self
    }
}

impl FileError {
    /// The error as a report for a terminal: the one-line message, then (when the error has a
    /// line and column and `text` is the file's text) that line, numbered and underlined.
    pub fn report(&self, text: &str) -> String {
        let mut out = self.to_string();
        if let Some((line, column)) = self.location {
            snippet::append_at(&mut out, text, line, column);
        }
        out
    }
}

impl std::fmt::Display for FileError {
    /// `file:line:column: message (at `path`)`, with anything that came from the file
    /// escaped so that it cannot drive the terminal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:", printable::inline(&self.file))?;
        match self.location {
            Some((l, c)) => write!(f, "{l}:{c}: ")?,
            None => write!(f, " ")?,
        }
        write!(f, "{}", printable::clean(&self.message))?;
        if !self.path.is_empty() {
            write!(f, " (at `{}`)", printable::inline(&self.path))?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}
