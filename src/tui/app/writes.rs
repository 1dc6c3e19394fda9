//! Every write the interface makes to the progress store goes through [`Writes`]: it owns
//! the queue of writes that failed (a full disk, a database error), keeps them in memory
//! in the order they were made, retries them before every later write and on the app's
//! tick, and can export them as a `progress export` file when the learner quits without
//! them. Nothing here draws or knows the learner's language: it reports what happened and
//! the app words it, in its language ([`Failure::message`]).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::lang::Lang;
use crate::progress::{
    Attempt, CommandRecord, Completion, Export, ExportedLearner, Learner, PackId, PackSeen,
    Position, ProgressError, Setting, SettingValue, Store,
};

/// One write to the store.
#[derive(Debug, Clone)]
pub enum Write {
    /// An answer.
    Attempt(Attempt),
    /// A finished lesson.
    Completion(Completion),
    /// A sandbox command.
    Command(CommandRecord),
    /// A pack version opened.
    PackSeen {
        /// The pack.
        pack: PackId,
        /// Its version.
        version: String,
        /// Its content hash.
        hash: String,
        /// When it was opened.
        at: Timestamp,
    },
    /// Where the learner is.
    Position(Position),
    /// A preference.
    Setting {
        /// Which.
        setting: Setting,
        /// Its value.
        value: String,
        /// When it was set.
        at: Timestamp,
    },
}

impl Write {
    fn run(&self, store: &Store, learner: &Learner) -> Result<(), ProgressError> {
        match self {
            Write::Attempt(a) => store.record_attempt(learner, a).map(drop),
            Write::Completion(c) => store.record_completion(learner, c).map(drop),
            Write::Command(c) => store.record_command(learner, c).map(drop),
            Write::PackSeen {
                pack,
                version,
                hash,
                ..
            } => store.record_pack_seen(learner, pack, version, hash),
            Write::Position(p) => store.set_last_position(learner, p),
            Write::Setting { setting, value, .. } => store.set_setting(learner, *setting, value),
        }
    }

    fn is_answer(&self) -> bool {
        matches!(self, Write::Attempt(_))
    }
}

/// Why writes are waiting: the store's error, said in the learner's language where it is
/// shown ([`Failure::message`]).
#[derive(Debug, Clone)]
pub struct Failure {
    /// SQLite said the disk is full.
    pub disk_full: bool,
    /// The error itself (shared: a failure is kept as the last one and reported too).
    error: Arc<ProgressError>,
}

impl Failure {
    /// The error as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.error.message(lang)
    }
}

/// Two failures are the same when they say the same (the store's error is not comparable).
impl PartialEq for Failure {
    fn eq(&self, other: &Failure) -> bool {
        self.disk_full == other.disk_full && self.error.to_string() == other.error.to_string()
    }
}

impl Eq for Failure {}

impl From<ProgressError> for Failure {
    fn from(e: ProgressError) -> Failure {
        Failure {
            disk_full: e.is_disk_full(),
            error: Arc::new(e),
        }
    }
}

/// What one save or retry did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The new write reached the store.
    pub saved: bool,
    /// Waiting writes that went through now: (answers, all).
    pub flushed: (usize, usize),
    /// The write that failed now, if one did.
    pub failed: Option<Failure>,
}

/// The store's writes and the ones waiting to be retried.
#[derive(Debug, Default)]
pub struct Writes {
    waiting: VecDeque<(Learner, Write)>,
    last_failure: Option<Failure>,
}

impl Writes {
    /// Makes `write` for `learner`: first retries what is waiting, in order; the new write
    /// goes to the store only when nothing is left waiting before it, else it waits too.
    pub fn save(&mut self, store: &Store, learner: &Learner, write: Write) -> Report {
        let mut report = self.retry(store);
        if report.failed.is_some() || !self.waiting.is_empty() {
            self.waiting.push_back((learner.clone(), write));
            return report;
        }
        match write.run(store, learner) {
            Ok(()) => report.saved = true,
            Err(e) => {
                let f = Failure::from(e);
                self.last_failure = Some(f.clone());
                report.failed = Some(f);
                self.waiting.push_back((learner.clone(), write));
            }
        }
        report
    }

    /// Retries the waiting writes in the order they were made, stopping at the first that
    /// still fails.
    pub fn retry(&mut self, store: &Store) -> Report {
        let mut report = Report::default();
        while let Some((learner, write)) = self.waiting.front() {
            if let Err(e) = write.run(store, learner) {
                let f = Failure::from(e);
                self.last_failure = Some(f.clone());
                report.failed = Some(f);
                return report;
            }
            report.flushed.1 += 1;
            if write.is_answer() {
                report.flushed.0 += 1;
            }
            self.waiting.pop_front();
        }
        self.last_failure = None;
        report
    }

    /// How many writes are waiting.
    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    /// Whether nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// How many waiting writes are answers.
    pub fn answers(&self) -> usize {
        self.waiting.iter().filter(|(_, w)| w.is_answer()).count()
    }

    /// Why the last write failed, while writes are waiting.
    pub fn failure(&self) -> Option<&Failure> {
        self.last_failure
            .as_ref()
            .filter(|_| !self.waiting.is_empty())
    }

    /// The waiting writes as `progress export` files, one per learner, in the order the
    /// learners first appear.
    pub fn exports(&self) -> Vec<Export> {
        let mut out: Vec<(Learner, Export)> = Vec::new();
        for (learner, write) in &self.waiting {
            let i = match out.iter().position(|(l, _)| l == learner) {
                Some(i) => i,
                None => {
                    out.push((
                        learner.clone(),
                        Export::empty(ExportedLearner {
                            name: learner.name().clone(),
                            id: learner.uid().clone(),
                        }),
                    ));
                    out.len().saturating_sub(1)
                }
            };
            let Some((_, e)) = out.get_mut(i) else {
                continue;
            };
            match write {
                Write::Attempt(a) => e.attempts.push(a.clone()),
                Write::Completion(c) => e.completions.push(c.clone()),
                Write::Command(c) => e.commands.push(c.clone()),
                Write::PackSeen {
                    pack,
                    version,
                    hash,
                    at,
                } => e.packs_seen.push(PackSeen {
                    pack: pack.clone(),
                    version: version.clone(),
                    content_hash: hash.clone(),
                    first_seen: *at,
                    last_seen: *at,
                }),
                Write::Position(p) => e.last_position = Some(p.clone()),
                Write::Setting { setting, value, at } => {
                    e.settings.retain(|s| s.key != setting.key());
                    e.settings.push(SettingValue {
                        key: setting.key().to_string(),
                        value: value.clone(),
                        updated: *at,
                    });
                }
            }
        }
        out.into_iter().map(|(_, e)| e).collect()
    }

    /// Writes the waiting writes to `path` as a `progress export` file (a second learner's
    /// to `path` with `-NAME` before the extension); returns the files written. The writes
    /// stay waiting: they are not in the store yet.
    pub fn export_to(&self, path: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        for (n, e) in self.exports().iter().enumerate() {
            let file = if n == 0 {
                path.to_path_buf()
            } else {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                path.with_file_name(format!("{stem}-{}.json", e.learner.name))
            };
            std::fs::write(&file, e.to_json())?;
            written.push(file);
        }
        Ok(written)
    }
}

/// Where waiting writes are exported unless the learner types another path: the home
/// directory (else the temporary directory), never the data directory, which may be the
/// full disk.
pub fn default_export_path() -> PathBuf {
    let dir = directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    dir.join(format!("iamdojo-unsaved-{stamp}.json"))
}
