//! Every human-readable string of iamdojo, in English and Japanese, in one typed catalog.
//!
//! Each area of the program has one enum of messages here (`msg::ui::Ui`, …), declared with
//! [`catalog!`]: an entry cannot be written without both languages, a call site names an entry
//! the compiler knows, and [`all`] lists every entry so that tests see each one (translated,
//! same placeholders in both languages, Japanese style rules of docs/style-ja.md).
//!
//! There is one way to look a message up: [`Message::text`] for a fixed string and
//! [`Message::fill`] for one with `{name}` placeholders. AWS's own error messages, element
//! names, commands and identifiers are not messages: they stay as AWS writes them.

use std::fmt::Display;

pub use crate::lang::Lang;

pub mod audit;
pub mod awserror;
pub mod class;
pub mod cli;
pub mod explain;
pub mod gaad;
pub mod glossary;
pub mod goal;
pub mod ids;
pub mod input;
pub mod keyfile;
pub mod lint;
pub mod panel;
pub mod policy;
pub mod progress;
pub mod said;
pub mod sandbox;
pub mod scenario;
pub mod simulate;
pub mod ui;
pub mod validate;

/// One entry of the catalog, with both of its languages.
pub trait Message: Copy + 'static {
    /// The entry's name in the catalog (its variant), for tests and error messages.
    fn key(self) -> &'static str;
    /// The English text.
    fn en(self) -> &'static str;
    /// The Japanese text.
    fn ja(self) -> &'static str;

    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ja => self.ja(),
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value; a placeholder without a
    /// value stays visible as `{name}`, so a gap shows rather than hides.
    fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        fill_template(self.text(lang), args)
    }
}

/// `s` as a Markdown code span, for a value from a policy or a request (an ARN, an action
/// pattern, a condition) put into a message that is shown as Markdown: `*` and `_` in it stay
/// as written instead of turning into emphasis (`midori-books-*/*` would lose both stars).
/// A backtick in `s` gets a longer fence, as CommonMark allows.
pub fn code(s: &str) -> String {
    let mut run = 0;
    let mut longest = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// `template` with each `{name}` of `args` replaced by its value (one pass, so a value that
/// itself contains `{name}` is not replaced again).
pub fn fill_template(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from.find('}') else {
            out.push_str(from);
            return out;
        };
        let (hole, after) = from.split_at(close + 1);
        let name = hole.trim_start_matches('{').trim_end_matches('}');
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(&v.to_string()),
            None => out.push_str(hole),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order of first appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let from = rest.split_at(open).1;
        let Some(close) = from.find('}') else { break };
        let (hole, after) = from.split_at(close + 1);
        let name = hole.trim_start_matches('{').trim_end_matches('}');
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !out.contains(&name)
        {
            out.push(name);
        }
        rest = after;
    }
    out
}

/// One entry as tests see it: its area, its name and both languages.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The enum the entry belongs to (`Ui`, `Explain`, …).
    pub area: &'static str,
    /// The entry's variant name.
    pub key: &'static str,
    /// English.
    pub en: &'static str,
    /// Japanese.
    pub ja: &'static str,
}

/// Every entry of every area of the catalog.
pub fn all() -> Vec<Entry> {
    let mut out = Vec::new();
    push_area(&mut out, "Ui", ui::Ui::ALL);
    push_area(&mut out, "Plain", ui::Plain::ALL);
    push_area(&mut out, "Keys", ui::Keys::ALL);
    push_area(&mut out, "Commands", ui::Commands::ALL);
    push_area(&mut out, "Panel", panel::PanelText::ALL);
    push_area(&mut out, "Explorer", panel::Explorer::ALL);
    push_area(&mut out, "Explain", explain::Explain::ALL);
    push_area(&mut out, "Sandbox", sandbox::Sandbox::ALL);
    push_area(&mut out, "Validate", validate::Validate::ALL);
    push_area(&mut out, "Progress", progress::Progress::ALL);
    push_area(&mut out, "Glossary", glossary::Glossary::ALL);
    push_area(&mut out, "Audit", audit::Audit::ALL);
    push_area(&mut out, "Goal", goal::Goal::ALL);
    push_area(&mut out, "Lint", lint::Lint::ALL);
    push_area(&mut out, "Input", input::Input::ALL);
    push_area(&mut out, "Ids", ids::Ids::ALL);
    push_area(&mut out, "Scenario", scenario::Scenario::ALL);
    push_area(&mut out, "Simulate", simulate::Simulate::ALL);
    push_area(&mut out, "Cli", cli::Cli::ALL);
    push_area(&mut out, "KeyFile", keyfile::KeyFile::ALL);
    push_area(&mut out, "PolicyParse", policy::PolicyParse::ALL);
    push_area(&mut out, "Gaad", gaad::Gaad::ALL);
    push_area(&mut out, "Class", class::Class::ALL);
    push_area(&mut out, "AwsError", awserror::AwsError::ALL);
    out
}

fn push_area<M: Message>(out: &mut Vec<Entry>, area: &'static str, entries: &[M]) {
    out.extend(entries.iter().map(|m| Entry {
        area,
        key: m.key(),
        en: m.en(),
        ja: m.ja(),
    }));
}

/// Declares one area of the catalog: an enum whose every variant carries its English and
/// Japanese text, `impl Message` for it, and `ALL`, the list of its variants.
///
/// ```
/// use iamdojo::msg::{Lang, Message};
/// iamdojo::catalog! {
///     /// Strings of the home screen.
///     pub enum Home {
///         /// The list's title.
///         Packs => ("Lessons", "レッスン"),
///         Count => ("{n} lessons", "{n} 個のレッスン"),
///     }
/// }
/// assert_eq!(Home::Packs.text(Lang::Ja), "レッスン");
/// assert_eq!(Home::Count.fill(Lang::En, &[("n", &3)]), "3 lessons");
/// assert_eq!(Home::ALL.len(), 2);
/// ```
#[macro_export]
macro_rules! catalog {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($en:expr, $ja:expr $(,)?) ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),*
        }

        impl $crate::msg::Message for $name {
            fn key(self) -> &'static str {
                match self { $( Self::$variant => stringify!($variant) ),* }
            }
            fn en(self) -> &'static str {
                match self { $( Self::$variant => $en ),* }
            }
            fn ja(self) -> &'static str {
                match self { $( Self::$variant => $ja ),* }
            }
        }

        impl $name {
            /// Every entry of this area, in declaration order.
            pub const ALL: &'static [$name] = &[ $( Self::$variant ),* ];
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_keep_stars_and_backticks() {
        assert_eq!(code("arn:aws:s3:::b-*/*"), "`arn:aws:s3:::b-*/*`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }

    #[test]
    fn fill_replaces_named_holes_once_and_keeps_unknown_ones() {
        let n = 3;
        let s = fill_template("{n} of {all} — {n} {x}", &[("n", &n), ("all", &"{n}")]);
        assert_eq!(s, "3 of {n} — 3 {x}");
        assert_eq!(fill_template("unclosed {n", &[("n", &1)]), "unclosed {n");
    }

    #[test]
    fn placeholders_are_listed_once_in_order() {
        assert_eq!(placeholders("{b} {a} {b} {} {not a name}"), vec!["b", "a"]);
    }
}
