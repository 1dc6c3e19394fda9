//! The AWS managed policies bundled in `assets/managed-policies/` (their published documents),
//! loaded into an account the first time something names them.

use jiff::Timestamp;
use serde::Deserialize;

use super::model::{ManagedPolicy, PolicyVersion};
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

/// The bundled AWS managed policy with this ARN, ready to insert into an account.
pub fn aws_managed_policy(arn: &str, now: Timestamp) -> Option<ManagedPolicy> {
    let name = arn.strip_prefix("arn:aws:iam::aws:policy/")?;
    let name = name.rsplit('/').next()?;
    let (_, text) = bundled().find(|(n, _)| *n == name)?;
    let b: Bundled = serde_json::from_str(text).ok()?;
    if b.arn != arn {
        return None;
    }
    let doc_text = serde_json::to_string_pretty(&b.document).ok()?;
    // AWS managed policies are not bound by the customer managed size quota.
    let document = super::document(&doc_text, PolicyType::Identity).ok()?;
    Some(ManagedPolicy {
        name: b.policy_name,
        path: b.path,
        id: format!("ANPA{}", &stable_id(name)),
        arn: b.arn,
        description: b.description,
        aws_managed: true,
        versions: vec![PolicyVersion {
            id: b.default_version_id.clone(),
            document,
            created: now,
        }],
        default_version: b.default_version_id,
        created: now,
        next_version: 2,
    })
}

/// The ARN of a bundled AWS managed policy by name.
pub fn arn_of(name: &str) -> Option<String> {
    bundled()
        .find(|(n, _)| *n == name)
        .and_then(|(_, text)| serde_json::from_str::<Bundled>(text).ok().map(|b| b.arn))
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
