//! The AWS managed policies bundled in `assets/managed-policies/` (their published documents),
//! loaded into an account the first time something names them.

use jiff::Timestamp;
use serde::Deserialize;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::model::{Document, ManagedPolicy, PolicyVersion};
use crate::policy::PolicyType;

/// The bundled AWS managed policies, one JSON file each.
static BUNDLED_DIR: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/assets/managed-policies");

/// Every bundled AWS managed policy: (name, JSON text).
pub fn bundled() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUNDLED_DIR.files().filter_map(|f| {
        let name = f.path().file_stem()?.to_str()?;
        Some((name, f.contents_utf8()?))
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Bundled {
    policy_name: String,
    arn: String,
    path: String,
    default_version_id: String,
    description: Option<String>,
    document: serde_json::Value,
}

/// A bundled AWS managed policy as read and compiled once: everything of a [`ManagedPolicy`]
/// but the times.
#[derive(Debug)]
struct Parsed {
    name: String,
    arn: String,
    path: String,
    id: String,
    description: Option<String>,
    default_version: String,
    document: Document,
}

/// Each bundled AWS managed policy, read and compiled the first time something names it and
/// kept for the life of the process (`None`: its file does not read). The bundle never
/// changes while the process runs, a [`Document`] is shared rather than copied, and
/// `lessons lint` builds hundreds of accounts that attach the same large ones
/// (`ReadOnlyAccess` has about 1,900 actions). Bounded by the number of bundled files.
static PARSED: Mutex<BTreeMap<&'static str, Option<Arc<Parsed>>>> = Mutex::new(BTreeMap::new());

/// The bundled policy of this name (the file's stem), from [`PARSED`].
fn parsed(name: &str) -> Option<Arc<Parsed>> {
    let lock = || PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(p) = lock().get(name) {
        return p.clone();
    }
    let (stem, text) = bundled().find(|(n, _)| *n == name)?;
    let p = parse_bundled(stem, text).map(Arc::new);
    lock().entry(stem).or_insert(p).clone()
}

fn parse_bundled(stem: &str, text: &str) -> Option<Parsed> {
    let b: Bundled = serde_json::from_str(text).ok()?;
    let doc_text = serde_json::to_string_pretty(&b.document).ok()?;
    // AWS managed policies are not bound by the customer managed size quota.
    let document = super::document(&doc_text, PolicyType::Identity).ok()?;
    Some(Parsed {
        name: b.policy_name,
        arn: b.arn,
        path: b.path,
        id: format!("ANPA{}", &stable_id(stem)),
        description: b.description,
        default_version: b.default_version_id,
        document,
    })
}

/// The bundled AWS managed policy with this ARN, ready to insert into an account.
pub fn aws_managed_policy(arn: &str, now: Timestamp) -> Option<ManagedPolicy> {
    let name = arn.strip_prefix("arn:aws:iam::aws:policy/")?;
    let name = name.rsplit('/').next()?;
    let p = parsed(name)?;
    if p.arn != arn {
        return None;
    }
    let version = PolicyVersion::new(&p.default_version, p.document.clone(), now);
    Some(
        ManagedPolicy::new(&p.name, &p.path, &p.id, &p.arn, now, version)
            .aws_managed()
            .with_description(p.description.clone()),
    )
}

/// The ARN of a bundled AWS managed policy by name.
pub fn arn_of(name: &str) -> Option<String> {
    parsed(name).map(|p| p.arn.clone())
}

/// A stable 17-character id derived from a name (AWS managed policy ids are fixed).
#[expect(
    clippy::indexing_slicing,
    reason = "masked with `& 31`, below the 32 letters of ALPHABET"
)]
fn stable_id(name: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..17)
        .map(|i| ALPHABET[((h >> ((i * 3) % 60)) & 31) as usize] as char)
        .collect()
}
