//! What the glossary panel lists, gathered when it opens: the terms the step on screen links
//! to first (so that a learner who meets a linked word finds it at the top), then every term
//! of every loaded pack and of the built-in course, each id once.

use super::App;
use crate::lesson::glossary::Term;
use crate::lesson::load::built_in_glossary;
use crate::tui::panel::glossary::GlossaryList;

impl App {
    /// The terms the step on screen links to (`[text](glossary:ID)`), resolved in its pack,
    /// in the order the learner reads them.
    pub fn step_terms(&self) -> Vec<&Term> {
        let Some((pack, lesson, ls)) = self.current() else {
            return Vec::new();
        };
        let Some(step) = lesson.steps.get(ls.step) else {
            return Vec::new();
        };
        crate::lesson::glossary::step_links(step, self.code(), pack.default_language())
            .iter()
            .filter_map(|id| pack.term(id))
            .collect()
    }

    /// The glossary panel's list: the step's terms, then the packs' (in load order), then the
    /// built-in course's, each id once.
    pub fn glossary_list(&self) -> GlossaryList {
        let mut terms: Vec<Term> = self.step_terms().into_iter().cloned().collect();
        let pinned = terms.len();
        let packs = self
            .packs
            .iter()
            .filter_map(|p| p.glossary.as_ref().ok())
            .chain(std::iter::once(built_in_glossary()));
        for g in packs {
            for t in &g.terms {
                if !terms.iter().any(|x| x.id == t.id) {
                    terms.push(t.clone());
                }
            }
        }
        GlossaryList::new(terms, pinned)
    }
}
