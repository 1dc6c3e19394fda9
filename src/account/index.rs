//! Who holds what, answered without a scan of the account: the users, groups and roles a
//! managed policy is attached to, the users and roles that use it as a permissions boundary,
//! the members of a group, the user an access key belongs to, the instance profiles that hold
//! a role, and which names are taken (IAM names are unique ignoring case).
//!
//! The entities stay the truth; the index is derived from them. It is built on first use and
//! then kept by the commands that change an entity, each of which calls a `sync_*` function
//! after the change: the entity's old relations (kept in the index) are taken out and its
//! present ones put in, so a sync never depends on what the change was, and syncing twice is
//! harmless. An index whose entity counts differ from the account's (an entity was added or
//! removed without a sync, as lesson set-up and tests do) is rebuilt on its next use.
//! Architecture invariant: every change a sandbox command makes to users' groups, attached
//! policies, boundaries or access keys, groups' or roles' attached policies and boundaries, or
//! instance profiles' roles is followed by a sync; code outside the command layer that changes
//! those in place calls [`Account::reindex`]. An access key is always checked against its
//! owner before it is believed, and one the index does not know is searched for, so a key
//! added directly still works.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, PoisonError, RwLock};

use super::{Account, Group, Role, User};

/// The kinds of IAM entity whose names the index keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A user.
    User,
    /// A group.
    Group,
    /// A role.
    Role,
    /// An instance profile.
    InstanceProfile,
}

/// The users, groups and roles that hold a policy, each by name in name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holders {
    /// Users.
    pub users: BTreeSet<String>,
    /// Groups.
    pub groups: BTreeSet<String>,
    /// Roles.
    pub roles: BTreeSet<String>,
}

impl Holders {
    /// How many entities hold it.
    pub fn len(&self) -> usize {
        self.users.len() + self.groups.len() + self.roles.len()
    }

    /// True when nothing holds it.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn set(&mut self, kind: EntityKind) -> Option<&mut BTreeSet<String>> {
        match kind {
            EntityKind::User => Some(&mut self.users),
            EntityKind::Group => Some(&mut self.groups),
            EntityKind::Role => Some(&mut self.roles),
            EntityKind::InstanceProfile => None,
        }
    }
}

/// What the index noted about one entity, so that a sync can take it out again.
#[derive(Debug, Clone, Default)]
struct Noted {
    groups: Vec<String>,
    attached: Vec<String>,
    boundary: Option<String>,
    keys: Vec<String>,
    /// The roles of an instance profile.
    roles: Vec<String>,
}

/// The derived relations of one account.
#[derive(Debug, Clone, Default)]
struct Index {
    noted: HashMap<(EntityKind, String), Noted>,
    /// Lowercased names, per kind.
    names: HashSet<(EntityKind, String)>,
    attached: HashMap<String, Holders>,
    boundaries: HashMap<String, Holders>,
    members: HashMap<String, BTreeSet<String>>,
    keys: HashMap<String, String>,
    profiles: HashMap<String, BTreeSet<String>>,
    /// Entities noted, per kind, in the order users, groups, roles, instance profiles.
    counts: [usize; 4],
    /// Which build this is (a process-wide sequence number), so that tests can tell a kept
    /// index from a rebuilt one.
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the tests only"))]
    build: u64,
}

/// The number of index builds so far in this process.
static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::User => 0,
        EntityKind::Group => 1,
        EntityKind::Role => 2,
        EntityKind::InstanceProfile => 3,
    }
}

fn counts(a: &Account) -> [usize; 4] {
    [
        a.users.len(),
        a.groups.len(),
        a.roles.len(),
        a.instance_profiles.len(),
    ]
}

fn user_noted(u: &User) -> Noted {
    Noted {
        groups: u.groups.clone(),
        attached: u.attached.clone(),
        boundary: u.boundary.clone(),
        keys: u.access_keys.iter().map(|k| k.id.clone()).collect(),
        roles: Vec::new(),
    }
}

fn group_noted(g: &Group) -> Noted {
    Noted {
        attached: g.attached.clone(),
        ..Noted::default()
    }
}

fn role_noted(r: &Role) -> Noted {
    Noted {
        attached: r.attached.clone(),
        boundary: r.boundary.clone(),
        ..Noted::default()
    }
}

impl Index {
    fn build(a: &Account) -> Index {
        let mut ix = Index {
            build: BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Index::default()
        };
        for u in a.users.values() {
            ix.put(EntityKind::User, &u.name, user_noted(u));
        }
        for g in a.groups.values() {
            ix.put(EntityKind::Group, &g.name, group_noted(g));
        }
        for r in a.roles.values() {
            ix.put(EntityKind::Role, &r.name, role_noted(r));
        }
        for p in a.instance_profiles.values() {
            let noted = Noted {
                roles: p.roles.clone(),
                ..Noted::default()
            };
            ix.put(EntityKind::InstanceProfile, &p.name, noted);
        }
        ix
    }

    fn fresh(&self, a: &Account) -> bool {
        self.counts == counts(a)
    }

    /// Notes an entity and its relations.
    fn put(&mut self, kind: EntityKind, name: &str, n: Noted) {
        let own = || name.to_string();
        for g in &n.groups {
            self.members.entry(g.clone()).or_default().insert(own());
        }
        for p in &n.attached {
            if let Some(s) = self.attached.entry(p.clone()).or_default().set(kind) {
                s.insert(own());
            }
        }
        if let Some(b) = &n.boundary
            && let Some(s) = self.boundaries.entry(b.clone()).or_default().set(kind)
        {
            s.insert(own());
        }
        for k in &n.keys {
            self.keys.insert(k.clone(), own());
        }
        for r in &n.roles {
            self.profiles.entry(r.clone()).or_default().insert(own());
        }
        self.names.insert((kind, name.to_ascii_lowercase()));
        if let Some(c) = self.counts.get_mut(slot(kind)) {
            *c += 1;
        }
        self.noted.insert((kind, own()), n);
    }

    /// Takes an entity and its relations out, as they were noted.
    fn take(&mut self, kind: EntityKind, name: &str) {
        let Some(n) = self.noted.remove(&(kind, name.to_string())) else {
            return;
        };
        for g in &n.groups {
            if let Some(m) = self.members.get_mut(g) {
                m.remove(name);
            }
        }
        for p in &n.attached {
            if let Some(s) = self.attached.get_mut(p).and_then(|h| h.set(kind)) {
                s.remove(name);
            }
        }
        if let Some(b) = &n.boundary
            && let Some(s) = self.boundaries.get_mut(b).and_then(|h| h.set(kind))
        {
            s.remove(name);
        }
        for k in &n.keys {
            if self.keys.get(k).is_some_and(|o| o == name) {
                self.keys.remove(k);
            }
        }
        for r in &n.roles {
            if let Some(p) = self.profiles.get_mut(r) {
                p.remove(name);
            }
        }
        self.names.remove(&(kind, name.to_ascii_lowercase()));
        if let Some(c) = self.counts.get_mut(slot(kind)) {
            *c = c.saturating_sub(1);
        }
    }
}

/// The account's index: built on first use, shared by clones of the account until one of
/// them changes.
#[derive(Default)]
pub(super) struct IndexCell(RwLock<Option<Arc<Index>>>);

impl Clone for IndexCell {
    fn clone(&self) -> IndexCell {
        IndexCell(RwLock::new(
            self.0
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        ))
    }
}

impl std::fmt::Debug for IndexCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IndexCell")
    }
}

impl Account {
    /// The index, fresh: built (again) when it is missing or its counts disagree.
    fn index(&self) -> Arc<Index> {
        if let Some(ix) = self
            .index
            .0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            && ix.fresh(self)
        {
            return ix.clone();
        }
        let ix = Arc::new(Index::build(self));
        *self.index.0.write().unwrap_or_else(PoisonError::into_inner) = Some(ix.clone());
        ix
    }

    /// Forgets the index, so that the next question rebuilds it: for code that changed users,
    /// groups, roles or instance profiles in place rather than through the sandbox's commands.
    pub fn reindex(&mut self) {
        *self
            .index
            .0
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Re-notes one entity after a change (or its removal). Nothing is done while there is
    /// no index: it will be built from the entities as they are.
    fn sync(&mut self, kind: EntityKind, name: &str) {
        let noted = match kind {
            EntityKind::User => self.users.get(name).map(user_noted),
            EntityKind::Group => self.groups.get(name).map(group_noted),
            EntityKind::Role => self.roles.get(name).map(role_noted),
            EntityKind::InstanceProfile => self.instance_profiles.get(name).map(|p| Noted {
                roles: p.roles.clone(),
                ..Noted::default()
            }),
        };
        let cell = self
            .index
            .0
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(ix) = cell.as_mut() else {
            return;
        };
        let ix = Arc::make_mut(ix);
        ix.take(kind, name);
        if let Some(n) = noted {
            ix.put(kind, name, n);
        }
    }

    /// Re-notes user `name` after a change to it, its creation or its removal.
    pub fn sync_user(&mut self, name: &str) {
        self.sync(EntityKind::User, name);
    }

    /// Re-notes group `name` after a change to it, its creation or its removal.
    pub fn sync_group(&mut self, name: &str) {
        self.sync(EntityKind::Group, name);
    }

    /// Re-notes role `name` after a change to it, its creation or its removal.
    pub fn sync_role(&mut self, name: &str) {
        self.sync(EntityKind::Role, name);
    }

    /// Re-notes instance profile `name` after a change to it, its creation or its removal.
    pub fn sync_instance_profile(&mut self, name: &str) {
        self.sync(EntityKind::InstanceProfile, name);
    }

    /// The users, groups and roles that managed policy `arn` is attached to (a copy: the
    /// size of the answer).
    pub fn policy_holders(&self, arn: &str) -> Holders {
        self.index().attached.get(arn).cloned().unwrap_or_default()
    }

    /// How many users, groups and roles managed policy `arn` is attached to
    /// (`AttachmentCount`).
    pub fn attachment_count(&self, arn: &str) -> usize {
        self.index().attached.get(arn).map_or(0, Holders::len)
    }

    /// How many users and roles use managed policy `arn` as their permissions boundary
    /// (`PermissionsBoundaryUsageCount`).
    pub fn boundary_count(&self, arn: &str) -> usize {
        self.index().boundaries.get(arn).map_or(0, Holders::len)
    }

    /// The names of the members of group `group`, in name order.
    pub fn group_members(&self, group: &str) -> Vec<String> {
        self.index()
            .members
            .get(group)
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// True when group `group` has a member.
    pub fn group_has_members(&self, group: &str) -> bool {
        self.index()
            .members
            .get(group)
            .is_some_and(|m| !m.is_empty())
    }

    /// True when an instance profile holds role `role`.
    pub fn role_in_instance_profile(&self, role: &str) -> bool {
        self.index()
            .profiles
            .get(role)
            .is_some_and(|p| !p.is_empty())
    }

    /// The names of the instance profiles that hold role `role`, in name order.
    pub fn role_instance_profiles(&self, role: &str) -> Vec<String> {
        self.index()
            .profiles
            .get(role)
            .map(|p| p.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// True when an entity of `kind` is named `name`, ignoring case (IAM's rule).
    pub fn name_taken(&self, kind: EntityKind, name: &str) -> bool {
        self.index()
            .names
            .contains(&(kind, name.to_ascii_lowercase()))
    }

    /// The name of the user that access key `key` belongs to. The index's answer is checked
    /// against the user; a key it does not know is searched for among every user's keys.
    pub fn key_owner(&self, key: &str) -> Option<&User> {
        let has = |u: &User| u.access_keys.iter().any(|k| k.id == key);
        let noted = self.index().keys.get(key).cloned();
        if let Some(u) = noted.and_then(|n| self.users.get(&n))
            && has(u)
        {
            return Some(u);
        }
        self.users.values().find(|u| has(u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::command::Sandbox;

    /// Every question the index answers, asked of the index and recounted from the entities.
    fn agrees(a: &Account, step: &str) {
        let mut arns: BTreeSet<String> = a.policies.keys().cloned().collect();
        for u in a.users.values() {
            arns.extend(u.attached.iter().cloned());
            arns.extend(u.boundary.iter().cloned());
        }
        for r in a.roles.values() {
            arns.extend(r.attached.iter().cloned());
            arns.extend(r.boundary.iter().cloned());
        }
        for arn in &arns {
            let want = Holders {
                users: a
                    .users
                    .values()
                    .filter(|u| u.attached.contains(arn))
                    .map(|u| u.name.clone())
                    .collect(),
                groups: a
                    .groups
                    .values()
                    .filter(|g| g.attached.contains(arn))
                    .map(|g| g.name.clone())
                    .collect(),
                roles: a
                    .roles
                    .values()
                    .filter(|r| r.attached.contains(arn))
                    .map(|r| r.name.clone())
                    .collect(),
            };
            assert_eq!(a.policy_holders(arn), want, "{step}: holders of {arn}");
            assert_eq!(a.attachment_count(arn), want.len(), "{step}: {arn}");
            let boundaries = a
                .users
                .values()
                .filter(|u| u.boundary.as_ref() == Some(arn))
                .count()
                + a.roles
                    .values()
                    .filter(|r| r.boundary.as_ref() == Some(arn))
                    .count();
            assert_eq!(a.boundary_count(arn), boundaries, "{step}: boundary {arn}");
        }
        for g in ["dev", "ops", "gone"] {
            let want: Vec<String> = a
                .users
                .values()
                .filter(|u| u.groups.iter().any(|x| x == g))
                .map(|u| u.name.clone())
                .collect();
            assert_eq!(a.group_members(g), want, "{step}: members of {g}");
            assert_eq!(a.group_has_members(g), !want.is_empty(), "{step}: {g}");
        }
        for u in a.users.values() {
            for k in &u.access_keys {
                assert_eq!(
                    a.key_owner(&k.id).map(|o| o.name.as_str()),
                    Some(u.name.as_str()),
                    "{step}: owner of {}",
                    k.id
                );
            }
        }
        assert!(a.key_owner("AKIANOSUCHKEY0000000").is_none(), "{step}");
        for r in ["app", "ci", "x"] {
            let want = a
                .instance_profiles
                .values()
                .any(|p| p.roles.iter().any(|x| x == r));
            assert_eq!(
                a.role_in_instance_profile(r),
                want,
                "{step}: profiles of {r}"
            );
        }
        for name in [
            "alice", "ALICE", "Bob", "carol", "dev", "DEV", "app", "App", "ci", "x",
        ] {
            assert_eq!(
                a.name_taken(EntityKind::User, name),
                a.users.keys().any(|k| k.eq_ignore_ascii_case(name)),
                "{step}: user {name}"
            );
            assert_eq!(
                a.name_taken(EntityKind::Group, name),
                a.groups.keys().any(|k| k.eq_ignore_ascii_case(name)),
                "{step}: group {name}"
            );
            assert_eq!(
                a.name_taken(EntityKind::Role, name),
                a.roles.keys().any(|k| k.eq_ignore_ascii_case(name)),
                "{step}: role {name}"
            );
        }
    }

    #[test]
    fn the_index_agrees_with_a_recount_after_every_command() {
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        let doc = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
        let p = |n: &str| format!("arn:aws:iam::123456789012:policy/{n}");
        let ro = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        let mut commands: Vec<String> = vec![
            "aws iam create-user --user-name alice".into(),
            "aws iam create-user --user-name bob".into(),
            "aws iam create-user --user-name Alice".into(), // refused: the name is taken
            "aws iam create-group --group-name dev".into(),
            "aws iam create-group --group-name ops".into(),
            "aws iam create-group --group-name DEV".into(), // refused
            format!("aws iam create-role --role-name app --assume-role-policy-document '{trust}'"),
            format!("aws iam create-role --role-name ci --assume-role-policy-document '{trust}'"),
            format!("aws iam create-policy --policy-name P1 --policy-document '{doc}'"),
            format!("aws iam create-policy --policy-name P2 --policy-document '{doc}'"),
            "aws iam add-user-to-group --user-name alice --group-name dev".into(),
            "aws iam add-user-to-group --user-name bob --group-name dev".into(),
            "aws iam add-user-to-group --user-name bob --group-name ops".into(),
            "aws iam add-user-to-group --user-name bob --group-name ops".into(),
            format!(
                "aws iam attach-user-policy --user-name alice --policy-arn {}",
                p("P1")
            ),
            format!(
                "aws iam attach-user-policy --user-name alice --policy-arn {}",
                p("P1")
            ),
            format!("aws iam attach-user-policy --user-name bob --policy-arn {ro}"),
            format!(
                "aws iam attach-group-policy --group-name dev --policy-arn {}",
                p("P1")
            ),
            format!(
                "aws iam attach-group-policy --group-name ops --policy-arn {}",
                p("P2")
            ),
            format!(
                "aws iam attach-role-policy --role-name app --policy-arn {}",
                p("P2")
            ),
            format!("aws iam attach-role-policy --role-name ci --policy-arn {ro}"),
            format!(
                "aws iam put-user-permissions-boundary --user-name bob --permissions-boundary {}",
                p("P2")
            ),
            format!(
                "aws iam put-role-permissions-boundary --role-name app --permissions-boundary {}",
                p("P2")
            ),
            format!(
                "aws iam put-role-permissions-boundary --role-name app --permissions-boundary {}",
                p("P1")
            ),
            "aws iam create-access-key --user-name alice".into(),
            "aws iam create-access-key --user-name bob".into(),
            "aws iam create-instance-profile --instance-profile-name web".into(),
            "aws iam add-role-to-instance-profile --instance-profile-name web --role-name app"
                .into(),
            "aws iam update-user --user-name bob --new-user-name carol".into(),
            "aws iam list-policies".into(),
            format!(
                "aws iam detach-user-policy --user-name alice --policy-arn {}",
                p("P1")
            ),
            "aws iam remove-user-from-group --user-name carol --group-name ops".into(),
            "aws iam delete-role-permissions-boundary --role-name app".into(),
            format!("aws iam detach-role-policy --role-name ci --policy-arn {ro}"),
            "aws iam delete-role --role-name ci".into(),
            format!(
                "aws iam detach-role-policy --role-name app --policy-arn {}",
                p("P2")
            ),
            "aws iam delete-role --role-name app".into(), // refused: in an instance profile
            format!(
                "aws iam detach-group-policy --group-name ops --policy-arn {}",
                p("P2")
            ),
            "aws iam delete-group --group-name ops".into(),
            "aws iam delete-group --group-name dev".into(), // refused: it has members
            format!("aws iam create-role --role-name CI --assume-role-policy-document '{trust}'"),
        ];
        // Keys are deleted by id, known only once made: those steps are added as they run.
        let mut sb = Sandbox::new(Account::default());
        agrees(&sb.account, "empty");
        // Commands keep the index: it is built once, never again.
        let build = sb.account.index().build;
        let mut i = 0;
        while let Some(line) = commands.get(i).cloned() {
            sb.run(&line);
            assert_eq!(sb.account.index().build, build, "{line} rebuilt the index");
            agrees(&sb.account, &line);
            for u in sb.account.users.values() {
                for k in &u.access_keys {
                    assert_eq!(sb.account.index().keys.get(&k.id), Some(&u.name), "{line}");
                }
            }
            if line == "aws iam update-user --user-name bob --new-user-name carol" {
                let carol = &sb.account.users["carol"];
                let key = carol.access_keys[0].id.clone();
                commands.push(format!(
                    "aws iam delete-access-key --user-name carol --access-key-id {key}"
                ));
                commands.push(format!(
                    "aws iam get-access-key-last-used --access-key-id {key}"
                ));
                // A user deleted with a permissions boundary still set.
                commands.push(
                    "aws iam remove-user-from-group --user-name carol --group-name dev".into(),
                );
                commands.push(format!(
                    "aws iam detach-user-policy --user-name carol --policy-arn {ro}"
                ));
                commands.push("aws iam delete-user --user-name carol".into());
            }
            i += 1;
        }
        assert!(!sb.account.users.contains_key("carol"));
        assert!(sb.account.roles.contains_key("app"));
        assert!(!sb.account.groups.contains_key("ops"));
        // Changes made without a command, as lesson set-up makes them: a user added directly
        // (the counts differ, so the index is rebuilt) and a key pushed onto a user (found by
        // the search that backs the index).
        let mut learner = sb.account.users["alice"].clone();
        learner.name = "learner".into();
        learner.access_keys.clear();
        sb.account.users.insert("learner".into(), learner);
        agrees(&sb.account, "a user added directly");
        let mut key = sb.account.users["alice"].access_keys[0].clone();
        key.id = "AKIADIRECTLYADDED000".into();
        sb.account
            .users
            .get_mut("alice")
            .unwrap()
            .access_keys
            .push(key);
        agrees(&sb.account, "a key added directly");
        // A clone shares the index until it changes; the original is untouched.
        let mut copy = sb.account.clone();
        copy.users.get_mut("alice").unwrap().groups.clear();
        copy.reindex();
        agrees(&copy, "a clone changed");
        agrees(&sb.account, "the original of a changed clone");
    }
}
