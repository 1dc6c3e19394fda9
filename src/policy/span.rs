//! Places in a policy's text: byte spans and the line/column positions shown to people.

use serde::Serialize;

/// A byte range in the policy text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A line and column, both counted from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// The start of every line, to turn byte offsets into positions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    ascii: bool,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            ascii: text.is_ascii(),
        }
    }

    /// The position of byte `offset` of `text` without an index: one pass over the text
    /// before it, for a position asked for once.
    pub fn position_in(text: &str, offset: usize) -> Position {
        let end = offset.min(text.len());
        let before = text.as_bytes().get(..end).unwrap_or_default();
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text.get(start..end).map_or(0, |s| s.chars().count());
        Position {
            line: line as u32,
            column: column as u32 + 1,
        }
    }

    /// The position of byte `offset` of `text`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let end = offset.min(text.len());
        let column = if self.ascii {
            end.saturating_sub(start)
        } else {
            text.get(start..end).map(|s| s.chars().count()).unwrap_or(0)
        };
        Position {
            line: line as u32,
            column: column as u32 + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_without_the_index_is_the_indexed_one() {
        let text = "{\n  \"a\": \"é\",\n\n  \"b\": 1\n}";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                LineIndex::position_in(text, offset),
                index.position(text, offset),
                "offset {offset}"
            );
        }
    }
}
