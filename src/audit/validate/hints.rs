//! The "did you mean …?" suggestions of one validation run, each worked out once per distinct
//! unknown name.
//!
//! Finding the nearest names compares the unknown one with every name it could have meant
//! (an action with the hundreds of its service, a prefix with every service), so an audit of
//! thousands of documents that repeat the same few misspellings would spend most of its time
//! there. A [`Hints`] remembers each answer for the rest of the run, and can be switched off
//! where no finding that carries a suggestion is shown (the audit shows no errors of AWS
//! managed policies).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

/// What kind of name a suggestion is for: the same text can be an unknown service prefix in
/// one place and an unknown action in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum HintKind {
    /// An unknown service prefix in an action (`s4:GetObject`).
    ServiceInAction,
    /// An unknown action of a known service (`s3:GetObjet`).
    Action,
    /// An unknown `aws:` condition key.
    GlobalKey,
    /// An unknown condition key of a known service (the key names its service).
    ServiceKey,
    /// An unknown service prefix in a condition key.
    KeyService,
}

/// The names suggested for one unknown name, nearest first, shared by every finding about it.
type Names = Arc<[String]>;

/// The suggestions of one run (an audit, a `validate-policy`, one lint of a policy): each
/// unknown name is looked up once, whatever the number of documents or threads that name it.
#[derive(Debug)]
pub struct Hints {
    enabled: bool,
    memo: Mutex<BTreeMap<(HintKind, String), Names>>,
}

static OFF: Hints = Hints {
    enabled: false,
    memo: Mutex::new(BTreeMap::new()),
};

/// The memo of the whole process, for the callers that validate one document at a time
/// (`validate-policy`, `lessons lint`, the policy editor): the same misspelling met again,
/// in another lesson or on the next key press, is not looked up again.
static SHARED: Hints = Hints::new();

impl Default for Hints {
    fn default() -> Hints {
        Hints::new()
    }
}

impl Hints {
    /// Suggestions on, remembered for as long as this value lives.
    pub const fn new() -> Hints {
        Hints {
            enabled: true,
            memo: Mutex::new(BTreeMap::new()),
        }
    }

    /// No suggestions: for documents whose findings with suggestions (errors) are never
    /// shown. The findings are the same, without "did you mean" names.
    pub fn off() -> &'static Hints {
        &OFF
    }

    /// Suggestions on, remembered for the rest of the process: what [`super::validate`] and
    /// [`super::validate_with`] use. It holds one entry per distinct unknown name met, which
    /// a person's typing or a course's documents keep small.
    pub fn shared() -> &'static Hints {
        &SHARED
    }

    /// How many distinct names have been looked up.
    pub fn len(&self) -> usize {
        self.memo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// True when no name has been looked up.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The names to suggest for `name` (nearest first; empty: none), computed by `compute`
    /// the first time the run meets it. They are names, not a sentence: the finding says
    /// "did you mean" in the reader's language when it is shown. `compute` runs outside the
    /// lock, so two threads meeting a new name at once may both compute it; they get the same
    /// answer.
    pub(super) fn get(
        &self,
        kind: HintKind,
        name: &str,
        compute: impl FnOnce() -> Vec<String>,
    ) -> Arc<[String]> {
        if !self.enabled {
            return Arc::from(Vec::new());
        }
        let key = (kind, name.to_string());
        if let Some(v) = self
            .memo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return v.clone();
        }
        let value: Arc<[String]> = Arc::from(compute());
        self.memo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(key)
            .or_insert(value)
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_is_computed_once() {
        let h = Hints::new();
        let mut calls = 0;
        for _ in 0..3 {
            let v = h.get(HintKind::Action, "s3:GetObjet", || {
                calls += 1;
                vec!["s3:GetObject".to_string()]
            });
            assert_eq!(&*v, ["s3:GetObject".to_string()]);
        }
        assert_eq!(calls, 1);
        // The same text as another kind of name is another question.
        h.get(HintKind::ServiceInAction, "s3:GetObjet", || {
            calls += 1;
            Vec::new()
        });
        assert_eq!(calls, 2);
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn the_shared_memo_is_on_and_remembers() {
        let mut calls = 0;
        for _ in 0..2 {
            let v = Hints::shared().get(HintKind::Action, "hints-test:SharedOnce", || {
                calls += 1;
                vec!["hints-test:SharedOne".to_string()]
            });
            assert_eq!(&*v, ["hints-test:SharedOne".to_string()]);
        }
        assert_eq!(calls, 1);
        assert!(!Hints::shared().is_empty());
    }

    #[test]
    fn off_computes_nothing() {
        let v = Hints::off().get(HintKind::Action, "s3:GetObjet", || {
            panic!("suggestions are off")
        });
        assert!(v.is_empty());
        assert!(Hints::off().is_empty());
    }
}
