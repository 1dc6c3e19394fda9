//! Full-screen panels opened over any screen: the decision explainer, the audit findings, the
//! account explorer, the progress dashboard and the settings. Each panel's data is gathered
//! from the engines once, when it opens (or when Enter asks for more), never while drawing.

use crate::account::authz::Identity;
use crate::account::{Account, DecisionTrace};
use crate::audit::access::ByService;
use crate::audit::controls::Finding;
use crate::progress::{Dashboard, LearnerName};

/// Which panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
            Body::Findings(Some(_)) | Body::Explain(Some(_)) | Body::Progress(Some(_)) => {
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

/// The explorer's tree of an account: users (groups, policies, keys), groups, roles (trust,
/// instance profiles, policies) and customer managed policies.
pub fn tree(a: &Account, ja: bool) -> Tree {
    let w = |en: &'static str, jp: &'static str| if ja { jp } else { en };
    let mut rows = Vec::new();
    let mut push = |depth: u8, kind: EntityKind, label: String| {
        rows.push(Entity {
            depth,
            kind,
            label,
            document: None,
            identity: None,
        });
    };
    let managed = |arn: &str| -> Option<String> {
        a.policies
            .get(arn)
            .and_then(|p| p.default_document())
            .map(doc_text)
    };
    push(
        0,
        EntityKind::Heading,
        format!("{} ({})", w("Users", "ユーザー"), a.users.len()),
    );
    for u in a.users.values() {
        let mut facts = Vec::new();
        facts.push(if u.mfa.is_empty() {
            w("no MFA", "MFA なし").to_string()
        } else {
            w("MFA", "MFA あり").to_string()
        });
        if u.login_profile.is_some() {
            facts.push(w("console password", "コンソールパスワード").into());
        }
        let active = u
            .access_keys
            .iter()
            .filter(|k| k.status == crate::account::model::KeyStatus::Active)
            .count();
        if active > 0 {
            facts.push(if ja {
                format!("有効なアクセスキー {active} 個")
            } else {
                format!("{active} active access key(s)")
            });
        }
        rows.push(Entity {
            depth: 1,
            kind: EntityKind::Principal,
            label: format!("{}  ({})", u.name, facts.join(", ")),
            document: None,
            identity: Some(Identity::User(u.name.clone())),
        });
        for g in &u.groups {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Link,
                label: format!("{} {g}", w("group", "グループ")),
                document: None,
                identity: None,
            });
        }
        for p in &u.attached {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {}", w("attached", "アタッチ"), short(p)),
                document: managed(p),
                identity: None,
            });
        }
        for (n, d) in &u.inline {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {n}", w("inline", "インライン")),
                document: Some(doc_text(d)),
                identity: None,
            });
        }
        if let Some(b) = &u.boundary {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {}", w("boundary", "境界"), short(b)),
                document: managed(b),
                identity: None,
            });
        }
    }
    rows.push(Entity {
        depth: 0,
        kind: EntityKind::Heading,
        label: format!("{} ({})", w("Groups", "グループ"), a.groups.len()),
        document: None,
        identity: None,
    });
    for g in a.groups.values() {
        let members = a
            .users
            .values()
            .filter(|u| u.groups.contains(&g.name))
            .count();
        rows.push(Entity {
            depth: 1,
            kind: EntityKind::Link,
            label: if ja {
                format!("{}  (メンバー {members} 人)", g.name)
            } else {
                format!("{}  ({members} member(s))", g.name)
            },
            document: None,
            identity: None,
        });
        for p in &g.attached {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {}", w("attached", "アタッチ"), short(p)),
                document: managed(p),
                identity: None,
            });
        }
        for (n, d) in &g.inline {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {n}", w("inline", "インライン")),
                document: Some(doc_text(d)),
                identity: None,
            });
        }
    }
    rows.push(Entity {
        depth: 0,
        kind: EntityKind::Heading,
        label: format!("{} ({})", w("Roles", "ロール"), a.roles.len()),
        document: None,
        identity: None,
    });
    for r in a.roles.values() {
        rows.push(Entity {
            depth: 1,
            kind: EntityKind::Principal,
            label: r.name.clone(),
            document: None,
            identity: Some(Identity::Role {
                role: r.name.clone(),
                session: "explorer".into(),
            }),
        });
        rows.push(Entity {
            depth: 2,
            kind: EntityKind::Document,
            label: w("trust policy", "信頼ポリシー").into(),
            document: Some(doc_text(&r.trust)),
            identity: None,
        });
        for ip in a
            .instance_profiles
            .values()
            .filter(|ip| ip.roles.contains(&r.name))
        {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Link,
                label: format!(
                    "{} {}",
                    w("instance profile", "インスタンスプロファイル"),
                    ip.name
                ),
                document: None,
                identity: None,
            });
        }
        for p in &r.attached {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {}", w("attached", "アタッチ"), short(p)),
                document: managed(p),
                identity: None,
            });
        }
        for (n, d) in &r.inline {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {n}", w("inline", "インライン")),
                document: Some(doc_text(d)),
                identity: None,
            });
        }
        if let Some(b) = &r.boundary {
            rows.push(Entity {
                depth: 2,
                kind: EntityKind::Document,
                label: format!("{} {}", w("boundary", "境界"), short(b)),
                document: managed(b),
                identity: None,
            });
        }
    }
    let customer: Vec<_> = a.policies.values().filter(|p| !p.aws_managed).collect();
    rows.push(Entity {
        depth: 0,
        kind: EntityKind::Heading,
        label: format!(
            "{} ({})",
            w("Customer managed policies", "カスタマー管理ポリシー"),
            customer.len()
        ),
        document: None,
        identity: None,
    });
    for p in customer {
        rows.push(Entity {
            depth: 1,
            kind: EntityKind::Document,
            label: format!(
                "{}  ({} {})",
                p.name,
                w("default", "デフォルト"),
                p.default_version
            ),
            document: p.default_document().map(doc_text),
            identity: None,
        });
    }
    Tree {
        rows,
        summary: None,
    }
}
