//! Reading input files and saying what is wrong with them, one way for every surface: packs,
//! scenarios, policy documents, `--cli-input-json`, authorization-details files, credential
//! reports, password policies, progress imports and class report inputs.
//!
//! - [`read`]: a read bounded by a limit (at most the limit plus one byte is ever read, so
//!   `/dev/zero`, pipes and FIFOs get "too large" instead of filling memory), and a refusal of
//!   FIFOs, devices and sockets where only plain files make sense (inside a pack).
//! - [`FileError`]: the file, the line and column when known, the field path and what to do,
//!   as a [`Said`] worded in the reader's language when shown ([`FileError::describe`]).
//! - [`yaml`]: YAML with size, nesting-depth and alias limits checked before serde_yaml sees
//!   the text, and serde's messages cleaned up once, with "did you mean".
//! - [`serde_msg`]: serde's messages recognised by their shape and worded from the catalog.
//! - [`snippet`]: the one renderer of an error with a span (the line, underlined).
//!
//! Architecture invariant: a leaf module; it uses nothing of ours but `suggest`, `printable`
//! and the message catalog (`msg`).

pub mod read;
pub mod serde_msg;
pub mod snippet;
pub mod yaml;

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::input::Input;
pub use crate::msg::said::Said;
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
    /// What is wrong and what to do, worded when shown (`Display`: in English).
    pub message: Said,
}

impl FileError {
    /// An error about the whole file.
    pub fn new(file: impl Into<String>, message: impl Into<Said>) -> FileError {
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
        message: impl Into<Said>,
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
        self.report_in(text, Lang::En)
    }

    /// [`FileError::report`], worded in `lang`.
    pub fn report_in(&self, text: &str, lang: Lang) -> String {
        let mut out = self.describe(lang);
        if let Some((line, column)) = self.location {
            snippet::append_at(&mut out, text, line, column);
        }
        out
    }

    /// The error as one line in `lang`: `file:line:column: message (at `path`)`, with
    /// anything that came from the file escaped so that it cannot drive the terminal. In
    /// English it is the error's `Display`.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = format!("{}:", printable::inline(&self.file));
        match self.location {
            Some((l, c)) => out.push_str(&format!("{l}:{c}: ")),
            None => out.push(' '),
        }
        out.push_str(&printable::clean(&self.message.render(lang)));
        if !self.path.is_empty() {
            let path = printable::inline(&self.path);
            out.push_str(&Input::At.fill(lang, &[("path", &path)]));
        }
        out
    }
}

impl std::fmt::Display for FileError {
    /// `file:line:column: message (at `path`)` in English ([`FileError::describe`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for FileError {}
