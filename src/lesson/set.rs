//! The packs of one run: the built-in course, then pack folders in order, each pack id at most
//! once. Progress and "continue" know a lesson by its pack id, so a second pack with an id
//! already loaded (say a copy of `iam-course`) would mix its progress with the first's; it is
//! refused and listed with the broken packs instead. The TUI, plain mode and the CLI all
//! collect their packs here.

use std::path::PathBuf;

use super::load::{self, Pack};

/// Loaded packs with distinct ids, and the packs that could not be used, as messages.
#[derive(Debug, Default)]
pub struct PackSet {
    /// The packs, in the order they were added.
    pub packs: Vec<Pack>,
    /// One message per refused pack: a load error or an id already taken.
    pub broken: Vec<String>,
}

impl PackSet {
    /// Loads the built-in course (when `builtin`), then each folder of `dirs` in order.
    pub fn load(builtin: bool, dirs: &[PathBuf]) -> PackSet {
        let mut set = PackSet::default();
        if builtin {
            for r in load::built_in() {
                set.add(r.map_err(|(n, e)| format!("{n}: {e}")));
            }
        }
        for d in dirs {
            set.add(load::load_dir(d).map_err(|e| e.to_string()));
        }
        set
    }

    /// Adds a pack, or records why it is refused: it did not load, or its id is taken.
    pub fn add(&mut self, pack: Result<Pack, String>) {
        match pack.and_then(|p| match self.clash(&p) {
            Some(e) => Err(e),
            None => Ok(p),
        }) {
            Ok(p) => self.packs.push(p),
            Err(e) => self.broken.push(e),
        }
    }

    /// Why `pack` cannot join the set (its id is already loaded, from where), if it cannot.
    pub fn clash(&self, pack: &Pack) -> Option<String> {
        self.packs
            .iter()
            .find(|p| p.meta.id == pack.meta.id)
            .map(|p| duplicate_id(pack, p))
    }
}

/// The message for `pack` whose id `first` already uses; both origins are named.
pub fn duplicate_id(pack: &Pack, first: &Pack) -> String {
    format!(
        "{}: the pack id `{}` is already used by the pack loaded from `{}`; progress is kept by pack id, so give this pack another `id` in its pack.yaml",
        pack.origin, pack.meta.id, first.origin
    )
}
