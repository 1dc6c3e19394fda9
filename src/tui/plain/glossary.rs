//! The plain mode's `glossary [WORD]`: the terms matching WORD, each in the learner's
//! language and then the other, with its definition and AWS documentation page; without a
//! word, the terms the step on screen links to, or else the list of every term.

use crate::lang::Lang;
use crate::lesson::glossary::Term;
use crate::msg::Message;
use crate::msg::glossary::Glossary;
use crate::tui::app::App;

/// What `glossary WORD` prints.
pub(super) fn lines(app: &App, word: &str) -> Vec<String> {
    let list = app.glossary_list();
    if list.terms.is_empty() {
        return vec![Glossary::PlainEmpty.text(app.lang).to_string()];
    }
    let lang = app.lang;
    let word = word.trim();
    if word.is_empty() {
        let step = app.step_terms();
        if !step.is_empty() {
            let mut out = vec![Glossary::PlainStep.fill(lang, &[("n", &step.len())])];
            for t in step {
                out.extend(full(t, lang));
            }
            return out;
        }
        let mut out = vec![Glossary::PlainIndex.fill(lang, &[("n", &list.terms.len())])];
        let other = other(lang);
        out.extend(
            list.terms
                .iter()
                .map(|t| format!("  {} — {}", t.wording(lang).term, t.wording(other).term)),
        );
        return out;
    }
    let list = list.filtered(word);
    if list.shown.is_empty() {
        return vec![Glossary::PlainNone.fill(lang, &[("word", &word)])];
    }
    let mut out =
        vec![Glossary::PlainFound.fill(lang, &[("n", &list.shown.len()), ("word", &word)])];
    for i in 0..list.shown.len() {
        out.extend(list.at(i).map(|t| full(t, lang)).unwrap_or_default());
    }
    out
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Ja,
        Lang::Ja => Lang::En,
    }
}

/// One term in full: an empty line, then per language (the learner's first) the term, its
/// definition and its page, indented under it.
fn full(t: &Term, lang: Lang) -> Vec<String> {
    let mut out = vec![String::new()];
    for (k, l) in [lang, other(lang)].into_iter().enumerate() {
        let w = t.wording(l);
        out.push(if k == 0 {
            format!("{} ({})", w.term, t.id)
        } else {
            w.term.clone()
        });
        out.push(format!("  {}", w.definition));
        out.push(format!("  {}", t.doc(l)));
    }
    out
}
