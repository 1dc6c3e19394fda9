//! The typed, compiled policy model: what the parser produces and the evaluator reads.
//! Patterns are compiled (wildcards split, case folded, variables found) and condition values
//! parsed once, so that evaluation does no parsing.

use super::condition::{Operator, Values};
use super::memo::MemoKey;
use super::span::{LineIndex, Position, Span};
use super::variables::Template;

use super::sym::{self, Sym};
use super::wildcard::{ArnPattern, Glob};

/// The policy language version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// `2012-10-17`: the current language, with policy variables.
    V2012_10_17,
    /// `2008-10-17` (also the version of a policy without `Version`): no policy variables.
    V2008_10_17,
}

impl Version {
    /// The version string.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2012_10_17 => "2012-10-17",
            Version::V2008_10_17 => "2008-10-17",
        }
    }
}

/// What kind of policy a document is; it decides which elements are required or refused and
/// which size quota applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyType {
    /// An identity-based policy whose storage is unknown (no size quota checked).
    Identity,
    /// A managed policy (customer or AWS managed): 6,144 characters.
    Managed,
    /// An inline policy of a user: 2,048 characters for all of the user's inline policies.
    InlineUser,
    /// An inline policy of a group: 5,120 characters in all.
    InlineGroup,
    /// An inline policy of a role: 10,240 characters in all.
    InlineRole,
    /// A permissions boundary (a managed policy): 6,144 characters.
    Boundary,
    /// A session policy passed to AssumeRole and friends: 2,048 characters.
    Session,
    /// A service control policy: 5,120 characters.
    Scp,
    /// A role's trust policy: 2,048 characters (the default quota).
    Trust,
    /// A resource-based policy (bucket policy, …); its quota depends on the service.
    Resource,
}

impl PolicyType {
    /// The size quota in characters, white space not counted, from AWS's "IAM and AWS STS
    /// quotas" page (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>).
    pub fn size_limit(self) -> Option<usize> {
        match self {
            PolicyType::Identity | PolicyType::Resource => None,
            PolicyType::Managed | PolicyType::Boundary => Some(6_144),
            PolicyType::InlineUser | PolicyType::Session | PolicyType::Trust => Some(2_048),
            PolicyType::InlineGroup | PolicyType::Scp => Some(5_120),
            PolicyType::InlineRole => Some(10_240),
        }
    }

    /// True for the types whose statements name a principal.
    pub fn has_principal(self) -> bool {
        matches!(self, PolicyType::Resource | PolicyType::Trust)
    }

    /// A short name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyType::Identity => "identity-based policy",
            PolicyType::Managed => "managed policy",
            PolicyType::InlineUser => "user inline policy",
            PolicyType::InlineGroup => "group inline policy",
            PolicyType::InlineRole => "role inline policy",
            PolicyType::Boundary => "permissions boundary",
            PolicyType::Session => "session policy",
            PolicyType::Scp => "service control policy",
            PolicyType::Trust => "role trust policy",
            PolicyType::Resource => "resource-based policy",
        }
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

impl Effect {
    /// `Allow` or `Deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// A value as written, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is.
    pub span: Span,
}

/// A request's action as policies match it: the lowercase service prefix and action name,
/// with their interned [`Sym`]s (`None` for a name the table does not hold, which then
/// equals no interned name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionKey<'a> {
    /// The service prefix, lowercase.
    pub service: &'a str,
    /// The action name without prefix, lowercase.
    pub name: &'a str,
    /// `service`'s symbol.
    pub service_sym: Option<Sym>,
    /// `name`'s symbol.
    pub name_sym: Option<Sym>,
}

impl<'a> ActionKey<'a> {
    /// The key of a lowercase service and name, with symbols looked up (never added: a name
    /// no policy interned cannot equal one that a policy holds).
    pub fn lookup(service: &'a str, name: &'a str) -> ActionKey<'a> {
        ActionKey {
            service,
            name,
            service_sym: sym::lookup(service),
            name_sym: sym::lookup(name),
        }
    }
}

/// Matches one side (service or name) of an action pattern: by symbol when the pattern is
/// exact and interned, else by the text.
#[inline]
fn side_matches(glob: &Glob, pattern_sym: Option<Sym>, text: &str, sym: Option<Sym>) -> bool {
    match pattern_sym {
        Some(p) => sym == Some(p),
        None => glob.matches(text),
    }
}

/// One compiled entry of `Action` / `NotAction`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPattern {
    /// As written.
    pub raw: Spanned<String>,
    /// The service prefix pattern, lowercase (`*` for the lone `*`).
    pub service: Glob,
    /// The action name pattern, lowercase.
    pub name: Glob,
    /// The symbol of an exact service prefix.
    pub(crate) service_sym: Option<Sym>,
    /// The symbol of an exact action name.
    pub(crate) name_sym: Option<Sym>,
}

impl ActionPattern {
    /// An entry from its compiled service and name patterns (exact ones are interned).
    pub fn new(raw: Spanned<String>, service: Glob, name: Glob) -> ActionPattern {
        let interned = |g: &Glob| match g {
            Glob::Exact(s) => sym::intern(s),
            _ => None,
        };
        ActionPattern {
            raw,
            service_sym: interned(&service),
            name_sym: interned(&name),
            service,
            name,
        }
    }

    /// True when the (lowercase) service and action name match.
    #[inline]
    pub fn matches(&self, service: &str, name: &str) -> bool {
        self.matches_key(&ActionKey::lookup(service, name))
    }

    /// True when the action matches.
    #[inline]
    pub fn matches_key(&self, key: &ActionKey) -> bool {
        side_matches(
            &self.service,
            self.service_sym,
            key.service,
            key.service_sym,
        ) && self.name_matches(key)
    }

    /// True when the action name matches (the service is known to).
    #[inline]
    fn name_matches(&self, key: &ActionKey) -> bool {
        side_matches(&self.name, self.name_sym, key.name, key.name_sym)
    }
}

/// The compiled `Action` or `NotAction` element, indexed by exact service prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionList {
    /// True for `NotAction`.
    pub negated: bool,
    /// Every entry in order.
    pub patterns: Vec<ActionPattern>,
    /// The entries whose service prefix is exact and interned, as (the prefix's symbol, the
    /// entry's place in `patterns`), sorted: one flat list rather than a map of small lists,
    /// since an account keeps every statement it holds.
    pub(crate) exact: Box<[(u32, u32)]>,
    /// The other entries (a wildcard in the service prefix), in order.
    pub(crate) wild_service: Box<[u32]>,
}

impl ActionList {
    /// True when some entry matches the (lowercase) service and name.
    pub fn any_match(&self, service: &str, name: &str) -> bool {
        self.first_match(service, name).is_some()
    }

    /// True when some entry matches the action.
    #[inline]
    pub fn any_match_key(&self, key: &ActionKey) -> bool {
        self.first_match_key(key).is_some()
    }

    /// The entries whose exact service prefix has the symbol `service`, in order.
    fn with_service(&self, service: Sym) -> &[(u32, u32)] {
        let id = service.id();
        let from = self.exact.partition_point(|e| e.0 < id);
        let to = from
            + self
                .exact
                .get(from..)
                .map_or(0, |rest| rest.partition_point(|e| e.0 == id));
        self.exact.get(from..to).unwrap_or_default()
    }

    /// The index of the first entry that matches the (lowercase) service and name.
    pub fn first_match(&self, service: &str, name: &str) -> Option<usize> {
        self.first_match_key(&ActionKey::lookup(service, name))
    }

    /// The index of the first entry that matches the action.
    pub fn first_match_key(&self, key: &ActionKey) -> Option<usize> {
        let mut best: Option<usize> = None;
        if let Some(s) = key.service_sym {
            for &(_, k) in self.with_service(s) {
                if self
                    .patterns
                    .get(k as usize)
                    .is_some_and(|p| p.name_matches(key))
                {
                    best = Some(k as usize);
                    break;
                }
            }
        }
        for &k in &self.wild_service {
            if best.is_some_and(|b| b < k as usize) {
                break;
            }
            if self
                .patterns
                .get(k as usize)
                .is_some_and(|p| p.matches_key(key))
            {
                best = Some(best.map_or(k as usize, |b| b.min(k as usize)));
                break;
            }
        }
        best
    }

    pub(crate) fn build_index(&mut self) {
        let (mut exact, mut wild) = (Vec::new(), Vec::new());
        for (i, p) in self.patterns.iter().enumerate() {
            match p.service_sym {
                Some(s) => exact.push((s.id(), i as u32)),
                None => wild.push(i as u32),
            }
        }
        exact.sort_unstable();
        self.exact = exact.into();
        self.wild_service = wild.into();
    }

    /// The interned exact service prefixes named, each once, in order of their symbols (for
    /// indexing statements by service).
    pub(crate) fn services(&self) -> impl Iterator<Item = u32> {
        let mut last: Option<u32> = None;
        self.exact
            .iter()
            .map(|&(s, _)| s)
            .filter(move |&s| last.replace(s) != Some(s))
    }

    /// True when an entry's service prefix is not matched through the index.
    pub(crate) fn has_wild_service(&self) -> bool {
        !self.wild_service.is_empty()
    }
}

/// One compiled entry of `Resource` / `NotResource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourcePattern {
    /// As written.
    pub raw: Spanned<String>,
    /// The pattern with its variables.
    pub template: Template,
    /// A whole-string pattern, when matching segment by segment gives the same answer (no
    /// variable, and every wildcard in the resource part, after the fifth colon).
    pub fast: Option<Glob>,
    /// The pattern compiled segment by segment, when it has no variable and no `fast` form.
    pub compiled: Option<ArnPattern>,
}

impl ResourcePattern {
    /// Compiles a resource entry.
    pub fn new(raw: Spanned<String>, template: Template) -> ResourcePattern {
        let fast = template.static_pchars().and_then(|pc| {
            use super::wildcard::PChar;
            if matches!(pc, [PChar::Star]) {
                return Some(Glob::Any);
            }
            let mut colons = 0;
            for c in pc {
                match c {
                    PChar::Lit(':') if colons < 5 => colons += 1,
                    PChar::Star | PChar::One if colons < 5 => return None,
                    _ => {}
                }
            }
            (colons == 5).then(|| Glob::from_pchars(pc))
        });
        let compiled = match (&fast, template.static_pchars()) {
            (None, Some(pc)) => Some(ArnPattern::new(pc)),
            _ => None,
        };
        ResourcePattern {
            raw,
            template,
            fast,
            compiled,
        }
    }
}

/// The compiled `Resource` or `NotResource` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceList {
    /// True for `NotResource`.
    pub negated: bool,
    /// Every entry in order.
    pub patterns: Vec<ResourcePattern>,
    /// What the element says ([`MemoKey`]): the evaluator decides it once per request.
    pub memo: MemoKey,
}

/// The kind of a principal entry: the key under `Principal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    /// `"AWS"`: accounts, users, roles, sessions.
    Aws,
    /// `"Service"`: AWS services such as `ec2.amazonaws.com`.
    Service,
    /// `"Federated"`: identity providers.
    Federated,
    /// `"CanonicalUser"`: S3 canonical user ids.
    CanonicalUser,
}

impl PrincipalKind {
    /// The key as written in policies.
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

/// The compiled `Principal` or `NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalList {
    /// True for `NotPrincipal`.
    pub negated: bool,
    /// `"Principal": "*"`: everyone, including anonymous callers.
    pub everyone: bool,
    /// The entries, by kind.
    pub entries: Vec<(PrincipalKind, Spanned<String>)>,
}

/// One condition: an operator, a key and the values for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The operator.
    pub operator: Operator,
    /// The context key as written.
    pub key: Spanned<String>,
    /// The context key in lowercase (keys are case-insensitive).
    pub key_lower: String,
    /// The values as written.
    pub raw_values: Vec<String>,
    /// The values parsed for the operator.
    pub values: Values,
    /// The span of the key and its values.
    pub span: Span,
    /// What the condition says ([`MemoKey`]): the evaluator decides it once per request.
    pub memo: MemoKey,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Its index in `Statement` (0-based).
    pub index: usize,
    /// `Sid`, if any.
    pub sid: Option<std::sync::Arc<str>>,
    /// `Effect`.
    pub effect: Effect,
    /// `Principal` / `NotPrincipal`.
    pub principal: Option<PrincipalList>,
    /// `Action` / `NotAction`.
    pub action: ActionList,
    /// `Resource` / `NotResource` (absent in trust policies).
    pub resource: Option<ResourceList>,
    /// Every condition, in order.
    pub conditions: Vec<Condition>,
    /// The statement's span.
    pub span: Span,
    /// Where the statement starts.
    pub start: Position,
    /// Where the statement ends.
    pub end: Position,
}

/// A parsed, compiled policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// The language version (`2008-10-17` when absent).
    pub version: Version,
    /// True when `Version` was written.
    pub version_given: bool,
    /// `Id`, if any.
    pub id: Option<String>,
    /// What kind of policy it was parsed as.
    pub policy_type: PolicyType,
    /// The statements in order.
    pub statements: Vec<Statement>,
    /// The original text.
    pub text: String,
    /// Statements indexed by interned exact action service prefix, for fast candidate
    /// lookup: (the prefix's symbol, statement), sorted, one pair per prefix a statement names.
    pub(crate) by_service: Box<[(u32, u32)]>,
    /// Statements that may match any service (wildcard prefix or `NotAction`).
    pub(crate) any_service: Box<[u32]>,
    /// The statements whose `Action` / `NotAction` element matches an action, worked out on
    /// the first request for that action.
    pub(crate) matching: ActionCache,
}

/// The statements of a policy whose action element matches an action, remembered per action
/// (by the symbols of its service and name) for the policy's life, in a table of
/// [`ActionCache::SLOTS`] slots made on the first request. A slot is written once and read
/// without a lock (one atomic load), so that threads deciding against the same policies do
/// not contend. An action whose slots are taken is worked out each time.
#[derive(Debug, Default)]
pub struct ActionCache(std::sync::OnceLock<Box<[ActionSlot]>>);

/// One slot of an [`ActionCache`]: an action's key and its statements, written once.
type ActionSlot = std::sync::OnceLock<(u64, Box<[u32]>)>;

/// The cache's key for an action: both symbols in one integer.
fn action_id(service: Sym, name: Sym) -> u64 {
    (u64::from(service.id()) << 32) | u64::from(name.id())
}

impl ActionCache {
    /// How many actions one policy remembers at most (a power of two).
    pub const SLOTS: usize = 64;
    /// How many slots an action may take, from the one its key hashes to.
    const PROBES: usize = 8;
    /// Policies with at most this many statements are not given a table: working their list
    /// out is as quick as finding it.
    const SMALL: usize = 8;

    /// The slot an action's search starts at (Fibonacci hashing of its key).
    fn start(id: u64) -> usize {
        (id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize
    }
}

impl Clone for ActionCache {
    /// A copy starts empty: what it holds is derived from the statements.
    fn clone(&self) -> ActionCache {
        ActionCache::default()
    }
}

impl PartialEq for ActionCache {
    /// Derived data, equal whenever the statements are.
    fn eq(&self, _: &ActionCache) -> bool {
        true
    }
}

/// The indexes of a policy's statements whose action element matches an action: remembered
/// by the policy, or worked out for this request.
pub enum Matching<'a> {
    /// From the policy's [`ActionCache`].
    Remembered(&'a [u32]),
    /// Worked out now.
    Worked(smallvec::SmallVec<[u32; 8]>),
}

impl std::ops::Deref for Matching<'_> {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        match self {
            Matching::Remembered(l) => l,
            Matching::Worked(l) => l,
        }
    }
}

impl Policy {
    /// The line and column of a byte offset. Worked out from the text when asked (only
    /// for messages), rather than kept for every policy an account holds.
    pub fn position(&self, offset: usize) -> Position {
        LineIndex::position_in(&self.text, offset)
    }

    /// Calls `f` with the index of every statement whose action element could match
    /// the action's service, in statement order.
    #[inline]
    pub fn for_candidates(&self, key: &ActionKey, mut f: impl FnMut(usize)) {
        let exact = key
            .service_sym
            .map(|s| self.with_service(s))
            .unwrap_or_default();
        let (mut a, mut b) = (
            exact.iter().map(|(_, s)| s).peekable(),
            self.any_service.iter().peekable(),
        );
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            if let Some(&i) = next {
                f(i as usize);
            }
        }
    }

    /// The indexes, in order, of the statements whose `Action` matches the action or whose
    /// `NotAction` does not.
    pub fn matching_statements(&self, key: &ActionKey) -> Matching<'_> {
        let (Some(s), Some(n)) = (key.service_sym, key.name_sym) else {
            return Matching::Worked(self.scan_matching(key));
        };
        if self.statements.len() <= ActionCache::SMALL {
            return Matching::Worked(self.scan_matching(key));
        }
        let id = action_id(s, n);
        let table = self.matching.0.get_or_init(|| {
            (0..ActionCache::SLOTS)
                .map(|_| std::sync::OnceLock::new())
                .collect()
        });
        let start = ActionCache::start(id);
        for p in 0..ActionCache::PROBES {
            let Some(slot) = table.get((start + p) % ActionCache::SLOTS) else {
                break;
            };
            match slot.get() {
                Some((k, list)) if *k == id => return Matching::Remembered(list),
                Some(_) => continue,
                None => {
                    let found = self.scan_matching(key);
                    // Another thread may fill the slot first, with this action or another.
                    let _ = slot.set((id, found.as_slice().into()));
                    return match slot.get() {
                        Some((k, list)) if *k == id => Matching::Remembered(list),
                        _ => Matching::Worked(found),
                    };
                }
            }
        }
        Matching::Worked(self.scan_matching(key))
    }

    fn scan_matching(&self, key: &ActionKey) -> smallvec::SmallVec<[u32; 8]> {
        let mut out = smallvec::SmallVec::new();
        self.for_candidates(key, |i| {
            if let Some(st) = self.statements.get(i)
                && st.action.any_match_key(key) != st.action.negated
            {
                out.push(i as u32);
            }
        });
        out
    }

    /// The entries of `by_service` for the symbol `service`.
    fn with_service(&self, service: Sym) -> &[(u32, u32)] {
        let id = service.id();
        let from = self.by_service.partition_point(|e| e.0 < id);
        let to = from
            + self
                .by_service
                .get(from..)
                .map_or(0, |rest| rest.partition_point(|e| e.0 == id));
        self.by_service.get(from..to).unwrap_or_default()
    }

    pub(crate) fn build_index(&mut self) {
        let mut exact: Vec<(u32, u32)> = Vec::new();
        let mut any = Vec::new();
        for s in &self.statements {
            if s.action.negated || s.action.has_wild_service() {
                any.push(s.index as u32);
                continue;
            }
            exact.extend(s.action.services().map(|svc| (svc, s.index as u32)));
        }
        // Sorted by prefix, and a prefix's statements in statement order.
        exact.sort_unstable();
        self.by_service = exact.into();
        self.any_service = any.into();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A policy large enough for a table, asked about more actions than the table holds, from
    /// two threads at once: every answer is the scan's, asked once or again.
    #[test]
    fn the_action_table_agrees_with_a_scan_past_its_size() {
        let stmts: Vec<String> = (0..20)
            .map(|i| {
                format!(
                    r#"{{"Effect": "Allow", "Action": ["svc{}:Get*", "svc{}:Put{i}", "*:List{}"], "Resource": "*"}}"#,
                    i % 5,
                    i % 3,
                    i % 4
                )
            })
            .collect();
        let text = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
            stmts.join(",")
        );
        let p = crate::policy::Policy::parse(&text, PolicyType::Identity).unwrap();
        assert!(p.statements.len() > ActionCache::SMALL);
        let names: Vec<(String, String)> = (0..5)
            .flat_map(|s| {
                (0..40).map(move |n| {
                    let name = match n % 4 {
                        0 => format!("get{n}"),
                        1 => format!("put{}", n % 20),
                        2 => format!("list{}", n % 4),
                        _ => format!("describe{n}"),
                    };
                    (format!("svc{s}"), name)
                })
            })
            .collect();
        assert!(names.len() > 2 * ActionCache::SLOTS);
        let check = |round: usize| {
            for (service, name) in &names {
                let key = ActionKey {
                    service,
                    name,
                    service_sym: sym::intern(service),
                    name_sym: sym::intern(name),
                };
                let want: Vec<u32> = p
                    .statements
                    .iter()
                    .filter(|s| s.action.patterns.iter().any(|a| a.matches(service, name)))
                    .map(|s| s.index as u32)
                    .collect();
                assert_eq!(
                    &*p.matching_statements(&key),
                    want.as_slice(),
                    "{service}:{name} round {round}"
                );
            }
        };
        std::thread::scope(|sc| {
            sc.spawn(|| check(0));
            sc.spawn(|| check(1));
        });
        check(2);
        let table = p.matching.0.get().expect("a table was made");
        assert!(
            table.iter().all(|slot| slot.get().is_some()),
            "every slot was filled"
        );
    }

    /// The indexes give what reading every statement and entry in order gives.
    #[test]
    fn indexed_lookups_agree_with_a_scan() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe*", "s3:PutObject"], "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
            {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"},
            {"Effect": "Allow", "Action": ["s*:List*", "ec2:Run*", "s3:List*", "S3:getobject"], "Resource": "*"},
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Allow", "Action": ["sqs:Send*", "s3:DeleteObject"], "Resource": "*"}
        ]}"#;
        let p = Policy::parse(text, PolicyType::Identity).unwrap();
        let services = ["s3", "ec2", "iam", "sqs", "sns", "kms", "a"];
        let names = [
            "getobject",
            "putobject",
            "listbuckets",
            "describeinstances",
            "x",
        ];
        for service in services {
            let mut found = Vec::new();
            p.for_candidates(&ActionKey::lookup(service, "x"), |i| found.push(i));
            let scanned: Vec<usize> = p
                .statements
                .iter()
                .filter(|s| {
                    s.action.negated
                        || s.action.patterns.iter().any(|a| match &a.service {
                            Glob::Exact(x) => **x == *service,
                            _ => true,
                        })
                })
                .map(|s| s.index)
                .collect();
            assert_eq!(found, scanned, "{service}");
            for name in names {
                for s in &p.statements {
                    let first = s
                        .action
                        .patterns
                        .iter()
                        .position(|a| a.matches(service, name));
                    assert_eq!(
                        s.action.first_match(service, name),
                        first,
                        "{service}:{name}"
                    );
                }
                // The remembered list of matching statements is the scan's, asked twice
                // (worked out, then remembered) and for a name no policy interned.
                let want: Vec<u32> = p
                    .statements
                    .iter()
                    .filter(|s| {
                        s.action.patterns.iter().any(|a| a.matches(service, name))
                            != s.action.negated
                    })
                    .map(|s| s.index as u32)
                    .collect();
                let key = ActionKey {
                    service,
                    name,
                    service_sym: sym::intern(service),
                    name_sym: sym::intern(name),
                };
                for _ in 0..2 {
                    assert_eq!(
                        &*p.matching_statements(&key),
                        want.as_slice(),
                        "{service}:{name}"
                    );
                }
                let unknown = ActionKey {
                    service_sym: None,
                    name_sym: None,
                    ..key
                };
                // Without symbols (a name the table has no room for) the text decides; that
                // holds as long as no entry names it exactly, as for a name never interned.
                let named = |g: &Glob, t: &str| matches!(g, Glob::Exact(x) if **x == *t);
                let exact = p.statements.iter().any(|s| {
                    s.action
                        .patterns
                        .iter()
                        .any(|a| named(&a.service, service) || named(&a.name, name))
                });
                if !exact {
                    assert_eq!(&*p.matching_statements(&unknown), want.as_slice());
                }
            }
        }
    }
}
