//! The glossary panel's state: the terms of every loaded pack (a lesson step's linked terms
//! first), the filter the learner types and which terms it leaves. Gathered once when the
//! panel opens; drawing (`panel_view::glossary`) only reads it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Body, Panel};
use crate::lesson::glossary::Term;

/// The longest filter, in characters (a term is at most 80).
const MAX_FILTER: usize = 80;

/// What the glossary panel lists.
#[derive(Debug, Clone, Default)]
pub struct GlossaryList {
    /// Every term once: the step's linked terms first, then the packs' in order.
    pub terms: Vec<Term>,
    /// How many of the first terms are the step's linked terms.
    pub pinned: usize,
    /// The filter (empty: every term).
    pub filter: String,
    /// The learner is typing the filter: keys are text.
    pub typing: bool,
    /// The terms the filter leaves, as indices into `terms`: names that match first.
    pub shown: Vec<usize>,
}

impl GlossaryList {
    /// A list of `terms`, the first `pinned` of them the step's.
    pub fn new(terms: Vec<Term>, pinned: usize) -> GlossaryList {
        let mut g = GlossaryList {
            pinned: pinned.min(terms.len()),
            terms,
            ..GlossaryList::default()
        };
        g.refilter();
        g
    }

    /// The same list with `filter` set (as if typed).
    pub fn filtered(mut self, filter: &str) -> GlossaryList {
        self.filter = filter.to_string();
        self.refilter();
        self
    }

    /// Recomputes `shown` from the filter: terms whose id or name matches, then those whose
    /// definition does, each in list order (see `Term::rank`).
    fn refilter(&mut self) {
        let mut ranked: Vec<(u8, usize)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.rank(&self.filter).map(|r| (r, i)))
            .collect();
        ranked.sort_unstable();
        self.shown = ranked.into_iter().map(|(_, i)| i).collect();
    }

    /// The term on row `row` of the list as filtered.
    pub fn at(&self, row: usize) -> Option<&Term> {
        self.shown.get(row).and_then(|i| self.terms.get(*i))
    }

    /// Whether the term at index `i` of `terms` is one of the step's.
    pub fn is_pinned(&self, i: usize) -> bool {
        i < self.pinned
    }
}

impl Panel {
    /// `/` in the glossary: keys now type the filter.
    pub fn start_filter(&mut self) {
        if let Body::Glossary(g) = &mut self.body {
            g.typing = true;
            self.detail = false;
        }
    }

    /// A key while the glossary's filter is being typed; false when the panel is not typing
    /// a filter or the filter does not take the key (it is then the keymap's). Characters are
    /// text; Enter keeps the filter and returns to the list, Esc clears it; the arrows still
    /// move the selection.
    pub fn filter_key(&mut self, key: &KeyEvent) -> bool {
        let Body::Glossary(g) = &mut self.body else {
            return false;
        };
        if !g.typing {
            return false;
        }
        let before = g.filter.clone();
        match key.code {
            KeyCode::Enter => g.typing = false,
            KeyCode::Esc => {
                g.typing = false;
                g.filter.clear();
            }
            KeyCode::Backspace => {
                g.filter.pop();
            }
            KeyCode::Char(c)
                if !key.modifiers.contains(KeyModifiers::CONTROL)
                    && g.filter.chars().count() < MAX_FILTER =>
            {
                g.filter.push(c);
            }
            KeyCode::Up => self.step(-1),
            KeyCode::Down => self.step(1),
            // Any other key (F1, Tab, PgUp…) is the keymap's, as when not typing.
            _ => return false,
        }
        if let Body::Glossary(g) = &mut self.body
            && g.filter != before
        {
            g.refilter();
            self.cursor = 0;
            self.scroll = 0;
        }
        true
    }
}
