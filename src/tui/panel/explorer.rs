//! The account explorer: the account's users, groups, roles and customer managed policies as a
//! tree, a document's JSON or a principal's effective permissions in the detail. Read-only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};

use super::{Body, Panel, detail, list, split};
use crate::account::Account;
use crate::account::authz::Identity;
use crate::audit::access::ByService;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::panel::Explorer;
use crate::msg::panel::PanelText;
use crate::tui::app::App;

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
            format!(
                "{}  ({})",
                u.name,
                facts.join(crate::msg::cli::Cli::SandboxListSep.text(lang))
            ),
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

pub(super) fn draw(f: &mut Frame, app: &App, p: &Panel, area: Rect, title: &str) {
    let Body::Account(Some(tree)) = &p.body else {
        return;
    };
    let [left, right] = split(area);
    let items: Vec<Text> = tree
        .rows
        .iter()
        .map(|e| {
            let style = match e.kind {
                EntityKind::Heading => app.theme.title,
                EntityKind::Principal => app.theme.text.add_modifier(Modifier::BOLD),
                EntityKind::Document => app.theme.code,
                EntityKind::Link | EntityKind::Fact => app.theme.dim,
            };
            Line::from(Span::styled(
                format!("{}{}", "  ".repeat(usize::from(e.depth)), e.label),
                style,
            ))
        })
        .map(Text::from)
        .collect();
    list(f, app, p, items, title, left);
    let cells = usize::from(crate::tui::view::inner(right));
    let row = tree.rows.get(p.cursor);
    let text: Text = match row {
        Some(e) if e.document.is_some() => Text::from(
            e.document
                .as_deref()
                .unwrap_or_default()
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    Line::from(vec![
                        Span::styled(format!("{:>3} ", i + 1), app.theme.dim),
                        Span::styled(line.to_string(), app.theme.code),
                    ])
                })
                .collect::<Vec<_>>(),
        ),
        Some(e) if e.identity.is_some() => match &tree.summary {
            Some((at, Ok(by))) if *at == p.cursor => {
                let total: usize = by.values().flat_map(|m| m.values()).map(Vec::len).sum();
                let head = PanelText::ActionsInServices
                    .fill(app.lang, &[("total", &total), ("services", &by.len())]);
                let mut lines = vec![Line::from(Span::styled(head, app.theme.title))];
                for (svc, levels) in by {
                    let summary: Vec<String> = levels
                        .iter()
                        .map(|(lv, acts)| {
                            use crate::audit::catalog::AccessLevel;
                            let level = AccessLevel::ALL
                                .into_iter()
                                .find(|l| l.as_str() == lv.as_str())
                                .map_or(lv.as_str(), |l| {
                                    crate::audit::validate::detail::access_level(l, app.lang)
                                });
                            crate::msg::validate::Validate::AccessCount
                                .fill(app.lang, &[("n", &acts.len()), ("level", &level)])
                        })
                        .collect();
                    // A row too long for the pane goes on under its counts, not under the
                    // service names.
                    let name = format!("{svc:<20} ");
                    let counts = summary.join(crate::msg::cli::Cli::SandboxListSep.text(app.lang));
                    let indent = crate::text::width(&name).min(cells / 2);
                    let pieces = [
                        (app.theme.code, name.as_str()),
                        (ratatui::style::Style::default(), &counts),
                    ];
                    for (k, row) in crate::text::wrap_spans(&pieces, cells, indent)
                        .into_iter()
                        .enumerate()
                    {
                        let mut spans = Vec::with_capacity(row.len() + 1);
                        if k > 0 {
                            spans.push(Span::raw(" ".repeat(indent)));
                        }
                        spans.extend(row.into_iter().map(|(style, t)| Span::styled(t, style)));
                        lines.push(Line::from(spans));
                    }
                }
                Text::from(lines)
            }
            Some((at, Err(e))) if *at == p.cursor => Text::from(e.clone()),
            _ => Text::from(Span::styled(
                PanelText::PressEnterForThis.text(app.lang),
                app.theme.dim,
            )),
        },
        _ => Text::default(),
    };
    detail(f, app, p, text, PanelText::Detail.text(app.lang), right);
}

/// Enter on the explorer's row `cursor`: a principal gets its effective-permission summary
/// (worked out now), a document is shown; true when the detail pane has something to show.
pub(super) fn open(tree: &mut Tree, cursor: usize, account: Option<&Account>) -> bool {
    let Some(row) = tree.rows.get(cursor) else {
        return false;
    };
    if let (Some(id), Some(a)) = (&row.identity, account) {
        let summary = crate::audit::access::permissions(a, id.clone()).map_err(|e| e.to_string());
        tree.summary = Some((cursor, summary));
        true
    } else {
        row.document.is_some()
    }
}
