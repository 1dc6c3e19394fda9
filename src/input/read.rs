//! Bounded reads. Every file iamdojo reads goes through [`path`] or [`stdin`] with the limit of
//! its kind ([`Limit`]): at most the limit plus one byte is read, so a larger input (or an
//! endless one such as `/dev/zero` or a pipe) is refused with a message naming the limit
//! instead of filling memory. Where only a plain file makes sense (the files of a lesson
//! pack), FIFOs, devices and sockets are refused before they are opened, since opening a FIFO
//! blocks until something writes to it.

use std::io::Read;
use std::path::Path;

use super::{FileError, Said};
use crate::msg::input::Input;

/// What is read, and so how much of it may be read. `docs/limits.md` lists them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// A policy document (`file://` on the command line, `--cli-input-json`): 1 MiB.
    PolicyDocument,
    /// A `get-account-authorization-details` file: 512 MiB, or `IAMDOJO_MAX_GAAD_MB` MiB.
    Gaad,
    /// A credential report (CSV): 64 MiB.
    CredentialReport,
    /// A password policy (JSON): 64 KiB.
    PasswordPolicy,
    /// A scenario file: 2 MiB.
    Scenario,
    /// A file of a lesson pack: 512 KiB.
    PackFile,
    /// A progress export, read by `progress import` and `class report`: 256 MiB.
    ProgressExport,
    /// The learner's key file: 64 KiB.
    KeyFile,
}

/// The environment variable that raises the limit for authorization-details files.
pub const GAAD_LIMIT_VAR: &str = "IAMDOJO_MAX_GAAD_MB";

const KIB: usize = 1024;
const MIB: usize = 1024 * 1024;

impl Limit {
    /// The limit in bytes.
    pub fn bytes(self) -> usize {
        match self {
            Limit::PolicyDocument => MIB,
            Limit::Gaad => std::env::var(GAAD_LIMIT_VAR)
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&mb| mb > 0)
                .and_then(|mb| mb.checked_mul(MIB))
                .unwrap_or(512 * MIB),
            Limit::CredentialReport => 64 * MIB,
            Limit::PasswordPolicy => 64 * KIB,
            Limit::Scenario => 2 * MIB,
            Limit::PackFile => 512 * KIB,
            Limit::ProgressExport => 256 * MIB,
            Limit::KeyFile => 64 * KIB,
        }
    }

    /// What the learner can do about a file over the limit.
    fn advice(self) -> Said {
        match self {
            Limit::Gaad => Said::of(Input::AdviceGaad).with("var", GAAD_LIMIT_VAR),
            Limit::PolicyDocument => Said::of(Input::AdvicePolicy),
            Limit::PackFile => Said::of(Input::AdvicePack),
            Limit::Scenario => Said::of(Input::AdviceScenario),
            _ => Said::of(Input::AdviceOther),
        }
    }
}

/// Whether a path may be something other than a plain file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only a plain file (inside a pack): FIFOs, devices and sockets are refused unopened.
    PlainFile,
    /// Anything readable, as a command-line argument may be (`<(…)`, `/dev/stdin`); still
    /// bounded by the limit.
    AnyReadable,
}

/// Shows a byte count in the unit a person reads best, in English ([`size`] in any language).
pub fn human_bytes(n: usize) -> String {
    size(n).to_string()
}

/// A byte count in the unit a person reads best: KiB and MiB read the same in every
/// language, a count of bytes is worded.
pub fn size(n: usize) -> Said {
    if n >= MIB && n.is_multiple_of(MIB) {
        Said::quoted(format!("{} MiB", n / MIB))
    } else if n >= KIB && n.is_multiple_of(KIB) {
        Said::quoted(format!("{} KiB", n / KIB))
    } else {
        Said::of(Input::Bytes).with("n", n)
    }
}

/// The error for a file whose text is over `limit` (`n` bytes, when its size is known).
fn too_large(name: &str, limit: Limit, n: Option<u64>) -> FileError {
    let said = match n {
        Some(n) => Said::of(Input::TooLargeBytes).with("n", n),
        None => Said::of(Input::TooLarge),
    };
    FileError::new(
        name,
        said.saying("limit", size(limit.bytes()))
            .saying("advice", limit.advice()),
    )
}

/// The error for a file that cannot be opened or read; `e` is the system's reason, quoted.
fn cannot_read(name: &str, e: &std::io::Error) -> FileError {
    FileError::new(name, Said::of(Input::CannotBeRead).with("error", e))
}

/// Reads `r` as UTF-8 text, at most `limit` bytes; `name` names it in errors.
pub fn bounded(r: impl Read, limit: Limit, name: &str) -> Result<String, FileError> {
    let max = limit.bytes();
    let mut bytes = Vec::new();
    r.take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(name, &e))?;
    if bytes.len() > max {
        return Err(too_large(name, limit, None));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        FileError::new(name, Said::of(Input::NotUtf8).with("at", at))
    })
}

/// Reads the file at `path`, bounded by `limit`; `name` names it in errors (the path as the
/// user wrote it, or relative to its pack).
pub fn path(path: &Path, limit: Limit, kind: Kind, name: &str) -> Result<String, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(name, &e))?;
    if meta.is_dir() {
        return Err(FileError::new(name, Said::of(Input::IsFolder)));
    }
    if kind == Kind::PlainFile && !meta.is_file() {
        return Err(FileError::new(name, Said::of(Input::NotPlainFile)));
    }
    if meta.is_file() && meta.len() > u64::try_from(limit.bytes()).unwrap_or(u64::MAX) {
        return Err(too_large(name, limit, Some(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(name, &e))?;
    bounded(file, limit, name)
}

/// Reads standard input, bounded by `limit`.
pub fn stdin(limit: Limit) -> Result<String, FileError> {
    bounded(std::io::stdin().lock(), limit, "standard input")
}

/// Reads a command-line value the way the AWS CLI does: `file://PATH` reads a file, `-` reads
/// standard input, anything else is the value itself. Files and standard input are bounded.
pub fn arg(value: &str, limit: Limit) -> Result<String, FileError> {
    if let Some(p) = value.strip_prefix("file://") {
        return path(Path::new(p), limit, Kind::AnyReadable, p);
    }
    if value == "-" {
        return stdin(limit);
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_input_is_refused_at_the_limit() {
        let endless = std::io::repeat(b'a');
        let e = bounded(endless, Limit::PasswordPolicy, "zeros").err();
        let message = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("larger than the limit of 64 KiB"),
            "{message}"
        );
    }

    #[test]
    fn text_within_the_limit_is_read() {
        let r = bounded(&b"{}"[..], Limit::PasswordPolicy, "p.json");
        assert_eq!(r.ok().as_deref(), Some("{}"));
        let bad = bounded(&[0xff, 0xfe][..], Limit::PasswordPolicy, "p.json");
        assert!(bad.is_err_and(|e| e.message.to_string().contains("not UTF-8")));
    }

    #[test]
    fn reading_errors_are_worded_in_both_languages() {
        use crate::lang::Lang;
        let e = bounded(std::io::repeat(b'a'), Limit::PackFile, "l.yaml").err();
        let e = e.map(|e| (e.describe(Lang::En), e.describe(Lang::Ja)));
        assert_eq!(
            e,
            Some((
                "l.yaml: is larger than the limit of 512 KiB for this kind of file; split the lesson into several files".to_string(),
                "l.yaml: この種類のファイルの上限 (512 KiB) を超えています。レッスンを複数のファイルに分けてください".to_string(),
            ))
        );
        assert_eq!(size(100).render(Lang::Ja), "100 バイト");
        assert_eq!(human_bytes(100), "100 bytes");
        let dir = std::env::temp_dir();
        let folder = path(&dir, Limit::PackFile, Kind::PlainFile, "dir").err();
        assert_eq!(
            folder.map(|e| e.describe(Lang::Ja)),
            Some("dir: ファイルではなくフォルダーです".to_string())
        );
        let missing = std::path::Path::new("/nonexistent/iamdojo/x.yaml");
        let gone = path(missing, Limit::PackFile, Kind::PlainFile, "x.yaml").err();
        let ja = gone.map(|e| e.describe(Lang::Ja)).unwrap_or_default();
        // The system's reason is quoted as it is; our words around it are Japanese.
        assert!(ja.starts_with("x.yaml: 読み込めません: "), "{ja}");
    }
}
