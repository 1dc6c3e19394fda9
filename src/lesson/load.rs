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
use crate::input::read::{Kind, Limit};

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
    fn read(&self, rel: &str) -> Result<String, String>;
    /// Whether the pack has this file at all (an optional file that is absent is no error;
    /// one that is there but cannot be read is).
    fn has(&self, rel: &str) -> bool;
}

#[derive(Debug)]
struct Embedded(&'static Dir<'static>);

impl Source for Embedded {
    fn read(&self, rel: &str) -> Result<String, String> {
        let f = self
            .0
            .get_file(self.0.path().join(rel))
            .ok_or_else(|| format!("no file `{rel}` in the built-in pack"))?;
        f.contents_utf8()
            .map(str::to_string)
            .ok_or_else(|| format!("`{rel}` is not UTF-8 text"))
    }

    fn has(&self, rel: &str) -> bool {
        self.0.get_file(self.0.path().join(rel)).is_some()
    }
}

#[derive(Debug)]
struct Folder(PathBuf);

impl Source for Folder {
    fn read(&self, rel: &str) -> Result<String, String> {
        let p = self.0.join(rel);
        // Symbolic links may not lead out of the pack either.
        let real = std::fs::canonicalize(&p).map_err(|e| format!("cannot read `{rel}`: {e}"))?;
        let root = std::fs::canonicalize(&self.0)
            .map_err(|e| format!("cannot read the pack folder: {e}"))?;
        if !real.starts_with(&root) {
            return Err(format!("`{rel}` leads outside the pack folder"));
        }
        // Only plain files, bounded: a FIFO would block start-up, `/dev/zero` fill memory.
        crate::input::read::path(&p, Limit::PackFile, Kind::PlainFile, rel)
            .map_err(|e| format!("`{rel}` {}", e.message))
    }

    fn has(&self, rel: &str) -> bool {
        // A dangling symbolic link is there too: reading it says what is wrong.
        self.0.join(rel).symlink_metadata().is_ok()
    }
}

/// A checked path inside a pack: relative, no `..`, no root.
pub fn safe_rel(rel: &str) -> Result<String, String> {
    let p = Path::new(rel);
    if rel.is_empty()
        || p.is_absolute()
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{rel}` must be a path inside the pack folder (no `..`, no leading `/`)"
        ));
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
/// it in errors.
pub fn parse_lesson(file: &str, text: &str) -> Result<Lesson, LoadError> {
    let raw: raw::LessonFile = parse(file, text)?;
    if raw.steps.len() > MAX_STEPS {
        return Err(LoadError::at(
            file,
            "steps",
            format!("a lesson has at most {MAX_STEPS} steps; split it"),
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
        path: e.path,
        message: e.message,
    }
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    if text.len() > MAX_FILE {
        return Err(LoadError::new(
            file,
            format!(
                "is {} bytes; pack files are limited to {MAX_FILE}",
                text.len()
            ),
        ));
    }
    crate::input::yaml::parse(file, text).map_err(|mut e| {
        if e.message.starts_with("invalid type") {
            e.message
                .push_str("; see docs/lesson-format.md for the expected shape");
        }
        // What to add for the fields people forget.
        if let Some(field) = e
            .message
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            let add = match (field, file) {
                ("schema", glossary::FILE) => " at the top of glossary.yaml: `schema: 1` (the format version this iamdojo reads)".to_string(),
                ("version", glossary::FILE) => ": `version: 1.0.0` (the glossary's semantic version)".to_string(),
                ("schema", _) => " at the top of pack.yaml: `schema: 1` (the format version this iamdojo reads)".to_string(),
                ("version", "pack.yaml") => ": `version: 1.0.0` (the pack's semantic version)".to_string(),
                ("version", _) => ": `version: 1` (raise it when you change the lesson's exercises; progress records it)".to_string(),
                (f, _) => format!(": `{f}:` (see docs/lesson-format.md)"),
            };
            e.message = format!("missing field `{field}`; add it{add}");
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

fn load_from(source: Arc<dyn Source>, origin: String) -> Result<Pack, LoadError> {
    let text = source.read("pack.yaml").map_err(|m| LoadError {
        file: "pack.yaml".into(),
        location: None,
        path: String::new(),
        message: m,
    })?;
    let meta: raw::PackFile = parse("pack.yaml", &text)?;
    let err = |path: &str, message: String| LoadError {
        file: "pack.yaml".into(),
        location: None,
        path: path.into(),
        message,
    };
    if meta.schema != SCHEMA {
        return Err(err(
            "schema",
            format!(
                "this pack uses schema {}, but this iamdojo reads schema {SCHEMA}; update iamdojo",
                meta.schema
            ),
        ));
    }
    let meta = PackMeta::from_raw(meta).map_err(|e| invalid("pack.yaml", &text, e))?;
    if meta.lessons.len() > MAX_LESSONS {
        return Err(err(
            "lessons",
            format!("a pack lists at most {MAX_LESSONS} lessons"),
        ));
    }
    let mut texts = vec![text.clone()];
    let mut lessons = Vec::new();
    for (i, file) in meta.lessons.iter().enumerate() {
        let entry = match safe_rel(file) {
            Err(m) => LessonEntry::Broken {
                file: file.clone(),
                error: err(&format!("lessons[{i}]"), m),
            },
            Ok(rel) => match source.read(&rel) {
                Err(m) => LessonEntry::Broken {
                    file: rel.clone(),
                    error: LoadError {
                        file: rel,
                        location: None,
                        path: String::new(),
                        message: m,
                    },
                },
                Ok(t) => {
                    texts.push(t.clone());
                    match parse_lesson(&rel, &t) {
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
        glossary: read_glossary(&*source),
        source,
    })
}

/// The pack's `glossary.yaml`: none is an empty glossary.
fn read_glossary(source: &dyn Source) -> Result<Glossary, LoadError> {
    if !source.has(glossary::FILE) {
        return Ok(Glossary::default());
    }
    let text = source
        .read(glossary::FILE)
        .map_err(|m| LoadError::new(glossary::FILE, m))?;
    parse_glossary(glossary::FILE, &text)
}

/// Parses a glossary file's text (as the loader does for a pack's `glossary.yaml`); `file`
/// names it in errors.
pub fn parse_glossary(file: &str, text: &str) -> Result<Glossary, LoadError> {
    let raw: raw::GlossaryFile = parse(file, text)?;
    if raw.schema != SCHEMA {
        let e = Invalid {
            path: "schema".into(),
            message: format!(
                "this glossary uses schema {}, but this iamdojo reads schema {SCHEMA}; update iamdojo",
                raw.schema
            ),
        };
        return Err(invalid(file, text, e));
    }
    Glossary::from_raw(raw).map_err(|e| invalid(file, text, e))
}

/// The glossary of the built-in course (every built-in pack's, in order): the terms any pack
/// may link to, whether or not the built-in course is loaded in this run.
pub fn built_in_glossary() -> &'static Glossary {
    static GLOSSARY: std::sync::OnceLock<Glossary> = std::sync::OnceLock::new();
    GLOSSARY.get_or_init(|| {
        let mut all = Glossary::default();
        for d in BUILT_IN.dirs() {
            // A broken built-in glossary is the course's bug, caught by its tests and lint.
            if let Ok(g) = read_glossary(&Embedded(d)) {
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

/// The packs of the built-in course (one per folder of `lessons/`).
pub fn built_in() -> Vec<Result<Pack, (String, LoadError)>> {
    let mut out = Vec::new();
    for d in BUILT_IN.dirs() {
        if d.get_file(d.path().join("pack.yaml")).is_none() {
            continue;
        }
        let name = d.path().display().to_string();
        out.push(
            load_from(Arc::new(Embedded(d)), format!("built-in:{name}")).map_err(|e| (name, e)),
        );
    }
    out
}

/// Loads a pack from a folder.
pub fn load_dir(dir: &Path) -> Result<Pack, LoadError> {
    if !dir.join("pack.yaml").is_file() {
        return Err(LoadError { file: dir.join("pack.yaml").display().to_string(), location: None, path: String::new(), message: "no pack.yaml here; a pack is a folder with pack.yaml and its lesson files (try `iamdojo lessons new NAME`)".into() });
    }
    load_from(
        Arc::new(Folder(dir.to_path_buf())),
        dir.display().to_string(),
    )
}

impl Pack {
    /// Reads a file of the pack (scenarios, virtual files).
    pub fn read(&self, rel: &str) -> Result<String, String> {
        let rel = safe_rel(rel)?;
        self.source.read(&rel)
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

    /// A sandbox over a scenario of this pack (an empty account when `None`).
    pub fn sandbox(&self, scenario: Option<&str>) -> Result<Sandbox, String> {
        match scenario {
            None => Ok(Sandbox::new(crate::account::Account::default())),
            Some(rel) => {
                let text = self.read(rel)?;
                crate::account::scenario::load(rel, &text)
                    .map(|s| s.sandbox)
                    .map_err(|e| e.to_string())
            }
        }
    }
}
