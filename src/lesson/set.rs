//! The packs of one run: the built-in course, then pack folders in order, each pack id at most
//! once. Progress and "continue" know a lesson by its pack id, so a second pack with an id
//! already loaded (say a copy of `iam-course`) would mix its progress with the first's; it is
//! refused and listed with the broken packs instead. The TUI, plain mode and the CLI all
//! collect their packs here.

use std::path::PathBuf;

use super::load::{self, Pack};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::lint::Lint;

/// Loaded packs with distinct ids, and the packs that could not be used, as messages.
#[derive(Debug, Default)]
pub struct PackSet {
    /// The packs, in the order they were added.
    pub packs: Vec<Pack>,
    /// One message per refused pack: a load error or an id already taken.
    pub broken: Vec<String>,
}

impl PackSet {
    /// Loads the built-in course (when `builtin`), then each folder of `dirs` in order; the
    /// refusals are in English ([`PackSet::load_in`] says them in another language).
    pub fn load(builtin: bool, dirs: &[PathBuf]) -> PackSet {
        PackSet::load_in(Lang::En, builtin, dirs)
    }

    /// [`PackSet::load`], with every load error and refusal in `lang`.
    pub fn load_in(lang: Lang, builtin: bool, dirs: &[PathBuf]) -> PackSet {
        let mut set = PackSet::default();
        if builtin {
            for r in load::built_in_in(lang) {
                set.add(
                    r.map_err(|(n, e)| format!("{n}: {}", load::describe(&e, lang))),
                    lang,
                );
            }
        }
        for d in dirs {
            set.add(
                load::load_dir_in(d, lang).map_err(|e| load::describe(&e, lang)),
                lang,
            );
        }
        set
    }

    /// Adds a pack, or records why it is refused (in `lang`): it did not load, or its id is
    /// taken.
    pub fn add(&mut self, pack: Result<Pack, String>, lang: Lang) {
        match pack.and_then(|p| match self.clash(&p, lang) {
            Some(e) => Err(e),
            None => Ok(p),
        }) {
            Ok(p) => self.packs.push(p),
            Err(e) => self.broken.push(e),
        }
    }

    /// Why `pack` cannot join the set (its id is already loaded, from where), in `lang`, if
    /// it cannot.
    pub fn clash(&self, pack: &Pack, lang: Lang) -> Option<String> {
        self.packs
            .iter()
            .find(|p| p.meta.id == pack.meta.id)
            .map(|p| duplicate_id(pack, p, lang))
    }
}

/// The message for `pack` whose id `first` already uses, in `lang`; both origins are named.
pub fn duplicate_id(pack: &Pack, first: &Pack, lang: Lang) -> String {
    Lint::DuplicatePackId.fill(
        lang,
        &[
            ("origin", &pack.origin),
            ("id", &pack.meta.id),
            ("first", &first.origin),
        ],
    )
}
