//! The AWS CLI's shorthand syntax for structure and list parameters
//! (`Key=team,Value=dev`, `Name=x,Values=a,b`, `Key={A=b}`, `Values=[a,b]`), read into an
//! untyped tree first, as the CLI does, and then into JSON by the parameter's shape.

use serde_json::{Map, Value};

use crate::account::service_model::{Kind, Service, ShapeId};

/// What shorthand text says before the shape gives it types.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    /// One value.
    Str(String),
    /// `a,b` after a key, or `[a,b]`.
    List(Vec<Tree>),
    /// `k=v,k2=v2` or `{k=v}`.
    Map(Vec<(String, Tree)>),
}

/// Reads `text` as shorthand. The error is the CLI's: what was expected, what came, and a
/// caret under the place.
pub fn parse(text: &str) -> Result<Tree, String> {
    let mut p = Parser {
        s: text.chars().collect(),
        i: 0,
    };
    let m = p.keyvals(None)?;
    if p.i < p.s.len() {
        return Err(p.expected("EOF"));
    }
    Ok(Tree::Map(m))
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn expected(&self, what: &str) -> String {
        let got = match self.peek() {
            Some(c) => c.to_string(),
            None => "EOF".to_string(),
        };
        format!(
            "Expected: '{what}', received: '{got}' for input:\n {}",
            self.location()
        )
    }

    /// The input with a caret under the place, as the CLI's `ShorthandParseError` shows it:
    /// the caret goes under the line it is on, the rest of the input after it.
    fn location(&self) -> String {
        let before = self.s.get(..self.i).unwrap_or(&self.s);
        let spaces = match before.iter().rposition(|c| *c == '\n') {
            Some(nl) => self.i - nl - 1,
            None => self.i,
        };
        let after = self.s.get(self.i..).unwrap_or_default();
        let split = after
            .iter()
            .position(|c| *c == '\n')
            .map_or(self.s.len(), |n| self.i + n);
        let consumed: String = self.s.get(..split).unwrap_or(&self.s).iter().collect();
        let remaining: String = self.s.get(split..).unwrap_or_default().iter().collect();
        format!("{consumed}\n{}^{remaining}", " ".repeat(spaces))
    }

    /// `key=value` pairs separated by commas, up to `close` (or the end).
    fn keyvals(&mut self, close: Option<char>) -> Result<Vec<(String, Tree)>, String> {
        let mut out = Vec::new();
        loop {
            let key = self.key();
            if self.peek() != Some('=') {
                return Err(self.expected("="));
            }
            self.i += 1;
            let value = self.values(close)?;
            out.push((key, value));
            match self.peek() {
                Some(',') => self.i += 1,
                c if c == close => return Ok(out),
                None => return Ok(out),
                Some(_) => return Err(self.expected(",")),
            }
        }
    }

    fn key(&mut self) -> String {
        let mut k = String::new();
        while let Some(c) = self.peek() {
            if matches!(c, '=' | ',' | '{' | '}' | '[' | ']') {
                break;
            }
            k.push(c);
            self.i += 1;
        }
        k.trim().to_string()
    }

    /// What follows `=`: a hash literal, an explicit list, or one value and any more
    /// comma-separated values that are not the next `key=`.
    fn values(&mut self, close: Option<char>) -> Result<Tree, String> {
        self.skip_space();
        match self.peek() {
            Some('{') => {
                self.i += 1;
                let m = self.keyvals(Some('}'))?;
                if self.peek() != Some('}') {
                    return Err(self.expected("}"));
                }
                self.i += 1;
                Ok(Tree::Map(m))
            }
            Some('[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(']') {
                    self.i += 1;
                    return Ok(Tree::List(items));
                }
                loop {
                    self.skip_space();
                    let item = if self.peek() == Some('{') {
                        self.values(Some(']'))?
                    } else {
                        Tree::Str(self.value(Some(']'))?)
                    };
                    items.push(item);
                    match self.peek() {
                        Some(',') => self.i += 1,
                        Some(']') => {
                            self.i += 1;
                            return Ok(Tree::List(items));
                        }
                        _ => return Err(self.expected("]")),
                    }
                }
            }
            _ => {
                let first = self.value(close)?;
                let mut more = Vec::new();
                while self.peek() == Some(',') && !self.next_is_key() {
                    self.i += 1;
                    more.push(Tree::Str(self.value(close)?));
                }
                if more.is_empty() {
                    Ok(Tree::Str(first))
                } else {
                    more.insert(0, Tree::Str(first));
                    Ok(Tree::List(more))
                }
            }
        }
    }

    /// Whether the text after the comma at the cursor is a `key=`.
    fn next_is_key(&self) -> bool {
        for c in self.s.iter().skip(self.i + 1) {
            match c {
                '=' => return true,
                ',' | '{' | '}' | '[' | ']' => return false,
                _ => {}
            }
        }
        false
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    /// One value: quoted, or everything up to a comma or the closing bracket.
    fn value(&mut self, close: Option<char>) -> Result<String, String> {
        self.skip_space();
        if let Some(q @ ('\'' | '"')) = self.peek() {
            self.i += 1;
            let mut v = String::new();
            loop {
                match self.peek() {
                    None => return Err(self.expected(&q.to_string())),
                    Some('\\') if self.s.get(self.i + 1) == Some(&q) => {
                        v.push(q);
                        self.i += 2;
                    }
                    Some(c) if c == q => {
                        self.i += 1;
                        self.skip_space();
                        return Ok(v);
                    }
                    Some(c) => {
                        v.push(c);
                        self.i += 1;
                    }
                }
            }
        }
        let mut v = String::new();
        while let Some(c) = self.peek() {
            if c == ',' || Some(c) == close {
                break;
            }
            v.push(c);
            self.i += 1;
        }
        Ok(v.trim().to_string())
    }
}

/// The tree as JSON of `shape`: strings become numbers and booleans where the shape says so,
/// one value becomes a one-item list where a list is wanted. What does not fit is kept as it
/// is, for the parameter check to report as the CLI does.
pub fn typed(svc: &Service, shape: ShapeId, t: &Tree) -> Value {
    let s = svc.shape(shape);
    match (&s.kind, t) {
        (Kind::Structure { members, .. }, Tree::Map(pairs)) => {
            let mut m = Map::new();
            for (k, v) in pairs {
                let value = match members.iter().find(|m| &m.name == k) {
                    Some(member) => typed(svc, member.shape, v),
                    None => untyped(v),
                };
                m.insert(k.clone(), value);
            }
            Value::Object(m)
        }
        (Kind::Map { value, .. }, Tree::Map(pairs)) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), typed(svc, *value, v)))
                .collect(),
        ),
        (Kind::List(member), Tree::List(items)) => {
            Value::Array(items.iter().map(|i| typed(svc, *member, i)).collect())
        }
        (Kind::List(member), one) => Value::Array(vec![typed(svc, *member, one)]),
        (Kind::Integer | Kind::Long, Tree::Str(v)) => v
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(v.clone())),
        (Kind::Double, Tree::Str(v)) => v
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(v.clone())),
        (Kind::Boolean, Tree::Str(v)) if v.eq_ignore_ascii_case("true") => Value::Bool(true),
        (Kind::Boolean, Tree::Str(v)) if v.eq_ignore_ascii_case("false") => Value::Bool(false),
        (_, t) => untyped(t),
    }
}

fn untyped(t: &Tree) -> Value {
    match t {
        Tree::Str(s) => Value::String(s.clone()),
        Tree::List(items) => Value::Array(items.iter().map(untyped).collect()),
        Tree::Map(pairs) => {
            Value::Object(pairs.iter().map(|(k, v)| (k.clone(), untyped(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Tree {
        Tree::Str(v.into())
    }

    #[test]
    fn pairs_lists_and_nesting() {
        assert_eq!(
            parse("Key=a,Value=b").unwrap(),
            Tree::Map(vec![("Key".into(), s("a")), ("Value".into(), s("b"))])
        );
        assert_eq!(
            parse("Name=tag:team,Values=a,b").unwrap(),
            Tree::Map(vec![
                ("Name".into(), s("tag:team")),
                ("Values".into(), Tree::List(vec![s("a"), s("b")]))
            ])
        );
        assert_eq!(
            parse("A={B=c},D=[e,f]").unwrap(),
            Tree::Map(vec![
                ("A".into(), Tree::Map(vec![("B".into(), s("c"))])),
                ("D".into(), Tree::List(vec![s("e"), s("f")]))
            ])
        );
        assert_eq!(
            parse("Key='a,b'").unwrap(),
            Tree::Map(vec![("Key".into(), s("a,b"))])
        );
    }

    #[test]
    fn a_word_without_equals_is_the_clis_error() {
        assert_eq!(
            parse("Foo").unwrap_err(),
            "Expected: '=', received: 'EOF' for input:\n Foo\n   ^"
        );
    }
}
