//! `--query` read as the AWS CLI reads it. The CLI's JMESPath is Python's `jmespath` package;
//! the sandbox's is the `jmespath` crate, which agrees on what an expression means but not on
//! two things a learner meets:
//!
//! - a backtick literal that is not JSON (`` Tags[?Key==`Name`] ``, the form many tutorials
//!   use) is read by Python's package as a string, as JMESPath's older grammar allowed; the
//!   crate refuses it. Such a literal is handed to the crate as the JSON string it means.
//! - a refused expression is told in Python's words ("Invalid jmespath expression:
//!   Incomplete expression:", "Expecting: star, got: dot: Parse error at column 6, …",
//!   "Bad jmespath expression: Unknown token '='"), with the CLI's caret line, as recorded
//!   from the CLI in `tests/data/cli-errors/recorded.txt` and from Python's package in
//!   `tests/data/query-errors.txt`. (What fails only when the query runs, an unknown
//!   function or a wrong number of arguments, is worded by `account::query`.)
//!
//! The expression is first split into tokens as Python's lexer splits it (so its refusals,
//! found before any parsing, come first, as there); what the crate's parser refuses is then
//! named from the token at the crate's offset.

use serde_json::Value;

/// One token, as Python's lexer names it.
#[derive(Debug, Clone)]
struct Token {
    /// Python's token type, e.g. `unquoted_identifier`, `lbracket`, `eof`.
    kind: &'static str,
    /// The token's text as Python prints it in an error.
    value: String,
    /// Where it starts, in bytes of the expression.
    start: usize,
}

/// What Python's lexer refuses: its message and where (bytes of the expression).
struct LexError {
    message: String,
    start: usize,
}

/// The tokens of `q`, and `q` with every non-JSON backtick literal made the JSON string it
/// means, with the places where the text grew (byte offset in the rewritten text, growth).
struct Lexed {
    tokens: Vec<Token>,
    rewritten: String,
    shifts: Vec<(usize, usize)>,
}

/// Compiles `q` as the AWS CLI would, or says why not in the CLI's words (the part after
/// "Bad value for --query EXPRESSION: ").
pub(super) fn compile(q: &str) -> Result<jmespath::Expression<'static>, String> {
    let lexed = lex(q).map_err(|e| {
        format!(
            "Bad jmespath expression: {}:\n{q}\n{}^",
            e.message,
            " ".repeat(column(q, e.start))
        )
    })?;
    jmespath::compile(&lexed.rewritten).map_err(|e| {
        let offset = lexed
            .shifts
            .iter()
            .filter(|(at, _)| *at < e.offset)
            .fold(e.offset, |o, (_, grew)| o.saturating_sub(*grew));
        parse_error(q, &lexed.tokens, offset, &e.reason.to_string())
    })
}

/// The column Python counts for byte offset `at` of `q` (characters before it).
fn column(q: &str, at: usize) -> usize {
    q.get(..at.min(q.len()))
        .map_or(q.chars().count(), |s| s.chars().count())
}

/// Names what the crate's parser refused at byte `offset`, in Python's words: the reason's
/// kind (`reason`, the crate's text) and the token there decide which of Python's messages
/// it is.
fn parse_error(q: &str, tokens: &[Token], offset: usize, reason: &str) -> String {
    // The token at the crate's offset, or the end.
    let at = tokens
        .iter()
        .position(|t| t.start >= offset)
        .unwrap_or(tokens.len());
    let eof = Token {
        kind: "eof",
        value: String::new(),
        start: q.len(),
    };
    let token = tokens.get(at).unwrap_or(&eof);
    let incomplete = || {
        format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{q}\"\n{}^",
            " ".repeat(column(q, q.len()) + 1)
        )
    };
    let parse = |message: &str, t: &Token| {
        let col = column(q, t.start);
        format!(
            "{message}: Parse error at column {col}, token \"{}\" ({}), for expression:\n\"{q}\"\n{}^",
            t.value,
            t.kind.to_ascii_uppercase(),
            " ".repeat(col + 1)
        )
    };
    let expecting =
        |what: &str, t: &Token| parse(&format!("Expecting: {what}, got: {}", t.kind), t);
    const KEY: &str = "['quoted_identifier', 'unquoted_identifier']";
    const DOT_RHS: &str = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
    // After a dot, Python names what may follow even at the end.
    if reason.contains("Expected identifier, '*', '{', '[', '&', or '[?'") {
        return expecting(DOT_RHS, token);
    }
    if token.kind == "eof" {
        return incomplete();
    }
    if reason.contains("Did not parse the complete expression") {
        parse(&format!("Unexpected token: {}", token.value), token)
    } else if reason.contains("Expected number, ':', or '*'") {
        expecting("star", token)
    } else if reason.contains("Expected Field to start key value pair") {
        expecting(KEY, token)
    } else if reason.contains("Expected ':' to follow key") {
        expecting("colon", token)
    } else if reason.contains("Expected ':', or ']'") {
        expecting("rbracket", token)
    } else if reason.contains("Too many colons in slice expr") {
        parse("syntax error", token)
    } else if reason.contains("Expected '}' or ','") {
        // Python reads on as if a new key began here: a name must be followed by a colon.
        if token.kind.ends_with("identifier") {
            let next = tokens.get(at + 1).unwrap_or(&eof);
            if next.kind == "eof" {
                incomplete()
            } else {
                expecting("colon", next)
            }
        } else {
            expecting(KEY, token)
        }
    } else {
        parse("invalid token", token)
    }
}

/// Splits `q` into tokens as Python's `jmespath` lexer does.
fn lex(q: &str) -> Result<Lexed, LexError> {
    let mut tokens = Vec::new();
    let mut rewritten = String::with_capacity(q.len());
    let mut shifts = Vec::new();
    let mut copied = 0usize;
    let mut chars = q.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let mut two = |kind: &'static str, text: &str| {
            chars.next();
            (kind, text.to_string())
        };
        let (kind, value): (&'static str, String) = match c {
            ' ' | '\t' | '\n' | '\r' => continue,
            'a'..='z' | 'A'..='Z' | '_' => {
                let mut end = start + c.len_utf8();
                while let Some((i, n)) = chars.peek().copied() {
                    if n.is_ascii_alphanumeric() || n == '_' {
                        chars.next();
                        end = i + n.len_utf8();
                    } else {
                        break;
                    }
                }
                (
                    "unquoted_identifier",
                    q.get(start..end).unwrap_or("").to_string(),
                )
            }
            '0'..='9' | '-' => {
                if c == '-' && !next.is_some_and(|n| n.is_ascii_digit()) {
                    return Err(LexError {
                        message: "Unknown token '-'".into(),
                        start,
                    });
                }
                let mut end = start + 1;
                while let Some((i, n)) = chars.peek().copied() {
                    if n.is_ascii_digit() {
                        chars.next();
                        end = i + 1;
                    } else {
                        break;
                    }
                }
                ("number", q.get(start..end).unwrap_or("").to_string())
            }
            '[' if next == Some(']') => two("flatten", "[]"),
            '[' if next == Some('?') => two("filter", "[?"),
            '[' => ("lbracket", "[".into()),
            '&' if next == Some('&') => two("and", "&&"),
            '&' => ("expref", "&".into()),
            '|' if next == Some('|') => two("or", "||"),
            '|' => ("pipe", "|".into()),
            '!' if next == Some('=') => two("ne", "!="),
            '!' => ("not", "!".into()),
            '<' if next == Some('=') => two("lte", "<="),
            '<' => ("lt", "<".into()),
            '>' if next == Some('=') => two("gte", ">="),
            '>' => ("gt", ">".into()),
            '=' if next == Some('=') => two("eq", "=="),
            '=' => {
                return Err(LexError {
                    message: "Unknown token '='".into(),
                    start,
                });
            }
            '.' => ("dot", ".".into()),
            '*' => ("star", "*".into()),
            ']' => ("rbracket", "]".into()),
            ',' => ("comma", ",".into()),
            ':' => ("colon", ":".into()),
            '@' => ("current", "@".into()),
            '(' => ("lparen", "(".into()),
            ')' => ("rparen", ")".into()),
            '{' => ("lbrace", "{".into()),
            '}' => ("rbrace", "}".into()),
            '"' | '\'' | '`' => {
                // Up to the same delimiter not escaped by a backslash.
                let mut end = None;
                let mut escaped = false;
                for (i, n) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if n == '\\' {
                        escaped = true;
                    } else if n == c {
                        end = Some(i);
                        break;
                    }
                }
                let Some(end) = end else {
                    return Err(LexError {
                        message: format!("Unclosed {c} delimiter"),
                        start,
                    });
                };
                let body = q.get(start + 1..end).unwrap_or("");
                match c {
                    '"' => ("quoted_identifier", body.to_string()),
                    '\'' => ("literal", body.to_string()),
                    _ => {
                        let text = body.replace("\\`", "`");
                        if serde_json::from_str::<Value>(&text).is_err() {
                            // Python's package reads a literal that is not JSON as the string
                            // it would be in quotes (leading blanks dropped), when that is JSON.
                            let quoted = format!("\"{}\"", text.trim_start());
                            let Ok(Value::String(s)) = serde_json::from_str::<Value>(&quoted)
                            else {
                                return Err(LexError {
                                    message: format!("Bad token {text}"),
                                    start,
                                });
                            };
                            let json = Value::String(s).to_string().replace('`', "\\`");
                            rewritten.push_str(q.get(copied..start + 1).unwrap_or(""));
                            let grew = json.len().saturating_sub(body.len());
                            shifts.push((rewritten.len(), grew));
                            rewritten.push_str(&json);
                            copied = end;
                        }
                        ("literal", text)
                    }
                }
            }
            other => {
                return Err(LexError {
                    message: format!("Unknown token {other}"),
                    start,
                });
            }
        };
        tokens.push(Token { kind, value, start });
    }
    rewritten.push_str(q.get(copied..).unwrap_or(""));
    Ok(Lexed {
        tokens,
        rewritten,
        shifts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_word_literal_is_the_string_it_means() {
        // As the AWS CLI's JMESPath reads it (recorded from the CLI's Python package).
        let expr = compile("a[?k==`Name`].v").unwrap();
        let data =
            jmespath::Variable::from_json(r#"{"a":[{"k":"Name","v":1},{"k":"x","v":2}]}"#).unwrap();
        assert_eq!(expr.search(data).unwrap().to_string(), "[1]");
    }

    #[test]
    fn a_literal_grown_by_quoting_keeps_later_errors_in_place() {
        let e = compile("a[?k==`Name`] | ,").unwrap_err();
        assert!(e.contains("column 16"), "{e}");
    }
}
