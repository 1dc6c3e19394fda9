//! Where a finding is: the element path (`Statement`, `0`, `Action`, `1`) and the span in the
//! text, in Access Analyzer's conventions — line from 1, column from 0, offset from 0, columns
//! and offsets counted in characters (the API reference's `Position`:
//! <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_Position.html>).
//!
//! The parser's spans are byte ranges; this turns them into positions, and tells from the text
//! whether an element was written as a list or as a single value (a list item gets an index
//! in the path, a single value does not, as in Access Analyzer's output).

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};
use serde::Serialize;

use crate::policy::{Span, Statement};

/// One step of a path into the policy document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PathElement {
    /// An element name or key, e.g. `Statement`, `Action`, `StringEquals`, `aws:SourceIp`.
    Value(String),
    /// An index in a list.
    Index(usize),
}

/// A place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextPosition {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 0.
    pub column: u32,
    /// Characters from the start of the text, from 0.
    pub offset: u32,
}

/// A range of text: `start` up to, not including, `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// The first character.
    pub start: TextPosition,
    /// One past the last character.
    pub end: TextPosition,
}

/// A finding's place: the element path and the span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The path to the element.
    pub path: Vec<PathElement>,
    /// Where it is.
    pub span: TextSpan,
}

impl Location {
    /// The path as text, e.g. `Statement[0].Condition.StringEquals.aws:SourceIp`.
    pub fn path_string(&self) -> String {
        path_string(&self.path)
    }
}

/// Renders a path as `Statement[0].Action[1]`.
pub fn path_string(path: &[PathElement]) -> String {
    let mut s = String::new();
    for p in path {
        match p {
            PathElement::Value(v) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(v);
            }
            PathElement::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    s
}

/// Turns the parser's path string (`Statement[1].Condition.StringEquals.aws:SourceIp`) into
/// path elements. A condition key may hold dots, so everything after the operator is the key.
pub fn parse_path(path: &str) -> Vec<PathElement> {
    let mut out = Vec::new();
    if path.is_empty() {
        return out;
    }
    let mut rest = path;
    let mut after_condition = 0u8;
    while !rest.is_empty() {
        let (token, next) = if after_condition == 2 {
            (rest, "")
        } else {
            match rest.split_once('.') {
                Some((t, n)) => (t, n),
                None => (rest, ""),
            }
        };
        let mut name = token;
        let mut indices = Vec::new();
        if after_condition < 2 {
            while let Some(open) = name.rfind('[') {
                let Some(i) = name
                    .get(open + 1..name.len().saturating_sub(1))
                    .and_then(|n| n.parse::<usize>().ok())
                else {
                    break;
                };
                if !name.ends_with(']') {
                    break;
                }
                indices.push(i);
                name = name.get(..open).unwrap_or_default();
            }
        }
        out.push(PathElement::Value(name.to_string()));
        out.extend(indices.into_iter().rev().map(PathElement::Index));
        if after_condition > 0 {
            after_condition += 1;
        }
        if name == "Condition" && after_condition == 0 {
            after_condition = 1;
        }
        rest = next;
    }
    out
}

/// Positions and paths for one policy text.
pub(crate) struct Locator<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    ascii: bool,
}

impl<'t> Locator<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Locator<'t> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Locator {
            text,
            line_starts,
            ascii: text.is_ascii(),
        }
    }

    /// The position of byte `offset`.
    pub fn position(&self, offset: usize) -> TextPosition {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|s| *s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let count = |a: usize, b: usize| -> usize {
            if self.ascii {
                b.saturating_sub(a)
            } else {
                self.text.get(a..b).map(|s| s.chars().count()).unwrap_or(0)
            }
        };
        TextPosition {
            line: line as u32,
            column: count(start, offset) as u32,
            offset: count(0, offset) as u32,
        }
    }

    /// The span of a byte range.
    pub fn span(&self, span: Span) -> TextSpan {
        TextSpan {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    /// A location from a path and a byte range.
    pub fn at(&self, path: Vec<PathElement>, span: Span) -> Location {
        Location {
            path,
            span: self.span(span),
        }
    }

    /// The whole document, without surrounding white space.
    pub fn document(&self) -> Span {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        Span { start, end }
    }

    /// True when the value starting at byte `start` is an item of a JSON list (the text
    /// before it, white space aside, is `[` or `,`).
    pub fn is_list_item(&self, start: usize) -> bool {
        let before = self.text.get(..start).unwrap_or_default().trim_end();
        before.ends_with('[') || before.ends_with(',')
    }

    /// The path of a statement: `Statement[i]`, or `Statement` when the policy holds a single
    /// statement object.
    pub fn statement_path(&self, st: &Statement) -> Vec<PathElement> {
        let mut p = vec![PathElement::Value("Statement".into())];
        if self.is_list_item(st.span.start) {
            p.push(PathElement::Index(st.index));
        }
        p
    }

    /// The path of item `j` of element `elem` of a statement, whose value starts at byte
    /// `start`.
    pub fn item_path(
        &self,
        st: &Statement,
        elem: &str,
        j: usize,
        start: usize,
    ) -> Vec<PathElement> {
        let mut p = self.statement_path(st);
        p.push(PathElement::Value(elem.into()));
        if self.is_list_item(start) {
            p.push(PathElement::Index(j));
        }
        p
    }

    /// The spans of a statement's element `name`: its key and its value.
    pub fn element(&self, st: &Statement, name: &str) -> Option<(Span, Span)> {
        let slice = self.text.get(st.span.start..st.span.end)?;
        let opts = ParseOptions::default();
        let collect = CollectOptions {
            comments: CommentCollectionStrategy::Off,
            tokens: false,
        };
        let ast = parse_to_ast(slice, &collect, &opts).ok()?;
        let Some(Value::Object(obj)) = ast.value else {
            return None;
        };
        let prop = obj.properties.iter().find(|p| p.name.as_str() == name)?;
        let shift = |r: jsonc_parser::common::Range| Span {
            start: st.span.start + r.start,
            end: st.span.start + r.end,
        };
        Some((shift(prop.name.range()), shift(prop.value.range())))
    }

    /// The location of a statement's element key (`"NotAction"`), or of the statement when
    /// it cannot be found.
    pub fn element_key(&self, st: &Statement, name: &str) -> Location {
        let mut path = self.statement_path(st);
        path.push(PathElement::Value(name.into()));
        let span = self.element(st, name).map(|(k, _)| k).unwrap_or(st.span);
        self.at(path, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_paths_become_elements() {
        let p = parse_path(
            "Statement[1].Condition.StringEquals.token.actions.githubusercontent.com:sub",
        );
        assert_eq!(
            path_string(&p),
            "Statement[1].Condition.StringEquals.token.actions.githubusercontent.com:sub"
        );
        assert_eq!(p.len(), 5);
        assert_eq!(p.get(1), Some(&PathElement::Index(1)));
        assert_eq!(
            parse_path("Statement.Action"),
            vec![
                PathElement::Value("Statement".into()),
                PathElement::Value("Action".into())
            ]
        );
        assert!(parse_path("").is_empty());
    }

    #[test]
    fn positions_count_characters_from_zero() {
        let l = Locator::new("ab\n日本x");
        assert_eq!(
            l.position(0),
            TextPosition {
                line: 1,
                column: 0,
                offset: 0
            }
        );
        // "x" is byte 9 (two 3-byte characters after the newline at byte 2).
        assert_eq!(
            l.position(9),
            TextPosition {
                line: 2,
                column: 2,
                offset: 5
            }
        );
    }
}
