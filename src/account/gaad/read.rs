//! GAAD JSON → an [`Account`], in three steps: the typed shapes of `shape.rs` are read with
//! the path of every field; they are checked (one account's ARNs, names that match them,
//! versions that exist); then their references are resolved — groups, and managed policies
//! from the file, else AWS managed ones from the bundled set, else a stand-in that allows
//! nothing, with a warning.
//!
//! Documents are parsed as AWS stored them: permission policies without the size quotas
//! (AWS accepted them already, and AWS managed policies are larger than the customer quota),
//! trust policies as trust policies.

use std::collections::{BTreeMap, BTreeSet};

use percent_encoding::percent_decode_str;
use serde_json::value::RawValue;

use super::error::{FileKind, ImportError, Warning};
use super::shape::{
    AttachedPolicy, AuthorizationDetails, GroupDetail, ManagedPolicyDetail, PermissionsBoundary,
    PolicyDetail, RoleDetail, UserDetail,
};
use crate::account::rules::{self, NameKind, iam_arn, quoted};
use crate::account::{
    Account, DEFAULT_ACCOUNT_ID, DEFAULT_MAX_SESSION_DURATION, Document, Group, InstanceProfile,
    LastUsed, ManagedPolicy, PolicyVersion, Role, User,
};
use crate::msg::gaad::Gaad as G;
use crate::msg::said::Said;
use crate::policy::span::LineIndex;
use crate::policy::{Policy, PolicyType, Position};
use crate::suggest::nearest;

/// A document as written in the file.
type Raw<'a> = &'a RawValue;

const KIND: FileKind = FileKind::AuthorizationDetails;

/// The document of the stand-in for an AWS managed policy that is neither in the file nor
/// bundled: one statement that matches no action, so that it allows (and denies) nothing.
const PLACEHOLDER: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "IamdojoPlaceholderAllowsNothing",
      "Effect": "Deny",
      "NotAction": "*",
      "Resource": "*"
    }
  ]
}"#;

/// Reads GAAD JSON into a new account whose id comes from the ARNs.
pub(super) fn read(file: &str, text: &str) -> Result<(Account, Vec<Warning>), ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let details: AuthorizationDetails<Raw<'_>> = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| ImportError::from_json(file, KIND, e))?;
    de.end()
        .map_err(|e| ImportError::from_json_at(file, KIND, "", &e))?;
    let id = account_id(file, &details)?;
    let mut r = Reader {
        file,
        text,
        account: Account::new(&id, 1),
        warnings: Vec::new(),
        missing_groups: BTreeSet::new(),
    };
    if details.is_truncated {
        r.warn("IsTruncated", Said::of(G::WarnTruncated));
    }
    r.policies(&details.policies)?;
    r.groups(&details.group_detail_list)?;
    r.users(&details.user_detail_list)?;
    r.roles(&details.role_detail_list)?;
    settle_clock(&mut r.account);
    Ok((r.account, r.warnings))
}

fn not_an_arn(file: &str, path: String, arn: &str, kind: NameKind) -> ImportError {
    ImportError::Field {
        file: file.to_string(),
        path,
        position: None,
        message: Said::of(G::NotAnArn)
            .with("arn", quoted(arn))
            .saying("kind", kind.said())
            .with("arn_word", kind.arn_word())
            .saying("hint", KIND.said()),
    }
}

/// The field that holds an entity's name in GAAD JSON.
fn name_field(kind: NameKind) -> &'static str {
    match kind {
        NameKind::User => "UserName",
        NameKind::Group => "GroupName",
        NameKind::Role => "RoleName",
        NameKind::Policy | NameKind::InlinePolicy => "PolicyName",
        NameKind::InstanceProfile => "InstanceProfileName",
    }
}

/// Checks an entity's name and path with the sandbox's own rules ([`rules`]).
fn check_name_and_path(
    file: &str,
    at: &str,
    kind: NameKind,
    name: &str,
    path: Option<&str>,
) -> Result<(), ImportError> {
    let field = |path: String, message: Said| ImportError::Field {
        file: file.to_string(),
        path,
        position: None,
        message,
    };
    rules::check_name(kind, name)
        .map_err(|e| field(format!("{at}.{}", name_field(kind)), e.said()))?;
    if let Some(p) = path {
        rules::check_path(p).map_err(|e| field(format!("{at}.Path"), e.said()))?;
    }
    Ok(())
}

/// The account id all the file's ARNs share.
fn account_id(file: &str, d: &AuthorizationDetails<Raw<'_>>) -> Result<String, ImportError> {
    // (list, index, ARN, kind, name, path): the names and paths are checked before the ARNs,
    // so that a bad name is reported as a name rather than as the ARN that contains it.
    let entities = d
        .user_detail_list
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let e = ("UserDetailList", i, u.arn.as_str(), NameKind::User);
            (e, u.user_name.as_str(), u.path.as_deref())
        })
        .chain(d.group_detail_list.iter().enumerate().map(|(i, g)| {
            let e = ("GroupDetailList", i, g.arn.as_str(), NameKind::Group);
            (e, g.group_name.as_str(), g.path.as_deref())
        }))
        .chain(d.role_detail_list.iter().enumerate().map(|(i, r)| {
            let e = ("RoleDetailList", i, r.arn.as_str(), NameKind::Role);
            (e, r.role_name.as_str(), r.path.as_deref())
        }))
        .chain(d.policies.iter().enumerate().map(|(i, p)| {
            let e = ("Policies", i, p.arn.as_str(), NameKind::Policy);
            (e, p.policy_name.as_str(), p.path.as_deref())
        }));
    let mut arns = Vec::new();
    for ((list, i, arn, kind), name, path) in entities {
        check_name_and_path(file, &format!("{list}[{i}]"), kind, name, path)?;
        arns.push((list, i, arn, kind));
    }
    let mut first: Option<(&str, String)> = None;
    for (list, i, arn, kind) in arns {
        let path = format!("{list}[{i}].Arn");
        let Some(parts) = iam_arn(arn, kind) else {
            return Err(not_an_arn(file, path, arn, kind));
        };
        if parts.account == "aws" {
            continue;
        }
        match &first {
            None => first = Some((parts.account, path)),
            Some((id, at)) if *id != parts.account => {
                return Err(ImportError::Field {
                    file: file.to_string(),
                    path,
                    position: None,
                    message: Said::of(G::TwoAccounts)
                        .with("arn", arn)
                        .with("account", parts.account)
                        .with("at", at)
                        .with("id", id),
                });
            }
            Some(_) => {}
        }
    }
    Ok(first
        .map(|(id, _)| id.to_string())
        .unwrap_or_else(|| DEFAULT_ACCOUNT_ID.to_string()))
}

/// Moves the clock to the latest time the account mentions, so that "last used 3 days ago"
/// stays true of imported data; never moves it back.
pub(super) fn settle_clock(a: &mut Account) {
    let mut latest = a.now;
    let mut see = |t: jiff::Timestamp| latest = latest.max(t);
    let keys = a
        .users
        .values()
        .flat_map(|u| u.access_keys.iter())
        .chain(a.root.access_keys.iter());
    for k in keys {
        see(k.created);
        if let Some(l) = &k.last_used {
            see(l.date);
        }
    }
    for u in a.users.values() {
        see(u.created);
        if let Some(lp) = &u.login_profile {
            see(lp.created);
            lp.last_used.into_iter().for_each(&mut see);
        }
        u.mfa.iter().filter_map(|m| m.enabled).for_each(&mut see);
    }
    a.root.last_sign_in.into_iter().for_each(&mut see);
    a.groups.values().for_each(|g| see(g.created));
    for r in a.roles.values() {
        see(r.created);
        if let Some(l) = &r.last_used {
            see(l.date);
        }
    }
    for p in a.policies.values() {
        see(p.created);
        p.versions.iter().for_each(|v| see(v.created));
    }
    a.instance_profiles.values().for_each(|p| see(p.created));
    a.now = latest;
}

struct Reader<'t> {
    file: &'t str,
    text: &'t str,
    account: Account,
    warnings: Vec<Warning>,
    /// Groups named in `GroupList`s but absent from the file, warned about once each.
    missing_groups: BTreeSet<String>,
}

impl Reader<'_> {
    fn warn(&mut self, place: &str, message: Said) {
        self.warnings.push(Warning {
            file: self.file.to_string(),
            place: place.to_string(),
            message,
        });
    }

    fn field(&self, path: String, message: impl Into<Said>) -> ImportError {
        ImportError::Field {
            file: self.file.to_string(),
            path,
            position: None,
            message: message.into(),
        }
    }

    /// Line and column of a byte offset of the file (only on the way to an error).
    fn position(&self, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(self.text).position(self.text, offset);
        (p.line as usize, p.column as usize)
    }

    /// Where a raw value starts in the file: it is a slice of the file's text.
    fn offset_of(&self, raw: Raw<'_>) -> usize {
        let at = raw.get().as_ptr() as usize;
        let base = self.text.as_ptr() as usize;
        at.checked_sub(base)
            .filter(|o| *o <= self.text.len())
            .unwrap_or(0)
    }

    /// Parses a document written as a JSON object or as a (URL-encoded) JSON string.
    fn doc(
        &self,
        raw: Raw<'_>,
        ty: PolicyType,
        path: &str,
        what: impl FnOnce() -> Said,
    ) -> Result<Document, ImportError> {
        let written = raw.get();
        let refused = |position, decoded, source| ImportError::Document {
            file: self.file.to_string(),
            path: path.to_string(),
            what: what(),
            position,
            decoded,
            source: Box::new(source),
        };
        match written.as_bytes().first() {
            Some(b'{') => match Policy::parse(written, ty) {
                Ok(p) => Ok(Document::from_policy(p)),
                Err(e) => {
                    let (line, column) = self.position(self.offset_of(raw));
                    // The document is a slice of the file, so its positions shift by its start.
                    let at = match e.position {
                        Some(p) if p.line <= 1 => (line, column + p.column as usize - 1),
                        Some(p) => (line + p.line as usize - 1, p.column as usize),
                        None => (line, column),
                    };
                    Err(refused(at, None, e))
                }
            },
            Some(b'"') => {
                let s: String = serde_json::from_str(written)
                    .map_err(|e| ImportError::from_json_at(self.file, KIND, path, &e))?;
                let text = if s.trim_start().starts_with('{') {
                    s
                } else {
                    percent_decode_str(&s)
                        .decode_utf8()
                        .map_err(|_| ImportError::Field {
                            file: self.file.to_string(),
                            path: path.to_string(),
                            position: Some(self.position(self.offset_of(raw))),
                            message: Said::of(G::EncodedNotUtf8),
                        })?
                        .into_owned()
                };
                match Policy::parse(&text, ty) {
                    Ok(p) => Ok(Document::from_policy(p)),
                    Err(e) => {
                        let at = self.position(self.offset_of(raw));
                        let inner = e.position.unwrap_or(Position { line: 1, column: 1 });
                        Err(refused(at, Some(inner), e))
                    }
                }
            }
            _ => {
                let shown: String = written.chars().take(40).collect();
                Err(ImportError::Field {
                    file: self.file.to_string(),
                    path: path.to_string(),
                    position: Some(self.position(self.offset_of(raw))),
                    message: Said::of(G::NotADocument)
                        .with("shown", shown)
                        .saying("hint", KIND.said()),
                })
            }
        }
    }

    /// Checks an entity's ARN against its name and path; gives the path.
    fn entity_path(
        &self,
        arn: &str,
        kind: NameKind,
        name: &str,
        path: Option<&str>,
        at: &str,
    ) -> Result<String, ImportError> {
        let parts = iam_arn(arn, kind)
            .ok_or_else(|| not_an_arn(self.file, format!("{at}.Arn"), arn, kind))?;
        if parts.name != name {
            return Err(self.field(
                format!("{at}.Arn"),
                Said::of(G::ArnNameMismatch)
                    .with("arn", arn)
                    .with("end", parts.name)
                    .saying("kind", kind.said())
                    .with("name", name),
            ));
        }
        if let Some(p) = path
            && p != parts.path
        {
            return Err(self.field(
                format!("{at}.Path"),
                Said::of(G::PathMismatch)
                    .with("path", p)
                    .with("arn", arn)
                    .with("arn_path", &parts.path),
            ));
        }
        Ok(parts.path)
    }

    /// Makes sure a managed policy an entity names exists in the account.
    fn resolve(&mut self, arn: &str, at: &str) -> Result<(), ImportError> {
        if self.account.policies.contains_key(arn) {
            return Ok(());
        }
        let Some(parts) = iam_arn(arn, NameKind::Policy) else {
            return Err(not_an_arn(self.file, at.to_string(), arn, NameKind::Policy));
        };
        if parts.account != "aws" {
            let hint = nearest(arn, self.account.policies.keys().map(String::as_str))
                .map(|n| Said::of(G::DidYouMean).with("name", n))
                .unwrap_or_default();
            return Err(ImportError::UnknownPolicy {
                file: self.file.to_string(),
                path: at.to_string(),
                arn: arn.to_string(),
                hint,
            });
        }
        if self.account.managed_policy(arn).is_some() {
            return Ok(());
        }
        let (name, path) = (parts.name.to_string(), parts.path);
        let document =
            crate::account::document(PLACEHOLDER, PolicyType::Identity).map_err(|e| {
                self.field(
                    at.to_string(),
                    Said::of(G::NoStandIn).with("arn", arn).with("error", e),
                )
            })?;
        let now = self.account.now;
        let id = self.account.new_id("ANPA", 17);
        let stand_in = ManagedPolicy::new(name, path, id, arn, now, PolicyVersion::first(document, now))
            .aws_managed()
            .with_description(Some(
                "iamdojo stand-in: this AWS managed policy was not in the file and is not bundled, so it allows nothing".into(),
            ));
        self.account.policies.insert(arn.to_string(), stand_in);
        self.warn(at, Said::of(G::WarnStandIn).with("arn", arn));
        Ok(())
    }

    /// Resolves an entity's attached managed policies; their number must fit `quota` as
    /// raised to AWS's maximum, since a real account may have had it raised.
    fn attachments(
        &mut self,
        list: &[AttachedPolicy],
        at: &str,
        quota: rules::Quota,
    ) -> Result<Vec<String>, ImportError> {
        let mut out = Vec::with_capacity(list.len());
        for (i, a) in list.iter().enumerate() {
            self.resolve(
                &a.policy_arn,
                &format!("{at}.AttachedManagedPolicies[{i}].PolicyArn"),
            )?;
            if !out.contains(&a.policy_arn) {
                out.push(a.policy_arn.clone());
            }
        }
        quota
            .check_raised(out.len())
            .map_err(|e| self.field(format!("{at}.AttachedManagedPolicies"), e.said()))?;
        Ok(out)
    }

    fn boundary(
        &mut self,
        b: Option<&PermissionsBoundary>,
        at: &str,
    ) -> Result<Option<String>, ImportError> {
        let Some(b) = b else { return Ok(None) };
        self.resolve(
            &b.permissions_boundary_arn,
            &format!("{at}.PermissionsBoundary.PermissionsBoundaryArn"),
        )?;
        Ok(Some(b.permissions_boundary_arn.clone()))
    }

    fn inline(
        &self,
        list: &[PolicyDetail<Raw<'_>>],
        at: &str,
        field: &str,
        ty: PolicyType,
        owner: &Said,
    ) -> Result<BTreeMap<String, Document>, ImportError> {
        let mut out = BTreeMap::new();
        for (i, p) in list.iter().enumerate() {
            let path = format!("{at}.{field}[{i}]");
            rules::check_name(NameKind::InlinePolicy, &p.policy_name)
                .map_err(|e| self.field(format!("{path}.PolicyName"), e.said()))?;
            let d = self.doc(
                p.policy_document,
                ty,
                &format!("{path}.PolicyDocument"),
                || {
                    Said::of(G::WhatInline)
                        .with("name", &p.policy_name)
                        .saying("owner", owner.clone())
                },
            )?;
            if out.insert(p.policy_name.clone(), d).is_some() {
                return Err(self.field(
                    format!("{path}.PolicyName"),
                    Said::of(G::DuplicateInline)
                        .with("name", &p.policy_name)
                        .saying("owner", owner.clone()),
                ));
            }
        }
        Ok(out)
    }

    fn policies(&mut self, list: &[ManagedPolicyDetail<Raw<'_>>]) -> Result<(), ImportError> {
        for (i, p) in list.iter().enumerate() {
            let at = format!("Policies[{i}]");
            let path = self.entity_path(
                &p.arn,
                NameKind::Policy,
                &p.policy_name,
                p.path.as_deref(),
                &at,
            )?;
            if self.account.policies.contains_key(&p.arn) {
                return Err(self.field(
                    format!("{at}.Arn"),
                    Said::of(G::DuplicatePolicy).with("arn", &p.arn),
                ));
            }
            if p.policy_version_list.is_empty() {
                return Err(self.field(format!("{at}.PolicyVersionList"), Said::of(G::NoVersions)));
            }
            let created = p.create_date.map(|t| t.0).unwrap_or(self.account.now);
            let mut versions: Vec<(u32, PolicyVersion)> = Vec::new();
            for (j, v) in p.policy_version_list.iter().enumerate() {
                let vat = format!("{at}.PolicyVersionList[{j}]");
                let n = v
                    .version_id
                    .strip_prefix('v')
                    .and_then(|n| n.parse::<u32>().ok())
                    .ok_or_else(|| {
                        self.field(
                            format!("{vat}.VersionId"),
                            Said::of(G::BadVersionId).with("id", &v.version_id),
                        )
                    })?;
                if versions.iter().any(|(_, x)| x.id == v.version_id) {
                    return Err(self.field(
                        format!("{vat}.VersionId"),
                        Said::of(G::DuplicateVersion).with("id", &v.version_id),
                    ));
                }
                let document = self.doc(
                    v.document,
                    PolicyType::Identity,
                    &format!("{vat}.Document"),
                    || {
                        Said::of(G::WhatVersion)
                            .with("version", &v.version_id)
                            .with("arn", &p.arn)
                    },
                )?;
                versions.push((
                    n,
                    PolicyVersion::new(
                        v.version_id.clone(),
                        document,
                        v.create_date.map(|t| t.0).unwrap_or(created),
                    ),
                ));
            }
            versions.sort_by_key(|(n, _)| *n);
            let next_version = versions.last().map_or(1, |(n, _)| n + 1);
            let ids = || {
                versions
                    .iter()
                    .map(|(_, v)| format!("`{}`", v.id))
                    .collect::<Vec<_>>()
            };
            let default = match &p.default_version_id {
                Some(d) if versions.iter().any(|(_, v)| v.id == *d) => d.clone(),
                Some(d) => {
                    return Err(self.field(
                        format!("{at}.DefaultVersionId"),
                        Said::of(G::NoSuchDefault)
                            .with("id", d)
                            .listing("ids", ids(), G::Comma),
                    ));
                }
                None => {
                    let marked: Vec<&String> = p
                        .policy_version_list
                        .iter()
                        .filter(|v| v.is_default_version)
                        .map(|v| &v.version_id)
                        .collect();
                    match marked.as_slice() {
                        [one] => (*one).clone(),
                        _ => {
                            return Err(self.field(
                                format!("{at}.DefaultVersionId"),
                                Said::of(G::WhichDefault).listing("ids", ids(), G::Comma),
                            ));
                        }
                    }
                }
            };
            let aws_managed = iam_arn(&p.arn, NameKind::Policy).is_some_and(|a| a.account == "aws");
            let id = match &p.policy_id {
                Some(id) => id.clone(),
                None => self.account.new_id("ANPA", 17),
            };
            let mut versions = versions.into_iter().map(|(_, v)| v);
            let Some(first) = versions.next() else {
                // Refused above already; kept so that no policy is ever without a version.
                return Err(self.field(format!("{at}.PolicyVersionList"), Said::of(G::NoVersions)));
            };
            let mut policy = ManagedPolicy::new(&p.policy_name, path, id, &p.arn, created, first)
                .with_description(p.description.clone());
            policy.aws_managed = aws_managed;
            policy.versions.extend(versions);
            policy.default_version = default;
            policy.next_version = next_version;
            self.account.policies.insert(p.arn.clone(), policy);
        }
        Ok(())
    }

    fn groups(&mut self, list: &[GroupDetail<Raw<'_>>]) -> Result<(), ImportError> {
        for (i, g) in list.iter().enumerate() {
            let at = format!("GroupDetailList[{i}]");
            let path = self.entity_path(
                &g.arn,
                NameKind::Group,
                &g.group_name,
                g.path.as_deref(),
                &at,
            )?;
            if self.account.groups.contains_key(&g.group_name) {
                return Err(self.field(
                    format!("{at}.GroupName"),
                    Said::of(G::DuplicateEntity)
                        .saying("kind", NameKind::Group.said())
                        .with("name", &g.group_name),
                ));
            }
            let owner = Said::of(G::OwnerGroup).with("name", &g.group_name);
            let inline = self.inline(
                &g.group_policy_list,
                &at,
                "GroupPolicyList",
                PolicyType::Identity,
                &owner,
            )?;
            let attached =
                self.attachments(&g.attached_managed_policies, &at, rules::POLICIES_PER_GROUP)?;
            let id = match &g.group_id {
                Some(id) => id.clone(),
                None => self.account.new_id("AGPA", 17),
            };
            let created = g.create_date.map(|t| t.0).unwrap_or(self.account.now);
            let group = Group::new(&g.group_name, path, id, &g.arn, created)
                .with_policies(attached, inline);
            self.account.groups.insert(g.group_name.clone(), group);
        }
        Ok(())
    }

    fn users(&mut self, list: &[UserDetail<Raw<'_>>]) -> Result<(), ImportError> {
        for (i, u) in list.iter().enumerate() {
            let at = format!("UserDetailList[{i}]");
            let path =
                self.entity_path(&u.arn, NameKind::User, &u.user_name, u.path.as_deref(), &at)?;
            if self.account.users.contains_key(&u.user_name) {
                return Err(self.field(
                    format!("{at}.UserName"),
                    Said::of(G::DuplicateEntity)
                        .saying("kind", NameKind::User.said())
                        .with("name", &u.user_name),
                ));
            }
            let owner = Said::of(G::OwnerUser).with("name", &u.user_name);
            let inline = self.inline(
                &u.user_policy_list,
                &at,
                "UserPolicyList",
                PolicyType::Identity,
                &owner,
            )?;
            let attached =
                self.attachments(&u.attached_managed_policies, &at, rules::POLICIES_PER_USER)?;
            let boundary = self.boundary(u.permissions_boundary.as_ref(), &at)?;
            rules::GROUPS_PER_USER
                .check_raised(u.group_list.len())
                .map_err(|e| self.field(format!("{at}.GroupList"), e.said()))?;
            for (k, g) in u.group_list.iter().enumerate() {
                if !self.account.groups.contains_key(g) && self.missing_groups.insert(g.clone()) {
                    self.warn(
                        &format!("{at}.GroupList[{k}]"),
                        Said::of(G::WarnMissingGroup).with("group", g),
                    );
                }
            }
            let id = match &u.user_id {
                Some(id) => id.clone(),
                None => self.account.new_id("AIDA", 17),
            };
            let created = u.create_date.map(|t| t.0).unwrap_or(self.account.now);
            let mut user = User::new(&u.user_name, path, id, &u.arn, created)
                .with_tags(u.tags.clone())
                .with_policies(attached, inline)
                .with_boundary(boundary);
            user.groups = u.group_list.clone();
            self.account.users.insert(u.user_name.clone(), user);
        }
        Ok(())
    }

    fn roles(&mut self, list: &[RoleDetail<Raw<'_>>]) -> Result<(), ImportError> {
        for (i, r) in list.iter().enumerate() {
            let at = format!("RoleDetailList[{i}]");
            let path =
                self.entity_path(&r.arn, NameKind::Role, &r.role_name, r.path.as_deref(), &at)?;
            if self.account.roles.contains_key(&r.role_name) {
                return Err(self.field(
                    format!("{at}.RoleName"),
                    Said::of(G::DuplicateEntity)
                        .saying("kind", NameKind::Role.said())
                        .with("name", &r.role_name),
                ));
            }
            let trust = self.doc(
                r.assume_role_policy_document,
                PolicyType::Trust,
                &format!("{at}.AssumeRolePolicyDocument"),
                || Said::of(G::WhatTrust).with("name", &r.role_name),
            )?;
            let owner = Said::of(G::OwnerRole).with("name", &r.role_name);
            let inline = self.inline(
                &r.role_policy_list,
                &at,
                "RolePolicyList",
                PolicyType::Identity,
                &owner,
            )?;
            let attached =
                self.attachments(&r.attached_managed_policies, &at, rules::POLICIES_PER_ROLE)?;
            let boundary = self.boundary(r.permissions_boundary.as_ref(), &at)?;
            let max = r
                .max_session_duration
                .unwrap_or(DEFAULT_MAX_SESSION_DURATION);
            if !rules::valid_max_session_duration(i64::from(max)) {
                return Err(self.field(
                    format!("{at}.MaxSessionDuration"),
                    Said::of(G::SessionDuration).with("max", max),
                ));
            }
            let last_used = r.role_last_used.as_ref().and_then(|l| {
                l.last_used_date.map(|t| LastUsed {
                    date: t.0,
                    region: l.region.clone().unwrap_or_default(),
                    service: String::new(),
                })
            });
            let id = match &r.role_id {
                Some(id) => id.clone(),
                None => self.account.new_id("AROA", 17),
            };
            let created = r.create_date.map(|t| t.0).unwrap_or(self.account.now);
            for (k, p) in r.instance_profile_list.iter().enumerate() {
                let pat = format!("{at}.InstanceProfileList[{k}]");
                check_name_and_path(
                    self.file,
                    &pat,
                    NameKind::InstanceProfile,
                    &p.instance_profile_name,
                    p.path.as_deref(),
                )?;
                let mut roles: Vec<String> = Vec::new();
                for name in p.roles.iter().map(|x| &x.role_name).chain([&r.role_name]) {
                    if !roles.contains(name) {
                        roles.push(name.clone());
                    }
                }
                if let Some(existing) = self.account.instance_profiles.get(&p.instance_profile_name)
                {
                    for name in &existing.roles {
                        if !roles.contains(name) {
                            roles.push(name.clone());
                        }
                    }
                }
                rules::ROLES_PER_INSTANCE_PROFILE
                    .check_raised(roles.len())
                    .map_err(|e| {
                        self.field(
                            format!("{pat}.Roles"),
                            e.said().then(Said::of(G::RolesOfProfile).listing(
                                "roles",
                                roles.clone(),
                                G::Comma,
                            )),
                        )
                    })?;
                if let Some(existing) = self
                    .account
                    .instance_profiles
                    .get_mut(&p.instance_profile_name)
                {
                    existing.roles = roles;
                    continue;
                }
                let ppath = p.path.clone().unwrap_or_else(|| "/".into());
                if let Some(arn) = &p.arn {
                    let parts = iam_arn(arn, NameKind::InstanceProfile).ok_or_else(|| {
                        not_an_arn(
                            self.file,
                            format!("{pat}.Arn"),
                            arn,
                            NameKind::InstanceProfile,
                        )
                    })?;
                    if parts.name != p.instance_profile_name {
                        return Err(self.field(
                            format!("{pat}.Arn"),
                            Said::of(G::ArnNameMismatch)
                                .with("arn", arn)
                                .with("end", parts.name)
                                .saying("kind", NameKind::InstanceProfile.said())
                                .with("name", &p.instance_profile_name),
                        ));
                    }
                }
                let arn = p.arn.clone().unwrap_or_else(|| {
                    self.account
                        .iam_arn("instance-profile", &ppath, &p.instance_profile_name)
                });
                let pid = match &p.instance_profile_id {
                    Some(id) => id.clone(),
                    None => self.account.new_id("AIPA", 17),
                };
                let profile = InstanceProfile {
                    name: p.instance_profile_name.clone(),
                    path: ppath,
                    id: pid,
                    arn,
                    created: p.create_date.map(|t| t.0).unwrap_or(self.account.now),
                    roles,
                };
                self.account
                    .instance_profiles
                    .insert(p.instance_profile_name.clone(), profile);
            }
            let mut role = Role::new(&r.role_name, path, id, &r.arn, created, trust)
                .with_description(r.description.clone())
                .with_policies(attached, inline)
                .with_boundary(boundary)
                .with_max_session_duration(max)
                .with_tags(r.tags.clone());
            role.last_used = last_used;
            self.account.roles.insert(r.role_name.clone(), role);
        }
        Ok(())
    }
}
