//! Loading packs: the built-in course embedded in the binary, and packs from folders. A broken
//! lesson is listed as broken with its error (file, line, column, field path, and a hint); the
//! rest of the pack still loads. Limits stop hostile files, and no path can leave the pack.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use include_dir::{Dir, include_dir};

use super::glossary::{self, Glossary, Term};
use super::model::{Invalid, Lesson, PackMeta};
use super::raw;
use crate::account::command::Sandbox;
use crate::input::Said;
use crate::input::read::{Kind, Limit};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::input::Input;
use crate::msg::lint::Lint;

/// The built-in course.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");

/// The largest pack or lesson file read, in bytes (`input::read::Limit::PackFile`).
pub const MAX_FILE: usize = 512 * 1024;
/// The most steps a lesson may have.
pub const MAX_STEPS: usize = 200;
/// The most lessons a pack may list.
pub const MAX_LESSONS: usize = 500;
/// The pack format version this build reads.
pub const SCHEMA: u32 = 1;

/// A file of a pack that could not be used: the file relative to the pack, the line and
/// column when known, the field path and what to do (one error type for every input file).
pub type LoadError = crate::input::FileError;

/// Where a pack's files come from.
trait Source: Send + Sync + std::fmt::Debug {
    /// The file's text, or why not in `lang`.
    fn read(&self, rel: &str, lang: Lang) -> Result<String, String>;
    /// Whether the pack has this file at all (an optional file that is absent is no error;
    /// one that is there but cannot be read is).
    fn has(&self, rel: &str) -> bool;
}

#[derive(Debug)]
struct Embedded(&'static Dir<'static>);

impl Source for Embedded {
    fn read(&self, rel: &str, lang: Lang) -> Result<String, String> {
        let f = self
            .0
            .get_file(self.0.path().join(rel))
            .ok_or_else(|| Lint::NoFileBuiltIn.fill(lang, &[("file", &rel)]))?;
        f.contents_utf8()
            .map(str::to_string)
            .ok_or_else(|| Lint::NotUtf8.fill(lang, &[("file", &rel)]))
    }

    fn has(&self, rel: &str) -> bool {
        self.0.get_file(self.0.path().join(rel)).is_some()
    }
}

#[derive(Debug)]
struct Folder(PathBuf);

impl Source for Folder {
    fn read(&self, rel: &str, lang: Lang) -> Result<String, String> {
        let p = self.0.join(rel);
        // Symbolic links may not lead out of the pack either.
        let real = std::fs::canonicalize(&p)
            .map_err(|e| Lint::CannotRead.fill(lang, &[("file", &rel), ("error", &e)]))?;
        let root = std::fs::canonicalize(&self.0)
            .map_err(|e| Lint::CannotReadPackFolder.fill(lang, &[("error", &e)]))?;
        if !real.starts_with(&root) {
            return Err(Lint::LeadsOutside.fill(lang, &[("file", &rel)]));
        }
        // Only plain files, bounded: a FIFO would block start-up, `/dev/zero` fill memory.
        crate::input::read::path(&p, Limit::PackFile, Kind::PlainFile, rel).map_err(|e| {
            let error = e.message.render(lang);
            Lint::FileRefused.fill(lang, &[("file", &rel), ("error", &error)])
        })
    }

    fn has(&self, rel: &str) -> bool {
        // A dangling symbolic link is there too: reading it says what is wrong.
        self.0.join(rel).symlink_metadata().is_ok()
    }
}

/// A checked path inside a pack: relative, no `..`, no root (or why not, in `lang`).
pub fn safe_rel(rel: &str, lang: Lang) -> Result<String, String> {
    let p = Path::new(rel);
    if rel.is_empty()
        || p.is_absolute()
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(Lint::NotInsidePack.fill(lang, &[("file", &rel)]));
    }
    Ok(rel.trim_start_matches("./").to_string())
}

/// One lesson of a pack: loaded, or broken with its error.
#[derive(Debug, Clone)]
pub enum LessonEntry {
    /// Loaded.
    Ok {
        /// Its file in the pack.
        file: String,
        /// The lesson.
        lesson: Box<Lesson>,
    },
    /// Could not be loaded.
    Broken {
        /// Its file in the pack.
        file: String,
        /// Why.
        error: LoadError,
    },
}

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// `pack.yaml`.
    pub meta: PackMeta,
    /// Where it came from (`built-in` or a folder).
    pub origin: String,
    /// Its lessons in order.
    pub lessons: Vec<LessonEntry>,
    /// A hash of its files, so that progress can notice a changed pack.
    pub content_hash: String,
    /// Its glossary (`glossary.yaml`; empty when the pack has none), or why it did not load:
    /// a broken glossary is reported by lint, and the lessons still load.
    pub glossary: Result<Glossary, LoadError>,
    source: Arc<dyn Source>,
}

/// Parses one lesson file's text (as the loader does for each file of a pack); `file` names
/// it in errors, which are in English ([`parse_lesson_in`] says them in another language).
pub fn parse_lesson(file: &str, text: &str) -> Result<Lesson, LoadError> {
    parse_lesson_in(file, text, Lang::En)
}

/// [`parse_lesson`], with its errors in `lang`.
pub fn parse_lesson_in(file: &str, text: &str, lang: Lang) -> Result<Lesson, LoadError> {
    let raw: raw::LessonFile = parse(file, text, lang)?;
    if raw.steps.len() > MAX_STEPS {
        return Err(LoadError::at(
            file,
            "steps",
            Lint::TooManySteps.fill(lang, &[("max", &MAX_STEPS)]),
        ));
    }
    Lesson::from_raw(raw).map_err(|e| invalid(file, text, e))
}

/// A rule of the model broken, as a file error pointing at the line of its field.
fn invalid(file: &str, text: &str, e: Invalid) -> LoadError {
    let line = crate::input::yaml::Outline::of(text).line_of(&e.path);
    LoadError {
        file: file.to_string(),
        location: line.map(|l| (l, 1)),
        message: e.said(),
        path: e.path,
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    lang: Lang,
) -> Result<T, LoadError> {
    if text.len() > MAX_FILE {
        return Err(LoadError::new(
            file,
            Lint::FileTooLarge.fill(lang, &[("n", &text.len()), ("max", &MAX_FILE)]),
        ));
    }
    crate::input::yaml::parse(file, text).map_err(|mut e| {
        if e.message.starts_with(Input::InvalidType) {
            e.message = Said::of(Lint::InvalidType).saying("error", e.message);
        }
        // What to add for the fields people forget (serde names the field in its message).
        if e.message.starts_with(Input::MissingField)
            && let Some(field) = e.message.value("field")
        {
            e.message = match (field, file) {
                ("schema", glossary::FILE) => Said::of(Lint::MissingGlossarySchema),
                ("version", glossary::FILE) => Said::of(Lint::MissingGlossaryVersion),
                ("schema", _) => Said::of(Lint::MissingSchema),
                ("version", "pack.yaml") => Said::of(Lint::MissingPackVersion),
                ("version", _) => Said::of(Lint::MissingLessonVersion),
                (f, _) => Said::of(Lint::MissingField).with("field", f),
            };
        }
        e
    })
}

fn hash(parts: &[&str]) -> String {
    // FNV-1a: stable across builds and platforms, which is all a content hash needs here.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn load_from(source: Arc<dyn Source>, origin: String, lang: Lang) -> Result<Pack, LoadError> {
    let text = source.read("pack.yaml", lang).map_err(|m| LoadError {
        file: "pack.yaml".into(),
        location: None,
        path: String::new(),
        message: m.into(),
    })?;
    let meta: raw::PackFile = parse("pack.yaml", &text, lang)?;
    let err = |path: &str, message: String| LoadError {
        file: "pack.yaml".into(),
        location: None,
        path: path.into(),
        message: message.into(),
    };
    if meta.schema != SCHEMA {
        return Err(err(
            "schema",
            Lint::SchemaMismatch.fill(lang, &[("got", &meta.schema), ("want", &SCHEMA)]),
        ));
    }
    let meta = PackMeta::from_raw(meta).map_err(|e| invalid("pack.yaml", &text, e))?;
    if meta.lessons.len() > MAX_LESSONS {
        return Err(err(
            "lessons",
            Lint::TooManyLessons.fill(lang, &[("max", &MAX_LESSONS)]),
        ));
    }
    let mut texts = vec![text.clone()];
    let mut lessons = Vec::new();
    for (i, file) in meta.lessons.iter().enumerate() {
        let entry = match safe_rel(file, lang) {
            Err(m) => LessonEntry::Broken {
                file: file.clone(),
                error: err(&format!("lessons[{i}]"), m),
            },
            Ok(rel) => match source.read(&rel, lang) {
                Err(m) => LessonEntry::Broken {
                    file: rel.clone(),
                    error: LoadError {
                        file: rel,
                        location: None,
                        path: String::new(),
                        message: m.into(),
                    },
                },
                Ok(t) => {
                    texts.push(t.clone());
                    match parse_lesson_in(&rel, &t, lang) {
                        Err(e) => LessonEntry::Broken {
                            file: rel,
                            error: e,
                        },
                        Ok(l) => LessonEntry::Ok {
                            file: rel,
                            lesson: Box::new(l),
                        },
                    }
                }
            },
        };
        lessons.push(entry);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(Pack {
        meta,
        origin,
        lessons,
        content_hash: hash(&refs),
        glossary: read_glossary(&*source, lang),
        source,
    })
}

/// The pack's `glossary.yaml`: none is an empty glossary.
fn read_glossary(source: &dyn Source, lang: Lang) -> Result<Glossary, LoadError> {
    if !source.has(glossary::FILE) {
        return Ok(Glossary::default());
    }
    let text = source
        .read(glossary::FILE, lang)
        .map_err(|m| LoadError::new(glossary::FILE, m))?;
    parse_glossary_in(glossary::FILE, &text, lang)
}

/// Parses a glossary file's text (as the loader does for a pack's `glossary.yaml`); `file`
/// names it in errors, which are in English ([`parse_glossary_in`] says them in another
/// language).
pub fn parse_glossary(file: &str, text: &str) -> Result<Glossary, LoadError> {
    parse_glossary_in(file, text, Lang::En)
}

/// [`parse_glossary`], with errors in `lang`.
pub fn parse_glossary_in(file: &str, text: &str, lang: Lang) -> Result<Glossary, LoadError> {
    let raw: raw::GlossaryFile = parse(file, text, lang)?;
    if raw.schema != SCHEMA {
        let e = Invalid::with(
            "schema",
            Lint::GlossarySchemaMismatch,
            vec![
                ("got", raw.schema.to_string()),
                ("want", SCHEMA.to_string()),
            ],
        );
        return Err(invalid(file, text, e));
    }
    Glossary::from_raw(raw).map_err(|e| invalid(file, text, e))
}

/// The folder of the built-in course, shown first.
const COURSE: &str = "iam-course";

/// The folders of `lessons/` in the order their packs are shown: the course first, then the
/// others by folder name.
fn built_in_dirs() -> Vec<&'static Dir<'static>> {
    let mut dirs: Vec<&'static Dir<'static>> = BUILT_IN.dirs().collect();
    dirs.sort_by_key(|d| (d.path() != Path::new(COURSE), d.path()));
    dirs
}

/// The glossary of the built-in course (every built-in pack's, in order): the terms any pack
/// may link to, whether or not the built-in course is loaded in this run.
pub fn built_in_glossary() -> &'static Glossary {
    static GLOSSARY: std::sync::OnceLock<Glossary> = std::sync::OnceLock::new();
    GLOSSARY.get_or_init(|| {
        let mut all = Glossary::default();
        for d in built_in_dirs() {
            // A broken built-in glossary is the course's bug, caught by its tests and lint.
            if let Ok(g) = read_glossary(&Embedded(d), Lang::En) {
                for t in g.terms {
                    if all.get(t.id.as_str()).is_none() {
                        all.terms.push(t);
                    }
                }
            }
        }
        all
    })
}

/// The packs of the built-in course (one per folder of `lessons/`), with errors in English
/// ([`built_in_in`] says them in another language).
pub fn built_in() -> Vec<Result<Pack, (String, LoadError)>> {
    built_in_in(Lang::En)
}

/// [`built_in`], with errors in `lang`.
pub fn built_in_in(lang: Lang) -> Vec<Result<Pack, (String, LoadError)>> {
    let mut out = Vec::new();
    for d in built_in_dirs() {
        if d.get_file(d.path().join("pack.yaml")).is_none() {
            continue;
        }
        let name = d.path().display().to_string();
        out.push(
            load_from(Arc::new(Embedded(d)), format!("built-in:{name}"), lang)
                .map_err(|e| (name, e)),
        );
    }
    out
}

/// Loads a pack from a folder, with errors in English ([`load_dir_in`] says them in another
/// language).
pub fn load_dir(dir: &Path) -> Result<Pack, LoadError> {
    load_dir_in(dir, Lang::En)
}

/// [`load_dir`], with errors in `lang`.
pub fn load_dir_in(dir: &Path, lang: Lang) -> Result<Pack, LoadError> {
    if !dir.join("pack.yaml").is_file() {
        return Err(LoadError::new(
            dir.join("pack.yaml").display().to_string(),
            Lint::NoPackYaml.text(lang),
        ));
    }
    load_from(
        Arc::new(Folder(dir.to_path_buf())),
        dir.display().to_string(),
        lang,
    )
}

/// `e` as one line, `file:line:column: message (at `path`)`, in `lang`: the file error's own
/// rendering, with the field path introduced in `lang` (the message is already in it).
pub fn describe(e: &LoadError, lang: Lang) -> String {
    e.describe(lang)
}

impl Pack {
    /// Reads a file of the pack (scenarios, virtual files), or says why not in `lang`.
    pub fn read(&self, rel: &str, lang: Lang) -> Result<String, String> {
        let rel = safe_rel(rel, lang)?;
        self.source.read(&rel, lang)
    }

    /// The glossary term a lesson of this pack links to as `glossary:ID`: the pack's own
    /// term, else the built-in course's.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary
            .as_ref()
            .ok()
            .and_then(|g| g.get(id))
            .or_else(|| built_in_glossary().get(id))
    }

    /// The lessons that loaded.
    pub fn ok_lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.lessons.iter().filter_map(|l| match l {
            LessonEntry::Ok { lesson, .. } => Some(&**lesson),
            LessonEntry::Broken { .. } => None,
        })
    }

    /// A lesson by id.
    pub fn lesson(&self, id: impl AsRef<str>) -> Option<&Lesson> {
        let id = id.as_ref();
        self.ok_lessons().find(|l| l.id.as_str() == id)
    }

    /// The default language.
    pub fn default_language(&self) -> &str {
        self.meta
            .languages
            .first()
            .map(String::as_str)
            .unwrap_or("en")
    }

    /// A sandbox over a scenario of this pack (an empty account when `None`); an error in
    /// English ([`Pack::sandbox_in`] says it in another language).
    pub fn sandbox(&self, scenario: Option<&str>) -> Result<Sandbox, String> {
        self.sandbox_in(scenario, Lang::En)
    }

    /// [`Pack::sandbox`], with its error in `lang`.
    pub fn sandbox_in(&self, scenario: Option<&str>, lang: Lang) -> Result<Sandbox, String> {
        match scenario {
            None => Ok(Sandbox::new(crate::account::Account::default())),
            Some(rel) => {
                let text = self.read(rel, lang)?;
                crate::account::scenario::load(rel, &text)
                    .map(|s| s.sandbox)
                    .map_err(|e| e.describe(lang))
            }
        }
    }
}
