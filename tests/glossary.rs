//! The glossary: the built-in course's terms load and agree with docs/style-ja.md's glossary
//! table, a broken glossary and an unknown link are reported where they are, the TUI's
//! glossary panel (snapshots at 80×24 and 120×40 in both languages) opens at a step's linked
//! terms and filters, and the plain mode's `glossary` command prints matching terms.

use std::path::Path;

use iamdojo::lesson::glossary::{Glossary, Term};
use iamdojo::lesson::lint::{Level, lint};
use iamdojo::lesson::{PackSet, load};
use iamdojo::tui::app::App;
use iamdojo::tui::i18n::Lang;
use iamdojo::tui::theme::Theme;
use iamdojo::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn built_in() -> Glossary {
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .map(|p| p.unwrap_or_else(|(n, e)| panic!("{n}: {e}")))
        .collect();
    let course = packs
        .iter()
        .find(|p| p.meta.id.as_str() == "iam-course")
        .expect("the built-in course");
    course
        .glossary
        .clone()
        .expect("the course's glossary loads")
}

#[test]
fn the_course_glossary_loads_with_both_languages_and_aws_pages() {
    let g = built_in();
    assert!(
        (30..=45).contains(&g.terms.len()),
        "{} terms",
        g.terms.len()
    );
    for t in &g.terms {
        // The loader holds every URL to AWS's documentation; the Japanese one is the
        // Japanese page.
        assert!(t.doc_ja.contains("/ja_jp/"), "{}: {}", t.id, t.doc_ja);
        assert!(!t.doc_en.contains("/ja_jp/"), "{}: {}", t.id, t.doc_en);
        assert!(
            t.ja.definition.ends_with('。'),
            "{}: {}",
            t.id,
            t.ja.definition
        );
        assert!(
            t.en.definition.ends_with('.'),
            "{}: {}",
            t.id,
            t.en.definition
        );
    }
    // The built-in glossary any pack may link to is the course's.
    assert_eq!(load::built_in_glossary().terms, g.terms);
}

/// One row of docs/style-ja.md's glossary table: its Japanese and English spellings.
struct Row {
    ja: Vec<String>,
    en: Vec<String>,
}

/// `cell` split at `sep` outside parentheses.
fn parts<'a>(cell: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < cell.len() {
        let rest = &cell[i..];
        if rest.starts_with('(') {
            depth += 1;
        } else if rest.starts_with(')') {
            depth -= 1;
        } else if depth == 0 && rest.starts_with(sep) {
            out.push(cell[start..i].trim());
            i += sep.len();
            start = i;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out.push(cell[start..].trim());
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// A spelling compared without spaces and case.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The spellings a part of a cell stands for: the whole part, the part without its
/// parenthetical, the parenthetical alone and the part with its parentheses dropped
/// (`(ロールを) 引き受ける` stands for ロールを引き受ける too).
fn spellings(part: &str, inner_too: bool) -> Vec<String> {
    let mut out = vec![norm(part)];
    if let (Some(open), Some(close)) = (part.find('('), part.find(')'))
        && open < close
    {
        let inner = &part[open + 1..close];
        let main = format!("{}{}", &part[..open], &part[close + 1..]);
        out.push(norm(&main));
        out.push(norm(&format!(
            "{}{inner}{}",
            &part[..open],
            &part[close + 1..]
        )));
        if inner_too {
            out.push(norm(inner));
        }
    }
    out
}

fn style_table() -> Vec<Row> {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/style-ja.md")).unwrap();
    let section = doc
        .split("## 1. 用語集")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the glossary section");
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 日本語") && !l.starts_with("|---"))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            let (ja, en) = (cols.get(1)?, cols.get(2)?);
            Some(Row {
                ja: parts(ja, "、")
                    .into_iter()
                    .flat_map(|p| spellings(p, true))
                    .collect(),
                en: parts(en, ", ")
                    .into_iter()
                    .flat_map(|p| spellings(p, true))
                    .collect(),
            })
        })
        .collect()
}

/// For every term whose English is in the table (also with a leading `IAM `: the table's
/// `role` is the glossary's `IAM role`), whether its Japanese is one the table gives: the
/// number of terms the table holds, and each disagreement.
fn disagreements(table: &[Row], terms: &[Term]) -> (usize, Vec<String>) {
    let mut held = 0;
    let mut bad = Vec::new();
    for t in terms {
        let en = spellings(&t.en.term, true);
        let rows: Vec<&Row> = table
            .iter()
            .filter(|r| {
                en.iter().any(|e| {
                    r.en.contains(e)
                        || e.strip_prefix("iam")
                            .is_some_and(|x| r.en.iter().any(|y| y == x))
                })
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        held += 1;
        // The glossary's own spelling: the whole term or its main part, never only the
        // parenthetical (`ロールを引き受ける (AssumeRole)` is held to ロールを引き受ける).
        let ja = spellings(&t.ja.term, false);
        if !rows.iter().any(|r| ja.iter().any(|j| r.ja.contains(j))) {
            bad.push(format!(
                "{}: the glossary writes 「{}」, docs/style-ja.md's glossary table does not",
                t.id, t.ja.term
            ));
        }
    }
    (held, bad)
}

#[test]
fn the_glossary_spells_terms_as_the_japanese_style_guide() {
    let table = style_table();
    assert!(table.len() > 30, "{} rows read", table.len());
    let g = built_in();
    let (held, bad) = disagreements(&table, &g.terms);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(held >= 25, "only {held} terms found in the table");
    // The check catches a spelling the table does not give.
    let mut wrong = g.get("managed-policy").expect("managed-policy").clone();
    wrong.ja.term = "マネージドポリシー".into();
    let mut role = g.get("iam-role").expect("iam-role").clone();
    role.ja.term = "IAM 役割".into();
    let (held, bad) = disagreements(&table, &[wrong, role]);
    assert_eq!((held, bad.len()), (2, 2), "{bad:?}");
}

#[test]
fn a_broken_glossary_names_its_line_and_the_lessons_still_load() {
    let dir = Path::new(ROOT).join("tests/data/packs-broken/bad-glossary");
    let pack = load::load_dir(&dir).expect("the pack loads");
    assert_eq!(pack.ok_lessons().count(), 1, "the lesson loads");
    let e = pack.glossary.as_ref().expect_err("the glossary is refused");
    assert_eq!(e.file, "glossary.yaml");
    assert_eq!(e.path, "terms[1].doc.ja");
    // The second term starts on line 12 of the file.
    assert_eq!(e.location.map(|(l, _)| l), Some(12));
    let issues = lint(&pack);
    assert!(
        issues.iter().any(|i| i.level == Level::Error
            && i.file == "glossary.yaml"
            && i.line == Some(12)
            && i.message.contains("http://example.com/dojo")),
        "{issues:?}"
    );
    // Its term is not found, and lint says why.
    assert!(
        issues
            .iter()
            .any(|i| i.file == "l.yaml" && i.message.contains("did not load")),
        "{issues:?}"
    );
}

#[test]
fn lint_reports_an_unknown_glossary_link_with_its_file_line_and_step() {
    let dir = Path::new(ROOT).join("tests/data/packs-broken/unknown-glossary-link");
    let pack = load::load_dir(&dir).expect("the pack loads");
    let issues = lint(&pack);
    let unknown: Vec<_> = issues
        .iter()
        .filter(|i| i.message.contains("glossary term"))
        .collect();
    assert_eq!(unknown.len(), 2, "{issues:?}");
    // The typo, once although both languages have it, with the term it is close to; the
    // built-in term `policy` resolves.
    let typo = unknown.first().expect("the typo");
    assert_eq!(
        (
            typo.level,
            typo.file.as_str(),
            typo.line,
            typo.path.as_str()
        ),
        (Level::Error, "l.yaml", Some(7), "steps[0].read")
    );
    assert!(typo.message.contains("did you mean `iam-user`"), "{typo}");
    let other = unknown.get(1).expect("the unknown term");
    assert_eq!(other.step.as_deref(), Some("pick"));
    assert_eq!(other.line, Some(10));
    assert!(other.message.contains("`widget`"), "{other}");
    // Loaded after the built-in course (as `--pack` does), the pack lints the same.
    let set = PackSet::load(true, &[dir]);
    assert!(set.broken.is_empty(), "{:?}", set.broken);
    let again = set
        .packs
        .iter()
        .find(|p| p.meta.id.as_str() == "unknown-glossary-link")
        .expect("the pack is in the set");
    assert_eq!(lint(again), issues);
}

fn app(lang: Lang) -> App {
    let packs: Vec<_> = load::built_in()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    App::new(packs, Vec::new(), lang, Theme::no_color(), None, None)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| view::draw(f, app)).expect("draws");
    format!("{}", t.backend())
}

fn key(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_glossary_panel_in_both_languages_and_sizes() {
    for lang in [Lang::En, Lang::Ja] {
        for (w, h) in [(80, 24), (120, 40)] {
            let name = |s: &str| format!("glossary-{s}-{}-{w}x{h}", lang.code());
            let mut a = app(lang);
            // From the lesson list: every term, in the glossary's order.
            key(&mut a, KeyCode::Char('W'));
            insta::assert_snapshot!(name("home"), screen(&a, w, h));
            // Filtering by typing: `/`, then the word.
            key(&mut a, KeyCode::Char('/'));
            for c in "deny".chars() {
                key(&mut a, KeyCode::Char(c));
            }
            insta::assert_snapshot!(name("filter"), screen(&a, w, h));
            key(&mut a, KeyCode::Esc);
            key(&mut a, KeyCode::Esc);
            // From the first lesson's reading: its linked terms first.
            key(&mut a, KeyCode::Enter);
            key(&mut a, KeyCode::Char('W'));
            insta::assert_snapshot!(name("lesson"), screen(&a, w, h));
        }
    }
}

#[test]
fn the_glossary_opens_at_the_step_s_linked_terms_and_esc_closes_it() {
    use iamdojo::tui::panel::{Body, Kind};
    let mut a = app(Lang::En);
    key(&mut a, KeyCode::Enter);
    let (pack, lesson, ls) = a.current().expect("a lesson");
    let step = lesson.steps.get(ls.step).expect("a step");
    let linked = iamdojo::lesson::glossary::step_links(step, "en", pack.default_language());
    assert!(linked.len() >= 3, "the first step links terms: {linked:?}");
    // The footer tells a new learner the key, at the smallest size too.
    assert!(
        screen(&a, 80, 24).contains("W glossary"),
        "{}",
        screen(&a, 80, 24)
    );
    let mut ja = app(Lang::Ja);
    key(&mut ja, KeyCode::Enter);
    assert!(
        screen(&ja, 80, 24).contains("W 用語集"),
        "{}",
        screen(&ja, 80, 24)
    );
    key(&mut a, KeyCode::Char('W'));
    let p = a.panel.as_ref().expect("the glossary is open");
    assert_eq!(p.kind, Kind::Glossary);
    let Body::Glossary(g) = &p.body else {
        panic!("not the glossary")
    };
    let first: Vec<&str> = g
        .terms
        .iter()
        .take(linked.len())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(first, linked);
    assert_eq!(g.pinned, linked.len());
    assert_eq!(p.cursor, 0);
    // Every term is listed once.
    let mut ids: Vec<&str> = g.terms.iter().map(|t| t.id.as_str()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all);
    key(&mut a, KeyCode::Esc);
    assert!(a.panel.is_none(), "Esc closes the glossary");
    // While typing, F6 opens it too.
    let mut b = app(Lang::En);
    key(&mut b, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut b, KeyCode::Char('n'));
    }
    key(&mut b, KeyCode::Enter);
    assert_eq!(b.context(), iamdojo::tui::keymap::Context::Typing);
    b.key(KeyEvent::new(KeyCode::F(6), KeyModifiers::NONE));
    assert_eq!(b.panel.as_ref().map(|p| p.kind), Some(Kind::Glossary));
}

#[test]
fn the_filter_narrows_the_list_and_esc_clears_it() {
    use iamdojo::tui::panel::Body;
    let mut a = app(Lang::Ja);
    key(&mut a, KeyCode::Char('W'));
    key(&mut a, KeyCode::Char('/'));
    for c in "境界".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    let shown = |a: &App| match a.panel.as_ref().map(|p| &p.body) {
        Some(Body::Glossary(g)) => g
            .shown
            .iter()
            .filter_map(|i| g.terms.get(*i))
            .map(|t| t.id.to_string())
            .collect::<Vec<_>>(),
        _ => panic!("the glossary is not open"),
    };
    // A term whose name matches comes before one whose definition does.
    let found = shown(&a);
    assert_eq!(
        found.first().map(String::as_str),
        Some("permissions-boundary")
    );
    assert!(found.len() < 10, "{found:?}");
    // Letters are text while filtering: `q` does not quit, `j` does not move.
    key(&mut a, KeyCode::Char('q'));
    assert!(!a.quit && a.panel.is_some());
    assert!(shown(&a).is_empty(), "nothing matches 境界q");
    key(&mut a, KeyCode::Backspace);
    assert_eq!(shown(&a), found);
    // Enter keeps the filter and goes back to the list; Esc there closes the panel.
    key(&mut a, KeyCode::Enter);
    assert_eq!(shown(&a), found);
    key(&mut a, KeyCode::Char('/'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        shown(&a).len(),
        built_in().terms.len(),
        "Esc clears the filter"
    );
    key(&mut a, KeyCode::Esc);
    assert!(a.panel.is_none());
}

#[test]
fn plain_mode_prints_the_terms_that_match() {
    let run = |input: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        let opts = iamdojo::tui::Options {
            lang: Some("ja".into()),
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let mut out = Vec::new();
        let code = iamdojo::tui::plain::run_with(input.as_bytes(), &mut out, &opts);
        assert_eq!(code, 0);
        String::from_utf8(out).expect("UTF-8")
    };
    let out = run("glossary 境界\nq\n");
    let after = out
        .split("glossary 境界")
        .nth(1)
        .expect("the command's output");
    assert!(after.contains("アクセス許可の境界"), "{after}");
    assert!(after.contains("permissions boundary"), "{after}");
    assert!(
        after.contains(
            "https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies_boundaries.html"
        ),
        "{after}"
    );
    let out = run("glossary zzzz\nq\n");
    assert!(out.contains("zzzz"), "{out}");
    assert!(!out.contains("https://docs.aws.amazon.com/"), "{out}");
    // Without a word, in a lesson: the terms the step links to, in full.
    let out = run("1\nglossary\nq\n");
    let after = out
        .rsplit("glossary\n")
        .next()
        .expect("the command's output");
    assert!(after.contains("IAM ユーザー"), "{after}");
    assert!(after.contains("https://docs.aws.amazon.com/"), "{after}");
    insta::assert_snapshot!("plain-glossary-word", run("glossary 境界\nq\n"));
}
