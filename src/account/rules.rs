//! AWS IAM's rules for what an account may hold: the character sets and lengths of names and
//! paths, the shape of IAM ARNs, and the per-entity quotas. One function (or one constant) per
//! rule, called by the sandbox's commands (`iam.rs`), the scenario loader and the GAAD import,
//! so the three cannot disagree about what AWS accepts.
//!
//! Each error has two renderings: `aws_message` is the text AWS itself returns (for the
//! sandbox's commands), `Display` is the tutor's sentence saying what is allowed (for files).
//!
//! Architecture invariant: no second copy of these rules exists elsewhere in the crate.

use std::fmt;

use crate::msg::said::Said;
use crate::msg::scenario::Scenario as M;

/// What kind of IAM name a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A user name (`CreateUser`'s `UserName`).
    User,
    /// A group name (`CreateGroup`'s `GroupName`).
    Group,
    /// A role name (`CreateRole`'s `RoleName`).
    Role,
    /// A managed policy name (`CreatePolicy`'s `PolicyName`).
    Policy,
    /// An inline policy name (`PutUserPolicy`'s `PolicyName`).
    InlinePolicy,
    /// An instance profile name (`CreateInstanceProfile`'s `InstanceProfileName`).
    InstanceProfile,
}

impl NameKind {
    /// The longest name AWS accepts.
    // IAM and STS quotas, "IAM name requirements" and the API references' `Length Constraints`:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html (1..64)
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateGroup.html (1..128)
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (1..64)
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html (1..128)
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html (1..128)
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html (1..128)
    pub fn max_len(self) -> usize {
        match self {
            NameKind::User | NameKind::Role => 64,
            NameKind::Group
            | NameKind::Policy
            | NameKind::InlinePolicy
            | NameKind::InstanceProfile => 128,
        }
    }

    /// The kind in words, e.g. "user" or "instance profile".
    pub fn word(self) -> &'static str {
        match self {
            NameKind::User => "user",
            NameKind::Group => "group",
            NameKind::Role => "role",
            NameKind::Policy => "policy",
            NameKind::InlinePolicy => "inline policy",
            NameKind::InstanceProfile => "instance profile",
        }
    }

    /// The kind in words as a catalog entry, to be worded in the reader's language.
    pub fn said(self) -> Said {
        Said::of(match self {
            NameKind::User => M::KindUser,
            NameKind::Group => M::KindGroup,
            NameKind::Role => M::KindRole,
            NameKind::Policy => M::KindPolicy,
            NameKind::InlinePolicy => M::KindInlinePolicy,
            NameKind::InstanceProfile => M::KindInstanceProfile,
        })
    }

    /// The resource type in an ARN, e.g. `user` or `instance-profile`.
    pub fn arn_word(self) -> &'static str {
        match self {
            NameKind::User => "user",
            NameKind::Group => "group",
            NameKind::Role => "role",
            NameKind::Policy | NameKind::InlinePolicy => "policy",
            NameKind::InstanceProfile => "instance-profile",
        }
    }
}

/// A name AWS would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameError {
    /// What the name names.
    pub kind: NameKind,
    /// The name as given.
    pub name: String,
}

impl NameError {
    /// AWS's own `ValidationError` text; `field` is the API's parameter, e.g. `userName`.
    pub fn aws_message(&self, field: &str) -> String {
        format!(
            "1 validation error detected: Value '{}' at '{field}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length 1..{}",
            quoted(&self.name),
            self.kind.max_len()
        )
    }
}

impl NameError {
    /// The tutor's sentence saying what is allowed, to be worded when shown.
    pub fn said(&self) -> Said {
        let n = self.name.chars().count();
        let max = self.kind.max_len();
        let why = if self.name.is_empty() {
            Said::of(M::NameEmpty)
        } else if n > max {
            Said::of(M::NameLength).with("n", n)
        } else {
            Said::default()
        };
        Said::of(M::BadName)
            .with("name", quoted(&self.name))
            .saying("kind", self.kind.said())
            .with("max", max)
            .saying("why", why)
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for NameError {}

/// Checks a name against AWS's pattern `[\w+=,.@-]+` and its length limit.
// The pattern is the same for users, groups, roles, policies and instance profiles:
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html ("Pattern: [\w+=,.@-]+")
// `\w` there is ASCII: letters, digits and `_`.
pub fn check_name(kind: NameKind, name: &str) -> Result<(), NameError> {
    let ok = !name.is_empty()
        && name.len() <= kind.max_len()
        && name
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "+=,.@_-".contains(ch));
    if ok {
        Ok(())
    } else {
        Err(NameError {
            kind,
            name: name.to_string(),
        })
    }
}

/// The longest path AWS accepts.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html ("Path … Length
// Constraints: Minimum length of 1. Maximum length of 512.")
pub const MAX_PATH: usize = 512;

/// A path AWS would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// The path as given.
    pub path: String,
}

impl PathError {
    /// AWS's own `ValidationError` text.
    pub fn aws_message(&self) -> String {
        format!(
            "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters: `{}`",
            quoted(&self.path)
        )
    }
}

impl PathError {
    /// The tutor's sentence saying what is allowed, to be worded when shown.
    pub fn said(&self) -> Said {
        Said::of(M::BadPath)
            .with("path", quoted(&self.path))
            .with("max", MAX_PATH)
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for PathError {}

/// Checks an IAM path: `/` alone, or `/…/` of printable ASCII, at most 512 characters.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html ("Pattern:
// (\u002F)|(\u002F[\u0021-\u007F]+\u002F)"). The DEL character (\u007F) that the pattern
// admits is refused here: it is a control character, and no real path needs it.
pub fn check_path(path: &str) -> Result<(), PathError> {
    let ok = path == "/"
        || path.len() >= 3
            && path.len() <= MAX_PATH
            && path.starts_with('/')
            && path.ends_with('/')
            && path.bytes().all(|b| (0x21..=0x7e).contains(&b));
    if ok {
        Ok(())
    } else {
        Err(PathError {
            path: path.to_string(),
        })
    }
}

/// The range of a role's maximum session duration, in seconds: one to twelve hours.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html ("MaxSessionDuration
// … Valid Range: Minimum value of 3600. Maximum value of 43200.")
pub const MAX_SESSION_DURATION: std::ops::RangeInclusive<i64> = 3600..=43_200;

/// Whether a role's maximum session duration is within [`MAX_SESSION_DURATION`].
pub fn valid_max_session_duration(secs: i64) -> bool {
    MAX_SESSION_DURATION.contains(&secs)
}

/// The parts of an IAM ARN: `arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamArn<'a> {
    /// 12 digits, or `aws` for AWS managed policies.
    pub account: &'a str,
    /// The path, `/` or `/a/b/`.
    pub path: String,
    /// The last segment.
    pub name: &'a str,
}

/// Reads the ARN of an IAM user, group, role, policy or instance profile; `None` unless it
/// has that shape, a 12-digit account (or `aws`, for a policy), a valid path and a valid name.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
pub fn iam_arn(arn: &str, kind: NameKind) -> Option<IamArn<'_>> {
    let mut it = arn.splitn(6, ':');
    let (prefix, partition, service, region, account, resource) = (
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
    );
    let digits = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    let partition_ok = partition.starts_with("aws")
        && partition
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-');
    if prefix != "arn" || !partition_ok || service != "iam" || !region.is_empty() {
        return None;
    }
    if !(digits || kind == NameKind::Policy && account == "aws") {
        return None;
    }
    let rest = resource.strip_prefix(kind.arn_word())?.strip_prefix('/')?;
    let (path, name) = match rest.rfind('/') {
        Some(i) => (format!("/{}/", rest.get(..i)?), rest.get(i + 1..)?),
        None => ("/".to_string(), rest),
    };
    check_path(&path).ok()?;
    check_name(kind, name).ok()?;
    Some(IamArn {
        account,
        path,
        name,
    })
}

/// True when `s` has the shape of an ARN at all: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`
/// with a partition, a service and a resource. IAM answers `InvalidInput` ("ARN foo is not
/// valid.") for a policy ARN without it, and `NoSuchEntity` for a well-formed ARN of no
/// policy.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
pub fn is_arn(s: &str) -> bool {
    let mut it = s.splitn(6, ':');
    let parts: Vec<&str> = it.by_ref().collect();
    match parts.as_slice() {
        ["arn", partition, service, _region, _account, resource] => {
            !partition.is_empty() && !service.is_empty() && !resource.is_empty()
        }
        _ => false,
    }
}

/// A per-entity quota of IAM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// AWS's name for it in `LimitExceeded` messages, e.g. `PoliciesPerUser`.
    pub aws_name: &'static str,
    /// What is counted, in the plural, e.g. "managed policies attached to one user".
    pub what: &'static str,
    /// The default quota, which the sandbox enforces.
    pub default: usize,
    /// The most AWS grants on request; a real account's export may reach it.
    pub adjustable_to: usize,
}

// All per-entity quotas below are from the "IAM object quotas" table of
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html

/// Managed policies attached to an IAM user: 10 by default, up to 20 on request.
pub const POLICIES_PER_USER: Quota = Quota {
    aws_name: "PoliciesPerUser",
    what: "managed policies attached to one user",
    default: 10,
    adjustable_to: 20,
};

/// Managed policies attached to an IAM group: 10, not adjustable.
pub const POLICIES_PER_GROUP: Quota = Quota {
    aws_name: "PoliciesPerGroup",
    what: "managed policies attached to one group",
    default: 10,
    adjustable_to: 10,
};

/// Managed policies attached to an IAM role: 10 by default, up to 20 on request.
pub const POLICIES_PER_ROLE: Quota = Quota {
    aws_name: "PoliciesPerRole",
    what: "managed policies attached to one role",
    default: 10,
    adjustable_to: 20,
};

/// Groups an IAM user can be a member of: 10, not adjustable.
pub const GROUPS_PER_USER: Quota = Quota {
    aws_name: "GroupsPerUser",
    what: "groups for one user",
    default: 10,
    adjustable_to: 10,
};

/// Access keys assigned to an IAM user (and to the root user): 2, not adjustable.
pub const ACCESS_KEYS_PER_USER: Quota = Quota {
    aws_name: "AccessKeysPerUser",
    what: "access keys for one user",
    default: 2,
    adjustable_to: 2,
};

/// Roles in an instance profile: 1, not adjustable.
pub const ROLES_PER_INSTANCE_PROFILE: Quota = Quota {
    aws_name: "InstanceSessionsPerInstanceProfile",
    what: "roles in one instance profile",
    default: 1,
    adjustable_to: 1,
};

/// Versions of one managed policy that can be stored: 5, not adjustable.
pub const VERSIONS_PER_POLICY: Quota = Quota {
    aws_name: "VersionsPerPolicy",
    what: "versions of one managed policy",
    default: 5,
    adjustable_to: 5,
};

/// A count beyond a quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaError {
    /// The quota.
    pub quota: Quota,
    /// The limit that was applied (the default or the adjustable maximum).
    pub limit: usize,
    /// How many there would be.
    pub count: usize,
}

impl QuotaError {
    /// AWS's own `LimitExceeded` text.
    pub fn aws_message(&self) -> String {
        format!(
            "Cannot exceed quota for {}: {}",
            self.quota.aws_name, self.limit
        )
    }
}

impl QuotaError {
    /// The tutor's sentence, to be worded when shown.
    pub fn said(&self) -> Said {
        let what = [
            (POLICIES_PER_USER, M::QuotaUserPolicies),
            (POLICIES_PER_GROUP, M::QuotaGroupPolicies),
            (POLICIES_PER_ROLE, M::QuotaRolePolicies),
            (GROUPS_PER_USER, M::QuotaGroupsPerUser),
            (ACCESS_KEYS_PER_USER, M::QuotaKeysPerUser),
            (ROLES_PER_INSTANCE_PROFILE, M::QuotaRolesPerProfile),
            (VERSIONS_PER_POLICY, M::QuotaVersionsPerPolicy),
        ]
        .into_iter()
        .find(|(q, _)| *q == self.quota)
        .map_or_else(|| Said::quoted(self.quota.what), |(_, m)| Said::of(m));
        Said::of(M::QuotaExceeded)
            .with("count", self.count)
            .saying("what", what)
            .with("limit", self.limit)
            .with("quota", self.quota.aws_name)
    }
}

impl fmt::Display for QuotaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for QuotaError {}

impl Quota {
    /// Checks that `count` of these fit the default quota, as in a new account.
    pub fn check(self, count: usize) -> Result<(), QuotaError> {
        self.check_against(self.default, count)
    }

    /// Checks that `count` fit the most AWS grants on request: for data exported from a real
    /// account, whose quotas may have been raised.
    pub fn check_raised(self, count: usize) -> Result<(), QuotaError> {
        self.check_against(self.adjustable_to, count)
    }

    fn check_against(self, limit: usize, count: usize) -> Result<(), QuotaError> {
        if count <= limit {
            Ok(())
        } else {
            Err(QuotaError {
                quota: self,
                limit,
                count,
            })
        }
    }
}

/// A value as it can be shown between backticks: control characters escaped (`\u001b`) by
/// the shared sanitizer, so that what came from a file never drives the terminal.
pub(in crate::account) fn quoted(s: &str) -> String {
    crate::printable::inline(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_pattern_and_length() {
        assert!(check_name(NameKind::User, "alice.smith@example.com").is_ok());
        assert!(check_name(NameKind::User, &"a".repeat(64)).is_ok());
        assert!(check_name(NameKind::User, &"a".repeat(65)).is_err());
        assert!(check_name(NameKind::Group, &"a".repeat(128)).is_ok());
        for bad in ["", "bad name", "a/b", "esc\u{1b}[31m", "ünï"] {
            assert!(check_name(NameKind::User, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn paths_begin_and_end_with_a_slash() {
        assert!(check_path("/").is_ok());
        assert!(check_path("/a/b-c_d/").is_ok());
        for bad in [
            "",
            "//",
            "a/",
            "/a",
            "/a b/",
            "/\u{1b}/",
            &format!("/{}/", "a".repeat(511)),
        ] {
            assert!(check_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn arns_are_read_with_their_path() {
        let a = iam_arn("arn:aws:iam::123456789012:user/ops/alice", NameKind::User);
        assert_eq!(a.map(|a| (a.path, a.name)), Some(("/ops/".into(), "alice")));
        assert!(iam_arn("arn:aws:iam::aws:policy/ReadOnlyAccess", NameKind::Policy).is_some());
        assert!(iam_arn("arn:aws:iam::aws:user/x", NameKind::User).is_none());
        assert!(iam_arn("arn:aws:iam:123456789012:policy/X", NameKind::Policy).is_none());
        assert!(iam_arn("arn:aws:iam::123456789012:policy/a b", NameKind::Policy).is_none());
    }

    #[test]
    fn quoting_escapes_control_characters() {
        assert_eq!(quoted("a\u{1b}[2Jb\n"), "a\\u001b[2Jb\\u000a");
    }

    #[test]
    fn quotas_count_inclusively() {
        assert!(POLICIES_PER_USER.check(10).is_ok());
        assert!(POLICIES_PER_USER.check(11).is_err());
        assert!(POLICIES_PER_USER.check_raised(20).is_ok());
        assert!(ACCESS_KEYS_PER_USER.check_raised(3).is_err());
    }
}
