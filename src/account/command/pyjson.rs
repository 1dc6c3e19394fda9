//! Where and how Python's `json` module refuses a text, in its own words: the AWS CLI is
//! written in Python and echoes `json.loads`'s error (`Expecting value: line 1 column 9
//! (char 8)`) when a parameter's JSON does not parse. The sandbox parses with `serde_json`;
//! when that fails, this scanner walks the text as Python's decoder does (strict mode) and
//! names the first mistake as Python would.

/// Python's error for `text`, or `None` when Python's decoder would find none (a text only
/// `serde_json` refuses, such as one holding `NaN`).
pub fn error(text: &str) -> Option<String> {
    let s: Vec<char> = text.chars().collect();
    let (what, pos) = first_error(&s)?;
    let before = s.get(..pos).unwrap_or(&s);
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let column = match before.iter().rposition(|c| *c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    Some(format!("{what}: line {line} column {column} (char {pos})"))
}

/// The message and character position of the first mistake.
type Refusal = (String, usize);

fn first_error(s: &[char]) -> Option<Refusal> {
    let start = ws(s, 0);
    match value(s, start) {
        Err(e) => Some(e),
        Ok(end) => {
            let end = ws(s, end);
            (end != s.len()).then(|| ("Extra data".to_string(), end))
        }
    }
}

fn is_ws(c: Option<&char>) -> bool {
    matches!(c, Some(' ' | '\t' | '\n' | '\r'))
}

fn ws(s: &[char], mut i: usize) -> usize {
    while is_ws(s.get(i)) {
        i += 1;
    }
    i
}

fn refuse<T>(what: &str, at: usize) -> Result<T, Refusal> {
    Err((what.to_string(), at))
}

fn starts(s: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, c)| s.get(i + k) == Some(&c))
}

/// One value starting at `i` (Python's `scan_once`): the position after it.
fn value(s: &[char], i: usize) -> Result<usize, Refusal> {
    match s.get(i) {
        Some('"') => string(s, i + 1),
        Some('{') => object(s, i + 1),
        Some('[') => array(s, i + 1),
        Some(_) => {
            for word in ["null", "true", "false", "NaN", "Infinity", "-Infinity"] {
                if starts(s, i, word) {
                    return Ok(i + word.chars().count());
                }
            }
            number(s, i).map_or_else(|| refuse("Expecting value", i), Ok)
        }
        None => refuse("Expecting value", i),
    }
}

/// Python's number pattern, `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, at `i`.
fn number(s: &[char], i: usize) -> Option<usize> {
    let digit = |j: usize| s.get(j).is_some_and(char::is_ascii_digit);
    let mut j = i;
    if s.get(j) == Some(&'-') {
        j += 1;
    }
    match s.get(j) {
        Some('0') => j += 1,
        Some('1'..='9') => {
            while digit(j) {
                j += 1;
            }
        }
        _ => return None,
    }
    if s.get(j) == Some(&'.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            j += 1;
        }
    }
    if matches!(s.get(j), Some('e' | 'E')) {
        let mut k = j + 1;
        if matches!(s.get(k), Some('+' | '-')) {
            k += 1;
        }
        if digit(k) {
            while digit(k) {
                k += 1;
            }
            j = k;
        }
    }
    Some(j)
}

/// A string whose opening quote is at `i - 1` (Python's `scanstring`, strict).
fn string(s: &[char], i: usize) -> Result<usize, Refusal> {
    let begin = i - 1;
    let mut j = i;
    loop {
        match s.get(j) {
            None => return refuse("Unterminated string starting at", begin),
            Some('"') => return Ok(j + 1),
            Some('\\') => match s.get(j + 1) {
                None => return refuse("Unterminated string starting at", begin),
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => j += 2,
                Some('u') => {
                    let hex = (2..6).all(|k| s.get(j + k).is_some_and(char::is_ascii_hexdigit));
                    if !hex {
                        return refuse("Invalid \\uXXXX escape", j + 1);
                    }
                    j += 6;
                }
                Some(_) => return refuse("Invalid \\escape", j),
            },
            Some(c) if (*c as u32) < 0x20 => return refuse("Invalid control character at", j),
            Some(_) => j += 1,
        }
    }
}

/// An object whose `{` is at `i - 1` (Python's `JSONObject`).
fn object(s: &[char], i: usize) -> Result<usize, Refusal> {
    let mut end = ws(s, i);
    match s.get(end) {
        Some('}') => return Ok(end + 1),
        Some('"') => {}
        _ => return refuse("Expecting property name enclosed in double quotes", end),
    }
    loop {
        end = string(s, end + 1)?;
        end = ws(s, end);
        if s.get(end) != Some(&':') {
            return refuse("Expecting ':' delimiter", end);
        }
        end = ws(s, end + 1);
        end = value(s, end)?;
        end = ws(s, end);
        match s.get(end) {
            Some('}') => return Ok(end + 1),
            Some(',') => {}
            _ => return refuse("Expecting ',' delimiter", end),
        }
        end = ws(s, end + 1);
        if s.get(end) != Some(&'"') {
            return refuse("Expecting property name enclosed in double quotes", end);
        }
    }
}

/// An array whose `[` is at `i - 1` (Python's `JSONArray`).
fn array(s: &[char], i: usize) -> Result<usize, Refusal> {
    let mut end = ws(s, i);
    if s.get(end) == Some(&']') {
        return Ok(end + 1);
    }
    loop {
        end = value(s, end)?;
        end = ws(s, end);
        match s.get(end) {
            Some(']') => return Ok(end + 1),
            Some(',') => {}
            _ => return refuse("Expecting ',' delimiter", end),
        }
        end = ws(s, end + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::error;

    // Each expectation is what Python 3.11's `json.loads` says for the text.
    #[test]
    fn names_the_mistake_as_python_does() {
        let cases = [
            ("{\"Name\":", "Expecting value: line 1 column 9 (char 8)"),
            ("", "Expecting value: line 1 column 1 (char 0)"),
            (
                "{",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            (
                "{\"a\"",
                "Expecting ':' delimiter: line 1 column 5 (char 4)",
            ),
            (
                "{\"a\":1",
                "Expecting ',' delimiter: line 1 column 7 (char 6)",
            ),
            (
                "{\"a\":1,}",
                "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            ),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            (
                "{\"a\":\"b",
                "Unterminated string starting at: line 1 column 6 (char 5)",
            ),
            ("{} x", "Extra data: line 1 column 4 (char 3)"),
            (
                "{\n  \"a\": tru\n}",
                "Expecting value: line 2 column 8 (char 9)",
            ),
            (
                "{'a': 1}",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            ("[\"\\x\"]", "Invalid \\escape: line 1 column 3 (char 2)"),
        ];
        for (text, want) in cases {
            assert_eq!(error(text).as_deref(), Some(want), "{text:?}");
        }
        assert_eq!(error("[NaN, 1e5, -0.5]"), None);
    }
}
