//! Text that came from a file or a learner, made safe to show: the one sanitizer used by the
//! CLI, the sandbox, the TUI and plain mode before such text reaches a terminal.
//!
//! A pack title, a scenario's user name or an imported answer may hold escape sequences that
//! clear the screen, set the window title, write the clipboard (OSC 52) or hide a link
//! (OSC 8), or bidirectional controls that reorder what a line appears to say. Such characters
//! are shown escaped as `\u001b`, `\u202e`, never passed on and never silently dropped, so a
//! learner sees that something odd is in the file. The escape is JSON's own: JSON output can
//! only hold such characters inside strings (serde_json already escapes the ASCII ones), where
//! `\uXXXX` means the same character, so cleaning JSON text leaves it exact JSON.
//!
//! Architecture invariant: a leaf module; it uses nothing of ours.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` could move the cursor, recolour, retitle or reorder a terminal line.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Writes `c` as a visible escape in JSON's form, `\u001b` (UTF-16 units; every character
/// escaped here is in the Basic Multilingual Plane).
fn escape_into(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for u in c.encode_utf16(&mut units) {
        // Writing to a String cannot fail.
        let _ = write!(out, "\\u{u:04x}");
    }
}

fn escape_where(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Multi-line text made safe to print: every control character except line feeds and tabs is
/// shown escaped (a carriage return too, since it lets a line overwrite itself).
pub fn clean(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c == '\n' || c == '\t')
}

/// A name or value quoted inside one line of a message: line feeds and tabs are escaped too.
pub fn inline(s: &str) -> Cow<'_, str> {
    escape_where(s, |_| false)
}

/// `s` with each character [`clean`] would escape replaced by `�`: the same number of
/// characters, for text shown under a column marker (an error snippet's underline).
pub fn masked(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// At most `max` characters of `s` made safe for one line, with `…` and the full length when
/// cut: what a message echoes of something the learner typed or a file held.
pub fn excerpt(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max {
        return inline(s).into_owned();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}… ({count} characters)", inline(&cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_drive_a_terminal() {
        assert_eq!(
            clean("a\x1b]52;c;ZXZpbA==\x07b"),
            "a\\u001b]52;c;ZXZpbA==\\u0007b"
        );
        assert_eq!(clean("line\nnext\tcol\r"), "line\nnext\tcol\\u000d");
        assert_eq!(clean("\u{9b}2J"), "\\u009b2J");
        assert_eq!(clean("abc\u{202e}fed"), "abc\\u202efed");
        assert_eq!(inline("two\nlines"), "two\\u000alines");
        assert!(matches!(clean("日本語 ok"), Cow::Borrowed(_)));
    }

    #[test]
    fn excerpts_are_cut_and_say_so() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt(&"x".repeat(30), 5), "xxxxx… (30 characters)");
    }

    #[test]
    fn cleaned_json_is_the_same_value() {
        let v = serde_json::json!({"name": "a\u{9b}b\u{202e}c\u{1b}\nd"});
        let text = serde_json::to_string_pretty(&v).unwrap_or_default();
        let safe = clean(&text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back, v);
    }
}
