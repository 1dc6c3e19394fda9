//! A one-line text field with a caret and the readline keys every shell user's fingers know:
//! Ctrl+A / Ctrl+E (start, end), Ctrl+U / Ctrl+K (delete to start, to end), Ctrl+W (delete
//! the word before the caret), Alt+B / Alt+F (a word back, forward), ← → Home End, Backspace
//! and Delete. Used by the sandbox console and the answer fields. Pure: no drawing here.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The text and where the caret is (a char index, 0..=len).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    caret: usize,
}

impl LineEdit {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The caret, as a char index.
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the text, the caret at its end (as recalling history does).
    pub fn set(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.caret = self.len();
    }

    /// Takes the text out, leaving the field empty.
    pub fn take(&mut self) -> String {
        self.caret = 0;
        std::mem::take(&mut self.text)
    }

    /// Adds text at the end (the caret moves there), as completion does.
    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.caret = self.len();
    }

    /// Cuts the text to `chars` characters.
    pub fn truncate_chars(&mut self, chars: usize) {
        self.text = self.text.chars().take(chars).collect();
        self.caret = self.caret.min(self.len());
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of char index `i` (the end when past it).
    fn byte(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts a character at the caret.
    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.caret);
        self.text.insert(at, c);
        self.caret += 1;
    }

    fn remove_range(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.caret = from;
    }

    /// Where the word before the caret starts (spaces before it skipped).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.caret;
        while i > 0 && chars.get(i - 1).is_some_and(|c| c.is_whitespace()) {
            i -= 1;
        }
        while i > 0 && chars.get(i - 1).is_some_and(|c| !c.is_whitespace()) {
            i -= 1;
        }
        i
    }

    /// Where the word after the caret ends.
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.caret;
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        while chars.get(i).is_some_and(|c| !c.is_whitespace()) {
            i += 1;
        }
        i
    }

    /// Handles an editing key; false when the key is not one (the caller may use it).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('a') if ctrl => self.caret = 0,
            KeyCode::Char('e') if ctrl => self.caret = self.len(),
            KeyCode::Char('u') if ctrl => self.remove_range(0, self.caret),
            KeyCode::Char('k') if ctrl => self.remove_range(self.caret, self.len()),
            KeyCode::Char('w') if ctrl => self.remove_range(self.word_start(), self.caret),
            KeyCode::Char('b') if alt => self.caret = self.word_start(),
            KeyCode::Char('f') if alt => self.caret = self.word_end(),
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c),
            KeyCode::Left => self.caret = self.caret.saturating_sub(1),
            KeyCode::Right => self.caret = (self.caret + 1).min(self.len()),
            KeyCode::Home => self.caret = 0,
            KeyCode::End => self.caret = self.len(),
            KeyCode::Backspace if self.caret > 0 => self.remove_range(self.caret - 1, self.caret),
            KeyCode::Backspace => {}
            KeyCode::Delete if self.caret < self.len() => {
                self.remove_range(self.caret, self.caret + 1)
            }
            KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    /// The text around the caret that fits `width` display columns with the caret mark:
    /// (before the caret, after it), the start cut with `…` when the caret is far right, the
    /// end cut with `…` when the rest of the line does not fit after the caret.
    pub fn view(&self, width: usize) -> (String, String) {
        use unicode_width::UnicodeWidthChar;
        let chars: Vec<char> = self.text.chars().collect();
        let before: Vec<char> = chars.iter().take(self.caret).copied().collect();
        let after: String = chars.iter().skip(self.caret).collect();
        let w = |cs: &[char]| cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
        // Keep the caret (one column) in view; cut from the left as needed.
        let room = width.saturating_sub(1);
        if w(&before) <= room {
            let left = room - w(&before);
            return (
                before.into_iter().collect(),
                crate::text::ellipsis(&after, left),
            );
        }
        // From the caret leftwards, as many characters as fit beside the `…`.
        let mut start = before.len();
        let mut cols = 0;
        while start > 0 {
            let cw = before.get(start - 1).and_then(|c| c.width()).unwrap_or(0);
            if cols + cw + 1 > room {
                break;
            }
            cols += cw;
            start -= 1;
        }
        let shown: String = before.get(start..).unwrap_or(&[]).iter().collect();
        let left = room.saturating_sub(cols + 1);
        (format!("…{shown}"), crate::text::ellipsis(&after, left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn typed(s: &str) -> LineEdit {
        let mut l = LineEdit::default();
        for c in s.chars() {
            l.insert(c);
        }
        l
    }

    #[test]
    fn readline_keys_edit_around_the_caret() {
        let c = KeyModifiers::CONTROL;
        let a = KeyModifiers::ALT;
        let mut l = typed("aws iam list-users");
        l.key(k(KeyCode::Char('w'), c));
        assert_eq!(l.as_str(), "aws iam ");
        l.key(k(KeyCode::Char('a'), c));
        l.key(k(KeyCode::Char('f'), a));
        assert_eq!(l.caret(), 3);
        l.key(k(KeyCode::Char('k'), c));
        assert_eq!(l.as_str(), "aws");
        l.key(k(KeyCode::Char('e'), c));
        for ch in " sts get-caller-identity".chars() {
            l.insert(ch);
        }
        l.key(k(KeyCode::Char('b'), a));
        l.key(k(KeyCode::Char('u'), c));
        assert_eq!(l.as_str(), "get-caller-identity");
        assert_eq!(l.caret(), 0);
        l.key(k(KeyCode::Right, KeyModifiers::NONE));
        l.key(k(KeyCode::Backspace, KeyModifiers::NONE));
        l.key(k(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(l.as_str(), "t-caller-identity");
        assert!(!l.key(k(KeyCode::Enter, KeyModifiers::NONE)));
    }

    #[test]
    fn multibyte_text_and_a_narrow_view() {
        let mut l = typed("ユーザー名");
        l.key(k(KeyCode::Left, KeyModifiers::NONE));
        l.insert('の');
        assert_eq!(l.as_str(), "ユーザーの名");
        let (before, after) = typed(&"x".repeat(50)).view(20);
        assert!(before.starts_with('…'), "{before}");
        assert!(before.chars().count() <= 20);
        assert_eq!(after, "");
        // The caret at the start of a long line: its end is cut with `…` (trial TE-7).
        let mut l = typed(&format!("aws iam {}", "y".repeat(40)));
        l.key(k(KeyCode::Char('a'), KeyModifiers::CONTROL));
        let (before, after) = l.view(20);
        assert_eq!(before, "");
        assert!(after.ends_with('…'), "{after}");
        assert!(crate::text::width(&after) <= 19, "{after}");
    }
}
