//! Interned names: the lowercase service prefixes and action names that policies and
//! requests hold, each given a small integer once, so that the evaluator compares integers
//! rather than strings.
//!
//! One table serves the whole process, so that a name has the same [`Sym`] in every policy
//! and request. It only grows, and it is bounded: past [`CAPACITY`] names it stops taking new
//! ones and [`intern`] answers `None`, on which every caller falls back to comparing the
//! text. A name already in the table is always found, so two names with a `Sym` each are
//! equal exactly when their `Sym`s are, and a name without one equals no name that has one.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

/// An interned name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(u32);

impl Sym {
    /// The integer behind it (for sorting indexes).
    #[inline]
    pub fn id(self) -> u32 {
        self.0
    }
}

/// How many names the table takes: beyond the about 18,000 action names and 450
/// service prefixes AWS has, so that only made-up names a long-running process keeps seeing
/// (a fuzzer, say) are left uninterned.
pub const CAPACITY: usize = 1 << 16;

static TABLE: LazyLock<RwLock<HashMap<Box<str>, Sym>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// The name's `Sym`, adding it to the table if there is room.
pub fn intern(name: &str) -> Option<Sym> {
    if let Some(s) = lookup(name) {
        return Some(s);
    }
    // A poisoned lock only means another thread panicked while holding it; the map itself
    // is whole (an insert either happened or did not).
    let mut t = TABLE.write().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = t.get(name) {
        return Some(*s);
    }
    let n = t.len();
    if n >= CAPACITY {
        return None;
    }
    let s = Sym(u32::try_from(n).ok()?);
    t.insert(name.into(), s);
    Some(s)
}

/// The name's `Sym` if it has one.
pub fn lookup(name: &str) -> Option<Sym> {
    let t = TABLE.read().unwrap_or_else(|e| e.into_inner());
    t.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_has_one_sym_and_different_names_differ() {
        let a = intern("sym-test-getobject");
        let b = intern("sym-test-putobject");
        assert!(a.is_some() && b.is_some());
        assert_eq!(intern("sym-test-getobject"), a);
        assert_eq!(lookup("sym-test-getobject"), a);
        assert_ne!(a, b);
        assert_eq!(lookup("sym-test-never-interned"), None);
    }
}
