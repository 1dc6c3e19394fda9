//! What a compiled policy says, apart from how its text is written: the form in which two
//! documents that IAM reads alike compare equal. A one-element list and its lone string,
//! the order of keys, of statements and of list entries, white space, `Sid`s and the case of
//! action names and condition keys (both case-insensitive in IAM) make no difference.

use super::model::{Effect, Policy, Statement, Version};

/// A policy's meaning: its version and its statements, each reduced to what it allows or
/// denies, sorted. Compare two with `==`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    /// The language version: it decides whether `${…}` is a policy variable.
    version: Version,
    /// The statements, sorted.
    statements: Vec<StatementMeaning>,
}

/// One statement without its place, its `Sid` or its layout.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct StatementMeaning {
    /// True for `Allow`.
    allow: bool,
    /// `Principal` / `NotPrincipal`.
    principal: Option<PrincipalMeaning>,
    /// `Action` / `NotAction`: negated, the sorted entries in lowercase.
    action: (bool, Vec<String>),
    /// `Resource` / `NotResource`: negated, the sorted entries (ARNs are case-sensitive).
    resource: Option<(bool, Vec<String>)>,
    /// Each condition as (operator, key in lowercase, sorted values), sorted.
    conditions: Vec<(String, String, Vec<String>)>,
}

/// `Principal` / `NotPrincipal` without its layout.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct PrincipalMeaning {
    /// True for `NotPrincipal`.
    negated: bool,
    /// `"Principal": "*"`.
    everyone: bool,
    /// The sorted (kind, entry) pairs.
    entries: Vec<(&'static str, String)>,
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

fn statement(s: &Statement) -> StatementMeaning {
    StatementMeaning {
        allow: s.effect == Effect::Allow,
        principal: s.principal.as_ref().map(|p| PrincipalMeaning {
            negated: p.negated,
            everyone: p.everyone,
            entries: sorted(
                p.entries
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.value.clone()))
                    .collect(),
            ),
        }),
        action: (
            s.action.negated,
            sorted(
                s.action
                    .patterns
                    .iter()
                    .map(|a| a.raw.value.to_lowercase())
                    .collect(),
            ),
        ),
        resource: s.resource.as_ref().map(|r| {
            (
                r.negated,
                sorted(r.patterns.iter().map(|p| p.raw.value.clone()).collect()),
            )
        }),
        conditions: sorted(
            s.conditions
                .iter()
                .map(|c| {
                    (
                        c.operator.name.clone(),
                        c.key_lower.clone(),
                        sorted(c.raw_values.clone()),
                    )
                })
                .collect(),
        ),
    }
}

impl Policy {
    /// What this policy says, for comparing it with another written differently.
    pub fn meaning(&self) -> Meaning {
        Meaning {
            version: self.version,
            statements: sorted(self.statements.iter().map(statement).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::{Policy, PolicyType};

    fn meaning(text: &str) -> super::Meaning {
        Policy::parse(text, PolicyType::Identity)
            .expect("a policy")
            .meaning()
    }

    #[test]
    fn documents_written_differently_mean_the_same() {
        let base = meaning(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::logs/*"}]}"#,
        );
        for same in [
            // A one-element list is its lone string; keys in another order; other spacing.
            r#"{"Statement": [{"Resource": ["arn:aws:s3:::logs/*"], "Action": ["s3:DeleteBucket"], "Effect": "Deny"}], "Version": "2012-10-17"}"#,
            // A lone statement object, a Sid, an action name in another case.
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Sid\": \"Guard\", \"Effect\": \"Deny\",\n    \"Action\": \"S3:deleteBucket\", \"Resource\": \"arn:aws:s3:::logs/*\"}\n}",
        ] {
            assert_eq!(meaning(same), base, "{same}");
        }
        for other in [
            // Another resource (ARNs are case-sensitive), another effect, another version.
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::Logs/*"}]}"#,
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::logs/*"}]}"#,
            r#"{"Version": "2008-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::logs/*"}]}"#,
            // A second resource, and NotResource for Resource.
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": ["arn:aws:s3:::logs/*", "arn:aws:s3:::logs"]}]}"#,
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "NotResource": "arn:aws:s3:::logs/*"}]}"#,
        ] {
            assert_ne!(meaning(other), base, "{other}");
        }
    }

    #[test]
    fn conditions_compare_by_operator_key_and_values() {
        let base = meaning(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"]}}}]}"#,
        );
        let reordered = meaning(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"AWS:SourceIp": ["198.51.100.0/24", "203.0.113.0/24"]}}}]}"#,
        );
        assert_eq!(reordered, base);
        let wider = meaning(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/16"}}}]}"#,
        );
        assert_ne!(wider, base);
    }
}
