//! The built-in course and broken packs: the course lints clean and covers what the course is
//! meant to cover; every kind of broken pack gets its message (snapshots), never a panic.

use std::path::Path;

use iamdojo::lesson::lint::{Level, lint};
use iamdojo::lesson::{LessonEntry, StepKind, load};

#[test]
fn the_built_in_course_is_complete_and_lints_clean() {
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .map(|p| p.unwrap_or_else(|(n, e)| panic!("{n}: {e}")))
        .collect();
    assert!(!packs.is_empty(), "no built-in pack");
    let mut lessons = 0;
    let mut exercises = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for pack in &packs {
        assert_eq!(
            pack.meta.languages,
            vec!["en".to_string(), "ja".to_string()]
        );
        for entry in &pack.lessons {
            match entry {
                LessonEntry::Broken { file, error } => panic!("{file}: {error}"),
                LessonEntry::Ok { lesson, .. } => {
                    lessons += 1;
                    let ex: Vec<_> = lesson
                        .steps
                        .iter()
                        .filter(|s| s.kind() != StepKind::Read)
                        .collect();
                    assert!(ex.len() >= 2, "{}: only {} exercises", lesson.id, ex.len());
                    assert!(
                        lesson.steps.iter().any(|s| s.kind() == StepKind::Read),
                        "{}: no reading",
                        lesson.id
                    );
                    exercises += ex.len();
                    kinds.extend(ex.iter().map(|s| format!("{:?}", s.kind())));
                }
            }
        }
        // Errors and warnings alike: a missing translation is a warning, and the course has none.
        let issues = lint(pack);
        let shown: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert!(issues.is_empty(), "{}:\n{}", pack.meta.id, shown.join("\n"));
        assert!(issues.iter().all(|i| i.level != Level::Error));
    }
    assert!(lessons >= 12, "{lessons} lessons");
    assert!(exercises >= 45, "{exercises} exercises");
    assert_eq!(kinds.len(), 5, "every exercise kind is used: {kinds:?}");
}

#[test]
fn broken_packs_get_clear_messages() {
    insta::glob!("data/packs-broken/*", |dir| {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let out = match load::load_dir(dir) {
            Err(e) => format!("pack refused: {e}"),
            Ok(pack) => lint(&pack)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        };
        assert!(!out.is_empty(), "{name} passed lint but is broken");
        insta::assert_snapshot!(out);
    });
}

#[test]
fn the_new_pack_template_lints_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("fresh");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_iamdojo"))
        .args(["lessons", "new"])
        .arg(&target)
        .output()
        .expect("runs");
    assert!(status.status.success());
    let pack = load::load_dir(Path::new(&target)).expect("loads");
    let issues = lint(&pack);
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn the_committed_json_schema_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/lesson-pack.schema.json"
    );
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let now = serde_json::to_string_pretty(&iamdojo::lesson::model::json_schema())
        .unwrap_or_default()
        + "\n";
    assert!(
        committed == now,
        "assets/lesson-pack.schema.json is out of date; regenerate it with `cargo run -- lessons schema > assets/lesson-pack.schema.json`"
    );
}
