//! A message kept as catalog entries and the values of their placeholders, worded only when it
//! is shown: an error made where no reader is known yet (a file that does not parse, a policy
//! the parser refuses, an id the rule refuses) carries a [`Said`], and whoever shows it says
//! it in the reader's language with [`Said::render`]. Its `Display` is the English.
//!
//! A [`Said`] can hold entries of any area of the catalog, one after another (a message, then
//! "did you mean"), and text that is not ours, shown as it came: what the operating system,
//! serde or a JSON parser said, or a sentence a caller has already worded for its reader.

use std::fmt::{self, Display};

use super::{Lang, Message, fill_template};

/// A message: catalog entries with their values, and quoted text, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    parts: Vec<Part>,
}

/// One piece of a [`Said`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// A catalog entry (its name and both of its templates) and its values.
    Entry {
        key: &'static str,
        en: &'static str,
        ja: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text shown as it came.
    Quoted(String),
    /// A message worded one way in English and another in Japanese, where the two are not
    /// one template (the Japanese says more about a sentence that is only in English).
    ByLang { en: Said, ja: Said },
}

/// The value of one placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A name, number, path or text from elsewhere: the same in every language.
    Value(String),
    /// A message of its own, worded in the reader's language too.
    Said(Said),
    /// Several values joined by a separator that is itself a catalog entry (`, ` / `、`).
    List {
        /// The values.
        items: Vec<String>,
        /// The separator in English.
        en: &'static str,
        /// The separator in Japanese.
        ja: &'static str,
    },
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Value(v) => v.clone(),
            Arg::Said(s) => s.render(lang),
            Arg::List { items, en, ja } => items.join(match lang {
                Lang::En => en,
                Lang::Ja => ja,
            }),
        }
    }
}

impl Said {
    /// The catalog entry `m`; its values follow with [`Said::with`] and the rest.
    pub fn of<M: Message>(m: M) -> Said {
        Said {
            parts: vec![Part::Entry {
                key: m.key(),
                en: m.en(),
                ja: m.ja(),
                args: Vec::new(),
            }],
        }
    }

    /// Text that is not ours, shown as it came in every language (an operating system's or
    /// a parser's words), or a sentence already worded for the one reader who will see it.
    pub fn quoted(text: impl Into<String>) -> Said {
        Said {
            parts: vec![Part::Quoted(text.into())],
        }
    }

    /// `en` in English, `ja` in Japanese.
    pub fn by_lang(en: Said, ja: Said) -> Said {
        Said {
            parts: vec![Part::ByLang { en, ja }],
        }
    }

    fn push_arg(mut self, name: &'static str, arg: Arg) -> Said {
        if let Some(Part::Entry { args, .. }) = self
            .parts
            .iter_mut()
            .rev()
            .find(|p| matches!(p, Part::Entry { .. }))
        {
            args.push((name, arg));
        }
        self
    }

    /// With `{name}` (of the last entry) a value that reads the same in every language.
    #[must_use]
    pub fn with(self, name: &'static str, value: impl Display) -> Said {
        self.push_arg(name, Arg::Value(value.to_string()))
    }

    /// With `{name}` (of the last entry) a message of its own.
    #[must_use]
    pub fn saying(self, name: &'static str, said: Said) -> Said {
        self.push_arg(name, Arg::Said(said))
    }

    /// With `{name}` (of the last entry) the values `items` joined by the entry `sep`.
    #[must_use]
    pub fn listing<M: Message>(self, name: &'static str, items: Vec<String>, sep: M) -> Said {
        self.push_arg(
            name,
            Arg::List {
                items,
                en: sep.en(),
                ja: sep.ja(),
            },
        )
    }

    /// This message followed by `next` (a sentence, or "; did you mean …").
    #[must_use]
    pub fn then(mut self, next: Said) -> Said {
        self.parts.extend(next.parts);
        self
    }

    /// The message with `f` applied to every value and quoted text, nested ones included (to
    /// escape what came from a file before it is shown).
    #[must_use]
    pub fn map_values(self, f: &dyn Fn(&str) -> String) -> Said {
        let parts = self
            .parts
            .into_iter()
            .map(|p| match p {
                Part::Quoted(t) => Part::Quoted(f(&t)),
                Part::ByLang { en, ja } => Part::ByLang {
                    en: en.map_values(f),
                    ja: ja.map_values(f),
                },
                Part::Entry { key, en, ja, args } => Part::Entry {
                    key,
                    en,
                    ja,
                    args: args
                        .into_iter()
                        .map(|(k, a)| {
                            let a = match a {
                                Arg::Value(v) => Arg::Value(f(&v)),
                                Arg::Said(s) => Arg::Said(s.map_values(f)),
                                Arg::List { items, en, ja } => Arg::List {
                                    items: items.iter().map(|i| f(i)).collect(),
                                    en,
                                    ja,
                                },
                            };
                            (k, a)
                        })
                        .collect(),
                },
            })
            .collect();
        Said { parts }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Quoted(t) => out.push_str(t),
                Part::ByLang { en, ja } => out.push_str(&match lang {
                    Lang::En => en.render(lang),
                    Lang::Ja => ja.render(lang),
                }),
                Part::Entry { en, ja, args, .. } => {
                    let values: Vec<(&str, String)> =
                        args.iter().map(|(k, a)| (*k, a.render(lang))).collect();
                    let refs: Vec<(&str, &dyn Display)> = values
                        .iter()
                        .map(|(k, v)| (*k, v as &dyn Display))
                        .collect();
                    let template = match lang {
                        Lang::En => en,
                        Lang::Ja => ja,
                    };
                    out.push_str(&fill_template(template, &refs));
                }
            }
        }
        out
    }

    /// Whether the message starts with the entry `m` (for a caller that says more about
    /// some messages, e.g. what to add for a missing field).
    pub fn starts_with<M: Message>(&self, m: M) -> bool {
        matches!(self.parts.first(), Some(Part::Entry { key, en, .. }) if *key == m.key() && *en == m.en())
    }

    /// The value given for `{name}` of the message's first entry, when it is a plain value.
    pub fn value(&self, name: &str) -> Option<&str> {
        match self.parts.first() {
            Some(Part::Entry { args, .. }) => args.iter().find_map(|(k, a)| match a {
                Arg::Value(v) if *k == name => Some(v.as_str()),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The names of the catalog entries the message is made of, nested ones included, in
    /// order (for tests that check which entries a message uses).
    pub fn keys(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for p in &self.parts {
            match p {
                Part::Entry { key, args, .. } => {
                    out.push(*key);
                    for (_, a) in args {
                        if let Arg::Said(s) = a {
                            out.extend(s.keys());
                        }
                    }
                }
                Part::ByLang { en, ja } => {
                    out.extend(en.keys());
                    out.extend(ja.keys());
                }
                Part::Quoted(_) => {}
            }
        }
        out
    }
}

/// The English.
impl Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<String> for Said {
    fn from(s: String) -> Said {
        Said::quoted(s)
    }
}

impl From<&str> for Said {
    fn from(s: &str) -> Said {
        Said::quoted(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::catalog! {
        /// Entries for the tests.
        enum T {
            Hello => ("hello {name}", "こんにちは {name}"),
            Near => ("; near {x}", "。近い: {x}"),
            Sep => (", ", "、"),
            Outer => ("[{inner}]", "「{inner}」"),
        }
    }

    #[test]
    fn a_message_is_worded_in_the_language_asked_for() {
        let s = Said::of(T::Hello)
            .with("name", "kato")
            .then(Said::of(T::Near).listing("x", vec!["a".into(), "b".into()], T::Sep));
        assert_eq!(s.render(Lang::En), "hello kato; near a, b");
        assert_eq!(s.render(Lang::Ja), "こんにちは kato。近い: a、b");
        assert_eq!(s.to_string(), "hello kato; near a, b");
        assert!(s.starts_with(T::Hello));
        assert!(!s.starts_with(T::Near));
        assert_eq!(s.value("name"), Some("kato"));
        assert_eq!(s.keys(), vec!["Hello", "Near"]);
    }

    #[test]
    fn nested_and_quoted_text() {
        let inner = Said::quoted("No such file (os error 2)");
        let s = Said::of(T::Outer).saying("inner", inner);
        assert_eq!(s.render(Lang::Ja), "「No such file (os error 2)」");
        let nested = Said::of(T::Outer).saying("inner", Said::of(T::Hello).with("name", "x"));
        assert_eq!(nested.render(Lang::Ja), "「こんにちは x」");
        assert_eq!(nested.keys(), vec!["Outer", "Hello"]);
        assert_eq!(Said::from("plain").render(Lang::Ja), "plain");
        let either = Said::by_lang(Said::quoted("as is"), Said::of(T::Hello).with("name", "y"));
        assert_eq!(either.render(Lang::En), "as is");
        assert_eq!(either.render(Lang::Ja), "こんにちは y");
        assert_eq!(either.keys(), vec!["Hello"]);
        assert_eq!(T::ALL.len(), 4);
    }
}
