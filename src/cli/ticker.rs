//! The line on standard error that says what a long command is doing (`iamdojo audit`
//! reading a large account, then each control): written over itself, erased when the command
//! ends, and written only to a terminal, so that a pipe or a file never receives it.

use std::io::{self, IsTerminal, Write};

use crate::printable;
use crate::text;

/// Erases the line the cursor is on and returns to its start.
const ERASE: &str = "\r\x1b[2K";

/// A progress line on `out`, or nothing when `out` is `None` (not a terminal).
pub(crate) struct Ticker<W: Write> {
    out: Option<W>,
    /// The terminal's width: a longer line would wrap, and `\r` would erase only its end.
    cells: usize,
    shown: bool,
}

impl Ticker<io::Stderr> {
    /// On standard error when it is a terminal; silent otherwise.
    pub(crate) fn on_stderr() -> Self {
        let err = io::stderr();
        // A pseudo-terminal that was never given a size says 0 columns.
        let cells = crate::tui::terminal_columns()
            .filter(|&w| w > 0)
            .map_or(80, usize::from);
        Ticker::new(err.is_terminal().then_some(err), cells)
    }
}

impl<W: Write> Ticker<W> {
    /// On `out` (`None`: silent), for a terminal `cells` wide.
    pub(crate) fn new(out: Option<W>, cells: usize) -> Self {
        Ticker {
            out,
            cells,
            shown: false,
        }
    }

    /// Shows `line` in place of the last one: control characters from files are made
    /// visible, and the line is cut to the terminal's width (one cell is kept free for the
    /// cursor).
    pub(crate) fn say(&mut self, line: &str) {
        let shown = text::ellipsis(&printable::inline(line), self.cells.saturating_sub(1));
        self.write(&format!("{ERASE}{shown}"));
        self.shown = self.out.is_some();
    }

    /// Erases the line; the command's own output follows on a clean line.
    pub(crate) fn done(&mut self) {
        if self.shown {
            self.write(ERASE);
            self.shown = false;
        }
    }

    /// A progress line that cannot be written is not worth stopping the command for, and
    /// there is nowhere else to say so: the line stops, and the command's own output and
    /// errors go on as before.
    fn write(&mut self, s: &str) {
        if let Some(w) = &mut self.out
            && (w.write_all(s.as_bytes()).is_err() || w.flush().is_err())
        {
            self.out = None;
        }
    }

    /// The writer, for tests.
    #[cfg(test)]
    fn into_inner(mut self) -> Option<W> {
        self.out.take()
    }
}

impl<W: Write> Drop for Ticker<W> {
    fn drop(&mut self) {
        self.done();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: Ticker<Vec<u8>>) -> String {
        let mut t = t;
        t.done();
        String::from_utf8(t.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn a_silent_ticker_writes_nothing() {
        let mut t: Ticker<Vec<u8>> = Ticker::new(None, 80);
        t.say("reading a.json…");
        t.done();
        assert!(t.into_inner().is_none());
    }

    #[test]
    fn each_line_erases_the_last_and_the_end_erases_the_line() {
        let mut t = Ticker::new(Some(Vec::new()), 80);
        t.say("reading a.json…");
        t.say("checking IAM.1 (1/30)…");
        assert_eq!(
            shown(t),
            "\r\x1b[2Kreading a.json…\r\x1b[2Kchecking IAM.1 (1/30)…\r\x1b[2K"
        );
    }

    #[test]
    fn nothing_is_erased_when_nothing_was_shown() {
        let t = Ticker::new(Some(Vec::new()), 80);
        assert_eq!(shown(t), "");
    }

    #[test]
    fn a_line_fits_the_terminal_and_control_characters_are_made_visible() {
        let mut t = Ticker::new(Some(Vec::new()), 12);
        t.say("reading \x1b[31mevil-name-that-is-long.json");
        let s = shown(t);
        let line = s
            .trim_start_matches(ERASE)
            .trim_end_matches(ERASE)
            .to_string();
        assert!(!line.contains('\x1b'), "{line:?}");
        assert!(text::width(&line) <= 11, "{line:?}");
    }

    /// A writer that refuses everything.
    struct Broken;
    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("gone"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::other("gone"))
        }
    }

    #[test]
    fn a_line_that_cannot_be_written_stops_the_ticker() {
        let mut t = Ticker::new(Some(Broken), 80);
        t.say("reading a.json…");
        assert!(t.into_inner().is_none());
    }
}
