//! The names things are known by across modules: pack, lesson and step ids (checked by the
//! lesson loader and recorded by progress, one rule for both), learner names and record ids.
//! Progress never sees a lesson itself, only these small validated strings, so a lesson file
//! can change without the store having to understand it.
//!
//! Two rules: an id an author writes ([`PackId::new`], …) is a slug — lowercase ASCII
//! letters, digits, `-` and `_`; an id read back from the progress database or an export
//! (`TryFrom<String>`, which serde uses) needs only the looser rule every id has always
//! followed, so that nothing recorded by an earlier version is ever refused.

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::ids::Ids;
use crate::msg::said::Said;

/// Why a string cannot be used as an id or a name. `Display` is the English; [`IdError::message`]
/// says it in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a valid {what}: {reason}")]
pub struct IdError {
    /// What the string was meant to be.
    pub what: IdKind,
    /// The refused string, shortened when very long.
    pub value: String,
    /// What is wrong.
    pub reason: IdReason,
}

/// What a refused string was meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A pack's `id`.
    PackId,
    /// A lesson's `id`.
    LessonId,
    /// A step's `id`.
    StepId,
    /// A learner profile's name.
    LearnerName,
    /// A [`RecordId`].
    RecordId,
    /// The name of a setting in the progress store.
    SettingName,
}

/// Why a string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdReason {
    /// It is empty.
    Empty,
    /// It is longer than the rule allows.
    TooLong,
    /// It holds a control character.
    ControlCharacter,
    /// It starts or ends with a space.
    OuterSpace,
    /// It is not a slug (lowercase ASCII letters, digits, `-`, `_`).
    Slug,
    /// A record id with a character other than ASCII letters, digits, `-` and `_`.
    RecordChars,
    /// A setting name with a character other than lowercase ASCII letters, digits, `_`, `.`
    /// and `-`.
    SettingChars,
}

impl IdKind {
    fn entry(self) -> Ids {
        match self {
            IdKind::PackId => Ids::PackId,
            IdKind::LessonId => Ids::LessonId,
            IdKind::StepId => Ids::StepId,
            IdKind::LearnerName => Ids::LearnerName,
            IdKind::RecordId => Ids::RecordId,
            IdKind::SettingName => Ids::SettingName,
        }
    }
}

impl IdReason {
    fn entry(self) -> Ids {
        match self {
            IdReason::Empty => Ids::Empty,
            IdReason::TooLong => Ids::TooLong,
            IdReason::ControlCharacter => Ids::ControlCharacter,
            IdReason::OuterSpace => Ids::OuterSpace,
            IdReason::Slug => Ids::Slug,
            IdReason::RecordChars => Ids::RecordChars,
            IdReason::SettingChars => Ids::SettingChars,
        }
    }
}

/// The English, as messages have always said it (`pack id`).
impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry().en())
    }
}

/// The English, a lowercase sentence (`it is empty`).
impl fmt::Display for IdReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry().en())
    }
}

impl IdError {
    /// The refusal of `value` as a `what`, because of `reason`; a very long value is
    /// shortened.
    pub fn new(what: IdKind, value: &str, reason: IdReason) -> IdError {
        let value = if value.chars().count() > 80 {
            let mut s: String = value.chars().take(77).collect();
            s.push('…');
            s
        } else {
            value.to_string()
        };
        IdError {
            what,
            value,
            reason,
        }
    }

    /// The refusal as a message to be worded when shown.
    pub fn said(&self) -> Said {
        Said::of(Ids::Invalid)
            .with("value", &self.value)
            .saying("what", Said::of(self.what.entry()))
            .saying("reason", Said::of(self.reason.entry()))
    }

    /// The refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.said().render(lang)
    }
}

/// Checks the rules shared by every id: not empty, not too long, no control characters and
/// no spaces at either end.
fn check_text(what: IdKind, s: &str, max_chars: usize) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::new(what, s, IdReason::Empty));
    }
    if s.chars().count() > max_chars {
        return Err(IdError::new(what, s, IdReason::TooLong));
    }
    if s.chars().any(char::is_control) {
        return Err(IdError::new(what, s, IdReason::ControlCharacter));
    }
    if s.trim() != s {
        return Err(IdError::new(what, s, IdReason::OuterSpace));
    }
    Ok(())
}

/// The rule for ids that authors write: 1 to 128 characters, each a lowercase ASCII letter,
/// a digit, `-` or `_` (`allow_position`: or `#` and digits, the place of a step without
/// an id).
fn check_slug(what: IdKind, s: &str, allow_position: bool) -> Result<(), IdError> {
    check_text(what, s, 128)?;
    if allow_position
        && let Some(n) = s.strip_prefix('#')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok(());
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(IdError::new(what, s, IdReason::Slug));
    }
    Ok(())
}

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident, $what:expr, $max:literal, $rule:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks `s` by the rule for new ids and wraps it.
            pub fn new(s: impl Into<String>) -> Result<Self, IdError> {
                let s = s.into();
                let rule: fn(IdKind, &str) -> Result<(), IdError> = $rule;
                rule($what, &s)?;
                Ok($name(s))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        /// Reads an id back from the progress database or an export: only the rule every id
        /// has always followed (not empty, no control characters, no spaces at either end),
        /// so that a row recorded by an earlier version is never refused.
        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                check_text($what, &s, $max)?;
                Ok($name(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

text_id!(
    /// A lesson pack's `id`, as its `pack.yaml` declares it.
    PackId,
    IdKind::PackId,
    128,
    |w, s| check_slug(w, s, false)
);
text_id!(
    /// A lesson's `id`, unique within its pack.
    LessonId,
    IdKind::LessonId,
    128,
    |w, s| check_slug(w, s, false)
);
text_id!(
    /// A step's `id`, unique within its lesson. A step without an id (a reading step) is
    /// named by its 1-based place in the lesson written `#N`, e.g. `#3`, when a position has
    /// to point at it.
    StepId,
    IdKind::StepId,
    128,
    |w, s| check_slug(w, s, true)
);
text_id!(
    /// A learner profile's name (`--learner NAME`); any language, up to 64 characters.
    LearnerName,
    IdKind::LearnerName,
    64,
    |w, s| check_text(w, s, 64)
);

impl StepId {
    /// The place of a step without an id, `#N` (1-based), as positions record it.
    pub fn position(n: usize) -> StepId {
        StepId(format!("#{n}"))
    }
}

impl LearnerName {
    /// The profile used when no `--learner` is given.
    pub fn default_profile() -> LearnerName {
        LearnerName(DEFAULT_LEARNER.to_string())
    }
}

/// The name of the profile used when no `--learner` is given.
pub const DEFAULT_LEARNER: &str = "default";

/// The stable identity of a recorded attempt, sandbox command or learner profile: random,
/// made once when the thing is first recorded and carried in exports, so that importing the
/// same export twice adds nothing the second time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(String);

impl RecordId {
    /// A fresh id: 128 bits from the standard library's randomly keyed hasher, mixed with
    /// the time, the process id and a counter, written as 32 hex digits.
    pub fn generate() -> RecordId {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mut halves = [0u64; 2];
        for (i, half) in halves.iter_mut().enumerate() {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(nanos);
            h.write_u32(std::process::id());
            h.write_u64(n);
            h.write_usize(i);
            *half = h.finish();
        }
        RecordId(format!("{:016x}{:016x}", halves[0], halves[1]))
    }

    /// Checks `s` (1 to 64 ASCII letters, digits, `-` or `_`) and wraps it.
    pub fn new(s: impl Into<String>) -> Result<RecordId, IdError> {
        let s = s.into();
        if s.is_empty() {
            return Err(IdError::new(IdKind::RecordId, &s, IdReason::Empty));
        }
        if s.len() > 64 {
            return Err(IdError::new(IdKind::RecordId, &s, IdReason::TooLong));
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(IdError::new(IdKind::RecordId, &s, IdReason::RecordChars));
        }
        Ok(RecordId(s))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RecordId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        RecordId::new(s)
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(PackId::new("iam-basics").is_ok());
        assert!(LearnerName::new("さくら").is_ok());
        assert!(LessonId::new("").is_err());
        assert!(StepId::new(" x").is_err());
        assert!(LearnerName::new("a\nb").is_err());
        assert!(LearnerName::new("x".repeat(65)).is_err());
        // Authors' ids are slugs; what was recorded before is still read back.
        assert!(LessonId::new("Policies").is_err());
        assert!(StepId::new("#3").is_ok());
        assert!(LessonId::new("#3").is_err());
        assert!(LessonId::try_from("Policies".to_string()).is_ok());
        assert!(LessonId::try_from(String::new()).is_err());
        let e = PackId::new("").err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("`` is not a valid pack id: it is empty"));
    }

    #[test]
    fn refusals_are_worded_in_both_languages() {
        let e = LessonId::new("Deny-Wins").err();
        assert_eq!(
            e.as_ref().map(|e| e.message(Lang::En)),
            Some("`Deny-Wins` is not a valid lesson id: use lowercase letters, digits, `-` and `_` only".to_string())
        );
        assert_eq!(
            e.as_ref().map(|e| e.message(Lang::En)),
            e.map(|e| e.to_string())
        );
        let ja = LearnerName::new(" さくら")
            .err()
            .map(|e| e.message(Lang::Ja));
        assert_eq!(
            ja.as_deref(),
            Some("学習者の名前: ` さくら` は使えません。先頭か末尾にスペースがあります")
        );
        let rec = RecordId::new("a b").err().map(|e| e.message(Lang::Ja));
        assert_eq!(
            rec.as_deref(),
            Some(
                "レコード ID: `a b` は使えません。使えるのは ASCII の英字、数字、`-`、`_` だけです"
            )
        );
    }

    #[test]
    fn record_ids_are_unique_and_valid() {
        let a = RecordId::generate();
        let b = RecordId::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert!(RecordId::new(a.as_str()).is_ok());
        assert!(RecordId::new("a b").is_err());
    }
}
