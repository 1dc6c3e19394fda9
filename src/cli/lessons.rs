//! `iamdojo lessons lint | list | new`: for instructors writing packs, and for anyone who
//! wants to see what the course holds.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Subcommand, ValueEnum};

use super::LangArg;
use crate::lang::Lang;
use crate::lesson::lint::{Level, lint_in};
use crate::lesson::{LessonEntry, Pack, PackSet, load};
use crate::msg::Message;
use crate::msg::lint::Lint;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per issue.
    Text,
    /// `{"packs": [{"pack", "issues": [...]}]}`.
    Json,
}

/// Arguments of `lessons`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: LessonsCommand,
}

/// The `lessons` subcommands.
#[derive(Debug, Subcommand)]
pub enum LessonsCommand {
    /// Check packs before class: every file loads, every reference resolves, every exercise is
    /// solvable by its solution and not already solved. Exit status 1 when there are errors.
    Lint {
        /// Pack folders (default: the built-in course).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The language of the text output (default: the locale's, from LC_ALL, LC_MESSAGES
        /// or LANG; the JSON output is the same in every language).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Check the folders as `iamdojo --no-builtin --pack …` loads them: a folder may then
        /// use a built-in pack's id (an edited copy of a built-in pack, say).
        #[arg(long)]
        no_builtin: bool,
    },
    /// List packs and their lessons.
    List {
        /// More pack folders besides the built-in course.
        #[arg(long = "pack", value_name = "PATH")]
        packs: Vec<PathBuf>,
        /// The language of the list (default: the locale's, from LC_ALL, LC_MESSAGES or LANG).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print the JSON Schema of lesson files and pack.yaml (also in
    /// assets/lesson-pack.schema.json), for editors that complete YAML.
    Schema,
    /// Create a new pack folder with two example lessons that lint clean.
    New {
        /// The folder to create (its name becomes the pack id).
        name: PathBuf,
        /// The language of what it prints (default: the locale's, from LC_ALL, LC_MESSAGES or
        /// LANG).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

/// Loads the packs named (or the built-in course), in order, with errors in `lang`. A pack
/// whose id another one already uses is refused, as the TUI refuses it: one named earlier, or
/// the built-in course (which the TUI loads first, unless `with_builtin` is false) unless it
/// is the built-in course's own folder.
fn packs(paths: &[PathBuf], lang: Lang, with_builtin: bool) -> Vec<Result<Pack, String>> {
    let builtin = if with_builtin || paths.is_empty() {
        PackSet::load_in(lang, true, &[])
    } else {
        PackSet::default()
    };
    if paths.is_empty() {
        return builtin_results(builtin);
    }
    let mut given = PackSet::default();
    paths
        .iter()
        .map(|p| {
            let pack = load::load_dir_in(p, lang).map_err(|e| load::describe(&e, lang))?;
            let same_as_builtin = builtin
                .packs
                .iter()
                .any(|b| b.meta.id == pack.meta.id && b.content_hash == pack.content_hash);
            let clash = given.clash(&pack, lang).or_else(|| {
                builtin
                    .clash(&pack, lang)
                    .filter(|_| !same_as_builtin)
                    .map(|_| {
                        Lint::BuiltinPackId
                            .fill(lang, &[("origin", &pack.origin), ("id", &pack.meta.id)])
                    })
            });
            if let Some(e) = clash {
                return Err(e);
            }
            given.packs.push(pack.clone());
            Ok(pack)
        })
        .collect()
}

/// The built-in course's packs and its broken ones, as results.
fn builtin_results(set: PackSet) -> Vec<Result<Pack, String>> {
    set.packs
        .into_iter()
        .map(Ok)
        .chain(set.broken.into_iter().map(Err))
        .collect()
}

/// Runs the command, writing to `out`; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    match &args.command {
        LessonsCommand::Lint {
            paths,
            format,
            lang,
            no_builtin,
        } => {
            // JSON is for tools: the same in every language.
            let lang = match format {
                Format::Json => Lang::En,
                Format::Text => super::lang_or_locale(*lang),
            };
            lint_cmd(paths, *format, lang, !*no_builtin, out)
        }
        LessonsCommand::List { packs: extra, lang } => {
            list(extra, super::lang_or_locale(*lang), out)
        }
        LessonsCommand::New { name, lang } => new_pack(name, super::lang_or_locale(*lang), out),
        LessonsCommand::Schema => {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&crate::lesson::model::json_schema())
                    .unwrap_or_default()
            )?;
            Ok(0)
        }
    }
}

fn lint_cmd(
    paths: &[PathBuf],
    format: Format,
    lang: Lang,
    with_builtin: bool,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let mut errors = 0;
    let mut warnings = 0;
    let mut json_packs = Vec::new();
    let mut text = String::new();
    for p in packs(paths, lang, with_builtin) {
        match p {
            Err(e) => {
                errors += 1;
                // `error` stays English in every language, as the issues' level does.
                text.push_str(&format!("error: {e}\n"));
                json_packs.push(serde_json::json!({"pack": null, "error": e}));
            }
            Ok(pack) => {
                let issues = lint_in(&pack, lang);
                for i in &issues {
                    match i.level {
                        Level::Error => errors += 1,
                        Level::Warning => warnings += 1,
                    }
                    text.push_str(&format!("{}: {i}\n", pack.origin));
                }
                let lessons = pack.lessons.len();
                text.push_str(&Lint::LintSummary.fill(
                    lang,
                    &[
                        ("id", &pack.meta.id),
                        ("origin", &pack.origin),
                        ("lessons", &lessons),
                        (
                            "errors",
                            &issues.iter().filter(|i| i.level == Level::Error).count(),
                        ),
                        (
                            "warnings",
                            &issues.iter().filter(|i| i.level == Level::Warning).count(),
                        ),
                    ],
                ));
                text.push('\n');
                json_packs.push(serde_json::json!({"pack": pack.meta.id, "origin": pack.origin, "lessons": lessons, "issues": issues}));
            }
        }
    }
    match format {
        Format::Text => write!(out, "{text}")?,
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"packs": json_packs, "errors": errors, "warnings": warnings})
            )
            .unwrap_or_default()
        )?,
    }
    Ok(u8::from(errors > 0))
}

fn list(extra: &[PathBuf], lang: Lang, out: &mut dyn Write) -> io::Result<u8> {
    // The built-in course, then the extra folders, refused as the TUI refuses them.
    let mut set = PackSet::load_in(lang, true, &[]);
    let mut all: Vec<Result<Pack, String>> = set
        .packs
        .iter()
        .cloned()
        .map(Ok)
        .chain(set.broken.iter().cloned().map(Err))
        .collect();
    for p in extra {
        all.push(
            load::load_dir_in(p, lang)
                .map_err(|e| load::describe(&e, lang))
                .and_then(|pack| match set.clash(&pack, lang) {
                    Some(e) => Err(e),
                    None => {
                        set.packs.push(pack.clone());
                        Ok(pack)
                    }
                }),
        );
    }
    for p in all {
        match p {
            Err(e) => writeln!(out, "{}", Lint::BrokenPack.fill(lang, &[("error", &e)]))?,
            Ok(pack) => {
                // Titles in the chosen language where the pack has it, else in its default.
                let code = lang.code();
                let fallback = pack.default_language().to_string();
                writeln!(
                    out,
                    "{} {} — {} [{}]",
                    pack.meta.id,
                    pack.meta.version,
                    pack.meta.title.get(code, &fallback),
                    pack.origin
                )?;
                for l in &pack.lessons {
                    match l {
                        LessonEntry::Ok { lesson, .. } => {
                            let kinds: Vec<String> = lesson
                                .steps
                                .iter()
                                .filter(|s| s.kind() != crate::lesson::StepKind::Read)
                                .map(|s| format!("{:?}", s.kind()).to_lowercase())
                                .collect();
                            writeln!(
                                out,
                                "  {} {}",
                                crate::text::pad(lesson.id.as_ref(), 28),
                                Lint::ListLesson.fill(
                                    lang,
                                    &[
                                        ("title", &lesson.title.get(code, &fallback)),
                                        ("minutes", &lesson.minutes.unwrap_or(0)),
                                        ("exercises", &kinds.len()),
                                    ],
                                )
                            )?;
                        }
                        LessonEntry::Broken { file, error } => writeln!(
                            out,
                            "  {} {}",
                            crate::text::pad(file, 28),
                            Lint::ListBroken.fill(lang, &[("error", &load::describe(error, lang))])
                        )?,
                    }
                }
            }
        }
    }
    Ok(0)
}

const PACK: &str = r#"schema: 1
id: {ID}
version: 0.1.0
title: {en: "My first pack", ja: "はじめてのパック"}
description: {en: "Two example lessons: a task and a policy exercise.", ja: "タスクとポリシー演習の例が 2 つ入っています。"}
languages: [en, ja]
authors: ["you"]
lessons:
  - 01-groups.yaml
  - 02-policy.yaml
"#;

const LESSON1: &str = r#"id: groups
version: 1
title: {en: "Put a user in a group", ja: "ユーザーをグループに入れる"}
summary: {en: "Give a new user read access through a group.", ja: "グループを通じて新しいユーザーに読み取り権限を与えます。"}
minutes: 5
scenario: scenarios/start.yaml
steps:
  - read:
      en: |
        # Groups
        Attach policies to **groups**, not to users, so that every member gets the same permissions.
      ja: |
        # グループ
        ポリシーはユーザーではなく**グループ**にアタッチしましょう。メンバー全員が同じ権限を持ちます。
  - id: why-groups
    quiz:
      question: {en: "Why attach policies to a group rather than to each user?", ja: "ポリシーを各ユーザーではなくグループにアタッチするのはなぜですか？"}
      choices:
        - text: {en: "Every member gets the same permissions, and nobody is forgotten.", ja: "メンバー全員が同じ権限を持ち、付け忘れが起きないから。"}
          correct: true
          why: {en: "One place to change, one place to check.", ja: "変更も確認も 1 か所で済みます。"}
        - text: {en: "Groups can sign in to the console.", ja: "グループはコンソールにサインインできるから。"}
          why: {en: "Groups never sign in; only users do.", ja: "グループはサインインしません。サインインするのはユーザーです。"}
    solution: [1]
    explain: {en: "Groups hold the permissions of a job.", ja: "グループは仕事ごとの権限をまとめたものです。"}
  - id: add-to-group
    task:
      prompt: {en: "Add the user `dana` to the group `readers`.", ja: "ユーザー `dana` をグループ `readers` に追加してください。"}
      goal:
        - member_of: {user: dana, group: readers}
          fail_message: {en: "dana is not in readers yet.", ja: "dana はまだ readers に入っていません。"}
        - can: {principal: user/dana, action: "iam:ListUsers"}
    hints:
      - {en: "The command starts with aws iam add-user-to-group.", ja: "コマンドは aws iam add-user-to-group で始まります。"}
    solution:
      - aws iam add-user-to-group --group-name readers --user-name dana
    wrong:
      - attempt:
          - aws iam attach-user-policy --user-name dana --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess
        why: {en: "dana can read, but the permission sits on the user, not the group: add dana to readers instead.", ja: "dana は読み取れますが、権限がグループではなくユーザーに付いています。代わりに dana を readers に追加してください。"}
      - attempt:
          - aws iam add-user-to-group --group-name reader --user-name dana
        why: {en: "There is no group reader: the group is readers, with an s.", ja: "グループ reader はありません。グループ名は s の付いた readers です。"}
    explain: {en: "dana now reads through the group; removing her from it removes the access.", ja: "dana はグループ経由で読み取れます。グループから外せば権限も外れます。"}
"#;

const LESSON2: &str = r#"id: policy
version: 1
title: {en: "Write a least-privilege policy", ja: "最小権限のポリシーを書く"}
summary: {en: "Allow reading one bucket and nothing more.", ja: "1 つのバケットの読み取りだけを許可します。"}
minutes: 5
requires: [groups]
steps:
  - id: read-one-bucket
    policy:
      prompt: {en: "Allow s3:GetObject on objects of the bucket `reports`, and nothing else.", ja: "バケット `reports` のオブジェクトへの s3:GetObject だけを許可してください。"}
      starter: |
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}
          ]
        }
      expect:
        allow:
          - {action: "s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv"}
        deny:
          - {action: "s3:PutObject", resource: "arn:aws:s3:::reports/q1.csv"}
          - {action: "s3:GetObject", resource: "arn:aws:s3:::payroll/salaries.csv"}
    hints:
      - {en: "Objects are arn:aws:s3:::BUCKET/KEY.", ja: "オブジェクトの ARN は `arn:aws:s3:::バケット/キー` です。"}
    solution: |
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}
        ]
      }
    wrong:
      - attempt: |
          {
            "Version": "2012-10-17",
            "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports"}
            ]
          }
        why: {en: "That is the bucket's ARN; GetObject acts on objects: add /* (arn:aws:s3:::reports/*).", ja: "それはバケットの ARN です。GetObject はオブジェクトに対する操作なので、/* を付けてください (arn:aws:s3:::reports/*)。"}
      - attempt: |
          {
            "Version": "2012-10-17",
            "Statement": [
              {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*"}
            ]
          }
        why: {en: "s3:* also allows writing and deleting the reports: name only s3:GetObject.", ja: "s3:* ではレポートの書き込みや削除も許可されます。s3:GetObject だけを指定してください。"}
    explain: {en: "Least privilege: exactly the action and the resources the job needs.", ja: "最小権限: 仕事に必要なアクションとリソースだけを許可します。"}
"#;

const SCENARIO: &str = r#"schema: 1
groups:
  - name: readers
    policies: [ReadOnlyAccess]
users:
  - name: dana
"#;

fn new_pack(dir: &Path, lang: Lang, out: &mut dyn Write) -> io::Result<u8> {
    if dir.exists() {
        eprintln!("{}", Lint::NewExists.fill(lang, &[("dir", &dir.display())]));
        return Ok(2);
    }
    let id: String = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "my-pack".into())
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let files = [
        ("pack.yaml", PACK.replace("{ID}", &id)),
        ("01-groups.yaml", LESSON1.to_string()),
        ("02-policy.yaml", LESSON2.to_string()),
        ("scenarios/start.yaml", SCENARIO.to_string()),
    ];
    for (rel, text) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            eprintln!(
                "{}",
                Lint::NewCannotCreate.fill(lang, &[("dir", &parent.display()), ("error", &e)])
            );
            return Ok(2);
        }
        if let Err(e) = std::fs::write(&p, text) {
            eprintln!(
                "{}",
                Lint::NewCannotWrite.fill(lang, &[("file", &p.display()), ("error", &e)])
            );
            return Ok(2);
        }
    }
    writeln!(
        out,
        "{}",
        Lint::NewCreated.fill(lang, &[("id", &id), ("dir", &dir.display())])
    )?;
    Ok(0)
}
