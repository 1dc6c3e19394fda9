//! What a finding says, kept as catalog entries and the values of their placeholders rather
//! than as text: a finding is worded when it is shown, in the reader's language (the text
//! report, the interface's findings panel), and in English where a format wants one text (the
//! JSON and SARIF output, whose values stay as they always were).
//!
//! A [`Said`] is one entry of [`Audit`] with its values; a value is a name or number that reads
//! the same in every language, a sentence of its own, a list, or text quoted from the data in
//! the language it came in (a GuardDuty finding's title, a validate-policy finding's details).
//! A [`Fix`] is one line of a fix: a command, which is never translated, or what is said
//! about it.

use std::fmt::Display;

use serde::{Serialize, Serializer};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::audit::Audit;

/// A sentence: a catalog entry and the values of its `{name}` placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    msg: Audit,
    args: Vec<(&'static str, Arg)>,
}

/// The value of one placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A name, id, number, date or ARN: the same in every language.
    Value(String),
    /// Text from the data, shown as it came (GuardDuty's titles and validate-policy's
    /// details are English).
    Quoted(String),
    /// A sentence of its own.
    Said(Said),
    /// A validate-policy finding's details, worded by validation itself (boxed: a detail is
    /// several times the size of the other values, and audits hold tens of thousands).
    Detail(Box<crate::audit::validate::Detail>),
    /// Several values, joined as the language joins such items.
    List(Vec<Arg>, Sep),
}

/// How the items of a list are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Names and short items (`, ` / `、`).
    Comma,
    /// Phrases English separates with a semicolon (`; ` / `、`).
    Semicolon,
    /// Clauses, which Japanese writes as sentences (`; ` / `。`).
    Sentences,
    /// The steps of a path (` → ` in every language).
    Arrow,
}

impl Sep {
    /// The catalog entry of the separator (none for a symbol, the same in both languages).
    fn entry(self) -> Option<Audit> {
        match self {
            Sep::Comma => Some(Audit::SepComma),
            Sep::Semicolon => Some(Audit::SepSemicolon),
            Sep::Sentences => Some(Audit::SepSentences),
            Sep::Arrow => None,
        }
    }

    fn text(self, lang: Lang) -> &'static str {
        self.entry().map_or(" → ", |m| m.text(lang))
    }
}

impl Arg {
    /// The value worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Value(v) | Arg::Quoted(v) => v.clone(),
            Arg::Said(s) => s.render(lang),
            Arg::Detail(d) => d.text(lang),
            Arg::List(items, sep) => {
                let between = sep.text(lang);
                let mut out = String::new();
                for (i, a) in items.iter().enumerate() {
                    // A Japanese sentence that ends with its own full stop needs no second one
                    // before the next (validate-policy's details end with 「。」).
                    if i > 0 && !(between == "。" && out.ends_with('。')) {
                        out.push_str(between);
                    }
                    out.push_str(&a.render(lang));
                }
                out
            }
        }
    }

    fn entries(&self, out: &mut Vec<Audit>) {
        match self {
            Arg::Value(_) | Arg::Quoted(_) | Arg::Detail(_) => {}
            Arg::Said(s) => out.extend(s.entries()),
            Arg::List(items, sep) => {
                if let Some(m) = sep.entry()
                    && items.len() > 1
                {
                    out.push(m);
                }
                items.iter().for_each(|a| a.entries(out));
            }
        }
    }

    fn quotes<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Arg::Value(_) | Arg::Detail(_) => {}
            Arg::Quoted(q) => out.push(q),
            Arg::Said(s) => s.collect_quotes(out),
            Arg::List(items, _) => items.iter().for_each(|a| a.quotes(out)),
        }
    }
}

impl From<Said> for Arg {
    fn from(s: Said) -> Arg {
        Arg::Said(s)
    }
}

/// A list of plain values.
pub fn values<T: Display>(items: impl IntoIterator<Item = T>) -> Vec<Arg> {
    items
        .into_iter()
        .map(|v| Arg::Value(v.to_string()))
        .collect()
}

impl Said {
    /// The entry `msg`, its values to be given with [`Said::with`] and the rest.
    pub fn new(msg: Audit) -> Said {
        Said {
            msg,
            args: Vec::new(),
        }
    }

    /// With `{name}` a plain value.
    pub fn with(mut self, name: &'static str, value: impl Display) -> Said {
        self.args.push((name, Arg::Value(value.to_string())));
        self
    }

    /// With `{name}` text quoted from the data.
    pub fn quoting(mut self, name: &'static str, text: impl Into<String>) -> Said {
        self.args.push((name, Arg::Quoted(text.into())));
        self
    }

    /// With `{name}` a validate-policy finding's details, in the reader's language.
    pub fn detailing(mut self, name: &'static str, d: crate::audit::validate::Detail) -> Said {
        self.args.push((name, Arg::Detail(Box::new(d))));
        self
    }

    /// With `{name}` a sentence of its own.
    pub fn saying(mut self, name: &'static str, said: Said) -> Said {
        self.args.push((name, Arg::Said(said)));
        self
    }

    /// With `{name}` a list.
    pub fn listing(mut self, name: &'static str, items: Vec<Arg>, sep: Sep) -> Said {
        self.args.push((name, Arg::List(items, sep)));
        self
    }

    /// The catalog entry.
    pub fn msg(&self) -> Audit {
        self.msg
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, a)| (*k, a.render(lang)))
            .collect();
        let args: Vec<(&str, &dyn Display)> = values
            .iter()
            .map(|(k, v)| (*k, v as &dyn Display))
            .collect();
        self.msg.fill(lang, &args)
    }

    /// Every text the sentence quotes from the data, which is shown in the language it came
    /// in (for checks that the rest is translated).
    pub fn quotes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_quotes(&mut out);
        out
    }

    fn collect_quotes<'a>(&'a self, out: &mut Vec<&'a str>) {
        self.args.iter().for_each(|(_, a)| a.quotes(out));
    }

    /// Every catalog entry the sentence is made of, its own first (for checks that each
    /// entry is said somewhere).
    pub fn entries(&self) -> Vec<Audit> {
        let mut out = vec![self.msg];
        self.args.iter().for_each(|(_, a)| a.entries(&mut out));
        out
    }
}

/// Serialized as its English, the text the JSON output has always carried.
impl Serialize for Said {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render(Lang::En))
    }
}

/// One line of a fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// A command, as it is typed.
    Run(String),
    /// A command with places the reader fills in: each `{name}` becomes the catalog entry's
    /// placeholder (`<code>`).
    RunFilling(String, Vec<(&'static str, Audit)>),
    /// A command and a comment on it (`command   # as the root user`).
    RunThen(String, Said),
    /// A step without a command, or what to do before the next one (`# …`).
    Note(Said),
}

impl Fix {
    /// The line in `lang`: commands stay as they are; what is said about them is translated.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Fix::Run(c) => c.clone(),
            Fix::RunFilling(c, holes) => {
                let texts: Vec<(&str, &str)> =
                    holes.iter().map(|(k, m)| (*k, m.text(lang))).collect();
                let args: Vec<(&str, &dyn Display)> =
                    texts.iter().map(|(k, t)| (*k, t as &dyn Display)).collect();
                crate::msg::fill_template(c, &args)
            }
            Fix::RunThen(c, note) => format!("{c}   # {}", note.render(lang)),
            Fix::Note(note) => format!("# {}", note.render(lang)),
        }
    }

    /// The catalog entries the line is made of.
    pub fn entries(&self) -> Vec<Audit> {
        match self {
            Fix::Run(_) => Vec::new(),
            Fix::RunFilling(_, holes) => holes.iter().map(|(_, m)| *m).collect(),
            Fix::RunThen(_, s) | Fix::Note(s) => s.entries(),
        }
    }

    /// What the line says in words (its comment, or the places to fill in), without the
    /// command: the part that is translated.
    pub fn words(&self, lang: Lang) -> Vec<String> {
        match self {
            Fix::Run(_) => Vec::new(),
            Fix::RunFilling(_, holes) => holes.iter().map(|(_, m)| m.text(lang).into()).collect(),
            Fix::RunThen(_, s) | Fix::Note(s) => vec![s.render(lang)],
        }
    }
}

impl From<String> for Fix {
    fn from(c: String) -> Fix {
        Fix::Run(c)
    }
}

/// Serialized as its English.
impl Serialize for Fix {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_sentences_and_lists_are_worded_in_each_language() {
        let s = Said::new(Audit::InPasswordPolicy)
            .saying("what", Said::new(Audit::MinimumLength).with("n", 6));
        assert_eq!(
            s.render(Lang::En),
            "in the password policy, minimum length 6"
        );
        assert_eq!(
            s.render(Lang::Ja),
            "パスワードポリシーで、最小文字数が 6 です"
        );
        let l = Said::new(Audit::Administrators).with("n", 2).listing(
            "names",
            values(["a", "b"]),
            Sep::Comma,
        );
        assert_eq!(
            l.render(Lang::En),
            "2 identities are full administrators: a, b"
        );
        assert!(
            l.render(Lang::Ja).ends_with(": a、b"),
            "{}",
            l.render(Lang::Ja)
        );
    }

    #[test]
    fn commands_stay_and_their_comments_and_holes_are_translated() {
        let f = Fix::RunThen("aws iam x".into(), Said::new(Audit::AsRoot));
        assert_eq!(f.render(Lang::En), "aws iam x   # as the root user");
        assert!(f.render(Lang::Ja).starts_with("aws iam x   # "));
        let h = Fix::RunFilling("run --code {code}".into(), vec![("code", Audit::HoleCode)]);
        assert_eq!(h.render(Lang::En), "run --code <code>");
        assert_eq!(h.render(Lang::Ja), "run --code <コード>");
        assert_eq!(
            serde_json::to_string(&Fix::Note(Said::new(Audit::AsRoot))).unwrap(),
            "\"# as the root user\""
        );
    }

    #[test]
    fn quoted_text_is_listed_wherever_it_is_nested() {
        let s = Said::new(Audit::LintFound).with("label", "x").listing(
            "found",
            vec![
                Said::new(Audit::LintItem)
                    .with("code", "C")
                    .with("line", 1)
                    .quoting("details", "one")
                    .into(),
            ],
            Sep::Semicolon,
        );
        assert_eq!(s.quotes(), vec!["one"]);
    }
}
