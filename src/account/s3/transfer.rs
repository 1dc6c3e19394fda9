//! The AWS CLI's high-level S3 commands (`aws s3 ls|cp|mv|mb|rb|rm|sync`), as the AWS CLI
//! reference describes them (<https://docs.aws.amazon.com/cli/latest/reference/s3/>): each
//! made of the API calls the CLI makes (ListBuckets, ListObjectsV2, PutObject, GetObject,
//! CopyObject, DeleteObject, CreateBucket, DeleteBucket), every one authorized by the
//! evaluator with its own action and recorded in CloudTrail under its own operation, and
//! printed as the CLI prints them (`upload: test.txt to s3://bucket/test.txt`). The local side
//! is the sandbox's files (what `ls` and `cat` show).

use serde_json::Value;

use super::{Object, allow_s3, bucket_arn, bucket_mut, bucket_of, no_bucket};
use crate::account::command::cli_error::{CliError, Kind};
use crate::account::command::{Args, Call, Handler, Spec};
use crate::account::error::AwsError;
use crate::account::output::{plain_text, plain_text_exit};
use crate::policy::wildcard::{glob_match, to_pchars};

/// A path as the high-level commands take it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Loc {
    /// `s3://bucket/key-or-prefix`.
    S3 { bucket: String, key: String },
    /// A local file or directory, as typed.
    Local(String),
}

impl Loc {
    fn parse(p: &str) -> Loc {
        match p.strip_prefix("s3://") {
            Some(rest) => {
                let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
                Loc::S3 {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                }
            }
            None => Loc::Local(p.to_string()),
        }
    }
}

/// A local path without a leading `./` (how the sandbox's files are named).
fn local_name(p: &str) -> &str {
    let p = p.strip_prefix("./").unwrap_or(p);
    if p == "." { "" } else { p }
}

/// The last part of a key or path.
fn base(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

/// `dir` joined with `name`, as the CLI shows a local path (`.` adds nothing).
fn local_join(dir: &str, name: &str) -> String {
    match local_name(dir).trim_end_matches('/') {
        "" => name.to_string(),
        d => format!("{d}/{name}"),
    }
}

/// One call's API calls: each new one records the one before in CloudTrail (the last is
/// recorded by the command layer, with its error if it failed), and names the operation that
/// authorization and errors speak of.
struct Calls {
    made: bool,
    run: Handler,
    name: &'static str,
}

impl Calls {
    fn new(name: &'static str, run: Handler) -> Calls {
        Calls {
            made: false,
            run,
            name,
        }
    }

    /// Starts the API call `operation`. Credentials AWS refused (an unknown key, a wrong
    /// secret) fail the first call the command makes, under that call's name, as the CLI
    /// reports them (`An error occurred (InvalidAccessKeyId) when calling the ListBuckets
    /// operation`); what the CLI refuses before it calls AWS (a local file that is not
    /// there) comes first.
    fn begin(&mut self, c: &mut Call, operation: &'static str) -> Result<(), AwsError> {
        if self.made {
            let spec = Spec {
                service: "s3",
                name: self.name,
                operation: c.operation,
                params: &[],
                run: self.run,
            };
            crate::account::trail::record(c.account, &c.caller, &spec, &Args::default(), None);
        }
        self.made = true;
        c.operation = operation;
        match c.credentials.take() {
            Some(e) => Err(AwsError {
                operation: operation.to_string(),
                ..e
            }),
            None => Ok(()),
        }
    }
}

/// Whether `--exclude` and `--include` let the path `rel` (relative to the source) through:
/// a path no pattern matches is included, and an `--include` overrides an `--exclude`
/// (<https://docs.aws.amazon.com/cli/latest/reference/s3/#use-of-exclude-and-include-filters>;
/// the CLI weighs the filters in the order given, the sandbox all excludes first, which is
/// the same for the usual `--exclude "*" --include "…"`).
fn included(a: &Args, rel: &str) -> bool {
    let hit = |p: &String| glob_match(&to_pchars(p), rel);
    !a.list("exclude").iter().any(hit) || a.list("include").iter().any(hit)
}

/// What a command printed so far, and the failure that stopped it, as the CLI reports it.
/// `verb failed: subject An error occurred …`, exit status 1, as the CLI reports a transfer
/// that failed (an error the CLI words otherwise, such as a missing key, stays as it is).
fn failed(out: &[String], verb: &str, subject: &str, e: AwsError) -> AwsError {
    if e.said.is_some() {
        return e;
    }
    let stdout: String = out.iter().map(|l| format!("{l}\n")).collect();
    let stderr = format!("{verb} failed: {subject} {e}\n");
    AwsError {
        said: Some(Box::new(CliError::printed(stdout, stderr, 1))),
        ..e
    }
}

/// The CLI's own error for a local path that is not there (no AWS call is made).
fn no_local_path(c: &Call, path: &str) -> AwsError {
    let message = format!("The user-provided path {path} does not exist.");
    AwsError {
        said: Some(Box::new(
            CliError::new(Kind::General, message.clone()).before_call(),
        )),
        ..c.err("", message)
    }
}

/// The usage of `cp`, `mv` and `sync`, as the CLI names their paths.
const TRANSFER_USAGE: &str = "<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>";

/// The CLI's refusal of a path of the wrong kind (a local path where an `s3://` one is
/// needed): its usage of the command, then `Error: Invalid argument type` (exit 252).
fn invalid_argument_type(c: &Call, usage: &str) -> AwsError {
    let message = format!("{usage}\nError: Invalid argument type");
    AwsError {
        said: Some(Box::new(CliError::new(Kind::Param, message.clone()))),
        ..c.err("", message)
    }
}

/// `ListObjectsV2` over a whole bucket or prefix: the keys and objects under it.
fn list(
    c: &mut Call,
    calls: &mut Calls,
    bucket: &str,
    prefix: &str,
    delimiter: bool,
) -> Result<Vec<(String, Object)>, AwsError> {
    calls.begin(c, "ListObjectsV2")?;
    let mut extra = vec![("s3:prefix", vec![prefix.to_string()])];
    if delimiter {
        extra.push(("s3:delimiter", vec!["/".to_string()]));
    }
    allow_s3(c, "s3:ListBucket", &bucket_arn(bucket), bucket, &extra)?;
    let b = bucket_of(c, bucket).ok_or_else(|| no_bucket(c))?;
    Ok(b.objects
        .range(prefix.to_string()..)
        .take_while(|(k, _)| k.starts_with(prefix))
        .map(|(k, o)| (k.clone(), o.clone()))
        .collect())
}

fn object_arn(bucket: &str, key: &str) -> String {
    format!("{}/{key}", bucket_arn(bucket))
}

fn put(
    c: &mut Call,
    calls: &mut Calls,
    bucket: &str,
    key: &str,
    body: &str,
) -> Result<(), AwsError> {
    calls.begin(c, "PutObject")?;
    allow_s3(c, "s3:PutObject", &object_arn(bucket, key), bucket, &[])?;
    let now = c.account.now;
    let b = bucket_mut(c, bucket).ok_or_else(|| {
        AwsError::new(
            "PutObject",
            "NoSuchBucket",
            "The specified bucket does not exist",
        )
    })?;
    b.objects.insert(
        key.to_string(),
        Object {
            body: body.to_string(),
            modified: now,
        },
    );
    Ok(())
}

/// `HeadObject`, which the CLI asks before it downloads or copies one object (not for each
/// object of a `--recursive` listing). A HEAD response has no body, so the CLI knows only the
/// HTTP status: `(403) … Forbidden` for a denial or refused credentials, and a 404 (no such
/// key or bucket), which it words itself as `Key "…" does not exist`; either stops the
/// command with `fatal error:` and exit status 1. A key that is not there is a 404 only to a
/// caller allowed `s3:ListBucket` on the bucket, a 403 to anyone else
/// (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html>).
fn head(c: &mut Call, calls: &mut Calls, bucket: &str, key: &str) -> Result<(), AwsError> {
    head_call(c, calls, bucket, key).map_err(|e| head_failure(e, key))
}

fn head_call(c: &mut Call, calls: &mut Calls, bucket: &str, key: &str) -> Result<(), AwsError> {
    calls.begin(c, "HeadObject")?;
    allow_s3(c, "s3:GetObject", &object_arn(bucket, key), bucket, &[])?;
    let b = bucket_of(c, bucket).ok_or_else(|| no_bucket(c))?;
    if b.objects.contains_key(key) {
        return Ok(());
    }
    allow_s3(c, "s3:ListBucket", &bucket_arn(bucket), bucket, &[])?;
    Err(c.err("NoSuchKey", "The specified key does not exist."))
}

/// The HTTP status S3 answers an error code with (for a HEAD request, whose error has no
/// body: <https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>).
fn status_of(code: &str) -> u16 {
    match code {
        "NoSuchBucket" | "NoSuchKey" => 404,
        "AccessDenied"
        | "InvalidAccessKeyId"
        | "SignatureDoesNotMatch"
        | "InvalidClientTokenId"
        | "AllAccessDisabled" => 403,
        _ => 400,
    }
}

/// A failed `HeadObject` as the CLI reports it (see [`head`]); the denial stays for `explain`.
fn head_failure(e: AwsError, key: &str) -> AwsError {
    let (code, message) = match status_of(&e.code) {
        404 => ("404".to_string(), format!("Key \"{key}\" does not exist")),
        403 => ("403".to_string(), "Forbidden".to_string()),
        n => (n.to_string(), "Bad Request".to_string()),
    };
    fatal(
        &[],
        AwsError {
            code,
            message,
            said: None,
            ..e
        },
    )
}

/// An error that stops a transfer command before or while it lists what to transfer, as the
/// CLI reports it: what it printed so far, `fatal error: An error occurred …`, exit status 1.
fn fatal(out: &[String], e: AwsError) -> AwsError {
    if e.said.is_some() {
        return e;
    }
    let stdout: String = out.iter().map(|l| format!("{l}\n")).collect();
    AwsError {
        said: Some(Box::new(CliError::printed(
            stdout,
            format!("fatal error: {e}\n"),
            1,
        ))),
        ..e
    }
}

/// `GetObject` (after [`head`] for a single object): the body.
fn get(
    c: &mut Call,
    calls: &mut Calls,
    bucket: &str,
    key: &str,
    single: bool,
) -> Result<String, AwsError> {
    if single {
        head(c, calls, bucket, key)?;
    }
    calls.begin(c, "GetObject")?;
    allow_s3(c, "s3:GetObject", &object_arn(bucket, key), bucket, &[])?;
    object_body(c, bucket, key)
}

/// The body of an object, in whichever account holds its bucket.
fn object_body(c: &Call, bucket: &str, key: &str) -> Result<String, AwsError> {
    let b = bucket_of(c, bucket).ok_or_else(|| no_bucket(c))?;
    b.objects
        .get(key)
        .map(|o| o.body.clone())
        .ok_or_else(|| c.err("NoSuchKey", "The specified key does not exist."))
}

/// `CopyObject`: S3 checks `s3:GetObject` on the source and `s3:PutObject` on the target.
fn copy(
    c: &mut Call,
    calls: &mut Calls,
    from: (&str, &str),
    to: (&str, &str),
    single: bool,
) -> Result<(), AwsError> {
    if single {
        head(c, calls, from.0, from.1)?;
    }
    calls.begin(c, "CopyObject")?;
    allow_s3(c, "s3:GetObject", &object_arn(from.0, from.1), from.0, &[])?;
    allow_s3(c, "s3:PutObject", &object_arn(to.0, to.1), to.0, &[])?;
    let body = object_body(c, from.0, from.1)?;
    let now = c.account.now;
    let b = bucket_mut(c, to.0).ok_or_else(|| {
        AwsError::new(
            "CopyObject",
            "NoSuchBucket",
            "The specified bucket does not exist",
        )
    })?;
    b.objects.insert(
        to.1.to_string(),
        Object {
            body,
            modified: now,
        },
    );
    Ok(())
}

fn delete(c: &mut Call, calls: &mut Calls, bucket: &str, key: &str) -> Result<(), AwsError> {
    calls.begin(c, "DeleteObject")?;
    allow_s3(c, "s3:DeleteObject", &object_arn(bucket, key), bucket, &[])?;
    let b = bucket_mut(c, bucket).ok_or_else(|| {
        AwsError::new(
            "DeleteObject",
            "NoSuchBucket",
            "The specified bucket does not exist",
        )
    })?;
    // Deleting a key that is not there succeeds, as S3 answers.
    b.objects.remove(key);
    Ok(())
}

/// A size as `--human-readable` shows it: `10 Bytes`, `2.9 MiB`. As the CLI's
/// `human_readable_size`, a size takes the first unit in which it rounds (half to even, as
/// Python's `round`) below 1024: 1,048,064 bytes are `1.0 MiB`, not `1023.5 KiB`.
pub fn human_size(n: usize) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if n == 1 {
        return "1 Byte".to_string();
    }
    if n < 1024 {
        return format!("{n} Bytes");
    }
    #[allow(
        clippy::cast_precision_loss,
        reason = "as the CLI, which converts to a float"
    )]
    let bytes = n as f64;
    let mut scale = 1024.0_f64;
    for unit in UNITS {
        let v = bytes / scale;
        if v.round_ties_even() < 1024.0 || unit == "EiB" {
            return format!("{v:.1} {unit}");
        }
        scale *= 1024.0;
    }
    format!("{n} Bytes")
}

/// `aws s3 ls [s3://bucket[/prefix]] [--recursive] [--human-readable] [--summarize]`
/// (<https://docs.aws.amazon.com/cli/latest/reference/s3/ls.html>).
pub fn ls(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("ls", ls);
    let path = a.opt("path").unwrap_or("s3://");
    let path = if path.starts_with("s3://") {
        path.to_string()
    } else {
        format!("s3://{path}")
    };
    let Loc::S3 {
        bucket,
        key: prefix,
    } = Loc::parse(&path)
    else {
        return Ok(plain_text(String::new()));
    };
    if bucket.is_empty() {
        calls.begin(c, "ListBuckets")?;
        c.allow("s3:ListAllMyBuckets", "*", &[])?;
        let lines: Vec<String> = c
            .account
            .buckets
            .values()
            .map(|b| format!("{} {}", b.created.strftime("%Y-%m-%d %H:%M:%S"), b.name))
            .collect();
        return Ok(plain_text(lines.join("\n")));
    }
    let recursive = a.flag("recursive").unwrap_or(false);
    let human = a.flag("human-readable").unwrap_or(false);
    let objects = list(c, &mut calls, &bucket, &prefix, !recursive)?;
    // Names are shown from the last `/` of the prefix on, or whole with --recursive.
    let dir_len = prefix.rfind('/').map(|i| i + 1).unwrap_or(0);
    let size = |n: usize| if human { human_size(n) } else { n.to_string() };
    let mut lines = Vec::new();
    let mut seen_prefixes: Vec<String> = Vec::new();
    let (mut count, mut total) = (0usize, 0usize);
    for (k, o) in &objects {
        if !recursive
            && let Some(rest) = k.get(prefix.len()..)
            && let Some(slash) = rest.find('/')
        {
            let common = format!("{}{}", prefix, rest.get(..=slash).unwrap_or(rest));
            let shown = common.get(dir_len..).unwrap_or(&common).to_string();
            if !seen_prefixes.contains(&shown) {
                lines.push(format!("{:>30} {shown}", "PRE"));
                seen_prefixes.push(shown);
            }
            continue;
        }
        count += 1;
        total += o.body.len();
        let name = if recursive {
            k.as_str()
        } else {
            k.get(dir_len..).unwrap_or(k)
        };
        lines.push(format!(
            "{} {:>10} {name}",
            o.modified.strftime("%Y-%m-%d %H:%M:%S"),
            size(o.body.len())
        ));
    }
    // A listing under a prefix that finds nothing ends with exit status 1, as the CLI's
    // (a bucket's whole listing does not).
    let found = !lines.is_empty();
    if a.flag("summarize").unwrap_or(false) {
        lines.push(String::new());
        lines.push(format!("Total Objects: {count}"));
        lines.push(format!("   Total Size: {}", size(total)));
    }
    let code = if prefix.is_empty() || found { 0 } else { 1 };
    Ok(plain_text_exit(lines.join("\n"), code))
}

/// One transfer a `cp`, `mv` or `sync` makes.
#[derive(Debug, Clone)]
struct Transfer {
    from: Loc,
    to: Loc,
    /// As the CLI shows the source and the target.
    shown_from: String,
    shown_to: String,
    /// One object named on the command line (not one of a `--recursive` listing): the CLI
    /// asks `HeadObject` about it first.
    single: bool,
}

/// `-`, the CLI's name for standard input or output (a stream, for a single `cp`).
const STREAM: &str = "-";

/// Where nothing written is kept.
const DEV_NULL: &str = "/dev/null";

/// The transfers of `cp`/`mv`/`sync` from `src` to `dst`: one file or object, or, with
/// `recursive`, everything under a directory or prefix that the filters let through.
fn plan(
    c: &mut Call,
    calls: &mut Calls,
    a: &Args,
    src: &str,
    dst: &str,
    recursive: bool,
) -> Result<Vec<Transfer>, AwsError> {
    let (from, to) = (Loc::parse(src), Loc::parse(dst));
    if let (Loc::Local(_), Loc::Local(_)) = (&from, &to) {
        return Err(invalid_argument_type(
            c,
            &format!("usage: aws s3 {} {TRANSFER_USAGE}", calls.name),
        ));
    }
    let streaming = [&from, &to]
        .iter()
        .any(|l| matches!(l, Loc::Local(p) if p == STREAM));
    if streaming && (recursive || calls.name != "cp") {
        let message = "Streaming currently is only compatible with non-recursive cp commands";
        return Err(AwsError {
            said: Some(Box::new(
                CliError::new(Kind::General, message).before_call(),
            )),
            ..c.err("", message)
        });
    }
    // What is under the source: (path relative to the source, full local name or key).
    let items: Vec<(String, String)> = match &from {
        // Standard input: the sandbox's shell pipes nothing into the CLI, so the stream is
        // empty, as with `< /dev/null`.
        Loc::Local(p) if p == STREAM => vec![(STREAM.to_string(), STREAM.to_string())],
        Loc::Local(p) if !recursive => {
            let name = local_name(p);
            if !c.files.contains_key(name) {
                return Err(no_local_path(c, p));
            }
            vec![(base(name).to_string(), name.to_string())]
        }
        Loc::Local(p) => {
            let dir = local_name(p).trim_end_matches('/');
            let under = if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            if !dir.is_empty() && !c.files.keys().any(|k| k.starts_with(&under)) {
                return Err(no_local_path(c, p));
            }
            c.files
                .keys()
                .filter_map(|k| k.strip_prefix(&under).map(|r| (r.to_string(), k.clone())))
                .collect()
        }
        Loc::S3 { key, .. } if !recursive => vec![(base(key).to_string(), key.clone())],
        Loc::S3 { bucket, key } => {
            let prefix = if key.is_empty() || key.ends_with('/') {
                key.clone()
            } else {
                format!("{key}/")
            };
            list(c, calls, bucket, &prefix, false)
                .map_err(|e| fatal(&[], e))?
                .into_iter()
                .map(|(k, _)| (k.get(prefix.len()..).unwrap_or(&k).to_string(), k))
                .collect()
        }
    };
    let mut out = Vec::new();
    for (rel, full) in items {
        if recursive && !included(a, &rel) {
            continue;
        }
        let (shown_from, from_loc) = match &from {
            Loc::Local(p) => (
                if recursive {
                    local_join(p, &rel)
                } else {
                    p.clone()
                },
                Loc::Local(full.clone()),
            ),
            Loc::S3 { bucket, .. } => (
                format!("s3://{bucket}/{full}"),
                Loc::S3 {
                    bucket: bucket.clone(),
                    key: full.clone(),
                },
            ),
        };
        let (shown_to, to_loc) = match &to {
            Loc::S3 { bucket, key } => {
                let key = if recursive || key.is_empty() || key.ends_with('/') {
                    let dir = if recursive && !key.is_empty() && !key.ends_with('/') {
                        format!("{key}/")
                    } else {
                        key.clone()
                    };
                    format!("{dir}{rel}")
                } else {
                    key.clone()
                };
                (
                    format!("s3://{bucket}/{key}"),
                    Loc::S3 {
                        bucket: bucket.clone(),
                        key,
                    },
                )
            }
            Loc::Local(p) => {
                let name = local_name(p);
                let target = if recursive || name.is_empty() || name.ends_with('/') {
                    local_join(p, &rel)
                } else {
                    name.to_string()
                };
                let shown = if recursive || name.is_empty() || name.ends_with('/') {
                    local_join(p, &rel)
                } else {
                    p.clone()
                };
                (shown, Loc::Local(target))
            }
        };
        out.push(Transfer {
            from: from_loc,
            to: to_loc,
            shown_from,
            shown_to,
            single: !recursive,
        });
    }
    Ok(out)
}

/// Carries out one transfer: what it writes to standard output (a download to `-`).
fn carry(c: &mut Call, calls: &mut Calls, t: &Transfer) -> Result<Option<String>, AwsError> {
    match (&t.from, &t.to) {
        (Loc::Local(f), Loc::S3 { bucket, key }) => {
            let body = c.files.get(f).cloned().unwrap_or_default();
            put(c, calls, bucket, key, &body)?;
            Ok(None)
        }
        (Loc::S3 { bucket, key }, Loc::Local(f)) => {
            let body = get(c, calls, bucket, key, t.single)?;
            match f.as_str() {
                STREAM => return Ok(Some(body)),
                DEV_NULL => {}
                _ => {
                    c.files.insert(f.clone(), body);
                }
            }
            Ok(None)
        }
        (
            Loc::S3 { bucket, key },
            Loc::S3 {
                bucket: b2,
                key: k2,
            },
        ) => {
            copy(c, calls, (bucket, key), (b2, k2), t.single)?;
            Ok(None)
        }
        (Loc::Local(_), Loc::Local(_)) => Ok(None),
    }
}

fn verb_of(t: &Transfer) -> &'static str {
    match (&t.from, &t.to) {
        (Loc::Local(_), Loc::S3 { .. }) => "upload",
        (Loc::S3 { .. }, Loc::Local(_)) => "download",
        _ => "copy",
    }
}

/// Runs transfers, printing each as the CLI does (`move` for `mv`), deleting each source
/// afterwards when `moving`.
fn run_transfers(
    c: &mut Call,
    calls: &mut Calls,
    a: &Args,
    transfers: &[Transfer],
    moving: bool,
) -> Result<Vec<String>, AwsError> {
    let dry = a.flag("dryrun").unwrap_or(false);
    let quiet = a.flag("quiet").unwrap_or(false);
    let mut out = Vec::new();
    for t in transfers {
        let verb = if moving { "move" } else { verb_of(t) };
        let line = format!("{verb}: {} to {}", t.shown_from, t.shown_to);
        if dry {
            out.push(format!("(dryrun) {line}"));
            continue;
        }
        let streamed = match carry(c, calls, t) {
            Ok(s) => s,
            Err(e) => {
                let subject = format!("{} to {}", t.shown_from, t.shown_to);
                return Err(failed(&out, verb, &subject, e));
            }
        };
        if moving {
            let gone = match &t.from {
                Loc::S3 { bucket, key } => delete(c, calls, bucket, key),
                Loc::Local(f) => {
                    c.files.remove(f);
                    Ok(())
                }
            };
            if let Err(e) = gone {
                let subject = format!("{} to {}", t.shown_from, t.shown_to);
                return Err(failed(&out, verb, &subject, e));
            }
        }
        // A stream's transfer prints only its errors (and a download its content).
        let stream = [&t.from, &t.to]
            .iter()
            .any(|l| matches!(l, Loc::Local(p) if p == STREAM));
        if let Some(body) = streamed {
            // The sandbox prints plain text with a newline after it.
            out.push(body.strip_suffix('\n').unwrap_or(&body).to_string());
        } else if !quiet && !stream {
            out.push(line);
        }
    }
    Ok(out)
}

/// `aws s3 cp SOURCE TARGET [--recursive]` (<https://docs.aws.amazon.com/cli/latest/reference/s3/cp.html>).
pub fn cp(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("cp", cp);
    let recursive = a.flag("recursive").unwrap_or(false);
    let transfers = plan(
        c,
        &mut calls,
        a,
        a.s("source"),
        a.s("destination"),
        recursive,
    )?;
    let out = run_transfers(c, &mut calls, a, &transfers, false)?;
    Ok(plain_text(out.join("\n")))
}

/// `aws s3 mv SOURCE TARGET [--recursive]`: a copy, then the source deleted
/// (<https://docs.aws.amazon.com/cli/latest/reference/s3/mv.html>).
pub fn mv(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("mv", mv);
    let recursive = a.flag("recursive").unwrap_or(false);
    let transfers = plan(
        c,
        &mut calls,
        a,
        a.s("source"),
        a.s("destination"),
        recursive,
    )?;
    let out = run_transfers(c, &mut calls, a, &transfers, true)?;
    Ok(plain_text(out.join("\n")))
}

/// `aws s3 sync SOURCE TARGET [--delete]`: copies what is missing at the target or differs
/// in size or content (S3 compares sizes and times; the sandbox's files have no times), and
/// with `--delete` removes what the source does not have
/// (<https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html>).
pub fn sync(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("sync", sync);
    let (src, dst) = (a.s("source"), a.s("destination"));
    // A sync is a recursive copy of the source's whole tree.
    let transfers = plan(c, &mut calls, a, src, dst, true)?;
    // What the target holds already: relative path → content.
    let existing: Vec<(String, String)> = match Loc::parse(dst) {
        Loc::S3 { bucket, key } => {
            let prefix = if key.is_empty() || key.ends_with('/') {
                key
            } else {
                format!("{key}/")
            };
            list(c, &mut calls, &bucket, &prefix, false)
                .map_err(|e| fatal(&[], e))?
                .into_iter()
                .map(|(k, o)| (k, o.body))
                .collect()
        }
        Loc::Local(p) => {
            let dir = local_name(&p).trim_end_matches('/').to_string();
            let under = if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            c.files
                .iter()
                .filter(|(k, _)| k.starts_with(&under))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        }
    };
    let target_of = |t: &Transfer| match &t.to {
        Loc::S3 { key, .. } => key.clone(),
        Loc::Local(f) => f.clone(),
    };
    let body_of = |c: &Call, l: &Loc| match l {
        Loc::Local(f) => c.files.get(f).cloned(),
        Loc::S3 { bucket, key } => bucket_of(c, bucket)
            .and_then(|b| b.objects.get(key))
            .map(|o| o.body.clone()),
    };
    let needed: Vec<Transfer> = transfers
        .iter()
        .filter(|t| {
            let there = existing.iter().find(|(k, _)| *k == target_of(t));
            match there {
                None => true,
                Some((_, have)) => body_of(c, &t.from).as_ref() != Some(have),
            }
        })
        .cloned()
        .collect();
    let mut out = run_transfers(c, &mut calls, a, &needed, false)?;
    if a.flag("delete").unwrap_or(false) {
        let wanted: Vec<String> = transfers.iter().map(target_of).collect();
        let dry = a.flag("dryrun").unwrap_or(false);
        let base_len = match Loc::parse(dst) {
            Loc::S3 { key, .. } if !key.is_empty() => key.len() + usize::from(!key.ends_with('/')),
            Loc::Local(p) if !local_name(&p).is_empty() => {
                let d = local_name(&p).trim_end_matches('/');
                d.len() + 1
            }
            _ => 0,
        };
        // Filtered-out paths are left alone at the target too.
        for (k, _) in existing
            .iter()
            .filter(|(k, _)| !wanted.contains(k))
            .filter(|(k, _)| included(a, k.get(base_len..).unwrap_or(k)))
        {
            let (line, gone) = match Loc::parse(dst) {
                Loc::S3 { bucket, .. } => {
                    let line = format!("delete: s3://{bucket}/{k}");
                    if dry {
                        (line, Ok(()))
                    } else {
                        (line, delete(c, &mut calls, &bucket, k))
                    }
                }
                Loc::Local(_) => {
                    if !dry {
                        c.files.remove(k);
                    }
                    (format!("delete: {k}"), Ok(()))
                }
            };
            if let Err(e) = gone {
                return Err(failed(&out, "delete", &line, e));
            }
            out.push(if dry {
                format!("(dryrun) {line}")
            } else {
                line
            });
        }
    }
    Ok(plain_text(out.join("\n")))
}

/// `aws s3 mb s3://bucket` (<https://docs.aws.amazon.com/cli/latest/reference/s3/mb.html>).
pub fn mb(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let path = a.s("path");
    let Loc::S3 { bucket, .. } = Loc::parse(path) else {
        return Err(invalid_argument_type(c, "<S3Uri>"));
    };
    let mut calls = Calls::new("mb", mb);
    calls
        .begin(c, "CreateBucket")
        .and_then(|()| super::create(c, &bucket, None))
        .map_err(|e| {
            let stderr = format!("make_bucket failed: {path} {e}\n");
            AwsError {
                said: Some(Box::new(CliError::printed(String::new(), stderr, 1))),
                ..e
            }
        })?;
    Ok(plain_text(format!("make_bucket: {path}")))
}

/// `aws s3 rb s3://bucket [--force]` (<https://docs.aws.amazon.com/cli/latest/reference/s3/rb.html>).
pub fn rb(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("rb", rb);
    let path = a.s("path");
    let Loc::S3 { bucket, .. } = Loc::parse(path) else {
        return Err(invalid_argument_type(c, "<S3Uri>"));
    };
    let mut out = Vec::new();
    if a.flag("force").unwrap_or(false) {
        // The CLI runs `rm --recursive` first; when that fails, it says so and leaves the
        // bucket (its general error, exit status 255).
        let not_emptied = |out: &[String], said: String, e: AwsError| {
            let stdout: String = out.iter().map(|l| format!("{l}\n")).collect();
            let general = CliError::new(
                Kind::General,
                "remove_bucket failed: Unable to delete all objects in the bucket, bucket will not be deleted.",
            );
            let stderr = format!("{said}\n{}", general.stderr());
            AwsError {
                said: Some(Box::new(CliError::printed(stdout, stderr, 255))),
                ..e
            }
        };
        let objects = match list(c, &mut calls, &bucket, "", false) {
            Ok(o) => o,
            Err(e) => return Err(not_emptied(&out, format!("fatal error: {e}"), e)),
        };
        for (k, _) in objects {
            if let Err(e) = delete(c, &mut calls, &bucket, &k) {
                let said = format!("delete failed: s3://{bucket}/{k} {e}");
                return Err(not_emptied(&out, said, e));
            }
            out.push(format!("delete: s3://{bucket}/{k}"));
        }
    }
    let deleted = calls
        .begin(c, "DeleteBucket")
        .and_then(|()| super::delete_bucket_named(c, &bucket));
    if let Err(e) = deleted {
        let stdout: String = out.iter().map(|l| format!("{l}\n")).collect();
        return Err(AwsError {
            said: Some(Box::new(CliError::printed(
                stdout,
                format!("remove_bucket failed: {path} {e}"),
                1,
            ))),
            ..e
        });
    }
    out.push(format!("remove_bucket: {bucket}"));
    Ok(plain_text(out.join("\n")))
}

/// `aws s3 rm s3://bucket/key [--recursive]` (<https://docs.aws.amazon.com/cli/latest/reference/s3/rm.html>).
pub fn rm(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let mut calls = Calls::new("rm", rm);
    let path = a.s("path");
    let Loc::S3 { bucket, key } = Loc::parse(path) else {
        return Err(invalid_argument_type(c, "usage: aws s3 rm <S3Uri>"));
    };
    let dry = a.flag("dryrun").unwrap_or(false);
    let keys: Vec<String> = if a.flag("recursive").unwrap_or(false) {
        let prefix = if key.is_empty() || key.ends_with('/') {
            key.clone()
        } else {
            format!("{key}/")
        };
        list(c, &mut calls, &bucket, &prefix, false)
            .map_err(|e| fatal(&[], e))?
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| included(a, k.get(prefix.len()..).unwrap_or(k)))
            .collect()
    } else {
        vec![key]
    };
    let mut out = Vec::new();
    for k in keys {
        let line = format!("delete: s3://{bucket}/{k}");
        if dry {
            out.push(format!("(dryrun) {line}"));
            continue;
        }
        if let Err(e) = delete(c, &mut calls, &bucket, &k) {
            return Err(failed(&out, "delete", &format!("s3://{bucket}/{k}"), e));
        }
        if !a.flag("quiet").unwrap_or(false) {
            out.push(line);
        }
    }
    Ok(plain_text(out.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes_read_as_the_cli_documents_them() {
        assert_eq!(human_size(10), "10 Bytes");
        assert_eq!(human_size(1), "1 Byte");
        assert_eq!(human_size(2_863_288), "2.7 MiB");
        assert_eq!(human_size(3 * 1024 * 1024 * 1024), "3.0 GiB");
    }

    /// What `awscli.customizations.s3.utils.human_readable_size` (AWS CLI 2.36.7) returns for
    /// each size, run in Python: the edges where a unit rounds up to the next.
    #[test]
    fn human_sizes_round_up_to_the_next_unit_as_the_cli_does() {
        let cli = [
            (0, "0 Bytes"),
            (1023, "1023 Bytes"),
            (1024, "1.0 KiB"),
            (1536, "1.5 KiB"),
            (10_239, "10.0 KiB"),
            (1_048_064, "1.0 MiB"),
            (1_048_575, "1.0 MiB"),
            (1_572_864, "1.5 MiB"),
            (3_040_870, "2.9 MiB"),
            (1_073_741_823, "1.0 GiB"),
            (5_497_558_138_879, "5.0 TiB"),
            (1_125_899_906_842_623, "1.0 PiB"),
        ];
        for (n, want) in cli {
            assert_eq!(human_size(n), want, "{n}");
        }
    }
}
