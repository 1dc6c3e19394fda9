//! The message catalog (`iamdojo::msg`): every entry has both languages, is translated, and
//! names the same placeholders in both, so that a `fill` never leaves a hole in one language.

use iamdojo::msg::{Entry, all, placeholders};

/// Entries whose two languages may be the same text (symbols, or words Japanese writes in
/// Latin letters as AWS's Japanese documentation does).
const SAME_IN_BOTH: &[&str] = &[];

fn entries() -> Vec<Entry> {
    let v = all();
    assert!(
        v.len() >= 200,
        "the catalog lists its areas ({} entries)",
        v.len()
    );
    v
}

#[test]
fn every_entry_has_both_languages_and_is_translated() {
    for e in entries() {
        let at = format!("{}::{}", e.area, e.key);
        assert!(!e.en.trim().is_empty(), "{at} has no English");
        assert!(!e.ja.trim().is_empty(), "{at} has no Japanese");
        if !SAME_IN_BOTH.contains(&e.key) {
            assert_ne!(e.en, e.ja, "{at} is not translated");
        }
    }
}

#[test]
fn both_languages_name_the_same_placeholders() {
    for e in entries() {
        let mut en = placeholders(e.en);
        let mut ja = placeholders(e.ja);
        en.sort_unstable();
        ja.sort_unstable();
        assert_eq!(en, ja, "{}::{}: {:?} / {:?}", e.area, e.key, e.en, e.ja);
    }
}

#[test]
fn no_two_entries_of_an_area_share_a_name() {
    let mut seen = std::collections::BTreeSet::new();
    for e in entries() {
        assert!(seen.insert((e.area, e.key)), "{}::{} twice", e.area, e.key);
    }
}
