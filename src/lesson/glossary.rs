//! A pack's glossary: the terms of the course in English and Japanese, each with the AWS
//! documentation page for each language. It is pack data (`glossary.yaml`, optional), read in
//! the same two stages as the lesson files: the strict shape of [`super::raw::GlossaryFile`],
//! then [`Glossary::from_raw`], which checks every rule beyond the shape (ids, texts, URLs)
//! and names the field path of the first one broken.
//!
//! Lesson Markdown links a term as `[text](glossary:ID)`; [`links`] finds those links, lint
//! reports one whose id no glossary holds, and the interface lists a step's linked terms
//! first when the learner opens the glossary.

use std::collections::BTreeSet;

use super::model::{Invalid, Step, StepBody, Text};
use super::raw;
use crate::lang::Lang;
use crate::msg::lint::Lint;

/// The glossary's file in a pack folder.
pub const FILE: &str = "glossary.yaml";

/// The scheme of a link to a term in lesson Markdown: `[text](glossary:ID)`.
pub const SCHEME: &str = "glossary:";

/// The longest term, in characters: a term is a name, shown on one row of a list.
const MAX_TERM: usize = 80;

/// The documentation pages a term may point to: AWS's own documentation.
const DOCS: &str = "https://docs.aws.amazon.com/";

/// A term's id: lowercase ASCII letters, digits and `-` (what a link names after `glossary:`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TermId(String);

impl TermId {
    /// Checks an id as an author writes it.
    pub fn new(id: &str) -> Result<TermId, Invalid> {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if ok {
            Ok(TermId(id.to_string()))
        } else {
            Err(Invalid::with(
                "id",
                Lint::GlossaryTermId,
                vec![("id", id.to_string())],
            ))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TermId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A term and its definition in one language, both checked to be there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// The term as AWS's documentation in this language writes it (one line).
    pub term: String,
    /// One or two sentences.
    pub definition: String,
}

/// One term, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Its id.
    pub id: TermId,
    /// English.
    pub en: Wording,
    /// Japanese.
    pub ja: Wording,
    /// The English AWS documentation page (`https://docs.aws.amazon.com/…`).
    pub doc_en: String,
    /// The Japanese AWS documentation page.
    pub doc_ja: String,
}

impl Term {
    /// The term and definition in `lang`.
    pub fn wording(&self, lang: Lang) -> &Wording {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    /// The documentation page in `lang`.
    pub fn doc(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.doc_en,
            Lang::Ja => &self.doc_ja,
        }
    }

    /// How well the term matches what a learner typed: `Some(0)` when its id or one of its
    /// names contains the query, `Some(1)` when only a definition does, `None` otherwise.
    /// Case and spaces are ignored, so that `iamユーザー` finds `IAM ユーザー`.
    pub fn rank(&self, query: &str) -> Option<u8> {
        let q = squash(query);
        if q.is_empty() {
            return Some(0);
        }
        let has = |s: &str| squash(s).contains(&q);
        if has(self.id.as_str()) || has(&self.en.term) || has(&self.ja.term) {
            Some(0)
        } else if has(&self.en.definition) || has(&self.ja.definition) {
            Some(1)
        } else {
            None
        }
    }
}

/// Lowercase, without white space: what the search compares.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A pack's glossary, validated: ids unique, every text and URL present and well formed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The glossary's semantic version (empty for a pack without a glossary).
    pub version: String,
    /// The terms, in the order of the file.
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Checks `glossary.yaml`'s fields beyond their shape (the schema version is checked by
    /// the loader, which knows which one it reads).
    pub fn from_raw(raw: raw::GlossaryFile) -> Result<Glossary, Invalid> {
        if !super::model::is_semver(&raw.version) {
            return Err(Invalid::with(
                "version",
                Lint::NotSemver,
                vec![("version", raw.version.clone())],
            ));
        }
        let mut seen = BTreeSet::new();
        let mut terms = Vec::with_capacity(raw.terms.len());
        for (i, t) in raw.terms.into_iter().enumerate() {
            let at = format!("terms[{i}]");
            let id = TermId::new(&t.id).map_err(|mut e| {
                e.path = format!("{at}.id");
                e
            })?;
            if !seen.insert(id.clone()) {
                return Err(Invalid::with(
                    format!("{at}.id"),
                    Lint::GlossaryIdTwice,
                    vec![("id", id.to_string())],
                ));
            }
            let en = wording(t.en, &format!("{at}.en"))?;
            let ja = wording(t.ja, &format!("{at}.ja"))?;
            let doc_en = doc_url(t.doc.en, &format!("{at}.doc.en"))?;
            let doc_ja = doc_url(t.doc.ja, &format!("{at}.doc.ja"))?;
            terms.push(Term {
                id,
                en,
                ja,
                doc_en,
                doc_ja,
            });
        }
        Ok(Glossary {
            version: raw.version,
            terms,
        })
    }

    /// The term with this id.
    pub fn get(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id.as_str() == id)
    }

    /// The terms matching `query` (see [`Term::rank`]): those whose name matches first, then
    /// those whose definition does, each group in the glossary's order.
    pub fn search(&self, query: &str) -> Vec<&Term> {
        let mut ranked: Vec<(u8, usize, &Term)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.rank(query).map(|r| (r, i, t)))
            .collect();
        ranked.sort_by_key(|(r, i, _)| (*r, *i));
        ranked.into_iter().map(|(_, _, t)| t).collect()
    }
}

fn wording(w: raw::TermText, path: &str) -> Result<Wording, Invalid> {
    let term = w.term.trim().to_string();
    if term.is_empty() {
        return Err(Invalid::with(
            format!("{path}.term"),
            Lint::GlossaryTermEmpty,
            vec![],
        ));
    }
    if term.contains('\n') || term.chars().count() > MAX_TERM {
        return Err(Invalid::with(
            format!("{path}.term"),
            Lint::GlossaryTermLong,
            vec![("max", MAX_TERM.to_string())],
        ));
    }
    let definition = w.definition.trim().to_string();
    if definition.is_empty() {
        return Err(Invalid::with(
            format!("{path}.definition"),
            Lint::GlossaryDefinitionEmpty,
            vec![],
        ));
    }
    Ok(Wording { term, definition })
}

fn doc_url(url: String, path: &str) -> Result<String, Invalid> {
    let url = url.trim().to_string();
    let rest = url.strip_prefix(DOCS).unwrap_or("");
    if rest.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Invalid::with(
            path,
            Lint::GlossaryNotDocs,
            vec![("url", url.clone()), ("docs", DOCS.to_string())],
        ));
    }
    Ok(url)
}

/// The ids that the `glossary:` links of some Markdown name, in order of appearance (each
/// once). Code spans and code blocks hold no links, as Markdown reads them.
pub fn links(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut out: Vec<String> = Vec::new();
    for ev in Parser::new(md) {
        if let Event::Start(Tag::Link { dest_url, .. }) = ev
            && let Some(id) = dest_url.strip_prefix(SCHEME)
            && !out.iter().any(|o| o == id)
        {
            out.push(id.to_string());
        }
    }
    out
}

/// Every text of a step that may hold Markdown: its body's, its hints, its near misses' and
/// its explanation.
pub fn step_texts(step: &Step) -> Vec<&Text> {
    let mut out: Vec<&Text> = Vec::new();
    match &step.body {
        StepBody::Read(t) => out.push(t),
        StepBody::Quiz(q) => {
            out.push(&q.question);
            for c in &q.choices {
                out.push(&c.text);
                out.extend(c.why.as_ref());
            }
        }
        StepBody::Predict(p) => out.extend(p.question.as_ref()),
        StepBody::Policy(p) => out.push(&p.prompt),
        StepBody::Task(t) => out.push(&t.prompt),
        StepBody::Investigate(i) => out.push(&i.question),
    }
    out.extend(step.hints.iter());
    out.extend(step.wrong.iter().filter_map(|w| w.why.as_ref()));
    out.extend(step.explain.as_ref());
    out
}

/// The terms a step links to, in the order the learner reads them in `lang` (then any that
/// only another language's text links to), each once.
pub fn step_links(step: &Step, lang: &str, fallback: &str) -> Vec<String> {
    let texts = step_texts(step);
    let mut out: Vec<String> = Vec::new();
    let mut add = |md: &str| {
        for id in links(md) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    };
    for t in &texts {
        add(t.get(lang, fallback));
    }
    for t in &texts {
        if let Text::Map(m) = t {
            m.values().for_each(|s| add(s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(yaml: &str) -> Result<Glossary, Invalid> {
        let raw: raw::GlossaryFile = serde_yaml::from_str(yaml).expect("the shape");
        Glossary::from_raw(raw)
    }

    const TERM: &str = "schema: 1\nversion: 1.0.0\nterms:\n  - id: iam-user\n    en: {term: IAM user, definition: One identity.}\n    ja: {term: IAM ユーザー, definition: 1 つの ID です。}\n    doc: {en: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html', ja: 'https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/id_users.html'}\n";

    #[test]
    fn a_glossary_holds_checked_terms_and_finds_them() {
        let g = glossary(TERM).expect("valid");
        assert_eq!(g.terms.len(), 1);
        let t = g.get("iam-user").expect("the term");
        assert_eq!(t.wording(Lang::Ja).term, "IAM ユーザー");
        assert!(t.doc(Lang::Ja).contains("/ja_jp/"));
        // Spaces and case do not matter; a definition match ranks after a name match.
        assert_eq!(t.rank("iamユーザー"), Some(0));
        assert_eq!(t.rank("IDENTITY"), Some(1));
        assert_eq!(t.rank("boundary"), None);
        assert_eq!(g.search("user").len(), 1);
        assert!(g.search("boundary").is_empty());
    }

    #[test]
    fn broken_rules_name_their_field() {
        let bad =
            |from: &str, to: &str| glossary(&TERM.replace(from, to)).expect_err("refused").path;
        assert_eq!(bad("id: iam-user", "id: IAM_User"), "terms[0].id");
        assert_eq!(bad("term: IAM user,", "term: '',"), "terms[0].en.term");
        assert_eq!(
            bad("definition: 1 つの ID です。", "definition: ''"),
            "terms[0].ja.definition"
        );
        assert_eq!(
            bad("https://docs.aws.amazon.com/IAM", "http://example.com/IAM"),
            "terms[0].doc.en"
        );
        assert_eq!(bad("version: 1.0.0", "version: one"), "version");
        let twice = format!("{TERM}{}", TERM.split("terms:\n").nth(1).expect("a term"));
        assert_eq!(glossary(&twice).expect_err("refused").path, "terms[1].id");
    }

    #[test]
    fn links_are_found_in_markdown_but_not_in_code() {
        let md = "A [user](glossary:iam-user) and a [policy](glossary:policy), the [user](glossary:iam-user) again, `[x](glossary:in-code)` and [AWS](https://aws.amazon.com/).\n\n```\n[y](glossary:in-block)\n```\n";
        assert_eq!(links(md), vec!["iam-user", "policy"]);
    }
}
