//! The IAM credential report (CSV) and the account password policy (JSON): read onto an
//! account, and written back as AWS writes them.
//!
//! The report is the source of truth for credentials: a user's console password, MFA and
//! access keys become what its row says. It holds no secrets, so imported passwords are
//! unknown (empty), access keys get new simulated ids and secrets, and an MFA device gets a
//! virtual serial named after its user.

use std::borrow::Cow;

use base64::Engine as _;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::{FileKind, ImportError};
use super::shape::Time;
use crate::account::command::obj;
use crate::account::{
    AccessKey, Account, KeyStatus, LastUsed, LoginProfile, MfaDevice, PasswordPolicy, User,
};
use crate::msg::gaad::Gaad as G;
use crate::msg::said::Said;

const REPORT: FileKind = FileKind::CredentialReport;

/// The columns read, by name; AWS's order is not relied on.
const USER: &str = "user";
const ARN: &str = "arn";
const CREATED: &str = "user_creation_time";
const PASSWORD_ENABLED: &str = "password_enabled";
const PASSWORD_LAST_USED: &str = "password_last_used";
const PASSWORD_LAST_CHANGED: &str = "password_last_changed";
const MFA_ACTIVE: &str = "mfa_active";

/// The columns of one access key.
struct KeyColumns {
    active: usize,
    rotated: usize,
    used: usize,
    region: usize,
    service: usize,
}

struct Columns {
    names: Vec<String>,
    user: usize,
    arn: usize,
    created: usize,
    password_enabled: usize,
    password_last_used: usize,
    password_last_changed: usize,
    mfa: usize,
    keys: [KeyColumns; 2],
}

impl Columns {
    fn find(file: &str, header: &csv::StringRecord) -> Result<Columns, ImportError> {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        let col = |name: &str| {
            names
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| ImportError::Csv {
                    file: file.to_string(),
                    line: 1,
                    column: None,
                    message: Said::of(G::MissingColumn)
                        .with("name", name)
                        .saying("hint", REPORT.said()),
                })
        };
        let key = |n: u8| -> Result<KeyColumns, ImportError> {
            Ok(KeyColumns {
                active: col(&format!("access_key_{n}_active"))?,
                rotated: col(&format!("access_key_{n}_last_rotated"))?,
                used: col(&format!("access_key_{n}_last_used_date"))?,
                region: col(&format!("access_key_{n}_last_used_region"))?,
                service: col(&format!("access_key_{n}_last_used_service"))?,
            })
        };
        Ok(Columns {
            user: col(USER)?,
            arn: col(ARN)?,
            created: col(CREATED)?,
            password_enabled: col(PASSWORD_ENABLED)?,
            password_last_used: col(PASSWORD_LAST_USED)?,
            password_last_changed: col(PASSWORD_LAST_CHANGED)?,
            mfa: col(MFA_ACTIVE)?,
            keys: [key(1)?, key(2)?],
            names,
        })
    }
}

/// One row, with what it needs to point at its cells.
struct Row<'r> {
    file: &'r str,
    line: u64,
    record: &'r csv::StringRecord,
    columns: &'r Columns,
}

impl Row<'_> {
    fn text(&self, i: usize) -> &str {
        self.record.get(i).unwrap_or("").trim()
    }

    fn err(&self, i: usize, message: Said) -> ImportError {
        ImportError::Csv {
            file: self.file.to_string(),
            line: self.line,
            column: Some((
                i + 1,
                self.columns.names.get(i).cloned().unwrap_or_default(),
            )),
            message,
        }
    }

    fn flag(&self, i: usize) -> Result<bool, ImportError> {
        let v = self.text(i);
        if v.eq_ignore_ascii_case("true") {
            Ok(true)
        } else if v.eq_ignore_ascii_case("false") || v == "not_supported" {
            Ok(false)
        } else {
            Err(self.err(
                i,
                Said::of(G::NotBool)
                    .with("value", v)
                    .saying("hint", REPORT.said()),
            ))
        }
    }

    /// A time, or none for AWS's `N/A`, `no_information` and `not_supported`.
    fn time(&self, i: usize) -> Result<Option<Timestamp>, ImportError> {
        let v = self.text(i);
        if matches!(v, "" | "N/A" | "no_information" | "not_supported") {
            return Ok(None);
        }
        Time::parse(v).map(|t| Some(t.0)).map_err(|_| {
            self.err(
                i,
                Said::of(G::NotTime)
                    .with("value", v)
                    .saying("hint", REPORT.said()),
            )
        })
    }

    fn key(&self, c: &KeyColumns) -> Result<Option<KeyRow>, ImportError> {
        let active = self.flag(c.active)?;
        let Some(rotated) = self.time(c.rotated)? else {
            if active {
                return Err(self.err(c.rotated, Said::of(G::KeyNeedsRotated)));
            }
            return Ok(None);
        };
        let last_used = self.time(c.used)?.map(|date| LastUsed {
            date,
            region: self.text(c.region).to_string(),
            service: self.text(c.service).to_string(),
        });
        Ok(Some(KeyRow {
            active,
            rotated,
            last_used,
        }))
    }
}

/// An access key as the report describes it.
struct KeyRow {
    active: bool,
    rotated: Timestamp,
    last_used: Option<LastUsed>,
}

/// The keys a row describes, keeping the ids and secrets of keys already in their slots.
fn keys_from(a: &mut Account, old: &[AccessKey], rows: [Option<KeyRow>; 2]) -> Vec<AccessKey> {
    let mut out = Vec::new();
    for (slot, row) in rows.into_iter().enumerate() {
        let Some(row) = row else { continue };
        let (id, secret) = match old.get(slot) {
            Some(k) => (k.id.clone(), k.secret.clone()),
            None => (a.new_id("AKIA", 16), a.new_secret()),
        };
        let mut key = AccessKey::new(id, secret, row.rotated);
        if !row.active {
            key.status = KeyStatus::Inactive;
        }
        key.last_used = row.last_used;
        out.push(key);
    }
    out
}

/// `get-credential-report` JSON: the CSV, base64-encoded, in `Content`.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ReportJson {
    content: String,
}

/// The CSV text of a report given as CSV or as `get-credential-report` JSON.
fn csv_text<'t>(file: &str, text: &'t str) -> Result<Cow<'t, str>, ImportError> {
    if !text.trim_start().starts_with('{') {
        return Ok(Cow::Borrowed(text));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let r: ReportJson = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| ImportError::from_json(file, REPORT, e))?;
    let field = |message: G| ImportError::Field {
        file: file.to_string(),
        path: "Content".into(),
        position: None,
        message: Said::of(message).then(Said::of(G::ThenHint).saying("hint", REPORT.said())),
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(r.content.trim())
        .map_err(|_| field(G::ContentNotBase64))?;
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| field(G::ContentNotUtf8))
}

/// Applies an IAM credential report (CSV, or the JSON of `get-credential-report`) to an
/// account: console passwords, MFA, access keys and their last use, and the root user's.
/// Users only in the report are created.
pub fn apply_credential_report(a: &mut Account, file: &str, text: &str) -> Result<(), ImportError> {
    let text = csv_text(file, text)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line());
        let message = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => Said::of(G::RowLength)
                .with("len", len)
                .with("expected", expected_len),
            _ => Said::of(G::BadRow)
                .with("error", &e)
                .saying("hint", REPORT.said()),
        };
        ImportError::Csv {
            file: file.to_string(),
            line,
            column: None,
            message,
        }
    };
    let header = reader.headers().map_err(csv_error)?.clone();
    let columns = Columns::find(file, &header)?;
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let row = Row {
            file,
            line: record.position().map_or(0, |p| p.line()),
            record: &record,
            columns: &columns,
        };
        apply_row(a, &row)?;
    }
    super::read::settle_clock(a);
    Ok(())
}

fn apply_row(a: &mut Account, row: &Row<'_>) -> Result<(), ImportError> {
    let c = row.columns;
    let name = row.text(c.user).to_string();
    let arn = row.text(c.arn).to_string();
    let keys = [row.key(&c.keys[0])?, row.key(&c.keys[1])?];
    let mfa = row.flag(c.mfa)?;
    let last_used = row.time(c.password_last_used)?;
    let account_of = |arn: &str| arn.split(':').nth(4).map(str::to_string);
    if account_of(&arn).as_deref() != Some(a.id.as_str()) {
        return Err(row.err(
            c.arn,
            Said::of(G::OtherAccount)
                .with("arn", &arn)
                .with("id", &a.id),
        ));
    }
    if name == "<root_account>" {
        let old = a.root.access_keys.clone();
        a.root.access_keys = keys_from(a, &old, keys);
        a.root.mfa_enabled = mfa;
        a.root.last_sign_in = last_used;
        return Ok(());
    }
    let created = row.time(c.created)?;
    let password = row.flag(c.password_enabled)?;
    let changed = row.time(c.password_last_changed)?;
    let prefix = format!("arn:aws:iam::{}:user", a.id);
    let path = match arn
        .split_once(":user/")
        .and_then(|(_, rest)| rest.strip_suffix(name.as_str()))
    {
        Some(p) if !name.is_empty() && (p.is_empty() || p.ends_with('/')) => {
            if p.is_empty() {
                "/".to_string()
            } else {
                format!("/{p}")
            }
        }
        _ => {
            return Err(row.err(
                c.arn,
                Said::of(G::NotUserArn)
                    .with("arn", &arn)
                    .with("name", &name)
                    .with("prefix", &prefix),
            ));
        }
    };
    if let Some(u) = a.users.get(&name)
        && u.arn != arn
    {
        return Err(row.err(
            c.arn,
            Said::of(G::ArnDiffers)
                .with("name", &name)
                .with("details", &u.arn)
                .with("arn", &arn),
        ));
    }
    if !a.users.contains_key(&name) {
        let id = a.new_id("AIDA", 17);
        let user = User::new(&name, path, id, &arn, created.unwrap_or(a.now));
        a.users.insert(name.clone(), user);
    }
    let old = a
        .users
        .get(&name)
        .map(|u| u.access_keys.clone())
        .unwrap_or_default();
    let new_keys = keys_from(a, &old, keys);
    let serial = format!("arn:aws:iam::{}:mfa/{name}", a.id);
    let Some(u) = a.users.get_mut(&name) else {
        return Ok(());
    };
    u.access_keys = new_keys;
    u.login_profile = password.then(|| {
        let old = u.login_profile.take();
        LoginProfile {
            password: old.as_ref().map(|l| l.password.clone()).unwrap_or_default(),
            reset_required: old.as_ref().is_some_and(|l| l.reset_required),
            created: changed.unwrap_or(u.created),
            last_used,
        }
    });
    let has_mfa = u.mfa.iter().any(|d| d.enabled.is_some());
    if mfa && !has_mfa {
        // The report does not say when MFA was enabled: the user's creation is the best guess.
        u.mfa.push(MfaDevice {
            serial,
            is_virtual: true,
            enabled: Some(u.created),
        });
    } else if !mfa {
        u.mfa.retain(|d| d.enabled.is_none());
    }
    Ok(())
}

/// `get-account-password-policy` JSON.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PasswordPolicyJson {
    password_policy: PolicyFields,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PolicyFields {
    minimum_password_length: Option<u32>,
    require_symbols: Option<bool>,
    require_numbers: Option<bool>,
    require_uppercase_characters: Option<bool>,
    require_lowercase_characters: Option<bool>,
    allow_users_to_change_password: Option<bool>,
    max_password_age: Option<u32>,
    password_reuse_prevention: Option<u32>,
    hard_expiry: Option<bool>,
}

/// Reads the JSON of `aws iam get-account-password-policy` (`{"PasswordPolicy": {…}}`).
/// `ExpirePasswords` is derived from `MaxPasswordAge`, as AWS does.
pub fn parse_password_policy(file: &str, text: &str) -> Result<PasswordPolicy, ImportError> {
    const KIND: FileKind = FileKind::PasswordPolicy;
    let mut de = serde_json::Deserializer::from_str(text);
    let j: PasswordPolicyJson = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| ImportError::from_json(file, KIND, e))?;
    de.end()
        .map_err(|e| ImportError::from_json_at(file, KIND, "", &e))?;
    let f = j.password_policy;
    let range = |name: &str, v: Option<u32>, lo: u32, hi: u32| match v {
        Some(n) if !(lo..=hi).contains(&n) => Err(ImportError::Field {
            file: file.to_string(),
            path: format!("PasswordPolicy.{name}"),
            position: None,
            message: Said::of(G::OutOfRange)
                .with("n", n)
                .with("lo", lo)
                .with("hi", hi),
        }),
        _ => Ok(()),
    };
    range("MinimumPasswordLength", f.minimum_password_length, 6, 128)?;
    range("MaxPasswordAge", f.max_password_age, 1, 1095)?;
    range(
        "PasswordReusePrevention",
        f.password_reuse_prevention,
        1,
        24,
    )?;
    let d = PasswordPolicy::default();
    Ok(PasswordPolicy {
        minimum_password_length: f
            .minimum_password_length
            .unwrap_or(d.minimum_password_length),
        require_symbols: f.require_symbols.unwrap_or(d.require_symbols),
        require_numbers: f.require_numbers.unwrap_or(d.require_numbers),
        require_uppercase_characters: f
            .require_uppercase_characters
            .unwrap_or(d.require_uppercase_characters),
        require_lowercase_characters: f
            .require_lowercase_characters
            .unwrap_or(d.require_lowercase_characters),
        allow_users_to_change_password: f
            .allow_users_to_change_password
            .unwrap_or(d.allow_users_to_change_password),
        max_password_age: f.max_password_age,
        password_reuse_prevention: f.password_reuse_prevention,
        hard_expiry: f.hard_expiry.unwrap_or(d.hard_expiry),
        expire_passwords: None,
    })
}

/// The password policy as `get-account-password-policy` returns it, fields in AWS's order.
pub fn password_policy_json(p: &PasswordPolicy) -> Value {
    json!({
        "PasswordPolicy": obj([
            ("MinimumPasswordLength", json!(p.minimum_password_length)),
            ("RequireSymbols", json!(p.require_symbols)),
            ("RequireNumbers", json!(p.require_numbers)),
            ("RequireUppercaseCharacters", json!(p.require_uppercase_characters)),
            ("RequireLowercaseCharacters", json!(p.require_lowercase_characters)),
            ("AllowUsersToChangePassword", json!(p.allow_users_to_change_password)),
            ("ExpirePasswords", json!(p.max_password_age.is_some())),
            ("MaxPasswordAge", json!(p.max_password_age)),
            ("PasswordReusePrevention", json!(p.password_reuse_prevention)),
            ("HardExpiry", json!(p.hard_expiry)),
        ])
    })
}
