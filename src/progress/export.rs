//! The export file: one learner's progress as versioned JSON, the unit that moves between
//! machines (`progress export` → `progress import`) and that class reports read. Also its
//! CSV rendering, one row per attempt, for spreadsheets.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::ExportError;
use super::model::{Attempt, CommandRecord, Completion, PackSeen, Position, SettingValue, rfc3339};
use crate::ids::{LearnerName, RecordId};

/// The `format` field of every export.
pub const EXPORT_FORMAT: &str = "iamdojo-progress";

/// The export format version this binary writes and the newest it reads.
pub const EXPORT_VERSION: u32 = 1;

/// The learner an export belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedLearner {
    /// The profile name.
    pub name: LearnerName,
    /// The profile's stable identity.
    pub id: RecordId,
}

/// One learner's whole progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The format version, [`EXPORT_VERSION`] when written by this binary.
    pub version: u32,
    /// The iamdojo version that wrote it.
    pub iamdojo: String,
    /// When it was written.
    #[serde(with = "rfc3339")]
    pub exported_at: Timestamp,
    /// Whose progress it is.
    pub learner: ExportedLearner,
    /// Pack versions opened.
    #[serde(default)]
    pub packs_seen: Vec<PackSeen>,
    /// Every answer given, oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// Lessons finished.
    #[serde(default)]
    pub completions: Vec<Completion>,
    /// Commands run in the sandbox, oldest first.
    #[serde(default)]
    pub commands: Vec<CommandRecord>,
    /// Preferences.
    #[serde(default)]
    pub settings: Vec<SettingValue>,
    /// Where the learner was last.
    #[serde(default)]
    pub last_position: Option<Position>,
}

/// Just enough of a file to tell whether it is an export this binary can read.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

fn json_error(e: &serde_json::Error) -> ExportError {
    // serde_json ends its message with the place, which the error shows first already.
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    ExportError::Json {
        line: e.line(),
        column: e.column(),
        message,
    }
}

impl Export {
    /// An empty export for `learner`, stamped now.
    pub fn empty(learner: ExportedLearner) -> Export {
        Export {
            format: EXPORT_FORMAT.to_string(),
            version: EXPORT_VERSION,
            iamdojo: env!("CARGO_PKG_VERSION").to_string(),
            exported_at: Timestamp::now(),
            learner,
            packs_seen: Vec::new(),
            attempts: Vec::new(),
            completions: Vec::new(),
            commands: Vec::new(),
            settings: Vec::new(),
            last_position: None,
        }
    }

    /// Reads an export, checking its `format` and `version` before its shape so that a
    /// wrong file gets a message about what it is rather than about its first odd field.
    pub fn from_json(text: &str) -> Result<Export, ExportError> {
        let header: Header = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        let format = match &header.format {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        if format != EXPORT_FORMAT {
            return Err(ExportError::NotAnExport { found: format });
        }
        if let Some(v) = header.version.as_ref().and_then(serde_json::Value::as_u64)
            && v > u64::from(EXPORT_VERSION)
        {
            return Err(ExportError::NewerFormat {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported: EXPORT_VERSION,
            });
        }
        serde_json::from_str(text).map_err(|e| json_error(&e))
    }

    /// The export as pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        // Serializing plain data to a String cannot fail; an empty object is a safe answer
        // should it ever.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }

    /// The attempts as CSV, one row per attempt, oldest first. Only the JSON form can be
    /// imported.
    pub fn to_csv(&self) -> String {
        let rows = self.attempts.iter().map(|a| {
            vec![
                csv_text(self.learner.name.as_str()),
                csv_text(self.learner.id.as_str()),
                csv_text(a.pack.as_str()),
                csv_text(a.lesson.as_str()),
                csv_text(&a.lesson_version),
                csv_text(a.step.as_str()),
                a.correct.to_string(),
                a.hints_used.to_string(),
                a.solution_shown.to_string(),
                a.time_spent_ms.to_string(),
                a.at.to_string(),
                csv_text(&a.answer),
                csv_text(a.id.as_str()),
            ]
        });
        csv_string(
            "learner,learner_id,pack,lesson,lesson_version,step,correct,hints_used,solution_shown,time_spent_ms,at,answer,attempt_id",
            rows,
        )
    }
}

/// One CSV field from text that may come from a learner, prefixed with `'` when it starts
/// like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return), so that opening the
/// file cannot run one. Quoting is left to [`csv_string`].
/// Control characters are shown escaped (`printable::clean`), so that `cat` on the file cannot
/// drive a terminal either.
pub(crate) fn csv_text(s: &str) -> String {
    let s = crate::printable::clean(s);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// A header (comma-separated names) and rows as CSV text, written by the csv crate: a field
/// holding a comma, a quote or a line break is quoted (RFC 4180); lines end with `\n`.
pub(crate) fn csv_string(header: &str, rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to a `Vec` cannot fail.
    let _ = w.write_record(header.split(','));
    for r in rows {
        let _ = w.write_record(&r);
    }
    // The fields are `String`s, so the bytes are UTF-8.
    w.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        let field = |s: &str| csv_string("h", [vec![csv_text(s)]]);
        assert_eq!(field("plain"), "h\nplain\n");
        assert_eq!(field("a,b"), "h\n\"a,b\"\n");
        assert_eq!(field("say \"hi\""), "h\n\"say \"\"hi\"\"\"\n");
        assert_eq!(field("=cmd()"), "h\n'=cmd()\n");
        assert_eq!(field("line\nbreak"), "h\n\"line\nbreak\"\n");
    }

    #[test]
    fn wrong_files_are_named_for_what_they_are() {
        assert!(matches!(
            Export::from_json(r#"{"Version":"2012-10-17"}"#),
            Err(ExportError::NotAnExport { .. })
        ));
        assert!(matches!(
            Export::from_json(r#"{"format":"iamdojo-progress","version":99}"#),
            Err(ExportError::NewerFormat { found: 99, .. })
        ));
        assert!(matches!(
            Export::from_json("not json"),
            Err(ExportError::Json { line: 1, .. })
        ));
    }
}
