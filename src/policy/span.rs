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

/// Positions of offsets asked for mostly in increasing order (a parser's statements, one
/// after the other), each found by reading on from the last one: no index of every line is
/// built for a text that is asked for a few positions.
#[derive(Debug)]
pub struct Cursor<'t> {
    text: &'t str,
    /// The last offset asked for, its line, and the offset where that line starts.
    at: std::cell::Cell<(usize, u32, usize)>,
}

impl<'t> Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Cursor<'t> {
        Cursor {
            text,
            at: std::cell::Cell::new((0, 1, 0)),
        }
    }

    /// The position of byte `offset`; an offset before the last one asked for reads from the
    /// start again.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let (mut at, mut line, mut start) = self.at.get();
        if offset < at {
            (at, line, start) = (0, 1, 0);
        }
        let bytes = self.text.as_bytes().get(at..offset).unwrap_or_default();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                start = at + i + 1;
            }
        }
        self.at.set((offset, line, start));
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Position {
            line,
            column: column as u32 + 1,
        }
    }
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
    fn positions_without_the_index_are_the_indexed_ones() {
        let text = "{\n  \"a\": \"é\",\n\n  \"b\": 1\n}";
        let index = LineIndex::new(text);
        let cursor = Cursor::new(text);
        for offset in 0..=text.len() + 2 {
            let indexed = index.position(text, offset);
            assert_eq!(
                LineIndex::position_in(text, offset),
                indexed,
                "offset {offset}"
            );
            assert_eq!(cursor.position(offset), indexed, "offset {offset}");
        }
        // Backwards, the cursor reads from the start again.
        for offset in (0..=text.len()).rev() {
            assert_eq!(cursor.position(offset), index.position(text, offset));
        }
    }
}
