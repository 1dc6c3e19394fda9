//! Finding the members of a JSON object without building them: the catalog's top level and
//! its `services` object are split into (key, byte range) pairs so that each service can be
//! parsed by serde only when a policy names it.
//!
//! This only skims: it trusts the text to be JSON (every range it returns is parsed by serde
//! later, which checks it) and refuses, rather than guesses, when the text does not look like an
//! object.

use std::borrow::Cow;
use std::ops::Range;

/// One `"key": value` of an object: the key (unescaped) and the byte range of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Member<'t> {
    /// The key.
    pub key: Cow<'t, str>,
    /// Where the value is.
    pub value: Range<usize>,
}

/// Why a text could not be skimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ScanError {
    /// The byte where skimming stopped.
    pub at: usize,
    /// What was expected there.
    pub expected: &'static str,
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.at)
    }
}

/// The members of the object whose value occupies `range` of `text`, in order.
pub(super) fn members(text: &str, range: Range<usize>) -> Result<Vec<Member<'_>>, ScanError> {
    let b = text.as_bytes();
    let end = range.end.min(b.len());
    let mut i = skip_ws(b, range.start);
    if b.get(i) != Some(&b'{') {
        return Err(ScanError {
            at: i,
            expected: "`{`",
        });
    }
    i = skip_ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        return Ok(out);
    }
    while i < end {
        if b.get(i) != Some(&b'"') {
            return Err(ScanError {
                at: i,
                expected: "a key",
            });
        }
        let key_end = skip_string(b, i)?;
        let raw = text.get(i + 1..key_end - 1).ok_or(ScanError {
            at: i,
            expected: "a key",
        })?;
        let key = if raw.contains('\\') {
            let quoted = text.get(i..key_end).unwrap_or_default();
            Cow::Owned(
                serde_json::from_str::<String>(quoted).map_err(|_| ScanError {
                    at: i,
                    expected: "a valid key",
                })?,
            )
        } else {
            Cow::Borrowed(raw)
        };
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return Err(ScanError {
                at: i,
                expected: "`:`",
            });
        }
        let start = skip_ws(b, i + 1);
        let stop = skip_value(b, start)?;
        out.push(Member {
            key,
            value: start..stop,
        });
        i = skip_ws(b, stop);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return Ok(out),
            _ => {
                return Err(ScanError {
                    at: i,
                    expected: "`,` or `}`",
                });
            }
        }
    }
    Err(ScanError {
        at: end,
        expected: "`}`",
    })
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The byte after the string that starts (with its quote) at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Result<usize, ScanError> {
    let err = ScanError {
        at: i,
        expected: "the end of a string",
    };
    i += 1;
    loop {
        let rest = b.get(i..).ok_or(err.clone())?;
        let rel = rest
            .iter()
            .position(|&c| c == b'"' || c == b'\\')
            .ok_or(err.clone())?;
        i += rel;
        if b.get(i) == Some(&b'\\') {
            i += 2;
        } else {
            return Ok(i + 1);
        }
    }
}

/// The byte after the value that starts at `i`.
fn skip_value(b: &[u8], mut i: usize) -> Result<usize, ScanError> {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            loop {
                let rest = b.get(i..).unwrap_or_default();
                let Some(rel) = rest
                    .iter()
                    .position(|&c| matches!(c, b'"' | b'{' | b'}' | b'[' | b']'))
                else {
                    return Err(ScanError {
                        at: b.len(),
                        expected: "the end of an object or list",
                    });
                };
                i += rel;
                match b.get(i) {
                    Some(b'"') => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    Some(b'{') | Some(b'[') => depth += 1,
                    _ => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Ok(i + 1);
                        }
                    }
                }
                i += 1;
            }
        }
        Some(_) => {
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
            {
                i += 1;
            }
            Ok(i)
        }
        None => Err(ScanError {
            at: i,
            expected: "a value",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_members_with_nesting_strings_and_escapes() {
        let text = r#" { "a" : {"x": "}{", "y": [1, {"z": "\"]"}]}, "b\u0041": 12 , "c": "s" } "#;
        let m = members(text, 0..text.len());
        let m = m.unwrap_or_default();
        let got: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (&*m.key, text.get(m.value.clone()).unwrap_or("?")))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", r#"{"x": "}{", "y": [1, {"z": "\"]"}]}"#),
                ("bA", "12"),
                ("c", "\"s\"")
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_an_object() {
        assert!(members("[1]", 0..3).is_err());
        assert!(members("{\"a\" 1}", 0..7).is_err());
        assert!(members("{\"a\": {", 0..7).is_err());
        assert_eq!(members("{}", 0..2), Ok(vec![]));
    }
}
