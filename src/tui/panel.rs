//! Full-screen panels opened over any screen: the decision explainer, the audit findings, the
//! account explorer, the progress dashboard, the settings and the glossary (`glossary`). Each
//! panel's data is gathered from the engines once, when it opens (or when Enter asks for
//! more), never while drawing.

pub mod glossary;

use crate::account::authz::Identity;
use crate::account::{Account, DecisionTrace};
use crate::audit::access::ByService;
use crate::audit::controls::Finding;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::panel::Explorer;
use crate::progress::{Dashboard, LearnerName};

/// Which panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The decision explainer (AWS's evaluation flowchart with one request's path).
    Explain,
    /// The audit findings of the sandbox account.
    Findings,
    /// The account explorer.
    Account,
    /// The progress dashboard.
    Progress,
    /// Language, theme and learner.
    Settings,
    /// The glossary of the loaded packs.
    Glossary,
}

/// What kind of thing an explorer row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A section title (Users, Groups, Roles, Policies).
    Heading,
    /// A user, group or role.
    Principal,
    /// A group membership or an instance profile.
    Link,
    /// A policy document (managed, inline, boundary or trust).
    Document,
    /// A line of facts (keys, MFA, last use).
    Fact,
}

/// One row of the account explorer's tree.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Indentation level.
    pub depth: u8,
    /// What it is.
    pub kind: EntityKind,
    /// The text shown.
    pub label: String,
    /// For a document: its JSON text.
    pub document: Option<String>,
    /// For a user or role: who to summarise.
    pub identity: Option<Identity>,
}

/// The explorer's data.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Every row, in order.
    pub rows: Vec<Entity>,
    /// The effective-permission summary of the principal last opened with Enter.
    pub summary: Option<(usize, Result<ByService, String>)>,
}

/// What a panel shows.
pub enum Body {
    /// The last decision to explain, if any.
    Explain(Option<Box<DecisionTrace>>),
    /// Findings, most severe first (`None`: no account here).
    Findings(Option<Vec<Finding>>),
    /// The account (`None`: no account here).
    Account(Option<Tree>),
    /// The learner's progress (`None`: progress is not saved).
    Progress(Option<Dashboard>),
    /// The learners in the store.
    Settings(Vec<LearnerName>),
    /// The glossary's terms and filter.
    Glossary(glossary::GlossaryList),
}

/// An open panel.
pub struct Panel {
    /// Which.
    pub kind: Kind,
    /// The selected row.
    pub cursor: usize,
    /// Scroll of the detail pane.
    pub scroll: u16,
    /// Keys go to the detail pane.
    pub detail: bool,
    /// The data.
    pub body: Body,
    /// A new learner's name being typed (settings).
    pub input: Option<String>,
}

impl Panel {
    /// A panel over `body`.
    pub fn new(kind: Kind, body: Body) -> Panel {
        Panel {
            kind,
            cursor: 0,
            scroll: 0,
            detail: false,
            body,
            input: None,
        }
    }

    /// How many selectable rows the list has.
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Explain(t) => t.as_ref().map_or(0, |t| t.explanation.statements.len()),
            Body::Findings(f) => f.as_ref().map_or(0, Vec::len),
            Body::Account(t) => t.as_ref().map_or(0, |t| t.rows.len()),
            Body::Progress(d) => d.as_ref().map_or(0, |d| d.lessons.len()),
            Body::Settings(_) => SETTINGS_ROWS,
            Body::Glossary(g) => g.shown.len(),
        }
    }

    /// True when there is nothing to select.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the selection (or scrolls the detail pane) by `delta`.
    pub fn step(&mut self, delta: i32) {
        if self.detail {
            self.scroll = (i32::from(self.scroll) + delta).clamp(0, i32::from(u16::MAX)) as u16;
            return;
        }
        let n = self.len();
        if n == 0 {
            return;
        }
        self.cursor = (self.cursor as i32 + delta).clamp(0, n as i32 - 1) as usize;
        self.scroll = 0;
    }

    /// Enter in the explorer: a principal gets its permission summary, a document opens.
    pub fn open(&mut self, account: Option<&Account>) {
        let cursor = self.cursor;
        match &mut self.body {
            Body::Account(Some(tree)) => {
                let Some(row) = tree.rows.get(cursor) else {
                    return;
                };
                if let (Some(id), Some(a)) = (&row.identity, account) {
                    let summary =
                        crate::audit::access::permissions(a, id.clone()).map_err(|e| e.to_string());
                    tree.summary = Some((cursor, summary));
                    self.detail = true;
                    self.scroll = 0;
                } else if row.document.is_some() {
                    self.detail = true;
                    self.scroll = 0;
                }
            }
            Body::Findings(Some(_))
            | Body::Explain(Some(_))
            | Body::Progress(Some(_))
            | Body::Glossary(_) => {
                self.detail = !self.detail;
                self.scroll = 0;
            }
            _ => {}
        }
    }
}

/// Rows of the settings panel: language, theme, learner, new learner.
pub const SETTINGS_ROWS: usize = 4;

fn doc_text(d: &crate::account::Document) -> String {
    match serde_json::from_str::<serde_json::Value>(&d.text) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| d.text.clone()),
        Err(_) => d.text.clone(),
    }
}

fn short(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

impl Entity {
    fn new(depth: u8, kind: EntityKind, label: String) -> Entity {
        Entity {
            depth,
            kind,
            label,
            document: None,
            identity: None,
        }
    }

    fn document(depth: u8, label: String, document: Option<String>) -> Entity {
        Entity {
            document,
            ..Entity::new(depth, EntityKind::Document, label)
        }
    }

    fn principal(label: String, identity: Identity) -> Entity {
        Entity {
            identity: Some(identity),
            ..Entity::new(1, EntityKind::Principal, label)
        }
    }
}

/// The explorer's tree of an account: users (groups, policies, keys), groups, roles (trust,
/// instance profiles, policies) and customer managed policies.
pub fn tree(a: &Account, lang: Lang) -> Tree {
    let w = |m: Explorer| m.text(lang);
    let managed = |arn: &str| -> Option<String> {
        a.policies
            .get(arn)
            .and_then(|p| p.default_document())
            .map(doc_text)
    };
    // The policies of a user, group or role: attached, inline, and its boundary.
    let policies = |rows: &mut Vec<Entity>,
                    attached: &[String],
                    inline: &std::collections::BTreeMap<String, crate::account::Document>,
                    boundary: Option<&str>| {
        for p in attached {
            let label = format!("{} {}", w(Explorer::Attached), short(p));
            rows.push(Entity::document(2, label, managed(p)));
        }
        for (n, d) in inline {
            let label = format!("{} {n}", w(Explorer::Inline));
            rows.push(Entity::document(2, label, Some(doc_text(d))));
        }
        if let Some(b) = boundary {
            let label = format!("{} {}", w(Explorer::Boundary), short(b));
            rows.push(Entity::document(2, label, managed(b)));
        }
    };
    let heading = |m: Explorer, n: usize| {
        Entity::new(0, EntityKind::Heading, format!("{} ({n})", m.text(lang)))
    };
    let mut rows = vec![heading(Explorer::Users, a.users.len())];
    for u in a.users.values() {
        let mut facts = Vec::new();
        facts.push(if u.mfa.is_empty() {
            w(Explorer::NoMfa).to_string()
        } else {
            w(Explorer::Mfa).to_string()
        });
        if u.login_profile.is_some() {
            facts.push(w(Explorer::ConsolePassword).into());
        }
        let active = u
            .access_keys
            .iter()
            .filter(|k| k.status == crate::account::model::KeyStatus::Active)
            .count();
        if active > 0 {
            facts.push(Explorer::ActiveKeys.fill(lang, &[("n", &active)]));
        }
        rows.push(Entity::principal(
            format!("{}  ({})", u.name, facts.join(", ")),
            Identity::User(u.name.clone()),
        ));
        for g in &u.groups {
            let label = format!("{} {g}", w(Explorer::Group));
            rows.push(Entity::new(2, EntityKind::Link, label));
        }
        policies(&mut rows, &u.attached, &u.inline, u.boundary.as_deref());
    }
    rows.push(heading(Explorer::Groups, a.groups.len()));
    for g in a.groups.values() {
        let members = a
            .users
            .values()
            .filter(|u| u.groups.contains(&g.name))
            .count();
        let label = format!(
            "{}  ({})",
            g.name,
            Explorer::Members.fill(lang, &[("n", &members)])
        );
        rows.push(Entity::new(1, EntityKind::Link, label));
        policies(&mut rows, &g.attached, &g.inline, None);
    }
    rows.push(heading(Explorer::Roles, a.roles.len()));
    for r in a.roles.values() {
        rows.push(Entity::principal(
            r.name.clone(),
            Identity::Role {
                role: r.name.clone(),
                session: "explorer".into(),
            },
        ));
        let trust = w(Explorer::TrustPolicy).to_string();
        rows.push(Entity::document(2, trust, Some(doc_text(&r.trust))));
        for ip in a
            .instance_profiles
            .values()
            .filter(|ip| ip.roles.contains(&r.name))
        {
            let label = format!("{} {}", w(Explorer::InstanceProfile), ip.name);
            rows.push(Entity::new(2, EntityKind::Link, label));
        }
        policies(&mut rows, &r.attached, &r.inline, r.boundary.as_deref());
    }
    let customer: Vec<_> = a.policies.values().filter(|p| !p.aws_managed).collect();
    rows.push(heading(Explorer::CustomerManaged, customer.len()));
    for p in customer {
        let label = format!(
            "{}  ({} {})",
            p.name,
            w(Explorer::Default),
            p.default_version
        );
        rows.push(Entity::document(
            1,
            label,
            p.default_document().map(doc_text),
        ));
    }
    Tree {
        rows,
        summary: None,
    }
}

/// What the progress panel needs from the loaded packs: titles in `lang` and each lesson's
/// exercises (every step but `read`), since progress knows lessons only by id.
pub fn catalog(packs: &[crate::lesson::Pack], lang: crate::lang::Lang) -> crate::progress::Catalog {
    use crate::progress::{LessonId, LessonInfo, PackId};
    let lang = lang.code();
    let mut cat = crate::progress::Catalog::new();
    for pack in packs {
        let Ok(pid) = PackId::new(pack.meta.id.as_str()) else {
            continue;
        };
        let fallback = pack.default_language();
        cat.add_pack(pid.clone(), pack.meta.title.get(lang, fallback));
        for lf in pack.ok_lessons() {
            let Ok(lid) = LessonId::new(lf.id.as_str()) else {
                continue;
            };
            let exercises = lf
                .steps
                .iter()
                .filter(|s| s.kind() != crate::lesson::StepKind::Read)
                .count() as u64;
            let title = lf.title.get(lang, fallback).to_string();
            cat.add_lesson(pid.clone(), lid, LessonInfo { title, exercises });
        }
    }
    cat
}
